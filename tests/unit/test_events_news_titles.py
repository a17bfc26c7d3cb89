"""Who an actor is and what the act is, found wrong on news nobody tuned the coder to (#11,
written on the leads of sample Z12, not on gold sentences): a possessive in a clause about a
person described by someone else, a title set off by a comma before the name, a first name
before a one-word dictionary name, abbreviated ranks, a fire incident's "by", claims
investigated, offences charged, papers released and vehicles overturned.  The whole pipeline
runs, with the Phoenix dictionaries (the default).  Sentences written for these tests."""

from __future__ import annotations

from typing import Any

from .test_events_news_parties import _result
from .test_events_unseen_news import _by_root, _coded


def _events(text: str) -> list[Any]:
    return list(_result(text).events)


def _code(ref: Any) -> str | None:
    return ref.cameo_code if ref is not None else None


def test_a_possessive_refers_to_the_person_its_clause_is_about() -> None:
    text = (
        "Karl Rove, who served as an aide to President George W. Bush, refused to testify "
        "about misusing his political power."
    )
    assert all(t != "George W. Bush" for _, t, _ in _coded(text))


def test_a_title_set_off_by_a_comma_before_the_name_is_the_persons() -> None:
    fronted = _events("United States Secretary of Energy, Samuel Bodman criticised Iran.")
    assert [_code(e.source) for e in fronted] == ["USAGOV"]
    # "Energy" of "Secretary of Energy" is no organisation that hides the title
    titled = _events("Secretary of Energy Samuel Bodman criticised Iran.")
    assert titled and all((e.source.sector or "") == "GOV" for e in titled)
    # a list after a title is not one titled person
    listed = _coded("The Secretary of State, Condoleezza Rice and Jack Straw met Mahmoud Abbas.")
    assert {s for s, _, _ in listed} == {"Condoleezza Rice", "Jack Straw"}


def test_a_first_name_before_a_one_word_dictionary_name_is_someone_else() -> None:
    kidnapped = _by_root("The careworker Margaret Hassan was kidnapped in Iraq last month.", "18")
    assert kidnapped and all(t == "Margaret Hassan" for _, t in kidnapped)  # not Prince Hassan of Jordan
    # a given name that is also a faith is no title
    events = _events("Christian Schwarz-Schilling, a German diplomat, criticised the Bosnian government.")
    assert events and all(e.source.name == "Christian Schwarz-Schilling" for e in events)
    assert all("CHR" not in (e.source.cameo_code or "") for e in events)


def test_abbreviated_ranks_are_titles_and_end_no_sentence() -> None:
    killed = _events("US Army Spc. Dustin Donica was killed in Baghdad on Thursday.")
    assert [_code(e.target) for e in killed] == ["USAMIL"]  # "Spc." had ended the sentence
    assert all(e.provenance.sentence_index == 0 for e in killed)
    senator = _events("Sen. John Smithers criticised Iran on Monday.")
    assert senator and all((e.source.sector or "").endswith("LEG") for e in senator)


def test_a_fire_incident_names_who_fired() -> None:
    killed = _by_root(
        "Two Danish soldiers were killed in a friendly fire incident by British missiles.", "19"
    )
    assert killed == {("United Kingdom", "Danish military")}
    # a shooting told before is the incident's
    text = "Israeli troops fired on a car in Gaza. Two men were killed in the incident."
    later = [e for e in _events(text) if e.provenance.sentence_index == 1]
    assert later and all(_code(e.source) == "ISRMIL" for e in later)


def test_an_investigation_of_claims_is_of_whom_they_accuse() -> None:
    text = (
        "The European Union will investigate allegations by Human Rights Watch that the CIA ran secret jails."
    )
    assert {t for _, t in _by_root(text, "09")} == {"Central Intelligence Agency"}
    # a claim told in the passive names its victims, not the accused
    passive = "The UN is investigating claims that civilians were killed by Israeli troops near Gaza."
    assert {t for _, t in _by_root(passive, "09")} == {"Israeli military"}
    # a rejected claim is still its claimant's
    assert ("European Union", "Iran") in _by_root("The European Union rejected claims by Iran.", "01")


def test_an_offence_charged_is_the_charged_ones_and_alleged() -> None:
    events = _events("Police arrested two Iraqi men for the kidnapping of a British aid worker.")
    kidnapping = [e for e in events if e.cameo_code.startswith("181")]
    assert kidnapping and all(e.source.country == "IRQ" and e.hypothetical for e in kidnapping)


def test_papers_released_are_no_release_and_overturned_vehicles_a_riot() -> None:
    assert "08" not in {
        c[:2] for _, _, c in _coded("The National Archives released the 1976 Cabinet papers.")
    }
    rioting = _coded("Rampaging protesters overturned police vehicles in the capital.")
    assert {c for _, _, c in rioting} == {"145"}  # was a hijacking (181)
    assert "081" in {c for _, _, c in _coded("The Supreme Court overturned the conviction of Jose Padilla.")}


def test_tamil_tiger_rebels_are_the_tamil_tigers() -> None:
    text = "Suspected Tamil Tiger rebels ambushed and killed three soldiers in eastern Sri Lanka."
    assert {s for s, _ in _by_root(text, "19")} == {"Liberation Tigers of Tamil Eelam"}


def test_counted_peoples_are_civilians_and_listed_nationalities_their_people() -> None:
    killed = _events("A gunman killed four Kurds in Mosul on Tuesday.")
    assert [_code(e.target) for e in killed if e.cameo_code.startswith("19")] == ["IRQCVL"]  # was Iraq
    sued = _coded(
        "On July 13, 21 French and Japanese individuals sued Shintaro Ishihara, the governor of Tokyo."
    )
    assert {s for s, _, _ in sued} == {"French civilians", "Japanese civilians"}  # were France and Japan
    # listed nationalities of officials are still their governments
    ministers = _coded("French and German ministers criticised Iran.")
    assert {s for s, _, _ in ministers} == {"French government", "German government"}


def test_a_cold_reception_is_no_aid_and_a_place_before_a_name_is_no_doer() -> None:
    assert "07" not in {
        c[:2] for _, _, c in _coded("Protesters gave Prime Minister John Howard a cold reception.")
    }
    proposed = _coded("Houston, Texas representative Al Edwards proposed a bill to ban cheerleading.")
    assert {s for s, _, _ in proposed} == {"Al Edwards"}  # was the United States


def test_an_act_someone_is_kept_from_did_not_happen() -> None:
    events = _events("China intensified security to prevent mourners attending the funeral in Beijing.")
    attending = [e for e in events if e.trigger == "attending"]
    assert attending and all(e.negated for e in attending)
    barred = _events("Police barred the protesters from marching to the parliament on Monday.")
    assert all(e.negated for e in barred if e.trigger == "marching")


def test_a_thing_that_allows_grants_nothing_and_a_sentence_opener_is_no_name() -> None:
    assert not _coded("The minister wants a law allowing the public naming of known paedophiles.")
    assert not _coded("Danish freedom of speech does not allow the government to control newspapers.")
    assert ("Israeli government", "Egypt") in _by_root(
        "The Israeli cabinet voted to allow Egypt to patrol the border with Gaza.", "08"
    )
    # a common word capitalised as it opens a sentence, which the article also writes in lower
    # case, is no dictionary name ("YOUTH_": a Basque group)
    volunteered = _coded(
        "Youth members of Nahdlatul Ulama have volunteered to guard the churches. "
        "The youth organization has contacted the police."
    )
    assert all(s != "Gazteriak" for s, _, _ in volunteered)
