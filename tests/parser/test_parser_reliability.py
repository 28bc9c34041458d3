"""Issue 18's parser failures, each pinned: parse never raises, one brace run nests no deeper
than ``Limits.max_depth`` (memory linear), tables keep their spans in document order, and
``python -O`` builds the same tree."""

from __future__ import annotations

import json
import subprocess
import sys
import tracemalloc

import wikiparse
from wikiparse import ast
from wikiparse.config import Limits
from wikiparse.validate import check_tree


def _depth(node: ast.Node) -> int:
    best = 0
    stack = [(node, 1)]
    while stack:
        n, d = stack.pop()
        best = max(best, d)
        stack.extend((c, d + 1) for c in n.child_nodes())
    return best


def test_equals_after_a_failed_inner_frame_names_the_parameter() -> None:
    # the '=' was recorded as an index into the part, which the failed {{[[a]]}} later changed
    doc = wikiparse.parse("{{a|{{[[a]]}}=}}")
    (tpl,) = doc.filter(ast.Template)
    (param,) = tpl.params
    assert param.showkey and param.value == []
    assert param.name == "{{[[a]]}}"
    assert check_tree(doc) == []


def test_equals_variants_parse_and_round_trip() -> None:
    for text in ["{{a|{{[[a]]}}=b}}", "{{a|{{b|[[c]]}}x=y|z}}", "{{P|{{]}}{{#}}é=}}",
                 "{{a|[[b|{{c}}]]=d|e=f}}", "{{a|{{[[a]]}}==}}", "{{#if:{{[[x]]}}|a=b}}"]:
        doc = wikiparse.parse(text)
        assert str(doc) == text
        assert check_tree(doc) == []


def test_brace_run_nests_no_deeper_than_max_depth() -> None:
    n = 30_000
    text = "{" * n + "}" * n
    doc = wikiparse.parse(text, limits=Limits(max_depth=50))
    assert str(doc) == text and check_tree(doc) == []
    assert _depth(doc) < 3 * 50
    assert any(d.code == "limit-depth" for d in doc.diagnostics)


def test_brace_run_memory_is_linear() -> None:
    # each nested Argument copied its whole inner source into its name: 64 KB took 342 MB
    text = "{" * 100_000 + "}" * 100_000
    tracemalloc.start()
    try:
        doc = wikiparse.parse(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(doc) == text
    assert peak < 40 * len(text), peak


def test_brace_run_inside_a_template_keeps_the_template() -> None:
    text = "{{a|" + "{" * 3000 + "x" + "}" * 3000 + "}}"
    doc = wikiparse.parse(text)
    assert str(doc) == text and check_tree(doc) == []
    assert isinstance(doc.children[0], ast.Paragraph)
    assert isinstance(doc.children[0].children[0], ast.Template)


def test_caption_after_a_row_keeps_document_order() -> None:
    for text in ["{|\n|\n|+", "{|\n|a\n|+cap\n|}", "{|\n!\n|+", "{|\n|\n|-\n|+", "{|\n|\n|+{|\n|\n|+"]:
        doc = wikiparse.parse(text)
        assert check_tree(doc) == [], text
        (table,) = doc.filter(ast.Table, recursive=True)[:1]
        assert table.caption is None  # the caption comes after a row: late content of that row


def test_blank_line_before_a_nested_table_does_not_overlap_the_next_cell() -> None:
    doc = wikiparse.parse("{|\n|-\n \n{|\n|}\n|")
    assert check_tree(doc) == []
    row = doc.filter(ast.TableRow)[0]
    assert [c.span for c in row.cells] == sorted(c.span for c in row.cells)


_O_SCRIPT = """
import json, sys, wikiparse
texts = json.loads(sys.stdin.read())
print(json.dumps([wikiparse.render(wikiparse.parse(t), "json") for t in texts]))
"""


def test_python_O_builds_the_same_tree() -> None:
    texts = ["{{a|{{[[a]]}}=}}", "{{a|b=c|d}}", "''a'''b''c'''", "{|\n|+c\n|-\n|a||b\n|}",
             "* a\n*# b\n: c", "<b>x<i>y</b>z</i>", "[[File:a.jpg|thumb|[[b|c]]]]", "{{{a|{{b}}}}}"]
    runs = []
    for flags in ([], ["-O"]):
        p = subprocess.run([sys.executable, *flags, "-c", _O_SCRIPT], input=json.dumps(texts),
                           capture_output=True, text=True, timeout=120, check=True)
        runs.append(json.loads(p.stdout))
    assert runs[0] == runs[1]
