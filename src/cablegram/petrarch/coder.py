"""A PETRARCH-compatible event coder over the spaCy dependency parse.

For each verb found in the verb dictionary we pick the most specific pattern of its blocks
that matches the words around it, take the source from the subject side (the by-agent of a
passive) and the target from the object side (direct object, then prepositional objects), and
code one event per (source, target) pair. A code ``A:B`` also codes B from target to source;
a ``%`` pattern codes events among the members of a compound subject. Sentences holding a
discard phrase code nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date as Date
from typing import TYPE_CHECKING

from ..records import Actor, DocContext, Event, TextSpan, stable_id
from .loader import PetrarchDictionaries
from .matching import PhraseIndex, Unit, find_units, group_codes, np_codes
from .verbs import PatternItem, VerbCode, VerbEntry, VerbPattern

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["PetrarchCoder", "code_sentence"]

_CLAUSE_BREAK = {"parataxis", "advcl", "relcl", "ccomp"}
_SUBJECTS = {"nsubj", "csubj", "expl"}
# A CAMEO root → PLOVER event type (our reading of the two codebooks; 01 and 09 have no
# PLOVER counterpart and keep an empty type).
_PLOVER = {
    "02": "REQUEST",
    "03": "AGREE",
    "04": "CONSULT",
    "05": "COOPERATE",
    "06": "COOPERATE",
    "07": "AID",
    "08": "CONCEDE",
    "10": "REQUEST",
    "11": "ACCUSE",
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "MOBILIZE",
    "16": "SANCTION",
    "17": "COERCE",
    "18": "ASSAULT",
    "19": "ASSAULT",
    "20": "ASSAULT",
}


def _word_at(tokens: list[Token], pos: int, words: tuple[str, ...]) -> bool:
    if pos + len(words) > len(tokens):
        return False
    return all(
        tokens[pos + k].lower_ == w or tokens[pos + k].lemma_.lower() == w for k, w in enumerate(words)
    )


def _match_items(items: Sequence[PatternItem], tokens: list[Token]) -> list[int] | None:
    """Match items in order (gaps allowed); returns the token position after each item and,
    last, the number of words matched."""
    pos, marks, n_words = 0, [], 0
    for item in items:
        if item.kind in {"word", "prep"}:
            hit = next(
                (
                    (p, len(w))
                    for p in range(pos, len(tokens))
                    for w in item.alternatives
                    if _word_at(tokens, p, w)
                ),
                None,
            )
            if hit is None:
                return None
            pos = hit[0] + hit[1]
            n_words += hit[1]
        elif item.kind == "skip":
            pos = min(pos + 1, len(tokens))  # '^' passes over one word
        marks.append(pos)
    return marks + [n_words]


def _context(verb: Token) -> tuple[list[Token], list[Token]]:
    """Tokens of the verb's clause before and after it (nested clauses of other verbs cut)."""
    cut: set[int] = set()
    for child in verb.children:
        if child.dep_ in _CLAUSE_BREAK or (child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"}):
            cut.update(t.i for t in child.subtree)
    clause = [t for t in verb.subtree if t.i not in cut and t.i != verb.i]
    # Determiners belong to the noun phrase, not to the verb phrase a pattern describes.
    before = [t for t in clause if t.i < verb.i and t.dep_ not in {"det", "predet", "preconj"}]
    return before, [t for t in clause if t.i > verb.i]


def _best_pattern(
    patterns: Sequence[VerbPattern], verb: Token
) -> tuple[VerbPattern, list[Token], list[int]] | None:
    before, after = _context(verb)
    best, best_score = None, (0, 0)
    for pat in patterns:
        pre = _match_items(pat.before, before) if pat.before else [0]
        marks = _match_items(pat.after, after)
        if pre is None or marks is None:
            continue
        # The most specific pattern wins: more items, then more words; file order breaks ties.
        score = (pat.weight, pre[-1] + marks[-1])
        if best is None or score > best_score:
            best, best_score = (pat, after, marks[:-1]), score
    return best


def _verb_entries(verb: Token, verbs: dict[str, tuple[VerbEntry, ...]]) -> list[VerbEntry]:
    """Dictionary entries this verb token instantiates (phrasal verbs checked word by word)."""
    doc = verb.doc
    found: list[VerbEntry] = []
    for key in (verb.lower_, verb.lemma_.lower()):
        for entry in verbs.get(key, ()):
            for form in entry.forms:
                start = verb.i - min(entry.head, len(form) - 1)
                if start >= 0 and _word_at(list(doc), start, form) or len(form) == 1 and key in form:
                    found.append(entry)
                    break
        if found:
            break
    found.sort(key=lambda e: -len(e.words))
    return found


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """The token naming the source, climbing to the governing verb for xcomp/conj verbs."""
    tok: Token | None = verb
    for _ in range(4):
        if tok is None:
            break
        for child in tok.children:
            if child.dep_ == "agent":
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return obj, True
        for child in tok.children:
            # A pronoun subject of a complement clause is the governing subject ("Ethiopia
            # indicated it would act").
            if child.dep_ in _SUBJECTS and child.pos_ == "PRON" and tok.dep_ == "ccomp":
                break
            if child.dep_ in _SUBJECTS or child.dep_ == "nsubjpass":
                return child, False
        if tok.dep_ not in {"xcomp", "conj", "acomp", "advcl", "ccomp"} or tok.head.i == tok.i:
            break
        tok = tok.head
    return None, False


def _objects_of(node: Token) -> list[Token]:
    """Noun objects one step down: prepositional objects, and those of a participle
    modifying the noun ("roads leading into Mordor", "the parade supporting Gondor")."""
    out: list[Token] = []
    for child in node.children:
        if child.dep_ in {"prep", "agent"}:
            out.extend(o for o in child.children if o.dep_ in {"pobj", "pcomp"})
        elif child.dep_ == "acl":
            # A clause on the noun: its subject ("hopes that Osgiliath could ..."), then object.
            out.extend(o for o in child.children if o.dep_ in {"nsubj", "nsubjpass"} and o.pos_ != "PRON")
            out.extend(o for o in child.children if o.dep_ == "dobj")
            out.extend(_objects_of(child))
    return out


def _targets(verb: Token, units_at: dict[int, Unit], when: Date | None, skip: set[int]) -> list[str]:
    """Codes on the object side: passive subject, direct object, prepositional objects, and
    last the subject of a following complement clause ("expressed hopes that X ...")."""
    nsubjpass = [c for c in verb.children if c.dep_ == "nsubjpass"]
    objects = [c for c in verb.children if c.dep_ in {"dobj", "dative", "attr", "oprd"}]
    # The object of a purpose infinitive counts too ("signed an accord to supply Gondor").
    infinitives = [
        c for c in verb.children if c.dep_ in {"advcl", "xcomp"} and any(a.lower_ == "to" for a in c.children)
    ]
    objects += [o for c in infinitives for o in c.children if o.dep_ in {"dobj", "dative"}]
    for tok in nsubjpass + objects:
        if tok.i not in skip and (codes := group_codes(tok, units_at, when)):
            return codes
    frontier = [verb] + [c for c in verb.children if c.dep_ in {"dobj", "xcomp", "acomp", "advmod"}]
    for _ in range(3):
        objs = sorted((o for h in frontier for o in _objects_of(h) if o.i not in skip), key=lambda t: t.i)
        for obj in objs:
            if codes := group_codes(obj, units_at, when):
                return codes
        frontier = objs
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i):
        subj = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None and (
            codes := group_codes(subj, units_at, when) or _first_object(subj, units_at, when)
        ):
            return codes
    return []


