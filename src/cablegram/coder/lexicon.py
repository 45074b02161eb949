"""The trigger lexicon: lemmas (and multi-word expressions) that announce an event.

Entries live in `cablegram/data/lexicon/triggers.tsv` (our own table). Each entry names a CAMEO
code; the PLOVER event and mode come from the ontology unless the entry overrides them. An entry
may demand an object lemma ("sell" + weapon → 062 rather than 061), which is how one verb reaches
different 3-digit codes. Matching works on spaCy lemmas, falling back to the lower-cased word
because small models mis-lemmatise rare verbs.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from ..errors import CodingError
from . import ontology

if TYPE_CHECKING:
    from spacy.tokens import Token

# a lexicon code meaning "these words are not an event, and neither is what they govern"
# ("rejected the accusations" is a denial, not a rejection nor an accusation)
BLOCK = "-"
# a lexicon code meaning "this sense is no event", without blocking what the words govern
# ("released a statement condemning the attack": no release, but the condemnation stands)
NOTHING = "~"
# an object condition met by any direct object or a passive ("returned the paintings", not "returned home")
ANY_OBJECT = "*"
# the last word of an expression that carries the event noun below it ("claim responsibility for *")
CARRIED = "*"

__all__ = ["BLOCK", "CARRIED", "NOTHING", "Lexicon", "Trigger", "TriggerMatch", "default_lexicon", "inflections"]

_POS = {"V": {"VERB"}, "N": {"NOUN", "PROPN"}, "A": {"ADJ", "VERB"}}
# dependents that name what a verb acts on, for the object constraint
_OBJ_DEPS = {"dobj", "nsubjpass", "nsubj", "attr", "xcomp", "dative", "oprd"}
_NOUN_MOD_DEPS = {"compound", "amod", "nmod", "poss"}


@dataclass(frozen=True, slots=True, kw_only=True)
class Trigger:
    """One lexicon entry."""

    lemmas: tuple[str, ...]
    pos: str
    cameo: str
    event: str
    mode: str | None = None
    obj: frozenset[str] = frozenset()
    subj: frozenset[str] = frozenset()
    source: str = "builtin"


@dataclass(frozen=True, slots=True, kw_only=True)
class TriggerMatch:
    """A lexicon entry found at a token (`tokens` are the indices of all matched words)."""

    trigger: Trigger
    head: int
    tokens: tuple[int, ...]


def _parse_override(override: str, cameo_code: str) -> tuple[str, str | None]:
    event, mode, _ = ontology.plover_for_cameo(cameo_code)
    if override:
        event, _, forced = override.partition("/")
        mode = forced or (mode if ontology.cameo(cameo_code).event == event else None)
    if event is None:
        # CAMEO statements (01) have no PLOVER event; the lexicon must say what to code
        raise CodingError(
            "E302", event=f"(none for CAMEO {cameo_code})", choices=", ".join(ontology.plover_events())
        )
    ontology.plover_event(event)
    return event, mode


def _expand(lemmas: str) -> list[tuple[str, ...]]:
    """'stage protest|rally' → [('stage', 'protest'), ('stage', 'rally')]: a slot may list alternatives."""
    out: list[tuple[str, ...]] = [()]
    for slot in lemmas.split():
        out = [(*prefix, alt) for prefix in out for alt in slot.split("|") if alt]
    return out


def _entries(lines: Iterable[str], *, source: str) -> Iterator[Trigger]:
    rows = csv.reader((ln for ln in lines if ln.strip() and not ln.startswith("#")), delimiter="\t")
    for lineno, row in enumerate(rows, 1):
        if row[0] == "lemmas":
            continue
        if len(row) < 3 or row[1] not in _POS or not row[0].strip():
            raise CodingError("E303", path=source, line=lineno, detail=f"need lemmas, V/N/A, cameo: {row}")
        for lemmas in _expand(row[0]):
            yield from _entry(row, lemmas, source=source)


def _entry(row: list[str], lemmas: tuple[str, ...], *, source: str) -> Iterator[Trigger]:
    cameo_code = row[2]
    obj = frozenset(x for x in (row[4] if len(row) > 4 else "").split("|") if x)
    subj = frozenset(x for x in (row[5] if len(row) > 5 else "").split("|") if x)
    if cameo_code in {BLOCK, NOTHING} or lemmas[-1] == CARRIED:
        # a carrying expression takes its code from the noun it carries
        yield Trigger(lemmas=lemmas, pos=row[1], cameo=cameo_code, event="", obj=obj, subj=subj, source=source)
        return
    ontology.cameo(cameo_code)
    event, mode = _parse_override(row[3] if len(row) > 3 else "", cameo_code)
    yield Trigger(
        lemmas=lemmas, pos=row[1], cameo=cameo_code, event=event, mode=mode, obj=obj, subj=subj, source=source
    )


class Lexicon:
    """Trigger entries indexed by their first lemma; `match` finds them in a parsed sentence."""

    def __init__(self, triggers: Iterable[Trigger]) -> None:
        self._by_head: dict[str, list[Trigger]] = {}
        for t in triggers:
            self._by_head.setdefault(t.lemmas[0], []).append(t)
        for entries in self._by_head.values():
            # longest expression first, then the most constrained (object and subject, object, none)
            entries.sort(key=lambda t: (-len(t.lemmas), -bool(t.obj) - bool(t.subj)))
        # inflected surface form → head lemmas: small models mis-lemmatise ("staged" → "stag")
        self._by_form: dict[str, list[str]] = {}
        for lemma in self._by_head:
            for form in inflections(lemma):
                if form != lemma:
                    self._by_form.setdefault(form, []).append(lemma)

    @classmethod
    def from_tsv(cls, text: str, *, source: str = "builtin") -> Lexicon:
        """Build a lexicon from TSV text in the triggers.tsv format."""
        return cls(_entries(text.splitlines(), source=source))

    def extend(self, triggers: Iterable[Trigger]) -> Lexicon:
        """A new lexicon with extra entries (e.g. from a PETRARCH verb dictionary)."""
        return Lexicon([*self.triggers(), *triggers])

    def triggers(self) -> list[Trigger]:
        """All entries."""
        return [t for entries in self._by_head.values() for t in entries]

    def cue_terms(self) -> set[str]:
        """Lower-case lemmas and their inflections: a sentence without any of them has no event."""
        out: set[str] = set()
        for t in self.triggers():
            out.update(inflections(t.lemmas[0]))
        return out

    def match(self, tok: Token) -> TriggerMatch | None:
        """The best entry whose expression starts at `tok`, or None."""
        if _in_name(tok):
            return None
        keys = dict.fromkeys((tok.lemma_.lower(), tok.lower_, *self._by_form.get(tok.lower_, ())))
        for key in keys:
            for entry in self._by_head.get(key, ()):
                if entry.pos == "N" and key not in (_lemma(tok), tok.lower_) and tok.lower_ not in _plurals(key):
                    continue  # "trading" is not a form of the noun "trade"
                found = self._carried(tok, entry) if entry.lemmas[-1] == CARRIED else _match_entry(tok, entry)
                if found is not None:
                    return None if entry.cameo == NOTHING else found
        return None

    def _carried(self, tok: Token, entry: Trigger) -> TriggerMatch | None:
        """An expression ending in `*` carries the event noun found below its last word, with that
        noun's code ("the Houthis claimed responsibility for drone attacks": the attack, done by
        the claimant); the expression's first word is the head, so its subject is the actor."""
        if tok.pos_ not in _POS[entry.pos]:
            return None
        rest = _match_rest(tok, replace(entry, lemmas=entry.lemmas[:-1]))
        if rest is None:
            return None
        last = tok.doc[rest[-1]] if rest else tok
        for noun in _descendants(last, _MAX_DEPTH):
            # a compound starts at its first word ("cyber attacks")
            for start in (*(c for c in noun.lefts if c.dep_ in {"compound", "amod"}), noun):
                inner = None if start.i in rest else self.match(start)
                if inner is not None and inner.trigger.pos == "N" and inner.trigger.cameo not in {BLOCK, NOTHING}:
                    return TriggerMatch(trigger=inner.trigger, head=tok.i, tokens=(tok.i, *rest, *inner.tokens))
        return None


