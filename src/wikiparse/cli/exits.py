"""Exit statuses of the ``wikiparse`` command, and their text for ``--help``."""

from __future__ import annotations

import textwrap

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_DAMAGED = 3
EXIT_OUTPUT = 4
EXIT_MISSING = 5
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143

EXIT_CODES = {
    EXIT_OK: "success: every input was converted",
    EXIT_INPUT: "some inputs failed (each one reported on stderr; all the others were converted)",
    EXIT_USAGE: "usage error: bad option, unknown format, an output that would overwrite an input",
    EXIT_DAMAGED: "a dump is truncated or corrupt (or worker processes died twice on one of its "
    "streams): stopped there; the output holds every record converted before",
    EXIT_OUTPUT: "an output cannot be written (folder not writable, disk full): nothing is left "
    "half-written",
    EXIT_MISSING: "a needed component is unavailable: a format or module not installed, or the "
    "Dask scheduler cannot be reached",
    EXIT_INTERRUPTED: "interrupted (Ctrl-C); no partial output file is left",
    EXIT_TERMINATED: "terminated (SIGTERM); no partial output file is left",
}


def exit_code_help() -> str:
    """The ``exit status:`` section of every ``--help``."""
    return "exit status:\n" + "\n".join(
        textwrap.fill(text, width=88, initial_indent=f"  {code:<4} ", subsequent_indent=" " * 7)
        for code, text in sorted(EXIT_CODES.items())
    )
