"""An analyst's ledger conventions, where they differ from PETRARCH's sentence coding.

The gold of ``gold_wikinews`` (its PROTOCOL.md) and the CAMEO codebook code news as an analyst
reads it; PETRARCH codes what its patterns find.  With ``ledger`` conventions (the default of
our own patterns) the coder:

* keeps an event whose doer the text leaves unnamed but typed by the act: "three journalists
  were arrested" is an arrest by the police of the place, "gunmen attacked" or "a bomb killed"
  an attack by an unidentified armed force (CAMEO's UAF) of the place; every other event with no
  doer at all is dropped ("the wave travelled"), and so is force done by an act or an idea
  ("Iran's meddling could sabotage any hope of a deal");
* gives an unidentified group the country of the place where the event happens;
* codes "X must do Y" in a statement by S as S demanding Y of X (CAMEO 10), "X should do Y" as
  S appealing to X (02), never as the act Y itself;
* drops an act that needs a recipient when nobody is named as one: an opinion about a thing
  ("opposes compulsory labelling") or a meeting with nobody is no interaction;
* codes a killing or attack done with a bomb as a bombing (183x), as the codebook does;
* flags appeals, intents, demands and threats (roots 02, 03, 10, 13) hypothetical: what they
  announce has not happened;
* drops what an accident did ("the crash ..., which killed 102") and a ban, a suspension or a
  closure with no doer named that falls on a thing ("schools were closed"); one that falls on
  someone is the government's ("Shargh was banned");
* never makes the doer's own country, named whole, the recipient of a non-violent act ("Howard
  ruled out changes to Australia's industrial relations system"), except visits, symbolic acts
  and yielding at home, and the criticism of a state by its critics outside the state.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ...knowledge.wordlists import word_lists
from ...models import ActorRef, Place
from ..places import focus_country, holder_of
from . import syntax
from .accidents import (
    WEAPON_NOUNS,
    accident,
)
from .courts import judged_by_a_court
from .means import harmer_told_before, police_means
from .modality import Modality, obliged_code
from .nominals import died_in
from .nonacts import FORCE_ROOTS, POSTURE_ROOT, VIOLENT_ROOTS, no_act_of_anybodys, somebody
from .parties import PEOPLE_NOUNS, SOMEBODY_ID, VICTIM_NOUNS, Parties
from .placing import force_named_before, owners_country, placed_unless_scattered
from .roles import VISIT_ROOTS, Roles
from .syntax import GROUP_NOUNS, agent_heads, names_people, pobjs, relative_antecedents, subjects

_WORDS = word_lists("event_words.yaml")  # the word lists below: see the file's comments

__all__ = ["bombing_code", "ledger_flags", "ledger_roles", "obligation_pairs"]

#: prepositions by which what a force is used with names whom it is used on
UPON_PREPS = {"on", "against", "for"}
#: coercion whose unnamed doer the act types: arrests and detentions (the police), expulsions,
#: property destroyed; a ban, a suspension or a closure with no one named is no event ("schools
#: were closed", "the hijab was banned in public offices")
UNNAMED_COERCION_CODES = ("173", "174", "1712")
COERCION_ROOT = "17"
#: words of soldiers taken in a fight ("captured", "seized", "detained"), not arrested or charged
CAPTURE_WORDS = frozenset({"capture", "seize", "detain", "detention", "take"})
THING_PRONOUNS = {"it", "this", "that", "which", "what"}
#: visits made, hosted or announced, symbolic acts and yielding (08): at home too ("Bush travelled
#: to Texas", "laid a wreath at Iran's memorial", "resigned to allow Haiti's first elections")
HOME_ACT_CODES = ("042", "043", "044", "036", "017", "08")
COUNTRY_PREFIX = "country:"
#: disapproving, rejecting, threatening, protesting: what a country's own critics do to it
OPPOSING_ROOTS = {"11", "12", "13", "14"}
STATE_SECTORS = ("GOV", "MIL", "COP", "JUD", "LEG", "ELI", "SPY")
#: verbs whose passive without an agent tells a rule that holds, not an act ("are allowed to")
PERMISSION_VERBS = frozenset({"allow", "permit"})
#: intent to cooperate and aid, told in the passive with no giver: no event
GIVERLESS_ROOTS = frozenset({"03", "07"})
ANNOUNCING_ROOTS = {"02", "03", "10", "13"}
#: acts addressed to people as easily as to a state: appeal, aid, yield, demand
PEOPLE_ADDRESSED_ROOTS = {"02", "07", "08", "10"}
#: acts that need somebody they are done to or with (PROTOCOL: "target may be null only when
#: the event has no recipient"): consult, cooperate, aid, yield, disapprove, reduce relations,
#: coerce, assault, fight, mass violence
RECIPROCAL_ROOTS = {"04", "05", "06"}
#: of diplomatic cooperation (05), the acts done with each other: cooperate, restore relations,
#: sign an agreement; praise, defence, recognition, apology and forgiveness go one way ("the
#: protest has been endorsed by unions A, B and C" is no endorsement of each other)
MUTUAL_05_CODES = {"050", "054", "057"}
#: verbs whose conjoined subjects act on each other whatever the code: "Israel and Hamas agreed
#: to a ceasefire", "Hamas and Fatah fighters clashed"
MUTUAL_VERBS = frozenset({"agree", "clash"})
#: of consultation (04), the acts one side does to the other: a visit made or hosted, mediation
#: ("Blair and Straw visited the trade fair" is no visit of Blair's to Straw)
ONE_WAY_04_CODES = ("042", "043", "045")
RECIPIENT_ROOTS = {"04", "05", "06", "07", "08", "11", "16", "17", "18", "19", "20"}
#: easing restrictions, a curfew, a state of emergency or a ban (081x): done to the people of
#: the place when no recipient is named
EASING_CODES = ("081",)
Pair = tuple[ActorRef | None, ActorRef | None, str]
#: common nouns with those endings that name no one ("First order of business is to shut down
#: illegal immigration": an order does nothing)
#: words that count or gather what their "of" names: "tens of thousands of students", "a group
#: of African diplomats", "one third of ethnic Albanian guerrillas"; the doer is what is counted
QUANTITY_HEADS = _WORDS.words("quantity_heads")
#: acts declared to whoever fights the doer, named or not: a ceasefire or a truce ("ETA announced
#: a permanent ceasefire") is news with no recipient in the sentence
DECLARED_CODES = ("0871",)
#: sectors whose office holders, unnamed, act as the body: a judge, a police officer (not MIL:
#: "the Secretary-General regrets" is no general)
OFFICE_SECTORS = {"JUD", "COP"}
#: a number or a crowd that counts nobody named ("thousands marched"): the place's civilians
CROWD_WORDS = _WORDS.words("crowd_words")


def ledger_roles(roles: Roles, tok: Any, code: str, actors: Parties, place: Place | None) -> bool:
    """Complete ``roles`` as an analyst would (an unnamed doer typed by the act, unidentified
    groups placed); False when the event has no doer at all and is no event."""
    # where the sentence names no place, the country the article's news is in (if one stands
    # out) is where the unnamed act its police, gunmen or residents do happens
    country = place.country if place is not None else focus_country(actors.item)
    doers_country = holder_of(place) or country  # "the commissions at Guantanamo Bay": American
    country = country if doers_country == country else None  # and those held there nobody's
    if no_act_of_anybodys(roles, tok, code, actors):
        return False
    _forces_shown(roles, tok, code)
    _drop_own_country(roles, code)
    mutual = (
        (code[:2] in RECIPROCAL_ROOTS - {"05"} and not code.startswith(ONE_WAY_04_CODES))
        or code in MUTUAL_05_CODES
        or code == "196"
        or tok.lemma_.lower() in MUTUAL_VERBS
    )
    signed_by = code.startswith("057")  # "the deal was signed by A and B": with each other
    if len(roles.sources) > 1 and not roles.targets and mutual and (signed_by or not agent_heads(tok)):
        # "Israel and Lebanon renewed negotiations", "both sides violated the truce": each other
        roles.compound = True
    if code[:2] in FORCE_ROOTS | PEOPLE_ADDRESSED_ROOTS | {"11"}:  # 11: "a woman has been charged"
        # "urged residents to stay indoors": the people of the place, else of whoever asks
        home = country or next((ref.country for ref, _ in roles.sources if ref.country), None)
        forced = code[:2] in FORCE_ROOTS or code[:2] == "11"  # "500 injured", "sentenced a doctor"
        _people_acted_on(roles, tok, actors, home if code[:2] in PEOPLE_ADDRESSED_ROOTS else country, forced)
    if code[:2] in FORCE_ROOTS and all(h.dep_ == "pobj" for _, h in roles.targets):
        # "ambushed their convoy", "shelled the army's positions near Goma": whose, not where
        roles.targets = _owners_of_what_is_hit(roles, tok, actors) or roles.targets
    if not roles.targets and code.startswith(EASING_CODES):
        # "Yugoslavia eased emergency measures in Kosovo": the people of the place, else of the
        # country that eases, are the ones eased
        home = country or next((ref.country for ref, _ in roles.sources if ref.country), None)
        if home:
            roles.targets = [(actors.unnamed(home, "CVL"), tok)]
    declared = code.startswith(DECLARED_CODES) and bool(roles.sources)
    if not roles.targets and not roles.compound and code[:2] in RECIPIENT_ROOTS and not declared:
        return False  # an opinion with no interaction ("opposes labelling"), a meeting with nobody
    if not roles.sources and _no_act_by_nobody(roles, tok, code):
        return False
    if not roles.sources:
        doers_country = _expelling_country(tok, code, actors) or doers_country
        doer = _unnamed_doer(roles, tok, code, actors, doers_country)
        if doer is None:
            return _somebody_did_it(roles, tok, code, actors, doers_country)
        # "Italian police have launched a swoop ... about 175 being detained": the police named
        # just before, where the sentence names no place
        recalled = force_named_before(tok, replace(doer, country=None), actors) if place is None else None
        roles.sources = [(actors.unnamed(recalled, doer.sector or "") if recalled else doer, tok)]
    # where the sentence places it nowhere, rebels who shoot a state's official are its own
    doers_country = (_state_risen_against(roles) if place is None else None) or doers_country
    roles.sources = placed_unless_scattered(roles.sources, actors, doers_country, doers=True)
    if country:
        roles.targets = placed_unless_scattered(roles.targets, actors, country)
    return True


#: expel or deport (174): whoever deports someone "from" a country acts for that country
EXPELLING_CODE = "174"


def _expelling_country(tok: Any, code: str, actors: Parties) -> str | None:
    """The country someone was deported or expelled from, whose authorities did it ("a Yemeni
    man linked to the attacks in the United States has been deported from New Zealand")."""
    if not code.startswith(EXPELLING_CODE):
        return None
    froms = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "from" for o in pobjs(c)]
    refs = [ref for ref, _ in actors.refs(froms) if ref.actor_id.startswith("country:")]
    return refs[0].country if refs else None


