"""`kb import-petrarch`: PETRARCH actor and agent dictionaries → user knowledge-base files."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import ResolutionError
from ..records import kb_entry_to_json
from .dictionaries import classify_files, parse_actor_dictionary, parse_agent_dictionary, to_kb_entries

__all__ = ["ImportedFile", "import_petrarch"]


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportedFile:
    """One dictionary written to the knowledge base: where, how many entries, lines skipped."""

    source: Path
    target: Path
    entries: int
    skipped: tuple[ResolutionError, ...] = ()


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace").replace("\r\n", "\n")


def _target_name(source: Path) -> str:
    # One KB file per source dictionary: re-importing the same file replaces it.
    return f"petrarch-{source.stem.replace(' ', '_')}.jsonl"


def import_petrarch(folder: str | Path, *, kb_dir: str | Path, strict: bool = False) -> list[ImportedFile]:
    """Write the actor and agent dictionaries of `folder` as JSONL KB files into `kb_dir`.

    Raises E202 when the folder holds no actor or agent dictionary.
    """
    root = Path(folder).expanduser()
    files = classify_files(root) if root.is_dir() else None
    if files is None or not (files.actors or files.agents):
        raise ResolutionError("E202", path=str(root))
    out_dir = Path(kb_dir).expanduser()
    out_dir.mkdir(parents=True, exist_ok=True)
    results = []
    for path in files.actors + files.agents:
        problems: list[ResolutionError] = []
        source = f"petrarch:{path.name}"
        if path in files.actors:
            entries = to_kb_entries(
                parse_actor_dictionary(_read(path), path=str(path), strict=strict, problems=problems),
                source=source,
            )
        else:
            entries = to_kb_entries(
                agents=parse_agent_dictionary(_read(path), path=str(path), strict=strict, problems=problems),
                source=source,
            )
        target = out_dir / _target_name(path)
        tmp = target.with_suffix(".jsonl.tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            for entry in entries:
                fh.write(json.dumps(kb_entry_to_json(entry), ensure_ascii=False) + "\n")
        os.replace(tmp, target)  # atomic: a failed import leaves the previous file intact
        results.append(
            ImportedFile(source=path, target=target, entries=len(entries), skipped=tuple(problems))
        )
    return results
