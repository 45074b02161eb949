"""Exports: the stored events, filtered like `search`, in five formats.

    plover-jsonl  one PLOVER record per line (the PLOVER manual's data fields)
    phoenix-tsv   the Phoenix dataset columns, tab-separated, first actor → first recipient
    gdelt-csv     the 61 GDELT 2.0 event columns (tab-separated, as GDELT ships them), blank
                  where we have nothing (tone, FIPS geo codes, actor geography)
    csv           one flat row per event mention, actor lists joined with ';'
    parquet       the events table as stored (nested actor lists kept), plus its cluster

docs/exports.md shows one example of each. Text formats stream in chunks; csv and parquet are
written by DuckDB's COPY straight from the query. Text cells of the CSV and TSV formats that
would start a spreadsheet formula (=, +, -, @) are neutralised (`cells.py`). An --out that is
the store itself is refused (E409); a file that cannot be written is E408, not a traceback.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from datetime import date as Date
from datetime import datetime
from pathlib import Path
from typing import IO, Any

import duckdb

from ..errors import StoreError
from .base import Store
from .cells import neutralise_row, sql_neutralise
from .filters import EventFilter, where_clause
from .formats import EXPORT_FORMATS

__all__ = ["EXPORT_FORMATS", "GDELT_COLUMNS", "PHOENIX_COLUMNS", "export_events", "plover_record"]


_SOURCE = """
SELECT e.*, cm.cluster_id, ec.n_mentions, ec.n_docs, d.url, d.source, d.title, d.published,
       d.language, d.ingested_at
FROM events e
LEFT JOIN cluster_members cm ON cm.eid = e.eid
LEFT JOIN event_clusters ec ON ec.cluster_id = cm.cluster_id
LEFT JOIN documents d ON d.doc_id = e.doc_id
WHERE {where}
ORDER BY e.date NULLS LAST, e.eid
"""

_CSV_SELECT = """
SELECT e.event_id, e.doc_id, e.sentence_index, e.event, e.mode,
       array_to_string(e.context, ';') AS context, e.cameo, e.cameo_root, e.goldstein, e.quad,
       e.plover_score,
       array_to_string(list_transform(e.actor, lambda a: coalesce(a.cameo_code, '')), ';') AS actor_codes,
       array_to_string(list_transform(e.actor, lambda a: a.text), ';') AS actor_text,
       array_to_string(list_transform(e.recipient, lambda a: coalesce(a.cameo_code, '')), ';')
           AS recipient_codes,
       array_to_string(list_transform(e.recipient, lambda a: a.text), ';') AS recipient_text,
       e.trigger_text AS trigger, e.date, e.date_precision, e.date_basis, e.loc_name AS location,
       e.loc_country AS location_country, e.lat, e.lon, e.factuality, e.attribution, e.killed,
       e.injured, e.arrested, e.participants, e.confidence, cm.cluster_id, e.sentence
