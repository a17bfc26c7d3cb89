"""Acts and roles found wrong or missing on news nobody tuned the coder to (#11, written on the
leads of samples W and X, not on gold sentences): who an assault in a clause's setting was done
by, assaults received with no doer named, a shared object of two verbs, the speaker of a speech
act conjoined to what he reports, writings and offices handed over, officials suspended from
duty, a shutdown, a plea in court, accident reports, and the actors behind "the Senate" of another
country, "the Social Democrats", "the group ETA", "17 American Navy personnel" and "supporters of
Aung San Suu Kyi".  The whole pipeline runs,
with the Phoenix dictionaries (the default).  Sentences written for these tests."""

from __future__ import annotations

from newsledger.models import Article

from .test_events_generalise import _default_pipeline, _pipeline_events
from .test_events_telling import _coded
from .test_events_unseen_news import _by_root, _roots


def test_an_assault_received_stands_with_its_doer_unnamed() -> None:
    attacked = _by_root("The Iraqi army came under attack in Ramadi on Monday.", "19")
    assert attacked and all(t == "Iraqi military" for _, t in attacked)
    assert all(s is not None and "armed group" in s for s, _ in attacked)
    # "from" still names the doer
    assert ("Iraqi rebels", "Iraqi military") in _by_root(
        "Iraqi soldiers came under attack from insurgents in Ramadi.", "19"
    )


def test_who_is_hit_by_an_assault_in_a_clause_s_setting_did_not_commit_it() -> None:
    attacked = _by_root(
        "The State Department is withdrawing personnel after Thursday's attack on the U.S. embassy.", "19"
    )
    assert attacked and all(s != "U.S. State Department" for s, _ in attacked)
    # one arrested in a raid is not its raider
    raided = _coded("The military chief of the group ETA was arrested in a pre-dawn raid in France.")
    assert {code[:2] for _, _, code in raided} == {"17"}


def test_property_damaged_in_a_protest_did_not_protest() -> None:
    assert "14" not in _roots(
        "It is the first time Japanese property has been damaged in a protest in China."
    )


def test_two_verbs_share_the_object_hung_on_the_second() -> None:
    arrested = _by_root("The Norwegian police have arrested and charged four men in Oslo.", "17")
    assert arrested == {("Norwegian police", "Norwegian civilians")}


def test_a_speech_act_after_a_reported_clause_is_the_speaker_s() -> None:
    accused = _by_root(
        "The Iranian president remarked that Zimbabwe and Iran made a friendship based on a "
        "principled stand, and accused Britain of seeking control over Zimbabwe's resources.",
        "11",
    )
    assert accused and {s for s, _ in accused} == {"Iranian government"}


def test_a_qualifying_country_is_no_subject_of_an_infinitive() -> None:
    met = _coded("Rice and Straw have made a surprise visit to Baghdad, Iraq to meet Iraqi officials.")
    assert all(s != "Iraq" for s, _, _ in met)


def test_writings_and_offices_handed_over_are_no_aid() -> None:
    assert "07" not in _roots(
        "Fernandez announced he is to send a bill to the congress in the next ten days."
    )
    assert "07" not in _roots("Ryan gave the document to Telecom's controller Peter Garty.")
    assert "07" not in _roots(
        "Museveni travelled to Kigali to hand over the chairmanship of COMESA to Kagame."
    )
    assert "07" in _roots("Iran sent aid to Syria.")


def test_officials_suspended_from_duty_and_a_shutdown_are_no_sanctions() -> None:
    assert "17" not in _roots("Three officials of the intelligence agency have been suspended for spying.")
    assert "17" not in _roots(
        "Gavin Webb has been suspended from his party after making controversial comments."
    )
    assert "17" not in _roots("The US government is partially shut down because Congress could not agree.")
    assert "13" not in _roots("The lobbying firm plans to shut down at the end of January.")
    assert "17" in _roots("The government shut down the newspaper.")
    assert "17" in _roots("The junta suspended the opposition party.")


