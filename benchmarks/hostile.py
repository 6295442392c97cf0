"""Hostile inputs in linear time (issues 7 and 14), run on demand: `python benchmarks/hostile.py`.

Each input of tests/hostile/corpus.py (a 10 MB line, a million short lines, runs of spaces,
digits, labels and markers, nested HTML tables …) is parsed at its size (`--full`: the sizes
issue 7 names) by tests/hostile/measure.py: first a 1/20 slice, then the whole under a watchdog.
Two verdicts per input, the ones the test suite asserted before timing moved here (the suite
keeps memory, diagnostics and serialization; it times nothing):

- within the ceiling: the whole takes at most GOVDISCLOSURE_SECONDS_PER_MCHAR (60) seconds per
  million characters plus one second (about four times a real report's cost on 2 cores);
- linear: the whole costs at most three times its slice scaled up, plus half a second.

Exit status 1 when an input misses either; docs/robustness.md explains the ceilings.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "src"))

from hostile import CASES, measure  # noqa: E402


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="the sizes issue 7 names (slower)")
    parser.add_argument("--only", help="comma-separated case names")
    args = parser.parse_args(argv)
    chosen = [c for c in CASES if not args.only or c.name in args.only.split(",")]
    missed = 0
    print(f"{'case':22} {'chars':>11} {'seconds':>8} {'ceiling':>8} {'linear':>7}  verdict")
    for case in chosen:
        m = measure(case.build, case.full if args.full else case.ci)
        within = m.error is None and m.seconds is not None and m.seconds <= m.ceiling
        linear = m.seconds is not None and m.seconds <= 3 * m.projected + 0.5
        took = f"{m.seconds:8.2f}" if m.seconds is not None else "     n/a"
        ratio = f"{m.seconds / max(m.projected, 1e-9):7.1f}" if m.seconds is not None else "    n/a"
        verdict = "ok" if within and linear else f"MISSED ({m.describe()})"
        missed += not (within and linear)
        print(f"{case.name:22} {m.chars:11,} {took} {m.ceiling:8.1f} {ratio}  {verdict}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
