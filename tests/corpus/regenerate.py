"""Rebuild the tool corpus: generate -> report.html -> DOCX/PDF -> 28 flattened texts -> fixtures + MANIFEST.

Usage (from the repository root, with every tool installed: `.ci/install-tools`):

    .venv/bin/python tests/corpus/regenerate.py [--out tests/corpus] [--jobs N] [--documents DIR]

`--out` receives `fixtures/` and `documents/` (default: this folder, i.e. the committed corpus).
`--documents` keeps every DOCX and PDF (default: a temporary directory, removed at the end).
"""

from __future__ import annotations

import argparse
import datetime
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
    return parser.parse_args(argv)


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


def _flatten_one(rid: str, html: str, docs: str, fixtures: str) -> str:
    """Worker: write every route's text for one report."""
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # Type 3 fonts: "Could not get FontBBox" noise
    outputs = tools.flatten_report(rid, Path(html), Path(docs))
    for route, data in outputs.items():
        (Path(fixtures) / rid / f"{route}.txt").write_bytes(data)
    return rid


def flatten_all(htmls: dict[str, Path], docs: Path, fixtures: Path, jobs: int) -> None:
    """Flatten every report by every route, `jobs` reports at a time."""
    with ProcessPoolExecutor(jobs) as pool:
        futures = [
            pool.submit(_flatten_one, rid, str(p), str(docs), str(fixtures)) for rid, p in htmls.items()
        ]
        for future in futures:
            print(f"flattened {future.result()}", file=sys.stderr)


def check_texts(reports: list[Report], fixtures: Path) -> None:
    """Fail when a text lost its CJK (tofu, wrong encoding): every text must hold a title's words."""
    for report in reports:
        for route in tools.routes():
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
    """Copy the sample's DOCX and PDF files into documents/."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
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


def main(argv: list[str] | None = None) -> int:
    """Regenerate everything; exit 2 naming the packages when a tool is missing."""
    args = parse_args(argv)
    missing = tools.missing_tools()
    if missing:
        print("regenerate: cannot run, tools missing:\n  " + "\n  ".join(missing), file=sys.stderr)
        print("install them with .ci/install-tools", file=sys.stderr)
        return 2
    reports = generate(args.seed, args.count)
    fixtures = args.out / "fixtures"
    htmls = write_truths(reports, fixtures)
    with tempfile.TemporaryDirectory(prefix="corpus-") as scratch_name:
        scratch = Path(scratch_name)
        docs = args.documents or scratch / "documents"
        tools.build_documents(htmls, docs, scratch, args.jobs)
        flatten_all(htmls, docs, fixtures, args.jobs)
        check_texts(reports, fixtures)
        chosen = sample(reports)
        copy_documents(chosen, docs, args.out / "documents")
    text = json.dumps(manifest(reports, args, chosen), ensure_ascii=False, indent=1) + "\n"
    (fixtures / "MANIFEST.json").write_text(text, encoding="utf-8")
    print(f"regenerate: {len(reports)} reports, {len(tools.routes())} routes -> {fixtures}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
