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
    # the runner's default is legacy alone (ParserTestRunner::perTestSetup)
    assert '<h2 id="A.26B">A&amp;B' in parsertest_html("==A&B==")


def test_case_thumbsize_option() -> None:
    html = parsertest_html("[[File:Foobar.jpg|thumb]]", {"thumbsize": "220"})
    assert "/220px-Foobar.jpg" in html
    assert "/180px-Foobar.jpg" in parsertest_html("[[File:Foobar.jpg|thumb]]")


def test_pmid_interwiki_option_adds_the_runners_prefix() -> None:
    text = "[[pmid:234|PMID 234]]"
    assert 'href="//www.ncbi.nlm.nih.gov/pubmed/234?dopt=Abstract" class="extiw"' in (
        parsertest_html(text, {"pmid-interwiki": ""}))
    assert 'href="/wiki/Pmid:234"' in parsertest_html(text)


def test_magic_links_all_disabled() -> None:
    off = {"config": {"wgEnableMagicLinks": {"ISBN": False, "PMID": False, "RFC": False}}}
    assert "<a" not in parsertest_html("ISBN 0-306-40615-2 PMID 1234 RFC 4321", off)
    assert "mw-magiclink-rfc" in parsertest_html("RFC 4321")


def test_local_interwiki_prefixes_are_read_again() -> None:
    from wikiparse.testing import make_emitter
    import wikiparse

    def html(text: str) -> str:
        return make_emitter().render(wikiparse.parse(text, config=TEST_CONFIG))

    assert 'href="/wiki/Foo"' in html("[[local:local:mi:local:Foo]]")
    assert ('href="http://www.usemod.com/cgi-bin/mb.pl?Hello" class="extiw" '
            'title="meatball:Hello"') in html("[[local:meatball:Hello]]")
    assert 'href="/wiki/Bar:Baz"' in html("[[local:bar:Baz]]")


def test_self_links_with_a_fragment_and_the_local_language_prefix() -> None:
    main = {"title": "Main Page"}
    html = parsertest_html("[[Main Page#section]]", main)
    assert '<a class="mw-selflink-fragment" href="#section">Main Page#section</a>' in html
    assert '<a class="mw-selflink selflink">Main Page</a>' in parsertest_html("[[Main Page]]", main)
    # "mi" is a local interwiki on the test wiki: a self-link, not a language link
    assert '<a class="mw-selflink selflink">mi:Main Page</a>' in (
        parsertest_html("[[mi:Main Page]]", main))


def test_language_links_stay_inline_on_talk_pages() -> None:
    talk = parsertest_html("Blah\n[[zh:Chinese]]", {"title": "Talk:Foo"})
    assert ('<a href="http://zh.wikipedia.org/wiki/Chinese" class="extiw" '
            'title="zh:Chinese">zh:Chinese</a>') in talk
    assert "<a" not in parsertest_html("Blah\n[[zh:Chinese]]", {"title": "Foo"})


def test_the_runners_span_and_div_tags_parse_their_content() -> None:
    # ParserTestParserHook: <spantag>/<divtag> wrap their content, parsed, in a span/div
    assert "<span><b>world</b>!</span>" in parsertest_html("Hello <spantag>'''world'''!</spantag>")
    assert "<div>abc</div>" in parsertest_html("<divtag>abc</divtag>")
    assert "<span>'''x'''</span>" in parsertest_html("<spantag raw>'''x'''</spantag>")
