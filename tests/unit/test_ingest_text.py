"""Plain text, decoding and the long-line limit (no model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cablegram.errors import IngestError
from cablegram.ingest import IngestOptions, read_inputs
from cablegram.ingest.text import check_encoding, decode_bytes, find_long_line, looks_binary

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
NO_LANG = IngestOptions(language_check=False)


def _read(paths, **options):
    return list(read_inputs([str(p) for p in paths], options=IngestOptions(language_check=False, **options)))


def test_plain_text_file_is_one_document():
    (doc,) = _read([FIXTURES / "plain.txt"])
    assert doc.input_format == "text"
    assert doc.text.startswith("Turkish officials said")
    assert doc.doc_id == doc.content_hash[:16]


def test_published_option_fills_documents_without_a_date():
    from datetime import date

    (doc,) = _read([FIXTURES / "plain.txt"], published=date(2024, 1, 2))
    assert doc.published == date(2024, 1, 2)


def test_latin1_is_refused_as_utf8_and_read_with_its_codec_or_auto():
    (err,) = _read([FIXTURES / "latin1.txt"])
    assert isinstance(err, IngestError) and err.code == "E103" and "latin1.txt" in err.message
    for encoding in ("latin-1", "auto"):
        (doc,) = _read([FIXTURES / "latin1.txt"], encoding=encoding)
        assert "San José" in doc.text and "Bogotá" in doc.text


def test_unknown_encoding_name_is_one_coded_error():
    assert check_encoding("klingon-8").code == "E118"
    out = _read([FIXTURES / "plain.txt"], encoding="klingon-8")
    assert [e.code for e in out] == ["E118"]


def test_wrong_codec_names_the_codec():
    with pytest.raises(IngestError) as info:
        decode_bytes("Bogotá".encode("utf-16-le"), label="x.txt", encoding="ascii")
    assert info.value.code == "E117" and "ascii" in info.value.message


def test_utf8_byte_order_mark_is_not_text():
    assert decode_bytes(b"\xef\xbb\xbfHello", label="x", encoding="utf-8") == "Hello"


def test_binary_and_empty_files(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n")
    out = _read([FIXTURES / "image.bin", empty], include=("*",))
    assert [e.code for e in out] == ["E105", "E104"]
    assert looks_binary(b"\xff\xfeh\x00i\x00") is False  # UTF-16 with its BOM is text


def test_missing_file_and_folder_without_text(tmp_path):
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    out = _read([tmp_path / "nope.txt", tmp_path])
    assert [e.code for e in out] == ["E101", "E102"]
    assert "nope.txt" in out[0].message


def test_long_line_is_found_without_splitting():
    data = b"short\n" + b"x" * 1000 + b"\nshort"
    assert find_long_line(data, 999) == (2, 1000)
    assert find_long_line(data, 1000) is None
    assert find_long_line("a\nbb", 1) == (2, 2)


def test_a_50_mb_line_is_one_coded_error_and_the_batch_goes_on(tmp_path):
    huge = tmp_path / "huge.jsonl"
    with huge.open("wb") as fh:
        fh.write(b'{"id": "ok-1", "text": "Police detained 25 demonstrators in Baku."}\n')
        fh.write(b'{"id": "big", "text": "' + b"a" * (50 * 1024 * 1024) + b'"}\n')
        fh.write(b'{"id": "ok-2", "text": "Israel sold weapons to Azerbaijan."}\n')
    out = _read([huge])
    assert [getattr(x, "doc_id", None) or x.code for x in out] == ["ok-1", "E115", "ok-2"]
    assert "huge.jsonl" in out[1].message and "Line 2" in out[1].message


def test_whole_file_formats_with_an_overlong_line(tmp_path):
    text = tmp_path / "one_line.txt"
    text.write_text("word " * 100)
    page = tmp_path / "minified.html"
    page.write_text("<html><body><p>" + "word " * 100 + "</p></body></html>")
    out = _read([text, page], max_line_bytes=100)
    assert [e.code for e in out] == ["E115", "E115"]
    assert "minified.html" in out[1].message


def test_stdin_is_read_as_text(monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.StringIO("Russia accused Ukraine of shelling."))
    (doc,) = list(read_inputs(["-"], options=NO_LANG))
    assert doc.path == "<stdin>" and doc.text.startswith("Russia")


def test_stdin_jsonl_is_sniffed(monkeypatch):
    import io
    import sys

    lines = '{"id": "s1", "text": "Police detained 25 demonstrators in Baku."}\n{"id": "s2", "text": ""}\n'
    monkeypatch.setattr(sys, "stdin", io.StringIO(lines))
    out = list(read_inputs(["-"], options=NO_LANG))
    assert out[0].doc_id == "s1" and out[0].input_format == "jsonl"
    assert out[1].code == "E108" and "<stdin>:2" in out[1].message
