"""Lexical helpers shared by the outline modules: spaces, titles and sentence ends (FORMAT.md §2.1)."""

from __future__ import annotations

import regex

from ..normalize import CONTROL, INVISIBLE

__all__ = ["TERMINATORS", "clean_line", "clean_title", "squeeze"]

#: Punctuation that closes a run-in title ("（一）主动公开情况。主要通过…"), folded forms included.
TERMINATORS = "。:;!?：；！？"

# A run of spaces with a Han character or CJK punctuation on at least one side is PDF justification
# ("三、本 年度", "高新区 2020 年"), never the space between two Latin words. The run is matched
# whole and possessively, and its neighbours are looked at once: a pattern that tried the lookahead
# at every space of a run cost the square of the run's length (issue 14: 100,000 spaces, 134 s).
_SPACE_RUN = regex.compile(r"[ \t\u3000\xa0]++")
_CJK_NEIGHBOUR = regex.compile(r"[\p{Han}\p{Ps}\p{Pe}、。，：；！？“”]")
# Searched from the end of the text ((?r)), so a long run of spaces before other text costs its
# length once, not once per space.
_TRAILING = regex.compile(r"(?r)[\s。.:：;；,，、*#]++$")
_LEADING = regex.compile(r"^[\s*#]+")
# What clean_line removes or replaces: a character of INVISIBLE or of CONTROL.
_TO_CLEAN = regex.compile(rf"{INVISIBLE.pattern}|{CONTROL.pattern}")


def clean_line(raw: str) -> str:
    """The raw line without invisible characters, with control characters (form feeds) as spaces."""
    if raw.isprintable():
        # Every invisible mark is a format character (Cf) and every control character Cc, and
        # neither is printable: a printable line has nothing to clean (checked for every code
        # point in tests/test_text_fast_paths.py). One C-speed scan instead of two substitutions.
        return raw
    if _TO_CLEAN.search(raw) is None:
        return raw  # a tab, NBSP or U+3000 made it unprintable: one search instead of two subs
    return CONTROL.sub(" ", INVISIBLE.sub("", raw))


def squeeze(text: str) -> str:
    """Drop justification spaces next to CJK text; trim the ends."""

    def keep_or_drop(run: regex.Match[str]) -> str:
        start, end = run.span()
        beside = text[start - 1 : start] + text[end : end + 1]
        return "" if _CJK_NEIGHBOUR.search(beside) else run[0]

    if not _has_space_run(text):
        return text.strip()
    return _SPACE_RUN.sub(keep_or_drop, text).strip()


def _has_space_run(text: str) -> bool:
    """Whether `_SPACE_RUN` can match: most titles hold none of its four characters."""
    return " " in text or "\t" in text or "\u3000" in text or "\xa0" in text


def clean_title(raw: str) -> str:
    """A heading's words: no markdown marks, no trailing 。/：, no justification spaces."""
    text = raw.replace("**", "")
    # A match, not a substitution: `sub` would try the anchored pattern at every position.
    leading = _LEADING.match(text)
    if leading is not None:
        text = text[leading.end() :]
    text = _TRAILING.sub("", text)
    return squeeze(text)
