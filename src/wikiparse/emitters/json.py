"""JSON emitter: the native tree as JSON, and back (``from_json``).

Every node is an object ``{"type", "span", <its fields>, "children"}``: all keys are always
present (``null`` / ``[]`` when empty), fields holding nodes hold node objects (``params``,
``attrs``, ``items``, ``rows``...), ``children`` is ``[]`` for node types without content children.
The root (``"type": "Document"``) also carries ``"schema": "wikiparse-ast/2"``, ``"source"`` and
``"diagnostics"``.  ``Document.config`` is not serialised.  ``FileLink.caption`` is written as the
index of the caption option in ``options`` (the tree shares that option's nodes; writing them twice
doubled the output at every nested caption); ``from_json`` shares them again.  ``from_json`` also
reads ``wikiparse-ast/1``, where ``caption`` repeated the nodes.

The JSON Schema is ``wikiparse/schema/wikiparse-ast-2.json`` (see ``docs/json.md``); it is
generated from the node classes by :func:`json_schema`.  ``orjson`` is used when installed
(``pip install wikiparse[fast-json]``), with the same output as the standard library.
"""

from __future__ import annotations

import json as _json
import types
import typing
from dataclasses import fields
from typing import Any

import wikiparse.ast as ast
from . import register
from .base import Emitter, Visiting

_orjson: types.ModuleType | None  # typed the same whether or not orjson (and its types) is installed
try:  # optional fast path
    import orjson as _orjson_module
    _orjson = _orjson_module
except ImportError:  # pragma: no cover - depends on the environment
    _orjson = None

SCHEMA_ID = "wikiparse-ast/2"
#: the versions :func:`from_json` reads: 1 wrote ``FileLink.caption`` as a copy of the caption
#: option's nodes (``Transclusion`` nodes appeared in version 1 output of wikiparse 0.2 as well)
READABLE_SCHEMAS = frozenset({"wikiparse-ast/1", SCHEMA_ID})
_SKIP = frozenset({"span", "config", "children"}) | ast.BOOKKEEPING_FIELDS

# field names per class, computed once
_FIELDS: dict[type[ast.Node], tuple[str, ...]] = {}


def _field_names(cls: type[ast.Node]) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = tuple(f.name for f in fields(cls) if f.name not in _SKIP)
        _FIELDS[cls] = names
    return names


def to_dict(node: ast.Node) -> dict[str, Any]:
    """The JSON-ready dict of ``node`` (recursive; a Document gets the schema tag)."""
    return JsonEmitter().to_dict(node)  # type: ignore[no-any-return]


def dumps(data: Any, *, indent: int | None = None) -> str:
    """Serialise ``data`` as JSON text (UTF-8, not ASCII-escaped); orjson when available.  Data
    nested deeper than the C encoders allow (orjson stops at 255 levels, the standard library at
    the recursion limit) is written by :func:`_dumps_deep`, on an explicit stack."""
    if _depth_over(data, _FAST_DEPTH):
        return _dumps_deep(data, indent)
    if _orjson is not None and indent in (None, 2):
        option = _orjson.OPT_INDENT_2 if indent == 2 else 0
        return str(_orjson.dumps(data, option=option).decode("utf-8"))
    if indent is None:
        return _json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return _json.dumps(data, ensure_ascii=False, indent=indent)


_FAST_DEPTH = 200


