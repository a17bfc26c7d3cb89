"""Rules written on a seventh sample of random corpus articles (#11.2, sample G; not on gold
sentences): a thing, a text or a place is no actor, whatever label the entity tagger gave it;
"it" after a thing is the thing; a market that moves does nothing; plural positions are held
by force; and a naming verb whose quality judges is criticism or praise.  The whole pipeline
runs, with the Phoenix dictionaries (the default).  Sentences written for these tests."""

from __future__ import annotations

from .test_events_generalise import _pipeline_events
from .test_events_telling import _coded, _roots


def _names(text: str) -> set[str]:
    return {ref.name for e in _pipeline_events(text) for ref in (e.source, e.target) if ref is not None}


def test_a_named_thing_or_place_is_no_actor() -> None:
    # a structure, a programme, a place with "of": "org:..." actors before
    assert "Golden Gate Bridge" not in _names("The senator visited Golden Gate Bridge in San Francisco.")
    assert "Isle of Skye" not in _names(
        "Striking dockers at a ferry port in Uig, Isle of Skye, occupied the harbour."
    )
    assert not any(
        "Program" in n
        for n in _names(
            "The Domestic Monitoring Program was approved by the president. It allows the "
            "police to read the mail of foreigners."
        )
    )
    # a capital that names a text or a round of talks is no government ("Doha" is Qatar's)
    assert not any(
        "Qatar" in n
        for n in _names(
            "The Doha Declaration on public health was a vital step. It permits governments "
            "to set aside patents."
        )
    )
    # towns listed beside their kind ("the two towns, A and B") are places
    assert "Kafr Saba and Qalqilya" not in _names(
        "Settlers in the two towns, Kafr Saba and Qalqilya, staged protests against the army."
    )


def test_it_after_a_thing_is_the_thing() -> None:
    # "It" stood for the cabinet named as an agent, so the plan's allowing was the cabinet's
    assert "08" not in _roots(
        "The plan was approved by the Israeli cabinet. It allows Israel to build a wall."
    )
    # a body named as a subject still takes "it"
    assert any(
        s == "Iranian government" and c[:2] == "11"
        for s, _, c in _coded("The Iranian government said it condemned the European Union.")
    )


def test_a_market_that_moves_does_nothing() -> None:
    assert _roots("The U.S. currency traded at 1.45 versus the Euro on Tuesday.") == set()
    assert "12" not in _roots("In August U.S. home prices declined 4.4 percent.")


def test_positions_attacked_are_held_by_force() -> None:
    assert ("Israeli military", "Hamas", "190") in _coded(
        "The Israeli army attacked Hamas positions in Gaza."
    )
    assert "11" in _roots("Senator John Kerry attacked President George W. Bush's position on abortion.")


def test_a_naming_verb_whose_quality_judges_criticises_or_praises() -> None:
    assert ("American Civil Liberties Union", "George W. Bush", "111") in _coded(
        "The American Civil Liberties Union described President Bush's veto of the ban as "
        '"a callous disregard for human rights."'
    )
    assert ("Barack Obama", "Nelson Mandela", "051") in _coded(
        "Barack Obama called Nelson Mandela a courageous leader."
    )
    # negated, or the quality neither judges nor praises: nothing
    assert "11" not in _roots("Barack Obama did not describe the Iranian proposal as a threat.")
    assert "11" not in _roots("Barack Obama described the Iranian proposal as a first step.")


def test_a_verbs_predicate_may_follow_its_object() -> None:
    # "take hostage", "find guilty": the object stands between the verb and its predicate
    assert ("Taliban", "181") in {
        (s, c[:3]) for s, _, c in _coded("The Taliban took two Italian journalists hostage in Helmand.")
    }
    assert any(
        t == "Kenneth Lay" and c == "116"
        for _, t, c in _coded("A federal jury found Kenneth Lay guilty of fraud.")
    )


def test_the_country_is_the_country_named_as_a_subject_before() -> None:
    coded = _coded(
        'Lebanon said on Friday that Israel had launched "a barbaric aggression". The country '
        "urged the United Nations to stop the offensive."
    )
    assert any(s == "Lebanon" and t == "United Nations" and c[:2] == "02" for s, t, c in coded)
    assert not any(s == "Israel" and t == "United Nations" for s, t, _ in coded)


def test_a_plural_doer_including_named_members_is_those_members() -> None:
    sources = {s for s, _, c in _coded("Several countries, including France and Germany, condemned Iran.")}
    assert {"France", "Germany"} <= sources


def test_they_after_two_met_are_the_two() -> None:
    sources = {
        s
        for s, _, c in _coded(
            "Venezuelan president Hugo Chavez met Grand Ayatollah Ali Khamenei. They pledged "
            "further cooperation between their countries."
        )
        if c.startswith("03")
    }
    assert sources == {"Hugo Chavez", "Ali Khamenei"}


def test_a_judging_noun_judges_the_nationality_or_name_before_it() -> None:
    assert ("Ali Khamenei", "United States", "111") in _coded(
        'Iranian leader Ali Khamenei said, "American arrogance has failed in Iraq."'
    )
    # the verb's "not" denies nothing of what its subject is called
    assert any(
        t == "Israel" and c == "111"
        for _, t, c in _coded(
            'Hezbollah leader Hassan Nasrallah said, "Israeli aggression will not go unanswered."'
        )
    )


def test_an_unplaced_unnamed_party_is_in_the_country_the_news_is_in() -> None:
    text = (
        "Four policemen were killed in an ambush on Saturday. Afghan officials in Kandahar and "
        "Herat said the attackers fled towards Kunduz."
    )
    killed = [e for e in _pipeline_events(text) if e.cameo_code.startswith("19")]
    assert killed and all(e.source is not None and e.source.country == "AFG" for e in killed)
    # a country named as a party does not make the news happen there
    text = (
        "Four policemen were killed in an ambush on Saturday. The United States condemned the "
        "attack, and United States officials said American aid would continue."
    )
    assert not any(
        e.source is not None and e.source.country == "USA" and e.cameo_code.startswith("19")
        for e in _pipeline_events(text)
    )


def test_militants_retold_are_the_armed_group_named_before() -> None:
    coded = _coded(
        "Taliban fighters attacked a police post in Helmand on Monday. The militants killed four policemen."
    )
    assert {s for s, _, c in coded if c.startswith("19")} == {"Taliban"}
    # two groups named before: "the militants" is neither
    coded = _coded("Taliban and al-Qaeda fighters clashed with troops. The militants killed four policemen.")
    assert not any(s in {"Taliban", "al-Qaeda"} and t and "police" in t for s, t, _ in coded)
