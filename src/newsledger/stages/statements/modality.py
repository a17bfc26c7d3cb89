"""Is a cue a speech act, and was the speech negated or hypothetical?

A ledger of what was said keeps speech acts only (``CueLexicon.speech_only``): verbs of saying
with what they report.  Classes of cue that are not speech, whatever the verb, are left out:

* intentions, plans and attitudes ("plans to", "is seeking", "offered", "opposes": the
  ``attitude`` class) are acts or states, coded as events when they are;
* an evidential verb ("show", "indicate", "reveal", …: the ``evidential`` class) whose subject is
  a document, a figure or an event ("a poll shows that …", "Canada's actions signal …") reports
  what the evidence says, not what someone said;
* a speech verb whose object names an act or an attitude rather than a proposition ("expressed
  disapproval of the visit", "criticized the invitation", "denied the visit") is an event (CAMEO
  01-12), not a statement; with a clause in its object ("voiced concerns that …") it is speech;
* of the verbs whose ``xcomp`` is the content, only those that are themselves speech acts
  ("urged X to …", "vowed to …"), not "agreed to" or "declined to";
* a complement with no finite verb ("police found the two lying dead", "found him guilty") is
  a perception or a verdict, not a proposition someone put forward ("found that the crane had
  been overloaded" is one);
* a verb that is not used as a verb of saying here: an imperative addressed to the reader
  ("Note that he did not answer …"), the connective "That said, …", a gerund that is the subject
  of its clause ("telling their stories would help them": nobody is said to tell anything), a
  reduced passive ("compliant when asked to write confessions": who was asked does not speak);
* a verb of belief with an embedded question ("only the voters know who they will pick",
  "until they know if they are alive") asserts nothing; asking ("asked whether …") is speech.

Speech the text says did not happen ("did not say", "declined to say", "does not indicate") is
*negated*; speech in the future, under a condition or as an intention ("will announce", "if
asked, he would say", "plans to tell") is *hypothetical*.  Both stay statements, flagged.
"""

from __future__ import annotations

from typing import Any

from ...knowledge.wordlists import word_lists
from ...text.quotes import ALL_MARKS
from .lexicon import CueLexicon

__all__ = [
    "evidence_only",
    "not_a_speech_verb",
    "object_is_proposition",
    "open_question",
    "small_clause",
    "speech_flags",
]

_WORDS = word_lists("statement_words.yaml")  # the word lists below: see the file's comments

MODALS = _WORDS.words("modals")
CONDITIONAL_MARKS = _WORDS.words("conditional_marks")
#: Heads whose xcomp is speech that has not happened yet ("plans to announce", "expected to say").
INTENT_HEADS = _WORDS.words("intent_heads")
#: Heads whose xcomp is speech that did not happen ("refused to say", "declined to comment").
REFUSAL_HEADS = _WORDS.words("refusal_heads")
#: Subjects that are not speakers of an evidential verb: pronouns that stand for a finding.
_NON_AGENT_PRONOUNS = _WORDS.words("non_agent_pronouns")


def speech_flags(cue: Any) -> tuple[bool, bool]:
    """(negated, hypothetical) for a cue token: its own negation, modal or condition, and those
    of the verbs it is the complement of ("did not want to say", "refused to confirm")."""
    negated = _negated(cue)
    hypothetical = _modal(cue)
    cur, hops = cue, 0
    while cur.dep_ in ("xcomp", "acomp", "advcl") and cur.head != cur and hops < 3:
        head = cur.head
        if cur.dep_ == "advcl" and not any(c.lower_ == "to" for c in cur.children):
            break  # "…, he said after the meeting": not a complement
        lemma = head.lemma_.lower()
        if lemma in REFUSAL_HEADS:
            negated = True
        elif lemma in INTENT_HEADS:
            hypothetical = True
        negated = negated or _negated(head)
        hypothetical = hypothetical or _modal(head)
        cur, hops = head, hops + 1
    return negated, hypothetical


