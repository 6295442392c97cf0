"""The lexicon's label keys indexed for matching a label not seen before (issue 14: the cold first parse).

Label matching (lexicon.py) tries every entry of a table in turn: the same key, a key one starts
with the other, a key alike enough (difflib's ratio). Each new label used to scan the whole pool
three times; the index finds the candidates of each rule directly, as positions in the pool,
ascending, so a rule's answer keeps the pool's order exactly as the scan gave it.

>>> index = KeyIndex(["本年新收政府信息公开申请数量", "其他", "本年新收"])
>>> index.exact("其他"), index.extending("本年新收"), index.within("本年新收政府信息公开申请数量", 4)
([1], [0, 2], [0, 2])
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections import Counter
from collections.abc import Iterator, Sequence

__all__ = ["KeyIndex"]


class KeyIndex:
    """Positions of a sequence of keys by key, by prefix and by length, with each key's characters."""

    # A plain class, not attrs: built once per table, and attrs classes cost time at import.
    __slots__ = ("_by_key", "_by_length", "_chars", "_lengths", "_sorted", "charsets", "counts", "keys")

    def __init__(self, keys: Sequence[str]) -> None:
        """Index `keys`; positions are indexes into it."""
        self.keys = tuple(keys)
        self._by_key: dict[str, list[int]] = {}
        self._by_length: dict[int, list[int]] = {}
        for i, key in enumerate(self.keys):
            self._by_key.setdefault(key, []).append(i)
            self._by_length.setdefault(len(key), []).append(i)
        self._sorted = sorted((key, i) for i, key in enumerate(self.keys))
        # The distinct lengths, ascending: a prefix of a length no key has is no key.
        self._lengths = sorted(self._by_length)
        #: Each key's characters (a set) and how often each occurs.
        self.charsets = [frozenset(key) for key in self.keys]
        self.counts = [dict(Counter(key)) for key in self.keys]
        # Every character some key holds.
        self._chars = frozenset(itertools.chain.from_iterable(self.keys))

    def exact(self, key: str) -> list[int]:
        """Positions of the keys equal to `key`."""
        return self._by_key.get(key, [])

    def extending(self, key: str) -> list[int]:
        """Positions of the keys that start with `key` (itself included)."""
        start = bisect.bisect_left(self._sorted, (key,))
        found = []
        for other, i in itertools.islice(self._sorted, start, None):
            if not other.startswith(key):
                break
            found.append(i)
        return sorted(found)

    def within(self, key: str, shortest: int) -> list[int]:
        """Positions of the keys of at least `shortest` characters that `key` starts with."""
        # Only the lengths some key has (a prose line of 100 characters has ~100 prefixes, the keys
        # ~30 lengths): the first parse asks this of every new line.
        lengths = self._lengths[
            bisect.bisect_left(self._lengths, shortest) : bisect.bisect_right(self._lengths, len(key))
        ]
        found = [i for n in lengths for i in self._by_key.get(key[:n], ())]
        return sorted(found)

    def of_lengths(self, fits: Iterator[int] | Sequence[int]) -> list[int]:
        """Positions of the keys whose length is one of `fits`."""
        return sorted(i for n in fits for i in self._by_length.get(n, ()))

    def alike(self, key: str, ratio: float, shortest: int) -> list[int]:
        """Positions of the keys of at least `shortest` characters that may be `ratio` alike with
        `key`: difflib's quick_ratio (2 * shared characters / total) reaches `ratio`."""
        mine = len(key)
        # 2*min/(sum) bounds the ratio from above: only keys whose lengths allow it are tried. Those
        # lie in [r*m/(2-r), (2-r)*m/r]; the lengths just around it are tested exactly, as before.
        low = max(shortest, math.floor(ratio * mine / (2 - ratio)) - 1)
        high = math.ceil((2 - ratio) * mine / ratio) + 1
        near = self._lengths[
            bisect.bisect_left(self._lengths, low) : bisect.bisect_right(self._lengths, high)
        ]
        fits = [n for n in near if n >= shortest and not 2 * min(mine, n) < ratio * (mine + n)]
        if fits:
            # A key shares at most the characters of `key` that some key holds (each as often as
            # `key` holds it) and at most its own length: lengths that cannot reach the ratio then
            # go at once (a line of prose holds many characters no label has). Computed as the test
            # below, with a count never smaller than the shared one, so never tighter.
            known = sum(map(self._chars.__contains__, key))
            fits = [n for n in fits if not 2.0 * min(known, n) / (mine + n) < ratio]
        candidates = self.of_lengths(fits)
        if not candidates:
            return []  # a prose line longer than every key by a quarter: nothing to count
        chars = frozenset(key)
        distinct = len(chars) == mine
        counts: Counter[str] | None = None  # counted for the first candidate that needs it
        found = []
        for i in candidates:
            theirs = len(self.keys[i])
            # Without building a matcher: most pairs stop here. A key without a repeated character
            # shares exactly the characters both keys hold (one set intersection, at C speed).
            common = self.charsets[i] & chars
            if distinct:
                shared = len(common)
            else:
                # A distinct character one key holds and the other lacks leaves one character
                # unshared: a bound most prose fails (computed as the test below, so never tighter).
                alike = len(common)
                most = min(theirs - len(self.charsets[i]) + alike, mine - len(chars) + alike)
                if 2.0 * most / (mine + theirs) < ratio:
                    continue
                if counts is None:
                    counts = Counter(key)
                their_counts = self.counts[i]
                shared = sum(min(their_counts[c], counts[c]) for c in common)
            if not 2.0 * shared / (mine + theirs) < ratio:
                found.append(i)
        return found
