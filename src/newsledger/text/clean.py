"""Clean the text of JSONL and TXT inputs: HTML entities decoded, wiki and HTML markup removed.

Wikinews dumps (and many scraped corpora) carry the page source, not the page: ``== Related
news ==``, ``<!-- comments -->``, ``{{templates}}``, ``{| tables |}``, ``[[links|label]]``,
``[http://… label]`` and ``<ref>`` notes.  Left in, they become actors ("Iraq ==", "China.<!--")
and sentences made of table cells.  Markup is removed only from text that *looks like* markup,
so ordinary prose keeps its square brackets ("According to [the Iranian government's] law").

:func:`clean_text` returns the cleaned text with a count of what was removed, so the ledger can
say that an article's ``text`` (which every span points into) differs from its raw input.
A portal, category or infobox name glued to the start of the text ("Australian news The …") is
removed too (:mod:`newsledger.text.leadlabel`), counted as ``labels``.
Cleaning is idempotent: cleaning cleaned text changes nothing.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from html.entities import html5

import mwparserfromhell
from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Node,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.wikicode import Wikicode

from ..knowledge.actors.words import DEMONYMS
from .leadlabel import WIKINEWS_TOPICS, lead_label_end

__all__ = ["Cleaned", "clean_text", "clean_title", "decode_entities", "looks_like_markup"]

#: A cleaning pass is repeated until nothing changes (entities inside entities, markup revealed
#: by decoding ``&lt;ref&gt;``); each pass that changes anything removes characters, so a few do.
MAX_PASSES = 6

#: Tags whose content is not article text (notes, galleries, generated lists, tables).
_DROP_TAGS = frozenset(
    [
        "ref",
        "references",
        "gallery",
        "dynamicpagelist",
        "math",
        "timeline",
        "imagemap",
        "score",
        "syntaxhighlight",
        "source",
        "includeonly",
        "table",
        "inputbox",
        "categorytree",
        "poem",
        "graph",
        "mapframe",
        "maplink",
        "templatedata",
    ]
)
#: HTML (and wiki extension) tags removed where they stand, their content kept.
_HTML_TAGS = (
    "a|abbr|b|big|blockquote|br|center|cite|code|dd|del|div|dl|dt|em|font|h[1-6]|hr|i|ins|li|"
    "noinclude|nowiki|ol|onlyinclude|p|pre|q|s|small|span|strike|strong|sub|sup|tt|u|ul|"
    "td|th|tr|caption|tbody|thead|wbr|" + "|".join(sorted(_DROP_TAGS))
)
_TAG = re.compile(rf"</?(?:{_HTML_TAGS})\b[^<>]{{0,400}}?/?>", re.IGNORECASE)
_HEADING = re.compile(r"(?<!=)(={2,6})[ \t]*([^=\n]*?\w[^=\n]*?)[ \t]*\1(?!=)")
_EXTERNAL = re.compile(r"\[(?:https?:|ftp:)?//[^\s\]]+")
_SIGNALS = re.compile(
    r"<!--|\[\[|\]\]|\{\{|\}\}|\||(?<!\S)={2,6}(?!\S)|[Ii]nfo(?:box|section|title)|Archive-unreviewed|\b(?:Category|Template):|'''|"
    + _EXTERNAL.pattern
    + "|"
    + _TAG.pattern,
    re.IGNORECASE | re.MULTILINE,
)
#: Infobox templates whose braces were lost upstream: their body ("infotitle=… InfoboxEnd"), and
#: their name at the start of a sentence ("2005 London bombing infobox The police said …").
_INFOBOX_BODY = re.compile(r"infotitle=.{0,3000}?InfoboxEnd", re.DOTALL)
_INFOBOX_NAME = re.compile(
    r"(?:^|(?<=[.!?\"”\n]))[ \t]*[^.!?\n]{0,80}?[Ii]nfo(?:box|section)(?:End)?\b", re.MULTILINE
)
#: Wikinews maintenance templates and category tags whose brackets were lost upstream
#: ("publish Archive-unreviewed", "Category:Canada Category:Politics and conflicts"): every item
#: of a run but the last ends where the next begins; the last is a topic name or one word.
_WIKINEWS_TOPICS = WIKINEWS_TOPICS
_MAINTENANCE = re.compile(
    r"(?:\boriginal\s+)?(?:\b[Pp]ublish\s+)?\bArchive-unreviewed\b"
    r"|(?:\b(?:Category|Template):[^\n]{0,80}?\s(?=(?:Category|Template):))*"
    rf"\b(?:Category|Template):(?:(?i:{_WIKINEWS_TOPICS})\b|\S+)"
)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
#: Sections that list other pages (related news, sources, links), not the article's own text.
_LIST_SECTION = re.compile(
    r"(?:previous\s+)?related\b.*|see also|external links?|references|sources?|gallery|photos|"
    r"latest in this section|notes",
    re.IGNORECASE,
)
_FILE_PREFIX = re.compile(r"(?:file|image|media|category)\s*:", re.IGNORECASE)
#: The opening of an ``[[Image:…|thumb|…|`` whose closing brackets were lost: its caption stays.
_BROKEN_FILE = re.compile(
    r"\[\[\s*(?:file|image)\s*:[^|\]\n]*\|(?:(?:thumb|thumbnail|frame|frameless|border|left|right|"
    r"center|centre|none|upright[^|\]]*|\d*x?\d+\s*px|alt=[^|\]]*|link=[^|\]]*)\s*\|)*",
    re.IGNORECASE,
)
_STRAY = re.compile(r"\[\[|\]\]|\{\{|\}\}|'''?|(?<!\S)={2,6}(?!\S)")
#: Cells of a template or table whose brackets were lost upstream: three or more pipes close together.
_CELL_RUN = re.compile(r"[{}]?[ \t]*\|(?:[^|\n]{0,80}?\|){2,}")
#: A link whose brackets were lost upstream (``w:Jyllands-Posten|``, ``{w|neuroplasticity|plasticity``).
_PIPED = re.compile(r"[{\[]*(?:[A-Za-z]{1,10}:)?((?:[^\s|{}\[\]]*\|)+)([^\s|{}\[\]]*)\]*")
_ENTITY_NO_SEMICOLON = re.compile(r"&([A-Za-z][A-Za-z0-9]{1,31})(?![A-Za-z0-9;])")
_ENTITY_LIKE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
_SPACES = re.compile(r"[ \t]{2,}")
#: a country's adjective split where a link ended ("[[North Korea]]n" became "North Korea n
#: military", "Iraq i", "Japan ese", "Colombia ]n" with the link's bracket left); never "is"
#: ("Iraq is" is a sentence, not "Iraqis")
_SPLIT_DEMONYM = re.compile(r"\b((?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+) \]?(ns?|i|ans?|ians?|ese|ish)\b(?![-'’])")
_SPACE_BEFORE_PUNCT = re.compile(r"[ \t]+(?=[,.;:!?)])")
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]")
_LINE_END_SPACE = re.compile(r"[ \t]+\n|\n[ \t]+")
_BLANK_LINES = re.compile(r"\n{3,}")


@dataclass(frozen=True, slots=True)
class Cleaned:
    """Cleaned text and how many constructs of each kind were removed (empty: unchanged)."""

    text: str
    removed: dict[str, int] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return bool(self.removed)


def decode_entities(text: str) -> tuple[str, int]:
    """Decode HTML entities, also named ones written without their ``;`` (``&mdash``, ``&quot``),
    until none is left (``&amp;quot;`` is ``"``); returns the text and how many were decoded."""
    count = 0
    for _ in range(MAX_PASSES):
        decoded = _ENTITY_NO_SEMICOLON.sub(_named_entity, html.unescape(text))
        if decoded == text:
            break
        count += max(1, len(_ENTITY_LIKE.findall(text)) - len(_ENTITY_LIKE.findall(decoded)))
        text = decoded
    return text, count


def _named_entity(match: re.Match[str]) -> str:
    return html5.get(match.group(1) + ";", match.group(0))


def looks_like_markup(text: str) -> bool:
    """True when ``text`` carries wiki or HTML markup; brackets alone in prose do not count."""
    return bool(_SIGNALS.search(text) or _HEADING.search(text))


def clean_title(title: str) -> Cleaned:
    """A title: entities decoded, markup removed where it looks like markup, one line."""
    cleaned = clean_text(title, lead_labels=False)  # a title has no portal box before it
    flat = " ".join(cleaned.text.split())
    if flat == title:
        return Cleaned(title)
    removed = dict(cleaned.removed) or {"whitespace": 1}
    return Cleaned(flat, removed)


def clean_text(text: str, *, lead_labels: bool = True) -> Cleaned:
    """Decode entities and, when the text looks like markup, remove the markup (see module doc);
    then remove the portal or category labels glued to its start (:mod:`.leadlabel`)."""
    removed: Counter[str] = Counter()
    for _ in range(MAX_PASSES):
        before = text
        text, n_entities = decode_entities(text)
        if n_entities:
            removed["entities"] += n_entities
        if looks_like_markup(text):
            text = _strip_markup(text, removed)
        if text == before:
            break
    if lead_labels:  # first: "South Africa South Africa n President" is a label said again
        text = _remove_lead_labels(text, removed)
    text = _rejoin_demonyms(text, removed)
    return Cleaned(text, {k: v for k, v in sorted(removed.items()) if v})


def _rejoin_demonyms(text: str, removed: Counter[str]) -> str:
    """ "Korea n" is "Korean" ("Austria ns" "Austrians") when that is a country's adjective (the actor knowledge's
    demonyms); any other pair of words stays as it is."""

    def rejoin(match: re.Match[str]) -> str:
        words = match.group(1).split(" ")
        for first in range(len(words)):  # "North Korea n" is "North Korean", "The Cuba n" "The Cuban"
            joined = " ".join(words[first:]) + match.group(2)
            if joined in DEMONYMS or joined[-1] == "s" and joined[:-1] in DEMONYMS:  # "Austria ns"
                removed["split_words"] += 1
                return " ".join([*words[:first], joined])
        return match.group(0)

    return _SPLIT_DEMONYM.sub(rejoin, text)


def _remove_lead_labels(text: str, removed: Counter[str]) -> str:
    """Labels one after another ("Australian news Cole Inquiry The report …") go one by one,
    until none is left (each removal shortens the text, so this ends; and cleaning stays
    idempotent)."""
    while end := lead_label_end(text):
        text = text[end:]
        removed["labels"] += 1
    return text


def _strip_markup(text: str, removed: Counter[str]) -> str:
    text = text.replace(_HEADING_MARK, "")  # the mark is ours alone
    text = _count_sub(_COMMENT, "", text, removed, "comments")
    text = _render(mwparserfromhell.parse(text), removed)
    text = _remove_tables(text, removed)
    text = _remove_headings(text, removed)
    text = _count_sub(_TAG, " ", text, removed, "tags")
    text = _count_sub(_BROKEN_FILE, "", text, removed, "files")
    text = _count_sub(_EXTERNAL, "", text, removed, "external_links")
    text = _count_sub(_STRAY, "", text, removed, "markup")
    text = _count_sub(_INFOBOX_BODY, " ", text, removed, "templates")
    text = _count_sub(_MAINTENANCE, " ", text, removed, "templates")
    text = _count_sub(_INFOBOX_NAME, " ", text, removed, "templates")
    text = _count_sub(_CELL_RUN, " ", text, removed, "tables")
    text = _count_sub(_PIPED, _unpipe, text, removed, "links")
    return _tidy(text)


def _unpipe(match: re.Match[str]) -> str:
    """The label of a bracketless link; its target when the label was lost; a space between a
    sentence and the text after it (``said.|Canadian``)."""
    targets = [t for t in match.group(1).split("|") if t]
    label = match.group(2)
    if targets and targets[-1][-1] in ".!?\"'":
        return targets[-1] + " " + label
    if re.search(r"\w", label) or not targets:
        return label
    return targets[-1] + label


def _count_sub(
    pattern: re.Pattern[str],
    repl: str | Callable[[re.Match[str]], str],
    text: str,
    removed: Counter[str],
    kind: str,
) -> str:
    new, n = pattern.subn(repl, text)
    removed[kind] += n
    return new


# --------------------------------------------------------------------------- parsed wikitext


def _render(code: Wikicode, removed: Counter[str]) -> str:
    return "".join(_render_node(node, removed) for node in code.nodes)


def _render_node(node: Node, removed: Counter[str]) -> str:
    if isinstance(node, Text):
        return str(node)
    if isinstance(node, HTMLEntity):
        removed["entities"] += 1
        return node.normalize()
    if isinstance(node, Comment | Template | Argument):
        removed[_KIND[type(node)]] += 1
        return ""
    if isinstance(node, Heading):
        removed["headings"] += 1  # a section title is not a sentence; a paragraph break stands in
        return "\n\n" + _HEADING_MARK + _render(node.title, removed).strip() + "\n\n"
    if isinstance(node, Wikilink):
        return _render_wikilink(node, removed)
    if isinstance(node, ExternalLink):
        return _render_external(node, removed)
    if isinstance(node, Tag):
        return _render_tag(node, removed)
    return str(node)


_KIND: dict[type[Node], str] = {Comment: "comments", Template: "templates", Argument: "templates"}
#: Marks a parsed heading's title until :func:`_remove_headings` decides on its section.
_HEADING_MARK = "\x00H\x00"


def _render_wikilink(node: Wikilink, removed: Counter[str]) -> str:
    title = str(node.title).strip()
    if _FILE_PREFIX.match(title.lstrip(":")):
        removed["files"] += 1  # images and category tags: captions are not article text
        return ""
    removed["links"] += 1
    if node.text is not None:
        return _render(node.text, removed)
    return title.lstrip(":").split(":", 1)[-1] if re.match(r":?[a-z]{1,10}:", title) else title


def _render_external(node: ExternalLink, removed: Counter[str]) -> str:
    if not node.brackets:
        return str(node)  # a bare URL in the text is text
    removed["external_links"] += 1
    return _render(node.title, removed) if node.title is not None else ""


def _render_tag(node: Tag, removed: Counter[str]) -> str:
    name = str(node.tag).strip().lower()
    if name in _DROP_TAGS:
        removed["tables" if name == "table" else "refs" if name in ("ref", "references") else "tags"] += 1
        return ""
    if node.wiki_markup in ("*", "#", ";", ":"):  # list bullets: the item's text stays
        removed["markup"] += 1
        return " "
    removed["markup" if node.wiki_markup else "tags"] += 1
    if name in ("br", "hr") or node.self_closing or node.contents is None:
        return " " if name in ("br", "hr") else ""
    return _render(node.contents, removed)


# --------------------------------------------------------------------------- flattened wikitext


def _remove_tables(text: str, removed: Counter[str]) -> str:
    """``{| … |}`` anywhere (flattened dumps put tables mid-line, where no parser sees them)."""
    out: list[str] = []
    depth = 0
    i = 0
    start = 0
    while i < len(text) - 1:
        pair = text[i : i + 2]
        if pair == "{|":
            if depth == 0:
                out.append(text[start:i])
            depth += 1
            i += 2
        elif pair == "|}" and depth:
            depth -= 1
            i += 2
            if depth == 0:
                removed["tables"] += 1
                start = i
                out.append(" ")
        else:
            i += 1
    if depth:  # an unclosed table: drop only its opening and attributes, the text after stays
        removed["tables"] += 1
        rest = text[start:]
        opening = re.match(r"[^{]*\{\|[^|\n]*\|?", rest)
        out.append(rest[: rest.find("{|")] + rest[opening.end() if opening else 0 :])
    else:
        out.append(text[start:])
    return "".join(out)


def _remove_headings(text: str, removed: Counter[str]) -> str:
    """Headings (parsed, or ``== … ==`` mid-line) become paragraph breaks; sections that only list
    other pages (``Related news``, ``Sources``, ``External links``) go with their heading."""
    marked = _HEADING.sub(lambda m: _mark_heading(m, removed), text)
    parts = marked.split(_HEADING_MARK)
    kept = [parts[0]]
    for part in parts[1:]:
        title, _, body = part.partition("\n\n")
        if _LIST_SECTION.fullmatch(title.strip()):
            removed["sections"] += 1
            kept.append("\n\n")
        else:
            kept.append("\n\n" + body)
    return "".join(kept)


def _mark_heading(match: re.Match[str], removed: Counter[str]) -> str:
    removed["headings"] += 1
    return "\n\n" + _HEADING_MARK + match.group(2).strip() + "\n\n"


def _tidy(text: str) -> str:
    text = _EMPTY_BRACKETS.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _SPACE_BEFORE_PUNCT.sub("", text)
    text = _LINE_END_SPACE.sub("\n", text)
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()
