"""Who an act is done to, on hand-built parses of our own sentences (no model): the subject of a
clause that says it undergoes the act, subjectless passives, instruments carried by a participle,
the one met as the addressee of a purpose, possessors and appositions, and pronouns that cannot
stand for their own clause's subject."""

from __future__ import annotations

from dataclasses import replace

from cablegram.coder import EventCoder
from cablegram.coder.arguments import CIRCUMSTANCE_PREPS, MentionIndex, find_arguments

from .coder_docs import code_rows, context, mention, mentions_of, parse_tagged

_code = code_rows


def _one(events, kind):
    (event,) = [e for e in events if e.event == kind]
    return event


def _sides(event):
    return [a.text for a in event.actor], [(r.text, r.country) for r in event.recipient]


# "Nine rebels face charges of treason ."
FACE = [
    ("Nine", "nine", "NUM", "CD", "nummod", 1),
    ("rebels", "rebel", "NOUN", "NNS", "nsubj", 2),
    ("face", "face", "VERB", "VBP", "ROOT", 2),
    ("charges", "charge", "NOUN", "NNS", "dobj", 2),
    ("of", "of", "ADP", "IN", "prep", 3),
    ("treason", "treason", "NOUN", "NN", "pobj", 4),
    (".", ".", "PUNCT", ".", "punct", 2),
]


def test_who_faces_charges_is_charged_by_the_states_police():
    event = _one(_code(FACE, [(0, 1, "GON", "REB")]), "ACCUSE")
    assert _sides(event)[1] == [("Nine rebels", "GON")]
    (police,) = event.actor
    assert (police.country, police.sector, police.text) == ("GON", "COP", "")


# "The minister said that the envoy is persona non grata ." (the copula parsed as an auxiliary)
PERSONA = [
    ("The", "the", "DET", "DT", "det", 1),
    ("minister", "minister", "NOUN", "NN", "nsubj", 2),
    ("said", "say", "VERB", "VBD", "ROOT", 2),
    ("that", "that", "SCONJ", "IN", "mark", 7),
    ("the", "the", "DET", "DT", "det", 5),
    ("envoy", "envoy", "NOUN", "NN", "nsubj", 7),
    ("is", "be", "AUX", "VBZ", "aux", 7),
    ("persona", "persona", "NOUN", "NN", "ccomp", 2),
    ("non", "non", "ADJ", "AFX", "compound", 9),
    ("grata", "grata", "NOUN", "NN", "dobj", 7),
    (".", ".", "PUNCT", ".", "punct", 2),
]


def test_who_is_persona_non_grata_is_expelled():
    event = _one(_code(PERSONA, [(0, 1, "GON", "GOV"), (4, 5, "RHN", "GOV")]), "SANCTION")
    assert _sides(event)[1] == [("the envoy", "RHN")]


# "The opposition leader remains under house arrest ."
UNDER = [
    ("The", "the", "DET", "DT", "det", 2),
    ("opposition", "opposition", "NOUN", "NN", "compound", 2),
    ("leader", "leader", "NOUN", "NN", "nsubj", 3),
    ("remains", "remain", "VERB", "VBZ", "ROOT", 3),
    ("under", "under", "ADP", "IN", "prep", 3),
    ("house", "house", "NOUN", "NN", "compound", 6),
    ("arrest", "arrest", "NOUN", "NN", "pobj", 4),
    (".", ".", "PUNCT", ".", "punct", 3),
]


def test_who_remains_under_house_arrest_is_the_one_arrested():
    event = _one(_code(UNDER, [(0, 2, "GON", "OPP")]), "COERCE")
    assert _sides(event) == ([""], [("The opposition leader", "GON")])


# "The convoy came under attack from rebels ."
CAME = [
    ("The", "the", "DET", "DT", "det", 1),
    ("convoy", "convoy", "NOUN", "NN", "nsubj", 2),
    ("came", "come", "VERB", "VBD", "ROOT", 2),
    ("under", "under", "ADP", "IN", "prep", 2),
    ("attack", "attack", "NOUN", "NN", "pobj", 3),
    ("from", "from", "ADP", "IN", "prep", 4),
    ("rebels", "rebel", "NOUN", "NNS", "pobj", 5),
    (".", ".", "PUNCT", ".", "punct", 2),
]


def test_what_comes_under_attack_is_attacked_by_the_from_phrase():
    event = _one(_code(CAME, [(0, 1, "GON", "MIL"), (6, 6, "GON", "REB")]), "ASSAULT")
    assert _sides(event) == (["rebels"], [("The convoy", "GON")])


# "Several journalists were detained but released without being charged ."
RELEASED = [
    ("Several", "several", "ADJ", "JJ", "amod", 1),
    ("journalists", "journalist", "NOUN", "NNS", "nsubjpass", 3),
    ("were", "be", "AUX", "VBD", "auxpass", 3),
    ("detained", "detain", "VERB", "VBN", "ROOT", 3),
    ("but", "but", "CCONJ", "CC", "cc", 3),
    ("released", "release", "VERB", "VBN", "conj", 3),
    ("without", "without", "ADP", "IN", "prep", 5),
    ("being", "be", "AUX", "VBG", "auxpass", 8),
    ("charged", "charge", "VERB", "VBN", "pcomp", 6),
    (".", ".", "PUNCT", ".", "punct", 3),
]


