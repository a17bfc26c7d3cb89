"""Stance of a speaker toward an actor, from the cue and content words of a statement.

A small, editable lexicon (``data/stance.yaml``) lists critical and supportive words; a statement's
stance toward an actor is the balance of those words in the clause that mentions the actor (or the
whole content when the clause has none), with a negator shortly before a term flipping it.
The lexicon is deliberately transparent: it is a first cut that users extend, not a model.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from ..errors import KnowledgeError
from ..knowledge.files import load_yaml
from ..knowledge.framing import Lexicon, cached_pattern
from ..knowledge.wordlists import word_lists
from .normalize import norm_key

CRITICAL = "critical"
SUPPORTIVE = "supportive"
NEUTRAL = "neutral"

#: How many words before a term a negator still flips it.
NEGATION_WINDOW = 3


def _first_word_positions(low: Sequence[str], lem: Sequence[str]) -> dict[str, list[int]]:
    """Word or lemma -> the positions where it stands, ascending (each position once a key)."""
    positions: dict[str, list[int]] = {}
    for i, (word, lemma) in enumerate(zip(low, lem, strict=True)):
        positions.setdefault(word, []).append(i)
        if lemma != word:
            positions.setdefault(lemma, []).append(i)
    return positions


@dataclass(frozen=True, slots=True)
class StanceLexicon:
    critical: frozenset[str]
    supportive: frozenset[str]
    negators: frozenset[str]
    phrases: tuple[tuple[tuple[str, ...], str], ...]  # multi-word terms as word tuples + polarity

    @classmethod
    def load(cls, path: str | Path | None = None) -> StanceLexicon:
        """The shipped lexicon, or the YAML file at ``path`` (same keys)."""
        data, origin = load_yaml(path, "stance.yaml", "stance lexicon")
        if not isinstance(data, dict):
            raise KnowledgeError(
                "stance lexicon must map critical/supportive/negators to lists", origin=origin
            )
        return cls.from_lists(
            critical=data.get("critical") or (),
            supportive=data.get("supportive") or (),
            negators=data.get("negators") or (),
        )

    @classmethod
    def from_lists(
        cls, *, critical: Sequence[str], supportive: Sequence[str], negators: Sequence[str] = ()
    ) -> StanceLexicon:
        words: dict[str, set[str]] = {CRITICAL: set(), SUPPORTIVE: set()}
        phrases: list[tuple[tuple[str, ...], str]] = []
        for polarity, terms in ((CRITICAL, critical), (SUPPORTIVE, supportive)):
            for term in terms:
                parts = _words(str(term))
                if len(parts) == 1:
                    words[polarity].add(parts[0])
                elif parts:
                    phrases.append((parts, polarity))
        negators = [str(n) for n in negators]
        single_neg = frozenset(n.lower() for n in negators if " " not in n)
        for neg in negators:
            if " " in neg:
                phrases.append((_words(neg), "negator"))
        return cls(frozenset(words[CRITICAL]), frozenset(words[SUPPORTIVE]), single_neg, tuple(phrases))

    def polarity(self, words: Sequence[str], lemmas: Sequence[str] | None = None) -> int:
        """Supportive minus critical terms in ``words`` (lemmas too, when given), negation-aware."""
        low = [w.lower() for w in words]
        lem = [w.lower() for w in lemmas] if lemmas is not None else low
        hits: list[tuple[int, int]] = []  # (position, +1 / -1)
        negations: list[int] = []
        covered: set[int] = set()
        starts = _first_word_positions(low, lem)
        for parts, polarity in self.phrases:
            n = len(parts)
            # a phrase can only start where its first word (or lemma) stands
            at = range(len(low) - n + 1) if not parts else starts.get(parts[0], ())
            for i in at:
                if i > len(low) - n:
                    break
                if tuple(low[i : i + n]) == parts or tuple(lem[i : i + n]) == parts:
                    if polarity == "negator":
                        negations.append(i + n - 1)
                    else:
                        hits.append((i, 1 if polarity == SUPPORTIVE else -1))
                    covered.update(range(i, i + n))
        for i, (word, lemma) in enumerate(zip(low, lem, strict=True)):
            if i in covered:
                continue
            if word in self.negators or lemma in self.negators:
                negations.append(i)
            elif word in self.critical or lemma in self.critical:
                hits.append((i, -1))
            elif word in self.supportive or lemma in self.supportive:
                hits.append((i, 1))
        score = 0
        for pos, sign in hits:
            negated = any(0 < pos - n <= NEGATION_WINDOW for n in negations)
            score += -sign if negated else sign
        return score

    def stance(self, words: Sequence[str], lemmas: Sequence[str] | None = None) -> str:
        """``supportive``, ``critical`` or ``neutral`` for a stretch of words."""
        score = self.polarity(words, lemmas)
        if score > 0:
            return SUPPORTIVE
        if score < 0:
            return CRITICAL
        return NEUTRAL


def _words(term: str) -> tuple[str, ...]:
    """A term as the tokenizer splits it: "show-off" -> ("show", "-", "off")."""
    return tuple(re.findall(r"[\w']+|[^\w\s]", term.lower()))


def stance_of(text: str, lexicon: StanceLexicon | None = None) -> str:
    """Stance of a plain string (whitespace-split, lower-cased words): for quick checks and tests."""
    lexicon = lexicon or StanceLexicon.load()
    return lexicon.stance(re.findall(r"[\w']+|[^\w\s]", text))


# --------------------------------------------------------------------------- toward a named actor
#
# The same model read at the level of one name: which cue words of the framing lexicon
# (``knowledge/data/framing.yaml``) apply to each actor named in a text -- a label ("X is a
# terrorist group"), a verb whose object it is ("praised X"), a refusal ("will never negotiate
# with X") -- and which merely stand near it.  The statements stage records it in
# ``Statement.about``; the contradictions stage cites it, so the two never disagree.

#: The glue words of labels and cues (knowledge/data/stance_syntax_words.yaml; see its comments).
_WORDS = word_lists("stance_syntax_words.yaml")

#: Cue words further than this (in tokens) from a name do not set the stance toward it.
STANCE_WINDOW = 14


_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
_CLAUSE_END = frozenset({".", "!", "?", ";"})


class StanceCue(NamedTuple):
    """A speaker's stance toward one actor, and the words that show it."""

    stance: str  # supportive | critical | neutral
    label: str  # hostile label applied to the actor ("terrorist"), or ""
    cue: str  # the strongest cue word near the name
    refusal: str  # a refused cooperation ("never sit down with"), or ""
    #: the words apply to the name (its label, predicate or verb object: "X is a terrorist
    #: group", "praised X"), not merely stand near it ("with your support we can be …")
    applied: bool = True


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
        if any(first <= pos <= last for first, last, _ in self.occ):
            return  # a word of a name ("Solidarity", "the Freedom Party") is no stance toward it
        if polarity == 2 and _questioned(self.words, self.clause, pos):
            return  # "the question isn't why we will not talk to Tehran": no refusal asserted
        effective = 0 if negated else polarity  # "will never negotiate with them" is criticism
        agentive = polarity != 2 and _is_verb_cue(hit.group(0))
        best = self._nearest(pos, effective, agentive, hit.group(0))
        if best is None:
            return
        occ = self.occ[best[1]]
        if effective == 0 and _designated_by_another(self.words, pos, occ):
            return  # "a resolution designating X as a terrorist group": the resolution's label
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
            if effective == 1 and last < pos and pos > 0 and words[pos - 1] in _POSSESSIVES:
                continue  # "the union ignored its support of the party": the union gives it
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


