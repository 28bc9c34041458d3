"""Regenerates docs/ast.md from the node classes: python docs/gen_ast_md.py"""

from __future__ import annotations

import dataclasses
import inspect
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from wikiparse import ast  # noqa: E402

HEADER = """# Node types (`wikiparse.ast`)

Every node is a slotted dataclass with `span = (start, end)` (str offsets into `Document.source`,
end exclusive) and the typed fields below. `CHILD_FIELDS` lists the fields that hold child nodes,
in document order; `node.child_nodes()`, `node.walk()` and `node.filter(Type)` use them.
Queries on every node: `walk()`, `filter(type)`, `filter_templates()`, `filter_wikilinks()`,
`filter_external_links()`, `filter_headings()`, `filter_tags()`, `filter_text()`.
On `Document`: `headings`, `files`, `categories`, `language_links`, `redirect`, `navigation`,
`get_sections(levels=, matches=, include_lead=)`, `strip_code()`; `str(doc)` is the source.
`Template.get(name)` / `Template.has(name)` find parameters (positional ones answer to "1", "2"...).

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
    for name, cls in ast.NODE_TYPES.items():
        out.append(f"## {name}\n")
        doc = inspect.getdoc(cls) or ""
        if doc and not doc.startswith(name + "("):
            out.append(doc + "\n")
        rows = []
        for f in dataclasses.fields(cls):
            if f.name in ("span", "dirty"):
                continue
            kind = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", str(f.type))
            child = " (children)" if f.name in cls.CHILD_FIELDS else ""
            rows.append(f"| `{f.name}` | `{kind}`{child} |")
        if rows:
            out.append("| field | type |\n|---|---|\n" + "\n".join(rows) + "\n")
    Path(__file__).with_name("ast.md").write_text("\n".join(out), encoding="utf-8")


if __name__ == "__main__":
    main()
