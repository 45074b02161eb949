"""One regression test per finding of the reliability probe (../shared/reports/reliability-2026-12-01.md).

Each test is named after its finding (#1 ... #22, R1 ... R4, then the issue's other items) and
replays the probe's input without the model: `code` and `ingest` run a stand-in pipeline
through the local executor. docs/reliability.md maps every finding to its fix and its test.
"""

from __future__ import annotations

import codecs
import json
import os
import stat
import sys
from pathlib import Path

import duckdb
import pytest

from cablegram.cli import EXIT_INTERNAL, EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, main
from cablegram.errors import ConfigError, IngestError, IngestWarning, ResolutionError, StoreError
from cablegram.ingest import IngestOptions, InputReader
from cablegram.records import CodedDocument, Document, Event, Quote, TextSpan
from cablegram.store import EventFilter, MemoryStore, open_store, search_documents, search_events

from .storekit import coded, event

GOOD = '{"id":"ok","text":"Russia attacked Ukraine on Monday."}'


class _StandIn:
    """Codes one event and one quote per document, on its first word: the CLI path, no model."""

    def code_documents(self, documents):
        for doc in documents:
            word = doc.text.split()[0]
            span = TextSpan(text=word, start=0, end=len(word))
            ev = Event(event_id=f"e-{doc.doc_id}", doc_id=doc.doc_id, sentence_index=0, sentence=doc.text,
                       trigger=span, event="ASSAULT", cameo="190")
            quote = Quote(quote_id=f"q-{doc.doc_id}", doc_id=doc.doc_id, sentence_index=0, text=word,
                          start=0, end=len(word), sentence=doc.text)
            yield CodedDocument(document=doc, events=(ev,), quotes=(quote,))


@pytest.fixture(autouse=True)
def stand_in(monkeypatch):
    from cablegram.scale import LocalExecutor

    monkeypatch.setattr("cablegram.scale.make_executor",
                        lambda settings: LocalExecutor(settings=settings, pipeline=_StandIn()))


def _read(paths, **options) -> list:
    options.setdefault("language_check", False)
    return list(InputReader(options=IngestOptions(**options)).read([str(p) for p in paths]))


def _codes(items) -> list[str]:
    return [x.code if isinstance(x, IngestError) else x.doc_id for x in items]


def _code(args, capsys) -> tuple[int, list[dict], str]:
    status = main(["code", "--no-language-check", *[str(a) for a in args]])
    captured = capsys.readouterr()
    return status, [json.loads(line) for line in captured.out.splitlines() if line.strip()], captured.err


# -- the worst ----------------------------------------------------------------------------------
@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_finding_01_db_names_data_file_is_refused_and_left_alone(tmp_path, suffix, capsys):
    data = tmp_path / f"corpus{suffix}"
    data.write_bytes(b"PAR1" + bytes(20) if suffix == ".parquet" else (GOOD + "\n").encode())
    before = data.read_bytes()
    with pytest.raises(StoreError) as err:
        open_store(data)
    assert err.value.code == "E407"
    news = tmp_path / "news.jsonl"
    news.write_text(GOOD + "\n")
    assert main(["ingest", str(news), "--db", str(data)]) == EXIT_USAGE
    assert "E407" in capsys.readouterr().err and data.read_bytes() == before


def test_finding_02_export_out_equal_to_db_keeps_the_store(tmp_path, capsys):
    db = tmp_path / "kb.duckdb"
    with open_store(db) as store:
        store.write([coded("d1", event("d1"))])
    for fmt in ("plover-jsonl", "csv", "parquet"):
        assert main(["export", "--db", str(db), "--format", fmt, "--out", str(db)]) == EXIT_USAGE
        assert "E409" in capsys.readouterr().err
    with open_store(db, read_only=True) as store:
        assert store.scalar("SELECT count(*) FROM events") == 1


