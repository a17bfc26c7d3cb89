"""Modality of a trigger (negated, hypothetical, announced) and the CAMEO code of an announced
or refused act."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...knowledge.intent import INTENT_CODE, INTENT_ROOT, REFUSAL_CODE, REFUSAL_ROOT
from ...knowledge.wordlists import word_lists
from .nominals import has_of, possessed_undergoers
from .syntax import TEMPORAL_PREPS, subjects

__all__ = [
    "MODALS",
    "UNREAL_ADJECTIVES",
    "Modality",
    "carried_modality",
    "charged_offences",
    "charged_offenders",
    "intent_code",
    "modality",
    "obliged_code",
]

#: Modal, intent, refusal and obligation words: knowledge/data/event_modality_words.yaml.
_WORDS = word_lists("event_modality_words.yaml")

MODALS = _WORDS.words("modals")
INTENT_HEADS = _WORDS.words("intent_heads")
#: heads of an act ordered, awaited or designed ("were told to shoot", "waiting to meet")
UNDONE_HEADS = _WORDS.words("undone_heads")
#: heads that say the act did not happen: refused (a refusal code), failed (the act, negated)
REFUSING_HEADS = _WORDS.words("refusing_heads")
FAILING_HEADS = _WORDS.words("failing_heads")
PREVENTING_HEADS = _WORDS.words("preventing_heads")
#: an obligation the speaker lays on the subject: "X must release", "X has to", "X should stop"
DEMAND_AUX = _WORDS.words("demand_aux")
APPEAL_AUX = _WORDS.words("appeal_aux")
OBLIGING_HEADS = _WORDS.words("obliging_heads")
NEEDING_HEADS = _WORDS.words("needing_heads")

#: "denied that its troops attacked": the act of the clause is denied (negated)
DENYING_HEADS = _WORDS.words("denying_heads")
#: "allegations that he raped", "allegedly paid": the act is alleged (hypothetical)
ALLEGING_NOUNS = _WORDS.words("alleging_nouns")
ALLEGING_ADVERBS = _WORDS.words("alleging_adverbs")

#: "charged with assaulting police", "accused of killing": the offence is alleged
CHARGING_HEADS = _WORDS.words("charging_heads")
OFFENCE_PREPS = _WORDS.words("offence_preps")

INTENT_MODALS = _WORDS.words("intent_modals")
#: "if they attack", "unless he resigns": a condition, not a happening
CONDITIONS = frozenset({"if", "unless", "whether", "whenever"})
#: "whenever a soldier has been killed": any such happening, none in particular
GENERIC_CONDITIONS = frozenset({"whenever"})
#: "an alleged meeting", "the planned visit": the noun's happening is not told as done
UNREAL_ADJECTIVES = _WORDS.words("unreal_adjectives")
INTENT_VERBS = _WORDS.words("intent_verbs")


@dataclass
class Modality:
    """How the text holds an act: did not happen, may happen, is announced, is demanded."""

    negated: bool = False
    hypothetical: bool = False
    intent: bool = False  # announced by its actor: "will / plans to meet"
    obligation: str | None = None  # "demand" ("must", "has to") or "appeal" ("should")

    def own(self, tok: Any) -> None:
        """What the trigger's own auxiliaries and markers say."""
        aux = {c.lower_ for c in tok.children if c.dep_ == "aux"}
        self.negated = self.negated or any(c.dep_ == "neg" for c in tok.children) or _at_no_time(tok)
        self.negated = self.negated or _none_did_or_underwent(tok) or _no_longer(tok)
        self.hypothetical = self.hypothetical or bool(aux & MODALS)
        self.intent = self.intent or bool(aux & INTENT_MODALS)
        wanted = "to" in aux  # "calls for Syria to withdraw": "for X to do" is wished, not done
        self.hypothetical = self.hypothetical or any(
            (c.dep_ == "mark" and (c.lower_ in CONDITIONS or (wanted and c.lower_ == "for")))
            or (c.dep_ == "advmod" and c.lower_ in GENERIC_CONDITIONS)
            or (c.dep_ == "advmod" and c.lower_ in ALLEGING_ADVERBS)
            for c in tok.children
        )
        self.hypothetical = self.hypothetical or _pending(tok) or (wanted and _purpose_of_a_negated(tok))
        self._oblige(aux)

    def _oblige(self, aux: set[str]) -> None:
        if self.obligation is None and aux & DEMAND_AUX:
            self.obligation = "demand"
        elif self.obligation is None and aux & APPEAL_AUX:
            self.obligation = "appeal"

    def governing(self, head: Any, dep: str, gerund: bool = False) -> None:
        """What a governing verb says of the act in its complement ``dep`` (``gerund``: an -ing
        complement, "denied attacking")."""
        lemma = head.lemma_.lower()
        if gerund and lemma in DENYING_HEADS:
            self.negated = True  # "denied attacking the ship": said not to have happened, no refusal
            return
        if lemma == "go" and head.lower_ == "going":
            lemma = "going"  # "is going to initiate talks": the future, not a movement
        complement = dep in {"xcomp", "acomp"}
        if lemma in INTENT_HEADS or dep == "acomp":
            self.hypothetical = True
            self.intent = self.intent or lemma in INTENT_VERBS
        if complement and (lemma in UNDONE_HEADS or lemma == "be"):
            self.hypothetical = True  # "were told to shoot"; "is to stand down", "was to boycott"
        if dep == "advcl" and lemma == "have" and any(c.dep_ in {"dobj", "obj"} for c in head.children):
            self.hypothetical = True  # "who have authority from a court to arrest the protesters"
        if (
            dep == "advcl"
            and lemma == "be"
            and any(c.lower_ == "it" for c in head.children if c.dep_ in EXPLETIVES)
        ):
            self.hypothetical = True  # "it is a priority for us to capture him": a goal, not an act
        if lemma in REFUSING_HEADS:
            self.negated = self.intent = True  # "refused to release": a refusal
        if lemma in FAILING_HEADS and complement:
            self.negated = True  # "failed to reach", "ordered to stop shelling": the act, negated
        not_yet = any(c.dep_ == "advmod" and c.lower_ == "yet" for c in head.children)
        if not_yet and complement:
            self.negated = True  # "has yet to revoke", "is yet to ratify"
        elif lemma in OBLIGING_HEADS and complement and self.obligation is None:
            # "has to release" is demanded; "needs to enact reforms" is urged, an appeal
            # (codebook 0242: "Bush said ... Japan needs to enact significant economic reforms")
            self.obligation = "appeal" if lemma in NEEDING_HEADS else "demand"
            self.hypothetical = True
        head_aux = {c.lower_ for c in head.children if c.dep_ == "aux"}
        if any(c.dep_ == "neg" for c in head.children) and complement:
            self.negated = True
        if head_aux & MODALS and complement:
            self.hypothetical = True
            self.intent = self.intent or bool(head_aux & INTENT_MODALS)
            self._oblige(head_aux)
        elif head_aux & MODALS and dep == "advcl":
            self.hypothetical = True  # "could appropriate dollars to fund": the purpose, not announced


