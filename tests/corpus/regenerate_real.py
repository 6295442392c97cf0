"""Rebuild the real documents' tool texts: ../shared's published pages and PDFs through every route.

Usage (from the repository root, with every tool installed: `.ci/install-tools`):

    .venv/bin/python tests/corpus/regenerate_real.py [--out tests/corpus/real-tools]

The generated corpus (regenerate.py) is what the parser's rules are measured on; these are the
reports as published (`../shared/corpus/real-html/*.html`, `../shared/corpus/real-pdf/*.pdf`),
flattened by the same routes a user would take (the HTML routes for a page, the PDF routes for a
PDF). Their truth is the golden file of the same report (`tests/golden/`, with its `documents`
entry for the document), so nothing here writes a truth. `MANIFEST.json` lists each document, its
golden file and the tool versions.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `corpus` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus import tools

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1].parent / "shared" / "corpus"
# Each published document and the golden file of its report (tests/golden/<stem>.json).
DOCUMENTS: dict[str, str] = {
    "real-pdf/huaian-city-gov-2024.pdf": "009_huaian-city-gov-2024-pdf-layout",
    "real-pdf/huaian-hongze-gov-2023.pdf": "001_huaian-hongze-gov-2023-pdf-layout",
    "real-pdf/huaian-hongze-gov-2024.pdf": "003_huaian-hongze-gov-2024-pdf-layout",
    "real-html/pingtan-zone-2019.html": "006_pingtan-zone-2019-page-text",
    "real-html/pingtan-zone-2020.html": "011_pingtan-zone-2020-page-text",
    "real-html/pingtan-zone-2021.html": "012_pingtan-zone-2021-page-text",
    "real-html/pingtan-zone-2022.html": "013_pingtan-zone-2022-page-text",
    "real-html/pingtan-zone-2023.html": "005_pingtan-zone-2023-page-text",
    "real-html/pingtan-zone-2024.html": "014_pingtan-zone-2024-page-text",
    "real-html/pingtan-zone-2025.html": "007_pingtan-zone-2025-page-text",
}


def routes_for(document: str) -> list[tools.Route]:
    """The routes a user takes from this document: the HTML routes for a page, one maker's PDF routes
    for a PDF (the tool is what matters; `pdf-lo.` is the name its routes carry)."""
    if document.endswith(".html"):
        return [route for route in tools.routes() if route.source == "html"]
    return [route for route in tools.routes() if route.source == "pdf-lo"]


def route_key(route: tools.Route) -> str:
    """The route's name without the maker of the generated corpus's documents (`pdftotext-layout`)."""
    return route.name.split(".", 1)[1]


def main(argv: list[str] | None = None) -> int:
    """Flatten every published document by its routes into --out/<document>/<route>.txt."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=HERE / "real-tools")
    parser.add_argument("--date", default=datetime.date.today().isoformat())
    args = parser.parse_args(argv)
    missing = tools.missing_tools()
    if missing:
        print("missing tools: " + ", ".join(missing), file=sys.stderr)
        return 1
    manifest: dict[str, object] = {"date": args.date, "tools": tools.tool_versions(), "documents": {}}
    for document, golden in DOCUMENTS.items():
        folder = args.out / Path(document).name
        folder.mkdir(parents=True, exist_ok=True)
        names = []
        for route in routes_for(document):
            (folder / f"{route_key(route)}.txt").write_bytes(route.run(SHARED / document))
            names.append(route_key(route))
        manifest["documents"][document] = {"golden": golden, "routes": names}  # type: ignore[index]
        print(f"{document}: {len(names)} texts", file=sys.stderr)
    (args.out / "MANIFEST.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
