"""The HTML tree builder (``emitters/html/treebuilder.py``): HTML5 tree construction over the
emitter's output, as MediaWiki's Remex does it.

Fixtures (trailing newlines aside): ``tests/fixtures/treebuilder/build_tree.txt`` (HTML in, the tree written out) and
``wikitext.txt`` (wikitext rendered by the HTML emitter).  Each expectation was checked against
the HTML5 algorithm and, where a parser test covers the input, MediaWiki's output for it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import wikiparse
from wikiparse.emitters.html.treebuilder import MAX_FORMATTING, MAX_OPEN, build_tree

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "treebuilder"


def _cases(name: str) -> list[tuple[str, str, str]]:
    cases = []
    for block in (FIXTURES / name).read_text(encoding="utf-8").split("### ")[1:]:
        title, _, rest = block.partition("\n")
        src, sep, expected = rest.partition("\n--- html\n")
        assert sep, f"{name}: {title}: no '--- html' line"
        cases.append((title, src, expected.rstrip("\n")))
    return cases


@pytest.mark.parametrize(("title", "src", "expected"), _cases("build_tree.txt"),
                         ids=lambda v: v if isinstance(v, str) and len(v) < 80 else "")
def test_build_tree(title: str, src: str, expected: str) -> None:
    assert build_tree(src).rstrip("\n") == expected


@pytest.mark.parametrize(("title", "src", "expected"), _cases("wikitext.txt"),
                         ids=lambda v: v if isinstance(v, str) and len(v) < 80 else "")
def test_wikitext(title: str, src: str, expected: str) -> None:
    assert wikiparse.render(wikiparse.parse(src), "html", wrap=False).rstrip("\n") == expected


def test_balanced_pages_skip_tree_building() -> None:
    from wikiparse.emitters.html.emitter import HtmlEmitter

    emitter = HtmlEmitter(wrap=False)
    emitter.render(wikiparse.parse("<b>a</b>\n\n{|\n|x\n|}"))
    assert not emitter.needs_tree_building
    emitter.render(wikiparse.parse("<b>a"))
    assert emitter.needs_tree_building


def test_bounds_keep_deep_input_linear() -> None:
    deep = "<span>" * (MAX_OPEN * 3) + "x"
    out = build_tree(deep)
    assert out.count("<span>") < MAX_OPEN and out.count("<span>") == out.count("</span>")
    many = "".join(f'<b title="{i}">' for i in range(MAX_FORMATTING * 3)) + "<p>x</p>"
    assert build_tree(many).count("<b ") <= MAX_FORMATTING * 3 + MAX_FORMATTING


_PIECES = st.sampled_from([
    "<b>", "</b>", "<i>", "</i>", "<s>", "</s>", "<span>", "</span>", "<div>", "</div>", "</p>",
    "<center>", "</center>", "<small>", "</small>", "a", " ", "\n", "\n\n", "\n*", "\n#", "\n:",
    "\n{|\n|", "\n|-\n|", "||", "\n|}", "''", "'''", "<br/>", "</br>", "</li>", "</td>",
    "<font />", "<table>", "</table>", "<tr>", "<td>",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_tag_soup_renders_to_html_without_parse_errors(src: str) -> None:
    html5lib = pytest.importorskip("html5lib")
    out = wikiparse.render(wikiparse.parse(src), "html")
    parser = html5lib.HTMLParser(strict=False)
    parser.parseFragment(out)
    assert not parser.errors, (src, out, parser.errors[:3])
    inner = out[out.index(">") + 1 : -len("</div>")]
    assert build_tree(inner) == inner  # a built tree is built already
