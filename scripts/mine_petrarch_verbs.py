"""List PETRARCH verbs and verb phrases our trigger lexicon lacks, by CAMEO code (a reading aid).

Run by hand when widening the lexicon:
    python scripts/mine_petrarch_verbs.py ../shared/data/petrarch_dictionaries/CAMEO.2.0.txt
    python scripts/mine_petrarch_verbs.py DICT --root 17 --root 19     # only some CAMEO roots
    python scripts/mine_petrarch_verbs.py DICT --patterns              # also verb + object patterns

Output (tab-separated, sorted by code): CAMEO code, PLOVER event, the verb (phrasal verbs with
spaces), the dictionary block, and for --patterns the words after the verb. Nothing is written
to the lexicon: a person reads the list and adds the general rows worth having to
src/cablegram/data/lexicon/triggers.tsv in our own format (the dictionary codes a verb for every
sense; many of its verbs are too ambiguous to be triggers on their own).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from cablegram.coder import ontology
from cablegram.coder.lexicon import default_lexicon
from cablegram.errors import CablegramError
from cablegram.petrarch.verbs import VerbDictionary, parse_verb_dictionary


def _plover(code: str) -> str:
    try:
        event, _, _ = ontology.plover_for_cameo(code)
    except CablegramError:
        return "?"
    return event or "-"


def _wanted(code: str | None, roots: set[str]) -> bool:
    return code is not None and code[:2].isdigit() and (not roots or code[:2] in roots)


def missing_verbs(verbs: VerbDictionary, known: set[str], roots: set[str]) -> Iterator[tuple[str, ...]]:
    """(code, PLOVER event, verb, block) for each verb whose head word our lexicon lacks."""
    seen: set[tuple[str, ...]] = set()
    for entries in verbs.verbs.values():
        for entry in entries:
            block = verbs.blocks[entry.block]
            code = (entry.code or block.code).forward
            head = entry.words[min(entry.head, len(entry.words) - 1)]
            if not _wanted(code, roots) or head in known or code is None:
                continue
            row = (code, _plover(code), " ".join(entry.words), block.name)
            if row not in seen:
                seen.add(row)
                yield row


def pattern_rows(verbs: VerbDictionary, roots: set[str]) -> Iterator[tuple[str, ...]]:
    """(code, PLOVER event, block, words after the verb) for patterns coding a root of interest."""
    for block in verbs.blocks:
        for pattern in block.patterns:
            code = pattern.code.forward
            if not _wanted(code, roots) or code is None:
                continue
            words = [
                "|".join(" ".join(alt) for alt in item.alternatives[:4])
                for item in pattern.after
                if item.kind in {"word", "prep"}
            ]
            if words:
                yield (code, _plover(code), block.name, " ".join(words))


def main(argv: list[str] | None = None) -> int:
    """Print the candidate rows; the lexicon itself is edited by hand."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dictionary", type=Path)
    parser.add_argument("--root", action="append", default=[], help="2-digit CAMEO root to keep")
    parser.add_argument("--patterns", action="store_true", help="also list verb + object patterns")
    args = parser.parse_args(argv)
    verbs = parse_verb_dictionary(args.dictionary.read_text(encoding="utf-8"), path=str(args.dictionary))
    known = {t.lemmas[0] for t in default_lexicon().triggers()}
    roots = set(args.root)
    for row in sorted(missing_verbs(verbs, known, roots)):
        print("\t".join(row))
    if args.patterns:
        for row in sorted(pattern_rows(verbs, roots)):
            print("\t".join(("pattern", *row)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
