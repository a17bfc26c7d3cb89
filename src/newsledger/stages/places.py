"""Find toponyms and resolve them to coordinates and GeoNames ids; locate events.

The stage reads spaCy's GPE, LOC and FAC entities, resolves them together with the gazetteer
(countries and states named anywhere in the article steer the choice among same-named cities)
and stores one :class:`~newsledger.models.PlaceMention` per entity, ``place=None`` when the name
is not in the gazetteer.

:func:`place_for_span` is what the events stage calls to locate one event: the place named in a
locative or directional phrase attached to the trigger or its clause ("met in Tehran", "traveled
to Tehran", "visited Tehran"), else a city named in the same sentence, else nothing.  A country
standing as an actor ("Iran condemned ...") is never taken as the place of an event.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

from ..knowledge.gazetteer import Gazetteer, normalize_name, qualifying_names
from ..knowledge.wordlists import word_lists
from ..models import AnalyzedArticle, Place, PlaceMention
from ..pipeline import Resources, stage
from .nlp import text_of

NAME = "newsledger.places.v1"

#: spaCy entity labels that name places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Labels read only as context ("Iranian officials" points to Iran), never stored as places.
CONTEXT_LABELS = frozenset({"NORP"})

#: Entity labels never read as places, whatever their text.
_NEVER_PLACES = frozenset(
    {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LAW", "LANGUAGE"}
)
#: Prepositions after which a name spaCy took for a person or an organisation is a place.
_SURE_LOCATIVE = frozenset({"in", "near", "outside", "throughout", "across"})
#: "MANSFIELD --", "ALEXANDRIA, La. (AP) -" at the head of the article or of a paragraph.
_DATELINE = re.compile(
    r"(?:^|\n|\.\s)\s*([A-Z][A-Z.'\- ]*[A-Z])(?=(?:,\s*[A-Z][A-Za-z. ]+)?\s*(?:—|–|--|-|\(|:))"
)
_DATELINE_CHARS = 600

#: Prepositions whose object is where (or whither) something happens.
LOCATIVE_PREPS = word_lists("place_words.yaml").words("locative_prepositions")
#: of those, the ones that say where an act is done rather than where it goes
WHERE_PREPS = LOCATIVE_PREPS - {"to", "into", "toward", "towards"}

#: Verbs whose direct object is the place of the event.
PLACE_OBJECT_VERBS = frozenset(
    {"visit", "tour", "reach", "enter", "invade", "attack", "bomb", "raid", "shell", "storm"}
)

#: Dependency relations by which a subordinate clause hangs on the clause that may hold the place.
_CLAUSE_LINKS = frozenset({"xcomp", "advcl", "conj", "ccomp", "relcl", "acl", "pcomp", "prep", "pobj"})
_ACTOR_DEPS = frozenset(
    {"nsubj", "nsubjpass", "poss", "compound", "amod", "agent", "dobj", "dative", "appos", "attr", "npadvmod"}
)


def gazetteer_for(res: Resources) -> Gazetteer:
    """The process-wide gazetteer (built on first use, ~seconds)."""
    min_pop = res.config.options.gazetteer_min_population
    return res.cached(f"gazetteer:{min_pop}", lambda: Gazetteer.load(min_population=min_pop))


def place_mentions(item: AnalyzedArticle, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Resolve every toponym of ``item.doc`` (see :func:`place_spans`) with the whole article as
    context."""
    doc = item.doc
    full = text_of(doc)
    spans = place_spans(doc, gazetteer)
    hints = [e.text for e in doc.ents if e.label_ in CONTEXT_LABELS]
    texts = [full[a:b] for a, b in spans]
    places = gazetteer.resolve_all(texts + hints, qualified_by=qualifying_names(full, spans))[: len(spans)]
    out: list[PlaceMention] = []
    for (start, end), text, place in zip(spans, texts, places, strict=True):
        sent = item.sentence_at(start)
        out.append(PlaceMention(start, end, text, place, sent.index if sent else -1))
    return out


