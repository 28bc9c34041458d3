"""Tree building by parts (``treebuilder.build_tree_parts``): only the top-level blocks whose HTML
needs it (and what their open tags reach) go through the tree builder, with the output of
building the whole page.  The emitter marks the blocks (``needs_tree_building`` for unbalanced
tags, ``tree_dependent`` for balanced HTML the tree builder rewrites)."""

from __future__ import annotations

import pytest

import wikiparse
from wikiparse.compiled import COMPILED
from wikiparse.emitters.html import treebuilder
from wikiparse.emitters.html.emitter import HtmlEmitter
from wikiparse.emitters.html.treebuilder import build_tree, build_tree_parts

CASES = [
    # an unclosed <b> in one block, balanced blocks around it
    (["<p>a</p>\n", "<p><b>x</p>\n", "<p>y</p>\n", "<h2>z</h2>\n"], [False, True, False, False]),
    # an open <div> reaches every later block: they are built too
    (["<p>a</p>\n", "<div>\n", "<p>b</p>\n", "<p>c</p>\n"], [False, True, False, False]),
    # a stray end tag closes nothing and leaves the tree closed
    (["<p>a</b></p>\n", "<p>b</p>\n"], [True, False]),
    # text after the unbalanced block, before a balanced one, gets its paragraph
    (["<p><i>x</p>\n", "tail <p>c</p>\n", "<ul><li>d</li></ul>\n"], [True, True, False]),
    # a raw-text element left open swallows the rest
    (["<style>\n", "<p>a</p>\n"], [True, False]),
    # marked blocks next to each other, then a clean boundary
    (["<table><tr><td>a\n", "</td></tr></table>\n", "<p>b</p>\n"], [True, True, False]),
]


@pytest.mark.parametrize(("parts", "unbalanced"), CASES)
def test_parts_build_as_the_whole(parts: list[str], unbalanced: list[bool]) -> None:
    assert build_tree_parts(parts, unbalanced) == build_tree("".join(parts))


def test_unmarked_parts_are_written_as_they_stand() -> None:
    # (an unmarked part is kept even where the tree builder would change it: the marks say
    # where it is needed)
    out = build_tree_parts(["<p>a</p>\n", "<p>x</b></p>\n", "<i>kept as it stands"],
                           [False, True, False])
    assert out == "<p>a</p>\n<p>x</p>\n<i>kept as it stands"


@pytest.mark.skipif("wikiparse.emitters.html.treebuilder" in COMPILED,
                    reason="the tree builder runs compiled: its calls to _tokens are direct, a "
                           "module attribute patched from Python is not seen")
def test_only_marked_parts_go_through_the_tokeniser(monkeypatch: pytest.MonkeyPatch) -> None:
    fed: list[str] = []
    tokens = treebuilder._tokens

    def spy(builder: object, html: str, pos: int, end: int, raw_end: str) -> tuple[int, str]:
        fed.append(html[pos:end])
        return tokens(builder, html, pos, end, raw_end)  # type: ignore[arg-type]

    monkeypatch.setattr(treebuilder, "_tokens", spy)
    # (an unmarked part is kept even where the tree builder would change it: the marks say
    # where it is needed)
    out = build_tree_parts(["<p>a</p>\n", "<p>x</b></p>\n", "<i>kept as it stands"],
                           [False, True, False])
    assert out == "<p>a</p>\n<p>x</p>\n<i>kept as it stands"
    assert fed == ["<p>x</b></p>\n"]


def test_a_page_builds_only_its_marked_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    from wikiparse.emitters.html import page

    seen: list[tuple[list[str], list[bool]]] = []

    def spy(parts: list[str], unbalanced: list[bool]) -> str:
        seen.append((list(parts), list(unbalanced)))
        return build_tree_parts(parts, unbalanced)

    monkeypatch.setattr(page, "build_tree_parts", spy)
    src = "a\n\n<s>b\n\nc\n\n<blockquote>q</blockquote>\n\nd<ref>e<b>f</ref>\n"
    html = wikiparse.render(wikiparse.parse(src), "html", wrap=False)
    (parts, unbalanced), = seen
    assert html == build_tree("".join(parts))
    assert unbalanced[0] is False  # "a"
    assert any(unbalanced) and not all(unbalanced)
    assert unbalanced[-1] is True  # the references, holding the unclosed <b>
    assert any(u and "<blockquote>" in p for p, u in zip(parts, unbalanced))


def test_balanced_pages_do_not_call_the_builder(monkeypatch: pytest.MonkeyPatch) -> None:
    from wikiparse.emitters.html import page

    def fail(parts: list[str], unbalanced: list[bool]) -> str:
        raise AssertionError("tree builder called")

    monkeypatch.setattr(page, "build_tree_parts", fail)
    # balanced, though its blockquote and unwrapped block line are marked for the builder
    emitter = HtmlEmitter(wrap=False)
    emitter.render(wikiparse.parse("<blockquote>q</blockquote>\n\nx <div>y</div>\n"))
    assert not emitter.needs_tree_building
