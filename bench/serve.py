"""Serve benchmark: request latency of `cablegram serve` over a store of 1 million events.

    python bench/serve.py                      # 1M events, 4 clients, 50 requests each
    python bench/serve.py --events 200000 --requests 10    # a quick run

1. Build a synthetic store (bench/store.py's generator: skewed countries, 16 event types, ten
   years) with document texts, in a temporary file.
2. Start the real server (`cablegram serve --db FILE`, uvicorn, snapshot source) in its own
   process and wait for /api/health.
3. For each workload, 4 concurrent clients (threads, one keep-alive HTTP connection each) send
   `--requests` requests with varied parameters; we record each request's wall time.
   - baseline   GET /api/health (no query: HTTP + framework overhead, measured in the same run)
   - events     GET /api/events, filtered (actor, type, one year), 50 rows + total count
   - dyad       GET /api/dyads, a monthly series of one of a few busy dyads
   - document   GET /documents/{id}, the HTML page of a random document with its events
4. Before the server starts, the same query functions are timed in this process, one call at a
   time ("direct" column): the ratio served/direct is what HTTP, rendering and 4-way
   concurrency on this machine's cores add to the query itself.
Prints median, p95 and max per workload, the ratio of each median to the baseline median, and
whether p95 meets the target (300 ms). With --json FILE, writes the figures. Not part of the suite.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pyarrow.compute as pc

from cablegram.store import open_store

HERE = Path(__file__).resolve().parent
TARGET_P95_S = 0.300
DYADS = (("ISR", "AZE"), ("USA", "RUS"), ("RUS", "UKR"), ("CHN", "USA"), ("IRN", "ISR"))
ACTORS = ("USA", "RUS", "CHN", "ISR", "UKR")
TYPES = ("ASSAULT", "ACCUSE", "CONSULT", "THREATEN", "AGREE")


def _store_bench() -> Any:
    """bench/store.py as a module (bench/ is not a package)."""
    spec = importlib.util.spec_from_file_location("bench_store", HERE / "store.py")
    if spec is None or spec.loader is None:
        raise SystemExit("bench/store.py not found beside bench/serve.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build(path: Path, events: int, *, chunk: int = 1_000_000) -> int:
    """Fill `path` with `events` synthetic events and their documents (with texts); returns docs."""
    gen = _store_bench()
    with open_store(path) as store:
        for i, first in enumerate(range(1, events + 1, chunk)):
            tables = gen.synthetic_tables(min(chunk, events - first + 1), first_eid=first, seed=i)
            docs = tables["documents"]
            text = pc.binary_join_element_wise(
                "Synthetic report ", docs["doc_id"], ". " + "Officials met and talks went on. " * 12, ""
            )
            tables["documents"] = docs.append_column("text", text).append_column(
                "title", pc.binary_join_element_wise("Report ", docs["doc_id"], "")
            )
            store.load_tables(tables)
        return int(store.scalar("SELECT count(*) FROM documents"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(path: Path, port: int) -> subprocess.Popen[bytes]:
    # serve_cache=0: every request runs its query (a cache would answer repeats from memory)
    cmd = [
        sys.executable,
        "-m",
        "cablegram",
        "--setting",
        "serve_cache=0",
        "serve",
        "--db",
        str(path),
        "--port",
        str(port),
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start: " + (proc.stderr.read().decode() if proc.stderr else ""))


def load(base: str, make_url: Callable[[random.Random], str], *, clients: int, requests: int) -> list[float]:
    """Wall times of `clients` × `requests` GETs sent by concurrent clients; all must be 200."""
    times: list[float] = []
    lock = threading.Lock()
    failures: list[str] = []

    def client(seed: int) -> None:
        rng = random.Random(seed)
        with httpx.Client(base_url=base, timeout=60) as http:
            http.get(make_url(rng))  # warm the connection (not timed)
            for _ in range(requests):
                url = make_url(rng)
                start = time.perf_counter()
                r = http.get(url)
                spent = time.perf_counter() - start
                with lock:
                    times.append(spent)
                    if r.status_code != 200:
                        failures.append(f"{r.status_code} {url}")

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if failures:
        raise SystemExit(f"{len(failures)} requests failed, e.g. {failures[0]}")
    return times


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] if len(values) > 1 else values[0]


def workloads(n_docs: int) -> dict[str, Callable[[random.Random], str]]:
    return {
        "baseline": lambda r: "/api/health",
        "events": lambda r: (
            f"/api/events?actor={r.choice(ACTORS)}&type={r.choice(TYPES)}"
            f"&since={(y := r.randint(2015, 2024))}-01-01&until={y}-12-31&limit=50"
        ),
        "dyad": lambda r: "/api/dyads?a={}&b={}&by=month".format(*r.choice(DYADS)),
        "document": lambda r: f"/documents/d{r.randrange(n_docs)}",
    }


def direct_times(path: Path, n_docs: int, *, reps: int) -> dict[str, float]:
    """Median seconds of each workload's query function called in-process, one at a time."""
    from datetime import date as Date

    from cablegram.analysis import dyad_series
    from cablegram.serve import queries
    from cablegram.store import EventFilter

    rng = random.Random(7)
    calls: dict[str, Callable[[Any], Any]] = {
        "events": lambda s: queries.events_page(
            s, EventFilter(actor=rng.choice(ACTORS), event=rng.choice(TYPES),
                           since=Date(y := rng.randint(2015, 2024), 1, 1), until=Date(y, 12, 31)),
            limit=50, offset=0, newest_first=True),
        "dyad": lambda s: dyad_series(s, *rng.choice(DYADS), by="month"),
        "document": lambda s: queries.document_detail(s, f"d{rng.randrange(n_docs)}"),
    }  # fmt: skip
    out = {}
    with open_store(path, read_only=True) as store:
        for name, call in calls.items():
            call(store)
            times = []
            for _ in range(reps):
                start = time.perf_counter()
                call(store)
                times.append(time.perf_counter() - start)
            out[name] = statistics.median(times)
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--events", type=int, default=1_000_000, help="events in the synthetic store")
    p.add_argument("--clients", type=int, default=4, help="concurrent clients")
    p.add_argument("--requests", type=int, default=50, help="requests per client per workload")
    p.add_argument("--json", help="also write the figures to this JSON file")
    args = p.parse_args(argv)
    figures: dict[str, Any] = {"events": args.events, "clients": args.clients, "requests": args.requests}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench-serve.duckdb"
        start = time.perf_counter()
        n_docs = build(path, args.events)
        figures["build_s"] = round(time.perf_counter() - start, 1)
        direct = direct_times(path, n_docs, reps=max(5, args.requests // 2))
        port = _free_port()
        server = start_server(path, port)
        try:
            base = f"http://127.0.0.1:{port}"
            for name, make_url in workloads(n_docs).items():
                times = load(base, make_url, clients=args.clients, requests=args.requests)
                figures[name] = {"median_ms": statistics.median(times) * 1000, "p95_ms": p95(times) * 1000,
                                 "max_ms": max(times) * 1000, "n": len(times)}  # fmt: skip
        finally:
            server.terminate()
            server.wait(timeout=30)
    base_median = figures["baseline"]["median_ms"]
    print(f"{args.events} events, {n_docs} documents, {args.clients} clients × {args.requests} requests "
          f"(store built in {figures['build_s']} s)")  # fmt: skip
    print(f"{'workload':>10} {'median ms':>10} {'p95 ms':>8} {'max ms':>8} {'× baseline':>11} "
          f"{'direct ms':>10} {'× direct':>9}  p95 < 300 ms")  # fmt: skip
    for name in ("baseline", "events", "dyad", "document"):
        f = figures[name]
        f["ratio"] = f["median_ms"] / base_median
        f["direct_ms"] = direct[name] * 1000 if name in direct else None
        ok = "yes" if f["p95_ms"] < TARGET_P95_S * 1000 else "NO"
        d = f"{f['direct_ms']:>10.1f} {f['median_ms'] / f['direct_ms']:>9.1f}" if f["direct_ms"] else " " * 20
        print(
            f"{name:>10} {f['median_ms']:>10.1f} {f['p95_ms']:>8.1f} {f['max_ms']:>8.1f} {f['ratio']:>11.1f} {d}  {ok}"
        )
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
