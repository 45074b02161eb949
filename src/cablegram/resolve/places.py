"""Where an event happened: the place attached to its trigger, else its sentence, else the dateline.

`PlaceResolver.locate(doc, event, mentions, ctx)` ranks the toponyms of the event's sentence:

    basis "trigger"   a locative phrase hanging from the trigger ("clashes in Kharkiv",
                      "protest outside the Israeli embassy in Baku", "Kharkiv clashes")
    basis "clause"    a locative phrase in the trigger's clause ("held a rally in Tbilisi")
    basis "sentence"  any other locative phrase in the sentence
    basis "dateline"  the dateline's place ("BAKU, Feb 3 (Reuters) -")

A toponym that is only mentioned ("the ambassador to Azerbaijan") or that acts ("Washington
said", "Baku denied") is never a location. Names are resolved by the gazetteer, preferring
countries the document has named; those are kept in `ctx.memory["places.countries"]`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..config import Settings
from ..records import Actor, DocContext, Event, Place
from .clauses import clause_head
from .gazetteer import GazEntry, Gazetteer, default_gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["PlaceResolver"]

_TOPONYM_LABELS = {"GPE", "LOC", "FAC"}
_LOCATIVE = {
    "in", "at", "near", "outside", "inside", "across", "throughout", "around", "within", "along",
    "off", "over", "into", "on", "beside", "opposite", "between", "amid", "through", "onto",
}
# After these nouns a preposition names a topic, not a place: "sanctions on Iran", "the dispute
# over Kashmir", "an inquiry into Russia", "talks on Syria".
_TOPIC_NOUNS = {
    "sanction", "dispute", "row", "talk", "tension", "concern", "investigation", "probe", "inquiry",
    "deal", "agreement", "resolution", "vote", "referendum", "debate", "policy", "stance", "position",
    "pressure", "focus", "view", "report", "statement", "decision", "ban", "embargo", "tariff",
    "restriction", "claim", "influence", "control", "war", "fight", "conflict", "negotiation",
    "accusation", "criticism", "warning", "threat", "demand", "call",
}
# "on" names a place only after these (an "attack on Port Sudan"), or after a verb.
_ON_HEADS = {
    "attack", "strike", "assault", "raid", "offensive", "bombardment", "bombing", "shelling",
    "advance", "march", "island", "border", "frontline", "front", "coast", "outskirts",
}
# Verbs whose direct object is where they happen ("visited Aleppo", "shelled Kherson").
_PLACE_OBJECT_VERBS = {
    "visit", "tour", "reach", "enter", "shell", "bomb", "strike", "hit", "attack", "raid", "storm",
    "capture", "recapture", "seize", "occupy", "besiege", "liberate", "invade", "overrun", "target",
    "blockade", "surround", "retake", "take", "control",
}
# "of" is locative only after nouns that name a part of a place ("the outskirts of Kyiv").
_PART_NOUNS = {
    "outskirts", "suburb", "suburbs", "north", "south", "east", "west", "northeast", "northwest",
    "southeast", "southwest", "coast", "centre", "center", "city", "capital", "province", "region",
    "town", "village", "street", "streets", "border", "heart", "part", "parts", "area", "district",
}
# Nouns a place name modifies or names: "the Tigray region", "Kaduna state", "the capital, Baku".
_PLACE_NOUNS = {
    "region", "province", "state", "city", "town", "village", "district", "governorate", "oblast",
    "area", "county", "capital", "port", "enclave", "territory", "republic", "airport", "camp",
    "prison", "harbour", "harbor", "bridge", "square", "stadium", "university", "base",
}
# Verbs after which "from" names where the event happens ("troops withdrew from Kherson").
_AWAY_VERBS = {
    "withdraw", "retreat", "evacuate", "pull", "expel", "evict", "oust", "drive", "flee", "deport",
    "extradite", "abduct", "kidnap", "rescue", "snatch",
}
# Verbs after which "to" names where the event goes ("travelled to Brussels").
_MOTION_VERBS = {
    "travel", "fly", "go", "come", "return", "head", "deploy", "send", "move", "march", "rush",
    "dispatch", "arrive", "sail", "drive", "flee", "evacuate", "relocate", "airlift",
}
# How a name hangs from a place noun: "Tigray region", "the capital, Baku", "Khartoum's airport".
_NAME_OF_NOUN = {"compound", "appos", "conj", "nmod", "poss"}
# Entity labels that are never places even in a place position.
_NOT_PLACES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
# Grammatical roles of a toponym that acts (metonymy: "Washington said", "Baku's decision").
_ACTOR_DEPS = {"nsubj", "nsubjpass", "dobj", "agent", "poss", "iobj", "dative"}
_RANK = {"trigger": 0, "object": 0, "clause": 1, "sentence": 2}
_SPECIFIC = {"PPL": 0, "PPLC": 0, "ADM2": 1, "ADM1": 1, "RGN": 1, "PCLI": 2}  # a town tells more than its country


class PlaceResolver:
    """The place stage (see module docstring)."""

    def __init__(self, *, settings: Settings | None = None, gazetteer: Gazetteer | None = None) -> None:
        self.settings = settings or Settings.load()
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer, loaded on first use (a few hundred ms from its cache)."""
        if self._gazetteer is None:
            cache = self.settings["cache_dir"]
            self._gazetteer = default_gazetteer(self.settings["gazetteer_min_population"], cache or None)
        return self._gazetteer

    def locate(self, doc: Doc, event: Event, mentions: Sequence[Actor], ctx: DocContext) -> Place | None:
        """The event's location, or None when neither the text nor the dateline gives one.

        Tried in order: a toponym of the event's sentence; a site without a name of its own
        ("marched to City Hall", "in the north and east"), placed in the place the document
        was last at; the place of an event one or two sentences back; the dateline.
        """
        context = self._context(doc, mentions, ctx)
        trigger = doc.char_span(
            event.trigger.start - ctx.offset, event.trigger.end - ctx.offset, alignment_mode="expand"
        )
        found = None
        if trigger is not None:
            local = _sentence_context(context, trigger.sent, mentions, ctx.offset)
            named = self._from_sentence(trigger, event, local, ctx)
            # a site can only win by a stronger relation than the best name's
            site = _best_site(trigger) if named is None or named[0] > 0 else None
            if named is not None and (site is None or site[0] >= named[0]):
                found = named[1]
            elif site is not None:  # a site closer to the trigger than any name: "killing three
                # people in an apartment complex" in a sentence that names Israel elsewhere
                found = self._site_place(site[1], ctx, named[1] if named else None)
            if named is not None and found is not None:  # the sentence named where the story is
                ctx.memory["places.last"] = (event.sentence_index, found)
        return found or _from_previous(event, ctx) or self._from_dateline(ctx, context)

    # -- context ------------------------------------------------------------------------------
    def _context(self, doc: Doc, mentions: Sequence[Actor], ctx: DocContext) -> dict[str, float]:
        """Countries the document names as places (ISO3 → count), gathered once per parsed piece.

        Only place uses count ("in Lebanon", "Baku, Azerbaijan", the dateline): a country named
        as an actor ("US President ...") says little about where its towns are, and letting it
        count sent "Geneva" to Geneva, Illinois. `mentions` are kept for the stage protocol.
        """
        countries: dict[str, float] = ctx.memory.setdefault("places.countries", {})
        seen: set[int] = ctx.memory.setdefault("places.pieces", set())
        if ctx.offset in seen:
            return countries
        seen.add(ctx.offset)
        named: list[tuple[int, Place]] = ctx.memory.setdefault("places.named", [])
        ents = [e for e in doc.ents if e.label_ in {"GPE", "LOC"} and _place_root(e) is not None]
        if ents:
            sentence_at = {sent.start: i for i, sent in enumerate(doc.sents)}
        for ent in ents:
            entry = self._count(countries, ent.text)
            if entry is not None:
                start, end = ent.start_char + ctx.offset, ent.end_char + ctx.offset
                where = _place(entry, ctx.text_of(start, end), start, end, "sentence")
                named.append((ctx.sentence_base + sentence_at.get(ent.sent.start, 0), where))
        if ctx.dateline_place and not ctx.memory.get("places.dateline_counted"):
            ctx.memory["places.dateline_counted"] = True  # once per document, whichever piece
            entry = self.lookup(ctx.dateline_place)  # a dateline city is unambiguous enough to vote
            if entry is not None:
                countries[entry.country] = countries.get(entry.country, 0.0) + 1.0
        return countries

    def _count(self, countries: dict[str, float], name: str) -> GazEntry | None:
        entry = self.lookup(name)
        # countries and regions only: a town counted here would vote for its own reading
        # ("in Tripoli" would push every later Tripoli to Libya)
        if entry is not None and entry.feature_class == "A":
            countries[entry.country] = countries.get(entry.country, 0.0) + 1.0
        return entry

    def lookup(
        self, name: str, *, context: dict[str, float] | None = None, primary_only: bool = False
    ) -> GazEntry | None:
        """The gazetteer entry for a name, trying it also without a trailing 'province', 'region'
        ..., then without one or two trailing words when what is left is a place's own name
        ("Sarlahi District Headquarters", an entity "Yerevan March 3" the model ran together)."""
        words = name.split()
        if len(words) > 1 and words[-1].lower() in _SITES:
            primary_only = True  # "Freedom Square" is a square, not a town that has it as an alias
        entry = self.gazetteer.best(name, context=context, primary_only=primary_only)
        if entry is None and len(words) > 1 and words[-1].lower() in _PLACE_NOUNS:
            entry = self.gazetteer.best(" ".join(words[:-1]), context=context, primary_only=primary_only)
        if entry is None and len(words) > 1 and words[-1].lower() in _LANDFORMS:
            # "the Kathmandu Valley" is about Kathmandu; but "the Jordan Valley" is not Jordan
            entry = self.gazetteer.best(" ".join(words[:-1]), context=context, primary_only=True)
            entry = None if entry is not None and entry.feature_code == "PCLI" else entry
        for cut in (1, 2):
            if entry is not None or len(words) <= cut:
                break
            if not all(_runs_on(w) for w in words[-cut:]):
                break  # "Scarborough Shoal" is not Scarborough, nor "Taiwan Strait" Taiwan
            entry = self.gazetteer.best(" ".join(words[:-cut]), context=context, primary_only=True)
        return entry

    # -- the sentence ---------------------------------------------------------------------------
    def _from_sentence(
        self, trigger: Span, event: Event, context: dict[str, float], ctx: DocContext
    ) -> tuple[int, Place] | None:
        """The best toponym of the trigger's sentence as (rank of its relation, place)."""
        offset = ctx.offset
        acting = [(a.start - offset, a.end - offset) for a in (*event.actor, *event.recipient)]
        head = clause_head(trigger.root)
        best: tuple[tuple[int, int, int], Place] | None = None
        for span, labelled in _toponyms(trigger.sent, _ents_by_token(trigger.doc, ctx.memory)):
            basis = _relation(span, trigger.root, head)
            if basis is None:
                continue
            # an actor's span is not a location, unless the verb acts on the place itself or a
            # place preposition governs it ("met ... at the White House")
            overlaps = any(s < span.end_char and span.start_char < e for s, e in acting)
            if overlaps and basis != "object" and not _under_place_preposition(span):
                continue
            # alternate names only for a strong cue: the model's label or a place preposition
            strict = not labelled and basis == "object"
            entry = self.lookup(span.text, context=context, primary_only=strict)
            if entry is None and span.root.dep_ == "compound":  # "Ben Gurion airport" as one name
                whole = f"{span.text} {span.root.head.text}"
                entry = self.lookup(whole, context=context, primary_only=strict)
            if entry is None:
                continue
            key = (_RANK[basis], _SPECIFIC.get(entry.feature_code, 0), abs(span.start - trigger.root.i))
            if best is None or key < best[0]:
                basis = "trigger" if basis == "object" else basis
                start, end = _phrase_offsets(span)
                text = ctx.text_of(start, end)
                best = (key, _place(entry, text, start + offset, end + offset, basis))
        return (best[0][0], best[1]) if best else None

    def _site_place(self, site: Token, ctx: DocContext, named: Place | None) -> Place | None:
        """A site in a place position ("marched to City Hall", "at the stadium", "in the north
        and east"), placed by a name in its sentence, else where the document is (see
        `_anchor`). A named site with nothing to place it is a place without coordinates; a
        common one ("along the border") is no place."""
        start, end = _phrase_offsets(site.doc[site.i : site.i + 1])
        text = ctx.text_of(start, end)
        phrase = [t for t in site.doc[site.i : site.i + 1].sent if start <= t.idx < end]
        if any(t.ent_type_ in {"GPE", "LOC"} for t in phrase):
            # "the Guantanamo Bay prison": it names a place the gazetteer lacks, which may be
            # anywhere; not where the document is
            name = " ".join(text.split()).removeprefix("the ")
            return Place(name=name, text=text, start=start + ctx.offset, end=end + ctx.offset, basis="site")
        start, end = start + ctx.offset, end + ctx.offset
        if named is not None:
            return replace(named, text=text, start=start, end=end, basis="site")
        anchor = self._anchor(ctx, direction=site.lemma_.lower() in _COUNTRY_SITES)
        if anchor is not None and site.lemma_.lower() == "capital":  # "the capital" of where we are
            anchor = self.gazetteer.capital(anchor.country) or anchor
        if anchor is not None:  # the text names the site; where it is comes from elsewhere
            return _place(anchor, text, start, end, "site")
        if site.pos_ == "PROPN":  # a named site ("City Hall", "Ala-too Square") is a place by itself
            name = " ".join(text.split()).removeprefix("the ")
            return Place(name=name, text=text, start=start, end=end, basis="site")
        return None

    def _anchor(self, ctx: DocContext, *, direction: bool) -> GazEntry | None:
        """Where the document is: its last event place (a town or district), else its main country.
        A direction ("the north") is of a country, never of a town."""
        last = ctx.memory.get("places.last") or _most_named(ctx.memory.get("places.named") or [])
        if last is None and ctx.dateline_place and not direction:
            dateline = self.lookup(ctx.dateline_place, context=ctx.memory.get("places.countries"))
            if dateline is not None:
                return dateline
        if last is not None and not direction:
            place = last[1]
            return GazEntry(
                name=place.name, country=place.country or "", feature_class=place.feature_class or "P",
                feature_code="PPL", geonameid=place.geonameid, admin1=place.admin1, lat=place.lat,
                lon=place.lon,
            )
        # only places the text names: an actor's country says who acts, not where ("troops
        # exchanged fire along the border" has no place until the text gives one)
        countries: dict[str, float] = ctx.memory.get("places.countries") or {}
        if countries:
            return self.gazetteer.country(max(countries, key=lambda c: countries[c]))
        if last is not None and last[1].country:  # a town's country ("in Trincomalee" -> Sri Lanka)
            return self.gazetteer.country(last[1].country)
        return None

    def _from_dateline(self, ctx: DocContext, context: dict[str, float]) -> Place | None:
        if not ctx.dateline_place:
            return None
        entry = self.lookup(ctx.dateline_place, context=context)
        if entry is None:
            return None
        return _place(entry, ctx.dateline_place, None, None, "dateline")


