"""The rendered dialect's configuration: which words a wiki's skin puts around an article.

The table itself is data (``vocabulary.json`` next to this module, described in
docs/rendered.md): edit markers (bracketed, and the bare edit words of Fandom and the mobile
site), taglines, contents headers, file namespaces, category and navigation labels and whole-line
chrome patterns, per language (en, simple, de, fr, es, it, pt, nl, pl, ru, uk, ja, zh, ar, fa)
and per site (VisualEditor, Fandom, WikiMD, mobile, Wikimedia banners, any MediaWiki site).  A
:class:`Vocabulary` is the merge of some of those sections; it is immutable and hashable and is
passed to :func:`wikiparse.rendered.parse_rendered`, never kept as module state.  This module turns it into
the regular expressions the grammar and the builder use.

Patterns never cross a line: in chrome, tagline and contents patterns ``.`` and ``\\s`` are
rewritten to exclude CR and LF.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, fields, replace
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Mapping

#: horizontal whitespace: any whitespace except the line breaks CR and LF
HS = r"[^\S\r\n]"
#: end of a line (lookahead)
EOL = r"(?=\r|\n|\Z)"

_KIND_KEYS = ("chrome", "chrome_blocks", "block_ends")
_LIST_KEYS = (
    "edit_markers", "word_markers", "taglines", "toc_headers", "toc_toggles", "toc_extras", "file_namespaces",
    "file_extensions", "category_labels", "navigation_labels", "navigation_separators",
    "footer_starts",
)


def _data_text() -> str:
    try:
        return resources.files("wikiparse.rendered").joinpath("vocabulary.json").read_text("utf-8")
    except (FileNotFoundError, OSError, ModuleNotFoundError):  # pragma: no cover - odd installs
        return (Path(__file__).with_name("vocabulary.json")).read_text("utf-8")


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(_data_text())
    return loaded


def available_languages() -> list[str]:
    """Language codes with a section in the built-in table."""
    return list(_table()["languages"])


def available_sites() -> list[str]:
    """Site names (``visualeditor``, ``fandom``, ``wikimd``) with a section in the table."""
    return list(_table()["sites"])


def _dedupe(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in items if i))


def _merge_kinds(
    base: tuple[tuple[str, tuple[str, ...]], ...], more: Mapping[str, Iterable[str]]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    table: dict[str, list[str]] = {kind: list(patterns) for kind, patterns in base}
    for kind, patterns in more.items():
        table.setdefault(kind, []).extend(patterns)
    return tuple((kind, _dedupe(patterns)) for kind, patterns in table.items())


@dataclass(frozen=True)
class Vocabulary:
    """Markers, labels and chrome patterns of the rendered dialect (see docs/rendered.md).

    Build one with :meth:`default` (every language and site of the built-in table),
    :meth:`load` (some of them) or :meth:`from_mapping` (your own table, same keys as a section
    of ``vocabulary.json``), and combine with :meth:`merged`.  Literal fields: ``edit_markers``
    (``[edit | edit source]``: bracketed, ``|`` between the links), ``toc_headers``,
    ``toc_toggles``, ``file_namespaces``, ``category_labels``, ``navigation_labels``,
    ``navigation_separators``, ``file_extensions``, ``word_markers`` (a site's bare edit word,
    ``Edit``, matched case-sensitively: glued to a heading's end or on a line of its own).
    Pattern fields (regular expressions matched against a whole, stripped line): ``taglines``,
    ``toc_extras``, and ``chrome`` / ``chrome_blocks`` (pairs of a Boilerplate kind and its
    patterns; a chrome *block* line also takes the lines directly below it, up to a blank line;
    ``block_ends`` gives a block kind closing lines, and such a block runs to its last closing
    line, blank lines included).  ``footer_starts`` lists chrome kinds after which unrecognised
    text lines are chrome too (kind ``footer``).
    """

    edit_markers: tuple[str, ...] = ()
    word_markers: tuple[str, ...] = ()
    taglines: tuple[str, ...] = ()
    toc_headers: tuple[str, ...] = ()
    toc_toggles: tuple[str, ...] = ()
    toc_extras: tuple[str, ...] = ()
    file_namespaces: tuple[str, ...] = ()
    file_extensions: tuple[str, ...] = ()
    category_labels: tuple[str, ...] = ()
    navigation_labels: tuple[str, ...] = ()
    navigation_separators: tuple[str, ...] = ()
    footer_starts: tuple[str, ...] = ()
    chrome: tuple[tuple[str, tuple[str, ...]], ...] = ()
    chrome_blocks: tuple[tuple[str, tuple[str, ...]], ...] = ()
    block_ends: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: the table sections merged into this vocabulary (for messages and docs)
    sources: tuple[str, ...] = field(default=(), compare=False)

    # ------------------------------------------------------------------ constructors

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, source: str = "custom") -> Vocabulary:
        """A vocabulary from one table section (keys as in ``vocabulary.json``).  Raises
        ``ValueError`` for a malformed entry (API misuse), never later while parsing."""
        values: dict[str, Any] = {}
        for key in _LIST_KEYS:
            items = data.get(key, ())
            if isinstance(items, str) or not all(isinstance(i, str) for i in items):
                raise ValueError(f"vocabulary {source}: {key} must be a list of strings")
            values[key] = _dedupe(items)
        for key in _KIND_KEYS:
            kinds = data.get(key, {})
            if not isinstance(kinds, Mapping):
                raise ValueError(f"vocabulary {source}: {key} must map a kind to a list of patterns")
            values[key] = _merge_kinds((), kinds)
        vocabulary = cls(**values, sources=(source,))
        vocabulary.validate()
        return vocabulary

    @classmethod
    def load(
        cls, languages: Iterable[str] | None = None, sites: Iterable[str] | None = None
    ) -> Vocabulary:
        """The built-in table's common section plus the named languages and sites (all of them
        when ``None``).  Unknown names raise ``ValueError``."""
        table = _table()
        langs = list(table["languages"]) if languages is None else list(languages)
        site_names = list(table["sites"]) if sites is None else list(sites)
        result = cls.from_mapping(table["common"], source="common")
        for lang in langs:
            if lang not in table["languages"]:
                raise ValueError(f"no rendered-page vocabulary for language {lang!r}; "
                                 f"known: {', '.join(table['languages'])}")
            result = result.merged(cls.from_mapping(table["languages"][lang], source=lang))
        for site in site_names:
            if site not in table["sites"]:
                raise ValueError(f"no rendered-page vocabulary for site {site!r}; "
                                 f"known: {', '.join(table['sites'])}")
            result = result.merged(cls.from_mapping(table["sites"][site], source=site))
        return result

    @classmethod
    def default(cls) -> Vocabulary:
        """Every language and site of the built-in table (a page's wiki is rarely known)."""
        return _default_vocabulary()

    def merged(self, other: Vocabulary) -> Vocabulary:
        """This vocabulary with ``other``'s entries added (order kept, duplicates dropped)."""
        values: dict[str, Any] = {}
        for f in fields(self):
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            if f.name in _KIND_KEYS:
                values[f.name] = _merge_kinds(mine, dict(theirs))
            else:
                values[f.name] = _dedupe([*mine, *theirs])
        return replace(self, **values)

    # ------------------------------------------------------------------ validation

    def validate(self) -> None:
        """Check every entry compiles to a usable line pattern; ``ValueError`` otherwise."""
        for marker in self.edit_markers:
            inner = marker.strip()
            if not (inner.startswith("[") and inner.endswith("]") and inner[1:-1].strip()):
                raise ValueError(f"edit marker {marker!r} must look like '[edit]' or '[edit | edit source]'")
        for word in self.word_markers:
            if not word.strip() or any(c in word for c in "[]|"):
                raise ValueError(f"word marker {word!r} must be a bare word such as 'Edit'")
        for name in ("taglines", "toc_extras"):
            for pattern in getattr(self, name):
                _check_pattern(pattern, name)
        for name in _KIND_KEYS:
            for kind, patterns in getattr(self, name):
                if not kind or not isinstance(kind, str):
                    raise ValueError(f"{name}: a kind must be a non-empty string")
                for pattern in patterns:
                    _check_pattern(pattern, f"{name}[{kind}]")

    # ------------------------------------------------------------------ regular expressions

    @cached_property
    def marker_pattern(self) -> str:
        """Any edit marker, whitespace-tolerant inside the brackets and around ``|``,
        case-insensitive."""
        alternatives = sorted({_marker_body(m) for m in self.edit_markers}, key=lambda s: (-len(s), s))
        if not alternatives:
            return r"(?!)"
        return rf"\[{HS}*(?i:" + "|".join(alternatives) + rf"){HS}*\]"

    @cached_property
    def word_pattern(self) -> str:
        """Any bare edit word (case-sensitive: the site writes it capitalised)."""
        return _alternatives(self.word_markers, spaced=True) or r"(?!)"

    @cached_property
    def word_tail_lookbehind(self) -> str:
        """Lookbehinds for the last token of each bare edit word (each of fixed width)."""
        tails = sorted({w.split()[-1] for w in self.word_markers if w.split()}, key=lambda t: (-len(t), t))
        return "|".join(f"(?<={re.escape(t)})" for t in tails) or r"(?!)"

    @cached_property
    def file_name_pattern(self) -> str:
        """A file name as rendered pages show it: no title-illegal characters, ends in a known
        extension."""
        exts = "|".join(sorted({re.escape(e.lower()) for e in self.file_extensions}, key=lambda s: (-len(s), s)))
        return (r"[^\s|\[\]{}<>#][^\r\n|\[\]{}<>#]{0,240}?\.(?i:" + (exts or r"(?!)") + ")")

    @cached_property
    def terminal_patterns(self) -> dict[str, str]:
        """Patterns for the grammar's vocabulary terminals (see grammar/rendered.lark).

        Leading blanks are followed by ``(?=\\S)``: when the rest fails, backing off the blanks
        one by one then fails at once instead of retrying every alternative (linear cost on
        lines of many blanks)."""
        marker = self.marker_pattern
        words = self.word_pattern
        end = HS + "*" + r"(?:\r|\n|\Z)"
        seps = _alternatives(self.navigation_separators) or r"(?!)"
        sep = f"{HS}(?:{seps}){HS}"
        toggles = _alternatives(self.toc_toggles, spaced=True)
        toggle_suffix = rf"(?:{HS}*\[[^\]\r\n]{{1,30}}\]" + (rf"|{HS}+(?:{toggles})" if toggles else "") + ")?"
        return {
            # the first lookahead (the line ends in "]") is a cheap filter for the common case
            "HEADING_TITLE": rf"(?=[^\r\n]*\]{end}){HS}*\S[^\r\n]{{0,250}}?(?={marker}{end})",
            "EDIT_MARKER": rf"{marker}(?={end})",
            # a marker (bracketed, or a bare edit word) alone on its line
            "MARKER_ALONE": rf"{HS}*(?=\S)(?:{marker}|(?:{words})){HS}*{EOL}",
            # a marker that opens a line and is followed by a title (older skins)
            "LEAD_MARKER": rf"{HS}*(?=\S){marker}(?={HS}*\S)",
            # a title with a bare edit word glued to its end (legacy Fandom); the first lookahead
            # jumps to the line's last non-blank and looks back for a word's last token there,
            # a cheap filter (one scan, no backtracking) for the lines that cannot match
            "GLUED_TITLE": (rf"(?=(?>[^\r\n]*\S)(?:{self.word_tail_lookbehind}){end})"
                            rf"{HS}*\S[^\r\n]{{0,250}}?(?=(?:{words}){end})"),
            "WORD_MARKER": rf"(?:{words})(?={end})",
            "FILE_NAMESPACE": (rf"{HS}*(?=\S)(?i:{_alternatives(self.file_namespaces, spaced=True) or '(?!)'})"
                               rf" ?:(?= ?{self.file_name_pattern}{end})"),
            "CATEGORY_LABEL": (rf"{HS}*(?=\S)(?:{_alternatives(self.category_labels, spaced=True) or '(?!)'})"
                               rf"{HS}*[:：](?=[^\r\n]*\S)"),
            "NAVIGATION_LABEL": (rf"{HS}*(?=\S)(?:{_alternatives(self.navigation_labels, spaced=True) or '(?!)'})"
                                 rf"{HS}*:(?=[^\r\n]*?{sep})"),
            "NAVIGATION_ITEM": rf"(?:(?!{sep})[^\r\n])+",
            "NAVIGATION_SEP": sep,
            "TOC_HEADER": (rf"{HS}*(?=\S)(?:{_alternatives(self.toc_headers, spaced=True) or '(?!)'})"
                           rf"{toggle_suffix}{HS}*{EOL}"),
            "CHROME": rf"{HS}*(?=\S)(?:{self.chrome_union}){HS}*{EOL}",
        }

    @cached_property
    def chrome_union(self) -> str:
        patterns = [p for _, ps in (*self.chrome_blocks, *self.chrome) for p in ps]
        return "|".join(f"(?:{_line_safe(p)})" for p in patterns) or r"(?!)"

    @cached_property
    def chrome_kinds(self) -> tuple[tuple[str, bool, re.Pattern[str]], ...]:
        """(kind, starts a block, compiled pattern) in lookup order: blocks first."""
        table: list[tuple[str, bool, re.Pattern[str]]] = []
        for block, kinds in ((True, self.chrome_blocks), (False, self.chrome)):
            for kind, patterns in kinds:
                if patterns:
                    table.append((kind, block, _compile_line(patterns)))
        return tuple(table)

    @cached_property
    def tagline_re(self) -> re.Pattern[str]:
        """Taglines, each with its first letter in either case (de.wikipedia writes ``aus
        Wikipedia``, MediaWiki's default ``Aus {{SITENAME}}``)."""
        return _compile_line(_either_case_first(p) for p in self.taglines)

    @cached_property
    def block_end_res(self) -> dict[str, re.Pattern[str]]:
        """Block kind -> the pattern of its closing lines (kinds with ``block_ends``)."""
        return {kind: _compile_line(patterns) for kind, patterns in self.block_ends if patterns}

    @cached_property
    def toc_extra_re(self) -> re.Pattern[str]:
        extras = [_line_safe(p) for p in self.toc_extras]
        toggles = _alternatives(self.toc_toggles, spaced=True)
        if toggles:
            extras += [rf"\[{HS}*(?:{toggles}){HS}*\]", f"(?:{toggles})"]
        return re.compile("|".join(f"(?:{p})" for p in extras) or r"(?!)")

    def chrome_kind(self, line: str) -> tuple[str, bool] | None:
        """The chrome kind of a stripped line and whether it starts a block, or None."""
        for kind, block, pattern in self.chrome_kinds:
            if pattern.fullmatch(line):
                return kind, block
        return None

    @cached_property
    def heading_line_re(self) -> re.Pattern[str]:
        """A whole heading line (for detection)."""
        return re.compile(self.terminal_patterns["HEADING_TITLE"] + self.marker_pattern + HS + "*")

    @cached_property
    def marker_alone_re(self) -> re.Pattern[str]:
        """A line that is only an edit marker, bracketed or a bare edit word (for detection)."""
        return re.compile(self.terminal_patterns["MARKER_ALONE"])

    @cached_property
    def bracket_marker_re(self) -> re.Pattern[str]:
        """A bracketed edit marker (to tell it from a bare edit word)."""
        return re.compile(self.marker_pattern)

    @cached_property
    def lead_marker_re(self) -> re.Pattern[str]:
        """A line opened by an edit marker, the rest of the line after it (for detection)."""
        return re.compile(self.terminal_patterns["LEAD_MARKER"] + r"[^\r\n]*")

    @cached_property
    def glued_line_re(self) -> re.Pattern[str]:
        """A line ending in a bare edit word after a title; group 1 is the word (for detection)."""
        return re.compile(self.terminal_patterns["GLUED_TITLE"] + "(" + self.terminal_patterns["WORD_MARKER"] + ")"
                          + HS + "*")

    @cached_property
    def file_line_re(self) -> re.Pattern[str]:
        """A whole ``File:`` line (for detection)."""
        return re.compile(self.terminal_patterns["FILE_NAMESPACE"] + " ?" + self.file_name_pattern + HS + "*")

    @cached_property
    def category_line_re(self) -> re.Pattern[str]:
        """A category line with at least two names (for detection)."""
        return re.compile(self.terminal_patterns["CATEGORY_LABEL"] + r"[^|\r\n]+\|[^\r\n]*")

    @cached_property
    def chrome_line_re(self) -> re.Pattern[str]:
        return re.compile(self.terminal_patterns["CHROME"])

    @cached_property
    def toc_header_re(self) -> re.Pattern[str]:
        return re.compile(self.terminal_patterns["TOC_HEADER"])


@lru_cache(maxsize=1)
def _default_vocabulary() -> Vocabulary:
    return Vocabulary.load()


def _alternatives(words: Iterable[str], *, spaced: bool = False) -> str:
    """Literal words as a regex alternation, longest first; inner blanks match any HS run."""
    out = []
    for word in words:
        parts = word.split()
        if not parts:
            continue
        out.append((HS + "+").join(re.escape(p) for p in parts) if spaced else re.escape(word))
    out = sorted(set(out), key=lambda s: (-len(s), s))
    return "|".join(out)


def _either_case_first(pattern: str) -> str:
    """``pattern`` with its first character, when it is a cased letter, in either case."""
    first = pattern[:1]
    if first and first.isalpha() and first.upper() != first.lower():
        return f"[{first.upper()}{first.lower()}]" + pattern[1:]
    return pattern


def _marker_body(marker: str) -> str:
    """The regex for what is between a marker's brackets."""
    inner = marker.strip()[1:-1]
    links = [link.split() for link in inner.split("|")]
    return f"{HS}*\\|{HS}*".join((HS + "+").join(re.escape(w) for w in words) for words in links if words)


def _line_safe(pattern: str) -> str:
    """``pattern`` with ``.`` and ``\\s`` (outside character classes) unable to match CR/LF."""
    out: list[str] = []
    i, n, in_class = 0, len(pattern), False
    while i < n:
        ch = pattern[i]
        if ch == "\\" and i + 1 < n:
            pair = pattern[i : i + 2]
            out.append(HS if (pair == r"\s" and not in_class) else pair)
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
            out.append(ch)
        elif ch == "[":
            in_class = True
            out.append(ch)
            # a ']' right after '[' or '[^' is a literal member
            if pattern[i + 1 : i + 2] == "^":
                out.append("^")
                i += 1
            if pattern[i + 1 : i + 2] == "]":
                out.append("]")
                i += 1
        elif ch == ".":
            out.append(r"[^\r\n]")
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def _compile_line(patterns: Iterable[str]) -> re.Pattern[str]:
    joined = "|".join(f"(?:{_line_safe(p)})" for p in patterns)
    return re.compile(joined or r"(?!)")


def _check_pattern(pattern: str, where: str) -> None:
    try:
        compiled = re.compile(_line_safe(pattern))
    except re.error as exc:
        raise ValueError(f"{where}: pattern {pattern!r} does not compile: {exc}") from None
    if compiled.groups:
        raise ValueError(f"{where}: pattern {pattern!r} has capturing groups; use (?:...)")
    if compiled.fullmatch(""):
        raise ValueError(f"{where}: pattern {pattern!r} matches the empty line")
    if pattern.startswith("^") or pattern.endswith("$"):
        raise ValueError(f"{where}: pattern {pattern!r}: patterns match whole lines, drop ^ and $")


__all__ = ["Vocabulary", "available_languages", "available_sites", "HS", "EOL"]
