"""Editing a parsed tree and writing it back as a minimal diff.

``str(node)`` and the wikitext emitter copy every clean node from the document's source by span.
An edit marks the edited node *and its ancestors* ``dirty``; the serialiser
(:mod:`wikiparse.ast.wikitext`) then writes those from their fields: new nodes (created by an
edit; their span is zero-width at the place they were inserted) canonically, templates, links and
categories reusing the written form of every unchanged part, containers as the source text of the
gaps between their children.  So an edit changes only the bytes of what was edited; everything
else comes from the source.

    >>> import wikiparse
    >>> from wikiparse.editing import Editor
    >>> doc = wikiparse.parse("Hi {{tpl|a=1}} [[Foo|bar]].")
    >>> ed = Editor(doc)
    >>> ed.set_param(doc.filter_templates()[0], "a", "2")
    >>> ed.rename_link(doc.filter_wikilinks()[0], "Baz")
    >>> str(doc)
    'Hi {{tpl|a=2}} [[Baz|bar]].'
"""

from __future__ import annotations

from typing import Iterator

from . import ast
from .ast import canonical_wikitext
from .config import NS_CATEGORY, SiteConfig
from .ast.wikitext import label_position

__all__ = ["Editor", "EditError", "canonical_wikitext"]


class EditError(ValueError):
    """An edit that cannot be applied (the node is not in this document, a bad parameter...)."""


#: containers whose children are blocks (an inserted block gets its own line)
BLOCK_CONTAINERS: tuple[type[ast.Node], ...] = (ast.Document,)


# --------------------------------------------------------------------------- the editing API


