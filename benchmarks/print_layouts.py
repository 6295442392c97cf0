"""Review of print layouts (issue 12), run on demand: reports in random print layouts, through PDF.

The committed tool corpus prints every report in one layout (tests/corpus/render.py's). Real
reports come in many: narrow label cells that wrap a label over four lines, tall cells aligned
top, middle or bottom, small or large type, A5 or landscape pages, letter-spaced text. This script
renders `generate(seed, count)` (tests/corpus/generate.py) with random CSS of that kind, prints
each page to PDF with Chromium and LibreOffice, flattens each PDF with plain pdftotext, `-raw`,
`-layout`, pdfminer.six and pdfplumber, and scores every text against the generator's truth
(tests/corpus/score.py), as stops 51 to 54 did by hand (tests/corpus/heldout/review-layouts keeps
the texts that were read wrong). Needs the tools of `.ci/install-tools`.

    python benchmarks/print_layouts.py generate --out /tmp/review --seeds 20268805 --count 100
    python benchmarks/print_layouts.py score /tmp/review --save /tmp/review/head.jsonl
    python benchmarks/print_layouts.py score /tmp/review --baseline /tmp/review/head.jsonl

`score` prints each route's cells right and every text with a wrong number or a cell of another
kind; with `--baseline` (a `--save`d run, e.g. of an earlier commit), what changed.
"""

from __future__ import annotations

import argparse
import collections
import json
import logging
import random
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "src"))

import govdisclosure  # noqa: E402
from corpus import tools  # noqa: E402
from corpus.generate import generate  # noqa: E402
from corpus.render import render_html  # noqa: E402
from corpus.score import score  # noqa: E402

FLATTENERS = {
    "pdftotext": tools._pdftotext(),
    "pdftotext-raw": tools._pdftotext("-raw"),
    "pdftotext-layout": tools._pdftotext("-layout"),
    "pdfminer": tools._pdfminer,
    "pdfplumber": tools._pdfplumber,
}


def print_layout(rng: random.Random) -> dict[str, str]:
    """One random print layout: the choices stops 53 and 54 drew from, in their order (so a seed
    gives their review's pages again)."""
    return {
        "size": f"{rng.choice([8, 9, 10, 11, 12, 13, 15, 17, 19, 21])}px",
        "page": rng.choice(["A4", "A5", "A4 landscape", "A5 landscape"]),
        "valign": rng.choice(["top", "middle", "bottom"]),
        "height": rng.choice(["auto", "3em", "5em"]),
        "spacing": rng.choice(["0", "0", "0", "0.1em", "0.25em", "0.5em"]),
        "wrap": rng.choice(["normal", "normal", "nowrap"]),
        "line_height": rng.choice(["1.0", "1.3", "1.6", "2.2"]),
        "label_width": rng.choice(["auto", "4em", "6em"]),
        "margin": rng.choice(["1cm", "2cm"]),
    }


# Where a cell's text stands across it (`--align`): the committed corpus centres every cell, as
# many reports do; others set Word's default, left, or right-align numbers. Drawn from a random
# generator of its own, so that a seed without `--align` gives its earlier review's pages again.
ALIGNS = ["left", "right", "center", "left"]
# A cell's padding (`--padding`): how close a label's text stands to its row's first value, which
# decides whether a PDF tool joins them into one block; the committed corpus pads 2px 4px.
PADDINGS = ["0", "1px 2px", "2px 4px", "4px 8px", "8px 12px"]
# The type's family (`--font`): digits' widths and spacing differ between faces (the committed
# corpus asks for 宋体 and gets the machine's serif face; a real report may be set in a sans or a
# fixed-width face).
FONTS = ["serif", "sans-serif", "monospace"]


def css(layout: dict[str, str]) -> str:
    """The layout as CSS added to the rendered page's own."""
    align = layout.get("align")
    return (
        f"body{{font-size:{layout['size']};line-height:{layout['line_height']}}}"
        f"@page{{size:{layout['page']};margin:{layout['margin']}}}"
        f"td,th{{vertical-align:{layout['valign']};height:{layout['height']};"
        f"letter-spacing:{layout['spacing']};white-space:{layout['wrap']}}}"
        f"td:first-child{{width:{layout['label_width']}}}"
        # (the renderer centres a cell's paragraphs inline: only !important overrides that)
        + (f"td,th,td p,th p{{text-align:{align} !important}}" if align else "")
        + (f"td,th{{padding:{layout['padding']} !important}}" if "padding" in layout else "")
        + (f"body,td,th{{font-family:{layout['font']} !important}}" if "font" in layout else "")
    )


def _flatten(base: str) -> str:
    """Both PDFs of one page, and every text of each."""
    html, stem = Path(f"{base}.html"), Path(base)
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as scratch_dir:
        scratch = Path(scratch_dir)
        pdfs: dict[str, Path] = {}
        try:
            tools.chromium_pdf(html, stem.with_suffix(".chromium.pdf"), scratch)
            pdfs["chromium"] = stem.with_suffix(".chromium.pdf")
        except Exception as error:  # a tool's failure is reported, the rest still run
            print(f"chromium {html}: {error}", file=sys.stderr)
        try:
            tools.soffice([html], "pdf:writer_web_pdf_Export", scratch / "lo", scratch / "profile")
            pdfs["lo"] = (scratch / "lo" / f"{html.stem}.pdf").replace(stem.with_suffix(".lo.pdf"))
        except Exception as error:
            print(f"libreoffice {html}: {error}", file=sys.stderr)
        for maker, pdf in pdfs.items():
            for route, flatten in FLATTENERS.items():
                try:
                    Path(f"{base}.{maker}.{route}.txt").write_bytes(flatten(pdf))
                except Exception as error:
                    print(f"{route} {pdf}: {error}", file=sys.stderr)
    return base


