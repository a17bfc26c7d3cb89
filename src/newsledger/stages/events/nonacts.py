"""Words that tell no act of anybody's, whatever code the dictionaries give them: force done by
an act or an idea ("Iran's meddling could sabotage any hope of a deal"), an allowance by a law,
a deal or a machine ("a law allowing the naming of paedophiles"), what an accident did, a bomb
made safe, trade told as aid, disarmament, a ban on one's own thing, a business's presence
shown as force, and the words of business that name no act: goods ordered, shares traded on an
exchange, a price charged, a route flown, flights provided, a business taken over; and one
"alleged to have been shot", whom no one accuses (the coder's ledger conventions,
:mod:`.conventions`, drop them)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...knowledge.wordlists import word_lists
from ...models import ActorRef
from .accidents import (
    WEAPON_NOUNS,
    done_by_an_accident,
    in_an_accident,
    made_safe,
    own_arms,
    own_thing,
)
from .parties import PEOPLE_NOUNS
from .syntax import THING_NOUNS, pobjs, subjects

if TYPE_CHECKING:
    from .parties import Parties
    from .roles import Roles

__all__ = [
    "COLLECTIVE_NOUNS",
    "FORCE_ROOTS",
    "POSTURE_ROOT",
    "VIOLENT_ROOTS",
    "no_act_of_anybodys",
    "somebody",
]

_WORDS = word_lists("event_words.yaml")  # the word lists below: see the file's comments

#: acts of force: coercion, assault, fighting, mass violence
FORCE_ROOTS = {"17", "18", "19", "20"}
#: administrative sanctions in general (bans and closures of something named are 1721 and on)
SANCTION = "172"

#: destroying property, which an accident does as often as an attack
DESTROY_PROPERTY = "1712"

VIOLENT_ROOTS = {"18", "19", "20"}

#: exhibit force posture: troops "deployed" or "put on alert" are the force shown
POSTURE_ROOT = "15"

SOMEBODY_ENTITIES = {"PERSON", "ORG", "NORP", "GPE"}

AGENT_SUFFIXES = ("er", "or", "ist", "ian")

#: nouns for people and bodies beyond the coder's PEOPLE_NOUNS, and agentive endings
#: ("protester", "demonstrator", "activist", "guardian")
COLLECTIVE_NOUNS = _WORDS.words("collective_nouns")

#: head words of names that are no body that acts: a law, a treaty, an election (the actors
#: stage's screen reads the same list)
NOT_A_BODY = word_lists("actor_text_words.yaml").words("not_a_body")


def no_act_of_anybodys(roles: Roles, tok: Any, code: str, actors: Parties) -> bool:
    """True when the act's words tell no act of its code: a metaphor, accident, trade, disarmament."""
    threat = code[:2] == "13" and tok.pos_ == "VERB"  # "a proposal is threatening"
    # "the U.S. style low price selling did not appeal to Japanese consumers": attracts, asks nothing
    attracting = code[:2] == "02" and tok.lemma_.lower() == "appeal"
    if (code[:2] in FORCE_ROOTS or threat or attracting) and _done_by_an_abstraction(tok, actors):
        return True  # "Iran's meddling could sabotage any hope of a deal"
    if code[:2] in VIOLENT_ROOTS and _harmed_by_mishap(roles, tok):
        return True  # "Vice President Cheney accidentally shot a fellow hunter": an accident
    granting = code.startswith(ALLOWING_CODE) or code[:2] == AID_ROOT
    if granting and tok.pos_ == "VERB" and _granted_by_a_thing(tok, actors, strict=code[:2] == AID_ROOT):
        return True  # "a law allowing the naming of paedophiles", "the travelator allows passengers"
    if (code[:2] in VIOLENT_ROOTS or code == DESTROY_PROPERTY) and (
        done_by_an_accident(tok) or (not roles.sources and in_an_accident(tok))
    ):
        return True  # "were killed in a car crash", "the crash killed 102": done by nobody
    if code[:2] in VIOLENT_ROOTS and made_safe(tok):
        return True  # "police have detonated a suspicious package": bomb disposal, no attack
    # goods offered to no one named are for sale; an offer to someone is an interaction ("offered
    # the employees redundancy pay", "Kraft offered to buy Cadbury")
    offered = code.startswith("03") and tok.lemma_.lower() == "offer" and not roles.targets
    if (code[:2] == AID_ROOT or offered) and _commerce(roles, tok):
        return True  # "Motorola has shipped five million phones to China", "offers mortgages": trade
    if code[:2] == DEMAND_ROOT and _goods_ordered(tok, actors):
        return True  # "Garuda has ordered ten new jetliners": a purchase, no demand
    if code.startswith(TRADE_CODE) and _trading_as_or_on(tok):
        return True  # "Adam Skyconnection, who trade as Adam Air", "began trading on the NYSE"
    # "Nagai is alleged to have been shot intentionally": no one accused of it; "will begin
    # charging newspapers to post wire stories": a price, no charge
    if code[:2] == DISAPPROVE_ROOT and (_alleged_victim(tok) or _fee_charged(tok)):
        return True
    if (code[:2] in VIOLENT_ROOTS or code.startswith(THREAT_OF_FORCE)) and _fights_a_measure(tok):
        return True  # "vowed to fight a state government development plan": a campaign, no force
    if _business_service(roles, tok, code):
        return True  # "Air France flies to Bucharest", "Linamar took over the plant": business
    if code == DESTROY_PROPERTY and _burned_down(tok):
        return True  # "Kelso High School, which was destroyed by fire": no one said to have set it
    if code == DESTROY_PROPERTY and own_arms(tok):
        return True  # "the militia destroyed their weapons": disarmament, no attack
    if code == SANCTION and own_thing(tok):
        return True  # "his government has shut down its reactor": no one else sanctioned
    # "the company expanded its presence in India": no force shown
    return (
        code[:2] == POSTURE_ROOT and bool(roles.sources) and all(_a_business(ref) for ref, _ in roles.sources)
    )


