"""MediaWiki's parser-test environment, for conformance checks (``make conformance``, the
ratchet test, and outside harnesses)::

    python ../shared/tools/parsertests.py score --func wikiparse.testing:parsertest_html

MediaWiki's test runner renders every case as the page "Parser test" on a wiki with a few
uploaded files, a small interwiki table and 180px thumbnails; this module sets the parser and
the emitters up the same way.  The file sizes and interwiki URLs are the runner's environment
(facts about the test wiki, like a ``SiteConfig``), not expected output.
"""

from __future__ import annotations

import html
from datetime import datetime, timezone
from typing import Any, Callable, Mapping

import wikiparse

from .config import Limits, SiteConfig
from .emitters.html import HtmlEmitter
from .emitters.html.media import FileInfo, HashedUploads
from .expand import Settings

__all__ = ["HONOURED_SETTINGS", "TEST_CONFIG", "TEST_FILES", "TEST_INTERWIKI", "convert",
           "make_emitter", "parsertest_html", "parsertest_text", "reproduces_settings",
           "test_files"]

#: the files MediaWiki's parser-test runner uploads: name -> (width, height[, mime[, length
#: in seconds]]); audio and video carry their codecs (TimedMediaHandler's ``<source type>``)
TEST_FILES: dict[str, tuple[object, ...]] = {
    "Foobar.jpg": (1941, 220),
    "Bad.jpg": (1941, 220),
    "Thumb.png": (135, 135),
    "Foobar.svg": (240, 180, "image/svg+xml"),
    "LoremIpsum.djvu": (2480, 3508, "image/vnd.djvu"),
    "Video.ogv": (320, 240, 'video/ogg; codecs="theora"', 4.367),
    "Transcode.webm": (492, 360, "video/webm"),
    "Audio.oga": (None, None, 'audio/ogg; codecs="vorbis"', 1.0),
    "Hi-ho.jpg": (1941, 220),
    "Tall.jpg": (400, 600),
    "File_&_file.jpg": (1941, 220),
}
#: file redirects on the test wiki
TEST_FILE_REDIRECTS = {"Redirect_to_foobar.jpg": "Foobar.jpg"}

TEST_INTERWIKI: dict[str, str] = {
    "local": "http://doesnt.matter.org/$1",
    "wikipedia": "http://en.wikipedia.org/wiki/$1",
    "meatball": "http://www.usemod.com/cgi-bin/mb.pl?$1",
    "memoryalpha": "http://www.memory-alpha.org/en/index.php/$1",
    "zh": "http://zh.wikipedia.org/wiki/$1",
    "es": "http://es.wikipedia.org/wiki/$1",
    "fr": "http://fr.wikipedia.org/wiki/$1",
    "ru": "http://ru.wikipedia.org/wiki/$1",
    "mi": "http://mi.wikipedia.org/wiki/$1",
    "mul": "http://wikisource.org/wiki/$1",
    "en": "//en.wikipedia.org/wiki/$1",
    "stats": "https://stats.wikimedia.org/$1",
    "gerrit": "https://gerrit.wikimedia.org/$1",
    "project": "http://example.org/wiki/$1",
}

#: the rows of that table with ``iw_local = 0`` (wikis outside the test wiki's farm)
TEST_FOREIGN_INTERWIKI = ("local", "wikipedia", "meatball", "memoryalpha")

_UPLOADS = HashedUploads(base="http://example.com/images", sizes=TEST_FILES, only_known=True,
                         bad=frozenset({"Bad.jpg"}))


def test_files(name: str) -> FileInfo | None:
    """The parser-test wiki's file repository (with its one file redirect)."""
    key = name.replace(" ", "_")
    return _UPLOADS(TEST_FILE_REDIRECTS.get(key, key))


