"""What the readers are told: the input format, column names, globs, encoding and limits.

Kept apart from `sources.py` so that every reader can import it without a cycle.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date

from ..config import SETTINGS

__all__ = ["FORMATS", "IngestOptions", "IngestStats"]

FORMATS: tuple[str, ...] = ("auto", "text", "jsonl", "csv", "html", "feed", "petr-xml", "cable")

_DEFAULTS = {s.name: s.default for s in SETTINGS}
_MAX_LINE_DEFAULT: int = _DEFAULTS["max_line_bytes"]


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestOptions:
    """How to read inputs.

    `input_format` is one of FORMATS ('auto' picks by suffix and content). Column names apply
    to CSV and JSONL records; `None` means the usual names (text/body/content, id, date).
    `include`/`exclude` are glob patterns matched against file names and paths inside
    folders. `encoding` is a codec name or 'auto' (detected with charset-normalizer).
    """

    input_format: str = "auto"
    published: Date | None = None
    encoding: str = "utf-8"
    text_column: str | None = None
    id_column: str | None = None
    date_column: str | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    language_check: bool = True
    dedup: bool = True
    max_line_bytes: int = _MAX_LINE_DEFAULT
    max_doc_bytes: int = _DEFAULTS["max_doc_bytes"]
    # Resolved paths a folder walk never reads (the run's own output file, written meanwhile).
    skip_files: frozenset[str] = frozenset()
    max_html_bytes: int = _DEFAULTS["max_html_bytes"]


@dataclass(slots=True, kw_only=True)
class IngestStats:
    """Counts kept while reading, for the summary the CLI prints at the end."""

    files: int = 0
    documents: int = 0
    errors: int = 0
    warnings: int = 0
    duplicates: int = 0
    non_english: int = 0
    by_format: dict[str, int] = field(default_factory=dict)

    def count(self, input_format: str) -> None:
        """Count one document read in `input_format`."""
        self.documents += 1
        self.by_format[input_format] = self.by_format.get(input_format, 0) + 1
