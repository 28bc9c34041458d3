"""The HTML sanitizer: one test per rule, attacks and benign controls, hand-written expectations."""

from __future__ import annotations

import dataclasses

import pytest

from wikiparse.config import SiteConfig
from wikiparse.emitters.html.sanitizer import (
    ALLOWED_TAGS,
    DEFAULT_POLICY,
    SanitizerPolicy,
    check_css,
    decode_entities,
    escape_attr,
    escape_class,
    escape_id,
    escape_text,
    format_attributes,
    is_allowed_tag,
    safe_url,
    sanitize_attributes,
    validate_tag,
)

INSECURE = "/* insecure input */"
CONTROL = "/* invalid control char */"


def attrs(tag: str, *pairs: tuple[str, str | None], policy: SanitizerPolicy = DEFAULT_POLICY) -> dict[str, str]:
    return dict(sanitize_attributes(tag, list(pairs), policy))


# --------------------------------------------------------------------------- escaping


class TestEscaping:
    def test_text_escapes_markup(self) -> None:
        assert escape_text("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"

    def test_text_escapes_ampersand_first(self) -> None:
        assert escape_text("&lt; & &amp;") == "&amp;lt; &amp; &amp;amp;"

    def test_text_keeps_quotes(self) -> None:
        assert escape_text("\"it's\"") == "\"it's\""

    def test_text_replaces_nul(self) -> None:
        assert escape_text("a\x00b") == "a\ufffdb"

    def test_attr_escapes_both_quotes(self) -> None:
        assert escape_attr("a\"b'c") == "a&quot;b&#39;c"

    def test_attr_escapes_tags_and_ampersand(self) -> None:
        assert escape_attr("<x>&") == "&lt;x&gt;&amp;"

    def test_attr_keeps_whitespace_as_references(self) -> None:
        assert escape_attr("a\tb\nc\rd") == "a&#9;b&#10;c&#13;d"

    def test_format_attributes(self) -> None:
        assert format_attributes([("title", 'say "hi"'), ("class", "a b")]) == (
            ' title="say &quot;hi&quot;" class="a b"'
        )
        assert format_attributes([]) == ""


class TestDecodeEntities:
    def test_named_decimal_hex(self) -> None:
        assert decode_entities("&amp;&#106;&#x6A;&#X6a;&eacute;") == "&jj\u006aé"

    def test_named_needs_semicolon(self) -> None:
        assert decode_entities("clean&copy here &amp") == "clean&copy here &amp"

    def test_unknown_name_stays(self) -> None:
        assert decode_entities("&bogus;") == "&bogus;"

    def test_invalid_codepoints_become_replacement(self) -> None:
        assert decode_entities("&#0;&#13;&#128;&#xD800;&#x110000;") == "\ufffd" * 5

    def test_tab_and_newline_references_decode(self) -> None:
        assert decode_entities("a&#9;b&#x0A;c") == "a\tb\nc"

    def test_huge_number_is_bounded(self) -> None:
        assert decode_entities("&#" + "9" * 5000 + ";") == "\ufffd"

    def test_leading_zeros(self) -> None:
        assert decode_entities("&#0000000000000106;") == "j"

    def test_mediawiki_rlm_alias(self) -> None:
        assert decode_entities("&\u05e8\u05dc\u05de;") == "\u200f"


# --------------------------------------------------------------------------- tags


class TestTags:
    @pytest.mark.parametrize("tag", ["b", "i", "span", "div", "table", "td", "th", "tr", "h1", "h6",
                                     "ruby", "rt", "bdi", "bdo", "q", "data", "time", "mark", "wbr",
                                     "font", "center", "strike", "tt", "abbr", "dfn", "kbd", "samp",
                                     "meta", "link", "caption", "blockquote", "pre", "dl", "dd"])
    def test_mediawiki_tags_allowed(self, tag: str) -> None:
        assert is_allowed_tag(tag)

    @pytest.mark.parametrize("tag", ["script", "style", "iframe", "object", "embed", "img", "a",
                                     "form", "input", "svg", "math", "base", "template", "textarea",
                                     "details", "video", "audio", "xmp", "plaintext", "noscript",
                                     "body", "thead", "tbody", "frame", "marquee", "button"])
    def test_other_tags_refused(self, tag: str) -> None:
        assert not is_allowed_tag(tag)

    def test_case_insensitive(self) -> None:
        assert is_allowed_tag("SPAN") and not is_allowed_tag("SCRIPT")

    def test_no_unicode_case_folding(self) -> None:
        # "ſpan" would lower-case to nothing useful; "ſcript".upper() is "SCRIPT": must not match
        assert not is_allowed_tag("\u017fpan")

    def test_namespaced_names_refused(self) -> None:
        assert not is_allowed_tag("svg:script")
        assert not is_allowed_tag("html:span")

    def test_default_list_is_the_mediawiki_one(self) -> None:
        assert len(ALLOWED_TAGS) == 61

    def test_meta_needs_itemprop_and_content(self) -> None:
        good = sanitize_attributes("meta", [("itemprop", "name"), ("content", "x")])
        assert validate_tag("meta", good)
        assert not validate_tag("meta", sanitize_attributes("meta", [("content", "x")]))
        assert not validate_tag("meta", sanitize_attributes("meta", [("itemprop", "x")]))

    def test_meta_http_equiv_is_not_microdata(self) -> None:
        clean = sanitize_attributes("meta", [("http-equiv", "refresh"), ("content", "0;url=x")])
        assert clean == [("content", "0;url=x")]
        assert not validate_tag("meta", clean)

    def test_link_needs_safe_href(self) -> None:
        ok = sanitize_attributes("link", [("itemprop", "url"), ("href", "https://example.org/")])
        assert validate_tag("link", ok)
        bad = sanitize_attributes("link", [("itemprop", "url"), ("href", "javascript:alert(1)")])
        assert not validate_tag("link", bad)

    def test_link_rel_dropped(self) -> None:
        clean = attrs("link", ("rel", "stylesheet"), ("itemprop", "u"), ("href", "http://x/"))
        assert clean == {"itemprop": "u", "href": "http://x/"}

    def test_validate_tag_refuses_unknown(self) -> None:
        assert not validate_tag("script", [])
        assert validate_tag("span", [])


# --------------------------------------------------------------------------- attributes


class TestAttributes:
    @pytest.mark.parametrize("name", ["onclick", "onmouseover", "ONERROR", "OnLoad", "onfocus",
                                      "onanimationstart", "ontoggle", "onbegin"])
    def test_event_handlers_dropped(self, name: str) -> None:
        assert attrs("span", (name, "alert(1)"), ("title", "t")) == {"title": "t"}

    def test_event_handler_not_allowed_anywhere(self) -> None:
        for tag in DEFAULT_POLICY.attributes:
            assert not any(a.startswith("on") for a in DEFAULT_POLICY.allowed_attributes(tag)), tag

    def test_names_lower_cased(self) -> None:
        assert attrs("span", ("TITLE", "x"), ("Class", "c")) == {"title": "x", "class": "c"}

    def test_kelvin_sign_not_folded(self) -> None:
        # "\u212a" lower-cases to "k" in Unicode; names are lower-cased as ASCII only
        assert attrs("div", ("ali\u212an", "x")) == {}

    def test_invalid_names_dropped(self) -> None:
        assert attrs("span", ('"onclick', "x"), ("ti/tle", "x"), ("", "x"), ("<a", "x")) == {}

    def test_unknown_attributes_dropped(self) -> None:
        assert attrs("span", ("href", "http://x/"), ("src", "x"), ("srcdoc", "x"), ("formaction", "x")) == {}

    def test_per_tag_attributes(self) -> None:
        assert attrs("td", ("colspan", "2"), ("rowspan", "3"), ("valign", "top")) == {
            "colspan": "2", "rowspan": "3", "valign": "top"}
        assert attrs("span", ("colspan", "2")) == {}
        assert attrs("ol", ("start", "4"), ("reversed", None)) == {"start": "4", "reversed": ""}
        assert attrs("font", ("color", "red"), ("face", "Arial")) == {"color": "red", "face": "Arial"}
        assert attrs("table", ("border", "1"), ("cellpadding", "2")) == {"border": "1", "cellpadding": "2"}
        assert attrs("time", ("datetime", "2024-01-01")) == {"datetime": "2024-01-01"}
        assert attrs("div", ("align", "center")) == {"align": "center"}
        assert attrs("span", ("align", "center")) == {}

    def test_common_attributes_everywhere(self) -> None:
        for tag in ("b", "span", "div", "td", "li", "h2"):
            got = attrs(tag, ("id", "x"), ("class", "c"), ("lang", "de"), ("dir", "rtl"),
                        ("title", "t"), ("role", "note"), ("aria-label", "l"))
            assert set(got) == {"id", "class", "lang", "dir", "title", "role", "aria-label"}, tag

    def test_bare_attribute_gets_empty_value(self) -> None:
        assert attrs("span", ("title", None)) == {"title": ""}

    def test_whitespace_collapsed_and_trimmed(self) -> None:
        assert attrs("span", ("title", "  a \t\n b  ")) == {"title": "a b"}

    def test_entities_decoded(self) -> None:
        assert attrs("span", ("title", "&lt;b&gt; &amp; &#34;")) == {"title": '<b> & "'}

    def test_entity_decoded_whitespace_survives(self) -> None:
        assert attrs("span", ("title", "a&#9;b")) == {"title": "a\tb"}

    def test_last_duplicate_wins_first_position_kept(self) -> None:
        got = sanitize_attributes("span", [("title", "1"), ("class", "c"), ("TITLE", "2")])
        assert got == [("title", "2"), ("class", "c")]

    def test_order_preserved(self) -> None:
        got = sanitize_attributes("td", [("style", "color:red"), ("colspan", "2"), ("class", "x")])
        assert [n for n, _ in got] == ["style", "colspan", "class"]

    def test_data_attributes(self) -> None:
        assert attrs("span", ("data-sort-value", "5"), ("DATA-X", "y")) == {"data-sort-value": "5", "data-x": "y"}

    @pytest.mark.parametrize("name", ["data-mw", "data-mw-foo", "data-parsoid", "data-ooui", "DATA-MW",
                                      "data-mwx"])
    def test_reserved_data_attributes(self, name: str) -> None:
        assert attrs("span", (name, "{}")) == {}

    def test_namespaced_data_attribute_dropped(self) -> None:
        assert attrs("span", ("data-x:y", "1")) == {}

    def test_data_attributes_can_be_disabled(self) -> None:
        policy = DEFAULT_POLICY.with_(data_attributes=False)
        assert attrs("span", ("data-x", "1"), policy=policy) == {}

    def test_unknown_tag_gets_only_data_attributes(self) -> None:
        assert attrs("blink", ("title", "x"), ("data-a", "1")) == {"data-a": "1"}

    def test_tabindex_only_zero(self) -> None:
        assert attrs("span", ("tabindex", "0")) == {"tabindex": "0"}
        assert attrs("span", ("tabindex", "1")) == {}
        assert attrs("span", ("tabindex", "-1")) == {}

    def test_style_checked(self) -> None:
        assert attrs("span", ("style", "color: red")) == {"style": "color: red"}
        assert attrs("span", ("style", "width:expression(alert(1))")) == {"style": INSECURE}

    def test_style_entity_obfuscation(self) -> None:
        assert attrs("div", ("style", "background:&#117;rl(javascript:alert(1))")) == {"style": INSECURE}


class TestIdAndClass:
    def test_id_whitespace_to_underscore(self) -> None:
        assert attrs("span", ("id", "a b")) == {"id": "a_b"}
        assert attrs("span", ("id", "a&#9;b&#10;c")) == {"id": "a_b_c"}

    def test_id_keeps_punctuation(self) -> None:
        assert attrs("span", ("id", "x\"><script>")) == {"id": "x\"><script>"}

    def test_id_truncated(self) -> None:
        assert attrs("span", ("id", "x" * 5000)) == {"id": "x" * 1024}
        assert escape_id("abc def", max_length=3) == "abc"

    def test_empty_id_dropped(self) -> None:
        assert attrs("br", ("id", "")) == {}
        assert attrs("br", ("id", None)) == {}
        assert attrs("br", ("id", "  ")) == {}
        assert attrs("br", ("id", "a space")) == {"id": "a_space"}

    def test_aria_level_allowed(self) -> None:
        assert attrs("span", ("aria-level", "3"), ("aria-bogus", "x")) == {"aria-level": "3"}

    def test_aria_id_lists_escaped(self) -> None:
        assert attrs("span", ("aria-labelledby", " a  b&#9;c ")) == {"aria-labelledby": "a b c"}

    def test_escape_class(self) -> None:
        assert escape_class("foo bar") == "foo_bar"
        assert escape_class("1st") == "_st"
        assert escape_class("-x") == "_x"
        assert escape_class("a<b>\"c\"") == "a_b_c"
        assert escape_class("trailing!!") == "trailing"

    def test_class_whitespace_normalised(self) -> None:
        assert attrs("span", ("class", " a \n b ")) == {"class": "a b"}


class TestMicrodata:
    def test_itemscope_keeps_dependent(self) -> None:
        got = attrs("div", ("itemscope", None), ("itemtype", "http://schema.org/Person"), ("itemid", "urn:x"))
        assert got == {"itemscope": "", "itemtype": "http://schema.org/Person", "itemid": "urn:x"}

    def test_dependent_dropped_without_itemscope(self) -> None:
        assert attrs("div", ("itemtype", "x"), ("itemid", "y"), ("itemref", "z"), ("itemprop", "p")) == {
            "itemprop": "p"}

    @pytest.mark.parametrize("value", ["javascript:alert(1)", " JavaScript:x", "vbscript:msgbox",
                                       "a */javascript:x", "data:text/html,x", "x\tjavascript:y"])
    def test_script_uris_in_rdfa_dropped(self, value: str) -> None:
        assert attrs("span", ("property", value), ("title", "t")) == {"title": "t"}

    def test_plain_rdfa_kept(self) -> None:
        assert attrs("span", ("property", "dc:title"), ("typeof", "foaf:Person")) == {
            "property": "dc:title", "typeof": "foaf:Person"}

    def test_javascript_word_inside_value_is_fine(self) -> None:
        assert attrs("span", ("property", "myjavascriptthing")) == {"property": "myjavascriptthing"}

    def test_xmlns(self) -> None:
        assert attrs("span", ("xmlns:dc", "http://purl.org/dc/terms/")) == {"xmlns:dc": "http://purl.org/dc/terms/"}
        assert attrs("span", ("xmlns:dc", "javascript:alert(1)")) == {}
        assert attrs("span", ("xmlns:d<c", "x")) == {}


# --------------------------------------------------------------------------- URLs


class TestSafeUrl:
    @pytest.mark.parametrize("url", [
        "http://example.com/", "https://example.com/a?b=c#d", "HTTPS://EXAMPLE.COM", "//example.com/x",
        "mailto:someone@example.com", "ftp://ftp.example.org/", "irc://irc.libera.chat/x", "urn:isbn:123",
        "news:comp.lang", "tel:+123", "geo:1,2", "magnet:?xt=1", "sip:a@b",
    ])
    def test_allowed_protocols(self, url: str) -> None:
        assert safe_url(url) == url

    @pytest.mark.parametrize("url", [
        "javascript:alert(1)", "JAVASCRIPT:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
        "\x01javascript:alert(1)", "java\tscript:alert(1)", "java\nscript:alert(1)", "java\rscript:x",
        "jav&#x09;ascript:alert(1)", "jav&#9;ascript:alert(1)", "&#106;avascript:alert(1)",
        "&#x6A;avascript:alert(1)", "&#0000106;avascript:alert(1)", "javascript&colon;alert(1)",
        "vbscript:msgbox(1)", "VBScript:x", "livescript:x", "data:text/html,<script>alert(1)</script>",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "DATA:image/svg+xml,<svg>",
        "data:image/png;base64,iVBOR", "file:///etc/passwd", "blob:https://x/1", "about:blank",
        "&#x09;javascript:alert(1)", "\u00a0javascript:alert(1)", "\\javascript:alert(1)",
        "http:", "https:", "//", "", "   ", "/wiki/Relative", "#fragment", "relative/path",
        "?query", "ftp:/x",
    ])
    def test_dropped(self, url: str) -> None:
        assert safe_url(url) is None

    def test_entities_decoded_in_result(self) -> None:
        assert safe_url("http://example.com/?a=1&amp;b=2") == "http://example.com/?a=1&b=2"

    def test_entity_protocol(self) -> None:
        assert safe_url("&#104;ttp://example.com/") == "http://example.com/"

    def test_control_and_space_percent_encoded(self) -> None:
        assert safe_url("http://example.com/a b\tc\x7f") == "http://example.com/a%20b%09c%7F"

    def test_quotes_and_angles_percent_encoded(self) -> None:
        assert safe_url('http://x/"><script>') == "http://x/%22%3E%3Cscript%3E"

    def test_surrounding_whitespace_trimmed(self) -> None:
        assert safe_url("  http://example.com/ \n") == "http://example.com/"

    def test_idn_ignorable_removed_from_host(self) -> None:
        assert safe_url("http://exa\u00admple.com/pa\u00adth") == "http://example.com/pa\u00adth"
        assert safe_url("https://ex\u200bample.org") == "https://example.org"

    def test_relative_only_when_asked(self) -> None:
        assert safe_url("/wiki/Main_Page", relative=True) == "/wiki/Main_Page"
        assert safe_url("#cite_note-1", relative=True) == "#cite_note-1"
        assert safe_url("Foo:Bar", relative=True) is None  # looks like a scheme
        assert safe_url("javascript:alert(1)", relative=True) is None
        assert safe_url("java\tscript:x", relative=True) == "java%09script:x"  # no scheme any more
        assert safe_url("", relative=True) is None

    def test_relative_from_policy(self) -> None:
        policy = DEFAULT_POLICY.with_(allow_relative_urls=True)
        assert safe_url("/w/index.php?title=X", policy) == "/w/index.php?title=X"
        assert safe_url("/x", policy, relative=False) is None

    def test_site_protocols(self) -> None:
        config = SiteConfig().with_(protocols=("https://",))
        policy = SanitizerPolicy.for_site(config)
        assert safe_url("https://x/", policy) == "https://x/"
        assert safe_url("http://x/", policy) is None

    def test_url_attributes_use_safe_url(self) -> None:
        assert attrs("blockquote", ("cite", "javascript:alert(1)")) == {}
        assert attrs("blockquote", ("cite", "https://example.org/src")) == {"cite": "https://example.org/src"}
        assert attrs("q", ("cite", "jav&#x0A;ascript:alert(1)")) == {}
        assert attrs("del", ("cite", "http://x/"), ("datetime", "2020")) == {"cite": "http://x/", "datetime": "2020"}
        assert attrs("a", ("href", "vbscript:x")) == {}
        assert attrs("a", ("href", "http://x/"), ("rel", "nofollow")) == {"href": "http://x/", "rel": "nofollow"}

    def test_relative_href_dropped_by_default(self) -> None:
        assert attrs("a", ("href", "/wiki/X")) == {}

    def test_srcset(self) -> None:
        assert attrs("img", ("srcset", "http://x/a.png 1x, http://x/b.png 2x")) == {
            "srcset": "http://x/a.png 1x, http://x/b.png 2x"}
        assert attrs("img", ("srcset", "http://x/a.png 1x, javascript:alert(1) 2x")) == {}
        assert attrs("img", ("src", "data:image/png;base64,AAAA")) == {}


# --------------------------------------------------------------------------- CSS


class TestCss:
    @pytest.mark.parametrize("css", [
        "color:red", "color: red; background: #eee", "font-weight:bold;text-align:center",
        "border:1px solid #aaa", "width:50%", "margin:0 auto", "display:none",
        "color:var(--color-base, #202122)", "--my-color: #fff", "filter: invert(1)",
        "font-family:'Linux Libertine', serif", "content:attr(title)", "transform:rotate(90deg)",
    ])
    def test_benign_css_unchanged(self, css: str) -> None:
        assert check_css(css) == css

    @pytest.mark.parametrize("css", [
        "width:expression(alert(1))", "WIDTH:EXPRESSION(alert(1))", "x:expression (1)",
        "background:url(javascript:alert(1))", "background:url('javascript:alert(1)')",
        "background: URL ( http://evil.example/x.png )", "background-image:url(x.png)",
        "list-style-image:url(http://evil.example/)", "background:image(x.png)",
        "background:image-set('x.png' 1x)", "background:-webkit-image-set(url(x) 1x)",
        "content:attr(data-x url)", "width:attr(data-w type(<length>))", "x:src('a.png')",
        "behavior:url(x.htc)", "behavior: x", "-moz-binding:url(http://evil.example/x.xml#x)",
        "@import 'http://evil.example/x.css'", "x:javascript:alert(1)", "a:vbscript:b",
        "filter:progid:DXImageTransform.Microsoft.AlphaImageLoader(src='x')", "-ms-filter:x",
        "accelerator:true", "-o-link:'javascript:alert(1)'", "-o-link-source:current",
        "-o-replace:x", "color:var(--x, url(javascript:alert(1)))", "--x:url(javascript:alert(1))",
    ])
    def test_insecure_css(self, css: str) -> None:
        assert check_css(css) == INSECURE

    @pytest.mark.parametrize("css", [
        "width:\\65xpression(alert(1))", "width:\\000065xpression(alert(1))",
        "width:\\65 xpression(alert(1))", "width:e\\xpression(alert(1))",
        "width:exp/**/ression(alert(1))", "width:exp/* x */ression(alert(1))",
        "background:\\75rl(javascript:alert(1))", "background:u\\rl(x)", "background:ur\\\nl(x)",
        "width:&#101;xpression(alert(1))", "width:&#x65;xpression(alert(1))",
        "background:&#117;&#114;&#108;(x)", "width:&#92;65xpression(alert(1))",
        "width:\uff45\uff58\uff50\uff52\uff45\uff53\uff53\uff49\uff4f\uff4e(alert(1))",
        "background:\uff55\uff52\uff4c(x)", "width:exp\u0280ession(alert(1))",
        "x:e&#x5c;78pression(1)", "background:url/**/(x)",
    ])
    def test_obfuscated_insecure_css(self, css: str) -> None:
        assert check_css(css) == INSECURE

    @pytest.mark.parametrize("css", ["color:red\x00", "a:\\0", "a:\\110000", "a:\\d800", "a:&#1;",
                                     "color:\x08red", "x:\x1b", "x:\x7f"])
    def test_control_characters(self, css: str) -> None:
        assert check_css(css) == CONTROL

    def test_comments_removed(self) -> None:
        assert check_css("color:/* note */red") == "color: red"

    def test_single_comment_kept(self) -> None:
        assert check_css("/* nothing */") == "/* nothing */"

    def test_unterminated_comment_cut(self) -> None:
        assert check_css("color:red; /* background:url(x)") == "color:red; "

    def test_escapes_decoded(self) -> None:
        assert check_css("color:\\72\\65\\64") == "color:red"

    def test_quote_escapes_stay_escaped(self) -> None:
        assert check_css("font-family:'a\\'b'") == "font-family:'a\\27 b'"
        assert check_css('content:"\\22"') == 'content:"\\22 "'

    def test_escape_cannot_make_a_comment(self) -> None:
        # \2f\2a decodes to "/*": the comment pass runs after decoding and cuts it
        assert check_css("color:red;\\2f\\2a x:y") == "color:red;"

    def test_result_safe_after_html_escaping(self) -> None:
        out = check_css("font-family:\"x\\\"><script>\"")
        assert "<script>" not in escape_attr(out) and "\"" not in escape_attr(out)


# --------------------------------------------------------------------------- the policy


class TestPolicy:
    def test_default_is_frozen(self) -> None:
        with pytest.raises(dataclasses.FrozenInstanceError):
            DEFAULT_POLICY.tags = frozenset()  # type: ignore[misc]

    def test_attribute_table_immutable(self) -> None:
        with pytest.raises(TypeError):
            DEFAULT_POLICY.attributes["span"] = frozenset({"onclick"})  # type: ignore[index]

    def test_hashable_and_equal(self) -> None:
        assert SanitizerPolicy() == DEFAULT_POLICY
        assert hash(SanitizerPolicy()) == hash(DEFAULT_POLICY)

    def test_relaxed_tags_get_common_attributes(self) -> None:
        policy = DEFAULT_POLICY.relaxed(tags=["details", "Summary"])
        assert is_allowed_tag("details", policy) and is_allowed_tag("summary", policy)
        assert not is_allowed_tag("details")
        assert attrs("details", ("class", "c"), ("onclick", "x"), policy=policy) == {"class": "c"}

    def test_relaxed_attributes(self) -> None:
        policy = DEFAULT_POLICY.relaxed(tags=["details"], attributes={"details": ["open"], "span": ["translate"]})
        assert attrs("details", ("open", None), policy=policy) == {"open": ""}
        assert attrs("span", ("translate", "no"), policy=policy) == {"translate": "no"}
        assert attrs("span", ("translate", "no")) == {}

    def test_relaxed_global_attributes(self) -> None:
        policy = DEFAULT_POLICY.relaxed(global_attributes=["hidden"])
        assert attrs("b", ("hidden", None), policy=policy) == {"hidden": ""}
        assert attrs("td", ("hidden", None), policy=policy) == {"hidden": ""}

    def test_relaxed_img_still_checks_src(self) -> None:
        policy = DEFAULT_POLICY.relaxed(tags=["img"])
        assert is_allowed_tag("img", policy)
        assert attrs("img", ("src", "javascript:alert(1)"), ("onerror", "alert(1)"), ("alt", "a"), policy=policy) == {
            "alt": "a"}
        assert attrs("img", ("src", "https://upload.example/x.png"), policy=policy) == {
            "src": "https://upload.example/x.png"}

    def test_relaxed_url_attribute_is_checked(self) -> None:
        policy = DEFAULT_POLICY.relaxed(attributes={"span": ["data-href2"]}, url_attributes=["data-href2"])
        assert attrs("span", ("data-href2", "javascript:x"), policy=policy) == {}

    def test_browser_url_attributes_always_checked(self) -> None:
        policy = DEFAULT_POLICY.relaxed(attributes={"table": ["background"]})
        assert attrs("table", ("background", "javascript:alert(1)"), policy=policy) == {}
        assert attrs("table", ("background", "https://x/bg.png"), policy=policy) == {"background": "https://x/bg.png"}

    def test_relaxed_protocols(self) -> None:
        assert safe_url("spotify:track:1") is None
        assert safe_url("spotify:track:1", DEFAULT_POLICY.relaxed(protocols=["spotify:"])) == "spotify:track:1"

    def test_relaxed_relative_urls(self) -> None:
        policy = DEFAULT_POLICY.relaxed(allow_relative_urls=True)
        assert attrs("a", ("href", "/wiki/X"), policy=policy) == {"href": "/wiki/X"}

    def test_relaxed_does_not_change_original(self) -> None:
        DEFAULT_POLICY.relaxed(tags=["details"], global_attributes=["hidden"])
        assert not is_allowed_tag("details")
        assert "hidden" not in DEFAULT_POLICY.allowed_attributes("span")

    @pytest.mark.parametrize("kwargs", [
        {"tags": ["script"]}, {"tags": ["IFRAME"]}, {"tags": ["svg"]}, {"tags": ["style"]},
        {"global_attributes": ["onclick"]}, {"attributes": {"span": ["onmouseover"]}},
        {"attributes": {"iframe": ["srcdoc"]}}, {"protocols": ["javascript:"]},
        {"protocols": ["DATA:"]}, {"attributes": {"button": ["formaction"]}},
    ])
    def test_unsafe_relaxation_refused(self, kwargs: dict) -> None:  # type: ignore[type-arg]
        with pytest.raises(ValueError, match="allow_unsafe"):
            DEFAULT_POLICY.relaxed(**kwargs)

    def test_unsafe_via_with_refused_too(self) -> None:
        with pytest.raises(ValueError):
            DEFAULT_POLICY.with_(tags=DEFAULT_POLICY.tags | {"script"})
        with pytest.raises(ValueError):
            SanitizerPolicy(protocols=("javascript:",))

    def test_allow_unsafe_opt_in(self) -> None:
        policy = DEFAULT_POLICY.relaxed(global_attributes=["onclick"], tags=["script"], allow_unsafe=True)
        assert is_allowed_tag("script", policy)
        assert attrs("span", ("onclick", "go()"), policy=policy) == {"onclick": "go()"}

    def test_style_always_checked_even_when_unsafe(self) -> None:
        policy = DEFAULT_POLICY.with_(allow_unsafe=True)
        assert attrs("span", ("style", "x:expression(1)"), policy=policy) == {"style": INSECURE}

    def test_names_normalised(self) -> None:
        policy = SanitizerPolicy(tags=frozenset({"SPAN"}), attributes={"SPAN": frozenset({"TITLE"})},
                                 protocols=("HTTPS://",))
        assert is_allowed_tag("span", policy)
        assert attrs("span", ("title", "t"), policy=policy) == {"title": "t"}
        assert safe_url("https://x", policy) == "https://x"

    def test_max_id_length(self) -> None:
        assert attrs("span", ("id", "abcdef"), policy=DEFAULT_POLICY.with_(max_id_length=3)) == {"id": "abc"}

    def test_default_protocols_from_site_config(self) -> None:
        assert DEFAULT_POLICY.protocols == tuple(p.lower() for p in SiteConfig().protocols)