def make_emitter(options: Mapping[str, Any] | None = None) -> HtmlEmitter:
    options = options or {}
    title = str(options.get("title") or "Parser test").replace("_", " ")
    try:
        thumb = int(str(options.get("thumbsize", 180)))
    except ValueError:
        thumb = 180
    return HtmlEmitter(
        wrap=False, toc=False, files=test_files, thumb_size=thumb, interwiki=_interwiki(options),
        page_title=title[:1].upper() + title[1:], local_interwiki=("local", "mi"),
        foreign_interwiki=TEST_FOREIGN_INTERWIKI,
        fragment_mode=_fragment_mode(options),
        external_images=_truthy(_setting(options, "wgAllowExternalImages")),
        raw_html=_truthy(_setting(options, "wgRawHtml")),
    )


def _setting(options: Mapping[str, Any], name: str) -> object:
    """The case's value of the ``$wg…`` setting ``name``: from its ``!! config`` section, or
    a ``wg…`` option (the harness lower-cases option names); None when it sets none."""
    config = options.get("config")
    if isinstance(config, Mapping):
        for key, value in config.items():
            if str(key).lower() == name.lower():
                return value
    return options.get(name.lower())


def _truthy(value: object) -> bool:
    """A PHP setting's truth (``1``, ``true``; option values arrive as strings)."""
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)


def _is_setting_value(value: object) -> bool:
    return isinstance(value, (bool, int)) or (
        isinstance(value, str) and value.strip().lower() in ("0", "1", "true", "false", ""))


def _fragment_mode(options: Mapping[str, Any]) -> tuple[str, ...]:
    """The case's ``$wgFragmentMode`` (``!! config`` / ``config=`` option); the runner's
    default is ``legacy`` alone (ParserTestRunner::perTestSetup: "test with legacy encoding by
    default")."""
    config = options.get("config")
    mode = config.get("wgFragmentMode") if isinstance(config, Mapping) else None
    if isinstance(mode, str):
        mode = [mode]
    if isinstance(mode, (list, tuple)) and all(isinstance(m, str) for m in mode) and mode:
        return tuple(mode)
    return ("legacy",)


#: the test wiki's namespaces: MediaWiki's core ones, the Project namespace "TestWiki"
#: ($wgMetaNamespace) and the runner's one extra namespace pair, "MemoryAlpha", which shadows
#: the interwiki prefix of the same name (T53680); none of English Wikipedia's (Portal, Draft)
TEST_NAMESPACES: dict[int, str] = {
    **{number: name for number, name in SiteConfig().namespaces.items() if -2 <= number <= 15},
    4: "TestWiki", 5: "TestWiki talk", 100: "MemoryAlpha", 101: "MemoryAlpha talk",
}
#: MediaWiki's own namespace aliases (no Wikipedia shortcuts such as WP: or T:)
TEST_NAMESPACE_ALIASES = {"Image": 6, "Image talk": 7, "Project": 4, "Project talk": 5}

#: the test wiki: English defaults, its namespaces, and only the runner's interwiki prefixes
#: ("Meta:" is no interwiki there)
TEST_CONFIG = SiteConfig().with_(
    namespaces=TEST_NAMESPACES,
    namespace_aliases=TEST_NAMESPACE_ALIASES,
    interwiki_prefixes=frozenset(TEST_INTERWIKI),
    # the runner's language prefixes (interwiki rows with iw_local=1 whose prefix is a language
    # code) and $wgExtraInterlanguageLinkPrefixes = ['mul']; "mi" is one too, but as a local
    # interwiki it never makes a language link
    language_codes=frozenset({"en", "es", "fr", "ru", "zh", "mul"}),
    extension_tags={**SiteConfig().extension_tags, "tag": "raw", "tåg": "raw", "spantag": "raw",
                    "divtag": "raw"},
    # MediaWiki's own ``pubmedurl`` message (Wikipedia overrides it)
    pmid_url="//www.ncbi.nlm.nih.gov/pubmed/$1?dopt=Abstract",
)


#: the runner's fixed "now" (ParserTestRunner sets the clock to 1970-01-01 00:02:03 UTC)
TEST_CLOCK = datetime(1970, 1, 1, 0, 2, 3, tzinfo=timezone.utc)


