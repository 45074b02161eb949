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

__all__ = ["KnowledgeBase", "default_kb", "load_user_entries"]

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


class KnowledgeBase:
    """Entries indexed by token n-gram: `match(tokens)` finds the longest entries in a token list."""

    def __init__(self, entries: Iterable[KBEntry] = ()) -> None:
        self._lower: dict[str, list[KBEntry]] = {}
        self._exact: dict[str, list[KBEntry]] = {}
        self._span: dict[str, int] = {}  # lower-cased first token → longest pattern starting with it
        self.entries: list[KBEntry] = []
        self.add(entries)

    def add(self, entries: Iterable[KBEntry]) -> None:
        """Index more entries; they take precedence over entries already there."""
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
                first = toks[0].lower()
                self._span[first] = max(self._span.get(first, 0), len(toks))
                if _is_acronym(key):
                    self._exact.setdefault(key, []).insert(0, entry)
                else:
                    self._lower.setdefault(key.lower(), []).insert(0, entry)

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
        i = 0
        span = self._span
        while i < len(words):
            longest = span.get(words[i].lower().replace("\u2019", "'"), 0)
            for n in range(min(longest, len(words) - i), 0, -1):
                hits = self.lookup(words[i : i + n])
                if hits and not any(w[:1].isupper() for w in words[i : i + n]):
                    hits = [e for e in hits if e.kind == "agent"]  # 'pole', 'china': not names
                if hits:
                    found.append((i, i + n, hits))
                    i += n
                    break
            else:
                i += 1
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
