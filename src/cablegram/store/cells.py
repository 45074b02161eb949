"""Spreadsheet-safe cells: exported text never reads as a formula.

A CSV/TSV cell that starts with `=`, `+`, `-`, `@` (or a tab or carriage return, which some tools
skip before looking) is run as a formula by spreadsheet programs: a sentence such as
`=HYPERLINK("http://evil", "click")` taken from an input would become a live link. Such cells
get a leading apostrophe, which spreadsheets show as text and do not display. Numbers are left
alone: a Goldstein score of -2.0 is a number, not a formula.

Pure Python and imported without DuckDB, so `cablegram code --format csv` can use it too.
"""

from __future__ import annotations

from typing import Any

__all__ = ["FORMULA_STARTS", "neutralise", "neutralise_row", "sql_neutralise"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """`value` with an apostrophe in front when it is text that would start a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralise_row(values: list[Any]) -> list[Any]:
    """Every cell of a row through `neutralise`."""
    return [neutralise(v) for v in values]


def sql_neutralise(column: str) -> str:
    """The same rule as a DuckDB SQL expression over a VARCHAR column (quoted name)."""
    quoted = '"' + column.replace('"', '""') + '"'
    return (
        f"CASE WHEN regexp_matches({quoted}, '^[=+\\-@\\t\\r]') THEN '''' || {quoted} "
        f"ELSE {quoted} END AS {quoted}"
    )
