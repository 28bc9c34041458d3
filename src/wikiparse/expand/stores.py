"""Template stores: where the preprocessor finds the wikitext of ``Template:``/``Module:`` pages.

A store is anything with ``get(title) -> str | None`` and ``exists(title) -> bool`` over full,
normalised page titles (``"Template:Infobox"``, ``"Module:Arguments"``, ``"Main Page"``).
Redirects are stored as their ``#REDIRECT [[…]]`` text; the expander follows them.

* :class:`DictStore` — a plain mapping (what ``templates={…}`` becomes);
* :class:`FolderStore` — a folder with ``index.json`` (title → file) and the files, the layout
  of ``../shared/corpora/enwiki-templates/``;
* :class:`SqliteStore` — a SQLite file (``pages(title PRIMARY KEY, text)``), for dump-sized sets;
  :func:`sqlite_from_dump` fills one from an XML dump;
* :func:`dump_store` — the ``Template``/``Module`` (or any) namespaces of an XML dump in memory.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import IO, Iterable, Iterator, Mapping, Protocol, runtime_checkable

from ..config import SiteConfig
from .titles import make_title


@runtime_checkable
class TemplateStore(Protocol):
    """What the expander reads templates from."""

    def get(self, title: str) -> str | None:
        """The wikitext of the page ``title`` (a full title), ``None`` when absent."""

    def exists(self, title: str) -> bool:
        """Whether the page exists (``#ifexist``)."""


def _key(title: str, config: SiteConfig | None = None) -> str:
    parsed = make_title(title, config or _DEFAULT_CONFIG)
    return parsed.full if parsed is not None else title.strip()


_DEFAULT_CONFIG = SiteConfig()


class DictStore:
    """A store over a mapping from page titles to wikitext; titles are normalised
    (``"template:foo_bar"`` finds ``"Template:Foo bar"``)."""

    def __init__(self, pages: Mapping[str, str] | None = None, *,
                 config: SiteConfig | None = None) -> None:
        self.config = config or _DEFAULT_CONFIG
        self._pages: dict[str, str] = {}
        for title, text in (pages or {}).items():
            self._pages[_key(str(title), self.config)] = str(text)

    def get(self, title: str) -> str | None:
        return self._pages.get(_key(title, self.config))

    def exists(self, title: str) -> bool:
        return _key(title, self.config) in self._pages

    def __setitem__(self, title: str, text: str) -> None:
        self._pages[_key(title, self.config)] = text

    def __len__(self) -> int:
        return len(self._pages)

    def __iter__(self) -> Iterator[str]:
        return iter(self._pages)


class FolderStore:
    """``index.json`` (``{"Template:Foo": "pages/Template%3AFoo.txt", …}``) and its files,
    read lazily and cached."""

    def __init__(self, folder: str | Path, *, config: SiteConfig | None = None) -> None:
        self.folder = Path(folder)
        self.config = config or _DEFAULT_CONFIG
        index = json.loads((self.folder / "index.json").read_text(encoding="utf-8"))
        self._index = {_key(str(t), self.config): str(p) for t, p in index.items()}
        self._cache: dict[str, str | None] = {}

    def get(self, title: str) -> str | None:
        key = _key(title, self.config)
        if key in self._cache:
            return self._cache[key]
        rel = self._index.get(key)
        text = None
        if rel is not None:
            try:
                text = (self.folder / rel).read_text(encoding="utf-8")
            except OSError:
                text = None
        self._cache[key] = text
        return text

    def exists(self, title: str) -> bool:
        return _key(title, self.config) in self._index

    def __len__(self) -> int:
        return len(self._index)

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)


