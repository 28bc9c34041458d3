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