def test_finding_03_lone_surrogates_in_jsonl_are_replaced_not_fatal(tmp_path, capsys):
    path = tmp_path / "sur.jsonl"
    path.write_text(GOOD + '\n{"id":"s","title":"bad \\udc00","text":"Iran condemned Israel. \\ud83d"}\n')
    docs = _read([path])
    assert _codes(docs) == ["ok", "s"]
    assert docs[1].text.endswith("\ufffd") and docs[1].title == "bad \ufffd"
    docs[1].content_hash  # hashable as UTF-8 now  # noqa: B018
    store = MemoryStore()
    assert store.write([CodedDocument(document=d) for d in docs]).added_docs == 2
    status, out, _ = _code([path], capsys)
    assert status == EXIT_OK and {r["doc_id"] for r in out} == {"ok", "s"}


def test_finding_04_surrogate_character_reference_in_feed(tmp_path):
    path = tmp_path / "sur.rss"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>w</title><item>'
                    "<title>t &#55357;</title><description>Iran condemned Israel on Monday.</description>"
                    "<guid>1</guid></item></channel></rss>\n")
    (doc,) = _read([path])
    assert doc.doc_id == "1" and doc.title == "t \ufffd"


def test_finding_05_non_text_charset_and_encoding_are_coded(tmp_path, capsys):
    page = tmp_path / "p.html"
    page.write_text('<html><head><meta charset="rot13"></head><body><article><p>Russian troops shelled '
                    "Kharkiv on Tuesday, killing three civilians, officials said.</p></article></body></html>\n")
    (doc,) = _read([page])
    assert "Kharkiv" in doc.text
    news = tmp_path / "news.jsonl"
    news.write_text(GOOD + "\n")
    assert _codes(_read([news], encoding="base64")) == ["E118"]
    status, _, err = _code([news, "--encoding", "base64"], capsys)
    assert status == EXIT_USAGE and "E118" in err


