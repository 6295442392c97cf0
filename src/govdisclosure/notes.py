"""A label cell's bracketed note (规章（设区的市…）), and text that reads as a sentence.

Text here is NFKC-normalized: full-width brackets and punctuation are ASCII (（ → (, ， → ,, ； → ;).
"""

from __future__ import annotations

import regex

__all__ = ["ANNOTATION", "reads_as_sentence"]

# A label followed by an annotation in brackets: the label is what comes before the bracket. The
# note may still be open at the line's end: it wraps onto the next lines of the cell (PDF text).
ANNOTATION = regex.compile(r"^(?P<label>[^()]{2,}+)\((?:[^()]++\)|[^()]*+)\s*+$")
# A bracketed note, closed or still open at the text's end, as above.
NOTE = regex.compile(r"\([^()]*+(?:\)|$)")
# A label holds sentence punctuation only inside its note (（区分处理的，只计这一情形…）).
SENTENCE_PUNCTUATION = regex.compile(r"[,;。]")


def reads_as_sentence(normalized: str) -> bool:
    """True when the text holds `,`, `;` or `。` outside its bracketed notes: prose, no label cell."""
    return SENTENCE_PUNCTUATION.search(NOTE.sub("", normalized)) is not None
