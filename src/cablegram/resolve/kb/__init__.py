"""The actor knowledge base: built-in tables plus user files, indexed by surface form.

Patterns are tokenised the way spaCy tokenises text and looked up as token n-grams: lower-cased
for ordinary names, case-sensitive for short all-capital acronyms (so "IS" or "AP" never match
"is" or "ap"). A proper name (anything but a sector noun) matches only where one of its words is
capitalised in the text: "pole" and "china" are common nouns, "Pole" and "China" are not. Later
entries with the same pattern (user files) come before built-in ones. Entries converted at build
time (source "phoenix...") carry patterns already tokenised (tokens joined by spaces).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from ...config import SETTINGS
from ...errors import ConfigError, ResolutionError
from ...records import KBEntry, kb_entry_from_json
from .tables import builtin_entries

__all__ = ["KnowledgeBase", "default_kb", "entry_rank", "load_user_entries"]

MAX_TOKENS = 12


@lru_cache(maxsize=1)
def _tokenizer():
    import spacy

    return spacy.blank("en").tokenizer


def tokens_of(text: str) -> list[str]:
    """Token texts of a string, as spaCy's English tokenizer splits them."""
    return [t.text for t in _tokenizer()(text.replace("\u2019", "'")) if not t.is_space]


def _is_acronym(pattern: str) -> bool:
    letters = [c for c in pattern if c.isalpha()]
    return 0 < len(letters) <= 5 and all(c.isupper() for c in letters) and " " not in pattern


KIND_ORDER = {"person": 0, "agency": 1, "group": 1, "igo": 1, "ngo": 1, "party": 1, "media": 1, "org": 1,
              "gov": 1, "seat": 2, "state": 3, "demonym": 4, "agent": 5}


def entry_rank(entry: KBEntry) -> float:
    """Which reading of a surface form comes first: people and organisations before places and
    sector nouns; our own tables before the converted Phoenix ones (which file demonyms under the
    state)."""
    return KIND_ORDER.get(entry.kind, 1) + (2.5 if entry.source.startswith("phoenix") else 0)


def _country_of(entry: KBEntry) -> str | None:
    if entry.country or not entry.roles:
        return entry.country
    return max(entry.roles, key=lambda r: (r.start is not None, r.start)).country


