"""Per-parse state shared by the passes: the text, configuration, limits and diagnostics."""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from ..ast import Diagnostic, Severity, Span
from ..config import Limits, SiteConfig
from ..title_text import normalize_title, ns_key


@lru_cache(maxsize=64)
def _protocol_regex(protocols: tuple[str, ...]) -> re.Pattern[str]:
    alts = "|".join(re.escape(p) for p in sorted(protocols, key=len, reverse=True))
    return re.compile(f"(?i:{alts})")


# MediaWiki's EXT_LINK_URL_CLASS minus braces and pipes (templates and their separators are
# structure here, not URL characters) and minus '' (quotes are markup, as after doQuotes)
URL_CHARS = r"""(?:[^\s\[\]<>"{}|'\x00-\x1f\x7f\ufffd]|'(?!'))"""
# an IPv6 address in brackets, allowed right after the protocol (http://[2001:db8::1]/)
IPV6_HOST = r"\[[0-9A-Fa-f:.]+\]"


@lru_cache(maxsize=64)
def _bracket_url_regex(protocols: tuple[str, ...]) -> re.Pattern[str]:
    alts = "|".join(re.escape(p) for p in sorted(protocols, key=len, reverse=True))
    # the address may be an IPv6 literal in brackets (MediaWiki's EXT_LINK_ADDR); longer URLs
    # continue in the parser
    return re.compile(f"(?i:{alts})(?:{IPV6_HOST}{URL_CHARS}{{0,2048}}|{URL_CHARS}{{1,2048}})")


@lru_cache(maxsize=64)
def _trail_regex(trail: str) -> regex.Pattern[str]:
    r"""The link trail, compiled with ``regex``: MediaWiki's trails are PCRE (``/u``), and
    ``regex`` reads their Unicode properties (``\p{L}``, ``\p{M}``, ``\pL``) as PCRE does,
    where ``re`` rejects them.  A pattern that does not compile falls back to ``[a-z]+``."""
    try:
        return regex.compile(trail)
    except regex.error:
        return regex.compile(r"[a-z]+")


@lru_cache(maxsize=64)
def _url_colon_window(protocols: tuple[str, ...]) -> int:
    """How far from a URL's start its protocol's ':' can be: a URL can start at ``pos`` only
    when ``text[pos:pos + window]`` holds a ':' or ``text`` starts with '//' there (cheaper
    than the URL pattern, which fails at most '[['); -1 when a protocol other than '//' holds
    no ':' (then no test is cheaper than the pattern)."""
    window = 0
    for p in protocols:
        colon = p.find(":")
        if colon < 0 and p != "//":
            return -1
        window = max(window, colon + 1)
    return window


#: a trail that is one character class repeated (``[a-zäöü]+``, every trail in the built-in
#: table but a few): its match is not empty exactly when its first character is in the class
_CLASS_RUN = re.compile(r"\[\^?(?:[^\[\]\\]|\\.)+\]\+")


class Context:
    """Everything a pass needs; one per ``parse`` call (never shared between threads)."""

    __slots__ = ("text", "config", "limits", "diagnostics", "depth", "blockquotes", "tokens",
                 "no_close_after", "protocol_re", "bracket_url_re", "trail_re", "_reported",
                 "url_colon_window", "trail_starts",
                 "allowed_protocols", "raw_tags", "ext_tags", "_titles", "_namespaces", "_ns_names",
                 "_ns_lookup", "_stock")

    def __init__(self, text: str, config: SiteConfig, limits: Limits) -> None:
        self.text = text
        self.config = config
        self.limits = limits
        self.diagnostics: list[Diagnostic] = []
        self.depth = 0
        self.blockquotes = 0  # open <blockquote>s around the container being parsed (no indent-pre)
        self.tokens = 0
        # extension tag name -> position after which no closing tag exists (keeps search linear)
        self.no_close_after: dict[str, int] = {}
        protocols = tuple(config.protocols)
        self.protocol_re = _protocol_regex(tuple(p for p in protocols if p != "//"))
        self.bracket_url_re = _bracket_url_regex(protocols)
        self.trail_re = _trail_regex(config.link_trail)
        self.url_colon_window = _url_colon_window(protocols)
        # a class-run trail: whether a trail starts with a character, by character (this
        # parse's; None for other trails, which are always matched)
        self.trail_starts: dict[str, bool] | None = (
            {} if _CLASS_RUN.fullmatch(self.trail_re.pattern) else None)
        self.allowed_protocols = tuple(p.lower() for p in protocols)
        self.ext_tags = {k.lower(): v for k, v in config.extension_tags.items()}
        self.raw_tags = frozenset(k for k, v in self.ext_tags.items() if v == "raw")
        self._reported: set[str] = set()
        # this parse's answers of the config's title functions (pure functions of a title, a
        # prefix, a number, which repeat in a page: Cite web, File, Category...); with
        # SiteConfig's own methods (not a subclass's) the compiled leaf functions are called
        # directly, not the interpreted methods that delegate to them
        self._titles: dict[str, str] = {}
        self._namespaces: dict[str, int | None] = {}
        self._ns_names: dict[int, str] = {}
        self._ns_lookup: dict[str, int] | None = None
        site = type(config)
        self._stock = (site.normalize_title is SiteConfig.normalize_title
                       and site.namespace_of is SiteConfig.namespace_of)

    def title(self, raw: str) -> str:
        """``config.normalize_title(raw)``, once per distinct ``raw`` in a parse."""
        title = self._titles.get(raw)
        if title is None:
            title = normalize_title(raw) if self._stock else self.config.normalize_title(raw)
            self._titles[raw] = title
        return title

    def namespace_of(self, prefix: str) -> int | None:
        """``config.namespace_of(prefix)``, once per distinct ``prefix`` in a parse."""
        if prefix in self._namespaces:
            return self._namespaces[prefix]
        if self._stock:
            lookup = self._ns_lookup
            if lookup is None:
                lookup = self._ns_lookup = self.config.namespace_lookup
            ns = lookup.get(ns_key(prefix))
        else:
            ns = self.config.namespace_of(prefix)
        self._namespaces[prefix] = ns
        return ns

    def namespace_name(self, number: int) -> str:
        """``config.namespace_name(number)``, once per namespace in a parse."""
        name = self._ns_names.get(number)
        if name is None:
            name = self._ns_names[number] = self.config.namespace_name(number)
        return name

    def diag(self, code: str, message: str, span: Span, severity: Severity = "info",
             once: bool = False) -> None:
        """Record a diagnostic; ``once`` keeps only the first of a code (for limit floods)."""
        if once:
            if code in self._reported:
                return
            self._reported.add(code)
        self.diagnostics.append(Diagnostic(code, message, span, severity))
