"""HTML5 tree building over the emitter's own output, as MediaWiki's Remex does it.

MediaWiki writes the tags of wikitext through as they stand (``<s>`` left open, a stray
``</b>``) and lets Remex, an HTML5 tree builder, make a tree of the result.  The HTML emitter
does the same when a page holds markup that is not balanced (``Tag.kind`` ``"unclosed"`` or
``"stray-close"``) or text a table would foster out: it writes the start and end tags as they
stand and calls :func:`build_tree`, which runs the parts of the HTML5 tree-construction
algorithm that wikitext can reach and serialises the tree again:

* the stack of open elements with its scopes, implied end tags (``li``, ``dd``, ``p``...) and
  the start tags that close an open ``<p>``;
* the list of active formatting elements (``b``, ``i``, ``small``, ``a``...), reconstructed
  where text or an inline element comes after a block boundary closed them (``<s>a`` carried
  into the next list item), with the adoption agency algorithm for misnested end tags;
* end tags with nothing to close are dropped; ``</p>`` makes an empty paragraph and ``</br>``
  a line break, as in a browser;
* the table modes: cells get the ``tbody``/``tr`` they need, text and elements written where
  only rows may stand are foster-parented before the table.

The input is the emitter's own HTML (text and attribute values escaped, every tag written by
the emitter), so a regular expression tokenises it.  The work is linear: the open elements and
the formatting list are bounded (:data:`MAX_OPEN`, :data:`MAX_FORMATTING`; deeper start tags are
dropped, their content kept), so every scope search is bounded too.  RemexCompatMunger's own
changes to the tree (splitting a ``<p>`` around a block inside formatting) are not made: the
paragraphs pass decides paragraphs before HTML is written.
"""

from __future__ import annotations

import re
from itertools import accumulate
from typing import Sequence

from .remex_munger import El, close, init_data, insert_element, insert_text, reparent_children

__all__ = ["MAX_FORMATTING", "MAX_OPEN", "build_tree", "build_tree_parts"]

#: open elements kept at most; a start tag beyond is dropped (its content stays)
MAX_OPEN = 400
#: active formatting elements kept at most after the last marker; the oldest goes first
MAX_FORMATTING = 40

_TOKEN = re.compile(r"<(/?)([A-Za-z][^\s/>]*)[^>]*>|<!--.*?-->", re.S)

_SPECIAL = frozenset("""
address applet area article aside base basefont bgsound blockquote body br button caption center
col colgroup dd details dir div dl dt embed fieldset figcaption figure footer form frame frameset
h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe img input keygen li link listing main marquee
menu meta nav noembed noframes noscript object ol p param plaintext pre script search section
select source style summary table tbody td template textarea tfoot th thead title tr track ul wbr
xmp
""".split())
_FORMATTING = frozenset("a b big code em font i nobr s small strike strong tt u".split())
_VOID = frozenset("area base br col embed hr img input keygen link meta param source track wbr".split())
_RAW_TEXT = frozenset({"style", "script", "textarea", "title", "xmp"})
_CLOSES_P = frozenset("""
address article aside blockquote center details dialog dir div dl fieldset figcaption figure
footer header hgroup main menu nav ol p search section summary ul pre listing table hr
h1 h2 h3 h4 h5 h6
""".split())
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_BLOCK_END = frozenset("""
address article aside blockquote button center details dialog dir div dl fieldset figcaption
figure footer header hgroup listing main menu nav ol pre search section summary ul
""".split())
_IMPLIED_END = frozenset("dd dt li optgroup option p rb rp rt rtc".split())
_SCOPE = frozenset("applet caption html table td th marquee object template".split())
_LIST_SCOPE = _SCOPE | {"ol", "ul"}
_BUTTON_SCOPE = _SCOPE | {"button"}
_TABLE_SCOPE = frozenset({"html", "table", "template"})
_TABLE_CONTEXT = frozenset({"table", "tbody", "thead", "tfoot", "tr"})
_TABLE_PARTS = frozenset("caption col colgroup tbody td tfoot th thead tr".split())
_SECTIONS = frozenset({"tbody", "thead", "tfoot"})
_MARKER_ELEMENTS = frozenset({"td", "th", "caption", "applet", "marquee", "object"})
_BLANK = " \t\n\f\r"  # what the munger counts as blank text


