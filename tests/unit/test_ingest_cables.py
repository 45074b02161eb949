"""Diplomatic cables: header fields to metadata, markings out of the text (no model)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from cablegram.ingest import IngestOptions, detect_format, read_inputs
from cablegram.ingest.cables import clean_body, looks_cable

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def _read(name):
    (doc,) = read_inputs([str(FIXTURES / name)], options=IngestOptions(language_check=False))
    return doc


def test_telegram_header_becomes_metadata():
    doc = _read("telegram.cable")
    assert doc.input_format == "cable"
    assert doc.doc_id == "09BAKU417"
    assert doc.published == date(2009, 3, 14)
    assert doc.title == "AZERBAIJAN: POLICE DISPERSE OPPOSITION RALLY IN CENTRAL BAKU"
    assert doc.source == "AMEMBASSY BAKU"
    assert doc.meta["classification"] == "CONFIDENTIAL"
    assert doc.meta["tags"] == "PGOV PHUM PREL AJ"


def test_telegram_body_has_no_markings_or_routing():
    text = _read("telegram.cable").text
    for noise in ("(C)", "(SBU)", "(S/NF)", "(U)", "1.", "SIPDIS", "002 OF 002", "RUEHC", "Classified By",
                  "End Summary", "EXAMPLE", "TAGS"):
        assert noise not in text, noise
    assert text.startswith("Summary: Police detained at least 25 opposition activists on March 12")
    # hard-wrapped lines are joined: one paragraph per line
    assert "activists on March 12 when" in text
    assert len(text.split("\n\n")) == 4


def test_text_dump_with_a_reference_block():
    doc = _read("wikileaks_style.txt")
    assert doc.input_format == "cable"  # detected by its header although it is a .txt
    assert doc.doc_id == "10ANKARA226"
    assert doc.published == date(2010, 2, 9)
    assert doc.source == "Embassy Ankara"
    assert doc.meta["classification"].startswith("UNCLASSIFIED")
    assert doc.text.startswith("Turkey and Iran signed a memorandum")


def test_detection_needs_several_header_markers():
    assert looks_cable("TAGS: PREL\nSUBJECT: TALKS\nFM AMEMBASSY ROME\n")
    assert not looks_cable("SUBJECT: lunch on Friday\nSee you there.")
    assert detect_format("note.txt", b"SUBJECT: lunch\nBring food.") == "text"


def test_clean_body_strips_inline_and_lettered_markings():
    body = "5. (C) Main point.\n\nA. (S//NF) Sub point (SBU) continues.\n\n6. Plain numbered paragraph."
    assert clean_body(body) == "Main point.\n\nSub point continues.\n\nPlain numbered paragraph."


def test_upper_case_key_value_header():
    from cablegram.ingest.cables import parse_cable

    text = (
        "REF ID: 08TBILISI77\nDATE: 2008-01-16\nORIGIN: Embassy Tbilisi\nCLASSIFICATION: UNCLASSIFIED\n"
        "TAGS: PGOV GG\nSUBJECT: GEORGIA: OPPOSITION MARCHES AFTER THE VOTE\n\n"
        "1. (U) Thousands of opposition supporters marched in Tbilisi on January 13.\n"
    )
    doc = parse_cable(text, label="t.txt", options=IngestOptions())
    assert (doc.doc_id, doc.published, doc.source) == ("08TBILISI77", date(2008, 1, 16), "Embassy Tbilisi")
    assert doc.text == "Thousands of opposition supporters marched in Tbilisi on January 13."
    assert looks_cable(text)
