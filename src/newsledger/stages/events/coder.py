"""The coder: for the triggers of each sentence (:mod:`.triggers`), their source and target,
modality, and the events."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...knowledge.actors import ActorKB
from ...knowledge.petrarch_verbs import VerbDictionary
from ...models import ActorRef, AnalyzedArticle, Event
from ..actors.doc_index import doc_index
from ..dates import date_for_span
from ..dates.dating import told_as_past  # one past-tense test for dating and coding
from ..nlp import text_of
from ..places import place_and_home
from .anaphora import DEFINITE
from .conventions import (
    EASING_CODES,
    RECIPIENT_ROOTS,
    bombing_code,
    ledger_flags,
    ledger_roles,
    obligation_pairs,
)
from .discards import discard_length, discarded, tells_of_violence
from .matcher import Matcher, infinitive_complement
from .means import armed_men
from .modality import carried_modality, intent_code, modality
from .nominals import PASSIVE_MAKERS, clause_depth, fire_code, is_light_verb
from .nonacts import COLLECTIVE_NOUNS
from .nonparties import PERSON_ACT_CODES, names_a_law, names_a_thing, only_where, travellers_only
from .outcome import outcome_of_the_act
from .parties import PEOPLE_NOUNS, Parties
from .protests import PROTEST_ROOT, protesters, state_blockade
from .records import code_fields as code_fields  # re-exported: stances, learn.compare
from .records import event_id as event_id
from .refine import party_code, people_seized, refined_code
from .roles import CONTACT_VERBS, Roles, find_roles
from .senses import (
    agreement_held,
    asks_no_one,
    figurative_force,
    non_political_sense,
    suicide_bombing,
    tells_of_a_happening,
)
from .syntax import subjects
from .triggers import RawTrigger, could_trigger, triggers

NAME = "newsledger.events.v1"


#: verbs that judge an act rather than report it: "does not deserve to host", "merits a visit"
JUDGING_HEADS = {"deserve", "merit"}
APPEAL_ROOT = "02"
DEMAND_ROOT = "10"
THREAT_ROOT = "13"
#: acts whose clause tells what they ask, offer, refuse or threaten: propose, appeal, demand,
#: reject, threaten ("proposed that troops help train": the training is the proposal's content)
CONTENT_ROOTS = {"02", "03", "10", "12", "13"}
#: verbs that also ask questions: "asked if he was aware" is no appeal
QUESTION_VERBS = {"ask", "inquire", "enquire"}
#: verbs whose "to <thing>" with no object of their own means "cause": "restrictions have
#: contributed to the slow movement of troops", "the talks led to nothing" are no aid or act
CAUSAL_TO_VERBS = {"contribute", "lead", "add"}
#: release of persons (084) and the people one releases beyond the coder's people nouns
RELEASE_CODE = "084"
CAPTIVE_NOUNS = {
    "hostage",
    "captive",
    "detainee",
    "prisoner",
    "journalist",
    "national",
    "crew",
    "body",
    "remains",
}
REFLEXIVES = {"itself", "themselves", "himself", "herself", "ourselves", "myself", "yourself"}


def code_item(
    item: AnalyzedArticle,
    vd: VerbDictionary,
    *,
    kb: ActorKB | None = None,
    require_dyad: bool = False,
    intent_codes: bool = True,
    ledger: bool | None = None,
) -> list[Event]:
    """Code the events of one parsed article (the stage body, usable without Resources).

    ``intent_codes``: an act announced with "will"/"plans to" gets CAMEO's intent, threat or
    refusal code (03/13/12); PETRARCH dictionaries code such wording with their own patterns.
    ``ledger`` (default: as ``intent_codes``): the conventions of an analyst's ledger
    (see :mod:`.conventions`) rather than PETRARCH's."""
    doc = item.doc
    if doc is None:
        return []
    events: list[Event] = []
    story_discards: set[str] = kb.story_discards if kb is not None else set()
    discards: set[str] = kb.discards if kb is not None else set()
    # the actor stage's token keys (the same key(), cached in item.notes), not one Token per token
    keys = doc_index(item).keys if story_discards or discards else []
    if story_discards and discarded(keys, story_discards):
        return []  # a PETRARCH story discard ("World Golf Championships"): not political news
    m = Matcher(doc, vd)
    ctx = _Context(
        item,
        Parties(item, item.date, kb),
        set(),
        require_dyad,
        intent_codes,
        vd.lemma_fallback,
        intent_codes if ledger is None else ledger,
    )
    ctx.actors.happenings = events  # filled as the article is read: "denied the visit" (.anaphora)
    ctx.actors.relative_subjects = ctx.ledger
    ctx.actors.event_nouns = event_noun_codes(vd)
    could = could_trigger(doc)
    for sent_i, sent in enumerate(doc.sents):
        sentence = (
            item.sentences[sent_i] if sent_i < len(item.sentences) else item.sentence_at(sent.start_char)
        )
        if sentence is None:
            continue
        topic = discard_length(keys[sent.start : sent.end], discards) if discards else 0
        if topic and not (ctx.ledger and topic == 1 and tells_of_violence(sent)):
            continue  # a sports sentence, unless violence is done there
        raws = list(triggers(item, vd, m, sent, could))
        raws = [r for r in raws if not _orders_an_act(r, {n.tok.i for n in raws if n.nominal})]
        # a dictionary code that needs a dyad ("phoenix:" patterns) does not absorb the acts
        # around it: without its dyad it codes nothing ("riots ... are still continuing")
        coded_heads = {r.tok.i for r in raws if not r.nominal and not r.match.dyad_only}
        object_of_coded = set()
        for r in raws:
            if not r.nominal and r.match.pattern is not None and not r.match.dyad_only:
                for t in r.tok.subtree:
                    if t.i != r.tok.i:
                        object_of_coded.add(t.i)
            if not r.nominal and "thing" in r.match.slots and r.tok.lemma_.lower() not in PASSIVE_MAKERS:
                object_of_coded.add(
                    r.match.slots["thing"][0]
                )  # "an agreement was reached": the verb codes it
        nominal_at = {r.tok.i for r in raws if r.nominal}
        verb_acts = {r.tok.i for r in raws if not r.nominal}
        # under the ledger's conventions, what a proposal, appeal, demand, refusal or threat asks
        # for is its content, not an act of its own (PETRARCH codes both)
        # (a pattern that codes only with its dyad asks for nothing without it: "his death led
        # to international pressure" holds no content)
        content_of = {
            r.tok.i
            for r in raws
            if ctx.ledger and (r.match.code or "")[:2] in CONTENT_ROOTS and not r.match.dyad_only
        }
        by_trigger: dict[int, list[Event]] = {}
        for raw in raws:
            if _not_its_own_act(raw, coded_heads, object_of_coded, nominal_at, content_of, verb_acts):
                continue
            coded = _events_for(ctx, raw, sentence)
            if ctx.ledger:
                coded = outcome_of_the_act(raw.tok, raw.nominal, coded, by_trigger.get(raw.tok.head.i, []))
            by_trigger.setdefault(raw.tok.i, []).extend(coded)
            events.extend(coded)
    return events


