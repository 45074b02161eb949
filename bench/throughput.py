"""Throughput of `cablegram code` against plain `nlp.pipe` over the same corpus, same machine.

Each measurement runs in a fresh subprocess (so peak RSS is its own) and is repeated; the
report gives medians and the ratio cablegram / baseline. Baseline: the full en_core_web_sm
pipeline via `nlp.pipe` over the same texts, nothing else.

    python bench/throughput.py [--docs 300] [--repeat 3] [--corpus PATH]

Corpus: the NGEC synthetic stories (../shared/data/ngec/...csv.zip) when present, else samples/.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import resource
import statistics
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NGEC = ROOT.parent / "shared" / "data" / "ngec" / "gpt_synthetic_events_2023-10-19_19.csv.zip"


def load_corpus(path: Path | None, n_docs: int) -> list[str]:
    """Up to n_docs texts from the NGEC zip, or the sample articles."""
    path = path or NGEC
    if path.exists() and path.suffix == ".zip":
        with zipfile.ZipFile(path) as z, z.open(z.namelist()[0]) as f:
            rows = csv.DictReader(io.TextIOWrapper(f, "utf-8"))
            return [r["text"] for _, r in zip(range(n_docs), rows) if r.get("text")]
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    return (texts * (n_docs // max(len(texts), 1) + 1))[:n_docs]


def worker(mode: str, texts: list[str]) -> dict[str, float]:
    """Time one mode over the texts; returns seconds, words, sentences and peak RSS (MiB)."""
    sys.path.insert(0, str(ROOT / "src"))
    from cablegram.nlp.model import load_nlp
    from cablegram.pipeline import Pipeline
    from cablegram.records import Document

    nlp = load_nlp()
    words = sentences = 0
    if mode == "baseline":
        start = time.perf_counter()
        for doc in nlp.pipe(texts, batch_size=64):
            words += sum(1 for t in doc if not t.is_punct and not t.is_space)
            sentences += sum(1 for _ in doc.sents)
    else:
        pipeline = Pipeline(nlp=nlp)
        pipeline.code_text("Warm-up: Israel sold weapons to Azerbaijan.")
        docs = [Document(doc_id=str(i), text=t) for i, t in enumerate(texts)]
        start = time.perf_counter()
        for coded in pipeline.code_documents(docs):
            words += coded.n_words
            sentences += coded.n_sentences
    seconds = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "words": words, "sentences": sentences, "rss_mib": rss}


def run_once(mode: str, args: argparse.Namespace) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--worker", mode, "--docs", str(args.docs)]
    if args.corpus:
        cmd += ["--corpus", str(args.corpus)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--worker", choices=("baseline", "cablegram"))
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, load_corpus(args.corpus, args.docs))))
        return
    results: dict[str, list[dict[str, float]]] = {"baseline": [], "cablegram": []}
    for _ in range(args.repeat):
        for mode in results:  # interleaved so drift on a noisy machine hits both alike
            results[mode].append(run_once(mode, args))
    report = {}
    for mode, runs in results.items():
        secs = statistics.median(r["seconds"] for r in runs)
        report[mode] = {
            "median_seconds": round(secs, 3),
            "words_per_s": round(runs[0]["words"] / secs),
            "sentences_per_s": round(runs[0]["sentences"] / secs, 1),
            "peak_rss_mib": round(statistics.median(r["rss_mib"] for r in runs)),
        }
    report["ratio_speed_cablegram_over_baseline"] = round(
        report["baseline"]["median_seconds"] / report["cablegram"]["median_seconds"], 3
    )
    report["docs"] = args.docs
    report["repeat"] = args.repeat
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
