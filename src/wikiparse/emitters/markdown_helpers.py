"""The text and HTML emitters working for the Markdown emitter: template text (with footnote
templates and refs turned into Markdown footnotes) and tables kept as HTML (refs inside them
still footnotes).  Footnote markers are sentinels (:data:`NOTE`) until the Markdown is finished."""

from __future__ import annotations


import html as html_lib
import re
from typing import Any, Protocol

import wikiparse.ast as ast
from .base import is_visiting
from .html.emitter import HtmlEmitter
from .markdown_syntax import escape_inline
from .text import TextEmitter

__all__ = ["NOTE", "FootnoteOwner", "TemplateText", "html_ref_rule"]

#: a footnote marker before the Markdown is finished: ``\ue000label\ue001``
NOTE = re.compile("\ue000([^\ue001]*)\ue001")


class FootnoteOwner(Protocol):
    """The Markdown emitter as its helpers see it."""

    html_cited: list[str]

    def note_marker(self, group: str, name: str | None, text: str) -> str: ...

    def ref_marker(self, node: ast.ExtensionTag) -> str: ...


class TemplateText(TextEmitter):
    """The text emitter as the Markdown emitter's template renderer: footnotes that templates
    (``{{efn}}``, ``{{sfn}}``) or refs inside them make become Markdown footnotes."""

    def __init__(self, owner: FootnoteOwner, **options: Any) -> None:
        super().__init__(**options)
        self.owner = owner

    def add_footnote(self, template: ast.Template, text: str) -> str | None:
        group = "lower-alpha" if template.name.lower().startswith("efn") else ""
        return self.owner.note_marker(group, None, escape_inline(text))

    def visit_ExtensionTag(self, node: ast.ExtensionTag) -> str:
        if node.name.lower() == "ref":
            return self.owner.ref_marker(node)
        result = super().visit_ExtensionTag(node)
        if is_visiting(result):  # the text emitter's handler renders children
            result = self._drive(result)
        return str(result)


def html_ref_rule(owner: FootnoteOwner) -> Any:
    """Inside a table kept as HTML, refs still become footnotes (the marker as text)."""

    def rule(em: HtmlEmitter, node: ast.ExtensionTag) -> str:
        if node.name.lower() == "ref":
            marker = owner.ref_marker(node)
            owner.html_cited.append(marker)
            label = NOTE.sub(lambda m: m.group(1), marker)
            return f"<sup>[{html_lib.escape(label)}]</sup>"
        result = HtmlEmitter.visit_ExtensionTag(em, node)
        if is_visiting(result):  # a handler that yields its children: drive it
            result = em._drive(result)
        return str(result)

    return rule
