"""Parser for PETRARCH verb dictionaries in the CAMEO 2.0 layout.

The file has synonym sets (``&NAME`` then ``+MEMBER`` lines, members may name other sets),
then verb blocks::

    --- NAME [CODE] ---          block header with the default code
    VERB {FORM FORM} [CODE]      a verb, its irregular forms, an optional own code
    +CORDON_OFF {...}            a phrasal verb: the '+'-marked word is the verb
    - PRE * POST [CODE]          a pattern: '*' stands for the verb; (PREP ...) a
                                 prepositional phrase, {A B} a phrase, &SET a synonym set,
                                 $ the source, + the target, ^ any word, % a compound actor

A code ``A:B`` codes A from source to target and B back from target to source; ``---`` means
"no event". Patterns of a block apply to every verb of the block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import CodingError
from .dictionaries import phrase_words, strip_comment

__all__ = [
    "PatternItem",
    "VerbBlock",
    "VerbCode",
    "VerbDictionary",
    "VerbEntry",
    "VerbPattern",
    "parse_verb_dictionary",
]

_HEADER = re.compile(r"^-{3}\s*(.+?)\s*\[([^\]]*)\]\s*-{3}")
_CODE = re.compile(r"\[([^\]]*)\]\s*$")
_TOKEN = re.compile(r"\(|\)|\{|\}|\*|\$|\^|%|\+(?=\s|\)|\}|$)|[^\s(){}]+")


@dataclass(frozen=True, slots=True, kw_only=True)
class VerbCode:
    """What a match codes: `forward` source→target, `backward` target→source (None: nothing)."""

    forward: str | None
    backward: str | None = None

    @classmethod
    def parse(cls, raw: str) -> VerbCode:
        """'050', '040:040', ':080', '---' → a VerbCode; '---' and empty parts code nothing."""
        fwd, _, back = raw.strip().partition(":")

        def clean(part: str) -> str | None:
            part = part.strip().upper()
            return None if not part or part.startswith("---") else part

        return cls(forward=clean(fwd), backward=clean(back))


@dataclass(frozen=True, slots=True, kw_only=True)
class PatternItem:
    """One element of a pattern: a word (alternative word tuples), a slot ($ + ^ %) or a prep."""

    kind: str  # "word" | "prep" | "source" | "target" | "skip" | "compound"
    alternatives: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class VerbPattern:
    """A pattern: items before and after the verb, and its code."""

    before: tuple[PatternItem, ...]
    after: tuple[PatternItem, ...]
    code: VerbCode
    line: int

    @property
    def weight(self) -> int:
        """How specific the pattern is: its word and preposition items."""
        return sum(1 for i in self.before + self.after if i.kind in {"word", "prep"})

    @property
    def compound(self) -> bool:
        """True when the pattern codes events among the members of a compound subject."""
        return any(i.kind == "compound" for i in self.before + self.after)


@dataclass(frozen=True, slots=True, kw_only=True)
class VerbEntry:
    """A verb: its words (phrasal verbs have several), the verb's index, its forms, its code."""

    words: tuple[str, ...]
    head: int
    forms: tuple[tuple[str, ...], ...]
    code: VerbCode | None
    block: int


