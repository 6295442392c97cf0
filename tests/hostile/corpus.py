"""The hostile corpus: each input a function of a size, built from the seeds (issue 7).

A `Case` names its input, how to build it at a given size, the size the issue asks for (`full`)
and the size the default test run uses (`ci`, a tenth for the giants so the suite stays fast on a
2-core machine; HOSTILE_SCALE=full runs the issue's sizes). `expect` lists diagnostic codes of
which at least one must appear: the report has to say what went wrong. `same_values` marks noise
that must change no table value of the clean seed (nothing lost).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import attrs
import regex

from govdisclosure import diagnostics as codes
from govdisclosure.templates import default_templates

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEEDS: tuple[Path, ...] = tuple(sorted((SHARED / "seeds").glob("*.txt")))
# The tab-flattened seed (FORMAT.md §2.2 B) whose three tables all read without diagnostics: the
# base of every "noise" case, so a changed value can only come from the noise.
BASE_SEED = "002_54bad18d043e05e5.txt"

# Errors and warnings that say "a table or a cell could not be read" (diagnostics.py).
TABLE_TROUBLE = (
    codes.TABLE_MISSING,
    codes.TABLE_GARBLED,
    codes.TABLE_UNREAD,
    codes.TABLE_DUPLICATE,
    codes.CELL_UNPLACED,
    codes.CELL_AMBIGUOUS,
    codes.CELL_TEXT,
    codes.ROW_MISSING,
    codes.NUMBER_TOO_LONG,
    codes.NO_REPORT,
)

HAN = regex.compile(r"\p{Han}")
DIGIT_PAIR = regex.compile(r"(?<=\d)(?=\d)")


@cache
def seed_text(name: str = BASE_SEED) -> str:
    """A seed's text, read once."""
    return (SHARED / "seeds" / name).read_text(encoding="utf-8")


