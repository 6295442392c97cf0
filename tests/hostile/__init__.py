"""Hostile inputs built by code (issue 7): what a user may hand `parse` that no report looks like.

`corpus.CASES` lists them; `measure.measure` parses one under a time ceiling and tracemalloc.
Nothing here is a stored blob: every input is rebuilt from the seeds and a few lines of code, at
the size the issue names (`full`) or, by default, at a tenth of it for the giants (see
docs/robustness.md, "Running the hostile corpus").
"""

from __future__ import annotations

from .corpus import CASES, SEEDS, Case, cuts, seed_text
from .measure import Measurement, ceiling_seconds, measure

__all__ = ["CASES", "SEEDS", "Case", "Measurement", "ceiling_seconds", "cuts", "measure", "seed_text"]
