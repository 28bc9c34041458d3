#!/usr/bin/env python3
"""Do wikiparse and mwparserfromhell (C tokenizer) find the same constructs on the corpus pages?

    benchmarks/.venv/bin/python benchmarks/crosscheck.py [--check] [--json OUT.json]
        [--diff CONSTRUCT|all] [--page SUBSTRING] [--smoke]

Issue 3's acceptance: per construct, at least 97% of the pages agree.  A page *agrees* on a
construct when the two multisets of normalised items are equal.  Constructs and normalisation
(the same function on both sides unless said otherwise):

  templates   template names.  Comments removed, entities decoded, ``_`` -> space, whitespace
              collapsed and trimmed, a leading ``Template:`` dropped, first letter upper-case.
              mwparserfromhell calls parser functions and variables templates too
              (``{{#if:..}}``, ``{{lc:..}}``, ``{{PAGENAME}}``); those are dropped from its side
              with wikiparse's own SiteConfig word lists, so both sides answer "which templates
              does this page transclude".
  wikilinks   link targets.  mwparserfromhell's wikilinks include File:, Category: and
              interlanguage links, so its list is compared with the union of wikiparse's
              WikiLink, FileLink, Category and LanguageLink targets.  Comments removed, entities
              decoded (``&nbsp;`` is a space in a title), a leading ``:`` dropped, ``_`` -> space,
              whitespace collapsed, first letter upper-case.
  extlinks    external-link URLs (bracketed, autonumbered and free), trimmed, then cut where
              MediaWiki ends a URL, on both sides (``norm_url``): at ``{{`` (MediaWiki expands
              the template first, and its output ends the URL), at ``&lt;``/``&gt;`` and at
              Unicode space separators such as U+3000 (not URL characters in MediaWiki); a
              protocol with nothing after it (``News:``) is no link.  mwparserfromhell applies
              none of these rules; each is pinned by a parser fixture (tests/fixtures/parser/
              url_*.txt).  The comparison without them is reported as ``extlinks_raw`` (extra).
  headings    heading titles as visible text, whitespace collapsed.  wikiparse: ``Heading.title``.
              mwparserfromhell: its title nodes reduced by the same rules wikiparse's ``title``
              documents (link label or target, entities decoded; templates, comments, refs,
              File:/Category:/language links contribute nothing).  Its own ``strip_code()`` keeps
              ref text and image options (``20px``), which is a policy difference, not a parse
              difference, so it is not used.
  heading_levels  (extra, not in the acceptance) ``level:title`` pairs.

Each page is parsed by wikiparse with ``SiteConfig.for_language(<manifest language>)``.
``--diff`` lists, for each disagreeing page, the items only wikiparse found and the items only
mwparserfromhell found, then the most frequent such items over all pages, so each difference
can be classified as a wikiparse bug or a peer error.  ``--check`` exits 1 when a construct is
below ``--min-agree`` (97) percent or the C tokenizer is not in use.
"""

from __future__ import annotations

import os
import argparse
import html
import json
import re
import sys
import time
from collections import Counter
from typing import Any, Callable

from benchkit import Page, eprint, load_corpus, shared_dir, smoke_subset, table, wikiparse_parser_ready

CONSTRUCTS = ("templates", "wikilinks", "extlinks", "headings")
EXTRA = ("heading_levels", "extlinks_raw")
COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)


def _first_upper(s: str) -> str:
    return s[:1].upper() + s[1:]


def _clean(s: str) -> str:
    """Comments out, character references decoded (MediaWiki decodes them in titles, so
    ``[[a&nbsp;b]]`` links to ``A b``), ``_`` and any whitespace (NBSP too) as one space."""
    return " ".join(html.unescape(COMMENT.sub("", s)).replace("_", " ").split())


def norm_name(s: str) -> str:
    s = _clean(s)
    if s[:9].lower() == "template:":
        s = s[9:].lstrip()
    return _first_upper(s)


def norm_target(s: str) -> str:
    s = _clean(s)
    return _first_upper(s[1:].lstrip() if s.startswith(":") else s)


