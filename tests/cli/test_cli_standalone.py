"""``wikiparse convert -s`` / ``--css URL``: standalone HTML pages from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from clitools import err_text, require_parser, run_cli
from testkit import shared_path

html5lib = pytest.importorskip("html5lib")


@pytest.fixture(autouse=True)
def _parser() -> None:
    require_parser()


def _strict(document: str) -> None:
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(document)


def test_standalone_pages_of_corpus_files_are_valid_documents(tmp_path: Path) -> None:
    corpus = shared_path("corpora", "articles")
    pages = [corpus / "en--dbpedia--Berlin.wiki", corpus / "he--dbpedia--ברלין.wiki"]
    out = tmp_path / "out"
    result = run_cli(["convert", "-s", "--toc", "-q", *pages, "-o", out])
    assert result.returncode == 0, err_text(result)
    en = (out / "en--dbpedia--Berlin.html").read_text(encoding="utf-8")
    assert en.startswith("<!DOCTYPE html>") and "<style>" in en and 'id="toc"' in en
    _strict(en)
    he = run_cli(["convert", "-s", "--lang", "he", "-q", pages[1]])
    assert he.returncode == 0, err_text(he)
    document = he.stdout.decode("utf-8")
    assert '<html lang="he" dir="rtl">' in document
    _strict(document)


def test_css_links_stylesheets_instead_of_the_bundled_one() -> None:
    result = run_cli(["convert", "--standalone", "--css", "/a.css", "--css", "https://x.org/b.css",
                      "-q"], input=b"== A ==\ntext\n")
    assert result.returncode == 0, err_text(result)
    page = result.stdout.decode("utf-8")
    assert '<link rel="stylesheet" href="/a.css">' in page
    assert '<link rel="stylesheet" href="https://x.org/b.css">' in page
    assert "<style>" not in page and "<title>A</title>" in page


@pytest.mark.parametrize("args, message", [
    (["--css", "/a.css"], "--css goes with -s/--standalone"),
    (["-t", "text", "-s"], "--standalone goes with -t html"),
    (["-t", "markdown", "-s"], "--standalone goes with -t html"),
])
def test_page_options_misused_are_usage_errors(args: list[str], message: str) -> None:
    result = run_cli(["convert", *args, "-q"], input=b"x")
    assert result.returncode == 2
    assert message in err_text(result)
    assert result.stdout == b""


def test_help_lists_the_page_options() -> None:
    result = run_cli(["convert", "--help"])
    text = result.stdout.decode("utf-8")
    assert "-s, --standalone" in text and "--css URL" in text
