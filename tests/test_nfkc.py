"""`nfkc` is NFKC (nfkc.py): its stable characters are stable in the running Python's Unicode data."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from hypothesis import given
from hypothesis import strategies as st

from govdisclosure.nfkc import STABLE, nfkc


@cache
def composing() -> frozenset[str]:
    """Every character that is one of the two of a canonical composition pair (UAX #15)."""
    found: set[str] = set()
    for code in range(0x110000):
        char = chr(code)
        mapping = unicodedata.decomposition(char)
        if not mapping or mapping.startswith("<"):
            continue  # no decomposition, or a compatibility one (never composed)
        parts = [chr(int(part, 16)) for part in mapping.split()]
        if len(parts) == 2 and unicodedata.normalize("NFC", "".join(parts)) == char:
            found.update(parts)
    # Hangul syllables compose algorithmically: the jamo and the LV syllables take part.
    found.update(chr(c) for c in range(0x1100, 0x11FF + 1))
    found.update(chr(c) for c in range(0xAC00, 0xD7A3 + 1))
    return frozenset(found)


def stable_characters() -> list[str]:
    in_class = re.compile(f"[{STABLE}]")
    return [chr(c) for c in range(0x30000) if not 0xD800 <= c < 0xE000 and in_class.match(chr(c))]


def test_every_stable_character_is_stable() -> None:
    chars = stable_characters()
    assert len(chars) > 25_000
    unstable = [
        c
        for c in chars
        if unicodedata.normalize("NFKC", c) != c or unicodedata.combining(c) or c in composing()
    ]
    assert unstable == []


def test_the_check_sees_an_unstable_character() -> None:
    # `<` composes with U+0338 (≮), `e` with U+0301 (é), a full-width digit folds: none is in STABLE.
    assert {"<", "e"} <= composing()
    assert all(not re.match(f"[{STABLE}]", c) for c in "<=>eA１\u3000\u302a")


_TRICKY = st.sampled_from(
    list("\n\t a<=>e\u0301\u0338\u0316\u3000\xa0（一）１２，、。中\u302a\u2026\u1100\u1161\u11a8가ｶﾞ")
)


@given(st.text(alphabet=_TRICKY | st.characters()))
def test_nfkc_is_unicodedata_nfkc(text: str) -> None:
    assert nfkc(text) == unicodedata.normalize("NFKC", text)


def test_nfkc_of_every_character() -> None:
    text = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert nfkc(text) == unicodedata.normalize("NFKC", text)
