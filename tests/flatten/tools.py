"""Render reports to HTML, DOCX and PDF and flatten them with the tools people use, then score the parse.

The pipeline for one (tool, report):

1. `govdisclosure.render(report, layout="html")`: the official merged-cell tables (rowspan/colspan);
2. DOCX: `pandoc -f html -t docx` (keeps the merges as gridSpan/vMerge); PDF: `wkhtmltopdf` with a
   CJK font (fonts-wqy-zenhei);
3. the tool turns the file into text, as a person would run it (default options unless noted);
4. `govdisclosure.parse(text)`, compared cell by cell with the report that was rendered.

Run `python tests/flatten/tools.py [-v] [--outputs DIR]` for the recovery table of every tool and report
(docs/flattening.md); `-v` lists what each pair loses, `--outputs` keeps every tool's text.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

import govdisclosure
from govdisclosure import Cell, Report

if __package__ in (None, ""):  # run as a script: make `flatten` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flatten.reports import REPORTS

Source = Literal["html", "docx", "pdf"]
TIMEOUT = 60
CASES = Path(__file__).resolve().parent / "cases"


# --- what a tool needs -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Need:
    """One thing a tool needs: an executable, a Python module or a CJK font; `package` installs it."""

    kind: Literal["exe", "module", "font"]
    name: str
    package: str

    def present(self) -> bool:
        if self.kind == "exe":
            return shutil.which(self.name) is not None
        if self.kind == "module":
            return importlib.util.find_spec(self.name) is not None
        return _cjk_font()


@cache
def _cjk_font() -> bool:
    if shutil.which("fc-list") is None:
        return False
    found = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, check=False)
    return bool(found.stdout.strip())


PANDOC = Need("exe", "pandoc", "apt: pandoc")
WKHTMLTOPDF = Need("exe", "wkhtmltopdf", "apt: wkhtmltopdf")
CJK_FONT = Need("font", "a CJK font", "apt: fonts-wqy-zenhei")
MARKITDOWN = Need("module", "markitdown", "pip: markitdown[docx,pdf]")
SOURCE_NEEDS: dict[Source, tuple[Need, ...]] = {
    "html": (),
    "docx": (PANDOC,),
    "pdf": (WKHTMLTOPDF, CJK_FONT),
}


# --- the tools ---------------------------------------------------------------------------------------

def _run(args: list[str]) -> str:
    done = subprocess.run(args, capture_output=True, check=True, timeout=TIMEOUT, env=_quiet_env())
    return done.stdout.decode("utf-8")


def _quiet_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("XDG_RUNTIME_DIR", tempfile.gettempdir())
    env.setdefault("LANG", "C.UTF-8")
    return env


def _w3m(path: Path) -> str:
    return _run(["w3m", "-dump", "-cols", "80", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", str(path)])


def _lynx(path: Path) -> str:
    return _run(["lynx", "-dump", "-nolist", "-width=80", "-assume_charset=utf-8",
                 "-display_charset=utf-8", str(path)])


def _pandoc_plain(path: Path) -> str:
    return _run(["pandoc", "-f", path.suffix.lstrip("."), "-t", "plain", str(path)])


def _html2text(path: Path) -> str:
    import html2text

    return str(html2text.html2text(path.read_text(encoding="utf-8")))


def _markitdown(path: Path) -> str:
    from markitdown import MarkItDown

    return str(MarkItDown().convert(str(path)).text_content)


def _docx2txt(path: Path) -> str:
    import docx2txt

    return str(docx2txt.process(str(path)))


def _pdftotext(*flags: str) -> Callable[[Path], str]:
    def run(path: Path) -> str:
        return _run(["pdftotext", *flags, "-enc", "UTF-8", str(path), "-"])

    return run


def _pdfplumber(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


@dataclass(frozen=True)
class Tool:
    """A flattening tool: what it reads, what it needs, how it is run (the command people type)."""

    name: str
    source: Source
    command: str
    run: Callable[[Path], str] = field(repr=False)
    needs: tuple[Need, ...] = ()

    def missing(self) -> list[Need]:
        """What is not installed here, the source file's needs included."""
        return [n for n in (*SOURCE_NEEDS[self.source], *self.needs) if not n.present()]


