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
_SPECIFIC = {"PPL": 0, "PPLC": 0, "ADM1": 1, "RGN": 1, "PCLI": 2}  # a town tells more than its country


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
        """The event's location, or None when neither the text nor the dateline gives one."""
        context = self._context(doc, mentions, ctx)
        trigger = doc.char_span(
            event.trigger.start - ctx.offset, event.trigger.end - ctx.offset, alignment_mode="expand"
        )
        if trigger is not None:
            found = self._from_sentence(trigger, event, context, ctx)
            if found is not None:
                return found
        return self._from_dateline(ctx, context)

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
        for ent in doc.ents:
            if ent.label_ in {"GPE", "LOC"} and _place_root(ent) is not None:
                self._count(countries, ent.text)
        if ctx.dateline_place and not ctx.memory.get("places.dateline_counted"):
            ctx.memory["places.dateline_counted"] = True  # once per document, whichever piece
            entry = self.lookup(ctx.dateline_place)  # a dateline city is unambiguous enough to vote
            if entry is not None:
                countries[entry.country] = countries.get(entry.country, 0.0) + 1.0
        return countries

    def _count(self, countries: dict[str, float], name: str) -> None:
        entry = self.lookup(name)
        # countries and regions only: a town counted here would vote for its own reading
        # ("in Tripoli" would push every later Tripoli to Libya)
        if entry is not None and entry.feature_class == "A":
            countries[entry.country] = countries.get(entry.country, 0.0) + 1.0

    def lookup(
        self, name: str, *, context: dict[str, float] | None = None, primary_only: bool = False
    ) -> GazEntry | None:
        """The gazetteer entry for a name, trying it also without a trailing 'province', 'region'..."""
        entry = self.gazetteer.best(name, context=context, primary_only=primary_only)
        if entry is None:
            words = name.split()
            if len(words) > 1 and words[-1].lower() in _PLACE_NOUNS:
                entry = self.gazetteer.best(" ".join(words[:-1]), context=context, primary_only=primary_only)
        return entry

    # -- the sentence ---------------------------------------------------------------------------
    def _from_sentence(
        self, trigger: Span, event: Event, context: dict[str, float], ctx: DocContext
    ) -> Place | None:
        offset = ctx.offset
        acting = [(a.start - offset, a.end - offset) for a in (*event.actor, *event.recipient)]
        head = clause_head(trigger.root)
        best: tuple[tuple[int, int, int], Place] | None = None
        for span, labelled in _toponyms(trigger.sent, _ents_by_token(trigger.doc, ctx.memory)):
            basis = _relation(span, trigger.root, head)
            # an actor's span is not a location, unless the verb acts on the place itself
            if basis != "object" and any(s < span.end_char and span.start_char < e for s, e in acting):
                continue
            if basis is None:
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
                start = span.start_char + offset
                best = (key, _place(entry, span.text, start, start + len(span.text), basis))
        return best[1] if best else None

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
    "the capital, Baku", "Iraq and Syria", "Baku, Azerbaijan"."""
    if root.dep_ in _NAME_OF_NOUN and root.head.lemma_.lower() in _PLACE_NOUNS:
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
    if prep.lower_ == "to":  # "travelled to Brussels", but not "the ambassador to Azerbaijan"
        return head in _MOTION_VERBS
    if prep.lower_ == "from":  # "withdrew from Kherson", but not "a delegation from Iran"
        return head in _AWAY_VERBS
    return prep.lower_ == "of" and head in _PART_NOUNS