def test_finding_06_deep_json_nesting_is_one_bad_line(tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_text(GOOD + '\n{"id":"d","text":"x","a":' + "[" * 100_000 + "]" * 100_000 + "}\n")
    out = _read([path])
    assert _codes(out) == ["ok", "E106"] and "nested too deeply" in out[1].message


def test_finding_07_huge_integer_in_json_is_one_bad_line(tmp_path):
    path = tmp_path / "bigint.jsonl"
    path.write_text('{"id": 1' + "0" * 5000 + ', "text": "Iran condemned Israel on Monday."}\n' + GOOD + "\n")
    assert _codes(_read([path])) == ["E106", "ok"]


def test_finding_08_yaml_alias_bomb_is_refused_before_expanding(tmp_path, capsys):
    lines = ["- name: bomb", "  country: RUS", "  patterns: &p0 [" + ",".join(['"lol"'] * 9) + "]"]
    lines += [f"- name: n{i}\n  patterns: &p{i} [" + ",".join([f"*p{i - 1}"] * 9) + "]" for i in range(1, 9)]
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("\n".join(lines) + "\n")
    kb_dir = tmp_path / "kb"
    assert main(["kb", "add", str(bomb), "--kb-dir", str(kb_dir)]) == EXIT_USAGE
    assert "E201" in capsys.readouterr().err and not list(kb_dir.glob("*.jsonl"))
    # An alias to a list in a text field is refused the same way.
    other = tmp_path / "alias.yaml"
    other.write_text('- name: a\n  patterns: &p ["x"]\n- name: *p\n')
    assert main(["kb", "add", str(other), "--kb-dir", str(kb_dir)]) == EXIT_USAGE


def test_finding_08_kb_add_caps_file_size_and_entries(tmp_path, capsys):
    from cablegram.cli.kb import user_entries

    src = tmp_path / "many.csv"
    src.write_text("name,country\n" + "".join(f"Group {i},RUS\n" for i in range(30)))
    with pytest.raises(ConfigError) as err:
        user_entries(src, max_entries=10)
    assert err.value.code == "E507" and "kb_max_entries" in err.value.message
    with pytest.raises(ConfigError):
        user_entries(src, max_bytes=100)
    assert main(["--setting", "kb_max_entries=5", "kb", "add", str(src), "--kb-dir", str(tmp_path)]) == EXIT_USAGE


def test_finding_08_kb_folder_refuses_a_runaway_file(tmp_path):
    from cablegram.resolve.kb import load_user_entries

    (tmp_path / "user-big.jsonl").write_text('{"kb_id": "x", "name": "x", "patterns": ["x"]}\n' * 100)
    with pytest.raises(ConfigError) as err:
        load_user_entries(tmp_path, max_bytes=1000)
    assert err.value.code == "E507"
    (tmp_path / "user-big.jsonl").write_text("[1, 2]\n")
    with pytest.raises(ResolutionError):
        load_user_entries(tmp_path)


def test_finding_09_document_size_cap_is_a_coded_error(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("Russia attacked Ukraine on Monday.\n" * 200)
    out = _read([path], max_doc_bytes=1000)
    assert _codes(out) == ["E126"] and "max_doc_bytes" in out[0].message
    assert _codes(_read([path])) != ["E126"]


def test_finding_10_non_utf8_file_name(tmp_path):
    folder = tmp_path / "names"
    folder.mkdir()
    (folder / "ok.txt").write_text("Russia attacked Ukraine on Monday.\n")
    odd = os.fsdecode(b"bad\xffname.txt")
    (folder / odd).write_text("Spain recalled its ambassador.\n")
    docs = _read([folder])
    assert len(docs) == 2 and any("\ufffd" in d.path for d in docs)
    store = MemoryStore()
    assert store.write([CodedDocument(document=d) for d in docs]).added_docs == 2


def test_finding_11_code_out_equal_to_input_is_refused(tmp_path, capsys):
    path = tmp_path / "in.jsonl"
    path.write_text(GOOD + "\n")
    status, _, err = _code([path, "--out", path], capsys)
    assert status == EXIT_USAGE and "E505" in err and path.read_text() == GOOD + "\n"
    # A new output file inside an input folder is fine, and is not read back as an input.
    status, _, err = _code([tmp_path, "--out", tmp_path / "events.jsonl"], capsys)
    assert status == EXIT_OK and "E104" not in err
    assert json.loads((tmp_path / "events.jsonl").read_text().splitlines()[0])["doc_id"] == "ok"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders whatever their permissions")
def test_finding_12_unreadable_subfolder_is_reported(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (tmp_path / "ok.txt").write_text("Russia attacked Ukraine on Monday.\n")
    (locked / "x.txt").write_text("Iran condemned Israel on Monday.\n")
    locked.chmod(0)
    try:
        out = _read([tmp_path])
        assert [getattr(x, "code", "doc") for x in out] == ["E110", "doc"] and "locked" in out[0].message
    finally:
        locked.chmod(stat.S_IRWXU)


def test_finding_12_walk_reports_what_os_walk_cannot_read(tmp_path, monkeypatch):
    # The same path as root would take: os.walk's onerror gets the failure.
    from cablegram.ingest import sources

    real_walk = os.walk

    def failing_walk(top, onerror=None, followlinks=False):
        onerror(PermissionError(13, "Permission denied", str(Path(top) / "locked")))
        yield from real_walk(top, followlinks=followlinks)

    monkeypatch.setattr(sources.os, "walk", failing_walk)
    (tmp_path / "ok.txt").write_text("Russia attacked Ukraine on Monday.\n")
    out = _read([tmp_path])
    assert [getattr(x, "code", "doc") for x in out] == ["E110", "doc"] and "locked" in out[0].message


def test_finding_12_symlink_loops_and_dangling_links_are_reported(tmp_path):
    (tmp_path / "ok.txt").write_text("Russia attacked Ukraine on Monday.\n")
    (tmp_path / "loop").symlink_to(tmp_path)
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    codes = [getattr(x, "code", "doc") for x in _read([tmp_path])]
    assert codes.count("doc") == 1 and codes.count("E110") == 2


def test_finding_13_failed_commit_raises_e405_not_a_rollback_error():
    store = MemoryStore()

    class _FailingCommit:
        """A connection whose COMMIT fails the way a full disk does (transaction already gone)."""

        def __init__(self, con):
            self._con = con

        def execute(self, sql, *args):
            if sql == "COMMIT":
                self._con.execute("ROLLBACK")
                raise duckdb.IOException("Failed to commit: No space left on device")
            return self._con.execute(sql, *args)

        def __getattr__(self, name):
            return getattr(self._con, name)

    real = store.con
    store.con = _FailingCommit(real)
    with pytest.raises(StoreError) as err:
        store.write([coded("d1", event("d1"))])
    assert err.value.code == "E405" and "No space left" in err.value.message
    store.con = real
    assert store.scalar("SELECT count(*) FROM documents") == 0


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("s.yaml", b"- just a string\n"),
        ("o.yaml", b'- name: !!python/object/apply:os.system ["id"]\n'),
        ("y.yaml", b'- name: "unterminated\n'),
        ("b.csv", b"name,country\nFoo\xff,RUS\n"),
        ("q.csv", b'name,country\n"Foo,RUS\n'),
        ("n.yaml", b"- name: [1, 2]\n"),
        ("d.yaml", b"- name: X\n  start: not-a-date\n"),
    ],
)
def test_finding_14_kb_add_bad_files_are_coded_errors(tmp_path, capsys, name, content):
    src = tmp_path / name
    src.write_bytes(content)
    assert main(["kb", "add", str(src), "--kb-dir", str(tmp_path / "kb")]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "E201" in err and "Traceback" not in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_finding_15_fifo_and_devices_are_not_read(tmp_path):
    fifo = tmp_path / "f.fifo"
    os.mkfifo(fifo)
    out = _read([fifo, "/dev/zero"])
    assert _codes(out) == ["E110", "E110"] and "regular file" in out[0].message


def test_finding_16_utf16_by_byte_order_mark(tmp_path):
    record = json.dumps({"id": "u", "text": "Russia attacked Ukraine on Monday."}) + "\n"
    jsonl = tmp_path / "u16.jsonl"
    jsonl.write_bytes(codecs.BOM_UTF16_LE + (record * 2).replace('"u"', '"v"', 1).encode("utf-16-le"))
    for encoding in ("utf-8", "utf-16", "auto"):
        assert _codes(_read([jsonl], encoding=encoding)) == ["v", "u"]
    text = tmp_path / "u16.txt"
    text.write_bytes(codecs.BOM_UTF16_LE + "Russia attacked Ukraine.".encode("utf-16-le"))
    (doc,) = _read([text])
    assert doc.text == "Russia attacked Ukraine."


def test_finding_17_output_path_errors_are_coded(tmp_path, capsys):
    news = tmp_path / "news.jsonl"
    news.write_text(GOOD + "\n")
    (tmp_path / "outdir").mkdir()
    status, _, err = _code([news, "--out", tmp_path / "outdir"], capsys)
    assert status == EXIT_USAGE and "E506" in err
    status, _, err = _code([news, "--out", tmp_path / "nope" / "x.jsonl"], capsys)
    assert status == EXIT_USAGE and "E506" in err
    db = tmp_path / "kb.duckdb"
    with open_store(db) as store:
        store.write([coded("d1", event("d1"))])
    for fmt in ("csv", "plover-jsonl"):
        assert main(["export", "--db", str(db), "--format", fmt, "--out", str(tmp_path / "nope" / "x")]) == 2
        assert "E408" in capsys.readouterr().err
    if Path("/dev/full").exists():
        assert main(["export", "--db", str(db), "--out", "/dev/full"]) == EXIT_USAGE
        assert "E408" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["search", "--limit", "-1"], ["cluster", "--window", "-5"],
                                  ["top-dyads", "--limit", "-3"], ["ingest", "x", "--batch-size", "0"]])
