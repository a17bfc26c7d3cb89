"""Train the event-type model: ``python -m newsledger.learn.train [--out DIR] [--arch bow|cnn]``.

Reads the dev parts of the gold sets under ``$NEWSLEDGER_DATA`` (:mod:`.event_data`), trains on
the ``train`` fold (``--with-select``: on ``select`` too, for a model to ship once chosen), saves
the spaCy folder to ``--out`` and prints, on the held-aside ``select`` fold, how often the
model's best root is a root of the sentence and how high it scores sentences with no event.
Deterministic for a ``--seed``; takes seconds on one CPU core.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import EvaluationError
from ..evaluate.base import data_root
from .event_data import ROOTS, Example, build_examples
from .event_filter import REAL, filter_examples
from .event_model import predict, train

__all__ = ["LABELLED", "main", "select_scores"]

#: our own labelled Wikinews sentences, in a source checkout (not shipped in the package)
LABELLED = Path(__file__).resolve().parents[3] / "data" / "event_model" / "wikinews_sentences.jsonl"


def select_scores(nlp: Any, examples: Sequence[Example]) -> dict[str, Any]:
    """Top-1 root accuracy on the event sentences of ``examples``, and the mean best score on
    the sentences without an event (lower is better); for the event filter, its mean score
    on the real events and on the wrong ones."""
    scores = predict(nlp, [e.text for e in examples])
    if scores and set(scores[0]) == {REAL}:
        real = [s[REAL] for e, s in zip(examples, scores, strict=True) if e.roots]
        wrong = [s[REAL] for e, s in zip(examples, scores, strict=True) if not e.roots]
        return {
            "n_real": len(real),
            "real_mean_score": round(sum(real) / len(real), 4) if real else None,
            "n_wrong": len(wrong),
            "wrong_mean_score": round(sum(wrong) / len(wrong), 4) if wrong else None,
        }
    events = [(e, s) for e, s in zip(examples, scores, strict=True) if e.roots]
    empty = [s for e, s in zip(examples, scores, strict=True) if not e.roots]
    top1 = sum(max(s, key=lambda r: s[r]) in e.roots for e, s in events)
    return {
        "n_events": len(events),
        "top1_root_accuracy": round(top1 / len(events), 4) if events else None,
        "n_no_event": len(empty),
        "no_event_mean_best_score": round(sum(max(s.values()) for s in empty) / len(empty), 4)
        if empty
        else None,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsledger.learn.train", description=__doc__)
    parser.add_argument("--out", default="build/event_model", help="folder to save the model to")
    parser.add_argument("--arch", choices=("bow", "cnn"), default="bow")
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--with-select", action="store_true", help="also train on the select fold")
    parser.add_argument(
        "--labelled",
        default=str(LABELLED) if LABELLED.is_file() else None,
        help="our own labelled Wikinews sentences (JSONL; default: data/event_model in the checkout)",
    )
    parser.add_argument("--no-labelled", action="store_true", help="train without them")
    parser.add_argument(
        "--task",
        choices=("roots", "filter"),
        default="roots",
        help="roots: sentence -> CAMEO roots; filter: is a rule event real (event_filter)",
    )
    args = parser.parse_args(argv)
    root = data_root()
    if root is None:
        raise EvaluationError("set NEWSLEDGER_DATA to the shared data folder (the gold sets)")
    labelled = None if args.no_labelled or not args.labelled else Path(args.labelled)
    examples = filter_examples(root, labelled) if args.task == "filter" else build_examples(root, labelled)
    labels = (REAL,) if args.task == "filter" else ROOTS
    folds = {"train", "select"} if args.with_select else {"train"}
    chosen = [e for e in examples if e.fold in folds]
    nlp = train(chosen, arch=args.arch, epochs=args.epochs, seed=args.seed, labels=labels)
    Path(args.out).mkdir(parents=True, exist_ok=True)
    nlp.to_disk(args.out)
    summary = {
        "out": args.out,
        "arch": args.arch,
        "seed": args.seed,
        "labelled": str(labelled) if labelled else None,
        "train_examples": sum(e.fold in folds for e in examples),
        "task": args.task,
        "select": select_scores(nlp, [e for e in examples if e.fold == "select"]),
    }
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
