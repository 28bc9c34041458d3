"""Page titles as the preprocessor needs them: normalised, split into namespace and name."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..config import NS_MAIN, NS_TEMPLATE, SiteConfig

_INVALID = re.compile(r"[<>\[\]|{}\x00-\x1f\x7f\ufffd]")
_SPACES = re.compile(r"[ _\u00a0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")

#: namespaces where "/" makes subpages (MediaWiki's default $wgNamespacesWithSubpages, with
#: Portal, Draft and Module as on Wikipedia)
SUBPAGE_NAMESPACES = frozenset({1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 15, 100, 101, 118, 119,
                                828, 829})


@dataclass(frozen=True, slots=True)
class Title:
    """A normalised title: ``ns`` number, ``prefix`` (the namespace's local name) and ``name``."""

    ns: int
    prefix: str
    name: str
    fragment: str = ""

    @property
    def full(self) -> str:
        return f"{self.prefix}:{self.name}" if self.prefix else self.name

    @property
    def base(self) -> str:
        """``BASEPAGENAME``: the name without its last ``/sub`` part."""
        return self.name.rsplit("/", 1)[0] if self._subpages else self.name

    @property
    def root(self) -> str:
        return self.name.split("/", 1)[0] if self._subpages else self.name

    @property
    def sub(self) -> str:
        return self.name.rsplit("/", 1)[1] if self._subpages else self.name

    @property
    def _subpages(self) -> bool:
        return "/" in self.name and self.ns in SUBPAGE_NAMESPACES


def ucfirst(s: str) -> str:
    if not s:
        return s
    first = s[0]
    # MediaWiki keeps a few letters whose upper case is two characters (ß) as they are
    upper = first.upper()
    return (upper if len(upper) == 1 else first) + s[1:]


def make_title(text: str, config: SiteConfig, default_ns: int = NS_MAIN) -> Title | None:
    """``text`` as a title (``None`` when invalid).  A leading ``:`` forces the main namespace;
    otherwise a known namespace prefix wins, else ``default_ns``."""
    from html import unescape

    if "&" in text:
        text = unescape(text)
    text = _SPACES.sub(" ", text).strip(" ")
    fragment = ""
    if "#" in text:
        text, _, fragment = text.partition("#")
        text = text.rstrip(" ")
    if not text or _INVALID.search(text):
        return None
    ns = default_ns
    if text.startswith(":"):
        text = text[1:].lstrip(" ")
        ns = NS_MAIN
        forced = True
    else:
        forced = False
    if ":" in text:
        head, _, rest = text.partition(":")
        number = config.namespace_of(head.strip(" "))
        if number is not None:
            ns = number
            text = rest.lstrip(" ")
        elif forced:
            ns = NS_MAIN
    if not text:
        return None
    if text.startswith((".", "/")) and (text in (".", "..") or text.startswith(("./", "../"))):
        return None
    if len(text.encode("utf-8")) > 255:
        return None
    name = ucfirst(text)
    prefix = config.namespace_name(ns) if ns != NS_MAIN else ""
    return Title(ns, prefix, name, fragment)


def template_title(text: str, config: SiteConfig) -> Title | None:
    """The page a ``{{text}}`` call transcludes (``Template:`` unless another namespace or a
    leading ``:`` says otherwise)."""
    return make_title(text, config, NS_TEMPLATE)


def talk_title(title: Title, config: SiteConfig) -> Title:
    ns = title.ns if title.ns % 2 else title.ns + 1
    return Title(ns, config.namespace_name(ns), title.name)


def subject_title(title: Title, config: SiteConfig) -> Title:
    ns = title.ns - 1 if title.ns % 2 and title.ns > 0 else title.ns
    return Title(ns, config.namespace_name(ns) if ns else "", title.name)


__all__ = ["Title", "make_title", "subject_title", "talk_title", "template_title", "ucfirst"]
