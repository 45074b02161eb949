"""`cablegram kb`: look up what a mention resolves to, add user entries, import PETRARCH dictionaries."""

from __future__ import annotations

import argparse
import csv
import io
import json
from datetime import date as Date
from pathlib import Path
from typing import Any

from ..config import SETTINGS
from ..errors import ConfigError, ResolutionError
from ..records import KBEntry, KBRole, kb_entry_to_json
from .common import parse_date, settings_from
from .kb_petrarch import register_kb as register_petrarch

_DEFAULTS = {s.name: s.default for s in SETTINGS}
# Text fields of an entry; each must be a plain value (a YAML alias to a list is refused here,
# before str() could expand it: 620 bytes of aliases once became a 3 GB file).
_SCALAR_FIELDS = ("name", "kind", "country", "sector", "cameo_code", "title", "start", "end")
MAX_PATTERNS = 1000
MAX_FIELD_CHARS = 1000


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


def _rows(path: Path, *, max_bytes: int = _DEFAULTS["kb_max_file_bytes"]) -> list[dict[str, Any]]:
    """The rows of a user CSV/YAML file, checked for size, encoding and shape (E201/E507)."""
    data = _read_capped(path, max_bytes=max_bytes)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ResolutionError("E201", path=str(path), line=line, detail="not valid UTF-8; re-encode it") from None
    rows = _yaml_rows(text, path) if path.suffix.lower() in {".yaml", ".yml"} else _csv_rows(text, path)
    for n, row in enumerate(rows, start=2):
        if not isinstance(row, dict):
            raise ResolutionError("E201", path=str(path), line=n,
                                  detail="each entry must be a mapping (name: ..., patterns: ...)")
    return rows


def _read_capped(path: Path, *, max_bytes: int) -> bytes:
    if not path.is_file():
        detail = "file not found" if not path.exists() else "not a regular file"
        raise ResolutionError("E201", path=str(path), line=0, detail=detail)
    size = path.stat().st_size
    if size > max_bytes:
        raise ConfigError("E507", path=str(path), size=size, limit=max_bytes, unit="bytes", setting="kb_max_file_bytes")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ResolutionError("E201", path=str(path), line=0, detail=exc.strerror or str(exc)) from None


def _yaml_rows(text: str, path: Path) -> list[Any]:
    import yaml

    try:
        data = yaml.safe_load(text) or []  # safe_load: no Python objects, no code
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        detail = " ".join(str(getattr(exc, "problem", None) or exc).split())[:200]
        raise ResolutionError("E201", path=str(path), line=line, detail=f"not valid YAML ({detail})") from None
    except RecursionError:
        raise ResolutionError("E201", path=str(path), line=0, detail="nested too deeply") from None
    except (ValueError, TypeError, OverflowError) as exc:  # e.g. a date YAML reads as one: 2024-13-45
        raise ResolutionError("E201", path=str(path), line=0, detail=f"not valid YAML ({exc})") from None
    if not isinstance(data, list):
        raise ResolutionError("E201", path=str(path), line=1, detail="expected a list of entries")
    return data


def _csv_rows(text: str, path: Path) -> list[Any]:
    # strict: a quote left open is an error, not the rest of the file read as one name.
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        return list(reader)
    except csv.Error as exc:
        raise ResolutionError("E201", path=str(path), line=reader.line_num, detail=str(exc)) from None


def _scalar(row: dict[str, Any], key: str, *, path: Path, line: int) -> str:
    """A field as text ('' when missing); lists, mappings and huge values are refused."""
    value = row.get(key)
    if value is None:
        return ""
    if not isinstance(value, (str, int, float, Date)) or isinstance(value, bool):
        raise ResolutionError("E201", path=str(path), line=line,
                              detail=f"'{key}' must be text, got a {type(value).__name__}")
    text = str(value)
    if len(text) > MAX_FIELD_CHARS:
        raise ResolutionError("E201", path=str(path), line=line, detail=f"'{key}' is over {MAX_FIELD_CHARS} characters")
    return text


