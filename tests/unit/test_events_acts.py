"""An act named again by a noun that is no event of its own (#11, rules written on sample I, not
on gold sentences): who "criticised the move" criticised whoever moved; "the decision was
welcomed by" whoever decided; "condemned the remarks", the speaker.  The whole pipeline runs,
with the Phoenix dictionaries (the default).  Sentences written for these tests."""

from __future__ import annotations

from .test_events_telling import _coded


def _dyads(text: str, root: str) -> set[tuple[str | None, str | None]]:
    return {(s, t) for s, t, code in _coded(text) if code.startswith(root)}


def test_a_passive_reaction_to_an_announcement_is_to_the_one_who_announced() -> None:
    text = (
        "Australian Prime Minister John Howard has announced a national clean energy target. "
        "The announcement was criticised by Labor environment spokesman Peter Garrett."
    )
    assert ("Peter Garrett", "John Howard") in _dyads(text, "11")


def test_criticising_the_move_criticises_who_made_it() -> None:
    text = (
        "President Donald Trump sent federal officers to Portland on Monday. "
        "Joe Biden criticized the move, saying it would make matters worse."
    )
    assert ("Joe Biden", "Donald Trump") in _dyads(text, "11")


def test_the_move_refers_to_the_act_not_to_what_was_said_about_it() -> None:
    # "responded" tells, and what Israel says inside the quote is no act: the move was Egypt's
    text = (
        "Egypt denied the pilgrims entrance at first, but finally gave them clearance on Sunday. "
        'Israel responded saying that "no weapons must get through the border." '
        "Hamas spokesman Taher al-Nounou praised the move."
    )
    dyads = _dyads(text, "05")
    assert any(t == "Egypt" for _, t in dyads) and not any(t and "Israel" in t for _, t in dyads)


def test_an_act_noun_that_names_its_own_party_keeps_the_parse() -> None:
    # "the move against the teacher" is not the teacher's move
    text = (
        "Alexander Ponosov, a village teacher, pleaded not guilty on Monday. "
        "The Russian president criticized the move against the teacher."
    )
    assert not any(t == "Alexander Ponosov" for _, t in _dyads(text, "11"))
