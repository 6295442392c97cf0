"""Output identity check for speed work, run on demand (never by pytest).

`python benchmarks/identity.py OUT.json` parses every real text (../shared seeds, corpus/real,
corpus/real-crawl), every tool-corpus fixture (tests/corpus/fixtures, .txt and .html) and every
document (tests/corpus/documents, ../shared/corpus/real-pdf and real-html, via parse_file) and
writes the sha256 of each report's sorted JSON to OUT.json. `--compare BASE.json` then lists every
file whose digest differs from BASE (or is missing on either side) and exits 1 if any does: an
optimisation must leave all of them unchanged.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
TEXT_SUFFIXES = {".txt"}
FILE_SUFFIXES = {".html", ".htm", ".pdf", ".docx", ".doc", ".odt", ".rtf", ".wps"}


def files() -> list[Path]:
    """Every input, in a stable order."""
    found: list[Path] = []
    for folder in (SHARED / "seeds", SHARED / "corpus" / "real", SHARED / "corpus" / "real-crawl"):
        found += sorted(p for p in folder.iterdir() if p.suffix in TEXT_SUFFIXES)
    fixtures = REPO / "tests" / "corpus" / "fixtures"
    found += sorted(p for p in fixtures.rglob("*") if p.suffix in TEXT_SUFFIXES | {".html"})
    documents = (REPO / "tests/corpus/documents", SHARED / "corpus/real-pdf", SHARED / "corpus/real-html")
    for folder in documents:
        found += sorted(p for p in folder.rglob("*") if p.suffix in FILE_SUFFIXES)
    return found


def label(path: Path) -> str:
    for root, name in ((SHARED, "shared"), (REPO, "repo")):
        if path.is_relative_to(root):
            return f"{name}/{path.relative_to(root)}"
    return str(path)


def digest(path: Path) -> tuple[str, str]:
    """(label, digest of the report's JSON) — or of the exception, which must not change either."""
    import govdisclosure

    try:
        if path.suffix == ".txt":
            report = govdisclosure.parse(path.read_text(encoding="utf-8"))
        else:
            report = govdisclosure.parse_file(path)
        payload = json.dumps(report.to_dict(), sort_keys=True, ensure_ascii=False)
    except Exception as exc:  # an exception is an output too
        # (Its message may name the file: by its label, so digests compare across checkouts.)
        payload = f"raised {type(exc).__name__}: {exc}".replace(str(path), label(path))
    return label(path), hashlib.sha256(payload.encode("utf-8")).hexdigest()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", help="where to write the digests (JSON)")
    ap.add_argument("--compare", metavar="BASE", help="digests to compare against")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    start = time.perf_counter()
    paths = files()
    with ProcessPoolExecutor(args.jobs) as pool:
        digests = dict(pool.map(digest, paths, chunksize=16))
    Path(args.out).write_text(json.dumps(digests, indent=1, sort_keys=True), encoding="utf-8")
    print(f"{len(digests)} files digested in {time.perf_counter() - start:.0f} s -> {args.out}")
    if not args.compare:
        return 0
    base = json.loads(Path(args.compare).read_text(encoding="utf-8"))
    changed = sorted(k for k in base.keys() | digests.keys() if base.get(k) != digests.get(k))
    for name in changed:
        print(f"CHANGED {name}")
    print(f"{len(digests)} compared, {len(changed)} changed")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