#: who rises against a state: unnamed rebels who attack its officials are its own rebels
RISING_SECTORS = ("REB", "INS")


def _state_risen_against(roles: Roles) -> str | None:
    """The country whose government unnamed rebels act on ("The President, who was shot by
    rebels on February 11": the president's country, not the article's focus); None unless
    every doer is such rebels and the officials acted on, none an envoy, are of one country."""
    rebels = bool(roles.sources) and all(
        ref.country is None and (ref.sector or "").endswith(RISING_SECTORS) for ref, _ in roles.sources
    )
    states = {
        ref.country
        for ref, head in roles.targets
        if ref.country and (ref.sector or "").startswith("GOV") and not _envoy(head)
    }
    return states.pop() if rebels and len(states) == 1 else None


#: officials who serve abroad: rebels who seize them are the host country's ("rebels kidnapped
#: Egyptian diplomat Mohamed Qutb" in Iraq)
ENVOY_WORDS = {"diplomat", "ambassador", "envoy", "consul", "attache", "attaché", "embassy", "emissary"}


def _envoy(head: Any) -> bool:
    return any(t.lemma_.lower() in ENVOY_WORDS for t in head.subtree) or head.lemma_.lower() in ENVOY_WORDS


def _somebody_did_it(roles: Roles, tok: Any, code: str, actors: Parties, country: str | None) -> bool:
    """Give an unresolved but named doer ("an aid agency appealed", "activists staged
    rallies") its type: an agent word's group, an unidentified armed force for violence, the
    police for an arrest, else an unidentified actor (an event never goes without its doer);
    False when nobody is named on either side or the act is no event without its doer."""
    doer_of = tok.head if tok.pos_ in {"NOUN", "PROPN"} else tok
    if not _named_subject(doer_of):
        return False
    typed = _typed_subjects(doer_of, actors, country) or _typed_by_the_act(tok, code, actors, country)
    if not typed and not roles.targets:
        return False  # nobody named on either side: no interaction to record
    if not typed and code[:3] in VISIT_ROOTS:
        return False  # "one of the A380s is flying to Chicago": no one named visits
    if not typed and code[:2] == COERCION_ROOT:
        typed = _office_holders(doer_of, actors, country)  # "the Queen suspended parliament"
        if not typed:
            return False  # "tour operators suspended holiday packages to Kenya": no sanction
    roles.sources = typed or [(actors.somebody(), tok)]
    return True


