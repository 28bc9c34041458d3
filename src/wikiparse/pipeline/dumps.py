"""Pages from MediaWiki XML dumps: plain, ``.bz2`` (one or many streams) or ``.gz``.

Two ways in, both through :mod:`mwxml` (the XML reader of the Wikimedia research tools):

* :class:`DumpReader` streams a whole file from its start (compression detected from the first
  bytes, not the name; concatenated bz2 streams from pbzip2/lbzip2 included).
* With a multistream index (``…-multistream-index.txt.bz2``), :func:`plan_streams` lists the bz2
  streams of a ``…-multistream.xml.bz2`` file and :func:`read_stream_pages` reads one of them
  alone: seek to its offset, decompress that stream only, and parse its ``<page>`` elements.  A
  stream holds ``<page>`` elements and nothing else, which mwxml cannot read on its own; so the
  stream is framed as a complete document with the dump's *own* header (``<mediawiki …>`` and
  ``<siteinfo>``, from the first stream) before it and ``</mediawiki>`` after it.  The pages then
  come out exactly as in a sequential read, and streams can be read in any process, in any order.

Records are plain dicts (:class:`PageRecord`), picklable for worker processes and Dask; a
malformed ``<page>`` is a record with an ``error`` (:mod:`.pages`), and reading goes on.
Damage to a dump (truncated or corrupt compressed data, malformed XML, an index that does not
match) raises :class:`DumpError`, after every page read before the damage has been yielded.
"""

from __future__ import annotations

import bz2
import gzip
import html
import io
import os
import re
import sys
import zlib
from dataclasses import dataclass
from typing import IO, Any, BinaryIO, Iterable, Iterator, cast
from xml.etree import ElementTree

from .pages import PageRecord, open_dump, records
from .render import SiteSpec

_XML_NS = "{http://www.w3.org/XML/1998/namespace}"
_HEADER_LIMIT = 64 << 20  # a <siteinfo> is a few KB; more means this is not a dump
_CHUNK = 1 << 18


class DumpError(Exception):
    """A dump (or its index) is damaged or is not a dump.  ``str()`` names the file and says
    what is wrong; ``pages_read`` counts the pages read before the damage, when known."""

    def __init__(self, message: str, *, pages_read: int | None = None) -> None:
        super().__init__(message)
        self.pages_read = pages_read


class Unavailable(Exception):
    """A needed component is not there: an optional dependency (mwxml, dask) not installed, or
    a Dask scheduler that cannot be reached."""


def _mwxml() -> Any:
    try:
        import mwxml
    except ImportError:  # pragma: no cover - mwxml is in the test extras
        raise Unavailable(
            "reading XML dumps needs mwxml: pip install 'wikiparse[dump]'"
        ) from None
    return mwxml


# ---------------------------------------------------------------------------- which pages


@dataclass(frozen=True)
class PageFilter:
    """Which pages to keep: namespaces (``None`` = all) and redirects (``"keep"``/``"skip"``)."""

    namespaces: frozenset[int] | None = None
    redirects: str = "keep"

    def __post_init__(self) -> None:
        if self.redirects not in ("keep", "skip"):
            raise ValueError(f"redirects must be 'keep' or 'skip', not {self.redirects!r}")

    def keep(self, page: PageRecord) -> bool:
        """Whether ``page`` passes (a malformed page whose namespace is unknown always does:
        its error record says what went wrong)."""
        if "error" in page and page["ns"] is None:
            return True
        if self.namespaces is not None and page["ns"] not in self.namespaces:
            return False
        if self.redirects == "skip" and page["redirect"] is not None:
            return False
        return True


# ---------------------------------------------------------------------------- opening files


def compression_of(path: str) -> str:
    """``"bz2"``, ``"gzip"`` or ``"none"``, from the file's first bytes."""
    with open(path, "rb") as f:
        return _compression(f.read(3))


def _compression(magic: bytes) -> str:
    if magic[:3] == b"BZh":
        return "bz2"
    if magic[:2] == b"\x1f\x8b":
        return "gzip"
    return "none"


