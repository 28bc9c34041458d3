"""GitHub-flavoured Markdown syntax for the Markdown emitter: escaping, code spans and fences,
link destinations, pipe tables.  Pure string functions, no tree.

Escaping follows CommonMark's rule that any ASCII punctuation may be backslash-escaped: text
gets a backslash before every character that can start or end inline markup (emphasis, code,
links, raw HTML, GFM strikethrough and table pipes, GitHub's ``$`` math), before ``&`` (which could start
an entity with the text that follows), and before the characters that make a line a block (``#``, ``-``, ``+``,
``=``, ``1.``) at the start of a line.  So text is never read as markup.
"""

from __future__ import annotations

import re

__all__ = [
    "code_block", "code_span", "escape_inline", "escape_line_start", "escape_pipes",
    "link_destination", "pipe_table",
]

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~$&])")
_LINE_START = re.compile(r"^(?:[#=+-]|\d{1,9}[.)])")
_BACKTICKS = re.compile(r"`+")
_UNESCAPED_PIPE = re.compile(r"(?<!\\)((?:\\\\)*)\|")


def escape_inline(text: str) -> str:
    """``text`` as Markdown that shows exactly ``text`` inside a line."""
    return _INLINE_SPECIAL.sub(r"\\\1", text)


def escape_line_start(line: str) -> str:
    """A line of inline Markdown that starts no block (heading, list item, rule, setext)."""
    m = _LINE_START.match(line)
    if m is None:
        return line
    end = m.end()
    return line[: end - 1] + "\\" + line[end - 1 :]


def escape_pipes(cell: str) -> str:
    """Inside a table cell every ``|`` must be escaped, even in code spans and raw HTML."""
    return _UNESCAPED_PIPE.sub(r"\1\\|", cell)


def _longest_backtick_run(text: str) -> int:
    return max((len(m.group(0)) for m in _BACKTICKS.finditer(text)), default=0)


def code_span(text: str) -> str:
    """An inline code span showing ``text`` (newlines become spaces, as in CommonMark)."""
    text = " ".join(text.split("\n"))
    if not text.strip():
        return escape_inline(text)
    fence = "`" * (_longest_backtick_run(text) + 1)
    if text.startswith(("`", " ")) or text.endswith(("`", " ")):
        text = f" {text} "
    return f"{fence}{text}{fence}"


def code_block(text: str, info: str = "") -> str:
    """A fenced code block showing ``text`` verbatim (the fence outgrows any backtick run)."""
    fence = "`" * max(3, _longest_backtick_run(text) + 1)
    info = re.sub(r"[^A-Za-z0-9_+.#-]", "", info)
    return f"{fence}{info}\n{text.rstrip(chr(10))}\n{fence}" if text.strip("\n") else f"{fence}\n{fence}"


def link_destination(url: str) -> str:
    """A link destination for ``[label](…)``: spaces and angle brackets percent-encoded,
    pointy brackets around URLs with parentheses (which would end the destination)."""
    url = url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E").replace("\n", "")
    if "(" in url or ")" in url or "\\" in url:
        return f"<{url}>"
    return url


def pipe_table(rows: list[list[str]], header: list[str] | None, aligns: list[str]) -> str:
    """A GFM pipe table: ``header`` (None: an empty header row, GFM requires one), body
    ``rows`` (padded to the column count), ``aligns`` per column (``left``/``center``/
    ``right`` or ``""``).  Cells are single-line inline Markdown."""
    width = max([len(header or [])] + [len(r) for r in rows] + [1])
    head = (header or []) + [""] * (width - len(header or []))
    delims = []
    for i in range(width):
        align = aligns[i] if i < len(aligns) else ""
        delims.append({"left": ":---", "center": ":---:", "right": "---:"}.get(align, "---"))

    def line(cells: list[str]) -> str:
        cells = cells + [""] * (width - len(cells))
        return "| " + " | ".join(escape_pipes(c) or " " for c in cells) + " |"

    return "\n".join([line(head), "| " + " | ".join(delims) + " |"] + [line(r) for r in rows])
