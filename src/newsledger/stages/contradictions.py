"""Find where one actor (or one government) sends conflicting messages.

Two kinds, as in ../shared/EXPORT_SCHEMA.md:

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

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz

from ..knowledge.framing import Lexicon, cached_pattern, load_lexicon
from ..models import (
    Actor,
    ActorRef,
    AnalyzedArticle,
    Contradiction,
    Event,
    Mention,
    RecordRef,
    Statement,
)
from ..pipeline import Resources, stage
from ..text.normalize import norm_key

NAME = "newsledger.contradictions.v1"

__all__ = ["NAME", "StanceCue", "detect", "find_contradictions", "lexical_stances"]

#: CAMEO agent codes that speak for the state: a minister and a general are one government.
STATE_SECTORS = frozenset({"GOV", "MIL", "SPY", "JUD", "LEG"})

#: How strongly two records belong to one voice, by what they share.
W_ACTOR, W_ORG, W_GOV = 1.0, 0.9, 0.8

#: Cue words further than this (in tokens) from a name do not set the stance toward it.
STANCE_WINDOW = 14
#: Two claims this similar (0-1, after removing negations) and of opposite polarity conflict.
CLAIM_SIMILARITY = 0.72
MIN_CLAIM_WORDS = 3


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
_CLAUSE_END = frozenset({".", "!", "?", ";"})
_STOP = _wordset(
    "a an the of to in on at for and or but is are was were be been being it its this that these "
    "those with by as from has have had do does did will would shall should can could may might "
    "must we our us i my me you your he him his she her they them their there here so than then "
    "also still yet just very"
)


# --------------------------------------------------------------------------- voices


@dataclass(frozen=True, slots=True)
class _Key:
    weight: float
    ref: ActorRef  # whom a contradiction on this key is about


class _Actors(dict[str, Actor]):
    """Actors by id, with the actor that stands for each country's government looked up once."""

    def __init__(self, actors: Mapping[str, Actor] | Iterable[Actor]) -> None:
        super().__init__(actors if isinstance(actors, Mapping) else {a.actor_id: a for a in actors})
        self._governments: dict[str, Actor | None] = {}
        self.voices: dict[tuple[ActorRef, str | None], dict[str, _Key]] = {}

    def government(self, country: str) -> Actor | None:
        if country not in self._governments:
            self._governments[country] = _government_actor(country, self.values())
        return self._governments[country]


def _government_actor(country: str, actors: Iterable[Actor]) -> Actor | None:
    """The actor that stands for the government of ``country``: a GOV organisation named a
    government ("Iranian government") before other GOV bodies (a council), else the country."""
    best: tuple[int, Actor] | None = None
    for actor in actors:
        if actor.country != country or actor.kind == "person":
            continue
        if actor.sector == "GOV" and not actor.roles:
            rank = 0 if "government" in actor.name.lower() else 1
        elif actor.kind == "country":
            rank = 2
        else:
            continue
        if best is None or rank < best[0]:
            best = (rank, actor)
    return best[1] if best else None


def _ref_of(actor_id: str, actors: Mapping[str, Actor], day: str | None, name: str = "") -> ActorRef:
    actor = actors.get(actor_id)
    return actor.ref_on(day) if actor else ActorRef(actor_id, name or actor_id)


def _government(country: str, actors: Mapping[str, Actor], day: str | None) -> ActorRef:
    """The government of ``country`` as an actor ref; a synthetic ``<ISO3>GOV`` one when the
    knowledge base has neither a government nor the country."""
    found = (
        actors.government(country)
        if isinstance(actors, _Actors)
        else _government_actor(country, actors.values())
    )
    if found is not None:
        return found.ref_on(day)
    return ActorRef(
        f"{country}GOV", f"government of {_country_name(country)}", country, "GOV", f"{country}GOV"
    )


def _country_name(code: str) -> str:
    try:
        import pycountry

        found = pycountry.countries.get(alpha_3=code)
    except (ImportError, KeyError, LookupError):
        found = None
    if found is None:
        return code
    return str(getattr(found, "common_name", None) or found.name)


