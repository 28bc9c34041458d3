"""What the fuzz suite feeds wikiparse and what it checks (shared by ``run_fuzz.py``, the long run
behind ``make fuzz``, and the seeded short run in ``test_fuzz_seeded.py``).

Three sources of input:

* :func:`grammar_text`: random wikitext built from a grammar of constructs (templates, arguments,
  parser functions, links, file links, tables, lists, headings, tags, extension tags, quotes...),
  nested, with closers dropped or doubled on purpose;
* :func:`mutate`: one-character mutations (insert, delete, replace with a markup character) of
  real pages;
* :data:`ADVERSARIAL`: the pathological patterns of issue 18 and the classic backtracking traps,
  at a chosen size.

Each input must parse and render to every format without an exception, round-trip
(``str(doc) == text``), keep the tree's invariants (``validate.check_tree``), raise no
``internal`` diagnostic, and stay within a time budget linear in its size.
The generators take a ``random.Random``: the runner passes a seeded one, the hypothesis tests
``st.randoms()`` (so hypothesis can shrink what the generator chose).
"""

from __future__ import annotations

import random
import signal
import threading
import time
import traceback
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

import wikiparse
from wikiparse.validate import check_tree

#: the built-in formats (and markdown when an emitter registers it)
WANTED_FORMATS = ("html", "text", "json", "pandoc-json", "wikitext", "markdown")


def formats() -> list[str]:
    known = set(wikiparse.emitters())
    return [f for f in WANTED_FORMATS if f in known]


# --------------------------------------------------------------------------- checking


@dataclass
class Outcome:
    """What went wrong with one input (``problems`` empty: nothing)."""

    text: str
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def signature(self) -> str:
        """A short key that groups findings with the same cause (first problem, no offsets)."""
        if not self.problems:
            return ""
        first = self.problems[0]
        return "".join(ch for ch in first.split("\n", 1)[0] if not ch.isdigit())[:120]


def time_budget(text: str) -> float:
    """CPU seconds allowed for parse + every render of ``text``: a fixed start-up allowance
    plus a linear term (20 KB/s is 10-50x slower than wikiparse on real pages)."""
    return 2.0 + len(text) / 20_000


class Hang(Exception):
    """An input ran past its hard CPU-time limit (raised by the profiling timer)."""


def _on_alarm(signum: int, frame: Any) -> None:
    raise Hang()


@contextmanager
def cpu_alarm(seconds: float) -> Iterator[None]:
    """Raise :class:`Hang` after ``seconds`` of CPU time (main thread only; elsewhere a no-op)."""
    if threading.current_thread() is not threading.main_thread() or seconds <= 0:
        yield
        return
    old = signal.signal(signal.SIGPROF, _on_alarm)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, old)


def check(text: str, fmts: list[str] | None = None, *, budget: float | None = None,
          hang_factor: float = 5.0) -> Outcome:
    """Parse ``text``, render it to every format, and list every broken promise.  Past
    ``hang_factor`` times the budget the input is abandoned as a hang."""
    limit = time_budget(text) if budget is None else budget
    out = Outcome(text)
    t0 = time.process_time()
    try:
        with cpu_alarm(limit * hang_factor):
            _check(text, formats() if fmts is None else fmts, out)
    except Hang:
        out.problems.append(f"hang: more than {limit * hang_factor:.1f} CPU s")
    out.seconds = time.process_time() - t0
    if out.seconds > limit and not any(p.startswith("hang") for p in out.problems):
        out.problems.append(f"slow: {out.seconds:.2f} CPU s for {len(text)} characters (budget {limit:.2f} s)")
    return out


def _check(text: str, fmts: list[str], out: Outcome) -> None:
    try:
        doc = wikiparse.parse(text)
    except Hang:
        raise
    except BaseException as e:  # noqa: BLE001 - MemoryError / RecursionError are findings too
        if isinstance(e, KeyboardInterrupt):
            raise
        out.problems.append(f"parse raised {type(e).__name__}: {e}\n{_where(e)}")
        return
    if str(doc) != text:
        out.problems.append("round trip: str(doc) != text")
    problems = check_tree(doc)
    if problems:
        out.problems.append("check_tree: " + "; ".join(problems[:3]))
    internal = [d for d in doc.diagnostics if d.severity == "internal"]
    if internal:
        out.problems.append(f"internal diagnostic {internal[0].code}: {internal[0].message}")
    for fmt in fmts:
        try:
            wikiparse.render(doc, fmt)
        except Hang:
            out.problems.append(f"hang: render {fmt}")
            raise
        except BaseException as e:  # noqa: BLE001
            if isinstance(e, KeyboardInterrupt):
                raise
            out.problems.append(f"render {fmt} raised {type(e).__name__}: {str(e)[:200]}\n{_where(e)}")


