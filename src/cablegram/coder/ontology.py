"""The event ontologies: CAMEO codes, PLOVER events/modes/contexts, and the mapping both ways.

Tables live in `cablegram/data/ontology/` (our own TSV files) and are read once per process.
CAMEO → PLOVER follows the 2021 draft mapping; PLOVER → CAMEO picks a representative code per
(event, mode) so events coded only in PLOVER terms still carry a CAMEO code.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import CodingError

__all__ = [
    "CameoCode",
    "PloverEvent",
    "PloverMode",
    "cameo",
    "cameo_codes",
    "cameo_for_plover",
    "is_cameo",
    "penta_class",
    "plover_contexts",
    "plover_event",
    "plover_events",
    "plover_for_cameo",
    "plover_score",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class CameoCode:
    """One CAMEO event code with its scales and its PLOVER counterpart."""

    code: str
    level: str
    root: str
    goldstein: float
    quad: int
    penta: int
    label: str
    event: str | None = None
    mode: str | None = None
    context: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class PloverMode:
    """A PLOVER mode: how an event was carried out, with its own score."""

    event: str
    mode: str
    score: float
    default_cameo: str
    meaning: str


@dataclass(frozen=True, slots=True, kw_only=True)
class PloverEvent:
    """A PLOVER event type with its quad class, base score and modes."""

    event: str
    quad: int
    score: float
    recipient_required: bool
    default_cameo: str
    meaning: str
    modes: tuple[PloverMode, ...] = ()


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("cablegram.data.ontology").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines(), delimiter="\t"))


@lru_cache(maxsize=1)
def cameo_codes() -> dict[str, CameoCode]:
    """All CAMEO codes (2, 3 and 4 digits) keyed by code."""
    out: dict[str, CameoCode] = {}
    for r in _rows("cameo.tsv"):
        parent = out.get(r["code"][:3]) or out.get(r["code"][:2])
        out[r["code"]] = CameoCode(
            code=r["code"],
            level=r["level"],
            root=r["root"],
            goldstein=float(r["goldstein"]),
            quad=int(r["quad"]),
            penta=int(r["penta"]),
            # a few leaves carry no label of their own: they read as their parent
            label=r["label"] or (parent.label if parent else r["code"]),
            event=r["event"] or None,
            mode=r["mode"] or None,
            context=tuple(c for c in r["context"].split(",") if c),
        )
    return out


@lru_cache(maxsize=1)
def plover_events() -> dict[str, PloverEvent]:
    """The 16 PLOVER event types keyed by name, each with its modes."""
    modes: dict[str, list[PloverMode]] = {}
    for r in _rows("plover_modes.tsv"):
        mode = PloverMode(
            event=r["event"],
            mode=r["mode"],
            score=float(r["score"]),
            default_cameo=r["default_cameo"],
            meaning=r["meaning"],
        )
        modes.setdefault(r["event"], []).append(mode)
    return {
        r["event"]: PloverEvent(
            event=r["event"],
            quad=int(r["quad"]),
            score=float(r["score"]),
            recipient_required=r["recipient_required"] == "yes",
            default_cameo=r["default_cameo"],
            meaning=r["meaning"],
            modes=tuple(modes.get(r["event"], ())),
        )
        for r in _rows("plover_events.tsv")
    }


@lru_cache(maxsize=1)
def plover_contexts() -> tuple[str, ...]:
    """The PLOVER context labels."""
    text = resources.files("cablegram.data.ontology").joinpath("plover_contexts.txt").read_text("utf-8")
    return tuple(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


def is_cameo(code: str) -> bool:
    """True when `code` is a known CAMEO code."""
    return code in cameo_codes()


def cameo(code: str) -> CameoCode:
    """The CAMEO code record; raises CodingError E301 for an unknown code."""
    found = cameo_codes().get(code)
    if found is None:
        raise CodingError("E301", cameo=code)
    return found


def plover_event(event: str) -> PloverEvent:
    """The PLOVER event record; raises CodingError E302 for an unknown type."""
    found = plover_events().get(event.upper())
    if found is None:
        raise CodingError("E302", event=event, choices=", ".join(plover_events()))
    return found


def plover_for_cameo(code: str) -> tuple[str | None, str | None, tuple[str, ...]]:
    """(event, mode, contexts) for a CAMEO code; roots 01/02 have no PLOVER event (None)."""
    c = cameo(code)
    if c.event is None and len(code) > 3:
        return plover_for_cameo(code[:3])
    return c.event, c.mode, c.context


def cameo_for_plover(event: str, mode: str | None = None) -> str:
    """A representative CAMEO code for a PLOVER event (and mode, when it has its own)."""
    pe = plover_event(event)
    for m in pe.modes:
        if m.mode == mode:
            return m.default_cameo
    return pe.default_cameo


def plover_score(event: str, mode: str | None = None) -> float:
    """The PLOVER cooperation-conflict score (the mode's when it has one, else the event's)."""
    pe = plover_event(event)
    for m in pe.modes:
        if m.mode == mode:
            return m.score
    # the manual prints ACCUSE's base as +3, a sign slip: every ACCUSE mode is negative
    return pe.score


def penta_class(code: str) -> int:
    """The Phoenix penta class (0 statement .. 4 material conflict) of a CAMEO code."""
    return cameo(code).penta
