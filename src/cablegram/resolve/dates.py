"""Event dates (first version: the publication date). Replaced by issue 5's resolver."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import DateRef, DocContext, Document

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["DateResolver"]


class DateResolver:
    def dateline(self, document: Document) -> tuple[DateRef | None, str | None]:
        return None, None

    def resolve(self, doc: Doc, start: int, end: int, ctx: DocContext, *, past: bool = True) -> DateRef:
        published = ctx.document.published
        if published is None:
            return DateRef()
        return DateRef(date=published, precision="day", text=None, basis="publication")
