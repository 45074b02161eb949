"""The HTML pages. Each calls the same query function as its JSON twin under /api and renders it
through Jinja templates with autoescape on; charts and the map fetch the twin from app.js.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from functools import lru_cache
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape

from ..errors import CablegramError
from ..store import EventFilter, Store, search_documents
from . import queries
from .app import cached, store_dep
from .highlight import Span, event_spans, segments, sentence_segments
from .params import COUNTS, PERIODS, choice, event_filter, filter_query, page_limit, parse_flag

__all__ = ["render_error", "router"]

router = APIRouter(include_in_schema=False)

StoreDep = Annotated[Store, Depends(store_dep)]
FilterDep = Annotated[EventFilter, Depends(event_filter)]
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
FACTUALITY = ("asserted", "reported", "speculative", "negated", "planned", "hypothetical")


@lru_cache(maxsize=1)
def templates() -> Jinja2Templates:
    env = Environment(
        loader=PackageLoader("cablegram.serve", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    env.globals["quad_names"] = QUAD_NAMES
    env.filters["qs"] = lambda d: urlencode({k: v for k, v in d.items() if v not in (None, "")})
    return Jinja2Templates(env=env)


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return templates().TemplateResponse(request, name, context, status_code=status)


def render_error(request: Request, exc: CablegramError, status: int) -> HTMLResponse:
    """The HTML twin of the API's error shape."""
    return page(
        request,
        "error.html",
        status=status,
        title=f"Error {status}",
        code=exc.code,
        message=exc.message,
        status_code=status,
    )


def _summary(request: Request, store: Store) -> Any:
    from ..analysis import store_summary

    return cached(request, store, ("summary", "reports", 15), lambda: store_summary(store, top=15))


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, store: StoreDep) -> HTMLResponse:
    s = _summary(request, store)
    return page(request, "overview.html", s=s, title="Overview")


@router.get("/events", response_class=HTMLResponse)
def events(
    request: Request,
    store: StoreDep,
    flt: FilterDep,
    limit: str | None = None,
    offset: str | None = None,
    sort: str | None = None,
) -> HTMLResponse:
    lim, off = page_limit(limit, offset)
    order = choice("sort", sort, ("newest", "oldest"), default="newest")
    result = queries.events_page(store, flt, limit=lim, offset=off, newest_first=order == "newest")
    rows = [{"e": e, "segments": sentence_segments(e)} for e in result.events]
    current = {**filter_query(flt), "sort": order, "limit": str(lim)}
    return page(
        request, "events.html", title="Events", result=result, rows=rows, current=current,
        flt=filter_query(flt), factualities=FACTUALITY,
        prev_offset=max(0, off - lim) if off else None,
        next_offset=off + lim if off + lim < result.total else None,
    )  # fmt: skip


@router.get("/events/{event_id}")
def event(store: StoreDep, event_id: str) -> Response:
    detail = queries.event_detail(store, event_id)
    query = urlencode({"event": event_id})
    target = f"/documents/{quote(detail['doc_id'], safe='')}?{query}#ev-{quote(event_id, safe='')}"
    return RedirectResponse(target, status_code=303)


@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request, store: StoreDep, q: str | None = None, limit: str | None = None) -> HTMLResponse:
    lim, _ = page_limit(limit, None)
    if q and q.strip():
        hits = [asdict(h) for h in search_documents(store, q.strip(), limit=lim)]
    else:
        hits = queries.documents_list(store, limit=lim, offset=0)
    return page(request, "documents.html", title="Documents", hits=hits, q=q or "")


def document_spans(doc: dict[str, Any]) -> list[Span]:
    """Every event, quote and advisory of a document as highlight spans."""
    spans = [s for e in doc["events"] for s in event_spans(e)]
    spans += [Span(start=q["start"], end=q["end"], kind="quote", ref=q["quote_id"]) for q in doc["quotes"]
              if q.get("start") is not None and q.get("end") is not None]  # fmt: skip
    spans += [Span(start=a["trigger_start"], end=a["trigger_end"], kind="advisory", ref=a["advisory_id"])
              for a in doc["advisories"] if a.get("trigger_start") is not None]  # fmt: skip
    return spans


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, store: StoreDep, doc_id: str, event: str | None = None) -> HTMLResponse:
    doc = queries.document_detail(store, doc_id)
    segs = segments(doc["text"] or "", document_spans(doc))
    return page(request, "document.html", title=doc["title"] or doc_id, doc=doc, segments=segs, selected=event)


