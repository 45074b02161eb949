"""Repeats within one run, keyed on (document id, content).

The same id with the same content is a repeat (the same file passed twice, a feed item seen in
two feeds): read once. The same content under another id is another document (a wire story
syndicated under two ids): read again, so each id gets its events. The same id with different
content is a conflict (E125): ids must name one text. The store keeps the same rule across runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..records import Document

__all__ = ["Deduper", "Verdict"]

Verdict = Literal["new", "repeat", "conflict"]


@dataclass(slots=True)
class Deduper:
    """Remembers each id's content hash for the run (a 16-byte prefix: ~100 bytes an id)."""

    seen: dict[str, bytes] = field(default_factory=dict)

    def verdict(self, document: Document) -> Verdict:
        """'new' the first time an id is seen, 'repeat' for the same id and content again,
        'conflict' for the same id with other content."""
        key = bytes.fromhex(document.content_hash)[:16]
        known = self.seen.get(document.doc_id)
        if known is None:
            self.seen[document.doc_id] = key
            return "new"
        return "repeat" if known == key else "conflict"

    def first_time(self, document: Document) -> bool:
        """True unless this document repeats one already seen (same id and content)."""
        return self.verdict(document) == "new"
