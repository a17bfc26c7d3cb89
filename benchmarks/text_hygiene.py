"""How much wiki/HTML markup is left in the text, titles and actors of the ledger (issue #12, item 1).

Prints figures; asserts nothing.  Two modes::

    # the corpus as given, and as ingest would clean it (no pipeline: seconds)
    python benchmarks/text_hygiene.py corpus ../shared/data/news_corpus/wikinews_en_politics_economy.jsonl

    # an ingested ledger: stored text, titles, actor names and aliases, cleaning, languages
    awk 'NR % 19 == 0' ../shared/data/news_corpus/*.jsonl > /tmp/s300.jsonl
    newsledger ingest --db sqlite:////tmp/s300.db /tmp/s300.jsonl --workers 1
    python benchmarks/text_hygiene.py ledger /tmp/s300.db

The issue's goal: no actor name or alias with ``==``, ``<!--``, ``|`` or ``{{`` on the full corpus.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable

#: What the baseline counted in the corpus, then the issue's markup characters for actors.
TEXT_MARKS = ("==", "[http", "<!--", "&quot;", "|-", "&amp;", "{{", "[[", "{|", "<ref", "|")
ACTOR_MARKS = ("==", "<!--", "|", "{{")


def _count(texts: Iterable[str], marks: tuple[str, ...]) -> tuple[int, Counter[str]]:
    """How many texts hold any mark, and how many hold each one."""
    per_mark: Counter[str] = Counter()
    total = 0
    for text in texts:
        found = [m for m in marks if m in text]
        total += bool(found)
        per_mark.update(found)
    return total, per_mark


def _line(label: str, total: int, per_mark: Counter[str], marks: tuple[str, ...]) -> str:
    detail = ", ".join(f"`{m}` {per_mark[m]}" for m in marks if per_mark[m])
    return f"{label}: {total}" + (f" ({detail})" if detail else "")


def corpus(path: str) -> None:
    from newsledger.text.clean import clean_text, clean_title

    with open(path, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    texts = [str(r.get("text") or "") for r in records]
    titles = [str(r.get("title") or "") for r in records]
    print(f"{len(records)} records in {path}")
    for label, values in (
        ("texts with markup, as given", texts),
        ("titles with markup, as given", titles),
        ("texts with markup, cleaned", [clean_text(t).text for t in texts]),
        ("titles with markup, cleaned", [clean_title(t).text for t in titles]),
    ):
        print(_line(label, *_count(values, TEXT_MARKS), TEXT_MARKS))


def ledger(db: str) -> None:
    con = sqlite3.connect(db)
    columns = {row[1] for row in con.execute("PRAGMA table_info(articles)")}
    articles = con.execute("SELECT title, text FROM articles").fetchall()
    actors = con.execute("SELECT name, aliases FROM actors").fetchall()
    aliases = [a for _, raw in actors for a in json.loads(raw or "[]")]
    print(f"{db}: {len(articles)} articles, {len(actors)} actors, {len(aliases)} aliases")
    print(_line("stored texts with markup", *_count((t for _, t in articles), TEXT_MARKS), TEXT_MARKS))
    print(_line("titles with markup", *_count((t for t, _ in articles), TEXT_MARKS), TEXT_MARKS))
    print(_line("actor names with markup", *_count((n for n, _ in actors), ACTOR_MARKS), ACTOR_MARKS))
    print(_line("aliases with markup", *_count(aliases, ACTOR_MARKS), ACTOR_MARKS))
    actor_lists = (" ".join(json.loads(raw or "[]")) for _, raw in actors)
    print(_line("actors whose alias list has markup", *_count(actor_lists, ACTOR_MARKS), ACTOR_MARKS))
    if "cleaning" in columns:
        kinds: Counter[str] = Counter()
        cleaned = 0
        for (raw,) in con.execute("SELECT cleaning FROM articles WHERE cleaning IS NOT NULL"):
            removed = json.loads(raw)  # a JSON null was written by ledgers before none_as_null
            cleaned += bool(removed)
            kinds.update((removed or {}).keys())
        print(f"articles cleaned: {cleaned} ({', '.join(f'{k} {n}' for k, n in kinds.most_common())})")
        langs = con.execute(
            "SELECT language, COUNT(*) FROM articles WHERE NOT analysed GROUP BY language"
        ).fetchall()
        print(f"articles not analysed: {sum(n for _, n in langs)} {dict(langs)}")
    errors = con.execute("SELECT code, COUNT(*) FROM ingest_errors GROUP BY code").fetchall()
    print(f"ingest errors by code: {dict(errors)}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="mode", required=True)
    sub.add_parser("corpus").add_argument("path")
    sub.add_parser("ledger").add_argument("db", help="path of a SQLite ledger")
    args = parser.parse_args()
    if args.mode == "corpus":
        corpus(args.path)
    else:
        ledger(args.db)


if __name__ == "__main__":
    main()
