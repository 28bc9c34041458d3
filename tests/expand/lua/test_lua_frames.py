"""The frame API and the mw libraries on hand-written modules, with the stand-in preprocessor."""

from __future__ import annotations

import pytest

from lua_fakes import require  # noqa: E402

require("lupa.lua51")

from lua_fakes import FakeFrame, invoke, make_engine  # noqa: E402

ARGS_MODULE = r"""
local p = {}
function p.one(frame) return frame.args[1] end
function p.named(frame) return '[' .. tostring(frame.args.name) .. ']' end
function p.stringkey(frame) return frame.args['1'] .. '/' .. tostring(frame.args['01']) end
function p.list(frame)
    local out = {}
    for k, v in pairs(frame.args) do out[#out + 1] = type(k) .. ':' .. tostring(k) .. '=' .. v end
    table.sort(out)
    return table.concat(out, ',')
end
function p.ipairs(frame)
    local out = {}
    for i, v in ipairs(frame.args) do out[#out + 1] = i .. '=' .. v end
    return table.concat(out, ',')
end
function p.twice(frame) return frame.args.x .. frame.args.x .. tostring(frame.args.missing) .. tostring(frame.args.missing) end
function p.argument(frame) return frame:getArgument('x'):expand() .. frame:getArgument{name = 1}:expand() end
function p.parent(frame)
    local parent = frame:getParent()
    return parent:getTitle() .. '|' .. parent.args[1] .. '|' .. tostring(parent:getParent()) .. '|' .. frame:getTitle()
end
function p.child(frame)
    local child = frame:newChild{ title = 'Child', args = { 'a', k = 'v', 3 } }
    local grandchild = child:newChild{ args = {} }
    return child:getTitle() .. '|' .. child.args[1] .. child.args.k .. child.args[2] .. '|' ..
        tostring(grandchild:getParent() == child) .. '|' .. grandchild:getTitle() .. '|' ..
        tostring(child:getParent() == frame)
end
function p.current(frame) return tostring(mw.getCurrentFrame() == frame) end
return p
"""


@pytest.fixture()
def args_engine():  # type: ignore[no-untyped-def]
    return make_engine({"Module:Args": ARGS_MODULE})


def test_positional_and_named_arguments(args_engine) -> None:  # type: ignore[no-untyped-def]
    context, engine = args_engine
    assert invoke(engine, context, "Args", "one", {1: " spaced "}).text == " spaced "
    assert invoke(engine, context, "Args", "named", {"name": " trimmed "}).text == "[trimmed]"
    assert invoke(engine, context, "Args", "named", {}).text == "[nil]"
    assert invoke(engine, context, "Args", "stringkey", {1: "one"}).text == "one/nil"


def test_pairs_and_ipairs_over_frame_args(args_engine) -> None:  # type: ignore[no-untyped-def]
    context, engine = args_engine
    args = {1: "a", 2: "b", 4: "d", "name": "n"}
    assert invoke(engine, context, "Args", "list", args).text == \
        "number:1=a,number:2=b,number:4=d,string:name=n"
    assert invoke(engine, context, "Args", "ipairs", args).text == "1=a,2=b"


def test_arguments_are_read_lazily_and_once(args_engine) -> None:  # type: ignore[no-untyped-def]
    context, engine = args_engine
    page = FakeFrame(context, "Page")
    frame = FakeFrame(context, "Module:Args", {"x": "X", "y": "never read"}, page)
    assert engine.invoke("Module:Args", "twice", frame).text == "XXnilnil"
    assert frame.reads == ["x", "missing"]


def test_get_argument(args_engine) -> None:  # type: ignore[no-untyped-def]
    context, engine = args_engine
    assert invoke(engine, context, "Args", "argument", {"x": "X", 1: "one"}).text == "Xone"


def test_parent_chain_stops_at_the_template(args_engine) -> None:  # type: ignore[no-untyped-def]
    context, engine = args_engine
    result = invoke(engine, context, "Args", "parent", {}, {1: "from template"}, parent_title="Template:T")
    assert result.text == "Template:T|from template|nil|Module:Args"


