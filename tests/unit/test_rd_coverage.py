"""Trigger coverage and precision on real text (issue "coverage"): accusations made by claims,
acts decided or caused, words that are not the event they look like, announced acts that are not
threats, modal demands without an event word, terms set for the other side. Our own sentences,
coded with the real model."""

from __future__ import annotations

import pytest

from cablegram.records import Document

pytestmark = pytest.mark.integration


def _events(pipeline, text):
    return pipeline.code_document(Document(doc_id="t", text=text)).events


def _kinds(pipeline, text):
    return sorted((e.event, e.cameo) for e in _events(pipeline, text))


def _one(pipeline, text, event):
    found = [e for e in _events(pipeline, text) if e.event == event]
    assert len(found) == 1, f"{event} in {text!r}: {found}"
    return found[0]


def _texts(actors):
    return [a.text for a in actors]


# -- accusations made by claims ---------------------------------------------------------------
def test_a_claimed_abuse_is_an_accusation_and_the_abuse_stays_reported(pipeline):
    text = "The opposition leader claimed that the prisoners were being beaten by guards."
    assert _kinds(pipeline, text) == [("ACCUSE", "112"), ("ASSAULT", "182")]
    accuse = _one(pipeline, text, "ACCUSE")
    assert _texts(accuse.actor) == ["opposition leader"]
    assert _one(pipeline, text, "ASSAULT").factuality == "reported"


def test_a_rigged_charge_said_by_anyone_is_an_accusation(pipeline):
    accuse = _one(pipeline, "The party spokesman said the charges against its leader were politically motivated.",
                  "ACCUSE")
    assert accuse.cameo == "112" and _texts(accuse.actor) == ["party spokesman"]


def test_a_denied_charge_is_no_accusation(pipeline):
    text = "The party spokesman said the charges against its leader were not politically motivated."
    assert [e for e in _events(pipeline, text) if e.event == "ACCUSE"] == []


def test_a_fault_named_in_a_statement_blames_the_one_named(pipeline):
    text = "The junta issued a statement saying that any unrest would be the fault of the opposition."
    accuse = _one(pipeline, text, "ACCUSE")
    assert _texts(accuse.actor) == ["junta"] and _texts(accuse.recipient) == ["opposition"]


def test_a_claim_of_ones_own_combat_results_is_no_accusation(pipeline):
    text = "The army claimed that two rebel fighters had been killed in the clashes."
    assert [e.event for e in _events(pipeline, text) if e.event == "ACCUSE"] == []


def test_the_act_someone_is_blamed_for_is_theirs_and_reported(pipeline):
    text = "The army blamed the insurgents for a mortar attack on the base."
    assert _kinds(pipeline, text) == [("ACCUSE", "112"), ("ASSAULT", "190")]
    attack = _one(pipeline, text, "ASSAULT")
    assert _texts(attack.actor) == ["insurgents"] and attack.factuality == "reported"


def test_blame_for_firing_first_reaches_a_subject_hung_on_the_listener(pipeline):
    accuse = _one(pipeline, "The president told reporters the rebels had fired first.", "ACCUSE")
    assert accuse.cameo == "1123" and _texts(accuse.recipient) == ["rebels"]


# -- acts decided, caused, or done by getting in touch ------------------------------------------
def test_the_act_of_a_decision_is_coded(pipeline):
    sanction = _one(pipeline, "The ministry informed the embassy of the decision to expel three diplomats.",
                    "SANCTION")
    assert sanction.cameo == "166" and _texts(sanction.recipient) == ["diplomats"]


def test_what_a_cause_leads_people_to_do_happens(pipeline):
    protest = _one(pipeline, "The court's ruling led the farmers to protest outside parliament.", "PROTEST")
    assert protest.cameo == "141"


def test_an_ordered_closure_is_the_closure(pipeline):
    assert _kinds(pipeline, "The governor ordered the closure of the French school.") == [("SANCTION", "160")]


def test_a_speech_act_named_as_the_purpose_of_a_contact_is_done(pipeline):
    text = "The minister contacted the ambassador to express concern and to ask that the council act."
    assert "REQUEST" in {e.event for e in _events(pipeline, text)}


# -- words that are not the event they look like -----------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Tensions between the two countries eased last month.",
        "Government forces rallied to retake the town.",
        "The minister insisted that the border was open.",
        "Some of the protesters had been armed.",
        "The police stopped the marchers from staging a rally.",
        "The grant is intended to strengthen the readiness of the brigade.",
        "Three journalists are currently held in military prisons.",
        "These were supposed to have been high-level talks.",
    ],
)
def test_no_event(pipeline, text):
    assert _kinds(pipeline, text) == []


def test_charges_of_an_offence_do_not_report_the_offence(pipeline):
    text = "The activists face charges of organizing an illegal protest."
    assert [e.event for e in _events(pipeline, text)] == ["ACCUSE"]


