"""Step 2 for the outline: full-width forms folded to ASCII, offsets kept (FORMAT.md §2.1)."""

from __future__ import annotations

import re
import unicodedata

from ..numbering import CIRCLED

__all__ = ["fold"]


class _FoldTable(dict[int, str]):
    """str.translate table for `fold`: each character's one-character NFKC form, computed on first
    sight and remembered, so folding runs at C speed (a per-character NFKC call was the outline's
    hottest spot, docs/performance.md)."""

    # Characters remembered at most; beyond that (adversarial input) new ones are computed each time.
    LIMIT = 1 << 16

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = unicodedata.normalize("NFKC", char)
        out = char if len(folded) != 1 or char in CIRCLED or char == "\t" else folded
        if len(self) < self.LIMIT:
            self[code] = out
        return out


_FOLD = _FoldTable()


# Characters `fold` leaves as they are, by Unicode's normalization stability (checked character by
# character in tests/test_fold.py): ASCII, general punctuation (“” — …), CJK punctuation (、。《》【】)
# and the Han blocks. Only runs of other characters go through the translate table. The standard
# library's `re`: its class test is a bitmap lookup, and its calls cost half of `regex`'s.
_MAY_FOLD = re.compile(
    r"[^\x00-\x7f\u2012-\u2023\u2025-\u202e\u2030-\u205e\u3001-\u3035\u3400-\u4dbf\u4e00-\u9fff]+"
)


def _fold_run(found: re.Match[str]) -> str:
    return found.group().translate(_FOLD)


def fold(text: str) -> str:
    """Fold full-width forms to ASCII one character at a time, so offsets still index the raw text."""
    if text.isascii():
        # NFKC leaves ASCII unchanged (and tabs are kept anyway).
        return text
    return _MAY_FOLD.sub(_fold_run, text)
