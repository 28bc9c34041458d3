"""Options shared by the converting commands, their value types, and the job they describe."""

from __future__ import annotations

import argparse
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Iterable

from .. import DIALECTS
from .exits import EXIT_MISSING, EXIT_USAGE
from .output import err
from .render_options import add_render_options

if TYPE_CHECKING:
    from ..pipeline.render import RenderJob

    # what ``add_subparsers()`` returns; each subcommand module adds its parser to it
    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]

FORMATTER = argparse.RawDescriptionHelpFormatter


def _int_at_least(value: str, minimum: int, message: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if number < minimum:
        raise argparse.ArgumentTypeError(message)
    return number


def jobs(value: str) -> int:
    """``--jobs``: 0 (one per core) or more."""
    return _int_at_least(value, 0, "must be 0 (one per core) or more")


def positive(value: str) -> int:
    return _int_at_least(value, 1, "must be 1 or more")


def clock(value: str) -> datetime:
    """``--clock 2024-01-01T00:00:00Z``: an aware datetime (UTC when no offset is given)."""
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected an ISO date and time like 2024-01-01T00:00:00Z: {value!r}") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def namespaces(value: str) -> frozenset[int]:
    """``--namespaces 0,14``."""
    try:
        return frozenset(int(part) for part in value.split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected namespace numbers like 0 or 0,14: {value!r}"
        ) from None


def add_common(p: argparse.ArgumentParser, *, dialect: bool = True) -> None:
    """The options of every converting command (convert, jsonl, dump)."""
    p.add_argument("-t", "--to", dest="fmt", default="html", metavar="FORMAT",
                   help="output format: html, text, json, pandoc-json, wikitext, or a plugin's "
                   "(see 'wikiparse formats'; default: html)")
    if dialect:
        p.add_argument("--dialect", choices=DIALECTS, default="wikitext",
                       help="input: wikitext (default), rendered (a page as copied from a "
                       "browser) or auto (detect)")
    p.add_argument("--lang", metavar="CODE",
                   help="wiki language for namespace names and image options (default: en; "
                   "for dumps, the dump's own)")
    p.add_argument("-j", "--jobs", type=jobs, default=1, metavar="N",
                   help="worker processes (default 1; 0 = one per CPU core); the output is the "
                   "same, byte for byte, for any N")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="no progress bar and no summary line (errors are still reported)")
    p.add_argument("--templates", metavar="DIR|DUMP|DB",
                   help="expand templates first, reading them from a folder (index.json and "
                   "its files), an XML dump or a SQLite file (see docs/expansion.md)")
    p.add_argument("--clock", type=clock, metavar="ISO-TIME",
                   help="with template expansion: \"now\" for {{CURRENTYEAR}}, #time... "
                   "(e.g. 2024-01-01T00:00:00Z; default: the start of the run), for "
                   "reproducible output")
    add_render_options(p)


def render_job(args: argparse.Namespace, lang: str | None = None,
               namespaces: Iterable[tuple[int, str]] = ()) -> RenderJob:
    """The conversion the options ask for; ``lang`` and ``namespaces`` are a dump's own (the
    options win over them).  A subcommand's own options that change the conversion go into
    the job here."""
    from ..pipeline.render import RenderJob, SiteSpec

    site = None
    names = tuple(namespaces)
    if lang or args.lang or names:
        site = SiteSpec(args.lang or lang or "en", names)
    options = getattr(args, "render_options", ())
    templates = getattr(args, "templates", None)
    if templates is None:
        return RenderJob(args.fmt, getattr(args, "dialect", "wikitext"), site, options=options)
    # one "now" for the whole run: every worker expands {{CURRENTYEAR}} alike
    clock = getattr(args, "clock", None) or datetime.now(timezone.utc).replace(microsecond=0)
    args.clock = clock
    return RenderJob(args.fmt, getattr(args, "dialect", "wikitext"), site, options=options,
                     templates=str(templates), clock=clock)


def check_job(job: RenderJob) -> int | None:
    """An exit status (after a message) if the job cannot run here, else None."""
    from ..pipeline.render import BadOptions, FormatUnavailable

    try:
        job.check()
    except FormatUnavailable as error:
        err(str(error))
        return EXIT_USAGE if error.unknown else EXIT_MISSING
    except BadOptions as error:
        given = ", ".join(f"{key}={value!r}" for key, value in job.options)
        err(f"the {job.fmt} format refuses the render options ({given}): {error}")
        return EXIT_USAGE
    return None
