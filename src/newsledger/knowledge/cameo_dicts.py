"""Loaders for the PETRARCH / TABARI dictionary formats (actors, agents, discards).

The formats, as found in ``PETR.Validate.*.txt`` and the Phoenix dictionaries users bring:

* **actors** — an entry starts at column 0 with a phrase (words joined by ``_`` or spaces; a
  trailing ``_`` means "this exact word"), optionally followed by ``[CODE]``; ``+PHRASE`` lines
  add synonyms; indented ``[CODE date]`` lines add date-bounded codes: ``[HOB < 950601]``,
  ``[HOBGOV 19950601 - 19990815]``, ``[HOBREB > 990816]``.  An undated code is the default
  used when no dated code covers the day.  ``#`` starts a comment, ``<!-- ... -->`` a block.
* **agents** — ``PHRASE {PLURAL} [~CODE]``: ``~GOV`` is appended to the actor's code, ``NGO~``
  is put in front of it; ``{}`` means "no plural", ``{FORMS}`` gives the plural; ``!MACRO! = A,
  B`` defines a substitution used as ``CONGRESS!PERSON!``.
* **discards** — one phrase per line; ``+PHRASE`` discards the whole story.
* **issues** — ``<ISSUE CATEGORY="X">`` sections of ``phrase [CODE]`` lines (``n:``/``v:``
  mark a noun or a verb, ``+`` joins a prefix), ``~phrase`` lines that exclude a phrase.

Dates as the Phoenix files really write them: ``YYMMDD`` (00-30 -> 20YY, as KEDS, TABARI and
PETRARCH read it), ``YYYYMMDD``, a bare date (``[USAGOV 19820101]``: from that day), a space
after ``<``/``>``, and typos read the way their neighbours show they were meant: seven digits
(``2004017`` -> 2004-01-07, ``9008223`` -> 1990-08-22), a stray digit at the end
(``201005011``) or a doubled century in front (``1920030320`` -> 2003-03-20), an end before its
start (swapped).  A block that still cannot be read is a :class:`KnowledgeError` naming the
file and line: nothing is skipped silently.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

from ..errors import KnowledgeError

__all__ = [
    "CameoDictionaries",
    "DatedCode",
    "DictActor",
    "DictAgent",
    "Discard",
    "NULL_CODE",
    "Issue",
    "is_null_code",
    "Phrase",
    "load_dictionaries",
    "parse_actors",
    "parse_agents",
    "parse_day",
    "parse_discards",
    "parse_issues",
]

log = logging.getLogger(__name__)

#: The code of a phrase the dictionary knows to be no actor (PETRARCH's null code; TABARI
#: files also write "+++" and "###").
NULL_CODE = "---"


def is_null_code(code: str) -> bool:
    """True for "---", "+++", "###": a known phrase that is no actor ("INDIAN_OCEAN [---]")."""
    return code.strip("-+#") == ""


_COMMENT = re.compile(r"#(?![^\[]*\])")  # a "#" that is not inside "[...]" ("[###]" is a code)
_CODE_BLOCK = re.compile(r"\[([^\]]*)\]")
_DATE_RANGE = re.compile(r"^(\d{6,10})\s*-\s*(\d{6,10})$")
_MACRO_DEF = re.compile(r"^(![A-Z0-9_]+!)\s*=\s*(.+)$")
_MACRO_USE = re.compile(r"![A-Z0-9_]+!")


@dataclass(frozen=True, slots=True)
class DatedCode:
    """One code of an actor entry; ``start``/``end`` are inclusive ISO days (None = open)."""

    code: str
    start: str | None = None
    end: str | None = None
    also: tuple[str, ...] = ()  # "[FRO/BIL/SAM]": a compound actor, one code per member
    line: int = 0  # where the file says so

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def active_on(self, day: str | None) -> bool:
        if not day:
            return not self.dated
        day = day[:10]
        if self.start and day < self.start:
            return False
        return not (self.end and day > self.end)


@dataclass(frozen=True, slots=True)
class Phrase:
    """Upper-case words of a dictionary phrase; ``exact`` is False when the last word may
    also match as a stem (``ARGENTIN`` -> "Argentina", "Argentine")."""

    words: tuple[str, ...]
    exact: bool = True

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True, slots=True)
class DictActor:
    name: str
    phrases: tuple[Phrase, ...]
    codes: tuple[DatedCode, ...]
    origin: str = ""  # the file
    line: int = 0  # the line of the entry's first phrase

    def code_on(self, day: str | None) -> str | None:
        """The code valid on ``day``: the latest-starting dated code that covers it, else the
        undated default (PETRARCH semantics)."""
        dated = [c for c in self.codes if c.dated and c.active_on(day)] if day else []
        if dated:
            return max(dated, key=lambda c: c.start or "").code
        default = [c for c in self.codes if not c.dated]
        return default[0].code if default else None


@dataclass(frozen=True, slots=True)
class DictAgent:
    phrase: Phrase
    code: str  # without the tilde
    prefix: bool = False  # True for "NGO~": the code goes in front of the actor's code
    line: int = 0
    origin: str = ""


@dataclass(frozen=True, slots=True)
class Discard:
    phrase: Phrase
    story: bool = False  # "+PHRASE": discard the whole story


@dataclass(frozen=True, slots=True)
class Issue:
    """A phrase of an issue dictionary: its code and category, or an exclusion (``~phrase``)."""

    phrase: Phrase
    code: str | None  # None: an exclusion ("~olive oil" is not ENERGY)
    category: str
    line: int = 0


@dataclass
class CameoDictionaries:
    actors: list[DictActor] = field(default_factory=list)
    agents: list[DictAgent] = field(default_factory=list)
    discards: list[Discard] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def extend(self, other: CameoDictionaries) -> None:
        self.actors += other.actors
        self.agents += other.agents
        self.discards += other.discards
        self.issues += other.issues
        self.files += other.files


# --------------------------------------------------------------------------- helpers


def _strip_comments(text: str) -> list[tuple[int, str]]:
    """Lines with ``#`` comments and ``<!-- -->`` blocks removed, keeping line numbers."""
    out: list[tuple[int, str]] = []
    in_block = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        if in_block:
            if "-->" in line:
                in_block = False
            continue
        if line.lstrip().startswith("<!"):
            if "-->" not in line:
                in_block = True
            continue
        line = _COMMENT.split(line, 1)[0].rstrip()
        if line.strip():
            out.append((number, line))
    return out


