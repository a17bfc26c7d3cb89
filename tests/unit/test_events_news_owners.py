"""Owners, undergoers and what is no act, found wrong on news nobody tuned the coder to (#11,
written on the leads of samples Z16 and Z17, not on gold sentences): what "whose" owns is the noun's
its clause describes, an offence one is sentenced for with its victim named by a possessive,
a thing of one's own had done to one, hostages held, rebels who shoot a state's official, a
place told in a clause about something else, and words of business that name no act (goods
ordered, shares traded, a price charged, a route flown, a plant taken over).  The whole
pipeline runs, with the Phoenix dictionaries (the default).  Sentences written for these
tests."""

from __future__ import annotations

from .test_events_news_parties import _result
from .test_events_unseen_news import _by_root, _coded


def test_what_whose_owns_is_the_described_nouns() -> None:
    text = "A judge charged three American soldiers whose tank fire killed a Spanish cameraman."
    assert {s for s, _ in _by_root(text, "19")} == {"American military"}  # was an unidentified armed group
    rifles = "A judge charged three American soldiers whose rifles killed a Spanish cameraman."
    assert {s for s, _ in _by_root(rifles, "19")} == {"American military"}  # was no event


def test_an_offence_sentenced_for_with_a_possessive_victim_is_the_sentenced_ones() -> None:
    text = (
        "On Friday in Pakistan, Ahmed Khan, brother of the singer Sara Malik, was sentenced for her "
        "murder to life in prison by a court in Lahore."
    )
    assert ("Ahmed Khan", "Sara Malik") in _by_root(text, "18")  # was an unidentified armed group's


def test_a_thing_of_ones_own_had_done_to_one_is_done_to_its_owner() -> None:
    seized = _by_root("Morgan Tsvangirai had his passport confiscated by the police on Monday.", "17")
    assert seized and {t for _, t in seized} == {"Morgan Tsvangirai"}  # was no target
    assets = "Thaksin Shinawatra had US$1.5 billion in cash assets seized today by the Assets Committee."
    assert {t for _, t in _by_root(assets, "17")} == {"Thaksin Shinawatra"}


def test_hostages_held_are_taken() -> None:
    held = _by_root("Twenty South Korean aid workers were held hostage by the Taliban.", "181")
    assert held and {s for s, _ in held} == {"Taliban"}  # was no event
    assert _by_root("The Taliban are holding 23 South Korean hostages.", "181")


def test_rebels_who_shoot_an_official_are_of_the_officials_country_not_of_a_later_clauses_place() -> None:
    result = _result(
        "The President of East Timor, Jose Ramos-Horta, has woken from a coma. The President, who was "
        "shot by rebels on February 11, is still in a serious condition, according to the doctors "
        "treating him at the Royal Darwin Hospital in Darwin, Australia."
    )
    shot = [e for e in result.events if e.cameo_code.startswith("19")]
    assert shot and all(e.source is not None and e.source.country == "TLS" for e in shot)  # were Australian
    assert all(
        e.location is None or e.location.country != "AUS" for e in shot
    )  # Darwin is where he is treated


def test_words_of_business_name_no_act() -> None:
    assert not _coded("The airline Garuda has ordered twelve new jetliners to serve routes to Europe.")
    traded = _coded("The regulator suspended PT Sky Airlines, who trade as Sky Air, over safety concerns.")
    assert traded and not [c for _, _, c in traded if c.startswith("06")]  # the suspension stays
    assert not _coded("The new company began trading on the New York Stock Exchange on Monday.")
    assert not _coded("The Associated Press will begin charging newspapers to post wire stories online.")
    assert not _coded("Air France flies from Paris to Bucharest four times a day.")
    assert not _coded("Linamar took over the plant from Visteon in July 2008.")
    # the same words with a partner, an offence or a town are acts
    assert _by_root("Prosecutors charged Ahmed Khan with corruption.", "17")  # a charge (173)
    assert _by_root("Russian troops took over the Georgian town of Gori.", "19")


