"""Rules written on a third sample of random corpus articles (#11.2, not on gold sentences):
telling of a happening is not doing it, a warning of a danger is no threat, a description's
apposed name says who acts, a pattern that reads only its subject yields to the act its verb is
the aspect of, the forces a doer moves and the doer's own country are no target, and abusing
one's power is no assault.  The whole pipeline runs, with the Phoenix dictionaries (the
default)."""

from __future__ import annotations

from .test_events_generalise import _pipeline_events


def _coded(text: str) -> set[tuple[str | None, str | None, str]]:
    return {
        (e.source.name if e.source else None, e.target.name if e.target else None, e.cameo_code)
        for e in _pipeline_events(text)
    }


def _roots(text: str) -> set[str]:
    return {c[:2] for _, _, c in _coded(text)}


def test_telling_of_a_happening_does_not_do_it() -> None:
    # Phoenix's verbs of telling ("* DEAL [060]", "* AID [0331]", "* ATTACK [190]")
    assert "06" not in _roots(
        "Egyptian officials have not commented on the existence of any deal with Hamas."
    )
    assert "03" not in _roots("Bush commented on the role of American aid in Tanzania.")
    assert "19" not in _roots("The Israeli spokesman described the attack on Hamas as a wake-up call.")
    # what telling does by itself still codes
    assert "11" in _roots("The Israeli spokesman condemned the attack by Hamas.")


def test_a_warning_of_a_danger_is_no_threat() -> None:
    assert "13" not in _roots("Médecins Sans Frontières warned of a humanitarian crisis in Chad.")
    assert "13" not in _roots("Kim warned that the South Korean government might begin using tear gas.")
    assert "13" not in _roots("Bakiyev warned that Akayev's return could give rise to unrest in Kyrgyzstan.")
    # coercive warnings: of the warner's own act, against an act, on a condition
    assert "13" in _roots("Iran warned that it would retaliate against Israel.")
    assert "13" in _roots("The United States warned the armed forces of Fiji against carrying out a coup.")
    assert "13" in _roots("Israel warned Hamas that its leaders would be targeted.")
    assert "13" in _roots(
        "Egypt's security chief warned that police will no longer tolerate rallies by Kifaya."
    )


def test_the_name_beside_a_description_is_who_acts() -> None:
    asked = _coded(
        "Northern Territory member, David Tollner, asked Alexander Downer to update the parliament."
    )
    assert {s for s, _, c in asked if c.startswith("02")} == {"David Tollner"}
    criticised = _coded(
        "The aid organisation Médecins Sans Frontières (MSF) criticised the government of Chad."
    )
    assert {s for s, _, c in criticised if c.startswith("11")} == {"Medecins Sans Frontieres"}
    # a title held in a named body gives the person its country and sector
    events = _pipeline_events("Iran's foreign minister, Ali Rezaian, criticised Israel.")
    assert {(e.source.country, e.source.sector) for e in events if e.source and e.cameo_code[:2] == "11"} == {
        ("IRN", "GOV")
    }


def test_a_pattern_that_reads_only_its_subject_yields_to_the_act_it_continues() -> None:
    text = "Bainimarama and other senior military personnel have continued to call on Qarase to stand down."
    roots = _roots(text)
    assert "19" not in roots  # "&MILITARY * [190]" of "continue"
    assert "02" in roots


def test_the_forces_a_doer_moves_are_no_target() -> None:
    withdrew = _coded("Denmark formally withdrew its forces from Iraq.")
    assert {t for _, t, c in withdrew if c.startswith("087")} == {"Iraq"}
    built = _coded("Turkey has been building up troops along its border with Iraq.")
    assert {t for _, t, c in built if c.startswith("15")} <= {"Iraq", None}
    assert built
    # someone else's forces stay the target, and so do the enemy's of a ceasefire
    halted = _coded(
        "Abdul Rahman Chaderchi of the PKK said the PKK would halt attacks against the Turkish army."
    )
    assert any(t == "Turkish military" and c.startswith(("087", "035")) for _, t, c in halted)
    assert any(t == "Israeli military" for _, t, _ in _coded("Hezbollah attacked Israeli troops in Lebanon."))


