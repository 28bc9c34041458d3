"""Site configuration and resource limits: objects passed to ``parse``, never module state."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from functools import cached_property
from importlib import resources
from typing import Any, Iterable, Mapping

# Namespace numbers MediaWiki fixes for every wiki.
NS_MEDIA = -2
NS_SPECIAL = -1
NS_MAIN = 0
NS_FILE = 6
NS_TEMPLATE = 10
NS_CATEGORY = 14

_EN_NAMESPACES: dict[int, str] = {
    -2: "Media", -1: "Special", 0: "", 1: "Talk", 2: "User", 3: "User talk", 4: "Wikipedia",
    5: "Wikipedia talk", 6: "File", 7: "File talk", 8: "MediaWiki", 9: "MediaWiki talk",
    10: "Template", 11: "Template talk", 12: "Help", 13: "Help talk", 14: "Category",
    15: "Category talk", 100: "Portal", 101: "Portal talk", 118: "Draft", 119: "Draft talk",
    828: "Module", 829: "Module talk",
}
_EN_ALIASES: dict[str, int] = {
    "Image": 6, "Image talk": 7, "WP": 4, "WT": 5, "Project": 4, "Project talk": 5,
    "H": 12, "CAT": 14, "T": 10, "MOS": 4, "P": 100, "U": 2, "UT": 3,
}

# Default image option words (MediaWiki's English magic words img_*); "$1" marks the value.
_EN_IMAGE_OPTIONS: dict[str, list[str]] = {
    "thumbnail": ["thumb", "thumbnail"],
    "manualthumb": ["thumbnail=$1", "thumb=$1"],
    "framed": ["framed", "enframed", "frame"],
    "frameless": ["frameless"],
    "border": ["border"],
    "upright": ["upright", "upright=$1", "upright $1"],
    "left": ["left"], "right": ["right"], "center": ["center", "centre"], "none": ["none"],
    "baseline": ["baseline"], "sub": ["sub"], "super": ["super", "sup"], "top": ["top"],
    "text-top": ["text-top"], "middle": ["middle"], "bottom": ["bottom"],
    "text-bottom": ["text-bottom"],
    "width": ["$1px"],
    "link": ["link=$1"], "alt": ["alt=$1"], "page": ["page=$1", "page $1"],
    "class": ["class=$1"], "lang": ["lang=$1"],
}

_DEFAULT_PROTOCOLS = (
    "bitcoin:", "ftp://", "ftps://", "geo:", "git://", "gopher://", "http://", "https://",
    "irc://", "ircs://", "magnet:", "mailto:", "matrix:", "mms://", "news:", "nntp://",
    "redis://", "sftp://", "sip:", "sips:", "sms:", "ssh://", "svn://", "tel:", "telnet://",
    "urn:", "worldwind://", "xmpp:", "//",
)

# Extension tags MediaWiki (with Wikipedia's usual extensions) knows.  "raw": content is kept as
# text; "parsed": content is wikitext parsed into children.
_DEFAULT_EXTENSION_TAGS: dict[str, str] = {
    "nowiki": "raw", "pre": "raw", "math": "raw", "chem": "raw", "ce": "raw",
    "syntaxhighlight": "raw", "source": "raw", "score": "raw", "timeline": "raw",
    "graph": "raw", "mapframe": "raw", "maplink": "raw", "templatedata": "raw",
    "templatestyles": "raw", "hiero": "raw", "inputbox": "raw", "categorytree": "raw",
    "charinsert": "raw", "imagemap": "raw", "gallery": "raw", "includeonly": "raw",
    "ref": "parsed", "references": "parsed", "poem": "parsed", "noinclude": "parsed",
    "onlyinclude": "parsed", "indicator": "parsed", "section": "raw", "langconvert": "raw",
    "rss": "raw", "dynamicpagelist": "raw", "talkpage": "parsed", "abschnitt": "raw",
}

# Magic-word variables ({{PAGENAME}}) and behaviour switches (__TOC__), English names.
_DEFAULT_VARIABLES = frozenset("""
CURRENTYEAR CURRENTMONTH CURRENTMONTH1 CURRENTMONTH2 CURRENTMONTHNAME CURRENTMONTHNAMEGEN
CURRENTMONTHABBREV CURRENTDAY CURRENTDAY2 CURRENTDOW CURRENTDAYNAME CURRENTTIME CURRENTHOUR
CURRENTWEEK CURRENTTIMESTAMP LOCALYEAR LOCALMONTH LOCALMONTH1 LOCALMONTH2 LOCALMONTHNAME
LOCALMONTHNAMEGEN LOCALMONTHABBREV LOCALDAY LOCALDAY2 LOCALDOW LOCALDAYNAME LOCALTIME LOCALHOUR
LOCALWEEK LOCALTIMESTAMP SITENAME SERVER SERVERNAME SCRIPTPATH STYLEPATH CURRENTVERSION
CONTENTLANGUAGE CONTENTLANG DIRECTIONMARK DIRMARK NUMBEROFPAGES NUMBEROFARTICLES NUMBEROFFILES
NUMBEROFEDITS NUMBEROFUSERS NUMBEROFACTIVEUSERS NUMBEROFADMINS PAGEID PAGENAME PAGENAMEE
FULLPAGENAME FULLPAGENAMEE BASEPAGENAME BASEPAGENAMEE ROOTPAGENAME ROOTPAGENAMEE SUBPAGENAME
SUBPAGENAMEE ARTICLEPAGENAME ARTICLEPAGENAMEE SUBJECTPAGENAME SUBJECTPAGENAMEE TALKPAGENAME
TALKPAGENAMEE NAMESPACE NAMESPACEE NAMESPACENUMBER TALKSPACE TALKSPACEE SUBJECTSPACE
SUBJECTSPACEE ARTICLESPACE ARTICLESPACEE REVISIONID REVISIONDAY REVISIONDAY2 REVISIONMONTH
REVISIONMONTH1 REVISIONYEAR REVISIONTIMESTAMP REVISIONUSER REVISIONSIZE CASCADINGSOURCES
DISPLAYTITLE DEFAULTSORT DEFAULTSORTKEY DEFAULTCATEGORYSORT ! = PAGESIZE
""".split())

_DEFAULT_SWITCHES = frozenset("""
NOTOC FORCETOC TOC NOEDITSECTION NEWSECTIONLINK NONEWSECTIONLINK NOGALLERY HIDDENCAT
EXPECTUNUSEDCATEGORY NOCONTENTCONVERT NOCC NOTITLECONVERT NOTC INDEX NOINDEX STATICREDIRECT
NOGLOBAL DISAMBIG EXPECTUNUSEDTEMPLATE ARCHIVEDTALK NOTALK
""".split())

# Parser functions without '#' (the ones with '#' are recognised by their hash).
_DEFAULT_FUNCTIONS = frozenset("""
lc uc lcfirst ucfirst urlencode anchorencode localurl localurle fullurl fullurle canonicalurl
canonicalurle ns nse formatnum padleft padright plural grammar gender int filepath tag
displaytitle defaultsort defaultsortkey defaultcategorysort pagesincategory pagesize protectionlevel
protectionexpiry numberofpages numberofarticles numberoffiles numberofusers numberofactiveusers
numberofedits numberofadmins pagesinnamespace pagesinns special speciale formatdate dateformat
bidi subst safesubst msg msgnw raw int noexternallanglinks pageid
fullpagename fullpagenamee pagename pagenamee basepagename rootpagename subpagename talkpagename
namespace namespacee namespacenumber revisionid revisionuser revisiontimestamp revisionyear
cascadingsources nse localurl
""".split())

_DEFAULT_INTERWIKI = frozenset("""
wikipedia w wikt wiktionary wikinews n wikibooks b wikiquote q wikisource s wikispecies species
wikiversity v wikivoyage voy wikimedia foundation wmf commons c meta m mw mediawikiwiki
metawikimedia d wikidata phab phabricator gerrit bugzilla outreach incubator wikitech
google imdb doi rfc arxiv
""".split())

# Wikipedia language editions (interlanguage link prefixes).
_DEFAULT_LANGUAGES = frozenset("""
aa ab ace ady af ak als alt am ami an ang anp ar arc ary arz as ast atj av avk awa ay az azb ba ban
bar bat-smg bbc bcl be be-tarask be-x-old bg bh bi bjn blk bm bn bo bpy br bs bug bxr ca cbk-zam
cdo ce ceb ch cho chr chy ckb co cr crh cs csb cu cv cy da dag de din diq dsb dty dv dz ee el eml
en eo es et eu ext fa fat ff fi fiu-vro fj fo fon fr frp frr fur fy ga gag gan gcr gd gl glk gn
gom gor got gpe gsw gu guc gur guw gv ha hak haw he hi hif ho hr hsb ht hu hy hyw hz ia id ie ig
ii ik ilo inh io is it iu ja jam jbo jv ka kaa kab kbd kbp kcg kg ki kj kk kl km kn ko koi kr krc
ks ksh ku kv kw ky la lad lb lbe lez lfn lg li lij lld lmo ln lo lrc lt ltg lv lzh mad mai map-bms
mdf mg mh mhr mi min mk ml mn mni mnw mo mr mrj ms mt mus mwl my myv mzn na nah nan nap nds nds-nl
ne new ng nia nl nn no nov nqo nrm nso nv ny oc olo om or os pa pag pam pap pcd pcm pdc pfl pi pih
pl pms pnb pnt ps pt pwn qu rm rmy rn ro roa-rup roa-tara ru rue rup rw sa sah sat sc scn sco sd
se sg sgs sh shi shn shy si simple sk skr sl sm smn sn so sq sr srn ss st stq su sv sw szl szy ta
tay tcy te tet tg th ti tk tl tly tn to tpi tr trv ts tt tum tw ty tyv udm ug uk ur uz ve vec vep
vi vls vo vro wa war wo wuu xal xh xmf yi yo yue za zea zgh zh zh-classical zh-min-nan zh-yue zu
""".split())

_LINK_TRAIL_EN = r"[a-z]+"


def _load_localisations() -> dict[str, Any]:
    try:
        data = resources.files("wikiparse").joinpath("data/namespaces.json").read_text("utf-8")
    except (FileNotFoundError, OSError):
        return {}
    loaded: dict[str, Any] = json.loads(data)
    return loaded


@dataclass(frozen=True)
class Limits:
    """Bounds that keep ``parse`` total.  Going over one degrades the construct to text and adds
    a ``limit-*`` diagnostic; it never raises.

    ``max_depth`` bounds the nesting of constructs (templates in links in tables...);
    ``max_nodes`` the number of nodes in a document; ``max_input`` the characters parsed (the
    rest becomes one text node).
    """

    max_depth: int = 200
    max_nodes: int = 2_000_000
    max_input: int = 50_000_000


@dataclass(frozen=True)
class SiteConfig:
    """What a wiki's settings change in parsing: namespaces and their aliases, image option words,
    link trail, URL protocols, extension tags, magic words.  Defaults: English Wikipedia.

    Build one for another wiki with :meth:`for_language` (built-in localisations of the File,
    Media and Category namespaces and image options) or :meth:`from_siteinfo` (the JSON of
    MediaWiki's ``action=query&meta=siteinfo`` API).
    """

    lang: str = "en"
    namespaces: Mapping[int, str] = field(default_factory=lambda: dict(_EN_NAMESPACES))
    namespace_aliases: Mapping[str, int] = field(default_factory=lambda: dict(_EN_ALIASES))
    image_options: Mapping[str, list[str]] = field(
        default_factory=lambda: {k: list(v) for k, v in _EN_IMAGE_OPTIONS.items()}
    )
    link_trail: str = _LINK_TRAIL_EN
    protocols: tuple[str, ...] = _DEFAULT_PROTOCOLS
    extension_tags: Mapping[str, str] = field(default_factory=lambda: dict(_DEFAULT_EXTENSION_TAGS))
    variables: frozenset[str] = _DEFAULT_VARIABLES
    behavior_switches: frozenset[str] = _DEFAULT_SWITCHES
    parser_functions: frozenset[str] = _DEFAULT_FUNCTIONS
    interwiki_prefixes: frozenset[str] = _DEFAULT_INTERWIKI
    language_codes: frozenset[str] = _DEFAULT_LANGUAGES
    redirect_words: tuple[str, ...] = ("#REDIRECT",)
    article_path: str = "/wiki/$1"
    magic_links: bool = True

    # ------------------------------------------------------------------ derived lookups

    @cached_property
    def namespace_lookup(self) -> dict[str, int]:
        """Case-folded namespace name or alias (spaces and underscores alike) -> number."""
        table: dict[str, int] = {}
        for number, name in self.namespaces.items():
            if name:
                table[_ns_key(name)] = number
        for alias, number in self.namespace_aliases.items():
            table[_ns_key(alias)] = number
        # the canonical English names always work, as in MediaWiki
        for number, name in _EN_NAMESPACES.items():
            if name:
                table.setdefault(_ns_key(name), number)
        table.setdefault("image", NS_FILE)
        return table

    def namespace_of(self, prefix: str) -> int | None:
        return self.namespace_lookup.get(_ns_key(prefix))

    def namespace_name(self, number: int) -> str:
        return self.namespaces.get(number, _EN_NAMESPACES.get(number, ""))

    @cached_property
    def image_option_table(self) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
        """(exact word -> option id, [(prefix, suffix, option id)] for words with ``$1``)."""
        exact: dict[str, str] = {}
        patterns: list[tuple[str, str, str]] = []
        for option, words in self.image_options.items():
            for word in words:
                if "$1" in word:
                    pre, _, post = word.partition("$1")
                    patterns.append((pre.lower(), post.lower(), option))
                else:
                    exact[word.lower()] = option
        patterns.sort(key=lambda t: -len(t[0]) - len(t[1]))
        return exact, patterns

    @cached_property
    def raw_tags(self) -> frozenset[str]:
        return frozenset(k for k, v in self.extension_tags.items() if v == "raw")

    # ------------------------------------------------------------------ constructors

    def with_(self, **changes: Any) -> SiteConfig:
        """A copy with some fields changed (``SiteConfig`` is immutable)."""
        return replace(self, **changes)

    @classmethod
    def for_language(cls, lang: str) -> SiteConfig:
        """English defaults plus the localised namespace names, aliases, image option words and
        link trail of the ``lang`` Wikipedia, from the built-in table (``data/namespaces.json``).
        Unknown languages get the English configuration with ``lang`` set."""
        base = cls()
        data = _load_localisations().get(lang)
        if not data:
            return replace(base, lang=lang)
        namespaces = dict(base.namespaces)
        for number, name in data.get("namespaces", {}).items():
            namespaces[int(number)] = name
        aliases = dict(base.namespace_aliases)
        for alias, number in data.get("aliases", {}).items():
            aliases[alias] = int(number)
        image_options = {k: list(v) for k, v in base.image_options.items()}
        for option, words in data.get("image_options", {}).items():
            image_options.setdefault(option, [])
            for word in words:
                if word not in image_options[option]:
                    image_options[option].append(word)
        return replace(
            base,
            lang=lang,
            namespaces=namespaces,
            namespace_aliases=aliases,
            image_options=image_options,
            link_trail=data.get("link_trail", base.link_trail),
            redirect_words=tuple(dict.fromkeys([*data.get("redirect", []), *base.redirect_words])),
        )

    @classmethod
    def from_siteinfo(cls, obj: Mapping[str, Any] | str) -> SiteConfig:
        """Read the JSON of ``api.php?action=query&meta=siteinfo&siprop=general|namespaces|
        namespacealiases|magicwords|extensiontags|protocols`` (a dict, or the JSON text; with
        or without the outer ``{"query": ...}``)."""
        data: Mapping[str, Any] = json.loads(obj) if isinstance(obj, str) else obj
        if "query" in data:
            data = data["query"]
        base = cls()
        general = data.get("general", {})
        namespaces: dict[int, str] = dict(base.namespaces)
        for key, ns in data.get("namespaces", {}).items():
            number = int(ns.get("id", key))
            namespaces[number] = ns.get("name", ns.get("*", ""))
        aliases: dict[str, int] = {}
        for ns in data.get("namespaces", {}).values():
            canonical = ns.get("canonical")
            if canonical:
                aliases[canonical] = int(ns["id"])
        for alias in data.get("namespacealiases", []):
            aliases[alias.get("alias", alias.get("*", ""))] = int(alias["id"])
        image_options = {k: list(v) for k, v in base.image_options.items()}
        variables = set(base.variables)
        switches = set(base.behavior_switches)
        functions = set(base.parser_functions)
        redirect = list(base.redirect_words)
        for word in data.get("magicwords", []):
            name = word.get("name", "")
            words = [a for a in word.get("aliases", [])]
            if name.startswith("img_"):
                option = _IMG_MAGIC_TO_OPTION.get(name)
                if option:
                    image_options[option] = list(dict.fromkeys([*words, *image_options.get(option, [])]))
            elif name == "redirect":
                redirect = list(dict.fromkeys([*words, *redirect]))
            else:
                for alias in words:
                    if alias.startswith("__") and alias.endswith("__"):
                        switches.add(alias.strip("_").upper())
                    elif alias.endswith(":"):
                        functions.add(alias[:-1].lstrip("#").lower())
                    else:
                        variables.add(alias.upper())
        tags = dict(base.extension_tags)
        for tag in data.get("extensiontags", []):
            name = tag.strip("<>").lower()
            tags.setdefault(name, "raw")
        protocols = tuple(data.get("protocols", base.protocols))
        trail = base.link_trail
        raw_trail = general.get("linktrail")
        if isinstance(raw_trail, str) and raw_trail.startswith("/^(") and ")(.*)$/sD" in raw_trail:
            inner = raw_trail[3 : raw_trail.index(")(.*)$/sD")]
            trail = inner
        article_path = general.get("articlepath", base.article_path)
        return replace(
            base,
            lang=general.get("lang", base.lang),
            namespaces=namespaces,
            namespace_aliases=aliases,
            image_options=image_options,
            link_trail=trail,
            protocols=protocols,
            extension_tags=tags,
            variables=frozenset(variables),
            behavior_switches=frozenset(switches),
            parser_functions=frozenset(functions),
            redirect_words=tuple(redirect),
            article_path=article_path,
        )


_IMG_MAGIC_TO_OPTION = {
    "img_thumbnail": "thumbnail", "img_manualthumb": "manualthumb", "img_framed": "framed",
    "img_frameless": "frameless", "img_border": "border", "img_upright": "upright",
    "img_left": "left", "img_right": "right", "img_center": "center", "img_none": "none",
    "img_baseline": "baseline", "img_sub": "sub", "img_super": "super", "img_top": "top",
    "img_text_top": "text-top", "img_middle": "middle", "img_bottom": "bottom",
    "img_text_bottom": "text-bottom", "img_width": "width", "img_link": "link", "img_alt": "alt",
    "img_page": "page", "img_class": "class", "img_lang": "lang",
}


def _ns_key(name: str) -> str:
    return " ".join(name.replace("_", " ").split()).casefold()


def languages_with_localisation() -> Iterable[str]:
    return sorted(_load_localisations())
