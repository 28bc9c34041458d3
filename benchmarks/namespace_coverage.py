"""Which ``[[Prefix:`` link prefixes in the article corpus a page's language configuration does not
recognise as a namespace, an interwiki prefix or a language code.

For every page of ``../shared/corpora/articles`` (language from ``manifest.tsv``) it counts the
prefixes before the first colon of each ``[[...]]`` link and lists those used at least
``--min-count`` times that ``SiteConfig.for_language(lang)`` does not know.  Some of what it lists
are not gaps (titles that contain a colon, such as ``[[ISO 3166-2:DE]]``, or pages whose text
comes from another wiki than their manifest language says, such as the German ``en--wtf`` pages);
the rest are missing localisations.  ``tests/config/test_config.py`` checks the File and Category
prefixes of the same pages.

Usage (from the repository root)::

    python benchmarks/namespace_coverage.py [--shared ../shared] [--min-count 2] [--json]

Exit status 0 always: this is a report, not a test.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

from wikiparse.config import SiteConfig

ROOT = Path(__file__).resolve().parent.parent

# "[[" then an optional leading colon, then the prefix up to the first ":" (no link syntax inside)
LINK_PREFIX = re.compile(r"\[\[\s*:?\s*([^\[\]|:#{}<>\n]{1,60}?)\s*:")


def unrecognised(text: str, config: SiteConfig, min_count: int) -> Counter[str]:
    """Prefixes used ``min_count`` or more times in ``text`` that ``config`` does not know."""
    counts: Counter[str] = Counter(m.group(1) for m in LINK_PREFIX.finditer(text))
    known_prefixes = {p.casefold() for p in config.interwiki_prefixes | config.language_codes}
    missing: Counter[str] = Counter()
    for prefix, count in counts.items():
        if count < min_count:
            continue
        if config.namespace_of(prefix) is not None:
            continue
        if prefix.strip().casefold() in known_prefixes:
            continue
        missing[prefix] = count
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--json", action="store_true", help="one JSON object per page")
    args = parser.parse_args(argv)

    corpus = args.shared / "corpora" / "articles"
    manifest = corpus / "manifest.tsv"
    if not manifest.exists():
        print(f"{manifest} not found", file=sys.stderr)
        return 0
    with manifest.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))

    configs: dict[str, SiteConfig] = {}
    pages_with_gaps = 0
    total: Counter[tuple[str, str]] = Counter()
    for row in rows:
        lang = row["language"]
        config = configs.setdefault(lang, SiteConfig.for_language(lang))
        text = (corpus / row["file"]).read_text(encoding="utf-8", errors="replace")
        missing = unrecognised(text, config, args.min_count)
        if not missing:
            continue
        pages_with_gaps += 1
        for prefix, count in missing.items():
            total[(lang, prefix)] += count
        if args.json:
            print(json.dumps({"file": row["file"], "language": lang, "unrecognised": missing},
                             ensure_ascii=False))
        else:
            listed = ", ".join(f"{p} ({n})" for p, n in missing.most_common())
            print(f"{lang:8} {row['file']}: {listed}")
    if not args.json:
        localised = sum(1 for lang in configs if lang in set(_localised()))
        print(f"\n{len(rows)} pages in {len(configs)} languages ({localised} with a built-in "
              f"localisation); {pages_with_gaps} pages use unrecognised prefixes.")
        print("by language:", "; ".join(f"{lang} {prefix} ({n})"
                                        for (lang, prefix), n in total.most_common()))
    return 0


def _localised() -> list[str]:
    from wikiparse.config import languages_with_localisation

    return list(languages_with_localisation())


if __name__ == "__main__":
    raise SystemExit(main())
