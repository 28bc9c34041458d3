"""Template stores: dict, folder (the shared enwiki-templates layout), SQLite, XML dump."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from testkit import shared_path

import wikiparse
from wikiparse.expand import DictStore, FolderStore, SqliteStore, TemplateStore, as_store
from wikiparse.expand.stores import dump_pages, dump_store, sqlite_from_dump


def test_dict_store_normalises_titles() -> None:
    store = DictStore({"template:foo_bar": "x"})
    assert store.get("Template:Foo bar") == "x" and store.exists("Template:foo bar")
    assert store.get("Template:Other") is None and not store.exists("Template:Other")
    assert isinstance(store, TemplateStore)


def test_folder_store(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.txt").write_text("folder {{{1}}}", encoding="utf-8")
    (tmp_path / "index.json").write_text(json.dumps({"Template:A": "pages/a.txt",
                                                     "Template:Gone": "pages/gone.txt"}))
    store = FolderStore(tmp_path)
    assert wikiparse.expand_text("{{A|x}}", templates=store) == "folder x"
    assert store.exists("Template:Gone") and store.get("Template:Gone") is None
    assert wikiparse.expand_text("{{A|y}}", templates=str(tmp_path)) == "folder y"


def test_sqlite_store(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "t.db")
    assert store.add([("Template:S", "sql {{{1}}}"), ("template:r", "#REDIRECT [[Template:S]]")]) == 2
    assert len(store) == 2 and store.exists("Template:R")
    assert wikiparse.expand_text("{{R|x}}", templates=store) == "sql x"
    again = pickle.loads(pickle.dumps(store))  # worker processes reopen the file
    assert again.get("Template:S") == "sql {{{1}}}"
    assert wikiparse.expand_text("{{S|y}}", templates=str(tmp_path / "t.db")) == "sql y"


def test_as_store_rejects_other_things() -> None:
    with pytest.raises(TypeError):
        as_store(42)


def test_broken_store_is_treated_as_missing_pages() -> None:
    class Broken:
        def get(self, title: str) -> str | None:
            raise OSError("disk gone")

        def exists(self, title: str) -> bool:
            raise OSError("disk gone")

    assert wikiparse.expand_text("{{X}} {{#ifexist:X|y|n}}", templates=Broken()) == "{{X}} n"


def test_enwiki_templates_expand_as_on_wikipedia() -> None:
    store = FolderStore(shared_path("corpora", "enwiki-templates"))
    # a redirect (Tl -> Template link), <noinclude> documentation left out
    assert store.get("Template:Tl") is not None
    assert wikiparse.expand_text("{{Tl|Foo}}", templates=store) == \
        "&#123;&#123;[[Template:Foo|Foo]]&#125;&#125;"
    assert wikiparse.expand_text("{{'}}", templates=store) == \
        '<span class="nowrap" style="padding-left:0.1em;">&#39;</span>'
    reflist = wikiparse.expand_text("{{Reflist}}", templates=store)
    assert reflist.startswith('<div class="reflist ') and "<references" in reflist
    # every wikitext template of the set expands without an exception and without loops
    for title in store:
        if title.startswith("Template:"):
            result = wikiparse.expand("{{" + title + "}}", templates=store, title="Sandbox")
            assert not [d for d in result.diagnostics if d.code == "template-loop"], title


def test_xml_dump_store_and_sqlite_copy(tmp_path: Path) -> None:
    dump = shared_path("corpora", "dumps", "enwiki-mini-pages-articles.xml.bz2")
    titles = [t for t, _ in dump_pages(dump)]
    assert titles == ["Template:Infobox fixture"]
    store = dump_store(dump)
    assert store.exists("Template:Infobox fixture")
    db = sqlite_from_dump(dump, tmp_path / "dump.db")
    assert db.get("Template:Infobox fixture") == store.get("Template:Infobox fixture")
    every = dict(dump_pages(dump, namespaces=None))
    assert len(every) > 100 and "Talk:Berlin" in every
