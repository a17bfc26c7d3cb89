"""Learned helpers for the event coder, kept apart from the rules (issue #11, item 2).

* :mod:`.event_data`: labelled sentences (CAMEO root, or none) from the **dev** parts of the
  gold sets, with a held-aside ``select`` fold for model selection; the **check** parts (and
  any sentence whose text also appears in a check part) never enter it.
* :mod:`.event_model`: a small spaCy ``textcat_multilabel`` (bag of words) trained on CPU in
  seconds, saved to a folder and loaded lazily.
* :mod:`.event_filter`: the same classifier over the rules' own events (is this event real?).
* :mod:`.compare`: rules alone vs rules + model on the ``select`` fold or the ``check`` parts.

Train with ``python scripts/train_events.py`` (see docs/EVENT_MODEL.md for the figures and
why neither model is part of the default pipeline).
"""
