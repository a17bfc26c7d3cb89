"""Read CAMEO verb dictionaries in the PETRARCH/TABARI format, and our own YAML defaults.

The PETRARCH format (``*.verbs.txt``)::

    &TIETYPES              a synonym set ("synset"): members follow, one per "+" line
    +MILITARY
    +ECONOMIC

    --- ABANDON  [345]  ---            a verb block: head verb and its default code
    ABANDON                            verbs of the block, with optional own code and forms
    +CORDON_OFF {+CORDONED_OFF}        "+" marks the verb of a multi-word entry ("WIRE_+TAP")
    - * &TIETYPES TIES  [902]          a pattern: words before "*" precede the verb, words
    - + WAS * DEAD IN $  [224]         after it follow; "_" joins words that must be adjacent,
                                       "$" is the source, "+" the target, "%" a compound actor,
                                       "^" skips a noun phrase, "&NAME" any member of a synset

Codes: ``[032:033]`` is a paired code (source->target 032 and target->source 033), ``[:110]``
a reverse-only code (the event goes from the verb's target to its subject: "A offended B" is
B disapproving of A), ``[---]`` means "no event".  Everything is upper-cased in the file and
lower-cased here.

PETRARCH2's ``CAMEO.2.0.txt`` groups pattern words: ``{FREE TRADE DEAL}`` is one noun phrase
(its words adjacent, the last the head), ``(WITH +)`` a prepositional phrase (the preposition,
then its object within the phrase).  Synset members also match in their regular plural unless
they end in ``_`` (PETRARCH's ``make_plural_noun``).  ``~ a (a b ATTACK) SAY = a b 015`` lines
are transformations of nested events; they are read into :attr:`VerbDictionary.transformations`.

Our own defaults (``data/verbs_default.yaml``) use the same pattern syntax inside YAML::

    - block: meet
      code: "040"
      verbs: [meet, "meet with", confer, "hold talks"]
      nouns: [meeting, talks]
      patterns: ["* with % [040]"]
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import KnowledgeError

__all__ = [
    "Item",
    "Transformation",
    "VerbDictionary",
    "VerbEntry",
    "VerbPattern",
    "default_verbs",
    "load_verbs",
    "parse_code",
    "parse_petrarch_verbs",
    "parse_yaml_verbs",
    "verb_forms",
]

SLOTS = {"$": "src", "+": "tgt", "%": "comp", "^": "skip"}


@dataclass(frozen=True, slots=True)
class Item:
    """One element of a pattern: a word, a synset, or a slot ($ + % ^)."""

    kind: str  # "word" | "syn" | "src" | "tgt" | "comp" | "skip"
    value: str = ""
    adjacent: bool = False  # must immediately follow (in text order) the previous item
    group: int = 0  # items of one "(PREP ...)" or "{NOUN PHRASE}" share a number (0: none)


@dataclass(frozen=True, slots=True)
class VerbPattern:
    pre: tuple[Item, ...]  # in text order, ending just before the verb
    post: tuple[Item, ...]  # in text order, starting just after the verb
    code: str | None  # None: the pattern means "no event"
    pair: str | None = None  # reverse-direction code of a paired code "032:033"
    pre_adjacent: bool = False  # last pre item must touch the verb ("IN_*")
    post_adjacent: bool = False  # first post item must touch the verb ("*_OUT")
    text: str = ""
    reverse: bool = False  # "[:110]": the code goes from the target to the source
    line: int = 0
    dyad_only: bool = False  # an event only between a source and a target (PETRARCH's rule)
    words: frozenset[str] = frozenset()  # its literal words: a quick test before matching it

    @property
    def weight(self) -> int:
        return len(self.pre) + len(self.post)


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """A verb (or a verb with fixed words around it) that belongs to a block."""

    head: str  # the verb word as written ("tap", "cordon", "exchang")
    block: str
    code: str | None
    pair: str | None = None
    before: tuple[str, ...] = ()  # fixed words right before the verb ("wire" in WIRE_+TAP)
    after: tuple[str, ...] = ()  # fixed words right after the verb ("off" in CORDON_OFF)
    forms: tuple[str, ...] = ()  # explicit irregular forms of the head
    reverse: bool = False  # "[:110]": the code goes from the target to the source
    line: int = 0
    dyad_only: bool = False  # an event only between a source and a target (PETRARCH's rule)


@dataclass(frozen=True, slots=True)
class Transformation:
    """``~ a (a b ATTACK) SAY = a b 015``: a nested event pattern and the event it becomes."""

    pattern: tuple[str, ...]
    result: tuple[str, ...]
    line: int = 0


def _homograph(entries: list[VerbEntry] | None, text: str, lemma: str) -> bool:
    """True when a verb's base form is another verb's inflected form as the tagger read it:
    "found" is FIND's past ("has found no link"; lemma "find"), not FOUND ("establish")."""
    return (
        bool(entries)
        and lemma != text
        and all(e.head == text and not e.before and not e.after for e in entries or [])
    )


