#!/usr/bin/env python3
"""The long fuzz run behind ``make fuzz``: feeds wikiparse generated, mutated and adversarial
input for as long as asked and stores every new failure as a regression fixture.

    FUZZ_SECONDS=3600 make fuzz
    .venv/bin/python tests/fuzz/run_fuzz.py --seconds 600 [--seed 7] [--engine random|atheris]
        [--corpus ../shared/corpora/articles] [--out tests/fixtures/reliability] [--no-shrink]

Each input is parsed and rendered to every format (see ``fuzzkit.check``).  The process runs
under an address-space limit (``--memory-gb``, 4 by default) so that a memory blow-up ends in a
``MemoryError`` finding instead of taking the machine down, and under a CPU-time alarm per input
(a hang is a finding too).  A failure is shrunk (delta debugging, ``--shrink-seconds``) and
written to ``--out`` as ``<source>-<sha1>.txt``, read by ``tests/fuzz/test_reliability_fixtures.py``;
failures with a signature already seen in this run are counted, not stored again.

``--engine atheris`` (``pip install atheris``) lets atheris' coverage-guided mutator drive the
input bytes instead of the random generators (the same checks run on each input).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import resource
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fuzzkit  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "tests" / "fixtures" / "reliability"


def load_pages(folder: Path) -> list[str]:
    if not folder.is_dir():
        return []
    return [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.glob("*.wiki"))]


def guarded_check(text: str, hang_seconds: float) -> fuzzkit.Outcome:
    """``fuzzkit.check`` with a hard CPU-time limit; a blow-up outside the parse is a finding."""
    try:
        return fuzzkit.check(text, hang_factor=max(1.0, hang_seconds / fuzzkit.time_budget(text)))
    except MemoryError:
        return fuzzkit.Outcome(text, ["MemoryError outside parse/render"])


def store(out: Path, source: str, text: str) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    path = out / f"{source}-{digest}.txt"
    with open(path, "w", encoding="utf-8", errors="surrogatepass", newline="") as f:
        f.write(text)
    return path


class Run:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.seen: dict[str, int] = {}
        self.count = 0
        self.failures = 0
        self.stored: list[Path] = []
        self.hang_seconds = args.hang_seconds

    def one(self, source: str, text: str) -> None:
        self.count += 1
        outcome = guarded_check(text, self.hang_seconds + fuzzkit.time_budget(text))
        if outcome.ok:
            return
        self.failures += 1
        sig = outcome.signature
        self.seen[sig] = self.seen.get(sig, 0) + 1
        if self.seen[sig] > 1:
            return
        small = text
        if not self.args.no_shrink and len(text) > 1:
            def fails(candidate: str) -> bool:
                o = guarded_check(candidate, self.hang_seconds + fuzzkit.time_budget(candidate))
                return o.signature == sig
            small = fuzzkit.shrink(text, fails, seconds=self.args.shrink_seconds)
        path = store(self.args.out, source, small)
        self.stored.append(path)
        print(f"[fuzz] {source}: {outcome.problems[0].splitlines()[0][:160]}\n"
              f"       {len(text)} -> {len(small)} chars, stored {path}",
              flush=True)


def run_random(run: Run, args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    pages = load_pages(args.corpus)
    grammars = [fuzzkit.Grammar(), fuzzkit.Grammar(max_depth=12, max_items=4, unbalance=0.2),
                fuzzkit.Grammar(max_depth=3, max_items=14, noise=0.3)]
    names = sorted(set(fuzzkit.ADVERSARIAL) - fuzzkit.KNOWN_OPEN)
    deadline = time.monotonic() + args.seconds
    last_report = time.monotonic()
    round_no = 0
    while time.monotonic() < deadline:
        round_no += 1
        for _ in range(50):
            run.one("grammar", fuzzkit.grammar_text(rng, rng.choice(grammars)))
        if pages:
            for _ in range(5):
                page = rng.choice(pages)
                text = page
                for _ in range(rng.choice((1, 1, 1, 2, 8))):
                    text = fuzzkit.mutate(rng, text)
                run.one("mutation", text)
        if round_no % 4 == 0:
            name = rng.choice(names)
            size = rng.choice(args.sizes)
            run.one(f"adversarial_{name}", fuzzkit.adversarial(name, size))
        if time.monotonic() - last_report > 60:
            last_report = time.monotonic()
            print(f"[fuzz] {run.count} inputs, {run.failures} failing, "
                  f"{len(run.seen)} distinct", flush=True)


def run_atheris(run: Run, args: argparse.Namespace) -> None:
    try:
        import atheris  # type: ignore[import-not-found]
    except ImportError:
        sys.exit("run_fuzz: --engine atheris needs `pip install atheris`")
    deadline = time.monotonic() + args.seconds

    def target(data: bytes) -> None:
        if time.monotonic() > deadline:
            raise SystemExit(0)
        fdp = atheris.FuzzedDataProvider(data)
        run.one("atheris", fdp.ConsumeUnicodeNoSurrogates(len(data)))

    seeds = [p.encode("utf-8") for p in load_pages(args.corpus)[:50]]
    corpus_dir = Path(args.out).parent / ".atheris-corpus"
    corpus_dir.mkdir(parents=True, exist_ok=True)
    for i, s in enumerate(seeds):
        (corpus_dir / f"seed{i}").write_bytes(s)
    atheris.Setup([sys.argv[0], str(corpus_dir), f"-seed={args.seed}"], target)
    atheris.Fuzz()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=float(os.environ.get("FUZZ_SECONDS", 300)))
    ap.add_argument("--seed", type=int, default=int(os.environ.get("FUZZ_SEED", int(time.time()))))
    ap.add_argument("--engine", choices=("random", "atheris"), default=os.environ.get("FUZZ_ENGINE", "random"))
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "articles")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")],
                    default=[4_000, 100_000, 400_000], help="adversarial sizes (characters)")
    ap.add_argument("--memory-gb", type=float, default=4.0, help="address-space limit of the run")
    ap.add_argument("--hang-seconds", type=float, default=30.0, help="CPU s over budget = a hang")
    ap.add_argument("--shrink-seconds", type=float, default=60.0)
    ap.add_argument("--no-shrink", action="store_true")
    args = ap.parse_args(argv)

    limit = int(args.memory_gb * (1 << 30))
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    run = Run(args)
    print(f"[fuzz] engine {args.engine}, seed {args.seed}, {args.seconds:g} s, formats "
          f"{', '.join(fuzzkit.formats())}, memory limit {args.memory_gb:g} GB", flush=True)
    engine: Callable[[Run, argparse.Namespace], None] = run_atheris if args.engine == "atheris" else run_random
    try:
        engine(run, args)
    except KeyboardInterrupt:
        pass
    print(f"[fuzz] done: {run.count} inputs, {run.failures} failing, {len(run.seen)} distinct "
          f"failure(s), {len(run.stored)} stored (seed {args.seed})", flush=True)
    return 1 if run.stored else 0


if __name__ == "__main__":
    sys.exit(main())
