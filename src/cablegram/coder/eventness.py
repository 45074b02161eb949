"""Is a trigger word an event that happened (or is reported, planned, threatened), or only a word?

Real text is full of event words that code nothing: a month ("on March 2"), a participle used as
an adjective ("Iran-backed militias", "officially-sanctioned information"), a noun that modifies
another noun ("riot police", "bomb shelters", "ceasefire conditions"), a risk or a topic ("the
threat of kidnapping", "a pretext to back out", "avoid protests"), habits and background ("it
frequently kidnaps foreigners", "has been fighting a 50-year war"), and the content of another
speech act ("accused Moscow of backing separatists", "called on the government to release
detainees": the accusation and the appeal are the events, PLOVER codes them, not what they say).

`non_event(tok)` says why a trigger is not an event (or None); `weak_alone(tok)` says when a
trigger that has no actor and no recipient attached is too weak to stand alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["non_event", "weak_alone", "realized_infinitive", "dated_noun", "EMBEDDING_VERBS", "SPEECH_ACT_EVENTS"]

# entity types that never hold an event ("March" the month, "20,000" supporters)
_NON_EVENT_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
# nouns naming a risk, a cause or a topic: an event noun in their of/for/to phrase is not an event
_RISK_NOUNS = {
    "threat", "risk", "danger", "fear", "possibility", "prospect", "pretext", "reason", "excuse",
    "condition", "warning", "likelihood", "potential", "chance", "spectre", "specter", "rumor",
    "rumour", "option", "capability", "capacity", "ability", "right", "power", "concern", "anticipation",
    "expectation", "prevention",
}
# verbs whose object event does not take place (or not as such): avoided, prevented, feared, posed
_PREVENTING_VERBS = {
    "avoid", "prevent", "deter", "fear", "risk", "postpone", "delay", "refrain", "resist", "pose",
    "combat", "counter", "forestall", "preclude", "discourage", "instigate", "incite", "resurrect",
    "finance", "fund", "justify", "deflect", "escape", "evade", "survive",
}
# verbs that keep someone from an act: "stopped the forces from making offensives"
_KEEPING_FROM = {"stop", "prevent", "bar", "keep", "ban", "block", "deter", "discourage", "restrain", "dissuade"}
# frequency adverbs that make a present-tense verb a habit, not an event
_HABITUAL_ADVERBS = {"frequently", "often", "regularly", "routinely", "usually", "typically", "generally", "always"}
# determiners that make an event noun generic ("any new fighting", "every attack")
_GENERIC_DETS = {"any", "every", "each", "such"}
# verbs whose complement is the content of a speech act: "accused X of shelling", "urged X to
# withdraw", "demanded that Y release Z", "called for the arrest of Z"
EMBEDDING_VERBS = {
    "accuse", "blame", "allege", "charge", "condemn", "denounce", "criticize", "criticise", "deplore",
    "urge", "call", "demand", "ask", "appeal", "press", "request", "implore", "encourage", "invite",
    "insist", "want", "expect", "hope", "seek", "suspect", "deny", "reject", "dismiss", "claim",
    "warn", "convince", "persuade", "advise",
}
# PLOVER events that are themselves speech acts: what they embed is their content
SPEECH_ACT_EVENTS = {"ACCUSE", "REQUEST", "REJECT", "THREATEN", "PROTEST"}
_TEMPORAL_PREPS = {"after", "before", "since", "following", "upon", "during", "amid", "despite", "until", "without"}


def non_event(tok: Token) -> str | None:
    """Why `tok` (a trigger's head) does not denote an event, or None when it may."""
    if tok.ent_type_ in _NON_EVENT_ENTS:
        return "part of a date or number"
    if tok.dep_ == "amod" and tok.tag_ in {"VBN", "VBG", "JJ"}:
        return "a participle used as an adjective"
    if any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in _WH for c in tok.children) and tok.dep_ == "ccomp":
        return "an indirect question ('could not confirm who shot first')"
    if _circumstance(tok):
        return "a time reference to an event reported elsewhere"
    if _accident(tok):
        return "an accident or disaster"
    if _topic_of_concern(tok):
        return "the topic of a concern"
    if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ in {"compound", "nmod"} and tok.head.pos_ in {"NOUN", "PROPN"}:
        return "a noun modifying another noun"
    if tok.pos_ in {"NOUN", "PROPN"} and any(c.dep_ == "det" and c.lower_ in _GENERIC_DETS for c in tok.children):
        return "a generic mention"
    if _under_risk_noun(tok):
        return "a risk or topic, not an event"
    if _prevented(tok):
        return "an event that is avoided, prevented or feared"
    if _habitual(tok):
        return "a habit, not an event"
    if _background(tok):
        return "a background reference"
    if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ in {"nsubj", "nsubjpass", "dobj"} and _habitual(tok.head):
        return "the subject or object of a habit or trend ('continue to conduct attacks')"
    if tok.dep_ == "attr" and tok.head.lemma_.lower() == "be" and any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in _POINTING
        for c in [*tok.head.children, *(tok.head.head.children if tok.head.dep_ == "xcomp" else ())]
    ):
        return "a description ('these were supposed to be high-level talks')"
    if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _DESCRIBING:
        return "an event described, not reported ('the bomb comprised', 'the exercise involves')"
    if any(c.dep_ == "dobj" and c.lemma_.lower() in _DRAWDOWN for c in tok.children):
        return "an embassy drawdown, not an act between political actors"
    if tok.lemma_.lower() == "return" and tok.pos_ == "VERB" and not any(c.dep_ == "dobj" for c in tok.children):
        return "a person going back, not a return of property"
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.lemma_.lower() in _STATIVE:
        return "a participle describing a standing relation"
    if tok.lemma_.lower() in _CUSTODY and tok.tag_ == "VBN" and any(
        c.dep_ == "advmod" and c.lower_ in {"currently", "still"} for c in tok.children
    ):
        return "a standing state of custody ('are currently held in prisons')"
    if tok.lemma_.lower() in _LONG_CONFLICTS and tok.dep_ == "nsubj" and _perfect(tok.head):
        return "a long war summed up ('the war in Yemen has left thousands dead')"
    if _charged_content(tok):
        return "what someone is charged with ('charges of organizing an illegal rally')"
    if tok.lemma_.lower() == "insist" and _states_fact(tok):
        return "an insistence that something is so, not a demand"
    if tok.lemma_.lower() == "arm" and _bare_passive(tok):
        return "a state ('the protesters had been armed'), not someone arming them"
    return None


