"""Heading anchors as MediaWiki makes them (``Sanitizer::escapeIdForAttribute`` in HTML5 mode).

A heading's id is its visible text (tags removed, character references decoded), whitespace
collapsed and trimmed, spaces written as ``_``.  A repeated anchor gets ``_2``, ``_3`` ...;
repeats are found case-insensitively, as MediaWiki does.  Link fragments (``[[A#b c]]``) use
the same escaping, so ``href="#b_c"`` reaches ``id="b_c"``.

``legacy_id`` is MediaWiki's older ``legacy`` fragment mode (``$wgFragmentMode``): the id
percent-encoded as PHP's ``urlencode`` does, with ``%`` written as ``.`` and ``:`` kept
(``A&B`` -> ``A.26B``).
"""

from __future__ import annotations

import re
from urllib.parse import quote

from .sanitizer import decode_entities, escape_attr

_WS = re.compile(r"[ \t\n\r\f_\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
_TAG = re.compile(r"<[^>]*>")


def escape_id(text: str) -> str:
    """An HTML5 id/fragment from text: whitespace runs (and ``_``) become one ``_``, trimmed."""
    return _WS.sub(" ", text).strip(" ").replace(" ", "_")


def legacy_id(text: str) -> str:
    """A ``legacy``-mode id or link fragment: runs of spaces and ``_`` as one ``_`` (trimmed),
    then every byte outside ``[A-Za-z0-9_.-]`` as ``.XX`` (``:`` kept)."""
    name = re.sub(r"[ _]+", " ", text).strip(" ").replace(" ", "_")
    return quote(name, safe="_.-:", encoding="utf-8", errors="surrogatepass").replace(
        "~", "%7E").replace("%", ".")


def fragment_id(fragment: str) -> str:
    """The id a link fragment points at (``[[A#b c]]`` -> ``b_c``), normalised as MediaWiki's
    title codec does the whole link target: runs of spaces, ``_`` and Unicode spaces (NBSP
    too) become one ``_``, trailing ones go (they end the target), leading ones stay
    (``[[#_ref]]`` keeps its underscore)."""
    return _WS.sub(" ", fragment).rstrip(" ").replace(" ", "_")


def legacy_fragment(fragment: str) -> str:
    """A link fragment in ``legacy`` mode: :func:`fragment_id`, then every byte outside
    ``[A-Za-z0-9_.-:]`` as ``.XX`` (PHP's ``urlencode`` with ``%`` written as ``.``)."""
    return quote(fragment_id(fragment), safe="_.-:", encoding="utf-8",
                 errors="surrogatepass").replace("~", "%7E").replace("%", ".")


def heading_text(html: str) -> str:
    """Visible text of a heading's rendered HTML (tags removed, references decoded)."""
    return decode_entities(_TAG.sub("", html))


class AnchorRegistry:
    """Hands out unique heading ids for one page."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def unique(self, anchor: str) -> str:
        key = anchor.lower()
        count = self._seen.get(key, 0) + 1
        self._seen[key] = count
        if count == 1:
            return anchor
        candidate = f"{anchor}_{count}"
        while candidate.lower() in self._seen:  # "A_2" written by hand before the second "A"
            count += 1
            candidate = f"{anchor}_{count}"
        self._seen[key] = count
        self._seen[candidate.lower()] = 1
        return candidate

    def anchor_for(self, heading_html: str) -> str:
        return self.unique(escape_id(heading_text(heading_html)))

    def anchors_for(self, heading_html: str, modes: tuple[str, ...]) -> tuple[str, str]:
        """A heading's unique id in the first of ``modes`` and, when a second mode gives a
        different id, its fallback ``<span id="...">`` (with the same ``_2`` suffix)."""
        text = heading_text(heading_html)
        encode = {"legacy": legacy_id}
        primary = encode.get(modes[0], escape_id)(text)
        anchor = self.unique(primary)
        if len(modes) < 2 or modes[1] == modes[0]:
            return anchor, ""
        other = encode.get(modes[1], escape_id)(text) + anchor[len(primary):]
        if other == anchor:
            return anchor, ""
        return anchor, f'<span id="{escape_attr(other)}"></span>'
