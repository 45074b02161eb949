"""Golden test: the bundled samples code to the events a careful reader finds in them.

Each expectation below was checked by hand against the sample text. The test asks that each is
found (type, trigger, actor and recipient codes, and the fields named), and that the coder does
not flood the samples with extra events.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from cablegram.config import Settings
from cablegram.ingest import IngestOptions, read_inputs
from cablegram.records import Document

pytestmark = pytest.mark.integration

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

# (document file or id, PLOVER event, trigger, actor codes, recipient codes, other fields)
EXPECTED = [
    ("01_baku_protest", "COERCE", "detained", {"AZECOP"}, {"AZECVL"}, {"size.arrested": 25, "size.participants": 150}),
    ("01_baku_protest", "ACCUSE", "accused", {"AZECVL"}, {"ISR"}, {}),
    ("01_baku_protest", "RETREAT", "released", {"AZECOP"}, {"AZECVL"}, {"mode": "release"}),  # the detainees
    # PLOVER: a meeting puts every party in `actor`
    ("02_arms_deal", "CONSULT", "met", {"AZEGOV", "ISRGOV"}, set(), {}),
    ("02_arms_deal", "ACCUSE", "condemned", {"IRN"}, set(), {}),
    ("02_arms_deal", "ACCUSE", "criticised", {"RUS"}, set(), {}),
    ("09BAKU0412", "COERCE", "arrested", {"AZESPY"}, None, {"size.arrested": 6}),
    ("09BAKU0412", "CONSULT", "met", {"USAGOV", "AZEGOV"}, set(),
     {"date.date": date(2009, 5, 19), "date.basis": "text"}),
    ("09BAKU0412", "SUPPORT", "praised", {"USAGOV"}, {"AZE"}, {}),
    ("04_blog_analysis", "SANCTION", "expelled", {"IRN"}, {"AZEGOV"}, {"mode": "expel"}),
    ("04_blog_analysis", "ASSAULT", "assassination", {"ISRSPY"}, None, {"factuality": "speculative"}),
    ("04_blog_analysis", "SANCTION", "imposed sanctions", {"USA"}, set(), {"factuality": "negated"}),
    ("05_ukraine_clashes", "ASSAULT", "shelled", {"RUSMIL"}, None, {"size.killed": 4, "size.injured": 12}),
    ("05_ukraine_clashes", "ACCUSE", "accused", {"UKR"}, {"RUS"}, {}),
    ("05_ukraine_clashes", "AGREE", "pledged", {"DEU"}, {"UKR"}, {"cameo": "033"}),
    ("wire-2012-0214", "CONSULT", "visited", {"GEOGOV"}, {"TURGOV"}, {"date.date": date(2012, 2, 13)}),
    ("wire-2012-0215", "ASSAULT", "fired tear gas", {"EGYCOP"}, {"EGYCVL"}, {"location.name": "Cairo", "cameo": "175"}),
    ("wire-2012-0215", "REQUEST", "demanded", {"EGYOPP"}, set(), {}),  # the story is Egypt's
]


def _get(event, dotted):
    value = event
    for part in dotted.split("."):
        value = getattr(value, part)
    return value


@pytest.fixture(scope="module")
def coded(nlp):
    from cablegram.pipeline import Pipeline

    pipeline = Pipeline(nlp=nlp, settings=Settings.load())
    docs = [d for d in read_inputs([str(SAMPLES)], options=IngestOptions()) if isinstance(d, Document)]
    out = {}
    for c in pipeline.code_documents(docs):
        key = Path(c.document.path or "").stem if c.document.input_format == "text" else c.document.doc_id
        out[key] = c
    return out


@pytest.mark.parametrize("doc, plover, trigger, actors, recipients, fields", EXPECTED)
def test_expected_event(coded, doc, plover, trigger, actors, recipients, fields):
    events = [e for e in coded[doc].events if e.event == plover and e.trigger.text == trigger]
    assert events, f"{doc}: no {plover} on '{trigger}' in {[(e.event, e.trigger.text) for e in coded[doc].events]}"
    e = events[0]
    assert {a.cameo_code for a in e.actor} == actors
    if recipients is not None:
        assert {a.cameo_code for a in e.recipient} == recipients
    for name, want in fields.items():
        assert _get(e, name) == want, name


def test_advisory_and_quotes(coded):
    (adv,) = [a for a in coded["09BAKU0412"].advisories if a.issuer and a.issuer.country == "ISR"]
    assert adv.countries == ("AZE", "GEO", "ARM", "EGY", "TUR")
    assert "terrorism" in adv.threats
    quotes = coded["01_baku_protest"].quotes
    assert any(q.kind == "direct" and q.text.startswith("We will not allow") for q in quotes)


def test_no_flood_of_events(coded):
    total = sum(len(c.events) for c in coded.values())
    assert len(EXPECTED) <= total <= 2 * len(EXPECTED) + 10
    assert all(e.trigger.text for c in coded.values() for e in c.events)