@dataclass
class VerbDictionary:
    """Verb entries keyed by every surface form of their head, patterns keyed by block."""

    entries: dict[str, list[VerbEntry]] = field(default_factory=dict)
    lemma_entries: dict[str, list[VerbEntry]] = field(default_factory=dict)
    patterns: dict[str, list[VerbPattern]] = field(default_factory=dict)
    synsets: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    nouns: dict[str, list[VerbEntry]] = field(default_factory=dict)  # nominal event triggers
    #: adjectives of an outlook said of oneself ("was confident that", "is skeptical over")
    adjectives: dict[str, list[VerbEntry]] = field(default_factory=dict)
    transformations: list[Transformation] = field(default_factory=list)
    source: str = ""
    lemma_fallback: bool = True  # match by lemma too (PETRARCH matches listed forms only)
    #: Pattern words must lie in the verb's clause (stages/events/matcher.verb_clause), not
    #: anywhere in the sentence.  Off for a user's PETRARCH dictionaries, read as PETRARCH does.
    clause_bound: bool = True
    _synset_index: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = field(default_factory=dict, repr=False)

    def add_entry(self, entry: VerbEntry) -> None:
        forms = set(verb_forms(entry.head)) | set(entry.forms)
        for form in forms:
            self.entries.setdefault(form, []).append(entry)
        self.lemma_entries.setdefault(entry.head, []).append(entry)

    def add_noun(self, entry: VerbEntry) -> None:
        for form in {entry.head, *_plurals(entry.head), *entry.forms}:
            self.nouns.setdefault(form, []).append(entry)

    def synset_members(self, name: str, first: str) -> tuple[tuple[str, ...], ...]:
        """The members of synset ``name`` that start with the word ``first``."""
        index = self._synset_index.get(name)
        if index is None:
            grouped: dict[str, list[tuple[str, ...]]] = {}
            for member in self.synsets.get(name, ()):
                if member:
                    grouped.setdefault(member[0], []).append(member)
            index = self._synset_index[name] = {w: tuple(ms) for w, ms in grouped.items()}
        return index.get(first, ())

    def candidates(self, text: str, lemma: str) -> list[VerbEntry]:
        """Entries whose head matches a token: by surface form first, then by lemma.

        A form that only a pattern layer lists (every entry ``dyad_only``: Phoenix's compound
        "SHOT_AND" lists "shot") does not hide the entries of its lemma ("shot" is "shoot"):
        both are candidates, and the matcher tries the longer heads first."""
        found = self.entries.get(text.lower())
        if not self.lemma_fallback:
            return found or []
        if _homograph(found, text.lower(), lemma.lower()) and self.entries.get(lemma.lower()):
            found = self.entries[lemma.lower()]  # read by lemma, as the tagger read the word
        if found and not all(e.dyad_only for e in found):
            return found
        by_lemma = self.lemma_entries.get(lemma.lower(), []) or self.entries.get(lemma.lower(), [])
        if not found:
            return by_lemma
        if by_lemma is found or lemma.lower() == text.lower():
            return found
        return [*found, *(e for e in by_lemma if e not in found)]

    def merge(self, other: VerbDictionary) -> None:
        """Add ``other``'s entries; a verb form ``other`` defines replaces ours."""
        for form, entries in other.entries.items():
            self.entries[form] = list(entries)
        for lemma, entries in other.lemma_entries.items():
            self.lemma_entries[lemma] = list(entries)
        self.patterns.update(other.patterns)
        self.synsets.update(other.synsets)
        self._synset_index.clear()
        for form, entries in other.nouns.items():
            self.nouns[form] = list(entries)
        for form, entries in other.adjectives.items():
            self.adjectives[form] = list(entries)
        self.transformations += other.transformations
        self.lemma_fallback = self.lemma_fallback or other.lemma_fallback

    def __len__(self) -> int:
        return sum(len(v) for v in self.lemma_entries.values())


