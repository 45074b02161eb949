"""Records ⇄ Arrow tables. Bulk loads go through these column-wise builders, never row inserts.

`documents_table`, `events_table`, ... turn a batch of `CodedDocument` into one Arrow table per
store table (column names match `migrations/001_init.sql`; inserts are BY NAME). `event_from_row`
rebuilds an `Event` from a stored row, so what comes out is what went in.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date as Date
from datetime import datetime
from typing import Any

import pyarrow as pa

from ..records import Actor, CodedDocument, DateRef, Event, Place, Size, TextSpan

__all__ = [
    "ACTOR_FIELDS",
    "batch_tables",
    "event_from_row",
]

ACTOR_FIELDS = ("text", "start", "end", "name", "country", "sector", "cameo_code", "kb_id")
ACTOR_TYPE = pa.list_(
    pa.struct([(f, pa.int32() if f in {"start", "end"} else pa.string()) for f in ACTOR_FIELDS])
)


def _actors(actors: Sequence[Actor]) -> list[dict[str, Any]]:
    return [{f: getattr(a, f) for f in ACTOR_FIELDS} for a in actors]


def documents_table(coded: Sequence[CodedDocument], *, batch_id: str) -> pa.Table:
    """One row per document, with metadata, content hash and the full text."""
    docs = [c.document for c in coded]
    now = datetime.now()
    return pa.table(
        {
            "doc_id": [d.doc_id for d in docs],
            "content_hash": [d.content_hash for d in docs],
            "published": pa.array([d.published for d in docs], pa.date32()),
            "title": [d.title for d in docs],
            "url": [d.url for d in docs],
            "source": [d.source for d in docs],
            "author": [d.author for d in docs],
            "path": [d.path for d in docs],
            "input_format": [d.input_format for d in docs],
            "language": [d.language for d in docs],
            "meta": [json.dumps(d.meta, ensure_ascii=False) for d in docs],
            "n_sentences": pa.array([c.n_sentences for c in coded], pa.int32()),
            "n_words": pa.array([c.n_words for c in coded], pa.int32()),
            "text": [d.text for d in docs],
            "batch_id": [batch_id] * len(docs),
            "ingested_at": pa.array([now] * len(docs), pa.timestamp("us")),
        }
    )


def sentences_table(coded: Sequence[CodedDocument]) -> pa.Table:
    """The sentences that carry evidence (events, quotes, advisories), once each."""
    seen: dict[tuple[str, int], str] = {}
    for c in coded:
        for item in (*c.events, *c.quotes, *c.advisories):
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


def _loc(events: Sequence[Event], attr: str) -> list[Any]:
    return [getattr(e.location, attr) if e.location else None for e in events]


def events_table(events: Sequence[Event], *, first_eid: int) -> pa.Table:
    """One row per event mention; `eid` is the store's integer key (first_eid, first_eid+1, ...)."""
    n = len(events)
    return pa.table(
        {
            "eid": pa.array(range(first_eid, first_eid + n), pa.int64()),
            "event_id": [e.event_id for e in events],
            "doc_id": [e.doc_id for e in events],
            "sentence_index": pa.array([e.sentence_index for e in events], pa.int32()),
            "sentence": [e.sentence for e in events],
            "trigger_text": [e.trigger.text for e in events],
            "trigger_start": pa.array([e.trigger.start for e in events], pa.int32()),
            "trigger_end": pa.array([e.trigger.end for e in events], pa.int32()),
            "event": [e.event for e in events],
            "mode": pa.array([e.mode for e in events], pa.string()),
            "context": pa.array([list(e.context) for e in events], pa.list_(pa.string())),
            "cameo": [e.cameo for e in events],
            "cameo_root": pa.array([e.cameo_root for e in events], pa.string()),
            "goldstein": pa.array([e.goldstein for e in events], pa.float64()),
            "quad": pa.array([e.quad for e in events], pa.int8()),
            "plover_score": pa.array([e.plover_score for e in events], pa.float64()),
            "actor": pa.array([_actors(e.actor) for e in events], ACTOR_TYPE),
            "recipient": pa.array([_actors(e.recipient) for e in events], ACTOR_TYPE),
            "date": pa.array([e.date.date for e in events], pa.date32()),
            "date_precision": pa.array([e.date.precision for e in events], pa.string()),
            "date_text": pa.array([e.date.text for e in events], pa.string()),
            "date_basis": pa.array([e.date.basis for e in events], pa.string()),
            **_location_columns(events),
            "factuality": [e.factuality for e in events],
            "attribution": pa.array([e.attribution for e in events], pa.string()),
            **{k: pa.array([getattr(e.size, k) for e in events], pa.int32()) for k in _SIZE},
            "confidence": pa.array([e.confidence for e in events], pa.float64()),
        }
    )


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


def _location_columns(events: Sequence[Event]) -> dict[str, pa.Array]:
    return {col: pa.array(_loc(events, attr), typ) for col, (attr, typ) in _LOC.items()}


def event_actors_table(events: Sequence[Event], *, first_eid: int) -> pa.Table:
    """Actors flattened to one row per (event, role, position): what dyad queries join on."""
    cols: dict[str, list[Any]] = {k: [] for k in ("eid", "role", "pos", "country", "sector")}
    cols.update({"cameo_code": [], "kb_id": [], "name": []})
    for i, e in enumerate(events):
        for role, actors in (("A", e.actor), ("R", e.recipient)):
            for pos, a in enumerate(actors):
                for key, value in (("eid", first_eid + i), ("role", role), ("pos", pos)):
                    cols[key].append(value)
                for key in ("country", "sector", "cameo_code", "kb_id", "name"):
                    cols[key].append(getattr(a, key))
    types = {"eid": pa.int64(), "pos": pa.int16()}
    return pa.table({k: pa.array(v, types.get(k, pa.string())) for k, v in cols.items()})


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


def batch_tables(coded: Sequence[CodedDocument], *, first_eid: int, batch_id: str) -> dict[str, pa.Table]:
    """Every store table's rows for a batch, keyed by table name (insert order matters not)."""
    events = [e for c in coded for e in c.events]
    return {
        "documents": documents_table(coded, batch_id=batch_id),
        "sentences": sentences_table(coded),
        "mentions": mentions_table(coded),
        "events": events_table(events, first_eid=first_eid),
        "event_actors": event_actors_table(events, first_eid=first_eid),
        "quotes": quotes_table(coded),
        "advisories": advisories_table(coded),
    }


def _actor(d: dict[str, Any]) -> Actor:
    return Actor(**{f: d.get(f) for f in ACTOR_FIELDS})


def _place(row: dict[str, Any]) -> Place | None:
    if row.get("loc_name") is None:
        return None
    return Place(**{attr: row.get(col) for col, (attr, _t) in _LOC.items()})


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
