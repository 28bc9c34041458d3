"""Digest of every output of wikiparse on a corpus, for the compiled-vs-pure identity test.

    python tests/compiled/outputs_digest.py CORPUS_DIR OUT.json

One hash per page and output: the tree dump (node types, spans, fields), the diagnostics, the
wikitext round trip and every registered format (``wikiparse.emitters.emitters()``: html, json,
markdown, pandoc-json, text, wikitext and any installed plugin).  Each page is parsed with the
site configuration of its language (``<lang>--Title.wiki``).  The first key, ``"_build"``, records
which modules ran compiled (``wikiparse.compiled.COMPILED``), so a test can check that each side
ran the build it meant to.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import wikiparse
import wikiparse.compiled
from wikiparse import SiteConfig
from wikiparse.emitters import emitters
from wikiparse.treedump import format_tree


def _text(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value, sort_keys=True, ensure_ascii=False)


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def digest(corpus: Path) -> dict[str, object]:
    formats = emitters()
    configs: dict[str, SiteConfig] = {}
    out: dict[str, object] = {"_build": {"compiled": list(wikiparse.compiled.COMPILED),
                                         "formats": formats}}
    for path in sorted(corpus.glob("*.wiki")):
        lang = path.name.split("--", 1)[0] or "en"
        config = configs.setdefault(lang, SiteConfig.for_language(lang))
        text = path.read_text(encoding="utf-8")
        doc = wikiparse.parse(text, config=config)
        page = {"tree": _hash(format_tree(doc)),
                "diagnostics": _hash("\n".join(map(repr, doc.diagnostics))),
                "str": _hash(str(doc))}
        for fmt in formats:
            try:
                page[fmt] = _hash(_text(wikiparse.render(doc, fmt)))
            except Exception as exc:  # noqa: BLE001 - a failure is an output to compare too
                page[fmt] = f"raised {type(exc).__name__}: {exc}"[:200]
        out[path.name] = page
    return out


if __name__ == "__main__":
    corpus, target = Path(sys.argv[1]), Path(sys.argv[2])
    target.write_text(json.dumps(digest(corpus), indent=1, sort_keys=True) + "\n", encoding="utf-8")
