"""Non-political senses of event verbs: the same verb names a career step, a publication or a
neutral report as often as a political act, and the syntax around it says which.

* releasing information ("released photographs of the suspects") publishes; only persons and
  property are returned or released (CAMEO 084);
* withdrawing a bid or a candidacy is a career step, not a de-escalation (087), and so is taking
  over or assuming an office, not a seizure (13, 18, 19); hosting a show
  or a programme is a presenter's job, not a visit hosted (043);
* leaving an office is yielding power (0831) only when the sentence tells the challenge it
  yields to ("resigned after protesters demanded ...", "under pressure"); "he resigned a few
  weeks later" is a career event;
* concluding signs (057) only an agreement ("it is concluded that", "concluded an inquest"),
  and swearing promises (03) only what is sworn to ("swore an affidavit");
* abusing one's power or position is misconduct in office, not an assault (18), suspending
  one's own campaign leaves a race, it sanctions no one (17), and "as opposed to" compares;
* a rally that lifts a market or stands behind someone ("rallying the Dow", "rallied behind
  the president") gathers no crowd: no protest (14);
* a verb that tells or describes ("said", "describes the situation") judges no one: praise
  (05) or criticism (11) needs a judging complement ("described the move as reckless");
* warning of a danger ("warned of a humanitarian crisis", "warns that the bill could poison
  relations") forecasts it: the codebook's threats (13) are coercive warnings, of what the
  warner will do ("warned that it would retaliate"), on a condition ("unless Bree withdraws"),
  or against an act ("warned Gondor against", "warned Microsoft to comply").
"""

from __future__ import annotations

from typing import Any

from ...knowledge.wordlists import word_lists
from .accidents import backed_by_arms
from .nominals import ARMED_DOERS
from .refine import ATTACKING_LEMMAS
from .slips import particle_misread
from .syntax import GROUP_NOUNS, names_people, owned_by, pobjs

__all__ = [
    "agreement_held",
    "asks_no_one",
    "figurative_force",
    "non_political_sense",
    "says_what",
    "tells_of_a_happening",
]

_WORDS = word_lists("event_words.yaml")  # the word lists below: see the file's comments

INFORMATION_NOUNS = _WORDS.words("information_nouns")
CANDIDACY_NOUNS = _WORDS.words("candidacy_nouns")
OFFICE_NOUNS = _WORDS.words("office_nouns")
OFFICE_OF_NOUNS = _WORDS.words("office_of_nouns")
MEDIA_WORK_NOUNS = _WORDS.words("media_work_nouns")
RESIGNING_VERBS = _WORDS.words("resigning_verbs")
CHALLENGE_WORDS = _WORDS.words("challenge_words")
NEUTRAL_SPEECH_VERBS = _WORDS.words("neutral_speech_verbs")
TELLING_NOUNS = _WORDS.words("telling_nouns")
PASSED_WRITINGS = _WORDS.words("passed_writings")
AUTHORITY_NOUNS = _WORDS.words("authority_nouns")
SHOWING_VERBS = _WORDS.words("showing_verbs")
FALLING_VERBS = _WORDS.words("falling_verbs")
MARKET_QUANTITIES = _WORDS.words("market_quantities")
ADDRESSEE_VERBS = _WORDS.words("addressee_verbs")
AGREEMENT_NOUNS = _WORDS.words("agreement_nouns")
SWEARING_VERBS = _WORDS.words("swearing_verbs")
FIGURATIVE_FORCE_MODIFIERS = _WORDS.words("figurative_force_modifiers")
BODILY_ATTACK_MODIFIERS = _WORDS.words("bodily_attack_modifiers")
INTANGIBLE_OBJECTS = _WORDS.words("intangible_objects")
CONTEST_WORDS = _WORDS.words("contest_words")
#: verbs that win a contest as often as they assault or rout ("beat the Respect candidate")
CONTEST_VERBS = frozenset({"beat", "defeat"})
GOAL_NOUNS = _WORDS.words("goal_nouns")
SIGNED_WRITINGS = _WORDS.words("signed_writings")
STRIVING_VERBS = _WORDS.words("striving_verbs")
STATE_BODY_WORDS = _WORDS.words("state_body_words")
DISMISSING_VERBS = _WORDS.words("dismissing_verbs")
STAFF_WORDS = _WORDS.words("staff_words")
MEDICINES = frozenset({"drug", "medicine", "medication", "vaccine", "pill"})  # products, also aid
KIN_NOUNS = _WORDS.words("kin_nouns")
#: what a member is suspended from without a sanction of the state ("suspended from his party")
PARTY_POSTS = frozenset({"party", "caucus", "post", "position", "job", "duty", "duties", "office", "council"})

