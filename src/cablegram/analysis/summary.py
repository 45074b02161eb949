"""A store at a glance: what `cablegram summary` prints."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date

from ..store import Store
from ..store.filters import CountBy
from .dyads import DyadStat, top_dyads

__all__ = ["StoreSummary", "store_summary"]

QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class StoreSummary:
    """Counts over the whole store."""

    path: str
    documents: int
    sentences: int
    mentions: int
    events: int
    clusters: int
    quotes: int
    advisories: int
    first_date: Date | None
    last_date: Date | None
    by_type: tuple[tuple[str, int], ...]
    by_quad: tuple[tuple[int | None, int], ...]
    top_dyads: tuple[DyadStat, ...]
    count: CountBy


def store_summary(store: Store, *, count: CountBy = "reports", top: int = 10) -> StoreSummary:
    """Documents, events by PLOVER type and quad, date range, top dyads, quotes and advisories."""
    from ..store.filters import CLUSTER_JOIN, unit_key

    def n(table: str) -> int:
        return int(store.scalar(f"SELECT count(*) FROM {table}") or 0)

    unit = unit_key(count)
    join = CLUSTER_JOIN if count == "events" else ""

    def grouped(col: str) -> list[tuple]:
        rows = store.con.execute(
            f"SELECT {col}, count(DISTINCT {unit}) AS n FROM events e {join} GROUP BY 1 ORDER BY n DESC, 1"
        ).fetchall()
        return [(r[0], int(r[1])) for r in rows]

    span = store.con.execute("SELECT min(date), max(date) FROM events").fetchall()[0]
    return StoreSummary(
        path=store.path,
        documents=n("documents"),
        sentences=n("sentences"),
        mentions=n("mentions"),
        events=n("events"),
        clusters=int(
            store.scalar(f"SELECT count(DISTINCT {unit_key('events')}) FROM events e {CLUSTER_JOIN}")
        ),
        quotes=n("quotes"),
        advisories=n("advisories"),
        first_date=span[0],
        last_date=span[1],
        by_type=tuple(grouped("e.event")),
        by_quad=tuple(grouped("e.quad")),
        top_dyads=top_dyads(store, limit=top, count=count).frequent,
        count=count,
    )
