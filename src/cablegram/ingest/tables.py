"""CSV and TSV tables: one document per row, the text from a chosen column."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from ..errors import IngestError
from ..records import Document
from .jsonl import TEXT_COLUMNS, record_document, text_column_of
from .options import IngestOptions
from .text import decode_bytes

__all__ = ["read_csv"]


class _Semicolon(csv.excel):
    delimiter = ";"


class _Pipe(csv.excel):
    delimiter = "|"


_DIALECTS: dict[str, type[csv.Dialect]] = {",": csv.excel, "\t": csv.excel_tab, ";": _Semicolon, "|": _Pipe}


def _dialect(sample: str, label: str) -> type[csv.Dialect]:
    """The delimiter most frequent in the header line; csv.Sniffer is misled by article text."""
    if label.lower().endswith((".tsv", ".tab")):
        return csv.excel_tab
    header = sample.split("\n", 1)[0]
    best = max(_DIALECTS, key=header.count)
    return _DIALECTS[best] if header.count(best) else csv.excel


def read_csv(data: bytes, *, label: str, options: IngestOptions) -> Iterator[Document | IngestError]:
    """A document per row; E111 when the text column is missing, E115/E121 for bad rows."""
    try:
        text = decode_bytes(data, label=label, encoding=options.encoding)
    except IngestError as exc:
        yield exc
        return
    # The csv module refuses fields over its limit; ours is the max_line_bytes setting.
    csv.field_size_limit(max(options.max_line_bytes, csv.field_size_limit()))
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=_dialect(text[:8192], label))
    try:
        columns = reader.fieldnames or []
    except csv.Error as exc:
        yield IngestError("E121", path=label, line=1, detail=str(exc))
        return
    if text_column_of(columns, options) is None:
        wanted = options.text_column or " / ".join(TEXT_COLUMNS)
        yield IngestError("E111", path=label, column=wanted, columns=", ".join(columns) or "none")
        return
    yield from _rows(reader, label=label, options=options)


def _rows(reader: csv.DictReader, *, label: str, options: IngestOptions) -> Iterator[Document | IngestError]:
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield _row_error(exc, label=label, line=reader.line_num, options=options)
            continue
        yield record_document(row, label=label, line=reader.line_num, options=options, input_format="csv")


def _row_error(exc: csv.Error, *, label: str, line: int, options: IngestOptions) -> IngestError:
    if "field larger than field limit" in str(exc):
        return IngestError("E115", path=label, line=line, size=f"over {options.max_line_bytes}",
                           limit=options.max_line_bytes)
    return IngestError("E121", path=label, line=line, detail=str(exc))
