"""Reading inputs: every bad file is reported with its path (and line) and the rest goes on."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from newsledger.knowledge.outlets import OutletRegistry
from newsledger.models import IngestError, RawDocument
from newsledger.runner import _documents
from newsledger.stages.extract import extract_article
from newsledger.stages.ingest import expand_inputs, read_documents

BODY = "The foreign minister met his counterpart in Geneva on Monday to discuss the ceasefire."


def _docs(*inputs: str) -> list[RawDocument | IngestError]:
    return list(_documents(inputs, None))


def _record(i: int, **extra: object) -> str:
    return json.dumps(
        {"id": str(i), "title": f"Story {i}", "text": f"{BODY} Story {i}.", "date": "2021-01-29"} | extra
    )


def test_folder_is_walked_recursively_and_unsupported_files_are_skipped_quietly(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(f"Title A\n\n{BODY}\n")
    (tmp_path / "b.jsonl").write_text(_record(1) + "\n" + _record(2) + "\n")
    (tmp_path / "SOURCE.md").write_text("# not an article")
    docs = _docs(str(tmp_path))
    assert [type(d).__name__ for d in docs] == ["RawDocument", "RawDocument", "RawDocument"]
    assert [d.line for d in docs if isinstance(d, RawDocument)] == [1, 2, None]


def test_glob_and_named_unsupported_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"Title A\n\n{BODY}\n")
    (tmp_path / "b.txt").write_text(f"Title B\n\n{BODY}\n")
    (tmp_path / "notes.md").write_text("x")
    assert len(_docs(str(tmp_path / "*.txt"))) == 2
    [err] = _docs(str(tmp_path / "notes.md"))
    assert isinstance(err, IngestError) and err.code == "NL-E107" and "notes.md" in err.origin


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("empty.txt", b"", "NL-E101"),
        ("binary.txt", b"abc\x00\x01\x02", "NL-E102"),
        ("missing.txt", None, "NL-E100"),
    ],
)
def test_unreadable_files_become_errors_with_their_path(
    tmp_path: Path, name: str, content: bytes | None, code: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    [err] = list(read_documents(str(path)))
    assert isinstance(err, IngestError)
    assert err.code == code and err.origin == str(path)


def test_truncated_gzip_keeps_records_before_the_damage(tmp_path: Path) -> None:
    data = gzip.compress(("\n".join(_record(i) for i in range(200)) + "\n").encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    docs = list(read_documents(str(path)))
    good = [d for d in docs if isinstance(d, RawDocument)]
    errors = [d for d in docs if isinstance(d, IngestError)]
    assert good and len(good) < 200
    assert len(errors) == 1 and errors[0].code == "NL-E104" and errors[0].origin == str(path)


def test_stdin_is_read_and_sniffed() -> None:
    stream = io.BytesIO((_record(1) + "\n").encode())
    [doc] = list(read_documents("-", stdin=stream))
    assert isinstance(doc, RawDocument) and doc.format == "jsonl" and doc.origin == "<stdin>"


def test_raw_bytes_are_kept_unaltered_with_their_digest(tmp_path: Path) -> None:
    import hashlib

    raw = f"Title\n\n{BODY}\r\n".encode()
    (tmp_path / "a.txt").write_bytes(raw)
    [doc] = list(read_documents(str(tmp_path / "a.txt")))
    assert isinstance(doc, RawDocument)
    assert doc.raw == raw and doc.sha256 == hashlib.sha256(raw).hexdigest()


# --------------------------------------------------------------------------- extraction


@pytest.fixture(scope="module")
def outlets() -> OutletRegistry:
    return OutletRegistry.load()


def _raw(fmt: str, data: bytes, origin: str = "x", line: int | None = None) -> RawDocument:
    import hashlib

    return RawDocument(origin, line, fmt, data, hashlib.sha256(data).hexdigest())  # type: ignore[arg-type]


def test_txt_title_and_date_line(outlets: OutletRegistry) -> None:
    text = f"Zarif meets envoy\n\nPublished On: January 29, 2021\n\n{BODY} (NCRI) reported this."
    article = extract_article(_raw("txt", text.encode()), outlets)
    assert article.title == "Zarif meets envoy"
    assert article.published == "2021-01-29"
    assert article.outlet == "NCRI" and article.outlet_type == "advocacy"
    assert article.text.startswith("The foreign minister")  # the body, without title and date line


def test_jsonl_ids_are_stable_and_fields_read(outlets: OutletRegistry) -> None:
    line = _record(7, url="https://en.wikinews.org/wiki/Story_7", source="wikinews").encode()
    a1 = extract_article(_raw("jsonl", line, "f.jsonl", 3), outlets)
    a2 = extract_article(_raw("jsonl", line, "other.jsonl", 9), outlets)
    assert a1.article_id == a2.article_id
    assert a1.published == "2021-01-29" and a1.url and a1.title == "Story 7"


def test_malformed_jsonl_line_names_file_and_line(outlets: OutletRegistry) -> None:
    from newsledger.errors import MalformedRecordError

    with pytest.raises(MalformedRecordError) as info:
        extract_article(_raw("jsonl", b'{"id": broken', "f.jsonl", 2), outlets)
    assert "f.jsonl:2" in str(info.value)


def test_invalid_utf8_is_reported(outlets: OutletRegistry) -> None:
    from newsledger.errors import EncodingError

    with pytest.raises(EncodingError):
        extract_article(_raw("txt", f"Title\n\nCaf\xe9 {BODY}".encode("latin-1"), "l.txt"), outlets)


def test_html_body_title_and_published_meta(outlets: OutletRegistry) -> None:
    paragraphs = "".join(f"<p>{BODY} Paragraph {i} adds detail about the talks.</p>" for i in range(6))
    html = (
        "<html><head><title>Talks in Geneva</title>"
        '<meta property="article:published_time" content="2021-01-27T10:00:00Z"></head>'
        f"<body><nav>Home | World</nav><article><h1>Talks in Geneva</h1>{paragraphs}</article></body></html>"
    )
    article = extract_article(_raw("html", html.encode(), "page.html"), outlets)
    assert "Talks in Geneva" in article.title
    assert article.published and article.published.startswith("2021-01-27")
    assert "Paragraph 5" in article.text and "Home | World" not in article.text


def test_html_without_body_is_an_error(outlets: OutletRegistry) -> None:
    from newsledger.errors import NoArticleBodyError

    with pytest.raises(NoArticleBodyError):
        extract_article(_raw("html", b"<html><body><nav>menu</nav></body></html>", "nobody.html"), outlets)


def test_expand_inputs_marks_named_files() -> None:
    assert list(expand_inputs(["-"])) == [("-", True)]


def test_empty_jsonl_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "none.jsonl").write_text("\n\n")
    [err] = list(read_documents(str(tmp_path / "none.jsonl")))
    assert isinstance(err, IngestError) and err.code == "NL-E101"
