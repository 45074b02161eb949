"""The realdev actor lookup metric (cablegram.evaluate_actors) and `kb lookup --context`, no model."""

from types import SimpleNamespace

from cablegram.cli import main
from cablegram.evaluate_actors import realdev_actor_accuracy

RECORD = {
    "id": "d1", "url": None, "pub_date": "2009-09-29",
    "text": "Guinean security forces fired on protesters in Conakry. Later, police arrested 20 people.",
    "events": [
        {"sentence_text": "Guinean security forces fired on protesters in Conakry.",
         "source": [{"text": "Guinean security forces", "country": "GIN", "sector": "MIL"}],
         "target": [{"text": "protesters", "country": "GIN", "sector": "PRO"}]},
        {"sentence_text": "Later, police arrested 20 people.",
         "source": [{"text": None, "country": "GIN", "sector": "COP", "implicit": True}],
         "target": [{"text": "20 people", "country": "GIN", "sector": "CVL"},
                    {"text": "the UN", "country": None, "sector": "IGO"}]},
    ],
}


class _Fixed:
    """A resolver that answers every lookup with one country and sector, and records the calls."""

    def __init__(self, country, sector):
        self.answer = SimpleNamespace(country=country, sector=sector, rule="test")
        self.calls = []

    def lookup(self, text, *, date=None, context=None, url=None):
        self.calls.append((text, date, context))
        return self.answer


def test_counts_only_actors_with_a_country_and_a_mention_in_their_sentence():
    resolver = _Fixed("GIN", "PRO")
    score = realdev_actor_accuracy([RECORD], resolver)
    # 4 gold actors have a country; the implicit one has no text; "20 people" is in its sentence
    assert (score.actors, score.with_mention) == (4, 3)
    assert score.country_right == 3 and score.country_accuracy == 1.0
    assert score.sector_right == 1  # PRO right for the protesters only
    assert all(context == RECORD["text"] and date.isoformat() == "2009-09-29" for _, date, context in resolver.calls)


def test_wrong_countries_are_listed_by_rule():
    score = realdev_actor_accuracy([RECORD], _Fixed("SEN", None))
    assert score.country_accuracy == 0.0 and score.wrong_by_rule == {"test": 3}
    assert {m["text"] for m in score.misses} == {"Guinean security forces", "protesters", "20 people"}
    assert score.as_dict()["with_mention"] == 3


def test_media_and_protesters_are_compared_in_our_codes():
    record = {**RECORD, "events": [{"sentence_text": "Reporters and protesters", "source": [
        {"text": "Reporters", "country": "GIN", "sector": "MED"}], "target": [
        {"text": "protesters", "country": "GIN", "sector": "PRO"}]}]}
    assert realdev_actor_accuracy([record], _Fixed("GIN", "JRN")).sector_right == 1
    assert realdev_actor_accuracy([record], _Fixed("GIN", "OPP")).sector_right == 1


def test_cli_lookup_with_context_shows_the_rule(capsys):
    text = "Guinean police fired on protesters in Conakry. The police denied it, Guinean officials said."
    assert main(["kb", "lookup", "The police", "--context", text]) == 0
    out = capsys.readouterr().out
    assert "GINCOP" in out and "rule=" in out and "because" in out


def test_cli_lookup_with_a_cable_url(capsys):
    url = "https://wikileaks.org/plusd/cables/08HARARE513.html"
    assert main(["kb", "lookup", "The Ambassador", "--context", "The Ambassador met the minister.", "--url", url]) == 0
    assert "USAGOV" in capsys.readouterr().out
