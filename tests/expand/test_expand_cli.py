"""CLI: convert/jsonl --templates, dump --expand (templates from the dump itself)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clitools import run_cli
from testkit import shared_path


def template_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    (folder / "pages").mkdir(parents=True)
    (folder / "pages" / "hi.txt").write_text("Hello, {{{1}}}!", encoding="utf-8")
    (folder / "index.json").write_text(json.dumps({"Template:Hi": "pages/hi.txt"}))
    return folder


def test_convert_with_templates_uses_the_file_name_as_title(tmp_path: Path) -> None:
    page = tmp_path / "Some_page.wiki"
    page.write_text("{{Hi|you}} {{CURRENTYEAR}} {{PAGENAME}}", encoding="utf-8")
    proc = run_cli(["convert", "-t", "text", "-q", "--templates", template_folder(tmp_path),
                    "--clock", "2001-02-03T04:05:06Z", page])
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode() == "Hello, you! 2001 Some page\n"
    plain = run_cli(["convert", "-t", "text", "-q", page])
    assert b"Hello" not in plain.stdout


def test_jsonl_with_templates_takes_the_title_field(tmp_path: Path) -> None:
    line = json.dumps({"id": 7, "title": "X y", "text": "{{Hi|j}} {{PAGENAME}}"}) + "\n"
    proc = run_cli(["jsonl", "-t", "text", "-q", "--templates", template_folder(tmp_path)],
                   input=line.encode())
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {"id": 7, "text": "Hello, j! X y"}


def test_bad_clock_is_a_usage_error(tmp_path: Path) -> None:
    proc = run_cli(["convert", "--templates", template_folder(tmp_path), "--clock", "soon"],
                   input=b"x")
    assert proc.returncode == 2 and b"--clock" in proc.stderr


def test_dump_expand_refuses_stdin_and_clusters() -> None:
    proc = run_cli(["dump", "--expand", "-"], input=b"")
    assert proc.returncode == 2 and b"--expand" in proc.stderr


@pytest.mark.slow
@pytest.mark.parametrize("name", ["enwiki-mini-pages-articles.xml.bz2",
                                  "multi-mini-pages-articles.xml.bz2"])
def test_dump_expand_same_output_for_any_jobs(tmp_path: Path, name: str) -> None:
    dump = shared_path("corpora", "dumps", name)
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        proc = run_cli(["dump", "--expand", "-t", "html", "-q", "--clock", "2001-01-01T00:00:00Z",
                        "--jobs", jobs, dump, "-o", out], timeout=600)
        assert proc.returncode == 0, proc.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] and outputs[0].count(b"\n") > 100


def test_dump_expand_expands_the_dumps_own_templates(tmp_path: Path) -> None:
    dump = shared_path("corpora", "dumps", "enwiki-mini-pages-articles.xml.bz2")
    db = tmp_path / "t.db"
    out = tmp_path / "o.jsonl"
    proc = run_cli(["dump", "--expand", "--templates-db", db, "-t", "wikitext", "-q",
                    "--namespaces", "10", dump, "-o", out], timeout=600)
    assert proc.returncode == 0, proc.stderr
    (record,) = [json.loads(line) for line in out.read_text().splitlines()]
    # the template page itself, expanded as a page: <noinclude> shown, its own PAGENAME
    assert record["title"] == "Template:Infobox fixture"
    assert "Infobox fixture" in record["wikitext"] and "{{PAGENAME}}" not in record["wikitext"]
    assert db.exists()
