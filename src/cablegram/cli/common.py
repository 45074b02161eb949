"""Helpers shared by the command modules: settings, dates, progress, error reports."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from datetime import date as Date
from typing import TypeVar

from ..config import Settings, parse_assignments
from ..errors import CablegramError, ConfigError
from ..ingest import IngestStats

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
    """One line per failure, then a summary line; all on stderr."""
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
        f"{stats.errors} errors"
    )
