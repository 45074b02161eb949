"""Actors that the text leaves implicit but makes plain.

"Tsvangirai was released late that evening", "four activists were detained", "demonstrations and
arrests continued": nobody is named as the doer, yet a reader knows it is the state's police,
and that the demonstrators protest against their government. PLOVER codes such actors
(realdev marks them `implicit`); so do we, from a table of what each kind of act implies and
the country the document is about. An implicit actor has an empty text and zero-width offsets
at the trigger, `kb_id` "implicit:<why>", and never replaces an actor the sentence names.

First-person plural pronouns ("We call on the government ...") are the writer: in a State
Department cable or a U.S. government statement, the U.S. government; so is whoever makes a
modal demand no one in the text is said to make ("The government should release ...").

The document's country ("home") is `ctx.memory["actors.home"]`, set by the actor stage; when it
is absent the country named most often so far in the document stands in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from ..records import Actor, DocContext, is_us_government_url

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["author", "home_country", "implicit_actors", "note_countries", "first_person", "opponent", "writer"]

# (PLOVER event, CAMEO prefix) → (implied source sector, implied target sector); "" = none.
# Acts a state does to people in its own country: arrest, release, charge, sentence, curfews.
_IMPLIED: tuple[tuple[str, str, str, str], ...] = (
    ("COERCE", "173", "COP", ""),  # arrest, detain
    ("COERCE", "172", "GOV", ""),  # state of emergency, curfew, martial law, bans
    ("COERCE", "171", "COP", ""),  # seize, confiscate, impound
    ("COERCE", "17", "COP", ""),
    ("RETREAT", "0841", "COP", ""),  # release detainees
    ("CONCEDE", "0841", "COP", ""),
    ("ACCUSE", "173", "COP", ""),  # charge, indict
    ("ACCUSE", "09", "JUD", ""),  # investigate
    ("SANCTION", "116", "JUD", ""),  # convict, sentence
    ("REJECT", "1245", "GOV", ""),  # deny entry
    ("ASSAULT", "175", "COP", ""),  # repression: tear gas, beatings of demonstrators
    ("PROTEST", "14", "PRO", "GOV"),  # demonstrators against their government
)
_FIRST_PERSON = {"we", "us", "our"}
_ASKING = {"request", "ask"}
_IRREGULAR = {"REB", "UAF", "PRM", "INS"}
# acts done to people by the state: a passive with no doer named is the state's
_STATE_ACTS = {"REJECT", "RETREAT", "CONCEDE", "ACCUSE", "COERCE", "SANCTION"}


def note_countries(mentions: Sequence[Actor], ctx: DocContext) -> None:
    """Count the countries the document names (kept across its pieces)."""
    counts: Counter[str] = ctx.memory.setdefault("coder.countries", Counter())
    counts.update(a.country for a in mentions if a.country and len(a.country) == 3 and a.country.isalpha()
                  and a.country not in {"IGO", "NGO", "UNO", "EUR", "IMG", "MNC"})
    armed: set[str] = ctx.memory.setdefault("coder.armed", set())
    armed.update(a.country for a in mentions if a.country and a.sector == "MIL" and a.country.isalpha()
                 and a.country not in {"IGO", "NGO", "UNO", "EUR", "IMG", "MNC"})
    if any(a.sector in _IRREGULAR for a in mentions):
        ctx.memory["coder.irregulars"] = True


def opponent(recipient: tuple[Actor, ...], ctx: DocContext) -> str | None:
    """In a story of two states' armed forces, the other state: the one that killed, wounded or
    holds soldiers or nationals of the first when no one is named ("four Thai soldiers were
    injured in the clash", "ten soldiers are being held" in a story of a border war)."""
    countries = {a.country for a in recipient}
    if len(countries) != 1 or any(a.sector not in {None, "MIL"} for a in recipient):
        return None
    (victim,) = countries
    sides = _two_sides(ctx)  # (with rebels or gunmen in the story, they may be the ones who did it)
    return next((c for c in sides if c != victim), None) if victim in sides else None


def home_country(ctx: DocContext) -> str | None:
    """The country the document is about: the actor stage's verdict, else the one named most."""
    home = ctx.memory.get("actors.home")
    if home:
        return str(home)
    counts: Counter[str] = ctx.memory.get("coder.countries") or Counter()
    if not counts:
        return None
    (best, n), *rest = counts.most_common(2) + [("", 0)]
    return best if n > rest[0][1] else None


def author(ctx: DocContext) -> tuple[str, str] | None:
    """(country, sector) of whoever writes the document, when its provenance says so."""
    if is_us_government_url((ctx.document.url or "").lower()) or _cable(ctx):
        return "USA", "GOV"  # a U.S. statement; a State Department cable: "we" is the embassy
    return None


def _cable(ctx: DocContext) -> bool:
    url = (ctx.document.url or "").lower()
    return "wikileaks" in urlparse(url).netloc and "/cable" in url or ctx.document.input_format == "cable"


def first_person(tok: Token, ctx: DocContext, offset: int) -> Actor | None:
    """'We call on ...': the writer as an actor, when the document says who writes it."""
    if tok.lower_ not in _FIRST_PERSON:
        return None
    who = author(ctx)
    if who is None:
        return None
    start = tok.idx + offset
    return Actor(text=tok.text, start=start, end=start + len(tok.text), name="the writer",
                 country=who[0], sector=who[1], cameo_code=who[0] + who[1], kb_id="implicit:writer")


def writer(tok: Token, ctx: DocContext) -> tuple[Actor, ...]:
    """Who makes a demand that no one in the text is said to make ("The government should release
    those it has jailed" in a U.S. statement or cable): the writer, when the document says who
    writes it; an implicit actor at the trigger."""
    return writer_at(tok.idx + ctx.offset, ctx)


def writer_at(at: int, ctx: DocContext) -> tuple[Actor, ...]:
    """The writer as an implicit actor at document offset `at` (empty when no one is known to write)."""
    who = author(ctx)
    if who is None:
        return ()
    return (Actor(text="", start=at, end=at, name="the writer", country=who[0], sector=who[1],
                  cameo_code=who[0] + who[1], kb_id="implicit:writer"),)


def implicit_actors(
    event: str, cameo: str, actor: tuple[Actor, ...], recipient: tuple[Actor, ...], at: int, ctx: DocContext,
    *, passive: bool = False, two_sided: bool = False, trigger: Token | None = None,
) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    """Fill in what the act implies: the state's police for an arrest, demonstrators' own
    government for a protest, the state for what is done to people by no one named ("were denied
    entry", "were accused of"), the document's government for sanctions no one is said to impose,
    the other state in a story of two states' forces for soldiers killed or held by no one named,
    and both states for a clash (`two_sided`: fighting, exchanging fire) no one is named in.
    Named actors are kept; only empty sides are filled."""
    if not actor and recipient and (event == "ASSAULT" or event == "COERCE" and cameo.startswith("17")):
        other = opponent(recipient, ctx)
        if other is not None:
            return (_implied(other, "MIL", at, event),), recipient
    if two_sided and not actor and not recipient and event == "ASSAULT" and (sides := _two_sides(ctx)):
        # "the clash", "the two sides exchanged fire" in a story of two states' forces: both
        return tuple(_implied(c, "MIL", at, event) for c in sides), recipient
    lemma = trigger.lemma_.lower() if trigger is not None else ""
    if trigger is not None:
        recipient = recipient or _answered(event, trigger, actor, ctx)
        _note_act(trigger, actor, ctx)
    if lemma in _ASKING and event == "REQUEST" and actor and not recipient and _cable(ctx) and not any(
            a.country == "USA" for a in actor):
        # a cable reports what its interlocutors asked of it: "Japan has requested a joint
        # statement", "she requested further assistance" (asked of the embassy, the writer; not
        # "pressed for a meeting" or "sought UN action", said to no one in particular)
        return actor, writer_at(at, ctx)
    rule = next(((s, t) for e, prefix, s, t in _IMPLIED if e == event and cameo.startswith(prefix)), None)
    if rule is None and not actor and (passive and event in _STATE_ACTS or event == "SANCTION"):
        # the state the document is about (it may act on foreigners: "diplomats were denied entry")
        home = home_country(ctx) or _domestic(recipient)
        sector = "COP" if event == "ACCUSE" else "GOV"
        return ((_implied(home, sector, at, event),) if home else actor), recipient
    if rule is None:
        return actor, recipient
    src_sector, tgt_sector = rule
    country = _domestic(recipient if not actor else actor) or home_country(ctx)
    if event == "PROTEST" and not actor:
        # "hundreds protested outside the Russian embassy": the crowd is the country's own people
        country = home_country(ctx) or country
    if country is None:
        return actor, recipient
    if not actor and src_sector:
        actor = (_implied(country, src_sector, at, event),)
    if not recipient and tgt_sector:
        recipient = (_implied(_domestic(actor) or country, tgt_sector, at, event),)
    return actor, recipient


# what a rejection or acceptance answers: "the ROYG gave the Houthis six conditions. The Houthis
# rejected the conditions", "they were ordered to disperse. The protesters ignored the order"
_ANSWERS = {"REJECT", "AGREE"}
_DEFINITE = {"the", "this", "that", "these", "those"}


def _note_act(trigger: Token, actor: tuple[Actor, ...], ctx: DocContext) -> None:
    """Remember who made an act, by its word and its object's ('ordered', 'gave ... conditions')."""
    if not actor:
        return
    acts: dict[str, tuple[Actor, ...]] = ctx.memory.setdefault("coder.acts", {})
    for tok in (trigger, *(c for c in trigger.children if c.dep_ == "dobj")):
        acts[tok.lemma_.lower()] = actor


def _answered(event: str, trigger: Token, actor: tuple[Actor, ...], ctx: DocContext) -> tuple[Actor, ...]:
    """Who made the act a rejection names by a definite description ('rejected the conditions',
    'ignored the order'): whoever the document last said made one (never the rejecter itself)."""
    if event not in _ANSWERS:
        return ()
    acts: dict[str, tuple[Actor, ...]] = ctx.memory.get("coder.acts") or {}
    own = {(a.country, a.sector) for a in actor}
    for obj in (c for c in trigger.children if c.dep_ == "dobj"):
        if any(d.dep_ == "det" and d.lower_ in _DEFINITE for d in obj.children) and obj.lemma_.lower() in acts:
            maker = acts[obj.lemma_.lower()]
            if not any((a.country, a.sector) in own for a in maker):
                at = trigger.idx + ctx.offset
                return tuple(replace(a, text="", start=at, end=at, kb_id="implicit:answered")
                             for a in maker)
    return ()


def _two_sides(ctx: DocContext) -> list[str]:
    """The two states whose armed forces a story names, when it names no rebels or gunmen."""
    armed: set[str] = ctx.memory.get("coder.armed") or set()
    return sorted(armed) if len(armed) == 2 and not ctx.memory.get("coder.irregulars") else []


def _domestic(actors: tuple[Actor, ...]) -> str | None:
    return next((a.country for a in actors if a.country and a.country.isalpha() and len(a.country) == 3
                 and a.country not in {"IGO", "NGO", "UNO", "EUR", "IMG", "MNC"}), None)


def _implied(country: str, sector: str, at: int, event: str) -> Actor:
    return Actor(text="", start=at, end=at, name=f"({country} {sector}, implied by {event.lower()})",
                 country=country, sector=sector, cameo_code=country + sector, kb_id=f"implicit:{event.lower()}")
