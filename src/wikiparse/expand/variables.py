"""Magic-word variables: ``{{PAGENAME}}``, ``{{CURRENTYEAR}}``, ``{{SITENAME}}``, ``{{!}}``…

Values come from the page title (an argument of ``expand``), the injected clock and the
expansion settings, never from the machine, so output is reproducible.  Page-name variables are
escaped as MediaWiki's ``wfEscapeWikiText`` does (a title's ``'`` must not start bold text).
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Callable
from urllib.parse import quote

from .timefmt import format_time
from .titles import Title, make_title, subject_title, talk_title

if TYPE_CHECKING:
    from .calls import ExpanderLike as Expander, Frame

VariableImpl = Callable[["Expander", "Frame"], str]

_ESCAPES = {'"': "&#34;", "&": "&#38;", "'": "&#39;", "<": "&#60;", "=": "&#61;", ">": "&#62;",
            "[": "&#91;", "]": "&#93;", "{": "&#123;", "|": "&#124;", "}": "&#125;", ";": "&#59;"}
_ESCAPE_RE = re.compile("[" + re.escape("".join(_ESCAPES)) + "]")
_LINE_START = {"#": "&#35;", "*": "&#42;", ":": "&#58;", " ": "&#32;", "\n": "&#10;",
               "\r": "&#13;", "\t": "&#9;"}


def escape_wikitext(text: str) -> str:
    """MediaWiki's ``wfEscapeWikiText``: text that renders as itself, markup characters as
    numeric entities (``'`` → ``&#39;``, ``[`` → ``&#91;`` …)."""
    out = _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group(0)], text)
    if out[:1] in _LINE_START:
        out = _LINE_START[out[0]] + out[1:]
    out = re.sub(r"\n([#*: \n\r\t])", lambda m: "\n" + _LINE_START[m.group(1)], out)
    out = out.replace("__", "_&#95;").replace("://", "&#58;//")
    out = re.sub(r"\b(ISBN|RFC|PMID) ", r"\1&#32;", out)
    out = re.sub(r"~{3,}", lambda m: "&#126;" * len(m.group(0)), out)
    return out


def wiki_urlencode(text: str) -> str:
    """MediaWiki's ``wfUrlencode``: spaces as ``_``, ``/:;@$!*(),~`` kept."""
    return quote(text.replace(" ", "_"), safe="/:;@$!*(),~")


def _now(expander: Expander) -> datetime:
    return expander.clock.astimezone(timezone.utc)


def _time(fmt: str) -> VariableImpl:
    return lambda e, f: format_time(fmt, _now(e))


def _revision(fmt: str) -> VariableImpl:
    def value(e: Expander, f: Frame) -> str:
        stamp = e.settings.revision_timestamp or e.clock
        return format_time(fmt, stamp.astimezone(timezone.utc))
    return value


def title_variables(name: str, title: Title, expander: Expander) -> str | None:
    """The page-name variable ``name`` (``PAGENAME``, ``TALKSPACEE``…) of ``title``."""
    config = expander.config
    encoded = name.endswith("E") and name[:-1] in _TITLE_NAMES
    base = name[:-1] if encoded else name
    value: str | None
    if base == "PAGENAME":
        value = title.name
    elif base == "FULLPAGENAME":
        value = title.full
    elif base == "BASEPAGENAME":
        value = title.base
    elif base == "ROOTPAGENAME":
        value = title.root
    elif base == "SUBPAGENAME":
        value = title.sub
    elif base in ("ARTICLEPAGENAME", "SUBJECTPAGENAME"):
        value = subject_title(title, config).full
    elif base == "TALKPAGENAME":
        value = talk_title(title, config).full if title.ns >= 0 else ""
    elif base == "NAMESPACE":
        value = title.prefix
    elif base == "NAMESPACENUMBER":
        return str(title.ns)
    elif base == "TALKSPACE":
        value = talk_title(title, config).prefix if title.ns >= 0 else ""
    elif base in ("SUBJECTSPACE", "ARTICLESPACE"):
        value = subject_title(title, config).prefix
    else:
        return None
    return escape_wikitext(wiki_urlencode(value) if encoded else value)


_TITLE_NAMES = ("PAGENAME", "FULLPAGENAME", "BASEPAGENAME", "ROOTPAGENAME", "SUBPAGENAME",
                "ARTICLEPAGENAME", "SUBJECTPAGENAME", "TALKPAGENAME", "NAMESPACE", "TALKSPACE",
                "SUBJECTSPACE", "ARTICLESPACE")


