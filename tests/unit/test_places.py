"""Location attachment on hand-built parses (no model) with an in-memory gazetteer."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from cablegram.records import Actor, DocContext, Document, Event, TextSpan
from cablegram.resolve.gazetteer import GazEntry, MemoryGazetteer
from cablegram.resolve.places import PlaceResolver


def _e(name, country, code, population):
    cls = "P" if code.startswith("PPL") else "A"
    return GazEntry(name=name, country=country, feature_class=cls, feature_code=code, population=population)


GAZ = MemoryGazetteer(
    [
        _e("Baku", "AZE", "PPLC", 2_300_000),
        _e("Kharkiv", "UKR", "PPL", 1_400_000),
        _e("Azerbaijan", "AZE", "PCLI", 10_000_000),
        _e("Washington", "USA", "PPLC", 700_000),
        _e("Tbilisi", "GEO", "PPLC", 1_000_000),
    ]
)
VOCAB = spacy.blank("en").vocab


def _doc(rows, ents=()):
    """rows: (word, head index, dep, pos, lemma); ents: (start, end, label)."""
    words = [r[0] for r in rows]
    doc = Doc(
        VOCAB, words=words, heads=[r[1] for r in rows], deps=[r[2] for r in rows],
        pos=[r[3] for r in rows], lemmas=[r[4] for r in rows],
    )
    doc.ents = [doc.char_span(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), label=lab) for s, e, lab in ents]
    return doc


def _locate(doc, trigger_i, *, actors=(), dateline_place=None):
    tok = doc[trigger_i]
    document = Document(doc_id="d", text=doc.text)
    event = Event(
        event_id="e", doc_id="d", sentence_index=0, sentence=doc.text, event="", cameo="",
        trigger=TextSpan(text=tok.text, start=tok.idx, end=tok.idx + len(tok)), actor=tuple(actors),
    )
    ctx = DocContext(document=document, dateline_place=dateline_place)
    return PlaceResolver(gazetteer=GAZ).locate(doc, event, list(actors), ctx)


# "Police detained protesters in Baku ."
DETAINED = [
    ("Police", 1, "nsubj", "NOUN", "police"), ("detained", 1, "ROOT", "VERB", "detain"),
    ("protesters", 1, "dobj", "NOUN", "protester"), ("in", 1, "prep", "ADP", "in"),
    ("Baku", 3, "pobj", "PROPN", "Baku"), (".", 1, "punct", "PUNCT", "."),
]


def test_place_attached_to_the_trigger():
    place = _locate(_doc(DETAINED, [(4, 5, "GPE")]), 1)
    assert (place.name, place.country, place.basis) == ("Baku", "AZE", "trigger")
    start = len("Police detained protesters in ")
    assert (place.start, place.end, place.text) == (start, start + 4, "Baku")


def test_mislabelled_town_in_a_place_position_is_still_found():
    place = _locate(_doc(DETAINED, [(4, 5, "PERSON")]), 1)
    assert place.name == "Baku"


def test_compound_of_a_noun_trigger():
    # "Kharkiv clashes continued ."
    rows = [
        ("Kharkiv", 1, "compound", "PROPN", "Kharkiv"), ("clashes", 2, "nsubj", "NOUN", "clash"),
        ("continued", 2, "ROOT", "VERB", "continue"), (".", 2, "punct", "PUNCT", "."),
    ]
    assert _locate(_doc(rows, [(0, 1, "GPE")]), 1).name == "Kharkiv"


def test_place_named_as_actor_is_not_a_location():
    # "Washington said Baku lied ." -- both toponyms act; no locative phrase
    rows = [
        ("Washington", 1, "nsubj", "PROPN", "Washington"), ("said", 1, "ROOT", "VERB", "say"),
        ("Baku", 3, "nsubj", "PROPN", "Baku"), ("lied", 1, "ccomp", "VERB", "lie"),
        (".", 1, "punct", "PUNCT", "."),
    ]
    doc = _doc(rows, [(0, 1, "GPE"), (2, 3, "GPE")])
    actor = Actor(text="Washington", start=0, end=10, country="USA")
    assert _locate(doc, 1, actors=[actor]) is None


def test_place_only_mentioned_is_not_a_location_but_the_dateline_is():
    # "The ambassador to Azerbaijan resigned ."
    rows = [
        ("The", 1, "det", "DET", "the"), ("ambassador", 4, "nsubj", "NOUN", "ambassador"),
        ("to", 1, "prep", "ADP", "to"), ("Azerbaijan", 2, "pobj", "PROPN", "Azerbaijan"),
        ("resigned", 4, "ROOT", "VERB", "resign"), (".", 4, "punct", "PUNCT", "."),
    ]
    doc = _doc(rows, [(3, 4, "GPE")])
    assert _locate(doc, 4) is None
    place = _locate(doc, 4, dateline_place="Tbilisi")
    assert (place.name, place.basis, place.start) == ("Tbilisi", "dateline", None)


def test_object_of_a_visit_is_the_location():
    # "The envoy visited Baku ."
    rows = [
        ("The", 1, "det", "DET", "the"), ("envoy", 2, "nsubj", "NOUN", "envoy"),
        ("visited", 2, "ROOT", "VERB", "visit"), ("Baku", 2, "dobj", "PROPN", "Baku"),
        (".", 2, "punct", "PUNCT", "."),
    ]
    assert _locate(_doc(rows, [(3, 4, "GPE")]), 2).name == "Baku"


def test_city_preferred_over_its_country_in_the_same_phrase():
    # "Police detained protesters in Baku , Azerbaijan ."
    rows = DETAINED[:5] + [(",", 4, "punct", "PUNCT", ","), ("Azerbaijan", 4, "appos", "PROPN", "Azerbaijan"),
                           (".", 1, "punct", "PUNCT", ".")]
    place = _locate(_doc(rows, [(4, 5, "GPE"), (6, 7, "GPE")]), 1)
    assert place.name == "Baku"
