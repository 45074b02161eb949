"""Build our CAMEO table (src/cablegram/data/ontology/cameo.tsv) once from the reference facts.

Run by hand when the reference facts change:
    python scripts/build_ontology.py ../shared/data/ontology/cameo_codes.tsv
The output is our own format: numeric facts (code, level, Goldstein, quad, penta class, PLOVER
mapping) plus a short label in sentence case. The product reads only the output table.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/cablegram/data/ontology/cameo.tsv"
# PLOVER 2021 mapping quirks we normalise: old mode names folded into the 2021 mode list.
_MODE_FIX = {
    "assassinate": "targeted",
    "massacre": "unconventional",
    "cleansing": "unconventional",
    "pro_autocracy": "crowd-control",
    "return": "release",
    "ease": "",
    "ban": "restrict",
    "political": "restrict",
}
# destroying property is an ASSAULT in the 2021 map, whose mode for it is "destroy"
_CODE_MODE = {"1712": "destroy"}
_CONTEXT_FIX = {"humanitarian": "human_security", "democracy": "pro_democracy"}


def _label(name: str) -> str:
    name = name.strip().replace("Apolgize", "Apologize").replace("adminstrative", "administrative")
    name = name.replace("Ostruct", "Obstruct")
    return name[:1].upper() + name[1:].lower() if name.isupper() else name


def _event(row: dict[str, str]) -> str:
    ev = row["plover_event_2021"].strip()
    if ev.startswith("dropped") or "/" in ev:
        return ""
    return ev


def main(src: str) -> None:
    rows = list(csv.DictReader(open(src, encoding="utf-8"), delimiter="\t"))
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(
            ["code", "level", "root", "goldstein", "quad", "penta", "event", "mode", "context", "label"]
        )
        for r in rows:
            mode = r["plover_mode_2021"].strip()
            mode = _CODE_MODE.get(r["cameo_code"], _MODE_FIX.get(mode, mode))
            ctx = [
                _CONTEXT_FIX.get(c.strip(), c.strip())
                for c in r["plover_context_2021"].split(";")
                if c.strip()
            ]
            quad = r["quad_gdelt_icews(1=VC,2=MC,3=VK,4=MK)"]
            penta = r["pentaclass_phoenix(0..4)"]
            w.writerow(
                [
                    r["cameo_code"],
                    r["level"],
                    r["root"],
                    r["goldstein"],
                    quad,
                    penta,
                    _event(r),
                    mode,
                    ",".join(ctx),
                    _label(r["name"]),
                ]
            )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/ontology/cameo_codes.tsv")
