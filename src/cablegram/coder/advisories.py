"""Security warnings and travel advisories as records: issuer, countries covered, threats, level.

A sentence is an advisory when a warning word ("warn", "advisory", "alert", "caution") comes with
either a travel cue or a threat word ("The US Department of State has issued travel alerts for
Azerbaijan"; "The Israeli Foreign Ministry had warned against possible terror attacks ... in
Azerbaijan, Georgia, Armenia, Egypt and Turkey"). The issuer is the subject of the warning verb
(or of "issue"); the countries are the country mentions in the sentence other than the issuer's
own; the level is read from the stated wording ("level 4", "do not travel").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..records import Actor, Advisory, DocContext, TextSpan, stable_id
from .arguments import MentionIndex

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["ADVISORY_CUES", "find_advisories"]

_WARN_LEMMAS = {"warn", "warning", "advisory", "alert", "caution", "advise"}
ADVISORY_CUES = {
    "warn",
    "warned",
    "warns",
    "warning",
    "warnings",
    "advisory",
    "advisories",
    "alert",
    "alerts",
    "caution",
    "cautioned",
    "advise",
    "advised",
    "advises",
}
_TRAVEL = {"travel", "traveler", "traveller", "tourist", "citizen", "national", "visitor", "trip"}
_THREATS = {
    "terror": "terrorism",
    "terrorism": "terrorism",
    "terrorist": "terrorism",
    "bombing": "terrorism",
    "kidnap": "kidnapping",
    "kidnapping": "kidnapping",
    "abduction": "kidnapping",
    "hostage": "kidnapping",
    "unrest": "unrest",
    "protest": "unrest",
    "demonstration": "unrest",
    "riot": "unrest",
    "crime": "crime",
    "criminal": "crime",
    "robbery": "crime",
    "theft": "crime",
    "war": "armed_conflict",
    "fighting": "armed_conflict",
    "conflict": "armed_conflict",
    "clash": "armed_conflict",
    "landmine": "armed_conflict",
    "disease": "health",
    "outbreak": "health",
    "epidemic": "health",
    "earthquake": "natural_disaster",
    "flood": "natural_disaster",
    "hurricane": "natural_disaster",
    "attack": "attack",
    "violence": "violence",
    "piracy": "piracy",
    "detention": "arbitrary_detention",
}
_LEVELS = [
    (re.compile(r"\blevel\s*([1-4])\b", re.I), None),
    (re.compile(r"\bdo not travel\b", re.I), "do not travel"),
    (re.compile(r"\breconsider travel\b", re.I), "reconsider travel"),
    (re.compile(r"\bavoid all (?:but essential )?travel\b", re.I), "avoid all travel"),
    (re.compile(r"\bavoid (?:all )?non-essential travel\b", re.I), "avoid non-essential travel"),
    (re.compile(r"\bexercise (?:a high degree of|increased) caution\b", re.I), "exercise increased caution"),
    (re.compile(r"\bleave (?:the country )?immediately\b", re.I), "leave immediately"),
]


def _level(text: str) -> str | None:
    for pattern, label in _LEVELS:
        m = pattern.search(text)
        if m:
            return label or f"level {m.group(1)}"
    return None


def _issuer(trigger: Token, index: MentionIndex) -> Actor | None:
    node = trigger
    for _ in range(3):
        subj = [c for c in node.children if c.dep_ in {"nsubj", "agent"}]
        if subj:
            tok = subj[0] if subj[0].dep_ == "nsubj" else next(iter(subj[0].children), subj[0])
            found = index.of(tok)
            return found[0] if found else None
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _trigger(sent: Span) -> Token | None:
    hits = [t for t in sent if t.lemma_.lower() in _WARN_LEMMAS]
    if not hits:
        return None
    lemmas = {t.lemma_.lower() for t in sent}
    if not (
        lemmas & _TRAVEL
        or lemmas & set(_THREATS)
        or any(t.lemma_.lower() in {"advisory", "alert"} for t in hits)
    ):
        return None
    return hits[0]


def find_advisories(
    sent: Span, index: MentionIndex, ctx: DocContext, *, sentence_index: int
) -> list[Advisory]:
    """The advisory in one sentence, if it is one (at most one per sentence)."""
    trig = _trigger(sent)
    if trig is None:
        return []
    issuer = _issuer(trig, index)
    own = issuer.country if issuer else None
    countries = []
    for i in range(sent.start, sent.end):
        m = index.by_token.get(i)
        if m is not None and m.country and m is not issuer and m.country != own and len(m.country) == 3:
            countries.append(m.country)
    threats = sorted({_THREATS[t.lemma_.lower()] for t in sent if t.lemma_.lower() in _THREATS})
    if not countries and not threats:
        return []
    start = trig.idx + ctx.offset
    return [
        Advisory(
            advisory_id=stable_id(ctx.document.doc_id, start, "advisory"),
            doc_id=ctx.document.doc_id,
            sentence_index=sentence_index,
            sentence=sent.text,
            trigger=TextSpan(text=trig.text, start=start, end=start + len(trig.text)),
            issuer=issuer,
            countries=tuple(dict.fromkeys(countries)),
            threats=tuple(threats),
            level=_level(sent.text),
        )
    ]
