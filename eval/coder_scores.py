"""Scores of the event coder on the development gold sets (used by eval/test_coder.py).

(a) ConfliBERT CAMEO sentences: the penta class (0 statement .. 4 material conflict) of the
    strongest event per sentence, from its CAMEO code. A sentence where we code no event is
    predicted as class 0 ("statement"): CAMEO's catch-all for talk without action, and the class
    an analyst would file an uncoded news sentence under. Coverage (sentences with an event) is
    reported beside it so that choice cannot hide a silent coder.
(b) NGEC synthetic stories: the PLOVER event type of the story, read as the main event of the
    first sentence that has one, within the story's first three sentences. A fixed sample (seeded)
    and the lead only keep the runtime short.
"""

from __future__ import annotations

import csv
import io
import random
import re
import zipfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from cablegram.coder import ontology
from cablegram.coder.rules import strongest_event
from cablegram.records import CodedDocument, Document, Event

NGEC_SAMPLE = 600
LEAD_SENTENCES = 3
_SENT_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def lead(text: str, *, n: int = LEAD_SENTENCES) -> str:
    """The first n sentences of a story: the event a story is written for is stated up front,
    and parsing only the lead keeps the gate fast."""
    return " ".join(_SENT_END.split(text.strip())[:n])


def macro_f1(gold: Sequence[object], pred: Sequence[object]) -> float:
    """Macro-averaged F1 over the gold labels."""
    scores = []
    for label in sorted(set(gold), key=str):
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == label and p != label)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def _by_sentence(coded: CodedDocument) -> dict[int, list[Event]]:
    out: dict[int, list[Event]] = {}
    for e in coded.events:
        out.setdefault(e.sentence_index, []).append(e)
    return out


def conflibert(pipeline, data: Path) -> dict[str, float]:
    """Penta-class accuracy, macro-F1 and coverage on the ConfliBERT CAMEO sentences."""
    rows = [
        ln.rsplit("\t", 1)
        for ln in (data / "conflibert_train/cameo_class_train.tsv").read_text().splitlines()
    ]
    rows = [(t, int(y)) for t, y in rows if y.strip().isdigit()]
    docs = [Document(doc_id=f"cb{i}", text=t) for i, (t, _) in enumerate(rows)]
    gold, pred, covered = [], [], 0
    for (_, y), coded in zip(rows, pipeline.code_documents(docs), strict=True):
        best = strongest_event(coded.events)
        covered += best is not None
        gold.append(y)
        pred.append(ontology.penta_class(best.cameo) if best else 0)
    acc = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)
    return {"penta_accuracy": acc, "penta_macro_f1": macro_f1(gold, pred), "coverage": covered / len(gold)}


def ngec_stories(data: Path, *, n: int = NGEC_SAMPLE) -> list[tuple[str, str]]:
    """A fixed, seeded sample of (story text, PLOVER event) pairs."""
    with zipfile.ZipFile(data / "ngec/gpt_synthetic_events_2023-10-19_19.csv.zip") as z:
        with z.open(z.namelist()[0]) as fh:
            rows = [(r["text"], r["label"]) for r in csv.DictReader(io.TextIOWrapper(fh, "utf-8"))]
    return random.Random(20231019).sample(rows, n)


def story_event(coded: CodedDocument) -> str | None:
    """The story's event: the strongest event of its first sentence that has one."""
    by_sent = _by_sentence(coded)
    if not by_sent:
        return None
    best = strongest_event(by_sent[min(by_sent)])
    return best.event if best else None


def ngec(pipeline, data: Path) -> dict[str, float]:
    """PLOVER event-type accuracy (and coverage) on the NGEC synthetic-story sample."""
    sample = ngec_stories(data)
    docs = [Document(doc_id=f"ng{i}", text=lead(t)) for i, (t, _) in enumerate(sample)]
    pred = [story_event(c) for c in pipeline.code_documents(docs)]
    gold = [y for _, y in sample]
    confusion = Counter((g, p) for g, p in zip(gold, pred, strict=True) if g != p)
    return {
        "plover_accuracy": sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold),
        "plover_macro_f1": macro_f1(gold, pred),
        "coverage": sum(p is not None for p in pred) / len(pred),
        "top_confusions": confusion.most_common(12),  # type: ignore[dict-item]
    }