#: the object of each family that says the verb is used in a non-political sense
_OBJECT_SENSES: tuple[tuple[str, frozenset[str]], ...] = (
    ("084", INFORMATION_NOUNS),
    ("087", CANDIDACY_NOUNS),
    ("087", INFORMATION_NOUNS | MEDICINES),  # "withdrew the drug from clinical trials": off the market
    ("19", _WORDS.words("spacecraft")),  # "launched its Dragon capsule to orbit": no attack
    ("043", MEDIA_WORK_NOUNS),
    ("07", TELLING_NOUNS),  # "gave his reaction", "give advice": telling, not aid
    ("07", PASSED_WRITINGS),  # "will send a bill to the congress": a writing passed on, not aid
    ("07", OFFICE_NOUNS),  # "to hand over the chairmanship of COMESA to Kagame": an office, not aid
    ("07", _WORDS.words("election_outcomes")),  # "giving Graham's Liberals a narrow upset victory"
    ("17", _WORDS.words("election_outcomes")),  # "managed to capture between 28 and 32 seats"
    ("19", _WORDS.words("election_outcomes")),
)
#: what is abused, not attacked, when abused ("Microsoft had abused its position"): "positions"
#: are attacked, never abused
OFFICES_ABUSED = frozenset({"position", "post", "office", "role", "status", "dominance", "privilege"})
#: a verb's complements that say what it acts on or what it is done to do
_COMPLEMENT_DEPS = frozenset({"dobj", "obj", "xcomp", "ccomp"})
_JUDGING_ROOTS = ("05", "11")


def non_political_sense(tok: Any, code: str) -> bool:
    """True when verb ``tok``, coded ``code`` by the dictionary, is used in a sense that is no
    political act (module docstring)."""
    lemma = tok.lemma_.lower()
    for prefix, nouns in _OBJECT_SENSES:
        if code.startswith(prefix) and any(_names_one_of(o, nouns) for o in _objects(tok)):
            return True
    if code.startswith("084") and _out_of_hospital(tok):
        return True  # "was treated and released", "released from hospital": discharged, not freed
    if lemma == "oppose" and _as_opposed_to(tok):
        return True  # "30,000 protested, as opposed to the 10,000 the police cited": rather than
    if code.startswith("17") and any(_own_candidacy(o) for o in _objects(tok)):
        return True  # "suspended their campaigns": out of the race, no sanction
    if any(figurative_force(o, code) for o in _objects(tok)):
        return True  # "launched a charm offensive": no force
    if _harms_an_intangible(tok, code) or (code.startswith("05") and backed_by_arms(tok)):
        return True  # "this damages the reputation of the U.S.", "infantry backed by tanks"
    held = AUTHORITY_NOUNS | (OFFICES_ABUSED if lemma == "abuse" else frozenset())
    if code.startswith("18") and any(o.lemma_.lower() in held for o in _objects(tok)):
        return True  # "abused his power", "abused its position": misconduct, no assault
    if code.startswith("0831") and lemma in RESIGNING_VERBS and not _challenged(tok):
        return True
    if _takes_up_an_office(tok):
        return True  # "will take over the post of Foreign Secretary": a career step
    complemented = any(c.dep_ in _COMPLEMENT_DEPS for c in tok.children)
    if code.startswith("14") and lemma in SHOWING_VERBS and complemented:
        return True  # "the site demonstrates that the law is not sustainable": shows, no protest
    if code.startswith("14") and lemma == "rally" and _rallies_no_crowd(tok):
        return True  # "rallying the Dow Jones", "rallied support", "rallied behind him": no protest
    if code.startswith("12") and lemma in FALLING_VERBS and not complemented:
        return True  # "the US dollar declined slightly": fell, rejected nothing
    if _a_market_moves(tok):
        return True  # "the U.S. currency traded at 1.444", "U.S. home prices declined 4.4%"
    return _off_duty_or_private(tok, code, lemma) or _other_sense(tok, code, lemma)


