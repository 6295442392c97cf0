"""Step 4a for aligned text: the header's words that spell a value column's label, fixed at that column.

A narrow header cell breaks its label over lines (`科` / `研` / `机` / `构`); pdftotext -layout
prints each piece under the one above. The header is the lines right above a table's first row
on its page that print nothing but header words (`header_lines`); pieces there stacked that way,
each standing under the one above, that spell exactly one column's label are that column's cell,
and where they stand bounds where that column's values stand (bounds.py). Words that other
cells' words may have placed (a line of several cells printed squeezed, `然 商业 科研`, and the
words poppler aligned to it) say nothing and are set aside (`_placed_by_other_cells`).

Where two columns' words stand one or two columns apart, the header is one text block holding
several cells (`_one_text_block`), and its words bound their columns' values one way only: a
value starting left of a word is in its column or left of it (`_block_word`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import NamedTuple

from ..layout import CellRow, Run, Runs
from ..layout.words import WORD
from ..lexicon import key_of
from ..template_spec import Column, Label
from .bounds import Place, PrintedRun

__all__ = ["HeaderLabels", "header_floor", "header_labels", "header_lines", "spelled_columns"]


# A NamedTuple, not an attrs class, as in bounds.py.
class HeaderLabels(NamedTuple):
    """What a table's header prints: each value column's label spellings, and every header text."""

    columns: Mapping[str, tuple[str, ...]]  # a column id -> its spellings
    texts: tuple[str, ...]  # every text the header prints (the columns' labels, the merged cells')


def header_labels(columns: Mapping[str, Column], *texts: Label) -> HeaderLabels:
    """What a table's header prints: its value `columns`' labels and the merged cells' `texts`."""
    spellings = {column.id: column.label.spellings for column in columns.values()}
    every = tuple(s for label in texts for s in label.spellings)
    return HeaderLabels(spellings, every + tuple(s for found in spellings.values() for s in found))


def header_floor(row: CellRow, runs: Mapping[int, Runs] | None) -> int:
    """The line a page's header stands above: the first line of its page that the page's first row
    prints on. A wrapped label's pieces may stand lines above its values (`2.` / `其他` / `法律` /
    `行政   1   1`, a table going on from the page before), and they are no header, though each
    word is a piece of a column's label (其他, 法律服务机构)."""
    lines = [t.line for t in row.tokens if t.line is not None]
    on_page = [n for n in lines if runs is None or (r := runs.get(n)) is None or r.page == row.page]
    return min([row.line, *on_page])


def header_lines(
    runs: Mapping[int, Runs], first: int, labels: HeaderLabels
) -> list[tuple[int, tuple[Run, ...]]]:
    """The lines above line `first` (a table's first row on its page) that print the table's header.

    Walking up from `first` on its page, past lines holding nothing, every line whose every word
    is a piece of a header text; the first line that is not (the table's title, a sentence, the
    table's rows before) ends the header.
    """
    found: list[tuple[int, tuple[Run, ...]]] = []
    texts = [key_of(text) for text in labels.texts]

    def printed(word: str) -> bool:
        # A piece of some header text (`科`, `和，等于第三项加第四项之和）`).
        key = key_of(word)
        return bool(key) and any(key in text for text in texts)

    below = runs.get(first)
    for number in range(first - 1, -1, -1):
        line = runs.get(number)
        if line is None:
            continue
        words = [word for _, _, text in line.runs for word in text.split(" ")]
        if below is None or line.page != below.page or not all(printed(word) for word in words):
            break
        found.append((number, line.runs))
    return found[::-1]


# A NamedTuple, not an attrs class, as in bounds.py.
class _Word(NamedTuple):
    """A header word (a run of its own): where it stands and its matching key."""

    place: Place
    key: str


def _chains(lines: Sequence[list[_Word]], key: str) -> set[tuple[_Word, ...]]:
    """Header words, each on a line below the last and standing under it, that spell `key`."""
    found: set[tuple[_Word, ...]] = set()

    def extend(chain: tuple[_Word, ...], spelled: str, after: int) -> None:
        if spelled == key:
            found.add(chain)
            return
        low, high = chain[-1].place[1]
        for index in range(after + 1, len(lines)):
            for word in lines[index]:
                more = spelled + word.key
                start, end = word.place[1]
                if word.key and start <= high and low <= end and key.startswith(more):
                    extend((*chain, word), more, index)

    for index, words in enumerate(lines):
        for word in words:
            if word.key and key.startswith(word.key):
                extend((word,), word.key, index)
    return found


