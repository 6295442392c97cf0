"""Table 四 figures the report's own prose states ("行政复议 351 件，其中结果维持 72 件…").

Section 一（二） often restates table 四. When the table's numbers arrive in an order that cannot
be placed (plain pdftotext interleaves them with header words), such a sentence can tell which
of the table's own printed numbers belong to a group. It never supplies a number: a group is
placed from the table's tokens, and only when the sentence matches exactly one run of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import regex

from ..diagnostics import CELLS_BY_PROSE
from ..layout import Token
from ..model import Diagnostic
from ..templates import ReviewLitigationSpec
from .grid import Grid

NUMBER = r"(\d{1,9})"
# The statement of one group ends at the end of its clause.
CLAUSE = r"[^；;。]{0,160}"


def stated_groups(texts: Iterable[str], spec: ReviewLitigationSpec) -> dict[str, dict[str, int]]:
    """Group id -> column id -> number, for each group whose total and every result one sentence states."""
    flat = regex.sub(r"\s++", "", "".join(texts))
    *results, total = spec.columns
    found: dict[str, dict[str, int]] = {}
    conflicting: set[str] = set()
    for group, label in spec.groups.items():
        names = "|".join(regex.escape(s) for s in label.spellings)
        for sentence in regex.finditer(rf"(?:{names}){NUMBER}件[，,]?其中(?P<rest>{CLAUSE})", flat):
            figures = {total: int(sentence[1])}
            for column in results:
                spellings = "|".join(regex.escape(s) for s in spec.columns[column].label.spellings)
                stated = regex.search(rf"(?:{spellings}){NUMBER}", sentence["rest"])
                if stated is not None:
                    figures[column] = int(stated[1])
            if len(figures) != len(spec.columns) or sum(figures[c] for c in results) != figures[total]:
                continue
            if found.get(group, figures) != figures:
                conflicting.add(group)
            found[group] = figures
    return {g: f for g, f in found.items() if g not in conflicting}


def locate(
    runs: Sequence[Sequence[Token]], figures: Mapping[str, int], columns: Sequence[str]
) -> list[Token] | None:
    """The printed tokens of one group: its results as one consecutive run, its total alone.

    None unless the results occur exactly once in the runs and the total exactly once outside them.
    """
    *results, total = columns
    wanted = [figures[c] for c in results]
    width = len(wanted)
    starts = [
        (r, i)
        for r, run in enumerate(runs)
        for i in range(len(run) - width + 1)
        if [t.number for t in run[i : i + width]] == wanted
    ]
    if len(starts) != 1:
        return None
    r, i = starts[0]
    used = {id(t) for t in runs[r][i : i + width]}
    totals = [t for run in runs for t in run if id(t) not in used and t.number == figures[total]]
    if len(totals) != 1:
        return None
    return [*runs[r][i : i + width], totals[0]]


def place_stated(
    grid: Grid, columns: tuple[str, ...], runs: list[list[Token]], stated: dict[str, dict[str, int]]
) -> list[Token]:
    """Table 四's groups placed where the prose's figures match exactly one run of the printed
    values (`locate`), basis `prose`; the values still unplaced."""
    used: set[int] = set()
    for group, figures in stated.items():
        tokens = locate(runs, figures, columns)
        if tokens is None:
            continue
        grid.place(group, columns, tokens, basis="prose")
        used |= {id(t) for t in tokens}
        shown = " ".join(t.text.strip() for t in tokens)
        message = (
            f"{grid.table}.{group}: numbers printed out of order; {shown} placed because the "
            "report's prose states exactly these figures for this group"
        )
        grid.diagnostics.append(Diagnostic(CELLS_BY_PROSE, message, tokens[0].line))
    return [t for run in runs for t in run if id(t) not in used]
