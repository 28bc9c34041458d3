"""Core parser functions (``lc uc … #tag ns fullurl formatnum plural #language #formatdate``),
and the registry the expander looks names up in (core, ParserFunctions, ``#invoke``)."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Callable
from urllib.parse import quote, quote_plus

from .conditionals import PARSER_FUNCTIONS
from .timefmt import MONTHS
from .titles import make_title, ucfirst
from .variables import VARIABLES, _TITLE_NAMES, escape_wikitext, title_function, wiki_urlencode

if TYPE_CHECKING:
    from .calls import Call

FunctionImpl = Callable[["Call"], str]


def _lcfirst(s: str) -> str:
    return s[:1].lower() + s[1:]


def urlencode(call: Call) -> str:
    text = kill_markers(call, call.first)
    kind = call.arg(1).upper()
    if kind == "WIKI":
        return wiki_urlencode(text)
    if kind == "PATH":
        return quote(text, safe="-_.~")
    return quote_plus(text, safe="-_.")


def kill_markers(call: Call, text: str) -> str:
    """``text`` without its extension tags (MediaWiki's ``killMarkers`` on strip markers)."""
    if "<" not in text:
        return text
    from .tree import ExtTag, build_tree

    tree = build_tree(text, call.expander.tags)
    if not any(isinstance(x, ExtTag) for x in tree):
        return text
    return "".join(str(x) if isinstance(x, str) else getattr(x, "text", "")
                   for x in tree if not isinstance(x, ExtTag))


def anchorencode(call: Call) -> str:
    text = kill_markers(call, call.first)
    text = re.sub(r"\[\[(?:[^\]|]*\|)?([^\]]*)\]\]", r"\1", text)
    text = html.unescape(text).replace("_", " ")
    text = " ".join(text.split()).replace(" ", "_").replace("%", "%25")
    return html.escape(text, quote=True).replace("'", "&#039;")


_RTL = frozenset({"ar", "he", "fa", "ur", "yi", "arz", "ps", "ckb", "dv", "sd", "ug"})


def _pad(call: Call, left: bool) -> str:
    text = kill_markers(call, call.first)
    try:
        length = min(int(call.arg(1) or 0), 500)
    except ValueError:
        return text
    pad = call.arg(2) if len(call) > 2 else "0"
    if not pad:
        pad = "0"
    missing = length - len(text)
    if missing <= 0:
        return text
    filler = (pad * (missing // len(pad) + 1))[:missing]
    return filler + text if left else text + filler


_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _group(digits: str) -> str:
    out = []
    while len(digits) > 3:
        out.append(digits[-3:])
        digits = digits[:-3]
    out.append(digits)
    return ",".join(reversed(out))


def formatnum(call: Call) -> str:
    text = call.first
    option = call.arg(1).upper()
    if option in ("R", "NOSEP"):
        if option == "R":
            return text.replace(",", "")
        return text
    def one(m: re.Match[str]) -> str:
        whole, _, frac = m.group(0).partition(".")
        return _group(whole) + ("." + frac if frac else "")
    if "," in text:
        return text
    return _NUMBER.sub(one, text)


def tag(call: Call) -> str:
    name = call.first.lower().strip()
    if not re.fullmatch(r"[a-z][a-z0-9_:.-]*", name):
        return f'<span class="error">Unknown extension tag "{html.escape(name)}"</span>'
    content: str | None = call.arg(1) if len(call) > 1 else None
    if len(call) > 1:
        part = call.parts[0]
        content = call.expand(part.items)  # the content is not trimmed
    attrs = []
    for i in range(2, len(call)):
        key, value = call.split(i)
        if key is None:
            continue
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        attrs.append(f' {key}="{html.escape(value, quote=True)}"')
    if content is None:
        return f"<{name}{''.join(attrs)}/>"
    return f"<{name}{''.join(attrs)}>{content}</{name}>"


def ns(call: Call, encode: bool = False) -> str:
    key = call.first
    config = call.expander.config
    number: int | None
    if re.fullmatch(r"-?\d+", key):
        number = int(key)
        if number not in config.namespaces:
            return ""
    else:
        number = config.namespace_of(key.replace("_", " "))
        if number is None:
            return ""
    name = config.namespace_name(number)
    return wiki_urlencode(name) if encode else name


def _url(call: Call, kind: str) -> str:
    title = make_title(call.first, call.expander.config)
    if title is None:
        return ""
    query = call.arg(1)
    settings = call.expander.settings
    name = wiki_urlencode(title.full)
    if query:
        local = f"{settings.script_path}/index.php?title={name}&{query}"
    else:
        local = call.expander.config.article_path.replace("$1", name)
    if kind == "local":
        return local
    server = settings.server
    if kind == "canonical" and server.startswith("//"):
        server = "https:" + server
    return server + local


def filepath(call: Call) -> str:
    url = call.expander.file_url(call.first)
    return url or ""


def message(call: Call, name: str, args: list[str]) -> str | None:
    """The text of interface message ``name`` with ``$1``… filled in: the store's
    ``MediaWiki:Name`` page first, then the few built-in English messages; ``None`` if neither."""
    key = ucfirst(name.strip().replace("_", " "))
    text = call.expander.page_text(f"MediaWiki:{key}")
    if text is None:
        text = MESSAGES.get(key[:1].lower() + key[1:].replace(" ", "_"))
    if text is None:
        return None
    for i, value in enumerate(args, 1):
        text = text.replace(f"${i}", value)
    return text


#: English interface messages a page may show through ``{{int:…}}``/``{{MediaWiki:…}}``
MESSAGES = {
    "mainpage": "Main Page", "history_short": "History", "edit": "Edit",
    "new-messages": "You have $1 ($2).", "talk": "Discussion", "search": "Search", "ok": "OK",
    "category-header": "Pages in category \"$1\"", "pagecategories": "Categories",
}


def int_(call: Call) -> str:
    found = message(call, call.first, call.args()[1:])
    if found is None:
        return f"⧼{html.escape(call.first)}⧽"
    tree_text = found
    from .tree import build_tree

    return call.expander.expand(build_tree(tree_text, call.expander.tags), call.frame)


_LANGUAGES = {
    "en": ("English", {}), "de": ("Deutsch", {"en": "German"}), "fr": ("français", {"en": "French"}),
    "es": ("español", {"en": "Spanish"}), "it": ("italiano", {"en": "Italian"}),
    "ru": ("русский", {"en": "Russian"}), "ja": ("日本語", {"en": "Japanese"}),
    "zh": ("中文", {"en": "Chinese"}), "nl": ("Nederlands", {"en": "Dutch"}),
    "pl": ("polski", {"en": "Polish"}), "pt": ("português", {"en": "Portuguese"}),
    "sv": ("svenska", {"en": "Swedish"}), "ar": ("العربية", {"en": "Arabic"}),
    "he": ("עברית", {"en": "Hebrew"}), "fi": ("suomi", {"en": "Finnish"}),
    "ko": ("한국어", {"en": "Korean"}), "cs": ("čeština", {"en": "Czech"}),
    "el": ("Ελληνικά", {"en": "Greek"}), "tr": ("Türkçe", {"en": "Turkish"}),
    "hu": ("magyar", {"en": "Hungarian"}), "uk": ("українська", {"en": "Ukrainian"}),
    "la": ("Latina", {"en": "Latin"}), "mi": ("Māori", {"en": "Maori"}),
}


def language(call: Call) -> str:
    code = call.first.lower()
    target = call.arg(1).lower()
    entry = _LANGUAGES.get(code)
    if entry is None:
        return code
    name, translations = entry
    if target and target != code:
        return translations.get(target, name)
    return name


def _plural_number(s: str) -> float:
    try:
        return float(s.replace(",", ""))
    except ValueError:
        return 1.0


def plural(call: Call) -> str:
    forms = call.args()[1:]
    if not forms:
        return ""
    number = _plural_number(call.first)
    explicit = []
    plain = []
    for form in forms:
        m = re.match(r"^(\d+)=(.*)$", form, re.S)
        if m:
            explicit.append((int(m.group(1)), m.group(2)))
        else:
            plain.append(form)
    for value, text in explicit:
        if number == value:
            return text
    if not plain:
        return ""
    if number == 1:
        return plain[0]
    return plain[1] if len(plain) > 1 else plain[0]


def gender(call: Call) -> str:
    forms = call.args()[1:]
    if not forms:
        return ""
    return forms[2] if len(forms) > 2 else forms[0]


def grammar(call: Call) -> str:
    return call.arg(1)


#: canonical names of common special pages (lower-cased name or alias -> name)
SPECIAL_PAGES = {name.lower(): name for name in (
    "AllPages", "Badtitle", "BookSources", "Categories", "Contributions", "Export", "Import",
    "ListUsers", "Log", "MovePage", "NewPages", "Preferences", "PrefixIndex", "Random",
    "RecentChanges", "RecentChangesLinked", "Search", "SpecialPages", "Statistics", "Upload",
    "UserLogin", "UserLogout", "Version", "WantedPages", "Watchlist", "WhatLinksHere",
    "EmailUser", "Block", "ProtectedPages", "Redirect", "ComparePages", "Diff", "PermanentLink",
)}
SPECIAL_PAGES.update({"randompage": "Random", "prefixindex": "PrefixIndex",
                      "userlogin": "UserLogin", "blockip": "Block", "permalink": "PermanentLink"})


def special(call: Call, encode: bool = False) -> str:
    name, _, sub = call.first.partition("/")
    prefix = call.expander.config.namespace_name(-1)
    page = SPECIAL_PAGES.get(name.strip().replace(" ", "").replace("_", "").lower(),
                             ucfirst(name.strip()))
    text = f"{prefix}:{page}" + (f"/{sub}" if sub else "")
    return wiki_urlencode(text) if encode else text


_ISO_DATE = re.compile(r"(-?\d{4})-(\d{2})-(\d{2})$")
_MDY_DATE = re.compile(r"([A-Za-z]+)\.? (\d{1,2})(?:,? (\d{1,4}))?$")
_DMY_DATE = re.compile(r"(\d{1,2}) ([A-Za-z]+)\.?(?: (\d{1,4}))?$")
_YMD_DATE = re.compile(r"(\d{1,4}) ([A-Za-z]+) (\d{1,2})$")
_MONTH_NAMES = {m.lower(): i + 1 for i, m in enumerate(MONTHS)}
_MONTH_NAMES.update({m[:3].lower(): i + 1 for i, m in enumerate(MONTHS)})


def _read_date(text: str) -> tuple[str, int | None, int, int] | None:
    """``(format, year, month, day)`` of a date ``#formatdate`` recognises."""
    m = _ISO_DATE.match(text)
    if m:
        return "iso 8601", int(m.group(1)), int(m.group(2)), int(m.group(3))
    for fmt, pattern, order in (("mdy", _MDY_DATE, (3, 1, 2)), ("dmy", _DMY_DATE, (3, 2, 1)),
                                ("ymd", _YMD_DATE, (1, 2, 3))):
        m = pattern.match(text)
        if m:
            y, mo, d = (m.group(k) for k in order)
            month = _MONTH_NAMES.get(mo.lower())
            if month is None:
                return None
            return fmt, int(y) if y else None, month, int(d)
    return None


def _year(y: int) -> str:
    return str(y) if y > 0 else f"{1 - y} BC"


def formatdate(call: Call) -> str:
    """``{{#formatdate:date|format}}``: MediaWiki's DateFormatter (``dmy``, ``mdy``, ``ymd``,
    ``ISO 8601``; without a format the date keeps its own), wrapped as MediaWiki wraps it."""
    text = call.first
    found = _read_date(" ".join(text.split()))
    if found is None:
        return text
    source_format, year, month, day = found
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return text
    fmt = call.arg(1).lower() or source_format
    name = MONTHS[month - 1]
    if fmt == "dmy":
        out = f"{day} {name}" + (f" {_year(year)}" if year is not None else "")
    elif fmt == "mdy":
        out = f"{name} {day}" + (f", {_year(year)}" if year is not None else "")
    elif fmt == "ymd":
        out = (f"{_year(year)} " if year is not None else "") + f"{name} {day}"
    elif fmt == "iso 8601" and year is not None:
        out = f"{'-' if year < 0 else ''}{abs(year):04d}-{month:02d}-{day:02d}"
    else:
        return text
    iso = f"{month:02d}-{day:02d}"
    if year is not None:
        iso = f"{'-' if year < 0 else ''}{abs(year):04d}-" + iso
    return f'<span class="mw-formatted-date" title="{iso}">{out}</span>'


def displaytitle(call: Call) -> str:
    call.expander.page_state["displaytitle"] = call.first
    return ""


def defaultsort(call: Call) -> str:
    call.expander.page_state["defaultsort"] = call.first
    return ""


def pagesize(call: Call) -> str:
    title = make_title(call.first, call.expander.config)
    if title is None:
        return "0"
    if title.full == call.expander.title.full:
        text: str | None = call.expander.page_source
    else:
        text = call.expander.page_text(title.full)
    size = len(text.encode("utf-8")) if text is not None else 0
    return str(size) if call.arg(1).upper() == "R" else _group(str(size))


def contentmodel(call: Call) -> str:
    """``{{#contentmodel:local|Title}}``: the content model of a page, by its name's suffix."""
    which = call.first.lower() or "local"
    title = make_title(call.arg(1), call.expander.config) if call.arg(1) else call.expander.title
    name = title.full.lower() if title is not None else ""
    if title is not None and title.ns in (2, 8) and name.endswith(".css"):
        model = ("CSS", "css")
    elif title is not None and title.ns in (2, 8) and name.endswith(".js"):
        model = ("JavaScript", "javascript")
    elif title is not None and name.endswith(".json") and title.ns in (2, 8):
        model = ("JSON", "json")
    else:
        model = ("wikitext", "wikitext")
    return model[1] if which == "canonical" else model[0]


def isbn(call: Call) -> str:
    digits = re.sub(r"[^0-9Xx]", "", call.first)
    if len(digits) not in (10, 13):
        return call.first
    return f"[[Special:BookSources/{digits.upper()}|ISBN {call.first}]]"


def bidi(call: Call) -> str:
    text = call.first
    rtl = any("\u0590" <= ch <= "\u08ff" for ch in text)
    return ("\u202b" if rtl else "\u202a") + text + "\u202c"


def invoke(call: Call) -> str:
    from .invoking import invoke as run

    return run(call)


def _revision(call: Call, name: str) -> str:
    """``{{REVISIONID:Title}}``…: the current page's revision; other pages have none offline."""
    title = make_title(call.first, call.expander.config) if call.first else call.expander.title
    if title is None or title.full != call.expander.title.full:
        return ""
    if name in ("REVISIONID", "REVISIONUSER") and not call.expander.settings.saved:
        return ""
    return VARIABLES[name](call.expander, call.frame)


def _title_function(name: str) -> FunctionImpl:
    return lambda call: title_function(name, call.first, call.expander)


def _zero(call: Call) -> str:
    return "0"


def _empty(call: Call) -> str:
    return ""


FUNCTIONS: dict[str, FunctionImpl] = {
    "lc": lambda c: c.first.lower(),
    "uc": lambda c: c.first.upper(),
    "lcfirst": lambda c: _lcfirst(c.first),
    "ucfirst": lambda c: ucfirst(c.first),
    "urlencode": urlencode,
    "anchorencode": anchorencode,
    "padleft": lambda c: _pad(c, True),
    "padright": lambda c: _pad(c, False),
    "formatnum": formatnum,
    "#tag": tag,
    "ns": ns,
    "nse": lambda c: ns(c, True),
    "localurl": lambda c: _url(c, "local"),
    "localurle": lambda c: html.escape(_url(c, "local")),
    "fullurl": lambda c: _url(c, "full"),
    "fullurle": lambda c: html.escape(_url(c, "full")),
    "canonicalurl": lambda c: _url(c, "canonical"),
    "canonicalurle": lambda c: html.escape(_url(c, "canonical")),
    "filepath": filepath,
    "int": int_,
    "#language": language,
    "plural": plural,
    "grammar": grammar,
    "gender": gender,
    "#special": special,
    "#speciale": lambda c: special(c, True),
    "#formatdate": formatdate,
    "#dateformat": formatdate,
    "displaytitle": displaytitle,
    "defaultsort": defaultsort,
    "defaultsortkey": defaultsort,
    "defaultcategorysort": defaultsort,
    "pagesize": pagesize,
    "pagesincategory": _zero,
    "pagesinnamespace": _zero,
    "pagesinns": _zero,
    "numberofpages": _zero, "numberofarticles": _zero, "numberoffiles": _zero,
    "numberofusers": _zero, "numberofactiveusers": _zero, "numberofedits": _zero,
    "numberofadmins": _zero, "numberingroup": _zero,
    "protectionlevel": _empty, "protectionexpiry": _empty, "cascadingsources": _empty,
    "pageid": _empty,
    "revisionid": lambda c: _revision(c, "REVISIONID"),
    "revisionuser": lambda c: _revision(c, "REVISIONUSER"),
    "revisionday": lambda c: _revision(c, "REVISIONDAY"),
    "revisionday2": lambda c: _revision(c, "REVISIONDAY2"),
    "revisionmonth": lambda c: _revision(c, "REVISIONMONTH"),
    "revisionmonth1": lambda c: _revision(c, "REVISIONMONTH1"),
    "revisionyear": lambda c: _revision(c, "REVISIONYEAR"),
    "revisiontimestamp": lambda c: _revision(c, "REVISIONTIMESTAMP"),
    "noexternallanglinks": _empty,
    "bidi": bidi,
    "#contentmodel": contentmodel,
    "#dir": lambda c: "rtl" if c.first.lower().split("-")[0] in _RTL else "ltr",
    "#bcp47": lambda c: c.first.lower(),
    "#isbn": isbn,
    "#invoke": invoke,
    **PARSER_FUNCTIONS,
}
for _name in _TITLE_NAMES:
    FUNCTIONS[_name.lower()] = _title_function(_name)
    FUNCTIONS[_name.lower() + "e"] = _title_function(_name + "E")
FUNCTIONS["namespacenumber"] = lambda c: str(
    (make_title(c.first, c.expander.config) or c.expander.title).ns)

__all__ = ["FUNCTIONS", "VARIABLES", "escape_wikitext"]
