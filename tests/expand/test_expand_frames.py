"""Templates, arguments, frames and limits: MediaWiki's preprocessor behaviour."""

from __future__ import annotations

import time

import pytest

import wikiparse
from wikiparse import Limits
from wikiparse.expand import Settings, expand_page
from wikiparse.expand.tree import Argument, Comment, ExtTag, Ignored, Template, build_tree

TAGS = frozenset({"nowiki", "ref", "pre"})

TEMPLATES = {
    "Template:Echo": "{{{1}}}",
    "Template:Args": "[{{{a}}}|{{{ b }}}|{{{1}}}|{{{2|two}}}|{{{c|}}}]",
    "Template:Redirect": "#REDIRECT [[Template:Echo]]",
    "Template:Redirect2": "#REDIRECT [[Template:Redirect]]",
    "Template:Foo/sub": "sub page",
    "Template:Doc": "shown<noinclude>hidden</noinclude><includeonly>included</includeonly>",
    "Template:Only": "out<onlyinclude>in</onlyinclude>out<onlyinclude>2</onlyinclude>",
    "Template:Table": "{|\n|cell\n|}",
    "Template:Loop": "x{{Loop}}",
    "Template:Loop a": "{{Loop b}}",
    "Template:Loop b": "{{Loop a}}",
    **{f"Template:Deep{i}": f"{{{{Deep{i + 1}|{{{{{{1|}}}}}}x}}}}" for i in range(20)},
    "Main Page": "main page text",
    "Template:Pipe": "a{{!}}b{{=}}c",
}


def ex(text: str, **options: object) -> str:
    return wikiparse.expand_text(text, templates=TEMPLATES, **options)  # type: ignore[arg-type]


# -- the tree -------------------------------------------------------------------------------

def test_tree_templates_arguments_and_parts() -> None:
    tree = build_tree("a{{b|c=d|e}}f{{{1|x}}}", TAGS)
    assert tree[0] == "a" and tree[2] == "f"
    tpl = tree[1]
    assert isinstance(tpl, Template) and tpl.title == ["b"]
    assert [p.eq for p in tpl.parts] == [1, None]
    assert isinstance(tree[3], Argument) and tree[3].parts[0].items == ["x"]


def test_tree_brace_runs_follow_mediawiki() -> None:
    five = build_tree("{{{{{a}}}}}", TAGS)
    assert isinstance(five[0], Template) and isinstance(five[0].title[0], Argument)
    four = build_tree("{{{{a}}}}", TAGS)  # "{" + {{{a}}} + "}"
    assert four[0] == "{" and isinstance(four[1], Argument) and four[2] == "}"
    assert build_tree("{{a|b", TAGS) == ["{{a|b"]


def test_tree_links_protect_pipes_and_ext_tags_are_opaque() -> None:
    tpl = build_tree("{{x|[[y|z]]|<nowiki>|</nowiki>}}", TAGS)[0]
    assert isinstance(tpl, Template) and len(tpl.parts) == 2
    assert isinstance(tpl.parts[1].items[0], ExtTag)


def test_tree_comment_on_its_own_line_takes_the_newline() -> None:
    tree = build_tree("x\n  <!-- c -->  \ny", TAGS)
    assert tree[0] == "x\n" and isinstance(tree[1], Comment) and tree[2] == "y"


def test_tree_include_directives_page_vs_inclusion() -> None:
    page = build_tree("<includeonly>A</includeonly><noinclude>B</noinclude>", TAGS)
    assert isinstance(page[0], Ignored) and "B" in page
    included = build_tree("<includeonly>A</includeonly><noinclude>B</noinclude>", TAGS,
                          for_inclusion=True)
    assert "A" in included and all("B" not in str(getattr(x, "text", x)) or isinstance(x, Ignored)
                                   for x in included)


def test_tree_is_cached_and_linear() -> None:
    text = "{{a|" * 5000 + "}}" * 5000
    assert build_tree(text, TAGS) is build_tree(text, TAGS)
    t0 = time.perf_counter()
    deep = build_tree("[[" * 20000 + "{{{" * 20000 + "x" + "<ref>" * 5000, TAGS)
    assert time.perf_counter() - t0 < 5.0
    assert deep == ["[[" * 20000 + "{{{" * 20000 + "x" + "<ref>" * 5000]


# -- frames -----------------------------------------------------------------------------------

def test_named_arguments_trimmed_positional_not() -> None:
    assert ex("{{Args|a = x | b= y | p1 }}") == "[x|y| p1 |two|]"
    assert ex("{{Echo|1= spaced }}") == "spaced"
    assert ex("{{Echo| spaced }}") == " spaced "


def test_defaults_and_missing_arguments() -> None:
    assert ex("{{Args}}") == "[{{{a}}}|{{{ b }}}|{{{1}}}|two|]"
    assert ex("{{{1|page default}}}") == "page default"
    assert ex("{{{1}}}") == "{{{1}}}"


def test_later_duplicate_argument_wins() -> None:
    assert ex("{{Echo|first|1=second}}") == "second"
    assert ex("{{Echo|1=first|second}}") == "second"


def test_same_call_in_same_frame_expands_once() -> None:
    counting = {"Template:Count": "{{#ifexist:Main Page|y|n}}"}
    result = expand_page("{{Count}}{{Count}}", templates=counting, limits=Limits(max_expensive=1))
    assert result.text == "yy" and not result.diagnostics


def test_arguments_expand_lazily_and_once() -> None:
    # the unused argument's loop is never expanded
    assert ex("{{Echo|used|{{Loop}}}}") == "used"
    result = expand_page("{{Echo|used|{{Loop}}}}", templates=TEMPLATES)
    assert not any(d.code == "template-loop" for d in result.diagnostics)


