"""Events, not mentions: group event mentions from many reports into real-world events.

The rule (documented in docs/store.md). Two mentions are the same event when all hold:

1. the same PLOVER event type;
2. both are dated, at most `cluster_window_days` (setting, default 3) apart;
3. their actors overlap: some actor of one has the same country as some actor of the other,
   and the same sector when both sectors are known;
4. their recipients overlap the same way, or neither has a recipient;
5. the same place when both are located (GeoNames id, else the place name).

Clusters are the connected components of that relation (single linkage), so a chain of close
reports can bridge a little more than the window; a component takes the place of its first
located mention and never merges with a component located elsewhere (an unlocated report
cannot join a Baku event to a Ganja one). Every mention stays in `events` as evidence;
`cluster_members` maps each one to its cluster and `event_clusters` holds one row per event
(type, first and last date, mentions, distinct documents). Undated mentions, or mentions with
no actor country, stay clusters of one. The whole store is re-clustered in one transaction.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pyarrow as pa

from ..store import Store

__all__ = ["ClusterReport", "cluster_events"]


@dataclass(frozen=True, slots=True, kw_only=True)
class ClusterReport:
    """Outcome of a clustering run."""

    mentions: int
    clusters: int
    merged_mentions: int
    window_days: int


# Candidate pairs: same type, a shared actor country (sectors compatible), dates within the
# window. Dates are cut into buckets one window wide and only the same or the next bucket is
# joined, so the hash join's key (type, country, bucket) keeps blocks small even when a
# country has hundreds of thousands of mentions (a plain date-range condition would compare
# every pair in the block).
_CANDIDATES = """
WITH k AS (
    SELECT e.eid, e.event, e.date, a.country, a.sector,
           date_diff('day', DATE '1970-01-01', e.date) // (? + 1) AS bucket
    FROM events e JOIN event_actors a ON a.eid = e.eid AND a.role = 'A'
    WHERE e.date IS NOT NULL AND a.country IS NOT NULL
), pairs AS (
    SELECT x.eid AS a, y.eid AS b, x.date AS da, y.date AS db, x.sector AS sa, y.sector AS sb
    FROM k x JOIN k y ON x.event = y.event AND x.country = y.country AND x.bucket = y.bucket
    WHERE x.eid < y.eid
    UNION ALL
    SELECT least(x.eid, y.eid), greatest(x.eid, y.eid), x.date, y.date, x.sector, y.sector
    FROM k x JOIN k y ON x.event = y.event AND x.country = y.country AND y.bucket = x.bucket + 1
)
SELECT DISTINCT a, b, abs(date_diff('day', da, db)) AS gap
FROM pairs
WHERE abs(date_diff('day', da, db)) <= ? AND a <> b
  AND (sa IS NULL OR sb IS NULL OR sa = sb)
ORDER BY gap, a, b
"""


def _find(parent: dict[int, int], x: int) -> int:
    root = x
    while parent.get(root, root) != root:
        root = parent[root]
    while parent.get(x, x) != root:  # path compression keeps later finds short
        parent[x], x = root, parent[x]
    return root


def _overlap(left: list[tuple[str, str | None]], right: list[tuple[str, str | None]]) -> bool:
    if not left and not right:
        return True
    return any(lc == rc and (ls is None or rs is None or ls == rs) for lc, ls in left for rc, rs in right)


def _side_info(store: Store) -> tuple[dict[int, list[tuple[str, str | None]]], dict[int, str]]:
    recipients: dict[int, list[tuple[str, str | None]]] = defaultdict(list)
    for r in store.rows(
        "SELECT eid, country, sector FROM event_actors WHERE role = 'R' AND country IS NOT NULL"
    ):
        recipients[r["eid"]].append((r["country"], r["sector"]))
    places = {
        r["eid"]: r["place"]
        for r in store.rows(
            "SELECT eid, coalesce(geonameid::VARCHAR, lower(loc_name)) AS place FROM events "
            "WHERE geonameid IS NOT NULL OR loc_name IS NOT NULL"
        )
    }
    return recipients, places


def _links(store: Store, window_days: int) -> tuple[list[tuple[int, int]], dict[int, str]]:
    """Pairs of mentions that satisfy the whole rule, and the known place of each mention."""
    pairs = store.con.execute(_CANDIDATES, [window_days, window_days]).fetchall()
    if not pairs:
        return [], {}
    recipients, places = _side_info(store)
    out = []
    for a, b, _gap in pairs:  # closest pairs first: an unlocated report joins its nearest event
        pa_, pb = places.get(a), places.get(b)
        if pa_ is not None and pb is not None and pa_ != pb:
            continue
        if _overlap(recipients.get(a, []), recipients.get(b, [])):
            out.append((a, b))
    return out, places


def cluster_events(store: Store, *, window_days: int = 3) -> ClusterReport:
    """Re-cluster every mention in the store; replaces event_clusters and cluster_members."""
    parent: dict[int, int] = {}
    links, places = _links(store, window_days)
    where = dict(places)  # root -> the component's place, so an unlocated report cannot bridge two
    for a, b in links:
        ra, rb = _find(parent, a), _find(parent, b)
        pa_, pb = where.get(ra), where.get(rb)
        if ra == rb or (pa_ is not None and pb is not None and pa_ != pb):
            continue
        root, child = min(ra, rb), max(ra, rb)  # the oldest mention names the cluster
        parent[child] = root
        known = pa_ if pa_ is not None else pb
        if known is not None:
            where[root] = known
    eids = [r[0] for r in store.con.execute("SELECT eid FROM events ORDER BY eid").fetchall()]
    members = pa.table(
        {
            "eid": pa.array(eids, pa.int64()),
            "cluster_id": [f"c{_find(parent, e)}" for e in eids],
        }
    )
    _replace_clusters(store, members)
    n_clusters = len(set(members["cluster_id"].to_pylist()))
    return ClusterReport(
        mentions=len(eids),
        clusters=n_clusters,
        merged_mentions=len(eids) - n_clusters,
        window_days=window_days,
    )


def _replace_clusters(store: Store, members: pa.Table) -> None:
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM cluster_members")
        con.execute("DELETE FROM event_clusters")
        con.register("_incoming_members", members)
        con.execute("INSERT INTO cluster_members SELECT eid, cluster_id FROM _incoming_members")
        con.unregister("_incoming_members")
        con.execute(
            "INSERT INTO event_clusters SELECT cm.cluster_id, any_value(e.event), min(e.date), "
            "max(e.date), count(*), count(DISTINCT e.doc_id) FROM cluster_members cm "
            "JOIN events e ON e.eid = cm.eid GROUP BY cm.cluster_id"
        )
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
