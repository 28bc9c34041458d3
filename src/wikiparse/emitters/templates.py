"""Template handlers for the plain-text emitter: what text a template call stands for.

wikiparse does not expand templates (it has no template pages).  The text emitter asks a
:class:`TemplateHandlers` object instead: a handler per template name, and a default for the
rest.  A handler is one of

* ``None`` -- drop the call (no text);
* a ``str`` -- a format string over the call's parameters, rendered as text: ``"{1} ({2})"``,
  ``"{name}"``; a string without braces is literal text;
* an ``int`` -- the text of that positional parameter (1-based);
* a ``list``/``tuple`` of parameter names or numbers -- their non-empty texts joined by a space;
* a callable ``fn(call: TemplateCall) -> str | None``.

The built-in set (:data:`BUILTIN_HANDLERS`, read-only) covers the common English Wikipedia
inline templates.  Handlers are configuration objects passed in (``render(doc, "text",
templates=handlers)``): copy the defaults with ``TemplateHandlers()`` and change the copy::

    handlers = TemplateHandlers(default="first")
    handlers.register("Lang-de", 1)
    handlers.register("Tl", "{{{{{1}}}}}")

Names match as MediaWiki matches them: case-insensitive first letter, ``_`` = space; we match
case-insensitively altogether, and names ending in ``*`` are prefixes (``"Cite *"``).
"""

from __future__ import annotations

import datetime as _dt
import re
import string
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Callable, Mapping, Protocol, Union

import wikiparse.ast as ast


class TextRenderer(Protocol):
    """What a template handler may ask of the text emitter that calls it."""

    profile: str
    today: _dt.date

    def inline_text(self, nodes: list[ast.Node]) -> str:
        """Text of ``nodes`` on one line."""

    def add_footnote(self, template: ast.Template, text: str) -> str | None:
        """Register a footnote made by a template; its marker, or None when notes are hidden."""

Handler = Union[None, str, int, "list[str | int]", "tuple[str | int, ...]",
                Callable[["TemplateCall"], "str | None"]]


@dataclass
class TemplateCall:
    """What a handler sees: the template node and its parameters rendered as text."""

    template: ast.Template
    emitter: TextRenderer
    _cache: dict[str, str] = field(default_factory=dict, repr=False)

    @property
    def name(self) -> str:
        return self.template.name

    @property
    def profile(self) -> str:
        return self.emitter.profile

    @property
    def today(self) -> _dt.date:
        return self.emitter.today

    def has(self, key: str | int) -> bool:
        return self.template.has(key)

    def param(self, key: str | int, default: str = "") -> str:
        """Text of parameter ``key`` (a name or a 1-based position), trimmed."""
        k = str(key).strip()
        if k not in self._cache:
            p = self.template.get_param(k)
            self._cache[k] = self.emitter.inline_text(p.value).strip() if p is not None else ""
        return self._cache[k] or default

    @property
    def positional(self) -> list[str]:
        """Texts of the positional parameters, in order."""
        return [self.param(p.name) for p in self.template.params if not p.showkey]

    @property
    def named(self) -> dict[str, str]:
        return {p.name: self.param(p.name) for p in self.template.params if p.showkey}

    def text(self, nodes: list[ast.Node]) -> str:
        return self.emitter.inline_text(nodes)


class _ParamFormatter(string.Formatter):
    """``str.format`` where every field (``{1}``, ``{name}``) is a parameter's text."""

    def __init__(self, call: TemplateCall) -> None:
        self.call = call

    def get_value(self, key: int | str, args: Any, kwargs: Any) -> str:
        return self.call.param(str(key))


def apply_handler(handler: Handler, call: TemplateCall) -> str | None:
    """Run one handler (any accepted form) on a call."""
    if handler is None:
        return None
    if isinstance(handler, bool):
        raise TypeError("a template handler cannot be a bool")
    if isinstance(handler, int):
        return call.param(handler)
    if isinstance(handler, str):
        if "{" not in handler:
            return handler
        return _ParamFormatter(call).vformat(handler, (), {})
    if isinstance(handler, (list, tuple)):
        return " ".join(t for t in (call.param(k) for k in handler) if t)
    if callable(handler):
        return handler(call)
    raise TypeError(f"unsupported template handler {handler!r}")


def _key(name: str) -> str:
    return " ".join(name.replace("_", " ").split()).lower()


