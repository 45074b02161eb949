"""The API with FastAPI's test client over the in-memory store: every endpoint, bad parameters,
the body limit, the write token and the one error shape."""

from __future__ import annotations

import io
import json

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from cablegram.cli import build_parser
from cablegram.cli.serve import plan_serve
from cablegram.cli.store import filter_from
from cablegram.config import Settings
from cablegram.errors import ServeError
from cablegram.serve import FixedSource, ServeOptions, create_app
from cablegram.serve.app import warm_up
from cablegram.serve.params import filter_from_values

from .serve_kit import FakePipeline, filled_store


@pytest.fixture
def store():
    s = filled_store()
    yield s
    s.close()


@pytest.fixture
def client(store):
    app = create_app(FixedSource(store), ServeOptions(pipeline=FakePipeline(), max_body=10_000))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def writer(store):
    opts = ServeOptions(pipeline=FakePipeline(), writes=True, token="s3cret", max_body=10_000)
    with TestClient(create_app(FixedSource(store), opts), raise_server_exceptions=False) as c:
        yield c


def test_events_filters_paging_and_sorting(client):
    body = client.get("/api/events").json()
    assert body["total"] == 4 and len(body["events"]) == 4
    assert [e["date"] for e in body["events"]] == sorted((e["date"] for e in body["events"]), reverse=True)
    assert client.get("/api/events?actor=RUS").json()["total"] == 1
    assert client.get("/api/events?type=assault&country=AZE").json()["total"] == 3
    assert client.get("/api/events?since=2024-03-01&until=2024-03-31").json()["total"] == 1
    oldest = client.get("/api/events?sort=oldest&limit=1&offset=0").json()
    assert oldest["events"][0]["event"] == "THREATEN" and oldest["limit"] == 1
    second = client.get("/api/events?sort=oldest&limit=1&offset=1").json()["events"][0]
    assert second["event_id"] != oldest["events"][0]["event_id"]


def test_one_event_carries_its_evidence(client):
    event_id = client.get("/api/events?actor=RUS").json()["events"][0]["event_id"]
    e = client.get(f"/api/events/{event_id}").json()
    assert e["sentence"] and e["trigger"]["start"] == 4 and e["factuality"] == "asserted"
    assert e["date_basis"] == "text" and e["document"]["doc_id"] == "d2" and e["actor"][0]["country"] == "RUS"


def test_document_with_events_quotes_advisories(client):
    d = client.get("/api/documents/d1").json()
    assert d["title"] == "Title d1" and len(d["events"]) == 2
    assert d["quotes"][0]["text"] == "we will respond" and d["advisories"][0]["countries"] == ["AZE"]
    assert {h["doc_id"] for h in client.get("/api/documents").json()["documents"]} == {"d1", "d2", "hostile"}
    assert [h["doc_id"] for h in client.get("/api/documents?q=RUS%20acted").json()["documents"]] == ["d2"]


def test_dyads_profiles_top_dyads_summary(client):
    both = client.get("/api/dyads?a=AZE&b=ISR&by=month").json()
    assert sum(p["count"] for p in both["points"]) == 3
    assert client.get("/api/dyads?a=AZE&b=ISR&directed=true").json()["points"] == []
    assert len(client.get("/api/dyads?a=ISR&b=AZE&by=year&directed=1").json()["points"]) == 1
    prof = client.get("/api/actors/ISR?by=year").json()
    assert prof["outgoing"][0]["counterpart"] == "AZE" and prof["incoming"] == []
    top = client.get("/api/top-dyads?limit=1").json()
    assert top["frequent"][0]["a"] == "AZE" and top["frequent"][0]["count"] == 3
    summary = client.get("/api/summary").json()
    assert summary["documents"] == 3 and summary["events"] == 4


def test_quotes_advisories_map_timeline(client):
    assert len(client.get("/api/quotes").json()["quotes"]) == 3
    assert client.get("/api/quotes?speaker=ISR&doc_id=d1").json()["quotes"][0]["speaker_text"] == "the minister"
    assert len(client.get("/api/advisories?country=AZE").json()["advisories"]) == 2
    places = client.get("/api/map").json()["places"]
    assert places == [{"name": "Baku", "country": "AZE", "lat": 40.4, "lon": 49.9, "count": 1, "goldstein_mean": -10.0}]
    points = client.get("/api/timeline?by=year").json()["points"]
    assert {(p["period"], p["count"]) for p in points} == {("2023-01-01", 1), ("2024-01-01", 3)}


