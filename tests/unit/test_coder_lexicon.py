"""The trigger lexicon: loading, validation, matching on lemmas, object constraints."""

from __future__ import annotations

import pytest

from cablegram.coder import ontology
from cablegram.coder.lexicon import BLOCK, NOTHING, Lexicon, default_lexicon, inflections
from cablegram.errors import CodingError

from .coder_docs import SOLD, VOWED, parse


def test_lexicon_covers_every_plover_event():
    events = {t.event for t in default_lexicon().triggers() if t.cameo not in {BLOCK, NOTHING}}
    assert events == set(ontology.plover_events())


def test_object_constraint_picks_the_three_digit_code():
    doc = parse(SOLD)
    match = default_lexicon().match(doc[1])
    assert match is not None and match.trigger.cameo == "062"


def test_multiword_expression_spans_its_words():
    doc = parse(VOWED)
    match = default_lexicon().match(doc[1])
    assert match is not None
    assert match.trigger.event == "THREATEN" and match.tokens == (1, 2, 3)


def test_cue_terms_include_inflections():
    cues = default_lexicon().cue_terms()
    assert {"detained", "sold", "accused", "protesting", "attacks"} <= cues
    assert inflections("ban") >= {"banned", "banning", "bans"}


def test_malformed_entries_raise_e303():
    with pytest.raises(CodingError) as err:
        Lexicon.from_tsv("attack\tX\t190\n", source="mine.tsv")
    assert err.value.code == "E303" and "mine.tsv" in err.value.message
    with pytest.raises(CodingError) as err:
        Lexicon.from_tsv("attack\tV\t999\n")
    assert err.value.code == "E301"


def _lex(text: str) -> Lexicon:
    return Lexicon.from_tsv("lemmas\tpos\tcameo\tplover\tobj\n" + text)


def test_a_slot_may_list_alternatives():
    lex = _lex("stage|hold protest|rally\tV\t141\tPROTEST/demo\n")
    assert sorted(t.lemmas for t in lex.triggers()) == [
        ("hold", "protest"),
        ("hold", "rally"),
        ("stage", "protest"),
        ("stage", "rally"),
    ]


def test_inflected_word_matches_when_the_lemma_is_wrong():
    # the small model lemmatises "staged" as "stag"
    doc = parse(
        [
            ("Students", "student", "NOUN", "nsubj", 1),
            ("staged", "stag", "VERB", "ROOT", 1),
            ("a", "a", "DET", "det", 3),
            ("protest", "protest", "NOUN", "dobj", 1),
        ]
    )
    match = _lex("stage protest\tV\t141\tPROTEST/demo\n").match(doc[1])
    assert match is not None and match.tokens == (1, 3)


# "Russia declared two diplomats persona non grata ."
PNG = [
    ("Russia", "Russia", "PROPN", "nsubj", 1),
    ("declared", "declare", "VERB", "ROOT", 1),
    ("two", "two", "NUM", "nummod", 3),
    ("diplomats", "diplomat", "NOUN", "nsubj", 6),
    ("persona", "persona", "NOUN", "compound", 6),
    ("non", "non", "ADJ", "amod", 6),
    ("grata", "grata", "NOUN", "ccomp", 1),
    (".", ".", "PUNCT", "punct", 1),
]


def test_a_verbal_expression_may_have_a_gap():
    match = default_lexicon().match(parse(PNG)[1])
    assert match is not None and match.trigger.cameo == "166"
    assert match.tokens == (1, 4, 5, 6)


def test_later_words_may_sit_below_the_previous_word():
    # "He was placed under house arrest ."
    doc = parse(
        [
            ("He", "he", "PRON", "nsubjpass", 2),
            ("was", "be", "AUX", "auxpass", 2),
            ("placed", "place", "VERB", "ROOT", 2),
            ("under", "under", "ADP", "prep", 2),
            ("house", "house", "NOUN", "compound", 5),
            ("arrest", "arrest", "NOUN", "pobj", 3),
        ]
    )
    match = default_lexicon().match(doc[2])
    assert match is not None and match.trigger.event == "COERCE" and match.tokens == (2, 3, 5)


def test_a_participle_used_as_an_adjective_is_not_an_event():
    # "Iran - backed militias fired ."
    doc = parse(
        [
            ("Iran", "Iran", "PROPN", "npadvmod", 2),
            ("-", "-", "PUNCT", "punct", 2),
            ("backed", "back", "VERB", "amod", 3),
            ("militias", "militia", "NOUN", "nsubj", 4),
            ("fired", "fire", "VERB", "ROOT", 4),
        ]
    )
    assert default_lexicon().match(doc[2]) is None


def test_a_relation_verb_in_a_reduced_relative_is_not_an_event():
    # "the coalition backing the government"
    doc = parse(
        [
            ("the", "the", "DET", "det", 1),
            ("coalition", "coalition", "NOUN", "ROOT", 1),
            ("backing", "back", "VERB", "acl", 1),
            ("the", "the", "DET", "det", 4),
            ("government", "government", "NOUN", "dobj", 2),
        ]
    )
    doc[2].tag_ = "VBG"
    assert default_lexicon().match(doc[2]) is None


def test_a_noun_modifying_a_noun_names_a_kind():
    # "ceasefire violations" and "riot police" are not a ceasefire nor a riot
    doc = parse(
        [
            ("ceasefire", "ceasefire", "NOUN", "compound", 1),
            ("violations", "violation", "NOUN", "ROOT", 1),
        ]
    )
    assert default_lexicon().match(doc[0]) is None


