"""A converter that applies only the HTML sanitizer: wikitext on stdin, HTML fragment on stdout.

HTML tags the policy allows are re-emitted with sanitised attributes; everything else (other
tags, wiki markup, text) is escaped text.  It lets the browser suite check the sanitizer against
every vector in Chromium independently of the parser and the HTML emitter.  Test helper only.
"""

from __future__ import annotations

import re
import sys

from wikiparse.emitters.html.sanitizer import (
    DEFAULT_POLICY,
    SanitizerPolicy,
    decode_entities,
    escape_text,
    format_attributes,
    is_allowed_tag,
    sanitize_attributes,
    validate_tag,
)

_TAG = re.compile(r"<(/?)([A-Za-z][^\t\n\f\r />\x00]*)([^>]*?)(/?)>")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_ATTR = re.compile(
    r"""([^\t\n\f\r />=][^\t\n\f\r />=]*)"""
    r"""(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"([^"]*)"?|'([^']*)'?|([^\t\n\f\r >]+)))?"""
)


def parse_attributes(text: str) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for m in _ATTR.finditer(text):
        value = next((g for g in m.group(2, 3, 4) if g is not None), None)
        out.append((m.group(1), value))
    return out


def text(s: str) -> str:
    return escape_text(decode_entities(s))


def convert(source: str, policy: SanitizerPolicy = DEFAULT_POLICY) -> str:
    source = _COMMENT.sub("", source)
    out: list[str] = []
    pos = 0
    for m in _TAG.finditer(source):
        out.append(text(source[pos:m.start()]))
        pos = m.end()
        closing, name, attr_text, self_closing = m.groups()
        tag = name.lower()
        if not is_allowed_tag(tag, policy):
            out.append(text(m.group(0)))
            continue
        if closing:
            out.append(f"</{tag}>")
            continue
        attrs = sanitize_attributes(tag, parse_attributes(attr_text), policy)
        if not validate_tag(tag, attrs, policy):
            out.append(text(m.group(0)))
            continue
        out.append(f"<{tag}{format_attributes(attrs)}>")
        if self_closing and tag not in policy.void_tags:
            out.append(f"</{tag}>")
    out.append(text(source[pos:]))
    return "".join(out)


if __name__ == "__main__":
    sys.stdout.write(convert(sys.stdin.read()))
