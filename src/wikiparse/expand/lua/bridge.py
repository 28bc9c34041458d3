"""The Python callbacks the Lua environment calls (Scribunto's "PHP side").

Each callback takes Lua values and returns ``(True, results…)`` or ``(False, message)``; the
Lua side (``sandbox.lua``) turns the latter into a Lua error.  Frames are passed to Lua as
integer handles; the :class:`~wikiparse.expand.invoke.InvokeFrame` objects stay here.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import zlib
from typing import TYPE_CHECKING, Any, Callable

from ...config import NS_TEMPLATE
from .language import DateError, format_date, format_num, parse_formatted_number, parse_time
from .textfuncs import html_decode, html_encode, nowiki
from .ustring import byteoffset, codepoints, gmatch, gsub, is_utf8, match, normalise, sub
from .ustring import find as ufind
from .convert import ToLua, from_lua, table_items, to_text
from .patterns import PatternError
from .titles import full_title, parse_title

if TYPE_CHECKING:
    from ..invoke import InvokeFrame, PageContext

NS_MODULE = 828

# (title, source) -> bytecode our own loadstring made of it; shared by the engines of a process.
_BYTECODE: dict[tuple[str, str], bytes] = {}
_BYTECODE_ENTRIES = 512


class LuaCallError(Exception):
    """A callback's error, shown to the module as a Lua error with this message."""


