"""Digest of wikiparse's output on the corpus: one hash per page and format.

Refactorings promise "output unchanged where no bug was fixed"; this makes that checkable:

    python benchmarks/corpus_digest.py --out before.json          # on the old commit
    python benchmarks/corpus_digest.py --compare before.json      # on the new one

``--compare`` lists every (page, format) whose output changed and exits 1 when any did.
Formats: the tree dump, html, text, json and wikitext.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Callable

import wikiparse
from wikiparse.treedump import format_tree

FORMATS: dict[str, Callable[[wikiparse.Document], str]] = {
    "tree": format_tree,
    "html": lambda d: str(wikiparse.render(d, "html")),
    "text": lambda d: str(wikiparse.render(d, "text")),
    "json": lambda d: _as_text(wikiparse.render(d, "json")),
    "wikitext": lambda d: str(wikiparse.render(d, "wikitext")),
}


def _as_text(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value, sort_keys=True, ensure_ascii=False)


def digest(corpus: Path) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for path in sorted(corpus.glob("*.wiki")):
        doc = wikiparse.parse(path.read_text(encoding="utf-8"))
        out[path.name] = {
            name: hashlib.sha256(fn(doc).encode("utf-8", "surrogatepass")).hexdigest()[:16]
            for name, fn in FORMATS.items()
        }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    ap.add_argument("--out", type=Path, help="write the digest here")
    ap.add_argument("--compare", type=Path, help="compare with a digest written before")
    args = ap.parse_args(argv)
    current = digest(args.shared / "corpora" / "articles")
    if args.out:
        args.out.write_text(json.dumps(current, indent=1, sort_keys=True) + "\n")
    if args.compare:
        before = json.loads(args.compare.read_text())
        changed = [(page, fmt) for page in sorted(set(before) | set(current))
                   for fmt in FORMATS if before.get(page, {}).get(fmt) != current.get(page, {}).get(fmt)]
        for page, fmt in changed:
            print(f"changed: {page} {fmt}")
        print(f"{len(current)} pages, {len(changed)} (page, format) outputs changed")
        return 1 if changed else 0
    print(f"{len(current)} pages digested")
    return 0


if __name__ == "__main__":
    sys.exit(main())
