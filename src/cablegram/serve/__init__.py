"""`cablegram serve`: a JSON API and a web interface over the store, offline, read-only by default.

>>> from cablegram.serve import FixedSource, create_app
>>> from cablegram.store import MemoryStore
>>> app = create_app(FixedSource(MemoryStore()))
>>> sorted(r.path for r in app.routes if getattr(r, "path", "").startswith("/api/events"))
['/api/events', '/api/events/{event_id}']
"""

from .app import ServeOptions, create_app
from .source import FixedSource, SnapshotSource, StoreSource

__all__ = ["FixedSource", "ServeOptions", "SnapshotSource", "StoreSource", "create_app"]
