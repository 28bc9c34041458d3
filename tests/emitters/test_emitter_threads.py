"""Rendering never raises RecursionError, however deep the tree the parser allows, in any
thread: the emitters walk the tree on an explicit stack (``wikiparse.ast.Visitor``), and the
process-wide recursion limit is not touched."""

from __future__ import annotations

import sys
import threading

import pytest

import wikiparse

FORMATS = ["html", "text", "json", "pandoc-json", "wikitext"]
DEEP = {
    "tables": "{|\n|\n" * 180,
    "quote_tags": "''<b>" * 400,
    "tables_in_args": "{{a|\n{|\n|" * 180,
    "list": "*" * 400 + " x",
    "brace_run": "{" * 20_000 + "}" * 20_000,
    "tags": "<span>" * 400,
    "links_in_templates": "{{a|[[b|" * 150 + "x" + "]]}}" * 150,
}


@pytest.mark.parametrize("name", sorted(DEEP))
def test_deep_documents_render_to_every_format(name: str) -> None:
    limit = sys.getrecursionlimit()
    doc = wikiparse.parse(DEEP[name])
    for fmt in FORMATS:
        assert wikiparse.render(doc, fmt) is not None
    assert sys.getrecursionlimit() == limit


def test_eight_threads_render_deep_documents_like_one() -> None:
    docs = {name: wikiparse.parse(text) for name, text in DEEP.items()}
    expected = {(name, fmt): wikiparse.render(doc, fmt) for name, doc in docs.items() for fmt in FORMATS}
    results: dict[tuple[int, str, str], object] = {}
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def work(worker: int) -> None:
        try:
            start.wait()
            for name, doc in docs.items():
                for fmt in FORMATS:
                    results[(worker, name, fmt)] = wikiparse.render(doc, fmt)
        except BaseException as e:  # noqa: BLE001 - collected and asserted below
            errors.append(e)

    # small thread stacks: an emitter that recursed per tree level would overflow here
    old = threading.stack_size()
    threading.stack_size(512 * 1024)
    try:
        threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=600)
    finally:
        threading.stack_size(old)
    assert not errors, repr(errors[0])
    for (worker, name, fmt), out in results.items():
        assert out == expected[(name, fmt)], (worker, name, fmt)
    assert len(results) == 8 * len(expected)
