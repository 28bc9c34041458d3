"""``str(node)`` is every node's wikitext, ``render`` works on any node, and the ast package is a
leaf of the import graph."""

from __future__ import annotations

import ast as pyast
from pathlib import Path

import pytest

import wikiparse
from wikiparse import ast
from wikiparse.editing import Editor
from wikiparse.emitters import emitters, render
from wikiparse.emitters.wikitext import to_wikitext

SRC = Path(__file__).resolve().parents[2] / "src" / "wikiparse"

PAGE = """Lead with {{tpl| a = [[Link|label]] |2}} and ''it'' <ref name="r">note</ref>.
== One ==
* item [http://example.org ext]
{| class="t"
|-
! h !! h2
|-
| c || {{x}}
|}
=== Sub ===
<gallery>
File:A.jpg|cap
</gallery>
== Two ==
text &amp; more<!-- c -->
"""


def test_str_of_every_parsed_node_is_its_source() -> None:
    doc = wikiparse.parse(PAGE)
    for node in doc.walk():
        expected = node.value if isinstance(node, ast.Text) else PAGE[node.span[0] : node.span[1]]
        assert str(node) == expected, node.type


def test_repr_stays_the_debugging_view() -> None:
    tpl = wikiparse.parse("{{tpl|a=1}}").filter_templates()[0]
    assert str(tpl) == "{{tpl|a=1}}"
    assert repr(tpl).startswith("Template(span=(0, 11), name='Tpl'")


def test_str_of_nodes_built_by_hand_is_canonical() -> None:
    tpl = ast.Template((0, 0), name="Tpl", params=[
        ast.Parameter((0, 0), name="1", value=[ast.Text((0, 0), value="a")]),
        ast.Parameter((0, 0), name="k", showkey=True, value=[ast.Text((0, 0), value="v")]),
    ])
    assert str(tpl) == "{{Tpl|a|k=v}}"
    para = ast.Paragraph((0, 0), children=[ast.Bold((0, 0), children=[ast.Text((0, 0), value="b")]), tpl])
    assert str(para) == "'''b'''{{Tpl|a|k=v}}"
    assert tpl.origin is None and not tpl.dirty  # writing does not change the tree


def test_str_after_an_edit_writes_the_edit_and_copies_the_rest() -> None:
    doc = wikiparse.parse(PAGE)
    tpl = doc.filter_templates()[0]
    Editor(doc).set_param(tpl, "a", "new")
    assert str(tpl) == "{{tpl| a = new |2}}"
    lead = doc.get_sections(include_lead=True)[0]
    assert str(lead).startswith("Lead with {{tpl| a = new |2}} and ''it''")
    assert str(doc) == PAGE.replace("[[Link|label]]", "new")


def test_a_hand_set_dirty_flag_is_honoured_without_marking_ancestors() -> None:
    doc = wikiparse.parse("a [[b]] c")
    link = doc.filter_wikilinks()[0]
    link.target = "z"
    link.dirty = True  # no Editor, ancestors left clean
    assert str(doc) == "a [[z]] c"


def test_parameter_value_text_needs_no_source() -> None:
    tpl = wikiparse.parse("{{t| x = [[a|b]] {{c}} }}").filter_templates()[0]
    assert tpl.params[0].value_text() == "[[a|b]] {{c}}"


def test_to_wikitext_without_a_reachable_source_raises() -> None:
    doc = wikiparse.parse("x {{tpl|a}} y")
    tpl = doc.filter_templates()[0]
    assert to_wikitext(tpl) == "{{tpl|a}}"
    tpl.origin = None
    for n in tpl.walk():
        n.origin = None
    with pytest.raises(ValueError, match="cannot reach the source"):
        to_wikitext(tpl)
    assert to_wikitext(tpl, doc.source) == "{{tpl|a}}"


@pytest.mark.parametrize("fmt", ["html", "text", "json", "pandoc-json", "wikitext"])
def test_render_works_on_any_node(fmt: str) -> None:
    doc = wikiparse.parse(PAGE)
    one = doc.get_sections(levels=[2])[0]
    nodes: list[ast.Node] = [one, doc.filter_templates()[0], doc.filter(ast.Table)[0],
                             doc.filter(ast.ExtensionTag)[0]]
    for node in nodes:
        out = render(node, fmt)
        assert isinstance(out, str) and "\x00" not in out
    if fmt == "wikitext":
        assert render(one, fmt) == str(one)
    if fmt == "html":
        section_html = render(one, "html")
        assert '<h2 id="One">One</h2>' in section_html and "<table" in section_html
        assert "Two" not in section_html
        assert render(doc.filter_templates()[0], "html").startswith('<span class="mw-transclusion"')


def test_every_registered_emitter_renders_a_template() -> None:
    tpl = wikiparse.parse("{{tpl|a}}").filter_templates()[0]
    for fmt in emitters():
        render(tpl, fmt)  # never raises


def test_strip_code_goes_through_the_registry() -> None:
    assert wikiparse.parse("'''a''' [[b|c]]").strip_code() == "a c"


def _imports(path: Path) -> set[str]:
    """The wikiparse modules a file imports (relative imports resolved)."""
    package = ".".join(path.relative_to(SRC.parent).with_suffix("").parts)
    if path.name == "__init__.py":
        package = package.rsplit(".", 1)[0] + ".__init__"
    base = package.split(".")[:-1]
    out: set[str] = set()
    for node in pyast.walk(pyast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, pyast.Import):
            out.update(a.name for a in node.names if a.name.startswith("wikiparse"))
        elif isinstance(node, pyast.ImportFrom):
            if node.level:
                parts = base[: len(base) - node.level + 1]
                target = ".".join(parts + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("wikiparse"):
                out.add(target)
                out.update(target + "." + a.name for a in node.names)
    return out


def test_ast_is_a_leaf() -> None:
    for path in sorted((SRC / "ast").glob("*.py")):
        for target in _imports(path):
            assert target.startswith(("wikiparse.ast", "wikiparse.config")), (path.name, target)


def test_emitters_never_import_the_parser_or_the_package_root() -> None:
    for path in sorted((SRC / "emitters").rglob("*.py")):
        for target in _imports(path):
            assert target != "wikiparse" and not target.startswith(
                ("wikiparse.parser", "wikiparse.rendered", "wikiparse.editing", "wikiparse.query",
                 "wikiparse.parse")), (path.name, target)
