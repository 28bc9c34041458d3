"""The Markdown emitter (``render(doc, "markdown")``): GFM constructs, options, escaping.

Outputs are read back with markdown-it-py (CommonMark + GFM tables, strikethrough, footnotes)
where what matters is how a GFM reader sees them.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import wikiparse
from wikiparse.emitters.markdown_syntax import (
    code_block, code_span, escape_inline, escape_line_start, pipe_table,
)
from wikiparse.emitters.html.file_repository import file_resolver

markdown_it = pytest.importorskip("markdown_it")
footnote = pytest.importorskip("mdit_py_plugins.footnote")

MD = (markdown_it.MarkdownIt("commonmark", {"html": True})
      .enable(["table", "strikethrough"]).use(footnote.footnote_plugin))


def md(text: str, **options: object) -> str:
    return str(wikiparse.render(wikiparse.parse(text), "markdown", **options))


def html(text: str, **options: object) -> str:
    return str(MD.render(md(text, **options)))


def test_registered_as_markdown() -> None:
    assert "markdown" in wikiparse.emitters()
    assert md("x") == "x\n"
    assert md("") == ""
    with pytest.raises(TypeError):
        md("x", no_such_option=True)


def test_headings_and_paragraphs() -> None:
    assert md("== History ==\nText.\n\nMore.\n=== Sub ===\n") == \
        "## History\n\nText.\n\nMore.\n\n### Sub\n"
    assert md("= A # =") == "# A \\#\n"  # a trailing # would be read as a closing sequence


def test_bold_italic_strike_code() -> None:
    assert md("'''b''' ''i'' '''''bi''''' <s>gone</s> <code>a`b</code>") == \
        "**b** *i* ***bi*** ~~gone~~ ``a`b``\n"
    assert "<strong>b</strong>" in html("'''b'''")
    assert md("'''B'''erlin") == "**B**erlin\n"
    # punctuation at an edge of emphasis: an HTML tag (CommonMark's flanking rules), or with
    # html=False the Markdown form
    assert md("x'''\"q\"'''y") == 'x<b>"q"</b>y\n'
    assert md("x'''\"q\"'''y", html=False) == 'x**"q"**y\n'


def test_links() -> None:
    assert md("[[Berlin]]s [[Paris|the city]] [[#Top|up]]") == \
        "[Berlins](/wiki/Berlin) [the city](/wiki/Paris) [up](#Top)\n"
    assert md("[[Foo (bar)]]") == "[Foo (bar)](</wiki/Foo_(bar)>)\n"
    assert md("[[wikt:word]]") == "[wikt:word](https://en.wiktionary.org/wiki/word)\n"
    assert md("[https://example.org Ex] [https://example.org/x] https://example.org/y") == \
        "[Ex](https://example.org) [\\[1\\]](https://example.org/x) " \
        "[https://example.org/y](https://example.org/y)\n"
    assert md("[javascript:alert(1) x]") == "\\[javascript:alert(1) x\\]\n"
    out = html("[[A|label with [[B]] inside]]")
    assert out.count("<a ") <= 2 and "label with" in out


def test_article_path_and_page_title_links() -> None:
    assert md("[[A b]]", article_path="https://w.example/$1") == "[A b](https://w.example/A_b)\n"


def test_images_with_alt_and_thumbnails_with_captions() -> None:
    out = md("[[File:Foo.jpg|thumb|A ''nice'' caption]]")
    assert out == ("[![A nice caption](https://upload.wikimedia.org/wikipedia/commons/thumb/0/06/"
                   "Foo.jpg/220px-Foo.jpg)](/wiki/File:Foo.jpg)\n\nA *nice* caption\n")
    assert md("[[File:Foo.jpg|50px|alt=Alt text]]").startswith("[![Alt text](https://upload")
    assert "/wikipedia/de/" in md("[[File:Foo.jpg]]", files="wikipedia:de")
    ogg = file_resolver("commons")("Foo.ogg")
    assert ogg is not None and md("[[Media:Foo.ogg|listen]]") == f"[listen]({ogg.url})\n"


def test_lists_nested_ordered_and_definitions() -> None:
    assert md("* a\n** b\n* c\n# one\n# two\n") == "- a\n  - b\n- c\n\n1. one\n2. two\n"
    out = md("; term : definition\n: more\n")
    assert out == "**term**\n\n> definition\n\n> more\n"
    assert md(": indented\n:: deeper\n") == "> indented\n>\n> > deeper\n"
    assert "<li>a\n<ul>\n<li>b</li>" in html("* a\n** b")


def test_tables_with_header_and_alignment() -> None:
    src = '{|\n|+ Caption\n! A !! style="text-align:right" | B !! align="center" | C\n|-\n| 1 || 2 || 3\n|-\n| x | y\n|}'
    out = md(src)
    assert out == ("**Caption**\n\n| A | B | C |\n| --- | ---: | :---: |\n| 1 | 2 | 3 |\n"
                   "| y |   |   |\n")
    rendered = html(src)
    assert '<th style="text-align:right">B</th>' in rendered


def test_tables_without_header_row_and_pipes_in_cells() -> None:
    out = md("{|\n| a <nowiki>|</nowiki> b || <code>c&#124;d</code>\n|}")
    assert out.splitlines()[0] == "|   |   |"
    assert "a \\| b" in out and "`c\\|d`" in out
    cells = re.findall(r"<td>(.*?)</td>", str(MD.render(out)))
    assert cells == ["a | b", "<code>c|d</code>"]


def test_complex_tables_as_html_or_text() -> None:
    src = "{|\n| colspan=2 | wide <ref>Note.</ref>\n|-\n| a || b\n|}"
    kept = md(src)
    assert kept.startswith("<table>") and 'colspan="2"' in kept
    assert "[^1]: Note." in kept and "\n\n[^1]\n\n" in kept  # the note is still referenced
    assert "Note." in html(src)
    flat = md(src, complex_tables="text")
    assert "<table" not in flat and "a · b" in flat
    nested = md("{|\n|\n* item\n|}", html=False)
    assert "<" not in nested and "item" in nested
    with pytest.raises(ValueError):
        md("x", complex_tables="latex")


def test_footnotes_for_references() -> None:
    out = md('A<ref name="n">First.</ref> B<ref>Second.</ref> C<ref name="n"/>\n<references/>')
    assert out == "A[^1] B[^2] C[^1]\n\n[^1]: First.\n\n[^2]: Second.\n"
    listed = md('A<ref name="x"/>\n<references>\n<ref name="x">Defined later.</ref>\n</references>')
    assert "[^1]: Defined later." in listed
    grouped = md('A<ref group="note">N.</ref>')
    assert "[^note-1]: N." in grouped
    assert 'class="footnote-ref"' in str(MD.render(out))


def test_code_and_preformatted() -> None:
    assert md("<pre>a  <b>\n  x</pre>") == "```\na  <b>\n  x\n```\n"
    assert md('<syntaxhighlight lang="python">print("```")</syntaxhighlight>') == \
        '````python\nprint("```")\n````\n'
    assert md(" indented '''pre'''\n") == "```\nindented pre\n```\n"
    assert md("<math>x^2</math>") == "$x^2$\n"


def test_html_kept_or_left_out() -> None:
    assert md("H<sub>2</sub>O x<sup>2</sup>") == "H<sub>2</sub>O x<sup>2</sup>\n"
    assert md("H<sub>2</sub>O x<sup>2</sup>", html=False) == "H2O x2\n"
    assert md("a<br>b") == "a\\\nb\n"
    assert "<br>" in md("{|\n| a<br>b\n|}") and "<br>" not in md("{|\n| a<br>b\n|}", html=False)
    assert "<script" not in html("<script>alert(1)</script>")
    assert "<script" not in html("<script>alert(1)</script>", html=False)


def test_templates_become_their_text() -> None:
    assert md("{{convert|5|km}} and {{lang|de|Haus}}") == "5 km and Haus\n"
    out = md("A{{efn|Footnote text.}}\n{{notelist}}")
    assert out == "A[^lower-alpha-1]\n\n[^lower-alpha-1]: Footnote text.\n"


@pytest.mark.parametrize("text", [
    "# not a heading", "1. not a list", "- no", "+ no", "> no", "=== no", "*not em*",
    "_not em_", "[not](a link)", "<b>not html</b>", "`not code`", "a | b", "~~not struck~~",
    "\\backslash", "$x$ not math", "2) no",
])
def test_text_is_never_read_as_markup(text: str) -> None:
    out = md(f"<nowiki>{text}</nowiki>")
    assert str(MD.render(out)) == f"<p>{_html_escape(text)}</p>\n"


def test_entities_made_of_text_stay_text() -> None:
    assert str(MD.render(md("&amp;copy; AT&amp;T"))) == "<p>&amp;copy; AT&amp;T</p>\n"


def _html_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=0x2FF,
                                      blacklist_categories=("Cc", "Cs")), min_size=1))
def test_escaped_text_reads_back_as_the_same_text(text: str) -> None:
    line = escape_line_start(escape_inline(text.strip()))
    if not text.strip():
        return
    rendered = str(MD.render(line))
    expected = re.sub(r"[ \t\n\r\f\v]+", " ", text).strip()
    assert rendered == f"<p>{_html_escape(expected)}</p>\n"


def test_syntax_helpers() -> None:
    assert code_span("a``b") == "```a``b```"
    assert code_span("`x") == "`` `x ``"
    assert code_block("```\n") .startswith("````\n")
    table = pipe_table([["1"]], ["a", "b"], ["", "center"])
    assert table == "| a | b |\n| --- | :---: |\n| 1 |   |"
