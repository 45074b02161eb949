"""How sure the text is that an event happened: asserted, reported, speculative, negated, planned,
hypothetical, and who reports it.

The cues are read from the trigger's clause and the clauses above it: negation ("did not attack",
"no talks"), modal verbs ("may have been behind" → speculative, "will meet" → planned),
conditionals ("if Iran attacks" → hypothetical), control verbs of intent ("vowed to retaliate",
"threatened to strike" → planned) and reporting frames ("according to the cable", "X said that
..." → reported, with X as attribution). When several cues apply the strongest doubt wins, in
the order negated > hypothetical > speculative > planned > reported > asserted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["Factuality", "factuality", "promised"]

_SPECULATIVE_MODALS = {"may", "might", "could"}
_FUTURE_MODALS = {"will", "shall", "'ll"}
_HYPOTHETICAL_MODALS = {"would", "should"}
_SPECULATIVE_VERBS = {
    "suspect",
    "believe",
    "speculate",
    "seem",
    "appear",
    "fear",
    "suggest",
    "think",
    "doubt",
}
_SPECULATIVE_ADVERBS = {"possibly", "perhaps", "probably", "maybe", "apparently", "likely"}
_REPORTED_ADVERBS = {"reportedly", "allegedly", "purportedly", "supposedly"}
_INTENT_VERBS = {
    "plan",
    "vow",
    "pledge",
    "threaten",
    "intend",
    "prepare",
    "aim",
    "seek",
    "want",
    "promise",
    "expect",
    "decide",
    "agree",
    "hope",
    "propose",
    "offer",
    "schedule",
    "consider",
    "warn",
    "set",
}
_NEGATING_VERBS = {"deny", "refuse", "fail", "decline", "reject"}
# "accused X of shelling", "blamed X for the attack": the inner event is someone's allegation
_ALLEGING_VERBS = {"accuse", "blame", "suspect", "charge", "convict", "implicate"}
# "suspended airstrikes", "called off the attack": the inner event stops, it is not carried out
_ENDING_VERBS = {"suspend", "halt", "stop", "end", "cease", "cancel", "postpone", "call", "abandon"}
_SPEECH_VERBS = {
    "say",
    "tell",
    "report",
    "claim",
    "announce",
    "state",
    "allege",
    "add",
    "write",
    "note",
    "insist",
    "confirm",
    "declare",
    "accuse",
    "charge",
    "assert",
}
_CONDITIONAL_MARKS = {"if", "unless", "whether", "until"}
_ORDER = ("negated", "hypothetical", "speculative", "planned", "reported", "asserted")


@dataclass(frozen=True, slots=True, kw_only=True)
class Factuality:
    """The factuality label and, for reported events, who reports them."""

    value: str = "asserted"
    attribution: str | None = None


def _span_text(tok: Token) -> str:
    """The text of a phrase without its relative clauses (a short attribution)."""
    words = [
        t
        for t in tok.subtree
        if not any(
            a.dep_ in {"relcl", "acl", "appos"}
            for a in t.ancestors
            if a.i in {x.i for x in tok.subtree} and a != tok
        )
    ]
    return " ".join(t.text for t in words if t.dep_ not in {"relcl", "punct"}).strip()


def _clause_cues(node: Token, labels: set[str]) -> None:
    for c in node.children:
        low = c.lower_
        if c.dep_ == "neg" or (c.dep_ == "det" and low == "no"):
            labels.add("negated")
        elif c.dep_ in {"aux", "auxpass"} and low in _SPECULATIVE_MODALS:
            labels.add("speculative")
        elif c.dep_ in {"aux", "auxpass"} and low in _FUTURE_MODALS:
            labels.add("planned")
        elif c.dep_ in {"aux", "auxpass"} and low in _HYPOTHETICAL_MODALS:
            labels.add("hypothetical")
        elif c.dep_ == "mark" and low in _CONDITIONAL_MARKS:
            labels.add("hypothetical")
        elif c.dep_ == "advmod" and low in _SPECULATIVE_ADVERBS:
            labels.add("speculative")
        elif c.dep_ == "advmod" and low in _REPORTED_ADVERBS:
            labels.add("reported")
        elif c.dep_ == "amod" and low in {"possible", "potential", "alleged", "suspected", "planned"}:
            labels.add("planned" if low == "planned" else "speculative")
    if node.dep_ == "xcomp" and node.head.lower_ in {"going"}:
        labels.add("planned")


def _according_to(sent: Span) -> str | None:
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            pobj = [g for c in tok.children for g in c.children if g.dep_ == "pobj"]
            pobj += [g for g in tok.doc[tok.i + 1].children if g.dep_ == "pobj"]
            if pobj:
                return _span_text(pobj[0])
    return None


def _ends(verb: Token) -> bool:
    """'called off the strike' ends it; 'called on X to investigate' does not."""
    return verb.lemma_.lower() != "call" or any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)


def factuality(trigger: Token, sent: Span | None = None) -> Factuality:
    """Factuality of the event whose trigger is `trigger` (in sentence `sent`, when known)."""
    labels: set[str] = set()
    attribution: str | None = None
    node = trigger
    _clause_cues(node, labels)
    for _ in range(6):
        head = node.head
        if head.i == node.i:
            break
        lemma = head.lemma_.lower()
        clausal = node.dep_ in {"xcomp", "ccomp", "pcomp", "pobj", "dobj", "advcl", "conj", "nsubj", "attr"}
        if node.dep_ in {"xcomp", "ccomp"} and lemma in _INTENT_VERBS:
            labels.add("planned")
        elif node.dep_ in {"xcomp", "ccomp", "pcomp", "pobj"} and lemma in _NEGATING_VERBS:
            labels.add("negated")
        elif node.dep_ in {"dobj", "xcomp"} and lemma in _ENDING_VERBS and _ends(head):
            labels.add("negated")
        elif (
            node.dep_ in {"pobj", "pcomp"}
            and head.dep_ == "prep"
            and head.head.lemma_.lower() in _ALLEGING_VERBS
        ):
            labels.add("reported")
            accuser = [c for c in head.head.children if c.dep_ == "nsubj"]
            attribution = attribution or (_span_text(accuser[0]) if accuser else None)
        elif node.dep_ in {"ccomp", "xcomp"} and lemma in _SPECULATIVE_VERBS:
            labels.add("speculative")
        elif node.dep_ == "ccomp" and lemma in _SPEECH_VERBS:
            labels.add("reported")
            subj = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
            attribution = attribution or (_span_text(subj[0]) if subj else None)
        if clausal or node.dep_ in {"prep", "acomp"}:
            _clause_cues(head, labels)
        node = head
    according = _according_to(sent if sent is not None else trigger.sent)
    if according:
        labels.add("reported")
        attribution = according
    value = next(label for label in _ORDER if label in labels or label == "asserted")
    return Factuality(value=value, attribution=attribution)


_PROMISE_MODALS = {"will", "shall", "'ll", "would", "wo"}
_READY = {"willing", "ready", "prepared", "going", "set", "poised", "expected"}


def promised(trigger: Token) -> bool:
    """True when the trigger's own clause states a future act by its doer ("will begin an
    operation", "said it would allow access", "is willing to provide loans"): in PLOVER a promise
    of cooperation is AGREE and a promise of force is THREATEN."""
    node = trigger
    if trigger.pos_ in {"NOUN", "PROPN"} and trigger.dep_ == "dobj":
        node = trigger.head
    kids = list(node.children)
    if any(c.dep_ == "neg" or (c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS) for c in kids):
        return False
    if any(c.dep_ == "aux" and c.lower_ in _PROMISE_MODALS for c in kids):
        return True
    return node.dep_ == "xcomp" and node.head.lower_ in _READY
