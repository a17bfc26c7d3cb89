"""Contradictions between statements, and between statements and actions, on hand-made records."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from newsledger.knowledge.framing import load_lexicon
from newsledger.models import (
    AboutRef,
    Actor,
    AnalyzedArticle,
    Article,
    Event,
    Mention,
    Provenance,
    Role,
    Statement,
)
from newsledger.pipeline import PipelineConfig, Resources
from newsledger.stages.contradictions import StanceCue, detect, find_contradictions, lexical_stances

DAY = "2022-03-10"
ACTORS = {
    "kessler": Actor(
        "kessler",
        "Ana Kessler",
        "person",
        "ZZA",
        roles=(Role("Interior Minister", "Government of Zandia", "ZZA", "GOV", "2020-01-01"),),
    ),
    "brandt": Actor(
        "brandt",
        "Tomas Brandt",
        "person",
        "ZZA",
        roles=(Role("Army chief", "Zandian Army", "ZZA", "MIL", "2019-05-01"),),
    ),
    "ortiz": Actor("ortiz", "Luis Ortiz", "person", "ZZA", "OPP", affiliation="front"),
    "front": Actor("front", "Red Valley Front", "group", "ZZA", "REB", aliases=("the Front",)),
    "moreau": Actor("moreau", "Claire Moreau", "person", "ZZB", "REB", affiliation="legion"),
    "legion": Actor("legion", "Northern Legion", "group", "ZZB", "INS", aliases=("the Legion",)),
    "zzagov": Actor("zzagov", "Government of Zandia", "organization", "ZZA", "GOV"),
    "zandia": Actor("zandia", "Zandia", "country", "ZZA"),
    "ostia": Actor("ostia", "Ostia", "country", "ZZO"),
}


def ref(actor_id: str, day: str = DAY):  # type: ignore[no-untyped-def]  # test helper
    return ACTORS[actor_id].ref_on(day)


def prov(sentence: int, text: str = "", article: str = "art1") -> Provenance:
    return Provenance(article, sentence, text, (sentence * 100, sentence * 100 + 50), "test.v1")


def said(
    sid: str,
    speaker: str,
    content: str,
    sentence: int,
    about: tuple[AboutRef, ...] = (),
    article: str = "art1",
) -> Statement:
    start = sentence * 100
    return Statement(
        sid,
        prov(sentence, content, article),
        ref(speaker),
        None,
        None,
        "said",
        "direct",
        content,
        (start, start + len(content)),
        date=DAY,
        about=about,
    )


def event(eid: str, source: str, target: str, quad: int, trigger: str = "met", **kw: object) -> Event:
    day = str(kw.pop("date", DAY))
    return Event(
        eid,
        prov(40),
        trigger,
        "040" if quad == 1 else "190",
        "04" if quad == 1 else "19",
        quad,
        1.0 if quad == 1 else -10.0,
        None,
        None,
        ref(source, day),
        ref(target, day),
        day,
        "day",
        **kw,  # type: ignore[arg-type]  # negated / hypothetical flags
    )


def kinds(found: list) -> set[tuple[str, str, str]]:  # type: ignore[type-arg]
    return {(c.kind, c.a.id, c.b.id) for c in found}


def test_same_government_opposite_stance_toward_a_group() -> None:
    s1 = said(
        "s1", "kessler", "The Northern Legion is a terrorist organisation and an enemy of our people.", 1
    )
    s2 = said(
        "s2", "brandt", "We found the Legion's commanders brave and determined partners in this fight.", 5
    )
    found = find_contradictions([s1, s2], [], ACTORS)
    assert kinds(found) == {("statement-statement", "s1", "s2")}
    c = found[0]
    assert c.actor.actor_id == "zzagov"  # two organs of one state: the government is the actor
    assert "s1" in c.explanation and "s2" in c.explanation
    assert 0.5 <= c.score <= 1.0
    assert c.article_id == "art1"


def test_agreeing_statements_do_not_conflict() -> None:
    s1 = said("s1", "kessler", "The Northern Legion is a terrorist organisation.", 1)
    s2 = said("s2", "brandt", "The Legion remains an enemy and a threat to the region.", 5)
    assert find_contradictions([s1, s2], [], ACTORS) == []


def test_different_governments_do_not_conflict() -> None:
    actors = dict(ACTORS)
    actors["brandt"] = Actor("brandt", "Tomas Brandt", "person", "ZZO", "MIL")
    s1 = said("s1", "kessler", "The Northern Legion is a terrorist organisation.", 1)
    s2 = Statement(
        "s2", prov(5), actors["brandt"].ref_on(DAY), None, None, "said", "direct",
        "The Legion's fighters are brave partners.", (500, 540), date=DAY,
    )  # fmt: skip
    assert find_contradictions([s1, s2], [], actors) == []


def test_about_stances_confirm_the_words_but_do_not_stand_alone() -> None:
    critical = (AboutRef("legion", "Northern Legion", "critical"),)
    supportive = (AboutRef("legion", "Northern Legion", "supportive"),)
    s1 = said("s1", "kessler", "The Legion is an enemy of the people.", 1, critical)
    s2 = said("s2", "kessler", "The Legion deserves respect.", 3, supportive)
    found = find_contradictions([s1, s2], [], ACTORS)
    assert kinds(found) == {("statement-statement", "s1", "s2")}
    assert found[0].actor.actor_id == "kessler"  # the same person: the person is the actor
    # a stance on the statements stage's word alone (no cue near the name) is too weak
    s3 = said("s3", "kessler", "Our position on them is clear.", 5, critical)
    assert find_contradictions([s2, s3], [], ACTORS) == []


def test_a_place_is_not_a_target() -> None:
    text = "We will defeat the enemy in Ostia."
    located = [(text.index("Ostia"), text.index("Ostia") + 5, "ostia", "Ostia")]
    assert "ostia" not in lexical_stances(text, located, load_lexicon())


def test_negation_flipped_claim() -> None:
    s1 = said("s1", "ortiz", "The Front will sign the ceasefire agreement with the capital next month.", 1)
    s2 = said(
        "s2", "ortiz", "The Front will never sign the ceasefire agreement with the capital next month.", 4
    )
    s3 = said("s3", "ortiz", "The harvest in the northern provinces was good this year.", 6)
    found = find_contradictions([s1, s2, s3], [], ACTORS)
    assert kinds(found) == {("statement-statement", "s1", "s2")}
    assert "opposite polarity" in found[0].explanation


def test_terrorist_label_while_meeting_the_group() -> None:
    s1 = said("s1", "kessler", "The Northern Legion is a terrorist organisation.", 1)
    meet = event("e1", "zzagov", "moreau", 1, "hosted")  # a Legion envoy, through affiliation
    fight = event("e2", "zandia", "legion", 4, "attacked")
    elsewhere = event("e3", "ostia", "legion", 1, "met")
    found = find_contradictions([s1], [meet, fight, elsewhere], ACTORS)
    assert kinds(found) == {("statement-action", "s1", "e1")}
    assert "terrorist" in found[0].explanation and "e1" in found[0].explanation


def test_negated_or_hypothetical_events_do_not_count() -> None:
    s1 = said("s1", "kessler", "The Northern Legion is a terrorist organisation.", 1)
    e1 = event("e1", "zzagov", "legion", 1, negated=True)
    e2 = event("e2", "zzagov", "legion", 1, hypothetical=True)
    assert find_contradictions([s1], [e1, e2], ACTORS) == []


def test_praise_while_attacking() -> None:
    s1 = said("s1", "brandt", "The Legion's people are our brothers and friends.", 1)
    e1 = event("e1", "zandia", "legion", 4, "shelled")
    found = find_contradictions([s1], [e1], ACTORS)
    assert kinds(found) == {("statement-action", "s1", "e1")}


def test_ids_are_stable_and_order_free() -> None:
    s1 = said("s1", "kessler", "The Northern Legion is a terrorist organisation.", 1)
    s2 = said("s2", "brandt", "The Legion's commanders are brave and determined partners.", 5)
    one = find_contradictions([s1, s2], [], ACTORS)
    two = find_contradictions([s2, s1], [], list(ACTORS.values()))
    assert [c.contradiction_id for c in one] == [c.contradiction_id for c in two]
    assert one[0].a.id == "s1"  # the earlier statement comes first


def test_cross_article_records_carry_no_single_article() -> None:
    s1 = said("s1", "kessler", "The Northern Legion is a terrorist organisation.", 1, article="art1")
    s2 = said("s2", "brandt", "The Legion's commanders are brave and determined partners.", 5, article="art2")
    found = find_contradictions([s1, s2], [], ACTORS)
    assert len(found) == 1 and found[0].article_id is None


def test_against_marks_the_opposed_actor() -> None:
    text = "The Legion's commanders are determined in the struggle against Ostia."
    located = [(text.index("Legion"), text.index("Legion") + 6, "legion", "Legion"),
               (text.index("Ostia"), text.index("Ostia") + 5, "ostia", "Ostia")]  # fmt: skip
    stances = lexical_stances(text, located, load_lexicon())
    assert stances["legion"][0] == "supportive"
    assert stances["ostia"][0] == "critical"


def test_negated_cue_is_not_criticism() -> None:
    text = "Zandia is not an enemy of the Legion."
    located = [(text.index("Legion"), text.index("Legion") + 6, "legion", "Legion")]
    assert "legion" not in lexical_stances(text, located, load_lexicon())


def test_stage_uses_mentions_and_stamps_the_article() -> None:
    text1 = "The Legion is a terrorist organisation."
    text2 = "The Legion's commanders are brave partners."
    item = AnalyzedArticle(Article("art9", "t", "", DAY))
    item.actors = dict(ACTORS)
    s1 = said("s1", "kessler", text1, 1, article="art9")
    s2 = said("s2", "brandt", text2, 5, article="art9")
    item.statements = [s1, s2]
    # the actors stage resolved "Legion" in both quotes (names alone would also find them)
    item.mentions = [
        Mention(100 + text1.index("Legion"), 100 + text1.index("Legion") + 6, "Legion", "ORG", 1, "legion"),
        Mention(500 + text2.index("Legion"), 500 + text2.index("Legion") + 6, "Legion", "ORG", 5, "legion"),
    ]
    detect(item, Resources(PipelineConfig()))
    assert kinds(item.contradictions) == {("statement-statement", "s1", "s2")}
    assert item.contradictions[0].article_id == "art9"


@pytest.mark.slow
def test_seed_article_yields_a_contradiction_for_iran(seed_article_path: Path) -> None:
    from newsledger.evaluate.contradictions import analyze_file

    result = analyze_file(seed_article_path)
    iranian = {a.actor_id for a in result.actors if a.country == "IRN"}
    found = [c for c in result.contradictions if c.actor.country == "IRN" or c.actor.actor_id in iranian]
    assert found, [c.explanation for c in result.contradictions]
    statements = {s.statement_id: s for s in result.statements}
    # Zarif's "terrorist entity" is what the others contradict
    assert any(
        "terrorist" in statements[c.a.id].content
        for c in found
        if c.a.type == "statement" and c.a.id in statements
    )


def test_a_change_of_position_years_apart_is_no_contradiction() -> None:
    s1 = said("s1", "kessler", "The Northern Legion is a terrorist organisation.", 1)
    s2 = said("s2", "brandt", "The Legion's commanders are brave and determined partners.", 5)
    later = Statement(
        "s3", prov(7), ref("brandt", "2027-01-01"), None, None, "said", "direct", s2.content,
        (700, 700 + len(s2.content)), date="2027-01-01",
    )  # fmt: skip
    near = find_contradictions([s1, s2], [], ACTORS)
    far = find_contradictions([s1, later], [], ACTORS)
    # words five years apart are a change of position, not a contradiction (evidence.MAX_GAP_DAYS)
    assert near and not far


def test_being_praised_by_the_group_is_not_the_speakers_conduct() -> None:
    s1 = said("s1", "kessler", "The Northern Legion is a terrorist organisation.", 1)
    praise = Event(
        "e1", prov(41), "praised", "051", "05", 1, 3.4, None, None, ref("moreau"), ref("zzagov"), DAY, "day"
    )
    visit = Event(
        "e2", prov(42), "visited", "042", "04", 1, 1.9, None, None, ref("moreau"), ref("zzagov"), DAY, "day"
    )
    assert kinds(find_contradictions([s1], [praise, visit], ACTORS)) == {("statement-action", "s1", "e2")}


def test_a_label_near_a_name_is_not_always_applied_to_it() -> None:
    lex = load_lexicon()
    text = "Zandia accused Ostia of harboring terrorists."
    located = [(0, 6, "zandia", "Zandia"), (text.index("Ostia"), text.index("Ostia") + 5, "ostia", "Ostia")]
    cue = lexical_stances(text, located, lex, exclude=("zandia",))["ostia"]
    assert cue.stance == "critical" and cue.label == ""
    text = "Ostia is still a terrorist state."
    cue = lexical_stances(text, [(0, 5, "ostia", "Ostia")], lex)["ostia"]
    assert (cue.stance, cue.label, cue.applied) == ("critical", "terrorist", True)


def test_an_event_told_inside_the_statement_is_not_an_action() -> None:
    content = "The Northern Legion is a terrorist organisation and we met them."
    s1 = said("s1", "kessler", content, 1)
    inside = Event(
        "e1", Provenance("art1", 1, content, (150, 153), "test.v1"), "met", "040", "04", 1, 1.0,
        None, None, ref("zzagov"), ref("legion"), DAY, "day",
    )  # fmt: skip
    assert find_contradictions([s1], [inside], ACTORS) == []


def test_the_actor_doing_the_criticising_is_not_criticised() -> None:
    text = "Funding the port was a mistake, a claim Ostia rejected."
    located = [(text.index("Ostia"), text.index("Ostia") + 5, "ostia", "Ostia")]
    assert "ostia" not in lexical_stances(text, located, load_lexicon())
    text = "We rejected Ostia and its claims."
    located = [(text.index("Ostia"), text.index("Ostia") + 5, "ostia", "Ostia")]
    assert lexical_stances(text, located, load_lexicon())["ostia"].stance == "critical"


def test_unidentified_actors_are_no_single_voice_or_target() -> None:
    actors = dict(ACTORS)
    actors["group:---GOV"] = Actor("group:---GOV", "unidentified government", "group", None, "GOV")
    anon = actors["group:---GOV"].ref_on(DAY)
    s1 = Statement(
        "s1", prov(1), anon, None, None, "said", "direct", "The Legion is a terrorist group.", (100, 131)
    )
    s2 = Statement(
        "s2", prov(3), anon, None, None, "said", "direct", "The Legion are brave partners.", (300, 330)
    )
    s3 = said("s3", "kessler", "Governments are dangerous.", 5, (AboutRef("group:---GOV", "x", "critical"),))
    s4 = said(
        "s4", "kessler", "Governments deserve respect.", 7, (AboutRef("group:---GOV", "x", "supportive"),)
    )
    assert find_contradictions([s1, s2, s3, s4], [], actors) == []


def test_many_statements_give_one_finding_per_voice_and_target_with_all_their_records() -> None:
    lines = ["The Legion is a terrorist organisation.", "The Legion's commanders are brave partners."]
    statements = [said(f"s{i}", "kessler" if i % 3 else "brandt", lines[(i // 2) % 2], i) for i in range(200)]
    events = [event(f"e{i}", "zzagov", "legion", 1) for i in range(30)]
    events = [replace(e, provenance=prov(300 + i)) for i, e in enumerate(events)]  # 30 meetings
    found = find_contradictions(statements, events, ACTORS)
    stances = [c for c in found if c.kind == "statement-statement"]
    actions = [c for c in found if c.kind == "statement-action"]
    # one finding per voice (each official, and their government) and target, not one per pair
    assert sorted(c.actor.actor_id for c in stances) == ["brandt", "kessler", "zzagov"]
    kessler = next(c for c in stances if c.actor.actor_id == "kessler")
    said_by_kessler = {f"s{i}" for i in range(200) if i % 3}
    supporting = {r.id for r in (*kessler.a_records, *kessler.b_records)}
    assert len(supporting) >= 100 and supporting <= said_by_kessler
    assert kessler.a in kessler.a_records and kessler.b in kessler.b_records
    assert {r.type for r in kessler.a_records} == {"statement"}
    [action] = actions  # the government labels the Legion and meets it: one finding
    assert {r.type for r in action.a_records} == {"statement"} and {r.type for r in action.b_records} == {
        "event"
    }
    assert 1 <= len(action.b_records) <= 30
    fewer = find_contradictions(statements, events, ACTORS, max_events=1)
    assert len(next(c for c in fewer if c.kind == "statement-action").b_records) < len(action.b_records)


def test_a_verb_cue_is_about_its_object_or_passive_subject() -> None:
    lex = load_lexicon()
    text = "Ostia crossed the border and praised the coast guards."
    assert "ostia" not in lexical_stances(text, [(0, 5, "ostia", "Ostia")], lex)
    text = "Ostia was condemned by the council."
    assert lexical_stances(text, [(0, 5, "ostia", "Ostia")], lex)["ostia"].stance == "critical"


def test_the_possessor_of_support_gives_it() -> None:
    text = "He listed Ostia's support for the Legion."
    located = [(text.index("Ostia"), text.index("Ostia") + 5, "ostia", "Ostia"),
               (text.index("Legion"), text.index("Legion") + 6, "legion", "Legion")]  # fmt: skip
    stances = lexical_stances(text, located, load_lexicon())
    assert "ostia" not in stances and stances["legion"].stance == "supportive"


def test_a_label_of_a_name_is_not_applied_to_it() -> None:
    lex = load_lexicon()
    text = "The rebels are an enemy of Ostia."
    located = [(text.index("Ostia"), text.index("Ostia") + 5, "ostia", "Ostia")]
    assert lexical_stances(text, located, lex).get("ostia", StanceCue("neutral", "", "", "")).label == ""
    text = "Ostia is an enemy of the people."
    assert lexical_stances(text, [(0, 5, "ostia", "Ostia")], lex)["ostia"].label == "enemy"


def test_a_contradiction_never_cites_a_stance_its_statement_record_does_not_hold() -> None:
    # the words near the name read as praise, but the statement's record (``about``) holds
    # criticism: the two readings disagree, so no contradiction may call it supportive
    praise_in_words = said(
        "s1", "kessler", "The Legion's commanders are brave partners.", 1,
        (AboutRef("legion", "Northern Legion", "critical"),),
    )  # fmt: skip
    label = said("s2", "kessler", "The Northern Legion is a terrorist organisation.", 4)
    for c in find_contradictions([praise_in_words, label], [], ACTORS):
        assert "s1" not in {r.id for r in (*c.a_records, *c.b_records)}
    agreeing = said(
        "s1", "kessler", "The Legion's commanders are brave partners.", 1,
        (AboutRef("legion", "Northern Legion", "supportive"),),
    )  # fmt: skip
    [found] = find_contradictions([agreeing, label], [], ACTORS)
    assert "supportively" in found.explanation


def test_speech_not_asserted_takes_no_part() -> None:
    label = said("s1", "kessler", "The Northern Legion is a terrorist organisation.", 1)
    praise = said("s2", "kessler", "The Legion's commanders are brave partners.", 4)
    assert find_contradictions([label, praise], [], ACTORS)
    for unsaid in (replace(praise, negated=True), replace(praise, hypothetical=True)):
        assert find_contradictions([label, unsaid], [], ACTORS) == []
    question = said("s3", "kessler", "whether the Legion's commanders are brave partners", 4)
    assert find_contradictions([label, question], [], ACTORS) == []


def test_a_label_given_by_a_designation_the_speaker_reports_is_not_the_speakers() -> None:
    lex = load_lexicon()
    reported = "A council decree designating the Northern Legion as a terrorist group does not allow raids."
    own = "We consider the Northern Legion a terrorist group."
    for text, expected in ((reported, None), (own, "terrorist")):
        start = text.index("Northern Legion")
        cue = lexical_stances(text, [(start, start + 15, "legion", "Northern Legion")], lex).get("legion")
        assert (cue.label if cue else None) == expected, text


def test_a_refusal_inside_a_question_is_not_asserted() -> None:
    lex = load_lexicon()
    asked = "The question is not why we will not talk to Ostia."
    stated = "We will not talk to Ostia."
    for text, refused in ((asked, False), (stated, True)):
        start = text.index("Ostia")
        cue = lexical_stances(text, [(start, start + 5, "ostia", "Ostia")], lex).get("ostia")
        assert bool(cue and cue.refusal) is refused, text


def test_words_are_no_cooperation_with_the_labelled_group() -> None:
    s1 = said("s1", "kessler", "The Northern Legion is a terrorist organisation.", 1)
    declared = replace(event("e1", "zzagov", "legion", 1, "declared"), cameo_code="010", cameo_root="01")
    appealed = replace(event("e2", "zzagov", "legion", 1, "urged"), cameo_code="020", cameo_root="02")
    praised = replace(event("e4", "zzagov", "legion", 1, "said"), cameo_code="051", cameo_root="05")
    met = event("e3", "zzagov", "legion", 1, "met")
    found = find_contradictions([s1], [declared, appealed, praised, met], ACTORS)
    assert kinds(found) == {("statement-action", "s1", "e3")}


def test_a_word_of_a_name_is_no_stance_toward_it() -> None:
    text = "He left Solidarity because the union ignored his criticism of its support of the party."
    start = text.index("Solidarity")
    assert "sol" not in lexical_stances(text, [(start, start + 10, "sol", "Solidarity")], load_lexicon())