def norm_title(s: str) -> str:
    return " ".join(s.split())


# --------------------------------------------------------------------------- wikiparse side


_URL_END = re.compile(r"\{\{|&(?:lt|gt);|[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_PROTOCOL_ONLY = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:(?://)?")


def norm_url(url: str) -> str | None:
    """The URL MediaWiki links (see the module docstring), or None for no link."""
    url = url.strip()
    m = _URL_END.search(url)
    if m:
        url = url[: m.start()]
    if not url or _PROTOCOL_ONLY.fullmatch(url):
        return None
    return url


def url_counter(urls: Any) -> Counter[str]:
    return Counter(u for u in map(norm_url, urls) if u is not None)


def wikiparse_items(doc: Any) -> dict[str, Counter[str]]:
    from wikiparse import ast

    links: Counter[str] = Counter()
    for node in doc.filter((ast.WikiLink, ast.FileLink, ast.Category, ast.LanguageLink)):
        links[norm_target(node.target)] += 1
    heads = doc.filter_headings()
    return {
        "templates": Counter(norm_name(t.name) for t in doc.filter_templates()),
        "wikilinks": links,
        "extlinks": url_counter(e.url for e in doc.filter_external_links()),
        "extlinks_raw": Counter(e.url.strip() for e in doc.filter_external_links()),
        "headings": Counter(norm_title(h.title) for h in heads),
        "heading_levels": Counter(f"{h.level}:{norm_title(h.title)}" for h in heads),
    }


# --------------------------------------------------------------------------- mwparserfromhell side


class MwphView:
    """Reads mwparserfromhell's tree with wikiparse's SiteConfig for word lists and namespaces."""

    def __init__(self, config: Any) -> None:
        self.config = config
        self.functions = {f.lower() for f in config.parser_functions}
        self.variables = set(config.variables)

    def is_template(self, name: str) -> bool:
        """False for what MediaWiki treats as a parser function or a magic-word variable."""
        s = name.strip()
        if s.startswith("#"):
            return False
        for prefix in ("subst:", "safesubst:"):
            if s.lower().startswith(prefix):
                s = s[len(prefix):].strip()
        head, colon, _ = s.partition(":")
        if colon and (head.strip().lower() in self.functions or head.strip().upper() in self.variables):
            return False
        return s not in self.variables

    def hidden_link(self, title: str) -> bool:
        """File:, Media:, Category: and interlanguage links add no visible text to a title."""
        t = title.strip()
        if t.startswith(":"):
            return False
        prefix, colon, _ = t.partition(":")
        if not colon:
            return False
        ns = self.config.namespace_of(prefix.strip())
        return ns in (6, -2, 14) or prefix.strip().lower() in self.config.language_codes

    def visible(self, code: Any) -> str:
        import mwparserfromhell.nodes as n

        parts: list[str] = []
        for node in code.nodes:
            if isinstance(node, n.Text):
                parts.append(node.value)
            elif isinstance(node, n.HTMLEntity):
                parts.append(node.normalize())
            elif isinstance(node, n.Wikilink):
                title = str(node.title)
                if self.hidden_link(title):
                    continue
                parts.append(self.visible(node.text) if node.text is not None else title.strip().lstrip(":"))
            elif isinstance(node, n.ExternalLink):
                if node.title is not None:
                    parts.append(self.visible(node.title))
                elif not node.brackets:
                    parts.append(str(node.url))
            elif isinstance(node, n.Tag):
                tag = str(node.tag).strip().lower()
                if tag == "nowiki" and node.contents is not None:
                    parts.append(str(node.contents))
                elif tag not in ("ref", "references") and node.contents is not None:
                    parts.append(self.visible(node.contents))
            # Template, Argument, Comment, Heading: nothing visible
        return "".join(parts)

    def items(self, code: Any) -> dict[str, Counter[str]]:
        heads = code.filter_headings()
        titles = [norm_title(self.visible(h.title)) for h in heads]
        return {
            "templates": Counter(norm_name(str(t.name)) for t in code.filter_templates()
                                 if self.is_template(COMMENT.sub("", str(t.name)))),
            "wikilinks": Counter(norm_target(str(link.title)) for link in code.filter_wikilinks()),
            "extlinks": url_counter(str(e.url) for e in code.filter_external_links()),
            "extlinks_raw": Counter(str(e.url).strip() for e in code.filter_external_links()),
            "headings": Counter(titles),
            "heading_levels": Counter(f"{h.level}:{t}" for h, t in zip(heads, titles)),
        }


