"""`cablegram code`: code inputs and write events (and quotes and advisories) as JSONL or CSV.

JSONL output has one record per line with a `record` field saying what it is: `event`,
`quote` or `advisory` (an event's other fields are those of `Event.to_dict`). By default only
events are written, one per line, so that tools reading a stream of events (scorers, PLOVER
pipelines) see nothing else; `--records all` adds the quotes and advisories. CSV output has the
events only, one flat row each, text cells guarded against spreadsheet formulas.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import IO, Any

from ..errors import CablegramError, ConfigError, IngestWarning
from ..ingest import FORMATS, IngestOptions, IngestStats, InputReader
from ..records import CodedDocument, Document, Event
from ..store.cells import neutralise
from .common import FailureLog, ingest_summary, parse_date, progress, report_failures, settings_from

CSV_COLUMNS = (
    "event_id",
    "doc_id",
    "sentence_index",
    "event",
    "mode",
    "cameo",
    "cameo_root",
    "goldstein",
    "quad",
    "plover_score",
    "actor_codes",
    "actor_text",
    "recipient_codes",
    "recipient_text",
    "trigger",
    "date",
    "date_precision",
    "date_basis",
    "location",
    "location_country",
    "factuality",
    "attribution",
    "killed",
    "injured",
    "arrested",
    "participants",
    "confidence",
    "sentence",
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("code", help="code files, folders or '-' (stdin) and write events")
    add_input_arguments(p)
    p.add_argument("--format", choices=("jsonl", "csv"), default="jsonl", help="output format")
    p.add_argument("--out", default="-", help="output file (default: stdout)")
    p.add_argument("--records", choices=("events", "all"), default="events",
                   help="JSONL: events only (default), or all: events, quotes and advisories")
    p.set_defaults(func=run)


def add_input_arguments(p: argparse.ArgumentParser) -> None:
    """The input flags shared by every command that reads documents (code, ingest...)."""
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders (recursive), URLs or '-'")
    p.add_argument("--input-format", choices=FORMATS, default="auto",
                   help="how to read inputs (default: by suffix and content)")
    p.add_argument("--published", help="publication date YYYY-MM-DD for inputs that carry none")
    p.add_argument("--text-column", help="CSV/JSONL field with the text (default: text, body, content...)")
    p.add_argument("--id-column", help="CSV/JSONL field with the document id (default: id)")
    p.add_argument("--date-column", help="CSV/JSONL field with the publication date (default: date)")
    p.add_argument("--include", action="append", default=[], metavar="GLOB",
                   help="in folders, read only files matching GLOB (repeatable)")
    p.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                   help="in folders, skip files matching GLOB (repeatable)")
    p.add_argument("--encoding", default="utf-8",
                   help="text encoding of the inputs, or 'auto' to detect it (default: utf-8)")
    p.add_argument("--no-language-check", action="store_true",
                   help="code every text, even those that do not look English")
    p.add_argument("--keep-duplicates", action="store_true",
                   help="code repeated texts again instead of once per run")


def check_input_arguments(args: argparse.Namespace) -> IngestOptions:
    """The input options, or the usage error (exit 2) an unusable --encoding is, raised before
    any model loads."""
    from ..ingest.text import check_encoding

    options = input_options(args)
    problem = check_encoding(options.encoding)
    if problem is not None:
        raise problem
    return options


def input_options(args: argparse.Namespace) -> IngestOptions:
    """IngestOptions from the parsed input flags and the size-limit settings."""
    settings = settings_from(args)
    out = getattr(args, "out", "-")
    skip = frozenset({str(Path(out).resolve())}) if isinstance(out, str) and out != "-" else frozenset()
    return IngestOptions(
        input_format=args.input_format,
        published=parse_date(args.published),
        encoding=getattr(args, "encoding", "utf-8"),
        text_column=getattr(args, "text_column", None),
        id_column=getattr(args, "id_column", None),
        date_column=getattr(args, "date_column", None),
        include=tuple(getattr(args, "include", ()) or ()),
        exclude=tuple(getattr(args, "exclude", ()) or ()),
        language_check=not getattr(args, "no_language_check", False),
        dedup=not getattr(args, "keep_duplicates", False),
        max_line_bytes=settings["max_line_bytes"],
        max_doc_bytes=settings["max_doc_bytes"],
        max_html_bytes=settings["max_html_bytes"],
        skip_files=skip,
    )


def read_documents(
    args: argparse.Namespace, failures: list[CablegramError], *, stats: IngestStats | None = None
) -> Iterator[Document]:
    """Documents from the inputs; bad inputs go to `failures` and the rest goes on.

    Pass `stats` to get the counts (read, duplicates, non-English) for the end-of-run summary.
    Warnings (a record read without its bad date) go to `failures.warn` when it is a FailureLog.
    """
    reader = InputReader(options=input_options(args), stats=stats if stats is not None else IngestStats())
    for item in reader.read(args.inputs):
        if isinstance(item, IngestWarning):
            if isinstance(failures, FailureLog):
                failures.warn(item)
        elif isinstance(item, CablegramError):
            failures.append(item)
        else:
            yield item


def code_documents(
    args: argparse.Namespace, failures: list[CablegramError], *, stats: IngestStats | None = None
) -> Iterator[CodedDocument]:
    """Coded documents from the inputs, on the executor the settings name (local or Dask).

    Pass `stats` to get the ingest counts (read, duplicates, non-English) for the summary.
    """
    from ..scale import make_executor

    with make_executor(settings_from(args)) as executor:
        yield from progress(executor.code(read_documents(args, failures, stats=stats)), label="coding")


def run(args: argparse.Namespace) -> int:
    """`cablegram code INPUT... [--format jsonl|csv] [--out FILE]`: 0 when every input was coded,
    1 when some were skipped (each reported as it happens)."""
    check_input_arguments(args)
    failures = FailureLog()
    stats = IngestStats()
    n_docs = n_events = n_other = 0
    started = time.perf_counter()
    with open_output(args.out, inputs=args.inputs) as out:
        write = _writer(out, args.format, records=getattr(args, "records", "events"))
        try:
            for coded in code_documents(args, failures, stats=stats):
                n_docs += 1
                n_events += len(coded.events)
                n_other += write(coded)
        except OSError as exc:
            if args.out == "-":
                raise  # stdout: a closed pipe is handled by the CLI's main
            raise ConfigError("E506", path=args.out, detail=exc.strerror or str(exc)) from None
    report_failures(failures)
    elapsed = time.perf_counter() - started
    print(f"coded {n_docs} documents, {n_events} events ({n_other} quotes and advisories) in {elapsed:.1f} s "
          f"({n_docs / max(elapsed, 1e-9):.1f} docs/s)", file=sys.stderr)
    print(ingest_summary(stats), file=sys.stderr)
    return 1 if failures else 0


def open_output(out: str, *, inputs: Iterable[str]) -> Any:
    """A writable text stream for `--out` (stdout for '-'), refusing to overwrite an input (E505)
    or to write where it cannot (E506) before anything is read."""
    if out == "-":
        return nullcontext(sys.stdout)
    target = Path(out)
    if target.is_dir():
        raise ConfigError("E506", path=out, detail="it is a folder")
    for raw in inputs:
        if _overwrites(target, raw):
            raise ConfigError("E505", out=out, path=raw)
    try:
        return open(target, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise ConfigError("E506", path=out, detail=exc.strerror or str(exc)) from None


def _overwrites(target: Path, raw: str) -> bool:
    """True when writing `target` would clobber the input `raw`: the file itself, or a file
    already in the folder. (A new file in an input folder is fine: the walk skips it.)"""
    if raw == "-" or raw.startswith(("http://", "https://")) or not target.exists():
        return False
    source = Path(raw)
    if not source.exists():
        return False
    resolved = target.resolve()
    if source.is_dir():
        return source.resolve() in resolved.parents
    return resolved == source.resolve()


def _writer(out: IO[str], fmt: str, *, records: str = "events") -> Callable[[CodedDocument], int]:
    """A function writing one coded document's records; it returns how many quotes and
    advisories it wrote (CSV, and JSONL with records='events': none)."""
    if fmt == "jsonl":

        def write_jsonl(coded: CodedDocument) -> int:
            lines = [_json({"record": "event", **e.to_dict()}) for e in coded.events]
            if records == "all":
                lines += [_json({"record": "quote", **q.to_dict()}) for q in coded.quotes]
                lines += [_json({"record": "advisory", **a.to_dict()}) for a in coded.advisories]
            out.write("".join(lines))
            return len(coded.quotes) + len(coded.advisories) if records == "all" else 0

        return write_jsonl
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()

    def write_csv(coded: CodedDocument) -> int:
        for event in coded.events:
            writer.writerow({k: neutralise(v) for k, v in event_row(event).items()})
        return 0

    return write_csv


def _json(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False) + "\n"


def _codes(actors: Iterable[Any]) -> str:
    return ";".join(a.cameo_code or "" for a in actors)


def event_row(e: Event) -> dict[str, Any]:
    """A flat row for CSV: actor lists joined with ';'."""
    d = e.to_dict()
    loc = e.location
    return {
        **{k: d[k] for k in CSV_COLUMNS if k in d and not isinstance(d[k], (dict, list))},
        "actor_codes": _codes(e.actor),
        "actor_text": ";".join(a.text for a in e.actor),
        "recipient_codes": _codes(e.recipient),
        "recipient_text": ";".join(a.text for a in e.recipient),
        "trigger": e.trigger.text,
        "location": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "killed": e.size.killed,
        "injured": e.size.injured,
        "arrested": e.size.arrested,
        "participants": e.size.participants,
    }
