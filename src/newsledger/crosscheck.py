"""Contradictions across articles: after a run, the voices that spoke or acted in it are checked
against everything the ledger holds for them (their latest records), not just one article.

The per-article stage sees one text; analysts need "Iran calls the Taliban terrorists on Monday,
hosts them on Wednesday" when the two are reported in different articles.
"""

from __future__ import annotations

from .stages.contradictions import find_contradictions
from .store.base import Store


def check_run(store: Store, run_id: str, *, per_voice: int = 300) -> int:
    """Find and store cross-article contradictions for the voices of one run; returns how many
    new contradictions were stored."""
    actor_ids, countries = store.voices_in_run(run_id)
    new = 0
    for actor_id in sorted(actor_ids):
        statements, events, actors = store.records_of_voice(actor_id, limit=per_voice)
        if statements:
            new += store.add_contradictions(find_contradictions(statements, events, actors))
    for country in sorted(countries):  # organs of one state speak with one voice
        statements, events, actors = store.records_of_voice(country=country, limit=per_voice)
        if statements:
            new += store.add_contradictions(find_contradictions(statements, events, actors))
    return new
