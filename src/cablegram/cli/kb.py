"""`cablegram kb`: look up what a mention resolves to, add user entries, import PETRARCH dictionaries."""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

from ..errors import ResolutionError
from ..records import KBEntry, KBRole, kb_entry_to_json
from .common import parse_date, settings_from
from .kb_petrarch import register_kb as register_petrarch


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("kb", help="the actor knowledge base: lookup, add, import-petrarch")
    kb_sub = p.add_subparsers(dest="kb_command", required=True, metavar="KB_COMMAND")
    look = kb_sub.add_parser("lookup", help="show what a mention resolves to, and why")
    look.add_argument("text", help="a mention, e.g. 'the Israeli Foreign Ministry'")
    look.add_argument("--date", help="resolve dated roles at this date (YYYY-MM-DD; default: the latest office)")
    look.add_argument("--context", help="the passage the mention comes from: its document rules apply "
                      "(document country, cable conventions, ambiguous acronyms)")
    look.add_argument("--url", help="the passage's URL (a WikiLeaks cable URL names the embassy's country)")
    look.set_defaults(func=run_lookup)
    add = kb_sub.add_parser("add", help="add entries from a CSV or YAML file to the user knowledge base")
    add.add_argument("file", help="CSV/YAML with name, patterns ('|'), kind, country, sector, cameo_code, start, end")
    add.add_argument("--kb-dir", help="knowledge-base folder (default: the kb_dir setting)")
    add.set_defaults(func=run_add)
    register_petrarch(kb_sub)


def run_lookup(args: argparse.Namespace) -> int:
    from ..resolve.actors import ActorResolver

    resolver = ActorResolver(settings=settings_from(args))
    context = getattr(args, "context", None)
    res = resolver.lookup(args.text, date=parse_date(args.date), context=context, url=getattr(args, "url", None))
    if res is None:
        print(f"'{args.text}': not an actor (nothing in it is in the knowledge base)")
        return 1
    print(f"{args.text!r} → {res.cameo_code or '-'}  country={res.country or '-'} sector={res.sector or '-'}"
          f" name={res.name or '-'} kb_id={res.kb_id or '-'} rule={res.rule}")
    for reason in res.why:
        print(f"  because {reason}")
    return 0


def _rows(path: Path) -> list[dict]:
    if not path.exists():
        raise ResolutionError("E201", path=str(path), line=0, detail="file not found")
    if path.suffix.lower() in {".yaml", ".yml"}:
        import yaml

        data = yaml.safe_load(path.read_text("utf-8")) or []
        if not isinstance(data, list):
            raise ResolutionError("E201", path=str(path), line=1, detail="expected a list of entries")
        return data
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def user_entries(path: Path) -> list[KBEntry]:
    """Validated entries from a user CSV/YAML file (coded errors name the line)."""
    entries = []
    for n, row in enumerate(_rows(path), start=2):
        name = str(row.get("name") or "").strip()
        if not name:
            raise ResolutionError("E201", path=str(path), line=n, detail="missing 'name'")
        country = str(row.get("country") or "").strip().upper() or None
        if country and not (len(country) == 3 and country.isalpha()):
            raise ResolutionError("E203", value=country, path=str(path), line=n)
        sector = str(row.get("sector") or "").strip().upper() or None
        patterns = tuple(p.strip() for p in str(row.get("patterns") or name).split("|") if p.strip())
        start, end = row.get("start"), row.get("end")
        roles: tuple[KBRole, ...] = ()
        if start or end:
            roles = (KBRole(country=country, sector=sector, cameo_code=(country or "---") + (sector or ""),
                            title=row.get("title") or None, start=parse_date(str(start)) if start else None,
                            end=parse_date(str(end)) if end else None),)
        entries.append(KBEntry(kb_id=f"user:{name}", name=name, patterns=patterns,
                               kind=str(row.get("kind") or "org"), country=country, sector=sector,
                               cameo_code=row.get("cameo_code") or ((country or "---") + (sector or "")),
                               roles=roles, source=f"user:{path.name}"))
    return entries


def run_add(args: argparse.Namespace) -> int:
    path = Path(args.file)
    entries = user_entries(path)
    folder = Path(args.kb_dir or settings_from(args)["kb_dir"]).expanduser()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"user-{path.stem}.jsonl"
    tmp = target.with_suffix(".tmp")
    tmp.write_text("".join(json.dumps(kb_entry_to_json(e)) + "\n" for e in entries), "utf-8")
    tmp.replace(target)  # re-adding the same file replaces its entries: no duplicates
    print(f"added {len(entries)} entries -> {target}")
    return 0