#: verbs whose object noun names the act they set going, done by their subject
ORDERING_VERBS = {"order"}


def _orders_an_act(raw: RawTrigger, nominal_at: set[int]) -> bool:
    """True for "ordered an investigation", "ordered airstrikes", "ordered the release of":
    the act ordered is the event, its doer the one who orders, not a demand."""
    tok = raw.tok
    if raw.nominal:
        return False
    # "made his first official visit": Phoenix's MAKE * VISIT [036], an intent told as done, is
    # the visit its noun codes ("is going to initiate talks" stays 036)
    carried = is_light_verb(tok) and raw.match.dyad_only and raw.match.pattern is not None
    carried = carried and (raw.match.code or "").startswith("03") and not modality(tok).hypothetical
    if tok.lemma_.lower() not in ORDERING_VERBS and not carried:
        return False
    return any(c.dep_ in {"dobj", "obj"} and c.i in nominal_at for c in tok.children)


def event_noun_codes(vd: VerbDictionary) -> dict[str, str]:
    """The code of each event noun said alone ("the attack": 190, not "cyber attack"'s 176)."""
    out: dict[str, str] = {}
    for form, entries in vd.nouns.items():
        bare = [e for e in entries if e.code and not e.before and not e.after]
        if bare and bare[0].code:
            out[form] = bare[0].code
    return out