def _match_entry(tok: Token, entry: Trigger) -> TriggerMatch | None:
    compound = entry.pos == "N" and len(entry.lemmas) > 1
    if not compound and tok.pos_ not in _POS[entry.pos]:
        return None
    if len(entry.lemmas) == 1 and _modifier_sense(tok, entry):
        return None
    rest = _match_rest(tok, entry)
    if rest is None or (entry.obj and not _has_object(tok, entry)):
        return None
    if entry.subj and not entry.subj & _subject_lemmas(tok):
        return None
    tokens = (tok.i, *rest)
    # noun compounds are head-final ("air strike"): the last word carries the arguments
    # and the part of speech (taggers often call the first word a verb: "tear gas")
    head = max(tokens) if entry.pos == "N" else tok.i
    if compound and tok.doc[head].pos_ not in _POS["N"]:
        return None
    return TriggerMatch(trigger=entry, head=head, tokens=tokens)


# a month, a time, or a capitalised word inside a name ("the Doha Agreement", "the Gulf War",
# "Revolutionary Armed Forces") names something; it does not report an event
_TIME_ENTS = {"DATE", "TIME"}
_NAME_ENTS = {"LAW", "EVENT", "ORG", "WORK_OF_ART", "FAC", "PRODUCT", "GPE", "LOC", "NORP", "PERSON"}
# participles of these verbs describe a standing relation, not an act ("militias backed by Iran")
_STATIVE = {"back", "support", "sponsor", "fund", "finance", "arm", "ally"}


