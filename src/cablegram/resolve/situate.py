"""The document's rules on a phrase resolved out of context (issue 11), shared by the pipeline
(`ActorResolver.find_mentions`) and `cablegram kb lookup --context`: the document's country and
author side (`resolve.home`), its defined abbreviations, cable conventions, ethnic residents,
placement by the sentence. The order is in docs/actors.md.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date as Date

from .compose import Resolution, cameo_agent, compose
from .home import Home
from .kb import KnowledgeBase, tokens_of

__all__ = ["NEAR", "expand_aliases", "fuller_mention", "named_in_document", "near", "sentence_around", "situate"]

NOT_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
             "march", "april", "june", "july", "august", "september", "october", "november", "december",
             "today", "yesterday", "tomorrow", "it", "they", "this", "that", "these", "those", "there", "he", "she"}
NAME_PARTICLES = {"al", "al-", "el", "de", "da", "du", "van", "von", "bin", "ibn", "-", "wal", "ben", "abu", "le", "la"}
# Sectors placed by their sentence's "in X" before the document's country (a title is not: "the
# government ... announced in Havana" is still Colombia's).
PLACED_BY_SENTENCE = {"COP", "CVL", "OPP", "PRO", "JUD", "LEG", "REF", "LAB", "AGR", "BUS", "EDU", "MED", "CRM",
                      "UAF", "REB", "PTY", "MIL"}
NO_HOME = {"IGO", "NGO", "UNK", "JNK"}  # sectors that never take the document's country
INTERNATIONAL = {"IGO", "NGO", "MNC", "IMG"}  # CAMEO code prefixes of bodies that belong to no one country
# On the author side of cables and US statements: titles of the writer's own staff, and "we"/"us".
AUTHOR_TITLES = {"ambassador", "embassy", "charge", "chargé", "poloff", "polchief", "emboff", "emboffs", "econoff",
                 "poloffs", "econoffs", "dcm", "consulate", "polcouns", "econcouns", "refcoord", "conoff"}
ETHNIC = {"ethnic", "ethnic-"}
GOV_ABBREV = re.compile(r"^(?:GO[A-Z]{1,3}|RO[A-Z]{1,2}G|G[A-Z]{1,2}G)$")


def situate(
    kb: KnowledgeBase, res: Resolution | None, words: Sequence[str], sentence: Sequence[str], home: Home
) -> Resolution | None:
    """Apply the document's rules to a phrase resolved out of context (order: docs/actors.md).

    1. an ethnic group named after another state lives in the document's country ("ethnic
       Albanians" in a Serbia story are Serbian residents);
    2. on the author side of cables and US government pages, a bare "Ambassador", "Embassy",
       "Poloff" or "we" is the United States;
    3. in a cable, an unknown government abbreviation (GO*, RO*G: "GOS", "ROYG") is the host government;
    4. a sector noun for people on the ground (police, troops, protesters...) without a country
       takes the country its sentence places it in ("police ... in Baku");
    5. a title or sector noun still without a country takes the document's country.
    """
    low = [w.lower() for w in words if w.lower() not in {"the", "a", "an", "this", "our"}]
    if res is not None and res.country and home.country and res.country != home.country and res.rule in {
        "kb-country", "kb-country+sector"} and any(w in ETHNIC for w in low):
        return _with(res, home.country, res.sector or "CVL", "ethnic-residents",
                     f"an ethnic group in {home.country} lives there")
    if (res is None or res.country is None and res.sector not in NO_HOME) and home.author and low and (
        low in (["we"], ["us"]) or any(w in AUTHOR_TITLES for w in low)
    ):
        return _with(res, home.author, "GOV", "author-side",
                     f"the writer's side ({home.author}) of a cable or US statement", text=" ".join(words))
    bare = [w for w in words if w.lower() not in {"the", "a", "an", "this", "our"}]
    if res is None and home.cable and home.country and len(bare) == 1 and GOV_ABBREV.match(bare[0]):
        return _with(res, home.country, "GOV", "cable-gov-abbreviation",
                     f"a cable's abbreviation for the host government ({home.country})", text=bare[0])
    if res is None or res.country is not None or res.sector in NO_HOME or res.sector is None:
        return res
    if (res.cameo_code or "")[:3] in INTERNATIONAL:
        return res  # NATO, AMISOM: an international body's forces belong to no one country
    where = _locative_country(kb, sentence) if res.sector in PLACED_BY_SENTENCE else None
    if where:
        return _with(res, where, res.sector, "sentence-place", f"its sentence places it in {where}")
    if home.country:
        return _with(res, home.country, res.sector, "document-home", f"the document's country {home.country}: "
                     + (home.why[-1] if home.why else ""))
    return res


def _with(
    res: Resolution | None, country: str, sector: str | None, rule: str, reason: str, *, text: str = ""
) -> Resolution:
    base = res or Resolution(text=text, name=None, country=None, sector=None, cameo_code=None, kb_id=None, why=())
    code = country + cameo_agent(sector)
    return replace(base, country=country, sector=sector, cameo_code=code, why=(*base.why, reason), rule=rule)


def _locative_country(kb: KnowledgeBase, sentence: Sequence[str]) -> str | None:
    """The state or capital after a locative preposition in a sentence ('police ... in Baku')."""
    for i, w in enumerate(sentence):
        if w.lower() in {"in", "at", "outside", "across", "near"}:
            tail = [t for t in sentence[i + 1 : i + 5]]
            if tail and tail[0].lower() == "the":
                tail = tail[1:]
            hits = kb.match(tail[:3])
            if hits and hits[0][0] == 0:
                e = hits[0][2][0]  # the best reading (the index keeps them in rank order)
                if e.kind in {"state", "seat"} and e.country:
                    return e.country  # 'in Baku' (a demonym, 'outside the Israeli embassy', is no place)
    return None


# how far (in words) from a mention its sentence's "in X" may be to place it, in a document with a
# country of its own ('police ... in Baku', not 'the families of the victims' long after 'his trial
# at The Hague': those are the document's)
NEAR = 12


def near(sentence: Sequence[str], words: Sequence[str]) -> list[str]:
    """The words of `sentence` within NEAR of the first place `words` occur in it (all of it
    when they do not)."""
    n = len(words)
    at = next((i for i in range(len(sentence) - n + 1) if list(sentence[i : i + n]) == list(words)), None)
    if at is None:
        return list(sentence)
    return list(sentence[max(0, at - NEAR) : at + n + NEAR])


def sentence_around(context: str, text: str) -> str:
    """The sentence of `context` that holds `text` (the whole context when it is not found)."""
    at = context.find(text)
    if at < 0:
        return context
    starts = [m.end() for m in re.finditer(r"[.!?][\"'”’)]*\s+", context[:at])]
    end = re.search(r"[.!?][\"'”’)]*(\s|$)", context[at + len(text):])
    return context[starts[-1] if starts else 0 : at + len(text) + (end.end() if end else len(context))]


def expand_aliases(words: Sequence[str], home: Home) -> list[str]:
    """Words with the document's defined abbreviations spelled out ('LAF' → Lebanese Armed Forces)."""
    if not home.aliases:
        return list(words)
    out: list[str] = []
    for w in words:
        out.extend(home.aliases.get(w, (w,)))
    return out


