"""Totality: whatever a module says and whatever its arguments hold, ``invoke`` returns a result."""

from __future__ import annotations

import pytest

from lua_fakes import require  # noqa: E402

require("lupa.lua51")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from lua_fakes import invoke, make_engine  # noqa: E402

from wikiparse.config import Limits  # noqa: E402
from wikiparse.expand.invoke import InvokeResult  # noqa: E402

FRAGMENTS = ["return", "{", "}", "f", "=", "function", "(", ")", "end", "frame", ".args", "[1]",
             "..", "'x'", "mw.ustring.gsub", "mw.text.split", ",", "nil", "error", "local", "t",
             "while true do", "pcall", "string.rep", "1e9", "#", ":", "getParent()", "\n", "\x00",
             "é", "😀", "%", "[", "]", "--", "\\", "or", "and", "not", "tostring", "setmetatable"]

ARGS = st.dictionaries(st.one_of(st.integers(1, 4), st.text(max_size=5)),
                       st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=20),
                       max_size=4)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=25), st.sampled_from(["f", "main", ""]), ARGS)
def test_any_module_source_gives_a_result(fragments: list[str], function: str, args: dict) -> None:
    source = "local p = {} p.f = function(frame) " + " ".join(fragments) + " end return p"
    for text in (source, " ".join(fragments)):
        context, engine = make_engine({"Module:R": text},
                                      limits=Limits(lua_cpu_seconds=0.2, lua_memory_bytes=8 << 20))
        result = invoke(engine, context, "R", function, args, args)
        assert isinstance(result, InvokeResult)
        assert (result.error is None) or result.text == ""


MODULE = r"""local p = {}
function p.echo(frame)
    local out = {}
    for k, v in pairs(frame.args) do
        out[#out + 1] = tostring(k) .. '=' .. v .. '|' .. mw.ustring.upper(v) .. '|' .. mw.ustring.len(v)
            .. '|' .. mw.text.nowiki(v) .. '|' .. mw.uri.encode(v) .. '|' .. mw.text.jsonEncode(v)
            .. '|' .. tostring(mw.title.new(v)) .. '|' .. mw.ustring.gsub(v, '%w', '') .. '|' .. v:rep(2)
    end
    return table.concat(out, '\n')
end
return p"""


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARGS)
def test_any_argument_text_goes_through_the_libraries(args: dict) -> None:
    context, engine = make_engine({"Module:E": MODULE})
    result = invoke(engine, context, "E", "echo", args)
    assert result.error is None, result.error
    for key, value in args.items():
        assert (value if isinstance(key, int) else value.strip()) in result.text
