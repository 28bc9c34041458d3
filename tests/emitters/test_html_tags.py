"""wikiparse.html_tags is the one tag table: the sanitizer's default policy and the emitters use
its sets, not copies."""

from __future__ import annotations

import wikiparse
from wikiparse import html_tags
from wikiparse.emitters.html.sanitizer import DEFAULT_POLICY, SanitizerPolicy


def test_the_default_policy_is_the_table() -> None:
    assert DEFAULT_POLICY.tags == html_tags.ALLOWED_TAGS
    assert DEFAULT_POLICY.void_tags == html_tags.VOID_TAGS
    assert not html_tags.ALLOWED_TAGS & html_tags.UNSAFE_TAGS


def test_families_are_consistent() -> None:
    assert html_tags.VOID_TAGS <= html_tags.ALLOWED_TAGS
    assert html_tags.HEADING_TAGS <= html_tags.BLOCK_TAGS <= html_tags.ALLOWED_TAGS | {
        "tbody", "thead", "tfoot"}
    assert html_tags.TABLE_CELL_TAGS <= html_tags.P_CLOSING_TAGS


def test_every_unsafe_tag_needs_allow_unsafe() -> None:
    for tag in sorted(html_tags.UNSAFE_TAGS):
        try:
            SanitizerPolicy().relaxed(tags=[tag])
        except ValueError:
            continue
        raise AssertionError(f"<{tag}> allowed without allow_unsafe")


def test_the_paragraph_rule_uses_the_p_closing_set() -> None:
    from wikiparse.emitters.html.blocks import BLOCK_START

    for tag in html_tags.P_CLOSING_TAGS:
        assert BLOCK_START.search(f"x <{tag} class='a'>"), tag
    for tag in ("span", "b", "sup", "abbr", "pref"):
        assert not BLOCK_START.search(f"x <{tag}>"), tag
