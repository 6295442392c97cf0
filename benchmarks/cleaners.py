"""Tool texts a cleaner touched (docs/flattening.md), run on demand: `python benchmarks/cleaners.py`.

Applies each cleaner of tests/corpus/cleaners.py (stripping lines, squeezing spaces, dropping
blank lines or form feeds, wrapping or joining lines) to every text of a tool corpus, parses it,
and prints per cleaner and route the texts it changed, the wrong numbers and the cells of another
kind (both must be 0 for the cleaners the tests hold to it: `SETTLED`), and the cells read right.
`--fixtures DIR` (repeatable) measures other corpora (regenerate.py --seed N --out DIR writes
DIR/fixtures); `--cleaners` picks some by name; `-v` lists the first problems of each.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "src"))

import govdisclosure  # noqa: E402
from corpus import FIXTURES, reports, routes, text, truth, use_fixtures  # noqa: E402
from corpus.cleaners import ALL, SETTLED  # noqa: E402
from corpus.score import Score, score  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Measure the cleaners; exit 1 when a settled one gives a wrong number or a cell of another kind."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", type=Path, action="append", help="a corpus's fixtures folder")
    parser.add_argument("--cleaners", help="names, comma-separated (default: all)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the first problems")
    args = parser.parse_args(argv)
    names = args.cleaners.split(",") if args.cleaners else list(ALL)
    unknown = [n for n in names if n not in ALL]
    if unknown:
        parser.error(f"no cleaner named {unknown[0]!r}; there are: {', '.join(ALL)}")
    tallies: dict[tuple[str, str], Score] = collections.defaultdict(Score)
    changed: collections.Counter[tuple[str, str]] = collections.Counter()
    examples: dict[tuple[str, str], list[str]] = collections.defaultdict(list)
    folders = args.fixtures or [FIXTURES]
    for folder in folders:
        use_fixtures(folder)
        for route in routes():
            for report in reports():
                printed = text(report, route.name)
                for name in names:
                    cleaned = ALL[name](printed)
                    if cleaned == printed:
                        continue
                    found = score(truth(report), govdisclosure.parse(cleaned), keeps_blanks=False)
                    key = (name, route.name)
                    changed[key] += 1
                    tallies[key].add(found)
                    problems = found.wrong + found.misread
                    examples[key] += [f"{folder.parent.name}/{report}: {p}" for p in problems[:3]]
    print(f"Cleaners on {len(folders)} corpus folder(s): {', '.join(str(f) for f in folders)}")
    print(f"{'cleaner':34} {'route':30} {'texts':>5} {'wrong':>5} {'kind':>4} {'cells':>7}")
    failed = False
    for name in names:
        total, texts = Score(), 0
        for (cleaner, route), found in tallies.items():
            if cleaner != name:
                continue
            total.add(found)
            texts += changed[(cleaner, route)]
            if found.wrong or found.misread:
                print(_line(name, route, changed[(cleaner, route)], found))
                if args.verbose:
                    print("    " + "\n    ".join(examples[(cleaner, route)][:3]))
        print(_line(name, "all routes", texts, total))
        failed |= name in SETTLED and bool(total.wrong or total.misread)
    return 1 if failed else 0


def _line(cleaner: str, route: str, texts: int, found: Score) -> str:
    cells = f"{found.right / found.cells:7.1%}" if found.cells else "      -"
    return f"{cleaner:34} {route:30} {texts:5} {len(found.wrong):5} {len(found.misread):4} {cells}"


if __name__ == "__main__":
    sys.exit(main())
