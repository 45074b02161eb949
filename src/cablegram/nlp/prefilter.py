"""Find candidate sentences cheaply, so that only those are parsed.

Parsing is the cost (≈5k words/s); tokenising and splitting sentences is ≈50× faster. A
sentence is a candidate when it contains a trigger cue (a word the coder can code, found with
one Aho-Corasick pass over the lower-cased text at word boundaries) or a quotation mark (the
coder's quote finder needs those), and a word that can name an actor (the actor stage's cues:
the first words of its knowledge-base names, sector nouns, subject pronouns). Consecutive
candidates are parsed as one piece. What the filter loses and gains is measured on the dev
sets by `bench/prefilter.py`; on news nearly every sentence qualifies, so it is off by default.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

__all__ = ["Piece", "SentencePrefilter"]

_QUOTES = ('"', "“", "”", "«", "»")


@dataclass(frozen=True, slots=True, kw_only=True)
class Piece:
    """A run of consecutive candidate sentences: the first one's index and the run's offsets."""

    sentence_index: int
    start: int
    end: int


def _reattach_opening_quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Move an opening quotation mark left at the end of a sentence to the start of the next.

    The rule-based sentencizer splits `Israel. "We will...` after the quote mark; the quote
    finder needs the mark with the sentence it opens.
    """
    out = list(spans)
    for i in range(len(out) - 1):
        start, end = out[i]
        body = text[start:end].rstrip()
        cut = start + len(body) - 1
        if body and body[-1] in _QUOTES and cut > start and text[cut - 1].isspace():
            out[i] = (start, cut)
            out[i + 1] = (cut, out[i + 1][1])
    return [(s, e) for s, e in out if text[s:e].strip()]


def _automaton(terms: Iterable[str]):
    """An Aho-Corasick automaton over lower-cased terms (None when there are none)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for term in {t.strip().lower() for t in terms if t and t.strip()}:
        automaton.add_word(term, len(term))
    if len(automaton) == 0:
        return None
    automaton.make_automaton()
    return automaton


def _found(automaton, low: str) -> bool:
    """True when a term of the automaton occurs in `low` at word boundaries."""
    if automaton is None:
        return False
    for end, length in automaton.iter(low):
        start = end - length + 1
        before = low[start - 1] if start > 0 else " "
        after = low[end + 1] if end + 1 < len(low) else " "
        if not before.isalnum() and not after.isalnum():
            return True
    return False


class SentencePrefilter:
    """Split a text into sentences and keep those with a trigger cue or a quotation."""

    def __init__(self, cue_terms: Iterable[str], actor_terms: Iterable[str] | None = None) -> None:
        self._automaton = _automaton(cue_terms)
        self._actors = _automaton(actor_terms) if actor_terms is not None else None

    @cached_property
    def _splitter(self):  # spaCy's rule-based sentencizer over a blank English tokenizer
        from .model import blank_nlp

        nlp = blank_nlp()
        nlp.max_length = 200_000_000  # tokenising only: long documents are fine here
        return nlp

    def split(self, texts: Iterable[str]) -> Iterable[list[tuple[int, int]]]:
        """Sentence (start, end) character offsets for each text."""
        for doc in self._splitter.pipe(texts, batch_size=256):
            yield _reattach_opening_quotes(doc.text, [(s.start_char, s.end_char) for s in doc.sents])

    def has_cue(self, sentence: str) -> bool:
        """True when the sentence holds a trigger cue or a quotation mark, and (when actor
        terms were given) a word that can name an actor."""
        low = sentence.lower()
        if not (any(q in sentence for q in _QUOTES) or _found(self._automaton, low)):
            return False
        return self._actors is None or _found(self._actors, low)

    def pieces(self, text: str, sentences: list[tuple[int, int]]) -> tuple[list[Piece], int]:
        """The candidate pieces of one text, and how many words the text has."""
        keep: list[Piece] = []
        last = -2
        for i, (s, e) in enumerate(sentences):
            if not self.has_cue(text[s:e]):
                continue
            if i == last + 1 and keep:  # a run of candidates is parsed as one piece (cheaper, more context)
                keep[-1] = Piece(sentence_index=keep[-1].sentence_index, start=keep[-1].start, end=e)
            else:
                keep.append(Piece(sentence_index=i, start=s, end=e))
            last = i
        return keep, len(text.split())
