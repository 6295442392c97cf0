"""The only place that builds Lark parsers: grammars/*.lark, loaded via resources, LALR, cached and lazy.

>>> from lark import Token
>>> str(token_parser("report.lark").parse([Token("TEXT", "前言", line=1)]).data)
'start'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from lark import Lark, Token
from lark.lexer import Lexer

from .resources import grammar_text

__all__ = ["TokenStream", "token_parser"]


class TokenStream(Lexer):
    """A lexer that passes through tokens made by a line classifier (each with its line number)."""

    def __init__(self, lexer_conf: Any) -> None:
        """Lark's lexer hook; the configuration is not needed."""

    def lex(self, data: Iterable[Token]) -> Iterator[Token]:  # type: ignore[override]
        """The classifier's tokens, unchanged."""
        yield from data


def _load_import(base_path: str | None, grammar_path: str) -> tuple[str, str]:
    """Resolve `%import common (...)` to grammars/common.lark before Lark's own standard library."""
    try:
        return grammar_path, grammar_text(grammar_path)
    except FileNotFoundError as exc:
        raise OSError(f"no bundled grammar {grammar_path}") from exc


@cache
def token_parser(name: str) -> Lark:
    """An LALR parser for grammars/<name> over classifier tokens, built once per process."""
    return Lark(
        grammar_text(name),
        parser="lalr",
        lexer=TokenStream,
        import_paths=[_load_import],
        propagate_positions=True,
        maybe_placeholders=False,
        strict=True,
        source_path=name,
    )
