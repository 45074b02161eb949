"""The ASGI app: `create_app(source, options)` → FastAPI with the API, the pages and the assets.

    /api/...      JSON (OpenAPI schema at /openapi.json, a readable reference at /docs)
    /...          HTML pages, each built by the same query function as its JSON twin
    /static/...   assets shipped in the package (uPlot, the world outline, our CSS and JS)

Safe by default: read-only unless `ServeOptions.writes`; writes need the token (compared in
constant time); request bodies over `max_body` get a 413 before any parsing; every error, bad
parameter or unknown path answers one JSON shape `{"error": {"code", "message", "status"}}`
(an HTML page with the same message outside /api); a Content-Security-Policy allows scripts
from our own origin only, so no text from a document can ever run as script.
"""

from __future__ import annotations

import hmac
import json
import logging
import threading
from collections.abc import Awaitable, Callable, Hashable, Iterator
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import datetime
from importlib import resources
from typing import Any, TypeVar

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..config import Settings
from ..errors import CablegramError, ServeError
from ..store import Store
from .cache import ResultCache
from .coding import Coder
from .source import StoreSource

__all__ = ["ServeOptions", "as_json", "cached", "check_token", "create_app", "error_body", "store_dep", "warm_up"]

log = logging.getLogger("cablegram.serve")
T = TypeVar("T")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


@dataclass(frozen=True, slots=True, kw_only=True)
class ServeOptions:
    """How the app behaves: writes (POST /api/documents) and their token, the body limit, the
    answer cache, and which Host headers to answer (the CLI limits a localhost server to
    localhost names, against DNS rebinding)."""

    writes: bool = False
    token: str | None = None
    max_body: int = 2_000_000
    cache_size: int = 256
    allowed_hosts: frozenset[str] = frozenset()  # Host headers answered; empty = any
    settings: Settings = field(default_factory=Settings.load)
    pipeline: Any = None  # a ready Pipeline (tests); None = built on first POST /api/code


class _JSON(JSONResponse):
    """JSON rendered straight by `json.dumps` (dates as ISO strings): FastAPI's generic encoder
    walks every value in Python and took 50 ms on a 2,000-point dyad series."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":"), default=_default).encode("utf-8")


def _default(value: Any) -> Any:
    if isinstance(value, (Date, datetime)):
        return value.isoformat()
    raise TypeError(f"cannot encode {type(value).__name__} as JSON")


def as_json(content: Any, status: int = 200) -> Response:
    """An API answer (a dict or list of plain values, dates allowed)."""
    return _JSON(content, status_code=status)


def error_body(exc: CablegramError, status: int) -> dict[str, Any]:
    """The one error shape of the API."""
    return {"error": {"code": exc.code, "message": exc.message, "status": status}}


class BodyLimit:
    """Reads request bodies up to the limit and answers 413 (E603) past it, before any parsing."""

    def __init__(self, app: ASGIApp, *, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in {"GET", "HEAD", "OPTIONS"}:
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, receive, send, int(declared))
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            more = message.get("more_body", False)
            if size > self.limit:
                await self._refuse(scope, receive, send, size)
                return
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, size: int) -> None:
        exc = ServeError("E603", status=413, size=size, limit=self.limit)
        await JSONResponse(error_body(exc, 413), status_code=413)(scope, receive, send)


def _wants_html(request: Request) -> bool:
    path = request.url.path
    return not (path.startswith("/api") or path.startswith("/static") or path == "/openapi.json")


def _install_errors(app: FastAPI) -> None:
    from .pages import render_error

    def answer(request: Request, exc: CablegramError, status: int) -> Response:
        if _wants_html(request):
            return render_error(request, exc, status)
        return JSONResponse(error_body(exc, status), status_code=status)

    @app.exception_handler(CablegramError)
    async def coded(request: Request, exc: CablegramError) -> Response:
        # Our own errors are the user's input (bad filter value, unknown period...): a 4xx.
        status = exc.status if isinstance(exc, ServeError) else 400
        return answer(request, exc, status)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        name = ".".join(str(p) for p in first.get("loc", ())[1:]) or "request"
        return answer(request, ServeError("E601", name=name, detail=first.get("msg", "invalid")), 400)

    @app.exception_handler(StarletteHTTPException)
    async def http(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            err = ServeError("E609", status=404, path=request.url.path)
        elif exc.status_code == 405:
            err = ServeError("E610", status=405, method=request.method, path=request.url.path)
        else:
            err = ServeError("E608", status=exc.status_code, detail=str(exc.detail))
        return answer(request, err, exc.status_code)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        err = ServeError("E608", status=500, detail=f"internal error ({type(exc).__name__}); see the server log")
        return answer(request, err, 500)


def store_dep(request: Request) -> Iterator[Store]:
    """A `Store` to read for the length of one request (see `source.py`)."""
    source: StoreSource = request.app.state.source
    with source.reader() as store:
        yield store


def cached(request: Request, store: Store, key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, or its answer kept for this store state (see cache.py)."""
    cache: ResultCache = request.app.state.cache
    return cache.get(store, key, compute)


def warm_up(app: FastAPI) -> threading.Thread:
    """Compute the overview's summary in the background, so the first visitor of a large store
    does not wait for it (seconds at a million events); returns the started thread."""
    from ..analysis import store_summary

    def run() -> None:
        try:
            with app.state.source.reader() as store:
                app.state.cache.get(store, ("summary", "reports", 15), lambda: store_summary(store, top=15))
        except CablegramError as exc:  # the page will show the same error to whoever asks
            log.warning("warm-up failed: %s", exc.message)

    thread = threading.Thread(target=run, name="cablegram-warm-up", daemon=True)
    thread.start()
    return thread


def check_token(request: Request) -> None:
    """Refuse writes unless enabled and the bearer token matches (constant-time compare)."""
    options: ServeOptions = request.app.state.options
    if not options.writes or not options.token:
        raise ServeError("E604", status=403)
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), options.token.encode()):
        raise ServeError("E605", status=401)


def create_app(source: StoreSource, options: ServeOptions | None = None) -> FastAPI:
    """The FastAPI app serving `source` (see the module docstring)."""
    from . import api, pages

    opts = options or ServeOptions()
    app = FastAPI(
        title="cablegram",
        description="Events coded from foreign-policy text, with their evidence. Read-only unless "
        "started with --writes; POST /api/documents needs 'Authorization: Bearer TOKEN'.",
        version="1",
        docs_url=None,  # FastAPI's Swagger page loads its assets from a CDN; ours (/docs) does not
        redoc_url=None,
    )
    app.state.source = source
    app.state.options = opts
    app.state.coder = Coder(opts.settings, pipeline=opts.pipeline)
    app.state.cache = ResultCache(opts.cache_size)
    _install_errors(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    static = resources.files("cablegram.serve") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    @app.middleware("http")
    async def headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        host = (request.headers.get("host") or "").rsplit(":", 1)[0].strip("[]").lower()
        if opts.allowed_hosts and host not in opts.allowed_hosts:
            # A page elsewhere that rebinds its own DNS name to 127.0.0.1 must not read the store.
            err = ServeError("E611", status=421, host=host or "(none)")
            return JSONResponse(error_body(err, 421), status_code=421)
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    app.add_middleware(BodyLimit, limit=opts.max_body)
    return app
