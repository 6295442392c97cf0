"""Rebuild the tool corpus: generate -> report.html -> DOCX/PDF -> 33 flattened texts -> fixtures + MANIFEST.

Usage (from the repository root, with every tool installed: `.ci/install-tools`):

    .venv/bin/python tests/corpus/regenerate.py [--out tests/corpus] [--jobs N] [--documents DIR]
    .venv/bin/python tests/corpus/regenerate.py --routes 'html.pandoc3-*' 'docx-*.pandoc3-plain'

`--out` receives `fixtures/` and `documents/` (default: this folder, i.e. the committed corpus).
`--documents` keeps every DOCX and PDF (default: a temporary directory, removed at the end).
`--routes` (fnmatch patterns) rewrites only those routes' texts for every report, and MANIFEST.json:
truth.json and report.html must already be there and equal to what the generator makes (checked),
only the documents those routes read are built, the other texts and documents/ are left alone.
"""

from __future__ import annotations

import argparse
import datetime
import fnmatch
import json
import logging
import os
import shutil
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `corpus` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus import tools
from corpus.generate import COUNT, SEED, generate, summary
from corpus.model import Report
from corpus.render import render_html

HERE = Path(__file__).resolve().parent
KINDS: tuple[str, ...] = ("2019", "2021", "mixed")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--out", type=Path, default=HERE, help="folder that receives fixtures/ and documents/"
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="parallel tool runs")
    parser.add_argument("--documents", type=Path, help="keep every DOCX/PDF here (default: temporary)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--count", type=int, default=COUNT)
    parser.add_argument(
        "--date", default=datetime.date.today().isoformat(), help="date written to MANIFEST.json"
    )
    parser.add_argument(
        "--routes",
        nargs="+",
        metavar="PATTERN",
        help="only these routes (fnmatch patterns on route names); everything else is left as it is",
    )
    return parser.parse_args(argv)


def chosen_routes(patterns: list[str] | None) -> list[tools.Route]:
    """The routes matching any pattern (all routes without patterns); a pattern matching none is an error."""
    if not patterns:
        return tools.routes()
    for pattern in patterns:
        if not any(fnmatch.fnmatchcase(route.name, pattern) for route in tools.routes()):
            raise SystemExit(f"regenerate: --routes {pattern!r} matches no route")
    return [
        route
        for route in tools.routes()
        if any(fnmatch.fnmatchcase(route.name, pattern) for pattern in patterns)
    ]


def write_truths(reports: list[Report], fixtures: Path) -> dict[str, Path]:
    """truth.json and report.html per report (stale report folders removed first); returns the HTML paths."""
    if fixtures.exists():
        for stale in fixtures.iterdir():
            if stale.is_dir():
                shutil.rmtree(stale)
    htmls: dict[str, Path] = {}
    for report in reports:
        folder = fixtures / report.id
        folder.mkdir(parents=True)
        text = json.dumps(report.truth(), ensure_ascii=False, indent=1) + "\n"
        (folder / "truth.json").write_text(text, encoding="utf-8")
        htmls[report.id] = folder / "report.html"
        htmls[report.id].write_text(render_html(report), encoding="utf-8")
    return htmls


def check_truths(reports: list[Report], fixtures: Path) -> dict[str, Path]:
    """For --routes: the committed truth.json and report.html must be what the generator makes now."""
    committed = sorted(path.name for path in fixtures.iterdir() if path.is_dir()) if fixtures.exists() else []
    if committed != sorted(report.id for report in reports):
        raise SystemExit(f"regenerate: {fixtures} does not hold these reports; run without --routes")
    htmls: dict[str, Path] = {}
    for report in reports:
        folder = fixtures / report.id
        truth = json.dumps(report.truth(), ensure_ascii=False, indent=1) + "\n"
        for name, text in (("truth.json", truth), ("report.html", render_html(report))):
            path = folder / name
            if not path.is_file() or path.read_bytes() != text.encode("utf-8"):
                raise SystemExit(f"regenerate: {path} is not what the generator makes; run without --routes")
        htmls[report.id] = folder / "report.html"
    return htmls


def _flatten_one(rid: str, html: str, docs: str, fixtures: str, names: list[str]) -> str:
    """Worker: write the named routes' texts for one report."""
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # Type 3 fonts: "Could not get FontBBox" noise
    outputs = tools.flatten_report(rid, Path(html), Path(docs), names)
    for route, data in outputs.items():
        (Path(fixtures) / rid / f"{route}.txt").write_bytes(data)
    return rid


