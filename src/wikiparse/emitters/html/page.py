"""The page: the document (references flushed, the table of contents placed, the
``mw-parser-output`` wrapper), headings with their anchors, and ``__TOC__``-style switches."""

from __future__ import annotations

import wikiparse.ast as ast
from ..base import Visiting
from .base import HtmlBase
from .sanitizer import escape_attr, escape_text
from .standalone import text_direction
from .treebuilder import build_tree_parts

#: where the table of contents goes (the first heading, or ``__TOC__``)
_TOC_MARK = "\x00TOC\x00"


class PageRules(HtmlBase):
    """HTML for the document, headings and behaviour switches."""

    def visit_Document(self, node: ast.Document) -> Visiting:
        # each top-level block on its own, marked when its HTML needs the tree builder: only
        # those (and what their open tags reach) go through it
        parts: list[str] = []
        unbalanced: list[bool] = []
        any_unbalanced = self.needs_tree_building
        for child in node.children:
            self.needs_tree_building = self.tree_dependent = False
            parts.append((yield child))
            unbalanced.append(self.needs_tree_building or self.tree_dependent)
            any_unbalanced = any_unbalanced or self.needs_tree_building
        if node.dialect == "rendered" and node.title:
            # a rendered page carries its title in the text: the page heading
            parts.insert(0, f'<h1 class="firstHeading">{escape_text(node.title)}</h1>\n')
            unbalanced.insert(0, False)
        for group in self.references.pending_groups():
            parts.append(self.references.flush(group))
            unbalanced.append(self.unbalanced_notes or self.tree_dependent_notes)
            any_unbalanced = any_unbalanced or self.unbalanced_notes
        self.needs_tree_building = any_unbalanced
        switches = set(self.page.switches)
        if self.toc and "NOTOC" not in switches and (
            len(self.page.headings) >= 4 or switches & {"FORCETOC", "TOC"}
        ) and self.page.headings:
            for i, part in enumerate(parts):
                if _TOC_MARK in part:
                    parts[i] = part.replace(_TOC_MARK, self._toc_html(), 1)
                    break
        for i, part in enumerate(parts):
            if _TOC_MARK in part:
                parts[i] = part.replace(_TOC_MARK, "")
        if any_unbalanced:
            body = build_tree_parts(parts, unbalanced)
        else:
            body = "".join(parts)
        if self.wrap:
            lang = self.config.lang if self.config is not None else "en"
            return (f'<div class="mw-parser-output" lang="{escape_attr(lang)}" '
                    f'dir="{text_direction(lang)}">{body}</div>')
        return body

    def _toc_html(self) -> str:
        out = ['<div id="toc" class="toc" role="navigation" aria-labelledby="mw-toc-heading">'
               '<div class="toctitle"><h2 id="mw-toc-heading">Contents</h2></div>\n<ul>']
        levels: list[int] = []
        counters: list[int] = []
        for level, anchor, text in self.page.headings:
            while levels and level < levels[-1]:
                if len(levels) == 1:  # shallower than the first heading: still a top entry
                    levels[-1] = level
                    break
                levels.pop()
                counters.pop()
                out.append("</li>\n</ul>")
            if levels and level == levels[-1]:
                out.append("</li>\n")
                counters[-1] += 1
            elif not levels or level > levels[-1]:
                if levels:
                    out.append("\n<ul>")
                levels.append(level)
                counters.append(1)
            number = ".".join(map(str, counters))
            depth = len(levels)
            out.append(
                f'<li class="toclevel-{depth}"><a href="#{escape_attr(anchor)}">'
                f'<span class="tocnumber">{number}</span> '
                f'<span class="toctext">{escape_text(text)}</span></a>'
            )
        out.append("</li>\n" + "</ul>\n</li>\n" * (len(levels) - 1) + "</ul>\n</div>\n")
        return "".join(out)

    def visit_Heading(self, node: ast.Heading) -> Visiting:
        inner = (yield node.children).strip()
        anchor, fallback = self.anchors.anchors_for(inner, self.fragment_mode)
        level = max(1, min(6, node.level))
        self.page.headings.append((level, anchor, self.plain(inner)))
        toc = ""
        if not self._toc_placed:
            self._toc_placed = True
            toc = "\x00TOC\x00"
        return (
            f'{toc}<div class="mw-heading mw-heading{level}"><h{level} id="{escape_attr(anchor)}">'
            f"{fallback}{inner}</h{level}></div>\n"
        )

    def visit_BehaviorSwitch(self, node: ast.BehaviorSwitch) -> str:
        self.page.switches.append(node.name)
        if node.name == "TOC" and self.toc:
            self._toc_placed = True
            return "\x00TOC\x00"
        return ""
