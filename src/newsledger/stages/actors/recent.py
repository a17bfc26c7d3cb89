"""Bodies named shortly before a reference to them: the armed group "militants" refer back to, the
organisation "the group" or "the agency" is, and the country of people called "other" of a kind
("two British soldiers ... two other soldiers": British)."""

from __future__ import annotations

from ...models import Actor
from .base import Draft
from .titles import TitlePasses
from .words import GENERIC_ANAPHORS, ORG_SECTORS


class RecentPasses(TitlePasses):
    def _sentences_back(self, before: int, n: int) -> int:
        """The first token of the sentence ``n`` sentences before the one holding ``before``."""
        first_sent = self.doc[before].sent.start
        for _ in range(n):
            if first_sent == 0:
                break
            first_sent = self.doc[first_sent - 1].sent.start
        return int(first_sent)

    def _recent_armed_group(self, before: int) -> Actor | None:
        """The one non-state armed group (a rebel or insurgent code on the day) named within
        the three sentences before ``before``; None when none or several were ("Janjaweed
        militants ambushed the convoy ... Troops fought with militants": the Janjaweed)."""
        first_sent = self._sentences_back(before, 3)
        found: dict[str, Actor] = {}
        for m in self.found:
            actor = self.actor(m.actor_id) if first_sent <= m.start < before and m.how != "drop" else None
            if actor is None or actor.kind == "person":
                continue
            ref = actor.ref_on(self.day)
            if any(code in (ref.cameo_code or "") + (ref.sector or "") for code in ("REB", "INS")):
                found[actor.actor_id] = actor
        return next(iter(found.values())) if len(found) == 1 else None

    def _recent_org(self, before: int, word: str = "group") -> Actor | None:
        """The organisation named last within the three sentences before ``before``; for a
        word other than "group" ("the agency", "the party"), one whose name or sector fits it."""
        first_sent = self._sentences_back(before, 3)
        best: Draft | None = None
        for m in self.found:
            actor = self.actor(m.actor_id)
            if actor is None or actor.kind != "organization" or m.how == "drop":
                continue
            if word not in GENERIC_ANAPHORS:
                fits = word in actor.name.lower() or (ORG_SECTORS.get(word) or "-") == (actor.sector or "")
                if not fits:
                    continue
            if first_sent <= m.start < before and (best is None or m.start > best.start):
                best = m
        return self.actor(best.actor_id) if best else None

    def _same_kind_before(self, before: int, sector: str) -> Actor | None:
        """The group of a country with this sector named last within the three sentences before
        ``before``: whom "other soldiers" are more of ("killed two British soldiers ... injured two
        other soldiers": British soldiers)."""
        first_sent = self._sentences_back(before, 3)
        best: Draft | None = None
        for m in self.found:
            actor = self.actor(m.actor_id) if first_sent <= m.start < before and m.how != "drop" else None
            if actor is None or actor.kind != "group" or not actor.country or actor.sector != sector:
                continue
            if best is None or m.start > best.start:
                best = m
        return self.actor(best.actor_id) if best else None