def _where(e: BaseException) -> str:
    """The innermost wikiparse frame of a traceback (file:line function)."""
    frames = [f for f in traceback.extract_tb(e.__traceback__) if "wikiparse" in f.filename]
    if not frames:
        return ""
    f = frames[-1]
    return f"at {f.filename.rsplit('wikiparse/', 1)[-1]}:{f.lineno} {f.name}"


# --------------------------------------------------------------------------- grammar

WORDS = ["a", "b", "x", "Foo", "bar baz", "Main Page", "é", "日本", "1", "=", " ", "  ", "\t", "-", ":"]
NAMES = ["a", "Foo", "Infobox person", "#if:", "#switch:x", "lc:", "PAGENAME", "!", "=", "1",
         "Template:X", "safesubst:", " b ", "#invoke:M|f"]
TAGS = ["b", "i", "span", "div", "small", "big", "u", "s", "sup", "sub", "code", "tt", "font",
        "blockquote", "center", "p", "table", "tr", "td", "th", "ul", "li", "dl", "dd", "dt", "br",
        "hr", "abbr", "bdi", "q"]
EXT_TAGS = ["ref", "nowiki", "pre", "poem", "gallery", "math", "references", "includeonly",
            "noinclude", "onlyinclude", "syntaxhighlight", "score", "indicator"]
ATTRS = ["", ' class="x"', " style=\"color:red\"", " id=a", " name=r1", " group=n",
         ' style="background:url(javascript:x)"', " onclick=x", " align=left", " colspan=2"]
NOISE = list("{}[]|=<>'!*#:;-~_&\n ") + ["{{", "}}", "[[", "]]", "{{{", "}}}", "''", "'''", "\n|",
                                          "\n!", "\n{|", "\n|}", "\n|-", "\n|+", "<!--", "-->",
                                          "||", "!!", "\n*", "\n#", "\n:", "\n;", "\n "]