def test_blocked_compound_is_matched_as_no_event():
    doc = parse(
        [
            ("riot", "riot", "NOUN", "compound", 1),
            ("police", "police", "NOUN", "nsubj", 2),
            ("fired", "fire", "VERB", "ROOT", 2),
        ]
    )
    match = default_lexicon().match(doc[0])
    assert match is not None and match.trigger.cameo == BLOCK


def test_a_month_is_never_a_trigger():
    from spacy.tokens import Span

    doc = parse([("March", "March", "PROPN", "ROOT", 0), ("20", "20", "NUM", "nummod", 0)])
    assert default_lexicon().match(doc[0]) is not None  # the noun "march" (a protest march)
    doc.ents = [Span(doc, 0, 2, label="DATE")]
    assert default_lexicon().match(doc[0]) is None


def test_light_verb_with_event_noun_claims_both_words():
    # "Thai and Cambodian troops exchanged fire"
    doc = parse(
        [
            ("troops", "troop", "NOUN", "nsubj", 1),
            ("exchanged", "exchange", "VERB", "ROOT", 1),
            ("fire", "fire", "NOUN", "dobj", 1),
        ]
    )
    match = default_lexicon().match(doc[1])
    assert match is not None and match.trigger.event == "ASSAULT" and match.tokens == (1, 2)


def test_object_constraint_reads_the_word_as_well_as_the_lemma():
    # the model lemmatises "media" as "medium"
    doc = parse(
        [
            ("media", "medium", "NOUN", "compound", 1),
            ("blackout", "blackout", "NOUN", "ROOT", 1),
        ]
    )
    match = default_lexicon().match(doc[1])
    assert match is not None and match.trigger.cameo == "1721"


def test_subject_of_a_transitive_verb_is_not_its_object():
    # "Students held a rally": holding a rally is not holding students in custody
    doc = parse(
        [
            ("Students", "student", "NOUN", "nsubj", 1),
            ("held", "hold", "VERB", "ROOT", 1),
            ("a", "a", "DET", "det", 3),
            ("vigil", "vigil", "NOUN", "dobj", 1),
        ]
    )
    lex = _lex("hold\tV\t173\t\tstudent|detainee\n")
    assert lex.match(doc[1]) is None


def test_bare_agreement_noun_is_not_an_event_but_signing_one_is():
    lex = default_lexicon()
    doc = parse(
        [
            ("They", "they", "PRON", "nsubj", 1),
            ("signed", "sign", "VERB", "ROOT", 1),
            ("an", "an", "DET", "det", 3),
            ("agreement", "agreement", "NOUN", "dobj", 1),
        ]
    )
    assert lex.match(doc[3]) is None
    signed = lex.match(doc[1])
    assert signed is not None and signed.trigger.event == "SUPPORT"


def test_carrying_expression_takes_the_code_of_its_noun():
    # "Rebels claimed responsibility for the bombing": the bombing, with the claimant as its head
    doc = parse(
        [
            ("Rebels", "rebel", "NOUN", "nsubj", 1),
            ("claimed", "claim", "VERB", "ROOT", 1),
            ("responsibility", "responsibility", "NOUN", "dobj", 1),
            ("for", "for", "ADP", "prep", 2),
            ("the", "the", "DET", "det", 5),
            ("bombing", "bombing", "NOUN", "pobj", 3),
        ]
    )
    match = default_lexicon().match(doc[1])
    assert match is not None and match.head == 1 and match.tokens == (1, 2, 5)
    assert match.trigger.event == "ASSAULT" and match.trigger.cameo == "183"
    # without an event noun below it, the expression is nothing
    bare = parse(
        [
            ("They", "they", "PRON", "nsubj", 1),
            ("claimed", "claim", "VERB", "ROOT", 1),
            ("responsibility", "responsibility", "NOUN", "dobj", 1),
        ]
    )
    assert default_lexicon().match(bare[1]) is None


def test_nothing_sense_is_no_trigger_and_blocks_nothing():
    # "They released a statement": no release; the lexicon's "~" sense wins over plain "release"
    doc = parse(
        [
            ("They", "they", "PRON", "nsubj", 1),
            ("released", "release", "VERB", "ROOT", 1),
            ("a", "a", "DET", "det", 3),
            ("statement", "statement", "NOUN", "dobj", 1),
        ]
    )
    assert default_lexicon().match(doc[1]) is None
    freed = parse(
        [
            ("They", "they", "PRON", "nsubj", 1),
            ("released", "release", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3),
            ("detainees", "detainee", "NOUN", "dobj", 1),
        ]
    )
    match = default_lexicon().match(freed[1])
    assert match is not None and match.trigger.event == "RETREAT"


def test_any_object_condition_needs_an_object_or_a_passive():
    lex = _lex("return\tV\t0842\t\t*\n")
    went_home = parse(
        [
            ("He", "he", "PRON", "nsubj", 1),
            ("returned", "return", "VERB", "ROOT", 1),
            ("home", "home", "ADV", "advmod", 1),
        ]
    )
    assert lex.match(went_home[1]) is None
    gave_back = parse(
        [
            ("They", "they", "PRON", "nsubj", 1),
            ("returned", "return", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3),
            ("paintings", "painting", "NOUN", "dobj", 1),
        ]
    )
    assert lex.match(gave_back[1]) is not None


def test_subject_condition_tells_protesters_from_armed_groups():
    def blocked(subject: str) -> str | None:
        doc = parse(
            [
                (subject, subject.rstrip("s"), "NOUN", "nsubj", 1),
                ("blocked", "block", "VERB", "ROOT", 1),
                ("roads", "road", "NOUN", "dobj", 1),
            ]
        )
        match = default_lexicon().match(doc[1])
        return match.trigger.event if match else None

    assert blocked("protesters") == "PROTEST"
    assert blocked("militants") == "COERCE"