def test_a_long_stretch_of_talks_dates_the_signing(pipeline):
    assert [e.event for e in _events(pipeline, "The deal was signed after two years of negotiations.")] == ["SUPPORT"]


def test_an_order_to_stand_down_is_no_deployment(pipeline):
    text = "The general ordered his troops to withdraw from the border."
    assert "MOBILIZE" not in {e.event for e in _events(pipeline, text)}


# -- announced acts, demands and terms ----------------------------------------------------------
def test_an_announced_sanction_is_a_sanction_not_a_threat(pipeline):
    assert _kinds(pipeline, "The ministry said it would suspend flights to the capital.") == [("SANCTION", "160")]


def test_a_modal_demand_without_an_event_word_is_an_appeal_to_the_subject(pipeline):
    request = _one(pipeline, "The government should respect the rights of journalists.", "REQUEST")
    assert request.cameo == "020" and _texts(request.recipient) == ["government"]


def test_a_demand_on_travellers_is_advice_not_an_appeal(pipeline):
    text = "Tourists should carry their passports at all times."
    assert [e for e in _events(pipeline, text) if e.event == "REQUEST"] == []


def test_terms_set_for_the_other_side_are_a_demand(pipeline):
    request = _one(pipeline, "The army gave the rebels three conditions for a truce.", "REQUEST")
    assert request.cameo == "100" and _texts(request.actor) == ["army"] and _texts(request.recipient) == ["rebels"]


def test_a_proviso_is_a_demand_on_the_one_it_names(pipeline):
    text = "The rebels accepted the offer, provided that the army halts its offensive."
    request = _one(pipeline, text, "REQUEST")
    assert _texts(request.actor) == ["rebels"] and _texts(request.recipient) == ["army"]


def test_yielding_ground_is_a_retreat(pipeline):
    retreat = _one(pipeline, "Police yielded the square to the crowd.", "RETREAT")
    assert _texts(retreat.actor) == ["Police"]


def test_reaffirming_a_commitment_is_a_promise(pipeline):
    assert _kinds(pipeline, "Japan reaffirmed its commitment to the alliance.") == [("AGREE", "030")]


def test_calling_an_official_is_a_phone_call_and_a_date_is_no_call_on(pipeline):
    consult = _one(pipeline, "The foreign minister called the ambassador on Monday.", "CONSULT")
    assert consult.cameo == "041" and [e.event for e in _events(pipeline, "The foreign minister called the "
                                                                  "ambassador on Monday.")] == ["CONSULT"]


def test_imposing_asset_freezes_is_a_sanction(pipeline):
    sanction = _one(pipeline, "Treasury imposed asset freezes on five banks.", "SANCTION")
    assert sanction.cameo == "163" and _texts(sanction.recipient) == ["banks"]


def test_a_deployment_announced_on_a_condition_is_a_threat(pipeline):
    text = "The president said she will order the army into the streets unless the protesters stop blocking roads."
    assert "THREATEN" in {e.event for e in _events(pipeline, text)}


def test_giving_in_to_demands_is_a_concession_not_a_demand(pipeline):
    text = "The government gave in to the strikers' demands."
    assert [e.event for e in _events(pipeline, text)] == ["CONCEDE"]


def test_calling_off_a_protest_is_a_concession(pipeline):
    assert [e.event for e in _events(pipeline, "The opposition party called off the protests.")] == ["CONCEDE"]


def test_the_reason_for_a_sanction_is_not_reported_as_an_event(pipeline):
    text = "Washington sanctioned four generals over the army's crackdown on protesters."
    assert [e.event for e in _events(pipeline, text)] == ["SANCTION"]


def test_an_accusation_named_by_its_denial_was_made_by_its_owner(pipeline):
    text = "Moscow rejected the Ukrainian accusation that Russian troops shelled the plant."
    accuse = _one(pipeline, text, "ACCUSE")
    assert [a.country for a in accuse.actor] == ["UKR"]
    assert _kinds(pipeline, "The ministry dismissed the accusations as baseless.") == []


def test_evidence_of_involvement_is_an_accusation(pipeline):
    text = "The minister told the envoy that they had evidence of Syrian involvement in the bombing."
    assert "ACCUSE" in {e.event for e in _events(pipeline, text)}


def test_seeking_an_action_is_a_request_but_seeking_treatment_is_not(pipeline):
    assert "REQUEST" in {e.event for e in _events(pipeline, "Japan sought urgent action by the Security Council.")}
    assert _kinds(pipeline, "Hundreds of villagers sought medical treatment.") == []


def test_a_long_war_summed_up_is_background(pipeline):
    assert _kinds(pipeline, "The war in the north has left thousands of families homeless.") == []
    assert [e.event for e in _events(pipeline, "The war broke out in 2015.")] == ["ASSAULT"]


def test_a_cause_is_not_the_content_of_a_request(pipeline):
    text = "The embassy requested permission to close on Monday due to a planned protest."
    assert {"REQUEST", "PROTEST"} <= {e.event for e in _events(pipeline, text)}


