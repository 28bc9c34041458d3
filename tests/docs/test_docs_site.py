"""The documentation site (``make docs``: MkDocs + mkdocstrings, ``mkdocs.yml``): every page
is in the navigation, and the site builds with warnings as errors."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from testkit import ROOT

DOCS = ROOT / "docs"


def _nav_pages() -> list[str]:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = text[text.index("\nnav:"):]
    return re.findall(r":\s*(\S+\.md)\s*$", nav, re.M)


def test_every_page_is_in_the_navigation_and_every_entry_exists() -> None:
    pages = sorted(str(p.relative_to(DOCS)) for p in DOCS.rglob("*.md"))
    nav = _nav_pages()
    assert sorted(nav) == pages
    assert len(nav) == len(set(nav))


def test_api_pages_name_importable_modules() -> None:
    import importlib

    for page in (DOCS / "api").glob("*.md"):
        for module in re.findall(r"^::: (\S+)", page.read_text(encoding="utf-8"), re.M):
            importlib.import_module(module)


@pytest.mark.slow
def test_site_builds_without_warnings(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs")
    pytest.importorskip("mkdocstrings")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "WARNING" not in proc.stderr
    assert (tmp_path / "site" / "api" / "html" / "index.html").is_file()
    html = (tmp_path / "site" / "api" / "html" / "index.html").read_text(encoding="utf-8")
    assert "HtmlEmitter" in html and ":class:" not in html
