"""`cablegram code`: code inputs and write events as JSONL or CSV."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from typing import IO, Any

from ..errors import CablegramError
from ..ingest import IngestOptions, read_inputs
from ..ingest.sources import FORMATS
from ..records import CodedDocument, Document, Event
from .common import parse_date, progress, report_failures, settings_from

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
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders (recursive) or '-'")
    p.add_argument("--input-format", choices=FORMATS, default="auto", help="how to read inputs")
    p.add_argument("--published", help="publication date YYYY-MM-DD for inputs that carry none")


def read_documents(args: argparse.Namespace, failures: list[CablegramError]) -> Iterator[Document]:
    """Documents from the inputs; bad inputs go to `failures` and the rest goes on."""
    options = IngestOptions(input_format=args.input_format, published=parse_date(args.published))
    for item in read_inputs(args.inputs, options=options):
        if isinstance(item, CablegramError):
            failures.append(item)
        else:
            yield item


def code_documents(args: argparse.Namespace, failures: list[CablegramError]) -> Iterator[CodedDocument]:
    """Coded documents from the inputs, on the executor the settings name (local or Dask)."""
    from ..scale import make_executor

    with make_executor(settings_from(args)) as executor:
        yield from progress(executor.code(read_documents(args, failures)), label="coding")


def run(args: argparse.Namespace) -> int:
    failures: list[CablegramError] = []
    n_docs = n_events = 0
    target = open(args.out, "w", encoding="utf-8", newline="") if args.out != "-" else nullcontext(sys.stdout)
    with target as out:
        writer = _writer(out, args.format)
        for coded in code_documents(args, failures):
            n_docs += 1
            for event in coded.events:
                writer(event)
                n_events += 1
    report_failures(failures)
    print(f"coded {n_docs} documents, {n_events} events", file=sys.stderr)
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
