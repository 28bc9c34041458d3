"""Every real page of ../shared/corpora/articles parses: no exception, exact round trip,
sound spans, no internal diagnostics."""

from __future__ import annotations

from pathlib import Path

import pytest

import wikiparse
from wikiparse.validate import check_tree

from testkit import IN_CI, corpus_files

FILES = corpus_files()


def test_corpus_is_there() -> None:
    if not FILES:
        if IN_CI:
            pytest.fail("../shared/corpora/articles is missing in CI")
        pytest.skip("../shared/corpora/articles not found next to this checkout")
    assert len(FILES) >= 200


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_corpus_page(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    doc = wikiparse.parse(text)
    assert str(doc) == text
    assert wikiparse.to_wikitext(doc) == text
    assert check_tree(doc) == []
    assert all(node.origin is text for node in doc.walk())
    internal = [d for d in doc.diagnostics if d.severity == "internal"]
    assert internal == []
    # the tree is not empty of structure on real pages
    assert doc.children