# --------------------------------------------------------------------------- codes and forms


def parse_code(raw: str) -> tuple[str | None, str | None]:
    """``"032:033"`` -> ("032", "033"); ``"---"`` -> (None, None); ``"025?"`` -> ("025", None)."""
    raw = raw.strip().strip("[]").strip()
    if not raw:
        return None, None
    first, _, second = raw.partition(":")
    return _clean_code(first), (_clean_code(second) if second else None)


def directed_code(raw: str) -> tuple[str | None, str | None, bool]:
    """:func:`parse_code` with a reverse-only code read as a code that goes from the target to
    the source: ``":110"`` -> ("110", None, True)."""
    code, pair = parse_code(raw)
    if code is None and pair is not None:
        return pair, None, True
    return code, pair, False


def _clean_code(code: str) -> str | None:
    code = code.strip().rstrip("?!").strip()  # "025?" unsure, "080!" emphatic: the code stands
    if not code or not code[0].isdigit():  # "---", "+++", "###", "def": no event
        return None
    return code.upper()


def _plurals(word: str) -> list[str]:
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return [word[:-1] + "ies"]
    if word.endswith(("s", "x", "ch", "sh")):
        return [word + "es"]
    return [word + "s"]


def verb_forms(head: str) -> list[str]:
    """Regular inflections of a verb as PETRARCH generates them (stems such as EXCHANG too)."""
    w = head.lower()
    forms = {w, w + "s", w + "ed", w + "ing"}
    if w.endswith(("s", "x", "z", "ch", "sh", "o")):
        forms.add(w + "es")
    if w.endswith("e"):
        forms |= {w + "d", w[:-1] + "ing"}
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        forms |= {w[:-1] + "ies", w[:-1] + "ied"}
    if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", w) and len(w) <= 6:
        forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return sorted(forms)


# --------------------------------------------------------------------------- patterns


def _item(part: str, adjacent: bool, group: int) -> Item:
    if part in SLOTS:
        return Item(SLOTS[part], "", adjacent, group)
    if part.startswith("&"):
        return Item("syn", part[1:].lower(), adjacent, group)
    return Item("word", part.lower(), adjacent, group)


def _brackets(chunk: str) -> tuple[str, str, str]:
    """``"(FOR"`` -> ("(", "FOR", ""); ``"DEAL})"`` -> ("", "DEAL", "})")."""
    body = chunk.lstrip("({")
    opening = chunk[: len(chunk) - len(body)]
    core = body.rstrip(")}")
    return opening, core, body[len(core) :]


def _parts(core: str, synsets: Collection[str]) -> list[str]:
    """The "_"-joined parts of a pattern chunk; a known synset keeps its own underscores
    ("&FIGHT_OF_WORDS" is one synset, "&TIETYPES_MEMOS" a synset and a word)."""
    parts = core.split("_")
    for i, part in enumerate(parts):
        if not part.startswith("&"):
            continue
        for end in range(len(parts), i + 1, -1):
            if "_".join(parts[i:end])[1:].lower() in synsets:
                return [*parts[:i], "_".join(parts[i:end]), *_parts("_".join(parts[end:]), synsets)]
    return parts