class Grammar:
    """A random generator of wikitext: ``text(rng)`` builds one document.

    ``unbalance`` is the chance that a construct loses (or doubles) its closer, ``noise`` the
    chance of a stray markup token between pieces."""

    def __init__(self, max_depth: int = 6, max_items: int = 8, unbalance: float = 0.08,
                 noise: float = 0.05) -> None:
        self.max_depth = max_depth
        self.max_items = max_items
        self.unbalance = unbalance
        self.noise = noise

    def text(self, rng: random.Random) -> str:
        return "".join(self._blocks(rng, 0))

    # -- pieces
    def _close(self, rng: random.Random, closer: str) -> str:
        r = rng.random()
        if r < self.unbalance / 2:
            return ""
        if r < self.unbalance:
            return closer * 2
        return closer

    def _inline(self, rng: random.Random, depth: int) -> str:
        out: list[str] = []
        for _ in range(rng.randint(0, self.max_items if depth < self.max_depth else 2)):
            if rng.random() < self.noise:
                out.append(rng.choice(NOISE))
            if depth >= self.max_depth or rng.random() < 0.4:
                out.append(rng.choice(WORDS))
                continue
            out.append(rng.choice(self._INLINE)(self, rng, depth + 1))
        return "".join(out)

    def _template(self, rng: random.Random, d: int) -> str:
        parts = ["{{", rng.choice(NAMES) if rng.random() < 0.8 else self._inline(rng, d)]
        for i in range(rng.randint(0, 4)):
            parts.append("|")
            if rng.random() < 0.4:
                parts.append(self._inline(rng, d) + "=")
            parts.append(self._inline(rng, d) if rng.random() < 0.8 else self._blocks_text(rng, d))
        parts.append(self._close(rng, "}}"))
        return "".join(parts)

    def _argument(self, rng: random.Random, d: int) -> str:
        name = rng.choice(["1", "x", ""]) if rng.random() < 0.7 else self._inline(rng, d)
        default = ("|" + self._inline(rng, d)) if rng.random() < 0.5 else ""
        return "{{{" + name + default + self._close(rng, "}}}")

    def _link(self, rng: random.Random, d: int) -> str:
        target = rng.choice(["A", "Foo bar", "Category:C", "de:X", ":File:F.png", "a#b",
                             "{{a}}", "Special:X", "w:Y"])
        label = ("|" + self._inline(rng, d)) if rng.random() < 0.6 else ""
        trail = rng.choice(["", "s", "ing"])
        return "[[" + target + label + self._close(rng, "]]") + trail

    def _file(self, rng: random.Random, d: int) -> str:
        opts = rng.sample(["thumb", "200px", "left", "upright", "alt=x", "link=", "frameless",
                           "border", "x100px", "page=2", "class=c"], rng.randint(0, 4))
        caption = [self._inline(rng, d)] if rng.random() < 0.7 else []
        return "[[" + rng.choice(["File:A.jpg", "Image:B.png", "Media:C.ogg"]) + "".join(
            "|" + o for o in opts + caption) + self._close(rng, "]]")

    def _extlink(self, rng: random.Random, d: int) -> str:
        url = rng.choice(["http://example.org/a", "https://x.y/p?q=1&r=2", "//rel.org",
                          "mailto:a@b.c", "javascript:alert(1)"])
        if rng.random() < 0.5:
            return "[" + url + " " + self._inline(rng, d) + self._close(rng, "]")
        return url + rng.choice(["", ".", ")", "'s"])

    def _quotes(self, rng: random.Random, d: int) -> str:
        q = rng.choice(["''", "'''", "'''''", "''''"])
        return q + self._inline(rng, d) + (q if rng.random() > self.unbalance else "")

    def _tag(self, rng: random.Random, d: int) -> str:
        name = rng.choice(TAGS)
        if rng.random() < 0.15:
            return f"<{name}{rng.choice(ATTRS)}/>"
        closer = f"</{name}>" if rng.random() > self.unbalance else ""
        return f"<{name}{rng.choice(ATTRS)}>" + self._inline(rng, d) + closer

    def _ext(self, rng: random.Random, d: int) -> str:
        name = rng.choice(EXT_TAGS)
        if rng.random() < 0.2:
            return f"<{name}{rng.choice(ATTRS)}/>"
        body = self._inline(rng, d) if rng.random() < 0.6 else self._blocks_text(rng, d)
        closer = f"</{name}>" if rng.random() > self.unbalance else ""
        return f"<{name}{rng.choice(ATTRS)}>" + body + closer

    def _atom(self, rng: random.Random, d: int) -> str:
        return rng.choice(["&amp;", "&#x41;", "&bogus;", "&#0;", "&nbsp;", "<!-- c -->", "<!--",
                           "~~~~", "__TOC__", "__NOTOC__", "ISBN 0-306-40615-2", "RFC 1234",
                           "PMID 1", "-{a}-", "<br>", "</div>", "</b>", "\u200e", "\x00", "\ufffd"])

    _INLINE: list[Callable[[Grammar, random.Random, int], str]] = [
        _template, _template, _argument, _link, _link, _file, _extlink, _quotes, _quotes, _tag,
        _ext, _atom,
    ]

    # -- blocks
    def _blocks_text(self, rng: random.Random, d: int) -> str:
        return "".join(self._blocks(rng, d + 1))

    def _blocks(self, rng: random.Random, d: int) -> list[str]:
        out: list[str] = []
        for _ in range(rng.randint(1, self.max_items if d < self.max_depth else 2)):
            r = rng.random()
            if d >= self.max_depth or r < 0.35:
                out.append(self._inline(rng, d) + "\n")
            elif r < 0.45:
                lvl = "=" * rng.randint(1, 7)
                out.append(lvl + self._inline(rng, d + 1) + lvl[: rng.randint(0, len(lvl))] + "\n")
            elif r < 0.6:
                for _ in range(rng.randint(1, 4)):
                    out.append("".join(rng.choice("*#:;") for _ in range(rng.randint(1, 4)))
                               + self._inline(rng, d + 1) + "\n")
            elif r < 0.8:
                out.append(self._table(rng, d + 1))
            elif r < 0.87:
                out.append(" " + self._inline(rng, d + 1) + "\n")
            elif r < 0.92:
                out.append(rng.choice(["----\n", "\n", "\n\n", "#REDIRECT [[A]]\n"]))
            else:
                out.append(self._template(rng, d + 1) + "\n")
        return out

    def _table(self, rng: random.Random, d: int) -> str:
        out = [rng.choice(["{|", "{| class=wikitable", ":{|", "{|{{a}}"]) + "\n"]
        if rng.random() < 0.3:
            out.append("|+" + self._inline(rng, d) + "\n")
        for _ in range(rng.randint(0, 3)):
            if rng.random() < 0.7:
                out.append("|-" + rng.choice(ATTRS) + "\n")
            for _ in range(rng.randint(0, 3)):
                mark = rng.choice(["|", "!", "|style=x|", "| "])
                cells = [self._inline(rng, d) for _ in range(rng.randint(1, 3))]
                sep = "!!" if mark.startswith("!") else "||"
                out.append(mark + sep.join(cells) + "\n")
                if rng.random() < 0.15:
                    out.append(self._table(rng, d + 1))
                if rng.random() < 0.1:
                    out.append(rng.choice(["\n", " \n", "<!-- c -->\n", "|+late\n", "text line\n"]))
        out.append(self._close(rng, "|}") + "\n")
        return "".join(out)


def grammar_text(rng: random.Random, grammar: Grammar | None = None) -> str:
    return (grammar or Grammar()).text(rng)


# --------------------------------------------------------------------------- mutations

