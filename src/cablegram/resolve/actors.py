"""Actor mentions → country, sector, CAMEO code (first version: countries and sector nouns).

Replaced by the full knowledge-base resolver (issue 3); the interface stays:
`ActorResolver().find_mentions(doc, ctx) -> list[Actor]`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import Actor, DocContext

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["ActorResolver"]

_COUNTRIES = {
    "israel": "ISR",
    "israeli": "ISR",
    "azerbaijan": "AZE",
    "azerbaijani": "AZE",
    "azeri": "AZE",
    "iran": "IRN",
    "iranian": "IRN",
    "russia": "RUS",
    "russian": "RUS",
    "ukraine": "UKR",
    "ukrainian": "UKR",
    "united states": "USA",
    "us": "USA",
    "u.s.": "USA",
    "america": "USA",
    "american": "USA",
    "georgia": "GEO",
    "georgian": "GEO",
    "armenia": "ARM",
    "armenian": "ARM",
    "egypt": "EGY",
    "egyptian": "EGY",
    "turkey": "TUR",
    "turkish": "TUR",
    "baku": "AZE",
    "china": "CHN",
    "chinese": "CHN",
    "france": "FRA",
    "french": "FRA",
    "britain": "GBR",
    "british": "GBR",
    "germany": "DEU",
    "german": "DEU",
}
_SECTORS = {
    "police": "COP",
    "policeman": "COP",
    "army": "MIL",
    "troops": "MIL",
    "military": "MIL",
    "soldier": "MIL",
    "ministry": "GOV",
    "government": "GOV",
    "president": "GOV",
    "minister": "GOV",
    "ambassador": "GOV",
    "embassy": "GOV",
    "protester": "CVL",
    "demonstrator": "CVL",
    "rebel": "REB",
    "court": "JUD",
    "parliament": "LEG",
    "intelligence": "SPY",
    "citizen": "CVL",
    "journalist": "JRN",
}


class ActorResolver:
    """Finds actor mentions in a parsed doc: noun chunks and entities naming a country or sector."""

    def find_mentions(self, doc: Doc, ctx: DocContext) -> list[Actor]:
        found: list[Actor] = []
        taken: set[int] = set()
        spans = list(doc.ents) + list(doc.noun_chunks)
        for span in spans:
            if any(t.i in taken for t in span):
                continue
            actor = self._resolve(span, ctx.offset)
            if actor is not None:
                found.append(actor)
                taken.update(t.i for t in span)
        found.sort(key=lambda a: a.start)
        return found

    def _resolve(self, span: Span, offset: int) -> Actor | None:
        country = sector = None
        low = span.text.lower()
        if low in _COUNTRIES:
            country = _COUNTRIES[low]
        for tok in span:
            country = country or _COUNTRIES.get(tok.lower_)
            sector = _SECTORS.get(tok.lemma_.lower(), sector)
        if country is None and sector is None:
            return None
        code = (country or "---") + (sector or "") if country or sector else None
        return Actor(
            text=span.text,
            start=span.start_char + offset,
            end=span.end_char + offset,
            name=span.text,
            country=country,
            sector=sector,
            cameo_code=code,
        )
