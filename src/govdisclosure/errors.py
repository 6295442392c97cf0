"""The exceptions the public API raises; every other failure becomes a Diagnostic."""

from __future__ import annotations


class GovDisclosureError(Exception):
    """Root of every exception govdisclosure raises on purpose."""

    def __init__(
        self,
        message: str,
        *,
        line: int | None = None,
        excerpt: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.message = message
        self.line = line
        self.excerpt = excerpt
        self.hint = hint
        super().__init__(self._render())

    def _render(self) -> str:
        parts = [self.message if self.line is None else f"line {self.line}: {self.message}"]
        if self.excerpt is not None:
            parts.append(f"  | {self.excerpt}")
        if self.hint:
            parts.append(f"  hint: {self.hint}")
        return "\n".join(parts)


class ParseError(GovDisclosureError, ValueError):
    """The text has an error-level diagnostic and strict parsing was asked for."""


class DecodeError(GovDisclosureError, UnicodeError):
    """A file's bytes are not text in any encoding govdisclosure reads."""


class TemplateError(GovDisclosureError, ValueError):
    """A template file is malformed: duplicate ids, missing labels, unknown columns."""


class InputTooLargeError(GovDisclosureError, ValueError):
    """The input is larger than the configured maximum size."""


class DocumentError(GovDisclosureError, ValueError):
    """A document (PDF, Word, HTML) cannot be read: damaged, encrypted, a scan, or too large."""


class OutputExistsError(GovDisclosureError, FileExistsError):
    """An output file exists already: it is never overwritten (remove it or write elsewhere)."""


class MissingDependencyError(GovDisclosureError, ImportError):
    """An optional package (an extra: pdf, pandas, parquet, …) is needed for this and is not installed."""
