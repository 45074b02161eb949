"""Actor mentions in a parsed document → who they are: country, PLOVER sector, CAMEO actor code,
canonical name, knowledge-base id and the rule that placed them (the pipeline's actor stage).

A phrase resolves out of context in `resolve.compose`; the document's rules (its country, cable
conventions, defined abbreviations...) apply in `resolve.situate`. Here, in a document: an
appositive completes a person ("Matthew Bryza, the new US ambassador"), later surnames and "the
ambassador"/"the ministry" reuse the earlier full mention, a subject "he"/"she" the last person.
The document's country is computed once per document and stored in ctx.memory["actors.home"]
(ISO3 or ""), which the event coder reads to place implicit actors.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date as Date
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import Settings
from ..records import Actor, DocContext, Document
from .compose import PERSON_SECTORS, Resolution, cameo_agent, compose
from .home import SCAN_CHARS, Home, document_home
from .kb import KnowledgeBase, default_kb, tokens_of
from .situate import (
    AUTHOR_TITLES,
    NEAR,
    expand_aliases,
    fuller_mention,
    named_in_document,
    near,
    sentence_around,
    situate,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .gazetteer import Gazetteer

__all__ = ["ActorResolver", "Resolution", "compose", "situate"]

PRONOUNS = {"he", "she"}
_OWNERS = {"its", "their"}
CANDIDATE_ENTS = {"GPE", "NORP", "ORG", "PERSON", "FAC", "LOC"}


def _unknown_name(tail: Sequence[Token]) -> bool:
    """Capitalised proper nouns that name no place or date: a person's name after a title."""
    return bool(tail) and all(
        t.pos_ == "PROPN" and t.text[:1].isupper() and t.text[1:2].islower() and t.ent_type_ in {"", "PERSON", "ORG"}
        for t in tail
    )


