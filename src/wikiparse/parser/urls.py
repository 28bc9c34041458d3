"""Where a URL in wikitext ends: the character-level rules of MediaWiki's free and bracketed
links (``Parser::makeFreeExternalLink``, ``handleExternalLinks``), as functions of the text.

The bracket builder decides *whether* a URL is a link (context: templates, links, labels);
these helpers say where it stops: trailing punctuation, character references that end it,
an IPv6 host, a protocol that starts inside a scheme-like word, a heading's closing ``=``.
"""

from __future__ import annotations

import re

from .context import IPV6_HOST

#: URL characters after the scanner's bounded token (``|`` excluded / included)
URL_CONTINUE = re.compile(r"""(?:[^\s\[\]<>"{}|'\x00-\x1f\x7f\ufffd]|'(?!')){1,2048}""")
URL_WITH_PIPES = re.compile(r"""(?:[^\s\[\]<>"{}'\x00-\x1f\x7f\ufffd]|'(?!')){1,2048}""")
#: '&lt;' and '&gt;' end any URL (they were '<' and '>' before the sanitizer)
ESCAPED_ANGLE = re.compile(r"&(?:lt|gt);")
#: what ends a free URL besides its characters: '&nbsp;' and the numeric references of '<',
#: '>' and NBSP (T84937)
_FREE_URL_STOP = re.compile(r"&(?:lt|gt|nbsp|#[xX]0*(?:3[CcEe]|[Aa]0)|#0*(?:60|62|160));")
# a character reference without its ';', at the end of the searched range
_ENTITY_BEFORE = re.compile(r"&(?:[A-Za-z]+|#[xX][0-9A-Fa-f]+|#[0-9]+)\Z")
_IPV6 = re.compile(IPV6_HOST)
# what may follow a heading's closing '=' run on its line: blanks and comments
_HEADING_LINE_REST = re.compile(r"[ \t]*(?:<!--(?:(?!-->).)*-->[ \t]*)*(?:\n|\Z)", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TRAILING_PUNCT = ",;.:!?\\"  # MediaWiki's ',;\.:!?' (the backslash included)


# what follows the URL of a '[url label]' that closes on its line (MediaWiki's label class)
_EXTLINK_REST = re.compile(r"[^\]\x00-\x08\x0a-\x1f\ufffd]{0,4096}\]")


def closes_with_pipes(text: str, pos: int) -> bool:
    """Whether a bracketed URL continuing at ``pos`` with its '|' closes on its line: in a
    file link's caption MediaWiki links ``[url|a|b label]`` before splitting the options."""
    m = URL_WITH_PIPES.match(text, pos)
    return m is not None and _EXTLINK_REST.match(text, m.end()) is not None


def ipv6_host_end(text: str, pos: int) -> int:
    """End of an IPv6 host in brackets at ``pos`` (``[2001:db8::1]``), or ``pos``."""
    m = _IPV6.match(text, pos)
    return m.end() if m else pos


def free_url_stop(text: str, s: int, end: int) -> int:
    """``end``, or where a reference that ends a free URL starts in ``text[s:end]``."""
    if text.find("&", s, end) < 0:
        return end  # no reference (most URLs)
    cut = _FREE_URL_STOP.search(text, s, end)
    return cut.start() if cut else end


def trailing_punctuation_start(text: str, s: int, end: int) -> int:
    """``end`` without the trailing ``,;.:!?\\`` (and ``)`` when the URL has no ``(``), but
    keeping a ``;`` that closes a character reference (``...&amp;``)."""
    has_paren = "(" in text[s:end]
    stripped = end
    while stripped > s:
        ch = text[stripped - 1]
        if ch in _TRAILING_PUNCT or (ch == ")" and not has_paren):
            stripped -= 1
        else:
            break
    if stripped < end and text[stripped] == ";" and _ENTITY_BEFORE.search(text, s, stripped):
        stripped += 1
    return stripped


def inner_protocol(text: str, s: int, colon: int, protocol: re.Pattern[str]) -> int:
    """Where a protocol starts inside the scheme-like word ``text[s:colon]`` after ``-``,
    ``+`` or ``.`` (MediaWiki's URLs start at a word boundary: ``ok-http://x``,
    ``svn+ssh://x``), or -1."""
    for i in range(s + 1, colon):
        if text[i - 1] in "+-." and text[i].isascii() and text[i].isalpha() \
                and protocol.match(text, i, colon + 3):
            return i
    return -1


def heading_end_left_out(text: str, line_start: int, s: int, url_end: int) -> int:
    """A URL ending a heading line (``==http://example.com==``) leaves the heading's closing
    ``=`` run out: MediaWiki finds headings before links.  As many ``=`` as open the line (at
    most 6) stay outside, when only blanks and comments follow."""
    ls = line_start
    if not (ls == 0 or text[ls - 1] == "\n") or text[ls : ls + 1] != "=":
        return url_end
    if _HEADING_LINE_REST.match(text, url_end) is None:
        return url_end
    opening = 0
    while opening < 6 and text[ls + opening : ls + opening + 1] == "=":
        opening += 1
    closing = 0
    while closing < opening and url_end - closing - 1 > s and text[url_end - closing - 1] == "=":
        closing += 1
    return url_end - closing


def comment_end(text: str, pos: int, end: int) -> int:
    """End of a comment starting at ``pos`` and closed before ``end``, or -1."""
    if not text.startswith("<!--", pos):
        return -1
    close = text.find("-->", pos + 4, end)
    return close + 3 if close >= 0 else -1


def strip_comments(url: str) -> str:
    """A URL as the parser sees it after the preprocessor removed its comments."""
    return _COMMENT.sub("", url)


def url_pieces(text: str, s: int, e: int) -> list[tuple[int, int, bool]]:
    """``text[s:e]`` cut into runs of URL text and comments: (start, end, is_comment)."""
    pieces: list[tuple[int, int, bool]] = []
    pos = s
    for m in _COMMENT.finditer(text, s, e):
        if m.start() > pos:
            pieces.append((pos, m.start(), False))
        pieces.append((m.start(), m.end(), True))
        pos = m.end()
    if pos < e:
        pieces.append((pos, e, False))
    return pieces
