"""Benchmark inputs: the real reports in ../shared, and synthetic texts of any size and shape."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
# A typical report: FORMAT.md's size range for one body's annual report.
TYPICAL_KB = (5.0, 10.0)

# The baseline: one pass of one compiled regex tokenizing the text into lines, numbers and heading
# markers (一、 （一） 1、). Timings are also given as multiples of it, so they compare across machines.
BASELINE = re.compile(
    r"""(?P<line>\r\n|\r|\n)
      | (?P<number>[0-9０-９]+(?:[.,，．][0-9０-９]+)*)
      | (?P<marker>[一二三四五六七八九十]{1,3}[、.．]
                  |[（(][一二三四五六七八九十]{1,3}[）)]
                  |[0-9]{1,2}[、.．])""",
    re.VERBOSE,
)


def baseline(text: str) -> list[str | None]:
    """The baseline tokenizer: each token's kind, in order."""
    return [m.lastgroup for m in BASELINE.finditer(text)]


def seed_names() -> frozenset[str]:
    """File names of the seed reports (../shared/seeds), the first five of `corpus()`."""
    return frozenset(p.name for p in (SHARED / "seeds").glob("*.txt"))


def corpus() -> list[tuple[str, str]]:
    """(name, text) of every real report: the seeds and corpus/real (SOURCES.md is not a report)."""
    files = sorted((SHARED / "seeds").glob("*.txt")) + sorted(
        p for p in (SHARED / "corpus" / "real").iterdir() if p.name != "SOURCES.md"
    )
    return [(p.name, p.read_text(encoding="utf-8")) for p in files]


def kb(text: str) -> float:
    """Size in KB of UTF-8, the unit the targets use."""
    return len(text.encode("utf-8")) / 1024


def _fill(pieces: list[str], size_kb: float, sep: str = "\n") -> str:
    """Pieces repeated in turn until `size_kb`, cut at a line end (or at a character for one line)."""
    target = int(size_kb * 1024)
    out: list[str] = []
    total = 0
    i = 0
    while total < target:
        piece = pieces[i % len(pieces)]
        out.append(piece)
        total += len(piece.encode("utf-8")) + len(sep)
        i += 1
    text = sep.join(out)
    data = text.encode("utf-8")[:target].decode("utf-8", "ignore")
    cut = data.rfind("\n") if sep == "\n" else -1
    return data[:cut] if cut > target // 2 else data


def _table_rows() -> tuple[str, list[str]]:
    """The tab-layout table 三 of the bundled example: its header lines, then its body rows."""
    lines = (REPO / "examples" / "qingxi-2024-tabs.txt").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("三、"))
    end = next(i for i, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
    table = [line for line in lines[start + 1 : end] if line.strip()]
    return "\n".join([lines[start], *table[:3]]), table[3:]


def shape(name: str, size_kb: float) -> str:
    """A text of about `size_kb` KB in one of SHAPES."""
    reports = [t for _, t in corpus()]
    typical = next(t for t in reports if TYPICAL_KB[0] <= kb(t) <= TYPICAL_KB[1])
    if name == "concat":
        return _fill(reports, size_kb)
    if name == "repeat":
        return _fill([typical], size_kb)
    if name == "table":
        head, rows = _table_rows()
        return head + "\n" + _fill(rows, size_kb - kb(head))
    if name == "short-lines":
        # A million short lines: words, numbers, markers and table labels, one per line.
        words = ["（一）主动公开", "加强", "12", "无", "规章", "1、", "行政许可 3", "本年", "度", "-2-"]
        return _fill(words, size_kb)
    if name == "one-line":
        # Crawler page text: whole reports flattened into one line of up to 10 MB.
        return _fill([re.sub(r"\s+", " ", t) for t in reports], size_kb, sep=" ")
    if name == "spaces":
        # One line: a heading, a run of every kind of space as long as the input, and a word (issue 14:
        # 100,000 spaces once took 134 s).
        run = _fill([" ", "\u00a0", "\u3000", "\t"], size_kb, sep="")
        return "一、总体情况" + run + "结束"
    if name == "digits":
        return "规章" + _fill(["1234567890"], size_kb, sep="")
    if name == "labels":
        return _fill(["规章", "行政许可", "（一）予以公开", "总计"], size_kb, sep="")
    if name == "markers":
        return _fill(["（一）", "一、", "1."], size_kb, sep="")
    raise ValueError(f"unknown shape {name!r}; choose one of {', '.join(SHAPES)}")


#: Input shapes of the scaling benchmark.
SHAPES = ("concat", "repeat", "table", "short-lines", "one-line", "spaces", "digits", "labels", "markers")