def _office_holders(tok: Any, actors: Parties, country: str | None) -> list[tuple[ActorRef, Any]]:
    """The body an unnamed office holder acts for ("the Queen", "the minister": the government
    of the place), for the subjects of ``tok``."""
    kb = actors.kb
    out: list[tuple[ActorRef, Any]] = []
    for h in subjects(tok)[0]:
        agent = kb.agent(h.text) if kb is not None else None
        if agent is not None and agent.person and agent.code:
            out.append((actors.unnamed(country, agent.code[:3]), h))
    return out


def _forces_shown(roles: Roles, tok: Any, code: str) -> None:
    """ "the Ugandan troops were deployed to Mogadishu": forces deployed with no one named who
    deployed them are the force shown (15), the doer, not its target."""
    if code[:2] == POSTURE_ROOT and not roles.sources and subjects(tok)[1] and not agent_heads(tok):
        roles.sources, roles.targets = roles.targets, []


def _drop_own_country(roles: Roles, code: str) -> None:
    """ "Howard ruled out changes to Australia's industrial relations system", "Koizumi pledged
    co-operation with Japan's neighbours": the doers' own country, named whole, is what their
    act is about, not whom it is done to (coercion, force, visits, symbolic acts and yielding
    office at home stay: "declared a state of emergency in California", "a bomb killed five in
    Turkey", "Bush travelled to Texas", "resigned to allow Haiti's elections")."""
    homecoming = code.startswith("042") and all(_outside_the_state(ref) for ref, _ in roles.sources)
    if code[:2] in FORCE_ROOTS or (code.startswith(HOME_ACT_CODES) and not homecoming):
        return  # (journalists who "arrived in Bucharest" came home: no visit)
    if code[:2] in OPPOSING_ROOTS and any(_outside_the_state(ref) for ref, _ in roles.sources):
        return  # "Bishara lambasted every aspect of Israel's position": the state's critics
    homes = {ref.country for ref, _ in roles.sources if ref.country and not _whole_country(ref)}
    if homes:
        roles.targets = [(r, h) for r, h in roles.targets if not (_whole_country(r) and r.country in homes)]


