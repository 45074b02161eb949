"""The document's country ("home") and its author side, computed once per document.

Implicit and bare actors ("the President", "police", "the regime", "GOS") belong to the country a
document is about unless their sentence says otherwise. `document_home` reads that country from, in
order of trust:

1. a State Department cable's identifier in its URL (``.../08HARARE513.html``: the post Harare is
   in Zimbabwe), through the cable-post table and the capitals of the knowledge base;
2. otherwise a tally of the countries the text names (states, demonyms, capitals, people and groups
   of a country), weighted to the opening, plus the dateline's place and the words of the URL
   (``voanews.com/.../colombia-rebels-...``, ``al.usembassy.gov``). The top country wins when it
   is named at least twice over.

The author side: cables and pages of US government sites are written by the United States, so in
them "the Ambassador", "the Embassy", "Poloff" and "we" are US actors (`Home.author`).

The pipeline stores `Home.country` in ``ctx.memory["actors.home"]`` (ISO3, or "" when unknown);
the event coder reads that key to place implicit actors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlparse

from ..records import Document, is_us_government_url
from .kb import KnowledgeBase, _country_of, tokens_of
from .kb.tables import cable_posts

__all__ = ["Home", "defined_abbreviations", "document_home", "is_cable"]

SCAN_CHARS = 8000  # the opening of a long document says what it is about; keeps the cost bounded
OPENING_TOKENS = 120
COUNTRY_KINDS = {"state", "demonym", "seat"}
_CABLE_ID = re.compile(r"/(\d{2})([A-Z]+?)(\d+)(?:_[a-z])?\.html?\b")
_CABLE_MARKS = re.compile(r"\bSIPDIS\b|\bE\.\s?O\.\s?12958\b|Classified By:|^\s*\d{1,2}\.\s+\((?:C|S|U|SBU|TS)\)", re.M)


@dataclass(frozen=True, slots=True, kw_only=True)
class Home:
    """The country a document is about, who wrote it, and the countries it names (weighted)."""

    country: str = ""
    author: str = ""
    cable: bool = False
    weights: dict[str, float] = field(default_factory=dict)
    why: tuple[str, ...] = ()
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)  # 'LAF' → Lebanese Armed Forces


def is_cable(document: Document) -> bool:
    """A State Department cable: a cable URL, or the markings cables carry in their text."""
    return bool(document.url and "/cables/" in document.url) or bool(_CABLE_MARKS.search(document.text[:SCAN_CHARS]))


def _post_country(kb: KnowledgeBase, url: str | None) -> tuple[str | None, str]:
    """(country or "" for a mission to an IGO, post) from a cable URL; (None, "") if none."""
    m = _CABLE_ID.search(url or "")
    if not m:
        return None, ""
    post = m.group(2)
    table = _posts(kb)
    if post in table:
        return table[post], post
    return None, post


@lru_cache(maxsize=4)
def _posts(kb: KnowledgeBase) -> dict[str, str]:
    out: dict[str, str] = {}
    for entry in kb.entries:  # capitals and cities of the knowledge base, spelled as cable posts spell them
        if entry.kind in {"seat", "state"} and entry.country and not entry.source.startswith("user"):
            for pattern in entry.patterns:
                key = re.sub(r"[^A-Z]", "", pattern.upper())
                if key and (entry.kind == "seat" or key not in out):
                    out[key] = entry.country
    out.update(cable_posts())
    return out


def _author(document: Document, cable: bool) -> str:
    if cable:
        return "USA"
    host = urlparse(document.url or "").netloc.lower()
    return "USA" if is_us_government_url(document.url) or host.endswith(".gov") else ""


def _tally(kb: KnowledgeBase, text: str, words: list[str] | None = None) -> dict[str, float]:
    """Countries named in the text, a mention in the opening counting three times (`words`: the
    opening's tokens when the caller has parsed it already; tokenizing again costs ~2 ms a page)."""
    counts: dict[str, float] = {}
    words = words if words is not None else tokens_of(text[:SCAN_CHARS])
    for start, _, entries in kb.match(words):
        entry = entries[0]
        if len({e.country for e in entries}) > 1:
            continue  # an ambiguous name ('RSF') is read by the document, so it cannot vote
        weight = 3.0 if start < OPENING_TOKENS else 1.0
        if entry.kind in COUNTRY_KINDS and entry.country:
            if entry.source.startswith("phoenix"):
                weight /= 2  # a city or province filed under its state: often a venue ('talks in Geneva')
            counts[entry.country] = counts.get(entry.country, 0.0) + weight
        elif entry.kind in {"person", "group"} and (country := _country_of(entry)):
            counts[country] = counts.get(country, 0.0) + weight / 2
    return counts


def _url_countries(kb: KnowledgeBase, url: str | None) -> set[str]:
    """Countries the URL names: a usembassy.gov subdomain (ISO 3166 alpha-2) or words of its path."""
    if not url:
        return set()
    found = set()
    parsed = urlparse(url)
    host = parsed.netloc.lower()
    if host.endswith("usembassy.gov") and host.count(".") >= 2:
        import pycountry

        country = pycountry.countries.get(alpha_2=host.split(".")[0].upper())
        if country is not None:
            found.add(country.alpha_3)
    words = [w.capitalize() for w in re.findall(r"[a-z]+", (host.split(".")[0] + " " + parsed.path).lower())]
    for _, _, entries in kb.match(words):
        if entries[0].kind in {"state", "demonym"} and entries[0].country:
            found.add(entries[0].country)
    return found


_NAME_WORD = r"(?:[A-Z][\w'’.]*(?:-[\w'’.]+)*|of|the|and|for|de|du|la|el|al|wal|al-\w+)"
_ABBREVIATION = re.compile(r"\((?P<abbr>[A-Z][A-Za-z/&-]{1,9})\)")
# the name before "(ABBR)", matched only in a short window ending there (a scan of the whole text
# with this pattern backtracks at every word: 5 ms a page)
_NAME_BEFORE = re.compile(rf"((?:{_NAME_WORD}[ \t]*\n?[ \t]*){{1,8}})$")


def defined_abbreviations(text: str) -> dict[str, tuple[str, ...]]:
    """Abbreviations a document defines: 'Lebanese Armed Forces (LAF)', 'Levon Ter-Petrosian (LTP)'.

    The abbreviation's capitals must be the initials of the words before it, in order (the run of
    capitalised words is trimmed from the left until they are), so '(SBU)' or '(ref a)' define nothing.
    """
    out: dict[str, tuple[str, ...]] = {}
    for m in _ABBREVIATION.finditer(text):
        name = _NAME_BEFORE.search(text[max(0, m.start() - 160) : m.start()])
        if name is None:
            continue
        abbr = m.group("abbr")
        caps = [c for c in abbr if c.isupper()]
        words = [w for w in re.split(r"\s+", name.group(1).strip()) if w]
        for k in range(len(words)):
            initials = [p[0] for w in words[k:] for p in w.split("-") if p[:1].isupper()]
            if words[k][:1].isupper() and initials[:1] == caps[:1] and _in_order(caps, initials):
                out.setdefault(abbr, tuple(tokens_of(" ".join(words[k:]))))
                break
    return out


def _in_order(needle: list[str], hay: list[str]) -> bool:
    it = iter(hay)
    return len(needle) >= 2 and all(c in it for c in needle)


def document_home(
    kb: KnowledgeBase, document: Document, *, dateline_place: str | None = None, words: list[str] | None = None
) -> Home:
    """The document's country, author side and named countries (see the module docstring).
    `words`: the tokens of the document's opening, when the caller has them."""
    cable = is_cable(document)
    author = _author(document, cable)
    aliases = defined_abbreviations(document.text)
    counts = _tally(kb, document.text, words)
    why: list[str] = []
    if author == "USA" and "USA" in counts:
        counts["USA"] *= 0.2  # US writers name their own country all the time
    for country in _url_countries(kb, document.url):
        counts[country] = counts.get(country, 0.0) + 2
        why.append(f"URL names {country}")
    if dateline_place:
        hits = kb.match(tokens_of(dateline_place))
        if hits and hits[0][2][0].country:
            counts[hits[0][2][0].country] = counts.get(hits[0][2][0].country, 0.0) + 4
            why.append(f"dateline {dateline_place} → {hits[0][2][0].country}")
    weights = dict(counts)
    post_country, post = _post_country(kb, document.url)
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])[:2]
    if post_country and ranked and ranked[0][0] != post_country and counts.get(post_country, 0) < 2 \
            and ranked[0][1] >= 6:
        # a post reporting on a neighbour (Somalia from Nairobi, Iran from Dubai): the text says so
        why.append(f"cable from post {post}, but about {ranked[0][0]} (weight {ranked[0][1]:g})")
        return Home(country=ranked[0][0], author=author, cable=cable, weights=weights, why=tuple(why), aliases=aliases)
    if post_country is not None:
        why.append(f"cable from post {post} → {post_country or 'an international organisation'}")
        return Home(country=post_country, author=author, cable=cable, weights=weights, why=tuple(why), aliases=aliases)
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        why.append(f"most named country {ranked[0][0]} (weight {ranked[0][1]:g})")
        return Home(country=ranked[0][0], author=author, cable=cable, weights=weights, why=tuple(why), aliases=aliases)
    return Home(author=author, cable=cable, weights=weights, why=(*why, "no country stands out"), aliases=aliases)
