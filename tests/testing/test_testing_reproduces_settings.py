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
])
def test_settings_the_adapter_applies(options: dict[str, object] | None) -> None:
    assert reproduces_settings(options)


@pytest.mark.parametrize("options", [
    {"config": {"wgAllowDisplayTitle": True}},
    {"config": {"wgFragmentMode": ["html5"], "wgSVGNativeRendering": True}},
    {"config": {"wgFragmentMode": ["html4"]}},
    # partial magic links are not applied (only all-off is)
    {"config": {"wgEnableMagicLinks": {"ISBN": False}}},
    {"wgallowexternalimages": "true"},
    {"config": "wgFoo = 1"},
])
def test_settings_it_does_not(options: dict[str, object]) -> None:
    assert not reproduces_settings(options)


def test_every_honoured_setting_is_lower_case() -> None:
    assert all(name == name.lower() and name.startswith("wg") for name in HONOURED_SETTINGS)