class SqliteStore:
    """Pages in a SQLite file: table ``pages(title TEXT PRIMARY KEY, text TEXT)``."""

    def __init__(self, path: str | Path, *, config: SiteConfig | None = None) -> None:
        self.path = str(path)
        self.config = config or _DEFAULT_CONFIG
        self._db = sqlite3.connect(self.path, check_same_thread=False)
        self._db.execute("CREATE TABLE IF NOT EXISTS pages (title TEXT PRIMARY KEY, text TEXT)")

    def get(self, title: str) -> str | None:
        row = self._db.execute("SELECT text FROM pages WHERE title = ?",
                               (_key(title, self.config),)).fetchone()
        return None if row is None else str(row[0])

    def exists(self, title: str) -> bool:
        return self._db.execute("SELECT 1 FROM pages WHERE title = ?",
                                (_key(title, self.config),)).fetchone() is not None

    def add(self, pages: Iterable[tuple[str, str]]) -> int:
        """Insert or replace ``(title, text)`` pairs; returns how many."""
        rows = [(_key(t, self.config), x) for t, x in pages]
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO pages VALUES (?, ?)", rows)
        return len(rows)

    def close(self) -> None:
        self._db.close()

    def __len__(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM pages").fetchone()[0])

    def __getstate__(self) -> dict[str, object]:
        return {"path": self.path, "config": self.config}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(state["path"], config=state["config"])  # type: ignore[misc]


def dump_pages(path: str | Path, namespaces: Iterable[int] | None = (10, 828)
               ) -> Iterator[tuple[str, str]]:
    """``(title, latest text)`` of each page in a MediaWiki XML dump (plain or compressed as
    ``mwxml`` reads it), only ``namespaces`` (Template and Module by default; ``None``: all)."""
    import mwxml  # the "dump" extra

    wanted = None if namespaces is None else frozenset(namespaces)
    with _open_dump(path) as handle:
        dump = mwxml.Dump.from_file(handle)
        for page in dump:
            if wanted is not None and page.namespace not in wanted:
                continue
            text = None
            for revision in page:
                text = revision.text
            if text is not None:
                yield str(page.title), str(text)


def _open_dump(path: str | Path) -> IO[bytes]:
    """The dump's bytes, decompressed by their magic number (bzip2, gzip, xz or plain)."""
    import bz2
    import gzip
    import lzma

    with open(path, "rb") as probe:
        magic = probe.read(6)
    if magic.startswith(b"BZh"):
        return bz2.open(path, "rb")
    if magic.startswith(b"\x1f\x8b"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    if magic.startswith(b"\xfd7zXZ"):
        return lzma.open(path, "rb")
    return open(path, "rb")


def dump_store(path: str | Path, namespaces: Iterable[int] | None = (10, 828), *,
               config: SiteConfig | None = None) -> DictStore:
    """The templates and modules of an XML dump, in memory."""
    return DictStore(dict(dump_pages(path, namespaces)), config=config)


def sqlite_from_dump(dump: str | Path, db: str | Path, namespaces: Iterable[int] | None = (10, 828),
                     *, config: SiteConfig | None = None) -> SqliteStore:
    """Copy the pages of ``namespaces`` of an XML dump into a SQLite store at ``db``."""
    store = SqliteStore(db, config=config)
    batch: list[tuple[str, str]] = []
    for pair in dump_pages(dump, namespaces):
        batch.append(pair)
        if len(batch) >= 1000:
            store.add(batch)
            batch = []
    store.add(batch)
    return store


def as_store(templates: object, config: SiteConfig | None = None) -> TemplateStore:
    """A store from what ``expand(templates=…)`` accepts: ``None``, a mapping, a store, or a
    path (a folder with ``index.json``, a ``.db``/``.sqlite`` file, an XML dump)."""
    if templates is None:
        return DictStore({}, config=config)
    if isinstance(templates, (str, Path)):
        path = Path(templates)
        if path.is_dir():
            return FolderStore(path, config=config)
        if path.suffix in (".db", ".sqlite", ".sqlite3"):
            return SqliteStore(path, config=config)
        return dump_store(path, config=config)
    if isinstance(templates, Mapping):
        return DictStore(templates, config=config)
    if isinstance(templates, TemplateStore):
        return templates
    raise TypeError(f"templates= needs a mapping, a store or a path, got {type(templates).__name__}")


__all__ = ["DictStore", "FolderStore", "SqliteStore", "TemplateStore", "as_store", "dump_pages",
           "dump_store", "sqlite_from_dump"]
