"""`cablegram kb lookup/add/import-petrarch` end to end (no model: lookups use the tokenizer only)."""

import json

from cablegram.cli import main


def test_lookup_explains_itself(capsys):
    assert main(["kb", "lookup", "the Israeli Foreign Ministry"]) == 0
    out = capsys.readouterr().out
    assert "ISRGOV" in out and "because" in out


def test_lookup_of_nothing_known_exits_1(capsys):
    assert main(["kb", "lookup", "a cat named Frank"]) == 1
    assert "not an actor" in capsys.readouterr().out


def test_add_csv_then_lookup_uses_it(tmp_path, capsys, monkeypatch):
    kb_dir = tmp_path / "kb"
    monkeypatch.setenv("CABLEGRAM_KB_DIR", str(kb_dir))
    src = tmp_path / "mine.csv"
    src.write_text("name,patterns,kind,country,sector\nKhazar Guard,Khazar Guard|the Guard,agency,AZE,MIL\n")
    assert main(["kb", "add", str(src)]) == 0
    assert main(["kb", "add", str(src)]) == 0  # re-adding replaces, never duplicates
    lines = (kb_dir / "user-mine.jsonl").read_text().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["country"] == "AZE"
    from cablegram.resolve.kb import default_kb

    default_kb.cache_clear()
    assert main(["kb", "lookup", "Khazar Guard"]) == 0
    assert "AZEMIL" in capsys.readouterr().out
    default_kb.cache_clear()


def test_add_rejects_a_bad_country_with_a_code(tmp_path, capsys):
    src = tmp_path / "bad.yaml"
    src.write_text("- name: Somebody\n  country: ATLANTIS\n")
    assert main(["kb", "add", str(src), "--kb-dir", str(tmp_path)]) == 2
    assert "E203" in capsys.readouterr().err


def test_import_petrarch_toy_dictionaries(shared_data, tmp_path, capsys):
    folder = shared_data / "petr_unittests" / "dictionaries"
    assert main(["kb", "import-petrarch", str(folder), "--kb-dir", str(tmp_path)]) == 0
    assert "imported" in capsys.readouterr().out
    assert list(tmp_path.glob("petrarch-*.jsonl"))
