"""Language check: non-English documents are reported (E112) and skipped.

Only a prefix of each text is examined. Text mostly in another script (Cyrillic, Arabic, CJK...)
is not English at any length. Under SHORT_CHARS the detector is unreliable (it called "Israel's
Mossad intelligence agency killed a Hamas commander in Dubai." Swedish), so a short text in
Latin script is skipped only when it is surely not English: the detector gives English no chance
at all and the text has none of the words only English uses. Letting a foreign headline through
costs little; dropping an English report loses its events. Most English news is told apart
by its function words alone ("the", "of", "said"...), at no cost; only the rest goes to
lingua, with the languages of world news rather than all 75 (faster, and fewer English
sentences full of foreign names mistaken for Tagalog or Latin).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..errors import IngestError
from ..records import Document

__all__ = ["LanguageCheck"]

PREFIX_CHARS = 600
MIN_CHARS = 60
SHORT_CHARS = 200
# Below this English confidence a short text counts as surely foreign (real foreign text: 0.0).
SURE_FLOOR = 0.001
# Share of letters that are ASCII below which a text is in another script.
LATIN_SHARE = 0.2
_ENGLISH_ONLY = frozenset(
    "the of and said says was were has have had with from which would this that been who after they "
    "their its on by could should will than there".split()
)
# English is kept unless lingua gives it next to no chance: a mixed page or an English
# sentence full of foreign names ("Venezuela's chief prosecutor...": 7% English, 93% Tagalog)
# must not be thrown away, while real foreign text scores 0.0 for English.
ENGLISH_FLOOR = 0.02
# Share of words that are English function words above which a text is English outright.
FUNCTION_SHARE = 0.15
_FUNCTION_WORDS = frozenset(
    "the of and to in that is was for on with as by said from at has have had were are its his "
    "their which will would it be an this been who not after also they but".split()
)
_WORD = re.compile(r"[a-z']+")
_LANGUAGES = (
    "ENGLISH FRENCH GERMAN SPANISH PORTUGUESE ITALIAN DUTCH RUSSIAN UKRAINIAN POLISH TURKISH ARABIC "
    "PERSIAN CHINESE JAPANESE KOREAN INDONESIAN MALAY SWEDISH DANISH BOKMAL FINNISH ROMANIAN HINDI "
    "URDU HEBREW GREEK CZECH SLOVAK HUNGARIAN VIETNAMESE SERBIAN CROATIAN BOSNIAN BULGARIAN ALBANIAN "
    "ARMENIAN GEORGIAN AZERBAIJANI KAZAKH SWAHILI SOMALI THAI BENGALI TAGALOG"
).split()


def _build_detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    # Low-accuracy mode (trigrams only) loads in 0.4 s instead of 8 s; the function-word fast
    # path and the low English floor make up for what it loses on short sentences.
    languages = (getattr(Language, name) for name in _LANGUAGES)
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def mostly_english_words(sample: str) -> bool:
    """True when English function words make up a large share of the words: English, cheaply."""
    words = _WORD.findall(sample.lower())
    if len(words) < 8:
        return False
    return sum(1 for w in words if w in _FUNCTION_WORDS) / len(words) >= FUNCTION_SHARE


def other_script(sample: str) -> bool:
    """True when most letters are outside the Latin alphabet (10 letters or more)."""
    letters = [c for c in sample if c.isalpha()]
    if len(letters) < 10:
        return False
    latin = sum(1 for c in letters if c.isascii() or "\u00c0" <= c <= "\u024f")
    return latin / len(letters) < LATIN_SHARE


@dataclass(slots=True, kw_only=True)
class LanguageCheck:
    """Tells English documents from the rest; the detector is built on first use."""

    build: Callable[[], Any] = _build_detector
    _detector: Any = field(default=None, init=False, repr=False)

    def detect(self, text: str) -> str | None:
        """ISO 639-1 code of the text's language, 'en' when English or unsure, None if unknown."""
        sample = text[:PREFIX_CHARS].strip()
        if other_script(sample):
            return self._name(sample) or "und"
        if len(sample) < MIN_CHARS or mostly_english_words(sample):
            return "en"
        from lingua import Language

        english = self._lingua().compute_language_confidence(sample, Language.ENGLISH)
        if len(sample) < SHORT_CHARS:
            words = set(_WORD.findall(sample.lower()))
            if english >= SURE_FLOOR or words & _ENGLISH_ONLY:
                return "en"
        elif english >= ENGLISH_FLOOR:
            return "en"
        return self._name(sample)

    def _lingua(self) -> Any:
        if self._detector is None:
            self._detector = self.build()
        return self._detector

    def _name(self, sample: str) -> str | None:
        found = self._lingua().detect_language_of(sample)
        return found.iso_code_639_1.name.lower() if found is not None else None

    def check(self, document: Document) -> IngestError | None:
        """E112 when `document` is not English, else None."""
        language = self.detect(document.text)
        if language == "en" or language is None:
            return None
        return IngestError("E112", path=document.path or document.doc_id, language=language)
