"""Hypothesis: expansion is total on generated wikitext and template stores, loops and bombs end
at the limits with a diagnostic, and the expanded document is a sound, lossless parse."""

from __future__ import annotations

import os
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import wikiparse
from wikiparse import Limits
from wikiparse.expand import Settings, expand_page
from wikiparse.validate import check_tree

EXAMPLES = 2_000 if os.environ.get("CI", "").lower() == "true" else 200

PIECES = [
    "{{", "}}", "{{{", "}}}", "|", "=", "[[", "]]", "-{", "}-", "\n", "\n==", "==\n", "<!--",
    "-->", "<nowiki>", "</nowiki>", "<ref>", "</ref>", "<noinclude>", "</noinclude>",
    "<includeonly>", "</includeonly>", "<onlyinclude>", "</onlyinclude>", "{{!}}", "{{=}}",
    "{{#if:", "{{#ifeq:", "{{#switch:", "{{#expr:", "{{#time:", "{{#tag:", "{{#invoke:",
    "{{#titleparts:", "{{#rel2abs:", "{{#iferror:", "{{#ifexist:", "{{lc:", "{{padleft:",
    "{{formatnum:", "{{urlencode:", "{{PAGENAME}}", "{{CURRENTYEAR}}", "{{subst:", "{{msgnw:",
    "{{T", "{{T|", "{{T|1=", "{{U}}", "{{:Main Page}}", "{{{1}}}", "{{{1|", "{{{x|d}}}",
    "1", "+", "*", "/", "mod", "(", ")", "e", "x", " ", "#default", "&amp;", "é", "{|", "|}",
]
wikitextish = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)),
                       max_size=40).map("".join)
stores = st.dictionaries(st.sampled_from(["Template:T", "Template:U", "Template:V",
                                          "Main Page", "Module:M"]),
                         wikitextish, max_size=4)
SMALL = Limits(max_pp_nodes=20_000, max_template_depth=20, max_expand_depth=40)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(wikitextish, stores)
def test_expansion_is_total(text: str, templates: dict[str, str]) -> None:
    result = expand_page(text, templates=templates, limits=SMALL)
    assert isinstance(result.text, str)
    assert not [d for d in result.diagnostics if d.severity == "internal"]


@settings(max_examples=EXAMPLES // 3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(wikitextish, stores)
def test_expanded_document_is_lossless_and_sound(text: str, templates: dict[str, str]) -> None:
    doc = wikiparse.expand(text, templates=templates, limits=SMALL,
                           settings=Settings(missing="link", escape_braces=True))
    assert str(doc) == doc.source
    assert check_tree(doc) == []
    wikiparse.render(doc, "html")
    wikiparse.render(doc, "text")


@settings(max_examples=EXAMPLES // 3, deadline=None)
@given(st.lists(st.sampled_from(["Template:A", "Template:B", "Template:C"]), min_size=1,
                max_size=6), st.integers(min_value=1, max_value=3))
def test_loops_and_bombs_end_with_a_diagnostic(chain: list[str], fanout: int) -> None:
    # each template calls the next (fanout times) and the last calls the first: always a loop
    templates = {}
    for k, title in enumerate(chain):
        nxt = chain[(k + 1) % len(chain)].split(":", 1)[1]
        templates[title] = ("{{" + nxt + "|{{{1|}}}x}}") * fanout
    start = time.perf_counter()
    first = chain[0].split(":", 1)[1]
    result = expand_page("{{" + first + "}}", templates=templates)
    assert time.perf_counter() - start < 5
    codes = {d.code for d in result.diagnostics}
    assert codes & {"template-loop", "limit-template-depth", "limit-expand-depth",
                    "limit-pp-nodes", "limit-include-size"}, codes


def test_adversarial_expansion_scales_linearly() -> None:
    """A quadratic term would show as an exponent near 2 (benchmarks/expansion.py --scaling
    measures the full set at larger sizes against the 1.15 bound)."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from expansion import SCALING, scaling  # type: ignore[import-not-found]

    picked = {k: SCALING[k] for k in ("distinct_calls", "unclosed_braces", "brackets_and_pipes",
                                      "long_argument")}
    saved = dict(SCALING)
    SCALING.clear()
    SCALING.update(picked)
    try:
        result = scaling([8192, 32768, 131072])
    finally:
        SCALING.clear()
        SCALING.update(saved)
    slow = {k: round(v["exponent"], 2) for k, v in result.items() if v["exponent"] > 1.3}
    assert not slow, slow