_COPULA = _WORDS.words("copulas")


#: Words that may stand between a name and the label applied to it: "the Taliban is still a
#: terrorist entity", "the Taliban's terrorist designation", "the Brigades are terrorists".
_LABEL_GAP = _WORDS.words("label_gap")
#: Words that may stand between a label and the name it precedes: "the terrorist group Hamas".
_LABEL_HEAD = _WORDS.words("label_head")


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
_RELATION = _WORDS.words("relations")


#: Prepositions that make a name a place: "the war in Iraq", "fighting across Syria".
_LOCATIVE = _WORDS.words("locative_prepositions")
#: What makes a participle passive: "was praised", "has been condemned".
_PASSIVE_AUX = _WORDS.words("passive_auxiliaries")
_VERB_ONLY = _WORDS.words("verb_only_cues")
_VERB_CUES = _WORDS.words("verb_cues")


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


#: Words that open an embedded or direct question: a refusal inside one is not asserted.
_QUESTION_WORDS = _WORDS.words("question_words")
#: Verbs by which someone gives an actor a label: the label is the labeller's, not the speaker's.
_DESIGNATORS = re.compile(
    r"^(?:designat(?:e|es|ed|ing)|brand(?:s|ed|ing)?|label(?:s|led|ed|ling|ing)?|list(?:s|ed|ing)?"
    r"|classif(?:y|ies|ied|ying)|deem(?:s|ed|ing)?|declar(?:e|es|ed|ing)|call(?:s|ed|ing)?"
    r"|consider(?:s|ed|ing)?)$"
)
_FIRST_PERSON = _WORDS.words("first_person")
_POSSESSIVES = _WORDS.words("possessives")


def _questioned(words: list[str], clause: list[int], pos: int) -> bool:
    """Whether the cue at ``pos`` stands in a question: its clause ends with "?", or a question
    word opens it before the cue ("why will we not talk to them")."""
    same = [i for i, c in enumerate(clause) if c == clause[pos]]
    if words[same[-1]] == "?":
        return True
    return any(words[i] in _QUESTION_WORDS for i in same if i < pos)


def _designated_by_another(words: list[str], cue: int, occ: tuple[int, int, str]) -> bool:
    """Whether a label reaches the name through a verb of labelling ("designating X as a
    terrorist organization", "X, branded a terrorist group by Washington") that the speaker
    does not do in the first person ("we consider X a terrorist group")."""
    first, last, _ = occ
    span = range(max(0, first - 3), cue) if cue > last else range(cue + 1, first)
    for i in span:
        if first <= i <= last or not _DESIGNATORS.match(words[i]):
            continue
        if not any(w in _FIRST_PERSON for w in words[max(0, i - 3) : i]):
            return True
    return False


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
