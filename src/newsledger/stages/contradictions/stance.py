"""Stance toward each actor a statement names: cue words near the name (the framing lexicon),
labels applied to it, refusals to deal with it; the targets a statement takes a position on."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from ...knowledge.framing import Lexicon, cached_pattern
from ...models import (
    Actor,
    ActorRef,
    Mention,
    Statement,
)
from ...text.normalize import norm_key
from .common import _CLAUSE_END, _TOKEN, STANCE_WINDOW, _wordset
from .voices import _Key, _ref_of, _voice


@dataclass(frozen=True, slots=True)
class _Target:
    actor_id: str
    name: str
    stance: str  # supportive | critical | neutral
    hostile: str  # the label when called a terrorist, an enemy, ... ("" otherwise)
    refusal: str  # the refused cooperation: "never negotiate with" ("" otherwise)
    cue: str  # the words that set the stance (for the explanation)
    confidence: float  # 1 when the words near the name say so; less on the statements stage's word alone
    keys: dict[str, _Key]


class StanceCue(NamedTuple):
    """A speaker's stance toward one actor, and the words that show it."""

    stance: str  # supportive | critical | neutral
    label: str  # hostile label applied to the actor ("terrorist"), or ""
    cue: str  # the strongest cue word near the name
    refusal: str  # a refused cooperation ("never sit down with"), or ""
    #: the words apply to the name (its label, predicate or verb object: "X is a terrorist
    #: group", "praised X"), not merely stand near it ("with your support we can be …")
    applied: bool = True


#: Confidence of a stance that only the statements stage's ``about`` gives.  On real text
#: such stances are the tone of a whole statement more often than a stance toward each actor
#: named, so they confirm the words near a name but never make a contradiction alone.
WEAK_STANCE = 0.6
#: Confidence of a stance from cue words near a name that do not apply to it.
NEAR_STANCE = 0.7


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0).lower().replace("’", "'")) for m in _TOKEN.finditer(text)]


def _token_index(tokens: list[tuple[int, int, str]], char: int) -> int:
    for i, (start, end, _) in enumerate(tokens):
        if start <= char < end or char < start:
            return i
    return max(len(tokens) - 1, 0)


def _clause_ids(tokens: list[tuple[int, int, str]]) -> list[int]:
    ids, current = [], 0
    for _, _, tok in tokens:
        ids.append(current)
        if tok in _CLAUSE_END:
            current += 1
    return ids


def _locate(
    statement: Statement,
    mentions: Sequence[Mention] | None,
    actors: Mapping[str, Actor],
    wanted: set[str] | None,
) -> list[tuple[int, int, str, str]]:
    """Where actors are named in ``statement.content``: (start, end, actor_id, text), content-relative.

    Mentions resolved by the actors stage are used when given; the names and aliases of
    ``wanted`` actors that no mention covers (all of them for records from the store) are
    searched in the content.
    """
    content, (c0, c1) = statement.content, statement.content_span
    found: list[tuple[int, int, str, str]] = []
    for m in mentions or ():
        if not m.actor_id or m.start < c0 or m.end > c1 or (wanted is not None and m.actor_id not in wanted):
            continue
        rel = m.start - c0
        if content[rel : rel + len(m.text)] != m.text:  # quotes stripped: find it nearby
            hits = [h.start() for h in re.finditer(re.escape(m.text), content)]
            if not hits:
                continue
            rel = min(hits, key=lambda h: abs(h - rel))
        found.append((rel, rel + len(m.text), m.actor_id, m.text))
    missing = (wanted if wanted is not None else set() if mentions is not None else set(actors)) - {
        f[2] for f in found
    }
    for actor_id in sorted(missing):
        actor = actors.get(actor_id)
        if actor is None:
            continue
        pattern = cached_pattern(tuple(n for n in (actor.name, *actor.aliases) if len(n) > 2))
        for hit in pattern.finditer(content) if pattern else ():
            found.append((hit.start(), hit.end(), actor_id, hit.group(0)))
    return sorted(found)


