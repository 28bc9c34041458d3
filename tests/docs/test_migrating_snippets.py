"""Every Python block of docs/migrating.md runs, in order, in one namespace (the guide's
assertions are the test)."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

DOC = Path(__file__).resolve().parents[2] / "docs" / "migrating.md"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def test_guide_has_snippets_for_each_topic() -> None:
    blocks = BLOCK.findall(DOC.read_text(encoding="utf-8"))
    assert len(blocks) >= 8
    text = "\n".join(blocks)
    for needle in ("filter_templates(recursive=False)", "get_sections(", "Editor(", ".data(",
                   "to_records()", 'render(doc, "text")' if 'render(doc, "text")' in text else "render("):
        assert needle in text, needle


def test_every_snippet_runs() -> None:
    namespace: dict[str, object] = {"__name__": "migrating_guide"}
    for number, block in enumerate(BLOCK.findall(DOC.read_text(encoding="utf-8")), 1):
        code = compile(block, f"docs/migrating.md block {number}", "exec")
        with contextlib.redirect_stdout(io.StringIO()):
            exec(code, namespace)  # noqa: S102 - the guide's own code
