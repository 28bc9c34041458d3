"""Standard output of every subcommand, through the real command: a full disk (``/dev/full``) is
exit status 4 with one message, a reader that goes away (``| head``) ends quietly, and text
outputs end with a newline."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from clitools import cli_command, err_text, require_parser, run_cli, tiny_dump

PAGE = "== History ==\n'''Berlin''' is the [[capital city|capital]].\n"


@pytest.fixture(autouse=True)
def _parser() -> None:
    require_parser()


@pytest.fixture
def inputs(tmp_path: Path) -> dict[str, Path]:
    page = tmp_path / "page.wiki"
    page.write_text(PAGE, encoding="utf-8")
    lines = tmp_path / "pages.jsonl"
    lines.write_text('{"id": 1, "text": "a"}\n{"id": 2, "text": "b"}\n', encoding="utf-8")
    dump = tmp_path / "dump.xml"
    dump.write_bytes(tiny_dump([(1, "A", "''a''"), (2, "B", "[[b]]")]))
    return {"page": page, "jsonl": lines, "dump": dump}


def _commands(inputs: dict[str, Path]) -> dict[str, list[str]]:
    return {
        "convert": ["convert", "-t", "text", str(inputs["page"])],
        "jsonl": ["jsonl", "-t", "text", str(inputs["jsonl"])],
        "dump": ["dump", "-t", "text", str(inputs["dump"])],
        "dump-jobs": ["dump", "-t", "text", "--jobs", "2", str(inputs["dump"])],
        "formats": ["formats"],
        "outline": ["outline", str(inputs["page"])],
        "help": ["convert", "--help"],
    }


COMMANDS = ["convert", "jsonl", "dump", "dump-jobs", "formats", "outline", "help"]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
@pytest.mark.parametrize("name", COMMANDS)
def test_a_full_disk_on_stdout_is_exit_status_4_without_a_traceback(
    name: str, inputs: dict[str, Path]
) -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run(cli_command(_commands(inputs)[name]), stdout=full,
                                stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, timeout=120)
    stderr = result.stderr.decode()
    assert result.returncode == 4, stderr
    assert "cannot write stdout: No space left on device" in stderr
    assert "Traceback" not in stderr and "Exception ignored" not in stderr


def _into_a_closed_pipe(argv: list[str]) -> subprocess.CompletedProcess[bytes]:
    """Run with stdout a pipe whose reader is already gone (what `| head` does once it has
    read its lines)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(argv, stdout=write_end, stderr=subprocess.PIPE,
                              stdin=subprocess.DEVNULL, timeout=120)
    finally:
        os.close(write_end)


@pytest.mark.parametrize("name", COMMANDS)
def test_a_closed_pipe_on_stdout_ends_quietly(name: str, inputs: dict[str, Path]) -> None:
    result = _into_a_closed_pipe(cli_command(_commands(inputs)[name] + ["-q"] * (
        name in ("convert", "jsonl", "dump", "dump-jobs"))))
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr == b""


def test_outline_module_into_a_closed_pipe_ends_quietly(inputs: dict[str, Path]) -> None:
    result = _into_a_closed_pipe([sys.executable, "-m", "wikiparse.rendered.outline",
                                  str(inputs["page"])])
    assert result.returncode == 0 and result.stderr == b""


def test_outline_module_is_the_outline_command(inputs: dict[str, Path]) -> None:
    module = subprocess.run([sys.executable, "-m", "wikiparse.rendered.outline",
                             str(inputs["page"]), "--indent", "-1"], capture_output=True,
                            timeout=120)
    assert module.returncode == 0, module.stderr.decode()
    assert module.stdout == run_cli(["outline", inputs["page"], "--indent", "-1"]).stdout
    usage = subprocess.run([sys.executable, "-m", "wikiparse.rendered.outline", "--help"],
                           capture_output=True, timeout=120)
    assert usage.stdout.startswith(b"usage: wikiparse outline")


@pytest.mark.parametrize("fmt", ["text", "html", "json"])
def test_text_outputs_end_with_a_newline_on_stdout_and_in_files(fmt: str, tmp_path: Path) -> None:
    result = run_cli(["convert", "-t", fmt, "-q"], input=PAGE.encode())
    assert result.returncode == 0, err_text(result)
    assert result.stdout.endswith(b"\n") and not result.stdout.endswith(b"\n\n")
    out = tmp_path / "out"
    to_file = run_cli(["convert", "-t", fmt, "-q", "-o", out], input=PAGE.encode())
    assert to_file.returncode == 0 and out.read_bytes() == result.stdout


def test_wikitext_output_stays_byte_exact_without_a_final_newline() -> None:
    result = run_cli(["convert", "-t", "wikitext", "-q"], input=b"no newline")
    assert result.stdout == b"no newline"



def test_markdown_outputs_in_a_folder_get_the_md_suffix(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    (pages / "sub").mkdir(parents=True)
    (pages / "a.wiki").write_text(PAGE, encoding="utf-8")
    (pages / "sub" / "b.wiki").write_text("* x\n", encoding="utf-8")
    out = tmp_path / "md"
    result = run_cli(["convert", "-q", "-t", "markdown", pages, "-o", out])
    assert result.returncode == 0, err_text(result)
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()) == [
        "a.md", "sub/b.md"]
