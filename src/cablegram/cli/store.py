"""Store commands: ingest, summary, cluster, search, dyad, profile, top-dyads, export.

Each command parses strings, calls a typed function in `cablegram.store` / `cablegram.analysis`
and prints the records it gets back (rich tables on stdout, errors and progress on stderr).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Any

from ..errors import CablegramError, IngestError, StoreError
from ..records import Document
from .code import add_input_arguments, check_input_arguments, read_documents
from .common import FailureLog, non_negative_int, parse_date, positive_int, progress, report_failures, settings_from

if TYPE_CHECKING:  # the store (DuckDB, pyarrow) is imported when a store command runs
    from ..scale import Executor
    from ..store import EventFilter, Store, WriteReport

COUNT_CHOICES = ("reports", "events")


def register(sub: argparse._SubParsersAction) -> None:
    """Add the store commands to the `cablegram` parser."""
    p = sub.add_parser("ingest", help="code inputs and store them in DuckDB (no duplicates on re-ingest)")
    add_input_arguments(p)
    _db(p)
    p.add_argument("--batch-size", type=positive_int, default=256, help="documents per atomic write (default 256)")
    p.add_argument("--no-cluster", action="store_true", help="skip re-clustering events afterwards")
    p.set_defaults(func=run_ingest)

    p = sub.add_parser("summary", help="documents, events by type and quad, top dyads, date range")
    _db(p)
    _count(p)
    p.set_defaults(func=run_summary)

    p = sub.add_parser("cluster", help="group event mentions from many reports into events")
    _db(p)
    p.add_argument("--window", type=non_negative_int,
                   help="days apart two mentions may be (setting cluster_window_days)")
    p.set_defaults(func=run_cluster)

    p = sub.add_parser("search", help="events by actor, type, code, date, place, text; --docs for documents")
    _db(p)
    add_filter_arguments(p)
    p.add_argument("--docs", metavar="TEXT", help="search documents by text instead of events")
    p.add_argument("--limit", type=non_negative_int, default=50, help="most rows to show (default 50)")
    p.add_argument("--json", action="store_true", help="print JSON lines instead of a table")
    p.set_defaults(func=run_search)

    p = sub.add_parser("dyad", help="time series of events between two countries")
    p.add_argument("a", help="first country (ISO3), the source when --directed")
    p.add_argument("b", help="second country (ISO3), the target when --directed")
    _db(p)
    _by(p, "month")
    p.add_argument("--directed", action="store_true", help="only a → b (default: both ways)")
    p.add_argument("--sector-a", help="sector of a (e.g. GOV, MIL)")
    p.add_argument("--sector-b", help="sector of b")
    _count(p)
    add_filter_arguments(p, dyad=True)
    p.add_argument("--json", action="store_true", help="print JSON lines instead of a table")
    p.set_defaults(func=run_dyad)

    p = sub.add_parser("profile", help="who an actor acts on and who acts on it, by type, over time")
    p.add_argument("actor", help="country (ISO3), CAMEO actor code prefix (ISRGOV) or KB id")
    _db(p)
    _by(p, "year")
    _count(p)
    p.add_argument("--json", action="store_true", help="print JSON lines instead of tables")
    p.set_defaults(func=run_profile)

    p = sub.add_parser("top-dyads", help="most frequent, most conflictual, most cooperative dyads")
    _db(p)
    p.add_argument("--since", help="first date YYYY-MM-DD")
    p.add_argument("--until", help="last date YYYY-MM-DD")
    p.add_argument("--limit", type=non_negative_int, default=10, help="dyads per list (default 10)")
    p.add_argument("--directed", action="store_true", help="keep a → b and b → a apart")
    _count(p)
    p.set_defaults(func=run_top_dyads)

    from ..store.formats import EXPORT_FORMATS

    p = sub.add_parser("export", help="export events: plover-jsonl, phoenix-tsv, gdelt-csv, csv, parquet")
    _db(p)
    p.add_argument("--format", choices=EXPORT_FORMATS, default="plover-jsonl", help="output format")
    p.add_argument("--out", default="-", help="output file ('-' = stdout, text formats only)")
    add_filter_arguments(p)
    p.set_defaults(func=run_export)


def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", help="store path (default: setting 'db', ./cablegram.duckdb)")


def _count(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--count", choices=COUNT_CHOICES, default="reports", help="count mentions or clustered events"
    )


def _by(p: argparse.ArgumentParser, default: str) -> None:
    p.add_argument("--by", choices=("day", "week", "month", "year"), default=default, help="period")


def add_filter_arguments(p: argparse.ArgumentParser, *, dyad: bool = False) -> None:
    """The event filters shared by search, export and dyad."""
    if not dyad:
        p.add_argument("--actor", help="source actor: ISO3, CAMEO code prefix, KB id or name part")
        p.add_argument("--recipient", help="target actor, matched like --actor")
        p.add_argument("--country", help="either side's country (ISO3)")
        p.add_argument("--sector", help="either side's sector (GOV, MIL, ...)")
    p.add_argument("--type", dest="event", help="PLOVER event type (ASSAULT, SANCTION, ...)")
    p.add_argument("--cameo", help="CAMEO code or prefix (19 = all of 190-196)")
    p.add_argument("--since", help="first date YYYY-MM-DD")
    p.add_argument("--until", help="last date YYYY-MM-DD")
    p.add_argument("--place", help="part of the place name, or its ISO3 country")
    p.add_argument("--factuality", help="asserted, reported, speculative, negated, planned, hypothetical")
    p.add_argument("--text", help="text in the sentence (case-insensitive)")


def filter_from(args: argparse.Namespace) -> EventFilter:
    """An EventFilter from the parsed filter arguments."""
    from ..store import EventFilter

    keys = ("actor", "recipient", "country", "sector", "event", "cameo", "place", "factuality", "text")
    values = {k: getattr(args, k, None) for k in keys}
    return EventFilter(**values, since=parse_date(args.since), until=parse_date(args.until))


def _open(args: argparse.Namespace, *, read_only: bool = True) -> Store:
    from ..store import open_store

    return open_store(args.db or settings_from(args)["db"], read_only=read_only)


def _console():  # -> rich.console.Console
    from rich.console import Console

    return Console(soft_wrap=False)


def _table(title: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]):  # -> rich.table.Table
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    for col in columns:
        table.add_column(col)
    for row in rows:
        table.add_row(*("" if v is None else f"{v:.2f}" if isinstance(v, float) else str(v) for v in row))
    return table


def _json_lines(records: Iterable[Any]) -> None:
    for r in records:
        print(
            json.dumps(
                asdict(r) if hasattr(r, "__dataclass_fields__") else r, default=str, ensure_ascii=False
            )
        )


# -- ingest -------------------------------------------------------------------------------------
def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


@dataclass(slots=True)
class _Tally:
    """Running totals of an ingest; ids kept in lists (adding WriteReports re-copied every id
    tuple per batch: quadratic, 23 s per million re-ingested ids)."""

    added_docs: int = 0
    skipped: int = 0
    events: int = 0
    quotes: int = 0
    advisories: int = 0
    mentions: int = 0
    duplicate_ids: list[str] = field(default_factory=list)
    conflicting_ids: list[str] = field(default_factory=list)

    def add(self, report: WriteReport) -> None:
        self.added_docs += report.added_docs
        self.skipped += report.skipped_duplicates
        self.events += report.events
        self.quotes += report.quotes
        self.advisories += report.advisories
        self.mentions += report.mentions
        self.duplicate_ids.extend(report.duplicate_ids)
        self.conflicting_ids.extend(report.conflicting_ids)

    def report(self) -> WriteReport:
        from ..store import WriteReport

        return WriteReport(
            added_docs=self.added_docs, skipped_duplicates=self.skipped, events=self.events,
            quotes=self.quotes, advisories=self.advisories, mentions=self.mentions,
            duplicate_ids=tuple(self.duplicate_ids), conflicting_ids=tuple(self.conflicting_ids),
        )  # fmt: skip


def ingest_documents(
    store: Store,
    pipeline: Any,
    documents: Iterable[Document],
    *,
    batch_size: int,
    failures: list[CablegramError],
    executor: Executor | None = None,
) -> WriteReport:
    """Code and store documents batch by batch; documents already stored are not parsed again.

    A document whose id is already stored with the same text is skipped; with other text it is
    refused (E125, in `failures`); the same text under a new id is stored with its own events.
    Coding runs on `executor` (local or Dask) when given, else on `pipeline`.
    """
    tally = _Tally()
    for chunk in _chunks(documents, max(1, batch_size)):
        fresh = _unstored(store, chunk, tally=tally, failures=failures)
        if not fresh:
            continue
        try:
            coded = list(executor.code(fresh) if executor is not None else pipeline.code_documents(fresh))
            tally.add(store.write(coded))
        except StoreError:
            raise
        except CablegramError as exc:  # a coding problem loses this batch only; the run goes on
            failures.append(exc)
    return tally.report()


def _unstored(store: Store, chunk: list[Document], *, tally: _Tally, failures: list[CablegramError]) -> list[Document]:
    """The documents of `chunk` whose id is not in the store; the rest counted or refused."""
    known = store.stored(chunk)
    if not known:
        return chunk
    conflicts = store.conflicts([d for d in chunk if d.doc_id in known])
    for document in chunk:
        if document.doc_id in conflicts:
            tally.conflicting_ids.append(document.doc_id)
            failures.append(IngestError("E125", doc_id=document.doc_id, path=document.path or "?",
                                        first="stored earlier with other text"))
        elif document.doc_id in known:
            tally.skipped += 1
            tally.duplicate_ids.append(document.doc_id)
    return [d for d in chunk if d.doc_id not in known]


def run_ingest(args: argparse.Namespace) -> int:
    """`cablegram ingest INPUT... --db PATH`: 0 when every input was stored (or already was),
    1 when some were skipped (each reported as it happens)."""
    from ..analysis import cluster_events
    from ..scale import make_executor

    settings = settings_from(args)
    check_input_arguments(args)
    failures = FailureLog()
    with _open(args, read_only=False) as store, make_executor(settings) as executor:
        docs = progress(read_documents(args, failures), label="ingesting")
        report = ingest_documents(store, None, docs, batch_size=args.batch_size, failures=failures,
                                  executor=executor)
        clusters = None
        if not args.no_cluster and report.events:
            clusters = cluster_events(store, window_days=settings["cluster_window_days"])
    report_failures(failures)
    print(
        f"stored {report.added_docs} documents, {report.events} events, {report.quotes} quotes, "
        f"{report.advisories} advisories in {store.path}; skipped {report.skipped_duplicates} "
        f"already stored; {len(failures)} failed",
        file=sys.stderr,
    )
    if clusters:
        print(f"clustered {clusters.mentions} mentions into {clusters.clusters} events", file=sys.stderr)
    return 1 if failures else 0


# -- reading commands ---------------------------------------------------------------------------
def run_summary(args: argparse.Namespace) -> int:
    """`cablegram summary --db PATH`."""
    from ..analysis import store_summary
    from ..analysis.summary import QUAD_NAMES

    with _open(args) as store:
        s = store_summary(store, count=args.count)
    console = _console()
    span = f"{s.first_date} – {s.last_date}" if s.first_date else "no dated events"
    console.print(
        f"[bold]{s.path}[/bold]: {s.documents} documents, {s.events} event mentions "
        f"({s.clusters} events after clustering), {s.quotes} quotes, {s.advisories} advisories, "
        f"{s.mentions} actor mentions; dates {span}",
        soft_wrap=True,
    )
    unit = "events" if s.count == "events" else "reports"
    console.print(_table("Events by PLOVER type", ("type", unit), s.by_type))
    quads = [(q, QUAD_NAMES.get(q, "unknown") if q else "unknown", n) for q, n in s.by_quad]
    console.print(_table("By quad class", ("quad", "name", unit), quads))
    dyads = [(d.a, d.b, d.count, d.goldstein_mean) for d in s.top_dyads]
    console.print(_table("Top dyads", ("a", "b", "count", "mean Goldstein"), dyads))
    return 0


def run_cluster(args: argparse.Namespace) -> int:
    """`cablegram cluster --db PATH [--window DAYS]`."""
    from ..analysis import cluster_events

    window = args.window if args.window is not None else settings_from(args)["cluster_window_days"]
    with _open(args, read_only=False) as store:
        r = cluster_events(store, window_days=window)
    print(
        f"clustered {r.mentions} mentions into {r.clusters} events ({r.merged_mentions} merged, "
        f"window {r.window_days} days)"
    )
    return 0


def run_search(args: argparse.Namespace) -> int:
    """`cablegram search [filters] [--docs TEXT]`."""
    from ..store import search_documents, search_events

    with _open(args) as store:
        if args.docs:
            hits = search_documents(store, args.docs, limit=args.limit)
            if args.json:
                _json_lines(hits)
                return 0
            rows = [(h.doc_id, h.published, h.title, h.n_events, h.snippet) for h in hits]
            _console().print(
                _table(f"{len(hits)} documents", ("doc_id", "published", "title", "events", "snippet"), rows)
            )
            return 0
        events = search_events(store, filter_from(args), limit=args.limit)
    if args.json:
        _json_lines(e.to_dict() for e in events)
        return 0
    table_rows = [
        (
            e.date.date,
            e.event,
            e.cameo,
            ";".join(a.cameo_code or a.text for a in e.actor),
            ";".join(a.cameo_code or a.text for a in e.recipient),
            e.factuality,
            e.sentence,
        )
        for e in events
    ]
    cols = ("date", "type", "cameo", "actor", "recipient", "factuality", "sentence")
    _console().print(_table(f"{len(events)} events", cols, table_rows))
    return 0


def run_dyad(args: argparse.Namespace) -> int:
    """`cablegram dyad A B --by month [--directed] [--sector-a S] [--sector-b S]`."""
    from ..analysis import dyad_series

    with _open(args) as store:
        points = dyad_series(
            store,
            args.a,
            args.b,
            by=args.by,
            directed=args.directed,
            sector_a=args.sector_a,
            sector_b=args.sector_b,
            count=args.count,
            flt=filter_from(args),
        )
    if args.json:
        _json_lines(points)
        return 0
    arrow = "→" if args.directed else "↔"
    rows = [
        (p.period, p.event, p.quad, p.count, p.goldstein_sum, p.goldstein_mean, p.plover_sum, p.plover_mean)
        for p in points
    ]
    cols = (
        "period",
        "type",
        "quad",
        args.count,
        "Goldstein sum",
        "Goldstein mean",
        "PLOVER sum",
        "PLOVER mean",
    )
    _console().print(_table(f"{args.a.upper()} {arrow} {args.b.upper()} by {args.by}", cols, rows))
    return 0


def run_profile(args: argparse.Namespace) -> int:
    """`cablegram profile ACTOR [--by year]`."""
    from ..analysis import actor_profile

    with _open(args) as store:
        prof = actor_profile(store, args.actor, by=args.by, count=args.count)
    if args.json:
        _json_lines({"direction": "outgoing", **asdict(r)} for r in prof.outgoing)
        _json_lines({"direction": "incoming", **asdict(r)} for r in prof.incoming)
        return 0
    cols = ("period", "counterpart", "type", args.count, "mean Goldstein")
    console = _console()
    for title, rows in ((f"{args.actor} acts on", prof.outgoing), (f"acts on {args.actor}", prof.incoming)):
        console.print(
            _table(title, cols, [(r.period, r.counterpart, r.event, r.count, r.goldstein_mean) for r in rows])
        )
    return 0


def run_top_dyads(args: argparse.Namespace) -> int:
    """`cablegram top-dyads [--since D] [--until D]`."""
    from ..analysis import top_dyads

    with _open(args) as store:
        top = top_dyads(
            store,
            since=parse_date(args.since),
            until=parse_date(args.until),
            limit=args.limit,
            directed=args.directed,
            count=args.count,
        )
    console = _console()
    cols = ("a", "b", args.count, "Goldstein sum", "Goldstein mean")
    for title, stats in (
        ("Most frequent", top.frequent),
        ("Most conflictual", top.conflictual),
        ("Most cooperative", top.cooperative),
    ):
        console.print(
            _table(title, cols, [(d.a, d.b, d.count, d.goldstein_sum, d.goldstein_mean) for d in stats])
        )
    return 0


def run_export(args: argparse.Namespace) -> int:
    """`cablegram export --format FMT --out FILE [filters]`."""
    from ..store.export import export_events

    with _open(args) as store:
        out = sys.stdout if args.out == "-" and args.format not in {"csv", "parquet"} else args.out
        try:
            n = export_events(store, filter_from(args), fmt=args.format, out=out)
        except BrokenPipeError:
            # `cablegram export | head` closed the pipe: a normal way to stop, not an error.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
    print(
        f"exported {n} events as {args.format}" + (f" to {args.out}" if args.out != "-" else ""),
        file=sys.stderr,
    )
    return 0