def test_a_passive_in_a_phrase_is_done_to_the_subject_of_the_conjoined_clause():
    event = _one(_code(RELEASED, [(0, 1, "GON", "JRN")]), "ACCUSE")
    assert _sides(event)[1] == [("Several journalists", "GON")]


# "After being released from prison , the activist called the embassy ."
AFTER = [
    ("After", "after", "ADP", "IN", "prep", 8),
    ("being", "be", "AUX", "VBG", "auxpass", 2),
    ("released", "release", "VERB", "VBN", "pcomp", 0),
    ("from", "from", "ADP", "IN", "prep", 2),
    ("prison", "prison", "NOUN", "NN", "pobj", 3),
    (",", ",", "PUNCT", ",", "punct", 8),
    ("the", "the", "DET", "DT", "det", 7),
    ("activist", "activist", "NOUN", "NN", "nsubj", 8),
    ("called", "call", "VERB", "VBD", "ROOT", 8),
    ("the", "the", "DET", "DT", "det", 10),
    ("embassy", "embassy", "NOUN", "NN", "dobj", 8),
    (".", ".", "PUNCT", ".", "punct", 8),
]


def test_after_being_released_the_subject_is_the_one_released_not_the_releaser():
    event = _one(_code(AFTER, [(6, 7, "GON", "OPP")]), "RETREAT")
    assert _sides(event)[1] == [("the activist", "GON")]
    assert [a.text for a in event.actor] == [""]  # the state's police, implied


# "After having released the prisoners , the army withdrew ."
HAVING = [
    ("After", "after", "ADP", "IN", "prep", 8),
    ("having", "have", "AUX", "VBG", "aux", 2),
    ("released", "release", "VERB", "VBN", "pcomp", 0),
    ("the", "the", "DET", "DT", "det", 4),
    ("prisoners", "prisoner", "NOUN", "NNS", "dobj", 2),
    (",", ",", "PUNCT", ",", "punct", 8),
    ("the", "the", "DET", "DT", "det", 7),
    ("army", "army", "NOUN", "NN", "nsubj", 8),
    ("withdrew", "withdraw", "VERB", "VBD", "ROOT", 8),
    (".", ".", "PUNCT", ".", "punct", 8),
]


def test_an_active_perfect_keeps_its_object_and_not_the_clause_subject():
    doc = parse_tagged(HAVING)
    index = MentionIndex(doc, [mention(doc, 3, 4, country="GON"), mention(doc, 6, 7, country="GON")], 0)
    args = find_arguments(doc[2], "RETREAT", index)
    assert [r.text for r in args.recipient] == ["the prisoners"]


# "Security forces dispersed the protesters , firing tear gas ."
FIRING = [
    ("Security", "security", "NOUN", "NN", "compound", 1),
    ("forces", "force", "NOUN", "NNS", "nsubj", 2),
    ("dispersed", "disperse", "VERB", "VBD", "ROOT", 2),
    ("the", "the", "DET", "DT", "det", 4),
    ("protesters", "protester", "NOUN", "NNS", "dobj", 2),
    (",", ",", "PUNCT", ",", "punct", 2),
    ("firing", "fire", "VERB", "VBG", "advcl", 2),
    ("tear", "tear", "ADJ", "JJ", "amod", 8),
    ("gas", "gas", "NOUN", "NN", "dobj", 6),
    (".", ".", "PUNCT", ".", "punct", 2),
]


def test_an_instrument_in_a_participle_clause_is_used_by_the_subject_on_the_object():
    doc = parse_tagged(FIRING)
    index = MentionIndex(doc, [mention(doc, 0, 1, country="GON", sector="COP"),
                               mention(doc, 3, 4, country="GON", sector="PRO")], 0)
    args = find_arguments(doc[8], "ASSAULT", index)
    assert ([a.text for a in args.actor], [r.text for r in args.recipient]) == (["Security forces"],
                                                                               ["the protesters"])


