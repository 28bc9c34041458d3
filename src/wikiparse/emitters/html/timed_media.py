"""Audio and video files as TimedMediaHandler renders them: a ``<video>`` or ``<audio>`` player
in place of the ``<a><img></a>`` of an image (``[[File:Clip.ogv]]``, a media file in a
``<gallery>``).

The handler's own options are ``thumbtime=`` (the poster's frame), ``start=``/``end=`` (a
media fragment ``#t=…`` on the source), and the flags ``muted`` and ``loop``; ``alt=`` and
``link=`` do not apply to a player.  Times are ``ss``, ``mm:ss`` or ``hh:mm:ss`` (decimals
allowed) and are held to the file's length minus one second, as the handler does.  A video is
never scaled up; audio has no size of its own and takes the width asked for (else the
default thumbnail width).
"""

from __future__ import annotations

import math
import re
from typing import Callable, Mapping

import wikiparse.ast as ast
from .base import HtmlBase
from .media import FileInfo
from .sanitizer import escape_attr, escape_class, safe_url

__all__ = ["HANDLER_WORDS", "handler_params", "parse_time", "render_player",
           "render_timed_media_link", "timed_media_file_link"]

#: TimedMediaHandler's option words (English magic words): option -> words, ``$1`` the value
HANDLER_WORDS: dict[str, tuple[str, ...]] = {
    "thumbtime": ("thumbtime=$1",), "start": ("start=$1",), "end": ("end=$1",),
    "disablecontrols": ("disablecontrols=$1",), "muted": ("muted",), "loop": ("loop",),
}
_DISABLE = frozenset({"options", "timedText", "fullscreen"})
_NUMBER = re.compile(r"\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$")
_FRAMED = ("thumb", "frame", "manualthumb")
_VALIGNS = frozenset({"baseline", "sub", "super", "top", "text-top", "middle", "bottom",
                      "text-bottom"})
_TYPEOF = {"thumb": "mw:File/Thumb", "manualthumb": "mw:File/Thumb", "frame": "mw:File/Frame",
           "frameless": "mw:File/Frameless"}


def parse_time(value: str) -> float | None:
    """Seconds of ``ss``, ``mm:ss`` or ``hh:mm:ss`` (None when it is no time)."""
    parts = value.split(":")
    if len(parts) > 3 or not all(_NUMBER.match(p) for p in parts):
        return None
    seconds = 0.0
    for part in parts:
        seconds = seconds * 60 + float(part)
    return max(seconds, 0.0)


def _match(part: str, word: str) -> str | None:
    if "$1" not in word:
        return "" if part == word else None
    pre, _, post = word.partition("$1")
    if part.startswith(pre) and part.endswith(post) and len(part) >= len(pre) + len(post):
        return part[len(pre):len(part) - len(post)]
    return None


def handler_params(parts: list[str]) -> tuple[dict[str, str], list[str]]:
    """(the valid handler options among ``parts``, the other parts in order)."""
    params: dict[str, str] = {}
    rest = []
    for part in parts:
        text = part.strip()
        for option, words in HANDLER_WORDS.items():
            value = next((v for v in (_match(text, w) for w in words) if v is not None), None)
            if value is None:
                continue
            valid = (parse_time(value) is not None if option in ("thumbtime", "start", "end")
                     else set(value.split(",")) <= _DISABLE if option == "disablecontrols"
                     else True)
            if valid:
                params[option] = value
                break
        else:
            rest.append(part)
    return params, rest


def _npt(seconds: float) -> str:
    """Normal play time ``hh:mm:ss.mmm`` (the milliseconds only when not zero)."""
    millis = int(round(seconds * 1000))
    whole, ms = divmod(millis, 1000)
    text = f"{whole // 3600:02d}:{whole // 60 % 60:02d}:{whole % 60:02d}"
    return text + (f".{ms:03d}" if ms else "")


def _times(info: FileInfo, params: Mapping[str, str]) -> dict[str, float]:
    out = {}
    for option in ("thumbtime", "start", "end"):
        if option in params:
            value = parse_time(params[option])
            if value is None:
                continue
            if info.duration is not None and value > info.duration - 1:
                value = max(info.duration - 1, 0.0)
            out[option] = value
    return out


def _php_float(value: float) -> str:
    value = round(value, 10)
    return str(int(value)) if value == int(value) else f"{value:.14g}"


