"""Readers that turn inputs (files, folders, URLs, stdin) into `Document` records.

`read_inputs(paths, options=...)` yields a `Document` per text and an `IngestError` per bad
input, so a batch goes on past a bad file and the caller reports what was skipped. Formats:
plain text, JSONL, CSV/TSV, HTML pages, RSS/Atom feeds, PETRARCH XML and diplomatic cables;
'auto' picks one per input from its suffix and first bytes.
"""

from .options import FORMATS, IngestOptions, IngestStats
from .sources import InputReader, detect_format, read_inputs

__all__ = ["FORMATS", "IngestOptions", "IngestStats", "InputReader", "detect_format", "read_inputs"]
