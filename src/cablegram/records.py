"""Typed records that travel through the pipeline.

Every stage reads and returns these frozen, slotted dataclasses; no bare dicts cross a module
boundary. Offsets (`start`, `end`) are character offsets into `Document.text`.

    Document ──nlp──► spaCy Doc ──resolve──► Actor mentions ──coder──► Event / Quote / Advisory
                                           └─dates/places──► DateRef / Place (filled into Event)
    CodedDocument bundles one document with everything found in it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date as Date
from typing import Any, Literal

__all__ = [
    "Actor",
    "Advisory",
    "CodedDocument",
    "DateRef",
    "Document",
    "Factuality",
    "KBEntry",
    "KBRole",
    "Place",
    "Quote",
    "Size",
    "TextSpan",
    "Event",
    "DocContext",
    "content_hash",
    "is_us_government_url",
    "kb_entry_from_json",
    "kb_entry_to_json",
    "stable_id",
]

Factuality = Literal["asserted", "reported", "speculative", "negated", "planned", "hypothetical"]
FACTUALITY_VALUES: tuple[str, ...] = (
    "asserted",
    "reported",
    "speculative",
    "negated",
    "planned",
    "hypothetical",
)

# U.S. government pages, also inside an archive's address ("web.archive.org/.../state.gov/...")
_US_GOVERNMENT_URL = re.compile(
    r"(?:^|[/.])(?:(?:state|usembassy|whitehouse|defense|treasury|usaid|usmission)\.gov|\w*whitehouse\.archives\.gov)"
    r"(?:[/:]|$)"
)


def is_us_government_url(url: str | None) -> bool:
    """True for a page of the U.S. government (State Department, embassies, White House...): its
    writer is the U.S. government, so its "we" and "the Embassy" are American."""
    return url is not None and _US_GOVERNMENT_URL.search(url.lower()) is not None


def content_hash(text: str) -> str:
    """Hash of the normalised text (NFKC, case-folded, whitespace collapsed): the dedup key."""
    # str.split() collapses whitespace about 3x faster than a regex on long texts.
    norm = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    # (surrogatepass: a lone surrogate from a JSON escape must not crash hashing)
    return hashlib.sha256(norm.encode("utf-8", "surrogatepass")).hexdigest()


def stable_id(*parts: object) -> str:
    """A short deterministic id from its parts (re-coding the same text gives the same ids)."""
    raw = "\x1f".join(str(p) for p in parts)
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def _plain(value: Any) -> Any:
    """Turn dates into ISO strings and tuples into lists, for JSON."""
    if isinstance(value, Date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """One input text with its metadata. `doc_id` is stable: the input's id or a content hash."""

    doc_id: str
    text: str
    published: Date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    path: str | None = None
    input_format: str = "text"
    language: str | None = None
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


@dataclass(frozen=True, slots=True, kw_only=True)
class TextSpan:
    """A piece of the document text with its character offsets."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    """An actor mention resolved against the knowledge base.

    `country` is ISO3 or a PLOVER pseudo-country (IGO, NGO, IMG, MNC, UNO, EUR, ...);
    `sector` a PLOVER sector code; `cameo_code` the CAMEO actor code (e.g. ISRGOV).
    Fields the resolver could not fill stay None.
    """

    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    cameo_code: str | None = None
    kb_id: str | None = None
    rule: str | None = None  # evidence: the resolution rule that fired (see docs/actors.md)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True, kw_only=True)
class DateRef:
    """When an event happened and how we know: basis is 'text' or 'publication'."""

    date: Date | None = None
    precision: Literal["day", "month", "year"] | None = None
    text: str | None = None
    basis: Literal["text", "publication"] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    """A geocoded place (GeoNames ids and fields)."""

    name: str
    text: str | None = None
    start: int | None = None
    end: int | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    feature_class: str | None = None
    basis: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True, kw_only=True)
class Size:
    """Counts stated in the text; None when not stated."""

    killed: int | None = None
    injured: int | None = None
    arrested: int | None = None
    participants: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """One coded event with its evidence. Never created without a trigger."""

    event_id: str
    doc_id: str
    sentence_index: int
    sentence: str
    trigger: TextSpan
    event: str
    cameo: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    cameo_root: str | None = None
    goldstein: float | None = None
    quad: int | None = None
    plover_score: float | None = None
    actor: tuple[Actor, ...] = ()
    recipient: tuple[Actor, ...] = ()
    date: DateRef = field(default_factory=DateRef)
    location: Place | None = None
    factuality: str = "asserted"
    attribution: str | None = None
    size: Size = field(default_factory=Size)
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSONL export shape documented in docs/schema.md."""
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "trigger": asdict(self.trigger),
            "event": self.event,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "goldstein": self.goldstein,
            "quad": self.quad,
            "plover_score": self.plover_score,
            "actor": [a.to_dict() for a in self.actor],
            "recipient": [a.to_dict() for a in self.recipient],
            "date": self.date.date.isoformat() if self.date.date else None,
            "date_precision": self.date.precision,
            "date_text": self.date.text,
            "date_basis": self.date.basis,
            "location": self.location.to_dict() if self.location else None,
            "factuality": self.factuality,
            "attribution": self.attribution,
            "size": asdict(self.size),
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    """A statement attributed to a speaker: a direct quotation or 'X said that ...'."""

    quote_id: str
    doc_id: str
    sentence_index: int
    sentence: str
    text: str
    start: int
    end: int
    kind: Literal["direct", "indirect"] = "direct"
    speaker: Actor | None = None
    speaker_text: str | None = None
    cue: str | None = None
    date: DateRef = field(default_factory=DateRef)

    def to_dict(self) -> dict[str, Any]:
        out = _plain(asdict(self))
        out["date"] = self.date.date.isoformat() if self.date.date else None
        return out


