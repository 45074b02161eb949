"""Find dictionary phrases in a parsed sentence and compose actor codes over noun phrases.

PETRARCH composes a country (or other actor) code with agent codes found in the same noun
phrase: "Arnor police" → ARN + COP = ARNCOP, "MSF Arnor" → NGO + ARN (a prefix agent), "the
ambassadors of Arnor" → ARNGOV. We do the same over the spaCy dependency tree: the noun
phrase of a head token is its subtree without clauses, coordination and appositions, and the
objects of "of/in/from" phrases lend their actors to agents that lack one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date as Date
from typing import TYPE_CHECKING

from .dictionaries import ActorEntry, AgentEntry

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["PhraseIndex", "Unit", "find_units", "np_codes", "group_codes"]

# Children whose subtrees are not part of a noun phrase proper.
_NOT_NP = {
    "conj",
    "cc",
    "appos",
    "relcl",
    "acl",
    "prep",
    "punct",
    "advcl",
    "ccomp",
    "parataxis",
    "preconj",
    "nmod",
}
# Links along which a list of actors continues (the small model often attaches list members
# as appositions or nominal modifiers rather than as conjuncts).
_LIST_LINKS = {"conj", "appos", "nmod"}
# Prepositions whose objects give an agent its country ("officials of/in/from Arnor").
_OWNER_PREPS = {"of", "in", "from"}


@dataclass(frozen=True, slots=True)
class Unit:
    """A dictionary phrase found in the text: tokens [start, end) and its entry."""

    start: int
    end: int
    entry: ActorEntry | AgentEntry

    @property
    def is_agent(self) -> bool:
        return isinstance(self.entry, AgentEntry)


class PhraseIndex:
    """Word tuples → entries, looked up by first word; longest match wins."""

    def __init__(self, actors: Iterable[ActorEntry], agents: Iterable[AgentEntry]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], ActorEntry | AgentEntry]]] = {}
        for entry in list(actors) + list(agents):
            for words in entry.phrases:
                if words:
                    self._by_first.setdefault(words[0], []).append((words, entry))
        for items in self._by_first.values():
            # Longer phrases first; at equal length actors before agents (file order kept).
            items.sort(key=lambda it: (-len(it[0]), isinstance(it[1], AgentEntry)))

    def match_at(self, words: list[str], i: int) -> tuple[int, ActorEntry | AgentEntry] | None:
        """The longest phrase starting at word i: (length, entry), or None."""
        for phrase, entry in self._by_first.get(words[i], ()):
            n = len(phrase)
            if tuple(words[i : i + n]) == phrase:
                return n, entry
        return None


def find_units(tokens: Span | Doc, index: PhraseIndex) -> list[Unit]:
    """All non-overlapping dictionary phrases, left to right, longest first."""
    words = [t.lower_ for t in tokens]
    base = tokens[0].i if len(tokens) else 0
    units: list[Unit] = []
    i = 0
    while i < len(words):
        hit = index.match_at(words, i)
        if hit is None:
            i += 1
            continue
        n, entry = hit
        units.append(Unit(base + i, base + i + n, entry))
        i += n
    return units


def _np_tokens(tok: Token) -> set[int]:
    """Token indices of the noun phrase headed by `tok` (no clauses, lists or PPs)."""
    out = {tok.i}
    for child in tok.children:
        if child.dep_ not in _NOT_NP:
            out.update(t.i for t in child.subtree)
    return out


def compose(actor_code: str | None, agents: list[AgentEntry]) -> str | None:
    """Actor code + agent codes the PETRARCH way: prefix agents go first, none repeated."""
    if actor_code is None and not agents:
        return None
    code = actor_code or "---"
    for agent in agents:
        chunks = {code[i : i + 3] for i in range(0, len(code), 3)}
        if agent.code[:3] in chunks:
            continue
        code = agent.code + code if agent.prefix else code + agent.code
    return code


def np_codes(tok: Token, units_at: dict[int, Unit], when: Date | None, *, depth: int = 0) -> list[str]:
    """Codes of the noun phrase headed by `tok` (several when an 'of' phrase lists actors)."""
    inside = _np_tokens(tok)
    units = sorted({u for i in inside if (u := units_at.get(i)) is not None}, key=lambda u: u.start)
    # A phrase counts when it starts inside ("the Prince of Dol Amroth" runs into a PP).
    units = [u for u in units if u.start in inside]
    agents = [u.entry for u in units if isinstance(u.entry, AgentEntry)]
    actors = [u.entry.code_on(when) for u in units if isinstance(u.entry, ActorEntry)]
    actors = [a for a in actors if a]
    if actors:
        return [c for c in [compose(actors[0], agents)] if c]
    owners = owner_codes(tok, units_at, when, depth=depth, agents=bool(agents)) if depth < 3 else []
    if owners:
        return [c for o in owners if (c := compose(o, agents))]
    code = compose(None, agents)
    return [code] if code else []


def owner_codes(
    tok: Token, units_at: dict[int, Unit], when: Date | None, *, depth: int = 0, agents: bool = True
) -> list[str]:
    """Actor codes from 'of/in/from X' phrases attached to `tok` (X may be a list).

    Only an agent ("officials in Arnor") takes its actor from 'in'/'from'; any noun takes it
    from 'of' ("the population of Gondor"), but not "an attack ... in south Ithilen".
    """
    out: list[str] = []
    preps = _OWNER_PREPS if agents else {"of"}
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    out.extend(group_codes(obj, units_at, when, depth=depth + 1))
    return out


def conjuncts(tok: Token) -> list[Token]:
    """`tok` and the tokens coordinated with it ("A, B and C")."""
    return [m for m, _ in _members(tok, "conj")]


def _members(tok: Token, via: str) -> list[tuple[Token, str]]:
    """`tok` and the list members linked to it, each with the link that reached it."""
    out = [(tok, via)]
    for child in tok.children:
        if child.dep_ in _LIST_LINKS:
            out.extend(_members(child, child.dep_))
    return out


def _merge_attached(out: list[str], codes: list[str]) -> list[str]:
    """Fold the codes of an apposition or nominal modifier into the phrase's codes.

    The small model often hangs a noun phrase's own actor off it as 'nmod'/'appos' ("the
    Gondor main opposition group"): an agent-only code takes that actor (---MOP → GONMOP), a
    code that extends or repeats another is not listed twice; anything else is a list member.
    """
    for code in codes:
        bare = [i for i, c in enumerate(out) if c.startswith("---") and not code.startswith("---")]
        if bare:
            out[bare[0]] = code[:3] + out[bare[0]][3:] if len(code) == 3 else code
        elif not any(c.startswith(code) or code.startswith(c) for c in out):
            out.append(code)
        else:
            out[:] = [code if code.startswith(c) else c for c in out]
    return out


def _borrow_actor(prev: str | None, code: str) -> str:
    """A coordinated agent-only member takes the actor of the member before it when that one
    is an actor with agents ("Danish media and government" → DNKMED, DNKGOV)."""
    if prev and code.startswith("---") and len(prev) > 3 and not prev.startswith("---"):
        return prev[:-3] + code[3:]
    return code


def group_codes(tok: Token, units_at: dict[int, Unit], when: Date | None, *, depth: int = 0) -> list[str]:
    """Codes of a possibly coordinated noun phrase; members without an actor borrow the
    'of/in/from' owner of a sibling ("lawmakers and officials in Arnor")."""
    members = _members(tok, "conj")
    shared = (
        [o for m, _ in members for o in owner_codes(m, units_at, when, depth=depth, agents=True)]
        if depth < 3
        else []
    )
    out: list[str] = []
    for member, via in members:
        codes = np_codes(member, units_at, when, depth=depth)
        if shared and codes and all(c.startswith("---") for c in codes):
            codes = [o + c[3:] for o in shared for c in codes]
        if via == "appos" and out and all(len(c) > 3 for c in out) and not conjuncts(member)[1:]:
            # "minister Calimehtar": an apposition naming the same person adds no actor.
            continue
        if via == "conj" or not out:
            prev = out[-1] if out else None
            out.extend(_borrow_actor(prev, c) for c in codes)
        else:
            _merge_attached(out, codes)
    return list(dict.fromkeys(out))
