"""PETRARCH XML: `<Sentences><Sentence date="YYYYMMDD" id="..." source="..."><Text>...</Text>`.

Each sentence becomes a document carrying its PETRARCH id, so a PETRARCH user's corpus can be
coded as it is and the results joined back to it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..errors import IngestError, IngestWarning
from ..records import Document, content_hash
from .jsonl import parse_date
from .options import IngestOptions
from .text import clean_text

__all__ = ["looks_petr_xml", "read_petr_xml"]


def looks_petr_xml(head: str) -> bool:
    """True when the start of a file shows PETRARCH's <Sentences>/<Sentence> elements."""
    return "<Sentence " in head or "<Sentences>" in head or "<Sentence>" in head


def _parse(data: bytes, label: str) -> Any:
    from lxml import etree

    # No network, no entities: an input file must never make us fetch or expand anything.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        return etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise IngestError("E116", path=label, detail=str(exc)) from None


def read_petr_xml(data: bytes, *, label: str, options: IngestOptions) -> Iterator[Document | IngestError]:
    """A document per <Sentence>; E116 for bad markup, E108 for a sentence without text, and an
    E124 warning before a sentence read without its bad date."""
    try:
        root = _parse(data, label)
    except IngestError as exc:
        yield exc
        return
    sentences = [root] if root.tag == "Sentence" else list(root.iter("Sentence"))
    if not sentences:
        yield IngestError("E116", path=label, detail="no <Sentence> elements")
        return
    for sentence in sentences:
        yield from _items(sentence, label=label, options=options)


def _items(sentence: Any, *, label: str, options: IngestOptions) -> Iterator[Document | IngestError]:
    line = sentence.sourceline or 0
    node = sentence.find("Text")
    # itertext: markup inside <Text> (<b>Russia</b> attacked...) keeps its words.
    text = clean_text(" ".join("".join(node.itertext()).split())) if node is not None else ""
    if not text:
        yield IngestError("E108", path=label, line=line, detail="<Sentence> without <Text>")
        return
    published = options.published
    raw_date = sentence.get("date")
    if raw_date:
        try:
            published = parse_date(raw_date)
        except (ValueError, OverflowError) as exc:
            yield IngestWarning("E124", value=raw_date[:80], path=f"{label}:{line}", detail=str(exc))
    meta = {k: v for k, v in sentence.attrib.items() if k not in {"id", "date", "source"}}
    yield Document(
        doc_id=sentence.get("id") or content_hash(text)[:16],
        text=text,
        published=published,
        source=sentence.get("source") or None,
        path=f"{label}:{line}",
        input_format="petr-xml",
        meta=meta,
    )
