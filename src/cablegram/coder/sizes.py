"""Counts stated around a trigger: killed, injured, arrested and participants ("killed 25 of the
150 demonstrators", "at least 12 were injured"), read off the sentence's parse."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import Size

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["find_size"]

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "thousand": 1000,
    "dozen": 12,
}
_KILL = {"kill", "die", "dead", "death", "massacre", "slay", "murder", "execute", "behead", "fatality"}
_INJURE = {"injure", "wound", "hurt", "injury"}
_ARREST = {"arrest", "detain", "jail", "imprison", "apprehend", "round", "detention"}
_CROWD = {
    "protester",
    "demonstrator",
    "people",
    "marcher",
    "student",
    "worker",
    "supporter",
    "participant",
    "activist",
    "resident",
}


def _number(tok: Token) -> int | None:
    text = tok.text.replace(",", "").lower()
    if text.isdigit():
        return int(text)
    return _NUMBER_WORDS.get(text)


def _count_of(tok: Token) -> int | None:
    """The count attached to a noun phrase ("25 demonstrators", "25 of the 150", "at least 12")."""
    if tok.pos_ == "NUM" or tok.like_num:
        return _number(tok)
    for c in tok.children:
        if c.dep_ == "nummod":
            return _number(c)
    return None


def _participants(tok: Token) -> int | None:
    """The group size in "25 of the 150 demonstrators" (the 150)."""
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in prep.children:
            return _count_of(pobj)
    return None


def _patients(verb: Token) -> list[Token]:
    pats = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if verb.dep_ in {"acl", "amod"}:
        pats.append(verb.head)
    return pats


def find_size(trigger: Token, event: str, sent: Span | None = None) -> Size:
    """Killed, injured, arrested and participant counts stated around the trigger's sentence."""
    killed = injured = arrested = participants = None
    # Token.sent rescans the document; callers that loop over sentences pass the span in
    for tok in sent if sent is not None else trigger.sent:
        lemma = tok.lemma_.lower()
        targets = _patients(tok) if tok.pos_ == "VERB" else [tok]
        if lemma in _KILL and killed is None:
            killed = next((n for t in targets if (n := _count_of(t)) is not None), None)
        elif lemma in _INJURE and injured is None:
            injured = next((n for t in targets if (n := _count_of(t)) is not None), None)
        elif lemma in _ARREST and arrested is None:
            arrested = next((n for t in targets if (n := _count_of(t)) is not None), None)
            participants = next((n for t in targets if (n := _participants(t)) is not None), participants)
    if event == "PROTEST" and participants is None:
        subj = [c for c in trigger.children if c.dep_ in {"nsubj", "nsubjpass"}]
        participants = next((n for t in subj if (n := _count_of(t)) is not None), None)
    # a count belongs to the events that produce it, not to every event in the sentence
    harm = event in {"ASSAULT", "PROTEST"}
    return Size(
        killed=killed if harm else None,
        injured=injured if harm else None,
        arrested=arrested if event == "COERCE" else None,
        participants=participants if event in {"PROTEST", "COERCE"} else None,
    )
