"""Score coded events against passage-level gold coded by hand (the `realdev` schema).

A gold record is a passage with hand-set sentences and event *mentions* (PLOVER type, CAMEO
root and code, source and target actors with countries and sectors, factuality, location text).
Scoring follows the rules every figure of the project is quoted with:

- a gold event is **found** when a predicted event of the same PLOVER type (or one of the
  event's listed `alternatives`) has its trigger inside the same gold sentence;
- **with source**: also one source country in common (or the gold names no source country);
- **with dyad**: one candidate with a source and a target country both right (where gold has them);
- **precision**: predicted events whose sentence holds a gold event of that type; events coded in
  sentences the gold marks as having no event are also counted apart;
- **factuality**: for found events, the best candidate's factuality against the gold label.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import CodingError
from .records import Document, Event

if TYPE_CHECKING:
    from .pipeline import Pipeline
    from .records import CodedDocument

__all__ = [
    "RealScore",
    "is_realdev",
    "read_realdev",
    "realdev_documents",
    "score_realdev",
    "evaluate_realdev",
    "misses",
    "gold_types",
    "sentence_of",
    "FACTUALITY_GOLD",
]

# our factuality values → the gold's labels
FACTUALITY_GOLD = {
    "asserted": "asserted",
    "reported": "reported_speech",
    "speculative": "speculative",
    "hypothetical": "speculative",
    "negated": "negated",
    "planned": "planned_or_threatened",
}


@dataclass(slots=True, kw_only=True)
class RealScore:
    """Counts behind the realdev figures; rates are properties."""

    gold_events: int = 0
    found: int = 0
    found_with_source: int = 0
    found_with_dyad: int = 0
    predicted: int = 0
    predicted_ok: int = 0
    in_no_event_sentences: int = 0
    no_event_sentences: int = 0
    unplaced: int = 0
    factuality_total: int = 0
    factuality_right: int = 0
    per_type: dict[str, list[int]] = field(default_factory=dict)

    @property
    def recall(self) -> float:
        return self.found / self.gold_events if self.gold_events else 0.0

    @property
    def recall_with_source(self) -> float:
        return self.found_with_source / self.gold_events if self.gold_events else 0.0

    @property
    def recall_with_dyad(self) -> float:
        return self.found_with_dyad / self.gold_events if self.gold_events else 0.0

    @property
    def precision(self) -> float:
        return self.predicted_ok / self.predicted if self.predicted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def factuality_accuracy(self) -> float:
        return self.factuality_right / self.factuality_total if self.factuality_total else 0.0

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary (what `cablegram eval --out` writes for this schema)."""
        return {
            "recall": self.recall,
            "recall_with_source": self.recall_with_source,
            "recall_with_dyad": self.recall_with_dyad,
            "precision": self.precision,
            "f1": self.f1,
            "gold_events": self.gold_events,
            "predicted": self.predicted,
            "in_no_event_sentences": self.in_no_event_sentences,
            "no_event_sentences": self.no_event_sentences,
            "unplaced": self.unplaced,
            "factuality_accuracy": self.factuality_accuracy,
            "factuality_scored": self.factuality_total,
            "per_type_recall": {k: {"found": v[1], "gold": v[0]} for k, v in sorted(self.per_type.items())},
        }


# -- reading ---------------------------------------------------------------------------------
def is_realdev(path: str | Path) -> bool:
    """True when the file's first record is a passage with hand-set sentences and events."""
    try:
        with open(path, encoding="utf-8") as fh:
            for raw in fh:
                if raw.strip():
                    row = json.loads(raw)
                    return isinstance(row, dict) and "sentences" in row and "events" in row
    except (OSError, ValueError):
        return False
    return False


def read_realdev(path: str | Path) -> list[dict[str, Any]]:
    """The gold passages, checked for the fields scoring needs (E304 names the bad line)."""
    if not Path(path).is_file():
        raise CodingError("E304", path=str(path), line=0, detail="file not found")
    from .evaluate import json_objects

    out = []
    for line, row in json_objects(path):
        missing = [k for k in ("id", "text", "sentences", "events") if k not in row]
        if missing:
            raise CodingError("E304", path=str(path), line=line, detail=f"missing field(s) {', '.join(missing)}")
        out.append(row)
    return out


def _iso(raw: Any) -> Date | None:
    try:
        return Date.fromisoformat(str(raw)[:10]) if raw else None
    except ValueError:
        return None


def realdev_documents(records: Iterable[dict[str, Any]]) -> list[Document]:
    """The passages as documents, dated by publication (else the inferred document date)."""
    return [
        Document(
            doc_id=str(r["id"]),
            text=r["text"],
            published=_iso(r.get("pub_date")) or _iso(r.get("doc_date_inferred")),
            url=r.get("url"),
            input_format="jsonl",
        )
        for r in records
    ]


# -- scoring ---------------------------------------------------------------------------------
def sentence_of(record: Mapping[str, Any], event: Event) -> int | None:
    """Index of the gold sentence holding the event's trigger (None when none does)."""
    pos = event.trigger.start
    for s in record["sentences"]:
        if s["start"] <= pos < s["end"]:
            return int(s["index"])
    return None


