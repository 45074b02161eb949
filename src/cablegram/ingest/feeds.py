"""RSS and Atom feeds through feedparser: each item a document with its link and date."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date as Date
from typing import Any

from ..errors import IngestError
from ..records import Document, content_hash
from .options import IngestOptions
from .text import clean_text

_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")

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
            try:
                return Date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            except (ValueError, TypeError, OverflowError):
                continue  # a date feedparser half-understood: try the next field
    return None


def _safe_char_ref(match: re.Match[bytes]) -> bytes:
    hex_digits, digits = match.group(1), match.group(2)
    code = int(hex_digits, 16) if hex_digits else int(digits)
    # Surrogates and numbers past U+10FFFF are no characters: feedparser would crash on them.
    return b"&#xFFFD;" if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF else match.group(0)


def read_feed(data: bytes, *, label: str, options: IngestOptions) -> Iterator[Document | IngestError]:
    """A document per feed item; E114 when the feed has none (or is not a feed at all), E128
    after the items when the XML breaks off part-way (the items before the fault are read)."""
    import feedparser

    parsed = feedparser.parse(_CHAR_REF.sub(_safe_char_ref, data))
    problem = parsed.get("bozo_exception")
    if not parsed.entries:
        detail = f"not a readable feed ({problem})" if problem else "the feed is empty"
        yield IngestError("E114", path=label, detail=detail)
        return
    site = clean_text(parsed.feed.get("title") or "") or None
    for index, entry in enumerate(parsed.entries, start=1):
        yield _document(entry, index=index, site=site, label=label, options=options)
    if _is_syntax_error(problem):
        detail = f"the XML is malformed ({problem}); {len(parsed.entries)} items were read"
        yield IngestError("E128", path=label, detail=detail)


def _is_syntax_error(problem: object) -> bool:
    # feedparser also flags harmless things (a charset it overrode); only broken markup counts.
    from xml.sax import SAXException

    return isinstance(problem, SAXException)


def _document(
    entry: Any, *, index: int, site: str | None, label: str, options: IngestOptions
) -> Document | IngestError:
    title = clean_text(entry.get("title") or "").strip() or None
    text = clean_text(_entry_text(entry)) or title or ""
    link = clean_text(entry.get("link") or "") or None
    if not text:
        return IngestError("E108", path=label, line=index, detail="feed item without title or text")
    return Document(
        doc_id=clean_text(str(entry.get("id") or link or content_hash(text)[:16])),
        text=text,
        published=_entry_date(entry) or options.published,
        title=title,
        url=link,
        source=site,
        author=clean_text(entry.get("author") or "") or None,
        path=f"{label}#{index}",
        input_format="feed",
        meta={"feed_item": str(index)},
    )
