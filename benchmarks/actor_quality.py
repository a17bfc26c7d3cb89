"""How far the actors of an ingested database are real, placed and clean (issue #12, item 2).

Prints figures; asserts nothing.  Run after ingesting a sample of the corpus::

    head -300 ../shared/data/news_corpus/*.jsonl > /tmp/a300.jsonl
    newsledger ingest --db /tmp/a.db /tmp/a300.jsonl
    python benchmarks/actor_quality.py /tmp/a.db --sample 40 --seed 12

Figures: actors by id scheme; the share of person actors taking part in an event that have a
country; junk signals (markup in a name, a person named like a place, a lower-case or
digit-bearing person, a one-word person that is a common noun of the knowledge base); generic
aliases (a bare agent word such as "Senator" or "army" as an alias).  ``--sample N`` prints N
random actors with a mention in context, for a reader to judge by hand (real actor? country
right? sector right?).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sqlite3
import unicodedata
from collections import Counter
from typing import Any

MARKUP = re.compile(r"==|<!--|\||\{\{|\[\[|\]\]|<[a-z/]")


def _kb() -> Any:
    from newsledger.stages.actors import build_kb

    return build_kb()


def junk_reason(kb: Any, actor_id: str, name: str, kind: str) -> str | None:
    """Why a name is not a real actor's name, or None."""
    if MARKUP.search(name):
        return "markup"
    if kind != "person":
        return None
    hit = kb.lookup(name)
    if hit is not None and hit.how in ("country", "capital", "demonym"):
        return "place"
    if any(c.isdigit() for c in name):
        return "digits"
    words = name.split()
    if not words or not any(c.isupper() for c in name):
        return "lower-case"
    if len(words) == 1 and (name.isupper() or kb.agent(name) is not None):
        return "acronym-or-common-word"
    return None


def generic_alias(kb: Any, alias: str) -> bool:
    """A bare agent word ("Senator", "army", "government") is no name of one actor."""
    return len(alias.split()) <= 2 and kb.agent(alias) is not None and kb.lookup(alias) is None


def report(db: str, sample: int, seed: int) -> None:
    con = sqlite3.connect(db)
    rows = con.execute("select actor_id, name, kind, country, sector, aliases, roles from actors").fetchall()
    schemes = Counter(r[0].split(":", 1)[0] if ":" in r[0] else "(bare)" for r in rows)
    print("actors", len(rows), "by id scheme", dict(schemes.most_common()))
    in_events = {
        a
        for pair in con.execute("select source_actor_id, target_actor_id from events")
        for a in pair
        if a is not None
    }
    persons = [r for r in rows if r[2] == "person" and r[0] in in_events]
    placed = [r for r in persons if r[3]]
    share = len(placed) / len(persons) if persons else 0.0
    print(f"person actors in events: {len(persons)}, with a country: {len(placed)} ({share:.1%})")
    kb = _kb()
    junk = Counter()
    examples: dict[str, list[str]] = {}
    for actor_id, name, kind, *_ in rows:
        reason = junk_reason(kb, actor_id, name, kind)
        if reason:
            junk[reason] += 1
            examples.setdefault(reason, []).append(name)
    print("junk names", sum(junk.values()), dict(junk))
    for reason, names in examples.items():
        print(f"  {reason}: {names[:12]}")
    generic = [
        (r[1], a) for r in rows for a in json.loads(r[5] or "[]") if a != r[1] and generic_alias(kb, a)
    ]
    print("generic aliases", len(generic), generic[:15])
    splits = split_pairs(con)
    print("split persons (one article names one person as two actors)", len(splits), splits[:12])
    merges = [
        (r[1], a)
        for r in rows
        if r[2] == "person"
        for a in json.loads(r[5] or "[]")
        if _words(a) and not _words(a) & _words(r[1]) and a not in _kb_aliases(kb, r[0])
    ]
    print("merged persons (an alias sharing no word with the name)", len(merges), merges[:12])
    if sample:
        _print_sample(con, rows, sample, seed)


def _kb_aliases(kb: Any, actor_id: str) -> tuple[str, ...]:
    """The names the knowledge base itself gives an actor (not a merge made by an article)."""
    known = kb.actors.get(actor_id)
    return tuple(known.aliases) if known is not None else ()


def _words(name: str) -> set[str]:
    """Capitalised words of a name, lower-case and without accents ("Chávez" ~ "Chavez")."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return {w.lower().strip(".,'") for w in plain.replace("-", " ").split() if w[:1].isupper()}


def split_pairs(con: sqlite3.Connection) -> list[tuple[str, str]]:
    """Pairs of person actors mentioned in one article where one name is a run of the other's
    words ("Helms" / "Jesse Helms", "Tewolde Berhan" / "Tewolde Berhan Gebre Egziabher")."""
    people: dict[str, set[tuple[str, str]]] = {}
    query = (
        "select distinct m.article_id, a.actor_id, a.name from mentions m "
        "join actors a on a.actor_id = m.actor_id where a.kind = 'person'"
    )
    for article_id, actor_id, name in con.execute(query):
        people.setdefault(article_id, set()).add((actor_id, name))
    out = []
    for found in people.values():
        for a_id, a_name in found:
            for b_id, b_name in found:
                a_words, b_words = a_name.split(), b_name.split()
                if a_id == b_id or len(b_words) >= len(a_words):
                    continue
                n = len(b_words)
                if any(a_words[i : i + n] == b_words for i in range(len(a_words) - n + 1)):
                    out.append((b_name, a_name))
    return sorted(set(out))


def _print_sample(con: sqlite3.Connection, rows: list[Any], n: int, seed: int) -> None:
    rng = random.Random(seed)
    for actor_id, name, kind, country, sector, aliases, roles in rng.sample(rows, min(n, len(rows))):
        mention = con.execute(
            'select m.start, m."end", a.text from mentions m join articles a on a.article_id = m.article_id '
            "where m.actor_id = ? limit 1",
            (actor_id,),
        ).fetchone()
        context = ""
        if mention:
            start, end, text = mention
            context = text[max(0, start - 80) : end + 60].replace("\n", " ")
        role_text = "; ".join(
            f"{r.get('title')}|{r.get('country')}|{r.get('sector')}" for r in json.loads(roles or "[]")
        )
        print(f"\n{actor_id} | {name} | {kind} | {country} | {sector} | roles: {role_text[:120]}")
        print(f"   aliases: {json.loads(aliases or '[]')[:6]}")
        print(f"   ...{context}...")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("db")
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    report(args.db, args.sample, args.seed)


if __name__ == "__main__":
    main()
