"""Modal demands: "X must withdraw", "the government should release those it has jailed".

A clause whose verb carries "must", "should", "ought to" or "has to" does not report that X acted:
it reports that someone demands or urges it. PLOVER codes a REQUEST from the speaker (the one who
says it, or the writer when no one is named) to X, with the CAMEO appeal (02x) or demand (10x)
code that names what is asked for.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .arguments import MentionIndex

__all__ = ["bare_demands", "stipulation", "demand_kind", "modal_verb", "request_code", "speaker", "subject_of"]

_APPEAL_MODALS = {"should", "ought"}
_DEMAND_MODALS = {"must"}
_SPEECH = {"say", "tell", "add", "insist", "state", "declare", "stress", "argue", "write", "note"}

# what is asked for (PLOVER event, CAMEO prefix of the asked-for act) → (appeal code, demand code)
_CODES: tuple[tuple[str, str, str, str], ...] = (
    ("RETREAT", "0841", "0253", "1053"),  # release persons
    ("RETREAT", "087", "0256", "1056"),  # ceasefire, de-escalation
    ("CONCEDE", "087", "0256", "1056"),
    ("RETREAT", "", "025", "105"),  # yield
    ("CONCEDE", "", "025", "105"),
    ("CONSULT", "", "026", "106"),  # meet, negotiate
    ("AID", "", "023", "103"),
    ("COOPERATE", "", "021", "101"),
    ("SUPPORT", "", "022", "102"),
)


def modal_verb(trigger: Token) -> Token:
    """The verb whose auxiliaries decide a trigger's mood: itself, the verb a noun trigger is
    the object of ("must declare a ceasefire"), the first of conjoined verbs ("must declare and
    abide by")."""
    node = trigger
    if node.pos_ in {"NOUN", "PROPN"}:
        if node.dep_ == "pobj" and node.head.dep_ == "prep":
            node = node.head.head
        elif node.dep_ in {"dobj", "nsubjpass"}:
            node = node.head
    while node.dep_ == "conj" and node.head.pos_ in {"VERB", "AUX"}:
        node = node.head
    return node


def demand_kind(verb: Token) -> str | None:
    """'appeal' or 'demand' when the verb's own clause is a modal demand, else None."""
    kids = list(verb.children)
    if any(c.dep_ == "neg" for c in kids):
        return None
    for c in kids:
        low = c.lower_
        if c.dep_ == "aux" and low in _DEMAND_MODALS:
            return "demand"
        if c.dep_ == "aux" and low in _APPEAL_MODALS:
            return "appeal"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in {"have", "need"} and verb.head.tag_ in {"VBZ", "VBP"}:
        return "demand"  # "Russia has to withdraw"
    return None


def request_code(kind: str, asked_event: str, asked_cameo: str) -> str:
    """The CAMEO code of an appeal or demand for the asked-for act."""
    for event, prefix, appeal, demand in _CODES:
        if asked_event == event and asked_cameo.startswith(prefix):
            return appeal if kind == "appeal" else demand
    return "020" if kind == "appeal" else "100"


# clauses that report a demand of their own; a relative or conditional clause does not
_MAIN_DEPS = {"ROOT", "ccomp", "conj", "parataxis"}
# who is asked must be a political actor, not travellers or firms being advised
_ADVISED = {"CVL", "BUS"}


def bare_demands(tokens: Iterable[Token], index: MentionIndex, taken: set[int]) -> list[tuple[Token, str]]:
    """Modal demands whose verb is no event word ("the government should focus on dialogue",
    "opposition leaders arrested today should be treated humanely"): (verb, 'appeal'|'demand').
    The subject must name a political actor; `taken` are tokens already coded or skipped."""
    out = []
    for verb in tokens:
        if verb.pos_ != "VERB" or verb.i in taken or verb.dep_ not in _MAIN_DEPS:
            continue
        if verb.lemma_.lower() in {"be", "have"}:
            continue
        kind = demand_kind(verb)
        if kind is None or any(c.dep_ == "mark" for c in verb.children) or _not_a_demand(verb):
            continue
        asked = subject_of(verb, index)
        if asked and all(a.sector not in _ADVISED for a in asked):
            out.append((verb, kind))
    return out


# words that make a clause the terms of an acceptance: "accepted the conditions, provided that the
# army ceases operations", "agreed on condition that the troops withdraw"
_PROVISOS = {"provided", "providing"}


def stipulation(verb: Token) -> Token | None:
    """The verb of the main clause when `verb` heads the terms it sets ("accepted ..., provided that
    the army ceases operations": the army is asked to cease); else None."""
    head = verb.head
    if verb.dep_ in {"pcomp", "advcl", "ccomp"} and head.lower_ in _PROVISOS and head.head.i != head.i:
        return head.head
    if verb.dep_ in {"acl", "ccomp"} and head.lemma_.lower() == "condition" and head.dep_ == "pobj":
        prep = head.head
        return prep.head if prep.lower_ == "on" else None
    return None


def _not_a_demand(verb: Token) -> bool:
    """'Russia must have known' (a guess), 'should the talks fail' (a condition), 'must be aware'."""
    kids = list(verb.children)
    if any(c.dep_ == "aux" and c.lower_ == "have" for c in kids):
        return True
    modal = [c.i for c in kids if c.dep_ == "aux" and c.lower_ in _APPEAL_MODALS | _DEMAND_MODALS]
    subject = [c.i for c in kids if c.dep_ in {"nsubj", "nsubjpass"}]
    return bool(modal and subject and min(modal) < min(subject))


def speaker(verb: Token, index: MentionIndex) -> list[Actor]:
    """Who says the demand: the subject of 'X said' around the clause (before or after it)."""
    for c in verb.children:
        if c.dep_ in {"parataxis", "ccomp"} and c.lemma_.lower() in _SPEECH:
            return [a for s in c.children if s.dep_ == "nsubj" for a in index.of(s)]
    head = verb.head
    if verb.dep_ in {"ccomp", "parataxis"} and head.lemma_.lower() in _SPEECH:
        return [a for s in head.children if s.dep_ == "nsubj" for a in index.of(s)]
    return []


def subject_of(verb: Token, index: MentionIndex) -> list[Actor]:
    """The one asked to act: the subject of the modal verb."""
    return [a for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} for a in index.of(c)]