#: allow (086): a law, a deal or a machine that allows or provides something grants no one anything
ALLOWING_CODE = "086"
#: provide aid (07): what a business provides, ships or delivers is mostly what it sells
AID_ROOT = "07"
#: giving that is no sale, whoever gives: "Google donated $1 million to the relief effort"
DONATING_VERBS = {"donate", "contribute", "pledge", "grant"}


def _commerce(roles: Roles, tok: Any) -> bool:
    """True when every doer of an act of provision is a business and the act no gift: goods
    shipped, services provided, a loan given are trade ("a bank gave out cheap loans")."""
    businesses = [
        ref
        for ref, _ in roles.sources
        if "BUS" in (ref.sector or "") or (ref.cameo_code or "").startswith("MNC")
    ]
    return (
        bool(roles.sources)
        and len(businesses) == len(roles.sources)
        and tok.lemma_.lower() not in DONATING_VERBS
    )


#: demand (10): "ordered" names a demand of somebody, or goods bought
DEMAND_ROOT = "10"
#: economic cooperation (061): trading with a partner, not trading under a name or on a market
TRADE_CODE = "061"
#: how a business trades with no partner: "as" a name, "under" a symbol, "on" an exchange, "at" a price
NO_PARTNER_PREPS = {"as", "under", "on", "at"}


def _goods_ordered(verb: Any, actors: Parties) -> bool:
    """True when "order" takes counted things, neither somebody nor an act: goods bought
    ("ordered ten new jetliners"), not "ordered 3,000 troops to the border", "ordered an inquiry"."""
    objs = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    told_what = any(c.dep_ == "ccomp" for c in verb.children)  # "ordered that ..."
    return (
        verb.lemma_.lower() == "order"
        and bool(objs)
        and not told_what
        and all(
            o.pos_ == "NOUN"
            and any(n.dep_ == "nummod" for n in o.children)
            and not somebody(o)
            and not o.lemma_.lower().endswith("man")
            and o.lower_ not in actors.event_nouns
            for o in objs
        )
    )


def _trading_as_or_on(verb: Any) -> bool:
    """True for "trade" with no partner but a name, a market or a price ("who trade as Adam Air",
    "began trading on the New York Stock Exchange"); "trade with Japan" is cooperation."""
    preps = {c.lower_ for c in verb.children if c.dep_ == "prep"}
    objects = any(c.dep_ in {"dobj", "obj"} for c in verb.children)
    return (
        verb.lemma_.lower() == "trade"
        and "with" not in preps
        and not objects
        and bool(preps & NO_PARTNER_PREPS)
    )


