"""``<langconvert from to>``: script conversion between the variants of one language."""

from __future__ import annotations

import pytest

import wikiparse
from wikiparse.emitters.html import HtmlEmitter
from wikiparse.emitters.html.langconvert import convert_variant


def _html(src: str) -> str:
    return HtmlEmitter(wrap=False).render(wikiparse.parse(src)).strip()


@pytest.mark.parametrize(("source", "target", "text", "expected"), [
    ("sr-Latn", "sr-Cyrl", "Ljubljana zdravo", "Љубљана здраво"),
    ("sr-cyrl", "sr-latn", "Њујорк", "Njujork"),
    ("uz-Cyrl", "uz-Latn", "тест Тошкент", "test Toshkent"),
    ("tg", "tg-Latn", "тест", "test"),
    ("crh-Latn", "crh-Cyrl", "test", "тест"),
    ("ku-Latn", "ku-Arab", "test", "تەست"),
    ("shi-Latn", "shi-Tfng", "test", "ⵜⴻⵙⵜ"),
    ("sr-Latn", "sr-Latn", "x", "x"),
])
def test_letter_conversions(source: str, target: str, text: str, expected: str) -> None:
    assert convert_variant(text, source, target) == expected


@pytest.mark.parametrize(("source", "target"), [
    ("sr-el", "sr-ec"),  # MediaWiki's internal codes are no BCP 47 codes
    ("sr-Latn", "uz-Cyrl"),  # two languages
    ("", "sr-Cyrl"),
])
def test_what_is_no_pair_of_variants(source: str, target: str) -> None:
    assert convert_variant("x", source, target) is None


def test_the_tag() -> None:
    assert _html('<langconvert from="sr-latn" to="sr-cyrl">zdravo</langconvert>') == \
        "<p>здраво</p>"
    assert "<strong>Error:</strong> Langconvert tag" in _html(
        '<langconvert from="sr-el" to="sr-ec">zdravo</langconvert>')
    assert _html('x<langconvert from="crh-latn" to="crh-cyrl"/>x') == "<p>xx</p>"
