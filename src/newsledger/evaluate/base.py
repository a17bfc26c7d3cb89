"""What every evaluation returns, and the helpers the scorers share."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
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

    def to_json(self) -> str:
        return json.dumps(self.metrics | ({"breakdown": self.breakdown} if self.breakdown else {}))
