"""Regenerates docs/ast.md from the node classes: python docs/gen_ast_md.py"""

from __future__ import annotations

import dataclasses
import inspect
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from wikiparse import ast  # noqa: E402

HEADER = """# Node types (`wikiparse.ast`)

`wikiparse.ast` is a package and the leaf of wikiparse's layers (it imports nothing of wikiparse
but `config`, for types): `ast/nodes.py` holds the node base and the inline node classes,
`ast/document.py` the blocks, the document and its sections, `ast/visitor.py` the `visit_<Node>`
dispatch every emitter uses, `ast/wikitext.py` the one wikitext serialiser. Import the names from
`wikiparse.ast`.

Every node is a slotted dataclass with `span = (start, end)` (str offsets into `Document.source`,
end exclusive) and the typed fields below. `CHILD_FIELDS` lists the fields that hold child nodes,
in document order; `node.child_nodes()`, `node.walk()` and `node.filter(Type)` use them.

## The wikitext of a node

`str(node)` is the node's wikitext, for every node: the source text under its span when the node
is unedited, written from its fields when it was edited (`dirty`, see [editing](editing.md)) or
built by hand (`str(ast.Template((0, 0), name="X"))` is `{{X}}`). `repr(node)` stays the
dataclass view for debugging. Every parsed node reaches its document's text through
`node.origin` (set by `wikiparse.parse` and `from_json` with `ast.attach_source`; `None` for a node
built by hand). `to_wikitext(node, source=None)` is the same but strict: a node with a non-empty
span that cannot reach its source raises `ValueError` (pass `source`). `Parameter.value_text()`
needs no source. `render(node, fmt)` works on any node, with every emitter.

## Comments inside markup

MediaWiki's preprocessor removes comments before Parser.php reads links, quotes, tables and
lists, so their markup continues across a comment: `[<!--1-->[t|x]<!--2-->]` is a link,
`'<!---->''b'''` bold, `:<!-- c -->{|` an indented table, `<!-- c -->*a` a list. The
preprocessor's own constructs (`{{`, `{{{`, extension tags, headings) see a comment as a break
(`{<!---->{x}}` is text), and inside a template a `[<!---->[` is no link (the preprocessor's
`[[` would not hold the argument's `|`). The tree keeps the source whole; where each comment goes:

* **inside a construct's markup** (between the brackets of `[[`, `]]` or `[url`, in a link's
  target, between the `:` and `{|` of an indented table, between the characters of a list
  prefix) it is part of that markup: covered by the construct's span, no node of its own (as the
  comments inside a URL are part of its link). `str(node)` keeps it; a node written from its
  edited fields does not; a link's `target` is without it;
* **inside an apostrophe run** (`'<!---->''`) it is a child of the innermost Bold/Italic whose
  span holds it: a node opened by the run holds the comments after its opening apostrophe, a
  node closed by it those before its closing one;
* **before line-start markup** (`<!-- c -->{|`, `<!-- c -->*a`, `<!-- c -->|}`) it stands where
  a comment-only line would: beside the table, in the open list item or table cell, or in the
  open paragraph;
* everywhere else it is a node among its neighbours (`filter_comments()` finds it).

## Queries

mwparserfromhell's signatures, on every node (the document, a section, any container):
`filter(type)` / `ifilter(type)` (`forcetype=` too), `filter_templates()`, `filter_wikilinks()`,
`filter_external_links()`, `filter_headings()`, `filter_tags()`, `filter_text()`,
`filter_comments()`, `filter_arguments()`, `filter_html_entities()`, each with an `ifilter_*`
generator and the keywords `recursive=True`, `matches=None`, `flags=FLAGS`. `recursive=False`
means the node's own constructs: its children, looking through paragraphs, lists and indent-pre
but not into templates, links or tags (on a page, the templates mwparserfromhell's
`recursive=False` finds). `matches` is a regular expression searched in each node's normalised
name (a template's name, a link's title, a tag's name, an external link's URL, a text's value)
or a predicate on the node.
On `Document`: `headings`, `files`, `categories`, `language_links`, `redirect`, `navigation`,
`get_sections(levels=None, matches=None, flags=FLAGS, flat=False, include_lead=None,
include_headings=True)` (as mwparserfromhell: `matches` on the heading's title as written, markup
removed; the lead by default only without `levels`/`matches`), `strip_code()` (the text emitter,
reached through the emitter registry). A `Section` is a node too (a view whose children are the
document's own blocks): `str(section)`, `section.filter_templates()`, `render(section, "html")`.
`Template.get(name)` returns the parameter or raises `ValueError` (as mwparserfromhell);
`Template.get_param(name, default=None)` returns `default` instead; `Template.has(name)`.
Positional parameters answer to "1", "2"...
`ast.plain_title(nodes)` is the visible text of a heading or label.

Fields not listed below are bookkeeping, never serialised: `dirty`, `origin`, and
`Document.parse_fragment` (parses more wikitext the way the document was parsed; the HTML
emitter uses it for `<gallery>` lines, since emitters do not call the parser).

## Tables as data

`Table.data(span=True, text=False, strip=True)` gives the cells' contents by row, with `rowspan`
and `colspan` expanded as a browser lays the table out (HTML's table-forming algorithm: a span is
the attribute's leading digits, `colspan` 1–1000, a `rowspan` of 0 or past the last row ends at
the last row; overlapping cells keep the earlier one): each cell's wikitext, or its visible text
with `text=True`, `""` for an empty slot, a spanning cell repeated in every slot it covers
(`span=False`: each row as written). `Table.cells(span=True)` is the same grid of `TableCell`
nodes (`None` for an empty slot), `Table.grid()` the grid of `GridCell(cell, row, column,
rowspan, colspan)`, `Table.header_rows()` the rows whose every cell is a `!` header,
`Table.to_records()` the rows after the first header row as dicts keyed by its cells' text.
`TableCell.span_size("rowspan")`, `TableCell.wikitext()`, `TableCell.text()` answer for one cell.

```python
table = wikiparse.parse(page).filter(wikiparse.ast.Table)[0]
table.data(text=True)      # [["Name", "Year"], ["Berlin", "1237"], ["Berlin", "1238"]]
table.to_records()         # [{"Name": "Berlin", "Year": "1237"}, ...]
```

This page is generated from the class definitions (`python docs/gen_ast_md.py`).
"""


def main() -> None:
    out = [HEADER]
    for name, cls in [*ast.NODE_TYPES.items(), ("Section", ast.Section)]:
        out.append(f"## {name}\n")
        doc = inspect.getdoc(cls) or ""
        if doc and not doc.startswith(name + "("):
            out.append(doc + "\n")
        rows = []
        for f in dataclasses.fields(cls):
            if f.name == "span" or f.name in ast.BOOKKEEPING_FIELDS:
                continue
            kind = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", str(f.type))
            child = " (children)" if f.name in cls.CHILD_FIELDS else ""
            rows.append(f"| `{f.name}` | `{kind}`{child} |")
        if rows:
            out.append("| field | type |\n|---|---|\n" + "\n".join(rows) + "\n")
    Path(__file__).with_name("ast.md").write_text("\n".join(out), encoding="utf-8")


if __name__ == "__main__":
    main()
