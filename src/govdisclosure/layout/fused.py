"""Layout reader G: cells that lost their boundaries, a row per label and its digit run (FORMAT.md §2.2 G)."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..lexicon import Lexicon, key_of
from ..normalize import Line
from .tokens import CellRow, Token

# A fused line is long and holds several table labels; shorter lines are real rows.
FUSED_MIN_CHARS = 80
FUSED_MIN_LABELS = 4
# Words after a label's digits this long, or with sentence punctuation, are prose after the table.
FUSED_PROSE_KEY = 8
# The digits (and spaces, signs, units) printed after a label.
RUN = regex.compile(r"[\d\s.,+\-元万%]*+")


def label_spans(text: str, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) of label spellings in fused text, longest first at each place."""
    found: list[tuple[int, int]] = []
    for spelling in lexicon.spellings:
        start = text.find(spelling)
        while start != -1:
            found.append((start, start + len(spelling)))
            start = text.find(spelling, start + 1)
    found.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    spans: list[tuple[int, int]] = []
    for start, end in found:
        if spans and start < spans[-1][1]:
            continue
        spans.append((start, end))
    return spans


def is_fused(line: Line, lexicon: Lexicon) -> bool:
    """True when a line holds a whole table run together."""
    if len(line.text) < FUSED_MIN_CHARS or "\t" in line.text:
        return False
    text = line.text
    spans = label_spans(text, lexicon)
    # Fused means glued: a label runs straight into the next label or into its digits. Labels
    # standing apart between spaces are an ordinary row (or fake-bold 其其他他 noise).
    starts = {start for start, _ in spans}
    glued = sum(1 for _, end in spans if end in starts or (end < len(text) and text[end].isdigit()))
    return glued >= FUSED_MIN_LABELS


def split_fused(line: Line, lexicon: Lexicon) -> Iterator[CellRow]:
    """A row per label: the label, then the digit run printed after it (split later, by identities)."""
    text = line.text
    spans = label_spans(text, lexicon)
    for i, (start, end) in enumerate(spans):
        stop = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        run = text[end:stop].strip()
        tokens = [Token("text", text[start:end], line.number)]
        # The run is digits with at most a few spaces; anything wordy is prose after the table.
        head = RUN.match(run)
        values = head.group(0).split() if head else []
        tokens += [Token("value", v, line.number) for v in values]
        rest = run[head.end() :].strip() if head else run
        if rest:
            # Between two labels of a real table there are only digits; words mean a sentence.
            wordy = len(key_of(rest)) >= FUSED_PROSE_KEY or any(p in rest for p in "，,。；;：:")
            tokens.append(Token("prose" if wordy else "text", rest, line.number))
        yield CellRow(tuple(tokens), line.number, "fused", "fused")
