"""Command-line interface: `cablegram COMMAND ...` (also `python -m cablegram`).

Each command module registers its subcommands and calls typed library functions; only this
package prints. Commands: code (events to JSONL/CSV), and those the other modules add.

Exit statuses (docs/reliability.md):

    0    everything was done (every input coded)
    1    done, but some inputs were skipped; each was reported (error: E1xx ...) as it happened
    2    usage error: a bad argument, setting, path or store; nothing was done (error: Exxx ...)
    3    internal error: a bug in cablegram; the traceback is printed with a request to report it
    130  interrupted (Ctrl-C)
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from collections.abc import Sequence

from ..errors import CablegramError

__all__ = ["EXIT_INTERNAL", "EXIT_OK", "EXIT_SKIPPED", "EXIT_USAGE", "main"]

EXIT_OK = 0
EXIT_SKIPPED = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
REPORT_HINT = (
    "This is a bug in cablegram, not in your input. Please report it with the command you ran "
    "and the traceback above."
)

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
    """Run one command; returns the exit status (0, 1, 2, 3 or 130: see the module docstring)."""
    parser = build_parser()
    args = parser.parse_args(argv)  # a usage error exits here with status 2
    try:
        return int(args.func(args) or 0)
    except CablegramError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `cablegram code ... | head` closed the pipe: a normal way to stop reading, not an error.
        _silence_stdout()
        return EXIT_OK
    except Exception:  # noqa: BLE001 - the last line of defence: a bug gets its own status
        traceback.print_exc()
        print(f"internal error: {REPORT_HINT}", file=sys.stderr)
        return EXIT_INTERNAL


def _silence_stdout() -> None:
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass  # no real stdout (tests): nothing to silence
