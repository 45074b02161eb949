"""Event locations (issue 5 replaces this first version, which locates nothing)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..records import Actor, DocContext, Event, Place

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["PlaceResolver"]


class PlaceResolver:
    def locate(self, doc: Doc, event: Event, mentions: Sequence[Actor], ctx: DocContext) -> Place | None:
        return None
