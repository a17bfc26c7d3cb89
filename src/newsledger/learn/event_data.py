"""Labelled sentences for the learned event-type model, from the dev parts of the gold sets only.

Each :class:`Example` is a sentence and the CAMEO roots of the events in it (none: a sentence
that reports no codable event).  Sources, all under ``$NEWSLEDGER_DATA``:

* CAMEO codebook examples (MIT): the example's root;
* PLOVER example sentences (CC BY-SA 4.0): the codebook's code when the sentence is also a
  codebook example (most are), else the CAMEO root its PLOVER type comes from most often in
  ``CAMEO2PLOVER-2021.txt``;
* gold_wikinews dev articles (Wikinews text CC BY 2.5; gold by the project): every sentence,
  with the roots of the gold events in it, so sentences without a gold event are negatives.

PETRARCH's validation records are not used: their codes are the old WEIS-style codes of
PETRARCH's test dictionaries, not CAMEO semantics (its SOURCE.md).  Their F1 is the floor the
model must not lower.

Folds: a record of a **check** part (by :func:`..evaluate.split.part_of` on its id), and any
dev sentence whose text also occurs in a check part (PLOVER and codebook share sentences), is
left out altogether.  Of the rest, the ``select`` fold (a quarter, fixed by the SHA-256 of the
normalised text; for Wikinews, two whole articles fixed by their id) is held aside for model
selection; ``train`` is what the model learns from.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..errors import EvaluationError
from ..evaluate.split import part_of

__all__ = [
    "ROOTS",
    "Example",
    "Fold",
    "build_check_texts",
    "build_examples",
    "labelled_sentences",
    "near_duplicate",
    "norm",
    "plover_roots",
    "select_articles",
    "split_sentences",
    "text_fold",
    "word_set",
]

Fold = Literal["train", "select"]
ROOTS: tuple[str, ...] = tuple(f"{n:02d}" for n in range(1, 21))
CODEBOOK = "event_coding/cameo_codebook/codes.jsonl"
PLOVER = "event_coding/plover_examples/dev.jsonl"
PLOVER_TABLE = "event_coding/CAMEO2PLOVER-2021.txt"
WIKINEWS = "gold_wikinews/gold.jsonl"
WIKINEWS_ARTICLES = "gold_wikinews/articles.jsonl"
#: share of the non-Wikinews dev sentences held aside (1 in SELECT_MODULUS)
SELECT_MODULUS = 4
#: Wikinews dev articles held aside whole (the ledger is scored per article)
SELECT_ARTICLES = 2
MIN_WORDS = 4
#: share of common words (Jaccard) from which two sentences count as copies of one another
NEAR = 0.5
_NOTE = re.compile(r"\s*\(?\bNote:.*$", re.DOTALL)
_SENTENCE_END = re.compile(r"[.!?][\"”']?\s+(?=[\"“'(]?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    roots: tuple[str, ...]  # sorted CAMEO roots; () = no codable event
    origin: str  # "codebook:0211", "plover:<id>", "wikinews:<article id>"
    fold: Fold


def norm(text: str) -> str:
    """The text as the leak guard and the folds compare it: lower case, single spaces."""
    return " ".join(text.lower().split())


def text_fold(text: str) -> Fold:
    """``select`` for one normalised text in SELECT_MODULUS, fixed by its SHA-256."""
    digest = int(hashlib.sha256(("select|" + norm(text)).encode("utf-8")).hexdigest(), 16)
    return "select" if digest % SELECT_MODULUS == 0 else "train"


def select_articles(article_ids: Iterable[str]) -> set[str]:
    """The Wikinews dev articles held aside: the SELECT_ARTICLES first by SHA-256 of the id."""
    dev = sorted(
        (hashlib.sha256(("select|" + a).encode("utf-8")).hexdigest(), a)
        for a in article_ids
        if part_of(a) == "dev"
    )
    return {a for _, a in dev[:SELECT_ARTICLES]}


def _records(path: Path) -> Iterator[dict[str, Any]]:
    if not path.is_file():
        raise EvaluationError("training data file not found; set NEWSLEDGER_DATA", origin=str(path))
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    raise EvaluationError(f"not JSON ({exc})", origin=str(path), line=n) from exc


def plover_roots(table: Path) -> dict[str, str]:
    """PLOVER type -> the CAMEO root most of its codes come from (CAMEO2PLOVER table)."""
    counts: dict[str, Counter[str]] = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        head, _, rest = line.partition(":")
        if line.startswith("#") or not head.strip().isdigit() or not rest.strip():
            continue
        plover = rest.split("#")[0].split(",")[0].strip()
        if plover:
            counts.setdefault(plover, Counter())[head.strip()[:2]] += 1
    return {p: c.most_common(1)[0][0] for p, c in counts.items()}


Labelled = tuple[str, str, str]  # (record id, text, CAMEO root)


def _codebook(root: Path) -> list[Labelled]:
    """(id, text, root) of every codebook example, all parts (the caller splits)."""
    out = []
    for rec in _records(root / CODEBOOK):
        text = _NOTE.sub("", str(rec.get("example") or "")).strip()
        if len(text.split()) >= MIN_WORDS:  # not a placeholder such as "NEED EXAMPLE."
            out.append((str(rec["code"]), text, str(rec.get("root") or str(rec["code"])[:2])))
    return out


def _plover(root: Path, codebook_roots: dict[str, str]) -> list[Labelled]:
    by_type = plover_roots(root / PLOVER_TABLE)
    out = []
    for rec in _records(root / PLOVER):
        text = str(rec["text"])
        label = codebook_roots.get(norm(text)) or by_type.get(str(rec.get("event")))
        if label:
            out.append((str(rec["id"]), text, label))
    return out


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` (paragraphs, then end punctuation)."""
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        for cut in _SENTENCE_END.finditer(para.group()):
            spans.append((start, para.start() + cut.start() + len(cut.group().rstrip())))
            start = para.start() + cut.end()
        spans.append((start, para.end()))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _wikinews(root: Path) -> list[tuple[str, str, tuple[str, ...]]]:
    """(article id, sentence, roots) of every sentence of every gold article."""
    texts = {str(r["id"]): str(r["text"]) for r in _records(root / WIKINEWS_ARTICLES)}
    out = []
    for rec in _records(root / WIKINEWS):
        article = str(rec["id"])
        text = texts.get(article)
        if text is None:
            raise EvaluationError(f"article {article} missing from articles.jsonl", origin=str(root))
        gold = [
            (text.find(str(e["sentence"])), str(e["sentence"]), str(e["cameo_root"])) for e in rec["events"]
        ]
        for a, b in split_sentences(text):
            roots = {r for at, s, r in gold if at >= 0 and at < b and at + len(s) > a}
            out.append((article, text[a:b].strip(), tuple(sorted(roots))))
    return out


