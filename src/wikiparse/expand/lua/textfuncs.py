"""``mw.text`` helpers that are easier over Python ``str``: entities and ``nowiki`` escaping."""

from __future__ import annotations

import html.entities
import re

_ENCODE = {"<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&#039;", "\u00a0": "&nbsp;"}
_ENCODE_RE = re.compile("[<>&\"'\u00a0]")
_ENTITY = re.compile(r"&(?:#[xX]([0-9A-Fa-f]+)|#([0-9]+)|([A-Za-z][A-Za-z0-9]*));")
_BASIC = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "nbsp": "\u00a0"}


def html_encode(text: str) -> str:
    """``mw.text.encode`` with the default set (``<>&"'`` and no-break space)."""
    return _ENCODE_RE.sub(lambda m: _ENCODE[m.group(0)], text)


def _codepoint(value: int) -> str | None:
    if value == 0 or value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
        return None
    return chr(value)


def html_decode(text: str, named: bool) -> str:
    """``mw.text.decode``: numeric entities and ``&lt;&gt;&amp;&quot;&nbsp;``; every HTML5 name too
    when ``named``."""

    def replace(m: re.Match[str]) -> str:
        hex_, dec, name = m.groups()
        if hex_ is not None or dec is not None:
            ch = _codepoint(int(hex_, 16) if hex_ is not None else int(dec))
            return ch if ch is not None else m.group(0)
        if named:
            value = html.entities.html5.get(name + ";")
            return value if value is not None else m.group(0)
        return _BASIC.get(name, m.group(0))

    return _ENTITY.sub(replace, text)


_ALWAYS = {'"': "&#34;", "&": "&#38;", "'": "&#39;", "<": "&#60;", "=": "&#61;", ">": "&#62;",
           "[": "&#91;", "]": "&#93;", "{": "&#123;", "|": "&#124;", "}": "&#125;", ";": "&#59;",
           "\uff3f": "&#xFF3F;"}
_LINE_START = {"#": "&#35;", "*": "&#42;", ":": "&#58;", " ": "&#32;", "!": "&#33;", "+": "&#43;",
               "-": "&#45;", "\t": "&#9;"}
_LINE_START_RE = re.compile("(^|\n)([#*: !+\\-\t])")
_MAGIC_LINK = re.compile(r"\b(ISBN|RFC|PMID) ")


def nowiki(text: str) -> str:
    """``mw.text.nowiki`` (MediaWiki's ``wfEscapeWikiText``): escape what could start markup,
    the ends of the string counting as the edges of unknown text."""
    s = "".join(_ALWAYS.get(ch, ch) for ch in text)
    s = _LINE_START_RE.sub(lambda m: m.group(1) + _LINE_START[m.group(2)], s)
    s = s.replace("!!", "&#33;!").replace("://", "&#58;//").replace("\r", "&#13;")
    s = _MAGIC_LINK.sub(r"\1&#32;", s)
    s = s.replace("__", "_&#95;")
    if s.startswith("_"):
        s = "&#95;" + s[1:]
    if s.endswith("_"):
        s = s[:-1] + "&#95;"
    s = s.replace("~~~", "~~&#126;")
    if s.startswith("~~"):
        s = "&#126;" + s[1:]
    if s.endswith("~~"):
        s = s[:-1] + "&#126;"
    if s.startswith("\n"):
        s = "&#10;" + s[1:]
    s = s.replace("\n\n", "\n&#10;")
    if s.endswith("\n"):
        s = s[:-1] + "&#10;"
    return s


__all__ = ["html_decode", "html_encode", "nowiki"]
