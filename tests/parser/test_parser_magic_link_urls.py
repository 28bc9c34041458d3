"""``SiteConfig.pmid_url`` / ``rfc_url``: where PMID and RFC magic links point."""

from __future__ import annotations

import wikiparse
from wikiparse.ast import MagicLink
from wikiparse.config import SiteConfig


def _links(text: str, config: SiteConfig | None = None) -> list[MagicLink]:
    doc = wikiparse.parse(text, config=config) if config else wikiparse.parse(text)
    return [n for n in doc.walk() if isinstance(n, MagicLink)]


def test_defaults_are_wikipedias_targets() -> None:
    pmid, rfc = _links("PMID 1234 and RFC 822")
    assert pmid.url == "https://pubmed.ncbi.nlm.nih.gov/1234"
    assert rfc.url == "https://datatracker.ietf.org/doc/html/rfc822"


def test_configured_patterns_replace_the_number() -> None:
    cfg = SiteConfig().with_(pmid_url="//www.ncbi.nlm.nih.gov/pubmed/$1?dopt=Abstract",
                             rfc_url="https://rfc.example/$1.txt")
    pmid, rfc = _links("PMID 1234 and RFC 822", cfg)
    assert pmid.url == "//www.ncbi.nlm.nih.gov/pubmed/1234?dopt=Abstract"
    assert rfc.url == "https://rfc.example/822.txt"
    html = wikiparse.render(wikiparse.parse("PMID 1234", config=cfg), "html")
    assert 'href="//www.ncbi.nlm.nih.gov/pubmed/1234?dopt=Abstract"' in html


def test_parser_test_wiki_uses_mediawikis_pubmed_message() -> None:
    from wikiparse.testing import parsertest_html

    html = parsertest_html("PMID 1234")
    assert 'href="//www.ncbi.nlm.nih.gov/pubmed/1234?dopt=Abstract"' in html
