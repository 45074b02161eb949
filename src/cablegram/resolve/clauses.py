"""Clause structure shared by the date and place stages: which verb heads a token's clause.

Both stages prefer what is attached to the event's own clause ("The ministry said on Monday
that police detained 25 people in Baku on Saturday": Saturday and Baku belong to "detained").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["CLAUSE_DEPS", "clause_head"]

# Dependency labels of a verb that heads its own clause.
CLAUSE_DEPS = frozenset(
    {"ROOT", "ccomp", "advcl", "relcl", "conj", "xcomp", "parataxis", "csubj", "acl", "pcomp"}
)


def clause_head(token: Token) -> int:
    """Index of the verb heading the clause that holds `token` (the sentence root at worst).

    Without a parse (a blank pipeline) every token is its own head, so each is its own clause.
    """
    current = token
    for _ in range(50):  # parse trees are shallow; the bound only guards against cycles
        if current.dep_ in CLAUSE_DEPS and current.pos_ in {"VERB", "AUX"}:
            return current.i
        if current.head.i == current.i:
            return current.i
        current = current.head
    return current.i