@router.get("/dyads", response_class=HTMLResponse)
def dyads(
    request: Request,
    store: StoreDep,
    a: str | None = None,
    b: str | None = None,
    by: str | None = None,
    directed: str | None = None,
) -> HTMLResponse:
    period = choice("by", by, PERIODS, default="month")
    is_directed = parse_flag("directed", directed)
    context: dict[str, Any] = {"a": (a or "").upper(), "b": (b or "").upper(), "by": period, "directed": is_directed}
    if a and b:
        context["api"] = "/api/dyads?" + urlencode(
            {"a": a, "b": b, "by": period, "directed": "true" if is_directed else "false"}
        )
        latest = queries.events_page(store, EventFilter(actor=a.upper(), recipient=b.upper()),
                                     limit=25, offset=0, newest_first=True).events  # fmt: skip
        if not is_directed:
            back = queries.events_page(store, EventFilter(actor=b.upper(), recipient=a.upper()),
                                       limit=25, offset=0, newest_first=True).events  # fmt: skip
            latest = sorted(latest + back, key=lambda e: e["date"] or "", reverse=True)[:25]
        context["rows"] = [{"e": e, "segments": sentence_segments(e)} for e in latest]
    else:
        # the overview's summary holds the same list (and is kept, and warmed at start)
        context["top"] = _summary(request, store).top_dyads
    return page(request, "dyad.html", title="Dyads", **context)


@router.get("/actors", response_class=HTMLResponse)
def actor_form(request: Request, actor: str | None = None) -> Response:
    if actor and actor.strip():
        return RedirectResponse(f"/actors/{quote(actor.strip(), safe='')}", status_code=303)
    return page(request, "actor.html", title="Actors", actor=None)


@router.get("/actors/{actor}", response_class=HTMLResponse)
def actor(request: Request, store: StoreDep, actor: str, by: str | None = None) -> HTMLResponse:
    from ..analysis import actor_profile

    period = choice("by", by, PERIODS, default="year")
    prof = cached(request, store, ("profile", actor, period, "reports"), lambda: actor_profile(store, actor, by=period))
    partners_out = Counter[str]()
    partners_in = Counter[str]()
    mix = Counter[str]()
    for r in prof.outgoing:
        partners_out[r.counterpart] += r.count
        mix[r.event] += r.count
    for r in prof.incoming:
        partners_in[r.counterpart] += r.count
    return page(
        request, "actor.html", title=f"Actor {actor}", actor=actor, by=period,
        outgoing=partners_out.most_common(20), incoming=partners_in.most_common(20), mix=mix.most_common(),
        api=f"/api/actors/{quote(actor, safe='')}?" + urlencode({"by": period}),
    )  # fmt: skip


@router.get("/map", response_class=HTMLResponse)
def world(request: Request, flt: FilterDep) -> HTMLResponse:
    api = "/api/map?" + urlencode(filter_query(flt))
    return page(request, "map.html", title="Map", api=api, flt=filter_query(flt))


@router.get("/code", response_class=HTMLResponse)
def code(request: Request) -> HTMLResponse:
    return page(request, "code.html", title="Code a text")


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    """A readable API reference built from the OpenAPI schema (served offline, no Swagger CDN)."""
    schema = request.app.openapi()
    endpoints = []
    for path, methods in schema.get("paths", {}).items():
        for method, spec in methods.items():
            params = [
                {"name": p["name"], "where": p["in"], "help": p.get("description") or ""}
                for p in spec.get("parameters", [])
            ]
            endpoints.append(
                {"method": method.upper(), "path": path, "summary": spec.get("summary", ""),
                 "description": spec.get("description", ""), "params": params}
            )  # fmt: skip
    return page(request, "docs.html", title="API", endpoints=endpoints, counts=COUNTS, periods=PERIODS)