def test_a_civil_office_named_general_is_no_army_rank() -> None:
    result = _result("Postmaster General John Potter asked the United States Congress for help on Wednesday.")
    asked = [e for e in result.events if e.cameo_code.startswith("02")]
    assert asked and all(e.source is not None and e.source.sector == "GOV" for e in asked)  # was MIL


def test_who_deports_someone_from_a_country_acts_for_that_country() -> None:
    text = "A Yemeni man linked to the 2001 attacks in the United States has been deported from New Zealand."
    assert {s for s, _ in _by_root(text, "174")} == {"New Zealander police"}  # was American police


def test_a_states_mishap_is_still_force() -> None:
    text = "Iran acknowledged that its government had unintentionally shot down a Ukrainian passenger jet."
    assert {s for s, _ in _by_root(text, "19")} == {"Iranian government"}  # was dropped as a mishap
    assert not _coded("Vice President Dick Cheney accidentally shot a fellow hunter on Saturday.")


def test_those_killed_in_a_police_action_are_the_polices() -> None:
    killed = _result("Four members of an armed gang have been killed in a police action near Skopje.").events
    assert killed and all(
        e.source is not None and e.source.sector == "COP" for e in killed
    )  # was an armed group


def test_the_federal_government_is_the_countrys() -> None:
    text = "Australia's Foreign Minister, Alexander Downer, says the federal government will send 200 troops."
    result = _result(text)
    assert {e.source.name for e in result.events if e.source is not None} == {"Australian government"}
    # the country named before it, though the article names another's government more later
    later = " The British government welcomed it. The British government also sent troops to Helmand."
    first = [e for e in _result(text + later).events if e.provenance.sentence_index == 0]
    assert first and {e.source.name for e in first if e.source is not None} == {"Australian government"}


def test_a_form_of_find_is_no_founding() -> None:
    assert not _coded(
        "The Senate Intelligence Committee has found no link between Saddam Hussein and al-Qaeda."
    )
    assert _by_root("The court found Ahmed Khan guilty of murder.", "11")


def test_a_place_told_in_a_clause_about_something_else_is_not_the_acts() -> None:
    vetoed = _result(
        "On Friday, the Security Council vetoed a resolution condemning Israeli military action in Gaza."
    )
    veto = [e for e in vetoed.events if e.cameo_code.startswith("12")]
    assert veto and all(e.location is None for e in veto)  # was Gaza, where the condemned action was
    alleged = _result(
        "Two former prosecutors allege that the US military commissions at Guantanamo Bay are rigged."
    )
    assert alleged.events and all(e.location is None for e in alleged.events)
    # a place told in the act's circumstances, or where a party to it is, stays
    wounded = _result(
        "Sixteen were wounded when a Palestinian rammed a loader into a bus in Jerusalem."
    ).events
    assert wounded and all(e.location is not None and e.location.name == "Jerusalem" for e in wounded)
    met = _result(
        "Harper and Bush met yesterday at the summit, held this year in New Orleans, Louisiana."
    ).events
    assert met and all(e.location is not None and e.location.name == "New Orleans" for e in met)


def test_the_two_are_the_two_named_together_before() -> None:
    text = (
        "Andrew Chan and Myuran Sukumaran were sentenced to death by an Indonesian court. The two were "
        "charged with attempting to smuggle heroin from Bali to Australia."
    )
    charged = [e for e in _result(text).events if e.provenance.sentence_index == 1]
    assert {e.target.name for e in charged if e.target is not None} == {"Andrew Chan", "Myuran Sukumaran"}


def test_who_claims_a_bomb_did_its_killing_and_the_claim_stays() -> None:
    text = "The Taliban have claimed responsibility for the suicide bomb which killed 16 civilians in Kabul."
    coded = _coded(text)
    assert ("Taliban", None, "015") in coded  # was folded into the killing as a comment
    assert {s for s, _, c in coded if c.startswith("19")} == {"Taliban"}  # was no killing at all


def test_those_killed_in_a_bomb_did_not_set_it() -> None:
    text = "Three British soldiers have been killed in a suspected roadside bomb in southern Iraq."
    assert all(s != "British military" for s, _, _ in _coded(text))  # was the bomb's doer


