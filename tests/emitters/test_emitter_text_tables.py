"""The text emitter and spanned table cells: clean text keeps every cell in its column, visible
text stays what a browser shows (cells of a row side by side), unspanned tables are unchanged."""

from __future__ import annotations

import wikiparse

SPANS = ("{|\n! A !! B !! C\n|-\n| rowspan=2 | x || 1 || 2\n|-\n| 3 || 4\n|-\n"
         "| colspan=2 | wide || 5\n|}\n")


def test_clean_text_lays_spanned_cells_out_in_their_columns() -> None:
    text = wikiparse.render(wikiparse.parse(SPANS), "text")
    assert text.split("\n") == ["A\tB\tC", "x\t1\t2", "\t3\t4", "wide\t\t5"]
    for line in text.split("\n"):
        assert line.count("\t") == 2


def test_visible_text_is_the_browsers() -> None:
    text = wikiparse.render(wikiparse.parse(SPANS), "text", profile="visible")
    assert text.split("\n") == ["A\tB\tC", "x\t1\t2", "3\t4", "wide\t5"]


def test_tables_without_spans_are_unchanged() -> None:
    plain = "{|\n|+ Cap\n! A !! B\n|-\n|  a  || b\n|-\n| c\n|}\n"
    assert wikiparse.render(wikiparse.parse(plain), "text") == "Cap\nA\tB\na\tb\nc"