def _first_object(tok: Token, units_at: dict[int, Unit], when: Date | None) -> list[str]:
    for obj in sorted(_objects_of(tok), key=lambda t: t.i):
        if codes := group_codes(obj, units_at, when):
            return codes
    return []


def _slot_codes(after: list[Token], mark: int, units_at: dict[int, Unit], when: Date | None) -> list[str]:
    """Codes of the first actor at or after a '$'/'+' slot of a pattern."""
    for tok in after[mark:]:
        if tok.i in units_at:
            head = tok
            while (
                head.head.i != head.i and head.head.i in units_at and units_at[head.head.i] == units_at[tok.i]
            ):
                head = head.head
            return np_codes(head, units_at, when)
    return []


def code_sentence(
    sent: Span, dicts: PetrarchDictionaries, index: PhraseIndex, when: Date | None
) -> list[tuple[str, str, str, Token]]:
    """(source, target, code, verb token) tuples for one sentence."""
    if dicts.verbs is None:
        return []
    units = find_units(sent, index)
    units_at = {i: u for u in units for i in range(u.start, u.end)}
    out: list[tuple[str, str, str, Token]] = []
    for verb in sent:
        if verb.pos_ != "VERB":
            continue
        entries = _verb_entries(verb, dicts.verbs.verbs)
        # A verb complementing a coded verb is part of that verb's phrase ("urged X to respond").
        if entries and verb.dep_ == "xcomp" and _verb_entries(verb.head, dicts.verbs.verbs):
            continue
        if entries:
            out.extend(_code_verb(verb, entries, dicts, units_at, when))
    out = _fold_reported(out)
    return list({(s, t, c): (s, t, c, v) for s, t, c, v in out}.values())


