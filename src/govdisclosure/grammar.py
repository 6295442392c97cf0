"""The only place that builds Lark parsers: grammars/*.lark, loaded via resources, LALR, cached and lazy.

Building an LALR table costs ~30 ms a grammar, so a built parser is kept in a cache file under the
user's cache directory (diskcache.py), named by a hash of the grammar texts and the Lark and Python
versions. A cache that cannot be read or written is skipped silently: the parser is then built in
memory.

>>> from lark import Token
>>> str(token_parser("report.lark").parse([Token("TEXT", "前言", line=1)]).data)
'start'
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

import lark
from lark import Lark, Token, Transformer
from lark.lexer import Lexer

from .diskcache import cache_dir, cache_file
from .resources import grammar_text

__all__ = ["TokenStream", "cache_dir", "token_parser"]

# The grammars' shared terminals (`%import common (...)`), part of every cache key.
_COMMON = "common.lark"


class TokenStream(Lexer):
    """A lexer that passes through tokens made by a line classifier (each with its line number)."""

    def __init__(self, lexer_conf: Any) -> None:
        """Lark's lexer hook; the configuration is not needed."""

    def lex(self, data: Iterable[Token]) -> Iterator[Token]:  # type: ignore[override]
        """The classifier's tokens, unchanged."""
        return iter(data)


class _ImportLoader:
    """Resolves `%import common (...)` to grammars/common.lark before Lark's own standard library.

    An object with a fixed repr, not a function: Lark's cache key includes the repr of every
    option, and a function's repr holds its address, which changes every process (the cache
    would never hit).
    """

    def __call__(self, base_path: str | None, grammar_path: str) -> tuple[str, str]:
        try:
            return grammar_path, grammar_text(grammar_path)
        except FileNotFoundError as exc:
            raise OSError(f"no bundled grammar {grammar_path}") from exc

    def __repr__(self) -> str:
        return "govdisclosure.grammar._ImportLoader()"


def _cache_file(name: str, text: str) -> str | None:
    """The cache file for grammar `name`, its folder created; None when there is nowhere to write."""
    path = cache_file(
        name.removesuffix(".lark"), ".lark-cache", text, grammar_text(_COMMON), lark.__version__, sys.version
    )
    return None if path is None else str(path)


@cache
def token_parser(name: str, transformer: Transformer[Token, Any] | None = None) -> Lark:
    """An LALR parser for grammars/<name> over classifier tokens, built (or loaded) once per process.

    With `transformer`, the parser calls it as it reduces (Lark's embedded transformer): `parse`
    returns what the transformer's `start` returns and no tree is built. The transformer must
    not hold per-parse state: the parser, and so the transformer, is shared.
    """
    text = grammar_text(name)
    cache_file = _cache_file(name, text)
    return Lark(
        text,
        parser="lalr",
        lexer=TokenStream,
        import_paths=[_ImportLoader()],
        maybe_placeholders=False,
        strict=True,
        source_path=name,
        transformer=transformer,
        # Lark reads and writes the file, and carries on without it when either fails.
        cache=cache_file or False,
    )
