"""Find where one actor (or one government) sends conflicting messages.

Two kinds, as in docs/EXPORT_SCHEMA.md:

``statement-statement``
    Two statements by the same voice -- the same actor, members of the same organisation
    (``Actor.affiliation``) or organs of the same state (same country, state sector) -- that
    take opposite stances toward the same target ("the Taliban is still a terrorist entity" /
    "the group's leaders are determined in the struggle against America"), or that make the
    same claim once plainly and once negated ("we will negotiate" / "we will not negotiate").

``statement-action``
    A voice calls an actor a terrorist or an enemy, or refuses to deal with it ("we will never
    negotiate with them"), while its own events with that actor are cooperative (CAMEO quad
    class 1-2: meeting, hosting, a border partnership); or it praises an actor it attacks
    (quad class 4).  Events are the speaker side's conduct: being praised is not, a meeting is
    (whoever is coded its source); an event told inside the statement itself is not conduct.

:func:`find_contradictions` is pure: it reads typed records only, so it serves both the
per-article stage and the store, which calls it on records from many articles grouped by actor.
Its output stays linear in its input: a statement is paired with the latest earlier statement
of the opposite stance (one link per change of position) and with at most ``max_events`` events.

Stance toward a target comes from the words near its name in the statement's content (the
framing lexicon's cue words, each given to the nearest name in its clause): a label counts only
when applied to the name ("X is a terrorist group", "X's terrorist designation"), the actor
doing the criticising is not criticised ("a claim Israel rejected"), a place is not a target
("the enemy in Iraq").  The targets are ``Statement.about`` when the statements stage set it,
else the actors the content names; an ``about`` stance alone, with no cue near the name,
confirms but never makes a contradiction (on real text it is most often the tone of the whole
statement).  Each contradiction has a score in [0, 1]: how surely both records speak for one
voice and are about one target, how strong the words are, and how close in time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from ...knowledge.framing import Lexicon, load_lexicon
from ...models import (
    Actor,
    AnalyzedArticle,
    Contradiction,
    Event,
    Mention,
    RecordRef,
    Statement,
)
from ...pipeline import Resources, stage
from ...text.stance import StanceCue, lexical_stances
from .actions import _action_conflicts, _index_events
from .claims import _claim
from .common import MIN_CLAIM_WORDS
from .conflicts import (
    _article_of,
    _claim_conflict,
    _order,
    _Said,
    _same_sentence,
    _stance_conflict,
    _when,
)
from .evidence import asserted
from .findings import Pair, findings
from .stance import _targets
from .voices import _Actors, _shared, _voice

NAME = "newsledger.contradictions.v1"

__all__ = ["NAME", "StanceCue", "detect", "find_contradictions", "lexical_stances"]


def _candidate_pairs(said: Sequence[_Said]) -> set[tuple[int, int]]:
    """Pairs of statements worth comparing, without comparing all pairs (the store calls this on
    thousands of statements): one voice, and either opposite stances toward a shared target, or
    claims of opposite polarity that share their two rarest words."""
    stances: dict[tuple[str, str], tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    words: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, item in enumerate(said):
        for vkey in item.voice:
            for target in item.targets:
                for tkey in target.keys:
                    stances[(vkey, tkey)][0 if target.stance == "critical" else 1].append(i)
            if len(item.claim) >= MIN_CLAIM_WORDS:
                for word in set(item.claim):
                    words[(vkey, word)].append(i)
    pairs: set[tuple[int, int]] = set()
    for critical, supportive in stances.values():
        if critical and supportive:
            pairs |= _flips(said, critical, supportive)
    return pairs | _claim_pairs(said, words)


def _flips(said: Sequence[_Said], critical: list[int], supportive: list[int]) -> set[tuple[int, int]]:
    """Each statement paired with the latest earlier one of the opposite stance in its bucket:
    a flip of position is compared once, not once for every statement before it."""
    pairs: set[tuple[int, int]] = set()
    members = sorted(set(critical) | set(supportive), key=lambda k: _when(said[k].statement))
    last: dict[bool, int] = {}
    crit, sup = set(critical), set(supportive)
    for k in members:
        is_critical = k in crit
        if k in sup and is_critical:
            continue  # both stances toward one target in one statement: no position to flip
        before = last.get(not is_critical)
        if before is not None:
            pairs.add((min(before, k), max(before, k)))
        last[is_critical] = k
    return pairs


def _claim_pairs(said: Sequence[_Said], words: dict[tuple[str, str], list[int]]) -> set[tuple[int, int]]:
    """Statements of one voice whose claims share their two rarest words, of opposite polarity."""
    pairs: set[tuple[int, int]] = set()
    for i, item in enumerate(said):
        if len(item.claim) < MIN_CLAIM_WORDS:
            continue
        for vkey in item.voice:
            rarest = sorted(set(item.claim), key=lambda w: (len(words[(vkey, w)]), w))[:2]
            if len(rarest) < 2:
                continue
            first, second = (set(words[(vkey, w)]) for w in rarest)
            for j in first & second:
                if j != i and said[j].polarity != item.polarity:
                    pairs.add((min(i, j), max(i, j)))
    return pairs


def find_contradictions(
    statements: Sequence[Statement],
    events: Sequence[Event],
    actors: Mapping[str, Actor] | Iterable[Actor],
    *,
    article_id: str | None = None,
    mentions: Sequence[Mention] | None = None,
    lexicon: Lexicon | None = None,
    min_score: float = 0.3,
    max_events: int | None = 12,
) -> list[Contradiction]:
    """Contradictions among ``statements`` and between them and ``events``, best first.

    ``actors`` resolves affiliations and countries (a mapping by id or any iterable of actors).
    ``mentions`` (article offsets, as the actors stage makes them) locate the actors named in a
    statement's content; without them the actors' names and aliases are searched instead.
    ``article_id`` is stamped on every contradiction; when ``None`` each one takes the article
    both its records come from, if they share one.  Each statement is linked to at most
    ``max_events`` contradicting events per target (the strongest, then the nearest in time).
    """
    lex = lexicon or load_lexicon()
    amap = _Actors(actors)
    said: list[_Said] = []
    for st in statements:
        if not asserted(st):
            continue
        voice = _voice(st.speaker, amap, st.date)
        if not voice:
            continue
        claim, polarity = _claim(st.content, lex)
        said.append(_Said(st, voice, _targets(st, voice, amap, mentions, lex), claim, polarity))

    pairs: list[Pair] = []
    index = _index_events(events, amap, statements)
    for i, j in sorted(_candidate_pairs(said)):
        x, y = said[i], said[j]
        if x.statement.statement_id == y.statement.statement_id or _same_sentence(x.statement, y.statement):
            continue
        shared = _shared(x.voice, y.voice)
        if shared is None:
            continue
        first, second = _order(x.statement, y.statement)
        x, y = (x, y) if first is x.statement else (y, x)
        weight, group = shared
        a, b = RecordRef("statement", first.statement_id), RecordRef("statement", second.statement_id)
        art = _article_of(first, second)
        for found in (_stance_conflict(x, y, weight, group), _claim_conflict(x, y, weight, group)):
            if found is not None and found.score >= min_score:
                pairs.append(
                    Pair(
                        "statement-statement",
                        found.key,
                        group,
                        a,
                        b,
                        *found[3:],
                        found.text,
                        found.score,
                        art,
                    )
                )

    for item in said:
        for score, event, target, group, text in _action_conflicts(item, index, max_events):
            if score < min_score:
                continue
            label = "labels" if target.stance == "critical" else "praises"
            pairs.append(
                Pair(
                    "statement-action",
                    ("action", group.actor_id, target.actor_id, label),
                    group,
                    RecordRef("statement", item.statement.statement_id),
                    RecordRef("event", event.event_id),
                    "statement",
                    "event",
                    text,
                    score,
                    _article_of(item.statement, event),
                )
            )
    return findings(pairs, article_id)


@stage(NAME, requires=("statements", "events", "actors", "mentions"), assigns=("contradictions",))
def detect(item: AnalyzedArticle, res: Resources) -> None:
    path = res.config.options.framing_lexicon
    lexicon = res.cached(f"framing.lexicon:{path}", lambda: load_lexicon(path))
    item.contradictions = find_contradictions(
        item.statements,
        item.events,
        item.actors,
        article_id=item.article.article_id,
        mentions=item.mentions,
        lexicon=lexicon,
    )