def _not_its_own_act(
    raw: RawTrigger,
    coded_heads: set[int],
    object_of_coded: set[int],
    nominal_at: set[int],
    content_of: frozenset[int] | set[int] = frozenset(),
    verb_acts: frozenset[int] | set[int] = frozenset(),
) -> bool:
    """True when a trigger codes nothing of its own: absorbed by the verb that governs it, the
    content of a proposal, appeal, demand, refusal or threat (``content_of``: those triggers),
    carried by a verb that only makes it, judged rather than reported, or done by the actor to
    itself."""
    tok, code = raw.tok, raw.match.code or ""
    if not raw.nominal and tok.lemma_.lower() in PASSIVE_MAKERS and _makes_a_happening(tok, nominal_at):
        return True  # "the apology was delivered by": the apology is the act, not a delivery
    complement = tok.dep_ == "xcomp" or infinitive_complement(tok)
    contact = tok.head.lemma_.lower() in CONTACT_VERBS  # "phoned X to apologize": its own act
    if not raw.nominal and complement and tok.head.i in coded_heads and not contact:
        return True  # absorbed by the governing verb's pattern ("urged Bree to help")
    if _reads_only_its_subject(raw) and any(c.dep_ == "xcomp" and c.i in verb_acts for c in tok.children):
        return True  # "military personnel continued to call on Qarase" ("&MILITARY *"): the call
    if _content_of_another(raw, content_of, contact):
        return True
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in JUDGING_HEADS:
        return True  # "Canada does not deserve to host": a judgement, not the act
    if not raw.nominal and _reflexive(tok) and not suicide_bombing(tok):
        return True  # "Israel defended themselves", "the party reinvented itself": no one else
    if raw.nominal and code[:2] == APPEAL_ROOT and not _has_complement(tok):
        return True  # "before exhausting his appeals": a legal appeal, asking no one for anything
    if not raw.nominal and tok.lemma_.lower() in QUESTION_VERBS and _asks_a_question(tok):
        return True  # "a reporter asked if McClellan was aware": a question, not a request
    if not raw.nominal and code[:2] == DEMAND_ROOT and _asserts_a_fact(tok):
        return True  # "insisted that the prime minister only committed forces after ...": a claim
    if not raw.nominal and tells_of_a_happening(
        tok, code, raw.match.dyad_only and raw.match.pattern is not None
    ):
        return True  # "commented on the deal" ("* DEAL [060]"): telling of a deal makes none
    if not raw.nominal and (_causal_sense(tok) or non_political_sense(tok, code)):
        return True  # "contributed to the slow movement of troops", "released photographs"
    if raw.nominal and code[:2] == THREAT_ROOT and tok.dep_ in {"attr", "oprd"}:
        return True  # "are not considered a threat", "Iran is a threat": a judgement, no threat made
    if raw.nominal and (figurative_force(tok, code) or agreement_held(tok, code)):
        return True  # "a political attack on the opposition", "has a peace treaty with Israel"
    if raw.nominal and tok.i in object_of_coded:
        return True  # "hosted earlier meetings": the host verb codes it
    return raw.nominal and tok.head.i in coded_heads and tok.dep_ in {"dobj", "obj"}


def _reflexive(tok: Any) -> bool:
    return any(c.dep_ in {"dobj", "obj"} and c.lower_ in REFLEXIVES for c in tok.children)


def _content_of_another(raw: RawTrigger, content_of: frozenset[int] | set[int], contact: bool) -> bool:
    """True when the trigger is what a proposal, appeal, demand, refusal or threat asks for,
    offers or refuses, not an act of its own."""
    tok = raw.tok
    if tok.dep_ in {"ccomp", "acl"} and tok.head.i in content_of and not contact:
        return True  # "proposed that U.S. troops help train", "his refusal to grant concessions"
    if tok.dep_ == "advcl" and tok.head.i in content_of and any(c.tag_ == "TO" for c in tok.children):
        return True  # "called on Hezbollah, Monday, to release the soldiers": the parser's purpose
    return raw.nominal and _asked_for(tok, content_of)  # "called for the assassination of Chavez"