_LONG_CONFLICTS = {"war", "conflict", "insurgency"}


def _perfect(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in {"has", "have"} for c in verb.children)


def _bare_passive(tok: Token) -> bool:
    """A passive with no one named as doing it ('had been armed')."""
    kids = list(tok.children)
    return tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in kids) and not any(c.dep_ == "agent" for c in kids)


_CUSTODY = {"hold", "detain", "imprison", "jail", "keep", "incarcerate"}
# nouns whose of-phrase is an offence alleged, not an event reported
_CHARGE_NOUNS = {"charge", "accusation", "allegation", "suspicion", "count", "indictment"}


def _charged_content(tok: Token) -> bool:
    """'on charges of holding an illegal rally', 'face charges of organizing protests'."""
    node = tok
    for _ in range(4):
        head = node.head
        if head.i == node.i or node.dep_ not in {"dobj", "pobj", "pcomp", "prep", "conj"}:
            return False
        if node.dep_ == "prep" and node.lower_ in {"of", "for"} and head.lemma_.lower() in _CHARGE_NOUNS:
            return True
        node = head
    return False


def _states_fact(verb: Token) -> bool:
    """'insisting that the base was closed': a finite, non-modal clause states a fact; a demand
    takes a bare verb or a modal ('insisted that troops withdraw', 'that they must leave')."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        kids = list(clause.children)
        modal = any(c.dep_ == "aux" and c.lower_ in {"should", "must"} for c in kids)
        tensed = clause.tag_ in {"VBD", "VBZ"} or any(c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBD", "VBZ"}
                                                      for c in kids)
        if not modal and (tensed or clause.lemma_.lower() == "be"):
            return True
    return False


# "the coalition backing Yemen's government", "attacks targeting Westerners": a relation, not an act
# verbs whose subject is described, not reported as happening
_DESCRIBING = {"comprise", "consist", "contain", "weigh", "involve", "include", "represent", "seem", "appear",
               "remain", "allow", "mean", "require", "resemble"}
_DRAWDOWN = {"departure", "evacuation", "drawdown", "relocation"}
_STATIVE = {
    "back", "support", "assist", "help", "target", "threaten", "oppose", "govern", "control", "represent",
    "fight", "occupy", "hold", "lead", "aid", "fund", "finance", "arm", "supply",
}
_BACKGROUND_ADVERBS = {"previously", "formerly", "historically", "once", "ever", "traditionally"}


def _background(tok: Token) -> bool:
    """'We have previously voiced our protest', 'has already targeted officials'; a verb whose
    subject has been doing it for years ('FARC has been fighting a 50-year-long war')."""
    node = tok.head if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ == "dobj" else tok
    kids = list(node.children)
    lefts = [t for t in node.lefts] + [g for t in node.lefts if t.dep_ == "aux" for g in t.children]
    if node.tag_ == "VBN" and any(t.lower_ == "already" for t in lefts):
        return True
    if any(c.dep_ == "advmod" and c.lower_ in _BACKGROUND_ADVERBS for c in kids):
        return True
    perfect = any(c.lower_ in {"has", "have"} for c in kids)
    if node.tag_ == "VBN" and perfect and any(c.lower_ == "already" for c in kids):
        return True
    progressive_perfect = any(c.lower_ == "been" for c in kids) and node.tag_ == "VBG"
    return progressive_perfect and any(c.dep_ == "dobj" and _long_duration(c) for c in kids)


def _long_duration(noun: Token) -> bool:
    """'a 50-year-long war', 'decades of conflict'."""
    return any(t.lower_ in {"year", "years", "decade", "decades", "long", "century"} for t in noun.subtree
               if t.i < noun.i)


def _under_risk_noun(tok: Token) -> bool:
    """'the threat of kidnapping', 'a pretext to back out', 'conditions for ceasing hostilities'."""
    node = tok
    for _ in range(2):
        head = node.head
        if head.i == node.i:
            return False
        if head.pos_ == "ADP" and head.head.lemma_.lower() in _RISK_NOUNS:
            return True
        if node.dep_ in {"acl", "relcl"} and head.lemma_.lower() in _RISK_NOUNS:
            return True
        if head.pos_ != "ADP" and node.dep_ not in {"pcomp", "conj"}:
            return False
        node = head
    return False


def _prevented(tok: Token) -> bool:
    """'avoid protests', 'would not instigate any new fighting', 'pose grave threats', 'stop all
    forces from making offensives'."""
    if tok.dep_ in {"dobj", "xcomp"} and tok.head.lemma_.lower() in _PREVENTING_VERBS:
        return True
    node = tok.head if tok.dep_ == "dobj" and tok.head.tag_ == "VBG" else tok
    if node.dep_ in {"pcomp", "pobj"} and node.head.lower_ == "from" and node.head.head.lemma_.lower() in _KEEPING_FROM:
        return True
    return tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in _PREVENTING_VERBS


