"""NFKC, exactly, at a fraction of its cost on Chinese text: only what it may change is normalized.

`unicodedata.normalize("NFKC", text)` decomposes and recomposes every character of a text that
holds one full-width form; on a report's text that is ~0.4 µs a character (~1 ms of a seed
report's parse, docs/performance.md). Most of a report's characters are **stable** (UAX #15,
"Stable Code Points"): NFKC leaves them as they are, they are starters, and no character composes
with them on either side. A stable character is a normalization boundary, so the NFKC of a text is
its stable characters as they are and the NFKC of each run of other characters in between.
`tests/test_nfkc.py` checks every character of `STABLE` against the Unicode data of the running
Python and compares `nfkc` with `unicodedata.normalize` on generated texts.
"""

from __future__ import annotations

import re
import unicodedata

from .textcache import text_cache

__all__ = ["STABLE", "UNSTABLE_RUN", "nfkc"]

# Stable characters a report is mostly made of: tab, line ends, space, ASCII digits and the ASCII
# marks that compose with nothing (not `<`, `=`, `>`, which compose with U+0338, nor letters),
# general punctuation (quotes, dashes, ※, but not the leaders and primes NFKC expands), CJK
# punctuation (、。《》「」【】, not the tone marks U+302A-U+302F) and the Han ideographs.
STABLE = (
    "\t\n\r\x20-\x3b\x3f\x40\x5b-\x60\x7b-\x7e"
    "\u2010\u2012-\u2016\u2018-\u2023\u2027\u2030-\u2032\u2035\u2038-\u203b\u203d\u203f-\u2046"
    "\u204a-\u2056\u2058-\u205e\u3001-\u3029\u3030-\u3035\u3400-\u4dbf\u4e00-\u9fff"
)
#: A run of characters that are not stable: the only places NFKC, or `sections.fold`, may change.
#: The standard library's `re`, not `regex`: it tests a character against a class of ranges by a
#: bitmap, ~3x faster over a report's text than `regex`'s search through the ranges (its compiler
#: builds that bitmap one code point at a time, ~14 million instructions of the import: paid once
#: for both users).
UNSTABLE_RUN = re.compile(f"[^{STABLE}]+")


# Runs recur (（ ） ： ， and full-width digits): their NFKC is remembered under the one cache policy
# of short texts (textcache.py); the same run always normalizes the same way.
@text_cache
def _run_nfkc(run: str) -> str:
    return unicodedata.normalize("NFKC", run)


def _nfkc_run(found: re.Match[str]) -> str:
    return _run_nfkc(found.group())


def nfkc(text: str) -> str:
    """`unicodedata.normalize("NFKC", text)`, normalizing only the runs of characters it may change."""
    if text.isascii():
        # NFKC leaves ASCII as it is (a combining mark is never ASCII).
        return text
    return UNSTABLE_RUN.sub(_nfkc_run, text)
