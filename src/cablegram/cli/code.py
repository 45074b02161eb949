"""`cablegram code`: code inputs and write events as JSONL or CSV."""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from typing import IO, Any

from ..errors import CablegramError
from ..ingest import FORMATS, IngestOptions, IngestStats, InputReader
from ..records import CodedDocument, Document, Event
from .common import ingest_summary, parse_date, progress, report_failures, settings_from

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


def input_options(args: argparse.Namespace) -> IngestOptions:
    """IngestOptions from the parsed input flags and the max_line_bytes setting."""
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
        max_line_bytes=settings_from(args)["max_line_bytes"],
    )


def read_documents(
    args: argparse.Namespace, failures: list[CablegramError], *, stats: IngestStats | None = None
) -> Iterator[Document]:
    """Documents from the inputs; bad inputs go to `failures` and the rest goes on.

    Pass `stats` to get the counts (read, duplicates, non-English) for the end-of-run summary.
    """
    reader = InputReader(options=input_options(args), stats=stats if stats is not None else IngestStats())
    for item in reader.read(args.inputs):
        if isinstance(item, CablegramError):
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
    failures: list[CablegramError] = []
    stats = IngestStats()
    n_docs = n_events = 0
    started = time.perf_counter()
    target = open(args.out, "w", encoding="utf-8", newline="") if args.out != "-" else nullcontext(sys.stdout)
    with target as out:
        writer = _writer(out, args.format)
        for coded in code_documents(args, failures, stats=stats):
            n_docs += 1
            for event in coded.events:
                writer(event)
                n_events += 1
    report_failures(failures)
    elapsed = time.perf_counter() - started
    print(f"coded {n_docs} documents, {n_events} events in {elapsed:.1f} s "
          f"({n_docs / max(elapsed, 1e-9):.1f} docs/s)", file=sys.stderr)
    print(ingest_summary(stats), file=sys.stderr)
    return 1 if failures else 0


def _writer(out: IO[str], fmt: str):  # -> Callable[[Event], None]
    if fmt == "jsonl":
        return lambda e: out.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    return lambda e: writer.writerow(event_row(e))


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
