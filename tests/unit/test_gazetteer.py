"""The gazetteer: ranking on an in-memory twin, and the real build with its cache."""

from __future__ import annotations

import json

import pytest

from cablegram.resolve.gazetteer import GazEntry, GeoNamesGazetteer, MemoryGazetteer, name_key


def _e(name, country, code, population, **kw):
    cls = "P" if code.startswith("PPL") else "A"
    return GazEntry(
        name=name, country=country, feature_class=cls, feature_code=code, population=population, **kw
    )


@pytest.fixture
def gaz():
    return MemoryGazetteer(
        [
            _e("Tripoli", "LBY", "PPLC", 1_300_000),
            _e("Tripoli", "LBN", "PPL", 230_000),
            _e("Georgia", "GEO", "PCLI", 3_700_000),
            _e("Georgia", "USA", "ADM1", 3_400_000),
            _e("Kyiv", "UKR", "PPLC", 2_900_000),
            _e("United States", "USA", "PCLI", 330_000_000),
        ],
        aliases={"Kiev": "Kyiv", "U.S.": "United States"},
    )


def test_name_key_folds_case_accents_dots_and_the():
    assert name_key("Diyarbak\u0131r") != name_key("Diyarbakir")  # dotless i is its own letter
    assert name_key("Chi\u0219in\u0103u") == "chisinau"
    assert name_key("The  Gaza Strip") == "gaza strip"
    assert name_key("U.S.") == "us"


def test_population_wins_without_context(gaz):
    assert gaz.best("Tripoli").country == "LBY"


def test_document_context_breaks_ties(gaz):
    assert gaz.best("Tripoli", context={"LBN": 1.0}).country == "LBN"
    assert gaz.best("Georgia").country == "GEO"
    assert gaz.best("Georgia", context={"USA": 1.0}).feature_code == "ADM1"


def test_aliases_resolve_unless_primary_names_are_required(gaz):
    assert gaz.best("kiev").name == "Kyiv"
    assert gaz.best("Kiev", primary_only=True) is None
    assert gaz.best("U.S.").country == "USA"
    assert gaz.best("Atlantis") is None


def test_country_lookup(gaz):
    assert gaz.country("USA").name == "United States"
    assert gaz.country("FRA") is None


@pytest.mark.slow
def test_geonames_build_is_cached_and_rebuilt_when_damaged(tmp_path):
    gaz = GeoNamesGazetteer(cache_dir=tmp_path)
    cached = list(tmp_path.glob("gazetteer-*.json"))
    assert len(cached) == 1
    assert json.loads(cached[0].read_text())["entries"]
    assert gaz.best("Kiev").name == "Kyiv" and gaz.best("Baku").country == "AZE"
    assert gaz.best("Zamfara").feature_code == "ADM1"  # an ISO 3166-2 division
    assert gaz.best("Gaza Strip").feature_code == "RGN"  # our regions table
    assert gaz.best("Britain").country == "GBR"  # our country aliases
    assert gaz.best("New York").feature_code == "PPL"  # our city names: the city, not the state
    assert (gaz.best("the White House").name, gaz.best("the White House").country) == ("Washington", "USA")
    assert gaz.country("AZE").lat is not None
    cached[0].write_text("{not json")
    again = GeoNamesGazetteer(cache_dir=tmp_path)
    assert again.best("Kharkiv").country == "UKR"
    assert json.loads(cached[0].read_text())["index"]


def test_name_key_drops_apostrophes_spelt_any_way():
    assert name_key("Sa'ada") == name_key("Sa\u2019ada") == name_key("Saada") == "saada"


def test_district_short_names_need_their_country_in_context():
    district = _e("Sarlahi District", "NPL", "ADM2", 0)
    gaz = MemoryGazetteer([district], aliases={"Sarlahi": "Sarlahi District"})
    assert gaz.best("Sarlahi District") is district  # its full name needs nothing
    assert gaz.best("Sarlahi") is None  # a short name alone could be anything
    assert gaz.best("Sarlahi", context={"NPL": 1.0}) is district
    # a town of the name wins over a district of it
    town = _e("Sarlahi", "NPL", "PPL", 20_000)
    both = MemoryGazetteer([district, town], aliases={"Sarlahi": "Sarlahi District"})
    assert both.best("Sarlahi", context={"NPL": 1.0}) is town


def test_geonames_build_has_second_level_divisions(tmp_path):
    gaz = GeoNamesGazetteer(cache_dir=tmp_path)
    entry = gaz.best("Sarlahi District")
    assert (entry.name, entry.country, entry.feature_code) == ("Sarlahi", "NPL", "ADM2")
    assert gaz.best("Sarlahi", context={"NPL": 1.0}).feature_code == "ADM2"
    assert gaz.best("Kharkiv").feature_code == "PPL"  # the city, not Kharkiv Raion
    assert gaz.best("Sa'ada").country == "YEM"


def test_cache_keeps_the_builds_in_use_instead_of_evicting_other_installs(tmp_path):
    import os

    from cablegram.resolve import gazetteer as gz

    old = []
    for k in range(5):  # five other installs' builds, oldest first
        other = tmp_path / f"gazetteer-v6-gnc2.0-15000-other{k}.json"
        other.write_text("{}", encoding="utf-8")
        os.utime(other, (1000 + k, 1000 + k))
        old.append(other)
    os.utime(old[0], None)  # the oldest build was just read by its install: it stays
    (tmp_path / "gazetteer-v6-gnc2.0-500-x.json").write_text("{}", encoding="utf-8")  # another threshold
    mine = tmp_path / "gazetteer-v6-gnc2.0-15000-mine.json"
    gz._write_cache(mine, {"entries": []})
    kept = sorted(p.name for p in tmp_path.glob("*.json"))
    assert mine.name in kept and old[0].name in kept and "gazetteer-v6-gnc2.0-500-x.json" in kept
    assert len([n for n in kept if "-15000-" in n]) == gz._KEEP_BUILDS
    assert old[1].name not in kept and old[2].name not in kept  # the least recently used go
    assert gz._read_cache(mine) == {"entries": []}
