"""Coding posted text on the fly: the pipeline loads lazily, once per process.

`POST /api/code` returns what the pipeline finds without storing it; `POST /api/documents`
codes and stores. Both take a JSON body (`PostedText` / `PostedDocuments`).
"""

from __future__ import annotations

import threading
from datetime import date as Date
from typing import Any

from ..config import Settings
from ..errors import CablegramError, ServeError
from ..records import CodedDocument, Document, content_hash

__all__ = ["Coder", "coded_dict", "posted_document"]


class Coder:
    """A lazily built `Pipeline` shared by all requests (spaCy pipes are not re-entrant: a lock)."""

    def __init__(self, settings: Settings, *, pipeline: Any = None) -> None:
        self.settings = settings
        self._pipeline = pipeline
        self._lock = threading.Lock()

    def code(self, documents: list[Document]) -> list[CodedDocument]:
        """Code the documents (loading the model on first use)."""
        with self._lock:
            if self._pipeline is None:
                from ..pipeline import Pipeline

                self._pipeline = Pipeline(settings=self.settings)
            return list(self._pipeline.code_documents(documents))


def _field(body: dict[str, Any], name: str, kind: type) -> Any:
    value = body.get(name)
    if value is not None and not isinstance(value, kind):
        raise ServeError("E608", detail=f"'{name}' must be a {kind.__name__}")
    return value


def posted_document(body: Any, *, index: int = 0) -> Document:
    """A `Document` from one posted JSON object: `text` or `html`, and optional metadata."""
    if not isinstance(body, dict):
        raise ServeError("E608", detail="expected a JSON object with 'text' or 'html'")
    text, html = _field(body, "text", str), _field(body, "html", str)
    if bool(text and text.strip()) == bool(html and html.strip()):
        raise ServeError("E608", detail="give exactly one of 'text' or 'html', not empty")
    published = _field(body, "published", str)
    try:
        day = Date.fromisoformat(published) if published else None
    except ValueError:
        raise ServeError("E608", detail=f"'published' must be a date as YYYY-MM-DD, got '{published}'") from None
    if html:
        document = _from_html(html)
    else:
        body_text = text or ""  # exactly one of text/html is set (checked above)
        document = Document(doc_id=content_hash(body_text)[:16], text=body_text, input_format="text")
    meta = {k: _field(body, k, str) for k in ("id", "title", "url", "source")}
    return Document(
        doc_id=meta["id"] or document.doc_id,
        text=document.text,
        published=day or document.published,
        title=meta["title"] or document.title,
        url=meta["url"] or document.url,
        source=meta["source"] or document.source or "api",
        input_format=document.input_format,
        path=f"api:{index}",
    )


def _from_html(html: str) -> Document:
    from ..ingest import IngestOptions
    from ..ingest.html import read_html

    for item in read_html(html.encode("utf-8"), label="posted html", options=IngestOptions()):
        if isinstance(item, CablegramError):
            raise ServeError("E608", detail=item.message)
        return item
    raise ServeError("E608", detail="no article text in the posted HTML")


def coded_dict(coded: CodedDocument) -> dict[str, Any]:
    """What `POST /api/code` answers: the text and every record found, with offsets."""
    d = coded.document
    return {
        "doc_id": d.doc_id,
        "title": d.title,
        "published": d.published.isoformat() if d.published else None,
        "text": d.text,
        "events": [e.to_dict() for e in coded.events],
        "quotes": [q.to_dict() for q in coded.quotes],
        "advisories": [a.to_dict() for a in coded.advisories],
    }