def _alleged_victim(verb: Any) -> bool:
    """True for "X is alleged to have been shot": what is alleged was done to X, whom no one
    accuses ("X is alleged to have shot" accuses X)."""
    if verb.lemma_.lower() != "allege" or not subjects(verb)[1]:
        return False
    return any(c.dep_ == "xcomp" and any(g.dep_ == "auxpass" for g in c.children) for c in verb.children)


#: disapprove (11): "charge" accuses with an offence, or asks a price
DISAPPROVE_ROOT = "11"
#: what one charges as a price ("charged a fee", "charging $5")
PRICE_WORDS = {"fee", "price", "rate", "interest", "tax", "toll", "premium", "commission", "rent"}


def _fee_charged(verb: Any) -> bool:
    """True for "charge" that asks a price, not one that accuses: a price or sum charged, or
    what the charged pay to do ("charging newspapers to post wire stories"); never with "with"."""
    if verb.lemma_.lower() != "charge" or any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        return False
    to_do = any(
        c.dep_ in {"xcomp", "advcl"} and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        for c in verb.children
    )
    price = any(
        c.dep_ in {"dobj", "obj", "dative"} and (c.ent_type_ == "MONEY" or c.lemma_.lower() in PRICE_WORDS)
        for c in verb.children
    )
    return to_do or price


#: sectors of a state's bodies, whose taking over is no purchase
STATE_BODIES = ("GOV", "MIL", "COP", "SPY", "JUD", "LEG")
#: a business's visit that is a service it sells ("Air France flies from Paris to Bucharest")
SERVICE_VERBS = {"fly", "operate", "sail"}
#: what a carrier provides, sells: no aid ("provide direct flights from Dublin to Manama")
SOLD_SERVICES = {"flight", "route", "connection"}  # not "services": "medical services" are aid
#: occupying (192) that is a business buying another's ("took over the plant from Visteon")
TAKEOVER_ROOT = "192"
BUSINESS_THINGS = word_lists("event_words.yaml").words("business_things")


def _business_service(roles: Roles, tok: Any, code: str) -> bool:
    """True for a business's route flown, flights provided or a business taken over: trade, no
    visit, aid or occupation."""
    if code[:2] == "04" and tok.lemma_.lower() in SERVICE_VERBS:  # what flies is a business
        return bool(roles.sources) and all(
            _a_business(ref) or (ref.actor_id.startswith("org:") and not ref.sector)
            for ref, _ in roles.sources
        )
    if code[:2] != AID_ROOT and not code.startswith(TAKEOVER_ROOT):
        return False  # (called for every event: the objects only read where they can matter)
    objects = [c for c in tok.children if c.dep_ in {"dobj", "obj"}]
    if code[:2] == AID_ROOT:  # "Gulf Air is to provide direct flights from Dublin": a service sold
        return bool(objects) and all(o.lemma_.lower() in SOLD_SERVICES for o in objects)
    # "Latvia's government took over Parex Bank", "soldiers took over operations": no purchase
    state = any((ref.sector or "").startswith(STATE_BODIES) for ref, _ in roles.sources)
    return not state and bool(objects) and all(o.lemma_.lower() in BUSINESS_THINGS for o in objects)


def _a_business(ref: ActorRef) -> bool:
    """True for a company or a business sector, which has no forces to show."""
    return (ref.sector or "").endswith("BUS")


def _done_by_an_abstraction(tok: Any, actors: Parties) -> bool:
    """True when the subject of a verb of force is neither somebody (a word for people, or one
    the actors stage resolved: "border patrol agents") nor a weapon but an act or an idea
    ("meddling", "the decision", "the crisis"), whoever it belongs to."""
    subj, passive = subjects(tok)
    if passive or not subj:
        return False
    named = [m for m in actors.item.mentions if m.actor_id]
    return all(
        h.pos_ == "NOUN"
        and not somebody(h)
        and h.lemma_.lower() not in WEAPON_NOUNS
        and not any(m.start <= h.idx < m.end for m in named)
        for h in subj
    )


#: adverbs of harm done by mishap, and the sectors whose harm done so is still force (a
#: soldier who "accidentally shot" a civilian used his arms)
MISHAP_ADVERBS = {"accidentally", "unintentionally", "inadvertently"}
ARMED_SECTORS = ("MIL", "COP", "REB", "INS", "UAF", "SPY")