TOOLS: dict[str, Tool] = {t.name: t for t in (
    Tool("w3m", "html", "w3m -dump -cols 80 report.html", _w3m, (Need("exe", "w3m", "apt: w3m"),)),
    Tool("lynx", "html", "lynx -dump -nolist -width=80 report.html", _lynx,
         (Need("exe", "lynx", "apt: lynx"),)),
    Tool("pandoc-html", "html", "pandoc -f html -t plain report.html", _pandoc_plain, (PANDOC,)),
    Tool("html2text", "html", "html2text.html2text(html)  (pip html2text)", _html2text,
         (Need("module", "html2text", "pip: html2text"),)),
    Tool("markitdown-html", "html", "markitdown report.html", _markitdown, (MARKITDOWN,)),
    Tool("docx2txt", "docx", "docx2txt report.docx", _docx2txt,
         (Need("module", "docx2txt", "pip: docx2txt"),)),
    Tool("pandoc-docx", "docx", "pandoc -f docx -t plain report.docx", _pandoc_plain, (PANDOC,)),
    Tool("markitdown-docx", "docx", "markitdown report.docx", _markitdown,
         (MARKITDOWN, Need("module", "mammoth", "pip: markitdown[docx,pdf]"))),
    Tool("pdftotext", "pdf", "pdftotext report.pdf -", _pdftotext(),
         (Need("exe", "pdftotext", "apt: poppler-utils"),)),
    Tool("pdftotext-layout", "pdf", "pdftotext -layout report.pdf -", _pdftotext("-layout"),
         (Need("exe", "pdftotext", "apt: poppler-utils"),)),
    Tool("pdfplumber", "pdf", "page.extract_text() per page  (pip pdfplumber)", _pdfplumber,
         (Need("module", "pdfplumber", "pip: pdfplumber"),)),
    Tool("markitdown-pdf", "pdf", "markitdown report.pdf", _markitdown,
         (MARKITDOWN, Need("module", "pdfminer", "pip: markitdown[docx,pdf]"))),
)}


# --- the files ---------------------------------------------------------------------------------------

