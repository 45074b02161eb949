"""Gate: coding real text (realdev passages coded by hand) may not drop below the floors.

Floors live in eval/floors/realdev.json, pinned a little below what was measured; they only move
up. The scoring rules are those of `cablegram eval` on the realdev schema
(`cablegram.evaluate_realdev`), which reproduces the project's shared scorer exactly.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cablegram.errors import CodingError

pytestmark = pytest.mark.integration

FLOORS = json.loads((Path(__file__).parent / "floors" / "realdev.json").read_text())


@pytest.fixture(scope="module")
def realdev(pipeline, shared_data):
    from cablegram.evaluate_realdev import evaluate_realdev, read_realdev

    records = read_realdev(shared_data / "realdev" / "realdev.jsonl")
    score, _ = evaluate_realdev(records, pipeline)
    return score.to_dict()


def test_realdev_floors(realdev):
    """Recall (plain, with source, with dyad), precision and factuality hold their floors."""
    print("realdev", {k: v for k, v in realdev.items() if k != "per_type_recall"})
    for metric, floor in FLOORS.items():
        if metric == "max_in_no_event_sentences":
            continue
        if realdev[metric] < floor:
            raise CodingError("E305", metric=f"realdev.{metric}", value=realdev[metric], floor=floor)


def test_realdev_no_event_sentences(realdev):
    """Sentences the gold says hold no event stay (nearly) empty."""
    assert realdev["in_no_event_sentences"] <= FLOORS["max_in_no_event_sentences"]
