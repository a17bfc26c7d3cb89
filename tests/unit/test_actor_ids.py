"""One actor id scheme, ``<kind>:<key>`` (knowledge/actors/ids.py), on every code path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsledger.knowledge.actors import ActorKB
from newsledger.knowledge.actors.ids import ACTOR_ID, is_actor_id, knowledge_id, person_id
from newsledger.knowledge.phoenix import phoenix_kb
from newsledger.models import Article
from newsledger.pipeline import PipelineConfig, build_pipeline


def test_knowledge_ids_take_the_prefix_of_their_kind() -> None:
    assert knowledge_id("person", "joe-biden", "Joe Biden") == "person:joe-biden"
    assert knowledge_id("organization", None, "Muslim Brotherhood") == "org:muslim-brotherhood"
    assert knowledge_id("group", "taliban", "Taliban") == "org:taliban"
    assert knowledge_id("country", "xkx", "Kosovo") == "country:XKX"
    assert knowledge_id("person", "person:x-y", "X Y") == "person:x-y"  # already in the scheme
    assert is_actor_id(person_id("محمد")) and person_id("محمد") != person_id("علي")
    for bad in ("joe-biden", "dict:joe-biden", "country:irn", "group:", "person:Joe", "org:a--b"):
        assert not is_actor_id(bad), bad


def test_every_knowledge_actor_id_follows_the_scheme() -> None:
    for kb in (ActorKB.load(), phoenix_kb()):
        bad = [a for a in kb.actors if not ACTOR_ID.match(a)]
        assert not bad, bad[:10]
        kb_persons = [a for a in kb.actors.values() if a.kind == "person"]
        assert all(a.actor_id.startswith("person:") for a in kb_persons)


def test_a_known_and_an_unknown_person_of_one_name_share_the_id() -> None:
    kb = ActorKB.load()
    assert "person:joe-biden" in kb.actors  # what the actors stage would call an unknown Joe Biden
    assert kb.legacy_ids["joe-biden"] == "person:joe-biden"
    muttaqi = kb.actors[kb.legacy_ids["amir-khan-muttaqi"]]
    assert muttaqi.affiliation == "org:taliban" and "org:taliban" in kb.actors


def _sample(seed: Path, corpus: Path) -> list[Article]:
    out = [Article("seed", "seed", seed.read_text(encoding="utf-8"), "2021-01-29")]
    with corpus.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n % 397 == 5 and len(out) < 9:
                r = json.loads(line)
                out.append(Article(r["id"], r["title"], r["text"], r.get("date")))
    return out


@pytest.mark.slow
def test_every_actor_id_of_the_seed_and_a_corpus_sample_follows_the_scheme(
    seed_article_path: Path, shared_data: Path
) -> None:
    articles = _sample(seed_article_path, shared_data / "news_corpus" / "wikinews_en_politics_economy.jsonl")
    results, errors = build_pipeline(PipelineConfig()).run(articles)
    assert not errors and len(results) == len(articles)
    ids: set[str] = set()
    for r in results:
        ids |= {a.actor_id for a in r.actors}
        ids |= {m.actor_id for m in r.mentions if m.actor_id}
        ids |= {ref.actor_id for e in r.events for ref in (e.source, e.target) if ref is not None}
        ids |= {s.speaker.actor_id for s in r.statements if s.speaker is not None}
    assert len(ids) > 50
    bad = sorted(i for i in ids if not ACTOR_ID.match(i))
    assert not bad, bad[:20]
    kinds = {i.split(":", 1)[0] for i in ids}
    assert {"country", "group", "person", "org"} <= kinds


def _actor_ids(config: PipelineConfig, text: str) -> dict[str, set[str]]:
    """Mention text -> the actor ids the pipeline gives it in ``text``."""
    [item], errors = build_pipeline(config).run([Article("a1", "t", text, "2008-07-10")])
    assert not errors
    out: dict[str, set[str]] = {}
    for m in item.mentions:
        out.setdefault(m.text, set()).add(m.actor_id or "")
    return out


def test_a_group_named_by_a_dictionary_agent_is_the_organisation_of_that_name(tmp_path: Path) -> None:
    """ "Janjaweed militants" (the dictionary's JANJAWEED agent written as a name) and "the
    Janjaweed" are one actor, ``org:janjaweed``, whatever country the sentence gives; a
    knowledge file's entry of that name is that actor too (one id on every path)."""
    text = (
        "Janjaweed militants attacked a village in Darfur on Monday. "
        "Witnesses in Sudan said the Janjaweed burned homes."
    )
    ids = _actor_ids(PipelineConfig(), text)
    assert ids["Janjaweed militants"] == {"org:janjaweed"}
    assert {i for t, s in ids.items() if "Janjaweed" in t for i in s} == {"org:janjaweed"}
    entry = tmp_path / "actors.yaml"
    entry.write_text(
        "- name: Janjaweed\n  kind: organization\n  country: SDN\n  sector: UAF\n", encoding="utf-8"
    )
    ids = _actor_ids(PipelineConfig(actor_files=(str(entry),)), text)
    assert {i for t, s in ids.items() if "Janjaweed" in t for i in s} == {"org:janjaweed"}
