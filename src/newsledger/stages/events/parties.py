"""Actor lookups for the coder: mentions first, then the actors stage's phrase resolver, then a
nationality or the country of a place."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ...knowledge.actors import SECTOR_NAMES, ActorKB, key
from ...knowledge.actors.groups import UNKNOWN_COUNTRY, group_actor, named_group
from ...knowledge.wordlists import word_lists
from ...models import Actor, ActorRef, AnalyzedArticle, Event, Mention, Place
from ..actors import resolve_phrase
from .coref import pair_refs, relative, relative_antecedent
from .members import FOLLOWING_SECTORS, followed_ones, gathered_members, included_members, leaders_of
from .nonparties import (
    TIME_ZONES,
    UTC_OFFSET,
    based_in,
    names_a_currency,
    names_a_time,
    names_talks_or_a_text,
)
from .placing import counted_nationals, people_from
from .relations import relation_of, title_before_a_name
from .syntax import (
    SUBJ_DEPS,
    TEMPORAL_PREPS,
    conjoined_clause,
    modified_noun,
    np_span,
    pobjs,
    says_where,
)

_WORDS = word_lists("event_words.yaml")  # the word lists below: see the file's comments

__all__ = ["Parties"]

MAX_PHRASE_RESOLUTIONS = 1000
FIRST_PERSON = {"i", "me", "my", "we", "us", "our"}
PEOPLE_NOUNS = _WORDS.words("people_nouns")
#: people a force falls on, unnamed; listed nationalities of them are each one's civilians
VICTIM_NOUNS = _WORDS.words("victim_nouns")
#: the name and id of an actor the text leaves unnamed and untyped
UNIDENTIFIED = "unidentified actor"
SOMEBODY_ID = f"group:{UNKNOWN_COUNTRY}"


PERSONAL_BODIES = {"office", "campaign", "staff"}  # act for a person: "Carter's office", "his staff"
BODY_PREPS = {"of", "for", "from"}


OWNING_ADJECTIVE_SECTORS = frozenset({"CVL", "MIL", "COP", "REB", "INS", "UAF"})  # "a military convoy"


class Parties:
    """Actor lookups for token heads: mentions first, then the actors stage's phrase resolver,
    then the country of a place ("traveled to Tehran" -> Iran)."""

    def __init__(self, item: AnalyzedArticle, day: str | None, kb: ActorKB | None) -> None:
        self.item = item
        self.kb = kb
        self.doc = item.doc
        self.day = day
        self._resolved: dict[tuple[int, int], ActorRef | None] = {}
        self.resolving = True  # off while scanning a clause for its first named actor
        # resolve_phrase keeps one resolver per article, so a phrase costs little; the budget
        # only guards against a pathological document (the 40 longest corpus articles use <= 182)
        self.budget = MAX_PHRASE_RESOLUTIONS
        self._nationalities: list[Any] | None = None
        self._bodies: dict[str, str] = {}  # a person's office, campaign, staff -> the person
        # for a noun that refers back to a happening ("denied the visit", see .anaphora): the
        # article's events coded so far and the code of each event noun; the coder fills them
        self.happenings: list[Event] = []
        #: the ledger's conventions (the coder sets it): a relative subject stands for its
        #: antecedent ("Peres, who criticized ..."), "both countries" for the pair named before
        self.relative_subjects = False
        self.event_nouns: dict[str, str] = {}

    def chars(self, start: int, end: int) -> tuple[int, int]:
        return self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1])

    def mention(self, cs: int, ce: int, *, modifier: bool = False, head: int | None = None) -> Mention | None:
        """The longest resolved mention overlapping ``[cs, ce)``; on a tie, the agent reading
        ("Osgiliath" in "the ambassadors of Arnor, Osgiliath and Gondor" -> OSGGOV).  A mention
        of an organisation holding the phrase's ``head`` (a character offset) comes first:
        "Palestinian extremist group Hamas" is Hamas, not the description before the name (a
        person's title still gives the role: "Bree President Romendacil" is Bree's government)."""
        best: Mention | None = None
        inside = [m for m in self.item.mentions if m.actor_id and cs <= m.start and m.end <= ce]
        # a modifier's own mention names it before one that spans beyond it ("Israeli" in
        # "U.S. and Israeli officials" is Israel's, not the whole phrase's first actor)
        for m in inside if modifier and inside else self.item.mentions:
            if not m.actor_id or m.end <= cs or m.start >= ce:
                continue
            if head is not None and m.label == "PRON" and m.end <= head:
                continue  # "their resumption of ties": the owner, not the phrase
            if best is None:
                best = m
                continue
            if head is not None and self._named_org(m, head) != self._named_org(best, head):
                if self._named_org(m, head):
                    best = m
                continue
            size, best_size = m.end - m.start, best.end - best.start
            if size > best_size or (size == best_size and "agent" in m.method and "agent" not in best.method):
                best = m
        return best

    def _named_org(self, m: Mention, head: int) -> bool:
        actor = self.item.actors.get(m.actor_id) if m.actor_id else None
        return m.start <= head < m.end and actor is not None and actor.kind == "organization"

    def ref_for_span(
        self, start: int, end: int, *, places: bool = True, modifier: bool = False
    ) -> ActorRef | None:
        cs, ce = self.chars(start, end)
        root = self.doc[start:end].root
        m = self.mention(cs, ce, modifier=modifier, head=root.idx)
        ref = self.item.actor_ref(m.actor_id, self.day) if m is not None else None
        if ref is not None and ref.country and m is not None and m.method == "capital" and says_where(root):
            ref = self.country_ref(ref.country) or ref  # "raided a bus station in central Baghdad": Iraq
        if ref is None and self.kb is not None and self.resolving:
            if (cs, ce) not in self._resolved:  # the phrase resolver is costly: once per phrase
                resolved = None
                if self.doc[start:end].root.pos_ == "NOUN" and self.budget > 0:  # "Iranian officials"
                    self.budget -= 1
                    resolved = resolve_phrase(self.item, cs, ce, self.kb)
                self._resolved[(cs, ce)] = resolved
            ref = self._resolved[(cs, ce)]
        if ref is None:
            ref = self._demonym_ref(start, end)
        if ref is None and places:
            ref = self._country_of_place(cs, ce)
        return ref

    def _demonym_ref(self, start: int, end: int) -> ActorRef | None:
        """ "Israeli jets", "the South African invitation": a nationality on a phrase the actors
        stage left unresolved stands for its country (as PETRARCH codes it)."""
        found = self.demonym_refs(start, end)
        return found[0] if found else None

    def demonym_refs(self, start: int, end: int) -> list[ActorRef]:
        """The country of each nationality modifying the phrase ``[start, end)``, in order: two
        for "U.S. and Israeli officials" (PROTOCOL: one event per actor of a compound)."""
        kb = self.kb
        if kb is None:
            return []
        out: list[ActorRef] = []
        root = self.doc[start:end].root.i
        if self._nationalities is None:  # doc.ents builds new spans on every access: once
            self._nationalities = [e for e in self.doc.ents if e.label_ in {"NORP", "GPE"}]
        for ent in self._nationalities:
            if not (start <= ent.start and ent.end <= end):
                continue
            alone = ent.root.i == root and ent.root.pos_ == "ADJ"  # "Palestinian" of "Palestinian riots"
            if not alone and (
                ent.root.i == root or ent.root.dep_ not in {"amod", "compound", "nmod", "conj"}
            ):
                continue
            hit = kb.lookup_exact(ent.text)
            actor = (
                kb.actors.get(hit.actor_id) if hit is not None and hit.how in {"demonym", "country"} else None
            )
            if actor is not None and all(r.actor_id != actor.actor_id for r in out):
                self.item.actors.setdefault(actor.actor_id, actor)
                out.append(actor.ref_on(self.day))
        return out

    def refs(self, heads: Iterable[Any]) -> list[tuple[ActorRef, Any]]:
        """The actor of each head that names one, in order, each actor once."""
        out: list[tuple[ActorRef, Any]] = []
        for h in heads:
            if names_a_time(h) or names_a_currency(h):
                continue
            if relative(h):  # "whom he greeted", "Peres, who criticized", "soldiers whose fire killed"
                if h.dep_ in SUBJ_DEPS and not self.relative_subjects:
                    continue  # PETRARCH codes no act of a relative clause's subject
                h = relative_antecedent(h)
                if h is None:
                    continue
            members = gathered_members(h)
            if members:  # "members of the Egyptian army", "a coalition of 30 environmental groups"
                inner = self.refs(members)
                if inner:
                    out.extend(inner)
                    continue
            unnamed = self._unnamed_antecedent(h)
            if unnamed:  # "A spokesman for Hamas said ... He also accused": Hamas's spokesman
                out.extend(unnamed)
                continue
            ref = self.head_ref(h)
            if ref is None or (ref.country is None and leaders_of(h)):  # "a trade delegation led by"
                out.extend(self._unnamed_head_refs(h) or ([(ref, h)] if ref else []))
                continue
            out.append((ref, h))
            if ref.sector:
                out.extend(self._agents_carried_over(h))
        seen: set[str] = set()
        uniq = []
        for ref, h in out:
            if ref.actor_id not in seen:
                seen.add(ref.actor_id)
                uniq.append((ref, h))
        return uniq

    def _unnamed_head_refs(self, h: Any) -> list[tuple[ActorRef, Any]]:
        """The actors a head that names none stands for: the pair named before ("both
        countries"), the members it lists ("several countries, including France and
        Germany"), or the bodies its people are of ("officials from Gondor")."""
        out: list[tuple[ActorRef, Any]] = []
        if self.relative_subjects:
            reporters = {r.actor_id for r in self.item.reporters}
            out.extend((r, h) for r in pair_refs(self.item, h, self.day, self.country_ref, reporters))
        included = self.refs(included_members(h)) or self.refs(leaders_of(h))
        if included:
            out.extend(included)
        elif h.lemma_.lower() in PEOPLE_NOUNS:  # not "jurisdiction of the Schiavo case"
            out.extend(self._base_refs(h))
        return out

    def head_ref(self, h: Any) -> ActorRef | None:
        """The actor the phrase headed by ``h`` names, or None."""
        followed = self.refs(followed_ones(h))  # "supporters of Aung San Suu Kyi": her people, not her
        if followed:
            led = followed[0][0]
            return self.unnamed(led.country, led.sector if led.sector in FOLLOWING_SECTORS else "CVL")
        office = title_before_a_name(self, h) or self._office_of(h)  # "Senator from Vermont Bernie Sanders"
        if office is not None:
            return office
        named = self._apposed_name(h) or relation_of(self, h)
        if named is not None:
            return named
        start, end = np_span(h)
        ref = self._listed_country_ref(h)
        # a coordinated nationality hung on the head: "Israeli" in "U.S. and Israeli officials"
        modifier = h.dep_ == "conj" and h.head.dep_ in {"amod", "compound", "nmod"}
        if ref is None:
            ref = self.ref_for_span(start, end, modifier=modifier)
        if ref is None and h.lower_ in FIRST_PERSON:
            ref = self.speaker_at(h.idx)  # "I found ...", Shamkhani tweeted: I = Shamkhani
        if ref is None or ref.name.lower() in TIME_ZONES or UTC_OFFSET.match(ref.name.lower()):
            return None  # an entity tagger's "UTC-4" that a description was linked to
        if h.lower_ in FIRST_PERSON and self.is_outlet(ref):
            return None  # "'We warn Syria', Reuters quotes X as adding": not Reuters' we
        if self.relative_subjects and (counted_nationals(h, ref) or people_from(h, ref, self._is_agent)):
            return self.unnamed(ref.country, "CVL")  # "12 Ugandans were denied visas": civilians
        return ref

    def _is_agent(self, h: Any) -> bool:
        """True for a word the agent list types ("lawmakers", "officials"), singular or plural."""
        kb = self.kb
        return kb is not None and (kb.agent(h.text) is not None or kb.agent(h.lemma_) is not None)

    def _apposed_name(self, h: Any) -> ActorRef | None:
        """ "Northern Territory member, David Tollner", "the aid organisation Medecins Sans
        Frontieres (MSF)": the proper name set beside a description says who it is, not a place
        or body modifying the description.  None when the description speaks for a body of its
        own or is someone's ("a spokesman for Hamas, Sami Abu Zuhri", "Iran's minister Zarif": Hamas
        and Iran's government, as PETRARCH codes them) or the apposed name is a place or no actor."""
        apposed = [c for c in h.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        if not apposed or h.pos_ != "NOUN" or self._speaks_for_a_body(h):
            return None  # most heads have no name beside them: the body tests look things up
        if self._post_of_a_named_body(h):
            return None  # "Iran's foreign minister, Zarif": Iran's government, as PETRARCH codes it
        for c in apposed:
            ref = self.ref_for_span(*np_span(c), places=False)
            actor = self.item.actors.get(ref.actor_id) if ref is not None else None
            named = actor is not None and actor.kind != "country" and not actor.actor_id.startswith("group:")
            if ref is not None and named:
                return ref
        return None

    def _speaks_for_a_body(self, h: Any) -> bool:
        """ "a spokesman for Hamas", "the head of the army": a body the description is "of",
        "for" or "from" (not "the organizer of the event")."""
        preps = [c for c in h.children if c.dep_ == "prep" and c.lower_ in BODY_PREPS]
        return any(self.ref_for_span(*np_span(o)) is not None for p in preps for o in pobjs(p))

    def _post_of_a_named_body(self, h: Any) -> bool:
        """ "Iran's foreign minister", "Ithilen's minister": a role ("minister", an agent word)
        held in a body named as its owner (not "his grandmother", "the PSNI's predecessor", nor
        a person's: "Hicks' military lawyer, Major Michael Mori" is Mori)."""
        owners = [c for c in h.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
        if not owners or self.kb is None or key(h.text) not in self.kb.agents:
            return False
        owner = self.ref_for_span(*np_span(owners[0]))
        return owner is None or not owner.actor_id.startswith("person:")

    def _office_of(self, h: Any) -> ActorRef | None:
        """ "Carter's office", "the senator's campaign": a body that acts for a person is an
        organisation of its own, of the person's country and sector, not the person, when it acts
        ("Carter's office declined to comment" is no act of Carter's).  None for any other
        phrase, and for such a body acted on ("ordered his staff to", "suspended his campaign":
        the person's own affair, not a partner)."""
        if h.lemma_.lower() not in PERSONAL_BODIES or h.pos_ != "NOUN" or h.dep_ not in SUBJ_DEPS:
            return None  # one's own staff ordered or campaign suspended is no one else acted on
        owners = [c for c in h.children if c.dep_ == "poss"]
        owner = self.head_ref(owners[0]) if len(owners) == 1 else None
        actor = self.item.actors.get(owner.actor_id) if owner is not None else None
        if owner is None or actor is None or actor.kind != "person":
            return None
        body = Actor(
            f"org:{h.lemma_.lower()}-of-{owner.actor_id}",
            f"{h.lemma_.capitalize()} of {owner.name}",
            "organization",
            owner.country,
            owner.sector,
            owner.cameo_code,
            aliases=(self.doc[slice(*np_span(h))].text,),
            affiliation=owner.actor_id,
        )
        self.item.actors.setdefault(body.actor_id, body)
        self._bodies[body.actor_id] = owner.actor_id
        return body.ref_on(self.day)

    def owners_of_bodies(self, refs: Iterable[tuple[ActorRef, Any]]) -> set[str]:
        """The persons whose office, campaign or staff (``_office_of``) is among ``refs``."""
        return {self._bodies[ref.actor_id] for ref, _ in refs if ref.actor_id in self._bodies}

    def _listed_country_ref(self, h: Any) -> ActorRef | None:
        """A country listed among the modifiers of one noun stands for the noun's kind of
        actor of that country: "French, German and Italian ministers" are three governments,
        "the US and EU governments" the US government and the EU (PROTOCOL: one event per actor
        of a compound). None when ``h`` is no such member or names no country."""
        noun = modified_noun(h)
        if noun is None or self.kb is None:
            return None
        hit = self.kb.lookup_exact(self.doc[slice(*np_span(h))].text)
        if hit is None or hit.how not in {"demonym", "country"}:
            return None  # an organisation ("EU") keeps its own mention
        country = self.kb.actors.get(hit.actor_id)
        sector = self._sector_of(noun)
        if country is None or not country.country or sector is None:
            return None
        return self.unnamed(country.country, sector)

    def _sector_of(self, noun: Any) -> str | None:
        """The sector the noun gives its phrase: the phrase's group ("Iranian and Syrian
        leaders": GOV), else the noun's agent word ("the US and EU governments": GOV)."""
        if noun.lemma_.lower() in VICTIM_NOUNS:  # "French and Japanese individuals"
            return "CVL"
        phrase = self.ref_for_span(*np_span(noun), places=False)
        if phrase is not None and phrase.actor_id.startswith("group:") and phrase.sector:
            return phrase.sector
        agent = self.kb.agents.get(key(noun.text)) if self.kb is not None else None
        if agent is None or agent.person or agent.prefix or not agent.code.isalpha():
            return None
        return agent.code

    def is_outlet(self, ref: ActorRef) -> bool:
        """True for a news organisation (the reporter is never the actor of what it quotes)."""
        actor = self.item.actors.get(ref.actor_id)
        return ref.sector == "MED" and (actor is None or actor.kind != "person")

    def _unnamed_antecedent(self, h: Any) -> list[tuple[ActorRef, Any]]:
        """The actors of the unnamed person a subject "he" / "she" takes up: the subject of the
        previous sentence, or of an earlier clause of its own, when that is one person left
        unnamed ("A spokesman for the ministry said ... He also accused"), with no person named
        between them (the actors stage links the pronoun to a named person further back);
        [] otherwise."""
        if not self.relative_subjects or h.lower_ not in {"he", "she"} or h.dep_ not in SUBJ_DEPS:
            return []
        sent = h.sent
        start = self.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        before = [t for t in self.doc[start : h.i] if t.dep_ in {"nsubj", "nsubjpass"}]
        if not before:
            return []
        last = before[-1]
        if last.pos_ != "NOUN" or last.tag_ != "NN" or last.lemma_.lower() not in PEOPLE_NOUNS:
            return []
        if any(t.ent_type_ == "PERSON" for t in self.doc[last.i : h.i]):
            return []  # "a spokesman for Hamas, Sami Abu Zuhri, said ... He": the named one
        return self.refs([last])

    def _base_refs(self, head: Any) -> list[tuple[ActorRef, Any]]:
        """ "officials from Gondor", "lawmakers in Fornost and Gondor", "a spokesman for
        Hamas": the places or bodies they are of or speak for."""
        out: list[tuple[ActorRef, Any]] = []
        for p in head.children:
            if p.dep_ == "prep" and p.lower_ in {"of", "from", "in", "for"}:
                for obj in pobjs(p):
                    ref = self.ref_for_span(*np_span(obj))
                    if ref is not None:
                        out.append((ref, obj))
        return out

    def _agents_carried_over(self, head: Any) -> list[tuple[ActorRef, Any]]:
        """ "the ambassadors of Arnor, Osgiliath and Gondor": the agent carries over the list."""
        out: list[tuple[ActorRef, Any]] = []
        for p in head.children:
            if p.dep_ == "prep" and p.lower_ in {"of", "from", "in"}:
                for obj in pobjs(p)[1:]:
                    cs, ce = self.chars(*np_span(obj))
                    m = self.mention(cs, ce)
                    ref = (
                        self.item.actor_ref(m.actor_id, self.day)
                        if m is not None and "agent" in m.method
                        else None
                    )
                    if ref is not None:
                        out.append((ref, obj))
        return out

    def owners(self, thing: Any, not_ids: set[str]) -> list[tuple[ActorRef, Any]]:
        """Whose ``thing`` is ("their convoy", "Israel's embassy"), not one of ``not_ids`` (the
        doers): "militants ambushed their convoy" cannot be the militants' own convoy, so a
        pronoun resolved to the doers stands for the actor named before them in the sentence
        ("peacekeepers are dead after militants ambushed their convoy": the peacekeepers)."""
        out: list[tuple[ActorRef, Any]] = []
        for poss in (c for c in thing.children if c.dep_ == "poss"):
            found = [r for r in self.refs([poss]) if r[0].actor_id not in not_ids]
            if not found and poss.pos_ == "PRON" and poss.lower_ in {"their", "its"}:
                found = self.named_before(poss, not_ids)
            out.extend(found)
        if not out:  # "struck rebel positions", "raided a Taliban hideout": the modifier owns it
            out = [
                owner
                for c in thing.children
                # "a civilian vehicle", "a military convoy"; not an act's own ("a military invasion")
                if c.dep_ == "compound" or (c.dep_ == "amod" and thing.lower_ not in self.event_nouns)
                for owner in self._owner_word(c, not_ids, c.dep_ == "amod")
            ]
        return out

    def _owner_word(
        self, word: Any, not_ids: set[str], adjective: bool = False
    ) -> list[tuple[ActorRef, Any]]:
        """The actor a modifier of a thing names: a named one ("Taliban"), else an agent word
        of a sector ("rebel", "army", "police") as that sector's unidentified group; an
        adjective only of a force or of civilians ("a military convoy", "a civilian vehicle")."""
        named = [r for r in self.refs([word]) if r[0].actor_id not in not_ids and r[0].sector]
        if named and not adjective:
            return named
        agent = self.kb.agent(word.text) if self.kb is not None else None
        if agent is None or agent.person or agent.prefix or not agent.code.isalpha():
            return []
        if adjective and agent.code not in OWNING_ADJECTIVE_SECTORS:
            return []  # "Jewish settlements" are no religion's act
        ref = self.unnamed(None, agent.code)
        return [] if ref.actor_id in not_ids else [(ref, word)]

    def named_before(self, tok: Any, not_ids: set[str]) -> list[tuple[ActorRef, Any]]:
        """The latest actor named before ``tok`` in its sentence that is no place and none of
        ``not_ids``."""
        sent_start = tok.sent.start_char
        before = [
            m
            for m in self.item.mentions
            if m.actor_id
            and sent_start <= m.start
            and m.end <= tok.idx
            and m.label not in {"GPE", "PRON", "LOC"}
            and m.actor_id not in not_ids
        ]
        ref = self.item.actor_ref(before[-1].actor_id, self.day) if before else None
        return [(ref, tok)] if ref is not None else []

    def speaker_at(self, offset: int) -> ActorRef | None:
        """The speaker of the statement whose quoted or reported content covers ``offset``."""
        for st in self.item.statements:
            cs, ce = st.content_span
            if cs <= offset < ce and st.speaker is not None:
                return st.speaker
        return None

    def first_in(self, tok: Any, exclude: set[int]) -> list[tuple[ActorRef, Any]]:
        """The first actor named after ``tok`` inside its clause, as PETRARCH takes the first
        actor of the verb phrase; clauses of their own ("after crowds trashed ...") excluded."""
        blocked: set[int] = set(exclude)
        for d in tok.subtree:
            if d.i == tok.i:
                continue
            clausal = d.dep_ in {"advcl", "relcl", "ccomp", "parataxis"}
            own_clause = clausal and any(c.dep_ in {"mark", "nsubj", "nsubjpass"} for c in d.children)
            own_clause = own_clause or conjoined_clause(d)  # "..., and the Committee called"
            # "signed the Kyoto Protocol and also plans to withdraw troops": a second predicate
            own_clause = own_clause or (d.dep_ == "conj" and d.head.i == tok.i and d.pos_ in {"VERB", "AUX"})
            # "will face trial after sending missiles to the U.S.": an act of its own, before
            own_clause = own_clause or (
                d.dep_ == "pcomp" and d.pos_ == "VERB" and d.head.lower_ in TEMPORAL_PREPS
            )
            if own_clause:
                blocked |= {x.i for x in d.subtree}
            if d.lower_ == "according" and d.dep_ == "prep":
                blocked |= {x.i for x in d.subtree}  # "according to Justice Minister X": who says
            if d.dep_ == "prep" and d.lower_ in TEMPORAL_PREPS:
                # "called for calm following the announcement by the election commission": who
                # did what came before is not the one acted on (a partner may be: "called off the
                # strike after deliberations with the government")
                blocked |= {
                    x.i
                    for p in d.subtree
                    if p.dep_ in {"agent", "prep"} and p.lower_ == "by"
                    for x in p.subtree
                }
                blocked |= {x.i for p in d.subtree if p.dep_ == "poss" for x in p.subtree}
        self.resolving = False
        try:
            for d in tok.subtree:
                if d.i <= tok.i or d.i in blocked or d.pos_ not in {"PROPN", "NOUN"}:
                    continue
                if d.dep_ in {"compound", "flat", "amod", "nmod", "nummod", "det"} and d.head.i > d.i:
                    continue  # "Minas" of "Minas Tirith and Osgiliath": take the phrase's head
                found = self.refs([d])
                if found:
                    extra = self.refs([c for c in d.conjuncts if c.i > d.i and c.i not in blocked])
                    return found + [x for x in extra if x[0].actor_id not in {f[0].actor_id for f in found}]
            return []
        finally:
            self.resolving = True

    def _place_at(self, cs: int, ce: int) -> Place | None:
        for pm in self.item.places:
            if (
                pm.place
                and pm.start < ce
                and cs < pm.end
                and pm.place.country
                and not based_in(self.doc, pm.end)
                and not (pm.place.feature != "country" and names_talks_or_a_text(self.doc, pm.end))
            ):
                return pm.place
        return None

    def _country_of_place(self, cs: int, ce: int) -> ActorRef | None:
        place = self._place_at(cs, ce)
        return self.country_ref(place.country) if place is not None and place.country else None

    def country_ref(self, iso: str) -> ActorRef | None:
        """The country actor for an ISO code: from the article, else from the actor KB."""
        for actor in self.item.actors.values():
            if actor.kind == "country" and actor.country == iso and not actor.sector:
                return actor.ref_on(self.day)
        kb = self.kb
        actor_id = kb.country_ids.get(iso) if kb is not None else None
        found: Actor | None = kb.actors.get(actor_id) if kb is not None and actor_id else None
        if found is None:
            return None
        self.item.actors.setdefault(found.actor_id, found)  # as resolve_phrase does
        ref: ActorRef = found.ref_on(self.day)
        return ref

    def unnamed(self, country: str | None, sector: str) -> ActorRef:
        """The collective actor "<country> <sector>" for a doer the text leaves unnamed ("were
        arrested": the police); "unidentified <sector>" when the country is not known."""
        if self.kb is not None:
            actor = self.kb.group(country, sector)
        else:  # the same id and record as the KB's, without its country names
            actor = group_actor(country, sector, None, place=None, sector_names=SECTOR_NAMES)
        self.item.actors.setdefault(actor.actor_id, actor)
        ref: ActorRef = actor.ref_on(self.day)
        return ref

    def somebody(self) -> ActorRef:
        """The doer of an act the text tells but types by no word ("has been accused of
        atrocities", "an aid agency appealed"): an unidentified actor of no known country or
        sector (CAMEO's "---"), never a blank source."""
        actor = Actor(SOMEBODY_ID, UNIDENTIFIED, "group", None, None, UNKNOWN_COUNTRY, (UNIDENTIFIED,))
        self.item.actors.setdefault(actor.actor_id, actor)
        ref: ActorRef = actor.ref_on(self.day)
        return ref

    def placed(self, ref: ActorRef, country: str) -> ActorRef:
        """An unidentified group ("gunmen", "protesters") takes the country where it acts."""
        # a group called by a dictionary agent's name ("Janjaweed", org:janjaweed) or a people's
        # ("Kurdish rebels", of no country: "---REB") keeps it
        named = (  # not a knowledge entry (org:ngo of the dictionaries): those keep their codes
            ref.actor_id.startswith("org:")
            and self.kb is not None
            and ref.actor_id not in self.kb.actors
            and (self.kb.agent(ref.name) is not None or (ref.cameo_code or "").startswith("---"))
        )
        if ref.country or not ref.sector or not (ref.actor_id.startswith("group:") or named):
            return ref
        if not named or self.kb is None:
            return self.unnamed(country, ref.sector)
        placed = named_group(self.kb.group(country, ref.sector), ref.name)
        known = self.item.actors.get(placed.actor_id)
        if known is None or not known.country:
            self.item.actors[placed.actor_id] = placed
        out: ActorRef = placed.ref_on(self.day)
        return out

    def visited(self, ref: ActorRef, head: Any) -> ActorRef:
        """A city visited stands for its country ("traveled to Tehran" -> Iran), not its
        government, which the capital's name alone would give."""
        start, end = np_span(head)
        cs, ce = self.chars(start, end)
        place = self._place_at(cs, ce)
        if place is None or place.feature == "country" or not place.country:
            return ref
        return self.country_ref(place.country) or ref
