"""SiteConfig: English defaults, built-in localisations (for_language), siteinfo JSON
(from_siteinfo, formatversion 1 and 2), immutability and with_()."""

from __future__ import annotations

import copy
import csv
import dataclasses
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from testkit import shared_path
from wikiparse.config import (
    NS_CATEGORY,
    NS_FILE,
    NS_MEDIA,
    NS_TEMPLATE,
    SiteConfig,
    languages_with_localisation,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SITEINFO_V2 = FIXTURES / "siteinfo-dewiki.json"
SITEINFO_V1 = FIXTURES / "siteinfo-dewiki-fv1.json"


def image_option(config: SiteConfig, word: str) -> str | None:
    """The option id a caption-less image parameter means under ``config`` (as a parser would
    look it up in ``image_option_table``)."""
    exact, patterns = config.image_option_table
    if word.lower() in exact:
        return exact[word.lower()]
    for pre, post, option in patterns:
        low = word.lower()
        if low.startswith(pre) and low.endswith(post) and len(low) > len(pre) + len(post):
            return option
    return None


# ---------------------------------------------------------------------------- defaults (enwiki)


def test_defaults_are_english_wikipedia() -> None:
    config = SiteConfig()
    assert config.lang == "en"
    assert config.namespace_of("File") == NS_FILE
    assert config.namespace_of("image") == NS_FILE
    assert config.namespace_of("Media") == NS_MEDIA
    assert config.namespace_of("category") == NS_CATEGORY
    assert config.namespace_of("Template_talk") == 11
    assert config.namespace_of("  user   talk ") == 3
    assert config.namespace_of("WP") == 4
    assert config.namespace_of("Wikipedia") == 4
    assert config.namespace_of("Project") == 4
    assert config.namespace_of("Datei") is None
    assert config.namespace_name(NS_TEMPLATE) == "Template"
    assert config.redirect_words == ("#REDIRECT",)
    assert config.link_trail == "[a-z]+"
    assert config.article_path == "/wiki/$1"
    assert "https://" in config.protocols and "//" in config.protocols
    assert "nowiki" in config.raw_tags and "ref" not in config.raw_tags
    assert "PAGENAME" in config.variables and "NOTOC" in config.behavior_switches
    assert image_option(config, "thumb") == "thumbnail"
    assert image_option(config, "220px") == "width"
    assert image_option(config, "upright=1.2") == "upright"
    assert image_option(config, "miniatur") is None


# ---------------------------------------------------------------------------- for_language

# lang, File, Category, Template, an alias of File
LOCALISED = [
    ("de", "Datei", "Kategorie", "Vorlage", "Bild"),
    ("fr", "Fichier", "Catégorie", "Modèle", None),
    ("es", "Archivo", "Categoría", "Plantilla", "Imagen"),
    ("ru", "Файл", "Категория", "Шаблон", "Изображение"),
    ("ja", "ファイル", "カテゴリ", "テンプレート", "画像"),
    ("ar", "ملف", "تصنيف", "قالب", "صورة"),
    ("bg", "Файл", "Категория", "Шаблон", "Картинка"),
    ("br", "Restr", "Rummad", "Patrom", "Skeudenn"),
]


@pytest.mark.parametrize("lang,file_ns,category_ns,template_ns,file_alias", LOCALISED)
def test_for_language_namespaces(lang: str, file_ns: str, category_ns: str, template_ns: str,
                                 file_alias: str | None) -> None:
    config = SiteConfig.for_language(lang)
    assert config.lang == lang
    assert config.namespace_name(NS_FILE) == file_ns
    assert config.namespace_of(file_ns) == NS_FILE
    assert config.namespace_of(category_ns) == NS_CATEGORY
    assert config.namespace_of(template_ns) == NS_TEMPLATE
    if file_alias:
        assert config.namespace_of(file_alias) == NS_FILE
    # the canonical English names keep working on every wiki, as in MediaWiki
    assert config.namespace_of("File") == NS_FILE
    assert config.namespace_of("Category") == NS_CATEGORY
    assert config.namespace_of("Image") == NS_FILE


def test_for_language_underscores_spaces_and_case() -> None:
    de = SiteConfig.for_language("de")
    assert de.namespace_of("Benutzer_Diskussion") == 3
    assert de.namespace_of("benutzer diskussion") == 3
    assert de.namespace_of("Benutzerin") == 2  # gender alias
    assert de.namespace_name(3) == "Benutzer Diskussion"


def test_for_language_zh_keeps_english_names_and_adds_chinese_aliases() -> None:
    zh = SiteConfig.for_language("zh")
    assert zh.namespace_name(NS_FILE) == "File"
    assert zh.namespace_of("文件") == NS_FILE
    assert zh.namespace_of("檔案") == NS_FILE
    assert zh.namespace_of("分類") == NS_CATEGORY
    assert zh.namespace_of("模板") == NS_TEMPLATE


@pytest.mark.parametrize("lang,word,option", [
    ("de", "miniatur", "thumbnail"),
    ("de", "mini", "thumbnail"),
    ("de", "hochkant=1.2", "upright"),
    ("de", "rechts", "right"),
    ("de", "thumb", "thumbnail"),  # English words are kept
    ("fr", "vignette", "thumbnail"),
    ("fr", "gauche", "left"),
    ("fr", "redresse=0.8", "upright"),
    ("es", "miniatura", "thumbnail"),
    ("es", "derecha", "right"),
    ("ru", "мини", "thumbnail"),
    ("ru", "300пкс", "width"),
    ("ru", "справа", "right"),
    ("ar", "تصغير", "thumbnail"),
    ("ar", "250بك", "width"),
    ("ja", "サムネイル", "thumbnail"),
    ("ja", "120ピクセル", "width"),
    ("bg", "мини", "thumbnail"),
])
def test_for_language_image_options(lang: str, word: str, option: str) -> None:
    assert image_option(SiteConfig.for_language(lang), word) == option


def test_image_words_do_not_leak_between_languages() -> None:
    assert image_option(SiteConfig.for_language("fr"), "miniatur") is None
    assert image_option(SiteConfig(), "vignette") is None


@pytest.mark.parametrize("lang,word", [
    ("de", "#WEITERLEITUNG"), ("fr", "#REDIRECTION"), ("ru", "#перенаправление"), ("ar", "#تحويل"),
    ("ja", "#転送"),
])
def test_for_language_redirect_words(lang: str, word: str) -> None:
    words = SiteConfig.for_language(lang).redirect_words
    assert word in words and "#REDIRECT" in words


@pytest.mark.parametrize("lang,trail,not_trail", [
    ("de", "straße", "word-"),
    ("fr", "été", "x y"),
    ("ru", "ами", "ами!"),
    ("es", "ñandú", "a1"),
    ("ar", "ية", "a b"),
])
def test_for_language_link_trail(lang: str, trail: str, not_trail: str) -> None:
    pattern = re.compile(SiteConfig.for_language(lang).link_trail)
    assert pattern.fullmatch(trail)
    assert not pattern.fullmatch(not_trail)
    assert not re.fullmatch(SiteConfig().link_trail, trail) or trail.isascii()


def test_fallback_languages_inherit_their_fallback() -> None:
    als = SiteConfig.for_language("als")  # alswiki's language is gsw, which falls back to de
    assert als.namespace_of("Datei") == NS_FILE
    assert image_option(als, "miniatur") == "thumbnail"
    an = SiteConfig.for_language("an")  # Aragonese: own namespaces, Spanish magic words too
    assert an.namespace_of("Imachen") == NS_FILE
    assert image_option(an, "miniatura") == "thumbnail"
    assert image_option(an, "dreita") == "right"


def test_unknown_language_is_english_with_lang_set() -> None:
    config = SiteConfig.for_language("xx-unknown")
    assert config == SiteConfig().with_(lang="xx-unknown")
    assert config.namespace_of("File") == NS_FILE


def test_every_localisation_is_well_formed() -> None:
    languages = list(languages_with_localisation())
    assert {"de", "fr", "es", "ru", "ja", "zh", "ar"} <= set(languages)
    option_ids = set(SiteConfig().image_options)
    for lang in languages:
        config = SiteConfig.for_language(lang)
        assert config.namespace_name(NS_FILE), lang
        assert config.namespace_name(NS_CATEGORY), lang
        assert config.namespace_of(config.namespace_name(NS_FILE)) == NS_FILE, lang
        assert config.namespace_of(config.namespace_name(NS_CATEGORY)) == NS_CATEGORY, lang
        assert set(config.image_options) <= option_ids, lang
        re.compile(config.link_trail)
        assert all(w.startswith("#") or w.startswith("＃") for w in config.redirect_words), lang


# prefixes of [[X:...]] that the corpus uses for images
_IMAGE_LINK = re.compile(r"\[\[\s*([^\[\]|:#{}<>\n]{1,40}?)\s*:[^\[\]|\n]{1,200}?"
                         r"\.(?:jpe?g|png|svg|gif|tiff?|webp)\s*[|\]]", re.I)
_CATEGORY_AT_END = re.compile(r"\[\[\s*([^\[\]|:#{}<>\n]{1,40}?)\s*:[^\[\]\n]{1,200}\]\]\s*$")


def test_corpus_de_pages_use_only_recognised_file_and_category_prefixes() -> None:
    corpus = shared_path("corpora", "articles")
    de = SiteConfig.for_language("de")
    with (corpus / "manifest.tsv").open(encoding="utf-8", newline="") as f:
        files = [r["file"] for r in csv.DictReader(f, delimiter="\t") if r["language"] == "de"]
    assert files
    used: Counter[str] = Counter()
    for name in files:
        text = (corpus / name).read_text(encoding="utf-8")
        used.update(m.group(1) for m in _IMAGE_LINK.finditer(text))
        used.update(re.findall(r"\[\[\s*(Kategorie|Category)\s*:", text))
    assert used["Datei"] >= 2 and used["Kategorie"] >= 2
    for prefix, count in used.items():
        if count >= 2:
            assert de.namespace_of(prefix) in (NS_FILE, NS_MEDIA, NS_CATEGORY), prefix


def test_corpus_image_prefixes_are_file_namespaces_in_every_localised_language() -> None:
    """Every prefix a corpus page puts before an image file name at least twice is that
    language's File (or Media) namespace, for the languages with a built-in localisation."""
    corpus = shared_path("corpora", "articles")
    localised = set(languages_with_localisation())
    with (corpus / "manifest.tsv").open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t") if r["language"] in localised]
    checked = 0
    for row in rows:
        config = SiteConfig.for_language(row["language"])
        text = (corpus / row["file"]).read_text(encoding="utf-8")
        counts = Counter(m.group(1) for m in _IMAGE_LINK.finditer(text))
        for prefix, count in counts.items():
            if count >= 2 and prefix not in _FOREIGN_PREFIXES.get(row["file"], ()):
                checked += 1
                assert config.namespace_of(prefix) in (NS_FILE, NS_MEDIA), (row["file"], prefix)
    assert checked >= 10


# Pages whose text comes from another wiki than their manifest language says.
_FOREIGN_PREFIXES: dict[str, tuple[str, ...]] = {
    "ar--dbpedia--Berlin.wiki": ("Datei",),  # Bavarian (barwiki) text labelled "ar"
    "ms--dbpedia--Berlin--a8ba4269.wiki": ("Figura",),  # Piedmontese (pmswiki) text labelled "ms"
}


# ---------------------------------------------------------------------------- from_siteinfo


@pytest.fixture(params=[SITEINFO_V2, SITEINFO_V1], ids=["formatversion=2", "formatversion=1"])
def dewiki(request: pytest.FixtureRequest) -> SiteConfig:
    return SiteConfig.from_siteinfo(json.loads(request.param.read_text(encoding="utf-8")))


def test_siteinfo_general(dewiki: SiteConfig) -> None:
    assert dewiki.lang == "de"
    assert dewiki.article_path == "/wiki/$1"
    assert dewiki.link_trail == "[äöüßa-z]+"
    assert dewiki.magic_links is True


def test_siteinfo_namespaces_and_aliases(dewiki: SiteConfig) -> None:
    assert dewiki.namespaces[NS_FILE] == "Datei"
    assert dewiki.namespaces[NS_MEDIA] == "Medium"
    assert dewiki.namespaces[0] == ""
    assert dewiki.namespace_name(3) == "Benutzer Diskussion"
    assert dewiki.namespace_of("Datei") == NS_FILE
    assert dewiki.namespace_of("Bild") == NS_FILE          # namespacealiases
    assert dewiki.namespace_of("File") == NS_FILE          # canonical name
    assert dewiki.namespace_of("Media") == NS_MEDIA        # canonical name
    assert dewiki.namespace_of("Benutzerin") == 2
    assert dewiki.namespace_of("Modul") == 828
    assert dewiki.namespace_of("Module") == 828
    assert dewiki.namespace_of("Portal") == 100
    assert dewiki.namespace_of("Kategorie") == NS_CATEGORY
    # what dewiki does not have is gone: no Draft namespace, no enwiki shortcuts
    assert 118 not in dewiki.namespaces
    assert dewiki.namespace_of("Draft") is None
    assert dewiki.namespace_of("CAT") is None


def test_siteinfo_magic_words(dewiki: SiteConfig) -> None:
    assert dewiki.redirect_words == ("#WEITERLEITUNG", "#REDIRECT")
    assert image_option(dewiki, "miniatur") == "thumbnail"
    assert image_option(dewiki, "mini=Foo.png") == "manualthumb"
    assert image_option(dewiki, "hochkant=1.5") == "upright"
    assert image_option(dewiki, "seite 3") == "page"
    assert image_option(dewiki, "200px") == "width"
    assert image_option(dewiki, "verweis=Foo") == "link"
    assert "lossy" not in "".join(dewiki.image_options)  # unknown img_ words are left out
    assert set(dewiki.image_options) <= set(SiteConfig().image_options)
    assert {"KEIN_INHALTSVERZEICHNIS", "NOTOC", "VERSTECKTE_KATEGORIE"} <= dewiki.behavior_switches
    assert {"SEITENNAME", "JETZIGES_JAHR", "PROJEKTNAME", "!"} <= dewiki.variables
    assert {"klein", "nachricht", "ers", "sortierung", "seitenname", "erweiterung",
            "zahlenformat"} <= dewiki.parser_functions
    # the English names stay
    assert "PAGENAME" in dewiki.variables and "lc" in dewiki.parser_functions
    # option words and hash functions are not variables or functions
    for word in ("alle", "keinfehler", "PFAD", "#SPRACHE", "sprache"):
        assert word not in dewiki.variables and word.lower() not in dewiki.parser_functions


def test_siteinfo_extension_tags_and_protocols(dewiki: SiteConfig) -> None:
    raw = json.loads(SITEINFO_V2.read_text(encoding="utf-8"))["query"]
    assert dewiki.protocols == tuple(raw["protocols"])
    assert dewiki.extension_tags["ref"] == "parsed"
    assert dewiki.extension_tags["syntaxhighlight"] == "raw"
    assert dewiki.extension_tags["langconvert"] == "raw"
    assert {"nowiki", "pre", "math", "maplink"} <= dewiki.raw_tags
    # the preprocessor's own tags are known to every wiki; tags the wiki lacks are not
    assert {"includeonly", "noinclude", "onlyinclude"} <= set(dewiki.extension_tags)
    assert "rss" not in dewiki.extension_tags and "dynamicpagelist" not in dewiki.extension_tags


def test_siteinfo_formatversions_agree() -> None:
    v2 = SiteConfig.from_siteinfo(SITEINFO_V2.read_text(encoding="utf-8"))
    v1 = SiteConfig.from_siteinfo(SITEINFO_V1.read_bytes())
    assert v1 == v2
    for field in dataclasses.fields(SiteConfig):
        assert getattr(v1, field.name) == getattr(v2, field.name), field.name


def test_siteinfo_accepts_query_object_and_text() -> None:
    data = json.loads(SITEINFO_V2.read_text(encoding="utf-8"))
    from_query = SiteConfig.from_siteinfo(data["query"])
    from_text = SiteConfig.from_siteinfo(json.dumps(data))
    assert from_query == from_text == SiteConfig.from_siteinfo(data)


def test_siteinfo_partial_answer_keeps_defaults() -> None:
    config = SiteConfig.from_siteinfo({"query": {"general": {"lang": "nl", "linktrail":
                                                             "/^([a-z]+)(.*)$/sD"}}})
    default = SiteConfig()
    assert config.lang == "nl"
    assert config.namespaces == default.namespaces
    assert config.image_options == default.image_options
    assert config.extension_tags == default.extension_tags
    assert config.protocols == default.protocols
    assert config.redirect_words == default.redirect_words


@pytest.mark.parametrize("php,expected", [
    ("/^([a-z]+)(.*)$/sD", "[a-z]+"),
    ("/^([äöüßa-z]+)(.*)$/sDu", "[äöüßa-z]+"),
    ("/^()(.*)$/sD", ""),
    ("/^([a-zء-ي\\x{0610}-\\x{061A}\\x{0670}]+)(.*)$/sDu", "[a-zء-ي\\u0610-\\u061a\\u0670]+"),
    ("/^((?:[a-z]|а|б)+)(.*)$/sDu", "(?:[a-z]|а|б)+"),
    ("not a regex", "[a-z]+"),
])
def test_siteinfo_link_trail_forms(php: str, expected: str) -> None:
    config = SiteConfig.from_siteinfo({"general": {"linktrail": php}})
    assert config.link_trail == expected
    re.compile(config.link_trail)


def test_siteinfo_link_trail_with_pcre_escapes_matches_combining_marks() -> None:
    config = SiteConfig.from_siteinfo(
        {"general": {"linktrail": "/^([a-zء-ي\\x{064B}-\\x{065F}]+)(.*)$/sDu"}})
    assert re.fullmatch(config.link_trail, "ية\u064b")


def test_siteinfo_magic_links_off() -> None:
    data = json.loads(SITEINFO_V2.read_text(encoding="utf-8"))
    data["query"]["general"]["magiclinks"] = {"ISBN": False, "PMID": False, "RFC": False}
    assert SiteConfig.from_siteinfo(data).magic_links is False
    data1 = json.loads(SITEINFO_V1.read_text(encoding="utf-8"))
    data1["query"]["general"]["magiclinks"] = {}
    assert SiteConfig.from_siteinfo(data1).magic_links is False


def test_siteinfo_does_not_change_its_input() -> None:
    data = json.loads(SITEINFO_V2.read_text(encoding="utf-8"))
    before = copy.deepcopy(data)
    SiteConfig.from_siteinfo(data)
    assert data == before


def test_siteinfo_rejects_non_objects() -> None:
    with pytest.raises(TypeError):
        SiteConfig.from_siteinfo("[1, 2]")


# ---------------------------------------------------------------------------- immutability, with_


def test_config_is_immutable() -> None:
    config = SiteConfig.for_language("de")
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.lang = "fr"  # type: ignore[misc]
    with pytest.raises(TypeError):
        config.namespaces[NS_FILE] = "Bild"  # type: ignore[index]
    with pytest.raises(TypeError):
        config.namespace_aliases["Foo"] = 6  # type: ignore[index]
    with pytest.raises(TypeError):
        config.extension_tags["foo"] = "raw"  # type: ignore[index]


def test_config_copies_what_it_is_given() -> None:
    names = {NS_FILE: "Bestand", NS_CATEGORY: "Categorie"}
    config = SiteConfig(lang="nl", namespaces=names)
    assert config.namespace_of("Bestand") == NS_FILE
    names[NS_FILE] = "Anders"
    assert config.namespace_of("Bestand") == NS_FILE
    assert config.namespace_of("Anders") is None
    assert config.with_(protocols=["http://"]).protocols == ("http://",)


def test_with_changes_a_copy_and_its_lookups() -> None:
    base = SiteConfig()
    assert base.namespace_of("Datei") is None  # fills the cached lookup table
    changed = base.with_(lang="de", namespace_aliases={"Datei": NS_FILE})
    assert changed is not base and changed.lang == "de"
    assert changed.namespace_of("Datei") == NS_FILE
    assert base.namespace_of("Datei") is None and base.lang == "en"
    assert changed.with_(lang="en") == base.with_(namespace_aliases={"Datei": NS_FILE})
    with pytest.raises(TypeError):
        base.with_(no_such_field=1)


def test_for_language_results_are_independent() -> None:
    first = SiteConfig.for_language("de")
    second = SiteConfig.for_language("de")
    assert first == second and first is not second
    assert first.image_options["thumbnail"] is not second.image_options["thumbnail"]


# ---------------------------------------------------------------------------- corpus coverage

# "[[Prefix:Name.ext" with an image/media file extension: a File (or Media) link
_FILE_LINK = re.compile(r"\[\[\s*:?\s*([^\[\]|:#{}<>\n]{1,40}?)\s*:[^\[\]|\n]{1,200}?"
                        r"\.(?:jpe?g|png|svg|gif|tiff?|webp|ogg|ogv|oga|webm|pdf|djvu|mid|mp3|flac|wav)"
                        r"\s*[|\]]", re.I)
# a line holding only "[[Prefix:Name]]" / "[[Prefix:Name|sort key]]" links: how categories (and
# interlanguage links) sit at the end of a page
_LINK_LINE = re.compile(r"^(?:\s*\[\[\s*[^\[\]|:#{}<>\n]{1,40}?\s*:[^\[\]\n]{1,250}\]\])+\s*$")
_LINE_LINK_PREFIX = re.compile(r"\[\[\s*([^\[\]|:#{}<>\n]{1,40}?)\s*:")
_PAGE_END_LINES = 80

# Pages whose text comes from another wiki than their manifest language says, with the
# prefixes that are that other wiki's names (checked against its language file).
_OTHER_WIKI_PREFIXES: dict[str, frozenset[str]] = {
    # Bavarian (barwiki, de namespaces) text labelled "ar"
    "ar--dbpedia--Berlin.wiki": frozenset({"Datei", "Kategorie"}),
    # Waray (warwiki: NS_CATEGORY 'Kaarangay' in MessagesWar.php) text labelled "ar"
    "ar--dbpedia--Berlin--57e011d8.wiki": frozenset({"Kaarangay"}),
    # Piedmontese (pmswiki: 'Figura' is its File namespace) text labelled "ms"
    "ms--dbpedia--Berlin--a8ba4269.wiki": frozenset({"Figura"}),
    # German (dewiki) text labelled "en"
    "en--wtf--BBDO.wiki": frozenset({"Kategorie"}),
    "en--wtf--Bazooka.wiki": frozenset({"Datei"}),
    "en--wtf--Mozilla_Firefox.wiki": frozenset({"Datei", "Kategorie"}),
    "en--wtf--Sara_C._Bisel.wiki": frozenset({"Kategorie"}),
    "en--wtf--Wendy_Mogel.wiki": frozenset({"Kategorie"}),
    # Afrikaans (afwiki) text labelled "en"
    "en--wtf--Mark_Behr.wiki": frozenset({"Kategorie"}),
}


def file_and_category_prefixes(text: str) -> tuple[Counter[str], Counter[str]]:
    """Prefixes used before image/media file names, and prefixes of the link-only lines at the
    end of the page (categories and interlanguage links), with their counts."""
    files: Counter[str] = Counter(m.group(1) for m in _FILE_LINK.finditer(text))
    ending: Counter[str] = Counter()
    for line in text.splitlines()[-_PAGE_END_LINES:]:
        if _LINK_LINE.match(line):
            ending.update(m.group(1) for m in _LINE_LINK_PREFIX.finditer(line))
    return files, ending


def test_corpus_file_and_category_prefixes_are_recognised_for_every_page() -> None:
    """For every page of the article corpus, each prefix used at least twice before an image
    file name is its language's File/Media namespace, and each prefix used at least twice on
    the link-only lines that end the page is its Category (or File) namespace or an
    interlanguage prefix -- unless the page is known to come from another wiki (``_OTHER_WIKI_PREFIXES``)."""
    corpus = shared_path("corpora", "articles")
    with (corpus / "manifest.tsv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    assert len(rows) > 200
    configs: dict[str, SiteConfig] = {}
    problems: list[tuple[str, str, str]] = []
    checked_files = checked_categories = 0
    allowed_used: set[tuple[str, str]] = set()
    for row in rows:
        config = configs.setdefault(row["language"], SiteConfig.for_language(row["language"]))
        text = (corpus / row["file"]).read_text(encoding="utf-8", errors="replace")
        allowed = _OTHER_WIKI_PREFIXES.get(row["file"], frozenset())
        files, ending = file_and_category_prefixes(text)
        for prefix, count in files.items():
            if count < 2:
                continue
            if prefix in allowed:
                allowed_used.add((row["file"], prefix))
            elif config.namespace_of(prefix) in (NS_FILE, NS_MEDIA):
                checked_files += 1
            else:
                problems.append((row["file"], "file", prefix))
        for prefix, count in ending.items():
            if count < 2:
                continue
            if prefix in allowed:
                allowed_used.add((row["file"], prefix))
            elif config.namespace_of(prefix) in (NS_CATEGORY, NS_FILE, NS_MEDIA):
                checked_categories += 1  # images on lines of their own end some pages too
            elif prefix.casefold() not in config.language_codes:
                problems.append((row["file"], "category", prefix))
    assert not problems, problems
    assert checked_files >= 50 and checked_categories >= 100
    # the allow-list stays honest: every entry's file exists and at least one prefix is used
    listed = {name for name, _ in allowed_used}
    assert listed == set(_OTHER_WIKI_PREFIXES), set(_OTHER_WIKI_PREFIXES) - listed


def test_for_language_new_localisations() -> None:
    sh = SiteConfig.for_language("sh")
    assert sh.namespace_of("Datoteka") == NS_FILE and sh.namespace_of("Kategorija") == NS_CATEGORY
    assert sh.namespace_of("Mediji") == NS_MEDIA  # from its fallback (bs)
    assert image_option(sh, "minijatura") == "thumbnail" and "#PREUSMJERI" in sh.redirect_words
    ml = SiteConfig.for_language("ml")
    assert ml.namespace_of("പ്രമാണം") == NS_FILE and ml.namespace_of("വർഗ്ഗം") == NS_CATEGORY
    assert re.fullmatch(ml.link_trail, "കൾ")
    mrj = SiteConfig.for_language("mrj")  # fallback chain mhr, ru
    assert mrj.namespace_of("Категори") == NS_CATEGORY and mrj.namespace_of("Категория") == NS_CATEGORY
    assert image_option(mrj, "мини") == "thumbnail"
    yi = SiteConfig.for_language("yi")  # falls back to he
    assert yi.namespace_of("קאַטעגאָריע") == NS_CATEGORY and "#הפניה" in yi.redirect_words
    assert SiteConfig.for_language("ku").namespace_of("Kategorî") == NS_CATEGORY  # ku -> ku-latn
    assert SiteConfig.for_language("cv").namespace_of("Ӳкерчĕк") == NS_FILE
    assert SiteConfig.for_language("yo").namespace_of("Ẹ̀ka") == NS_CATEGORY


@pytest.mark.parametrize("lang,trail,word", [
    ("bn", "[\\u0980-\\u09ff]+", "#পুনর্নির্দেশ"),
    ("fa", "[ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآأئؤة]+", "#تغییرمسیر"),
    ("tr", "[a-zÇĞçğİıÖöŞşÜüÂâÎîÛû]+", "#YÖNLENDİRME"),
    ("ur", "[ابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنںوؤہھیئےآأءۃ]+", "#رجوع_مکرر"),
    ("mk", "[a-zабвгдѓежзѕијклљмнњопрстќуфхцчџш]+", "#пренасочување"),
])
def test_for_language_trails_and_redirects_from_language_files(lang: str, trail: str,
                                                               word: str) -> None:
    config = SiteConfig.for_language(lang)
    assert config.link_trail == trail
    assert word in config.redirect_words and config.redirect_words[-1] == "#REDIRECT"


@pytest.mark.parametrize("lang,word", [
    ("es", "#REDIRECCIÓN"), ("pt", "#REDIRECIONAMENTO"), ("he", "#הפניה"), ("ko", "#넘겨주기"),
    ("vi", "#đổi"), ("sr", "#ПРЕУСМЕРИ"), ("bs", "#PREUSMJERI"),
])
def test_for_language_more_redirect_words(lang: str, word: str) -> None:
    assert word in SiteConfig.for_language(lang).redirect_words


def test_for_language_site_namespaces() -> None:
    fr = SiteConfig.for_language("fr")
    assert fr.namespace_of("Portail") == 100 and fr.namespace_of("Discussion_Portail") == 101
    assert fr.namespace_of("Projet") == 102 and fr.namespace_of("Référence") == 104
    assert fr.namespace_name(100) == "Portail"
    # enwiki's extra namespaces are not frwiki's, and their English names are not canonical
    assert fr.namespace_of("Portal") is None and fr.namespace_of("Draft") is None
    assert fr.namespace_of("Module") == 828 and fr.namespace_of("File") == NS_FILE
    es = SiteConfig.for_language("es")
    assert es.namespace_of("Anexo") == 104 and es.namespace_of("Anexo discusión") == 105
    assert SiteConfig.for_language("de").namespace_of("Portal Diskussion") == 101
    he = SiteConfig.for_language("he")
    assert he.namespace_of("טיוטה") == 118
    # wiki codes that share a language entry keep their own site namespaces
    assert SiteConfig.for_language("no").namespace_of("Portaldiskusjon") == 101
    assert SiteConfig.for_language("nb").namespace_of("Portaldiskusjon") is None
    # languages without site data keep the English defaults
    assert SiteConfig.for_language("ceb").namespace_of("Portal") == 100
    assert SiteConfig().namespace_of("Draft") == 118


def test_site_config_pickles_for_worker_processes() -> None:
    import pickle

    for config in (SiteConfig(), SiteConfig.for_language("de"), SiteConfig.for_language("fr")):
        config.namespace_lookup  # a cached lookup must not travel or break the copy
        back = pickle.loads(pickle.dumps(config))
        assert back == config
        assert back.namespace_of("Datei" if config.lang == "de" else "File") == 6
        assert back.image_option_table == config.image_option_table
