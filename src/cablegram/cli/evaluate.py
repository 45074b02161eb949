"""`cablegram eval`: score the coder on a gold file and print its figures.

Two kinds of gold: sentence-level (source, target, CAMEO) tuples as PETRARCH is scored
(`jsonl`, `petr-xml`), and hand-coded passages (`realdev`: PLOVER events with actor countries,
factuality and places), detected from the file when `--format` is not given.
"""

from __future__ import annotations

import argparse
import json
import sys

from .common import settings_from


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="score coded events against a gold file")
    p.add_argument("--gold", required=True, help="gold file")
    p.add_argument(
        "--format",
        choices=("jsonl", "petr-xml", "realdev"),
        help="gold file format (default: realdev when the records have sentences and events, else jsonl)",
    )
    p.add_argument(
        "--dictionaries",
        metavar="DIR",
        help="code with PETRARCH dictionaries from DIR (actors, agents, verbs, discards)",
    )
    p.add_argument("--out", help="write the full report (scores and every mismatch) as JSON")
    p.add_argument("--misses", metavar="FILE", help="realdev: write each missed or wrong event, sentence by sentence")
    p.set_defaults(func=run)


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    if args.gold.endswith(".xml"):
        return "petr-xml"
    from ..evaluate_realdev import is_realdev

    return "realdev" if is_realdev(args.gold) else "jsonl"


def _pipeline(args: argparse.Namespace):
    from ..pipeline import Pipeline

    stages = {}
    if args.dictionaries:
        from ..petrarch import PetrarchActors, PetrarchCoder, load_dictionaries

        dicts = load_dictionaries(args.dictionaries)
        stages = {"actors": PetrarchActors(dicts), "coder": PetrarchCoder(dicts)}
    return Pipeline(settings=settings_from(args), stages=stages)


def run(args: argparse.Namespace) -> int:
    fmt = _format(args)
    if fmt == "realdev":
        return _run_realdev(args)
    from ..evaluate import evaluate_pipeline, read_gold

    gold = read_gold(args.gold, fmt=fmt)
    report = evaluate_pipeline(gold, _pipeline(args))
    print(format_report(report))
    _write(args.out, report.to_dict())
    return 0


def _run_realdev(args: argparse.Namespace) -> int:
    from ..evaluate_realdev import evaluate_realdev, misses, read_realdev

    records = read_realdev(args.gold)
    pipeline = _pipeline(args)
    score, coded = evaluate_realdev(records, pipeline)
    report = score.to_dict()
    report.update(_realdev_extras(records, coded, pipeline))
    print(format_realdev(report))
    if args.misses:
        with open(args.misses, "w", encoding="utf-8") as fh:
            fh.write("\n".join(misses(records, coded)) + "\n")
        print(f"misses written to {args.misses}", file=sys.stderr)
    _write(args.out, report)
    return 0


def _realdev_extras(records: list, coded: list, pipeline) -> dict:
    """Actor lookup in context and event locations, when the pipeline's stages can say."""
    out: dict = {}
    resolver = pipeline.stages.get("actors")
    if hasattr(resolver, "lookup"):
        from ..evaluate_actors import realdev_actor_accuracy

        actors = realdev_actor_accuracy(records, resolver).as_dict()
        out["actor_lookup"] = (f"country {actors['country_accuracy']:.3f} ({actors['country_right']}/"
                               f"{actors['with_mention']} gold actors with a mention), sector "
                               f"{actors['sector_accuracy']:.3f}")
        out["actor_lookup_scores"] = actors
    places = pipeline.stages.get("places")
    if hasattr(places, "gazetteer"):
        from ..evaluate_places import realdev_location_accuracy

        where = realdev_location_accuracy(records, coded, gazetteer=places.gazetteer)
        out["location"] = (f"{where['accuracy']:.3f} of found events with a gold location ({where['matched']}/"
                           f"{where['total']}); {where['no_location']} of them unplaced")
        out["location_scores"] = {k: v for k, v in where.items() if k != "misses"}
    return out


def _write(path: str | None, data: dict) -> None:
    if path:
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2, ensure_ascii=False)
        print(f"report written to {path}", file=sys.stderr)


def format_realdev(d: dict) -> str:
    """The realdev figures as plain text."""
    lines = [
        f"{d['gold_events']} gold events, {d['predicted']} coded",
        f"recall             {d['recall']:.3f}",
        f"  with source      {d['recall_with_source']:.3f}",
        f"  with dyad        {d['recall_with_dyad']:.3f}",
        f"precision          {d['precision']:.3f}",
        f"F1                 {d['f1']:.3f}",
        f"events in no-event sentences: {d['in_no_event_sentences']} (of {d['no_event_sentences']} sentences)",
        f"factuality accuracy {d['factuality_accuracy']:.3f} ({d['factuality_scored']} found events)",
        "recall by type: " + ", ".join(f"{k} {v['found']}/{v['gold']}" for k, v in d["per_type_recall"].items()),
    ]
    for key, label in (("actor_lookup", "actor lookup"), ("location", "event location")):
        if key in d:
            lines.append(f"{label}: {d[key]}")
    return "\n".join(lines)


def format_report(report) -> str:  # report: EvalReport
    """The metrics as a plain-text table."""
    lines = [
        f"{report.n_sentences} sentences, {report.n_gold_events} gold events, {report.n_predicted} coded",
        f"{'level':<8}{'precision':>10}{'recall':>10}{'F1':>8}{'tp':>6}{'fp':>6}{'fn':>6}",
    ]
    for s in report.levels:
        lines.append(
            f"{s.level:<8}{s.precision:>10.3f}{s.recall:>10.3f}{s.f1:>8.3f}{s.tp:>6}{s.fp:>6}{s.fn:>6}"
        )
    lines.append(
        f"false events on {report.no_event_sentences} no-event sentences: {report.false_events} "
        f"(in {report.sentences_with_false_events} sentences)"
    )
    return "\n".join(lines)
