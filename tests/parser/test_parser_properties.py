"""Hypothesis properties: parse is total, lossless and keeps spans sound on wikitext-like input.

CI runs 10,000 examples per property (``CI=true``); a local run does 1,000.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import wikiparse
from wikiparse.validate import check_tree

EXAMPLES = 10_000 if os.environ.get("CI", "").lower() == "true" else 1_000

# pieces of wikitext syntax, combined at random: balanced and unbalanced on purpose
MARKUP = [
    "[[", "]]", "{{", "}}", "{{{", "}}}", "[", "]", "|", "||", "!!", "=", "==", "\n", "\n\n",
    "''", "'''", "'''''", "<b>", "</b>", "<i>", "</div>", "<div class=\"x\">", "<ref>", "</ref>",
    "<ref name=a/>", "<nowiki>", "</nowiki>", "<!--", "-->", "&amp;", "&#x41;", "&bogus;",
    "{|", "|}", "|-", "|+", "\n{|", "\n|}", "\n|-", "\n|", "\n!", "\n*", "\n#", "\n:", "\n;",
    "\n ", "\n----", "\n==", "==\n", "http://example.org/x", "[http://a.b c]", "mailto:a@b.c",
    "ISBN 0-306-40615-2", "RFC 1234", "~~~~", "__TOC__", "[[File:A.jpg|thumb|", "[[Category:",
    "[[de:", "{{#if:", "{{PAGENAME}}", "#REDIRECT [[", "<pre>", "</pre>", "<span>", "<br/>",
    "<table>", "<td>", "</tr>", "a", "b c", "x:y", "é", "\t", " ",
]

wikitextish = st.lists(
    st.one_of(st.sampled_from(MARKUP), st.text(max_size=6)), max_size=40
).map("".join)


def _check(text: str) -> None:
    doc = wikiparse.parse(text)
    assert str(doc) == text
    problems = check_tree(doc)
    assert problems == [], problems
    assert not [d for d in doc.diagnostics if d.severity == "internal"]
    # the parser gives every node its origin as it builds it (wikiparse.parse relies on it)
    assert all(node.origin is text for node in doc.walk())


@pytest.mark.slow
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(wikitextish)
def test_wikitext_like_input_is_total_and_lossless(text: str) -> None:
    _check(text)


@settings(max_examples=EXAMPLES // 5, deadline=None)
@given(st.text(max_size=200))
def test_any_unicode_is_total_and_lossless(text: str) -> None:
    _check(text)


@settings(max_examples=EXAMPLES // 10, deadline=None)
@given(st.lists(st.sampled_from(MARKUP), min_size=50, max_size=400).map("".join))
def test_long_markup_soup(text: str) -> None:
    _check(text)