def _file_url(name: str) -> str | None:
    info = test_files(name)
    return info.url if info is not None else None


def _php_export(value: str | None) -> str:
    if value is None:
        return "NULL"
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _dump_hook(content: str | None, attrs: dict[str, str]) -> str:
    """The runner's ``<tag>``: its content and attributes as PHP's ``var_export`` writes them."""
    lines = "".join(f"  {_php_export(k)} => {_php_export(v)},\n" for k, v in attrs.items())
    return f"<pre>\n{_php_export(content)}\narray (\n{lines})\n</pre>"


def _wrap_hook(element: str) -> Callable[[str | None, dict[str, str]], str]:
    """The runner's ``<spantag>``/``<divtag>``: the content parsed as wikitext inside a
    ``<span>``/``<div>`` (``raw`` keeps the content unparsed)."""
    def hook(content: str | None, attrs: dict[str, str]) -> str:
        inner = content or ""
        if "raw" in attrs:
            inner = f"<nowiki>{inner}</nowiki>"
        return f"<{element}>{inner}</{element}>"
    return hook


#: the parser-test wiki's test-only tags (ParserTestParserHook)
TEST_TAG_HOOKS = {"tag": _dump_hook, "tåg": _dump_hook, "spantag": _wrap_hook("span"),
                  "divtag": _wrap_hook("div")}


def expansion_settings(options: Mapping[str, Any] | None = None) -> Settings:
    """The test wiki as the preprocessor sees it: site "MediaWiki" at http://example.org,
    revision 1337 (saved by 127.0.0.1 with the ``lastsavedrevision`` option), the runner's
    clock, missing templates as red links, the runner's ``<tag>`` hook."""
    options = options or {}
    return Settings(missing="link", revision_id=1337, revision_timestamp=TEST_CLOCK,
                    revision_user="127.0.0.1", saved="lastsavedrevision" in options,
                    site_name="MediaWiki",
                    server="http://example.org", script_path="", file_url=_file_url,
                    escape_braces=True, tag_hooks=TEST_TAG_HOOKS)


#: the interwiki the runner adds for a case with the ``pmid-interwiki`` option
PMID_INTERWIKI = ("pmid", "//www.ncbi.nlm.nih.gov/pubmed/$1?dopt=Abstract")


def _interwiki(options: Mapping[str, Any]) -> dict[str, str]:
    if "pmid-interwiki" in options:
        return {**TEST_INTERWIKI, PMID_INTERWIKI[0]: PMID_INTERWIKI[1]}
    return TEST_INTERWIKI


def _site_config(options: Mapping[str, Any]) -> SiteConfig:
    """:data:`TEST_CONFIG` with the case's options: ``pmid-interwiki``, ``$wgEnableMagicLinks``
    (any of ISBN, PMID, RFC off), ``$wgInterwikiMagic`` and ``$wgRawHtml`` (the ``<html>``
    tag)."""
    changes: dict[str, Any] = {}
    if "pmid-interwiki" in options:
        changes["interwiki_prefixes"] = TEST_CONFIG.interwiki_prefixes | {PMID_INTERWIKI[0]}
    enable = _setting(options, "wgEnableMagicLinks")
    if _magic_link_switches(enable) and isinstance(enable, Mapping):
        kinds = frozenset(k for k in ("ISBN", "PMID", "RFC") if enable.get(k, True) is not False)
        changes["magic_links"] = bool(kinds)
        changes["magic_link_kinds"] = kinds
    if _setting(options, "wgInterwikiMagic") is not None and not _truthy(
            _setting(options, "wgInterwikiMagic")):
        changes["interwiki_magic"] = False
    if _truthy(_setting(options, "wgRawHtml")):
        # $wgRawHtml registers the <html> tag
        changes["extension_tags"] = {**TEST_CONFIG.extension_tags, "html": "raw"}
    return TEST_CONFIG.with_(**changes) if changes else TEST_CONFIG


