"""Site configuration and resource limits: objects passed to ``parse``, never module state."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, fields, replace
from functools import cached_property, lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Iterable, Mapping

from .title_text import normalize_title as _normalize_title, ns_key as _ns_key

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
# enwiki's own extra namespaces ($wgExtraNamespaces): site settings, not MediaWiki's.
_EN_SITE_NAMESPACES = frozenset({100, 101, 118, 119})
# MediaWiki's canonical (English, language-independent) namespace names.
_EN_CANONICAL: dict[int, str] = {
    **_EN_NAMESPACES, 4: "Project", 5: "Project talk",
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
    "charinsert": "raw", "imagemap": "raw", "gallery": "raw", "includeonly": "parsed",
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


@lru_cache(maxsize=1)
def _load_localisations() -> Mapping[str, Any]:
    """The built-in localisation table (``data/namespaces.json``), read once."""
    try:
        data = resources.files("wikiparse").joinpath("data/namespaces.json").read_text("utf-8")
    except (FileNotFoundError, OSError):
        return MappingProxyType({})
    loaded: dict[str, Any] = json.loads(data)
    return MappingProxyType(loaded)


@dataclass(frozen=True)
class Limits:
    """Bounds that keep ``parse`` total.  Going over one degrades the construct to text and adds
    a ``limit-*`` diagnostic; it never raises.

    ``max_depth`` bounds the nesting of constructs (templates in links in tables...);
    ``max_nodes`` the number of nodes in a document; ``max_input`` the characters parsed (the
    rest becomes one text node).

    Template expansion (``wikiparse.expand``) uses MediaWiki's limits and their defaults:
    ``max_template_depth`` ($wgMaxTemplateDepth), ``max_expand_depth`` ($wgMaxPPExpandDepth),
    ``max_pp_nodes`` ($wgMaxPPNodeCount), ``max_include_size`` (post-expand include size, bytes),
    ``max_argument_size`` (template-argument size, bytes), ``max_expensive`` (expensive parser
    function calls such as ``#ifexist``).  Lua (``#invoke``): ``lua_cpu_seconds`` per page and
    ``lua_memory_bytes`` per page, Scribunto's defaults.
    """

    max_depth: int = 200
    max_nodes: int = 2_000_000
    max_input: int = 50_000_000
    max_template_depth: int = 100
    max_expand_depth: int = 100
    max_pp_nodes: int = 1_000_000
    max_include_size: int = 2_097_152
    max_argument_size: int = 2_097_152
    max_expensive: int = 100
    lua_cpu_seconds: float = 7.0
    lua_memory_bytes: int = 50 * 1024 * 1024


@dataclass(frozen=True)
class SiteConfig:
    """What a wiki's settings change in parsing: namespaces and their aliases, image option words,
    link trail, URL protocols, extension tags, magic words.  Defaults: English Wikipedia.

    ``pmid_url`` and ``rfc_url`` are the targets of ``PMID n`` and ``RFC n`` magic links
    (MediaWiki's ``pubmedurl`` and ``rfcurl`` messages; ``$1`` is the number).

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
    #: which magic links are on (MediaWiki's ``$wgEnableMagicLinks``), when ``magic_links``
    magic_link_kinds: frozenset[str] = frozenset({"ISBN", "PMID", "RFC"})
    #: ``$wgInterwikiMagic``: ``[[fr:X]]`` is a language link (page data); when False it is an
    #: interwiki link in the text
    interwiki_magic: bool = True
    pmid_url: str = "https://pubmed.ncbi.nlm.nih.gov/$1"
    rfc_url: str = "https://datatracker.ietf.org/doc/html/rfc$1"

    def __post_init__(self) -> None:
        # Freeze the containers too: a copy is taken, so neither the caller's dicts nor the cached
        # lookups below can change behind the config's back.
        freeze = object.__setattr__
        freeze(self, "namespaces", MappingProxyType({int(k): str(v) for k, v in self.namespaces.items()}))
        freeze(self, "namespace_aliases",
               MappingProxyType({str(k): int(v) for k, v in self.namespace_aliases.items()}))
        freeze(self, "image_options",
               MappingProxyType({str(k): list(v) for k, v in self.image_options.items()}))
        freeze(self, "extension_tags", MappingProxyType(dict(self.extension_tags)))
        freeze(self, "protocols", tuple(self.protocols))
        freeze(self, "redirect_words", tuple(self.redirect_words))
        for name in ("variables", "behavior_switches", "parser_functions", "interwiki_prefixes",
                     "language_codes", "magic_link_kinds"):
            freeze(self, name, frozenset(getattr(self, name)))

    def __reduce__(self) -> tuple[Any, tuple[dict[str, Any]]]:
        """Picklable (worker processes, Dask): rebuilt from plain copies of the fields; the
        cached lookups are recomputed on the other side."""
        plain = {
            f.name: dict(value) if isinstance(value, MappingProxyType) else value
            for f in fields(self)
            for value in (getattr(self, f.name),)
        }
        return (_rebuild_site_config, (plain,))

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
        # the canonical English names of the wiki's core namespaces (and Scribunto's Module)
        # always work, as in MediaWiki; a site's extra namespaces (100 and up) have their own
        # names as canonical names, so frwiki's 100 is "Portail", not "Portal"
        for number, name in _EN_CANONICAL.items():
            if name and number in self.namespaces and number not in _EN_SITE_NAMESPACES:
                table.setdefault(_ns_key(name), number)
        table.setdefault("image", NS_FILE)
        return table

    def normalize_title(self, raw: str, *, capitalize: bool = True) -> str:
        """A page name as MediaWiki's Title normalises it: direction marks (LRM, RLM, the
        embedding and override controls) are dropped, underscores and runs of Unicode space
        separators become one space, the ends are trimmed and (``capitalize``, for local
        titles; an interwiki target's case is the other wiki's business) the first letter is
        upper-cased."""
        return _normalize_title(raw, capitalize)

    def namespace_of(self, prefix: str) -> int | None:
        return self.namespace_lookup.get(_ns_key(prefix))

    def namespace_name(self, number: int) -> str:
        return self.namespaces.get(number, _EN_NAMESPACES.get(number, ""))

    @cached_property
    def image_option_table(self) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
        """(exact word -> option id, [(prefix, suffix, option id)] for words with ``$1``).
        The words are case-sensitive, as MediaWiki's ``img_*`` magic words are (``Left`` is a
        caption, not an alignment)."""
        exact: dict[str, str] = {}
        patterns: list[tuple[str, str, str]] = []
        for option, words in self.image_options.items():
            for word in words:
                if "$1" in word:
                    pre, _, post = word.partition("$1")
                    patterns.append((pre, post, option))
                else:
                    exact[word] = option
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
        """English defaults plus the localised namespace names, aliases, image option words,
        redirect words and link trail of the ``lang`` Wikipedia, from the built-in table
        (``data/namespaces.json``, facts from MediaWiki's language files with their fallbacks
        merged), and that Wikipedia's own extra namespaces (frwiki's ``Portail``, eswiki's
        ``Anexo``; from Wikimedia's ``$wgExtraNamespaces``), which then replace enwiki's Portal
        and Draft.  The English names of the core namespaces keep working, as in MediaWiki.
        Unknown languages get the English configuration with ``lang`` set."""
        base = cls()
        code = lang.strip().lower().replace("_", "-")
        data = _load_localisations().get(code)
        if not data:
            return replace(base, lang=lang)
        namespaces = dict(base.namespaces)
        for number, name in data.get("namespaces", {}).items():
            namespaces[int(number)] = name
        site_namespaces = data.get("site_namespaces")
        if site_namespaces:
            # the Wikipedia's own extra namespaces replace enwiki's (Portal, Draft)
            for number in _EN_SITE_NAMESPACES:
                namespaces.pop(number, None)
            for number, name in site_namespaces.items():
                namespaces[int(number)] = name
        aliases = dict(base.namespace_aliases)
        for alias, number in data.get("aliases", {}).items():
            aliases[alias] = int(number)
        image_options = {k: list(v) for k, v in base.image_options.items()}
        for option, words in data.get("image_options", {}).items():
            merged = [*words, *image_options.get(option, [])]
            image_options[option] = list(dict.fromkeys(merged))
        trail = data.get("link_trail", base.link_trail)
        return replace(
            base,
            lang=lang,
            namespaces=namespaces,
            namespace_aliases=aliases,
            image_options=image_options,
            link_trail=trail if isinstance(trail, str) else base.link_trail,
            redirect_words=tuple(dict.fromkeys([*data.get("redirect", []), *base.redirect_words])),
        )

    @classmethod
    def from_siteinfo(cls, obj: Mapping[str, Any] | str | bytes) -> SiteConfig:
        """Read the JSON of ``api.php?action=query&meta=siteinfo&siprop=general|namespaces|
        namespacealiases|magicwords|extensiontags|protocols`` (a dict, or the JSON text; with
        or without the outer ``{"query": ...}``; ``formatversion=1`` or ``2``).

        What the answer holds replaces the English defaults (a wiki without a Draft namespace
        gets none); what it lacks (a ``siprop`` not asked for) keeps them.
        """
        data: Any = json.loads(obj) if isinstance(obj, (str, bytes)) else obj
        if not isinstance(data, Mapping):
            raise TypeError("from_siteinfo expects the siteinfo JSON object (or its text)")
        if isinstance(data.get("query"), Mapping):
            data = data["query"]
        base = cls()
        general: Mapping[str, Any] = data.get("general") or {}
        changes: dict[str, Any] = {}

        raw_namespaces = data.get("namespaces")
        aliases: dict[str, int] = {}
        if isinstance(raw_namespaces, Mapping) and raw_namespaces:
            namespaces: dict[int, str] = {}
            for key, ns in raw_namespaces.items():
                number = int(ns.get("id", key))
                namespaces[number] = str(_fv_text(ns, "name"))
                canonical = ns.get("canonical")
                if canonical:
                    aliases[str(canonical)] = number
            changes["namespaces"] = namespaces
        raw_aliases = data.get("namespacealiases")
        if isinstance(raw_aliases, list):
            for alias in raw_aliases:
                text = _fv_text(alias, "alias")
                if text:
                    aliases[str(text)] = int(alias["id"])
        if isinstance(raw_namespaces, Mapping) or isinstance(raw_aliases, list):
            changes["namespace_aliases"] = aliases

        raw_magic = data.get("magicwords")
        if isinstance(raw_magic, list) and raw_magic:
            changes.update(_from_magic_words(raw_magic, base))

        raw_tags = data.get("extensiontags")
        if isinstance(raw_tags, list):
            tags = {name: kind for name, kind in base.extension_tags.items() if name in _PREPROCESSOR_TAGS}
            for tag in raw_tags:
                name = str(tag).strip().strip("<>").strip().lower()
                if name:
                    tags[name] = _DEFAULT_EXTENSION_TAGS.get(name, "raw")
            changes["extension_tags"] = tags

        raw_protocols = data.get("protocols")
        if isinstance(raw_protocols, list):
            changes["protocols"] = tuple(str(p).lower() for p in raw_protocols)

        if "linktrail" in general:
            changes["link_trail"] = _trail_from_php(str(general["linktrail"]), base.link_trail)
        if general.get("articlepath"):
            changes["article_path"] = str(general["articlepath"])
        if general.get("lang"):
            changes["lang"] = str(general["lang"])
        magic_links = general.get("magiclinks")
        if isinstance(magic_links, Mapping):
            # formatversion=2 gives booleans; formatversion=1 gives "" for true and omits false
            enabled = frozenset(str(k).upper() for k, v in magic_links.items()
                                if v is True or v == "")
            changes["magic_links"] = bool(enabled)
            changes["magic_link_kinds"] = enabled
        return replace(base, **changes)


# The preprocessor's own tags: not in siteinfo's ``extensiontags``, known to every wiki.
_PREPROCESSOR_TAGS = frozenset({"includeonly", "noinclude", "onlyinclude"})

# Magic-word ids that are options of other constructs (``|noerror``, ``{{PAGESINCATEGORY:x|all}}``,
# ``{{fullurl:x|action=edit}}``...), not variables or functions of their own.
_OPTION_MAGIC_PREFIXES = ("img_", "timedmedia_", "url_", "defaultsort_", "displaytitle_",
                          "pagesincategory_", "rawsuffix", "nocommafysuffix", "redirect")


def _fv_text(item: Mapping[str, Any], key: str) -> Any:
    """A text field of a siteinfo item: ``key`` in formatversion=2, ``"*"`` in formatversion=1."""
    value = item.get(key)
    if value is None:
        value = item.get("*", "")
    return value


def _is_true(value: Any) -> bool:
    """A siteinfo boolean: ``true`` (formatversion=2) or present as ``""`` (formatversion=1)."""
    return value is True or value == ""


def _from_magic_words(words: list[Any], base: SiteConfig) -> dict[str, Any]:
    """SiteConfig fields from siteinfo's ``magicwords`` list: image options, redirect words,
    variables, behaviour switches and parser functions (the wiki's own spellings added to the
    English names)."""
    image_options: dict[str, list[str]] = {}
    redirect: list[str] = []
    variables = set(base.variables)
    switches = set(base.behavior_switches)
    functions = set(base.parser_functions)
    for word in words:
        if not isinstance(word, Mapping):
            continue
        name = str(word.get("name", ""))
        aliases = [str(a) for a in word.get("aliases", []) if str(a)]
        if name.startswith("img_"):
            option = _IMG_MAGIC_TO_OPTION.get(name)
            if option:
                image_options[option] = list(dict.fromkeys(aliases))
            continue
        if name == "redirect":
            redirect = list(dict.fromkeys(aliases))
            continue
        if name.startswith(_OPTION_MAGIC_PREFIXES):
            continue
        case_sensitive = _is_true(word.get("case-sensitive"))
        is_variable = name.upper() in _DEFAULT_VARIABLES
        is_function = name.lower() in _DEFAULT_FUNCTIONS
        for alias in aliases:
            if alias.startswith("__") and alias.endswith("__") and len(alias) > 4:
                switches.add(alias.strip("_").upper())
            elif alias.startswith("#"):
                continue  # {{#name:...}} is recognised by its hash
            elif alias.endswith(":"):
                functions.add(alias[:-1].lower())
            else:
                if is_variable or (case_sensitive and not is_function):
                    variables.add(alias if case_sensitive else alias.upper())
                if is_function:
                    functions.add(alias.lower())
    changes: dict[str, Any] = {
        "variables": frozenset(variables),
        "behavior_switches": frozenset(switches),
        "parser_functions": frozenset(functions),
    }
    if image_options:
        changes["image_options"] = image_options
    if redirect:
        changes["redirect_words"] = tuple(redirect)
    return changes


_PHP_TRAIL = re.compile(r"^/\^\((?P<inner>.*)\)\(\.\*\)\$/[a-zA-Z]*$", re.S)
_PHP_HEX = re.compile(r"\\x\{([0-9a-fA-F]{1,6})\}")


def _trail_from_php(php_regex: str, default: str) -> str:
    r"""The link-trail run from MediaWiki's ``/^([a-z]+)(.*)$/sD`` form: ``[a-z]+``.  ``""``
    when the wiki has no link trail (``/^()(.*)$/sD``); PCRE's ``\x{...}`` becomes Python's
    escapes.  An unrecognised form keeps ``default``."""
    match = _PHP_TRAIL.match(php_regex.strip())
    if not match:
        return default
    return _php_escapes_to_python(match.group("inner"))


def _php_escapes_to_python(pattern: str) -> str:
    def convert(m: re.Match[str]) -> str:
        code = int(m.group(1), 16)
        return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"

    return _PHP_HEX.sub(convert, pattern)


_IMG_MAGIC_TO_OPTION = {
    "img_thumbnail": "thumbnail", "img_manualthumb": "manualthumb", "img_framed": "framed",
    "img_frameless": "frameless", "img_border": "border", "img_upright": "upright",
    "img_left": "left", "img_right": "right", "img_center": "center", "img_none": "none",
    "img_baseline": "baseline", "img_sub": "sub", "img_super": "super", "img_top": "top",
    "img_text_top": "text-top", "img_middle": "middle", "img_bottom": "bottom",
    "img_text_bottom": "text-bottom", "img_width": "width", "img_link": "link", "img_alt": "alt",
    "img_page": "page", "img_class": "class", "img_lang": "lang",
}


def languages_with_localisation() -> Iterable[str]:
    return sorted(_load_localisations())


def _rebuild_site_config(values: dict[str, Any]) -> SiteConfig:
    return SiteConfig(**values)