# --------------------------------------------------------------------------- comparison


def compare_page(page: Page, parse: Callable[..., Any], config_for: Callable[[str], Any],
                 mwph: Any) -> dict[str, Any]:
    config = config_for(page.lang)
    result: dict[str, Any] = {"page": page.name, "lang": page.lang, "bytes": page.nbytes}
    try:
        c0 = time.process_time()
        doc = parse(page.text, config=config)
        result["wikiparse_s"] = time.process_time() - c0
        ours = wikiparse_items(doc)
        result["lossless"] = str(doc) == page.text
    except Exception as e:  # noqa: BLE001 - parse must never raise; record it as a failure
        result["error"] = f"wikiparse: {type(e).__name__}: {str(e)[:200]}"
        ours = None
    c0 = time.process_time()
    theirs = MwphView(config).items(mwph.parse(page.text))
    result["mwph_s"] = time.process_time() - c0
    for k in CONSTRUCTS + EXTRA:
        a = ours[k] if ours is not None else Counter()
        b = theirs[k]
        result[k] = {
            "agree": ours is not None and a == b,
            "wikiparse": sum(a.values()), "mwph": sum(b.values()),
            "common": sum((a & b).values()),
            "only_wikiparse": dict(a - b), "only_mwph": dict(b - a),
        }
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", help="folder holding corpora/ (default ../shared)")
    ap.add_argument("--corpus", help="corpus folder (default <shared>/corpora/articles)")
    ap.add_argument("--diff", metavar="CONSTRUCT", choices=CONSTRUCTS + EXTRA + ("all",),
                    help="list the differing items per page for this construct (or all)")
    ap.add_argument("--page", help="only pages whose file name contains this")
    ap.add_argument("--max-items", type=int, default=25, help="items shown per page and side in --diff")
    ap.add_argument("--min-agree", type=float, default=97.0, help="percent, for --check")
    ap.add_argument("--check", action="store_true", help="exit 1 below --min-agree or without the C tokenizer")
    ap.add_argument("--smoke", action="store_true", help="8 pages only (CI: it runs)")
    ap.add_argument("--json", help="write the per-page results here")
    args = ap.parse_args(argv)

    import mwparserfromhell

    use_c = bool(mwparserfromhell.parser.use_c)
    why = wikiparse_parser_ready()
    if why is not None:
        eprint(f"crosscheck: wikiparse cannot parse wikitext yet ({why})")
        return 2
    import wikiparse
    from wikiparse import SiteConfig

    configs: dict[str, Any] = {}

    def config_for(lang: str) -> Any:
        if lang not in configs:
            configs[lang] = SiteConfig.for_language(lang)
        return configs[lang]

    from pathlib import Path

    corpus = Path(args.corpus) if args.corpus else shared_dir(args.shared) / "corpora" / "articles"
    pages = load_corpus(corpus)
    if args.smoke:
        pages = smoke_subset(pages)
    if args.page:
        pages = [p for p in pages if args.page in p.name]
    if not pages:
        eprint("crosscheck: no pages")
        return 2

    results = [compare_page(p, wikiparse.parse, config_for, mwparserfromhell) for p in pages]
    n = len(results)
    errors = {r["page"]: r["error"] for r in results if "error" in r}
    lossless = sum(1 for r in results if r.get("lossless"))

    summary = {}
    rows = []
    for k in CONSTRUCTS + EXTRA:
        agree = sum(1 for r in results if r[k]["agree"])
        ours = sum(r[k]["wikiparse"] for r in results)
        theirs = sum(r[k]["mwph"] for r in results)
        common = sum(r[k]["common"] for r in results)
        pct = 100.0 * agree / n
        summary[k] = {"agree": agree, "pages": n, "percent": pct, "items_wikiparse": ours,
                      "items_mwph": theirs, "items_common": common}
        rows.append((k + ("" if k in CONSTRUCTS else " (extra)"), f"{agree}/{n}", f"{pct:.1f}",
                     ours, theirs, common, "ok" if pct >= args.min_agree else "below"))

    print(f"crosscheck wikiparse {wikiparse.__version__} vs mwparserfromhell {mwparserfromhell.__version__} "
          f"(C tokenizer: {'yes' if use_c else 'NO - pure Python'}), {n} pages")
    print(table(["construct", "pages agree", "%", "items wp", "items mwph", "common", f">= {args.min_agree:g}%"],
                rows, right=[False, True, True, True, True, True, False]))
    print(f"lossless round trip: {lossless}/{n} pages; wikiparse raised on {len(errors)} page(s)")
    for page, err in errors.items():
        print(f"  {page}: {err}")

    if args.diff:
        for k in (CONSTRUCTS + EXTRA if args.diff == "all" else (args.diff,)):
            print_diff(k, results, args.max_items)

    if args.json:
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"wikiparse": wikiparse.__version__, "mwparserfromhell": mwparserfromhell.__version__,
                       "use_c": use_c, "pages": n, "min_agree": args.min_agree, "summary": summary,
                       "lossless_pages": lossless, "errors": errors,
                       "per_page": [strip_agreeing(r) for r in results]}, f, indent=1, ensure_ascii=False)
    failed = [k for k in CONSTRUCTS if summary[k]["percent"] < args.min_agree]
    if args.check and (failed or not use_c or errors):
        eprint(f"crosscheck: FAIL ({', '.join(failed) or 'no construct'} below {args.min_agree:g}%"
               f"{'; mwparserfromhell without its C tokenizer' if not use_c else ''}"
               f"{'; wikiparse raised' if errors else ''})")
        return 1
    return 0


