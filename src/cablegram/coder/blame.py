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

__all__ = ["Blame", "find_blame", "find_labels", "find_allegations", "BLAME_CAMEO", "LABEL_CAMEO", "ALLEGE_CAMEO"]

BLAME_CAMEO = "1123"
ALLEGE_CAMEO = "112"  # accuse, not specified
LABEL_CAMEO = "111"  # criticize or denounce
# what calling someone names them: "warned that the MB was a threat", "said the group is a terrorist organization"
_CONDEMNING = {"threat", "danger", "menace", "terrorist", "terrorists", "criminal", "criminals", "enemy", "aggressor",
               "puppet", "traitor", "traitors", "extremist", "extremists", "thug", "thugs", "murderer", "murderers",
               "organization", "organisation", "group", "regime"}
_CONDEMNING_HEADS = {"threat", "danger", "menace", "enemy", "aggressor", "puppet", "traitor", "thug", "murderer",
                     "criminal", "terrorist", "extremist"}
_LABELLING = {"say", "warn", "claim", "insist", "declare", "describe", "tell", "state", "charge", "assert"}
_FIRST_ACTS = {"fire", "shoot", "attack", "strike", "start", "open", "provoke", "initiate", "shell"}
_CAUSING = {"spark", "start", "provoke", "trigger", "instigate", "cause", "ignite", "initiate"}
_FIGHT_NOUNS = {"fighting", "fight", "clash", "clashes", "violence", "war", "hostility", "hostilities", "battle",
                "skirmish", "exchange", "firefight", "conflict", "incident", "attack"}
_SPEECH = {"say", "tell", "claim", "insist", "allege", "report", "add", "state", "accuse", "maintain", "blame"}


# verbs that put forward a contested claim: what they carry is alleged, not merely reported
_ALLEGING = {"claim", "allege", "maintain", "contend", "insist", "assert"}
# words that make a claim an accusation whoever it names: "the charges were politically motivated"
_DAMNING = {"motivated", "fabricated", "spurious", "bogus", "trumped", "concocted", "trumped-up", "fault"}
# words that make a contested claim an accusation: "claimed his death was intentional",
# "claimed there was foreign involvement in the demonstration", "maintained it was illegal"
_CULPABLE = {"intentional", "deliberate", "deliberately", "intentionally", "involvement", "illegal", "unlawful",
             "responsible", "fault", "complicity", "complicit", "orchestrated", "masterminded"}

_EVIDENCE = {"evidence", "proof", "proves", "prove", "showed", "shows"}


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
            out.append(_blame(tok, accused or _left_subject(tok, index), index, covers={tok.i}))
        elif lemma in _CAUSING and tok.tag_ == "VBN":
            fight = _fight_noun(tok)
            if fight is None:
                continue
            accused = [a for c in tok.children if c.dep_ == "agent" for g in c.children for a in index.of(g)]
            if accused:
                out.append(_blame(tok, accused, index, covers={fight.i, tok.i}))
    return [b for b in out if b.accused]


def _left_subject(verb: Token, index: MentionIndex) -> list[Actor]:
    """A subject the parser attached elsewhere ('told VOA the Thais had fired first', where 'the
    Thais' hangs on 'VOA'): the mention just before the verb's auxiliaries."""
    first = min([c.i for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.i < verb.i], default=verb.i)
    if first == 0:
        return []
    before = verb.doc[first - 1]
    return index.of(before) if before.pos_ in {"PROPN", "NOUN", "PRON"} else []


def _fight_noun(verb: Token) -> Token | None:
    """'the fighting was sparked by', 'in fighting started by': the fight that was started."""
    for c in verb.children:
        if c.dep_ == "nsubjpass" and c.lower_ in _FIGHT_NOUNS:
            return c
    if verb.dep_ == "acl" and verb.head.lower_ in _FIGHT_NOUNS:
        return verb.head
    # the parser often hangs "in fighting started by" on the participle: in ← started
    for c in verb.children:
        if c.dep_ == "prep" and c.i < verb.i:
            for noun in c.children:
                if noun.dep_ == "pobj" and noun.lower_ in _FIGHT_NOUNS and noun.i == verb.i - 1:
                    return noun
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


