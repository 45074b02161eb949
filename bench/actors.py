"""Speed of actor resolution: mentions resolved per second on one core; memory of the tables.

Resolves a realistic mix of mention phrases (already tokenised, as the pipeline hands them over)
with `resolve.actors.compose` against the full built-in knowledge base (our tables plus the
converted Phoenix ones), with the document's country weights as the pipeline passes them, against
a baseline measured in the same run: one plain dict lookup per phrase. Reports medians over
repeats and the ratio. Targets: ≥ 50,000 mentions/s; tables under 150 MB (traced allocation of
building the knowledge base).

    python bench/actors.py [--n 200000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

PHRASES = [
    "the Israeli Foreign Ministry", "Azerbaijani police", "Israel 's Mossad intelligence agency",
    "President Ilham Aliyev", "Israeli citizens", "the new US ambassador", "would - be demonstrators",
    "Russia", "the Kremlin", "Ukrainian troops", "Hezbollah", "the United Nations Security Council",
    "Iranian lawmakers", "a former CIA official", "protesters", "the opposition", "Turkish Prime Minister",
    "Egyptian police", "the European Union", "Georgian Prime Minister Nika Gilauri",
    "the ROYG", "Iran - backed militias", "King Hassan of Morocco", "security forces", "AMISOM", "RSF",
    "the Lebanese Armed Forces", "Hamid Karzai", "Eastern Ukraine", "the regime",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    import tracemalloc

    from cablegram.resolve.actors import compose
    from cablegram.resolve.kb import KnowledgeBase, tokens_of
    from cablegram.resolve.kb.tables import builtin_entries

    tokens_of("warm up the tokenizer")  # not part of the tables' memory
    tracemalloc.start()
    start = time.perf_counter()
    kb = KnowledgeBase(builtin_entries())
    load_s = time.perf_counter() - start
    tables_mb = tracemalloc.get_traced_memory()[0] / 1e6
    tracemalloc.stop()
    weights = {"SDN": 3.0, "YEM": 2.0}
    words = [p.split() for p in PHRASES]
    work = [words[i % len(words)] for i in range(args.n)]
    table = {" ".join(w).lower(): w for w in words}
    when = date(2012, 3, 1)
    base, ours = [], []
    for _ in range(args.repeat):
        start = time.perf_counter()
        for w in work:
            table.get(" ".join(w).lower())
        base.append(time.perf_counter() - start)
        start = time.perf_counter()
        for w in work:
            compose(kb, w, when, weights=weights)
        ours.append(time.perf_counter() - start)
    report = {
        "mentions": args.n,
        "resolved_per_s": round(args.n / statistics.median(ours)),
        "baseline_dict_lookups_per_s": round(args.n / statistics.median(base)),
        "ratio_to_baseline": round(statistics.median(base) / statistics.median(ours), 3),
        "target_per_s": 50_000,
        "kb_entries": len(kb.entries),
        "tables_mb": round(tables_mb, 1),
        "tables_target_mb": 150,
        "kb_build_s": round(load_s, 2),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