def _habitual(tok: Token) -> bool:
    """A habit or a trend, not an act: 'frequently kidnaps foreigners', 'continue to target
    foreigners', 'is increasingly targeting the opposition', 'it finances its war'."""
    if any(c.dep_ == "advmod" and c.lower_ in _TREND_ADVERBS for c in tok.children):
        return True
    if tok.tag_ in {"VBZ", "VBP"} and any(c.dep_ == "advmod" and c.lower_ in _HABITUAL_ADVERBS for c in tok.children):
        return True
    head = tok.head
    if tok.dep_ == "xcomp" and head.lemma_.lower() == "continue" and head.tag_ in {"VBZ", "VBP"}:
        return True
    # a bare present tense of a material act describes what someone does, not what they did
    # (speech acts in the present are performed by saying them: "the Embassy condemns")
    # ("if Russia attacks" is a condition, not a habit)
    subordinate = any(c.dep_ == "mark" for c in tok.children)
    return tok.tag_ in {"VBZ", "VBP"} and tok.lemma_.lower() in _MATERIAL_PRESENT_HABITS and not subordinate


_TREND_ADVERBS = {"increasingly", "routinely", "habitually", "systematically"}
# material verbs whose simple present reads as a habit in news text
_MATERIAL_PRESENT_HABITS = {
    "kidnap", "finance", "fund", "attack", "kill", "target", "arm", "supply", "smuggle", "traffic",
    "bomb", "raid", "fight", "abduct", "recruit", "train", "sell", "buy", "export", "import",
}
_TEMPORAL_PREPS_DEF = {"during", "after", "since", "before", "following", "throughout", "amid", "until"}
_TIME_UNITS = {"day", "week", "month", "year", "decade", "hour"}
_ACCIDENT_VERBS = {"crash", "collapse", "capsize", "sink", "derail", "overturn", "flood"}
_CONCERN_ADJS = {"concerned", "worried", "alarmed", "anxious", "nervous", "troubled", "fearful", "wary"}