def _generic(ref: ActorRef, actors: Mapping[str, Actor]) -> bool:
    """An actor of no known identity ("unidentified government", "civilians"): not one voice."""
    actor = actors.get(ref.actor_id)
    if ref.country in (None, "---") and (actor is None or actor.kind == "group"):
        return actor is not None or ref.actor_id.startswith("group:")
    return False


def _voice(ref: ActorRef | None, actors: Mapping[str, Actor], day: str | None) -> dict[str, _Key]:
    """The keys under which ``ref`` speaks or acts: itself, its organisation, its state."""
    if ref is None:
        return {}
    if isinstance(actors, _Actors):  # the same actor on the same day: one dict, computed once
        memo = actors.voices.get((ref, day))
        if memo is None:
            memo = actors.voices[(ref, day)] = _voice_keys(ref, actors, day)
        return memo
    return _voice_keys(ref, actors, day)


def _voice_keys(ref: ActorRef, actors: Mapping[str, Actor], day: str | None) -> dict[str, _Key]:
    if _generic(ref, actors):
        return {}
    keys = {f"actor:{ref.actor_id}": _Key(W_ACTOR, ref)}
    actor = actors.get(ref.actor_id)
    kind = actor.kind if actor else None
    if actor is not None and actor.affiliation:
        keys[f"org:{actor.affiliation}"] = _Key(W_ORG, _ref_of(actor.affiliation, actors, day))
    if kind in ("organization", "group", "country"):
        keys[f"org:{ref.actor_id}"] = _Key(W_ORG, ref)
    if actor is not None and actor.affiliation and actor.affiliation in actors:
        org = actors[actor.affiliation]
        if org.country and org.sector in STATE_SECTORS and org.kind != "person":
            keys[f"gov:{org.country}"] = _Key(W_GOV, _government(org.country, actors, day))
    stateless_country = ref.sector is None and (
        kind == "country" or (kind is None and ref.cameo_code == ref.country)
    )
    if ref.country and (ref.sector in STATE_SECTORS or stateless_country):
        keys[f"gov:{ref.country}"] = _Key(W_GOV, _government(ref.country, actors, day))
    return keys


def _shared(a: dict[str, _Key], b: dict[str, _Key]) -> tuple[float, ActorRef] | None:
    """The strongest key two voices share, weighted by the weaker side."""
    best: tuple[float, ActorRef] | None = None
    for key in a.keys() & b.keys():
        weight = min(a[key].weight, b[key].weight)
        if best is None or weight > best[0]:
            ref = a[key].ref if a[key].weight <= b[key].weight else b[key].ref
            best = (weight, ref)
    return best


# --------------------------------------------------------------------------- stance


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


