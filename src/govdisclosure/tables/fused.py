"""Splitting fused digit runs (FORMAT.md §2.2 G): only where the identities leave exactly one split."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from functools import lru_cache

import regex

from ..identities import total_holds
from ..lazyregex import lazy_pattern
from ..model import Number
from ..values import UNITS

# Splits are enumerated with a budget so that a hostile run cannot take unbounded time.
MAX_NODES = 200_000
MAX_COMBINATIONS = 50_000
# No table row prints more digits than this; a longer run is not split at all.
MAX_RUN_CHARS = 120
# The longest cell a split may make: 30 digits, a point and 12 decimals (see _PART).
_LONGEST_CELL = 43
# The longest whole-number cell: _PART's 30 digits.
_LONGEST_WHOLE = 30

_PART = lazy_pattern(r"^(?:0|[1-9]\d{0,29}+)(?:\.\d{1,12}+)?+$")

Split = tuple[str, ...]


def _value(part: str) -> Number:
    return Decimal(part) if "." in part else int(part)


def _chunk_parts(chunk: str, k: int, money: Sequence[bool], signed: Sequence[bool]) -> Iterator[Split]:
    """Every way to cut one chunk into k valid cells (no leading zeros; decimals only in money columns)."""
    yield from _cuts(chunk, k, tuple(money[:k]), tuple(signed[:k]))


@lru_cache(maxsize=4096)
def _cuts(chunk: str, k: int, money: tuple[bool, ...], signed: tuple[bool, ...]) -> tuple[Split, ...]:
    if k == 0:
        return ((),) if not chunk else ()
    sign, body = "", chunk
    if body[:1] in "+-":
        if not signed[0]:
            return ()
        sign, body = body[:1], body[1:]
    if "+" in body or "-" in body:
        return ()
    if k == 1:
        ok = _PART().match(body) and ("." not in body or money[0])
        return ((sign + body,),) if ok else ()
    found: list[Split] = []
    # Each of the k - 1 cells after this one needs a character at least: cut no later than that.
    for cut in range(1, len(body) - (k - 1) + 1):
        head = body[:cut]
        if not _PART().match(head) or ("." in head and not money[0]):
            if head == "0" or len(head) > _LONGEST_CELL:
                break
            continue
        found += [(sign + head, *rest) for rest in _cuts(body[cut:], k - 1, money[1:], signed[1:])]
        if head == "0" and not (money[0] and body[1:2] == "."):
            break  # a cell that starts with 0 is 0 itself (or 0.5 in a money column)
    return tuple(found)


def _sign_chunks(chunks: Sequence[str]) -> list[str]:
    # A sign inside a run starts a new cell: 35-15 is 35 | -15 (本年增/减).
    out: list[str] = []
    for chunk in chunks:
        digits = next((chunk.removesuffix(u) for u in UNITS if chunk.endswith(u)), chunk)
        out += [p for p in regex.split(r"(?=[+\-])", digits) if p]
    return out


def splits(
    chunks: Sequence[str],
    n: int,
    money: Sequence[bool],
    signed: Sequence[bool],
    accept: Callable[[Split], bool] = lambda _: True,
) -> list[Split]:
    """Every split of the chunks into n cells, boundaries between chunks kept, that `accept` admits."""
    parts = _sign_chunks(chunks)
    if sum(len(p) for p in parts) > MAX_RUN_CHARS:
        return []
    found: list[Split] = []
    nodes = 0

    def walk(i: int, col: int, acc: Split) -> None:
        nonlocal nodes
        nodes += 1
        if nodes > MAX_NODES:
            raise OverflowError
        if i == len(parts):
            if col == n and accept(acc):
                found.append(acc)
            return
        remaining = len(parts) - i - 1
        for k in range(1, n - col - remaining + 1):
            for piece in _chunk_parts(parts[i], k, money[col : col + k], signed[col : col + k]):
                walk(i + 1, col + k, acc + piece)

    try:
        walk(0, 0, ())
    except OverflowError:
        return []
    return found


def total_splits(chunks: Sequence[str], n: int, width: int) -> list[Split]:
    """Every split of the chunks into n whole-number cells, in groups of `width` cells each ending
    with the sum of the others (table 三's 总计, table 四's group totals): what `splits` gives with
    `group_totals_ok(width)` and no money or signed column, in its order.

    The cells are found one at a time, and a group's total is not guessed: it is the sum so far,
    printed next or not at all. A group whose sum has outgrown the characters left is dropped at
    once. `splits` enumerated every cut and tested each whole split (a crawler page's row of 15
    digits has 3,003 cuts into 7 cells); this visits the cuts a total can still close, and so
    also settles runs whose cuts were too many for `splits`'s budget (MAX_NODES). A run too long
    for its own budget is left to `splits`.
    """
    parts = _sign_chunks(chunks)
    if width < 2 or n % width or not parts:
        return splits(chunks, n, [False] * n, [False] * n, group_totals_ok(width))
    if sum(len(p) for p in parts) > MAX_RUN_CHARS or not all(p.isdigit() and p.isascii() for p in parts):
        # A sign, a decimal point or another character: no whole-number cell holds it.
        return []
    # Characters from each part's start to the run's end.
    after = [sum(len(p) for p in parts[i:]) for i in range(len(parts) + 1)]
    found: list[tuple[tuple[tuple[int, tuple[int, ...]], ...], Split]] = []
    nodes = 0

    def cell(i: int, at: int, acc: Split, total: int) -> None:
        # acc: the cells so far; parts[i][at:] is where the next cell starts; total: the open group's sum.
        nonlocal nodes
        nodes += 1
        if nodes > MAX_NODES:
            raise OverflowError
        if at == len(parts[i]):
            i, at = i + 1, 0
            if i == len(parts):
                if len(acc) == n:
                    found.append((_order(parts, acc), acc))
                return
        left = after[i] - at  # characters left
        cells = n - len(acc)  # cells left
        # Each cell needs a character, and what is left of each part a cell of its own.
        if cells < len(parts) - i or left < cells:
            return
        text = parts[i]
        if (len(acc) + 1) % width == 0:
            printed = str(total)  # the group's total: its sum, as printed (no leading zero)
            if len(printed) <= _LONGEST_WHOLE and text.startswith(printed, at):
                cell(i, at + len(printed), (*acc, printed), 0)
            return
        # The rest of the group (cells before its total) and the groups after it need a character
        # each, and the total at least as many as the sum has digits.
        rest = width - 1 - len(acc) % width
        later = cells - rest - 1
        for end in range(at + 1, len(text) + 1):
            head = text[at:end]
            if head[0] == "0" and end > at + 1:
                break  # a cell that starts with 0 is 0 itself
            if end - at > _LONGEST_WHOLE:
                break
            value = total + int(head)
            if left - (end - at) - later - (rest - 1) < len(str(value)):
                break  # a longer cell only grows the sum
            cell(i, end, (*acc, head), value)

    try:
        cell(0, 0, (), 0)
    except OverflowError:
        # Its budget counts cells, the old search's whole chunks: a run can outgrow this one's and
        # not that one's, and then that one answers.
        return splits(chunks, n, [False] * n, [False] * n, group_totals_ok(width))
    found.sort(key=lambda pair: pair[0])
    return [split for _, split in found]


def _order(parts: Sequence[str], split: Split) -> tuple[tuple[int, tuple[int, ...]], ...]:
    """Where `splits` lists a split: by each part's number of cells, then their lengths, part by part."""
    out, cells = [], iter(split)
    for part in parts:
        lengths: list[int] = []
        while sum(lengths) < len(part):
            lengths.append(len(next(cells)))
        out.append((len(lengths), tuple(lengths)))
    return tuple(out)