def test_finding_18_negative_values_are_usage_errors(tmp_path, capsys, argv):
    with pytest.raises(SystemExit) as done:
        main([*argv, "--db", str(tmp_path / "kb.duckdb")])
    assert done.value.code == EXIT_USAGE and "E504" in capsys.readouterr().err
    assert not (tmp_path / "kb.duckdb").exists()


def test_finding_19_like_wildcards_are_literal():
    store = MemoryStore()
    plain = event("p", sentence="Police arrested 50 people in Baku on Monday.")
    percent = event("q", sentence="Turnout fell by 50% in Baku_City.")
    store.write([coded("p", plain, text=plain.sentence), coded("q", percent, text=percent.sentence)])
    assert [e.doc_id for e in search_events(store, EventFilter(text="50%"))] == ["q"]
    assert [e.doc_id for e in search_events(store, EventFilter(text="Baku_"))] == ["q"]
    assert len(search_events(store, EventFilter(text="50"))) == 2
    assert [d.doc_id for d in search_documents(store, "50%")] == ["q"]


def test_finding_20_ingest_codes_on_the_configured_executor(tmp_path, monkeypatch, capsys):
    used = []
    from cablegram.scale import LocalExecutor

    def make_executor(settings):
        used.append(settings["executor"])
        return LocalExecutor(settings=settings, pipeline=_StandIn())

    monkeypatch.setattr("cablegram.scale.make_executor", make_executor)
    news = tmp_path / "news.jsonl"
    news.write_text(GOOD + "\n")
    argv = ["--setting", "executor=dask", "ingest", str(news), "--db", str(tmp_path / "kb.duckdb"),
            "--no-language-check"]
    assert main(argv) == EXIT_OK and used == ["dask"]
    assert "stored 1 documents" in capsys.readouterr().err


