"""The parser's layout: named passes wired by one driver, no stage importing another."""

from __future__ import annotations

import ast
from pathlib import Path

import wikiparse
from wikiparse.config import Limits, SiteConfig
from wikiparse.parser import driver
from wikiparse.parser.context import Context

PARSER = Path(driver.__file__).parent
# modules that hold a stage (a pass or the bracket/construct builders)
STAGES = {"brackets", "constructs", "tag_pairing", "tables", "headings", "block_levels",
          "paragraphs", "quotes"}


def _parser_imports(path: Path) -> set[str]:
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1 and node.module:
                out.add(node.module.split(".")[0])
            elif node.level == 1:
                out.update(a.name for a in node.names)
            elif node.level == 2 and not node.module:
                out.update("../" + a.name for a in node.names)
            elif node.level == 2:
                out.add("../" + node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("wikiparse"))
    return out


def test_no_stage_imports_another_stage() -> None:
    for name in STAGES:
        imported = _parser_imports(PARSER / f"{name}.py")
        assert not (imported & STAGES), f"{name} imports {imported & STAGES}"


def test_parser_modules_import_nothing_above_ast_and_config() -> None:
    allowed = {"../ast", "../config", "../title_text", "../gc_pause", "../grammar_files"}
    for path in PARSER.glob("*.py"):
        above = {m for m in _parser_imports(path) if m.startswith("../") or m.startswith("wikiparse")}
        assert above <= allowed, f"{path.name} imports {above - allowed}"


def test_driver_wires_every_block_pass_in_order() -> None:
    parser = driver.Parser(Context("x", SiteConfig(), Limits()))
    assert len(parser.block_passes) == len(driver.BLOCK_PASSES)
    assert driver.BLOCK_PASSES.index("tag_pairing") < driver.BLOCK_PASSES.index("tables") \
        < driver.BLOCK_PASSES.index("headings") < driver.BLOCK_PASSES.index("block_levels") \
        < driver.BLOCK_PASSES.index("paragraphs")


def test_no_parser_module_over_600_lines() -> None:
    for path in PARSER.glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 600, path.name


def test_a_table_cell_reenters_the_later_passes() -> None:
    # a heading and a list inside a cell: the cell's lines go through headings/block_levels
    doc = wikiparse.parse("{|\n|\n== H ==\n* a\n|}")
    cell = doc.children[0].rows[0].cells[0]  # type: ignore[attr-defined]
    assert [c.type for c in cell.children if c.type != "Text"] == ["Heading", "List"]
