"""Plain-text emitter: per construct, per profile and per built-in template handler."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import wikiparse
from wikiparse.emitters.templates import BUILTIN_HANDLERS, TemplateHandlers

from testkit import corpus_files

TODAY = datetime.date(2024, 6, 1)


def visible(src: str, **kw: object) -> str:
    return wikiparse.render(wikiparse.parse(src), "text", profile="visible", today=TODAY, **kw)


def clean(src: str, **kw: object) -> str:
    return wikiparse.render(wikiparse.parse(src), "text", today=TODAY, **kw)


@pytest.mark.parametrize("src, expected", [
    ("''a'' '''b''' c", "a b c"),
    ("[[Foo|bar]] [[Baz]]s [[:Category:X]]", "bar Bazs Category:X"),
    ("[[Paris (France)|]]", "Paris"),
    ("[http://e.org label] http://f.org", "label http://f.org"),
    ("a &amp; b&nbsp;c", "a & b\u00a0c"),
    ("x<!-- hidden -->y __TOC__", "xy"),
    ("== Head ==\ntext", "Head\n\ntext"),
    ("* one\n** two\n# three", "one\ntwo\n\nthree"),
    ("; term : def", "term\ndef"),
    ("{|\n|+ Cap\n! h1 !! h2\n|-\n| a || b\n|}", "Cap\nh1\th2\na\tb"),
    ("a<br>b", "a\nb"),
    (" pre  kept", "pre  kept"),
    ("<nowiki>''not italic''</nowiki>", "''not italic''"),
    ("<span style='x'>in</span> <div>block</div>", "in\n\nblock"),
    ("x [[Category:C]] [[de:Berlin]]", "x"),
    ("para one\n\npara two", "para one\n\npara two"),
])
def test_constructs_clean(src: str, expected: str) -> None:
    assert clean(src) == expected


def test_references_visible_and_clean() -> None:
    src = "A<ref name=a>First [[x|ref]].</ref> B<ref>Second</ref> C<ref name=a/>\n<references/>"
    assert visible(src) == "A[1] B[2] C[1]\n\n\u2191 First ref.\n\u2191 Second"
    assert clean(src) == "A B C"
    assert clean(src, references=True).endswith("\u2191 Second")


def test_reference_list_appended_when_missing() -> None:
    assert visible("x<ref>n</ref>") == "x[1]\n\n\u2191 n"


def test_captions_and_images() -> None:
    src = "[[File:A.jpg|thumb|A caption]]\n[[File:B.png|20px|inline title]] text"
    assert visible(src) == "A caption\n\ntext"
    assert clean(src) == "text"
    assert clean(src, captions=True) == "A caption\n\ntext"


def test_autonumbered_external_links() -> None:
    assert visible("[http://a.org] [http://b.org]") == "[1] [2]"
    assert clean("see [http://a.org]") == "see"


def test_options_tables_and_headings() -> None:
    src = "== H ==\n{|\n| a\n|}\ntext"
    assert clean(src, tables=False, headings=False) == "text"


def test_no_markup_left() -> None:
    src = "{{Infobox|a=b}}{{unknown|x}}{{#if:a|b}} {{{1}}} [[File:x.jpg]] <ref>r</ref> text"
    out = clean(src)
    assert out == "text"
    for mark in ("{{", "}}", "[[", "]]", "<", "''"):
        assert mark not in out


def test_profile_validation() -> None:
    with pytest.raises(ValueError):
        clean("x", profile="nope")
    with pytest.raises(TypeError):
        clean("x", templates={"a": 1})


def test_strip_code_alias() -> None:
    doc = wikiparse.parse("''a'' [[b|c]]")
    assert doc.strip_code() == "a c" == wikiparse.render(doc, "text")


# ---- template handlers: one test per built-in family

@pytest.mark.parametrize("src, expected", [
    ("{{convert|5|km}}", "5 km"),
    ("{{convert|5|to|10|km|mi}}", "5 to 10 km"),
    ("{{convert|5|-|10|km}}", "5\u201310 km"),
    ("{{cvt|3|m}}", "3 m"),
    ("{{lang|fr|texte}}", "texte"),
    ("{{lang-de|Wort}}", "Wort"),
    ("{{nihongo|Tokyo|東京|Tōkyō}}", "Tokyo (東京, Tōkyō)"),
    ("{{IPA|/bɜːrˈlɪn/}}", "/bɜːrˈlɪn/"),
    ("{{IPAc-en|b|ɜr|ˈ|l|ɪ|n}}", "/bɜrˈlɪn/"),
    ("{{IPAc-en|lang|p|ɑː}}", "/pɑː/"),
    ("{{birth date|1990|5|3}}", "3 May 1990"),
    ("{{birth date|1990|5|3|mf=y}}", "May 3, 1990"),
    ("{{start date|2010}}", "2010"),
    ("{{birth date and age|1990|5|3}}", "3 May 1990 (age 34)"),
    ("{{death date and age|2000|1|10|1920|6|1}}", "10 January 2000 (aged 79)"),
    ("{{age|1990|7|1}}", "33"),
    ("{{nowrap|a b}}", "a b"),
    ("{{small|tiny}}", "tiny"),
    ("{{sic|teh}}", "teh"),
    ("{{abbr|MW|MediaWiki}}", "MW"),
    ("{{flag|France}} {{flagicon|FRA}}", "France"),
    ("{{frac|1|2}} {{frac|3|1|4}}", "1\u20442 3 1\u20444"),
    ("{{circa|1900}}", "c.\u00a01900"),
    ("{{nbsp}}x{{snd}}y", "\u00a0x \u2013 y"),
    ("{{ubl|a|b}}", "a\nb"),
    ("{{val|1.5|u=kg}}", "1.5 kg"),
    ("{{cite web|url=x|title=T}}x", "x"),
    ("{{Citation|title=T}}x", "x"),
    ("{{Infobox country|name=X}}x", "x"),
    ("{{Navbox|list1=a}}x", "x"),
    ("x{{sfn|Smith|2000|p=4}}", "x"),
    ("x{{efn|a note}}", "x"),
    ("x\n{{reflist}}", "x"),
    ("{{main|Berlin}}x", "x"),
    ("{{see also|A|B}}x", "x"),
    ("x{{cn}}", "x"),
    ("x{{citation needed|date=May 2020}}", "x"),
])
def test_builtin_handlers_clean(src: str, expected: str) -> None:
    assert clean(src) == expected


@pytest.mark.parametrize("src, expected", [
    ("x{{cn}}", "x[citation needed]"),
    ("{{sic|teh}}", "teh [sic]"),
    ("{{main|Berlin}}", "Main article: Berlin"),
    ("{{see also|A|B}}", "See also: A, B"),
    ("x{{sfn|Smith|2000}}\n{{reflist}}", "x[1]\n\n\u2191 Smith"),
    ("x{{efn|a note}}\n{{notelist}}", "x[a]\n\n\u2191 a note"),
])
def test_builtin_handlers_visible(src: str, expected: str) -> None:
    assert visible(src) == expected


def test_unknown_template_default() -> None:
    src = "{{mystery|first|second}} end"
    assert clean(src) == "end"
    assert clean(src, templates=TemplateHandlers(default="first")) == "first end"
    h = TemplateHandlers(default=lambda call: call.name.upper())
    assert clean(src, templates=h) == "MYSTERY end"


def test_user_handlers_forms() -> None:
    h = TemplateHandlers()
    h.register("Q", 2)
    h.register("Pair", [1, "b"])
    h.register("Fmt", "{1} ({x})")
    h.register("Lit", "literal")
    h.register("Fn", lambda call: call.param(1).upper())
    h.register("Fam *", 1)
    h.register("convert", None)
    src = "{{q|a|b}} {{pair|A|b=B}} {{fmt|one|x=[[two]]}} {{lit}} {{fn|up}} {{fam x|f}} {{convert|1|m}}"
    assert clean(src, templates=h) == "b A B one (two) literal UP f"
    # the defaults are untouched by changes to a copy
    assert clean("{{convert|1|m}}") == "1 m"
    assert "convert" in TemplateHandlers() and "q" not in TemplateHandlers()
    with pytest.raises(TypeError):
        h.register("bad", 1.5)  # type: ignore[arg-type]


def test_builtin_table_is_read_only() -> None:
    with pytest.raises(TypeError):
        BUILTIN_HANDLERS["x"] = None  # type: ignore[index]


def test_corpus_pages_render_to_text(corpus_dir: Path) -> None:
    for path in corpus_files():
        doc = wikiparse.parse(path.read_text(encoding="utf-8"))
        for profile in ("clean", "visible"):
            out = wikiparse.render(doc, "text", profile=profile)
            assert isinstance(out, str)
            assert "\x00" not in out and "\x01" not in out and "\x04" not in out
        assert "{{" not in wikiparse.render(doc, "text") or "{{" in doc.source  # no template markup invented
