"""Tables as data: ``Table.grid()/cells()/data()/header_rows()/to_records()`` with rowspan and
colspan laid out as a browser does (HTML's table-forming algorithm)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import wikiparse
from wikiparse.ast import Table

SPANS = """{| class="wikitable"
! Name !! Year !! Place
|-
| rowspan="2" | [[Berlin|Berlin]] || 1237 || North
|-
| 1238 || East
|-
| colspan=2 | ''both'' || West
|-
| a || b || c || d
|}
"""


def table(source: str) -> Table:
    (found,) = wikiparse.parse(source).filter(Table)
    return found


def test_data_expands_rowspan_and_colspan_like_a_browser() -> None:
    assert table(SPANS).data(text=True) == [
        ["Name", "Year", "Place", ""],
        ["Berlin", "1237", "North", ""],
        ["Berlin", "1238", "East", ""],
        ["both", "both", "West", ""],
        ["a", "b", "c", "d"],
    ]
    assert table(SPANS).data()[1][0] == "[[Berlin|Berlin]]"  # wikitext by default
    assert table(SPANS).data()[3][0] == "''both''"


def test_without_span_the_rows_are_as_written() -> None:
    rows = table(SPANS).data(span=False, text=True)
    assert rows == [["Name", "Year", "Place"], ["Berlin", "1237", "North"], ["1238", "East"],
                    ["both", "West"], ["a", "b", "c", "d"]]
    cells = table(SPANS).cells(span=False)
    assert [len(r) for r in cells] == [3, 3, 2, 2, 4]


def test_grid_slots_share_the_spanning_cell() -> None:
    grid = table(SPANS).grid()
    assert grid[1][0] is grid[2][0] and grid[1][0] is not None
    assert (grid[1][0].row, grid[1][0].column, grid[1][0].rowspan, grid[1][0].colspan) == (1, 0, 2, 1)
    assert grid[3][0] is grid[3][1] and grid[3][0] is not None and grid[3][0].colspan == 2
    assert grid[0][3] is None
    assert table(SPANS).has_spans() and not table("{|\n| a || b\n|}").has_spans()


@pytest.mark.parametrize(("attrs", "expected"), [
    ('colspan="2px"', 2), ("colspan=0", 1), ("colspan=-3", 1), ("colspan=abc", 1),
    ("colspan=5000", 1000), ("rowspan=0", 0), ('rowspan=" 3"', 3), ("", 1),
])
def test_spans_are_read_as_html_reads_them(attrs: str, expected: int) -> None:
    name = attrs.split("=")[0] or "colspan"
    cell = table(f"{{|\n| {attrs} | x\n|}}").rows[0].cells[0]
    assert cell.span_size(name) == expected


def test_rowspan_zero_or_too_long_ends_at_the_last_row() -> None:
    for span in ("0", "99"):
        rows = table(f"{{|\n| rowspan={span} | a || b\n|-\n| c\n|-\n| d\n|}}").data()
        assert rows == [["a", "b"], ["a", "c"], ["a", "d"]]


def test_header_rows_and_records() -> None:
    t = table(SPANS)
    assert t.header_rows() == []  # the header row has a fourth, empty slot
    square = table("{|\n! Name !! Name !!\n|-\n| a || b || c\n|-\n! Name !! Name !!\n|-\n"
                   "| d || e || f\n|}")
    assert square.header_rows() == [0, 2]
    assert square.to_records() == [{"Name": "a", "Name 2": "b", "3": "c"},
                                   {"Name": "d", "Name 2": "e", "3": "f"}]
    plain = table("{|\n| a || b\n|-\n| c\n|}")
    assert plain.to_records() == [{"1": "a", "2": "b"}, {"1": "c", "2": ""}]
    assert table("{|\n|}").to_records() == [] and table("{|\n|}").data() == []


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 4)), max_size=4), max_size=5))
def test_the_grid_is_rectangular_and_every_cell_is_placed(rows: list[list[tuple[int, int]]]) -> None:
    lines = ["{|"]
    for cells in rows:
        lines.append("|-")
        for rowspan, colspan in cells:
            lines.append(f'| rowspan="{rowspan}" colspan="{colspan}" | x')
    lines.append("|}")
    t = table("\n".join(lines) + "\n")
    grid = t.grid()
    assert len({len(line) for line in grid}) <= 1
    placed = {id(slot.cell) for line in grid for slot in line if slot is not None}
    assert placed == {id(c) for row in t.rows for c in row.cells}
    for line_number, line in enumerate(grid):
        for column, slot in enumerate(line):
            if slot is not None:
                assert slot.row <= line_number < slot.row + slot.rowspan
                assert slot.column <= column < slot.column + slot.colspan