def _place(entry: GazEntry, text: str, start: int | None, end: int | None, basis: str) -> Place:
    return Place(
        name=entry.name, text=text, start=start, end=end, geonameid=entry.geonameid,
        lat=entry.lat, lon=entry.lon, country=entry.country, admin1=entry.admin1,
        feature_class=entry.feature_class, basis=basis,
    )


def _ents_by_token(doc: Doc, memory: dict) -> dict[int, Span]:
    """Token index → its entity, built once per parsed piece (doc.ents is rebuilt on each read)."""
    cached = memory.get("places.ents")
    if cached is None or cached[0] is not doc:
        cached = (doc, {t.i: ent for ent in doc.ents for t in ent})
        memory["places.ents"] = cached
    return cached[1]


def _toponyms(sent: Span, ents: dict[int, Span]) -> list[tuple[Span, bool]]:
    """(span, labelled) for the place names of a sentence: GPE/LOC/FAC entities (labelled), and
    proper nouns in a place position that the model labelled otherwise or not at all (small
    models often call a town a PERSON or ORG); those must match a gazetteer name exactly."""
    in_sent = dict.fromkeys(ents[i] for i in range(sent.start, sent.end) if i in ents)
    spans = [(e, True) for e in in_sent if e.label_ in _TOPONYM_LABELS]
    covered = {t.i for e, _ in spans for t in e}
    for tok in sent:
        if tok.i in covered or tok.pos_ != "PROPN" or not _place_position(tok):
            continue
        span = ents.get(tok.i) or _propn_chain(tok)
        if span.label_ in _NOT_PLACES:
            continue
        spans.append((span, False))
        covered.update(t.i for t in span)
    return spans