def test_a_private_visit_is_no_political_act() -> None:
    assert "04" not in _roots(
        "While waiting to visit his family, the prisoner escaped from the detention facility."
    )


def test_breaking_into_a_building_seizes_its_owner_s_property() -> None:
    broken = _by_root("In Belgrade protesters have broken into the United States embassy.", "17")
    assert broken == {("Serbian opposition", "American government")}  # the embassy is its government


def test_a_plea_of_not_guilty_denies_the_charge() -> None:
    pleas = {code for _, _, code in _coded("Pavkovic pleaded not guilty before the tribunal in The Hague.")}
    assert pleas == {"016"}


def test_a_forecast_and_an_aim_are_no_act() -> None:
    assert "02" not in _roots("The party is expected to elect Abe to be the next Prime Minister.")
    forced = [e for e in _pipeline_events("The bill is meant to force China to raise its currency.")]
    assert all(e.hypothetical for e in forced if e.cameo_code.startswith("17"))


def test_a_made_in_nationality_and_an_earlier_act_are_no_parties() -> None:
    sent = _by_root("Antezana sent 28 Chinese-made missiles to the U.S. for destruction.", "07")
    assert all(t != "Chinese civilians" for _, t in sent)
    assert not _by_root("Antezana will face trial for treason after sending missiles to the U.S.", "13")


def test_the_people_an_article_names_by_service_or_by_party() -> None:
    killed = _by_root("The bombing killed 17 American Navy personnel in Yemen.", "18")
    assert {t for _, t in killed} == {"American military"}
    detained = _by_root("The two marines were detained by youths in the village.", "17")
    assert detained and all(s is not None and "civilians" in s for s, _ in detained)
    shot = _by_root("An Italian nun was shot dead by gunmen in Mogadishu.", "19")
    assert {t for _, t in shot} == {"Italian clergy"}
    # the Social Democrats are not the American Democrats
    assert all(
        "Democratic Party" not in (s or "")
        for s, _, _ in _coded(
            "The Social Democrats (SPD) and the Christian Democrats (CDU) have reached a deal to form a coalition."
        )
    )


def test_the_leader_of_a_group_set_beside_its_name_is_of_that_group() -> None:
    arrested = _by_root("The leader of the Basque nationalist group ETA was arrested in France.", "17")
    # a leader takes the sector of the group he leads (agents_default.yaml: inherit)
    assert {t for _, t in arrested} == {"Basque Fatherland And Freedom (eta)"}


def test_the_senate_of_an_article_about_another_country_is_its_own() -> None:
    text = (
        "Australian Defence Minister Robert Hill has resigned and will retire from the Senate. "
        "Hill was elected to the Australian Senate for South Australia in 1980."
    )
    [result], _ = _default_pipeline().run([Article("a1", "t", text, "2010-05-04")])
    actors = {a.actor_id: a for a in result.actors}
    senate = [actors[m.actor_id] for m in result.mentions if m.text == "Senate" and m.actor_id]
    assert senate and all(a.country == "AUS" for a in senate)


def test_a_title_past_for_or_to_is_someone_else_s() -> None:
    text = "A former advisor for U.S. President Donald Trump was sentenced on Wednesday."
    [result], _ = _default_pipeline().run([Article("a1", "t", text, "2010-05-04")])
    trump = [m.text for m in result.mentions if m.actor_id == "person:donald-trump"]
    assert trump and not any(t.startswith("advisor") for t in trump)


def test_a_patient_a_product_and_a_count_after_over_are_no_acts() -> None:
    assert "08" not in _roots("Lady Bird Johnson was released Thursday after a week at Seton Hospital.")
    assert "08" not in _roots("Elan and Biogen have withdrawn the drug Tysabri from clinical trials.")
    assert "19" not in _roots(
        "Members of the Bangladesh Rifles staged a mutiny taking over 100 of their officers as hostages."
    )
    assert "08" in _roots("Israel withdrew its troops from Gaza.")


