"""The real tools: build DOCX and PDF from report.html, and flatten every document by every route.

Only regenerate.py uses this module; the loader (`corpus`) never does, so tests need no tool.
Two pandocs: Debian's 2.17 (`pandoc` on PATH) makes the pandoc DOCX and the `pandoc-*` routes; the
pandoc 3 bundled by the PyPI package pypandoc_binary (`<site-packages>/pypandoc/files/pandoc`, found
through the package, never PATH) makes the `pandoc3-*` routes.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Collection
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

TIMEOUT = 300
SOFFICE_DOCX = "docx:MS Word 2007 XML"
SOFFICE_TEXT = "txt:Text (encoded):UTF8"
CHROMIUM_FLAGS: tuple[str, ...] = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-pdf-header-footer",
)
SOURCE_DATE_EPOCH = "1700000000"
# pandoc 3: the binary pypandoc_binary ships inside its `pypandoc` package (pin in .ci/install-tools).
PANDOC3_DISTRIBUTION = "pypandoc_binary"
PANDOC3_FILE = "pypandoc/files/pandoc"


# --- what must be installed --------------------------------------------------------------------------


@dataclass(frozen=True)
class Need:
    """An executable, a Python module or a CJK font, and the package that provides it."""

    kind: str
    name: str
    package: str

    def present(self) -> bool:
        """Whether it is installed here."""
        if self.kind == "exe":
            return shutil.which(self.name) is not None
        if self.kind == "module":
            return importlib.util.find_spec(self.name) is not None
        if self.kind == "pandoc3":
            return pandoc3() is not None
        return cjk_font()


NEEDS: tuple[Need, ...] = (
    Need("exe", "w3m", "apt: w3m"),
    Need("exe", "lynx", "apt: lynx"),
    Need("exe", "pandoc", "apt: pandoc"),
    Need("exe", "pdftotext", "apt: poppler-utils"),
    Need("exe", "soffice", "apt: libreoffice-writer-nogui"),
    Need("exe", "chromium", "apt: chromium"),
    Need("exe", "fc-list", "apt: fontconfig"),
    Need("font", "a CJK font", "apt: fonts-wqy-zenhei"),
    Need("module", "html2text", "pip: html2text"),
    Need("module", "docx2txt", "pip: docx2txt"),
    Need("module", "pdfplumber", "pip: pdfplumber"),
    Need("module", "pdfminer", "pip: pdfminer.six (markitdown[pdf])"),
    Need("module", "markitdown", "pip: markitdown[docx,pdf]"),
    Need("module", "mammoth", "pip: mammoth (markitdown[docx])"),
    Need("pandoc3", "pandoc 3 (pypandoc/files/pandoc)", "pip: pypandoc_binary==1.17"),
)


@cache
def pandoc3() -> Path | None:
    """pypandoc_binary's bundled pandoc (`<site-packages>/pypandoc/files/pandoc`), None when not installed.

    Located through the distribution's own file list, so neither PATH (Debian's pandoc 2.17) nor a
    plain `pypandoc` (which ships no binary) can stand in for it.
    """
    try:
        distribution = importlib.metadata.distribution(PANDOC3_DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        return None
    if not any(str(file) == PANDOC3_FILE for file in distribution.files or ()):
        return None
    path = Path(str(distribution.locate_file(PANDOC3_FILE))).resolve()
    return path if path.is_file() and os.access(path, os.X_OK) else None


@cache
def cjk_font() -> bool:
    """Whether fontconfig knows a font covering Chinese."""
    if shutil.which("fc-list") is None:
        return False
    found = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, check=False)
    return bool(found.stdout.strip())


def missing_tools() -> list[str]:
    """One line per missing tool, naming the package that installs it (empty when all are there)."""
    return [f"missing {need.name} (install {need.package})" for need in NEEDS if not need.present()]


# --- running -----------------------------------------------------------------------------------------


def env() -> dict[str, str]:
    """A quiet, UTF-8, reproducible environment for the tools."""
    out = dict(os.environ)
    out.update(LANG="C.UTF-8", LC_ALL="C.UTF-8", SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH, TZ="UTC")
    out.setdefault("QT_QPA_PLATFORM", "offscreen")
    out.setdefault("XDG_RUNTIME_DIR", tempfile.gettempdir())
    return out


def run(args: list[str], cwd: Path | None = None) -> bytes:
    """Run a tool and return its standard output as printed."""
    done = subprocess.run(args, capture_output=True, check=False, timeout=TIMEOUT, env=env(), cwd=cwd)
    if done.returncode != 0:
        raise RuntimeError(
            f"{args[0]} failed ({done.returncode}): {done.stderr.decode('utf-8', 'replace')[-800:]}"
        )
    return done.stdout


def soffice(files: list[Path], convert_to: str, outdir: Path, profile: Path) -> None:
    """One LibreOffice batch conversion with its own user profile (so parallel runs do not collide)."""
    if not files:
        return
    outdir.mkdir(parents=True, exist_ok=True)
    args = ["soffice", f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless", "--norestore"]
    run([*args, "--convert-to", convert_to, "--outdir", str(outdir), *map(str, files)])
    # A batch skips a file now and then and still exits 0 (seen: 20 of 512 text exports while
    # two batches ran beside a test run): each one missing is converted again on its own.
    suffix = "." + convert_to.split(":")[0]
    for path in files:
        if not (outdir / (path.stem + suffix)).is_file():
            run([*args, "--convert-to", convert_to, "--outdir", str(outdir), str(path)])
            if not (outdir / (path.stem + suffix)).is_file():
                raise RuntimeError(f"soffice wrote no {suffix} for {path}")


def soffice_parallel(files: list[Path], convert_to: str, outdir: Path, scratch: Path, jobs: int) -> None:
    """Convert many files in `jobs` concurrent soffice batches."""
    chunks = [files[i::jobs] for i in range(jobs)]
    with ThreadPoolExecutor(jobs) as pool:
        futures = [
            pool.submit(soffice, chunk, convert_to, outdir, scratch / f"lo-profile-{i}")
            for i, chunk in enumerate(chunks)
        ]
        for future in futures:
            future.result()


def chromium_pdf(html: Path, pdf: Path, scratch: Path) -> None:
    """Print one HTML page to PDF with headless Chromium (own profile directory)."""
    with tempfile.TemporaryDirectory(dir=scratch, prefix="chromium-") as profile:
        run(
            [
                "chromium",
                *CHROMIUM_FLAGS,
                f"--user-data-dir={profile}",
                f"--print-to-pdf={pdf}",
                html.resolve().as_uri(),
            ]
        )
    if not pdf.is_file():
        raise RuntimeError(f"chromium wrote no PDF for {html}")


def pandoc_docx(html: Path, docx: Path) -> None:
    """HTML to DOCX with pandoc."""
    run(["pandoc", "-f", "html", "-t", "docx", "-o", str(docx), str(html)])


# --- documents for a set of reports ------------------------------------------------------------------


def build_documents(
    htmls: dict[str, Path], docs: Path, scratch: Path, jobs: int, chosen: list[Route] | None = None
) -> None:
    """<id>.lo.docx, <id>.pandoc.docx, <id>.lo.pdf, <id>.chromium.pdf and LibreOffice text of both DOCX.

    With `chosen` routes, only the documents they read (LibreOffice DOCX for docx-lo and pdf-lo, …).
    """
    sources = {route.source for route in chosen or routes()}
    lo_text = sorted({route.source for route in chosen or routes() if route.tool == "libreoffice"})
    docs.mkdir(parents=True, exist_ok=True)
    staged = docs / "html"
    staged.mkdir(exist_ok=True)
    for rid, path in htmls.items():
        shutil.copyfile(path, staged / f"{rid}.html")
    if sources & {"docx-lo", "pdf-lo"}:
        soffice_parallel(sorted(staged.glob("*.html")), SOFFICE_DOCX, docs / "lo-docx", scratch, jobs)
        for rid in htmls:
            (docs / "lo-docx" / f"{rid}.docx").replace(docs / f"{rid}.lo.docx")
    with ThreadPoolExecutor(jobs) as pool:
        work: list[Any] = []
        if "docx-pandoc" in sources:
            work += [
                pool.submit(pandoc_docx, staged / f"{rid}.html", docs / f"{rid}.pandoc.docx") for rid in htmls
            ]
        if "pdf-chromium" in sources:
            work += [
                pool.submit(chromium_pdf, staged / f"{rid}.html", docs / f"{rid}.chromium.pdf", scratch)
                for rid in htmls
            ]
        for future in work:
            future.result()
    if "pdf-lo" in sources:
        soffice_parallel([docs / f"{rid}.lo.docx" for rid in htmls], "pdf", docs, scratch, jobs)
    makers = [source.split("-")[1] for source in lo_text]
    all_docx = [docs / f"{rid}.{maker}.docx" for rid in htmls for maker in makers]
    soffice_parallel(all_docx, SOFFICE_TEXT, docs / "lo-text", scratch, jobs)


# --- the routes --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    """One way to get text: source document, tool, the command people type, and the callable."""

    name: str
    source: str
    tool: str
    command: str
    keeps_blanks: bool
    run: Callable[[Path], bytes]
    note: str = ""

    def manifest(self) -> dict[str, Any]:
        """The route's MANIFEST.json entry."""
        return {
            "name": self.name,
            "source": self.source,
            "tool": self.tool,
            "command": self.command,
            "keeps_blanks": self.keeps_blanks,
            "note": self.note,
        }