def place_spans(doc: Any, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Character spans of the toponyms of a parsed text, in text order.

    1. spaCy's GPE, LOC and FAC entities, without a leading "the";
    2. entities spaCy labelled otherwise (small towns often come out as PERSON or ORG) whose
       text is a place entity elsewhere in the article, or which are known to the gazetteer and
       stand in a locative phrase ("in Gainesville") or before a state ("Mansfield, Texas");
    3. a dateline at the head of the article or of a paragraph ("MANSFIELD --");
    4. further occurrences, outside any entity, of the names found so far.
    """
    full = text_of(doc)
    found: dict[int, int] = {}  # start char -> end char
    covered: set[int] = set()  # token indices inside a found span

    def add(span: Any) -> None:
        if len(span) == 0 or any(t.i in covered for t in span):
            return
        found[span.start_char] = span.end_char
        covered.update(t.i for t in span)

    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            add(ent[1:] if len(ent) > 1 and ent[0].lower_ == "the" else ent)
    names = {normalize_name(full[a:b]) for a, b in found.items()}
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS or ent.label_ in CONTEXT_LABELS or not ent.text[:1].isupper():
            continue
        if ent.label_ in _NEVER_PLACES:
            continue
        if normalize_name(ent.text) in names or (gazetteer.known(ent.text) and _placelike(ent, gazetteer)):
            add(ent)
    for match in _DATELINE.finditer(full[:_DATELINE_CHARS]):
        span = doc.char_span(match.start(1), match.end(1))
        if span is not None and gazetteer.known(match.group(1)):
            add(span)
    names = {full[a:b] for a, b in found.items()}
    for name in sorted(names, key=len, reverse=True):
        if not name[:1].isupper():
            continue
        for start in _occurrences(full, name):
            span = doc.char_span(start, start + len(name))
            if span is not None and all(t.ent_iob_ == "O" for t in span):
                add(span)
    return sorted(found.items())


def _occurrences(text: str, name: str) -> Iterator[int]:
    r"""Where ``name`` stands in ``text`` as a word of its own, as ``re.finditer`` of
    ``(?<![\w.])NAME(?!\w)`` finds it (left to right, not overlapping), without compiling a
    pattern per name and article (``\w`` is a letter, a digit or "_": ``str.isalnum``)."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        before = text[at - 1] if at else ""
        after = text[end] if end < len(text) else ""
        if not (before and (before.isalnum() or before in "_.")) and not (
            after and (after.isalnum() or after == "_")
        ):
            yield at
            at = text.find(name, end)
        else:
            at = text.find(name, at + 1)


def _placelike(ent: Any, gazetteer: Gazetteer) -> bool:
    """An entity spaCy did not label as a place, in a position that only a place takes."""
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ in _SURE_LOCATIVE:
        return True
    doc = ent.doc
    if ent.end + 1 < len(doc) and doc[ent.end].text == ",":
        nxt = doc[ent.end + 1 : min(ent.end + 4, len(doc))]
        for k in range(len(nxt), 0, -1):
            place = gazetteer.resolve(nxt[:k].text)
            if place is not None and place.feature in ("admin1", "country"):
                return True
    return False


@stage(NAME, requires=("doc", "sentences"), assigns=("places",))
def locate(item: AnalyzedArticle, res: Resources) -> None:
    item.places = place_mentions(item, gazetteer_for(res))


def place_for_span(item: AnalyzedArticle, start: int, end: int, *, where_only: bool = False) -> Place | None:
    """The place of the event whose trigger covers ``[start, end)``, or None.

    1. a place in a locative/directional prepositional phrase (or the object of "visit") on the
       trigger, then on each clause above it up to the sentence root, else on its subject ("a
       bomb in Pakistan killed 40");
    2. else the first city named in the same sentence that neither stands for an actor nor
       describes one (see :func:`_stands_as_place`);
    3. else None: the place is never guessed from the rest of the article.

    ``where_only``: where the act is done, not where it goes ("deported to Saudi Arabia",
    "fired into Israel"): the place that says whose unnamed police or gunmen did it."""
    place, home = place_and_home(item, start, end)
    return home if where_only else place


def place_and_home(item: AnalyzedArticle, start: int, end: int) -> tuple[Place | None, Place | None]:
    """:func:`place_for_span` and its ``where_only`` answer together, the article's places
    indexed once."""
    if item.doc is None or not item.places:
        return None, None
    span = item.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None, None
    by_token = _places_by_token(item)
    place = _place_up_from(span.root, by_token, where_only=False)
    home = _place_up_from(span.root, by_token, where_only=True)
    if place is None or home is None:
        # "a bomb in Pakistan killed 40", "police in Karachi arrested": where the doer was
        on_subject = _place_of_subject(span.root, by_token)
        place, home = place or on_subject, home or on_subject
    if place is None or home is None:
        in_sentence = _city_in_sentence(item, span.root)
        place, home = place or in_sentence, home or in_sentence
    return place, home


#: lower-case name words of places one country holds inside another -> the holder (place_words.yaml)
HELD_PLACES = word_lists("place_words.yaml").table("held_places")


def holder_of(place: Place | None) -> str | None:
    """The country that holds ``place`` inside another ("Guantanamo Bay": the United States),
    whose forces, courts and guards act there; None for any other place."""
    words = place.name.lower().split() if place is not None and place.name else []
    return next((HELD_PLACES[w] for w in words if w in HELD_PLACES), None)


def focus_country(item: AnalyzedArticle) -> str | None:
    """The country where the article's news happens, when one stands out: at least half of
    the towns and regions it names, and at least two of them, lie there; else None (an
    article about several countries has no one place for what it leaves unplaced).  A
    country's own name does not count: it names a party as often as a place ("U.S. troops",
    "imports from the United States")."""
    counts = Counter(
        pm.place.country
        for pm in item.places
        if pm.place is not None and pm.place.country and pm.place.feature != "country"
    )
    if not counts:
        return None
    country, n = counts.most_common(1)[0]
    if n < 2 or n * 2 < sum(counts.values()):
        return None
    # the article also names the country or one of its own ("Australian", "the Afghan army"):
    # a town the gazetteer placed abroad ("Victoria" of the Seychelles) is no country's news
    named = {actor.country for actor in item.actors.values() if actor.country}
    return country if country in named else None


def _place_up_from(token: Any, by_token: dict[int, Place], *, where_only: bool) -> Place | None:
    """Step 1 of :func:`place_for_span`."""
    seen = 0
    while token is not None and seen < 8:
        # on a clause above the act, "to" is where the act is done ("heading to Kabul, where
        # they ransacked offices"); on the act itself, where it goes ("deported to Saudi Arabia")
        found = _place_on(token, by_token, WHERE_PREPS if where_only and seen == 0 else LOCATIVE_PREPS)
        if found is not None:
            return found
        if token.dep_ not in _CLAUSE_LINKS or token.head == token:
            break
        token = token.head
        seen += 1
    return None


def _city_in_sentence(item: AnalyzedArticle, trigger: Any) -> Place | None:
    """Step 2 of :func:`place_for_span`: a city of the sentence, not one told in a clause about
    something else ("The President, who was shot by rebels, is recovering, according to the
    doctors treating him in Darwin": Darwin is no place of the shooting)."""
    sent = item.sentence_at(trigger.idx)
    if sent is None or item.doc is None:
        return None
    for pm in item.places:
        if pm.sentence != sent.index or pm.place is None or pm.place.feature != "city":
            continue
        ent_span = item.doc.char_span(pm.start, pm.end, alignment_mode="expand")
        if (
            ent_span is not None
            and _stands_as_place(ent_span.root)
            and _in_the_acts_clause(ent_span.root, trigger)
        ):
            return pm.place
    return None


def _in_the_acts_clause(place: Any, trigger: Any) -> bool:
    """True when the clause that tells the place holds the act, joins it ("gunmen killed 12
    and stormed a hotel in Kabul") or tells its circumstances ("were wounded when a Palestinian
    rammed a bus in Jerusalem", "agreed to meet him in Tehran"); a place hung on no verb (a
    dateline) holds for all."""
    clause = _verb_above(place)
    if clause is None or clause.i == trigger.i or clause in trigger.ancestors:
        return True
    if _locates_a_party(clause, trigger):
        return True
    while clause.i != trigger.i and clause.dep_ in CIRCUMSTANCE_DEPS and clause.head.i != clause.i:
        clause = clause.head
    return bool(clause.i == trigger.i)


#: clauses under an act that tell where and how it happened, not something else
CIRCUMSTANCE_DEPS = {"advcl", "xcomp", "conj"}
#: verbs of a clause that only says where something is ("the embassy located in Nairobi")
LOCATING_VERBS = {"locate", "base", "situate", "hold", "be", "lie", "station", "house", "headquarter"}


def _locates_a_party(clause: Any, trigger: Any) -> bool:
    """True for a clause that says where a party to the act is ("visited Edmund Pettus Bridge,
    which is located in Selma", "met at the summit, held in New Orleans", "residents of New
    Jdeideh, located in northern Beirut, were injured"), not what someone else did there."""
    if clause.dep_ not in {"acl", "relcl"} or clause.lemma_.lower() not in LOCATING_VERBS:
        return False
    act = trigger if trigger.pos_ in {"VERB", "AUX"} else _verb_above(trigger)
    owner = _verb_above(clause.head)
    return act is not None and owner is not None and owner.i == act.i


def _verb_above(tok: Any) -> Any:
    """The nearest verb above ``tok``, or None."""
    return next((a for a in tok.ancestors if a.pos_ in {"VERB", "AUX"}), None)


def _stands_as_place(root: Any) -> bool:
    """False for a name that stands for an actor ("Washington criticized", "criticized
    Washington") or describes one ("officials from Kabul", "Beijing's envoy")."""
    while root.dep_ == "conj" and root.head is not root:  # "from Kabul and Tehran"
        root = root.head
    if root.dep_ in _ACTOR_DEPS:
        return False
    return not (root.dep_ == "pobj" and root.head.lower_ not in LOCATIVE_PREPS)


def _places_by_token(item: AnalyzedArticle) -> dict[int, Place]:
    out: dict[int, Place] = {}
    for pm in item.places:
        if pm.place is None:
            continue
        ent_span = item.doc.char_span(pm.start, pm.end, alignment_mode="expand")
        if ent_span is None:
            continue
        for tok in ent_span:
            out[tok.i] = pm.place
    return out


#: how a name hangs on a noun it describes ("the US embassy", "Iranian border", "Kabul's mayor")
_DESCRIBING_DEPS = frozenset({"compound", "amod", "poss", "nmod"})
#: buildings and bodies a country owns wherever they stand (place_words.yaml)
OWNED_SITES = word_lists("place_words.yaml").words("owned_sites")


def _doer_word(name: Any) -> bool:
    """ "a US-led raid", "a Kabul-based group": the name says who leads or where from, not
    where the thing is."""
    return bool(name.head.tag_ == "VBN" and name.head.dep_ == "amod")


def _place_of_subject(token: Any, by_token: dict[int, Place]) -> Place | None:
    """A place the subject of the act ``token`` is said to be in (step 1 of
    :func:`place_for_span`, when the act's own phrases name none)."""
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    return next((p for s in subjects if (p := _place_on(s, by_token, WHERE_PREPS)) is not None), None)


def _place_on(token: Any, by_token: dict[int, Place], preps: frozenset[str] | set[str]) -> Place | None:
    """A place attached to ``token`` by one of ``preps`` or as object of a visiting verb."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.i in by_token:
                    return by_token[obj.i]
                if obj.dep_ == "pobj":  # "in the capital Tehran", "in Tehran and Kabul"
                    named = [sub for sub in obj.subtree if sub.i in by_token and not _doer_word(sub)]
                    # "outside the US embassy in Cairo": a name that describes a thing is
                    # not where the thing stands, nor one that owns it ("on the U.S. embassy there")
                    where = [sub for sub in named if sub.dep_ not in _DESCRIBING_DEPS]
                    where = where or ([] if obj.lemma_.lower() in OWNED_SITES else named)
                    if where:
                        return by_token[where[0].i]
        if child.dep_ in ("dobj", "obj") and token.lemma_ in PLACE_OBJECT_VERBS and child.i in by_token:
            return by_token[child.i]
    return None
