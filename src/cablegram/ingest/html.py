"""HTML pages through trafilatura: the article body only, with its metadata.

Navigation, comments, share boxes, photo captions and author bio boxes are pruned before
extraction (a bio saying someone "worked as an observer in Afghanistan" is not an event);
title, author, date, site name and URL are kept on the Document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date as Date
from typing import Any

from ..errors import IngestError
from ..records import Document, content_hash
from .options import IngestOptions
from .text import clean_text, decode_bytes, is_text_codec

__all__ = ["PRUNE_XPATH", "fetch_url", "looks_truncated", "read_html"]

# Class or id words of boxes that are not the article. Matched as whole words of the
# attribute (after splitting on - and _), so "author-bio" matches "bio" but "biology" does not.
_BOX_WORDS = (
    "bio", "byline-bio", "author-box", "authorbox", "about-author", "share", "sharing", "social",
    "caption", "credit", "comments", "comment", "related", "newsletter", "promo", "subscribe",
    "breadcrumb", "breadcrumbs", "tags", "advert", "ad",
)


def _word_test(attr: str, word: str) -> str:
    # Normalise separators to spaces, then look for the word with spaces around it.
    norm = f"concat(' ', translate(normalize-space(@{attr}), '-_', '  '), ' ')"
    spaced = word.replace("-", " ")
    return f"contains({norm}, ' {spaced} ')"


PRUNE_XPATH: list[str] = [
    "//nav", "//aside", "//figcaption", "//footer", "//header[not(.//h1)]", "//form",
    *(f"//*[{_word_test('class', w)} or {_word_test('id', w)}]" for w in _BOX_WORDS),
]

_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_CLOSE_TAG = re.compile(rb"</(html|body)\s*>", re.IGNORECASE)
_OPEN_TAG = re.compile(rb"<(html|body)[\s>]", re.IGNORECASE)
_TAG = re.compile(rb"<[A-Za-z][^<>]*>")
# No real element carries this many attributes; the HTML parser's cost grows with their square
# (200,000 attributes on one tag ran for minutes), so such a page is refused up front.
MAX_ATTRIBUTES = 256


def looks_truncated(data: bytes) -> bool:
    """True when a page opens <html> or <body> but never closes either: cut off in transfer."""
    return bool(_OPEN_TAG.search(data[:65536])) and not _CLOSE_TAG.search(data[-65536:])


def _page_encoding(data: bytes, requested: str) -> str:
    """The page's own <meta charset> when the user left the default; pages say what they are."""
    if requested.lower().replace("_", "-") not in {"utf-8", "utf8"}:
        return requested
    declared = _META_CHARSET.search(data[:4096])
    if declared is None:
        return requested
    name = declared.group(1).decode("ascii")
    if not is_text_codec(name):
        return requested  # a made-up or non-text charset (rot13, base64): fall back to UTF-8
    return name


def _crowded_tag(data: bytes) -> int | None:
    """The attribute count of the first tag with more than MAX_ATTRIBUTES, else None."""
    for match in _TAG.finditer(data):
        tag = match.group()
        if len(tag) > MAX_ATTRIBUTES * 2 and tag.count(b"=") > MAX_ATTRIBUTES:
            return tag.count(b"=")
    return None


def _published(value: Any) -> Date | None:
    try:
        return Date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None  # trafilatura found something date-like we cannot trust


def read_html(
    data: bytes, *, label: str, options: IngestOptions, url: str | None = None
) -> Iterator[Document | IngestError]:
    """One document: the article text of the page, or E113 when none can be found."""
    if len(data) > options.max_html_bytes:
        yield IngestError("E126", path=label, size=len(data), limit=options.max_html_bytes,
                          setting="max_html_bytes")
        return
    if looks_truncated(data):
        yield IngestError("E113", path=label, detail="the page ends before </body> or </html>")
        return
    crowded = _crowded_tag(data)
    if crowded is not None:
        yield IngestError("E113", path=label, detail=f"a tag has {crowded} attributes (over {MAX_ATTRIBUTES})")
        return
    try:
        html = decode_bytes(data, label=label, encoding=_page_encoding(data, options.encoding))
    except IngestError as exc:
        yield exc
        return
    extracted = _extract(html, url)
    if extracted is None or not (extracted.text or "").strip():
        yield IngestError("E113", path=label, detail="no article body found")
        return
    yield _document(extracted, label=label, options=options, url=url)


def _extract(html: str, url: str | None) -> Any:
    import trafilatura

    try:
        return _bare_extraction(trafilatura, html, url)
    except (ValueError, TypeError, AttributeError, IndexError, KeyError, RecursionError):
        return None  # markup trafilatura cannot walk: reported as "no article body" (E113)


def _bare_extraction(trafilatura: Any, html: str, url: str | None) -> Any:
    return trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_tables=False,
        favor_precision=True,
        prune_xpath=PRUNE_XPATH,
    )


def _document(extracted: Any, *, label: str, options: IngestOptions, url: str | None) -> Document:
    text = clean_text(extracted.text.strip())
    keys = ("description", "hostname", "categories")
    meta = {k: clean_text(str(v)) for k in keys if (v := getattr(extracted, k, None))}
    return Document(
        doc_id=content_hash(text)[:16],
        text=text,
        published=_published(extracted.date) or options.published,
        title=_clean(extracted.title),
        url=_clean(extracted.url or url),
        source=_clean(extracted.sitename or extracted.hostname),
        author=_clean(extracted.author),
        path=label,
        input_format="html",
        meta=meta,
    )


def _clean(value: Any) -> str | None:
    return clean_text(str(value)) if value else None


def fetch_url(url: str, *, timeout: float = 20.0) -> bytes:
    """The body of `url`; E120 when there is no network or the server refuses.

    The only place cablegram touches the network, and only for URLs the user passes.
    """
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "cablegram (+offline-first)"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - user's URL
            return response.read()
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise IngestError("E120", url=url, detail=str(getattr(exc, "reason", exc))) from None
