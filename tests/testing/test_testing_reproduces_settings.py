"""``wikiparse.testing.reproduces_settings``: which parser-test cases the adapter renders with
every ``$wg…`` setting they carry (the redefined core subset of benchmarks/conformance.py)."""

from __future__ import annotations

import pytest

from wikiparse.testing import HONOURED_SETTINGS, reproduces_settings


@pytest.mark.parametrize("options", [
    None,
    {},
    {"title": "Foo", "thumbsize": "200"},
    {"config": {"wgFragmentMode": ["html5"]}},
    {"config": {"wgFragmentMode": ["legacy", "html5"]}},
    {"config": {"wgEnableMagicLinks": {"ISBN": False, "PMID": False, "RFC": False}}},
    # partial magic links, $wgInterwikiMagic, external images and raw HTML are applied too
    {"config": {"wgEnableMagicLinks": {"ISBN": False}}},
    {"config": {"wgInterwikiMagic": False}},
    {"wgallowexternalimages": "true"},
    {"wgrawhtml": "1"},
])
def test_settings_the_adapter_applies(options: dict[str, object] | None) -> None:
    assert reproduces_settings(options)


@pytest.mark.parametrize("options", [
    {"config": {"wgAllowDisplayTitle": True}},
    {"config": {"wgFragmentMode": ["html5"], "wgSVGNativeRendering": True}},
    {"config": {"wgFragmentMode": ["html4"]}},
    {"config": {"wgEnableMagicLinks": {"ISBN": "maybe"}}},
    {"wgallowexternalimages": "sometimes"},
    {"config": "wgFoo = 1"},
])
def test_settings_it_does_not(options: dict[str, object]) -> None:
    assert not reproduces_settings(options)


def test_every_honoured_setting_is_lower_case() -> None:
    assert all(name == name.lower() and name.startswith("wg") for name in HONOURED_SETTINGS)


def test_partial_magic_links_interwiki_magic_and_external_images_are_rendered() -> None:
    from wikiparse.testing import parsertest_html

    off = parsertest_html("ISBN 0123456789 RFC 822",
                          {"config": {"wgEnableMagicLinks": {"ISBN": False}}})
    assert "BookSources" not in off and "rfc822" in off
    inline = parsertest_html("[[zh:Chinese]]", {"config": {"wgInterwikiMagic": False}})
    assert 'href="http://zh.wikipedia.org/wiki/Chinese"' in inline
    assert "zh.wikipedia" not in parsertest_html("[[zh:Chinese]]")
    image = "http://example.org/a/B.png"
    assert '<img src="http://example.org/a/B.png" alt="B.png" />' in parsertest_html(
        image, {"wgallowexternalimages": "true"})
    assert "<img" not in parsertest_html(image)
    assert "<b>x</b>" in parsertest_html("<html><b>x</b></html>", {"wgrawhtml": "1"})
    assert "&lt;html&gt;" in parsertest_html("<html><b>x</b></html>")
