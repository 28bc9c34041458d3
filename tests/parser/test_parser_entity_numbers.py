"""Numeric character references as MediaWiki reads them (Sanitizer::decodeCharReferences): any
zero padding, and numbers that are no character stay text (peer-suite miss of issue 14)."""

from __future__ import annotations

import pytest

import wikiparse
from wikiparse.ast import Entity


@pytest.mark.parametrize("ref, char", [
    ("&#65;", "A"), ("&#0000000065;", "A"), ("&#x000041;", "A"), ("&#X41;", "A"),
    ("&#x10FFFF;", "\U0010ffff"), ("&#9;", "\t"),
])
def test_references_to_characters_are_entities(ref: str, char: str) -> None:
    entities = [n for n in wikiparse.parse(f"a {ref} b").walk() if isinstance(n, Entity)]
    assert [(e.raw, e.char) for e in entities] == [(ref, char)]


@pytest.mark.parametrize("ref", ["&#0;", "&#1114112;", "&#x110000;", "&#xD800;", "&#xFFFE;", "&#1;",
                                 "&#" + "9" * 6000 + ";", "&#x" + "f" * 6000 + ";"])
def test_references_to_no_character_are_text(ref: str) -> None:
    doc = wikiparse.parse(f"a {ref} b")
    assert not [n for n in doc.walk() if isinstance(n, Entity)]
    assert str(doc) == f"a {ref} b"
    assert wikiparse.render(doc, "text").strip() == f"a {ref} b"
    assert f"a &amp;{ref[1:]} b" in wikiparse.render(doc, "html")


def test_very_long_zero_padding_does_not_fail() -> None:
    text = "&#" + "0" * 6000 + "65;"
    doc = wikiparse.parse(text)
    assert str(doc) == text
    assert [n.char for n in doc.walk() if isinstance(n, Entity)] == ["A"]
