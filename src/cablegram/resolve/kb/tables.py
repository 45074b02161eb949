"""Read the built-in knowledge-base tables (src/cablegram/data/kb/*.tsv) into KBEntry records."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date as Date
from importlib import resources
from pathlib import Path

from ...errors import ResolutionError
from ...records import KBEntry, KBRole

__all__ = ["builtin_entries", "cable_posts", "read_tsv"]


def _data_dir() -> Path:
    return Path(str(resources.files("cablegram") / "data" / "kb"))


def read_tsv(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a TSV table with a header line; lines starting with '#' are comments."""
    with path.open(encoding="utf-8") as f:
        lines = [(n, line) for n, line in enumerate(f, start=1) if line.strip() and not line.startswith("#")]
    reader = csv.DictReader((line for _, line in lines), delimiter="\t", quoting=csv.QUOTE_NONE)
    for (n, _), row in zip(lines[1:], reader):
        yield n, {k: (v or "").strip() for k, v in row.items() if k}


def _forms(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def _states(path: Path) -> Iterator[KBEntry]:
    for _, row in read_tsv(path):
        iso = row["iso3"]
        yield KBEntry(kb_id=f"state:{iso}", name=row["name"], patterns=_forms(row["names"]) or (row["name"],),
                      kind="state", country=iso, cameo_code=iso)
        if row["demonyms"]:
            yield KBEntry(kb_id=f"state:{iso}", name=row["name"], patterns=_forms(row["demonyms"]),
                          kind="demonym", country=iso, cameo_code=iso)
        if row["seats"]:
            yield KBEntry(kb_id=f"state:{iso}", name=row["name"], patterns=_forms(row["seats"]),
                          kind="seat", country=iso, sector="GOV", cameo_code=f"{iso}GOV")


def _sectors(path: Path) -> Iterator[KBEntry]:
    for _, row in read_tsv(path):
        noun = row["noun"]
        yield KBEntry(kb_id=f"agent:{noun}", name=noun, patterns=(noun, *plurals(noun)), kind="agent",
                      sector=row["sector"], cameo_code=row["cameo"])


def _organisations(path: Path) -> Iterator[KBEntry]:
    seen: set[str] = set()
    for _, row in read_tsv(path):
        names = _forms(row["names"])
        kb_id = f"org:{names[0]}" if names[0] not in seen else f"org:{names[0]}@{row['country'] or 'intl'}"
        seen.add(names[0])  # one acronym, several organisations (KGB of Belarus, of Russia)
        yield KBEntry(kb_id=kb_id, name=names[0], patterns=names, kind=row["kind"] or "org",
                      country=row["country"] or None, sector=row["sector"] or None,
                      cameo_code=row["cameo"] or None)


def _date(value: str, path: Path, line: int) -> Date | None:
    if not value:
        return None
    try:
        return Date.fromisoformat(value)
    except ValueError:
        raise ResolutionError("E201", path=str(path), line=line, detail=f"bad date '{value}'") from None


def _people(path: Path) -> Iterator[KBEntry]:
    merged: dict[str, tuple[set[str], list[KBRole]]] = {}
    for line, row in read_tsv(path):
        names = _forms(row["names"])
        role = KBRole(country=row["country"] or None, sector=row["sector"] or None,
                      cameo_code=row["country"] + (row["sector"] or ""), title=row["title"] or None,
                      start=_date(row["start"], path, line), end=_date(row["end"], path, line))
        patterns, roles = merged.setdefault(names[0], (set(), []))
        patterns.update(names)
        roles.append(role)
    for name, (patterns, roles) in merged.items():
        last = max(roles, key=lambda r: r.start or Date.min)
        yield KBEntry(kb_id=f"person:{name}", name=name, patterns=tuple(sorted(patterns)), kind="person",
                      country=last.country, sector=last.sector, cameo_code=last.cameo_code, roles=tuple(roles))


def plurals(noun: str) -> tuple[str, ...]:
    """English plural forms of the last word of a noun phrase (for lookups without a lemmatizer)."""
    head, _, last = noun.rpartition(" ")
    prefix = f"{head} " if head else ""
    if last.endswith("man"):
        forms = [last[:-3] + "men"]
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        forms = [last[:-1] + "ies"]
    elif last.endswith(("s", "x", "ch", "sh")):
        forms = [last + "es"]
    else:
        forms = [last + "s"]
    return tuple(prefix + f for f in forms if f != last)


def _roles(value: str) -> tuple[KBRole, ...]:
    """'AFGGOV:AFG:GOV:2001-12-23:;...' (code, country, sector, start, end) → dated roles."""
    out = []
    for part in value.split(";") if value else ():
        code, country, sector, start, end = part.split(":")
        out.append(KBRole(country=country or None, sector=sector or None, cameo_code=code,
                          start=Date.fromisoformat(start) if start else None,
                          end=Date.fromisoformat(end) if end else None))
    return tuple(out)


def _phoenix(path: Path) -> Iterator[KBEntry]:
    if not path.exists():
        return
    source = "phoenix:" + path.name
    for n, row in read_tsv(path):
        yield KBEntry(kb_id=f"phoenix:{n}", name=row["name"], patterns=tuple(row["patterns"].split("|")),
                      kind=row["kind"], country=row["country"] or None, sector=row["sector"] or None,
                      cameo_code=row["code"] or None, roles=_roles(row["roles"]), source=source)


def _phoenix_agents(path: Path) -> Iterator[KBEntry]:
    if not path.exists():
        return
    source = "phoenix:" + path.name
    for _, row in read_tsv(path):
        yield KBEntry(kb_id=f"agent:{row['noun']}", name=row["noun"], patterns=tuple(row["patterns"].split("|")),
                      kind="agent", sector=row["sector"], cameo_code=row["cameo"], source=source)


def builtin_entries() -> list[KBEntry]:
    """Every entry of the built-in tables (the converted Phoenix table first: ours take precedence)."""
    root = _data_dir()
    return [
        *_phoenix(root / "phoenix_actors.tsv"),
        *_phoenix_agents(root / "phoenix_agents.tsv"),
        *_states(root / "states.tsv"),
        *_sectors(root / "sectors.tsv"),
        *_organisations(root / "organisations.tsv"),
        *_people(root / "people.tsv"),
    ]


def cable_posts() -> dict[str, str]:
    """US diplomatic posts as cable identifiers write them → host country ("" for missions to IGOs)."""
    return {row["post"]: row["country"] for _, row in read_tsv(_data_dir() / "cable_posts.tsv")}
