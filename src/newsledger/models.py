"""Typed records passed between pipeline stages, the store and the exporters.

Every record is a frozen, slotted dataclass: cheap to build, hashable, picklable (Dask and
multiprocessing send them between processes) and free of any ORM or spaCy object.  The one
mutable carrier is :class:`AnalyzedArticle`, which a single worker threads through the stages of
one article; only its typed records ever leave the worker (as an :class:`ArticleResult`).

Field names follow docs/EXPORT_SCHEMA.md so that exporting is a projection, not a mapping.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any, Literal

OutletType = Literal[
    "wire", "newspaper", "broadcaster", "state_media", "advocacy", "government", "blog", "unknown"
]
DatePrecision = Literal["day", "month", "year", "decade", "unknown"]
ActorKind = Literal["person", "organization", "country", "group"]
StatementKind = Literal["direct", "partial", "indirect"]
Stance = Literal["supportive", "critical", "neutral"]
ContradictionKind = Literal["statement-statement", "statement-action"]

OUTLET_TYPES: tuple[str, ...] = (
    "wire",
    "newspaper",
    "broadcaster",
    "state_media",
    "advocacy",
    "government",
    "blog",
    "unknown",
)
DATE_PRECISIONS: tuple[str, ...] = ("day", "month", "year", "decade", "unknown")


# --------------------------------------------------------------------------- input


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input document exactly as read, before any interpretation.

    ``raw`` is kept unaltered (the bytes of the file, or of the JSONL line) and ``sha256`` is
    its digest, so every record can be traced back to the bytes it came from.
    """

    origin: str  # path (or "<stdin>") the bytes came from
    line: int | None  # 1-based line number for JSONL inputs, else None
    format: Literal["html", "txt", "jsonl"]
    raw: bytes
    sha256: str


@dataclass(frozen=True, slots=True)
class Article:
    article_id: str
    title: str
    text: str
    published: str | None  # ISO date or datetime as known
    url: str | None = None
    site: str | None = None
    outlet: str | None = None
    outlet_type: str = "unknown"
    language: str = "en"
    author: str | None = None
    categories: tuple[str, ...] = ()
    source_key: str = ""  # what article_id was derived from (record id, URL or content hash)
    origin: str = ""
    origin_line: int | None = None
    raw_sha256: str = ""
    #: False for an article the English pipeline must not see (another language): it is stored
    #: with its language and text, and no record is derived from it.
    analysed: bool = True
    #: What cleaning removed from the input to make ``text`` (kind, count), e.g.
    #: ``(("entities", 2), ("headings", 1))``; empty when ``text`` is the input's text as given.
    cleaning: tuple[tuple[str, int], ...] = ()


