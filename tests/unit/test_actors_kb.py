"""The knowledge base and phrase resolution, without the model."""

from datetime import date

import pytest

from cablegram.errors import ResolutionError
from cablegram.records import KBEntry, KBRole, kb_entry_to_json
from cablegram.resolve.actors import ActorResolver
from cablegram.resolve.kb import KnowledgeBase, load_user_entries
from cablegram.resolve.kb.tables import builtin_entries, plurals


@pytest.fixture(scope="module")
def resolver():
    return ActorResolver(KnowledgeBase(builtin_entries()))


@pytest.mark.parametrize(
    ("text", "country", "sector", "code"),
    [
        ("the Israeli Foreign Ministry", "ISR", "GOV", "ISRGOV"),
        ("Azerbaijani police", "AZE", "COP", "AZECOP"),
        ("Israel's Mossad intelligence agency", "ISR", "SPY", "ISRSPY"),
        ("the new US ambassador to Azerbaijan", "USA", "GOV", "USAGOV"),
        ("Israeli citizens", "ISR", "CVL", "ISRCVL"),
        ("the Kremlin", "RUS", "GOV", "RUSGOV"),
        ("Hezbollah", "LBN", "REB", "LBNREB"),
        ("the United Nations", None, "IGO", "IGOUNO"),  # IGOs: no country, sector IGO
        ("a former CIA official", "USA", "ELI", "USAELI"),
        ("Burma", "MMR", None, "MMR"),
        ("Ivory Coast", "CIV", None, "CIV"),
        ("Shanghai police", "CHN", "COP", "CHNCOP"),
    ],
)
def test_phrases_resolve_compositionally(resolver, text, country, sector, code):
    res = resolver.lookup(text)
    assert res is not None, text
    assert (res.country, res.sector, res.cameo_code) == (country, sector, code)
    assert res.why


def test_roles_resolve_against_the_date(resolver):
    assert resolver.lookup("Ehud Barak", date=date(2010, 5, 1)).sector == "GOV"
    assert resolver.lookup("Ehud Barak", date=date(2016, 5, 1)).sector == "ELI"
    taliban = resolver.lookup("the Taliban", date=date(2015, 1, 1))
    assert (taliban.country, taliban.sector) == ("AFG", "REB")
    assert resolver.lookup("the Taliban", date=date(2022, 1, 1)).sector == "GOV"


def test_nothing_known_is_not_an_actor(resolver):
    assert resolver.lookup("a cat named Frank") is None
    assert resolver.lookup("the weather") is None


def test_acronyms_match_only_in_capitals():
    kb = KnowledgeBase(builtin_entries())
    assert kb.lookup(["IS"]) and not kb.lookup(["is"])
    assert kb.lookup(["Burma"]) == kb.lookup(["burma"])


def test_user_entries_take_precedence_and_load_from_jsonl(tmp_path):
    entry = KBEntry(kb_id="user:Arnor", name="Arnor", patterns=("Arnor",), kind="state", country="ARN",
                    cameo_code="ARN", roles=(KBRole(country="ARN", sector="GOV", start=date(2000, 1, 1)),))
    (tmp_path / "mine.jsonl").write_text(__import__("json").dumps(kb_entry_to_json(entry)) + "\n")
    kb = KnowledgeBase(builtin_entries())
    kb.add(load_user_entries(tmp_path))
    assert kb.lookup(["Arnor"])[0].kb_id == "user:Arnor"


def test_malformed_user_file_is_a_coded_error(tmp_path):
    (tmp_path / "bad.jsonl").write_text('{"name": "x"}\n')
    with pytest.raises(ResolutionError) as info:
        load_user_entries(tmp_path)
    assert info.value.code == "E201" and "bad.jsonl" in info.value.message


def test_plurals():
    assert plurals("policeman") == ("policemen",)
    assert plurals("foreign ministry") == ("foreign ministries",)
    assert plurals("soldier") == ("soldiers",)


def test_a_town_or_ordinary_people_stand_for_civilians():
    from cablegram.resolve.compose import compose

    kb = KnowledgeBase([
        KBEntry(kb_id="state:GON", name="Gondor", patterns=("Gondor",), kind="state", country="GON"),
        KBEntry(kb_id="demonym:GON", name="Gondor", patterns=("Gondorians",), kind="demonym", country="GON"),
        KBEntry(kb_id="phoenix:1", name="Gondor", patterns=("Pelargir",), kind="state", country="GON",
                source="phoenix-countries"),
    ])
    assert compose(kb, ["Pelargir"], None).sector == "CVL"  # a city filed under its state
    assert compose(kb, ["ordinary", "Gondorians"], None).sector == "CVL"
    assert compose(kb, ["Gondorians"], None).sector is None  # the people as a state's side
    assert compose(kb, ["Gondor"], None).sector is None
