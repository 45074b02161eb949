"""The ontology tables: complete, consistent, and lookups that fail with coded errors."""

from __future__ import annotations

import pytest

from cablegram.coder import ontology
from cablegram.errors import CodingError


def test_sixteen_plover_events_with_modes_and_scores():
    events = ontology.plover_events()
    assert len(events) == 16
    assert {m.mode for m in events["COERCE"].modes} >= {"arrest", "seize", "curfew", "deport"}
    assert ontology.plover_score("PROTEST", "riot") == -7.0
    assert ontology.plover_score("PROTEST") == -5.0


def test_every_cameo_code_maps_to_known_plover_modes_and_contexts():
    codes = ontology.cameo_codes()
    assert len(codes) > 300
    modes = {(m.event, m.mode) for e in ontology.plover_events().values() for m in e.modes}
    contexts = set(ontology.plover_contexts())
    for c in codes.values():
        assert c.quad in {1, 2, 3, 4} and 0 <= c.penta <= 4 and -10 <= c.goldstein <= 10
        assert c.mode is None or (c.event, c.mode) in modes, c.code
        assert set(c.context) <= contexts, c.code


def test_mapping_both_ways():
    assert ontology.plover_for_cameo("173")[:2] == ("COERCE", "arrest")
    assert ontology.plover_for_cameo("186")[0] == "ASSAULT"
    assert ontology.cameo_for_plover("CONSULT", "visit") == "042"
    for event in ontology.plover_events():
        code = ontology.cameo_for_plover(event)
        assert ontology.is_cameo(code)


def test_penta_class_follows_phoenix_convention():
    assert ontology.penta_class("010") == 0
    assert ontology.penta_class("161") == 3  # reduce relations counts as verbal conflict
    assert ontology.penta_class("190") == 4


def test_unknown_codes_raise_coded_errors():
    with pytest.raises(CodingError) as err:
        ontology.cameo("999")
    assert err.value.code == "E301"
    with pytest.raises(CodingError) as err:
        ontology.plover_event("DANCE")
    assert err.value.code == "E302"