def test_new_child_frames(args_engine) -> None:  # type: ignore[no-untyped-def]
    context, engine = args_engine
    assert invoke(engine, context, "Args", "child").text == "Child|av3|true|Child|true"


def test_current_frame(args_engine) -> None:  # type: ignore[no-untyped-def]
    context, engine = args_engine
    assert invoke(engine, context, "Args", "current").text == "true"


def test_calls_back_into_the_preprocessor() -> None:
    context, engine = make_engine({
        "Module:Calls": r"""return { f = function(frame)
            return frame:expandTemplate{ title = 'Greet', args = { 'World', n = 2 } } .. ';' ..
                frame:expandTemplate{ title = ':Main page', args = {} } .. ';' ..
                frame:preprocess('<{{{1}}}>') .. ';' ..
                frame:callParserFunction('#tag:pre', { 'body', style = 'x' }) .. ';' ..
                frame:callParserFunction{ name = 'urlencode:x x', args = 'wiki' } .. ';' ..
                frame:callParserFunction('lc', 'A', 'B') .. ';' ..
                frame:extensionTag('ref', 'note', { name = 'r1' }) .. ';' ..
                frame:extensionTag{ name = 'nowiki', content = '[[x]]' }
        end }""",
        "Template:Greet": "Hello, {{{1}}}! ({{{n}}})",
        "Main page": "main",
    })
    page = FakeFrame(context, "Page")
    frame = FakeFrame(context, "Module:Calls", {1: "arg"}, page)
    result = engine.invoke("Module:Calls", "f", frame)
    assert result.error is None, result.error
    assert result.text == ("Hello, World! (2);main;<arg>;<PF #tag|pre|body|style=x>;<PF urlencode|x x|wiki>;"
                           '<PF lc|A|B>;<ref name="r1">note</ref>;<nowiki>[[x]]</nowiki>')
    assert ("template", ("Template:Greet", {1: "World", "n": "2"})) in frame.calls
    assert ("template", (":Main page", {})) in frame.calls


def test_recursion_through_templates_and_back() -> None:
    context, engine = make_engine({
        "Module:Count": r"""return { down = function(frame)
            local n = tonumber(frame.args[1])
            if n == 0 then return 'liftoff' end
            return n .. ' ' .. frame:expandTemplate{ title = 'Countdown', args = { n - 1 } }
        end,
        viapreprocess = function(frame)
            return '(' .. frame:preprocess('{{#invoke:Count|down|2}}') .. ')'
        end }""",
        "Template:Countdown": "{{#invoke:Count|down|{{{1}}}}}",
    })
    assert invoke(engine, context, "Count", "down", {1: "3"}).text == "3 2 1 liftoff"
    assert invoke(engine, context, "Count", "viapreprocess").text == "(2 1 liftoff)"


def test_frame_methods_check_self() -> None:
    context, engine = make_engine({"Module:Dot": "return { f = function(frame) return frame.getParent() end }"})
    error = invoke(engine, context, "Dot", "f").error
    assert error is not None and "Did you call getParent with a dot instead of a colon" in error


ASTRAL = "𝒳𝒴 😀 𐐀𐐁 abc"


