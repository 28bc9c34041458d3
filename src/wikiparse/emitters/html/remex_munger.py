"""The tree builder's nodes, and RemexCompatMunger's changes to where they are inserted.

MediaWiki puts a handler between Remex's tree builder and its serialiser (``RemexCompatMunger``)
that reproduces what the old Tidy did with inline content: text and inline elements that land
directly in ``<body>`` or ``<blockquote>`` get a paragraph (a *p-wrap*), and a block element
that lands inside formatting elements inside such a paragraph splits them: the paragraph ends,
the formatting elements are cloned outside it and the block goes in the clones
(``<b>foo<figure>…</figure>bar</b>`` → ``<p><b>foo</b></p><b><figure>…</figure></b><p><b>bar
</b></p>``).  Text after the block goes back into a new paragraph, in clones again.

Every insertion of :mod:`.treebuilder` goes through :func:`insert_text` or
:func:`insert_element` with the node the HTML5 algorithm would insert under; they divert it
(into the open p-wrap, or into the latest clone of a split element) and apply the rules.  A
p-wrap with nothing but whitespace in it is written without its ``<p>``.
"""

from __future__ import annotations

__all__ = ["El", "close", "insert_element", "insert_text", "reparent_children"]

#: elements the munger counts as inline (RemexCompatMunger's list, tidy.conf's additions)
_INLINE = frozenset("""
a abbr acronym applet b basefont bdo big br button cite code del dfn em font i iframe img input
ins kbd label legend map object param q rb rbc rp rt rtc ruby s samp select small span strike
strong sub sup textarea tt u var video audio bdi data time mark
""".split())
#: invisible elements that neither start nor end a p-wrap
_METADATA = frozenset({"style", "script", "link", "meta"})
_FORMATTING = frozenset("a b big code em font i nobr s small strike strong tt u".split())
_BLANK = " \t\n\f\r"


class El:
    """An element of the tree being built, with the munger's data."""

    __slots__ = ("name", "tag", "children", "parent", "open", "pwrap", "ancestor_p",
                 "wrap_base", "splittable", "needs_pwrap", "child_p", "clone", "nonblank")

    def __init__(self, name: str, tag: str) -> None:
        self.name = name
        self.tag = tag
        self.children: list[El | str] = []
        self.parent: El | None = None
        self.open = False
        self.pwrap = False  # a p-wrap (written as <p> when not blank)
        self.ancestor_p: El | None = None  # the p-wrap this element is inside
        self.wrap_base: El | None = None  # the body/blockquote the p-wraps go in
        self.splittable = False  # a formatting element inside a p-wrap, or a clone
        self.needs_pwrap = name in ("html", "blockquote")  # inline content here gets a p-wrap
        self.child_p: El | None = None  # the open p-wrap inline insertions are diverted to
        self.clone: El | None = None  # the latest clone, when the element was split
        self.nonblank = 0

    def append(self, child: El | str) -> None:
        if isinstance(child, El):
            child.parent = self
        elif self.children and isinstance(self.children[-1], str):
            self.children[-1] += child
            return
        self.children.append(child)

    def detach(self) -> None:
        if self.parent is not None:
            self.parent.children.remove(self)
            self.parent = None


def _target(ref: El) -> El:
    """Where an insertion under ``ref`` goes: its latest clone, or its open p-wrap."""
    if ref.clone is not None:
        end = ref.clone
        while end.clone is not None:
            end = end.clone
        ref.clone = end
        return end
    if ref.child_p is not None:
        return ref.child_p
    return ref


def _insert_pwrap(parent: El) -> El:
    wrap = El("p", "<p>")
    wrap.pwrap = True
    wrap.needs_pwrap = False
    wrap.wrap_base = parent
    parent.append(wrap)
    parent.child_p = wrap
    return wrap


