"""Who a phrase of people stands for: the members a gathering word's "of" names ("members of
the army"), those a plural lists with "including" ("several countries, including France"), and
who a body is led by ("a trade delegation headed by Hashim Yamani")."""

from __future__ import annotations

from typing import Any

from ...knowledge.wordlists import word_lists
from .syntax import GROUP_NOUNS, agent_heads, conjuncts, names_people, of_objects, pobjs

_WORDS = word_lists("event_words.yaml")  # the word lists below: see the file's comments

__all__ = ["FOLLOWING_SECTORS", "followed_ones", "gathered_members", "included_members", "leaders_of"]

#: heads that stand for the body or the people their "of" names ("members of the army"), and
#: followers, who are not the one they follow ("thousands of Lopez Obrador's supporters")
GATHERING_HEADS = _WORDS.words("gathering_heads")
FOLLOWER_WORDS = _WORDS.words("follower_words")


def included_members(h: Any) -> list[Any]:
    """The members a plural word lists with "including" ("several countries, including France
    and Germany"; "a wide range of critics, including the Democratic Alliance"), else []."""
    of = of_objects(h)
    for noun in [h, *of]:
        if noun.tag_ not in {"NNS", "NNPS"}:
            continue
        listed = [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "including" for o in pobjs(c)]
        if listed:
            return [m for o in listed for m in conjuncts(o)]
    return []


#: verbs by which a body is led: "a delegation headed by the Saudi trade minister"
LEADING_VERBS = frozenset({"lead", "head", "command", "chair"})


def leaders_of(h: Any) -> list[Any]:
    """Who a body is "led by" or "headed by" ("a trade delegation headed by Hashim Yamani"),
    else []: the body, unnamed, acts as theirs (not a thing: "the disposal, led by Ernst & Young")."""
    if h.lemma_.lower() not in GROUP_NOUNS and not names_people(h):
        return []
    return [
        a
        for c in h.children
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in LEADING_VERBS
        for a in agent_heads(c)
    ]


def gathered_members(h: Any) -> list[Any]:
    """The heads a gathering word's "of" names ("members of the army": the army), else []."""
    if h.lemma_.lower() not in GATHERING_HEADS and h.lower_ not in GATHERING_HEADS:
        return []
    members = of_objects(h)
    if any(m.lemma_.lower() in FOLLOWER_WORDS for m in members):
        return []
    return [m for m in members if m.pos_ != "PRON"]


#: sectors whose followers are of that sector ("supporters of the opposition leader" are the
#: opposition); others' followers are civilians ("supporters of the president")
FOLLOWING_SECTORS = frozenset({"OPP", "REB", "INS", "PTY"})


def followed_ones(h: Any) -> list[Any]:
    """Whom a word for followers follows ("supporters of Aung San Suu Kyi", "Chavez's
    supporters"), else []: the followers act as the followed one's people, not as that one."""
    if h.lemma_.lower() not in FOLLOWER_WORDS:
        return []
    of = of_objects(h)
    return of or [c for c in h.children if c.dep_ == "poss"]