# --------------------------------------------------------------------------- analysis


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Role:
    title: str
    organization: str | None = None
    country: str | None = None
    sector: str | None = None
    start: str | None = None  # ISO date, inclusive
    end: str | None = None  # ISO date, inclusive; None = open

    def active_on(self, day: str | None) -> bool:
        """True when the role covers ``day`` (an ISO date); undated questions match every role."""
        if not day:
            return True
        day = day[:10]
        if self.start and day < self.start[:10]:
            return False
        return not (self.end and day > self.end[:10])


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical entity: the same person keeps one ``actor_id`` across articles."""

    actor_id: str
    name: str
    kind: str  # ActorKind
    country: str | None = None  # ISO 3166 alpha-3 (or a CAMEO bloc code such as "IGO")
    sector: str | None = None  # CAMEO agent code: GOV, MIL, REB, ...
    cameo_code: str | None = None
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    affiliation: str | None = None  # actor_id of the organisation a person speaks for

    def role_on(self, day: str | None) -> Role | None:
        """The role the actor held on ``day``: the latest-starting active one."""
        active = [r for r in self.roles if r.active_on(day)]
        if not active:
            return None
        return max(active, key=lambda r: r.start or "")

    def ref_on(self, day: str | None) -> ActorRef:
        """This actor as it stood on ``day``: country, sector and code follow the role then held.

        A minister in 2019 is coded as government in 2019; outside every role the actor keeps
        only its permanent country (a former minister is not coded ``GOV``).
        """
        role = self.role_on(day) if self.roles else None
        country, sector, code = self.country, self.sector, self.cameo_code
        if self.roles:
            if role is None:
                sector, code = None, country
            else:
                country = role.country or country
                sector = role.sector or sector
                code = f"{country or ''}{sector or ''}" or None
        return ActorRef(self.actor_id, self.name, country, sector, code)


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor as it stood on the date of one record (its role-dependent code at that time)."""

    actor_id: str
    name: str
    country: str | None = None
    sector: str | None = None
    cameo_code: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of article text that refers to an actor."""

    start: int
    end: int
    text: str
    label: str  # PERSON, ORG, GPE, NORP, PRON, TITLE, ...
    sentence: int
    actor_id: str | None = None
    method: str = ""  # how it was resolved: "kb", "surname", "pronoun", "apposition", ...


@dataclass(frozen=True, slots=True)
class TimeExpression:
    start: int
    end: int
    text: str
    value: str | None  # normalised ISO value at the precision known ("2021-01-27", "2019-12", "198")
    precision: str  # DatePrecision
    sentence: int = -1
    kind: str = "DATE"  # TimeML type: DATE, TIME, DURATION, SET


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None = None  # ISO alpha-3
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    feature: str | None = None  # GeoNames feature code or "country"


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    text: str
    place: Place | None
    sentence: int = -1


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a derived record came from and who the article attributes it to."""

    article_id: str
    sentence_index: int
    sentence: str
    span: tuple[int, int]  # [start, end) into the article's text
    stage: str  # registered stage name with version, e.g. "newsledger.events.v1"
    reported_by: tuple[ActorRef, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    event_id: str
    provenance: Provenance
    trigger: str
    cameo_code: str
    cameo_root: str
    quad_class: int
    goldstein: float
    plover_type: str | None
    plover_mode: str | None
    source: ActorRef | None
    target: ActorRef | None
    date: str | None
    date_precision: str
    location: Place | None = None
    negated: bool = False
    hypothetical: bool = False
    confidence: float = 0.5
    #: how many times the article states this happening, and where (character spans of each
    #: mention's trigger, the record's own ``provenance.span`` among them; () = that span alone)
    mentions: int = 1
    mention_spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class AboutRef:
    actor_id: str
    name: str
    stance: str = "neutral"  # Stance


@dataclass(frozen=True, slots=True)
class Statement:
    statement_id: str
    provenance: Provenance
    speaker: ActorRef | None
    speaker_text: str | None  # the speaker as written ("he", "Shamkhani", "a Taliban spokesman")
    speaker_span: tuple[int, int] | None
    cue: str
    kind: str  # StatementKind
    content: str
    content_span: tuple[int, int]
    cue_span: tuple[int, int] | None = None
    medium: str | None = None
    date: str | None = None
    date_precision: str = "unknown"
    about: tuple[AboutRef, ...] = ()
    negated: bool = False  # the text says it was NOT said ("did not say", "declined to say")
    hypothetical: bool = False  # future, conditional or intended speech ("will announce", "if asked")


@dataclass(frozen=True, slots=True)
class RecordRef:
    type: Literal["statement", "event"]
    id: str


@dataclass(frozen=True, slots=True)
class Contradiction:
    contradiction_id: str
    kind: str  # "statement-statement" | "statement-action"
    actor: ActorRef
    a: RecordRef
    b: RecordRef
    explanation: str
    score: float
    article_id: str | None = None
    #: every record on each side of the finding (``a`` and ``b`` are its strongest pair)
    a_records: tuple[RecordRef, ...] = ()
    b_records: tuple[RecordRef, ...] = ()


@dataclass(frozen=True, slots=True)
class FramingTerm:
    start: int
    end: int
    text: str
    category: str  # e.g. "delegitimising", "securitising", "loaded-label"
    target: str | None = None  # actor_id the term is applied to, when known


@dataclass(frozen=True, slots=True)
class Framing:
    article_id: str
    outlet_type: str
    terms: tuple[FramingTerm, ...] = ()


@dataclass(frozen=True, slots=True)
class IngestError:
    origin: str
    line: int | None
    code: str  # NL-E... code from errors.py
    message: str


# --------------------------------------------------------------------------- carriers


@dataclass(slots=True)
class AnalyzedArticle:
    """What the stages of one article read and write, inside one worker.

    ``doc`` holds the spaCy ``Doc`` while the article is in the worker; it never leaves it
    (see :meth:`result`).  Each attribute below is "assigned" by one stage (the events stage
    also adds to ``actors`` the actors of phrases no mention covers, and declares it); the
    pipeline checks, before it runs, that every stage's ``requires`` were assigned earlier.
    """

    article: Article
    doc: Any = None
    sentences: list[Sentence] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    reporters: list[ActorRef] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)
    framing: Framing | None = None
    notes: dict[str, Any] = field(default_factory=dict)  # stage-private scratch, never stored

    @property
    def date(self) -> str | None:
        """The publication day, against which relative dates and roles are resolved."""
        return self.article.published[:10] if self.article.published else None

    def sentence_at(self, offset: int) -> Sentence | None:
        for sent in self.sentences:
            if sent.start <= offset < sent.end:
                return sent
        return None

    def mention_at(self, start: int, end: int) -> Mention | None:
        """The resolved mention that best covers ``[start, end)``: the longest overlapping one."""
        best: Mention | None = None
        for m in self.mentions:
            overlaps = m.actor_id and m.start < end and start < m.end
            if overlaps and (best is None or (m.end - m.start) > (best.end - best.start)):
                best = m
        return best

    def actor_ref(self, actor_id: str | None, day: str | None = None) -> ActorRef | None:
        actor = self.actors.get(actor_id) if actor_id else None
        return actor.ref_on(day or self.date) if actor else None

    def actor_ref_at(self, start: int, end: int, day: str | None = None) -> ActorRef | None:
        """The actor a stretch of text refers to, as it stood on ``day`` (default: publication)."""
        mention = self.mention_at(start, end)
        return self.actor_ref(mention.actor_id, day) if mention else None

    def provenance(
        self,
        sentence: Sentence,
        span: tuple[int, int],
        stage: str,
        reported_by: tuple[ActorRef, ...] = (),
    ) -> Provenance:
        return Provenance(self.article.article_id, sentence.index, sentence.text, span, stage, reported_by)

    def result(self) -> ArticleResult:
        return ArticleResult(
            article=self.article,
            n_sentences=len(self.sentences),
            mentions=tuple(self.mentions),
            actors=tuple(self.actors.values()),
            statements=tuple(self.statements),
            events=tuple(self.events),
            contradictions=tuple(self.contradictions),
            framing=self.framing,
        )


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """Everything the pipeline derived from one article: what the store persists."""

    article: Article
    n_sentences: int
    mentions: tuple[Mention, ...] = ()
    actors: tuple[Actor, ...] = ()
    statements: tuple[Statement, ...] = ()
    events: tuple[Event, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
    framing: Framing | None = None


def _quick_pickling(cls: type) -> None:
    """Give a slots dataclass the state functions ``dataclass(slots=True)`` makes, without their
    call to ``dataclasses.fields`` per object: results cross to the parent process pickled, and
    that call was most of their cost.  The state is the same list of field values."""
    names = tuple(f.name for f in fields(cls))
    get = attrgetter(*names)
    single = len(names) == 1

    def getstate(self: Any) -> list[Any]:
        return [get(self)] if single else list(get(self))

    def setstate(self: Any, state: list[Any]) -> None:
        for name, value in zip(names, state, strict=True):
            object.__setattr__(self, name, value)

    setattr(cls, "__getstate__", getstate)  # noqa: B010 (a method on a class made by dataclass)
    setattr(cls, "__setstate__", setstate)  # noqa: B010


for _cls in (
    RawDocument, Article, Sentence, Role, Actor, ActorRef, Mention, TimeExpression, Place,
    PlaceMention, Provenance, Event, AboutRef, Statement, RecordRef, Contradiction, FramingTerm,
    Framing, IngestError, ArticleResult,
):  # fmt: skip
    _quick_pickling(_cls)
