"""Edit markers in their three positions (below the heading, before it, glued to it), site
banners, older chrome and tagline variants: the rules of docs/rendered.md, one by one."""

from __future__ import annotations

import pytest
from rendered_support import check_spans

from wikiparse import ast
from wikiparse.rendered import Vocabulary, parse_rendered
from wikiparse.rendered.detect import detect_dialect, explain
from wikiparse.rendered.outline import outline
from wikiparse.rendered.to_wikitext import rendered_to_wikitext


def kinds(doc: ast.Document) -> list[str]:
    return [n.kind if isinstance(n, ast.Boilerplate) else n.type for n in doc.children]


def codes(doc: ast.Document) -> list[str]:
    return [d.code for d in doc.diagnostics]


def parsed(text: str) -> ast.Document:
    doc = parse_rendered(text)
    assert str(doc) == text
    check_spans(doc)
    return doc


# ---------------------------------------------------------------- marker on the line below


@pytest.mark.parametrize("gap", ["\n", "\n\n", "\r\n", "\r\n\r\n", "\n \n"])
def test_marker_below_its_heading(gap: str) -> None:
    text = f"Title\n\nIntro.\n\nHistory{gap}[edit | edit source]\n\nText."
    doc = parsed(text)
    (heading,) = doc.headings
    assert heading.title == "History"
    assert heading.edit_marker is not None and heading.edit_marker.label == "edit | edit source"
    # the heading's span runs from its title to its marker
    assert text[heading.start : heading.end] == f"History{gap}[edit | edit source]"
    assert kinds(doc) == ["title", "Paragraph", "Heading", "Paragraph"]
    assert codes(doc) == []


def test_marker_below_splits_a_paragraph_without_blank_lines() -> None:
    doc = parsed("T\nIntro line.\nHistory\n[edit]\nBody line.\nMore body.")
    assert [h.title for h in doc.headings] == ["History"]
    assert kinds(doc) == ["title", "Paragraph", "Heading", "Paragraph"]
    assert doc.children[-1].children[0].value == "Body line.\nMore body."


def test_marker_below_a_sentence_stays_text_with_a_reason() -> None:
    sentence = "This paragraph is a long sentence that ends like prose does, with a full stop."
    doc = parsed(f"T\n\n{sentence}\n[edit]\n\nText.")
    assert doc.headings == []
    assert codes(doc) == ["rendered-stray-marker"]
    assert "sentence" in doc.diagnostics[0].message


def test_marker_below_the_title_with_a_blank_line_is_text() -> None:
    doc = parsed("T\n\n[edit]\n")
    assert doc.title == "T" and doc.headings == []
    assert codes(doc) == ["rendered-stray-marker"]


def test_a_first_line_with_its_marker_directly_below_is_a_heading_not_the_title() -> None:
    doc = parsed("History\n[edit]\nText.")
    assert doc.title is None
    assert [h.title for h in doc.headings] == ["History"]


def test_contents_levels_reach_headings_with_markers_below() -> None:
    doc = parsed("T\n\nContents\n1 A\n1.1 B\n2 C\n\nA\n[edit]\nB\n[edit]\nText.\nC\n[edit]\n")
    assert [(h.level, h.title) for h in doc.headings] == [(2, "A"), (3, "B"), (2, "C")]


def test_a_bare_edit_word_below_needs_the_line_directly_above() -> None:
    doc = parsed("T\nFrom Wikipedia, the free encyclopedia\nHistory\nEdit\nText.\nUse\n\nEdit\n")
    assert [h.title for h in doc.headings] == ["History"]
    assert codes(doc) == ["rendered-stray-marker"]


def test_a_bare_edit_word_under_the_title_or_menus_is_the_page_edit_button() -> None:
    doc = parsed("Heron\nEdit\nThe heron is a bird.\nBehaviour\nEdit\nIt hunts.\nFood\nEdit\nFish.")
    assert doc.title == "Heron"
    assert kinds(doc)[:2] == ["title", "page-actions"]
    assert [h.title for h in doc.headings] == ["Behaviour", "Food"]


# ---------------------------------------------------------------- marker before the heading


def test_marker_before_the_heading_is_its_first_child() -> None:
    text = "Physik\n\n[Bearbeiten] Grundlagen\n\nText.\n\n  [edit]Second  \n"
    doc = parsed(text)
    assert [h.title for h in doc.headings] == ["Grundlagen", "Second"]
    first = doc.headings[0]
    marker, title = first.children
    assert isinstance(marker, ast.EditMarker) and marker.label == "Bearbeiten"
    assert text[marker.start : marker.end] == "[Bearbeiten]"
    assert isinstance(title, ast.Text) and title.value == "Grundlagen"
    assert first.edit_marker is None


