"""The coder with the real model: anchor sentences, the issue's examples, factuality, quotes and
advisories, through the whole pipeline."""

from __future__ import annotations

import pytest

from cablegram.records import Document

pytestmark = pytest.mark.integration


def _coded(pipeline, text):
    return pipeline.code_document(Document(doc_id="t", text=text))


def _one(pipeline, text, event):
    found = [e for e in _coded(pipeline, text).events if e.event == event]
    assert found, f"no {event} in {text!r}"
    return found[0]


def _texts(actors):
    return [a.text for a in actors]


def test_detained_demonstrators(pipeline):
    e = _one(pipeline, "Police detained 25 of the 150 demonstrators in Baku.", "COERCE")
    assert (e.cameo, e.mode) == ("173", "arrest")
    assert _texts(e.actor) == ["Police"]
    assert (e.size.arrested, e.size.participants) == (25, 150)


def test_weapons_sale(pipeline):
    e = _one(pipeline, "Israel sold weapons to Azerbaijan.", "COOPERATE")
    assert e.cameo == "062" and _texts(e.actor) == ["Israel"] and _texts(e.recipient) == ["Azerbaijan"]
    nominal = _one(pipeline, "Weapons sales by Israel to Azerbaijan rose sharply.", "COOPERATE")
    assert _texts(nominal.actor) == ["Israel"] and _texts(nominal.recipient) == ["Azerbaijan"]


def test_accusation(pipeline):
    e = _one(pipeline, "Russia accused Ukraine of shelling.", "ACCUSE")
    assert e.cameo_root == "11" and _texts(e.actor) == ["Russia"] and _texts(e.recipient) == ["Ukraine"]


def test_nominal_assault_with_adjective_actor(pipeline):
    e = _one(pipeline, "An Israeli helicopter assault killed 12 Iranian soldiers.", "ASSAULT")
    assert e.actor and e.actor[0].country == "ISR"
    assert e.size.killed == 12


def test_threat_and_planned_attack(pipeline):
    events = _coded(pipeline, "Iran threatened to attack Israel.").events
    threat = next(e for e in events if e.event == "THREATEN")
    assert _texts(threat.actor) == ["Iran"] and _texts(threat.recipient) == ["Israel"]
    attack = [e for e in events if e.event == "ASSAULT"]
    assert all(e.factuality == "planned" for e in attack)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Russia did not attack Ukraine.", "negated"),
        ("Iran may have been behind the attack on Israeli diplomats.", "speculative"),
        ("If Russia attacks Ukraine, the West will respond.", "hypothetical"),
        ("Iran plans to attack Israeli ships.", "planned"),
    ],
)
def test_factuality(pipeline, text, value):
    events = _coded(pipeline, text).events
    assert events and events[0].factuality == value


def test_reported_with_attribution(pipeline):
    e = _one(
        pipeline, "According to the cable, Iranian agents attacked Israeli diplomats in Baku.", "ASSAULT"
    )
    assert e.factuality == "reported" and e.attribution == "the cable"


def test_direct_quote_speaker_and_pronoun(pipeline):
    text = 'The Iranian foreign minister criticized Israel. "We will not accept this," he said.'
    coded = _coded(pipeline, text)
    (quote,) = [q for q in coded.quotes if q.kind == "direct"]
    assert quote.text == "We will not accept this"
    assert quote.speaker is not None and quote.speaker.country == "IRN"
    assert text[quote.start : quote.end] == quote.text


def test_indirect_quote(pipeline):
    coded = _coded(
        pipeline, "The Russian ambassador told the press that Russia would not withdraw its troops."
    )
    (quote,) = coded.quotes
    assert quote.kind == "indirect" and quote.text.startswith("Russia would not withdraw")
    assert quote.speaker_text == "The Russian ambassador"


