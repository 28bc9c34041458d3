"""The fast scanner yields exactly the tokens of the grammar's alternation (``scanner()``):
on the corpus, on hypothesis input built from wikitext pieces, and on the cases its shortcuts
are about (the TEXT bound, word starts, line starts, region ends)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wikiparse import parse
from wikiparse.parser.first_chars import OTHER, first_chars, literal_run
from scanner_reference import reference_tokens

from wikiparse.parser.scanner import KIND_NAMES, fast_scanner

EXAMPLES = 10_000 if os.environ.get("CI", "").lower() == "true" else 1_000


def fast_tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    return list(fast_scanner().tokens(text, start, end))


PIECES = [
    "[[", "]]", "{{", "}}", "{", "}", "[", "]", "|", "||", "!", "=", "==", "\n", "''", "'''", "'",
    "<b>", "</b>", "<br/>", "<!--", "-->", "<ref>", "&amp;", "&#160;", "&nbsp;", "&", "~~~~", "~",
    "__TOC__", "_", "{|", "|}", "|-", "|+", " ", "\t", ":", ";", "*", "#", "----", "-",
    "http://example.org/a", "mailto:x", "x:", "ab:cd", "ISBN 978-0-306-40615-7", "ISBN\xa0",
    "RFC 42", "PMID 7", "ISBNx", "RFC", "a", "word", "é", "日本", "9", "_a", "+.-", "\xa0",
]
wikitextish = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=40).map("".join)


@pytest.mark.slow
@settings(max_examples=EXAMPLES, deadline=None)
@given(wikitextish)
def test_fast_scanner_equals_the_grammar(text: str) -> None:
    assert fast_tokens(text) == reference_tokens(text)


@settings(max_examples=EXAMPLES // 5, deadline=None)
@given(wikitextish, st.integers(0, 200), st.integers(0, 200))
def test_fast_scanner_equals_the_grammar_in_a_region(text: str, a: int, b: int) -> None:
    # regions start anywhere (mid-word, mid-line) and end before the text does, as the
    # bracket builder scans extension-tag bodies and attributes
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    assert fast_tokens(text, start, end) == reference_tokens(text, start, end)


@pytest.mark.parametrize("text", [
    "a" * 10_000,                                  # one word, cut at the grammar's bound
    "ab " * 5_000,                                 # many words
    "a" * 4_094 + "http://x.org y",                # a URL scheme right at the bound
    "x " + "a" * 4_094 + "http://x.org y",         # ... its ':' beyond the bound, mid-line
    "x " + "a" * 5_000 + "b:c",
    "a " * 2_047 + "ISBN 0-306-40615-2",            # a magic link right at the bound
    " " * 4_095 + "x:" + "y" * 10,                 # the bound inside the scheme's lookahead
    "x" * 4_096,                                   # exactly the bound
    "x" * 4_097,
])
def test_long_runs_are_cut_where_the_grammar_cuts_them(text: str) -> None:
    assert fast_tokens(text) == reference_tokens(text)
    assert fast_tokens(text, 1) == reference_tokens(text, 1)


def test_a_scheme_longer_than_the_bound_parses() -> None:
    # the chunked TEXT, cut by the bound, cannot see the ':' that the grammar's TEXT sees
    # (this raised); 'aaa…http' is no protocol, so the line is text
    text = "x " + "a" * 4_094 + "http://x.org y"
    doc = parse(text)
    assert str(doc) == text
    assert [type(n).__name__ for n in doc.children[0].children] == ["Text"]


def test_text_token_is_one_match_of_a_whole_run() -> None:
    assert fast_tokens("plain words, more words; and é.") == [("TEXT", 0, 31)]


def test_line_start_terminals_only_at_a_line_start() -> None:
    kinds = [k for k, _, _ in fast_tokens("* a\n{|\n|-\n:b *c")]
    assert kinds == ["LIST_PREFIX", "TEXT", "NEWLINE", "TABLE_OPEN", "NEWLINE", "TABLE_ROW",
                     "NEWLINE", "LIST_PREFIX", "TEXT"]
    # a region starting mid-line sees no line start
    assert fast_tokens("x* a", 1) == reference_tokens("x* a", 1) == [("TEXT", 1, 4)]


def test_fast_scanner_equals_the_grammar_on_the_corpus(corpus_dir: Path) -> None:
    pages = sorted(corpus_dir.glob("*.wiki"))
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert fast_tokens(text) == reference_tokens(text), page.name


def test_characters_read_without_a_regex_are_literal_runs_that_start_no_text() -> None:
    scan = fast_scanner()
    shortcuts = {chr(c): (KIND_NAMES[k], scan.run_min[c], scan.run_max[c])
                 for c, k in enumerate(scan.action) if k >= 0}
    # derived from the grammar: the one-character literals, and the runs only CHAR competes with
    assert shortcuts == {
        "|": ("PIPE", 1, 1), "!": ("EXCL", 1, 1), "\n": ("NEWLINE", 1, 1),
        "[": ("LBRACKETS", 1, -1), "]": ("RBRACKETS", 1, -1), "=": ("EQUALS", 1, -1),
        "{": ("BRACE_OPEN", 2, -1), "}": ("BRACE_CLOSE", 2, -1), "'": ("QUOTES", 2, -1),
        "~": ("SIGNATURE", 3, 5),
    }
    for char, (name, low, high) in shortcuts.items():
        assert reference_tokens(" " + char + "x", 1)[0] == ((name, 1, 2) if low == 1 else ("CHAR", 1, 2))
        run = char * 7
        expect = (name, 1, 1 + (7 if high < 0 else high)) if len(run) >= low else ("CHAR", 1, 2)
        assert reference_tokens(" " + run, 1)[0] == expect == fast_tokens(" " + run, 1)[0]


def test_line_start_terminals_are_tried_only_at_their_first_characters() -> None:
    scan = fast_scanner()
    assert {chr(c) for c in range(128) if scan.line_first[c]} == set(" \t:{|-=*#;")
    assert not scan.line_first[128]


def test_first_chars_of_patterns() -> None:
    assert first_chars(r"(?m:^)[ \t]*:*[ \t]*\{\|") == {ord(c) for c in " \t:{"}
    assert first_chars(r"\b(?:ISBN|RFC)") == {ord("I"), ord("R")}
    assert first_chars(r"[^a]") == (set(range(128)) - {ord("a")}) | {OTHER}
    assert first_chars(r"[\s\S]") == set(range(129))
    assert first_chars(r"x?(?=y)\d") == {ord("x")} | {ord(c) for c in "0123456789"} | {OTHER}
    assert first_chars(r"(?i:a)") == set(range(129))  # not worked out: anything
    assert literal_run(r"\{\{+", ord("{")) == (2, -1)
    assert literal_run(r"~{3,5}", ord("~")) == (3, 5)
    assert literal_run(r"=+x", ord("=")) is None


@pytest.mark.parametrize("text", [
    "a:b", "xa:b", "éa:b", "a.b-c:d", "-a:", "IISBN 1", "ISBN", "x ISBN 1", "xISBN 1", "RFC",
    "a RFC\t1", "PMI", "PMID&", "I:", ":a", "ab+c.ISBN:x", "Ia:", "12a:", "_a:", "aé:b",
])
def test_text_stops_where_the_lookahead_needs_a_look(text: str) -> None:
    for start in range(len(text)):
        assert fast_tokens(text, start) == reference_tokens(text, start)
