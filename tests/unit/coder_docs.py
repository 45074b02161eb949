"""Hand-built parses for the coder's unit tests (no model is loaded)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from cablegram.records import Actor, DocContext, Document, Event

# an English vocab, so lexical attributes (lower_, like_num) work as with the model
_VOCAB = spacy.blank("en").vocab


def parse(rows: list[tuple[str, str, str, str, int]]) -> Doc:
    """A Doc from (word, lemma, pos, dep, head index) rows; the root points at itself."""
    words, lemmas, pos, deps, heads = zip(*rows, strict=True)
    return Doc(
        _VOCAB, words=list(words), lemmas=list(lemmas), pos=list(pos), deps=list(deps), heads=list(heads)
    )


def parse_tagged(rows: list[tuple[str, str, str, str, str, int]], *, ents: list[str] | None = None) -> Doc:
    """A Doc from (word, lemma, pos, tag, dep, head) rows, optionally with IOB entity tags."""
    words, lemmas, pos, tags, deps, heads = zip(*rows, strict=True)
    return Doc(
        _VOCAB, words=list(words), lemmas=list(lemmas), pos=list(pos), tags=list(tags), deps=list(deps),
        heads=list(heads), ents=ents,
    )


def mention(
    doc: Doc, i: int, j: int | None = None, *, country: str | None = None, sector: str | None = None
) -> Actor:
    """An actor mention over tokens i..j (inclusive) of `doc`."""
    span = doc[i : (j if j is not None else i) + 1]
    return Actor(text=span.text, start=span.start_char, end=span.end_char, country=country, sector=sector)


def mentions_of(doc: Doc, spans: list[tuple[int, int, str | None, str | None]]) -> list[Actor]:
    """Mentions from (first token, last token, country, sector) spans."""
    return [mention(doc, i, j, country=c, sector=s) for i, j, c, s in spans]


def code_rows(
    rows: list[tuple[str, str, str, str, str, int]],
    spans: list[tuple[int, int, str | None, str | None]],
    *,
    ents: list[str] | None = None,
    **ctx: str | None,
) -> tuple[Event, ...]:
    """The events the coder finds in a hand-built parse with the given mentions (`ctx`: the
    keywords of `context`)."""
    from cablegram.coder import EventCoder

    doc = parse_tagged(rows, ents=ents)
    return EventCoder().code(doc, mentions_of(doc, spans), context(doc, **ctx)).events


def context(doc: Doc, *, home: str | None = None, url: str | None = None) -> DocContext:
    """A context for a doc coded on its own (`home`: the country the actor stage found)."""
    ctx = DocContext(document=Document(doc_id="t", text=doc.text, url=url))
    if home:
        ctx.memory["actors.home"] = home
    return ctx


# "Police detained 25 of the 150 demonstrators in Baku ."
DETAINED = [
    ("Police", "police", "NOUN", "nsubj", 1),
    ("detained", "detain", "VERB", "ROOT", 1),
    ("25", "25", "NUM", "dobj", 1),
    ("of", "of", "ADP", "prep", 2),
    ("the", "the", "DET", "det", 6),
    ("150", "150", "NUM", "nummod", 6),
    ("demonstrators", "demonstrator", "NOUN", "pobj", 3),
    ("in", "in", "ADP", "prep", 1),
    ("Baku", "Baku", "PROPN", "pobj", 7),
    (".", ".", "PUNCT", "punct", 1),
]

# "Israel sold weapons to Azerbaijan ."
SOLD = [
    ("Israel", "Israel", "PROPN", "nsubj", 1),
    ("sold", "sell", "VERB", "ROOT", 1),
    ("weapons", "weapon", "NOUN", "dobj", 1),
    ("to", "to", "ADP", "dative", 1),
    ("Azerbaijan", "Azerbaijan", "PROPN", "pobj", 3),
    (".", ".", "PUNCT", "punct", 1),
]

# "Azerbaijan was attacked by Russia ."
PASSIVE = [
    ("Azerbaijan", "Azerbaijan", "PROPN", "nsubjpass", 2),
    ("was", "be", "AUX", "auxpass", 2),
    ("attacked", "attack", "VERB", "ROOT", 2),
    ("by", "by", "ADP", "agent", 2),
    ("Russia", "Russia", "PROPN", "pobj", 3),
    (".", ".", "PUNCT", "punct", 2),
]

# "Russia did not attack Ukraine ."
NEGATED = [
    ("Russia", "Russia", "PROPN", "nsubj", 3),
    ("did", "do", "AUX", "aux", 3),
    ("not", "not", "PART", "neg", 3),
    ("attack", "attack", "VERB", "ROOT", 3),
    ("Ukraine", "Ukraine", "PROPN", "dobj", 3),
    (".", ".", "PUNCT", "punct", 3),
]

# "Iran may have attacked Israel , according to the cable ."
SPECULATIVE = [
    ("Iran", "Iran", "PROPN", "nsubj", 3),
    ("may", "may", "AUX", "aux", 3),
    ("have", "have", "AUX", "aux", 3),
    ("attacked", "attack", "VERB", "ROOT", 3),
    ("Israel", "Israel", "PROPN", "dobj", 3),
    (",", ",", "PUNCT", "punct", 3),
    ("according", "accord", "VERB", "prep", 3),
    ("to", "to", "ADP", "prep", 6),
    ("the", "the", "DET", "det", 9),
    ("cable", "cable", "NOUN", "pobj", 7),
    (".", ".", "PUNCT", "punct", 3),
]

# "the assassination of Mughniyah by Israel"
NOMINAL = [
    ("the", "the", "DET", "det", 1),
    ("assassination", "assassination", "NOUN", "ROOT", 1),
    ("of", "of", "ADP", "prep", 1),
    ("Mughniyah", "Mughniyah", "PROPN", "pobj", 2),
    ("by", "by", "ADP", "prep", 1),
    ("Israel", "Israel", "PROPN", "pobj", 4),
]

# "Iran vowed to retaliate against Israel ."
VOWED = [
    ("Iran", "Iran", "PROPN", "nsubj", 1),
    ("vowed", "vow", "VERB", "ROOT", 1),
    ("to", "to", "PART", "aux", 3),
    ("retaliate", "retaliate", "VERB", "xcomp", 1),
    ("against", "against", "ADP", "prep", 3),
    ("Israel", "Israel", "PROPN", "pobj", 4),
    (".", ".", "PUNCT", "punct", 1),
]
