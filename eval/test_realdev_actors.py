"""Actor lookup on realdev: gold actors with a country, looked up in their passage.

`cablegram.evaluate_actors.realdev_actor_accuracy` does the counting; the floor is pinned in
eval/floors/realdev_actors.json and only moves up.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FLOORS = json.loads((Path(__file__).parent / "floors" / "realdev_actors.json").read_text())


@pytest.fixture(scope="module")
def score(shared_data):
    from cablegram.evaluate_actors import realdev_actor_accuracy
    from cablegram.resolve.actors import ActorResolver
    from cablegram.resolve.kb import KnowledgeBase
    from cablegram.resolve.kb.tables import builtin_entries

    path = shared_data / "realdev" / "realdev.jsonl"
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return realdev_actor_accuracy(records, ActorResolver(KnowledgeBase(builtin_entries())))


def test_counts_are_the_gold_actors(score):
    # every gold actor with a country is counted; most carry their text in the sentence
    assert score.actors > 500 and 0.75 * score.actors < score.with_mention <= score.actors


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_realdev_actor_floor(score, metric):
    value = getattr(score, metric)
    print(f"{metric}: {value:.3f} on {score.with_mention} mentions; wrong by rule {score.wrong_by_rule}")
    assert value >= FLOORS[metric], f"{metric} {value:.3f} < floor {FLOORS[metric]}; misses: {score.misses[:15]}"
