"""Who did it, on hand-built parses (no model): object control, participles on nouns held by
someone, passive conjuncts of control verbs, events hung on verbs of happening, the writer as
the one who makes a demand no one is said to make; and who a mention names (runs of proper
nouns read whole, armed groups no one names)."""

from __future__ import annotations

import pytest

from cablegram.coder import EventCoder
from cablegram.coder.arguments import MentionIndex, find_arguments
from cablegram.resolve.actors import ActorResolver
from cablegram.resolve.kb import KnowledgeBase
from cablegram.resolve.kb.tables import builtin_entries

from .coder_docs import code_rows, context, mention, mentions_of, parse_tagged


def _args(rows, spans, trigger, event):
    doc = parse_tagged(rows)
    index = MentionIndex(doc, mentions_of(doc, spans), 0, named=False)
    return find_arguments(doc[trigger], event, index)


def _texts(actors):
    return [a.text for a in actors]


# "The crisis prompted the cabinet to appeal for aid ."
PROMPTED = [
    ("The", "the", "DET", "DT", "det", 1),
    ("crisis", "crisis", "NOUN", "NN", "nsubj", 2),
    ("prompted", "prompt", "VERB", "VBD", "ROOT", 2),
    ("the", "the", "DET", "DT", "det", 4),
    ("cabinet", "cabinet", "NOUN", "NN", "dobj", 2),
    ("to", "to", "PART", "TO", "aux", 6),
    ("appeal", "appeal", "VERB", "VB", "xcomp", 2),
    ("for", "for", "ADP", "IN", "prep", 6),
    ("aid", "aid", "NOUN", "NN", "pobj", 7),
    (".", ".", "PUNCT", ".", "punct", 2),
]


def test_the_object_of_a_control_verb_does_its_infinitive():
    args = _args(PROMPTED, [(3, 4, "PER", "GOV")], 6, "REQUEST")
    assert _texts(args.actor) == ["the cabinet"]


