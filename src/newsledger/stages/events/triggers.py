"""The triggers of a sentence: the verbs, adjectives and nouns a verb dictionary codes, with
the pattern that matched around each (:mod:`.matcher`), before any roles are read."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from spacy.attrs import POS, TAG
from spacy.strings import get_string_id

from ...knowledge.petrarch_verbs import VerbDictionary
from ...knowledge.wordlists import word_lists
from ...models import AnalyzedArticle
from .matcher import Match, Matcher

__all__ = ["RawTrigger", "could_trigger", "triggers"]


@dataclass
class RawTrigger:
    tok: Any
    span: tuple[int, int]  # token span of the trigger
    match: Match
    nominal: bool = False


#: parts of speech a trigger can have (any verb tag counts too: see :func:`triggers`)
_TRIGGER_POS = frozenset(get_string_id(p) for p in ("VERB", "AUX", "ADJ", "NOUN", "PROPN"))


def could_trigger(doc: Any) -> list[bool]:
    """Per token: a verb tag or a part of speech that :func:`triggers` reads, from one array
    call, so that the other tokens (determiners, punctuation, ...) are not made Token objects."""
    strings = doc.vocab.strings
    verb_tags: dict[int, bool] = {}
    out: list[bool] = []
    for tag, pos in doc.to_array([TAG, POS]).tolist():
        if tag not in verb_tags:
            verb_tags[tag] = strings[tag].startswith("VB") if tag else False
        out.append(verb_tags[tag] or pos in _TRIGGER_POS)
    return out


def triggers(
    item: AnalyzedArticle, vd: VerbDictionary, m: Matcher, sent: Any, could: list[bool] | None = None
) -> Iterator[RawTrigger]:
    """The coded triggers of a sentence; ``could``: :func:`could_trigger` of its doc."""
    doc = sent.doc
    for i in range(sent.start, sent.end):
        if could is not None and not could[i]:
            continue
        tok = doc[i]
        if tok.tag_.startswith("VB") or tok.pos_ in {"VERB", "AUX"}:
            entries = vd.candidates(tok.text, tok.lemma_)
            if not entries or _word_of_a_title(tok):
                continue
            match, span = m.code(tok, entries, sent.start, sent.end)
            if match is not None and match.code is None and _receives_a_person(tok):
                match = Match(HOSTING_CODE, None, None, match.entry)  # "did not receive Carter"
            if match is not None and match.code is not None:
                yield RawTrigger(tok, span, match)
        elif tok.pos_ == "ADJ" and tok.dep_ == "acomp" and tok.lower_ in vd.adjectives:
            entry = vd.adjectives[tok.lower_][0]  # "he was confident that": an outlook, coded as a verb
            yield RawTrigger(tok, (tok.i, tok.i + 1), Match(entry.code, entry.pair, None, entry))
        elif tok.pos_ in {"NOUN", "PROPN"} and vd.nouns:
            entries = vd.nouns.get(tok.lower_, [])
            if (
                not entries
                or tok.ent_type_ in {"DATE", "TIME"}
                or _word_of_a_name(tok)
                or _electioneering_rally(tok)
            ):
                continue  # "deliver fuel to Bushehr in March": a month, not a march
            fitting = [e for e in entries if m.entry_span(e, tok) is not None] or _under_modified_fire(
                tok, entries
            )
            if not fitting:
                continue
            fitting.sort(key=lambda e: -len(e.before))
            entry = fitting[0]
            if entry.code is None:
                continue
            span = m.entry_span(entry, tok) or (tok.i, tok.i + 1)
            yield RawTrigger(tok, span, Match(entry.code, entry.pair, None, entry), nominal=True)


def _under_modified_fire(tok: Any, entries: list[Any]) -> list[Any]:
    """The plain "under fire" entry for fire a modifier stands in ("came under insurgent fire",
    "under Israeli fire"), which no fixed entry spells; [] for any other noun."""
    if tok.lower_ != "fire" or tok.dep_ != "pobj" or tok.head.lower_ != "under":
        return []
    return [e for e in entries if e.before == ("under",)]


#: words that make a rally an election campaign's or a party's, no protest (event_words.yaml)
CAMPAIGN_WORDS = word_lists("event_words.yaml").words("campaign_words")
#: gatherings that are protests unless a campaign holds them
RALLY_NOUNS = frozenset({"rally", "rallies"})
#: what a person does at a rally that makes it the person's platform (event_words.yaml)
SPEAKING_VERBS = word_lists("event_words.yaml").words("rally_speaking_verbs")


def _electioneering_rally(tok: Any) -> bool:
    """True for a rally held by a campaign or a party ("a campaign rally in Ohio", "his first
    Liberal rally"), or one a person spoke at ("announced this change again in a rally on
    Friday"): electioneering, no protest (CAMEO 14 is dissent)."""
    if tok.lower_ not in RALLY_NOUNS:
        return False
    if any(c.dep_ in {"compound", "amod"} and c.lower_ in CAMPAIGN_WORDS for c in tok.children):
        return True
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ in {"at", "in", "during"} else None
    speaker = [c for c in verb.children if c.dep_ == "nsubj"] if verb is not None else []
    spoke = verb is not None and verb.lemma_.lower() in SPEAKING_VERBS
    return spoke and any(s.ent_type_ == "PERSON" or s.lower_ in {"he", "she"} for s in speaker)


#: entity types of names that may hold a word for an act ("the Popular Mobilization Forces",
#: "the Montgomery Bus Boycott" as a name, "the Cole Inquiry")
NAME_TYPES = frozenset({"ORG", "FAC", "LAW", "WORK_OF_ART", "PRODUCT"})


def _word_of_a_name(tok: Any) -> bool:
    """True for a capitalised word inside a longer name, no act of its own ("Mobilization"
    in "the Popular Mobilization Forces")."""
    if tok.pos_ != "PROPN" or tok.ent_type_ not in NAME_TYPES:
        return False
    doc = tok.doc
    return bool(tok.ent_iob_ == "I" or (tok.i + 1 < len(doc) and doc[tok.i + 1].ent_iob_ == "I"))


def _word_of_a_title(tok: Any) -> bool:
    """True for a verb written capitalised after a capitalised title word inside a sentence
    ("Minister Assisting the Premier on Veterans Affairs"): a word of a post's name."""
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    return (
        before is not None
        and not tok.is_sent_start
        and tok.text[:1].isupper()
        and tok.text[1:].islower()
        and before.text[:1].isupper()
        and before.pos_ in {"PROPN", "NOUN"}
        # tied to the title word, not a headline's verb to its subject ("Obama Visits Iraq")
        and (tok.head.i == before.i or (before.dep_ == "compound" and before.head.i == tok.i))
    )


#: "received Carter", "will receive the Pope": to receive a person is to host a visit (043);
#: what else one receives ("received aid", "a letter") keeps the dictionary's patterns
HOSTING_VERBS = {"receive"}
HOSTING_CODE = "043"


def _receives_a_person(tok: Any) -> bool:
    objs = [c for c in tok.children if c.dep_ in {"dobj", "obj"}]
    return tok.lemma_.lower() in HOSTING_VERBS and bool(objs) and objs[0].ent_type_ == "PERSON"
