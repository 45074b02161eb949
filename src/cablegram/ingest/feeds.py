"""RSS and Atom feeds through feedparser: each item a document with its link and date."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date as Date
from typing import Any

from ..errors import IngestError
from ..records import Document, content_hash
from .options import IngestOptions

__all__ = ["html_to_text", "read_feed"]


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (feed summaries are often HTML), paragraphs kept apart."""
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return fragment.strip()
    for block in root.iter("p", "br", "li", "div", "h1", "h2", "h3"):
        block.tail = "\n" + (block.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _entry_text(entry: Any) -> str:
    # Full content when the feed carries it, else the summary; both may be HTML.
    for part in entry.get("content") or ():
        text = html_to_text(part.get("value") or "")
        if text:
            return text
    return html_to_text(entry.get("summary") or "")


def _entry_date(entry: Any) -> Date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return Date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def read_feed(data: bytes, *, label: str, options: IngestOptions) -> Iterator[Document | IngestError]:
    """A document per feed item; E114 when the feed has none (or is not a feed at all)."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f"not a readable feed ({problem})" if problem else "the feed is empty"
        yield IngestError("E114", path=label, detail=detail)
        return
    site = parsed.feed.get("title") or None
    for index, entry in enumerate(parsed.entries, start=1):
        yield _document(entry, index=index, site=site, label=label, options=options)


def _document(
    entry: Any, *, index: int, site: str | None, label: str, options: IngestOptions
) -> Document | IngestError:
    title = (entry.get("title") or "").strip() or None
    text = _entry_text(entry) or title or ""
    link = entry.get("link") or None
    if not text:
        return IngestError("E108", path=label, line=index, detail="feed item without title or text")
    return Document(
        doc_id=str(entry.get("id") or link or content_hash(text)[:16]),
        text=text,
        published=_entry_date(entry) or options.published,
        title=title,
        url=link,
        source=site,
        author=entry.get("author") or None,
        path=f"{label}#{index}",
        input_format="feed",
        meta={"feed_item": str(index)},
    )
