"""Check the wheels ``make wheels`` built: one pure-Python wheel, and compiled ones complete.

    python tests/packaging/check_wheels.py dist

A compiled wheel (``cpXY-cpXY-<platform>``) must hold an extension module for every module that
``hatch_build.COMPILED_MODULES`` names (read from hatch_build.py's source, so this runs without
hatchling), and the ``.py`` source beside it; the pure wheel (``py3-none-any``) must hold none.
Prints one line per wheel; exits 1 on a missing or incomplete wheel.
"""

from __future__ import annotations

import ast
import glob
import os
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def compiled_modules() -> list[str]:
    tree = ast.parse((ROOT / "hatch_build.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "COMPILED_MODULES":
            patterns = ast.literal_eval(node.value)  # type: ignore[arg-type]
            break
    else:
        raise SystemExit("hatch_build.py has no COMPILED_MODULES")
    src = ROOT / "src"
    return sorted({os.path.relpath(p, src)[:-3] for pattern in patterns
                   for p in glob.glob(str(src / pattern)) if not p.endswith("__init__.py")})


def main(folder: str) -> int:
    wheels = sorted(Path(folder).glob("wikiparse-*.whl"))
    expected = compiled_modules()
    ok = bool(wheels)
    pure = [w for w in wheels if w.name.endswith("-py3-none-any.whl")]
    if len(pure) != 1:
        print(f"expected one pure-Python wheel, found {len(pure)}")
        ok = False
    for wheel in wheels:
        names = zipfile.ZipFile(wheel).namelist()
        extensions = {n.split(".", 1)[0] for n in names if n.endswith((".so", ".pyd"))}
        if wheel in pure:
            line, good = f"{len(extensions)} extension modules (pure Python)", not extensions
        else:
            missing = [m for m in expected if m not in extensions or m + ".py" not in names]
            line = f"{len(expected) - len(missing)}/{len(expected)} modules compiled"
            good = not missing
            if missing:
                line += f"; missing {', '.join(missing[:5])}"
        ok = ok and good
        print(f"{'ok ' if good else 'BAD'} {wheel.name}: {line}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "dist"))
