"""Rules written on a sixth sample of random corpus articles (#11.2, not on gold sentences): a
people's name before a non-state agent word names a group, the done-to of an act a light verb
carries may hang on that verb, air strikes are aerial weapons, an assault in a figure of
speech is no force, and a quoted verb of wrongdoing judges its doer.  The whole pipeline runs,
with the Phoenix dictionaries (the default)."""

from __future__ import annotations

from .test_events_generalise import _pipeline_events
from .test_events_telling import _coded, _roots


def test_a_people_before_a_non_state_agent_is_a_group() -> None:
    # was no actor at all, so no event: "Kurdish" is no country the knowledge base knows
    assert ("Kurdish rebels", "190") in {
        (t, c[:3]) for _, t, c in _coded("Turkish troops attacked Kurdish rebels.")
    }
    assert any(
        s == "Islamist militants"
        for s, _, _ in _coded("Islamist militants attacked a police station in Kabul.")
    )
    # a faith names no group by itself ("org:sunni"): the group is the faith's militants
    sunni = {(s, c[:3]) for s, _, c in _coded("Sudan said Sunni militants attacked a village in Darfur.")}
    assert ("Sunni militants", "190") in sunni
    # where they act is their country, as for any unnamed group ("gunmen in Kabul")
    placed = {
        e.source.country for e in _pipeline_events("Islamist militants attacked a police station in Kabul.")
    }
    assert placed == {"AFG"}
    # places the dictionaries file as civilians are no people: "Jewish settlements"
    assert not any(
        t == "Jewish settlements"
        for _, t, _ in _coded("Israel completed its pull out from the Jewish settlements in Gaza.")
    )


def test_the_done_to_of_a_carried_act_may_hang_on_the_light_verb() -> None:
    # the parser hangs "into Gaza City" on "launched", not on "strike"
    assert ("Israel", "Gaza", "195") in _coded("Israel launched an air strike into Gaza City on Monday.")
    assert ("Dan Rather", "CBS", "115") in _coded(
        "Dan Rather has filed a lawsuit against CBS over his dismissal."
    )
    # a cargo is no act: "carrying food aid to the port" is no aid from the ship to Kenya
    assert "07" not in _roots("The Maersk Alabama was carrying food aid to the Kenyan port of Mombasa.")
    # "with" goes along as often as it names a partner
    assert not any(
        t == "Michael Hayden"
        for _, t, _ in _coded(
            "The US Congress launched an inquiry into the CIA, with Michael Hayden to testify."
        )
    )


def test_an_assault_in_a_figure_of_speech_is_no_force() -> None:
    assert "19" not in _roots("The minister made a political attack on the opposition.")
    assert "19" not in _roots("The president launched a charm offensive on Europe.")
    assert "19" in _roots("The Sri Lankan army launched an offensive against the Tamil Tigers.")


def test_a_quoted_verb_of_wrongdoing_judges_its_doer() -> None:
    coded = _coded('Maria Shriver said Obama\'s comment "hurts millions of people throughout the world."')
    assert ("Maria Shriver", "Barack Obama", "111") in coded
    assert "11" in _roots(
        "The Irish foreign ministry said that Israel ignored repeated warnings from the UN."
    )
    # denied, or no actor's doing, it judges no one
    assert "11" not in _roots('"Iran did not deceive the inspectors," said Ali Larijani.')
    assert "11" not in _roots('"The storm damaged many homes," said Tomas Regalado, the mayor of Miami.')


def test_working_with_someone_is_cooperation() -> None:
    coded = _coded(
        "Egyptian Foreign Minister Ahmed Aboul Gheit said that Cairo was working with Iraqi authorities."
    )
    assert ("Egyptian government", "Iraqi government", "060") in coded
    negated = [
        e
        for e in _pipeline_events(
            "Foreign Minister Jose Ramos Horta resigned, stating he could not work with Prime Minister Mari Alkatiri."
        )
        if e.cameo_code == "060"
    ]
    assert negated and all(e.negated for e in negated)
    assert "06" not in _roots("He worked at the Pentagon for ten years.")


def test_a_region_is_no_home_country() -> None:
    # "African governments" (AFR) named more often than Ethiopia made "the government" Africa's
    text = (
        "At a conference in Addis Ababa, Prime Minister Meles Zenawi of Ethiopia vowed to offer Internet "
        "connectivity in the country. The government is working with Cisco Systems. Critics say African "
        "governments should not invest in technology. African governments have other priorities."
    )
    sources = {s for s, _, c in _coded(text) if c == "060"}
    assert sources == {"Ethiopian government"}


