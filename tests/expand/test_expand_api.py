"""wikiparse.expand / expand_text: the re-parsed document, provenance, the untouched original."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

import wikiparse
from wikiparse import ast
from wikiparse.expand import Settings

TEMPLATES = {
    "Template:Hi": "Hello, ''{{{1}}}''!",
    "Template:Table start": '{| class="wikitable"\n|-\n| first',
    "Template:Table end": "|}",
    "Template:Bullet": "* from a template",
}


def transclusions(doc: ast.Document) -> list[ast.Transclusion]:
    return doc.filter(ast.Transclusion)


def test_expand_returns_parsed_expanded_document() -> None:
    doc = wikiparse.expand("Intro {{Hi|you}} end.", templates=TEMPLATES)
    assert doc.source == "Intro Hello, ''you''! end."
    assert str(doc) == doc.source
    assert doc.filter(ast.Italic) and not doc.filter(ast.Template)
    assert wikiparse.render(doc, "text").strip() == "Intro Hello, you! end."


def test_transclusion_groups_exactly_the_call_output() -> None:
    text = "Intro {{Hi|you}} end."
    doc = wikiparse.expand(text, templates=TEMPLATES)
    (t,) = transclusions(doc)
    assert t.target == "Hi" and t.call == "{{Hi|you}}"
    assert text[t.call_span[0]:t.call_span[1]] == "{{Hi|you}}"
    assert doc.source[t.start:t.end] == "Hello, ''you''!"
    assert [type(c).__name__ for c in t.children] == ["Text", "Italic", "Text"]


def test_template_output_opens_and_closes_a_table_across_calls() -> None:
    doc = wikiparse.expand("{{Table start}}\n| second\n{{Table end}}", templates=TEMPLATES)
    (table,) = doc.filter(ast.Table)
    assert len(table.filter(ast.TableCell)) == 2
    html = wikiparse.render(doc, "html")
    assert '<table class="wikitable">' in html and html.count("<td>") == 2


def test_block_output_mid_line_starts_a_line() -> None:
    doc = wikiparse.expand("text {{Bullet}}", templates=TEMPLATES)
    assert doc.filter(ast.ListItem)


def test_unexpanded_document_untouched() -> None:
    original = wikiparse.parse("a {{Hi|b}} c")
    before = wikiparse.render(original, "json")
    expanded = wikiparse.expand(original, templates=TEMPLATES)
    assert wikiparse.render(original, "json") == before
    assert str(original) == "a {{Hi|b}} c"
    assert expanded.source == "a Hello, ''b''! c"


def test_missing_templates_stay_calls_for_the_emitters_fallback() -> None:
    doc = wikiparse.expand("{{Unknown|x}} and {{Hi|y}}", templates=TEMPLATES)
    assert [t.name for t in doc.filter(ast.Template)] == ["Unknown"]
    assert any(d.code == "template-missing" for d in doc.diagnostics)


def test_expand_text_and_special_expandtemplates_output() -> None:
    assert wikiparse.expand_text("<!-- c -->{{Hi|x}}", templates=TEMPLATES) == "Hello, ''x''!"
    keep = Settings(keep_comments=True)
    assert wikiparse.expand_text("<!-- c -->x", settings=keep) == "<!-- c -->x"


def test_clock_and_title_make_output_reproducible() -> None:
    clock = datetime(2001, 2, 3, 4, 5, 6, tzinfo=timezone.utc)
    out = wikiparse.expand_text("{{CURRENTYEAR}} {{PAGENAME}}", clock=clock, title="Barack Obama")
    assert out == "2001 Barack Obama"
    with pytest.raises(ValueError):
        wikiparse.expand_text("x", clock=datetime(2001, 1, 1))


def test_diagnostics_point_into_the_expanded_text() -> None:
    doc = wikiparse.expand("ok {{Loop}}", templates={"Template:Loop": "{{Loop}}"})
    (diag,) = [d for d in doc.diagnostics if d.code == "template-loop"]
    assert doc.source[diag.span[0]:diag.span[1]].startswith('<span class="error">')


def test_invoke_without_lua_is_a_marked_error_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "wikiparse.expand.lua", None)  # "not installed"
    doc = wikiparse.expand("{{#invoke:Foo|bar}} after", templates={"Module:Foo": "return {}"})
    assert 'class="scribunto-error"' in doc.source and "Lua not installed" in doc.source
    assert doc.source.endswith(" after")
    assert any(d.code == "lua-unavailable" for d in doc.diagnostics)


def test_invoke_with_a_fake_engine_gets_frames_and_reports_errors(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import types

    from wikiparse.expand.invoke import InvokeResult

    seen: dict[str, object] = {}

    class Engine:
        def invoke(self, module: str, function: str, frame: object) -> InvokeResult:
            seen["module"], seen["function"] = module, function
            seen["arg"] = frame.argument(1)  # type: ignore[attr-defined]
            seen["named"] = frame.argument("k")  # type: ignore[attr-defined]
            seen["parent"] = frame.parent.argument(1)  # type: ignore[attr-defined]
            seen["parent_title"] = frame.parent.title  # type: ignore[attr-defined]
            if function == "fail":
                return InvokeResult("", error="attempt to index nil", module=module, line=12)
            return InvokeResult("from lua")

    fake = types.ModuleType("wikiparse.expand.lua")
    fake.engine_for = lambda context: Engine()  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "wikiparse.expand.lua", fake)
    templates = {"Template:Wrap": "{{#invoke:Foo|run| a |k= v }}",
                 "Template:Bad": "{{#invoke:Foo|fail}}", "Module:Foo": "return {}"}
    assert wikiparse.expand_text("{{Wrap|outer}}", templates=templates) == "from lua"
    assert seen == {"module": "Module:Foo", "function": "run", "arg": " a ", "named": "v",
                    "parent": "outer", "parent_title": "Template:Wrap"}
    result = wikiparse.expand("{{Bad}}", templates=templates)
    assert ("Lua error in Module:Foo at line 12: attempt to index nil" in result.source)
    assert any(d.code == "lua-error" and "line 12" in d.message for d in result.diagnostics)


def test_french_spacing_survives_a_call_boundary() -> None:
    doc = wikiparse.expand("a {{Bang}}", templates={"Template:Bang": "! b"})
    assert "a&#160;! b" in wikiparse.render(doc, "html")
