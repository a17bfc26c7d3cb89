"""Who did it, found wrong or missing on news nobody tuned the coder to (#11, written on the leads
of sample Z8, not on gold sentences): a blast blamed on someone, a fight "with" the other side, a
court that jails for a term, a passive told without its auxiliary, a main verb the parser hung on
its subject, a suicide bomber, one national, two groups named for the first time, "along with",
a surname that opens the name of a thing named after it.  The whole pipeline runs, with the
Phoenix dictionaries (the default).  Sentences written for these tests."""

from __future__ import annotations

from .test_events_news_parties import _result
from .test_events_unseen_news import _by_root, _coded, _roots


def test_a_blast_blamed_on_someone_is_theirs_and_the_parsers_slip_is_undone() -> None:
    # spaCy makes "killed" a participle of "blast", leaving the sentence no verb
    killed = _by_root("The bomb blast, blamed on Sunni militants, killed at least 100 Iraqi civilians.", "18")
    assert ("Sunni militants", "Iraqi civilians") in killed
    # a participle that keeps an object of a two-object verb still describes its noun
    assert not _coded("A soldier awarded a medal for bravery.")


def test_whom_a_fight_was_with_did_the_killing() -> None:
    text = (
        "A British soldier has been killed in Afghanistan. "
        "The unnamed troop was killed in a gun battle with Taliban forces in Helmand province."
    )
    assert any(s == "Taliban" for s, _ in _by_root(text, "19"))
    clashed = _by_root(
        "Around seventy Taliban fighters were killed when they clashed with NATO troops.", "19"
    )
    assert any(s is not None and "NATO" in s for s, _ in clashed)


def test_a_prison_term_and_a_verdict_on_someone_described_are_a_courts() -> None:
    coded = _coded("A British soldier has been jailed for ten years after being convicted of spying.")
    judges = {s for s, _, code in coded if code[:3] in {"173", "116"}}
    assert judges and all(s is not None and s.endswith("judiciary") for s in judges)
    # jailed overnight, with no term, is still the police's
    jailed = _coded("Three men were jailed overnight in Leeds.")
    assert jailed and all(s is not None and not s.endswith("judiciary") for s, _, _ in jailed)
    # a verdict on anyone who might be convicted is nobody's act
    assert "11" not in _roots("A person who is convicted of this crime faces a long sentence.")


def test_a_passive_told_without_its_auxiliary_is_a_passive() -> None:
    indicted = _by_root("Former House Majority Leader Tom DeLay indicted by a grand jury on Monday.", "11")
    assert indicted and all(t == "Tom DeLay" for _, t in indicted)


def test_a_suicide_bomber_who_blew_himself_up_bombed() -> None:
    assert "18" in _roots("A Palestinian man carrying explosives blew himself up in Beersheba.")
    # other acts done to oneself are no one else's
    assert not _coded("Israel defended itself.")


def test_the_jordanian_is_one_person_and_the_french_a_people() -> None:
    killed = _by_root("The Jordanian and five others were killed on Wednesday in Hibhib.", "19")
    assert killed and all(t != "Jordan" for _, t in killed)
    assert any(s == "France" for s, _ in _by_root("The French rejected the treaty.", "12"))


def test_two_groups_named_for_the_first_time_are_not_the_two_named_before() -> None:
    text = (
        "Israel completed its pull out from the Gaza Strip. "
        "Twelve hours after the blast, two groups jointly claimed responsibility for the attack."
    )
    assert not any(s in {"Israel", "Gaza"} for s, _, code in _coded(text) if code == "015")
    # "the two countries" and "both" refer back
    assert ("Russian Federation", "China") in _by_root(
        "Russia and China met. The two countries signed a deal.", "05"
    )


def test_along_with_is_no_particle_of_the_verb() -> None:
    kidnapped = _by_root("Reginald Humayun was kidnapped along with his driver in Bannu.", "18")
    assert any(t == "Reginald Humayun" for _, t in kidnapped)


