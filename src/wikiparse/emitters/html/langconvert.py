"""``<langconvert from="sr-Latn" to="sr-Cyrl">…</langconvert>``: text converted between two
script variants of one language, as MediaWiki's tag does with the language's converter.

The variants are named by BCP 47 codes (case-insensitive; MediaWiki's internal codes such as
``sr-el`` are refused, as the tag refuses them).  The conversions here are letter-level
transliterations between alphabets (Serbian, Uzbek, Tajik, Crimean Tatar, Kurdish, Tashelhit),
longest letter sequence first.  They leave out what MediaWiki's converters add on top: word
lists and exceptions, word-initial rules, and the dictionary conversions of Chinese and Gan
(whose variants are accepted and whose text is kept as it is).
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["convert_variant"]


def _pairs(spec: str) -> dict[str, str]:
    """``"a а b б"`` -> {"a": "а", "b": "б"}, with upper-case forms added for letters."""
    words = spec.split()
    table: dict[str, str] = {}
    for src, dst in zip(words[::2], words[1::2]):
        dst = "" if dst == "_" else dst
        table[src] = dst
        if src[:1].isalpha() and src[:1].upper() != src[:1]:
            table.setdefault(src[:1].upper() + src[1:], dst[:1].upper() + dst[1:])
            table.setdefault(src.upper(), dst.upper())
    return table


_SR_LATN_CYRL = _pairs("""
lj љ nj њ dž џ a а b б c ц č ч ć ћ d д đ ђ e е f ф g г h х i и j ј k к l л m м n н o о p п
r р s с š ш t т u у v в z з ž ж""")
_UZ_CYRL_LATN = _pairs("""
а a б b в v г g д d е e ё yo ж j з z и i й y к k л l м m н n о o п p р r с s т t у u ф f
х x ц ts ч ch ш sh ъ ʼ ь _ э e ю yu я ya ў oʻ қ q ғ gʻ ҳ h""")
_TG_CYRL_LATN = _pairs("""
а a б b в v г g ғ ƣ д d е e ё jo ж ƶ з z и i ӣ ī й j к k қ q л l м m н n о o п p р r с s
т t у u ӯ ū ф f х x ҳ h ч c ҷ ç ш ş ъ ʼ э e ю ju я ja""")
_CRH_LATN_CYRL = _pairs("""
a а b б c дж ç ч d д e е f ф g г ğ гъ h х ı ы i и j ж k к l л m м n н ñ нъ o о ö ё p п
q къ r р s с ş ш t т u у ü ю v в y й z з""")
_KU_LATN_ARAB = _pairs("""
a ا b ب c ج ç چ d د e ە ê ێ f ف g گ h ه i _ î ی j ژ k ک l ل m م n ن o ۆ p پ q ق r ر
s س ş ش t ت u و û وو v ڤ w و x خ y ی z ز""")
_SHI_LATN_TFNG = _pairs("""
a ⴰ b ⴱ g ⴳ d ⴷ ḍ ⴹ e ⴻ f ⴼ k ⴽ h ⵀ ḥ ⵃ ɛ ⵄ x ⵅ q ⵇ i ⵉ j ⵊ l ⵍ m ⵎ n ⵏ u ⵓ r ⵔ
ṛ ⵕ ɣ ⵖ s ⵙ ṣ ⵚ c ⵛ t ⵜ ṭ ⵟ w ⵡ y ⵢ z ⵣ ẓ ⵥ""")


def _inverse(table: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for src, dst in table.items():
        if dst:
            out.setdefault(dst, src)
    return out


#: language -> its variants' BCP 47 codes (lower case)
_VARIANTS: dict[str, frozenset[str]] = {
    "sr": frozenset({"sr-cyrl", "sr-latn"}),
    "uz": frozenset({"uz-cyrl", "uz-latn"}),
    "tg": frozenset({"tg", "tg-cyrl", "tg-latn"}),
    "crh": frozenset({"crh-cyrl", "crh-latn"}),
    "ku": frozenset({"ku-arab", "ku-latn"}),
    "shi": frozenset({"shi-latn", "shi-tfng"}),
    "zh": frozenset({"zh-hans", "zh-hant", "zh-cn", "zh-tw", "zh-hk", "zh-sg", "zh-mo",
                     "zh-my"}),
    "gan": frozenset({"gan-hans", "gan-hant"}),
}
#: (from script, to script) per language -> letter table
_TABLES: dict[tuple[str, str, str], dict[str, str]] = {
    ("sr", "latn", "cyrl"): _SR_LATN_CYRL,
    ("sr", "cyrl", "latn"): _inverse(_SR_LATN_CYRL),
    ("uz", "cyrl", "latn"): _UZ_CYRL_LATN,
    ("uz", "latn", "cyrl"): _inverse(_UZ_CYRL_LATN),
    ("tg", "cyrl", "latn"): _TG_CYRL_LATN,
    ("tg", "latn", "cyrl"): _inverse(_TG_CYRL_LATN),
    ("crh", "latn", "cyrl"): _CRH_LATN_CYRL,
    ("crh", "cyrl", "latn"): _inverse(_CRH_LATN_CYRL),
    ("ku", "latn", "arab"): _KU_LATN_ARAB,
    ("shi", "latn", "tfng"): _SHI_LATN_TFNG,
    ("shi", "tfng", "latn"): _inverse(_SHI_LATN_TFNG),
}


def _language_and_script(code: str) -> tuple[str, str] | None:
    low = code.strip().lower()
    for language, codes in _VARIANTS.items():
        if low in codes:
            script = low.partition("-")[2] or "cyrl"  # plain "tg" is Cyrillic
            return language, script
    return None


@lru_cache(maxsize=None)
def _longest(table_key: tuple[str, str, str]) -> int:
    return max(len(k) for k in _TABLES[table_key])


def convert_variant(text: str, source: str, target: str) -> str | None:
    """``text`` converted from variant ``source`` to ``target`` (BCP 47 codes), or None when
    they are not two variants of one language."""
    a, b = _language_and_script(source), _language_and_script(target)
    if a is None or b is None or a[0] != b[0]:
        return None
    key = (a[0], a[1], b[1])
    table = _TABLES.get(key)
    if table is None or a[1] == b[1]:
        return text
    longest = _longest(key)
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        for size in range(min(longest, n - i), 0, -1):
            chunk = text[i : i + size]
            if chunk in table:
                out.append(table[chunk])
                i += size
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)
