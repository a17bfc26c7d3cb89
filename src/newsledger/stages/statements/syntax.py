"""Reading the parse: cue tokens, speakers (subjects, authors of speech nouns) and the content a cue governs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ...knowledge.wordlists import word_lists
from ...text.quotes import ALL_MARKS
from ..nlp import text_of
from .dateline import after_dateline, dateline_end
from .lexicon import CueLexicon
from .modality import object_is_proposition
from .relayed import quote_frame

RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


_SAY_FORMS = frozenset({"said", "says", "say"})


def is_cue_token(tok: Any, lemmas: frozenset[str]) -> bool:
    if tok.lower_ in _SAY_FORMS and "say" in lemmas:  # "Said Ellis: …" is often tagged PROPN
        return True
    return bool(tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in lemmas)


def cue_extent(tok: Any) -> tuple[tuple[int, int], str]:
    """The cue as written: the verb and its particle ("point out"), or "according to"."""
    toks = [tok]
    if tok.lower_ == "according":
        toks += [c for c in tok.children if c.lower_ == "to"]
    else:
        toks += [c for c in tok.children if c.dep_ == "prt"]
    toks.sort(key=lambda t: t.i)
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    return (start, end), " ".join(t.text for t in toks)


#: Nouns for what was said: their author, when the text names one, is the speaker.
SPEECH_NOUNS = word_lists("statement_words.yaml").words("speech_nouns")


def nominal_subject(verb: Any) -> Any | None:
    """The ``nsubj`` or ``nsubjpass`` child of ``verb``, if it has one."""
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


#: Participle and infinitive clauses whose subject is that of the verb they hang from.
_SUBJECTLESS_CLAUSES = frozenset({"acl", "advcl", "xcomp", "conj", "pcomp"})


def _author_of(noun: Any) -> Any | None:
    """Who made a statement-noun: "his comments" -> his; "Mojahed released a statement
    describing …" / "Zarif was criticized for comments that …" -> the subject of the verb."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    node = noun
    for _ in range(4):
        if node.head == node:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            subj = nominal_subject(node) or controller(node)
            if subj is None and node.dep_ in _SUBJECTLESS_CLAUSES:
                continue  # "The U.N. condemned the attack, releasing a statement saying …"
            if (
                subj is not None
                and subj.i != noun.i
                and subj.lemma_.lower() not in SPEECH_NOUNS
                and "\n" not in noun.doc[min(subj.i, noun.i) : max(subj.i, noun.i)].text_with_ws
            ):
                return subj
            return None
    return None


def speaker_head(cue: Any) -> Any | None:
    """The head token of the speaker of ``cue``; of a title with a name in apposition, the name
    ("The CEO of Southern Company, Thomas Fanning, said": Fanning speaks, not his company)."""
    head = _speaker_token(cue)
    if head is not None and head.i < cue.i:
        head = after_dateline(cue, head)
    if head is not None and head.pos_ == "NOUN":
        return named_in_apposition(head) or head
    if head is not None and head.pos_ in ("PROPN", "NUM") and head.ent_type_ in ("", "CARDINAL"):
        # a title the tagger made a name, or "one of the leaders": the person named beside it
        # ("Asian Regional Strategist at JPMorgan Chase, Adrian Mowat, believes"); not a name
        # of its own ("the SLA, JEM, and the AU have promised": the parser's apposition)
        named = named_in_apposition(head)
        return named if named is not None and named.ent_type_ == "PERSON" else head
    return head


