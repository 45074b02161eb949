"""The export format names, apart from `export.py` so the CLI can offer them without importing
DuckDB (every `cablegram` command builds the whole parser)."""

from __future__ import annotations

__all__ = ["EXPORT_FORMATS"]

EXPORT_FORMATS: tuple[str, ...] = ("plover-jsonl", "phoenix-tsv", "gdelt-csv", "csv", "parquet")