def _place_position(tok: Token) -> bool:
    if tok.dep_ in {"pobj", "pcomp"}:
        return _is_locative(tok.head)
    if tok.dep_ == "dobj":
        return tok.head.lemma_.lower() in _PLACE_OBJECT_VERBS
    return tok.dep_ == "compound" and tok.head.lemma_.lower() in _PLACE_NOUNS


def _propn_chain(tok: Token) -> Span:
    """The proper-noun compound ending at `tok` ("Novi Pazar")."""
    left = tok.i
    while left > 0 and tok.doc[left - 1].pos_ == "PROPN" and tok.doc[left - 1].dep_ == "compound":
        left -= 1
    return tok.doc[left : tok.i + 1]


def _relation(span: Span, trigger: Token, clause: int) -> str | None:
    """How a toponym relates to the trigger: 'trigger', 'object', 'clause', 'sentence', or None
    (not a location: an actor, or a place only mentioned as in 'the ambassador to Azerbaijan')."""
    root = span.root
    if root.dep_ == "compound" and root.head.i == trigger.i:
        return "trigger"  # "Kharkiv clashes"
    noun = _climb_place_nouns(root)
    if noun.dep_ == "dobj" and noun.head.i == trigger.i and trigger.lemma_.lower() in _PLACE_OBJECT_VERBS:
        return "object"
    place_root = _place_root(span)
    if place_root is None:
        return None
    node = place_root.head.head
    for _ in range(10):  # climb noun phrases and prepositions up to a verb
        if node.i == trigger.i:
            return "trigger"
        if node.i == clause:
            return "clause"
        if node.pos_ in {"VERB", "AUX"} or node.head.i == node.i:
            return "sentence"
        node = node.head
    return "sentence"