def _circumstance(tok: Token) -> bool:
    """'during the war', 'since the Gulf War', 'after the attack', 'after 19 months of negotiations':
    an event used to date another; the sentence does not report it."""
    # "following the missile launches" with 'following' parsed as a verb holding an object
    after = tok.dep_ == "dobj" and tok.head.lower_ == "following" and tok.head.dep_ == "prep"
    if tok.pos_ not in {"NOUN", "PROPN"} or (tok.dep_ != "pobj" and not after):
        return False
    if tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _TIME_UNITS:
        # "after weeks of protests" looks back; "during a week of bombardment" reports it
        span = tok.head.head
        return span.dep_ == "pobj" and span.head.lower_ in {"after", "following", "since"}
    if tok.head.lower_ not in _TEMPORAL_PREPS_DEF:
        return False
    if _named_or_dated(tok):
        return False
    return any(c.dep_ in {"det", "poss"} and c.lower_ in _DEFINITE | {"its", "their", "his", "her"}
               for c in tok.children)


def _named_or_dated(noun: Token) -> bool:
    """A dated or named event is reported in its own right ("since the March 1-2 clampdown",
    "during the NATO exercise"), not merely referred back to."""
    return dated_noun(noun) or any(t.pos_ == "PROPN" and t.dep_ == "compound" and t.ent_type_ != "NORP"
                                   for c in noun.lefts for t in c.subtree)


def dated_noun(tok: Token) -> bool:
    """An event noun dated before it ("today's demonstrations", "the June 8 protests") names
    something that took place, even where a request is about it ("investigate today's protests")."""
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return False
    if any(t.ent_type_ == "DATE" for c in tok.lefts for t in c.subtree):
        return True
    # with a curly apostrophe the parser often hangs "today’s" on the verb: read the words before
    start = tok.left_edge.i
    return start >= 2 and tok.doc[start - 1].tag_ == "POS" and tok.doc[start - 2].ent_type_ == "DATE"


def _accident(tok: Token) -> bool:
    """'a helicopter crashed, killing all ten soldiers aboard'."""
    return tok.dep_ in {"advcl", "conj", "xcomp"} and tok.head.lemma_.lower() in _ACCIDENT_VERBS


def _topic_of_concern(tok: Token) -> bool:
    """'concerned about the Russian military build-up'."""
    head = tok.head
    return tok.dep_ == "pobj" and head.lower_ in {"about", "over", "at", "by"} and head.head.lower_ in _CONCERN_ADJS


_DEFINITE = {"the", "this", "that", "these", "those"}
_POINTING = {"this", "that", "these", "those", "it", "they"}
_WH = {"who", "what", "whom", "which", "whoever"}
# event kinds whose bare noun reports something that happened ("fighting broke out", "arrests",
# "a ceasefire took effect", "the buildup"): PLOVER's material acts and meetings; aid needs a giver
_MATERIAL = {"ASSAULT", "PROTEST", "COERCE", "SANCTION", "CONSULT", "RETREAT", "MOBILIZE", "COOPERATE"}
# harm words that report nothing when no one is named on either side ("one wounded")
_CASUALTY = {"wound", "injure", "kill", "die", "hurt"}


def weak_alone(tok: Token, event: str) -> bool:
    """True when a trigger with neither actor nor recipient should not be coded on its own."""
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "for kidnapping and attacks": the list sits where its first item does
    return _weak_alone(tok, event) or (first.i != tok.i and _weak_alone(first, event))


