"""`cablegram eval`: score the coder on a gold file and print P/R/F1 per level."""

from __future__ import annotations

import argparse
import json
import sys

from .common import settings_from


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="score coded events against a gold file (P/R/F1 per level)")
    p.add_argument("--gold", required=True, help="gold file")
    p.add_argument("--format", choices=("jsonl", "petr-xml"), default="jsonl", help="gold file format")
    p.add_argument(
        "--dictionaries",
        metavar="DIR",
        help="code with PETRARCH dictionaries from DIR (actors, agents, verbs, discards)",
    )
    p.add_argument("--out", help="write the full report (scores and every mismatch) as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..evaluate import evaluate_pipeline, read_gold
    from ..pipeline import Pipeline

    gold = read_gold(args.gold, fmt=args.format)
    stages = {}
    if args.dictionaries:
        from ..petrarch import PetrarchActors, PetrarchCoder, load_dictionaries

        dicts = load_dictionaries(args.dictionaries)
        stages = {"actors": PetrarchActors(dicts), "coder": PetrarchCoder(dicts)}
    report = evaluate_pipeline(gold, Pipeline(settings=settings_from(args), stages=stages))
    print(format_report(report))
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            json.dump(report.to_dict(), fh, indent=2, ensure_ascii=False)
        print(f"report written to {args.out}", file=sys.stderr)
    return 0


def format_report(report) -> str:  # report: EvalReport
    """The metrics as a plain-text table."""
    lines = [
        f"{report.n_sentences} sentences, {report.n_gold_events} gold events, {report.n_predicted} coded",
        f"{'level':<8}{'precision':>10}{'recall':>10}{'F1':>8}{'tp':>6}{'fp':>6}{'fn':>6}",
    ]
    names = {"full": "full", "root": "root", "dyad": "dyad", "code": "code"}
    for s in report.levels:
        lines.append(
            f"{names[s.level]:<8}{s.precision:>10.3f}{s.recall:>10.3f}{s.f1:>8.3f}{s.tp:>6}{s.fp:>6}{s.fn:>6}"
        )
    lines.append(
        f"false events on {report.no_event_sentences} no-event sentences: {report.false_events} "
        f"(in {report.sentences_with_false_events} sentences)"
    )
    return "\n".join(lines)
