"""HTML element names and their families: the one table the sanitizer, the emitters and the
parser share.  Data only (it imports nothing), below every layer that uses it.

Names are lower case.  The families answer different questions, so they overlap: which elements
wikitext may contain (:data:`ALLOWED_TAGS`), which never have content (:data:`VOID_TAGS`), which
end an open paragraph (:data:`P_CLOSING_TAGS`), which a browser lays out as blocks
(:data:`DISPLAY_BLOCK_TAGS`)...
"""

from __future__ import annotations

#: HTML elements MediaWiki's sanitizer accepts in wikitext (paired, self-closable and nestable
#: ones together); any other ``<name>`` is shown as text
ALLOWED_TAGS: frozenset[str] = frozenset("""
b bdi del i ins u font big small sub sup h1 h2 h3 h4 h5 h6 cite code em s strike strong tt var
div center blockquote ol ul dl table caption pre ruby rb rp rt rtc p span abbr dfn kbd samp data
time mark br wbr hr li dt dd meta link tr td th q bdo
""".split())

#: elements that never have content or an end tag (as the sanitizer writes them)
VOID_TAGS: frozenset[str] = frozenset({"br", "wbr", "hr", "meta", "link"})

#: elements that can run script or change the page around them: a sanitizer policy may only
#: allow them with ``allow_unsafe=True``
UNSAFE_TAGS: frozenset[str] = frozenset("""
script style iframe frame frameset object embed applet base form input button textarea select
option isindex keygen portal fencedframe template svg math noscript noembed noframes xmp
plaintext title head body html
""".split())

HEADING_TAGS: frozenset[str] = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

#: the table and its row groups: what holds rows
TABLE_SECTION_TAGS: frozenset[str] = frozenset({"table", "thead", "tbody", "tfoot"})

TABLE_CELL_TAGS: frozenset[str] = frozenset({"td", "th"})

#: block-level elements of wikitext: the parser pairs them across lines, and a line holding one
#: is never wrapped in a paragraph
BLOCK_TAGS: frozenset[str] = frozenset("""
blockquote caption center dd div dl dt h1 h2 h3 h4 h5 h6 li ol p table tbody td tfoot th thead tr
ul
""".split())

#: elements whose start tag ends an open ``<p>`` in an HTML parser (so output holding one must
#: not sit inside a paragraph)
P_CLOSING_TAGS: frozenset[str] = frozenset("""
div table figure ul ol dl pre h1 h2 h3 h4 h5 h6 blockquote center hr p address section article
aside details fieldset figcaption footer header main menu nav li dd dt caption tr td th tbody
thead tfoot
""".split())

#: elements a browser lays out as blocks (their text stands on lines of its own)
DISPLAY_BLOCK_TAGS: frozenset[str] = frozenset("""
p div blockquote center h1 h2 h3 h4 h5 h6 ul ol dl table caption pre hr figure figcaption section
article aside header footer nav main details summary address tbody thead tfoot
""".split())

#: elements a browser lays out as lines (list items, table rows)
DISPLAY_LINE_TAGS: frozenset[str] = frozenset({"li", "dt", "dd", "tr"})

__all__ = [
    "ALLOWED_TAGS", "BLOCK_TAGS", "DISPLAY_BLOCK_TAGS", "DISPLAY_LINE_TAGS", "HEADING_TAGS",
    "P_CLOSING_TAGS", "TABLE_CELL_TAGS", "TABLE_SECTION_TAGS", "UNSAFE_TAGS", "VOID_TAGS",
]
