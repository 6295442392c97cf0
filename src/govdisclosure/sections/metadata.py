"""Step 4 for the metadata: the report's title, organ and year reported on (FORMAT.md §2.1)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

import regex

from ..diagnostics import YEAR_UNKNOWN
from ..model import Diagnostic
from ..normalize import Line
from .config import SectionsConfig
from .fold import fold
from .text import clean_line, clean_title, squeeze
from .tokens import LineToken

__all__ = ["Metadata", "read_metadata"]

_YEAR = regex.compile(r"(?<![0-9])((?:19|20)[0-9]{2})\s*年")
# A year that is part of a date (2026年1月23日) is when something was written, not what it reports on.
_DATE_YEAR = regex.compile(r"(?<![0-9])((?:19|20)[0-9]{2})\s*年(?!\s*[0-9]{1,2}\s*月)")
# Searched backwards from a year, so each look costs the run's length, not the whole prose's.
_HAN_RUN = regex.compile(r"(?r)\p{Han}+$")
_TWO_HAN = regex.compile(r"\p{Han}{2}")
_PUNCT = regex.compile(r"[。，,:：;；《》()（）]")
# A line holding nothing but a year, and a gap where a title's year was (`人民政府 年政府…`).
_BARE_YEAR = regex.compile(r"^(?:19|20)[0-9]{2}$")
_YEAR_GAP = regex.compile(r"(?<![0-9])\s+年")
_PIPE = regex.compile(r"\s*+\|\s*+")
_RULE = regex.compile(r"^[-:\s]++$")
_LONG_LINE = 100
_MAX_TITLE = 60


# A NamedTuple, not an attrs class: internal, and an attrs class costs ~2.6 million instructions to define
# at import (docs/performance.md); a NamedTuple a fifth of that, immutable and compared by value too.
class Metadata(NamedTuple):
    """What the report says about itself."""

    title: str | None = None
    organ: str | None = None
    year: int | None = None
    diagnostics: tuple[Diagnostic, ...] = ()


class _Worded(NamedTuple):
    """The patterns built from a configuration's words: a header's title line, an organ's sentences."""

    title_line: re.Pattern[str]
    report_year: re.Pattern[str]
    compiled_by: re.Pattern[str]


@lru_cache(maxsize=8)
def _worded(config: SectionsConfig) -> _Worded:
    """Built once per configuration. The standard library's `re`: these plain patterns compile in a
    fraction of a millisecond there, and one took five in `regex`, in every process's first parse."""

    def either(key: str) -> str:
        return "|".join(re.escape(w) for w in config.words(key))

    by, words = re.escape(config.word("compiled_by")), re.escape(config.word("report_words"))
    return _Worded(
        re.compile(rf"^\s*(?:{either('header_title_keys')})\s*[:：]\s*(?P<title>\S.*?)\s*$"),
        re.compile(rf"((?:19|20)[0-9]{{2}})年度?{words}"),
        re.compile(
            rf"{by}(?P<organ>.{{2,30}}?)(?:{either('compiled_stops')})[^。]*?(?:{either('compiled_verbs')})"
        ),
    )


def _header(lines: Sequence[Line], config: SectionsConfig) -> tuple[str | None, int]:
    """The crawler header's title ("标题: …") and the number of the header's last line (0 if none)."""
    if not lines or not (found := _worded(config).title_line.match(clean_line(lines[0].raw))):
        return None, 0
    end = config.word("header_end")
    for line in lines[:20]:
        if end in line.text and "=" in line.text:
            return clean_title(found["title"]), line.number
    return clean_title(found["title"]), 0


def _is_title(text: str, config: SectionsConfig) -> bool:
    return (
        text.endswith(config.word("title_suffix"))
        and len(text) <= _MAX_TITLE
        and _YEAR.search(text) is not None
        and not _PUNCT.search(fold(text))
    )


def _year_apart(preamble: Sequence[Line], config: SectionsConfig) -> str | None:
    """A title whose year a PDF printed on a line of its own (`X 年政府信息公开工作年度` / `2021` / `报告`).

    The year's digits in another font are placed at another height: text tools then print them
    between the title's pieces. The year goes back into the gap before 年, and the pieces after it
    complete the title. A PDF-to-markdown converter draws the pieces beside the gap as a pipe row
    with a rule under it (`| X | 年政府信息公开工 |` / `| --- | --- |` / `2020` / `作年度报告`).
    """
    texts = [_PIPE.sub(" ", clean_line(line.raw)).strip() for line in preamble]
    texts = [text for text in texts if text and not _RULE.match(text)]
    for i, text in enumerate(texts):
        if not _BARE_YEAR.match(text) or i == 0:
            continue
        head = texts[i - 1]
        gap = _YEAR_GAP.search(head)
        if gap is None:
            continue
        title = head[: gap.start()].rstrip() + text + head[gap.end() - 1 :]
        for rest in texts[i + 1 : i + 3]:
            if title.endswith(config.word("title_suffix")):
                break
            title += rest
        title = clean_title(title)
        if _is_title(title, config):
            return title
    return None


