"""XML dumps on a Dask cluster: a ``dask.bag`` of page records, and rendering on its workers.

    >>> from dask.distributed import Client
    >>> import wikiparse.pipeline.dask as wd
    >>> client = Client("tcp://scheduler:8786")                     # doctest: +SKIP
    >>> pages = wd.read_dump("enwiki-…-multistream.xml.bz2",
    ...                      index="enwiki-…-multistream-index.txt.bz2")  # doctest: +SKIP
    >>> texts = pages.map(wd.render_page, fmt="text")              # doctest: +SKIP
    >>> wd.to_jsonl_files(texts, "out/*.jsonl")                    # doctest: +SKIP

A multistream dump read through its index gives one partition per bz2 stream (or per
``streams_per_partition`` streams); any other dump is one partition per file.  Each partition
is read where it runs (seek, decompress that stream, parse its pages with mwxml), so only file
paths travel to the workers: the files must be readable by every worker at the same path (a
shared file system).  Records and rendering are the ones the local ``wikiparse dump`` writes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generator, Sequence

from .dumps import (
    DumpError,
    DumpReader,
    PageFilter,
    StreamSpec,
    Unavailable,
    plan_streams,
    read_site_info,
    read_stream_pages,
)
from .pages import PageRecord
from .records import Rendered, page_output, render_pages, render_stream, to_json_line
from .render import RenderJob, SiteSpec

if TYPE_CHECKING:
    import dask.bag

__all__ = [
    "connect", "json_text", "read_dump", "render_dump", "render_page", "rendered_partitions",
    "to_json_line", "to_jsonl_files",
]


def _bag_module() -> Any:
    try:
        import dask.bag
        from dask.delayed import delayed
    except ImportError:
        raise Unavailable("the Dask pipeline needs dask: pip install 'wikiparse[dask]'") from None
    return dask.bag, delayed


def _paths_and_indexes(
    paths: str | Sequence[str], index: str | Sequence[str | None] | None
) -> list[tuple[str, str | None]]:
    path_list = [paths] if isinstance(paths, str) else list(paths)
    if index is None or isinstance(index, str):
        if isinstance(index, str) and len(path_list) != 1:
            raise ValueError("one index goes with one dump; give a list of indexes (or None)")
        indexes: list[str | None] = [index] * len(path_list)
    else:
        indexes = list(index)
        if len(indexes) != len(path_list):
            raise ValueError(f"{len(path_list)} dumps but {len(indexes)} indexes")
    return list(zip(path_list, indexes))


def _groups(specs: list[StreamSpec], size: int) -> list[list[StreamSpec]]:
    return [specs[i : i + size] for i in range(0, len(specs), size)]


# ---------------------------------------------------------------------------- page records


def _stream_group_pages(
    specs: list[StreamSpec], header: bytes, page_filter: PageFilter
) -> list[PageRecord]:
    return [page for spec in specs for page in read_stream_pages(spec, header, page_filter)]


def _file_pages(path: str, page_filter: PageFilter) -> list[PageRecord]:
    with DumpReader(path, page_filter) as reader:
        return list(reader.pages())


def read_dump(
    paths: str | Sequence[str],
    *,
    index: str | Sequence[str | None] | None = None,
    namespaces: Sequence[int] | None = None,
    redirects: str = "keep",
    streams_per_partition: int = 1,
) -> dask.bag.Bag:
    """A bag of :class:`~wikiparse.pipeline.dumps.PageRecord` dicts (``id``, ``title``, ``ns``,
    ``revision_id``, ``redirect``, ``text``), in dump order.

    ``index`` is the multistream index of the dump (or a list, one per dump, ``None`` where a
    dump has none): such a dump gives a partition per ``streams_per_partition`` bz2 streams;
    other dumps one partition per file.  A damaged dump raises
    :class:`~wikiparse.pipeline.dumps.DumpError` when its partition is computed."""
    bag, delayed = _bag_module()
    page_filter = PageFilter(frozenset(namespaces) if namespaces is not None else None, redirects)
    parts = []
    for path, index_path in _paths_and_indexes(paths, index):
        if index_path:
            header = read_site_info(path).header
            for group in _groups(plan_streams(path, index_path), streams_per_partition):
                parts.append(delayed(_stream_group_pages, pure=True)(group, header, page_filter))
        else:
            parts.append(delayed(_file_pages, pure=True)(path, page_filter))
    return bag.from_delayed(parts)


def site_of(path: str, lang: str | None = None) -> SiteSpec:
    """The parser settings a dump declares (language, namespace names), for :func:`render_page`."""
    return read_site_info(path).site_spec(lang)


def render_page(
    page: PageRecord,
    fmt: str = "html",
    *,
    dialect: str = "wikitext",
    site: SiteSpec | None = None,
    options: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The output record of one page (as ``wikiparse dump`` writes it, decoded): id, title,
    ns, revision_id, redirect (redirects only) and the rendering under ``fmt`` (or ``error``);
    ``options`` are the emitter's (``render(doc, fmt, **options)``)."""
    return page_output(page, RenderJob(fmt, dialect, site, options=tuple((options or {}).items())))


