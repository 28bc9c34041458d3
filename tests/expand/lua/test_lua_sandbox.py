"""The sandbox: what a module can reach, and the CPU and memory limits."""

from __future__ import annotations

import time

import pytest

from lua_fakes import require  # noqa: E402

require("lupa.lua51")

from lua_fakes import invoke, make_engine  # noqa: E402

from wikiparse.config import Limits  # noqa: E402

TIMEOUT = "Lua error: The time allocated for running scripts has expired."
NOMEM = "Lua error: not enough memory."


def run(source: str, function: str = "f", **kwargs: object) -> tuple[str, str | None]:
    context, engine = make_engine({"Module:X": source}, **kwargs)
    result = invoke(engine, context, "X", function)
    return result.text, result.error


def value(expression: str) -> str:
    text, error = run(f"return {{ f = function(frame) return tostring({expression}) end }}")
    assert error is None, error
    return text


@pytest.mark.parametrize("name", [
    "python", "io", "load", "loadstring", "loadfile", "dofile", "module", "collectgarbage",
    "newproxy", "gcinfo", "coroutine", "print", "jit", "bit", "ffi",
])
def test_dangerous_globals_are_absent(name: str) -> None:
    assert value(f"rawget(_G, {name!r})") == "nil"


def test_only_scribuntos_globals() -> None:
    text, error = run("""return { f = function()
        local t = {} for k in pairs(_G) do t[#t + 1] = k end table.sort(t) return table.concat(t, ' ') end }""")
    assert error is None
    assert set(text.split()) == {
        "assert", "error", "getfenv", "getmetatable", "ipairs", "next", "pairs", "pcall",
        "rawequal", "rawget", "rawset", "require", "select", "setfenv", "setmetatable",
        "tonumber", "tostring", "type", "unpack", "xpcall", "_G", "debug", "math", "mw", "os",
        "package", "string", "table", "_VERSION"}


@pytest.mark.parametrize("library, allowed", [
    ("os", {"clock", "date", "difftime", "time"}),
    ("debug", {"traceback"}),
    ("package", {"loaded", "preload", "loaders", "seeall"}),
])
def test_reduced_libraries(library: str, allowed: set[str]) -> None:
    text, _ = run(f"""return {{ f = function()
        local t = {{}} for k in pairs({library}) do t[#t + 1] = k end return table.concat(t, ' ') end }}""")
    assert set(text.split()) == allowed


@pytest.mark.parametrize("expression", [
    "string.dump", '("").dump', "getmetatable('')", "package.loadlib", "os.execute", "os.exit",
    "os.getenv", "os.remove", "debug.getinfo", "debug.getupvalue", "debug.sethook",
    "debug.getregistry", "debug.getmetatable", "getfenv(mw.text.split)", "getfenv(string.find)",
    "getfenv(pairs)", "getfenv(mw.ustring.find)", "package.loaded.io", "package.loaded.python",
])
def test_escape_routes_give_nil(expression: str) -> None:
    assert value(expression) == "nil"


def test_getfenv_zero_and_setfenv_of_protected_functions_are_refused() -> None:
    _, error = run("return { f = function() return getfenv(0) end }")
    assert error is not None and "cannot get the global environment" in error
    _, error = run("return { f = function() setfenv(0, {}) end }")
    assert error is not None and "cannot set the global environment" in error
    _, error = run("return { f = function() setfenv(mw.text.split, {}) end }")
    assert error is not None and "it is protected" in error
    _, error = run("return { f = function() setfenv(string.find, {}) end }")
    assert error is not None and "it is protected" in error


@pytest.mark.parametrize("caller", [
    "string.gsub('a', 'a', function() r = getfenv(2) end)",
    "mw.ustring.gsub('é', 'é', function() r = getfenv(2) end)",
    "table.sort({2, 1}, function(a, b) r = getfenv(2) return a < b end)",
    "r = getfenv(2)",  # the module function's caller is the sandbox
    "setmetatable({}, {__index = function() r = getfenv(2) end}).x = nil",
])
def test_library_code_environment_is_not_reachable_from_callbacks(caller: str) -> None:
    text, error = run(f"return {{ f = function() r = 'unset' {caller} return tostring(r) end }}")
    assert error is None, error
    assert text in ("nil", "unset")


def test_no_python_object_is_reachable() -> None:
    """Walk everything a module can reach (tables, metatables, function environments): no
    userdata (a lupa-wrapped Python object) anywhere."""
    source = """return { f = function(frame)
        local seen, queue, found = {}, {_G, frame, frame.args, frame:getParent(), mw.html.create('b'),
            mw.title.getCurrentTitle(), mw.uri.new('http://x/'), mw.language.getContentLanguage()}, {}
        while #queue > 0 do
            local v = table.remove(queue)
            local tp = type(v)
            if tp == 'userdata' or tp == 'thread' then found[#found + 1] = tp end
            if (tp == 'table' or tp == 'function') and not seen[v] then
                seen[v] = true
                if tp == 'table' then
                    for k, x in next, v do queue[#queue + 1] = k queue[#queue + 1] = x end
                    local mt = getmetatable(v)
                    if mt ~= nil then queue[#queue + 1] = mt end
                else
                    local env = getfenv(v)
                    if env ~= nil then queue[#queue + 1] = env end
                end
            end
        end
        return #found .. ' ' .. table.concat(found, ',')
    end }"""
    text, error = run(source)
    assert error is None, error
    assert text == "0 "


