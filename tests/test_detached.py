"""Labels printed apart from their values (plain pdftotext, FORMAT.md §2.2 E): the printed-order reading.

Hand-written texts in the shapes corpus/real/002, 004 and 010 show, and a property that prints
any balanced table 三 that way (label-first rows, values-first rows with their labels listed
later, column-major blocks) and reads every cell back, or, where a block's row totals are broken,
places no wrong number.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import attrs
from hypothesis import example, given, settings
from hypothesis import strategies as st

import govdisclosure
from corpus import text
from corpus.score import table_cells
from govdisclosure.checks import application_checks
from govdisclosure.model import ApplicationsTable, Report
from govdisclosure.tables.row_labels import labels_fit
from govdisclosure.templates import default_templates
from govdisclosure.testing import tables
from plain_table import FEWER, HEAD, TAIL, applications

TEMPLATES = default_templates()
ZERO_ROW = ["0"] * 7


def _singletons(values: Sequence[str]) -> list[str]:
    return [line for v in values for line in (v, "")]


def _column_major(rows: Sequence[Sequence[str]]) -> list[str]:
    return [line for c in range(7) for line in ([r[c] for r in rows] + [""])]


def _parse(lines: Sequence[str]) -> Report:
    return govdisclosure.parse("\n".join(lines))


def _codes(report: Report) -> set[str]:
    return {d.code for d in report.diagnostics}


# --- the shapes of corpus/real 002 / 004 (2021 table 三 with the 2019 single （六）) ----------------

ORDER_2019 = [r for r in TEMPLATES["2019"].applications.rows if r.standard]


def _label(row_id: str) -> str:
    return next(r.label.label for r in ORDER_2019 if r.id == row_id)


def _hongze_like(block: list[list[str]]) -> list[str]:
    """Rows 1-4 label-first except 一 (values first, label later), then a column-major block of 10."""
    ids = [r.id for r in ORDER_2019]
    lines = list(HEAD)
    lines += _singletons(SUMS)  # 一、本年新收: label printed later
    lines += [_label("carried_over"), "", *_singletons(ZERO_ROW)]
    lines += [_label("granted"), "", *_singletons(["4", "0", "0", "0", "0", "0", "4"])]
    lines += [_label("partially_granted"), "", *_singletons(ZERO_ROW)]
    lines += _column_major(block)  # denied 1-8, unavailable 1-2
    lines += [_label("new_received"), ""] + [_label(i) for i in ids[4:14]] + [""]
    for row_id in ids[14:]:  # the rest label-first
        values = SUMS if row_id == "outcome_total" else ZERO_ROW
        lines += [_label(row_id), "", *_singletons(values)]
    return lines + TAIL


BLOCK = [
    ["1", "0", "0", "0", "0", "0", "1"],
    ["0", "0", "0", "0", "0", "0", "0"],
    ["0", "2", "0", "0", "0", "0", "2"],
    ["0", "0", "0", "0", "0", "0", "0"],
    ["0", "0", "0", "0", "0", "0", "0"],
    ["1", "0", "0", "0", "0", "0", "1"],
    ["1", "0", "0", "0", "0", "0", "1"],
    ["0", "0", "0", "0", "0", "0", "0"],
    ["5", "0", "0", "0", "1", "0", "6"],
    ["3", "0", "0", "0", "0", "0", "3"],
]
# 一、本年新收 and （七）总计: 4 granted plus the block's column sums, so that every identity holds
# (the column identities are what show the block's columns in their printed order).
SUMS = ["15", "2", "0", "0", "1", "0", "18"]


def test_column_major_block_and_detached_label_are_read() -> None:
    report = govdisclosure.parse("\n".join(_hongze_like(BLOCK)))
    table = applications(report)
    assert table["new_received"]["natural_person"].value == 15
    assert table["granted"]["total"].value == 4
    # the block's rows, top to bottom, are the template's rows （三）1-8, （四）1-2
    assert table["denied_three_safeties_one_stability"]["commercial_enterprise"].value == 2
    assert table["denied_process_information"]["natural_person"].value == 1
    assert table["unavailable_not_held"]["legal_service_agency"].value == 1
    assert table["unavailable_not_held"]["total"].value == 6
    assert table["unavailable_needs_creation"]["natural_person"].value == 3
    assert table.template == "2019"
    assert "cells-by-order" in _codes(report)
    assert "cell-unplaced" not in _codes(report)
    # Placed by printed order (SCHEMA.md basis): the block, 一 (whose label came later) and the
    # rows printed one value per line under their label (their row totals confirmed the order);
    # the checks over order cells are decided.
    for row in ("denied_state_secret", "new_received", "granted"):
        assert {c.basis for c in table[row].values()} == {"order"}, row
    decided = {c.name for c in report.checks if c.decided}
    assert {"applications.row_total.denied_state_secret", "applications.row_total.granted"} <= decided
    # raw text and line survive: 15 is the first value, printed right after the header
    first = table["new_received"]["natural_person"]
    assert (first.raw, first.line) == ("15", len(HEAD) + 1)


def test_column_major_block_whose_row_total_fails_is_not_read() -> None:
    broken = [list(r) for r in BLOCK]
    broken[2][6] = "3"  # 0+2+0+0+0+0 is not 3: nothing shows the block is column-major
    report = govdisclosure.parse("\n".join(_hongze_like(broken)))
    table = applications(report)
    assert "cell-unplaced" in _codes(report)
    assert "cells-by-order" not in _codes(report)
    assert "denied_state_secret" not in table.rows
    assert "new_received" not in table.rows


def test_label_that_contradicts_the_order_stops_the_reading() -> None:
    lines = _hongze_like(BLOCK)
    # 四、结转 printed right before the values of （一）予以公开: the printed order is not the template's
    at = lines.index(_label("granted"))
    lines[at] = _label("carried_forward")
    report = _parse(lines)
    assert "cells-by-order" not in _codes(report)
    assert "cell-unplaced" in _codes(report)
    assert "denied_state_secret" not in applications(report).rows


def test_a_row_whose_label_is_not_printed_is_not_assumed() -> None:
    lines = [ln for ln in _hongze_like(BLOCK) if ln != _label("unavailable_needs_creation")]
    report = _parse(lines)
    assert "cells-by-order" not in _codes(report)
    assert "denied_state_secret" not in applications(report).rows


def test_labels_listed_out_of_order_after_a_block_stop_the_reading() -> None:
    lines = _hongze_like(BLOCK)
    a, b = lines.index(_label("denied_state_secret")), lines.index(_label("denied_prohibited_by_law"))
    lines[a], lines[b] = lines[b], lines[a]
    report = _parse(lines)
    assert "cells-by-order" not in _codes(report)
    assert "denied_state_secret" not in applications(report).rows


# --- table 二 and table 四 --------------------------------------------------------------------------


def test_one_row_block_with_its_value_before_its_label() -> None:
    lines = [
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        "信息内容",
        "本年制发件数",
        "本年废止件数",
        "现行有效件数",
        "规章",
        "",
        "0",
        "",
        "1",
        "",
        "2",
        "行政规范性文件",
        "",
        "3",
        "",
        "4",
        "",
        "5",
        "第二十条第（五）项",
        "信息内容",
        "本年处理决定数量",
        "550",
        "",
        "行政许可",
        "第二十条第（八）项",
        "信息内容",
        "本年收费金额（单位：万元）",
        "7730.28",
        "",
        "行政事业性收费",
        *TAIL,
    ]
    report = _parse(lines)
    table = report.tables.active_disclosure
    assert table is not None
    assert table["administrative_licensing"]["decisions"].value == 550
    assert table["normative_documents"]["in_force"].value == 5
    fees = table["administrative_fees"]["fee_amount"]
    assert (str(fees.value), fees.unit) == ("7730.28", "万元")
    assert "cell-unplaced" not in _codes(report)


REVIEW_HEAD = [
    "四、政府信息公开行政复议、行政诉讼情况",
    "行政复议",
    "行政诉讼",
    "未经复议直接起诉",
    "复议后起诉",
    "结果维持",
    "结果纠正",
    "其他结果",
    "尚未审结",
    "总计",
    "",
]


def test_review_values_with_a_stray_total_word_before_the_last() -> None:
    values = ["10", "1", "0", "0", "11", "0", "0", "0", "0", "0", "5", "0", "0", "0"]
    lines = [*REVIEW_HEAD, *_singletons(values), "总计", "", "5", *TAIL]
    report = _parse(lines)
    table = report.tables.review_litigation
    assert table is not None
    assert table["review"]["total"].value == 11
    assert table["litigation_after_review"]["upheld"].value == 5
    assert table["litigation_after_review"]["total"].value == 5


SCRAMBLED = [
    *REVIEW_HEAD,
    *_singletons(["72", "64", "178", "37"]),
    "复议后起诉",
    "",
    *_singletons(["12", "1", "1", "6"]),
    "总计",
    "",
    "351",
    "",
    "维持",
    "纠正",
    "",
    *_singletons(["13", "4", "8", "1", "26"]),
    "总计",
    "",
    "20",
]
STATEMENT = (
    "政府信息公开行政复议 351\n件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚\n未审结 37 件。"
)


def test_review_group_placed_by_the_figures_the_prose_states() -> None:
    text = "\n".join(["一、总体情况", STATEMENT, *SCRAMBLED, *TAIL])
    report = govdisclosure.parse(text)
    table = report.tables.review_litigation
    assert table is not None
    assert [
        table["review"][c].value for c in ("upheld", "corrected", "other_result", "pending", "total")
    ] == [
        72,
        64,
        178,
        37,
        351,
    ]
    assert table["review"]["total"].line == text.split("\n").index("351") + 1
    assert {c.basis for c in table["review"].values()} == {"prose"}
    assert "litigation_direct" not in table.rows and "litigation_after_review" not in table.rows
    assert {"cells-by-prose", "cell-unplaced"} <= _codes(report)


def test_review_without_a_statement_or_with_other_figures_places_nothing() -> None:
    other = STATEMENT.replace("72", "73").replace("351", "352")
    for prose in ("", other):
        report = govdisclosure.parse("\n".join(["一、总体情况", prose, *SCRAMBLED, *TAIL]))
        table = report.tables.review_litigation
        assert table is None or not table.rows
        assert "cells-by-prose" not in _codes(report)


def test_a_number_opening_the_prose_after_a_table_is_not_a_cell() -> None:
    values = [str(v) for v in (1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)]
    lines = [
        *REVIEW_HEAD,
        *_singletons(values),
        "五、存在的主要问题及改进情况",
        "2023 年，本机关政府信息公开工作取得一定成效，但仍存在差距。",
    ]
    report = _parse(lines)
    table = report.tables.review_litigation
    assert table is not None
    assert table["review"]["total"].value == 1
    assert "cell-unplaced" not in _codes(report)


# A balanced 2019 table 三 (each row's seven values) the property below once drew: printed label first
# but for （六）其他处理, whose values come right after the row before's, its label listed at the end.
# Fourteen lone numbers after one label also read as seven numbers wrapped in two lines (`167` /
# `24`); no such joining holds the row total, and the printed order settles the table.
BALANCED = """2417 2674 1922 2933 2908 3438 16292|170 224 300 298 68 223 1283|72 125 100 298 17 187 799
148 110 7 200 141 245 851|300 100 87 189 215 300 1191|41 16 1 162 237 299 756|300 167 3 66 74 189 799
177 116 196 137 256 296 1178|32 97 161 50 225 254 819|129 127 192 99 201 300 1048
129 300 148 7 0 276 860|33 266 140 223 120 118 900|12 186 111 55 1 154 519|191 256 84 267 123 62 983
232 72 49 258 200 1 812|101 214 65 281 200 245 1106|70 190 253 39 199 44 795|67 3 89 214 102 215 690
180 112 54 114 207 299 966|167 24 220 195 172 13 791|98 131 105 122 201 81 738
2479 2612 2065 2976 2891 3578 16601|108 286 157 255 85 83 974"""


def test_a_values_first_row_after_a_row_of_lone_numbers_is_read_in_printed_order() -> None:
    spec = TEMPLATES["2019"].applications
    ids = [r.id for r in spec.rows if r.standard]
    label = {r.id: r.label.label for r in spec.rows}
    rows = dict(zip(ids, [row.split() for row in BALANCED.replace("\n", "|").split("|")], strict=True))
    lines = list(HEAD)
    for row, values in rows.items():
        lines += _singletons(values) if row == "other" else [label[row], "", *_singletons(values)]
    report = _parse([*lines, label["other"], *TAIL])
    got = applications(report)
    assert {r: [str(c.value) for c in cells.values()] for r, cells in got.rows.items()} == rows
    assert "cell-unplaced" not in _codes(report)
    assert "cell-ambiguous" not in _codes(report)


# --- property: any balanced table 三 printed in plain-pdftotext order reads back ---------------------


@st.composite
def _plans(draw: st.DrawFn, rows: int) -> list[tuple[str, int]]:
    """Consecutive row slices, each printed label-first, values-first or column by column."""
    plan: list[tuple[str, int]] = []
    left = rows
    while left:
        style = draw(st.sampled_from(["label-first", "values-first", "column-major"]))
        if style == "column-major" and left >= 2:
            size = draw(st.integers(2, min(left, 12)).filter(lambda k: k % 7 != 0))
        else:
            style = "label-first" if style == "column-major" else style
            size = 1
        plan.append((style, size))
        left -= size
    return plan


def _row_lines(values: Sequence[str], paired: bool) -> list[str]:
    # Chromium's PDFs put 其他's and 总计's values on one text line (`— 1910`).
    if paired:
        return [*_singletons(values[:-2]), f"{values[-2]} {values[-1]}", ""]
    return _singletons(values)


def _print(
    table: ApplicationsTable,
    plan: Sequence[tuple[str, int]],
    labels_after: Sequence[bool],
    paired: Sequence[bool] | None = None,
) -> str:
    order = list(table.rows)
    template = TEMPLATES["2019"] if "other" in order else TEMPLATES["2021"]
    spec = template.applications
    label = {r.id: r.label.label for r in spec.rows}
    lines, later, i = list(HEAD), [], 0
    pairs = paired if paired is not None else [False] * len(plan)
    for n, ((style, size), after, pair) in enumerate(zip(plan, labels_after, pairs, strict=True)):
        ids = order[i : i + size]
        rows = [[table[r][c].raw for c in spec.value_columns] for r in ids]
        if style == "label-first":
            lines += [label[ids[0]], "", *_row_lines(rows[0], pair)]
        elif style == "labels-listed":
            lines += [label[r] for r in ids] + [""]
            lines += [line for row in rows for line in _row_lines(row, pair)]
        elif style == "values-first":
            lines += _row_lines(rows[0], pair)
            later += ids
        else:
            lines += _column_major(rows)
            # labels right after the block only where the next run starts with its own label
            nxt = plan[n + 1][0] if n + 1 < len(plan) else "end"
            if after and nxt in ("label-first", "end"):
                lines += [label[r] for r in ids] + [""]
            else:
                later += ids
        i += size
    lines += [label[r] for r in order if r in later]
    return "\n".join(lines + TAIL)


def _balanced_apps() -> st.SearchStrategy[ApplicationsTable]:
    return tables(identities=True).map(lambda t: t.applications).filter(lambda a: a is not None)  # type: ignore[return-value]


def _columns_told_apart(table: ApplicationsTable, plan: Sequence[tuple[str, int]]) -> bool:
    """False where two columns of a column-major block print different values, yet with the two
    traded in that block every identity that holds still holds: nothing in the text then shows
    which run of values is which column (checks.py's checks over the traded table say so)."""
    template = TEMPLATES["2019"] if "other" in table.rows else TEMPLATES["2021"]
    columns = template.applications.value_columns
    passed = {c.name for c in application_checks(table, template) if c.status == "pass"}
    order, i = list(table.rows), 0
    for style, size in plan:
        block, i = order[i : i + size], i + size
        if style != "column-major":
            continue
        for a, b in itertools.combinations(columns, 2):
            if all(table[r][a].raw == table[r][b].raw for r in block):
                continue
            traded = {
                r: {**cells, a: cells[b], b: cells[a]} if r in block else cells
                for r, cells in table.rows.items()
            }
            checks = application_checks(attrs.evolve(table, rows=traded), template)
            if passed <= {c.name for c in checks if c.status == "pass"}:
                return False
    return True


@FEWER
@given(data=st.data())
def test_any_table_printed_in_pdftotext_order_reads_back(data: st.DataObject) -> None:
    table = data.draw(_balanced_apps())
    plan = data.draw(_plans(len(table.rows)))
    after = data.draw(st.lists(st.booleans(), min_size=len(plan), max_size=len(plan)))
    paired = data.draw(st.lists(st.booleans(), min_size=len(plan), max_size=len(plan)))
    report = govdisclosure.parse(_print(table, plan, after, paired))
    got = applications(report)
    numbers = {(r, c): v.value for r, cols in got.rows.items() for c, v in cols.items() if v.kind == "number"}
    assert all(table[r][c].value == value for (r, c), value in numbers.items())  # never a wrong number
    if not _columns_told_apart(table, plan):
        return  # (a block's columns whose order nothing shows: not read, said)
    assert {r: {c: v.value for c, v in cols.items()} for r, cols in got.rows.items()} == {
        r: {c: v.value for c, v in cols.items()} for r, cols in table.rows.items()
    }
    assert "cell-unplaced" not in _codes(report)


@FEWER
@given(data=st.data())
def test_a_broken_row_total_in_a_column_block_gives_no_wrong_number(data: st.DataObject) -> None:
    # A block of rows printed column by column (the row totals are what shows the order, so one
    # broken total leaves it unread), or row by row after a list of their labels (no order shown).
    table = data.draw(_balanced_apps())
    size = data.draw(st.integers(2, 6))
    plan = data.draw(_plans(len(table.rows) - size))
    at = data.draw(st.integers(0, len(plan)))
    plan.insert(at, (data.draw(st.sampled_from(["column-major", "labels-listed"])), size))
    after = data.draw(st.lists(st.booleans(), min_size=len(plan), max_size=len(plan)))
    row = list(table.rows)[sum(n for _, n in plan[:at]) + data.draw(st.integers(0, size - 1))]
    total = table[row]["total"]
    more = (total.value or 0) + 1
    broken = attrs.evolve(
        table,
        rows={
            **table.rows,
            row: {**table.rows[row], "total": attrs.evolve(total, raw=str(more), value=more)},
        },
    )
    report = govdisclosure.parse(_print(broken, plan, after))
    for r, cols in applications(report).rows.items():
        for c, cell in cols.items():
            assert cell.value == broken[r][c].value, f"{r}.{c}"
    assert "cells-by-order" not in _codes(report)


def test_a_row_whose_last_two_values_share_a_line_is_one_row() -> None:
    # corpus r015 through plain pdftotext (Chromium's PDF): the header's `其 总计` is one text line,
    # so each row ends `55` / `— 1910`, and three rows' values follow 二、上年结转's label, the
    # other two rows' labels listed later. The whole of table 三 comes back.
    parsed, printed = table_cells("r015", "pdf-chromium.pdftotext", "applications")
    assert parsed == printed
    granted = applications(govdisclosure.parse(text("r015", "pdf-chromium.pdftotext")))["granted"]
    assert {c.basis for c in granted.values()} == {"order"}


def test_labels_listed_before_their_values_anchor_nothing() -> None:
    # corpus r023 through plain pdftotext (Chromium's PDF): `4.无正当理由大量反复申请` /
    # `5.要求行政机关确认或重新出具已获取信息` / then seven rows' values. Labels are listed in template
    # order whatever order the values come in, and rows feeding the same totals can trade places
    # with every identity holding: the list shows nothing, and table 三 stays unread.
    parsed, printed = table_cells("r023", "pdf-chromium.pdftotext", "applications")
    assert "not_processed_excessive" not in {row for row, _ in parsed}
    assert all(printed[key] == value for key, value in parsed.items())


def test_labels_listed_before_a_column_major_block_are_no_anchor() -> None:
    # corpus r012 through pdfminer (Chromium's PDF): fifteen labels listed, then their rows'
    # values column by column. Read row by row after the list, the rows' totals fail; the block
    # stays unread (and gives no wrong number).
    parsed, printed = table_cells("r012", "pdf-chromium.pdfminer", "applications")
    assert "denied_internal_affairs" not in {row for row, _ in parsed}
    assert all(printed[key] == value for key, value in parsed.items())


def test_a_long_value_stream_is_refused_without_deep_recursion() -> None:
    # 1,500 runs of 7 values under every row label: far more values than rows, so no reading; it
    # once recursed one level per run and raised RecursionError.
    labels = [r.label.label for r in TEMPLATES["2021"].applications.rows if r.standard]
    body = [line for _ in range(1500) for line in [*ZERO_ROW, ""]]
    report = _parse([*HEAD, *body, *labels, *TAIL])
    assert "cell-unplaced" in _codes(report)
    assert "cells-by-order" not in _codes(report)


def test_a_printed_order_reading_that_places_nothing_new_says_nothing() -> None:
    # r064 through pdfplumber (LibreOffice PDF): three rows' numbers wrapped around their lines wait
    # for the identities, which leave six placements; reading in printed order places the same 20
    # rows as the labels do and settles none of the three, so no `cells-by-order` note is added.
    report = govdisclosure.parse(text("r064", "pdf-lo.pdfplumber"))
    assert "cells-by-order" not in _codes(report)
    ambiguous = {d.message.split(":")[0] for d in report.diagnostics if d.code == "cell-ambiguous"}
    assert ambiguous == {f"applications.{r}" for r in ("new_received", "granted", "outcome_total")}


def test_a_row_printed_as_a_digits_line_and_a_none_line_is_not_one_run_of_cells() -> None:
    # Held-out corpus (regenerate.py --seed 20261201) r024 through markitdown (Chromium's PDF): a
    # row's digits (自然人 2, 总计 2) on one line, its five 无 on the next, lines placed by height in
    # no column order. Read as one row in printed order, 商业企业 got 2 and 总计 got 无.
    lines = list(HEAD)
    for row in ORDER_2019:
        if row.id == "other":
            lines += [row.label.label, "", "2 2", "", "无 无 无 无 无", ""]
        else:
            lines += [row.label.label, "", *_singletons(ZERO_ROW)]
    report = _parse([*lines, *TAIL])
    other = applications(report).rows.get("other", {})
    assert [c.raw for c in other.values()] in ([], ["2", "无", "无", "无", "无", "无", "2"])
    assert len(applications(report).rows) == len(ORDER_2019) - (not other)


def test_a_template_fits_where_its_rows_are_labelled_and_no_label_names_another_s() -> None:
    # One rule for both printed-order readings (reread_applications here, balanced.py).
    templates = default_templates()
    rows = {
        name: [r.id for r in templates[name].applications.rows if r.standard] for name in templates.names()
    }
    # A 2021 table prints each of its rows' labels, and （六）其他处理, 2019's `other` row's label.
    printed = [frozenset({row}) for row in rows["2021"]] + [frozenset({"other"})]
    assert labels_fit(printed, rows["2021"]) is False  # （六）其他处理 names no 2021 row
    assert labels_fit(printed[:-1], rows["2021"])
    # Every 2019 row is labelled there too, but （六）'s three labels name no 2019 row.
    assert set(rows["2019"]) <= set().union(*printed)
    assert labels_fit(printed, rows["2019"]) is False
    # A row's label missing: no fit. A label that may name two rows, one of them the template's: fits.
    assert labels_fit(printed[1:-1], rows["2021"]) is False
    assert labels_fit([*printed[:-1], frozenset({"other", "granted"})], rows["2021"])


# --- table 二's first block with its header cells drawn after its rows (Chromium's PDFs) -----------

_FIRST_BLOCK = ["第二十条第（一）项", "本年新", "本年新", "制作数量", "公开数量"]
_FIRST_ROWS = ["规章", "0", "0", "0", "规范性文件", "8", "8", "8"]
_FIRST_HEADER_LATE = ["信息内容", "对外公开总数量"]


def test_the_first_block_s_rows_before_its_late_header_are_read() -> None:
    # corpus r004 through Chromium and plain pdftotext: no block before the first could own them.
    parsed, printed = table_cells("r004", "pdf-chromium.pdftotext", "active_disclosure")
    first = [(r, c) for r, c in printed if r in ("regulations", "normative_documents")]
    assert len(first) == 6
    assert [parsed.get(k) for k in first] == [printed[k] for k in first]
    lines = ["二、主动公开政府信息情况", *_FIRST_BLOCK, *_FIRST_ROWS, *_FIRST_HEADER_LATE, *TAIL]
    table = _parse(lines).tables.active_disclosure
    assert table is not None
    columns = ("newly_made", "newly_published", "total_published")
    assert [table["normative_documents"][c].value for c in columns] == [8, 8, 8]
    assert table["regulations"]["total_published"].basis == "order"


_PRINTED = st.one_of(
    st.integers(0, 99_999).map(lambda n: f"{n:,}" if n > 999 else str(n)),
    st.sampled_from(["无", "—", "/", "0"]),
)


@settings(deadline=None, max_examples=60)
@given(values=st.lists(_PRINTED, min_size=6, max_size=6), dropped=st.one_of(st.none(), st.integers(0, 5)))
@example(values=["无", "无", "无", "1,024", "—", "7"], dropped=None)
def test_the_first_block_reads_back_or_places_no_wrong_value(values: list[str], dropped: int | None) -> None:
    # Its two rows printed label then values, header cells after: read back exactly; with a value
    # drawn away (dropped), five values for six cells place no value that is not its cell's.
    shown = [v for i, v in enumerate(values) if i != dropped]
    rows = (
        ["规章", *shown[:3], "规范性文件", *shown[3:]]
        if dropped is None
        else ["规章", *shown[:2], "规范性文件", *shown[2:]]
    )
    table = _parse(
        ["二、主动公开政府信息情况", *_FIRST_BLOCK, *rows, *_FIRST_HEADER_LATE, *TAIL]
    ).tables.active_disclosure
    columns = ("newly_made", "newly_published", "total_published")
    cells = {
        (r, c): v
        for r, row in zip(("regulations", "normative_documents"), (values[:3], values[3:]), strict=True)
        for c, v in zip(columns, row, strict=True)
    }
    got = {(r, c): cell.raw.strip() for r, c, cell in table.cells()} if table is not None else {}
    assert all(cells[k] == raw for k, raw in got.items())
    if dropped is None:
        # A row mixing 无 with others is not read by order (a PDF's reading order moves 无: drawn.py);
        # one of 无 alone, or with none, has one reading whatever the order.
        def settled(row: list[str]) -> bool:
            return "无" not in row or set(row) == {"无"}

        plain = {k for k in cells if settled(values[:3] if k[0] == "regulations" else values[3:])}
        assert plain <= set(got)
