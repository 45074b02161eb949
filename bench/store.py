"""Store benchmark: a synthetic store of millions of events, timed loads and queries.

    python bench/store.py                     # 5M-event store, load 1M more, time queries
    python bench/store.py --base 200000 --load 50000 --reps 2   # a quick run

1. Build the base store (default 5M events) from synthetic Arrow tables (numpy, no parser),
   loaded through `Store.load_tables` (the same transactional path as every write).
2. Load `--load` more events (default 1M) as `CodedDocument` records through `Store.write`
   (records → Arrow → DuckDB, dedup included); the records are generated outside the timer.
   (Step 3 runs before step 2, so the queries see the base store of `--base` events.)
3. Time a dyad series (ISR ↔ AZE by month) and a filtered search (actor RUS, type ASSAULT,
   one year, 100 rows), against a baseline measured in the same run: a full scan
   `SELECT count(*), sum(goldstein) FROM events`. Medians over repetitions; ratios to baseline.

Prints a table and, with --json FILE, writes the figures. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date as Date
from datetime import timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from cablegram.analysis import dyad_series
from cablegram.records import Actor, CodedDocument, DateRef, Document, Event, TextSpan
from cablegram.store import EventFilter, Store, open_store, search_events
from cablegram.store.arrow import ACTOR_FIELDS, ACTOR_TYPE

COUNTRIES = np.array(
    ["USA", "RUS", "CHN", "ISR", "AZE", "UKR", "IRN", "TUR", "FRA", "GBR", "DEU", "IND", "PAK", "SYR",
     "IRQ", "EGY", "SAU", "ARM", "GEO", "JPN", "KOR", "PRK", "BRA", "NGA", "ZAF", "KEN", "ETH", "SDN",
     "LBY", "YEM", "AFG", "MEX", "COL", "VEN", "CUB", "POL", "ITA", "ESP", "CAN", "AUS"]
)  # fmt: skip
SECTORS = np.array(["GOV", "MIL", "COP", "REB", "OPP", "BUS", "MED", "CVL"])
TYPES = (
    ("AGREE", "057", 3.0, 1), ("CONSULT", "040", 1.0, 1), ("SUPPORT", "051", 3.4, 1),
    ("COOPERATE", "061", 6.4, 2), ("AID", "070", 7.0, 2), ("DEMAND", "100", -5.0, 3),
    ("DISAPPROVE", "111", -2.0, 3), ("ACCUSE", "112", -2.0, 3), ("REJECT", "120", -4.0, 3),
    ("THREATEN", "130", -4.4, 3), ("PROTEST", "141", -6.5, 3), ("SANCTION", "163", -5.6, 4),
    ("MOBILIZE", "150", -7.2, 4), ("COERCE", "173", -5.0, 4), ("ASSAULT", "190", -10.0, 4),
    ("RETREAT", "087", 9.0, 2),
)  # fmt: skip
EPOCH = Date(2015, 1, 1)
DAYS = 3650
EVENTS_PER_DOC = 5


def _country_index(rng: np.random.Generator, n: int) -> np.ndarray:
    """Skewed draws: a few countries appear far more often, as in real news."""
    weights = 1.0 / np.arange(1, len(COUNTRIES) + 1)
    return rng.choice(len(COUNTRIES), size=n, p=weights / weights.sum())


def _strings(prefix: str, numbers: np.ndarray) -> pa.Array:
    return pc.binary_join_element_wise(prefix, pc.cast(pa.array(numbers), pa.string()), "")


def _actor_lists(country: np.ndarray, sector: np.ndarray) -> pa.Array:
    codes = pa.array(COUNTRIES[country])
    secs = pa.array(SECTORS[sector])
    cameo = pc.binary_join_element_wise(codes, secs, "")
    n = len(country)
    zeros = pa.array(np.zeros(n, dtype=np.int32))
    none = pa.nulls(n, pa.string())
    values = {"text": codes, "start": zeros, "end": zeros, "name": codes, "country": codes,
              "sector": secs, "cameo_code": cameo, "kb_id": none}  # fmt: skip
    struct = pa.StructArray.from_arrays([values[f] for f in ACTOR_FIELDS], fields=list(ACTOR_TYPE.value_type))
    return pa.ListArray.from_arrays(pa.array(np.arange(n + 1, dtype=np.int32)), struct)


def synthetic_tables(n: int, *, first_eid: int, seed: int) -> dict[str, pa.Table]:
    """Arrow tables for `n` synthetic events (one actor, one recipient each) and their documents."""
    rng = np.random.default_rng(seed)
    eid = np.arange(first_eid, first_eid + n, dtype=np.int64)
    kind = rng.integers(0, len(TYPES), n)
    src, dst = _country_index(rng, n), _country_index(rng, n)
    dst = np.where(dst == src, (dst + 1) % len(COUNTRIES), dst)
    s_sec, d_sec = rng.integers(0, len(SECTORS), n), rng.integers(0, len(SECTORS), n)
    days = np.sort(rng.integers(0, DAYS, n))  # loaded in date order, as a crawl would be
    doc_no = eid // EVENTS_PER_DOC
    names = np.array([t[0] for t in TYPES])
    cameo = np.array([t[1] for t in TYPES])
    gold = np.array([t[2] for t in TYPES])
    quad = np.array([t[3] for t in TYPES], dtype=np.int8)
    sentence = pc.binary_join_element_wise(
        pa.array(COUNTRIES[src]), pa.array(names[kind]), pa.array(COUNTRIES[dst]), " "
    )
    events = pa.table(
        {
            "eid": eid,
            "event_id": _strings("s", eid),
            "doc_id": _strings("d", doc_no),
            "sentence_index": pa.array((eid % EVENTS_PER_DOC).astype(np.int32)),
            "sentence": sentence,
            "trigger_text": pa.array(names[kind]),
            "event": pa.array(names[kind]),
            "cameo": pa.array(cameo[kind]),
            "goldstein": gold[kind],
            "quad": quad[kind],
            "plover_score": gold[kind] * 1.2,
            "actor": _actor_lists(src, s_sec),
            "recipient": _actor_lists(dst, d_sec),
            "date": pa.array(days.astype("timedelta64[D]") + np.datetime64(EPOCH)).cast(pa.date32()),
            "factuality": pa.array(np.full(n, "asserted")),
        }
    )
    role = np.concatenate([np.full(n, "A"), np.full(n, "R")])
    actors = pa.table(
        {
            "eid": np.concatenate([eid, eid]),
            "role": pa.array(role),
            "pos": np.zeros(2 * n, dtype=np.int16),
            "country": pa.array(COUNTRIES[np.concatenate([src, dst])]),
            "sector": pa.array(SECTORS[np.concatenate([s_sec, d_sec])]),
        }
    )
    docs_no = np.unique(doc_no)
    documents = pa.table({"doc_id": _strings("d", docs_no), "content_hash": _strings("h", docs_no)})
    return {"documents": documents, "events": events, "event_actors": actors}


def synthetic_batches(n: int, *, batch_docs: int, seed: int, prefix: str) -> Iterator[list[CodedDocument]]:
    """`n` events as coded documents (EVENTS_PER_DOC each), in batches of `batch_docs`."""
    rng = np.random.default_rng(seed)
    kind = rng.integers(0, len(TYPES), n).tolist()
    src, dst = _country_index(rng, n).tolist(), _country_index(rng, n).tolist()
    s_sec, d_sec = rng.integers(0, len(SECTORS), n).tolist(), rng.integers(0, len(SECTORS), n).tolist()
    days = [EPOCH + timedelta(days=d) for d in rng.integers(0, DAYS, n).tolist()]
    actors = {
        (c, s): Actor(text=str(COUNTRIES[c]), start=0, end=3, name=str(COUNTRIES[c]),
                      country=str(COUNTRIES[c]), sector=str(SECTORS[s]),
                      cameo_code=f"{COUNTRIES[c]}{SECTORS[s]}")
        for c in range(len(COUNTRIES)) for s in range(len(SECTORS))
    }  # fmt: skip
    batch: list[CodedDocument] = []
    for d in range(n // EVENTS_PER_DOC):
        doc_id = f"{prefix}{d}"
        text = f"Synthetic report {doc_id}."
        events = []
        for i in range(d * EVENTS_PER_DOC, (d + 1) * EVENTS_PER_DOC):
            name, cameo, gold, quad = TYPES[kind[i]]
            events.append(Event(
                event_id=f"{doc_id}-{i}", doc_id=doc_id, sentence_index=i % EVENTS_PER_DOC, sentence=text,
                trigger=TextSpan(text=name.lower(), start=0, end=5), event=name, cameo=cameo,
                goldstein=gold, quad=quad, plover_score=gold * 1.2, actor=(actors[src[i], s_sec[i]],),
                recipient=(actors[dst[i], d_sec[i]],),
                date=DateRef(date=days[i], precision="day", basis="text"),
            ))  # fmt: skip
        batch.append(CodedDocument(document=Document(doc_id=doc_id, text=text), events=tuple(events)))
        if len(batch) >= batch_docs:
            yield batch
            batch = []
    if batch:
        yield batch


def build_base(store: Store, n: int, *, chunk: int = 1_000_000) -> float:
    """Fill the store with `n` synthetic events; returns the seconds it took."""
    start = time.perf_counter()
    for i, first in enumerate(range(1, n + 1, chunk)):
        store.load_tables(synthetic_tables(min(chunk, n - first + 1), first_eid=first, seed=i))
    return time.perf_counter() - start


def timed_load(store: Store, n: int, *, rep: int, batch_docs: int) -> float:
    """Seconds spent in `Store.write` to load `n` events (record generation not counted)."""
    spent = 0.0
    for batch in synthetic_batches(n, batch_docs=batch_docs, seed=100 + rep, prefix=f"load{rep}-"):
        start = time.perf_counter()
        store.write(batch)
        spent += time.perf_counter() - start
    return spent


def median_time(fn: Callable[[], Any], reps: int) -> float:
    """Median wall time of `fn` over `reps` runs, after one warm-up run."""
    fn()
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(*, base: int, load: int, reps: int, query_reps: int, path: Path, batch_docs: int) -> dict[str, Any]:
    """Build, load and query; returns the figures."""
    with open_store(path) as store:
        build_s = build_base(store, base)
        total = int(store.scalar("SELECT count(*) FROM events"))
        flt = EventFilter(actor="RUS", event="ASSAULT", since=Date(2020, 1, 1), until=Date(2020, 12, 31))
        baseline = median_time(
            lambda: store.scalar("SELECT count(*), sum(goldstein) FROM events"), query_reps
        )
        dyad = median_time(lambda: dyad_series(store, "ISR", "AZE", by="month"), query_reps)
        search = median_time(lambda: search_events(store, flt, limit=100), query_reps)
        n_points = len(dyad_series(store, "ISR", "AZE", by="month"))
        n_hits = len(search_events(store, flt, limit=100))
        loads = [timed_load(store, load, rep=r, batch_docs=batch_docs) for r in range(reps)]
    return {
        "base_events": base, "build_s": build_s, "load_events": load, "load_reps": reps,
        "load_median_s": statistics.median(loads), "load_events_per_s": load / statistics.median(loads),
        "store_events": total, "baseline_scan_s": baseline, "dyad_s": dyad, "search_s": search,
        "dyad_ratio": dyad / baseline, "search_ratio": search / baseline,
        "dyad_points": n_points, "search_hits": n_hits,
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    """Command line: see the module docstring."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--base", type=int, default=5_000_000, help="events in the synthetic base store")
    p.add_argument("--load", type=int, default=1_000_000, help="events per timed load")
    p.add_argument("--reps", type=int, default=3, help="timed loads (median reported)")
    p.add_argument("--query-reps", type=int, default=9, help="repetitions per query (median reported)")
    p.add_argument("--batch-docs", type=int, default=20_000, help="documents per Store.write call")
    p.add_argument("--db", help="store file (default: a temporary file, removed afterwards)")
    p.add_argument("--json", help="also write the figures to this JSON file")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.db) if args.db else Path(tmp) / "bench.duckdb"
        figures = run(base=args.base, load=args.load, reps=args.reps, query_reps=args.query_reps,
                      path=path, batch_docs=args.batch_docs)  # fmt: skip
    for key, value in figures.items():
        print(f"{key:>20}: {value:.4f}" if isinstance(value, float) else f"{key:>20}: {value}")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