def test_claiming_to_be_is_no_claim_of_responsibility() -> None:
    assert "015" not in {
        c for _, _, c in _coded("Chan, who claimed to have rediscovered his Christian faith, prayed.")
    }
    assert "015" not in {
        c
        for _, _, c in _coded(
            "The Pakistani government has claimed to have evidence that al Qaeda attacked her."
        )
    }
    assert "015" in {
        c for _, _, c in _coded("Hamas has claimed responsibility for the attack on Israeli soldiers.")
    }


def test_what_a_business_ships_is_trade_not_aid() -> None:
    assert "07" not in _roots("Motorola has already shipped five million of these phones to China.")
    assert "07" not in _roots("A French oil company has stopped shipping petroleum products to Iran.")
    assert "07" in _roots("Google donated one million dollars to the Red Cross.")
    assert "07" in _roots("The United States sent food aid to Haiti.")


def test_a_persons_relative_is_not_that_person() -> None:
    arrested = {(t, c) for _, t, c in _coded("Afghan soldiers arrested Karzai's brother in Kandahar.")}
    assert ("Afghan civilians", "173") in arrested and not any(t == "Hamid Karzai" for t, _ in arrested)
    supported = _coded("Pierre Trudeau retired in 1984. His son supported Gerard Kennedy for the leadership.")
    assert not any(s == "Pierre Trudeau" for s, _, _ in supported)
    # a relative named beside is that person
    assert any(
        t == "Virginia Long"
        for _, t, _ in _coded(
            "Her mother, Virginia Long, was detained by police after trying to leave Australia."
        )
    )


def test_what_ones_own_country_must_do_is_no_demand_on_it() -> None:
    said = _coded(
        "Treasurer Peter Costello also said that Australia would need to carefully manage its water."
    )
    assert not any(t == "Australia" for _, t, _ in said)
    said = _coded(
        "Chinese President Hu Jintao stated that both China and the United States must appreciate their interests."
    )
    assert not any(t == "China" for _, t, _ in said)
    # on someone else, of one's own country or not, it is one
    assert ("Christopher Shays", "Tom DeLay") in {
        (s, t)
        for s, t, _ in _coded(
            "Republican Christopher Shays told reporters he thinks Tom DeLay should step down."
        )
    }


def test_the_possessor_of_what_is_undergone_undergoes_it() -> None:
    bhutto = [e for e in _pipeline_events("Benazir Bhutto's assassination plunged Pakistan into crisis.")]
    assert [(e.cameo_code, e.target.name if e.target else None) for e in bhutto] == [
        ("186", "Benazir Bhutto")
    ]
    assert bhutto[0].source is not None and bhutto[0].source.name != "Benazir Bhutto"
    assert bhutto[0].date is None  # a background happening the text does not date
    arrest = _coded("The arrest of opposition leader Kizza Besigye sparked riots in Kampala.")
    assert ("173", "Kizza Besigye") in {(c, t) for _, t, c in arrest}
    murder = _coded("The murder of journalist Samir Kassir shocked Lebanon.")
    assert ("180", "Samir Kassir") in {(c, t) for _, t, c in murder}
    # with an "of", the possessor does it
    assert not any(
        t == "Israel" for _, t, _ in _coded("Hamas said Israel's killing of its leader was a crime.")
    )


def test_quoted_praise_is_praise_and_a_description_judges_its_subject() -> None:
    praised = _coded('"Nelson Mandela was a great and courageous leader," said Kenyan President Mwai Kibaki.')
    assert ("Mwai Kibaki", "Nelson Mandela", "051") in praised
    assert ("Angela Merkel", "Paul Kirchhof", "051") in _coded(
        'Angela Merkel called Paul Kirchhof a "visionary".'
    )
    criticised = _coded('"Bush is a dishonest and reckless man," said Venezuelan President Hugo Chavez.')
    assert "111" in {c for s, _, c in criticised if s == "Hugo Chavez"}
    # a judgement on a condition is none made; a verb praises no doer
    assert "05" not in _roots('"If Iran is honest in its claim, talks will resume," said Condoleezza Rice.')
    assert "05" not in _roots('"The storm was remarkable," said the mayor of Miami, Tomas Regalado.')


def test_an_act_ordered_is_the_act_of_whoever_orders_it() -> None:
    # sample M: "ordered an investigation" had been a demand (100) made of Saddam Hussein
    coded = _coded(
        "Iraqi Prime Minister Nouri al-Maliki on Tuesday ordered an investigation into Saddam Hussein's execution."
    )
    assert {c[:2] for _, _, c in coded} == {"09"}
    assert {c[:3] for _, _, c in _coded("President Bush ordered airstrikes on Iraq.")} == {"195"}


def test_charging_into_a_building_accuses_no_one() -> None:
    coded = _coded("Police officers charged into the offices of Geo News and attacked its staff.")
    assert not {c for _, _, c in coded if c.startswith("11")}
