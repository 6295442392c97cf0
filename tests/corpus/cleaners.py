"""What a pipeline's text cleaner may do to a tool's text before it reaches the parser.

Each cleaner is a function of the whole text, named as docs/flattening.md ("Texts a cleaner
touched") and benchmarks/cleaners.py name it. `SETTLED` are those under which the parser gives no
wrong number on any corpus measured (tests/test_cleaned_text.py holds it to that); `OPEN` are
measured by the benchmark and give some still (docs/flattening.md says which and why).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable

Cleaner = Callable[[str], str]

__all__ = ["ALL", "OPEN", "SETTLED", "Cleaner", "per_line", "squeeze"]


def per_line(clean: Callable[[str], str]) -> Cleaner:
    """The cleaner that applies `clean` to each line (split on LF, as Python code usually does)."""
    return lambda whole: "\n".join(clean(line) for line in whole.split("\n"))


def squeeze(text: str) -> str:
    """Every run of spaces and tabs as one space."""
    return re.sub(r"[ \t]+", " ", text)


def _no_blank_lines(whole: str) -> str:
    return re.sub(r"\n{2,}", "\n", whole)


def _squeezed_no_blank_lines(whole: str) -> str:
    # (A line of spaces squeezes to one space: it is blank too.)
    return _no_blank_lines(re.sub(r"\n[ \t]+\n", "\n\n", squeeze(whole)))


def _wrap(line: str) -> str:
    # `fold -s -w 80`, as a mail client or an editor wraps: at the last space before 80 columns.
    if len(line) <= 80:
        return line
    return textwrap.fill(
        line, 80, break_long_words=False, break_on_hyphens=False, replace_whitespace=False, expand_tabs=False
    )


def _one_line(whole: str) -> str:
    # The whole text on one line, the spaces around each line break as one: a crawler's page text
    # (FORMAT.md §2.2 I), or a tool's text a pipeline stored that way.
    return re.sub(r"\s*\n\s*", " ", whole)


def _joined_paragraphs(whole: str) -> str:
    # A paragraph's lines joined by a space: PDF text "reflowed" to undo its hard line breaks.
    return "\n\n".join(" ".join(p.split("\n")) for p in re.split(r"\n[ \t]*\n", whole))


SETTLED: dict[str, Cleaner] = {
    "form feeds dropped": lambda whole: whole.replace("\f", ""),
    "CRLF line ends": lambda whole: whole.replace("\n", "\r\n"),
    "trailing spaces stripped": per_line(str.rstrip),
    "leading spaces stripped": per_line(lambda line: line.lstrip(" ")),
    "lines stripped": per_line(str.strip),
    "blank lines dropped": _no_blank_lines,
    "space runs squeezed": squeeze,
    "squeezed and blank lines dropped": _squeezed_no_blank_lines,
    "lines joined into one": _one_line,
}
OPEN: dict[str, Cleaner] = {
    "long lines wrapped at 80 columns": per_line(_wrap),
    "paragraph lines joined": _joined_paragraphs,
}
ALL: dict[str, Cleaner] = {**SETTLED, **OPEN}
