"""The cue lexicon (``data/cues.yaml``): verbs of saying, believing and stance, by class, and media."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ...errors import KnowledgeError
from ...knowledge.files import load_yaml
from ...knowledge.framing import Lexicon, load_lexicon
from ...pipeline import Resources
from ...text.stance import StanceLexicon

NAME = "newsledger.statements.v1"


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """The cue verbs of ``data/cues.yaml`` (lemmas, lower case) and the media it names."""

    speech: frozenset[str]
    objects: frozenset[str]
    belief: frozenset[str]
    quote_only: frozenset[str]
    attitude: frozenset[str]
    media: tuple[tuple[str, tuple[str, ...]], ...]  # (medium name, its lower-case terms)
    evidential: frozenset[str] = frozenset()  # speech only with a speaker as subject
    non_agents: frozenset[str] = frozenset()  # subjects that are evidence, not speakers
    speech_xcomp: frozenset[str] = frozenset()  # verbs whose xcomp is what they say
    intent_xcomp: frozenset[str] = frozenset()  # verbs whose xcomp is an intention (attributions)
    speech_only: bool = False  # a ledger of speech acts (True) or every attribution (PolNeAR)

    def speech_acts(self) -> CueLexicon:
        """The lexicon a ledger of what was said uses: no attitudes, no evidence as a speaker,
        no object that is not a proposition (see :mod:`.modality`)."""
        return replace(self, attitude=frozenset(), intent_xcomp=frozenset(), speech_only=True)

    @property
    def xcomp_cues(self) -> frozenset[str]:
        return self.speech_xcomp | self.intent_xcomp

    @property
    def quote_cues(self) -> frozenset[str]:
        return self.speech | self.quote_only

    @property
    def reported_cues(self) -> frozenset[str]:
        return self.speech | self.belief

    @classmethod
    def load(cls, path: str | Path | None = None) -> CueLexicon:
        data, origin = load_yaml(path, "cues.yaml", "cue lexicon")
        if not isinstance(data, dict):
            raise KnowledgeError(
                "cue lexicon must be a mapping of lists (speech, belief, ...)", origin=origin
            )

        def words(key: str) -> frozenset[str]:
            return frozenset(str(w).lower() for w in data.get(key) or ())

        if not isinstance(data.get("media") or {}, dict):
            raise KnowledgeError("cue lexicon 'media' must map a medium to its words", origin=origin)
        media = tuple(
            (str(name), tuple(str(t).lower() for t in terms))
            for name, terms in (data.get("media") or {}).items()
        )
        return cls(
            speech=words("speech"),
            objects=words("object"),
            belief=words("belief"),
            quote_only=words("quote_only"),
            attitude=words("attitude"),
            media=media,
            evidential=words("evidential"),
            non_agents=words("non_agents"),
            speech_xcomp=words("speech_xcomp"),
            intent_xcomp=words("intent_xcomp"),
        )


def cue_lexicon(res: Resources) -> CueLexicon:
    path: str | None = res.config.options.cues_file
    lex: CueLexicon = res.cached(f"statements.cues:{path}", lambda: CueLexicon.load(path))
    return lex


def stance_lexicon(res: Resources) -> StanceLexicon:
    path: str | None = res.config.options.stance_file
    return res.cached(f"statements.stance:{path}", lambda: StanceLexicon.load(path))


def framing_lexicon(res: Resources | None) -> Lexicon:
    """The framing lexicon whose cue words set a stance toward a named actor (the one the
    contradictions stage reads: same option, same cache key)."""
    if res is None:
        return load_lexicon()
    path: str | None = res.config.options.framing_lexicon
    lexicon: Lexicon = res.cached(f"framing.lexicon:{path}", lambda: load_lexicon(path))
    return lexicon


def outlet_registry(res: Resources) -> Any:
    from ...knowledge.outlets import OutletRegistry

    user = res.config.outlet_registry
    return res.cached(f"outlets:{user}", lambda: OutletRegistry.load(user))
