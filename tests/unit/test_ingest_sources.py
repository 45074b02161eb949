"""Folder walks, format detection, dedup and the language check (no spaCy model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cablegram.errors import IngestError
from cablegram.ingest import IngestOptions, IngestStats, InputReader, detect_format, read_inputs
from cablegram.ingest.language import LanguageCheck
from cablegram.records import Document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
STORY = "Police detained 25 demonstrators in Baku on Saturday, the interior ministry said."


def _names(items):
    return [Path(x.path.split(":")[0]).name if isinstance(x, Document) else x.code for x in items]


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "deeper" / "b.md").write_text("Israel sold weapons to Azerbaijan last year.")
    (tmp_path / "sub" / "notes.log").write_text("Russia accused Ukraine of shelling.")
    (tmp_path / ".hidden.txt").write_text("A hidden file is never read.")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "c.txt").write_text("Nor is anything in a hidden folder.")
    return tmp_path


def _read(paths, **options):
    return list(read_inputs([str(p) for p in paths], options=IngestOptions(language_check=False, **options)))


def test_folders_are_walked_recursively_skipping_hidden_and_unknown_suffixes(folder):
    assert _names(_read([folder])) == ["a.txt", "b.md"]


def test_include_and_exclude_globs(folder):
    assert _names(_read([folder], include=("*.log",))) == ["notes.log"]
    assert _names(_read([folder], exclude=("sub/*",))) == ["a.txt"]
    assert _names(_read([folder], include=("*",), exclude=("*.md",))) == ["a.txt", "notes.log"]


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("x.jsonl", b"", "jsonl"),
        ("x.csv", b"", "csv"),
        ("x.htm", b"", "html"),
        ("x.atom", b"", "feed"),
        ("stdin", b'{"id": 1, "text": "t"}', "jsonl"),
        ("stdin", b"<!DOCTYPE html><html><body>", "html"),
        ("x.xml", b'<?xml version="1.0"?><rss version="2.0">', "feed"),
        ("x.xml", b'<?xml version="1.0"?>\n<Sentences>\n<Sentence id="1">', "petr-xml"),
        ("x.xml", b'<?xml version="1.0"?><inventory/>', None),
        ("x.txt", b"Plain words.", "text"),
        ("x.txt", b"{Editor's note: updated.} Troops withdrew.", "text"),
        ("x.txt", b"<Reuters> Troops withdrew from the border.", "text"),
        ("x.jsonl", b"{broken", "jsonl"),
    ],
)
def test_detect_format(name, head, expected):
    assert detect_format(name, head) == expected


def test_unknown_xml_and_unknown_format_are_coded(tmp_path):
    (tmp_path / "stock.xml").write_text('<?xml version="1.0"?><inventory><item/></inventory>')
    assert [e.code for e in _read([tmp_path / "stock.xml"])] == ["E123"]
    assert [e.code for e in _read([tmp_path], input_format="docx")] == ["E107"]


def test_forced_format_overrides_detection(tmp_path):
    path = tmp_path / "cable.txt"
    path.write_text((FIXTURES / "telegram.cable").read_text())
    (doc,) = _read([path], input_format="text")
    assert doc.input_format == "text" and "SIPDIS" in doc.text


def test_same_content_under_one_id_is_yielded_once_under_another_id_again(tmp_path):
    (tmp_path / "one.txt").write_text(STORY)
    (tmp_path / "two.txt").write_text("  " + STORY.upper().replace(" ", "\n  ") + "\n")
    (tmp_path / "three.jsonl").write_text(f'{{"id": "j", "text": "{STORY}"}}\n')
    reader = InputReader(options=IngestOptions(language_check=False))
    out = list(reader.read([str(tmp_path)]))
    # The two text files are one document (their id is the content hash); the JSONL record
    # has its own id, so it is a document of its own (issue 10, item 7).
    assert sorted(d.doc_id == "j" for d in out) == [False, True]
    assert reader.stats.duplicates == 1
    again = list(InputReader(options=IngestOptions(language_check=False, dedup=False)).read([str(tmp_path)]))
    assert len(again) == 3


def test_stats_count_by_format_and_errors():
    stats = IngestStats()
    reader = InputReader(options=IngestOptions(language_check=False), stats=stats)
    out = list(reader.read([str(FIXTURES / "news.rss"), str(FIXTURES / "plain.txt"), "missing.txt"]))
    assert len(out) == 4
    assert stats.by_format == {"feed": 2, "text": 1} and stats.errors == 1 and stats.documents == 3


class _FakeDetector:
    """Says English for texts with 'the ', French otherwise: the filter's logic without lingua."""

    def compute_language_confidence(self, text, language):
        return 0.9 if " the " in text else 0.0  # real foreign text scores 0.0

    def detect_language_of(self, text):
        from lingua import Language

        return Language.FRENCH


def test_language_filter_skips_with_e112_and_short_texts_pass():
    check = LanguageCheck(build=_FakeDetector)
    english = Document(doc_id="e", text="Officials said the talks would resume in Geneva next week, then.")
    french_text = "Les ministres se sont rencontrés à Genève pour relancer les négociations."
    french = Document(doc_id="f", text=french_text, path="f.txt")
    short = Document(doc_id="s", text="Bonjour tout le monde.")
    assert check.check(english) is None and check.check(short) is None
    err = check.check(french)
    assert isinstance(err, IngestError) and err.code == "E112" and "f.txt" in err.message


def test_real_detector_on_the_french_fixture():
    reader = InputReader(options=IngestOptions())
    out = list(reader.read([str(FIXTURES / "francais.txt"), str(FIXTURES / "plain.txt")]))
    assert [getattr(x, "code", None) for x in out] == ["E112", None]
    assert out[1].language == "en" and reader.stats.non_english == 1


def test_function_words_settle_plain_english_without_lingua():
    from cablegram.ingest.language import mostly_english_words

    assert mostly_english_words(STORY + " The talks were held in the capital of the country.")
    assert not mostly_english_words("Le gouvernement a annoncé mardi de nouvelles sanctions contre eux.")
    assert not mostly_english_words("Too short to judge.")