def parse_pattern(text: str, code_text: str, line: int = 0, synsets: Collection[str] = ()) -> VerbPattern:
    """Parse the body of a pattern line (between "-" and the code) into items; ``synsets``:
    the synset names defined so far."""
    code, pair, reverse = directed_code(code_text)
    pre: list[Item] = []
    post: list[Item] = []
    side = pre
    pre_adjacent = post_adjacent = False
    group = groups = 0
    in_phrase = False  # inside "{...}": each word touches the one before
    for chunk in text.split():
        opening, core, closing = _brackets(chunk)
        if opening:
            groups += 1
            group, in_phrase = groups, "{" in opening
        first_in_group = bool(opening)
        prev: str | None = None  # previous non-empty part of this chunk ("_" joins parts)
        for part in _parts(core, synsets):
            if part == "":
                prev = None
                continue
            adjacent = prev is not None or (in_phrase and not first_in_group)
            first_in_group = False
            if part == "*":
                pre_adjacent = pre_adjacent or (adjacent and bool(pre))
                side = post
                prev = part
                continue
            if prev == "*":
                post_adjacent = True
                adjacent = False
            side.append(_item(part, adjacent and bool(side), group))
            prev = part
        if closing:
            group, in_phrase = 0, False
    words = frozenset(i.value for i in (*pre, *post) if i.kind == "word")
    return VerbPattern(
        tuple(pre), tuple(post), code, pair, pre_adjacent, post_adjacent, f"{text.strip()} [{code_text}]",
        reverse, line, False, words,
    )  # fmt: skip


_CODE_RE = re.compile(r"\[([^\]]*)\]")
_FORMS_RE = re.compile(r"\{([^}]*)\}")


_COMMENT = re.compile(r"#(?![^\[]*\])")  # a "#" that is not inside "[...]" ("[###]" is a code)


def _strip_comment(line: str) -> str:
    return _COMMENT.split(line, 1)[0].rstrip()


def _verb_entry(
    spec: str, block: str, block_code: tuple[str | None, str | None, bool], line: int = 0
) -> list[VerbEntry]:
    """A verb line ``WIRE_+TAP {WIRE_+TAPPED} [code]`` -> one entry per surface spelling."""
    forms_m = _FORMS_RE.search(spec)
    forms_raw = forms_m.group(1).split() if forms_m else []
    spec_wo = _FORMS_RE.sub(" ", spec)
    code_m = _CODE_RE.search(spec_wo)
    code, pair, reverse = directed_code(code_m.group(1)) if code_m else block_code
    words_raw = _CODE_RE.sub(" ", spec_wo).strip()
    if not words_raw:
        return []
    words = [w for w in re.split(r"[_\s]+", words_raw.lower()) if w]
    head_i = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
    words = [w.lstrip("+") for w in words]
    extra_forms: list[str] = []
    for f in forms_raw:
        fw = [w for w in re.split(r"[_\s]+", f.lower()) if w]
        fi = next((i for i, w in enumerate(fw) if w.startswith("+")), head_i)
        if fi < len(fw):
            extra_forms.append(fw[fi].lstrip("+"))
    return [
        VerbEntry(
            head=words[head_i],
            block=block,
            code=code,
            pair=pair,
            before=tuple(words[:head_i]),
            after=tuple(words[head_i + 1 :]),
            forms=tuple(extra_forms),
            reverse=reverse,
            line=line,
        )
    ]


def synset_member(raw: str) -> list[tuple[str, ...]]:
    """A synset member's words and, unless it ends in ``_``, its regular plural ("MILITARY" ->
    military, militaries; "PEACE_TALK" -> peace talk, peace talks; "CASH_" -> cash)."""
    raw = raw.strip()
    words = tuple(w for w in re.split(r"[_\s]+", raw.lower()) if w)
    if not words:
        return []
    if raw.endswith("_") or not words[-1].isalpha() or words[-1].endswith("s"):
        return [words]  # exact, or already plural ("US_DOLLARS"): no plural form
    return [words] + [(*words[:-1], plural) for plural in _plurals(words[-1])]


