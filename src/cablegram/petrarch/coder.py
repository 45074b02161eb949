"""A PETRARCH-compatible event coder: PETRARCH verb patterns as one more lexicon over the shared
argument and factuality machinery.

What is PETRARCH's own: which verbs trigger (the verb dictionary), the most specific pattern
of their blocks that matches the words around the verb and the code it selects, the ``$``/``+``
slots of a pattern, ``A:B`` codes (B codes target → source), ``%`` compound patterns, discard
phrases, and actor codes composed from the actor and agent dictionaries (`matching.py`).

What is shared with the main coder (`coder/arguments.py`, `coder/factuality.py`): who the
source and the target are (`find_arguments`, then `chain_recipients` for targets further down
the parse), read through a `MentionIndex` whose phrases resolve to PETRARCH codes, and whether
the event happened (`factuality`: a negated verb codes nothing, other values are kept on the
event).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date as Date
from typing import TYPE_CHECKING, NamedTuple

from ..coder import ontology
from ..coder.arguments import MentionIndex, chain_recipients, find_arguments, find_size
from ..coder.factuality import factuality
from ..records import Actor, DocContext, Event, TextSpan, stable_id
from .loader import PetrarchDictionaries
from .matching import PhraseIndex, Unit, find_units, group_codes, np_codes
from .verbs import PatternItem, VerbCode, VerbDictionary, VerbEntry, VerbPattern

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["CodeIndex", "PetrarchCoder"]

_CLAUSE_BREAK = {"parataxis", "advcl", "relcl", "ccomp"}


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




class CodeIndex(MentionIndex):
    """A `MentionIndex` whose phrases resolve to actors coded the PETRARCH way.

    `of(tok)` composes the codes of the phrase headed by `tok` from the dictionaries
    (`matching.group_codes`: lists, "of/in/from" owners, agents) and returns one actor per
    code, each pointing at the mention of the text it came from. The shared argument
    machinery decides which phrases are the source and the target; this index decides what
    they are called.
    """

    def __init__(
        self, doc: Doc, mentions: Sequence[Actor], offset: int, units: Sequence[Unit], when: Date | None
    ) -> None:
        super().__init__(doc, mentions, offset, named=False)
        self.units_at = {i: u for u in units for i in range(u.start, u.end)}
        self.when = when
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.phrase: dict[tuple[int, int], int] = {}  # an actor's span → the phrase head it names
        self._cache: dict[int, list[Actor]] = {}

    def of(self, tok: Token, *, depth: int = 0) -> list[Actor]:
        """Actors named by the phrase headed by `tok`, one per PETRARCH code."""
        if tok.i not in self._cache:
            codes = group_codes(tok, self.units_at, self.when)
            self._cache[tok.i] = self._actors(tok, codes) if codes else self._shared(tok, depth)
        return self._cache[tok.i]

    def _shared(self, tok: Token, depth: int) -> list[Actor]:
        """Where the dictionaries name nothing, what the shared index reads there (a pronoun's
        antecedent, a mention hung on the phrase), when it carries a code."""
        found = [a for a in super().of(tok, depth=depth) if a.cameo_code]
        for a in found:
            self.phrase.setdefault((a.start, a.end), tok.i)
        return found

    def codes_at(self, tok: Token, *, after: int = 0) -> list[Actor]:
        """Actors of the first dictionary phrase at or after `tok` (a pattern's $ or + slot)."""
        head = tok
        unit = self.units_at[tok.i]
        while head.head.i != head.i and self.units_at.get(head.head.i) == unit:
            head = head.head
        return self._actors(head, np_codes(head, self.units_at, self.when))

    def _actors(self, tok: Token, codes: list[str]) -> list[Actor]:
        lo, hi = tok.left_edge.idx + self.offset, tok.right_edge.idx + len(tok.right_edge) + self.offset
        inside = [m for m in self.mentions if lo <= m.start and m.end <= hi]
        own = (tok.idx + self.offset, tok.idx + len(tok) + self.offset)
        out: list[Actor] = []
        used: set[tuple[int, int]] = set()
        for code in codes:
            # the mention the code came from: same code, else same actor, else any in the phrase
            ranked = sorted(
                inside,
                key=lambda m: (m.cameo_code != code, (m.cameo_code or "")[:3] != code[:3] or code[:3] == "---"),
            )
            found = next((m for m in ranked if (m.start, m.end) not in used), None)
            span = (found.start, found.end) if found is not None else own
            used.add(span)
            self.phrase[span] = tok.i
            country = code[:3] if not code.startswith("---") else None
            base = found or Actor(text=tok.text, start=own[0], end=own[1])
            out.append(replace(base, cameo_code=code, country=country, sector=code[3:6] or None))
        return out


class _Coded(NamedTuple):
    """One coded (source, target, code) triple and the verb that carries it."""

    source: Actor
    target: Actor
    cameo: str
    verb: Token


def _heads(actors: Sequence[Actor], index: CodeIndex) -> set[int]:
    return {h for a in actors if (h := index.phrase.get((a.start, a.end))) is not None}


def _first_phrase(actors: Sequence[Actor], index: CodeIndex) -> list[Actor]:
    """The actors of the first phrase among `actors`: PETRARCH codes one target phrase."""
    if not actors:
        return []
    head = index.phrase.get((actors[0].start, actors[0].end))
    return [a for a in actors if index.phrase.get((a.start, a.end)) == head]


def _sides(verb: Token, index: CodeIndex) -> tuple[list[Actor], list[Actor]]:
    """Source and target actors of a verb from the shared argument machinery.

    An agentless passive ("Vestmark was denounced over its dispute with Norvalia") names its
    patient as subject; PETRARCH then takes the source from the object side.
    """
    args = find_arguments(verb, "", index)
    sources, recipients = list(args.actor), list(args.recipient)
    if not sources and any(c.dep_ == "nsubjpass" for c in verb.children):
        patient_heads = {c.i for c in verb.children if c.dep_ == "nsubjpass"}
        patient = [a for a in recipients if index.phrase.get((a.start, a.end)) in patient_heads]
        others = [a for a in recipients if a not in patient]
        doers = _first_phrase(others, index) or chain_recipients(verb, index, skip=patient_heads)
        return doers, patient
    targets = _first_phrase(recipients, index)
    if all(_bare(t) for t in targets):
        # no recipient, or one without an actor ("on his official visit"): look further down
        # and prefer a phrase that names an actor ("arrived in Gondor on his official visit")
        further = chain_recipients(verb, index, skip=_heads(sources, index))
        targets = further if not targets or not all(_bare(t) for t in further) else targets
    return sources, targets


def _bare(actor: Actor) -> bool:
    """True for an agent without an actor ('---GOV')."""
    return (actor.cameo_code or "---").startswith("---")


def _pairs(sources: Sequence[Actor], targets: Sequence[Actor], code: VerbCode, verb: Token) -> list[_Coded]:
    out = []
    for s in sources:
        for t in targets:
            if s.cameo_code == t.cameo_code:
                continue
            if code.forward:
                out.append(_Coded(s, t, code.forward, verb))
            if code.backward:
                out.append(_Coded(t, s, code.backward, verb))
    return out


def _code_verb(verb: Token, entries: list[VerbEntry], verbs: VerbDictionary, index: CodeIndex) -> list[_Coded]:
    """Events of one dictionary verb: pattern code, shared arguments, pattern slots."""
    blocks = list(dict.fromkeys(e.block for e in entries))
    patterns = [p for b in blocks for p in verbs.blocks[b].patterns]
    best = _best_pattern(patterns, verb)
    code: VerbCode = entries[0].code or verbs.blocks[blocks[0]].code
    sources, targets = _sides(verb, index)
    if best is None:
        return _pairs(sources, targets, code, verb)
    pat, after, marks = best
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    if any(i.kind == "target" for i in pat.before) and not passive:
        # '+ * ... $': the subject is the target ("X received money from Y"), a '$' slot after
        # the verb the source (a passive subject is the target already)
        sources, targets = [], sources
    for item, mark in zip(pat.after, marks, strict=True):
        slot = next((t for t in after[mark:] if t.i in index.units_at), None)
        if slot is not None and item.kind == "target":
            targets = index.codes_at(slot)
        elif slot is not None and item.kind == "source":
            sources = index.codes_at(slot) or sources
    if pat.compound and len(sources) > 1 and not passive:
        # '%': the members of a compound subject act on each other
        if not _slot_target(pat):
            return _pairs(sources, sources, pat.code, verb)
    return _pairs(sources, targets, pat.code, verb)


def _slot_target(pat: VerbPattern) -> bool:
    return any(i.kind == "target" for i in pat.after)


def _fold_reported(events: list[_Coded]) -> list[_Coded]:
    """'X noted that Y regretted Z' codes X → Y with the reported verb's code, as PETRARCH
    does: an event on a verb whose complement clause is itself coded with Y as source."""
    out = list(events)
    for outer in events:
        for inner in events:
            if (
                inner.verb.dep_ == "ccomp"
                and inner.verb.head.i == outer.verb.i
                and outer.target.cameo_code == inner.source.cameo_code
            ):
                for e in (outer, inner):
                    if e in out:
                        out.remove(e)
                out.append(_Coded(outer.source, inner.source, inner.cameo, inner.verb))
    return out


def _code_sentence(sent: Span, verbs: VerbDictionary, index: CodeIndex) -> list[_Coded]:
    """Coded triples of one sentence, one per (source code, target code, event code)."""
    out: list[_Coded] = []
    for verb in sent:
        entries = _verb_entries(verb, verbs.verbs) if verb.pos_ == "VERB" else []
        # A verb complementing a coded verb is part of that verb's phrase ("urged X to respond").
        if not entries or (verb.dep_ == "xcomp" and _verb_entries(verb.head, verbs.verbs)):
            continue
        if factuality(verb, sent).value == "negated":
            # a negated verb reports something that did not happen: PETRARCH codes nothing
            continue
        out += _code_verb(verb, entries, verbs, index)
    unique = {(c.source.cameo_code, c.target.cameo_code, c.cameo): c for c in _fold_reported(out)}
    return list(unique.values())


def _discarded(tokens: Span | Doc, dicts: PetrarchDictionaries, *, story: bool) -> bool:
    words = [t.lower_ for t in tokens]
    for d in dicts.discards:
        if d.story != story:
            continue
        n = len(d.phrase)
        if any(tuple(words[i : i + n]) == d.phrase for i in range(len(words) - n + 1)):
            return True
    return False


class PetrarchCoder:
    """CoderStage that codes CAMEO events with PETRARCH dictionaries (see module docstring)."""

    def __init__(self, dictionaries: PetrarchDictionaries) -> None:
        self.dicts = dictionaries
        self.index = PhraseIndex(dictionaries.actors, dictionaries.agents)

    def code(self, doc: Doc, mentions: Sequence[Actor], ctx: DocContext):  # -> CoderOutput
        """Events of one parsed piece; dates and places are filled in by the pipeline."""
        from ..pipeline import CoderOutput

        verbs = self.dicts.verbs
        if verbs is None or _discarded(doc, self.dicts, story=True):
            return CoderOutput()
        index = CodeIndex(doc, mentions, ctx.offset, find_units(doc, self.index), ctx.document.published)
        events: list[Event] = []
        for s_index, sent in enumerate(doc.sents):
            if not _discarded(sent, self.dicts, story=False):
                events += [self._event(ctx, s_index, sent, c) for c in _code_sentence(sent, verbs, index)]
        return CoderOutput(events=tuple(events))

    def _event(self, ctx: DocContext, s_index: int, sent: Span, coded: _Coded) -> Event:
        off, verb, cameo = ctx.offset, coded.verb, coded.cameo
        trig = TextSpan(text=verb.text, start=verb.idx + off, end=verb.idx + len(verb.text) + off)
        fact = factuality(verb, sent)
        known = _known(cameo)
        event, mode, context = ontology.plover_for_cameo(known.code) if known else (None, None, ())
        return Event(
            event_id=stable_id(
                ctx.document.doc_id,
                ctx.sentence_base + s_index,
                verb.i,
                coded.source.cameo_code,
                coded.target.cameo_code,
                cameo,
            ),
            doc_id=ctx.document.doc_id,
            sentence_index=ctx.sentence_base + s_index,
            sentence=sent.text,
            trigger=trig,
            event=event or "",
            mode=mode,
            context=context,
            cameo=cameo,
            cameo_root=cameo[:2],
            goldstein=known.goldstein if known else None,
            quad=known.quad if known else None,
            plover_score=ontology.plover_score(event, mode) if event else None,
            actor=(coded.source,),
            recipient=(coded.target,),
            factuality=fact.value,
            attribution=fact.attribution,
            size=find_size(verb, event or "", sent),
        )


def _known(cameo: str) -> ontology.CameoCode | None:
    """The CAMEO record of a code, else of its nearest known parent (dictionaries carry a few
    codes of their own, such as the validation suite's 9xx test codes)."""
    for code in (cameo, cameo[:3], cameo[:2]):
        if ontology.is_cameo(code):
            return ontology.cameo(code)
    return None