def _phrase(raw: str) -> Phrase | None:
    text = raw.strip().upper().replace("’", "'")
    if not text:
        return None
    exact = text.endswith("_")
    words = tuple(w for w in re.split(r"[_\s]+", text) if w)
    if not words:
        return None
    return Phrase(words, exact=exact)


#: words an acronym skips ("Liberation Tigers of Tamil Eelam": LTTE)
_ACRONYM_SKIPS = frozenset({"OF", "THE", "AND", "FOR", "IN", "ON", "&"})


def _with_acronym(phrase: Phrase) -> list[Phrase]:
    """A phrase and, when it ends in its own acronym in brackets ("LIBERATION_TIGERS_OF_TAMIL_
    EELAM_(LTTE)_"), the acronym alone and the name without it, the name last (the entry's
    name); a bracket that is no acronym of the words before ("SAMOA_(AMERICAN)_") stays."""
    *words, last = phrase.words
    inner = last[1:-1] if last.startswith("(") and last.endswith(")") else ""
    initials = "".join(w[0] for w in words if w not in _ACRONYM_SKIPS)
    if len(inner) < 3 or not inner.isalnum() or inner != initials:
        return [phrase]
    return [phrase, Phrase((inner,), exact=True), Phrase(tuple(words), exact=phrase.exact)]