def _in_name(tok: Token) -> bool:
    # only capitalised words: the tagger's entity spans stray over verbs ("eased curfew hours": TIME)
    if not (tok.is_title or tok.pos_ == "PROPN"):
        return False
    return tok.ent_type_ in _TIME_ENTS or (tok.ent_type_ in _NAME_ENTS and not tok.is_sent_start)


def _modifier_sense(tok: Token, entry: Trigger) -> bool:
    """A one-word trigger used as a modifier names a kind, not an event.

    "riot police", "bomb shelters", "ceasefire violations" (a noun modifying a noun);
    "Iran-backed militias", "the expelled diplomats" (a participle used as an adjective);
    "the coalition backing the government" (a relation verb in a reduced relative clause).
    """
    if entry.pos == "N":
        return tok.dep_ == "compound" and tok.head is not tok and tok.head.pos_ in _POS["N"]
    if entry.pos == "V":
        if tok.dep_ == "amod" and tok.tag_ in {"VBN", "VBG", "JJ", ""}:
            return True
        return tok.dep_ == "acl" and tok.tag_ in {"VBG", "VBN"} and entry.lemmas[0] in _STATIVE
    return False


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


@lru_cache(maxsize=4096)
def _forms_of(lemma: str) -> frozenset[str]:
    return frozenset(inflections(lemma))


def _plurals(lemma: str) -> set[str]:
    out = {lemma + "s", lemma + "es"}
    if lemma.endswith("y"):
        out.add(lemma[:-1] + "ies")
    return out


def _is(tok: Token, lemma: str) -> bool:
    """`tok` is a form of `lemma` (by its lemma, its word, or a regular inflection of the word)."""
    return lemma in (_lemma(tok), tok.lower_) or tok.lower_ in _forms_of(lemma)


# how far below the trigger a later word of a verbal expression may sit, and through which
# relations ("declared two U.S. diplomats persona non grata", "engaged them in a firefight");
# never into another clause ("suspended aid because of fighting", "to help in operations")
_MAX_DEPTH = 2
_CLAUSE_DEPS = {"advcl", "relcl", "acl", "conj", "cc", "parataxis", "mark", "punct", "npadvmod", "advmod"}
_CONTENT = {"NOUN", "PROPN", "ADJ"}
# prepositions of time, cause and circumstance head adjuncts, not the expression's own words
# ("suspended aid because of fighting" is no halt to the fighting)
_ADJUNCT_PREPS = {
    "after", "amid", "amidst", "because", "before", "besides", "despite", "due", "during", "except",
    "following", "like", "owing", "since", "till", "unlike", "until", "while", "without",
}


def _part_of_clause(c: Token) -> bool:
    return c.dep_ not in _CLAUSE_DEPS and not (c.dep_ == "prep" and c.lower_ in _ADJUNCT_PREPS)


def _descendants(tok: Token, depth: int) -> list[Token]:
    out: list[Token] = []
    level = [tok]
    for _ in range(depth):
        level = [c for t in level for c in t.children if _part_of_clause(c)]
        out += level
    return sorted((t for t in out if t.pos_ in _CONTENT), key=lambda t: t.i)


def _match_rest(tok: Token, entry: Trigger) -> tuple[int, ...] | None:
    """Indices of the expression's other words.

    Each word is looked for next to the previous one, then among the previous word's dependents,
    then (verbs) below the trigger, to the right of the previous word ("staged a protest",
    "placed under house arrest", "declared two diplomats persona non grata").
    """
    found: list[int] = []
    doc = tok.doc
    prev = tok
    below = _descendants(tok, _MAX_DEPTH) if entry.pos == "V" and len(entry.lemmas) > 1 else []
    for lemma in entry.lemmas[1:]:
        nxt = doc[prev.i + 1] if prev.i + 1 < len(doc) else None
        if nxt is not None and _is(nxt, lemma):
            prev = nxt
        else:
            kids = [c for c in prev.children if c.dep_ not in _CLAUSE_DEPS and c.i not in found and _is(c, lemma)
                    and not _dates(c)]
            kids = kids or [t for t in below if t.i > prev.i and t.i not in found and _is(t, lemma)]
            # "calling for the government to resign": 'for' opens the clause it asks for
            kids = kids or [g for c in prev.children if c.dep_ in {"ccomp", "xcomp"} for g in c.children
                            if g.dep_ == "mark" and g.i not in found and _is(g, lemma)]
            if not kids:
                return None
            prev = kids[0]
        found.append(prev.i)
    return tuple(found)