#: prepositions of a rush ("charged into the building", "charged at the crowd")
RUSHING_PREPS = frozenset({"into", "at", "through", "toward", "towards", "across"})
#: where a patient is released from ("released from hospital on Monday")
CARE_PLACES = frozenset({"hospital", "clinic", "infirmary", "care", "ward"})


def _out_of_hospital(tok: Any) -> bool:
    """True for a patient let go: "released from hospital", "was treated and released"."""
    cared = any(
        c.dep_ == "prep" and c.lower_ == "from" and any(o.lemma_.lower() in CARE_PLACES for o in c.children)
        for c in tok.children
    )
    treated = tok.dep_ == "conj" and tok.head.lemma_.lower() == "treat"
    # "was released Thursday after a week at Seton Hospital"
    stayed = any(
        c.dep_ == "prep" and c.lower_ == "after" and any(t.lemma_.lower() in CARE_PLACES for t in c.subtree)
        for c in tok.children
    )
    return cared or treated or stayed


#: posts a person is let go from ("dismissed the Minister of Housing, Alice Osomo")
POST_WORDS = _WORDS.words("leader_words") | _WORDS.words("post_words")


def _a_person_or_post(noun: Any) -> bool:
    """True for a person named or a holder of a post: "dismissed Scaramucci", "sacked the
    Minister of Housing, Alice Osomo", "fired his chief of staff"."""
    return (
        noun.ent_type_ == "PERSON"
        or noun.lemma_.lower() in POST_WORDS
        or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in noun.children)
    )


def _rallies_no_crowd(tok: Any) -> bool:
    """True for "rally" that lifts a thing or stands behind someone, not a crowd gathering."""
    objects = _objects(tok)
    behind = any(c.dep_ == "prep" and c.lower_ in {"behind", "around"} for c in tok.children)
    return behind or (
        bool(objects) and not any(names_people(o) or o.lemma_.lower() in GROUP_NOUNS for o in objects)
    )


