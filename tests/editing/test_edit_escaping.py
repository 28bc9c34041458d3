"""Editing without traps (issue 16 item 3): values escaped as MediaWiki needs, categories in the
site's language, sort keys, link text kept on renames, names normalised as the parser does, and
a property: any edit sequence, re-parsed, gives the tree the edits describe."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import wikiparse
from wikiparse import ast
from wikiparse.config import SiteConfig
from wikiparse.editing import Editor


def test_positional_value_with_equals_stays_positional() -> None:
    doc = wikiparse.parse("{{t|a}}")
    ed = Editor(doc)
    ed.set_param(doc.filter_templates()[0], 1, "x=y")
    ed.set_param(doc.filter_templates()[0], 2, "p=q")
    assert str(doc) == "{{t|x&#61;y|p&#61;q}}"
    again = wikiparse.parse(str(doc)).filter_templates()[0]
    assert [(p.name, p.showkey) for p in again.params] == [("1", False), ("2", False)]
    assert wikiparse.render(again, "text") == ""  # still a template, not split


def test_heading_marks_in_a_positional_value_are_escaped() -> None:
    # '=a=' alone on its line reads as a heading in a parsed fragment; its '=' marks are the
    # heading's markup, not Text, and split the parameter all the same (found by hypothesis)
    doc = wikiparse.parse("{{box}}")
    ed = Editor(doc)
    tpl = doc.filter_templates()[0]
    ed.set_param(tpl, "name", "a")
    ed.set_param(tpl, "1", "=a=")
    assert str(doc) == "{{box|name=a|&#61;a&#61;}}"
    again = wikiparse.parse(str(doc)).filter_templates()[0]
    assert [(p.name, p.showkey) for p in again.params] == [("name", True), ("1", False)]


def test_table_pipes_in_a_value_do_not_start_parameters() -> None:
    doc = wikiparse.parse("{{box}}")
    ed = Editor(doc)
    ed.set_param(doc.filter_templates()[0], "1", "x\n{|\n|a||b\n|}")
    again = wikiparse.parse(str(doc)).filter_templates()[0]
    assert [(p.name, p.showkey) for p in again.params] == [("1", False)]


def test_pipe_in_a_value_does_not_start_a_parameter() -> None:
    doc = wikiparse.parse("{{t|k=v}}")
    ed = Editor(doc)
    tpl = doc.filter_templates()[0]
    ed.set_param(tpl, "k", "a|b [[l|m]] {{c|d=e}}")
    assert str(doc) == "{{t|k=a{{!}}b [[l|m]] {{c|d=e}}}}"
    again = wikiparse.parse(str(doc)).filter_templates()[0]
    assert [p.name for p in again.params] == ["k"]


def test_add_category_on_a_russian_page() -> None:
    doc = wikiparse.parse("Текст\n[[Категория:Города]]", config=SiteConfig.for_language("ru"))
    ed = Editor(doc)
    ed.add_category("Категория:Столицы")
    assert str(doc) == "Текст\n[[Категория:Города]]\n[[Категория:Столицы]]"
    assert ed.add_category("Category:Столицы") is doc.categories[-1]  # the canonical name too


def test_add_category_honours_the_sort_key_of_an_existing_one() -> None:
    doc = wikiparse.parse("x\n[[Category:Foo]]")
    ed = Editor(doc)
    cat = ed.add_category("Foo", sort_key="Key")
    assert cat.sort_key == "Key" and str(doc) == "x\n[[Category:Foo|Key]]"
    ed.add_category("foo", sort_key="Other")
    assert str(doc) == "x\n[[Category:Foo|Other]]"
    assert wikiparse.parse(str(doc)).categories[0].sort_key == "Other"


def test_rename_link_keeps_the_visible_text() -> None:
    doc = wikiparse.parse("the [[bus]]es and [[:Category:X]]")
    ed = Editor(doc)
    before = wikiparse.render(doc, "text")
    links = doc.filter_wikilinks()
    ed.rename_link(links[0], "Omnibus")
    ed.rename_link(links[1], "Y")
    assert str(doc) == "the [[Omnibus|bus]]es and [[Y|Category:X]]"
    assert wikiparse.render(wikiparse.parse(str(doc)), "text") == before


def test_names_are_normalised_as_the_parser_normalises_them() -> None:
    doc = wikiparse.parse("{{x}} [[a]]")
    ed = Editor(doc)
    tpl, link = doc.filter_templates()[0], doc.filter_wikilinks()[0]
    ed.rename_template(tpl, "foo  bar")
    ed.rename_link(link, "help:some_page#Sec")
    again = wikiparse.parse(str(doc))
    assert tpl.name == again.filter_templates()[0].name == "Foo bar"
    new = again.filter_wikilinks()[0]
    assert (link.title, link.namespace, link.fragment) == (new.title, new.namespace, new.fragment)
    assert link.namespace == 12


# ------------------------------------------------------------------ property

PAGE = "Intro {{box|name=Old|1}} see [[Target]] and [[Other|label]].\n\n[[Category:Kept]]\n"
PIECES = ["a", "b c", "=", "|", "é", " ", "''i''", "[[x|y]]", "{{z|k=v}}", "1"]
value = st.lists(st.sampled_from(PIECES), min_size=1, max_size=6).map("".join)
name = st.sampled_from(["name", "1", "2", "new", "k"])
title = st.sampled_from(["Berlin", "foo_bar", "Help:Page", "a#b", "Écrire"])
edit = st.one_of(
    st.tuples(st.just("param"), name, value),
    st.tuples(st.just("rename"), st.sampled_from(["Box", "info box", "X"])),
    st.tuples(st.just("link"), st.integers(0, 1), title),
    st.tuples(st.just("category"), st.sampled_from(["Kept", "New one", "Category:Z"]),
              st.one_of(st.none(), st.sampled_from(["k", "K 2"]))),
)


def summary(doc: ast.Document) -> Any:
    """What edits describe: templates and their parameters, links, categories."""
    return (
        [(t.name, [(p.name, p.showkey, p.value_text()) for p in t.params])
         for t in doc.filter_templates() if t.name in ("Box", "Info box", "X")],
        [(l.title, l.fragment) for l in doc.filter_wikilinks()],
        [(c.name, c.sort_key) for c in doc.categories],
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(edit, min_size=1, max_size=6))
def test_any_edit_sequence_reparses_to_the_edited_tree(edits: list[tuple[Any, ...]]) -> None:
    doc = wikiparse.parse(PAGE)
    ed = Editor(doc)
    box = doc.filter_templates()[0]
    links = [l for l in doc.filter_wikilinks() if l.title in ("Target", "Other")]
    for op, *args in edits:
        if op == "param":
            ed.set_param(box, args[0], args[1])
        elif op == "rename":
            ed.rename_template(box, args[0])
        elif op == "link":
            ed.rename_link(links[args[0]], args[1])
        else:
            ed.add_category(args[0], sort_key=args[1])
    assert summary(wikiparse.parse(str(doc))) == summary(doc)