class Bridge:
    """The callbacks of one engine (one page)."""

    # callbacks whose time is the preprocessor's, not Lua's
    PAUSED = ("frame_expand", "frame_preprocess", "frame_callpf", "frame_tag", "frame_arg",
              "frame_args")

    def __init__(self, context: PageContext, to_lua: ToLua, timeout: Callable[[], float]) -> None:
        self.context = context
        self.config = context.config
        self.to_lua = to_lua
        self.remaining = timeout
        self.budget = context.limits.lua_cpu_seconds
        self.frames: dict[int, InvokeFrame] = {}
        self.parents: dict[int, int | None] = {}
        self.logs: list[str] = []
        self.expensive = 0
        self.looked_up: dict[str, bool] = {}
        self._json_cache: dict[str, Any] = {}

    # ------------------------------------------------------------------ plumbing
    def exports(self) -> dict[str, Callable[..., tuple[Any, ...]]]:
        out: dict[str, Callable[..., tuple[Any, ...]]] = {}
        for name in dir(self):
            if name.startswith("cb_"):
                out[name[3:]] = self._wrap(getattr(self, name))
        return out

    def _wrap(self, fn: Callable[..., Any]) -> Callable[..., tuple[Any, ...]]:
        to_lua = self.to_lua

        def call(*args: Any) -> tuple[Any, ...]:
            try:
                result = fn(*[from_lua(a) for a in args])
            except LuaCallError as exc:
                return (False, to_lua(str(exc)))
            except PatternError as exc:
                return (False, to_lua(str(exc)))
            except RecursionError:
                return (False, to_lua("stack overflow"))
            except Exception as exc:  # a bug or a Lua error raised through a callback
                message = str(exc).split("\nstack traceback:")[0]
                return (False, to_lua(message))
            if isinstance(result, tuple):
                return (True, *[to_lua(r) for r in result])
            return (True, to_lua(result))

        return call

    def add_frame(self, frame: InvokeFrame, parent: int | None = None) -> int:
        handle = len(self.frames) + 1
        while handle in self.frames:
            handle += 1
        self.frames[handle] = frame
        self.parents[handle] = parent
        return handle

    def _frame(self, handle: Any) -> InvokeFrame:
        frame = self.frames.get(int(handle)) if isinstance(handle, (int, float)) else None
        if frame is None:
            raise LuaCallError("invalid frame")
        return frame

    # ------------------------------------------------------------------ frames
    def cb_frame_arg(self, handle: Any, key: Any) -> str | None:
        frame = self._frame(handle)
        if isinstance(key, float) and key == int(key):
            key = int(key)
        if not isinstance(key, (int, str)):
            return None
        return frame.argument(key)

    def cb_frame_args(self, handle: Any) -> dict[Any, str]:
        frame = self._frame(handle)
        out: dict[Any, str] = {}
        for key in frame.argument_names():
            value = frame.argument(key)
            if value is not None:
                out[key] = value
        return out

    def cb_frame_parent(self, handle: Any) -> int | None:
        h = int(handle)
        if h in self.parents and self.parents[h] is not None:
            return self.parents[h]
        parent = self._frame(handle).parent
        if parent is None:
            return None
        new = self.add_frame(parent, None)
        self.parents[h] = new
        return new

    def cb_frame_title(self, handle: Any) -> str:
        return self._frame(handle).title

    @staticmethod
    def _args(table: Any) -> dict[str | int, str]:
        args: dict[str | int, str] = {}
        for k, v in table_items(table):
            if isinstance(k, float) and k == int(k):
                k = int(k)
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                v = to_text(v)
            if isinstance(k, (int, str)) and isinstance(v, str):
                args[k] = v
        return args

    def cb_frame_expand(self, handle: Any, title: str, args: Any) -> str:
        return self._frame(handle).expand_template(title, self._args(args))

    def cb_frame_preprocess(self, handle: Any, text: str) -> str:
        return self._frame(handle).preprocess(text)

    def cb_frame_callpf(self, handle: Any, name: str, args: Any) -> str:
        values = [to_text(v) for _, v in sorted(
            ((int(k), v) for k, v in table_items(args) if isinstance(k, (int, float))),
            key=lambda kv: kv[0])]
        return self._frame(handle).call_parser_function(name, values)

    def cb_frame_tag(self, handle: Any, name: str, content: str, attrs: Any) -> str:
        return self._frame(handle).extension_tag(name, content, {
            to_text(k): to_text(v) for k, v in table_items(attrs)})

    def cb_frame_child(self, handle: Any, title: str, args: Any) -> int:
        child = self._frame(handle).new_child(title, self._args(args))
        return self.add_frame(child, int(handle))

    # ------------------------------------------------------------------ pages and titles
    def cb_module_title(self, name: str) -> str | None:
        title = parse_title(self.config, name)
        if title is None or title.interwiki or title.namespace != NS_MODULE:
            return None
        return full_title(self.config, title)

    def cb_module_source(self, title: str) -> tuple[Any, ...]:
        """The module's source, and our bytecode of it when an earlier page compiled it."""
        source = self.context.page_content(title)
        if source is None:
            return (None,)
        return (source, _BYTECODE.get((title, source)))

    def cb_keep_bytecode(self, title: str, source: str, bytecode: str) -> None:
        if len(_BYTECODE) >= _BYTECODE_ENTRIES:
            _BYTECODE.pop(next(iter(_BYTECODE)))
        _BYTECODE[(title, source)] = bytecode.encode("utf-8", "surrogateescape")

    def cb_page_content(self, title: str) -> str | None:
        return self.context.page_content(title)

    def cb_page_exists(self, title: str) -> bool:
        return self.context.page_exists(title)

    def cb_title_parse(self, text: Any, default_ns: Any) -> Any:
        ns = int(default_ns) if isinstance(default_ns, (int, float)) else 0
        title = parse_title(self.config, to_text(text), ns)
        if title is None:
            return None
        return {"namespace": title.namespace, "text": title.text,
                "fragment": title.fragment, "interwiki": title.interwiki}

    def cb_template_title(self, text: str) -> str | None:
        title = parse_title(self.config, text, NS_TEMPLATE)
        return None if title is None else full_title(self.config, title)

    def cb_site_info(self) -> dict[str, Any]:
        config = self.config
        namespaces = {}
        aliases: dict[int, list[str]] = {}
        for alias, number in config.namespace_aliases.items():
            aliases.setdefault(number, []).append(alias)
        for number, name in config.namespaces.items():
            namespaces[number] = {"name": name, "aliases": aliases.get(number, [])}
        server = getattr(self.context, "server", None) or f"//{config.lang}.wikipedia.org"
        return {"namespaces": namespaces, "lang": config.lang,
                "page_title": self.context.page_title,
                "article_path": config.article_path,
                "server": server,
                "canonical_server": getattr(self.context, "canonical_server", None) or "https:" + server,
                "script_path": getattr(self.context, "script_path", None) or "/w",
                "site_name": getattr(self.context, "site_name", None) or "Wikipedia",
                "wiki_id": f"{config.lang}wiki",
                "fragment_mode": getattr(self.context, "fragment_mode", None) or "html5",
                "now": int(self.context.clock.timestamp())}

    def cb_json_page(self, title: str) -> Any:
        if title in self._json_cache:
            return self._json_cache[title]
        text = self.context.page_content(title)
        if text is None or not title.endswith(".json"):
            return None
        try:
            value = self.to_lua(_lua_json(json.loads(text)))
        except ValueError:
            return None
        self._json_cache[title] = value
        return value

    # ------------------------------------------------------------------ misc
    def cb_log(self, text: str) -> None:
        self.logs.append(text)

    def cb_expensive(self) -> None:
        self.expensive += 1
        if self.expensive > self.context.limits.max_expensive:
            raise LuaCallError("too many expensive function calls")

    def cb_title_lookup(self, title: str) -> bool:
        """Whether a page exists: an expensive call the first time a title is looked up."""
        known = self.looked_up.get(title)
        if known is None:
            self.cb_expensive()
            known = self.context.page_exists(title)
            self.looked_up[title] = known
        return known

    def cb_title_lookup_batch(self, titles: Any) -> None:
        """A batch lookup costs one expensive call per 25 titles, as Scribunto's newBatch."""
        names = [to_text(v) for _, v in table_items(titles)]
        for _ in range((len(names) + 24) // 25):
            self.cb_expensive()
        for name in names:
            if name not in self.looked_up:
                self.looked_up[name] = self.context.page_exists(name)

    def cb_hash(self, algo: str, value: str) -> str | None:
        data = value.encode("utf-8", "surrogateescape")
        algo = algo.lower()
        if algo == "crc32":
            return "%08x" % zlib.crc32(data)
        if algo in ("fnv132", "fnv1a32", "fnv164", "fnv1a64"):
            return _fnv(algo, data)
        try:
            return hashlib.new(algo, data).hexdigest()
        except ValueError:
            return None

    def cb_hash_algos(self) -> list[str]:
        return sorted(a for a in hashlib.algorithms_available if "shake" not in a) + [
            "crc32", "fnv132", "fnv1a32", "fnv164", "fnv1a64"]

    def cb_json_encode(self, value: Any, pretty: Any) -> str:
        data = _from_lua_json(value, 0)
        if pretty:
            return json.dumps(data, ensure_ascii=False, indent=4)
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    def cb_json_decode(self, text: str, preserve_keys: Any) -> Any:
        try:
            data = json.loads(text)
        except ValueError:
            raise LuaCallError("mw.text.jsonDecode: Syntax error") from None
        return _lua_json(data, bool(preserve_keys))

    def cb_html_encode(self, text: Any) -> str:
        return html_encode(to_text(text))

    def cb_html_decode(self, text: Any, named: Any) -> str:
        return html_decode(to_text(text), bool(named))

    def cb_nowiki(self, text: Any) -> str:
        return nowiki(to_text(text))

    # ------------------------------------------------------------------ ustring
    def _timeout(self) -> float:
        """A bound for one match: what the page had left when the outermost #invoke began."""
        return max(self.budget, 0.05)

    def cb_u_find(self, s: Any, pattern: Any, init: Any, plain: Any) -> tuple[Any, ...]:
        return ufind(to_text(s), to_text(pattern), int(init), bool(plain), self._timeout())

    def cb_u_match(self, s: Any, pattern: Any, init: Any) -> tuple[Any, ...]:
        return match(to_text(s), to_text(pattern), int(init), self._timeout())

    def cb_u_gmatch(self, s: Any, pattern: Any) -> list[list[Any]]:
        return gmatch(to_text(s), to_text(pattern), self._timeout())

    def cb_u_gsub(self, s: Any, pattern: Any, repl: Any, n: Any) -> tuple[str, int]:
        max_n = None if n is None else int(n)
        if isinstance(repl, (str, int, float)):
            return gsub(to_text(s), to_text(pattern), to_text(repl), max_n, self._timeout())
        to_lua = self.to_lua
        if callable(repl) and not hasattr(repl, "items"):
            def replace(caps: list[Any]) -> Any:
                value = repl(*[to_lua(c) for c in caps])
                return _repl_value(from_lua(value))
        else:
            def replace(caps: list[Any]) -> Any:
                value = repl[to_lua(caps[0])]
                return _repl_value(from_lua(value))
        return gsub(to_text(s), to_text(pattern), replace, max_n, self._timeout())

    # Lua's string.find/match/gmatch/gsub for patterns that could backtrack for too long in C:
    # the same matching over bytes (Latin-1 text), with the time limit.
    @staticmethod
    def _bytes_text(value: Any) -> str:
        return to_text(value).encode("utf-8", "surrogateescape").decode("latin-1")

    def _to_bytes_result(self, value: Any) -> Any:
        return value.encode("latin-1") if isinstance(value, str) else value

    def cb_s_find(self, s: Any, pattern: Any, init: Any) -> tuple[Any, ...]:
        text = self._bytes_text(s)
        if int(init) > len(text) + 1:
            return (None,)
        result = ufind(text, self._bytes_text(pattern), int(init), False, self._timeout(), True)
        return tuple(self._to_bytes_result(v) for v in result)

    def cb_s_match(self, s: Any, pattern: Any, init: Any) -> tuple[Any, ...]:
        text = self._bytes_text(s)
        if int(init) > len(text) + 1:
            return (None,)
        result = match(text, self._bytes_text(pattern), int(init), self._timeout(), True)
        return tuple(self._to_bytes_result(v) for v in result)

    def cb_s_gmatch(self, s: Any, pattern: Any) -> list[list[Any]]:
        result = gmatch(self._bytes_text(s), self._bytes_text(pattern), self._timeout(), True)
        return [[self._to_bytes_result(v) for v in caps] for caps in result]

    def cb_s_gsub(self, s: Any, pattern: Any, repl: Any, n: Any) -> tuple[Any, int]:
        max_n = None if n is None else int(n)
        text, pat = self._bytes_text(s), self._bytes_text(pattern)
        if isinstance(repl, (str, int, float)):
            out, count = gsub(text, pat, self._bytes_text(repl), max_n, self._timeout(), True, True)
            return out.encode("latin-1"), count
        to_lua = self.to_lua

        def replace(caps: list[Any]) -> Any:
            lua_caps = [c.encode("latin-1") if isinstance(c, str) else c for c in caps]
            value = repl(*lua_caps) if not hasattr(repl, "items") else repl[lua_caps[0]]
            value = _repl_value(from_lua(value))
            return None if value is None else self._bytes_text(value)

        out, count = gsub(text, pat, replace, max_n, self._timeout(), True, True)
        _ = to_lua
        return out.encode("latin-1"), count

    def cb_u_len(self, s: Any) -> int | None:
        if not is_utf8(to_text(s).encode("utf-8", "surrogateescape")):
            return None
        return len(to_text(s))

    def cb_u_sub(self, s: Any, i: Any, j: Any) -> str:
        return sub(to_text(s), int(i), int(j))

    def cb_u_upper(self, s: Any) -> str:
        return to_text(s).upper()

    def cb_u_lower(self, s: Any) -> str:
        return to_text(s).lower()

    def cb_u_codepoint(self, s: Any, i: Any, j: Any) -> tuple[int, ...]:
        return tuple(codepoints(to_text(s), int(i), int(j)))

    def cb_u_codepoints(self, s: Any, i: Any, j: Any) -> list[int]:
        return codepoints(to_text(s), int(i), int(j))

    def cb_u_char(self, codes: Any) -> str:
        out = []
        for _, c in sorted(table_items(codes), key=lambda kv: kv[0]):
            c = int(c)
            if not 0 <= c <= 0x10FFFF:
                raise LuaCallError("bad argument to 'char' (value out of range)")
            out.append(chr(c))
        return "".join(out)

    def cb_u_isutf8(self, s: Any) -> bool:
        return is_utf8(to_text(s).encode("utf-8", "surrogateescape"))

    def cb_u_byteoffset(self, s: Any, length: Any, i: Any) -> int | None:
        return byteoffset(to_text(s), int(length), int(i))

    def cb_u_normalise(self, form: str, s: Any) -> str | None:
        text = to_text(s)
        if not is_utf8(text.encode("utf-8", "surrogateescape")):
            return None
        return normalise(form, text)

    # ------------------------------------------------------------------ language
    def cb_format_num(self, value: Any, no_commafy: Any) -> str:
        return format_num(value, bool(no_commafy))

    def cb_parse_num(self, text: Any) -> float | None:
        return parse_formatted_number(to_text(text))

    def cb_format_date(self, fmt: Any, timestamp: Any) -> str:
        now = self.context.clock
        try:
            when = now if timestamp is None else parse_time(to_text(timestamp), now)
        except DateError:
            raise LuaCallError("bad argument #2 to 'formatDate': invalid timestamp '"
                               + to_text(timestamp) + "'") from None
        return format_date(to_text(fmt), when)

    def cb_language_name(self, code: Any) -> str:
        return _LANGUAGE_NAMES.get(to_text(code).lower(), "")

    def cb_language_known(self, code: Any) -> bool:
        return to_text(code).lower() in self.config.language_codes


def _repl_value(value: Any) -> Any:
    if value is None or value is False:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return to_text(value)
    if isinstance(value, str):
        return value
    raise LuaCallError("invalid replacement value (a " + type(value).__name__ + ")")


def _lua_json(data: Any, preserve_keys: bool = False) -> Any:
    """JSON as Lua-shaped Python values: arrays 1-based dicts, integer-looking keys numbers."""
    if isinstance(data, list):
        first = 0 if preserve_keys else 1
        return {i: _lua_json(v, preserve_keys) for i, v in enumerate(data, start=first) if v is not None}
    if isinstance(data, dict):
        out: dict[Any, Any] = {}
        for k, v in data.items():
            key: Any = k
            if not preserve_keys and re.fullmatch(r"-?[0-9]+", k) and str(int(k)) == k:
                key = int(k)
            if v is not None:
                out[key] = _lua_json(v, preserve_keys)
        return out
    return data


def _from_lua_json(value: Any, depth: int) -> Any:
    value = from_lua(value)
    if depth > 100:
        raise LuaCallError("mw.text.jsonEncode: nesting too deep")
    if hasattr(value, "items"):
        items = table_items(value)
        if not items:
            return []
        keys = [k for k, _ in items]
        if all(isinstance(k, (int, float)) and k == int(k) for k in keys) and \
                sorted(int(k) for k in keys) == list(range(1, len(keys) + 1)):
            return [_from_lua_json(v, depth + 1) for _, v in sorted(items, key=lambda kv: kv[0])]
        out = {}
        for k, v in items:
            if isinstance(k, float) and k == int(k):
                k = int(k)
            if not isinstance(k, (str, int)) or isinstance(k, bool):
                raise LuaCallError("mw.text.jsonEncode: Cannot use type '"
                                   + type(k).__name__ + "' as a table key")
            out[str(k)] = _from_lua_json(v, depth + 1)
        return out
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise LuaCallError("mw.text.jsonEncode: Cannot encode non-finite numbers")
        return int(value) if value == int(value) and abs(value) < 1e15 else value
    if value is None or isinstance(value, (bool, int, str)):
        return value
    raise LuaCallError("mw.text.jsonEncode: Cannot encode type '" + type(value).__name__ + "'")


def _fnv(algo: str, data: bytes) -> str:
    bits = 32 if algo.endswith("32") else 64
    prime = 0x01000193 if bits == 32 else 0x100000001B3
    h = 0x811C9DC5 if bits == 32 else 0xCBF29CE484222325
    mask = (1 << bits) - 1
    for b in data:
        if "1a" in algo:
            h = ((h ^ b) * prime) & mask
        else:
            h = ((h * prime) & mask) ^ b
    return ("%08x" if bits == 32 else "%016x") % h


# Autonyms of the languages the corpora cite (fetchLanguageName without a wiki's CLDR tables).
_LANGUAGE_NAMES = {
    "en": "English", "de": "Deutsch", "fr": "français", "es": "español", "it": "italiano",
    "ru": "русский", "ja": "日本語", "zh": "中文", "pt": "português", "nl": "Nederlands",
    "pl": "polski", "sv": "svenska", "ar": "العربية", "he": "עברית", "la": "Latina",
    "el": "Ελληνικά", "fi": "suomi", "da": "dansk", "no": "norsk", "cs": "čeština",
    "hu": "magyar", "tr": "Türkçe", "ko": "한국어", "uk": "українська", "fa": "فارسی",
}


__all__ = ["Bridge", "LuaCallError", "NS_MODULE"]
