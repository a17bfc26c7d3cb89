"""Find the label glued to the start of an article: the name of a portal, category or infobox whose
markup was lost upstream ("Brazil Hu Jintao, the President of …", "Australian news The …",
"2008 US Presidential Election United States Senator …", "CDNfed2008interview-ON On October 14 …").

Left in, the label becomes part of the lead sentence, the one that matters most for events, and
gives wrong actors and speakers ("New Zealand" said …).  Precision comes first: a label is only
a short run of title-case words (and label words such as "news", "war", "crisis") that is
followed by something a sentence starts with and that no sentence has inside itself: a
capitalised determiner, pronoun, numeral or sentence adverb ("Palestine The delegation …"), the
label said again ("Spain Spain has …", "United States United States Senator …"), or any
capitalised word after a lowercase label noun ("Canadian news Bloc Quebecois MP …").  A real
first sentence keeps all its words: "Brazil's president said …" and "United States President Bush
said …" have none of these; nor does a name whose first word the label rule would cut off
("Research In Motion Ltd. (RIM) …"): a run of title-case words through the opener that the text
names again, or abbreviates in brackets right after, is one name.

Countries and their demonyms come from the actor knowledge (pycountry and
``knowledge/data/actor_words.yaml``), the label words from ``lead_label_words.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

from ..knowledge.actors.words import COUNTRY_NAMES, DEMONYMS
from ..knowledge.wordlists import word_lists

__all__ = ["WIKINEWS_TOPICS", "lead_label_end"]

_WORDS = word_lists("lead_label_words.yaml")  # the word lists below: see the file's comments

#: Wikinews' topic categories, a label in any case ("economy and business U.S.-based agency …"),
#: as a regular expression's alternatives.
WIKINEWS_TOPICS = "|".join(re.escape(t) for t in _WORDS.ordered("wikinews_topics"))
_TOPIC_LABEL = re.compile(rf"(?i:{WIKINEWS_TOPICS})\s+(?=[A-Z])")


#: Capitalised words that start a sentence but never continue a name run before them.
_OPENERS = _WORDS.words("openers")
#: Capitalised nouns and adjectives that start a sentence and never follow a country's name
#: inside one ("France Violence erupted …", "Azerbaijan Incumbent President …").
_COUNTRY_LABEL_OPENERS = _WORDS.words("country_label_openers")
#: Lowercase nouns that end a portal or topic label ("Canadian news", "Iraq war", "2008-09
#: financial crisis", "North Korea nuclear program", "Economy and business").
_LABEL_HEADS = _WORDS.words("label_heads")
#: Lowercase words that may sit inside such a label, never at its end.
_LABEL_MODIFIERS = _WORDS.words("label_modifiers")
_TOKEN = re.compile(r"\S+")
#: A title-case or numeric word of a label, or a wiki magic word (``__NOTOC__``).
_LABEL_WORD = re.compile(r"[A-Z0-9][\w&’'/-]*|__[A-Z]+__")
#: One token that is a wiki tag with a year inside ("Germanelection2005", "CDNfed2008interview-ON").
_YEAR_TAG = re.compile(r"[A-Za-z]+(?:19|20)\d\d[\w-]*")
#: A wiki magic word ("__NOTOC__") is never text, whatever follows it.
_MAGIC_WORD = re.compile(r"__[A-Z]+__")
_LOWERCASE_WORD = re.compile(r"[a-z]{3,}")
#: Image options and maintenance words of wiki markup whose brackets were lost upstream.
_WIKI_WORDS = _WORDS.words("wiki_words")
_FUNCTION_WORDS = _WORDS.words("function_words")
#: Up to four title-case words, then two to four of a name, a comma and a lowercase appositive.
_NAME_THEN_APPOSITIVE = re.compile(
    r"((?:[A-Z][\w'’.-]*|and|of)(?: (?:[A-Z][\w'’.-]*|and|of)){0,3}(?: [A-Z][\w'’.-]+){2,4}), [a-z]"
)
#: Roles and offices a country's name premodifies in a real sentence ("United States Senator …").
_ROLE_WORDS = _WORDS.words("role_words")
#: Bodies a label names like a country ("European Union", "United Nations").
_LABEL_BODIES = _WORDS.words("label_bodies")
#: An abbreviation in brackets ("(RIM)", "(U.S.)").
_BRACKETED_ABBREVIATION = re.compile(r"\(([A-Z][A-Za-z.&]{1,9})\)")
MAX_LABEL_WORDS = 6
#: Words that must follow a label: a label is never the whole lead.
MIN_WORDS_AFTER = 4


def lead_label_end(text: str) -> int:
    """Where the sentence after a leading label starts in ``text`` (0: no label; see module doc)."""
    topic = _TOPIC_LABEL.match(text)
    if topic:
        return topic.end()
    tokens = [(m.group(0), m.start()) for m in _TOKEN.finditer(text[:300])]
    words = [t for t, _ in tokens]
    for k in range(1, min(MAX_LABEL_WORDS, len(words) - MIN_WORDS_AFTER) + 1):
        label = words[:k]
        if not _is_label(label):
            break
        if label[-1] in _LABEL_MODIFIERS:
            continue
        if _starts_sentence(label, words[k:]) and not _one_name(words, k, text):
            return tokens[k][1]
    year_label = _after_a_year_label(words)
    if year_label:
        return tokens[year_label][1]
    tag = _YEAR_TAG.fullmatch(words[0]) or _MAGIC_WORD.fullmatch(words[0]) if words else None
    if len(words) > MIN_WORDS_AFTER and (tag or _is_lowercase_label(words)):
        return tokens[1][1]
    return _country_before_name(text)


#: A year that starts a portal label ("2007 Iranian seizure of Royal Navy personnel").
_YEAR = re.compile(r"(?:19|20)\d\d")
#: How many words a label that starts with a year may have.
MAX_YEAR_LABEL_WORDS = 9


def _after_a_year_label(words: list[str]) -> int:
    """ "2007 Iranian seizure of Royal Navy personnel Fifteen British Royal Navy personnel have
    been captured …": a year, a few words without punctuation, then a word that starts a
    sentence (an opener: a capitalised determiner, pronoun or number word) is a label, however
    its words are cased; the index of the opener, or 0."""
    if len(words) < MIN_WORDS_AFTER + 3 or not _YEAR.fullmatch(words[0]):
        return 0
    for k in range(2, min(MAX_YEAR_LABEL_WORDS, len(words) - MIN_WORDS_AFTER) + 1):
        if not words[k - 1][-1:].isalnum():
            return 0  # a comma or a stop: a sentence that started with the year
        if words[k] in _OPENERS and words[k - 1].lower() not in _FUNCTION_WORDS:
            return k
    return 0


def _country_before_name(text: str) -> int:
    """ "Israel Ehud Olmert, the current Prime Minister …": a country's name before a name and its
    appositive is a label when the name is said later on its own ("Olmert said") and never again
    after the country; a role between them ("United States Vice President Dick Cheney, …") is a
    real premodifier and stays."""
    match = _NAME_THEN_APPOSITIVE.match(text)
    if match is None:
        return 0
    words = match.group(1).split()
    for k in range(1, len(words) - 1):
        country, name = " ".join(words[:k]), words[k:]
        if country not in _country_names():
            continue
        rest = text[match.end() :]
        if name[0] in _ROLE_WORDS or " ".join(words) in rest:
            return 0
        said_alone = any(
            re.search(rf"(?:^|[a-z,.;:\"(]) {re.escape(w)}\b", rest) for w in (name[0], name[-1])
        )
        return len(country) + 1 if said_alone else 0
    return 0


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    return frozenset(_country_codes()) | _LABEL_BODIES


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    """Country name -> alpha-3: pycountry's names and the actor knowledge's news names
    ("Britain", "Burma"), as the actor knowledge base reads them."""
    codes: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name and "," not in name and "(" not in name:
                codes.setdefault(name, country.alpha_3)
    codes.update(COUNTRY_NAMES)
    return codes


def _one_name(words: list[str], k: int, text: str) -> bool:
    """True when the label candidate ``words[:k]`` and the title-case words after it are one
    name ("Research In Motion Ltd. (RIM) …": the opener "In" is inside it): the run through
    the word after the opener is named again later in the text, or an abbreviation in brackets
    right after the run has the run's initials."""
    run = [*words[:k]]
    for word in words[k:]:
        if not word[:1].isupper() or word.startswith("("):
            break
        run.append(word)
        if word.endswith((",", ";", ":")):
            break
    if len(run) < k + 2:
        return False
    head = " ".join(w.rstrip(",;:") for w in run[: k + 2])
    if text.count(head) > 1:
        return True
    after = words[len(run)] if len(run) < len(words) else ""
    bracket = _BRACKETED_ABBREVIATION.fullmatch(after.rstrip(",;:"))
    if bracket is None:
        return False
    letters = bracket.group(1).replace(".", "").upper()
    initials = "".join(w[0] for w in run if w[:1].isupper()).upper()
    return len(letters) >= 2 and initials.startswith(letters)