def test_quote_text_filters_take_wildcards_literally(client):
    assert len(client.get("/api/quotes?text=%25").json()["quotes"]) == 0  # '%' is a character, not "anything"
    assert len(client.get("/api/quotes?speaker=_").json()["quotes"]) == 0
    assert len(client.get("/api/quotes?text=").json()["quotes"]) == 3


@pytest.mark.parametrize("fmt", ["plover-jsonl", "phoenix-tsv", "gdelt-csv", "csv"])
def test_export_text_formats(client, fmt):
    r = client.get(f"/api/export?format={fmt}&country=AZE")
    assert r.status_code == 200
    lines = r.text.strip().splitlines()
    assert len(lines) == (3 if fmt == "plover-jsonl" else 4)  # three events (+ a header)
    if fmt == "plover-jsonl":
        assert json.loads(lines[0])["event"] == ["ASSAULT"]


def test_export_parquet(client):
    r = client.get("/api/export?format=parquet&actor=RUS")
    assert r.status_code == 200 and pq.read_table(io.BytesIO(r.content)).num_rows == 1


BAD = [
    "/api/events?since=2024-13-01",
    "/api/events?until=yesterday",
    "/api/events?limit=0",
    "/api/events?limit=abc",
    "/api/events?offset=-1",
    "/api/events?sort=sideways",
    "/api/events?actor=" + "x" * 300,
    "/api/events/nope",
    "/api/documents/nope",
    "/api/documents?limit=99999",
    "/api/dyads?a=ISR",
    "/api/dyads?a=ISR&b=AZE&by=century",
    "/api/dyads?a=ISR&b=AZE&directed=maybe",
    "/api/dyads?a=ISR&b=AZE&count=lots",
    "/api/actors/ISR?by=decade",
    "/api/top-dyads?since=2024-02-30",
    "/api/top-dyads?limit=-5",
    "/api/summary?count=words",
    "/api/map?limit=0",
    "/api/timeline?by=hour",
    "/api/export?format=xlsx",
    "/api/no-such-endpoint",
]


@pytest.mark.parametrize("url", BAD)
def test_bad_parameters_are_clear_4xx_json(client, url):
    r = client.get(url)
    assert 400 <= r.status_code < 500, r.text
    err = r.json()["error"]
    assert err["code"].startswith("E6") and err["status"] == r.status_code
    assert err["message"].startswith(err["code"]) and len(err["message"]) > 20


@pytest.mark.parametrize(
    "body", [None, [], {"text": ""}, {"text": "a", "html": "<p>b</p>"}, {"text": 5}, {"text": "x", "published": "x"}]
)
def test_code_rejects_bad_bodies(client, body):
    r = client.post("/api/code", json=body)
    assert r.status_code == 400 and r.json()["error"]["code"] == "E608"


def test_code_returns_events_without_storing(client):
    r = client.post("/api/code", json={"text": "Rebels attacked a convoy.", "published": "2024-06-01"})
    assert r.status_code == 200
    body = r.json()
    assert body["events"][0]["trigger"] == {"text": "attacked", "start": 7, "end": 15}
    assert body["events"][0]["date"] == "2024-06-01"
    assert client.get("/api/summary").json()["documents"] == 3


def test_code_accepts_html(client):
    page = "<html><head><title>T</title></head><body><article><p>" + "Police attacked protesters in the capital. " * 5
    r = client.post("/api/code", json={"html": page + "</p></article></body></html>"})
    assert r.status_code == 200 and len(r.json()["events"]) == 5


def test_body_limit_is_a_clear_413(client):
    r = client.post("/api/code", json={"text": "x" * 20_000})
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "E603" and "10000" in r.json()["error"]["message"]
    chunked = client.post("/api/code", content=iter([b'{"text": "', b"y" * 20_000, b'"}']))
    assert chunked.status_code == 413


def test_writes_are_off_by_default(client):
    r = client.post("/api/documents", json={"documents": [{"text": "Troops attacked."}]})
    assert r.status_code == 403 and r.json()["error"]["code"] == "E604"


