"""Score event locations on real text whose events were coded by hand (the realdev format).

A gold event is *found* when a predicted event of the same PLOVER type (or one of the gold's
`alternatives`) has its trigger start inside the same gold sentence (the rule of
`shared/tools/score_events.py`). Among found gold events whose `location_text` is not null,
the location *matches* when one of those predicted events has a location such that either

- its `text` or its `name` and the gold `location_text` overlap: case-insensitively, after
  dropping a leading "the" and folding whitespace, one contains the other; or
- the gazetteer resolves the gold `location_text` to the same geonameid or the same name.

The score depends only on the locations attached to whichever events the coder finds, so it
stays comparable while the coder changes. Records are realdev's JSON objects (`id`, `text`,
`sentences`, `events`); coded documents are the pipeline's output for them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .evaluate_realdev import gold_types, realdev_documents, sentence_of  # one reading of the schema
from .records import CodedDocument, Event, Place

if TYPE_CHECKING:
    from .resolve.gazetteer import Gazetteer

__all__ = ["location_matches", "realdev_documents", "realdev_location_accuracy"]


_SPACE = re.compile(r"\s+")


def _plain(text: str) -> str:
    text = _SPACE.sub(" ", text).strip().casefold()
    return text.removeprefix("the ").strip()


def location_matches(place: Place, gold_text: str, *, gazetteer: Gazetteer | None = None) -> bool:
    """True when a predicted location agrees with a gold `location_text` (see module docstring)."""
    gold = _plain(gold_text)
    if not gold:
        return False
    for said in (place.text, place.name):
        if said and (got := _plain(said)) and (got in gold or gold in got):
            return True
    if gazetteer is None:
        return False
    entry = gazetteer.best(_SPACE.sub(" ", gold_text).strip())
    if entry is None:
        return False
    if entry.geonameid is not None and entry.geonameid == place.geonameid:
        return True
    return entry.name.casefold() == place.name.casefold()


def realdev_location_accuracy(
    records: Sequence[Mapping[str, Any]],
    coded_documents: Iterable[CodedDocument],
    *,
    gazetteer: Gazetteer | None = None,
) -> dict[str, Any]:
    """Location accuracy over found gold events that have a `location_text`.

    Returns `matched`, `total` (found gold events with a location_text), `accuracy`,
    `no_location` (of those, how many had no predicted location on any candidate), `found`
    (all found gold events), `found_without_gold_location` and `located_anyway` (found gold
    events with no location_text, and how many of them got a location all the same: not
    always wrong, since the gold leaves out places that are only implied, but the number to
    watch when a rule places more events) and `misses`: one line per unmatched event.
    """
    by_doc: dict[str, list[Event]] = {}
    for coded in coded_documents:
        by_doc.setdefault(coded.document.doc_id, []).extend(coded.events)
    matched = total = no_location = found = unplaced_gold = placed_anyway = 0
    misses: list[str] = []
    for record in records:
        placed = [(sentence_of(record, e), e) for e in by_doc.get(str(record["id"]), [])]
        for gold in record["events"]:
            types = gold_types(gold)
            candidates = [e for s, e in placed if s == gold["sentence_index"] and e.event in types]
            if not candidates:
                continue
            found += 1
            if not gold.get("location_text"):
                unplaced_gold += 1
                placed_anyway += any(e.location is not None for e in candidates)
                continue
            total += 1
            places = [e.location for e in candidates if e.location is not None]
            if not places:
                no_location += 1
            if any(location_matches(p, gold["location_text"], gazetteer=gazetteer) for p in places):
                matched += 1
                continue
            got = "; ".join(f"{p.text}->{p.name}/{p.country} ({p.basis})" for p in places) or "none"
            misses.append(f"{record['id']}#{gold['sentence_index']} {gold['plover_event']}: "
                          f"gold {gold['location_text']!r}, got {got}")
    return {
        "matched": matched, "total": total, "accuracy": matched / total if total else 0.0,
        "no_location": no_location, "found": found,
        "found_without_gold_location": unplaced_gold, "located_anyway": placed_anyway,
        "misses": misses,
    }
