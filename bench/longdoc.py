"""Coding time against document length: is the work per document linear?

Builds one document each of about 10 KB, 100 KB and 1 MB by joining news stories with blank
lines (the NGEC synthetic stories from ../shared/data when present, else samples/), codes each
with the full pipeline and, as the baseline measured in the same process, parses it with plain
`nlp(text)`. Reports the median seconds per KB of each and the ratio of every size's per-KB
time to the 10 KB one: linear coding keeps that ratio near 1 (the goal: 1 MB within 1.5x).

    python bench/longdoc.py [--sizes 10,100,1000] [--repeat 3] [--profile KB]

--profile KB codes the document of that size once under cProfile and prints the functions
with the most time of their own, outside spaCy's parser: where any remaining cost sits.
"""

from __future__ import annotations

import argparse
import csv
import io
import statistics
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NGEC = ROOT.parent / "shared" / "data" / "ngec" / "gpt_synthetic_events_2023-10-19_19.csv.zip"


def stories() -> list[str]:
    """News stories to join: NGEC when present (as the reliability report did), else samples/."""
    if NGEC.exists():
        with zipfile.ZipFile(NGEC) as z, z.open(z.namelist()[0]) as f:
            rows = csv.DictReader(io.TextIOWrapper(f, "utf-8"))
            return [r["text"] for r in rows if r.get("text")]
    return [p.read_text("utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]


def document(texts: list[str], kilobytes: int) -> str:
    """Stories joined by blank lines up to `kilobytes` KB (cycling through them if needed)."""
    target, parts, size, i = kilobytes * 1000, [], 0, 0
    while size < target:
        text = texts[i % len(texts)]
        parts.append(text)
        size += len(text.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(parts)


def timed(fn, repeat: int) -> float:
    """Median seconds of `repeat` calls."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,100,1000", help="document sizes in KB (default 10,100,1000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the median is reported")
    parser.add_argument("--profile", type=int, metavar="KB", help="profile coding one document of this size")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from cablegram.nlp.model import load_nlp
    from cablegram.pipeline import Pipeline
    from cablegram.records import Document

    texts = stories()
    nlp = load_nlp()
    pipeline = Pipeline(nlp=nlp)
    pipeline.code_text("Warm-up: Israel sold weapons to Azerbaijan on Monday.")  # tables built once
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.profile:
        profile(pipeline, Document(doc_id="p", text=document(texts, args.profile)))
        return
    print(f"{'size':>8} {'bytes':>9} {'code s':>8} {'code ms/KB':>11} {'parse ms/KB':>12} "
          f"{'code/parse':>10} {'ms/KB vs first':>15}")
    run(pipeline, nlp, texts, sizes=sizes, repeat=args.repeat, echo=True)


def run(pipeline, nlp, texts: list[str], *, sizes: list[int], repeat: int, echo: bool = False) -> list[dict]:
    """One row of figures per size: seconds and ms/KB for coding and for the plain parse."""
    from cablegram.records import Document

    rows: list[dict] = []
    for kb in sizes:
        text = document(texts, kb)
        size = len(text.encode("utf-8"))
        nlp.max_length = max(nlp.max_length, len(text) + 1)
        doc = Document(doc_id=f"long-{kb}", text=text)
        runs = repeat if kb <= 100 else max(1, repeat - 2)
        coded = timed(lambda d=doc: pipeline.code_document(d), runs)
        parsed = timed(lambda t=text: nlp(t), runs)
        row = {"kb": kb, "bytes": size, "code_s": coded, "code_ms_per_kb": coded / size * 1e6,
               "parse_ms_per_kb": parsed / size * 1e6, "code_over_parse": coded / parsed}
        row["vs_first"] = row["code_ms_per_kb"] / (rows[0]["code_ms_per_kb"] if rows else row["code_ms_per_kb"])
        rows.append(row)
        if echo:
            print(f"{kb:>6}KB {size:>9} {coded:>8.2f} {row['code_ms_per_kb']:>11.2f} "
                  f"{row['parse_ms_per_kb']:>12.2f} {row['code_over_parse']:>10.2f} {row['vs_first']:>15.2f}",
                  flush=True)
    return rows


def profile(pipeline, doc) -> None:
    """Print the functions with the most own time when coding `doc` (spaCy's parse included)."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    pipeline.code_document(doc)
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
