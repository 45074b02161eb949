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

from ..errors import IngestError, IngestWarning
from ..records import Document, content_hash
from .options import IngestOptions
from .text import clean_text, decode_bytes, is_ascii_compatible, resolve_encoding

__all__ = ["TEXT_COLUMNS", "parse_date", "read_jsonl", "record_document", "record_items"]

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
    """A Document from one JSONL record or CSV row, or the coded error that says why not.

    A bad date does not lose the record: it is read without a date (see `record_items`, which
    also yields the E124 warning).
    """
    return _record(record, label=label, line=line, options=options, input_format=input_format)[0]


def record_items(
    record: Mapping[str, Any], *, label: str, line: int, options: IngestOptions, input_format: str
) -> Iterator[Document | IngestError]:
    """The E124 warning for a bad date (if any), then the Document or the error for one record."""
    item, warning = _record(record, label=label, line=line, options=options, input_format=input_format)
    if warning is not None:
        yield warning
    yield item


def _record(
    record: Mapping[str, Any], *, label: str, line: int, options: IngestOptions, input_format: str
) -> tuple[Document | IngestError, IngestWarning | None]:
    column = text_column_of(record, options)
    body = record.get(column) if column else None
    if not isinstance(body, str) or not body.strip():
        wanted = options.text_column or "text"
        return IngestError("E108", path=label, line=line, detail=f"missing or empty '{wanted}'"), None
    size = len(body.encode("utf-8", "surrogatepass"))
    if size > options.max_line_bytes:
        return IngestError("E115", path=label, line=line, size=size, limit=options.max_line_bytes), None
    body = clean_text(body)
    published, warning = _published(record, label=label, line=line, options=options)
    raw_id = record.get(options.id_column or "id")
    meta = {field: _first(record, names) for field, names in _META_COLUMNS.items()}
    document = Document(
        doc_id=clean_text(_id_text(raw_id)) if raw_id not in (None, "") else content_hash(body)[:16],
        text=body,
        published=published,
        path=f"{label}:{line}",
        input_format=input_format,
        title=meta["title"],
        url=meta["url"],
        source=meta["source"],
        author=meta["author"],
    )
    return document, warning


def _id_text(raw_id: Any) -> str:
    # Ids are strings or numbers; anything else (a list, an object) is kept as its JSON text.
    if isinstance(raw_id, (str, int, float, bool)):
        return str(raw_id)
    return json.dumps(raw_id, ensure_ascii=False, default=str)[:200]


def _published(
    record: Mapping[str, Any], *, label: str, line: int, options: IngestOptions
) -> tuple[Date | None, IngestWarning | None]:
    """The record's date, else the fallback from the options; a bad one warns (E124)."""
    raw_date = record.get(options.date_column or "date")
    if raw_date in (None, ""):
        return options.published, None
    try:
        return parse_date(raw_date), None
    except (ValueError, TypeError, OverflowError) as exc:
        shown = clean_text(str(raw_date))[:80]
        return options.published, IngestWarning("E124", value=shown, path=f"{label}:{line}", detail=str(exc))


def _first(record: Mapping[str, Any], names: tuple[str, ...]) -> str | None:
    found = next((v for n in names if isinstance(v := record.get(n), str) and v.strip()), None)
    return clean_text(found) if found is not None else None


def read_jsonl(data: bytes, *, label: str, options: IngestOptions) -> Iterator[Document | IngestError]:
    """A document per good line; E106/E108/E115 (with the line number) per bad one, and an E124
    warning for a record read without its bad date."""
    try:
        encoding = resolve_encoding(data, label=label, encoding=options.encoding)
        if not is_ascii_compatible(encoding):
            # UTF-16/32: a newline is not the byte 0x0A, so split the decoded text instead.
            data = decode_bytes(data, label=label, encoding=encoding).encode("utf-8", "surrogatepass")
            encoding = "utf-8"
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
        except RecursionError:
            yield IngestError("E106", path=label, line=line_no, detail="nested too deeply")
            continue
        except ValueError as exc:  # e.g. an integer with thousands of digits
            yield IngestError("E106", path=label, line=line_no, detail=str(exc).split(";")[0][:120])
            continue
        if not isinstance(record, dict):
            yield IngestError("E106", path=label, line=line_no, detail="not a JSON object")
            continue
        yield from record_items(record, label=label, line=line_no, options=options, input_format="jsonl")
