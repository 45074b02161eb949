"""Place phrases, sites, earlier sentences and the sentence's actors (hand-built parses, no model)."""

from __future__ import annotations

from cablegram.records import Actor, DocContext, Document, Event, TextSpan
from cablegram.resolve.gazetteer import MemoryGazetteer
from cablegram.resolve.places import PlaceResolver

from .test_places import _doc, _e  # the same hand-built parses and gazetteer rows

GAZ = MemoryGazetteer(
    [
        _e("Baku", "AZE", "PPLC", 2_300_000),
        _e("Kharkiv", "UKR", "PPL", 1_400_000),
        _e("Tripoli", "LBY", "PPLC", 1_300_000),
        _e("Tripoli", "LBN", "PPL", 230_000),
        _e("Sri Lanka", "LKA", "PCLI", 21_000_000),
        _e("Tehran", "IRN", "PPLC", 7_000_000),
    ]
)


def _locate(doc, trigger_i, *, sentence_index=0, mentions=(), kind="ASSAULT"):
    tok = doc[trigger_i]
    event = Event(
        event_id="e", doc_id="d", sentence_index=sentence_index, sentence="", event=kind, cameo="",
        trigger=TextSpan(text=tok.text, start=tok.idx, end=tok.idx + len(tok)),
    )
    ctx = DocContext(document=Document(doc_id="d", text=doc.text))
    return PlaceResolver(gazetteer=GAZ).locate(doc, event, list(mentions), ctx)


def test_the_place_phrase_is_the_text_and_the_name_is_the_gazetteers():
    # "Shells hit residential districts of Kharkiv ."
    rows = [
        ("Shells", 1, "nsubj", "NOUN", "shell"), ("hit", 1, "ROOT", "VERB", "hit"),
        ("residential", 3, "amod", "ADJ", "residential"), ("districts", 1, "dobj", "NOUN", "district"),
        ("of", 3, "prep", "ADP", "of"), ("Kharkiv", 4, "pobj", "PROPN", "Kharkiv"),
        (".", 1, "punct", "PUNCT", "."),
    ]
    place = _locate(_doc(rows, [(5, 6, "GPE")]), 1)
    assert (place.name, place.country, place.basis) == ("Kharkiv", "UKR", "trigger")
    assert place.text == "residential districts of Kharkiv"


# "Police gathered in Baku . Protesters marched to City Hall ."
TWO = [
    ("Police", 1, "nsubj", "NOUN", "police"), ("gathered", 1, "ROOT", "VERB", "gather"),
    ("in", 1, "prep", "ADP", "in"), ("Baku", 2, "pobj", "PROPN", "Baku"), (".", 1, "punct", "PUNCT", "."),
    ("Protesters", 6, "nsubj", "NOUN", "protester"), ("marched", 6, "ROOT", "VERB", "march"),
    ("to", 6, "prep", "ADP", "to"), ("City", 9, "compound", "PROPN", "City"),
    ("Hall", 7, "pobj", "PROPN", "Hall"), (".", 6, "punct", "PUNCT", "."),
]


def test_a_site_is_placed_where_the_document_is():
    place = _locate(_doc(TWO, [(3, 4, "GPE")]), 6, sentence_index=1)
    assert (place.name, place.country, place.basis, place.text) == ("Baku", "AZE", "site", "City Hall")


def test_a_named_site_alone_is_a_place_without_coordinates():
    doc = _doc([(w, head - 5, dep, pos, lemma) for w, head, dep, pos, lemma in TWO[5:]])
    place = _locate(doc, 1)
    assert (place.name, place.text, place.country, place.geonameid) == ("City Hall", "City Hall", None, None)


def test_a_common_site_alone_is_no_place():
    # "Troops exchanged fire along the border ."
    rows = [
        ("Troops", 1, "nsubj", "NOUN", "troop"), ("exchanged", 1, "ROOT", "VERB", "exchange"),
        ("fire", 1, "dobj", "NOUN", "fire"), ("along", 1, "prep", "ADP", "along"),
        ("the", 5, "det", "DET", "the"), ("border", 3, "pobj", "NOUN", "border"), (".", 1, "punct", "PUNCT", "."),
    ]
    assert _locate(_doc(rows), 1) is None