def named_in_apposition(title: Any) -> Any | None:
    """The name in apposition to a title, or (the parser's usual attachment for "the CEO of X,
    Name,") to the object of its "of"/"at"/"for" phrase when the name is a person's."""
    named = next((c for c in title.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if named is not None:
        return named
    for prep in title.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "at", "for"):
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            person = [c for c in obj.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
            if person:
                return person[0]
    return None


def _speaker_token(cue: Any) -> Any | None:
    if cue.lower_ == "according":
        for to in cue.children:
            if to.lower_ == "to":
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        return obj
        return None
    frame = quote_frame(cue)  # "Reuters quoted X as saying": X speaks, Reuters relays
    head = frame[0] if frame else subject_of(cue) or _as_frame_speaker(cue) or _compound_subject(cue)
    if head is not None and head.lemma_.lower() in SPEECH_NOUNS:
        head = _author_of(head) or head
    # (a token slice, not doc.text: spaCy rebuilds the whole text on each access)
    if head is not None and "\n" in cue.doc[min(head.i, cue.i) : max(head.i, cue.i)].text_with_ws:
        # the parser joined a heading or a timestamp to the sentence: keep the words of the
        # subject that stand in the cue's own paragraph
        lo = text_of(cue.doc).rfind("\n", 0, cue.idx) + 1
        near = [t for t in head.subtree if lo <= t.idx < cue.idx and t.pos_ in ("NOUN", "PROPN", "PRON")]
        return near[-1] if near else None
    return head


def _as_frame_speaker(cue: Any) -> Any | None:
    """ "As one analyst put it, …" / "As Dell said, …": the parser often hangs the speaker from
    the "as" of the frame instead of making it the cue's subject."""
    if cue.dep_ not in ("advcl", "ccomp", "conj", "ROOT"):
        return None
    sent_start = cue.sent.start
    for tok in cue.doc[sent_start : cue.i]:
        if tok.lower_ == "as" and tok.dep_ in ("prep", "mark"):
            obj = next((c for c in tok.children if c.dep_ == "pobj" and c.i < cue.i), None)
            between = cue.doc[obj.i + 1 : cue.i] if obj is not None else []
            if obj is not None and not any(t.pos_ in ("VERB", "AUX") for t in between):
                return obj
    return None


def _compound_subject(cue: Any) -> Any | None:
    """ "Sudanese media states that …": a noun the parser made a compound of the cue verb."""
    return next((c for c in cue.lefts if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")), None)


#: Verbs whose object, not their subject, does what their infinitive says ("led X to fear").
_SUBJECT_CONTROL = frozenset({"promise", "vow", "threaten"})
#: Verbs of showing and perceiving whose object's participle is the object's act.
_PERCEPTION = frozenset({"see", "hear", "show", "catch", "watch", "film", "record", "feature", "depict"})
#: Pronouns a free relative ("what they call …") shares with the clause that holds it.
_BOUND_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})


def _subject_child(verb: Any) -> Any | None:
    """The verb's subject; never a dash or a mark the tagger made a noun ("public ― Trump boasted");
    of two, the nearer one before the verb ("Campaigning in New York City, Bill Clinton said");
    for a participle, never a noun after it ("calling the plan a necessity": the plan is its object)."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and any(ch.isalnum() for ch in c.text)]
    before = [c for c in subjects if c.i < verb.i]
    if before:
        return before[-1]
    return None if verb.tag_ == "VBG" or not subjects else subjects[0]


def controller(verb: Any) -> Any | None:
    """The object that controls an infinitive ("led the journalist to fear", "prompted his wife
    to make"): with such verbs the object does the infinitive's act, not the subject."""
    if verb.dep_ != "xcomp" or verb.head.lemma_.lower() in _SUBJECT_CONTROL:
        return None
    return next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)


def _participle_object(cue: Any) -> Any | None:
    """ "footage of Hillary Clinton asking, …", "caught him saying": a participle right after an
    object noun (no comma between) describes that noun's act."""
    if cue.tag_ != "VBG" or cue.i == 0 or cue.dep_ not in ("xcomp", "advcl", "acl", "ccomp"):
        return None
    prev = cue.doc[cue.i - 1]
    if prev.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    if (prev.dep_ == "pobj" and prev.head.lower_ == "of") or (
        prev.dep_ == "dobj" and prev.head.lemma_.lower() in _PERCEPTION
    ):
        return prev  # not "criticised the plan saying …": the plan does not speak
    return None


def _adjunct_of_cue(cue: Any) -> Any | None:
    """ "Sanders said, going on to say …", "he said Friday, adding …": a participle clause right
    after a cue with a subject speaks for that subject, whatever the parser hung it from."""
    if cue.tag_ not in ("VBG", "VB"):
        return None
    node = cue
    if cue.tag_ == "VB" and cue.dep_ == "xcomp" and cue.head.tag_ == "VBG":
        node = cue.head  # "going on to say"
    if node.i < 2 or node.doc[node.i - 1].text != ",":
        return None
    for tok in reversed(node.doc[max(node.sent.start, node.i - 12) : node.i - 1]):
        if tok.pos_ in ("VERB", "AUX"):
            # "Clinton seemed ready to riff on the incident in Iowa, telling the crowd, …"
            subj = _subject_child(tok) or _climb(tok)
            return subj if subj is not None and subj.dep_ == "nsubj" else None
        if tok.dep_ not in _ADJUNCT_DEPS:
            return None
    return None


#: Words of a phrase between a clause's verb and a participle after it ("riff on the incident in
#: Iowa, telling …").
_ADJUNCT_DEPS = frozenset(
    {"npadvmod", "advmod", "pobj", "prep", "compound", "det", "amod", "nummod", "poss", "case"}
)


def bound_subject(cue: Any, subj: Any) -> Any | None:
    """ "The Council … pledged sanctions as a deterrence to what it called …": a pronoun subject
    of a free relative (``what`` is the cue's object) is the subject of the clause above it, when
    that subject can be what the pronoun stands for."""
    if subj.lower_ not in _BOUND_PRONOUNS or not any(c.lower_ == "what" for c in cue.children):
        return None
    node = cue
    for _ in range(6):
        if node.head == node:
            return None
        node = node.head
        if node.pos_ not in ("VERB", "AUX"):
            continue
        outer = _subject_child(node)
        if outer is None or outer.i > cue.i:
            continue
        if outer.dep_ == "nsubj" and _agrees(subj, outer):
            return outer
        return None
    return None


def speaker_above(cue: Any, subj: Any, lemmas: frozenset[str]) -> Any | None:
    """ "Election officials say his name will remain on the ballot, as they assert he missed the
    deadline": the pronoun subject of a cue in a clause under (or joined to) another cue's is
    that cue's speaker, when that speaker is named before it and can be what the pronoun stands
    for.  An adverbial clause counts only as a frame ("as they assert"): in "because it does not
    ask" the pronoun is anything the sentence names."""
    if subj.lower_ not in _BOUND_PRONOUNS or cue.dep_ not in ("advcl", "conj"):
        return None
    if cue.dep_ == "advcl" and not any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        return None
    node = cue
    for _ in range(4):
        if node.head == node:
            return None
        node = node.head
        if node.pos_ not in ("VERB", "AUX") or not is_cue_token(node, lemmas):
            continue
        outer = _subject_child(node)
        if outer is None or outer.dep_ != "nsubj" or outer.pos_ == "PRON" or outer.i > subj.i:
            return None
        if any(c.dep_ == "conj" for c in outer.children):
            return None  # "Even China, Pyongyang's only ally and …, said it …": a list or not
        return outer if _agrees(subj, outer) else None
    return None


def _agrees(pronoun: Any, noun: Any) -> bool:
    word: str = pronoun.lower_
    other: str = noun.lower_
    person: bool = noun.ent_type_ == "PERSON"
    if noun.pos_ == "PRON":
        return other == word or {other, word} <= {"it", "they"}
    if word in ("he", "she"):
        return person
    if word == "it":
        return not person and noun.tag_ in ("NN", "NNP")
    return not person  # "they": a plural or a body ("Clinton's campaign")


def _folded_subject(cue: Any) -> Any | None:
    """ "In a meeting with the board of the Washington Post Trump said that …": with no comma
    after a fronted phrase the parser folds the subject into it; a finite main cue with no
    subject takes the name or personal pronoun right before it."""
    if cue.i == 0 or cue.tag_ not in ("VBD", "VBZ", "VBP") or cue.dep_ not in ("ROOT", "ccomp", "conj"):
        return None
    prev = cue.doc[cue.i - 1]
    if prev.text == "," and cue.i > 1 and cue.doc[cue.i - 2].ent_type_ in ("PERSON", "ORG"):
        # "On June 1st, 2005 Secretary of Defense Donald H. Rumsfeld, said, …": a stray comma
        # parts the name from its verb, and the parser hangs the name elsewhere
        prev = cue.doc[cue.i - 2]
    if prev.dep_ in ("poss", "case") or prev.sent.start != cue.sent.start:
        return None
    if (prev.pos_ == "PROPN" and prev.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")) or prev.lower_ in (
        "he", "she", "they", "we", "i",
    ):  # fmt: skip
        return prev
    return None


def subject_of(cue: Any) -> Any | None:
    found = _subject_climb(cue) or _folded_subject(cue)
    if found is not None and found.pos_ == "PRON":
        return bound_subject(cue, found) or found
    return found


def _subject_climb(cue: Any) -> Any | None:
    if _subject_child(cue) is None:
        early = _participle_object(cue) or _adjunct_of_cue(cue)
        if early is not None:
            return early
    return _climb(cue)


def _climb(cue: Any, steps: int = 5) -> Any | None:
    """The subject of ``cue``'s clause, climbing through conjunctions, participles, infinitives
    and adjectival complements ("seemed ready to riff") to a clause that has one."""
    tok = cue
    for _ in range(steps):
        subj = _clause_subject(tok)
        if subj is not None:
            if subj.lower_ in RELATIVE_PRONOUNS and tok.dep_ == "relcl":
                return tok.head
            if subj.dep_ == "nsubjpass" and (tok is cue or subj.lower_ == "it"):
                return _stray_agent(tok)  # "it was reported that …": no speaker in the text
            return subj  # "the mayor is expected to say …": the raised subject speaks
        if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            if tok.dep_ == "acl" and tok.tag_ == "VBG" and _set_off(tok):
                # "Katter described the "huge gap" between …, also asking "…"": a participle
                # after a comma goes with the sentence's subject, not the noun before it
                return _clause_subject(tok.sent.root)
            if tok.dep_ == "relcl" or tok.tag_ == "VBG":  # "footage of Clinton asking, …"
                return tok.head
            return None
        if tok.dep_ in ("advcl", "xcomp") and tok.tag_ not in ("VBG", "VB", "VBN"):
            return None
        ctrl = controller(tok) if tok.dep_ in ("conj", "advcl", "xcomp") else None
        if ctrl is not None:
            return ctrl
        nxt = _up(tok)
        if nxt is None:
            return None
        tok = nxt
    return None


#: Entity types that can be the agent of a passive speech verb.
_AGENT_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _stray_agent(verb: Any) -> Any | None:
    """The agent of a passive cue that the parser hung lower in its clause ("COVID-19 was
    announced to be a "pandemic" by the World Health Organization": "by" under "pandemic"); not
    one inside another verb's phrase ("was said to be killed by a bomb")."""
    for by in verb.subtree:
        if by.lower_ != "by" or by.dep_ != "prep" or by.i < verb.i:
            continue
        obj = next((c for c in by.children if c.dep_ == "pobj"), None)
        if obj is None or not (obj.ent_type_ in _AGENT_TYPES or obj.pos_ == "PROPN"):
            continue
        node = by.head
        while node != verb and node.pos_ != "VERB" and node.head != node:
            node = node.head
        if node == verb:
            return obj
    return None


def _set_off(tok: Any) -> bool:
    """Whether a comma (and at most an adverb) stands right before ``tok``."""
    k = tok.i - 1
    while k >= tok.sent.start and tok.doc[k].pos_ == "ADV":
        k -= 1
    return bool(k >= tok.sent.start and tok.doc[k].text == ",")


def _clause_subject(tok: Any) -> Any | None:
    """The subject of ``tok``'s own clause: the agent of a passive, the object of a misparsed
    "Of Carson, Levine said"."""
    subj = _subject_child(tok)
    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
    if subj is not None and subj.dep_ == "nsubjpass" and agent is not None:
        subj = next((c for c in agent.children if c.dep_ == "pobj"), None)
    if subj is not None and subj.pos_ == "ADP":
        subj = next((c for c in subj.children if c.dep_ == "pobj"), None) or subj
    return subj


def _up(tok: Any) -> Any | None:
    """The verb a subjectless clause hangs from, or None."""
    if tok.dep_ == "pcomp" and tok.head.dep_ == "prep":  # "… before asking her, …"
        return tok.head.head
    if tok.dep_ in ("conj", "advcl", "xcomp") and tok.head != tok:
        return tok.head
    if tok.dep_ == "acomp" and tok.head.pos_ in ("VERB", "AUX"):  # "seemed ready to riff"
        return tok.head
    return None


def speaker_span(head: Any) -> tuple[int, int]:
    """The speaker as written: the noun phrase up to its head, with short "of/for" attachments."""
    left = head.left_edge
    end_tok = head
    for child in head.rights:
        if child.dep_ in ("compound", "flat", "nummod", "case"):
            end_tok = max(end_tok, child.right_edge, key=lambda t: t.i)
        elif child.dep_ == "prep" and child.lower_ in ("of", "for", "at", "from"):
            sub = list(child.subtree)
            if len(sub) <= 8 and not any(t.text in ",;" for t in sub):
                end_tok = max(end_tok, child.right_edge, key=lambda t: t.i)
        else:
            break
    # a left edge reaching into an appositive or a quote is cut back to the head's own phrase
    toks = [t for t in head.doc[left.i : end_tok.i + 1]]
    if any("\n" in t.text for t in toks):  # never reach across a paragraph break (headings)
        cut = (
            max(i for i, t in enumerate(toks) if "\n" in t.text and t.i < head.i)
            if any("\n" in t.text and t.i < head.i for t in toks)
            else -1
        )
        toks = [t for t in toks[cut + 1 :] if "\n" not in t.text]
    dateline = dateline_end(head.doc, head.idx)
    if 0 <= dateline <= head.idx:  # "LONDON (Reuters) - Donald Trump said": not the dateline
        toks = [t for t in toks if t.idx >= dateline]
    cuts = [k for k, t in enumerate(toks) if t.i < head.i and (t.text in ALL_MARKS or t.text in ",;:")]
    if cuts:  # the left edge reached back over a closing quote or a clause boundary
        toks = toks[cuts[-1] + 1 :]
    while toks and (
        toks[0].is_punct or toks[0].is_space or toks[0].text in ALL_MARKS or toks[0].lower_ in _SAY_FORMS
    ):
        toks.pop(0)
    while toks and (toks[-1].is_space or toks[-1].text in "([,;"):
        toks.pop()
    if not toks:
        return head.idx, head.idx + len(head)
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def without_other_reports(content: list[Any], cue: Any, cues: frozenset[str]) -> list[Any]:
    """``content`` less the cue itself and any conjoined clause that reports another speaker:
    "She said fathers would not be eligible, and when pressed, the mother replied, “…”" reports
    two statements; the second (often a quotation) is not part of the first."""
    skip = {cue.i}
    for t in content:
        if t.dep_ == "conj" and t.i > cue.i and is_cue_token(t, cues) and nominal_subject(t) is not None:
            skip.update(k.i for k in t.subtree)
            skip.update(c.i for c in t.head.children if c.dep_ == "cc" and c.i < t.i)
    return [t for t in content if t.i not in skip]


_SAY_LEMMAS = frozenset({"say", "tell", "add"})


def _bare_finite_clause(verb: Any) -> bool:
    """A clause with its own subject and a finite verb, and no subordinator ("when", "because"):
    a reported clause the parser took for an adverbial one."""
    kids = list(verb.children)
    if any(k.dep_ == "mark" or (k.dep_ == "advmod" and k.tag_ == "WRB") for k in kids):
        return False
    if nominal_subject(verb) is None:
        return False
    return verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        k.dep_ in ("aux", "auxpass") and k.tag_ in ("MD", "VBD", "VBZ", "VBP") for k in kids
    )


def span_of(tokens: Sequence[Any]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ALL_MARKS + ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ALL_MARKS + ",;:—–-"):
        end -= 1
    return start, end


def complement_of(cue: Any, lex: CueLexicon) -> list[Any] | None:
    """The tokens of what ``cue`` reports, from its dependency children; None when it has none."""
    lemma = cue.lemma_.lower()
    # what follows the cue first: in "The revelation set off fireworks: Republicans said they …"
    # the parser hangs the clause before the colon from "said" as well
    children = sorted(cue.children, key=lambda c: (c.i < cue.i, c.i))
    clause = _clausal_child(children) or _clause_of_speech_noun(children)
    if clause is not None:
        return list(clause.subtree)
    if lemma in _SAY_LEMMAS:
        bare = _bare_clause_after(cue, children)
        if bare is not None:
            return bare
    if lemma in lex.xcomp_cues:
        found = _xcomp_content(lemma, children)
        if found is not None:
            return found
    if lemma in lex.objects:
        obj = next((c for c in children if c.dep_ == "dobj"), None)
        # "voiced concerns that …" reports a proposition; "criticized the invitation" is an act
        if obj is not None and (not lex.speech_only or object_is_proposition(obj)):
            return list(obj.subtree)
    if lemma in lex.attitude:
        return _attitude_content(cue)
    if cue.dep_ == "parataxis" and lemma in lex.speech:  # "The economy, he said, is weak."
        own = {t.i for t in cue.subtree}
        rest = [t for t in cue.head.subtree if t.i not in own]
        return rest or None
    return None


def _clausal_child(children: Sequence[Any]) -> Any | None:
    """A ``ccomp``/``csubj``, or another child the parser gave a "that"/"whether"/"if" mark."""
    for child in children:
        if child.dep_ in ("ccomp", "csubj") or (
            child.dep_ in ("dobj", "advcl", "dep", "xcomp", "attr")
            and any(g.dep_ == "mark" and g.lower_ in ("that", "whether", "if") for g in child.children)
        ):
            return child
    return None


def _clause_of_speech_noun(children: Sequence[Any]) -> Any | None:
    """ "said in a statement that the law would …": the parser hangs the that-clause from the
    statement noun of the cue's "in" phrase, not from the cue."""
    for prep in children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "through", "via"):
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj" or noun.lemma_.lower() not in SPEECH_NOUNS:
                continue
            for child in noun.children:
                if child.dep_ in ("acl", "ccomp") and any(
                    g.dep_ == "mark" and g.lower_ == "that" for g in child.children
                ):
                    return child
    return None


