"""Step 2 for the outline: the line classifier, lines -> HEADING, TEXT and TABLE tokens (FORMAT.md §2)."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from typing import Literal, NamedTuple

import regex

from ..diagnostics import LINE_SKIPPED
from ..layout.pipes import PIPE_RULE
from ..model import Diagnostic
from ..normalize import PAGE_FOOTER, Line
from ..numbering import match_marker
from ..textcache import text_cache_of
from ..values import UNIT
from .config import SectionsConfig
from .fold import fold
from .heading import Heading, read_heading, section_kind
from .inline import INLINE_MIN_LENGTH, find_inline
from .labels import TableLabels
from .numerals import numerals_apart
from .text import clean_line

__all__ = ["Kind", "LineToken", "classify"]

Kind = Literal["HEADING", "TEXT", "TABLE"]

# A value token of a flattened table row: 0, -4, +61, 2,601, 7730.28, 1751292.6元, 无, -.
_VALUE = rf"(?:[+-]?\d[\d,]*(?:\.\d+)?(?:{UNIT}|%)?|无|-|/|—)"
_VALUE_WORD = regex.compile(rf"^{_VALUE}$")
_VALUES_ONLY = regex.compile(rf"^\s*+{_VALUE}(?:\s++{_VALUE})*+\s*+$")

# Where a line splits into table cells or label pieces: spaces, tabs and brackets.
_PIECES = regex.compile(r"[\s()（）]+")
# A digit run of at least five, as fused table cells give (801000081).
_DIGITS = regex.compile(r"\d{5,}")
_DIGIT = regex.compile(r"\d")
# The marker styles of the six canonical headings (一、总体情况, 1、总体情况), bare titles aside.
_CANONICAL_STYLES = ("cjk", "arabic")
# Line readings remembered (each of the two readings below): a report's few hundred lines and the
# labels and rows that recur from report to report fit. An entry holds ~570 bytes: 8,192 of them
# (textcache.TEXTS) raised a batch worker's peak memory from 37 to 46 MB; 1,024 keep it at 38.
REMEMBERED_LINES = 1024


# What a line reads as, apart from its number: (kind, text, heading) of each of its tokens.
TokenReading = tuple[Kind, str, Heading | None]
Reading = tuple[TokenReading, ...]


# A NamedTuple, not an attrs class: internal, and an attrs class costs ~2.6 million instructions to define
# at import (docs/performance.md); a NamedTuple a fifth of that, immutable and compared by value too.
class LineToken(NamedTuple):
    """One token of the outline stream: its kind, line, prose text and (for HEADING) the heading."""

    kind: Kind
    line: int
    text: str = ""
    heading: Heading | None = None


def _is_table_row(raw: str) -> bool:
    """Tab-separated cells, a pipe row, or a row of values: never a heading (FORMAT.md §2.2 A-D)."""
    stripped = raw.strip(" \u3000\xa0\r")
    if "\t" in raw and (raw.lstrip(" ").startswith("\t") or "\t" in stripped.strip("\t")):
        return True
    if stripped.startswith("|"):
        return True
    folded = fold(stripped)
    # A lone 无 under 六、 is the section's prose; a row of values holds at least one digit.
    return bool((_VALUES_ONLY.match(folded) and _DIGIT.search(folded)) or _ends_in_values(folded))


def _ends_in_values(text: str) -> bool:
    """A label followed by at least two values ("规章 0 0 0"): word by word, so linear in the line."""
    words = text.split()
    tail = 0
    while tail < len(words) and _VALUE_WORD.match(words[-1 - tail]):
        tail += 1
    return tail >= 2 and len(words) >= 3


def _is_label_line(raw: str, labels: TableLabels) -> bool:
    """A line of table labels, pieces of them and values (信息内容 本年制发件数, 行政许可 447228)."""
    pieces = [p for p in _PIECES.split(raw.lstrip().lstrip("#")) if p]
    if len(pieces) == 1:
        return labels.is_fragment(pieces[0])
    if sum(len(p) for p in pieces) < 2:
        return False
    named = False
    # Piece by piece, so a prose line stops at its first piece that is no label's.
    for piece in pieces:
        if _VALUES_ONLY.match(fold(piece)):
            continue
        if not labels.is_fragment(piece, min_length=1):
            return False
        named = True
    return named


def _segments(text: str, config: SectionsConfig, labels: TableLabels) -> Iterator[TokenReading]:
    """A long line cut at the headings inside it; each piece of prose that holds a table becomes TABLE."""
    if len(text) < INLINE_MIN_LENGTH:
        yield "TEXT", text.strip(), None
        return
    cuts = [(h.start, h.end, h.heading) for h in find_inline(text, config, labels)]
    before = text[: cuts[0][0]] if cuts else text
    yield from _prose(before, labels)
    for i, (_, end, heading) in enumerate(cuts):
        stop = cuts[i + 1][0] if i + 1 < len(cuts) else len(text)
        yield "HEADING", "", heading
        yield from _prose(text[end:stop], labels)


def _prose(text: str, labels: TableLabels) -> Iterator[TokenReading]:
    """A piece of a long line, up to where a table visibly starts (a caption, the 三 note, digits)."""
    stripped = text.strip().lstrip("。.:：;；，, ")
    if not stripped:
        return
    at = labels.opener_at(stripped)
    prose, table = (stripped[:at], stripped[at:]) if at >= 0 else (stripped, "")
    pieces = prose.split()
    tabular = "。" not in prose and (_DIGITS.search(prose) or (pieces and labels.is_fragment(pieces[0])))
    if prose.strip() and not tabular:
        yield "TEXT", prose.strip(), None
    elif prose.strip():
        table = prose + table
    if table.strip():
        yield "TABLE", table.strip(), None


def _is_row_label(heading: Heading, raw: str, labels: TableLabels) -> bool:
    """True when a heading-like line is a table row label (or the start of one) printed alone.

    A PDF line may put a neighbour cell's wrapped piece after the label's first piece (`（五）不 物`:
    不[予处理] beside [出版]物): the first word alone is then the label's start.
    """
    if heading.marker is None:
        return False
    if labels.is_row_heading(heading.marker.ordinal, heading.title):
        return True
    text = raw.strip()
    found = match_marker(fold(text), text, 0)
    words = text[found.end :].split() if found is not None else []
    return len(words) > 1 and labels.is_row_heading(heading.marker.ordinal, words[0])


def _classify_line(
    line: Line,
    config: SectionsConfig,
    labels: TableLabels,
    diagnostics: list[Diagnostic],
    one_row_table: bool = False,
) -> Iterator[LineToken]:
    raw = clean_line(line.raw)  # never blank: classify skips blank lines
    in_pipes = _heading_in_pipes(raw, config, labels) if one_row_table else None
    reading = in_pipes or _remembered_line(raw, config, labels)
    if reading is None:
        diagnostics.append(Diagnostic(LINE_SKIPPED, "page footer skipped", line.number))
        return
    for kind, text, heading in reading:
        yield LineToken(kind, line.number, text, heading)


def _heading_in_pipes(raw: str, config: SectionsConfig, labels: TableLabels) -> Reading | None:
    """A heading and its run-in prose that a PDF-to-markdown converter drew as a pipe table of one
    row, from word positions (`| （二）规范依申请公开，保障群众合法权益。 |  | 严格执行…答 |`), or None.

    Only a row whose first cell is a sentence (it ends with 。) reading as a heading, no row
    label's, and no cell holding a value: a table's row holds values, or names a row.
    """
    stripped = raw.strip()
    if not stripped.startswith("|"):
        return None
    cells = [c.strip() for c in stripped.strip("|").split("|") if c.strip()]
    if not cells or not cells[0].endswith("。") or any(_VALUES_ONLY.match(fold(c)) for c in cells):
        return None
    text = " ".join(cells)
    heading = read_heading(text, config)
    if heading is None or _is_row_label(heading, text, labels):
        return None
    return (("HEADING", "", heading), *(_segments(heading.rest, config, labels) if heading.rest else ()))


def _read_line(raw: str, config: SectionsConfig, labels: TableLabels) -> Reading | None:
    """What a cleaned line reads as: a table line, a heading (and its run-in prose), prose; None
    for a page footer (skipped, with a diagnostic)."""
    if PAGE_FOOTER.match(raw):
        return None
    if _is_table_row(raw):
        return (("TABLE", raw.strip(), None),)
    heading = read_heading(raw, config)
    # A table row label printed like a heading (一、本年新收…, （三）不予公开) never opens a section.
    if heading is not None and _is_row_label(heading, raw, labels):
        return (("TABLE", raw.strip(), None),)
    if heading is not None:
        rest = _segments(heading.rest, config, labels) if heading.rest else ()
        return (("HEADING", "", heading), *rest)
    if _is_label_line(raw, labels):
        return (("TABLE", raw.strip(), None),)
    return tuple(_segments(raw.strip(), config, labels))


# Lines repeat from report to report (labels, table rows, headings: 47% of the non-blank lines of
# the real reports repeat an earlier report's), and a short line's reading is remembered as a
# cell's is (textcache.py). The configuration and labels are built once per process.
_remembered_line = text_cache_of(REMEMBERED_LINES)(_read_line)


def _table_line(line: Line, config: SectionsConfig) -> Iterator[LineToken]:
    """A line the tables step claimed: TABLE, unless it is one of the six canonical headings,
    which are never table rows (the tables step may count a table's heading as its first line)."""
    for kind, text, heading in _remembered_table_line(clean_line(line.raw), config):
        yield LineToken(kind, line.number, text, heading)


def _read_table_line(raw: str, config: SectionsConfig) -> Reading:
    heading = read_heading(raw, config, _CANONICAL_STYLES)
    if heading is not None and section_kind(heading.title, config) is not None:
        head: Reading = (("HEADING", "", heading._replace(rest="")),)
        return (*head, ("TABLE", heading.rest, None)) if heading.rest else head
    return (("TABLE", raw.strip(), None),)


_remembered_table_line = text_cache_of(REMEMBERED_LINES)(_read_table_line)


def _absorb_fragments(tokens: list[LineToken], labels: TableLabels) -> list[LineToken]:
    """One-character pieces of vertically printed labels (本 / 年 / 度) between table lines are table too."""
    out = list(tokens)
    for i, token in enumerate(out):
        if token.kind != "TEXT" or len(token.text) > 1 or not labels.is_fragment(token.text, min_length=1):
            continue
        near = [out[j].kind for j in (i - 1, i + 1) if 0 <= j < len(out)]
        if "TABLE" in near:
            out[i] = token._replace(kind="TABLE")
    return out


def classify(
    lines: Sequence[Line],
    table_lines: Collection[int],
    config: SectionsConfig,
    labels: TableLabels,
    markup_lines: Collection[int] = (),
) -> tuple[list[LineToken], list[Diagnostic]]:
    """The token stream of a report's lines, and a diagnostic for every line skipped."""
    tokens: list[LineToken] = []
    diagnostics: list[Diagnostic] = []
    lines, moved = numerals_apart(lines, config)
    one_row_tables = _one_row_pipe_tables(lines)
    for line in lines:
        if line.number in moved:
            continue  # its numeral went back to the heading above it
        if line.number in markup_lines:
            tokens.append(LineToken("TABLE", line.number, ""))
            continue
        if line.is_blank:
            # Nothing to classify: the cleaned raw line is blank exactly when its normalized text
            # is (NFKC maps no space to a non-space, nor the reverse: checked for every code point
            # in tests/test_text_fast_paths.py).
            continue
        if line.number in table_lines and len(line.text) < INLINE_MIN_LENGTH:
            tokens.extend(_table_line(line, config))
            continue
        # A one-line report (crawler page text) is never all table: its headings are inline.
        tokens.extend(_classify_line(line, config, labels, diagnostics, line.number in one_row_tables))
    return _absorb_fragments(tokens, labels), diagnostics


def _one_row_pipe_tables(lines: Sequence[Line]) -> set[int]:
    """The lines that are a markdown table of one row: a pipe row, its rule under it, no pipe row
    above (markitdown starts a table at each row it draws apart; a note row inside a table has
    the table's rows above it)."""
    found: set[int] = set()
    if not any("|" in line.raw for line in lines):
        return found  # (most texts: no pipe at all)
    filled = [line for line in lines if not line.is_blank]
    for above, row, rule in zip([None, *filled], filled, [*filled[1:], None], strict=False):
        if rule is None or not row.raw.lstrip().startswith("|") or PIPE_RULE.match(rule.raw) is None:
            continue
        if above is None or not above.raw.lstrip().startswith("|"):
            found.add(row.number)
    return found
