"""JSON emitter: schema validity, every key present, exact from_json round trip (corpus)."""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any, Iterator

import jsonschema
import pytest

import wikiparse
from wikiparse import ast
from wikiparse.emitters.json import SCHEMA_ID, from_json, json_schema, schema_path, to_dict

from testkit import ROOT, corpus_files

SCHEMA = json.loads(Path(schema_path()).read_text(encoding="utf-8"))


def _nodes(d: Any) -> Iterator[dict[str, Any]]:
    stack = [d]
    while stack:
        x = stack.pop()
        if isinstance(x, dict):
            if "type" in x and "span" in x:
                yield x
            stack.extend(v for k, v in x.items() if k != "diagnostics")
        elif isinstance(x, list):
            stack.extend(x)


def _per_node_validators() -> dict[str, jsonschema.Draft202012Validator]:
    """One validator per node type from the shipped schema, with nested nodes checked shallowly
    (each nested node is then validated on its own, so the whole tree is checked, linearly)."""
    schema = copy.deepcopy(SCHEMA)
    names = schema["$defs"]["node"]["properties"]["type"]["enum"]
    shallow = {"type": "object", "required": ["type", "span", "children"],
               "properties": {"type": {"enum": names}}}
    schema["$defs"]["node"] = shallow
    out = {}
    for name in ast.NODE_TYPES:
        s = dict(schema)
        s["$ref"] = f"#/$defs/{name}"
        out[name] = jsonschema.Draft202012Validator(s)
    return out


VALIDATORS = _per_node_validators()


def _validate_tree(data: dict[str, Any]) -> None:
    for node in _nodes(data):
        VALIDATORS[node["type"]].validate(node)


def test_shipped_schema_is_generated_from_node_classes() -> None:
    assert SCHEMA == json_schema()
    assert json.loads((ROOT / "docs" / "wikiparse-ast-2.schema.json").read_text()) == SCHEMA
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


SAMPLE = ("== H ==\n''a'' '''b''' [[x|y]]s {{t|1|k=v}} <ref name=r>n</ref> &amp; <!--c-->\n"
          "* i\n# j\n{|\n|+ cap\n! h\n|-\n| c\n|}\n[[File:F.jpg|thumb|cap]] [http://e.org e]\n"
          "[[Category:C]] {{{1|d}}} {{#if:a|b}} __TOC__ ~~~~ ISBN 978-0-306-40615-7\n pre\n----\n")


def test_sample_valid_against_full_schema_and_keys_always_present() -> None:
    doc = wikiparse.parse(SAMPLE)
    data = json.loads(wikiparse.render(doc, "json"))
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    assert data["schema"] == SCHEMA_ID and data["source"] == SAMPLE and "diagnostics" in data
    assert "config" not in data
    seen = set()
    for node in _nodes(data):
        props = SCHEMA["$defs"][node["type"]]["properties"]
        assert set(node) == set(props), node["type"]
        assert list(node)[:2] == ["type", "span"] and list(node)[-1] == "children"
        seen.add(node["type"])
    assert {"Template", "Parameter", "WikiLink", "Table", "FileLink", "ExtensionTag"} <= seen


def test_from_json_rebuilds_same_tree() -> None:
    doc = wikiparse.parse(SAMPLE)
    text = wikiparse.render(doc, "json")
    back = wikiparse.from_json(text)
    assert to_dict(back) == to_dict(doc)
    assert wikiparse.to_wikitext(back) == SAMPLE
    f = back.files[0]
    assert f.caption is not None and f.caption[0] is f.options[-1].children[0]
    assert from_json(json.loads(text)).source == SAMPLE


def test_file_caption_is_written_once_as_an_option_index() -> None:
    """Version 2: ``FileLink.caption`` is the caption option's index, so nested captions are
    written once each (version 1 copied them: 2^depth times)."""
    depth = 30
    text = "[[File:a.jpg|thumb|" * depth + "x" + "]]" * depth
    data = json.loads(wikiparse.render(wikiparse.parse(text), "json"))
    links = [n for n in _nodes(data) if n["type"] == "FileLink"]
    assert len(links) == depth
    assert all(n["caption"] == len(n["options"]) - 1 for n in links)
    back = from_json(data)
    assert wikiparse.to_wikitext(back) == text
    f = back.files[0]
    assert f.caption is f.options[-1].children


def test_from_json_reads_version_1_captions() -> None:
    doc = wikiparse.parse(SAMPLE)
    data = to_dict(doc)
    v1 = copy.deepcopy(data)
    v1["schema"] = "wikiparse-ast/1"
    for n in _nodes(v1):
        if n["type"] == "FileLink" and n["caption"] is not None:
            n["caption"] = copy.deepcopy(n["options"][n["caption"]]["children"])
    back = from_json(v1)
    assert to_dict(back) == data
    f = back.files[0]
    assert f.caption is not None and f.caption is f.options[-1].children


@pytest.mark.parametrize("caption", [5, -1, True, "x"])
def test_from_json_refuses_a_caption_that_is_no_option(caption: object) -> None:
    data = to_dict(wikiparse.parse("[[File:a.jpg|thumb|cap]]"))
    for n in _nodes(data):
        if n["type"] == "FileLink":
            n["caption"] = caption
    with pytest.raises(ValueError):
        from_json(data)


def test_from_json_rejects_other_schema() -> None:
    data = to_dict(wikiparse.parse("x"))
    data["schema"] = "wikiparse-ast/99"
    with pytest.raises(ValueError):
        from_json(data)
    with pytest.raises(ValueError):
        from_json({"type": "Paragraph"})


def test_indent_option() -> None:
    out = wikiparse.render(wikiparse.parse("a"), "json", indent=2)
    assert out.startswith("{\n") and json.loads(out)["type"] == "Document"


def test_corpus_is_there_for_the_json_tests(corpus_dir: Path) -> None:
    assert len(corpus_files()) >= 200


# every node of every page checked against its schema: about a minute in all (slow), one test per
# page so that parallel workers share it
@pytest.mark.slow
@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_corpus_json_valid_and_round_trip(path: Path) -> None:
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 20000))
    src = path.read_text(encoding="utf-8")
    doc = wikiparse.parse(src)
    text = wikiparse.render(doc, "json")
    data = json.loads(text)
    _validate_tree(data)
    back = from_json(text)
    assert to_dict(back) == data, path.name
    assert wikiparse.to_wikitext(back) == src, path.name


def test_from_json_refuses_values_outside_a_fields_literal_type() -> None:
    data = json.loads(wikiparse.render(wikiparse.parse("* a"), "json"))
    data["children"][0]["kind"] = "script"
    with pytest.raises(ValueError, match="List.kind is 'script', not one of"):
        from_json(data)
    assert SCHEMA["$defs"]["List"]["properties"]["kind"] == {"enum": ["ul", "ol", "dl"]}