#: prepositions by which an appeal, offer, demand, refusal or threat names what it is about
CONTENT_PREPS = {"for", "with"}


def _asked_for(noun: Any, content_of: frozenset[int] | set[int]) -> bool:
    """True when the event noun is what an appeal, demand or threat asks for or threatens, by
    its preposition ("called for the release", "threatened them with war"; not "agreed to the
    US request": a request made)."""
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.lower_ in CONTENT_PREPS
        and prep.head.i in content_of
    )


def _reads_only_its_subject(raw: RawTrigger) -> bool:
    """True for a dictionary pattern that needs a dyad and reads only words before its verb
    ("&MILITARY * [190]" of "continue"): it says nothing of the act the verb's complement names."""
    pattern = raw.match.pattern
    return pattern is not None and raw.match.dyad_only and bool(pattern.pre) and not pattern.post


def _makes_a_happening(verb: Any, nominal_at: set[int]) -> bool:
    """True when the subject of the passive ``verb`` is an event noun coded on its own (in the
    active voice the verb codes it: "launched an attack on")."""
    return any(c.dep_ == "nsubjpass" and c.i in nominal_at for c in verb.children)


def _has_complement(noun: Any) -> bool:
    """True when an appeal noun says what or whom it asks: "an appeal for calm", "a request to
    meet", "his plea to the UN"."""
    return any(
        (c.dep_ == "prep" and c.lower_ in {"for", "to", "on", "from"}) or c.dep_ in {"acl", "relcl"}
        for c in noun.children
    )


def _asks_a_question(tok: Any) -> bool:
    """ "asked if / whether / why ...", 'asked, "Are you saying ...?"', "was asked about the
    report": what is asked is a question, not an act asked for."""
    clauses = [c for c in tok.children if c.dep_ in {"ccomp", "xcomp", "advcl"}]
    if any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in clauses):
        return False  # "asked the public to call ... if they saw him": a request, whatever follows
    before = [t for t in tok.doc[max(tok.i - 3, 0) : tok.i] if t.text not in {",", "'", '"', "''", "``"}]
    if before and before[-1].text == "?":
        return True  # '"Where is everybody?" asked Thomas': a quoted question before the verb
    for c in clauses:
        words = list(c.subtree)
        if any(m.dep_ == "mark" and m.lower_ in {"if", "whether"} for m in c.children):
            return True
        if words[0].tag_ in {"WDT", "WP", "WRB"} and words[0].i > tok.i:
            return True
        after = c.doc[words[-1].i + 1] if words[-1].i + 1 < len(c.doc) else None
        if "?" in (words[-1].text, after.text if after is not None else ""):
            return True  # a quoted question
    # asked about a matter, with nothing asked for ("asked to resign", "asked for aid")
    return not clauses and any(c.dep_ == "prep" and c.lower_ == "about" for c in tok.children)


def _asserts_a_fact(tok: Any) -> bool:
    """True when a demand verb's "that" clause states what is, not what must be: "insisted that
    the prime minister only committed forces after ..." (past or present indicative, no modal);
    "insisted that he resign" / "that they should leave" stay demands."""
    clauses = [c for c in tok.children if c.dep_ == "ccomp"]
    if not clauses or any(c.dep_ in {"dobj", "obj"} for c in tok.children):
        return False
    verb = clauses[0]
    auxes = [a for a in verb.children if a.dep_ in {"aux", "auxpass"}]
    if any(a.tag_ == "MD" or a.lower_ == "to" for a in auxes):
        return False
    # "that the government end curbs": a bare form (tagged VBP) is the subjunctive of a demand;
    # only "are"/"have" in the present say what is
    finite = [verb, *auxes]
    return any(t.tag_ in {"VBD", "VBZ"} or (t.tag_ == "VBP" and t.lemma_ in {"be", "have"}) for t in finite)