def _transformation(line: str, lineno: int) -> Transformation:
    """``~ a (a b ATTACK) SAY = a b 015`` -> pattern and result as tokens."""
    left, sep, right = line[1:].partition("=")
    if not sep or not left.split() or not right.split():
        raise ValueError("a transformation reads '~ PATTERN = RESULT'")
    spaced = left.replace("(", " ( ").replace(")", " ) ")
    return Transformation(tuple(spaced.split()), tuple(right.split()), lineno)


class _VerbReader:
    """One pass over a PETRARCH verb file, line by line (blocks, synsets, patterns, verbs)."""

    def __init__(self, source: str, block_prefix: str = "") -> None:
        self.d = VerbDictionary(source=source, lemma_fallback=False)
        self.block_prefix = block_prefix
        self.block: str | None = None
        self.block_code: tuple[str | None, str | None, bool] = (None, None, False)
        self.synset: str | None = None
        self.members: list[tuple[str, ...]] = []

    def close_synset(self) -> None:
        if self.synset is not None:
            self.d.synsets[self.synset] = tuple(dict.fromkeys(self.members))
        self.synset, self.members = None, []

    def read(self, line: str, lineno: int) -> None:
        if line.startswith("---"):
            self.close_synset()
            inner = line.strip("-").strip()
            codes = _CODE_RE.findall(inner)
            words = _CODE_RE.sub(" ", inner).split()
            if not words:
                raise ValueError("a verb block reads '--- VERB [code] ---'")
            self.block = self.block_prefix + words[0].rstrip("_").lower()
            self.block_code = directed_code(codes[0]) if codes else (None, None, False)
            self.d.patterns.setdefault(self.block, [])
        elif line.startswith("&"):
            self.close_synset()
            self.synset, self.block = line[1:].split()[0].rstrip("_").lower(), None
        elif line.startswith("+") and self.synset is not None:
            member = line[1:].strip()
            if member.startswith("&"):
                self.members.extend(self.d.synsets.get(member[1:].rstrip("_").lower(), ()))
            else:
                self.members.extend(synset_member(member))
        elif line.startswith("~"):
            self.d.transformations.append(_transformation(line, lineno))
        elif self.block is None:
            raise ValueError("a verb or pattern line before any '--- VERB [code] ---' block")
        elif line.startswith("-"):
            body = line[1:]
            found = _CODE_RE.search(body)
            if found is None:
                raise ValueError("a pattern line needs its [code]")
            self.d.patterns[self.block].append(
                parse_pattern(body[: found.start()], found.group(1), lineno, self.d.synsets)
            )
        else:
            for entry in _verb_entry(line, self.block, self.block_code, lineno):
                self.d.add_entry(entry)