def render_dump(
    paths: str | Sequence[str],
    fmt: str = "html",
    *,
    index: str | Sequence[str | None] | None = None,
    namespaces: Sequence[int] | None = None,
    redirects: str = "keep",
    lang: str | None = None,
    streams_per_partition: int = 1,
) -> dask.bag.Bag:
    """A bag of output records: :func:`read_dump` mapped through :func:`render_page` with each
    dump's own site settings (what ``wikiparse dump`` writes, as dicts)."""
    bag, _ = _bag_module()
    pairs = _paths_and_indexes(paths, index)
    bags = [
        read_dump(path, index=index_path, namespaces=namespaces, redirects=redirects,
                  streams_per_partition=streams_per_partition)
        .map(render_page, fmt=fmt, site=site_of(path, lang))
        for path, index_path in pairs
    ]
    return bags[0] if len(bags) == 1 else bag.concat(bags)


def json_text(record: dict[str, Any]) -> str:
    """A record as one JSON line's text, *without* its newline: ``Bag.to_textfiles`` adds one
    after every element (:func:`to_json_line`, which ends with a newline, would leave a blank
    line after every record)."""
    return to_json_line(record)[:-1]


def _partition_file_name(number: int) -> str:
    return f"{number:06d}"  # zero-padded, so the files sort in partition (= dump) order


def to_jsonl_files(records: dask.bag.Bag, path: str, **options: Any) -> list[str]:
    """Write a bag of output records as JSON-lines files, one per partition, the ``*`` of
    ``path`` replaced by the zero-padded partition number; every line is a record (UTF-8, no
    blank lines, each file ends with a newline), so the files concatenated in name order are
    what ``wikiparse dump`` writes.  Returns the paths written; ``options`` go to
    ``to_textfiles``."""
    return list(
        records.map(json_text).to_textfiles(
            path, name_function=_partition_file_name, encoding="utf-8", last_endline=True,
            **options,
        )
    )


# ---------------------------------------------------------------------------- the CLI's path


def connect(address: str, timeout: str = "20s") -> Any:
    """A ``distributed.Client`` for the scheduler at ``address``;
    :class:`~wikiparse.pipeline.dumps.Unavailable` if it cannot be had."""
    try:
        from distributed import Client
    except ImportError:
        raise Unavailable(
            "--scheduler needs dask.distributed: pip install 'wikiparse[dask]'"
        ) from None
    try:
        return Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as err:
        raise Unavailable(f"cannot reach the Dask scheduler at {address}: {err}") from None


def _render_file(path: str, page_filter: PageFilter, fmt: str, lang: str | None,
                 options: tuple[tuple[str, Any], ...] = ()) -> Rendered:
    """Read and render a whole dump file in one task (a dump without an index)."""
    lines: list[str] = []
    errors = 0
    messages: list[str] = []
    size = 0
    try:
        with DumpReader(path, page_filter) as reader:
            size = reader.size
            assert reader.site_info is not None
            job = RenderJob(fmt, "wikitext", reader.site_info.site_spec(lang), options=options)
            for page in reader.pages():
                rendered = render_pages([page], job)
                lines.extend(rendered.lines)
                errors += rendered.errors
                messages.extend(rendered.messages)
    except DumpError as err:
        return Rendered(lines, errors, size, str(err), tuple(messages))
    return Rendered(lines, errors, size, None, tuple(messages))


def rendered_partitions(
    client: Any,
    path: str,
    *,
    index: str | None,
    page_filter: PageFilter,
    fmt: str,
    lang: str | None = None,
    in_flight: int | None = None,
    options: tuple[tuple[str, Any], ...] = (),
) -> Generator[Rendered, None, None]:
    """Render a dump on the cluster, one task per stream (with an index) or one for the file;
    yields each task's output lines in dump order, keeping only a few tasks' results at a time.
    ``options`` are the emitter's (:attr:`RenderJob.options`)."""
    _, delayed = _bag_module()
    if index:
        info = read_site_info(path)
        job = RenderJob(fmt, "wikitext", info.site_spec(lang), options=options)
        tasks = [
            delayed(render_stream, pure=True)(spec, header=info.header, page_filter=page_filter,
                                              job=job)
            for spec in plan_streams(path, index)
        ]
    else:
        tasks = [delayed(_render_file, pure=True)(path, page_filter, fmt, lang, options)]
    limit = in_flight or max(2, 2 * sum(client.nthreads().values()))
    futures: list[Any] = []
    next_task = 0
    try:
        while next_task < len(tasks) or futures:
            while next_task < len(tasks) and len(futures) < limit:
                futures.append(client.compute(tasks[next_task]))
                next_task += 1
            result: Rendered = futures.pop(0).result()
            yield result
            if result.fatal is not None:
                return
    finally:
        for future in futures:
            future.cancel()