def _doer_of(tok: Token) -> int | None:
    """Index of the subject (or, under 'urged X to', the object) that does the clause `tok` sits
    in, climbing through conjoined, complement and reported clauses whose subject is a pronoun."""
    node = tok
    while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i:
        node = node.head
    for _ in range(4):
        subj = next((c for c in node.children if c.dep_ == "nsubj" and c.i < tok.i), None)
        if subj is not None and subj.pos_ != "PRON":
            return subj.i
        if subj is None and node.dep_ == "xcomp":
            obj = next((c for c in node.head.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj.i
        if node.dep_ not in {"conj", "xcomp", "advcl", "ccomp"} or node.head.i == node.i:
            return None
        node = node.head
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
            res = fuller_mention(self.kb, context, words, date)
        elif res is not None and res.country is None and len(words) > 1 and words[-1][:1].isupper() \
                and not self.kb.lookup([words[-1]]):
            # "Ambassador Foucher" after "French Ambassador Bruno Foucher": him, not a bare title
            res = fuller_mention(self.kb, context, words[-1:], date) or res
        sentence = tokens_of(sentence_around(context, text))
        res = situate(self.kb, res, words, near(sentence, tokens_of(text)) if home.country else sentence, home)
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
            words = None
            if ctx.offset == 0:  # the document's opening is parsed already: reuse its tokens
                words = [t.text.replace("\u2019", "'") for t in doc if not t.is_space and t.idx < SCAN_CHARS]
            home = document_home(self.kb, ctx.document, dateline_place=ctx.dateline_place, words=words)
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
        self._possessed(doc, found, ctx.offset)
        return [found[k] for k in sorted(found)]

    def _candidates(self, doc: Doc) -> list[Span]:
        spans = [self._with_of_name(c) for c in doc.noun_chunks]
        spans = [s for i, s in enumerate(spans) if not any(o is not s and o.start <= s.start and s.end <= o.end
                                                           for o in spans[max(0, i - 1) : i])]
        covered = {t.i for s in spans for t in s}
        spans += [e for e in doc.ents if e.label_ in CANDIDATE_ENTS and not any(t.i in covered for t in e)]
        covered |= {t.i for s in spans for t in s}
        spans += self._name_runs(doc, covered)
        return sorted(spans, key=lambda s: s.start)

    @staticmethod
    def _name_runs(doc: Doc, covered: set[int]) -> list[Span]:
        """Proper nouns no chunk or entity took, a run of them as one name ('the United States
        Department of State's Initiative' when the parser chunks only 'State'), never word by word."""
        runs: list[Span] = []
        start = None
        for t in doc:
            if t.pos_ == "PROPN" and t.i not in covered and not t.is_punct:
                start = t.i if start is None else start
                continue
            if start is not None:
                runs.append(doc[start : t.i])
                start = None
        if start is not None:
            runs.append(doc[start : len(doc)])
        return runs

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
        # (a hard-wrapped line leaves a whitespace token inside a name: "the North\nKorean ferry")
        toks = [t for t in span if not (t.pos_ in {"DET", "NUM"} or t.is_space or t.is_punct and t.text != "-")]
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
        surname = toks[-1].lower_ in people and (person or toks[-1].pos_ == "PROPN")  # (one the tagger missed)
        if res is not None and res.country is None and surname:
            res = None  # "Ambassador Foucher" after "French Ambassador Bruno Foucher": him, not a bare title
        if res is None and (person or toks[-1].pos_ == "PROPN" and toks[-1].lower_ in people):
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
        if res.country is None and res.sector and span[0].lower_ == "the" and head in heads and not (
                home.author and head in AUTHOR_TITLES):  # a cable's "the Ambassador" is always its own
            prior = heads[head]  # "the ministry" after "the Israeli Foreign Ministry"
            res = replace(res, country=prior.country, why=(*res.why, f"the earlier '{prior.text}'"), rule="coreference")
        if res.country is None:
            sent = span.sent  # a document with a country of its own needs the place near; one without takes any
            around = span.doc[max(sent.start, span.start - NEAR) : min(sent.end, span.end + NEAR)] if home.country \
                else sent
            res = situate(self.kb, res, words, [t.text for t in around], home) or res
        country, sector = res.country, res.sector
        end = self._last_known(toks, res)
        titled = not person and sector in PERSON_SECTORS and _unknown_name(toks[end + 1 :])
        actor = self._actor(span.doc, toks[: end + 1] if not (person or titled) else toks, ctx, res.name, country,
                            sector, res.kb_id, rule=res.rule)
        if person:
            for t in toks:
                if t.ent_type_ == "PERSON" or t is toks[-1] and t.pos_ == "PROPN":  # a surname the tagger cut off
                    people[t.lower_] = actor
            memory["actors.last_person"] = actor
        elif titled:  # "DFM Denisov": a title before a name the tagger missed; "Denisov" later is him
            people[toks[-1].lower_] = actor
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
        code = (country or "---") + cameo_agent(sector) if (country or sector) else None
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
    def _possessed(doc: Doc, found: dict[int, Actor], offset: int) -> None:
        """'Pakistani officials denied their troops crossed', 'urged Russia to pull its troops',
        'Britain ... recalled its ambassador': a sector noun owned by 'its'/'their' is of whoever
        does the clause it sits in (else the nearest actor named before it in the sentence), not of
        the document's country."""
        for start in sorted(found):
            actor, tok = found[start], doc[start]
            if tok.lower_ not in _OWNERS or actor.country and actor.rule not in {"document-home", "sentence-place"}:
                continue
            doer = _doer_of(tok)
            owner = next((found[k] for k in sorted(found, reverse=True) if doer is not None and k <= doer
                          and found[k].end - offset > doc[doer].idx and found[k].country), None)
            if owner is None:
                first = tok.sent.start
                owner = next((found[k] for k in sorted(found, reverse=True) if first <= k < start
                              and found[k].country and doc[k].lower_ not in _OWNERS), None)
            if owner is not None and owner.country != actor.country:
                code = (owner.country or "") + cameo_agent(actor.sector)
                found[start] = replace(actor, country=owner.country, cameo_code=code, rule="possessor")

    @staticmethod
    def _last_person_before(tok: Token, found: dict[int, Actor], earlier: Actor | None) -> Actor | None:
        before = [found[k] for k in sorted(found) if k < tok.i and found[k].sector in PERSON_SECTORS]
        return before[-1] if before else earlier