def test_a_surname_that_opens_the_name_of_a_thing_is_no_mention_of_the_person() -> None:
    result = _result(
        "George Bush will attend the Forbes Global CEO Conference next week. Steve Forbes said so."
    )
    forbes = [m for m in result.mentions if m.text == "Forbes"]
    assert not forbes
    # the surname alone still names him
    result = _result("Jimmy Carter met Hamas leaders. Carter said the talks went well.")
    assert any(m.text == "Carter" and m.actor_id for m in result.mentions)


def test_the_union_of_islamic_courts_is_a_somali_armed_group_and_propane_an_accident() -> None:
    broke = _by_root(
        "The Union of Islamic Courts has broken off peace talks with the Somali government.", "16"
    )
    assert broke
    result = _result("The Union of Islamic Courts has broken off peace talks with the Somali government.")
    uic = next(a for a in result.actors if a.name == "Islamic Courts Union")
    assert (uic.country, uic.sector) == ("SOM", "REB")
    assert "18" not in _roots("A propane explosion in Kabul destroyed homes and killed six people.")


def test_whom_a_happening_is_blamed_on_is_the_target_of_the_blame() -> None:
    text = (
        "Seven Spanish tourists are dead after a suicide attacker blew his vehicle up at a temple in Marib. "
        "An official with the Yemen Interior Ministry has blamed the attack on al-Qaeda operatives."
    )
    blamed = _by_root(text, "11")
    assert blamed and all(t is not None and "Qa" in t for _, t in blamed)
    assert ("Iraq", "Syria") in _by_root("Iraq blamed Syria for the attack.", "11")


def test_a_clause_of_firing_tells_who_harmed_both_of_the_joined_passives() -> None:
    text = (
        "Italian security officer Nicola Calipari has been killed, and Giuliana Sgrena has been wounded "
        "after U.S. forces opened fire on the car they were travelling in."
    )
    harmed = {t: s for s, t in _by_root(text, "18") | _by_root(text, "19")}
    assert harmed.get("Nicola Calipari") == harmed.get("Giuliana Sgrena") == "American military"


def test_people_named_by_what_they_do_and_where_they_come_from_are_its_civilians() -> None:
    clashed = _by_root(
        "Japanese fishermen in Taiji clashed with surfers from Australia and the United States.", "19"
    )
    assert {t for _, t in clashed} == {"Australian civilians", "American civilians"}
    # officials are their government
    assert ("Iranian government", "Syrian government") in _by_root(
        "Officials from Iran met the Syrian envoy.", "04"
    )


def test_an_act_joined_to_a_condition_is_as_conditional() -> None:
    text = "Chavez warned that oil could double if the United States invaded Iran, or attacked his country."
    attacked = [e for e in _result(text).events if e.trigger == "attacked"]
    assert attacked and all(e.hypothetical for e in attacked)
    # "his country" is the country of the person it is his
    invaded = _by_root("Hugo Chavez said the United States invaded his country.", "19")
    assert ("United States", "Venezuela") in invaded


def test_a_town_that_names_talks_is_no_party_and_new_zealand_first_a_party() -> None:
    supported = _by_root("The leaders supported the Doha trade talks.", "05")
    assert all(t not in {"Qatar", "Qatari government"} for _, t in supported)
    called = _by_root("New Zealand First is calling for gangs to be outlawed.", "02")
    assert called and all(s == "New Zealand First" for s, _ in called)


def test_a_blockade_a_state_imposes_is_force_and_a_road_blockade_a_protest() -> None:
    blockade = _coded(
        "Since the beginning of the Israeli blockade in the Gaza Strip, there have been shortages."
    )
    assert ("Israel", "Gaza", "191") in blockade  # CAMEO 191: impose blockade, restrict movement
    assert "144" in {code for _, _, code in _coded("Farmers blockaded roads across France.")}


def test_bombs_set_off_and_aircraft_shot_down_are_force() -> None:
    assert "18" in _roots("Militants set off a car bomb near a police station in Kabul.")
    assert not _coded("The news set off alarms in Washington.")
    assert "19" in _roots("Insurgents shot down an American helicopter near Baghdad.")  # 193
    # a woman who sets off a grenade is an armed group's, not a civilian
    grenade = _by_root("A woman set off a hand grenade outside the ministry in Dushanbe.", "18")
    assert grenade and all(s is not None and "armed group" in s for s, _ in grenade)


