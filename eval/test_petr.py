"""Gate: the PETRARCH validation suite coded with its toy dictionaries, against pinned floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FLOORS = json.loads((Path(__file__).parent / "floors" / "petr.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report(shared_data, nlp):
    from cablegram.evaluate import evaluate_pipeline, read_gold
    from cablegram.petrarch import PetrarchActors, PetrarchCoder, load_dictionaries
    from cablegram.pipeline import Pipeline

    suite = shared_data / "petr_unittests"
    if not (suite / "petr2_unittest_v2.jsonl").is_file():
        pytest.skip("petr_unittests not present in ../shared/data")
    dicts = load_dictionaries(suite / "dictionaries")
    pipeline = Pipeline(nlp=nlp, stages={"actors": PetrarchActors(dicts), "coder": PetrarchCoder(dicts)})
    return evaluate_pipeline(read_gold(suite / "petr2_unittest_v2.jsonl"), pipeline)


@pytest.mark.integration
@pytest.mark.parametrize("level", ["full", "root", "dyad", "code"])
def test_f1_at_or_above_floor(report, level):
    floor = FLOORS[f"{level}_f1"]
    value = report.level(level).f1
    assert value >= floor, f"E305 {level} F1 = {value:.3f} < floor {floor:.3f}"


@pytest.mark.integration
def test_false_events_on_no_event_sentences_at_or_below_ceiling(report):
    assert report.false_events <= FLOORS["max_false_events"]
