"""``HtmlEmitter(fragment_mode=...)``: MediaWiki's ``$wgFragmentMode`` for heading ids and
link fragments."""

from __future__ import annotations

import pytest

import wikiparse
from wikiparse.emitters.html import HtmlEmitter
from wikiparse.emitters.html.anchors import legacy_id


def _html(text: str, **options: object) -> str:
    return HtmlEmitter(wrap=False, **options).render(wikiparse.parse(text))  # type: ignore[arg-type]


@pytest.mark.parametrize("text, expected", [
    ("A B\nC", "A_B.0AC"),
    ("A&B&amp;C", "A.26B.26amp.3BC"),
    ("<bar>", ".3Cbar.3E"),
    ("  a__b  ", "a_b"),
    ("a:b~é", "a:b.7E.C3.A9"),
])
def test_legacy_id_is_phps_urlencode_with_dots(text: str, expected: str) -> None:
    assert legacy_id(text) == expected


def test_default_is_html5_without_fallback() -> None:
    html = _html("==A&B==\n[[#A&B]]")
    assert '<h2 id="A&amp;B">A&amp;B</h2>' in html
    assert 'href="#A&amp;B"' in html
    assert "<span id=" not in html


def test_legacy_mode_encodes_ids_and_fragments() -> None:
    html = _html("==A&B==\n[[#A&B]] [[Foo#A&B]]", fragment_mode=("legacy",))
    assert '<h2 id="A.26B">' in html
    assert 'href="#A.26B"' in html
    assert 'href="/wiki/Foo#A.26B"' in html


def test_second_mode_adds_a_fallback_span_with_the_same_suffix() -> None:
    html = _html("==A&B==\n==A&B==\n==Plain==", fragment_mode=("html5", "legacy"))
    assert '<h2 id="A&amp;B"><span id="A.26B"></span>A&amp;B</h2>' in html
    assert '<h2 id="A&amp;B_2"><span id="A.26B_2"></span>A&amp;B</h2>' in html
    assert '<h2 id="Plain">Plain</h2>' in html  # the same id in both modes: no span


def test_unknown_modes_fall_back_to_html5() -> None:
    assert '<h2 id="A&amp;B">' in _html("==A&B==", fragment_mode=("nonsense",))
