"""Reading report files: the encodings Chinese government texts come in (issue 2)."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from govdisclosure import DecodeError, ReadError, parse_file
from govdisclosure.textfile import decode, read_text

# Curly quotes, full-width punctuation, 〔〕 and a tab row: characters a lossy codec would break.
SAMPLE = (
    "青溪县市场监督管理局2024年政府信息公开工作年度报告\n"
    "一、总体情况\n"
    "（国办公开办函〔2021〕30号）“三安全一稳定”，统计期限为2024年1月1日至2024年12月31日。\n"
    "行政事业性收费\t12.86\n"
)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16"),
        (SAMPLE.encode("gb18030"), "gb18030"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "gb18030"],
)
def test_every_encoding_gives_the_same_text(data: bytes, encoding: str) -> None:
    decoded = decode(data, "sample.txt")
    assert decoded.text == SAMPLE  # no BOM left over
    assert decoded.encoding == encoding


def test_gb18030_report_file(tmp_path: Path, example_report: Path) -> None:
    text = example_report.read_text(encoding="utf-8")
    gb = tmp_path / "report-gb18030.txt"
    gb.write_bytes(text.encode("gb18030"))
    assert text.encode("gb18030") != text.encode("utf-8")  # the test really exercises GB18030
    decoded = read_text(gb)
    assert decoded.encoding == "gb18030"
    assert decoded.text == text
    # parse_file says which encoding it used, and reads the same report as from UTF-8.
    from_gb = parse_file(gb)
    assert from_gb.encoding == "gb18030"
    assert from_gb == parse_file(example_report)
    assert parse_file(example_report).encoding == "utf-8"


def test_empty_bytes_decode_to_empty_text() -> None:
    assert decode(b"").text == ""


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 8,
        b"PK\x03\x04\x14\x00\x06\x00" + bytes(200),  # a DOCX/ZIP header
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(32)) * 4,
        random.Random(2).randbytes(4096),
        random.Random(7).randbytes(64),
    ],
    ids=["all-bytes", "zip", "png", "random-4k", "random-64"],
)
def test_binary_garbage_is_a_decode_error(data: bytes) -> None:
    with pytest.raises(DecodeError) as info:
        decode(data, "garbage.bin")
    assert "garbage.bin" in info.value.message
    assert isinstance(info.value, UnicodeError)


def test_damaged_utf16_with_bom_is_a_decode_error() -> None:
    with pytest.raises(DecodeError, match="utf-16"):
        decode(codecs.BOM_UTF16_LE + b"\x00\xd8", "x.txt")  # a lone high surrogate


def test_missing_file_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file") as info:
        read_text(tmp_path / "absent.txt")
    assert isinstance(info.value, OSError)


def test_directory_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="is a directory"):
        read_text(tmp_path)
