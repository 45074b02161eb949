"""`cablegram serve`: the JSON API and web interface over a store (see docs/serve.md)."""

from __future__ import annotations

import argparse
import secrets
import sys
from dataclasses import dataclass

from ..config import Settings
from ..errors import ServeError
from .common import settings_from

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def register(sub: argparse._SubParsersAction) -> None:
    """Add `serve` to the `cablegram` parser."""
    p = sub.add_parser("serve", help="serve the store: JSON API (/api, /docs) and web interface")
    p.add_argument("--db", help="store path (default: setting 'db', ./cablegram.duckdb)")
    p.add_argument("--host", help="address to bind (default 127.0.0.1, setting serve_host)")
    p.add_argument("--port", type=int, help="port (default 8001, setting serve_port)")
    p.add_argument("--writes", action="store_true", help="enable POST /api/documents (needs a token)")
    p.add_argument("--token", help="token for writes (or CABLEGRAM_TOKEN); on localhost one is made up if absent")
    p.add_argument("--max-body", type=int, help="largest request body in bytes (setting serve_max_body)")
    p.set_defaults(func=run_serve)


@dataclass(frozen=True, slots=True, kw_only=True)
class ServePlan:
    """Where and how to serve, checked before anything listens."""

    db: str
    host: str
    port: int
    writes: bool
    token: str | None
    token_generated: bool
    max_body: int
    refresh_s: float


def plan_serve(
    settings: Settings,
    *,
    db: str | None = None,
    host: str | None = None,
    port: int | None = None,
    writes: bool = False,
    token: str | None = None,
    max_body: int | None = None,
) -> ServePlan:
    """Resolve options against settings; refuse (E606) writes beyond localhost without a token."""
    bind = host or settings["serve_host"]
    given = token or settings["token"] or None
    generated = False
    if writes and not given:
        if bind not in LOCAL_HOSTS:
            raise ServeError("E606", status=0, host=bind)
        given, generated = secrets.token_urlsafe(24), True
    return ServePlan(
        db=db or settings["db"], host=bind, port=port or settings["serve_port"], writes=writes,
        token=given if writes else None, token_generated=generated,
        max_body=max_body or settings["serve_max_body"], refresh_s=settings["serve_refresh_s"],
    )  # fmt: skip


def run_serve(args: argparse.Namespace) -> int:
    """`cablegram serve [--db PATH] [--host H] [--port P] [--writes --token T]`."""
    import uvicorn

    from ..serve import ServeOptions, SnapshotSource, create_app
    from ..serve.app import warm_up

    settings = settings_from(args)
    plan = plan_serve(settings, db=args.db, host=args.host, port=args.port, writes=args.writes,
                      token=args.token, max_body=args.max_body)  # fmt: skip
    source = SnapshotSource(plan.db, refresh_s=plan.refresh_s)
    options = ServeOptions(
        writes=plan.writes, token=plan.token, max_body=plan.max_body, settings=settings,
        cache_size=settings["serve_cache"],
        allowed_hosts=frozenset(LOCAL_HOSTS) if plan.host in LOCAL_HOSTS else frozenset(),
    )  # fmt: skip
    app = create_app(source, options)
    if options.cache_size:
        warm_up(app)
    shown = f"[{plan.host}]" if ":" in plan.host else plan.host
    print(f"serving {plan.db} at http://{shown}:{plan.port}/  (API reference: /docs; Ctrl-C stops)", file=sys.stderr)
    if plan.writes:
        note = f"writes enabled; token: {plan.token}" if plan.token_generated else "writes enabled (token given)"
        print(note, file=sys.stderr)
    try:
        uvicorn.run(app, host=plan.host, port=plan.port, log_level="warning")
    finally:
        source.close()
    return 0
