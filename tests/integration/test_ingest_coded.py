"""Ingested formats coded end to end with the real model: metadata reaches the events."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cablegram.cli import main
from cablegram.ingest import IngestOptions, read_inputs
from cablegram.records import Document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"

pytestmark = pytest.mark.integration


def test_cable_events_carry_the_reference_id_and_cable_date(pipeline):
    (doc,) = read_inputs([str(FIXTURES / "telegram.cable")], options=IngestOptions(language_check=False))
    coded = pipeline.code_document(doc)
    arrests = [e for e in coded.events if e.trigger.text == "detained"]
    assert arrests and arrests[0].doc_id == "09BAKU417"
    # markings are gone from the text, so no event sentence starts with one
    assert not any(e.sentence.lstrip().startswith(("1.", "(C)")) for e in coded.events)


def test_html_boilerplate_yields_no_events(pipeline):
    docs = [d for d in read_inputs([str(FIXTURES / "article.html")], options=IngestOptions())
            if isinstance(d, Document)]
    events = [e for coded in pipeline.code_documents(docs) for e in coded.events]
    sentences = " ".join(e.sentence for e in events)
    for boilerplate in ("tear gas", "Afghanistan", "invade", "veto"):
        assert boilerplate not in sentences


def test_cli_codes_a_mixed_folder_and_exits_1(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("news.rss", "telegram.cable", "records.jsonl", "truncated.html"):
        shutil.copy(FIXTURES / name, folder / name)
    out = tmp_path / "events.jsonl"
    status = main(["code", str(folder), "--out", str(out)])
    err = capsys.readouterr().err
    events = [json.loads(line) for line in out.read_text().splitlines()]
    assert status == 1
    assert "E113" in err and "E106" in err and "Traceback" not in err
    by_doc = {e["doc_id"] for e in events}
    assert "09BAKU417" in by_doc
    assert "https://steppewire.example.net/2024/03/bishkek-protest" in by_doc
    bishkek = next(e for e in events if e["doc_id"].endswith("bishkek-protest"))
    assert bishkek["event"] == "COERCE"
