"""Line-start markup after comments: MediaWiki's preprocessor removes comments before
Parser.php reads tables and lists, so ``<!-- c -->{|`` opens a table, ``<!-- c -->*a`` is a
list and ``:<!-- c -->{|`` an indented table.  The bracket pass keeps every comment as a node
and reads the markup that follows one here: the grammar's line-start terminals without their
``^`` anchor, only those Parser.php reads (the preprocessor's own line starts, headings, see
a comment as a break, and a leading space stays text).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from .scanner import load_grammar

__all__ = ["AFTER_COMMENT", "after_comment_match"]

_LINE_START = "(?m:^)"
#: the terminals read after comments at a line start (and after a list prefix and comments)
AFTER_COMMENT = ("TABLE_OPEN", "TABLE_CLOSE", "TABLE_ROW", "TABLE_CAPTION", "HR", "LIST_PREFIX")


@lru_cache(maxsize=None)
def after_comment_match() -> Callable[..., re.Match[str] | None]:
    """``match(text, pos, end)`` of those terminals, unanchored, in the grammar's priority
    order (``m.lastgroup`` names the terminal)."""
    terms = [t for t in load_grammar().terminals if t.name in AFTER_COMMENT]
    terms.sort(key=lambda t: (-t.priority, AFTER_COMMENT.index(t.name)))
    branches = []
    for t in terms:
        pattern = t.pattern.to_regexp()
        assert pattern.startswith(_LINE_START), t.name
        branches.append(f"(?:{pattern[len(_LINE_START):]})(?P<{t.name}>)")
    return re.compile("|".join(branches)).match
