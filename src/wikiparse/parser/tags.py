"""HTML tag names and the tag-balancing pass.

MediaWiki lets a fixed set of HTML elements through (Sanitizer); any other ``<name>`` is text.
Block-level elements (``div``, ``table``...) are paired across lines within their container and
their content becomes a container of its own; inline elements (``b``, ``span``...) are paired
within one line.  An unclosed element runs to the end of its container (as an HTML parser
would); a stray end tag stays a ``stray-close`` Tag (MediaWiki shows it as text).
"""

from __future__ import annotations

HTML_TAGS = frozenset("""
abbr b bdi bdo big blockquote br caption center cite code data dd del dfn div dl dt em font h1 h2
h3 h4 h5 h6 hr i ins kbd li mark ol p q rb rp rt rtc ruby s samp small span strike strong sub sup
table td th time tr tt u ul var wbr thead tbody tfoot meta link img
""".split())

VOID_TAGS = frozenset({"br", "hr", "wbr", "meta", "link", "img"})

BLOCK_TAGS = frozenset("""
blockquote caption center dd div dl dt h1 h2 h3 h4 h5 h6 li ol p table tbody td tfoot th thead tr
ul
""".split())
