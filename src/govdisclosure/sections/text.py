"""Lexical helpers shared by the outline modules: spaces, titles and sentence ends (FORMAT.md §2.1)."""

from __future__ import annotations

import regex

from ..normalize import CONTROL, INVISIBLE

__all__ = ["TERMINATORS", "clean_line", "clean_title", "squeeze"]

#: Punctuation that closes a run-in title ("（一）主动公开情况。主要通过…"), folded forms included.
TERMINATORS = "。:;!?：；！？"

# A run of spaces with a Han character or CJK punctuation on at least one side: PDF justification
# ("三、本 年度", "高新区 2020 年"), never the space between two Latin words.
_CJK_SPACE = regex.compile(
    r"""(?<=[\p{Han}\p{Ps}\p{Pe}、。，：；！？“”])[ \t\u3000\xa0]+
      | [ \t\u3000\xa0]+(?=[\p{Han}\p{Ps}\p{Pe}、。，：；！？“”])""",
    regex.VERBOSE,
)
_TRAILING = regex.compile(r"[\s。.:：;；,，、*#]+$")
_LEADING = regex.compile(r"^[\s*#]+")


def clean_line(raw: str) -> str:
    """The raw line without invisible characters, with control characters (form feeds) as spaces."""
    return CONTROL.sub(" ", INVISIBLE.sub("", raw))


def squeeze(text: str) -> str:
    """Drop justification spaces next to CJK text; trim the ends."""
    return _CJK_SPACE.sub("", text).strip()


def clean_title(raw: str) -> str:
    """A heading's words: no markdown marks, no trailing 。/：, no justification spaces."""
    text = raw.replace("**", "")
    text = _LEADING.sub("", text)
    text = _TRAILING.sub("", text)
    return squeeze(text)