def _fold_reported(events: list[tuple[str, str, str, Token]]) -> list[tuple[str, str, str, Token]]:
    """'X noted that Y regretted Z' codes X → Y with the reported verb's code, as PETRARCH
    does: an event on a verb whose complement clause is itself coded with Y as source."""
    out = list(events)
    for outer in events:
        for inner in events:
            v_out, v_in = outer[3], inner[3]
            if v_in.dep_ == "ccomp" and v_in.head.i == v_out.i and outer[1] == inner[0]:
                for e in (outer, inner):
                    if e in out:
                        out.remove(e)
                out.append((outer[0], inner[0], inner[2], v_in))
    return out


def _negated(verb: Token) -> bool:
    """True when the verb carries a negation ("did not clash", "won't ever clash")."""
    return any(c.dep_ == "neg" for c in verb.children)


def _code_verb(
    verb: Token,
    entries: list[VerbEntry],
    dicts: PetrarchDictionaries,
    units_at: dict[int, Unit],
    when: Date | None,
) -> list[tuple[str, str, str, Token]]:
    if dicts.verbs is None or _negated(verb):
        # A negated verb reports something that did not happen: no event.
        return []
    blocks = list(dict.fromkeys(e.block for e in entries))
    patterns = [p for b in blocks for p in dicts.verbs.blocks[b].patterns]
    best = _best_pattern(patterns, verb)
    code: VerbCode = entries[0].code or dicts.verbs.blocks[blocks[0]].code
    subj, passive = _subject(verb)
    sources = group_codes(subj, units_at, when) if subj is not None else []
    skip = {subj.i} if subj is not None else set()
    if subj is not None and subj.dep_ == "nsubjpass" and subj.head.i == verb.i:
        # Agentless passive: the patient is the target, an actor on the object side the source.
        return _pairs(_targets(verb, units_at, when, skip), sources, best[0].code if best else code, verb)
    targets: list[str] = []
    if best is not None:
        pat, after, marks = best
        code = pat.code
        for item, mark in zip(pat.after, marks, strict=True):
            if item.kind == "target":
                targets = _slot_codes(after, mark, units_at, when)
            elif item.kind == "source":
                sources = _slot_codes(after, mark, units_at, when) or sources
        if pat.compound and len(sources) > 1 and not targets:
            return _pairs(sources, sources, code, verb)
    if not targets:
        targets = _targets(verb, units_at, when, skip)
    return _pairs(sources, targets, code, verb)


