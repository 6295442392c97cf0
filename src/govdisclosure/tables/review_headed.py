"""Step 4 for table 四: the header words a PDF's reading order prints right before a value.

Where table 四's header cells wrap a few characters a line, plain pdftotext and pdfminer may print
them among the values, each value after its own column's cell: `结` / `果` / `纠` / `正` / `2` /
`其` / `他` / … / `结果维` / `持` / `0` (a review's Chromium PDF, 4 em label cells aligned bottom,
seed 20268801 r091). The drawing order then follows the header's cells, which need not come in the
columns' order (结果维持's cell after 尚未审结's there): the group's run `2 0 3 0 5` holds its total
read in printed order, 2 under 结果维持, where the report has it under 结果纠正. Words right before a
value that only one column's label holds show which column the reading order was in; a value read
by printed order into another column than they show is not read so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..layout import Token
from ..lexicon import key_of
from ..model import ReviewLitigationTable
from ..templates import ReviewLitigationSpec
from .regions import MatchedRow

TABLE = ReviewLitigationTable.name

__all__ = ["BOXED", "HEADED_ELSEWHERE", "box_by_box", "columns_named_before", "headed_elsewhere"]

HEADED_ELSEWHERE = (
    "values printed one per line among the header's words, a value right after another column's "
    "label than its place in printed order: the reading order went through the header's cells"
)
BOXED = (
    "values printed one per line, one and another right after a header cell's last words: the "
    "header and the values were drawn box by box, in an order that shows neither the groups' "
    "order nor the columns'"
)


def columns_named_before(rows: Sequence[MatchedRow], spec: ReviewLitigationSpec) -> dict[int, frozenset[str]]:
    """For the first value of each line holding values (by `id`), the columns whose label holds the
    words of the lines right before it, as many lines back as one column's label holds them all
    (`结` / `果` / `纠` / `正`: 结果纠正; `其他结果`), where every line before those, back to the line
    of values before, names a group or the header (`行政复议`, `复议后 起诉`). No entry where other
    words stand there: a header's pieces printed as a block (`结果维 结果纠 …` / `持` / `正` / values)
    show no value's own column."""
    keys = {c: [key_of(s) for s in column.label.spellings] for c, column in spec.columns.items()}

    def holding(words: str) -> frozenset[str]:
        return frozenset(c for c, spellings in keys.items() if any(words in k for k in spellings))

    named: dict[int, frozenset[str]] = {}
    lines: list[tuple[str, bool]] = []  # each line since the values before: its words, labels only
    for row in rows:
        first = next((t for t in row.row.tokens if t.kind == "value"), None)
        count = len(row.matches) if first is None else row.row.tokens.index(first)
        lead = [m for m in row.matches[:count] if m.token.kind == "text"]
        labels = all(any(e.table == TABLE and e.kind in ("group", "header") for e in m.entries) for m in lead)
        lines.append(("".join(key_of(m.token.text) for m in lead), labels))
        if first is None:
            continue
        words, back, columns = "", len(lines), frozenset[str]()
        while back > 0 and (wider := holding(lines[back - 1][0] + words)):
            back -= 1
            words, columns = lines[back][0] + words, wider
        if words and all(labels for _, labels in lines[:back]):
            named[id(first)] = columns
        lines = []
    return named


def headed_elsewhere(
    part: Sequence[Token], columns: Sequence[str], named: Mapping[int, frozenset[str]]
) -> bool:
    """True when a value of a group's run, read in printed order into `columns`, stands right after
    header words naming only inner columns, none of them its own (`其他结果` / `0` read as 结果纠正's).

    Not the first or last column's words: those cells stand at a group's edge, where the reading
    order meets the next group's header (`3` / `结果维持` / `6`: the next group's first cell drawn
    before this group's total) or draws the header's last cell before the row's last values
    (`/` / `5` / `总计` / `2` / `7`, 2 under 尚未审结), and the printed order was right (the same
    review's plain pdftotext texts).
    """
    inner = frozenset(columns[1:-1])
    for t, column in zip(part, columns, strict=True):
        shown = named.get(id(t), frozenset())
        if shown and shown <= inner and column not in shown:
            return True
    return False


def box_by_box(rows: Sequence[MatchedRow], spec: ReviewLitigationSpec) -> bool:
    """True when two lines of values or more each hold one value right after a line or more of a
    column label's pieces only, no whole label (`持` / `无` / `正` / `无` / …): the reading order drew
    the header's cells and the values box by box, a box holding a cell's last line and the value
    under it.

    pdfminer orders such boxes its own way: a review's Chromium PDF (seed 20268805 r036-v1) drew
    未经复议直接起诉's and 复议后起诉's boxes first and 行政复议's values last, bare, and the groups
    read in printed order took each other's values; a LibreOffice PDF (seed 20268807 r076-v0) drew
    复议后起诉's 2 under 结果维持 third. Such values are read only where they are all alike. (A
    whole label before a value, `总计` / `0`, is how both PDF makers print a header's last cell
    before a row's last values, the printed order right: committed r035, LibreOffice.)
    """
    keys = [key_of(s) for column in spec.columns.values() for s in column.label.spellings]
    runs: list[tuple[int, bool]] = []  # each run of lines of values: how many, after pieces only
    pieces: list[str] | None = None  # the words since the last line of values (None: none yet)
    for row in rows:
        values = sum(t.kind == "value" for t in row.row.tokens)
        if not values:
            words = [key for t in row.row.tokens if t.kind == "text" and (key := key_of(t.text))]
            pieces = [*(pieces or []), *words]
        elif pieces is None and runs:  # the run of lines of values goes on
            runs[-1] = (runs[-1][0] + values, runs[-1][1])
        else:
            only = bool(pieces) and all(any(p in k and p != k for k in keys) for p in pieces or ())
            runs.append((values, only))
            pieces = None
    return sum(1 for count, only in runs if count == 1 and only) >= 2
