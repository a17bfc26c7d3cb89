"""Score contradiction finding (``newsledger evaluate contradictions``).

There is no public gold set for conflicting messages, so the gold is written here, by hand:

* ``records``: small scenarios of typed records (actors, statements, events) built in this
  module, each with the contradictions a careful reader would list -- and none for the
  scenarios that only look alike (two governments disagreeing, criticism matched by hostile
  acts, a negated cue).  Some are hard on purpose (a refusal to talk contradicted by a meeting,
  with no stance word), so the score is a measurement, not a tautology.
* ``seed``: the seed article (``../shared/examples/seed_article_2021-01-29.txt``, or
  ``--gold FILE``) run through the full pipeline when every stage module is installed; the gold
  pairs are named by text the records must contain (Zarif's "terrorist entity" against
  Shamkhani's "determined in the struggle", and against the meetings and the hosting the
  article reports).  Predictions that match no gold pair count as false positives.

Matching: a predicted contradiction matches a gold one when the kind and both records agree
(records in either order).  ``metrics`` pools both parts; ``breakdown`` gives each part and,
for the records part, each kind; ``notes`` list what was missed or wrongly found.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..models import (
    AboutRef,
    Actor,
    ActorRef,
    ArticleResult,
    Contradiction,
    Event,
    Provenance,
    RawDocument,
    Role,
    Statement,
)
from ..stages.contradictions import find_contradictions
from .base import PRF, EvalReport, seed_article_path

SEED = seed_article_path()
KINDS = ("statement-statement", "statement-action")

# --------------------------------------------------------------------------- hand-made records

_ACTORS: dict[str, Actor] = {
    a.actor_id: a
    for a in (
        Actor("velmar", "Velmar", "country", "VLM"),
        Actor("velmar-gov", "Government of Velmar", "organization", "VLM", "GOV"),
        Actor(
            "okafor",
            "Ines Okafor",
            "person",
            "VLM",
            roles=(Role("Foreign Minister", "Government of Velmar", "VLM", "GOV", "2018-02-01"),),
        ),
        Actor(
            "dane",
            "Peter Dane",
            "person",
            "VLM",
            roles=(Role("Defence Minister", "Government of Velmar", "VLM", "MIL", "2019-01-01"),),
        ),
        Actor("lund", "Sara Lund", "person", "VLM", "OPP"),  # opposition leader: not the government
        Actor("krasia", "Krasia", "country", "KRS"),
        Actor(
            "halvo",
            "Mikel Halvo",
            "person",
            "KRS",
            roles=(Role("President", "Government of Krasia", "KRS", "GOV", "2015-06-01"),),
        ),
        Actor("dawn", "Dawn Brigades", "group", "VLM", "INS", aliases=("the Brigades", "Brigades")),
        Actor("amari", "Yusuf Amari", "person", "VLM", "INS", affiliation="dawn"),
        Actor("coast", "Coastal Alliance", "group", "KRS", "REB", aliases=("the Alliance", "Alliance")),
        Actor("port", "Port Authority Union", "organization", "VLM", "LAB"),
    )
}
_DAY = "2023-05-04"


def _ref(actor_id: str, day: str | None = _DAY) -> ActorRef:
    return _ACTORS[actor_id].ref_on(day)


def _stmt(
    sid: str,
    speaker: str,
    content: str,
    sentence: int,
    *,
    about: tuple[tuple[str, str], ...] = (),
    day: str = _DAY,
    scenario: str = "",
) -> Statement:
    start = sentence * 200
    span = (start, start + len(content))
    return Statement(
        sid,
        Provenance(scenario, sentence, content, span, "gold"),
        _ref(speaker, day),
        None,
        None,
        "said",
        "direct",
        content,
        span,
        date=day,
        about=tuple(AboutRef(a, _ACTORS[a].name, stance) for a, stance in about),
    )


def _event(
    eid: str,
    source: str,
    target: str,
    quad: int,
    trigger: str,
    *,
    day: str = _DAY,
    negated: bool = False,
    scenario: str = "",
) -> Event:
    code = {1: "040", 2: "061", 3: "111", 4: "190"}[quad]
    sentence = 90 + int(eid.lstrip("e"))  # each event reported in a sentence of its own
    return Event(
        eid,
        Provenance(scenario, sentence, trigger, (sentence * 200, sentence * 200 + len(trigger)), "gold"),
        trigger,
        code,
        code[:2],
        quad,
        {1: 1.0, 2: 6.0, 3: -2.0, 4: -10.0}[quad],
        None,
        None,
        _ref(source, day),
        _ref(target, day),
        day,
        "day",
        negated=negated,
        confidence=0.8,
    )


@dataclass
class Scenario:
    name: str
    note: str
    statements: list[Statement]
    events: list[Event] = field(default_factory=list)
    gold: set[tuple[str, frozenset[str]]] = field(default_factory=set)


def _ss(a: str, b: str) -> tuple[str, frozenset[str]]:
    return ("statement-statement", frozenset((a, b)))


def _sa(a: str, b: str) -> tuple[str, frozenset[str]]:
    return ("statement-action", frozenset((a, b)))


def scenarios() -> list[Scenario]:
    """The hand-written gold set: records and the contradictions among them."""
    out: list[Scenario] = []

    def add(name: str, note: str, build: Callable[[str], Scenario]) -> None:
        sc = build(name)
        sc.note = note
        out.append(sc)

    add("organs-opposite-stance", "two ministers of one government, terrorist label vs praise", lambda n: Scenario(n, "", [
        _stmt("s1", "okafor", "The Dawn Brigades remain a terrorist organisation under our law.", 1, scenario=n),
        _stmt("s2", "dane", "After meeting them I found the Brigades' commanders brave and determined.", 6, scenario=n),
    ], gold={_ss("s1", "s2")}))  # fmt: skip
    add("same-person-about", "hard: one speaker, stances only from the statements stage", lambda n: Scenario(n, "", [
        _stmt("s1", "halvo", "Our view of that movement has not changed.", 2, about=(("coast", "critical"),), scenario=n),
        _stmt("s2", "halvo", "We respect what they have built on the coast.", 7, about=(("coast", "supportive"),), scenario=n),
    ], gold={_ss("s1", "s2")}))  # fmt: skip
    add("negation-flip", "the same claim, plain and negated", lambda n: Scenario(n, "", [
        _stmt("s1", "okafor", "Velmar will reopen the northern border crossings to Krasian trucks in June.", 1, scenario=n),
        _stmt("s2", "dane", "Velmar will not reopen the northern border crossings to Krasian trucks in June.", 5, scenario=n),
    ], gold={_ss("s1", "s2")}))  # fmt: skip
    add("antonym-flip", "supports / opposes the same plan", lambda n: Scenario(n, "", [
        _stmt("s1", "halvo", "Krasia supports the fisheries plan proposed by the regional council.", 1, scenario=n),
        _stmt("s2", "halvo", "Krasia opposes the fisheries plan proposed by the regional council.", 9, scenario=n),
    ], gold={_ss("s1", "s2")}))  # fmt: skip
    add("label-vs-hosting", "terrorist label while the government hosts the group's envoy", lambda n: Scenario(n, "", [
        _stmt("s1", "okafor", "The Dawn Brigades are terrorists and enemies of every Velmari.", 1, scenario=n),
    ], [
        _event("e1", "velmar-gov", "amari", 1, "hosted", scenario=n),
        _event("e2", "velmar", "dawn", 4, "attacked", scenario=n),
    ], gold={_sa("s1", "e1")}))  # fmt: skip
    add("enemy-vs-agreement", "calls a group the enemy while signing a border deal with it", lambda n: Scenario(n, "", [
        _stmt("s1", "halvo", "The Coastal Alliance is the enemy of the Krasian nation.", 3, scenario=n),
    ], [
        _event("e1", "krasia", "coast", 2, "signed a border partnership with", scenario=n),
    ], gold={_sa("s1", "e1")}))  # fmt: skip
    add("praise-vs-attack", "praises a group its army shells", lambda n: Scenario(n, "", [
        _stmt("s1", "dane", "The Alliance fighters are our brothers and friends.", 2, scenario=n),
    ], [
        _event("e1", "krasia", "coast", 4, "shelled", scenario=n),
        _event("e2", "velmar", "coast", 4, "shelled", scenario=n),
    ], gold={_sa("s1", "e2")}))  # fmt: skip
    # a meeting four years before the label is history, not a contradiction: words and deeds must
    # belong to one period (stages/contradictions/evidence.py, MAX_GAP_DAYS); was gold until 2026-12-05
    add("old-meeting", "a meeting four years before the label: no contradiction", lambda n: Scenario(n, "", [
        _stmt("s1", "okafor", "The Brigades are a terrorist group; nothing has changed.", 1, scenario=n),
    ], [
        _event("e1", "okafor", "amari", 1, "met with", day="2019-03-02", scenario=n),
    ]))  # fmt: skip
    add("agreeing", "two ministers say the same thing", lambda n: Scenario(n, "", [
        _stmt("s1", "okafor", "The Dawn Brigades are a terrorist organisation.", 1, scenario=n),
        _stmt("s2", "dane", "The Brigades remain a threat and an enemy of the state.", 4, scenario=n),
    ]))  # fmt: skip
    add("two-governments", "Velmar and Krasia disagree: no single voice", lambda n: Scenario(n, "", [
        _stmt("s1", "okafor", "The Coastal Alliance is a terrorist organisation.", 1, scenario=n),
        _stmt("s2", "halvo", "The Alliance fighters are brave partners of Krasia.", 3, scenario=n),
    ]))  # fmt: skip
    add("opposition-vs-government", "an opposition leader is not the government", lambda n: Scenario(n, "", [
        _stmt("s1", "lund", "The Dawn Brigades are terrorists, whatever ministers say.", 1, scenario=n),
    ], [
        _event("e1", "velmar-gov", "dawn", 1, "met", scenario=n),
    ]))  # fmt: skip
    add("consistent-hostility", "criticism matched by hostile acts", lambda n: Scenario(n, "", [
        _stmt("s1", "dane", "The Brigades are criminals and we will defeat them.", 1, scenario=n),
    ], [
        _event("e1", "velmar", "dawn", 4, "attacked", scenario=n),
        _event("e2", "velmar-gov", "dawn", 3, "threatened", scenario=n),
    ]))  # fmt: skip
    add("third-party", "the cooperation is with someone the speaker did not criticise", lambda n: Scenario(n, "", [
        _stmt("s1", "okafor", "The Dawn Brigades are a terrorist organisation.", 1, scenario=n),
    ], [
        _event("e1", "velmar-gov", "port", 1, "met", scenario=n),
        _event("e2", "velmar-gov", "krasia", 2, "signed a trade pact with", scenario=n),
    ]))  # fmt: skip
    add("negated-cue", "'not our enemy' is no label", lambda n: Scenario(n, "", [
        _stmt("s1", "halvo", "The Coastal Alliance is not our enemy.", 1, scenario=n),
    ], [
        _event("e1", "krasia", "coast", 1, "met", scenario=n),
    ]))  # fmt: skip
    add("refusal-vs-meeting", "hard: 'we will never talk to them' then a meeting (no stance word)", lambda n: Scenario(n, "", [
        _stmt("s1", "halvo", "We will never sit down with the Coastal Alliance.", 1, scenario=n),
    ], [
        _event("e1", "halvo", "coast", 1, "met with", scenario=n),
    ], gold={_sa("s1", "e1")}))  # fmt: skip
    add("different-claims", "hard: same shape, different claims", lambda n: Scenario(n, "", [
        _stmt("s1", "okafor", "Velmar will not sign the trade agreement with Krasia this year.", 1, scenario=n),
        _stmt("s2", "okafor", "Velmar will sign the water treaty with Krasia next year.", 6, scenario=n),
    ]))  # fmt: skip
    add("member-praise", "hard: praises the group's envoy by name, after calling the group terrorist", lambda n: Scenario(n, "", [
        _stmt("s1", "dane", "The Dawn Brigades are a terrorist organisation.", 1, scenario=n),
        _stmt("s2", "okafor", "Yusuf Amari is a constructive and respected partner.", 5, scenario=n),
    ], gold={_ss("s1", "s2")}))  # fmt: skip
    add("generic-label", "hard: 'we do not negotiate with terrorists' (no name) then talks", lambda n: Scenario(n, "", [
        _stmt("s1", "dane", "We do not negotiate with terrorists, and we never will.", 1, scenario=n),
    ], [
        _event("e1", "velmar-gov", "dawn", 1, "negotiated with", scenario=n),
    ], gold={_sa("s1", "e1")}))  # fmt: skip
    add("group-vs-its-country", "criticising a group does not bind dealings with its country", lambda n: Scenario(n, "", [
        _stmt("s1", "okafor", "The Coastal Alliance is a terrorist group.", 1, scenario=n),
    ], [
        _event("e1", "velmar-gov", "krasia", 1, "met", scenario=n),
    ]))  # fmt: skip
    add("different-targets", "one speaker, criticism and praise of different actors", lambda n: Scenario(n, "", [
        _stmt("s1", "halvo", "The Alliance is dangerous.", 1, scenario=n),
        _stmt("s2", "halvo", "The port workers of Velmar are our friends.", 4, scenario=n),
    ]))  # fmt: skip
    add("two-targets-each", "two ministers swap stances on two actors: one contradiction", lambda n: Scenario(n, "", [
        _stmt("s1", "dane", "Krasia is a friend, but the Alliance is a criminal gang.", 2, scenario=n),
        _stmt("s2", "okafor", "Krasia is hostile to us; the Alliance deserves respect.", 8, scenario=n),
    ], gold={_ss("s1", "s2")}))  # fmt: skip
    add("welcome-vs-sham", "welcome of a mediator against calling it a threat", lambda n: Scenario(n, "", [
        _stmt("s1", "okafor", "We condemned the Brigades' attack, and we welcome the mediation Krasia offers.", 1, scenario=n),
        _stmt("s2", "dane", "The mediation by Krasia is a sham and a threat to our sovereignty.", 5, scenario=n),
    ], gold={_ss("s1", "s2")}))  # fmt: skip
    return out


# --------------------------------------------------------------------------- seed article

#: Gold for the seed article: (kind, text in the first record, text in the second record).
#: A statement is named by its content, an event by its sentence.  Zarif calls the Taliban "a
#: terrorist entity"; the same government meets, hosts and visits it, and Shamkhani praises it.
SEED_GOLD: tuple[tuple[str, str, str], ...] = (
    ("statement-statement", "terrorist entity", "determined in the struggle"),
    ("statement-action", "terrorist entity", "traveled to Tehran"),
    ("statement-action", "terrorist entity", "second visit to Iran"),
    ("statement-action", "terrorist entity", "met with the regime"),
    ("statement-action", "terrorist entity", "hosted earlier meetings"),
    ("statement-action", "terrorist entity", "during meetings with the Taliban"),
    ("statement-action", "terrorist entity", "After the meeting with the Taliban"),
    ("statement-action", "terrorist entity", "today’s visit with the Taliban"),
    ("statement-action", "terrorist entity", "border partnership"),
    ("statement-action", "terrorist entity", "opposition to negotiations between Iran and the Taliban"),
    ("statement-action", "terrorist entity", "despite its ongoing negotiations with the group"),
)
#: Defensible but not required: neither counted as found nor as false when predicted.
SEED_ACCEPTABLE: tuple[tuple[str, str, str], ...] = (
    ("statement-action", "terrorist entity", "Mullahs regime hosting Taliban"),  # a headline
    ("statement-action", "terrorist entity", "productive for the Iranian regime"),
    ("statement-statement", "terrorist entity", "did not put aside the regional struggle"),
)


def analyze_file(path: str | Path, dictionaries: str | None = None) -> ArticleResult:
    """Run one article file through the full default pipeline (no store, no dedup)."""
    from ..errors import EvaluationError
    from ..knowledge.outlets import OutletRegistry
    from ..pipeline import PipelineConfig, build_pipeline
    from ..stages.extract import extract_article
    from ..stages.ingest import read_documents

    docs = [d for d in read_documents(str(path)) if isinstance(d, RawDocument)]
    if not docs:
        raise EvaluationError(f"cannot read the article {path}", origin=str(path))
    article = extract_article(docs[0], OutletRegistry.load())
    pipeline = build_pipeline(PipelineConfig(dictionaries=dictionaries))
    results, errors = pipeline.run([article])
    if not results:
        raise EvaluationError(f"the pipeline failed on {path}: {errors[0].message if errors else '?'}")
    return results[0]


def _record_text(result: ArticleResult) -> dict[tuple[str, str], str]:
    texts = {("statement", s.statement_id): s.content for s in result.statements}
    texts |= {("event", e.event_id): e.provenance.sentence for e in result.events}
    return texts


def _matches(
    c: Contradiction, texts: dict[tuple[str, str], str], gold: Sequence[tuple[str, str, str]]
) -> set[int]:
    """The gold pairs a finding covers: one gold text in a record on one side, the other in a
    record on the other side (a finding holds every record of each side, not one pair)."""
    side_a = [texts.get((r.type, r.id), "") for r in c.a_records or (c.a,)]
    side_b = [texts.get((r.type, r.id), "") for r in c.b_records or (c.b,)]

    def on(side: list[str], words: str) -> bool:
        return any(words in text for text in side)

    return {
        i
        for i, (kind, x, y) in enumerate(gold)
        if c.kind == kind and ((on(side_a, x) and on(side_b, y)) or (on(side_b, x) and on(side_a, y)))
    }


def score_seed(result: ArticleResult, prf: PRF) -> dict[str, Any]:
    """Score the contradictions found in the seed article against :data:`SEED_GOLD`: a gold
    pair is found when a finding holds its two records on opposite sides."""
    texts = _record_text(result)
    matched: set[int] = set()
    false: list[str] = []
    for c in result.contradictions:
        hits = _matches(c, texts, SEED_GOLD)
        matched |= hits
        if not hits and not _matches(c, texts, SEED_ACCEPTABLE):
            false.append(c.explanation)
    prf.tp += len(matched)
    prf.fp += len(false)
    prf.fn += len(SEED_GOLD) - len(matched)
    iran = [c for c in result.contradictions if _about_country(c, result, "IRN")]
    missed = [f"{k}: {x} / {y}" for i, (k, x, y) in enumerate(SEED_GOLD) if i not in matched]
    return {"n": len(SEED_GOLD), "predicted": len(result.contradictions), "iran": len(iran),
            "missed": missed, "false": false}  # fmt: skip


def _about_country(c: Contradiction, result: ArticleResult, country: str) -> bool:
    if c.actor.country == country:
        return True
    actor = next((a for a in result.actors if a.actor_id == c.actor.actor_id), None)
    return actor is not None and actor.country == country


# --------------------------------------------------------------------------- scoring


def score_records(items: Sequence[Scenario], overall: PRF, by_kind: dict[str, PRF]) -> list[str]:
    errors = []
    for sc in items:
        actors = dict(_ACTORS)
        found = find_contradictions(sc.statements, sc.events, actors)
        predicted = {(c.kind, frozenset((c.a.id, c.b.id))) for c in found}
        for key in predicted | sc.gold:
            prf = by_kind[key[0]]
            if key in predicted and key in sc.gold:
                prf.tp += 1
                overall.tp += 1
            elif key in predicted:
                prf.fp += 1
                overall.fp += 1
                errors.append(f"{sc.name}: false {key[0]} {sorted(key[1])}")
            else:
                prf.fn += 1
                overall.fn += 1
                errors.append(f"{sc.name}: missed {key[0]} {sorted(key[1])}")
    return errors


def evaluate(gold: str | None = None, *, limit: int | None = None, **options: object) -> EvalReport:
    """Score the hand-made records, and the seed article when the whole pipeline is installed.

    ``gold``: an article file to use instead of the seed article; ``limit``: score only the
    first N scenarios; ``seed=False`` skips the article; ``dictionaries`` goes to the pipeline.
    """
    items = scenarios()[:limit] if limit else scenarios()
    records, pooled = PRF(), PRF()
    by_kind = {k: PRF() for k in KINDS}
    notes = score_records(items, records, by_kind)
    pooled.tp, pooled.fp, pooled.fn = records.tp, records.fp, records.fn
    n_gold = sum(len(sc.gold) for sc in items)
    breakdown: dict[str, dict[str, Any]] = {
        "records": {"scenarios": len(items), "n": n_gold, **records.as_dict()},
        **{k: {"n": p.tp + p.fn, **p.as_dict()} for k, p in by_kind.items()},
    }
    seed_path = Path(gold) if gold else SEED
    if gold and not seed_path.is_file():
        from ..errors import EvaluationError

        raise EvaluationError(f"article file {gold} not found; --gold takes an article (.txt, .html)")
    want_seed = options.get("seed", True) is not False
    if want_seed and seed_path.is_file():
        dicts = options.get("dictionaries")
        result = analyze_file(seed_path, str(dicts) if dicts else None)
        seed = PRF()
        info = score_seed(result, seed)
        pooled.tp, pooled.fp, pooled.fn = pooled.tp + seed.tp, pooled.fp + seed.fp, pooled.fn + seed.fn
        n_gold += info["n"]
        notes += [f"seed: missed {m}" for m in info.pop("missed")]
        notes += [f"seed: false {f}" for f in info.pop("false")]
        breakdown["seed"] = {**info, **seed.as_dict()}
    elif want_seed:
        notes.append(f"seed article skipped ({seed_path} missing)")
    metrics: dict[str, Any] = {"n": n_gold, **pooled.as_dict()}
    return EvalReport("contradictions", metrics, breakdown, notes)


if __name__ == "__main__":
    report = evaluate()
    print(report.to_json())
    for note in report.notes:
        print("#", note)
