"""Benchmarks for issues 6 and 14, run on demand (never by pytest): `python benchmarks/run.py [--quick]`.

Measures, on the real reports in ../shared and on synthetic texts: per-report parse time (median,
p95; the seeds apart), reports per second on one core, time per KB from 5 KB to 10 MB in five input
shapes, cold import time and the first parse after it, peak memory, `govdisclosure parse --jobs 2`
against `--jobs 1`, per-text time over the tool corpus (tests/corpus/fixtures: median, p95, worst)
and a `--jobs 2` batch over it (reports/s, peak memory of the largest worker). Every timing is
also a multiple of a regex baseline (inputs.baseline) timed in the same run on the same text.
Each target is checked and a miss says by how much. docs/performance.md explains it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import inputs

# The targets of issue 6.
TARGET_TYPICAL_MS = 2.0
TARGET_TYPICAL_X = 10.0
TARGET_LINEAR = 2.0
TARGET_IMPORT_MS = 150.0
TARGET_MEMORY_MB = 30.0
TARGET_JOBS = 1.7
# The targets of issue 14.
TARGET_SEED_MS = 4.0
TARGET_SEED_X = 20.0
TARGET_TOOL_P95_MS = 8.0
TARGET_TOOL_WORST_MS = 20.0
TARGET_IMPORT14_MS = 100.0
TARGET_FIRST_PARSE_MS = 25.0
TARGET_BATCH_PER_S = 150.0
TARGET_WORKER_MB = 40.0
TOOL_CORPUS = inputs.REPO / "tests" / "corpus" / "fixtures"
SIZES_KB = (5, 10, 100, 1_000, 10_000)


def best(fn: Callable[[], object], repeats: int) -> float:
    """The median of `repeats` timings of fn(), in seconds (the median resists a busy machine)."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def verdict(value: float, target: float, unit: str = "") -> str:
    if value <= target:
        return f"met (target <= {target:g}{unit})"
    return f"MISSED by {value / target:.1f}x (target <= {target:g}{unit})"


