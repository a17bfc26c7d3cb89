"""One id per person in the knowledge base: the shipped dictionaries list some people twice,
once with a title or form of address and once without ("QUEEN_ELIZABETH_II" and
"ELIZABETH_II", "SIR_JOHN_VEREKER" and "JOHN_VEREKER", "PRINCE_NORODOM_SIHANOUK"), or in two
spellings that differ only in punctuation ("MASSIMO_D'ALEMA", "MASSIMO_DALEMA").  Each became
its own actor, so one person had two ids across articles.  :func:`merge_duplicate_people`
points every name of such an entry at one actor, which takes the other's names and roles."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..wordlists import word_lists
from .keys import key
from .records import NameHit

if TYPE_CHECKING:
    from .kb import ActorKB

_WORDS = word_lists("actor_text_words.yaml")
#: Forms of address put before a person's name ("Sir", "Sheikh", "Dame"); the actors stage
#: sets them aside too when it compares two names of an article (stages/actors/same_person.py).
FORMS_OF_ADDRESS = frozenset(_WORDS.ordered("honorifics")) | _WORDS.words("name_titles")


def merge_duplicate_people(kb: ActorKB) -> dict[str, str]:
    """Merge the people whose names are one name once leading titles are set aside; returns
    the ids merged away -> the id kept.  The id kept: our own entry (a knowledge file of ours or
    the user's, over the dictionaries), then the entry with more dated roles, then the one named
    without a title, then the one listed first."""
    groups: dict[str, list[str]] = {}
    for actor_id, actor in kb.actors.items():
        if actor.kind == "person":
            core = _core(kb, actor.name)
            if core:
                groups.setdefault(core, []).append(actor_id)
    merged: dict[str, str] = {}
    for ids in groups.values():
        if len(ids) < 2:
            continue
        keep = min(
            ids,
            key=lambda a: (a in kb.dictionary_ids, -len(kb.actors[a].roles), _titled(kb, a), ids.index(a)),
        )
        for other in ids:
            if other != keep:
                merged[other] = keep
    if merged:
        _fold(kb, merged)
    return merged


def merge_leading_article(kb: ActorKB) -> dict[str, str]:
    """Merge a body listed again with "the" before its name ("THE_UN_" and "UN_",
    "THE_UNITED_NATIONS_" and "UNITED_NATIONS_", "THE_CARTER_CENTER" and "CARTER_CENTER"), each
    its own actor before, so that "the UN" of one article and "the United Nations" of another
    were three actors; returns the ids merged away -> the id kept (the one without "the")."""
    merged: dict[str, str] = {}
    for actor_id, actor in kb.actors.items():
        if actor.kind == "person" or not actor.name.lower().startswith("the "):
            continue
        hit = kb.names.get(key(actor.name[4:]))
        other = kb.actors.get(hit.actor_id) if hit is not None else None
        if other is None or other.actor_id == actor_id or other.kind in ("person", "country"):
            continue
        if actor.cameo_code and other.cameo_code and actor.cameo_code[:3] != other.cameo_code[:3]:
            continue  # another body of the same words
        merged[actor_id] = other.actor_id
    if merged:
        _fold(kb, merged)
    return merged


def _core(kb: ActorKB, name: str) -> str:
    """The key of a name without its leading titles; "" when fewer than two words would stay
    ("King Abdullah" and "Prince Abdullah" are two men, not one "Abdullah")."""
    words = name.split()
    start = 0
    while len(words) - start > 2 and _is_title(kb, words[start]):
        start += 1
    rest = words[start:]
    return key(" ".join(rest)) if len(rest) >= 2 and not _is_title(kb, rest[0]) else ""


def _is_title(kb: ActorKB, word: str) -> bool:
    plain = word.lower().rstrip(".")
    return plain in FORMS_OF_ADDRESS or kb.agent(word) is not None


def _titled(kb: ActorKB, actor_id: str) -> int:
    words = kb.actors[actor_id].name.split()
    return 1 if words and _is_title(kb, words[0]) else 0


def _fold(kb: ActorKB, merged: dict[str, str]) -> None:
    """Every name of an id merged away names the id kept, which takes the other's names and,
    lacking any, its roles, country and sector.  The id merged away stays in ``actors`` (it
    may be stored in a ledger).  One pass over the names and stems for all the merges."""
    for name_key, hit in kb.names.items():
        if hit.actor_id in merged:
            kb.names[name_key] = NameHit(merged[hit.actor_id], hit.how, hit.source)
    for head, stems in kb.stems.items():
        if any(h.actor_id in merged for _, h in stems):
            kb.stems[head] = [
                (s, NameHit(merged[h.actor_id], h.how, h.source) if h.actor_id in merged else h)
                for s, h in stems
            ]
    for gone, kept in merged.items():
        old, new = kb.actors[gone], kb.actors[kept]
        aliases = tuple(dict.fromkeys((*new.aliases, old.name, *old.aliases)))
        kb.actors[kept] = replace(
            new,
            aliases=aliases,
            roles=new.roles or old.roles,
            country=new.country or old.country,
            sector=new.sector or old.sector,
            cameo_code=new.cameo_code or old.cameo_code,
        )
