"""Events from the dependency parse (first version: a small verb lexicon, subject/object roles).

Issue 4 replaces this with the full lexicon, nominal events, factuality, quotes and warnings;
the interface stays: `EventCoder().code(doc, mentions, ctx) -> CoderOutput`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..records import Actor, DocContext, Event, TextSpan, stable_id

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["EventCoder"]

# lemma -> (CAMEO code, PLOVER event, PLOVER mode, Goldstein, quad, PLOVER score)
_LEXICON: dict[str, tuple[str, str, str | None, float, int, float]] = {
    "detain": ("173", "COERCE", "arrest", -5.0, 4, -7.0),
    "arrest": ("173", "COERCE", "arrest", -5.0, 4, -7.0),
    "sell": ("061", "COOPERATE", None, 6.4, 2, 9.5),
    "accuse": ("112", "ACCUSE", "allege", -2.0, 3, -3.5),
    "criticize": ("111", "ACCUSE", "disapprove", -2.0, 3, -2.0),
    "meet": ("040", "CONSULT", None, 1.0, 1, 2.5),
    "visit": ("042", "CONSULT", "visit", 1.9, 1, 4.0),
    "attack": ("190", "ASSAULT", None, -10.0, 4, -9.0),
    "kill": ("190", "ASSAULT", None, -10.0, 4, -9.0),
    "warn": ("130", "THREATEN", None, -4.4, 3, -3.5),
    "protest": ("140", "PROTEST", "demo", -6.5, 4, -5.0),
}


class EventCoder:
    """Codes verb triggers whose subject or object is a resolved actor."""

    def cue_terms(self) -> set[str]:
        """Words that may trigger an event (for the sentence prefilter)."""
        return cue_terms()

    def code(self, doc: Doc, mentions: Sequence[Actor], ctx: DocContext):  # -> CoderOutput
        from ..pipeline import CoderOutput

        by_token = self._mention_index(doc, mentions, ctx.offset)
        events: list[Event] = []
        for s_index, sent in enumerate(doc.sents):
            for tok in sent:
                entry = _LEXICON.get(tok.lemma_.lower())
                if entry is None or tok.pos_ not in {"VERB", "NOUN"}:
                    continue
                actor, recipient = self._arguments(tok, by_token)
                if not actor and not recipient:
                    continue
                cameo, plover, mode, gold, quad, score = entry
                start = tok.idx + ctx.offset
                events.append(
                    Event(
                        event_id=stable_id(ctx.document.doc_id, start, cameo),
                        doc_id=ctx.document.doc_id,
                        sentence_index=ctx.sentence_base + s_index,
                        sentence=sent.text,
                        trigger=TextSpan(text=tok.text, start=start, end=start + len(tok.text)),
                        event=plover,
                        mode=mode,
                        cameo=cameo,
                        cameo_root=cameo[:2],
                        goldstein=gold,
                        quad=quad,
                        plover_score=score,
                        actor=actor,
                        recipient=recipient,
                    )
                )
        return CoderOutput(events=tuple(events))

    @staticmethod
    def _mention_index(doc: Doc, mentions: Sequence[Actor], offset: int) -> dict[int, Actor]:
        index: dict[int, Actor] = {}
        for m in mentions:
            span = doc.char_span(m.start - offset, m.end - offset, alignment_mode="expand")
            if span is not None:
                for t in span:
                    index[t.i] = m
        return index

    @staticmethod
    def _arguments(tok: Token, by_token: dict[int, Actor]) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
        actor: list[Actor] = []
        recipient: list[Actor] = []
        for child in tok.children:
            if child.dep_ in {"nsubj", "agent"} and child.i in by_token:
                actor.append(by_token[child.i])
            elif child.dep_ == "agent":
                actor += [by_token[g.i] for g in child.children if g.i in by_token]
            elif child.dep_ in {"dobj", "nsubjpass"}:
                hits = [by_token[t.i] for t in child.subtree if t.i in by_token]
                recipient += hits[:1]
            elif child.dep_ == "prep" and child.lower_ in {"to", "against", "with", "on"}:
                recipient += [by_token[g.i] for g in child.children if g.i in by_token]
        recipient = [r for r in recipient if all(r is not a for a in actor)]
        return tuple(dict.fromkeys(actor)), tuple(dict.fromkeys(recipient))


def _inflections(lemma: str) -> set[str]:
    """Rough English inflections of a verb lemma, for the sentence prefilter (recall first)."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    return {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", stem + "ing", stem + "ed"}


def cue_terms() -> set[str]:
    """Lower-case words that may trigger an event: the prefilter keeps sentences with one."""
    terms: set[str] = set()
    for lemma in _LEXICON:
        terms |= _inflections(lemma)
    return terms | {"sold", "met"}
