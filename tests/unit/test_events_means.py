"""A passive act of force whose means names its doer (#11, written on sample J's errors, not on
gold sentences): "five civilians were killed in a NATO airstrike" is NATO's killing, not an
unnamed armed group's of the place.  The whole pipeline runs, with the Phoenix dictionaries (the
default).  Sentences written for these tests."""

from __future__ import annotations

from .test_events_telling import _coded


def test_killed_in_an_airstrike_is_killed_by_whoever_struck() -> None:
    coded = _coded("Five civilians were killed in a NATO airstrike in Helmand province on Monday.")
    killers = {s for s, _, code in coded if code[:2] in {"18", "19", "20"} and code != "195"}
    assert killers == {"NATO"}


def test_an_unnamed_means_leaves_the_doer_unnamed() -> None:
    coded = _coded("Five civilians were killed in an airstrike in Helmand province on Monday.")
    assert "NATO" not in {s for s, _, _ in coded}
    assert any(code[:2] in {"18", "19"} for _, _, code in coded)


def test_several_governments_are_no_one_country_s() -> None:
    # the article's towns are Georgian, so unnamed parties are placed in Georgia; "several
    # governments" and "foreign journalists" are spread over many countries and stay unplaced
    from .test_events_generalise import _pipeline_events

    text = (
        "Fighting went on in Tskhinvali and Gori on Friday, and Georgian troops shelled Tskhinvali. "
        "Several governments condemned the shelling of Tskhinvali. "
        "Georgian police detained foreign journalists in Gori."
    )
    countries = {
        (e.source.name, e.source.country)
        for e in _pipeline_events(text)
        if e.source and "government" in e.source.name
    }
    assert countries and all(country is None for _, country in countries)


def test_the_act_of_force_told_before_names_the_doer_of_its_victims() -> None:
    # sample M: "the airstrike" is the one the United States carried out, one sentence before
    text = (
        "United States forces killed Qasem Soleimani in an airstrike at Baghdad airport on Thursday. "
        "Abu Mahdi al-Muhandis was also killed in the airstrike."
    )
    killers = {
        (s, t) for s, t, code in _coded(text) if code[:2] in {"18", "19"} and t == "Abu Mahdi al-Muhandis"
    }
    assert killers and {s for s, _ in killers} <= {"American military", "United States"}
    # force both sides used names no one side
    fighting = _coded(
        "Israel launched an offensive in Gaza. Thirteen Israeli soldiers were killed in the fighting."
    )
    assert not {(s, t) for s, t, code in fighting if s == "Israel" and t and "Israeli" in t}


def test_a_clause_of_firing_names_the_doer_of_the_harm() -> None:
    # sample M: "wounded after U.S. forces opened fire on the car"
    text = "Giuliana Sgrena was wounded after U.S. forces opened fire on the car she was travelling in."
    wounders = {s for s, t, code in _coded(text) if t == "Giuliana Sgrena" and code[:2] in {"18", "19"}}
    assert wounders == {"American military"}