def test_an_event_without_a_place_takes_the_one_just_named():
    # "Fighting broke out in Baku . Four soldiers were killed ."
    rows = [
        ("Fighting", 1, "nsubj", "NOUN", "fighting"), ("broke", 1, "ROOT", "VERB", "break"),
        ("out", 1, "prt", "ADP", "out"), ("in", 1, "prep", "ADP", "in"), ("Baku", 3, "pobj", "PROPN", "Baku"),
        (".", 1, "punct", "PUNCT", "."), ("Four", 7, "nummod", "NUM", "four"),
        ("soldiers", 9, "nsubjpass", "NOUN", "soldier"), ("were", 9, "auxpass", "AUX", "be"),
        ("killed", 9, "ROOT", "VERB", "kill"), (".", 9, "punct", "PUNCT", "."),
    ]
    doc = _doc(rows, [(4, 5, "GPE")])
    place = _locate(doc, 9, sentence_index=1)
    assert (place.name, place.basis, place.text) == ("Baku", "previous", "Baku")
    # a statement is made wherever the speaker is, not where the story last was
    assert _locate(doc, 9, sentence_index=1, kind="ACCUSE") is None


def test_a_direction_is_of_the_country_named():
    # "Fighting spread in Sri Lanka . Rebels attacked troops in the north ."
    rows = [
        ("Fighting", 1, "nsubj", "NOUN", "fighting"), ("spread", 1, "ROOT", "VERB", "spread"),
        ("in", 1, "prep", "ADP", "in"), ("Sri", 4, "compound", "PROPN", "Sri"), ("Lanka", 2, "pobj", "PROPN", "Lanka"),
        (".", 1, "punct", "PUNCT", "."), ("Rebels", 7, "nsubj", "NOUN", "rebel"),
        ("attacked", 7, "ROOT", "VERB", "attack"), ("troops", 7, "dobj", "NOUN", "troop"),
        ("in", 7, "prep", "ADP", "in"), ("the", 11, "det", "DET", "the"), ("north", 9, "pobj", "NOUN", "north"),
        (".", 7, "punct", "PUNCT", "."),
    ]
    place = _locate(_doc(rows, [(3, 5, "GPE")]), 7, sentence_index=3)  # too far back to inherit
    assert (place.name, place.country, place.basis, place.text) == ("Sri Lanka", "LKA", "site", "the north")


# "Lebanese troops clashed in Tripoli ."
TRIPOLI = [
    ("Lebanese", 1, "amod", "ADJ", "lebanese"), ("troops", 2, "nsubj", "NOUN", "troop"),
    ("clashed", 2, "ROOT", "VERB", "clash"), ("in", 2, "prep", "ADP", "in"),
    ("Tripoli", 3, "pobj", "PROPN", "Tripoli"), (".", 2, "punct", "PUNCT", "."),
]


def test_troops_of_a_country_choose_its_namesake():
    doc = _doc(TRIPOLI, [(4, 5, "GPE")])
    troops = Actor(text="Lebanese troops", start=0, end=15, country="LBN", sector="MIL", kb_id="state:LBN")
    assert _locate(doc, 2, mentions=[troops]).country == "LBN"
    assert _locate(doc, 2).country == "LBY"


def test_a_leader_or_a_guessed_country_does_not_choose_the_namesake():
    doc = _doc(TRIPOLI, [(4, 5, "GPE")])
    leader = Actor(text="Lebanese troops", start=0, end=15, country="LBN", sector="GOV", kb_id="state:LBN")
    guessed = Actor(text="Lebanese troops", start=0, end=15, country="LBN", sector="MIL", kb_id=None)
    assert _locate(doc, 2, mentions=[leader]).country == "LBY"
    assert _locate(doc, 2, mentions=[guessed]).country == "LBY"


