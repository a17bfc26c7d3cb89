"""Event arguments an analyst would accept: no time as an actor, no cause read as an act, a
person received is a visit hosted, "they" after a compound subject is every member, and one
record for a happening told again with vaguer words."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from newsledger.knowledge.actors import ActorKB, Agent
from newsledger.knowledge.petrarch_verbs import default_verbs
from newsledger.models import Actor, ActorRef, Mention, TimeExpression
from newsledger.stages.events import code_item, merge_mentions
from newsledger.stages.events.coder import code_fields
from newsledger.stages.events.parties import names_a_time
from newsledger.stages.events.syntax import names_people, subjects, target_heads

from .test_events_reference import _item, _triples


def _codes(nlp: Any, text: str) -> set[tuple[str | None, str | None, str]]:
    return _triples(code_item(_item(nlp, text), default_verbs()))


def test_a_time_zone_or_a_clock_time_is_no_actor(nlp: Any) -> None:
    text = "Hamas ambushed a convoy of Israel around 11:45 GMT."
    item = _item(nlp, text)
    start = text.index("GMT")
    item.mentions.append(Mention(start, start + 3, "GMT", "ORG", 0, "org:gmt", "ner"))
    events = code_item(item, default_verbs())
    assert all(e.target is None or e.target.actor_id != "org:gmt" for e in events)
    gmt = next(t for t in item.doc if t.text == "GMT")
    hamas = next(t for t in item.doc if t.text == "Hamas")
    assert names_a_time(gmt) and not names_a_time(hamas)


def test_contributing_to_a_process_is_a_cause_not_an_act(nlp: Any) -> None:
    text = "Russia has contributed to the slow movement of troops to Syria."
    assert not _codes(nlp, text)
    # contributing to somebody stays aid
    assert any(c.startswith("07") for _, _, c in _codes(nlp, "Russia contributed to Syria."))


def test_receiving_a_person_is_hosting_a_visit(nlp: Any) -> None:
    events = code_item(_item(nlp, "Zarif did not receive Baradar in Tehran."), default_verbs())
    hosted = [e for e in events if e.cameo_code == "043"]
    assert [(e.source and e.source.cameo_code, e.target and e.target.cameo_code) for e in hosted] == [
        ("IRNGOV", "AFGINS")
    ]
    assert hosted[0].negated
    assert not any(
        e.cameo_code == "043" for e in code_item(_item(nlp, "Zarif received a letter."), default_verbs())
    )


def test_they_after_a_compound_subject_is_every_member(nlp: Any) -> None:
    text = "Russia and China have sought to isolate Iran, while they try to negotiate a deal with Syria."
    negotiations = {(s, t) for s, t, c in _codes(nlp, text) if c.startswith("04")}
    assert negotiations == {("RUS", "SYR"), ("CHN", "SYR")}


def test_a_happening_told_again_with_vaguer_actors_is_one_record(nlp: Any) -> None:
    item = _item(nlp, "Russia condemned Syria. Russia condemned Syria again.")
    first, second = code_item(item, default_verbs())
    unnamed = ActorRef("group:---GOV", "unidentified government", None, "GOV", "---GOV")
    syrian_government = ActorRef("group:SYRGOV", "Syrian government", "SYR", "GOV", "SYRGOV")
    vaguer = replace(second, source=unnamed, target=syrian_government)
    (record,) = merge_mentions([vaguer, first])
    assert (record.source, record.target, record.mentions) == (first.source, first.target, 2)
    elsewhere = ActorRef("group:IRNGOV", "Iranian government", "IRN", "GOV", "IRNGOV")
    assert len(merge_mentions([first, replace(vaguer, target=elsewhere)])) == 2


def test_a_definite_noun_naming_a_happening_again_takes_its_date(nlp: Any) -> None:
    text = "Russia invited Hamas on Monday. Russia's invitation came after the elections of January 2019."
    item = _item(nlp, text)
    monday, january = text.index("Monday"), text.index("January 2019")
    item.times = [
        TimeExpression(monday, monday + 6, "Monday", "2021-01-25", "day", 0),
        TimeExpression(january, january + 12, "January 2019", "2019-01", "month", 1),
    ]
    events = code_item(item, default_verbs())
    invitations = [e for e in events if e.cameo_code.startswith("036")]
    assert len(invitations) == 2 and {e.date for e in invitations} == {"2021-01-25"}
    (record,) = [e for e in merge_mentions(events) if e.cameo_code.startswith("036")]
    assert record.mentions == 2


def test_who_did_what_came_before_an_act_is_not_its_target(nlp: Any) -> None:
    events = _codes(nlp, "Zarif has called for calm following the announcement by Russia.")
    assert events and all(target is None for _, target, _ in events)
    # the partner of what came before may be: "called off the strike after talks with Russia"
    assert ("IRNGOV", "RUS", "020") in _codes(nlp, "Zarif has called for calm following talks with Russia.")


def test_a_clause_describing_the_people_acted_on_names_no_other_target(nlp: Any) -> None:
    doc = nlp("The party would reject asylum-seekers who are not vetted by the UNHCR.")
    reject = next(t for t in doc if t.lemma_ == "reject")
    candidates = {t.text for group in target_heads(reject, set()) for t in group}
    assert "seekers" in candidates and "UNHCR" not in candidates
    assert names_people(next(t for t in doc if t.text == "seekers"))
    # a clause on a happening still names who did it: "the attack which was carried out by Hamas"
    assert ("RUS", "PSEREB", "111") in _codes(
        nlp, "Russia condemned the attack which was carried out by Hamas."
    )


def test_a_list_of_doers_is_not_split_into_doers_and_done_to(nlp: Any) -> None:
    text = "The plan has been endorsed by Russia, China, Syria and Iran."
    assert not _codes(nlp, text)  # nobody named endorsed is no praise of one another
    assert ("ISR", "SYR", "057") in _codes(nlp, "Israel and Syria signed an agreement.")


def test_releasing_a_recording_or_a_message_frees_no_one(nlp: Any) -> None:
    assert not _codes(nlp, "Hamas has released a new videotape about Israel.")
    assert not _codes(nlp, "Hamas released a message to Israel.")
    assert ("PSEREB", "AFGINS", "084") in _codes(nlp, "Hamas released Baradar on Friday.")


def _with_nationals(nlp: Any, text: str) -> Any:
    item = _item(nlp, text)
    start = text.index("Syrians")
    item.mentions.append(Mention(start, start + 7, "Syrians", "NORP", 0, "country:SYR", "demonym"))
    item.actors["country:SYR"] = Actor("country:SYR", "Syria", "country", "SYR", None, "SYR")
    return item


def test_counted_nationals_are_civilians_of_their_country(nlp: Any) -> None:
    counted = _triples(
        code_item(_with_nationals(nlp, "Israel arrested 12 Syrians in Gaza."), default_verbs())
    )
    assert {(s, t) for s, t, c in counted if c.startswith("17")} == {("ISR", "SYRCVL")}
    people = _triples(code_item(_with_nationals(nlp, "Israel condemned the Syrians."), default_verbs()))
    assert ("ISR", "SYR", "111") in people  # the nation as a whole stays the country


def test_a_comment_without_addressee_folds_into_the_speakers_fuller_act(nlp: Any) -> None:
    (criticism,) = code_item(_item(nlp, "Russia condemned Iran."), default_verbs())
    comment = replace(criticism, event_id="ev_c", target=None, **code_fields("012"))
    assert merge_mentions([criticism, comment]) == [criticism]
    elsewhere = replace(comment, provenance=replace(comment.provenance, sentence_index=1))
    assert len(merge_mentions([criticism, elsewhere])) == 2


def test_an_actor_named_as_a_time_zone_is_no_actor(nlp: Any) -> None:
    text = "At noon (UTC-4) the group staged a protest against Israel."
    item = _item(nlp, text)
    zone, group = text.index("UTC-4"), text.index("the group")
    item.mentions += [
        Mention(zone, zone + 5, "UTC-4", "ORG", 0, "org:utc-4", "ner"),
        Mention(group, group + 9, "the group", "ORG", 0, "org:utc-4", "definite"),  # a bad link
    ]
    item.actors["org:utc-4"] = Actor("org:utc-4", "UTC-4", "organization", None, None, None)
    assert all(e.source is None or e.source.actor_id != "org:utc-4" for e in code_item(item, default_verbs()))


def test_an_order_or_a_number_does_nothing(nlp: Any) -> None:
    assert not _codes(nlp, "The first order of business is to shut down Hamas.")
    assert not _codes(nlp, "The number is expected to shut down Hamas.")


@pytest.mark.parametrize(
    "text",
    [
        "Zarif gave Russia more information about the decision.",
        "Officials provided counts to Russia.",
        "Zarif should visit the Russia website.",
        "Zarif visited the website of Hamas.",
    ],
)
def test_giving_information_or_visiting_a_website_is_no_act(nlp: Any, text: str) -> None:
    assert not any(c[:2] in {"04", "07"} for _, _, c in _codes(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "Russia was to deliver nuclear fuel to Iran in March.",  # a month, not a march (140)
        "Zarif asked if Baradar was aware of the comments.",  # a question, not a request (02)
        "Baradar's appeals were exhausted.",  # a legal appeal asks no one (02)
        "Russia insisted that Zarif only met Baradar after the vote.",  # a claim, not a demand (10)
    ],
)
def test_words_of_another_sense_are_no_act(nlp: Any, text: str) -> None:
    family = {"March": "14", "asked": "02", "appeals": "02", "insisted": "10"}
    root = next(r for word, r in family.items() if word in text)
    assert not any(c.startswith(root) for _, _, c in _codes(nlp, text))


def test_the_same_words_in_their_political_sense_still_code(nlp: Any) -> None:
    assert any(c.startswith("02") for _, _, c in _codes(nlp, "Zarif asked Baradar to release the prisoners."))
    assert any(c.startswith("02") for _, _, c in _codes(nlp, "Hamas made an appeal to Russia for calm."))
    assert any(c.startswith("10") for _, _, c in _codes(nlp, "Russia insisted that Zarif must leave Syria."))


def test_an_outlet_quoting_someone_is_not_the_one_who_acts(nlp: Any) -> None:
    text = '"We warn Syria not to attack Israel," Reuters quotes Zarif as adding.'
    item = _item(nlp, text)
    start = text.index("Reuters")
    item.mentions.append(Mention(start, start + 7, "Reuters", "ORG", 0, "org:reuters", "dictionary"))
    item.actors["org:reuters"] = Actor("org:reuters", "Reuters", "organization", None, "MED", "MED")
    events = code_item(item, default_verbs())
    assert not any(e.source is not None and e.source.actor_id == "org:reuters" for e in events)


def test_who_a_claim_is_according_to_is_not_its_target(nlp: Any) -> None:
    events = _codes(nlp, "Russia will repeal the act by February, according to Zarif.")
    assert events and not any(target == "IRNGOV" for _, target, _ in events)


@pytest.mark.parametrize(
    "text",
    [
        "Zarif met with criticism from Russia.",  # no consultation
        "Baradar has been released from hospital in Iran.",  # no one set free
    ],
)
def test_idioms_of_meeting_and_releasing_are_no_act(nlp: Any, text: str) -> None:
    assert not any(c[:2] in {"04", "08"} for _, _, c in _codes(nlp, text))


def test_a_nominal_event_takes_the_modality_of_the_verb_that_carries_it(nlp: Any) -> None:
    events = code_item(_item(nlp, "Zarif will not attend the talks with Russia."), default_verbs())
    talks = [e for e in events if e.trigger == "talks"]
    assert talks and all(e.negated and e.hypothetical for e in talks)


@pytest.mark.parametrize(
    "text",
    [
        "Zarif delivered his keynote address at the University of Russia.",  # a speech is no aid
        "Russia has been given seven days to answer Zarif.",  # time is no aid
        "Zarif called upon the expertise of staff from Russia.",  # using skills asks no one
        "Zarif will be heading to the polls in Russia.",  # voting is no visit
    ],
)
def test_things_given_called_on_or_headed_to_that_are_no_act(nlp: Any, text: str) -> None:
    assert not any(c[:2] in {"02", "03", "04", "07"} for _, _, c in _codes(nlp, text))


def test_who_sees_a_proposal_did_not_make_it(nlp: Any) -> None:
    assert not _codes(nlp, "The proposal seen by Russia and China was new.")
    assert ("PSEREB", None, "140") in _codes(nlp, "The rally organised by Hamas took place in Gaza.")


@pytest.mark.parametrize(
    ("text", "root"), [("Israel and Hamas agreed to a ceasefire.", "03"), ("Israel and Hamas clashed.", "19")]
)
def test_conjoined_subjects_of_a_mutual_verb_act_on_each_other(nlp: Any, text: str, root: str) -> None:
    # one happening between the two, one record after merging (not one target-less act each)
    events = merge_mentions(code_item(_item(nlp, text), default_verbs(), ledger=True))
    assert [
        (e.source and e.source.cameo_code, e.target and e.target.cameo_code)
        for e in events
        if e.cameo_root == root
    ] == [("ISR", "PSEREB")]


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("Iran and Syria met Russia in Moscow.", {("IRN", "RUS"), ("SYR", "RUS")}),
        ("Iran and Syria held talks with Hamas.", {("IRN", "PSEREB"), ("SYR", "PSEREB")}),
        ("Iran and Syria met in Moscow.", {("IRN", "SYR")}),  # no partner named: each other
    ],
)
def test_conjoined_subjects_meeting_a_named_partner_each_meet_the_partner(
    nlp: Any, text: str, pairs: set[tuple[str, str]]
) -> None:
    events = merge_mentions(code_item(_item(nlp, text), default_verbs(), ledger=True))
    found = {(e.source and e.source.cameo_code, e.target and e.target.cameo_code) for e in events}
    assert found == pairs


def test_a_persons_office_that_acts_is_its_own_organisation_of_the_persons_code(nlp: Any) -> None:
    item = _item(
        nlp, "Zarif's office criticized Israel. Zarif's campaign denied reports that Zarif will meet Baradar."
    )
    events = code_item(item, default_verbs())
    by_code = {e.cameo_code: e for e in events}
    office, campaign = by_code["111"].source, by_code["016"].source
    assert office is not None and campaign is not None
    assert (office.name, office.cameo_code) == ("Office of Zarif", "IRNGOV")
    assert campaign.name == "Campaign of Zarif" and item.actors[campaign.actor_id].kind == "organization"
    # a body acting for a person does not act on that person; nor is the denial aimed at whom
    # the reports name (codebook 016: its target is who made the claim, here unnamed)
    assert by_code["016"].target is None
    # one's own staff acted on stays the person's affair: the order is Zarif's
    ordered = code_item(_item(nlp, "Zarif ordered his staff to condemn Israel."), default_verbs())
    assert [e.source and e.source.name for e in ordered] == ["Zarif"]


def test_the_attack_named_again_is_the_named_doers_not_its_vaguer_retelling(nlp: Any) -> None:
    from newsledger.stages.events.anaphora import referred_doer

    (told,) = code_item(_item(nlp, "Hamas ambushed a convoy of Israel."), default_verbs())
    janjaweed = ActorRef("group:SDNUAFREB#janjaweed", "Janjaweed", "SDN", "UAFREB", "SDNUAFREB")
    rebels = ActorRef("group:---REB", "unidentified rebels", None, "REB", "---REB")
    military = ActorRef("group:---MIL", "unidentified military", None, "MIL", "---MIL")
    named = replace(told, source=janjaweed)
    retold = replace(told, source=rebels, target=military)  # "militants ambushed their convoy"
    condemned = nlp("Russia condemned the attack.")[1]
    doer = referred_doer(condemned, {"attack": "190"}, [named, retold], lambda _: set(), set())
    assert doer is not None and doer[0] == janjaweed  # rebels of a compound sector: the same doer
    # a doer the coder only typed is no name to go back to
    typed = replace(told, source=ActorRef("group:PSEUAF", "Palestinian armed group", "PSE", "UAF", "PSEUAF"))
    doer = referred_doer(
        condemned, {"attack": "190"}, [typed, replace(retold, source=rebels)], lambda _: set(), set()
    )
    assert doer is not None and doer[0] == rebels


def test_he_after_an_unnamed_spokesman_is_the_body_the_spokesman_speaks_for(nlp: Any) -> None:
    text = "A spokesman for Hamas criticized Israel. He also accused Russia of lying."
    assert _codes(nlp, text) == {("PSEREB", "ISR", "111"), ("PSEREB", "RUS", "112")}
    # a person named in between is whom "he" may be: not taken from the spokesman
    assert not any(
        c == "112"
        for _, _, c in _codes(
            nlp, "A spokesman for Hamas criticized Israel. Zarif met him. He also accused Russia of lying."
        )
    )


def test_an_ambush_retold_by_unnamed_militants_on_troops_is_one_with_the_ambush_on_peacekeepers(
    nlp: Any,
) -> None:
    item = _item(nlp, "Hamas ambushed a convoy of Israel. Hamas ambushed a convoy of Israel again.")
    first, second = code_item(item, default_verbs())
    janjaweed = ActorRef("org:janjaweed", "Janjaweed", "SDN", "UAFREB", "SDNUAFREB")
    un = ActorRef("org:united-nations", "United Nations", "IGO", "UNO", "IGOUNO")
    rebels = ActorRef("group:---REB", "unidentified rebels", None, "REB", "---REB")
    named = replace(first, source=janjaweed, target=un)
    (record,) = merge_mentions(
        [
            named,
            replace(
                second,
                source=rebels,
                target=ActorRef("group:---MIL", "unidentified military", None, "MIL", "---MIL"),
            ),
        ]
    )
    assert (record.source, record.target, record.mentions) == (janjaweed, un, 2)
    police = ActorRef("group:---COP", "unidentified police", None, "COP", "---COP")
    assert len(merge_mentions([named, replace(second, source=rebels, target=police)])) == 2


def _dyads(nlp: Any, text: str, kb: ActorKB | None = None) -> set[tuple[str | None, str | None, str]]:
    events = code_item(_item(nlp, text), default_verbs(), kb=kb)
    return {(e.source and e.source.cameo_code, e.target and e.target.sector, e.cameo_root) for e in events}


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("Hamas attacked a village near Israel on Monday, killing 12 civilians, witnesses said.", "Hamas"),
        ("Rebels shelled the town, leaving 3 dead and forcing thousands to flee.", "Rebels"),
        # a passive's agent does what its adjunct says, not the one attacked
        ("Police were attacked by protesters, wounding two officers.", "protesters"),
        # a passive without agent: nobody named did it
        ("Police were attacked on Monday, wounding two officers.", None),
    ],
)
def test_a_participle_with_no_subject_of_its_own_is_done_by_the_doer_of_its_verb(
    nlp: Any, text: str, doer: str | None
) -> None:
    doc = nlp(text)
    for participle in (t for t in doc if t.tag_ == "VBG"):
        assert [h.text for h in subjects(participle)[0]] == ([doer] if doer else [])


def test_an_attack_and_the_killing_it_did_are_one_record_with_the_attackers_as_doer(nlp: Any) -> None:
    item = _item(nlp, "Hamas attacked a village near Israel on Monday, killing 12 civilians.")
    events = code_item(item, default_verbs())
    assert {e.trigger for e in events} == {"attacked", "killing"}
    assert all(e.source is not None and e.source.cameo_code == "PSEREB" for e in events)
    (record,) = [e for e in merge_mentions(events) if e.cameo_root == "19"]
    assert (record.trigger, record.mentions) == ("attacked", 2)
    # killing that follows an act of another kind is a happening of its own
    arrest = code_item(
        _item(nlp, "Israel arrested Hamas members on Monday, killing 12 civilians."), default_verbs()
    )
    assert {e.cameo_root for e in merge_mentions(arrest)} >= {"17", "19"}


def test_a_passive_without_agent_takes_no_doer_from_the_one_it_is_done_to(nlp: Any) -> None:
    kb = ActorKB(agents={"MILITIA": Agent("MIL"), "ACTIVISTS": Agent("OPP")})
    # the militia was accused by somebody unnamed: it is the accused, never the accuser, and
    # the accuser is an unidentified actor, never a blank source
    assert _dyads(nlp, "The Hamas militia has been accused of atrocities.", kb) == {("---", "REB", "11")}
    (accused,) = code_item(_item(nlp, "Activists have been accused of atrocities."), default_verbs(), kb=kb)
    assert accused.source is not None and (accused.source.name, accused.source.sector) == (
        "unidentified actor",
        None,
    )
    # a passive's agent word still types the doer
    assert _dyads(nlp, "Hamas was accused by activists of atrocities.", kb) == {("---OPP", "REB", "11")}


def test_violence_by_somebody_no_word_types_has_an_unidentified_armed_doer(nlp: Any) -> None:
    kb = ActorKB()
    events = code_item(_item(nlp, "A man attacked three Hamas members near Israel."), default_verbs(), kb=kb)
    assert events and all(e.source is not None and e.source.sector == "UAF" for e in events)


def test_what_nobody_named_must_do_is_demanded_of_no_one() -> None:
    from newsledger.stages.events.conventions import obligation_pairs
    from newsledger.stages.events.modality import Modality
    from newsledger.stages.events.parties import SOMEBODY_ID, UNIDENTIFIED

    lula = ActorRef("person:lula", "Lula", "BRA", "GOV", "BRAGOV")
    venezuela = ActorRef("country:VEN", "Venezuela", "VEN", None, "VEN")
    somebody = ActorRef(SOMEBODY_ID, UNIDENTIFIED, None, None, "---")
    must = Modality(obligation="demand")
    # "Venezuela does not need to be accused", said Lula: no demand of an unidentified actor
    assert obligation_pairs([(somebody, venezuela, "112")], must, lula) == [(somebody, venezuela, "112")]
    # "Venezuela must release them", said Lula: a demand of Venezuela
    (demand,) = obligation_pairs([(venezuela, somebody, "084")], must, lula)
    assert demand[:2] == (lula, venezuela) and demand[2].startswith("10")