#: "at no time", "in no way", "on no occasion", "by no means": a phrase that negates its verb
#: (not "at no cost", "with no preconditions")
NEGATING_NOUNS = {"time", "point", "stage", "way", "occasion", "means", "account", "circumstance"}


def _at_no_time(verb: Any) -> bool:
    """True when a prepositional phrase negates ``verb`` ("at no time did she request": the
    parser may hang it on the auxiliary)."""
    auxiliaries = [c for c in verb.children if c.dep_ == "aux"]
    preps = [c for w in (verb, *auxiliaries) for c in w.children if c.dep_ == "prep"]
    return any(
        p.dep_ == "pobj" and p.lemma_.lower() in NEGATING_NOUNS and any(d.lower_ == "no" for d in p.children)
        for prep in preps
        for p in prep.children
    )


def _no_longer(verb: Any) -> bool:
    """True for "are no longer banned", "no more attacks": the act has stopped (the parser hangs
    the "no" on the adverb, not on the verb)."""
    return any(
        c.dep_ == "advmod" and c.lower_ in {"longer", "more"} and any(d.dep_ == "neg" for d in c.children)
        for c in verb.children
    )


#: subjects that say nobody did or underwent the act ("None of the detainees have been charged")
NOBODY_WORDS = {"none", "nobody", "neither", "nothing"}