def parse_petrarch_verbs(text: str, source: str = "", *, block_prefix: str = "") -> VerbDictionary:
    """Parse a PETRARCH ``*.verbs.txt`` dictionary; a line that cannot be read is a
    :class:`KnowledgeError` naming ``source`` and the line.  ``block_prefix`` goes in front of
    every block name (to keep the blocks of two dictionaries apart)."""
    reader = _VerbReader(source, block_prefix)
    # block comments become blank lines, so that line numbers stay those of the file
    text = re.sub(r"<!--.*?-->", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = _strip_comment(raw).strip()
        if not line:
            continue
        try:
            reader.read(line, lineno)
        except (IndexError, ValueError) as exc:
            raise KnowledgeError(
                f"cannot read verb dictionary line {raw.strip()!r} ({exc})", origin=source, line=lineno
            ) from exc
    reader.close_synset()
    return reader.d


def parse_yaml_verbs(data: object, source: str = "") -> VerbDictionary:
    """Our YAML format: a list of blocks with ``code``, ``verbs``, ``nouns``, ``adjectives``,
    ``patterns``."""
    d = VerbDictionary(source=source)
    if isinstance(data, dict):
        synsets = data.get("synsets", {}) or {}
        blocks = data.get("blocks", []) or []
    else:
        synsets, blocks = {}, data or []
    for name, members in dict(synsets).items():
        d.synsets[str(name).lower()] = tuple(tuple(str(m).lower().split()) for m in members)
    if not isinstance(blocks, list):
        raise KnowledgeError("verb YAML must hold a list of blocks", origin=source)
    for i, block in enumerate(blocks):
        if not isinstance(block, dict) or "code" not in block:
            raise KnowledgeError(f"block {i} needs a 'code'", origin=source)
        code, pair = parse_code(str(block["code"]))
        verbs = [str(v) for v in block.get("verbs", [])]
        name = str(block.get("block") or (verbs[0] if verbs else f"block{i}")).lower()
        d.patterns.setdefault(name, [])
        for v in verbs:
            words = v.lower().split()
            head_i = next((j for j, w in enumerate(words) if w.startswith("+")), 0)
            words = [w.lstrip("+") for w in words]
            d.add_entry(
                VerbEntry(words[head_i], name, code, pair, tuple(words[:head_i]), tuple(words[head_i + 1 :]))
            )
        for n in block.get("nouns", []) or []:
            words = str(n).lower().split()
            d.add_noun(VerbEntry(words[-1], name, code, pair, tuple(words[:-1]), ()))
        for a in block.get("adjectives", []) or []:
            d.adjectives.setdefault(str(a).lower(), []).append(VerbEntry(str(a).lower(), name, code, pair))
        for p in block.get("patterns", []) or []:
            m = list(_CODE_RE.finditer(str(p)))
            if not m:
                raise KnowledgeError(f"pattern {p!r} of block {name!r} has no [code]", origin=source)
            d.patterns[name].append(parse_pattern(str(p)[: m[0].start()], m[0].group(1)))
    return d


# --------------------------------------------------------------------------- loading


@lru_cache(maxsize=1)
def default_verbs() -> VerbDictionary:
    """Our shipped default verb patterns (``data/verbs_default.yaml``)."""
    import yaml

    ref = resources.files("newsledger.knowledge").joinpath("data/verbs_default.yaml")
    return parse_yaml_verbs(yaml.safe_load(ref.read_text("utf-8")), source=str(ref))


def _verb_files(folder: Path) -> list[Path]:
    """Verb dictionaries in a folder: ``*verb*.txt|yaml`` and, as PETRARCH2 ships its verbs as
    ``CAMEO.2.0.txt``, any other ``.txt`` that holds ``--- VERB [code] ---`` blocks."""
    out: list[Path] = []
    for p in sorted(folder.iterdir()):
        name = p.name.lower()
        if not p.is_file() or p.suffix.lower() not in {".txt", ".yaml", ".yml"}:
            continue
        if "verb" in name:
            out.append(p)
        elif p.suffix.lower() == ".txt" and not any(
            w in name for w in ("actor", "agent", "discard", "issue")
        ):
            with p.open(encoding="utf-8", errors="replace") as fh:
                head = fh.read(200_000)
            if re.search(r"^---\s+\S.*\[[^\]]*\]\s*---", head, flags=re.M):
                out.append(p)
    return out


def load_verbs(
    paths: str | Path | Iterable[str | Path] | None = None, *, with_defaults: bool = True
) -> VerbDictionary:
    """Load verb dictionaries: files or folders (``*verbs*.txt`` PETRARCH, ``*verbs*.yaml`` ours).

    With ``with_defaults`` the shipped defaults are loaded first and user dictionaries override
    the verb forms they define.
    """
    import yaml

    if paths is None:
        items: list[Path] = []
    elif isinstance(paths, str | Path):
        items = [Path(paths)]
    else:
        items = [Path(p) for p in paths]
    files: list[Path] = []
    for p in items:
        if p.is_dir():
            files.extend(_verb_files(p))
        elif p.is_file():
            files.append(p)
        else:
            raise KnowledgeError("verb dictionary not found", origin=str(p))
    base = VerbDictionary(source="defaults", lemma_fallback=False)
    if with_defaults:
        base.merge(default_verbs())
    for f in files:
        text = f.read_text("utf-8", errors="replace")
        if f.suffix.lower() in {".yaml", ".yml"}:
            base.merge(parse_yaml_verbs(yaml.safe_load(text), source=str(f)))
        else:
            base.merge(parse_petrarch_verbs(text, source=str(f)))
    return base
