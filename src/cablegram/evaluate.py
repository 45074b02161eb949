"""Score coded events against gold data, at the levels the event-data field reports.

Levels (micro precision / recall / F1 over all sentences, counting duplicates as a multiset):

    full    (source, target, CAMEO code)
    root    (3-letter source, 3-letter target, 2-digit root code)
    dyad    (source, target)
    code    the CAMEO code alone (event type)

plus `false_events`: events coded on sentences whose gold says "no event" (or lists none).

Gold readers: ``jsonl`` (one object a line: ``id``, ``text``, ``date``, ``gold.events[{source,
target, cameo}]``, ``gold.no_event``) and ``petr-xml`` (PETRARCH's validation file:
``<Sentence date id><EventCoding .../><Text>``).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import CodingError
from .records import Document, Event

if TYPE_CHECKING:
    from .pipeline import Pipeline

__all__ = [
    "EvalReport",
    "GoldSentence",
    "LevelScore",
    "LEVELS",
    "event_tuples",
    "evaluate_pipeline",
    "json_objects",
    "read_gold",
    "score",
]

Triple = tuple[str, str, str]
LEVELS: tuple[str, ...] = ("full", "root", "dyad", "code")
FORMATS: tuple[str, ...] = ("jsonl", "petr-xml")


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldSentence:
    """One gold sentence: its text, date and expected (source, target, code) events."""

    sent_id: str
    text: str
    date: Date | None = None
    events: tuple[Triple, ...] = ()
    no_event: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class LevelScore:
    """True positives, false positives and false negatives at one level, with P/R/F1."""

    level: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True, kw_only=True)
class EvalReport:
    """Scores at every level, and how many events were coded where gold expects none."""

    n_sentences: int
    n_gold_events: int
    n_predicted: int
    levels: tuple[LevelScore, ...]
    no_event_sentences: int = 0
    false_events: int = 0
    sentences_with_false_events: int = 0
    errors: tuple[dict[str, Any], ...] = field(default=())

    def level(self, name: str) -> LevelScore:
        """The score of one level ('full', 'root', 'dyad', 'code')."""
        return next(s for s in self.levels if s.level == name)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary (what `cablegram eval --out` writes)."""
        return {
            "n_sentences": self.n_sentences,
            "n_gold_events": self.n_gold_events,
            "n_predicted": self.n_predicted,
            "levels": {
                s.level: {
                    "precision": s.precision,
                    "recall": s.recall,
                    "f1": s.f1,
                    "tp": s.tp,
                    "fp": s.fp,
                    "fn": s.fn,
                }
                for s in self.levels
            },
            "no_event_sentences": self.no_event_sentences,
            "false_events": self.false_events,
            "sentences_with_false_events": self.sentences_with_false_events,
            "errors": list(self.errors),
        }


# -- gold readers -----------------------------------------------------------------------------
def _date(raw: str | None, path: str, line: int) -> Date | None:
    if not raw:
        return None
    raw = raw.strip()
    try:
        if len(raw) == 8 and raw.isdigit():
            return Date(int(raw[:4]), int(raw[4:6]), int(raw[6:]))
        return Date.fromisoformat(raw)
    except ValueError:
        raise CodingError("E304", path=path, line=line, detail=f"bad date '{raw}'") from None


def _jsonl_row(row: dict[str, Any], path: str, line: int) -> GoldSentence:
    try:
        gold = row.get("gold") or {}
        events = tuple((str(e["source"]), str(e["target"]), str(e["cameo"])) for e in gold.get("events", ()))
        return GoldSentence(
            sent_id=str(row.get("id", line)),
            text=row["text"],
            date=_date(row.get("date"), path, line),
            events=events,
            no_event=bool(gold.get("no_event", False)),
        )
    except (KeyError, TypeError) as exc:
        raise CodingError("E304", path=path, line=line, detail=f"missing field {exc}") from None


