"""Executors: code batches of documents in this process or across a Dask cluster."""

from .executors import DaskExecutor, Executor, LocalExecutor, make_executor

__all__ = ["DaskExecutor", "Executor", "LocalExecutor", "make_executor"]