FROM events e LEFT JOIN cluster_members cm ON cm.eid = e.eid
WHERE {where}
ORDER BY e.date NULLS LAST, e.eid
"""

_PARQUET_SELECT = """
SELECT e.* EXCLUDE (eid), cm.cluster_id
FROM events e LEFT JOIN cluster_members cm ON cm.eid = e.eid
WHERE {where}
ORDER BY e.date NULLS LAST, e.eid
"""

PHOENIX_COLUMNS = (
    "EventID", "Date", "Year", "Month", "Day",
    "SourceActorFull", "SourceActorEntity", "SourceActorRole", "SourceActorAttribute",
    "TargetActorFull", "TargetActorEntity", "TargetActorRole", "TargetActorAttribute",
    "EventCode", "EventRootCode", "QuadClass", "GoldsteinScore", "Issues",
    "Lat", "Lon", "LocationName", "StateName", "CountryCode", "SentenceID", "URLs", "NewsSources",
)  # fmt: skip

_ACTOR_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
_ACTOR_COLS = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
    "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR_COLS),
    *(f"Actor2{c}" for c in _ACTOR_COLS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _ACTOR_GEO),
    *(f"Actor2Geo_{c}" for c in _ACTOR_GEO),
    *(f"ActionGeo_{c}" for c in _ACTOR_GEO),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, (Date, datetime)) else value


def _entity(a: dict[str, Any]) -> dict[str, Any]:
    return {
        "code": a.get("country"),
        "sector": a.get("sector"),
        "entity_text": a.get("text"),
        "identifier_id": a.get("kb_id"),
        "identifier_text": a.get("name"),
        "cameo_code": a.get("cameo_code"),
    }


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """One stored event row (with document and cluster columns) as a PLOVER JSON record."""
    location = None
    if row.get("loc_name") is not None:
        location = {
            "name": row["loc_name"], "geonameid": row.get("geonameid"), "lat": row.get("lat"),
            "lon": row.get("lon"), "admin1": row.get("admin1"), "country_code3": row.get("loc_country"),
            "feature_class": row.get("feature_class"),
        }  # fmt: skip
    ingested = row.get("ingested_at")
    return {
        "id": row["event_id"],
        "has_event": True,
        "date": _iso(row.get("date")),
        "actor": [_entity(a) for a in row.get("actor") or ()],
        "recipient": [_entity(a) for a in row.get("recipient") or ()],
        "event": [row["event"]],
        "mode": [row["mode"]] if row.get("mode") else [],
        "context": list(row.get("context") or ()),
        "quad_code": row.get("quad"),
        "event_scale": row.get("plover_score"),
        "event_loc": location,
        "event_text": row.get("trigger_text"),
        "size": {"dead": row.get("killed"), "injured": row.get("injured"), "arrested": row.get("arrested")},
        "link": row.get("cluster_id"),
        "text": row.get("sentence"),
        "text_info": {
            "sequence": row.get("sentence_index"),
            "start": row.get("trigger_start"),
            "end": row.get("trigger_end"),
        },
        "cite_info": {
            "corpus": row.get("source"),
            "url": row.get("url"),
            "title": row.get("title"),
            "language": row.get("language"),
            "publication": _iso(row.get("published")),
            "doc_id": row.get("doc_id"),
            "codebook": "PLOVER",
            "coder": "cablegram",
        },  # fmt: skip
        "coder": "cablegram",
        "coded_date": ingested.date().isoformat() if isinstance(ingested, datetime) else None,
        "comment": f"factuality={row.get('factuality')}; cameo={row.get('cameo')}",
    }


def _split_code(code: str | None) -> tuple[str, str, str]:
    """A CAMEO actor code as (entity, role, attribute): ISRGOVMUS → ISR, GOV, MUS."""
    code = code or ""
    return code[:3], code[3:6], code[6:]


def penta_class(cameo: str | None) -> int | None:
    """Phoenix's five classes from the CAMEO root: 0 statement ... 4 material conflict."""
    if not cameo or not cameo[:2].isdigit():
        return None
    root = int(cameo[:2])
    if root <= 2:
        return 0
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    return 3 if root <= 13 or root == 16 else 4


def _first(row: dict[str, Any], side: str) -> dict[str, Any]:
    actors = row.get(side) or ()
    return actors[0] if actors else {}


def phoenix_row(row: dict[str, Any]) -> list[Any]:
    """One event as a Phoenix row (first actor → first recipient)."""
    day: Date | None = row.get("date")
    src, dst = _first(row, "actor"), _first(row, "recipient")
    return [
        row["event_id"], day.strftime("%Y%m%d") if day else "",
        day.year if day else "", day.month if day else "", day.day if day else "",
        src.get("cameo_code") or "", *_split_code(src.get("cameo_code")),
        dst.get("cameo_code") or "", *_split_code(dst.get("cameo_code")),
        row.get("cameo"), row.get("cameo_root") or (row.get("cameo") or "")[:2],
        penta_class(row.get("cameo")), row.get("goldstein"), "",
        row.get("lat"), row.get("lon"), row.get("loc_name") or "", row.get("admin1") or "",
        row.get("loc_country") or "", f"{row['doc_id']}_{row['sentence_index']}",
        row.get("url") or "", row.get("source") or "",
    ]  # fmt: skip


def _gdelt_actor(a: dict[str, Any]) -> list[Any]:
    # Code, Name, CountryCode, KnownGroup, Ethnic, Religion1, Religion2, Type1..3
    return [a.get("cameo_code") or "", (a.get("name") or a.get("text") or "").upper(),
            a.get("country") or "", "", "", "", "", a.get("sector") or "", "", ""]  # fmt: skip


