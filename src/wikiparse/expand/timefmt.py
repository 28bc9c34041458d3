"""``{{#time:format|date}}``: PHP's ``date()`` format codes (plus MediaWiki's ``x…`` codes) and
the date strings people write (ISO dates, ``1 January 2000``, ``+1 day``, ``@1234567890``).

Everything is relative to an injected "now", so output is reproducible.  Times are UTC (the
wiki's local time zone is UTC too).
"""

from __future__ import annotations

import calendar
import re
from datetime import datetime, timedelta, timezone

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MONTH_ABBR = [m[:3] for m in MONTHS]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTH_LOOKUP = {**{m.lower(): i + 1 for i, m in enumerate(MONTHS)},
                 **{m.lower(): i + 1 for i, m in enumerate(MONTH_ABBR)}, "sept": 9}
_DAY_LOOKUP = {**{d.lower(): i for i, d in enumerate(DAYS)}, **{d[:3].lower(): i for i, d in enumerate(DAYS)}}


class TimeError(Exception):
    """A date ``#time`` cannot read: MediaWiki shows ``Error: Invalid time.``."""


# ---------------------------------------------------------------------------- formatting

def _roman(n: int) -> str:
    if n <= 0 or n >= 10000:
        return str(n)
    table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
             (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = []
    for value, letters in table:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _suffix(day: int) -> str:
    if 10 <= day % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def format_time(fmt: str, t: datetime) -> str:
    """``t`` written with the PHP/MediaWiki format string ``fmt``."""
    out: list[str] = []
    i = 0
    n = len(fmt)
    raw_digits = False
    while i < n:
        c = fmt[i]
        i += 1
        if c == "\\":
            if i < n:
                out.append(fmt[i])
                i += 1
            else:
                out.append("\\")
            continue
        if c == '"':
            close = fmt.find('"', i)
            if close < 0:
                out.append('"')
            else:
                out.append(fmt[i:close])
                i = close + 1
            continue
        if c == "x" and i < n:
            code = fmt[i]
            if code in "nN":
                raw_digits = code == "N" or not raw_digits
                i += 1
                continue
            if code == "r":
                i += 1
                # roman numerals of the next numeric code
                if i < n:
                    value = _code(fmt[i], t)
                    i += 1
                    out.append(_roman(int(value)) if value.isdigit() else value)
                continue
            if code == "g":
                i += 1
                out.append(MONTHS[t.month - 1])
                continue
            if code == "x":
                i += 1
                out.append("x")
                continue
            if code in "ij" or code in "mhT":
                # calendars and time-zone codes wikiparse does not model: skip the code
                i += 2 if code in "ijmhT" and i + 1 < n else 1
                continue
            out.append("x")
            continue
        out.append(_code(c, t))
    return "".join(out)


def _code(c: str, t: datetime) -> str:
    if c == "d":
        return f"{t.day:02d}"
    if c == "D":
        return DAYS[t.weekday()][:3]
    if c == "j":
        return str(t.day)
    if c == "l":
        return DAYS[t.weekday()]
    if c == "N":
        return str(t.isoweekday())
    if c == "S":
        return _suffix(t.day)
    if c == "w":
        return str(t.isoweekday() % 7)
    if c == "z":
        return str(t.timetuple().tm_yday - 1)
    if c == "W":
        return f"{t.isocalendar()[1]:02d}"
    if c == "F":
        return MONTHS[t.month - 1]
    if c == "m":
        return f"{t.month:02d}"
    if c == "M":
        return MONTH_ABBR[t.month - 1]
    if c == "n":
        return str(t.month)
    if c == "t":
        return str(calendar.monthrange(t.year, t.month)[1])
    if c == "L":
        return "1" if calendar.isleap(t.year) else "0"
    if c == "o":
        return str(t.isocalendar()[0])
    if c == "Y":
        return f"{t.year:04d}" if t.year >= 0 else str(t.year)
    if c == "y":
        return f"{t.year % 100:02d}"
    if c == "a":
        return "am" if t.hour < 12 else "pm"
    if c == "A":
        return "AM" if t.hour < 12 else "PM"
    if c == "g":
        return str(t.hour % 12 or 12)
    if c == "G":
        return str(t.hour)
    if c == "h":
        return f"{t.hour % 12 or 12:02d}"
    if c == "H":
        return f"{t.hour:02d}"
    if c == "i":
        return f"{t.minute:02d}"
    if c == "s":
        return f"{t.second:02d}"
    if c == "u":
        return f"{t.microsecond:06d}"
    if c == "v":
        return f"{t.microsecond // 1000:03d}"
    if c == "e":
        return "UTC"
    if c == "I":
        return "0"
    if c == "O":
        return "+0000"
    if c == "P":
        return "+00:00"
    if c == "T":
        return "UTC"
    if c == "Z":
        return "0"
    if c == "c":
        return t.strftime("%Y-%m-%dT%H:%M:%S+00:00")
    if c == "r":
        return f"{DAYS[t.weekday()][:3]}, {t.day:02d} {MONTH_ABBR[t.month - 1]} {t.year:04d} " \
               f"{t.hour:02d}:{t.minute:02d}:{t.second:02d} +0000"
    if c == "U":
        return str(int(t.replace(tzinfo=timezone.utc).timestamp()))
    return c


# ---------------------------------------------------------------------------- parsing

_ISO = re.compile(
    r"(?P<y>-?\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?"
    r"(?:[T ]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?)?"
    r"\s*(?P<tz>Z|UTC|GMT|[+-]\d{2}:?\d{2})?$", re.I)
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?$")
_DMY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(-?\d{1,4})$", re.I)
_MDY = re.compile(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(-?\d{1,4})$", re.I)
_MY = re.compile(r"([a-z]+)\.?,?\s+(\d{3,4})$", re.I)
_DM = re.compile(r"(\d{1,2})\s+([a-z]+)$", re.I)
_MD = re.compile(r"([a-z]+)\s+(\d{1,2})$", re.I)
_YEAR = re.compile(r"\d{4}$")
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?$", re.I)
_RELATIVE = re.compile(r"([+-]?\s*\d+)\s*(sec|second|min|minute|hour|day|week|fortnight|month|year)s?"
                       r"(\s+ago)?", re.I)
_SLASHES = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2,4})$")


