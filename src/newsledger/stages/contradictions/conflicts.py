"""Statement-statement conflicts (opposite stances, opposite claims) and how they are explained."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz import fuzz

from ...models import (
    ActorRef,
    Event,
    Statement,
)
from .common import CLAIM_SIMILARITY, MIN_CLAIM_WORDS, W_ACTOR, W_ORG, _time_factor
from .evidence import about_agrees, dates_meet
from .stance import _Target
from .voices import _Key, _shared, identity


@dataclass(frozen=True, slots=True)
class _Said:
    statement: Statement
    voice: dict[str, _Key]
    targets: list[_Target]
    claim: list[str]
    polarity: int


def _snippet(text: str, around: str = "", width: int = 70) -> str:
    """At most ``width`` characters of ``text`` around ``around``, cut at word boundaries."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    at = text.lower().find(around.lower()) if around else -1
    start = max(0, min(at - width // 3, len(text) - width)) if at > 0 else 0
    end = start + width
    if start:
        start = text.rfind(" ", 0, start) + 1
    if end < len(text):
        end = max(text.rfind(" ", start, end), start + width // 2)
    return ("…" if start else "") + text[start:end].strip(" ,;") + ("…" if end < len(text) else "")


def _who(statement: Statement) -> str:
    if statement.speaker:
        return statement.speaker.name
    return statement.speaker_text or "an unnamed speaker"


def _article_of(*records: Statement | Event) -> str | None:
    ids = {r.provenance.article_id for r in records}
    return ids.pop() if len(ids) == 1 else None


def _same_sentence(a: Statement, b: Statement) -> bool:
    pa, pb = a.provenance, b.provenance
    return pa.article_id == pb.article_id and pa.sentence_index == pb.sentence_index


def _when(s: Statement) -> tuple[str, str, int, str]:
    return (s.date or "", s.provenance.article_id, s.provenance.span[0], s.statement_id)


def _order(a: Statement, b: Statement) -> tuple[Statement, Statement]:
    return (a, b) if _when(a) <= _when(b) else (b, a)


def _second(weight: float, group: ActorRef, b: Statement) -> str:
    """How the second statement is introduced: the same speaker, or a colleague."""
    if weight >= W_ACTOR:
        return f"later (statement {b.statement_id})"
    how = f"also for {group.name}" if weight >= W_ORG else f"of the same government ({group.name})"
    return f"{_who(b)} (statement {b.statement_id}), {how},"


class Found(NamedTuple):
    """One pair of records in conflict: its score and explanation, the finding it supports
    (``key``: the voice's position toward one target, or a claim), and what each record says."""

    score: float
    text: str
    key: tuple[str, ...]
    a_side: str
    b_side: str


def _stance_conflict(x: _Said, y: _Said, weight: float, group: ActorRef) -> Found | None:
    best: Found | None = None
    if not dates_meet(x.statement.date, y.statement.date):
        return None
    for tx in x.targets:
        for ty in y.targets:
            if {tx.stance, ty.stance} != {"critical", "supportive"} or not _one_target(tx, ty):
                continue
            if not (
                about_agrees(x.statement, tx.actor_id, tx.stance)
                and about_agrees(y.statement, ty.actor_id, ty.stance)
            ):
                continue
            common = _shared(tx.keys, ty.keys)
            if common is None:
                continue
            if min(tx.confidence, ty.confidence) < 0.8:
                continue  # a stance on the statements stage's word alone: too weak on real text
            score = (0.8 + (0.1 if tx.hostile or ty.hostile else 0.0)) * weight * common[0]
            score *= min(tx.confidence, ty.confidence)
            score *= _time_factor(x.statement.date, y.statement.date)  # positions do change
            if best is not None and score <= best.score:
                continue
            a, b = x.statement, y.statement
            other = "it" if ty.actor_id == tx.actor_id else f"{ty.name} ({tx.name})"
            text = (
                f"{_who(a)} (statement {a.statement_id}) {_attitude(tx)} "
                f"(“{_snippet(a.content, tx.hostile or tx.cue)}”) but {_second(weight, group, b)} "
                f"{_attitude(ty, other)} (“{_snippet(b.content, ty.hostile or ty.cue)}”)."
            )
            # the finding: this voice speaks both ways of this target (whoever says it, when)
            # (one target: its id, stable whatever actors a caller passes; two related targets,
            # "the United States" and "the U.S. Army": the widest voice they share)
            same = tx.actor_id == ty.actor_id
            key = (
                "stance",
                group.actor_id,
                tx.actor_id if same else identity(tx.keys.keys() & ty.keys.keys()),
            )
            best = Found(min(score, 1.0), text, key, tx.stance, ty.stance)
    return best


def _one_target(a: _Target, b: _Target) -> bool:
    """One target on both sides: the same actor id, or a member of the other ("the Brigades" /
    their envoy by name); never two actors that only share a state ("the U.S. Army" and "the
    United States" are two targets)."""
    return a.actor_id == b.actor_id or f"org:{a.actor_id}" in b.keys or f"org:{b.actor_id}" in a.keys


def _attitude(target: _Target, name: str | None = None) -> str:
    name = name or target.name
    if target.hostile:
        return f"calls {name} “{target.hostile}”"
    if target.refusal:
        return f"says they will “{target.refusal}” {name}"
    return f"speaks {_adverb(target.stance)} of {name}"


def _group_phrase(weight: float, group: ActorRef) -> str:
    return f"both for {group.name}" if weight >= W_ORG else f"of the same government ({group.name})"


def _adverb(stance: str) -> str:
    return "critically" if stance == "critical" else "supportively"


def _claim_conflict(x: _Said, y: _Said, weight: float, group: ActorRef) -> Found | None:
    if x.polarity == y.polarity or min(len(x.claim), len(y.claim)) < MIN_CLAIM_WORDS:
        return None
    if not dates_meet(x.statement.date, y.statement.date):
        return None
    similarity = fuzz.token_sort_ratio(" ".join(x.claim), " ".join(y.claim)) / 100.0
    if similarity < CLAIM_SIMILARITY:
        return None
    a, b = x.statement, y.statement
    if weight >= W_ACTOR:
        text = (
            f"{_who(a)} makes the same claim with opposite polarity in statement {a.statement_id} "
            f"(“{_snippet(a.content)}”) and statement {b.statement_id} (“{_snippet(b.content)}”)."
        )
    else:
        text = (
            f"{_who(a)} (statement {a.statement_id}: “{_snippet(a.content)}”) and {_who(b)} "
            f"(statement {b.statement_id}: “{_snippet(b.content)}”), {_group_phrase(weight, group)}, "
            "make the same claim with opposite polarity."
        )
    score = similarity * 0.9 * weight * _time_factor(a.date, b.date)
    # the finding is the claim itself: pairs that share a statement are joined in findings.py
    return Found(min(score, 1.0), text, ("claim", group.actor_id), str(x.polarity), str(y.polarity))