def lexical_stances(
    content: str,
    located: Sequence[tuple[int, int, str, str]],
    lexicon: Lexicon,
    exclude: Iterable[str] = (),
) -> dict[str, StanceCue]:
    """Stance toward each actor named in ``content``: ``{actor_id: (stance, label, cue)}``
    where ``label`` is the hostile label applied ("terrorist", "enemy"; "" for none).

    Each critical or supportive cue word goes to the nearest name in its clause (within
    :data:`STANCE_WINDOW` tokens, the preceding one on a tie); a negated cue ("not an enemy")
    counts for nothing, a negated supportive one ("will never negotiate with") counts as
    criticism; a name governed by "against"/"fight" is opposed, so it takes no praise
    and counts as criticised ("determined in the struggle against America").
    """
    excluded = set(exclude)
    tokens = _tokens(content)
    if not tokens:
        return {}
    occ = [
        (_token_index(tokens, start), _token_index(tokens, max(start, end - 1)), actor_id)
        for start, end, actor_id, _ in located
        if actor_id not in excluded
    ]
    if not occ:
        return {}
    tally = _Tally(tokens, occ, lexicon)
    tally.mark_opposed()
    for polarity, cues in ((0, lexicon.critical), (1, lexicon.supportive), (2, lexicon.cooperation)):
        pattern = cached_pattern(cues)
        for hit in pattern.finditer(content) if pattern is not None else ():
            tally.count(hit, polarity)
    return tally.stances()


class _Tally:
    """The cue words of one statement, each given to the nearest name of its clause."""

    def __init__(self, tokens: list[tuple[int, int, str]], occ: list[tuple[int, int, str]], lexicon: Lexicon):
        self.tokens, self.occ, self.lexicon = tokens, occ, lexicon
        self.words = [t for _, _, t in tokens]
        self.clause = _clause_ids(tokens)
        self.score: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])  # [critical, supportive]
        self.hostile: dict[str, str] = defaultdict(str)
        self.refusal: dict[str, str] = defaultdict(str)
        self.cue_of: dict[str, tuple[float, str]] = {}
        self.opposed: set[int] = set()
        self.applied: set[tuple[str, int]] = set()  # (actor, 0 critical / 1 supportive)
        self.cue_words = frozenset(w for w in lexicon.critical | lexicon.supportive if " " not in w)

    def mark_opposed(self) -> None:
        """A name governed by "against"/"fight" is opposed: it takes no praise, and "the
        struggle against America" criticises it ("operations against" does not)."""
        words = self.words
        for n, (first, _, actor_id) in enumerate(self.occ):
            lead = words[max(0, first - 3) : first]
            if any(w in self.lexicon.opposed_by for w in lead):
                self.opposed.add(n)
                if any(w in self.lexicon.struggle for w in words[max(0, first - 5) : first]):
                    self.score[actor_id][0] += 1.0
                    self.applied.add((actor_id, 0))
                    self.cue_of.setdefault(actor_id, (1.0, " ".join(lead[-2:] + [words[first]])))

    def count(self, hit: re.Match[str], polarity: int) -> None:
        pos = _token_index(self.tokens, hit.start())
        negated = _negated(self.words, pos, self.lexicon)
        if negated and polarity == 0:
            return  # "not our enemy" is no praise either: it counts for nothing
        if polarity == 2 and not negated:
            return  # "they met with officials" reports an act; only a refusal counts
        effective = 0 if negated else polarity  # "will never negotiate with them" is criticism
        agentive = polarity != 2 and _is_verb_cue(hit.group(0))
        best = self._nearest(pos, effective, agentive, hit.group(0))
        if best is None:
            return
        occ = self.occ[best[1]]
        actor_id = occ[2]
        weight = 1.0 / (1.0 + best[0] / 4.0)
        self.score[actor_id][effective] += weight
        last_tok = _token_index(self.tokens, hit.end() - 1)
        verb = agentive or polarity == 2
        if _bears(self.words, pos, last_tok, occ, verb, hit.group(0), self.cue_words):
            self.applied.add((actor_id, effective))
        if (
            effective == 0
            and not negated
            and norm_key(hit.group(0).lower()) in self.lexicon.hostile_labels
            and _applies(self.words, pos, _token_index(self.tokens, hit.end() - 1), occ)
        ):
            self.hostile[actor_id] = self.hostile[actor_id] or hit.group(0)
        if negated and polarity == 2:
            self.refusal[actor_id] = self.refusal[actor_id] or _refused(
                self.words, pos, hit.group(0), self.lexicon
            )
        if weight > self.cue_of.get(actor_id, (0.0, ""))[0]:
            self.cue_of[actor_id] = (weight, hit.group(0))

    def _nearest(self, pos: int, effective: int, agentive: bool, cue: str) -> tuple[float, int] | None:
        """(distance, index) of the name of ``pos``'s clause the cue at ``pos`` is about."""
        words, best = self.words, None
        for n, (first, last, _) in enumerate(self.occ):
            if self.clause[first] != self.clause[pos] or (effective == 1 and n in self.opposed):
                continue
            if agentive and last < pos and not _passive(words[last + 1 : pos], cue):
                continue  # "Israel rejected", "Iran ... and praised them": the actor acts
            if first > 0 and words[first - 1] in _LOCATIVE:
                continue  # "the enemy in Iraq": a place where things happen, not a target
            if effective == 1 and last == pos - 1 and words[last].endswith("'s"):
                continue  # "Tehran's support for extremists": Tehran gives the support
            dist = 0.0 if first <= pos <= last else float(pos - last) if pos > last else first - pos + 0.5
            if dist <= STANCE_WINDOW and (best is None or dist < best[0]):
                best = (dist, n)  # a name before its cue (the subject) wins ties
        return best

    def stances(self) -> dict[str, StanceCue]:
        out = {}
        for actor_id, (crit, sup) in self.score.items():
            stance = "critical" if crit > sup else "supportive" if sup > crit else "neutral"
            critical = stance == "critical"
            out[actor_id] = StanceCue(
                stance,
                self.hostile[actor_id] if critical else "",
                self.cue_of.get(actor_id, (0.0, ""))[1],
                self.refusal[actor_id] if critical else "",
                (actor_id, 0 if critical else 1) in self.applied,
            )
        return out


