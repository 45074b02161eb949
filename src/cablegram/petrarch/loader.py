"""Load a folder of PETRARCH dictionaries into one typed bundle."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ResolutionError
from .dictionaries import (
    ActorEntry,
    AgentEntry,
    DiscardEntry,
    classify_files,
    parse_actor_dictionary,
    parse_agent_dictionary,
    parse_discard_dictionary,
)
from .verbs import VerbDictionary, parse_verb_dictionary

__all__ = ["PetrarchDictionaries", "load_dictionaries"]


@dataclass(frozen=True, slots=True, kw_only=True)
class PetrarchDictionaries:
    """Everything read from a dictionary folder; `problems` lists the lines that were skipped."""

    actors: tuple[ActorEntry, ...] = ()
    agents: tuple[AgentEntry, ...] = ()
    discards: tuple[DiscardEntry, ...] = ()
    verbs: VerbDictionary | None = None
    problems: tuple[ResolutionError, ...] = field(default=())


def _read(path: Path) -> str:
    # The shipped dictionaries mix CRLF and LF and carry stray Latin-1 bytes.
    return path.read_bytes().decode("utf-8", errors="replace").replace("\r\n", "\n")


def load_dictionaries(folder: str | Path, *, strict: bool = False) -> PetrarchDictionaries:
    """Read every actor, agent, discard and verb dictionary in `folder` (E202 when none)."""
    root = Path(folder).expanduser()
    if not root.is_dir():
        raise ResolutionError("E202", path=str(root))
    files = classify_files(root)
    if not files.actors and not files.agents and not files.verbs:
        raise ResolutionError("E202", path=str(root))
    problems: list[ResolutionError] = []
    actors = [
        a
        for p in files.actors
        for a in parse_actor_dictionary(_read(p), path=str(p), strict=strict, problems=problems)
    ]
    agents = [
        g
        for p in files.agents
        for g in parse_agent_dictionary(_read(p), path=str(p), strict=strict, problems=problems)
    ]
    discards = [d for p in files.discards for d in parse_discard_dictionary(_read(p))]
    verbs = parse_verb_dictionary(_read(files.verbs[0]), path=str(files.verbs[0])) if files.verbs else None
    return PetrarchDictionaries(
        actors=tuple(actors),
        agents=tuple(agents),
        discards=tuple(discards),
        verbs=verbs,
        problems=tuple(problems),
    )
