"""Helpers shared by the command modules: settings, dates, numbers, progress, error reports.

Errors about single inputs print as they happen (`FailureLog`), and the end of a run prints a
one-line summary of them by code.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from datetime import date as Date
from typing import TypeVar

from ..config import Settings, parse_assignments
from ..errors import CablegramError, ConfigError
from ..ingest import IngestStats

__all__ = [
    "FailureLog",
    "ingest_summary",
    "non_negative_int",
    "parse_date",
    "positive_int",
    "progress",
    "report_failures",
    "settings_from",
]

T = TypeVar("T")


def settings_from(args: argparse.Namespace) -> Settings:
    return Settings.load(parse_assignments(getattr(args, "setting", []) or []))


def parse_date(value: str | None) -> Date | None:
    if not value:
        return None
    try:
        return Date.fromisoformat(value)
    except ValueError:
        raise ConfigError("E504", detail=f"expected a date as YYYY-MM-DD, got '{value}'") from None


def non_negative_int(value: str) -> int:
    """argparse type: an integer 0 or more (a negative --limit is a usage error, exit 2)."""
    number = _int(value)
    if number < 0:
        raise argparse.ArgumentTypeError(f"E504 expected 0 or more, got {value}")
    return number


def positive_int(value: str) -> int:
    """argparse type: an integer 1 or more."""
    number = _int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"E504 expected 1 or more, got {value}")
    return number


def _int(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"E504 expected a whole number, got '{value}'") from None


class FailureLog(list[CablegramError]):
    """Failures kept for the end-of-run summary, each printed on stderr when it is added, so a
    long run shows its problems as they happen. Warnings (the input was still read) print too,
    and are counted apart: they do not make the run fail."""

    def __init__(self) -> None:
        super().__init__()
        self.warnings = 0

    def append(self, exc: CablegramError) -> None:
        print(f"error: {exc.message}", file=sys.stderr, flush=True)
        super().append(exc)

    def warn(self, exc: CablegramError) -> None:
        """Print a warning (not kept as a failure)."""
        self.warnings += 1
        print(f"warning: {exc.message}", file=sys.stderr, flush=True)


def progress(items: Iterable[T], *, label: str, unit: str = "doc") -> Iterator[T]:
    """Wrap an iterable in a progress bar on stderr (only when stderr is a terminal)."""
    if not sys.stderr.isatty():
        yield from items
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task(label, total=None, rate="")
        for item in items:
            yield item
            done = bar.tasks[0].completed + 1
            elapsed = bar.tasks[0].elapsed or 1e-9
            bar.update(task, advance=1, rate=f"{done / elapsed:.1f} {unit}/s")


def report_failures(failures: list[CablegramError], *, skipped_what: str = "inputs") -> None:
    """A summary line of the failures by code (each one too, unless already printed by a
    FailureLog); all on stderr."""
    if not isinstance(failures, FailureLog):
        for exc in failures:
            print(f"error: {exc.message}", file=sys.stderr)
    if failures:
        codes: dict[str, int] = {}
        for exc in failures:
            codes[exc.code] = codes.get(exc.code, 0) + 1
        detail = ", ".join(f"{code}×{n}" for code, n in sorted(codes.items()))
        print(f"skipped {len(failures)} {skipped_what} ({detail})", file=sys.stderr)


def ingest_summary(stats: IngestStats) -> str:
    """One line saying what was read, by format, and what was left out (repeats, non-English)."""
    formats = ", ".join(f"{fmt} {n}" for fmt, n in sorted(stats.by_format.items())) or "none"
    return (
        f"read {stats.documents} documents from {stats.files} files ({formats}); "
        f"{stats.duplicates} duplicates and {stats.non_english} non-English texts left out, "
        f"{stats.errors} errors" + (f", {stats.warnings} warnings" if stats.warnings else "")
    )