def test_finding_21_foreign_duckdb_is_refused_and_untouched(tmp_path):
    other = tmp_path / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE important(x INT)")
    con.close()
    for read_only in (True, False):
        with pytest.raises(StoreError) as err:
            open_store(other, read_only=read_only)
        assert err.value.code == "E407" and "important" in err.value.message
    con = duckdb.connect(str(other))
    assert con.execute("SHOW TABLES").fetchall() == [("important",)]
    con.close()


def test_finding_22_petr_text_with_child_elements(tmp_path):
    path = tmp_path / "c.xml"
    path.write_text('<Sentences><Sentence date="20240101" id="s1"><Text><b>Russia</b> attacked Ukraine '
                    "on Monday.</Text></Sentence></Sentences>\n")
    (doc,) = _read([path])
    assert doc.text == "Russia attacked Ukraine on Monday."


# -- risks --------------------------------------------------------------------------------------
def test_risk_r1_id_collision_across_files_is_reported(tmp_path, capsys):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_text("id,text\n1,Russia attacked Ukraine on Monday.\n")
    b.write_text("id,text\n1,China sanctioned Japan on Friday.\n")
    out = _read([a, b])
    assert _codes(out) == ["1", "E125"]
    db = str(tmp_path / "ids.duckdb")
    assert main(["ingest", str(a), str(b), "--db", db, "--no-language-check"]) == EXIT_SKIPPED
    assert "E125" in capsys.readouterr().err
    assert main(["ingest", str(b), "--db", db, "--no-language-check"]) == EXIT_SKIPPED  # across runs too
    assert "E125" in capsys.readouterr().err


