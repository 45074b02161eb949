"""Plain text: decoding bytes (a named codec or detection), long-line checks, one document per file."""

from __future__ import annotations

import codecs
from collections.abc import Iterator

from ..errors import IngestError
from ..records import Document, content_hash
from .options import IngestOptions

__all__ = [
    "check_encoding",
    "decode_bytes",
    "find_long_line",
    "looks_binary",
    "read_text",
    "resolve_encoding",
    "text_document",
]

# Detection looks at a prefix only: enough for charset-normalizer, cheap on big files.
_SNIFF_BYTES = 256 * 1024


def check_encoding(encoding: str) -> IngestError | None:
    """An E118 error when `encoding` is neither 'auto' nor a codec Python knows."""
    if encoding == "auto":
        return None
    try:
        codecs.lookup(encoding)
    except LookupError:
        return IngestError("E118", encoding=encoding)
    return None


def looks_binary(data: bytes) -> bool:
    """True for data with NUL bytes near the start (images, archives, office files).

    UTF-16 text also has NULs; it passes when it starts with its byte-order mark.
    """
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\x00" in head


def resolve_encoding(data: bytes, *, label: str, encoding: str) -> str:
    """The codec to decode `data` with: detected for 'auto', BOM-aware for UTF-8."""
    if encoding == "auto":
        return _detect(data, label=label)
    if codecs.lookup(encoding).name == "utf-8":
        return "utf-8-sig"  # a byte-order mark is not part of the text
    return encoding


def decode_bytes(data: bytes, *, label: str, encoding: str) -> str:
    """Decode `data` with `encoding` ('auto' detects it); raise a coded IngestError otherwise."""
    encoding = resolve_encoding(data, label=label, encoding=encoding)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding == "utf-8-sig":
            raise IngestError("E103", path=label) from None
        raise IngestError("E117", path=label, encoding=encoding, detail=exc.reason) from None


def _detect(data: bytes, *, label: str) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        data[:_SNIFF_BYTES].decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= _SNIFF_BYTES - 4:  # cut inside a character at the prefix's end
            return "utf-8"
    from charset_normalizer import from_bytes

    best = from_bytes(data[:_SNIFF_BYTES]).best()
    if best is None:
        raise IngestError("E119", path=label)
    return best.encoding


def find_long_line(data: bytes | str, limit: int) -> tuple[int, int] | None:
    """(line number, size) of the first line longer than `limit`, or None.

    Scans with `find` so that a 50 MB line costs one pass and no copies.
    """
    newline: bytes | str = b"\n" if isinstance(data, bytes) else "\n"
    start, line_no = 0, 1
    while start <= len(data):
        end = data.find(newline, start)  # type: ignore[arg-type]
        if end < 0:
            end = len(data)
        if end - start > limit:
            return line_no, end - start
        start, line_no = end + 1, line_no + 1
    return None


def read_text(data: bytes, *, label: str, options: IngestOptions) -> Iterator[Document | IngestError]:
    """One document from a plain-text file (the whole file is the text).

    Over-long lines are refused before this is called (`sources`), for every whole-file format.
    """
    try:
        text = decode_bytes(data, label=label, encoding=options.encoding)
    except IngestError as exc:
        yield exc
        return
    yield text_document(text, label=label, options=options)


def text_document(text: str, *, label: str, options: IngestOptions, input_format: str = "text") -> Document:
    """A Document for a decoded text, with the fallback publication date from the options."""
    return Document(
        doc_id=content_hash(text)[:16],
        text=text,
        published=options.published,
        path=label,
        input_format=input_format,
    )
