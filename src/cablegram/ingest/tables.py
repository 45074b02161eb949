"""CSV and TSV tables: one document per row, the text from a chosen column."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from ..errors import IngestError
from ..records import Document
from .jsonl import TEXT_COLUMNS, record_items, text_column_of
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
    yield from _rows(reader, text=text, label=label, options=options)


def _rows(
    reader: csv.DictReader, *, text: str, label: str, options: IngestOptions
) -> Iterator[Document | IngestError]:
    # One row of lookahead: the last row is checked for a quote left open, which makes the csv
    # module read the rest of the file as one field (rows silently swallowed).
    held: tuple[dict, int, int] | None = None
    while True:
        first_line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield _row_error(exc, label=label, line=reader.line_num, options=options)
            continue
        if held is not None:
            yield from record_items(held[0], label=label, line=held[1], options=options, input_format="csv")
        held = (row, reader.line_num, first_line)
    if held is None:
        return
    row, line, first_line = held
    if line > first_line and _quote_left_open(text, first_line, reader.dialect):
        detail = f"a quote opened on line {first_line} is never closed; lines {first_line}-{line} were not read"
        yield IngestError("E121", path=label, line=first_line, detail=detail)
        return
    yield from record_items(row, label=label, line=line, options=options, input_format="csv")


def _quote_left_open(text: str, first_line: int, dialect: Any) -> bool:
    """True when the rows from `first_line` on end inside a quoted field."""
    lines = io.StringIO(text, newline="").readlines()
    rest = "".join(lines[first_line - 1 :])
    try:
        for _ in csv.reader(io.StringIO(rest, newline=""), dialect=dialect, strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def _row_error(exc: csv.Error, *, label: str, line: int, options: IngestOptions) -> IngestError:
    if "field larger than field limit" in str(exc):
        return IngestError("E115", path=label, line=line, size=f"over {options.max_line_bytes}",
                           limit=options.max_line_bytes)
    return IngestError("E121", path=label, line=line, detail=str(exc))