def test_suspending_ones_own_campaign_sanctions_no_one() -> None:
    assert not _coded(
        "Mitt Romney, Mike Huckabee's chief rival among conservative voters, suspended his campaign."
    )
    assert not _coded(
        "Andrew Yang and Michael Bennet suspended their campaigns against Joe Biden the same day."
    )
    suspended = _coded("The Egyptian government suspended the Muslim Brotherhood's campaign.")
    assert any(t == "Muslim Brotherhood" and c.startswith("17") for _, t, c in suspended)


def test_abusing_ones_power_is_no_assault() -> None:
    assert "18" not in _roots("Hartmann abused his power as the Legal Adviser to the Pentagon.")
    assert "18" in _roots("Israeli soldiers abused Palestinian detainees in the prison.")


def test_a_doers_own_country_named_whole_is_what_the_act_is_about() -> None:
    ruled = _coded("Mr Howard also ruled out making further changes to Australia's tax system.")
    assert not any(t == "Australia" for _, t, _ in ruled)
    pledged = _coded(
        "Japanese Prime Minister Junichiro Koizumi pledged co-operation with Japan's Asian neighbours."
    )
    assert not any(t == "Japan" for _, t, _ in pledged)
    # force and coercion at home stay, and so does a state's critic
    declared = _coded("US President George W. Bush declared a state of emergency in the United States.")
    assert any(c.startswith("17") for _, _, c in declared)
    criticised = _coded("Israeli opposition parties criticised Israel's policy in the West Bank.")
    assert any(t == "Israel" and c.startswith("11") for _, t, c in criticised)


def test_what_an_accident_does_has_no_doer() -> None:
    crash = "The Indonesian government acted after the crash of Adam Air Flight 574, which killed 102 people."
    assert not any(c[:2] in {"18", "19"} for _, _, c in _coded(crash))
    assert not _coded("Three Italian soldiers were injured when their helicopter crashed near Kabul.")
    assert any(
        c[:2] in {"18", "19"} for _, _, c in _coded("A car bomb killed five Iraqi policemen in Baghdad.")
    )


def test_at_no_time_negates_the_act() -> None:
    events = _pipeline_events("At no time did Judy Sgro request any assistance from Harjit Singh.")
    assert events and all(e.negated for e in events if e.cameo_root == "02")
    assert not any(
        e.negated for e in _pipeline_events("Iran released the British sailors at no cost to Britain.")
    )


def test_a_ban_or_closure_with_no_one_named_sanctions_only_someone() -> None:
    assert not _coded("Some schools in Kenya were closed out of security concerns.")
    assert not _coded("Tour operators in the United Kingdom have suspended holiday packages to Kenya.")
    # an office holder acts for the state: "the Queen suspended parliament"
    suspended = _pipeline_events("The Queen suspended the British parliament for five weeks.")
    assert [(e.source.sector if e.source else None, e.cameo_root) for e in suspended] == [("GOV", "17")]
    banned = _pipeline_events("The reformist Iranian newspaper Shargh was banned from publishing.")
    assert [(e.source.sector if e.source else None, e.cameo_code[:3]) for e in banned] == [("GOV", "172")]
    torched = _pipeline_events("More than 4300 cars have been torched across France.")
    assert {e.source.sector for e in torched if e.source} == {"UAF"}


def test_a_regions_states_named_together_act_as_its_bloc() -> None:
    events = _pipeline_events("President Mugabe accused Western powers of seeking his overthrow.")
    assert {(e.target.name, e.target.country) for e in events if e.target and e.cameo_root == "11"} == {
        ("Western countries", "WST")
    }
    criticised = _pipeline_events("Arab states criticised Israel.")
    assert {(e.source.country, e.source.sector) for e in criticised if e.source} == {("ARB", "GOV")}


def test_as_opposed_to_compares() -> None:
    text = "Organizers claim 30,000 protested in Paris, as opposed to the 10,000 figure cited by the French police."
    assert not any(c.startswith("11") for _, _, c in _coded(text))
    assert any(c.startswith("11") for _, _, c in _coded("Russia opposed the American plan, as did China."))


def test_who_is_opposed_to_something_opposes_it() -> None:
    # no one opposed the government: it opposes a thing, which is no interaction
    assert not _coded("The Australian Government was opposed to the death sentence for the Bali Nine.")
    assert ("Iran", "Israel") in {
        (s, t) for s, t, c in _coded("Iran is strongly opposed to Israel.") if c[:2] == "11"
    }
