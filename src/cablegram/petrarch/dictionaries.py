"""Parsers for PETRARCH-format actor, agent and discard dictionaries.

The formats (described in the dictionaries' own header comments):

- actors: a line ``NAME [CODE]`` or ``NAME`` alone, then ``+SYNONYM`` lines and indented
  ``[CODE <YYMMDD]``, ``[CODE >YYMMDD]``, ``[CODE YYMMDD-YYMMDD]`` role lines. Words are joined
  by ``_`` or spaces; ``#`` starts a comment; ``<!-- ... -->`` blocks are comments.
- agents: ``PHRASE {PLURAL ...} [~CODE]`` (suffix: the agent code follows the country) or
  ``[CODE~]`` (prefix); ``{}`` means "no plural"; ``!NAME! = A, B`` defines substitutions.
- discards: one phrase a line; a leading ``+`` discards the whole story, else the sentence.

Everything is returned as typed records; KB entries come out through `to_kb_entries`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import timedelta
from pathlib import Path

from ..errors import ResolutionError
from ..records import KBEntry, KBRole, stable_id

__all__ = [
    "ActorEntry",
    "AgentEntry",
    "DatedCode",
    "DiscardEntry",
    "parse_actor_dictionary",
    "parse_agent_dictionary",
    "parse_discard_dictionary",
    "phrase_words",
    "plural_forms",
    "strip_comment",
    "to_kb_entries",
]

_HTML_COMMENT = re.compile(r"<!.*?-->", re.S)
_CODE_BLOCK = re.compile(r"\[([^\]]*)\]")
_ROLE = re.compile(r"^\s*([^\s<>\d][^\s<>]*)?\s*(?:([<>])\s*(\d+)|(\d+)\s*-\s*(\d+))?\s*$")
_SUBST = re.compile(r"^!(\w+)!\s*=\s*(.+)$")


@dataclass(frozen=True, slots=True, kw_only=True)
class DatedCode:
    """A code valid between two dates (either bound may be open)."""

    code: str
    start: Date | None = None
    end: Date | None = None

    def covers(self, when: Date | None) -> bool:
        """True when `when` lies inside the bounds (an unknown date matches only undated codes)."""
        if self.start is None and self.end is None:
            return True
        if when is None:
            return False
        return (self.start is None or when >= self.start) and (self.end is None or when <= self.end)


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorEntry:
    """One actor: its phrases (word tuples) and codes; dated codes are tried in file order."""

    name: str
    phrases: tuple[tuple[str, ...], ...]
    code: str | None = None
    dated: tuple[DatedCode, ...] = ()
    line: int = 0

    def code_on(self, when: Date | None) -> str | None:
        """The code for an event on `when`: the first dated code that covers it, else the default."""
        for dc in self.dated:
            if (dc.start or dc.end) and dc.covers(when):
                return dc.code
        return self.code


@dataclass(frozen=True, slots=True, kw_only=True)
class AgentEntry:
    """One agent phrase (singular and plural forms) with its code and where the code goes."""

    name: str
    phrases: tuple[tuple[str, ...], ...]
    code: str
    prefix: bool = False
    line: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class DiscardEntry:
    """A phrase that discards the sentence (or the whole story when `story` is true)."""

    phrase: tuple[str, ...]
    story: bool = False


def phrase_words(raw: str) -> tuple[str, ...]:
    """Split a dictionary phrase into lower-case words the way our tokenizer splits text.

    Underscores and spaces separate words; hyphens between letters become their own word,
    as the spaCy English tokenizer makes them; a trailing ``_`` (an exact-match mark) is dropped.
    """
    words: list[str] = []
    for part in re.split(r"[_\s]+", raw.strip().lower()):
        if not part:
            continue
        pieces = re.split(r"(?<=\w)(-)(?=\w)", part)
        words.extend(p for p in pieces if p)
    return tuple(words)


def plural_forms(word: str) -> tuple[str, ...]:
    """Regular English plurals of a (lower-case) noun, as PETRARCH generates for agents."""
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return (word + "es",)
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return (word[:-1] + "ies",)
    if word.endswith("man"):
        return (word[:-3] + "men",)
    return (word + "s",)


def strip_comment(line: str) -> str:
    """The line without its '#' comment; a '#' inside a [code block] is not a comment."""
    depth = 0
    for i, ch in enumerate(line):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        elif ch == "#" and depth == 0:
            return line[:i].rstrip()
    return line.rstrip()


def _strip_comments(text: str) -> list[str]:
    """Lines with HTML comment blocks blanked (keeping line numbers) and '#' comments cut."""

    def blank(m: re.Match[str]) -> str:
        return "\n" * m.group(0).count("\n")

    text = _HTML_COMMENT.sub(blank, text)
    return [strip_comment(line) for line in text.split("\n")]


def _parse_date(raw: str) -> Date:
    """YYMMDD (years <= 30 are 20YY) or YYYYMMDD; ValueError on anything else."""
    if len(raw) == 6:
        yy = int(raw[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        return Date(year, int(raw[2:4]), int(raw[4:6]))
    if len(raw) == 8:
        return Date(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))
    raise ValueError(raw)


def _dated_code(block: str, path: str, lineno: int) -> DatedCode:
    m = _ROLE.match(block)
    if not m or not (m.group(1) or "").strip():
        raise ResolutionError("E201", path=path, line=lineno, detail=f"bad code block '[{block}]'")
    code = m.group(1).strip().upper()
    try:
        # '<D' and '>D' exclude D itself; a range 'D1-D2' includes both ends.
        if m.group(2) == "<":
            return DatedCode(code=code, end=_parse_date(m.group(3)) - timedelta(days=1))
        if m.group(2) == ">":
            return DatedCode(code=code, start=_parse_date(m.group(3)) + timedelta(days=1))
        if m.group(4):
            return DatedCode(code=code, start=_parse_date(m.group(4)), end=_parse_date(m.group(5)))
    except ValueError:
        raise ResolutionError("E201", path=path, line=lineno, detail=f"bad date in '[{block}]'") from None
    return DatedCode(code=code)


class _ActorBuilder:
    """Accumulates one actor entry while its lines are read."""

    def __init__(self, name: str, line: int) -> None:
        self.name, self.line = name, line
        self.phrases: list[tuple[str, ...]] = [phrase_words(name)]
        self.codes: list[DatedCode] = []

    def build(self) -> ActorEntry | None:
        undated = [c.code for c in self.codes if c.start is None and c.end is None]
        dated = tuple(c for c in self.codes if c.start is not None or c.end is not None)
        if not undated and not dated:
            return None
        return ActorEntry(
            name=self.name.strip("_ ").replace("_", " "),
            phrases=tuple(p for p in self.phrases if p),
            code=undated[0] if undated else None,
            dated=dated,
            line=self.line,
        )


def parse_actor_dictionary(
    text: str,
    *,
    path: str = "<actors>",
    strict: bool = False,
    problems: list[ResolutionError] | None = None,
) -> list[ActorEntry]:
    """Parse an actor dictionary.

    A malformed line raises E201 when `strict`; otherwise it is skipped and its error appended
    to `problems` (the shipped Phoenix dictionaries have a handful of such lines).
    """
    entries: list[ActorEntry] = []
    state: dict[str, _ActorBuilder | None] = {"current": None}
    for lineno, line in enumerate(_strip_comments(text), start=1):
        if not line.strip():
            continue
        try:
            _actor_line(line, lineno, path, state, entries)
        except ResolutionError as exc:
            if strict:
                raise
            if problems is not None:
                problems.append(exc)
    current = state["current"]
    if current is not None and (built := current.build()):
        entries.append(built)
    return entries


def _actor_line(
    line: str, lineno: int, path: str, state: dict[str, _ActorBuilder | None], entries: list[ActorEntry]
) -> None:
    """Read one non-blank line into the current entry (or start a new one)."""
    indented = line[0] in " \t"
    body = line.strip()
    if body.count("[") != body.count("]"):
        raise ResolutionError("E201", path=path, line=lineno, detail="unbalanced '[' or ']'")
    blocks = _CODE_BLOCK.findall(body)
    words = _CODE_BLOCK.sub(" ", body).strip()
    current = state["current"]
    if words.startswith("+"):
        if current is None:
            raise ResolutionError("E201", path=path, line=lineno, detail="synonym before any actor")
        current.phrases.append(phrase_words(words[1:]))
    elif words and not indented:
        if current is not None and (built := current.build()):
            entries.append(built)
        current = state["current"] = _ActorBuilder(words, lineno)
    elif words:
        raise ResolutionError("E201", path=path, line=lineno, detail=f"unexpected text '{words}'")
    for block in blocks:
        if current is None:
            raise ResolutionError("E201", path=path, line=lineno, detail="code block before any actor")
        current.codes.append(_dated_code(block, path, lineno))


def _expand_substitutions(phrase: str, subst: dict[str, list[str]]) -> list[str]:
    m = re.search(r"!(\w+)!", phrase)
    if not m:
        return [phrase]
    out: list[str] = []
    for value in subst.get(m.group(1).upper(), [m.group(0)]):
        out.extend(_expand_substitutions(phrase[: m.start()] + value + phrase[m.end() :], subst))
    return out


def _agent_forms(phrase: str, plurals: str | None) -> list[tuple[str, ...]]:
    """The singular and plural word tuples of one agent phrase."""
    words = phrase_words(phrase)
    if not words:
        return []
    forms = [words]
    if plurals is None:
        # The head noun takes the plural: the word before "of" ("ministers of ..."), else the last.
        at = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
        forms.extend(words[:at] + (p,) + words[at + 1 :] for p in plural_forms(words[at]))
    else:
        forms.extend(phrase_words(p) for p in plurals.split() if p.strip())
    return forms


def parse_agent_dictionary(
    text: str,
    *,
    path: str = "<agents>",
    strict: bool = False,
    problems: list[ResolutionError] | None = None,
) -> list[AgentEntry]:
    """Parse an agent dictionary into entries with all their singular and plural forms.

    Malformed lines raise E201 when `strict`, else are skipped and reported in `problems`.
    """
    subst: dict[str, list[str]] = {}
    entries: list[AgentEntry] = []
    for lineno, line in enumerate(_strip_comments(text), start=1):
        body = line.strip()
        if not body:
            continue
        if m := _SUBST.match(body):
            subst[m.group(1).upper()] = [v.strip() for v in m.group(2).split(",") if v.strip()]
            continue
        blocks = _CODE_BLOCK.findall(body)
        if len(blocks) != 1 or "~" not in blocks[0]:
            exc = ResolutionError(
                "E201", path=path, line=lineno, detail="expected 'PHRASE [~CODE]' or '[CODE~]'"
            )
            if strict:
                raise exc
            if problems is not None:
                problems.append(exc)
            continue
        entries.extend(_agent_entries(body, blocks[0].strip(), subst, lineno))
    return entries


def _agent_entries(body: str, raw_code: str, subst: dict[str, list[str]], lineno: int) -> list[AgentEntry]:
    head = _CODE_BLOCK.sub(" ", body)
    plurals = None
    if pm := re.search(r"\{([^}]*)\}", head):
        plurals = pm.group(1)
        head = head[: pm.start()] + head[pm.end() :]
    return [
        AgentEntry(
            name=phrase.strip("_ ").replace("_", " "),
            phrases=tuple(_agent_forms(phrase, plurals)),
            code=raw_code.replace("~", "").strip().upper(),
            prefix=raw_code.endswith("~"),
            line=lineno,
        )
        for phrase in _expand_substitutions(head.strip(), subst)
    ]


def parse_discard_dictionary(text: str) -> list[DiscardEntry]:
    """Parse a discard list: '+PHRASE' discards the story, 'PHRASE' the sentence."""
    out: list[DiscardEntry] = []
    for line in _strip_comments(text):
        body = line.split(";", 1)[0].strip()
        if not body:
            continue
        story = body.startswith("+")
        words = phrase_words(body.lstrip("+"))
        if words:
            out.append(DiscardEntry(phrase=words, story=story))
    return out


def _pattern_text(words: tuple[str, ...]) -> str:
    """Words back to a surface phrase ("al - qaeda" → "al-qaeda")."""
    return " ".join(words).replace(" - ", "-")


def _role(dc: DatedCode) -> KBRole:
    country = dc.code[:3] if len(dc.code) >= 3 else None
    sector = dc.code[3:6] or None
    return KBRole(country=country, sector=sector, cameo_code=dc.code, start=dc.start, end=dc.end)


def to_kb_entries(
    actors: list[ActorEntry] = (),  # type: ignore[assignment]
    agents: list[AgentEntry] = (),  # type: ignore[assignment]
    *,
    source: str,
) -> list[KBEntry]:
    """Actor and agent entries as knowledge-base records (kind person/state/group/agent)."""
    out: list[KBEntry] = []
    for a in actors:
        code = a.code or (a.dated[-1].code if a.dated else None)
        kind = "person" if a.dated else ("state" if code and len(code) == 3 else "group")
        out.append(
            KBEntry(
                kb_id=stable_id(source, "actor", a.name, a.line),
                name=a.name.title(),
                patterns=tuple(_pattern_text(p) for p in a.phrases),
                kind=kind,
                country=code[:3] if code and len(code) >= 3 else None,
                sector=(code[3:6] or None) if code else None,
                cameo_code=code,
                roles=tuple(_role(dc) for dc in a.dated),
                source=source,
            )
        )
    for g in agents:
        out.append(
            KBEntry(
                kb_id=stable_id(source, "agent", g.name, g.line),
                name=g.name.lower(),
                patterns=tuple(_pattern_text(p) for p in g.phrases),
                kind="agent",
                sector=g.code[:3] or None,
                cameo_code=g.code,
                source=source,
            )
        )
    return out


@dataclass(slots=True, kw_only=True)
class _Files:
    actors: list[Path] = field(default_factory=list)
    agents: list[Path] = field(default_factory=list)
    verbs: list[Path] = field(default_factory=list)
    discards: list[Path] = field(default_factory=list)


def classify_files(folder: Path) -> _Files:
    """Sort the dictionary files of a folder by kind, from their names."""
    files = _Files()
    for p in sorted(folder.iterdir()):
        low = p.name.lower()
        if not p.is_file() or not low.endswith(".txt"):
            continue
        if "actors" in low:
            files.actors.append(p)
        elif "agents" in low:
            files.agents.append(p)
        elif "discard" in low:
            files.discards.append(p)
        elif "verb" in low or low.startswith("cameo"):
            files.verbs.append(p)
    return files
