"""Layout reader G: cells that lost their boundaries, a row per label and its digit run (FORMAT.md §2.2 G)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from ..lazyregex import lazy_pattern
from ..lexicon import Lexicon, key_of
from ..normalize import Line
from ..numbering import LEAF_NUMBER
from ..spelling import fold_spelling
from ..values import is_value_text
from .tokens import Bounds, CellRow, Token, is_broken_number, token

# A fused line is long and holds several table labels; shorter lines are real rows.
FUSED_MIN_CHARS = 80
FUSED_MIN_LABELS = 4
# A crawler page's whole text on one line: long, and holding many table labels apart.
CRAWL_MIN_CHARS = 400
CRAWL_MIN_LABELS = 10
# Words after a label's digits this long, or with sentence punctuation, are prose after the table.
FUSED_PROSE_KEY = 8
# The digits (and spaces, signs, units) printed after a label.
DIGIT = regex.compile(r"\d")
# A heading's number (3、 / 3.) right after a table's last row on a crawler line.
HEADING_NUMBER = lazy_pattern(r"^\d{1,2}$")
MARKS = ("、", ".", "．")
# A run of spaces before a Han character, after another or after a numbering mark (`1. 属于国家秘密`,
# `（三） 不予公开`: a label printed with a space after its number), matched whole, possessively: linear.
HAN_GAP = regex.compile(r"(?<=\p{Han}|[.、．)）])[ \u3000]++(?=\p{Han})")
RUN = lazy_pattern(r"[\d\s.,+\-元万%/—－无]*+")
# Words the templates do not know, then a value run reaching the next label: a row whose label is
# unknown, not a sentence (no sentence punctuation outside a bracketed note, and label-short).
UNKNOWN_LABEL_KEY = 40
SENTENCE_MARKS = "，,。；;：:！？"
# A heading's number after a space (`… 4 24,977.64元 3、 收到和处理…`): the table ended before it.
HEADING_AFTER = lazy_pattern(r"(?<=\s)(?:\d{1,2}|[一二三四五六七八九十]{1,3})、")


# A bracketed note right after a label (`规章（设区的市、自治州人民政府应提供相关数据）`,
# `采购总金额（单位：万元）`): part of the label's cell, not words after the table.
ANNOTATION = lazy_pattern(r"[(（][^()（）]{1,60}+[)）]")


@cache
def _spellings(lexicon: Lexicon) -> tuple[str, ...]:
    return tuple(fold_spelling(spelling) for spelling in lexicon.spellings)


def label_spans(text: str, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) of label spellings in fused text, longest first at each place.

    Spaces between two Han characters are looked through (`结果 纠正`, `商业 企业`: a label broken
    by justification or wrapping, FORMAT.md §2.3), and the spellings that print either way are one
    (`spelling.fold_spelling`); the spans are positions in `text` itself.
    """
    joined, at = _han_joined(text)
    joined = fold_spelling(joined)
    found: list[tuple[int, int]] = []
    for spelling in _spellings(lexicon):
        start = joined.find(spelling)
        while start != -1:
            found.append((at[start], at[start + len(spelling) - 1] + 1))
            start = joined.find(spelling, start + 1)
    found.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    spans: list[tuple[int, int]] = []
    for start, end in found:
        if spans and start < spans[-1][1]:
            continue
        spans.append((start, end))
    return spans


def _han_joined(text: str) -> tuple[str, list[int]]:
    """The text without spaces between Han characters, and each kept character's place in it."""
    pieces: list[str] = []
    kept: list[int] = []
    last = 0
    for gap in HAN_GAP.finditer(text):
        pieces.append(text[last : gap.start()])
        kept.extend(range(last, gap.start()))
        last = gap.end()
    # Joined by slices between the gaps, not character by character (most lines have no gap).
    pieces.append(text[last:])
    kept.extend(range(last, len(text)))
    return "".join(pieces), kept


def _glued(text: str, spans: list[tuple[int, int]]) -> int:
    """How many labels run straight into the next label or into their digits."""
    starts = {start for start, _ in spans}
    return sum(1 for _, end in spans if end in starts or (end < len(text) and text[end].isdigit()))


def is_fused(line: Line, lexicon: Lexicon) -> bool:
    """True when a line holds a whole table run together, or a crawler page's tables (§2.2 G, I)."""
    if len(line.text) < FUSED_MIN_CHARS or "\t" in line.text:
        return False
    text = line.text
    spans = label_spans(text, lexicon)
    # Fused means glued: a label runs straight into the next label or into its digits. Labels
    # standing apart between spaces are an ordinary row (or fake-bold 其其他他 noise), unless the
    # line is a whole page of text holding a table's many labels (crawler page text, §2.2 I).
    glued = _glued(text, spans)
    return glued >= FUSED_MIN_LABELS or (len(text) >= CRAWL_MIN_CHARS and len(spans) >= CRAWL_MIN_LABELS)


