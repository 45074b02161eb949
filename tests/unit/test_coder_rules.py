"""The coder on hand-built parses: arguments, voice, nominal events, sizes, factuality."""

from __future__ import annotations

from dataclasses import replace

from cablegram.coder import EventCoder, cameo_dyads
from cablegram.coder.rules import strongest_event

from .coder_docs import DETAINED, NEGATED, NOMINAL, PASSIVE, SOLD, SPECULATIVE, VOWED, context, mention, parse


def _code(rows, spans):
    doc = parse(rows)
    mentions = [mention(doc, *s) for s in spans]
    return EventCoder().code(doc, mentions, context(doc))


def test_arrest_with_counts():
    out = _code(DETAINED, [(0,), (4, 6)])
    (event,) = out.events
    assert (event.event, event.mode, event.cameo, event.cameo_root) == ("COERCE", "arrest", "173", "17")
    assert [a.text for a in event.actor] == ["Police"]
    assert [r.text for r in event.recipient] == ["the 150 demonstrators"]
    assert (event.size.arrested, event.size.participants) == (25, 150)
    assert event.quad == 4 and event.goldstein == -5.0 and event.plover_score == -7.0
    assert event.trigger.text == "detained" and event.factuality == "asserted"


def test_recipient_in_to_phrase():
    (event,) = _code(SOLD, [(0,), (4,)]).events
    assert [a.text for a in event.actor] == ["Israel"]
    assert [r.text for r in event.recipient] == ["Azerbaijan"]
    assert event.event == "COOPERATE" and event.cameo == "062"


def test_passive_with_by_phrase_swaps_roles():
    (event,) = _code(PASSIVE, [(0,), (4,)]).events
    assert [a.text for a in event.actor] == ["Russia"]
    assert [r.text for r in event.recipient] == ["Azerbaijan"]


def test_nominal_event_of_and_by_phrases():
    (event,) = _code(NOMINAL, [(3,), (5,)]).events
    assert event.event == "ASSAULT" and event.cameo == "186"
    assert [a.text for a in event.actor] == ["Israel"]
    assert [r.text for r in event.recipient] == ["Mughniyah"]


def test_a_clear_trigger_is_kept_without_a_named_side_unless_asked():
    (event,) = _code(SOLD, []).events
    assert event.event == "COOPERATE" and event.actor == () and event.recipient == ()
    doc = parse(SOLD)
    strict = EventCoder(settings={"coder_require_argument": True})
    assert strict.code(doc, [], context(doc)).events == ()


def test_actor_is_never_also_recipient():
    doc = parse(SOLD)
    same = mention(doc, 0)
    out = EventCoder().code(doc, [same], context(doc))
    for e in out.events:
        assert not {(a.start, a.end) for a in e.actor} & {(r.start, r.end) for r in e.recipient}


def test_vow_to_retaliate_is_a_threat_against_the_target():
    (event,) = _code(VOWED, [(0,), (5,)]).events
    assert (event.event, event.mode) == ("THREATEN", "violence")
    assert [r.text for r in event.recipient] == ["Israel"]
    assert event.trigger.text == "vowed to retaliate"


def test_negation_and_speculation():
    (neg,) = _code(NEGATED, [(0,), (4,)]).events
    assert neg.factuality == "negated"
    (spec,) = _code(SPECULATIVE, [(0,), (4,)]).events
    assert spec.factuality == "speculative" and spec.attribution == "the cable"


def test_event_ids_are_stable_and_main_event_prefers_asserted():
    first = _code(NEGATED, [(0,), (4,)]).events
    again = _code(NEGATED, [(0,), (4,)]).events
    assert first[0].event_id == again[0].event_id
    asserted = _code(SOLD, [(0,), (4,)]).events[0]
    assert strongest_event([first[0], asserted]) is asserted
    assert strongest_event([]) is None


def test_cue_terms_cover_triggers_and_speech():
    cues = EventCoder().cue_terms()
    assert {"detained", "sold", "said", "advisory"} <= cues


def test_cameo_dyads_one_per_pair():
    (event,) = _code(SOLD, [(0,), (4,)]).events
    assert [(a.text, r.text) for a, r in cameo_dyads(event)] == [("Israel", "Azerbaijan")]
    reciprocal = replace(event, actor=event.actor + event.recipient, recipient=())
    pairs = [(a.text, b.text) for a, b in cameo_dyads(reciprocal)]
    assert pairs == [("Israel", "Azerbaijan"), ("Azerbaijan", "Israel")]
