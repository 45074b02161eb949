"""The document's country in the pipeline: ctx.memory["actors.home"] (read by the event coder),
cable conventions and implicit placement on parsed text."""

from datetime import date

import pytest

from cablegram.records import DocContext, Document

pytestmark = pytest.mark.integration

CABLE = ("1. (C) The regime's crackdown is targeting the opposition. On June 12, police detained "
         "opposition leader Morgan Tsvangirai while he campaigned. The Ambassador protested the arrests, "
         "and we urged the GOZ to release him.")
URL = "https://wikileaks.org/plusd/cables/08HARARE513.html"


@pytest.fixture(scope="module")
def found(nlp):
    from cablegram.resolve.actors import ActorResolver

    document = Document(doc_id="c", text=CABLE, url=URL, published=date(2008, 6, 14))
    ctx = DocContext(document=document)
    mentions = ActorResolver().find_mentions(nlp(CABLE), ctx)
    return ctx, {m.text: m for m in mentions}


def test_home_is_stored_once_for_the_event_coder(found):
    ctx, _ = found
    assert ctx.memory["actors.home"] == "ZWE"
    assert ctx.memory["actors.home_info"].author == "USA"


def test_bare_nouns_and_cable_conventions_are_placed(found):
    _, by_text = found
    assert by_text["police"].country == "ZWE" and by_text["police"].rule in {"document-home", "sentence-place"}
    assert (by_text["regime"].country, by_text["regime"].sector) == ("ZWE", "GOV")
    assert by_text["Ambassador"].country == "USA" and by_text["Ambassador"].rule == "author-side"
    assert by_text["we"].country == "USA"
    assert (by_text["GOZ"].country, by_text["GOZ"].rule) == ("ZWE", "cable-gov-abbreviation")
    assert by_text["opposition leader Morgan Tsvangirai"].sector == "OPP"  # the title, not 'no office then'


def test_every_mention_says_which_rule_placed_it(found):
    _, by_text = found
    assert all(m.rule for m in by_text.values())