# "Police used batons and tear gas to disperse the crowd ."
BATONS = [
    ("Police", "police", "NOUN", "NNS", "nsubj", 1),
    ("used", "use", "VERB", "VBD", "ROOT", 1),
    ("batons", "baton", "NOUN", "NNS", "dobj", 1),
    ("and", "and", "CCONJ", "CC", "cc", 2),
    ("tear", "tear", "ADJ", "JJ", "amod", 5),
    ("gas", "gas", "NOUN", "NN", "conj", 2),
    ("to", "to", "PART", "TO", "aux", 7),
    ("disperse", "disperse", "VERB", "VB", "xcomp", 1),
    ("the", "the", "DET", "DT", "det", 9),
    ("crowd", "crowd", "NOUN", "NN", "dobj", 7),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_an_instrument_in_a_coordination_stands_where_the_first_one_stands():
    doc = parse_tagged(BATONS)
    index = MentionIndex(doc, [mention(doc, 0, 0, country="GON", sector="COP"),
                               mention(doc, 8, 9, country="GON", sector="PRO")], 0)
    args = find_arguments(doc[5], "ASSAULT", index)
    assert ([a.text for a in args.actor], [r.text for r in args.recipient]) == (["Police"], ["the crowd"])


# "Opposition leaders met with television officials to demand airtime ."
DEMAND = [
    ("Opposition", "opposition", "NOUN", "NN", "compound", 1),
    ("leaders", "leader", "NOUN", "NNS", "nsubj", 2),
    ("met", "meet", "VERB", "VBD", "ROOT", 2),
    ("with", "with", "ADP", "IN", "prep", 2),
    ("television", "television", "NOUN", "NN", "compound", 5),
    ("officials", "official", "NOUN", "NNS", "pobj", 3),
    ("to", "to", "PART", "TO", "aux", 7),
    ("demand", "demand", "VERB", "VB", "advcl", 2),
    ("airtime", "airtime", "NOUN", "NN", "dobj", 7),
    (".", ".", "PUNCT", ".", "punct", 2),
]


def test_the_purpose_of_a_meeting_is_addressed_to_the_one_met():
    event = _one(_code(DEMAND, [(0, 1, "GON", "OPP"), (4, 5, "GON", "MED")]), "REQUEST")
    assert _sides(event) == (["Opposition leaders"], [("television officials", "GON")])


# "Ali Musa , the leader of the Gondor Party , was arrested ."
APPOS = [
    ("Ali", "Ali", "PROPN", "NNP", "compound", 1),
    ("Musa", "Musa", "PROPN", "NNP", "nsubjpass", 11),
    (",", ",", "PUNCT", ",", "punct", 1),
    ("the", "the", "DET", "DT", "det", 4),
    ("leader", "leader", "NOUN", "NN", "appos", 1),
    ("of", "of", "ADP", "IN", "prep", 4),
    ("the", "the", "DET", "DT", "det", 8),
    ("Gondor", "Gondor", "PROPN", "NNP", "compound", 8),
    ("Party", "Party", "PROPN", "NNP", "pobj", 5),
    (",", ",", "PUNCT", ",", "punct", 1),
    ("was", "be", "AUX", "VBD", "auxpass", 11),
    ("arrested", "arrest", "VERB", "VBN", "ROOT", 11),
    (".", ".", "PUNCT", ".", "punct", 11),
]
APPOS_ENTS = ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O"]


def test_an_unknown_name_takes_the_codes_of_its_descriptive_apposition():
    event = _one(_code(APPOS, [(7, 8, "GON", "OPP")], ents=APPOS_ENTS), "COERCE")
    (person,) = event.recipient
    assert (person.text, person.country, person.sector) == ("Ali Musa", "GON", "OPP")


# "Prosecutors opened an investigation into the opposition 's Unity Council ."
POSS = [
    ("Prosecutors", "prosecutor", "NOUN", "NNS", "nsubj", 1),
    ("opened", "open", "VERB", "VBD", "ROOT", 1),
    ("an", "an", "DET", "DT", "det", 3),
    ("investigation", "investigation", "NOUN", "NN", "dobj", 1),
    ("into", "into", "ADP", "IN", "prep", 3),
    ("the", "the", "DET", "DT", "det", 6),
    ("opposition", "opposition", "NOUN", "NN", "poss", 9),
    ("'s", "'s", "PART", "POS", "case", 6),
    ("Unity", "Unity", "PROPN", "NNP", "compound", 9),
    ("Council", "Council", "PROPN", "NNP", "pobj", 4),
    (".", ".", "PUNCT", ".", "punct", 1),
]
POSS_ENTS = ["O", "O", "O", "O", "O", "O", "O", "O", "B-ORG", "I-ORG", "O"]


def test_an_unknown_name_belongs_to_its_known_possessor():
    doc = parse_tagged(POSS, ents=POSS_ENTS)
    index = MentionIndex(doc, [mention(doc, 6, 6, country="GON", sector="OPP")], 0)
    args = find_arguments(doc[3], "ACCUSE", index)
    assert [(r.text, r.country, r.sector) for r in args.recipient] == [("Unity Council", "GON", "OPP")]


# "The Indian Army said Pakistani troops crossed the line . It protested ."
ITS = [
    ("The", "the", "DET", "DT", "det", 2),
    ("Indian", "Indian", "PROPN", "NNP", "compound", 2),
    ("Army", "Army", "PROPN", "NNP", "nsubj", 3),
    ("said", "say", "VERB", "VBD", "ROOT", 3),
    ("Pakistani", "pakistani", "ADJ", "JJ", "amod", 5),
    ("troops", "troop", "NOUN", "NNS", "nsubj", 6),
    ("crossed", "cross", "VERB", "VBD", "ccomp", 3),
    ("the", "the", "DET", "DT", "det", 8),
    ("line", "line", "NOUN", "NN", "dobj", 6),
    (".", ".", "PUNCT", ".", "punct", 3),
    ("It", "it", "PRON", "PRP", "nsubj", 11),
    ("protested", "protest", "VERB", "VBD", "ROOT", 11),
    (".", ".", "PUNCT", ".", "punct", 11),
]


def test_it_does_not_stand_for_a_plural():
    doc = parse_tagged(ITS)
    index = MentionIndex(doc, [mention(doc, 0, 2, country="IND", sector="MIL"),
                               mention(doc, 4, 5, country="PAK", sector="MIL")], 0)
    assert [(a.text, a.country) for a in index.of(doc[10])] == [("It", "IND")]


# "The United States imposed sanctions . Gondor condemns it ."
BINDING = [
    ("The", "the", "DET", "DT", "det", 2),
    ("United", "United", "PROPN", "NNP", "compound", 2),
    ("States", "States", "PROPN", "NNP", "nsubj", 3),
    ("imposed", "impose", "VERB", "VBD", "ROOT", 3),
    ("sanctions", "sanction", "NOUN", "NNS", "dobj", 3),
    (".", ".", "PUNCT", ".", "punct", 3),
    ("Gondor", "Gondor", "PROPN", "NNP", "nsubj", 7),
    ("condemns", "condemn", "VERB", "VBZ", "ROOT", 7),
    ("it", "it", "PRON", "PRP", "dobj", 7),
    (".", ".", "PUNCT", ".", "punct", 7),
]


def test_an_object_pronoun_is_not_the_subject_of_its_own_clause():
    doc = parse_tagged(BINDING)
    index = MentionIndex(doc, [mention(doc, 0, 2, country="USA"), mention(doc, 6, 6, country="GON")], 0)
    args = find_arguments(doc[7], "ACCUSE", index)
    assert [(r.text, r.country) for r in args.recipient] == [("it", "USA")]


# "The Treasury imposed sanctions on five companies in Gondor ."
COMPANIES = [
    ("The", "the", "DET", "DT", "det", 1),
    ("Treasury", "Treasury", "PROPN", "NNP", "nsubj", 2),
    ("imposed", "impose", "VERB", "VBD", "ROOT", 2),
    ("sanctions", "sanction", "NOUN", "NNS", "dobj", 2),
    ("on", "on", "ADP", "IN", "prep", 3),
    ("five", "five", "NUM", "CD", "nummod", 6),
    ("companies", "company", "NOUN", "NNS", "pobj", 4),
    ("in", "in", "ADP", "IN", "prep", 6),
    ("Gondor", "Gondor", "PROPN", "NNP", "pobj", 7),
    (".", ".", "PUNCT", ".", "punct", 2),
]


def test_a_party_noun_takes_the_country_it_is_in():
    doc = parse_tagged(COMPANIES)
    gondor = replace(mention(doc, 8, 8, country="GON"), kb_id="state:GON")
    index = MentionIndex(doc, [mention(doc, 0, 1, country="USA", sector="GOV"), gondor], 0)
    args = find_arguments(doc[3], "SANCTION", index)
    assert [(r.text, r.country) for r in args.recipient] == [("Gondor", "GON")]


def test_a_place_phrase_on_an_event_word_is_where_not_who():
    # "sanctions on five attacks in Gondor" (the words of COMPANIES with an event noun in place)
    rows = [("attacks", "attack", "NOUN", "NNS", "pobj", 4) if w == "companies" else (w, *rest)
            for w, *rest in COMPANIES]
    doc = parse_tagged(rows)
    index = MentionIndex(doc, [replace(mention(doc, 8, 8, country="GON"), kb_id="state:GON")], 0)
    assert index.of(doc[6]) == []


# "The former president called on his supporters to end the protests ." ("on" as a particle)
CALLED_ON = [
    ("The", "the", "DET", "DT", "det", 2),
    ("former", "former", "ADJ", "JJ", "amod", 2),
    ("president", "president", "NOUN", "NN", "nsubj", 3),
    ("called", "call", "VERB", "VBD", "ROOT", 3),
    ("on", "on", "ADP", "RP", "prt", 3),
    ("his", "his", "PRON", "PRP$", "poss", 6),
    ("supporters", "supporter", "NOUN", "NNS", "pobj", 4),
    ("to", "to", "PART", "TO", "aux", 8),
    ("end", "end", "VERB", "VB", "xcomp", 3),
    ("the", "the", "DET", "DT", "det", 10),
    ("protests", "protest", "NOUN", "NNS", "dobj", 8),
    (".", ".", "PUNCT", ".", "punct", 3),
]


def test_called_on_with_the_addressee_under_the_particle():
    event = _one(_code(CALLED_ON, [(0, 2, "GON", "OPP"), (5, 6, "GON", "PRO")]), "REQUEST")
    assert _sides(event) == (["The former president"], [("his supporters", "GON")])


# "Militants fired rockets from Gondor at Rohan ."
FIRED_FROM = [
    ("Militants", "militant", "NOUN", "NNS", "nsubj", 1),
    ("fired", "fire", "VERB", "VBD", "ROOT", 1),
    ("rockets", "rocket", "NOUN", "NNS", "dobj", 1),
    ("from", "from", "ADP", "IN", "prep", 1),
    ("Gondor", "Gondor", "PROPN", "NNP", "pobj", 3),
    ("at", "at", "ADP", "IN", "prep", 1),
    ("Rohan", "Rohan", "PROPN", "NNP", "pobj", 5),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_where_a_shot_is_fired_from_is_not_whom_it_hits():
    doc = parse_tagged(FIRED_FROM)
    index = MentionIndex(doc, [mention(doc, 4, 4, country="GON"), mention(doc, 6, 6, country="ROH")], 0)
    assert [r.text for r in find_arguments(doc[1], "ASSAULT", index).recipient] == ["Rohan"]
    # other acts keep a from-phrase party ("demanded an apology from Gondor")
    assert [r.text for r in find_arguments(doc[1], "REQUEST", index).recipient] == ["Gondor", "Rohan"]


# "Militants fired Rohirric rockets ."
FIRED_MADE = [
    ("Militants", "militant", "NOUN", "NNS", "nsubj", 1),
    ("fired", "fire", "VERB", "VBD", "ROOT", 1),
    ("Rohirric", "rohirric", "ADJ", "JJ", "amod", 3),
    ("rockets", "rocket", "NOUN", "NNS", "dobj", 1),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_whoever_made_the_weapons_fired_is_not_their_target():
    doc = parse_tagged(FIRED_MADE)
    index = MentionIndex(doc, [mention(doc, 0, 0, country="GON", sector="REB"), mention(doc, 2, 2, country="ROH")], 0)
    args = find_arguments(doc[1], "ASSAULT", index)
    assert ([a.text for a in args.actor], args.recipient) == (["Militants"], ())


# "A car bomb targeting a police convoy exploded ."
TARGETING = [
    ("A", "a", "DET", "DT", "det", 2),
    ("car", "car", "NOUN", "NN", "compound", 2),
    ("bomb", "bomb", "NOUN", "NN", "nsubj", 7),
    ("targeting", "target", "VERB", "VBG", "acl", 2),
    ("a", "a", "DET", "DT", "det", 6),
    ("police", "police", "NOUN", "NN", "compound", 6),
    ("convoy", "convoy", "NOUN", "NN", "dobj", 3),
    ("exploded", "explode", "VERB", "VBD", "ROOT", 7),
    (".", ".", "PUNCT", ".", "punct", 7),
]


def test_a_nominal_attack_is_aimed_at_what_its_participle_targets():
    doc = parse_tagged(TARGETING)
    index = MentionIndex(doc, [mention(doc, 5, 5, country="GON", sector="COP")], 0)
    assert [r.text for r in find_arguments(doc[2], "ASSAULT", index).recipient] == ["police"]


# "Gondor recalled its ambassador from Rohan ."
RECALLED = [
    ("Gondor", "Gondor", "PROPN", "NNP", "nsubj", 1),
    ("recalled", "recall", "VERB", "VBD", "ROOT", 1),
    ("its", "its", "PRON", "PRP$", "poss", 3),
    ("ambassador", "ambassador", "NOUN", "NN", "dobj", 1),
    ("from", "from", "ADP", "IN", "prep", 3),
    ("Rohan", "Rohan", "PROPN", "NNP", "pobj", 4),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_ones_own_envoy_is_not_the_target_when_the_other_side_is_named():
    doc = parse_tagged(RECALLED)
    spans = [(0, 0, "GON"), (2, 3, "GON"), (5, 5, "ROH")]
    index = MentionIndex(doc, [mention(doc, i, j, country=c) for i, j, c in spans], 0)
    assert [r.text for r in find_arguments(doc[1], "SANCTION", index).recipient] == ["Rohan"]
    # with no one else named, the envoy stays ("recalled its ambassador")
    short = parse_tagged([r for k, r in enumerate(RECALLED) if k not in (4, 5)])
    index = MentionIndex(short, [mention(short, 0, 0, country="GON"), mention(short, 2, 3, country="GON")], 0)
    assert [r.text for r in find_arguments(short[1], "SANCTION", index).recipient] == ["its ambassador"]


# "The protesters were stopped by the police and ordered to disperse ." ("ordered" tagged VBD)
SHARED_PASSIVE = [
    ("The", "the", "DET", "DT", "det", 1),
    ("protesters", "protester", "NOUN", "NNS", "nsubjpass", 3),
    ("were", "be", "AUX", "VBD", "auxpass", 3),
    ("stopped", "stop", "VERB", "VBN", "ROOT", 3),
    ("by", "by", "ADP", "IN", "agent", 3),
    ("the", "the", "DET", "DT", "det", 6),
    ("police", "police", "NOUN", "NN", "pobj", 4),
    ("and", "and", "CCONJ", "CC", "cc", 3),
    ("ordered", "order", "VERB", "VBD", "conj", 3),
    ("to", "to", "PART", "TO", "aux", 10),
    ("disperse", "disperse", "VERB", "VB", "xcomp", 8),
    (".", ".", "PUNCT", ".", "punct", 3),
]


def test_a_bare_conjoined_verb_shares_the_passive_it_is_conjoined_with():
    event = _one(_code(SHARED_PASSIVE, [(0, 1, "GON", "PRO"), (5, 6, "GON", "COP")]), "REQUEST")
    assert _sides(event) == (["the police"], [("The protesters", "GON")])


# "The council appealed for help and to the public to defend the city ."
APPEAL = [
    ("The", "the", "DET", "DT", "det", 1),
    ("council", "council", "NOUN", "NN", "nsubj", 2),
    ("appealed", "appeal", "VERB", "VBD", "ROOT", 2),
    ("for", "for", "ADP", "IN", "prep", 2),
    ("help", "help", "NOUN", "NN", "pobj", 3),
    ("and", "and", "CCONJ", "CC", "cc", 3),
    ("to", "to", "ADP", "IN", "conj", 3),
    ("the", "the", "DET", "DT", "det", 8),
    ("public", "public", "NOUN", "NN", "pobj", 6),
    ("to", "to", "PART", "TO", "aux", 10),
    ("defend", "defend", "VERB", "VB", "xcomp", 2),
    ("the", "the", "DET", "DT", "det", 12),
    ("city", "city", "NOUN", "NN", "dobj", 10),
    (".", ".", "PUNCT", ".", "punct", 2),
]


def test_a_to_phrase_conjoined_with_another_phrase_still_names_the_addressee():
    doc = parse_tagged(APPEAL)
    index = MentionIndex(doc, [mention(doc, 0, 1, country="GON", sector="GOV"),
                               mention(doc, 7, 8, country="GON", sector="CVL"),
                               mention(doc, 11, 12, country="GON", sector="GOV")], 0)
    args = find_arguments(doc[2], "REQUEST", index)
    assert ([a.text for a in args.actor], [r.text for r in args.recipient]) == (["The council"], ["the public"])


# "Hundreds protested outside the Rohirric embassy ."
OUTSIDE = [
    ("Hundreds", "hundred", "NOUN", "NNS", "nsubj", 1),
    ("protested", "protest", "VERB", "VBD", "ROOT", 1),
    ("outside", "outside", "ADP", "IN", "prep", 1),
    ("the", "the", "DET", "DT", "det", 5),
    ("Rohirric", "rohirric", "ADJ", "JJ", "amod", 5),
    ("embassy", "embassy", "NOUN", "NN", "pobj", 2),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_a_protest_outside_an_embassy_is_aimed_at_its_state_by_the_countrys_own_people():
    event = _one(_code(OUTSIDE, [(3, 5, "ROH", "GOV")], home="GON"), "PROTEST")
    assert _sides(event)[1] == [("the Rohirric embassy", "ROH")]
    (crowd,) = event.actor
    assert (crowd.text, crowd.country, crowd.sector) == ("", "GON", "PRO")


# "Thousands rallied in front of parliament ."
FRONT = [
    ("Thousands", "thousand", "NOUN", "NNS", "nsubj", 1),
    ("rallied", "rally", "VERB", "VBD", "ROOT", 1),
    ("in", "in", "ADP", "IN", "prep", 1),
    ("front", "front", "NOUN", "NN", "pobj", 2),
    ("of", "of", "ADP", "IN", "prep", 3),
    ("parliament", "parliament", "NOUN", "NN", "pobj", 4),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_a_rally_in_front_of_parliament_is_aimed_at_it_but_not_one_at_a_hospital():
    doc = parse_tagged(FRONT)
    # (as the coder calls it: place phrases are not searched for parties further down)
    index = MentionIndex(doc, [mention(doc, 5, 5, country="GON", sector="LEG")], 0)
    args = find_arguments(doc[1], "PROTEST", index, chain_skip_preps=CIRCUMSTANCE_PREPS)
    assert [r.text for r in args.recipient] == ["parliament"]
    index = MentionIndex(doc, [mention(doc, 5, 5, country="GON", sector="MED")], 0)
    assert find_arguments(doc[1], "PROTEST", index, chain_skip_preps=CIRCUMSTANCE_PREPS).recipient == ()


# "Members of the Party marched to the embassy . They were stopped ."
MEMBERS = [
    ("Members", "member", "NOUN", "NNS", "nsubj", 4),
    ("of", "of", "ADP", "IN", "prep", 0),
    ("the", "the", "DET", "DT", "det", 3),
    ("Party", "Party", "PROPN", "NNP", "pobj", 1),
    ("marched", "march", "VERB", "VBD", "ROOT", 4),
    ("to", "to", "ADP", "IN", "prep", 4),
    ("the", "the", "DET", "DT", "det", 7),
    ("embassy", "embassy", "NOUN", "NN", "pobj", 5),
    (".", ".", "PUNCT", ".", "punct", 4),
    ("They", "they", "PRON", "PRP", "nsubjpass", 11),
    ("were", "be", "AUX", "VBD", "auxpass", 11),
    ("stopped", "stop", "VERB", "VBN", "ROOT", 11),
    (".", ".", "PUNCT", ".", "punct", 11),
]


def test_a_subject_pronoun_continues_a_subject_named_by_its_of_phrase():
    doc = parse_tagged(MEMBERS)
    index = MentionIndex(doc, [mention(doc, 2, 3, country="GON", sector="PTY"),
                               mention(doc, 6, 7, country="ROH", sector="GOV")], 0)
    assert [(a.text, a.country) for a in index.of(doc[9])] == [("They", "GON")]


# "Gondor remains the largest donor of aid ."
DONOR = [
    ("Gondor", "Gondor", "PROPN", "NNP", "nsubj", 1),
    ("remains", "remain", "VERB", "VBZ", "ROOT", 1),
    ("the", "the", "DET", "DT", "det", 4),
    ("largest", "large", "ADJ", "JJS", "amod", 4),
    ("donor", "donor", "NOUN", "NN", "attr", 1),
    ("of", "of", "ADP", "IN", "prep", 4),
    ("aid", "aid", "NOUN", "NN", "pobj", 5),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_the_subject_of_a_giving_noun_is_not_its_recipient():
    doc = parse_tagged(DONOR)
    index = MentionIndex(doc, [mention(doc, 0, 0, country="GON")], 0)
    assert find_arguments(doc[4], "AID", index).recipient == ()


# "The minister resigned after talks were suspended ."
SUSPENDED = [
    ("The", "the", "DET", "DT", "det", 1),
    ("minister", "minister", "NOUN", "NN", "nsubj", 2),
    ("resigned", "resign", "VERB", "VBD", "ROOT", 2),
    ("after", "after", "SCONJ", "IN", "mark", 6),
    ("talks", "talk", "NOUN", "NNS", "nsubjpass", 6),
    ("were", "be", "AUX", "VBD", "auxpass", 6),
    ("suspended", "suspend", "VERB", "VBN", "advcl", 2),
    (".", ".", "PUNCT", ".", "punct", 2),
]


def test_a_passive_clause_with_its_own_subject_does_not_take_the_main_clauses():
    doc = parse_tagged(SUSPENDED)
    index = MentionIndex(doc, [mention(doc, 0, 1, country="GON", sector="GOV")], 0)
    assert find_arguments(doc[6], "SANCTION", index).recipient == ()


# "The Royal Marines said it would respond ." (a plural name for one body)
MARINES = [
    ("The", "the", "DET", "DT", "det", 2),
    ("Royal", "Royal", "PROPN", "NNP", "compound", 2),
    ("Marines", "Marines", "PROPN", "NNPS", "nsubj", 3),
    ("said", "say", "VERB", "VBD", "ROOT", 3),
    ("it", "it", "PRON", "PRP", "nsubj", 6),
    ("would", "would", "AUX", "MD", "aux", 6),
    ("respond", "respond", "VERB", "VB", "ccomp", 3),
    (".", ".", "PUNCT", ".", "punct", 3),
]


def test_it_may_stand_for_a_plural_name():
    doc = parse_tagged(MARINES)
    index = MentionIndex(doc, [mention(doc, 0, 2, country="GON", sector="MIL")], 0)
    assert [(a.text, a.country) for a in index.of(doc[4])] == [("it", "GON")]


# "Gondor vowed to repatriate them ."
REPATRIATE = [
    ("Gondor", "Gondor", "PROPN", "NNP", "nsubj", 1),
    ("vowed", "vow", "VERB", "VBD", "ROOT", 1),
    ("to", "to", "PART", "TO", "aux", 3),
    ("repatriate", "repatriate", "VERB", "VB", "xcomp", 1),
    ("them", "they", "PRON", "PRP", "dobj", 3),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_an_object_pronoun_is_not_the_subject_its_clause_borrows():
    doc = parse_tagged(REPATRIATE)
    index = MentionIndex(doc, [mention(doc, 0, 0, country="GON")], 0)
    assert index.of(doc[4]) == []


# "Gondor gave Rohan a stern warning ."
GAVE = [
    ("Gondor", "Gondor", "PROPN", "NNP", "nsubj", 1),
    ("gave", "give", "VERB", "VBD", "ROOT", 1),
    ("Rohan", "Rohan", "PROPN", "NNP", "dative", 1),
    ("a", "a", "DET", "DT", "det", 5),
    ("stern", "stern", "ADJ", "JJ", "amod", 5),
    ("warning", "warning", "NOUN", "NN", "dobj", 1),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_a_nominal_act_carried_by_a_light_verb_goes_to_its_indirect_object():
    doc = parse_tagged(GAVE)
    index = MentionIndex(doc, [mention(doc, 0, 0, country="GON"), mention(doc, 2, 2, country="ROH")], 0)
    args = find_arguments(doc[5], "THREATEN", index)
    assert ([a.text for a in args.actor], [r.text for r in args.recipient]) == (["Gondor"], ["Rohan"])


# "The minister called for Rohan to withdraw ."
CALL_FOR = [
    ("The", "the", "DET", "DT", "det", 1),
    ("minister", "minister", "NOUN", "NN", "nsubj", 2),
    ("called", "call", "VERB", "VBD", "ROOT", 2),
    ("for", "for", "SCONJ", "IN", "mark", 6),
    ("Rohan", "Rohan", "PROPN", "NNP", "nsubj", 6),
    ("to", "to", "PART", "TO", "aux", 6),
    ("withdraw", "withdraw", "VERB", "VB", "advcl", 2),
    (".", ".", "PUNCT", ".", "punct", 2),
]


def test_calling_for_someone_to_act_is_addressed_to_them():
    doc = parse_tagged(CALL_FOR)
    index = MentionIndex(doc, [mention(doc, 0, 1, country="GON", sector="GOV"), mention(doc, 4, 4, country="ROH")], 0)
    assert [r.text for r in find_arguments(doc[2], "REQUEST", index).recipient] == ["Rohan"]


# "Gondor sent supplies and a team of doctors to Rohan ." (the to-phrase parsed under "doctors")
SENT = [
    ("Gondor", "Gondor", "PROPN", "NNP", "nsubj", 1),
    ("sent", "send", "VERB", "VBD", "ROOT", 1),
    ("supplies", "supply", "NOUN", "NNS", "dobj", 1),
    ("and", "and", "CCONJ", "CC", "cc", 2),
    ("a", "a", "DET", "DT", "det", 5),
    ("team", "team", "NOUN", "NN", "conj", 2),
    ("of", "of", "ADP", "IN", "prep", 5),
    ("doctors", "doctor", "NOUN", "NNS", "pobj", 6),
    ("to", "to", "ADP", "IN", "prep", 7),
    ("Rohan", "Rohan", "PROPN", "NNP", "pobj", 8),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_what_is_given_is_not_whom_it_goes_to():
    doc = parse_tagged(SENT)
    spans = [(0, 0, "GON", None), (7, 7, "GON", "MED"), (9, 9, "ROH", None)]
    index = MentionIndex(doc, mentions_of(doc, spans), 0)
    assert [r.text for r in find_arguments(doc[1], "AID", index).recipient] == ["Rohan"]


# "A roadside bomb killed three soldiers ."
BOMB = [
    ("A", "a", "DET", "DT", "det", 2),
    ("roadside", "roadside", "NOUN", "NN", "compound", 2),
    ("bomb", "bomb", "NOUN", "NN", "nsubj", 3),
    ("killed", "kill", "VERB", "VBD", "ROOT", 3),
    ("three", "three", "NUM", "CD", "nummod", 5),
    ("soldiers", "soldier", "NOUN", "NNS", "dobj", 3),
    (".", ".", "PUNCT", ".", "punct", 3),
]


def test_an_attack_that_is_the_subject_of_a_harm_verb_hit_its_object():
    doc = parse_tagged(BOMB)
    index = MentionIndex(doc, [mention(doc, 4, 5, country="GON", sector="MIL")], 0)
    assert [r.text for r in find_arguments(doc[2], "ASSAULT", index).recipient] == ["three soldiers"]


# "Gondor agreed to lift a ban on Rohirric beef ."
LIFT = [
    ("Gondor", "Gondor", "PROPN", "NNP", "nsubj", 1),
    ("agreed", "agree", "VERB", "VBD", "ROOT", 1),
    ("to", "to", "PART", "TO", "aux", 3),
    ("lift", "lift", "VERB", "VB", "xcomp", 1),
    ("a", "a", "DET", "DT", "det", 5),
    ("ban", "ban", "NOUN", "NN", "dobj", 3),
    ("on", "on", "ADP", "IN", "prep", 5),
    ("Rohirric", "rohirric", "ADJ", "JJ", "amod", 8),
    ("beef", "beef", "NOUN", "NN", "pobj", 6),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_the_search_for_a_target_reaches_the_object_of_the_complement():
    doc = parse_tagged(LIFT)
    index = MentionIndex(doc, [mention(doc, 0, 0, country="GON"), mention(doc, 7, 7, country="ROH")], 0)
    args = find_arguments(doc[1], "CONCEDE", index, chain_skip_preps=CIRCUMSTANCE_PREPS)
    assert [r.text for r in args.recipient] == ["Rohirric"]


# "Gondor withdrew 200 peacekeepers from Rohan ."
PEACEKEEPERS = [
    ("Gondor", "Gondor", "PROPN", "NNP", "nsubj", 1),
    ("withdrew", "withdraw", "VERB", "VBD", "ROOT", 1),
    ("200", "200", "NUM", "CD", "nummod", 3),
    ("peacekeepers", "peacekeeper", "NOUN", "NNS", "dobj", 1),
    ("from", "from", "ADP", "IN", "prep", 1),
    ("Rohan", "Rohan", "PROPN", "NNP", "pobj", 4),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_forces_sent_or_withdrawn_are_the_actors_own():
    doc = parse_tagged(PEACEKEEPERS)
    spans = [(0, 0, "GON", None), (3, 3, "GON", "MIL"), (5, 5, "ROH", None)]
    index = MentionIndex(doc, mentions_of(doc, spans), 0)
    assert [r.text for r in find_arguments(doc[1], "RETREAT", index).recipient] == ["Rohan"]
    # with no one doing the withdrawing, the forces stay (the coder reads them as the ones who move)
    index = MentionIndex(doc, mentions_of(doc, spans[1:]), 0)
    assert [r.text for r in find_arguments(doc[1], "RETREAT", index).recipient] == ["peacekeepers", "Rohan"]


# "Quito requested further assistance ."
REQUESTED_AID = [
    ("Quito", "Quito", "PROPN", "NNP", "nsubj", 1),
    ("requested", "request", "VERB", "VBD", "ROOT", 1),
    ("further", "further", "ADJ", "JJ", "amod", 3),
    ("assistance", "assistance", "NOUN", "NN", "dobj", 1),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def _request(url):
    doc = parse_tagged(REQUESTED_AID)
    events = EventCoder().code(doc, [mention(doc, 0, 0, country="ECU", sector="GOV")], context(doc, url=url)).events
    return next(e for e in events if e.event == "REQUEST")


def test_a_request_in_a_cable_made_of_no_one_named_is_made_of_the_writer():
    event = _request("https://wikileaks.org/plusd/cables/09QUITO101.html")
    assert [(a.country, a.sector) for a in event.actor] == [("ECU", "GOV")]
    assert [(a.country, a.sector, a.kb_id) for a in event.recipient] == [("USA", "GOV", "implicit:writer")]


def test_a_request_in_a_news_story_keeps_no_recipient():
    event = _request("https://www.voanews.com/a/some-story.html")
    assert event.recipient == ()


# "Lima ordered a withdrawal . The rebels ignored the order ."
IGNORED_ORDER = [
    ("Lima", "Lima", "PROPN", "NNP", "nsubj", 1),
    ("ordered", "order", "VERB", "VBD", "ROOT", 1),
    ("a", "a", "DET", "DT", "det", 3),
    ("withdrawal", "withdrawal", "NOUN", "NN", "dobj", 1),
    (".", ".", "PUNCT", ".", "punct", 1),
    ("The", "the", "DET", "DT", "det", 6),
    ("rebels", "rebel", "NOUN", "NNS", "nsubj", 7),
    ("ignored", "ignore", "VERB", "VBD", "ROOT", 7),
    ("the", "the", "DET", "DT", "det", 9),
    ("order", "order", "NOUN", "NN", "dobj", 7),
    (".", ".", "PUNCT", ".", "punct", 7),
]


def test_a_rejection_of_an_act_named_earlier_is_aimed_at_who_made_it():
    doc = parse_tagged(IGNORED_ORDER)
    mentions = [mention(doc, 0, 0, country="PER", sector="GOV"), mention(doc, 5, 6, country="PER", sector="REB")]
    events = EventCoder().code(doc, mentions, context(doc)).events
    (ignored,) = [e for e in events if e.trigger.text == "ignored"]
    assert [(a.country, a.sector) for a in ignored.actor] == [("PER", "REB")]
    assert [(a.country, a.sector, a.kb_id) for a in ignored.recipient] == [("PER", "GOV", "implicit:answered")]
