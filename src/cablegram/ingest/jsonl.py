"""JSON lines: one record per line, `{"id", "text", "date"?, "title"?, "url"?, "source"?}`.

Also home of `record_document`, which CSV rows share: a record's columns become a Document.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator, Mapping
from datetime import date as Date
from typing import Any

from ..errors import IngestError
from ..records import Document, content_hash
from .options import IngestOptions
from .text import decode_bytes, resolve_encoding

__all__ = ["TEXT_COLUMNS", "parse_date", "read_jsonl", "record_document"]

# Looked for, in this order, when the user names no text column.
TEXT_COLUMNS: tuple[str, ...] = ("text", "body", "content", "story", "article")
# Document field -> the record fields that may fill it, first match wins.
_META_COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "source": ("source", "publisher", "site"),
    "author": ("author", "byline"),
}
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def parse_date(value: Any) -> Date:
    """A date from 'YYYY-MM-DD' (time part ignored) or 'YYYYMMDD'; ValueError otherwise."""
    raw = str(value).strip()
    compact = _COMPACT_DATE.match(raw)
    if compact:
        return Date(*(int(g) for g in compact.groups()))
    return Date.fromisoformat(raw[:10])


def text_column_of(columns: Any, options: IngestOptions) -> str | None:
    """The column holding the text: the one named in the options, else the first usual name."""
    if options.text_column:
        return options.text_column if options.text_column in columns else None
    return next((c for c in TEXT_COLUMNS if c in columns), None)


def record_document(
    record: Mapping[str, Any], *, label: str, line: int, options: IngestOptions, input_format: str
) -> Document | IngestError:
    """A Document from one JSONL record or CSV row, or the coded error that says why not."""
    column = text_column_of(record, options)
    body = record.get(column) if column else None
    if not isinstance(body, str) or not body.strip():
        wanted = options.text_column or "text"
        return IngestError("E108", path=label, line=line, detail=f"missing or empty '{wanted}'")
    if len(body.encode("utf-8", "surrogatepass")) > options.max_line_bytes:
        return IngestError("E115", path=label, line=line, size=len(body), limit=options.max_line_bytes)
    published = options.published
    raw_date = record.get(options.date_column or "date")
    if raw_date:
        try:
            published = parse_date(raw_date)
        except ValueError as exc:
            return IngestError("E109", value=raw_date, path=f"{label}:{line}", detail=str(exc))
    raw_id = record.get(options.id_column or "id")
    meta = {field: _first(record, names) for field, names in _META_COLUMNS.items()}
    return Document(
        doc_id=str(raw_id) if raw_id not in (None, "") else content_hash(body)[:16],
        text=body,
        published=published,
        path=f"{label}:{line}",
        input_format=input_format,
        title=meta["title"],
        url=meta["url"],
        source=meta["source"],
        author=meta["author"],
    )


def _first(record: Mapping[str, Any], names: tuple[str, ...]) -> str | None:
    return next((v for n in names if isinstance(v := record.get(n), str) and v.strip()), None)


def read_jsonl(data: bytes, *, label: str, options: IngestOptions) -> Iterator[Document | IngestError]:
    """A document per good line; E106/E108/E109/E115 (with the line number) per bad one."""
    try:
        encoding = resolve_encoding(data, label=label, encoding=options.encoding)
    except IngestError as exc:
        yield exc
        return
    for line_no, raw in enumerate(io.BytesIO(data), start=1):
        if len(raw) > options.max_line_bytes:
            yield IngestError("E115", path=label, line=line_no, size=len(raw), limit=options.max_line_bytes)
            continue
        if not raw.strip():
            continue
        try:
            text = decode_bytes(raw, label=f"{label}:{line_no}", encoding=encoding)
            record = json.loads(text)
        except IngestError as exc:
            yield exc
            continue
        except json.JSONDecodeError as exc:
            yield IngestError("E106", path=label, line=line_no, detail=exc.msg)
            continue
        if not isinstance(record, dict):
            yield IngestError("E106", path=label, line=line_no, detail="not a JSON object")
            continue
        yield record_document(record, label=label, line=line_no, options=options, input_format="jsonl")
