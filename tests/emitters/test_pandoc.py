"""pandoc JSON emitter: structure, and pandoc itself reads every corpus page's output."""

from __future__ import annotations

import json
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import wikiparse

from testkit import IN_CI, corpus_files


def pandoc_doc(src: str, **kw: object) -> dict:
    return json.loads(wikiparse.render(wikiparse.parse(src), "pandoc-json", **kw))


def test_structure() -> None:
    d = pandoc_doc("== H ==\n''a'' [[Foo bar|b]] {{tpl|x}}<ref>note</ref>\n* i\n[[Category:C]]")
    assert d["pandoc-api-version"][:2] == [1, 23]
    blocks = d["blocks"]
    assert blocks[0]["t"] == "Header" and blocks[0]["c"][0] == 2
    para = blocks[1]["c"]
    kinds = [x["t"] for x in para]
    assert "Emph" in kinds and "Note" in kinds
    link = next(x for x in para if x["t"] == "Link")
    assert link["c"][0][1] == ["wikilink"] and link["c"][2][0] == "Foo_bar"
    raw = next(x for x in para if x["t"] == "RawInline")
    assert raw["c"] == ["mediawiki", "{{tpl|x}}"]
    assert blocks[2]["t"] == "BulletList"
    assert d["meta"]["categories"]["t"] == "MetaList"


def test_lone_thumbnail_is_figure_and_standalone_template_raw_block() -> None:
    d = pandoc_doc("[[File:A.jpg|thumb|The caption]]\n\n{{Infobox|a=b}}")
    fig = d["blocks"][0]
    assert fig["t"] == "Figure"
    assert fig["c"][2][0]["c"][0]["t"] == "Image"
    assert d["blocks"][1] == {"t": "RawBlock", "c": ["mediawiki", "{{Infobox|a=b}}"]}
    old = pandoc_doc("[[File:A.jpg|thumb|The caption]]", api_version="1.22")
    assert old["pandoc-api-version"][:2] == [1, 22]
    assert old["blocks"][0]["t"] == "Para" and old["blocks"][0]["c"][0]["c"][2][1] == "fig:"


def test_table() -> None:
    d = pandoc_doc("{|\n|+ cap\n|a||b\n|-\n|c\n|}")
    table = d["blocks"][0]
    assert table["t"] == "Table"
    body = table["c"][4][0][3]
    assert len(body) == 2 and all(len(r[1]) == 2 for r in body)


def _pandoc_api_version() -> str | None:
    exe = shutil.which("pandoc")
    if exe is None:
        return None
    out = subprocess.run([exe, "-f", "markdown", "-t", "json"], input=b"x", capture_output=True)
    version = json.loads(out.stdout)["pandoc-api-version"]
    return f"{version[0]}.{version[1]}"


def test_pandoc_reads_every_corpus_page(corpus_dir: Path) -> None:
    api = _pandoc_api_version()
    if api is None:
        if IN_CI:
            pytest.fail("pandoc is missing (make pandoc-deps installs it)")
        pytest.skip("pandoc not installed (make pandoc-deps)")
    if api not in ("1.22", "1.23"):
        pytest.skip(f"pandoc API {api} is not one wikiparse writes")
    files = corpus_files()
    assert files

    def check(path: Path) -> str | None:
        doc = wikiparse.parse(path.read_text(encoding="utf-8"))
        out = wikiparse.render(doc, "pandoc-json", api_version=api)
        r = subprocess.run(["pandoc", "-f", "json", "-t", "json", "-o", "/dev/null"],
                           input=out.encode("utf-8"), capture_output=True)
        return None if r.returncode == 0 else f"{path.name}: {r.stderr.decode()[:200]}"

    with ThreadPoolExecutor(max_workers=4) as pool:
        failures = [f for f in pool.map(check, files) if f]
    assert not failures, failures[:5]
