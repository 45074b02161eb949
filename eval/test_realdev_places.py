"""Gate for event locations on real text: realdev's hand-coded `location_text` (../shared/data/realdev).

The pipeline codes the 50 realdev passages; `cablegram.evaluate_places.realdev_location_accuracy`
takes the gold events the coder found (same PLOVER type or an alternative, trigger in the gold
sentence) that have a `location_text`, and counts those whose predicted location agrees with
it. The score follows the location attached to whatever events are found, so it stays
meaningful while the coder changes; the floor is in eval/floors/realdev_places.json.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cablegram.errors import CodingError
from cablegram.evaluate_places import realdev_documents, realdev_location_accuracy

FLOORS = Path(__file__).resolve().parent / "floors" / "realdev_places.json"

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def records(shared_data):
    path = shared_data / "realdev" / "realdev.jsonl"
    if not path.is_file():
        pytest.skip("realdev is not present")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_realdev_location_accuracy_stays_above_floor(pipeline, records):
    coded = list(pipeline.code_documents(realdev_documents(records)))
    report = realdev_location_accuracy(records, coded, gazetteer=pipeline.stages["places"].gazetteer)
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    print("realdev places:", {k: v for k, v in report.items() if k != "misses"}, *report["misses"], sep="\n")
    assert report["total"] >= 20, "too few found events with a gold location to score"
    for metric, floor in floors.items():
        if report[metric] < floor:
            err = CodingError("E305", metric=f"realdev_places.{metric}", value=report[metric], floor=floor)
            pytest.fail(f"{err.message}\nmisses:\n" + "\n".join(report["misses"]))