def test_marker_before_a_sentence_stays_text() -> None:
    doc = parsed("T\n\n[edit] this link opens the editor, where anyone can change the text of the page.\n")
    assert doc.headings == []
    assert codes(doc) == ["rendered-stray-marker"]


# ---------------------------------------------------------------- glued edit words


def test_glued_and_spaced_edit_words() -> None:
    doc = parsed("T\n\nAbilities and PowersEdit\n\nText.\n\nHeading Edit\n\nMore.\n\nOrigins (2004)Edit\n")
    assert [h.title for h in doc.headings] == ["Abilities and Powers", "Heading", "Origins (2004)"]
    assert all(h.edit_marker is not None and h.edit_marker.label == "Edit" for h in doc.headings)
    assert codes(doc) == []


def test_edit_word_inside_a_word_is_text() -> None:
    # an upper-case letter before the word: part of a name, not a glued marker
    doc = parsed("T\n\nThe PDFEdit\n\nAnother PDFEdit\n")
    assert doc.headings == [] and codes(doc) == []


def test_edit_word_is_case_sensitive() -> None:
    doc = parsed("T\n\nHistory edit\n\nUsage edit\n")
    assert doc.headings == []


def test_a_sentence_ending_in_the_edit_word_stays_text_with_a_reason() -> None:
    doc = parsed("T\n\nGeographyEdit\n\nHistoryEdit\n\nTo add a place, open this page in the editor and press Edit\n")
    assert [h.title for h in doc.headings] == ["Geography", "History"]
    assert codes(doc) == ["rendered-ambiguous-marker"]
    assert "sentence" in doc.diagnostics[0].message


def test_a_single_glued_line_needs_other_evidence() -> None:
    alone = parsed("Notes\n\nThe next step: Quick Edit\n\nThen save it.")
    assert alone.headings == [] and codes(alone) == ["rendered-ambiguous-marker"]
    assert "only line" in alone.diagnostics[0].message
    with_chrome = parsed("Notes\n\nRegionsEdit\n\nText.\n\nCommunity content is available under CC-BY-SA unless otherwise noted.")
    assert [h.title for h in with_chrome.headings] == ["Regions"]


def test_localised_edit_words() -> None:
    doc = parsed("T\n\nGeschichteBearbeiten\n\nText.\n\nHistoireModifier\n\n歴史編集\n")
    assert [h.title for h in doc.headings] == ["Geschichte", "Histoire", "歴史"]


# ---------------------------------------------------------------- banners, chrome, taglines


BANNER = ("Jump to content\nMain menu\nSearch\nTo all our readers in an invented country,\n"
          "this appeal is made up for the test.\n\n$5\n$10\nMaybe later\nClose\n")


def test_banner_between_chrome_and_title() -> None:
    doc = parsed(BANNER + "Thornwick\nFrom Wikipedia, the free encyclopedia\nThornwick is a village.")
    assert (doc.title, doc.tagline) == ("Thornwick", "From Wikipedia, the free encyclopedia")
    banner = next(n for n in doc.children if isinstance(n, ast.Boilerplate) and n.kind == "banner")
    assert banner.text.startswith("To all our readers") and banner.text.endswith("Close")


def test_banner_without_closing_line_ends_at_a_blank_line() -> None:
    doc = parsed("To all our readers in an invented country,\nplease read this.\n\nThornwick\n\nText.")
    assert kinds(doc)[:2] == ["banner", "title"] and doc.title == "Thornwick"


@pytest.mark.parametrize("line", [
    "Jump to: navigation, search", "Wechseln zu: Navigation, Suche", "Aller à : navigation, rechercher",
    "Saltar a: navegación, búsqueda", "Vai a: navigazione, ricerca", "Ir para: navegação, pesquisa",
    "Ga naar: navigatie, zoeken", "Skocz do: nawigacja, szukaj", "Перейти к: навигация, поиск",
    "Перейти до: навігація, пошук", "移動先: 案内, 検索", "跳转至：导航、搜索", "اذهب إلى: تصفح، ابحث",
    "پرش به: ناوبری، جستجو",
])
def test_older_jump_links_are_chrome_and_do_not_hide_the_title(line: str) -> None:
    doc = parsed(f"{line}\nTitle\n\nText of the article.")
    assert kinds(doc)[:2] == ["jump-links", "title"] and doc.title == "Title"


