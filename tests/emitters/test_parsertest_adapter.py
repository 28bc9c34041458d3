"""The parser-test adapter (``wikiparse.testing``) reproduces the test wiki's environment:
facts about that wiki (namespaces, interwiki table, magic-link targets, options)."""

from __future__ import annotations

from wikiparse.testing import TEST_CONFIG, parsertest_html


def test_project_namespace_is_testwiki() -> None:
    assert TEST_CONFIG.namespace_name(4) == "TestWiki"
    html = parsertest_html("[[Project:Hello]]")
    assert 'href="/wiki/TestWiki:Hello"' in html


def test_only_the_runners_interwiki_prefixes() -> None:
    html = parsertest_html("[[Meta:Disclaimers]] [[meatball:SoftSecurity]]")
    assert 'href="/wiki/Meta:Disclaimers"' in html  # no "meta" interwiki on the test wiki
    assert 'href="http://www.usemod.com/cgi-bin/mb.pl?SoftSecurity" class="extiw"' in html


def test_case_fragment_mode_option() -> None:
    legacy = parsertest_html("==A&B==", {"config": {"wgFragmentMode": ["legacy"]}})
    assert '<h2 id="A.26B">' in legacy
    both = parsertest_html("==A&B==", {"config": {"wgFragmentMode": ["html5", "legacy"]}})
    assert '<h2 id="A&amp;B"><span id="A.26B"></span>' in both
    assert '<h2 id="A&amp;B">A&amp;B' in parsertest_html("==A&B==")


def test_case_thumbsize_option() -> None:
    html = parsertest_html("[[File:Foobar.jpg|thumb]]", {"thumbsize": "220"})
    assert "/220px-Foobar.jpg" in html
    assert "/180px-Foobar.jpg" in parsertest_html("[[File:Foobar.jpg|thumb]]")
