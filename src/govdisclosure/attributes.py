"""Pandoc markdown's attribute syntax, which a page's inline styles become (FORMAT.md §2.2 J).

A page exported from Word styles every run of text (`<span style="font-family:仿宋_GB2312">`), and
pandoc's markdown writer keeps each as a bracketed span, `[一、本年新收…]{style="font-family:…"}`,
with empty ones between (`[]{style="…"}`); a grid table wraps such a cell over several lines, the
attributes too. What the reader sees is the text inside the brackets: the attributes and the
brackets of their spans are markup, as an HTML tag is.
"""

from __future__ import annotations

from collections.abc import Sequence

from .lazyregex import lazy_pattern
from .normalize import Line

__all__ = ["unstyled", "without_attributes"]

# One attribute: an id (#x), a class (.x) or key=value, the value quoted or bare; and how one starts.
_ATTRIBUTE = r"""(?:[#.][^\s{}"]++|[A-Za-z_:][\w:.-]*+=(?:"[^"]*+"|'[^']*+'|[^\s{}"']++))"""
_ATTRIBUTE_START = r"""(?:[#.][^\s{}"]|[A-Za-z_:][\w:.-]*+=)"""
# An attribute block, {style="…"}, {.underline}, {#id .class key="v"} (never a report's `{}` text),
# with the `]` closing the span it styles when that span opened on a line before.
ATTRIBUTES = lazy_pattern(rf"\]?+\{{\s*+{_ATTRIBUTE}(?:\s++{_ATTRIBUTE})*+\s*+\}}")
# An attribute block the line ends inside (`[一、总体情况]{style="font-family: 黑体; color: …`): pandoc
# wraps a paragraph's long attributes over the lines after it.
OPEN_ATTRIBUTES = lazy_pattern(rf"\{{\s*+{_ATTRIBUTE_START}[^{{}}]*+$")
# A bracketed span right before its attributes: `[text]` of `[text]{…}`, text holding no bracket.
SPAN = lazy_pattern(rf"\[([^\[\]]*+)\](?=\{{\s*+{_ATTRIBUTE_START})")


def without_attributes(text: str) -> str:
    """The text with pandoc's attribute blocks gone and the spans they styled unwrapped."""
    if "{" not in text:
        return text
    while True:
        unwrapped = SPAN().sub(r"\1", text)
        if unwrapped == text:
            break
        text = unwrapped
    return OPEN_ATTRIBUTES().sub("", ATTRIBUTES().sub("", text))


def unstyled(lines: Sequence[Line]) -> Sequence[Line]:
    """The lines, each line's text without attribute markup (a heading `[一、总体情况]{style="…"}`)."""
    if not any("{" in line.text for line in lines):
        return lines
    return [
        line._replace(raw=without_attributes(line.raw), text=without_attributes(line.text))
        if "{" in line.text
        else line
        for line in lines
    ]
