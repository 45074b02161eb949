"""Shared fixtures. Unit tests never load the model; integration tests share one load."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
SHARED_DATA = ROOT.parent / "shared" / "data"
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data beside the project root; tests that need it skip when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present")
    return SHARED_DATA


@pytest.fixture(scope="session")
def nlp():
    """The real English model, loaded once per test session."""
    from cablegram.nlp.model import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def pipeline(nlp):
    """A default pipeline sharing the session's model."""
    from cablegram.pipeline import Pipeline

    return Pipeline(nlp=nlp)


@pytest.fixture
def blank_nlp():
    """A tokenizer + sentencizer pipeline: no model, for unit tests."""
    from cablegram.nlp.model import blank_nlp as make

    return make()
