"""Standalone HTML documents (``render(doc, "html", standalone=True)``): a doctype, charset,
title, language and direction, the bundled stylesheet or a linked one, the categories box; and
every corpus page a document html5lib parses in strict mode."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import wikiparse
from testkit import corpus_files
from wikiparse.config import SiteConfig
from wikiparse.emitters.html.standalone import stylesheet, text_direction

html5lib = pytest.importorskip("html5lib")


def _strict_parse(document: str) -> None:
    """Raises html5lib's ParseError at the first parse error."""
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(document)


def _standalone(text: str, **options: object) -> str:
    return wikiparse.render(wikiparse.parse(text), "html", standalone=True, **options)


def test_a_complete_document_with_charset_title_and_the_bundled_stylesheet() -> None:
    out = _standalone("== Life ==\nText.\n== Work ==\n")
    assert out.startswith("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">")
    assert '<meta charset="utf-8">' in out
    assert "<title>Life</title>" in out  # no page title: the first heading
    assert "<style>\n" + stylesheet() + "</style>" in out
    assert 'class="firstHeading"' not in out
    assert out.rstrip().endswith("</html>")
    _strict_parse(out)


def test_the_page_title_option_gives_title_and_page_heading() -> None:
    out = _standalone("Text <b>x</b>", page_title="Ada <Lovelace> & co")
    assert "<title>Ada &lt;Lovelace&gt; &amp; co</title>" in out
    assert '<h1 id="firstHeading" class="firstHeading">Ada &lt;Lovelace&gt; &amp; co</h1>' in out
    _strict_parse(out)


def test_a_page_without_title_or_heading_still_has_a_title() -> None:
    out = _standalone("just text")
    assert re.search(r"<title>[^<]+</title>", out)
    _strict_parse(out)


def test_css_links_another_stylesheet_instead_of_the_bundled_one() -> None:
    out = _standalone("x", css='https://example.org/site.css?a=1&b="2"')
    assert '<link rel="stylesheet" href="https://example.org/site.css?a=1&amp;b=&quot;2&quot;">' in out
    assert "<style>" not in out
    two = _standalone("x", css=["/a.css", "/b.css"])
    assert two.count('<link rel="stylesheet"') == 2
    _strict_parse(out)


@pytest.mark.parametrize("lang, direction", [
    ("ar", "rtl"), ("fa", "rtl"), ("he", "rtl"), ("ur", "rtl"), ("yi", "rtl"), ("ckb", "rtl"),
    ("ar-eg", "rtl"), ("en", "ltr"), ("de", "ltr"), ("zh", "ltr"), ("ja", "ltr"),
    ("az-latn", "ltr"), ("ku-arab", "rtl"), ("", "ltr"),
])
def test_direction_follows_the_language(lang: str, direction: str) -> None:
    assert text_direction(lang) == direction


def test_rtl_page_sets_lang_and_dir_on_the_document_and_the_content() -> None:
    doc = wikiparse.parse("== تاريخ ==\nنص.", config=SiteConfig.for_language("fa"))
    out = wikiparse.render(doc, "html", standalone=True)
    assert '<html lang="fa" dir="rtl">' in out
    assert '<div class="mw-parser-output" lang="fa" dir="rtl">' in out
    fragment = wikiparse.render(doc, "html")
    assert 'dir="rtl"' in fragment  # the fragment's wrapper too, as MediaWiki writes it


def test_categories_box_with_localised_namespace_links() -> None:
    out = _standalone("x [[Category:Cities]] [[Category:Capitals|B]] [[Category:Cities]]")
    box = re.search(r'<div id="catlinks".*?</div>', out, re.S)
    assert box is not None
    assert box.group(0).count("<li>") == 2
    assert '<a href="/wiki/Category:Cities">Cities</a>' in box.group(0)
    de = wikiparse.parse("x [[Kategorie:Stadt]]", config=SiteConfig.for_language("de"))
    out_de = wikiparse.render(de, "html", standalone=True)
    assert 'href="/wiki/Kategorie:Stadt"' in out_de
    assert 'id="catlinks"' not in _standalone("no categories")


def test_rendered_page_keeps_its_own_heading_once() -> None:
    text = "Berlin\nFrom Wikipedia, the free encyclopedia\nBerlin is a city.\n"
    doc = wikiparse.parse(text, dialect="rendered")
    out = wikiparse.render(doc, "html", standalone=True, page_title="Berlin")
    assert doc.title == "Berlin"
    assert out.count("<h1") == 1 and "<title>Berlin</title>" in out
    _strict_parse(out)


def test_fragment_output_is_unchanged_without_standalone() -> None:
    doc = wikiparse.parse("''x''")
    assert wikiparse.render(doc, "html") == wikiparse.render(doc, "html", standalone=False)
    assert not wikiparse.render(doc, "html").startswith("<!DOCTYPE")


def _lang(path: Path) -> str:
    return path.name.split("--", 1)[0]


def _sample() -> list[Path]:
    files = corpus_files()
    rtl = [p for p in files if text_direction(_lang(p)) == "rtl"][:3]
    return sorted(set(files[::25]) | set(rtl))


@pytest.mark.parametrize("path", _sample(), ids=lambda p: p.name)
def test_corpus_pages_are_valid_documents(path: Path) -> None:
    config = SiteConfig.for_language(_lang(path))
    doc = wikiparse.parse(path.read_text(encoding="utf-8"), config=config)
    out = wikiparse.render(doc, "html", standalone=True, toc=True)
    _strict_parse(out)
    assert f'dir="{text_direction(config.lang)}"' in out.split("\n", 2)[1]


@pytest.mark.slow
@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_every_corpus_page_is_a_valid_document(path: Path) -> None:
    doc = wikiparse.parse(path.read_text(encoding="utf-8"),
                          config=SiteConfig.for_language(_lang(path)))
    _strict_parse(wikiparse.render(doc, "html", standalone=True, toc=True))


def test_toc_when_the_first_heading_is_deeper_than_later_ones_is_well_formed() -> None:
    out = wikiparse.render(wikiparse.parse("=== a ===\n== b ==\n=== c ===\n== d ==\n"), "html",
                           toc=True, standalone=True)
    _strict_parse(out)
    numbers = re.findall(r'<span class="tocnumber">([\d.]+)</span>', out)
    assert numbers == ["1", "2", "2.1", "3"]