def peak_kb() -> int:
    """This process's peak resident memory in KB. VmHWM, not ru_maxrss: Linux carries ru_maxrss
    across exec, so a child of a big parent would start at the parent's peak."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _child(argv: list[str]) -> None:
    """Measurements that need a fresh interpreter; prints one JSON object."""
    mode = argv[0]
    if mode == "import":
        start = time.perf_counter()
        import govdisclosure

        imported = time.perf_counter() - start
        name, text = next((n, t) for n, t in inputs.corpus() if inputs.TYPICAL_KB[0] <= inputs.kb(t) <= 10)
        start = time.perf_counter()
        govdisclosure.parse(text)
        first = time.perf_counter() - start
        print(json.dumps({"import_s": imported, "first_parse_s": first, "report": name}))
    elif mode == "memory":
        before = peak_kb()
        import govdisclosure

        imported = peak_kb()
        size = float(argv[1])
        text = inputs.shape("repeat", size) if size else inputs.corpus()[3][1]
        loaded = peak_kb()
        govdisclosure.parse(text)
        after = peak_kb()
        print(
            json.dumps(
                {"interpreter_kb": before, "import_kb": imported, "input_kb": loaded, "peak_kb": after}
            )
        )
    elif mode == "scale":
        import govdisclosure

        shape, size, repeats = argv[1], float(argv[2]), int(argv[3])
        text = inputs.shape(shape, size)
        govdisclosure.parse(inputs.corpus()[0][1])  # warm: grammars built, caches filled
        base = best(lambda: inputs.baseline(text), max(repeats, 3))
        parse = best(lambda: govdisclosure.parse(text), repeats)
        rss = peak_kb()
        print(
            json.dumps(
                {
                    "kb": inputs.kb(text),
                    "lines": text.count("\n") + 1,
                    "parse_s": parse,
                    "baseline_s": base,
                    "peak_rss_kb": rss,
                }
            )
        )
    elif mode == "batch":
        # A small process of its own, so the CLI's peak memory (RUSAGE_CHILDREN: the largest of
        # the CLI and its workers) is not this benchmark's (Linux keeps ru_maxrss across exec).
        jobs = argv[1]
        with tempfile.TemporaryDirectory() as tmp:
            paths = sorted(TOOL_CORPUS.rglob("*.txt"))
            for i, path in enumerate(paths):
                os.symlink(path, Path(tmp, f"{i:05d}.txt"))
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "govdisclosure", "parse", tmp, "--json", "--jobs", jobs],
                stdout=subprocess.DEVNULL,
                check=True,
            )
            took = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        print(json.dumps({"reports": len(paths), "seconds": took, "peak_worker_kb": peak}))
    else:
        raise SystemExit(f"unknown child mode {mode}")


def child(*args: str, timeout: float) -> dict[str, Any] | None:
    """Run a child measurement; None when it runs out of time."""
    env = dict(os.environ)
    # Bytecode is cached as after `pip install` (this sandbox sets PYTHONDONTWRITEBYTECODE).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    cmd = [
        sys.executable,
        "-X",
        f"pycache_prefix={tempfile.gettempdir()}/govdisclosure-bench-pyc",
        __file__,
        "_child",
        *args,
    ]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env, check=True)
    except subprocess.TimeoutExpired:
        return None
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def bench_corpus(repeats: int) -> dict[str, Any]:
    import govdisclosure

    rows = []
    for name, text in inputs.corpus():
        govdisclosure.parse(text)
        base = best(lambda t=text: inputs.baseline(t), repeats * 3)
        took = best(lambda t=text: govdisclosure.parse(t), repeats)
        rows.append({"name": name, "kb": inputs.kb(text), "parse_ms": took * 1e3, "x": took / base})
    typical = [r for r in rows if inputs.TYPICAL_KB[0] <= r["kb"] <= inputs.TYPICAL_KB[1]]
    seeds = [r for r, (path, _) in zip(rows, inputs.corpus(), strict=True) if path in inputs.seed_names()]

    def stats(group: list[dict[str, Any]]) -> dict[str, float]:
        ms = sorted(r["parse_ms"] for r in group)
        xs = sorted(r["x"] for r in group)
        p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
        return {
            "median_ms": statistics.median(ms),
            "p95_ms": p95,
            "median_x": statistics.median(xs),
            "p95_x": xs[min(len(xs) - 1, round(0.95 * (len(xs) - 1)))],
            "n": len(group),
        }

    total_s = sum(r["parse_ms"] for r in rows) / 1e3
    return {
        "reports": rows,
        "all": stats(rows),
        "typical": stats(typical),
        "seeds": stats(seeds),
        "reports_per_s": len(rows) / total_s,
    }


def bench_tool(repeats: int, limit: int | None) -> dict[str, Any]:
    """Per-text parse time over the tool corpus (warm: the median of `repeats` parses each)."""
    import govdisclosure

    paths = sorted(TOOL_CORPUS.rglob("*.txt"))[:limit]
    ms = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        govdisclosure.parse(text)
        ms.append(
            (best(lambda t=text: govdisclosure.parse(t), repeats) * 1e3, str(path.relative_to(TOOL_CORPUS)))
        )
    ms.sort()
    times = [m for m, _ in ms]
    return {
        "n": len(times),
        "median_ms": statistics.median(times),
        "p95_ms": times[round(0.95 * (len(times) - 1))],
        "worst_ms": times[-1],
        "worst": ms[-1][1],
    }


def bench_batch(jobs: int, timeout: float) -> dict[str, Any] | None:
    """`govdisclosure parse DIR --json --jobs N` over the tool corpus's texts, in a fresh child."""
    return child("batch", str(jobs), timeout=timeout)


def bench_scale(shapes: tuple[str, ...], sizes: tuple[int, ...], timeout: float) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for shape in shapes:
        rows: list[dict[str, Any]] = []
        for size in sizes:
            if rows and rows[-1].get("parse_s") is not None:
                estimate = rows[-1]["parse_s"] * size / rows[-1]["kb"] * 2
                if estimate > timeout:
                    rows.append({"size_kb": size, "skipped": f"estimated {estimate:.0f} s > {timeout:.0f} s"})
                    continue
            elif rows:
                rows.append({"size_kb": size, "skipped": "a smaller size timed out"})
                continue
            repeats = 21 if size <= 10 else 5 if size <= 100 else 1
            got = child("scale", shape, str(size), str(repeats), timeout=timeout)
            if got is None:
                rows.append({"size_kb": size, "parse_s": None, "skipped": f"timed out after {timeout:.0f} s"})
                continue
            got.update(
                size_kb=size, ms_per_kb=got["parse_s"] * 1e3 / got["kb"], x=got["parse_s"] / got["baseline_s"]
            )
            rows.append(got)
            print(
                f"  {shape:11} {size:>6} KB  {got['ms_per_kb']:8.3f} ms/KB  {got['x']:7.0f}x baseline"
                f"  {got['parse_s']:8.3f} s  rss {got['peak_rss_kb'] / 1024:.0f} MB",
                flush=True,
            )
        out[shape] = rows
    return out