def _a_market_moves(tok: Any) -> bool:
    """True when every subject of verb ``tok`` is a price, a currency or another measure of a
    market or an economy: what moves is a number, and no one acts."""
    subj = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subj and tok.dep_ == "conj":  # "the dollar fell and reached a low"
        subj = [c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return bool(subj) and all(s.pos_ == "NOUN" and s.lemma_.lower() in MARKET_QUANTITIES for s in subj)


def figurative_force(noun: Any, code: str) -> bool:
    """True when an assault, a fight or mass violence that ``noun`` names is a figure of
    speech ("its legal assault upon the factory", "a political attack", "a price war") or no act
    of people ("a heart attack", "a shark attack")."""
    return code[:2] in _FORCE_ROOTS and any(
        c.dep_ in {"amod", "compound"}
        and (c.lower_ in FIGURATIVE_FORCE_MODIFIERS or c.lower_ in BODILY_ATTACK_MODIFIERS)
        for c in noun.children
    )


_FORCE_ROOTS = frozenset({"18", "19", "20"})


def agreement_held(noun: Any, code: str) -> bool:
    """True for an agreement one has ("Jordan is one of the few Arab countries that has a peace
    treaty with Israel"): a state of affairs, no signing (CAMEO 057)."""
    return code.startswith("057") and noun.dep_ in {"dobj", "obj"} and noun.head.lemma_.lower() == "have"


#: doers whose fight is combat whatever it is for ("rebels fought to retake the town")


def _convenes_the_press(tok: Any) -> bool:
    """True for "called (for) a press conference", "called a news briefing"."""
    called = [
        *_objects(tok),
        *(o for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" for o in pobjs(c)),
    ]
    return any(
        o.lemma_.lower() in {"conference", "briefing"}
        and any(c.lower_ in {"press", "news", "media"} for c in o.children if c.dep_ in {"compound", "amod"})
        for o in called
    )


def _meets_a_goal(tok: Any) -> bool:
    """True when "meet", the verb or its infinitive, reaches a goal rather than people: "met
    the deadline", "pledged to meet or beat the Kyoto targets"."""
    verbs = [tok, *(c for c in tok.children if c.dep_ == "xcomp")]
    verbs += [c for v in verbs for c in v.children if c.dep_ == "conj"]
    meets = [v for v in verbs if v.lemma_.lower() == "meet"]
    goals = [o for v in meets for o in (*_objects(v), *(o for c in v.conjuncts for o in _objects(c)))]
    return any(o.lemma_.lower() in GOAL_NOUNS for o in goals)


def _to_do_something(tok: Any) -> bool:
    """True when ``tok`` has an infinitive complement and a doer that is not a force: "Canada is
    fighting to keep", "the firm battled to save" (not "rebels fought to retake")."""
    armed = any(c.lower_ in ARMED_DOERS for c in tok.children if c.dep_ == "nsubj")
    return not armed and any(
        c.dep_ in {"xcomp", "advcl"} and any(a.lower_ == "to" for a in c.children) for c in tok.children
    )


def _harms_an_intangible(tok: Any, code: str) -> bool:
    """True when every object of force verb ``tok`` is an abstraction no force can reach:
    "damages the reputation", "attacked his credibility", "destroyed their chances"."""
    objects = _objects(tok)
    if tok.lemma_.lower() in ATTACKING_LEMMAS:
        return False  # "attacked his credibility": criticism in words (refine.py codes it 111)
    return (
        (code[:2] in _FORCE_ROOTS or code.startswith("17"))
        and bool(objects)
        and all(o.lemma_.lower() in INTANGIBLE_OBJECTS for o in objects)
    )


def _a_contest_won(tok: Any) -> bool:
    """True when "beat" or "defeat" wins a contest: a word of an election or of a target stands
    in the sentence ("beat Zanu-PF in the first round", "beat the Kyoto targets"), and nothing
    tells of blows ("beaten to death", "beat him up", "beaten people into submission")."""
    if any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children):
        return False
    if any(
        c.dep_ == "prep" and c.lower_ == "to" and any(o.lower_ == "death" for o in c.children)
        for c in tok.children
    ):
        return False
    if any(o.lemma_.lower() in GROUP_NOUNS and o.tag_ == "NNS" for o in _objects(tok)):
        return False  # "if Mugabe thinks he has beaten people into submission" (not "the leader")
    return any(t.lemma_.lower() in CONTEST_WORDS or t.lower_ in CONTEST_WORDS for t in tok.sent)


def _as_opposed_to(tok: Any) -> bool:
    """ "as opposed to": a comparison ("rather than"), no opposition."""
    marked = any(c.lower_ == "as" and c.dep_ in {"mark", "advmod"} for c in tok.children)
    return marked and tok.tag_ == "VBN" and any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)


def _own_candidacy(obj: Any) -> bool:
    """ "their campaigns", "his bid": the doer's own candidacy (a pronoun owns it; "the
    opposition's campaign" is someone else's)."""
    return owned_by(obj, "PRON") and obj.lemma_.lower() in CANDIDACY_NOUNS


def _off_duty_or_private(tok: Any, code: str, lemma: str) -> bool:
    """A post left or lost, a private visit, a body that closes: no political act."""
    if code.startswith("087") and (_a_person_steps_back(tok) or _from_an_office(tok, OFFICE_OF_NOUNS)):
        return True  # "Gammon withdrew due to health reasons", "withdrew from his position as adviser"
    if code.startswith("12") and lemma in DISMISSING_VERBS and _objects(tok):
        # "dismissed Scaramucci from his role": a person let go from a post, no rejection
        return all(_a_person_or_post(o) for o in _objects(tok)) or _from_an_office(tok)
    if code.startswith("17") and lemma == "suspend":  # "officials were suspended for spying",
        staff = [o.lemma_.lower() in STAFF_WORDS for o in _objects(tok)]  # "suspended from his party"
        return _from_an_office(tok, PARTY_POSTS) or (bool(staff) and all(staff))
    if code.startswith("17") and lemma == "shut" and _shut_down_itself(tok):
        return True  # "the US government is partially shut down": out of funds, no sanction
    kin = any(o.lemma_.lower() in KIN_NOUNS for o in _objects(tok))
    return code.startswith("04") and kin  # "waiting to visit his family": a private visit


