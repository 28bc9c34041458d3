"""``python -m wikiparse.demo`` (what ``make demo`` runs): the bundled sample page in each format,
and robustness when a format or the parser is missing."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

import wikiparse
from clitools import require_parser
from wikiparse import demo
from wikiparse.emitters import UnknownFormat


def test_sample_page_has_the_constructs_it_is_meant_to_show() -> None:
    text = demo.sample_text()
    for needle in ("== History ==", "'''", "''imaginary''", "[[Fenwick Island", "[[File:",
                   "{{Infobox", "# Thomas", "* [[List", '{| class="wikitable"', "<ref",
                   "<references />", "[https://"):
        assert needle in text, needle


def test_demo_runs_and_prints_each_format_under_a_header() -> None:
    result = subprocess.run([sys.executable, "-m", "wikiparse.demo"], capture_output=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode("utf-8")
    headers = [line for line in out.splitlines() if line.startswith("===== ")]
    assert [h.split(" (")[0] for h in headers] == ["===== HTML", "===== Plain text", "===== JSON",
                                                    "===== Expanded, plain text"]
    sections = out.split("\n===== ")[1:]
    for section in sections:
        body = section.split("\n", 1)[1].strip()
        assert body, f"empty section: {section[:40]}"
    expanded = sections[-1]
    # the sample's templates, expanded from the bundled store with the demo's fixed clock
    assert "Built\t1884 (142 years ago)" in expanded
    assert "A Survey of Coastal Lights. Harbour Board Press, 1901." in expanded
    assert "{{" not in expanded and "(not available yet" not in expanded
    available = wikiparse.emitters()
    for (title, fmt), section in zip(demo.FORMATS, sections):
        if fmt in available:
            assert "(not available yet" not in section
        else:
            assert f"{fmt} (not available yet: " in section


def test_demo_reports_a_missing_emitter_and_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    real_render = wikiparse.render

    def render(doc: object, fmt: str = "html", **options: object) -> object:
        if fmt == "html":
            raise UnknownFormat("no emitter named 'html'; known: wikitext")
        return real_render(doc, fmt, **options)  # type: ignore[arg-type]

    require_parser()
    monkeypatch.setattr(wikiparse, "render", render)
    out = io.StringIO()
    assert demo.main(out) == 0
    assert "html (not available yet: UnknownFormat: no emitter named 'html'" in out.getvalue()


def test_demo_without_a_parser_still_prints_every_header(monkeypatch: pytest.MonkeyPatch) -> None:
    def parse(text: str, **kwargs: object) -> object:
        raise ImportError("No module named 'wikiparse.parser.driver'")

    monkeypatch.setattr(wikiparse, "parse", parse)
    out = io.StringIO()
    assert demo.main(out) == 0
    text = out.getvalue()
    assert text.count("(not available yet: parser: ImportError") == 3
    assert text.count("\n===== ") == 4
