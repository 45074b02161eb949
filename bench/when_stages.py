"""Cost of the date and place stages, as a ratio to parsing the same text.

    PYTHONPATH=src python bench/when_stages.py [N_STORIES]

Reads N (default 300) synthetic news stories from ../shared/data/ngec (skips without it),
parses them once, then times, over every sentence as if it were an event (the worst case):
the actor stage with stub date/place stages (baseline), and the same with the real ones.
Reports medians of 3 runs: µs per event and the stages' share of the parse time.
"""

from __future__ import annotations

import csv
import io
import random
import statistics
import sys
import time
import zipfile
from datetime import date
from pathlib import Path

from cablegram.pipeline import Pipeline
from cablegram.records import DateRef, DocContext, Document, Event, TextSpan

NGEC = Path(__file__).resolve().parents[2] / "shared" / "data" / "ngec"
CORPUS = NGEC / "gpt_synthetic_events_2023-10-19_19.csv.zip"


class _StubDates:
    def dateline(self, document):
        return None, None

    def resolve(self, doc, start, end, ctx, *, past=True):
        return DateRef(date=ctx.document.published, precision="day", basis="publication")


class _StubPlaces:
    def locate(self, doc, event, mentions, ctx):
        return None


def _stories(n: int) -> list[str]:
    with zipfile.ZipFile(CORPUS) as zf:
        rows = list(csv.DictReader(io.TextIOWrapper(zf.open(zf.namelist()[0]), encoding="utf-8")))
    random.seed(1)
    return [r["text"] for r in random.sample(rows, n)]


def _run(pipeline: Pipeline, texts, docs, dates, places) -> tuple[float, int]:
    n = 0
    start = time.perf_counter()
    for text, doc in zip(texts, docs, strict=True):
        document = Document(doc_id="b", text=text, published=date(2023, 10, 19))
        dateline, dateline_place = dates.dateline(document)
        ctx = DocContext(document=document, dateline=dateline, dateline_place=dateline_place)
        mentions = pipeline.stages["actors"].find_mentions(doc, ctx)
        for sent in doc.sents:
            root = sent.root
            span = TextSpan(text=root.text, start=root.idx, end=root.idx + len(root))
            event = Event(event_id="e", doc_id="b", sentence_index=0, sentence=sent.text,
                          trigger=span, event="", cameo="")
            dates.resolve(doc, span.start, span.end, ctx)
            places.locate(doc, event, mentions, ctx)
            n += 1
    return time.perf_counter() - start, n


def main(n_stories: int = 300) -> None:
    """Print the medians; see the module docstring."""
    if not CORPUS.is_file():
        print(f"skipped: {CORPUS} is not present")
        return
    texts = _stories(n_stories)
    pipeline = Pipeline()
    _ = pipeline.stages["places"].gazetteer  # load once, outside the timings
    parse = []
    for _ in range(3):
        start = time.perf_counter()
        docs = list(pipeline.nlp.pipe(texts))
        parse.append(time.perf_counter() - start)
    base = [_run(pipeline, texts, docs, _StubDates(), _StubPlaces())[0] for _ in range(3)]
    stages = (pipeline.stages["dates"], pipeline.stages["places"])
    real = [_run(pipeline, texts, docs, *stages) for _ in range(3)]
    n_events = real[0][1]
    extra = statistics.median(r[0] for r in real) - statistics.median(base)
    print(f"{n_stories} stories, {n_events} sentences treated as events")
    print(f"dates+places: {extra / n_events * 1e6:.0f} us per event; "
          f"{extra / statistics.median(parse):.3f} x the parse time (median of 3)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
