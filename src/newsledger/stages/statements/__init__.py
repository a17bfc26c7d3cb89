"""Statements: direct, partial and indirect quotes, with their speakers, cues, media and stance.

The stage works in two passes over one parsed article.

1. **Quotations** (:mod:`.quoted`).  The quotations are those of the one quote finder,
   :func:`newsledger.text.quotes.find_quotes`, which every stage shares.  Each quotation is attributed to a cue verb of its frame: the cue
   right after it ("…," he said / "…," said Smith), the cue before it that governs it in the parse
   or is separated from it by a few verbless words ("As Dell said last week, “…”"; of nested cues
   the outermost reporting one), a short cue sentence right after it ("…?" she asked.), a cue that
   ends the previous sentence or paragraph with a colon, a dash and a name ("…" ― Ana Ruiz), a
   colon frame with no verb ("The piece used her words as its headline: “…”"), or, for a quote
   that stands alone in its paragraph, the speaker of the direct quote just before it (a second
   tweet).  Within a paragraph, quotes that share a cue become one statement ("…," he said, "…").
   Transcript lines ("PENCE: …") are direct statements of the named speaker.
2. **Reported speech** (:mod:`.reported`).  Every cue verb outside the quotations whose dependency children hold what
   it reports (``ccomp``, a that-clause, some ``xcomp``/``dobj``/prepositional objects, by cue
   class in ``data/cues.yaml``) yields an indirect statement: ``nsubj`` (the agent of a passive,
   the antecedent of "who", the author of "a statement saying …", the subject of the governing
   verb for "…, adding …") is the speaker, the complement the content; "according to X, …" too.

Speakers are resolved through the actors stage's mentions (:meth:`AnalyzedArticle.actor_ref_at`),
dated with :func:`newsledger.stages.dates.date_for_span` when that module is installed (a quote
with no date of its own takes the date of the sentence that introduces its speaker), placed in a
medium (Twitter, a TV channel, a press conference, an outlet "told"), and marked as reported by the
outlet and by the organisations that "reported that".  ``about`` lists the actors mentioned in the
content with the speaker's stance toward each (:mod:`newsledger.text.stance`).

Modules: :mod:`.lexicon` (cue classes), :mod:`.syntax` (reading the parse), :mod:`.context`
(per-article lookups), :mod:`.quoted` and :mod:`.reported` (the two passes), :mod:`.records`
(Statement records).
"""

from __future__ import annotations

from ...errors import PipelineError
from ...models import AnalyzedArticle
from ...pipeline import Resources, stage
from ...text.quotes import find_quotes
from .lexicon import NAME, CueLexicon, cue_lexicon, stance_lexicon
from .quoted import is_title
from .records import extract, medium_of, statement_id

#: ``statement_scope`` values: a ledger of speech acts, or every attribution (PolNeAR's unit).
SCOPES = ("speech", "attribution")

__all__ = [
    "NAME",
    "SCOPES",
    "CueLexicon",
    "cue_lexicon",
    "extract",
    "find_quotes",
    "is_title",
    "medium_of",
    "stance_lexicon",
    "statement_id",
    "statements",
]


@stage(
    NAME,
    requires=("doc", "sentences", "times", "mentions", "actors"),
    assigns=("statements", "reporters"),
)
def statements(item: AnalyzedArticle, res: Resources) -> None:
    """The stage.  Options (``PipelineConfig.options``): ``cues_file`` and ``stance_file`` replace
    the shipped lexicons; ``statement_scope`` is ``"speech"`` (the default: speech acts only, see
    :mod:`.modality`) or ``"attribution"`` (also "X attacked Y", "X wants to …", "a poll shows
    …": every attribution PolNeAR annotates)."""
    lex = cue_lexicon(res)
    scope = res.config.options.statement_scope
    if scope not in SCOPES:
        raise PipelineError(f"option statement_scope={scope!r}: use one of {', '.join(SCOPES)}")
    extract(item, lex.speech_acts() if scope == "speech" else lex, stance_lexicon(res), res)