def _title_variable(name: str) -> VariableImpl:
    def value(e: Expander, f: Frame) -> str:
        return title_variables(name, e.title, e) or ""
    return value


def title_function(name: str, argument: str, expander: Expander) -> str:
    """``{{PAGENAME:Some title}}``: the variable applied to another title."""
    title = make_title(argument, expander.config) if argument else expander.title
    if title is None:
        return ""
    return title_variables(name, title, expander) or ""


def _settings(attr: str) -> VariableImpl:
    return lambda e, f: str(getattr(e.settings, attr) or "")


VARIABLES: dict[str, VariableImpl] = {
    "!": lambda e, f: "|",
    "=": lambda e, f: "=",
    "CURRENTYEAR": _time("Y"), "CURRENTMONTH": _time("m"), "CURRENTMONTH1": _time("n"),
    "CURRENTMONTH2": _time("m"), "CURRENTMONTHNAME": _time("F"),
    "CURRENTMONTHNAMEGEN": _time("xg"), "CURRENTMONTHABBREV": _time("M"),
    "CURRENTDAY": _time("j"), "CURRENTDAY2": _time("d"), "CURRENTDOW": _time("w"),
    "CURRENTDAYNAME": _time("l"), "CURRENTTIME": _time("H:i"), "CURRENTHOUR": _time("H"),
    "CURRENTWEEK": lambda e, f: str(int(format_time("W", _now(e)))),
    "CURRENTTIMESTAMP": _time("YmdHis"),
    "SITENAME": _settings("site_name"),
    "SERVER": _settings("server"),
    "SERVERNAME": lambda e, f: e.settings.server.split("//", 1)[-1],
    "SCRIPTPATH": _settings("script_path"),
    "STYLEPATH": lambda e, f: e.settings.script_path + "/skins",
    "CURRENTVERSION": lambda e, f: "1.44.0",
    "CONTENTLANGUAGE": lambda e, f: e.config.lang,
    "CONTENTLANG": lambda e, f: e.config.lang,
    "DIRECTIONMARK": lambda e, f: "\u200e",
    "DIRMARK": lambda e, f: "\u200e",
    "PAGEID": lambda e, f: "",
    "REVISIONID": lambda e, f: "" if e.settings.revision_id is None else str(e.settings.revision_id),
    "REVISIONDAY": _revision("j"), "REVISIONDAY2": _revision("d"),
    "REVISIONMONTH": _revision("m"), "REVISIONMONTH1": _revision("n"),
    "REVISIONYEAR": _revision("Y"), "REVISIONTIMESTAMP": _revision("YmdHis"),
    "REVISIONUSER": lambda e, f: e.settings.revision_user if e.settings.saved else "",
    "REVISIONSIZE": lambda e, f: str(len(e.page_source.encode("utf-8"))),
    "NAMESPACENUMBER": lambda e, f: str(e.title.ns),
    "PAGELANGUAGE": lambda e, f: e.config.lang,
}
for _name in ("LOCALYEAR", "LOCALMONTH", "LOCALMONTH1", "LOCALMONTH2", "LOCALMONTHNAME",
              "LOCALMONTHNAMEGEN", "LOCALMONTHABBREV", "LOCALDAY", "LOCALDAY2", "LOCALDOW",
              "LOCALDAYNAME", "LOCALTIME", "LOCALHOUR", "LOCALWEEK", "LOCALTIMESTAMP"):
    VARIABLES[_name] = VARIABLES["CURRENT" + _name[5:]]
for _name in ("NUMBEROFPAGES", "NUMBEROFARTICLES", "NUMBEROFFILES", "NUMBEROFEDITS",
              "NUMBEROFUSERS", "NUMBEROFACTIVEUSERS", "NUMBEROFADMINS"):
    VARIABLES[_name] = lambda e, f: "0"
# the few variables MediaWiki matches case-insensitively
CASE_INSENSITIVE = frozenset({"SERVER", "SERVERNAME", "SCRIPTPATH", "STYLEPATH"})
for _name in _TITLE_NAMES:
    VARIABLES[_name] = _title_variable(_name)
    VARIABLES[_name + "E"] = _title_variable(_name + "E")


__all__ = ["CASE_INSENSITIVE", "VARIABLES", "escape_wikitext", "title_function", "title_variables", "wiki_urlencode"]
