"""Runs Scribunto's own library test files (``../shared/corpora/scribunto/*Tests.lua``, GPL test
data read at run time) against our engine, as the ``*TestBase.php`` files drive them.

Each file returns ``testframework.getTestProvider{…}``: a table with ``count``, ``provide(n)``
(name and the expected result as text) and ``run(n)`` (the actual result as text).  A case passes
when the two strings are equal.  Cases that need a live wiki (a database, other languages' data,
the parser's strip state) are listed in :data:`NEEDS_WIKI` with the reason, and not counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lua_fakes import FakeContext, FakeFrame

from wikiparse.config import Limits, SiteConfig
from wikiparse.expand.lua.convert import to_text

FILES = ("CommonTests", "HashLibraryTests", "HtmlLibraryTests", "LanguageLibraryTests",
         "LibraryUtilTests", "MessageLibraryTests", "SiteLibraryTests", "TextLibraryTests",
         "TitleLibraryTests", "UriLibraryTests", "UstringLibraryTests", "SvgLibraryTests")

# (file, case-name pattern) -> why it needs a live wiki
NEEDS_WIKI: dict[tuple[str, str], str] = {
    ("LanguageLibraryTests", r"fetchLanguageNames? \((en,ru|ru,en|de|\[\[bogus\]\])\)"):
        "translated language names (CLDR)",
    ("LanguageLibraryTests", r"fetchLanguageNames \(\)"): "MediaWiki's table of language names",
    ("LanguageLibraryTests", r"^getFallbacksFor|^lang:getFallbackLanguages"):
        "MediaWiki's fallback chains (arz → ar, kaa → kk-latn …)",
    ("LanguageLibraryTests", r"\((pl|ru|sr-ec|sr-el|simple)\)$"):
        "another language's rules (Polish plurals, Russian grammar, Serbian BCP 47 codes)",
    ("LanguageLibraryTests", r"^lang:(formatNum|formatDate|formatDuration)"):
        "Karakalpak and Persian digits, separators, month names and duration words",
    ("MessageLibraryTests", r"^(exists \(1\)|inLanguage)$"):
        "the wiki's message store (MediaWiki: namespace and i18n)",
    ("TitleLibraryTests", r"(protectionLevels|cascadingProtection|redirectTarget|\.id|"
                          r"isRedirect|existing pageid|fileExists|\.file|recordVaryFlags)"):
        "page records in a database (ids, protections, redirects, files)",
    ("TitleLibraryTests", r"^\.(fullUrl|canonicalUrl|localUrl)\(\)"): "the wiki's interwiki table (URLs)",
    ("TitleLibraryTests", r"^\.(getContent\(\)|content)$"): "non-includable namespaces ($wgNonincludableNamespaces)",
    ("TextLibraryTests", r"^unstrip"): "the parser's strip state",
    ("TextLibraryTests", r"^killMarkers$"): "the parser's strip markers",
    ("SiteLibraryTests", r"interwikiMap"): "the wiki's interwiki table",
    ("SvgLibraryTests", r"toImage"): "the parser's strip markers (an image as raw HTML)",
}


@dataclass
class CaseResult:
    file: str
    index: int
    name: str
    expected: str
    actual: str
    skipped: str | None = None

    @property
    def passed(self) -> bool:
        return self.skipped is None and self.expected == self.actual


def _needs_wiki(file: str, name: str) -> str | None:
    for (f, pattern), reason in NEEDS_WIKI.items():
        if f == file and re.search(pattern, name):
            return reason
    return None


def _context(corpus: Path) -> FakeContext:
    pages: dict[str, str] = {}
    for path in corpus.glob("*.lua"):
        pages["Module:" + path.stem] = path.read_text("utf-8")
    pages["Module:CommonTests-data.json"] = (corpus / "CommonTests-data.json").read_text("utf-8")
    pages["Help:Foo"] = "help"
    pages["ScribuntoTestPage"] = "{{int:mainpage}}<includeonly>...</includeonly><noinclude>...</noinclude>"
    pages["Test:Restricted"] = "Some secret."
    namespaces = dict(SiteConfig().namespaces)
    namespaces.update({100: "Test", 101: "Test talk", 4: "Wikipedia", 5: "Wikipedia talk"})
    config = SiteConfig(namespaces=namespaces,
                        interwiki_prefixes=SiteConfig().interwiki_prefixes | {"interwikiprefix"})
    return FakeContext(pages, page_title="Main Page", config=config, limits=Limits(max_expensive=10),
                       server="//wiki.local", canonical_server="http://wiki.local",
                       fragment_mode="legacy")


def run_file(corpus: Path, name: str) -> list[CaseResult]:
    """Every case of one ``*Tests.lua`` file, each in a fresh engine state per file."""
    from wikiparse.expand.lua import engine_for

    context = _context(corpus)
    engine = engine_for(context)
    assert engine is not None
    context.engine = engine
    api = engine.api
    runtime = engine.runtime
    frame = FakeFrame(context, "Module:" + name, {}, FakeFrame(context, "Main Page"))
    handle = engine.bridge.add_frame(frame, None)
    extras = runtime.table_from({
        b"makeProtectedEnvFuncsForTest": api.make_protected_env_funcs,
    })
    # the HTML library's strip-marker test, as HtmlLibraryTestBase sets it up
    setup = ('mw.title.testPageId = 1 '
             'mw.html.stripMarkers = { nowiki = "\\127\'\\"`UNIQ--test-nowiki-00000000-QINU`\\"\'\\127" } '
             f"return require('Module:{name}')").encode()
    ok, provider = _unpack(api.run_in_env(setup, name.encode(), handle, extras))[:2]
    results: list[CaseResult] = []
    if not ok:
        return [CaseResult(name, 0, "(load)", "", to_text(provider), None)]
    count = int(provider[b"count"])
    for n in range(1, count + 1):
        got = _unpack(api.call(provider[b"provide"], n))
        if not got[0]:
            results.append(CaseResult(name, n, f"#{n}", "", "ERROR: " + to_text(got[1])))
            continue
        case_name, expected = to_text(got[2]), to_text(got[3])
        reason = _needs_wiki(name, case_name)
        if reason:
            results.append(CaseResult(name, n, case_name, expected, "", reason))
            continue
        engine.bridge.expensive = 0  # every case runs with a fresh parser, as in Scribunto's tests
        engine.bridge.looked_up.clear()
        ran = _unpack(api.call(provider[b"run"], n))
        if ran[0]:
            actual = to_text(ran[1])
        else:
            message = to_text(ran[1])
            if message.startswith("SKIP: "):
                results.append(CaseResult(name, n, case_name, expected, "", message[6:]))
                continue
            actual = "LUA ERROR: " + message
        results.append(CaseResult(name, n, case_name, expected, actual))
    return results


def _unpack(value: Any) -> tuple[Any, ...]:
    return value if isinstance(value, tuple) else (value,)


def run_all(corpus: Path) -> list[CaseResult]:
    out: list[CaseResult] = []
    for name in FILES:
        out.extend(run_file(corpus, name))
    return out
