"""Page records out of mwxml, one ``<page>`` at a time: a malformed page is a record too.

mwxml reads a dump as a stream of ``<page>`` elements; an exception while it builds one page (a
``<page>`` without ``<title>``, an ``<id>`` that is not a number, an unexpected tag) ends its
whole iteration.  :func:`open_dump` gives mwxml a ``Dump`` whose pages are built one by one, each
failure kept as a :class:`PageRecord` with an ``error`` (and the page's ``id``, ``title`` and
``ns`` when the page had them), and the stream goes on at the next ``<page>``.  Damage to the
stream itself (malformed or truncated XML, corrupt compressed data) is not a page's problem:
it still propagates, and the reader stops there (:class:`~wikiparse.pipeline.dumps.DumpError`).
"""

from __future__ import annotations

import zlib
from functools import lru_cache
from typing import Any, Iterator, TypedDict, cast
from xml.etree import ElementTree

# the stream is damaged: no later page can be trusted
STREAM_DAMAGE = (EOFError, OSError, zlib.error, ElementTree.ParseError)


class _PageFields(TypedDict):
    id: int
    title: str
    ns: int
    revision_id: int | None
    redirect: str | None
    text: str | None


class PageRecord(_PageFields, total=False):
    """One page of a dump (its latest revision in the file).  ``error`` is there only for a
    page the dump holds malformed; then ``id``, ``title`` and ``ns`` may be ``None``."""

    error: str


class _Child:
    """A sub-element of a ``<page>`` that remembers the text of the page's own ``<id>``,
    ``<title>`` and ``<ns>`` as mwxml reads them."""

    __slots__ = ("_inner", "_fields")

    def __init__(self, inner: Any, fields: dict[str, str | None]) -> None:
        self._inner = inner
        self._fields = fields

    def __iter__(self) -> Iterator[Any]:
        return iter(self._inner)

    @property
    def text(self) -> Any:
        value = self._inner.text
        tag = self._inner.tag
        if tag in ("id", "title", "ns"):
            self._fields.setdefault(tag, value)
        return value

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class _Page:
    """A ``<page>`` element iterator whose children are :class:`_Child`."""

    __slots__ = ("_inner", "fields")

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self.fields: dict[str, str | None] = {}

    def __iter__(self) -> Iterator[Any]:
        for sub in self._inner:
            yield _Child(sub, self.fields)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def _number(text: str | None) -> int | None:
    try:
        return int((text or "").strip())
    except ValueError:
        return None


def _message(error: BaseException, title: str | None) -> str:
    if title is None:
        return "malformed <page> in the dump: it has no <title>"
    text = str(error).strip().replace("\n", " ")[:300]
    return f"malformed <page> in the dump: {type(error).__name__}: {text or '(no message)'}"


def malformed(fields: dict[str, str | None], error: BaseException) -> PageRecord:
    """The record of a page that could not be read."""
    title = fields.get("title")
    record = {"id": _number(fields.get("id")), "title": title, "ns": _number(fields.get("ns")),
              "revision_id": None, "redirect": None, "text": None,
              "error": _message(error, title)}
    return cast(PageRecord, record)


class _MalformedPage:
    __slots__ = ("record",)

    def __init__(self, record: PageRecord) -> None:
        self.record = record


@lru_cache(maxsize=None)
def _dump_class(mwxml: Any) -> Any:
    class TolerantDump(mwxml.Dump):  # type: ignore[misc,unused-ignore]
        """mwxml's ``Dump``, each ``<page>`` built on its own."""

        __slots__ = ()

        @classmethod
        def process_item(cls, item_element: Any, namespace_map: Any) -> Any:
            if item_element.tag != "page":
                return super().process_item(item_element, namespace_map)
            page = _Page(item_element)
            try:
                return mwxml.Page.from_element(page, namespace_map)
            except STREAM_DAMAGE:
                raise
            except Exception as error:
                return _MalformedPage(malformed(page.fields, error))

    return TolerantDump


def open_dump(mwxml: Any, stream: Any) -> Any:
    """``mwxml.Dump.from_file(stream)``, with malformed pages kept as error records."""
    return _dump_class(mwxml).from_file(stream)


def records(dump: Any) -> Iterator[PageRecord]:
    """The page records of an :func:`open_dump` dump, in file order, malformed ones included."""
    from mwxml import Page

    for page in dump:
        if isinstance(page, _MalformedPage):
            yield page.record
            continue
        if not isinstance(page, Page):  # a <logitem>
            continue
        revision = None
        try:
            for revision in page:  # the latest revision in the file wins
                pass
        except STREAM_DAMAGE:
            raise
        except Exception as error:
            yield malformed({"id": str(page.id), "title": page.title, "ns": str(page.namespace)},
                            error)
            continue
        yield PageRecord(
            id=page.id,
            title=page.title,
            ns=page.namespace,
            revision_id=revision.id if revision is not None else None,
            redirect=page.redirect,
            text=revision.text if revision is not None else None,
        )
