"""Diplomatic cables in the State Department telegram format.

The header (reference id, date, origin post, classification, TAGS, SUBJECT) becomes metadata;
the body loses its routing lines, section breaks and paragraph markings such as "1. (C)" or
"(SBU)", and hard-wrapped lines are joined back into paragraphs. Both the raw telegram and
the text dumps with a "Reference ID: / Created: / Origin:" block are understood.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date as Date

from ..errors import IngestError
from ..records import Document, content_hash
from .options import IngestOptions
from .text import decode_bytes

__all__ = ["clean_body", "looks_cable", "parse_cable", "read_cable"]

_MONTHS = {m: i for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), start=1)}
# Date-time group of the transmission: precedence, DDHHMMZ, month, two-digit year.
_DTG = re.compile(r"^[A-Z]{1,2}\s+(\d{2})\d{4}Z\s+([A-Z]{3})\s+(\d{2})\s*$", re.M)
_FIELD = re.compile(
    r"^(Reference ID|Ref ID|Created|Date|Classification|Origin|TAGS|SUBJECT|FM)(?::|(?<=FM) )\s*(.+)$",
    re.M | re.I,
)
_KEYS = {"ref_id": "reference_id", "fm": "origin"}
# "C O N F I D E N T I A L SECTION 01 OF 02 BAKU 000417" or "UNCLAS ANKARA 000226".
_CLASS_LINE = re.compile(
    r"^((?:[A-Z] ){3,}[A-Z]|UNCLAS(?:SIFIED)?)\b(?:\s+SECTION \d+ OF \d+)?\s+([A-Z][A-Z ]*?)\s+(\d{3,})\s*$",
    re.M,
)
# Portion markings: (U), (C), (S), (SBU), (S/NF), (C//NF), (U/FOUO), (S/REL ...)...
_MARKING = r"\((?:U|C|S|TS|SBU|FOUO|NF)(?:\s*/{1,2}\s*(?:NF|NOFORN|FOUO|SBU|REL[A-Z ,]*|ORCON))*\)"
_PARA_MARK = re.compile(rf"^(?:\d{{1,2}}\.|[A-Za-z]\.)?\s*{_MARKING}\s*|(?<=\s){_MARKING}\s*", re.M)
_PARA_NUMBER = re.compile(r"^\d{1,2}\.\s+(?=[A-Z])")
_NOISE_LINE = re.compile(
    r"^(?:SIPDIS|NOFORN|SENSITIVE|BT|NNNN|#\d+|[A-Z][A-Z ]+ 0{2,}\d+\s+\d{3} OF \d{3}|END SUMMARY\.?)\s*$",
    re.I,
)
_HEAD_BLOCK = re.compile(r"\s*(REF|Classified By|Derived from|PASS TO|E\.O\.)")
_END_MARKS = re.compile(r"\s*\bEnd (?:Summary|Comment|Note)\.\s*", re.I)
_SIGNATURE = re.compile(r"\n[A-Z][A-Z'\-]{1,30}\s*$")
_HEAD_MARKERS = (
    re.compile(r"^TAGS:", re.M | re.I),
    re.compile(r"^SUBJECT:", re.M | re.I),
    re.compile(r"^(?:FM |Origin:)", re.M | re.I),
    re.compile(r"^E\.\s?O\.\s?1\d{4}", re.M),
    re.compile(r"^(?:Reference|Ref) ID:", re.M | re.I),
    _DTG,
)


def looks_cable(head: str) -> bool:
    """True when the start of a text carries at least three telegram header markers."""
    return sum(1 for marker in _HEAD_MARKERS if marker.search(head)) >= 3


def _fields(header: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in _FIELD.finditer(header):
        key = match.group(1).lower().replace(" ", "_")
        found.setdefault(_KEYS.get(key, key), match.group(2).strip())
    return found


def _classification(header: str, fields: dict[str, str]) -> tuple[str | None, str | None, str | None]:
    """(classification, post, serial) from the classification line, when there is one."""
    line = _CLASS_LINE.search(header)
    if not line:
        return fields.get("classification"), None, None
    spaced = line.group(1).replace(" ", "")
    level = "UNCLASSIFIED" if spaced.startswith("UNCLAS") else spaced
    return fields.get("classification") or level, line.group(2).strip(), line.group(3)


def _date(header: str, fields: dict[str, str]) -> Date | None:
    for key in ("created", "date"):
        if key in fields:
            try:
                return Date.fromisoformat(fields[key][:10])
            except ValueError:
                pass  # not ISO: fall back to the date-time group below
    dtg = _DTG.search(header)
    if dtg and dtg.group(2) in _MONTHS:
        day, month, year = int(dtg.group(1)), _MONTHS[dtg.group(2)], 2000 + int(dtg.group(3))
        try:
            return Date(year if year <= 2070 else year - 100, month, day)
        except ValueError:
            return None
    return None


def _split(text: str) -> tuple[str, str]:
    """Header and body: the body starts after the SUBJECT block and any REF / Classified By."""
    subject = re.search(r"^SUBJECT:.*$", text, re.M | re.I)
    if not subject:
        return "", text
    rest = text[subject.end():]
    # Skip the rest of the subject paragraph, then REF:, Classified By: and similar blocks.
    cursor = 0
    for block in re.finditer(r"(?:.+\n?)+", rest):
        if block.start() == 0 or _HEAD_BLOCK.match(block.group()):
            cursor = block.end()
            continue
        break
    return text[: subject.end()] + rest[:cursor], rest[cursor:]


def clean_body(body: str) -> str:
    """Body text without markings, routing noise or hard wraps: one paragraph per line."""
    body = _SIGNATURE.sub("", body.rstrip())
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", body):
        lines = [ln.strip() for ln in block.splitlines() if ln.strip() and not _NOISE_LINE.match(ln.strip())]
        if not lines:
            continue
        text = _PARA_MARK.sub("", " ".join(lines))
        text = _END_MARKS.sub(" ", _PARA_NUMBER.sub("", text.strip())).strip()
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs)


def parse_cable(text: str, *, label: str, options: IngestOptions) -> Document | IngestError:
    """A Document from a telegram: metadata from its header, the cleaned body as text."""
    header, body = _split(text)
    fields = _fields(header or text[:4000])
    level, post, serial = _classification(header or text, fields)
    published = _date(header or text, fields)
    reference = fields.get("reference_id") or _reference(published, post, serial)
    clean = clean_body(body)
    if not clean:
        return IngestError("E122", path=label, what="removing the telegram header")
    meta = {
        k: v
        for k, v in (
            ("reference_id", reference),
            ("classification", level),
            ("origin", fields.get("origin")),
            ("tags", fields.get("tags")),
            ("subject", fields.get("subject")),
        )
        if v
    }
    return Document(
        doc_id=reference or content_hash(clean)[:16],
        text=clean,
        published=published or options.published,
        title=fields.get("subject"),
        source=meta.get("origin"),
        path=label,
        input_format="cable",
        meta=meta,
    )


def _reference(published: Date | None, post: str | None, serial: str | None) -> str | None:
    # Cablegate-style id: two-digit year, post, serial without leading zeros (09BAKU417).
    if not (published and post and serial):
        return None
    return f"{published.year % 100:02d}{post.replace(' ', '')}{int(serial)}"


def read_cable(data: bytes, *, label: str, options: IngestOptions) -> Iterator[Document | IngestError]:
    """One document per cable file."""
    try:
        text = decode_bytes(data, label=label, encoding=options.encoding)
    except IngestError as exc:
        yield exc
        return
    yield parse_cable(text, label=label, options=options)
