"""Step 4, PDF text: a row whose numbers a narrow cell wrapped in two lines (FORMAT.md §2.2 C).

(A number wrapped around its row's line is joined back by layout/wrapped.py and placed as a
floating value: floating.py.) pdftotext `-raw` prints a row cell by cell after its label, and a
number LibreOffice wrapped in its cell as two lines whose pieces both read as numbers (`178` /
`8` for 1788): more values than columns. Joining a line's lone number with the next line's lone
digits is then a reading, and the identities keep the one joining as many as there are values
too many, if only one does.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from ..layout import Token
from ..layout.tails import PIECE, TAIL, join_pieces
from ..values import clean

WRAP_UNSHOWN = "its last line's digits may be a wrapped number's tail, and no identity tells"


def joined_readings(lines: Sequence[Sequence[Token]], n: int) -> list[tuple[str, ...]]:
    """A row printed over lines with more values than its n columns: each way of joining a line's
    lone number to the next line's lone digits that leaves n values (pdftotext -raw)."""
    tokens = [t for line in lines for t in line]
    extra = len(tokens) - n
    if extra <= 0 or any(t.kind != "value" for t in tokens):
        return []
    texts = [clean(t.text) for t in tokens]
    joins = _joins(lines, texts)
    readings = []
    for chosen in itertools.combinations(joins, extra):
        if any(b - a < 2 for a, b in itertools.pairwise(chosen)):
            continue  # a piece joins one tail only
        out: list[str] = []
        skip = False
        for i, text in enumerate(texts):
            if skip:
                skip = False
                continue
            if i in chosen:
                out.append(text + texts[i + 1])
                skip = True
            else:
                out.append(text)
        readings.append(tuple(out))
    return readings


def most_joins(lines: Sequence[Sequence[Token]]) -> int:
    """How many wrapped numbers' pieces lines of values may hold: the most joins joined_readings
    can make at once (none where a token is not a value; a piece joins one tail only)."""
    tokens = [t for line in lines for t in line]
    if any(t.kind != "value" for t in tokens):
        return 0
    count, last = 0, -2
    for i in _joins(lines, [clean(t.text) for t in tokens]):
        if i - last >= 2:
            count, last = count + 1, i
    return count


def _joins(lines: Sequence[Sequence[Token]], texts: Sequence[str]) -> list[int]:
    """Where a line's lone number may join the next line's lone digits (texts: the lines' values)."""
    alone = [len(line) == 1 for line in lines for _ in line]
    return [
        i
        for i in range(len(texts) - 1)
        if alone[i]
        and alone[i + 1]
        and PIECE().match(texts[i])
        and TAIL().match(texts[i + 1])
        and join_pieces(texts[i], texts[i + 1]) is not None
    ]


def tail_readings(texts: Sequence[str], tails: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    """A row's cell texts as printed, and each way of joining the tails printed under it, in
    order, to as many of its numbers, in order (layout.Token.tails): `23` and tail `5` read 235.

    A none mark is never cut, and a join must make a number (layout.tails.join_pieces).
    """
    readings = [tuple(texts)]
    digits = [i for i, text in enumerate(texts) if PIECE().match(text)]
    for chosen in itertools.combinations(digits, len(tails)):
        joined = {i: join_pieces(texts[i], tail) for i, tail in zip(chosen, tails, strict=True)}
        if all(text is not None for text in joined.values()):
            readings.append(tuple(joined.get(i) or text for i, text in enumerate(texts)))
    return tuple(readings)


def may_hide_a_wrap(values: Sequence[Token]) -> bool:
    """True when a row's values, printed on several lines, end with a line of short digits under a
    line holding more values: the tail of a number a narrow cell wrapped reads the same
    (`其他对外管理服务事项 86 643` / `5`: 86, a blank dropped, 6435). Only an identity could tell."""
    lines: dict[int, list[Token]] = {}
    for value in values:
        lines.setdefault(value.line, []).append(value)
    if len(lines) < 2:
        return False
    *_, before, last = (lines[n] for n in sorted(lines))
    return len(last) < len(before) and all(TAIL().match(v.text.strip()) for v in last)