def find_labels(sent: Span, index: MentionIndex) -> list[Blame]:
    """'Mubarak warned that the MB was a threat to Egypt's stability', 'said the group was a
    terrorist organization': calling someone a threat or a terrorist is a denunciation (ACCUSE 111)
    from the speaker to them, not a threat."""
    out = []
    for verb in sent:
        if verb.lemma_.lower() not in _LABELLING:
            continue
        for clause in (c for c in _content_clauses(verb) if c.lemma_.lower() == "be"):
            attr = next((c for c in clause.children if c.dep_ == "attr"), None)
            if attr is None or not _condemning(attr):
                continue
            named = [a for c in clause.children if c.dep_ == "nsubj" for a in index.of(c)]
            speaker = [a for c in verb.children if c.dep_ == "nsubj" for a in index.of(c)]
            if named and speaker:
                out.append(Blame(head=verb.i, accuser=tuple(speaker), accused=tuple(named),
                                 covers=frozenset({verb.i, attr.i})))
    return out


def _content_clauses(verb: Token) -> list[Token]:
    """What a speech verb says: its clausal complement, or a that-clause the parser hung on the noun
    of one of its phrases ('warned in press interviews that the MB was a threat')."""
    out = [c for c in verb.children if c.dep_ == "ccomp"]
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for noun in (g for g in prep.children if g.dep_ == "pobj"):
            out += [a for a in noun.children if a.dep_ in {"acl", "relcl"}
                    and any(m.dep_ == "mark" and m.lower_ == "that" for m in a.children)]
    return out


def _condemning(attr: Token) -> bool:
    """'a threat', 'a terrorist organization', 'a puppet regime'."""
    if attr.lemma_.lower() in _CONDEMNING_HEADS:
        return True
    return attr.lower_ in _CONDEMNING and any(c.lemma_.lower() in _CONDEMNING_HEADS for c in attr.children)


def find_allegations(sent: Span, index: MentionIndex, abuses: set[int]) -> list[Blame]:
    """'claimed that the detainees were being tortured', 'claiming his death was intentional',
    'says activists were jailed on politically motivated charges': a claim of abuse, of guilt or of
    a rigged charge is an accusation (ACCUSE 112) from the claimant to whoever it names as doing it.
    `abuses` are the heads of the sentence's abuse triggers (torture, killings, beatings): claimed
    by a speaker, they are alleged. The alleged act itself stays coded, as reported."""
    out = []
    for verb in sent:
        lemma = verb.lemma_.lower()
        if lemma not in _ALLEGING and lemma not in _SPEECH and lemma != "inform":
            continue
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            if any(t.dep_ == "neg" for t in clause.subtree):
                continue  # "said the charges were not politically motivated": a denial
            words = {t.lower_ for t in clause.subtree} | {t.lemma_.lower() for t in clause.subtree}
            inner = [t for t in clause.subtree if t.i in abuses]
            alleged = lemma in _ALLEGING and (bool(inner) or bool(words & _CULPABLE))
            # "informed us they had evidence of Sudanese involvement in the attack"
            alleged = alleged or bool(words & _EVIDENCE and words & _CULPABLE)
            if not (alleged or words & _DAMNING):
                continue
            speaker = _sayer(verb, index)
            if speaker:
                accused = [a for t in inner for a in _doers(t, index)] or _faulted(clause, index)
                out.append(Blame(head=verb.i, accuser=tuple(speaker), accused=tuple(accused),
                                 covers=frozenset({verb.i})))
    return out


def _doers(tok: Token, index: MentionIndex) -> list[Actor]:
    """The named doer of an act: its active subject or its passive agent."""
    found = [a for c in tok.children if c.dep_ == "nsubj" for a in index.of(c)]
    return found + [a for c in tok.children if c.dep_ == "agent" for g in c.children for a in index.of(g)]


def _sayer(verb: Token, index: MentionIndex) -> list[Actor]:
    """The subject of a speech verb; for a participle on a statement ('issued an announcement
    stating that ...'), the subject of the verb that issued it."""
    node = verb
    for _ in range(5):
        found = [a for c in node.children if c.dep_ == "nsubj" for a in index.of(c)]
        if found or node.dep_ not in {"acl", "advcl", "pobj", "prep", "dobj"} or node.head.i == node.i:
            return found
        node = node.head
    return []


def _faulted(clause: Token, index: MentionIndex) -> list[Actor]:
    """'will be the fault of Zelaya': the one whose fault it is."""
    return [a for t in clause.subtree if t.lower_ == "fault" for p in t.children if p.lower_ == "of"
            for g in p.children for a in index.of(g)]