def _climb_place_nouns(root: Token) -> Token:
    """From a name to the phrase it stands in: "the Tigray region", "Chisinau airport",
    "the capital, Baku", "Iraq and Syria", "Baku, Azerbaijan", "Tehran's main streets"."""
    noun = root.head.lemma_.lower()
    if root.dep_ in _NAME_OF_NOUN and (noun in _PLACE_NOUNS or root.dep_ in {"poss", "compound"} and noun in _SITES):
        root = root.head
    for _ in range(3):
        if root.dep_ not in {"appos", "conj"}:
            break
        root = root.head
    return root


def _place_root(span: Span) -> Token | None:
    """The object of the locative preposition the name hangs from, or None if it has none."""
    root = _climb_place_nouns(span.root)
    if root.dep_ in {"pobj", "pcomp"} and _is_locative(root.head):
        return root
    return None


def _is_locative(prep: Token) -> bool:
    head = prep.head.lemma_.lower()
    if prep.lower_ in _LOCATIVE:
        if prep.lower_ in {"on", "over", "into"} and head in _TOPIC_NOUNS:
            return False  # but "talks in Geneva" is a place
        if prep.lower_ == "on" and prep.head.pos_ not in {"VERB", "AUX"}:
            return head in _ON_HEADS
        return True
    if prep.lower_ in {"to", "toward", "towards"}:  # "travelled to Brussels", not "the ambassador to Azerbaijan"
        return head in _MOTION_VERBS
    if prep.lower_ == "from":  # "withdrew from Kherson", but not "a delegation from Iran"
        return head in _AWAY_VERBS
    return prep.lower_ == "of" and head in _PART_NOUNS


