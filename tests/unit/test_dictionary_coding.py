"""How the coder applies dictionary patterns: bound to the verb's clause (a pattern word in another
clause of the sentence does not complete the pattern), and reverse-only codes ("[:110]")."""

from __future__ import annotations

from typing import Any

from newsledger.knowledge.petrarch_verbs import parse_petrarch_verbs
from newsledger.stages.events.matcher import Matcher, verb_clause

VERBS = """
--- CONDEMN  [---]  ---
CONDEMN
- * (AGAINST +) [111]
"""


def _code(nlp: Any, text: str, bound: bool = True) -> str | None:
    doc = nlp(text)
    vd = parse_petrarch_verbs(VERBS, "test.verbs.txt")
    vd.clause_bound = bound
    verb = next(t for t in doc if t.lemma_ == "condemn")
    match, _ = Matcher(doc, vd).code(verb, vd.candidates(verb.text, verb.lemma_), 0, len(doc))
    return match.code if match is not None else None


def test_pattern_words_in_the_verbs_own_clause_match(nlp: Any) -> None:
    assert _code(nlp, "Gondor condemned the violence against Rohan.") == "111"


def test_pattern_words_in_another_clause_do_not(nlp: Any) -> None:
    text = "Gondor condemned the decision, which Mordor took after it protested against Rohan."
    assert _code(nlp, text) is None
    assert _code(nlp, text, bound=False) == "111"  # a user's PETRARCH dictionaries: as PETRARCH


def test_the_clause_climbs_to_the_governing_verb_and_stops_at_embedded_clauses(nlp: Any) -> None:
    doc = nlp("Gondor agreed to send troops after Mordor attacked Rohan.")
    send = next(t for t in doc if t.lemma_ == "send")
    clause = {doc[i].text for i in verb_clause(send)}
    assert {"Gondor", "agreed", "send", "troops"} <= clause
    assert not {"Mordor", "attacked", "Rohan"} & clause


REVERSE = """
--- OFFEND  [:110]  ---
OFFEND
--- APPEAR  [---]  ---
APPEAR
- * (BEFORE +) [:173]
"""


def test_reverse_only_codes_go_from_the_target_to_the_subject(nlp: Any) -> None:
    """ "[:110]": "Mordor offended Arnor" is Arnor disapproving of Mordor, not "no event"."""
    from newsledger.models import Actor, AnalyzedArticle, Article, Mention
    from newsledger.stages.events import code_item
    from newsledger.stages.nlp import sentences_of

    vd = parse_petrarch_verbs(REVERSE, "test.verbs.txt")
    for text, expected in [
        ("Mordor offended Arnor.", ("ARN", "MOR", "110")),
        ("Mordor appeared before Arnor.", ("ARN", "MOR", "173")),
    ]:
        item = AnalyzedArticle(Article("a1", "t", text, "2021-01-29"))
        item.doc = nlp(text)
        item.sentences = sentences_of(item.doc)
        for name in ("Mordor", "Arnor"):
            start = text.index(name)
            item.mentions.append(Mention(start, start + len(name), name, "GPE", 0, f"c:{name}", "test"))
            item.actors[f"c:{name}"] = Actor(
                f"c:{name}", name, "country", name[:3].upper(), None, name[:3].upper()
            )
        triples = {
            (
                e.source.cameo_code if e.source else None,
                e.target.cameo_code if e.target else None,
                e.cameo_code,
            )
            for e in code_item(item, vd, intent_codes=False)
        }
        assert triples == {expected}, text


def test_actors_are_coded_with_the_role_held_on_the_events_day() -> None:
    """A 2019 article that dates an event in 2008: the actor's 2008 role codes it."""
    from dataclasses import replace

    from newsledger.models import Actor, ActorRef, AnalyzedArticle, Article, Event, Provenance, Role
    from newsledger.stages.events.on_day import on_event_day, probe_day

    president = Role("President", None, "GON", "GOV", "2013-08-03", "2021-08-03")
    envoy = Role("Envoy", None, "GON", "GOV", None, None)
    actor = Actor("p:a", "Aragorn Elessar", "person", "GON", None, None, (), (president,))
    item = AnalyzedArticle(Article("a1", "t", "text", "2019-05-01"))
    item.actors[actor.actor_id] = actor
    item.actors["p:b"] = Actor("p:b", "Faramir", "person", "GON", None, None, (), (envoy,))
    ref = actor.ref_on("2019-05-01")
    assert ref.cameo_code == "GONGOV"
    event = Event(
        "e1", Provenance("a1", 0, "text", (0, 4), "test"), "met", "040", "04", 1, 1.0, "CONSULT", None,
        ref, ActorRef("x", "X", "MOR", None, "MOR"), "2008-04-15", "day", None, False, False, 0.5,
    )  # fmt: skip
    moved = on_event_day(item, [event, replace(event, date="2019-05-01"), replace(event, date=None)])
    assert moved[0].source is not None and moved[0].source.cameo_code == "GON"  # not yet president
    assert moved[0].target == event.target  # an actor without roles stays as it was
    assert moved[1].source == ref and moved[2].source == ref  # the article's day, or no date
    assert probe_day("2008-04", "month") == "2008-04-15" and probe_day("2008", "year") == "2008-07-01"
    assert probe_day("1990s", "decade") is None


def test_events_evaluator_reads_yymmdd_record_dates(tmp_path: Any) -> None:
    """A PETRARCH record dated "950601" is coded on 1995-06-01, so that dated roles apply."""
    import json

    from newsledger.evaluate.events import evaluate

    folder = tmp_path / "dictionaries"
    folder.mkdir()
    (folder / "T.actors.txt").write_text(
        "MORDOR_ [MOR]\nARAGORN_ [GONELI]\n\t[GONGOV 950101-951231]\n", "utf-8"
    )
    (folder / "T.verbs.txt").write_text("--- MEET  [040]  ---\nMEET {MET MEETING MEETS}\n", "utf-8")
    gold = tmp_path / "gold.jsonl"
    record = {"id": "R1", "text": "Aragorn met Mordor on Monday.", "date": "950601",
              "expected_events": [{"source": "GONGOV", "target": "MOR", "code": "040"}]}  # fmt: skip
    gold.write_text(json.dumps(record) + "\n", "utf-8")
    report = evaluate(str(gold), dictionaries=str(folder))
    assert report.metrics["f1"] == 1.0, report.notes
