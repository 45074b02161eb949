"""HTML pages, RSS/Atom feeds and PETRARCH XML (no model, no network)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from cablegram.errors import IngestError
from cablegram.ingest import IngestOptions, InputReader, read_inputs

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
OPTIONS = IngestOptions(language_check=False)


def _read(*names, **options):
    opts = IngestOptions(language_check=False, **options)
    return list(read_inputs([str(FIXTURES / n) for n in names], options=opts))


@pytest.fixture(scope="module")
def article():
    (doc,) = _read("article.html")
    return doc


def test_html_keeps_the_article_body(article):
    assert "negotiators met in Tbilisi on Tuesday" in article.text
    assert "no agreement on the disputed enclaves" in article.text
    assert article.input_format == "html"


@pytest.mark.parametrize(
    "boilerplate",
    [
        "Sanctions tracker",  # navigation
        "Share this story",  # share box
        "tear gas",  # photo caption
        "observer in Afghanistan",  # author bio
        "invade",  # reader comment
        "Russia will veto",  # reader comment
        "Copyright",  # footer
    ],
)
def test_html_drops_everything_but_the_article(article, boilerplate):
    assert boilerplate not in article.text


def test_html_metadata(article):
    assert article.title == "Border talks resume in Tbilisi"
    assert article.author == "Nino Beridze"
    assert article.published == date(2024, 5, 14)
    assert article.source == "The Caucasus Ledger"
    assert article.url == "https://ledger.example.org/2024/05/14/border-talks"


def test_truncated_html_is_coded():
    (err,) = _read("truncated.html")
    assert err.code == "E113" and "truncated.html" in err.message


def test_html_without_an_article(tmp_path):
    page = tmp_path / "menu.html"
    page.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (err,) = list(read_inputs([str(page)], options=OPTIONS))
    assert err.code == "E113"


def test_url_without_network_is_a_coded_error():
    def offline(url: str) -> bytes:
        raise IngestError("E120", url=url, detail="no route to host")

    reader = InputReader(options=OPTIONS, fetch=offline)
    (err,) = list(reader.read(["https://news.example.org/story"]))
    assert err.code == "E120" and "https://news.example.org/story" in err.message


def test_url_page_is_extracted_with_its_url():
    page = (FIXTURES / "article.html").read_bytes()
    reader = InputReader(options=OPTIONS, fetch=lambda url: page)
    (doc,) = list(reader.read(["https://ledger.example.org/x"]))
    assert doc.input_format == "html" and "Tbilisi" in doc.text


def test_rss_items_are_documents_with_link_and_date():
    out = _read("news.rss")
    assert [d.input_format for d in out] == ["feed", "feed"]
    first, second = out
    assert first.doc_id == "steppewire-2024-0311"
    assert first.url == "https://steppewire.example.net/2024/03/water-accord"
    assert first.published == date(2024, 3, 11)
    assert first.text.startswith("Kazakhstan and Uzbekistan signed") and "<p>" not in first.text
    assert first.source == "Steppe Wire"
    assert second.published == date(2024, 3, 12) and "twelve people" in second.text


def test_atom_entry_uses_its_content():
    (doc,) = _read("bulletin.atom")
    assert doc.url == "https://gulfmonitor.example.com/oman-talks"
    assert doc.published == date(2024, 6, 1)
    assert doc.text.splitlines() == [
        "Oman hosted a meeting between Iranian and Saudi officials in Muscat on Saturday.",
        "Both sides praised the mediation.",
    ]


def test_empty_feed_and_garbage_feed(tmp_path):
    junk = tmp_path / "junk.rss"
    junk.write_text("this is not xml at all")
    out = _read("empty.rss") + list(read_inputs([str(junk)], options=OPTIONS))
    assert [e.code for e in out] == ["E114", "E114"]


def test_petr_xml_sentences_keep_id_date_and_source():
    out = _read("sentences.xml")
    # A bad date warns (E124) and the sentence is still read, without a date (issue 10, item 7).
    codes = [getattr(x, "doc_id", None) or x.code for x in out]
    assert codes == ["WIRE-0001-1", "WIRE-0002-1", "E124", "WIRE-0003-1"]
    assert out[-1].published is None
    first = out[0]
    assert first.text == "Azerbaijani police detained 25 opposition activists in central Baku on Thursday."
    assert first.published == date(2015, 3, 12) and first.source == "WIRE"
    assert first.input_format == "petr-xml"


def test_malformed_xml_is_coded(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text('<Sentences><Sentence id="a" date="20150101"><Text>Half</Sentence>')
    (err,) = list(read_inputs([str(bad)], options=OPTIONS))
    assert err.code == "E116" and "bad.xml" in err.message


def test_boxes_inside_the_article_container_are_dropped_too():
    (doc,) = _read("article_inline_boxes.html")
    assert "third quiet day" in doc.text and "convoys carrying food" in doc.text
    for boilerplate in ("Share on every network", "Refugees fled", "observer in Afghanistan"):
        assert boilerplate not in doc.text
    assert doc.author == "Tamar Kvaratskhelia" and doc.published == date(2024, 8, 2)


def test_prune_rules_match_whole_class_words_only():
    import lxml.html

    from cablegram.ingest.html import PRUNE_XPATH

    root = lxml.html.fromstring(
        "<div><div class='author-bio'>a</div><div class='biology-notes'>b</div>"
        "<p class='wp-caption-text'>c</p><div id='share_tools'>d</div></div>"
    )
    pruned = {el.text for xp in PRUNE_XPATH for el in root.xpath(xp)}
    assert pruned == {"a", "c", "d"}


def test_html_declaring_its_charset_is_decoded_with_it(tmp_path):
    html = (FIXTURES / "article.html").read_text().replace('charset="utf-8"', 'charset="windows-1252"')
    html = html.replace("Tuesday to", "Tuesday (at the caf\u00e9) to")
    page = tmp_path / "cp1252.html"
    page.write_bytes(html.encode("cp1252"))
    (doc,) = list(read_inputs([str(page)], options=OPTIONS))
    assert "(at the caf\u00e9)" in doc.text


def test_url_serving_a_feed_gives_its_items():
    feed = (FIXTURES / "news.rss").read_bytes()
    reader = InputReader(options=OPTIONS, fetch=lambda url: feed)
    out = list(reader.read(["https://steppewire.example.net/feed"]))
    assert [d.input_format for d in out] == ["feed", "feed"]
