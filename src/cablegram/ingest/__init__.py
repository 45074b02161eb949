"""Readers that turn inputs (files, folders, stdin) into `Document` records.

`read_inputs(paths, options=...)` yields a `Document` per text and an `IngestError` per bad
input, so a batch goes on past a bad file and the caller reports what was skipped.
"""

from .sources import IngestOptions, read_inputs

__all__ = ["IngestOptions", "read_inputs"]