def _w3m(path: Path) -> bytes:
    """w3m's dump (box-drawing tables)."""
    return run(["w3m", "-dump", "-cols", "80", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", str(path)])


def _lynx(path: Path) -> bytes:
    """lynx's dump (no table layout)."""
    return run(
        [
            "lynx",
            "-dump",
            "-nolist",
            "-width=80",
            "-assume_charset=utf-8",
            "-display_charset=utf-8",
            str(path),
        ]
    )


def _pandoc(source: str, target: str) -> Callable[[Path], bytes]:
    """pandoc -f source -t target (Debian's pandoc 2.17, from PATH)."""

    def flatten(path: Path) -> bytes:
        return run(["pandoc", "-f", source, "-t", target, str(path)])

    return flatten


def _pandoc3(source: str, target: str) -> Callable[[Path], bytes]:
    """pandoc -f source -t target with pypandoc_binary's pandoc 3."""

    def flatten(path: Path) -> bytes:
        binary = pandoc3()
        if binary is None:
            raise RuntimeError(f"pandoc 3 not found: install {PANDOC3_DISTRIBUTION} (.ci/install-tools)")
        return run([str(binary), "-f", source, "-t", target, str(path)])

    return flatten


def _html2text(path: Path) -> bytes:
    """html2text.html2text on the page source."""
    import html2text

    return str(html2text.html2text(path.read_text(encoding="utf-8"))).encode("utf-8")


@cache
def _markitdown_instance() -> Any:
    """One MarkItDown per process."""
    from markitdown import MarkItDown

    return MarkItDown()


def _markitdown(path: Path) -> bytes:
    """MarkItDown().convert(path).text_content."""
    return str(_markitdown_instance().convert(str(path)).text_content).encode("utf-8")


def _docx2txt(path: Path) -> bytes:
    """docx2txt.process."""
    import docx2txt

    return str(docx2txt.process(str(path))).encode("utf-8")


def _pdftotext(*flags: str) -> Callable[[Path], bytes]:
    """pdftotext [flags] -enc UTF-8 file -."""

    def flatten(path: Path) -> bytes:
        return run(["pdftotext", *flags, "-enc", "UTF-8", str(path), "-"])

    return flatten


def _pdfplumber(path: Path) -> bytes:
    """page.extract_text() per page, joined with newlines."""
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages).encode("utf-8")


def _pdfminer(path: Path) -> bytes:
    """pdfminer.high_level.extract_text with default layout parameters."""
    from pdfminer.high_level import extract_text

    return str(extract_text(str(path))).encode("utf-8")


def _lo_text(path: Path) -> bytes:
    """The LibreOffice text export made in batch by build_documents (lo-text/<id>.<maker>.txt)."""
    return (path.parent / "lo-text" / (path.stem + ".txt")).read_bytes()


class _BodyText(HTMLParser):
    """Collects the text nodes inside <body>, skipping script and style."""

    def __init__(self) -> None:
        """Start outside the body."""
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.in_body = False
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Enter the body or a skipped element."""
        if tag == "body":
            self.in_body = True
        elif tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        """Leave a skipped element or the body."""
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        elif tag == "body":
            self.in_body = False

    def handle_data(self, data: str) -> None:
        """Keep a text node of the body."""
        if self.in_body and not self.skip:
            self.parts.append(data)


def crawl_text(html: str) -> str:
    """A crawler's page text: body text nodes joined by spaces, each whitespace run (NBSP too) one space."""
    parser = _BodyText()
    parser.feed(html)
    parser.close()
    return re.sub(r"\s+", " ", " ".join(parser.parts)).strip()


def _crawl(path: Path) -> bytes:
    """crawl_text of the page."""
    return crawl_text(path.read_text(encoding="utf-8")).encode("utf-8")


W3M = "w3m -dump -cols 80 -T text/html -I UTF-8 -O UTF-8 report.html"
LYNX = "lynx -dump -nolist -width=80 -assume_charset=utf-8 -display_charset=utf-8 report.html"
MD_NOTE = "text_content of markitdown 0.1.x"
PANDOC3_GRID_NOTE = (
    "pandoc 3 (pypandoc_binary): every table a grid table (+---+) keeping its spans (a colspan one wide"
    " cell, a rowspan's text in its first line, blank below); a blank cell an empty cell, NBSP kept as"
    " U+00A0: keeps_blanks true"
)
PANDOC3_NOTES = {
    "html.pandoc3-plain": PANDOC3_GRID_NOTE,
    "html.pandoc3-markdown": PANDOC3_GRID_NOTE
    + "; markdown escapes: `—` written `---`, `2\\.`, `<br/>` as `\\`",
    "html.pandoc3-gfm": "pandoc 3 (pypandoc_binary): every table (all have merged cells) raw <table>"
    " HTML with colspan/rowspan; a blank cell `<td></td>`, NBSP a raw U+00A0 in its <td>: keeps_blanks true",
    "docx-lo.pandoc3-plain": PANDOC3_GRID_NOTE + "; alignment colons in the top border (`+:---:+`)",
    "docx-pandoc.pandoc3-plain": PANDOC3_GRID_NOTE
    + "; where pandoc 2.17's DOCX wrote a colspan short (2021 table 二 of <th> pages) the missing columns"
    " are empty cells",
}


def _html_routes() -> list[Route]:
    """The eleven routes from report.html."""
    return [
        Route("html.w3m", "html", "w3m", W3M, True, _w3m, "box-drawing tables; a blank cell is an empty box"),
        Route(
            "html.lynx",
            "html",
            "lynx",
            LYNX,
            False,
            _lynx,
            "no table layout: a row's values close up (`5 1 6`);"
            " with Word-style <p> cells each cell is a line",
        ),
        Route(
            "html.pandoc-plain",
            "html",
            "pandoc",
            "pandoc -f html -t plain report.html",
            True,
            _pandoc("html", "plain"),
        ),
        Route(
            "html.pandoc-markdown",
            "html",
            "pandoc",
            "pandoc -f html -t markdown report.html",
            True,
            _pandoc("html", "markdown"),
        ),
        Route(
            "html.pandoc-gfm",
            "html",
            "pandoc",
            "pandoc -f html -t gfm report.html",
            True,
            _pandoc("html", "gfm"),
        ),
        Route(
            "html.pandoc3-plain",
            "html",
            "pandoc3",
            "pandoc -f html -t plain report.html",
            True,
            _pandoc3("html", "plain"),
            PANDOC3_NOTES["html.pandoc3-plain"],
        ),
        Route(
            "html.pandoc3-markdown",
            "html",
            "pandoc3",
            "pandoc -f html -t markdown report.html",
            True,
            _pandoc3("html", "markdown"),
            PANDOC3_NOTES["html.pandoc3-markdown"],
        ),
        Route(
            "html.pandoc3-gfm",
            "html",
            "pandoc3",
            "pandoc -f html -t gfm report.html",
            True,
            _pandoc3("html", "gfm"),
            PANDOC3_NOTES["html.pandoc3-gfm"],
        ),
        Route("html.html2text", "html", "html2text", "html2text.html2text(html)", True, _html2text),
        Route(
            "html.markitdown",
            "html",
            "markitdown",
            'MarkItDown().convert("report.html").text_content',
            True,
            _markitdown,
        ),
        Route(
            "html.crawl",
            "html",
            "crawl",
            "body text nodes joined by ' ', every whitespace run (NBSP included) -> ' ' (stdlib html.parser)",
            False,
            _crawl,
            "whole report on one line; an empty or NBSP cell leaves no token (无, /, — stay):"
            " keeps_blanks false",
        ),
    ]


def _docx_routes(maker: str) -> list[Route]:
    """The five routes from one DOCX (lo or pandoc)."""
    source = f"docx-{maker}"
    return [
        Route(
            f"{source}.lo-text",
            source,
            "libreoffice",
            'soffice --headless --convert-to "txt:Text (encoded):UTF8" report.docx',
            True,
            _lo_text,
            "UTF-8 with BOM; one cell per line, a blank cell an empty line",
        ),
        Route(f"{source}.docx2txt", source, "docx2txt", 'docx2txt.process("report.docx")', True, _docx2txt),
        Route(
            f"{source}.pandoc-plain",
            source,
            "pandoc",
            "pandoc -f docx -t plain report.docx",
            True,
            _pandoc("docx", "plain"),
        ),
        Route(
            f"{source}.pandoc3-plain",
            source,
            "pandoc3",
            "pandoc -f docx -t plain report.docx",
            True,
            _pandoc3("docx", "plain"),
            PANDOC3_NOTES[f"{source}.pandoc3-plain"],
        ),
        Route(
            f"{source}.markitdown",
            source,
            "markitdown",
            'MarkItDown().convert("report.docx").text_content',
            True,
            _markitdown,
        ),
    ]


def _pdf_routes(maker: str) -> list[Route]:
    """The six routes from one PDF (lo or chromium)."""
    source = f"pdf-{maker}"
    return [
        Route(
            f"{source}.pdftotext",
            source,
            "pdftotext",
            "pdftotext -enc UTF-8 report.pdf -",
            False,
            _pdftotext(),
        ),
        Route(
            f"{source}.pdftotext-raw",
            source,
            "pdftotext",
            "pdftotext -raw -enc UTF-8 report.pdf -",
            False,
            _pdftotext("-raw"),
        ),
        Route(
            f"{source}.pdftotext-layout",
            source,
            "pdftotext",
            "pdftotext -layout -enc UTF-8 report.pdf -",
            True,
            _pdftotext("-layout"),
            "a blank cell is a column gap under its header",
        ),
        Route(
            f"{source}.pdfplumber",
            source,
            "pdfplumber",
            '"\\n".join(page.extract_text() for page in pdf.pages)',
            False,
            _pdfplumber,
        ),
        Route(
            f"{source}.pdfminer",
            source,
            "pdfminer.six",
            'pdfminer.high_level.extract_text("report.pdf")',
            False,
            _pdfminer,
        ),
        Route(
            f"{source}.markitdown",
            source,
            "markitdown",
            'MarkItDown().convert("report.pdf").text_content',
            False,
            _markitdown,
            "pdfplumber words -> pipe rows, else extract_text: empty cells leave no word"
            " and columns merge (`2901 358`): keeps_blanks false",
        ),
    ]


def routes() -> list[Route]:
    """All 33 routes in their fixed order."""
    return [
        *_html_routes(),
        *_docx_routes("lo"),
        *_docx_routes("pandoc"),
        *_pdf_routes("lo"),
        *_pdf_routes("chromium"),
    ]


def source_file(route: Route, rid: str, html: Path, docs: Path) -> Path:
    """The document a route reads for one report."""
    if route.source == "html":
        return html
    kind, maker = route.source.split("-")
    return docs / f"{rid}.{maker}.{kind}"


def flatten_report(
    rid: str, html: Path, docs: Path, names: Collection[str] | None = None
) -> dict[str, bytes]:
    """Every route's text for one report (only the routes in `names` when given)."""
    chosen = [route for route in routes() if names is None or route.name in names]
    return {route.name: route.run(source_file(route, rid, html, docs)) for route in chosen}


# --- versions ----------------------------------------------------------------------------------------


def _first(args: list[str], pattern: str) -> str:
    """The first match of `pattern` in a version command's output."""
    done = subprocess.run(args, capture_output=True, text=True, check=False, env=env())
    found = re.search(pattern, done.stdout + done.stderr)
    return found.group(1) if found else "unknown"


def tool_versions() -> dict[str, str]:
    """Versions of every tool used."""
    binary = pandoc3()
    versions = {
        "w3m": _first(["w3m", "-version"], r"w3m/([^\s,]+)"),
        "lynx": _first(["lynx", "-version"], r"Lynx Version (\S+)"),
        "pandoc": _first(["pandoc", "--version"], r"pandoc (\S+)"),
        "pandoc3": _first([str(binary), "--version"], r"pandoc (\S+)") if binary else "missing",
        "poppler (pdftotext)": _first(["pdftotext", "-v"], r"pdftotext version (\S+)"),
        "LibreOffice": _first(["soffice", "--version"], r"LibreOffice (\S+)"),
        "chromium": _first(["chromium", "--version"], r"Chromium (\S+)"),
    }
    packages = ("html2text", "docx2txt", "pdfplumber", "pdfminer.six", "markitdown", "mammoth")
    for package in (*packages, PANDOC3_DISTRIBUTION):
        try:
            versions[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            versions[package] = "missing"
    return versions
