"""What a contradiction may rest on: records that assert, dyads that match, dates that meet.

Judged by hand on the Wikinews corpus (benchmarks/results/contradiction_sample_2026-12-05.md),
most wrong findings stood on records that assert nothing (a refusal inside a question, an event
that was denied, asked for or only possible) or on a dyad read one level too wide ("the U.S.
Army" for "the United States").  A finding therefore needs, on each side:

* a statement that asserts: not negated, not hypothetical, not a question, direct or embedded;
* an event that happened as told: not flagged negated or hypothetical, no verb of judging or
  saying ("concluded that …"), and not hedged in its own sentence just before its trigger (a modal, a condition, a denial, an appeal, an intention:
  "denied that the group recognised Israel", "would join talks if", "called for Hamas to
  recognise Israel"), nor told in a question;
* the same target, resolved to the same actor id on both sides, and the statement's own
  ``about`` not saying the opposite of the stance the finding gives it;
* dates on both records, at most :data:`MAX_GAP_DAYS` apart: words and deeds of one period (a
  change of position over years is a change, not a contradiction).
"""

from __future__ import annotations

import re

from ...knowledge.wordlists import word_lists
from ...models import Event, Statement
from .common import _days_apart

_WORDS = word_lists("contradiction_words.yaml")  # hedges and frames: see the file's comments

__all__ = ["MAX_GAP_DAYS", "about_agrees", "asserted", "dates_meet", "event_asserted"]

#: Two records further apart than this (in days) do not contradict each other: two years, so that
#: a label and a meeting of the year before are one period (the seed article: Zarif's meeting of
#: December 2019 against the label of January 2021), a meeting four years earlier is not.
MAX_GAP_DAYS = 731

#: Content opening an embedded question ("asked whether they would support it") asserts nothing.
_QUESTION_OPENERS = ("whether ", "if ", "why ", "how ")
#: Words that, shortly before an event's trigger in its clause, say it did not simply happen.
_HEDGES = _WORDS.words("hedges")
#: Verbs anywhere earlier in the trigger's clause that deny, ask for, intend or only suggest it
#: ("denied that the new agreement implied the group now recognised Israel").
_FRAMES = _WORDS.words("frames")
#: How many words before the trigger, within its clause, are read for hedges (and for frames).
HEDGE_REACH, FRAME_REACH = 6, 14
_WORD = re.compile(r"[\w']+|n't|[,;:?]")


def asserted(st: Statement) -> bool:
    """Whether a statement asserts its content: not negated ("did not say"), not hypothetical
    ("will announce"), not a question ("Why aren't we ahead?", "whether or not he supported")."""
    content = st.content.strip().lower()
    return not (
        st.negated or st.hypothetical or content.startswith(_QUESTION_OPENERS) or content.endswith("?")
    )


def event_asserted(event: Event) -> bool:
    """Whether an event is told as having happened (see the module doc)."""
    if event.negated or event.hypothetical:
        return False
    sentence = event.provenance.sentence
    if not sentence or not event.trigger:
        return True
    at = _trigger_at(sentence, event.trigger)
    if at < 0:
        return True
    after = sentence[at + len(event.trigger) :]
    if "?" in after.split(".")[0]:
        return False  # "Will Iran meet the envoy?"
    if re.match(r"\s+that\b", after):
        return False  # "the president concluded that …": a judgement or a saying, not an act
    words = _WORD.findall(sentence[:at].lower())
    clause: list[str] = []
    for word in reversed(words):
        if word in (",", ";", ":", "?") or len(clause) >= FRAME_REACH:
            break
        clause.append(word)
    if clause and clause[0] == "to":
        return False  # "agreed to meet", "plans to visit": an intention
    return not (any(w in _HEDGES for w in clause[:HEDGE_REACH]) or any(w in _FRAMES for w in clause))


def _trigger_at(sentence: str, trigger: str) -> int:
    first = trigger.split()[0] if trigger.split() else trigger
    found = re.search(rf"(?<!\w){re.escape(first)}(?!\w)", sentence, re.IGNORECASE)
    return found.start() if found else -1


def about_agrees(st: Statement, actor_id: str, stance: str) -> bool:
    """False when the statement's ``about`` gives ``actor_id`` the opposite stance: a finding must
    not say a speaker supports what the statement record says the speaker criticises."""
    for ref in st.about:
        if ref.actor_id == actor_id and ref.stance in ("critical", "supportive") and ref.stance != stance:
            return False
    return True


def dates_meet(a: str | None, b: str | None) -> bool:
    """Both records dated, at most :data:`MAX_GAP_DAYS` apart."""
    return bool(a and b) and _days_apart(a, b) <= MAX_GAP_DAYS
