"""Build hook: compile ``wikiparse.parser`` with mypyc when building a wheel, as black and mypy do.

``pip install .`` (or ``python -m build``) compiles the parser's modules to C extensions when a C
compiler is available and falls back to the pure-Python wheel when it is not.
``WIKIPARSE_COMPILE`` chooses: ``auto`` (default: compile if possible), ``1`` (compile or fail
the build), ``0`` (pure Python).  Editable installs are always pure Python.  At run time
``wikiparse.compiled.COMPILED`` says which modules run compiled.

What is compiled is measured (docs/performance.md, "The compiled build"): the parser gains about
1.5x.  The AST's data classes stay interpreted on purpose: compiled, their attribute access from
the (interpreted) emitters gets slower, not faster.  The HTML emitter's rule classes are mixins of
one class (mypyc compiles single inheritance only, and users subclass the emitter), and its
function modules (sanitizer, anchors, references, media) measured no faster compiled, so the
emitters stay Python.  ``WIKIPARSE_COMPILE_MODULES`` (comma-separated globs under src/) builds
another choice, to measure it.
"""

from __future__ import annotations

import glob
import os
import shutil
import sys
import sysconfig
import tempfile
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

#: the modules compiled (globs relative to src/; package ``__init__.py`` files stay Python):
#: the parser, and the leaf module of title and namespace-name text functions it calls on every
#: link and template.  ``wikiparse.compiled.PACKAGES`` names the folders these live in.
COMPILED_MODULES: tuple[str, ...] = ("wikiparse/parser/*.py", "wikiparse/title_text.py")
#: what mypy needs to see the types the compiled modules use (pyproject.toml's dependencies)
RUNTIME_TYPES = ("lark>=1.2,<2", "regex>=2023.0", "types-regex")


def _modules() -> tuple[str, ...]:
    """COMPILED_MODULES, or ``WIKIPARSE_COMPILE_MODULES`` (comma-separated globs) to measure another
    choice (docs/performance.md: which modules pay compiled)."""
    chosen = os.environ.get("WIKIPARSE_COMPILE_MODULES", "").strip()
    return tuple(g.strip() for g in chosen.split(",") if g.strip()) if chosen else COMPILED_MODULES


def _mode() -> str:
    mode = os.environ.get("WIKIPARSE_COMPILE", "auto").strip().lower() or "auto"
    if mode not in ("auto", "0", "1"):
        raise ValueError(f"WIKIPARSE_COMPILE must be auto, 0 or 1, not {mode!r}")
    return mode


def _have_compiler() -> bool:
    cc = os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc"
    return shutil.which(cc.split()[0]) is not None


class MypycHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def _wanted(self) -> bool:
        mode = _mode()
        if mode == "0" or self.target_name != "wheel":
            return False
        return mode == "1" or _have_compiler()

    def dependencies(self) -> list[str]:
        # mypyc type-checks the modules it compiles and what they import: with the runtime
        # dependencies' types (lark, regex) as in `make typecheck`, not Any
        return ["mypy>=1.10", "setuptools>=61", *RUNTIME_TYPES] if self._wanted() else []

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version == "editable" or not self._wanted():
            return
        try:
            self._compile(build_data)
        except Exception as exc:  # noqa: BLE001 - any failure falls back unless forced
            if _mode() == "1":
                raise
            self.app.display_warning(f"wikiparse: mypyc compilation failed, pure-Python wheel ({exc})")

    def _compile(self, build_data: dict[str, Any]) -> None:
        from mypyc.build import mypycify
        from setuptools import Distribution

        src = os.path.join(self.root, "src")
        paths = sorted(
            {os.path.relpath(p, src)
             for pattern in _modules()
             for p in glob.glob(os.path.join(src, pattern))
             if not p.endswith("__init__.py")}
        )
        work = tempfile.mkdtemp(prefix="wikiparse-mypyc-")
        self._work = work
        cwd = os.getcwd()
        os.environ["MYPY_CACHE_DIR"] = os.path.join(work, "mypy-cache")  # not into the source tree
        os.chdir(src)
        try:
            extensions = mypycify(paths, opt_level="3", target_dir=os.path.join(work, "c"),
                                  verbose=False)
            dist = Distribution({"name": "wikiparse", "ext_modules": extensions})
            cmd = dist.get_command_obj("build_ext")
            cmd.build_lib = os.path.join(work, "lib")
            cmd.build_temp = os.path.join(work, "tmp")
            cmd.ensure_finalized()
            cmd.run()
        finally:
            os.chdir(cwd)
        lib = os.path.join(work, "lib")
        built = [p for p in glob.glob(os.path.join(lib, "**", "*"), recursive=True) if os.path.isfile(p)]
        if not built:
            raise RuntimeError("mypyc built no extension module")
        for path in built:
            build_data["force_include"][path] = os.path.relpath(path, lib)
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        print(f"wikiparse: compiled {len(paths)} modules with mypyc (Python {sys.version.split()[0]})")

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        work = getattr(self, "_work", None)
        if work:
            shutil.rmtree(work, ignore_errors=True)
