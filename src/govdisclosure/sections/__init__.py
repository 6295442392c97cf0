"""Steps 2-4 for the outline: lines -> heading tokens -> Lark tree -> Section model (FORMAT.md §2.1)."""

from __future__ import annotations

from collections.abc import Collection, Sequence

import attrs
import regex

from ..model import Diagnostic, Marker, Section
from ..normalize import Line

__all__ = ["Outline", "read_outline"]

_TOP = regex.compile(r"^\s*(?P<m>[一二三四五六])、\s*(?P<title>\S.*)$")
_CJK = "一二三四五六七八九十"


@attrs.frozen
class Outline:
    """What the outline step found: sections, title, organ, year and its diagnostics."""

    sections: tuple[Section, ...] = ()
    title: str | None = None
    organ: str | None = None
    year: int | None = None
    diagnostics: tuple[Diagnostic, ...] = ()


def read_outline(lines: Sequence[Line], table_lines: Collection[int]) -> Outline:
    """The report's outline; lines inside tables never open a section."""
    sections = []
    for line in lines:
        if line.number in table_lines:
            continue
        match = _TOP.match(line.text)
        if match:
            marker = Marker(match["m"] + "、", "cjk", _CJK.index(match["m"]) + 1)
            sections.append(Section(marker, match["title"].strip(), line=line.number))
    return Outline(tuple(sections))