def _outside_the_state(ref: ActorRef) -> bool:
    """A party, the opposition, a union, the press, civilians: not the state or its officers
    (an actor of no known sector may hold office: "Mr Howard ruled out changes")."""
    return ref.sector is not None and not ref.sector.startswith(STATE_SECTORS)


def _whole_country(ref: ActorRef) -> bool:
    return ref.actor_id.startswith(COUNTRY_PREFIX)


def _no_act_by_nobody(roles: Roles, tok: Any, code: str) -> bool:
    """What nobody named does is no act when it is pressure ("was forced to resign") or a rule
    that holds ("workers are allowed to unionize"), or aid a person receives from no one."""
    if roles.unnamed_doer and code == "170":
        return True
    if not subjects(tok)[1] or agent_heads(tok):
        return False
    # "was given a general discharge", "was sent back to the ICU", "will be given a state
    # funeral": aid or a promise to a person, a body or a thing with no giver is its lot, not an
    # interaction; aid given to a country or a people stays ("refugees were given food aid")
    personal = not any(ref.actor_id.startswith(("country:", "group:")) for ref, _ in roles.targets)
    if code[:2] == RELATIONS_ROOT and _in_the_present(tok):
        return True  # "the United States government is hated and isolated": a state, no act
    return tok.lemma_.lower() in PERMISSION_VERBS or (code[:2] in GIVERLESS_ROOTS and personal)


