"""What every evaluation returns, and the helpers the scorers share."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class EvalReport:
    """``metrics`` is the JSON object ``--json`` prints: it always has ``n`` and either
    ``precision``/``recall``/``f1`` or ``accuracy`` (or, for statements, nested objects)."""

    name: str
    metrics: dict[str, Any]
    breakdown: dict[str, dict[str, Any]] = field(default_factory=dict)  # e.g. per CAMEO root
    notes: list[str] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)  # only when asked for (``--errors``)

    def to_json(self) -> str:
        extra: dict[str, Any] = {"breakdown": self.breakdown} if self.breakdown else {}
        if self.errors:
            extra["errors"] = self.errors
        return json.dumps(self.metrics | extra)


def data_root() -> Path | None:
    """The folder of real gold data: ``$NEWSLEDGER_DATA``, else ``../shared/data`` next to the
    working directory or the repository.  Gold data is read in place, never shipped."""
    from ..config import paths

    env = paths().data
    candidates = [Path(env)] if env else []
    candidates += [
        Path.cwd() / ".." / "shared" / "data",
        Path(__file__).resolve().parents[4] / "shared" / "data",
    ]
    for cand in candidates:
        if cand.is_dir():
            return cand.resolve()
    return None


def seed_article_path() -> Path:
    """The seed article: ``examples/`` beside the data folder (:func:`data_root`), else
    ``../shared/examples`` next to the repository (the path named when it is in neither)."""
    name = "seed_article_2021-01-29.txt"
    beside_repo = Path(__file__).resolve().parents[4] / "shared" / "examples" / name
    root = data_root()
    beside_data = root.parent / "examples" / name if root is not None else None
    return beside_data if beside_data is not None and beside_data.is_file() else beside_repo


def data_path(relative: str) -> Path:
    """Path of a gold file under :func:`data_root`; a clear error when it is not there."""
    from ..errors import EvaluationError

    root = data_root()
    if root is None or not (root / relative).exists():
        raise EvaluationError(
            f"gold file {relative!r} not found under {root or '$NEWSLEDGER_DATA'}; "
            "pass --gold FILE or set NEWSLEDGER_DATA to the folder that holds it"
        )
    return root / relative


def jsonl_records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line number, record)`` for each non-blank line of a gold JSONL file; a line that is not
    JSON is an error naming the file and line."""
    from ..errors import EvaluationError

    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield n, json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvaluationError(f"line is not valid JSON ({exc})", origin=str(path), line=n) from exc