def _is_lowercase_label(words: list[str]) -> bool:
    """A text never starts with a lowercase word: one before a capitalised start is a label
    ("publish February 7, 2005 …", "right The offices of …" left by an image's options, "japan
    Japan's Prime Minister …"), but only where the next word shows where the sentence starts, as
    a cut-off sentence starts lowercase too ("[Pulitzer Prize] winner Seymour Hersh reported …")."""
    first, following = words[0], words[1]
    if not (_LOWERCASE_WORD.fullmatch(first) and following[:1].isupper()) or first in _FUNCTION_WORDS:
        return False
    return (
        first in _WIKI_WORDS
        or following in _OPENERS
        or _bare(following).lower() == first
        or _is_demonym_of(following, [first.capitalize()])
    )


def _is_label(words: list[str]) -> bool:
    """Title-case words, magic words and label nouns; no opener, no possessive ("Brazil's")."""
    for i, word in enumerate(words):
        if word in _OPENERS:
            return False
        if _LABEL_WORD.fullmatch(word):
            if word.endswith(("'s", "’s")):
                return False
        elif i == 0 or (word not in _LABEL_HEADS and word not in _LABEL_MODIFIERS):
            return False
    return True


def _starts_sentence(label: list[str], rest: list[str]) -> bool:
    following = rest[0]
    repeated = rest[: len(label)]
    said_again = len(repeated) == len(label) and [*repeated[:-1], _bare(repeated[-1])] == label
    if following in _OPENERS or said_again or _is_demonym_of(following, label):
        return True
    if " ".join(label) in _country_names() and _opens_after_a_country(following):
        return True  # "Pakistan Iranian diplomat …", "France Violence erupted …"
    # "Canadian news Bloc Quebecois MP …": a capitalised word never follows a lowercase noun
    return len(label) > 1 and label[-1] in _LABEL_HEADS and following[:1].isupper()


def _opens_after_a_country(word: str) -> bool:
    """A word no sentence has right after a country's name: any country's adjective ("Pakistan
    Iranian diplomat …"), another country ("Canada U.S. Secretary of State …"), a number
    ("Switzerland 24 of 26 Swiss Cantons …") or a noun that starts news sentences ("France
    Violence erupted …")."""
    bare = _bare(word)
    return (
        bare in DEMONYMS or word in _COUNTRY_LABEL_OPENERS or word[:1].isdigit() or bare in _country_names()
    )


def _is_demonym_of(word: str, label: list[str]) -> bool:
    """ "China Chinese President …", "Armenia Armenian president …": a country's name is never
    followed by its own adjective inside a sentence (the knowledge's demonyms)."""
    code = _country_codes().get(" ".join(label))
    return code is not None and DEMONYMS.get(_bare(word)) == code


def _bare(word: str) -> str:
    """The word without its possessive ("Japan's" is "Japan")."""
    return re.sub(r"['’]s$", "", word)
