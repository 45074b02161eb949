"""Plain text: decoding bytes (a named codec or detection), long-line checks, one document per file."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

from ..errors import IngestError
from ..records import Document, content_hash
from .options import IngestOptions

__all__ = [
    "check_encoding",
    "clean_text",
    "display_path",
    "is_ascii_compatible",
    "is_text_codec",
    "decode_bytes",
    "find_long_line",
    "looks_binary",
    "read_text",
    "resolve_encoding",
    "text_document",
]

# Detection looks at a prefix only: enough for charset-normalizer, cheap on big files.
_SNIFF_BYTES = 256 * 1024


_SURROGATE = re.compile("[\ud800-\udfff]")
_UTF16_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def clean_text(value: str) -> str:
    """`value` with lone surrogates (from JSON escapes, character references or undecodable file
    names) replaced by U+FFFD: they cannot be written as UTF-8 anywhere downstream."""
    return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value


def display_path(path: object) -> str:
    """A file name as text: bytes that are not UTF-8 become U+FFFD (they arrive as surrogates)."""
    return clean_text(str(path))


def is_text_codec(encoding: str) -> bool:
    """True for a codec that turns bytes into text (not base64, rot13, zlib...)."""
    try:
        info = codecs.lookup(encoding)
    except (LookupError, TypeError, ValueError):
        return False
    return bool(getattr(info, "_is_text_encoding", True))


def check_encoding(encoding: str) -> IngestError | None:
    """An E118 error when `encoding` is neither 'auto' nor a text codec Python knows."""
    if encoding == "auto" or is_text_codec(encoding):
        return None
    return IngestError("E118", encoding=encoding)


def looks_binary(data: bytes, *, tolerant: bool = False) -> bool:
    """True for data with NUL bytes near the start (images, archives, office files).

    UTF-16 text also has NULs; it passes when it starts with its byte-order mark. `tolerant`
    (record formats) lets a few NULs through: one corrupt record must not sink the file.
    """
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if tolerant:
        return head.count(b"\x00") * 64 > len(head)
    return b"\x00" in head


def resolve_encoding(data: bytes, *, label: str, encoding: str) -> str:
    """The codec to decode `data` with: detected for 'auto', BOM-aware for UTF-8."""
    if encoding == "auto":
        return _detect(data, label=label)
    if not is_text_codec(encoding):
        raise IngestError("E118", encoding=encoding)
    if codecs.lookup(encoding).name == "utf-8":
        # UTF-16/32 files announce themselves with a byte-order mark; honour it.
        return _bom_codec(data) or "utf-8-sig"  # a UTF-8 byte-order mark is not part of the text
    return encoding


def _bom_codec(data: bytes) -> str | None:
    """'utf-32' or 'utf-16' when `data` starts with that byte-order mark (longest first)."""
    for bom in _UTF16_BOMS:
        if data.startswith(bom):
            return "utf-32" if len(bom) == 4 else "utf-16"
    return None


def is_ascii_compatible(encoding: str) -> bool:
    """False for UTF-16/32, whose newlines are not the byte 0x0A: split those after decoding."""
    return not codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))


def decode_bytes(data: bytes, *, label: str, encoding: str) -> str:
    """Decode `data` with `encoding` ('auto' detects it); raise a coded IngestError otherwise."""
    encoding = resolve_encoding(data, label=label, encoding=encoding)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding == "utf-8-sig":
            raise IngestError("E103", path=label) from None
        raise IngestError("E117", path=label, encoding=encoding, detail=exc.reason) from None
    except (LookupError, UnicodeError, TypeError, ValueError) as exc:
        # A codec that exists but is not a text codec, or fails in its own way.
        raise IngestError("E117", path=label, encoding=encoding, detail=str(exc)) from None


def _detect(data: bytes, *, label: str) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    bom = _bom_codec(data)
    if bom is not None:
        return bom
    try:
        data[:_SNIFF_BYTES].decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= _SNIFF_BYTES - 4:  # cut inside a character at the prefix's end
            return "utf-8"
    from charset_normalizer import from_bytes

    best = from_bytes(data[:_SNIFF_BYTES]).best()
    if best is None or not is_text_codec(best.encoding):
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
    text = clean_text(text)
    return Document(
        doc_id=content_hash(text)[:16],
        text=text,
        published=options.published,
        path=label,
        input_format=input_format,
    )