def named_in_document(words: Sequence[str], home: Home) -> Resolution | None:
    """A person's name the knowledge base lacks is taken to be of the document's country (the
    people a story names are mostly its own); no sector is claimed."""
    bare = [w for w in words if w.lower() not in {"the", "mr.", "mrs.", "ms.", "dr."}]
    if not home.country or not bare or not all(w[:1].isupper() or w in NAME_PARTICLES for w in bare):
        return None
    if any(w.lower() in NOT_NAMES for w in bare) or not any(len(w) > 2 and w[:1].isalpha() for w in bare):
        return None  # 'Thursday', 'September', 'I': capitalised, but no one
    return Resolution(text=" ".join(words), name=" ".join(bare), country=home.country, sector=None,
                      cameo_code=home.country, kb_id=None, why=(f"a name in a document about {home.country}",),
                      rule="named-in-document")


def fuller_mention(kb: KnowledgeBase, context: str, words: Sequence[str], when: Date | None) -> Resolution | None:
    """'Denisov' after 'DFM Denisov', 'Morales' after 'President Evo Morales': an earlier mention of
    the same name whose title or country stands right before it (capitalised words and sector
    nouns, contiguous: 'presidential candidate Morgan Tsvangirai')."""
    if words[-1].lower() in NOT_NAMES or len(words[-1]) < 3:
        return None
    for m in re.finditer(rf"((?:[\w'’./-]+[ \t]*\n?[ \t]*){{1,6}}){re.escape(' '.join(words))}\b", context):
        before = tokens_of(m.group(1))
        k = len(before)
        while k > 0 and (before[k - 1][:1].isupper() or any(e.kind == "agent" for e in kb.lookup([before[k - 1]]))):
            k -= 1
        title = before[k:]
        if not title:
            continue
        res = compose(kb, [*title, *words], when)
        if res is not None and (res.sector or res.country):
            return replace(res, why=(*res.why, f"the fuller mention '{' '.join(title)} {' '.join(words)}'"),
                           rule="coreference")
    return None
