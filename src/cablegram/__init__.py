"""cablegram: foreign-policy text in, structured event data out.

>>> from cablegram import Pipeline
>>> events = Pipeline().code_text("Israel sold weapons to Azerbaijan.")  # doctest: +SKIP
"""

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