def test_a_name_owning_a_site_places_it():
    # "Police arrested protesters in Tehran 's main streets ."
    rows = [
        ("Police", 1, "nsubj", "NOUN", "police"), ("arrested", 1, "ROOT", "VERB", "arrest"),
        ("protesters", 1, "dobj", "NOUN", "protester"), ("in", 1, "prep", "ADP", "in"),
        ("Tehran", 7, "poss", "PROPN", "Tehran"), ("'s", 4, "case", "PART", "'s"),
        ("main", 7, "amod", "ADJ", "main"), ("streets", 3, "pobj", "NOUN", "street"),
        (".", 1, "punct", "PUNCT", "."),
    ]
    place = _locate(_doc(rows, [(4, 5, "GPE")]), 1)
    assert (place.name, place.basis, place.text) == ("Tehran", "trigger", "Tehran 's main streets")


def test_the_capital_is_the_capital_of_the_country_the_document_is_in():
    gaz = MemoryGazetteer([_e("Istanbul", "TUR", "PPL", 15_000_000), _e("Ankara", "TUR", "PPLC", 5_000_000)])
    # "Police gathered in Istanbul . Police killed protesters in the capital ."
    rows = [
        ("Police", 1, "nsubj", "NOUN", "police"), ("gathered", 1, "ROOT", "VERB", "gather"),
        ("in", 1, "prep", "ADP", "in"), ("Istanbul", 2, "pobj", "PROPN", "Istanbul"), (".", 1, "punct", "PUNCT", "."),
        ("Police", 6, "nsubj", "NOUN", "police"), ("killed", 6, "ROOT", "VERB", "kill"),
        ("protesters", 6, "dobj", "NOUN", "protester"), ("in", 6, "prep", "ADP", "in"),
        ("the", 10, "det", "DET", "the"), ("capital", 8, "pobj", "NOUN", "capital"), (".", 6, "punct", "PUNCT", "."),
    ]
    doc = _doc(rows, [(3, 4, "GPE")])
    tok = doc[6]
    event = Event(
        event_id="e", doc_id="d", sentence_index=1, sentence="", event="ASSAULT", cameo="",
        trigger=TextSpan(text=tok.text, start=tok.idx, end=tok.idx + len(tok)),
    )
    ctx = DocContext(document=Document(doc_id="d", text=doc.text))
    place = PlaceResolver(gazetteer=gaz).locate(doc, event, [], ctx)
    assert (place.name, place.basis, place.text) == ("Ankara", "site", "the capital")


def test_a_site_named_after_an_unknown_place_is_not_put_where_the_document_is():
    # "Police gathered in Baku . Guards beat inmates at the Guantanamo Bay prison ."
    rows = [
        ("Police", 1, "nsubj", "NOUN", "police"), ("gathered", 1, "ROOT", "VERB", "gather"),
        ("in", 1, "prep", "ADP", "in"), ("Baku", 2, "pobj", "PROPN", "Baku"), (".", 1, "punct", "PUNCT", "."),
        ("Guards", 6, "nsubj", "NOUN", "guard"), ("beat", 6, "ROOT", "VERB", "beat"),
        ("inmates", 6, "dobj", "NOUN", "inmate"), ("at", 6, "prep", "ADP", "at"), ("the", 12, "det", "DET", "the"),
        ("Guantanamo", 11, "compound", "PROPN", "Guantanamo"), ("Bay", 12, "compound", "PROPN", "Bay"),
        ("prison", 8, "pobj", "NOUN", "prison"), (".", 6, "punct", "PUNCT", "."),
    ]
    place = _locate(_doc(rows, [(3, 4, "GPE"), (10, 12, "LOC")]), 6, sentence_index=1)
    assert (place.name, place.country, place.text) == ("Guantanamo Bay prison", None, "the Guantanamo Bay prison")


def test_a_valley_named_after_a_town_is_placed_there_but_not_one_named_after_a_country():
    resolver = PlaceResolver(gazetteer=MemoryGazetteer([
        _e("Kathmandu", "NPL", "PPLC", 1_000_000), _e("Jordan", "JOR", "PCLI", 10_000_000),
    ]))
    assert resolver.lookup("the Kathmandu Valley").name == "Kathmandu"
    assert resolver.lookup("the Jordan Valley") is None
