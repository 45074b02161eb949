"""Records ⇄ Arrow tables. Bulk loads go through these column-wise builders, never row inserts.

`documents_table`, `events_table`, ... turn a batch of `CodedDocument` into one Arrow table per
store table (column names match `migrations/001_init.sql`; inserts are BY NAME). `event_from_row`
rebuilds an `Event` from a stored row, so what comes out is what went in.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date as Date
from datetime import datetime
from operator import attrgetter
from typing import Any

import numpy as np
import pyarrow as pa

from ..records import Actor, Advisory, CodedDocument, DateRef, Event, Place, Quote, Size, TextSpan

__all__ = [
    "ACTOR_FIELDS",
    "batch_tables",
    "event_from_row",
]

ACTOR_FIELDS = ("text", "start", "end", "name", "country", "sector", "cameo_code", "kb_id")
ACTOR_TYPE = pa.list_(
    pa.struct([(f, pa.int32() if f in {"start", "end"} else pa.string()) for f in ACTOR_FIELDS])
)


def documents_table(
    coded: Sequence[CodedDocument], *, batch_id: str, hashes: Sequence[str] | None = None
) -> pa.Table:
    """One row per document, with metadata, content hash (pass it if known) and the full text."""
    docs = [c.document for c in coded]
    now = datetime.now()
    return pa.table(
        {
            "doc_id": [d.doc_id for d in docs],
            "content_hash": list(hashes) if hashes is not None else [d.content_hash for d in docs],
            "published": pa.array([d.published for d in docs], pa.date32()),
            "title": [d.title for d in docs],
            "url": [d.url for d in docs],
            "source": [d.source for d in docs],
            "author": [d.author for d in docs],
            "path": [d.path for d in docs],
            "input_format": [d.input_format for d in docs],
            "language": [d.language for d in docs],
            "meta": [json.dumps(d.meta, ensure_ascii=False) if d.meta else "{}" for d in docs],
            "n_sentences": pa.array([c.n_sentences for c in coded], pa.int32()),
            "n_words": pa.array([c.n_words for c in coded], pa.int32()),
            "text": [d.text for d in docs],
            "batch_id": [batch_id] * len(docs),
            "ingested_at": pa.array([now] * len(docs), pa.timestamp("us")),
        }
    )


def sentences_table(coded: Sequence[CodedDocument]) -> pa.Table:
    """The sentences of quotes and advisories, once each (event sentences are added in SQL
    from the events table by `Store.load_tables`, which is much cheaper than a Python pass)."""
    seen: dict[tuple[str, int], str] = {}
    for c in coded:
        items: list[Quote | Advisory] = [*c.quotes, *c.advisories]
        for item in items:
            seen.setdefault((item.doc_id, item.sentence_index), item.sentence)
    keys = list(seen)
    return pa.table(
        {
            "doc_id": [k[0] for k in keys],
            "sentence_index": pa.array([k[1] for k in keys], pa.int32()),
            "text": list(seen.values()),
        }
    )


def mentions_table(coded: Sequence[CodedDocument]) -> pa.Table:
    """Every resolved actor mention, coded into an event or not."""
    rows = [(c.document.doc_id, m) for c in coded for m in c.mentions]
    cols: dict[str, Any] = {"doc_id": [r[0] for r in rows]}
    for f in ACTOR_FIELDS:
        values = [getattr(r[1], f) for r in rows]
        cols[f] = pa.array(values, pa.int32()) if f in {"start", "end"} else pa.array(values, pa.string())
    return pa.table(cols)


_SIZE = ("killed", "injured", "arrested", "participants")
_LOC = {
    "loc_name": ("name", pa.string()),
    "loc_text": ("text", pa.string()),
    "loc_start": ("start", pa.int32()),
    "loc_end": ("end", pa.int32()),
    "geonameid": ("geonameid", pa.int64()),
    "lat": ("lat", pa.float64()),
    "lon": ("lon", pa.float64()),
    "loc_country": ("country", pa.string()),
    "admin1": ("admin1", pa.string()),
    "feature_class": ("feature_class", pa.string()),
    "loc_basis": ("basis", pa.string()),
}
# Plain event attributes and their Arrow types, read in one pass with attrgetter (fast in C).
_PLAIN = (
    ("event_id", pa.string()),
    ("doc_id", pa.string()),
    ("sentence_index", pa.int32()),
    ("sentence", pa.string()),
    ("event", pa.string()),
    ("mode", pa.string()),
    ("cameo", pa.string()),
    ("cameo_root", pa.string()),
    ("goldstein", pa.float64()),
    ("quad", pa.int8()),
    ("plover_score", pa.float64()),
    ("factuality", pa.string()),
    ("attribution", pa.string()),
    ("confidence", pa.float64()),
)
_ACTOR_TYPES = {f: pa.int32() if f in {"start", "end"} else pa.string() for f in ACTOR_FIELDS}


def _columns(items: Sequence[Any], names: Sequence[str]) -> list[list[Any]]:
    """One list of values per attribute name (a C-level map per field: the fastest transpose)."""
    return [list(map(attrgetter(name), items)) for name in names]


@dataclass(frozen=True, slots=True)
class _FlatActors:
    """Actors of one role across a batch: per-field flat columns plus list offsets per event."""

    offsets: list[int]
    fields: dict[str, list[Any]]

    def as_lists(self) -> pa.Array:
        flat = [pa.array(self.fields[f], _ACTOR_TYPES[f]) for f in ACTOR_FIELDS]
        struct = pa.StructArray.from_arrays(flat, fields=list(ACTOR_TYPE.value_type))
        return pa.ListArray.from_arrays(pa.array(self.offsets, pa.int32()), struct)


def _flatten(groups: Sequence[tuple[Actor, ...]]) -> _FlatActors:
    offsets = [0]
    flat: list[Actor] = []
    for group in groups:
        flat.extend(group)
        offsets.append(len(flat))
    fields = dict(zip(ACTOR_FIELDS, _columns(flat, ACTOR_FIELDS), strict=True))
    return _FlatActors(offsets=offsets, fields=fields)


def events_table(events: Sequence[Event], *, first_eid: int) -> pa.Table:
    """One row per event mention; `eid` is the store's integer key (first_eid, first_eid+1, ...)."""
    return _events_and_actors(events, first_eid=first_eid)[0]