def test_tostring_hides_addresses() -> None:
    assert value("{}") == "table"
    assert value("print or function() end") == "function"


def test_infinite_loop_ends_at_the_cpu_limit() -> None:
    start = time.perf_counter()
    text, error = run("return { f = function() while true do end end }",
                      limits=Limits(lua_cpu_seconds=0.3))
    assert (text, error) == ("", TIMEOUT)
    assert time.perf_counter() - start < 30


@pytest.mark.parametrize("body", [
    "while true do pcall(function() while true do end end) end",
    "xpcall(function() while true do end end, function(e) return 'caught' end) return 'swallowed'",
    "xpcall(function() error('x') end, function(e) while true do end end)",
    "local ok, e = pcall(string.rep, 'x', 10) while true do local a = pcall(error, 'y') end",
])
def test_pcall_cannot_catch_the_timeout(body: str) -> None:
    text, error = run(f"return {{ f = function() {body} end }}", limits=Limits(lua_cpu_seconds=0.3))
    assert (text, error) == ("", TIMEOUT)


def test_the_cpu_budget_is_per_page() -> None:
    context, engine = make_engine(
        {"Module:X": "return { spin = function() while true do end end, ok = function() return 'ok' end }"},
        limits=Limits(lua_cpu_seconds=0.3))
    assert invoke(engine, context, "X", "ok").text == "ok"
    assert invoke(engine, context, "X", "spin").error == TIMEOUT
    assert invoke(engine, context, "X", "ok").error == TIMEOUT  # the page's time is spent
    other, fresh = make_engine({"Module:X": "return { ok = function() return 'ok' end }"})
    assert invoke(fresh, other, "X", "ok").text == "ok"  # the next page has its own


def test_memory_bomb_ends_at_the_memory_limit_and_the_page_goes_on() -> None:
    context, engine = make_engine(
        {"Module:X": """return {
            bomb = function() local s = 'x' while true do s = s .. s end end,
            caught = function() local ok = pcall(function() local s = 'x' while true do s = s .. s end end)
                return 'pcall returned' end,
            table_bomb = function() local t = {} for i = 1, 1e9 do t[i] = {i} end end,
            ok = function() return 'still fine' end }"""},
        limits=Limits(lua_memory_bytes=8 * 1024 * 1024))
    assert invoke(engine, context, "X", "bomb").error == NOMEM
    assert invoke(engine, context, "X", "caught").error == NOMEM
    assert invoke(engine, context, "X", "table_bomb").error == NOMEM
    assert invoke(engine, context, "X", "ok").text == "still fine"


def test_string_rep_bombs() -> None:
    assert value("#string.rep('', 1e12)") == "0"
    _, error = run("return { f = function() return string.rep('x', 1e12) end }")
    assert error == NOMEM


@pytest.mark.parametrize("call, expected", [
    ("string.find(string.rep('a', 40), string.rep('a*', 40) .. 'b')", "nil"),
    ("(string.rep('a', 30)):match(string.rep('a?', 30) .. string.rep('a', 30))", "a" * 30),
    ("select(2, string.gsub(string.rep('ab', 5000), '(a*)(b*)(a*)(b*)c', 'x'))", "0"),
])
def test_backtracking_patterns_do_not_hang(call: str, expected: str) -> None:
    start = time.perf_counter()
    assert value(call) == expected
    assert time.perf_counter() - start < 30


def test_stack_overflow_is_a_lua_error() -> None:
    _, error = run("local function r(n) return 1 + r(n + 1) end return { f = function() return r(1) end }")
    assert error is not None and error.startswith("Lua error") and "stack overflow" in error


def test_non_string_errors() -> None:
    assert run("return { f = function() error({}) end }")[1] == "Lua error: Unknown error."
    assert run("return { f = function() error(42) end }")[1] == "Lua error in Module:X at line 1: 42."
    assert run("return { f = function() error('plain', 0) end }")[1] == "Lua error: plain."


def test_a_page_holding_bytecode_is_refused() -> None:
    _, error = run("\x1bLua\x51\x00" + "x" * 20)
    assert error is not None and "binary chunks are not allowed" in error


def test_compiled_modules_are_reused_across_pages_with_their_line_numbers() -> None:
    from wikiparse.expand.lua import bridge

    source = "return {\n f = function() error('here') end }"
    first = run(source)
    assert any(key[1] == source for key in bridge._BYTECODE)
    second = run(source)  # loaded from the cached bytecode
    assert first == second == ("", "Lua error in Module:X at line 2: here.")
