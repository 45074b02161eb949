"""The read queries behind the pages and the API (each page and its JSON twin call the same one).

Filtering is `store.filters.where_clause` (the one `cablegram search` uses), event records come
back through `search_events` / `event_from_row`, and dyads, profiles, top dyads and the summary
are `cablegram.analysis`. What is here is what only the server needs: a page of events with its
total, one event or document with everything attached, quotes, advisories, the map's places
and the overview's timeline. Values are always bound parameters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..errors import ServeError
from ..store import EventFilter, Store, search_events
from ..store.arrow import event_from_row
from ..store.filters import contains_pattern, where_clause

__all__ = [
    "EventsPage",
    "advisories_list",
    "document_detail",
    "event_detail",
    "events_page",
    "map_places",
    "quotes_list",
    "timeline",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class EventsPage:
    """One page of events (as `Event.to_dict()` dicts) and how many match in all."""

    total: int
    limit: int
    offset: int
    events: list[dict[str, Any]]


def events_page(store: Store, flt: EventFilter, *, limit: int, offset: int, newest_first: bool) -> EventsPage:
    """A page of matching events, newest (or oldest) first, and the number of matches."""
    where, params = where_clause(flt)
    total = int(store.scalar(f"SELECT count(*) FROM events e WHERE {where}", params) or 0)
    events = search_events(store, flt, limit=limit, offset=offset, newest_first=newest_first)
    return EventsPage(total=total, limit=limit, offset=offset, events=[e.to_dict() for e in events])


def event_detail(store: Store, event_id: str) -> dict[str, Any]:
    """One event with its evidence, its document's metadata and its cluster (E602 if unknown)."""
    rows = store.rows(
        "SELECT e.*, cm.cluster_id, d.title AS doc_title, d.published AS doc_published, "
        "d.source AS doc_source, d.url AS doc_url FROM events e "
        "LEFT JOIN cluster_members cm ON cm.eid = e.eid LEFT JOIN documents d ON d.doc_id = e.doc_id "
        "WHERE e.event_id = ? LIMIT 1",
        [event_id],
    )
    if not rows:
        raise ServeError("E602", status=404, what="event", key=event_id)
    row = rows[0]
    out = event_from_row(row).to_dict()
    out["cluster_id"] = row.get("cluster_id")
    out["document"] = {
        "doc_id": row["doc_id"],
        "title": row.get("doc_title"),
        "published": _iso(row.get("doc_published")),
        "source": row.get("doc_source"),
        "url": row.get("doc_url"),
    }
    return out


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


_DOC_COLUMNS = "doc_id, title, published, url, source, author, input_format, language, n_sentences, n_words, text"


def document_detail(store: Store, doc_id: str) -> dict[str, Any]:
    """A document's text and metadata with all its events, quotes and advisories (E602 if unknown)."""
    rows = store.rows(f"SELECT {_DOC_COLUMNS} FROM documents WHERE doc_id = ? LIMIT 1", [doc_id])
    if not rows:
        raise ServeError("E602", status=404, what="document", key=doc_id)
    doc = {k: _iso(v) for k, v in rows[0].items()}
    events = store.rows("SELECT * FROM events WHERE doc_id = ? ORDER BY trigger_start, eid", [doc_id])
    doc["events"] = [event_from_row(r).to_dict() for r in events]
    doc["quotes"] = quotes_list(store, doc_id=doc_id, limit=10_000, offset=0)
    doc["advisories"] = advisories_list(store, doc_id=doc_id, limit=10_000, offset=0)
    return doc


_QUOTES = (
    'SELECT q.quote_id, q.doc_id, q.sentence_index, s.text AS sentence, q.text, q.start, q."end", q.kind, '
    "q.speaker_text, q.speaker_name, q.speaker_country, q.speaker_sector, q.speaker_code, q.speaker_kb_id, "
    "q.cue, q.date, q.date_precision FROM quotes q "
    "LEFT JOIN sentences s ON s.doc_id = q.doc_id AND s.sentence_index = q.sentence_index "
    "WHERE {where} ORDER BY q.date DESC NULLS LAST, q.doc_id, q.start LIMIT ? OFFSET ?"
)