class Editor:
    """Edits one document in place.  Every method marks what it changes (and the ancestors)
    dirty, so ``str(doc)`` / ``render(doc, "wikitext")`` writes the edit and copies the rest.

    New content is given as wikitext and parsed with the document's configuration.
    """

    def __init__(self, doc: ast.Document) -> None:
        if not isinstance(doc, ast.Document):
            raise TypeError(f"Editor needs a Document, got {type(doc).__name__}")
        self.doc = doc
        self._parents: dict[int, ast.Node] | None = None

    # ---- tree bookkeeping

    def _parent_map(self) -> dict[int, ast.Node]:
        if self._parents is None:
            parents: dict[int, ast.Node] = {}
            for node in self.doc.walk():
                for child in node.child_nodes():
                    parents[id(child)] = node
            self._parents = parents
        return self._parents

    def parent(self, node: ast.Node) -> ast.Node | None:
        """The parent of ``node`` in this document (None for the document itself)."""
        if node is self.doc:
            return None
        parent = self._parent_map().get(id(node))
        if parent is None:
            raise EditError(f"{type(node).__name__} at {node.span} is not in this document")
        return parent

    def ancestors(self, node: ast.Node) -> Iterator[ast.Node]:
        current = self.parent(node)
        while current is not None:
            yield current
            current = self.parent(current)

    def mark_dirty(self, node: ast.Node) -> None:
        """Mark ``node`` and its ancestors for re-serialisation (after changing fields by hand)."""
        node.dirty = True
        for anc in self.ancestors(node):
            anc.dirty = True

    def _adopt(self, parent: ast.Node, new: list[ast.Node], at: int) -> None:
        """Register freshly built nodes: zero-width spans at ``at``, dirty, parent links."""
        parents = self._parent_map()
        for top in new:
            parents[id(top)] = parent
            for n in top.walk():
                n.span = (at, at)
                n.dirty = True
                n.origin = self.doc.origin
                for c in n.child_nodes():
                    parents[id(c)] = n

    def _slot(self, node: ast.Node) -> tuple[ast.Node, list[ast.Node], int]:
        """(parent, the parent's list holding ``node``, index)."""
        parent = self.parent(node)
        if parent is None:
            raise EditError("the document itself cannot be replaced or removed")
        for name in parent.CHILD_FIELDS:
            value = getattr(parent, name)
            if isinstance(value, list):
                for i, item in enumerate(value):
                    if item is node:
                        return parent, value, i
        raise EditError(f"{type(node).__name__} is a single-node field of its parent; "
                        "edit the parent instead")

    def parse_fragment(self, wikitext: str, *, inline: bool) -> list[ast.Node]:
        """Nodes for ``wikitext`` (inline content unwraps the paragraph it parses to)."""
        from . import parse

        if inline:
            core = wikitext.strip()
            lead = wikitext[: len(wikitext) - len(wikitext.lstrip())]
            tail = wikitext[len(wikitext.rstrip()) :] if core else ""
            if lead or tail:
                inner = self.parse_fragment(core, inline=True) if core else []
                return ([ast.Text((0, 0), value=lead)] if lead else []) + inner + (
                    [ast.Text((0, 0), value=tail)] if tail else [])
        fragment = parse(wikitext, config=self.doc.config)
        nodes = list(fragment.children)
        if inline:
            unwrapped: list[ast.Node] = []
            for n in nodes:
                if isinstance(n, ast.Paragraph):
                    unwrapped.extend(n.children)
                else:
                    unwrapped.append(n)
            nodes = unwrapped
            if not nodes and wikitext:
                nodes = [ast.Text((0, 0), value=wikitext)]
        return nodes

    @staticmethod
    def _inline_context(parent: ast.Node) -> bool:
        return not isinstance(parent, BLOCK_CONTAINERS)

    # ---- generic operations

    def _fragment_for(self, node: ast.Node, parent: ast.Node, wikitext: str) -> list[ast.Node]:
        """Parsed nodes to put next to ``node``: a list item's fragment ``* x`` gives the item,
        not a new list (the same for table rows and cells)."""
        new = self.parse_fragment(wikitext, inline=self._inline_context(parent))
        while (len(new) == 1 and not isinstance(new[0], type(node))
               and isinstance(node, (ast.ListItem, ast.TableRow, ast.TableCell))):
            kids = list(new[0].child_nodes())
            if not any(isinstance(k, type(node)) for k in kids):
                break
            new = kids
        return new

    def replace(self, node: ast.Node, wikitext: str) -> list[ast.Node]:
        """Replace ``node`` by the nodes ``wikitext`` parses to; returns them."""
        parent, siblings, i = self._slot(node)
        new = self._fragment_for(node, parent, wikitext)
        self._adopt(parent, new, node.span[1])
        hole = ast.Text(node.span, value="")
        siblings[i : i + 1] = [hole, *new]
        self._parent_map()[id(hole)] = parent
        self.mark_dirty(parent)
        return new

    def insert_after(self, node: ast.Node, wikitext: str) -> list[ast.Node]:
        """Insert the nodes ``wikitext`` parses to right after ``node``; returns them."""
        parent, siblings, i = self._slot(node)
        new = self._fragment_for(node, parent, wikitext)
        self._adopt(parent, new, node.span[1])
        siblings[i + 1 : i + 1] = new
        self.mark_dirty(parent)
        return new

    def insert_before(self, node: ast.Node, wikitext: str) -> list[ast.Node]:
        """Insert the nodes ``wikitext`` parses to right before ``node``; returns them."""
        parent, siblings, i = self._slot(node)
        new = self._fragment_for(node, parent, wikitext)
        self._adopt(parent, new, node.span[0])
        siblings[i:i] = new
        self.mark_dirty(parent)
        return new

    def remove(self, node: ast.Node) -> None:
        """Remove ``node``.  A removed block takes its line break with it; a removed template
        parameter takes its ``|``."""
        parent, siblings, i = self._slot(node)
        if isinstance(node, ast.Parameter) and isinstance(parent, ast.Template):
            del siblings[i]
            self.mark_dirty(parent)
            return
        start, end = node.span
        if isinstance(parent, BLOCK_CONTAINERS):
            following = siblings[i + 1].span[0] if i + 1 < len(siblings) else parent.span[1]
            if self.doc.source[end:following].startswith("\n"):
                end += 1
        hole = ast.Text((start, end), value="")
        siblings[i] = hole
        self._parent_map()[id(hole)] = parent
        self.mark_dirty(parent)

    # ---- templates

    def set_param(self, template: ast.Template, name: str | int, value: str) -> ast.Parameter:
        """Set parameter ``name`` (a positional one by number) to the wikitext ``value``.

        An existing parameter keeps its name as written and the whitespace around its value;
        a new one copies the layout of the template's last named parameter."""
        key = str(name).strip()
        param = template.get_param(key)
        positional = param is not None and not param.showkey or param is None and (
            key.isdigit() and int(key) == 1 + sum(1 for p in template.params if not p.showkey))
        value = self.escape_value(value, positional=positional)
        if param is not None:
            old = "".join(self._source_of(n) for n in param.value)
            if param.showkey:
                lead = old[: len(old) - len(old.lstrip())]
                tail = old[len(old.rstrip()) :]
                text = lead + value.strip() + tail if old.strip() else lead + value + tail
            else:
                text = value
            new = self.parse_fragment(text, inline=True)
            self._adopt(param, new, param.span[1])
            if param.value and param.span[0] != param.span[1]:
                old_span = (param.value[0].span[0], param.value[-1].span[1])
                hole = ast.Text(old_span, value="")
                self._parent_map()[id(hole)] = param
                param.value = [hole, *new]
            else:
                param.value = new
            self.mark_dirty(param)
            return param
        if positional:
            param = ast.Parameter((0, 0), name=key, showkey=False)
            param.value = self.parse_fragment(value, inline=True)
        else:
            name_text, value_text = self._layout_like(template, key, value)
            param = ast.Parameter((0, 0), name=key, showkey=True)
            param.name_nodes = [ast.Text((0, 0), value=name_text)]
            param.value = self.parse_fragment(value_text, inline=True)
        self._adopt(template, [param], template.span[1] - 2)
        template.params.append(param)
        self.mark_dirty(template)
        return param

    def escape_value(self, value: str, *, positional: bool) -> str:
        """``value`` made safe as one parameter value: a ``|`` that would start another
        parameter becomes ``{{!}}``, and in a positional value an ``=`` that would make it a
        named one becomes ``&#61;`` (as mwparserfromhell writes it).  Marks inside links,
        templates, arguments, comments and extension tags are left alone: they split nothing."""
        if "|" not in value and not (positional and "=" in value):
            return value
        fragment = self.parse_fragment(value, inline=False)
        spans: list[tuple[int, int]] = []
        stack: list[ast.Node] = list(fragment)
        while stack:
            node = stack.pop()
            if isinstance(node, ast.Text):
                spans.append(node.span)
            elif not isinstance(node, _SHIELDING):
                kids = list(node.child_nodes())
                if not isinstance(node, (ast.Tag, ast.Attribute, ast.Entity)):
                    # the node's own markup (a heading's ``=`` marks, a table's pipes) splits
                    # a parameter as text does: the parts of its span its children leave
                    pos = node.span[0]
                    for kid in sorted(kids, key=lambda k: k.span[0]):
                        if kid.span[0] > pos:
                            spans.append((pos, kid.span[0]))
                        pos = max(pos, kid.span[1])
                    if node.span[1] > pos:
                        spans.append((pos, node.span[1]))
                stack.extend(kids)
        out: list[str] = []
        pos = 0
        for start, end in sorted(spans):
            out.append(value[pos:start])
            text = value[start:end].replace("|", "{{!}}")
            out.append(text.replace("=", "&#61;") if positional else text)
            pos = end
        out.append(value[pos:])
        return "".join(out)

    def _source_of(self, node: ast.Node) -> str:
        return ast.WikitextWriter(self.doc.source).write(node)

    def _layout_like(self, template: ast.Template, key: str, value: str) -> tuple[str, str]:
        """Name and value text for a new named parameter, spaced like the last named one."""
        for p in reversed(template.params):
            if p.showkey and p.name_nodes:
                name_src = "".join(self._source_of(n) for n in p.name_nodes)
                val_src = "".join(self._source_of(n) for n in p.value)
                n_lead = name_src[: len(name_src) - len(name_src.lstrip())]
                n_tail = name_src[len(name_src.rstrip()) :]
                v_lead = val_src[: len(val_src) - len(val_src.lstrip())]
                v_tail = val_src[len(val_src.rstrip()) :]
                if not val_src.strip():  # an empty value: its whitespace is all "tail"
                    v_lead, v_tail = (" " if " " in val_src else ""), val_src.lstrip(" ")
                if n_tail and "\n" not in n_tail:
                    n_tail = " " * max(1, len(name_src) - len(n_lead) - len(key))
                return n_lead + key + n_tail, v_lead + value + v_tail
        # no named parameter yet: a template written on several lines gets one per line
        src = self.doc.source[template.span[0] : template.span[1]]
        if template.params and "\n" in src:
            return " " + key + " ", " " + value + "\n"
        return key, value

    def remove_param(self, template: ast.Template, name: str | int) -> bool:
        """Remove every parameter called ``name``; returns whether one was there."""
        key = str(name).strip()
        doomed = [p for p in template.params if p.name == key]
        for p in doomed:
            self.remove(p)
        return bool(doomed)

    def rename_template(self, template: ast.Template, new_name: str) -> None:
        """Change a template's name, keeping the whitespace written around it."""
        written = "".join(self._source_of(n) for n in template.name_nodes) or template.name
        lead = written[: len(written) - len(written.lstrip())]
        tail = written[len(written.rstrip()) :]
        parsed = self.parse_fragment("{{" + new_name + "}}", inline=True)
        if len(parsed) != 1 or not isinstance(parsed[0], ast.Template):
            raise EditError(f"{new_name!r} is not a template name")
        name_node = ast.Text((0, 0), value=lead + new_name.strip() + tail)
        self._adopt(template, [name_node], template.span[0] + 2)
        template.name_nodes = [name_node]
        template.name = parsed[0].name  # normalised as the parser normalises it
        self.mark_dirty(template)

    # ---- links and categories

    def rename_link(self, link: ast.WikiLink | ast.Category, new_target: str) -> None:
        """Point a link (or category link) at ``new_target``; its label and trail stay."""
        new_target = new_target.strip()
        if not new_target:
            raise EditError("a link target cannot be empty")
        parsed = self.parse_fragment("[[" + new_target + "]]", inline=True)
        if len(parsed) != 1 or type(parsed[0]) is not type(link):
            raise EditError(f"[[{new_target}]] is not a {type(link).__name__}")
        if isinstance(link, ast.WikiLink):
            new = parsed[0]
            assert isinstance(new, ast.WikiLink)
            if not link.has_text:  # keep what the reader saw: [[a]]s -> [[c|a]]s
                shown = link.target[1:] if link.leading_colon else link.target
                self.set_link_text(link, shown)
            link.title, link.namespace, link.interwiki = new.title, new.namespace, new.interwiki
            link.fragment, link.leading_colon = new.fragment, new.leading_colon
        else:
            cat = parsed[0]
            assert isinstance(cat, ast.Category)
            link.name, link.title = cat.name, cat.title
        link.target = new_target
        self.mark_dirty(link)

    def set_link_text(self, link: ast.WikiLink, wikitext: str | None) -> None:
        """Replace a link's label (None removes it: ``[[Target]]``)."""
        if wikitext is None:
            link.children, link.has_text = [], False
        else:
            new = self.parse_fragment(wikitext, inline=True)
            label_at = label_position(link, link.trail)
            self._adopt(link, new, label_at)
            if link.has_text:
                holes: list[ast.Node] = [ast.Text(c.span, value="") for c in link.children]
                link.children = holes + new
            else:
                link.children = new
            link.has_text = True
        self.mark_dirty(link)

    def _category_node(self, inner: str) -> ast.Category:
        """The Category node the parser makes of ``[[inner]]`` (names normalised as it does)."""
        parsed = self.parse_fragment("[[" + inner + "]]", inline=True)
        if len(parsed) != 1 or not isinstance(parsed[0], ast.Category):
            raise EditError(f"[[{inner}]] is not a category link")
        return parsed[0]

    def _set_sort_key(self, cat: ast.Category, sort_key: str) -> None:
        """Give an existing category link the sort key ``sort_key``."""
        new = self._category_node(cat.target + "|" + sort_key)
        key_nodes = list(new.children)
        self._adopt(cat, key_nodes, cat.span[1] - 2)
        holes: list[ast.Node] = [ast.Text(c.span, value="") for c in cat.children]
        cat.children = holes + key_nodes
        cat.sort_key = new.sort_key
        self.mark_dirty(cat)

    def add_category(self, name: str, sort_key: str | None = None) -> ast.Category:
        """Add ``[[Category:name]]`` after the last category link, or at the end of the page.

        The namespace prefix is the one the page's existing categories use (``Kategorie:`` on a
        German page), else the site's name for namespace 14.  ``name`` may carry any of the
        site's names or aliases of that namespace (``Kategorie:X``, ``Категория:X``).  Adding a
        category already present returns the existing link, given ``sort_key`` if one is asked
        for."""
        config = self.doc.config or SiteConfig()
        prefix_written, colon, rest = name.partition(":")
        if colon and config.namespace_of(prefix_written.strip()) == NS_CATEGORY:
            name = rest  # "Kategorie:X", "Категория:X": the site's own names and aliases
        name = config.normalize_title(name)
        existing = self.doc.categories
        for cat in existing:
            if cat.name == name:
                if sort_key is not None and cat.sort_key != sort_key:
                    self._set_sort_key(cat, sort_key)
                return cat
        prefix = config.namespace_name(NS_CATEGORY) or "Category"
        if existing:
            prefix = existing[-1].target.partition(":")[0].strip() or prefix
        target = f"{prefix}:{name}"
        cat = self._category_node(target if sort_key is None else f"{target}|{sort_key}")
        if existing:
            last = existing[-1]
            parent, siblings, i = self._slot(last)
            newline = ast.Text((0, 0), value="\n")
            self._adopt(parent, [newline, cat], last.span[1])
            siblings[i + 1 : i + 1] = [newline, cat]
            self.mark_dirty(parent)
        else:
            doc = self.doc
            at = doc.span[1]
            self._adopt(doc, [cat], at)
            doc.children.append(cat)
            doc.dirty = True
        return cat


#: constructs whose ``|`` and ``=`` do not split a template's parameters
_SHIELDING: tuple[type[ast.Node], ...] = (
    ast.Template, ast.ParserFunction, ast.Argument, ast.Variable, ast.WikiLink, ast.FileLink,
    ast.Category, ast.LanguageLink, ast.ExtensionTag, ast.Comment,
)
