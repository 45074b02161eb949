"""Answers of the expensive aggregate queries, kept per store version.

A snapshot never changes, so a summary, a dyad series or an actor profile computed from it stays
true for as long as that snapshot is served; a newer snapshot has a new version and misses the
cache. At a million events the overview's summary and top dyads take seconds, a dyad series a
tenth of one: kept here, a second look is instant. Bounded (LRU); `size` 0 turns it off (the
benchmark measures uncached queries).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from ..store import Store
from .source import SnapshotStore

__all__ = ["ResultCache"]

T = TypeVar("T")


class ResultCache:
    """An LRU map of (store version, key) → result, shared by all requests."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.hits = 0
        self._data: OrderedDict[tuple[int, Hashable], Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, store: Store, key: Hashable, compute: Callable[[], T]) -> T:
        """The cached result for `key` at the store's version, computing it on a miss.

        Results are shared between requests: callers must not change them."""
        if self.size <= 0 or not isinstance(store, SnapshotStore):
            return compute()
        full = (store.version, key)
        with self._lock:
            if full in self._data:
                self._data.move_to_end(full)
                self.hits += 1
                return self._data[full]  # type: ignore[no-any-return]
        value = compute()  # outside the lock: two requests may both compute; both get a right answer
        with self._lock:
            self._data[full] = value
            while len(self._data) > self.size:
                self._data.popitem(last=False)
        return value
