"""Dedup within one run: the same normalised content is yielded once, wherever it came from.

Across runs the store dedups by the same key (`records.content_hash`), so a second run over a
folder adds nothing there either.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import Document

__all__ = ["Deduper"]


@dataclass(slots=True)
class Deduper:
    """Remembers the content hashes seen so far (32 bytes each: a million docs is ~100 MB)."""

    seen: set[bytes] = field(default_factory=set)

    def first_time(self, document: Document) -> bool:
        """True the first time this content is seen in the run, False for every repeat."""
        key = bytes.fromhex(document.content_hash)
        if key in self.seen:
            return False
        self.seen.add(key)
        return True