def _other_sense(tok: Any, code: str, lemma: str) -> bool:
    """Concluding, swearing and telling (module docstring)."""
    if particle_misread(tok):
        return True  # "a mutiny taking over 100 of their officers as hostages": no takeover
    if lemma == "charge" and _no_charge_laid(tok):
        return True  # "police charged into the facility", "Minister charged with European Affairs"
    if code[:2] in {"11", "17"} and lemma in CHARGING_MONEY_VERBS and _an_amount_charged(tok):
        return True  # "can be charged up to US$950", "fined $3,800": a price or a penalty, no arrest
    if code.startswith("02") and tok.lemma_.lower() == "call" and _convenes_the_press(tok):
        return True  # "called for a press conference": convened one, no appeal
    if code.startswith("02") and lemma == "expect" and any(c.dep_ == "auxpass" for c in tok.children):
        return True  # "the party is expected to elect Abe": a forecast, no appeal
    if code.startswith(("04", "036")) and _meets_a_goal(tok):
        return True  # "pledged to meet or beat the Kyoto targets", "met the deadline": no meeting
    if code.startswith("057") and lemma == "sign" and _objects(tok):
        # "signed an open letter", "signed a petition": a message, no agreement with anyone
        return all(o.lemma_.lower() in SIGNED_WRITINGS for o in _objects(tok))
    if code.startswith("057") and lemma in {"conclude", "seal"}:
        # "concluded an agreement", "sealed a deal" sign; "it is concluded that", "concluded an
        # inquest", "sealed the border" do not
        return not any(_names_one_of(o, AGREEMENT_NOUNS) for o in _objects(tok))
    if code.startswith("03") and lemma in SWEARING_VERBS:
        return not any(c.dep_ in {"xcomp", "ccomp"} for c in tok.children)  # "swore an affidavit"
    if code[:2] in _FORCE_ROOTS and lemma in STRIVING_VERBS and _to_do_something(tok):
        return True  # "Canada is fighting to keep Washington from the lists": striving, no combat
    if code[:2] in _FORCE_ROOTS and lemma in CONTEST_VERBS and _a_contest_won(tok):
        return True  # "Lyn Brown later beat the Respect candidate": an election won, no assault
    if code[:2] == THREAT_ROOT and lemma in WARNING_VERBS:
        return _forecasts_a_danger(tok)
    if code.startswith("08") and lemma == "yield" and any(_an_amount(o) for o in _objects(tok)):
        return True  # "the test yielded as much as 15 kilotons": produced, no concession
    if code.startswith("08") and lemma == "succumb" and _to_harm(tok):
        return True  # "succumbed to his injuries": died, no surrender
    return code[:2] in _JUDGING_ROOTS and lemma in NEUTRAL_SPEECH_VERBS and not _judges(tok)


def _no_charge_laid(tok: Any) -> bool:
    """True for a rush ("police charged into the facility") or a remit ("Catherine Colonna,
    Minister charged with European Affairs"): no accusation."""
    rush = any(c.dep_ == "prep" and c.lower_ in RUSHING_PREPS for c in tok.children)
    return rush or (tok.dep_ == "acl" and _a_person_or_post(tok.head))


#: what one succumbs to without yielding to anybody
HARMS = frozenset({"injury", "wound", "illness", "disease", "cancer", "burn", "infection"})


def _to_harm(tok: Any) -> bool:
    """True for "succumbed to his injuries", "to cancer"."""
    return any(
        c.dep_ == "prep" and c.lower_ == "to" and any(o.lemma_.lower() in HARMS for o in c.children)
        for c in tok.children
    )