def test_risk_r1_store_reports_conflicting_ids():
    store = MemoryStore()
    store.write([coded("d1", event("d1"), text="First text.")])
    report = store.write([coded("d1", event("d1"), text="Other text.")])
    assert (report.added_docs, report.conflicting_ids) == (0, ("d1",))


def test_risk_r2_duckdb_never_autoloads_extensions(tmp_path):
    import sqlite3

    path = tmp_path / "x.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t(x)")
    con.commit()
    con.close()
    with pytest.raises(StoreError) as err:
        open_store(path, read_only=True)
    assert err.value.code == "E407" and "SQLite" in err.value.message
    store = MemoryStore()
    settings = store.rows("SELECT current_setting('autoload_known_extensions') AS a, "
                          "current_setting('autoinstall_known_extensions') AS b")
    assert settings == [{"a": False, "b": False}]


def test_risk_r3_exports_neutralise_formulas(tmp_path, capsys):
    import csv

    db = tmp_path / "f.duckdb"
    with open_store(db) as store:
        evil = event("f1", sentence='=HYPERLINK("http://x") Russia attacked Ukraine.')
        at = event("f2", sentence="@SUM(A1) and -1+2")
        store.write([coded("f1", evil, text=evil.sentence), coded("f2", at, text=at.sentence)])
    out = tmp_path / "f.csv"
    assert main(["export", "--db", str(db), "--format", "csv", "--out", str(out)]) == EXIT_OK
    sentences = [row["sentence"] for row in csv.DictReader(out.open())]
    assert sorted(sentences) == ["'=HYPERLINK(\"http://x\") Russia attacked Ukraine.", "'@SUM(A1) and -1+2"]
    tsv = tmp_path / "f.tsv"
    assert main(["export", "--db", str(db), "--format", "phoenix-tsv", "--out", str(tsv)]) == EXIT_OK
    assert not any(cell.startswith(("=", "@")) for line in tsv.read_text().splitlines() for cell in line.split("\t"))
    news = tmp_path / "n.jsonl"
    news.write_text('{"id":"n","text":"=1+1 Russia attacked Ukraine."}\n')
    assert main(["code", str(news), "--format", "csv", "--no-language-check"]) == EXIT_OK
    rows = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    assert rows[0]["sentence"] == "'=1+1 Russia attacked Ukraine." and rows[0]["trigger"] == "'=1+1"


def test_risk_r4_html_with_a_crowded_tag_is_refused_fast(tmp_path):
    page = tmp_path / "attrs.html"
    attrs = "\n".join(f' a{i}="x"' for i in range(5000))
    page.write_text(f"<html><body><article{attrs}><p>Russian troops shelled Kharkiv on Tuesday, killing three "
                    "civilians, officials said.</p></article></body></html>")
    out = _read([page])
    assert _codes(out) == ["E113"] and "attributes" in out[0].message


def test_risk_r4_html_size_cap(tmp_path):
    page = tmp_path / "big.html"
    page.write_text("<html><body><p>" + "Russia attacked Ukraine. " * 100 + "</p></body></html>")
    out = _read([page], max_html_bytes=500)
    assert _codes(out) == ["E126"] and "max_html_bytes" in out[0].message


def test_risk_unterminated_csv_quote_is_reported(tmp_path):
    path = tmp_path / "q.csv"
    path.write_text('id,text\n1,Russia attacked Ukraine.\n2,"China sanctioned\n3,Japan protested.\n')
    assert _codes(_read([path])) == ["1", "E121"]


def test_risk_truncated_feed_is_reported_after_its_items(tmp_path):
    path = tmp_path / "t.rss"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>w</title><item><title>t</title>'
                    "<description>Iran condemned Israel on Monday.</description><guid>1</guid></item>"
                    "<item><title>u</title><description>Russia attacked")
    out = _read([path])
    assert _codes(out)[0] == "1" and _codes(out)[-1] == "E128"


