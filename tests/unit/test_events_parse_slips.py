"""Roles where spaCy's small model slips (#11, written on sample M's leads, not on gold
sentences): a subject hung inside a phrase set before the verb, "to Denmark" read as an
infinitive, a verb taken into a title, a gapped conjunct, a gerund after a preposition, and a
passive's participle of what its subject pledges.  The whole pipeline runs, with the Phoenix
dictionaries (the default).  Sentences written for these tests."""

from __future__ import annotations

from .test_events_telling import _coded


def _by_root(text: str, root: str) -> set[tuple[str | None, str | None]]:
    return {(s, t) for s, t, code in _coded(text) if code.startswith(root)}


def test_a_subject_hung_in_a_fronted_phrase_still_acts() -> None:
    released = _by_root(
        "As part of the truce brokered by Egyptian President Hosni Mubarak and Israeli Prime Minister "
        "Ariel Sharon, Israel has released 500 Palestinian prisoners.",
        "084",
    )
    assert {s for s, _ in released} == {"Israel"}
    demanded = _coded(
        "In an interview with the newspaper Al-Ahram, Sheikh Ahmed Tayeb, Grand Imam of Al-Azhar "
        "University in Cairo, demanded an apology from Denmark."
    )
    assert {s for s, _, code in demanded if code.startswith("10")} == {"Ahmed Tayeb"}


def test_a_name_read_as_an_infinitive_is_the_target() -> None:
    # the tagger reads "to Denmark" after a present-tense verb as "to" + a verb
    assert ("Cabinet", "Denmark") in _by_root("The Cabinet apologizes to Denmark.", "055")


def test_a_verb_is_no_word_of_the_title_after_it() -> None:
    # Phoenix lists "ousted prime minister": the verb of the clause is not that title's
    ousted = _by_root("An army general ousted Prime Minister Thaksin Shinawatra in a coup.", "16")
    assert ousted and all(t == "Thaksin Shinawatra" and s != "Thaksin Shinawatra" for s, t in ousted)


def test_a_gapped_conjunct_shares_the_doers() -> None:
    coded = _coded(
        "One person was killed and at least 28 injured in a bomb attack by suspected Muslim insurgents "
        "in southern Thailand."
    )
    force = {(s, t) for s, t, code in coded if code[:2] in {"18", "19"}}
    assert force and all(s == "Thai Muslim rebels" for s, _ in force)
    assert "Thailand" not in {t for _, t in force}  # a place is no one hurt


def test_a_gerund_after_a_preposition_is_the_subject_s_act() -> None:
    met = _by_root("After meeting with Prime Minister Manmohan Singh, Nitish Kumar left for Patna.", "04")
    assert ("Nitish Kumar", "Manmohan Singh") in met
    # after "for", what the object did: the protesters demonstrated, not the police
    arrested = _coded("Police in Cairo arrested two dozen protesters for demonstrating without a permit.")
    assert ("Egyptian police", "Egyptian opposition", "173") in arrested
    assert not {s for s, _, code in arrested if code.startswith("14") and s == "Egyptian police"}


def test_a_passive_s_participle_that_pledges_is_its_subject_s() -> None:
    coded = _coded(
        "President Alvaro Uribe was sworn in for a second term on Monday, pledging to make peace with the rebels."
    )
    assert {s for s, _, code in coded if code.startswith("03")} == {"Alvaro Uribe"}