def _yymmdd(raw: str) -> date:
    yy = int(raw[:2])
    year = 2000 + yy if yy <= 30 else 1900 + yy  # as KEDS, TABARI and PETRARCH read YYMMDD
    return date(year, int(raw[2:4]), int(raw[4:6]))


def _yyyymmdd(raw: str) -> date:
    return date(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))


def _seven_digits(raw: str) -> date:
    """``2004017``: a full year and a digit missing (-> 2004-01-07); ``9008223``: YYMMDD with a
    digit too many (-> 1990-08-22, the first six, as PETRARCH reads it)."""
    if raw[:2] in ("19", "20"):
        rest = raw[4:]
        month, day = (rest[:2], rest[2:]) if rest[0] in "01" and int(rest[:2]) <= 12 else (rest[:1], rest[1:])
        try:
            return date(int(raw[:4]), int(month), int(day))
        except ValueError:
            pass
    return _yymmdd(raw[:6])


def _long_date(raw: str) -> date:
    """Nine or ten digits: a doubled century in front (``1920030320``) or a stray digit at the
    end (``201005011``); the reading that is a real day wins, the last eight digits first."""
    for candidate in (raw[-8:], raw[:8]):
        if candidate[:2] in ("19", "20"):
            try:
                return _yyyymmdd(candidate)
            except ValueError:
                continue
    return _yyyymmdd(raw[:8])


def parse_day(raw: str) -> date:
    """A dictionary date as the files write it (see the module docstring); ValueError if none."""
    raw = raw.strip()
    if not raw.isdigit():
        raise ValueError(f"date {raw!r} is not a number of 6 to 10 digits")
    readers = {6: _yymmdd, 7: _seven_digits, 8: _yyyymmdd, 9: _long_date, 10: _long_date}
    reader = readers.get(len(raw))
    if reader is None:
        raise ValueError(f"date {raw!r} has {len(raw)} digits; write YYMMDD or YYYYMMDD")
    return reader(raw)


def parse_code(block: str) -> DatedCode | None:
    """``"HOBGOV 19950601 - 19990815"`` -> DatedCode("HOBGOV", "1995-06-01", "1999-08-15").

    None for an empty block; ValueError for a code or date that cannot be read."""
    block = block.strip()
    if not block:
        return None
    parts = block.split(None, 1)
    codes = [c for c in parts[0].upper().split("/") if c]
    if not codes or not (
        codes[0].replace("-", "").isalnum() or codes[0].strip("-+#") == ""
    ):  # "[<950601]": the code is missing
        raise ValueError(f"[{block}] has no actor code before its date; write [CODE <950601]")
    code, also = codes[0], tuple(codes[1:])
    rest = parts[1].strip() if len(parts) > 1 else ""
    if not rest:
        return DatedCode(code, also=also)
    if rest.startswith("<"):
        end = parse_day(rest[1:]) - timedelta(days=1)
        return DatedCode(code, None, end.isoformat(), also)
    if rest.startswith(">"):
        return DatedCode(code, parse_day(rest[1:]).isoformat(), None, also)
    match = _DATE_RANGE.match(rest)
    if match:
        first, last = parse_day(match.group(1)), parse_day(match.group(2))
        first, last = min(first, last), max(first, last)  # "[EGYGOV 20121207-20120802]": swapped
        return DatedCode(code, first.isoformat(), last.isoformat(), also)
    if rest.isdigit():  # "[USAGOV 19820101]": a bare date means "from"
        return DatedCode(code, parse_day(rest).isoformat(), None, also)
    raise ValueError(f"cannot read date restriction {rest!r}; write <DATE, >DATE or DATE-DATE")


# --------------------------------------------------------------------------- parsers


def _code_blocks(line: str, origin: str, number: int) -> list[DatedCode]:
    blocks: list[DatedCode] = []
    for raw_block in _CODE_BLOCK.findall(line):
        try:
            code = parse_code(raw_block)
        except ValueError as exc:
            raise KnowledgeError(
                f"cannot read code block [{raw_block}]: {exc}", origin=origin, line=number
            ) from exc
        if code is not None:
            blocks.append(replace(code, line=number))
    return blocks


