"""Scoring levels and gold readers of cablegram.evaluate, on hand-made gold."""

from __future__ import annotations

import json
from datetime import date

import pytest

from cablegram.errors import CodingError
from cablegram.evaluate import GoldSentence, event_tuples, read_gold, score
from cablegram.records import Actor, Event, TextSpan


def _gold(events, no_event=False):
    return GoldSentence(sent_id="s", text="t", events=tuple(events), no_event=no_event)


def test_levels_count_partial_matches_differently():
    gold = [_gold([("NVLGOV", "VSK", "0571")])]
    pred = [[("NVLMIL", "VSK", "057")]]
    r = score(gold, pred)
    assert r.level("full").tp == 0 and r.level("full").fp == 1 and r.level("full").fn == 1
    assert r.level("root").tp == 1  # NVL, VSK, 05
    assert r.level("dyad").tp == 0
    assert r.level("code").tp == 0


def test_multiset_and_micro_average():
    gold = [_gold([("A", "B", "010"), ("A", "B", "010")]), _gold([("C", "D", "190")])]
    pred = [[("A", "B", "010")], [("C", "D", "190"), ("D", "C", "190")]]
    full = score(gold, pred).level("full")
    assert (full.tp, full.fp, full.fn) == (2, 1, 1)
    assert full.precision == pytest.approx(2 / 3) and full.recall == pytest.approx(2 / 3)
    assert full.f1 == pytest.approx(2 / 3)


def test_false_events_on_no_event_sentences():
    gold = [_gold([], no_event=True), _gold([]), _gold([("A", "B", "010")])]
    pred = [[("A", "B", "010"), ("B", "A", "010")], [], [("A", "B", "010")]]
    r = score(gold, pred)
    assert r.no_event_sentences == 2 and r.false_events == 2 and r.sentences_with_false_events == 1
    assert [e["id"] for e in r.errors] == ["s"]


def test_event_tuples_pairs_actor_codes():
    span = TextSpan(text="met", start=0, end=3)
    a, b, c = (Actor(text=x, start=0, end=1, cameo_code=x) for x in ("NVL", "VSK", "IGOTGA"))
    ev = Event(
        event_id="e",
        doc_id="d",
        sentence_index=0,
        sentence="",
        trigger=span,
        event="CONSULT",
        cameo="040",
        actor=(a,),
        recipient=(b, c),
    )
    assert event_tuples([ev]) == [("NVL", "VSK", "040"), ("NVL", "IGOTGA", "040")]


def test_read_jsonl(tmp_path):
    path = tmp_path / "g.jsonl"
    rows = [
        {
            "id": "x1",
            "text": "Norvalia met Vestmark.",
            "date": "1996-02-03",
            "gold": {"events": [{"source": "NVL", "target": "VSK", "cameo": "040"}], "no_event": False},
        },
        {"id": "x2", "text": "Nothing happened.", "gold": {"events": [], "no_event": True}},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    gold = read_gold(path)
    assert gold[0].date == date(1996, 2, 3) and gold[0].events == (("NVL", "VSK", "040"),)
    assert gold[1].no_event and gold[1].date is None


def test_read_jsonl_malformed_line_is_e304(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text('{"id": "a", "text": "x"}\n{"id": "b"}\n', encoding="utf-8")
    with pytest.raises(CodingError) as info:
        read_gold(path)
    assert info.value.code == "E304" and "line 2" in info.value.message


def test_read_petr_xml(tmp_path):
    path = tmp_path / "g.xml"
    path.write_text(
        """<Validation><Sentences>
        <Sentence date="19960203" id="P1"><!-- a comment -->
          <EventCoding eventcode="040" sourcecode="NVL" targetcode="VSK" />
          <EventCoding eventcode="040" sourcecode="VSK" targetcode="NVL" />
          <Text>Norvalia met
          Vestmark.</Text></Sentence>
        <Sentence date="19960204" id="P2"><EventCoding noevents="True" /><Text>Quiet day.</Text></Sentence>
        </Sentences></Validation>""",
        encoding="utf-8",
    )
    gold = read_gold(path, fmt="petr-xml")
    assert gold[0].text == "Norvalia met Vestmark." and gold[0].date == date(1996, 2, 3)
    assert len(gold[0].events) == 2 and gold[1].no_event and not gold[1].events


def test_unknown_format_is_e304(tmp_path):
    path = tmp_path / "g.txt"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(CodingError):
        read_gold(path, fmt="csv")
