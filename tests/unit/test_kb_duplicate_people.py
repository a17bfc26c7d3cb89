"""One id per person in the knowledge base (#12.2): a dictionary person listed with and without
a title, or in two punctuations, is one actor; two people whose names share only a title and
one word stay two."""

from __future__ import annotations

from newsledger.knowledge.actors import ActorKB
from newsledger.knowledge.actors.duplicates import merge_duplicate_people
from newsledger.models import Actor, Role
from newsledger.pipeline import PipelineConfig, Resources
from newsledger.stages.actors import kb_for


def _person(slug: str, name: str, roles: tuple[Role, ...] = ()) -> Actor:
    return Actor(f"person:{slug}", name, "person", aliases=(name,), roles=roles)


def test_a_titled_entry_and_the_plain_one_are_one_person() -> None:
    kb = ActorKB()
    role = Role(title="GBRGOV", organization=None, country="GBR", sector="GOV", start="2001-01-01", end=None)
    kb.add_actor(_person("sir-alan-brookfield", "Sir Alan Brookfield"))
    kb.add_actor(_person("alan-brookfield", "Alan Brookfield", (role,)))
    kb.add_actor(_person("king-faisal", "King Faisal"))
    kb.add_actor(_person("prince-faisal", "Prince Faisal"))
    merged = merge_duplicate_people(kb)
    assert merged == {"person:sir-alan-brookfield": "person:alan-brookfield"}
    hit = kb.lookup("Sir Alan Brookfield")
    assert hit is not None and hit.actor_id == "person:alan-brookfield"
    assert kb.actors["person:alan-brookfield"].roles == (role,)
    assert "Sir Alan Brookfield" in kb.actors["person:alan-brookfield"].aliases
    king, prince = kb.lookup("King Faisal"), kb.lookup("Prince Faisal")
    assert king is not None and prince is not None and king.actor_id != prince.actor_id


def test_the_shipped_dictionaries_give_the_queen_one_id() -> None:
    kb = kb_for(Resources(PipelineConfig()))
    for plain, titled in (("Elizabeth II", "Queen Elizabeth II"), ("John Vereker", "Sir John Vereker")):
        a, b = kb.lookup(plain), kb.lookup(titled)
        assert a is not None and b is not None and a.actor_id == b.actor_id, plain