#: Confidence of a stance that only the statements stage's ``about`` gives.  On real text
#: such stances are the tone of a whole statement more often than a stance toward each actor
#: named, so they confirm the words near a name but never make a contradiction alone.
WEAK_STANCE = 0.6


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
    clause = _clause_ids(tokens)
    occ = []  # (first token, last token, actor_id)
    for start, end, actor_id, _ in located:
        if actor_id in excluded:
            continue
        occ.append((_token_index(tokens, start), _token_index(tokens, max(start, end - 1)), actor_id))
    if not occ:
        return {}
    words = [t for _, _, t in tokens]
    score: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])  # [critical, supportive]
    hostile: dict[str, str] = defaultdict(str)
    refusal: dict[str, str] = defaultdict(str)
    cue_of: dict[str, tuple[float, str]] = {}
    opposed: set[int] = set()
    for n, (first, _, actor_id) in enumerate(occ):
        lead = words[max(0, first - 3) : first]
        if any(w in lexicon.opposed_by for w in lead):
            opposed.add(n)
            if any(w in lexicon.struggle for w in words[max(0, first - 5) : first]):
                score[actor_id][0] += 1.0  # "the struggle against America", not "operations against"
                cue_of.setdefault(actor_id, (1.0, " ".join(lead[-2:] + [words[first]])))
    cue_sets = ((0, lexicon.critical), (1, lexicon.supportive), (2, lexicon.cooperation))
    for polarity, cues in cue_sets:
        pattern = cached_pattern(cues)
        if pattern is None:
            continue
        for hit in pattern.finditer(content):
            pos = _token_index(tokens, hit.start())
            negated = _negated(words, pos, lexicon)
            if negated and polarity == 0:
                continue  # "not our enemy" is no praise either: it counts for nothing
            if polarity == 2 and not negated:
                continue  # "they met with officials" reports an act; only a refusal counts
            effective = 0 if negated else polarity  # "will never negotiate with them" is criticism
            best: tuple[float, int] | None = None
            agentive = polarity != 2 and _is_verb_cue(hit.group(0))
            for n, (first, last, _) in enumerate(occ):
                if clause[first] != clause[pos] or (effective == 1 and n in opposed):
                    continue
                if agentive and last < pos and not _passive(words[last + 1 : pos], hit.group(0)):
                    continue  # "Israel rejected", "Iran ... and praised them": the actor acts
                if first > 0 and words[first - 1] in _LOCATIVE:
                    continue  # "the enemy in Iraq": a place where things happen, not a target
                if effective == 1 and last == pos - 1 and words[last].endswith("'s"):
                    continue  # "Tehran's support for extremists": Tehran gives the support
                if first <= pos <= last:
                    dist = 0.0
                elif pos > last:
                    dist = float(pos - last)
                else:
                    dist = first - pos + 0.5  # a name before its cue (the subject) wins ties
                if dist <= STANCE_WINDOW and (best is None or dist < best[0]):
                    best = (dist, n)
            if best is None:
                continue
            actor_id = occ[best[1]][2]
            weight = 1.0 / (1.0 + best[0] / 4.0)
            score[actor_id][effective] += weight
            phrase = hit.group(0).lower()
            if (
                effective == 0
                and not negated
                and norm_key(phrase) in lexicon.hostile_labels
                and _applies(words, pos, _token_index(tokens, hit.end() - 1), occ[best[1]])
            ):
                hostile[actor_id] = hostile[actor_id] or hit.group(0)
            if negated and polarity == 2:
                refusal[actor_id] = refusal[actor_id] or _refused(words, pos, hit.group(0), lexicon)
            if weight > cue_of.get(actor_id, (0.0, ""))[0]:
                cue_of[actor_id] = (weight, hit.group(0))
    out = {}
    for actor_id, (crit, sup) in score.items():
        stance = "critical" if crit > sup else "supportive" if sup > crit else "neutral"
        critical = stance == "critical"
        out[actor_id] = StanceCue(
            stance,
            hostile[actor_id] if critical else "",
            cue_of.get(actor_id, (0.0, ""))[1],
            refusal[actor_id] if critical else "",
        )
    return out