def _an_amount(noun: Any) -> bool:
    """True for a number or a counted quantity ("15 kilotons", "as much as 15 kilotons")."""
    return noun.like_num or any(c.dep_ == "nummod" or c.like_num for c in noun.subtree if c.i <= noun.i)


#: what a verb that tells does by itself: a remark (01), praise (05), criticism (11), a rejection (12)
TELLING_ROOTS = {"01", "05", "11", "12"}


def tells_of_a_happening(tok: Any, code: str, by_pattern: bool) -> bool:
    """True when a dictionary pattern (``by_pattern``) codes a verb that tells ("commented on the
    deal", "described the attack as", "told the inquiry", "reports 75 militants dead in an
    offensive") by the happening it tells of: telling is no deal, attack or inquiry (the
    happening's own noun is coded on its own); it only remarks, praises, criticises or rejects."""
    return by_pattern and tok.lemma_.lower() in NEUTRAL_SPEECH_VERBS and code[:2] not in TELLING_ROOTS


THREAT_ROOT = "13"
#: verbs that threaten only when coercive, and otherwise forecast a danger
WARNING_VERBS = {"warn", "caution"}
#: what a warning forecasts: "warned of a crisis", "about the risks", "that S"
_FORECAST_PREPS = {"of", "about"}
#: conjunctions of the condition a coercive warning sets: "unless Uganda removes its troops"
CONDITION_MARKS = {"unless", "if"}
MODAL_FUTURES = {"will", "would", "shall", "'ll"}


def _forecasts_a_danger(tok: Any) -> bool:
    """True for a warning that tells a danger (module docstring) and coerces no one."""
    children = list(tok.children)
    if any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "against") for c in children):
        return False  # "warned Microsoft to comply", "warned Gondor against a coup"
    if any(t.dep_ == "mark" and t.lower_ in CONDITION_MARKS for t in tok.subtree):
        return False  # "warned of dire consequences unless Bree withdraws its troops"
    clauses = [c for c in children if c.dep_ == "ccomp"]
    addressed = any(c.dep_ in {"dobj", "obj", "dative"} for c in children)
    if any(_own_act_announced(c, addressed) for c in clauses):
        return False  # "Iran warned that it would retaliate", "warned Russia that Iran would"
    return bool(clauses) or any(c.dep_ == "prep" and c.lower_ in _FORECAST_PREPS for c in children)


def _own_act_announced(clause: Any, addressed: bool) -> bool:
    """ "that it would retaliate", "that its leaders would be targeted", "that police will no
    longer tolerate rallies": a future modal with a pronoun doer, an unnamed force or none named,
    or told to the one it threatens ("warned Russia that Iran would attack"), is the warner's own
    act; a named doer told to no one is someone else ("warned that the war will last years")."""
    if not any(c.dep_ == "aux" and c.lower_ in MODAL_FUTURES for c in clause.children):
        return False
    if addressed:
        return True
    doers = [c for c in clause.children if c.dep_ == "nsubj"]
    if not doers:
        return not any(c.dep_ == "agent" for c in clause.children)  # "would be targeted"
    return all(d.pos_ == "PRON" or _own_force(d) for d in doers)


#: the bodies that carry out an authority's threats: "a security chief warned that police will"
STATE_FORCE_NOUNS = {"police", "army", "military", "troop", "force", "government", "authority", "security"}


def _own_force(doer: Any) -> bool:
    """ "police", "the army", "security forces": an unnamed force, the warner's own (a named
    one, "Iran's army", is someone else's)."""
    named = any(c.dep_ in {"poss", "compound", "amod"} and c.pos_ == "PROPN" for c in doer.children)
    return doer.lemma_.lower() in STATE_FORCE_NOUNS and not named


#: verbs that also ask a price: "charged up to US$950" (an amount, no one arrested)
CHARGING_MONEY_VERBS = {"charge"}