def strip_agreeing(r: dict[str, Any]) -> dict[str, Any]:
    """Per-page JSON: counts for every construct, item lists only where the page disagrees."""
    out = {k: v for k, v in r.items() if not isinstance(v, dict)}
    for k in CONSTRUCTS + EXTRA:
        d = dict(r[k])
        if d["agree"]:
            d.pop("only_wikiparse")
            d.pop("only_mwph")
        out[k] = d
    return out


def print_diff(k: str, results: list[dict[str, Any]], max_items: int) -> None:
    bad = [r for r in results if not r[k]["agree"]]
    print(f"\n=== {k}: {len(bad)} disagreeing page(s) ===")

    def fmt(items: dict[str, int]) -> str:
        shown = sorted(items.items(), key=lambda kv: (-kv[1], kv[0]))[:max_items]
        s = "; ".join(f"{item!r}" + (f" x{c}" if c > 1 else "") for item, c in shown)
        return s + (f"; ... ({len(items) - max_items} more)" if len(items) > max_items else "")

    total_ours: Counter[str] = Counter()
    total_theirs: Counter[str] = Counter()
    for r in bad:
        d = r[k]
        print(f"- {r['page']} ({r['bytes'] // 1000} KB): wikiparse {d['wikiparse']}, mwph {d['mwph']}, "
              f"common {d['common']}" + (f"  [{r['error']}]" if "error" in r else ""))
        if d["only_wikiparse"]:
            print(f"    only wikiparse: {fmt(d['only_wikiparse'])}")
        if d["only_mwph"]:
            print(f"    only mwph:      {fmt(d['only_mwph'])}")
        total_ours.update({i: 1 for i in d["only_wikiparse"]})
        total_theirs.update({i: 1 for i in d["only_mwph"]})
    if bad:
        print(f"  most frequent (pages): only wikiparse: {total_ours.most_common(10)}")
        print(f"                          only mwph:      {total_theirs.most_common(10)}")


if __name__ == "__main__":
    sys.exit(main())
