"""Rules written on random corpus articles (#11.2, not on gold sentences): who a charge is aimed
at, unnamed people a force is used on, and the offence a charge names."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from newsledger.knowledge.petrarch_verbs import default_verbs
from newsledger.models import Statement
from newsledger.stages.events import code_item
from newsledger.stages.events.judgements import judging_events
from newsledger.stages.events.modality import charged_offences, modality
from newsledger.stages.events.parties import Parties

from .test_events_reference import _item, _triples


def _codes(nlp: Any, text: str) -> set[tuple[str | None, str | None, str]]:
    return _triples(code_item(_item(nlp, text), default_verbs()))


def _tok(nlp: Any, text: str, word: str) -> Any:
    return next(t for t in nlp(text) if t.text == word)


def test_the_victim_of_the_offence_is_not_the_one_charged(nlp: Any) -> None:
    coded = _codes(nlp, "Israel charged Baradar with killing Zarif.")
    assert ("ISR", "AFGINS", "173") in coded
    assert not any(s == "ISR" and t == "IRNGOV" and c.startswith("17") for s, t, c in coded)
    # hung on the one arrested, the offence is no target either
    arrested = _codes(nlp, "Iran arrested a man for attacking Zarif.")
    assert not any(t == "IRNGOV" and c.startswith("17") for _, t, c in arrested)


def test_an_offence_a_charge_names_is_alleged(nlp: Any) -> None:
    text = "The woman was charged with affray, assaulting police and resisting arrest."
    assert modality(_tok(nlp, text, "assaulting")).hypothetical
    assert modality(_tok(nlp, "Israel accused Hamas of attacking the convoy.", "attacking")).hypothetical
    assert not modality(
        _tok(nlp, "Hamas attacked the convoy and charged the guards.", "attacked")
    ).hypothetical
    charged = _tok(nlp, "Israel charged Baradar with killing Zarif.", "charged")
    assert {t.text for t in charged.doc if t.i in charged_offences(charged)} == {"with", "killing", "Zarif"}


def test_unnamed_people_a_force_is_used_on_are_civilians_not_the_place(nlp: Any) -> None:
    deported = _codes(nlp, "Russia deported the three men to Syria.")
    assert not any(t == "SYR" for _, t, _ in deported)
    assert any(
        s == "RUS" and t is not None and t.endswith("CVL") and c.startswith("174") for s, t, c in deported
    )
    arrested = _codes(nlp, "Three men were arrested by Iran in relation to the riot in Syria.")
    assert not any(t == "SYR" for _, t, _ in arrested)
    assert any(s == "IRN" and t is not None and t.endswith("CVL") and c == "173" for s, t, c in arrested)
    # a named target stays the target
    assert ("RUS", "SYR", "161") in _codes(nlp, "Russia expelled Syria's ambassador to Iran.")


def test_a_blast_told_as_an_accident_has_no_unnamed_attacker(nlp: Any) -> None:
    assert not _codes(nlp, "The explosion of an oil pipeline in Syria killed 27 people.")
    assert not _codes(nlp, "A gas explosion killed five people in Syria.")
    assert any(c.startswith("18") for _, _, c in _codes(nlp, "A car bomb killed five people in Syria."))


def test_force_used_on_a_thing_is_used_on_its_owner(nlp: Any) -> None:
    text = "Syria's soldiers are dead after Hamas ambushed their convoy near Israel."
    coded = _codes(nlp, text)
    assert any(s == "PSEREB" and t == "SYR" and c.startswith("19") for s, t, c in coded)
    assert not any(t in {"PSEREB", "ISR"} and c.startswith("19") for _, t, c in coded)
    assert any(
        s == "PSEREB" and t == "ISR"
        for s, t, _ in _codes(nlp, "Hamas shelled Israel's positions near Syria.")
    )


def test_injured_by_a_blast_is_an_attack_by_an_unnamed_force(nlp: Any) -> None:
    coded = _codes(nlp, "Eleven residents of Syria were injured by an explosion.")
    assert any(s is not None and s.endswith("UAF") and c.startswith("18") for s, _, c in coded)
    # killed in a crash: an accident, nobody's act
    assert not _codes(nlp, "Five people were killed in a car crash in Syria.")


def test_a_happening_made_in_the_passive_is_done_by_the_agent(nlp: Any) -> None:
    coded = _codes(nlp, "An apology was delivered to Iran by Russia.")
    assert ("RUS", "IRN", "055") in coded
    assert not any(c.startswith("07") for _, _, c in coded)  # no delivery of aid
    # the verb still codes the act in the active voice
    assert any(c == "190" for _, _, c in _codes(nlp, "Russia launched an attack on Iran."))


def test_a_deal_signed_by_two_parties_is_signed_with_each_other(nlp: Any) -> None:
    coded = _codes(nlp, "The peace deal was signed by Syria and Israel.")
    assert {("SYR", "ISR", "057"), ("ISR", "SYR", "057")} <= coded


def _said(nlp: Any, text: str, quote: str, cue: str) -> list[tuple[str | None, str | None, str]]:
    """The criticism events judging_events reads from one statement by Zarif."""
    item = _item(nlp, text)
    start, cue_at = text.index(quote), text.index(cue)
    speaker = item.actor_ref("person:zarif")
    prov = item.provenance(item.sentences[0], (start, start + len(quote)), "test")
    item.statements.append(
        Statement(
            "st1",
            prov,
            speaker,
            "Zarif",
            None,
            cue,
            "direct",
            quote,
            (start, start + len(quote)),
            (cue_at, cue_at + len(cue)),
        )
    )
    events = judging_events(item, [], Parties(item, item.date, None))
    return [
        (e.source and e.source.cameo_code, e.target and e.target.cameo_code, e.cameo_code) for e in events
    ]


def test_quoted_words_tied_to_an_actor_are_criticism_by_the_speaker(nlp: Any) -> None:
    text = 'Zarif said: "Europe is speechless before this oppressive Russia."'
    assert _said(nlp, text, "Europe is speechless before this oppressive Russia.", "said") == [
        ("IRNGOV", "RUS", "111")
    ]
    text = 'Zarif said of Israel that "they are an enemy of Syria."'
    assert _said(nlp, text, "they are an enemy of Syria.", "said") == [("IRNGOV", "ISR", "111")]
    # denied, or a judging word tied to no actor: no criticism
    assert _said(nlp, 'Zarif said: "Russia is not our enemy."', "Russia is not our enemy.", "said") == []
    text = 'Zarif said: "Russia fears an aggressive winter."'
    assert _said(nlp, text, "Russia fears an aggressive winter.", "said") == []


def test_a_happening_received_from_someone_is_done_by_them(nlp: Any) -> None:
    assert ("RUS", "ISR", "111") in _codes(nlp, "Israel faced condemnation from Russia.")
    # who owns what receives it is the target
    assert ("CHN", "IRNGOV", "111") in _codes(nlp, "Zarif's book has drawn criticism from China.")


def test_people_an_appeal_is_addressed_to_are_civilians(nlp: Any) -> None:
    coded = _codes(nlp, "Russia urged residents to stay indoors.")
    assert any(s == "RUS" and t is not None and t.endswith("CVL") and c.startswith("02") for s, t, c in coded)
    assert any(
        t == "SYR" and c.startswith("02") for _, t, c in _codes(nlp, "Russia urged Syria to stay calm.")
    )


def test_a_quality_a_naming_verb_gives_an_actor_judges_it(nlp: Any) -> None:
    text = 'Zarif called Russia\'s approach "intellectually bankrupt".'
    assert _said(nlp, text, "Russia's approach \"intellectually bankrupt", "called") == [
        ("IRNGOV", "RUS", "111")
    ]


def test_taking_over_an_office_is_no_seizure(nlp: Any) -> None:
    assert not _codes(nlp, "Zarif will take over the post of foreign minister from Baradar.")
    assert any(
        c.startswith("19") for _, _, c in _codes(nlp, "Hamas took over Syria's border posts in Israel.")
    )


def test_what_one_phones_or_meets_someone_to_do_is_done_to_them(nlp: Any) -> None:
    coded = _codes(nlp, "Zarif phoned Baradar to apologize for the remark.")
    assert ("IRNGOV", "AFGINS", "055") in coded


@lru_cache(maxsize=1)
def _default_pipeline() -> Any:
    """One default pipeline per test process: building one loads its resources again."""
    from newsledger.pipeline import build_pipeline

    return build_pipeline()


def _pipeline_events(text: str) -> list[Any]:
    from newsledger.models import Article

    [result], errors = _default_pipeline().run([Article("a1", "t", text, "2010-05-04")])
    assert not errors
    return list(result.events)


def test_a_form_only_a_pattern_layer_lists_does_not_hide_its_verb() -> None:
    from newsledger.knowledge.phoenix import verb_dictionary

    vd = verb_dictionary()  # Phoenix's compound "SHOT_AND" lists the form "shot"
    assert "193" in {e.code for e in vd.candidates("shot", "shoot")}
    assert {e.code for e in vd.candidates("shoots", "shoot")} == {"193"}
    shot = _pipeline_events("Israeli troops shot two Palestinian civilians in Nablus.")
    assert [
        (e.source.cameo_code, e.target.cameo_code, e.cameo_code) for e in shot if e.source and e.target
    ] == [("ISRMIL", "PSECVL", "193")]
    # the compound's own form still stands where it fits: "shot and killed" is one killing
    both = _pipeline_events("Israeli troops shot and killed two Palestinian civilians in Nablus.")
    assert [e.cameo_code for e in both] == ["190"]


def test_a_gathering_of_actors_acts_as_the_actors_it_gathers() -> None:
    for text in (
        "An alliance of human rights groups criticised the Egyptian government.",
        "A coalition of human rights groups criticised the Egyptian government.",
    ):
        coded = {(e.source.sector if e.source else None, e.cameo_code) for e in _pipeline_events(text)}
        assert ("HRI", "111") in coded, text


def test_a_crowd_that_counts_nobody_named_is_the_civilians_of_the_place() -> None:
    [march] = _pipeline_events("Thousands marched in Caracas on Sunday.")
    assert march.source is not None and (march.source.country, march.source.sector) == ("VEN", "CVL")


def test_a_name_that_describes_a_thing_is_not_where_it_happens() -> None:
    [protest] = _pipeline_events("Hundreds protested outside the US embassy in Cairo.")
    assert protest.location is not None and protest.location.name == "Cairo"
    assert protest.source is not None and protest.source.country == "EGY"


def test_phoenix_people_are_cameo_civilians() -> None:
    from newsledger.knowledge.phoenix import phoenix_kb

    agent = phoenix_kb().agent("men")
    assert agent is not None and agent.code == "CVL"
    [arrest] = _pipeline_events("Police arrested five men in Tehran.")
    assert arrest.target is not None and arrest.target.sector == "CVL"


def test_a_meeting_of_many_is_the_first_named_meeting_each_other() -> None:
    met = _pipeline_events("The presidents of Bolivia, Brazil, Chile and Peru met in Lima on Monday.")
    dyads = {
        (e.source.country, e.target.country) for e in met if e.source and e.target and e.cameo_root == "04"
    }
    assert dyads == {("BOL", "BRA"), ("BOL", "CHL"), ("BOL", "PER")}


def test_with_the_users_dictionaries_no_event_goes_without_a_source() -> None:
    from newsledger.knowledge.phoenix import phoenix_folder
    from newsledger.models import Article
    from newsledger.pipeline import PipelineConfig, build_pipeline

    text = (
        'At 9pm last night Jorge Quiroga conceded defeat saying, "I congratulate Evo Morales." '
        "Morales is expected to win easily. Bolivia criticized Chile on Monday."
    )
    pipeline = build_pipeline(PipelineConfig(dictionaries=str(phoenix_folder())))
    [result], errors = pipeline.run([Article("a1", "t", text, "2005-12-19")])
    assert not errors and result.events
    assert all(e.source is not None for e in result.events)


def test_a_law_is_no_actor_and_does_nothing() -> None:
    from newsledger.models import Article
    from newsledger.pipeline import build_pipeline

    text = "The Liquid Fuel Emergency Act provides authority for the Australian government to act."
    [result], _ = build_pipeline().run([Article("a1", "t", text, "2008-05-04")])
    assert not any(a.name.endswith("Act") for a in result.actors)
    assert not result.events


def test_a_question_asked_is_no_appeal() -> None:
    for text in (
        "President Bush was asked about Amnesty International's report by Iran.",
        'Iran asked Israel, "Are you saying that Hamas falsified the number?"',
        "Iran asked Israel about the prisoners.",
    ):
        assert not [e for e in _pipeline_events(text) if e.cameo_root == "02"], text
    # what is asked for stays an appeal
    assert [e.cameo_root for e in _pipeline_events("Iran asked Israel to release the prisoners.")] == ["02"]
    assert [e.cameo_root for e in _pipeline_events("Iran asked Israel for aid.")] == ["02"]


def test_who_speaks_after_an_assault_did_not_commit_it() -> None:
    spoke = _pipeline_events("Barack Obama spoke after the bombing of the US embassy.")
    assert not any(e.source is not None and e.source.name == "Barack Obama" for e in spoke)
    # who is at a meeting took part in it
    met = _pipeline_events("After the meeting with the Taliban, Zarif said Iran would help.")
    assert [(e.cameo_root, e.source.name if e.source else None) for e in met] == [
        ("04", "Mohammad Javad Zarif")
    ]


def test_capturing_a_place_is_occupying_territory() -> None:
    assert [e.cameo_code for e in _pipeline_events("Taliban fighters captured the town of Musa Qala.")] == [
        "192"
    ]
    assert [e.cameo_code for e in _pipeline_events("Rebels seized the airport in Goma.")] == ["192"]
    # people captured are arrested, property seized is property
    assert [e.cameo_code for e in _pipeline_events("Police captured the rebel leader in Kandahar.")] == [
        "173"
    ]
    assert [e.cameo_code for e in _pipeline_events("Iran seized a British tanker.")] == ["1711"]


def test_a_person_let_go_or_stepping_back_is_no_political_act() -> None:
    for text in (
        "Donald Trump dismissed Anthony Scaramucci from his role as White House communications director.",
        "Gammon withdrew due to health reasons and Collins took over as the presidential nominee.",
    ):
        assert not [e for e in _pipeline_events(text) if e.cameo_root in {"08", "12"}], text
    # a claim dismissed is rejected; a country withdrawing from a place de-escalates
    assert [e.cameo_root for e in _pipeline_events("Iran dismissed the allegations by Israel.")] == ["12"]
    assert [e.cameo_code[:3] for e in _pipeline_events("Israel withdrew from Gaza in 2005.")] == ["087"]


def test_unnamed_doers_belong_where_the_act_is_done_not_where_it_goes() -> None:
    [deported] = _pipeline_events("Police deported the man to Saudi Arabia.")
    assert deported.source is not None and deported.source.country != "SAU"
    assert deported.location is not None and deported.location.country == "SAU"  # where it went
    [attack] = _pipeline_events("Gunmen attacked a village in Kandahar.")
    assert attack.source is not None and attack.source.country == "AFG"


def test_products_released_delegates_pledged_and_a_hunt_promised() -> None:
    released = "In 1998 Apple introduced the iMac, and the following year the Mac OS X operating system was released."
    assert not _pipeline_events(released)
    assert not _pipeline_events("Kansas has pledged 36 delegates to the winner of today's contest.")
    assert [e.cameo_code for e in _pipeline_events("McCain promised to hunt Osama bin Laden.")] == ["138"]
    # persons are still released, aid still pledged
    assert [e.cameo_code for e in _pipeline_events("Iran released the British sailors.")] == ["084"]
    assert [e.cameo_code for e in _pipeline_events("Obama pledged aid to Haiti.")] == ["033"]


def test_arms_stand_for_their_military_and_a_modifier_owns_what_is_hit() -> None:
    [bombed] = _pipeline_events("Israeli jets bombed Hamas positions in Gaza.")
    assert bombed.source is not None and (bombed.source.country, bombed.source.sector) == ("ISR", "MIL")
    assert bombed.target is not None and bombed.target.name == "Hamas"
    [struck] = _pipeline_events("Russian warplanes struck rebel positions in Syria.")
    assert struck.target is not None and (struck.target.country, struck.target.sector) == ("SYR", "REB")
    [base] = _pipeline_events("Gunmen attacked an army base in Mosul.")
    assert base.target is not None and (base.target.country, base.target.sector) == ("IRQ", "MIL")


def test_attacking_a_policy_is_criticism() -> None:
    text = "The opposition attacked the government's decision to raise taxes."
    assert [e.cameo_code for e in _pipeline_events(text)] == ["111"]
    assert [e.cameo_root for e in _pipeline_events("Rebels attacked the army base.")] == ["19"]


def test_through_along_and_off_say_where() -> None:
    [march] = _pipeline_events("Thousands marched through the streets of Caracas on Sunday.")
    assert march.location is not None and march.location.country == "VEN"
    assert march.source is not None and march.source.country == "VEN"


def test_a_permission_that_holds_is_no_act() -> None:
    assert not _pipeline_events("American military personnel are not allowed to be openly gay.")
    allowed = _pipeline_events("Palestinians were allowed into Egypt by the Egyptian government.")
    assert [(e.cameo_code, e.source.name if e.source else None) for e in allowed] == [
        ("086", "Egyptian government")
    ]


def test_aid_received_from_no_one_is_no_interaction() -> None:
    for text in (
        "Adam Kokesh was given a general discharge from the Marine Forces Reserve in 2007.",
        "Prime Minister Manmohan Singh was sent back to the intensive care unit on Monday.",
    ):
        assert not [e for e in _pipeline_events(text) if e.cameo_root in {"03", "07"}], text
    given = _pipeline_events("Haiti was given aid by the European Union.")
    assert [(e.cameo_root, e.source.name if e.source else None) for e in given] == [("07", "European Union")]


def test_forces_deployed_by_no_one_named_show_their_own_force() -> None:
    [deployed] = _pipeline_events("The Ugandan troops were deployed to Mogadishu on Tuesday.")
    assert deployed.cameo_root == "15"
    assert deployed.source is not None and (deployed.source.country, deployed.source.sector) == ("UGA", "MIL")


def test_a_named_person_sentenced_by_no_one_named_is_sentenced_by_a_court() -> None:
    [sentenced] = _pipeline_events(
        "Garth Drabinsky was sentenced to seven years in prison in Toronto on Wednesday."
    )
    assert sentenced.source is not None and (sentenced.source.country, sentenced.source.sector) == (
        "CAN",
        "JUD",
    )
    rule = "The party will require a person who is convicted of a violent offence to serve the sentence."
    assert not [e for e in _pipeline_events(rule) if e.cameo_code == "116"]


def test_participles_conjoined_to_a_passive_share_its_voice_and_its_agent() -> None:
    praised = _pipeline_events("Priscilla Owen was praised and congratulated by Senator Bill Frist.")
    assert [(e.cameo_root, e.source.name if e.source else None) for e in praised] == [("05", "Bill Frist")]
    beaten = _pipeline_events(
        "Mousa and the other men were tied and hooded and repeatedly kicked and assaulted by troops."
    )
    assert [(e.cameo_root, e.target.name if e.target else None) for e in beaten] == [("18", "Mousa")]
    # a conjunct with an auxiliary of its own is a clause of its own, with its own doer
    text = "Bernard Guillet was arrested in April and was put under investigation by judge Philippe Courroye."
    [arrest] = [e for e in _pipeline_events(text) if e.cameo_code == "173"]
    assert arrest.source is not None and arrest.source.name != "Philippe Courroye"
    asked = _pipeline_events("The Rapid Action Force has been deployed and has asked for reinforcements.")
    assert all(e.target is None or e.target.name != "Rapid Action Force" for e in asked)


def test_a_pattern_that_codes_only_with_its_dyad_holds_no_content() -> None:
    # "led" codes nothing here, so the clause the parser hung on it is an act of its own
    text = "Rafiq Hariri was assassinated on February 14; his death led to pressure on Syria."
    assert [(e.cameo_code, e.target.name if e.target else None) for e in _pipeline_events(text)] == [
        ("186", "Rafiq Hariri")
    ]


def test_a_place_named_as_where_an_act_is_done_is_no_party_to_it() -> None:
    agreed = _pipeline_events("In Oran, Algeria, OPEC members agreed to make the largest cut in its history.")
    assert agreed and all(e.target is None for e in agreed)
    sued = _pipeline_events("Eva Glawischnig-Piesczek sued in Austria for defamation and won.")
    assert not any(e.target is not None and e.target.name == "Austria" for e in sued)
    opposed = _pipeline_events(
        "The Family Coalition Party opposes the proposed land transfer tax in Toronto."
    )
    assert not any(e.target is not None and e.target.country == "CAN" for e in opposed)
    # people named by where they are stand for the place ("peacekeepers in Iraq")
    refused = _pipeline_events("Pakistan has refused to deploy peacekeepers in Iraq.")
    assert any(e.cameo_root == "12" and e.target is not None and e.target.country == "IRQ" for e in refused)
    # a visit, a protest, an occupation or an easing is done to the place
    [visit] = _pipeline_events("Norwegian envoy Erik Solheim arrived in Sri Lanka on Monday for talks.")
    assert visit.target is not None and visit.target.country == "LKA"
    occupation = _pipeline_events(
        "The withdrawal would end 25 years of Syrian military occupation in Lebanon."
    )
    assert any(
        e.cameo_root == "19" and e.target is not None and e.target.country == "LBN" for e in occupation
    )


def test_going_to_announces_an_act() -> None:
    [talks] = [e for e in _pipeline_events("Iran is going to attack Israel.") if e.cameo_root != "04"]
    assert talks.hypothetical and talks.cameo_root == "13"  # announced force: a threat


def test_asking_someone_to_act_is_a_request_whatever_condition_follows() -> None:
    text = (
        "Police have asked the public to call the number (+44 800 789321 if outside the UK) "
        "if they saw Hussain last Thursday."
    )
    assert [e.cameo_root for e in _pipeline_events(text)] == ["02"]
    assert not _pipeline_events("A reporter asked Scott McClellan if Bush was aware of the report.")


def test_welcoming_an_act_endorses_it_welcoming_people_hosts_them() -> None:
    [endorsed] = _pipeline_events("Iran welcomed CNN's apology on Monday.")
    assert endorsed.cameo_code == "051"
    [hosted] = _pipeline_events("Vladimir Putin welcomed the Chinese delegation in Moscow.")
    assert hosted.cameo_code == "043"


def test_a_sum_charged_is_a_price_not_a_charge() -> None:
    text = "Individuals can be charged up to US$950 annually with families fined up to US$3,800 per year."
    assert not _pipeline_events(text)
    assert not _pipeline_events("The company charged customers $20 for entry.")
    charged = _pipeline_events("Prosecutors charged Tom Smith with stealing $5 million from the bank.")
    assert [e.cameo_code for e in charged] == ["173"]


def test_a_gathering_or_a_unit_stands_for_the_body_its_of_names() -> None:
    [arrest] = _pipeline_events("Three protesters were arrested by members of the Egyptian army.")
    assert arrest.source is not None and (arrest.source.country, arrest.source.sector) == ("EGY", "MIL")
    rally = _pipeline_events("A rally organised by a coalition of environmental groups took place in Sydney.")
    assert [(e.cameo_root, e.source.sector if e.source else None) for e in rally] == [("14", "NGO")]
    # followers of someone are not that someone
    text = "Tens of thousands of Lopez Obrador's supporters have been rallying in Mexico City."
    assert not any(e.source is not None and "Obrador" in e.source.name for e in _pipeline_events(text))


def test_the_doer_of_a_happening_does_what_the_happening_does() -> None:
    [killed] = _pipeline_events("The attack, carried out by Hamas militants, killed three Israelis.")
    assert killed.source is not None and killed.source.name == "Hamas"
    [killed] = _pipeline_events("An attack by Taliban militants killed four soldiers.")
    assert killed.source is not None and killed.source.name == "Taliban"


def test_recommending_an_act_is_an_appeal() -> None:
    text = "General David Petraeus recommends the government withdraw a Marine expeditionary team."
    assert [e.cameo_root for e in _pipeline_events(text)] == ["02"]


def test_found_guilty_is_a_verdict_and_a_jury_or_a_judge_is_a_court() -> None:
    [verdict] = _pipeline_events("Michael Avenatti was found guilty on all counts.")
    assert verdict.cameo_code == "116" and verdict.source is not None and verdict.source.sector == "JUD"
    for text in (
        "A federal jury convicted Michael Avenatti of attempted extortion.",
        "The judge sentenced Tom Smith to ten years in prison.",
    ):
        [convicted] = _pipeline_events(text)
        assert convicted.cameo_root == "11" and convicted.source is not None, text
        assert convicted.source.sector == "JUD", text
    # the "General" of a Secretary-General is no soldier
    text = "The Secretary-General deeply regrets that the Government of Zimbabwe has failed to act."
    assert not any(e.source is not None and e.source.sector == "MIL" for e in _pipeline_events(text))


def test_a_declared_ceasefire_needs_no_recipient_in_its_sentence() -> None:
    [truce] = _pipeline_events("ETA announced a permanent ceasefire on March 22, 2006.")
    assert truce.cameo_code == "0871" and truce.source is not None and truce.target is None
    # an opinion with no one it is about is still no interaction
    assert not _pipeline_events("The Family Coalition Party opposes labelling.")


def test_a_group_of_people_acts_as_those_people() -> None:
    [arrest] = _pipeline_events("Three protesters were arrested by a group of Egyptian soldiers.")
    assert arrest.source is not None and (arrest.source.country, arrest.source.sector) == ("EGY", "MIL")


def test_an_authority_that_announces_an_agentless_act_does_it() -> None:
    text = (
        "Iranian President Mahmoud Ahmadinejad has announced that the fifteen British captured navy "
        "personnel detained by Iran would be released."
    )
    [release] = _pipeline_events(text)
    assert release.source is not None and release.source.name == "Mahmoud Ahmadinejad"
    assert release.target is not None and release.target.country == "GBR"
    # who says an act was done reports it: the unnamed doer stays the police
    [arrest] = _pipeline_events("Egyptian officials said three men were arrested in Cairo.")
    assert arrest.source is not None and arrest.source.sector == "COP"


def test_an_alleged_or_planned_happening_is_hypothetical() -> None:
    text = "Reporters wrote about an alleged secret meeting between Mwai Kibaki and Kalonzo Musyoka."
    [meeting] = _pipeline_events(text)
    assert meeting.cameo_root == "04" and meeting.hypothetical
    [held] = _pipeline_events("Mwai Kibaki held a secret meeting with Kalonzo Musyoka.")
    assert not held.hypothetical


def test_denying_having_done_an_act_negates_it_and_refuses_nothing() -> None:
    [meeting] = _pipeline_events("Mwai Kibaki has denied meeting Kalonzo Musyoka.")
    assert meeting.cameo_root == "04" and meeting.negated
    [refusal] = _pipeline_events("Israel denied Carter a visa.")
    assert refusal.cameo_code == "1245"