class TemplateHandlers:
    """A name -> handler table plus the default for unknown templates.

    ``default``: ``"drop"`` (no text), ``"first"`` (the first positional parameter) or a
    callable ``fn(call) -> str | None``.  ``builtins=False`` starts from an empty table.
    """

    def __init__(self, handlers: Mapping[str, Handler] | None = None, *,
                 default: str | Callable[[TemplateCall], str | None] = "drop",
                 builtins: bool = True) -> None:
        if not (default in ("drop", "first") or callable(default)):
            raise ValueError("default must be 'drop', 'first' or a callable")
        self.default = default
        self._exact: dict[str, Handler] = {}
        self._prefixes: list[tuple[str, Handler]] = []
        if builtins:
            for name, h in BUILTIN_HANDLERS.items():
                self.register(name, h)
        for name, h in (handlers or {}).items():
            self.register(name, h)

    def register(self, name: str, handler: Handler) -> None:
        """Handle templates called ``name`` (``"Prefix*"`` for a family) with ``handler``."""
        if not (handler is None or isinstance(handler, (str, int, list, tuple)) or callable(handler)):
            raise TypeError(f"unsupported template handler {handler!r}")
        key = _key(name)
        if key.endswith("*"):
            prefix = key[:-1]
            self._prefixes = [(p, h) for p, h in self._prefixes if p != prefix]
            self._prefixes.append((prefix, handler))
            self._prefixes.sort(key=lambda ph: -len(ph[0]))
        else:
            self._exact[key] = handler

    def unregister(self, name: str) -> None:
        key = _key(name)
        self._exact.pop(key, None)
        self._prefixes = [(p, h) for p, h in self._prefixes if p != key.rstrip("*")]

    def lookup(self, name: str) -> tuple[bool, Handler]:
        """(found, handler) for a template name."""
        key = _key(name)
        if key in self._exact:
            return True, self._exact[key]
        for prefix, handler in self._prefixes:
            if key.startswith(prefix):
                return True, handler
        return False, None

    def __contains__(self, name: str) -> bool:
        return self.lookup(name)[0]

    def text(self, call: TemplateCall) -> str | None:
        found, handler = self.lookup(call.name)
        if found:
            return apply_handler(handler, call)
        if self.default == "drop":
            return None
        if self.default == "first":
            pos = call.positional
            return pos[0] if pos else None
        assert callable(self.default)
        return self.default(call)


# --------------------------------------------------------------------------- built-in handlers

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]


def _int(text: str) -> int | None:
    m = re.match(r"\s*(-?\d+)", text)
    return int(m.group(1)) if m else None


def _date_parts(call: TemplateCall, first: int) -> tuple[int | None, int | None, int | None]:
    return (_int(call.param(first)), _int(call.param(first + 1)), _int(call.param(first + 2)))


def _format_date(call: TemplateCall, y: int | None, m: int | None, d: int | None) -> str:
    if y is None:
        return ""
    if m is None or not 1 <= m <= 12:
        return str(y)
    month = _MONTHS[m - 1]
    if d is None:
        return f"{month} {y}"
    dmy = call.param("df").lower() in ("y", "yes", "1") or call.param("df") == ""
    if call.has("mf") and call.param("mf").lower() in ("y", "yes", "1"):
        dmy = False
    if not call.has("df") and not call.has("mf"):
        dmy = True
    return f"{d} {month} {y}" if dmy else f"{month} {d}, {y}"


def _age(y: int, m: int | None, d: int | None, at: _dt.date) -> int:
    age = at.year - y
    if (at.month, at.day) < (m or 1, d or 1):
        age -= 1
    return age


def _date(call: TemplateCall) -> str:
    y, m, d = _date_parts(call, 1)
    if y is None:
        return call.param(1)
    return _format_date(call, y, m, d)


def _date_and_age(call: TemplateCall) -> str:
    y, m, d = _date_parts(call, 1)
    if y is None:
        return call.param(1)
    text = _format_date(call, y, m, d)
    return f"{text} (age {_age(y, m, d, call.today)})"


def _death_date_and_age(call: TemplateCall) -> str:
    y, m, d = _date_parts(call, 1)
    by, bm, bd = _date_parts(call, 4)
    if y is None:
        return call.param(1)
    text = _format_date(call, y, m, d)
    if by is None:
        return text
    return f"{text} (aged {_age(by, bm, bd, _dt.date(y, m or 12, d or 28))})"


def _birth_year_and_age(call: TemplateCall) -> str:
    y = _int(call.param(1))
    if y is None:
        return call.param(1)
    return f"{y} (age {call.today.year - y - 1}\u2013{call.today.year - y})"


