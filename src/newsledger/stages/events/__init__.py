"""Code who did what to whom as CAMEO/PLOVER events, over spaCy's dependency parse.

The stage ``newsledger.events.v1`` finds event triggers (verbs, and nouns such as "meeting" or
"visit") in a verb dictionary — PETRARCH's format when ``--dictionaries DIR`` is given, our
shipped ``verbs_default.yaml`` otherwise — picks the first matching pattern of the verb's
block, and takes source and target from the parse rather than from word order:

* subjects, climbing through ``xcomp``/``conj``/purpose clauses ("is about to restore",
  "condemned ... and promised"); passives swap roles ("was attacked by X": X is the source),
  a past participle that modifies a party is a passive ("a soldier kidnapped by militants"),
  and a passive whose subject is the thing done takes the code the active would give it
  ("new sanctions were imposed on Iran": 163), its parties named by "between" when mutual;
* targets from the object, the dative, prepositional objects ("met with", "traveled to Tehran")
  and complement clauses ("believes Dagolath can cope");
* coordinated actors give one event each ("Iran and Russia condemned ..."); paired codes
  ("032:033" visit / receive a visit) and compound ``%`` patterns give both directions;
* nominal events: "Baradar's second visit to Iran", "the meeting with the Taliban",
  "negotiations between Iran and the Taliban".

Each event carries modality (negated, hypothetical: also an act a noun plans or allows, "its
plans to launch", or one ordered or due, "were told to shoot", "is to withdraw"), date (``dates.date_for_span``), place
(``places.place_for_span``) and who reports it: an event inside a statement's content is a
claim of that statement's speaker, before the article's own reporters.  With our default
patterns an act announced ("will give aid", "plans to attack", "refused to release") takes
CAMEO's intent, threat or refusal code (03 / 13 / 12); PETRARCH dictionaries code such
wording with their own patterns.

Modules: ``triggers`` (the coded words of a sentence), ``matcher`` (verb patterns around a
trigger), ``syntax`` (roles off the parse), ``slips`` (where the parse slips around a verb's
arguments), ``members`` (who a phrase of people stands for: "members of", "including", "led by"),
``placing`` (where an unidentified group is from), ``nominals`` (who takes part in an act a noun names), ``parties`` (actor lookups), ``modality`` (negation, hypotheticals, intent codes), ``coder``
(the events of one article), ``merge`` (one record per happening), ``stances`` (statements that criticise or praise one
actor are 111/051 events from their speaker, under the ledger conventions), ``judgements``
(judging words tied to one actor by the parse, in quotes or as what a naming verb calls it).

Options (``PipelineConfig.options``): ``require_dyad`` (drop events without both actors,
default False), ``intent_codes`` (default: on without ``--dictionaries``), ``verb_defaults``
(add our patterns to user dictionaries, default: off when dictionaries are given),
``ledger_conventions`` (an analyst's conventions, ``conventions``, with ``accidents``: force that
nobody did, ``means``: who did force the text tells by its means, a clause of firing or the other
side of a fight, ``courts``: verdicts and prison terms a court hands down, and ``nonacts``: words
that tell no act of anybody's, a law that allows, an idea that sabotages; default: on without
``--dictionaries``), ``one_record_per_happening`` (fold mentions and reciprocal directions, ``merge``; default on;
off for gold that codes each direction and mention, as PETRARCH's validation set does).
``confidence`` is a heuristic in [0.05, 0.95]: higher for a matched pattern and a full dyad,
lower for nominal triggers, embedded clauses and cooperative acts without an agent.
"""

from __future__ import annotations

from ...knowledge.petrarch_verbs import VerbDictionary
from ...knowledge.phoenix import uses_user_dictionaries, verb_dictionary
from ...models import AnalyzedArticle
from ...pipeline import Resources, stage
from ..actors import kb_for
from .coder import NAME, code_item, event_id
from .judgements import judging_events, naming_events
from .merge import merge_mentions
from .modality import intent_code
from .on_day import on_event_day
from .parties import Parties
from .stances import obligation_events, stance_events

__all__ = ["NAME", "code_events", "code_item", "event_id", "intent_code", "merge_mentions", "verbs_for"]


def verbs_for(res: Resources) -> VerbDictionary:
    """The verb dictionary of this configuration: user dictionaries, else the shipped Phoenix
    verbs under our defaults (``knowledge.phoenix.verb_dictionary``)."""
    cfg = res.config
    folder = cfg.dictionaries
    with_defaults = _auto(cfg.options.verb_defaults, not uses_user_dictionaries(folder))
    key = f"events.verbs:{folder}:{with_defaults}"
    return res.cached(key, lambda: verb_dictionary(folder, with_defaults=with_defaults))


@stage(
    NAME,
    requires=("doc", "sentences", "times", "places", "mentions", "actors", "statements", "reporters"),
    # phrases no mention covers ("Iranian officials") resolve through the actors' knowledge
    # base, and the actor found joins the article's actors
    assigns=("events", "actors"),
)
def code_events(item: AnalyzedArticle, res: Resources) -> None:
    vd = verbs_for(res)
    cfg = res.config
    ledger = _auto(cfg.options.ledger_conventions, not uses_user_dictionaries(cfg.dictionaries))
    events = code_item(
        item,
        vd,
        kb=kb_for(res),
        require_dyad=cfg.options.require_dyad,
        intent_codes=_auto(cfg.options.intent_codes, not uses_user_dictionaries(cfg.dictionaries)),
        ledger=ledger,
    )
    if not ledger:
        # PETRARCH codes no event without a source; the ledger conventions type an unnamed
        # doer instead ("gunmen": an unidentified armed force), so an event never lacks one
        events = [e for e in events if e.source is not None]
    if ledger:  # a statement that criticises, praises or demands is itself that act (codebook)
        kb = kb_for(res)
        if cfg.options.stance_events:
            events += stance_events(item, events)
        parties = Parties(item, item.date, kb)
        events += obligation_events(item, events, parties)
        events += judging_events(item, events, parties)  # "this oppressive America", he said
        events += naming_events(item, events, parties)  # "described the veto as callous"
    events = on_event_day(item, events)  # roles as held on each event's day (dictionaries' dated roles)
    if cfg.options.one_record_per_happening:
        # a record that took the date a retelling gives: roles as held on that day (on_event_day
        # gives a record it already saw the same roles again)
        events = on_event_day(item, merge_mentions(events, item.date))
    item.events = events


def _auto(switch: bool | None, default: bool) -> bool:
    """An event-coding switch left at None ("auto") takes the default for the dictionaries used."""
    return default if switch is None else switch
