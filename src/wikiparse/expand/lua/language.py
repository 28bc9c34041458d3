"""``mw.language`` helpers in Python: number formatting and MediaWiki's date format codes.

English rules only (the content language of the corpora): digit grouping with commas, English
month and day names.  ``format_date`` implements the ``{{#time:}}`` codes that modules use and a
small ``strtotime`` (ISO dates, "5 March 2015", "March 5, 2015", "now", "+1 day"…), relative to the
injectable clock.
"""

from __future__ import annotations

import calendar
import math
import re
from datetime import datetime, timedelta, timezone

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MONTHS_ABBR = [m[:3] for m in MONTHS]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTH_INDEX = {m.lower(): i + 1 for i, m in enumerate(MONTHS)}
_MONTH_INDEX.update({m.lower(): i + 1 for i, m in enumerate(MONTHS_ABBR)})
_MONTH_INDEX["sept"] = 9


class DateError(ValueError):
    """The timestamp or format could not be read."""


def format_num(value: float | str, no_commafy: bool = False) -> str:
    """English ``formatNum``: group the integer part by thousands unless ``no_commafy``."""
    if isinstance(value, str):
        text = value
    elif isinstance(value, float) and (math.isinf(value) or math.isnan(value)):
        return "∞" if value > 0 else ("−∞" if value < 0 else "NaN")
    elif isinstance(value, float) and value == int(value) and abs(value) < 1e15:
        text = str(int(value))
    else:
        text = ("%.14g" % value) if isinstance(value, float) else str(value)
    if no_commafy:
        return text
    m = re.match(r"^([-+]?)(\d+)(.*)$", text, re.S)
    if not m:
        return text
    sign, digits, rest = m.groups()
    if "e" in rest.lower():
        return text
    grouped = "{:,}".format(int(digits))
    return sign + grouped + rest


def parse_formatted_number(text: str) -> float | None:
    cleaned = text.replace(",", "").strip()
    try:
        return float(cleaned)
    except ValueError:
        return None


_REL = re.compile(r"([+-]?)\s*(\d+)\s*(second|sec|minute|min|hour|day|week|fortnight|month|year)s?\b",
                  re.I)
_KEYWORD = re.compile(r"(now|today|midnight|tomorrow|yesterday|noon)\b\s*", re.I)


def parse_time(text: str, now: datetime) -> datetime:
    """A small ``strtotime``: the forms modules and templates pass to ``formatDate``
    ("2015-03-05", "5 March 2015", "March 5, 2015", "today + 2 days", "@1234567890"…)."""
    s = " ".join(text.strip().split())
    if s.startswith("@") and re.fullmatch(r"@-?\d+", s):
        return datetime.fromtimestamp(int(s[1:]), timezone.utc)
    m = re.fullmatch(r"(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})", s)
    if m:
        y, mo, d, hh, mi, ss = (int(g) for g in m.groups())
        return datetime(y, mo, d, hh, mi, ss, tzinfo=timezone.utc)
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    k = _KEYWORD.match(s)
    if k:
        word = k.group(1).lower()
        base = {"now": now, "today": midnight, "midnight": midnight,
                "tomorrow": midnight + timedelta(days=1), "yesterday": midnight - timedelta(days=1),
                "noon": midnight.replace(hour=12)}[word]
        rest = s[k.end():]
    elif not s:
        return now
    else:
        base, rest = _parse_absolute(s, now)
    for rm in _REL.finditer(rest):
        amount = int(rm.group(2)) * (-1 if rm.group(1) == "-" else 1)
        base = _add(base, amount, rm.group(3).lower())
    leftover = _REL.sub("", rest).replace("ago", "").strip(" ,")
    if leftover:
        raise DateError(text)
    return base


def _add(base: datetime, amount: int, unit: str) -> datetime:
    if unit in ("second", "sec"):
        return base + timedelta(seconds=amount)
    if unit in ("minute", "min"):
        return base + timedelta(minutes=amount)
    if unit == "hour":
        return base + timedelta(hours=amount)
    if unit == "day":
        return base + timedelta(days=amount)
    if unit == "week":
        return base + timedelta(weeks=amount)
    if unit == "fortnight":
        return base + timedelta(weeks=2 * amount)
    months = base.month - 1 + amount * (12 if unit == "year" else 1)
    year, month = base.year + months // 12, months % 12 + 1
    day = min(base.day, calendar.monthrange(year, month)[1])
    return base.replace(year=year, month=month, day=day)