def _causal_sense(tok: Any) -> bool:
    """True for "X contributed to / led to <a thing>": no object of its own, and what it goes
    "to" is a common noun that names no one (a movement, a decline, a crisis)."""
    if tok.lemma_.lower() not in CAUSAL_TO_VERBS or any(
        c.dep_ in {"dobj", "obj", "dative"} for c in tok.children
    ):
        return False
    goals = [
        o
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "to"
        for o in c.children
        if o.dep_ == "pobj"
    ]
    if not goals or goals[0].pos_ != "NOUN" or goals[0].ent_type_:
        return False
    goal = goals[0]
    # "contributed to the peacekeeping force" is aid; "to the movement of troops" a process
    of_what = any(c.dep_ == "prep" and c.lower_ == "of" for c in goal.children)
    return of_what or goal.lemma_.lower() not in PEOPLE_NOUNS | COLLECTIVE_NOUNS


@dataclass
class _Context:
    """What every event of one article shares while it is coded."""

    item: AnalyzedArticle
    actors: Parties
    seen: set[tuple[Any, ...]]
    require_dyad: bool
    intent_codes: bool
    strict: bool  # our news patterns (lemma fallback), not PETRARCH's dictionaries
    ledger: bool  # an analyst's conventions (conventions.py), not PETRARCH's


Pair = tuple[ActorRef | None, ActorRef | None, str]


def _pairs(roles: Roles, code: str, pair_code: str | None) -> list[Pair]:
    """(source, target, code) of each event: every source with every target; a compound acts
    on itself in both directions, the first-named with each of the others (PROTOCOL:
    reciprocal events are coded with the first-named as source; a summit of eight is seven
    meetings of its first-named, not 28 of every pair); a paired code ("032:033") adds the
    reverse event."""
    pairs: list[Pair] = []
    if roles.compound and len(roles.sources) > 1:
        members = list(dict.fromkeys(ref.actor_id for ref, _ in roles.sources))
        by_id = {ref.actor_id: ref for ref, _ in roles.sources}
        first = by_id[members[0]]
        for other in members[1:]:
            if not _one_state(first, by_id[other]):  # "leaders of ... and Russia": one party
                pairs += [(first, by_id[other], code), (by_id[other], first, code)]
        return pairs
    src_list: list[ActorRef | None] = [s for s, _ in roles.sources] or [None]
    tgt_list: list[ActorRef | None] = [t for t, _ in roles.targets] or [None]
    for src in src_list:
        for tgt in tgt_list:
            if src is not None and tgt is not None and src.actor_id == tgt.actor_id:
                continue
            pairs.append((src, tgt, code))
            if pair_code and src is not None and tgt is not None:
                pairs.append((tgt, src, pair_code))
    return pairs


def _one_state(a: ActorRef, b: ActorRef) -> bool:
    """True for a country named whole and an actor of the same country: no two parties."""
    whole = a.actor_id.startswith("country:") or b.actor_id.startswith("country:")
    return whole and a.country is not None and a.country == b.country


def _ledger_parties(ctx: _Context, raw: RawTrigger, roles: Roles, code: str) -> bool:
    """Drop from ``roles`` what names no party ("voted against the Inspections Bill": a law, a
    document or a place) and type who holds a protest; False for mere travel, no event."""
    if travellers_only(roles.sources, code):
        return False
    kept = [(ref, h) for ref, h in roles.targets if not names_a_thing(ref)]
    roles.sources = [(ref, h) for ref, h in roles.sources if not names_a_law(ref)]
    roles.targets = [(ref, h) for ref, h in kept if not only_where(h, code, raw.tok)]
    if kept and not roles.targets and code.startswith(PERSON_ACT_CODES):
        # "arrested dozens in Minsk", "any foreigner kidnapped in Gaza": the place's people
        roles.targets = [(ctx.actors.unnamed(kept[0][0].country, "CVL"), kept[0][1])]
    if raw.nominal and code[:2] == PROTEST_ROOT:
        roles.sources = protesters(ctx.actors, roles.sources, raw.tok, code)
    return True