def _negated(tok: Any) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in tok.children)


def _modal(tok: Any) -> bool:
    kids = list(tok.children)
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in kids):
        return True
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in kids):
        return True
    # "going to say": the aux "going" hangs as the head
    return bool(tok.dep_ == "xcomp" and tok.head.lower_ == "going")


def evidence_only(cue: Any, subject: Any | None, lex: CueLexicon) -> bool:
    """True when an evidential cue's subject is a document, a figure or an event, not a speaker."""
    if subject is None or cue.lemma_.lower() not in lex.evidential:
        return False
    if subject.lower_ in _NON_AGENT_PRONOUNS:
        return True
    return subject.pos_ in ("NOUN", "PROPN") and subject.lemma_.lower() in lex.non_agents


def object_is_proposition(obj: Any) -> bool:
    """A direct object that holds a clause ("concerns that it could turn …", "the claim that …")
    or a quotation: what a speech verb with that object reports is a proposition."""
    for tok in obj.subtree:
        if tok.i == obj.i:
            continue
        if tok.dep_ in ("acl", "ccomp") and any(
            c.dep_ in ("nsubj", "nsubjpass", "mark") for c in tok.children
        ):
            return True
        if tok.text in ALL_MARKS:
            return True
    return False


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def small_clause(cue: Any) -> bool:
    """True when the cue's clausal complement has no finite verb and no complementiser: "found
    the two lying dead", "found him guilty" (a small clause), not "found (that) it had failed"."""
    clause = next((c for c in cue.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return False
    kids = list(clause.children)
    if any(k.dep_ == "mark" for k in kids) or clause.tag_ in _FINITE_TAGS:
        return False
    return not any(k.dep_ in ("aux", "auxpass") and k.tag_ in _FINITE_TAGS | {"TO"} for k in kids)


_QUESTION_OPENERS = _WORDS.words("question_openers")


def open_question(cue: Any, first_word: str, lex: CueLexicon) -> bool:
    """True for a belief cue whose complement opens with a question word ("know if …")."""
    return cue.lemma_.lower() in lex.belief and first_word.lower() in _QUESTION_OPENERS


_DEMONSTRATIVES = frozenset({"that", "this"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})


def not_a_speech_verb(tok: Any) -> bool:
    """True when a cue word is not used as a verb of saying (see the module's list)."""
    return _imperative(tok) or _connective(tok) or _gerund_subject(tok) or _reduced_passive(tok)


def _imperative(tok: Any) -> bool:
    """ "Note that …", "Remember that …": a bare verb opening its sentence with no subject."""
    if tok.tag_ != "VB" or tok.dep_ != "ROOT" or any(c.dep_ in _SUBJECT_DEPS for c in tok.children):
        return False
    lead = [t for t in tok.doc[tok.sent.start : tok.i] if not (t.is_punct or t.is_space)]
    return not lead


def _connective(tok: Any) -> bool:
    """ "That said, …" / "This said, …": a demonstrative right before "said" and a comma after."""
    doc = tok.doc
    if tok.lower_ != "said" or tok.i == 0 or tok.i + 1 >= len(doc):
        return False
    return doc[tok.i - 1].lower_ in _DEMONSTRATIVES and doc[tok.i + 1].text == ","


def _gerund_subject(tok: Any) -> bool:
    return bool(tok.tag_ == "VBG" and tok.dep_ in _SUBJECT_DEPS)


def _reduced_passive(tok: Any) -> bool:
    """ "when asked to …", "if pressed on …": a past participle adverbial with no subject and no
    auxiliary of its own is passive; its clause's subject is who was asked."""
    if tok.tag_ != "VBN" or tok.dep_ not in ("advcl", "acl"):
        return False
    return not any(c.dep_ in (*_SUBJECT_DEPS, "aux", "auxpass", "agent") for c in tok.children)
