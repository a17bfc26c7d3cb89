"""Hand-built records for store, export and API tests (no pipeline needed)."""

from __future__ import annotations

from newsledger.models import (
    AboutRef,
    Actor,
    ActorRef,
    Article,
    ArticleResult,
    Contradiction,
    Event,
    Framing,
    FramingTerm,
    Mention,
    Place,
    Provenance,
    RecordRef,
    Role,
    Statement,
)
from newsledger.stages.extract import article_id_for

TEXT = (
    "A Taliban delegation traveled to Tehran on January 27. "
    'Zarif said "the Taliban is still a terrorist entity". '
    "Iran hosted the delegation."
)

ZARIF = Actor(
    "zarif", "Mohammad Javad Zarif", "person", "IRN", "GOV", "IRNGOV", ("Zarif",),
    (Role("Foreign Minister", "Government of Iran", "IRN", "GOV", "2013-08-15", "2021-08-25"),),
)  # fmt: skip
TALIBAN = Actor("taliban", "Taliban", "organization", "AFG", "REB", "AFGREB", ("Taliban",))
IRAN = Actor("iran", "Iran", "country", "IRN", None, "IRN", ("Iran", "Tehran"))
NCRI = ActorRef("ncri", "NCRI")


def result(i: int = 0, *, published: str = "2021-01-29", text: str = TEXT) -> ArticleResult:
    aid = article_id_for(f"test:{i}")
    article = Article(aid, f"Story {i}", text, published, url=f"https://example.org/{i}", outlet="NCRI",
                      outlet_type="advocacy", source_key=f"test:{i}", origin="test.jsonl", origin_line=i + 1,
                      raw_sha256="0" * 64)  # fmt: skip
    s0 = text.index("Zarif")
    sent0, sent1 = (0, text.index(" Zarif")), (s0, text.index(" Iran hosted"))
    prov = Provenance(aid, 0, text[sent0[0] : sent0[1]], (text.index("traveled"), text.index("traveled") + 8),
                      "newsledger.events.v1", (NCRI,))  # fmt: skip
    event = Event(
        f"e{i}", prov, "traveled", "042", "04", 1, 1.9, "CONSULT", "visit",
        TALIBAN.ref_on(published), IRAN.ref_on(published), f"2021-01-{27 - i % 20:02d}", "day",
        Place("Tehran", "IRN", 35.69, 51.42, 112931, "city"), confidence=0.9,
    )  # fmt: skip
    q0 = text.index("the Taliban is")
    statement = Statement(
        f"s{i}", Provenance(aid, 1, text[sent1[0] : sent1[1]], sent1, "newsledger.statements.v1", (NCRI,)),
        ZARIF.ref_on(published), "Zarif", (s0, s0 + 5), "said", "partial", "the Taliban is still a terrorist entity",
        (q0, q0 + len("the Taliban is still a terrorist entity")), (s0 + 6, s0 + 10), None, published, "day",
        (AboutRef("taliban", "Taliban", "critical"),),
    )  # fmt: skip
    contradiction = Contradiction(
        f"c{i}", "statement-action", IRAN.ref_on(published), RecordRef("statement", f"s{i}"),
        RecordRef("event", f"e{i}"), "Iran calls the Taliban terrorists while hosting them.", 0.8, aid,
    )  # fmt: skip
    mentions = (
        Mention(text.index("Taliban"), text.index("Taliban") + 7, "Taliban", "ORG", 0, "taliban", "kb"),
        Mention(text.index("Tehran"), text.index("Tehran") + 6, "Tehran", "GPE", 0, "iran", "kb"),
        Mention(s0, s0 + 5, "Zarif", "PERSON", 1, "zarif", "kb"),
    )
    framing = Framing(
        aid, "advocacy", (FramingTerm(q0 + 23, q0 + 39, "terrorist entity", "securitising", "taliban"),)
    )
    return ArticleResult(
        article, 3, mentions, (ZARIF, TALIBAN, IRAN), (statement,), (event,), (contradiction,), framing
    )


def late_result(i: int) -> ArticleResult:
    """An article published 2021-03-11 whose event (verbal conflict, Goldstein -2) is dated
    2021-03-10: beside :func:`result`'s January events, a timeline with a gap and two classes."""
    from dataclasses import replace

    r = result(100 + i, published="2021-03-11")
    return replace(r, events=(replace(r.events[0], date="2021-03-10", quad_class=3, goldstein=-2.0),))
