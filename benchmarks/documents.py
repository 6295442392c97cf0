"""Document speed and memory (issue 13), run on demand: `python benchmarks/documents.py [FILE...]`.

For each document (default: the committed PDF and DOCX sample of tests/corpus/documents, the real
PDFs of ../shared/corpus/real-pdf, the real pages of ../shared/corpus/real-html and three generated
report.html pages) a fresh interpreter imports govdisclosure, parses the file once to warm up,
then times `parse_file` (median of 3) and reports the peak resident memory the parse added over
the imported interpreter. PDF time is also given per page. Targets of issue 13: a typical 5-page
report PDF <= 0.5 s, a DOCX or a 100 KB page <= 50 ms, on one core. docs/performance.md records a run.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
TARGET_PDF_S = 0.5
TARGET_DOC_MS = 50.0


def _peak_kb() -> int:
    """Peak resident memory of this process (VmHWM), in KB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def _child(path: str) -> None:
    """Measure one document in this (fresh) interpreter; print one JSON object."""
    sys.path.insert(0, str(REPO / "src"))
    import govdisclosure

    before = _peak_kb()
    govdisclosure.parse_file(path)  # warm: templates, lexicon, grammar, PDFium's and pdfplumber's imports
    times = []
    for _ in range(3):
        start = time.perf_counter()
        report = govdisclosure.parse_file(path)
        times.append(time.perf_counter() - start)
    pages = 0
    if report.encoding == "pdf":
        import pypdfium2

        with pypdfium2.PdfDocument(path) as pdf:
            pages = len(pdf)
    print(
        json.dumps(
            {
                "seconds": statistics.median(times),
                "pages": pages,
                "kind": report.encoding,
                "added_mb": (_peak_kb() - before) / 1024,
                "kb": Path(path).stat().st_size / 1024,
            }
        )
    )


def _defaults() -> list[Path]:
    documents = REPO / "tests" / "corpus" / "documents"
    fixtures = REPO / "tests" / "corpus" / "fixtures"
    return [
        *sorted(documents.glob("*.pdf")),
        *sorted(documents.glob("*.docx")),
        *sorted((SHARED / "corpus" / "real-pdf").glob("*.pdf")),
        *sorted((SHARED / "corpus" / "real-html").glob("*.html")),
        *(fixtures / name / "report.html" for name in ("r001", "r002", "r055")),
    ]


def main(argv: list[str]) -> None:
    if argv[:1] == ["--child"]:
        _child(argv[1])
        return
    paths = [Path(a) for a in argv] or _defaults()
    print(f"{'document':48} {'KB':>6} {'pages':>5} {'ms':>7} {'ms/page':>7} {'+MB':>6}")
    by_kind: dict[str, list[float]] = {}
    for path in paths:
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(path)], capture_output=True, text=True, check=True
        )
        m = json.loads(out.stdout)
        ms = 1000 * m["seconds"]
        per_page = f"{ms / m['pages']:7.1f}" if m["pages"] else "      -"
        name = str(path.relative_to(REPO.parent)) if path.is_relative_to(REPO.parent) else str(path)
        pages = m["pages"] or "-"
        print(f"{name[-48:]:48} {m['kb']:6.0f} {pages:>5} {ms:7.1f} {per_page} {m['added_mb']:6.1f}")
        by_kind.setdefault(m["kind"] if m["kind"] in ("pdf", "docx") else "html", []).append(ms)
    for kind, values in by_kind.items():
        median = statistics.median(values)
        target = 1000 * TARGET_PDF_S if kind == "pdf" else TARGET_DOC_MS
        verdict = "met" if median <= target else f"MISSED by {median / target:.1f}x"
        print(f"{kind}: median {median:.1f} ms over {len(values)} (target <= {target:g} ms): {verdict}")


if __name__ == "__main__":
    main(sys.argv[1:])
