"""Parties found wrong on news nobody tuned the coder to (#11, written on the leads of sample Z4,
not on gold sentences): the author of a claim an act answers, a clause set beside the act with
"with X saying", a country or demonym after "anti-" or "pro-", a bomber who is no aircraft,
"other soldiers", people arrested or kidnapped in a place, peacekeepers and federal agents, a
participle a passive report verb takes ("reported killed by"), workers who strike, what is awaited
"until" a present clause, a chamber "of" a named country and a town of another country, a
verb's temporal phrase, reactions to an act, object control, travel by people of no office, a
strike against a person and harm done in a police operation.
The whole pipeline runs, with the Phoenix dictionaries (the default).  Sentences written for
these tests."""

from __future__ import annotations

from .test_events_news_parties import _code_of, _result
from .test_events_unseen_news import _by_root


def test_a_denial_is_aimed_at_the_accuser_not_at_whom_the_claim_names() -> None:
    # codebook 016: "the target ... is the party that introduces some accusation or charge"
    denied = _by_root(
        "China has denied the Dalai Lama's accusations that the government is operating a cultural genocide.",
        "01",
    )
    assert denied == {("China", "Dalai Lama")}
    rejected = _by_root("China rejected claims by the Dalai Lama that the army killed 100 people.", "01")
    assert rejected == {("China", "Dalai Lama")}
    # the content of a notion refused names no target, through "refuses to accept" too
    refused = _by_root(
        'Khumalo told the BBC: "South Africa refuses to accept the notion that we must look good."', "12"
    )
    assert refused == {("South Africa", None)}
    # a clause the verb takes itself still names its target
    assert ("Pakistani military", "India") in _by_root(
        "Pakistan denied on Thursday that its troops had fired on Indian positions.", "19"
    )


def test_who_speaks_in_a_with_clause_beside_the_act_is_no_party_to_it() -> None:
    rejected = _by_root(
        "The African Union has rejected Western calls for action in Zimbabwe, with South African "
        "spokesman Bheki Khumalo saying he is irritated.",
        "12",
    )
    assert rejected == {("African Union", None)}
    # "with" bringing the other side stays: no comma sets it off
    assert ("unidentified police", "unidentified opposition") in _by_root(
        "Police clashed with protesters carrying banners.", "19"
    )


def test_a_country_after_anti_or_pro_is_a_stance_not_a_nationality() -> None:
    result = _result("Anti-Syrian Lebanese Prime Minister Rafik Hariri met the French president.")
    assert _code_of(result, "Rafik Hariri") == "LBNGOV"
    assert all(
        s != "Israel" for s, _ in _by_root("Thousands joined an anti-Israel rally in Cairo on Friday.", "14")
    )
    attacked = _by_root("Pro-Russian separatists attacked a police station in Donetsk.", "19")
    assert attacked and all(s is not None and "Russian" not in s for s, _ in attacked)


def test_a_suicide_or_car_bomber_is_an_armed_group_not_an_aircraft() -> None:
    detonated = _by_root(
        "A suicide car bomber detonated explosives at a U.S. military outpost in Baqubah, Iraq.", "18"
    )
    assert detonated == {("Iraqi rebels", "United States Military")}
    assert ("Iraqi rebels", "Iraqi military") in _by_root(
        "A car bomber killed nine soldiers in Baghdad.", "18"
    )


def test_a_claim_s_topic_phrase_still_names_the_target() -> None:
    investigated = _by_root(
        "The Tokyo District Public Prosecutors Office has been investigating allegations surrounding "
        "Livedoor's acquisition strategies.",
        "09",
    )
    assert {t for _, t in investigated} == {"Livedoor"}


def test_other_soldiers_are_more_of_those_named_just_before() -> None:
    injured = _by_root(
        "A roadside bomb attack by insurgents near Basra, Iraq has killed two British soldiers. "
        "The explosion also injured two other soldiers.",
        "18",
    )
    assert {t for _, t in injured} == {"British military"}


def test_people_arrested_or_kidnapped_in_a_place_are_its_people_not_the_place() -> None:
    assert _by_root("Police arrested dozens in Minsk on Sunday.", "17") == {
        ("Belarusian police", "Belarusian civilians")
    }
    kidnapped = _by_root(
        "Johnston has been missing longer than any foreigner kidnapped in the Gaza Strip.", "18"
    )
    assert {t for _, t in kidnapped} == {"Palestinian civilians"}


def test_peacekeepers_and_federal_agents_are_forces() -> None:
    assert ("unidentified police", "unidentified government") in _by_root(
        "Federal agents raided the governor's home this morning.", "19"
    )
    assert ("African Union", "Sudanese rebels") in _by_root(
        "African Union peacekeepers clashed with rebels in Darfur.", "19"
    )


def test_a_participle_a_passive_report_verb_takes_is_passive_too() -> None:
    killed = _by_root(
        "A union official, Jacques Bino, has been reported killed by armed youths at a barricade in Pointe-a-Pitre.",
        "19",
    )
    assert ("unidentified rebels", "Jacques Bino") in killed  # was Bino killing the town
    # the attack a clause tells after the report is the killing's
    reported = _by_root(
        "13 sailors have been reported killed after suspected Tamil Tiger guerrillas attacked a naval vessel.",
        "19",
    )
    assert reported and all(s == "Liberation Tigers of Tamil Eelam" for s, _ in reported)


