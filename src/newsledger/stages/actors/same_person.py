"""One person, one actor in an article: people the passes stored under two ids although one
name is the other's ("Queen Elizabeth II" / "Elizabeth II", "Kehn Thompson" / "Jeri Kehn
Thompson", "Lady Bird" / "Lady Bird Johnson", "Jimi Heselden OBE" / "Jimi Heselden").

The passes link a partial name to a full name through single words, and a word two people
share links neither; a shorter name met before the full one, a title read into a name, or a
second spelling of a knowledge-base person then leaves two actors. This pass compares the
people of the whole article once all passes have run:

* the **core** of a name is its words without leading titles and forms of address ("Queen",
  "Sheikh", "Senator") and trailing honours or credit words ("OBE", "Image", "Poland");
* two people with the same core are one (the one the knowledge base knows, else the one named
  without a title, else the one named first keeps its id);
* a person whose core is a run of the words of exactly one other person's core, starting or
  ending it when it is one word ("Hillary", "Kravis"), is that person, who keeps the id;

never when the names differ by a generational suffix ("Ian Paisley" / "Ian Paisley Jr"), when
the shorter core is a run of two people's ("Kim" beside "Kim Jong Il" and "Kim Yong Nam"), nor
when the shorter is a person the knowledge base knows and the longer is not (the knowledge
base may know another person of the shorter name).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ...knowledge.actors import key
from ...knowledge.actors.duplicates import FORMS_OF_ADDRESS
from .screen import title_words
from .words import CAPTION_WORDS, GENERATIONAL_SUFFIXES, NAMED_AFTER_HEADS, ORG_WORDS, POSTNOMINALS

if TYPE_CHECKING:
    from .base import ResolverBase

_SUFFIXES = {key(w) for w in GENERATIONAL_SUFFIXES}
#: Last words of a "person" named after one: a day, a building, a firm ("Martin Luther King Day").
_NAMED_AFTER = NAMED_AFTER_HEADS | ORG_WORDS


def merge_same_people(res: ResolverBase) -> dict[str, str]:
    """Give every mention of a person stored twice the id of the one actor kept; returns the
    ids merged away -> the id kept (for the caller's report and tests)."""
    cores = _person_cores(res)
    merged: dict[str, str] = {}
    _merge_equal_cores(res, cores, merged)
    may_hold = {a for a in cores if _may_hold(res, a)}  # names do not change until _relabel
    changed = True
    while changed:
        changed = False
        for short in sorted(cores, key=lambda a: len(cores[a])):
            longer = _only_longer_name(res, short, cores, may_hold)
            if longer is not None:
                merged[short] = longer
                del cores[short]
                changed = True
                break
    if merged:
        _relabel(res, merged)
    return merged


def name_core(res: ResolverBase, name: str) -> tuple[str, ...]:
    """The keys of a name's words without its titles and honours (see the module's docstring)."""
    words = [w for w in name.replace(".::", " ").split() if key(w)]
    start = title_words(res.kb, words)
    while start < len(words) - 1 and _is_title(words[start]):
        start += 1
    end = len(words)
    while end - 1 > start and _is_trailer(res, words[end - 1]):
        end -= 1
    return tuple(key(w) for w in words[start:end])


def _is_title(word: str) -> bool:
    return word.lower().rstrip(".") in FORMS_OF_ADDRESS


def _is_trailer(res: ResolverBase, word: str) -> bool:
    """An honour, a credit word or a country glued after a name ("Bronislaw Geremek Poland")."""
    plain = word.lower().strip(".,")
    if plain in POSTNOMINALS or plain in CAPTION_WORDS or plain == "wikipedia":
        return True
    hit = res.kb.lookup(word)
    return hit is not None and hit.how in ("country", "demonym")


def _person_cores(res: ResolverBase) -> dict[str, tuple[str, ...]]:
    """The core of every person the article's mentions refer to, in order of first mention."""
    cores: dict[str, tuple[str, ...]] = {}
    for m in sorted(res.found, key=lambda d: d.start):
        actor = res.actor(m.actor_id)
        if m.how == "drop" or actor is None or actor.kind != "person" or m.actor_id in cores:
            continue
        core = name_core(res, actor.name or "")
        if core:
            cores[m.actor_id] = core
    return cores


def _merge_equal_cores(res: ResolverBase, cores: dict[str, tuple[str, ...]], merged: dict[str, str]) -> None:
    by_core: dict[tuple[str, ...], list[str]] = {}
    for actor_id, core in cores.items():
        by_core.setdefault(core, []).append(actor_id)
    for core, same in by_core.items():
        if len(same) < 2 or len(core) < 2:
            continue  # "PM Lee" and "Lee" may be two Lees: a one-word core is no proof
        keep = min(same, key=lambda a: _keep_rank(res, a, cores[a], same.index(a)))
        for other in same:
            if other != keep:
                merged[other] = keep
                del cores[other]


def _keep_rank(res: ResolverBase, actor_id: str, core: tuple[str, ...], order: int) -> tuple[int, int, int]:
    """Known to the knowledge base first, then named without a title, then named first."""
    actor = res.actor(actor_id)
    plain = actor is not None and tuple(key(w) for w in (actor.name or "").split() if key(w)) == core
    return (0 if actor_id in res.kb.actors else 1, 0 if plain else 1, order)


def _only_longer_name(
    res: ResolverBase, short: str, cores: dict[str, tuple[str, ...]], may_hold: set[str]
) -> str | None:
    """The one person whose core holds the core of ``short`` as a run of words, or None."""
    words = cores[short]
    if len(words) == 1 and not _plain_one_word(res, short):
        return None  # "Prophet Muhammad" is not "Muhammad Abdul Bari"
    others = [(o, core) for o, core in cores.items() if o != short and o in may_hold]
    holders = [o for o, core in others if len(core) > len(words) and _holds(core, words)]
    sharing = [o for o, core in others if _shares(core, words)]
    if len(holders) != 1 or len(sharing) != 1:
        return None  # "Uribe" of "Alvaro Uribe Velez" or of "Horacio Serpa Uribe"
    longer = holders[0]
    if short in res.kb.actors and longer not in res.kb.actors:
        return None  # the knowledge base's "Abdullah" is not every "Abdullah X" of an article
    if short in res.kb.actors and longer in res.kb.actors:
        return None  # two people the knowledge base tells apart
    if _SUFFIXES & set(cores[longer]) - set(words):
        return None  # "Ian Paisley Jr" is not "Ian Paisley"
    return longer


def _plain_one_word(res: ResolverBase, actor_id: str) -> bool:
    """True for a person named by one word and nothing else (no title)."""
    actor = res.actor(actor_id)
    return actor is not None and len((actor.name or "").split()) == 1


def _may_hold(res: ResolverBase, actor_id: str) -> bool:
    """False for a "person" whose name is a day's, a building's or a firm's named after one."""
    actor = res.actor(actor_id)
    words = (actor.name or "").split() if actor is not None else []
    return bool(words) and words[-1].lower() not in _NAMED_AFTER


def _shares(core: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """True when ``core`` holds ``words`` as a run, anywhere."""
    n = len(words)
    return any(core[i : i + n] == words for i in range(len(core) - n + 1))


def _holds(core: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """True when ``words`` is a run of ``core``; one word must start or end it (a first name or
    a surname, not a middle name: "Musa" is not "Kifah Taha Musa Mutairi")."""
    if len(words) == 1:
        return words[0] in (core[0], core[-1])
    return _shares(core, words)


def _relabel(res: ResolverBase, merged: dict[str, str]) -> None:
    """Point the mentions of merged ids at the id kept; the kept actor takes the country,
    sector and roles of a merged one when it has none."""
    for actor_id in list(merged):
        merged[actor_id] = _final(merged, actor_id)
    for m in res.found:
        if m.actor_id in merged:
            m.actor_id = merged[m.actor_id]
    for gone, kept in merged.items():
        old, new = res.actor(gone), res.actor(kept)
        if old is None or new is None or new.country or not old.country:
            continue
        res.actors[kept] = replace(
            new,
            country=old.country,
            sector=new.sector or old.sector,
            cameo_code=new.cameo_code or old.cameo_code,
            roles=new.roles or old.roles,
        )


def _final(merged: dict[str, str], actor_id: str) -> str:
    seen = {actor_id}
    while actor_id in merged and merged[actor_id] not in seen:
        actor_id = merged[actor_id]
        seen.add(actor_id)
    return actor_id
