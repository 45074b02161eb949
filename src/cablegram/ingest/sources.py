"""Walk inputs and dispatch each file to the reader for its format."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from ..errors import IngestError
from ..records import Document, content_hash

__all__ = ["IngestOptions", "read_inputs"]

FORMATS = ("auto", "text", "jsonl")
TEXT_SUFFIXES = {".txt", ".text", ".md", ".jsonl", ".ndjson"}


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestOptions:
    input_format: str = "auto"
    published: Date | None = None
    encoding: str = "utf-8"


def read_inputs(paths: Iterable[str], *, options: IngestOptions | None = None) -> Iterator[Document | IngestError]:
    """Yield documents (and errors for bad inputs) from files, folders or '-' for stdin."""
    opts = options or IngestOptions()
    if opts.input_format not in FORMATS:
        yield IngestError("E107", fmt=opts.input_format, path="(all)", choices=", ".join(FORMATS))
        return
    for raw in paths:
        if raw == "-":
            yield from _read_text_blob(sys.stdin.read(), "<stdin>", opts)
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
            if not files:
                yield IngestError("E102", path=str(path))
            for f in files:
                yield from _read_file(f, opts)
        elif path.exists():
            yield from _read_file(path, opts)
        else:
            yield IngestError("E101", path=str(path))


def _read_file(path: Path, opts: IngestOptions) -> Iterator[Document | IngestError]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield IngestError("E110", path=str(path), detail=exc.strerror or str(exc))
        return
    if not data.strip():
        yield IngestError("E104", path=str(path))
        return
    if b"\x00" in data[:8192]:
        yield IngestError("E105", path=str(path))
        return
    try:
        text = data.decode(opts.encoding)
    except UnicodeDecodeError:
        yield IngestError("E103", path=str(path))
        return
    yield from _read_text_blob(text, str(path), opts)


def _is_jsonl(path: str, text: str, opts: IngestOptions) -> bool:
    if opts.input_format != "auto":
        return opts.input_format == "jsonl"
    return path.endswith((".jsonl", ".ndjson")) or text.lstrip().startswith("{")


def _read_text_blob(text: str, path: str, opts: IngestOptions) -> Iterator[Document | IngestError]:
    if not text.strip():
        yield IngestError("E104", path=path)
        return
    if _is_jsonl(path, text, opts):
        yield from _read_jsonl(text, path, opts)
        return
    yield Document(
        doc_id=content_hash(text)[:16],
        text=text,
        published=opts.published,
        path=path,
        input_format="text",
    )


def _read_jsonl(text: str, path: str, opts: IngestOptions) -> Iterator[Document | IngestError]:
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError("E106", path=path, line=line_no, detail=exc.msg)
            continue
        if not isinstance(record, dict):
            yield IngestError("E106", path=path, line=line_no, detail="not a JSON object")
            continue
        body = record.get("text")
        if not isinstance(body, str) or not body.strip():
            yield IngestError("E108", path=path, line=line_no, detail="missing or empty 'text'")
            continue
        published = opts.published
        if record.get("date"):
            try:
                published = Date.fromisoformat(str(record["date"])[:10])
            except ValueError as exc:
                yield IngestError("E109", value=record["date"], path=f"{path}:{line_no}", detail=str(exc))
                continue
        yield Document(
            doc_id=str(record.get("id") or content_hash(body)[:16]),
            text=body,
            published=published,
            title=record.get("title"),
            url=record.get("url"),
            source=record.get("source"),
            path=f"{path}:{line_no}",
            input_format="jsonl",
        )