def render_player(em: HtmlBase, info: FileInfo, width: int | None, height: int | None, *,
                  params: Mapping[str, str] | None = None, resource: str | None = None,
                  shown: Callable[[int], int] | None = None) -> tuple[str, int]:
    """The player for ``info`` fitted in ``width`` x ``height`` (either may be None), wrapped
    in a ``<span>`` as MediaWiki writes it; returns it with the player's width (before
    ``shown``, the packed galleries' rescaling of the size written)."""
    params = params or {}
    em.players += 1
    player_id = f"mwe_player_{em.players}"
    times = _times(info, params)
    src = safe_url(info.url, em.policy, relative=True) or ""
    if "start" in times or "end" in times:
        src += "#t=" + (_npt(times["start"]) if "start" in times else "")
        if "end" in times:
            src += "," + _npt(times["end"])
    flags = "".join(f' {f}=""' for f in ("muted", "loop") if f in params)
    duration = (f' data-durationhint="{math.ceil(info.duration)}"'
                if info.duration is not None else "")
    common = (f' data-mwtitle="{escape_attr(info.name)}" data-mwprovider="local"')
    res = f' resource="{escape_attr(resource)}"' if resource else ""
    if info.mime.startswith("audio/"):
        w = width if width else em.thumb_size
        out_w = shown(w) if shown else w
        source = (f'<source src="{escape_attr(src)}" type="{escape_attr(info.mime)}" '
                  'data-width="0" data-height="0" />')
        html = (f'<span><audio id="{player_id}" controls="" preload="none"{flags} '
                f'data-mw-tmh="" class="mw-file-element" width="{out_w}" '
                f'style="width:{out_w}px;"{duration}{common}{res}>{source}</audio></span>')
        return html, w
    w0, h0 = info.width, info.height
    w = width if width else (w0 or em.thumb_size)
    h: int | None = None
    if w0 and h0:
        w = min(w, w0)
        if height and w * h0 > height * w0:
            w = max(1, round(height * w0 / h0))
        h = max(1, round(h0 * w / w0))
    seek = times.get("thumbtime", times.get("start"))
    poster = info.poster_url(w, f"seek={_php_float(seek)}" if seek is not None else "")
    poster_attr = ""
    if poster:
        safe = safe_url(poster, em.policy, relative=True)
        poster_attr = f' poster="{escape_attr(safe)}"' if safe else ""
    out_w = shown(w) if shown else w
    size = f' width="{out_w}"' + (f' height="{shown(h) if shown else h}"' if h else "")
    source_size = f' data-width="{w0}" data-height="{h0}"' if w0 and h0 else ""
    source = (f'<source src="{escape_attr(src)}" type="{escape_attr(info.mime)}"'
              f"{source_size} />")
    html = (f'<span><video id="{player_id}"{poster_attr} controls="" preload="none"{flags} '
            f'data-mw-tmh="" class="mw-file-element"{size}{duration}{common}{res}>'
            f"{source}</video></span>")
    return html, w


def render_timed_media_link(em: HtmlBase, node: ast.FileLink, info: FileInfo,
                            resource_title: str | None = None) -> str:
    """``[[File:Clip.ogv|…]]`` for an audio or video file ``info``: the player in MediaWiki's
    ``<span typeof="mw:File">`` (inline) or ``<figure>`` (thumbnail, frame, aligned).
    ``resource_title`` is the page a manual thumbnail (``thumbnail=Clip.ogv``) stands for."""
    fmt: str | None = node.format
    if any(o.name == "manualthumb" for o in node.options):
        fmt = "manualthumb"
    framed = fmt in _FRAMED
    halign = node.align if node.align in ("left", "right", "center", "none") else None
    figure = framed or halign is not None
    classes: list[str] = []
    if node.width is None and node.height is None and fmt not in ("frame", "manualthumb"):
        classes.append("mw-default-size")
    if halign:
        classes.append(f"mw-halign-{halign}")
    if not figure and node.valign in _VALIGNS:
        classes.append(f"mw-valign-{node.valign}")
    if node.border and not framed:
        classes.append("mw-image-border")
    if node.css_class:
        classes.extend(c for c in (escape_class(x) for x in node.css_class.split()) if c)
    candidates = [o for o in node.options if o.kind in ("other", "caption")]
    params, rest = handler_params([str(o) for o in candidates])
    kept = [o for o in candidates if str(o) in rest]
    width, height = node.width, node.height
    if fmt in ("thumb", "frameless") and width is None and height is None:
        width = em.thumb_size
    if fmt in ("frame", "manualthumb"):
        width = height = None
    resource = em.page_url(resource_title or node.title) if framed else None
    player, _ = render_player(em, info, width, height, params=params, resource=resource)
    class_attr = f' class="{escape_attr(" ".join(classes))}"' if classes else ""
    typeof = _TYPEOF.get(fmt or "", "mw:File")
    trail = em.text(node.trail)
    if figure:
        caption = ""
        if kept and (framed or halign):
            last = kept[-1]
            caption = (em.children(node.caption).strip() if last.kind == "caption" and node.caption
                       else em.inline_html(str(last)).strip())
        return (f'<figure{class_attr} typeof="{typeof}">{player}'
                f"<figcaption>{caption}</figcaption></figure>\n{trail}")
    return f'<span{class_attr} typeof="{typeof}">{player}</span>{trail}'


def timed_media_file_link(em: HtmlBase, node: ast.FileLink) -> str | None:
    """The player HTML of a file link showing an audio or video file (the file itself, or a
    manual thumbnail ``thumbnail=Clip.ogv``), None for any other file link."""
    info = em.resolve_file(node.name)
    if info is None or info.bad:
        return None
    manual = next((o.value for o in node.options if o.name == "manualthumb"), None)
    if manual is not None:
        shown = em.resolve_file(manual.strip())
        if shown is None or shown.bad or not shown.is_media:
            return None
        return render_timed_media_link(em, node, shown, node.title)
    return render_timed_media_link(em, node, info) if info.is_media else None
