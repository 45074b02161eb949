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
from .text import decode_bytes, resolve_encoding

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
        text, bad_lines = _decode(data, label=label, encoding=options.encoding)
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
    yield from _rows(reader, text=text, label=label, options=options, bad_lines=bad_lines)


_MAX_BAD_SPOTS = 100


def _decode(data: bytes, *, label: str, encoding: str) -> tuple[str, set[int]]:
    """The decoded table, and the lines holding bytes the codec refused (U+FFFD there).

    A few bad bytes spoil their rows only (reported per row); past _MAX_BAD_SPOTS the file is
    not in this encoding at all and the usual whole-file error is raised.
    """
    try:
        return decode_bytes(data, label=label, encoding=encoding), set()
    except IngestError as exc:
        if exc.code not in {"E103", "E117"}:
            raise
        codec = resolve_encoding(data, label=label, encoding=encoding)
        parts: list[str] = []
        bad: set[int] = set()
        start = 0
        while True:
            try:
                parts.append(data[start:].decode(codec))
                return "".join(parts), bad
            except UnicodeDecodeError as err:
                if len(bad) >= _MAX_BAD_SPOTS:
                    raise exc from None
                parts.append(data[start : start + err.start].decode(codec) + "\ufffd")
                bad.add(data.count(b"\n", 0, start + err.start) + 1)
                start += err.end


def _rows(
    reader: csv.DictReader,
    *,
    text: str,
    label: str,
    options: IngestOptions,
    bad_lines: frozenset[int] | set[int] = frozenset(),
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
            yield from _row_items(held, label=label, options=options, bad_lines=bad_lines)
        held = (row, reader.line_num, first_line)
    if held is None:
        return
    row, line, first_line = held
    if line > first_line and _quote_left_open(text, first_line, reader.dialect):
        detail = f"a quote opened on line {first_line} is never closed; lines {first_line}-{line} were not read"
        yield IngestError("E121", path=label, line=first_line, detail=detail)
        return
    yield from _row_items(held, label=label, options=options, bad_lines=bad_lines)


def _row_items(
    held: tuple[dict, int, int], *, label: str, options: IngestOptions, bad_lines: frozenset[int] | set[int],
) -> Iterator[Document | IngestError]:
    row, line, first_line = held
    if bad_lines and any(n in bad_lines for n in range(first_line, line + 1)):
        yield IngestError("E117", path=f"{label}:{line}", encoding=options.encoding,
                          detail="bytes in this row are not in that encoding; the other rows were read")
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