def test_unnamed_soldiers_are_of_the_force_named_just_before() -> None:
    text = (
        "The Israeli army has begun to forcibly remove settlers in the Gaza Strip. "
        "Soldiers entered the settlements of Neve Dekalim and Ganei Tal in the early morning."
    )
    entered = _by_root(text, "19")
    assert entered and all(s == "Israeli military" for s, _ in entered)
    # infantry backed by tanks is no support of one actor by another
    assert "05" not in _roots(
        "Israeli troops entered Beit Hanoun. Infantry backed by tanks carried out the attack."
    )


def test_a_soldier_captured_was_taken_by_an_armed_group_not_arrested_by_police() -> None:
    captured = _by_root(
        "Hamas denied that Israeli soldier Gilad Shalit, captured on June 25, will be released.", "17"
    )
    assert captured and all(s is not None and "armed group" in s for s, _ in captured)
    # officers arrested are the police's
    arrested = _by_root("Four Turkish army officers were arrested in Istanbul.", "17")
    assert arrested and all(s is not None and s.endswith("police") for s, _ in arrested)


def test_a_national_group_that_kills_is_an_armed_group_and_funds_released_ease_a_sanction() -> None:
    killed = _by_root("A Palestinian group has announced it killed Alan Johnston, a BBC journalist.", "18")
    assert killed and all(s == "Palestinian armed group" for s, _ in killed)
    freed = _coded(
        "North Korea will not return to the talks until the United States releases $25 million of its funds."
    )
    assert freed and all(code.startswith("081") for _, _, code in freed)  # a sanction eased
    assert "08" in _roots("Iran released 15 British sailors.")


def test_people_seized_by_no_one_named_were_abducted() -> None:
    seized = _coded("Five British citizens have been seized in the Iraqi capital, Baghdad.")
    assert seized and all(code.startswith("181") for _, _, code in seized)
    # goods seized and a town taken stay what they were
    assert "181" not in {code for _, _, code in _coded("Police seized 20 kilograms of heroin in Kabul.")}
    assert "192" in {code for _, _, code in _coded("The Taliban seized the town of Musa Qala.")}


def test_a_party_of_another_country_is_not_the_party_of_that_name() -> None:
    criticized = _by_root(
        "Prime Minister Yasuo Fukuda criticized the main opposition Democratic Party of Japan.", "11"
    )
    assert criticized and all(t == "Democratic Party of Japan" for _, t in criticized)
    # the US Democrats keep their name
    assert ("Democratic Party", "Republican Party") in _by_root(
        "The Democratic Party criticized the Republican Party.", "11"
    )


def test_an_act_begun_only_until_something_happens_is_awaited() -> None:
    text = (
        "The Israeli government has halted withdrawal from three West Bank towns until the Palestinian "
        "leadership begins disarming militants more effectively."
    )
    disarming = [e for e in _result(text).events if e.trigger == "disarming"]
    assert disarming and all(e.hypothetical for e in disarming)


def test_a_title_the_parser_made_the_head_of_the_name_after_it_is_that_person() -> None:
    endorsed = _by_root("United States Senator from Vermont Bernie Sanders endorsed Joe Biden.", "05")
    assert endorsed and all(s == "Bernie Sanders" for s, _ in endorsed)
    # a title of a country stays its government
    met = _by_root("The President of France met Angela Merkel.", "04")
    assert met and all(s == "French government" for s, _ in met)


def test_what_a_civilian_or_military_word_modifies_is_theirs_and_jenin_is_in_the_west_bank() -> None:
    fired = _by_root("U.S. forces fired on a civilian vehicle north of Baghdad on Monday.", "19")
    assert fired and all(t is not None and t.endswith("civilians") for _, t in fired)
    [event] = [e for e in _result("Gunmen attacked an Israeli checkpoint near Jenin.").events if e.location]
    assert event.location.country == "PSE"  # a Polish village of that name was read before


def test_an_acts_own_adjective_names_no_owner_of_its_target() -> None:
    invaded = _by_root("Russia has launched a full scale military invasion of Georgia.", "19")
    assert ("Russian Federation", "Georgia") in invaded
