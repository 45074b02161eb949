"""Query parameters → typed options, with one clear E601 per bad value.

`event_filter` is the FastAPI dependency behind every endpoint and page that filters events.
It builds the same `EventFilter` that `cablegram search` builds from its flags: the parameter
names are the CLI's (`type` for the PLOVER type, as `--type`), plus `doc_id`; a unit test
parses every CLI filter flag and the same values as query parameters and compares the two.
"""

from __future__ import annotations

from datetime import date as Date
from typing import Annotated, Any

from fastapi import Query

from ..errors import ServeError
from ..store import EventFilter

__all__ = ["PERIODS", "choice", "event_filter", "page_limit", "parse_date", "parse_flag"]

PERIODS = ("day", "week", "month", "year")
COUNTS = ("reports", "events")
MAX_LIMIT = 1000

Str = Annotated[str | None, Query()]


def parse_date(name: str, value: str | None) -> Date | None:
    """A YYYY-MM-DD parameter (empty = not given)."""
    if value is None or not value.strip():
        return None
    try:
        return Date.fromisoformat(value.strip())
    except ValueError:
        raise ServeError("E601", name=name, detail=f"expected a date as YYYY-MM-DD, got '{value}'") from None


def parse_int(name: str, value: str | None, *, default: int, low: int, high: int) -> int:
    """An integer parameter within [low, high]."""
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise ServeError("E601", name=name, detail=f"expected a whole number, got '{value}'") from None
    if not low <= number <= high:
        raise ServeError("E601", name=name, detail=f"must be between {low} and {high}, got {number}")
    return number


def parse_flag(name: str, value: str | None) -> bool:
    """A boolean parameter: 1/0, true/false, yes/no, on/off (empty = false)."""
    if value is None or value == "":
        return False
    low = value.strip().lower()
    if low in {"1", "true", "yes", "on"}:
        return True
    if low in {"0", "false", "no", "off"}:
        return False
    raise ServeError("E601", name=name, detail=f"expected true or false, got '{value}'")


def choice(name: str, value: str | None, choices: tuple[str, ...], *, default: str) -> str:
    """One of `choices` (empty = the default)."""
    if value is None or value == "":
        return default
    if value not in choices:
        raise ServeError("E601", name=name, detail=f"must be one of {', '.join(choices)}, got '{value}'")
    return value


def page_limit(limit: str | None, offset: str | None, *, default: int = 50) -> tuple[int, int]:
    """(limit, offset) for a paged list."""
    return (
        parse_int("limit", limit, default=default, low=1, high=MAX_LIMIT),
        parse_int("offset", offset, default=0, low=0, high=10**9),
    )


def _clean(value: str | None, name: str) -> str | None:
    if value is None or not value.strip():
        return None
    if len(value) > 200:
        raise ServeError("E601", name=name, detail="longer than 200 characters")
    return value.strip()


def filter_from_values(values: dict[str, str | None]) -> EventFilter:
    """An `EventFilter` from parameter strings named like the CLI flags (`type` = PLOVER type)."""
    text: dict[str, Any] = {
        key: _clean(values.get(name), name)
        for key, name in (
            ("actor", "actor"), ("recipient", "recipient"), ("country", "country"), ("sector", "sector"),
            ("event", "type"), ("cameo", "cameo"), ("place", "place"), ("factuality", "factuality"),
            ("text", "text"), ("doc_id", "doc_id"),
        )
    }  # fmt: skip
    return EventFilter(
        **text, since=parse_date("since", values.get("since")), until=parse_date("until", values.get("until"))
    )


def event_filter(
    actor: Annotated[str | None, Query(description="source actor: ISO3, CAMEO code prefix, KB id or name part")] = None,
    recipient: Annotated[str | None, Query(description="target actor, matched like actor")] = None,
    country: Annotated[str | None, Query(description="either side's country (ISO3)")] = None,
    sector: Annotated[str | None, Query(description="either side's sector (GOV, MIL, ...)")] = None,
    type: Annotated[str | None, Query(description="PLOVER event type (ASSAULT, SANCTION, ...)")] = None,
    cameo: Annotated[str | None, Query(description="CAMEO code or prefix (19 = all of 190-196)")] = None,
    since: Annotated[str | None, Query(description="first date YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="last date YYYY-MM-DD")] = None,
    place: Annotated[str | None, Query(description="part of the place name, or its ISO3 country")] = None,
    factuality: Annotated[str | None, Query(description="asserted, reported, speculative, negated, ...")] = None,
    text: Annotated[str | None, Query(description="text in the sentence (case-insensitive)")] = None,
    doc_id: Annotated[str | None, Query(description="only events of this document")] = None,
) -> EventFilter:
    """The event filters of `cablegram search`, as query parameters."""
    return filter_from_values(
        {"actor": actor, "recipient": recipient, "country": country, "sector": sector, "type": type,
         "cameo": cameo, "since": since, "until": until, "place": place, "factuality": factuality,
         "text": text, "doc_id": doc_id}
    )  # fmt: skip


def filter_query(flt: EventFilter) -> dict[str, str]:
    """The query parameters that rebuild `flt` (for links and the form's current values)."""
    out: dict[str, str] = {}
    for key in ("actor", "recipient", "country", "sector", "event", "cameo", "since", "until",
                "place", "factuality", "text", "doc_id"):  # fmt: skip
        value = getattr(flt, key)
        if value is not None:
            out["type" if key == "event" else key] = str(value)
    return out