def _patterns(row: dict[str, Any], name: str, *, path: Path, line: int) -> tuple[str, ...]:
    """'a|b' or a list of strings; anything else (a list of lists from YAML aliases) is refused."""
    raw = row.get("patterns")
    if raw is None or raw == "":
        items = [name]
    elif isinstance(raw, str):
        items = raw.split("|")
    elif isinstance(raw, list) and all(isinstance(p, str) for p in raw):
        items = raw
    else:
        raise ResolutionError("E201", path=str(path), line=line,
                              detail="'patterns' must be text ('a|b') or a list of texts")
    if len(items) > MAX_PATTERNS or any(len(p) > MAX_FIELD_CHARS for p in items):
        raise ResolutionError("E201", path=str(path), line=line,
                              detail=f"over {MAX_PATTERNS} patterns or a pattern over {MAX_FIELD_CHARS} characters")
    return tuple(p.strip() for p in items if p.strip())


def user_entries(
    path: Path,
    *,
    max_bytes: int = _DEFAULTS["kb_max_file_bytes"],
    max_entries: int = _DEFAULTS["kb_max_entries"],
) -> list[KBEntry]:
    """Validated entries from a user CSV/YAML file (coded errors name the line)."""
    rows = _rows(path, max_bytes=max_bytes)
    if len(rows) > max_entries:
        raise ConfigError("E507", path=str(path), size=len(rows), limit=max_entries, unit="entries",
                          setting="kb_max_entries")
    return [_entry(row, path=path, line=n) for n, row in enumerate(rows, start=2)]


def _entry(row: dict[str, Any], *, path: Path, line: int) -> KBEntry:
    field = {key: _scalar(row, key, path=path, line=line).strip() for key in _SCALAR_FIELDS}
    name = field["name"]
    if not name:
        raise ResolutionError("E201", path=str(path), line=line, detail="missing 'name'")
    country = field["country"].upper() or None
    if country and not (len(country) == 3 and country.isalpha()):
        raise ResolutionError("E203", value=country, path=str(path), line=line)
    sector = field["sector"].upper() or None
    code = (country or "---") + (sector or "")
    roles: tuple[KBRole, ...] = ()
    if field["start"] or field["end"]:
        roles = (KBRole(country=country, sector=sector, cameo_code=code, title=field["title"] or None,
                        start=_day(field["start"], path=path, line=line),
                        end=_day(field["end"], path=path, line=line)),)
    return KBEntry(kb_id=f"user:{name}", name=name, patterns=_patterns(row, name, path=path, line=line),
                   kind=field["kind"] or "org", country=country, sector=sector,
                   cameo_code=field["cameo_code"] or code, roles=roles, source=f"user:{path.name}")


def _day(value: str, *, path: Path, line: int) -> Date | None:
    if not value:
        return None
    try:
        return parse_date(value[:10])
    except ConfigError:
        detail = f"bad date '{value[:40]}' (YYYY-MM-DD)"
        raise ResolutionError("E201", path=str(path), line=line, detail=detail) from None


def run_add(args: argparse.Namespace) -> int:
    """`cablegram kb add FILE`: validated entries written to the user KB folder (0, or 2 with a
    coded error naming the line)."""
    settings = settings_from(args)
    path = Path(args.file)
    entries = user_entries(path, max_bytes=settings["kb_max_file_bytes"], max_entries=settings["kb_max_entries"])
    folder = Path(args.kb_dir or settings["kb_dir"]).expanduser()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"user-{path.stem}.jsonl"
    tmp = target.with_suffix(".tmp")
    tmp.write_text("".join(json.dumps(kb_entry_to_json(e)) + "\n" for e in entries), "utf-8")
    tmp.replace(target)  # re-adding the same file replaces its entries: no duplicates
    print(f"added {len(entries)} entries -> {target}")
    return 0