class Workbench:
    """Builds each report, its HTML/DOCX/PDF and each tool's text once, in one folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._reports: dict[str, Report] = {}
        self._files: dict[tuple[str, Source], Path] = {}
        self._texts: dict[tuple[str, str], str] = {}

    def report(self, name: str) -> Report:
        if name not in self._reports:
            self._reports[name] = REPORTS[name]()
        return self._reports[name]

    def file(self, name: str, source: Source) -> Path:
        key = (name, source)
        if key not in self._files:
            html = self.root / f"{name}.html"
            if not html.exists():
                html.write_text(govdisclosure.render(self.report(name), layout="html"), encoding="utf-8")
            path = self.root / f"{name}.{source}"
            if source == "docx":
                _run(["pandoc", "-f", "html", "-t", "docx", "-o", str(path), str(html)])
            elif source == "pdf":
                _run(["wkhtmltopdf", "-q", "--encoding", "utf-8", str(html), str(path)])
            self._files[key] = path
        return self._files[key]

    def text(self, tool: str, name: str) -> str:
        key = (tool, name)
        if key not in self._texts:
            found = TOOLS[tool]
            self._texts[key] = found.run(self.file(name, found.source))
        return self._texts[key]

    def score(self, tool: str, name: str) -> Score:
        return score(self.report(name), govdisclosure.parse(self.text(tool, name)))


# --- scoring -----------------------------------------------------------------------------------------

Path3 = tuple[str, str, str]


@dataclass
class Score:
    """Cell by cell: what came back right, what was lost, and numbers that came back WRONG."""

    total: int = 0
    recovered: int = 0
    numbers: int = 0
    numbers_recovered: int = 0
    lost: list[tuple[Path3, str, str]] = field(default_factory=list)
    wrong: list[tuple[Path3, str, str]] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.recovered / self.total if self.total else 1.0

    def describe(self, limit: int = 12) -> str:
        def fmt(items: list[tuple[Path3, str, str]]) -> str:
            shown = [f"{'.'.join(p)}: expected {e!r}, got {g!r}" for p, e, g in items[:limit]]
            more = [f"... and {len(items) - limit} more"] if len(items) > limit else []
            return "\n  ".join(shown + more)

        parts = [f"{self.recovered}/{self.total} cells recovered, {len(self.wrong)} wrong numbers"]
        if self.wrong:
            parts.append("WRONG:\n  " + fmt(self.wrong))
        if self.lost:
            parts.append("lost:\n  " + fmt(self.lost))
        return "\n".join(parts)


def _shown(cell: Cell | None) -> str:
    if cell is None:
        return "<absent>"
    return f"{cell.raw} ({cell.kind})" if cell.kind != "number" else cell.raw


def _cells(report: Report) -> Iterator[tuple[Path3, Cell]]:
    for name, table in report.tables.items():
        if table is not None:
            for row, column, cell in table.cells():
                yield (name, row, column), cell


def _same(expected: Cell, got: Cell | None) -> bool:
    if got is None or got.kind != expected.kind:
        return False
    return expected.kind != "number" or got.value == expected.value


def score(expected: Report, got: Report) -> Score:
    """Every cell of the rendered report against the parse of a tool's text.

    A cell is recovered when the parse has it at the same row and column with the same kind and (for a
    number) the same value. A cell is WRONG when the parse holds it with another kind or value (a
    different number, a blank where there is a number, ...); a cell the parse leaves out is lost.
    """
    result = Score()
    found = dict(_cells(got))
    for path, cell in _cells(expected):
        result.total += 1
        result.numbers += cell.kind == "number"
        other = found.pop(path, None)
        if _same(cell, other):
            result.recovered += 1
            result.numbers_recovered += cell.kind == "number"
        elif other is not None:
            # A cell that is there but says something else (another number, or blank where the
            # report has a number) is a false claim, as bad as a wrong number.
            result.wrong.append((path, _shown(cell), _shown(other)))
        else:
            result.lost.append((path, _shown(cell), _shown(other)))
    for path, other in found.items():
        result.wrong.append((path, "<absent>", _shown(other)))
    return result


# --- the command line: the recovery table for docs/flattening.md ---------------------------------------

def main(argv: list[str]) -> int:
    """Print the recovery table; `-v` adds what each pair loses, `--outputs DIR` keeps every tool's text."""
    outputs = Path(argv[argv.index("--outputs") + 1]) if "--outputs" in argv else None
    with tempfile.TemporaryDirectory() as folder:
        bench = Workbench(Path(folder))
        header = ["tool", *REPORTS, "all cells", "numbers", "wrong"]
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for tool in TOOLS.values():
            missing = tool.missing()
            if missing:
                print(f"| {tool.name} | missing: {', '.join(n.package for n in missing)} |")
                continue
            scores = {name: bench.score(tool.name, name) for name in REPORTS}
            cells = [f"{s.recovered}/{s.total}" + (f" ({len(s.wrong)} wrong)" if s.wrong else "")
                     for s in scores.values()]
            total = sum(s.total for s in scores.values())
            recovered = sum(s.recovered for s in scores.values())
            numbers = sum(s.numbers for s in scores.values())
            numbers_ok = sum(s.numbers_recovered for s in scores.values())
            wrong = sum(len(s.wrong) for s in scores.values())
            print(f"| {tool.name} | " + " | ".join(cells)
                  + f" | {100 * recovered / total:.1f}% | {100 * numbers_ok / numbers:.1f}% | {wrong} |")
            for name, s in scores.items():
                if outputs is not None:
                    outputs.mkdir(parents=True, exist_ok=True)
                    text = bench.text(tool.name, name)
                    (outputs / f"{tool.name}-{name}.txt").write_text(text, encoding="utf-8")
                if "-v" in argv and (s.wrong or s.lost):
                    shown = f"    {tool.name} × {name}: {s.describe(6)}"
                    print(shown.replace("\n", "\n    "), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
