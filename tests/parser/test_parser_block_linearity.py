"""The block passes stay linear on long runs of text lines: a paragraph (or a template
argument) of n lines used to rebuild its merged Text at every line, copying O(n²) characters
(``'|}\\n' * 128000`` took 2.8 s, twice that as many lines 4x as long)."""

from __future__ import annotations

import time

import wikiparse


def _best_time(text: str, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        t0 = time.process_time()
        wikiparse.parse(text)
        best = min(best, time.process_time() - t0)
    return best


def test_a_paragraph_of_many_lines_costs_linear_time() -> None:
    # stray table ends: one paragraph of n text lines
    small = "|}\n" * 16_000
    big = "|}\n" * 128_000
    # 8x the input: about 8x the time when linear; the quadratic merge took 40x and more
    ratio = _best_time(big, rounds=1) / _best_time(small, rounds=3)
    assert ratio < 20, ratio


def test_merged_lines_keep_their_text() -> None:
    text = "a\nb\n|}\n" * 3 + "\n{{t|x\ny\nz}}"
    doc = wikiparse.parse(text)
    assert str(doc) == text
    para = doc.children[0]
    assert [type(c).__name__ for c in para.children] == ["Text"]  # type: ignore[attr-defined]
    assert para.children[0].value == "a\nb\n|}\n" * 2 + "a\nb\n|}"  # type: ignore[attr-defined]
    (template,) = doc.filter(wikiparse.ast.Template)
    value = template.params[0].value  # type: ignore[attr-defined]
    assert [(type(n).__name__, getattr(n, "value", None)) for n in value] == [("Text", "x\ny\nz")]
