"""What real text needs from the coder, on hand-built parses (no model): implicit actors, modal
demands, speech acts coded once, words that are not events, the writer as 'we', blame."""

from __future__ import annotations

from cablegram.coder import EventCoder

from .coder_docs import code_rows, context, parse_tagged

_code = code_rows


# "Four activists were detained ."
DETAINED_PASSIVE = [
    ("Four", "four", "NUM", "CD", "nummod", 1),
    ("activists", "activist", "NOUN", "NNS", "nsubjpass", 3),
    ("were", "be", "AUX", "VBD", "auxpass", 3),
    ("detained", "detain", "VERB", "VBN", "ROOT", 3),
    (".", ".", "PUNCT", ".", "punct", 3),
]


def test_an_arrest_without_a_named_doer_is_the_states_police():
    (event,) = _code(DETAINED_PASSIVE, [(1, 1, None, "OPP")], home="BLR")
    assert event.event == "COERCE"
    (police,) = event.actor
    assert (police.country, police.sector, police.text, police.kb_id) == ("BLR", "COP", "", "implicit:coerce")
    assert [r.text for r in event.recipient] == ["activists"]


def test_an_arrest_is_placed_in_the_country_of_those_arrested():
    (event,) = _code(DETAINED_PASSIVE, [(1, 1, "ZWE", "OPP")], home="ZAF")
    assert event.actor[0].country == "ZWE"


def test_no_implicit_doer_without_a_country():
    (event,) = _code(DETAINED_PASSIVE, [(1, 1, None, "OPP")])
    assert event.actor == ()


# "The government should release the prisoners ."
SHOULD_RELEASE = [
    ("The", "the", "DET", "DT", "det", 1),
    ("government", "government", "NOUN", "NN", "nsubj", 3),
    ("should", "should", "AUX", "MD", "aux", 3),
    ("release", "release", "VERB", "VB", "ROOT", 3),
    ("the", "the", "DET", "DT", "det", 5),
    ("prisoners", "prisoner", "NOUN", "NNS", "dobj", 3),
    (".", ".", "PUNCT", ".", "punct", 3),
]


def test_should_is_an_appeal_to_the_subject():
    (event,) = _code(SHOULD_RELEASE, [(0, 1, "VEN", "GOV")])
    assert (event.event, event.cameo) == ("REQUEST", "0253")
    assert [r.text for r in event.recipient] == ["The government"] and event.actor == ()


# "The United States urged Russia to withdraw troops ."
URGED = [
    ("The", "the", "DET", "DT", "det", 2),
    ("United", "United", "PROPN", "NNP", "compound", 2),
    ("States", "States", "PROPN", "NNP", "nsubj", 3),
    ("urged", "urge", "VERB", "VBD", "ROOT", 3),
    ("Russia", "Russia", "PROPN", "NNP", "dobj", 3),
    ("to", "to", "PART", "TO", "aux", 6),
    ("withdraw", "withdraw", "VERB", "VB", "xcomp", 3),
    ("troops", "troop", "NOUN", "NNS", "dobj", 6),
    (".", ".", "PUNCT", ".", "punct", 3),
]


def test_an_appeal_is_coded_once_as_the_appeal():
    (event,) = _code(URGED, [(0, 2, "USA", None), (4, 4, "RUS", None)])
    assert event.event == "REQUEST"
    assert [r.text for r in event.recipient] == ["Russia"]


