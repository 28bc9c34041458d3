"""Tree invariants, checked by the test suite and available to users (``check_tree(doc)``).

1. every span lies in ``[0, len(source)]`` with ``start <= end``;
2. children lie inside their parent's span, in document order, without overlapping;
3. a Text node's value is exactly the source under its span;
4. no child list holds two adjacent Text nodes (one ending where the next starts): the parser
   merges them when it builds the list, so a run of text is one node.
"""

from __future__ import annotations

from .ast import Document, Node, Text


def check_tree(doc: Document, *, limit: int = 20) -> list[str]:
    """Problems found (empty when the tree is sound); stops after ``limit`` problems."""
    problems: list[str] = []
    source = doc.source
    n = len(source)
    stack: list[Node] = [doc]
    while stack and len(problems) < limit:
        node = stack.pop()
        s, e = node.span
        if not (0 <= s <= e <= n):
            problems.append(f"{node.type} span {node.span} outside [0, {n}]")
            continue
        if isinstance(node, Text) and source[s:e] != node.value:
            problems.append(f"Text {node.span} value {node.value[:30]!r} != source {source[s:e][:30]!r}")
        for name in node.CHILD_FIELDS:
            kids = getattr(node, name)
            if isinstance(kids, list):
                for a, b in zip(kids, kids[1:]):
                    if isinstance(a, Text) and isinstance(b, Text) and a.span[1] == b.span[0]:
                        problems.append(f"adjacent Text {a.span} and {b.span} in {node.type}.{name}")
        prev_end = s
        prev: Node | None = None
        for child in node.child_nodes():
            cs, ce = child.span
            if cs < s or ce > e:
                problems.append(f"{child.type} {child.span} not inside {node.type} {node.span}")
            elif cs < prev_end:
                problems.append(
                    f"{child.type} {child.span} overlaps or precedes {prev.type if prev else 'start'} "
                    f"ending at {prev_end} in {node.type} {node.span}"
                )
            prev_end = max(prev_end, ce)
            prev = child
            stack.append(child)
    return problems