# Common nouns that name a site an event can be at: "marched to City Hall", "at the stadium",
# "occupied the residences", "in the north and east", "in the vicinity of the embassy".
_SITES = {
    "airport", "base", "border", "bridge", "building", "camp", "capital", "center", "centre",
    "checkpoint", "church", "city", "compound", "complex", "consulate", "court", "courthouse",
    "embassy", "field", "hall", "headquarters", "highway", "hospital", "hotel", "house", "jail",
    "market", "ministry", "mosque", "office", "palace", "parliament", "plant", "port", "prison",
    "residence", "road", "school", "square", "stadium", "station", "street", "studio", "temple",
    "town", "university", "village", "vicinity", "zone", "outskirts", "neighborhood",
    "neighbourhood", "district", "area", "region", "province", "frontline", "line", "crossing",
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
}
# Verbs whose object is a site they happen at, beyond _PLACE_OBJECT_VERBS ("as he left Parliament").
_SITE_VERBS = {"leave", "approach", "picket", "surround", "evacuate", "guard", "close"}
_DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
# Sites that belong to a country, not a town: "in the north", "along the border".
_COUNTRY_SITES = _DIRECTIONS | {"border", "frontline", "line", "crossing"}
# PLOVER types of physical events, which stay where the story is: an event with no place in
# its sentence takes the last one named. Statements (ACCUSE, REQUEST, AGREE ...) do not: they
# are made wherever the speaker is.
_PHYSICAL = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT", "AID"}
# Prepositions that make their object a place whatever the noun ("at the White House").
_PLACE_PREPOSITIONS = {"in", "at", "near", "outside", "inside", "within", "throughout", "across", "along"}
# Phrases longer than this are cut back to the name: a place phrase is short.
_MAX_PHRASE = 12
# Sectors of actors who are where they act: troops, police, rebels, protesters, civilians.
# Their country votes for a same-name place ("Lebanese troops ... in Tripoli"); a head of
# state's does not ("the US President met ... in Geneva" is not Geneva, Illinois).
_PRESENT_SECTORS = {"MIL", "COP", "REB", "OPP", "PRO", "CVL", "UAF", "PRM", "PRE"}