def _events_for(ctx: _Context, raw: RawTrigger, sentence: Any) -> list[Event]:
    tok, match = raw.tok, raw.match
    code = match.code
    assert code is not None
    code = fire_code(code, tok)  # "came under fire from Taliban forces": arms; "from critics": words
    code = people_seized(code, tok) if ctx.ledger else code  # "were seized in Baghdad": abducted
    # a happening a light verb carries ("staged rallies", "held their first meeting with") is
    # news even when its doer is an unnamed crowd or group: ledger_roles types the doer
    roles = find_roles(tok, match, raw.nominal, raw.span, ctx.actors, orphans=ctx.ledger)
    if roles is None or _only_reporters(ctx.item, roles):
        return []  # "Reuters quotes X as adding: 'we warn Syria'": the reporter is never the actor
    if ctx.ledger and not _ledger_parties(ctx, raw, roles, code):
        return []  # "a Kenyan woman who had just arrived from India": travel, no visit of state
    # a cooperative act without its agent is doubtful ("the wave traveled to Guadeloupe")
    agentless = (
        not roles.sources and ctx.strict and code[:2] <= "08" and not raw.nominal and not subjects(tok)[1]
    )
    mod = modality(tok) if not raw.nominal else carried_modality(tok)
    item = ctx.item
    start_c, end_c = ctx.actors.chars(raw.span[0], raw.span[1])
    place, home = place_and_home(item, start_c, end_c)
    announced = intent_code(code, mod.negated) if mod.intent and ctx.intent_codes else code
    # whose unnamed police or gunmen: the country where the act is done, not where it goes
    if ctx.ledger and not ledger_roles(roles, tok, announced, ctx.actors, home):
        return []  # no doer: "meddling could sabotage any hope", "the wave traveled to"
    if ctx.ledger:  # "several men fired on police officers": an armed force
        roles.sources = armed_men(ctx.actors, roles.sources, announced)
    if ctx.ledger and _to_no_one_of_nothing(ctx, raw, roles, announced, code):
        return []  # "a broken promise", "if the government agrees": no one addressed, nothing said
    pairs = _pairs(roles, code, match.pair)
    if mod.intent and ctx.intent_codes:
        pairs = [(a, b, intent_code(c, mod.negated)) for a, b, c in pairs]
    if ctx.ledger:
        pairs = obligation_pairs(pairs, mod, ctx.actors.speaker_at(tok.idx))
        pairs = [
            (
                a,
                b,
                state_blockade(party_code(refined_code(bombing_code(c, tok), tok), tok, a, b), tok, a),
            )
            for a, b, c in pairs
        ]
    # "staged rallies", "held talks": the noun is the event the light verb reports
    light = raw.nominal and tok.dep_ in {"dobj", "obj"} and is_light_verb(tok.head)
    penalty = (
        (0.15 if raw.nominal and not light else 0.0)
        + min(0.2, 0.05 * clause_depth(tok.head if light else tok))
        + (0.2 if agentless else 0.0)
        + (0.1 if tok.dep_ == "pcomp" else 0.0)  # "accused X of restoring": the accusation first
    )
    date, precision = date_for_span(item, start_c, end_c)
    if raw.nominal and roles.unnamed_doer and date == item.date:
        date, precision = None, "unknown"  # "after the assassination of Kennedy": no news of the day
    shared = {
        "provenance": item.provenance(sentence, (start_c, end_c), NAME, _reported_by(item, start_c)),
        "trigger": text_of(item.doc)[start_c:end_c],
        "date": date,
        "date_precision": precision,
        "location": place,
        "negated": mod.negated,
        "hypothetical": mod.hypothetical,
    }
    past_or_noun = raw.nominal or told_as_past(tok)  # a date after the article is then wrong
    out: list[Event] = []
    for a, b, c in pairs:
        if (a is None and b is None) or (ctx.require_dyad and (a is None or b is None)):
            continue
        if ctx.ledger and a is None:
            continue  # an analyst's ledger has a doer for every event (ledger_roles types one)
        key = (start_c, c, a.actor_id if a else None, b.actor_id if b else None)
        if key in ctx.seen:
            continue
        ctx.seen.add(key)
        conf = 0.5 + (0.15 if match.pattern is not None else 0.0) + (0.15 if a and b else 0.0) - penalty
        flags = ledger_flags(c, mod) if ctx.ledger else {}
        told = _told_before(ctx, raw, c, a, b)  # "The Russian invitation was the first": that one
        when = {"date": told.date, "date_precision": told.date_precision} if told is not None else {}
        fields = not_yet_done(shared | flags | when, item.date, past_or_noun=past_or_noun)
        out.append(_event(item.article.article_id, (start_c, end_c), c, a, b, conf, fields))
    return out