def _age_only(call: TemplateCall) -> str:
    y, m, d = _date_parts(call, 1)
    if y is None:
        return ""
    y2, m2, d2 = _date_parts(call, 4)
    at = call.today if y2 is None else _dt.date(y2, m2 or 1, d2 or 1)
    return str(_age(y, m, d, at))


_RANGE_WORDS = {"-": "\u2013", "–": "\u2013", "to": "to", "and": "and", "or": "or", "by": "by",
                "x": "\u00d7", "×": "\u00d7", "+/-": "\u00b1", "&": "and", "to(-)": "to"}


def _convert(call: TemplateCall) -> str:
    """``{{convert|5|km}}`` -> ``5 km``; ranges ``{{convert|5|to|10|km}}`` -> ``5 to 10 km``.
    (The converted value is not computed.)"""
    pos = call.positional
    if not pos:
        return ""
    parts = [pos[0]]
    i = 1
    while i + 1 < len(pos) and pos[i] in _RANGE_WORDS:
        word = _RANGE_WORDS[pos[i]]
        parts.append(word if word == "\u2013" else f" {word} ")
        parts.append(pos[i + 1])
        i += 2
    unit = pos[i] if i < len(pos) else ""
    number = "".join(parts).replace(" \u2013 ", "\u2013")
    return f"{number} {unit}".strip()


def _frac(call: TemplateCall) -> str:
    pos = call.positional
    if len(pos) == 1:
        return f"1\u2044{pos[0]}"
    if len(pos) == 2:
        return f"{pos[0]}\u2044{pos[1]}"
    if len(pos) >= 3:
        return f"{pos[0]} {pos[1]}\u2044{pos[2]}"
    return ""


def _nihongo(call: TemplateCall) -> str:
    english, kanji, romaji = call.param(1), call.param(2), call.param(3)
    inner = ", ".join(t for t in (kanji, romaji) if t)
    if english and inner:
        return f"{english} ({inner})"
    return english or inner


_IPAC_SKIP = {"lang", "local", "pron", "us", "uk", "ipa", "also", "audio"}


def _ipac(call: TemplateCall) -> str:
    sounds = [p for p in call.positional if p.lower() not in _IPAC_SKIP]
    return "/" + "".join(sounds) + "/" if sounds else ""


def _lang_dash(call: TemplateCall) -> str:
    # {{lang-fr|texte}}: the text (the language name prefix needs language data)
    return call.param(1)


def _sic(call: TemplateCall) -> str:
    pos = call.positional
    text = "".join(pos[:2]) if call.param("hide") == "" and len(pos) == 2 else (pos[0] if pos else "")
    return f"{text} [sic]" if call.profile == "visible" else text


def _circa(call: TemplateCall) -> str:
    return ("c.\u00a0" + call.param(1)).strip()


def _visible_only(text: str) -> Callable[[TemplateCall], str | None]:
    def handler(call: TemplateCall) -> str | None:
        return text if call.profile == "visible" else None

    return handler


def _main_article(label: str) -> Callable[[TemplateCall], str | None]:
    def handler(call: TemplateCall) -> str | None:
        if call.profile != "visible":
            return None
        pages = call.positional
        if not pages:
            return None
        return label.format(s="s" if len(pages) > 1 else "") + ", ".join(pages)

    return handler


def _list_items(call: TemplateCall) -> str:
    return "\n".join(p for p in call.positional if p)


def _last_positional(call: TemplateCall) -> str:
    pos = call.positional
    return pos[-1] if pos else ""


def _val(call: TemplateCall) -> str:
    unit = call.param("u") or call.param("ul")
    value = call.param(1)
    if call.param(2):
        value += " \u00b1 " + call.param(2)
    return f"{value} {unit}".strip()


def _footnote_marker(call: TemplateCall) -> str | None:
    if call.profile != "visible":
        return None
    return call.emitter.add_footnote(call.template, call.param(1) or call.param("text"))