class KnowledgeBase:
    """Entries indexed by token n-gram: `match(tokens)` finds the longest entries in a token list.

    Each surface form's entries are kept best first (`entry_rank`, then the latest added), so the
    first entry is the default reading; `ambiguous(entries)` says whether the readings differ in
    country (then the document decides, see resolve.actors).
    """

    def __init__(self, entries: Iterable[KBEntry] = ()) -> None:
        self._lower: dict[str, list[KBEntry]] = {}
        self._exact: dict[str, list[KBEntry]] = {}
        self._span: dict[str, int] = {}  # lower-cased first token → longest pattern starting with it
        self._prefixes: set[str] = set()  # lower-cased token prefixes of every pattern (joined by spaces)
        self._agents: dict[int, list[KBEntry]] = {}  # id(list) → its sector nouns (for lower-case text)
        self.ambiguous_ids: set[int] = set()  # ids of the entry lists whose readings differ in country
        self.entries: list[KBEntry] = []
        self.add(entries)

    def add(self, entries: Iterable[KBEntry]) -> None:
        """Index more entries; they take precedence over entries already there."""
        touched: dict[int, list[KBEntry]] = {}
        for entry in entries:
            self.entries.append(entry)
            pretokenized = entry.source.startswith("phoenix")
            for pattern in entry.patterns:
                toks = pattern.split(" ") if pretokenized else tokens_of(pattern)
                if toks and toks[0].lower() == "the" and len(toks) > 1:
                    toks = toks[1:]
                if not toks or len(toks) > MAX_TOKENS:
                    continue
                key = " ".join(toks)
                low = key.lower()
                first = toks[0].lower()
                self._span[first] = max(self._span.get(first, 0), len(toks))
                for n in range(1, len(toks) + 1):
                    self._prefixes.add(" ".join(toks[:n]).lower())
                bucket = self._exact.setdefault(key, []) if _is_acronym(key) else self._lower.setdefault(low, [])
                bucket.insert(0, entry)
                touched[id(bucket)] = bucket
        for bucket in touched.values():
            bucket.sort(key=entry_rank)  # stable: among equals, the latest added stays first
            self._agents[id(bucket)] = [e for e in bucket if e.kind == "agent"]
            if len({_country_of(e) for e in bucket}) > 1:
                self.ambiguous_ids.add(id(bucket))
            else:
                self.ambiguous_ids.discard(id(bucket))

    def ambiguous(self, entries: list[KBEntry]) -> bool:
        """True when the readings of one surface form (a list from `match`) differ in country."""
        return id(entries) in self.ambiguous_ids

    def first_words(self) -> set[str]:
        """Lower-cased first tokens of every pattern."""
        return set(self._span)

    def lookup(self, words: Sequence[str]) -> list[KBEntry]:
        """Entries whose pattern is exactly these tokens."""
        key = " ".join(words).replace("\u2019", "'")
        return self._exact.get(key) or self._lower.get(key.lower()) or []

    def match(self, words: Sequence[str]) -> list[tuple[int, int, list[KBEntry]]]:
        """Longest non-overlapping matches, left to right: (start, end, entries)."""
        found = []
        low = [w.lower().replace("\u2019", "'") for w in words]
        upper = [w[:1].isupper() for w in words]
        prefixes, exact, lower = self._prefixes, self._exact, self._lower
        i, n = 0, len(words)
        while i < n:
            best: tuple[int, list[KBEntry]] | None = None
            key = ""
            j = i
            while j < n:  # extend while the words are a prefix of some pattern; keep the longest hit
                key = low[j] if j == i else f"{key} {low[j]}"
                if key not in prefixes:
                    break
                j += 1
                hits = lower.get(key)
                if j - i <= 3 and upper[i]:  # acronyms are written in capitals
                    hits = exact.get(" ".join(words[i:j]).replace("\u2019", "'")) or hits
                if hits:
                    if not any(upper[i:j]):
                        hits = self._agents.get(id(hits), [])  # 'pole', 'china': not names
                    if hits:
                        best = (j, hits)
            if best is None:
                i += 1
            else:
                found.append((i, best[0], best[1]))
                i = best[0]
        return found


def load_user_entries(folder: str | Path, *, max_bytes: int | None = None) -> list[KBEntry]:
    """Entries from every *.jsonl file in the user knowledge-base folder (missing folder: none).

    A file over `max_bytes` (default: the kb_max_file_bytes setting) is refused with E507
    before it is read: a runaway file must not exhaust memory in every command.
    """
    root = Path(folder).expanduser()
    entries: list[KBEntry] = []
    if not root.is_dir():
        return entries
    limit = max_bytes if max_bytes is not None else _kb_max_file_bytes()
    for path in sorted(root.glob("*.jsonl")):
        entries.extend(_file_entries(path, limit))
    return entries


def _kb_max_file_bytes() -> int:
    from ...config import Settings

    try:
        return int(Settings.load()["kb_max_file_bytes"])
    except ConfigError:  # a bad environment value: the documented default
        return int(next(s.default for s in SETTINGS if s.name == "kb_max_file_bytes"))


def _file_entries(path: Path, limit: int) -> list[KBEntry]:
    size = path.stat().st_size
    if size > limit:
        raise ConfigError("E507", path=str(path), size=size, limit=limit, unit="bytes", setting="kb_max_file_bytes")
    try:
        text = path.read_text("utf-8")
    except UnicodeDecodeError as exc:
        raise ResolutionError("E201", path=str(path), line=0, detail=f"not valid UTF-8 ({exc.reason})") from None
    entries: list[KBEntry] = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise TypeError("each line must be a JSON object")
            entries.append(kb_entry_from_json(record))
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
            raise ResolutionError("E201", path=str(path), line=n, detail=str(exc)[:200]) from None
    return entries


@lru_cache(maxsize=4)
def default_kb(kb_dir: str = "") -> KnowledgeBase:
    """The built-in tables plus the user folder's files, built once per process."""
    kb = KnowledgeBase(builtin_entries())
    if kb_dir:
        kb.add(load_user_entries(kb_dir))
    return kb