def _sentence_context(
    context: dict[str, float], sent: Span, mentions: Sequence[Actor], offset: int
) -> dict[str, float]:
    """The document's place countries plus the countries of actors in the sentence who are
    present where they act (see _PRESENT_SECTORS)."""
    start, end = sent.start_char + offset, sent.end_char + offset
    here = {
        m.country for m in mentions
        if start <= m.start < end and m.country and len(m.country) == 3 and m.sector in _PRESENT_SECTORS
        # the knowledge base said so: a country guessed from context, or a place's own, may
        # be the very reading in question
        and m.kb_id and not m.kb_id.startswith("place:")
    }
    if not here:
        return context
    local = dict(context)
    for country in here:
        local[country] = max(local.get(country, 0.0), 1.0)
    return local


def _most_named(named: list[tuple[int, Place]]) -> tuple[int, Place] | None:
    """The place the document names most often as a place (the first of equals)."""
    if not named:
        return None
    counts: dict[str, int] = {}
    for _, place in named:
        counts[place.name] = counts.get(place.name, 0) + 1
    return max(named, key=lambda item: (counts[item[1].name], -item[0]))


def _from_previous(event: Event, ctx: DocContext) -> Place | None:
    """For a physical event, the last place (of an event, or named as a place) at most two
    sentences back: reports name a place once and go on ("Clashes broke out in Aden. Four
    soldiers were killed.")."""
    if event.event not in _PHYSICAL:
        return None
    here = event.sentence_index
    earlier = [item for item in ctx.memory.get("places.named") or [] if here - 2 <= item[0] < here]
    last = ctx.memory.get("places.last")
    if last is not None and here - 2 <= last[0] <= here:
        earlier.append(last)
    if not earlier:
        return None
    place: Place = max(earlier, key=lambda item: (item[0], item[1].start or 0))[1]
    return Place(
        name=place.name, text=place.text, start=place.start, end=place.end, geonameid=place.geonameid,
        lat=place.lat, lon=place.lon, country=place.country, admin1=place.admin1,
        feature_class=place.feature_class, basis="previous",
    )


def _is_site(tok: Token) -> bool:
    """A noun naming a site, in a place position: the object of a place preposition or of a
    verb acting on a place ("occupied the residences"). Not a region's proper name the
    gazetteer lacks ("the Middle East", "West Bengal": a name, not a direction)."""
    if tok.pos_ not in {"NOUN", "PROPN"} or tok.lemma_.lower() not in _SITES:
        return False
    if tok.ent_type_ in {"GPE", "LOC", "NORP"}:
        return False
    if tok.lemma_.lower() in _DIRECTIONS and not tok.text.islower():
        return False
    if tok.dep_ in {"pobj", "pcomp"}:
        return _is_locative(tok.head) or tok.head.lower_ in _PLACE_PREPOSITIONS
    if tok.dep_ == "dobj":
        return tok.head.lemma_.lower() in _PLACE_OBJECT_VERBS or tok.head.lemma_.lower() in _SITE_VERBS
    return False