def _to_no_one_of_nothing(ctx: _Context, raw: RawTrigger, roles: Roles, code: str, act: str) -> bool:
    """True for an appeal, intent or order that addresses no one and is no event for it
    (senses.asks_no_one: "a broken promise", "ordered a by-election"), or for an announced or
    refused act (``code``: its intent, threat or refusal code; ``act``: the act's) that needs a
    recipient and has none ("will provide $9.5 billion ... to allow the company to restructure",
    "how they will protect the content", "refused to resign"); unless it names a happening told
    before ("Russia invited Hamas ... Russia's invitation came after the elections": one more
    mention of that invitation)."""
    # coercion (17: martial law, a curfew, restrictions) and easing (081: "will repeal the act")
    # are done to a whole population unnamed
    whole_population = act[:2] == "17" or act.startswith(EASING_CODES)
    announced_act = code != act and act[:2] in RECIPIENT_ROOTS and not whole_population
    if roles.targets or roles.compound or not (announced_act or asks_no_one(raw.tok, code)):
        return False
    return not any(_told_before(ctx, raw, code, ref, None) for ref, _ in roles.sources)


def not_yet_done(fields: dict[str, Any], published: str | None, *, past_or_noun: bool) -> dict[str, Any]:
    """An act dated after the article that reports it has not happened: a verb's act is then
    flagged hypothetical ("will meet on Saturday to discuss", "are to hold a strike on Friday").
    A noun carries no tense and a verb told in the past tense has happened, so there the date
    is what is wrong ("the outcome of investigations" in a clause about Saturday; "protesters
    set fire ... Sunday" read as the coming Sunday) and is dropped instead (pass
    ``past_or_noun=True``).  A date never says an unflagged act lies in the future."""
    date = fields.get("date")
    if not date or not published or fields.get("hypothetical") or date <= published[: len(date)]:
        return fields
    if past_or_noun:
        return fields | {"date": None, "date_precision": "unknown"}
    return fields | {"hypothetical": True}


def _only_reporters(item: AnalyzedArticle, roles: Roles) -> bool:
    """True when every doer found is one of the outlets that report the article's news."""
    reporters = {r.actor_id for r in item.reporters}
    return bool(roles.sources) and all(ref.actor_id in reporters for ref, _ in roles.sources)


def _told_before(
    ctx: _Context, raw: RawTrigger, code: str, source: ActorRef | None, target: ActorRef | None
) -> Event | None:
    """The happening coded earlier that a definite noun names again ("Russia has invited Hamas
    ... The Russian invitation was the first"): same code and doer, no partner of its own.  Its
    date is the happening's, whatever the noun's sentence dates ("after the elections of
    January"), so that the mentions fold into one record (``merge``)."""
    if not raw.nominal or target is not None or source is None or not _definite(raw.tok):
        return None
    return next(
        (
            e
            for e in reversed(ctx.actors.happenings)
            if e.cameo_code == code and e.source is not None and e.source.actor_id == source.actor_id
        ),
        None,
    )


def _definite(noun: Any) -> bool:
    """ "the invitation", "Russia's invitation", "this visit": a noun that refers back."""
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE) for c in noun.children)


def _event(
    article_id: str,
    span: tuple[int, int],
    code: str,
    source: ActorRef | None,
    target: ActorRef | None,
    confidence: float,
    shared: dict[str, Any],
) -> Event:
    return Event(
        event_id=event_id(
            article_id, span, code, source.actor_id if source else None, target.actor_id if target else None
        ),
        **code_fields(code),
        source=source,
        target=target,
        confidence=round(max(0.05, min(confidence, 0.95)), 2),
        **shared,
    )


def _reported_by(item: AnalyzedArticle, offset: int) -> tuple[ActorRef, ...]:
    reporters = tuple(item.reporters)
    for st in item.statements:
        cs, ce = st.content_span
        if cs <= offset < ce and st.speaker is not None:
            rest = tuple(r for r in reporters if r.actor_id != st.speaker.actor_id)
            return (st.speaker, *rest)
    return reporters
