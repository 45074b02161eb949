"""Gate: the event coder's scores on the development gold sets may not drop below the floors.

Floors live in eval/floors/coder.json, pinned a little below what was measured; they only move
up. Scoring rules (what counts as the sentence's event, no-event sentences) are documented in
eval/coder_scores.py and docs/coder.md.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cablegram.errors import CodingError

pytestmark = pytest.mark.integration

FLOORS = json.loads((Path(__file__).parent / "floors" / "coder.json").read_text())


def _check(scores: dict[str, object], section: str) -> None:
    print(section, {k: v for k, v in scores.items() if k != "top_confusions"})
    for metric, floor in FLOORS[section].items():
        value = float(scores[metric])  # type: ignore[arg-type]
        if value < floor:
            raise CodingError("E305", metric=f"{section}.{metric}", value=value, floor=floor)


@pytest.fixture(scope="module")
def scores_module():
    """The scoring helpers beside this file (pytest puts eval/ on sys.path)."""
    import coder_scores

    return coder_scores


def test_conflibert_penta_class(pipeline, shared_data, scores_module):
    """Penta-class accuracy and macro-F1 of the main event per ConfliBERT sentence."""
    _check(scores_module.conflibert(pipeline, shared_data), "conflibert")


def test_ngec_plover_event(pipeline, shared_data, scores_module):
    """PLOVER event-type accuracy on the fixed NGEC synthetic-story sample."""
    _check(scores_module.ngec(pipeline, shared_data), "ngec")