def _pairs(
    sources: list[str], targets: list[str], code: VerbCode, verb: Token
) -> list[tuple[str, str, str, Token]]:
    out = []
    for s in sources:
        for t in targets:
            if s == t:
                continue
            if code.forward:
                out.append((s, t, code.forward, verb))
            if code.backward:
                out.append((t, s, code.backward, verb))
    return out


def _discarded(tokens: Span | Doc, dicts: PetrarchDictionaries, *, story: bool) -> bool:
    words = [t.lower_ for t in tokens]
    for d in dicts.discards:
        if d.story != story:
            continue
        n = len(d.phrase)
        if any(tuple(words[i : i + n]) == d.phrase for i in range(len(words) - n + 1)):
            return True
    return False


def _evidence(actors: tuple[Actor, ...], mentions: Sequence[Actor]) -> tuple[Actor, ...]:
    """Point each coded actor at the mention it came from (same code, else same country),
    so the event keeps the text and offsets of its actors."""
    out = []
    for a in actors:
        code = a.cameo_code or ""
        found = next((m for m in mentions if m.cameo_code == code), None) or next(
            (m for m in mentions if (m.cameo_code or "")[:3] == code[:3] and not code.startswith("---")), None
        )
        out.append(replace(found, cameo_code=code, country=a.country, sector=a.sector) if found else a)
    return tuple(out)


class PetrarchCoder:
    """CoderStage that codes CAMEO events with PETRARCH dictionaries (see module docstring)."""

    def __init__(self, dictionaries: PetrarchDictionaries) -> None:
        self.dicts = dictionaries
        self.index = PhraseIndex(dictionaries.actors, dictionaries.agents)

    def code(self, doc: Doc, mentions: Sequence[Actor], ctx: DocContext):  # -> CoderOutput
        """Events of one parsed piece; dates and places are filled in by the pipeline."""
        from ..pipeline import CoderOutput

        when = ctx.document.published
        if _discarded(doc, self.dicts, story=True):
            return CoderOutput()
        events: list[Event] = []
        for s_index, sent in enumerate(doc.sents):
            if _discarded(sent, self.dicts, story=False):
                continue
            lo, hi = sent.start_char + ctx.offset, sent.end_char + ctx.offset
            in_sent = [m for m in mentions if lo <= m.start < hi]
            for source, target, cameo, verb in code_sentence(sent, self.dicts, self.index, when):
                event = self._event(ctx, s_index, sent, verb, source, target, cameo)
                events.append(
                    replace(
                        event,
                        actor=_evidence(event.actor, in_sent),
                        recipient=_evidence(event.recipient, in_sent),
                    )
                )
        return CoderOutput(events=tuple(events))

    def _event(
        self, ctx: DocContext, s_index: int, sent: Span, verb: Token, source: str, target: str, cameo: str
    ) -> Event:
        off = ctx.offset
        trig = TextSpan(text=verb.text, start=verb.idx + off, end=verb.idx + len(verb.text) + off)
        root = cameo[:2]

        def actor(code: str) -> Actor:
            return Actor(
                text=code,
                start=trig.start,
                end=trig.end,
                cameo_code=code,
                country=code[:3],
                sector=code[3:6] or None,
            )

        return Event(
            event_id=stable_id(
                ctx.document.doc_id, ctx.sentence_base + s_index, verb.i, source, target, cameo
            ),
            doc_id=ctx.document.doc_id,
            sentence_index=ctx.sentence_base + s_index,
            sentence=sent.text,
            trigger=trig,
            event=_PLOVER.get(root, ""),
            cameo=cameo,
            cameo_root=root,
            actor=(actor(source),),
            recipient=(actor(target),),
        )
