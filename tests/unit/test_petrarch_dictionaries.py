"""PETRARCH dictionary parsers on small dictionaries written for these tests."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from cablegram.errors import CodingError, ResolutionError
from cablegram.petrarch import (
    import_petrarch,
    load_dictionaries,
    parse_actor_dictionary,
    parse_agent_dictionary,
    parse_discard_dictionary,
    parse_verb_dictionary,
    to_kb_entries,
)
from cablegram.petrarch.dictionaries import phrase_words, plural_forms
from cablegram.records import kb_entry_from_json

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "petrarch"


def _text(name: str) -> str:
    return (FIX / name).read_text(encoding="utf-8")


def test_actor_synonyms_and_codes():
    actors = {a.name: a for a in parse_actor_dictionary(_text("Test.actors.txt"))}
    assert set(actors) == {"NORVALIA", "VESTMARK", "ADA KOVRIN", "TOLL-GATE ALLIANCE", "BOGUS BAND"}
    nvl = actors["NORVALIA"]
    assert nvl.code == "NVL"
    assert ("norvalian",) in nvl.phrases and ("port", "esker") in nvl.phrases
    assert actors["TOLL-GATE ALLIANCE"].phrases[0] == ("toll", "-", "gate", "alliance")


def test_actor_dated_roles_resolve_by_date():
    kovrin = next(a for a in parse_actor_dictionary(_text("Test.actors.txt")) if a.name == "ADA KOVRIN")
    assert kovrin.code is None and len(kovrin.dated) == 3
    assert kovrin.code_on(date(1990, 5, 1)) == "VSKELI"
    assert kovrin.code_on(date(1995, 1, 1)) == "VSKGOV"
    assert kovrin.code_on(date(1999, 12, 31)) == "VSKGOV"
    assert kovrin.code_on(date(2003, 1, 1)) == "VSKOPP"
    assert kovrin.code_on(None) is None


@pytest.mark.parametrize(
    "text,line,detail",
    [
        ("NORVALIA [NVL\n", 2, "unbalanced"),
        ("\t[NVL]\n", 2, "before any actor"),
        ("+NORVALIAN\n", 2, "synonym before"),
        ("NORVALIA\n\t[NVL 9901-990101]\n", 3, "bad date"),
    ],
)
def test_actor_malformed_lines_raise_e201_with_line(text, line, detail):
    with pytest.raises(ResolutionError) as info:
        parse_actor_dictionary("# header\n" + text, path="x.actors.txt", strict=True)
    assert info.value.code == "E201"
    assert f"line {line}:" in info.value.message and detail in info.value.message


def test_actor_malformed_lines_skipped_when_lenient():
    problems: list[ResolutionError] = []
    entries = parse_actor_dictionary("A [AAA\nB [BBB]\n", problems=problems)
    assert [e.code for e in entries] == ["BBB"]
    assert [p.code for p in problems] == ["E201"]


def test_agents_plurals_substitutions_and_prefix():
    agents = parse_agent_dictionary(_text("Test.agents.txt"))
    by_name = {a.name: a for a in agents}
    assert by_name["POLICE"].phrases == (("police",),)  # {} = no plural
    assert ("guards",) in by_name["GUARD"].phrases
    assert ("attorneys", "general") in by_name["ATTORNEY GENERAL"].phrases
    assert {"MINISTER OF WEATHER", "MINISTRY OF WEATHER"} <= set(by_name)
    assert ("ministries", "of", "weather") in by_name["MINISTRY OF WEATHER"].phrases
    assert by_name["CHARITY"].prefix and by_name["CHARITY"].code == "NGO"
    assert not by_name["ARMY"].prefix and ("armies",) in by_name["ARMY"].phrases


def test_agent_line_without_tilde_code_is_e201():
    with pytest.raises(ResolutionError) as info:
        parse_agent_dictionary("GUARD [MIL]\n", strict=True)
    assert info.value.code == "E201"


def test_discards_story_and_sentence():
    entries = parse_discard_dictionary(_text("Test.discards.txt"))
    assert [(e.phrase, e.story) for e in entries] == [
        (("chess", "match"), False),
        (("football", "league"), True),
    ]


def test_verbs_synsets_blocks_and_codes():
    verbs = parse_verb_dictionary(_text("Test.verbs.txt"))
    assert ("grand", "bargain") in verbs.synsets["PACTWORD"]
    assert ("deal",) in verbs.synsets["ALLWORDS"] and ("pact",) in verbs.synsets["ALLWORDS"]
    sign = verbs.blocks[0]
    assert sign.name == "SIGN" and sign.code.forward == "057"
    assert sign.patterns[0].code.forward == "0571"
    assert sign.patterns[1].code.forward == "057" and sign.patterns[1].code.backward == "057"
    assert sign.patterns[1].after[0].kind == "prep"
    assert {e.block for e in verbs.verbs["inked"]} == {0}
    seal = verbs.verbs["sealed"][0]
    assert seal.words == ("seal", "off") and seal.head == 0
    assert verbs.blocks[3].patterns[0].compound


def test_verb_pattern_without_code_is_e303():
    with pytest.raises(CodingError) as info:
        parse_verb_dictionary("--- SIGN [057] ---\nSIGN\n- * TREATY\n", path="v.txt")
    assert info.value.code == "E303" and "line 3" in info.value.message


def test_phrase_words_and_plurals():
    assert phrase_words("BARAD-DUR_") == ("barad", "-", "dur")
    assert phrase_words("U.S.") == ("u.s.",)
    assert plural_forms("authority") == ("authorities",)
    assert plural_forms("press") == ("presses",)
    assert plural_forms("congressman") == ("congressmen",)


def test_load_folder_and_kb_entries():
    d = load_dictionaries(FIX)
    assert len(d.actors) == 5 and d.verbs is not None and d.discards
    entries = to_kb_entries(list(d.actors), list(d.agents), source="petrarch:test")
    kovrin = next(e for e in entries if e.name == "Ada Kovrin")
    assert kovrin.kind == "person" and [r.cameo_code for r in kovrin.roles] == ["VSKELI", "VSKGOV", "VSKOPP"]
    assert next(e for e in entries if e.cameo_code == "NVL").kind == "state"


def test_load_empty_folder_is_e202(tmp_path):
    with pytest.raises(ResolutionError) as info:
        load_dictionaries(tmp_path)
    assert info.value.code == "E202"


def test_import_writes_one_file_per_dictionary_and_replaces(tmp_path):
    first = import_petrarch(FIX, kb_dir=tmp_path)
    assert sorted(r.target.name for r in first) == [
        "petrarch-Test.actors.jsonl",
        "petrarch-Test.agents.jsonl",
    ]
    again = import_petrarch(FIX, kb_dir=tmp_path)
    actors_file = tmp_path / "petrarch-Test.actors.jsonl"
    lines = actors_file.read_text(encoding="utf-8").splitlines()
    assert len(lines) == again[0].entries == 5  # replaced, not appended
    entries = [kb_entry_from_json(json.loads(line)) for line in lines]
    assert {e.source for e in entries} == {"petrarch:Test.actors.txt"}
    assert "toll-gate alliance" in next(e for e in entries if e.cameo_code == "IGOTGA").patterns


def test_kb_import_petrarch_command(tmp_path, capsys):
    import argparse

    from cablegram.cli.kb_petrarch import register_kb

    parser = argparse.ArgumentParser()
    register_kb(parser.add_subparsers(dest="kb_command"))
    args = parser.parse_args(["import-petrarch", str(FIX), "--kb-dir", str(tmp_path)])
    assert args.func(args) == 0
    out = capsys.readouterr().out
    assert "Test.actors.txt: 5 entries" in out and "imported" in out
    assert (tmp_path / "petrarch-Test.agents.jsonl").is_file()
