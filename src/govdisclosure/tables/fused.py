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
