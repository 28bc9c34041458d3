"""Adapter for MediaWiki's parser tests (``parsertests.py score --func
wikiparse.emitters.html.conformance:convert``).

MediaWiki's test runner renders every case as the page "Parser test" on a wiki with a few
uploaded files, a small interwiki table and 180px thumbnails; this module sets the emitter up
the same way.  The file sizes and interwiki URLs are the runner's environment (facts about the
test wiki, like a ``SiteConfig``), not expected output.
"""

from __future__ import annotations

from typing import Any, Mapping

import wikiparse

from ...config import SiteConfig

from .emitter import HtmlEmitter
from .media import FileInfo, HashedUploads

#: the files MediaWiki's parser-test runner uploads: name -> (width, height[, mime])
TEST_FILES: dict[str, tuple[object, ...]] = {
    "Foobar.jpg": (1941, 220),
    "Bad.jpg": (1941, 220),
    "Thumb.png": (135, 135),
    "Foobar.svg": (240, 180, "image/svg+xml"),
    "LoremIpsum.djvu": (2480, 3508, "image/vnd.djvu"),
    "Video.ogv": (320, 240, "video/ogg"),
    "Transcode.webm": (492, 360, "video/webm"),
    "Audio.oga": (None, None, "audio/ogg"),
    "Hi-ho.jpg": (1941, 220),
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
}

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
        wrap=False, toc=False, files=test_files, thumb_size=thumb, interwiki=TEST_INTERWIKI,
        page_title=title[:1].upper() + title[1:], local_interwiki=("local", "mi"),
    )


#: the test wiki: English defaults plus the runner's interwiki prefixes
TEST_CONFIG = SiteConfig().with_(
    interwiki_prefixes=SiteConfig().interwiki_prefixes | frozenset(TEST_INTERWIKI)
)


def convert(wikitext: str, options: Mapping[str, Any] | None = None) -> str:
    """Render ``wikitext`` as MediaWiki's test runner would (``options``: the case's options)."""
    doc = wikiparse.parse(wikitext, config=TEST_CONFIG)
    return make_emitter(options).render(doc)
