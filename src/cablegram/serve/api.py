"""The JSON API under /api. Every list and page has one query function (queries.py, analysis/).

Parameters arrive as strings and are parsed by `params.py` so that any bad value answers a 400
with an E601 message naming the parameter, never FastAPI's generic 422 or a 500.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import asdict, fields
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Request
from fastapi.responses import FileResponse, Response
from starlette.background import BackgroundTask

from ..errors import ServeError
from ..store import EventFilter, Store, search_documents
from . import queries
from .app import as_json, cached, check_token, store_dep
from .coding import coded_dict, posted_document
from .params import COUNTS, PERIODS, choice, event_filter, page_limit, parse_date, parse_flag, parse_int

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["api"])

StoreDep = Annotated[Store, Depends(store_dep)]
FilterDep = Annotated[EventFilter, Depends(event_filter)]
MAX_DOCUMENTS = 100

EXPORT_MEDIA = {
    "plover-jsonl": ("application/x-ndjson", "jsonl"),
    "phoenix-tsv": ("text/tab-separated-values", "tsv"),
    "gdelt-csv": ("text/tab-separated-values", "csv"),
    "csv": ("text/csv", "csv"),
    "parquet": ("application/vnd.apache.parquet", "parquet"),
}


@router.get("/health")
def health(request: Request) -> Response:
    """The server is up; which store it serves and whether writes are enabled."""
    return as_json({"ok": True, "store": request.app.state.source.path, "writes": request.app.state.options.writes})


@router.get("/summary")
def summary(request: Request, store: StoreDep, count: str | None = None, top: str | None = None) -> Response:
    """Counts over the whole store: documents, events by type and quad, date range, top dyads."""
    from ..analysis import store_summary

    unit = choice("count", count, COUNTS, default="reports")
    n = parse_int("top", top, default=10, low=1, high=100)
    s = cached(request, store, ("summary", unit, n), lambda: store_summary(store, count=unit, top=n))  # type: ignore[arg-type]
    return as_json(asdict(s))


@router.get("/events")
def events(
    store: StoreDep,
    flt: FilterDep,
    limit: str | None = None,
    offset: str | None = None,
    sort: str | None = None,
) -> Response:
    """Events matching the filters of `cablegram search`, paged; `sort` = newest (default) or oldest."""
    lim, off = page_limit(limit, offset)
    order = choice("sort", sort, ("newest", "oldest"), default="newest")
    page = queries.events_page(store, flt, limit=lim, offset=off, newest_first=order == "newest")
    return as_json(asdict(page))


@router.get("/events/{event_id}")
def event(store: StoreDep, event_id: str) -> Response:
    """One event with its evidence: sentence, trigger and actor offsets, factuality, date basis, place."""
    return as_json(queries.event_detail(store, event_id))


@router.get("/documents")
def documents(store: StoreDep, q: str | None = None, limit: str | None = None, offset: str | None = None) -> Response:
    """Documents: the newest, or those whose title or text contains `q`."""
    lim, off = page_limit(limit, offset)
    if q and q.strip():
        hits = search_documents(store, q.strip(), limit=lim)
        return as_json({"q": q, "documents": [asdict(h) for h in hits]})
    return as_json({"q": None, "documents": queries.documents_list(store, limit=lim, offset=off)})


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


@router.get("/documents/{doc_id}")
def document(store: StoreDep, doc_id: str) -> Response:
    """A document's text with all its events, quotes and advisories and their offsets."""
    return as_json(queries.document_detail(store, doc_id))


@router.get("/dyads")
def dyad(
    request: Request,
    store: StoreDep,
    flt: FilterDep,
    a: str | None = None,
    b: str | None = None,
    by: str | None = None,
    directed: str | None = None,
    sector_a: str | None = None,
    sector_b: str | None = None,
    count: str | None = None,
) -> Response:
    """The time series of events between countries `a` and `b` (a → b only when `directed`)."""
    from ..analysis import dyad_series

    if not a or not b:
        raise ServeError("E601", name="a" if not a else "b", detail="give two countries, e.g. a=ISR&b=AZE")
    period = choice("by", by, PERIODS, default="month")
    options: dict[str, Any] = dict(
        by=period, directed=parse_flag("directed", directed), sector_a=sector_a or None,
        sector_b=sector_b or None, count=choice("count", count, COUNTS, default="reports"),
    )  # fmt: skip
    key = ("dyad", a.strip(), b.strip(), flt, *options.values())
    points = cached(request, store, key, lambda: dyad_series(store, a.strip(), b.strip(), flt=flt, **options))
    return as_json({"a": a.upper(), "b": b.upper(), "by": period, "points": [_row(p) for p in points]})


def _row(record: Any) -> dict[str, Any]:
    """A flat record (dyad point, profile row) as plain JSON values. Reads the fields directly:
    `dataclasses.asdict` copies recursively and took 16 ms for a 1,900-point series, under the GIL."""
    return {f.name: _iso(getattr(record, f.name)) for f in fields(record)}


