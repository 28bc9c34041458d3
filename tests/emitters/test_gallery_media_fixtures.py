"""``<gallery>`` modes and TimedMediaHandler's players, as MediaWiki renders them on its
parser-test wiki (issue 14): fixtures in ``fixtures/gallery_html.txt`` and
``fixtures/timed_media_html.txt``, rendered through :mod:`wikiparse.testing`'s environment
(its file repository holds the files' sizes, codecs and lengths)."""

from __future__ import annotations

from pathlib import Path

import pytest

import wikiparse
from wikiparse.emitters.gallery import gallery_lines
from wikiparse.emitters.html.gallery_html import php_number
from wikiparse.emitters.html.timed_media import handler_params, parse_time
from wikiparse.testing import parsertest_html

FIXTURES = Path(__file__).parent / "fixtures"


def _cases(name: str) -> list[tuple[str, str, list[str]]]:
    """(label, wikitext, expected fragments) of a fixture file."""
    cases = []
    comment: list[str] = []
    lines = (FIXTURES / name).read_text(encoding="utf-8").split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            comment = []
            i += 1
            continue
        if line.startswith("# "):
            comment.append(line[2:])
            i += 1
            continue
        end = lines.index(".", i)
        stop = lines.index(".", end + 1)
        cases.append((" ".join(comment)[:70], "\n".join(lines[i:end]), lines[end + 1:stop]))
        comment = []
        i = stop + 1
    return cases


CASES = [(f, *c) for f in ("gallery_html.txt", "timed_media_html.txt") for c in _cases(f)]


@pytest.mark.parametrize(("fixture", "label", "wikitext", "expected"), CASES,
                         ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_fixture(fixture: str, label: str, wikitext: str, expected: list[str]) -> None:
    html = parsertest_html(wikitext)
    for fragment in expected:
        if fragment.startswith("!"):
            assert fragment[1:] not in html, (label, fragment, html)
        else:
            assert fragment in html, (label, fragment, html)


def test_fixture_files_hold_cases() -> None:
    assert len(_cases("gallery_html.txt")) >= 15 and len(_cases("timed_media_html.txt")) >= 9


def test_php_number() -> None:
    assert php_number(1061.3333333333333) == "1061.3333333333"
    assert php_number(62.0) == "62" and php_number(155) == "155"


def test_parse_time() -> None:
    assert parse_time("1:25") == 85 and parse_time("0:1.2") == 1.2
    assert parse_time("00:00:2.3") == 2.3 and parse_time("7") == 7
    assert parse_time("1:2:3:4") is None and parse_time("x") is None and parse_time("") is None


def test_handler_params_keep_invalid_values_as_captions() -> None:
    params, rest = handler_params(["thumbtime=1:25", "start=x", "muted",
                                   "disablecontrols=fullscreen", "disablecontrols=ok", "Cap"])
    assert params == {"thumbtime": "1:25", "muted": "", "disablecontrols": "fullscreen"}
    assert rest == ["start=x", "disablecontrols=ok", "Cap"]


def test_packed_gallery_of_unknown_sizes_asks_for_the_width() -> None:
    """Without the files' sizes (the Commons repository) a packed gallery cannot fit images to
    a height: the thumbnail is fetched 1.5x the gallery's width instead of 1300px wide."""
    doc = wikiparse.parse('<gallery mode="packed">\nFile:Some photo.jpg\n</gallery>')
    html = wikiparse.render(doc, "html")
    assert "/180px-Some_photo.jpg" in html and 'width="120"' in html
    assert 'style="width: 122px"' in html


def test_players_are_numbered_per_page() -> None:
    html = parsertest_html("[[File:Video.ogv]]")
    assert html.count('id="mwe_player_1"') == 1
    assert parsertest_html("[[File:Audio.oga]]").count('id="mwe_player_1"') == 1


def test_gallery_line_in_another_namespace_is_kept() -> None:
    lines = gallery_lines("Category:Cats.jpg|c\n:Main page\n[[x\nFile:A.jpg")
    assert [(ln.name, ln.other_title, ln.caption) for ln in lines] == [
        ("Cats.jpg", "Category:Cats.jpg", "c"), ("Main page", "Main page", ""),
        ("A.jpg", None, "")]
