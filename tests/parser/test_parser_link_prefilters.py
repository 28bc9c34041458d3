"""The bracket pass's cheap tests before a regex (link trails, URLs after '[', file prefixes)
decide exactly what the regex alone decides."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from wikiparse.config import NS_FILE, NS_MEDIA, Limits, SiteConfig
from wikiparse.parser.brackets import _NS_PREFIX, BracketBuilder
from wikiparse.parser.context import Context, _url_colon_window
from wikiparse.parser.driver import Parser

# characters that matter to the tests: trail letters (ASCII, Latin-1, Cyrillic), the Kelvin
# sign and long s (they case-fold to 'k' and 's'), URL and title punctuation
_ALPHABET = "abksxzAKSäöüßéжя\u212a\u017f :/#|[]<>-.\t\n"
_TEXTS = st.text(alphabet=_ALPHABET, max_size=24)
_PREFIXES = st.sampled_from(["", "http://", "HTTPS://", "ftp:", "mailto:", "//", "worldwind://",
                             "news:", "\u212aile:", "File:", "Media:", " file:", "Datei:",
                             "s\u017ftp://"])
_TRAILS = ["[a-z]+", "[äöüßa-z]+", "[a-zабвгдеёжзийклмнопрстуфхцчшщъыьэюя]+", "[^ |]+",
           "(?:c'h|[a-zA-Z])+", "(?:[a-z]|ж|я)+", "[a-z]*", "x+"]


def _builder(text: str, trail: str = "[a-z]+", protocols: tuple[str, ...] | None = None) -> BracketBuilder:
    config = SiteConfig(link_trail=trail)
    if protocols is not None:
        config = SiteConfig(link_trail=trail, protocols=protocols)
    ctx = Context(text, config, Limits())
    parser = Parser(ctx)
    builder = BracketBuilder(ctx, parser.constructs)
    builder.end = len(text)
    return builder


def test_url_colon_window() -> None:
    assert _url_colon_window(("http://", "mailto:", "//")) == 7
    assert _url_colon_window(("worldwind://", "//")) == 10
    assert _url_colon_window(("http://", "www.")) == -1  # a protocol without ':': always matched


def test_class_run_trails_are_told_apart() -> None:
    assert _builder("x").ctx.trail_starts == {}
    assert _builder("x", "[^ |]+").ctx.trail_starts == {}
    for other in ("(?:c'h|[a-zA-Z])+", "(?:[a-z]|ж)+", "[a-z]*", "x+", "[[:alpha:]]+"):
        assert _builder("x", other).ctx.trail_starts is None, other


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_TRAILS), _TEXTS, st.integers(0, 3))
def test_trail_end_is_the_trail_match(trail: str, text: str, cut: int) -> None:
    builder = _builder(text, trail)
    end = max(0, len(text) - cut)
    for pos in range(len(text) + 1):
        m = builder.ctx.trail_re.match(text, pos, end)
        expected = m.end() if m else pos
        assert builder._trail_end(pos, end) == expected, (trail, text, pos, end)


@settings(max_examples=300, deadline=None)
@given(_PREFIXES, _TEXTS, st.booleans())
def test_url_at_is_the_url_match(prefix: str, rest: str, extra_protocol: bool) -> None:
    text = prefix + rest
    protocols = (*SiteConfig().protocols, "www.") if extra_protocol else None
    builder = _builder(text, protocols=protocols)
    for pos in range(len(text) + 1):
        for end in (len(text), max(pos, len(text) - 2)):
            m = builder.ctx.bracket_url_re.match(text, pos, end)
            got = builder._url_at(pos, end)
            assert (got and got.span()) == (m and m.span()), (text, pos, end)


@settings(max_examples=300, deadline=None)
@given(_PREFIXES, _TEXTS)
def test_file_target_ahead_is_the_prefix_match(prefix: str, rest: str) -> None:
    text = prefix + rest
    builder = _builder(text)
    config = builder.ctx.config
    for pos in range(len(text) + 1):
        m = _NS_PREFIX.match(text, pos, len(text))
        expected = m is not None and config.namespace_of(m.group(1)) in (NS_FILE, NS_MEDIA)
        assert builder._file_target_ahead(pos, len(text)) == expected, (text, pos)


def test_file_target_after_spaces_and_a_long_prefix() -> None:
    text = "  \t File:a.png"
    assert _builder(text)._file_target_ahead(0, len(text))
    # the prefix may be 64 characters (spaces before the ':' included): its ':' is the 65th
    longest = "File" + " " * 60 + ":a.png"
    assert _builder(longest)._file_target_ahead(0, len(longest))
    too_long = "File" + " " * 61 + ":a.png"
    assert not _builder(too_long)._file_target_ahead(0, len(too_long))