def bench_import(runs: int) -> dict[str, Any]:
    child("import", timeout=120)  # fills the bytecode cache
    got = [child("import", timeout=120) for _ in range(runs)]
    found = [g for g in got if g]
    return {
        "import_ms": statistics.median(g["import_s"] for g in found) * 1e3,
        "first_parse_ms": statistics.median(g["first_parse_s"] for g in found) * 1e3,
    }


def bench_memory() -> dict[str, Any]:
    typical = child("memory", "0", timeout=120) or {}
    big = child("memory", "1000", timeout=600) or {}
    return {
        "typical_mb": (typical["peak_kb"] - typical["interpreter_kb"]) / 1024,
        "import_mb": (typical["import_kb"] - typical["interpreter_kb"]) / 1024,
        "one_mb_input_mb": (big["peak_kb"] - big["input_kb"]) / 1024 if big else None,
    }


def bench_jobs(count: int, jobs: tuple[int, ...], timeout: float) -> dict[str, Any]:
    reports = inputs.corpus()
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(count):
            name, text = reports[i % len(reports)]
            Path(tmp, f"{i:05d}-{name}").write_text(text, encoding="utf-8")
        base = sum(best(lambda t=t: inputs.baseline(t), 3) for _, t in reports) * count / len(reports)
        out: dict[str, Any] = {"reports": count, "baseline_s": base}
        for n in jobs:
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "govdisclosure", "parse", tmp, "--json", "--jobs", str(n)],
                stdout=subprocess.DEVNULL,
                check=True,
                timeout=timeout,
            )
            took = time.perf_counter() - start
            out[f"jobs{n}_s"] = took
            print(f"  --jobs {n}: {count} reports in {took:.1f} s = {count / took:.1f} reports/s", flush=True)
        return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, sizes up to 1 MB, 200 reports")
    parser.add_argument(
        "--only", default="corpus,tool,import,memory,scale,jobs,batch", help="comma-separated parts"
    )
    parser.add_argument("--shapes", default=",".join(inputs.SHAPES), help="comma-separated scale shapes")
    parser.add_argument("--max-kb", type=int, default=10_000, help="largest scaling input (KB)")
    parser.add_argument("--timeout", type=float, default=300, help="seconds allowed per measurement")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    args = parser.parse_args()
    parts = set(args.only.split(","))
    repeats = 5 if args.quick else 15
    results: dict[str, Any] = {"python": sys.version.split()[0], "cpus": os.cpu_count()}
    summary: list[str] = []

    if "corpus" in parts:
        print("per report (warm, one core):", flush=True)
        c = results["corpus"] = bench_corpus(repeats)
        for r in c["reports"]:
            print(f"  {r['name'][:40]:40} {r['kb']:5.1f} KB {r['parse_ms']:8.2f} ms {r['x']:7.0f}x")
        t, a, seeds = c["typical"], c["all"], c["seeds"]
        summary += [
            f"typical report ({t['n']} of 5-10 KB): median {t['median_ms']:.2f} ms, p95 {t['p95_ms']:.2f} ms"
            f" -- {verdict(t['median_ms'], TARGET_TYPICAL_MS, ' ms')}",
            f"typical report vs baseline: median {t['median_x']:.0f}x, p95 {t['p95_x']:.0f}x"
            f" -- {verdict(t['median_x'], TARGET_TYPICAL_X, 'x')}",
            f"all {a['n']} reports: median {a['median_ms']:.2f} ms, p95 {a['p95_ms']:.2f} ms;"
            f" {c['reports_per_s']:.1f} reports/s on one core",
            f"seed report ({seeds['n']}): median {seeds['median_ms']:.2f} ms"
            f" -- {verdict(seeds['median_ms'], TARGET_SEED_MS, ' ms')}; median {seeds['median_x']:.0f}x"
            f" the baseline -- {verdict(seeds['median_x'], TARGET_SEED_X, 'x')}",
        ]
    if "tool" in parts:
        print("tool corpus (warm, one core):", flush=True)
        tc = results["tool"] = bench_tool(3, 300 if args.quick else None)
        summary += [
            f"tool corpus ({tc['n']} texts): median {tc['median_ms']:.2f} ms, p95 {tc['p95_ms']:.2f} ms"
            f" -- {verdict(tc['p95_ms'], TARGET_TOOL_P95_MS, ' ms')}; worst {tc['worst_ms']:.1f} ms"
            f" ({tc['worst']}) -- {verdict(tc['worst_ms'], TARGET_TOOL_WORST_MS, ' ms')}",
        ]
    if "import" in parts:
        print("cold import:", flush=True)
        i = results["import"] = bench_import(3 if args.quick else 7)
        summary.append(
            f"cold import {i['import_ms']:.0f} ms -- {verdict(i['import_ms'], TARGET_IMPORT14_MS, ' ms')}"
            f"; first parse after it {i['first_parse_ms']:.0f} ms"
            f" -- {verdict(i['first_parse_ms'], TARGET_FIRST_PARSE_MS, ' ms')}"
        )
    if "memory" in parts:
        print("memory:", flush=True)
        m = results["memory"] = bench_memory()
        summary.append(
            f"peak memory above the interpreter, typical report: {m['typical_mb']:.1f} MB"
            f" (import alone {m['import_mb']:.1f} MB) -- {verdict(m['typical_mb'], TARGET_MEMORY_MB, ' MB')}"
        )
        if m["one_mb_input_mb"] is not None:
            summary.append(f"parsing a 1 MB input adds {m['one_mb_input_mb']:.0f} MB peak")
    if "scale" in parts:
        print("time per KB by size and shape (fresh process each):", flush=True)
        sizes = tuple(s for s in SIZES_KB if s <= (1_000 if args.quick else args.max_kb))
        s = results["scale"] = bench_scale(tuple(args.shapes.split(",")), sizes, args.timeout)
        for shape, rows in s.items():
            ref = next((r for r in rows if r["size_kb"] == 10 and r.get("parse_s")), None)
            big = [r for r in rows if r.get("parse_s")][-1] if any(r.get("parse_s") for r in rows) else None
            if ref is None or big is None or big is ref:
                summary.append(f"linearity, {shape}: not measured")
                continue
            ratio = big["ms_per_kb"] / ref["ms_per_kb"]
            missing = [r for r in rows if not r.get("parse_s")]
            note = f"; larger sizes not run: {missing[0]['skipped']}" if missing else ""
            summary.append(
                f"linearity, {shape}: ms/KB at {big['size_kb']:,} KB is {ratio:.2f}x that at 10 KB"
                f" -- {verdict(ratio, TARGET_LINEAR, 'x')}{note}"
            )
    if "jobs" in parts:
        print("batch throughput, `govdisclosure parse DIR --json --jobs N`:", flush=True)
        count = 200 if args.quick else 1_000
        j = results["jobs"] = bench_jobs(count, (1, 2), args.timeout * 4)
        speedup = j["jobs1_s"] / j["jobs2_s"]
        j["speedup"] = speedup
        met = "met" if speedup >= TARGET_JOBS else f"MISSED by {TARGET_JOBS / speedup:.2f}x"
        summary.append(
            f"--jobs 2 vs --jobs 1 on {count} reports: {speedup:.2f}x ({met}, target >= 1.7x);"
            f" --jobs 1 is {j['jobs1_s'] / j['baseline_s']:.0f}x the baseline"
        )

    if "batch" in parts:
        print("batch over the tool corpus, `govdisclosure parse DIR --json --jobs 2`:", flush=True)
        b = results["batch"] = bench_batch(2, args.timeout * 4)
        if b is not None:
            rate, mb = b["reports"] / b["seconds"], b["peak_worker_kb"] / 1024
            missed = f"MISSED by {TARGET_BATCH_PER_S / rate:.1f}x"
            summary.append(
                f"--jobs 2 over {b['reports']} tool texts: {rate:.0f} reports/s"
                f" -- {'met' if rate >= TARGET_BATCH_PER_S else missed}"
                f" (target >= {TARGET_BATCH_PER_S:g}); peak memory of the largest process {mb:.0f} MB"
                f" -- {verdict(mb, TARGET_WORKER_MB, ' MB')}"
            )

    print("\nsummary:")
    for line in summary:
        print("  " + line)
    results["summary"] = summary
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_child":
        _child(sys.argv[2:])
    else:
        main()
