"""The PETRARCH coder reads its source and target through the shared argument machinery
(hand-built parses, no model)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from cablegram.coder.arguments import MentionIndex, chain_recipients, find_arguments
from cablegram.petrarch import PetrarchActors, load_dictionaries
from cablegram.petrarch.coder import CodeIndex
from cablegram.petrarch.matching import PhraseIndex, find_units

from .coder_docs import context, mention, parse

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "petrarch"

# "Norvalia restored ties with Vestmark ."
RESTORED = [
    ("Norvalia", "Norvalia", "PROPN", "nsubj", 1),
    ("restored", "restore", "VERB", "ROOT", 1),
    ("ties", "tie", "NOUN", "dobj", 1),
    ("with", "with", "ADP", "prep", 2),
    ("Vestmark", "Vestmark", "PROPN", "pobj", 3),
    (".", ".", "PUNCT", "punct", 1),
]

# "Norvalia said Vestmark left ."
SAID = [
    ("Norvalia", "Norvalia", "PROPN", "nsubj", 1),
    ("said", "say", "VERB", "ROOT", 1),
    ("Vestmark", "Vestmark", "PROPN", "nsubj", 3),
    ("left", "leave", "VERB", "ccomp", 1),
    (".", ".", "PUNCT", "punct", 1),
]

# "the police of Norvalia and Vestmark met Kovrin ."
POLICE = [
    ("the", "the", "DET", "det", 1),
    ("police", "police", "NOUN", "nsubj", 6),
    ("of", "of", "ADP", "prep", 1),
    ("Norvalia", "Norvalia", "PROPN", "pobj", 2),
    ("and", "and", "CCONJ", "cc", 3),
    ("Vestmark", "Vestmark", "PROPN", "conj", 3),
    ("met", "meet", "VERB", "ROOT", 6),
    ("Kovrin", "Kovrin", "PROPN", "dobj", 6),
    (".", ".", "PUNCT", "punct", 6),
]


def test_chain_recipients_follow_prepositions_below_the_object():
    doc = parse(RESTORED)
    index = MentionIndex(doc, [mention(doc, 0, country="NVL"), mention(doc, 4, country="VSK")], 0, named=False)
    # "with" under the object is beyond the verb's own recipients; the chain reaches it
    assert find_arguments(doc[1], "", index, chains=False).recipient == ()
    assert [a.text for a in chain_recipients(doc[1], index)] == ["Vestmark"]
    assert [a.text for a in find_arguments(doc[1], "", index).recipient] == ["Vestmark"]
    assert chain_recipients(doc[1], index, skip={4}) == []


def test_chain_recipients_end_with_the_subject_of_a_complement_clause():
    doc = parse(SAID)
    index = MentionIndex(doc, [mention(doc, 0), mention(doc, 2)], 0, named=False)
    assert [a.text for a in chain_recipients(doc[1], index)] == ["Vestmark"]
    assert chain_recipients(doc[1], index, depth=0, skip={2}) == []


def test_code_index_names_each_listed_owner_with_a_composed_code():
    dicts = load_dictionaries(FIX)
    doc = parse(POLICE)
    ctx = context(doc)
    mentions = PetrarchActors(dicts).find_mentions(doc, ctx)
    units = find_units(doc, PhraseIndex(dicts.actors, dicts.agents))
    index = CodeIndex(doc, mentions, 0, units, date(1997, 5, 1))
    args = find_arguments(doc[6], "", index)
    # one actor per owner, each pointing at its own words, so none is merged away
    assert sorted(a.cameo_code or "" for a in args.actor) == ["NVLCOP", "VSKCOP"]
    assert len({(a.start, a.end) for a in args.actor}) == 2
    assert all(a.country in {"NVL", "VSK"} and a.sector == "COP" for a in args.actor)
    assert [(a.text, a.cameo_code) for a in args.recipient] == [("Kovrin", "VSKGOV")]


# "Kovrin met Zorba ."
MET = [
    ("Kovrin", "Kovrin", "PROPN", "nsubj", 1),
    ("met", "meet", "VERB", "ROOT", 1),
    ("Zorba", "Zorba", "PROPN", "dobj", 1),
    (".", ".", "PUNCT", "punct", 1),
]


def test_code_index_falls_back_on_the_shared_index_where_the_dictionaries_name_nothing():
    dicts = load_dictionaries(FIX)
    doc = parse(MET)
    units = find_units(doc, PhraseIndex(dicts.actors, dicts.agents))
    # "Zorba" is in no dictionary; another stage resolved it (with a code) and one without
    coded = replace(mention(doc, 2, country="ZZZ"), cameo_code="ZZZ")
    index = CodeIndex(doc, [coded], 0, units, date(1997, 5, 1))
    assert [(a.text, a.cameo_code) for a in index.of(doc[2])] == [("Zorba", "ZZZ")]
    assert [(a.text, a.cameo_code) for a in index.of(doc[0])] == [("Kovrin", "VSKGOV")]
    bare = CodeIndex(doc, [mention(doc, 2)], 0, units, date(1997, 5, 1))
    assert bare.of(doc[2]) == []  # a mention without a code cannot be coded
