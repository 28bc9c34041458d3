"""The ``files=`` option: which file repository image URLs point into.

A rendered page needs a URL for every ``[[File:…]]``; offline wikiparse cannot ask the wiki, so
it builds the URL MediaWiki would serve from a repository's base URL and its hashed upload layout
(``/a/ab/Name.jpg``, thumbnails ``/thumb/a/ab/Name.jpg/220px-Name.jpg``, see
:class:`~wikiparse.emitters.html.media.HashedUploads`).  Nothing here touches the network: the
URLs are computed, never checked, and the browser that shows the page fetches them.

``files`` takes a resolver (any callable ``name -> FileInfo | None``) or one of these strings:

``"commons"`` (the default)
    Wikimedia Commons (``https://upload.wikimedia.org/wikipedia/commons``), where almost every
    image of a Wikipedia page lives: the sensible choice for Wikipedia pages.
``"wikipedia:LANG"``
    a Wikipedia's own uploads (``https://upload.wikimedia.org/wikipedia/LANG``): the few local
    files (non-free logos, covers) of that language's Wikipedia.
``"local"``
    a standard MediaWiki installation's upload path ``/images`` (``$wgUploadPath``), relative to
    the server the page is served from.
a URL or path (``"https://wiki.example.org/images"``, ``"/w/images"``)
    any wiki's upload directory with the hashed layout (``$wgHashedUploadDirectory``, on by
    default); ``flat:URL`` for a wiki that turned hashing off (``/Name.jpg``).
"""

from __future__ import annotations

import re
from typing import Union

from .media import FileResolver, HashedUploads

__all__ = ["COMMONS", "FileSpec", "file_resolver", "wikimedia_uploads"]

#: Wikimedia Commons' upload directory
COMMONS = "https://upload.wikimedia.org/wikipedia/commons"

#: what the ``files=`` option accepts
FileSpec = Union[FileResolver, str, None]

_LANG = re.compile(r"[a-z][a-z0-9-]{0,30}")


def wikimedia_uploads(project: str = "commons", family: str = "wikipedia") -> str:
    """The upload directory of a Wikimedia wiki: ``wikimedia_uploads("de")`` is German
    Wikipedia's, ``wikimedia_uploads("en", "wiktionary")`` English Wiktionary's."""
    return f"https://upload.wikimedia.org/{family}/{project}"


def file_resolver(spec: FileSpec) -> FileResolver:
    """The resolver for a ``files=`` value (see the module docstring); raises ValueError for a
    string that names no repository (API misuse)."""
    if spec is None:
        return HashedUploads(COMMONS)
    if not isinstance(spec, str):
        if not callable(spec):
            raise TypeError(f"files= must be a resolver or a string, got {spec!r}")
        return spec
    value = spec.strip()
    if value == "commons":
        return HashedUploads(COMMONS)
    if value == "local":
        return HashedUploads("/images")
    if value.startswith("wikipedia:"):
        lang = value.partition(":")[2].strip().lower()
        if not _LANG.fullmatch(lang):
            raise ValueError(f"files={spec!r}: expected wikipedia:LANG (a language code)")
        return HashedUploads(wikimedia_uploads(lang))
    hashed = True
    if value.startswith("flat:"):
        hashed, value = False, value[len("flat:"):].strip()
    if "/" in value and not any(c.isspace() for c in value):
        return HashedUploads(value.rstrip("/"), hashed=hashed)
    raise ValueError(
        f"files={spec!r}: expected a resolver, 'commons', 'wikipedia:LANG', 'local', "
        "or an upload directory URL"
    )