def _depth_over(data: Any, bound: int) -> bool:
    """Whether containers nest more than ``bound`` levels deep (iterative)."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > bound:
            return True
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values() if isinstance(v, (dict, list)))
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value if isinstance(v, (dict, list)))
    return False


def _dumps_deep(data: Any, indent: int | None) -> str:
    """The same text as ``json.dumps(data, ensure_ascii=False, ...)`` (compact, or ``indent``),
    written with an explicit stack so that no depth raises RecursionError."""
    scalar = _json.JSONEncoder(ensure_ascii=False).encode
    out: list[str] = []
    key_sep = ": " if indent is not None else ":"
    # work items: a value to write at a depth, or a literal piece of text
    stack: list[tuple[bool, Any, int]] = [(True, data, 0)]
    while stack:
        is_value, value, depth = stack.pop()
        if not is_value:
            out.append(value)
            continue
        if isinstance(value, dict) and value:
            items = list(value.items())
        elif isinstance(value, list) and value:
            items = None
        else:
            out.append("{}" if isinstance(value, dict) else "[]" if isinstance(value, list)
                       else scalar(value))
            continue
        inner = "\n" + " " * (indent * (depth + 1)) if indent is not None else ""
        outer = "\n" + " " * (indent * depth) if indent is not None else ""
        todo: list[tuple[bool, Any, int]] = []
        if items is not None:
            out.append("{")
            for i, (k, v) in enumerate(items):
                todo.append((False, ("," if i else "") + inner + scalar(str(k)) + key_sep, depth))
                todo.append((True, v, depth + 1))
            todo.append((False, outer + "}", depth))
        else:
            out.append("[")
            for i, v in enumerate(value):
                todo.append((False, ("," if i else "") + inner, depth))
                todo.append((True, v, depth + 1))
            todo.append((False, outer + "]", depth))
        stack.extend(reversed(todo))
    return "".join(out)


def _loads(text: str | bytes) -> Any:
    if _orjson is not None:
        return _orjson.loads(text)
    return _json.loads(text)


class JsonEmitter(Emitter):
    """``render(doc, "json", indent=None)`` -> str.  One method for every node type
    (``visit_Node``: the node's fields); a render rule returns the JSON value of its nodes."""

    name = "json"
    OPTIONS = frozenset({"indent"})

    def render(self, node: ast.Node) -> str:
        indent = self.options.get("indent")
        return dumps(self.to_dict(node), indent=indent)

    def to_dict(self, node: ast.Node) -> Any:
        """The JSON-ready value of ``node`` (a dict unless a render rule says otherwise)."""
        return self.visit(node)

    def combine(self, results: list[Any]) -> Any:
        return results  # a list of nodes is a JSON array of their values

    def visit_Node(self, node: ast.Node) -> Visiting:
        cls = type(node)
        out: dict[str, Any] = {"type": cls.__name__, "span": [node.span[0], node.span[1]]}
        if isinstance(node, ast.Document):
            out["schema"] = SCHEMA_ID
        file_link = isinstance(node, ast.FileLink)
        for name in _field_names(cls):
            if file_link and name == "caption":
                out[name] = _caption_index(node)  # type: ignore[arg-type]
                continue
            out[name] = yield from self._value(getattr(node, name))
        children = getattr(node, "children", None)
        out["children"] = (yield list(children)) if children is not None else []
        return out

    def _value(self, value: Any) -> Visiting:
        if value is None or isinstance(value, (str, int, float)):
            return value
        if isinstance(value, ast.Node):
            return (yield value)
        if isinstance(value, list):
            items = []
            for v in value:
                items.append((yield from self._value(v)))
            return items
        if isinstance(value, tuple):
            return list(value)
        if isinstance(value, ast.Diagnostic):
            return {"code": value.code, "message": value.message, "span": list(value.span),
                    "severity": value.severity}
        return value


# --------------------------------------------------------------------------- from JSON


def _node_from(data: dict[str, Any]) -> Visiting:
    """A generator step: yields the dicts of child nodes (sent back as nodes), returns the node."""
    type_name = data.get("type")
    cls = ast.NODE_TYPES.get(type_name) if isinstance(type_name, str) else None
    if cls is None:
        raise ValueError(f"unknown node type {type_name!r}")
    kwargs: dict[str, Any] = {}
    choices = _choices(cls)
    for name in _field_names(cls):
        if name not in data:
            raise ValueError(f"{type_name} node without {name!r}")
        kwargs[name] = yield from _rebuild(data[name], name)
        allowed = choices.get(name)
        if allowed is not None and kwargs[name] not in allowed:
            raise ValueError(f"{type_name}.{name} is {kwargs[name]!r}, not one of "
                             f"{', '.join(repr(a) for a in sorted(allowed, key=repr))}")
    if "children" in {f.name for f in fields(cls)}:
        children = []
        for c in data.get("children", []):
            children.append((yield c))
        kwargs["children"] = children
    span = data["span"]
    caption = kwargs.pop("caption", None) if cls is ast.FileLink else None
    node = cls((int(span[0]), int(span[1])), **kwargs)
    if isinstance(node, ast.FileLink):
        node.caption = _caption_from(node, caption)
    return node


def _caption_index(node: ast.FileLink) -> int | None:
    """Where ``node.caption`` is among the options (the option whose nodes it shares)."""
    if node.caption is None:
        return None
    for i, opt in enumerate(node.options):
        if opt.children is node.caption:
            return i
    for i, opt in enumerate(node.options):  # a tree built by hand may hold an equal copy
        if opt.kind == "caption" and [c.span for c in opt.children] == [
                c.span for c in node.caption]:
            return i
    raise ValueError("FileLink.caption is not the nodes of one of its options")


def _caption_from(node: ast.FileLink, caption: Any) -> list[ast.Node] | None:
    """``FileLink.caption`` from its JSON value: an option index (version 2), or the copied
    nodes (version 1: the caption option with the same spans shares them again)."""
    if caption is None:
        return None
    if isinstance(caption, bool) or not isinstance(caption, (int, list)):
        raise ValueError(f"FileLink.caption is {caption!r}, not an option index")
    if isinstance(caption, int):
        if not 0 <= caption < len(node.options):
            raise ValueError(f"FileLink.caption {caption} is not one of its "
                             f"{len(node.options)} options")
        return node.options[caption].children
    for opt in node.options:
        if opt.kind == "caption" and [c.span for c in opt.children] == [c.span for c in caption]:
            return opt.children
    return caption


_CHOICES: dict[type[ast.Node], dict[str, frozenset[Any]]] = {}


def _literal_values(tp: Any) -> frozenset[Any] | None:
    """The values a ``Literal`` (or optional ``Literal``) type allows; None for other types."""
    origin = typing.get_origin(tp)
    if origin is typing.Literal:
        return frozenset(typing.get_args(tp))
    if origin in (typing.Union, types.UnionType):
        parts = [_literal_values(a) if a is not type(None) else frozenset({None})
                 for a in typing.get_args(tp)]
        if all(p is not None for p in parts):
            return frozenset().union(*(p for p in parts if p is not None))
    return None


def _choices(cls: type[ast.Node]) -> dict[str, frozenset[Any]]:
    """Field name -> allowed values, for the fields with a fixed set of values (from_json
    checks them: a tree read from JSON holds only values the node classes allow)."""
    found = _CHOICES.get(cls)
    if found is None:
        from ..config import SiteConfig

        hints = typing.get_type_hints(cls, localns={"SiteConfig": SiteConfig})
        found = {}
        for name in _field_names(cls):
            values = _literal_values(hints[name])
            if values is not None:
                found[name] = values
        _CHOICES[cls] = found
    return found


def _rebuild(value: Any, name: str) -> Visiting:
    if isinstance(value, dict):
        if name == "diagnostics" or "code" in value and "type" not in value:
            return ast.Diagnostic(value["code"], value["message"], (value["span"][0], value["span"][1]),
                                  value.get("severity", "info"))
        return (yield value)
    if isinstance(value, list):
        items = []
        for v in value:
            items.append((yield from _rebuild(v, name)))
        return items
    return value


def _build(data: dict[str, Any]) -> ast.Node:
    """Run :func:`_node_from` on an explicit stack: a yielded dict becomes a node, however deep."""
    stack: list[Visiting] = [_node_from(data)]
    value: Any = None
    while True:
        try:
            request = stack[-1].send(value)
        except StopIteration as done:
            stack.pop()
            if not stack:
                return done.value  # type: ignore[no-any-return]
            value = done.value
            continue
        if not isinstance(request, dict):
            raise ValueError(f"a node must be a JSON object, got {type(request).__name__}")
        stack.append(_node_from(request))
        value = None


def from_json(data: str | bytes | dict[str, Any]) -> ast.Document:
    """Rebuild the Document that ``render(doc, "json")`` (or :func:`to_dict`) produced."""
    if isinstance(data, (str, bytes)):
        data = _loads(data)
    if not isinstance(data, dict) or data.get("type") != "Document":
        raise ValueError("from_json needs a serialised Document (an object with type 'Document')")
    schema = data.get("schema")
    if schema not in READABLE_SCHEMAS:
        raise ValueError(f"unsupported schema {schema!r}; this wikiparse reads "
                         f"{', '.join(repr(s) for s in sorted(READABLE_SCHEMAS))}")
    doc = _build(data)
    if not isinstance(doc, ast.Document):
        raise ValueError("from_json needs a serialised Document")
    ast.attach_source(doc, doc.source)
    return doc


# --------------------------------------------------------------------------- the JSON Schema


def _type_schema(tp: Any) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin is typing.Literal:
        return {"enum": list(typing.get_args(tp))}
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_type_schema(a) for a in typing.get_args(tp)]}
    if tp is type(None):
        return {"type": "null"}
    if tp is str:
        return {"type": "string"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number"}
    if origin is tuple:
        return {"$ref": "#/$defs/span"}
    if origin is list:
        (item,) = typing.get_args(tp)
        return {"type": "array", "items": _type_schema(item)}
    if isinstance(tp, type) and issubclass(tp, ast.Node):
        if tp is ast.Node:
            return {"$ref": "#/$defs/node"}
        return {"$ref": f"#/$defs/{tp.__name__}"}
    if tp is ast.Diagnostic:
        return {"$ref": "#/$defs/diagnostic"}
    raise TypeError(f"no JSON schema for {tp!r}")


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the JSON output, built from the node classes."""
    defs: dict[str, Any] = {
        "span": {"type": "array", "items": {"type": "integer", "minimum": 0},
                 "minItems": 2, "maxItems": 2},
        "diagnostic": {
            "type": "object", "additionalProperties": False,
            "required": ["code", "message", "span", "severity"],
            "properties": {"code": {"type": "string"}, "message": {"type": "string"},
                           "span": {"$ref": "#/$defs/span"},
                           "severity": {"enum": ["info", "warning", "internal"]}},
        },
    }
    from ..config import SiteConfig

    names = [n for n in ast.NODE_TYPES if n != "Document"]
    for type_name, cls in ast.NODE_TYPES.items():
        hints = typing.get_type_hints(cls, localns={"SiteConfig": SiteConfig, **vars(ast)})
        props: dict[str, Any] = {"type": {"const": type_name}, "span": {"$ref": "#/$defs/span"}}
        if cls is ast.Document:
            props["schema"] = {"const": SCHEMA_ID}
        for name in _field_names(cls):
            props[name] = _type_schema(hints[name])
        if cls is ast.FileLink:  # written as the index of the caption option
            props["caption"] = {"anyOf": [{"type": "integer", "minimum": 0},
                                          {"type": "null"}]}
        if "children" in hints:
            props["children"] = _type_schema(hints["children"])
        else:
            props["children"] = {"type": "array", "maxItems": 0}
        defs[type_name] = {"type": "object", "additionalProperties": False,
                           "required": list(props), "properties": props}
    defs["node"] = {
        "type": "object", "required": ["type"],
        "properties": {"type": {"enum": names}},
        "allOf": [{"if": {"properties": {"type": {"const": n}}},
                   "then": {"$ref": f"#/$defs/{n}"}} for n in names],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://wikiparse.invalid/schema/wikiparse-ast-2.json",
        "title": "wikiparse syntax tree, schema wikiparse-ast/2",
        "description": "Output of render(doc, 'json'); see docs/json.md.",
        "$ref": "#/$defs/Document",
        "$defs": defs,
    }


def schema_path() -> str:
    """Path of the shipped schema file."""
    from importlib.resources import files

    return str(files("wikiparse") / "schema" / "wikiparse-ast-2.json")


register("json", JsonEmitter)
