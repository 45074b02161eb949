"""`cablegram code` over a folder of good and bad files, with a stand-in pipeline (no model)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cablegram.cli import main
from cablegram.records import CodedDocument, Event, TextSpan

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


class _FirstWordPipeline:
    """Codes one event per document, triggered on its first word, so the CLI path is exercised."""

    def code_documents(self, documents):
        for doc in documents:
            word = doc.text.split()[0]
            event = Event(
                event_id=f"e-{doc.doc_id}", doc_id=doc.doc_id, sentence_index=0, sentence=doc.text,
                trigger=TextSpan(text=word, start=0, end=len(word)), event="CONSULT", cameo="040",
            )
            yield CodedDocument(document=doc, events=(event,))


@pytest.fixture(autouse=True)
def stand_in_pipeline(monkeypatch):
    """Every `code` run in this module uses the stand-in through the local executor."""
    from cablegram.scale import LocalExecutor

    def make_executor(settings):
        return LocalExecutor(settings=settings, pipeline=_FirstWordPipeline())

    monkeypatch.setattr("cablegram.scale.make_executor", make_executor)


@pytest.fixture
def mixed_folder(tmp_path):
    names = ("plain.txt", "records.jsonl", "telegram.cable", "news.rss", "truncated.html", "francais.txt")
    for name in names:
        shutil.copy(FIXTURES / name, tmp_path / name)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
    (tmp_path / "copy_of_plain.md").write_text((FIXTURES / "plain.txt").read_text())
    return tmp_path


def test_code_reports_bad_inputs_codes_good_ones_and_exits_1(mixed_folder, tmp_path, capsys):
    out = tmp_path / "events.jsonl"
    status = main(["code", str(mixed_folder), "--out", str(out)])
    err = capsys.readouterr().err
    assert status == 1
    doc_ids = {json.loads(line)["doc_id"] for line in out.read_text().splitlines()}
    assert {"j-1", "j-3", "09BAKU417", "steppewire-2024-0311"} <= doc_ids
    assert len(doc_ids) == 6  # plain.txt once: its copy is a duplicate
    for code, name in [("E104", "empty.txt"), ("E105", "photo.txt"), ("E106", "records.jsonl:2"),
                       ("E113", "truncated.html"), ("E112", "francais.txt")]:
        assert any(line.startswith(f"error: {code}") and name in line for line in err.splitlines()), code
    assert "Traceback" not in err
    assert "coded 6 documents, 6 events" in err
    assert "1 duplicates" in err and "1 non-English" in err


def test_input_flags_reach_the_readers(tmp_path, capsys):
    shutil.copy(FIXTURES / "stories.csv", tmp_path / "stories.csv")
    shutil.copy(FIXTURES / "latin1.txt", tmp_path / "latin1.txt")
    out = tmp_path / "events.jsonl"
    status = main([
        "code", str(tmp_path), "--out", str(out), "--text-column", "body", "--id-column", "story_id",
        "--date-column", "published", "--encoding", "auto", "--exclude", "events.jsonl",
        "--no-language-check",
    ])
    err = capsys.readouterr().err
    events = [json.loads(line) for line in out.read_text().splitlines()]
    assert {e["doc_id"] for e in events} >= {"csv-1", "csv-2"}
    assert any(e["sentence"].startswith("Police in San José") for e in events)
    assert status == 1 and "stories.csv:4" in err  # the row with an empty body


def test_all_good_inputs_exit_0(tmp_path, capsys):
    status = main(["code", str(FIXTURES / "plain.txt"), "--out", str(tmp_path / "o.jsonl")])
    assert status == 0 and "coded 1 documents" in capsys.readouterr().err