@pytest.mark.parametrize("expression, expected", [
    (f"mw.ustring.len('{ASTRAL}')", "11"),
    (f"mw.ustring.sub('{ASTRAL}', 2, 4)", "𝒴 😀"),
    (f"mw.ustring.sub('{ASTRAL}', -3)", "abc"),
    (f"select(2, mw.ustring.find('{ASTRAL}', '😀'))", "4"),
    (f"table.concat({{mw.ustring.find('{ASTRAL}', '(%a+)', 2)}}, ',')", "2,2,𝒴"),
    (f"mw.ustring.match('{ASTRAL}', '^(%a+) (%S+)')", "𝒳𝒴"),
    (f"select(2, mw.ustring.match('{ASTRAL}', '^(%a+) (%S+)'))", "😀"),
    (f"mw.ustring.gsub('{ASTRAL}', '%a', '.')", ".. 😀 .. ..."),
    (f"mw.ustring.gsub('{ASTRAL}', '[𝒳😀]', {{['𝒳'] = 'X', ['😀'] = ':)'}})", "X𝒴 :) 𐐀𐐁 abc"),
    (f"mw.ustring.gsub('{ASTRAL}', '(%S+)', function(w) return mw.ustring.len(w) end)", "2 1 2 3"),
    (f"mw.ustring.lower('{ASTRAL}')", "𝒳𝒴 😀 𐐨𐐩 abc"),
    ("mw.ustring.upper('𐐨𐐩')", "𐐀𐐁"),
    ("table.concat({mw.ustring.codepoint('😀a', 1, -1)}, ',')", "128512,97"),
    ("mw.ustring.char(0x1F600, 0x10400)", "😀𐐀"),
    (f"(function() local t = {{}} for w in mw.ustring.gmatch('{ASTRAL}', '%S+') do t[#t+1] = w end "
     "return table.concat(t, '|') end)()", "𝒳𝒴|😀|𐐀𐐁|abc"),
    ("mw.ustring.find('a😀b', '.', 2)", "2"),
    ("mw.ustring.match('x😀😀y', '(😀+)()')", "😀😀"),
    ("select(2, mw.ustring.match('x😀😀y', '(😀+)()'))", "4"),
    ("mw.ustring.gsub('(a(b)c) 𝒳', '%b()', '<>')", "<> 𝒳"),
    ("mw.ustring.find('the 𝒳 cat', '%f[%a]%a+', 5)", "5"),
    ("mw.ustring.toNFC('e\\204\\129')", "é"),
    ("mw.text.split('a😀b😀c', '😀')[3]", "c"),
    ("#mw.text.split('𝒳𝒴', '')", "2"),
])
def test_ustring_on_astral_text(expression: str, expected: str) -> None:
    context, engine = make_engine({"Module:U": f"return {{ f = function() return tostring(({expression})) end }}"})
    result = invoke(engine, context, "U", "f")
    assert result.error is None, result.error
    assert result.text == expected


def test_html_builder() -> None:
    source = r"""return { f = function()
        local root = mw.html.create('table'):addClass('wikitable'):attr('data-x', '<"&>')
        local row = root:tag('tr')
        row:tag('th'):css('width', '10em'):wikitext('Head'):done()
           :tag('td'):css{ color = 'red' }:cssText('font-weight:bold'):wikitext('a', 1):newline()
        root:node(mw.html.create('caption'):wikitext('Cap'))
        root:tag('br')
        return tostring(root:allDone()) .. '|' .. tostring(mw.html.create():wikitext('bare'))
    end }"""
    context, engine = make_engine({"Module:H": source})
    result = invoke(engine, context, "H", "f")
    assert result.error is None, result.error
    assert result.text == (
        '<table class="wikitable" data-x="&lt;&quot;&amp;&gt;"><tr><th style="width:10em">Head</th>'
        '<td style="color:red;font-weight:bold">a1\n</td></tr><caption>Cap</caption><br /></table>|bare')


def test_load_data_runs_once_per_page_and_require_once_per_invoke() -> None:
    context, engine = make_engine({
        "Module:Data": "mw.log('data loaded') return { list = { 'x', 'y' }, n = 2 }",
        "Module:Lib": "mw.log('lib loaded') return { v = 1 }",
        "Module:User": r"""return { f = function()
            local d = mw.loadData('Module:Data')
            local a, b = require('Module:Lib'), require('Module:Lib')
            leaked = (leaked or 0) + 1
            return d.list[2] .. d.n .. tostring(a == b) .. leaked .. tostring(pcall(function() d.n = 3 end))
        end }""",
    })
    first = invoke(engine, context, "User", "f")
    second = invoke(engine, context, "User", "f")
    assert first.text == second.text == "y2true1false"  # the global from invoke 1 did not leak
    assert first.logs == ["data loaded", "lib loaded"]
    assert second.logs == ["lib loaded"]