def event_actors_table(events: Sequence[Event], *, first_eid: int) -> pa.Table:
    """Actors flattened to one row per (event, role, position): what dyad queries join on."""
    return _events_and_actors(events, first_eid=first_eid)[1]


def _events_and_actors(events: Sequence[Event], *, first_eid: int) -> tuple[pa.Table, pa.Table]:
    n = len(events)
    eids = np.arange(first_eid, first_eid + n, dtype=np.int64)
    names = [name for name, _t in _PLAIN]
    cols: dict[str, Any] = {"eid": eids}
    for (name, typ), values in zip(_PLAIN, _columns(events, names), strict=True):
        cols[name] = pa.array(values, typ)
    triggers, dates, sizes = (_columns(events, (attr,))[0] for attr in ("trigger", "date", "size"))
    for col, values in zip(("trigger_text", "trigger_start", "trigger_end"),
                           _columns(triggers, ("text", "start", "end")), strict=True):  # fmt: skip
        cols[col] = pa.array(values, pa.string() if col == "trigger_text" else pa.int32())
    cols["context"] = _string_lists([e.context for e in events])
    actors, recipients = _flatten([e.actor for e in events]), _flatten([e.recipient for e in events])
    cols["actor"], cols["recipient"] = actors.as_lists(), recipients.as_lists()
    date_cols = _columns(dates, ("date", "precision", "text", "basis"))
    cols["date"] = pa.array(date_cols[0], pa.date32())
    for col, values in zip(("date_precision", "date_text", "date_basis"), date_cols[1:], strict=True):
        cols[col] = pa.array(values, pa.string())
    locations = [e.location for e in events]
    located = any(p is not None for p in locations)
    for col, (attr, typ) in _LOC.items():
        where = [getattr(p, attr) if p else None for p in locations] if located else []
        cols[col] = pa.array(where, typ) if located else pa.nulls(n, typ)
    for col, values in zip(_SIZE, _columns(sizes, _SIZE), strict=True):
        cols[col] = pa.array(values, pa.int32())
    return pa.table(cols), _actor_rows(eids, actors, recipients)


def _string_lists(groups: Sequence[tuple[str, ...]]) -> pa.Array:
    """A list<string> column built from offsets (far faster than one Python list per row)."""
    offsets = [0]
    flat: list[str] = []
    for group in groups:
        flat.extend(group)
        offsets.append(len(flat))
    return pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), pa.array(flat, pa.string()))


def _actor_rows(eids: np.ndarray, actors: _FlatActors, recipients: _FlatActors) -> pa.Table:
    parts = []
    for role, flat in (("A", actors), ("R", recipients)):
        offsets = np.asarray(flat.offsets, dtype=np.int64)
        counts = offsets[1:] - offsets[:-1]
        starts = np.repeat(offsets[:-1], counts)
        total = int(counts.sum())
        parts.append(
            pa.table(
                {
                    "eid": np.repeat(eids, counts),
                    "role": pa.array([role] * total, pa.string()),
                    "pos": (np.arange(total, dtype=np.int64) - starts).astype(np.int16),
                    **{k: pa.array(flat.fields[k], pa.string()) for k in _EA_FIELDS},
                }
            )
        )
    return pa.concat_tables(parts)


_EA_FIELDS = ("country", "sector", "cameo_code", "kb_id", "name")


