"""Label matching: every table label of the templates, matched tolerantly (FORMAT.md §2.3)."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache, lru_cache
from typing import NamedTuple, TypeVar

import regex

from .keyindex import KeyIndex
from .nfkc import nfkc
from .notes import ANNOTATION, reads_as_sentence
from .numbering import LABEL_MARKER, label_marker_ordinal
from .spelling import fold_variants
from .template_spec import LabelKind
from .templates import TemplateRegistry
from .textcache import text_cache

EntryKind = LabelKind

# A markdown escape before punctuation (`3\\. 其他`, html2text and pandoc escape a leading 3.).
_MD_ESCAPE = regex.compile(r"\\(?=[\\.\-*_()\[\]#+!|`])")
# What survives in a matching key: letters, digits and Han; quotes, brackets and spaces go.
_NOT_KEY = regex.compile(r"[^\p{Han}\p{L}\p{N}]++")

MIN_PREFIX = 4
SHORT_KEY = 2
FUZZY_RATIO = 0.8


# NamedTuples, not attrs: internal, and a fifth of an attrs class's cost to define (docs/performance.md).
class LabelParts(NamedTuple):
    """A label cell split into its markers (一、 / （三） / 1.) and its matching key."""

    cjk: int | None
    paren: int | None
    number: int | None
    key: str


def split_label(text: str) -> LabelParts:
    """Peel leading markers off a label and reduce the rest to a key."""
    return _split_normalized(nfkc(text))


def _split_normalized(text: str) -> LabelParts:
    # split_label of a text already NFKC-normalized (match_by normalizes once for two uses).
    if "\\" in text:
        text = _MD_ESCAPE.sub("", text)
    cjk = paren = number = None
    position = 0
    while (match := LABEL_MARKER.match(text, position)) is not None and match.end() > position:
        if match["cjk"]:
            cjk = label_marker_ordinal(match["cjk"])
        elif match["paren"]:
            paren = label_marker_ordinal(match["paren"])
        else:
            number = int(match["num"])
        position = match.end()
    return LabelParts(cjk, paren, number, fold_variants(_NOT_KEY.sub("", text[position:])))


# Remembered (textcache.py): the tables step keys every cell, the same texts again and again.
@text_cache
def key_of(text: str) -> str:
    """The matching key of a text: NFKC, no spaces, punctuation or quotes."""
    return fold_variants(_NOT_KEY.sub("", nfkc(text)))


class Entry(NamedTuple):
    """One label the lexicon knows: which table, what it is, the id it stands for."""

    table: str
    kind: EntryKind
    id: str
    key: str
    spelling: str
    cjk: int | None = None
    paren: int | None = None
    number: int | None = None


# (table, data row id) -> how many value cells the row has in some registered template.
Widths = Mapping[tuple[str, str], frozenset[int]]


class Lexicon:
    """All labels of all registered templates, for matching cells and scanning fused text."""

    # A plain class, not attrs (~2.6 million instructions to define at import); one per registry,
    # compared and hashed by identity (it keys the match caches).
    __slots__ = ("entries", "review_cells", "spellings", "widths")

    def __init__(
        self,
        entries: tuple[Entry, ...],
        spellings: tuple[str, ...],
        widths: Widths,
        review_cells: frozenset[int] = frozenset(),
    ) -> None:
        """The entries, the spellings (longest first), the value counts of each (table, row id), and
        how many cells table 四 has in all (its groups' rows side by side: 3 x 5)."""
        self.entries, self.spellings, self.widths = entries, spellings, widths
        self.review_cells = review_cells

    def match(self, text: str, table: str | None = None) -> tuple[Entry, ...]:
        """The entries a label cell may stand for, best first; () when it matches none."""
        return _match_cached(self, text, table)

    def row_widths(self, text: str, sure: bool = True) -> frozenset[int]:
        """How many value cells a template gives the data row a label names; empty when it names
        none, or (`sure`) may name something else too (（六）其他处理: a row in 2019, a group in 2021)."""
        found = self.match(text)
        if not found or (sure and any(e.kind != "row" for e in found)):
            return frozenset()
        return frozenset().union(
            *(self.widths.get((e.table, e.id), frozenset()) for e in found if e.kind == "row")
        )

    def is_piece(self, text: str) -> bool:
        """True when the text is part of a row's label: a wrapped row label's line, not words of its own.

        The line may begin with a piece of the group label printed in the column to its left
        (`果 的，只计这一情形，不计其他`: 三、本年度办理结果 beside （二）部分公开…, PDF text).
        """
        if not (key := key_of(text)):
            return False
        rows, cuts = _keys(self, ROW_LABEL_KINDS), range(1, min(GROUP_PIECE_CHARS, len(key) - 1) + 1)
        return key in rows or any(_group_piece(self, key[:k]) and key[k:] in rows for k in cuts)

    def is_fragment(self, text: str) -> bool:
        """True when each word is part of a label's key (`年度办 理结果`, `机构`), not words of its own."""
        keys = _keys(self, None)
        return bool(words := text.split()) and all((key := key_of(w)) and key in keys for w in words)

    def is_group_piece(self, text: str) -> bool:
        """True when the text is a line of a group label's narrow cell (`三、本年`, `度办理结`)."""
        return _group_piece(self, key_of(text))

    def _match(self, text: str, table: str | None) -> tuple[Entry, ...]:
        return match_by(text, lambda: _pool(self, table), (_exact, _prefix, _fuzzy))


P = TypeVar("P")
Rule = Callable[[LabelParts, P], list[Entry]]  # the entries of a pool a label's parts stand for


def match_by(text: str, pool: Callable[[], P], rules: tuple[Rule[P], Rule[P], Rule[P]]) -> tuple[Entry, ...]:
    """The matching order: the exact, prefix and fuzzy rules in turn, then the label before a
    bracketed annotation (规章（设区的市、自治州人民政府应提供相关数据）, FORMAT.md §2.3) by the
    exact rule; `pool` is built only for a label long enough to match. A sentence opening with a
    label's words (`规范性文件进行全面清理，…`, a line of prose) names no label shorter than itself."""
    normalized = nfkc(text)
    parts = _split_normalized(normalized)
    if len(parts.key) < SHORT_KEY and parts.number is None:
        return ()
    entries = pool()
    sentence = reads_as_sentence(normalized)
    for rule in rules:
        if found := [e for e in rule(parts, entries) if not sentence or len(e.key) >= len(parts.key)]:
            return _order(found, parts)
    head = ANNOTATION.match(normalized)
    found = rules[0](split_label(head["label"]), entries) if head is not None else []
    return _order(found, parts) if found else ()


# The labels a table's body prints down its side: a piece of one is a wrapped line of the label.
# (Header notes are left out: `和，等于第三项加第四项之和）` stays the sentence that ends a header.)
GROUP_LABEL_KINDS = frozenset({"group", "outcome_group"})
ROW_LABEL_KINDS = GROUP_LABEL_KINDS | {"row"}
# A group label's column is narrow: a line of it holds a few characters (`度办理结`, `予公开`).
GROUP_PIECE_CHARS = 4


def _group_piece(lexicon: Lexicon, key: str) -> bool:
    # A line of a group label's narrow cell: a few of its key's characters in a row.
    return 0 < len(key) <= GROUP_PIECE_CHARS and key in _keys(lexicon, GROUP_LABEL_KINDS)


@cache
def _keys(lexicon: Lexicon, kinds: frozenset[str] | None) -> str:
    # One string holding every key of these labels (None: all) apart: a piece is found with one `in`.
    return "\n".join(key_of(e.spelling) for e in lexicon.entries if kinds is None or e.kind in kinds)


# The entries a label may match (one table's, or all), and their keys indexed.
Pool = tuple[tuple[Entry, ...], KeyIndex]


@cache
def _pool(lexicon: Lexicon, table: str | None) -> Pool:
    # A table's entries in lexicon order, with their keys indexed (keyindex.py): each rule below
    # answers with the entries a scan of the pool in this order would give, in the same order.
    entries = tuple(e for e in lexicon.entries if table is None or e.table == table)
    return entries, KeyIndex([e.key for e in entries])


@lru_cache(maxsize=8192)
def _match_cached(lexicon: Lexicon, text: str, table: str | None) -> tuple[Entry, ...]:
    # Reports repeat the same labels across files and years: matching each spelling once pays.
    return lexicon._match(text, table)


def _compatible(parts: LabelParts, entry: Entry) -> bool:
    # A printed marker must agree with the entry's; a missing one is tolerated (OCR, layout).
    for mine, theirs in ((parts.cjk, entry.cjk), (parts.paren, entry.paren), (parts.number, entry.number)):
        if mine is not None and theirs is not None and mine != theirs:
            return False
    # A short key is told apart by its marker: （七）总计 is a row, a bare 总计 the column.
    if len(entry.key) <= SHORT_KEY and (entry.paren or entry.cjk or entry.number):
        # 3.其他 is a row only with its number; a bare 其他 is the applicant column.
        return (parts.paren, parts.cjk, parts.number) == (entry.paren, entry.cjk, entry.number) or (
            entry.number is not None and parts.number == entry.number
        )
    return not (entry.kind == "column" and (parts.paren or parts.cjk))


def _exact(parts: LabelParts, pool: Pool) -> list[Entry]:
    entries, keyed = pool
    return [e for e in (entries[i] for i in keyed.exact(parts.key)) if _compatible(parts, e)]


def _prefix(parts: LabelParts, pool: Pool) -> list[Entry]:
    if len(parts.key) < MIN_PREFIX:
        return []
    # Cut by a line break (label key starts with the cell) or annotated (cell starts with the label).
    entries, keyed = pool
    near = sorted({*keyed.extending(parts.key), *keyed.within(parts.key, MIN_PREFIX)})
    return [e for e in (entries[i] for i in near) if _compatible(parts, e)]


def _fuzzy(parts: LabelParts, pool: Pool) -> list[Entry]:
    if len(parts.key) < MIN_PREFIX:
        return []
    scored = []
    entries, keyed = pool
    # Only keys that hold enough of the label's characters can be alike enough (keyindex.py).
    for i in keyed.alike(parts.key, FUZZY_RATIO, MIN_PREFIX):
        e = entries[i]
        if not _compatible(parts, e):
            continue
        ratio = difflib.SequenceMatcher(None, parts.key, e.key, autojunk=False).ratio()
        if ratio >= FUZZY_RATIO:
            scored.append((ratio, e))
    best = max((r for r, _ in scored), default=None)
    return [e for r, e in scored if r == best]


def _order(found: list[Entry], parts: LabelParts) -> tuple[Entry, ...]:
    def score(e: Entry) -> tuple[int, int]:
        agree = sum(
            1
            for mine, theirs in ((parts.cjk, e.cjk), (parts.paren, e.paren), (parts.number, e.number))
            if mine is not None and mine == theirs
        )
        return (-agree, -len(e.key))

    unique: dict[tuple[str, str, str], Entry] = {}
    for e in sorted(found, key=score):
        unique.setdefault((e.table, e.kind, e.id), e)
    return tuple(unique.values())


def _spelled(
    table: str, kind: EntryKind, id_: str, spellings: Iterable[str], marked: bool = False
) -> Iterator[Entry]:
    """One entry per spelling; `marked` labels keep their markers (（三）, 1., 四、) apart from the key."""
    for s in spellings:
        p = split_label(s) if marked else LabelParts(None, None, None, key_of(s))
        yield Entry(table, kind, id_, p.key, s, p.cjk, p.paren, p.number)


def _entries_for(registry: TemplateRegistry) -> Iterator[Entry]:
    for template in registry:
        for printed in template.printed_labels():
            yield from _spelled(printed.table, printed.kind, printed.id, printed.spellings, printed.marked)


@cache
def lexicon_for(registry: TemplateRegistry) -> Lexicon:
    """The lexicon of a registry (cached: registries are immutable)."""
    seen: dict[tuple[str, str, str, str, int | None, int | None, int | None], Entry] = {}
    for e in _entries_for(registry):
        seen.setdefault((e.table, e.kind, e.id, e.key, e.cjk, e.paren, e.number), e)
    spellings = {nfkc(e.spelling).replace(" ", "") for e in seen.values()}
    widths: dict[tuple[str, str], set[int]] = {}
    for template in registry:
        for table in ("active_disclosure", "applications"):
            for row in template.row_ids(table):
                widths.setdefault((table, row), set()).add(len(template.column_ids(table, row)))
    review = "review_litigation"
    return Lexicon(
        tuple(seen.values()),
        tuple(sorted(spellings, key=len, reverse=True)),
        {key: frozenset(value) for key, value in widths.items()},
        frozenset(len(t.row_ids(review)) * len(t.column_ids(review)) for t in registry),
    )
