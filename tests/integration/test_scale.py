"""The Dask executor codes the same events as the local one, in the same order."""

import pytest

from cablegram.config import Settings
from cablegram.records import Document
from cablegram.scale import DaskExecutor, LocalExecutor, make_executor
from cablegram.scale.executors import batched

pytestmark = [pytest.mark.integration, pytest.mark.slow]

TEXTS = [
    "Russia accused Ukraine of shelling.",
    "Police detained 25 demonstrators in Baku.",
    "The weather was mild.",
    "Israel sold weapons to Azerbaijan.",
    "Iran condemned the agreement.",
]


def _key(coded):
    return [(c.document.doc_id, [(e.event, e.cameo, e.trigger.start) for e in c.events]) for c in coded]


def test_dask_matches_local(pipeline):
    docs = [Document(doc_id=f"d{i}", text=t) for i, t in enumerate(TEXTS)]
    settings = Settings.load({"executor": "dask", "workers": "2", "batch_size": "2"})
    local = list(LocalExecutor(settings=settings, pipeline=pipeline).code(docs))
    with make_executor(settings) as executor:
        assert isinstance(executor, DaskExecutor)
        remote = list(executor.code(docs))
    assert _key(remote) == _key(local)
    assert any(c.events for c in remote)


def test_batched_keeps_order_and_sizes():
    assert [len(b) for b in batched(range(5), 2)] == [2, 2, 1]
    assert [x for b in batched(range(5), 2) for x in b] == list(range(5))