#: Words that may stand between a name and the label applied to it: "the Taliban is still a
#: terrorist entity", "the Taliban's terrorist designation", "the Brigades are terrorists".
_LABEL_GAP = _wordset(
    "is are was were be been being has have had become became becomes remain remains remained "
    "still a an the 's ' as and or also now just only always truly really nothing but , - "
    "considered considers called calls branded brands labelled labeled designated designates listed "
    "our my your their his her its real main biggest greatest worst sworn bitter known"
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
        return label_last + 4 >= first and all(w in _LABEL_HEAD for w in words[label_last + 1 : first])
    return True


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
        stance, confidence = found.stance, 1.0
        told = about.stance if about is not None and about.stance in ("critical", "supportive") else None
        if stance == "neutral" and told and not smeared:
            stance, confidence = told, WEAK_STANCE  # the statements stage's word alone
        elif told and told != stance:
            confidence = 0.8  # the words near the name and the statements stage disagree
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


# --------------------------------------------------------------------------- claims


def _claim(content: str, lexicon: Lexicon) -> tuple[list[str], int]:
    """Content words of a claim with negations removed and antonyms folded onto one side,
    and the claim's polarity (number of negations and folded antonyms, mod 2)."""
    antonyms = lexicon.antonym_map()
    canonical = {a: min(a, b) for a, b in antonyms.items()}
    words, flips = [], 0
    toks = [t for _, _, t in _tokens(content) if t.isalnum() or "'" in t or "-" in t]
    i = 0
    while i < len(toks):
        tok = toks[i]
        pair = " ".join(toks[i : i + 2])
        if pair in lexicon.negations:
            flips += 1
            i += 2
            continue
        if tok in lexicon.negations or tok.endswith("n't"):
            flips += 1
            if tok.endswith("n't") and tok not in lexicon.negations:
                words.append(tok[:-3])
            i += 1
            continue
        if tok in canonical:
            if canonical[tok] != tok:
                flips += 1
            words.append(canonical[tok])
        elif tok not in _STOP:
            words.append(tok)
        i += 1
    return words, flips % 2


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class _Said:
    statement: Statement
    voice: dict[str, _Key]
    targets: list[_Target]
    claim: list[str]
    polarity: int


def _cid(kind: str, a: RecordRef, b: RecordRef) -> str:
    """Stable id from the kind and both records (order-free: the same pair gets the same id)."""
    ends = sorted((f"{a.type}:{a.id}", f"{b.type}:{b.id}"))
    key = f"{kind}|{ends[0]}|{ends[1]}"
    return "c" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


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


def _stance_conflict(x: _Said, y: _Said, weight: float, group: ActorRef) -> tuple[float, str] | None:
    best: tuple[float, str] | None = None
    for tx in x.targets:
        for ty in y.targets:
            if {tx.stance, ty.stance} != {"critical", "supportive"}:
                continue
            common = _shared(tx.keys, ty.keys)
            if common is None:
                continue
            if min(tx.confidence, ty.confidence) < 0.8:
                continue  # a stance on the statements stage's word alone: too weak on real text
            score = (0.8 + (0.1 if tx.hostile or ty.hostile else 0.0)) * weight * common[0]
            score *= min(tx.confidence, ty.confidence)
            score *= _time_factor(x.statement.date, y.statement.date)  # positions do change
            if best is not None and score <= best[0]:
                continue
            a, b = x.statement, y.statement
            other = "it" if ty.actor_id == tx.actor_id else f"{ty.name} ({tx.name})"
            text = (
                f"{_who(a)} (statement {a.statement_id}) {_attitude(tx)} "
                f"(“{_snippet(a.content, tx.hostile or tx.cue)}”) but {_second(weight, group, b)} "
                f"{_attitude(ty, other)} (“{_snippet(b.content, ty.hostile or ty.cue)}”)."
            )
            best = (min(score, 1.0), text)
    return best


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


def _claim_conflict(x: _Said, y: _Said, weight: float, group: ActorRef) -> tuple[float, str] | None:
    if x.polarity == y.polarity or min(len(x.claim), len(y.claim)) < MIN_CLAIM_WORDS:
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
    return (min(score, 1.0), text)


def _event_sides(event: Event) -> list[tuple[ActorRef, ActorRef, bool]]:
    """(own side, other side, own side is the source) for both directions of an event."""
    sides = []
    if event.source and event.target:
        sides.append((event.source, event.target, True))
        sides.append((event.target, event.source, False))
    return sides


@dataclass(frozen=True, slots=True)
class _Side:
    """One event seen from one of its two actors ("own"), with both sides' voice keys."""

    event: Event
    own: ActorRef
    other: ActorRef
    own_is_source: bool
    own_keys: dict[str, _Key]
    other_keys: dict[str, _Key]


def _index_events(events: Sequence[Event], actors: Mapping[str, Actor]) -> dict[tuple[str, str], list[_Side]]:
    """Events by (voice key of the side taking part, voice key of the other side), built once."""
    index: dict[tuple[str, str], list[_Side]] = defaultdict(list)
    for event in events:
        if event.negated or event.hypothetical or event.quad_class == 3:
            continue
        for own, other, own_is_source in _event_sides(event):
            if not own_is_source and (event.quad_class == 4 or not _mutual(event)):
                continue  # being praised or attacked is not the speaker's own conduct
            own_keys = _voice(own, actors, event.date)
            other_keys = _voice(other, actors, event.date)
            side = _Side(event, own, other, own_is_source, own_keys, other_keys)
            for key in own_keys:
                for other_key in other_keys:
                    index[(key, other_key)].append(side)
    return index


def _action_conflicts(
    said: _Said, index: Mapping[tuple[str, str], list[_Side]], limit: int | None
) -> list[tuple[float, Event, _Target, ActorRef, str]]:
    """The events that contradict what ``said`` says of its targets: the best ``limit`` per
    target (nearest in time first among equals), so that a much-repeated label does not link
    to every meeting in a whole corpus."""
    out = []
    s = said.statement
    for target in said.targets:
        # the criticism must be a label applied to the actor ("a terrorist entity") or a
        # refusal to deal with it ("we will never negotiate with them"): mere criticism
        # ("its opposition to talks between Iran and the Taliban") does not bind conduct
        labels = target.stance == "critical" and bool(target.hostile or target.refusal)
        praises = target.stance == "supportive" and target.confidence >= 0.8
        if not (labels or praises):
            continue
        sides: dict[int, _Side] = {}
        for key in said.voice:
            for other_key in target.keys:
                for side in index.get((key, other_key), ()):
                    sides.setdefault(id(side), side)
        scored: dict[tuple[str, int], tuple[float, int, _Side, ActorRef, bool]] = {}
        voices: dict[int, tuple[float, ActorRef] | None] = {}  # by identity of memoised key sets
        hits: dict[int, tuple[float, ActorRef] | None] = {}
        for side in sides.values():
            event = side.event
            cooperative = labels and event.quad_class in (1, 2)
            if not (cooperative or (praises and event.quad_class == 4)) or _told_in(event, s):
                continue
            own, other = id(side.own_keys), id(side.other_keys)
            if own not in voices:
                voices[own] = _shared(said.voice, side.own_keys)
            if other not in hits:
                hits[other] = _shared(target.keys, side.other_keys)
            voice, hit = voices[own], hits[other]
            if voice is None or hit is None:
                continue
            if cooperative:
                base = 0.85 if target.hostile else 0.7
                base *= 0.9 if event.quad_class == 1 else 1.0
            else:
                base = 0.6
            score = base * voice[0] * hit[0] * target.confidence * _time_factor(s.date, event.date)
            score *= 0.8 + 0.2 * max(0.0, min(event.confidence, 1.0))
            # one per reported happening: "traveled to Tehran to meet officials" is one contact
            slot = (event.provenance.article_id, event.provenance.sentence_index)
            gap = _days_apart(s.date, event.date)
            if slot not in scored or (score, -gap) > scored[slot][:2]:
                scored[slot] = (score, -gap, side, voice[1], cooperative)
        best = sorted(scored.values(), key=lambda x: (-x[0], -x[1], x[2].event.event_id))
        for score, _gap, side, group, cooperative in best[:limit] if limit else best:
            out.append(
                (min(score, 1.0), side.event, target, group, _action_text(s, target, side, cooperative))
            )
    return out


def _action_text(s: Statement, target: _Target, side: _Side, cooperative: bool) -> str:
    event = side.event
    when = f" on {event.date}" if event.date else ""
    what = "cooperates with" if cooperative else "acts against"
    other = side.other
    whom = other.name if other.actor_id == target.actor_id else f"{other.name} ({target.name})"
    return (
        f"{_who(s)} (statement {s.statement_id}) {_attitude(target)} "
        f"(“{_snippet(s.content, target.hostile or target.cue)}”) while {side.own.name} {what} "
        f"{whom} (event {event.event_id}: “{event.trigger}”{when})."
    )


def _days_apart(a: str | None, b: str | None) -> int:
    """Days between two ISO dates of any precision (a year counts as its 1 July); large if unknown."""
    first, second = _day_number(a), _day_number(b)
    return 10**6 if first is None or second is None else abs(first - second)


@lru_cache(maxsize=4096)
def _day_number(value: str | None) -> int | None:
    if not value:
        return None
    parts = [int(p) for p in value[:10].split("-") if p.isdigit()]
    if not parts:
        return None
    year, month, day = (parts + [7, 1])[:3] if len(parts) == 1 else (parts + [15])[:3]
    return year * 372 + month * 31 + day


#: CAMEO roots of cooperation that involve both sides whoever is coded the source: meetings,
#: visits and hosting (04), material cooperation (06).  Verbal support (05: praise) is one-sided.
MUTUAL_ROOTS = frozenset({"04", "06"})


def _mutual(event: Event) -> bool:
    return event.cameo_root in MUTUAL_ROOTS or event.quad_class == 2


def _told_in(event: Event, statement: Statement) -> bool:
    """The event was coded from the statement's own words: it is what was said, not done."""
    ep = event.provenance
    c0, c1 = statement.content_span
    return ep.article_id == statement.provenance.article_id and c0 <= ep.span[0] < c1


def _time_factor(a: str | None, b: str | None) -> float:
    if not a or not b:
        return 1.0
    try:
        gap = abs(int(a[:4]) - int(b[:4]))
    except ValueError:
        return 1.0
    return 1.0 if gap <= 1 else 0.85 if gap <= 3 else 0.7


def _candidate_pairs(said: Sequence[_Said]) -> set[tuple[int, int]]:
    """Pairs of statements worth comparing, without comparing all pairs (the store calls this on
    thousands of statements): one voice, and either opposite stances toward a shared target, or
    claims of opposite polarity that share their two rarest words."""
    pairs: set[tuple[int, int]] = set()
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
    # each statement is paired with the latest earlier one of the opposite stance in its
    # bucket: a flip of position is reported once, not once for every statement before it
    for critical, supportive in stances.values():
        if not critical or not supportive:
            continue
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
        voice = _voice(st.speaker, amap, st.date)
        if not voice:
            continue
        claim, polarity = _claim(st.content, lex)
        said.append(_Said(st, voice, _targets(st, voice, amap, mentions, lex), claim, polarity))

    found: dict[str, Contradiction] = {}

    def add(
        kind: str, group: ActorRef, a: RecordRef, b: RecordRef, text: str, score: float, art: str | None
    ) -> None:
        if score < min_score:
            return
        cid = _cid(kind, a, b)
        old = found.get(cid)
        if old is None or score > old.score:
            found[cid] = Contradiction(cid, kind, group, a, b, text, round(score, 3), article_id or art)

    index = _index_events(events, amap)
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
        for conflict in (_stance_conflict(x, y, weight, group), _claim_conflict(x, y, weight, group)):
            if conflict is not None:
                add("statement-statement", group, a, b, conflict[1], conflict[0], _article_of(first, second))

    for item in said:
        for score, event, _target, group, text in _action_conflicts(item, index, max_events):
            add(
                "statement-action",
                group,
                RecordRef("statement", item.statement.statement_id),
                RecordRef("event", event.event_id),
                text,
                score,
                _article_of(item.statement, event),
            )
    return sorted(found.values(), key=lambda c: (-c.score, c.contradiction_id))


@stage(NAME, requires=("statements", "events", "actors", "mentions"), assigns=("contradictions",))
def detect(item: AnalyzedArticle, res: Resources) -> None:
    path = res.config.option("framing_lexicon")
    lexicon = res.cached(f"framing.lexicon:{path}", lambda: load_lexicon(path))
    item.contradictions = find_contradictions(
        item.statements,
        item.events,
        item.actors,
        article_id=item.article.article_id,
        mentions=item.mentions,
        lexicon=lexicon,
    )
