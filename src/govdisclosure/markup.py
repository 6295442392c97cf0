"""Inline markup a page's styles leave in markdown: pandoc's attribute spans and raw HTML tags (§2.2 J).

A page exported from Word styles every run of text (`<span style="font-family:仿宋_GB2312">`), and
pandoc's markdown writer keeps each as a bracketed span, `[一、本年新收…]{style="font-family:…"}`,
with empty ones between (`[]{style="…"}`); a grid table wraps such a cell over several lines, the
attributes too. Its gfm writer keeps the tags themselves, inside a pipe table's cells
(`| <span style="…">规章</span> | <span style="…">0</span> |`). What a reader sees is the text:
the attributes, the brackets of their spans and the tags are markup.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from .lazyregex import lazy_pattern
from .normalize import Line
from .values import RAISED_MARK

__all__ = ["unmarked", "without_markup"]

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


# An inline HTML tag (`<span style="…">`, `</span>`, `<br/>`), by its name: `<5` is no tag.
TAG = lazy_pattern(r"</?+[A-Za-z][A-Za-z0-9]*+(?:\s[^<>]*+)?+/?+>")
# Tags between two digits (`2<sup>1</sup>`, `0<a href="#fn1">1</a>`, `<span>2</span><span>0</span>`):
# a footnote mark after a number or a number's runs, which the text does not tell apart; or a
# raised or lowered text (a footnote mark, alone in its cell too). The cell keeps its tags, and is
# no number.
UNTOLD = lazy_pattern(r"\d\s*+(?:<[^<>]*+>\s*+)++\d|<su[bp]\b|vertical-align", regex.IGNORECASE)


def without_markup(text: str, tags: bool = False) -> str:
    """The text with pandoc's attribute blocks gone, the spans they styled unwrapped, and with
    `tags` (a cell's text, between a table's pipes) its inline HTML tags gone too: elsewhere a line
    of tags is a raw table's markup (`<td>0</td>`), read as such (layout.html_rule).

    A span raised or lowered (`vertical-align`: a footnote mark, `10[1]{style="vertical-align:
    super"}`) is marked `^` (`10^1`), as the document readers mark one: its digits are no part of
    the number before it, nor a value of their own. Spans side by side join (`[2]{…}[0]{…}` is 20:
    Word splits a number's runs so). Tags between two digits leave the cell as it is printed, as
    does raised text (UNTOLD)."""
    if tags and "<" in text and UNTOLD().search(text) is None:
        text = TAG().sub("", text)
    if "{" not in text:
        return text
    while True:
        unwrapped = SPAN().sub(_span_text, text)
        if unwrapped == text:
            break
        text = unwrapped
    return ATTRIBUTES().sub("", text)


def _span_text(span: regex.Match[str]) -> str:
    return f"{RAISED_MARK}{span[1]}" if "vertical-align" in span[0] else span[1]


def unmarked(lines: Sequence[Line]) -> Sequence[Line]:
    """The lines, each line's text without attribute markup (a heading `[一、总体情况]{style="…"}`)."""
    if not any("{" in line.text for line in lines):
        return lines
    return [
        line._replace(raw=without_markup(line.raw), text=without_markup(line.text))
        if "{" in line.text
        else line
        for line in lines
    ]
