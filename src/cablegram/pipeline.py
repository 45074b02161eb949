"""Compose the stages: ingest → nlp → resolve (actors) → coder → resolve (dates, places).

This is the only module that knows the order of the stages. Each stage is a small object with
the methods in the protocols below; stages import only `records`, `errors` and `config`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date as Date
from typing import TYPE_CHECKING, Any, Protocol

from .config import Settings
from .records import (
    Actor,
    Advisory,
    CodedDocument,
    DateRef,
    DocContext,
    Document,
    Event,
    Place,
    Quote,
    content_hash,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .nlp.prefilter import SentencePrefilter

__all__ = ["Pipeline", "CoderOutput", "code_text"]


@dataclass(frozen=True, slots=True, kw_only=True)
class CoderOutput:
    """What the coder finds in one parsed piece (dates and places are filled in later)."""

    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    advisories: tuple[Advisory, ...] = ()


class ActorStage(Protocol):
    def find_mentions(self, doc: Doc, ctx: DocContext) -> list[Actor]: ...


class CoderStage(Protocol):
    def code(self, doc: Doc, mentions: Sequence[Actor], ctx: DocContext) -> CoderOutput: ...


class DateStage(Protocol):
    def dateline(self, document: Document) -> tuple[DateRef | None, str | None]: ...

    def resolve(self, doc: Doc, start: int, end: int, ctx: DocContext, *, past: bool = True) -> DateRef: ...


class PlaceStage(Protocol):
    def locate(self, doc: Doc, event: Event, mentions: Sequence[Actor], ctx: DocContext) -> Place | None: ...


def replace_ctx(ctx: DocContext, offset: int, sentence_base: int) -> DocContext:
    """The same document context (shared memory) positioned at another piece."""
    ctx.offset = offset
    ctx.sentence_base = sentence_base
    return ctx


def _default_stages(settings: Settings) -> dict[str, Any]:
    from .coder import EventCoder
    from .resolve.actors import ActorResolver
    from .resolve.dates import DateResolver
    from .resolve.places import PlaceResolver

    return {
        "actors": ActorResolver(settings=settings),
        "coder": EventCoder(settings=settings),
        "dates": DateResolver(settings=settings),
        "places": PlaceResolver(settings=settings),
    }


@dataclass(slots=True)
class Pipeline:
    """Turn documents into coded events.

    >>> from cablegram import Pipeline
    >>> events = Pipeline().code_text("Police detained 25 demonstrators in Baku.")  # doctest: +SKIP
    """

    settings: Settings = field(default_factory=Settings.load)
    nlp: Language | None = None
    stages: dict[str, Any] = field(default_factory=dict)
    _filter_cache: SentencePrefilter | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.nlp is None:
            from .nlp.model import load_nlp

            self.nlp = load_nlp(self.settings["model"])
        defaults = _default_stages(self.settings)
        self.stages = {**defaults, **self.stages}

    # -- public API -------------------------------------------------------------------------
    def code_text(
        self, text: str, *, published: Date | None = None, doc_id: str | None = None
    ) -> list[Event]:
        """Code one text and return its events."""
        from .ingest.text import clean_text  # lone surrogates cannot be written out anywhere

        text = clean_text(text)
        document = Document(doc_id=doc_id or content_hash(text)[:16], text=text, published=published)
        return list(self.code_document(document).events)

    def code_document(self, document: Document) -> CodedDocument:
        """Code one document and return everything found in it."""
        return next(iter(self.code_documents([document])))

    def code_documents(self, documents: Iterable[Document]) -> Iterator[CodedDocument]:
        """Code documents in batches, in input order."""
        batch: list[Document] = []
        for document in documents:
            batch.append(document)
            if len(batch) >= self.settings["batch_size"]:
                yield from self._code_batch(batch)
                batch = []
        if batch:
            yield from self._code_batch(batch)

    # -- internals --------------------------------------------------------------------------
    def _prefilter(self) -> SentencePrefilter | None:
        """The sentence prefilter, when enabled and the coder can say what its cues are."""
        if not self.settings["prefilter"]:
            return None
        if self._filter_cache is None:
            cue_terms = getattr(self.stages["coder"], "cue_terms", None)
            if cue_terms is None:
                return None
            from .nlp.prefilter import SentencePrefilter

            # a sentence needs an actor cue only when the coder needs a named actor or recipient
            actor_terms = getattr(self.stages["actors"], "cue_terms", None)
            if not self.settings["coder_require_argument"]:
                actor_terms = None
            self._filter_cache = SentencePrefilter(cue_terms(), actor_terms() if actor_terms else None)
        return self._filter_cache

    def _code_batch(self, batch: Sequence[Document]) -> Iterator[CodedDocument]:
        prefilter = self._prefilter()
        if prefilter is None:
            yield from self._code_whole(batch)
            return
        assert self.nlp is not None
        splits = list(prefilter.split(d.text for d in batch))
        plans = [prefilter.pieces(d.text, sents) for d, sents in zip(batch, splits)]
        texts = (d.text[p.start : p.end] for d, (pieces, _) in zip(batch, plans) for p in pieces)
        parsed = iter(self.nlp.pipe(texts, batch_size=self.settings["batch_size"] * 8))
        for document, sents, (pieces, n_words) in zip(batch, splits, plans):
            ctx = self._context(document)
            found = [
                self._code_piece(next(parsed), replace_ctx(ctx, p.start, p.sentence_index)) for p in pieces
            ]
            yield self._assemble(document, found, n_sentences=len(sents), n_words=n_words)

    def _code_whole(self, batch: Sequence[Document]) -> Iterator[CodedDocument]:
        """Parse each document whole (prefilter off)."""
        assert self.nlp is not None
        longest = max((len(d.text) for d in batch), default=0)
        self.nlp.max_length = max(self.nlp.max_length, longest + 1)  # parse long documents whole
        docs = self.nlp.pipe((d.text for d in batch), batch_size=self.settings["batch_size"])
        for document, doc in zip(batch, docs):
            found = [self._code_piece(doc, self._context(document))]
            n_words = sum(1 for t in doc if not t.is_punct and not t.is_space)
            yield self._assemble(document, found, n_sentences=sum(1 for _ in doc.sents), n_words=n_words)

    def _context(self, document: Document) -> DocContext:
        dateline, dateline_place = self.stages["dates"].dateline(document)
        return DocContext(document=document, dateline=dateline, dateline_place=dateline_place)

    def _code_piece(self, doc: Doc, ctx: DocContext) -> tuple[list[Actor], CoderOutput]:
        """Actors, then events, quotes and advisories (dated and placed) in one parsed piece."""
        mentions = self.stages["actors"].find_mentions(doc, ctx)
        out: CoderOutput = self.stages["coder"].code(doc, mentions, ctx)
        events = tuple(self._place_and_date(doc, e, mentions, ctx) for e in out.events)
        quotes = tuple(replace(q, date=self._date(doc, q.start, q.end, ctx)) for q in out.quotes)
        advisories = tuple(
            replace(a, date=self._date(doc, a.trigger.start, a.trigger.end, ctx)) for a in out.advisories
        )
        return mentions, CoderOutput(events=events, quotes=quotes, advisories=advisories)

    def _assemble(
        self,
        document: Document,
        found: list[tuple[list[Actor], CoderOutput]],
        *,
        n_sentences: int,
        n_words: int,
    ) -> CodedDocument:
        return CodedDocument(
            document=document,
            events=self._filter(tuple(e for _, out in found for e in out.events)),
            quotes=tuple(q for _, out in found for q in out.quotes),
            advisories=tuple(a for _, out in found for a in out.advisories),
            mentions=tuple(m for mentions, _ in found for m in mentions),
            n_sentences=n_sentences,
            n_words=n_words,
        )

    def _date(self, doc: Doc, start: int, end: int, ctx: DocContext, *, past: bool = True) -> DateRef:
        return self.stages["dates"].resolve(doc, start, end, ctx, past=past)

    def _place_and_date(self, doc: Doc, event: Event, mentions: Sequence[Actor], ctx: DocContext) -> Event:
        past = event.factuality not in {"planned", "hypothetical"}
        when = self._date(doc, event.trigger.start, event.trigger.end, ctx, past=past)
        where = self.stages["places"].locate(doc, event, mentions, ctx)
        return replace(event, date=when, location=where)

    def _filter(self, events: tuple[Event, ...]) -> tuple[Event, ...]:
        floor = self.settings["min_confidence"]
        drop_negated = self.settings["drop_negated"]
        return tuple(
            e
            for e in events
            if (e.confidence is None or e.confidence >= floor)
            and not (drop_negated and e.factuality == "negated")
        )


_PIPELINE: Pipeline | None = None


def code_text(text: str, *, published: Date | None = None) -> list[Event]:
    """Code a text with a shared default pipeline (loaded on first use)."""
    global _PIPELINE
    if _PIPELINE is None:
        _PIPELINE = Pipeline()
    return _PIPELINE.code_text(text, published=published)
