"""The DuckDB store: documents, events and their evidence, with numbered migrations.

>>> from cablegram.store import MemoryStore
>>> store = MemoryStore()
>>> store.write([]).added_docs
0

Names are loaded on first use (PEP 562), so importing a light submodule such as
`cablegram.store.cells` does not import DuckDB or pyarrow.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .base import DuckDBStore, MemoryStore, Store, WriteReport, open_store
    from .filters import EventFilter, count_events, search_documents, search_events

__all__ = [
    "DuckDBStore",
    "EventFilter",
    "MemoryStore",
    "Store",
    "WriteReport",
    "count_events",
    "open_store",
    "search_documents",
    "search_events",
]

_HOMES = {
    "DuckDBStore": "base",
    "MemoryStore": "base",
    "Store": "base",
    "WriteReport": "base",
    "open_store": "base",
    "EventFilter": "filters",
    "count_events": "filters",
    "search_documents": "filters",
    "search_events": "filters",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # once loaded, a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
