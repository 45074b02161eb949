"""Walk inputs (files, folders, URLs, '-' for stdin) and hand each to the reader for its format.

`read_inputs(paths, options=...)` yields a `Document` per text and an `IngestError` per bad
input, so a batch goes on past a bad file. `InputReader` does the same and keeps counts for
the end-of-run summary. Duplicate content and non-English texts are filtered here, once, for
every format.
"""

from __future__ import annotations

import fnmatch
import json
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import IngestError, IngestWarning
from ..records import Document
from .cables import looks_cable, read_cable
from .dedup import Deduper
from .feeds import read_feed
from .html import fetch_url, read_html
from .jsonl import read_jsonl
from .language import LanguageCheck
from .options import FORMATS, IngestOptions, IngestStats
from .petr_xml import looks_petr_xml, read_petr_xml
from .tables import read_csv
from .text import check_encoding, clean_text, display_path, find_long_line, looks_binary, read_text

__all__ = ["FORMATS", "InputReader", "IngestOptions", "detect_format", "read_inputs"]

Reader = Callable[..., Iterator[Document | IngestError]]
READERS: dict[str, Reader] = {
    "text": read_text,
    "jsonl": read_jsonl,
    "csv": read_csv,
    "html": read_html,
    "feed": read_feed,
    "petr-xml": read_petr_xml,
    "cable": read_cable,
}
SUFFIX_FORMATS: dict[str, str] = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "csv", ".tab": "csv",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".rss": "feed", ".atom": "feed",
    ".cable": "cable", ".tel": "cable",
}
# Suffixes a folder walk picks up when no --include is given; .xml is sniffed.
FOLDER_SUFFIXES = {*SUFFIX_FORMATS, ".txt", ".text", ".md", ".xml"}
_SNIFF_CHARS = 4096
_RECORD_FORMATS = {"jsonl", "csv"}


def detect_format(label: str, data: bytes) -> str | None:
    """The format of one input from its suffix, else from its first bytes; None if unknown XML."""
    suffix = Path(label).suffix.lower()
    if suffix in SUFFIX_FORMATS:
        return SUFFIX_FORMATS[suffix]
    head = data[:_SNIFF_CHARS].decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
    lower = head[:512].lower()
    if head.startswith("{") and _first_line_is_object(head):
        return "jsonl"
    if lower.startswith(("<!doctype html", "<html")) or "<html" in lower[:256]:
        return "html"
    if head.startswith("<"):
        kind = _xml_kind(head)
        # Unknown markup is an error only in what claims to be XML; elsewhere it is just text.
        if kind is not None or suffix == ".xml" or head.startswith("<?xml"):
            return kind
    return "cable" if looks_cable(head) else "text"


def _first_line_is_object(head: str) -> bool:
    # "{Editor's note} ..." starts with a brace too; a JSONL file's first line parses.
    line = head.split("\n", 1)[0]
    if len(line) >= len(head) and len(head) >= _SNIFF_CHARS - 8:
        return True  # a first line longer than the sniffed prefix: trust the brace
    try:
        return isinstance(json.loads(line), dict)
    except json.JSONDecodeError:
        return False


def _xml_kind(head: str) -> str | None:
    if looks_petr_xml(head):
        return "petr-xml"
    if any(tag in head for tag in ("<rss", "<feed", "<rdf:RDF", "<channel")):
        return "feed"
    if "<body" in head.lower() or "<p>" in head.lower():
        return "html"
    return None


def _matches(name: str, rel: str, patterns: tuple[str, ...]) -> bool:
    # A glob may name the file ("*.txt") or its path inside the folder ("cables/*").
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(rel, p) for p in patterns)


def _wanted(path: Path, root: Path, options: IngestOptions) -> bool:
    rel = path.relative_to(root).as_posix()
    if options.exclude and _matches(path.name, rel, options.exclude):
        return False
    if options.include:
        return _matches(path.name, rel, options.include)
    return path.suffix.lower() in FOLDER_SUFFIXES