def _bears(
    words: list[str],
    first_cue: int,
    last_cue: int,
    occ: tuple[int, int, str],
    verb: bool,
    cue: str,
    cue_words: frozenset[str] = frozenset(),
) -> bool:
    """Whether the name at ``occ`` bears the cue: the object of a verb cue ("praised X", "will
    never negotiate with X") or its passive subject, else the name a label applies to."""
    first, last, _ = occ
    if verb:
        if first > last_cue:  # the object, unless a "by" makes it the agent ("supported by X")
            return first - last_cue <= 4 and "by" not in words[last_cue + 1 : first]
        return _passive(words[last + 1 : first_cue], cue)
    if _applies(words, first_cue, last_cue, occ):
        return True
    if last >= first_cue:
        return False
    # "the Legion's commanders are brave partners", "the Alliance fighters are our brothers and
    # friends": the people of the name (one noun after it) bear the label, possessed or through
    # a copula, other cue words of the lexicon allowed in the chain
    possessive = words[last].endswith("'s") or words[last + 1 : last + 2] in (["'s"], ["'"])
    gap = words[last + 1 : first_cue]
    gap = gap[1:] if gap[:1] in (["'s"], ["'"]) else gap
    linked = all(w in _LABEL_GAP or w in cue_words for w in gap[1:])
    return linked and (possessive or (len(gap) >= 2 and gap[1] in _COPULA))


_COPULA = _wordset("is are was were be been remain remains remained become became becomes")


#: Words that may stand between a name and the label applied to it: "the Taliban is still a
#: terrorist entity", "the Taliban's terrorist designation", "the Brigades are terrorists".
_LABEL_GAP = _wordset(
    "is are was were be been being has have had become became becomes remain remains remained "
    "still a an the 's ' as and or also now just only always truly really nothing but , - "
    "considered considers called calls branded brands labelled labeled designated designates listed "
    "our my your their his her its real main biggest greatest worst sworn bitter known "
    "deserve deserves deserved earn earns earned merit merits"
)
#: Words that may stand between a label and the name it precedes: "the terrorist group Hamas".
_LABEL_HEAD = _wordset(
    "group groups organisation organization organisations organizations movement entity militia "
    "network leader leaders of the a ,"
)


def _applies(words: list[str], label_first: int, label_last: int, occ: tuple[int, int, str]) -> bool:
    """Whether a label is applied to the name (copula, apposition, possessive, prenominal), not
    merely near it ("accused Venezuela of harboring terrorists" labels the terrorists)."""
    first, last, _ = occ
    if last < label_first:
        return all(w in _LABEL_GAP for w in words[last + 1 : label_first])
    if label_last < first:
        gap = words[label_last + 1 : first]
        if gap[:1] and gap[0] in _RELATION:
            return False  # "an enemy of Turkey", "a threat to Israel": the name is the other party
        return label_last + 4 >= first and all(w in _LABEL_HEAD for w in gap)
    return True


#: Right after a label, these make the following name its complement, not its bearer.
_RELATION = _wordset("of to against for toward towards")