def _decompressed(raw: BinaryIO, compression: str) -> IO[bytes]:
    if compression == "bz2":
        return bz2.BZ2File(raw)
    if compression == "gzip":
        return cast(IO[bytes], gzip.GzipFile(fileobj=raw))
    return raw


def _damage(path: str, err: BaseException, where: str, pages_read: int | None) -> DumpError:
    """The :class:`DumpError` for an exception raised while reading ``path``."""
    after = f" after {pages_read} pages" if pages_read is not None else ""
    if isinstance(err, EOFError):
        what = "is truncated: the compressed data ends before the end of its stream"
    elif isinstance(err, ElementTree.ParseError):
        what = f"is damaged: its XML is malformed or cut short ({_short(err)})"
    elif isinstance(err, (OSError, zlib.error)):
        what = f"is corrupt: {err}"
    else:
        what = f"is not a valid MediaWiki dump: {type(err).__name__}: {err}"
    return DumpError(f"{path}: the dump {what} ({where}){after}", pages_read=pages_read)


def _short(err: BaseException) -> str:
    """The message of an XML error without the raw bytes mwxml appends to it."""
    text = str(err)
    match = re.match(r".*?line \d+, column \d+", text)
    return match.group(0) if match else text[:200]


def _damage_types() -> tuple[type[BaseException], ...]:
    mwxml = _mwxml()
    return (EOFError, OSError, zlib.error, ElementTree.ParseError, mwxml.errors.MalformedXML,
            AssertionError, ValueError, TypeError)


# ---------------------------------------------------------------------------- site header


@dataclass(frozen=True)
class SiteInfo:
    """The dump's header: the XML from its start through ``</siteinfo>``, and what it says
    about the wiki."""

    header: bytes
    lang: str
    dbname: str
    namespaces: dict[int, str]

    def site_spec(self, lang: str | None = None) -> SiteSpec:
        """The parser configuration for this wiki: the built-in localisation of its language
        (or ``lang``), with the namespace names the dump declares."""
        return SiteSpec(lang or self.lang or "en", tuple(sorted(self.namespaces.items())))


def _header_end(data: bytes) -> int | None:
    """Length of the header at the start of ``data`` (through ``</siteinfo>`` and its line
    end; up to the first ``<page>`` line in a dump without siteinfo), ``None`` if incomplete."""
    end = data.find(b"</siteinfo>")
    page = data.find(b"<page>")
    if end >= 0 and (page < 0 or end < page):
        end += len(b"</siteinfo>")
        if data[end : end + 1] == b"\n":
            end += 1
        return end
    if page >= 0:
        return data.rfind(b"\n", 0, page) + 1
    return None


def parse_site_info(data: bytes, name: str) -> SiteInfo:
    """The :class:`SiteInfo` of a dump whose first bytes (decompressed) are ``data``."""
    end = _header_end(data)
    start = data.find(b"<mediawiki")
    if end is None or start < 0 or start > end:
        raise DumpError(f"{name}: not a MediaWiki XML dump (no <mediawiki> header)")
    header = data[:end]
    try:
        root = ElementTree.fromstring(header + b"</mediawiki>")
    except ElementTree.ParseError as err:
        raise DumpError(f"{name}: the dump header is malformed XML ({err})") from None
    dbname = ""
    namespaces: dict[int, str] = {}
    for element in root.iter():
        tag = element.tag.rpartition("}")[2]
        if tag == "dbname":
            dbname = element.text or ""
        elif tag == "namespace":
            try:
                namespaces[int(element.get("key", ""))] = element.text or ""
            except ValueError:
                continue
    return SiteInfo(header, root.get(_XML_NS + "lang", "en"), dbname, namespaces)