#: reduce relations (16): "is isolated", "are cut off" with no doer tell a state
RELATIONS_ROOT = "16"


def _in_the_present(verb: Any) -> bool:
    """True for a passive in the simple present ("is isolated", "are hated and isolated")."""
    head = verb.head if verb.dep_ == "conj" else verb
    aux = [c for c in head.children if c.dep_ in {"auxpass", "aux"}]
    return bool(aux) and all(a.tag_ in {"VBZ", "VBP"} for a in aux)


def _unnamed_doer(roles: Roles, tok: Any, code: str, actors: Parties, country: str | None) -> ActorRef | None:
    """The doer the text implies but does not name: police for an arrest, an unidentified
    armed force for violence, a court for a conviction or a sentence; None for any other act."""
    root = code[:2]
    if roles.unnamed_doer and judged_by_a_court(tok, code):
        return actors.unnamed(country, "JUD")  # "X was convicted", "was jailed for ten years": a court
    if root not in VIOLENT_ROOTS and not code.startswith(UNNAMED_COERCION_CODES):
        # a ban or a suspension of someone named ("Shargh was banned", "Adam Air is banned",
        # "foreign journalists are banned") is the government's; "schools were closed" is none
        sanctioned = root == COERCION_ROOT and roles.unnamed_doer and _someone_undergoes(tok)
        return actors.unnamed(country, "GOV") if sanctioned else None
    subj, _ = subjects(tok)
    if not subj and tok.dep_ == "advcl" and tok.tag_ == "VBG":
        subj, _ = subjects(tok.head)  # "a bomb exploded in the market, killing 12"
    # "a bomb killed 12", "the suicide bomb which killed 16", a passive's agent: "were injured
    # by an explosion"
    things = agent_heads(tok) or relative_antecedents(tok, subj)
    by_a_thing = bool(things) and all(h.lemma_.lower() in WEAPON_NOUNS and not accident(h) for h in things)
    claimers = actors.refs(_claimers(things)) if by_a_thing else []
    if claimers:  # "the Taliban claimed responsibility for the bomb which killed 16": theirs
        return claimers[0][0]
    if not (roles.unnamed_doer or by_a_thing):
        return None
    soldiers = roles.targets and all(r.sector == "MIL" for r, _ in roles.targets)
    if code.startswith("173") and soldiers and tok.lemma_.lower() in CAPTURE_WORDS:
        return actors.unnamed(country, "UAF")  # "Gilad Shalit, captured on June 25": in a fight
    if police_means(tok):  # "tear gas was used against the demonstrators, nine of whom were injured"
        return actors.unnamed(country, "COP")
    return harmer_told_before(tok, code, actors, roles.targets) or _force_doer(code, actors, country)


#: verbs by which one takes responsibility for a happening as one's own
CLAIMING_VERBS = {"claim", "accept", "admit", "acknowledge"}


def _claimers(things: list[Any]) -> list[Any]:
    """Who claimed responsibility for the weapon or attack ``things`` name ("The Taliban have
    claimed responsibility for the suicide bomb which killed 16"); [] when no one did."""
    out: list[Any] = []
    for h in things:
        held = h.head  # "for" on "responsibility" on "claimed"
        taken = held.head
        claimed = (
            held.lower_ == "for"
            and held.dep_ == "prep"
            and taken.lemma_.lower() == "responsibility"
            and taken.dep_ in {"dobj", "obj"}
            and taken.head.lemma_.lower() in CLAIMING_VERBS
        )
        if claimed:
            out.extend(subjects(taken.head)[0])
    return out


