"""``wikiparse dump`` on the XML dump fixtures in ../shared/corpora/dumps (plain single-stream
bz2, multistream + index, multilingual), through the real CLI.

With ``-t wikitext`` the rendering is the page text itself, so every record is checked against
``pages.tsv`` (id, namespace, title, redirect target, byte length and MediaWiki's base-36 SHA-1
of the text): nothing lost, nothing altered, in dump order.
"""

from __future__ import annotations

import bz2
import csv
import gzip
import os
import re
import subprocess
from pathlib import Path

import pytest

from clitools import (
    cli_command,
    err_text,
    leftovers,
    mediawiki_sha1,
    read_jsonl,
    require_format,
    require_parser,
    run_cli,
)
from testkit import shared_path

EN = "enwiki-mini-pages-articles.xml.bz2"
MULTI = "enwiki-mini-pages-articles-multistream.xml.bz2"
INDEX = "enwiki-mini-pages-articles-multistream-index.txt.bz2"
MULTILINGUAL = "multi-mini-pages-articles.xml.bz2"


@pytest.fixture(autouse=True)
def _parser() -> None:
    require_parser()


def dump_file(name: str) -> Path:
    return shared_path("corpora", "dumps", name)


def expected_pages(file: str) -> list[dict[str, str]]:
    with dump_file("pages.tsv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [row for row in rows if row["file"] == file]


@pytest.fixture(scope="module")
def en_output(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The plain en dump with --jobs 1, the reference for the other runs."""
    out = tmp_path_factory.mktemp("dump") / "en.jsonl"
    result = run_cli(["dump", dump_file(EN), "-t", "wikitext", "-o", out, "--jobs", "1"])
    assert result.returncode == 0, err_text(result)
    return out.read_bytes()


def check_against_pages_tsv(records: list[dict], file: str) -> None:
    rows = expected_pages(file)
    assert [r["id"] for r in records] == [int(row["page_id"]) for row in rows]
    for record, row in zip(records, rows):
        assert record["title"] == row["title"]
        assert record["ns"] == int(row["ns"])
        assert record["revision_id"] == 100000 + int(row["page_id"])
        assert record.get("redirect") == (row["redirect_target"] or None)
        assert "error" not in record
        text = record["wikitext"]
        assert len(text.encode("utf-8")) == int(row["bytes"])
        assert mediawiki_sha1(text) == row["sha1"]


def test_plain_dump_one_record_per_page_matching_pages_tsv(en_output: bytes) -> None:
    records = read_jsonl(en_output)
    assert len(records) == 106
    check_against_pages_tsv(records, EN)
    assert list(records[0]) == ["id", "title", "ns", "revision_id", "wikitext"]
    redirect = next(r for r in records if r["id"] == 1104)
    assert list(redirect) == ["id", "title", "ns", "revision_id", "redirect", "wikitext"]
    assert redirect["redirect"] == 'Ren & Stimpy "Adult Party Cartoon"'


def test_jobs_2_is_byte_identical_to_jobs_1(en_output: bytes, tmp_path: Path) -> None:
    out = tmp_path / "en2.jsonl"
    result = run_cli(["dump", dump_file(EN), "-t", "wikitext", "-o", out, "--jobs", "2"])
    assert result.returncode == 0, err_text(result)
    assert out.read_bytes() == en_output


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_multistream_with_index_is_byte_identical(en_output: bytes, tmp_path: Path,
                                                  jobs: str) -> None:
    out = tmp_path / "multi.jsonl"
    result = run_cli(["dump", dump_file(MULTI), "--index", dump_file(INDEX), "-t", "wikitext",
                      "-o", out, "--jobs", jobs])
    assert result.returncode == 0, err_text(result)
    assert out.read_bytes() == en_output
    assert err_text(result).startswith("wikiparse dump: 106 pages, 0 errors, ")


def test_multistream_without_index_reads_all_streams(en_output: bytes) -> None:
    result = run_cli(["dump", dump_file(MULTI), "-t", "wikitext", "-q"])
    assert result.returncode == 0, err_text(result)
    assert result.stdout == en_output


def test_multilingual_dump(tmp_path: Path) -> None:
    out = tmp_path / "multi.jsonl"
    result = run_cli(["dump", dump_file(MULTILINGUAL), "-t", "wikitext", "-o", out, "-j", "2",
                      "-q"])
    assert result.returncode == 0, err_text(result)
    records = read_jsonl(out)
    assert len(records) == 137
    check_against_pages_tsv(records, MULTILINGUAL)


def test_the_pipeline_uses_the_dumps_namespace_names() -> None:
    from wikiparse.pipeline.dumps import read_site_info

    info = read_site_info(str(dump_file(EN)))
    assert info.lang == "en" and info.dbname == "enwiki"
    assert info.namespaces[1] == "Talk" and info.namespaces[828] == "Module"
    assert info.header.startswith(b"<mediawiki") and info.header.endswith(b"</siteinfo>\n")
    config = info.site_spec().build()
    assert config.namespaces[2300] == info.namespaces[2300]


def test_namespaces_and_redirect_filters(en_output: bytes) -> None:
    everything = read_jsonl(en_output)
    talk = run_cli(["dump", dump_file(EN), "-t", "wikitext", "--namespaces", "1,12", "-q"])
    assert talk.returncode == 0
    assert read_jsonl(talk.stdout) == [r for r in everything if r["ns"] in (1, 12)]
    assert len(read_jsonl(talk.stdout)) == 4
    articles = run_cli(["dump", dump_file(MULTI), "--index", dump_file(INDEX), "-t", "wikitext",
                        "--namespaces", "0", "--redirects", "skip", "-j", "2", "-q"])
    assert articles.returncode == 0
    kept = read_jsonl(articles.stdout)
    assert kept == [r for r in everything if r["ns"] == 0 and "redirect" not in r]
    assert len(kept) == 98


def test_gzip_plain_xml_and_stdin_give_the_same_records(en_output: bytes, tmp_path: Path) -> None:
    xml = bz2.decompress(dump_file(EN).read_bytes())
    (tmp_path / "en.xml.gz").write_bytes(gzip.compress(xml, mtime=0))
    result = run_cli(["dump", tmp_path / "en.xml.gz", "-t", "wikitext", "-q", "-j", "2"])
    assert result.returncode == 0, err_text(result)
    assert result.stdout == en_output
    piped = run_cli(["dump", "-", "-t", "wikitext", "-q"], input=xml)  # plain XML on stdin
    assert piped.returncode == 0 and piped.stdout == en_output


def test_concatenated_bz2_streams_are_read(en_output: bytes, tmp_path: Path) -> None:
    xml = bz2.decompress(dump_file(EN).read_bytes())
    third = len(xml) // 3
    pieces = [xml[:third], xml[third : 2 * third], xml[2 * third :]]  # split anywhere, as pbzip2
    (tmp_path / "cat.xml.bz2").write_bytes(b"".join(bz2.compress(p) for p in pieces))
    result = run_cli(["dump", tmp_path / "cat.xml.bz2", "-t", "wikitext", "-q", "-j", "2"])
    assert result.returncode == 0 and result.stdout == en_output


def test_dump_json_records(tmp_path: Path) -> None:
    require_format("json")
    import wikiparse

    out = tmp_path / "json.jsonl"
    result = run_cli(["dump", dump_file(MULTI), "--index", dump_file(INDEX), "-t", "json",
                      "-o", out, "-j", "2", "-q"])
    assert result.returncode == 0, err_text(result)
    records = read_jsonl(out)
    assert len(records) == 106
    texts = {int(r["page_id"]): r for r in expected_pages(EN)}
    for record in records[:10]:
        doc = wikiparse.from_json(record["json"])
        assert mediawiki_sha1(doc.source) == texts[record["id"]]["sha1"]


# ---------------------------------------------------------------------------- damaged dumps


def pages_in_streams_before(byte: int) -> int:
    """Pages of the multistream fixture in the streams that end before ``byte``."""
    offsets: dict[int, int] = {}
    for line in bz2.decompress(dump_file(INDEX).read_bytes()).decode().splitlines():
        offset = int(line.split(":", 1)[0])
        offsets[offset] = offsets.get(offset, 0) + 1
    starts = sorted(offsets)
    return sum(offsets[s] for s, end in zip(starts, starts[1:]) if end <= byte)


def _prefix_check(partial: bytes, full: bytes) -> list[dict]:
    assert full.startswith(partial), "kept records must be exactly the first records of a full run"
    records = read_jsonl(partial)  # every line whole
    return records


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_truncated_bz2_keeps_every_record_before_the_damage(en_output: bytes, tmp_path: Path,
                                                            jobs: str) -> None:
    # the output must be the same prefix of the full output for any --jobs
    data = dump_file(EN).read_bytes()
    (tmp_path / "cut.xml.bz2").write_bytes(data[: len(data) * 6 // 10])
    out = tmp_path / "cut.jsonl"
    result = run_cli(["dump", tmp_path / "cut.xml.bz2", "-t", "wikitext", "-o", out, "-j", jobs])
    assert result.returncode == 3
    message = err_text(result)
    assert f"{tmp_path / 'cut.xml.bz2'}: the dump is truncated" in message
    records = _prefix_check(out.read_bytes(), en_output)
    assert 10 < len(records) < 106
    assert f"the {len(records)} records converted before it are kept in {out}" in message
    assert leftovers(tmp_path) == []


def test_corrupt_bz2_stops_with_a_clear_error(en_output: bytes, tmp_path: Path) -> None:
    data = bytearray(dump_file(EN).read_bytes())
    data[len(data) // 2 : len(data) // 2 + 64] = bytes(64)
    (tmp_path / "bad.xml.bz2").write_bytes(bytes(data))
    out = tmp_path / "bad.jsonl"
    result = run_cli(["dump", tmp_path / "bad.xml.bz2", "-t", "wikitext", "-o", out, "-j", "2"])
    assert result.returncode == 3
    message = err_text(result)
    assert f"{tmp_path / 'bad.xml.bz2'}: the dump is" in message
    assert "corrupt" in message or "damaged" in message
    records = _prefix_check(out.read_bytes(), en_output)
    assert len(records) > 10


def test_truncated_multistream_keeps_the_streams_before_the_damage(
    en_output: bytes, tmp_path: Path
) -> None:
    data = dump_file(MULTI).read_bytes()
    cut = len(data) * 7 // 10
    (tmp_path / "cut.xml.bz2").write_bytes(data[:cut])
    out = tmp_path / "cut.jsonl"
    result = run_cli(["dump", tmp_path / "cut.xml.bz2", "--index", dump_file(INDEX),
                      "-t", "wikitext", "-o", out, "-j", "2"])
    assert result.returncode == 3
    assert "the dump is truncated" in err_text(result)
    records = _prefix_check(out.read_bytes(), en_output)
    assert len(records) == pages_in_streams_before(cut) >= 30  # every whole stream


def test_corrupt_stream_in_multistream(en_output: bytes, tmp_path: Path) -> None:
    data = bytearray(dump_file(MULTI).read_bytes())
    damage = len(data) * 7 // 10
    data[damage : damage + 64] = bytes(64)
    (tmp_path / "bad.xml.bz2").write_bytes(bytes(data))
    out = tmp_path / "bad.jsonl"
    result = run_cli(["dump", tmp_path / "bad.xml.bz2", "--index", dump_file(INDEX),
                      "-t", "wikitext", "-o", out, "-j", "2"])
    assert result.returncode == 3
    assert "the dump is" in err_text(result) and "stream at byte" in err_text(result)
    records = _prefix_check(out.read_bytes(), en_output)
    assert len(records) == pages_in_streams_before(damage) >= 30


def test_index_of_another_dump_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "x.jsonl"
    result = run_cli(["dump", dump_file(MULTILINGUAL), "--index", dump_file(INDEX),
                      "-t", "wikitext", "-o", out])
    assert result.returncode == 3
    assert "the index is for another dump" in err_text(result)
    assert "nothing was converted" in err_text(result)
    assert not out.exists() and leftovers(tmp_path) == []


def test_not_a_dump_and_empty_file(tmp_path: Path) -> None:
    (tmp_path / "page.wiki").write_text("== Not XML ==\n", encoding="utf-8")
    (tmp_path / "empty.xml").write_bytes(b"")
    for name, expected in (("page.wiki", "not a MediaWiki XML dump"),
                           ("empty.xml", "the file is empty")):
        out = tmp_path / f"{name}.jsonl"
        result = run_cli(["dump", tmp_path / name, "-t", "wikitext", "-o", out])
        assert result.returncode == 3
        assert f"{tmp_path / name}: {expected}" in err_text(result)
        assert not out.exists()


def test_missing_dump_and_usage_errors(tmp_path: Path) -> None:
    missing = run_cli(["dump", tmp_path / "nope.xml.bz2", "-t", "wikitext"])
    assert missing.returncode == 1 and "nope.xml.bz2: no such file" in err_text(missing)
    two = run_cli(["dump", dump_file(EN), dump_file(MULTI), "--index", dump_file(INDEX)])
    assert two.returncode == 2 and "--index goes with exactly one dump" in err_text(two)
    same = run_cli(["dump", dump_file(EN), "-t", "wikitext", "-o", dump_file(EN)])
    assert same.returncode == 2 and "refusing to overwrite the input" in err_text(same)
    bad_ns = run_cli(["dump", dump_file(EN), "--namespaces", "main"])
    assert bad_ns.returncode == 2


def test_unwritable_output_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = run_cli(["dump", dump_file(EN), "-t", "wikitext", "-o", folder / "out.jsonl"],
                         as_unprivileged=True)
    finally:
        folder.chmod(0o755)
    assert result.returncode == 4
    assert f"cannot write {folder / 'out.jsonl'}: Permission denied" in err_text(result)
    assert list(folder.iterdir()) == []


def test_dump_progress_bar_shows_pages_mb_rate_and_eta(tmp_path: Path) -> None:
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen(
        cli_command(["dump", str(dump_file(EN)), "-t", "wikitext", "-o", str(tmp_path / "o.jsonl")]),
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    assert proc.wait(timeout=300) == 0
    screen = b"".join(chunks).decode("utf-8", "replace")
    # a redraw with: percentage and bar, bytes read of the compressed total (MB), elapsed<ETA,
    # pages done and pages per second
    assert re.search(r"\d+%\|[^|]*\| [\d.]+[kM]?B/1\.06MB \[\d\d:\d\d<\d\d:\d\d, "
                     r"\d+ pages, [\d.,]+ pages/s\]", screen), screen
    assert "wikiparse dump: 106 pages, 0 errors, " in screen
