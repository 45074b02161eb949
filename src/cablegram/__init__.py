"""cablegram: foreign-policy text in, structured event data out.

>>> from cablegram import Pipeline
>>> events = Pipeline().code_text("Israel sold weapons to Azerbaijan.")  # doctest: +SKIP
"""

from typing import TYPE_CHECKING as _TYPE_CHECKING

from .config import Settings
from .errors import (
    CablegramError,
    CodingError,
    ConfigError,
    IngestError,
    ResolutionError,
    StoreError,
)
from .pipeline import Pipeline, code_text
from .records import (
    Actor,
    Advisory,
    CodedDocument,
    DateRef,
    Document,
    Event,
    Place,
    Quote,
    Size,
    TextSpan,
)

if _TYPE_CHECKING:
    from .store import open_store

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Advisory",
    "CablegramError",
    "CodedDocument",
    "CodingError",
    "ConfigError",
    "DateRef",
    "Document",
    "Event",
    "IngestError",
    "Pipeline",
    "Place",
    "Quote",
    "ResolutionError",
    "Settings",
    "Size",
    "StoreError",
    "TextSpan",
    "__version__",
    "code_text",
    "open_store",
]


def __getattr__(name: str) -> object:
    # The store pulls in DuckDB and pyarrow (~0.2 s): loaded only when someone asks for it, so
    # `cablegram code` never pays for it.
    if name == "open_store":
        from .store import open_store

        globals()["open_store"] = open_store
        return open_store
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