@dataclass(frozen=True, slots=True, kw_only=True)
class Advisory:
    """A security warning or travel advisory: who warns, about where, of what."""

    advisory_id: str
    doc_id: str
    sentence_index: int
    sentence: str
    trigger: TextSpan
    issuer: Actor | None = None
    countries: tuple[str, ...] = ()
    threats: tuple[str, ...] = ()
    level: str | None = None
    date: DateRef = field(default_factory=DateRef)

    def to_dict(self) -> dict[str, Any]:
        out = _plain(asdict(self))
        out["date"] = self.date.date.isoformat() if self.date.date else None
        return out


@dataclass(frozen=True, slots=True, kw_only=True)
class KBRole:
    """A date-bounded role of a knowledge-base entry (e.g. a person's office)."""

    country: str | None = None
    sector: str | None = None
    cameo_code: str | None = None
    title: str | None = None
    start: Date | None = None
    end: Date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class KBEntry:
    """One knowledge-base entry: the surface forms that name it and who it is.

    kind: state, igo, ngo, group, person, agent (a sector noun), seat (a metonym), media...
    Roles, when present, override country/sector/cameo_code for dates inside their bounds.
    """

    kb_id: str
    name: str
    patterns: tuple[str, ...]
    kind: str
    country: str | None = None
    sector: str | None = None
    cameo_code: str | None = None
    roles: tuple[KBRole, ...] = ()
    source: str = "builtin"


@dataclass(frozen=True, slots=True, kw_only=True)
class CodedDocument:
    """A document with everything the pipeline found in it."""

    document: Document
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    advisories: tuple[Advisory, ...] = ()
    mentions: tuple[Actor, ...] = ()
    n_sentences: int = 0
    n_words: int = 0


@dataclass(slots=True, kw_only=True)
class DocContext:
    """What a stage knows about the document while it works on one parsed piece of it.

    The pipeline may parse a document whole or as pieces (only candidate sentences). For each
    piece, `offset` is the character offset of the spaCy Doc in `document.text` and
    `sentence_base` the index, in the document, of the piece's first sentence. `memory` is
    per-document state a stage may keep across pieces (earlier mentions for coreference, the
    countries named so far); stages namespace their keys ("actors.chain", "places.countries").
    """

    document: Document
    offset: int = 0
    sentence_base: int = 0
    dateline: DateRef | None = None
    dateline_place: str | None = None
    memory: dict[str, Any] = field(default_factory=dict)

    def text_of(self, start: int, end: int) -> str:
        """The text between two character offsets of the current piece.

        Read from `document.text`, never from spaCy's `Doc.text`, which joins every token on
        each call (per mention, that made coding quadratic in document length).
        """
        return self.document.text[start + self.offset : end + self.offset]


def kb_entry_to_json(entry: KBEntry) -> dict[str, Any]:
    """A KBEntry as plain JSON (the format of the user knowledge-base files, one per line)."""
    return _plain(asdict(entry))


def kb_entry_from_json(data: dict[str, Any]) -> KBEntry:
    """Inverse of `kb_entry_to_json`; raises KeyError/ValueError on a malformed record."""

    def _d(v: Any) -> Date | None:
        return Date.fromisoformat(v) if v else None

    roles = tuple(
        KBRole(**{**r, "start": _d(r.get("start")), "end": _d(r.get("end"))}) for r in data.get("roles", ())
    )
    fields = {k: v for k, v in data.items() if k not in {"roles", "patterns"}}
    return KBEntry(**fields, patterns=tuple(data["patterns"]), roles=roles)
