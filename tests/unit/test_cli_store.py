"""The store commands end to end over a hand-made store (no model)."""

from __future__ import annotations

import json
from datetime import date as Date

import pytest

from cablegram.cli import main
from cablegram.store import open_store

from .storekit import coded, event


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "cli.duckdb"
    with open_store(path) as store:
        store.write(
            [
                coded("r1", event("r1", place="Baku", sentence="Israeli jets struck a depot near Baku.")),
                coded("r2", event("r2", day=Date(2024, 3, 6), place="Baku")),
                coded(
                    "r3",
                    event(
                        "r3",
                        kind="SANCTION",
                        cameo="163",
                        goldstein=-4,
                        quad=4,
                        src=("AZE", "GOV"),
                        dst=("ISR", None),
                        day=Date(2024, 5, 2),
                    ),
                ),
            ]
        )
    return str(path)


def test_cluster_then_summary(db, capsys):
    assert main(["cluster", "--db", db]) == 0
    assert "3 mentions into 2 events" in capsys.readouterr().out
    assert main(["summary", "--db", db, "--count", "events"]) == 0
    out = capsys.readouterr().out
    assert "3 documents" in out and "2 events after clustering" in out and "ASSAULT" in out


def test_dyad_json(db, capsys):
    assert main(["dyad", "ISR", "AZE", "--db", db, "--by", "month", "--json"]) == 0
    points = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(p["period"], p["event"], p["count"]) for p in points] == [
        ("2024-03-01", "ASSAULT", 2),
        ("2024-05-01", "SANCTION", 1),
    ]
    assert main(["dyad", "ISR", "AZE", "--db", db, "--directed", "--type", "SANCTION", "--json"]) == 0
    assert capsys.readouterr().out == ""


def test_search_events_and_docs(db, capsys):
    assert main(["search", "--db", db, "--text", "depot", "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["doc_id"] == "r1"
    assert main(["search", "--db", db, "--docs", "depot near"]) == 0
    assert "r1" in capsys.readouterr().out


def test_profile_and_top_dyads(db, capsys):
    assert main(["profile", "AZE", "--db", db, "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {(r["direction"], r["counterpart"], r["event"]) for r in rows} == {
        ("outgoing", "ISR", "SANCTION"),
        ("incoming", "ISR", "ASSAULT"),
    }
    assert main(["top-dyads", "--db", db, "--since", "2024-01-01"]) == 0
    assert "Most conflictual" in capsys.readouterr().out


def test_export_to_file(db, tmp_path, capsys):
    out = tmp_path / "e.jsonl"
    assert main(["export", "--db", db, "--format", "plover-jsonl", "--out", str(out), "--actor", "ISR"]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    assert main(["export", "--db", db, "--format", "parquet"]) == 2  # parquet needs --out
    assert "E406" in capsys.readouterr().err


def test_missing_store_is_a_coded_error(tmp_path, capsys):
    assert main(["summary", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "E403" in capsys.readouterr().err
