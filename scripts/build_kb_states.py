"""Write src/cablegram/data/kb/states.tsv: pycountry's names joined with our own facts.

Run once when the facts change: `python scripts/build_kb_states.py`. The product reads only the
written table, never pycountry's database at run time.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pycountry

sys.path.insert(0, str(Path(__file__).parent))
from kb_states_extra import EXTRA  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "src" / "cablegram" / "data" / "kb" / "states.tsv"

# Dependencies fold into the parent state (PLOVER), except those with their own entry.
FOLDED = {
    "PRI": "USA", "GUM": "USA", "VIR": "USA", "ASM": "USA", "GRL": "DNK", "FRO": "DNK",
    "GIB": "GBR", "BMU": "GBR", "CYM": "GBR", "FLK": "GBR", "NCL": "FRA", "PYF": "FRA",
    "GUF": "FRA", "REU": "FRA", "MTQ": "FRA", "GLP": "FRA", "MAC": "CHN", "ABW": "NLD",
    "CUW": "NLD",
}


def split(value: str) -> list[str]:
    return [v for v in value.split("|") if v]


def main() -> None:
    names: dict[str, list[str]] = {iso: [] for iso in EXTRA}
    canonical: dict[str, str] = {}
    for c in pycountry.countries:
        iso = FOLDED.get(c.alpha_3, c.alpha_3)
        if iso not in EXTRA:
            continue
        forms = [getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)]
        if c.alpha_3 in FOLDED:
            forms = [c.name]
        for form in forms:
            if form and form not in names[iso]:
                names[iso].append(form)
        if c.alpha_3 == iso:
            canonical[iso] = getattr(c, "common_name", None) or c.name
    canonical.update(KOS="Kosovo", COD="Democratic Republic of the Congo", COG="Republic of the Congo",
                     RUS="Russia", BRN="Brunei", TUR="Turkey", VAT="Holy See")
    lines = [
        "# States and PLOVER special cases: ISO3 (KOS for Kosovo), canonical name, names,"
        " demonyms/adjectives, capitals and seats of power used as metonyms. '|' separates forms.",
        "iso3\tname\tnames\tdemonyms\tseats",
    ]
    for iso in sorted(EXTRA):
        demonyms, seats, extra = EXTRA[iso]
        forms = names[iso] + [x for x in split(extra) if x not in names[iso]]
        name = canonical.get(iso, forms[0] if forms else iso)
        if "," in name:  # pycountry's "Korea, Republic of" style: prefer our first extra name
            name = split(extra)[0] if extra else name
        forms = [f for f in forms if "," not in f]
        lines.append("\t".join([iso, name, "|".join(forms), demonyms, seats]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines) - 2} states to {OUT}")


if __name__ == "__main__":
    main()
