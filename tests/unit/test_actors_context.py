"""Document rules of actor resolution (issue 11), without the model: the document's country,
cable conventions, ambiguous acronyms, the most specific analysis of a phrase."""

from datetime import date

import pytest

from cablegram.records import Document
from cablegram.resolve.actors import ActorResolver
from cablegram.resolve.home import defined_abbreviations, document_home
from cablegram.resolve.kb import KnowledgeBase
from cablegram.resolve.kb.tables import builtin_entries

CABLE = ("1. (C) Police detained opposition leader Morgan Tsvangirai twice this week while he "
         "campaigned in Bulawayo. The regime denies any abuse. The Ambassador raised the arrests with "
         "the Foreign Minister on June 13.")
CABLE_URL = "https://wikileaks.org/plusd/cables/08HARARE513.html"


@pytest.fixture(scope="module")
def resolver():
    return ActorResolver(KnowledgeBase(builtin_entries()))


def test_a_cable_url_names_the_host_country_and_the_author(resolver):
    home = document_home(resolver.kb, Document(doc_id="c", text=CABLE, url=CABLE_URL))
    assert (home.country, home.author, home.cable) == ("ZWE", "USA", True)
    assert any("HARARE" in reason for reason in home.why)


def test_without_a_url_the_most_named_country_is_home(resolver):
    text = ("Belarusian authorities detained scores of students in Minsk on Tuesday. The protests in "
            "Belarus began after the election; police said 40 people were held.")
    home = document_home(resolver.kb, Document(doc_id="n", text=text))
    assert home.country == "BLR" and home.author == ""


def test_a_passing_mention_sets_no_home(resolver):
    home = document_home(resolver.kb, Document(doc_id="n", text="Officials met on Monday to discuss a plan."))
    assert home.country == ""


@pytest.mark.parametrize(
    ("text", "country", "sector", "rule"),
    [
        ("the police", "ZWE", "COP", "sentence-place"),  # "in Bulawayo"
        ("The regime", "ZWE", "GOV", "document-home"),
        ("the Foreign Minister", "ZWE", "GOV", "document-home"),
        ("The Ambassador", "USA", "GOV", "author-side"),
    ],
)
def test_titles_and_sector_nouns_take_the_documents_country(resolver, text, country, sector, rule):
    res = resolver.lookup(text, context=CABLE, url=CABLE_URL, date=date(2008, 6, 14))
    assert (res.country, res.sector, res.rule) == (country, sector, rule)
    assert res.why


def test_an_unknown_government_abbreviation_in_a_cable_is_the_host_government(resolver):
    text = "2. (SBU) The GOS rejected the proposal. SIPDIS"
    res = resolver.lookup("The GOS", context=text, url="https://wikileaks.org/plusd/cables/09KHARTOUM101.html")
    assert (res.country, res.sector, res.rule) == ("SDN", "GOV", "cable-gov-abbreviation")
    assert resolver.lookup("GOAJ").country == "AZE"


def test_an_acronym_takes_the_reading_that_fits_the_document(resolver):
    sudan = "Fighting between Sudan's army and the RSF spread across Khartoum, Sudanese officials said."
    press = "RSF said press freedom declined in France and Germany, where reporters were attacked."
    assert resolver.lookup("RSF", context=sudan).country == "SDN"
    assert resolver.lookup("RSF", context=press).sector in {"NGO", "JRN"}


def test_the_most_specific_analysis_wins_over_a_gazetteer_hit(resolver):
    assert resolver.lookup("Eastern Ukraine").country == "UKR"
    assert resolver.lookup("South Lebanon").country == "LBN"
    assert resolver.lookup("King Hassan of Morocco").country == "MAR"
    assert resolver.lookup("U.S. Embassy Dushanbe").country == "USA"


def test_a_named_state_keeps_an_institution_that_another_state_also_has(resolver):
    chile = resolver.lookup("Chile's Defense Department")
    assert (chile.country, chile.sector) == ("CHL", "GOV")
    assert resolver.lookup("Pakistan's Foreign Office").country == "PAK"
    assert resolver.lookup("the Defense Department").country == "USA"  # unqualified, the U.S.'s


def test_a_name_running_across_a_preposition_is_read_whole(resolver):
    res = resolver.lookup("Egyptian Organization for Human Rights")
    assert (res.country, res.sector) == (None, "NGO") and res.kb_id.startswith("phoenix:")
    assert resolver.lookup("ambassador to Azerbaijan").country is None  # the cut still holds for titles


def test_a_plain_word_is_not_a_groups_name(resolver):
    res = resolver.lookup("the Organization")
    assert res is None or res.sector != "REB"
    assert resolver.lookup("Tanzim").sector == "REB"


def test_mixed_company_and_places_in_a_city_are_civilians(resolver):
    assert resolver.lookup("over two dozen men and women").sector == "CVL"
    assert resolver.lookup("two men").sector == "UNK"  # men alone may be fighters
    park = resolver.lookup("an amusement park in Kabul")
    assert (park.country, park.sector) == ("AFG", "CVL")


def test_a_religious_community_leader_is_religious(resolver):
    assert resolver.lookup("A prominent Jewish community leader").sector == "REL"
    assert resolver.lookup("an indigenous leader").sector == "CVL"
    assert resolver.lookup("President of the Chadian Human Rights League").sector == "NGO"


def test_a_common_noun_in_lower_case_is_not_a_country(resolver):
    assert resolver.lookup("pole") is None
    assert resolver.lookup("Pole").country == "POL"


def test_a_sponsor_is_not_the_actors_country(resolver):
    res = resolver.lookup("Iran-backed militias")
    assert res.country is None and res.sector == "PRM"


def test_ethnic_groups_live_in_the_documents_country(resolver):
    text = "Serbian police detained ten ethnic Albanians in southern Serbia, officials in Belgrade said."
    res = resolver.lookup("ethnic Albanians", context=text)
    assert (res.country, res.rule) == ("SRB", "ethnic-residents")
    assert resolver.lookup("ethnic Albanians").country == "ALB"


def test_igos_have_no_country_but_keep_their_code(resolver):
    res = resolver.lookup("AMISOM")
    assert (res.country, res.sector, res.cameo_code) == (None, "IGO", "IGOAFRAFU")


def test_defined_abbreviations_are_read_from_the_document(resolver):
    text = "Fighting broke out between Fatah al-Islam and the Lebanese Armed Forces (LAF). (SBU) The LAF shelled"
    assert defined_abbreviations(text) == {"LAF": ("Lebanese", "Armed", "Forces")}
    assert resolver.lookup("the LAF", context=text).country == "LBN"


def test_a_later_surname_reuses_the_fuller_mention(resolver):
    text = "The Ambassador raised the shootdown with DFM Denisov in Moscow. Denisov offered no explanation."
    res = resolver.lookup("Denisov", context=text, url="https://wikileaks.org/plusd/cables/08MOSCOW1122.html")
    assert res.country == "RUS" and res.rule in {"document-home", "coreference"}
