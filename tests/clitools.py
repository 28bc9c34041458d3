"""Helpers for the CLI tests: run the real ``wikiparse`` command in a subprocess.

``run_cli`` runs ``python -m wikiparse ARGS`` with this interpreter (the project's venv), so the
tests exercise argument parsing, exit statuses, stdout/stderr and files exactly as a user sees
them.  ``as_unprivileged=True`` drops root's permission-bypass capabilities (CAP_DAC_OVERRIDE,
CAP_DAC_READ_SEARCH) in the child, so a chmod-000 file is unreadable even when the tests run as
root (CI does).
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Sequence

import pytest

from testkit import IN_CI

PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE = 1
CAP_DAC_READ_SEARCH = 2


def _drop_dac_capabilities() -> None:  # runs in the child, before exec
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def cli_command(args: Sequence[str]) -> list[str]:
    return [sys.executable, "-m", "wikiparse", *map(str, args)]


def run_cli(
    args: Sequence[Any],
    *,
    input: bytes | None = None,
    cwd: Path | None = None,
    as_unprivileged: bool = False,
    timeout: float = 300,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    preexec = _drop_dac_capabilities if as_unprivileged and os.geteuid() == 0 else None
    return subprocess.run(
        cli_command([str(a) for a in args]),
        input=input if input is not None else b"",
        capture_output=True,
        cwd=cwd,
        timeout=timeout,
        preexec_fn=preexec,
        env={**os.environ, **(env or {})},
    )


def err_text(result: subprocess.CompletedProcess[bytes]) -> str:
    return result.stderr.decode("utf-8", "replace")


def require_format(name: str) -> None:
    """Skip when the ``name`` emitter is not in this tree yet (fail instead in CI)."""
    import wikiparse

    if name not in wikiparse.emitters():
        if IN_CI:
            pytest.fail(f"the {name!r} emitter is missing, and CI must have it")
        pytest.skip(f"the {name!r} emitter is not available yet")


def require_parser() -> None:
    import wikiparse

    try:
        wikiparse.parse("x")
    except ImportError as err:
        if IN_CI:
            pytest.fail(f"the parser cannot be imported: {err}")
        pytest.skip(f"the parser is not available yet: {err}")


def leftovers(folder: Path) -> list[Path]:
    """Temporary files an atomic write would leave behind if it went wrong."""
    return sorted(p for p in folder.rglob(".*.tmp"))


def read_jsonl(path_or_bytes: Path | bytes) -> list[dict[str, Any]]:
    data = path_or_bytes.read_bytes() if isinstance(path_or_bytes, Path) else path_or_bytes
    assert data == b"" or data.endswith(b"\n"), "a JSON-lines output must end with a newline"
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def mediawiki_sha1(text: str) -> str:
    """MediaWiki's base-36 SHA-1 of a revision text (as in dumps and pages.tsv)."""
    number = int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16)
    digits = ""
    while number:
        number, rest = divmod(number, 36)
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"[rest] + digits
    return digits.rjust(31, "0")


def wait_for(predicate: Any, timeout: float = 60.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def tiny_dump(pages: Sequence[tuple[int, str | None, str]]) -> bytes:
    """A small MediaWiki XML dump (plain XML) of ``(id, title, text)`` pages; ``title=None``
    leaves the ``<title>`` element out (a malformed page)."""
    from xml.sax.saxutils import escape

    head = ('<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" '
            'xml:lang="en">\n  <siteinfo>\n    <sitename>Test</sitename>\n'
            '    <dbname>testwiki</dbname>\n    <namespaces>\n'
            '      <namespace key="0" case="first-letter" />\n'
            '      <namespace key="14" case="first-letter">Category</namespace>\n'
            '    </namespaces>\n  </siteinfo>\n')
    body = []
    for page_id, title, text in pages:
        title_xml = f"    <title>{escape(title)}</title>\n" if title is not None else ""
        body.append(
            f"  <page>\n{title_xml}    <ns>0</ns>\n    <id>{page_id}</id>\n"
            f"    <revision>\n      <id>{page_id + 100000}</id>\n"
            "      <timestamp>2024-01-01T00:00:00Z</timestamp>\n"
            "      <model>wikitext</model>\n      <format>text/x-wiki</format>\n"
            f'      <text xml:space="preserve">{escape(text)}</text>\n'
            "    </revision>\n  </page>\n"
        )
    return (head + "".join(body) + "</mediawiki>\n").encode("utf-8")
