"""Actor lookup accuracy on hand-coded real text (the realdev schema).

For every gold actor of every event (the `source` and `target` lists) that has a country and a
`text` written in its event's sentence (implicit actors without text are skipped), the mention is
looked up with its passage as context, exactly as `cablegram kb lookup TEXT --context PASSAGE`
does, and the resolved country and sector are compared with the gold ones.

Sectors are compared in this project's codes: realdev writes media as MED (CAMEO's sense), we write
JRN; protesters are PRO in realdev and may come out as OPP or PRO here (both are counted right).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Any, Protocol

__all__ = ["ActorScore", "realdev_actor_accuracy"]

SAME_SECTOR = {("MED", "JRN"), ("PRO", "OPP"), ("PRO", "CVL")}


class _Lookup(Protocol):
    def lookup(self, text: str, *, date: Date | None = None, context: str | None = None,
               url: str | None = None) -> Any: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorScore:
    """Counts and accuracies of a realdev actor lookup run."""

    actors: int = 0
    with_mention: int = 0
    country_right: int = 0
    sector_right: int = 0
    unresolved: int = 0
    misses: tuple[dict[str, Any], ...] = field(default=(), repr=False)
    wrong_by_rule: dict[str, int] = field(default_factory=dict)

    @property
    def country_accuracy(self) -> float:
        return self.country_right / self.with_mention if self.with_mention else 0.0

    @property
    def sector_accuracy(self) -> float:
        return self.sector_right / self.with_mention if self.with_mention else 0.0

    def as_dict(self) -> dict[str, Any]:
        """The figures as plain JSON (for `cablegram eval` and reports)."""
        return {"actors": self.actors, "with_mention": self.with_mention, "country_right": self.country_right,
                "country_accuracy": round(self.country_accuracy, 4), "sector_right": self.sector_right,
                "sector_accuracy": round(self.sector_accuracy, 4), "unresolved": self.unresolved,
                "wrong_by_rule": dict(self.wrong_by_rule)}


def _sector_ok(gold: str | None, got: str | None) -> bool:
    return gold == got or (gold, got) in SAME_SECTOR


def _date(record: Mapping[str, Any]) -> Date | None:
    for key in ("doc_date_inferred", "pub_date"):
        try:
            return Date.fromisoformat(str(record.get(key))[:10])
        except ValueError:
            continue
    return None


def realdev_actor_accuracy(records: Iterable[Mapping[str, Any]], resolver: _Lookup) -> ActorScore:
    """Look every gold actor with a country up in its passage; count right countries and sectors."""
    actors = with_mention = country_right = sector_right = unresolved = 0
    misses: list[dict[str, Any]] = []
    wrong: Counter[str] = Counter()
    for record in records:
        when = _date(record)
        for event in record.get("events", ()):
            sentence = event.get("sentence_text") or ""
            for gold in (*event.get("source", ()), *event.get("target", ())):
                if not gold.get("country"):
                    continue
                actors += 1
                text = gold.get("text")
                if not text or text not in sentence:
                    continue
                with_mention += 1
                res = resolver.lookup(text, date=when, context=record["text"], url=record.get("url"))
                got_country = res.country if res is not None else None
                got_sector = res.sector if res is not None else None
                unresolved += res is None
                country_right += got_country == gold["country"]
                sector_right += _sector_ok(gold.get("sector"), got_sector)
                if got_country != gold["country"]:
                    wrong[getattr(res, "rule", None) or "unresolved"] += 1
                    misses.append({"doc": record.get("id"), "text": text, "gold": gold["country"],
                                   "got": got_country, "rule": getattr(res, "rule", None)})
    return ActorScore(actors=actors, with_mention=with_mention, country_right=country_right,
                      sector_right=sector_right, unresolved=unresolved, misses=tuple(misses),
                      wrong_by_rule=dict(wrong))