def quotes_list(
    store: Store,
    *,
    doc_id: str | None = None,
    speaker: str | None = None,
    text: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Quotes, newest first; `speaker` is a country/CAMEO code prefix or part of the name."""
    parts, params = ["TRUE"], []
    if doc_id:
        parts.append("q.doc_id = ?")
        params.append(doc_id)
    if speaker:
        parts.append("(q.speaker_country = ? OR starts_with(q.speaker_code, ?) OR q.speaker_name ILIKE ? ESCAPE '\\')")
        params += [speaker.upper(), speaker.upper(), contains_pattern(speaker)]
    if text:
        parts.append("q.text ILIKE ? ESCAPE '\\'")  # % and _ typed are literal, as in every text filter
        params.append(contains_pattern(text))
    rows = store.rows(_QUOTES.format(where=" AND ".join(parts)), [*params, limit, offset])
    return [{k: _iso(v) for k, v in r.items()} for r in rows]


_ADVISORIES = (
    "SELECT a.advisory_id, a.doc_id, a.sentence_index, s.text AS sentence, a.trigger_text, a.trigger_start, "
    "a.trigger_end, a.issuer_text, a.issuer_country, a.issuer_code, a.countries, a.threats, a.level, a.date, "
    "a.date_precision FROM advisories a "
    "LEFT JOIN sentences s ON s.doc_id = a.doc_id AND s.sentence_index = a.sentence_index "
    "WHERE {where} ORDER BY a.date DESC NULLS LAST, a.doc_id, a.trigger_start LIMIT ? OFFSET ?"
)


def advisories_list(
    store: Store, *, doc_id: str | None = None, country: str | None = None, limit: int = 50, offset: int = 0
) -> list[dict[str, Any]]:
    """Advisories, newest first; `country` matches a country warned about or the issuer."""
    parts, params = ["TRUE"], []
    if doc_id:
        parts.append("a.doc_id = ?")
        params.append(doc_id)
    if country:
        parts.append("(list_contains(a.countries, ?) OR a.issuer_country = ?)")
        params += [country.upper(), country.upper()]
    rows = store.rows(_ADVISORIES.format(where=" AND ".join(parts)), [*params, limit, offset])
    return [{k: _iso(v) for k, v in r.items()} for r in rows]


def map_places(store: Store, flt: EventFilter, *, limit: int = 2000) -> list[dict[str, Any]]:
    """Located events grouped by place: name, country, lat, lon, count and mean Goldstein."""
    where, params = where_clause(flt)
    rows = store.rows(
        "SELECT e.loc_name AS name, e.loc_country AS country, round(avg(e.lat), 3) AS lat, "
        "round(avg(e.lon), 3) AS lon, count(*) AS count, avg(e.goldstein) AS goldstein_mean "
        f"FROM events e WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL AND {where} "
        "GROUP BY e.loc_name, e.loc_country ORDER BY count DESC, name LIMIT ?",
        [*params, limit],
    )
    return rows


def timeline(store: Store, flt: EventFilter, *, by: str) -> list[dict[str, Any]]:
    """Event counts per period and quad class (the overview chart)."""
    from ..analysis.dyads import _period  # the same period rule (and E504) as dyad series

    where, params = where_clause(flt)
    rows = store.rows(
        f"SELECT {_period(by)} AS period, e.quad, count(*) AS count FROM events e "
        f"WHERE e.date IS NOT NULL AND {where} GROUP BY ALL ORDER BY period, e.quad",
        params,
    )
    return [{k: _iso(v) for k, v in r.items()} for r in rows]


def documents_list(store: Store, *, limit: int, offset: int) -> list[dict[str, Any]]:
    """The newest documents with their event counts (the documents page without a search)."""
    rows = store.rows(
        "SELECT d.doc_id, d.title, d.published, d.source, d.url, "
        "(SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id) AS n_events "
        "FROM documents d ORDER BY d.published DESC NULLS LAST, d.doc_id LIMIT ? OFFSET ?",
        [limit, offset],
    )
    return [{k: _iso(v) for k, v in r.items()} for r in rows]