def _placed_by_other_cells(lines: Sequence[tuple[int, tuple[Run, ...]]]) -> set[tuple[int, Run]]:
    """The header's runs that poppler may have printed where other cells' words put them.

    poppler (`TextOutputDev.cc`) prints a text block three columns or more right of every block
    wholly left of it, or, overlapping one, at a share of that block's width; and a line within
    a block one column after the block's lines wholly left of it, or under the character above.
    Values are blocks of their own (or lines of values, `2,783 377`, set apart from the header),
    so a value wholly left of a header word is printed wholly left of it unless the word's block
    holds text further left: other cells' words. A run of words one space apart (`然 商业 科研`)
    is such a block's line, words of several cells printed squeezed; the runs of other lines
    touching it, or starting one space after it, were placed by it (under its characters, or
    after it) in its block, and so, in turn, were the runs touching or following those. They are
    set aside; the header's other words keep to the rule (held-out seed 7's r160: 社会, printed
    one space after `然 商业 科研`, stood over 科研机构's values). Measured on the `-layout` texts
    of five corpora (1,280 texts; 836 whose table 三 header fixes some column, 545 of them
    squeezed; 99,191 pairs of a value and a header word whose columns the truth gives), no pair
    broke the rule. (A header with no squeezed run keeps every word: 4.1 million pairs held
    there, aligned.py; but where two columns' words print closer than two blocks can, its cells
    are one block, and their words bound one way only: `_one_text_block`.)
    """
    runs = [(number, run) for number, line in lines for run in line]
    # (Runs of one line neither touch nor stand one space apart: those would be one run.)
    return _grown(
        {(number, run) for number, run in runs if " " in run[2]},
        runs,
        lambda run, by: run[0] == by[1] + 1 or (run[0] < by[1] and by[0] < run[1]),
    )


def _grown(
    found: set[tuple[int, Run]],
    runs: Iterable[tuple[int, Run]],
    placed_by: Callable[[Run, Run], bool],
) -> set[tuple[int, Run]]:
    """`found` with every run placed by one found (`placed_by(run, by)`), and so on."""
    runs = list(runs)
    grown = bool(found)
    while grown:
        placed = {(number, run) for number, run in runs if any(placed_by(run, by) for _, by in found)}
        grown = not placed <= found
        found = found | placed
    return found


def _one_text_block(
    lines: Sequence[tuple[int, tuple[Run, ...]]], labels: Sequence[tuple[str, ...]]
) -> set[tuple[int, Run]]:
    """The header's runs that the text shows to be lines of one text block of several cells.

    poppler prints a text block three columns or more right of every block wholly left of it,
    and a line within a block one column after the block's lines wholly left of it, or under a
    character of one above (`_placed_by_other_cells`). Two columns' cells stand apart on the
    page, so two of their words, on two runs, printed one or two columns apart are one block's
    (a review's LibreOffice PDF in 19 px type, line height 1.0: 法律服务 ending at 34, 其他
    starting at 35). Each other line of that block was placed one column after a line of it, or
    under one: the runs starting one column or none after a run found, or ending so before it, or
    overlapping it, are found too, and so on. A merged cell's words (`法人或其他组织`) are no
    evidence either way and found through no run; where such a cell is a line of the block itself
    (the review's PDF printed it as a block of its own), the words placed under it are not found.
    """
    keys = [[key_of(spelling) for spelling in spellings] for spellings in labels]

    def columns(text: str) -> frozenset[int]:
        # The columns whose label holds the word (机构 is two columns'; a merged cell's, none).
        key = key_of(text)
        return frozenset(i for i, found in enumerate(keys) if key and any(key in k for k in found))

    # The words of a squeezed run too (`然 商业 科研`: several cells' words one space apart, one
    # block's line already), each with its run: two words of one run show nothing more. Only
    # runs holding a column's word: a merged cell over several columns (`法人或其他组织`, `行政诉讼`)
    # stands over their cells on the page, so where it prints says nothing of blocks.
    words = [
        (start, start + len(word), found, columns(word))
        for found in ((number, run) for number, line in lines for run in line)
        for start, word in ((found[1][0] + m.start(), m.group()) for m in WORD.finditer(found[1][2]))
    ]
    runs = {found for _, _, found, columns_of in words if columns_of}
    block = {
        run
        for left in words
        for right in words
        if left[3] and right[3] and not left[3] & right[3] and left[2] != right[2]
        if 1 <= right[0] - left[1] <= 2
        for run in (left[2], right[2])
    }
    return _grown(
        block,
        runs,
        lambda run, by: (
            run[0] - by[1] in (0, 1) or by[0] - run[1] in (0, 1) or (run[0] < by[1] and by[0] < run[1])
        ),
    )


