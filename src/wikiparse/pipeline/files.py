"""Which files ``wikiparse convert`` reads and where each output goes.

Inputs are files, folders (walked recursively, in sorted order, hidden names and the output
folder skipped) or ``-`` for standard input.  Without ``-o`` every output goes to stdout; with
``-o`` a single file input may name an output file, otherwise ``-o`` is a folder that mirrors
the input tree (``in/a/b.wiki`` -> ``OUT/a/b.html``).  The plan is checked before anything is
converted: two inputs writing the same output, or an output that is one of the inputs, are
usage errors.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path

from .atomic import same_file

STDIN = "-"


class PlanError(Exception):
    """The command line asks for something impossible or unsafe (a usage error)."""


@dataclass(frozen=True)
class Task:
    source: str  # a path, or "-" for standard input
    target: str | None  # output path, or None for standard output


@dataclass
class Plan:
    tasks: list[Task] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # inputs that cannot be converted at all
    notes: list[str] = field(default_factory=list)  # things skipped on purpose
    output_folder: str | None = None


def _output_name(name: str, suffix: str) -> str:
    stem, dot, _ext = name.rpartition(".")
    base = stem if dot and stem and not stem.endswith(".") else name
    return base + suffix


def _walk(root: str, skip: str | None, pattern: str | None, plan: Plan) -> list[str]:
    found: list[str] = []

    def on_error(err: OSError) -> None:
        plan.problems.append(f"{err.filename}: cannot read folder: {err.strerror or err}")

    for folder, dirs, files in os.walk(root, onerror=on_error):
        dirs[:] = sorted(
            d for d in dirs
            if not d.startswith(".")
            and not (skip is not None and same_file(os.path.join(folder, d), skip))
        )
        for name in sorted(files):
            if name.startswith("."):
                continue
            if pattern is not None and not fnmatch.fnmatch(name, pattern):
                continue
            path = os.path.join(folder, name)
            if not os.path.isfile(path):
                plan.notes.append(f"{path}: skipped, not a regular file")
                continue
            found.append(path)
    return found


def plan_convert(
    inputs: list[str], output: str | None, *, suffix: str, pattern: str | None = None
) -> Plan:
    """Work out the conversion tasks (see the module doc); :class:`PlanError` for usage errors."""
    plan = Plan()
    sources = inputs or [STDIN]
    if sources.count(STDIN) > 1:
        raise PlanError("'-' (standard input) can be given only once")
    to_stdout = output in (None, STDIN)
    folder_mode = not to_stdout and (
        len(sources) > 1
        or any(s != STDIN and os.path.isdir(s) for s in sources)
        or os.path.isdir(str(output))
        or str(output).endswith(("/", os.sep))
    )
    if folder_mode:
        plan.output_folder = str(output)
        if STDIN in sources:
            raise PlanError("standard input ('-') needs -o FILE, not an output folder")
        if os.path.exists(str(output)) and not os.path.isdir(str(output)):
            raise PlanError(f"{output}: is a file; the output for several inputs must be a folder")
    out_dir = plan.output_folder
    for source in sources:
        if source == STDIN:
            plan.tasks.append(Task(STDIN, None if to_stdout else str(output)))
        elif os.path.isdir(source):
            for path in _walk(source, out_dir, pattern, plan):
                rel = os.path.relpath(path, source)
                target = None
                if out_dir is not None:
                    parent, name = os.path.split(rel)
                    target = os.path.join(out_dir, parent, _output_name(name, suffix))
                plan.tasks.append(Task(path, target))
        elif not os.path.lexists(source):
            plan.problems.append(f"{source}: no such file or folder")
        else:
            target = None
            if out_dir is not None:
                target = os.path.join(out_dir, _output_name(os.path.basename(source), suffix))
            elif not to_stdout:
                target = str(output)
            plan.tasks.append(Task(source, target))
    _check(plan)
    return plan


def _check(plan: Plan) -> None:
    by_target: dict[str, str] = {}
    for task in plan.tasks:
        if task.target is None:
            continue
        key = os.path.normcase(os.path.realpath(task.target))
        if key in by_target:
            raise PlanError(
                f"{by_target[key]} and {task.source} would both be written to {task.target}"
            )
        by_target[key] = task.source
    # an output must not be an input: same path, or same file under another name (a link)
    inputs: dict[object, str] = {}
    for task in plan.tasks:
        if task.source == STDIN:
            continue
        inputs[os.path.normcase(os.path.realpath(task.source))] = task.source
        try:
            st = os.stat(task.source)
            inputs[(st.st_dev, st.st_ino)] = task.source
        except OSError:
            pass
    for task in plan.tasks:
        if task.target is None:
            continue
        hit = inputs.get(os.path.normcase(os.path.realpath(task.target)))
        if hit is None:
            try:
                st = os.stat(task.target)
                hit = inputs.get((st.st_dev, st.st_ino))
            except OSError:
                pass
        if hit is not None:
            raise PlanError(
                f"refusing to overwrite the input {hit} with the output of {task.source} "
                "(choose another -o or --suffix)"
            )


def ensure_parent(path: str) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
