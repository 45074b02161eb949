"""PETRARCH compatibility: dictionary parsers, a PETRARCH-style actor stage and coder.

>>> from cablegram.petrarch import load_dictionaries, PetrarchActors, PetrarchCoder
>>> d = load_dictionaries("path/to/dictionaries")  # doctest: +SKIP
>>> Pipeline(stages={"actors": PetrarchActors(d), "coder": PetrarchCoder(d)})  # doctest: +SKIP
"""

from __future__ import annotations

from .actors import PetrarchActors
from .coder import PetrarchCoder
from .dictionaries import (
    ActorEntry,
    AgentEntry,
    DiscardEntry,
    parse_actor_dictionary,
    parse_agent_dictionary,
    parse_discard_dictionary,
    to_kb_entries,
)
from .kbimport import ImportedFile, import_petrarch
from .loader import PetrarchDictionaries, load_dictionaries
from .verbs import VerbDictionary, parse_verb_dictionary

__all__ = [
    "ActorEntry",
    "AgentEntry",
    "DiscardEntry",
    "ImportedFile",
    "PetrarchActors",
    "PetrarchCoder",
    "PetrarchDictionaries",
    "VerbDictionary",
    "import_petrarch",
    "load_dictionaries",
    "parse_actor_dictionary",
    "parse_agent_dictionary",
    "parse_discard_dictionary",
    "parse_verb_dictionary",
    "to_kb_entries",
]