def parse_actors(text: str, origin: str = "<actors>") -> list[DictActor]:
    """Actor entries of a PETRARCH/Phoenix actors file; a block that cannot be read is a
    :class:`KnowledgeError` naming ``origin`` and the line."""
    entries: list[DictActor] = []
    name: str | None = None
    phrases: list[Phrase] = []
    codes: list[DatedCode] = []
    first_line = 0

    def flush() -> None:
        if name and phrases:
            entries.append(DictActor(name, tuple(phrases), tuple(codes), origin, first_line))

    for number, line in _strip_comments(text):
        blocks = _code_blocks(line, origin, number)
        head = _CODE_BLOCK.sub(" ", line).rstrip()
        stripped = head.strip()
        if line[:1].isspace() or not stripped:  # code lines of the current entry
            codes.extend(blocks)
            continue
        if stripped.startswith("+"):
            phrase = _phrase(stripped[1:])
            if phrase:
                phrases.extend(_with_acronym(phrase))
            codes.extend(blocks)
            continue
        flush()
        phrase = _phrase(stripped)
        forms = _with_acronym(phrase) if phrase else []
        name = " ".join(w.capitalize() for w in forms[-1].words) if forms else None
        phrases = forms
        codes = list(blocks)
        first_line = number
    flush()
    return entries


def _plurals(word: str) -> list[str]:
    if word.endswith("Y") and len(word) > 2 and word[-2] not in "AEIOU":
        return [word[:-1] + "IES"]
    if word.endswith(("S", "X", "Z", "CH", "SH")):
        return [word + "ES"]
    if word.endswith("MAN"):
        return [word[:-3] + "MEN"]
    return [word + "S"]


def parse_agents(text: str, origin: str = "<agents>", strict: bool = False) -> list[DictAgent]:
    """Agents of a PETRARCH agents file; a malformed line is logged and skipped (``strict``:
    raised as :class:`KnowledgeError`), so that one typo does not lose the dictionary."""
    macros: dict[str, list[str]] = {}
    agents: list[DictAgent] = []
    for number, line in _strip_comments(text):
        stripped = line.strip()
        macro = _MACRO_DEF.match(stripped.upper())
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",") if w.strip()]
            continue
        blocks = _CODE_BLOCK.findall(stripped)
        if not blocks:
            continue
        raw_code = blocks[0].strip().replace(" ", "").upper()
        if "~" not in raw_code:
            message = f"agent code [{blocks[0]}] has no '~' (write [~GOV] or [NGO~])"
            if strict:
                raise KnowledgeError(message, origin=origin, line=number)
            log.warning("%s:%d: skipped agent: %s", origin, number, message)
            continue
        prefix = not raw_code.startswith("~")
        code = raw_code.replace("~", "")
        head = _CODE_BLOCK.sub(" ", stripped)
        plural_forms: list[str] | None = None
        brace = re.search(r"\{([^}]*)\}", head)
        if brace:
            plural_forms = [p for p in re.split(r"[,\s]+", brace.group(1).strip()) if p]
            head = head[: brace.start()] + head[brace.end() :]
        for base in _expand_macros(head.strip().upper(), macros):
            forms = [base]
            if plural_forms is None:
                stem = base.rstrip("_")
                last = re.split(r"[_\s]+", stem)[-1]
                forms += [stem[: len(stem) - len(last)] + p for p in _plurals(last)]
            else:
                forms += [p.upper() for p in plural_forms]
            for form in forms:
                phrase = _phrase(form)
                if phrase:
                    agents.append(DictAgent(Phrase(phrase.words, True), code, prefix, number, origin))
    return agents


