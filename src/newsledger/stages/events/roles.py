"""Source and target of one trigger: pattern slots first, then the parse (subjects, passive
agents, objects and prepositional objects), then the roles of a nominal event."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ...knowledge.wordlists import word_lists
from ...models import ActorRef
from .anaphora import PARTNER_PREPS, family, referred_author, referred_doer
from .matcher import Match
from .means import WOUNDING, Refs, doers_of_the_means, own_doers, typed_modifiers
from .modality import ALLEGING_NOUNS, charged_offences, charged_offenders
from .nominals import (
    culprits,
    has_of,
    haver_of_the_thing_done,
    is_assault,
    is_light_verb,
    nominal_roles,
    possessed_undergoers,
    suffered_assault,
    undergone_noun,
)
from .nonparties import PERSON_ACT_CODES, names_a_time, nonparty_tokens, sent_things, unknown_place
from .parties import Parties
from .syntax import (
    agent_heads,
    conjuncts,
    names_people,
    np_span,
    of_objects,
    owned_by,
    pobjs,
    says_where,
    subjects,
    target_heads,
)

__all__ = ["CONTACT_VERBS", "VISIT_ROOTS", "Refs", "Roles", "find_roles"]

VISIT_ROOTS = {"042", "043", "044"}
#: verbs whose object is what is talked about ("discussed the truce"); the partner comes with "with"
TOPIC_VERBS = {"discuss", "debate", "negotiate", "talk", "address", "review", "examine", "raise"}
TOPIC_DEPS = {"dobj", "obj", "xcomp", "ccomp"}
PERSON_NOUNS = word_lists("event_words.yaml").words("person_nouns")  # "men", "a woman"
#: "was invited to meet with X / to visit X": X is the host who invites
HOSTING_INVITES = {"invite", "reinvite"}
MEETING_VERBS = {"meet", "visit", "talk", "attend"}
PLURAL_PRONOUNS = {"they", "we"}
#: verbs of getting in touch: what their subject then does in order to is done to whom it
#: contacted ("phoned Shriver to apologize"; "called X to resign" is an appeal to X)
CONTACT_VERBS = {"phone", "telephone", "ring", "meet", "visit", "contact", "write", "email", "summon"}
#: how a clause hangs on the one whose subject its pronoun may take up
SUBORDINATE_DEPS = {"advcl", "conj", "xcomp", "ccomp"}


@dataclass
class Roles:
    sources: Refs
    targets: Refs
    compound: bool = False  # the sources act on each other ("talks between A and B")
    unnamed_doer: bool = False  # a passive with no agent: "was attacked", "were arrested"


def find_roles(
    tok: Any, match: Match, nominal: bool, span: tuple[int, int], actors: Parties, *, orphans: bool = False
) -> Roles | None:
    """Who does what to whom around ``tok``; None when a nominal event has no actor of its own,
    unless ``orphans`` and a light verb carries it ("activists staged rallies": the caller
    judges the light verb's subject)."""
    slots = match.slots
    compound = "comp" in slots and slots["comp"][1] <= span[0]
    unnamed_doer = False
    mutual = (match.code or "")[:2] in MUTUAL_ROOTS
    between = _parties_between(tok) if mutual and not nominal and "src" not in slots else []
    if len(between) > 1:  # "an agreement was reached between Italy and Libya": with each other
        parties = actors.refs(between)
        together = len(parties) > 1
        return Roles(parties, [], together) if parties and (together or not match.dyad_only) else None
    # a passive's subject that is the thing done, whose own words name its doer (matcher)
    owned = "thing" in slots and _owned_thing(tok, slots["thing"], actors)
    if "src" in slots:
        sources = actors.refs([_slot_head(actors, slots["src"])])
    elif nominal:
        src_heads, _, compound = nominal_roles(tok, context_doer=not _forceful(match.code))
        undergoers = possessed_undergoers(tok)  # "Bhutto's assassination": done to Bhutto
        src_heads = [h for h in src_heads if h not in undergoers]
        src_heads = src_heads or charged_offenders(tok, match.code or "")
        sources = actors.refs([h for head in src_heads or culprits(tok) for h in conjuncts(head)])
        sources = sources or typed_modifiers(tok, actors)  # "a police raid", "student protests"
        carried = orphans and tok.dep_ in {"dobj", "obj"} and is_light_verb(tok.head)
        undergone = orphans and _undergone(tok, undergoers)
        if (not sources and not carried and not undergone) or (compound and len(sources) < 2):
            return None
        unnamed_doer = undergone and not sources  # "his arrest": by the police, as "was arrested"
    elif owned:
        sources = actors.refs(own_doers(_slot_head(actors, slots["thing"])))
    else:
        sources, unnamed_doer = _verb_sources(tok, "tgt" in slots, actors)
    if "tgt" in slots:
        targets = actors.refs([_slot_head(actors, slots["tgt"])])
    elif "comp" in slots and not compound:
        targets = actors.refs(conjuncts(_slot_head(actors, slots["comp"])))
    elif nominal:
        targets = actors.refs(undergoers) or _nominal_targets(tok, sources, actors)
        sources, unnamed_doer = _unless_hit_its_own(tok, sources, targets, unnamed_doer)
    else:  # the thing a passive was done with is no target ("Hezbollah rockets were fired")
        targets = actors.refs(_blamed_ones(tok)) or _verb_targets(
            tok, "src" in slots or owned, sources, actors, match.code or ""
        )
    if match.code is not None and match.code[:3] in VISIT_ROOTS and not nominal:
        targets = [(actors.visited(ref, head), head) for ref, head in targets]
    elif match.code is not None and family(match.code) == "consult":
        targets = [(ref, head) for ref, head in targets if not says_where(head)]  # "met at the museum"
    if compound and targets and not nominal and _named_partner(tok, match.code or ""):
        compound = False  # "Iran and Syria met Putin": each met Putin, not each other
    if len(sources) > 1 and not targets and match.pair is not None:
        compound = True  # "Gondor and Osgiliath have renewed diplomatic ties" [064:064]
    if match.reverse:  # "[:110]": "A offended B" is B disapproving of A
        sources, targets = targets, sources
    if match.dyad_only and not (sources and targets):
        return None
    return Roles(sources, targets, compound, unnamed_doer)


def _unless_hit_its_own(noun: Any, sources: Refs, targets: Refs, unnamed: bool) -> tuple[Refs, bool]:
    """The doers of the assault ``noun`` and whether the doer is unnamed: none, unnamed, when
    they come from the clause it is the setting of and are of the country it is aimed at ("the
    State Department is withdrawing staff after Thursday's attack on the U.S. embassy")."""
    if not sources or not is_assault(noun) or _ordered(noun):
        return sources, unnamed  # "Majid ordered chemical attacks against Iraqi Kurds": his
    span = range(noun.left_edge.i, noun.right_edge.i + 1)
    hit = {ref.country for ref, _ in targets if ref.country}
    if all(h.i not in span and ref.country in hit for ref, h in sources):
        return [], True
    return sources, unnamed


#: verbs whose subject has the act their object names done ("ordered chemical attacks")
ORDERING_VERBS = frozenset({"order", "authorize", "authorise", "direct", "command", "sanction"})


def _ordered(noun: Any) -> bool:
    """True for an act its clause's subject orders or carries out ("ordered attacks",
    "launched an assault"): not the setting of the clause, whatever country it hits."""
    verb = noun.head
    return noun.dep_ in {"dobj", "obj"} and (is_light_verb(verb) or verb.lemma_.lower() in ORDERING_VERBS)


#: how a verb names the partner of a mutual act in its own words: "met Putin", "met with Putin"
PARTNER_DEPS = {"dobj", "obj", "dative"}


def _named_partner(tok: Any, code: str) -> bool:
    """True when the mutual verb ``tok`` names a partner: the object of its "with" or, for a
    meeting, its object ("Iran and Syria met (with) Putin", "held talks with Putin", "met with
    the parties of the assembly"): the conjoined subjects then act on that partner, one record
    each, not on each other (a pattern's ``%`` compound reads only "Iran and Syria met").  What
    one signs or agrees is a document, not a partner ("signed the AfCFTA agreement"), and a
    place or a time is none ("met with observers at the statue" keeps its partner)."""
    objects = [c for c in tok.children if c.dep_ in PARTNER_DEPS]
    partners = [c for c in objects if family(code) == "consult"]
    # the partner of the act a light verb's object names: "held talks with", "signed a deal with"
    partners += [
        o
        for w in (tok, *objects)
        for c in w.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for o in pobjs(c)
    ]
    return any(p.pos_ in {"NOUN", "PROPN", "PRON"} and not names_a_time(p) for p in partners)


def _slot_head(actors: Parties, slot: tuple[int, int]) -> Any:
    return actors.doc[slot[0] : slot[1]].root


def _clause_subjects(tok: Any, actors: Parties) -> tuple[list[Any], bool]:
    """The subjects of verb ``tok`` and whether it is passive; a past participle that modifies
    a party is a passive whose subject is that party ("an Israeli soldier kidnapped by
    Palestinian militants", "11 people wounded at his headquarters"; not a thing: "information
    provided by police", "an order given by the Treasury")."""
    subj, passive = subjects(tok)
    haver = haver_of_the_thing_done(tok, subj)
    if haver:
        return haver, True  # "Thaksin had his assets seized by the committee": done to Thaksin
    noun = tok.head
    # (an "acl" verb on a word for people is a participle even where the tagger read it as a
    # past: "a journalist shot dead")
    misread = tok.tag_ == "VBD" and names_people(tok.head)
    if subj or tok.dep_ != "acl" or not (tok.tag_ == "VBN" or misread):
        return subj, passive
    among = noun.head
    if noun.dep_ == "pobj" and among.lower_ == "among" and among.head.lemma_ == "be":
        return subjects(among.head)[0], True  # "Abu Rajab was among 11 people wounded": Abu Rajab
    if noun.pos_ == "NUM" or (noun.pos_ in {"NOUN", "PROPN"} and _names_a_party(noun, actors)):
        return [noun], True
    return subj, passive


def _verb_sources(tok: Any, target_slot: bool, actors: Parties) -> tuple[Refs, bool]:
    """The subject's actors (a passive's agent), and whether the doer goes unnamed."""
    subj, passive = _clause_subjects(tok, actors)
    agents = agent_heads(tok)
    if passive and agents:
        return actors.refs(agents), False
    if passive and tok.lemma_.lower() in HOSTING_INVITES:
        hosts = actors.refs(_invited_to_meet(tok))
        if hosts:  # "Hamas has been invited to meet with South Africa's representatives"
            return hosts, False
    if passive and not target_slot:
        means = doers_of_the_means(tok, actors, _undergoer_ids(tok, actors))
        if means:  # "five civilians were killed in a NATO airstrike": NATO
            return means, False
        authority = _announcing_authority(tok, actors)
        return (authority, False) if authority else ([], True)
    sources = actors.refs([h for head in subj for h in conjuncts(head)])
    if not sources:
        sources = _doers_of_the_happening(subj, actors)  # "the attack by Hamas killed three"
    if not sources:
        sources = actors.refs(blamed_on(subj))  # "the blast, blamed on Sunni militants, killed"
    several = _plural_antecedent(subj, actors)
    if len(several) > len(sources):
        return several, False  # "Both countries sought ..., while they try to negotiate"
    # an unresolved pronoun subject is the embedding clause's subject ("Ethiopia indicated it would act")
    cur, hops = tok, 0
    while not sources and subj and all(h.pos_ == "PRON" for h in subj) and hops < 4:
        while cur.dep_ in {"xcomp", "acomp", "conj"} and cur.head is not cur:
            cur = cur.head
        if cur.dep_ not in {"ccomp", "xcomp"} or cur.head is cur:
            break
        cur, hops = cur.head, hops + 1
        subj, _ = subjects(cur)
        # "'We warn Syria', Reuters quotes Jumblatt as adding": the outlet that quotes is never
        # the one who acts
        sources = [
            s
            for s in actors.refs([h for head in subj for h in conjuncts(head)])
            if not actors.is_outlet(s[0])
        ]
    return sources, False


#: verbs by which an authority makes known what it has done or will do ("Iran announced that
#: the sailors would be released"): the one who announces is the one who does it
ANNOUNCING_VERBS = {"announce", "decide", "declare", "order", "decree", "rule"}
#: sectors that can do by announcing: a state's government, its courts, its army or police
AUTHORITY_SECTORS = {"GOV", "JUD", "MIL", "COP", "LEG"}


def _announcing_authority(tok: Any, actors: Parties) -> Refs:
    """The state body or office holder that announces the agentless passive act of ``tok`` in
    its clause ("Ahmadinejad has announced that the fifteen British personnel would be
    released", "the court ruled that the law be suspended"), else none: who says an act was
    done ("police said three men were arrested") reports it, an announcement is the act."""
    head = tok.head
    if tok.dep_ != "ccomp" or head.lemma_.lower() not in ANNOUNCING_VERBS:
        return []
    subj, passive = subjects(head)
    if passive:
        return []
    refs = actors.refs([h for s in subj for h in conjuncts(s)])
    # a state that announces its own people were killed did not kill them ("Seven Canadians ...")
    own = {r.country for r, _ in actors.refs(subjects(tok)[0])} if tok.lemma_.lower() in WOUNDING else set()
    return [
        (ref, h)
        for ref, h in refs
        if ref.country
        and ref.country not in own
        and (ref.actor_id.startswith("country:") or (ref.sector or "")[:3] in AUTHORITY_SECTORS)
    ]


def _doers_of_the_happening(subj: list[Any], actors: Parties) -> Refs:
    """Who did the happening a subject names ("the attack, carried out by Hamas militants,
    killed three", "Russia's invasion destroyed ..."): its doer does what the verb says."""
    if len(subj) != 1 or subj[0].pos_ != "NOUN" or subj[0].lower_ not in actors.event_nouns:
        return []
    heads, _, compound = nominal_roles(subj[0], context_doer=False)
    if compound:
        return []  # "a rebel attack killed four soldiers": the rebels
    return actors.refs([h for head in heads for h in conjuncts(head)]) or typed_modifiers(subj[0], actors)


#: participles that lay a happening at someone's door: "the blast, blamed on Sunni militants"
BLAMING_PARTICIPLES = {"blame": "on", "attribute": "to"}


def _blamed_ones(verb: Any) -> list[Any]:
    """Whom a happening is blamed on ("blamed the attack on al-Qaeda operatives"): the accused,
    not the one the happening's own words name."""
    if verb.lemma_.lower() not in BLAMING_PARTICIPLES:
        return []
    # the parser may hang "on al-Qaeda" on the object ("the attack on"): blamed on all the same
    held = [verb, *(c for c in verb.children if c.dep_ in {"dobj", "obj"})]
    return [h for o in _laid_on(verb, held) for h in conjuncts(o)]


def blamed_on(subj: list[Any]) -> list[Any]:
    """Whom the subject's happening is blamed on ("The bomb blast, blamed on Sunni militants,
    killed 100"): the alleged doer of what it does; [] when no such participle describes it."""
    if len(subj) != 1 or subj[0].pos_ != "NOUN":
        return []
    blaming = [c for c in subj[0].children if c.dep_ == "acl" and c.tag_ == "VBN"]
    return [o for c in blaming if c.lemma_.lower() in BLAMING_PARTICIPLES for o in _laid_on(c, [c])]


def _laid_on(blaming: Any, words: list[Any]) -> list[Any]:
    """The objects of the preposition a verb of blaming lays a happening with ("on", "to"),
    hung on any of ``words``."""
    prep = BLAMING_PARTICIPLES[blaming.lemma_.lower()]
    return [o for w in words for c in w.children if c.dep_ == "prep" and c.lower_ == prep for o in pobjs(c)]


def _undergoer_ids(tok: Any, actors: Parties) -> set[str]:
    """The actors the passive ``tok`` is done to (its subjects), who did not do it."""
    return {ref.actor_id for ref, _ in actors.refs(_clause_subjects(tok, actors)[0])}


#: acts that parties can do with each other: cooperate, consult, agree, sign, reduce
#: relations, fight ("talks were held between", "relations between A and B were suspended")
MUTUAL_ROOTS = {"03", "04", "05", "06", "16", "19"}


def _parties_between(tok: Any) -> list[Any]:
    """The parties of an agentless passive act that names them with "between" or "among", on
    the verb or on its subject ("an agreement was reached between Berlusconi and Mahmudi", "a
    peace agreement between Sudan and the SPLM was signed"): they act with each other."""
    if not any(c.dep_ == "auxpass" for c in tok.children) or agent_heads(tok):
        return []
    holders = [tok, *(c for c in tok.children if c.dep_ == "nsubjpass")]
    parties = [
        o
        for h in holders
        for c in h.children
        if c.dep_ == "prep" and c.lower_ in {"between", "among"}
        for o in pobjs(c)
    ]
    return [p for p in parties if not names_a_time(p)]  # not "killed between January and May"


def _owned_thing(tok: Any, slot: tuple[int, int], actors: Parties) -> bool:
    """True when the subject of an agentless passive is a thing, no party, whose own words name
    its owner, the doer ("750 Hezbollah rockets have been fired"); not a party acted on ("Non-Maori
    media were banned", "Canadian troops were stationed") nor an act whose "by" names the doer
    ("the UN resolution was dismissed by Ahmadinejad": the resolution's owner is the one acted on)."""
    thing = _slot_head(actors, slot)
    if agent_heads(tok) or _names_a_party(thing, actors):
        return False
    return bool(actors.refs(own_doers(thing)))


def _names_a_party(noun: Any, actors: Parties) -> bool:
    """True for a noun that is itself a party, not a thing: a name, people ("inspectors", "men"),
    or an agent word of the dictionaries ("media", "troops", "police")."""
    if noun.ent_type_ or names_people(noun) or noun.lemma_.lower() in PERSON_NOUNS:
        return True
    return actors.kb is not None and actors.kb.agent(noun.text) is not None


def _plural_antecedent(subj: list[Any], actors: Parties) -> Refs:
    """The actors a plural pronoun subject ("they", "we") stands for when the clause it is
    subordinate to has a subject naming several ("Both countries have sought to marginalize
    Hamas, while they try to negotiate": the United States and Israel); [] otherwise."""
    if len(subj) != 1 or subj[0].lower_ not in PLURAL_PRONOUNS:
        return []
    cur = subj[0].head
    for _ in range(4):
        if cur.dep_ not in SUBORDINATE_DEPS or cur.head is cur:
            return []
        cur = cur.head
        heads, _ = subjects(cur)
        if heads and not all(h.pos_ == "PRON" for h in heads):
            found = actors.refs([h for head in heads for h in conjuncts(head)])
            return found if len(found) > 1 else []
    return []


def _invited_to_meet(tok: Any) -> list[Any]:
    """Who one is invited to meet or visit: the host, who invites when no one else is named."""
    heads: list[Any] = []
    for x in tok.children:
        if x.dep_ != "xcomp" or x.lemma_.lower() not in MEETING_VERBS:
            continue
        heads += [h for c in x.children if c.dep_ in {"dobj", "obj"} for h in conjuncts(c)]
        heads += [o for c in x.children if c.dep_ == "prep" and c.lower_ in {"with", "to"} for o in pobjs(c)]
    return heads


def _undergone(noun: Any, undergoers: list[Any]) -> bool:
    """True when an undergone noun names who undergoes it ("the arrest of Besigye", "his
    abduction", "the convoy came under attack"): an event whose doer the ledger types ("the
    police" for an arrest), not none."""
    return (undergone_noun(noun) and (bool(undergoers) or has_of(noun))) or suffered_assault(noun)


def _nominal_targets(tok: Any, sources: Refs, actors: Parties) -> Refs:
    source_ids = {s[0].actor_id for s in sources}
    _, groups, _ = nominal_roles(tok)
    # "a raid of the North Gaza town of Bait Hanun": the place a common noun names, when the
    # noun itself names no one
    for g in groups:
        targets = [t for t in actors.refs(g) if t[0].actor_id not in source_ids]
        if targets:
            return targets
    named = [n for g in groups for h in g for n in _named_in(h)]
    return [
        t
        for t in actors.refs(named)
        if t[0].actor_id.startswith("country:") and t[0].actor_id not in source_ids
    ]


def _named_in(noun: Any) -> list[Any]:
    """The names inside a common noun's phrase: "the town of Jenin", "the North Gaza town"."""
    if noun.pos_ != "NOUN":
        return []
    return [*of_objects(noun), *(c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN")]


def _referred(tok: Any, actors: Parties, source_ids: set[str], code: str) -> tuple[ActorRef, Any] | None:
    """The doer of what an object of ``tok`` refers back to: a happening ("denied the visit":
    the visitor), else an act ("criticised the move": who moved)."""
    referred = referred_doer(tok, actors.event_nouns, actors.happenings, _partners(actors), source_ids, code)
    return referred or referred_author(tok, actors, source_ids, code)


#: root of investigations: their target is whom the claims investigated accuse
INVESTIGATING_ROOT = "09"


def _accused_in_claims(tok: Any, actors: Parties, source_ids: set[str], skip: set[int]) -> Refs:
    """Whom the claims an investigation looks into accuse ("investigate allegations by Human
    Rights Watch that the CIA has set up secret jails": the CIA); those who make the claims are
    added to ``skip``, as no one investigated."""
    claims = [c for c in tok.children if c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in ALLEGING_NOUNS]
    skip |= {x.i for c in claims for p in c.children if p.lower_ == "by" for x in p.subtree}
    accused = [
        h
        for c in claims
        for clause in c.children
        if clause.dep_ in {"acl", "ccomp"}
        for s in _claimed_doers(clause)
        for h in conjuncts(s)
    ] + [o for c in claims for x in c.subtree if x.dep_ == "prep" and x.lower_ == "against" for o in pobjs(x)]
    return [t for t in actors.refs(accused) if t[0].actor_id not in source_ids]


def _claimed_doers(clause: Any) -> list[Any]:
    """Who a claim's clause says did it: its subject, or for a passive its "by" ("that 1,015
    civilians had been killed": no one named; the civilians are the victims)."""
    subj, passive = subjects(clause)
    return agent_heads(clause) if passive else subj


def _partner_on_the_topic(tok: Any, actors: Parties, source_ids: set[str], skip: set[int]) -> Refs:
    """The partner the parser hung on what is talked about ("negotiate a peace with X"); the
    topic's words are added to ``skip`` ("discussed a truce between A and B": a topic)."""
    topics = [c for c in tok.children if c.dep_ in TOPIC_DEPS] if tok.lemma_.lower() in TOPIC_VERBS else []
    skip |= {x.i for c in topics for x in c.subtree}
    for c in topics:
        for p in c.subtree:
            if p.dep_ == "prep" and p.lower_ == "with":
                found = [t for t in actors.refs(pobjs(p)) if t[0].actor_id not in source_ids]
                if found:
                    return found
    return []


def _verb_targets(tok: Any, source_slot: bool, sources: Refs, actors: Parties, code: str = "") -> Refs:
    """Targets of a verb: a passive's subject, else its objects and prepositional objects in
    order of preference, else the first actor named after it in its clause.  The doer's own
    forces moved or kept are no target (:func:`_own_forces`)."""
    subj, passive = _clause_subjects(tok, actors)
    means = passive and (
        _announcing_authority(tok, actors) or doers_of_the_means(tok, actors, _undergoer_ids(tok, actors))
    )
    named_doer = bool(agent_heads(tok) or tok.lemma_.lower() in HOSTING_INVITES or means)
    if passive and not source_slot and (named_doer or not sources) and not sent_things(tok, subj, named_doer):
        targets = actors.refs([h for head in subj for h in conjuncts(head)])
        if targets:
            return targets
    # a body acting for a person does not act on that person ("Clinton's campaign denied
    # reports that she will concede": no act of the campaign's on Clinton)
    source_ids = {s[0].actor_id for s in sources} | actors.owners_of_bodies(sources)
    referred = _referred(tok, actors, source_ids, code)
    if referred is not None:
        return [referred]
    # the doers named by "by" are never among the done-to, however the parser splits their list
    # ("endorsed by the Fire Brigade Employees' Union, the Maritime Union ... and the CFMEU")
    skip = {h.i for h in subj} | {x.i for c in tok.children if c.dep_ == "agent" for x in c.subtree}
    skip |= charged_offences(tok)  # "charged X with killing Y": Y is not the one charged
    accused = _accused_in_claims(tok, actors, source_ids, skip) if code.startswith(INVESTIGATING_ROOT) else []
    if accused:
        return accused
    skip |= nonparty_tokens(tok)  # "in the presence of Rice", "with X saying", a claim's content
    partner = _partner_on_the_topic(tok, actors, source_ids, skip)
    if partner:
        return partner
    fallback: Refs = []
    for group in target_heads(tok, skip):
        group = [h for h in group if h.i not in skip]  # an offence hung on the one charged
        found = [
            t for t in actors.refs(group) if t[0].actor_id not in source_ids and not unknown_place(*t, code)
        ]
        if found and code.startswith(FORCE_MOVING_ROOTS) and _own_forces(found, sources):
            skip |= {i for _, head in found for i in range(*np_span(head))}
            continue  # "India will not pull its troops back", "sent troops to their borders"
        countryless = all(t[0].country is None and t[0].sector for t in found)
        if found and countryless and not fallback and not _addressed(found, tok, code):
            fallback = found  # "send troops to the border with India": troops are no target
            continue
        if found:
            return found
    if fallback:
        return fallback
    contacted = _contacted_for(tok)
    if contacted:  # "phoned Shriver to apologize": to Shriver
        found = [t for t in actors.refs(contacted) if t[0].actor_id not in source_ids]
        if found:
            return found
    skip_sub = {x.i for h in subj for x in h.subtree} | skip
    return [
        t
        for t in actors.first_in(tok, skip_sub)
        if t[0].actor_id not in source_ids and not unknown_place(*t, code)
    ]


#: roots of acts addressed to someone (appeals, demands): their addressee is their target
ADDRESSED_ROOTS = ("02", "10")


def _addressed(found: Refs, verb: Any, code: str) -> bool:
    """True when ``found`` is whom an appeal or a demand is made to, hung on the verb itself
    ("called on Muslims to fight the Americans"), or the people arrested, expelled or abducted
    ("arrested 20 to 30 protesters in the capital city of Bishkek"), however vague its country."""
    return code.startswith((*ADDRESSED_ROOTS, *PERSON_ACT_CODES)) and all(
        h.head.i == verb.i or (h.dep_ == "pobj" and h.head.head.i == verb.i) for _, h in found
    )


#: codes of forces shown, withdrawn or kept in place: posture (15), withdrawing or demobilising
#: them (0872-0874), refusing to (1246); not a ceasefire ("halt attacks against the Turkish
#: army": the enemy's)
FORCE_MOVING_ROOTS = ("15", "0872", "0873", "0874", "1246")
#: sectors of the forces a doer moves
FORCE_SECTORS = ("MIL", "COP")


def _own_forces(found: Refs, sources: Refs) -> bool:
    """True when every actor found is a force the doer holds ("its troops": the pronoun is
    the doer's) or of no other country than the doers' own ("troops" unnamed): what the doer
    moves, not whom it acts on."""
    countries = {s.country for s, _ in sources if s.country}
    return all(
        any(sector in (ref.sector or "") for sector in FORCE_SECTORS)  # "GOVMIL": its government's troops
        and not owned_by(head, "PROPN")  # "to disarm Nkunda's rebels": someone else's
        and (ref.country is None or ref.country in countries or owned_by(head, "PRON"))
        for ref, head in found
    )


def _contacted_for(tok: Any) -> list[Any]:
    """Whom the subject called, met or wrote to in order to do ``tok``, when ``tok`` is that
    purpose ("phoned Shriver to apologize", "met Abbas to discuss the truce"); [] otherwise."""
    head = tok.head
    purpose = tok.dep_ in {"advcl", "xcomp"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
    )
    if not purpose or head.i == tok.i or head.lemma_.lower() not in CONTACT_VERBS:
        return []
    return [h for c in head.children if c.dep_ in {"dobj", "obj"} for h in conjuncts(c)]


def _partners(actors: Parties) -> Callable[[Any], set[str]]:
    """The actor ids a happening's noun names as its partner ("the meeting with Mashal")."""

    def partner_ids(noun: Any) -> set[str]:
        heads = [o for p in noun.children if p.dep_ == "prep" and p.lower_ in PARTNER_PREPS for o in pobjs(p)]
        return {ref.actor_id for ref, _ in actors.refs(heads)}

    return partner_ids


#: roots whose doer is not the subject of a clause the act is the setting of: coercion,
#: assault, mass violence ("became first lady after the assassination of Kennedy", "spoke after
#: the bombing"); those who protest or fight take part ("said in a rally", "were wounded in
#: clashes with the police")
_FORCEFUL_ROOTS = frozenset({"17", "18", "20"})


def _forceful(code: str | None) -> bool:
    return code is not None and code[:2] in _FORCEFUL_ROOTS