def _weak_alone(tok: Token, event: str) -> bool:
    """True when a trigger with neither actor nor recipient should not be coded on its own.

    An infinitive ("to disperse", "to cooperate") or a gerund after a non-temporal preposition
    ("for buying", "rather than imprisoning") states a purpose, an intention or a content, not an
    event; a noun under such a verb likewise.
    """
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return True
    if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ == "pobj" and not _named_or_dated(tok) and any(
        c.dep_ == "det" and c.lower_ in _DEFINITE for c in tok.children
    ):
        return True  # "after the demonstration", "during the fighting": a back-reference, not a report
    if tok.pos_ in {"NOUN", "PROPN"} and event not in _MATERIAL:
        return True  # a talk, a deal, a threat, cooperation: who did it must be said
    if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ == "pobj" and tok.head.lower_ == "for":
        return True  # "target foreigners for kidnapping": a purpose
    if tok.lemma_.lower() in _CASUALTY:
        return True
    # "in fighting over the weekend": a gerund with no object after "in" is the event noun
    nominal = tok.head.lower_ == "in" and not any(c.dep_ in {"dobj", "nsubj"} for c in tok.children)
    if tok.dep_ in {"pcomp", "pobj"} and tok.tag_ == "VBG" and tok.head.lower_ not in _TEMPORAL_PREPS and not nominal:
        return True
    if tok.dep_ in {"acl", "relcl"} and tok.head.pos_ in {"NOUN", "PROPN"} and tok.tag_ in {"VB", "VBG"}:
        return True
    head = tok.head
    # "to investigate today's demonstrations": a dated event is reported in its own right
    return tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ == "dobj" and not _named_or_dated(tok) and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in head.children
    )


# verbs whose infinitive complement happens: "proceeded to march", "moved to disperse the crowds"
_REALIZING = {
    "proceed", "begin", "start", "continue", "resume", "manage", "move", "prompt", "force", "order",
    "compel", "oblige", "go", "rush", "try", "attempt", "help", "decide", "vote", "dare", "fail", "refuse",
    # announced intentions are coded as the act, marked planned ("plans to attack", "is set to meet")
    "plan", "intend", "prepare", "schedule", "set", "expect", "threaten", "vow", "pledge", "promise",
    "lead", "cause", "spur",
}
# verbs that make someone do something: their "to" clause happens even where the parser reads it as
# a purpose ("led some local leaders to complain", "caused the army to withdraw")
_CAUSING = {"lead", "cause", "spur", "prompt", "force", "compel", "oblige"}
# verbs of getting in touch, and the speech acts done by doing so: "called the minister to thank him"
_CONTACTING = {"contact", "call", "phone", "telephone", "write", "summon", "visit", "approach", "meet"}
_SAYING = {"ask", "urge", "request", "appeal", "press", "thank", "protest", "complain", "demand", "condemn",
           "praise", "congratulate", "apologize", "apologise", "warn", "deliver", "convey", "express"}
# passives that state a purpose: "is intended to", "is designed to", "is meant to"
_PURPOSE_PASSIVES = {"intend", "design", "mean", "aim"}
# nouns whose infinitive is an act decided on, coded as the act ("the decision to expel two diplomats")
_DECIDING_NOUNS = {"decision"}


def _contact_purpose(tok: Token) -> bool:
    """A speech act named as the purpose of getting in touch is done by it ("called the minister to
    thank him", "contacted the Ambassador to express concern and to ask that ...")."""
    anchor = tok
    while anchor.dep_ == "conj" and anchor.head.i != anchor.i:
        anchor = anchor.head
    return anchor.dep_ in {"advcl", "xcomp"} and anchor.head.lemma_.lower() in _CONTACTING and (
        tok.lemma_.lower() in _SAYING)


def realized_infinitive(tok: Token) -> bool | None:
    """For an infinitive trigger ("to VERB"): True when its clause says it happens, False when
    it is only a purpose, ability or plan ("in order to negotiate", "able to deploy",
    "an effort to order"), None when the trigger is not an infinitive. A decision's infinitive is the act
    decided ("informed us of the decision to close the school")."""
    while tok.dep_ == "conj" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        tok = tok.head  # "to sit at the same table and talk"
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return None
    if _contact_purpose(tok):
        return True  # "contacted the Ambassador to ask that", "summoned the envoy to protest"
    if tok.head.tag_ == "VBN" and tok.head.lemma_.lower() in _PURPOSE_PASSIVES:
        return False  # "the package is intended to increase readiness": a purpose
    if tok.dep_ == "acl" and tok.head.lemma_.lower() in _DECIDING_NOUNS:
        # "any decision to strike would be a mistake": no decision was taken
        return not any(c.dep_ == "det" and c.lower_ in _GENERIC_DETS | {"no"} for c in tok.head.children)
    if tok.dep_ == "advcl" and tok.head.lemma_.lower() in _CAUSING and any(c.dep_ == "dobj" for c in tok.head.children):
        return True
    return tok.dep_ in {"xcomp", "ccomp"} and tok.head.lemma_.lower() in _REALIZING
