"""The end-to-end ledger scorer, the dev/check split and the `evaluate` command's n checks, on
small hand-made records (no pipeline, no data)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.evaluate.codebook import example_text, load_examples
from newsledger.evaluate.ledger import score_article
from newsledger.evaluate.matching import SystemActor, actor_matches, max_matching, norm_name, sentence_span
from newsledger.evaluate.split import part_of, select
from newsledger.models import Actor, Article, ArticleResult, Event, Provenance, Statement

TEXT = (
    "Iran hosted a Taliban delegation on Tuesday. "
    "The delegation met Zarif in Tehran. "
    '"We will not talk to them," a Taliban spokesman said.'
)
PUBLISHED = "2021-01-29"
IRAN = Actor("iran", "Iran", "country", "IRN", None, "IRN", ("Iran", "Tehran"))
TALIBAN = Actor(
    "taliban", "Taliban", "organization", "AFG", "REB", "AFGREB", ("Taliban", "Taliban delegation")
)
ZARIF = Actor("zarif", "Mohammad Javad Zarif", "person", "IRN", "GOV", "IRNGOV", ("Zarif",))
IRAN_GOV = Actor("irngov", "Iranian Foreign Ministry", "organization", "IRN", "GOV", "IRNGOV", ())


def _sentence(n: int) -> tuple[str, tuple[int, int]]:
    starts = [0, TEXT.index("The delegation"), TEXT.index('"We')]
    ends = [starts[1] - 1, starts[2] - 1, len(TEXT)]
    return TEXT[starts[n] : ends[n]], (starts[n], ends[n])


def _event(n: int, code: str, source: Actor | None, target: Actor | None, **kw: Any) -> Event:
    sentence, span = _sentence(n)
    prov = Provenance("a1", n, sentence, span, "newsledger.events.v1")
    return Event(
        f"e{n}{code}",
        prov,
        "trigger",
        code,
        code[:2],
        1,
        1.0,
        None,
        None,
        source.ref_on(PUBLISHED) if source else None,
        target.ref_on(PUBLISHED) if target else None,
        kw.get("date"),
        "day" if kw.get("date") else "unknown",
        negated=kw.get("negated", False),
        hypothetical=kw.get("hypothetical", False),
    )


def _statement(speaker: Actor | None, written: str | None) -> Statement:
    sentence, span = _sentence(2)
    prov = Provenance("a1", 2, sentence, span, "newsledger.statements.v1")
    ref = speaker.ref_on(PUBLISHED) if speaker else None
    return Statement("s1", prov, ref, written, None, "said", "direct", "We will not talk to them", (1, 25))


def _result(events: list[Event], statements: list[Statement] = ()) -> ArticleResult:  # type: ignore[assignment]
    article = Article("a1", "t", TEXT, PUBLISHED)
    return ArticleResult(article, 3, actors=(IRAN, TALIBAN, ZARIF, IRAN_GOV), events=tuple(events),
                         statements=tuple(statements))  # fmt: skip


def _gold_actor(text: str, name: str, country: str | None, sector: str | None) -> dict[str, Any]:
    return {"text": text, "name": name, "country": country, "sector": sector}


HOST = {
    "sentence": _sentence(0)[0],
    "source": _gold_actor("Iran", "Iran", "IRN", None),
    "target": _gold_actor("a Taliban delegation", "Taliban", "AFG", "REB"),
    "cameo_code": "043",
    "cameo_root": "04",
    "date": "2021-01-26",
    "negated": False,
    "hypothetical": False,
}
MEET = {
    "sentence": _sentence(1)[0],
    "source": _gold_actor("The delegation", "Taliban", "AFG", "REB"),
    "target": _gold_actor("Zarif", "Mohammad Javad Zarif", "IRN", "GOV"),
    "cameo_code": "040",
    "cameo_root": "04",
    "date": None,
    "negated": False,
    "hypothetical": False,
}
GOLD = {
    "id": "a1",
    "events": [HOST, MEET],
    "statements": [
        {"sentence": _sentence(2)[0], "speaker": _gold_actor("a Taliban spokesman", "Taliban", "AFG", "REB")}
    ],
    "actors": [
        {"name": "Mohammad Javad Zarif", "kind": "person"},
        {"name": "Taliban", "kind": "organization"},
    ],
}


# --------------------------------------------------------------------------- actors


def test_names_are_compared_without_case_articles_dots_or_possessives() -> None:
    assert norm_name("the U.S. Department of Justice's") == norm_name("US Department of Justice")
    assert norm_name("Ford's") == "ford"
    assert norm_name("Tewolde Berhan Gebre Egziábher") == "tewolde berhan gebre egziabher"


def test_an_actor_matches_by_name_alias_or_gold_text_but_not_by_pronoun() -> None:
    zarif = SystemActor("Mohammad Javad Zarif", ("Zarif",), "IRN", "GOV", "person")
    assert actor_matches(
        _gold_actor("Zarif", "Javad Zarif", "IRN", "GOV"), zarif, "person"
    )  # gold text = alias
    assert actor_matches(
        _gold_actor("he", "Mohammad Javad Zarif", "IRN", "GOV"), zarif, "person"
    )  # gold name
    # same country and sector, but a different person: strict
    rouhani = _gold_actor("he", "Hassan Rouhani", "IRN", "GOV")
    assert not actor_matches(rouhani, zarif, "person")
    # a pronoun as gold text never matches a system name that happens to be spelled alike
    assert not actor_matches(_gold_actor("We", "Ford Motor Company", "USA", "BUS"), SystemActor("we"), None)


def test_collective_actors_match_by_country_and_sector() -> None:
    ministry = SystemActor("Iranian Foreign Ministry", (), "IRN", "GOV", "organization")
    government = _gold_actor("the government", "Government of Iran", "IRN", "GOV")
    assert actor_matches(government, ministry, "organization")
    assert not actor_matches(_gold_actor("the army", "Iranian Army", "IRN", "MIL"), ministry, "organization")
    # a person is never matched by country and sector alone, on either side
    person = SystemActor("Mohammad Javad Zarif", (), "IRN", "GOV", "person")
    assert not actor_matches(government, person, "organization")
    # the gold codes one primary sector: a compound system sector is read by its first code
    greens = _gold_actor("campaigners", "Greenpeace", None, "NGO")
    assert actor_matches(
        greens, SystemActor("Greenpeace International", (), None, "NGOENV", "organization"), "organization"
    )
    assert not actor_matches(
        greens, SystemActor("Sierra Club", (), None, "ENVNGO", "organization"), "organization"
    )
    # nothing known on the gold side: no match by codes
    assert not actor_matches(_gold_actor("some people", "People", None, None), SystemActor("X"), "group")


def test_a_missing_actor_matches_only_a_missing_actor() -> None:
    assert actor_matches(None, None, None)
    assert not actor_matches(None, SystemActor("Iran"), None)
    assert not actor_matches(_gold_actor("Iran", "Iran", "IRN", None), None, "country")


# --------------------------------------------------------------------------- matching


def test_matching_is_one_to_one_and_maximal() -> None:
    # gold 0 could take system 0 or 1, gold 1 only system 0: the maximum pairs both
    ok = {(0, 0), (0, 1), (1, 0)}
    assert max_matching(2, 2, lambda g, s: (g, s) in ok) == [(0, 1), (1, 0)]
    # three system records for one gold record: one pair
    assert max_matching(1, 3, lambda g, s: True) == [(0, 0)]
    assert max_matching(1, 3, lambda g, s: True, prefer=lambda g, s: s) == [(0, 2)]


def test_sentence_span_finds_the_occurrence_near_the_record() -> None:
    text = "He left. She stayed. He left."
    assert sentence_span(text, "He left.") == (0, 8)
    assert sentence_span(text, "He left.", near=23) == (21, 29)
    assert sentence_span("A  b\nc.", "A b c.") == (0, 7)
    assert sentence_span(text, "Nobody came.") is None


# --------------------------------------------------------------------------- one article


def test_levels_found_dyad_full() -> None:
    events = [
        _event(0, "043", IRAN, TALIBAN, date="2021-01-26"),  # full, date right
        _event(1, "042", TALIBAN, ZARIF, date="2021-01-29"),  # found (root 04), full code wrong
    ]
    score = score_article(GOLD, _result(events), TEXT)
    assert (score.events["found"].tp, score.events["dyad"].tp, score.events["full"].tp) == (2, 2, 1)
    assert score.events["full"].fp == 1 and score.events["full"].fn == 1
    # dates: right on the host; the meeting has no date in the gold but got the publication day
    assert score.dates == [("2021-01-26", "2021-01-26", PUBLISHED), (None, "2021-01-29", PUBLISHED)]
    errors = {(e["record"], e["error"]) for e in score.errors}
    assert errors == {("event", "dyad"), ("statement", "missed")}


def test_direction_counts_and_a_wrong_root_is_not_found() -> None:
    events = [
        _event(0, "043", TALIBAN, IRAN),  # reversed dyad
        _event(1, "111", TALIBAN, ZARIF),  # right sentence, wrong root
    ]
    score = score_article(GOLD, _result(events), TEXT)
    assert (score.events["found"].tp, score.events["dyad"].tp) == (1, 0)
    assert score.events["found"].fp == 1 and score.events["found"].fn == 1
    kinds = sorted(e["error"] for e in score.errors if e["record"] == "event")
    assert kinds == ["found", "missed", "spurious"]


def test_several_records_for_one_happening_are_one_match_and_false_positives() -> None:
    events = [
        _event(0, "043", IRAN, TALIBAN),
        _event(0, "043", IRAN, TALIBAN),
        _event(0, "042", IRAN, TALIBAN),
    ]
    score = score_article({**GOLD, "events": [HOST]}, _result(events), TEXT)
    assert (score.events["full"].tp, score.events["full"].fp, score.events["full"].fn) == (1, 2, 0)
    assert (score.events["found"].tp, score.events["found"].fp) == (1, 2)


def test_flags_are_scored_on_found_events() -> None:
    events = [
        _event(0, "043", IRAN, TALIBAN, negated=True),
        _event(1, "040", TALIBAN, ZARIF, hypothetical=True),
    ]
    score = score_article(GOLD, _result(events), TEXT)
    assert score.negated == [False, True] and score.hypothetical == [True, False]


def test_statements_found_and_speaker() -> None:
    right = score_article(GOLD, _result([], [_statement(TALIBAN, "a Taliban spokesman")]), TEXT)
    assert (right.statements["found"].tp, right.statements["speaker"].tp) == (1, 1)
    wrong = score_article(GOLD, _result([], [_statement(ZARIF, "Zarif")]), TEXT)
    assert (wrong.statements["found"].tp, wrong.statements["speaker"].tp) == (1, 0)
    # an unresolved speaker still counts when its words name the gold actor
    written = score_article(GOLD, _result([], [_statement(None, "Taliban")]), TEXT)
    assert written.statements["speaker"].tp == 1
    nothing = score_article(GOLD, None, TEXT)
    assert nothing.statements["found"].fn == 1 and nothing.events["found"].fn == 2


def test_a_gold_sentence_missing_from_the_text_is_an_error() -> None:
    from newsledger.errors import EvaluationError

    broken = {**GOLD, "events": [{**HOST, "sentence": "Not in the article."}]}
    with pytest.raises(EvaluationError, match="not found in the text"):
        score_article(broken, _result([]), TEXT)


# --------------------------------------------------------------------------- split and CLI


def test_the_split_is_the_documented_rule() -> None:
    # COORD.md names the three check articles of gold_wikinews
    for check in ("wikinews-2019-0050", "wikinews-politics-ID62209", "wikinews-economy-ID106653"):
        assert part_of(check) == "check"
    assert part_of("wikinews-politics-ID44357") == "dev"
    ids = [f"r{n}" for n in range(1000)]
    share = sum(part_of(i) == "check" for i in ids) / len(ids)
    assert 0.15 < share < 0.25
    dev, check = select(ids, "dev", str), select(ids, "check", str)
    assert sorted(dev + check) == sorted(ids) and not set(dev) & set(check)
    assert select(ids, None, str) == ids


def test_codebook_examples_lose_the_coders_note() -> None:
    raw = "Russia and China will ask Asian banks to help. Note: Because of the compound source, two events."
    assert example_text(raw) == "Russia and China will ask Asian banks to help."


def _polnear(tmp_path: Path, split: str) -> Path:
    text = "The council said that the budget was too small."
    start = text.index("the budget")
    record = {
        "id": "d1__a",
        "doc": "d1",
        "split": split,
        "date": "2016-01-01",
        "text": text,
        "quotes": [
            {
                "speaker_spans": [[0, 11]],
                "content_spans": [[start, start + 24]],
                "content_has_quote_marks": False,
            }
        ],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record) + "\n", "utf-8")
    return path


def test_a_given_gold_file_is_scored_whatever_its_split(tmp_path: Path) -> None:
    from newsledger.evaluate.statements import evaluate

    assert evaluate(str(_polnear(tmp_path, "test"))).metrics["n"] == 1


def test_evaluate_refuses_n_zero_and_options_an_evaluation_does_not_take(tmp_path: Path) -> None:
    runner = CliRunner()
    path = _polnear(tmp_path, "test")
    part = "check" if part_of("d1") == "dev" else "dev"  # the part d1 is not in: nothing to score
    result = runner.invoke(app, ["evaluate", "statements", "--gold", str(path), "--part", part, "--json"])
    assert result.exit_code != 0 and "n=0" in result.output
    result = runner.invoke(app, ["evaluate", "places", "--part", "dev"])
    assert result.exit_code != 0 and "does not take --part" in result.output
    result = runner.invoke(app, ["evaluate", "ledger", "--part", "half"])
    assert result.exit_code != 0 and "unknown part" in result.output


def test_codebook_records_whose_example_is_a_placeholder_are_not_scored(tmp_path: Path) -> None:
    gold = tmp_path / "codes.jsonl"
    rows = [
        {"code": "151", "example": "NEED EXAMPLE."},
        {"code": "152", "example": ""},
        {"code": "153", "example": "Police need example cases, the minister said."},
    ]
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert [r["code"] for r in load_examples(gold)] == ["153"]