def _someone_undergoes(tok: Any) -> bool:
    """True when the passive ``tok``'s subject names an actor or people ("they are banned"),
    not a thing ("it was closed"; "beef, which was banned": the antecedent)."""
    subj = relative_antecedents(tok, subjects(tok)[0])
    people = GROUP_NOUNS | PEOPLE_NOUNS
    return any(
        h.pos_ == "PROPN"
        or (h.pos_ == "PRON" and h.lower_ not in THING_PRONOUNS)
        or h.lemma_.lower() in people
        or names_people(h)
        for h in subj
    )


def _force_doer(code: str, actors: Parties, country: str | None) -> ActorRef:
    """The unnamed doer of force: an unidentified armed force (CAMEO's UAF) for violence, the
    police for an arrest or a detention, the government for other coercion."""
    if code[:2] != "17" or code.startswith("1712"):
        return actors.unnamed(country, "UAF")  # force, and property destroyed ("cars were torched")
    return actors.unnamed(country, "COP" if code.startswith(("173", "174")) else "GOV")


def _typed_by_the_act(
    tok: Any, code: str, actors: Parties, country: str | None
) -> list[tuple[ActorRef, Any]]:
    """The doer typed by the act when the words for it type nobody: force, an arrest or
    property destroyed has an unnamed doer of its kind; any other act none."""
    typed = code[:2] in VIOLENT_ROOTS or code.startswith(UNNAMED_COERCION_CODES)
    return [(_force_doer(code, actors, country), tok)] if typed else []


def _people_acted_on(roles: Roles, tok: Any, actors: Parties, country: str | None, forced: bool) -> None:
    """Unnamed people a force is used on ("killed 23 people", "three men were arrested",
    "deported the men to Mexico") are its target, as civilians, rather than a place or a thing
    named in a prepositional phrase ("arrested in relation to the riot in Sydney", "deported
    to Mexico": where, not whom); "men from Chad" are Chad's civilians."""
    victims = _unnamed_victims(tok, actors, country, forced)
    if not victims or not all(_in_a_phrase(h) or _of_another_verb(h, tok) for _, h in roles.targets):
        return
    victim = victims[0][1]
    weak = not (_victim_word(counted(victim)) or victim.pos_ == "NUM")
    if weak and any(
        not ref.actor_id.startswith("country:") and not _of_another_verb(h, tok) for ref, h in roles.targets
    ):
        return  # "blamed oil producers from OPEC": a word for people yields to a body named
    # "men from Chad": the country of the victims' phrase; "200 Lebanese civilians have been
    # reported to be killed": the victims themselves, whom the parse hangs on another verb
    theirs = [ref.country for ref, h in roles.targets if victim.i in (h.i, h.head.head.i) and ref.country]
    roles.targets = [(actors.unnamed(theirs[0], "CVL"), victim)] if theirs else victims


def _unnamed_people(noun: Any, actors: Parties) -> bool:
    """A common noun for people that names no actor but a country ("a doctor based in Virginia")."""
    if noun.pos_ != "NOUN" or not names_people(noun):
        return False
    return all(ref.actor_id.startswith("country:") for ref, _ in actors.refs([noun]))


def _of_another_verb(head: Any, verb: Any) -> bool:
    """True when ``head`` is an argument of a clause below ``verb`` ("arrested six men on charges
    of conspiracy to kill US servicemembers": the servicemembers are the plot's, not arrested)."""
    cur = head
    while cur.head.i != cur.i and cur.head.i != verb.i:
        cur = cur.head
        if cur.pos_ in {"VERB", "AUX"}:
            return True
    return False


def _in_a_phrase(head: Any) -> bool:
    """True for a prepositional object or its possessor ("at Sydney's Cronulla Beach")."""
    return bool(head.dep_ == "pobj" or (head.dep_ == "poss" and head.head.dep_ == "pobj"))