def test_workers_who_strike_with_no_one_struck_stop_work() -> None:
    assert _by_root("Teachers struck for a second day in Chicago.", "14")
    assert _by_root("Thousands of transit workers are striking in New York.", "14")
    assert not _by_root("Gunmen struck a police post in Baghdad.", "14")
    assert not _by_root("Israeli jets struck in Gaza on Monday.", "14")


def test_what_is_awaited_until_a_present_clause_has_not_happened() -> None:
    [event] = _result(
        "North Korea will not take part in talks until the United States releases US$25 million of "
        "North Korean funds."
    ).events
    assert event.cameo_code.startswith("08") and event.hypothetical


def test_a_chamber_of_a_named_country_and_a_town_of_another_country_are_that_country_s() -> None:
    result = _result(
        "Belgium Minister of State and former Chairman of the Senate of Belgium Frank Swaelen died at the age "
        "of 77. Etienne Schouppe praised Mr Swaelen."
    )
    assert _code_of(result, "Senate") == "BELLEG"  # not the United States Congress
    investigated = _by_root(
        "San Jose, California mayor Ron Gonzales is being investigated by the Santa Clara County District "
        "Attorney's Office.",
        "09",
    )
    assert investigated and all(t is not None and "Costa Rica" not in t for _, t in investigated)


def test_a_temporal_phrase_is_none_of_the_act_s_words() -> None:
    # Phoenix's "kill * &talks" (a metaphor) must not match a meeting the killing came after
    assert _by_root("Gunmen killed three policemen after the meeting.", "19") == {
        ("unidentified rebels", "unidentified police")
    }
    assert not _by_root("The dispute killed the talks.", "19")


def test_a_reaction_to_an_act_is_no_doing_of_it() -> None:
    welcomed = _by_root(
        "The Israeli Government has agreed to release ninety Palestinian prisoners. Abbas praised the "
        "measure. The ruling Hamas party also welcomed the measure.",
        "05",
    )
    assert ("Hamas", "Israeli government") in welcomed  # was Abbas, who only praised it


def test_whom_one_incites_to_act_is_the_doer_of_the_act() -> None:
    attacked = _by_root("Labwani was convicted of inciting a foreign country to attack Syria.", "19")
    assert all(s != "Labwani" for s, _ in attacked)


def test_people_of_no_office_travelling_make_no_visit_and_a_visit_is_not_to_where_one_came_from() -> None:
    assert not _by_root("A Kenyan woman who had just arrived from India was put in isolation.", "04")
    assert not _by_root("Fourteen pilgrims who were travelling to holy sites in Iraq were abducted.", "04")
    # an official's arrival stays a visit
    assert {t for _, t in _by_root("France's foreign minister arrived in Iraq on Monday.", "04")} == {"Iraq"}


def test_a_strike_against_a_person_is_an_attack_and_a_purpose_under_could_is_hypothetical() -> None:
    struck = _by_root(
        "The blasts came days after a successful U.S. target strike against senior Taliban leader Mullah "
        "Dadullah in Afghanistan.",
        "19",
    )
    assert struck and not _by_root("Workers began a strike against the pension reform.", "19")
    [funded] = _result("Congress could also appropriate taxpayer dollars to fund the Postal Service.").events
    assert funded.cameo_code.startswith("07") and funded.hypothetical


def test_harm_done_in_a_police_operation_is_the_police_s() -> None:
    injured = _by_root("Around a dozen Indians were injured in a police operation in Brazil.", "19")
    assert {s for s, _ in injured} == {"Brazilian police"}
    assert not _by_root("The company's operations were hit by the strike.", "19")


def test_a_bare_plural_of_a_nationality_is_people_and_a_passive_firing_clause_names_the_killer() -> None:
    sued = _by_root("Peruvians living near the site are preparing to sue a U.S. mining company.", "11")
    assert {s for s, _ in sued} == {"Peruvian civilians"}
    assert {s for s, _ in _by_root("The Palestinians rejected the proposal.", "12")} == {"Palestine"}
    killed = _by_root(
        "At least 17 Pakistani troops were killed when their convoy was bombed and attacked by al-Qaeda "
        "militants on the border.",
        "18",
    )
    assert killed and all(s == "al-Qaeda" for s, _ in killed)
    assert not _by_root("The four soldiers were traveling in a convoy in Baghdad.", "04")
    # a welcome by people of no office stays: "welcomed Mr. Bush's visit" endorses it (051)
    assert _by_root("Palestinians who support the peace process welcomed Mr. Bush's visit.", "05")
    assert _by_root("Iranian officials arrived in Baghdad on Monday.", "04")


def test_a_nationality_protesting_is_its_people_and_a_title_beside_a_name_is_that_person() -> None:
    assert {
        s for s, _ in _by_root("A set of Australian protests against the bills began in Sydney today.", "14")
    } == {"Australian civilians"}
    visited = _by_root(
        "On Monday, the Prime Minister of Turkey, Recep Tayyip Erdogan paid an official state visit to the "
        "United States.",
        "04",
    )
    assert visited == {("Recep Tayyip Erdogan", "United States")}  # one record, not the government too
    assert not _by_root(
        "The French government opposes the bill; Catherine Colonna, Minister charged with European "
        "Affairs, reacted angrily.",
        "17",
    )
    criticized = _by_root(
        "The Information Commissioner has criticized the Liberal Democrats for cold calling 250,000 British people.",
        "11",
    )
    assert {t for _, t in criticized} == {"Liberal Democrats"}