# "Lima urged Quito to withdraw its troops ."
URGED = [
    ("Lima", "Lima", "PROPN", "NNP", "nsubj", 1),
    ("urged", "urge", "VERB", "VBD", "ROOT", 1),
    ("Quito", "Quito", "PROPN", "NNP", "dobj", 1),
    ("to", "to", "PART", "TO", "aux", 4),
    ("withdraw", "withdraw", "VERB", "VB", "xcomp", 1),
    ("its", "its", "PRON", "PRP$", "poss", 6),
    ("troops", "troop", "NOUN", "NNS", "dobj", 4),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_the_one_urged_withdraws_not_the_one_urging():
    args = _args(URGED, [(0, 0, "PER", "GOV"), (2, 2, "ECU", "GOV")], 4, "RETREAT")
    assert _texts(args.actor) == ["Quito"]


# "Lima promised Quito to withdraw ."  (subject control: the promiser acts)
PROMISED = [
    ("Lima", "Lima", "PROPN", "NNP", "nsubj", 1),
    ("promised", "promise", "VERB", "VBD", "ROOT", 1),
    ("Quito", "Quito", "PROPN", "NNP", "dobj", 1),
    ("to", "to", "PART", "TO", "aux", 4),
    ("withdraw", "withdraw", "VERB", "VB", "xcomp", 1),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_a_promise_keeps_the_subject_as_the_doer():
    args = _args(PROMISED, [(0, 0, "PER", "GOV"), (2, 2, "ECU", "GOV")], 4, "RETREAT")
    assert _texts(args.actor) == ["Lima"]


# "The cabinet 's position , offering talks , has not changed ."
POSITION = [
    ("The", "the", "DET", "DT", "det", 1),
    ("cabinet", "cabinet", "NOUN", "NN", "poss", 3),
    ("'s", "'s", "PART", "POS", "case", 1),
    ("position", "position", "NOUN", "NN", "nsubj", 10),
    (",", ",", "PUNCT", ",", "punct", 3),
    ("offering", "offer", "VERB", "VBG", "appos", 3),
    ("talks", "talk", "NOUN", "NNS", "dobj", 5),
    (",", ",", "PUNCT", ",", "punct", 3),
    ("has", "have", "AUX", "VBZ", "aux", 10),
    ("not", "not", "PART", "RB", "neg", 10),
    ("changed", "change", "VERB", "VBN", "ROOT", 10),
    (".", ".", "PUNCT", ".", "punct", 10),
]


def test_a_participle_on_a_held_noun_is_done_by_its_holder():
    args = _args(POSITION, [(1, 1, "PER", "GOV")], 5, "AGREE")
    assert _texts(args.actor) == ["cabinet"]


# "The ministry tried to calm the rebels , issuing statements offering a truce ."
ISSUING = [
    ("The", "the", "DET", "DT", "det", 1),
    ("ministry", "ministry", "NOUN", "NN", "nsubj", 2),
    ("tried", "try", "VERB", "VBD", "ROOT", 2),
    ("to", "to", "PART", "TO", "aux", 4),
    ("calm", "calm", "VERB", "VB", "xcomp", 2),
    ("the", "the", "DET", "DT", "det", 6),
    ("rebels", "rebel", "NOUN", "NNS", "dobj", 4),
    (",", ",", "PUNCT", ",", "punct", 2),
    ("issuing", "issue", "VERB", "VBG", "advcl", 2),
    ("statements", "statement", "NOUN", "NNS", "dobj", 8),
    ("offering", "offer", "VERB", "VBG", "acl", 9),
    ("a", "a", "DET", "DT", "det", 12),
    ("truce", "truce", "NOUN", "NN", "dobj", 10),
    (".", ".", "PUNCT", ".", "punct", 2),
]


def test_a_participle_on_an_object_goes_back_to_the_clause_subject():
    args = _args(ISSUING, [(0, 1, "PER", "GOV"), (5, 6, "PER", "REB")], 10, "AGREE")
    assert _texts(args.actor) == ["The ministry"]


# "Marchers were met by the governor and ordered to disperse ."
ORDERED = [
    ("Marchers", "marcher", "NOUN", "NNS", "nsubjpass", 2),
    ("were", "be", "AUX", "VBD", "auxpass", 2),
    ("met", "meet", "VERB", "VBN", "ROOT", 2),
    ("by", "by", "ADP", "IN", "agent", 2),
    ("the", "the", "DET", "DT", "det", 5),
    ("governor", "governor", "NOUN", "NN", "pobj", 3),
    ("and", "and", "CCONJ", "CC", "cc", 2),
    ("ordered", "order", "VERB", "VBD", "conj", 2),
    ("to", "to", "PART", "TO", "aux", 9),
    ("disperse", "disperse", "VERB", "VB", "xcomp", 7),
    (".", ".", "PUNCT", ".", "punct", 2),
]


def test_a_control_verb_without_object_after_a_passive_shares_its_by_phrase():
    args = _args(ORDERED, [(0, 0, "PER", "PRO"), (4, 5, "PER", "GOV")], 7, "REQUEST")
    assert _texts(args.actor) == ["the governor"]
    assert _texts(args.recipient) == ["Marchers"]


# "Heavy fighting broke out between the army and the rebels ."
BROKE_OUT = [
    ("Heavy", "heavy", "ADJ", "JJ", "amod", 1),
    ("fighting", "fighting", "NOUN", "NN", "nsubj", 2),
    ("broke", "break", "VERB", "VBD", "ROOT", 2),
    ("out", "out", "ADP", "RP", "prt", 2),
    ("between", "between", "ADP", "IN", "prep", 2),
    ("the", "the", "DET", "DT", "det", 6),
    ("army", "army", "NOUN", "NN", "pobj", 4),
    ("and", "and", "CCONJ", "CC", "cc", 6),
    ("the", "the", "DET", "DT", "det", 9),
    ("rebels", "rebel", "NOUN", "NNS", "conj", 6),
    (".", ".", "PUNCT", ".", "punct", 2),
]


def test_the_parties_of_an_event_that_broke_out_are_its_actors():
    args = _args(BROKE_OUT, [(5, 6, "PER", "MIL"), (8, 9, "PER", "REB")], 1, "ASSAULT")
    assert _texts(args.actor) == ["the army", "the rebels"] and args.recipient == ()


# "The government should free the prisoners ."
SHOULD_FREE = [
    ("The", "the", "DET", "DT", "det", 1),
    ("government", "government", "NOUN", "NN", "nsubj", 3),
    ("should", "should", "AUX", "MD", "aux", 3),
    ("release", "release", "VERB", "VB", "ROOT", 3),
    ("the", "the", "DET", "DT", "det", 5),
    ("prisoners", "prisoner", "NOUN", "NNS", "dobj", 3),
    (".", ".", "PUNCT", ".", "punct", 3),
]


def test_a_demand_no_one_is_said_to_make_is_the_writers():
    doc = parse_tagged(SHOULD_FREE)
    ctx = context(doc, url="https://www.state.gov/statement-on-prisoners/")
    (event,) = EventCoder().code(doc, [mention(doc, 0, 1, country="PER", sector="GOV")], ctx).events
    assert event.event == "REQUEST"
    (who,) = event.actor
    assert (who.country, who.sector, who.text, who.kb_id) == ("USA", "GOV", "", "implicit:writer")
    assert _texts(event.recipient) == ["The government"]


def test_a_demand_in_a_text_of_unknown_provenance_has_no_doer():
    doc = parse_tagged(SHOULD_FREE)
    (event,) = EventCoder().code(doc, [mention(doc, 0, 1, country="PER", sector="GOV")], context(doc)).events
    assert event.actor == ()


# "Funds came from the United States Department ."  (no noun chunk over the name)
FUNDS = [
    ("Funds", "fund", "NOUN", "NNS", "nsubj", 1),
    ("came", "come", "VERB", "VBD", "ROOT", 1),
    ("from", "from", "ADP", "IN", "prep", 1),
    ("the", "the", "DET", "DT", "det", 6),
    ("United", "United", "PROPN", "NNP", "compound", 5),
    ("States", "States", "PROPN", "NNP", "compound", 6),
    ("Department", "Department", "PROPN", "NNP", "pobj", 2),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_proper_nouns_left_over_are_read_as_one_name_not_word_by_word():
    doc = parse_tagged(FUNDS)
    runs = ActorResolver._name_runs(doc, covered={0})
    assert [r.text for r in runs] == ["United States Department"]


@pytest.fixture(scope="module")
def resolver():
    return ActorResolver(KnowledgeBase(builtin_entries()))


@pytest.mark.parametrize("text", ["an outlawed group", "armed groups", "armed men"])
def test_armed_groups_no_one_names_are_unidentified_forces(resolver, text):
    res = resolver.lookup(text)
    assert (res.country, res.sector) == (None, "UAF")


def test_an_unnamed_armed_group_takes_the_documents_country(resolver):
    context = ("Rockets hit a base near Baghdad on Monday. Iraqi officials said an outlawed group fired them. "
               "Iraq's army is searching the area.")
    res = resolver.lookup("an outlawed group", context=context)
    assert (res.country, res.sector) == ("IRQ", "UAF")


# "The Ambassador met DFM Petrovsky . Petrovsky offered talks ."  (the tagger misses the name)
TITLED = [
    ("The", "the", "DET", "DT", "det", 1),
    ("Ambassador", "Ambassador", "PROPN", "NNP", "nsubj", 2),
    ("met", "meet", "VERB", "VBD", "ROOT", 2),
    ("DFM", "DFM", "PROPN", "NNP", "compound", 4),
    ("Petrovsky", "Petrovsky", "PROPN", "NNP", "dobj", 2),
    (".", ".", "PUNCT", ".", "punct", 2),
    ("Petrovsky", "Petrovsky", "PROPN", "NNP", "nsubj", 7),
    ("offered", "offer", "VERB", "VBD", "ROOT", 7),
    ("talks", "talk", "NOUN", "NNS", "dobj", 7),
    (".", ".", "PUNCT", ".", "punct", 7),
]


def test_a_name_after_a_title_is_that_official_when_named_again(resolver):
    doc = parse_tagged(TITLED, ents=["O", "O", "O", "B-ORG", "I-ORG", "O", "O", "O", "O", "O"])
    ctx = context(doc, url="https://wikileaks.org/plusd/cables/08MOSCOW1122.html")
    found = {m.text: (m.country, m.sector) for m in resolver.find_mentions(doc, ctx)}
    assert found["DFM Petrovsky"] == ("RUS", "GOV")
    assert found["Petrovsky"] == ("RUS", "GOV")


# "The rebels crossed . When our patrol approached , they fired ."
OUR_PATROL = [
    ("The", "the", "DET", "DT", "det", 1),
    ("rebels", "rebel", "NOUN", "NNS", "nsubj", 2),
    ("crossed", "cross", "VERB", "VBD", "ROOT", 2),
    (".", ".", "PUNCT", ".", "punct", 2),
    ("When", "when", "SCONJ", "WRB", "advmod", 7),
    ("our", "our", "PRON", "PRP$", "poss", 6),
    ("patrol", "patrol", "NOUN", "NN", "nsubj", 7),
    ("approached", "approach", "VERB", "VBD", "advcl", 10),
    (",", ",", "PUNCT", ",", "punct", 10),
    ("they", "they", "PRON", "PRP", "nsubj", 10),
    ("fired", "fire", "VERB", "VBD", "ROOT", 10),
    (".", ".", "PUNCT", ".", "punct", 10),
]


def test_they_is_never_the_speakers_own_side():
    args = _args(OUR_PATROL, [(0, 1, "NPL", "REB"), (5, 6, "BTN", "MIL")], 10, "ASSAULT")
    (who,) = args.actor
    assert (who.text, who.country) == ("they", "NPL")


def test_a_patrol_party_is_soldiers_not_a_political_party(resolver):
    assert resolver.lookup("the patrol party").sector == "MIL"


# "Rebels and Cambodian troops massed . Four Thai soldiers were killed ."
BORDER_WAR = [
    ("Rebels", "rebel", "NOUN", "NNS", "nsubj", 4),
    ("and", "and", "CCONJ", "CC", "cc", 0),
    ("Cambodian", "cambodian", "ADJ", "JJ", "amod", 3),
    ("troops", "troop", "NOUN", "NNS", "conj", 0),
    ("massed", "mass", "VERB", "VBD", "ROOT", 4),
    (".", ".", "PUNCT", ".", "punct", 4),
    ("Four", "four", "NUM", "CD", "nummod", 8),
    ("Thai", "thai", "ADJ", "JJ", "amod", 8),
    ("soldiers", "soldier", "NOUN", "NNS", "nsubjpass", 10),
    ("were", "be", "AUX", "VBD", "auxpass", 10),
    ("killed", "kill", "VERB", "VBN", "ROOT", 10),
    (".", ".", "PUNCT", ".", "punct", 10),
]


def _killed(spans):
    return next(e for e in code_rows(BORDER_WAR, spans) if e.trigger.text == "killed")


def test_soldiers_killed_by_no_one_named_in_a_two_state_war_were_killed_by_the_other_state():
    event = _killed([(2, 3, "KHM", "MIL"), (7, 8, "THA", "MIL")])
    (who,) = event.actor
    assert (who.country, who.sector, who.text) == ("KHM", "MIL", "")
    assert _texts(event.recipient) == ["Thai soldiers"]


def test_no_other_state_is_blamed_when_rebels_are_in_the_story():
    event = _killed([(0, 0, "KHM", "REB"), (2, 3, "KHM", "MIL"), (7, 8, "THA", "MIL")])
    assert event.actor == ()


# "Thai troops and Cambodian troops massed . Fighting continued ."
MASSED = [
    ("Thai", "thai", "ADJ", "JJ", "amod", 1),
    ("troops", "troop", "NOUN", "NNS", "nsubj", 5),
    ("and", "and", "CCONJ", "CC", "cc", 1),
    ("Cambodian", "cambodian", "ADJ", "JJ", "amod", 4),
    ("troops", "troop", "NOUN", "NNS", "conj", 1),
    ("massed", "mass", "VERB", "VBD", "ROOT", 5),
    (".", ".", "PUNCT", ".", "punct", 5),
    ("Fighting", "fighting", "NOUN", "NN", "nsubj", 8),
    ("continued", "continue", "VERB", "VBD", "ROOT", 8),
    (".", ".", "PUNCT", ".", "punct", 8),
]


def test_fighting_no_one_is_named_in_a_two_state_war_is_both_states():
    doc = parse_tagged(MASSED)
    mentions = [mention(doc, 0, 1, country="THA", sector="MIL"), mention(doc, 3, 4, country="KHM", sector="MIL")]
    event = next(e for e in EventCoder().code(doc, mentions, context(doc)).events if e.trigger.text == "Fighting")
    assert sorted((a.country, a.sector, a.text) for a in event.actor) == [("KHM", "MIL", ""), ("THA", "MIL", "")]


@pytest.mark.parametrize(
    ("text", "country"),
    [("U.S.-Philippine", "USA"), ("U.N.-backed militias", None), ("U.K.-based", "GBR")],
)
def test_an_abbreviation_joined_by_a_hyphen_is_read_apart(resolver, text, country):
    res = resolver.lookup(text)
    assert res is not None and res.country == country


# "The talks , sponsored by Oslo , began ."
SPONSORED = [
    ("The", "the", "DET", "DT", "det", 1),
    ("talks", "talk", "NOUN", "NNS", "nsubj", 7),
    (",", ",", "PUNCT", ",", "punct", 1),
    ("sponsored", "sponsor", "VERB", "VBN", "acl", 1),
    ("by", "by", "ADP", "IN", "agent", 3),
    ("Oslo", "Oslo", "PROPN", "NNP", "pobj", 4),
    (",", ",", "PUNCT", ",", "punct", 1),
    ("began", "begin", "VERB", "VBD", "ROOT", 7),
    (".", ".", "PUNCT", ".", "punct", 7),
]


def test_who_sponsored_talks_is_named_in_the_participle_on_them():
    args = _args(SPONSORED, [(5, 5, "NOR", "GOV")], 1, "CONSULT")
    assert _texts(args.actor) == ["Oslo"]


def test_a_participle_of_judgement_on_an_event_names_no_doer():
    rows = [r if r[0] != "sponsored" else ("condemned", "condemn", "VERB", "VBN", "acl", 1) for r in SPONSORED]
    args = _args(rows, [(5, 5, "NOR", "GOV")], 1, "CONSULT")
    assert args.actor == ()


# "Peruvian officials said their troops stayed ."
THEIR_TROOPS = [
    ("Peruvian", "peruvian", "ADJ", "JJ", "amod", 1),
    ("officials", "official", "NOUN", "NNS", "nsubj", 2),
    ("said", "say", "VERB", "VBD", "ROOT", 2),
    ("their", "their", "PRON", "PRP$", "poss", 4),
    ("troops", "troop", "NOUN", "NNS", "nsubj", 5),
    ("stayed", "stay", "VERB", "VBD", "ccomp", 2),
    (".", ".", "PUNCT", ".", "punct", 2),
]


def test_troops_owned_by_their_are_of_the_state_named_before(resolver):
    doc = parse_tagged(THEIR_TROOPS)
    ctx = context(doc, url="https://wikileaks.org/plusd/cables/09QUITO101.html")  # a cable from Ecuador
    found = {m.text: (m.country, m.sector) for m in resolver.find_mentions(doc, ctx)}
    assert found["their troops"] == ("PER", "MIL")


# "Lima met with Quito . They discussed trade ."
MET_WITH = [
    ("Lima", "Lima", "PROPN", "NNP", "nsubj", 1),
    ("met", "meet", "VERB", "VBD", "ROOT", 1),
    ("with", "with", "ADP", "IN", "prep", 1),
    ("Quito", "Quito", "PROPN", "NNP", "pobj", 2),
    (".", ".", "PUNCT", ".", "punct", 1),
    ("They", "they", "PRON", "PRP", "nsubj", 6),
    ("discussed", "discuss", "VERB", "VBD", "ROOT", 6),
    ("trade", "trade", "NOUN", "NN", "dobj", 6),
    (".", ".", "PUNCT", ".", "punct", 6),
]


def test_they_after_a_meeting_is_both_who_met():
    args = _args(MET_WITH, [(0, 0, "PER", "GOV"), (3, 3, "ECU", "GOV")], 6, "CONSULT")
    assert [(a.text, a.country) for a in args.actor] == [("They", "PER"), ("Quito", "ECU")]


CHAD_CABLE = ("The Ambassador met French Ambassador Bruno Foucher on Monday. Ambassador Foucher said the embassy "
              "was not targeted. The Ambassador thanked him.")
CHAD_URL = "https://wikileaks.org/plusd/cables/08NDJAMENA70.html"


@pytest.mark.parametrize(("text", "country"), [("Ambassador Foucher", "FRA"), ("The Ambassador", "USA")])
def test_a_titled_surname_is_the_person_named_before_and_the_ambassador_stays_ours(resolver, text, country):
    assert resolver.lookup(text, context=CHAD_CABLE, url=CHAD_URL).country == country


# "French Ambassador Bruno Foucher spoke . Ambassador Foucher left . The Ambassador stayed ."
FOUCHER = [
    ("French", "French", "ADJ", "JJ", "amod", 3),
    ("Ambassador", "Ambassador", "PROPN", "NNP", "compound", 3),
    ("Bruno", "Bruno", "PROPN", "NNP", "compound", 3),
    ("Foucher", "Foucher", "PROPN", "NNP", "nsubj", 4),
    ("spoke", "speak", "VERB", "VBD", "ROOT", 4),
    (".", ".", "PUNCT", ".", "punct", 4),
    ("Ambassador", "Ambassador", "PROPN", "NNP", "compound", 7),
    ("Foucher", "Foucher", "PROPN", "NNP", "nsubj", 8),
    ("left", "leave", "VERB", "VBD", "ROOT", 8),
    (".", ".", "PUNCT", ".", "punct", 8),
    ("The", "the", "DET", "DT", "det", 11),
    ("Ambassador", "Ambassador", "PROPN", "NNP", "nsubj", 12),
    ("stayed", "stay", "VERB", "VBD", "ROOT", 12),
    (".", ".", "PUNCT", ".", "punct", 12),
]


def test_in_a_cable_a_foreign_ambassador_keeps_his_country_and_the_ambassador_is_ours(resolver):
    ents = ["B-NORP", "O", "B-PERSON", "O", "O", "O", "O", "B-PERSON", "O", "O", "O", "O", "O", "O"]
    doc = parse_tagged(FOUCHER, ents=ents)
    found = [(m.text, m.country) for m in resolver.find_mentions(doc, context(doc, url=CHAD_URL))]
    assert ("Ambassador Foucher", "FRA") in found
    assert found[-1] == ("Ambassador", "USA")


def test_a_place_far_off_in_the_sentence_does_not_place_a_sector_noun(resolver):
    context = ("Armenian police dispersed the rally in Yerevan, and Armenia's president defended them. "
               "The opposition leader called for a trial at The Hague and "
               "demanded that the government pay an indemnity of one million dollars to each of the families of all "
               "ten victims of the March events.")
    assert resolver.lookup("the families", context=context).country == "ARM"
    assert resolver.lookup("the opposition leader", context=context).country == "ARM"


def test_a_place_near_a_sector_noun_places_it(resolver):
    context = ("Armenian police dispersed the rally in Yerevan, and Armenia's president defended them. "
               "Several days later, protesters in Tbilisi marched too.")
    assert resolver.lookup("protesters", context=context).country == "GEO"


def test_an_international_force_takes_no_country_from_the_document(resolver):
    context = ("Italian troops trained in Sicily on Monday. Italy's defence minister watched as NATO aircraft "
               "flew over Trapani, Italy.")
    res = resolver.lookup("NATO aircraft", context=context)
    assert res.country is None and (res.cameo_code or "").startswith("IGO")


# "Lima and they met . They talked ."  (a partner that is itself a pronoun)
PRONOUN_PARTNER = [
    ("Lima", "Lima", "PROPN", "NNP", "nsubj", 3),
    ("and", "and", "CCONJ", "CC", "cc", 0),
    ("they", "they", "PRON", "PRP", "conj", 0),
    ("met", "meet", "VERB", "VBD", "ROOT", 3),
    (".", ".", "PUNCT", ".", "punct", 3),
    ("They", "they", "PRON", "PRP", "nsubj", 6),
    ("talked", "talk", "VERB", "VBD", "ROOT", 6),
    (".", ".", "PUNCT", ".", "punct", 6),
]


def test_a_pronoun_among_the_partners_does_not_send_the_search_round_in_circles():
    args = _args(PRONOUN_PARTNER, [(0, 0, "PER", "GOV")], 6, "CONSULT")
    assert [(a.text, a.country) for a in args.actor] == [("They", "PER")]


def test_a_one_sided_attack_no_one_is_named_in_is_not_given_both_states():
    rows = [*MASSED[:7], ("Attacks", "attack", "NOUN", "NNS", "nsubj", 8), *MASSED[8:]]
    doc = parse_tagged(rows)
    mentions = [mention(doc, 0, 1, country="THA", sector="MIL"), mention(doc, 3, 4, country="KHM", sector="MIL")]
    event = next(e for e in EventCoder().code(doc, mentions, context(doc)).events if e.trigger.text == "Attacks")
    assert event.actor == ()


def test_without_a_country_of_its_own_a_document_places_a_sector_noun_anywhere_in_its_sentence(resolver):
    context = "Police arrested four people in connection with a bribery scandal over a new private home in Manila."
    assert resolver.lookup("Police", context=context).country == "PHL"


# "Lima announced it would cut ties with Quito and recalled its ambassador ."
RECALLED = [
    ("Lima", "Lima", "PROPN", "NNP", "nsubj", 1),
    ("announced", "announce", "VERB", "VBD", "ROOT", 1),
    ("it", "it", "PRON", "PRP", "nsubj", 4),
    ("would", "would", "AUX", "MD", "aux", 4),
    ("cut", "cut", "VERB", "VB", "ccomp", 1),
    ("ties", "tie", "NOUN", "NNS", "dobj", 4),
    ("with", "with", "ADP", "IN", "prep", 4),
    ("Quito", "Quito", "PROPN", "NNP", "pobj", 6),
    ("and", "and", "CCONJ", "CC", "cc", 4),
    ("recalled", "recall", "VERB", "VBD", "conj", 4),
    ("its", "its", "PRON", "PRP$", "poss", 11),
    ("ambassador", "ambassador", "NOUN", "NN", "dobj", 9),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_its_is_whoever_does_the_clause_not_the_nearest_name(resolver):
    doc = parse_tagged(RECALLED, ents=["B-GPE", "O", "O", "O", "O", "O", "O", "B-GPE", "O", "O", "O", "O", "O"])
    found = {m.text: m.country for m in resolver.find_mentions(doc, context(doc))}
    assert found["its ambassador"] == "PER"


def test_a_common_noun_compound_does_not_own_a_participle_on_its_noun():
    # "Students held a press conference calling for unity ."
    rows = [
        ("Students", "student", "NOUN", "NNS", "nsubj", 1),
        ("held", "hold", "VERB", "VBD", "ROOT", 1),
        ("a", "a", "DET", "DT", "det", 4),
        ("press", "press", "NOUN", "NN", "compound", 4),
        ("conference", "conference", "NOUN", "NN", "dobj", 1),
        ("calling", "call", "VERB", "VBG", "acl", 4),
        ("for", "for", "ADP", "IN", "prep", 5),
        ("unity", "unity", "NOUN", "NN", "pobj", 6),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    args = _args(rows, [(0, 0, "CMR", "EDU"), (3, 3, "CMR", "JRN")], 5, "REQUEST")
    assert _texts(args.actor) == ["Students"]


# "The mob responded by torching homes ."  /  "Students were held after marching ."
BY_TORCHING = [
    ("The", "the", "DET", "DT", "det", 1),
    ("mob", "mob", "NOUN", "NN", "nsubj", 2),
    ("responded", "respond", "VERB", "VBD", "ROOT", 2),
    ("by", "by", "ADP", "IN", "prep", 2),
    ("torching", "torch", "VERB", "VBG", "pcomp", 3),
    ("homes", "home", "NOUN", "NNS", "dobj", 4),
    (".", ".", "PUNCT", ".", "punct", 2),
]
AFTER_MARCHING = [
    ("Students", "student", "NOUN", "NNS", "nsubjpass", 2),
    ("were", "be", "AUX", "VBD", "auxpass", 2),
    ("held", "hold", "VERB", "VBN", "ROOT", 2),
    ("after", "after", "ADP", "IN", "prep", 2),
    ("marching", "march", "VERB", "VBG", "pcomp", 3),
    (".", ".", "PUNCT", ".", "punct", 2),
]
# "Lima accused Quito of shelling ."  (the object, not the subject, shelled)
ACCUSED_OF = [
    ("Lima", "Lima", "PROPN", "NNP", "nsubj", 1),
    ("accused", "accuse", "VERB", "VBD", "ROOT", 1),
    ("Quito", "Quito", "PROPN", "NNP", "dobj", 1),
    ("of", "of", "ADP", "IN", "prep", 1),
    ("shelling", "shell", "VERB", "VBG", "pcomp", 3),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_a_gerund_after_by_is_done_by_the_clause_subject():
    args = _args(BY_TORCHING, [(0, 1, "PER", "CVL"), (5, 5, "PER", "CVL")], 4, "ASSAULT")
    assert _texts(args.actor) == ["The mob"]
    assert _texts(args.recipient) == ["homes"]


def test_a_gerund_after_after_is_done_by_the_passive_subject():
    args = _args(AFTER_MARCHING, [(0, 0, "PER", "EDU")], 4, "PROTEST")
    assert _texts(args.actor) == ["Students"]


def test_a_gerund_after_of_is_still_done_by_the_object():
    args = _args(ACCUSED_OF, [(0, 0, "PER", "GOV"), (2, 2, "ECU", "GOV")], 4, "ASSAULT")
    assert _texts(args.actor) == ["Quito"]


# "Rockets were fired from Gondor at Rohan ."
FIRED_FROM = [
    ("Rockets", "rocket", "NOUN", "NNS", "nsubjpass", 2),
    ("were", "be", "AUX", "VBD", "auxpass", 2),
    ("fired", "fire", "VERB", "VBN", "ROOT", 2),
    ("from", "from", "ADP", "IN", "prep", 2),
    ("Gondor", "Gondor", "PROPN", "NNP", "pobj", 3),
    ("at", "at", "ADP", "IN", "prep", 2),
    ("Rohan", "Rohan", "PROPN", "NNP", "pobj", 5),
    (".", ".", "PUNCT", ".", "punct", 2),
]


def test_a_shot_no_one_is_said_to_fire_comes_from_where_it_was_fired():
    args = _args(FIRED_FROM, [(4, 4, "GON", None), (6, 6, "ROH", None)], 2, "ASSAULT")
    assert _texts(args.actor) == ["Gondor"]
    assert _texts(args.recipient) == ["Rohan"]


# "Tokyo barred the North\nKorean ferry ." (a hard-wrapped cable line breaks the name)
WRAPPED = [
    ("Tokyo", "Tokyo", "PROPN", "NNP", "nsubj", 1),
    ("barred", "bar", "VERB", "VBD", "ROOT", 1),
    ("the", "the", "DET", "DT", "det", 6),
    ("North", "North", "PROPN", "NNP", "amod", 6),
    ("\n", "\n", "SPACE", "_SP", "dep", 3),
    ("Korean", "korean", "ADJ", "JJ", "amod", 6),
    ("ferry", "ferry", "NOUN", "NN", "dobj", 1),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_a_name_broken_by_a_hard_wrapped_line_is_read_whole(resolver):
    doc = parse_tagged(WRAPPED, ents=["B-GPE", "O", "O", "O", "O", "B-NORP", "O", "O"])
    found = {" ".join(m.text.split()): m.country for m in resolver.find_mentions(doc, context(doc))}
    assert found == {"Tokyo": "JPN", "North Korean": "PRK"}