def test_errors_locate_the_module_and_line() -> None:
    context, engine = make_engine({
        "Module:Outer": "local inner = require('Module:Inner')\nreturn { f = function() return inner.boom() end }",
        "Module:Inner": "return {\n  boom = function()\n    error('it broke')\n  end }",
        "Module:Syntax": "return {\n  f = function() return 1 +\nend }",
        "Module:Nil": "return nil",
    })
    result = invoke(engine, context, "Outer", "f")
    assert (result.error, result.module, result.line) == \
        ("Lua error in Module:Inner at line 3: it broke.", "Module:Inner", 3)
    syntax = invoke(engine, context, "Syntax", "f")
    assert syntax.error is not None and syntax.error.startswith("Lua error in Module:Syntax at line 3:")
    assert invoke(engine, context, "Nil", "f").error == \
        "Lua error: The module returned a nil value, it is supposed to return an export table."
    missing = invoke(engine, context, "Outer", "nope")
    assert missing.error == 'Script error: The function "nope" does not exist.'
    # a failing call leaves the page's engine usable
    assert invoke(engine, context, "Outer", "f").line == 3


def test_titles_from_the_store_and_the_clock() -> None:
    context, engine = make_engine({
        "Module:T": r"""return { f = function()
            local t = mw.title.new('template:foo_bar/baz')
            local here = mw.title.getCurrentTitle()
            return table.concat({ t.prefixedText, t.nsText, t.namespace, t.baseText, t.subpageText,
                tostring(t.exists), tostring(mw.title.new('Nope').exists), t:getContent(),
                here.fullText, here.isTalkPage and 'talk' or 'subject', here.talkPageTitle.prefixedText,
                os.date('%Y-%m-%d', os.time()), mw.getContentLanguage():formatDate('j F Y'),
                mw.getContentLanguage():formatNum(1234567.5), mw.site.namespaces[10].name }, '|')
        end }""",
        "Template:Foo bar/baz": "content",
    }, page_title="Berlin")
    result = invoke(engine, context, "T", "f")
    assert result.error is None, result.error
    assert result.text == ("Template:Foo bar/baz|Template|10|Foo bar|baz|true|false|content|Berlin|subject|"
                           "Talk:Berlin|2024-05-06|6 May 2024|1,234,567.5|Template")


def test_deep_recursion_through_templates_ends_in_a_lua_error_not_a_crash() -> None:
    context, engine = make_engine({
        "Module:Count": r"""return { down = function(frame)
            local n = tonumber(frame.args[1])
            if n == 0 then return 'liftoff' end
            return n .. ' ' .. frame:expandTemplate{ title = 'Countdown', args = { n - 1 } }
        end }""",
        "Template:Countdown": "{{#invoke:Count|down|{{{1}}}}}",
    })
    assert invoke(engine, context, "Count", "down", {1: "50"}).text.endswith("2 1 liftoff")
    deep = invoke(engine, context, "Count", "down", {1: "500"})
    assert "Lua error" in deep.text + (deep.error or "")  # Lua's C-stack limit, reported
    assert invoke(engine, context, "Count", "down", {1: "3"}).text == "3 2 1 liftoff"


def test_non_ascii_digits_are_names_not_numbers() -> None:
    context, engine = make_engine({"Module:D": r"""return { f = function(frame)
        return tostring(frame.args['²']) .. mw.text.jsonEncode(mw.text.jsonDecode('{"²":1,"2":2}'))
            .. (select(1, pcall(mw.ustring.gsub, 'ab', '(a)', '%²')) and 'ok' or 'err')
    end }"""})
    result = invoke(engine, context, "D", "f", {"²": "sup"})
    assert result.error is None, result.error
    assert result.text == 'sup{"2":2,"²":1}ok' or result.text == 'sup{"²":1,"2":2}ok'
