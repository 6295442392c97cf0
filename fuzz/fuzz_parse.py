"""Fuzz target (issue 7): on any bytes, govdisclosure raises nothing but its documented exceptions.

Each input is used three ways: decoded as a file would be (`textfile.decode`), parsed as text
(normal and strict), and read as a JSON report (`Report.from_dict`). A parse slower than the
linear ceiling of docs/robustness.md counts as a crash too. Run on demand, never in CI:

    pip install atheris                      # Linux, CPython 3.8-3.11
    python fuzz/fuzz_parse.py fuzz/corpus -max_total_time=600
    python fuzz/fuzz_parse.py --hypothesis 20000    # without atheris: a long hypothesis run

See fuzz/README.md.
"""

from __future__ import annotations

import contextlib
import json
import sys
import time
from pathlib import Path

from govdisclosure import GovDisclosureError, Report, parse
from govdisclosure.textfile import decode

# docs/robustness.md: 60 s per million characters plus a second, on a 2-core machine.
SECONDS_PER_CHAR = 60 / 1_000_000
FIXED_SECONDS = 1.0


class TooSlow(AssertionError):
    """parse took longer than the linear ceiling."""


def check(data: bytes) -> None:
    """The property: returns, or raises a GovDisclosureError; in time."""
    try:
        text = decode(data, "<fuzz>").text
    except GovDisclosureError:
        text = data.decode("utf-8", "surrogateescape")  # lone surrogates: a str can hold them
    for strict in (False, True):
        start = time.perf_counter()
        try:
            report = parse(text, strict=strict)
        except GovDisclosureError:
            continue
        took = time.perf_counter() - start
        if took > FIXED_SECONDS + SECONDS_PER_CHAR * len(text):
            raise TooSlow(f"{took:.2f} s for {len(text):,} characters")
        json.dumps(report.to_dict(), ensure_ascii=False, allow_nan=False).encode("utf-8")
    try:
        loaded = json.loads(data)
    except (ValueError, RecursionError):
        return
    with contextlib.suppress(GovDisclosureError):  # documented: SchemaError
        Report.from_dict(loaded)


def seeds() -> list[bytes]:
    """The shared seeds and the bundled example: a starting corpus."""
    root = Path(__file__).resolve().parents[1]
    seeds = sorted((root.parent / "shared" / "seeds").glob("*.txt"))
    found = [*seeds, root / "examples" / "qingxi-2024-tabs.txt"]
    return [p.read_bytes() for p in found if p.is_file()]


def run_hypothesis(examples: int) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    base = seeds()

    @st.composite
    def mutated(draw: st.DrawFn) -> bytes:
        data = bytearray(draw(st.sampled_from(base)) if base else b"")
        for _ in range(draw(st.integers(0, 20))):
            at = draw(st.integers(0, len(data)))
            op = draw(st.sampled_from(["insert", "delete", "flip"]))
            if op == "insert":
                data[at:at] = draw(st.binary(max_size=16))
            elif op == "delete":
                del data[at : at + draw(st.integers(1, 200))]
            elif data:
                data[min(at, len(data) - 1)] ^= draw(st.integers(1, 255))
        return bytes(data)

    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.one_of(st.binary(max_size=4096), mutated(), st.text().map(lambda t: t.encode("utf-8"))))
    def fuzz(data: bytes) -> None:
        check(data)

    fuzz()
    print(f"fuzz_parse: {examples} hypothesis examples, no failure")


def main(argv: list[str]) -> None:
    if len(argv) >= 2 and argv[1] == "--hypothesis":
        run_hypothesis(int(argv[2]) if len(argv) > 2 else 10_000)
        return
    try:
        import atheris
    except ImportError:
        sys.exit("fuzz_parse: atheris is not installed; pip install atheris, or use --hypothesis N")
    with atheris.instrument_imports():
        import govdisclosure  # noqa: F401  (instrument the library's modules)
    atheris.Setup(argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
