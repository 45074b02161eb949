"""ActorStage over PETRARCH actor and agent dictionaries.

Each actor or agent phrase found in a sentence becomes one `records.Actor`, its CAMEO code
composed over the noun phrase it heads ("Arnorian police" → ARNCOP); the date-bounded roles of
an actor resolve against the document's publication date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import Actor, DocContext
from .dictionaries import ActorEntry
from .loader import PetrarchDictionaries
from .matching import PhraseIndex, Unit, find_units, np_codes

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["PetrarchActors"]


def _head(doc: Doc, unit: Unit) -> Token:
    """The token of the phrase whose syntactic head lies outside it."""
    for tok in doc[unit.start : unit.end]:
        if not (unit.start <= tok.head.i < unit.end) or tok.head.i == tok.i:
            return tok
    return doc[unit.end - 1]


class PetrarchActors:
    """Find actor mentions with PETRARCH dictionaries (see module docstring)."""

    def __init__(self, dictionaries: PetrarchDictionaries) -> None:
        self.dicts = dictionaries
        self.index = PhraseIndex(dictionaries.actors, dictionaries.agents)

    def find_mentions(self, doc: Doc, ctx: DocContext) -> list[Actor]:
        """One Actor per dictionary phrase, with the code composed over its noun phrase."""
        when = ctx.document.published
        units = find_units(doc, self.index)
        units_at = {i: u for u in units for i in range(u.start, u.end)}
        out: list[Actor] = []
        for unit in units:
            head = _head(doc, unit)
            # An actor inside a bigger phrase ("Arnor" in "Arnor police") is coded there.
            while head.dep_ in {"compound", "amod", "poss"} and head.head.i in units_at:
                head = head.head
            codes = np_codes(head, units_at, when)
            span = doc[unit.start : unit.end]
            entry = unit.entry
            code = codes[0] if codes else None
            out.append(
                Actor(
                    text=span.text,
                    start=span.start_char + ctx.offset,
                    end=span.end_char + ctx.offset,
                    name=entry.name.title() if isinstance(entry, ActorEntry) else entry.name.lower(),
                    country=code[:3] if code and not code.startswith("---") else None,
                    sector=(code[3:6] or None) if code else None,
                    cameo_code=code,
                    kb_id=f"petrarch:{entry.line}",
                )
            )
        return out