def _bare_clause_after(cue: Any, children: Sequence[Any]) -> list[Any] | None:
    """ "said after the convention he would not accept …": from the clause's subject on."""
    for child in children:
        subj = nominal_subject(child)
        if child.dep_ == "advcl" and child.i > cue.i and subj is not None and _bare_finite_clause(child):
            return [t for t in child.subtree if t.i >= subj.left_edge.i]
    return None


def _xcomp_content(lemma: str, children: Sequence[Any]) -> list[Any] | None:
    """ "urged X to …", "vowed to …"; "called for …" / "called on X to …"."""
    for child in children:
        if child.dep_ == "xcomp":
            return list(child.subtree)
    if lemma == "call":
        for child in children:
            if child.dep_ == "prep" and child.lower_ in ("for", "on"):
                return list(child.subtree)
    return None


_ATTITUDE_PREPS = frozenset({"about", "of", "to", "for", "on", "against", "with", "as"})


def _attitude_content(cue: Any) -> list[Any] | None:
    """What a verb of stance or intention is about: its xcomp ("wants to leave"), its object
    ("attacked the media", with an object predicate), or its prepositional object ("pointed to
    reports", "warned against hackers")."""
    children = list(cue.children)
    for child in children:
        if child.dep_ == "xcomp":
            return list(child.subtree)
    if cue.lemma_.lower() == "call" and not any(c.dep_ == "oprd" for c in children):
        # "called the plan a disgrace" reports; "called a meeting" does not
        preps = [c for c in children if c.dep_ == "prep" and c.lower_ in ("for", "on")]
        return list(preps[0].subtree)[1:] or None if preps else None
    objs = [c for c in children if c.dep_ in ("dobj", "oprd", "dative")]
    if objs:
        toks = [t for c in objs for t in c.subtree]
        preps = [
            c for c in children if c.dep_ == "prep" and c.lower_ in ("as", "for", "of") and c.i > objs[0].i
        ]
        toks += [t for c in preps[:1] for t in c.subtree]
        return toks
    for child in children:
        if child.dep_ == "prep" and child.lower_ in _ATTITUDE_PREPS:
            sub = list(child.subtree)
            return sub[1:] if len(sub) > 1 else None
    return None