def _sources(root: Path) -> tuple[list[Labelled], list[Labelled], list[tuple[str, str, tuple[str, ...]]]]:
    codebook = _codebook(root)
    plover = _plover(root, {norm(t): r for _, t, r in codebook})
    return codebook, plover, _wikinews(root)


def _check_texts(codebook: list[Labelled], plover: list[Labelled], wikinews: list[Any]) -> set[str]:
    texts = {norm(t) for i, t, _ in codebook + plover if part_of(i) == "check"}
    return texts | {norm(t) for a, t, _ in wikinews if part_of(a) == "check"}


def word_set(text: str) -> frozenset[str]:
    """The words of ``text`` in lower case (letters and digits), as near copies are compared."""
    return frozenset(re.findall(r"[a-z0-9]+", text.lower()))


def near_duplicate(a: frozenset[str], b: frozenset[str]) -> bool:
    """True when two sentences share at least NEAR of their words (Jaccard): the PLOVER
    examples are lightly edited copies of the codebook's, so exact matching misses them."""
    return bool(a and b) and len(a & b) >= NEAR * len(a | b)


def _near_groups(words: list[frozenset[str]]) -> list[int]:
    """A group number per sentence: near copies (transitively) share one."""
    parent = list(range(len(words)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(words):
        for j in range(i):
            if near_duplicate(a, words[j]):
                parent[find(i)] = find(j)
    return [find(i) for i in range(len(words))]


def build_check_texts(root: Path) -> set[str]:
    """The normalised text of every check sentence (codebook, PLOVER, Wikinews check articles)."""
    return _check_texts(*_sources(root))


def labelled_sentences(path: Path, gold_articles: set[str]) -> list[tuple[str, str, tuple[str, ...]]]:
    """(article id, sentence, roots) of our own labelled Wikinews sentences (data/event_model);
    a gold_wikinews article there is an error (its check part must stay unseen)."""
    out = []
    for rec in _records(path):
        article = str(rec["article"])
        if article in gold_articles:
            raise EvaluationError(
                f"{article} is a gold_wikinews article: label another one", origin=str(path)
            )
        roots = tuple(sorted(str(r) for r in rec["roots"]))
        if not set(roots) <= set(ROOTS):
            raise EvaluationError(f"unknown CAMEO root in {roots}", origin=str(path))
        out.append((article, str(rec["sentence"]), roots))
    return out


def article_fold(article: str) -> Fold:
    """``select`` for one labelled article in SELECT_MODULUS, fixed by the SHA-256 of its id."""
    digest = int(hashlib.sha256(("select|" + article).encode("utf-8")).hexdigest(), 16)
    return "select" if digest % SELECT_MODULUS == 0 else "train"


def build_examples(root: Path, labelled: Path | None = None) -> list[Example]:
    """The labelled dev sentences with their fold; check records and check texts left out.
    ``labelled``: a file of our own labelled Wikinews sentences to add (:func:`labelled_sentences`)."""
    codebook, plover, wikinews = _sources(root)
    check_texts = _check_texts(codebook, plover, wikinews)
    held = select_articles({a for a, _, _ in wikinews})
    merged: dict[str, Example] = {}
    rows: list[tuple[str, str, tuple[str, ...], Fold]]
    rows = [(f"codebook:{i}", t, (r,), text_fold(t)) for i, t, r in codebook if part_of(i) == "dev"]
    rows += [(f"plover:{i}", t, (r,), text_fold(t)) for i, t, r in plover if part_of(i) == "dev"]
    rows += [
        (f"wikinews:{a}", t, rs, "select" if a in held else "train")
        for a, t, rs in wikinews
        if part_of(a) == "dev"
    ]
    if labelled is not None:
        own = labelled_sentences(labelled, {a for a, _, _ in wikinews})
        rows += [(f"labelled:{a}", t, rs, article_fold(a)) for a, t, rs in own]
    check_words = [word_set(t) for t in check_texts]
    # a near copy of a check sentence ("Soviet" for "Russian", curly quotes) is left out too
    rows = [r for r in rows if not any(near_duplicate(word_set(r[1]), c) for c in check_words)]
    groups = _near_groups([word_set(r[1]) for r in rows])
    held_groups = {g for g, r in zip(groups, rows, strict=True) if r[3] == "select"}
    for group, (origin, text, roots, _) in zip(groups, rows, strict=True):
        key = norm(text)
        fold: Fold = "select" if group in held_groups else "train"  # near copies share a fold
        if key in merged:  # one sentence in two sets: one example with the roots of both
            old = merged[key]
            roots = tuple(sorted(set(old.roots) | set(roots)))
            origin = old.origin
        merged[key] = Example(text, tuple(sorted(roots)), origin, fold)
    return list(merged.values())
