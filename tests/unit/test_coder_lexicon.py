"""The trigger lexicon: loading, validation, matching on lemmas, object constraints."""

from __future__ import annotations

import pytest

from cablegram.coder import ontology
from cablegram.coder.lexicon import BLOCK, Lexicon, default_lexicon, inflections
from cablegram.errors import CodingError

from .coder_docs import SOLD, VOWED, parse


def test_lexicon_covers_every_plover_event():
    events = {t.event for t in default_lexicon().triggers() if t.cameo != BLOCK}
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