def walk_folder(root: Path, options: IngestOptions, *, problems: list[IngestError] | None = None) -> list[Path]:
    """Files under `root`, recursively, sorted; hidden files and folders skipped.

    Symbolic links to folders are followed once each (a loop is cut and reported); folders that
    cannot be read and links that lead nowhere are reported in `problems` (E110), not skipped
    silently.
    """
    found: list[Path] = []
    report = problems if problems is not None else []
    seen: set[tuple[int, int]] = set()

    def unreadable(exc: OSError) -> None:
        report.append(IngestError("E110", path=display_path(exc.filename or root), detail=exc.strerror or str(exc)))

    for folder, subfolders, names in os.walk(root, onerror=unreadable, followlinks=True):
        if not _first_visit(Path(folder), seen):
            report.append(IngestError("E110", path=display_path(folder),
                                      detail="a symbolic-link loop; this folder was already read"))
            subfolders[:] = []
            continue
        # Pruned in place so that os.walk never descends into .git, .venv and the like.
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        base = Path(folder)
        for name in names:
            path = base / name
            if name.startswith(".") or not _wanted(path, root, options):
                continue
            if options.skip_files and str(path.resolve()) in options.skip_files:
                continue
            if path.is_file():
                found.append(path)
            elif path.is_symlink():
                report.append(IngestError("E110", path=display_path(path),
                                          detail="a symbolic link that leads nowhere (or loops)"))
    return sorted(found)


def _first_visit(folder: Path, seen: set[tuple[int, int]]) -> bool:
    try:
        info = folder.stat()
    except OSError:
        return True  # os.walk reports what it cannot read
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return False
    seen.add(key)
    return True