def test_fire_that_lands_is_an_attack_and_falling_prices_are_not(pipeline):
    assert [e.event for e in _events(pipeline, "Two rockets landed near the embassy.")] == ["ASSAULT"]
    assert _kinds(pipeline, "Oil prices fell sharply.") == []
    assert _kinds(pipeline, "The plane landed in Kabul.") == []


def test_a_gerund_after_in_is_the_event_noun(pipeline):
    assert "ASSAULT" in {e.event for e in _events(pipeline, "Three soldiers died in fighting near the border.")}


@pytest.mark.parametrize(
    "text",
    ["Russia must have known about the plan.", "Any decision to attack the port would be a mistake."],
)
def test_a_guess_or_an_undecided_act_is_no_event(pipeline, text):
    assert _kinds(pipeline, text) == []


def test_an_ultimatum_stays_a_threat(pipeline):
    threat = _one(pipeline, "The Taliban has issued an ultimatum to Washington.", "THREATEN")
    assert threat.cameo == "139"


def test_name_calling_is_no_phone_call_but_a_call_to_a_named_counterpart_is(pipeline):
    assert _kinds(pipeline, "The president called the ambassador a very stupid guy.") == []
    consult = _one(pipeline, "The president called his Lebanese counterpart, Michel Aoun, on Tuesday.", "CONSULT")
    assert consult.cameo == "041"


def test_a_demand_carried_by_an_event_word_keeps_its_code(pipeline):
    request = _one(pipeline, "The United States must continue military aid to Egypt.", "REQUEST")
    assert request.cameo == "103"


# -- round 2: information and goods handed to others, arrivals of vehicles -------------------------
@pytest.mark.parametrize(
    "text",
    ["The ministry distributed a transcript of the recording to the foreign embassies.",
     "The agency provided intelligence on the smuggling network to Interpol."],
)
def test_handing_over_evidence_or_intelligence_is_sharing_information(pipeline, text):
    assert _kinds(pipeline, text) == [("COOPERATE", "064")]


def test_handing_over_vehicles_is_aid_and_handing_over_suspects_is_not(pipeline):
    assert _kinds(pipeline, "The donors handed over ten ambulances to the health ministry.") == [("AID", "070")]
    assert [e.event for e in _events(pipeline, "The police handed over the suspects to the prosecutors.")] == [
        "RETREAT"]


def test_a_military_aid_package_is_military_aid(pipeline):
    aid = _one(pipeline, "Washington announced a new military aid package for Kyiv.", "AID")
    assert aid.cameo == "072" and _texts(aid.actor) == ["Washington"]


def test_a_ship_arriving_is_no_visit(pipeline):
    assert _kinds(pipeline, "The ferry was scheduled to arrive in Niigata at noon.") == []


# -- round 2: dated events named inside a request took place ----------------------------------------
@pytest.mark.parametrize(
    "text",
    ["The minister demanded an inquiry into Monday's street protests in the capital.",
     "We call on the government to establish a commission to investigate today’s public demonstrations."],
)
def test_a_dated_protest_under_a_request_is_coded_as_having_happened(pipeline, text):
    protest = _one(pipeline, text, "PROTEST")
    assert protest.cameo == "141" and protest.factuality == "asserted"


def test_an_undated_act_under_a_request_stays_its_content(pipeline):
    assert [e.event for e in _events(pipeline, "The union demanded the release of the detained workers.")] == [
        "REQUEST"]


def test_a_call_on_someone_does_not_call_off_what_follows(pipeline):
    text = "The union called on its members to end the strike."
    assert [e.factuality for e in _events(pipeline, text)] == ["asserted"]


# -- round 2: a definite fighting noun after fighting was told is the same fighting ------------------
def test_the_clash_after_a_clash_was_told_is_no_new_attack(pipeline):
    text = ("Government troops clashed with rebels near the border on Monday. "
            "The clash came as the army was rotating its units in the area.")
    assert [e.sentence_index for e in _events(pipeline, text) if e.event == "ASSAULT"] == [0]


def test_the_clash_told_first_is_coded(pipeline):
    text = "The clash between the two armies left three soldiers dead on Monday."
    assert "ASSAULT" in {e.event for e in _events(pipeline, text)}


# -- round 2: what is given "with" -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "cameo"),
    [("The regime provided the rebels with weapons.", "072"),
     ("The army supplied the militia with ammunition.", "072"),
     ("The ambassador presented the hospital with medical equipment.", "070")],
)
def test_providing_someone_with_goods_is_aid_to_them(pipeline, text, cameo):
    aid = _one(pipeline, text, "AID")
    assert aid.cameo == cameo and len(aid.recipient) == 1


@pytest.mark.parametrize(
    "text", ["The mayor presented the firefighters with medals.", "The minister presented his plan to parliament."])
def test_presenting_an_honour_or_a_plan_is_no_aid(pipeline, text):
    assert _kinds(pipeline, text) == []
