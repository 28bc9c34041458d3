"""One title normaliser, ``SiteConfig.normalize_title``, for every name the parser derives."""

from __future__ import annotations

from dataclasses import dataclass

import wikiparse
from wikiparse.ast import Category, FileLink, Template, WikiLink
from wikiparse.config import SiteConfig


def test_normalize_title_as_mediawiki() -> None:
    config = SiteConfig()
    assert config.normalize_title("  foo__bar \u00a0 baz ") == "Foo bar baz"
    assert config.normalize_title("élan") == "Élan"
    assert config.normalize_title("") == ""
    assert config.normalize_title("foo_bar", capitalize=False) == "foo bar"


@dataclass(frozen=True)
class _Marking(SiteConfig):
    def normalize_title(self, raw: str, *, capitalize: bool = True) -> str:
        return "<" + super().normalize_title(raw, capitalize=capitalize) + ">"


def test_the_parser_names_everything_through_the_config() -> None:
    doc = wikiparse.parse("{{tpl_x}} [[page_a|x]] [[Help:h_b]] [[File:f_c.png]] [[Category:c_d]] "
                          "[[wikt:w_e]]", config=_Marking())
    assert [t.name for t in doc.filter(Template)] == ["<Tpl x>"]
    links = doc.filter(WikiLink)
    assert [link.title for link in links] == ["<Page a>", "Help:<H b>", "<w e>"]
    assert [f.name for f in doc.filter(FileLink)] == ["<F c.png>"]
    assert [c.name for c in doc.filter(Category)] == ["<C d>"]


def test_normalize_title_drops_direction_marks_and_unicode_spaces() -> None:
    config = SiteConfig()
    assert config.normalize_title("\u200fFoo\u00a0\u3000bar\u200e") == "Foo bar"
    assert config.normalize_title("a\u2028b\u202fc") == "A b c"
    doc = wikiparse.parse("[[Berlin\u200e|x]] {{Infobox\u00a0city}}")
    assert doc.filter(WikiLink)[0].title == "Berlin"
    assert doc.filter(Template)[0].name == "Infobox city"


def test_link_trail_with_unicode_properties() -> None:
    # MediaWiki's trails are PCRE; \p{L} (any letter) works as it does there
    config = SiteConfig(link_trail=r"\p{L}+")
    link = wikiparse.parse("[[a]]bçδ1", config=config).filter(WikiLink)[0]
    assert link.trail == "bçδ"
    # the English default stays ASCII letters
    assert wikiparse.parse("[[a]]bçδ1").filter(WikiLink)[0].trail == "b"
