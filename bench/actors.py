"""Speed of actor resolution: mentions resolved per second on one core.

Resolves a realistic mix of mention phrases (already tokenised, as the pipeline hands them over)
with `resolve.actors.compose`, against a baseline measured in the same run: one plain dict
lookup per phrase. Reports medians over repeats and the ratio. Target: ≥ 50,000 mentions/s.

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
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from cablegram.resolve.actors import compose
    from cablegram.resolve.kb import KnowledgeBase
    from cablegram.resolve.kb.tables import builtin_entries

    kb = KnowledgeBase(builtin_entries())
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
            compose(kb, w, when)
        ours.append(time.perf_counter() - start)
    report = {
        "mentions": args.n,
        "resolved_per_s": round(args.n / statistics.median(ours)),
        "baseline_dict_lookups_per_s": round(args.n / statistics.median(base)),
        "ratio_to_baseline": round(statistics.median(base) / statistics.median(ours), 3),
        "target_per_s": 50_000,
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
