"""Exports in every format, with the same filters as search."""

from __future__ import annotations

import csv
import io
import json
from datetime import date as Date

import pyarrow.parquet as pq
import pytest

from cablegram.analysis import cluster_events
from cablegram.errors import StoreError
from cablegram.store import EventFilter, MemoryStore
from cablegram.store.export import GDELT_COLUMNS, PHOENIX_COLUMNS, export_events, penta_class

from .storekit import coded, event


@pytest.fixture
def store():
    s = MemoryStore()
    s.write(
        [
            coded("r1", event("r1", place="Baku")),
            coded("r2", event("r2", day=Date(2024, 3, 6), place="Baku")),
            coded(
                "r3", event("r3", kind="COOPERATE", cameo="061", goldstein=6.4, quad=2, src=("USA", "GOV"))
            ),
        ]
    )
    cluster_events(s, window_days=3)
    return s


def test_plover_jsonl_fields(store):
    out = io.StringIO()
    assert export_events(store, EventFilter(event="ASSAULT"), fmt="plover-jsonl", out=out) == 2
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    first = records[0]
    assert first["date"] == "2024-03-05" and first["event"] == ["ASSAULT"] and first["quad_code"] == 4
    assert first["actor"][0]["code"] == "ISR" and first["actor"][0]["sector"] == "GOV"
    assert first["recipient"][0]["code"] == "AZE"
    assert first["event_loc"]["geonameid"] == 587084 and first["size"]["dead"] == 2
    assert first["link"] == records[1]["link"]  # both reports are one event
    assert first["text_info"]["sequence"] == 0 and first["cite_info"]["doc_id"] == "r1"


def test_phoenix_tsv(store):
    out = io.StringIO()
    export_events(store, EventFilter(actor="USA"), fmt="phoenix-tsv", out=out)
    rows = list(csv.reader(io.StringIO(out.getvalue()), delimiter="\t"))
    assert tuple(rows[0]) == PHOENIX_COLUMNS and len(rows) == 2
    row = dict(zip(PHOENIX_COLUMNS, rows[1], strict=True))
    assert (row["SourceActorFull"], row["SourceActorEntity"], row["SourceActorRole"]) == (
        "USAGOV",
        "USA",
        "GOV",
    )
    assert (row["EventCode"], row["EventRootCode"], row["QuadClass"]) == ("061", "06", "2")
    assert row["Date"] == "20240305" and row["SentenceID"] == "r3_0"


def test_gdelt_columns(store):
    out = io.StringIO()
    export_events(store, EventFilter(event="ASSAULT"), fmt="gdelt-csv", out=out)
    rows = list(csv.reader(io.StringIO(out.getvalue()), delimiter="\t"))
    assert len(GDELT_COLUMNS) == 61 and tuple(rows[0]) == GDELT_COLUMNS
    row = dict(zip(GDELT_COLUMNS, rows[1], strict=True))
    assert (row["Actor1Code"], row["Actor2CountryCode"], row["EventBaseCode"]) == ("ISRGOV", "AZE", "190")
    assert (row["NumMentions"], row["NumArticles"], row["AvgTone"]) == ("2", "2", "")
    assert row["ActionGeo_FullName"] == "Baku" and row["ActionGeo_FeatureID"] == "587084"


def test_csv_and_parquet_files(store, tmp_path):
    assert export_events(store, EventFilter(), fmt="csv", out=tmp_path / "e.csv") == 3
    with open(tmp_path / "e.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    by_doc = {r["doc_id"]: r for r in rows}
    assert [by_doc[d]["actor_codes"] for d in ("r1", "r2", "r3")] == ["ISRGOV", "ISRGOV", "USAGOV"]
    assert by_doc["r1"]["cluster_id"] == by_doc["r2"]["cluster_id"] != by_doc["r3"]["cluster_id"]
    export_events(store, EventFilter(since=Date(2024, 3, 6)), fmt="parquet", out=tmp_path / "e.parquet")
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.num_rows == 1 and table["actor"][0].as_py()[0]["cameo_code"] == "ISRGOV"


def test_bad_format_and_stdout_parquet(store):
    with pytest.raises(StoreError) as info:
        export_events(store, EventFilter(), fmt="xml", out=io.StringIO())
    assert info.value.code == "E404"
    with pytest.raises(StoreError) as info:
        export_events(store, EventFilter(), fmt="parquet", out="-")
    assert info.value.code == "E406"


def test_penta_class():
    assert [penta_class(c) for c in ("010", "042", "061", "112", "160", "190", None)] == [
        0,
        1,
        2,
        3,
        3,
        4,
        None,
    ]