def test_troops_of_a_government_withdrawn_are_no_target() -> None:
    withdrawn = _by_root(
        "The government of Georgia said it has withdrawn all its troops from South Ossetia.", "08"
    )
    assert withdrawn and all(t is None or "military" not in t for _, t in withdrawn)


def test_nationals_counted_by_an_of_are_civilians() -> None:
    marched = _by_root("Tens of thousands of Venezuelans marched in Caracas against the reform.", "14")
    assert marched and {s for s, _ in marched} == {"Venezuelan civilians"}


def test_a_spacecraft_launched_is_no_attack() -> None:
    assert "19" not in _roots(
        "SpaceX has launched its Dragon capsule to orbit from Cape Canaveral on Wednesday."
    )
    assert "19" in _roots("Hamas launched rockets at Israel.")


def test_a_capital_that_only_says_where_is_its_country() -> None:
    raided = _by_root("Gunmen raided a bus station in central Baghdad and captured 50 people.", "19")
    assert raided and {t for _, t in raided} == {"Iraq"}
    assert ("Russian government", "American government") in _by_root("Moscow criticised Washington.", "11")


def test_a_crash_told_in_a_clause_of_a_clause_is_an_accident() -> None:
    assert not _coded("All the passengers were killed when the plane exploded as it crashed into the sea.")


def test_the_dead_of_an_accident_report_were_killed_by_no_one() -> None:
    assert not _coded(
        "A light aircraft crashed into a mountain resort in Baguio. Two people were killed and four injured."
    )
    # an assault named in the sentence is still an assault
    assert "19" in _roots(
        "A helicopter crashed in Basra on Saturday. Gunmen later killed two soldiers at the site."
    )


def test_an_attack_in_words_and_a_title_word_are_no_force_or_aid() -> None:
    assert _by_root("Ken Livingstone attacked his rival Boris Johnson as a joke.", "11")
    assert "19" not in _roots("Livingstone attacked Johnson for his comments on immigration.")
    assert "07" not in _roots("Adam Air has been given a three-week ultimatum by the authorities.")
    assert "07" not in _roots("Lisa Neville is Minister Assisting the Premier on Veterans Affairs.")
    assert "19" not in _roots("Stephen Quinn attacked Blunkett by saying he was angry.")
    assert "08" not in _roots(
        "Opposition leader Brendan Nelson has given in-principle support to an apology."
    )


def test_a_country_read_with_its_article_is_the_base_of_the_agent_after_it() -> None:
    text = "Foreign policy became an issue after the U.S. embassies in Egypt and Libya came under attack."
    [result], _ = _default_pipeline().run([Article("a1", "t", text, "2010-05-04")])
    embassies = [m.actor_id for m in result.mentions if m.text == "U.S. embassies"]
    assert embassies == ["group:USAGOV"]


def test_followers_of_a_leader_are_her_people_and_a_place_named_text_no_party() -> None:
    rallied = _by_root(
        "About 200 supporters of detained Myanmar democracy leader Aung San Suu Kyi held a march in Yangon.",
        "14",
    )
    assert {s for s, _ in rallied} == {"Burmese opposition"}
    signed = _coded(
        "The new Labor government has signed the Kyoto Protocol and also plans to withdraw troops from Iraq."
    )
    assert all(t not in {"Japan", "Japanese government"} and s != "Japanese government" for s, t, _ in signed)


def test_rocket_strikes_are_no_walkout_and_a_command_given_no_aid() -> None:
    struck = _roots("The rocket strikes on the embassy were carried out by militants.")
    assert "14" not in struck
    assert "07" not in _roots("On his deathbed he gave the command to his followers to leave.")
    assert "14" in _roots("Workers went on strike in Paris.")


def test_a_campaign_or_party_rally_is_no_protest() -> None:
    assert "14" not in _roots("Obama held a campaign rally in Ohio.")
    assert "14" not in _roots("Andrew attended his first Liberal rally at age 6.")
    assert "14" in _roots("Thousands attended an opposition rally in Harare.")