def gold_types(gold_event: Mapping[str, Any]) -> set[str]:
    """The gold event's PLOVER type and its listed alternatives."""
    alts = {a["plover_event"] for a in gold_event.get("alternatives") or () if a.get("plover_event")}
    return {gold_event["plover_event"]} | alts


def _countries(actors: Iterable[Any]) -> set[str]:
    return {a["country"] if isinstance(a, dict) else a.country for a in actors} - {None, ""}


def _score_event(gold: dict[str, Any], cands: Sequence[Event], score: RealScore) -> None:
    """Count one gold event against the predicted events of its type in its sentence."""
    kind = gold["plover_event"]
    score.per_type.setdefault(kind, [0, 0])[0] += 1
    if not cands:
        return
    score.found += 1
    score.per_type[kind][1] += 1
    want_s, want_t = _countries(gold.get("source") or ()), _countries(gold.get("target") or ())

    def fit(e: Event) -> tuple[bool, bool]:
        src_ok = not want_s or bool(want_s & _countries(e.actor))
        return src_ok, src_ok and (not want_t or bool(want_t & _countries(e.recipient)))

    fits = [fit(e) for e in cands]
    score.found_with_source += any(s for s, _ in fits)
    score.found_with_dyad += any(d for _, d in fits)
    best = max(zip(cands, fits), key=lambda p: (p[1][1], p[1][0]))[0]
    if gold.get("factuality"):
        score.factuality_total += 1
        score.factuality_right += FACTUALITY_GOLD.get(best.factuality, best.factuality) == gold["factuality"]


def score_realdev(records: Sequence[dict[str, Any]], coded: Iterable[CodedDocument]) -> RealScore:
    """Score coded documents (any order) against the gold passages."""
    by_id = {c.document.doc_id: c for c in coded}
    score = RealScore()
    for r in records:
        events = by_id[str(r["id"])].events if str(r["id"]) in by_id else ()
        placed = [(sentence_of(r, e), e) for e in events]
        score.unplaced += sum(1 for s, _ in placed if s is None)
        kinds: dict[int, set[str]] = {}
        for g in r["events"]:
            kinds.setdefault(int(g["sentence_index"]), set()).update(gold_types(g))
            score.gold_events += 1
            cands = [e for s, e in placed if s == g["sentence_index"] and e.event in gold_types(g)]
            _score_event(g, cands, score)
        no_event = set(r.get("no_event_sentences") or ())
        score.no_event_sentences += len(no_event)
        for s, e in placed:
            score.predicted += 1
            score.predicted_ok += s is not None and e.event in kinds.get(s, set())
            score.in_no_event_sentences += s in no_event
    return score


def misses(records: Sequence[dict[str, Any]], coded: Iterable[CodedDocument]) -> list[str]:
    """Sentence by sentence: gold events missed (MISS) or found with a wrong SOURCE or TARGET
    country, and predictions of a type the gold lacks (EXTRA; NOEVENT in a no-event sentence)."""
    by_id = {c.document.doc_id: c for c in coded}
    out: list[str] = []

    def show(actors: Iterable[Any]) -> str:
        def one(a: Any) -> str:
            c, s = (a.get("country"), a.get("sector")) if isinstance(a, dict) else (a.country, a.sector)
            return f"{c or '-'}/{s or '-'}"

        return "[" + ", ".join(one(a) for a in actors) + "]"

    for r in records:
        coded_doc = by_id.get(str(r["id"]))
        placed = [(sentence_of(r, e), e) for e in (coded_doc.events if coded_doc else ())]
        no_event = set(r.get("no_event_sentences") or ())
        for s in r["sentences"]:
            gold = [g for g in r["events"] if g["sentence_index"] == s["index"]]
            pred = [e for i, e in placed if i == s["index"]]
            lines = []
            for g in gold:
                hit = [e for e in pred if e.event in gold_types(g)]
                src, tgt = _countries(g.get("source") or ()), _countries(g.get("target") or ())
                if not hit:
                    tag = "MISS"
                elif src and not any(src & _countries(e.actor) for e in hit):
                    tag = "SOURCE"
                elif tgt and not any(tgt & _countries(e.recipient) for e in hit):
                    tag = "TARGET"
                else:
                    continue
                code = g.get("cameo_code") or g.get("cameo_root")
                lines.append(f"  {tag:7} gold {g['plover_event']}/{code} {show(g.get('source') or ())} -> "
                             f"{show(g.get('target') or ())}")
            kinds = {k for g in gold for k in gold_types(g)}
            for e in pred:
                if e.event not in kinds:
                    tag = "NOEVENT" if s["index"] in no_event else "EXTRA"
                    lines.append(f"  {tag:7} pred {e.event}/{e.cameo} '{e.trigger.text}' {show(e.actor)} -> "
                                 f"{show(e.recipient)}")
            if lines:
                out.append(f"{r['id']}[{s['index']}] {' '.join(s['text'].split())}")
                out.extend(lines)
    return out


def evaluate_realdev(records: Sequence[dict[str, Any]], pipeline: Pipeline) -> tuple[RealScore, list[CodedDocument]]:
    """Code every passage with `pipeline` and score it; the coded documents come back too."""
    coded = list(pipeline.code_documents(realdev_documents(records)))
    return score_realdev(records, coded), coded