def _body_title(preamble: Sequence[Line], config: SectionsConfig) -> str | None:
    """The title line(s) before the first heading: one line, two lines joined, or a piece of a long line."""
    apart = _year_apart(preamble, config)
    if apart is not None:
        return apart
    previous = ""
    for line in preamble:
        # A PDF-to-markdown converter may draw the title's pieces as a pipe row.
        text = clean_title(_PIPE.sub(" ", clean_line(line.raw)))
        if not text or _RULE.match(text):
            continue  # a markdown table's rule under the title's pipe row
        pieces = clean_line(line.raw).split() if len(text) > _LONG_LINE else [text]
        joined = previous + text
        # The organ on one line, the year and 年度报告 (or just 年度报告, or its last characters:
        # `…工作年` / `度报告`) on the next.
        if (
            previous
            and joined.endswith(config.word("title_suffix"))
            and _is_title(joined, config)
            and (
                not _TWO_HAN.match(text)
                or len(text) <= len(config.word("title_suffix")) + 2
                # the year on the first line, the title broken mid-word (`…2024年政府信` / `息公开…`)
                or _YEAR.search(previous) is not None
            )
        ):
            return joined
        for piece in pieces:
            piece = clean_title(piece)
            if _is_title(piece, config):
                return piece
        previous = text if len(text) <= 30 and not _PUNCT.search(fold(text)) else ""
    return None


def _organ_from_title(title: str, config: SectionsConfig) -> str | None:
    found = _YEAR.search(title)
    organ = title[: found.start()].strip() if found else ""
    return _usable(organ, config)


def _usable(organ: str, config: SectionsConfig) -> str | None:
    organ = squeeze(organ)
    if len(organ) < 2 or organ.startswith(config.words("first_person")):
        return None
    return organ


def _organ_from_prose(prose: str, config: SectionsConfig) -> str | None:
    """「发布高新区2020年政府信息公开工作年度报告」 or 「本报告由淮安市…办公室根据…编制」."""
    for found in _worded(config).report_year.finditer(prose):
        run = _HAN_RUN.search(prose, 0, found.start())
        if run is None:
            continue
        organ = run.group()
        for prefix in sorted(config.words("organ_prefixes"), key=len, reverse=True):
            if prefix in organ:
                organ = organ[organ.rindex(prefix) + len(prefix) :]
                break
        if _usable(organ, config):
            return _usable(organ, config)
    found_by = _worded(config).compiled_by.search(prose)
    return _usable(found_by["organ"], config) if found_by else None


def _year(title: str | None, prose: str, config: SectionsConfig) -> int | None:
    if title and (found := _YEAR.search(title)):
        return int(found[1])
    for word in config.words("period_words"):
        at = prose.find(word)
        if at >= 0 and (found := _YEAR.search(prose, at, at + 40)):
            return int(found[1])
    counts = Counter(int(y) for y in _DATE_YEAR.findall(prose))
    return counts.most_common(1)[0][0] if counts else None


def read_metadata(lines: Sequence[Line], tokens: Sequence[LineToken], config: SectionsConfig) -> Metadata:
    """Title, organ and year; the year is the one reported on, never a publication date."""
    header_title, header_end = _header(lines, config)
    first = next((i for i, t in enumerate(tokens) if t.kind == "HEADING"), len(tokens))
    first_line = tokens[first].line if first < len(tokens) else len(lines) + 1
    preamble = [ln for ln in lines if header_end < ln.number <= first_line]
    title = _body_title(preamble, config) or header_title
    intro = squeeze("".join(t.text for t in tokens[:first] if t.kind == "TEXT" and t.line > header_end))
    prose = squeeze("".join(t.text for t in tokens if t.kind == "TEXT" and t.line > header_end))
    organ = (_organ_from_title(title, config) if title else None) or _organ_from_prose(intro, config)
    year = _year(title, prose, config)
    unknown = Diagnostic(YEAR_UNKNOWN, "the text does not say which year it reports on")
    diagnostics = () if year else (unknown,)
    return Metadata(title, organ, year, diagnostics)
