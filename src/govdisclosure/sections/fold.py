"""Step 2 for the outline: full-width forms folded to ASCII, offsets kept (FORMAT.md §2.1)."""

from __future__ import annotations

import re
import unicodedata

from ..nfkc import UNSTABLE_RUN
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


# Characters `fold` leaves as they are: the stable ones of `nfkc` (ASCII digits and marks, general
# and CJK punctuation, the Han blocks), whose NFKC form is themselves. Only runs of other characters
# go through the translate table, found by nfkc's own compiled pattern (one home for the stable
# set, one bitmap built at import). Checked character by character in tests/test_fold.py.
_MAY_FOLD = UNSTABLE_RUN


def _fold_run(found: re.Match[str]) -> str:
    return found.group().translate(_FOLD)


def fold(text: str) -> str:
    """Fold full-width forms to ASCII one character at a time, so offsets still index the raw text."""
    if text.isascii():
        # NFKC leaves ASCII unchanged (and tabs are kept anyway).
        return text
    return _MAY_FOLD.sub(_fold_run, text)
