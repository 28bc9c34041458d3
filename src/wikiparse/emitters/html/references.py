"""Footnotes as the Cite extension renders them: ``<ref>`` becomes a numbered superscript link,
``<references/>`` (or the end of the page) the ordered list of notes.

Numbering is per group (``<ref group="note">`` counts separately and is labelled
``[note 1]``).  A named ref used again reuses its number and adds a back-link; a named ref
whose content comes later (or from the ``<references>`` block, list-defined refs) gets it then.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .anchors import escape_id
from .sanitizer import escape_attr


@dataclass
class Note:
    number: int
    key: str
    name: str | None
    html: str = ""
    uses: list[str] = field(default_factory=list)  # ids of the superscripts that cite it


class ReferenceCollector:
    """Numbers the refs of one page, group by group."""

    def __init__(self) -> None:
        self.groups: dict[str, list[Note]] = {}
        self._by_name: dict[tuple[str, str], Note] = {}
        self._anon = 0

    def cite(self, group: str, name: str | None, html: str | None) -> str:
        """Record one ``<ref>`` and return its superscript HTML."""
        notes = self.groups.setdefault(group, [])
        note = self._by_name.get((group, name)) if name else None
        if note is None:
            self._anon += 1
            key = f"{escape_id(name)}-{self._anon}" if name else str(self._anon)
            note = Note(number=len(notes) + 1, key=key, name=name)
            notes.append(note)
            if name:
                self._by_name[(group, name)] = note
        if html and not note.html:
            note.html = html
        if name:
            ref_id = f"cite_ref-{escape_id(name)}_{note.key.rsplit('-', 1)[-1]}-{len(note.uses)}"
        else:
            ref_id = f"cite_ref-{note.key}"
        note.uses.append(ref_id)
        label = f"{group} {note.number}" if group else str(note.number)
        return (
            f'<sup id="{escape_attr(ref_id)}" class="reference"><a href="#cite_note-'
            f'{escape_attr(note.key)}"><span class="cite-bracket">[</span>{label}'
            f'<span class="cite-bracket">]</span></a></sup>'
        )

    def define(self, group: str, name: str, html: str) -> None:
        """Content for a named ref given inside ``<references>`` (list-defined refs)."""
        note = self._by_name.get((group, name))
        if note is not None and not note.html:
            note.html = html

    def flush(self, group: str, responsive: bool = True) -> str:
        """The list of ``group``'s notes (and forget them: a later list starts afresh)."""
        notes = self.groups.pop(group, [])
        for key in [k for k in self._by_name if k[0] == group]:
            del self._by_name[key]
        if not notes:
            return ""
        items = []
        for note in notes:
            if len(note.uses) == 1:
                back = f'<span class="mw-cite-backlink"><a href="#{escape_attr(note.uses[0])}">↑</a></span>'
            else:
                links = "".join(
                    f'<sup><a href="#{escape_attr(u)}">{_letter(i)}</a></sup> '
                    for i, u in enumerate(note.uses)
                )
                back = f'<span class="mw-cite-backlink">↑ {links.rstrip()}</span>'
            items.append(
                f'<li id="cite_note-{escape_attr(note.key)}">{back} '
                f'<span class="reference-text">{note.html}</span>\n</li>\n'
            )
        group_attr = f' data-mw-group="{escape_attr(group)}"' if group else ""
        body = f'<ol class="references"{group_attr}>\n' + "".join(items) + "</ol>"
        if responsive:
            return f'<div class="mw-references-wrap">{body}</div>'
        return body

    def pending_groups(self) -> list[str]:
        return [g for g, notes in self.groups.items() if notes]


def _letter(i: int) -> str:
    out = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        out = chr(97 + r) + out
    return out