def test_writes_need_the_token(writer):
    docs = {"documents": [{"text": "Troops attacked a village.", "id": "new1", "title": "New"}]}
    assert writer.post("/api/documents", json=docs).status_code == 401
    wrong = writer.post("/api/documents", json=docs, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.json()["error"]["code"] == "E605"
    ok = writer.post("/api/documents", json=docs, headers={"Authorization": "Bearer s3cret"})
    assert ok.status_code == 200 and ok.json()["added_docs"] == 1 and ok.json()["events"] == 1
    assert writer.get("/api/documents/new1").json()["title"] == "New"
    again = writer.post("/api/documents", json=docs, headers={"Authorization": "Bearer s3cret"})
    assert again.json()["skipped_duplicates"] == 1


def test_aggregates_are_cached_per_store_state(writer):
    cache = writer.app.state.cache
    assert writer.get("/api/summary").json()["documents"] == 3 and cache.hits == 0
    assert writer.get("/api/summary").json()["documents"] == 3 and cache.hits == 1
    assert writer.get("/api/summary?count=events").json()["documents"] == 3 and cache.hits == 1  # another key
    docs = {"documents": [{"text": "Troops attacked a village.", "id": "new2"}]}
    assert writer.post("/api/documents", json=docs, headers={"Authorization": "Bearer s3cret"}).status_code == 200
    assert writer.get("/api/summary").json()["documents"] == 4  # a new store state misses the cache
    assert writer.get("/").status_code == 200 and writer.get("/").status_code == 200 and cache.hits == 2


def test_warm_up_fills_the_overview_cache(store):
    app = create_app(FixedSource(store), ServeOptions(pipeline=FakePipeline()))
    warm_up(app).join(timeout=30)
    with TestClient(app) as c:
        assert c.get("/").status_code == 200 and app.state.cache.hits == 1


def test_a_localhost_server_answers_localhost_names_only(store):
    opts = ServeOptions(allowed_hosts=frozenset({"127.0.0.1", "localhost", "::1"}))
    with TestClient(create_app(FixedSource(store), opts), base_url="http://127.0.0.1:8001") as c:
        assert c.get("/api/health").status_code == 200
        assert c.get("/api/health", headers={"host": "localhost:8001"}).status_code == 200
        assert c.get("/api/health", headers={"host": "[::1]:8001"}).status_code == 200
        evil = c.get("/api/events", headers={"host": "attacker.example:8001"})
        assert evil.status_code == 421 and evil.json()["error"]["code"] == "E611"


def test_methods_and_unknown_pages_answer_the_error_shape(client):
    r = client.delete("/api/events")
    assert r.status_code == 405 and r.json()["error"]["code"] == "E610"
    page = client.get("/no-such-page")
    assert page.status_code == 404 and "E609" in page.text and page.headers["content-type"].startswith("text/html")


def test_api_filters_are_the_cli_search_filters():
    argv = ["search", "--actor", "Putin", "--recipient", "UKR", "--country", "RUS", "--sector", "MIL",
            "--type", "ASSAULT", "--cameo", "19", "--since", "2024-01-01", "--until", "2024-12-31",
            "--place", "Kharkiv", "--factuality", "reported", "--text", "shelling"]  # fmt: skip
    args = build_parser().parse_args(argv)
    values = {argv[i].lstrip("-"): argv[i + 1] for i in range(1, len(argv), 2)}
    assert filter_from_values(values) == filter_from(args)


def test_plan_refuses_writes_beyond_localhost_without_token():
    settings = Settings.load(env=False)
    with pytest.raises(ServeError) as info:
        plan_serve(settings, host="0.0.0.0", writes=True)
    assert info.value.code == "E606"
    local = plan_serve(settings, writes=True)
    assert local.host == "127.0.0.1" and local.token_generated and len(local.token or "") > 20
    shared = plan_serve(settings, host="0.0.0.0", writes=True, token="t")
    assert shared.token == "t" and not shared.token_generated
    assert plan_serve(settings, host="0.0.0.0").token is None  # read-only: no token needed


def test_openapi_and_reference_page(client):
    schema = client.get("/openapi.json").json()
    assert "/api/events" in schema["paths"] and "/api/code" in schema["paths"]
    params = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "type", "since", "limit", "sort"} <= params
    page = client.get("/docs")
    assert page.status_code == 200 and "/api/dyads" in page.text and "cdn" not in page.text.lower()
