"""The query API users know from mwparserfromhell: walk, filter_*, get_sections, Template.get/has,
Document.headings/files/categories/redirect; and the resource limits."""

from __future__ import annotations

import wikiparse
from wikiparse import Limits, ast
from wikiparse.validate import check_tree

PAGE = """#REDIRECT [[Elsewhere]]
Lead with {{Infobox|name=Berlin|pop = 3.6M|x|y}} and [[Link|label]].
== History ==
Early [[File:Map.png|thumb|A map]] text {{cite|url=http://a.org}}.
=== Wall ===
Wall text [http://b.org B].
== Geography ==
<b>Rivers</b> and <ref>note</ref>.
[[Category:Cities|Berlin]] [[de:Berlin]]
"""


def test_walk_is_document_order() -> None:
    doc = wikiparse.parse("a ''b [[c]]'' {{d}}")
    kinds = [n.type for n in doc.walk()]
    assert kinds == ["Document", "Paragraph", "Text", "Italic", "Text", "WikiLink", "Text", "Template",
                     "Text"]
    starts = [n.span[0] for n in doc.walk() if not isinstance(n, (ast.Document, ast.Paragraph))]
    assert starts == sorted(starts)


def test_filters() -> None:
    doc = wikiparse.parse(PAGE)
    assert [t.name for t in doc.filter_templates()] == ["Infobox", "Cite"]
    assert [link.target for link in doc.filter_wikilinks()] == ["Elsewhere", "Link"]
    assert [e.url for e in doc.filter_external_links()] == ["http://a.org", "http://b.org"]
    assert [(h.level, h.title) for h in doc.filter_headings()] == [(2, "History"), (3, "Wall"),
                                                                   (2, "Geography")]
    assert [t.name for t in doc.filter_tags()] == ["b", "ref"]
    # recursive=False: the page's own constructs (through paragraphs), not nested ones
    assert [t.name for t in doc.filter(ast.Template, recursive=False)] == ["Infobox", "Cite"]
    nested = wikiparse.parse("{{a|{{b}}}} [[l|{{c}}]]")
    assert [t.name for t in nested.filter_templates(recursive=False)] == ["A"]


def test_document_properties() -> None:
    doc = wikiparse.parse(PAGE)
    assert doc.redirect is not None and doc.redirect.target == "Elsewhere"
    assert [h.title for h in doc.headings] == ["History", "Wall", "Geography"]
    assert [(f.name, f.format) for f in doc.files] == [("Map.png", "thumb")]
    assert [(c.name, c.sort_key) for c in doc.categories] == [("Cities", "Berlin")]
    assert [(ll.lang, ll.title) for ll in doc.language_links] == [("de", "Berlin")]


def test_template_get_and_has() -> None:
    tpl = wikiparse.parse(PAGE).filter_templates()[0]
    assert tpl.has("name") and tpl.has("pop") and tpl.has(1) and tpl.has("2")
    assert not tpl.has("3") and tpl.get_param("missing") is None
    pop = tpl.get("pop")
    assert pop is not None and pop.showkey and pop.value_text(PAGE) == "3.6M"
    first = tpl.get(1)
    assert first is not None and not first.showkey and first.value_text(PAGE) == "x"


def test_template_last_duplicate_wins() -> None:
    tpl = wikiparse.parse("{{t|a=1|a=2}}").filter_templates()[0]
    got = tpl.get("a")
    assert got is not None and got.value_text() == "2"


def test_get_sections() -> None:
    doc = wikiparse.parse(PAGE)
    sections = doc.get_sections(levels=[2])
    assert [s.title for s in sections] == ["History", "Geography"]
    # a level-2 section runs to the next level-2 heading, so it holds the level-3 one
    assert [n.title for n in sections[0].nodes if isinstance(n, ast.Heading)] == ["History", "Wall"]
    assert [s.title for s in doc.get_sections(matches="wall")] == ["Wall"]
    # matches sees the title as written (markup removed, not trimmed), as in mwparserfromhell
    assert [s.title for s in doc.get_sections(matches=lambda t: t == " Geography ")] == ["Geography"]
    lead = doc.get_sections(include_lead=True)[0]
    assert lead.heading is None and lead.level == 0
    for s in sections:
        assert PAGE[s.span[0]:s.span[1]].startswith("==")


def test_str_is_the_source() -> None:
    doc = wikiparse.parse(PAGE)
    assert str(doc) == PAGE
    assert wikiparse.to_wikitext(doc) == PAGE


def test_parse_rejects_non_str() -> None:
    import pytest

    with pytest.raises(TypeError):
        wikiparse.parse(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        wikiparse.parse("x", dialect="markdown")


# ------------------------------------------------------------------ limits


def test_depth_limit_degrades_to_text_with_a_warning() -> None:
    text = "{{a|" * 50 + "x" + "}}" * 50
    doc = wikiparse.parse(text, limits=Limits(max_depth=10))
    assert str(doc) == text and check_tree(doc) == []
    codes = {(d.code, d.severity) for d in doc.diagnostics}
    assert ("limit-depth", "warning") in codes
    depth = max(_depth(n) for n in doc.filter_templates()) if doc.filter_templates() else 0
    assert depth <= 10
    # without the limit the same input nests fully
    full = wikiparse.parse(text)
    assert len(full.filter_templates()) == 50


def test_token_limit_keeps_the_rest_as_text() -> None:
    text = "[[a]] " * 1000
    doc = wikiparse.parse(text, limits=Limits(max_nodes=100))
    assert str(doc) == text and check_tree(doc) == []
    assert any(d.code == "limit-nodes" for d in doc.diagnostics)
    assert 0 < len(doc.filter_wikilinks()) < 100


def test_input_limit() -> None:
    text = "''a'' " * 100
    doc = wikiparse.parse(text, limits=Limits(max_input=30))
    assert str(doc) == text and check_tree(doc) == []
    assert any(d.code == "limit-input" for d in doc.diagnostics)
    assert doc.children[-1].span == (30, len(text))


def _depth(node: ast.Node) -> int:
    best = 0
    stack = [(node, 1)]
    while stack:
        n, d = stack.pop()
        if isinstance(n, ast.Template):
            best = max(best, d)
            d += 1
        stack.extend((c, d) for c in n.child_nodes())
    return best