class _Builder:
    def __init__(self) -> None:
        self.root = El("html", "")
        self.root.open = True
        self.stack: list[El] = [self.root]
        self.afe: list[El | None] = []  # None is a marker

    # ------------------------------------------------------------------ the stack

    def closed(self) -> bool:
        """Whether the tree is as a new one: only the root open, no formatting element to
        reconstruct, no p-wrap open."""
        return len(self.stack) == 1 and not self.afe and self.root.child_p is None

    @property
    def current(self) -> El:
        return self.stack[-1]

    def _push(self, el: El) -> None:
        el.open = True
        self.stack.append(el)

    def _pop(self) -> El:
        el = self.stack.pop()
        el.open = False
        close(el)
        if el.name in _MARKER_ELEMENTS:
            self._clear_to_marker()
        return el

    def _pop_until(self, names: frozenset[str] | str) -> None:
        while len(self.stack) > 1:
            if self._pop().name in names:
                return

    def _in_scope(self, names: frozenset[str] | str, boundary: frozenset[str] = _SCOPE) -> bool:
        for el in reversed(self.stack):
            if el.name in names if isinstance(names, frozenset) else el.name == names:
                return True
            if el.name in boundary:
                return False
        return False

    def _implied_end(self, exclude: str = "") -> None:
        while self.current.name in _IMPLIED_END and self.current.name != exclude:
            self._pop()

    def _close_p(self) -> None:
        if self._in_scope("p", _BUTTON_SCOPE):
            self._implied_end("p")
            self._pop_until("p")

    # ------------------------------------------------------------------ insertion

    def _parent_for_insert(self) -> tuple[El, int | None]:
        """Where a new node goes: the current node, or before the table when the current node
        can only hold rows (foster parenting)."""
        cur = self.current
        if cur.name not in _TABLE_CONTEXT:
            return cur, None
        for el in reversed(self.stack):
            if el.name == "table":
                parent = el.parent or self.root
                return parent, parent.children.index(el)
        return cur, None

    def _insert(self, node: El | str, foster: bool) -> None:
        parent, index = self._parent_for_insert() if foster else (self.current, None)
        if index is None:
            if isinstance(node, str):
                insert_text(parent, node)
            else:
                insert_element(parent, node)
            return
        if isinstance(node, str) and index and isinstance(parent.children[index - 1], str):
            parent.children[index - 1] += node  # type: ignore[operator]
            return
        if isinstance(node, El):
            node.parent = parent
            init_data(parent, node)
        parent.children.insert(index, node)

    def insert_element(self, name: str, tag: str, foster: bool = False) -> El | None:
        if len(self.stack) >= MAX_OPEN and name not in _VOID:
            return None
        el = El(name, tag)
        self._insert(el, foster)
        if name in _VOID:
            return el
        self._push(el)
        return el

    def text(self, data: str) -> None:
        if not data:
            return
        foster = self.current.name in _TABLE_CONTEXT
        if foster and not data.strip():
            self.current.append(data)  # whitespace stays in the table
            return
        self.reconstruct(foster)
        self._insert(data, foster)

    # ------------------------------------------------------------------ formatting elements

    def _clear_to_marker(self) -> None:
        while self.afe:
            if self.afe.pop() is None:
                return

    def _push_formatting(self, el: El) -> None:
        same = 0
        start = len(self.afe)
        while start > 0 and self.afe[start - 1] is not None:
            start -= 1
        for i in range(len(self.afe) - 1, start - 1, -1):  # Noah's Ark: three alike at most
            other = self.afe[i]
            if other is not None and other.name == el.name and other.tag == el.tag:
                same += 1
                if same == 3:
                    del self.afe[i]
                    break
        if len(self.afe) - start >= MAX_FORMATTING:
            del self.afe[start]
        self.afe.append(el)

    def reconstruct(self, foster: bool = False) -> None:
        afe = self.afe
        last = afe[-1] if afe else None
        if last is None or last.open:
            return
        i = len(afe) - 1
        while i > 0:
            prev = afe[i - 1]
            if prev is None or prev.open:
                break
            i -= 1
        for j in range(i, len(afe)):
            old = afe[j]
            assert old is not None
            clone = self.insert_element(old.name, old.tag, foster)
            if clone is None:
                del afe[j:]
                return
            afe[j] = clone

    def _last_formatting(self, name: str) -> El | None:
        for el in reversed(self.afe):
            if el is None:
                return None
            if el.name == name:
                return el
        return None

    def adoption_agency(self, name: str) -> None:
        cur = self.current
        if cur.name == name and cur not in self.afe:
            self._pop()
            return
        for _ in range(8):
            fe = self._last_formatting(name)
            if fe is None:
                self.other_end_tag(name)
                return
            if not fe.open:
                self.afe.remove(fe)
                return
            if not self._in_scope(name) or fe not in self.stack:
                return
            fi = self.stack.index(fe)
            furthest = next((el for el in self.stack[fi + 1:] if el.name in _SPECIAL), None)
            if furthest is None:
                while self._pop() is not fe:
                    pass
                if fe in self.afe:
                    self.afe.remove(fe)
                return
            common = self.stack[fi - 1]
            bookmark = self.afe.index(fe)
            last = furthest
            idx = self.stack.index(furthest)
            inner = 0
            while True:
                inner += 1
                idx -= 1
                node = self.stack[idx]
                if node is fe:
                    break
                in_afe = node in self.afe
                if inner > 3 and in_afe:
                    pos = self.afe.index(node)
                    del self.afe[pos]
                    if pos < bookmark:
                        bookmark -= 1
                    in_afe = False
                if not in_afe:
                    del self.stack[idx]
                    node.open = False
                    close(node)
                    continue
                clone = El(node.name, node.tag)
                clone.open = True
                self.afe[self.afe.index(node)] = clone
                self.stack[idx] = clone
                node.open = False
                close(node)
                if last is furthest:
                    bookmark = self.afe.index(clone) + 1
                last.detach()
                insert_element(clone, last)
                last = clone
            last.detach()
            if common.name in _TABLE_CONTEXT:
                saved, self.stack = self.stack, self.stack[: self.stack.index(common) + 1]
                self._insert(last, True)
                self.stack = saved
            else:
                insert_element(common, last)
            new = El(fe.name, fe.tag)
            reparent_children(furthest, new)
            pos = self.afe.index(fe)
            del self.afe[pos]
            if pos < bookmark:
                bookmark -= 1
            self.afe.insert(bookmark, new)
            self.stack.remove(fe)
            fe.open = False
            close(fe)
            new.open = True
            self.stack.insert(self.stack.index(furthest) + 1, new)

    # ------------------------------------------------------------------ tokens

    def start_tag(self, name: str, tag: str) -> None:
        cur = self.current.name
        if cur in _TABLE_CONTEXT:
            if self._table_start(name, tag):
                return
            self._body_start(name, tag, True)
            return
        if name in _TABLE_PARTS:
            cell = self._open_cell_or_caption()
            if cell is None:
                return  # a row or cell with no table: dropped, as in a browser
            self._pop_until(frozenset({cell.name}))
            self.start_tag(name, tag)
            return
        self._body_start(name, tag, False)

    def _open_cell_or_caption(self) -> El | None:
        for el in reversed(self.stack):
            if el.name in ("td", "th", "caption"):
                self._implied_end()
                return el
            if el.name in _TABLE_SCOPE:
                return None
        return None

    def _table_start(self, name: str, tag: str) -> bool:
        cur = self.current.name
        if name == "caption" or name == "colgroup" or name == "col":
            self._clear_back_to({"table"})
            if name == "caption":
                self.afe.append(None)
            self.insert_element(name, tag)
            return True
        if name in _SECTIONS:
            self._clear_back_to({"table"})
            self.insert_element(name, tag)
            return True
        if name == "tr":
            if cur == "tr":
                self._pop()
            if self.current.name == "table":
                self.insert_element("tbody", "<tbody>")
            self.insert_element(name, tag)
            return True
        if name in ("td", "th"):
            if self.current.name == "table":
                self.insert_element("tbody", "<tbody>")
            if self.current.name in _SECTIONS:
                self.insert_element("tr", "<tr>")
            self.insert_element(name, tag)
            self.afe.append(None)
            return True
        if name == "table":
            self._pop_until("table")
            self.start_tag(name, tag)
            return True
        if name in ("style", "script"):
            self.insert_element(name, tag)
            return True
        return False

    def _clear_back_to(self, names: set[str]) -> None:
        while self.current.name in _TABLE_CONTEXT and self.current.name not in names:
            self._pop()

    def _body_start(self, name: str, tag: str, foster: bool) -> None:
        if name in _CLOSES_P:
            self._close_p()
            if name in _HEADINGS and self.current.name in _HEADINGS:
                self._pop()
            self.insert_element(name, tag, foster)
            return
        if name == "li" or name == "dd" or name == "dt":
            targets = frozenset({"li"}) if name == "li" else frozenset({"dd", "dt"})
            for el in reversed(self.stack):
                if el.name in targets:
                    self._implied_end(el.name)
                    self._pop_until(frozenset({el.name}))
                    break
                if el.name in _SPECIAL and el.name not in ("address", "div", "p"):
                    break
            self._close_p()
            self.insert_element(name, tag, foster)
            return
        if name == "a":
            old = self._last_formatting("a")
            if old is not None:
                self.adoption_agency("a")
                if old in self.afe:
                    self.afe.remove(old)
                if old in self.stack:
                    self.stack.remove(old)
                    old.open = False
        if name == "nobr" and self._in_scope("nobr"):
            self.reconstruct(foster)
            self.adoption_agency("nobr")
        if name in ("hr",):
            self._close_p()
        elif name not in ("meta", "link"):
            self.reconstruct(foster)
        new = self.insert_element(name, tag, foster)
        if new is not None and name in _FORMATTING:
            self._push_formatting(new)

    def end_tag(self, name: str) -> None:
        if self.current.name in _TABLE_CONTEXT or name in _TABLE_PARTS or name == "table":
            if self._table_end(name):
                return
        if name == "p":
            if not self._in_scope("p", _BUTTON_SCOPE):
                self._body_start("p", "<p>", self.current.name in _TABLE_CONTEXT)
            self._close_p()
        elif name == "li":
            if self._in_scope("li", _LIST_SCOPE):
                self._implied_end("li")
                self._pop_until("li")
        elif name in ("dd", "dt"):
            if self._in_scope(name):
                self._implied_end(name)
                self._pop_until(name)
        elif name in _HEADINGS:
            if self._in_scope(_HEADINGS):
                self._implied_end()
                self._pop_until(_HEADINGS)
        elif name in _BLOCK_END:
            if self._in_scope(name):
                self._implied_end()
                self._pop_until(name)
        elif name in _FORMATTING:
            self.adoption_agency(name)
        elif name == "br":
            self._body_start("br", "<br />", self.current.name in _TABLE_CONTEXT)
        else:
            self.other_end_tag(name)

    def _table_end(self, name: str) -> bool:
        """End tags of table parts; True when handled (or dropped)."""
        if name in ("td", "th", "caption"):
            if self._in_scope(name, _TABLE_SCOPE):
                self._implied_end()
                self._pop_until(name)
            return True
        if name == "tr" or name in _SECTIONS or name == "table":
            if self._in_scope(name, _TABLE_SCOPE):
                self._pop_until(name)
            return True
        if name in _TABLE_PARTS or name in ("body", "html"):
            return True
        return False

    def other_end_tag(self, name: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            el = self.stack[i]
            if el.name == name:
                self._implied_end(name)
                while len(self.stack) > i:
                    self._pop()
                return
            if el.name in _SPECIAL:
                return  # nothing to close: the end tag is dropped


def _serialise(el: El, out: list[str]) -> None:
    # an explicit stack: formatting reconstructed on every line can nest deeply
    todo: list[El | str] = [el]
    while todo:
        item = todo.pop()
        if isinstance(item, str):
            out.append(item)
            continue
        if item.pwrap and not item.nonblank:  # a blank p-wrap: its content only
            todo.extend(reversed(item.children))
            continue
        out.append(item.tag)
        if item.name in _VOID:
            continue
        todo.append(f"</{item.name}>")
        todo.extend(reversed(item.children))


def build_tree(html: str) -> str:
    """Balance HTML the way an HTML5 parser builds its tree (see the module docstring) and
    write the tree back out.  ``html`` is the HTML emitter's output: a fragment in ``<body>``."""
    return build_tree_parts([html], [True])


def build_tree_parts(parts: Sequence[str], unbalanced: Sequence[bool]) -> str:
    """:func:`build_tree` over ``"".join(parts)``, run only where it is needed: from each part
    marked ``unbalanced`` up to the first later boundary, before a part not so marked, where the
    tree is closed again (only the root open, no formatting element to reconstruct, no
    paragraph of the munger open); the parts between are written as they stand.  The emitter
    marks the top-level blocks whose HTML holds unbalanced tags: the others are written
    balanced, and from a closed tree the tree builder writes them back as they stand."""
    html = "".join(parts)
    out: list[str] = []
    n = len(parts)
    ends = list(accumulate(map(len, parts)))
    i = 0
    while i < n:
        if not unbalanced[i]:
            out.append(parts[i])
            i += 1
            continue
        builder = _Builder()
        pos = ends[i - 1] if i else 0
        raw_end = ""
        j = i
        # the text after the last tag: html[text_start:blank_to] is blank, or some is not
        # (each character looked at once, however many parts the text runs over)
        text_start = blank_to = -1
        nonblank = False
        while True:
            while j < n - 1 and unbalanced[j + 1]:
                j += 1
            end = ends[j]
            pos, raw_end = _tokens(builder, html, pos, end, raw_end)
            if j == n - 1:
                break
            if pos <= end and not raw_end and builder.closed():
                if pos != text_start:
                    text_start = blank_to = pos
                    nonblank = False
                if not nonblank:
                    nonblank = bool(html[blank_to:end].strip(_BLANK))
                    blank_to = end
                if not nonblank:
                    break
            j += 1  # not closed here: the next part goes through the tree builder too
        if pos < end:
            if raw_end:
                builder.current.append(html[pos:end])
            else:
                builder.text(html[pos:end])
        for child in builder.root.children:
            if isinstance(child, str):
                out.append(child)
            else:
                _serialise(child, out)
        i = j + 1
    return "".join(out)


def _tokens(builder: _Builder, html: str, pos: int, end: int, raw_end: str) -> tuple[int, str]:
    """Feed the tags of ``html[pos:end]`` and the text before each; returns where the text
    after the last one starts and the raw-text element still open ("" for none)."""
    for m in _TOKEN.finditer(html, pos, end):
        start = m.start()
        if raw_end:
            if m.group(1) and m.group(2).lower() == raw_end:
                builder.current.append(html[pos:start])
                builder.end_tag(raw_end)
                raw_end = ""
                pos = m.end()
            continue
        if start > pos:
            builder.text(html[pos:start])
        pos = m.end()
        name = m.group(2)
        if name is None:  # a comment: kept where it stands
            builder.current.append(m.group(0))
            continue
        name = name.lower()
        if m.group(1):
            if name == "p" and builder.stack[-1].name != "p" and html.startswith("\n", pos):
                # the emitter ends a paragraph's line after </p>, MediaWiki before it: inside
                # the formatting elements still open there
                insert_text(builder.current, "\n")
                pos += 1
            builder.end_tag(name)
        else:
            builder.start_tag(name, m.group(0))
            if name in _RAW_TEXT and builder.current.name == name:
                raw_end = name
    return pos, raw_end