class _HeaderTap(io.RawIOBase):
    """Passes reads through and keeps a copy of the bytes up to the end of the header."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.captured = bytearray()
        self.capturing = True

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        if self.capturing and data:
            self.captured += data
            if _header_end(bytes(self.captured)) is not None or len(self.captured) > _HEADER_LIMIT:
                self.capturing = False
        return data

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


# ---------------------------------------------------------------------------- pages


class DumpReader:
    """Stream the pages of a whole dump (a path, or ``"-"`` for standard input), in one pass.

    Use as a context manager: entering reads the header (:attr:`site_info`), :meth:`pages`
    yields the pages.  ``position`` is how far into the (compressed) input reading has got, and
    ``size`` the input's size in bytes (0 when unknown, e.g. a pipe), for progress bars.
    """

    def __init__(self, path: str, page_filter: PageFilter | None = None) -> None:
        self.path = path
        self.name = "<stdin>" if path == "-" else path
        self.page_filter = page_filter or PageFilter()
        self.pages_read = 0
        self._raw: BinaryIO | None = None
        self._stream: IO[bytes] | None = None
        self._dump: Any = None
        self.site_info: SiteInfo | None = None
        self.size = 0

    def __enter__(self) -> DumpReader:
        mwxml = _mwxml()
        try:
            if self.path == "-":
                raw: BinaryIO = sys.stdin.buffer
            else:
                raw = open(self.path, "rb")
                st = os.fstat(raw.fileno())
                self.size = st.st_size
                if self.size == 0 and os.path.isfile(self.path):
                    raw.close()
                    raise DumpError(f"{self.name}: the file is empty, not an XML dump")
        except OSError as err:
            raise DumpError(f"{self.name}: cannot read: {err.strerror or err}") from None
        self._raw = raw
        tap = _HeaderTap(io.BytesIO())
        try:
            magic = raw.peek(3)[:3] if hasattr(raw, "peek") else b""
            self._stream = _decompressed(raw, _compression(magic))
            tap = _HeaderTap(self._stream)
            self._dump = open_dump(mwxml, tap)
            self.site_info = parse_site_info(bytes(tap.captured), self.name)
        except DumpError:
            self.close()
            raise
        except _damage_types() as err:
            if b"<mediawiki" not in tap.captured[: 1 << 16] and not isinstance(
                err, (EOFError, OSError)
            ):
                error = DumpError(
                    f"{self.name}: not a MediaWiki XML dump (no <mediawiki> element at its start)"
                )
            else:
                error = _damage(self.name, err, "in its header", None)
            self.close()
            raise error from None
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._stream is not None and self._stream is not self._raw:
            self._stream.close()
        if self._raw is not None and self.path != "-":
            self._raw.close()

    @property
    def position(self) -> int:
        raw = self._raw
        if raw is None or raw.closed:
            return self.size
        try:
            return raw.tell()
        except OSError:
            return 0

    def pages(self) -> Iterator[PageRecord]:
        """The pages the filter keeps; :class:`DumpError` if the dump is damaged, after every
        page before the damage."""
        if self._dump is None:
            raise RuntimeError("use DumpReader as a context manager")
        try:
            for record in records(self._dump):
                self.pages_read += 1
                if self.page_filter.keep(record):
                    yield record
        except _damage_types() as err:
            raise _damage(
                self.name, err, f"near byte {self.position:,} of the file", self.pages_read
            ) from None


def read_site_info(path: str) -> SiteInfo:
    """Read the header of the dump at ``path`` (any compression)."""
    with DumpReader(path) as reader:
        assert reader.site_info is not None
        return reader.site_info


# ---------------------------------------------------------------------------- multistream


@dataclass(frozen=True)
class IndexEntry:
    offset: int
    page_id: int
    title: str


@dataclass(frozen=True)
class StreamSpec:
    """One bz2 stream of a multistream dump and the page ids the index puts in it."""

    path: str
    offset: int
    end: int  # offset of the next stream listed in the index, or the file's size
    page_ids: tuple[int, ...]

    @property
    def size(self) -> int:
        return self.end - self.offset


def read_index(path: str) -> list[IndexEntry]:
    """Parse a multistream index (``offset:page_id:title`` lines; bz2-compressed or plain)."""
    try:
        with open(path, "rb") as raw:
            data = raw.read()
        if data[:3] == b"BZh":
            data = bz2.decompress(data)
    except (OSError, EOFError, ValueError) as err:
        raise DumpError(f"{path}: cannot read the index: {err}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise DumpError(f"{path}: the index is not UTF-8 (byte offset {err.start})") from None
    entries: list[IndexEntry] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split(":", 2)
        try:
            if len(parts) != 3:
                raise ValueError
            entry = IndexEntry(int(parts[0]), int(parts[1]), html.unescape(parts[2]))
        except ValueError:
            raise DumpError(
                f"{path}: line {number} of the index is not offset:page_id:title: {line[:80]!r}"
            ) from None
        if entries and entry.offset < entries[-1].offset:
            raise DumpError(f"{path}: line {number} of the index: offsets go backwards")
        entries.append(entry)
    if not entries:
        raise DumpError(f"{path}: the index is empty")
    return entries


def plan_streams(dump_path: str, index_path: str) -> list[StreamSpec]:
    """The page streams of ``dump_path`` in file order, from its index."""
    try:
        size = os.path.getsize(dump_path)
    except OSError as err:
        raise DumpError(f"{dump_path}: cannot read: {err.strerror or err}") from None
    if compression_of(dump_path) != "bz2":
        raise DumpError(f"{dump_path}: an index needs a multistream .bz2 dump; this file is not bz2")
    entries = read_index(index_path)
    groups: dict[int, list[int]] = {}
    for entry in entries:
        groups.setdefault(entry.offset, []).append(entry.page_id)
    offsets = list(groups)
    specs = []
    for i, offset in enumerate(offsets):
        end = offsets[i + 1] if i + 1 < len(offsets) else size
        end = max(end, offset)  # a stream past the end of a truncated file fails when read
        specs.append(StreamSpec(dump_path, offset, end, tuple(groups[offset])))
    return specs


def read_stream(path: str, offset: int) -> bytes:
    """Decompress the single bz2 stream that starts at byte ``offset`` of ``path``."""
    decompressor = bz2.BZ2Decompressor()
    parts: list[bytes] = []
    with open(path, "rb") as f:
        f.seek(offset)
        first = f.read(_CHUNK)
        if not first:
            size = os.fstat(f.fileno()).st_size
            raise DumpError(
                f"{path}: the dump is truncated: the index puts a stream at byte {offset:,}, "
                f"past the end of the file ({size:,} bytes)"
            )
        if first[:3] != b"BZh":
            raise DumpError(
                f"{path}: no bz2 stream starts at byte {offset:,} (the index is for another dump?)"
            )
        chunk = first
        while True:
            try:
                parts.append(decompressor.decompress(chunk))
            except OSError as err:
                raise _damage(path, err, f"in the stream at byte {offset:,}", None) from None
            if decompressor.eof:
                return b"".join(parts)
            chunk = f.read(_CHUNK)
            if not chunk:
                raise _damage(path, EOFError(), f"in the stream at byte {offset:,}", None)


def read_stream_pages(
    spec: StreamSpec, header: bytes, page_filter: PageFilter | None = None
) -> Iterator[PageRecord]:
    """The pages of one stream, checked against the index.  ``header`` is
    :attr:`SiteInfo.header` of the same dump."""
    mwxml = _mwxml()
    page_filter = page_filter or PageFilter()
    body = read_stream(spec.path, spec.offset)
    stripped = body.lstrip()
    prefix = b"" if stripped.startswith(b"<mediawiki") else header
    suffix = b"" if body.rstrip().endswith(b"</mediawiki>") else b"</mediawiki>\n"
    document = io.BytesIO(prefix + body + suffix)
    seen: list[int] = []
    try:
        for record in records(open_dump(mwxml, document)):
            seen.append(record["id"])
            if page_filter.keep(record):
                yield record
    except _damage_types() as err:
        raise _damage(spec.path, err, f"in the stream at byte {spec.offset:,}", None) from None
    if tuple(seen) != spec.page_ids:
        raise DumpError(
            f"{spec.path}: the stream at byte {spec.offset:,} holds pages {_ids(seen)} but the "
            f"index lists {_ids(spec.page_ids)}: the index is for another dump"
        )


def _ids(ids: Iterable[int]) -> str:
    items = list(ids)
    shown = ", ".join(map(str, items[:5]))
    return f"[{shown}{', …' if len(items) > 5 else ''}] ({len(items)})"
