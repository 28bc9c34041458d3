"""The Dask path on a real ``dask.distributed`` LocalCluster (2 worker processes): the bag API
(``wikiparse.pipeline.dask.read_dump`` / ``render_page`` / ``render_dump``) and ``wikiparse dump
--scheduler``, each giving exactly the records of the local path."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest

from clitools import err_text, read_jsonl, require_parser, run_cli
from testkit import IN_CI, shared_path

EN = "enwiki-mini-pages-articles.xml.bz2"
MULTI = "enwiki-mini-pages-articles-multistream.xml.bz2"
INDEX = "enwiki-mini-pages-articles-multistream-index.txt.bz2"
MULTILINGUAL = "multi-mini-pages-articles.xml.bz2"


def dump_file(name: str) -> str:
    return str(shared_path("corpora", "dumps", name))


# a real LocalCluster per module and CLI runs against it: minutes in all
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    try:
        from distributed import LocalCluster
    except ImportError as err:
        if IN_CI:
            pytest.fail(f"dask.distributed is a test dependency and CI must have it: {err}")
        pytest.skip(f"dask.distributed not installed: {err}")
    require_parser()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as local:
        yield local


@pytest.fixture(scope="module")
def client(cluster: Any) -> Iterator[Any]:
    from distributed import Client

    with Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def local_output(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    require_parser()
    out = tmp_path_factory.mktemp("local") / "en.jsonl"
    result = run_cli(["dump", dump_file(EN), "-t", "wikitext", "-o", out, "-q"])
    assert result.returncode == 0, err_text(result)
    return out.read_bytes()


def test_read_dump_partitions_by_stream_and_gives_the_local_records(client: Any,
                                                                    local_output: bytes) -> None:
    import wikiparse.pipeline.dask as wd
    from wikiparse.pipeline.dumps import DumpReader

    bag = wd.read_dump(dump_file(MULTI), index=dump_file(INDEX))
    assert bag.npartitions == 11  # the page streams of the fixture
    pages = client.compute(bag).result()
    with DumpReader(dump_file(EN)) as reader:
        assert pages == list(reader.pages())
    rendered = client.compute(bag.map(wd.render_page, fmt="wikitext")).result()
    assert "".join(wd.to_json_line(r) for r in rendered).encode() == local_output


def test_read_dump_by_file_with_filters(client: Any, local_output: bytes) -> None:
    import wikiparse.pipeline.dask as wd

    bag = wd.read_dump([dump_file(EN), dump_file(MULTILINGUAL)], namespaces=[0],
                       redirects="skip")
    assert bag.npartitions == 2  # one per file without an index
    pages = client.compute(bag).result()
    local = [r for r in read_jsonl(local_output) if r["ns"] == 0 and "redirect" not in r]
    assert [p["id"] for p in pages[: len(local)]] == [r["id"] for r in local]
    assert len(pages) == len(local) + 136
    assert all(p["ns"] == 0 and p["redirect"] is None for p in pages)


def test_render_dump_uses_each_dumps_settings(client: Any, local_output: bytes) -> None:
    import wikiparse.pipeline.dask as wd

    records = client.compute(wd.render_dump(dump_file(EN), "wikitext")).result()
    assert records == read_jsonl(local_output)


def test_the_documented_recipe_writes_the_local_records_without_blank_lines(
        client: Any, local_output: bytes, tmp_path: Path) -> None:
    """docs/scaling.md: read_dump -> render_page -> to_jsonl_files; the files, concatenated in
    name order, are what `wikiparse dump` writes."""
    import wikiparse.pipeline.dask as wd

    dump, index = dump_file(MULTI), dump_file(INDEX)
    pages = wd.read_dump(dump, index=index)
    texts = pages.map(wd.render_page, fmt="wikitext", site=wd.site_of(dump))
    written = wd.to_jsonl_files(texts, str(tmp_path / "out-*.jsonl"), scheduler=client.get)
    files = sorted(tmp_path.glob("out-*.jsonl"))
    assert len(files) == 11 and sorted(map(str, files)) == sorted(map(str, written))
    assert files[0].name == "out-000000.jsonl" and files[10].name == "out-000010.jsonl"
    data = b"".join(f.read_bytes() for f in files)
    assert b"\n\n" not in data
    assert data == local_output


def test_cli_scheduler_gives_byte_identical_output(cluster: Any, local_output: bytes,
                                                   tmp_path: Path) -> None:
    out = tmp_path / "dask.jsonl"
    result = run_cli(["dump", dump_file(MULTI), "--index", dump_file(INDEX), "-t", "wikitext",
                      "--scheduler", cluster.scheduler_address, "-o", out])
    assert result.returncode == 0, err_text(result)
    assert out.read_bytes() == local_output
    assert "wikiparse dump: 106 pages, 0 errors" in err_text(result)
    plain = run_cli(["dump", dump_file(EN), "-t", "wikitext", "--scheduler",
                     cluster.scheduler_address, "-q"])
    assert plain.returncode == 0 and plain.stdout == local_output


def test_cli_scheduler_keeps_records_before_a_truncation(cluster: Any, local_output: bytes,
                                                         tmp_path: Path) -> None:
    data = Path(dump_file(MULTI)).read_bytes()
    (tmp_path / "cut.xml.bz2").write_bytes(data[: len(data) * 7 // 10])
    out = tmp_path / "cut.jsonl"
    result = run_cli(["dump", tmp_path / "cut.xml.bz2", "--index", dump_file(INDEX),
                      "-t", "wikitext", "--scheduler", cluster.scheduler_address, "-o", out])
    assert result.returncode == 3
    assert "the dump is truncated" in err_text(result)
    kept = out.read_bytes()
    assert kept and local_output.startswith(kept)


def test_unreachable_scheduler_is_reported(tmp_path: Path) -> None:
    result = run_cli(["dump", dump_file(EN), "-t", "wikitext", "--scheduler",
                      "tcp://127.0.0.1:9", "--scheduler-timeout", "2",
                      "-o", tmp_path / "x.jsonl"])
    assert result.returncode == 5
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in err_text(result)
    assert not (tmp_path / "x.jsonl").exists()