def test_risk_reingest_bookkeeping_is_linear():
    # Adding up WriteReports copied every id tuple per batch; the ingest tally appends instead.
    from cablegram.cli.store import _Tally
    from cablegram.store import WriteReport

    tally = _Tally()
    for i in range(2000):
        tally.add(WriteReport(skipped_duplicates=1, duplicate_ids=(f"d{i}",)))
    report = tally.report()
    assert report.skipped_duplicates == 2000 and len(report.duplicate_ids) == 2000


# -- the other items ----------------------------------------------------------------------
def test_exit_statuses_are_distinct(tmp_path, capsys, monkeypatch):
    news = tmp_path / "news.jsonl"
    news.write_text(GOOD + "\n")
    assert _code([news], capsys)[0] == EXIT_OK
    assert _code([news, tmp_path / "missing.txt"], capsys)[0] == EXIT_SKIPPED
    with pytest.raises(SystemExit) as done:
        main(["code"])
    assert done.value.code == EXIT_USAGE
    assert main(["--setting", "nonsense=1", "code", str(news)]) == EXIT_USAGE

    class _Broken:
        def code_documents(self, documents):
            raise ZeroDivisionError("a bug")
            yield  # pragma: no cover

    from cablegram.scale import LocalExecutor

    monkeypatch.setattr("cablegram.scale.make_executor",
                        lambda settings: LocalExecutor(settings=settings, pipeline=_Broken()))
    capsys.readouterr()
    assert main(["code", str(news), "--no-language-check"]) == EXIT_INTERNAL
    err = capsys.readouterr().err
    assert "ZeroDivisionError" in err and "report" in err


def test_errors_print_as_they_happen(tmp_path, capsys):
    from cablegram.cli.common import FailureLog

    log = FailureLog()
    log.append(IngestError("E104", path="empty.txt"))
    assert "E104" in capsys.readouterr().err  # before the run ends
    log.warn(IngestWarning("E124", value="x", path="a:1", detail="bad"))
    assert "warning: E124" in capsys.readouterr().err and len(log) == 1 and log.warnings == 1


def test_code_emits_quotes_and_advisories_as_records(tmp_path, capsys):
    news = tmp_path / "news.jsonl"
    news.write_text(GOOD + "\n")
    status, out, _ = _code([news], capsys)  # by default a stream of events, one per line
    assert status == EXIT_OK and [r["record"] for r in out] == ["event"]
    status, out, _ = _code(["--records", "all", news], capsys)
    assert status == EXIT_OK and [r["record"] for r in out] == ["event", "quote"]
    event_record = {k: v for k, v in out[0].items() if k != "record"}
    expected = next(_StandIn().code_documents([Document(doc_id="ok", text=json.loads(GOOD)["text"])])).events[0]
    assert event_record == expected.to_dict()


def test_bad_date_is_coded_without_a_date_and_warned(tmp_path, capsys):
    path = tmp_path / "d.jsonl"
    path.write_text('{"id":"a","text":"Russia attacked Ukraine.","date":"2024-13-45"}\n')
    status, out, err = _code([path], capsys)
    assert status == EXIT_OK and out[0]["doc_id"] == "a" and "warning: E124" in err
    csv_path = tmp_path / "d.csv"
    csv_path.write_text("id,text,date\nc,Russia attacked Ukraine.,last Tuesday\n")
    warning, doc = _read([csv_path])
    assert isinstance(warning, IngestWarning) and (doc.doc_id, doc.published) == ("c", None)


