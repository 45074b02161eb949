"""Cut a text into segments for highlighting, from (start, end, kind, ref) spans.

The page templates print each segment's text through Jinja's autoescape and mark it with the
kinds and refs of the spans covering it, so overlapping annotations (a trigger inside a quote)
both show. One sweep over the sorted boundaries: linear in the text's annotations.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["Segment", "Span", "event_spans", "segments", "sentence_segments"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """An annotation over character offsets [start, end) of a text."""

    start: int
    end: int
    kind: str  # trigger, actor, recipient, place, quote, advisory
    ref: str  # the id of the record it belongs to


@dataclass(frozen=True, slots=True, kw_only=True)
class Segment:
    """A run of text covered by the same annotations (none for plain text)."""

    text: str
    kinds: tuple[str, ...] = ()
    refs: tuple[str, ...] = ()


def segments(text: str, spans: Iterable[Span]) -> list[Segment]:
    """The text cut at every span boundary; spans outside the text are clipped or dropped."""
    size = len(text)
    valid = [s for s in spans if 0 <= s.start < s.end and s.start < size]
    cuts = sorted({0, size, *(s.start for s in valid), *(min(s.end, size) for s in valid)})
    starts: dict[int, list[Span]] = {}
    for s in valid:
        starts.setdefault(s.start, []).append(s)
    active: list[Span] = []
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:]):
        active = [s for s in active if s.end > a] + starts.get(a, [])
        kinds = tuple(dict.fromkeys(s.kind for s in active))
        refs = tuple(dict.fromkeys(s.ref for s in active))
        out.append(Segment(text=text[a:b], kinds=kinds, refs=refs))
    return out


def event_spans(event: dict[str, Any], *, ref: str | None = None) -> list[Span]:
    """Trigger, actor, recipient and place spans of an event dict (`Event.to_dict()` shape)."""
    key = ref or event["event_id"]
    trig = event.get("trigger") or {}
    out = []
    if trig.get("start") is not None and trig.get("end") is not None:
        out.append(Span(start=trig["start"], end=trig["end"], kind="trigger", ref=key))
    for role in ("actor", "recipient"):
        for a in event.get(role) or ():
            if a.get("start") is not None and a.get("end") is not None and a["end"] > a["start"]:
                out.append(Span(start=a["start"], end=a["end"], kind=role, ref=key))
    loc = event.get("location") or {}
    if loc.get("start") is not None and loc.get("end") is not None:
        out.append(Span(start=loc["start"], end=loc["end"], kind="place", ref=key))
    return out


def _sentence_base(sentence: str, spans: Sequence[Span], trigger: str | None) -> int | None:
    """Where the sentence starts in its document, found from the trigger's offsets.

    Offsets are document offsets and the sentence's own start is not stored; the trigger's
    text is in the sentence, and of its occurrences we take the one where the most other spans
    fit inside the sentence."""
    trig = next((s for s in spans if s.kind == "trigger"), None)
    if trig is None or not trigger:
        return None
    best, best_fit = None, -1
    pos = sentence.find(trigger)
    while pos >= 0:
        base = trig.start - pos
        fit = sum(1 for s in spans if 0 <= s.start - base and s.end - base <= len(sentence))
        if fit > best_fit:
            best, best_fit = base, fit
        pos = sentence.find(trigger, pos + 1)
    return best


def sentence_segments(event: dict[str, Any]) -> list[Segment]:
    """The event's sentence with its trigger, actors and place marked."""
    sentence = event.get("sentence") or ""
    spans = event_spans(event)
    base = _sentence_base(sentence, spans, (event.get("trigger") or {}).get("text"))
    if base is None:
        return [Segment(text=sentence)]
    shifted = [Span(start=s.start - base, end=s.end - base, kind=s.kind, ref=s.ref) for s in spans]
    return segments(sentence, [s for s in shifted if s.start >= 0 and s.end <= len(sentence)])