@dataclass(slots=True, kw_only=True)
class InputReader:
    """Reads inputs with one set of options; `stats` counts what was read and skipped.

    `language` and `fetch` are swappable so tests can run without lingua or a network.
    """

    options: IngestOptions = field(default_factory=IngestOptions)
    stats: IngestStats = field(default_factory=IngestStats)
    language: LanguageCheck = field(default_factory=LanguageCheck)
    fetch: Callable[[str], bytes] = fetch_url
    _dedup: Deduper = field(default_factory=Deduper)

    def read(self, paths: Iterable[str]) -> Iterator[Document | IngestError]:
        """Documents and errors from every input, in order, filtered for language and repeats.

        Warnings (IngestWarning: the input was still read) come just before their document.
        """
        for item in self._raw(paths):
            if isinstance(item, IngestWarning):
                self.stats.warnings += 1
                yield item
                continue
            if isinstance(item, IngestError):
                self.stats.errors += 1
                yield item
                continue
            kept = self._filter(item)
            if isinstance(kept, IngestError):
                self.stats.errors += 1
            if kept is not None:
                yield kept

    def _filter(self, document: Document) -> Document | IngestError | None:
        size = len(document.text.encode("utf-8", "surrogatepass"))
        if size > self.options.max_doc_bytes:
            return IngestError("E126", path=document.path or document.doc_id, size=size,
                               limit=self.options.max_doc_bytes, setting="max_doc_bytes")
        verdict = self._dedup.verdict(document)
        if verdict == "conflict":
            return IngestError("E125", doc_id=document.doc_id, path=document.path or "?",
                               first="read earlier in this run")
        if verdict == "repeat" and self.options.dedup:
            self.stats.duplicates += 1
            return None
        if self.options.language_check:
            problem = self.language.check(document)
            if problem is not None:
                self.stats.non_english += 1
                return problem
        self.stats.count(document.input_format)
        return replace(document, language="en") if self.options.language_check else document

    def _raw(self, paths: Iterable[str]) -> Iterator[Document | IngestError]:
        problem = self._check_options()
        if problem is not None:
            yield problem
            return
        for raw in paths:
            yield from self._one(raw)

    def _check_options(self) -> IngestError | None:
        fmt = self.options.input_format
        if fmt not in FORMATS:
            return IngestError("E107", fmt=fmt, path="(all inputs)", choices=", ".join(FORMATS))
        return check_encoding(self.options.encoding)

    def _one(self, raw: str) -> Iterator[Document | IngestError]:
        if raw == "-":
            yield from self._dispatch(_read_stdin(), "<stdin>")
        elif raw.startswith(("http://", "https://")):
            yield from self._url(raw)
        else:
            yield from self._path(Path(raw))

    def _path(self, path: Path) -> Iterator[Document | IngestError]:
        if path.is_dir():
            problems: list[IngestError] = []
            files = walk_folder(path, self.options, problems=problems)
            yield from problems
            if not files and not problems:
                yield IngestError("E102", path=display_path(path))
            for file in files:
                yield from self._file(file)
        elif path.exists():
            yield from self._file(path)
        else:
            yield IngestError("E101", path=display_path(path))

    def _file(self, path: Path) -> Iterator[Document | IngestError]:
        self.stats.files += 1
        label = display_path(path)
        try:
            # A FIFO would block and /dev/zero never ends: only regular files are read.
            if not stat.S_ISREG(path.stat().st_mode):
                yield IngestError("E110", path=label, detail="not a regular file (a pipe, device or socket)")
                return
            data = path.read_bytes()
        except OSError as exc:
            yield IngestError("E110", path=label, detail=exc.strerror or str(exc))
            return
        yield from self._dispatch(data, label)

    def _url(self, url: str) -> Iterator[Document | IngestError]:
        try:
            data = self.fetch(url)
        except IngestError as exc:
            yield exc
            return
        fmt = self._format(url, data)
        if fmt in (None, "html", "text"):
            yield from read_html(data, label=url, options=self.options, url=url)
        else:
            yield from self._dispatch(data, url)

    def _format(self, label: str, data: bytes) -> str | None:
        if self.options.input_format != "auto":
            return self.options.input_format
        return detect_format(label, data)

    def _dispatch(self, data: bytes, label: str) -> Iterator[Document | IngestError]:
        if not data.strip():
            yield IngestError("E104", path=label)
            return
        fmt = self._format(label, data)
        # In JSONL and CSV a stray NUL spoils one record, which the reader reports; elsewhere
        # (and when NULs are everywhere) the file is binary.
        if looks_binary(data, tolerant=fmt in _RECORD_FORMATS):
            yield IngestError("E105", path=label)
            return
        if fmt is None:
            yield IngestError("E123", path=label)
            return
        # JSONL and CSV check each record; for whole-file formats one huge line sinks the file.
        limit = self.options.max_line_bytes
        long = None if fmt in _RECORD_FORMATS else find_long_line(data, limit)
        if long is not None:
            yield IngestError("E115", path=label, line=long[0], size=long[1], limit=limit)
            return
        yield from _guarded(READERS[fmt](data, label=label, options=self.options), label)


def _guarded(items: Iterator[Document | IngestError], label: str) -> Iterator[Document | IngestError]:
    """A reader's items; should the reader fail in a way it does not report itself (a bug), the
    failure becomes a coded error for this input (E127) and the batch goes on."""
    try:
        yield from items
    except Exception as exc:  # noqa: BLE001 - the safety net for every reader, see docstring
        detail = clean_text(f"{type(exc).__name__}: {exc}")[:300]
        yield IngestError("E127", path=label, detail=detail)


def _read_stdin() -> bytes:
    # Bytes when there is a real stdin, so that --encoding applies; text streams (tests) encoded.
    buffer = getattr(sys.stdin, "buffer", None)
    return buffer.read() if buffer is not None else sys.stdin.read().encode("utf-8")


def read_inputs(
    paths: Iterable[str], *, options: IngestOptions | None = None
) -> Iterator[Document | IngestError]:
    """Yield documents (and coded errors for bad inputs) from files, folders, URLs or '-'."""
    yield from InputReader(options=options or IngestOptions()).read(paths)
