"""A run of text is one Text node: the parser merges adjacent Text siblings when it builds a
child list, and ``check_tree`` reports any it finds."""

from __future__ import annotations

import pytest

import wikiparse
from wikiparse.ast import Document, Paragraph, Text
from wikiparse.validate import check_tree


def test_check_tree_reports_adjacent_text_siblings() -> None:
    src = "ab"
    para = Paragraph((0, 2), children=[Text((0, 1), value="a"), Text((1, 2), value="b")])
    doc = Document((0, 2), source=src, children=[para])
    problems = check_tree(doc)
    assert problems == ["adjacent Text (0, 1) and (1, 2) in Paragraph.children"]


def test_check_tree_accepts_text_siblings_with_markup_between() -> None:
    src = "a b"  # the space is markup here (as a pre line's leading space is)
    para = Paragraph((0, 3), children=[Text((0, 1), value="a"), Text((2, 3), value="b")])
    assert check_tree(Document((0, 3), source=src, children=[para])) == []


@pytest.mark.parametrize("src", [
    "one\ntwo",                       # paragraph lines joined by their newline
    "<blockquote>\nLine one\nLine two\n</blockquote>",
    "{|\n|a\nb\n|}",                  # a cell's lines
    "* a <!-- c -->\n<!-- d -->\n* b",
    "{{t|x\ny\n}}",                   # a template argument's lines
    "<ref>a\nb</ref>",
])
def test_text_runs_are_one_node(src: str) -> None:
    doc = wikiparse.parse(src)
    assert check_tree(doc) == []


def test_paragraph_text_and_newline_are_one_text() -> None:
    doc = wikiparse.parse("one\ntwo")
    para = doc.children[0]
    assert isinstance(para, Paragraph)
    assert [(c.type, c.span) for c in para.children] == [("Text", (0, 7))]