def parse_time(text: str, now: datetime) -> datetime:
    """``text`` read as PHP's ``strtotime`` would for the common forms; raises
    :class:`TimeError`."""
    s = " ".join(text.strip().split())
    base = now.astimezone(timezone.utc).replace(tzinfo=None)
    if not s or s.lower() == "now":
        return base
    if s.startswith("@"):
        try:
            return datetime(1970, 1, 1) + timedelta(seconds=int(s[1:]))
        except (ValueError, OverflowError):
            raise TimeError(text) from None
    # a date followed by relative words ("2000-01-01 +1 day")
    rel = list(_RELATIVE.finditer(s))
    if rel:
        head = s[: rel[0].start()].strip()
        if "".join(m.group(0) for m in rel).replace(" ", "") != s[rel[0].start():].replace(" ", ""):
            raise TimeError(text)
        start = parse_time(head, now) if head else base
        return _shift(start, rel)
    low = s.lower()
    if low in ("today", "midnight"):
        return base.replace(hour=0, minute=0, second=0, microsecond=0)
    if low == "tomorrow":
        return base.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
    if low == "yesterday":
        return base.replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=1)
    if low == "noon":
        return base.replace(hour=12, minute=0, second=0, microsecond=0)
    try:
        return _absolute(s, base)
    except (ValueError, OverflowError):
        raise TimeError(text) from None