def _harmed_by_mishap(roles: Roles, verb: Any) -> bool:
    """True for harm told as done by mishap by a person who bears no arms ("accidentally shot a
    fellow hunter"): no attack; a state's or a force's mishap is still force ("Iran's government
    had unintentionally shot down a Ukrainian jet")."""
    if not any(c.dep_ == "advmod" and c.lower_ in MISHAP_ADVERBS for c in verb.children):
        return False
    return bool(roles.sources) and all(
        ref.actor_id.startswith("person:") and not any(s in (ref.sector or "") for s in ARMED_SECTORS)
        for ref, _ in roles.sources
    )


#: what burns a building down when the text names no one who set it
FIRE_WORDS = {"fire", "flames", "blaze"}


def _burned_down(verb: Any) -> bool:
    """True for property destroyed "by fire" with no one or no weapon named ("by rocket fire"
    names one)."""
    fires = [o for c in verb.children if c.dep_ == "agent" for o in pobjs(c)]
    return bool(fires) and all(
        f.lemma_.lower() in FIRE_WORDS and not any(m.dep_ in {"compound", "amod", "nmod"} for m in f.children)
        for f in fires
    )


def _granted_by_a_thing(verb: Any, actors: Parties, *, strict: bool = False) -> bool:
    """True when what allows or provides is a thing, not somebody: a law, a bill, a deal, a
    machine, a freedom ("a law allowing", "a bill providing $162 billion for the war", "a deal
    that allowed him", "the travelator allows passengers"). ``strict`` (aid): a subject the
    noun does not describe must be a word for a law, a text or a thing, since the parser often
    takes a word before the doers for the subject ("..., US Department of Defense News website,
    US soldiers ... provided medical assistance")."""
    subj, passive = subjects(verb)
    described = verb.head.pos_ == "NOUN" and (
        (verb.dep_ == "acl" and verb.tag_ in {"VBG", "VBN"})  # "a bill providing": the bill does
        or (verb.dep_ == "relcl" and all(h.tag_ in {"WDT", "WP"} for h in subj))  # "a deal that allowed"
    )
    if described:
        subj = [verb.head]
    if passive or not subj:
        return False
    named = [m for m in actors.item.mentions if m.actor_id]
    loose = described or not strict  # any word that is not somebody, else only a law or a text

    def a_thing(h: Any) -> bool:
        return h.lemma_.lower() in THING_NOUNS | NOT_A_BODY or (loose and not somebody(h))

    return all(
        h.pos_ == "NOUN" and a_thing(h) and not any(m.start <= h.idx < m.end for m in named) for h in subj
    )


def somebody(head: Any) -> bool:
    """Whether a head names somebody: a name, a word for people or bodies, an agentive noun."""
    if head.lower_ in NOT_A_BODY:
        return False  # "the Liquid Fuel Emergency Act provides": a law, an election, a treaty
    if head.ent_type_ in SOMEBODY_ENTITIES or (head.pos_ == "PROPN" and not head.ent_type_):
        return True
    lemma = head.lemma_.lower()
    agentive = lemma.endswith(AGENT_SUFFIXES) and lemma not in THING_NOUNS
    return lemma in PEOPLE_NOUNS or lemma in COLLECTIVE_NOUNS or agentive


#: threats of force ("vowed to fight"), whose fight may be a campaign's
THREAT_OF_FORCE = "138"
#: what one fights by law, vote or campaign ("fight the plan", "fight the charges")
FOUGHT_MEASURES = _WORDS.words("fought_measures")
STRIVING_VERBS = _WORDS.words("striving_verbs")


def _fights_a_measure(tok: Any) -> bool:
    """True when the fight ``tok`` tells of, or the fight it vows ("vowed to fight"), is against
    a plan, a law, a decision or charges ("vowed to fight a development plan", "will fight the
    charges"): a campaign or a case, no armed force."""
    fights = [tok, *(c for c in tok.children if c.dep_ == "xcomp")]
    for verb in (v for v in fights if v.lemma_.lower() in STRIVING_VERBS):
        against = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "against" for o in pobjs(c)]
        objects = [c for c in verb.children if c.dep_ in {"dobj", "obj"}] + against
        if objects and all(o.lemma_.lower() in FOUGHT_MEASURES for o in objects):
            return True
    return False
