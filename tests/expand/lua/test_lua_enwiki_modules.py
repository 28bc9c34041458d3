"""Real English Wikipedia modules (``../shared/corpora/enwiki-templates``: the CS1 stack, Lang,
Arguments …) run through the engine with the stand-in preprocessor of ``lua_fakes``."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from lua_fakes import require  # noqa: E402

require("lupa.lua51")
mwparserfromhell = require("mwparserfromhell")

from testkit import shared_path  # noqa: E402
from enwiki_store import load_store  # noqa: E402
from lua_fakes import FakeFrame, invoke, make_engine  # noqa: E402


@lru_cache(maxsize=1)
def store() -> dict[str, str]:
    return load_store(shared_path("corpora", "enwiki-templates"))


def cite(template: str, args: dict[str | int, str], page: str = "Berlin") -> str:
    context, engine = make_engine(store(), page_title=page)
    top = FakeFrame(context, page)
    return top.expand_template(template, args)


def test_cite_book_as_wikipedia_shows_it() -> None:
    text = cite("Cite book", {
        "last1": "Kleiner", "first1": "Stefan", "last2": "Knöbl", "first2": "Ralf",
        "last3": "Mangold", "first3": "Max", "year": "2015", "title": "Das Aussprachewörterbuch",
        "edition": "7th", "location": "Berlin", "publisher": "Duden", "page": "229",
        "isbn": "978-3-411-04067-4"})
    assert "<ERR:" not in text
    assert text.startswith('<cite id="CITEREFKleinerKnöblMangold2015" class="citation book cs1">'
                           "Kleiner, Stefan; Knöbl, Ralf; Mangold, Max (2015). "
                           "''Das Aussprachewörterbuch'' (7th ed.). Berlin: Duden. p.&nbsp;229. "
                           "[[ISBN (identifier)|ISBN]]&nbsp;"
                           "[[Special:BookSources/978-3-411-04067-4|<bdi>978-3-411-04067-4</bdi>]].</cite>")
    assert "rft.btitle=Das+Aussprachew%C3%B6rterbuch" in text  # the COinS metadata
    assert "cs1-visible-error" not in text


def test_cite_web_access_date_is_checked_against_the_clock() -> None:
    ok = cite("Cite web", {"url": "https://example.org/", "title": "Example",
                           "access-date": "11 February 2016"})
    assert "Retrieved <span class=\"nowrap\">11 February</span> 2016" in ok
    assert "cs1-visible-error" not in ok
    future = cite("Cite web", {"url": "https://example.org/", "title": "Example",
                               "access-date": "11 February 2099"})
    assert "Check date values in" in future  # after the (injected) clock: CS1's own error


def test_cite_news_with_errors_shows_cs1_errors_not_lua_errors() -> None:
    text = cite("Cite news", {"title": "No URL", "access-date": "5 May 2020"})
    assert "<ERR:" not in text
    assert "cs1-visible-error" in text and "access-date=" in text  # access-date needs a URL


def test_lang_template() -> None:
    text = cite("Lang", {1: "de", 2: "Berlin ist eine Stadt"})
    assert "<ERR:" not in text
    assert text == ('<i lang="de" title="German language text">Berlin ist eine Stadt</i>'
                    "[[Category:Articles containing German-language text]]")
    # outside the article namespace Module:Lang adds no category
    assert cite("Lang", {1: "de", 2: "x"}, page="Talk:Berlin") == \
        '<i lang="de" title="German language text">x</i>'


def test_module_arguments_merges_frame_and_parent() -> None:
    pages = dict(store())
    pages["Module:ArgsUser"] = """
local getArgs = require('Module:Arguments').getArgs
return { main = function(frame)
    local args = getArgs(frame)
    local keys = {}
    for k, v in pairs(args) do keys[#keys + 1] = tostring(k) .. '=' .. v end
    table.sort(keys)
    return table.concat(keys, ';') .. '|' .. tostring(args.blank) .. '|' .. tostring(args[2])
end }"""
    context, engine = make_engine(pages)
    result = invoke(engine, context, "ArgsUser", "main", {}, {1: " one ", "name": " x ", "blank": "", 2: "two"},
                    parent_title="Template:ArgsUser")
    assert result.error is None, result.error
    # Module:Arguments trims and drops blanks by default
    assert result.text == "1=one;2=two;name=x|nil|two"


def _calls(path: Path) -> list[tuple[str, dict[str | int, str]]]:
    calls: list[tuple[str, dict[str | int, str]]] = []
    for t in mwparserfromhell.parse(path.read_text("utf-8")).filter_templates(recursive=True):
        name = str(t.name).strip().replace("_", " ")
        low = name.lower()
        if not (low.startswith("cite") or low in ("citation", "lang") or low.startswith("lang-")):
            continue
        args: dict[str | int, str] = {}
        for p in t.params:
            key = str(p.name).strip()
            args[int(key) if p.showkey is False or key.isascii() and key.isdigit() else key] = str(p.value)
        calls.append((name[0].upper() + name[1:], args))
    return calls


@pytest.mark.slow
def test_every_cite_and_lang_call_on_the_english_pages_runs_without_lua_error() -> None:
    articles = shared_path("corpora", "articles")
    failures: list[str] = []
    total = 0
    for path in sorted(articles.glob("en--*.wiki")):
        context, engine = make_engine(store(), page_title=path.stem.split("--")[-1])
        top = FakeFrame(context, context.page_title)
        for name, args in _calls(path):
            total += 1
            text = top.expand_template(name, args)
            if "<ERR:" in text or "Lua error" in text:
                failures.append(f"{path.name}: {{{{{name}}}}}: {text[:300]}")
    assert total > 3000
    assert not failures, f"{len(failures)} of {total} calls failed:\n" + "\n".join(failures[:30])


def test_pages_expanded_at_once_in_threads_agree() -> None:
    import threading

    calls = _calls(shared_path("corpora", "articles", "en--dbpedia--Berlin.wiki"))[:20]
    results: dict[int, list[str]] = {}

    def work(n: int) -> None:
        context, engine = make_engine(store(), page_title="Berlin")
        top = FakeFrame(context, "Berlin")
        results[n] = [top.expand_template(name, args) for name, args in calls]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 3 and results[0] == results[1] == results[2]
    assert not any("<ERR:" in text for text in results[0])
