"""`cablegram kb import-petrarch DIR`: bring PETRARCH actor and agent dictionaries into the KB.

Wired under the `kb` command by `register_kb(kb_subparsers)` (the `kb` command itself lives in
`cli/kb.py`).
"""

from __future__ import annotations

import argparse
import sys

from .common import settings_from


def register_kb(kb_sub: argparse._SubParsersAction) -> None:
    """Add the `import-petrarch` subcommand to the `kb` command's subparsers."""
    p = kb_sub.add_parser(
        "import-petrarch",
        help="import PETRARCH actor/agent dictionaries from DIR into the user knowledge base",
    )
    p.add_argument("dir", metavar="DIR", help="folder holding *.actors.txt / *agents*.txt files")
    p.add_argument("--kb-dir", help="knowledge-base folder (default: the kb_dir setting)")
    p.add_argument("--strict", action="store_true", help="stop at the first malformed line")
    p.set_defaults(func=run_import)


def run_import(args: argparse.Namespace) -> int:
    from ..petrarch import import_petrarch

    kb_dir = args.kb_dir or settings_from(args)["kb_dir"]
    results = import_petrarch(args.dir, kb_dir=kb_dir, strict=args.strict)
    for r in results:
        print(f"{r.source.name}: {r.entries} entries -> {r.target}")
        for exc in r.skipped:
            print(f"warning: skipped {exc.message}", file=sys.stderr)
    total = sum(r.entries for r in results)
    print(f"imported {total} entries from {len(results)} dictionaries")
    return 0
