"""When an event happened: the date expression attached to its trigger, else the publication date.

`DateResolver` is the pipeline's date stage (see `pipeline.DateStage`):
- `dateline(document)` reads a news dateline at the head of the text ("BAKU, Feb 3 (Reuters) -")
  and returns its date (a fallback publication date) and its place;
- `resolve(doc, start, end, ctx, past=...)` finds the date expressions in the sentence of the
  trigger at document offsets `start:end`, prefers the one in the trigger's own clause, then
  the nearest in the sentence, and resolves it with `resolve_expression` against the
  publication date. With none, the event gets the publication date (basis "publication").
"""

from __future__ import annotations

import re
from datetime import date as Date
from typing import TYPE_CHECKING

from ..config import Settings
from ..records import DateRef, DocContext, Document
from .clauses import clause_head
from .datexpr import EXPRESSION_PATTERN, resolve_expression

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["DateResolver", "find_expressions", "read_dateline", "resolve_expression"]


_AGENCY = r"\((?:[A-Za-z][\w .&'-]{0,30})\)"
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'\- ]{1,40}?(?:,\s*[A-Z][A-Za-z.' ]{1,30}?)?)"
    r"(?:\s*,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?))?"
    rf"\s*(?:{_AGENCY})?\s*(?:[-\u2013\u2014:]+)\s",
)


def read_dateline(text: str, reference: Date | None) -> tuple[DateRef | None, str | None]:
    """The (date, place) of a dateline at the head of `text`, e.g. 'BAKU, Feb 3 (Reuters) -'.

    The place must be written in capitals, as datelines are; without a year in the dateline
    and without a `reference` date the date is unknown (None) but the place is still returned.
    """
    m = _DATELINE.match(text[:200])
    if not m:
        return None, None
    place = m.group("place").split(",")[0].strip()
    if not place.replace(" ", "").replace(".", "").isupper() or len(place) < 2:
        return None, None
    place = place.title()
    raw = m.group("date")
    if raw is None:
        return None, place
    has_year = bool(re.search(r"\d{4}", raw))
    if reference is None and not has_year:
        return None, place
    found = resolve_expression(raw, reference or Date(9999, 12, 31), past=True)
    return found, place


# A month or weekday name written in lower case is another word: "may", "march", "sat", "sun".
_LOWER_NAME = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    r"|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?)\b"
)


def _dateline_end(text: str) -> int:
    """Where a dateline ends (0 without one)."""
    m = _DATELINE.match(text[:200])
    return m.end() if m else 0


def find_expressions(span: Span, *, date_ents: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Character offsets (within span.doc) of date expressions in a sentence or clause, in order.

    The regex finds what our rules read; the model's DATE entities add only what does not
    overlap those (e.g. "02/01/2009"): an entity such as "Monday and Tuesday" would otherwise
    hide the "Monday" our rules can read. `date_ents` are the doc's DATE entity offsets when the
    caller has them already (reading doc.ents is not free).
    """
    base = span.start_char
    found = [
        (base + m.start(), base + m.end())
        for m in EXPRESSION_PATTERN.finditer(span.text)
        if not _LOWER_NAME.search(m.group())
    ]
    if date_ents is None:
        date_ents = [(e.start_char, e.end_char) for e in span.ents if e.label_ == "DATE"]
    ours = list(found)
    for s, e in date_ents:
        if base <= s and e <= span.end_char and not any(s < oe and os_ < e for os_, oe in ours):
            found.append((s, e))
    return sorted(found)


class DateResolver:
    """The date stage: datelines, and event dates from the trigger's clause or sentence."""

    def __init__(self, *, settings: Settings | None = None) -> None:
        self.settings = settings

    def dateline(self, document: Document) -> tuple[DateRef | None, str | None]:
        """The dateline's (date, place); the date also stands in for a missing publication date."""
        return read_dateline(document.text, document.published)

    def resolve(self, doc: Doc, start: int, end: int, ctx: DocContext, *, past: bool = True) -> DateRef:
        """The event date for the trigger at document offsets start:end (see module docstring)."""
        reference = self._reference(ctx)
        trigger = doc.char_span(start - ctx.offset, end - ctx.offset, alignment_mode="expand")
        if trigger is not None and reference is not None:
            skip_before = _dateline_end(ctx.document.text) - ctx.offset
            found = self._from_text(
                doc, trigger, reference, ctx, past=past, skip_before=skip_before, date_ents=_date_ents(doc, ctx)
            )
            if found is not None:
                return found
        if reference is None:
            return DateRef()
        return DateRef(date=reference, precision="day", text=None, basis="publication")

    @staticmethod
    def _reference(ctx: DocContext) -> Date | None:
        if ctx.document.published is not None:
            return ctx.document.published
        if ctx.dateline is not None and ctx.dateline.date is not None:
            return ctx.dateline.date
        return None

    def _from_text(
        self, doc: Doc, trigger: Span, reference: Date, ctx: DocContext, *, past: bool, skip_before: int,
        date_ents: list[tuple[int, int]],
    ) -> DateRef | None:
        sent = trigger.sent
        head = clause_head(trigger.root)
        candidates: list[tuple[int, int, DateRef]] = []
        for s, e in find_expressions(sent, date_ents=date_ents):
            if s < skip_before:
                continue  # the dateline's date is the publication date, not the event's
            ref = resolve_expression(ctx.text_of(s, e), reference, past=past)
            if ref is None:
                continue
            span = doc.char_span(s, e, alignment_mode="expand")
            same_clause = span is not None and clause_head(span.root) == head
            distance = abs(s - trigger.start_char)
            candidates.append((0 if same_clause else 1, distance, ref))
        if not candidates:
            return None
        return min(candidates, key=lambda c: (c[0], c[1]))[2]


def _date_ents(doc: Doc, ctx: DocContext) -> list[tuple[int, int]]:
    """The piece's DATE entity offsets, computed once per parsed piece (events share them)."""
    cached = ctx.memory.get("dates.ents")
    if cached is None or cached[0] is not doc:
        cached = (doc, [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"])
        ctx.memory["dates.ents"] = cached
    return cached[1]
