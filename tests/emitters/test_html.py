"""HTML emitter: each construct against hand-written MediaWiki output, the registry, render
rules, the entry-point plugin, and well-formed output for every corpus page."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import wikiparse
from wikiparse import ast
from wikiparse.emitters import get_emitter, render
from wikiparse.emitters.html import HtmlEmitter, HtmlPage
from wikiparse.emitters.html.anchors import AnchorRegistry
from wikiparse.emitters.html.media import HashedUploads
from wikiparse.emitters.html.sanitizer import SanitizerPolicy

from testkit import IN_CI, corpus_files

ROOT = Path(__file__).resolve().parents[2]


def html(text: str, **options: object) -> str:
    """The HTML of ``text`` as the emitter writes it, newlines included."""
    options.setdefault("wrap", False)
    return str(render(wikiparse.parse(text), "html", **options))


# ------------------------------------------------------------------ blocks


def test_paragraphs_and_blank_lines() -> None:
    assert html("a\nb\n\nc") == "<p>a\nb</p>\n<p>c</p>\n"
    assert html("a\n\n\nb") == (
        "<p>a</p>\n"
        "<p><br />\n"
        "b</p>\n"
    )


def test_headings_get_mediawiki_ids_and_duplicates_are_numbered() -> None:
    assert html("== Foo bar ==") == (
        '<div class="mw-heading mw-heading2"><h2 id="Foo_bar">Foo bar</h2></div>\n'
    )
    out = html("== A ==\n== a ==\n=== A ===")
    assert re.findall(r'id="([^"]+)"', out) == ["A", "a_2", "A_3"]
    assert html("== ''x'' &amp; y ==").startswith(
        '<div class="mw-heading mw-heading2"><h2 id="x_&amp;_y"><i>x</i> &amp; y</h2>'
    )


def test_anchor_registry_case_insensitive() -> None:
    reg = AnchorRegistry()
    assert [reg.unique(a) for a in ("X", "x", "X_2", "X")] == ["X", "x_2", "X_2_2", "X_3"]


def test_lists_and_definition_lists() -> None:
    assert html("* a\n*# b\n* c") == (
        "<ul><li>a<ol><li>b</li>\n"
        "</ol>\n"
        "</li>\n"
        "<li>c</li>\n"
        "</ul>\n"
    )
    assert html("; term : def") == (
        "<dl><dt>term</dt>\n"
        "<dd>def</dd>\n"
        "</dl>\n"
    )


def test_indent_pre_and_pre_tag() -> None:
    assert html(" x < y") == "<pre>x &lt; y</pre>\n"
    assert html("<pre>''a'' &amp; <b></pre>") == "<pre>''a'' &amp; &lt;b&gt;</pre>"


def test_table_with_attributes_caption_and_header() -> None:
    out = html('{| class="wikitable" onclick="x()"\n|+ Cap\n! H\n|-\n| style="color:red" | c\n|}')
    assert out == (
        '<table class="wikitable">\n'
        "<caption> Cap</caption><tbody><tr>\n"
        "<th>H</th>\n"
        "</tr>\n"
        "<tr>\n"
        '<td style="color:red">c</td>\n'
        "</tr>\n"
        "</tbody></table>\n"
    )


def test_empty_table_gets_a_cell() -> None:
    assert html("{|\n|}") == (
        "<table>\n"
        "<tbody><tr><td></td></tr>\n"
        "</tbody></table>\n"
    )


def test_horizontal_rule_and_comments_dropped() -> None:
    assert html("----\na<!-- hidden -->b") == (
        "<hr />\n"
        "<p>ab</p>\n"
    )


# ------------------------------------------------------------------ inline


def test_bold_italic_entities_nowiki() -> None:
    assert html("'''b''' ''i'' &amp; &lt; <nowiki>''x'' &amp;</nowiki>") == (
        "<p><b>b</b> <i>i</i> &amp; &lt; ''x'' &amp;</p>\n"
    )


def test_french_spacing() -> None:
    assert html("Oui ? « non »") == "<p>Oui&#160;? «&#160;non&#160;»</p>\n"


def test_invalid_character_reference_stays_text() -> None:
    assert html("&#0; &#x41;") == "<p>&amp;#0; A</p>\n"


# ------------------------------------------------------------------ links


def test_internal_links() -> None:
    assert html("[[Main Page]]") == (
        '<p><a href="/wiki/Main_Page" title="Main Page">Main Page</a></p>\n'
    )
    assert html("[[foo bar#Sec x|label]]s") == (
        '<p><a href="/wiki/Foo_bar#Sec_x" title="Foo bar">labels</a></p>\n'
    )
    assert html("[[#top]]") == '<p><a href="#top">#top</a></p>\n'


def test_article_path_option_and_self_link() -> None:
    assert html("[[A&B]]", article_path="/w/index.php?title=$1") == (
        '<p><a href="/w/index.php?title=A%26B" title="A&amp;B">A&amp;B</a></p>\n'
    )
    assert html("[[Here]]", page_title="Here") == (
        '<p><a class="mw-selflink selflink">Here</a></p>\n'
    )


def test_interwiki_link() -> None:
    assert html("[[wikt:word]]") == (
        '<p><a href="https://en.wiktionary.org/wiki/word" class="extiw" title="wikt:word">'
        "wikt:word</a></p>\n"
    )


def test_external_links_numbered_free_bracketed() -> None:
    out = html("[http://a.example/ A] [http://b.example/] [http://c.example/] http://d.example/")
    assert out == (
        '<p><a rel="nofollow" class="external text" href="http://a.example/">A</a> <a '
        'rel="nofollow" class="external autonumber" href="http://b.example/">[1]</a> <a '
        'rel="nofollow" class="external autonumber" href="http://c.example/">[2]</a> <a '
        'rel="nofollow" class="external free" href="http://d.example/">http://d.example/</a>'
        "</p>\n"
    )


def test_magic_link_isbn() -> None:
    assert html("ISBN 0-306-40615-2") == (
        '<p><a href="/wiki/Special:BookSources/0306406152" class="internal '
        'mw-magiclink-isbn">ISBN 0-306-40615-2</a></p>\n'
    )


def test_categories_and_language_links_go_to_the_page() -> None:
    page = HtmlEmitter(wrap=False).render_page(
        wikiparse.parse("Text [[Category:Foo|key]] [[de:Bar]] [[Category:Baz]]")
    )
    assert isinstance(page, HtmlPage)
    assert "Category" not in page.html and "Bar" not in page.html
    assert page.categories == [("Foo", "key"), ("Baz", None)]
    assert page.language_links == [("de", "Bar")]


# ------------------------------------------------------------------ files


FILES = HashedUploads(base="http://img.example", sizes={"Foobar.jpg": (1941, 220)},
                      only_known=True)


def test_inline_image() -> None:
    assert html("[[File:Foobar.jpg]]", files=FILES) == (
        '<p><span class="mw-default-size" typeof="mw:File"><a href="/wiki/File:Foobar.jpg" '
        'class="mw-file-description"><img src="http://img.example/3/3a/Foobar.jpg" '
        'decoding="async" width="1941" height="220" class="mw-file-element" /></a></span></p>'
        "\n"
    )


def test_thumbnail_with_caption_size_alt_and_link() -> None:
    out = html("[[File:Foobar.jpg|thumb|left|200px|alt=An alt|link=Target|A ''caption'']]",
               files=FILES)
    assert out == (
        '<figure class="mw-halign-left" typeof="mw:File/Thumb"><a href="/wiki/Target" '
        'title="Target"><img alt="An alt" resource="/wiki/File:Foobar.jpg" '
        'src="http://img.example/thumb/3/3a/Foobar.jpg/200px-Foobar.jpg" decoding="async" '
        'width="200" height="23" class="mw-file-element" '
        'srcset="http://img.example/thumb/3/3a/Foobar.jpg/400px-Foobar.jpg 2x" /></a>'
        "<figcaption>A <i>caption</i></figcaption></figure>\n"
    )


def test_missing_file_links_to_upload() -> None:
    out = html("[[File:Nope.jpg]]", files=FILES)
    assert 'href="/index.php?title=Special:Upload&amp;wpDestFile=Nope.jpg"' in out
    assert "mw-broken-media" in out and 'typeof="mw:Error mw:File"' in out


def test_default_resolver_uses_commons_hashed_urls() -> None:
    out = html("[[File:Example.png|thumb|100px]]")
    assert "https://upload.wikimedia.org/wikipedia/commons/thumb/" in out
    assert "/100px-Example.png" in out


def test_media_link() -> None:
    assert html("[[Media:Foobar.jpg|x]]", files=FILES) == (
        '<p><a href="http://img.example/3/3a/Foobar.jpg" class="internal" title="Foobar.jpg">'
        "x</a></p>\n"
    )


# ------------------------------------------------------------------ refs and templates


def test_refs_are_numbered_and_listed() -> None:
    out = html('a<ref name="x">one</ref> b<ref>two</ref> c<ref name="x"/>\n<references/>')
    assert out.count('class="reference"') == 3
    assert re.findall(r'cite-bracket">\[</span>(\d+)<', out) == ["1", "2", "1"]
    assert '<li id="cite_note-x-1">' in out and '<span class="reference-text">two</span>' in out


def test_refs_without_references_tag_listed_at_end() -> None:
    out = html("a<ref>note</ref>")
    assert out.endswith('<span class="reference-text">note</span>\n</li>\n</ol></div>')


def test_template_placeholder_carries_name_and_params() -> None:
    out = html("{{Infobox person|name=Ada|2}}")
    m = re.search(r'<span class="mw-transclusion" typeof="mw:Transclusion" data-mw="([^"]*)"></span>', out)
    assert m is not None
    import html as html_lib
    import json

    data = json.loads(html_lib.unescape(m.group(1)))
    tpl = data["parts"][0]["template"]
    assert tpl["target"]["wt"] == "Infobox person"
    assert tpl["params"] == {"name": {"wt": "Ada"}, "1": {"wt": "2"}}


def test_template_argument_default_shown() -> None:
    assert html("{{{1|dflt}}}") == "<p>dflt</p>\n"


# ------------------------------------------------------------------ safety


def test_script_and_handlers_never_reach_output() -> None:
    out = html('<script>alert(1)</script><span onclick="x()" style="background:url(j)">s</span>'
               "[javascript:alert(1) x]")
    assert "<script" not in out and "onclick" not in out and "url(" not in out
    assert 'href="javascript' not in out


def test_policy_option_is_used() -> None:
    policy = SanitizerPolicy().relaxed(attributes={"span": ["hidden"]})
    assert html('<span hidden="x">s</span>', policy=policy) == (
        '<p><span hidden="x">s</span></p>\n'
    )
    assert html('<span hidden="x">s</span>') == "<p><span>s</span></p>\n"


# ------------------------------------------------------------------ options


def test_wrap_option() -> None:
    out = render(wikiparse.parse("x"), "html")
    assert out.startswith('<div class="mw-parser-output"') and out.endswith("</div>")
    assert not html("x").startswith("<div")


def test_toc_option() -> None:
    text = "\n".join(f"== H{i} ==\nx" for i in range(4))
    assert 'id="toc"' in html(text, toc=True)
    assert 'id="toc"' not in html(text)
    assert 'id="toc"' not in html("__NOTOC__\n" + text, toc=True)


# ------------------------------------------------------------------ registry and rules


def test_registry_lists_html() -> None:
    assert "html" in wikiparse.emitters()
    assert get_emitter("html") is HtmlEmitter


def test_add_render_rule_overrides_one_node_type() -> None:
    em = HtmlEmitter(wrap=False)
    em.add_render_rule(ast.WikiLink, lambda e, n: f'<a data-page="{n.title}">{n.title}</a>')
    out = em.render(wikiparse.parse("''x'' [[foo]] [http://e.example/ y]"))
    assert '<a data-page="Foo">Foo</a>' in out
    assert "<i>x</i>" in out and 'class="external text"' in out


def test_entry_point_plugin_registered() -> None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        version("wikiparse-demo-plugin")
    except PackageNotFoundError:
        if IN_CI:
            pytest.fail("tests/plugin_pkg is not installed (make venv installs it)")
        pytest.skip("tests/plugin_pkg not installed: pip install -e tests/plugin_pkg")
    assert "shout" in wikiparse.emitters()
    assert render(wikiparse.parse("''hi'' [[a|b]]"), "shout") == "HI B"


# ------------------------------------------------------------------ corpus


# pages whose HTML html5lib still flags (none today); strict: a listed page that passes fails
_KNOWN_PARSER_BUGS: set[str] = set()


def _corpus_params() -> list[object]:
    return [
        pytest.param(p, marks=pytest.mark.xfail(strict=True, reason="the page writes <th> directly in <table>; the emitter does not insert the implied <tr> yet"))
        if p.name in _KNOWN_PARSER_BUGS else p
        for p in corpus_files()
    ]


@pytest.mark.parametrize("path", _corpus_params(), ids=lambda p: getattr(p, "name", str(p)))
def test_corpus_page_renders_to_well_formed_html(path: Path) -> None:
    html5lib = pytest.importorskip("html5lib")
    text = path.read_text(encoding="utf-8")
    out = render(wikiparse.parse(text), "html")
    parser = html5lib.HTMLParser(strict=False)
    parser.parseFragment(out)
    errors = [e for e in parser.errors]
    assert not errors, f"{path.name}: {errors[:5]}"


def test_corpus_present_in_ci() -> None:
    if not corpus_files():
        if IN_CI:
            pytest.fail("../shared/corpora/articles is missing in CI")
        pytest.skip("../shared not next to this checkout")