def _expand_macros(form: str, macros: dict[str, list[str]]) -> list[str]:
    match = _MACRO_USE.search(form)
    if not match:
        return [form]
    values = macros.get(match.group(0), [])
    out: list[str] = []
    for value in values:
        out += _expand_macros(form[: match.start()] + value + form[match.end() :], macros)
    return out


def parse_discards(text: str, origin: str = "<discards>") -> list[Discard]:
    out: list[Discard] = []
    for _number, line in _strip_comments(text):
        stripped = line.strip()
        story = stripped.startswith("+")
        phrase = _phrase(stripped.lstrip("+"))
        if phrase:
            out.append(Discard(Phrase(phrase.words, True), story))
    return out


_ISSUE_OPEN = re.compile(r'<ISSUE\b[^>]*CATEGORY\s*=\s*"([^"]*)"', re.I)


def parse_issues(text: str, origin: str = "<issues>") -> list[Issue]:
    """Issue phrases of a Phoenix ``IssueCoding`` file: ``n:``/``v:`` part-of-speech marks and
    ``+`` prefix joins are read as plain words ("pre+n:school" -> PRESCHOOL is not assumed:
    "PRE SCHOOL" and "PRESCHOOL" both follow from the words)."""
    out: list[Issue] = []
    category = ""
    for number, line in _strip_comments(text):
        stripped = line.strip()
        opened = _ISSUE_OPEN.match(stripped)
        if opened:
            category = opened.group(1).upper()
            continue
        if stripped.upper().startswith(("</ISSUE", "<")):
            category = "" if stripped.upper().startswith("</ISSUE") else category
            continue
        exclude = stripped.startswith("~")
        codes = _CODE_BLOCK.findall(stripped)
        words = _CODE_BLOCK.sub(" ", stripped.lstrip("~"))
        words = re.sub(r"\b[nv]:", "", words, flags=re.I).replace("+", "")
        phrase = _phrase(words)
        if phrase is None:
            continue
        if not exclude and not codes:
            code = category or None  # a phrase without [CODE] stands for its section's category
        else:
            code = None if exclude else codes[0].strip().upper()
        if not exclude and code is None:
            raise KnowledgeError(
                "issue phrase outside an <ISSUE> section and without [CODE]", origin=origin, line=number
            )
        out.append(Issue(phrase, code, category, number))
    return out


def _read(path: Path) -> str:
    try:
        return path.read_text("utf-8", errors="replace")
    except OSError as exc:
        raise KnowledgeError(f"cannot read dictionary ({exc})", origin=str(path)) from exc


def dictionary_files(folder: str | Path) -> list[tuple[str, Path]]:
    """The (kind, path) of each actors, agents, discards and issues file in ``folder``."""
    root = Path(folder)
    if not root.is_dir():
        raise KnowledgeError("dictionary folder not found; pass a folder of PETRARCH files", origin=str(root))
    out: list[tuple[str, Path]] = []
    for path in sorted(root.iterdir()):
        name = path.name.lower()
        if not name.endswith(".txt"):
            continue
        for kind in ("actors", "agents", "discards", "issue"):
            if kind in name:
                out.append((kind, path))
                break
    return out


def load_dictionaries(folder: str | Path, origin_root: str | None = None) -> CameoDictionaries:
    """Read every ``*actors*.txt``, ``*agents*.txt``, ``*discards*.txt`` and ``*issue*.txt``
    in ``folder``; ``origin_root`` names the folder in provenance instead of its path."""
    out = CameoDictionaries()
    for kind, path in dictionary_files(folder):
        text, origin = _read(path), f"{origin_root}/{path.name}" if origin_root else str(path)
        if kind == "actors":
            out.actors += parse_actors(text, origin)
        elif kind == "agents":
            out.agents += parse_agents(text, origin, strict=True)
        elif kind == "discards":
            out.discards += parse_discards(text, origin)
        else:
            out.issues += parse_issues(text, origin)
        out.files.append(origin)
    return out
