"""Blame for fighting: one side saying the other started it.

"The Thais had fired first", "the fighting was sparked by an intrusion of Cambodian troops",
"in fighting started by the Thais": PLOVER codes an accusation (ACCUSE, CAMEO 1123: accuse of
aggression) from whoever says it to the side blamed, not a new attack.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .arguments import MentionIndex

__all__ = ["Blame", "find_blame", "BLAME_CAMEO"]

BLAME_CAMEO = "1123"
_FIRST_ACTS = {"fire", "shoot", "attack", "strike", "start", "open", "provoke", "initiate", "shell"}
_CAUSING = {"spark", "start", "provoke", "trigger", "instigate", "cause", "ignite", "initiate"}
_FIGHT_NOUNS = {"fighting", "fight", "clash", "clashes", "violence", "war", "hostility", "hostilities", "battle",
                "skirmish", "exchange", "firefight", "conflict", "incident", "attack"}
_SPEECH = {"say", "tell", "claim", "insist", "allege", "report", "add", "state", "accuse", "maintain", "blame"}


@dataclass(frozen=True, slots=True, kw_only=True)
class Blame:
    """One accusation of having started the fighting."""

    head: int  # the verb that says who started it
    accuser: tuple[Actor, ...]
    accused: tuple[Actor, ...]
    covers: frozenset[int]  # tokens whose own events this accusation replaces


def find_blame(sent: Span, index: MentionIndex) -> list[Blame]:
    """Accusations of starting the fighting in one sentence."""
    out = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma in _FIRST_ACTS and any(c.dep_ == "advmod" and c.lower_ == "first" for c in tok.children):
            accused = [a for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"} for a in index.of(c)]
            out.append(_blame(tok, accused, index, covers={tok.i}))
        elif lemma in _CAUSING and tok.tag_ == "VBN":
            fight = _fight_noun(tok)
            if fight is None:
                continue
            accused = [a for c in tok.children if c.dep_ == "agent" for g in c.children for a in index.of(g)]
            if accused:
                out.append(_blame(tok, accused, index, covers={fight.i, tok.i}))
    return [b for b in out if b.accused]


def _fight_noun(verb: Token) -> Token | None:
    """'the fighting was sparked by', 'in fighting started by': the fight that was started."""
    for c in verb.children:
        if c.dep_ == "nsubjpass" and c.lower_ in _FIGHT_NOUNS:
            return c
    if verb.dep_ == "acl" and verb.head.lower_ in _FIGHT_NOUNS:
        return verb.head
    return None


def _blame(verb: Token, accused: list[Actor], index: MentionIndex, *, covers: set[int]) -> Blame:
    return Blame(head=verb.i, accuser=tuple(_speaker(verb, index)), accused=tuple(accused), covers=frozenset(covers))


def _speaker(tok: Token, index: MentionIndex) -> list[Actor]:
    """Whoever says it: the subject of the nearest speech verb above the clause."""
    node = tok
    for _ in range(4):
        if node.head.i == node.i:
            return []
        node = node.head
        if node.lemma_.lower() in _SPEECH:
            return [a for c in node.children if c.dep_ == "nsubj" for a in index.of(c)]
    return []
