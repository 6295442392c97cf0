"""Table labels seen from the outline: table rows that look like headings (FORMAT.md §2.1 trap)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache, lru_cache

import regex

from ..numbering import match_marker
from ..spelling import fold_spelling, replace_marks
from ..templates import Template, TemplateRegistry, default_templates
from .fold import fold

__all__ = ["TableLabels", "compact", "table_labels"]

_SPACE = regex.compile(r"\s+")
# After spelling.fold_spelling (、/， one mark, quotes of any shape one quote): quotes are dropped, and
# markdown escapes before them (危及\"三安全一稳定\" reads as 危及“三安全一稳定”).
_NO_QUOTES = (("\\", ""), ('"', ""))
# Separates labels in TableLabels._joined: a control character no compacted text keeps.
_JOIN = "\x00"


def _compact(text: str) -> str:
    return replace_marks(fold_spelling(_SPACE.sub("", fold(text))), _NO_QUOTES)


# Titles and label pieces recur on every line and in every report: remember the short ones.
_compact_short = lru_cache(maxsize=8192)(_compact)
_SHORT = 64


def compact(text: str) -> str:
    """Folded text without any whitespace and with 、/， unified: the form labels are compared in."""
    return _compact_short(text) if len(text) <= _SHORT else _compact(text)


class TableLabels:
    """Every label of the bundled templates, indexed for the outline's questions."""

    # A plain class, not attrs: built once per label set, and an attrs class costs ~2.6 million
    # instructions to define at import.
    __slots__ = ("_by_ordinal", "_folded_openers", "_joined", "_probe", "all_labels", "numbered", "openers")

    def __init__(
        self, numbered: frozenset[tuple[int, str]], all_labels: frozenset[str], openers: tuple[str, ...]
    ) -> None:
        """Index the labels: numbered (ordinal, title) pairs, every label, the table openers."""
        # (ordinal, title) of labels that start with a marker: 一、本年新收… （三）不予公开 1.属于国家秘密.
        self.numbered = numbered
        # Every label as compared (captions, rows, columns, header cells, groups), numbered ones in full.
        self.all_labels = all_labels
        # Labels that only ever open a table: captions and the table 三 header note.
        self.openers = openers
        # Derived once: every label joined by _JOIN, for one substring search, and numbered labels
        # by ordinal; the folded openers.
        by_ordinal: dict[int, list[str]] = {}
        for number, label in sorted(numbered):
            by_ordinal.setdefault(number, []).append(label)
        self._joined = _JOIN.join(sorted(all_labels))
        self._by_ordinal = {n: tuple(v) for n, v in by_ordinal.items()}
        self._folded_openers = tuple(fold(o) for o in openers)
        # A text this long or longer is a fragment only if its start compacts to no more than
        # the longest label (compact maps character by character, dropping some: see is_fragment).
        self._probe = 2 * max(map(len, all_labels), default=0) + 1

    def is_row_heading(self, ordinal: int, title: str) -> bool:
        """True when a heading (its ordinal and title) is really a table row label or a piece of one."""
        seen = compact(title)
        if not seen:
            return False
        for label in self._by_ordinal.get(ordinal, ()):
            if seen == label or label.startswith(seen) or seen.startswith(label):
                return True
        return False

    def is_fragment(self, text: str, *, min_length: int = 2) -> bool:
        """True when a line is a label, or a piece of one wrapped across lines (商业企 / 业, 结 果)."""
        if len(text) > self._probe and len(_compact(text[: self._probe])) > self._probe // 2:
            # compact works character by character (it folds, drops spaces and quotes, and spells
            # 其它 as 其他), so a prefix's compact form begins the whole text's: a prose line whose
            # start is already longer than any label is none, without compacting all of it.
            return False
        seen = compact(text)
        if len(seen) < min_length:
            return False
        if _JOIN in seen:  # a NUL the caller left in: compare label by label
            return any(seen in label for label in self.all_labels)
        # Without the separator inside it, `seen` can only match within one label of the joined text.
        return seen in self._joined

    def opener_at(self, text: str) -> int:
        """The offset in compact-comparable `text` where a table visibly starts, or -1."""
        folded = fold(text)
        hits = [folded.find(o) for o in self._folded_openers]
        hits = [h for h in hits if h >= 0]
        return min(hits) if hits else -1


def _labels(template: Template) -> Iterator[str]:
    for printed in template.printed_labels():
        yield from printed.spellings


def build_labels(templates: Iterable[Template], extra: Iterable[str] = ()) -> TableLabels:
    """Index the labels of these templates, plus `extra` header words."""
    everything: set[str] = {compact(e) for e in extra}
    numbered: set[tuple[int, str]] = set()
    openers: list[str] = []
    for template in templates:
        for label in _labels(template):
            everything.add(compact(label))
            folded = fold(label)
            found = match_marker(folded, label)
            if found is not None:
                numbered.add((found.marker.ordinal, compact(label[found.end :])))
        openers.extend(b.caption for b in template.active_disclosure.blocks)
        openers.extend(template.applications.header_labels[:1])
    return TableLabels(frozenset(numbered), frozenset(everything), tuple(dict.fromkeys(openers)))


@cache
def _default(extra: tuple[str, ...]) -> TableLabels:
    return build_labels(default_templates(), extra)


def table_labels(registry: TemplateRegistry | None = None, extra: tuple[str, ...] = ()) -> TableLabels:
    """The label index of a registry (the bundled templates by default, built once) and extra words."""
    return _default(extra) if registry is None else build_labels(registry, extra)
