"""One record per happening per article.

An article states the news of the day several times (headline, lead, body), and a compound
subject ("Iran and Russia met", "talks between A and B") yields the event in both directions.
The coder emits one event per mention and direction; this module folds them:

* a **reciprocal** event: two events of one trigger with the same code and mirrored actors are
  one record, the first-named actor as its source (PROTOCOL's convention for "A and B met");
* **mentions** of one happening: events with the same CAMEO root, the same source and target
  (in either direction when the code is reciprocal, or mutual by nature: meet, negotiate, sign,
  cooperate), the same modality and compatible dates
  ("2021-01", "2021-01-27" and no date are compatible; two different days are not) become one
  record that counts its ``mentions`` and keeps every trigger span in ``mention_spans``; a
  later mention that names the same doer and no target joins the happening it follows;
* a **retelling dated by default**: a mention dated the publication day (the day an undated
  past act defaults to) and one the text dates in the week before are one happening when both
  code the same act between the same two named actors ("He met Lula and Amorim." ... "On
  February 3, Roque met Lula da Silva and Amorim."), and the record takes the date the text
  gives.

The record kept stands for the happening where it is stated most fully: the most confident
mention, the earliest on a tie.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ...models import ActorRef, Event

__all__ = ["compatible", "dates_compatible", "merge_mentions", "unnamed"]

#: acts done with each other whichever side the text names first: consult, negotiate, sign an
#: agreement, cooperate ("A met B" and, later, "B and A had a meeting" are one meeting)
MUTUAL_CODES = ("040", "046", "057", "06")
#: comments (make a public statement, 01), which a fuller act of the speaker subsumes
COMMENT_ROOT = "01"
#: claim (015) and deny (016) responsibility: acts of their own, never subsumed as comments
RESPONSIBILITY_CODES = ("015", "016")
#: the country code of international organisations (the UN, the African Union, NATO)
INTERNATIONAL = "IGO"
#: the id prefix of the typed collective actors the coder makes for an unnamed doer
UNNAMED_PREFIX = "group:"


def dates_compatible(a: str | None, b: str | None) -> bool:
    """True when two ISO dates at any precision may name the same day: one is unknown or one
    is a prefix of the other ("2021-01" and "2021-01-27")."""
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


def _actor(e: Event, role: str) -> str | None:
    ref = e.source if role == "source" else e.target
    return ref.actor_id if ref is not None else None


def _dyad(e: Event) -> tuple[str | None, str | None]:
    return _actor(e, "source"), _actor(e, "target")


def unnamed(ref: ActorRef) -> bool:
    """An actor the text leaves unnamed and unplaced ("unidentified government")."""
    return ref.actor_id.startswith(UNNAMED_PREFIX) and "#" not in ref.actor_id and not ref.country


def _named(ref: ActorRef | None) -> int:
    return int(ref is not None and not unnamed(ref))


def _retold(e: Event, first: Event) -> bool:
    """True when ``e`` tells ``first`` again with vaguer actors: the same code, and each actor
    compatible; once one side is left unnamed ("the delegation was still denied visas"), the
    other need only be of the same country ("12 Ugandans" / "the Ugandan delegation")."""
    if e.cameo_code != first.cameo_code:
        return False
    pairs = ((e.source, first.source), (e.target, first.target))
    vague = any(a is not None and b is not None and (unnamed(a) or unnamed(b)) for a, b in pairs)
    return all(compatible(a, b, loose=vague) for a, b in pairs)


def compatible(a: ActorRef | None, b: ActorRef | None, *, loose: bool = False) -> bool:
    """True when two actors of one act's mentions may be the same: the same actor, an unnamed
    one of the other's sector ("unidentified government" / "Canadian government"), or a country
    and one of its bodies ("Uganda" / "Ugandan government"); ``loose``: any two of one country."""
    if a is None or b is None:
        return a is None and b is None
    if a.actor_id == b.actor_id:
        return True
    if unnamed(a) or unnamed(b):
        # a country acts through its government: "Russia" may be the "unidentified government"
        named = b if unnamed(a) else a
        vague = a if named is b else b
        return (
            not vague.sector  # "was still denied visas": by somebody, who may be anyone named
            or _of_sector(named, vague.sector)
            or (vague.sector == "GOV" and named.actor_id.startswith("country:"))
            # an international organisation's armed force is its peacekeepers: "militants
            # ambushed their convoy" (troops) retells an ambush on "United Nations peacekeepers"
            or (vague.sector == "MIL" and named.country == INTERNATIONAL)
        )
    return bool(a.country) and a.country == b.country and (loose or not a.sector or not b.sector)


def _of_sector(ref: ActorRef, sector: str | None) -> bool:
    """True when ``ref``'s sector is ``sector`` or a compound CAMEO sector holding it as one of
    its three-letter parts (the Janjaweed's "UAFREB" are rebels: "unidentified rebels")."""
    own = ref.sector or ""
    return own == sector or (sector is not None and len(sector) == 3 and sector in _parts(own))


def _parts(sector: str) -> set[str]:
    return {sector[i : i + 3] for i in range(0, len(sector), 3)}


#: How many days before its publication an article's news of the day may have happened.
NEWS_WEEK_DAYS = 7


def _retold_on_a_given_day(a: Event, b: Event, published: str | None) -> bool:
    """True when two mentions of one act (same code) between the same two named actors are
    dated, one the publication day, the other a day the text gives in the week before it:
    the first is the same happening told without its date, which defaulted to the
    publication day (see ``dates.date_for_span``).  An older date is history, not a retelling
    of the news ("In March 2003, Lula met Uribe" in an article on their meeting today)."""
    if not published or not (a.date and b.date) or a.cameo_code != b.cameo_code:
        return False
    day = published[:10]
    if (a.date == day) == (b.date == day):
        return False
    other = b.date if a.date == day else a.date
    if not all(_named(e.source) and _named(e.target) for e in (a, b)):
        return False
    try:
        before = (dt.date.fromisoformat(day) - dt.date.fromisoformat(other)).days
    except ValueError:  # a month, a year: not a day of the news week
        return False
    return 0 < before <= NEWS_WEEK_DAYS


@dataclass
class _Happening:
    events: list[Event] = field(default_factory=list)
    reciprocal: bool = False
    published: str | None = None

    @property
    def first(self) -> Event:
        return self.events[0]

    def accepts(self, e: Event) -> bool:
        first = self.first
        if (e.cameo_root, e.negated, e.hypothetical) != (first.cameo_root, first.negated, first.hypothetical):
            return False
        dyad, mine = _dyad(e), _dyad(first)
        same = dyad == mine or (self.reciprocal and dyad == mine[::-1])
        # "Russia has invited Hamas ... The Russian invitation was the first": a later mention
        # that names only the doer is the same happening
        same = same or (
            dyad[0] is not None
            and dyad[0] == mine[0]
            and dyad[1] is None
            and e.cameo_code == first.cameo_code
        )
        # "12 Ugandans were denied visas by the Canadian High Commission ... the Ugandan
        # delegation was still denied visas": the same act told again with vaguer actors; not
        # when a mention already in names others ("Eight oil workers have been kidnapped ... One
        # American, one Canadian and six Britons": three happenings, each of its own people)
        same = same or (_retold(e, first) and all(_retold(e, x) or _dyad(x) == dyad for x in self.events))
        return same and all(
            dates_compatible(e.date, x.date) or _retold_on_a_given_day(e, x, self.published)
            for x in self.events
        )

    def record(self) -> Event:
        # the mention that names its actors best, then the most confident (max keeps the
        # earliest on a tie)
        best = max(self.events, key=lambda e: (_named(e.source) + _named(e.target), e.confidence))
        spans = sorted({e.provenance.span for e in self.events})
        if len(spans) == 1:
            return best
        dated = self._given_date(best)
        return replace(
            best,
            mentions=len(spans),
            mention_spans=tuple(spans),
            date=dated.date,
            date_precision=dated.date_precision,
        )

    def _given_date(self, best: Event) -> Event:
        """The mention whose date the record takes: ``best``, unless it has only the
        publication day by default and another mention a day the text gives
        (:func:`_retold_on_a_given_day`), the first such."""
        if best.date != (self.published or "")[:10]:
            return best
        return next((e for e in self.events if _retold_on_a_given_day(best, e, self.published)), best)


def _reciprocal_pairs(events: Sequence[Event]) -> tuple[list[Event], set[int]]:
    """Events with their mirrored twins (same trigger and code, actors swapped) dropped, and
    the indices (into the returned list) of the events that had a twin."""
    kept: list[Event] = []
    reciprocal: set[int] = set()
    index: dict[tuple[tuple[int, int], str, str | None, str | None], int] = {}
    for e in events:
        source, target = _dyad(e)
        mirror = (e.provenance.span, e.cameo_code, target, source)
        if source is not None and target is not None and mirror in index:
            reciprocal.add(index[mirror])
            continue
        index[(e.provenance.span, e.cameo_code, source, target)] = len(kept)
        kept.append(e)
    return kept, reciprocal


def merge_mentions(events: Sequence[Event], published: str | None = None) -> list[Event]:
    """The article's events folded to one record per happening, in the order first stated;
    ``published``: the article's publication date (a retelling dated by default joins the
    mention the text dates)."""
    ordered = sorted(events, key=lambda e: e.provenance.span)
    kept, reciprocal = _reciprocal_pairs(ordered)
    happenings: list[_Happening] = []
    for n, e in enumerate(kept):
        home = next((h for h in happenings if h.accepts(e)), None)
        if home is None:
            mutual = n in reciprocal or e.cameo_code.startswith(MUTUAL_CODES)
            happenings.append(_Happening([e], mutual, published))
        else:
            home.events.append(e)
            home.reciprocal = home.reciprocal or n in reciprocal
    return _without_subsumed_comments([h.record() for h in happenings])


def _without_subsumed_comments(events: list[Event]) -> list[Event]:
    """Events less those a comment with no addressee (root 01: "I'm skeptical of any initiative
    he undertakes") where its speaker does a fuller act to somebody in the same sentence (the
    criticism of the man it is about): one statement, one act.  A claim or a denial of
    responsibility is an act of its own ("The Taliban claimed responsibility for the bomb which
    killed 16": the claim and the killing)."""
    fuller = {
        (e.provenance.sentence_index, e.source.actor_id)
        for e in events
        if e.source is not None and e.target is not None and e.cameo_root != COMMENT_ROOT
    }
    return [
        e
        for e in events
        if not (
            e.cameo_root == COMMENT_ROOT
            and not e.cameo_code.startswith(RESPONSIBILITY_CODES)
            and e.target is None
            and e.source is not None
            and (e.provenance.sentence_index, e.source.actor_id) in fuller
        )
    ]
