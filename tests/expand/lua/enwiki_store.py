"""The enwiki-templates corpus (``../shared/corpora/enwiki-templates``) as a page store."""

from __future__ import annotations

import json
from pathlib import Path


def load_store(root: Path) -> dict[str, str]:
    index = json.loads((root / "index.json").read_text("utf-8"))
    pages: dict[str, str] = {}
    for title, rel in index.items():
        text = (root / rel).read_text("utf-8")
        pages[title] = text
    # MediaWiki follows redirects when it fetches a template or module
    for title, text in list(pages.items()):
        if text.lstrip().upper().startswith("#REDIRECT"):
            start, end = text.find("[["), text.find("]]")
            target = text[start + 2:end].split("|")[0].strip().replace("_", " ")
            if target in pages:
                pages[title] = pages[target]
    return pages