MUTATION_CHARS = "{}[]|=<>'!*#:;-~&/\n \t\"x"


def mutate(rng: random.Random, page: str) -> str:
    """One character inserted, deleted or replaced at a random position of ``page``."""
    if not page:
        return rng.choice(MUTATION_CHARS)
    i = rng.randrange(len(page) + 1)
    op = rng.random()
    ch = rng.choice(MUTATION_CHARS)
    if op < 0.4 or i == len(page):
        return page[:i] + ch + page[i:]
    if op < 0.7:
        return page[:i] + page[i + 1 :]
    return page[:i] + ch + page[i + 1 :]


# --------------------------------------------------------------------------- adversarial


def _rep(unit: str) -> Callable[[int], str]:
    return lambda n: (unit * (n // len(unit) + 1))[:n]


def _balanced(opener: str, closer: str, middle: str = "") -> Callable[[int], str]:
    def make(n: int) -> str:
        k = max(1, (n - len(middle)) // (len(opener) + len(closer)))
        return opener * k + middle + closer * k
    return make


def _nested(unit: str, count: int) -> Callable[[int], str]:
    """``count`` nested units (a depth test: the size argument is ignored)."""
    return lambda n: unit * count


#: name -> size (characters) -> text; sizes are approximate for the balanced ones
ADVERSARIAL: dict[str, Callable[[int], str]] = {
    # issue 18 (memory, assertion, recursion, spans)
    "brace_run": _balanced("{", "}"),
    "template_run": _balanced("{{a", "}}"),
    "nested_tables_90": _nested("{|\n|\n", 90),
    "nested_tables_300": _nested("{|\n|\n", 300),
    "quote_bold_tags": _nested("''<b>", 124),
    "quote_bold_tags_400": _nested("''<b>", 400),
    "tables_in_args_90": _nested("{{a|\n{|\n|", 90),
    "tables_in_args_300": _nested("{{a|\n{|\n|", 300),
    "deep_list_line": _nested("*", 400),
    "bold_italic_tags_400": _nested("'''<i>", 400),
    "nested_file_captions": lambda n: "[[File:a.jpg|thumb|" * 30 + "x" + "]]" * 30,
    "nested_templates_args": _balanced("{{a|", "}}", "x"),
    "nested_links_in_templates": _balanced("{{a|[[b|", "]]}}", "x"),
    "arg_defaults": _balanced("{{{a|", "}}}", "x"),
    "eq_after_failed_frame": _rep("{{a|{{[[a]]}}=}}"),
    "caption_after_row": _rep("{|\n|\n|+"),
    "pending_then_table": _rep("{|\n|-\n \n{|\n|}\n|"),
    # unclosed openers, closers, runs
    "open_templates": _rep("{{"),
    "open_args": _rep("{{{"),
    "open_links": _rep("[["),
    "brace_bracket_mix": _rep("{{{[[{{["),
    "template_params": _rep("{{a|b="),
    "close_templates": _rep("}}"),
    "table_in_cell": _rep("{|\n|"),
    "tag_mix": _rep("<b><i><span><div>"),
    "ref_open": _rep("<ref>"),
    "comment_open": _rep("<!--"),
    "apostrophes": _rep("''"),
    "bold_italic_toggles": _rep("'''''a''b"),
    "equals_lines": _rep("=======a=\n"),
    "http_run": _rep("http://"),
    "lang_convert": _rep("-{"),
    # markup continued across comments (brackets, quotes, line starts)
    "split_link_openers": _rep("[<!---->"),
    "split_link_closers": lambda n: "[[a" + _rep("]<!---->")(max(0, n - 3)),
    "split_quote_run": _rep("'<!---->"),
    "split_list_prefix": _rep("<!---->*<!---->"),
    "comment_table_lines": _rep("<!---->{|\n<!---->|-\n<!---->|a\n"),
}


#: patterns that still fail (documented in docs/reliability.md); the long run leaves them out
#: (nested captions grow JSON output and memory 2^depth)
KNOWN_OPEN = frozenset({"nested_file_captions"})


def adversarial(name: str, size: int) -> str:
    return ADVERSARIAL[name](size)


# --------------------------------------------------------------------------- shrinking


def shrink(text: str, still_fails: Callable[[str], bool], *, seconds: float = 30.0) -> str:
    """A smaller input that still fails (delta debugging over chunks, then characters), within
    ``seconds`` of wall time."""
    deadline = time.monotonic() + seconds
    best = text
    chunk = max(1, len(best) // 2)
    while chunk >= 1 and time.monotonic() < deadline:
        i = 0
        progressed = False
        while i < len(best) and time.monotonic() < deadline:
            candidate = best[:i] + best[i + chunk :]
            if candidate != best and still_fails(candidate):
                best = candidate
                progressed = True
            else:
                i += chunk
        if not progressed:
            chunk //= 2
    return best