def generate_review(
    out: Path,
    seeds: list[int],
    count: int,
    variants: int,
    jobs: int,
    align: bool = False,
    padding: bool = False,
    font: bool = False,
) -> None:
    """Pages, truths and layouts of every report in `variants` random layouts, then their texts;
    `align`: each layout also sets where the cells' text stands across them (ALIGNS); `padding`,
    the cells' padding (PADDINGS); `font`, the type's family (FONTS). Each is drawn from a random
    generator of its own, so that a seed without it gives its earlier pages again."""
    out.mkdir(parents=True, exist_ok=True)
    bases = []
    for seed in seeds:
        rng, aligns = random.Random(seed), random.Random(f"{seed}-align")
        paddings, fonts = random.Random(f"{seed}-padding"), random.Random(f"{seed}-font")
        for report in generate(seed, count):
            for variant in range(variants):
                layout = print_layout(rng)
                if align:
                    layout["align"] = aligns.choice(ALIGNS)
                if padding:
                    layout["padding"] = paddings.choice(PADDINGS)
                if font:
                    layout["font"] = fonts.choice(FONTS)
                base = out / f"s{seed}-{report.traits['blank_style']}-{report.id}-v{variant}"
                page = render_html(report).replace("</style>", css(layout) + "</style>")
                Path(f"{base}.html").write_text(page, encoding="utf-8")
                truth = json.dumps(report.truth(), ensure_ascii=False)
                Path(f"{base}.truth.json").write_text(truth, encoding="utf-8")
                Path(f"{base}.layout.json").write_text(json.dumps(layout), encoding="utf-8")
                bases.append(str(base))
    with ProcessPoolExecutor(jobs) as pool:
        for done, name in enumerate(pool.map(_flatten, bases), 1):
            print(f"{done}/{len(bases)} {Path(name).name}", flush=True)


def _score_text(path: str) -> dict[str, Any]:
    """One text's score (the route: its name after the report's; `-layout` keeps blank cells)."""
    text = Path(path)
    base, route = text.name.split(".", 1)[0], text.name.split(".", 1)[1].removesuffix(".txt")
    truth = json.loads((text.parent / f"{base}.truth.json").read_text(encoding="utf-8"))
    found = score(
        truth, govdisclosure.parse(text.read_text(encoding="utf-8")), keeps_blanks=route.endswith("layout")
    )
    return {"text": text.name, "route": route, "cells": found.cells, "right": found.right,
            "wrong": found.wrong, "misread": found.misread}  # fmt: skip


def score_review(folder: Path, jobs: int, save: Path | None, baseline: Path | None) -> None:
    """Print each route's cells right and the texts read wrong; with `baseline`, what changed."""
    paths = sorted(str(p) for p in folder.glob("*.txt"))
    with ProcessPoolExecutor(jobs) as pool:
        rows = list(pool.map(_score_text, paths, chunksize=8))
    if save is not None:
        save.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    cells: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    for row in rows:
        cells[row["route"]][0] += row["right"]
        cells[row["route"]][1] += row["cells"]
    for route, (right, total) in sorted(cells.items()):
        print(f"{route:28} {right:>8} / {total:<8} {right / max(total, 1):6.1%}")
    bad = [r for r in rows if r["wrong"] or r["misread"]]
    print(f"{len(rows)} texts, {len(bad)} with a wrong number or a cell of another kind")
    for row in bad:
        print(f"  {row['text']}: {(row['wrong'] or row['misread'])[0]}")
    if baseline is not None:
        before = {r["text"]: r for r in map(json.loads, baseline.read_text(encoding="utf-8").splitlines())}
        change: dict[str, int] = collections.Counter()
        for row in rows:
            if row["text"] in before:
                change[row["route"]] += row["right"] - before[row["text"]]["right"]
        print("cells right against the baseline:", dict(sorted(change.items())))


def main() -> None:
    """Generate or score a review of print layouts."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("generate", help="render, print and flatten the reports")
    make.add_argument("--out", type=Path, required=True)
    make.add_argument("--seeds", default="20268805", help="comma-separated generator seeds")
    make.add_argument("--count", type=int, default=100, help="reports a seed")
    make.add_argument("--variants", type=int, default=2, help="random layouts a report")
    make.add_argument("--jobs", type=int, default=2)
    make.add_argument("--align", action="store_true", help="also draw each layout's cell text alignment")
    make.add_argument("--padding", action="store_true", help="also draw each layout's cell padding")
    make.add_argument("--font", action="store_true", help="also draw each layout's type family")
    rate = commands.add_parser("score", help="parse and score every text of a review")
    rate.add_argument("folder", type=Path)
    rate.add_argument("--jobs", type=int, default=2)
    rate.add_argument("--save", type=Path, help="write each text's score (JSON lines)")
    rate.add_argument("--baseline", type=Path, help="a saved run to compare with")
    args = parser.parse_args()
    if args.command == "generate":
        seeds = [int(s) for s in args.seeds.split(",")]
        generate_review(
            args.out, seeds, args.count, args.variants, args.jobs, args.align, args.padding, args.font
        )
    else:
        score_review(args.folder, args.jobs, args.save, args.baseline)


if __name__ == "__main__":
    main()
