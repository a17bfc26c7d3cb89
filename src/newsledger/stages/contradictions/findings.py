"""From pairs of conflicting records to findings: one contradiction per pair of claims.

A voice that calls an actor a terrorist group in five statements and praises it in three has
*one* contradiction, not fifteen: every pair of records in conflict is grouped under the finding
it supports, and the finding keeps all its records on each side (``a_records``, ``b_records``),
with the strongest pair as ``a`` and ``b`` and its explanation.  The store merges a finding met
again (same id) by joining its records (:func:`newsledger.store.rows.merge_contradiction`).

* opposite stances: one finding per voice and target (its critical and its supportive records);
* opposite claims: one finding per set of statements linked by conflicting claims (same voice);
* statement-action: one finding per voice, target and label (the statements that label the
  target, the events in which the voice's side cooperates with it).

Ids come from the finding, not from its records, so a finding met again (in another article, or
by the cross-article pass) keeps its id while its records grow.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ...models import ActorRef, Contradiction, RecordRef

__all__ = ["Pair", "findings"]


@dataclass(frozen=True, slots=True)
class Pair:
    """Two records in conflict and the finding they support."""

    kind: str
    key: tuple[str, ...]
    group: ActorRef
    a: RecordRef
    b: RecordRef
    a_side: str  # what ``a`` says: a stance, a polarity, "statement"
    b_side: str
    text: str
    score: float
    article_id: str | None


def findings(pairs: Iterable[Pair], article_id: str | None = None) -> list[Contradiction]:
    """One contradiction per finding, best first (``article_id`` stamped on each when given)."""
    groups: dict[tuple[str, ...], list[Pair]] = defaultdict(list)
    for pair in _join_claims(list(pairs)):
        groups[(pair.kind, *pair.key)].append(pair)
    out = [_finding(key, members, article_id) for key, members in groups.items()]
    return sorted(out, key=lambda c: (-c.score, c.contradiction_id))


#: Which side of a finding is ``a``: fixed by what the side says, so that the same finding found
#: in two articles lines up when the store merges it (statements before events; criticism
#: before support; a plain claim before its negation).
SIDE_ORDER = {"statement": 0, "event": 1, "critical": 0, "supportive": 1, "0": 0, "1": 1}


def _finding(key: tuple[str, ...], members: list[Pair], article_id: str | None) -> Contradiction:
    best = max(members, key=lambda p: (p.score, _ref_key(p.a), _ref_key(p.b)))
    first = min((best.a_side, best.b_side), key=lambda s: SIDE_ORDER.get(s, 2))
    a, b = (best.a, best.b) if best.a_side == first else (best.b, best.a)
    sides: dict[str, set[RecordRef]] = {"a": set(), "b": set()}
    for pair in members:
        for ref, said in ((pair.a, pair.a_side), (pair.b, pair.b_side)):
            sides["a" if said == first else "b"].add(ref)
    articles = {p.article_id for p in members}
    return Contradiction(
        contradiction_id=_finding_id(key),
        kind=best.kind,
        actor=best.group,
        a=a,
        b=b,
        explanation=best.text,
        score=round(best.score, 3),
        article_id=article_id or (articles.pop() if len(articles) == 1 else None),
        a_records=tuple(sorted(sides["a"], key=_ref_key)),
        b_records=tuple(sorted(sides["b"], key=_ref_key)),
    )


def _join_claims(pairs: list[Pair]) -> list[Pair]:
    """Claim pairs that share a statement are one finding: their key gets the component's
    smallest record id (union-find over the records, per voice)."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    claims = [p for p in pairs if p.key[0] == "claim"]
    for p in claims:
        ra, rb = root(f"{p.key}|{_ref_key(p.a)}"), root(f"{p.key}|{_ref_key(p.b)}")
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    out = []
    for p in pairs:
        if p.key[0] == "claim":
            anchor = root(f"{p.key}|{_ref_key(p.a)}").split("|", 1)[1]
            p = Pair(
                p.kind, (*p.key, anchor), p.group, p.a, p.b, p.a_side, p.b_side, p.text, p.score, p.article_id
            )
        out.append(p)
    return out


def _finding_id(key: tuple[str, ...]) -> str:
    return "c" + hashlib.sha256("|".join(key).encode("utf-8")).hexdigest()[:20]


def _ref_key(ref: RecordRef) -> str:
    return f"{ref.type}:{ref.id}"
