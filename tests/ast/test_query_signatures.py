"""mwparserfromhell's query signatures (issue 16 item 2): filter_*/ifilter_* with recursive,
matches, flags and forcetype; get_sections with flat, include_lead, include_headings;
Template.get raising ValueError."""

from __future__ import annotations

import re
import types

import pytest

import wikiparse
from wikiparse import ast

from testkit import shared_path

PAGE = """Lead {{Infobox|a=1}} {{cite web|x}} [[Link|{{inner}}]].
== History ==
* {{Listed}} item
=== Wall ===
Wall {{cite book}}.
== Geography ==
{{Geo}}
"""


def test_recursive_false_is_the_pages_own_constructs() -> None:
    doc = wikiparse.parse(PAGE)
    own = [t.name for t in doc.filter_templates(recursive=False)]
    assert own == ["Infobox", "Cite web", "Listed", "Cite book", "Geo"]  # not "Inner"
    assert "Inner" in [t.name for t in doc.filter_templates()]
    link = doc.filter_wikilinks()[0]
    assert [t.name for t in link.filter_templates(recursive=False)] == ["Inner"]


def test_matches_a_regex_on_the_name_or_a_predicate() -> None:
    doc = wikiparse.parse(PAGE)
    assert [t.name for t in doc.filter_templates(matches=r"^cite")] == ["Cite web", "Cite book"]
    assert doc.filter_templates(matches=r"^cite", flags=0) == []  # flags=0: case matters
    assert [t.name for t in doc.filter_templates(matches=re.compile("Geo"))] == ["Geo"]
    assert [t.name for t in doc.filter_templates(matches=lambda t: t.has("a"))] == ["Infobox"]
    assert [l.title for l in doc.filter_wikilinks(matches="link")] == ["Link"]
    assert [h.title for h in doc.filter_headings(matches="^wall$")] == ["Wall"]
    with pytest.raises(TypeError):
        doc.filter_templates(matches=42)  # type: ignore[arg-type]


def test_ifilter_is_a_generator_and_forcetype_names_the_type() -> None:
    doc = wikiparse.parse(PAGE)
    gen = doc.ifilter_templates()
    assert isinstance(gen, types.GeneratorType)
    assert next(gen).name == "Infobox"
    assert doc.filter(forcetype=ast.Heading) == doc.filter_headings()
    assert [c.value for c in wikiparse.parse("a<!--x-->").filter_comments()] == ["x"]
    assert [e.char for e in wikiparse.parse("&amp;").filter_html_entities()] == ["&"]
    assert [a.name for a in wikiparse.parse("{{{p|d}}}").filter_arguments()] == ["p"]


def test_sections_flat_lead_and_headings() -> None:
    doc = wikiparse.parse(PAGE)
    history = doc.get_sections(matches="History")[0]
    assert [h.title for h in history.filter_headings()] == ["History", "Wall"]
    flat = doc.get_sections(matches="History", flat=True)[0]
    assert [h.title for h in flat.filter_headings()] == ["History"]
    # include_lead is honoured with levels/matches too; by default only without them
    assert doc.get_sections(levels=[3], include_lead=True)[0].heading is None
    assert [s.title for s in doc.get_sections(levels=[3])] == ["Wall"]
    assert doc.get_sections()[0].heading is None
    assert doc.get_sections(include_lead=False)[0].title == "History"
    bare = doc.get_sections(levels=[2], include_headings=False)
    assert not any(isinstance(n, ast.Heading) and n.level == 2 for s in bare for n in s.nodes)
    assert str(bare[1]).strip() == "{{Geo}}"
    assert [t.name for t in bare[0].filter_templates()] == ["Listed", "Cite book"]


def test_template_get_raises_like_mwparserfromhell() -> None:
    tpl = wikiparse.parse("{{t|a=1|2}}").filter_templates()[0]
    assert tpl.get("a").value_text() == "1" and tpl.get(1).value_text() == "2"
    with pytest.raises(ValueError, match="no parameter 'b'"):
        tpl.get("b")
    assert tpl.get_param("b") is None
    fallback = ast.Parameter((0, 0), name="b")
    assert tpl.get_param("b", fallback) is fallback


def test_own_templates_match_mwparserfromhell_on_berlin() -> None:
    mwp = pytest.importorskip("mwparserfromhell")
    path = shared_path("corpora", "articles", "en--dbpedia--Berlin.wiki")
    text = path.read_text(encoding="utf-8")
    ours = wikiparse.parse(text).filter_templates(recursive=False)
    theirs = mwp.parse(text).filter_templates(recursive=False)
    assert len(ours) == len(theirs) > 100