#: Prepositions that make a name a place: "the war in Iraq", "fighting across Syria".
_LOCATIVE = _wordset("in into inside across throughout within near around")
#: What makes a participle passive: "was praised", "has been condemned".
_PASSIVE_AUX = _wordset("is are was were be been being has have had also widely repeatedly")
_VERB_ONLY = _wordset("condemn denounce accuse reject blame betray threaten endanger sabotage oppose")
_VERB_CUES = _wordset(
    "condemn denounce blame accuse reject oppose support praise welcome respect trust betray "
    "threaten endanger sabotage"
)


def _passive(gap: list[str], cue: str) -> bool:
    """ "Iran was condemned", "the Legion has been praised": the name before is the patient."""
    return bool(gap) and all(w in _PASSIVE_AUX for w in gap) and cue.lower().endswith("d")


def _is_verb_cue(cue: str) -> bool:
    """A cue that names an act (the actor before it does it), not a quality of the actor: an
    inflected verb ("condemned", "supports") or a verb that is no noun ("denounce"); "respect",
    "support" and "trust" alone are read as nouns ("deserves respect")."""
    word = cue.lower().split()[0]
    if word in _VERB_ONLY:
        return True
    stems = {word.removesuffix("s"), word.removesuffix("es"), word.removesuffix("d"), word.removesuffix("ed")}
    return word != min(stems, key=len) and bool(stems & _VERB_CUES)


def _refused(words: list[str], pos: int, cue: str, lexicon: Lexicon) -> str:
    """The negation and the cue it negates, as written: "never sit down with"."""
    start = pos
    while start > max(0, pos - 3) and not (
        words[start - 1] in lexicon.negations or words[start - 1].endswith("n't")
    ):
        start -= 1
    return " ".join([*words[max(0, start - 1) : pos], cue.lower()])


def _negated(words: list[str], pos: int, lexicon: Lexicon) -> bool:
    window = words[max(0, pos - 3) : pos]
    joined = " ".join(window)
    return any(w in lexicon.negations for w in window) or any(
        " " in n and n in joined for n in lexicon.negations
    )


def _targets(
    statement: Statement,
    speaker_keys: dict[str, _Key],
    actors: Mapping[str, Actor],
    mentions: Sequence[Mention] | None,
    lexicon: Lexicon,
) -> list[_Target]:
    day = statement.date
    self_ids = {statement.speaker.actor_id} if statement.speaker else set()
    given = {a.actor_id: a for a in statement.about}
    # one stance for every actor a statement names is the statement's tone, not a stance
    # toward each of them: such ``about`` stances are used only where the words agree
    polarities = {a.stance for a in statement.about}
    smeared = len(statement.about) >= 2 and len(polarities) == 1 and "neutral" not in polarities
    located = _locate(statement, mentions, actors, set(given) if given else None)
    derived = lexical_stances(statement.content, located, lexicon, exclude=self_ids)
    names = {actor_id: text for _, _, actor_id, text in located}
    out = []
    candidates = list(given) if given else list(derived)
    for actor_id in candidates:
        about = given.get(actor_id)
        found = derived.get(actor_id, StanceCue("neutral", "", "", ""))
        # words that only stand near the name are the statement's tone: too weak to contradict
        stance, confidence = found.stance, 1.0 if found.applied else NEAR_STANCE
        told = about.stance if about is not None and about.stance in ("critical", "supportive") else None
        if stance == "neutral" and told and not smeared:
            stance, confidence = told, WEAK_STANCE  # the statements stage's word alone
        elif about is not None and about.stance != stance:
            # the words near the name and the statement's ``about`` disagree (or ``about`` hears
            # no stance at all): nothing to cite, so a contradiction never calls a statement
            # "supportive" of an actor that the statement's record holds it is critical of
            continue
        if stance == "neutral":
            continue
        ref = _ref_of(actor_id, actors, day, about.name if about else names.get(actor_id, ""))
        keys = _voice(ref, actors, day)
        if not keys or keys.keys() & speaker_keys.keys():  # a voice speaking about itself
            continue
        if _own_country(statement.speaker, actors.get(actor_id)):
            continue
        hostile = found.label if stance == "critical" else ""
        refusal = found.refusal if stance == "critical" else ""
        out.append(_Target(actor_id, ref.name, stance, hostile, refusal, found.cue, confidence, keys))
    return out


def _own_country(speaker: ActorRef | None, target: Actor | None) -> bool:
    """A speaker of no known sector talking about their own country speaks for it, not of it."""
    return bool(
        speaker is not None
        and speaker.sector is None
        and target is not None
        and target.kind == "country"
        and target.country == speaker.country
    )