def _magic_link_switches(value: object) -> bool:
    """``$wgEnableMagicLinks`` as the runner merges it: ISBN/PMID/RFC switches (others off
    stay on)."""
    return isinstance(value, Mapping) and all(
        k in ("ISBN", "PMID", "RFC") and isinstance(v, bool) for k, v in value.items())


def _fragment_modes(value: object) -> bool:
    modes = [value] if isinstance(value, str) else value
    return (isinstance(modes, (list, tuple)) and bool(modes)
            and all(m in ("html5", "legacy") for m in modes))


#: the ``$wg…`` settings this adapter applies, lower-cased, each with the test of the values it
#: reproduces (keep in step with :func:`_site_config`, :func:`make_emitter`)
HONOURED_SETTINGS: dict[str, Callable[[object], bool]] = {
    "wgfragmentmode": _fragment_modes,
    "wgenablemagiclinks": _magic_link_switches,
    "wginterwikimagic": _is_setting_value,
    "wgallowexternalimages": _is_setting_value,
    "wgrawhtml": _is_setting_value,
}


def reproduces_settings(options: Mapping[str, Any] | None) -> bool:
    """Whether this adapter applies every ``$wg…`` setting a case carries (in its ``config``
    section or as a ``wg…`` option) with the value the case gives it.  Cases for which this is
    true are scored as core cases by ``benchmarks/conformance.py``'s redefined core subset."""
    options = options or {}
    config = options.get("config")
    settings: list[tuple[str, object]] = []
    if config is not None:
        if not isinstance(config, Mapping):
            return False
        settings.extend((str(k), v) for k, v in config.items())
    settings.extend((k, v) for k, v in options.items() if k.lower().startswith("wg"))
    for name, value in settings:
        check = HONOURED_SETTINGS.get(name.lower())
        if check is None or not check(value):
            return False
    return True


def _limits(options: Mapping[str, Any]) -> Limits:
    changes: dict[str, int] = {}
    for option, field_name in (("maxincludesize", "max_include_size"),
                               ("maxtemplatedepth", "max_template_depth")):
        value = options.get(option)
        if value is not None:
            try:
                changes[field_name] = int(str(value))
            except ValueError:
                pass
    return Limits(**changes)


def parsertest_html(wikitext: str, options: Mapping[str, Any] | None = None,
                    articles: Mapping[str, str] | None = None) -> str:
    """Render a parser-test case as MediaWiki's test runner does.

    ``options`` are the case's options (``title``, ``thumbsize``, ``lastsavedrevision``,
    ``maxincludesize``, ``maxtemplatedepth``, ``pmid-interwiki`` and, from ``config``,
    ``wgFragmentMode`` and an all-off ``wgEnableMagicLinks`` are honoured); ``articles`` the pages its test file
    defines with ``!! article`` (title -> wikitext): the template store of the expansion."""
    options = options or {}
    title = str(options.get("title") or "Parser test").replace("_", " ")
    doc = wikiparse.expand(wikitext, templates=dict(articles or {}), title=title,
                           clock=TEST_CLOCK, config=_site_config(options),
                           limits=_limits(options),
                           settings=expansion_settings(options))
    return make_emitter(options).render(doc)


#: the name the harness commands used first
convert = parsertest_html


def parsertest_text(wikitext: str, options: Mapping[str, Any] | None = None,
                    articles: Mapping[str, str] | None = None) -> str:
    """The visible text (``render(doc, "text", profile="visible")``) of a parser-test case, as
    HTML whose visible text is that text: one ``<p>`` per line (for text-level scoring).
    ``options`` and ``articles`` are accepted as in :func:`parsertest_html` and not used."""
    del options, articles
    text = wikiparse.render(wikiparse.parse(wikitext), "text", profile="visible")
    return "".join(f"<p>{html.escape(line, quote=False)}</p>" for line in text.split("\n") if line)
