"""Language check with lingua: non-English documents are reported (E112) and skipped.

Only a prefix of each text is examined, and short texts pass unchecked: a headline or a
one-line sentence is too short to tell reliably, and letting it through costs little.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..errors import IngestError
from ..records import Document

__all__ = ["LanguageCheck"]

PREFIX_CHARS = 1200
MIN_CHARS = 60
# English is kept unless another language is clearly ahead: a mixed page or a text full of
# foreign names must not be thrown away.
ENGLISH_FLOOR = 0.15


def _build_detector() -> Any:
    from lingua import LanguageDetectorBuilder

    # Low-accuracy mode uses trigrams only: plenty for a 1,200-character prefix, and fast.
    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


@dataclass(slots=True, kw_only=True)
class LanguageCheck:
    """Tells English documents from the rest; the detector is built on first use."""

    build: Callable[[], Any] = _build_detector
    _detector: Any = field(default=None, init=False, repr=False)

    def detect(self, text: str) -> str | None:
        """ISO 639-1 code of the text's language, 'en' for short texts, None if unknown."""
        sample = text[:PREFIX_CHARS].strip()
        if len(sample) < MIN_CHARS:
            return "en"
        if self._detector is None:
            self._detector = self.build()
        from lingua import Language

        english = self._detector.compute_language_confidence(sample, Language.ENGLISH)
        if english >= ENGLISH_FLOOR:
            return "en"
        found = self._detector.detect_language_of(sample)
        return found.iso_code_639_1.name.lower() if found is not None else None

    def check(self, document: Document) -> IngestError | None:
        """E112 when `document` is not English, else None."""
        language = self.detect(document.text)
        if language == "en" or language is None:
            return None
        return IngestError("E112", path=document.path or document.doc_id, language=language)