def _under_place_preposition(span: Span) -> bool:
    root = _climb_place_nouns(span.root)
    return root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPOSITIONS


def _phrase_root(noun: Token) -> Token:
    """The outermost noun of a chain of place phrases: "the residential districts of Kharkiv",
    "parts of the Kathmandu Valley", "the vicinity of the French Embassy", "the Israeli embassy
    in Baku"."""
    for _ in range(3):
        prep = noun.head
        if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ not in {"NOUN", "PROPN"}:
            break
        outer = prep.head
        lemma = outer.lemma_.lower()
        if prep.lower_ == "of" and (lemma in _PART_NOUNS or lemma in _SITES):
            noun = outer
        elif prep.lower_ in _PLACE_PREPOSITIONS and lemma in _SITES and outer.dep_ in {"pobj", "dobj"}:
            noun = outer
        else:
            break
    return noun


def _phrase_offsets(span: Span) -> tuple[int, int]:
    """Character offsets (in the parsed piece) of the place phrase around a name: the noun
    phrase it heads or stands in, without relative clauses; the name alone when that phrase is
    long or does not hold it."""
    root = _climb_place_nouns(span.root)
    if root.dep_ in {"pobj", "pcomp", "dobj"} or root.i != span.root.i:
        root = _phrase_root(root)
    cut = {t.i for c in root.children if c.dep_ in {"relcl", "acl", "advcl", "prep", "appos"} and c.i > root.i
           and not _keeps(c, span) for t in c.subtree}
    tokens = [t for t in root.subtree if t.i not in cut]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ == "cc"):
        tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    for at, tok in enumerate(tokens):  # a parenthesis after the name is an aside
        if tok.text == "(" and tok.i >= span.end:
            tokens = tokens[:at]
            break
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    if not tokens or len(tokens) > _MAX_PHRASE or not (tokens[0].i <= span.start and span.end - 1 <= tokens[-1].i):
        return span.start_char, span.end_char
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _keeps(child: Token, span: Span) -> bool:
    """A prepositional phrase after the head stays when it holds the name ("districts of
    Kharkiv") or is itself a place phrase ("the embassy in Baku"); an apposition when it holds
    the name or another place."""
    inside = any(t.i == span.root.i for t in child.subtree)
    if child.dep_ == "appos":  # "Minsk, Belarus" and "the capital, Baku", not ", Defense Secretary X"
        return inside or any(t.ent_type_ in {"GPE", "LOC"} for t in child.subtree)
    if child.dep_ != "prep":
        return False
    return inside or child.lower_ in _PLACE_PREPOSITIONS


# Landforms named after a town or a division: "the Kathmandu Valley", "the Swat valley".
_LANDFORMS = {"valley", "gorge", "plain", "plains", "basin", "hills", "highlands", "mountains", "delta", "oasis"}
_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
}


def _runs_on(word: str) -> bool:
    """A word that can follow a place name without making a new name: a date the model ran
    into the entity ("Yerevan March 3") or a building of the place ("... District Headquarters")."""
    plain = word.lower().strip(",.")
    return plain.isdigit() or plain in _MONTHS or plain in {"headquarters", "hq", "compound", "office"}


def _best_site(trigger: Span) -> tuple[int, Token] | None:
    """The site nearest the trigger in the strongest relation, as (rank, token)."""
    head = clause_head(trigger.root)
    best: tuple[tuple[int, int], Token] | None = None
    for tok in trigger.sent:
        if not _is_site(tok):
            continue
        basis: str | None
        if tok.dep_ == "dobj":  # "as he left Parliament": the verb's own relation to the trigger
            verb = tok.head
            basis = "trigger" if verb.i == trigger.root.i else "clause" if verb.head.i == trigger.root.i else "sentence"
        else:
            basis = _relation(tok.doc[tok.i : tok.i + 1], trigger.root, head)
        if basis is None:
            continue
        key = (_RANK[basis], abs(tok.i - trigger.root.i))
        if best is None or key < best[0]:
            best = (key, tok)
    return (best[0][0], best[1]) if best else None