def _none_did_or_underwent(verb: Any) -> bool:
    """True for a subject that is nobody: "none of the detainees", "nobody", "no one", "no
    arrests were made"."""
    return any(
        s.dep_ in {"nsubj", "nsubjpass"}
        and (s.lower_ in NOBODY_WORDS or any(d.dep_ == "det" and d.lower_ == "no" for d in s.children))
        for s in verb.children
    )


#: dependencies of the "it" that stands for an infinitive told after ("it is time to act")
EXPLETIVES = {"nsubj", "expl"}


def modality(tok: Any) -> Modality:
    """How the text holds the act of ``tok``: "did not meet", "could attack", "will / plans to
    meet", "has yet to revoke", "must release"."""
    found = Modality()
    found.own(tok)
    found.hypothetical = found.hypothetical or _alleged(tok) or _infinitive_of_noun(tok)
    found.negated = found.negated or _prevented(tok)
    head, cur, hops = tok.head, tok, 0
    if _shares_auxiliaries(tok):
        _held_as_the_first(found, tok)
    while cur.dep_ == "conj" and head.pos_ in {"VERB", "AUX"} and head != cur and hops < 3:
        cur, head, hops = head, head.head, hops + 1  # "pledged to improve the economy and make peace"
        # "if the United States invaded Iran, or attacked his country": the condition holds both
        found.hypothetical = found.hypothetical or any(
            c.dep_ == "mark" and c.lower_ in CONDITIONS for c in cur.children
        )
    while cur.dep_ in {"xcomp", "acomp", "ccomp", "advcl"} and head != cur and hops < 5:
        # "until the Palestinian leadership begins disarming militants": awaited, not done
        found.hypothetical = found.hypothetical or (cur.dep_ == "xcomp" and _pending(head))
        if cur.dep_ == "advcl" and not any(c.lower_ == "to" for c in cur.children):
            break
        if cur.dep_ == "ccomp" and head.lemma_.lower() in DENYING_HEADS:
            found.negated = True  # "denied that its troops had attacked": the attack, denied
            break
        if cur.dep_ == "ccomp" and head.lemma_.lower() not in INTENT_HEADS:
            break  # "X said Y will ...": Y's own modality only
        found.governing(head, cur.dep_, gerund=cur.dep_ == "xcomp" and cur.tag_ == "VBG")
        if cur.dep_ == "advcl" and head.dep_ == "relcl" and head.head.dep_ in {"dobj", "obj"}:
            # "asked the terrorists who kidnapped them in March to release one": the parser
            # hangs the asked act on the relative clause
            found.governing(head.head.head, "xcomp")
            break
        cur, head, hops = head, head.head, hops + 1
    return found


#: what a verb of its own has: a second verb with none of them shares the first one's
OWN_CLAUSE_DEPS = {"aux", "auxpass", "nsubj", "nsubjpass", "mark"}


def _shares_auxiliaries(tok: Any) -> bool:
    """True for a second verb with no auxiliary, subject or marker of its own and no tense
    ("will be killed or kidnapped", "could attack or kidnap"); a finite verb keeps its own
    ("will release a video ... and blamed the killing on")."""
    own = any(c.dep_ in OWN_CLAUSE_DEPS for c in tok.children)
    return tok.dep_ == "conj" and tok.tag_ in {"VB", "VBN", "VBG"} and not own


def _held_as_the_first(found: Modality, tok: Any) -> None:
    """The first verb's modal holds the second too, and so does its negation across "or" or a
    bare verb after "and" ("will not attack or invade"; "did not attack but invaded" keeps its own)."""
    first = tok.head
    found.hypothetical = found.hypothetical or any(
        c.dep_ == "aux" and c.lower_ in MODALS for c in first.children
    )
    joined = {c.lower_ for c in first.children if c.dep_ == "cc"}
    shared = bool(joined & {"or", "nor"}) or ("and" in joined and tok.tag_ == "VB")
    found.negated = found.negated or (shared and any(c.dep_ == "neg" for c in first.children))


def _prevented(tok: Any) -> bool:
    """True for the act of someone kept from it: "prevent mourners attending the funeral",
    "barred him from entering the country"."""
    held = tok.head if tok.dep_ == "acl" else None  # the one kept from it, the preventing verb's object
    if tok.dep_ == "pcomp" and tok.head.lower_ == "from":
        held = tok.head.head
    if held is None:
        return False
    verb = held.head if held.dep_ in {"dobj", "obj"} else held
    return verb.lemma_.lower() in PREVENTING_HEADS


