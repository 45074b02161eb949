"""Event filters shared by search, counts, analysis and exports.

`EventFilter` is the one options object behind `cablegram search`, `cablegram export` and the
analysis functions; `where_clause` turns it into SQL over the `events` table (alias `e`) with
bound parameters (never string-formatted values). Actor conditions are semi-joins on the
flattened `event_actors` table, which keeps them fast on millions of events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date as Date
from typing import Any, Literal

from ..errors import ConfigError
from ..records import Event
from .arrow import event_from_row
from .base import Store

__all__ = [
    "DocumentHit",
    "EventFilter",
    "count_events",
    "search_documents",
    "search_events",
    "unit_key",
    "where_clause",
]

CountBy = Literal["events", "reports"]


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFilter:
    """Which events to select; every field left None selects everything.

    actor / recipient: in capitals, a country code (ISR), a CAMEO actor code or its prefix
    (ISRGOV) or a KB id; otherwise a KB id or part of the actor's name (case-insensitive).
    country: either side's country. sector: either side's sector.
    event: PLOVER type. cameo: a CAMEO code or prefix (19 matches 190-196). place: part of the
    location name, or its ISO3 country. text: part of the sentence (case-insensitive).
    """

    actor: str | None = None
    recipient: str | None = None
    country: str | None = None
    sector: str | None = None
    event: str | None = None
    cameo: str | None = None
    since: Date | None = None
    until: Date | None = None
    place: str | None = None
    factuality: str | None = None
    text: str | None = None
    doc_id: str | None = None

    def is_empty(self) -> bool:
        """True when no condition is set."""
        return all(getattr(self, f.name) is None for f in fields(self))


_CODE = re.compile(r"[A-Z0-9-]{3,}")


def contains_pattern(text: str) -> str:
    """An ILIKE pattern matching `text` anywhere, its own % _ and \\ taken literally
    (use with `ILIKE ? ESCAPE '\\'`): '50%' finds "50%", not "50 people"."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


_ILIKE = "ILIKE ? ESCAPE '\\'"


def _actor_match(token: str) -> tuple[str, list[Any]]:
    """A code typed in capitals (RUS, ISRGOV) matches codes only, which stays a cheap equality
    scan; anything else (Putin, kb:...) matches the KB id or part of the name."""
    token = token.strip()
    if _CODE.fullmatch(token):
        return "(country = ? OR starts_with(cameo_code, ?) OR kb_id = ?)", [token, token, token]
    return f"(kb_id = ? OR name {_ILIKE})", [token, contains_pattern(token)]


def _actors_in(role: str | None, cond: str) -> str:
    role_sql = f"role = '{role}' AND " if role else ""
    return f"e.eid IN (SELECT eid FROM event_actors WHERE {role_sql}{cond})"


def where_clause(flt: EventFilter) -> tuple[str, list[Any]]:
    """SQL condition over `events e` and its parameters ('TRUE' for an empty filter)."""
    parts: list[str] = []
    params: list[Any] = []
    for role, token in (("A", flt.actor), ("R", flt.recipient)):
        if token:
            cond, p = _actor_match(token)
            parts.append(_actors_in(role, cond))
            params += p
    simple: tuple[tuple[Any, str, Any], ...] = (
        (flt.country, _actors_in(None, "country = ?"), (flt.country or "").upper()),
        (flt.sector, _actors_in(None, "sector = ?"), (flt.sector or "").upper()),
        (flt.event, "e.event = ?", (flt.event or "").upper()),
        (flt.cameo, "starts_with(e.cameo, ?)", flt.cameo),
        (flt.since, "e.date >= ?", flt.since),
        (flt.until, "e.date <= ?", flt.until),
        (flt.factuality, "e.factuality = ?", flt.factuality),
        (flt.text, f"e.sentence {_ILIKE}", contains_pattern(flt.text or "")),
        (flt.doc_id, "e.doc_id = ?", flt.doc_id),
    )
    for value, sql, param in simple:
        if value is not None and value != "":
            parts.append(sql)
            params.append(param)
    if flt.place:
        parts.append(f"(e.loc_name {_ILIKE} OR e.loc_country = ?)")
        params += [contains_pattern(flt.place), flt.place.upper()]
    return (" AND ".join(parts) or "TRUE"), params


def unit_key(count: CountBy) -> str:
    """SQL for what one counted unit is: a mention (report) or its cluster (event)."""
    if count == "reports":
        return "e.eid::VARCHAR"
    if count == "events":
        return "coalesce(cm.cluster_id, 'e' || e.eid::VARCHAR)"
    raise ConfigError("E504", detail=f"--count must be 'events' or 'reports', got '{count}'")


CLUSTER_JOIN = "LEFT JOIN cluster_members cm ON cm.eid = e.eid"


def search_events(
    store: Store, flt: EventFilter, *, limit: int = 100, offset: int = 0, newest_first: bool = True
) -> list[Event]:
    """Events matching the filter, newest first, as `Event` records."""
    where, params = where_clause(flt)
    order = "DESC" if newest_first else "ASC"
    rows = store.rows(
        f"SELECT e.* FROM events e WHERE {where} ORDER BY e.date {order} NULLS LAST, e.eid LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return [event_from_row(r) for r in rows]


def count_events(store: Store, flt: EventFilter, *, count: CountBy = "reports") -> int:
    """How many events match: mentions (`reports`) or distinct clustered events (`events`)."""
    where, params = where_clause(flt)
    sql = f"SELECT count(DISTINCT {unit_key(count)}) FROM events e {CLUSTER_JOIN} WHERE {where}"
    return int(store.scalar(sql, params) or 0)


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentHit:
    """A stored document whose text matched a search, with a snippet around the first match."""

    doc_id: str
    title: str | None
    published: Date | None
    source: str | None
    url: str | None
    snippet: str
    n_events: int


def search_documents(store: Store, text: str, *, limit: int = 50) -> list[DocumentHit]:
    """Documents whose title or text contains `text` (case-insensitive ILIKE; no FTS offline)."""
    pattern = contains_pattern(text)
    rows = store.rows(
        "SELECT d.doc_id, d.title, d.published, d.source, d.url, "
        "greatest(strpos(lower(d.text), lower(?)), 1) AS pos, d.text, "
        "(SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id) AS n_events "
        f"FROM documents d WHERE d.text {_ILIKE} OR d.title {_ILIKE} "
        "ORDER BY d.published DESC NULLS LAST, d.doc_id LIMIT ?",
        [text, pattern, pattern, limit],
    )
    return [
        DocumentHit(
            doc_id=r["doc_id"],
            title=r["title"],
            published=r["published"],
            source=r["source"],
            url=r["url"],
            snippet=_snippet(r["text"], r["pos"] - 1),
            n_events=r["n_events"],
        )
        for r in rows
    ]


def _snippet(text: str, pos: int, *, width: int = 80) -> str:
    start = max(0, pos - width)
    piece = " ".join(text[start : pos + width].split())
    return ("…" if start else "") + piece + ("…" if pos + width < len(text) else "")