def _block_word(place: Place, column: int) -> PrintedRun:
    """A header word of a block of several cells, bounding its column's values one way only.

    Within the block poppler sets its lines one after another, a character a column, but a value
    standing under the block's span at a share of the block's width: wide CJK characters and the
    gaps between cells, a column each, leave the words left of where that share puts the values
    under them. So a value may print over a word of the next column (the LibreOffice PDF above:
    法律服务机构's `2` at 35, under 其他), and a word's end bounds nothing. What holds is the
    other way round: a word's share of the block is no less than where it starts in it, so a value
    starting left of where a word starts does not stand right of the word's cell on the page, and
    is in its column or left of it. (Headers drawn the way poppler places such blocks, 4,000
    tables: with both bounds, 130 placed a value in another column; with this one alone, none:
    tests/test_header_block.py.)
    """
    return PrintedRun(place, None, place[1][0] - 1, column)


def spelled_columns(
    lines: Sequence[tuple[int, tuple[Run, ...]]], labels: Sequence[tuple[str, ...]]
) -> list[PrintedRun]:
    """The header's words that spell one column's label, each fixed at that column.

    `lines`: the header's lines (number, runs), top to bottom; `labels`: each column's spellings,
    left to right. A label spelled by words stacked one under the other, each standing under the
    one above, is that column's cell. A label spelled in more or fewer ways than the columns it
    names, or with a word that some other label's spelling uses too, fixes nothing. A label
    several columns share (table 四's 总计, once per group) fixes them where it is spelled once for
    each: the spellings then stand apart, and a cell printed wholly left of another is no cell
    right of it (aligned.py), so they stand in the columns' order. (The words of a spelling are on
    later and later lines, not always the next: another column's pieces may stand on the lines
    between.)
    """
    block = _one_text_block(lines, labels)
    blocked = {(number, (run[0], run[1])) for number, run in block}
    shifted = _placed_by_other_cells(lines)
    lines = [(number, tuple(run for run in runs if (number, run) not in shifted)) for number, runs in lines]
    words = [
        [_Word((number, (start, end)), key_of(text)) for start, end, text in runs] for number, runs in lines
    ]
    columns: dict[tuple[str, ...], list[int]] = {}
    for column, spellings in enumerate(labels):
        columns.setdefault(tuple(spellings), []).append(column)
    spelled = {
        label: {chain for spelling in label for chain in _chains(words, key_of(spelling))}
        for label in columns
    }
    fixed: list[PrintedRun] = []
    for label, chains in spelled.items():
        others = {
            word for other, found in spelled.items() if other != label for chain in found for word in chain
        }
        # Spellings standing over each other would spell across each other too (one's 总 over the
        # other's 计): as many spellings as columns stand apart, left to right by where they start.
        ordered = sorted(chains, key=lambda chain: min(word.place[1][0] for word in chain))
        if len(ordered) != len(columns[label]) or any(others & set(chain) for chain in ordered):
            continue
        for column, chain in zip(columns[label], ordered, strict=True):
            fixed += [
                _block_word(word.place, column)
                if word.place in blocked
                else PrintedRun(word.place, *word.place[1], column)
                for word in chain
            ]
    return fixed