def test_a_manoeuvre_gone_wrong_is_no_attack() -> None:
    assert not _coded(
        "Three Italian soldiers were injured while their helicopter was performing an emergency landing."
    )
    assert _by_root("Two soldiers were killed while they were attacking a gas pipeline.", "19")


def test_a_political_leaning_is_no_wing_of_a_government() -> None:
    assert not _coded("Left wing demonstrators began attempting to halt a right wing rally in Cologne.")


def test_northern_ireland_is_britains() -> None:
    said = _by_root("The Northern Ireland secretary criticised the IRA for its criminal activity.", "11")
    assert said and {s for s, _ in said} == {"British government"}  # was Irish


def test_an_unknown_name_told_as_where_is_no_target_but_for_force_visits_and_retreats() -> None:
    assert not _coded("North Korea shut down a main nuclear reactor on Monday at Yongbyon.")
    assert _by_root("An Army soldier was killed when a combat patrol was attacked near Duluiyah.", "19")
    assert _coded("Five hundred Ugandan rebels surrendered last week in the town of Soroti.")


def test_flights_provided_are_no_aid() -> None:
    assert not _coded("Gulf Air has announced it is to provide direct flights from Dublin to Manama.")
    assert _by_root("The UN provided food and medical services to refugees in Darfur.", "07")


def test_one_alleged_to_have_been_shot_is_shot_not_accused() -> None:
    text = "Kenji Nagai, 50, a Japanese video journalist shot dead in Myanmar this Thursday, is alleged to have been shot intentionally."
    coded = _coded(text)
    assert not [c for _, _, c in coded if c.startswith("11")]  # was an accusation against Nagai
    assert [
        c for _, _, c in coded if c.startswith("19")
    ]  # was no shooting (the tagger read "shot" as a past)
    assert _by_root("The soldier is alleged to have shot two civilians.", "11")  # accuses the soldier


def test_a_local_time_is_no_party() -> None:
    text = "Thirty-five worshippers were injured after an explosion near a mosque at 10:30 pm local time (1730 UTC)."
    assert all(t != "UTC" for _, t, _ in _coded(text))  # was the time zone, through "time"


def test_the_government_asked_to_act_is_the_addressee() -> None:
    asked = _by_root(
        "Human Rights Watch has urged the Peruvian government to ensure that Lerner is protected.", "02"
    )
    assert ("Human Rights Watch", "Peruvian government") in asked  # was Peru, the government being no actor
    assert not _coded("Iran's opposition to negotiations hardened.")  # a stance, no opposition


def test_whose_government_the_government_is() -> None:
    france = _by_root(
        "In France, the government asked citizens to keep fowl indoors throughout the country.", "02"
    )
    assert {s for s, _ in france} == {"French government"}
    text = (
        "The British Government granted the Australian David Hicks citizenship. The British Government said so. "
        "Greens Senator Bob Brown implored the Federal Government not to impede Hicks's progress to Britain."
    )
    implored = [e for e in _result(text).events if e.provenance.sentence_index == 2]
    assert implored and {e.target.name for e in implored if e.target is not None} == {"Australian government"}


def test_the_person_whose_owns_is_that_person() -> None:
    text = "Marie Fatayi-Williams, whose son Anthony was killed in the attack, told the BBC she wants an inquiry."
    assert {t for _, t in _by_root(text, "19")} == {"Anthony"}  # was his mother


def test_where_a_party_to_the_act_is_located_is_the_acts_place() -> None:
    text = (
        "The Peel Hotel, located in Melbourne, has been given permission by a tribunal to ban heterosexuals."
    )
    given = _result(text).events
    assert given and all(e.location is not None and e.location.name == "Melbourne" for e in given)


def test_he_after_a_fronted_clause_is_its_subject() -> None:
    text = "Putin spoke on Monday. When Kasparov arrived in Moscow, he criticized the government."
    criticized = [e for e in _result(text).events if e.cameo_code.startswith("11")]
    assert criticized and {e.source.name for e in criticized if e.source is not None} == {
        "Kasparov"
    }  # was Putin