def row_total_ok(split: Split) -> bool:
    """The last cell is the sum of the others (table 三's 总计 column; identities.total_holds)."""
    return total_holds([_value(p) for p in split])


def group_totals_ok(width: int) -> Callable[[Split], bool]:
    """Each group of `width` cells ends with the sum of the others (table 四)."""

    def ok(split: Split) -> bool:
        return all(row_total_ok(split[i : i + width]) for i in range(0, len(split), width))

    return ok


def choose(
    candidates: dict[str, list[Split]],
    consistent: Callable[[dict[str, Split]], bool],
) -> dict[str, Split | None]:
    """For each run, its split if every combination the identities admit agrees on it, else None."""
    fixed = {k: v[0] for k, v in candidates.items() if len(v) == 1}
    open_keys = [k for k, v in candidates.items() if len(v) > 1]
    result: dict[str, Split | None] = {k: fixed.get(k) for k in candidates}
    if not open_keys:
        return result
    total = 1
    for k in open_keys:
        total *= len(candidates[k])
    if total > MAX_COMBINATIONS:
        return result
    survivors = []
    for combo in itertools.product(*(candidates[k] for k in open_keys)):
        chosen = {**fixed, **dict(zip(open_keys, combo, strict=True))}
        if consistent(chosen):
            survivors.append(combo)
    for i, k in enumerate(open_keys):
        options = {combo[i] for combo in survivors}
        result[k] = options.pop() if len(options) == 1 else None
    return result