def _dates(word: Token) -> bool:
    """A preposition that only dates the act ("called the ambassador on Monday" is no 'call on')."""
    return word.pos_ == "ADP" and any(c.dep_ == "pobj" and c.ent_type_ in _TIME_ENTS for c in word.children)


def _has_object(tok: Token, entry: Trigger) -> bool:
    if ANY_OBJECT in entry.obj and any(c.dep_ in {"dobj", "nsubjpass"} for c in tok.children):
        return True
    return bool(entry.obj & _object_lemmas(tok, entry.pos))


def _subject_lemmas(tok: Token) -> set[str]:
    """Words naming who does the act: the subject, the passive agent, or the noun a participle
    modifies ("protesters blocking the road"), carried from the head verb into conjoined verbs."""
    found = [c for c in tok.children if c.dep_ in {"nsubj", "csubj"}]
    found += [g for c in tok.children if c.dep_ == "agent" for g in c.children]
    if not found and tok.dep_ in {"conj", "xcomp"}:
        # "the ship was scheduled to arrive": a passive head's subject does the infinitive's act
        found = [c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not found and tok.dep_ in {"acl", "relcl"}:
        found = [tok.head]
    found += [c for h in list(found) for c in h.children if c.dep_ in {"compound", "conj"}]
    return {_lemma(t) for t in found} | {t.lower_ for t in found}


def _object_lemmas(tok: Token, pos: str) -> set[str]:
    """Lemmas of what the trigger acts on (and their modifiers), for object-constrained entries."""
    heads = [c for c in tok.children if c.dep_ in _OBJ_DEPS]
    if any(c.dep_ == "dobj" for c in heads):
        # "security forces used tear gas": with an object, the subject is the doer, not the thing acted on
        heads = [c for c in heads if c.dep_ != "nsubj"]
        # "provided the rebels with weapons": what is given is the object of "with"
        heads += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                  for g in c.children if g.dep_ == "pobj"]
    if pos == "N":
        heads = [c for c in tok.children if c.dep_ in _NOUN_MOD_DEPS or c.dep_ == "prep"]
        heads += [g for c in tok.children if c.dep_ == "prep" for g in c.children]
        heads.append(tok.head)
    found: list[Token] = []
    if pos == "N" and tok.head is not tok:
        # "teachers went on strike": the subject's own word, not its modifiers ("Air Force")
        found += [c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    for h in heads:
        found.append(h)
        found += [c for c in h.children if c.dep_ in _NOUN_MOD_DEPS | {"conj", "prep", "pobj"}]
        found += [g for c in h.children if c.dep_ == "prep" for g in c.children]
    # the word as well as its lemma: the small model lemmatises "media" as "medium"
    return {_lemma(t) for t in found} | {t.lower_ for t in found}


_IRREGULAR = {
    "sell": "sold",
    "buy": "bought",
    "meet": "met",
    "fight": "fought",
    "shoot": "shot",
    "hold": "held",
    "take": "took taken",
    "give": "gave given",
    "send": "sent",
    "lend": "lent",
    "withdraw": "withdrew withdrawn",
    "beat": "beaten",
    "strike": "struck stricken",
    "seize": "seized",
    "forgive": "forgave forgiven",
    "bring": "brought",
    "make": "made",
    "go": "went gone",
    "break": "broke broken",
    "cut": "cut",
    "slay": "slew slain",
    "swear": "swore sworn",
    "shell": "shelled",
    "rise": "rose risen",
    "bomb": "bombed",
    "lead": "led",
    "fly": "flew flown",
    "win": "won",
    "tell": "told",
    "say": "said",
    "pay": "paid",
}


def inflections(lemma: str) -> set[str]:
    """The lemma with its regular (and a few irregular) English inflections."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        forms.add(lemma[:-1] + "ing")
    if lemma.endswith("y"):
        forms.update({lemma[:-1] + "ies", lemma[:-1] + "ied"})
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms.update({lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"})
    forms.update(_IRREGULAR.get(lemma, "").split())
    return forms


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The built-in lexicon (read once per process)."""
    text = resources.files("cablegram.data.lexicon").joinpath("triggers.tsv").read_text(encoding="utf-8")
    return Lexicon.from_tsv(text, source="triggers.tsv")