def _owners_of_what_is_hit(roles: Roles, tok: Any, actors: Parties) -> list[tuple[ActorRef, Any]]:
    """Force used on a thing is used on whoever it belongs to ("ambushed their convoy", "launched an
    attack against the army base": the object, a passive's subject, or what it is done "on")."""
    subj, passive = subjects(tok)
    things = subj if passive else [c for c in tok.children if c.dep_ in {"dobj", "obj"}]
    things += syntax.prep_objects([tok, *things], UPON_PREPS)
    doers = {ref.actor_id for ref, _ in roles.sources}
    return [owner for thing in things for owner in actors.owners(thing, doers)]


def _victim_word(noun: Any) -> bool:
    """A word for people a force falls on ("people", "villagers"; "Kurds", which the parser
    leaves a proper noun that it does not lemmatise)."""
    lemma = noun.lemma_.lower()
    if lemma == "other":  # "five others were injured"; not "attacking each other", "accused the other"
        return any(c.dep_ == "nummod" or c.lower_ in {"several", "many"} for c in noun.children)
    return lemma in VICTIM_NOUNS or (
        noun.tag_ == "NNPS" and lemma.endswith("s") and lemma[:-1] in VICTIM_NOUNS
    )


def _unnamed_victims(
    tok: Any, actors: Parties, country: str | None, forced: bool
) -> list[tuple[ActorRef, Any]]:
    """Victims the text counts but does not name ("killed 23 people", "civilians were wounded"):
    the unidentified civilians of the place; those who "died in" an assault named no one."""
    dead = died_in(tok)
    if dead and not actors.refs(dead):  # "dozens died in the attack": the place's people
        return [(actors.unnamed(country, "CVL"), dead[0])]
    subj, passive = subjects(tok)
    heads = subj if passive else syntax.direct_objects(tok)
    # "issued arrest warrants on 36 people", "imposed sanctions against five men"
    if heads and not passive:
        used_with = [tok, *heads]
        heads += [
            o
            for h in used_with
            for c in h.children
            if c.dep_ == "prep" and c.lower_ in UPON_PREPS
            for o in pobjs(c)
        ]
    if not heads and tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.head.lower_ != "among":
        heads = [tok.head]  # "11 people wounded at his headquarters"
        if tok.head.pos_ == "NUM":  # "and at least 28 injured": the number counts people
            return [(actors.unnamed(country, "CVL"), tok.head)]
    # "sentenced a doctor": people a force or a judgement falls on; "500 injured, 250 arrested",
    # "killed 40 militants and arrested 30": a bare number counts people
    counted_people = [h for h in (subj if passive else heads) if forced and h.pos_ == "NUM"]
    counted_people += [h for h in heads if forced and _unnamed_people(counted(h), actors)]
    victim = next((h for h in heads if _victim_word(counted(h)) or h in counted_people), None)
    if victim is not None:  # "killed 23 people", "convicted three of four defendants", "500 injured"
        return [(actors.unnamed(country, "CVL"), victim)]
    return []