#: nouns whose infinitive is an act mostly done ("Russia's decision to establish ties")
_DONE_BY_NOUN = {"decision", "move", "choice"}
#: verbs of a means put to use: "used his comments to attack the policy" (the attack happened)
_MEANS_VERBS = {"use", "employ"}


def _infinitive_of_noun(tok: Any) -> bool:
    """ "its plans to launch", "her intention to retire", "authority to arrest": an infinitive
    that completes a noun names an act planned or allowed, not one told as done."""
    noun = tok.head
    if tok.dep_ != "acl" or noun.pos_ not in {"NOUN", "PROPN"} or noun.lemma_.lower() in _DONE_BY_NOUN:
        return False
    if noun.dep_ in {"dobj", "obj"} and noun.head.lemma_.lower() in _MEANS_VERBS:
        return False
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


#: prepositions that set a nominal event in time, not carry it ("after the killing of X, ...")
TIME_PREPS = TEMPORAL_PREPS - {"during", "until", "ahead"}
#: how a nominal event hangs on the verb that carries it ("attend the talks", "involved in talks")
CARRYING_DEPS = {"dobj", "obj", "pobj", "prep", "nsubjpass", "attr"}


def carried_modality(noun: Any) -> Modality:
    """How the verb that carries a nominal event holds it: "will attend the talks", "did not
    hold a meeting", "could be involved in an agreement" (negated / hypothetical only: the
    noun's code stays, as no one announces the noun); an adjective of its own can make it
    unreal ("an alleged secret meeting", "the planned visit")."""
    # "charged a soldier with the rape of a girl": an offence charged is alleged
    if _charge_of(noun) is not None or any(
        c.dep_ == "amod" and c.lower_ in UNREAL_ADJECTIVES for c in noun.children
    ):
        held = _carrying_verb_modality(noun)
        return Modality(negated=held.negated, hypothetical=True)
    return _carrying_verb_modality(noun)


#: roots of the offences one is charged with, accused of or arrested for: assaults, fights, mass violence
OFFENCE_ROOTS = {"18", "19", "20"}


def charged_offenders(noun: Any, code: str) -> list[Any]:
    """Who is charged with the offence ``noun`` names, done to someone it names ("charged a
    soldier with the rape and murder of an Iraqi girl", "arrested two men for the kidnapping of
    an aid worker", "was sentenced for her murder"): theirs, alleged; [] for an offence of no
    one ("convicted of murder") and for what is no offence ("detained for further
    investigation")."""
    # "sentenced for her murder"; "the rape and murder of an Iraqi girl": the "of" both share
    victims = has_of(noun) or possessed_undergoers(noun) or any(has_of(c) for c in noun.conjuncts)
    return charged_ones(noun) if code[:2] in OFFENCE_ROOTS and victims else []