def split_fused(line: Line, lexicon: Lexicon) -> Iterator[CellRow]:
    """A row per label: the label, then the digit run printed after it (split later, by identities)."""
    text = line.text
    spans = label_spans(text, lexicon)
    # A line where some label runs straight into its digits lost its cell boundaries: any of its
    # digit runs may hold several cells (split later, by identities). A crawler page printing
    # every label apart (§2.2 I) keeps them: each number a cell, a blank cell leaving no trace.
    bounds: Bounds = "fused" if _glued(text, spans) else "words"
    for i, (start, end) in enumerate(spans):
        stop = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        run = text[end:stop].strip()
        note = ANNOTATION().match(run)
        if note is not None:
            end, run = end + text[end:stop].index(note.group()) + note.end(), run[note.end() :].strip()
        # The run is digits (and none marks) with at most a few spaces; anything wordy is prose
        # after the table.
        head = RUN().match(run)
        values = head.group(0).split() if head else []
        after = run[head.end() :] if head else run
        if values and HEADING_NUMBER().match(values[-1]) and after.startswith(MARKS):
            # `… 行政事业性收费 3、收到和处理…`: the 3 numbers the next heading, and opens its words.
            after = values.pop() + after
        rest = after.strip()
        if values and LEAF_NUMBER.match(values[-1]) and after[:1].isalpha():
            # `… 0 0 2.<words>`: a leaf's number glued to the words after it opens their row.
            rest = values.pop() + rest
        tokens = [Token("text", text[start:end], line.number), *_values(values, line.number)]
        unknown = _unknown_row(rest)
        if unknown is not None:
            # Words no template knows, then values up to the next label (or the next heading): a
            # row of its own, so its values are said (cell-unplaced) and the table goes on, not
            # ended by a "sentence".
            yield CellRow(tuple(tokens), line.number, "fused", bounds, own_label=True)
            words, numbers, rest = unknown
            tokens = [Token("text", words, line.number), *_values(numbers, line.number)]
        if rest:
            tokens.extend(_words_and_pieces(rest, line.number))
        yield CellRow(tuple(tokens), line.number, "fused", bounds, own_label=True)


def _values(values: list[str], line: int) -> list[Token]:
    # A digit run is a value however it reads (35-15 is two cells run together); a none mark
    # (/, 无) is a cell of its own. But a run ending in a comma group short of three digits (`2,90`)
    # is no numbers run together: a wrapped number's piece (PDF text whose lines were joined).
    return [_digits(v, line) if DIGIT.search(v) else token(v, line) for v in values]


def _digits(run: str, line: int) -> Token:
    return Token("broken" if is_broken_number(run) else "value", run, line)


WORD = lazy_pattern(r"\S++")


def _words_and_pieces(text: str, line: int) -> Iterator[Token]:
    """The words after a label's run, a wrapped number's pieces among them kept apart as such
    (`… 务机构 他 组织 3,12 3,12`: the header's words and the pieces PDF text joined into one line
    prints before a row)."""
    last = 0
    for word in WORD().finditer(text):
        if is_broken_number(word.group()):
            if text[last : word.start()].strip():
                yield _words(text[last : word.start()].strip(), line)
            yield Token("broken", word.group(), line)
            last = word.end()
    if text[last:].strip():
        yield _words(text[last:].strip(), line)


def _words(text: str, line: int) -> Token:
    # Between two labels of a real table there are only digits; words mean a sentence.
    wordy = len(key_of(text)) >= FUSED_PROSE_KEY or any(p in text for p in SENTENCE_MARKS)
    return Token("prose" if wordy else "text", text, line)


def _unknown_row(rest: str) -> tuple[str, list[str], str] | None:
    """`<words> <values>`, and what follows from a heading on, when the words read as a label."""
    heading = HEADING_AFTER().search(rest)
    cut = heading.start() if heading else len(rest)
    head = rest[:cut].rstrip()
    # The run ending the text, matched on the text reversed (a run's characters read the same
    # either way): one pass, where a `$`-anchored search would be quadratic in a long digit run.
    tail = RUN().match(head[::-1])
    start = len(head) - (tail.end() if tail else 0)
    # The run starts after a space: `规章2 0 0` is not words `规章` and a run `2 0 0`.
    while 0 < start < len(head) and not head[start].isspace():
        start += 1
    numbers = head[start:].split()
    # Cells: numbers or none marks (`行政处罚 /`), as a known label's run would be read.
    if not numbers or not all(DIGIT.search(n) or is_value_text(n) for n in numbers):
        return None
    words = head[:start].strip()
    bare = ANNOTATION().sub("", words)
    if not words or any(p in bare for p in SENTENCE_MARKS) or len(key_of(words)) > UNKNOWN_LABEL_KEY:
        return None
    if any(is_value_text(w) for w in words.split()):
        # Values among the words (`5. 要求…重新出 — — — 具已获取信息 (六) 1. 申请人…`): no label,
        # but labels broken up by other rows' cells (PDF text joined into one line).
        return None
    return words, numbers, rest[cut:]