@dataclass(frozen=True, slots=True, kw_only=True)
class VerbBlock:
    """A block of synonymous verbs sharing a default code and patterns."""

    name: str
    code: VerbCode
    patterns: tuple[VerbPattern, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class VerbDictionary:
    """A parsed verb dictionary: blocks, verbs (indexed by head word) and synonym sets."""

    blocks: tuple[VerbBlock, ...]
    verbs: dict[str, tuple[VerbEntry, ...]]
    synsets: dict[str, tuple[tuple[str, ...], ...]]


def _verb_words(raw: str) -> tuple[tuple[str, ...], int]:
    """Words of a verb phrase and the index of the verb ('+'-marked, else the first)."""
    parts = [p for p in re.split(r"[_\s]+", raw.strip()) if p]
    head = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
    return tuple(p.lstrip("+").lower() for p in parts), head


class _Parser:
    """Reads the file line by line; state is the current synset or block."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.raw_sets: dict[str, list[str]] = {}
        self.blocks: list[tuple[str, VerbCode, list[tuple[str, str, int]]]] = []
        self.verbs: list[tuple[str, int]] = []
        self.current_set: str | None = None

    def feed(self, lineno: int, line: str) -> None:
        body = strip_comment(line)
        if not body.strip():
            return
        text = body.strip()
        if text.startswith("&") and not self.blocks:
            self.current_set = text.split()[0].strip("&_").upper()
            self.raw_sets.setdefault(self.current_set, [])
        elif text.startswith("+") and self.current_set and not self.blocks:
            self.raw_sets[self.current_set].append(text[1:].strip())
        elif m := _HEADER.match(text):
            self.current_set = None
            self.blocks.append((m.group(1).strip(), VerbCode.parse(m.group(2)), []))
        elif not self.blocks:
            raise CodingError("E303", path=self.path, line=lineno, detail=f"unexpected line '{text}'")
        elif "*" in text and (text.startswith("-") or text.startswith("*")):
            self._pattern(lineno, text)
        else:
            self.verbs.append((text, lineno))
            self.blocks[-1][2].append(("verb", text, lineno))

    def _pattern(self, lineno: int, text: str) -> None:
        m = _CODE.search(text)
        if not m:
            raise CodingError("E303", path=self.path, line=lineno, detail="pattern without [CODE]")
        self.blocks[-1][2].append(
            ("pattern", text[: m.start()].lstrip("-").strip() + f" [{m.group(1)}]", lineno)
        )


def _expand_set(
    name: str, raw: dict[str, list[str]], seen: frozenset[str] = frozenset()
) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for member in raw.get(name, []):
        if member.startswith("&"):
            sub = member.split()[0].strip("&_").upper()
            if sub not in seen:
                out.extend(_expand_set(sub, raw, seen | {name}))
        else:
            words = phrase_words(member.replace("(", " ").replace(")", " "))
            if words:
                out.append(words)
    return out


def _items(
    text: str, synsets: dict[str, tuple[tuple[str, ...], ...]], path: str, line: int
) -> list[PatternItem]:
    """Turn the pattern text on one side of '*' into items."""
    items: list[PatternItem] = []
    in_prep = False
    for tok in _TOKEN.findall(text):
        if tok in "{}":
            continue
        if tok == "(":
            in_prep = True
            continue
        if tok == ")":
            in_prep = False
            continue
        kind = {"$": "source", "+": "target", "^": "skip", "%": "compound"}.get(tok)
        if kind:
            items.append(PatternItem(kind=kind))
            continue
        if tok.startswith("&"):
            # An undefined set (the shipped dictionaries have a few) makes a pattern that
            # never matches, rather than rejecting the whole file.
            alts = synsets.get(tok.strip("&_").upper(), ())
        else:
            alts = (phrase_words(tok),)
        items.append(PatternItem(kind="prep" if in_prep else "word", alternatives=alts))
        in_prep = False
    return items


def _verb_entry(text: str, block: int, block_code: VerbCode) -> VerbEntry:
    code = None
    if m := _CODE.search(text):
        code = VerbCode.parse(m.group(1))
        text = text[: m.start()]
    forms_raw = ""
    if fm := re.search(r"\{([^}]*)\}", text):
        forms_raw = fm.group(1)
        text = text[: fm.start()] + text[fm.end() :]
    words, head = _verb_words(text)
    forms = [words] + [_verb_words(f)[0] for f in forms_raw.split() if f.strip()]
    return VerbEntry(words=words, head=head, forms=tuple(forms), code=code, block=block)


def parse_verb_dictionary(text: str, *, path: str = "<verbs>") -> VerbDictionary:
    """Parse a CAMEO 2.0 style verb dictionary; malformed lines raise E303 with their number."""
    parser = _Parser(path)
    for lineno, line in enumerate(text.split("\n"), start=1):
        parser.feed(lineno, line)
    synsets = {name: tuple(_expand_set(name, parser.raw_sets)) for name in parser.raw_sets}
    blocks: list[VerbBlock] = []
    verbs: dict[str, list[VerbEntry]] = {}
    for b_index, (name, code, lines) in enumerate(parser.blocks):
        patterns: list[VerbPattern] = []
        for kind, body, lineno in lines:
            if kind == "verb":
                entry = _verb_entry(body, b_index, code)
                for form in entry.forms:
                    if form:
                        verbs.setdefault(form[min(entry.head, len(form) - 1)], []).append(entry)
                continue
            pm = _CODE.search(body)
            if pm is None:  # cannot happen: _pattern only stores lines with a code
                continue
            before, _, after = body[: pm.start()].partition("*")
            patterns.append(
                VerbPattern(
                    before=tuple(_items(before, synsets, path, lineno)),
                    after=tuple(_items(after, synsets, path, lineno)),
                    code=VerbCode.parse(pm.group(1)),
                    line=lineno,
                )
            )
        blocks.append(VerbBlock(name=name, code=code, patterns=tuple(patterns)))
    return VerbDictionary(
        blocks=tuple(blocks),
        verbs={k: tuple(dict.fromkeys(v)) for k, v in verbs.items()},
        synsets=synsets,
    )