def charged_ones(offence: Any) -> list[Any]:
    """Who is charged with, accused of or arrested for ``offence`` ("charged a former soldier
    with the rape of a girl", "two men were arrested for the kidnapping"); [] when it is no
    offence charged."""
    charger = _charge_of(offence)
    if charger is None:
        return []
    held = [c for c in charger.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
    if held or charger.pos_ != "VERB":
        return held
    subj, passive = subjects(charger)  # a subject the parser left stranded ("Khan, brother of")
    return subj if passive else []


def _carrying_verb_modality(noun: Any) -> Modality:
    """The negation and hypothesis of the verb that carries a nominal event."""
    cur, setting = noun, False
    for _ in range(4):
        if cur.dep_ not in CARRYING_DEPS or cur.head is cur:
            return Modality()
        # "after the recent killing of Maskhadov, it was not clear": a setting in time is not
        # denied with its clause ("will enable it after public consultation" is still ahead)
        setting = setting or (cur.dep_ == "pobj" and cur.head.lower_ in TIME_PREPS)
        cur = cur.head
        if cur.pos_ in {"VERB", "AUX"}:
            held = modality(cur)
            return Modality(negated=held.negated and not setting, hypothetical=held.hypothetical)
    return Modality()


def _alleged(tok: Any) -> bool:
    """ "allegations that he raped", "the claim that Iran supplied": the clause of an alleging
    noun tells an act someone alleges, not one the article states (flagged as speculation is)."""
    alleging_clause = (
        tok.dep_ in {"acl", "ccomp"} and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in ALLEGING_NOUNS
    )
    return alleging_clause or _charge_of(tok) is not None


def _charge_of(tok: Any) -> Any:
    """The charging word whose offence ``tok`` names ("charged with assaulting police", "accused
    of killing", "arrested for attacking"; the parser hangs the later items of a list of
    offences on the charge as clauses: "charged with affray, assaulting police"), or None."""
    cur = tok
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
    head = cur.head
    if cur.dep_ in {"pcomp", "pobj"} and head.dep_ == "prep" and head.lower_ in OFFENCE_PREPS:
        charger = head.head
        if charger.dep_ == "relcl" and charger.head.dep_ in {"dobj", "obj"}:
            charger = charger.head  # "charged a soldier who served in Iraq with the rape of"
        if charger.dep_ in {"dobj", "obj", "nsubjpass"}:
            charger = charger.head  # "arrested a man for attacking": hung on the one charged
        return charger if charger.lemma_.lower() in CHARGING_HEADS else None
    listed = (
        cur.dep_ == "advcl"
        and cur.tag_ == "VBG"
        and not any(c.dep_ in {"nsubj", "mark"} for c in cur.children)
    )
    if listed and head.lemma_.lower() in CHARGING_HEADS:
        preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in OFFENCE_PREPS and c.i < cur.i]
        return head if preps else None
    return None


#: conjunctions of a clause that tells what has to happen first ("until the U.S. releases the funds")
PENDING_MARKS = {"until", "till", "before"}
PRESENT_TAGS = {"VBZ", "VBP"}


def _pending(tok: Any) -> bool:
    """True for a clause in the present after "until" or "before": what is awaited, not done
    ("will not take part until the United States releases the funds", "until all 15 sailors are
    released"); "until he was released in 2005" happened."""
    if not any(c.dep_ == "mark" and c.lower_ in PENDING_MARKS for c in tok.children):
        return False
    auxiliaries = [c for c in tok.children if c.dep_ in {"aux", "auxpass"}]
    return (tok.tag_ in PRESENT_TAGS and not auxiliaries) or any(a.tag_ in PRESENT_TAGS for a in auxiliaries)


def charged_offences(tok: Any) -> set[int]:
    """Token indices of the offences a charging verb names ("charged X with killing Y"): who
    they were done to is not the one charged."""
    if tok.lemma_.lower() not in CHARGING_HEADS:
        return set()
    offences = [x for x in tok.subtree if x.i != tok.i and getattr(_charge_of(x), "i", None) == tok.i]
    # the offence's words and the preposition that brings it ("with")
    return {d.i for x in offences for d in x.subtree} | {x.head.i for x in offences if x.head.dep_ == "prep"}


def intent_code(code: str, negated: bool) -> str:
    """The CAMEO code of an announced act: intent (03), threat (13) or refusal (12)
    (tables: knowledge/data/intent_codes.yaml)."""
    root = code[:2]
    if negated:
        return REFUSAL_CODE.get(code) or REFUSAL_ROOT.get(root) or code
    return INTENT_CODE.get(code) or INTENT_ROOT.get(root) or code


def obliged_code(code: str, kind: str, negated: bool) -> str:
    """The CAMEO code of an act someone is told to do: a demand (10) for "must", an appeal (02)
    for "should".  CAMEO's appeal and demand codes mirror its intent codes (031 / 021 / 101
    material cooperation, 035 / 025 / 105 yield, ...); being told to stop an act asks for a
    change of policy, or for de-escalation when the act is violent."""
    prefix = "10" if kind == "demand" else "02"
    if negated:
        return prefix + ("56" if code[:2] >= "14" else "42")
    announced = intent_code(code, False)
    if announced.startswith("03") and announced[:3] != "039":
        return prefix + announced[2:]
    return prefix + "0"


def _purpose_of_a_negated(verb: Any) -> bool:
    """ "had not done enough to kill bin Laden", "did not go to Gaza to meet Hamas": what an act
    that did not happen was for did not happen either."""
    return verb.dep_ == "advcl" and any(c.dep_ == "neg" for c in verb.head.children)
