"""Rendered-page dialect: the seed, the hand-written fixtures, line rules, limits, the AST shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from testkit import corpus_files, shared_path
from rendered_support import (
    FIXTURES, article_text, check_spans, fixture_expectations, outline_part, read_text,
)

import wikiparse
from wikiparse import ast
from wikiparse.config import Limits
from wikiparse.rendered import Vocabulary, parse_rendered
from wikiparse.rendered.outline import outline

EXPECTED = fixture_expectations()


def seed() -> tuple[str, dict]:
    folder = shared_path("corpora", "seed")
    expected = json.loads((folder / "expected.json").read_text("utf-8"))
    name, data = next(iter(expected.items()))
    return read_text(folder / name), data


# ---------------------------------------------------------------- the seed


def test_seed_outline_is_exactly_the_expected_one() -> None:
    text, expected = seed()
    doc = wikiparse.parse(text, dialect="rendered")
    assert outline(doc) == outline_part(expected)


def test_seed_round_trip_and_spans() -> None:
    text, _ = seed()
    doc = wikiparse.parse(text, dialect="rendered")
    assert str(doc) == text
    assert doc.diagnostics == []
    check_spans(doc)


def test_seed_article_text_keeps_content_and_drops_chrome() -> None:
    text, expected = seed()
    words = article_text(wikiparse.parse(text, dialect="rendered"))
    for phrase in expected["text_has"]:
        assert phrase in words
    for phrase in expected["text_lacks"]:
        assert phrase not in words


def test_seed_chrome_is_typed() -> None:
    text, _ = seed()
    doc = wikiparse.parse(text, dialect="rendered")
    kinds = [n.kind for n in doc.children if isinstance(n, ast.Boilerplate)]
    assert kinds == ["title", "tagline", "logo", "search", "ad", "disclaimer", "credits", "contributors"]
    ad = next(n for n in doc.children if isinstance(n, ast.Boilerplate) and n.kind == "ad")
    assert "Semaglutide" in ad.text and ad.text.endswith("Advertise on WikiMD")


def test_seed_document_fields() -> None:
    text, expected = seed()
    doc = wikiparse.parse(text, dialect="rendered")
    assert doc.dialect == "rendered"
    assert (doc.title, doc.tagline) == (expected["title"], expected["tagline"])
    heading = doc.headings[0]
    assert heading.title == "Structure and Function"
    assert isinstance(heading.edit_marker, ast.EditMarker)
    assert heading.edit_marker.label == "edit | edit source"
    assert text[heading.edit_marker.start : heading.edit_marker.end] == "[edit | edit source]"
    (link,) = doc.files
    assert (link.target, link.title, link.name, link.format) == (
        "File:Interleukin-32 structure.jpg", "File:Interleukin-32 structure.jpg",
        "Interleukin-32 structure.jpg", "thumb")
    assert link.caption is not None and link.caption[0].value == "Structure of Interleukin-32"
    (nav,) = doc.navigation
    assert nav.label == "Navigation"


# ---------------------------------------------------------------- fixtures


def test_there_are_enough_fixtures() -> None:
    pages = sorted(p.name for p in FIXTURES.glob("*.txt"))
    assert len(pages) >= 12
    assert pages == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_outline(name: str) -> None:
    doc = wikiparse.parse(read_text(FIXTURES / name), dialect="rendered")
    assert outline(doc) == outline_part(EXPECTED[name])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_round_trip_spans_and_text(name: str) -> None:
    text = read_text(FIXTURES / name)
    doc = wikiparse.parse(text, dialect="rendered")
    assert str(doc) == text
    # a fixture lists the diagnostics its ambiguous lines must get (most have none)
    assert [d.code for d in doc.diagnostics] == EXPECTED[name].get("diagnostics", [])
    check_spans(doc)
    words = article_text(doc)
    for phrase in EXPECTED[name]["text_has"]:
        assert phrase in words
    for phrase in EXPECTED[name]["text_lacks"]:
        assert phrase not in words


def test_crlf_fixture_really_has_crlf() -> None:
    text = read_text(FIXTURES / "es_wikipedia_guitarra_crlf.txt")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")


def test_footer_lines_after_retrieved_from_are_chrome() -> None:
    doc = parse_rendered(read_text(FIXTURES / "en_wikipedia_lens.txt"))
    footer = [n.text for n in doc.children if isinstance(n, ast.Boilerplate) and n.kind == "footer"]
    assert footer == ["Navigation menu", "Personal tools\nNot logged in Talk Contributions Create account Log in"]


# ---------------------------------------------------------------- line rules


def kinds(doc: ast.Document) -> list[str]:
    return [n.kind if isinstance(n, ast.Boilerplate) else n.type for n in doc.children]


def test_edit_marker_only_at_the_end_of_a_line() -> None:
    doc = parse_rendered("Title\n\nClick [edit] to change it.\n\nHistory [edit]\n\nPress [edit].")
    assert [h.title for h in doc.headings] == ["History"]
    assert kinds(doc) == ["title", "Paragraph", "Heading", "Paragraph"]


def test_markers_of_every_language_are_recognised() -> None:
    for marker in Vocabulary.default().edit_markers:
        doc = parse_rendered(f"Title\n\nSection{marker}\n")
        assert [h.title for h in doc.headings] == ["Section"], marker
        assert doc.headings[0].edit_marker is not None


def test_marker_spacing_and_case_variants() -> None:
    for line in ("A[edit|edit source]", "A [ edit | edit source ]", "A[Edit]", "A[EDIT SOURCE]  ",
                 "A\u00a0[edit]", "A[change | change source]\t"):
        doc = parse_rendered("T\n\n" + line)
        assert [h.title for h in doc.headings] == ["A"], line


def test_a_marker_alone_is_not_a_heading() -> None:
    doc = parse_rendered("T\n\n[edit]\n")
    assert doc.headings == []


def test_file_line_needs_a_file_name() -> None:
    doc = parse_rendered("T\n\nFile: a word is not a file\n\nFile:Real one.svg\nIts caption\n\nImage:x.png")
    assert [(f.name, f.caption is not None) for f in doc.files] == [("Real one.svg", True), ("x.png", False)]


def test_heading_named_file() -> None:
    doc = parse_rendered("T\n\nFile: Formats[edit]\n\nFile:A.jpg[edit]\n")
    assert [h.title for h in doc.headings] == ["File: Formats", "File:A.jpg"]
    assert doc.files == []


def test_caption_must_follow_directly() -> None:
    doc = parse_rendered("T\n\nFile:A.jpg\n\nNot a caption.\n")
    assert doc.files[0].caption is None
    assert kinds(doc) == ["title", "FileLink", "Paragraph"]


def test_two_files_in_a_row() -> None:
    doc = parse_rendered("T\n\nFile:A.jpg\nFile:B.jpg\nCaption B\nFile:C.jpg\nCaption C\n")
    assert [(f.name, f.caption[0].value if f.caption else None) for f in doc.files] == [
        ("A.jpg", None), ("B.jpg", "Caption B"), ("C.jpg", "Caption C")]


def test_caption_is_an_image_option() -> None:
    doc = parse_rendered("T\n\nFile:A.jpg\nA caption\n")
    (link,) = doc.files
    (option,) = link.options
    assert (option.kind, option.value) == ("caption", "A caption")
    assert link.caption == option.children


def test_localised_category_labels() -> None:
    for line, names in (
        ("Categories: A | B", ["A", "B"]), ("Category: A", ["A"]), ("Kategorien: A | B", ["A", "B"]),
        ("Catégories : A | B", ["A", "B"]), ("Categorías: A", ["A"]), ("分类：甲 | 乙", ["甲", "乙"]),
        ("Категории: А | Б", ["А", "Б"]), ("カテゴリ: 甲", ["甲"]), ("Categories: A || B |", ["A", "B"]),
    ):
        doc = parse_rendered("T\n\n" + line)
        assert [c.name for c in doc.categories] == names, line
        assert all(c.title == "Category:" + c.name for c in doc.categories)


def test_category_line_that_is_a_sentence_is_text() -> None:
    sentence = "Categories: " + " ".join(["word"] * 20)
    doc = parse_rendered("T\n\n" + sentence)
    assert doc.categories == []
    assert kinds(doc) == ["title", "Paragraph"]


def test_navigation_lines() -> None:
    doc = parse_rendered("T\n\nNavigation: a - b - c-d\n\nMain menu: x · y\n\nNavigation: not a list\n")
    assert [n.items for n in doc.navigation] == [["a", "b", "c-d"], ["x", "y"]]
    assert kinds(doc)[-1] == "Paragraph"


def test_navigation_with_empty_items() -> None:
    doc = parse_rendered("T\n\nNavigation: - a -  - b -")
    assert [n.items for n in doc.navigation] == [["a", "b -"]]


def test_contents_levels() -> None:
    text = "T\n\nContents\n1 A\n1.1 B\n1.1.1 C\n2 D\n\nA[edit]\n\nB[edit]\n\nC[edit]\n\nD[edit]\n"
    doc = parse_rendered(text)
    assert [(h.level, h.title) for h in doc.headings] == [(2, "A"), (3, "B"), (4, "C"), (2, "D")]


def test_contents_with_repeated_titles_matches_in_order() -> None:
    text = ("T\n\nContents\n1 Early life\n1.1 Notes\n2 Career\n2.1 Notes\n\n"
            "Early life[edit]\n\nNotes[edit]\n\nCareer[edit]\n\nNotes[edit]\n")
    doc = parse_rendered(text)
    assert [h.level for h in doc.headings] == [2, 3, 2, 3]


def test_heading_missing_from_contents_goes_below_the_last_listed_level() -> None:
    text = "T\n\nContents\n1 A\n2 B\n\nA[edit]\n\nDeep[edit]\n\nB[edit]\n"
    doc = parse_rendered(text)
    assert [(h.level, h.title) for h in doc.headings] == [(2, "A"), (3, "Deep"), (2, "B")]


def test_without_contents_every_heading_is_level_2() -> None:
    doc = parse_rendered("T\n\nA[edit]\n\n1.1 B[edit]\n")
    assert [h.level for h in doc.headings] == [2, 2]


def test_contents_header_without_entries_is_text() -> None:
    doc = parse_rendered("T\n\nContents\n\nSome text.\n")
    assert kinds(doc) == ["title", "Paragraph", "Paragraph"]


def test_numbered_line_outside_contents_is_text() -> None:
    doc = parse_rendered("T\n\n1 cup of flour\n2 eggs\n")
    assert kinds(doc) == ["title", "Paragraph"]


def test_markerless_headings_need_a_contents_entry_and_a_line_of_their_own() -> None:
    text = "T\n\nContents\n1 Usage\n2 History\n\nUsage\n\nWords.\nHistory\nMore words.\n\nHistory\n"
    doc = parse_rendered(text)
    assert [(h.title, h.edit_marker) for h in doc.headings] == [("Usage", None), ("History", None)]
    assert doc.headings[1].start == text.rindex("History")


def test_title_and_tagline() -> None:
    doc = parse_rendered("Jump to content\n\nBerlin\nFrom Wikipedia, the free encyclopedia\nBerlin is a city.")
    assert (doc.title, doc.tagline) == ("Berlin", "From Wikipedia, the free encyclopedia")
    assert kinds(doc) == ["jump-links", "title", "tagline", "Paragraph"]


def test_no_title_when_the_page_starts_with_a_sentence_or_a_heading() -> None:
    assert parse_rendered("This is a long sentence that is clearly not the title of a page.\n").title is None
    assert parse_rendered("History[edit]\n\nText.").title is None
    assert parse_rendered("").title is None


def test_tagline_is_only_read_under_the_title() -> None:
    doc = parse_rendered("Title\n\nText.\n\nFrom Wikipedia, the free encyclopedia\n")
    assert doc.tagline is None
    assert kinds(doc) == ["title", "Paragraph", "Paragraph"]


def test_consecutive_lines_are_one_paragraph() -> None:
    doc = parse_rendered("T\n\na\nb\n\nc")
    paragraphs = [n for n in doc.children if isinstance(n, ast.Paragraph)]
    assert [p.children[0].value for p in paragraphs] == ["a\nb", "c"]


def test_line_endings_of_all_kinds() -> None:
    for nl in ("\n", "\r\n", "\r"):
        text = nl.join(["Title", "", "Intro.", "", "A[edit]", "", "File:X.png", "Cap", "", "Categories: C | D"])
        doc = parse_rendered(text)
        assert str(doc) == text
        check_spans(doc)
        assert outline(doc)["headings"] == [{"level": 2, "title": "A"}]
        assert outline(doc)["files"] == [{"name": "X.png", "caption": "Cap"}]
        assert outline(doc)["categories"] == ["C", "D"]


# ---------------------------------------------------------------- vocabulary as data


def test_vocabulary_covers_the_required_wikis() -> None:
    from wikiparse.rendered.vocabulary import available_languages, available_sites

    assert {"en", "simple", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "ja", "zh"} <= set(available_languages())
    assert {"visualeditor", "fandom"} <= set(available_sites())


def test_a_custom_vocabulary_is_used() -> None:
    custom = Vocabulary.load(languages=["en"], sites=[]).merged(Vocabulary.from_mapping({
        "edit_markers": ["[redigér]"],
        "category_labels": ["Kategorier"],
        "chrome": {"search": ["Søg"]},
    }))
    doc = parse_rendered("T\n\nHistorie[redigér]\n\nSøg\n\nKategorier: A | B", vocabulary=custom)
    assert [h.title for h in doc.headings] == ["Historie"]
    assert [c.name for c in doc.categories] == ["A", "B"]
    assert "search" in kinds(doc)
    # the default vocabulary does not know Danish
    assert parse_rendered("T\n\nHistorie[redigér]").headings == []


def test_restricted_vocabulary_drops_other_languages() -> None:
    english = Vocabulary.load(languages=["en"], sites=[])
    assert parse_rendered("T\n\nGeschichte[Bearbeiten]", vocabulary=english).headings == []


@pytest.mark.parametrize("bad", [
    {"edit_markers": ["edit"]},
    {"chrome": {"ad": ["(capturing)"]}},
    {"chrome": {"ad": [".*"]}},
    {"taglines": ["[unclosed"]},
    {"chrome": {"ad": ["^Ad$"]}},
    {"toc_headers": "Contents"},
    {"word_markers": ["[Edit]"]},
    {"word_markers": ["  "]},
    {"block_ends": {"banner": ["(capturing)"]}},
    {"block_ends": ["Close"]},
])
def test_bad_vocabulary_is_rejected_early(bad: dict) -> None:
    with pytest.raises(ValueError):
        Vocabulary.from_mapping(bad)


def test_unknown_language_is_rejected() -> None:
    with pytest.raises(ValueError):
        Vocabulary.load(languages=["xx"])


# ---------------------------------------------------------------- limits and totality


def test_max_input_degrades_the_rest_to_text() -> None:
    text = "Title\n\nA[edit]\n\n" + "B[edit]\n\n" * 10
    doc = parse_rendered(text, limits=Limits(max_input=20))
    assert str(doc) == text
    check_spans(doc)
    assert [d.code for d in doc.diagnostics] == ["limit-input"]
    assert [h.title for h in doc.headings] == ["A"]


def test_max_nodes_degrades_the_rest_to_text() -> None:
    text = "Title\n\n" + "".join(f"H{i}[edit]\n\n" for i in range(50))
    doc = parse_rendered(text, limits=Limits(max_nodes=10))
    assert str(doc) == text
    check_spans(doc)
    assert [d.code for d in doc.diagnostics] == ["limit-nodes"]
    assert 0 < len(doc.headings) < 50


def test_non_str_is_api_misuse() -> None:
    with pytest.raises(TypeError):
        parse_rendered(b"bytes")  # type: ignore[arg-type]


@pytest.mark.parametrize("text", [
    "", "\n", "\r", "\r\n\r\n", " ", "[", "[edit]", "File:", "File:.jpg", "Categories:", "Categories: |",
    "Navigation: - -", "Contents", "Contents\n1", "1 ", "\x00", "\u2028\x85\x0b\x0c", "A[edit]\r", "\ud800",
    "File:a.jpg\r\ncaption\rnext\n", "Ad.x\nAd.y\n\nz",
])
def test_odd_inputs_parse(text: str) -> None:
    doc = parse_rendered(text)
    assert str(doc) == text
    check_spans(doc)
    assert all(d.severity != "internal" for d in doc.diagnostics)


@pytest.mark.slow
@pytest.mark.parametrize("path", corpus_files()[:60], ids=lambda p: p.name)
def test_wikitext_pages_read_as_rendered_are_still_lossless(path: Path) -> None:
    """Any text is a valid rendered page: wikitext pages (long lines, brackets, bars) read as
    the rendered dialect round-trip and keep their span invariants."""
    text = read_text(path)
    doc = parse_rendered(text)
    assert str(doc) == text
    check_spans(doc)
    assert all(d.severity != "internal" for d in doc.diagnostics)


ADVERSARIAL = {
    "blanks": lambda n: " " * n + "x",
    "brackets": lambda n: "[" * n,
    "open markers": lambda n: "a [edit" * (n // 7),
    "bars": lambda n: "Categories:" + "|" * n,
    "separators": lambda n: "Navigation: a" + " -" * (n // 2),
    "line breaks": lambda n: "\r" * n,
    "contents": lambda n: "Contents\n" + "1 A\n" * (n // 8) + "A[edit]\n" * (n // 16),
    "ad block": lambda n: "Ad.x\n" + "y\n" * (n // 2),
    "dots": lambda n: "File:" + "a." * (n // 2),
    "edit words on one line": lambda n: "aEdit " * (n // 6),
    "glued lines": lambda n: "PowersEdit\n" * (n // 11),
    "markers below": lambda n: "History\n[edit]\n" * (n // 15),
    "bare words below": lambda n: "History\nEdit\n" * (n // 13),
    "markers first": lambda n: "[edit] " * (n // 7),
    "banner openers": lambda n: "To all our readers in x\n" * (n // 24),
    "blanks before an edit word": lambda n: "a" + " " * n + "Edit",
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_cost_grows_linearly(name: str) -> None:
    """Four times the input costs about four times the CPU (bound 8x, for noisy machines)."""
    import time

    def cost(n: int) -> float:
        text = ADVERSARIAL[name](n)
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            doc = parse_rendered(text)
            best = min(best, time.process_time() - start)
        assert str(doc) == text
        return best

    small, large = cost(20_000), cost(80_000)
    assert large < 8 * max(small, 0.002), (small, large)


def test_docs_list_every_vocabulary_section() -> None:
    from wikiparse.rendered.vocabulary import available_languages, available_sites

    docs = (Path(__file__).resolve().parents[2] / "docs" / "rendered.md").read_text("utf-8")
    for name in [*available_languages(), *available_sites()]:
        assert f"| {name} " in docs, name
    for marker in Vocabulary.default().edit_markers:
        assert f"`{marker.replace('|', chr(92) + '|')}`" in docs, marker
