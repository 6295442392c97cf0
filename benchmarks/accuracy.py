"""Accuracy on the project's tool corpus (issue 12), run on demand: `python benchmarks/accuracy.py`.

Parses every report of tests/corpus as each of its 33 routes printed it (committed fixtures: no
tool is run) and prints, per route and per blank style, what came back, scored as the tests score
it (tests/corpus/score.py):

- cells: cells read with the truth's kind and value; numbers: the same for number cells;
- wrong: numbers the parse gives where the truth has another number, or none (must be 0);
- kind: cells given another kind than the truth's, a number on one side (a blank for a printed
  number; must be 0);
- determinable: the cells whose place the text shows (every cell for a route that keeps blank
  cells, and for lynx on a report whose cells are paragraphs with no-break-space blanks; the cells
  of fully printed rows for one that drops them), and how many came back;
- tables, template, year, sections: found right, out of the reports.

`--documents DIR` also reads the documents themselves (HTML, DOCX, PDF) found in DIR as
`<id>.<maker>.<ext>` (tests/corpus/regenerate.py --documents writes them; the committed sample is
tests/corpus/documents/), and every report.html of the corpus. Documents that regenerate.py wrote
beside another corpus's fixtures (`--out DIR --documents DIR/docs`) are scored against that
corpus's truth; another `--fixtures` is refused. docs/flattening.md records a run.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "src"))

import govdisclosure  # noqa: E402
from corpus import DOCUMENTS, html, keeps_blanks, manifest, reports, routes, text, truth, use_fixtures  # noqa: E402
from corpus.score import Score, score  # noqa: E402

HEADER = (
    f"{'route':32} {'cells':>7} {'numbers':>7} {'determ.':>7} {'wrong':>5} {'kind':>4} "
    f"{'tables':>6} {'tmpl':>6} {'year':>6} {'sect.':>6} {'ms':>5}"
)


def _share(part: int, whole: int) -> str:
    return f"{part / whole:7.1%}" if whole else "      -"


class Tally:
    """Scores of one row of the table: summed cells, counted reports."""

    def __init__(self) -> None:
        self.score = Score()
        self.reports = 0
        self.template = 0
        self.year = 0
        self.seconds = 0.0

    def add(self, found: Score, seconds: float) -> None:
        self.score.add(found)
        self.reports += 1
        self.template += found.template_right
        self.year += found.year_right
        self.seconds += seconds

    def line(self, name: str) -> str:
        s = self.score
        ms = 1000 * self.seconds / max(self.reports, 1)
        return (
            f"{name:32} {_share(s.right, s.cells)} {_share(s.numbers_right, s.numbers)} "
            f"{_share(s.determinable_right, s.determinable)} {len(s.wrong):5} {len(s.misread):4} "
            f"{_share(s.tables_right, s.tables)[1:]} {_share(self.template, self.reports)[1:]} "
            f"{_share(self.year, self.reports)[1:]} {_share(s.sections_right, s.sections)[1:]} {ms:5.1f}"
        )


def texts(verbose: bool) -> None:
    """The 33 routes: per route, then per blank style (routes that keep blanks, then the others)."""
    by_route: dict[str, Tally] = collections.defaultdict(Tally)
    by_style: dict[tuple[bool, str], Tally] = collections.defaultdict(Tally)
    everything = Tally()
    for route in routes():
        for report_id in reports():
            expected = truth(report_id)
            start = time.perf_counter()
            report = govdisclosure.parse(text(report_id, route))
            seconds = time.perf_counter() - start
            keeps = keeps_blanks(route, expected)
            found = score(expected, report, keeps)
            by_route[route.name].add(found, seconds)
            by_style[(keeps, expected["traits"]["blank_style"])].add(found, seconds)
            everything.add(found, seconds)
            if verbose and (found.wrong or found.misread):
                print(f"  WRONG {route.name} {report_id}: {(found.wrong + found.misread)[:3]}")
    seed = manifest()["generator"]["seed"]
    print(f"Texts flattened by each route ({len(reports())} reports each, seed {seed}):")
    print(HEADER)
    for name, tally in by_route.items():
        print(tally.line(name))
    print(everything.line("ALL"))
    print("\nBy blank style (K: texts that keep blank cells' places; D: texts that drop them):")
    print(HEADER)
    for (keeps, style), tally in sorted(by_style.items()):
        print(tally.line(f"{'K' if keeps else 'D'} {style}"))


def documents(folder: Path | None, sample: bool = True) -> None:
    """The documents themselves: every report.html, and the DOCX and PDF files found (in `folder`,
    and the committed sample's when `sample`)."""
    by_kind: dict[str, Tally] = collections.defaultdict(Tally)
    for report_id in reports():
        start = time.perf_counter()
        report = govdisclosure.parse(html(report_id))
        by_kind["html (report.html)"].add(score(truth(report_id), report, True), time.perf_counter() - start)
    # The committed sample documents are of the committed corpus's reports only.
    for where in [*([DOCUMENTS] if sample else []), *([folder] if folder else [])]:
        for path in sorted(where.glob("r*.*.*")):
            report_id, maker, ext = path.name.split(".", 2)
            if ext not in ("docx", "pdf") or report_id not in reports():
                continue
            start = time.perf_counter()
            try:
                report = govdisclosure.parse_file(path)
            except govdisclosure.GovDisclosureError as exc:
                print(f"  {path.name}: {exc.message}")
                continue
            kind = f"{ext} ({maker}{', sample' if where == DOCUMENTS else ''})"
            by_kind[kind].add(score(truth(report_id), report, True), time.perf_counter() - start)
    print("\nDocuments read directly (parse_file):")
    print(HEADER)
    for name, tally in by_kind.items():
        print(tally.line(name))


def _fixtures_beside(folder: Path | None) -> Path | None:
    """The fixtures of the corpus whose documents `folder` holds, when regenerate.py --out DIR wrote
    both (`DIR/fixtures`, and `DIR/docs` as --documents); None for another folder."""
    beside = folder.resolve().parent / "fixtures" if folder else None
    return beside if beside is not None and (beside / "MANIFEST.json").is_file() else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=Path, help="a folder of <id>.<maker>.docx|pdf documents")
    parser.add_argument("--no-texts", action="store_true", help="only the documents")
    parser.add_argument("-v", "--verbose", action="store_true", help="list wrong numbers")
    parser.add_argument(
        "--fixtures",
        type=Path,
        help="another corpus's fixtures folder (regenerate.py --out DIR --seed N writes DIR/fixtures)",
    )
    args = parser.parse_args()
    beside = _fixtures_beside(args.documents)
    fixtures = args.fixtures or beside
    if args.fixtures and beside not in (None, args.fixtures.resolve()):
        # Scored against another corpus's truth, every document reads wrong (seeds differ).
        parser.error(f"--documents {args.documents} sits beside {beside}, not --fixtures")
    if fixtures:
        if not args.fixtures:
            print(f"(--documents {args.documents}: scored against the corpus beside it, {fixtures})")
        use_fixtures(fixtures)
    if not args.no_texts:
        texts(args.verbose)
    documents(args.documents, sample=fixtures is None)


if __name__ == "__main__":
    main()
