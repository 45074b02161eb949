"""The web interface in a real headless Chromium (Debian's `chromium`, driven by Playwright).

A server runs in a thread over a store file (snapshot source, as `cablegram serve` runs) and a
model-free pipeline twin for "code a text". Each test browses as a person would; screenshots go
to $TMPDIR/cablegram-browser/ for a person to look at. Without chromium or playwright the tests
skip, unless CABLEGRAM_REQUIRE_BROWSER=1 (set by .ci/run), which makes that a failure.
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.unit.serve_kit import HOSTILE, FakePipeline, filled_store

from cablegram.serve import ServeOptions, SnapshotSource, create_app
from cablegram.store import open_store

CHROMIUM = os.environ.get("CABLEGRAM_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
SHOTS = Path(os.environ.get("TMPDIR", tempfile.gettempdir())) / "cablegram-browser"


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the Python package playwright is not installed (pip install -r requirements/dev.txt)"
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        return f"no chromium at {CHROMIUM} (apt-get install chromium)"
    return None


def _require_browser() -> None:
    reason = _missing()
    if reason is None:
        return
    if os.environ.get("CABLEGRAM_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests required (CABLEGRAM_REQUIRE_BROWSER=1) but {reason}")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    _require_browser()
    import uvicorn

    path = tmp_path_factory.mktemp("browser") / "browser.duckdb"
    memory = filled_store()
    with open_store(path) as store:
        for table in ("documents", "sentences", "mentions", "events", "event_actors", "quotes", "advisories"):
            store.load_tables({table: memory.arrow(f"SELECT * FROM {table}")})
    memory.close()
    source = SnapshotSource(path, refresh_s=0.5)
    app = create_app(source, ServeOptions(pipeline=FakePipeline()))
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
    source.close()


@pytest.fixture(scope="module")
def browser(server) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        exe = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
        b = p.chromium.launch(executable_path=exe, headless=True, args=FLAGS)
        yield b
        b.close()


class Watched:
    """A page with its console errors, uncaught exceptions and dialogs recorded."""

    def __init__(self, browser: Any, base: str) -> None:
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.base = base
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

        def dialog(d: Any) -> None:
            self.dialogs.append(d.message)
            d.dismiss()

        self.page.on("dialog", dialog)

    def open(self, path: str, *, ready: bool = False) -> Any:
        self.page.goto(self.base + path)
        if ready:
            self.page.wait_for_selector("main[data-ready='1']", timeout=10_000)
        return self.page

    def shot(self, name: str) -> None:
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def watched(browser, server) -> Iterator[Watched]:
    w = Watched(browser, server)
    yield w
    w.page.close()


PAGES = [
    ("overview", "/", True), ("events", "/events", False), ("documents", "/documents", False),
    ("document", "/documents/d1", True), ("dyad", "/dyads?a=ISR&b=AZE", True), ("actor", "/actors/ISR", True),
    ("map", "/map", True), ("code", "/code", False), ("docs", "/docs", False),
]  # fmt: skip


@pytest.mark.parametrize(("name", "path", "ready"), PAGES)
def test_every_page_loads_without_console_errors(watched, name, path, ready):
    watched.open(path, ready=ready)
    watched.shot(name)
    assert watched.errors == []
    assert watched.page.locator("header nav a").count() == 8


def test_filters_change_the_results(watched):
    page = watched.open("/events")
    before = int(page.inner_text("#total"))
    page.fill("input[name=actor]", "RUS")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**/events?*actor=RUS*")
    assert int(page.inner_text("#total")) == 1 < before
    assert page.locator("tr.event-row").count() == 1
    assert "THREATEN" in page.inner_text("table.events")
    watched.shot("events-filtered")
    assert watched.errors == []


def test_clicking_an_event_opens_its_document_with_the_highlight(watched):
    page = watched.open("/events?actor=ISR&text=attacked")
    page.click("tr.event-row a.doc-link")
    page.wait_for_url("**/documents/hostile?event=ev-hostile*")
    page.wait_for_selector("main[data-ready='1']")
    active = page.locator("mark.active")
    assert active.count() >= 1 and "attacked" in " ".join(active.all_inner_texts())
    assert page.locator("#record").is_visible() and "ASSAULT" in page.inner_text("#record")
    watched.shot("document-highlight")
    assert watched.errors == []


def test_the_dyad_chart_draws_and_lists_the_events_of_a_point(watched):
    page = watched.open("/dyads?a=ISR&b=AZE&by=month", ready=True)
    assert page.locator("#chart-scores canvas").count() >= 1
    assert page.locator("#chart-counts[data-drawn='1']").count() == 1
    # hover the first data point, then click it: its events are listed under the chart
    box = page.locator("#chart-scores .u-over").bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + 2, box["y"] + box["height"] / 2)
    page.mouse.click(box["x"] + 2, box["y"] + box["height"] / 2)
    page.wait_for_selector("#point-events table.events tr.event-row", timeout=10_000)
    watched.shot("dyad")
    assert watched.errors == []


def test_the_code_page_shows_events(watched):
    page = watched.open("/code")
    page.fill("#code-text", "On Monday 🚨 rebels attacked a convoy and troops attacked the town.")
    page.click("#code-run")
    page.wait_for_selector("main[data-ready='1']")
    assert page.locator("#code-out mark.k-trigger").all_inner_texts() == ["attacked", "attacked"]  # after an emoji
    assert "2 events" in page.inner_text("#code-status")
    page.locator("#code-out mark.k-trigger").first.click()
    assert "ASSAULT" in page.inner_text("#record")
    watched.shot("code")
    assert watched.errors == []


def test_the_map_draws_the_world_and_the_places(watched):
    page = watched.open("/map", ready=True)
    assert page.locator("#map svg path").count() > 150
    assert page.locator("#map svg circle").count() == 1
    assert "Baku" in page.inner_text("#places")


def test_hostile_text_never_runs(watched):
    page = watched.open("/documents/hostile", ready=True)
    for mark in page.locator("mark").all():
        mark.hover()
        mark.click()
    page.locator("#doctext").hover()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.title() != "PWNED" and watched.dialogs == []
    assert "<script>" in page.inner_text("#doctext")  # shown as text, not run
    # the same text pasted into "code a text" is drawn from JSON with text nodes only
    page = watched.open("/code")
    page.fill("#code-text", HOSTILE)
    page.click("#code-run")
    page.wait_for_selector("main[data-ready='1']")
    page.locator("#code-out mark").first.click()
    assert page.evaluate("typeof window.__pwned") == "undefined" and watched.dialogs == []
    watched.shot("hostile")
    assert watched.errors == []
