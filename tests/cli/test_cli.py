"""The ``wikiparse`` command through a real subprocess: convert, jsonl, formats, outline, help,
progress output, and the same output for any --jobs."""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from clitools import (
    cli_command,
    err_text,
    leftovers,
    read_jsonl,
    require_format,
    require_parser,
    run_cli,
)

import wikiparse
from wikiparse.cli import EXIT_CODES

PAGE = "== History ==\n'''Berlin''' is the [[capital city|capital]] of {{country|Germany}}.\n"


@pytest.fixture(autouse=True)
def _parser() -> None:
    require_parser()


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """in/a.wiki, in/sub/b.wiki, in/sub/deeper/c.txt, in/.hidden.wiki"""
    root = tmp_path / "in"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / "a.wiki").write_text(PAGE, encoding="utf-8")
    (root / "sub" / "b.wiki").write_text("* one\n* two 🦉\n", encoding="utf-8")
    (root / "sub" / "deeper" / "c.txt").write_text("{| class=x\n| cell\n|}\n", encoding="utf-8")
    (root / ".hidden.wiki").write_text("hidden", encoding="utf-8")
    return root


# ---------------------------------------------------------------------------- basics


def test_version_and_help_list_commands_examples_and_exit_codes() -> None:
    version = run_cli(["--version"])
    assert version.returncode == 0
    assert version.stdout.decode().strip() == f"wikiparse {wikiparse.__version__}"
    help_ = run_cli(["--help"])
    assert help_.returncode == 0
    text = help_.stdout.decode()
    for command in ("convert", "jsonl", "dump", "formats", "outline"):
        assert command in text
    assert "examples:" in text
    for code in EXIT_CODES:
        assert f"\n  {code} " in text
    for command in ("convert", "jsonl", "dump"):
        sub = run_cli([command, "--help"])
        assert sub.returncode == 0
        assert "examples:" in sub.stdout.decode() and "exit status:" in sub.stdout.decode()


def test_no_command_and_bad_option_are_usage_errors() -> None:
    assert run_cli([]).returncode == 2
    bad = run_cli(["convert", "--no-such-option"])
    assert bad.returncode == 2 and "unrecognized arguments" in err_text(bad)
    jobs = run_cli(["convert", "--jobs", "-3"])
    assert jobs.returncode == 2 and "--jobs" in err_text(jobs)


def test_formats_lists_the_registered_emitters() -> None:
    result = run_cli(["formats"])
    assert result.returncode == 0
    listed = result.stdout.decode().split()
    assert listed == wikiparse.emitters()
    assert "wikitext" in listed


def test_unknown_format_is_a_usage_error_before_reading_input(tmp_path: Path) -> None:
    result = run_cli(["convert", "-t", "no-such-format", "-o", tmp_path / "x"], input=b"abc")
    assert result.returncode == 2
    assert "no-such-format" in err_text(result)
    assert not (tmp_path / "x").exists()


def test_console_script_and_python_m_are_the_same_command() -> None:
    script = Path(sys.executable).with_name("wikiparse")
    if not script.exists():
        pytest.skip("no console script beside this interpreter (not an installed venv)")
    result = subprocess.run([script, "--version"], capture_output=True, timeout=60)
    assert result.returncode == 0
    assert result.stdout == run_cli(["--version"]).stdout


def test_outline_is_a_subcommand_with_its_own_options(tmp_path: Path) -> None:
    result = run_cli(["outline", "--help"])
    assert result.returncode == 0
    text = result.stdout.decode()
    assert text.startswith("usage: wikiparse outline")
    for option in ("--dialect", "--map", "--indent"):
        assert option in text
    page = tmp_path / "page.txt"
    page.write_text("== A ==\n[[Category:X]]\n", encoding="utf-8")
    outline = run_cli(["outline", page, "--dialect", "wikitext", "--indent", "-1"])
    assert outline.returncode == 0, err_text(outline)
    assert outline.stdout.count(b"\n") == 1
    data = json.loads(outline.stdout)
    assert data["headings"] == [{"level": 2, "title": "A"}] and data["categories"] == ["X"]


# ---------------------------------------------------------------------------- convert


def test_convert_stdin_to_stdout_is_byte_exact_for_wikitext() -> None:
    source = PAGE.encode() + b"no final newline \xf0\x9f\xa6\x89"
    result = run_cli(["convert", "-t", "wikitext", "-q"], input=source)
    assert result.returncode == 0, err_text(result)
    assert result.stdout == source
    assert result.stderr == b""


def test_convert_dash_means_stdin_and_file_output_is_written(tmp_path: Path) -> None:
    out = tmp_path / "page.wiki"
    result = run_cli(["convert", "-t", "wikitext", "-", "-o", out], input=PAGE.encode())
    assert result.returncode == 0, err_text(result)
    assert out.read_text(encoding="utf-8") == PAGE
    assert result.stdout == b""
    summary = err_text(result).strip().splitlines()[-1]
    assert summary.startswith("wikiparse convert: 1 file, 0 errors, ")
    assert leftovers(tmp_path) == []


