"""The PETRARCH-compatible actors and coder over the real parse, with our test dictionaries."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from cablegram.evaluate import event_tuples
from cablegram.petrarch import PetrarchActors, PetrarchCoder, load_dictionaries, parse_verb_dictionary
from cablegram.pipeline import Pipeline
from cablegram.records import Document

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "petrarch"
pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def petr(nlp):
    d = load_dictionaries(FIX)
    return Pipeline(nlp=nlp, stages={"actors": PetrarchActors(d), "coder": PetrarchCoder(d)})


def _code(petr, text, when=date(1997, 5, 1)):
    return sorted(event_tuples(petr.code_text(text, published=when)))


def test_pattern_beats_block_default_and_agent_composes(petr):
    assert _code(petr, "Norvalian police signed a treaty with Vestmark.") == [("NVLCOP", "VSK", "0571")]


def test_symmetric_code_and_dated_role(petr):
    got = _code(petr, "Kovrin met the Norvalia army on Monday.", when=date(1997, 5, 1))
    assert got == [("NVLMIL", "VSKGOV", "040"), ("VSKGOV", "NVLMIL", "040")]
    later = _code(petr, "Kovrin met the Norvalia army on Monday.", when=date(2004, 5, 1))
    assert ("VSKOPP", "NVLMIL", "040") in later


def test_compound_subject_codes_each_pair(petr):
    got = _code(petr, "Norvalia and Vestmark denounced each other.")
    assert got == [("NVL", "VSK", "111"), ("VSK", "NVL", "111")]


def test_passive_by_agent_is_source(petr):
    assert _code(petr, "Vestmark was denounced by Norvalia.") == [("NVL", "VSK", "111")]


def test_phrasal_verb_and_prefix_agent(petr):
    got = _code(petr, "The Vestmark charity sealed off the roads into Norvalia.")
    assert got == [("NGOVSK", "NVL", "144")]


def test_discards_and_negation_code_nothing(petr):
    assert _code(petr, "Norvalia signed a treaty with Vestmark after the chess match.") == []
    assert _code(petr, "Norvalia did not sign a treaty with Vestmark.") == []


def test_mentions_carry_composed_codes(petr):
    doc = Document(doc_id="m", text="Norvalian police met Vestmark.", published=date(1997, 1, 1))
    coded = petr.code_document(doc)
    codes = {m.text: m.cameo_code for m in coded.mentions}
    assert codes["Norvalian"] == "NVLCOP" and codes["Vestmark"] == "VSK"


def test_agentless_passive_takes_source_from_object_side(petr):
    assert _code(petr, "Vestmark was denounced over its dispute with Norvalia.") == [("NVL", "VSK", "111")]


def test_events_keep_actor_evidence(petr):
    text = "Norvalian police signed a treaty with Vestmark."
    (event,) = petr.code_text(text, published=date(1997, 1, 1))
    assert event.trigger.text == "signed"
    assert text[event.actor[0].start : event.actor[0].end] == "Norvalian"
    assert event.recipient[0].text == "Vestmark" and event.recipient[0].cameo_code == "VSK"


def test_reported_event_folds_into_speaker(petr):
    got = _code(petr, "Norvalia said that the Vestmark army denounced Port Esker.")
    assert got == [("NVL", "VSKMIL", "111")]


def test_factuality_comes_from_the_shared_machinery(petr):
    # a refusal negates the verb below it: nothing is coded
    assert _code(petr, "Norvalia refused to sign a treaty with Vestmark.") == []
    (event,) = petr.code_text("Norvalia will sign a treaty with Vestmark.", published=date(1997, 5, 1))
    assert event.factuality == "planned" and event.cameo == "0571"


def test_relative_clause_takes_the_subject_of_its_noun(petr):
    # the shared machinery reads "who" as the police the clause is about
    got = _code(petr, "The Norvalian police, who signed a treaty with Vestmark, left.")
    assert got == [("NVLCOP", "VSK", "0571")]


def test_target_slot_before_the_verb_makes_the_subject_the_target(nlp):
    d = load_dictionaries(FIX)
    verbs = parse_verb_dictionary("--- RECEIVE  [033]  ---\nRECEIVE {RECEIVES RECEIVED}\n- + * MONEY $  [071]\n")
    petr = Pipeline(nlp=nlp, stages={"actors": PetrarchActors(d), "coder": PetrarchCoder(replace(d, verbs=verbs))})
    assert _code(petr, "Vestmark received money from Norvalia.") == [("NVL", "VSK", "071")]
    # a passive subject is the target already
    assert _code(petr, "Vestmark was received by Norvalia.") == [("NVL", "VSK", "033")]


def test_events_take_plover_type_and_scales_from_the_shared_ontology(petr):
    events = petr.code_text("Kovrin met the Norvalia army on Monday.", published=date(1997, 5, 1))
    assert {e.event for e in events} == {"CONSULT"}
    assert all(e.goldstein is not None and e.quad is not None for e in events)
