"""Editing API: each operation, and minimal diffs on corpus pages."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

import wikiparse
from wikiparse import ast
from wikiparse.editing import EditError, Editor, canonical_wikitext

from testkit import corpus_files


def edit(src: str) -> tuple[ast.Document, Editor]:
    doc = wikiparse.parse(src)
    return doc, Editor(doc)


def test_set_existing_param_keeps_layout() -> None:
    doc, ed = edit("{{Infobox x\n| name = A <!--c-->\n| b = 2\n}}")
    ed.set_param(doc.filter_templates()[0], "name", "B")
    assert str(doc) == "{{Infobox x\n| name = B\n| b = 2\n}}"
    assert wikiparse.render(doc, "wikitext") == str(doc)


def test_add_param_copies_layout() -> None:
    doc, ed = edit("{{Infobox x\n| name = A\n| b    = 2\n}}")
    ed.set_param(doc.filter_templates()[0], "new", "v")
    assert str(doc) == "{{Infobox x\n| name = A\n| b    = 2\n| new  = v\n}}"
    doc, ed = edit("{{tpl|a}}")
    ed.set_param(doc.filter_templates()[0], 2, "b")
    ed.set_param(doc.filter_templates()[0], "k", "v")
    assert str(doc) == "{{tpl|a|b|k=v}}"


def test_remove_param() -> None:
    doc, ed = edit("x {{tpl|a=1|b=2|c=3}} y")
    assert ed.remove_param(doc.filter_templates()[0], "b")
    assert not ed.remove_param(doc.filter_templates()[0], "zz")
    assert str(doc) == "x {{tpl|a=1|c=3}} y"


def test_rename_template() -> None:
    doc, ed = edit("{{ old name |a}}")
    ed.rename_template(doc.filter_templates()[0], "New")
    assert str(doc) == "{{ New |a}}"


def test_rename_link_keeps_label_and_trail() -> None:
    doc, ed = edit("See [[Foo|the ''foo'']]s and [[Bar]].")
    links = doc.filter_wikilinks()
    ed.rename_link(links[0], "Baz#Sec")
    ed.rename_link(links[1], "Qux")
    # an unpiped link keeps showing what it showed: [[Bar]] -> [[Qux|Bar]] (issue 16)
    assert str(doc) == "See [[Baz#Sec|the ''foo'']]s and [[Qux|Bar]]."
    assert links[0].fragment == "Sec" and links[0].title == "Baz"


def test_set_link_text() -> None:
    doc, ed = edit("[[Foo|old]] [[Bar]]")
    a, b = doc.filter_wikilinks()
    ed.set_link_text(a, "new")
    ed.set_link_text(b, "label")
    assert str(doc) == "[[Foo|new]] [[Bar|label]]"


def test_replace_node() -> None:
    doc, ed = edit("a {{cn}} b\n\nnext")
    new = ed.replace(doc.filter_templates()[0], "[[link]]")
    assert isinstance(new[0], ast.WikiLink)
    assert str(doc) == "a [[link]] b\n\nnext"


def test_replace_list_item() -> None:
    doc, ed = edit("* a\n* b\n* c")
    lst = doc.filter(ast.List)[0]
    ed.replace(lst.items[1], "* B")
    assert str(doc) == "* a\n* B\n* c"
    # the replaced item leaves an empty Text over its old span; the new item follows it
    assert [type(i).__name__ for i in lst.items] == ["ListItem", "Text", "ListItem", "ListItem"]
    assert wikiparse.render(doc, "text") == "a\nB\nc"


def test_insert_after_and_before() -> None:
    doc, ed = edit("== H ==\ntext\n\nmore")
    ed.insert_after(doc.headings[0], "New paragraph.")
    assert str(doc) == "== H ==\nNew paragraph.\n\ntext\n\nmore"
    doc, ed = edit("a [[x]] b")
    ed.insert_before(doc.filter_wikilinks()[0], "{{tpl}} ")
    assert str(doc) == "a {{tpl}} [[x]] b"


def test_remove_inline_and_block() -> None:
    doc, ed = edit("Keep {{drop}}this.\n== H ==\nbody")
    ed.remove(doc.filter_templates()[0])
    ed.remove(doc.headings[0])
    assert str(doc) == "Keep this.\nbody"


def test_add_category() -> None:
    doc, ed = edit("Text.\n\n[[category:Eins]]\n")
    ed.add_category("Zwei")
    assert str(doc) == "Text.\n\n[[category:Eins]]\n[[category:Zwei]]\n"
    assert ed.add_category("Eins") is doc.categories[0]
    doc, ed = edit("Text.")
    ed.add_category("New", sort_key="k")
    assert str(doc) == "Text.\n[[Category:New|k]]"


def test_errors() -> None:
    doc, ed = edit("a [[b]]")
    other = wikiparse.parse("[[c]]")
    with pytest.raises(EditError):
        ed.rename_link(other.filter_wikilinks()[0], "x")
    with pytest.raises(EditError):
        ed.remove(doc)
    with pytest.raises(EditError):
        ed.rename_link(doc.filter_wikilinks()[0], "  ")
    with pytest.raises(TypeError):
        Editor("text")  # type: ignore[arg-type]


def test_canonical_wikitext_of_built_nodes() -> None:
    tpl = ast.Template((0, 0), name="Tpl", params=[
        ast.Parameter((0, 0), name="1", value=[ast.Text((0, 0), value="a")]),
        ast.Parameter((0, 0), name="k", showkey=True, value=[ast.Text((0, 0), value="v")]),
    ])
    assert canonical_wikitext(tpl) == "{{Tpl|a|k=v}}"
    link = ast.WikiLink((0, 0), target="Foo", has_text=True, children=[ast.Text((0, 0), value="x")])
    assert canonical_wikitext(link) == "[[Foo|x]]"


def test_corpus_edits_change_only_edited_lines(corpus_dir: Path) -> None:
    edited = 0
    for path in corpus_files():
        src = path.read_text(encoding="utf-8")
        doc = wikiparse.parse(src)
        ed = Editor(doc)
        templates = [t for t in doc.filter_templates() if t.params]
        links = [l for l in doc.filter_wikilinks() if "\n" not in src[l.span[0]:l.span[1]]]
        if not templates or not links:
            continue
        tpl, link = templates[len(templates) // 2], links[len(links) // 2]
        if tpl.span[0] <= link.span[0] < tpl.span[1] or link.span[0] <= tpl.span[0] < link.span[1]:
            continue
        first = tpl.params[0]
        ed.set_param(tpl, first.name, "EDITED")
        ed.rename_link(link, "Renamed page")
        out = str(doc)
        assert "EDITED" in out and "[[Renamed page" in out, path.name
        param_lines = range(src.count("\n", 0, first.span[0]),
                            src.count("\n", 0, first.span[1]) + 1)
        touched = set(param_lines) | {src.count("\n", 0, link.span[0])}
        old_lines, new_lines = src.splitlines(), out.splitlines()
        # difflib: every differing line is one holding the edited parameter or link
        matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                continue
            differing = [i for i, j in zip(range(i1, i2), range(j1, j2))
                         if old_lines[i] != new_lines[j]]
            assert set(differing) <= touched, (path.name, op, i1, i2)
            if op != "replace" or (i2 - i1) != (j2 - j1):
                assert set(range(i1, i2)) <= touched, (path.name, op, i1, i2)
        # re-parsing the result finds the edits
        again = wikiparse.parse(out)
        assert any(l.target == "Renamed page" for l in again.filter_wikilinks()), path.name
        edited += 1
    assert edited >= 100