def quotes_table(coded: Sequence[CodedDocument]) -> pa.Table:
    """One row per quote, the speaker flattened."""
    qs = [q for c in coded for q in c.quotes]

    def sp(attr: str) -> pa.Array:
        return pa.array([getattr(q.speaker, attr) if q.speaker else None for q in qs], pa.string())

    return pa.table(
        {
            "quote_id": [q.quote_id for q in qs],
            "doc_id": [q.doc_id for q in qs],
            "sentence_index": pa.array([q.sentence_index for q in qs], pa.int32()),
            "text": [q.text for q in qs],
            "start": pa.array([q.start for q in qs], pa.int32()),
            "end": pa.array([q.end for q in qs], pa.int32()),
            "kind": [q.kind for q in qs],
            "speaker_text": pa.array([q.speaker_text for q in qs], pa.string()),
            "speaker_name": sp("name"),
            "speaker_country": sp("country"),
            "speaker_sector": sp("sector"),
            "speaker_code": sp("cameo_code"),
            "speaker_kb_id": sp("kb_id"),
            "cue": pa.array([q.cue for q in qs], pa.string()),
            "date": pa.array([q.date.date for q in qs], pa.date32()),
            "date_precision": pa.array([q.date.precision for q in qs], pa.string()),
        }
    )


def advisories_table(coded: Sequence[CodedDocument]) -> pa.Table:
    """One row per advisory, the issuer flattened."""
    ads = [a for c in coded for a in c.advisories]

    def iss(attr: str) -> pa.Array:
        return pa.array([getattr(a.issuer, attr) if a.issuer else None for a in ads], pa.string())

    strs = pa.list_(pa.string())
    return pa.table(
        {
            "advisory_id": [a.advisory_id for a in ads],
            "doc_id": [a.doc_id for a in ads],
            "sentence_index": pa.array([a.sentence_index for a in ads], pa.int32()),
            "trigger_text": [a.trigger.text for a in ads],
            "trigger_start": pa.array([a.trigger.start for a in ads], pa.int32()),
            "trigger_end": pa.array([a.trigger.end for a in ads], pa.int32()),
            "issuer_text": iss("text"),
            "issuer_country": iss("country"),
            "issuer_code": iss("cameo_code"),
            "countries": pa.array([list(a.countries) for a in ads], strs),
            "threats": pa.array([list(a.threats) for a in ads], strs),
            "level": pa.array([a.level for a in ads], pa.string()),
            "date": pa.array([a.date.date for a in ads], pa.date32()),
            "date_precision": pa.array([a.date.precision for a in ads], pa.string()),
        }
    )


def batch_tables(
    coded: Sequence[CodedDocument], *, first_eid: int, batch_id: str, hashes: Sequence[str] | None = None
) -> dict[str, pa.Table]:
    """Every store table's rows for a batch, keyed by table name (insert order matters not)."""
    events = [e for c in coded for e in c.events]
    event_rows, actor_rows = _events_and_actors(events, first_eid=first_eid)
    return {
        "documents": documents_table(coded, batch_id=batch_id, hashes=hashes),
        "sentences": sentences_table(coded),
        "mentions": mentions_table(coded),
        "events": event_rows,
        "event_actors": actor_rows,
        "quotes": quotes_table(coded),
        "advisories": advisories_table(coded),
    }


def _actor(d: dict[str, Any]) -> Actor:
    values: dict[str, Any] = {f: d.get(f) for f in ACTOR_FIELDS}
    return Actor(**values)


def _place(row: dict[str, Any]) -> Place | None:
    if row.get("loc_name") is None:
        return None
    values: dict[str, Any] = {attr: row.get(col) for col, (attr, _t) in _LOC.items()}
    return Place(**values)


def event_from_row(row: dict[str, Any]) -> Event:
    """Rebuild an `Event` from a stored `events` row (as a dict)."""
    day = row.get("date")
    return Event(
        event_id=row["event_id"],
        doc_id=row["doc_id"],
        sentence_index=row["sentence_index"],
        sentence=row["sentence"],
        trigger=TextSpan(text=row["trigger_text"], start=row["trigger_start"], end=row["trigger_end"]),
        event=row["event"],
        cameo=row["cameo"],
        mode=row.get("mode"),
        context=tuple(row.get("context") or ()),
        cameo_root=row.get("cameo_root"),
        goldstein=row.get("goldstein"),
        quad=row.get("quad"),
        plover_score=row.get("plover_score"),
        actor=tuple(_actor(a) for a in row.get("actor") or ()),
        recipient=tuple(_actor(a) for a in row.get("recipient") or ()),
        date=DateRef(
            date=day if isinstance(day, Date) or day is None else Date.fromisoformat(str(day)),
            precision=row.get("date_precision"),
            text=row.get("date_text"),
            basis=row.get("date_basis"),
        ),
        location=_place(row),
        factuality=row.get("factuality") or "asserted",
        attribution=row.get("attribution"),
        size=Size(**{k: row.get(k) for k in _SIZE}),
        confidence=row.get("confidence"),
    )