@router.get("/actors/{actor}")
def actor(request: Request, store: StoreDep, actor: str, by: str | None = None, count: str | None = None) -> Response:
    """An actor's profile: whom it acts on and who acts on it, by type and period."""
    from ..analysis import actor_profile

    period = choice("by", by, PERIODS, default="year")
    unit = choice("count", count, COUNTS, default="reports")
    prof = cached(
        request, store, ("profile", actor.strip(), period, unit),
        lambda: actor_profile(store, actor.strip(), by=period, count=unit),  # type: ignore[arg-type]
    )  # fmt: skip
    return as_json(
        {
            "actor": prof.actor,
            "outgoing": [_row(r) for r in prof.outgoing],
            "incoming": [_row(r) for r in prof.incoming],
        }
    )


@router.get("/top-dyads")
def top(
    request: Request,
    store: StoreDep,
    since: str | None = None,
    until: str | None = None,
    limit: str | None = None,
    directed: str | None = None,
    count: str | None = None,
) -> Response:
    """The most frequent, most conflictual and most cooperative dyads."""
    from ..analysis import top_dyads

    options: dict[str, Any] = dict(
        since=parse_date("since", since), until=parse_date("until", until),
        limit=parse_int("limit", limit, default=10, low=1, high=1000), directed=parse_flag("directed", directed),
        count=choice("count", count, COUNTS, default="reports"),
    )  # fmt: skip
    result = cached(request, store, ("top", *options.values()), lambda: top_dyads(store, **options))
    return as_json(asdict(result))


@router.get("/quotes")
def quotes(
    store: StoreDep,
    doc_id: str | None = None,
    speaker: str | None = None,
    text: str | None = None,
    limit: str | None = None,
    offset: str | None = None,
) -> Response:
    """Quotes, newest first; `speaker`: country or CAMEO code prefix, or part of the name."""
    lim, off = page_limit(limit, offset)
    rows = queries.quotes_list(store, doc_id=doc_id, speaker=speaker, text=text, limit=lim, offset=off)
    return as_json({"quotes": rows})


@router.get("/advisories")
def advisories(
    store: StoreDep,
    doc_id: str | None = None,
    country: str | None = None,
    limit: str | None = None,
    offset: str | None = None,
) -> Response:
    """Travel and security advisories, newest first; `country`: warned about, or the issuer."""
    lim, off = page_limit(limit, offset)
    return as_json(
        {"advisories": queries.advisories_list(store, doc_id=doc_id, country=country, limit=lim, offset=off)}
    )


@router.get("/map")
def places(store: StoreDep, flt: FilterDep, limit: str | None = None) -> Response:
    """Located events grouped by place (what the map draws)."""
    lim = parse_int("limit", limit, default=2000, low=1, high=10_000)
    return as_json({"places": queries.map_places(store, flt, limit=lim)})


@router.get("/timeline")
def timeline(request: Request, store: StoreDep, flt: FilterDep, by: str | None = None) -> Response:
    """Event counts per period and quad class (the overview chart)."""
    period = choice("by", by, PERIODS, default="month")
    points = cached(request, store, ("timeline", flt, period), lambda: queries.timeline(store, flt, by=period))
    return as_json({"by": period, "points": points})


@router.get("/export", response_class=FileResponse)
def export(store: StoreDep, flt: FilterDep, format: str | None = None) -> FileResponse:
    """Matching events in any `cablegram export` format (plover-jsonl, phoenix-tsv, gdelt-csv, csv, parquet)."""
    from ..store.export import EXPORT_FORMATS, export_events

    fmt = choice("format", format, EXPORT_FORMATS, default="plover-jsonl")
    media, suffix = EXPORT_MEDIA[fmt]
    handle, path = tempfile.mkstemp(prefix="cablegram-export-", suffix=f".{suffix}")
    os.close(handle)
    try:
        export_events(store, flt, fmt=fmt, out=path)
    except BaseException:
        os.unlink(path)
        raise
    return FileResponse(path, media_type=media, filename=f"events.{suffix}", background=BackgroundTask(os.unlink, path))


@router.post("/code")
def code(request: Request, body: Annotated[Any, Body()] = None) -> Response:
    """Code posted text (`{"text": ...}`) or HTML (`{"html": ...}`) and return what is found; nothing is stored."""
    document = posted_document(body)
    coded = request.app.state.coder.code([document])[0]
    return as_json(coded_dict(coded))


@router.post("/documents", dependencies=[Depends(check_token)])
def add_documents(request: Request, body: Annotated[Any, Body()] = None) -> Response:
    """Code and store documents (`{"documents": [{"text"|"html", "id", "title", "published", ...}]}`).

    Needs the server started with --writes and 'Authorization: Bearer TOKEN'."""
    items = body.get("documents") if isinstance(body, dict) else None
    if not isinstance(items, list) or not items:
        raise ServeError("E608", detail="expected {'documents': [{'text': ...}, ...]}")
    if len(items) > MAX_DOCUMENTS:
        raise ServeError("E608", detail=f"at most {MAX_DOCUMENTS} documents per request, got {len(items)}")
    documents = [posted_document(item, index=i) for i, item in enumerate(items)]
    coded = request.app.state.coder.code(documents)
    report = request.app.state.source.write(lambda store: store.write(coded))
    return as_json(asdict(report))
