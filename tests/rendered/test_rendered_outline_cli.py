"""``wikiparse outline FILE...`` (also ``python -m wikiparse.rendered.outline FILE...``)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
from testkit import IN_CI, shared_path
from rendered_support import FIXTURES, fixture_expectations, outline_part

import wikiparse.cli


def main(argv: list[str]) -> int:
    return wikiparse.cli.main(["outline", *argv])


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wikiparse.rendered.outline", *args],
                          capture_output=True, text=True, encoding="utf-8", cwd=cwd, timeout=120)


def test_seed_outline_on_the_command_line_is_exactly_expected_json() -> None:
    folder = shared_path("corpora", "seed")
    expected = json.loads((folder / "expected.json").read_text("utf-8"))
    (name,) = expected
    result = run(name, cwd=folder)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == outline_part(expected[name])


def test_several_files_print_a_mapping_by_file_name() -> None:
    expected = fixture_expectations()
    names = sorted(expected)[:3]
    result = run(*names, cwd=FIXTURES)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {n: outline_part(expected[n]) for n in names}


def test_map_flag_and_one_line_output(capsys: object) -> None:
    name = "fandom_hyrule.txt"
    path = str(FIXTURES / name)
    assert main([path, "--map", "--indent", "-1"]) == 0
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert out.count("\n") == 1
    assert json.loads(out) == {path: outline_part(fixture_expectations()[name])}


def test_forced_dialect(capsys: object) -> None:
    path = str(FIXTURES / "fandom_hyrule.txt")
    assert main([path, "--dialect", "rendered"]) == 0
    assert json.loads(capsys.readouterr().out)["dialect"] == "rendered"  # type: ignore[attr-defined]


def test_missing_file_is_reported_and_the_others_printed(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Title\n\nA[edit]\n", encoding="utf-8")
    result = run(str(page), str(tmp_path / "missing.txt"))
    assert result.returncode == 1
    assert "missing.txt" in result.stderr
    data = json.loads(result.stdout)
    assert list(data) == [str(page)]
    assert data[str(page)]["headings"] == [{"level": 2, "title": "A"}]


def test_standard_input() -> None:
    result = subprocess.run([sys.executable, "-m", "wikiparse.rendered.outline", "-"],
                            input="Title\r\n\r\nA[edit]\r\n", capture_output=True, text=True,
                            encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"] == "Title"


def test_wikiparse_outline_command_prints_the_seed_outline() -> None:
    """Acceptance: ``wikiparse outline`` on the seed prints exactly expected.json's outline."""
    if importlib.util.find_spec("wikiparse.cli") is None:
        if IN_CI:
            pytest.fail("wikiparse.cli is missing in CI")
        pytest.skip("the wikiparse CLI (wikiparse.cli) is not there yet")
    folder = shared_path("corpora", "seed")
    expected = json.loads((folder / "expected.json").read_text("utf-8"))
    (name,) = expected
    result = subprocess.run([sys.executable, "-m", "wikiparse", "outline", name], capture_output=True,
                            text=True, encoding="utf-8", cwd=folder, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == outline_part(expected[name])


def test_auto_dialect_reads_every_fixture_as_rendered() -> None:
    import wikiparse
    from wikiparse.rendered.outline import outline

    for name, expected in fixture_expectations().items():
        text = (FIXTURES / name).read_bytes().decode("utf-8")
        assert outline(wikiparse.parse(text, dialect="auto")) == outline_part(expected), name
