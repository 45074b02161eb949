"""Command-line interface: `cablegram COMMAND ...` (also `python -m cablegram`).

Each command module registers its subcommands and calls typed library functions; only this
package prints. Commands: code (events to JSONL/CSV), and those the other modules add.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from ..errors import CablegramError

__all__ = ["main"]

# Modules under cablegram.cli that each define `register(subparsers)`.
COMMAND_MODULES: tuple[str, ...] = ("code", "store", "evaluate", "kb", "settings", "serve")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cablegram",
        description="Turn foreign-policy text into structured event data (PLOVER and CAMEO).",
    )
    parser.add_argument(
        "--setting",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="override a setting (see 'cablegram settings'); also CABLEGRAM_<NAME> env vars",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except CablegramError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
