"""The scanner's per-first-character alternations and its long literal runs (``''``, ``[[``,
``}}``, ``==`` read on by a regex past a few characters) give the grammar's tokens: long
runs at line starts and inline, cut by a region's end, and every ASCII character (and one
beyond ASCII) at a line start and inline."""

from __future__ import annotations

import time

import pytest

from scanner_reference import reference_tokens

from wikiparse.parser.scanner import fast_scanner


@pytest.mark.parametrize("char", ["'", "[", "]", "{", "}", "=", "~", "-", "|"])
@pytest.mark.parametrize("length", [1, 2, 3, 15, 16, 17, 18, 40, 5000])
def test_long_runs_are_the_grammars_tokens(char: str, length: int) -> None:
    for text in (char * length, "x" + char * length + "y", "a\n" + char * length + "\nb"):
        assert list(fast_scanner().tokens(text)) == reference_tokens(text)
        # a region that ends inside the run
        cut = len(text) - 1
        assert list(fast_scanner().tokens(text, 0, cut)) == reference_tokens(text, 0, cut)


def test_every_first_character_line_start_and_inline() -> None:
    for c in list(range(1, 128)) + [0xE9, 0x65E5]:
        ch = chr(c)
        for text in (ch + "x", "a" + ch + "|}", "\n" + ch + "-x", "\n" + ch + ch + " ",
                     "b\n" + ch + "{|", ch + "//x.org y"):
            assert list(fast_scanner().tokens(text)) == reference_tokens(text), repr(text)


def test_a_long_quote_run_is_read_in_one_regex_call() -> None:
    # the run is one QUOTES token; reading it must not cost a Python-level step per character
    text = "''" * (1 << 21)
    scan = fast_scanner()
    t = time.process_time()
    assert scan.step(text, 0, len(text)) == (7, len(text))  # K_QUOTES
    assert time.process_time() - t < 0.1
