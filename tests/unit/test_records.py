from datetime import date

from cablegram.records import KBEntry, KBRole, content_hash, kb_entry_from_json, kb_entry_to_json, stable_id


def test_content_hash_ignores_case_and_whitespace():
    assert content_hash("Israel  sold\nweapons") == content_hash("israel sold weapons")
    assert content_hash("Israel sold weapons") != content_hash("Israel sold arms")


def test_stable_id_is_deterministic_and_short():
    assert stable_id("doc", 3, "061") == stable_id("doc", 3, "061")
    assert stable_id("doc", 3, "061") != stable_id("doc", 4, "061")
    assert len(stable_id("x")) == 16


def test_kb_entry_round_trips_through_json():
    entry = KBEntry(
        kb_id="petr:ALIYEV",
        name="Ilham Aliyev",
        patterns=("ILHAM ALIYEV", "ALIYEV"),
        kind="person",
        roles=(KBRole(country="AZE", sector="GOV", cameo_code="AZEGOV", start=date(2003, 10, 31)),),
    )
    assert kb_entry_from_json(kb_entry_to_json(entry)) == entry
