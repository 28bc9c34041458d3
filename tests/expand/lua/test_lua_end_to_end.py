"""End to end: ``wikiparse.expand_text``/``wikiparse.expand`` (the preprocessor) with the Lua engine
and the enwiki store."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from functools import lru_cache

import pytest
from lua_fakes import require

require("lupa.lua51")

from testkit import shared_path  # noqa: E402
from enwiki_store import load_store  # noqa: E402

import wikiparse  # noqa: E402
from wikiparse.ast import Transclusion  # noqa: E402
from wikiparse.config import Limits  # noqa: E402

CLOCK = datetime(2024, 5, 6, tzinfo=timezone.utc)


@lru_cache(maxsize=1)
def store() -> dict[str, str]:
    return load_store(shared_path("corpora", "enwiki-templates"))


def test_berlin_citations_expand_through_the_real_modules() -> None:
    text = shared_path("corpora", "articles", "en--dbpedia--Berlin.wiki").read_text("utf-8")
    out = wikiparse.expand_text(text, templates=store(), title="Berlin", clock=CLOCK)
    assert "Lua error" not in out and "Script error" not in out
    assert out.count('class="citation') > 200
    assert ("Kleiner, Stefan; Knöbl, Ralf; Mangold, Max (2015). ''Das Aussprachewörterbuch'' "
            "(7th ed.). Berlin: Duden. p.&nbsp;229.") in out
    assert "cs1-visible-error" not in out


@pytest.mark.parametrize("body, message", [
    ("while true do end", "The time allocated for running scripts has expired."),
    ("local s = 'x' while true do s = s .. s end", "not enough memory"),
    ("local x = nil return x.y", "Lua error in Module:Bad at line 1: attempt to index local"),
])
def test_a_failing_module_leaves_the_rest_of_the_page(body: str, message: str) -> None:
    pages = {"Module:Bad": f"return {{ f = function() {body} end }}",
             "Module:Good": "return { f = function() return 'good' end }"}
    out = wikiparse.expand_text("before {{#invoke:Bad|f}} middle {{#invoke:Good|f}} after",
                                templates=pages, clock=CLOCK,
                                limits=Limits(lua_cpu_seconds=0.3, lua_memory_bytes=8 << 20))
    assert out.startswith("before ") and out.endswith(" after")
    assert message in out and "scribunto-error" in out
    assert " middle " in out


def test_two_hundred_invokes() -> None:
    module = "return { f = function(frame) return mw.ustring.upper(frame.args[1]) .. (frame.args.x or '') end }"
    page = "\n".join(f"{{{{#invoke:Small|f|wörd{i}|x={i}}}}}" for i in range(200))
    out = wikiparse.expand_text(page, templates={"Module:Small": module}, clock=CLOCK)
    assert out.splitlines()[:3] == ["WÖRD00", "WÖRD11", "WÖRD22"]
    assert len(out.splitlines()) == 200


@pytest.mark.slow
def test_english_pages_have_no_lua_errors() -> None:
    missing: set[str] = set()
    errors: list[str] = []
    for path in sorted(shared_path("corpora", "articles").glob("en--*.wiki")):
        out = wikiparse.expand_text(path.read_text("utf-8"), templates=store(),
                                    title=path.stem.split("--")[-1], clock=CLOCK)
        errors += [f"{path.name}: {m}" for m in re.findall(r"Lua error[^<]*", out)]
        missing |= set(re.findall(r"No such module &quot;([^&]*)&quot;", out))
    assert not errors, "\n".join(errors[:20])
    assert all(f"Module:{m}" not in store() for m in missing)  # only modules the store lacks


def test_the_expanded_document_keeps_the_invoke_as_a_transclusion() -> None:
    doc = wikiparse.expand("x {{Cite book|title=T|year=2001|last=L|first=F}} y", templates=store(),
                           title="Berlin", clock=CLOCK)
    calls = [n for n in doc.walk() if isinstance(n, Transclusion)]
    assert len(calls) == 1
    assert "L, F (2001). ''T''." in doc.source