def _an_amount_charged(tok: Any) -> bool:
    """True when what ``tok`` charges is a sum of money ("charged up to US$950 annually",
    "charged $20 for entry"), with no offence named ("charged with fraud")."""
    offences = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"with", "over"}]
    if any(not _absolute(p) for p in offences):
        return False
    return any(
        t.ent_type_ == "MONEY"
        for c in tok.children
        if c.dep_ not in {"nsubj", "nsubjpass"} and c not in offences
        for t in c.subtree
    )


_PEOPLE_WORDS = _WORDS.words("people_nouns") | _WORDS.words("victim_nouns")


def _absolute(prep: Any) -> bool:
    """ "with families fined up to $3,800": people, or a clause of its own, not the offence."""
    return any(
        o.dep_ == "pobj"
        and (
            o.lemma_.lower() in _PEOPLE_WORDS or any(a.dep_ == "acl" and a.tag_ == "VBN" for a in o.children)
        )
        for o in prep.children
    )


def _a_person_steps_back(tok: Any) -> bool:
    """ "X withdrew", "she pulled out": a named person, nothing withdrawn and nowhere withdrawn
    from; troops, a country or a party withdrawing is another matter."""
    if any(
        c.dep_ in {"dobj", "obj", "prt"} or (c.dep_ == "prep" and c.lower_ == "from") for c in tok.children
    ):
        return False
    subj = [c for c in tok.children if c.dep_ in {"nsubj", "nsubj:pass"}]
    return bool(subj) and all(s.ent_type_ == "PERSON" for s in subj)


def _from_an_office(tok: Any, more: frozenset[str] = frozenset()) -> bool:
    """True when ``tok`` leaves an office ("dismissed from the chairmanship"), or one of
    ``more`` ("withdrew from his position")."""
    offices = OFFICE_NOUNS | more
    return any(
        c.dep_ == "prep" and c.lower_ == "from" and any(_names_one_of(o, offices) for o in c.children)
        for c in tok.children
    )


def _takes_up_an_office(tok: Any) -> bool:
    """ "take over the post", "assumed the chairmanship": an office taken, no seizure; "the UN
    will take over from the AU", "took over as President": a successor, no seizure either."""
    lemma = tok.lemma_.lower()
    over = any(c.dep_ == "prt" and c.lower_ == "over" for c in tok.children)
    if not (lemma == "assume" or (lemma == "take" and over)):
        return False
    if (
        over
        and not _objects(tok)
        and any(c.dep_ == "prep" and c.lower_ in {"from", "as"} for c in tok.children)
    ):
        return True  # "will take over from the AU", "took over as President"
    return any(_names_one_of(o, OFFICE_NOUNS) or _names_an_office(o) for o in _objects(tok))


def _names_an_office(obj: Any) -> bool:
    """ "the post of Foreign Secretary", "the role as coach": one office, said which."""
    which = any(c.dep_ == "prep" and c.lower_ in {"of", "as"} for c in obj.children)
    return which and obj.tag_ == "NN" and obj.lemma_.lower() in OFFICE_OF_NOUNS


def _objects(tok: Any) -> list[Any]:
    """What the verb acts on: its object, a passive's subject ("the photos were released"), or
    the noun a relative clause without an object describes ("the talk Graham was giving")."""
    objs = [c for c in tok.children if c.dep_ in {"dobj", "obj"}]
    # "gave Howard a cold reception": the parser hangs the second object on the first
    objs = objs or [a for c in tok.children if c.dep_ == "dative" for a in c.children if a.dep_ == "appos"]
    if objs:
        return objs
    passive = [c for c in tok.children if c.dep_ == "nsubjpass"]
    if passive:
        return passive
    return [tok.head] if tok.dep_ == "relcl" and tok.head.pos_ == "NOUN" else []


def _names_one_of(obj: Any, nouns: frozenset[str]) -> bool:
    """ "photographs", "another Fox program Weekend Live": the object's head or a noun that
    compounds or names it (a title is named by its kind: "the program Weekend Live")."""
    if obj.ent_type_ == "WORK_OF_ART":
        return True
    words = [obj] + [c for c in obj.children if c.dep_ in {"compound", "appos", "nmod"}]
    last = obj.doc[obj.right_edge.i]
    if obj.pos_ == "PROPN" and last.pos_ == "PROPN" and last.ent_type_ and last.ent_type_ == obj.ent_type_:
        words.append(last)  # "the State of the Union Address": a name's last word says its kind
    return any(w.lemma_.lower() in nouns or w.lower_ in nouns for w in words)