def test_convert_folder_mirrors_the_tree(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli(["convert", "-t", "wikitext", tree, "-o", out, "-q"])
    assert result.returncode == 0, err_text(result)
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == ["a.wiki", "sub/b.wiki", "sub/deeper/c.wiki"]
    assert (out / "a.wiki").read_bytes() == (tree / "a.wiki").read_bytes()
    assert (out / "sub/deeper/c.wiki").read_bytes() == (tree / "sub/deeper/c.txt").read_bytes()


def test_convert_suffix_glob_and_several_files_to_a_folder(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli(["convert", "-t", "wikitext", "--glob", "*.wiki", "--suffix", ".out",
                      tree, "-o", out, "-q"])
    assert result.returncode == 0, err_text(result)
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.out")) == [
        "a.out", "sub/b.out"]
    out2 = tmp_path / "out2"
    files = run_cli(["convert", "-t", "wikitext", tree / "a.wiki", tree / "sub" / "b.wiki",
                     "-o", out2, "-q"])
    assert files.returncode == 0, err_text(files)
    assert sorted(p.name for p in out2.iterdir()) == ["a.wiki", "b.wiki"]


def test_convert_several_inputs_to_stdout_in_order(tree: Path) -> None:
    result = run_cli(["convert", "-t", "wikitext", tree / "sub" / "b.wiki", tree / "a.wiki", "-q"])
    assert result.returncode == 0
    assert result.stdout.decode() == "* one\n* two 🦉\n" + PAGE


def test_convert_jobs_1_and_2_write_the_same_files(tree: Path, tmp_path: Path) -> None:
    for i in range(12):
        (tree / f"extra{i:02}.wiki").write_text(f"== {i} ==\n" + PAGE * (i + 1), encoding="utf-8")
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        result = run_cli(["convert", "-t", "wikitext", tree, "-o", out, "--jobs", jobs, "-q"])
        assert result.returncode == 0, err_text(result)
        outs.append({p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()})
    assert outs[0] == outs[1]
    assert len(outs[0]) == 15
    stdout = [run_cli(["convert", "-t", "wikitext", tree, "-j", j, "-q"]).stdout for j in "12"]
    assert stdout[0] == stdout[1] and len(stdout[0]) > 1000


def test_convert_json_format(tmp_path: Path) -> None:
    require_format("json")
    out = tmp_path / "page.json"
    result = run_cli(["convert", "-t", "json", "-o", out, "-q"], input=PAGE.encode())
    assert result.returncode == 0, err_text(result)
    doc = wikiparse.from_json(out.read_text(encoding="utf-8"))
    assert doc.source == PAGE
    assert [h.title for h in doc.headings] == ["History"]


def test_convert_refuses_to_overwrite_an_input(tree: Path) -> None:
    before = {p: p.read_bytes() for p in tree.rglob("*") if p.is_file()}
    result = run_cli(["convert", "-t", "wikitext", tree, "-o", tree])
    assert result.returncode == 2
    assert "refusing to overwrite the input" in err_text(result)
    single = run_cli(["convert", "-t", "wikitext", tree / "a.wiki", "-o", tree / "a.wiki"])
    assert single.returncode == 2 and "refusing to overwrite" in err_text(single)
    assert {p: p.read_bytes() for p in tree.rglob("*") if p.is_file()} == before


def test_convert_refuses_two_inputs_with_one_output(tmp_path: Path) -> None:
    (tmp_path / "x.wiki").write_text("a", encoding="utf-8")
    (tmp_path / "x.txt").write_text("b", encoding="utf-8")
    result = run_cli(["convert", "-t", "wikitext", tmp_path / "x.wiki", tmp_path / "x.txt",
                      "-o", tmp_path / "out"])
    assert result.returncode == 2
    assert "would both be written to" in err_text(result)
    assert not (tmp_path / "out").exists()


def test_convert_output_folder_inside_input_is_not_read_again(tree: Path) -> None:
    out = tree / "html"
    first = run_cli(["convert", "-t", "wikitext", tree, "-o", out, "-q"])
    second = run_cli(["convert", "-t", "wikitext", tree, "-o", out, "-q"])
    assert first.returncode == second.returncode == 0
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "a.wiki", "sub/b.wiki", "sub/deeper/c.wiki"]


# ---------------------------------------------------------------------------- jsonl


def _jsonl_input(n: int = 30) -> bytes:
    rows = [{"id": i, "text": f"== Page {i} ==\n" + PAGE * (i % 4), "lang": "en"} for i in range(n)]
    return b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in rows)


def test_jsonl_keeps_order_and_ids() -> None:
    data = _jsonl_input()
    result = run_cli(["jsonl", "-t", "wikitext", "-q"], input=data)
    assert result.returncode == 0, err_text(result)
    records = read_jsonl(result.stdout)
    inputs = [json.loads(line) for line in data.decode().splitlines()]
    assert [r["id"] for r in records] == [i["id"] for i in inputs]
    assert [r["wikitext"] for r in records] == [i["text"] for i in inputs]
    assert all(set(r) == {"id", "wikitext"} for r in records)


