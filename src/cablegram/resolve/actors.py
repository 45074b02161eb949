"""Actor mentions → who they are: country, PLOVER sector, CAMEO actor code, canonical name.

Resolution is compositional over a phrase's tokens, using the knowledge base (`resolve.kb`):
a person or organisation entry says who; a state name, demonym or seat of power gives the
country; a sector noun ("police", "foreign ministry", "would-be demonstrators") gives the sector,
the last one (the head) winning; "former"/"ex-" turns officials into elites (ELI). Dated roles
resolve against the document's date. In a document, an appositive completes a person ("Matthew
Bryza, the new US ambassador"), later surnames and "the ambassador"/"the ministry" reuse the
earlier full mention, a subject "he"/"she" the last person, and domestic sectors without a
country (police, protesters, courts) take the country where the sentence places them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date as Date
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import Settings
from ..records import Actor, DocContext, Document, KBEntry
from .home import Home, document_home
from .kb import KnowledgeBase, default_kb, tokens_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .gazetteer import Gazetteer

__all__ = ["ActorResolver", "Resolution", "compose", "situate"]

FORMER = {"former", "ex", "ex-", "retired", "erstwhile", "onetime"}
STOP_PREPS = {"to", "in", "at", "for", "from", "with", "against", "near", "on", "outside", "over", "into"}
PERSON_SECTORS = {"GOV", "MIL", "LEG", "JUD", "SPY", "COP", "ELI", "REL", "JRN", "OPP"}
PRONOUNS = {"he", "she"}
INSTITUTIONS = {"agency", "igo", "seat"}  # a following sector noun names a person in it ("Senate hopeful")
LOCATIVE = {"in", "at", "near", "outside", "inside", "across", "around", "throughout", "within"}
NOT_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
             "march", "april", "june", "july", "august", "september", "october", "november", "december",
             "today", "yesterday", "tomorrow", "it", "they", "this", "that", "these", "those", "there", "he", "she"}
NAME_PARTICLES = {"al", "al-", "el", "de", "da", "du", "van", "von", "bin", "ibn", "-", "wal", "ben", "abu", "le", "la"}
CANDIDATE_ENTS = {"GPE", "NORP", "ORG", "PERSON", "FAC", "LOC"}
COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
           "northeast", "northwest", "southeast", "southwest", "upper", "lower", "greater", "new"}
# Sectors placed by their sentence's "in X" before the document's country (a title is not: "the
# government ... announced in Havana" is still Colombia's).
PLACED_BY_SENTENCE = {"COP", "CVL", "OPP", "PRO", "JUD", "LEG", "REF", "LAB", "AGR", "BUS", "EDU", "MED", "CRM",
                      "UAF", "REB", "PTY", "MIL"}
NO_HOME = {"IGO", "NGO", "UNK", "JNK"}  # sectors that never take the document's country
# On the author side of cables and US statements: titles of the writer's own staff, and "we"/"us".
AUTHOR_TITLES = {"ambassador", "embassy", "charge", "chargé", "poloff", "polchief", "emboff", "emboffs", "econoff",
                 "poloffs", "econoffs", "dcm", "consulate", "polcouns", "econcouns", "refcoord", "conoff", "mission"}
ETHNIC = {"ethnic", "ethnic-"}
GOV_ABBREV = re.compile(r"^(?:GO[A-Z]{1,3}|RO[A-Z]{1,2}G|G[A-Z]{1,2}G)$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Resolution:
    """What a phrase resolves to, and why (for `cablegram kb lookup`)."""

    text: str
    name: str | None
    country: str | None
    sector: str | None
    cameo_code: str | None
    kb_id: str | None
    why: tuple[str, ...]
    rule: str = "kb"


def _role(entry: KBEntry, when: Date | None) -> tuple[str | None, str | None, str]:
    """Country, sector and a reason for a (possibly dated) entry at a date."""
    if not entry.roles:
        return entry.country, entry.sector, f"{entry.kind} '{entry.name}'"
    if when is None:  # no date known: the latest office, without claiming it has ended
        latest = max(entry.roles, key=lambda r: r.start or Date.min)
        return latest.country, latest.sector, f"{entry.name}: {latest.title} (latest office; no date given)"
    for role in entry.roles:
        if (role.start is None or role.start <= when) and (role.end is None or when <= role.end):
            return role.country, role.sector, f"{entry.name}: {role.title} {role.start}–{role.end or ''}"
    latest = max(entry.roles, key=lambda r: r.start or Date.min)
    return latest.country, "ELI", f"{entry.name}: no office on {when}, former {latest.title}"


def compose(
    kb: KnowledgeBase,
    words: Sequence[str],
    when: Date | None,
    *,
    place: PlaceLookup | None = None,
    weights: Mapping[str, float] | None = None,
) -> Resolution | None:
    """Resolve a phrase given as tokens; None when nothing in it is known.

    `place` maps a capitalised name the knowledge base lacks ("Shanghai", "Kano State") to a
    country through the gazetteer, so "Shanghai police" is CHN COP; it is not asked when the
    phrase names a state, a person or an organisation already ("Eastern Ukraine", "King Hassan
    of Morocco": the most specific analysis wins). `weights` (the document's countries) choose
    between the readings of an ambiguous name ("RSF" in a Sudan story).
    """
    full = words
    words = _cut_at_preposition(words)
    ambiguous = kb.ambiguous_ids
    matches = kb.match(words)
    why: list[str] = []
    if any(id(e) in ambiguous for _, _, e in matches):
        for k, (a, b, e) in enumerate(matches):
            if id(e) in ambiguous:
                matches[k] = (a, b, [_choose(e, weights)])
                if weights:
                    why.append(f"'{' '.join(words[a:b])}' has several readings; the document's countries "
                               f"chose {matches[k][2][0].name}")
    country = sector = name = kb_id = cameo = None
    if place is not None and not any(e[0].kind != "agent" for _, _, e in matches):
        found = _place_in(words, matches, place)
        if found:
            country, kb_id, reason = found
            why.append(reason)
            if not matches:  # a town standing for its people ("Mariupol was shelled")
                sector = "CVL"
    if not matches and country is None:
        where = _country_after_in(kb, full[len(words):])
        if where is None:
            return None
        return Resolution(text=" ".join(full), name=None, country=where, sector=None, cameo_code=where,
                          kb_id=None, why=(f"a thing placed 'in' {where}",), rule="in-place")
    if not any(e[0].kind in {"state", "demonym", "seat", "person"} or e[0].country for _, _, e in matches):
        where = _country_after_in(kb, full[len(words):])
        if where:
            country = country or where
            why.append(f"placed 'in' {where}")
    who_country = who_sector = None
    noun_after_who = False  # "Senate hopeful": a sector noun after an institution is the head
    who_kind = None
    used: list[KBEntry] = []
    sponsors = _sponsors(words, matches) if "-" in words or "–" in words else {}
    if sponsors:
        why.append(f"'{' '.join(sponsors.values())}-backed' (or -trained...) names a sponsor, not the actor's country")
    for start, end, entries in matches:
        entry = entries[0]  # the best reading: the index keeps them in rank order
        if start in sponsors or (entry.kind == "seat" and country) or (
            entry.kind == "person" and end - start == 1 and _namesake(entry, end - start, matches)
        ):
            continue  # 'Iran-backed militias'; 'U.S. Embassy Dushanbe'; 'King Hassan of Morocco'
        used.append(entry)
        if entry.kind in {"state", "demonym"}:
            country = country or entry.country
            name = name or entry.name
            kb_id = kb_id or entry.kb_id
            why.append(f"{entry.kind} '{' '.join(words[start:end])}' → {entry.country}")
        elif entry.kind == "agent":
            sector = entry.sector
            noun_after_who = who_kind in INSTITUTIONS
            why.append(f"sector noun '{' '.join(words[start:end])}' → {entry.sector}")
        else:
            c, s, reason = _role(entry, when)
            who_country, who_sector, who_kind = c, s, entry.kind
            noun_after_who = False
            name, kb_id = entry.name, entry.kb_id
            cameo = entry.cameo_code if not entry.roles else None
            why.append(reason)
    if who_country or who_sector:
        country = who_country or country
        if not noun_after_who:  # the phrase's own title beats 'no office on that date' ('opposition leader X')
            sector = who_sector if who_sector and (not sector or who_sector not in {"GOV", "ELI"}) else sector
        sector = sector or who_sector
    if sector in PERSON_SECTORS and any(w.lower() in FORMER for w in words):
        sector = "ELI"
        why.append("'former' → ELI")
    if cameo is None or (country and sector and cameo.startswith(country) and not cameo.endswith(_cameo_agent(sector))):
        cameo = (country or "---") + _cameo_agent(sector) if (country or sector) else None
    return Resolution(text=" ".join(words), name=name, country=country, sector=sector, cameo_code=cameo,
                      kb_id=kb_id, why=tuple(why), rule=_rule_of(used, country))


PlaceLookup = Callable[[str], "tuple[str, str] | None"]
SPONSOR_WORDS = {"backed", "sponsored", "supported", "funded", "armed", "trained", "allied", "aligned", "financed",
                 "inspired", "friendly", "installed"}


def _sponsors(words: Sequence[str], matches: list) -> dict[int, str]:
    """Starts of state names used as sponsors: 'Iran - backed militias', 'Russian-trained forces'."""
    out = {}
    for start, end, entries in matches:
        if entries[0].kind in {"state", "demonym"} and end + 1 < len(words) and words[end] in {"-", "–"} \
                and words[end + 1].lower() in SPONSOR_WORDS:
            out[start] = words[start]
    return out


def _namesake(entry: KBEntry, length: int, matches: list) -> bool:
    """A person matched by one name alone whose country differs from the state the phrase names
    ('King Hassan of Morocco' is not Jordan's Prince Hassan)."""
    if entry.kind != "person" or length > 1:
        return False
    states = {e[0].country for _, _, e in matches if e[0].kind in {"state", "demonym"}}
    return bool(states) and _country_of(entry) not in states


def _rule_of(used: list[KBEntry], country: str | None) -> str:
    """The name of what decided a composed resolution (Actor.rule)."""
    kinds = {e.kind for e in used}
    if kinds - {"agent", "state", "demonym", "seat"}:
        return "kb-entry"
    if kinds & {"state", "demonym", "seat"}:
        return "kb-country+sector" if "agent" in kinds else "kb-country"
    return "kb-sector" if kinds else ("gazetteer" if country else "kb")


def _choose(entries: list[KBEntry], weights: Mapping[str, float] | None) -> KBEntry:
    """The reading of a name that fits the document's countries, else the preferred kind."""
    if weights is not None and len(entries) > 1:
        fitting = [e for e in entries if weights.get(_country_of(e) or "", 0) > 0]
        if fitting:
            return max(fitting, key=lambda e: weights.get(_country_of(e) or "", 0))
        international = [e for e in entries if _country_of(e) is None]
        if international:  # the document names none of the readings' countries: the international one
            return _best(international)
    return _best(entries)


def _country_of(entry: KBEntry) -> str | None:
    if entry.country or not entry.roles:
        return entry.country
    return max(entry.roles, key=lambda r: r.start or Date.min).country


def _place_in(words: Sequence[str], matches: list, place: PlaceLookup) -> tuple[str, str, str] | None:
    """The first run of capitalised words outside the KB matches that the gazetteer places."""
    taken = {i for start, end, _ in matches for i in range(start, end)}
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and j not in taken and (
            words[j][:1].isupper() and words[j].isalpha() or (words[j] == "-" and j > i)
        ):
            j += 1
        if j > i and not (j == i + 1 and words[i].lower() in COMPASS):
            # the whole run or its first word: 'Kano State', 'Shanghai' — never a word inside a name
            for end in dict.fromkeys((j, i + 1)):
                hit = place(" ".join(words[i:end]).replace(" - ", "-"))
                if hit:
                    return hit[0], f"place:{hit[1]}", f"place '{' '.join(words[i:end])}' → {hit[0]}"
            i = j
        i += 1
    return None


_CAMEO_AGENT = {"JRN": "MED", "MED": "HLH", "PRM": "MIL", "ELI": "ELI"}


def _cameo_agent(sector: str | None) -> str:
    return _CAMEO_AGENT.get(sector, sector) if sector else ""


def _best(entries: list[KBEntry]) -> KBEntry:
    """The default reading of a surface form (the knowledge base keeps its entries best first)."""
    return entries[0]  # lists from the index, or filtered from one, are already in rank order


def _country_after_in(kb: KnowledgeBase, tail: Sequence[str]) -> str | None:
    """'trade unions in Denmark': the country after a locative 'in'."""
    if not tail or tail[0].lower() not in LOCATIVE:
        return None
    for _, _, entries in kb.match(tail[1:]):
        entry = _best(entries)
        if entry.kind in {"state", "demonym", "seat"}:
            return entry.country
    return None


def _cut_at_preposition(words: Sequence[str]) -> Sequence[str]:
    """'ambassador to Azerbaijan' names a US official, not Azerbaijan: stop at such prepositions."""
    for i, w in enumerate(words):
        if i > 0 and w.lower() in STOP_PREPS:
            return words[:i]
    return words


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
    code = country + _cameo_agent(sector)
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
                e = _best(hits[0][2])
                if e.kind in {"state", "seat"} and e.country:
                    return e.country  # 'in Baku' (a demonym, 'outside the Israeli embassy', is no place)
    return None


def _sentence_around(context: str, text: str) -> str:
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


def _fuller_mention(kb: KnowledgeBase, context: str, words: Sequence[str], when: Date | None) -> Resolution | None:
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


class ActorResolver:
    """Finds and resolves actor mentions in a parsed document (the pipeline's actor stage)."""

    def __init__(self, kb: KnowledgeBase | None = None, *, settings: Settings | None = None) -> None:
        settings = settings or Settings.load()
        self.kb = kb or default_kb(str(Path(settings["kb_dir"]).expanduser()))
        self._settings = settings
        self._gazetteer: Gazetteer | None = None

    def place(self, name: str) -> tuple[str, str] | None:
        """(country, name) of a town or region the gazetteer knows by its own name."""
        if self._gazetteer is None:
            from .gazetteer import default_gazetteer

            self._gazetteer = default_gazetteer(
                self._settings["gazetteer_min_population"], self._settings["cache_dir"]
            )
        entry = self._gazetteer.best(name, primary_only=True)
        if entry is None or entry.feature_code == "PCLI":
            return None
        if not entry.feature_code.startswith("ADM") and entry.population < 100_000:
            return None  # small towns share names with people and words ("Frank")
        return entry.country, entry.name

    def cue_terms(self) -> set[str]:
        """Words that can start an actor mention (for the sentence prefilter): every first word of
        a knowledge-base name or sector noun, and the pronouns that corefer."""
        return self.kb.first_words() | PRONOUNS | {"they", "i", "we"}

    # -- lookup ---------------------------------------------------------------------------------
    def lookup(
        self, text: str, *, date: Date | None = None, context: str | None = None, url: str | None = None
    ) -> Resolution | None:
        """Resolve a phrase (`cablegram kb lookup`); with `context` (its passage) and `url`, the
        document rules apply as in the pipeline: the same home, the same `situate`."""
        if context is None and text.strip().lower() in PRONOUNS:  # someone, unknown without context
            return Resolution(text=text, name=None, country=None, sector="UNK", cameo_code="---UNK", kb_id=None,
                              why=("a pronoun out of context: an unknown person",), rule="pronoun")
        if not context:
            return compose(self.kb, tokens_of(text), date, place=self.place)
        home = self.home_of(Document(doc_id="lookup", text=context, url=url, published=date))
        words = expand_aliases(tokens_of(text), home)
        res = compose(self.kb, words, date, place=self.place, weights=home.weights)
        if res is None and words and words[-1][:1].isupper():
            res = _fuller_mention(self.kb, context, words, date)
        res = situate(self.kb, res, words, tokens_of(_sentence_around(context, text)), home)
        return res if res is not None else named_in_document(words, home)

    def home_of(self, document: Document) -> Home:
        """The document's country and author side (`resolve.home`), with its dateline read as the
        dates stage reads it."""
        from .dates import read_dateline

        return document_home(self.kb, document, dateline_place=read_dateline(document.text, document.published)[1])

    # -- mentions in a parsed doc ---------------------------------------------------------------
    def find_mentions(self, doc: Doc, ctx: DocContext) -> list[Actor]:
        """Non-overlapping resolved actor mentions, in order, offsets into the document."""
        when = ctx.dateline.date if ctx.dateline and ctx.dateline.date else ctx.document.published
        memory = ctx.memory
        if "actors.home_info" not in memory:  # once per document, whichever piece comes first
            home = document_home(self.kb, ctx.document, dateline_place=ctx.dateline_place)
            memory["actors.home_info"] = home
            memory["actors.home"] = home.country  # contract: ISO3 or "" (read by the event coder)
        earlier_person = memory.get("actors.last_person")  # from earlier pieces of the document
        found: dict[int, Actor] = {}
        for span in self._candidates(doc):
            actor = self._resolve_span(span, when, memory, ctx)
            if actor is not None:
                found[span.start] = actor
        self._apply_appositions(doc, found, ctx)
        self._pronouns(doc, found, earlier_person, ctx)
        return [found[k] for k in sorted(found)]

    def _candidates(self, doc: Doc) -> list[Span]:
        spans = [self._with_of_name(c) for c in doc.noun_chunks]
        spans = [s for i, s in enumerate(spans) if not any(o is not s and o.start <= s.start and s.end <= o.end
                                                           for o in spans[max(0, i - 1) : i])]
        covered = {t.i for s in spans for t in s}
        spans += [e for e in doc.ents if e.label_ in CANDIDATE_ENTS and not any(t.i in covered for t in e)]
        covered |= {t.i for s in spans for t in s}
        spans += [doc[t.i : t.i + 1] for t in doc if t.pos_ == "PROPN" and t.i not in covered]
        return sorted(spans, key=lambda s: s.start)

    @staticmethod
    def _with_of_name(chunk: Span) -> Span:
        """'the US Department' + 'of State', 'Ministry' + 'of National Security': one name."""
        root = chunk.root
        for prep in root.rights:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.pos_ == "PROPN" and root.pos_ == "PROPN":
                    return chunk.doc[chunk.start : pobj.right_edge.i + 1]
        return chunk

    def _resolve_span(self, span: Span, when: Date | None, memory: dict, ctx: DocContext) -> Actor | None:
        toks = [t for t in span if not (t.pos_ in {"DET", "NUM"} or t.is_punct and t.text != "-")]
        for k, t in enumerate(toks[:-1]):  # "BAKU - Azerbaijani police": a spaced dash ends a dateline
            if t.text in {"-", "–", "—"} and t.whitespace_ and k > 0 and toks[k - 1].whitespace_:
                toks = toks[k + 1 :]
                break
        while toks and toks[0].pos_ in {"ADP", "CCONJ", "PART"}:
            toks = toks[1:]
        if not toks:
            return None
        if len(toks) == 1 and toks[0].lower_ in PRONOUNS:
            return None
        home: Home = memory["actors.home_info"]
        words = expand_aliases([t.text for t in toks], home)
        named_place = any(t.ent_type_ in {"GPE", "LOC", "FAC", "ORG"} for t in toks)
        res = compose(self.kb, words, when, place=self.place if named_place else None, weights=home.weights)
        people: dict[str, Actor] = memory.setdefault("actors.people", {})
        heads: dict[str, Actor] = memory.setdefault("actors.heads", {})
        person = any(t.ent_type_ == "PERSON" for t in toks)
        if res is None and person:
            prior = people.get(toks[-1].lower_)
            if prior is not None:
                return self._actor(span.doc, toks, ctx, prior.name, prior.country, prior.sector, prior.kb_id,
                                   rule="coreference")
        if res is None and not self._quoted(toks[0]):
            res = situate(self.kb, None, words, [], home)  # the author's "we", a cable's "GOS"
            if res is None and (person or len(words) > len(toks)):  # an unknown person, a defined abbreviation
                res = named_in_document(words, home)
            if res is not None:
                actor = self._actor(span.doc, toks, ctx, res.name, res.country, res.sector, None, rule=res.rule)
                if person:
                    people[toks[-1].lower_] = actor
                return actor
        if res is None or self._only_a_modifier(toks, res):
            return None
        head = span.root.lemma_.lower()
        if res.country is None and res.sector and span[0].lower_ == "the" and head in heads:
            prior = heads[head]  # "the ministry" after "the Israeli Foreign Ministry"
            res = replace(res, country=prior.country, why=(*res.why, f"the earlier '{prior.text}'"), rule="coreference")
        if res.country is None:
            res = situate(self.kb, res, words, [t.text for t in span.sent], home) or res
        country, sector = res.country, res.sector
        end = self._last_known(toks, res)
        actor = self._actor(span.doc, toks[: end + 1] if not person else toks, ctx, res.name, country, sector,
                            res.kb_id, rule=res.rule)
        if person:
            for t in toks:
                if t.ent_type_ == "PERSON":
                    people[t.lower_] = actor
            memory["actors.last_person"] = actor
        elif sector in PERSON_SECTORS:
            memory["actors.last_person"] = actor
        if country:
            heads[head] = actor
        return actor

    @staticmethod
    def _quoted(tok: Token) -> bool:
        """Inside quotation marks in its sentence ('"We will fight," the rebels said')."""
        before = tok.doc[tok.sent.start : tok.i]
        return sum(t.text in {'"', "“", "”"} for t in before) % 2 == 1

    def _only_a_modifier(self, toks: list[Token], res: Resolution) -> bool:
        """'a new military operation': a sector adjective on a non-actor noun names no one."""
        if res.country is not None or res.kb_id is not None:
            return False
        matched = [toks[i] for start, end, _ in self.kb.match([t.text for t in toks]) for i in range(start, end)]
        return bool(matched) and all(t.pos_ == "ADJ" for t in matched)

    def _last_known(self, toks: list[Token], res: Resolution) -> int:
        """Index of the last token used by the resolution ('Israeli helicopter assault' → 'Israeli helicopter')."""
        matches = self.kb.match([t.text for t in toks])
        return matches[-1][1] - 1 if matches else len(toks) - 1

    def _actor(self, doc: Doc, toks: Sequence[Token], ctx: DocContext, name: str | None, country: str | None,
               sector: str | None, kb_id: str | None, *, rule: str | None = None) -> Actor:
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        code = (country or "---") + _cameo_agent(sector) if (country or sector) else None
        text = ctx.text_of(start, end)
        return Actor(text=text, start=start + ctx.offset, end=end + ctx.offset,
                     name=name or text, country=country, sector=sector, cameo_code=code,
                     kb_id=kb_id, rule=rule)

    def _apply_appositions(self, doc: Doc, found: dict[int, Actor], ctx: DocContext) -> None:
        """'Matthew Bryza, the new US ambassador': the appositive says who the person is."""
        by_token: dict[int, tuple[int, Actor]] = {}
        for start, a in found.items():
            span = doc.char_span(a.start - ctx.offset, a.end - ctx.offset, alignment_mode="expand")
            for t in range(span.start, span.end) if span is not None else ():
                by_token[t] = (start, a)
        for tok in doc:
            if tok.dep_ != "appos" or tok.i not in by_token:
                continue
            _, role = by_token[tok.i]
            head = tok.head
            if head.ent_type_ != "PERSON":
                continue
            start = head.left_edge.i if head.left_edge.ent_type_ == "PERSON" else head.i
            while start < head.i and doc[start].ent_type_ != "PERSON":
                start += 1
            current = by_token.get(head.i, (None, None))[1]
            if current is None or current.sector in {None, "ELI"} or current.country is None:
                person = doc[start : head.i + 1]
                actor = self._actor(doc, list(person), ctx, current.name if current else person.text,
                                    role.country, role.sector, current.kb_id if current else None,
                                    rule="apposition")
                found[person.start] = actor
                for word in person:
                    ctx.memory.setdefault("actors.people", {})[word.lower_] = actor
                ctx.memory["actors.last_person"] = actor

    def _pronouns(self, doc: Doc, found: dict[int, Actor], earlier: Actor | None, ctx: DocContext) -> None:
        """A subject 'he'/'she' is the last person mentioned (in this piece or an earlier one)."""
        for tok in doc:
            if tok.lower_ in PRONOUNS and tok.dep_ in {"nsubj", "nsubjpass"}:
                prior = self._last_person_before(tok, found, earlier)
                if prior is not None:
                    found[tok.i] = Actor(text=tok.text, start=tok.idx + ctx.offset,
                                         end=tok.idx + len(tok.text) + ctx.offset, name=prior.name,
                                         country=prior.country, sector=prior.sector,
                                         cameo_code=prior.cameo_code, kb_id=prior.kb_id, rule="pronoun")

    @staticmethod
    def _last_person_before(tok: Token, found: dict[int, Actor], earlier: Actor | None) -> Actor | None:
        before = [found[k] for k in sorted(found) if k < tok.i and found[k].sector in PERSON_SECTORS]
        return before[-1] if before else earlier