def _shift(start: datetime, matches: list[re.Match[str]]) -> datetime:
    t = start
    for m in matches:
        amount = int(m.group(1).replace(" ", ""))
        if m.group(3):
            amount = -amount
        unit = m.group(2).lower()
        if unit in ("sec", "second"):
            t += timedelta(seconds=amount)
        elif unit in ("min", "minute"):
            t += timedelta(minutes=amount)
        elif unit == "hour":
            t += timedelta(hours=amount)
        elif unit == "day":
            t += timedelta(days=amount)
        elif unit == "week":
            t += timedelta(weeks=amount)
        elif unit == "fortnight":
            t += timedelta(weeks=2 * amount)
        elif unit == "month":
            total = t.year * 12 + t.month - 1 + amount
            year, month = divmod(total, 12)
            day = min(t.day, calendar.monthrange(year, month + 1)[1])
            t = t.replace(year=year, month=month + 1, day=day)
        else:
            t = t.replace(year=t.year + amount)
    return t


def _month(word: str) -> int:
    month = _MONTH_LOOKUP.get(word.lower().rstrip("."))
    if month is None:
        raise ValueError(word)
    return month


def _absolute(s: str, base: datetime) -> datetime:
    # a time of day first or last ("10:30", "1 January 2000 10:30")
    m = _CLOCK.search(s)
    hour = minute = second = 0
    clock = False
    if m and (m.start() == 0 or s[m.start() - 1] == " ") and not _ISO.match(s):
        hour, minute, second = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
        if m.group(4):
            hour = hour % 12 + (12 if m.group(4).lower() == "pm" else 0)
        clock = True
        s = (s[: m.start()] + s[m.end():]).strip(" ,")
        if not s:
            return base.replace(hour=hour, minute=minute, second=second, microsecond=0)
    words = s.split(" ")
    if words and words[0].lower().rstrip(",") in _DAY_LOOKUP and len(words) > 1:
        s = " ".join(words[1:])
    m = _ISO.match(s)
    if m:
        year = int(m.group("y"))
        month = int(m.group("m") or 1)
        day = int(m.group("d") or 1)
        if m.group("H") is not None:
            hour, minute, second = int(m.group("H")), int(m.group("M")), int(m.group("S") or 0)
        if m.group("m") is None and not clock:
            # four digits alone are a year (ParserFunctions), the rest of "now" kept
            day = min(base.day, calendar.monthrange(year, base.month)[1])
            return base.replace(year=year, day=day, microsecond=0)
        result = datetime(year, month, day, hour, minute, second)
        tz = m.group("tz")
        if tz and tz[0] in "+-":
            sign = 1 if tz[0] == "+" else -1
            digits = tz[1:].replace(":", "")
            result -= sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        return result
    m = _COMPACT.match(s)
    if m and len(s) in (8, 12, 14):
        return datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)),
                        int(m.group(4) or 0), int(m.group(5) or 0), int(m.group(6) or 0))
    m = _DMY.match(s)
    if m:
        return datetime(int(m.group(3)), _month(m.group(2)), int(m.group(1)), hour, minute, second)
    m = _MDY.match(s)
    if m:
        return datetime(int(m.group(3)), _month(m.group(1)), int(m.group(2)), hour, minute, second)
    m = _MY.match(s)
    if m:
        return datetime(int(m.group(2)), _month(m.group(1)), 1, hour, minute, second)
    m = _DM.match(s)
    if m:
        return datetime(base.year, _month(m.group(2)), int(m.group(1)), hour, minute, second)
    m = _MD.match(s)
    if m:
        return datetime(base.year, _month(m.group(1)), int(m.group(2)), hour, minute, second)
    m = _SLASHES.match(s)
    if m:
        year = int(m.group(3))
        if year < 100:
            year += 2000 if year < 70 else 1900
        return datetime(year, int(m.group(1)), int(m.group(2)), hour, minute, second)
    if s.lower() in _MONTH_LOOKUP:
        return datetime(base.year, _month(s), base.day, hour, minute, second)
    raise ValueError(s)


def time_function(fmt: str, date: str, now: datetime) -> str:
    """``{{#time:fmt|date}}``; raises :class:`TimeError` for a date it cannot read."""
    t = parse_time(date, now)
    if t.year < 0 or t.year > 9999:
        raise TimeError(date)
    return format_time(fmt, t)


__all__ = ["DAYS", "MONTHS", "TimeError", "format_time", "parse_time", "time_function"]
