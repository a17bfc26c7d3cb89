"""The main job end to end through the CLI: ingest, list, show, export — on real files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.export.contract import validate

runner = CliRunner()


def _ingest(db: str, *inputs: str) -> tuple[int, str]:
    res = runner.invoke(app, ["ingest", "--db", db, "--quiet", "--workers", "1", *inputs])
    return res.exit_code, res.output


def _export(db: str, kind: str) -> list[dict[str, object]]:
    res = runner.invoke(app, ["export", kind, "--db", db, "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    return [json.loads(line) for line in res.stdout.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory, seed_article_path: Path) -> str:
    db = f"sqlite:///{tmp_path_factory.mktemp('seed') / 'seed.db'}"
    code, output = _ingest(db, str(seed_article_path.parent))
    assert code == 0, output
    return db


def test_seed_article_yields_people_quotes_and_the_dated_visit(seed_db: str) -> None:
    actors = {a["name"]: a for a in _export(seed_db, "actors")}
    for name, country in (
        ("Mohammad Javad Zarif", "IRN"),
        ("Ali Shamkhani", "IRN"),
        ("Zabihollah Mojahed", "AFG"),
        ("Zalmay Khalilzad", "USA"),
    ):
        assert name in actors, sorted(actors)
        assert actors[name]["kind"] == "person" and actors[name]["country"] == country
    statements = _export(seed_db, "statements")
    speakers = {s["speaker"]["name"] for s in statements if s["speaker"] and s["kind"] == "direct"}
    assert {"Ali Shamkhani", "Zabihollah Mojahed"} <= speakers
    visits = [
        e
        for e in _export(seed_db, "events")
        if e["cameo_code"].startswith("04") and e["date"] == "2021-01-27"
    ]
    assert visits, "the January 27 visit must be an event dated 2021-01-27"
    assert any((e["location"] or {}).get("name") == "Tehran" for e in visits)


def test_every_export_validates_against_the_contract(seed_db: str, tmp_path: Path) -> None:
    for kind in ("articles", "actors", "events", "statements", "contradictions"):
        records = _export(seed_db, kind)
        # The seed article yields every kind (its contradictions are the point of the example).
        assert records, f"no {kind} exported from the seed article: nothing validated"
        for record in records:
            assert validate(kind, record) == [], record
    for fmt in ("csv", "parquet"):
        out = tmp_path / f"events.{fmt}"
        res = runner.invoke(app, ["export", "events", "--db", seed_db, "--format", fmt, "--out", str(out)])
        assert res.exit_code == 0 and out.stat().st_size > 0, res.output


def test_reingest_is_a_noop(seed_db: str, seed_article_path: Path) -> None:
    before = runner.invoke(app, ["stats", "--db", seed_db, "--json"]).stdout
    code, output = _ingest(seed_db, str(seed_article_path))
    assert code == 0 and "already in the ledger" in output
    assert runner.invoke(app, ["stats", "--db", seed_db, "--json"]).stdout == before


def test_listings_show_and_search(seed_db: str) -> None:
    [article] = _export(seed_db, "articles")
    for args in (["articles"], ["actors"], ["events"], ["statements"], ["stats"], ["contradictions"],
                 ["show", str(article["article_id"])], ["search", "Taliban"]):  # fmt: skip
        res = runner.invoke(app, [*args, "--db", seed_db])
        assert res.exit_code == 0, (args, res.output)
    plain = runner.invoke(app, ["show", str(article["article_id"]), "--db", seed_db])
    assert "According to [the Iranian government’s] law" in " ".join(plain.stdout.split())  # not rich markup
    shown = runner.invoke(app, ["show", str(article["article_id"]), "--db", seed_db, "--json"])
    assert json.loads(shown.stdout)["events"]
    assert runner.invoke(app, ["show", "nope", "--db", seed_db]).exit_code == 1


def test_bad_inputs_are_reported_skipped_and_the_rest_goes_on(
    tmp_path: Path, seed_article_path: Path
) -> None:
    import gzip

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(seed_article_path, folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (folder / "latin1.txt").write_bytes(
        "Titre\n\nLe ministre a visité Genève hier pour des entretiens.".encode("latin-1")
    )
    good = json.dumps(
        {"id": "1", "title": "Talks", "text": "Iran and Russia held talks in Moscow on Monday about Syria."}
    )
    (folder / "records.jsonl").write_text(good + "\n{not json\n")
    (folder / "cut.jsonl.gz").write_bytes(
        gzip.compress(((good.replace('"1"', '"2"') + "\n") * 50).encode())[:40]
    )
    (folder / "nobody.html").write_text("<html><body><nav>Home</nav></body></html>")
    db = f"sqlite:///{tmp_path / 'bad.db'}"
    code, output = _ingest(db, str(folder))
    assert code == 3, output
    from newsledger.store import open_store

    store = open_store(db)
    errors = {(Path(e["origin"]).name, e["line"], e["code"]) for e in store.errors()}
    assert errors == {
        ("empty.txt", None, "NL-E101"),
        ("binary.txt", None, "NL-E102"),
        ("latin1.txt", None, "NL-E103"),
        ("records.jsonl", 2, "NL-E105"),
        ("cut.jsonl.gz", None, "NL-E104"),
        ("nobody.html", None, "NL-E106"),
    }
    assert store.stats()["articles"] == 2  # the seed article and the good JSONL record