def gdelt_row(row: dict[str, Any]) -> list[Any]:
    """One event as a GDELT 2.0 event row; unknown columns are blank."""
    day: Date | None = row.get("date")
    cameo = row.get("cameo") or ""
    located = row.get("loc_name") is not None
    geo_type = {"P": 4, "A": 5}.get(row.get("feature_class") or "", "")  # world city / world state
    geo = [geo_type, row.get("loc_name"), "", "", "",
           row.get("lat"), row.get("lon"), row.get("geonameid")] if located else [""] * 8  # fmt: skip
    added: datetime | None = row.get("ingested_at")
    return [
        row["eid"], day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "",
        day.year if day else "", round(day.year + day.timetuple().tm_yday / 365.0, 4) if day else "",
        *_gdelt_actor(_first(row, "actor")), *_gdelt_actor(_first(row, "recipient")),
        1 if row.get("sentence_index") == 0 else 0, cameo, cameo[:3], cameo[:2], row.get("quad"),
        row.get("goldstein"), row.get("n_mentions") or 1, row.get("n_docs") or 1,
        row.get("n_docs") or 1, "", *([""] * 16), *geo,
        added.strftime("%Y%m%d%H%M%S") if added else "", row.get("url") or "",
    ]  # fmt: skip


def _stream(store: Store, flt: EventFilter, *, chunk: int = 5000) -> Iterator[dict[str, Any]]:
    where, params = where_clause(flt)
    cur = store.con.cursor()  # its own cursor, so the caller may query the store meanwhile
    cur.execute(_SOURCE.format(where=where), params)
    names = [d[0] for d in cur.description or ()]
    while rows := cur.fetchmany(chunk):
        for r in rows:
            yield dict(zip(names, r, strict=True))
    cur.close()


def _write_text(store: Store, flt: EventFilter, out: IO[str], fmt: str) -> int:
    if fmt == "plover-jsonl":

        def write(row: dict[str, Any]) -> None:
            out.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")
    else:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(PHOENIX_COLUMNS if fmt == "phoenix-tsv" else GDELT_COLUMNS)
        make: Callable[[dict[str, Any]], list[Any]] = phoenix_row if fmt == "phoenix-tsv" else gdelt_row

        def write(row: dict[str, Any]) -> None:
            writer.writerow(neutralise_row(["" if v is None else v for v in make(row)]))

    n = 0
    for row in _stream(store, flt):
        write(row)
        n += 1
    return n


def _copy(store: Store, flt: EventFilter, path: Path, fmt: str) -> int:
    where, params = where_clause(flt)
    select = (_CSV_SELECT if fmt == "csv" else _PARQUET_SELECT).format(where=where)
    if fmt == "csv":
        select = _neutralised(store, select, params)
    options = "FORMAT csv, HEADER true" if fmt == "csv" else "FORMAT parquet"
    quoted = str(path).replace("'", "''")
    try:
        store.con.execute(f"COPY ({select}) TO '{quoted}' ({options})", params).fetchall()
    except duckdb.Error as exc:
        raise StoreError("E408", path=str(path), detail=str(exc).splitlines()[0]) from None
    sql = f"SELECT count(*) FROM events e WHERE {where}"
    return int(store.scalar(sql, params) or 0)


def _neutralised(store: Store, select: str, params: list[Any]) -> str:
    """`select` with every text column passed through the formula guard (`cells.py`)."""
    described = store.con.execute(f"DESCRIBE {select}", params).fetchall()
    text_columns = [name for name, kind, *_ in described if kind == "VARCHAR"]
    if not text_columns:
        return select
    replaced = ", ".join(sql_neutralise(c) for c in text_columns)
    return f"SELECT * REPLACE ({replaced}) FROM ({select})"


def _same_file(out: str | Path, store: Store) -> bool:
    """True when `out` names the store's file (or its write-ahead log)."""
    if store.path == ":memory:":
        return False
    target = Path(out).expanduser().resolve()
    db = Path(store.path).expanduser().resolve()
    return target in {db, db.with_name(db.name + ".wal")}


def export_events(store: Store, flt: EventFilter, *, fmt: str, out: str | Path | IO[str]) -> int:
    """Write the events matching `flt` to `out` (a path, or a text stream for text formats)."""
    if fmt not in EXPORT_FORMATS:
        raise StoreError("E404", fmt=fmt, choices=", ".join(EXPORT_FORMATS))
    if isinstance(out, (str, Path)) and _same_file(out, store):
        raise StoreError("E409", path=str(out))
    if fmt in {"csv", "parquet"}:
        if not isinstance(out, (str, Path)) or str(out) == "-":
            raise StoreError("E406", fmt=fmt)
        return _copy(store, flt, Path(out), fmt)
    if isinstance(out, (str, Path)):
        try:
            with open(out, "w", encoding="utf-8", newline="") as handle:
                return _write_text(store, flt, handle, fmt)
        except OSError as exc:  # a folder, a missing folder, no permission, a full disk
            raise StoreError("E408", path=str(out), detail=exc.strerror or str(exc)) from None
    return _write_text(store, flt, out, fmt)