def test_advisory_with_country_list(pipeline):
    text = (
        "The Israeli Foreign Ministry had warned against possible terror attacks against Israelis "
        "in Azerbaijan, Georgia, Armenia, Egypt and Turkey."
    )
    (adv,) = _coded(pipeline, text).advisories
    assert adv.issuer is not None and adv.issuer.country == "ISR"
    assert adv.countries == ("AZE", "GEO", "ARM", "EGY", "TUR")
    assert "terrorism" in adv.threats


def test_travel_alert(pipeline):
    coded = _coded(pipeline, "The US Department of State has issued travel alerts for Azerbaijan.")
    (adv,) = coded.advisories
    assert adv.countries == ("AZE",) and adv.issuer is not None and adv.issuer.country == "USA"
    assert not coded.events


def test_refusing_to_cooperate_is_a_rejection(pipeline):
    e = _one(pipeline, "The British government will not lift the ban on the LTTE.", "REJECT")
    assert e.cameo == "124" and e.factuality == "asserted"
    assert e.actor and e.actor[0].country == "GBR"


def test_stated_future_acts_are_promises_or_threats(pipeline):
    deal = _one(pipeline, "Turkey will sign a trade deal with Azerbaijan next week.", "AGREE")
    assert deal.cameo.startswith("03") and deal.factuality == "asserted"
    threat = _one(
        pipeline, "Turkey will begin a new military operation against Kurdish fighters.", "THREATEN"
    )
    assert threat.cameo == "138" and threat.actor[0].country == "TUR"


def test_purpose_clause_is_not_a_second_meeting(pipeline):
    text = "Azerbaijani officials met with the Israeli ambassador on Tuesday to discuss energy cooperation."
    events = _coded(pipeline, text).events
    assert [e.event for e in events] == ["CONSULT"]
    assert events[0].trigger.text == "met"


def test_a_criticised_act_is_the_content_of_the_criticism(pipeline):
    """PLOVER codes the speech act; what it is about is not coded again as a fact."""
    text = "The talks came a week after Iran criticized Baku for buying Israeli drones."
    criticism = _one(pipeline, text, "ACCUSE")
    assert _texts(criticism.actor) == ["Iran"] and _texts(criticism.recipient) == ["Baku"]
    assert not [e for e in _coded(pipeline, text).events if e.event == "COOPERATE"]


def test_an_appeal_codes_the_appeal_not_the_act_asked_for(pipeline):
    events = _coded(pipeline, "The United States urged Russia to withdraw its troops from Ukraine.").events
    assert [e.event for e in events] == ["REQUEST"]
    assert _texts(events[0].recipient)[:1] == ["Russia"]


def test_a_modal_demand_is_a_request_to_the_subject(pipeline):
    events = _coded(pipeline, "The Venezuelan government should release the detained opposition leaders.").events
    request = next(e for e in events if e.event == "REQUEST")
    assert request.cameo == "0253" and _texts(request.recipient) == ["Venezuelan government"]
    assert not [e for e in events if e.event == "RETREAT"]


def test_words_that_are_not_events(pipeline):
    text = "Iran-backed militias remained in the area, and riot police watched bomb shelters on March 2."
    assert _coded(pipeline, text).events == ()


def test_rejecting_an_accusation_is_a_denial_not_an_event(pipeline):
    coded = _coded(pipeline, "Iran rejected accusations that it attacked Israeli ships.")
    assert coded.events == ()
    assert _one(pipeline, "Iran rejected the American proposal.", "REJECT").cameo == "120"


def test_advisory_level_and_threats(pipeline):
    text = (
        "The US State Department raised its travel advisory for Egypt to level 4, do not travel, "
        "citing terrorism and kidnapping."
    )
    (adv,) = _coded(pipeline, text).advisories
    assert adv.level == "level 4" and adv.countries == ("EGY",)
    assert {"terrorism", "kidnapping"} <= set(adv.threats)


def test_counts_belong_to_their_event(pipeline):
    events = _coded(pipeline, "Police fired tear gas and arrested 40 people.").events
    arrest = next(e for e in events if e.event == "COERCE")
    assert arrest.size.arrested == 40
    assert all(e.size.arrested is None for e in events if e is not arrest)
