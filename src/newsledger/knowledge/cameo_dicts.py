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
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from ..errors import KnowledgeError

__all__ = [
    "CameoDictionaries",
    "DatedCode",
    "DictActor",
    "DictAgent",
    "Discard",
    "Phrase",
    "load_dictionaries",
    "parse_actors",
    "parse_agents",
    "parse_discards",
]

log = logging.getLogger(__name__)

_CODE_BLOCK = re.compile(r"\[([^\]]*)\]")
_DATE_RANGE = re.compile(r"^(\d{6,8})\s*-\s*(\d{6,8})$")
_MACRO_DEF = re.compile(r"^(![A-Z0-9_]+!)\s*=\s*(.+)$")
_MACRO_USE = re.compile(r"![A-Z0-9_]+!")


@dataclass(frozen=True, slots=True)
class DatedCode:
    """One code of an actor entry; ``start``/``end`` are inclusive ISO days (None = open)."""

    code: str
    start: str | None = None
    end: str | None = None
    also: tuple[str, ...] = ()  # "[FRO/BIL/SAM]": a compound actor, one code per member

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


@dataclass(frozen=True, slots=True)
class Discard:
    phrase: Phrase
    story: bool = False  # "+PHRASE": discard the whole story


@dataclass
class CameoDictionaries:
    actors: list[DictActor] = field(default_factory=list)
    agents: list[DictAgent] = field(default_factory=list)
    discards: list[Discard] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def extend(self, other: CameoDictionaries) -> None:
        self.actors += other.actors
        self.agents += other.agents
        self.discards += other.discards
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
        line = line.split("#", 1)[0].rstrip()
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


def _parse_day(raw: str) -> date:
    raw = raw.strip()
    if len(raw) == 6:
        yy = int(raw[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy  # as KEDS, TABARI and PETRARCH read YYMMDD
        return date(year, int(raw[2:4]), int(raw[4:6]))
    if len(raw) == 8:
        return date(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))
    raise ValueError(f"date {raw!r} is not YYMMDD or YYYYMMDD")


def parse_code(block: str) -> DatedCode | None:
    """``"HOBGOV 19950601 - 19990815"`` -> DatedCode("HOBGOV", "1995-06-01", "1999-08-15")."""
    block = block.strip()
    if not block:
        return None
    parts = block.split(None, 1)
    codes = [c for c in parts[0].upper().split("/") if c]
    if not codes:
        return None
    code, also = codes[0], tuple(codes[1:])
    rest = parts[1].strip() if len(parts) > 1 else ""
    if code.startswith(("<", ">")) or code[:1].isdigit():  # "[<950601]": code missing
        return None
    if not rest:
        return DatedCode(code, also=also)
    if rest.startswith("<"):
        end = _parse_day(rest[1:]) - timedelta(days=1)
        return DatedCode(code, None, end.isoformat())
    if rest.startswith(">"):
        start = _parse_day(rest[1:])
        return DatedCode(code, start.isoformat(), None)
    match = _DATE_RANGE.match(rest)
    if match:
        return DatedCode(code, _parse_day(match.group(1)).isoformat(), _parse_day(match.group(2)).isoformat())
    raise ValueError(f"cannot read date restriction {rest!r}")


# --------------------------------------------------------------------------- parsers


def parse_actors(text: str, origin: str = "<actors>") -> list[DictActor]:
    entries: list[DictActor] = []
    name: str | None = None
    phrases: list[Phrase] = []
    codes: list[DatedCode] = []

    def flush() -> None:
        if name and phrases:
            entries.append(DictActor(name, tuple(phrases), tuple(codes)))

    for number, line in _strip_comments(text):
        blocks = []
        for raw_block in _CODE_BLOCK.findall(line):
            try:
                code = parse_code(raw_block)
            except ValueError as exc:  # one bad date must not lose a 100,000-line dictionary
                log.warning("%s:%d: skipped code block [%s] (%s)", origin, number, raw_block, exc)
                continue
            if code is not None:
                blocks.append(code)
        head = _CODE_BLOCK.sub(" ", line).rstrip()
        stripped = head.strip()
        if line[:1].isspace() or not stripped:  # code lines of the current entry
            codes.extend(blocks)
            continue
        if stripped.startswith("+"):
            phrase = _phrase(stripped[1:])
            if phrase:
                phrases.append(phrase)
            codes.extend(blocks)
            continue
        flush()
        phrase = _phrase(stripped)
        name = " ".join(w.capitalize() for w in phrase.words) if phrase else None
        phrases = [phrase] if phrase else []
        codes = list(blocks)
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
                    agents.append(DictAgent(Phrase(phrase.words, True), code, prefix))
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


def _read(path: Path) -> str:
    try:
        return path.read_text("utf-8", errors="replace")
    except OSError as exc:
        raise KnowledgeError(f"cannot read dictionary ({exc})", origin=str(path)) from exc


def load_dictionaries(folder: str | Path) -> CameoDictionaries:
    """Read every ``*actors*.txt``, ``*agents*.txt`` and ``*discards*.txt`` in ``folder``."""
    root = Path(folder)
    if not root.is_dir():
        raise KnowledgeError("dictionary folder not found; pass a folder of PETRARCH files", origin=str(root))
    out = CameoDictionaries()
    for path in sorted(root.iterdir()):
        name = path.name.lower()
        if not name.endswith(".txt"):
            continue
        if "actors" in name:
            out.actors += parse_actors(_read(path), str(path))
        elif "agents" in name:
            out.agents += parse_agents(_read(path), str(path))
        elif "discards" in name:
            out.discards += parse_discards(_read(path), str(path))
        else:
            continue
        out.files.append(str(path))
    return out
