"""Who did what to whom: actor and recipient mentions of a trigger, read off the dependency parse.

Verbs: subject → actor, object → recipient; passives swap (nsubjpass → recipient, by-phrase →
actor); recipients also sit in to/against/with/on/at/into/toward phrases. A verb without its own
subject borrows one from the verb it hangs on (conjunction, control verb: "vowed to retaliate")
or from the noun a relative clause modifies. Nouns: possessors, nationality adjectives and
compounds ("an Israeli helicopter assault"), by-phrases and, for events done *to* someone,
of-phrases ("the assassination of Mughniyah"); a noun that is the object of a light verb
("launched an attack") takes that verb's subject as actor.

Who an act is done to is also read off clauses that say so about their subject ("X is persona non
grata", "remains under house arrest", "faces charges", "came under attack from Y"), off subjectless
passives ("after being released, X ..."), off the carrying verb of an instrument ("dispersed the
crowd, firing tear gas") and off the meeting a purpose belongs to ("met with X to demand ...").
An attack's target is never its weapons nor where it is fired from; one's own envoy gives way to
the other side a phrase names ("recalled its ambassador from X").
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..records import Actor
from .sizes import find_size

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Arguments", "MentionIndex", "chain_recipients", "find_arguments", "find_size"]

_RECIPIENT_PREPS = {"to", "against", "with", "on", "at", "into", "toward", "towards", "upon", "over", "from"}
# after a noun, "at"/"in"/"from" phrases mostly give the place, not a party
_NOUN_RECIPIENT_PREPS = {"to", "against", "with", "on", "upon", "toward", "towards", "into"}
_NP_DEPS = {"compound", "amod", "poss", "nmod", "appos", "det"}
_SUBJ = {"nsubj", "csubj"}
# events done to the thing in an "of" phrase; for other nouns "of" names the doer ("visit of Putin")
_PATIENT_EVENTS = {"ASSAULT", "COERCE", "SANCTION", "RETREAT", "ACCUSE", "AID", "PROTEST"}
_NAMED = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
_INHERIT_DEPS = {"xcomp", "conj", "advcl", "ccomp", "pcomp", "acomp"}


@dataclass(frozen=True, slots=True, kw_only=True)
class Arguments:
    """The actors and recipients found for one trigger."""

    actor: tuple[Actor, ...] = ()
    recipient: tuple[Actor, ...] = ()


class MentionIndex:
    """Token index → actor mention, plus unresolved named entities as bare mentions."""

    def __init__(self, doc: Doc, mentions: Sequence[Actor], offset: int, *, named: bool = True) -> None:
        self.by_token: dict[int, Actor] = {}
        self._pronouns: dict[int, Actor | None] = {}
        self._partners: dict[int, list[Actor]] = {}
        self.offset = offset
        for m in mentions:
            span = doc.char_span(m.start - offset, m.end - offset, alignment_mode="expand")
            for t in span if span is not None else ():
                self.by_token[t.i] = m
        if named:
            # a named person/organisation the knowledge base does not know is still an argument:
            # its text and offsets are real, its codes stay null
            for ent in doc.ents:
                if ent.label_ in _NAMED and not any(t.i in self.by_token for t in ent):
                    bare = Actor(text=ent.text, start=ent.start_char + offset, end=ent.end_char + offset)
                    for t in ent:
                        self.by_token[t.i] = bare

    def of(self, tok: Token, *, depth: int = 0) -> list[Actor]:
        """Mentions naming the phrase headed by `tok`, following coordination ("A and B")."""
        found: list[Actor] = []
        if tok.i in self.by_token:
            found.append(self._coded(tok, self.by_token[tok.i]))
        elif tok.lower_ in _GROUP_PRONOUNS and (antecedent := self.antecedent(tok)) is not None:
            found.append(antecedent)
            found += self._partners.get(tok.i, [])
        else:
            found += [
                self.by_token[c.i] for c in tok.children if c.dep_ in _NP_DEPS and c.i in self.by_token
            ][:1]
            if not found and tok.pos_ in {"NOUN", "PROPN"}:
                # "The Saudi-led coalition": a mention deeper in the noun's own modifiers
                found += [self.by_token[t.i] for c in tok.lefts if c.dep_ in _NP_DEPS | {"npadvmod"}
                          for t in c.subtree if t.i in self.by_token][:1]
        if not found and depth == 0:
            # "the president of Iran", "25 of the 150 demonstrators": the of-phrase names the group
            for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
                for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                    found += self.of(pobj, depth=1)
        if not found and depth == 0 and tok.lemma_.lower() in _PARTY_NOUNS:
            # "11 entities in Iran and China", "officials from the ministry": a group named by where
            # it is or whom it comes from
            for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"in", "from"}):
                found += [m for g in prep.children if g.dep_ == "pobj" for m in self.of(g, depth=1)
                          if prep.lower_ == "from" or (m.kb_id or "").startswith("state:")]
        for conj in (c for c in tok.children if c.dep_ == "conj"):
            found += self.of(conj, depth=depth)
        return found


    def _coded(self, tok: Token, mention: Actor) -> Actor:
        """A name the knowledge base does not know takes the codes of its apposition ("Ali Musa,
        the leader of the Gondor Party") or its possessor: its own text and offsets, their codes."""
        if mention.country or mention.sector or mention.kb_id:
            return mention
        # "the opposition's Coordination Council": a possessor is its owner
        # (an apposition that is another name is more often the next item of a list of names)
        others = [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "NOUN" or c.dep_ == "poss"]
        for other in (c for c in others if c.lower_ not in _GROUP_PRONOUNS):
            for m in self.of(other):
                if m.country:
                    return replace(m, text=mention.text, start=mention.start, end=mention.end)
        return mention

    def antecedent(self, pronoun: Token) -> Actor | None:
        """'they', 'it', 'them': the nearest earlier mention with a country, in this sentence or
        the one before, taken for the pronoun (its own text and offsets, the mention's codes)."""
        if pronoun.i in self._pronouns:
            return self._pronouns[pronoun.i]
        if pronoun.lower_ == "it" and pronoun.head.lemma_.lower() == "be":
            return None  # "it is important to ...": an expletive, not a reference
        self._pronouns[pronoun.i] = None  # in progress: a partner that is a pronoun does not come back here
        first = pronoun.sent.start
        previous = pronoun.doc[first - 1].sent.start if first > 0 else first
        found = None
        window = range(pronoun.i - 1, previous - 1, -1)
        # a subject pronoun continues the last subject ("Pakistan denied it ... they objected")
        subjects = [i for i in window if pronoun.doc[i].dep_ in _SUBJ | {"nsubjpass"}]
        barred = self._not_antecedents(pronoun)
        for k, i in enumerate([*subjects, *window]):
            m = self.by_token.get(i)
            if m is None and k < len(subjects) and pronoun.doc[i].pos_ == "NOUN":
                # "members of the Forces Vives ... they": the subject phrase names the group
                m = next(iter(self.of(pronoun.doc[i])), None)
            if m is not None and pronoun.lower_ in {"it", "its"} and pronoun.doc[i].tag_ == "NNS":
                barred.add(id(m))  # "its" is not "the troops" (but may be "the United States")
            # "our patrol ... they fired": 'they' is never the speaker's own side
            elif m is not None and m.country and m.text.lower() not in _GROUP_PRONOUNS and id(m) not in barred \
                    and not _own_side(m):
                start = pronoun.idx + self.offset
                found = Actor(text=pronoun.text, start=start, end=start + len(pronoun.text), name=m.name,
                              country=m.country, sector=m.sector, cameo_code=m.cameo_code, kb_id=m.kb_id)
                if pronoun.lower_ in _PLURAL:  # the partners keep their own words and offsets as evidence
                    self._partners[pronoun.i] = [p for p in self._met_with(pronoun.doc[i]) if p.country != m.country]
                break
        self._pronouns[pronoun.i] = found
        return found

    def _met_with(self, subject: Token) -> list[Actor]:
        """'X met with Y', 'X and Y met': the others a subject acted together with, whom a later
        'they' takes in too."""
        if subject.dep_ != "nsubj":
            return []
        verb = subject.head
        partners = [a for c in subject.children if c.dep_ == "conj" for a in self.of(c, depth=1)]
        if verb.lemma_.lower() in _TOGETHER:
            partners += [a for p in verb.children if p.dep_ == "prep" and p.lower_ == "with"
                         for g in p.children if g.dep_ == "pobj" for a in self.of(g, depth=1)]
        return [a for a in partners if a.country and a.text.lower() not in _GROUP_PRONOUNS]


    def _not_antecedents(self, pronoun: Token) -> set[int]:
        """Mentions an object pronoun cannot stand for: the subject of its own clause ('China
        condemns it' is not China condemning China; that would be 'itself'), also when the
        clause borrows its subject ('vowed to repatriate them')."""
        verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
        if pronoun.dep_ not in {"dobj", "pobj", "dative"}:
            return set()
        verbs = [verb]
        while verb.dep_ in {"conj", "xcomp"} and len(verbs) < 4:
            verb = verb.head  # "vowed to repatriate them", "arrested and beat them": the same subject
            verbs.append(verb)
        return {id(self.by_token[c.i]) for v in verbs for c in v.children if c.dep_ in _SUBJ and c.i in self.by_token}


_GROUP_PRONOUNS = {"they", "them", "it", "its", "their"}
_PLURAL = {"they", "them", "their"}
# verbs done together: after "X met with Y", "they" is both
_TOGETHER = {"meet", "talk", "speak", "confer", "negotiate", "sit"}
_FIRST_PERSON = {"we", "us", "our", "i", "me", "my"}


def _own_side(m: Actor) -> bool:
    """A mention of the speaker's side ('we', 'our soldiers'), which a third-person pronoun never is."""
    first = m.text.split(maxsplit=1)[0].lower() if m.text.strip() else ""
    return first in _FIRST_PERSON

# plain words for parties, whose country a place or origin phrase can give ("entities in Iran")
_PARTY_NOUNS = {
    "entity", "company", "firm", "individual", "official", "person", "people", "national", "citizen",
    "organization", "organisation", "group", "bank", "business", "member", "leader", "figure", "resident",
    "civilian", "worker", "family", "vessel", "ship",
}


def _unique(actors: list[Actor]) -> tuple[Actor, ...]:
    seen: set[tuple[int, int]] = set()
    out: list[Actor] = []
    for a in actors:
        if (a.start, a.end) not in seen:
            seen.add((a.start, a.end))
            out.append(a)
    return tuple(out)


def _verb_args(verb: Token, index: MentionIndex, *, assault: bool = False) -> tuple[list[Actor], list[Actor]]:
    actor: list[Actor] = []
    recipient: list[Actor] = []
    own: list[Actor] = []
    for c in verb.children:
        if c.dep_ in _SUBJ:
            actor += index.of(c)
        elif c.dep_ == "agent":
            actor += [a for g in c.children for a in index.of(g)]
        elif c.dep_ == "dobj" and any(g.dep_ == "poss" and g.lower_ in _OWN for g in c.children):
            # "recalled its ambassador from Canada": its own, kept only if no one else is named
            own += index.of(c)
            recipient += [a for p in c.children if p.dep_ == "prep" and p.lower_ in {"to", "against", "from", "with"}
                          for g in p.children if g.dep_ == "pobj" for a in index.of(g)]
        elif c.dep_ in {"dobj", "nsubjpass", "dative"} and c.pos_ != "ADP":
            if not (assault and c.lemma_.lower() in _WEAPONS):
                recipient += index.of(c)  # ("fired Iranian-made rockets": who made them is not the target)
            # "sold weapons to Azerbaijan" parsed with the to-phrase under the object
            recipient += [
                a
                for p in c.children
                if p.dep_ == "prep" and p.lower_ in {"to", "against"}
                for g in p.children
                for a in index.of(g)
            ]
        elif c.dep_ == "dative":
            recipient += [a for g in c.children if g.dep_ == "pobj" for a in index.of(g)]
        elif c.dep_ == "prep" and c.lower_ in _RECIPIENT_PREPS and not (assault and c.lower_ == "from"):
            recipient += [a for g in c.children if g.dep_ == "pobj" for a in index.of(g)]
        elif c.dep_ == "prt":
            # "called on X", parsed with X under the particle or under a preposition on it
            recipient += [a for g in c.children if g.dep_ == "pobj" for a in index.of(g)]
            for prep in (g for g in c.children if g.dep_ == "prep"):
                recipient += [a for g in prep.children for a in index.of(g)]
        if c.dep_ == "prep":
            # "appealed for help and to the public", the to-phrase parsed as a conjunct of the for-phrase
            recipient += [a for p in c.children if p.dep_ == "conj" and p.lower_ in _RECIPIENT_PREPS - {"from"}
                          for g in p.children if g.dep_ == "pobj" for a in index.of(g)]
    if own and not recipient:
        return actor, own
    return actor, recipient


_OWN = {"its", "their", "his", "her", "our"}


# verbs of firing something, whose from-phrase says where it was fired from
_LAUNCH_VERBS = {"fire", "launch", "shoot", "lob"}

# what is fired, thrown or used in an attack (a drone or a ship can also be what is hit)
_WEAPONS = {
    "rocket", "missile", "shell", "mortar", "bomb", "grenade", "bullet", "round", "weapon", "munition",
    "projectile", "artillery", "gas", "explosive", "firearm", "gun", "rifle", "baton", "cannon", "salvo",
}


_SPEECH_VERBS = {"say", "tell", "report", "claim", "announce", "state", "add", "confirm", "write", "note", "insist"}
# passives whose subject is the doer of their infinitive ("is expected/set/due to meet")
_RAISING = {"expect", "set", "schedule", "slate", "due", "suppose", "believe", "report", "say", "poise", "plan",
            "allow", "permit", "force", "order", "ask", "urge"}


# verbs whose subject, not object, does their infinitive ("promised Gondor to withdraw")
_SUBJECT_CONTROL = {"promise", "vow", "pledge", "threaten"}
# prepositions whose gerund the clause's subject did ("responded by torching homes"), unlike
# "accused X of shelling" or "arrested X for protesting", where the object does it ("before
# travelling" in advice and "without demanding payment" name what has not happened)
_MEANS_PREPS = {"by", "after", "while", "upon", "through", "since"}


def _borrowed_subject(verb: Token, index: MentionIndex) -> list[Actor]:
    """The subject of the verb or noun this clause hangs on (control, conjunction, relative clause)."""
    node = verb
    for hop in range(3):
        if node.dep_ == "relcl":
            return index.of(node.head)
        if node.dep_ in {"acl", "appos"} and node.tag_ == "VBG":
            # "demonstrators protesting the results": the noun does it; "the ministry's position,
            # offering talks": whoever holds it; "held a press conference denouncing the
            # violence", "..., issuing statements offering talks": whoever held or issued it
            noun = node.head
            if noun.i in index.by_token:
                return [index.by_token[noun.i]]
            # (a compound only when it is a name: 'the ROKG position', not 'a press conference')
            if owner := [index.by_token[c.i] for c in noun.children if c.i in index.by_token and (
                    c.dep_ == "poss" or c.dep_ == "compound" and c.text[:1].isupper())][:1]:
                return owner
            if noun.dep_ == "dobj":
                verb = noun.head
                return [a for c in verb.children if c.dep_ in _SUBJ for a in index.of(c)] or (
                    _borrowed_subject(verb, index) if verb.dep_ in {"advcl", "conj", "xcomp"} else [])
            return []
        if node.dep_ not in _INHERIT_DEPS or node.head.i == node.i:
            return []
        came_by = node.dep_
        if came_by in {"ccomp", "parataxis"} and node.head.lemma_.lower() in _SPEECH_VERBS:
            # "dozens were injured, the ministry said": the speaker did not do it; but in
            # '"We call on ...," Pompeo said' the first person is the speaker
            if not any(c.dep_ in _SUBJ and c.lower_ in {"we", "i"} for c in node.children):
                return []
        node = node.head
        if hop == 0 and came_by == "xcomp" and node.lemma_.lower() not in _SUBJECT_CONTROL and (
            controller := [a for c in node.children if c.dep_ == "dobj" for a in index.of(c)]
        ):
            # "prompted the council to appeal", "urged Russia to withdraw": the object acts (a
            # noun further down, "urged X to pursue talks", is only asked for and left alone)
            return controller
        subj = [a for c in node.children if c.dep_ in _SUBJ for a in index.of(c)]
        if not subj and came_by == "xcomp" and node.lemma_.lower() in _RAISING:
            # "Machar is expected to declare a ceasefire": the passive subject does the act
            subj = [a for c in node.children if c.dep_ == "nsubjpass" for a in index.of(c)]
        if subj and node.dep_ != "pcomp":
            return subj
        if node.pos_ == "ADP" and node.head.pos_ in {"NOUN", "PROPN"}:
            # "criticized Baku for buying", with the for-phrase parsed under Baku
            return index.of(node.head)
        if node.pos_ == "ADP" and node.lower_ in _MEANS_PREPS and node.head.pos_ in {"VERB", "AUX"}:
            # "a mob responded by torching homes", "police cleared the square by firing tear gas",
            # "the army retaliated after coming under fire": the subject of the verb does it
            # ("were arrested after protesting": the passive subject protested)
            head, deps = node.head, _SUBJ if node.lower_ == "by" else _SUBJ | {"nsubjpass"}
            return [a for c in head.children if c.dep_ in deps for a in index.of(c)] or (
                _borrowed_subject(head, index) if head.dep_ in {"conj", "xcomp", "advcl"} else [])
        if node.pos_ == "ADP" and node.head.pos_ in {"VERB", "AUX"}:
            # "accused Ukraine of shelling": the one accused is the doer of the shelling
            # "were accused of beating": the passive subject is the doer
            return [a for c in node.head.children if c.dep_ in {"dobj", "nsubjpass"} for a in index.of(c)]
    return []


def _noun_args(
    noun: Token, event: str, index: MentionIndex, extra: Sequence[Token] = ()
) -> tuple[list[Actor], list[Actor]]:
    actor: list[Actor] = []
    recipient: list[Actor] = []
    # the other nouns of a multi-word trigger hold its phrases too ("cessation of operations
    # against X" with the against-phrase parsed under "cessation")
    words = [noun, *(t for t in extra if t.pos_ in {"NOUN", "PROPN"})]
    recipient += [a for t in words[1:] for c in t.children if c.dep_ == "prep" and c.lower_ in {"against", "on", "upon"}
                  for g in c.children if g.dep_ == "pobj" for a in index.of(g)]
    for c in noun.children:
        if c.dep_ in {"poss", "amod", "compound", "nmod"} and c.i in index.by_token:
            actor.append(index.by_token[c.i])
        elif c.dep_ == "prep" and c.lower_ == "by":
            actor += [a for g in c.children for a in index.of(g)]
        elif c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _LIGHT_VERBS | _BROKERS:
            # "the talks, sponsored by Cuba", "an attack carried out by militants"
            actor += [a for g in c.children if g.dep_ == "agent" for p in g.children for a in index.of(p)]
        elif c.dep_ == "prep" and c.lower_ == "of":
            found = [a for g in c.children for a in index.of(g)]
            (recipient if event in _PATIENT_EVENTS else actor).extend(found)
        elif c.dep_ == "prep" and c.lower_ == "between":
            # "clashes between soldiers and tribal leaders": every party is an actor
            actor += [a for g in c.children if g.dep_ == "pobj" for a in index.of(g)]
        elif c.dep_ == "prep" and c.lower_ in _NOUN_RECIPIENT_PREPS:
            recipient += [a for g in c.children if g.dep_ == "pobj" for a in index.of(g)]
        elif c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in _AIMING_VERBS:
            # "a car bomb targeting a police convoy", "an attack aimed at the embassy"
            recipient += [a for g in c.children if g.dep_ == "dobj" for a in index.of(g)]
            recipient += [a for p in c.children if p.dep_ == "prep" and p.lower_ in {"at", "against", "on"}
                          for g in p.children if g.dep_ == "pobj" for a in index.of(g)]
    if not recipient:
        recipient += _carried_to(noun, event, index)
    if event in _UNDERGONE_EVENTS and not recipient:
        recipient += [a for t in words for a in _undergoers(t, index)]
        if recipient and not actor and noun.dep_ == "pobj" and noun.head.lower_ == "under":
            # "came under fire from government troops"
            actor += [a for h in (noun, noun.head.head) for p in h.children if p.dep_ == "prep" and p.lower_ == "from"
                      for g in p.children for a in index.of(g)]
    at = noun.idx + index.offset
    actor = [a for a in actor if not a.start <= at < a.end]
    if not actor:
        actor += _light_verb_subject(noun, index)
    if actor and not recipient and event in {"ASSAULT", "COERCE"}:
        recipient += _carrier_recipients(noun, index)
    if not actor and not recipient and event in {"ASSAULT", "CONSULT"}:
        actor, recipient = party_in(noun, index)
    if not actor and not recipient and noun.dep_ == "nsubj" and noun.head.lemma_.lower() in _OCCUR:
        # "fighting broke out between X and Y", "talks began in Geneva between X and Y"
        actor += [a for p in noun.head.children if p.dep_ == "prep" and p.lower_ == "between"
                  for g in p.children if g.dep_ == "pobj" for a in index.of(g)]
    return actor, recipient


# verbs that say a nominal event happened, with its parties sometimes hung on them
_OCCUR = {"break", "erupt", "flare", "begin", "start", "resume", "continue", "occur", "take", "open", "rage",
          "intensify", "escalate", "end", "conclude"}

# verbs whose object is what an attack named as their subject hit ("air strikes hit the enclave")
_HIT_VERBS = {"hit", "kill", "strike", "target", "wound", "injure", "destroy", "damage", "pound", "level"}


def _carried_to(noun: Token, event: str, index: MentionIndex) -> list[Actor]:
    """Whom the verb carrying a nominal event names: 'gave Putin a warning', 'issued an ultimatum
    to Damascus', 'lodged a complaint with X'; and what an attack that is a verb's subject hit
    ('a car bomb killed three soldiers')."""
    verb = noun.head
    if verb.pos_ != "VERB":
        return []
    if noun.dep_ == "nsubj" and event == "ASSAULT" and verb.lemma_.lower() in _HIT_VERBS:
        return [a for c in verb.children if c.dep_ == "dobj" for a in index.of(c)]
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in _LIGHT_VERBS:
        return []
    out = [a for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP" for a in index.of(c)]
    return out + [a for p in verb.children if p.dep_ in {"prep", "dative"} and p.lower_ in _NOUN_RECIPIENT_PREPS
                  for g in p.children if g.dep_ == "pobj" for a in index.of(g)]


# acts a clause can say its subject undergoes ("is under arrest"; but "is the largest donor" gives)
_UNDERGONE_EVENTS = {"ASSAULT", "COERCE", "SANCTION", "ACCUSE", "PROTEST"}
# verbs that say whom a nominal act is aimed at
_AIMING_VERBS = {"target", "aim", "direct"}
# verbs whose subject undergoes what their object names ("activists face charges")
_UNDERGO_VERBS = {"face", "suffer", "undergo", "endure", "risk"}
_COPULAS = {"be", "remain", "stay", "become", "come", "fall", "go", "live", "find"}
# "was the target of an attack": the subject of the copula is the one the event is done to
_VICTIM_NOUNS = {"target", "victim", "subject", "object", "focus"}


def _undergoers(noun: Token, index: MentionIndex) -> list[Actor]:
    """Whoever a nominal event is done to when the clause says so about its subject: 'X is persona
    non grata', 'X remains under house arrest', 'came under attack', 'X faces arrest', 'X was the
    target of an attack', 'placed X under curfew'."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _VICTIM_NOUNS:
        noun, head = head.head, head.head.head  # "the target of sanctions" stands for the sanctions
    if noun.dep_ == "pobj" and head.lower_ == "under":
        verb = head.head
        deps = {"nsubjpass", "dobj"} if verb.lemma_.lower() not in _COPULAS else _SUBJ
    elif noun.dep_ in {"attr", "acomp"} and head.lemma_.lower() in _COPULAS:
        verb, deps = head, _SUBJ
    elif noun.dep_ == "dobj" and head.lemma_.lower() in _UNDERGO_VERBS:
        verb, deps = head, _SUBJ
    else:
        # a predicate noun with its own subject (the copula parsed as its auxiliary)
        verb, deps = noun, _SUBJ if any(c.dep_ in {"aux", "cop"} for c in noun.children) else set()
    if verb.pos_ not in {"VERB", "AUX", "NOUN", "PROPN"}:
        return []
    return [a for c in verb.children if c.dep_ in deps for a in index.of(c)]


# verbs that only carry a nominal event ("launched an attack", "held talks", "imposed sanctions")
_LIGHT_VERBS = {
    "launch",
    "carry",
    "conduct",
    "stage",
    "hold",
    "mount",
    "make",
    "issue",
    "impose",
    "sign",
    "begin",
    "start",
    "continue",
    "wage",
    "unleash",
    "order",
    "announce",
    "take",
    "give",
    "provide",
    "deliver",
    "express",
    "reach",
    "conclude",
    "lodge",
    "file",
    "level",
    "step",
    "escalate",
    "intensify",
    "perpetrate",
    "commit",
    "organize",
    "organise",
    "lead",
    "call",
    "declare",
    "pay",
    "extend",
    "offer",
    "send",
    "plan",
    "resume",
    "renew",
    "threaten",
    "vow",
    "pledge",
    "join",
    "host",
    "attend",
    "open",
    "complete",
    "approve",
    "seek",
    "request",
    "demand",
    "receive",
    "accept",
    "fire",
    "use",
}


# who brings about talks or a deal without being one of its parties, and is coded as their actor
_BROKERS = {"sponsor", "broker", "mediate", "facilitate", "convene"}

# verbs whose subject undergoes, watches or talks about a nominal event rather than doing it
_NOT_DOERS = {
    "suffer", "face", "witness", "see", "survive", "experience", "endure", "escape", "report", "describe",
    "deny", "discuss", "fear", "expect", "cover", "investigate", "monitor", "recall", "mention", "welcome",
    "follow", "condemn", "criticize", "criticise", "protest", "oppose", "reject", "support", "praise",
    "blame", "prevent", "avoid", "hear", "watch", "document", "confirm", "dispute", "claim", "cite",
    "remember", "mark", "commemorate", "receive", "resist", "repel", "thwart", "foil", "survey", "assess",
}
# nouns that count a nominal event: "carried out a series of airstrikes"
_QUANTITY_NOUNS = {"series", "wave", "number", "spate", "string", "round", "barrage", "volley", "campaign", "flurry"}


def _light_verb_subject(noun: Token, index: MentionIndex) -> list[Actor]:
    """The doer of a nominal event carried by a verb ("launched an attack", "detonated a bomb",
    "carried out a series of airstrikes", "funding was provided by X") or of "X was behind the attack"."""
    noun = _first_conjunct(noun)  # "used batons and tear gas"
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _QUANTITY_NOUNS:
        noun, head = head.head, head.head.head  # "a series of airstrikes" stands for the airstrikes
    if noun.dep_ == "dobj" and head.pos_ == "VERB" and (
        head.lemma_.lower() in _LIGHT_VERBS or head.lemma_.lower() not in _NOT_DOERS
    ):
        verb = head
        participle = verb.dep_ == "advcl" and verb.tag_ == "VBG"
        if (verb.dep_ in {"xcomp", "conj"} or participle) and not any(c.dep_ in _SUBJ for c in verb.children):
            # "expected to declare a ceasefire", "dispersed the crowd, firing tear gas"
            return _borrowed_subject(verb, index)
    elif noun.dep_ == "nsubjpass" and head.lemma_.lower() in _LIGHT_VERBS:
        # "the funding was provided by X": the by-phrase is the doer
        return [a for c in head.children if c.dep_ == "agent" for g in c.children for a in index.of(g)]
    elif (
        noun.dep_ == "pobj"
        and head.lower_ in {"behind", "for"}
        and head.head.lemma_.lower() in {"be", "claim", "blame", "responsible"}
    ):
        verb = head.head if head.head.lemma_.lower() != "responsible" else head.head.head
    else:
        return []
    return [a for c in verb.children if c.dep_ in _SUBJ for a in index.of(c)]


def party_in(noun: Token, index: MentionIndex) -> tuple[list[Actor], list[Actor]]:
    """'troops exchanged fire in clashes', 'the TFG abandoned the district in fighting': the
    subject of the verb that an in-phrase event hangs on takes part in it ('were killed in the
    clashes': the passive subject suffers it)."""
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ not in {"in", "during", "amid"} or head.head.pos_ != "VERB":
        return [], []
    verb = head.head
    doers = [a for c in verb.children if c.dep_ in _SUBJ for a in index.of(c)]
    sufferers = [a for c in verb.children if c.dep_ == "nsubjpass" for a in index.of(c)]
    return doers, sufferers


# phrases that say where and when an event happened, not to whom ("signed an agreement in
# Ankara", "imposed a curfew after clashes between X and Y")
TIME_PREPS = frozenset({"during", "after", "before", "since", "following", "amid", "until", "despite"})
CIRCUMSTANCE_PREPS = TIME_PREPS | {"in", "at", "near", "inside", "outside", "within", "throughout", "across"}


def find_arguments(
    trigger: Token, event: str, index: MentionIndex, *, extra: Sequence[Token] = (), chains: bool = True,
    chain_skip_preps: Container[str] = (),
) -> Arguments:
    """Actor and recipient mentions of a trigger; a mention is never both.

    `extra` are the other verbs of a multi-word trigger ("vowed to retaliate against Israel"),
    whose prepositional recipients count too. With `chains`, a verb with no recipient nearby
    takes the first one further down the parse (`chain_recipients`).
    """
    if trigger.pos_ in {"NOUN", "PROPN"}:
        actor, recipient = _noun_args(trigger, event, index, extra)
    else:
        # "rockets fired from Gaza": where a shot comes from is not whom it hits
        actor, recipient = _verb_args(trigger, index, assault=event == "ASSAULT")
        if event == "ASSAULT" and not actor and trigger.lemma_.lower() in _LAUNCH_VERBS:
            # "rockets were fired from Gaza", "shots fired from the crowd": no one named fired
            # them, so they come from where they were fired from
            actor = [a for p in trigger.children if p.dep_ == "prep" and p.lower_ == "from"
                     for g in p.children if g.dep_ == "pobj" for a in index.of(g)]
        if event in {"AID", "COOPERATE"}:
            recipient = _given_to(trigger, index, {"to", "with"}) or recipient
        elif event in {"MOBILIZE", "RETREAT", "SANCTION"} and actor and any(r.sector in {"MIL", "COP"}
                                                                             for r in recipient):
            # "sent 200 troops to Mali", "withdrew peacekeepers from Liberia": the forces are the
            # actor's own; where they go or leave names the other side
            recipient = _given_to(trigger, index, {"to", "from", "into", "in"}) or recipient
        passive = trigger.tag_ == "VBN" and not any(
            c.dep_ in _SUBJ for c in trigger.children)
        passive = passive and not _perfect(trigger)  # "having released the prisoners" is active
        passive = passive or _shares_passive(trigger)
        if passive and not recipient and trigger.dep_ == "acl" and trigger.head.pos_ in {"NOUN", "PROPN"}:
            recipient += index.of(trigger.head)  # "opposition supporters arrested in recent weeks"
        elif passive and not recipient and trigger.dep_ == "conj":
            # "were detained, but released without charge": the conjoined passive shares its subject
            head = trigger.head
            recipient += [a for c in head.children if c.dep_ == "nsubjpass" for a in index.of(c)]
            actor = actor or [a for c in head.children if c.dep_ == "agent" for g in c.children for a in index.of(g)]
        elif (passive and not recipient and trigger.dep_ in {"pcomp", "advcl"} and _passive_form(trigger)
              and not any(c.dep_ == "nsubjpass" for c in trigger.children)):
            # "after being released, X said", "detained but released without being charged",
            # "Arrested in May, X ...": a passive with no subject of its own is done to the clause's subject
            recipient += _clause_subject(trigger, index)
        undergoing = trigger.lemma_.lower() in _UNDERGO_VERBS and event in _UNDERGONE_EVENTS
        if undergoing:
            # "nine activists face charges": the subject is charged; whoever charges them is unsaid
            actor, recipient = [], (actor or _borrowed_subject(trigger, index)) + recipient
        elif not actor and not any(c.dep_ == "nsubjpass" for c in trigger.children) and not (passive and recipient):
            actor = _borrowed_subject(trigger, index)
        elif not actor and trigger.dep_ == "relcl" and any(c.dep_ == "nsubjpass" for c in trigger.children):
            recipient += index.of(trigger.head)
        if not recipient and event == "ASSAULT":
            recipient += _harmed(trigger, index)
    for tok in extra:
        if tok.pos_ == "VERB":
            recipient += _verb_args(tok, index)[1]
    if not recipient and trigger.pos_ == "VERB":
        # "threatened to attack Israel", "urged to release": the complement's object is the target
        for comp in (c for c in trigger.children if c.dep_ == "xcomp"):
            recipient += _verb_args(comp, index)[1]
    if not recipient and trigger.pos_ == "VERB" and event in _ADDRESSED_EVENTS:
        recipient += _purpose_addressee(trigger, index)
    if not recipient and trigger.pos_ == "VERB":
        # "called for Britain to stay", "pressed for the army to withdraw": the for-clause's subject
        recipient += [a for c in trigger.children if c.dep_ in {"advcl", "xcomp", "ccomp"}
                      and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
                      for g in c.children if g.dep_ == "nsubj" for a in index.of(g)]
    if not recipient and event == "PROTEST":
        recipient += _protest_site(trigger, index)
    if chains and not recipient and trigger.pos_ == "VERB":
        # "restored ties with Gondor", "welcomed a resumption of ties with Osgiliath"
        recipient += chain_recipients(trigger, index, skip_preps=chain_skip_preps)
    # a mention that contains the trigger word ("a new military operation") is the event, not a party
    at = trigger.idx + index.offset
    actor = [a for a in actor if not a.start <= at < a.end]
    recipient = [r for r in recipient if not r.start <= at < r.end]
    actors = _unique([a for a in actor if not _copy_of(a, actor)])
    recipient = [r for r in recipient if not _copy_of(r, actors)]
    taken = {(a.start, a.end) for a in actors}
    return Arguments(
        actor=actors, recipient=tuple(r for r in _unique(recipient) if (r.start, r.end) not in taken)
    )


# verbs that take an object before their infinitive ("ordered them to disperse"); without one
# they are passive ("were met by police and ordered to disperse"), however the tagger read them
_OBJECT_CONTROL = {"order", "tell", "ask", "force", "urge", "instruct", "command", "compel", "request", "advise",
                   "warn", "direct", "invite", "summon", "require", "pressure", "press", "persuade", "oblige"}


def _given_to(verb: Token, index: MentionIndex, preps: Container[str]) -> list[Actor]:
    """'sent vehicles and a team of paratroopers to Lebanon', 'shared intelligence with Israel': what
    is given is not whom it goes to; the first to- or with-phrase under the verb or its object
    names them (empty when none does)."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        return []
    for tok in sorted((t for o in [verb, *objects] for t in (o.children if o is verb else o.subtree)),
                      key=lambda t: t.i):
        if tok.dep_ in {"prep", "dative"} and tok.lower_ in preps:
            found = [a for g in tok.children if g.dep_ == "pobj" for a in index.of(g)]
            if found:
                return found
    return []


def _perfect(verb: Token) -> bool:
    """An active perfect ('having released', 'had detained'): 'have' and no passive auxiliary."""
    deps = {(c.dep_, c.lemma_.lower()) for c in verb.children}
    return ("aux", "have") in deps and not any(d == "auxpass" for d, _ in deps)


def _copy_of(pronoun: Actor, actors: Sequence[Actor]) -> bool:
    """True for a pronoun standing for one of `actors` ('NATO is raising its readiness', 'the
    United States and its partners'): the party is already there."""
    return pronoun.text.lower() in _GROUP_PRONOUNS and any(
        a is not pronoun and a.kb_id == pronoun.kb_id and a.name == pronoun.name and a.country == pronoun.country
        and a.text.lower() not in _GROUP_PRONOUNS
        for a in actors
    )


def _shares_passive(verb: Token) -> bool:
    """'they were met by the minister and ordered to disperse': a bare conjoined verb shares the
    passive auxiliary of the verb it is conjoined with, when it is tagged as a past tense after a
    passive participle with its subject, or is an object-control verb with an infinitive ('were
    stopped and ordered to leave')."""
    head = verb.head
    if verb.dep_ != "conj" or not any(c.dep_ == "auxpass" for c in head.children):
        return False
    if any(c.dep_ in _SUBJ | {"aux", "auxpass", "dobj", "nsubjpass"} for c in verb.children):
        return False
    past = verb.tag_ == "VBD" and head.tag_ == "VBN" and any(c.dep_ == "nsubjpass" for c in head.children)
    control = verb.lemma_.lower() in _OBJECT_CONTROL and any(c.dep_ == "xcomp" for c in verb.children)
    return past or control


def _passive_form(verb: Token) -> bool:
    """A participle with a passive auxiliary ('being charged') or none at all ('Arrested in May, ...')."""
    return any(c.dep_ == "auxpass" for c in verb.children) or not any(c.dep_ == "aux" for c in verb.children)


def _clause_subject(verb: Token, index: MentionIndex) -> list[Actor]:
    """The subject of the clause a subjectless phrase or clause hangs on (through a conjoined verb)."""
    node = verb.head
    for _ in range(2):
        if node.pos_ in {"VERB", "AUX"} or node.head.i == node.i:
            break
        node = node.head
    deps = _SUBJ | {"nsubjpass"}
    subj = [c for c in node.children if c.dep_ in deps]
    if not subj and node.dep_ == "conj":
        subj = [c for c in node.head.children if c.dep_ in deps]
    return [a for c in subj for a in index.of(c)]


# acts said to someone, who may be named by the meeting or trip they are the purpose of
_ADDRESSED_EVENTS = {"REQUEST", "ACCUSE", "SUPPORT", "AGREE", "REJECT", "THREATEN", "PROTEST", "CONSULT", "CONCEDE"}
_CONTACT_VERBS = {
    "meet", "visit", "call", "summon", "contact", "phone", "telephone", "write", "travel", "go", "come", "fly",
    "approach", "receive", "host", "convene", "gather", "march", "see",
}


def _purpose_addressee(verb: Token, index: MentionIndex) -> list[Actor]:
    """'met with KTR officials to demand airtime', 'summoned the envoy to protest', 'flew to Paris to
    ask for help': the one met, summoned or visited is the one the purpose is addressed to."""
    head = verb.head
    if verb.dep_ not in {"advcl", "xcomp"} or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return []
    if head.pos_ != "VERB" or head.lemma_.lower() not in _CONTACT_VERBS:
        return []
    return _verb_args(head, index)[1]


# sectors of those who sit in a building a protest is held at ("outside the Russian embassy")
_SITE_SECTORS = {"GOV", "LEG", "JUD", "MIL", "COP", "PTY", "IGO"}
_SITE_PREPS = {"outside", "at", "near", "before", "in"}


def _protest_site(trigger: Token, index: MentionIndex) -> list[Actor]:
    """'protested outside the Russian embassy', 'rallied in front of parliament', 'gathered at the
    ministry to protest': a protest held at an office is aimed at whoever holds it."""
    heads = [trigger]
    if trigger.dep_ in {"advcl", "xcomp"} and trigger.head.pos_ == "VERB":
        heads.append(trigger.head)  # the purpose of a gathering
    found: list[Actor] = []
    for head in heads:
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in _SITE_PREPS):
            objs = [g for g in prep.children if g.dep_ == "pobj"]
            if prep.lower_ == "in":  # "in front of X"
                objs = [o for f in objs if f.lower_ == "front" for p in f.children if p.lower_ == "of"
                        for o in p.children if o.dep_ == "pobj"]
            found += [m for o in objs for m in index.of(o) if m.sector in _SITE_SECTORS]
    return found


_HARM = {"kill", "injure", "wound", "hurt", "damage", "destroy", "maim"}


def _harmed(trigger: Token, index: MentionIndex) -> list[Actor]:
    """'fired rockets, injuring one Iraqi soldier': who the attack's harm clause names."""
    for c in trigger.children:
        if c.dep_ in {"advcl", "conj", "xcomp"} and c.lemma_.lower() in _HARM:
            return [a for g in c.children if g.dep_ in {"dobj", "nsubjpass"} for a in index.of(g)]
    return []


def _carrier_recipients(noun: Token, index: MentionIndex) -> list[Actor]:
    """Who a nominal event carried by a verb is aimed at: 'fired tear gas at protesters', 'used
    tear gas to disperse crowds', 'removed protesters, employing tear gas'."""
    noun = _first_conjunct(noun)
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB":
        return []
    out = [a for p in verb.children if p.dep_ == "prep" and p.lower_ in {"at", "against", "on", "upon"}
           for g in p.children for a in index.of(g)]
    for c in verb.children:
        if not out and c.dep_ in {"xcomp", "advcl"} and any(g.lower_ == "to" for g in c.children):
            out += [a for g in c.children if g.dep_ == "dobj" for a in index.of(g)]
    if not out and verb.dep_ in {"advcl", "conj"}:
        out += [a for g in verb.head.children if g.dep_ == "dobj" for a in index.of(g)]
    return out


def _first_conjunct(noun: Token) -> Token:
    """'tear gas' in 'used batons, tear gas and rubber bullets' stands where 'batons' stands."""
    for _ in range(4):
        if noun.dep_ != "conj" or noun.head.pos_ not in {"NOUN", "PROPN"}:
            break
        noun = noun.head
    return noun


def _phrase_objects(node: Token, skip_preps: Container[str] = ()) -> list[Token]:
    """Noun objects one step below `node`: objects of its prepositions, and the subject and
    object of a clause on it ("roads leading into Mordor", "hopes that Osgiliath could ...")."""
    out: list[Token] = []
    for child in node.children:
        if child.dep_ in {"prep", "agent"} and child.lower_ in skip_preps:
            continue
        if child.dep_ in {"prep", "agent"} and not any(g.dep_ == "mark" for g in child.children):
            # (a phrase opened by a subordinator, "while in detention", is a circumstance)
            out.extend(o for o in child.children if o.dep_ in {"pobj", "pcomp"})
        elif child.dep_ == "acl":
            out.extend(o for o in child.children if o.dep_ in {"nsubj", "nsubjpass"} and o.pos_ != "PRON")
            out.extend(o for o in child.children if o.dep_ == "dobj")
            out.extend(_phrase_objects(child, skip_preps))
    return out


def chain_recipients(
    verb: Token, index: MentionIndex, *, skip: Container[int] = (), depth: int = 3, skip_preps: Container[str] = ()
) -> list[Actor]:
    """Recipients further from a verb than `find_arguments` looks, nearest first; the mentions of
    the first phrase that names any, else [].

    In order: attributes and objects of a purpose infinitive ("signed an accord to supply
    Gondor"); then prepositional objects, level by level down to `depth`, under the verb, its
    object, complement and adverbs ("restore ties with Gondor", "welcomed a resumption of ties
    with Osgiliath"), whatever the preposition; last the subject of a following complement
    clause ("expressed hopes that Osgiliath would ..."). Tokens in `skip` are passed over.
    Lexicons whose patterns name a target loosely (PETRARCH verb patterns) use it when
    `find_arguments` finds no recipient.
    """
    objects = [c for c in verb.children if c.dep_ in {"attr", "oprd"}]
    purposes = [
        c for c in verb.children if c.dep_ in {"advcl", "xcomp"} and any(a.lower_ == "to" for a in c.children)
    ]
    objects += [o for c in purposes for o in c.children if o.dep_ in {"dobj", "dative"}]
    for tok in objects:
        if tok.i not in skip and (found := index.of(tok)):
            return found
    frontier = [verb] + [c for c in verb.children if c.dep_ in {"dobj", "xcomp", "acomp", "advmod"}]
    # "agreed to lift a ban on British beef": the complement's object holds phrases too
    frontier += [o for c in verb.children if c.dep_ == "xcomp" for o in c.children if o.dep_ == "dobj"]
    for _ in range(depth):
        objs = sorted((o for h in frontier for o in _phrase_objects(h, skip_preps) if o.i not in skip),
                      key=lambda t: t.i)
        for obj in objs:
            if found := index.of(obj):
                return found
        frontier = objs
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i):
        for subj in (c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i not in skip):
            for tok in [subj, *sorted(_phrase_objects(subj, skip_preps), key=lambda t: t.i)]:
                if found := index.of(tok):
                    return found
    return []
