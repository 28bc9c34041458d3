"""The fuzz suite's short, seeded form (CI runs it; ``make fuzz`` is the long one).

Fixed seeds, so a failure here reproduces exactly: generated wikitext from the construct grammar,
one-character mutations of corpus pages, and every adversarial pattern of ``fuzzkit`` at a small
size, each parsed and rendered to every format (``fuzzkit.check``).
"""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fuzzkit
from testkit import shared_path

SEEDS = (0, 1, 2, 3)
PER_SEED = 60
SMALL = fuzzkit.Grammar(max_depth=4, max_items=6)
DEEP = fuzzkit.Grammar(max_depth=10, max_items=3, unbalance=0.2)


def _failures(texts: list[str]) -> list[str]:
    bad = []
    for text in texts:
        outcome = fuzzkit.check(text)
        if not outcome.ok:
            bad.append(f"{text[:200]!r}: {outcome.problems[0]}")
    return bad


@pytest.mark.parametrize("seed", SEEDS)
def test_grammar_inputs(seed: int) -> None:
    rng = random.Random(seed)
    texts = [fuzzkit.grammar_text(rng, SMALL if i % 3 else DEEP) for i in range(PER_SEED)]
    bad = _failures(texts)
    assert not bad, f"{len(bad)} of {len(texts)} failed; first: {bad[0]}"


def test_corpus_mutations() -> None:
    folder = shared_path("corpora", "articles")
    pages = sorted(folder.glob("*.wiki"))
    rng = random.Random(18)
    chosen = rng.sample(pages, 12)
    texts = []
    for path in chosen:
        page = path.read_text(encoding="utf-8")[:20_000]
        for _ in range(2):
            texts.append(fuzzkit.mutate(rng, page))
    bad = _failures(texts)
    assert not bad, f"{len(bad)} of {len(texts)} failed; first: {bad[0]}"


@pytest.mark.parametrize("name", sorted(fuzzkit.ADVERSARIAL))
def test_adversarial_pattern(name: str) -> None:
    text = fuzzkit.adversarial(name, 8_000)
    outcome = fuzzkit.check(text)
    assert outcome.ok, "\n".join(outcome.problems)


@settings(max_examples=150, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.randoms(use_true_random=False))
def test_grammar_property(rng: random.Random) -> None:
    """The same grammar driven by hypothesis, which shrinks a failure to the choices that matter."""
    outcome = fuzzkit.check(fuzzkit.grammar_text(rng, SMALL))
    assert outcome.ok, "\n".join(outcome.problems)
