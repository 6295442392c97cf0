"""Parquet output in bounded memory (issue 16), run on demand: `python benchmarks/parquet.py`.

Writes 10,000 reports (`--reports`) with `to_parquet`, in a child process so its peak resident
memory (ru_maxrss) is its own: the corpus's html.crawl texts (tests/corpus/fixtures, 64 reports)
are parsed once and cycled, each copy under its own source name, so the figure is the writer's,
not 10,000 parses'. `--parse N` instead streams N corpus texts (cycled) through parse_many, as
`govdisclosure parse --format parquet` does. Prints the peak resident memory before and after
writing and tracemalloc's peak of Python allocations during the write; exit status 1 when the
peak resident memory exceeds `--limit-mb` (200).
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "corpus" / "fixtures"
ROUTE = "html.crawl.txt"


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def child(reports: int, parse: int, out: Path, partition: bool, trace: bool) -> dict[str, float]:
    """Write the Parquet output in this process; the measures as a dict."""
    import pyarrow.parquet as pq

    import govdisclosure

    texts = sorted(FIXTURES.glob(f"*/{ROUTE}"))
    before = _maxrss_mb()
    items: Iterator[object]
    if parse:
        count = parse
        items = govdisclosure.parse_many(itertools.islice(itertools.cycle(texts), parse))
    else:
        count = reports
        parsed = [govdisclosure.parse_file(p) for p in texts]
        before = _maxrss_mb()
        items = ((f"copy-{i}", parsed[i % len(parsed)]) for i in range(reports))
    if trace:  # tracemalloc's own bookkeeping inflates the RSS: measured in a run of its own
        tracemalloc.start()
    start = time.perf_counter()
    if parse:
        written = govdisclosure.to_parquet(items, out, partition_by="year" if partition else None)  # type: ignore[arg-type]
    else:
        from govdisclosure.parquet import ParquetSink

        with ParquetSink(out, partition_by="year" if partition else None) as sink:
            for source, report in items:  # type: ignore[misc]
                sink.write(report, source)
            written = sink.reports
    seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory() if trace else (0, 0)
    tracemalloc.stop()
    assert written == count
    # Counted from the files' footers: reading the table back would add its own memory to the peak.
    cells = sum(pq.ParquetFile(f).metadata.num_rows for f in (out / "cells").rglob("*.parquet"))
    size = sum(f.stat().st_size for f in out.rglob("*.parquet"))
    return {
        "reports": count,
        "cells": cells,
        "seconds": seconds,
        "rss_before_mb": before,
        "rss_peak_mb": _maxrss_mb(),
        "tracemalloc_peak_mb": peak / 2**20,
        "parquet_mb": size / 2**20,
    }


def _run(args: argparse.Namespace, trace: bool) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, __file__, "--child", str(Path(tmp) / "out")]
        command += ["--reports", str(args.reports), "--parse", str(args.parse)]
        command += (["--partition"] if args.partition else []) + (["--trace"] if trace else [])
        done = subprocess.run(command, capture_output=True, text=True, check=True)
    measures: dict[str, float] = json.loads(done.stdout)
    return measures


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=10_000, help="reports to write (default 10,000)")
    parser.add_argument("--parse", type=int, default=0, metavar="N", help="parse N texts instead of cycling")
    parser.add_argument("--partition", action="store_true", help="partition_by='year'")
    parser.add_argument("--limit-mb", type=float, default=200.0)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.reports, args.parse, Path(args.child), args.partition, args.trace)))
        return 0
    m, traced = (_run(args, trace) for trace in (False, True))
    print(
        f"{m['reports']:,} reports, {m['cells']:,} cells, {m['parquet_mb']:.1f} MB of Parquet in "
        f"{m['seconds']:.1f} s; peak RSS {m['rss_peak_mb']:.0f} MB "
        f"(before writing {m['rss_before_mb']:.0f} MB); "
        f"tracemalloc peak during the write {traced['tracemalloc_peak_mb']:.1f} MB"
    )
    return 0 if m["rss_peak_mb"] <= args.limit_mb else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