BUILTIN_HANDLERS: Mapping[str, Handler] = MappingProxyType({
    # units, numbers, dates
    "convert": _convert, "cvt": _convert,
    "frac": _frac, "fraction": _frac, "sfrac": _frac,
    "circa": _circa, "c.": _circa,
    "val": _val,
    "birth date": _date, "death date": _date, "start date": _date, "end date": _date,
    "birth-date": _date, "film date": _date, "dts": _date, "date": 1,
    "birth date and age": _date_and_age, "bda": _date_and_age,
    "death date and age": _death_date_and_age, "dda": _death_date_and_age,
    "birth year and age": _birth_year_and_age,
    "age": _age_only,
    # languages and pronunciation
    "lang": 2, "lang-*": _lang_dash, "langx": 2, "transl": _last_positional, "transliteration": _last_positional,
    "nihongo": _nihongo, "nihongo2": 1,
    "ipa": 1, "ipa-all": 1, "ipac-en": _ipac, "ipac-de": _ipac, "ipa-en": 1, "ipa-de": 1,
    "ipa-fr": 1, "ipa-es": 1, "ipa-it": 1, "respell": "{1}", "audio": 2,
    # inline formatting
    "nowrap": 1, "small": 1, "smaller": 1, "big": 1, "larger": 1, "resize": _last_positional,
    "sic": _sic, "abbr": 1, "abbrlink": 1, "nobold": 1, "noitalic": 1, "nowrap begin": None,
    "em": 1, "strong": 1, "var": 1, "code": 1, "mono": 1, "math": 1, "smallcaps": 1,
    "uline": 1, "underline": 1, "strikethrough": 1, "s": 1, "highlight": 1, "color": 2,
    "font color": 2, "quote": 1, "blockquote": 1, "quotation": 1, "cquote": 1, "qi": 1,
    "nbsp": "\u00a0", "snd": " \u2013 ", "ndash": "\u2013", "mdash": "\u2014", "spaced ndash": " \u2013 ",
    "spnd": " \u2013 ", "'": "'", "' \"": "'\"", "\" '": "\"'", "!": "|", "=": "=", "-": "",
    "·": "\u00a0\u00b7 ", "dot": "\u00a0\u00b7 ", "•": "\u00a0\u2022 ", "bull": "\u00a0\u2022 ",
    "pipe": "|", "clear": None, "-\"": "", "break": None, "br": None,
    # flags
    "flag": 1, "flagcountry": 1, "flagu": 1, "flagdeco": None, "flagicon": None,
    "flag icon": None, "flagathlete": 1, "fb": 1, "fbw": 1, "ru": 1,
    # lists
    "ubl": _list_items, "unbulleted list": _list_items, "plainlist": 1, "plain list": 1,
    "hlist": _list_items, "flatlist": 1, "bulleted list": _list_items, "ordered list": _list_items,
    # references, maintenance, navigation: dropped (markers in the visible profile)
    "cite *": None, "citation": None, "cite": None, "vcite *": None, "harvnb": None,
    "harv": None, "harvtxt": "{1} ({2})", "sfn": _footnote_marker, "sfnp": _footnote_marker,
    "sfnm": _footnote_marker, "efn": _footnote_marker, "efn-*": _footnote_marker,
    "refn": _footnote_marker, "r": _footnote_marker, "rp": None,
    "reflist": None, "notelist": None, "refbegin": None, "refend": None, "references": None,
    "notelist-*": None,
    "cn": _visible_only("[citation needed]"), "citation needed": _visible_only("[citation needed]"),
    "fact": _visible_only("[citation needed]"), "clarify": _visible_only("[clarification needed]"),
    "when": _visible_only("[when?]"), "who": _visible_only("[who?]"), "which": _visible_only("[which?]"),
    "by whom": _visible_only("[by whom?]"), "dead link": _visible_only("[dead link]"),
    "failed verification": _visible_only("[failed verification]"), "according to whom": None,
    "main": _main_article("Main article{s}: "), "main article": _main_article("Main article{s}: "),
    "see also": _main_article("See also: "), "further": _main_article("Further information: "),
    "details": _main_article("Further information: "), "about": None, "for": None,
    "redirect": None, "distinguish": None, "other uses": None, "hatnote": None,
    "infobox*": None, "navbox*": None, "sidebar*": None, "campaignbox*": None, "taxobox*": None,
    "speciesbox": None, "automatic taxobox": None, "authority control": None, "portal*": None,
    "commons*": None, "wikiquote": None, "wiktionary": None, "sister project links": None,
    "short description": None, "defaultsort": None, "use dmy dates": None, "use mdy dates": None,
    "use british english": None, "use american english": None, "pp-*": None, "good article": None,
    "featured article": None, "coord": None, "coord missing": None, "stub": None,
    "s-*": None, "succession box": None, "toc limit": None, "tocright": None, "toc right": None,
    "clear left": None, "clear right": None, "multiple issues": None, "unreferenced": None,
    "refimprove": None, "more citations needed": None, "orphan": None, "cleanup*": None,
    "webarchive": None, "isbn": "ISBN {1}", "doi": "doi:{1}", "oclc": "OCLC {1}",
})
