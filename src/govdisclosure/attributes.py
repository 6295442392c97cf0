"""Pandoc markdown's attribute syntax, which a page's inline styles become (FORMAT.md §2.2 J).

A page exported from Word styles every run of text (`<span style="font-family:仿宋_GB2312">`), and
pandoc's markdown writer keeps each as a bracketed span, `[一、本年新收…]{style="font-family:…"}`,
with empty ones between (`[]{style="…"}`); a grid table wraps such a cell over several lines, the
attributes too. What the reader sees is the text inside the brackets: the attributes and the
brackets of their spans are markup, as an HTML tag is.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from .lazyregex import lazy_pattern
from .normalize import Line

__all__ = ["unstyled", "without_attributes"]

# One attribute: an id (#x), a class (.x) or key=value, the value quoted (escapes kept: Word writes
# `font-family:"Times New Roman"`, pandoc `style="font-family:\\"Times New Roman\\""`) or bare.
_QUOTED = r"""(?:"(?:[^"\\]|\\.)*+"|'(?:[^'\\]|\\.)*+')"""
_ATTRIBUTE = rf"""(?:[#.][^\s{{}}"]++|[A-Za-z_:][\w:.-]*+=(?:{_QUOTED}|[^\s{{}}"']++))"""
# An attribute block, {style="…"}, {.underline}, {#id .class key="v"} (never a report's `{}` text),
# or one the line ends inside, a quoted value left open (`{style="font-family: 黑体; color: …`):
# pandoc wraps a paragraph's long attributes over the lines after it.
_CLOSED = rf"\{{\s*+{_ATTRIBUTE}(?:\s++{_ATTRIBUTE})*+\s*+\}}"
_LEFT_OPEN = rf"""\{{\s*+(?:{_ATTRIBUTE}\s++)*+[A-Za-z_:][\w:.-]*+="(?:[^"\\]|\\.)*+$"""
_BLOCK = f"(?:{_CLOSED}|{_LEFT_OPEN})"
# A bracketed span and its attributes, `[text]{…}`, the text holding no bracket.
SPAN = lazy_pattern(rf"\[([^\[\]]*+)\]{_BLOCK}")
# Attributes left where pandoc writes them: after the `]` of a span opened on a line before (whole:
# a block left open there is a word of a wrapped cell, `0]{style="…`, read by the table's reader),
# after a link's `)`, a space or the line's start (a heading's, a fenced div's). Braces right after
# a word are the report's own text (`收费{注}`): pandoc writes no attributes there.
ATTRIBUTES = lazy_pattern(rf"\]{_CLOSED}|(?:(?<=[)\s])|^){_BLOCK}")


def without_attributes(text: str) -> str:
    """The text with pandoc's attribute blocks gone and the spans they styled unwrapped.

    A span raised or lowered (`vertical-align`: a footnote mark, `10[1]{style="vertical-align:
    super"}`) is set apart by spaces: its digits are no part of the number before it. Spans side by
    side join (`[2]{…}[0]{…}` is 20: Word splits a number's runs so)."""
    if "{" not in text:
        return text
    while True:
        unwrapped = SPAN().sub(_span_text, text)
        if unwrapped == text:
            break
        text = unwrapped
    return ATTRIBUTES().sub("", text)


def _span_text(span: regex.Match[str]) -> str:
    return f" {span[1]} " if "vertical-align" in span[0] else span[1]


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
