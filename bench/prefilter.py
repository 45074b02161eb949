"""What the sentence prefilter costs in events and gains in speed, on a dev corpus.

Codes the same documents twice in one process — prefilter on, then off (every sentence
parsed) — and reports the share of full-parse events the prefilter keeps (matched on sentence
text, trigger and CAMEO code), the events it adds, and the speed ratio (medians over repeats).

    python bench/prefilter.py [--docs 200] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from throughput import load_corpus  # noqa: E402


def run(pipeline, docs):
    start = time.perf_counter()
    coded = list(pipeline.code_documents(docs))
    return time.perf_counter() - start, coded


def keys(coded):
    return {(c.document.doc_id, e.sentence.strip(), e.trigger.text, e.cameo) for c in coded for e in c.events}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from cablegram.config import Settings
    from cablegram.nlp.model import load_nlp
    from cablegram.pipeline import Pipeline
    from cablegram.records import Document

    nlp = load_nlp()
    docs = [Document(doc_id=str(i), text=t) for i, t in enumerate(load_corpus(None, args.docs))]
    on = Pipeline(nlp=nlp, settings=Settings.load({"prefilter": True}))
    off = Pipeline(nlp=nlp, settings=Settings.load({"prefilter": False}))
    on.code_text("Warm-up: Israel sold weapons to Azerbaijan.")
    times: dict[str, list[float]] = {"on": [], "off": []}
    for _ in range(args.repeat):
        t_on, coded_on = run(on, docs)
        t_off, coded_off = run(off, docs)
        times["on"].append(t_on)
        times["off"].append(t_off)
    full, fast = keys(coded_off), keys(coded_on)
    report = {
        "docs": len(docs),
        "events_full_parse": len(full),
        "events_prefilter": len(fast),
        "kept_share": round(len(full & fast) / max(len(full), 1), 3),
        "extra_events": len(fast - full),
        "median_seconds_on": round(statistics.median(times["on"]), 3),
        "median_seconds_off": round(statistics.median(times["off"]), 3),
        "speedup": round(statistics.median(times["off"]) / statistics.median(times["on"]), 3),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