def json_objects(path: str | Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line of a JSON-lines gold file (E304 otherwise)."""
    with open(path, encoding="utf-8") as fh:
        for line, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                row = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise CodingError("E304", path=str(path), line=line, detail=str(exc)) from None
            if not isinstance(row, dict):
                raise CodingError("E304", path=str(path), line=line, detail="not a JSON object")
            yield line, row


def read_gold_jsonl(path: str | Path) -> list[GoldSentence]:
    """Read the JSON-lines gold format (see module docstring)."""
    return [_jsonl_row(row, str(path), line) for line, row in json_objects(path)]


def read_gold_petr_xml(path: str | Path) -> list[GoldSentence]:
    """Read PETRARCH's validation XML: each <Sentence> with its <EventCoding> expectations."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise CodingError("E304", path=str(path), line=exc.position[0], detail=str(exc)) from None
    out = []
    for n, sent in enumerate(root.iter("Sentence"), start=1):
        text_el = sent.find("Text")
        if text_el is None or not (text_el.text or "").strip():
            raise CodingError("E304", path=str(path), line=n, detail="<Sentence> without <Text>")
        codings = sent.findall("EventCoding")
        events = tuple(
            (c.get("sourcecode", ""), c.get("targetcode", ""), c.get("eventcode", ""))
            for c in codings
            if c.get("eventcode") is not None
        )
        out.append(
            GoldSentence(
                sent_id=sent.get("id", str(n)),
                text=" ".join((text_el.text or "").split()),
                date=_date(sent.get("date"), str(path), n),
                events=events,
                no_event=any(c.get("noevents", "").lower() == "true" for c in codings),
            )
        )
    return out


def read_gold(path: str | Path, *, fmt: str = "jsonl") -> list[GoldSentence]:
    """Read a gold file in one of FORMATS."""
    readers: dict[str, Callable[[str | Path], list[GoldSentence]]] = {
        "jsonl": read_gold_jsonl,
        "petr-xml": read_gold_petr_xml,
    }
    if fmt not in readers:
        raise CodingError(
            "E304", path=str(path), line=0, detail=f"unknown format '{fmt}' (use {', '.join(FORMATS)})"
        )
    if not Path(path).is_file():
        raise CodingError("E304", path=str(path), line=0, detail="file not found")
    return readers[fmt](path)


# -- scoring ----------------------------------------------------------------------------------
def _project(t: Triple, level: str) -> tuple[str, ...]:
    src, tgt, code = t
    if level == "full":
        return t
    if level == "root":
        return (src[:3], tgt[:3], code[:2])
    if level == "dyad":
        return (src, tgt)
    return (code,)


def score(gold: Sequence[GoldSentence], predicted: Sequence[Sequence[Triple]]) -> EvalReport:
    """Micro P/R/F1 per level over paired gold sentences and predicted triples."""
    counts = {lv: [0, 0, 0] for lv in LEVELS}
    false_events = sents_false = no_event = 0
    errors: list[dict[str, Any]] = []
    for g, pred in zip(gold, predicted, strict=True):
        for lv in LEVELS:
            gc = Counter(_project(t, lv) for t in g.events)
            pc = Counter(_project(t, lv) for t in pred)
            tp = sum((gc & pc).values())
            counts[lv][0] += tp
            counts[lv][1] += sum(pc.values()) - tp
            counts[lv][2] += sum(gc.values()) - tp
        if not g.events:
            no_event += 1
            false_events += len(pred)
            sents_false += bool(pred)
        if Counter(g.events) != Counter(pred):
            errors.append({"id": g.sent_id, "text": g.text, "gold": list(g.events), "predicted": list(pred)})
    return EvalReport(
        n_sentences=len(gold),
        n_gold_events=sum(len(g.events) for g in gold),
        n_predicted=sum(len(p) for p in predicted),
        levels=tuple(LevelScore(level=lv, tp=c[0], fp=c[1], fn=c[2]) for lv, c in counts.items()),
        no_event_sentences=no_event,
        false_events=false_events,
        sentences_with_false_events=sents_false,
        errors=tuple(errors),
    )


def event_tuples(events: Iterable[Event]) -> list[Triple]:
    """(source, target, CAMEO) triples of events: one per actor × recipient pair with codes."""
    out: list[Triple] = []
    for e in events:
        for a in e.actor:
            for r in e.recipient:
                if a.cameo_code and r.cameo_code:
                    out.append((a.cameo_code, r.cameo_code, e.cameo))
    return out


def evaluate_pipeline(gold: Sequence[GoldSentence], pipeline: Pipeline) -> EvalReport:
    """Code every gold sentence with `pipeline` (its date as the publication date) and score."""
    docs = [Document(doc_id=g.sent_id, text=g.text, published=g.date) for g in gold]
    predicted = [event_tuples(coded.events) for coded in pipeline.code_documents(docs)]
    return score(gold, predicted)
