"""A phrase → who it names, out of context: compositional resolution over its tokens.

Using the knowledge base (`resolve.kb`): a person or organisation entry says who; a state name,
demonym or seat of power gives the country; a sector noun ("police", "foreign ministry",
"would-be demonstrators") gives the sector, the last one (the head) winning; "former"/"ex-" turns
officials into elites (ELI). Dated roles resolve against the document's date. The document's
rules come after, in `resolve.situate`; the order of both is in docs/actors.md.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date as Date

from ..records import KBEntry
from .kb import KnowledgeBase

__all__ = ["PERSON_SECTORS", "PlaceLookup", "Resolution", "cameo_agent", "compose"]

FORMER = {"former", "ex", "ex-", "retired", "erstwhile", "onetime"}
STOP_PREPS = {"to", "in", "at", "for", "from", "with", "against", "near", "on", "outside", "over", "into"}
PERSON_SECTORS = {"GOV", "MIL", "LEG", "JUD", "SPY", "COP", "ELI", "REL", "JRN", "OPP"}
INSTITUTIONS = {"agency", "igo", "seat"}  # a following sector noun names a person in it ("Senate hopeful")
LOCATIVE = {"in", "at", "near", "outside", "inside", "across", "around", "throughout", "within"}
COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
           "northeast", "northwest", "southeast", "southwest", "upper", "lower", "greater", "new"}


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
    full = words = _split_abbreviations(words)
    words = _cut_at_preposition(words)
    if len(words) < len(full):  # unless a name runs across it: 'Egyptian Organization for Human Rights'
        across = [b for a, b, _ in kb.match(full) if a < len(words) < b]
        if across:
            words = full[: max(across)]
    ambiguous = kb.ambiguous_ids
    matches = kb.match(words)
    _generic_for_named_state(matches)
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
        if _common_noun_phrase(words):  # 'an amusement park in Kabul': a civilian place
            return Resolution(text=" ".join(full), name=None, country=where, sector="CVL", cameo_code=where + "CVL",
                              kb_id=None, why=(f"a civilian place or thing 'in' {where} → CVL",), rule="in-place")
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
            if not (sector in _KEEP_BEFORE_LEADER and entry.name in _GENERIC_LEADERS):
                sector = entry.sector  # the head wins, but 'Jewish community leader' stays REL
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
    if sector == "UNK" and _mixed_company(words):
        sector = "CVL"
        why.append("men and women (or children) together: civilians → CVL")
    if sector is None and who_kind is None and _people_of_a_place(words, matches, used):
        sector = "CVL"
        why.append("a town, or a people qualified as ordinary, stands for its inhabitants → CVL")
    if cameo is None or (country and sector and cameo.startswith(country) and not cameo.endswith(cameo_agent(sector))):
        cameo = (country or "---") + cameo_agent(sector) if (country or sector) else None
    return Resolution(text=" ".join(words), name=name, country=country, sector=sector, cameo_code=cameo,
                      kb_id=kb_id, why=tuple(why), rule=_rule_of(used, country))


_GENERIC_LEADERS = {"leader", "community leader", "elder", "figure", "representative", "spokesman",
                    "spokeswoman", "spokesperson"}
_KEEP_BEFORE_LEADER = {"REL", "LAB", "MED", "EDU", "BUS", "JRN", "REF"}
_MEN = {"man", "men"}
_WOMEN_CHILDREN = {"woman", "women", "child", "children", "boy", "boys", "girl", "girls"}
_DETERMINERS = {"a", "an", "the", "some", "several", "many", "two", "three", "four", "five", "dozens", "hundreds",
                "of", "over", "about", "nearly", "more", "than"}


def _mixed_company(words: Sequence[str]) -> bool:
    """'over two dozen men and women', 'men, women and children': a mixed group, not fighters."""
    low = {w.lower() for w in words}
    return bool(low & _MEN) and bool(low & _WOMEN_CHILDREN)


def _common_noun_phrase(words: Sequence[str]) -> bool:
    """Lower-case words only ('an amusement park'): a thing, not a name the knowledge base lacks."""
    content = [w for w in words if w.lower() not in _DETERMINERS]
    return bool(content) and all(w.isalpha() and w.islower() for w in content)


def _generic_for_named_state(matches: list) -> None:
    """'Chile's Defense Department', 'Pakistan's Foreign Office': when the phrase names a state and an
    institution's name is also a common sector noun, an institution of another country ("Defense
    Department" is the U.S.'s) gives way to the sector noun, so the named state stays the country."""
    states = {e[0].country for _, _, e in matches if e[0].kind in {"state", "demonym"}}
    if not states:
        return
    for k, (a, b, entries) in enumerate(matches):
        best = entries[0]
        if best.kind in {"state", "demonym", "agent", "person"} or not best.country or best.country in states:
            continue
        generic = next((e for e in entries if e.kind == "agent"), None)
        if generic is not None and any(s < a for s, _, e in matches if e[0].kind in {"state", "demonym"}):
            matches[k] = (a, b, [generic])


_ORDINARY = {"ordinary", "average", "regular", "local", "rank-and-file", "everyday"}


def _people_of_a_place(words: Sequence[str], matches: list, used: list[KBEntry]) -> bool:
    """'Sydney' (a city filed under its state, not a seat of power) or 'ordinary Kazakhs': the
    inhabitants, not the state."""
    if len(used) != 1 or len(matches) != 1:
        return False
    entry, (start, end, _) = used[0], matches[0]
    if entry.kind == "state" and entry.source.startswith("phoenix") and (start, end) == (0, len(words)):
        return entry.name.lower() != " ".join(words).lower()  # a city, not the state's own name
    return entry.kind == "demonym" and start > 0 and words[start - 1].lower() in _ORDINARY


PlaceLookup = Callable[[str], "tuple[str, str] | None"]
SPONSOR_WORDS = {"backed", "sponsored", "supported", "funded", "armed", "trained", "allied", "aligned", "financed",
                 "inspired", "friendly", "installed"}


def _sponsors(words: Sequence[str], matches: list) -> dict[int, str]:
    """Starts of names used as sponsors: 'Iran - backed militias', 'Russian-trained forces',
    'U.N.-backed troops'."""
    out = {}
    for start, end, _ in matches:
        if end + 1 < len(words) and words[end] in {"-", "–"} \
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


def cameo_agent(sector: str | None) -> str:
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


def _split_abbreviations(words: Sequence[str]) -> Sequence[str]:
    """'U.S.-Philippine', 'U.N.-backed': the tokenizer keeps an abbreviation and what its hyphen
    joins as one word; split it as it splits 'Israeli-Palestinian'."""
    if not any(".-" in w for w in words):
        return words
    out: list[str] = []
    for w in words:
        head, sep, tail = w.partition(".-")
        if sep and head and tail and tail[:1].isalpha():
            out += [head + ".", "-", tail]
        else:
            out.append(w)
    return out


def _cut_at_preposition(words: Sequence[str]) -> Sequence[str]:
    """'ambassador to Azerbaijan' names a US official, not Azerbaijan: stop at such prepositions."""
    for i, w in enumerate(words):
        if i > 0 and w.lower() in STOP_PREPS:
            return words[:i]
    return words