@pytest.mark.parametrize("line", [
    "Esta página fue modificada por última vez el 3 feb 2015 a las 10:00.",
    "This page was last modified on 4 June 2008, at 12:00.",
    "Diese Seite wurde zuletzt am 12. Mai 2007 um 14:02 Uhr geändert.",
    "Последнее изменение этой страницы: 10:00, 1 мая 2024.",
    "Last edited 3 days ago by an anonymous user",
])
def test_older_last_edited_footers_are_chrome(line: str) -> None:
    assert kinds(parsed(f"T\n\nText.\n\n{line}"))[-1] == "last-edited"


@pytest.mark.parametrize("tagline", [
    "aus Wikipedia, der freien Enzyklopädie", "Aus Wikipedia, der freien Enzyklopädie",
    "from Wikipedia, the free encyclopedia", "From Brasswork Docs", "From the Lantern Wiki",
    "From Fandom", "From WikiMD's Wellness Encyclopedia", "提供: 歯車ドキュメント", "Aus Stadtwiki Oberau",
])
def test_tagline_variants(tagline: str) -> None:
    doc = parsed(f"Title\n{tagline}\nText of the article.")
    assert doc.tagline == tagline


def test_a_sentence_under_the_title_is_not_a_tagline() -> None:
    doc = parsed("Title\nFrom the river the town rises up the hill in terraces.\n")
    assert doc.tagline is None


# ---------------------------------------------------------------- the rest of the stack


def test_new_headings_convert_to_wikitext_and_leave_markers_out() -> None:
    doc = parsed("T\n\nA\n[edit]\n\n[edit] B\n\nCeeEdit\n\nDeeEdit\n")
    assert [h.title for h in doc.headings] == ["A", "B", "Cee", "Dee"]
    out = rendered_to_wikitext(doc)
    for title in ("A", "B", "Cee", "Dee"):
        assert f"== {title} ==" in out
    assert "edit" not in out.lower()


def test_html_leaves_markers_out() -> None:
    import wikiparse

    doc = parsed("T\n\n[edit] Alpha\n\nBeta\n[edit]\n\nGammaEdit\n\nDeltaEdit\n")
    html = wikiparse.render(doc, "html")
    text = wikiparse.render(doc, "text")
    for out in (html, text):
        assert "edit" not in out.lower(), out
        for title in ("Alpha", "Beta", "Gamma", "Delta"):
            assert title in out


def test_a_custom_edit_word() -> None:
    danish = Vocabulary.load(languages=["en"], sites=[]).merged(
        Vocabulary.from_mapping({"word_markers": ["Redigér"], "edit_markers": ["[redigér]"]}))
    doc = parse_rendered("T\n\nHistorieRedigér\n\nText.\n\nBrug\n[redigér]\n", vocabulary=danish)
    assert [h.title for h in doc.headings] == ["Historie", "Brug"]


def test_restricted_vocabulary_has_no_edit_words_of_other_languages() -> None:
    english = Vocabulary.load(languages=["en"], sites=[])
    doc = parse_rendered("T\n\nGeschichteBearbeiten\n\nTextBearbeiten\n", vocabulary=english)
    assert doc.headings == []


def test_outline_of_a_page_with_every_position() -> None:
    text = ("Title\nFrom Wikipedia, the free encyclopedia\nIntro.\nA\n[edit]\nText.\n\n[edit] B\n\nText.\n\n"
            "C[edit]\n\nText.")
    assert outline(parsed(text))["headings"] == [
        {"level": 2, "title": "A"}, {"level": 2, "title": "B"}, {"level": 2, "title": "C"}]


# ---------------------------------------------------------------- detection of every kind


@pytest.mark.parametrize("text", [
    "Seite\n\nGeschichte\n[Bearbeiten | Quelltext bearbeiten]\n\nText.",
    "Physik\n\n[Bearbeiten] Grundlagen\n\nText.",
    "Marrowfen\n\nGeographyEdit\n\nText.\n\nHistoryEdit\n\nMore text.",
    "Jump to: navigation, search\n\nCanal\n\nText.\n\nThis page was last modified on 4 June 2008, at 12:00.",
    "Puente\nde Wikipedia, la enciclopedia libre\nEl puente es viejo.",
])
def test_each_kind_is_detected_as_rendered(text: str) -> None:
    assert detect_dialect(text) == "rendered", explain(text)


def test_lines_with_wikitext_markup_give_no_rendered_evidence() -> None:
    assert explain("[[History]]\n[edit]\n\n[edit] ''Grundlagen''\n\n{{a}} GeographyEdit").rendered == 0
    assert detect_dialect("== A ==\n[[x]]\nHistory Edit\n{{y}}\nUsage Edit\n| cell Edit\n") == "wikitext"
