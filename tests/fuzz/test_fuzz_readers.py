"""Fuzzing every reader (text, JSONL, CSV, HTML, feed, PETR XML, cable) and `kb add`.

Each test mixes good records with generated malformed input in one file and checks the promise
of the ingest layer: no traceback (and no E127, the safety net for a reader that failed in a
way it did not report), every bad record a coded error, every good record in the same file
read, and every document safe to write (UTF-8 clean, storable as Arrow).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from cablegram.errors import CablegramError, ConfigError, IngestError, ResolutionError
from cablegram.ingest import IngestOptions, InputReader
from cablegram.records import CodedDocument, Document
from cablegram.store.arrow import batch_tables

# feedparser warns about its own date-field fallback on every dated item: not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
CODE = re.compile(r"^E\d{3} ")
GOOD_TEXT = "Russia attacked Ukraine on Monday."

# Text with the characters that broke readers: surrogates, NULs, controls, markup, quotes.
nasty_text = st.text(
    alphabet=st.one_of(
        st.characters(codec=None, exclude_categories=()),
        st.sampled_from(['"', "'", ",", "\t", "\n", "\r", "<", ">", "&", "#", ";", "{", "}", "[", "]", "\\", "\ud83d"]),
    ),
    max_size=80,
)
nasty_bytes = st.binary(max_size=300)


def _read(tmp_path: Path, name: str, data: bytes, **options) -> list[Document | IngestError]:
    path = tmp_path / name
    path.write_bytes(data)
    options.setdefault("language_check", False)
    return list(InputReader(options=IngestOptions(**options)).read([str(path)]))


def _check(items: list[Document | IngestError]) -> list[Document]:
    """The common promise: coded errors only, clean documents that the store can take."""
    docs = []
    for item in items:
        if isinstance(item, CablegramError):
            assert CODE.match(item.message), item.message
            assert item.code != "E127", item.message  # a reader failed without saying why
            continue
        assert isinstance(item, Document)
        for value in (item.doc_id, item.text, item.title, item.url, item.source, item.author, item.path):
            if value is not None:
                value.encode("utf-8")  # no lone surrogates
        json.dumps(item.meta, ensure_ascii=False).encode("utf-8")
        docs.append(item)
    if docs:
        batch_tables([CodedDocument(document=d) for d in docs], first_eid=1, batch_id="fuzz")
    return docs


def _ids(docs: list[Document]) -> set[str]:
    return {d.doc_id for d in docs}


# -- text, and any bytes under any name ---------------------------------------------------------
@given(data=nasty_bytes, suffix=st.sampled_from([".txt", ".jsonl", ".csv", ".html", ".rss", ".xml", ".cable", ""]))
def test_fuzz_any_bytes_under_any_name(tmp_path_factory, data, suffix):
    tmp_path = tmp_path_factory.mktemp("any")
    _check(_read(tmp_path, f"input{suffix}", data))
    _check(_read(tmp_path, f"again{suffix}", data, encoding="auto"))


@given(text=nasty_text, encoding=st.sampled_from(["utf-8", "utf-16", "latin-1", "cp1252", "auto"]))
def test_fuzz_text_reader(tmp_path_factory, text, encoding):
    tmp_path = tmp_path_factory.mktemp("text")
    data = text.encode("utf-16" if encoding == "utf-16" else "utf-8", "surrogatepass")
    docs = _check(_read(tmp_path, "t.txt", data, encoding=encoding, input_format="text"))
    assert len(docs) <= 1


# -- JSONL ----------------------------------------------------------------------------------------
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | nasty_text,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(nasty_text, children, max_size=4),
    max_leaves=12,
)
bad_jsonl_line = st.one_of(
    nasty_text.map(lambda t: t.replace("\n", " ").replace("\r", " ")),
    st.dictionaries(st.sampled_from(["id", "text", "date", "title", "url", "source", "author", "x"]),
                    json_values, max_size=6).map(json.dumps),
    st.integers(min_value=1, max_value=3000).map(lambda n: '{"id":"d","a":' + "[" * n + "]" * n + "}"),
    st.integers(min_value=4000, max_value=6000).map(lambda n: '{"id":1' + "0" * n + ',"text":"x"}'),
)


@given(bad=st.lists(bad_jsonl_line, max_size=6), n_good=st.integers(min_value=1, max_value=3))
def test_fuzz_jsonl_reader(tmp_path_factory, bad, n_good):
    tmp_path = tmp_path_factory.mktemp("jsonl")
    assume(not any("good-" in line for line in bad))
    good = [json.dumps({"id": f"good-{i}", "text": f"{GOOD_TEXT} Item {i}."}) for i in range(n_good)]
    lines = [line for pair in zip(good, bad + [""] * len(good)) for line in pair] + bad[len(good):]
    data = "\n".join(lines).encode("utf-8", "surrogatepass") + b"\n"
    docs = _check(_read(tmp_path, "f.jsonl", data))
    assert {f"good-{i}" for i in range(n_good)} <= _ids(docs)


# -- CSV ------------------------------------------------------------------------------------------
@given(cells=st.lists(st.lists(nasty_text.map(lambda t: t.replace("\x00", "")), min_size=1, max_size=4), max_size=5),
       delimiter=st.sampled_from([",", "\t", ";"]))
def test_fuzz_csv_reader(tmp_path_factory, cells, delimiter):
    tmp_path = tmp_path_factory.mktemp("csv")
    assume(not any("good-" in c for row in cells for c in row))
    suffix = ".tsv" if delimiter == "\t" else ".csv"
    good = [f"good-{i}{delimiter}{GOOD_TEXT}" for i in range(2)]
    bad = [delimiter.join(row) for row in cells]
    body = "\n".join([f"id{delimiter}text", good[0], *bad, good[1]]) + "\n"
    docs = _check(_read(tmp_path, f"f{suffix}", body.encode("utf-8", "surrogatepass")))
    # A quote in a bad row may open a field that runs on: the rows after it are then reported
    # (E121), never silently read as text. Without quotes, both good rows must be read.
    assert "good-0" in _ids(docs)
    if not any('"' in row for row in bad) and not any("\r" in row or "\n" in row for row in bad):
        assert "good-1" in _ids(docs)


# -- HTML -----------------------------------------------------------------------------------------
tag = st.sampled_from(["p", "div", "article", "script", "style", "nav", "b", "meta", "html", "body", "x"])
fragment = st.recursive(
    nasty_text.map(lambda t: t.replace("<", "&lt;")),
    lambda inner: st.builds(
        lambda name, attrs, kids: f"<{name}{attrs}>{''.join(kids)}</{name}>",
        tag,
        st.lists(st.tuples(st.sampled_from(["class", "id", "charset", "a", "href"]), nasty_text), max_size=3).map(
            lambda pairs: "".join(f' {k}="{v.replace(chr(34), "")}"' for k, v in pairs)
        ),
        st.lists(inner, max_size=3),
    ),
    max_leaves=10,
)


@given(body=fragment, charset=st.sampled_from(["", "utf-8", "rot13", "base64", "latin-1", "nonsense", "utf-16"]),
       cut=st.booleans())
def test_fuzz_html_reader(tmp_path_factory, body, charset, cut):
    tmp_path = tmp_path_factory.mktemp("html")
    meta = f'<meta charset="{charset}">' if charset else ""
    page = (f"<html><head>{meta}</head><body><article><p>{GOOD_TEXT} Officials said the attack killed "
            f"three people.</p>{body}</article></body></html>")
    data = page.encode("utf-8", "surrogatepass")
    if cut:
        data = data[: len(data) // 2]
    docs = _check(_read(tmp_path, "p.html", data))
    assert len(docs) <= 1


# -- feeds ----------------------------------------------------------------------------------------
char_ref = st.one_of(st.integers(min_value=0, max_value=0x11FFFF).map(lambda n: f"&#{n};"),
                     st.integers(min_value=0xD800, max_value=0xDFFF).map(lambda n: f"&#x{n:x};"))
# (No raw NUL: a feed holding one is a binary file, E105, by design.)
plain_feed_text = nasty_text.map(lambda t: t.replace("<", "").replace("&", "").replace("\x00", ""))
feed_text = st.lists(st.one_of(plain_feed_text, char_ref), max_size=4).map("".join)


@given(title=feed_text, body=feed_text, guid=feed_text, date=feed_text, cut=st.integers(min_value=0, max_value=400))
def test_fuzz_feed_reader(tmp_path_factory, title, body, guid, date, cut):
    tmp_path = tmp_path_factory.mktemp("feed")
    good = f"<item><title>Good</title><description>{GOOD_TEXT}</description><guid>good-0</guid></item>"
    item = (f"<item><title>{title}</title><description>{body}</description><guid>{guid}</guid>"
            f"<pubDate>{date}</pubDate></item>")
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>w</title>{good}{item}</channel></rss>'
    data = feed.encode("utf-8", "surrogatepass")
    whole = _check(_read(tmp_path, "f.rss", data))
    assert "good-0" in _ids(whole)
    _check(_read(tmp_path, "cut.rss", data[: len(good) + 80 + cut]))


# -- PETR XML -------------------------------------------------------------------------------------
xml_text = nasty_text.map(lambda t: t.replace("<", "&lt;").replace("&", "&amp;").replace('"', "&quot;"))


@given(text=xml_text, date=xml_text, sid=xml_text, inner=st.sampled_from(["", "<b>x</b>", "<Text/>", "<!-- c -->"]),
       cut=st.integers(min_value=0, max_value=300))
def test_fuzz_petr_xml_reader(tmp_path_factory, text, date, sid, inner, cut):
    tmp_path = tmp_path_factory.mktemp("petr")
    good = f'<Sentence date="20240101" id="good-0"><Text>{GOOD_TEXT}</Text></Sentence>'
    bad = f'<Sentence date="{date}" id="{sid}"><Text>{inner}{text}</Text></Sentence>'
    doc = f"<Sentences>{good}{bad}</Sentences>\n"
    data = doc.encode("utf-8", "surrogatepass")
    items = _read(tmp_path, "s.xml", data, input_format="petr-xml")
    docs = _check(items)
    # A whole-file fault (markup, encoding, a NUL: binary) is one error for the file.
    if not any(isinstance(i, IngestError) and i.code in {"E116", "E103", "E105"} for i in items):
        assert "good-0" in _ids(docs)
    _check(_read(tmp_path, "cut.xml", data[: 30 + cut], input_format="petr-xml"))


# -- cables ---------------------------------------------------------------------------------------
@given(subject=nasty_text, created=nasty_text, body=nasty_text,
       dtg=st.sampled_from(["", "O 171234Z FEB 09", "P 991299Z XYZ 99"]))
def test_fuzz_cable_reader(tmp_path_factory, subject, created, body, dtg):
    tmp_path = tmp_path_factory.mktemp("cable")
    cable = (f"Reference ID: 09BAKU{len(body)}\nCreated: {created}\nOrigin: Embassy Baku\n{dtg}\n"
             f"TAGS: PREL, AJ\nSUBJECT: {subject}\n\n1. (C) {GOOD_TEXT} {body}\n")
    docs = _check(_read(tmp_path, "c.cable", cable.encode("utf-8", "surrogatepass"), input_format="cable"))
    assert len(docs) <= 1


# -- kb add ---------------------------------------------------------------------------------------
yaml_scalar = st.one_of(
    nasty_text.map(json.dumps),
    st.integers().map(str),
    st.sampled_from(["[1, 2]", "{a: 1}", "*p", "&p x", "!!python/none ''", "2024-13-45", "2024-01-01", "~"]),
)
kb_keys = st.sampled_from(["name", "patterns", "country", "sector", "kind", "start", "end", "title", "cameo_code"])


@given(entries=st.lists(st.dictionaries(kb_keys, yaml_scalar, max_size=5), max_size=5),
       raw=st.booleans(), junk=nasty_text)
def test_fuzz_kb_add_yaml(tmp_path_factory, entries, raw, junk):
    from cablegram.cli.kb import user_entries

    tmp_path = tmp_path_factory.mktemp("kbyaml")
    text = "\n".join("- " + "\n  ".join(f"{k}: {v}" for k, v in e.items()) if e else "- {}" for e in entries)
    if raw:
        text += "\n" + junk
    path = tmp_path / "mine.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        found = user_entries(path)
    except (ResolutionError, ConfigError) as exc:
        assert CODE.match(exc.message)
        return
    for entry in found:
        assert entry.name and all(isinstance(p, str) for p in entry.patterns)


@given(rows=st.lists(st.lists(nasty_text.map(lambda t: t.replace("\x00", "")), min_size=1, max_size=5), max_size=5))
def test_fuzz_kb_add_csv(tmp_path_factory, rows):
    from cablegram.cli.kb import user_entries

    tmp_path = tmp_path_factory.mktemp("kbcsv")
    text = "name,patterns,country,sector,start\n" + "\n".join(",".join(r) for r in rows) + "\n"
    path = tmp_path / "mine.csv"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        user_entries(path)
    except (ResolutionError, ConfigError) as exc:
        assert CODE.match(exc.message)
