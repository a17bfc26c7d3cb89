"""Score actor resolution: the seed article (hand-made gold) and the PETRARCH validation set.

* **seed** — every person and organisation named in ``../shared/examples/seed_article_2021-01-29.txt``,
  their partial names, titles and every "he" that introduces a quote, plus the collective and
  NORP references, with the canonical actor each must resolve to (written below by hand).  A
  reference is right when the mention covering it resolves to the expected actor (by canonical
  name for people and organisations) with the expected country and sector on the article date.
* **petrarch** — ``event_coding/petrarch_validation/dev.jsonl`` with its own dictionaries: for
  each expected source/target code of a record, is there a mention in the sentence whose actor,
  on the record's date, has exactly that CAMEO code?  Quoted new-actor strings and the bare null
  codes ``---``/``###`` ("no actor found", which no mention can carry) are not scored; codes
  such as ``---GOV`` (an agent of unknown country) are.

``accuracy`` pools both; ``breakdown`` gives each part and the seed's categories.
* **speakers** — PolNeAR dev articles (``quotes/polnear_train_dev.jsonl``): the share of
  attributed speakers ("Lynch", "she", "the agency") that some resolved mention covers.  PolNeAR
  gives speakers as written, not as entities, so this is a coverage figure
  (``speaker_coverage``), reported beside the accuracy and not pooled into it.

Options: ``seed=False`` / ``petrarch=False`` / ``speakers=False`` skip a part; ``dictionaries``
replaces the validation dictionaries folder; ``gold`` replaces the PETRARCH records file;
``limit`` caps the PETRARCH records and the PolNeAR articles.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..models import AnalyzedArticle, Article, Mention, Sentence
from ..pipeline import PipelineConfig, Resources
from .base import EvalReport, data_path, data_root, seed_article_path

__all__ = ["SEED_GOLD", "Gold", "evaluate", "score_petrarch", "score_seed", "score_speakers"]

SEED = seed_article_path()
PETRARCH = "event_coding/petrarch_validation/dev.jsonl"
PETRARCH_DICTS = "event_coding/petrarch_validation/dictionaries"
SPEAKERS = "quotes/polnear_train_dev.jsonl"


@dataclass(frozen=True)
class Gold:
    """``text`` (its ``nth`` whole-word occurrence in the article text) must resolve to the
    actor named ``name`` (None: any name) with ``country`` and ``sector`` (None: not checked)."""

    category: str
    text: str
    nth: int
    name: str | None
    country: str | None
    sector: str | None = None
    after: str = ""  # count occurrences from the first occurrence of this text


ZARIF = "Mohammad Javad Zarif"
BARADAR = "Abdul Ghani Baradar"
MOJAHED = "Zabihollah Mojahed"
SHAMKHANI = "Ali Shamkhani"
PMOI = "People's Mojahedin Organization of Iran"
NCRI = "National Council of Resistance of Iran"

#: The seed article on 2021-01-29 (offsets are found by text and occurrence, so the gold does
#: not depend on how the file's title and date lines are stripped).
SEED_GOLD: tuple[Gold, ...] = (
    # people, full names
    Gold("person", "Mohammad Javad Zarif", 0, ZARIF, "IRN", "GOV"),
    Gold("person", "Abdulghani Baradar", 0, BARADAR, "AFG", "INS"),
    Gold("person", "Zabihollah Mojahed", 0, MOJAHED, "AFG", "INS"),
    Gold("person", "Ali Shamkhani", 0, SHAMKHANI, "IRN", "GOV"),
    Gold("person", "Zalmay Khalilzad", 0, "Zalmay Khalilzad", "USA", "GOV"),
    # partial names
    Gold("partial", "Baradar", 1, BARADAR, "AFG", "INS"),
    Gold("partial", "Javad Zarif", 1, ZARIF, "IRN", "GOV"),
    Gold("partial", "Mojahed", 1, MOJAHED, "AFG", "INS"),
    Gold("partial", "Zarif", 2, ZARIF, "IRN", "GOV"),
    Gold("partial", "Shamkhani", 1, SHAMKHANI, "IRN", "GOV"),
    Gold("partial", "Shamkhani", 2, SHAMKHANI, "IRN", "GOV"),
    Gold("partial", "Shamkhani", 3, SHAMKHANI, "IRN", "GOV"),
    Gold("partial", "Shamkhani", 4, SHAMKHANI, "IRN", "GOV"),
    Gold("partial", "Shamkhani", 5, SHAMKHANI, "IRN", "GOV"),
    Gold("partial", "Abdulghani", 1, BARADAR, "AFG", "INS"),
    # titles
    Gold("title", "Taliban deputy", 0, BARADAR, "AFG", "INS"),
    Gold("title", "Iranian Foreign Minister", 0, ZARIF, "IRN", "GOV"),
    Gold("title", "Taliban spokesperson", 0, MOJAHED, "AFG", "INS"),
    Gold("title", "Foreign Minister", 2, ZARIF, "IRN", "GOV"),
    Gold("title", "the Secretary", 0, SHAMKHANI, "IRN", "GOV"),
    Gold(
        "title",
        "U.S. Special Representative for Afghanistan Reconciliation",
        0,
        "Zalmay Khalilzad",
        "USA",
        "GOV",
    ),
    # every "he" that introduces a quote or a claim
    Gold("pronoun", "he", 0, MOJAHED, "AFG", "INS"),
    Gold("pronoun", "he", 1, ZARIF, "IRN", "GOV"),
    Gold("pronoun", "who", 0, "Zalmay Khalilzad", "USA", "GOV", after="Zalmay Khalilzad"),
    # "it"/"its" for governments and organisations
    Gold("it", "it", 0, None, "IRN", "GOV", after="also claims that"),
    Gold("it", "its", 0, None, "AFG", "GOV", after="repeatedly stated"),
    Gold("it", "Its", 0, None, "IRN", "GOV", after="for its actions. Its"),
    Gold("it", "its diplomats", 0, None, "IRN", "GOV"),
    # definite descriptions of an organisation named before
    Gold("definite", "terrorist group", 0, "Taliban", "AFG", "INS"),
    Gold("definite", "group", 0, "Taliban", "AFG", "INS", after="negotiations with the"),
    Gold("definite", "group’s leaders", 0, "Taliban", "AFG", "INS"),
    Gold("organization", "Taliban’s political delegation", 0, "Taliban", "AFG", "INS"),
    Gold("organization", "MEK Iran", 0, PMOI, "IRN", "OPP", after="MEK Iran (follow"),
    # organisations
    Gold("organization", "NCRI", 0, NCRI, "IRN", "OPP"),
    Gold("organization", "PMOI / MEK Iran", 0, PMOI, "IRN", "OPP"),
    Gold("organization", "National Council of Resistance of Iran", 0, NCRI, "IRN", "OPP"),
    Gold("organization", "People’s Mojahedin of Iran", 0, PMOI, "IRN", "OPP"),
    Gold("organization", "Taliban", 0, "Taliban", "AFG", "INS"),
    Gold("organization", "Taliban", 1, "Taliban", "AFG", "INS"),
    Gold("organization", "Taliban", 4, "Taliban", "AFG", "INS"),
    Gold(
        "organization",
        "Supreme National Security Council",
        0,
        "Supreme National Security Council",
        "IRN",
        "GOV",
    ),
    Gold("organization", "Tolou", 0, "Tolo News", "AFG", "MED"),
    Gold("organization", "Twitter", 0, "Twitter", "USA", None),
    Gold("organization", "People’s Mojahedin Organization of Iran", 0, PMOI, "IRN", "OPP"),
    Gold("organization", "Iranian Resistance", 0, NCRI, "IRN", "OPP"),
    # collectives, NORP + agent, capitals, countries
    Gold("group", "Iranian regime officials", 0, None, "IRN", "GOV"),
    Gold("group", "Mullahs regime", 0, None, "IRN", "GOV"),
    Gold("group", "regime", 2, None, "IRN", "GOV"),  # the regime’s Foreign Minister
    Gold("group", "Iranian regime", 1, None, "IRN", "GOV"),
    Gold("group", "Afghan government", 0, None, "AFG", "GOV"),
    Gold("group", "Afghan analysts", 0, None, "AFG", None),
    Gold("group", "Afghan citizens", 0, None, "AFG", "CVL"),
    Gold("group", "U.S. forces", 0, None, "USA", "MIL"),
    Gold("group", "Iranian embassy", 0, None, "IRN", "GOV"),
    Gold("group", "Iranian government", 0, None, "IRN", "GOV"),
    Gold("group", "mullahs", 0, None, "IRN", "GOV"),
    Gold("group", "Tehran", 0, None, "IRN", None),
    Gold("country", "Iran", 0, "Iran", "IRN", None, after="suggested"),
    Gold("country", "Iran", 0, "Iran", "IRN", None, after="Iran has yet"),
    Gold("country", "Qatar", 0, "Qatar", "QAT", None),
    Gold("country", "United States", 0, "United States", "USA", None),
)


def _pattern(phrase: str) -> str:
    return r"(?<!\w)" + r"\s+".join(re.escape(w) for w in phrase.split()) + r"(?!\w)"


def _find(text: str, phrase: str, nth: int, after: str = "") -> tuple[int, int] | None:
    """Offsets of the ``nth`` whole-word occurrence of ``phrase`` at or after ``after``."""
    pattern = _pattern(phrase)
    anchor = re.search(_pattern(after), text) if after else None
    if after and anchor is None:
        return None
    offset = anchor.start() if anchor else 0
    found = [(m.start() + offset, m.end() + offset) for m in re.finditer(pattern, text[offset:])]
    return found[nth] if nth < len(found) else None


def mention_for(item: AnalyzedArticle, start: int, end: int) -> Mention | None:
    """The mention with exactly this span, else the smallest resolved one covering it, else
    the one :meth:`AnalyzedArticle.mention_at` gives."""
    covering = [m for m in item.mentions if m.actor_id and m.start <= start and end <= m.end]
    exact = [m for m in covering if (m.start, m.end) == (start, end)]
    if exact:
        return exact[0]
    if covering:
        return min(covering, key=lambda m: m.end - m.start)
    return item.mention_at(start, end)


def analyze(
    article: Article, config: PipelineConfig | None = None, res: Resources | None = None
) -> AnalyzedArticle:
    from ..stages.actors import resolve_actors
    from ..stages.nlp import nlp_for

    res = res or Resources(config or PipelineConfig())
    item = AnalyzedArticle(article)
    item.doc = nlp_for(res)(article.text)
    item.sentences = [Sentence(i, s.start_char, s.end_char, s.text) for i, s in enumerate(item.doc.sents)]
    resolve_actors(item, res)
    return item


def seed_article(path: Path) -> Article:
    from ..knowledge.outlets import OutletRegistry
    from ..models import RawDocument
    from ..stages.extract import extract_article
    from ..stages.ingest import read_documents

    for raw in read_documents(str(path)):
        if isinstance(raw, RawDocument):
            return extract_article(raw, OutletRegistry.load())
    raise FileNotFoundError(path)


def score_seed(item: AnalyzedArticle, gold: tuple[Gold, ...] = SEED_GOLD) -> dict[str, Any]:
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    errors: list[str] = []
    for g in gold:
        total[g.category] += 1
        span = _find(item.article.text, g.text, g.nth, g.after)
        mention = mention_for(item, *span) if span else None
        ref = item.actor_ref(mention.actor_id) if mention else None
        ok = ref is not None
        if ref is not None:
            ok = (g.name is None or ref.name.lower() == g.name.lower()) and ref.country == g.country
            ok = ok and (g.sector is None or ref.sector == g.sector)
        if ok:
            right[g.category] += 1
        else:
            got = f"{ref.name} {ref.cameo_code}" if ref else "nothing"
            errors.append(
                f"seed: {g.text!r}#{g.nth} -> {got}; expected {g.name or ''} {g.country}{g.sector or ''}"
            )
    outlet_ok = any(a.kind == "organization" and a.name == NCRI for a in item.actors.values())
    total["outlet"] += 1
    right["outlet"] += int(outlet_ok)
    if not outlet_ok:
        errors.append("seed: no actor for the outlet (NCRI)")
    n = sum(total.values())
    return {
        "n": n,
        "correct": sum(right.values()),
        "accuracy": round(sum(right.values()) / n, 4) if n else 0.0,
        "categories": {c: {"n": total[c], "accuracy": round(right[c] / total[c], 4)} for c in total},
        "errors": errors,
    }


def score_petrarch(records: list[dict[str, Any]], dictionaries: str) -> dict[str, Any]:
    res = Resources(PipelineConfig(dictionaries=dictionaries))
    right = total = 0
    by_category: dict[str, list[int]] = {}
    errors: list[str] = []
    for rec in records:
        raw_date = str(rec.get("date") or "")
        day = f"{raw_date[:4]}-{raw_date[4:6]}-{raw_date[6:8]}" if len(raw_date) == 8 else None
        codes = {
            code
            for ev in rec.get("expected_events") or ()
            for code in (ev.get("source"), ev.get("target"))
            if code and not code.startswith('"') and code.strip("-#")
        }
        if not codes:
            continue
        item = analyze(Article(f"petrarch-{rec['index']}", "", rec["text"], day), res=res)
        got = {ref.cameo_code for m in item.mentions if (ref := item.actor_ref(m.actor_id))}
        for code in sorted(codes):
            total += 1
            hit = code in got
            right += hit
            cell = by_category.setdefault(str(rec.get("category")), [0, 0])
            cell[0] += hit
            cell[1] += 1
            if not hit:
                errors.append(f"petrarch {rec.get('id')}: {code} not in {sorted(c for c in got if c)}")
    return {
        "n": total,
        "correct": right,
        "accuracy": round(right / total, 4) if total else 0.0,
        "categories": {
            c: {"n": v[1], "accuracy": round(v[0] / v[1], 4)} for c, v in sorted(by_category.items())
        },
        "errors": errors,
    }


def score_speakers(records: list[dict[str, Any]], limit: int | None = None) -> dict[str, Any]:
    """Share of attributed speakers in real political news (PolNeAR) that the stage resolves:
    the speaker span must overlap a mention with an actor.  A coverage figure (PolNeAR gives
    speakers as written, not as entities), reported beside the accuracies, not pooled."""
    res = Resources(PipelineConfig())
    covered: Counter[str] = Counter()
    total: Counter[str] = Counter()
    misses: Counter[str] = Counter()
    seen_docs: set[str] = set()
    for rec in records:
        if rec["doc"] in seen_docs:
            continue
        if limit is not None and len(seen_docs) >= limit:
            break
        seen_docs.add(rec["doc"])
        item = analyze(Article(rec["id"], rec.get("title") or "", rec["text"], rec.get("date")), res=res)
        for quote in rec.get("quotes") or ():
            spans = quote.get("speaker_spans") or []
            if not spans:
                continue
            speaker = str(quote.get("speaker") or "")
            kind = "pronoun" if speaker.lower() in _PRONOUNS else "name/phrase"
            total[kind] += 1
            start, end = spans[0][0], spans[-1][1]
            if item.mention_at(start, end) is not None:
                covered[kind] += 1
            else:
                misses[speaker.lower()] += 1
    n = sum(total.values())
    return {
        "n": n,
        "docs": len(seen_docs),
        "coverage": round(sum(covered.values()) / n, 4) if n else 0.0,
        "kinds": {k: {"n": total[k], "coverage": round(covered[k] / total[k], 4)} for k in total},
        "top_misses": misses.most_common(25),
    }


_PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "him", "her", "them"}


def load_records(gold: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    path = Path(gold) if gold else data_path(PETRARCH)
    out: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                out.append(json.loads(line))
            if limit is not None and len(out) >= limit:
                break
    return out


def evaluate(gold: str | None = None, *, limit: int | None = None, **options: object) -> EvalReport:
    breakdown: dict[str, dict[str, Any]] = {}
    notes: list[str] = []
    right = n = 0
    if options.get("seed", True) is not False:
        if SEED.is_file():
            user_dicts = options.get("dictionaries")
            config = PipelineConfig(dictionaries=str(user_dicts)) if user_dicts else PipelineConfig()
            seed = score_seed(analyze(seed_article(SEED), config))
            notes += seed.pop("errors")
            breakdown["seed"] = seed
            right, n = right + seed["correct"], n + seed["n"]
        else:
            notes.append(f"seed article not found at {SEED}; skipped")
    if options.get("petrarch", True) is not False:
        root = data_root()
        dicts = options.get("dictionaries") or (str(root / PETRARCH_DICTS) if root else None)
        if dicts is None:
            notes.append("PETRARCH validation data not found; skipped (set NEWSLEDGER_DATA)")
        else:
            pet = score_petrarch(load_records(gold, limit), str(dicts))
            notes += pet.pop("errors")
            breakdown["petrarch"] = pet
            right, n = right + pet["correct"], n + pet["n"]
    if options.get("speakers", True) is not False:
        root = data_root()
        path = root / SPEAKERS if root else None
        if path is None or not path.is_file():
            notes.append(f"{SPEAKERS} not found; speaker coverage skipped")
        else:
            records = [r for r in load_records(str(path)) if r.get("split") == "dev"]
            breakdown["speakers"] = score_speakers(records, limit)
    metrics: dict[str, Any] = {"n": n, "accuracy": round(right / n, 4) if n else 0.0}
    if "speakers" in breakdown:
        metrics["speaker_coverage"] = breakdown["speakers"]["coverage"]
    for part in ("seed", "petrarch"):
        if part in breakdown:
            metrics[f"{part}_accuracy"] = breakdown[part]["accuracy"]
            metrics[f"{part}_n"] = breakdown[part]["n"]
    return EvalReport("actors", metrics, breakdown, notes)


if __name__ == "__main__":
    report = evaluate()
    print(report.to_json())
    for note in report.notes:
        print("#", note)