def flatten_all(
    htmls: dict[str, Path], docs: Path, fixtures: Path, jobs: int, chosen: list[tools.Route]
) -> None:
    """Flatten every report by the chosen routes, `jobs` reports at a time."""
    names = [route.name for route in chosen]
    with ProcessPoolExecutor(jobs) as pool:
        futures = [
            pool.submit(_flatten_one, rid, str(p), str(docs), str(fixtures), names)
            for rid, p in htmls.items()
        ]
        for future in futures:
            print(f"flattened {future.result()}", file=sys.stderr)


def check_texts(reports: list[Report], fixtures: Path, chosen: list[tools.Route]) -> None:
    """Fail when a text lost its CJK (tofu, wrong encoding): every text must hold a title's words."""
    for report in reports:
        for route in chosen:
            data = (fixtures / report.id / f"{route.name}.txt").read_bytes().decode("utf-8")
            flat = "".join(data.split())
            if "总体情况" not in flat or "\ufffd" in data:
                raise RuntimeError(f"{report.id} {route.name}: no CJK text (font or encoding problem)")


def sample(reports: list[Report]) -> list[str]:
    """The six reports whose documents are committed: two per template kind, varied blank styles."""
    chosen: list[str] = []
    styles: set[str] = set()
    for kind in KINDS:
        picked = 0
        for report in reports:
            traits = report.traits
            if traits["template"] != kind or traits["missing_table"] or traits["blank_style"] in styles:
                continue
            chosen.append(report.id)
            styles.add(traits["blank_style"])
            picked += 1
            if picked == 2:
                break
    return chosen


def copy_documents(ids: list[str], docs: Path, target: Path) -> None:
    """Copy the sample's DOCX and PDF files into documents/ (other fixtures there are kept)."""
    target.mkdir(parents=True, exist_ok=True)
    for rid in ids:
        for name in (f"{rid}.lo.docx", f"{rid}.pandoc.docx", f"{rid}.lo.pdf", f"{rid}.chromium.pdf"):
            shutil.copyfile(docs / name, target / name)


def manifest(reports: list[Report], args: argparse.Namespace, documents: list[str]) -> dict[str, Any]:
    """MANIFEST.json: tool versions, seed, date, routes, reports and counts."""
    return {
        "generator": {"module": "tests/corpus/generate.py", "seed": args.seed, "count": args.count},
        "date": args.date,
        "tools": tools.tool_versions(),
        "routes": [route.manifest() for route in tools.routes()],
        "reports": [
            {
                "id": r.id,
                "slug": r.slug,
                "template": r.traits["template"],
                "blank_style": r.traits["blank_style"],
            }
            for r in reports
        ],
        "summary": summary(reports),
        "documents": documents,
    }


def changed_versions(fixtures: Path) -> list[str]:
    """For --routes: tools whose version differs from the committed MANIFEST.json (its other texts' tools)."""
    path = fixtures / "MANIFEST.json"
    if not path.is_file():
        return []
    committed = json.loads(path.read_text(encoding="utf-8")).get("tools", {})
    now = tools.tool_versions()
    return [
        f"{name} {version} -> {now.get(name, 'missing')}"
        for name, version in committed.items()
        if now.get(name) != version
    ]


def main(argv: list[str] | None = None) -> int:
    """Regenerate everything (or only --routes); exit 2 naming the packages when a tool is missing."""
    args = parse_args(argv)
    missing = tools.missing_tools()
    if missing:
        print("regenerate: cannot run, tools missing:\n  " + "\n  ".join(missing), file=sys.stderr)
        print("install them with .ci/install-tools", file=sys.stderr)
        return 2
    routes = chosen_routes(args.routes)
    reports = generate(args.seed, args.count)
    fixtures = args.out / "fixtures"
    if args.routes:
        htmls = check_truths(reports, fixtures)
        for change in changed_versions(fixtures):
            print(f"regenerate: warning: {change}; other routes' texts were not remade", file=sys.stderr)
    else:
        htmls = write_truths(reports, fixtures)
    with tempfile.TemporaryDirectory(prefix="corpus-") as scratch_name:
        scratch = Path(scratch_name)
        docs = args.documents or scratch / "documents"
        tools.build_documents(htmls, docs, scratch, args.jobs, routes)
        flatten_all(htmls, docs, fixtures, args.jobs, routes)
        check_texts(reports, fixtures, routes)
        chosen = sample(reports)
        if not args.routes:
            copy_documents(chosen, docs, args.out / "documents")
    text = json.dumps(manifest(reports, args, chosen), ensure_ascii=False, indent=1) + "\n"
    (fixtures / "MANIFEST.json").write_text(text, encoding="utf-8")
    print(f"regenerate: {len(reports)} reports, {len(routes)} routes -> {fixtures}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