def test_jsonl_jobs_1_and_2_are_byte_identical(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(_jsonl_input(200) + b"oops\n")
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        result = run_cli(["jsonl", "-t", "wikitext", src, "-o", out, "-j", jobs, "-q"])
        assert result.returncode == 1
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert len(read_jsonl(outputs[0])) == 201


def test_jsonl_field_names_and_keep_fields() -> None:
    data = b'{"title": "T", "wikitext": "x", "lang": "de"}\n'
    result = run_cli(["jsonl", "-t", "wikitext", "--id-field", "title", "--text-field",
                      "wikitext", "--keep-fields", "-q"], input=data)
    assert result.returncode == 0, err_text(result)
    assert read_jsonl(result.stdout) == [{"title": "T", "lang": "de", "wikitext": "x"}]


def test_jsonl_json_format_embeds_an_object() -> None:
    require_format("json")
    result = run_cli(["jsonl", "-t", "json", "-q"], input=b'{"id": 1, "text": "== A ==\\nb"}\n')
    assert result.returncode == 0, err_text(result)
    [record] = read_jsonl(result.stdout)
    assert record["id"] == 1 and isinstance(record["json"], dict)
    assert wikiparse.from_json(record["json"]).source == "== A ==\nb"


def test_jsonl_several_inputs_are_read_in_order(tmp_path: Path) -> None:
    (tmp_path / "1.jsonl").write_bytes(b'{"id": "a", "text": "A"}\n')
    (tmp_path / "2.jsonl").write_bytes(b'{"id": "b", "text": "B"}\nbad\n')
    result = run_cli(["jsonl", "-t", "wikitext", tmp_path / "1.jsonl", tmp_path / "2.jsonl"])
    assert result.returncode == 1
    records = read_jsonl(result.stdout)
    assert [r["id"] for r in records] == ["a", "b", None]
    assert records[2]["line"] == 2
    assert f"{tmp_path / '2.jsonl'} line 2: invalid JSON" in err_text(result)


# ---------------------------------------------------------------------------- progress


def _run_with_terminal_stderr(args: list[str], timeout: float = 300) -> tuple[int, str]:
    master, slave = pty.openpty()
    proc = subprocess.Popen(cli_command(args), stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    return proc.wait(timeout=timeout), b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_on_a_terminal_and_summary_line(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(_jsonl_input(300))
    # slow the producer down a little so the bar is redrawn with a rate at least once
    status, screen = _run_with_terminal_stderr(
        ["jsonl", "-t", "wikitext", src, "-o", tmp_path / "out.jsonl"])
    assert status == 0
    assert "wikiparse jsonl" in screen and "%|" in screen and "B/" in screen
    assert "\r" in screen  # redrawn in place
    assert "wikiparse jsonl: 300 records, 0 errors, " in screen


def test_no_bar_when_stderr_is_not_a_terminal_and_quiet_silences_the_summary(
    tmp_path: Path,
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(_jsonl_input(20))
    plain = run_cli(["jsonl", "-t", "wikitext", src, "-o", tmp_path / "o.jsonl"])
    assert plain.returncode == 0
    lines = err_text(plain).splitlines()
    assert len(lines) == 1 and "\r" not in err_text(plain)
    assert lines[0].startswith("wikiparse jsonl: 20 records, 0 errors, ")
    assert " s" in lines[0]
    quiet = run_cli(["jsonl", "-t", "wikitext", src, "-o", tmp_path / "o.jsonl", "--quiet"])
    assert quiet.returncode == 0 and quiet.stderr == b""
    status, screen = _run_with_terminal_stderr(
        ["jsonl", "-t", "wikitext", str(src), "-o", str(tmp_path / "o.jsonl"), "-q"])
    assert status == 0 and screen == ""


def test_python_dash_m_wikiparse_runs_the_cli() -> None:
    result = subprocess.run([sys.executable, "-m", "wikiparse", "formats"], capture_output=True,
                            timeout=120)
    assert result.returncode == 0 and b"wikitext" in result.stdout
    assert shutil.which(sys.executable)


def test_rendered_dialect_is_passed_to_the_parser(tmp_path: Path) -> None:
    from testkit import shared_path

    seed = sorted(shared_path("corpora", "seed").glob("*.txt"))[0]
    result = run_cli(["convert", "--dialect", "rendered", "-t", "wikitext", seed, "-q"])
    assert result.returncode == 0, err_text(result)
    assert result.stdout == seed.read_bytes()
    require_format("json")
    as_json = run_cli(["convert", "--dialect", "auto", "-t", "json", seed, "-q"])
    assert as_json.returncode == 0, err_text(as_json)
    assert json.loads(as_json.stdout)["dialect"] == "rendered"
    wikitext = run_cli(["convert", "-t", "json", seed, "-q"])  # the default dialect
    assert json.loads(wikitext.stdout)["dialect"] == "wikitext"
