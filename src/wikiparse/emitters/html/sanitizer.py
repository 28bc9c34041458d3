"""The HTML whitelist: which tags, attributes, CSS and URLs may reach the output.

The rules follow MediaWiki's sanitizer (re-implemented from its documented behaviour, not
copied): a fixed set of HTML elements may be written in wikitext, each element has its own set of
allowed attributes, ``style`` values are checked the way ``checkCss`` does, URL-valued attributes
must start with one of the wiki's URL protocols, and ``id`` values are normalised.  Everything
else is dropped (attributes) or left to the emitter to show as escaped text (tags).

The module is pure: functions of their arguments and a :class:`SanitizerPolicy`, an immutable
object that says what is allowed.  ``SanitizerPolicy()`` is the safe default; ``relaxed()`` and
``with_()`` make copies that allow more (see ``docs/html-sanitizer.md``).

Values handed to :func:`sanitize_attributes` are attribute values *as written* (character
references still encoded); values returned are plain text, to be escaped by the emitter with
:func:`escape_attr`.  Every check runs on the decoded text, which is exactly what the browser
sees after our escaping, so ``&#106;avascript:`` or ``jav&#x09;ascript:`` cannot slip through.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any, Iterable, Mapping, Sequence

from ...config import SiteConfig
from ...html_tags import ALLOWED_TAGS, UNSAFE_TAGS, VOID_TAGS
from .entities import decode_entities

__all__ = [
    "ALLOWED_TAGS", "DEFAULT_ATTRIBUTES", "DEFAULT_POLICY", "SanitizerPolicy", "UNSAFE_TAGS",
    "VOID_TAGS",
    "check_css", "decode_entities", "escape_attr", "escape_class", "escape_id", "escape_text",
    "clean_url", "format_attributes", "is_allowed_tag", "safe_url", "sanitize_attributes", "validate_tag",
]

# --------------------------------------------------------------------------- the default lists
# (the tag names are wikiparse.html_tags'; the attributes per tag are the sanitizer's own)


_COMMON = frozenset("""
id class style lang dir title tabindex
aria-describedby aria-flowto aria-hidden aria-label aria-labelledby aria-level aria-owns role
about property resource datatype typeof
itemid itemprop itemref itemscope itemtype
""".split())
_BLOCK = _COMMON | {"align"}
_TABLE_ALIGN = frozenset({"align", "valign"})
_TABLE_CELL = frozenset(
    {"abbr", "axis", "headers", "scope", "rowspan", "colspan", "nowrap", "width", "height",
     "bgcolor"}
)


def _attrs(base: frozenset[str], *extra: str) -> frozenset[str]:
    return base | frozenset(extra)


_DEFAULT_ATTRIBUTES: dict[str, frozenset[str]] = {
    "div": _BLOCK, "center": _COMMON, "span": _COMMON,
    **{f"h{n}": _BLOCK for n in range(1, 7)},
    "bdo": _COMMON, "bdi": _COMMON,
    **{t: _COMMON for t in ("em", "strong", "cite", "dfn", "code", "samp", "kbd", "var", "abbr")},
    "blockquote": _attrs(_COMMON, "cite"), "q": _attrs(_COMMON, "cite"),
    "sub": _COMMON, "sup": _COMMON,
    "p": _BLOCK, "br": _attrs(_COMMON, "clear"), "wbr": _COMMON, "pre": _attrs(_COMMON, "width"),
    "ins": _attrs(_COMMON, "cite", "datetime"), "del": _attrs(_COMMON, "cite", "datetime"),
    "ul": _attrs(_COMMON, "type"), "ol": _attrs(_COMMON, "type", "start", "reversed"),
    "li": _attrs(_COMMON, "type", "value"),
    "dl": _COMMON, "dd": _COMMON, "dt": _COMMON,
    "table": _attrs(_COMMON, "summary", "width", "border", "frame", "rules", "cellspacing",
                    "cellpadding", "align", "bgcolor"),
    "caption": _BLOCK, "thead": _COMMON, "tfoot": _COMMON, "tbody": _COMMON,
    "colgroup": _attrs(_COMMON, "span"), "col": _attrs(_COMMON, "span"),
    "tr": _COMMON | {"bgcolor"} | _TABLE_ALIGN,
    "td": _COMMON | _TABLE_CELL | _TABLE_ALIGN, "th": _COMMON | _TABLE_CELL | _TABLE_ALIGN,
    **{t: _COMMON for t in ("tt", "b", "i", "big", "small", "strike", "s", "u")},
    "font": _attrs(_COMMON, "size", "color", "face"),
    "hr": _attrs(_COMMON, "width"),
    **{t: _COMMON for t in ("ruby", "rb", "rp", "rt", "rtc")},
    "data": _attrs(_COMMON, "value"), "time": _attrs(_COMMON, "datetime"), "mark": _COMMON,
    # microdata only: validate_tag() insists on itemprop (and content / href)
    "meta": frozenset({"itemprop", "content"}), "link": frozenset({"itemprop", "href", "title"}),
    # not writable in wikitext, but the emitter builds these and sanitises their attributes too
    "a": _attrs(_COMMON, "href", "rel", "rev"),
    "img": _attrs(_COMMON, "alt", "src", "width", "height", "srcset"),
    "audio": _attrs(_COMMON, "controls", "preload", "width", "height"),
    "video": _attrs(_COMMON, "poster", "controls", "preload", "width", "height"),
    "source": _attrs(_COMMON, "type", "src"),
    "track": _attrs(_COMMON, "type", "src", "srclang", "kind", "label"),
    "math": frozenset({"class", "style", "id", "title"}),
    "figure": _COMMON, "figcaption": _COMMON, "aside": _COMMON,
}

#: Per-element attribute whitelist (element name -> attribute names).
DEFAULT_ATTRIBUTES: Mapping[str, frozenset[str]] = MappingProxyType(_DEFAULT_ATTRIBUTES)

#: Attributes whose value is a URL: checked with :func:`safe_url` (``cite`` and ``srcset`` are
#: not in MediaWiki's list; checking them costs nothing and keeps ``javascript:`` out entirely).
URL_ATTRIBUTES: frozenset[str] = frozenset({"href", "src", "poster", "cite", "srcset"})

# Attribute names browsers treat as URLs; whatever a policy allows, these are always checked.
_BROWSER_URL_ATTRIBUTES = frozenset("""
href src action formaction data poster background srcset ping cite longdesc lowsrc dynsrc
codebase classid archive manifest icon profile xlink:href usemap
""".split())

# Lists of ids whose members are escaped like ``id``.
_ID_REFERENCE_ATTRIBUTES = frozenset({"aria-describedby", "aria-flowto", "aria-labelledby", "aria-owns"})
# RDFa / microdata / link relations: free text, but never a script URL.
_URI_LIKE_ATTRIBUTES = frozenset("""
rel rev about property resource datatype typeof itemid itemprop itemref itemscope itemtype
""".split())
_ITEMSCOPE_DEPENDENT = ("itemtype", "itemid", "itemref")

# What a policy may only allow with allow_unsafe=True: UNSAFE_TAGS (from html_tags) and these.
UNSAFE_ATTRIBUTES: frozenset[str] = frozenset({
    "srcdoc", "formaction", "action", "http-equiv", "shadowroot", "shadowrootmode", "data",
    "codebase", "classid", "archive",
})
UNSAFE_PROTOCOLS: tuple[str, ...] = (
    "javascript:", "vbscript:", "livescript:", "mocha:", "data:", "blob:", "filesystem:",
)

_DEFAULT_PROTOCOLS: tuple[str, ...] = SiteConfig().protocols

# --------------------------------------------------------------------------- the policy


def _lower_ascii(s: str) -> str:
    """Lower-case A-Z only, as HTML does for tag and attribute names (``str.lower`` would turn
    the Kelvin sign into ``k``)."""
    return s.translate(_ASCII_LOWER)


_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


@dataclass(frozen=True)
class SanitizerPolicy:
    """What the sanitizer lets through.  Immutable; the default instance is MediaWiki's rules.

    ``tags``: elements that may be written in wikitext (others are shown as text).
    ``attributes``: per element, the attribute names it may carry; ``global_attributes`` are
    added to every element.  ``data-*`` attributes are allowed everywhere when
    ``data_attributes`` is true, except names starting with ``reserved_data_attributes``.
    ``url_attributes`` are checked with :func:`safe_url` against ``protocols`` (relative URLs
    only with ``allow_relative_urls``).  ``max_id_length`` caps ``id`` values.

    A policy that allows a script-capable element (``script``, ``iframe``, ``svg`` ...), an
    event handler (``on*``), one of the :data:`UNSAFE_ATTRIBUTES` or a script-capable URL scheme
    (``javascript:``, ``data:`` ...) must say ``allow_unsafe=True``; otherwise constructing it
    raises ``ValueError``.  ``style`` is always checked with :func:`check_css`.
    """

    tags: frozenset[str] = ALLOWED_TAGS
    void_tags: frozenset[str] = VOID_TAGS
    attributes: Mapping[str, frozenset[str]] = field(
        default_factory=lambda: DEFAULT_ATTRIBUTES, hash=False
    )
    global_attributes: frozenset[str] = frozenset()
    url_attributes: frozenset[str] = URL_ATTRIBUTES
    protocols: tuple[str, ...] = _DEFAULT_PROTOCOLS
    allow_relative_urls: bool = False
    data_attributes: bool = True
    reserved_data_attributes: tuple[str, ...] = ("data-ooui", "data-mw", "data-parsoid")
    max_id_length: int = 1024
    allow_unsafe: bool = False

    def __post_init__(self) -> None:
        norm = _lower_ascii
        set_ = object.__setattr__
        set_(self, "tags", frozenset(norm(t) for t in self.tags))
        set_(self, "void_tags", frozenset(norm(t) for t in self.void_tags))
        set_(self, "attributes", MappingProxyType(
            {norm(t): frozenset(norm(a) for a in names) for t, names in self.attributes.items()}
        ))
        set_(self, "global_attributes", frozenset(norm(a) for a in self.global_attributes))
        set_(self, "url_attributes", frozenset(norm(a) for a in self.url_attributes))
        set_(self, "protocols", tuple(dict.fromkeys(p.lower() for p in self.protocols if p)))
        set_(self, "reserved_data_attributes",
             tuple(norm(p) for p in self.reserved_data_attributes))
        if not self.allow_unsafe:
            self._refuse_unsafe()

    def _refuse_unsafe(self) -> None:
        bad: list[str] = [f"tag <{t}>" for t in sorted(self.tags & UNSAFE_TAGS)]
        names = set(self.global_attributes)
        for tag_names in self.attributes.values():
            names |= tag_names
        bad += [f"attribute {a!r}" for a in sorted(names)
                if a.startswith("on") or a in UNSAFE_ATTRIBUTES]
        bad += [f"protocol {p!r}" for p in self.protocols if p.startswith(UNSAFE_PROTOCOLS)]
        if bad:
            raise ValueError(
                "unsafe sanitizer policy (" + ", ".join(bad) + "); pass allow_unsafe=True "
                "only if the input is trusted"
            )

    # ------------------------------------------------------------------ derived

    def allowed_attributes(self, tag: str) -> frozenset[str]:
        """Attribute names ``tag`` may carry (besides ``data-*``)."""
        return self.attributes.get(_lower_ascii(tag), frozenset()) | self.global_attributes

    # ------------------------------------------------------------------ copies

    def with_(self, **changes: Any) -> SanitizerPolicy:
        """A copy with some fields replaced (the fields are listed on the class)."""
        return replace(self, **changes)

    def relaxed(
        self,
        *,
        tags: Iterable[str] = (),
        attributes: Mapping[str, Iterable[str]] | None = None,
        global_attributes: Iterable[str] = (),
        url_attributes: Iterable[str] = (),
        protocols: Iterable[str] = (),
        allow_relative_urls: bool | None = None,
        allow_unsafe: bool | None = None,
    ) -> SanitizerPolicy:
        """A copy that allows more: extra ``tags`` (each also gets the common attributes unless
        ``attributes`` names its own), extra ``attributes`` per tag, ``global_attributes`` on
        every tag, more ``url_attributes`` and ``protocols``.

        >>> p = SanitizerPolicy().relaxed(tags=["details", "summary"], attributes={"details": ["open"]})
        >>> is_allowed_tag("details", p), "open" in p.allowed_attributes("details")
        (True, True)
        """
        new_tags = frozenset(_lower_ascii(t) for t in tags)
        table = {t: set(v) for t, v in self.attributes.items()}
        for tag in new_tags:
            table.setdefault(tag, set(_COMMON))
        for tag, names in (attributes or {}).items():
            table.setdefault(_lower_ascii(tag), set()).update(_lower_ascii(a) for a in names)
        return replace(
            self,
            tags=self.tags | new_tags,
            attributes={t: frozenset(v) for t, v in table.items()},
            global_attributes=self.global_attributes | frozenset(global_attributes),
            url_attributes=self.url_attributes | frozenset(url_attributes),
            protocols=self.protocols + tuple(protocols),
            allow_relative_urls=(
                self.allow_relative_urls if allow_relative_urls is None else allow_relative_urls
            ),
            allow_unsafe=self.allow_unsafe if allow_unsafe is None else allow_unsafe,
        )

    @classmethod
    def for_site(cls, config: SiteConfig, **changes: Any) -> SanitizerPolicy:
        """The default rules with the URL protocols of ``config`` (a wiki's ``$wgUrlProtocols``)."""
        return cls(protocols=tuple(config.protocols), **changes)


DEFAULT_POLICY = SanitizerPolicy()

# --------------------------------------------------------------------------- escaping


def escape_text(s: str) -> str:
    """Escape text for an HTML text node: ``& < >`` become character references."""
    return (
        s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\x00", "\ufffd")
    )


_ATTR_SPECIAL = re.compile("[&<>\"'\t\n\r\x00]")


def escape_attr(s: str) -> str:
    """Escape a value for a double- or single-quoted attribute.  Tab, LF and CR are written as
    references so that the value survives whitespace normalisation unchanged."""
    if _ATTR_SPECIAL.search(s) is None:
        return s
    # chained replace (``&`` first): str.translate with a dict of strings is 15x slower
    return (
        s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace('"', "&quot;").replace("'", "&#39;").replace("\t", "&#9;")
        .replace("\n", "&#10;").replace("\r", "&#13;").replace("\x00", "\ufffd")
    )


def format_attributes(attrs: Iterable[tuple[str, str]]) -> str:
    """`` name="value"`` for each (already sanitised) pair, values escaped; ``""`` for none."""
    if not attrs:
        return ""
    return "".join(f' {name}="{escape_attr(value)}"' for name, value in attrs)


# --------------------------------------------------------------------------- ids and classes

_ID_SPACE = str.maketrans({c: "_" for c in "\t\n\f\r "})


def escape_id(value: str, max_length: int = 1024) -> str:
    """An ``id`` value: HTML5 ids may hold anything but whitespace, which becomes ``_``; very
    long ids are truncated (griefer protection, as MediaWiki does)."""
    return value[:max_length].translate(_ID_SPACE)


_CLASS_UGLY = re.compile(r"^[0-9-]|[\x00-\x20!\"#$%&'()*+,./:;<=>?@\[\\\]^`{|}~\xa0]")


def escape_class(value: str) -> str:
    """A single CSS class name made from arbitrary text: punctuation, whitespace and a leading
    digit or hyphen become ``_``, runs of ``_`` collapse and trailing ones go."""
    return re.sub("_+", "_", _CLASS_UGLY.sub("_", value)).rstrip("_")


# --------------------------------------------------------------------------- URLs

_C0_AND_SPACE = "".join(map(chr, range(0x21)))
_URL_CONTROL = re.compile(r"[\x00-\x20\x7f\"<>]")
_URL_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_URL_HOST = re.compile(r"^([^:/?#]*:)?(//[^/?#]*)")
# Characters ignored in internationalised host names: removed so the host is what it looks like.
_IDN_IGNORED = re.compile(
    "[\\s\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)


def _percent(m: re.Match[str]) -> str:
    char = m.group(0)
    return "+" if char == " " and m.re is _CLEAN_URL_ESCAPE else "%{:02X}".format(ord(char))


_CLEAN_URL_ESCAPE = re.compile(r"[\[\]<>\"\x00-\x20\x7f|]")
_ESCAPED_IPV6_HOST = re.compile(r"//%5B([0-9A-Fa-f:.]+)%5D((?::\d+)?)$")


def _clean_host(u: str) -> str:
    """``u`` with the characters IDN host names ignore removed from its host; an escaped IPv6
    host gets its brackets back."""
    host = _URL_HOST.match(u)
    if host and host.group(2):
        clean_host = _IDN_IGNORED.sub("", host.group(2))
        ipv6 = _ESCAPED_IPV6_HOST.match(clean_host)
        if ipv6:
            clean_host = f"//[{ipv6.group(1)}]{ipv6.group(2)}"
        if clean_host != host.group(2):
            u = (host.group(1) or "") + clean_host + u[host.end():]
    return u


def clean_url(url: str) -> str:
    """A link's URL as MediaWiki writes it (``Sanitizer::cleanUrl``): character references
    decoded, brackets, ``<>"|``, spaces and controls percent-encoded as PHP's ``urlencode``
    does (a space as ``+``), IDN-ignored characters removed from the host.  A free link's
    text is this URL too (``http://a.org/?a&#124;b`` shows ``http://a.org/?a%7Cb``)."""
    return _clean_host(_CLEAN_URL_ESCAPE.sub(_percent, decode_entities(url)))


def safe_url(
    url: str, policy: SanitizerPolicy = DEFAULT_POLICY, *, relative: bool | None = None
) -> str | None:
    """The URL to write into an ``href``/``src``, or None when it must be dropped.

    Character references are decoded, surrounding whitespace and control characters trimmed,
    inner ones percent-encoded (so no tab or newline can hide a scheme), characters that
    internationalised host names ignore are removed from the host.  The result must then start
    with one of ``policy.protocols`` (case-insensitive; ``//`` is protocol-relative) and have
    something after it.  Relative URLs (no scheme at all: ``/wiki/X``, ``#frag``) pass only if
    ``relative`` (default: ``policy.allow_relative_urls``) is true.
    """
    u = decode_entities(url).strip(_C0_AND_SPACE)
    u = _clean_host(_URL_CONTROL.sub(_percent, u))
    lowered = u.lower()
    for proto in policy.protocols:
        if lowered.startswith(proto) and len(u) > len(proto):
            return u
    allow_relative = policy.allow_relative_urls if relative is None else relative
    if allow_relative and u and not _URL_SCHEME.match(u):
        return u
    return None


def _safe_srcset(value: str, policy: SanitizerPolicy) -> str | None:
    candidates = []
    for part in value.split(","):
        bits = part.split()
        if not bits:
            continue
        url = safe_url(bits[0], policy)
        if url is None:
            return None
        candidates.append(" ".join([url, *bits[1:]]))
    return ", ".join(candidates) if candidates else None


# --------------------------------------------------------------------------- CSS

_CSS_ESCAPE = re.compile(
    r"\\(?:(\r\n|[\n\r\f])|([0-9A-Fa-f]{1,6})(?:\r\n|[ \t\r\n\f])?|(.)|$)", re.S
)
_CSS_SINGLE_COMMENT = re.compile(r"\s*/\*[^*/]*\*/\s*")
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_CSS_WHITESPACE = re.compile(r"\s+")
_CSS_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_CSS_INSECURE = re.compile(
    r"""
      expression
    | filter \s* : \s* progid        # IE's DirectX filters (modern CSS filter: is allowed)
    | -ms-filter
    | accelerator \s* :
    | -o-link \s* :
    | -o-link-source \s* :
    | -o-replace \s* :
    | behavior \s* :                 # IE .htc behaviours
    | -moz-binding                   # Firefox XBL
    | @import
    | (?: java | vb | live ) script \s* :
    | url \s* \(
    | src \s* \(
    | image \s* \(
    | image-set \s* \(
    | attr \s* \( [^)]* (?: url | src | image | type \s* \( )
    """,
    re.I | re.X,
)
# Letters that old browsers read as their ASCII look-alikes (IPA small capitals).
_LOOKALIKES = str.maketrans({
    "\u0280": "r", "\u0274": "n", "\u026a": "i", "\u028f": "y", "\u029f": "l", "\u0262": "g",
    "\u029c": "h", "\u0299": "b", "\u1d00": "a", "\u1d07": "e", "\u1d18": "p", "\u1d1b": "t",
    "\u1d0f": "o", "\u0455": "s", "\u0441": "c", "\u0445": "x", "\u0435": "e", "\u043e": "o",
    "\u0440": "p", "\u0430": "a",
})


def _css_unescape(m: re.Match[str]) -> str:
    if m.group(1) is not None:  # escaped newline: a line continuation
        return ""
    if m.group(2) is not None:
        cp = int(m.group(2), 16)
        char = chr(cp) if 0 < cp <= 0x10FFFF and not 0xD800 <= cp <= 0xDFFF else "\ufffd"
    elif m.group(3) is not None:
        char = m.group(3)
    else:  # backslash at the very end
        char = "\\"
    if char in "\n\"'\\":
        # these must stay escaped inside CSS strings: write them back in a canonical form
        return "\\%x " % ord(char)
    return char


def normalize_css(value: str) -> str:
    """CSS as a browser would read it, for checking: character references and CSS escapes
    decoded, comments replaced by a space (unless the whole value is one comment), anything
    after an unterminated ``/*`` dropped."""
    value = decode_entities(value)
    value = _CSS_ESCAPE.sub(_css_unescape, value)
    if _CSS_SINGLE_COMMENT.fullmatch(value):
        return value
    value = _CSS_COMMENT.sub(" ", value)
    cut = value.find("/*")
    return value if cut < 0 else value[:cut]


def check_css(style: str) -> str:
    """Check a ``style`` value; return it normalised (see :func:`normalize_css`), or
    ``/* invalid control char */`` / ``/* insecure input */`` in place of the whole value.

    Rejected, after normalising, and also after folding full-width and look-alike letters to
    ASCII and removing all whitespace: ``expression``, ``url(``, ``src(``, ``image(``, ``image-set(``, ``attr(`` with a URL
    or typed value, ``behavior:``, ``-moz-binding``, ``@import``, ``javascript:``, IE's
    ``filter: progid``, Opera's ``-o-link``.  ``var(--x)`` is allowed: its fallback is checked
    like the rest, and custom properties defined inline pass the same checks.
    """
    value = normalize_css(style)
    if _CSS_CONTROL.search(value):
        return "/* invalid control char */"
    folded = unicodedata.normalize("NFKC", value).translate(_LOOKALIKES)
    # also without any whitespace: old engines read a comment as nothing ("exp/**/ression")
    squeezed = _CSS_WHITESPACE.sub("", folded)
    if any(_CSS_INSECURE.search(v) for v in (value, folded, squeezed)):
        return "/* insecure input */"
    return value


# --------------------------------------------------------------------------- tags and attributes

_EVIL_URI = re.compile(
    r"(?:^|[\s\x00-\x1f]|\*/)\s*(?:javascript|vbscript|livescript|mocha)(?:\W|$)|(?:^|\s)data\s*:",
    re.I,
)
_ATTR_SPACE = re.compile(r"[\t\r\n ]+")


def _valid_attribute_name(name: str) -> bool:
    if not name or not (name[0] in ":_" or name[0].isalnum()):
        return False
    return all(c in ":_.-" or c.isalnum() for c in name[1:])


def is_allowed_tag(name: str, policy: SanitizerPolicy = DEFAULT_POLICY) -> bool:
    """May an element called ``name`` be written in wikitext (case-insensitive)?"""
    return _lower_ascii(name) in policy.tags


def validate_tag(
    name: str, attrs: Sequence[tuple[str, str]], policy: SanitizerPolicy = DEFAULT_POLICY
) -> bool:
    """Element-level rules that depend on attributes, checked on *sanitised* attributes:
    ``<meta>`` needs ``itemprop`` and ``content``, ``<link>`` needs ``itemprop`` and a safe
    ``href`` (they are microdata carriers, nothing else).  False: show the tag as text."""
    tag = _lower_ascii(name)
    if not is_allowed_tag(tag, policy):
        return False
    names = {a for a, _ in attrs}
    if tag == "meta":
        return "itemprop" in names and "content" in names
    if tag == "link":
        return "itemprop" in names and "href" in names
    return True


def _is_data_attribute(name: str, policy: SanitizerPolicy) -> bool:
    return (
        policy.data_attributes
        and name.startswith("data-")
        and ":" not in name
        and not name.startswith(policy.reserved_data_attributes)
    )


def sanitize_attributes(
    tag: str,
    attrs: Iterable[tuple[str, str | None]],
    policy: SanitizerPolicy = DEFAULT_POLICY,
) -> list[tuple[str, str]]:
    """The safe subset of ``attrs`` (name, raw value as written; None for a bare attribute) for
    element ``tag``, as (lower-case name, decoded value) pairs in first-seen order.

    Dropped: names not allowed for ``tag`` (``data-*`` aside), reserved ``data-mw*`` names,
    URL attributes whose value fails :func:`safe_url`, RDFa/microdata values naming a script
    scheme, ``tabindex`` other than 0, an empty ``id``, ``itemtype``/``itemid``/``itemref`` without
    ``itemscope``.  Changed: whitespace runs collapse to one space and are trimmed, character
    references are decoded, ``style`` goes through :func:`check_css`, ``id`` (and the id lists
    of ``aria-*``) through :func:`escape_id`.  A repeated name keeps its last value.
    """
    tag = _lower_ascii(tag)
    allowed = policy.allowed_attributes(tag)
    out: dict[str, str] = {}
    for raw_name, raw_value in attrs:
        name = _lower_ascii(raw_name)
        if not _valid_attribute_name(name):
            continue
        value = decode_entities(_ATTR_SPACE.sub(" ", raw_value or "").strip(" "))
        if name.startswith("xmlns:"):
            if re.fullmatch(r"xmlns:[:A-Z_a-z.0-9-]+", name) and not _EVIL_URI.search(value):
                out[name] = value
            continue
        if name not in allowed and not _is_data_attribute(name, policy):
            continue
        if (name.startswith("on") or name in UNSAFE_ATTRIBUTES) and not policy.allow_unsafe:
            continue  # unreachable through a checked policy; kept as a second line of defence
        cleaned = _clean_value(name, value, policy)
        if cleaned is not None:
            out[name] = cleaned
    if "itemscope" not in out:
        for name in _ITEMSCOPE_DEPENDENT:
            out.pop(name, None)
    return list(out.items())


def _clean_value(name: str, value: str, policy: SanitizerPolicy) -> str | None:
    if name == "style":
        return check_css(value)
    if name == "id":  # an empty id is no id (MediaWiki drops it: ``<br id="" />``)
        return escape_id(value, policy.max_id_length) if value else None
    if name in _ID_REFERENCE_ATTRIBUTES:
        return " ".join(escape_id(v, policy.max_id_length) for v in value.split())
    if name in _URI_LIKE_ATTRIBUTES and _EVIL_URI.search(value):
        return None
    if name == "srcset":
        return _safe_srcset(value, policy)
    if name in policy.url_attributes or name in _BROWSER_URL_ATTRIBUTES:
        return safe_url(value, policy)
    if name == "tabindex" and value != "0":
        return None
    return value
