"""Instructions executed by the cold import, the first parse and warm parses: a steady figure.

A fresh interpreter's wall-clock time varies by a third and more on a machine shared with other
work; the number of instructions it executes barely moves. Each figure is the difference between
two runs under `valgrind --tool=callgrind` (its "Collected" total): the interpreter with what
`benchmarks/run.py`'s import child loads before it times (argparse, json, subprocess, typing...),
then with `import govdisclosure`, then with the first parse of the same typical report. The warm
figures parse every real report and a sample of the tool corpus once (the caches filled), then
the real reports or the sample once more: the second pass, per text, is a warm parse. The cold
figure parses, after the same warm-up, another sample of the tool corpus that no parse has seen:
each text's own lines and cells miss the per-text caches, as in a batch of many different reports.

    python benchmarks/instructions.py                    # this checkout's sources
    python benchmarks/instructions.py --src OTHER/src    # another checkout's (a before/after pair)

Needs valgrind; takes a few minutes. Bytecode is cached (in a folder of its own) as after
`pip install`, and a first untimed round fills that cache.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import resource  # noqa: F401 - loaded as benchmarks/run.py's child has it loaded
import statistics  # noqa: F401 - idem
import subprocess
import sys
import tempfile
import time  # noqa: F401 - idem
from pathlib import Path
from typing import Any  # noqa: F401 - idem

sys.path.insert(0, str(Path(__file__).resolve().parent))
import inputs

SRC = Path(__file__).resolve().parents[1] / "src"
STEPS = ("interpreter", "import", "first parse", "warm-up", "warm real", "warm tool", "cold tool")
# Every TOOL_STEP-th text of the tool corpus (tests/corpus/fixtures): ~50 of its 2,112; the cold
# sample starts COLD_OFFSET texts later, so no text of it is in the warm-up.
TOOL_STEP = 40
COLD_OFFSET = 17


def _tool_sample(start: int) -> list[str]:
    paths = sorted((inputs.REPO / "tests" / "corpus" / "fixtures").rglob("*.txt"))[start::TOOL_STEP]
    return [p.read_text(encoding="utf-8") for p in paths]


def _warm_texts() -> tuple[list[str], list[str]]:
    """The real reports and the tool-corpus sample the warm steps parse."""
    return [t for _, t in inputs.corpus()], _tool_sample(0)


def _child(step: str) -> None:
    """The measured program: nothing more, or the import, or the import and the first parse."""
    if step == "interpreter":
        return
    import govdisclosure

    if step == "first parse":
        _, text = next((n, t) for n, t in inputs.corpus() if inputs.TYPICAL_KB[0] <= inputs.kb(t) <= 10)
        govdisclosure.parse(text)
    elif step.startswith(("warm", "cold")):
        real, tool = _warm_texts()
        for text in real + tool:
            govdisclosure.parse(text)
        again = {"warm real": real, "warm tool": tool}.get(step) or []
        for text in _tool_sample(COLD_OFFSET) if step == "cold tool" else again:
            govdisclosure.parse(text)


def instructions(src: Path, step: str) -> int:
    """The instructions callgrind counts for one child run."""
    env = dict(os.environ, PYTHONPATH=str(src))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    tag = hashlib.sha256(str(src).encode()).hexdigest()[:12]
    prefix = Path(tempfile.gettempdir()) / f"govdisclosure-instructions-pyc-{tag}"
    cmd = [
        "valgrind",
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        sys.executable,
        "-X",
        f"pycache_prefix={prefix}",
        __file__,
        "_child",
        step,
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    found = re.search(r"Collected\s*:\s*(\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{done.stderr[-2000:]}")
    return int(found[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=SRC, help="the sources to import (a src/ folder)")
    args = parser.parse_args()
    src = args.src.resolve()
    instructions(src, "first parse")  # fills the bytecode cache
    counts = {step: instructions(src, step) for step in STEPS}
    figures = {
        "import_minstr": (counts["import"] - counts["interpreter"]) / 1e6,
        "first_parse_minstr": (counts["first parse"] - counts["import"]) / 1e6,
    }
    real, tool = (len(texts) for texts in _warm_texts())
    figures["warm_real_minstr"] = (counts["warm real"] - counts["warm-up"]) / real / 1e6
    figures["warm_tool_minstr"] = (counts["warm tool"] - counts["warm-up"]) / tool / 1e6
    cold = len(_tool_sample(COLD_OFFSET))
    figures["cold_tool_minstr"] = (counts["cold tool"] - counts["warm-up"]) / cold / 1e6
    print(
        f"{src}: import {figures['import_minstr']:.0f} M instructions, "
        f"first parse {figures['first_parse_minstr']:.0f} M instructions; warm parse, mean per text: "
        f"{figures['warm_real_minstr']:.1f} M ({real} real reports), "
        f"{figures['warm_tool_minstr']:.1f} M ({tool} tool texts); a tool text never parsed before: "
        f"{figures['cold_tool_minstr']:.1f} M ({cold} texts)"
    )
    print(json.dumps(figures))


if __name__ == "__main__":
    if sys.argv[1:2] == ["_child"]:
        _child(sys.argv[2])
    else:
        main()