def _challenged(tok: Any) -> bool:
    """True when the resignation's sentence tells a challenge it answers."""
    return any(t.lemma_.lower() in CHALLENGE_WORDS for t in tok.sent if t.i != tok.i)


def _judges(tok: Any) -> bool:
    """ "described X as Y", "called it a disgrace": a predicate that judges what is told."""
    near = [tok, *_objects(tok)]  # "as" hangs on the verb or on its object ("the attack as")
    as_phrase = any(c.dep_ == "prep" and c.lower_ == "as" for t in near for c in t.children)
    return as_phrase or any(c.dep_ in {"oprd", "acomp", "xcomp"} for c in tok.children)


#: prepositions that bring what is asked or promised: "asked for permission", "a promise of
#: aid", "an appeal to stop", "agreed on a ceasefire"
_CONTENT_PREPS = frozenset({"for", "of", "to", "on"})
#: a verb's complements that say what: an object, a clause, an infinitive
_CONTENT_DEPS = frozenset({"dobj", "obj", "dative", "xcomp", "ccomp"})


def asks_no_one(tok: Any, code: str) -> bool:
    """True when an appeal, intent or order whose event has no target is no event: it says
    nothing of what is asked or promised (:func:`says_what`), or its verb asks, orders or
    wants or warns something of someone only when that someone is named ("ordered a
    by-election", "we want to be heard", "GM warned that the amount could rise")."""
    root = code[:2]
    if root in _ASKING_ROOTS and not says_what(tok):
        return True
    return root in _ADDRESSED_ROOTS and tok.pos_ in {"VERB", "AUX"} and tok.lemma_.lower() in ADDRESSEE_VERBS


#: appeals and intents: with no one addressed, an event only when they say what is asked or
#: promised
_ASKING_ROOTS = frozenset({"02", "03"})
#: appeals, intents, demands and threats: what the addressee verbs code
_ADDRESSED_ROOTS = _ASKING_ROOTS | {"10", "13"}


def says_what(tok: Any) -> bool:
    """True when an appeal or intent says what is asked or promised: "promised to discontinue
    the practice", "asked for permission", "offered parents tax breaks", "a promise of aid".
    "A broken promise", "the promises made by the prosecutor", "if the government agrees" and
    "the rules were agreed upon" tell no content and address no one: no event."""
    for c in tok.children:
        if c.dep_ in _CONTENT_DEPS or (c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS):
            return True
        if c.dep_ in {"acl", "relcl", "advcl"} and _infinitive(c):
            return True  # "a request to meet", "called for people to gather"
    if tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
        # "his proposals were to limit the size of banks": the copula's complement says what
        return any(c.dep_ in {"xcomp", "attr", "ccomp"} for c in tok.head.children)
    return False


def _infinitive(verb: Any) -> bool:
    return any(a.lower_ == "to" and a.dep_ == "aux" for a in verb.children)


def _shut_down_itself(tok: Any) -> bool:
    """True for a body of state shut down by no one named ("the US government is partially shut
    down"), or anyone shutting down with no object: a shutdown or a closure, no sanction."""
    shut = [c for c in tok.children if c.dep_ == "nsubjpass"]
    agents = [c for c in tok.children if c.dep_ == "agent"]
    if agents or any(c.dep_ in {"dobj", "obj"} for c in tok.children):
        return False
    # "the lobbying group plans to shut down at the end of January": it closes
    return not shut or all(s.lemma_.lower() in STATE_BODY_WORDS for s in shut)


def suicide_bombing(verb: Any) -> bool:
    """True for "blew himself up", "detonated herself": the one act whose doer is its own object."""
    lemma = verb.lemma_.lower()
    particle = any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)
    return (lemma == "blow" and particle) or lemma == "detonate"
