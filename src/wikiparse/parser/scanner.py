r"""The scanner: the terminals of ``grammar/wikitext.lark`` compiled for speed.

Lark loads and checks the grammar; we take its terminal definitions (pattern, priority, order).
The grammar's meaning is :func:`scanner`, the plain alternation of every terminal in priority
order (``m.lastgroup`` names the terminal).  The tree builder pulls tokens with ``match(text,
pos)`` so it can restart anywhere (after a raw ``<nowiki>`` body, inside a URL...), which Lark's
push lexer cannot do, and it creates no Token object per match.  The LALR rule ``start: _item*``
accepts every token sequence, which is the grammar's statement that every string is wikitext.

:func:`fast_scanner` yields exactly the tokens of :func:`scanner` (``tests/parser/
test_parser_scanner.py`` checks it on the corpus and on hypothesis input) with less work per
token; :meth:`FastScanner.step` reads one token as a small-int kind (``K_*``) and its end:

* each branch ends in its (empty) named group instead of being wrapped in it, so the regex
  engine skips a branch whose first character cannot match without entering it;
* the line-start terminals (``(?m:^)...``) are tried only at a line start whose character can
  start one of them (``first_chars``, from the parsed patterns); there the alternation holds
  every terminal above ``TEXT``, and when none matches, ``TEXT`` or else ``CHAR`` is the token;
* elsewhere ``TEXT`` is tried first (below); a character that starts no ``TEXT`` and that only
  a one-character literal (``|``, ``!``, newline) or a run of itself (``[[``, ``}}``, ``==``,
  ``''``, ``~~~~``: a terminal that only ``CHAR`` competes with) can start is read without a
  regex; anything else goes to the alternation of the terminals that are not line-start ones;
* ``TEXT`` is ``(?:(?!LOOK)[^STOP]){1,N}``: its lookahead (a URL scheme ``word:`` or a magic
  link's keyword at a word start) is checked before every character.  It can only match where
  a ``:`` or a keyword lies ahead, so a run of ``[^STOP]`` that stops at every ``:`` and every
  keyword (its first characters read by a loop over a table, then a charset regex: no
  per-character lookahead and no ``\w`` test) is the token unless
  it stopped at one of those; then the text from the start of the scheme-like run before it is
  read again with the exact chunked form ``(?:[^\w STOP]+|(?!LOOK)[^\W STOP]+)+``, which
  checks the lookahead once per word.  The grammar bounds a text token to ``N`` characters
  (Python's regex engine keeps state per repetition); the run is bounded by ``endpos``
  instead, and a run cut there is measured again with the grammar's own pattern (whose
  lookahead may see a ``:`` beyond the bound: then there is no ``TEXT`` at all).

Trying ``TEXT`` first away from line starts is what the grammar says: its first character is no
character that starts a terminal of higher priority there, and its lookahead refuses exactly
where a URL scheme or a magic link could start.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable, Final, Iterator

from lark import Lark

from ..grammar_files import grammar_text
from .first_chars import OTHER as _OTHER, can_be_empty, first_chars, literal_run as _literal_run

GRAMMAR_NAME = "wikitext.lark"
_LINE_START = "(?m:^)"
# the grammar's TEXT: (?:(?!LOOK)[^STOP]){1,N}, LOOK starting with \b (a word starts there)
_TEXT_FORM = re.compile(r"\(\?:\(\?!(\\b.*)\)\[\^(.*)\]\)\{1,([0-9]+)\}", re.S)


@lru_cache(maxsize=None)
def load_grammar() -> Lark:
    return Lark(grammar_text(GRAMMAR_NAME), parser="lalr", lexer="basic")


@lru_cache(maxsize=None)
def token_names() -> tuple[str, ...]:
    return tuple(t.name for t in _ordered_terminals())


def _ordered_terminals() -> list[Any]:
    lark = load_grammar()
    text = grammar_text(GRAMMAR_NAME)
    order = {t.name: text.find("\n" + t.name + ".") for t in lark.terminals}
    terms = [t for t in lark.terminals if not t.name.startswith("__")]
    terms.sort(key=lambda t: (-t.priority, order.get(t.name, 1 << 30)))
    return terms


def text_priority(terms: list[Any]) -> int:
    """The priority of TEXT; below it only CHAR (any one character)."""
    text_term = next(t for t in terms if t.name == "TEXT")
    below = [t.name for t in terms if t.priority < text_term.priority]
    if below != ["CHAR"] or any(t.priority == text_term.priority for t in terms if t is not text_term):
        raise ValueError("the fast scanner expects only CHAR below TEXT")  # pragma: no cover
    return int(text_term.priority)


@lru_cache(maxsize=None)
def scanner() -> re.Pattern[str]:
    """The compiled alternation; ``m.lastgroup`` names the terminal that matched.  The
    reference the fast scanner is checked against."""
    parts = []
    for term in _ordered_terminals():
        pattern = term.pattern.to_regexp()
        parts.append(f"(?P<{term.name}>{pattern})")
    return re.compile("|".join(parts))


#: the token kinds the bracket builder dispatches on: small ints, one per terminal of the grammar
#: (``KIND_NAMES[kind]`` is the terminal's name; the grammar must have exactly these terminals)
K_TEXT: Final = 0
K_CHAR: Final = 1
K_PIPE: Final = 2
K_NEWLINE: Final = 3
K_LBRACKETS: Final = 4
K_RBRACKETS: Final = 5
K_EQUALS: Final = 6
K_QUOTES: Final = 7
K_TAG: Final = 8
K_FREE_URL: Final = 9
K_BRACE_OPEN: Final = 10
K_BRACE_CLOSE: Final = 11
K_EXCL: Final = 12
K_ENTITY: Final = 13
K_COMMENT: Final = 14
K_MAGIC_LINK: Final = 15
K_SIGNATURE: Final = 16
K_SWITCH: Final = 17
# line-start markup, in this order (the bracket builder reads K_TABLE_OPEN..K_TABLE_CAPTION as a
# range, and LINE_TOK_KIND by kind - K_TABLE_OPEN)
K_TABLE_OPEN: Final = 18
K_TABLE_CLOSE: Final = 19
K_TABLE_ROW: Final = 20
K_TABLE_CAPTION: Final = 21
K_HR: Final = 22
K_HEADING_START: Final = 23
K_LIST_PREFIX: Final = 24
K_LINE_SPACE: Final = 25
KIND_NAMES: Final = (
    "TEXT", "CHAR", "PIPE", "NEWLINE", "LBRACKETS", "RBRACKETS", "EQUALS", "QUOTES", "TAG",
    "FREE_URL", "BRACE_OPEN", "BRACE_CLOSE", "EXCL", "ENTITY", "COMMENT", "MAGIC_LINK",
    "SIGNATURE", "SWITCH", "TABLE_OPEN", "TABLE_CLOSE", "TABLE_ROW", "TABLE_CAPTION", "HR",
    "HEADING_START", "LIST_PREFIX", "LINE_SPACE",
)
#: the item kind of a line-start token, by ``kind - K_TABLE_OPEN``
LINE_TOK_KIND: Final = ("table_open", "table_close", "table_row", "table_caption", "hr",
                        "heading_start", "list_prefix", "line_space")
#: TEXT runs are read by a loop up to this many characters, then by a regex
_SHORT_RUN: Final = 160
#: FastScanner.run_stop: a keyword's first letter (the run stops if the keyword follows)
_KEYWORD_START: Final = 2
#: a run token (``''``, ``[[``...) is read by a loop up to this many characters, then by a regex
_SHORT_LITERAL_RUN: Final = 16
#: an entry of FastScanner's per-character table: no shortcut, the alternation decides
_BY_REGEX: Final = -1

# the grammar's TEXT lookahead: a URL scheme ('word:') or a magic-link keyword at a word start
_NO_RUN = re.compile("(?!)").match

_LOOK_FORM = re.compile(r"\\b\[A-Za-z\]\[(?P<scheme>[A-Za-z0-9+.\\-]+)\]\*:"
                        r"\|\\b\(\?:(?P<keywords>[A-Z]+(?:\|[A-Z]+)*)\)\[[^\]]+\]")



class FastScanner:
    """The regular expressions and tables of the fast path (see the module docstring).

    :meth:`step` reads one token; :meth:`tokens` all of a region.  Built from the grammar's
    terminals: ``line_start``/``inline`` are alternations (``m.lastindex`` gives the kind
    through ``line_codes``/``inline_codes``); TEXT is found by a run that stops at any
    character its lookahead needs (``text_run``), read again with the exact chunked form
    (``text``) only where it stopped at one; a stop character of TEXT that only one literal or
    one run terminal can start is read without a regex (``action``, ``run_min``,
    ``run_max``)."""

    __slots__ = ("line_match", "line_codes", "inline_match", "inline_codes", "line_by_char",
                 "line_codes_by_char", "inline_by_char", "inline_codes_by_char", "run_more", "text",
                 "text_match", "text_run", "text_exact", "text_limit", "stop", "trigger",
                 "scheme", "line_first", "run_stop", "keyword_rests", "action", "run_min",
                 "run_max")

    line_match: Callable[[str, int, int], re.Match[str] | None]
    line_codes: list[int]
    inline_match: Callable[[str, int, int], re.Match[str] | None]
    inline_codes: list[int]
    # by first character (OTHER: beyond ASCII): the alternation of only the branches that can
    # start with it, in the same order (the others cannot match there), and its group codes
    line_by_char: list[Callable[[str, int, int], re.Match[str] | None]]
    line_codes_by_char: list[list[int]]
    inline_by_char: list[Callable[[str, int, int], re.Match[str] | None]]
    inline_codes_by_char: list[list[int]]
    run_more: list[Callable[[str, int, int], re.Match[str] | None]]  # a run token's rest
    text: re.Pattern[str]
    text_match: Callable[[str, int, int], re.Match[str] | None]
    text_run: Callable[[str, int, int], re.Match[str] | None]
    text_exact: Callable[[str, int, int], re.Match[str] | None]
    text_limit: int
    stop: bytes  # by character code (OTHER: beyond ASCII): 1 where no TEXT can start
    run_stop: bytes  # ASCII: 1 where the run stops, _KEYWORD_START where it may (keyword_rests)
    keyword_rests: list[tuple[str, ...]]
    trigger: bytes  # 1 where TEXT's lookahead may need a look (':', a keyword's first letter)
    scheme: bytes  # 1 for the characters of a URL scheme
    line_first: bytes  # 1 where a line-start terminal may start
    action: list[int]  # a stop character's kind when it needs no regex, else _BY_REGEX
    run_min: list[int]  # ... the run of that character it needs (CHAR if shorter)
    run_max: list[int]  # ... and the longest it takes (-1: no bound)

    def __init__(self, terms: list[Any]) -> None:
        def branch(term: Any) -> str:
            return f"(?:{term.pattern.to_regexp()})(?P<{term.name}>)"

        if sorted(t.name for t in terms) != sorted(KIND_NAMES):  # pragma: no cover
            raise ValueError("the grammar's terminals are not the scanner's kinds")
        # at a line start: every terminal above TEXT; when none matches, TEXT or CHAR
        above_text = [t for t in terms if t.priority > text_priority(terms)]
        line_start = re.compile("|".join(branch(t) for t in above_text))
        self.line_match = line_start.match
        self.line_codes = _group_codes(line_start)
        inline = [t for t in terms if not t.pattern.to_regexp().startswith(_LINE_START)]
        inline_re = re.compile("|".join(branch(t) for t in inline))
        self.inline_match = inline_re.match
        self.inline_codes = _group_codes(inline_re)
        self.line_by_char, self.line_codes_by_char = _by_first_char(above_text, branch)
        self.inline_by_char, self.inline_codes_by_char = _by_first_char(inline, branch)
        text_term = next(t for t in terms if t.name == "TEXT")
        form = _TEXT_FORM.fullmatch(text_term.pattern.to_regexp())
        if form is None:  # pragma: no cover - the grammar's TEXT changed shape
            raise ValueError("TEXT is not of the form (?:(?!\\b...)[^...]){1,N}")
        look, stop, limit = form.group(1), form.group(2), int(form.group(3))
        self.text = re.compile(f"(?:[^\\w{stop}]+|(?!{look})[^\\W{stop}]+)+")
        self.text_match = self.text.match
        self.text_exact = re.compile(text_term.pattern.to_regexp()).match
        self.text_limit = limit
        shape = _LOOK_FORM.fullmatch(look)
        if shape is None:  # pragma: no cover - the grammar's lookahead changed shape
            raise ValueError("TEXT's lookahead is not \\b[A-Za-z][...]*:|\\b(?:KEYWORDS)[...]")
        keywords = shape.group("keywords").split("|")
        # the run stops at every ':' and at every keyword; only there can the lookahead match
        firsts = "".join(sorted({k[0] for k in keywords}))
        keyword_starts = "|".join(f"{f}(?!{'|'.join(k[1:] for k in keywords if k[0] == f)})"
                                  for f in firsts)
        self.text_run = re.compile(f"(?:[^{stop}:{firsts}]+|{keyword_starts})*").match
        stops = first_chars(f"[{stop}]")
        scheme = first_chars(f"[A-Za-z{shape.group('scheme')}]")
        if _OTHER in stops or _OTHER in scheme:  # pragma: no cover
            raise ValueError("TEXT's stops and URL schemes are expected to be ASCII")
        self.stop = bytes(c in stops for c in range(_OTHER + 1))
        self.trigger = bytes(c < _OTHER and chr(c) in ":" + firsts for c in range(_OTHER + 1))
        self.run_stop = bytes(_KEYWORD_START if chr(c) in firsts
                              else 1 if self.stop[c] or chr(c) == ":" else 0 for c in range(_OTHER))
        self.keyword_rests = [tuple(k[1:] for k in keywords if k[0] == chr(c)) for c in range(_OTHER)]
        self.scheme = bytes(c in scheme for c in range(_OTHER + 1))
        # a line-start terminal is tried only at a character it can start with
        line_first: set[int] = set()
        for t in terms:
            if t.pattern.to_regexp().startswith(_LINE_START):
                line_first |= first_chars(t.pattern.to_regexp())
        self.line_first = bytes(c in line_first for c in range(_OTHER + 1))
        self.action = [_BY_REGEX] * (_OTHER + 1)
        self.run_min = [0] * (_OTHER + 1)
        self.run_max = [0] * (_OTHER + 1)
        self.run_more = [_NO_RUN] * (_OTHER + 1)
        kind_of = {name: k for k, name in enumerate(KIND_NAMES)}
        firsts_of = [(t, first_chars(t.pattern.to_regexp())) for t in inline]
        for c in range(_OTHER):
            if not self.stop[c]:
                continue
            cands = [t for t, f in firsts_of if c in f]
            shortcut = _literal_run(cands[0].pattern.to_regexp(), c)
            if shortcut is None:
                continue
            low, high = shortcut
            if low == high == 1 or [t.name for t in cands[1:]] == ["CHAR"]:
                self.action[c] = kind_of[cands[0].name]
                self.run_min[c] = low
                self.run_max[c] = high
                self.run_more[c] = re.compile(re.escape(chr(c)) + "*").match

    def text_end(self, text: str, pos: int, endpos: int) -> int:
        """End of the TEXT token at ``pos`` within ``endpos`` (``pos``: none there)."""
        # the run of text_run, read here for its first characters (most runs are short: a
        # regex call costs more than a loop over them), then by the regex
        e = pos
        short = pos + _SHORT_RUN
        if short > endpos:
            short = endpos
        stopped = False
        run_stop = self.run_stop
        while e < short:
            c = ord(text[e])
            if c < _OTHER:
                t = run_stop[c]
                if t and (t != _KEYWORD_START
                          or text.startswith(self.keyword_rests[c], e + 1, endpos)):
                    stopped = True
                    break
            e += 1
        if not stopped and e < endpos:
            m = self.text_run(text, e, endpos)
            assert m is not None  # the run may be empty
            e = m.end()
        if e < endpos:
            c = ord(text[e])
            if self.trigger[c if c < _OTHER else _OTHER]:
                # the lookahead may match from the start of the scheme-like run before e on
                r = e
                while r > pos:
                    c = ord(text[r - 1])
                    if not self.scheme[c if c < _OTHER else _OTHER]:
                        break
                    r -= 1
                m = self.text_match(text, r, endpos)
                e = r if m is None else m.end()
        return e

    def step(self, text: str, pos: int, end: int) -> tuple[int, int]:
        """The token at ``pos`` (``pos < end``): its kind and end; equal to matching
        :func:`scanner` there (``tests/parser/test_parser_scanner.py``)."""
        c = ord(text[pos])
        if c >= _OTHER:
            c = _OTHER
        at_line = pos == 0 or ord(text[pos - 1]) == 10
        line_tried = at_line and self.line_first[c] != 0
        if line_tried:
            m = self.line_by_char[c](text, pos, end)
            if m is not None:
                return self.line_codes_by_char[c][m.lastindex or 0], m.end()
        if not self.stop[c]:
            limit = pos + self.text_limit
            if limit < end:
                e = self.text_end(text, pos, limit)
                if e == limit:  # cut by the bound: the grammar's own TEXT (its lookahead
                    # may see a scheme's ':' beyond the bound: then there is no TEXT here)
                    exact = self.text_exact(text, pos, end)
                    e = pos if exact is None else exact.end()
            else:
                e = self.text_end(text, pos, end)
            if e > pos:
                return K_TEXT, e
        else:
            kind = self.action[c]
            if kind != _BY_REGEX:
                high = self.run_max[c]
                if high == 1:
                    return kind, pos + 1
                e = pos + 1
                stop = end if high < 0 or pos + high > end else pos + high
                short = pos + _SHORT_LITERAL_RUN
                if short > stop:
                    short = stop
                while e < short and ord(text[e]) == c:
                    e += 1
                if e == short and e < stop:  # a long run: the rest by a regex
                    m = self.run_more[c](text, e, stop)
                    assert m is not None  # the run may be empty
                    e = m.end()
                return (kind, e) if e - pos >= self.run_min[c] else (K_CHAR, pos + 1)
        if line_tried:  # every terminal above TEXT was tried
            return K_CHAR, pos + 1
        m = self.inline_by_char[c](text, pos, end)
        assert m is not None  # CHAR matches any character
        return self.inline_codes_by_char[c][m.lastindex or 0], m.end()

    def tokens(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[str, int, int]]:
        """The tokens of ``text[start:end]`` as ``(terminal name, start, end)``, one after the
        other (the bracket builder's loop calls :meth:`step` the same way, restarting where it
        needs to); equal to matching :func:`scanner` repeatedly."""
        end = len(text) if end is None else end
        pos = start
        while pos < end:
            kind, e = self.step(text, pos, end)
            yield KIND_NAMES[kind], pos, e
            pos = e


def _by_first_char(terms: list[Any], branch: Callable[[Any], str]) -> tuple[
        list[Callable[[str, int, int], re.Match[str] | None]], list[list[int]]]:
    """By first character (ASCII code, or OTHER): the alternation of the ``terms`` that can
    start with it (all, in their order, when one may match empty) and its group codes; equal
    alternations are compiled once."""
    firsts = [(t, first_chars(t.pattern.to_regexp()), can_be_empty(t.pattern.to_regexp()))
              for t in terms]
    compiled: dict[tuple[str, ...], re.Pattern[str]] = {}
    matchers: list[Callable[[str, int, int], re.Match[str] | None]] = []
    codes: list[list[int]] = []
    for c in range(_OTHER + 1):
        names = tuple(t.name for t, f, empty in firsts if empty or c in f)
        pattern = compiled.get(names)
        if pattern is None:
            chosen = [t for t in terms if t.name in names]
            pattern = re.compile("|".join(branch(t) for t in chosen) if chosen else "(?!)")
            compiled[names] = pattern
        matchers.append(pattern.match)
        codes.append(_group_codes(pattern))
    return matchers, codes


def _group_codes(pattern: re.Pattern[str]) -> list[int]:
    """Kind by group index of an alternation of ``(?:terminal)(?P<NAME>)`` branches (the
    named group closes last, so it is ``m.lastindex``)."""
    codes = [K_CHAR] * (pattern.groups + 1)
    for name, index in pattern.groupindex.items():
        codes[index] = KIND_NAMES.index(name)
    return codes


@lru_cache(maxsize=None)
def fast_scanner() -> FastScanner:
    return FastScanner(_ordered_terminals())
