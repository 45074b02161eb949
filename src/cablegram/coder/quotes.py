"""Quotes: direct quotations and "X said/told the press that ..." statements, with their speaker.

A direct quotation is text between quote marks; its speaker is the subject of the nearest speech
verb outside the marks in the same sentence. A pronoun speaker ("he said") resolves to the last
speaker or main-clause subject (kept per document in `ctx.memory`) or, failing that, the nearest
earlier actor mention. An indirect quote is the clausal complement of a speech verb when the sentence
has no quotation marks.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..records import Actor, DocContext, Quote, stable_id
from .arguments import MentionIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["SPEECH_CUES", "SPEECH_VERBS", "find_quotes"]

SPEECH_VERBS = {
    "say",
    "tell",
    "add",
    "state",
    "declare",
    "announce",
    "insist",
    "claim",
    "note",
    "explain",
    "stress",
    "warn",
    "write",
    "reply",
    "assert",
    "argue",
    "comment",
    "remark",
    "confirm",
}
SPEECH_CUES = {
    "said",
    "says",
    "told",
    "tells",
    "added",
    "stated",
    "declared",
    "announced",
    "insisted",
    "claimed",
    "noted",
    "explained",
    "stressed",
    "warned",
    "wrote",
    "replied",
    "according",
}
_QUOTE = re.compile(r"[\"“”]([^\"“”]{3,}?)[\"“”]")
_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
_MEMORY = "coder.last_speaker"


def _speech_verb(sent: Span, outside: tuple[int, int]) -> Token | None:
    """The speech verb of the sentence not inside the quotation (character range `outside`)."""
    lo, hi = outside
    verbs = [
        t for t in sent if t.lemma_.lower() in SPEECH_VERBS and t.pos_ == "VERB" and not lo <= t.idx < hi
    ]
    if not verbs:
        verbs = [t for t in sent if t.lower_ == "according" and not lo <= t.idx < hi]
    return min(verbs, key=lambda t: min(abs(t.idx - lo), abs(t.idx - hi))) if verbs else None


def _subject(verb: Token) -> Token | None:
    if verb.lower_ == "according":
        return next((g for c in verb.children for g in c.children if g.dep_ == "pobj"), None)
    subj = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return subj[0] if subj else None


def _speaker(subj: Token | None, index: MentionIndex, ctx: DocContext) -> tuple[Actor | None, str | None]:
    if subj is None:
        return None, None
    text = subj.doc[subj.left_edge.i : subj.right_edge.i + 1].text
    found = index.of(subj)
    if found:
        ctx.memory[_MEMORY] = found[0]
        return found[0], text
    if subj.lower_ in _PRONOUNS:
        earlier = ctx.memory.get(_MEMORY) or _last_mention_before(subj, index)
        return earlier, text
    return None, text


def _last_mention_before(tok: Token, index: MentionIndex) -> Actor | None:
    before = [i for i in index.by_token if i < tok.i]
    return index.by_token[max(before)] if before else None


def _quote(ctx: DocContext, s_index: int, sent: Span, start: int, end: int, **kw: Any) -> Quote:
    doc_start, doc_end = start + ctx.offset, end + ctx.offset
    # Doc.text rebuilds the whole text on every call; slice the sentence instead
    text = sent.text[start - sent.start_char : end - sent.start_char]
    return Quote(
        quote_id=stable_id(ctx.document.doc_id, doc_start, doc_end),
        doc_id=ctx.document.doc_id,
        sentence_index=s_index,
        sentence=sent.text,
        text=text,
        start=doc_start,
        end=doc_end,
        **kw,
    )


def _direct(sent: Span, index: MentionIndex, ctx: DocContext, s_index: int) -> list[Quote]:
    out: list[Quote] = []
    for m in _QUOTE.finditer(sent.text):
        inner = m.group(1).rstrip(" ,.;:")
        lo = sent.start_char + m.start(1)
        hi = lo + len(inner)
        if len(m.group(1).split()) < 3:
            continue  # scare quotes around a word or two are not statements
        verb = _speech_verb(sent, (lo - 1, hi + 1))
        actor, speaker_text = _speaker(_subject(verb) if verb is not None else None, index, ctx)
        out.append(
            _quote(
                ctx,
                s_index,
                sent,
                lo,
                hi,
                kind="direct",
                speaker=actor,
                speaker_text=speaker_text,
                cue=verb.text if verb is not None else None,
            )
        )
    return out


def _indirect(sent: Span, index: MentionIndex, ctx: DocContext, s_index: int) -> list[Quote]:
    out: list[Quote] = []
    for verb in (t for t in sent if t.lemma_.lower() in SPEECH_VERBS and t.pos_ == "VERB"):
        comp = [c for c in verb.children if c.dep_ == "ccomp"]
        if not comp:
            continue
        words = [t for t in comp[0].subtree if t.dep_ != "mark" or t.head != comp[0]]
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        actor, speaker_text = _speaker(_subject(verb), index, ctx)
        if speaker_text is None:
            continue
        out.append(
            _quote(
                ctx,
                s_index,
                sent,
                start,
                end,
                kind="indirect",
                speaker=actor,
                speaker_text=speaker_text,
                cue=verb.text,
            )
        )
    return out


def find_quotes(
    doc: Doc, index: MentionIndex, ctx: DocContext, *, sents: list[Span] | None = None
) -> list[Quote]:
    """Direct and indirect quotes in a parsed piece of a document."""
    quotes: list[Quote] = []
    for i, sent in enumerate(sents if sents is not None else doc.sents):
        s_index = ctx.sentence_base + i
        direct = _direct(sent, index, ctx, s_index)
        quotes += direct or _indirect(sent, index, ctx, s_index)
        _remember_subject(sent, index, ctx)
    return quotes


def _remember_subject(sent: Span, index: MentionIndex, ctx: DocContext) -> None:
    """Keep the main-clause subject: a later "he said" most often points back to it."""
    subj = [c for c in sent.root.children if c.dep_ in {"nsubj", "nsubjpass"}]
    found = index.of(subj[0]) if subj else []
    if found:
        ctx.memory[_MEMORY] = found[0]
