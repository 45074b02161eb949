"""The DuckDB store: documents, events and their evidence, with numbered migrations.

>>> from cablegram.store import MemoryStore
>>> store = MemoryStore()
>>> store.write([]).added_docs
0
"""

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
