"""Pronouns: he/she/his/her, it/its, they/their and relative who/which/that, each resolved to
the person, organisation or group it most plausibly refers back to."""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from .base import Draft
from .namesakes import name_gender
from .phrases import PhrasePasses
from .screen import NOT_A_BODY
from .words import (
    BODY_NOUNS,
    COLLECTIVE_GOV,
    FEMALE_PRONOUNS,
    FEMALE_TITLES,
    GROUP_ANAPHORS,
    MALE_TITLES,
    NON_AGENT_VERBS,
    ORG_WORDS,
    PERSON_PRONOUNS,
    PLACE_BODIES,
)


class PronounPasses(PhrasePasses):
    def _gender_of(self, m: Draft) -> str | None:
        """ "female"/"male" when the KB, a title ("Mrs", "Queen") or a first name says so."""
        known = name_gender(self, m.actor_id)
        if known:
            return known
        start = m.title[0] if m.title else m.start
        for tok in self.doc[max(0, start - 2) : m.end]:
            word = tok.text.rstrip(".").lower()
            if word in FEMALE_TITLES:
                return "female"
            if word in MALE_TITLES:
                return "male"
        return None

    def _pronouns(self) -> None:
        """he/she/his/her outside quotations -> the last person named before, of a compatible
        gender (from the KB, titles, first names, or earlier pronouns that referred to them)."""
        self._relative_pronouns()  # "Shamkhani, who said he ...": "who" is a subject to refer back to
        persons = sorted(
            (m for m in self.found if m.how in ("person", "titled") or self._kind(m.actor_id) == "person"),
            key=lambda m: m.start,
        )
        self.genders = {}
        chain: list[Draft] = []  # subject pronouns resolved so far, in text order
        person_starts = [m.start for m in persons]
        for tok in self.ix.tokens(PERSON_PRONOUNS):
            if tok.i in self.owner or (tok.text.isupper() and len(tok.text) > 1):
                continue
            if tok.idx < len(self.in_quote) and self.in_quote[tok.idx]:
                continue
            wanted = "female" if tok.lower_ in FEMALE_PRONOUNS else "male"
            nearest = persons[
                max(0, bisect_left(person_starts, tok.i) - 40) : bisect_left(person_starts, tok.i)
            ]
            before = [m for m in nearest if not (self.in_quote and self.in_quote[self.doc[m.start].idx])]
            # "he said …  He also acknowledged …": a pronoun already resolved stands for its person
            before = sorted(
                [*before, *(c for c in chain if c.start >= tok.sent.start - 80)], key=lambda m: m.start
            )
            antecedent = self._cataphor(tok, persons, wanted)
            if not before and antecedent is None:
                continue
            clause_subject = self._clause_subjects(tok)
            if antecedent is None and tok.lower_ in ("he", "she"):
                antecedent = self._recent_subject(tok, before, wanted)
            # "Bennett told him": him is not Bennett, named there or before
            subject_ids = {m.actor_id for m in before if clause_subject & set(range(m.start, m.end))}
            for m in reversed(before if antecedent is None else []):  # the nearest compatible person
                if m.actor_id in subject_ids or _attributing(self.doc[m.end - 1]):
                    continue  # "according to the army spokesman X": who tells, not who did
                gender = self._gender_of(m)
                if gender is None or gender == wanted:
                    antecedent = m
                    break
            if antecedent is None:
                continue
            antecedent = self._over_its_describer(tok, antecedent, before, wanted)
            if self._gender_of(antecedent) is None:
                self.genders[antecedent.actor_id] = wanted
            resolved = Draft(tok.i, tok.i + 1, antecedent.actor_id, "PRON", "pronoun", "pronoun")
            self._add(resolved)
            if tok.lower_ in ("he", "she"):
                chain.append(resolved)
        self._it_pronouns()
        self._country_anaphors()
        self._they_pronouns()
        self._relative_pronouns()  # "which"/"that" for the organisations resolved since

    def _recent_subject(self, tok: Any, before: list[Draft], wanted: str) -> Draft | None:
        """ "Obama met Putin. He said ...": a subject pronoun prefers the person who was the
        subject of this or the previous sentence over a nearer object."""
        sent = tok.sent
        window = self.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        subjects: list[Draft] = []
        for m in reversed(before):
            if m.start < window:
                break
            if self._gender_of(m) not in (None, wanted):
                continue
            if any(_subject_word(t) is not None for t in self.doc[m.start : m.end]):
                subjects.append(m)
        # "Shamkhani, who said he was tired": the subject of a verb the pronoun depends on first;
        # then ("Manchin said that Blankenship could expect scrutiny. "…," he said") the subject
        # of a main clause outranks the nearer subject of a clause it reports or embeds
        above = {a.i for a in tok.ancestors}
        governing = [m for m in subjects if any(_governs(t, above) for t in self.doc[m.start : m.end])]
        main = [m for m in subjects if any(_main_clause_subject(t) for t in self.doc[m.start : m.end])]
        # "After Kasparov cast his vote, he accused ...": the subject of a clause set before the
        # pronoun's own verb outranks the last sentence's
        fronted = [m for m in subjects if any(_fronted_subject(t, tok) for t in self.doc[m.start : m.end])]
        ranked = governing or fronted or main or subjects
        return ranked[0] if ranked else None

    def _over_its_describer(self, tok: Any, nearest: Draft, before: list[Draft], wanted: str) -> Draft:
        """ "Rove, who served as chief of staff to Bush, refused to testify about misusing his
        power": a possessive refers to the person its clause is about, not to someone named only
        inside the clause or phrase that describes that person."""
        if tok.tag_ != "PRP$":
            return nearest
        above = {a.i for a in tok.ancestors}
        for m in before:
            if m.start < tok.sent.start or m is nearest or self._gender_of(m) not in (None, wanted):
                continue
            subj = next((_subject_word(t) for t in self.doc[m.start : m.end] if _governs(t, above)), None)
            if subj is None:
                continue
            described = {
                x.i for c in subj.children if c.dep_ in ("relcl", "appos", "acl", "prep") for x in c.subtree
            }
            if nearest.start in described and tok.i not in described:
                return m
        return nearest

    def _cataphor(self, tok: Any, persons: list[Draft], wanted: str) -> Draft | None:
        """ "In his speech, Biden said ...": a pronoun in a phrase fronted before its sentence's
        subject refers forward to that subject when the subject is a person."""
        root = tok.sent.root
        subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > tok.i]
        if not subjects or tok.dep_ in ("nsubj", "nsubjpass") or tok.head.i > subjects[0].i:
            return None
        if not any(a.dep_ in ("prep", "advcl", "npadvmod") for a in tok.ancestors if a.i < subjects[0].i):
            return None
        if any(
            root.sent.start <= m.start and m.end <= tok.i and self._gender_of(m) in (None, wanted)
            for m in persons
        ):
            return None  # "Relating to allegations from Chavez that the U.S. plans to kill him": Chavez
        for m in persons:
            if m.start <= subjects[0].i < m.end and self._gender_of(m) in (None, wanted):
                return m
        return None

    def _clause_subjects(self, tok: Any) -> set[int]:
        """For an object pronoun ("him", objective "her"), the tokens of its clause's subject,
        which it cannot refer to; empty for subjects, possessives and reflexives."""
        if tok.tag_ != "PRP" or tok.lower_ not in ("him", "her", "them"):
            return set()
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        out: set[int] = set()
        for _ in range(3):  # "kidnapped two journalists and killed them": the shared subject too
            for child in verb.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    out |= {t.i for t in child.subtree}
            if out or verb.dep_ != "conj":
                break
            verb = verb.head
        return out

    def _relative_pronouns(self) -> None:
        """ "Shamkhani, who said ...": "who" is the person (or body) its clause describes."""
        for tok in self.ix.tokens(("who", "which", "that")):
            if tok.i in self.owner:
                continue
            verb = tok.head
            if tok.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "relcl":
                continue
            noun = verb.head
            owner = self.owner.get(noun.i)
            if owner is None and tok.lower_ == "who":
                # "John Bentel, a staffer who ..." and "Kaine is a lawyer who ...": the person
                # the described noun is in apposition to, or the subject it is predicated of
                if noun.dep_ == "appos":
                    owner = self.owner.get(noun.head.i)
                elif noun.dep_ == "attr":
                    subjects = [c for c in noun.head.children if c.dep_ == "nsubj"]
                    owner = self.owner.get(subjects[0].i) if subjects else None
                if owner is not None and self._kind(self.found[owner].actor_id) != "person":
                    owner = None
            if owner is None:
                continue
            antecedent = self.found[owner]
            if antecedent.how == "drop" or (
                tok.lower_ != "who" and self._kind(antecedent.actor_id) == "person"
            ):
                continue
            self._add(Draft(tok.i, tok.i + 1, antecedent.actor_id, "PRON", "relative", "pronoun"))

    def _they_pronouns(self) -> None:
        """ "they"/"their" outside quotations -> the plural group or organisation named last as a
        subject in this sentence or the one before (never a single person)."""
        doc = self.doc
        for tok in self.ix.tokens(("they", "their", "them")):
            if tok.i in self.owner or tok.text.isupper():
                continue
            if tok.idx < len(self.in_quote) and self.in_quote[tok.idx]:
                continue
            teller = _plural_teller(tok)
            if teller is not None:  # "protestors who said they had been beaten": the protestors
                owner = self.owner.get(teller.i)
                if owner is not None and self.found[owner].how != "drop":
                    self._add(
                        Draft(tok.i, tok.i + 1, self.found[owner].actor_id, "PRON", "pronoun", "pronoun")
                    )
                continue  # whoever they are, not someone named before them
            window_start = _window_start(tok)
            candidates = []
            for m in self.found:
                if not (window_start <= m.start < tok.i) or m.how in ("drop", "demonym", "pronoun"):
                    continue
                actor = self.actor(m.actor_id)
                if actor is None or actor.kind == "person" or actor.kind == "country":
                    continue
                head = doc[m.end - 1]
                if (
                    actor.kind == "group"
                    and head.tag_ not in ("NNS", "NNPS")
                    and head.pos_ != "PROPN"  # a named group ("Greenpeace ... their blog")
                    and head.lower_ not in COLLECTIVE_GOV
                ):
                    continue
                if self.in_quote and self.in_quote[doc[m.start].idx]:
                    continue
                if any(
                    o is not m and o.start <= m.start and m.end <= o.end and o.how != "drop"
                    for o in self.found
                ):
                    continue
                candidates.append(m)
            barred = self._clause_subjects(tok)  # "them" is never its own clause's subject
            candidates = [m for m in candidates if not barred.intersection(range(m.start, m.end))]
            if not candidates:
                continue
            candidates.sort(key=lambda m: m.start)
            subjects = [m for m in candidates if _a_subject(doc[m.end - 1])]
            if not subjects and barred:  # "kidnapped two journalists and killed them": the journalists
                here = self.ix.sent_begin[tok.i]
                subjects = [
                    m
                    for m in candidates
                    if doc[m.end - 1].dep_ == "dobj" and self.ix.sent_begin[m.start] == here
                ]
            if not subjects:
                continue  # "they" is too loose to guess from an object or an aside
            self._add(Draft(tok.i, tok.i + 1, subjects[-1].actor_id, "PRON", "pronoun", "pronoun"))

    def _it_pronouns(self) -> None:
        """ "its" and "it" as the subject of a verb -> the organisation, government or country
        last named as a subject (in this sentence or the one before), else the last one named."""
        doc = self.doc
        for tok in self.ix.tokens(("it", "its")):
            if tok.i in self.owner or tok.text.isupper():
                continue  # "ITS" is an acronym here, not a pronoun
            if tok.idx < len(self.in_quote) and self.in_quote[tok.idx]:
                continue
            if tok.lower_ == "it":
                head = tok.head
                if tok.dep_ not in ("nsubj", "nsubjpass") or head.lemma_ in NON_AGENT_VERBS:
                    continue
                if any(c.dep_ in ("expl", "ccomp", "xcomp") and c.i > head.i for c in head.children) and (
                    head.lemma_ in ("be", "seem", "appear")
                ):
                    continue
            window_start = _window_start(tok)
            candidates = []
            for m in self.found:
                if not (window_start <= m.start < tok.i) or m.how in ("drop", "demonym"):
                    continue
                actor = self.actor(m.actor_id)
                if actor is None:
                    continue
                personal = actor.kind == "person" or m.how in ("person", "titled")
                if personal and doc[m.end - 1].pos_ != "NOUN":
                    continue  # a person is no "it", a person's body is ("the Bush administration")
                if self.in_quote and self.in_quote[doc[m.start].idx]:
                    continue
                if any(
                    o is not m and o.start <= m.start and m.end <= o.end and o.how != "drop"
                    for o in self.found
                ):
                    continue  # inside a larger mention ("Iranian" in "Iranian regime")
                candidates.append(m)
            if not candidates or (tok.lower_ == "it" and self._thing_subject_before(tok, window_start)):
                continue
            candidates.sort(key=lambda m: m.start)
            subjects = [
                m
                for m in candidates
                if doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")
                and doc[m.end - 1].head.pos_ in ("VERB", "AUX")
            ]
            antecedent = (subjects or candidates)[-1]
            self._add(Draft(tok.i, tok.i + 1, antecedent.actor_id, "PRON", "pronoun", "pronoun"))

    def _country_anaphors(self) -> None:
        """ "the country", "the nation" as a party to an act -> the country last named in this
        sentence or the one before, a subject first ("Lebanon said Israel had launched ... The
        country urged the UN", "visit the country", "flew in to the country").  Not where
        something happens or whose ("across the country", "the rest of the country", "the
        country's first policy"), and not in quotes."""
        doc = self.doc
        for tok in self.ix.tokens(("country", "nation")):
            det = tok.i - 1
            if det < 0 or doc[det].lower_ != "the" or tok.tag_ != "NN" or tok.i in self.owner:
                continue
            if self.in_quote and self.in_quote[tok.idx]:
                continue
            party = tok.dep_ in ("nsubj", "dobj") or (tok.dep_ == "pobj" and tok.head.lower_ in _PARTY_PREPS)
            if not party:
                continue
            window_start = _window_start(tok)
            named = [
                m
                for m in self.found
                if window_start <= m.start < det and m.how == "country" and m.actor_id.startswith("country:")
            ]
            if not named:
                continue
            main = [m for m in named if _main_clause_subject(doc[m.end - 1])]
            subjects = [m for m in named if doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")]
            antecedent = max(main or subjects or named, key=lambda m: m.start)
            self._add(Draft(det, tok.i + 1, antecedent.actor_id, "GPE", "definite", "country"))

    def _thing_subject_before(self, tok: Any, window_start: int) -> bool:
        """True when the nearest singular subject before ``tok`` in its window names a thing no
        mention covers ("The plan was approved by the cabinet. It allows ...": the plan allows;
        "The reintroduction of the sponge is noteworthy because it offers ...")."""
        covered = {k for m in self.found if m.how != "drop" for k in range(m.start, m.end)}
        for t in reversed(self.doc[window_start : tok.i]):
            if t.dep_ not in ("nsubj", "nsubjpass") or t.head.pos_ not in ("VERB", "AUX"):
                continue
            if (self.in_quote and self.in_quote[t.idx]) or any(c.dep_ == "conj" for c in t.children):
                continue  # words quoted, or a list ("the health and lives"): not what "it" is
            if t.i in covered or t.pos_ == "PRON":
                return False
            if t.tag_ in ("NN", "NNP"):
                return _a_thing(t) and self.kb.agent(t.text) is None
        return False


def _window_start(tok: Any) -> int:
    """The first token of the sentence before ``tok``'s (of its own when it is the first): where
    a pronoun or a description looks back for what it stands for."""
    sent = tok.sent
    return int(tok.doc[sent.start - 1].sent.start) if sent.start > 0 else int(sent.start)


def _a_thing(t: Any) -> bool:
    """A common noun that names no body and no doer ("the plan", "the reintroduction"), or a
    name of a text or a place ("Program", "Declaration")."""
    lower = t.lower_
    if t.pos_ == "PROPN":
        return lower in NOT_A_BODY
    if t.pos_ != "NOUN" or any(
        lower in words for words in (ORG_WORDS, GROUP_ANAPHORS, BODY_NOUNS, PLACE_BODIES)
    ):
        return False
    return not lower.endswith(_DOER_ENDINGS)


#: prepositions whose object is a party to an act ("talks with the country", "flew to it")
_PARTY_PREPS = {"to", "into", "with", "against"}

#: endings of nouns that may name a doer ("the manufacturer", "the government", "the
#: operator"): "it" may stand for such a subject, so it is not read as a thing
_DOER_ENDINGS = ("er", "or", "ist", "ant", "ent", "ian")


#: verbs that give a noun its name ("a man named Abu Marwan al-Suri was killed")
NAMING_VERBS = {"name", "call"}


def _a_subject(tok: Any) -> bool:
    """True for a subject, or the people a counted subject is part of ("two of the terrorists
    were attempting to hide")."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.like_num:
        tok = tok.head.head
    return tok.dep_ in ("nsubj", "nsubjpass")


def _subject_word(tok: Any) -> Any | None:
    """The subject ``tok`` is, stands in apposition to ("The leader, Lieutenant Felix Carman,
    said") or names ("a man named Abu Marwan al-Suri was killed"), when its verb is a verb;
    else None."""
    subj = tok.head if tok.dep_ == "appos" else tok
    if subj.dep_ in ("oprd", "dobj") and subj.head.dep_ == "acl" and subj.head.lemma_ in NAMING_VERBS:
        subj = subj.head.head
    if subj.dep_ in ("nsubj", "nsubjpass") and subj.head.pos_ in ("VERB", "AUX"):
        return subj
    return None


def _attributing(tok: Any) -> bool:
    """Whether ``tok`` is in an "according to" phrase: the source of a report."""
    return any(a.lower_ == "according" for a in tok.ancestors)


def _governs(tok: Any, above: set[int]) -> bool:
    """Whether ``tok`` is the subject of one of the verbs ``above`` (a pronoun's ancestors)."""
    subj = _subject_word(tok)
    return subj is not None and subj.head.i in above


def _fronted_subject(tok: Any, pronoun: Any) -> bool:
    """Whether ``tok`` is the subject of an adverbial clause set before ``pronoun`` and hung on
    the pronoun's own verb ("When Kasparov arrived in Moscow, he criticized")."""
    subj = _subject_word(tok)
    clause = subj.head if subj is not None else None
    return (
        clause is not None
        and clause.dep_ == "advcl"
        and clause.i < pronoun.i
        and clause.head.i == pronoun.head.i
        and pronoun.dep_ in ("nsubj", "nsubjpass")
    )


def _main_clause_subject(tok: Any) -> bool:
    """Whether ``tok`` is (in apposition to) the subject of its sentence's main verb or of a verb
    conjoined to it."""
    subj = _subject_word(tok)
    if subj is None:
        return False
    verb = subj.head
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    return bool(verb.dep_ == "ROOT")


def _plural_teller(tok: Any) -> Any | None:
    """The plural noun, or the state or organisation named, that tells of "they", the subject
    of what it says: "protestors who said they had been beaten", "the workers say they were not
    paid", "the U.S. says that they may attack targets inside Pakistan"; None otherwise."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "ccomp":
        return None
    telling = tok.head.head
    subjects = [c for c in telling.children if c.dep_ == "nsubj" and c.i < tok.i]
    if not subjects:
        return None
    teller = subjects[0]
    if teller.lower_ in ("who", "that") and telling.dep_ == "relcl":
        teller = telling.head  # the relative pronoun's antecedent
    return teller if teller.tag_ in ("NNS", "NNPS") or teller.ent_type_ in ("GPE", "ORG", "NORP") else None
