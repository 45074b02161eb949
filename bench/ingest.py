"""Read throughput of cablegram's ingest against the plainest reader of the same files.

Writes the NGEC stories (or the samples) to a temporary folder as CSV, as JSONL, as one .txt
file per story and as one HTML page per story, then times `read_inputs` over each against a
baseline in the same run: `csv.DictReader` / `json.loads` per line / `Path.read_text` per file
/ the same files read and decoded without extraction. Medians of --repeat runs; the report
gives docs/s and the ratio baseline time / ingest time (how many times slower ingest is).

    python bench/ingest.py [--docs 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import csv
import html
import io
import json
import statistics
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
NGEC = ROOT.parent / "shared" / "data" / "ngec" / "gpt_synthetic_events_2023-10-19_19.csv.zip"

from cablegram.ingest import IngestOptions, InputReader  # noqa: E402


def load_texts(n_docs: int) -> list[str]:
    """Up to n_docs story texts: the NGEC stories when present, else the samples repeated."""
    if NGEC.exists():
        with zipfile.ZipFile(NGEC) as z, z.open(z.namelist()[0]) as f:
            rows = csv.DictReader(io.TextIOWrapper(f, "utf-8"))
            return [r["text"] for _, r in zip(range(n_docs), rows, strict=False) if r.get("text")]
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    return (texts * (n_docs // max(len(texts), 1) + 1))[:n_docs]


def write_corpus(texts: list[str], folder: Path) -> dict[str, Path]:
    """The same stories as CSV, JSONL, a folder of .txt files and a folder of HTML pages."""
    with (folder / "s.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "text"])
        writer.writerows([i, t] for i, t in enumerate(texts))
    (folder / "s.jsonl").write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)))
    for kind in ("txt", "html"):
        (folder / kind).mkdir()
    for i, t in enumerate(texts):
        (folder / "txt" / f"{i}.txt").write_text(t)
        body = f"<body><article><p>{html.escape(t)}</p></article></body>"
        page = f"<html><head><title>Story {i}</title></head>{body}</html>"
        (folder / "html" / f"{i}.html").write_text(page)
    return {"csv": folder / "s.csv", "jsonl": folder / "s.jsonl", "text": folder / "txt", "html": folder / "html"}


def baseline(kind: str, path: Path) -> int:
    """The plainest read of the same input; returns the number of texts."""
    if kind == "csv":
        with path.open(newline="", encoding="utf-8") as fh:
            return sum(1 for _ in csv.DictReader(fh))
    if kind == "jsonl":
        return sum(1 for line in path.open(encoding="utf-8") if json.loads(line)["text"])
    return sum(1 for p in sorted(path.iterdir()) if p.read_text("utf-8"))


def ingest(path: Path, *, language_check: bool) -> int:
    """cablegram's read of the input (dedup on); returns the number of documents."""
    reader = InputReader(options=IngestOptions(language_check=language_check))
    return sum(1 for _ in reader.read([str(path)]))


def median_time(fn: Callable[[], int], repeat: int) -> tuple[float, int]:
    """Median seconds of `repeat` runs of fn, and what fn returned."""
    times, result = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = load_texts(args.docs)
    with tempfile.TemporaryDirectory() as tmp:
        inputs = write_corpus(texts, Path(tmp))
        print(f"{'format':<8}{'docs':>7}{'baseline docs/s':>17}{'ingest docs/s':>15}{'+language':>11}{'ratio':>8}")
        for kind, path in inputs.items():
            base_s, n = median_time(lambda k=kind, p=path: baseline(k, p), args.repeat)
            ing_s, _ = median_time(lambda p=path: ingest(p, language_check=False), args.repeat)
            lang_s, _ = median_time(lambda p=path: ingest(p, language_check=True), args.repeat)
            print(f"{kind:<8}{n:>7}{n / base_s:>17.0f}{n / ing_s:>15.0f}{n / lang_s:>11.0f}{lang_s / base_s:>8.1f}")


if __name__ == "__main__":
    main()