def insert_text(ref: El, data: str) -> None:
    parent = _target(ref)
    blank = not data.strip(_BLANK)
    if parent.needs_pwrap and not blank:
        parent = _insert_pwrap(parent)
    elif parent.splittable and parent.ancestor_p is None and not blank:
        # (the munger splits for whitespace too; the emitter writes a newline between blocks
        # where MediaWiki writes none, so whitespace is left where it is)
        parent = _split(parent, True)
    if not blank:
        parent.nonblank += 1
    parent.append(data)


def insert_element(ref: El, el: El) -> None:
    """Insert (or move) ``el`` under ``ref``, as RemexCompatMunger::insertElement."""
    parent = _target(ref)
    name = el.name
    inline = name in _INLINE
    if name in _METADATA:
        pass
    elif el.children and not parent.pwrap:
        # an element the adoption agency moves, with its content: no p-wrap or split around
        # it (the munger would wrap an inline element holding a block in a paragraph)
        pass
    elif parent.pwrap and not inline:
        base = parent.parent or parent
        base.child_p = None
        parent = base
    elif parent.splittable and (parent.ancestor_p is not None) != inline:
        parent = _split(parent, inline)
    elif parent.needs_pwrap and inline:
        parent = _insert_pwrap(parent)
    elif parent.ancestor_p is not None and not inline:
        _disable_pwrap(parent)
    parent.nonblank += 1
    if el.parent is not None:
        el.detach()
    parent.append(el)
    init_data(parent, el)


def init_data(parent: El, el: El) -> None:
    if (parent.pwrap or parent.splittable) and el.name in _FORMATTING:
        el.splittable = True
    if parent.pwrap:
        el.ancestor_p = parent
    elif parent.ancestor_p is not None:
        el.ancestor_p = parent.ancestor_p
    if parent.wrap_base is not None:
        el.wrap_base = parent.wrap_base
    elif parent.needs_pwrap:
        el.wrap_base = parent


def _split(node: El, inline: bool) -> El:
    """Clone the elements from ``node`` up to the p-wrap (or the wrap base) and return the
    innermost clone: under a new p-wrap for inline content, under the wrap base for a block."""
    base = node.wrap_base
    wrap = node.ancestor_p
    end = wrap if wrap is not None else base
    chain: list[El] = []
    removable: list[El] = []
    cur: El | None = node
    while cur is not None and cur is not end:
        chain.append(cur)
        if cur.nonblank == 0:
            removable.append(cur)
            if cur.parent is not None:
                cur.parent.nonblank -= 1
        cur = cur.parent
    if cur is None or base is None:  # no clone range: insert as it stands
        return node
    if inline:
        wrap = _insert_pwrap(base)
        into = wrap
    else:
        if wrap is not None:
            base.child_p = None
        wrap = None
        into = base
    for old in reversed(chain):
        clone = El(old.name, old.tag)
        clone.open = old.open
        into.append(clone)
        old.clone = clone
        clone.ancestor_p = wrap
        clone.splittable = True
        clone.wrap_base = base
        clone.pwrap = old.pwrap
        into.nonblank += 1
        into = clone
    for dead in removable:
        dead.detach()
    return into


def _disable_pwrap(node: El) -> None:
    """Move the p-wrap's open child (the ancestor of ``node``) after the p-wrap."""
    wrap = node.ancestor_p
    if wrap is None or wrap.parent is None:
        return
    base = wrap.parent
    if not base.children or base.children[-1] is not wrap:
        return  # fostering or the like: left alone, as the munger does
    victim = node
    while True:
        victim.ancestor_p = None
        up = victim.parent
        if up is None or up is wrap:
            break
        victim = up
    victim.detach()
    base.append(victim)
    wrap.nonblank -= 1
    base.child_p = None


def reparent_children(old: El, new: El) -> None:
    """The adoption agency's last step: ``old``'s children move into ``new``, which goes
    under ``old``."""
    if old.child_p is not None:
        reparent_children(old.child_p, new)
        return
    children, old.children = old.children, []
    insert_element(old, new)
    for child in children:
        if isinstance(child, El):
            child.parent = new
    new.children = children + new.children


def close(el: El) -> None:
    """The element left the stack of open elements: its p-wrap diversion ends."""
    el.child_p = None
