"""Run the pipeline over batches of documents, locally or on Dask.

A task costs Dask about 2 ms, a document costs the parser far more, so work travels in batches
(setting `batch_size` documents each). Each worker process loads the model and tables once and
keeps them (`_worker_pipeline`). Results come back in input order; at most `2 × workers`
batches are in flight, so memory stays flat on a corpus of any size.

The local executor honours the `n_process` setting: above 1 it parses on that many processes
of this machine (a standard-library process pool, the same batching and order as Dask) rather
than spaCy's own `n_process`, which would need our components picklable and each document's
context shipped back and forth.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, islice
from typing import Any

from ..config import Settings
from ..errors import ConfigError
from ..records import CodedDocument, Document

__all__ = ["DaskExecutor", "Executor", "LocalExecutor", "make_executor"]


def batched(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Consecutive lists of `size` items (the last may be shorter)."""
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


_PIPELINES: dict[tuple[tuple[str, Any], ...], Any] = {}


def _worker_pipeline(values: dict[str, Any]) -> Any:
    """The pipeline of this process for these settings, built on first use."""
    key = tuple(sorted(values.items()))
    if key not in _PIPELINES:
        from ..pipeline import Pipeline

        _PIPELINES[key] = Pipeline(settings=Settings(dict(values)))
    return _PIPELINES[key]


def code_batch(documents: Sequence[Document], values: dict[str, Any]) -> list[CodedDocument]:
    """Code one batch in whatever process runs it (a Dask task or the caller)."""
    return list(_worker_pipeline(values).code_documents(documents))


class Executor(ABC):
    """Maps batches of documents to coded documents, in order."""

    def __init__(self, *, settings: Settings) -> None:
        self.settings = settings

    @abstractmethod
    def code(self, documents: Iterable[Document]) -> Iterator[CodedDocument]:
        """Code every document, yielding results in input order."""

    def close(self) -> None:  # noqa: B027 - optional hook, a no-op for executors that hold nothing
        """Release workers (nothing to do for the local executor)."""

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class LocalExecutor(Executor):
    """This machine: one pipeline in this process (the default), or `n_process` processes."""

    def __init__(self, *, settings: Settings, pipeline: Any = None) -> None:
        super().__init__(settings=settings)
        self._pipeline = pipeline
        self._pool: Any = None

    def code(self, documents: Iterable[Document]) -> Iterator[CodedDocument]:
        # Nothing to code (every input was bad): do not load the model (seconds) for nothing.
        stream = iter(documents)
        first = next(stream, None)
        if first is None:
            return
        documents = chain([first], stream)
        processes = int(self.settings["n_process"])
        if processes > 1 and self._pipeline is None:
            yield from self._code_in_pool(documents, processes)
            return
        if self._pipeline is None:
            self._pipeline = _worker_pipeline(self.settings.values)
        yield from self._pipeline.code_documents(documents)

    def _code_in_pool(self, documents: Iterable[Document], processes: int) -> Iterator[CodedDocument]:
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # forkserver/spawn: a fresh interpreter per worker, never a fork of a threaded parent.
            method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
            context = multiprocessing.get_context(method)
            self._pool = ProcessPoolExecutor(max_workers=processes, mp_context=context)
        values = self.settings.values
        pending: deque[Any] = deque()
        for batch in batched(documents, self.settings["batch_size"]):
            pending.append(self._pool.submit(code_batch, batch, values))
            if len(pending) >= 2 * processes:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


class DaskExecutor(Executor):
    """A Dask cluster: a scheduler address (setting `dask_scheduler`) or a LocalCluster."""

    def __init__(self, *, settings: Settings) -> None:
        super().__init__(settings=settings)
        from dask.distributed import Client, LocalCluster

        address = settings["dask_scheduler"]
        self._cluster = None
        if address:
            self._client = Client(address)
        else:
            workers = settings["workers"]
            self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True)
            self._client = Client(self._cluster)
        self._slots = 2 * max(len(self._client.scheduler_info().get("workers", {})), 1)

    def code(self, documents: Iterable[Document]) -> Iterator[CodedDocument]:
        values = self.settings.values
        pending: deque[Any] = deque()
        for batch in batched(documents, self.settings["batch_size"]):
            pending.append(self._client.submit(code_batch, batch, values, pure=False))
            if len(pending) >= self._slots:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_executor(settings: Settings, *, pipeline: Any = None) -> Executor:
    """The executor named by the `executor` setting."""
    kind = settings["executor"]
    if int(settings["n_process"]) < 1:
        raise ConfigError("E502", name="n_process", kind="a whole number of 1 or more", value=settings["n_process"])
    if kind == "local":
        return LocalExecutor(settings=settings, pipeline=pipeline)
    if kind == "dask":
        return DaskExecutor(settings=settings)
    raise ConfigError("E502", name="executor", kind="'local' or 'dask'", value=kind)