def _parse_absolute(s: str, now: datetime) -> tuple[datetime, str]:
    patterns = [
        (r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?Z?", "ymd"),
        (r"(\d{1,2}) ([A-Za-z]+)\.? (\d{1,4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?", "dmy"),
        (r"([A-Za-z]+)\.? (\d{1,2}),? (\d{1,4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?", "mdy"),
        (r"([A-Za-z]+)\.? (\d{4})", "my"),
        (r"(\d{4})-(\d{1,2})", "ym"),
        (r"(\d{1,2}):(\d{2})(?::(\d{2}))?", "hms"),
        (r"(\d{4})", "y"),
    ]
    for pattern, kind in patterns:
        m = re.match(pattern + r"(?=$|\s|[+-])", s)
        if not m:
            continue
        g = m.groups()
        rest = s[m.end():]
        try:
            if kind == "ymd":
                y, mo, d = int(g[0]), int(g[1]), int(g[2])
                hh, mm, ss = int(g[3] or 0), int(g[4] or 0), int(g[5] or 0)
            elif kind in ("dmy", "mdy"):
                day_text, name, year_text = (g[0], g[1], g[2]) if kind == "dmy" else (g[1], g[0], g[2])
                mo = _MONTH_INDEX.get(name.lower(), 0)
                if not mo:
                    continue
                y, d = int(year_text), int(day_text)
                hh, mm, ss = int(g[3] or 0), int(g[4] or 0), int(g[5] or 0)
            elif kind == "my":
                mo = _MONTH_INDEX.get(g[0].lower(), 0)
                if not mo:
                    continue
                y, d, hh, mm, ss = int(g[1]), 1, 0, 0, 0
            elif kind == "ym":
                y, mo, d, hh, mm, ss = int(g[0]), int(g[1]), 1, 0, 0, 0
            elif kind == "hms":
                y, mo, d = now.year, now.month, now.day
                hh, mm, ss = int(g[0]), int(g[1]), int(g[2] or 0)
            else:
                # a bare four-digit number is a time of day in PHP when it looks like one
                y, mo, d = now.year, now.month, now.day
                hh, mm, ss = now.hour, now.minute, now.second
                value = int(g[0])
                if value // 100 < 24 and value % 100 < 60:
                    hh, mm, ss = value // 100, value % 100, 0
                else:
                    y = value
            return datetime(y, mo, d, hh, mm, ss, tzinfo=timezone.utc), rest
        except ValueError:
            raise DateError(s) from None
    if _REL.match(s):
        return now, s
    raise DateError(s)


def _iso_week(dt: datetime) -> tuple[int, int]:
    year, week, _ = dt.isocalendar()
    return year, week


def format_date(fmt: str, dt: datetime) -> str:
    """MediaWiki's ``Language::sprintfDate`` for English."""
    out: list[str] = []
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        code = c
        if c == "x" and i + 1 < n:
            code = fmt[i:i + 2]
            if code in ("xg", "xn", "xN", "xr", "xR", "xh", "xx"):
                i += 1
            else:
                code = c
        i += 1
        if code == "\\" and i < n:
            out.append(fmt[i])
            i += 1
        elif code == '"':
            end = fmt.find('"', i)
            if end < 0:
                out.append('"')
            else:
                out.append(fmt[i:end])
                i = end + 1
        elif code in ("xg", "F"):
            out.append(MONTHS[dt.month - 1])
        elif code == "M":
            out.append(MONTHS_ABBR[dt.month - 1])
        elif code == "Y":
            out.append(str(dt.year))
        elif code == "y":
            out.append("%02d" % (dt.year % 100))
        elif code == "n":
            out.append(str(dt.month))
        elif code == "m":
            out.append("%02d" % dt.month)
        elif code == "j":
            out.append(str(dt.day))
        elif code == "d":
            out.append("%02d" % dt.day)
        elif code == "D":
            out.append(DAYS[dt.weekday()][:3])
        elif code == "l":
            out.append(DAYS[dt.weekday()])
        elif code == "N":
            out.append(str(dt.isoweekday()))
        elif code == "w":
            out.append(str(dt.isoweekday() % 7))
        elif code == "z":
            out.append(str(dt.timetuple().tm_yday - 1))
        elif code == "W":
            out.append("%02d" % _iso_week(dt)[1])
        elif code == "o":
            out.append(str(_iso_week(dt)[0]))
        elif code == "t":
            out.append(str(calendar.monthrange(dt.year, dt.month)[1]))
        elif code == "L":
            out.append("1" if calendar.isleap(dt.year) else "0")
        elif code == "a":
            out.append("am" if dt.hour < 12 else "pm")
        elif code == "A":
            out.append("AM" if dt.hour < 12 else "PM")
        elif code == "g":
            out.append(str((dt.hour - 1) % 12 + 1))
        elif code == "h":
            out.append("%02d" % ((dt.hour - 1) % 12 + 1))
        elif code == "G":
            out.append(str(dt.hour))
        elif code == "H":
            out.append("%02d" % dt.hour)
        elif code == "i":
            out.append("%02d" % dt.minute)
        elif code == "s":
            out.append("%02d" % dt.second)
        elif code == "U":
            out.append(str(int(dt.timestamp())))
        elif code in ("e", "T"):
            out.append("UTC")
        elif code == "O":
            out.append("+0000")
        elif code == "P":
            out.append("+00:00")
        elif code == "Z":
            out.append("0")
        elif code == "c":
            out.append(dt.strftime("%Y-%m-%dT%H:%M:%S+00:00"))
        elif code == "r":
            out.append(dt.strftime("%a, %d %b %Y %H:%M:%S +0000"))
        elif code in ("xn", "xN", "xr", "xR", "xh", "xx"):
            pass  # raw-number and script toggles: English digits already
        else:
            out.append(code)
    return "".join(out)


__all__ = ["DateError", "format_date", "format_num", "parse_formatted_number", "parse_time"]
