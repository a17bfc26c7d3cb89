"""Acronyms: an organisation's abbreviation in brackets right after its name ("Research In Motion
Ltd. (RIM)", "the Sunshine Coast Regional Council (SCRC)") is that organisation, there and
wherever the article uses the abbreviation again; without this pass each use is an actor of its
own ("org:rim" beside "org:research-in-motion").

The abbreviation must be the initials of the capitalised words of the name found, read in
order, a corporate suffix allowed after them ("Ltd."): a bracketed word that is no such
abbreviation (a party "(R)", a country "(UK)"), or one of a longer name than the one found
("New Democratic Party (NDP)" where only "Democratic Party" was found), links nothing; but two
organisations the tagger cut apart at "and", "&", "of" or "for" whose words together give the
initials are one ("Justice and Equality Movement (JEM)")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import Draft

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .base import ResolverBase
    from .names import NamePasses

_MAX_LETTERS = 8


def link_acronyms(res: NamePasses) -> None:
    """Resolve bracketed abbreviations of organisations named right before them, and their
    later uses in the article, to those organisations."""
    doc = res.doc
    linked: dict[str, str] = {}
    for m in list(res.found):
        actor = res.actor(m.actor_id)
        if m.how == "drop" or actor is None or not m.actor_id.startswith("org:"):
            continue
        at = _bracketed_abbreviation(doc, m.end)
        if at is None:
            continue
        named: Draft | None = m
        if not _initials_match(doc, m.start, at - 1, doc[at].text):
            named = _joined_name(res, m, at)  # "Justice" + "and" + "Equality Movement" (JEM)
        if named is not None:
            linked.setdefault(doc[at].text, named.actor_id)
    for i, tok in enumerate(doc):
        actor_id = linked.get(tok.text)
        if actor_id is not None:
            _resolve_token(res, i, actor_id)


def _bracketed_abbreviation(doc: Doc, end: int) -> int | None:
    """The token of an abbreviation in brackets at ``end`` or after one or two words of a
    corporate suffix ("Ltd." "(RIM)"), or None."""
    for k in range(end, min(end + 3, len(doc) - 2)):
        if doc[k].text == "(":
            word = doc[k + 1].text
            letters = word.replace(".", "").replace("&", "")
            closed = doc[k + 2].text == ")"
            if closed and 2 <= len(letters) <= _MAX_LETTERS and letters.isalpha() and letters.isupper():
                return k + 1
            return None
        if not (doc[k].text[:1].isupper() or doc[k].text == "."):
            return None
    return None


def _initials_match(doc: Doc, start: int, bracket: int, word: str) -> bool:
    """True when ``word``'s letters are the initials of the capitalised words of the name that
    starts at ``start`` and ends before the bracket at ``bracket``, a corporate suffix's letter
    allowed at the end ("Research In Motion Ltd." -> RIM or RIML). The name found must give
    every letter: "New Democratic Party (NDP)" is no abbreviation of a "Democratic Party" found
    inside it."""
    letters = word.replace(".", "").replace("&", "")
    name = "".join(t.text[0] for t in doc[start:bracket] if t.text[:1].isupper())
    return letters in (name, name[:-1])


def _resolve_token(res: ResolverBase, i: int, actor_id: str) -> None:
    """The abbreviation at token ``i`` refers to ``actor_id``: its own mention is relinked, or a
    mention is added where no pass read it."""
    owner = res.owner.get(i)
    if owner is None:
        res._add(Draft(i, i + 1, actor_id, "ORG", "acronym", "actor"))
        return
    m = res.found[owner]
    if m.start == i and m.end == i + 1 and m.how != "person":
        m.actor_id, m.label, m.method, m.how = actor_id, "ORG", "acronym", "actor"


#: words that join two parts of one name the entity tagger may cut in two
_NAME_JOINERS = {"and", "&", "of", "for"}


def _joined_name(res: NamePasses, m: Draft, at: int) -> Draft | None:
    """One organisation for two organisation mentions joined by "and", "&", "of" or "for" whose
    words together give the initials in brackets after them ("the rebel group Justice and
    Equality Movement (JEM)": the tagger cut it in two), replacing both; None otherwise."""
    doc = res.doc
    k = m.start - 1
    before = res.owner.get(k - 1) if k >= 1 and doc[k].lower_ in _NAME_JOINERS else None
    first = res.found[before] if before is not None else None
    if first is None or first.how == "drop" or not first.actor_id.startswith("org:"):
        return None
    if not _initials_match(doc, first.start, at - 1, doc[at].text):
        return None
    actor = res._new_org(doc[first.start : m.end].text, first.start, m.end)
    first.how = m.how = "drop"
    joined = Draft(first.start, m.end, actor.actor_id, "ORG", "ner", "actor")
    res._add(joined, actor)
    for i in range(first.start, m.end):
        res.owner[i] = len(res.found) - 1
    return joined