# "We condemn the attack ." in a U.S. government statement
WE_CONDEMN = [
    ("We", "we", "PRON", "PRP", "nsubj", 1),
    ("condemn", "condemn", "VERB", "VBP", "ROOT", 1),
    ("the", "the", "DET", "DT", "det", 3),
    ("attack", "attack", "NOUN", "NN", "dobj", 1),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_we_is_the_writer():
    events = _code(WE_CONDEMN, [], url="https://2009-2017.state.gov/r/pa/prs/ps/2015/02/1.htm")
    condemn = next(e for e in events if e.event == "ACCUSE")
    assert [(a.text, a.country, a.sector) for a in condemn.actor] == [("We", "USA", "GOV")]


def test_we_stays_unknown_when_the_writer_is():
    events = _code(WE_CONDEMN, [], url="https://example.org/opinion")
    assert next(e for e in events if e.event == "ACCUSE").actor == ()


def test_an_object_event_is_coded_at_its_first_mention_only():
    """'condemns the attack': new information the first time, a back-reference after."""
    assert [e.event for e in _code(WE_CONDEMN, [])] == ["ACCUSE", "ASSAULT"]
    doc = parse_tagged(WE_CONDEMN)
    ctx = context(doc)
    ctx.memory["coder.kinds"] = {"ASSAULT"}  # the document reported an attack before
    assert [e.event for e in EventCoder().code(doc, [], ctx).events] == ["ACCUSE"]


# "Iran-backed militias attacked the base on March 2 ."
BACKED = [
    ("Iran", "Iran", "PROPN", "NNP", "npadvmod", 2),
    ("-", "-", "PUNCT", "HYPH", "punct", 2),
    ("backed", "back", "VERB", "VBN", "amod", 3),
    ("militias", "militia", "NOUN", "NNS", "nsubj", 4),
    ("attacked", "attack", "VERB", "VBD", "ROOT", 4),
    ("the", "the", "DET", "DT", "det", 6),
    ("base", "base", "NOUN", "NN", "dobj", 4),
    ("on", "on", "ADP", "IN", "prep", 4),
    ("March", "March", "PROPN", "NNP", "pobj", 7),
    ("2", "2", "NUM", "CD", "nummod", 8),
    (".", ".", "PUNCT", ".", "punct", 4),
]


def test_adjectival_participles_and_months_are_not_events():
    ents = ["O"] * 8 + ["B-DATE", "I-DATE", "O"]
    events = _code(BACKED, [(0, 3, "IRQ", "PRM")], ents=ents)
    assert [e.event for e in events] == ["ASSAULT"]


# "It frequently kidnaps foreigners ."
HABIT = [
    ("It", "it", "PRON", "PRP", "nsubj", 2),
    ("frequently", "frequently", "ADV", "RB", "advmod", 2),
    ("kidnaps", "kidnap", "VERB", "VBZ", "ROOT", 2),
    ("foreigners", "foreigner", "NOUN", "NNS", "dobj", 2),
    (".", ".", "PUNCT", ".", "punct", 2),
]


def test_a_habit_is_not_an_event():
    assert _code(HABIT, [(3, 3, None, "CVL")]) == ()


# "The fighting was sparked by an intrusion of Cambodian troops ."
SPARKED = [
    ("The", "the", "DET", "DT", "det", 1),
    ("fighting", "fighting", "NOUN", "NN", "nsubjpass", 3),
    ("was", "be", "AUX", "VBD", "auxpass", 3),
    ("sparked", "spark", "VERB", "VBN", "ROOT", 3),
    ("by", "by", "ADP", "IN", "agent", 3),
    ("an", "an", "DET", "DT", "det", 6),
    ("intrusion", "intrusion", "NOUN", "NN", "pobj", 4),
    ("of", "of", "ADP", "IN", "prep", 6),
    ("Cambodian", "Cambodian", "ADJ", "JJ", "amod", 9),
    ("troops", "troop", "NOUN", "NNS", "pobj", 7),
    (".", ".", "PUNCT", ".", "punct", 3),
]


def test_blame_for_starting_the_fighting_is_an_accusation():
    (event,) = _code(SPARKED, [(8, 9, "KHM", "MIL")])
    assert (event.event, event.cameo) == ("ACCUSE", "1123")
    assert [r.country for r in event.recipient] == ["KHM"]


# "The council was formed to negotiate a transition ."
PURPOSE = [
    ("The", "the", "DET", "DT", "det", 1),
    ("council", "council", "NOUN", "NN", "nsubjpass", 3),
    ("was", "be", "AUX", "VBD", "auxpass", 3),
    ("formed", "form", "VERB", "VBN", "ROOT", 3),
    ("to", "to", "PART", "TO", "aux", 5),
    ("negotiate", "negotiate", "VERB", "VB", "advcl", 3),
    ("a", "a", "DET", "DT", "det", 7),
    ("transition", "transition", "NOUN", "NN", "dobj", 5),
    (".", ".", "PUNCT", ".", "punct", 3),
]


def test_a_purpose_is_not_an_event():
    assert _code(PURPOSE, [(0, 1, "BLR", "OPP")]) == ()


# "Two diplomats were denied entry ."
DENIED = [
    ("Two", "two", "NUM", "CD", "nummod", 1),
    ("diplomats", "diplomat", "NOUN", "NNS", "nsubjpass", 3),
    ("were", "be", "AUX", "VBD", "auxpass", 3),
    ("denied", "deny", "VERB", "VBN", "ROOT", 3),
    ("entry", "entry", "NOUN", "NN", "dobj", 3),
    (".", ".", "PUNCT", ".", "punct", 3),
]


def test_what_is_done_to_people_by_no_one_named_is_the_states():
    (event,) = _code(DENIED, [(1, 1, "ESP", "GOV")], home="HND")
    assert event.event == "REJECT"
    assert [(a.country, a.sector, a.text) for a in event.actor] == [("HND", "GOV", "")]


# "The minister warned that the group was a threat ."
WARNED_THREAT = [
    ("The", "the", "DET", "DT", "det", 1),
    ("minister", "minister", "NOUN", "NN", "nsubj", 2),
    ("warned", "warn", "VERB", "VBD", "ROOT", 2),
    ("that", "that", "SCONJ", "IN", "mark", 6),
    ("the", "the", "DET", "DT", "det", 5),
    ("group", "group", "NOUN", "NN", "nsubj", 6),
    ("was", "be", "AUX", "VBD", "ccomp", 2),
    ("a", "a", "DET", "DT", "det", 8),
    ("threat", "threat", "NOUN", "NN", "attr", 6),
    (".", ".", "PUNCT", ".", "punct", 2),
]


def test_calling_someone_a_threat_is_a_denunciation_not_a_threat():
    (event,) = _code(WARNED_THREAT, [(0, 1, "EGY", "GOV"), (4, 5, "EGY", "OPP")])
    assert (event.event, event.cameo) == ("ACCUSE", "111")
    assert [a.sector for a in event.actor] == ["GOV"] and [r.sector for r in event.recipient] == ["OPP"]


# "Tsvangirai held a conference denouncing the violence ."
DENOUNCING = [
    ("Tsvangirai", "Tsvangirai", "PROPN", "NNP", "nsubj", 1),
    ("held", "hold", "VERB", "VBD", "ROOT", 1),
    ("a", "a", "DET", "DT", "det", 3),
    ("conference", "conference", "NOUN", "NN", "dobj", 1),
    ("denouncing", "denounce", "VERB", "VBG", "acl", 3),
    ("the", "the", "DET", "DT", "det", 6),
    ("violence", "violence", "NOUN", "NN", "dobj", 4),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_a_participle_on_an_object_is_done_by_the_subject_that_holds_it():
    events = _code(DENOUNCING, [(0, 0, "ZWE", "OPP")])
    denounce = next(e for e in events if e.event == "ACCUSE")
    assert [a.text for a in denounce.actor] == ["Tsvangirai"]
