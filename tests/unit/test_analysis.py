"""Clustering, dyad series, profiles, top dyads and search over hand-made events."""

from __future__ import annotations

from datetime import date as Date

import pytest

from cablegram.analysis import actor_profile, cluster_events, dyad_series, store_summary, top_dyads
from cablegram.errors import ConfigError
from cablegram.store import EventFilter, MemoryStore, count_events, search_documents, search_events

from .storekit import coded, event

D = Date(2024, 3, 5)


@pytest.fixture
def store():
    """Three reports of one ISR→AZE assault, one later assault, a sanction, a cooperation."""
    s = MemoryStore()
    s.write(
        [
            coded("r1", event("r1", day=D, place="Baku")),
            coded("r2", event("r2", day=Date(2024, 3, 6), place="Baku")),
            coded("r3", event("r3", day=Date(2024, 3, 7), src=("ISR", None))),
            coded("r4", event("r4", day=Date(2024, 4, 20))),
            coded(
                "r5",
                event(
                    "r5",
                    kind="SANCTION",
                    cameo="163",
                    goldstein=-4,
                    quad=4,
                    src=("AZE", "GOV"),
                    dst=("ISR", None),
                    day=Date(2024, 4, 2),
                    sentence="Azerbaijan sanctioned Israel.",
                ),
            ),
            coded(
                "r6",
                event(
                    "r6",
                    kind="COOPERATE",
                    cameo="061",
                    goldstein=6.4,
                    quad=2,
                    src=("USA", "GOV"),
                    dst=("AZE", "GOV"),
                    day=Date(2024, 4, 3),
                ),
            ),
            coded("r7", event("r7", day=D, place="Ganja")),  # same day, another place: another event
        ]
    )
    cluster_events(s, window_days=3)
    return s


def test_cluster_merges_close_reports_and_keeps_places_apart(store):
    rows = store.rows(
        "SELECT e.doc_id, cm.cluster_id FROM events e JOIN cluster_members cm USING (eid) ORDER BY e.doc_id"
    )
    cluster = {r["doc_id"]: r["cluster_id"] for r in rows}
    assert cluster["r1"] == cluster["r2"] == cluster["r3"]
    assert len({cluster["r1"], cluster["r4"], cluster["r7"]}) == 3
    assert store.scalar("SELECT n_docs FROM event_clusters WHERE cluster_id = ?", [cluster["r1"]]) == 3


def test_counts_by_report_and_by_event(store):
    flt = EventFilter(event="ASSAULT")
    assert count_events(store, flt, count="reports") == 5
    assert count_events(store, flt, count="events") == 3


def test_dyad_series_month_undirected_and_directed(store):
    points = dyad_series(store, "isr", "aze", by="month")
    march = [p for p in points if p.period == Date(2024, 3, 1)]
    assert [(p.event, p.count, p.goldstein_sum) for p in march] == [("ASSAULT", 4, -40.0)]
    april = {p.event: p.count for p in points if p.period == Date(2024, 4, 1)}
    assert april == {"ASSAULT": 1, "SANCTION": 1}
    directed = dyad_series(store, "AZE", "ISR", by="year", directed=True)
    assert [(p.event, p.count, p.goldstein_mean) for p in directed] == [("SANCTION", 1, -4.0)]
    by_event = dyad_series(store, "ISR", "AZE", by="year", directed=True, count="events")
    assert [(p.event, p.count) for p in by_event] == [("ASSAULT", 3)]


def test_dyad_series_with_sector_and_bad_period(store):
    gov = dyad_series(store, "ISR", "AZE", by="year", directed=True, sector_a="GOV")
    assert sum(p.count for p in gov) == 4  # r3 has no sector for ISR
    with pytest.raises(ConfigError):
        dyad_series(store, "ISR", "AZE", by="fortnight")


def test_actor_profile_both_directions(store):
    profile = actor_profile(store, "AZE", by="year")
    assert {(r.counterpart, r.event, r.count) for r in profile.outgoing} == {("ISR", "SANCTION", 1)}
    incoming = {(r.counterpart, r.event): r.count for r in profile.incoming}
    assert incoming == {("ISR", "ASSAULT"): 5, ("USA", "COOPERATE"): 1}


def test_top_dyads(store):
    top = top_dyads(store, since=Date(2024, 1, 1), until=Date(2024, 12, 31))
    assert (top.frequent[0].a, top.frequent[0].b, top.frequent[0].count) == ("AZE", "ISR", 6)
    assert top.conflictual[0].b == "ISR" and top.conflictual[0].goldstein_sum < 0
    assert [(d.a, d.b) for d in top.cooperative] == [("AZE", "USA")]
    late = top_dyads(store, since=Date(2024, 4, 3))
    assert [(d.a, d.b, d.count) for d in late.frequent] == [("AZE", "ISR", 1), ("AZE", "USA", 1)]


def test_search_filters(store):
    def ids(**kw):
        return sorted(e.doc_id for e in search_events(store, EventFilter(**kw)))

    assert ids(actor="AZE") == ["r5"]
    assert ids(recipient="AZEGOV") == ["r6"]
    assert ids(cameo="16") == ["r5"]
    assert ids(text="sanctioned") == ["r5"]
    assert ids(place="ganja") == ["r7"]
    assert ids(sector="GOV", country="USA") == ["r6"]
    assert ids(since=Date(2024, 4, 1), until=Date(2024, 4, 2)) == ["r5"]
    assert ids(factuality="negated") == []


def test_search_documents_by_text(store):
    hits = search_documents(store, "SANCTIONED israel")
    assert [h.doc_id for h in hits] == ["r5"]
    assert "sanctioned" in hits[0].snippet and hits[0].n_events == 1


def test_summary(store):
    summary = store_summary(store)
    assert (summary.documents, summary.events, summary.clusters) == (7, 7, 5)
    assert summary.by_type[0] == ("ASSAULT", 5)
    assert (summary.first_date, summary.last_date) == (D, Date(2024, 4, 20))
    assert summary.quotes == 7 and summary.advisories == 7
    assert store_summary(store, count="events").by_type[0] == ("ASSAULT", 3)


@pytest.mark.parametrize("start", range(4))
def test_cluster_window_is_exact_across_date_buckets(start):
    base = Date(2024, 1, 1).toordinal() + start
    for gap in range(6):
        s = MemoryStore()
        days = (Date.fromordinal(base), Date.fromordinal(base + gap))
        s.write([coded(f"g{i}", event(f"g{i}", day=d)) for i, d in enumerate(days)])
        report = cluster_events(s, window_days=3)
        assert report.clusters == (1 if gap <= 3 else 2), (start, gap)
