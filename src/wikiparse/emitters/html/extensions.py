"""Extension tags (``<nowiki>``, ``<pre>``, ``<ref>``/``<references>``, ``<poem>``, hidden and
transparent tags, and a typed placeholder for the rest) and transclusions: templates, parser
functions and magic variables cannot be expanded offline, so they become empty placeholder
elements carrying the call in Parsoid's ``typeof="mw:Transclusion"`` + ``data-mw`` format."""

from __future__ import annotations

import json
import re
from json.encoder import encode_basestring as encode_json_string
from typing import Any, Callable

import wikiparse.ast as ast
from ..base import Visiting, is_visiting
from .base import HtmlBase, wiki_urlencode
from .langconvert import convert_variant
from .sanitizer import decode_entities, escape_attr, escape_class, escape_text, format_attributes

#: raw extension tags shown as preformatted code / inline code when not otherwise handled
_CODE_BLOCK_TAGS = frozenset({"syntaxhighlight", "source", "score", "timeline", "graph", "hiero"})
#: tags whose content is never shown on the page
_HIDDEN_TAGS = frozenset({"includeonly", "templatestyles", "templatedata", "section", "indicator"})
_TRANSPARENT_TAGS = frozenset({"noinclude", "onlyinclude"})



def _escape_json_attr(data: str) -> str:
    """:func:`escape_attr` for JSON text: JSON has already written tab, LF, CR and NUL as
    escapes, so only ``& < > " '`` are left (each replace is a pass over a long string)."""
    return (data.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;"))


class ExtensionRules(HtmlBase):
    """HTML for extension tags and transclusions."""

    def _placeholder(self, node: ast.Node, target: dict[str, str], params: list[ast.Parameter],
                     inline: bool = True) -> str:
        # data-mw is json.dumps({"parts": [{"template": {"target": target, "params": {name:
        # {"wt": value}}, "i": 0}}]}, ensure_ascii=False), written directly: building the
        # dicts and running the encoder was a third of the emitter's time
        values: dict[str, str] = {}
        source = self.source
        text_class = ast.Text
        for p in params:
            # p.value_text(source), inlined (a template has many parameters)
            value = p.value
            if len(value) == 1 and type(value[0]) is text_class:
                text = value[0].value
            else:
                text = "".join([n.value if isinstance(n, text_class) else
                                source[n.span[0] : n.span[1]] for n in value])
            # a repeated name keeps its first place
            values[p.name] = text.strip() if p.showkey else text
        quote = encode_json_string
        target_json = ", ".join([f"{quote(k)}: {quote(v)}" for k, v in target.items()])
        params_json = ", ".join([f'{quote(k)}: {{"wt": {quote(v)}}}' for k, v in values.items()])
        data = ('{"parts": [{"template": {"target": {' + target_json + '}, "params": {'
                + params_json + '}, "i": 0}}]}')
        tag = "span" if inline else "div"
        return (
            f'<{tag} class="mw-transclusion" typeof="mw:Transclusion" '
            f'data-mw="{_escape_json_attr(data)}"></{tag}>'
        )

    def visit_Template(self, node: ast.Template) -> str:
        self.page.templates.append(node.name)
        name = node.name
        href = self._template_hrefs.get(name)
        if href is None:
            href = "./" + wiki_urlencode("Template:" + name.replace(" ", "_"))
            self._template_hrefs[name] = href
        source = self.source
        target = {"wt": "".join([source[n.span[0] : n.span[1]]
                                 for n in node.name_nodes]).strip() or name,
                  "href": href}
        return self._placeholder(node, target, node.params)

    def visit_ParserFunction(self, node: ast.ParserFunction) -> str:
        self.page.templates.append(node.name)
        first = node.args[0].value_text(self.source) if node.args else ""
        target = {"wt": f"{node.name}:{first}", "function": node.name.lstrip("#").lower()}
        return self._placeholder(node, target, node.args[1:])

    def visit_Variable(self, node: ast.Variable) -> str:
        self.page.templates.append(node.name)
        return self._placeholder(node, {"wt": node.name, "function": node.name.lower()}, [])

    def visit_Argument(self, node: ast.Argument) -> Visiting:
        # a page is rendered with no arguments: the default shows, else the markup as text
        if node.default is not None:
            return (yield node.default)
        return self.text(self.src(node) or "{{{" + node.name + "}}}")

    def visit_ExtensionTag(self, node: ast.ExtensionTag) -> Visiting:
        name = node.name.lower()
        method: Callable[[ast.ExtensionTag], Any] | None = getattr(self, "ext_" + name, None)
        if method is not None:
            result = method(node)
            if is_visiting(result):  # a method that renders the tag's children
                return (yield from result)
            return result
        if name in _HIDDEN_TAGS:
            return ""
        if name in _TRANSPARENT_TAGS:
            return (yield node.children) if node.children else self.text(node.content or "")
        data = _escape_json_attr(json.dumps(
            {"name": name, "attrs": {a.name: a.value or "" for a in node.attrs if a.name},
             "body": {"extsrc": node.content or ""}}, ensure_ascii=False))
        typeof = f'typeof="mw:Extension/{escape_attr(name)}" data-mw="{data}"'
        if node.children:
            return f'<span class="mw-ext-{escape_class(name)}" {typeof}>{(yield node.children)}</span>'
        content = escape_text(node.content or "")
        if name in _CODE_BLOCK_TAGS:
            return f'<pre class="mw-ext-{escape_class(name)}" {typeof}>{content}</pre>'
        return f'<code class="mw-ext-{escape_class(name)}" {typeof}>{content}</code>'

    def ext_html(self, node: ast.ExtensionTag) -> str:
        """``<html>`` (a wiki with ``$wgRawHtml``, whose configuration makes it an extension
        tag): its content is written as it is, unsanitised, only with the emitter's
        ``raw_html`` option; otherwise it is shown as text."""
        if self.raw_html:
            return node.content or ""
        return self.text(self.src(node))

    def ext_langconvert(self, node: ast.ExtensionTag) -> str:
        """The content converted between the script variants ``from`` and ``to`` (see
        :mod:`.langconvert`); an error message when they are not variants of one language."""
        attrs = {a.name.lower(): decode_entities(a.value or "") for a in node.attrs if a.name}
        converted = convert_variant(decode_entities(node.content or ""),
                                    attrs.get("from", ""), attrs.get("to", ""))
        if converted is None:
            return ('<span class="error"><strong>Error:</strong> Langconvert tag\'s '
                    "<code>from</code> and <code>to</code> attributes must not be empty and "
                    "must contain BCP 47 codes for convertible variants of the same "
                    "language.</span>")
        return escape_text(converted)

    def ext_nowiki(self, node: ast.ExtensionTag) -> str:
        # its text is page text once unstripped: French spacing applies (T255007)
        return self.text(decode_entities(node.content or ""))

    def ext_pre(self, node: ast.ExtensionTag) -> str:
        attrs = format_attributes(self.attrs("pre", node.attrs))
        content = node.content or ""
        # <nowiki> inside <pre> only protects; its markup is not shown
        content = re.sub(r"(?i)<nowiki\s*>(.*?)</nowiki\s*>", r"\1", content, flags=re.S)
        content = re.sub(r"(?i)<nowiki\s*/>", "", content)
        return f"<pre{attrs}>{escape_text(decode_entities(content))}</pre>"

    def ext_ref(self, node: ast.ExtensionTag) -> Visiting:
        group = node.get_attr("group") or ""
        name = node.get_attr("name")
        inner = None
        if node.children:
            # the note's HTML is written where the references are: whether it needs the tree
            # builder is kept for there
            before = self.needs_tree_building, self.tree_dependent
            self.needs_tree_building = self.tree_dependent = False
            inner = (yield node.children).strip()
            if self.needs_tree_building:
                self.unbalanced_notes = True
            if self.tree_dependent:
                self.tree_dependent_notes = True
            self.needs_tree_building = self.needs_tree_building or before[0]
            self.tree_dependent = self.tree_dependent or before[1]
        if self._link_depth:
            sup = self.references.cite(group.strip(), name.strip() if name else None, inner)
            return re.sub(r"</?a\b[^>]*>", "", sup)
        return self.references.cite(group.strip(), name.strip() if name else None, inner)

    def ext_references(self, node: ast.ExtensionTag) -> Visiting:
        group = (node.get_attr("group") or "").strip()
        for child in node.children:
            if isinstance(child, ast.ExtensionTag) and child.name.lower() == "ref":
                name = child.get_attr("name")
                if name:
                    self.references.define(group, name.strip(), (yield child.children).strip())
        if self.unbalanced_notes:
            self.needs_tree_building = True
        if self.tree_dependent_notes:
            self.tree_dependent = True
        return self.references.flush(group)

    def ext_poem(self, node: ast.ExtensionTag) -> Visiting:
        inner = (yield node.children).strip("\n")
        inner = inner.replace("\n", "<br />\n")
        return f'<div class="poem">\n<p>{inner}\n</p>\n</div>'