def test_subst_safesubst_and_magic_pipes() -> None:
    assert ex("{{subst:Echo|x}}") == "{{subst:Echo|x}}"
    assert ex("{{safesubst:Echo|x}}") == "x"
    assert ex("{{Pipe}}") == "a|b=c"
    assert ex("{{Echo|a{{!}}b}}") == "a|b"


def test_namespaces_redirects_and_subpages() -> None:
    assert ex("{{Redirect|via redirect}}") == "via redirect"
    assert ex("{{Redirect2|two hops}}") == "two hops"
    assert ex("{{:Main Page}}", title="Another page") == "main page text"
    assert "Template loop detected" in ex("{{:Main Page}}", title="Main Page")
    assert ex("{{Template:Echo|ns}}") == "ns"
    assert ex("{{foo/sub}}") == "sub page"
    assert ex("{{echo|first letter}}") == "first letter"
    assert ex("{{Echo_|underscore}}") == "underscore"


def test_include_directives_when_transcluding() -> None:
    assert ex("{{Doc}}") == "shownincluded"
    assert ex("{{Only}}") == "in2"
    assert ex("<noinclude>page </noinclude>x<includeonly>never</includeonly>") == "page x"


def test_block_output_starts_a_line_t2529() -> None:
    assert ex("a {{Table}}") == "a \n{|\n|cell\n|}"
    assert ex("{{Table}}") == "{|\n|cell\n|}"


def test_missing_templates_kept_or_linked() -> None:
    assert ex("{{Nothing|{{Echo|x}}}}") == "{{Nothing|x}}"
    assert ex("{{Nothing}}", settings=Settings(missing="link")) == "[[:Template:Nothing]]"


def test_extension_tags_travel_through_unexpanded() -> None:
    assert ex("{{Echo|<nowiki>{{Echo|x}}</nowiki>}}") == "<nowiki>{{Echo|x}}</nowiki>"
    assert ex("<ref>{{Echo|in ref}}</ref>") == "<ref>in ref</ref>"


# -- limits ----------------------------------------------------------------------------------

def test_loops_are_detected_by_title() -> None:
    result = expand_page("{{Loop}} and {{Loop a}}", templates=TEMPLATES)
    assert result.text == ('x<span class="error">Template loop detected: [[Template:Loop]]</span>'
                           ' and <span class="error">Template loop detected: '
                           '[[Template:Loop a]]</span>')
    assert [d.code for d in result.diagnostics].count("template-loop") == 2


def test_template_depth_limit() -> None:
    assert expand_page("{{Deep0}}", templates=TEMPLATES).text == "{{Deep20|xxxxxxxxxxxxxxxxxxxx}}"
    result = expand_page("{{Deep0}}", templates=TEMPLATES, limits=Limits(max_template_depth=5))
    assert "Template recursion depth limit exceeded (5)" in result.text
    assert any(d.code == "limit-template-depth" for d in result.diagnostics)


def test_expansion_depth_limit() -> None:
    text = "{{#if:1|" * 150 + "x" + "}}" * 150
    result = expand_page(text)
    assert "Expansion depth limit exceeded" in result.text
    assert any(d.code == "limit-expand-depth" for d in result.diagnostics)
    assert expand_page("{{#if:1|" * 20 + "x" + "}}" * 20).text == "x"


def test_node_count_limit() -> None:
    text = "".join(f"{{{{Echo|{i}}}}}" for i in range(50))
    result = expand_page(text, templates=TEMPLATES, limits=Limits(max_pp_nodes=60))
    assert '<span class="error">Node-count limit exceeded</span>' in result.text
    assert any(d.code == "limit-pp-nodes" for d in result.diagnostics)


def test_include_size_limit() -> None:
    result = expand_page("{{Echo|" + "x" * 100 + "}}", templates=TEMPLATES,
                         limits=Limits(max_include_size=50))
    assert result.text == "[[:Template:Echo]]"
    assert any(d.code == "limit-include-size" for d in result.diagnostics)


def test_argument_size_limit() -> None:
    result = expand_page("{{Echo|" + "x" * 100 + "}}", templates=TEMPLATES,
                         limits=Limits(max_argument_size=50))
    assert result.text == ""
    assert any(d.code == "limit-argument-size" for d in result.diagnostics)


def test_expensive_function_limit() -> None:
    text = "".join(f"{{{{#ifexist:Main Page|y{i}|n}}}}" for i in range(5))
    result = expand_page(text, templates=TEMPLATES, limits=Limits(max_expensive=3))
    assert result.text == "y0y1y2nn"
    assert any(d.code == "limit-expensive" for d in result.diagnostics)


@pytest.mark.parametrize("with_args", [False, True])
def test_template_bomb_stops_fast(with_args: bool) -> None:
    # each level calls the next twice, 30 levels: 2**30 leaves without the limits
    arg = "|{{{1|}}}" if with_args else ""
    bomb = {f"Template:B{i}": f"{{{{B{i + 1}{arg}}}}}{{{{B{i + 1}{arg}}}}}" for i in range(30)}
    bomb["Template:B30"] = "lol"
    t0 = time.perf_counter()
    result = expand_page("{{B0|x}}", templates=bomb)
    elapsed = time.perf_counter() - t0
    assert elapsed < 1.0, elapsed
    assert result.diagnostics and any(d.code.startswith("limit-") for d in result.diagnostics)


def test_gallery_lines_are_preprocessed() -> None:
    out = ex("<gallery>\nFile:A.jpg|{{Echo|caption}}\n</gallery><nowiki>{{Echo|x}}</nowiki>")
    assert out == "<gallery>\nFile:A.jpg|caption\n</gallery><nowiki>{{Echo|x}}</nowiki>"
