"""JSONL and CSV: columns, line numbers, bad records (no model)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from cablegram.errors import IngestError
from cablegram.ingest import IngestOptions, read_inputs
from cablegram.ingest.jsonl import parse_date

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def _read(paths, **options):
    return list(read_inputs([str(p) for p in paths], options=IngestOptions(language_check=False, **options)))


def _codes(items):
    return [x.code if isinstance(x, IngestError) else x.doc_id for x in items]


def test_jsonl_good_lines_become_documents_and_bad_lines_name_their_line():
    out = _read([FIXTURES / "records.jsonl"])
    assert _codes(out) == ["j-1", "E106", "j-3", "E106", "E108"]
    first = out[0]
    assert first.published == date(2024, 1, 5) and first.title == "Shelling claims" and first.source == "Wire"
    assert first.path.endswith("records.jsonl:1")
    assert "records.jsonl:2" in out[1].message
    assert "records.jsonl:5" in out[4].message


def test_jsonl_with_named_columns(tmp_path):
    path = tmp_path / "custom.jsonl"
    path.write_text('{"key": "k9", "story": "Turkey recalled its ambassador.", "day": "20240301"}\n')
    (doc,) = _read([path], text_column="story", id_column="key", date_column="day")
    assert (doc.doc_id, doc.published) == ("k9", date(2024, 3, 1))
    assert doc.text == "Turkey recalled its ambassador."


def test_jsonl_bad_date_warns_and_keeps_the_record(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text('{"id": "a", "text": "Some text.", "date": "last Tuesday"}\n')
    warning, doc = _read([path])
    assert warning.code == "E124" and "d.jsonl:1" in warning.message
    assert (doc.doc_id, doc.published) == ("a", None)


def test_csv_with_named_columns():
    out = _read([FIXTURES / "stories.csv"], text_column="body", id_column="story_id", date_column="published")
    assert _codes(out) == ["csv-1", "csv-2", "E108"]
    assert out[0].published == date(2024, 2, 20) and out[0].input_format == "csv"
    assert out[0].title == "Ministers meet"  # a 'headline' column fills the title
    assert out[1].text.startswith("The European Union imposed")


def test_csv_picks_a_usual_text_column(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('id,content\nx1,"Japan and India held naval exercises, officials said."\n')
    (doc,) = _read([path])
    assert doc.doc_id == "x1" and doc.text.startswith("Japan")


def test_csv_without_the_named_column_is_one_error_listing_the_columns():
    (err,) = _read([FIXTURES / "stories.csv"], text_column="article_text")
    assert err.code == "E111"
    assert "article_text" in err.message and "headline" in err.message


def test_tsv_and_an_overlong_field(tmp_path):
    path = tmp_path / "t.tsv"
    rows = ["id\ttext", "t1\tKenya deployed police to Haiti.", "t2\t" + "y" * 500, "t3\tShort again."]
    path.write_text("\n".join(rows) + "\n")
    out = _read([path], max_line_bytes=200)
    assert _codes(out) == ["t1", "E115", "t3"]
    assert "t.tsv" in out[1].message and "Line 3" in out[1].message


def test_parse_date_forms():
    assert parse_date("2024-05-01T10:00:00Z") == date(2024, 5, 1)
    assert parse_date("19950103") == date(1995, 1, 3)


def test_delimiter_comes_from_the_header_not_the_text(tmp_path):
    path = tmp_path / "semi.csv"
    path.write_text('id;text\ns1;"Officials said: talks, again, failed; both sides left."\n')
    (doc,) = _read([path])
    assert doc.doc_id == "s1" and doc.text == "Officials said: talks, again, failed; both sides left."