def test_same_text_under_another_id_gets_its_own_events(tmp_path, capsys):
    path = tmp_path / "twice.jsonl"
    path.write_text('{"id":"a","text":"Russia attacked Ukraine."}\n{"id":"b","text":"Russia  attacked Ukraine."}\n'
                    '{"id":"a","text":"Russia attacked Ukraine."}\n')
    status, out, _ = _code([path], capsys)
    assert status == EXIT_OK
    assert [(r["record"], r["doc_id"]) for r in out if r["record"] == "event"] == [("event", "a"), ("event", "b")]
    db = str(tmp_path / "kb.duckdb")
    assert main(["ingest", str(path), "--db", db, "--no-language-check"]) == EXIT_OK
    assert main(["ingest", str(path), "--db", db, "--no-language-check"]) == EXIT_OK  # nothing twice
    with open_store(db, read_only=True) as store:
        assert store.scalar("SELECT count(*) FROM documents") == 2
        assert store.scalar("SELECT count(*) FROM events") == 2


def test_short_english_is_not_dropped_as_foreign():
    from cablegram.ingest.language import LanguageCheck

    check = LanguageCheck()
    for text in ("Israel's Mossad intelligence agency killed a Hamas commander in Dubai.",
                 "Erdogan met Putin in Sochi on Monday to discuss the Syrian ceasefire."):
        assert check.check(Document(doc_id="e", text=text)) is None
    for text, lang in (("Der Bundeskanzler traf sich am Montag mit dem polnischen Ministerpräsidenten.", "de"),
                       ("Путин встретился с Эрдоганом в Сочи в понедельник.", "ru")):
        err = check.check(Document(doc_id="f", text=text))
        assert err is not None and err.code == "E112" and lang in err.message


def test_n_process_codes_on_a_process_pool(monkeypatch):
    from cablegram.config import Settings
    from cablegram.scale import executors

    submitted = []

    class _Pool:
        def __init__(self, max_workers, mp_context):
            self.workers = max_workers

        def submit(self, fn, batch, values):
            submitted.append(len(batch))

            class _Done:
                def result(self_inner):
                    return list(_StandIn().code_documents(batch))

            return _Done()

        def shutdown(self, cancel_futures):
            pass

    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", _Pool)
    settings = Settings.load({"n_process": "2", "batch_size": "2"}, env=False)
    docs = [Document(doc_id=str(i), text=f"Word{i} here.") for i in range(5)]
    with executors.make_executor(settings) as executor:
        out = [c.document.doc_id for c in executor.code(docs)]
    assert out == ["0", "1", "2", "3", "4"] and submitted == [2, 2, 1]
    with pytest.raises(ConfigError):
        executors.make_executor(Settings.load({"n_process": "0"}, env=False))


def test_code_from_stdin_imports_no_store_and_builds_no_tables():
    # `echo sentence | cablegram code -` must not pay for DuckDB or pyarrow at import time.
    import subprocess

    probe = (
        "import sys, cablegram.cli as cli; cli.build_parser(); import cablegram; "
        "print(sorted(m for m in ('duckdb', 'pyarrow') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
    from cablegram import open_store as exported

    assert exported is open_store


def test_finding_09_paragraph_starts_are_set_in_one_pass():
    # The paragraph splitter set sentence starts token by token, and spaCy's setter scans the
    # whole document each time: quadratic (27 s for a 630 KB document). One array write now.
    import spacy

    from cablegram.nlp.paragraphs import ParagraphSplitter

    nlp = spacy.blank("en")
    doc = nlp.make_doc("\n\n".join(["Russia attacked Ukraine on Monday. Officials said three died"] * 50))
    ParagraphSplitter()(doc)
    starts = [t.i for t in doc if t.is_sent_start]
    assert len(starts) == 50 and all(doc[i].text == "Russia" for i in starts)
    assert [t.i for t in doc if t.is_sent_start is None][:1] == [1]  # the rest is left to the parser


def test_no_model_is_loaded_when_every_input_is_bad(monkeypatch):
    from cablegram.config import Settings
    from cablegram.scale import LocalExecutor, executors

    def no_model(values):
        raise AssertionError("the pipeline was built for no documents")

    monkeypatch.setattr(executors, "_worker_pipeline", no_model)
    assert list(LocalExecutor(settings=Settings.load(env=False)).code(iter([]))) == []
