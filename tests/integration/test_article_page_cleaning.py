"""The article page says when an article was not analysed (its language is not English) and
what cleaning removed from its input; an analysed article with its text as given says so too."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import httpx

from newsledger.api.app import create_app
from newsledger.store import SQLStore
from newsledger.store.base import Batch

from ..browser.live import serve  # noqa: TID252
from ..records import result  # noqa: TID252


def _pages(tmp_path: Path) -> tuple[str, str]:
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    plain, french = result(0), result(1)
    article = replace(
        french.article, language="fr", analysed=False, cleaning=(("external_links", 3), ("headings", 1))
    )
    store = SQLStore(url)
    store.write_batch(Batch("r", results=[plain, replace(french, article=article, events=(), statements=())]))
    store.close()
    with serve(create_app(url)) as base, httpx.Client(base_url=base, timeout=30) as client:
        pages = [
            client.get(f"/articles/{r.article.article_id}", headers={"Accept": "text/html"})
            for r in (plain, french)
        ]
    assert [p.status_code for p in pages] == [200, 200]
    return pages[0].text, pages[1].text


def test_article_page_says_not_analysed_and_what_cleaning_removed(tmp_path: Path) -> None:
    plain, french = _pages(tmp_path)
    assert "Not analysed" in french and "“fr”" in french
    assert "removed external links (3), headings (1) from the input" in french
    assert "Not analysed" not in plain and "not analysed" not in plain
    assert "none: the text is the input's text as given" in plain
