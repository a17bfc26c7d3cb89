"""What is no act and what is one, found wrong on news nobody tuned the coder to (#11, written on
the leads of sample Z13, not on gold sentences): a state told in the present passive, a style
that appeals to buyers, an act of force that kills as the subject of the verb, and a person
described by two roles who is not a list of three.  The whole pipeline runs, with the Phoenix
dictionaries (the default).  Sentences written for these tests."""

from __future__ import annotations

from .test_events_unseen_news import _by_root, _coded


def test_a_state_in_the_present_passive_is_no_act() -> None:
    assert not _coded("Khamenei said the United States government is hated and isolated.")
    # told as done, by someone, it is one
    assert _by_root("Iran was isolated by the international community last year.", "16")


def test_a_thing_that_appeals_to_buyers_asks_nothing() -> None:
    assert not _coded("The American style of low price selling did not appeal to Japanese consumers.")
    assert ("United Nations", None) in _by_root("The UN appealed to member states to donate money.", "02")


def test_an_act_of_force_that_kills_is_no_abstraction() -> None:
    killed = _by_root("An Israeli bombardment killed four civilians in Tyre on Tuesday.", "19")
    assert killed and all(s == "Israel" for s, _ in killed)  # was dropped as "done by an idea"
    assert _by_root("Heavy fighting killed 30 people in Mogadishu on Sunday.", "19")
    assert not _coded("The crisis killed the peace deal.")


def test_a_person_described_by_two_roles_is_one_doer() -> None:
    text = (
        "Marco Pannella, a member of the European Parliament and leader of the Nonviolent Radical "
        "Party, criticized Iraq."
    )
    assert {s for s, _ in _by_root(text, "11")} == {"Marco Pannella"}  # not the Parliament and the party


def test_a_mishap_of_someone_unarmed_is_no_attack() -> None:
    assert not _coded("U.S. Vice President Dick Cheney accidentally shot a fellow hunter on Saturday.")
    assert _by_root("A US soldier accidentally shot an Iraqi civilian at a checkpoint.", "19")


def test_shared_auxiliaries_hold_the_second_verb() -> None:
    from .test_events_news_parties import _result

    events = _result("Militants could attack or kidnap foreigners in Baghdad, police said.").events
    assert events and all(e.hypothetical for e in events)  # "kidnap" was told as done


def test_a_ship_taken_by_pirates_is_hijacked() -> None:
    codes = {c for _, _, c in _coded("The MV Sirius Star oil tanker was captured by pirates on Saturday.")}
    assert codes == {"181"}  # was an arrest (173)
    assert "181" not in {c for _, _, c in _coded("Iran seized a British tanker in the Gulf.")}


def test_a_setting_in_time_carries_no_modality_and_a_bill_provides_nothing() -> None:
    from .test_events_news_parties import _result

    killing = _result(
        "After the recent killing of Chechen rebel leader Aslan Maskhadov, it was not clear who would lead."
    )
    assert killing.events and not any(e.negated for e in killing.events)  # was negated by "not clear"
    assert "07" not in {
        c[:2] for _, _, c in _coded("Bush signed a bill providing 162 billion dollars for the war in Iraq.")
    }
    assert "07" in {c[:2] for _, _, c in _coded("Japan gave Indonesia food aid on Monday.")}


def test_an_organisations_workers_are_labour_and_a_government_named_after_its_leader_his() -> None:
    from .test_events_news_parties import _result

    rejected = _coded("Toronto Transit Commission workers rejected a draft labour contract on Friday.")
    assert {s for s, _, _ in rejected} == {"Canadian labour"}  # was the commission
    result = _result(
        "Prime Minister John Howard spoke on Monday. Relations could be strained if the Howard "
        "Government grants political asylum to the refugees."
    )
    assert any(e.source is not None and e.source.cameo_code == "AUSGOV" for e in result.events)


def test_an_office_taken_over_and_a_building_burned_down_are_no_seizure_or_attack() -> None:
    assert not _coded(
        "This is the first reshuffle since Raul Castro took over as President after his brother."
    )
    assert not _coded("The school was destroyed by fire last week.")
    assert _by_root("The school was destroyed by rocket fire last week.", "17")