def _named_subject(tok: Any) -> bool:
    """True when the act has a doer the actor knowledge does not know, or is done to somebody
    by an unnamed doer: a name ("Yugoslavia lifted a curfew"), a noun for people or bodies
    ("thousands of Iraqi Kurds", "an aid agency", "hosted by the ambassador", "guerrillas have
    been demobilized"), not a thing or an abstraction ("meddling could sabotage any hope")."""
    subj, passive = subjects(tok)
    if passive:
        own = [o for c in tok.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        return any(somebody(h) or somebody(counted(h)) for h in own or agent_heads(tok) or subj)
    if not subj and tok.dep_ in {"acl", "advcl"} and tok.tag_ == "VBG":
        # "issued a declaration demanding ...", "..., killing 12": the governing clause's doer
        head = tok.head.head if tok.dep_ == "acl" and tok.head.dep_ in {"dobj", "obj"} else tok.head
        subj, _ = subjects(head)
    return any(somebody(h) or somebody(counted(h)) for h in subj)


def _typed_subjects(tok: Any, actors: Parties, country: str | None) -> list[tuple[ActorRef, Any]]:
    """The subject as an unidentified group typed by its agent word ("activists": opposition,
    "students": education) in the country of the place, or none when the word is no agent.  A
    passive's subject underwent the act ("the militia has been accused"): only its agent, named
    by "by", is typed as the doer."""
    subj, passive = subjects(tok)
    if passive:
        subj = agent_heads(tok)
    kb = actors.kb
    out: list[tuple[ActorRef, Any]] = []
    for h in subj:
        named = [r for r in actors.refs([counted(h)]) if r[0].sector] if counted(h) is not h else []
        if named:  # "hundreds of Iraqi soldiers": the group the quantity counts (not a country)
            out.extend((ref, h) for ref, _ in named)
            continue
        agent = _agent_word(counted(h), kb) if kb is not None else None
        # "the judge sentenced": one holder of an office acts for its body
        if agent is not None and agent.code and (not agent.person or agent.code[:3] in OFFICE_SECTORS):
            out.append((actors.unnamed(owners_country(h, actors) or country, agent.code), h))
        elif counted(h).lemma_.lower() in CROWD_WORDS or counted(h).lower_ in CROWD_WORDS:
            out.append((actors.unnamed(country, "CVL"), h))  # "thousands marched": people
    return out


def _agent_word(head: Any, kb: Any) -> Any:
    """The dictionaries' agent of a noun with its compounds or adjectives first ("suicide
    bomber": a rebel, "armed men"), then of the noun alone ("bomber": an aircraft, the military)."""
    words = [c.text for c in head.children if c.dep_ in {"compound", "amod"} and c.i < head.i]
    return (kb.agent(" ".join([*words, head.text])) if words else None) or kb.agent(head.text)


def counted(head: Any) -> Any:
    """What a quantity or a gathering word counts ("thousands of Nigerians": Nigerians), else
    the word itself."""
    seen = 0
    while head.lemma_.lower() in QUANTITY_HEADS or head.lower_ in QUANTITY_HEADS or head.like_num:
        objects = [o for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children]
        nouns = [o for o in objects if o.dep_ == "pobj"]
        seen += 1
        if not nouns or seen > 4:
            break
        head = nouns[0]
    return head


def obligation_pairs(pairs: list[Pair], mod: Modality, speaker: ActorRef | None) -> list[Pair]:
    """ "X must release Y", said S: S demands of X (10), or appeals to X with "should" (02)."""
    if mod.obligation is None or speaker is None:
        return pairs
    out: list[Pair] = []
    for source, target, code in pairs:
        # nobody named ("Venezuela does not need to be accused"): no one to demand it of
        if source is None or source.actor_id in {speaker.actor_id, SOMEBODY_ID}:
            out.append((source, target, code))
            continue
        demanded = (speaker, source, obliged_code(code, mod.obligation, mod.negated))
        if demanded not in out:
            out.append(demanded)
    return out


def ledger_flags(code: str, mod: Modality) -> dict[str, bool]:
    """Flags an analyst sets by the code: an appeal or a demand happened and asks for what has
    not (hypothetical, not negated); intents and threats announce what has not happened."""
    root = code[:2]
    if root in {"02", "10"} and mod.obligation is not None:
        return {"negated": False, "hypothetical": True}
    if root in ANNOUNCING_ROOTS:
        return {"hypothetical": True}
    return {}


BOMB_WORDS = {"bomb", "bombing", "bomber", "explosion", "blast", "explosive", "ied"}


def bombing_code(code: str, tok: Any) -> str:
    """A killing or an attack done with a bomb is CAMEO's bombing (183), not conventional
    military force (19): "killed in a car bomb explosion" (1832), "a roadside bombing killed"
    (1833), "suicide bombers killed" (1831)."""
    if code[:2] != "19" or code.startswith(("192", "193", "194", "195")):
        return code
    subj, _ = subjects(tok)
    words = {t.lemma_.lower() for t in tok.subtree} | {t.lemma_.lower() for h in subj for t in h.subtree}
    if not words & BOMB_WORDS:
        return code
    if "suicide" in words:
        return "1831"
    if words & {"car", "vehicle", "truck"}:
        return "1832"
    if "roadside" in words:
        return "1833"
    return "183"
