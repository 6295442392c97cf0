"""Layout "pdf": space-aligned text as `pdftotext -layout` gives (FORMAT.md §2.2 C, seed 000, corpus 001).

Header words wrap inside their narrow cells, long row labels wrap away from their numbers, merged
group labels sit on their own line in the middle of their rows, pages end with a `-N-` footer.
A blank cell prints nothing here, so this layout cannot hold blank cells (docs/rendering.md).
Columns are counted in characters, every character one as poppler counts them (CJK included), and
a value stands centred in its column under its header's pieces: a text that placed values by
display width (a CJK character two) put a value of one column flush against the next column's
header word, which a reader of poppler's positions (tables/aligned.py) takes for that column's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .grid import Covered, Slot, TableGrid
from .outline import Block, Heading, Paragraph

LABEL_COLUMNS = 20  # character columns of the label area
VALUE_COLUMNS = 9  # display columns of one value column
PROSE_CHARS = 30  # characters per prose line (a narrow A4 text column)
HEADER_PIECE = 2  # characters per line of a wrapped narrow header (结果/维持)
STACKED_PIECE = 5  # table 二 headers wrap after this many characters (上一年项目/数量)
NOTE_CHARS = 24  # the header note of table 三 wraps at this width
PAGE_LINES = 48  # lines per page before a footer
SPACED_ROWS = 12  # a group label this tall prints letter-spaced (三 、本 年 度办 理 结果)


def width(text: str) -> int:
    """Character columns, as poppler counts them: every character takes one, CJK included."""
    return len(text)


def _chunks(text: str, size: int) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]


def _fit(text: str, columns: int) -> list[str]:
    """Split text into pieces no wider than `columns`."""
    pieces, current = [], ""
    for char in text:
        if current and width(current + char) > columns:
            pieces.append(current)
            current = ""
        current += char
    return [*pieces, current]


def _at(line: str, column: int, text: str) -> str:
    return line + " " * max(column - width(line), 1 if line else 0) + text


def _header_lines(grid: TableGrid, row: tuple[Slot, ...], positions: list[tuple[int, bool]]) -> Iterator[str]:
    if grid.name == "active_disclosure":
        # Seed 000: every header cell on its own line, a long one broken with a blank line between.
        for slot in row:
            plain = "（" not in slot.text and len(slot.text) > STACKED_PIECE
            pieces = _chunks(slot.text, STACKED_PIECE) if plain else [slot.text]
            for i, piece in enumerate(pieces):
                if i:
                    yield ""
                yield piece
        return
    narrow: list[tuple[int, list[str]]] = []
    for (column, in_values), slot in zip(positions, row, strict=True):
        if in_values and slot.colspan == 1:
            pieces = _chunks(slot.text, HEADER_PIECE)
            centred = column + (VALUE_COLUMNS - max(width(piece) for piece in pieces)) // 2
            narrow.append((centred, pieces))
        elif in_values:
            yield _at("", column + VALUE_COLUMNS * (slot.colspan // 2), slot.text)
        else:
            yield from _chunks(slot.text, NOTE_CHARS)
    # Narrow cells (结果维持 …) wrap every two characters, the pieces aligned under each other.
    for k in range(max((len(pieces) for _, pieces in narrow), default=0)):
        line = ""
        for column, pieces in narrow:
            if k < len(pieces):
                line = _at(line, column, pieces[k])
        yield line


def _positions(grid: TableGrid, row: Iterable[Slot | object]) -> list[tuple[int, bool]]:
    """(display column, in the value area) where each printed slot of a row starts."""
    label_cells = grid.width - _value_count(grid)
    base = LABEL_COLUMNS if label_cells else 0
    out, column = [], 0
    for slot in row:
        if isinstance(slot, Slot):
            if column < label_cells:
                out.append((column * (LABEL_COLUMNS // label_cells), False))
            else:
                out.append((base + (column - label_cells) * VALUE_COLUMNS, True))
        column += slot.colspan if isinstance(slot, Slot | Covered) else 1
    return out


def _value_count(grid: TableGrid) -> int:
    last = grid.rows[-1] if grid.rows else ()
    return sum(s.colspan for s in last if isinstance(s, Slot) and s.role == "value")


def _data_lines(row: tuple[Slot, ...], positions: list[tuple[int, bool]]) -> Iterator[str]:
    labels = "".join(s.text for s in row if s.role == "label")
    line = ""
    pieces = _fit(labels, LABEL_COLUMNS - 2) if labels else []
    if len(pieces) > 1:
        # A label too long for its cell wraps, and the numbers come on a line of their own.
        yield from pieces
    elif pieces:
        line = pieces[0]
    for (p, _), slot in zip(positions, row, strict=True):
        if slot.role == "value" and slot.text.strip():
            # Centred in its column, as its header's pieces are: poppler prints each under the other.
            start = p + (VALUE_COLUMNS * (1 + slot.colspan // 2) - width(slot.text)) // 2
            line = _at(line, max(start, width(line) + 2), slot.text)
    yield line


def table_lines(grid: TableGrid) -> list[str]:
    """The table as pdftotext -layout prints it."""
    out: list[str] = []
    groups: dict[int, list[str]] = {}
    for index, row in enumerate(grid.rows):
        slots = tuple(s for s in row if isinstance(s, Slot))
        positions = _positions(grid, row)
        for slot in slots:
            if slot.role == "group":
                # A merged group label is printed once, vertically centred on its rows.
                text = " ".join(slot.text) if slot.rowspan >= SPACED_ROWS else slot.text
                groups.setdefault(index + slot.rowspan // 2, []).append(text)
        for text in groups.pop(index, []):
            out.append(" " * 4 + text)
        if slots and slots[0].role == "caption":
            out += [" " * 14 + slots[0].text, ""]
        elif any(s.role == "value" for s in slots):
            out += list(_data_lines(slots, positions))
        else:
            out += list(_header_lines(grid, slots, positions))
            out.append("")
    return out


def _prose(text: str) -> Iterator[str]:
    # A PDF has no paragraphs of its own: the text flows again at the page's width.
    pieces = _chunks(text, PROSE_CHARS)
    yield "    " + pieces[0]
    yield from pieces[1:]


def _paginate(lines: list[str]) -> Iterator[str]:
    page = 1
    for i, line in enumerate(lines):
        if i and i % PAGE_LINES == 0:
            page += 1
            yield f"{' ' * 30}-{page - 1}-"
            line = "\f" + line
        yield line


def render_pdf(blocks: Iterable[Block]) -> str:
    """The report as pdftotext -layout text."""
    out: list[str] = []
    flow: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            flow.append(block.text)
            continue
        if flow:
            out += [*_prose("".join(flow)), ""]
            flow = []
        if isinstance(block, Heading):
            out += [("" if block.depth == 0 else "    ") + block.text, ""]
        else:
            out += [*table_lines(block.grid), ""]
    if flow:
        out += [*_prose("".join(flow)), ""]
    return "\n".join(_paginate(out))