def _fill(piece: str, n: int) -> str:
    return (piece * (n // max(len(piece), 1) + 1))[:n]


def _cycle(marks: str) -> Callable[[], str]:
    """A function giving the marks in turn, so every one of them is inserted somewhere."""
    it = itertools.cycle(marks)
    return lambda: next(it)


def _sprinkle(text: str, marks: str, *, in_labels: bool, in_numbers: bool, at_ends: bool) -> str:
    """Insert marks after Han characters (inside labels), between digits, after tabs, at line ends."""
    mark = _cycle(marks)
    if in_labels:
        text = HAN.sub(lambda m: m[0] + mark(), text)
    if in_numbers:
        text = DIGIT_PAIR.sub(lambda m: mark(), text)
    text = text.replace("\t", "\t" + marks[0])
    if at_ends:
        text = "\n".join(line + mark() for line in text.split("\n"))
    return text


# --- builders: size -> text -------------------------------------------------------------------


def empty(_: int) -> str:
    return ""


def whitespace(n: int) -> str:
    return _fill(" \t\u3000\u00a0\n\r\n\f\u2028 \t\t\r", n)


def huge_line(n: int) -> str:
    # Every seed with its line ends removed: prose, labels, tabs and numbers on one line.
    flat = "".join(seed_text(p.name) for p in SEEDS).replace("\r", "").replace("\n", "")
    return _fill(flat, n)


SHORT = ("1", "无", "a", "。", "", "一", "12 3", "\t", "—", "（一）", "0", "|")


def short_lines(n: int) -> str:
    return "\n".join(SHORT[i % len(SHORT)] for i in range(n))


def long_number(n: int) -> str:
    # The seed's first value cell printed with n digits, and an n-digit number in prose.
    seed = seed_text()
    line = next(i for i, ln in enumerate(seed.split("\n")) if regex.fullmatch(r"\t\d+", ln))
    lines = seed.split("\n")
    lines[line] = "\t" + "9" * n
    lines.insert(3, f"全年共收到{'8' * n}.{'7' * n}件。")
    return "\n".join(lines)


MARKERS = ("{}、", "（{}）", "{}.", "({})", "第{}条", "{}）")
CJK = "一二三四五六七八九十"


def nested_headings(n: int) -> str:
    # Heading after heading, each one level deeper than the last, in every numbering style.
    out = []
    for i in range(n):
        style = MARKERS[i % len(MARKERS)]
        ordinal = CJK[(i // len(MARKERS)) % 10] if style in ("{}、", "（{}）", "第{}条") else str(i // 6 + 1)
        out.append(style.format(ordinal) + "政府信息公开工作")
    return "\n".join(out)


def nested_brackets(n: int) -> str:
    return "（" * n + "一）标题" + "）" * n + "\n" + "一、" * n + "\n" + "[(" * n + "1" + ")]" * n


def nested_html_tables(n: int) -> str:
    # An HTML page of n tables nested in each other's cells, a heading at the bottom (issue 13).
    inner = "<table><tr><td>" * n + "一、总体情况" + "</td></tr></table>" * n
    return f"<html><body>{inner}</body></html>"


def many_values_line(n: int) -> str:
    # A label, n values, and a full stop: a flattened row that turns into prose at its very end.
    return "规章 " + "1 " * n + "。"


# Runs of each kind of space a flattening tool prints: pdftotext -layout column gaps, crawler pages
# (FORMAT.md §2.2 I), NBSP and U+3000 padding, tabs.
SPACES = (" ", "\u00a0", "\u3000", "\t")


def space_runs(n: int) -> str:
    """The seed with a run of n characters of each kind of space inside its first heading and prose."""
    lines = seed_text().split("\n")
    heading = next(i for i, line in enumerate(lines) if line.strip().startswith("一、"))
    runs = [space * (n // len(SPACES)) for space in SPACES]
    head = lines[heading]
    lines[heading] = head[: len(head) - 2] + runs[0] + runs[1] + head[len(head) - 2 :]
    prose = next(i for i, line in enumerate(lines) if i > heading and len(line) > 20 and "\t" not in line)
    lines[prose] = lines[prose][:10] + runs[2] + lines[prose][10:] + runs[3] + "。"
    lines.insert(prose, runs[0] + runs[1])
    return "\n".join(lines)


def one_line_space_runs(n: int) -> str:
    """Headings, words and values on one line with long gaps between them (issue 14's first shape)."""
    piece = "一、总体情况" + " " * 997 + "规章" + "\u00a0" * 500 + "0" + "\u3000" * 500 + "结束"
    return _fill(piece, n)


def repeated_labels(n: int) -> str:
    """One table label over and over, fused and spaced: every word a lexicon lookup."""
    return _fill("规章", n // 2) + "\n" + _fill("（一）予以公开 ", n // 2)


def label_characters(n: int) -> str:
    """Table 三's header, then row labels' characters one a line: every line a piece of a label
    wrapped in a narrow cell, joined over up to a label's length, every label left waiting for its
    values (stop 55: each waiting label scanned the ones before it, quadratic in the run)."""
    head = "\n".join(
        [
            "三、收到和处理政府信息公开申请情况",
            "申请人情况",
            "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计",
            "",
        ]
    )
    pieces = "属于国家秘密其他法律行政法规禁止公开危及三安全一稳定保护第三方合法权益"
    return head + "\n".join(_fill(pieces, n // 2))


def repeated_markers(n: int) -> str:
    """Numbering markers run together: （一）（一）…, 一、一、…, 1.1.…"""
    return "\n".join(_fill(marker, n // 3) for marker in ("（一）", "一、", "1."))


def repeated_report(n: int) -> str:
    return "\n".join([seed_text()] * n)


def nul_bytes(_: int) -> str:
    return _sprinkle(seed_text(), "\x00", in_labels=True, in_numbers=False, at_ends=True)


CONTROLS = "".join(chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x0D), *range(0x0E, 0x20), 0x7F])


def control_characters(_: int) -> str:
    return _sprinkle(seed_text(), CONTROLS, in_labels=True, in_numbers=False, at_ends=True)


def lone_surrogates(_: int) -> str:
    # A broken decoder's leftovers at the end of prose lines; each reads as U+FFFD (normalize),
    # which in a cell would rightly make it text, so they stay out of the tables here.
    marks = _cycle("\ud800\udfff\udc00")
    return "\n".join(line if "\t" in line or not line else line + marks() for line in seed_text().split("\n"))


def mixed_line_ends(_: int) -> str:
    ends = itertools.cycle(["\r\n", "\r", "\n"])
    out, previous = [], ""
    for line in seed_text().split("\n"):
        end = next(ends)
        if previous == "\r" and not line and end == "\n":
            end = "\r\n"  # CR, then LF at once, would be read as one CRLF: one line end, not two
        out.append(line + end)
        previous = end
    return "".join(out)


def byte_order_marks(_: int) -> str:
    return "\ufeff" + "\n".join("\ufeff" + line for line in seed_text().split("\n"))


RTL = "\u200f\u200e\u202b\u202c\u202e\u202a\u2060"


def bidi_marks(_: int) -> str:
    return _sprinkle(seed_text(), RTL, in_labels=True, in_numbers=True, at_ends=True)


def zero_width(_: int) -> str:
    marks = "\u200b\u200c\u200d\ufeff\u00ad"
    return _sprinkle(seed_text(), marks, in_labels=True, in_numbers=True, at_ends=True)


def labels_only(_: int) -> str:
    """Every table label of every bundled template, one per line, with no value anywhere."""
    out: list[str] = []
    for template in default_templates():
        ad, ap, rl = template.active_disclosure, template.applications, template.review_litigation
        out += ["二、" + ad.title, ad.header, *(c.label.label for c in ad.columns.values())]
        for block in ad.blocks:
            out += [block.caption, *(ad.rows[r].label for r in block.rows)]
        out += ["三、" + ap.title, ap.column_group.label, *(c.label.label for c in ap.columns.values())]
        out += [g.label for g in ap.groups.values()] + [r.label.label for r in ap.rows]
        out += ["四、" + rl.title, *(g.label for g in rl.groups.values())]
        out += [c.label.label for c in rl.columns.values()]
    return "\n".join(out)


VALUE_LINE = regex.compile(r"[\d\t ,.\-+/无—]*+")


def values_only(_: int) -> str:
    """The seed with every word taken out: only its numbers, tabs and none marks are left."""
    return "\n".join(regex.sub(r"[^\d\t ,.\-+/无—]++", "", line) for line in seed_text().split("\n"))


@attrs.frozen
class Case:
    """One hostile input: how to build it, its sizes, and what the report must say about it."""

    name: str
    build: Callable[[int], str]
    full: int = 0
    ci: int = 0
    expect: tuple[str, ...] = ()
    same_values: bool = False
    cli: int | None = None  # the size run through the command line and every public function

    def text(self, size: int | None = None) -> str:
        """The input at `size` (default: the ci size)."""
        return self.build(self.ci if size is None else size)

    def small(self) -> str:
        """The input at the size run through many code paths (the command line, every public function)."""
        return self.build(self.ci if self.cli is None else self.cli)


CASES: tuple[Case, ...] = (
    Case("empty", empty, expect=(codes.EMPTY_INPUT,)),
    Case("whitespace", whitespace, 100_000, 100_000, expect=(codes.EMPTY_INPUT,)),
    Case("huge_line", huge_line, 10_000_000, 10_000_000, expect=TABLE_TROUBLE, cli=100_000),
    Case("short_lines", short_lines, 1_000_000, 100_000, expect=(codes.NO_REPORT,), cli=10_000),
    Case("long_number", long_number, 100_000, 100_000, expect=(codes.NUMBER_TOO_LONG, codes.CELL_TEXT)),
    Case("nested_headings", nested_headings, 10_000, 10_000, expect=(codes.TABLE_MISSING,), cli=1_000),
    Case("nested_brackets", nested_brackets, 10_000, 10_000, expect=(codes.NO_REPORT, codes.TABLE_MISSING)),
    Case("nested_html_tables", nested_html_tables, 10_000, 10_000, expect=(codes.TABLE_MISSING,), cli=1_000),
    Case("many_values_line", many_values_line, 4_000, 4_000, expect=TABLE_TROUBLE, cli=200),
    Case("space_runs", space_runs, 1_000_000, 200_000, same_values=True, cli=20_000),
    Case("one_line_space_runs", one_line_space_runs, 1_000_000, 200_000, expect=TABLE_TROUBLE, cli=20_000),
    Case("repeated_labels", repeated_labels, 1_000_000, 20_000, expect=TABLE_TROUBLE, cli=2_000),
    Case("label_characters", label_characters, 1_000_000, 20_000, expect=TABLE_TROUBLE, cli=2_000),
    Case(
        "repeated_markers", repeated_markers, 1_000_000, 20_000, expect=(codes.NO_REPORT, codes.TABLE_MISSING)
    ),
    Case("repeated_report", repeated_report, 1_000, 100, expect=(codes.TABLE_DUPLICATE,), cli=10),
    Case("nul_bytes", nul_bytes, same_values=True),
    Case("control_characters", control_characters, same_values=True),
    Case("lone_surrogates", lone_surrogates, same_values=True),
    Case("mixed_line_ends", mixed_line_ends, same_values=True),
    Case("byte_order_marks", byte_order_marks, same_values=True),
    Case("bidi_marks", bidi_marks, same_values=True),
    Case("zero_width", zero_width, same_values=True),
    Case("labels_only", labels_only, expect=TABLE_TROUBLE),
    Case("values_only", values_only, expect=TABLE_TROUBLE),
)


def cuts(step: int = 10) -> Iterator[tuple[str, int, str]]:
    """(seed name, line count, text) for each seed cut after every `step`-th line."""
    for path in SEEDS:
        lines = seed_text(path.name).split("\n")
        for end in range(step, len(lines), step):
            yield path.name, end, "\n".join(lines[:end])
