"""Marks and words that labels print either way (FORMAT.md §2.3), folded to one form each.

Label matching (`lexicon.py`), the outline's compact form of a title (`sections/labels.py`) and
the search for labels in a fused line (`layout/fused.py`) all compare texts in this form.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["SAME_MARKS", "fold_spelling", "fold_variants", "replace_marks"]


# Marks labels print either way (FORMAT.md §2.3), one form each: quotes of every shape
# (`危及"三安全一稳定"`), 、 and ， (`逾期不补正，行政机关`), brackets and full stops of both widths.
# Character for character, so a folded text keeps its positions.
SAME_MARKS: tuple[tuple[str, str], ...] = (
    *((mark, '"') for mark in "“”‘’「」『』'"),
    ("、", ","),
    ("，", ","),
    ("（", "("),
    ("）", ")"),
    ("．", "."),
)


def fold_spelling(text: str) -> str:
    """The marks and words labels print either way folded to one form, the text's length kept."""
    return fold_variants(replace_marks(text, SAME_MARKS))


def replace_marks(text: str, marks: Iterable[tuple[str, str]]) -> str:
    """Each (mark, replacement) of `marks` replaced in turn, where the text holds the mark."""
    # One str.replace per mark the text holds, not str.translate: translate looks every character
    # up in its table (~50 us for a 500-character line), replace scans at C speed. Where no mark
    # becomes another mark of the pairs, the replacements in turn are the translation at once.
    for mark, same in marks:
        if mark in text:
            text = text.replace(mark, same)
    return text


def fold_variants(key: str) -> str:
    """One spelling for the words labels spell two ways; the outline's label index uses it too."""
    # 其它 and 其他 are one word in every label (法人或其它组织, （六）其它处理; FORMAT.md §2.3),
    # also cut between its characters by a narrow cell (`（六）其` / `它处理`: no label word starts
    # with 它). Each replacement keeps the text's length (fold_spelling's promise).
    key = key.replace("其它", "其他")
    return "他" + key[1:] if key.startswith("它") else key
