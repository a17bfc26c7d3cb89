"""Hostile and odd inputs at the reading layer: each is reported with a named error (and the
file, and line) and the rest of the batch goes on, in bounded memory and without blocking."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import socket
import threading
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from newsledger.errors import (
    HtmlTooDeepError,
    InputTooLargeError,
    NewsledgerError,
    RecordFieldError,
    shown_path,
)
from newsledger.knowledge.outlets import OutletRegistry
from newsledger.models import IngestError, RawDocument
from newsledger.runner import _documents
from newsledger.stages.discover import stored_origin
from newsledger.stages.extract import extract_article
from newsledger.stages.ingest import ReadLimits, _lines, read_documents

BODY = "The foreign minister met his counterpart in Geneva on Monday to discuss the ceasefire."
SMALL = ReadLimits(max_document_bytes=10_000, max_decompressed_bytes=50_000)


def _docs(*inputs: str, limits: ReadLimits | None = None) -> list[RawDocument | IngestError]:
    return list(_documents(inputs, None, limits))


def _errors(docs: list[RawDocument | IngestError]) -> list[IngestError]:
    return [d for d in docs if isinstance(d, IngestError)]


def _good(docs: list[RawDocument | IngestError]) -> list[RawDocument]:
    return [d for d in docs if isinstance(d, RawDocument)]


def _record(i: int) -> str:
    return json.dumps({"id": str(i), "title": f"Story {i}", "text": f"{BODY} Story {i}."})


def _finishes(fn: Callable[[], object], seconds: float = 20.0) -> object:
    """``fn()``'s result, failing (instead of hanging the suite) if it blocks."""
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(fn()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "reading blocked"
    return result[0]


# --------------------------------------------------------------------------- sizes


def test_gzip_bomb_stops_at_the_cap_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"A" * 200_000))  # 200 kB from ~300 bytes
    (tmp_path / "good.txt").write_text(f"Title\n\n{BODY}\n")
    docs = _docs(str(tmp_path), limits=SMALL)
    [err] = _errors(docs)
    assert err.code == "NL-E108" and err.origin.endswith("bomb.txt.gz")
    assert "max_document_bytes" in err.message and "--set" in err.message
    assert [d.origin for d in _good(docs)] == [str(tmp_path / "good.txt")]


def test_jsonl_gzip_bomb_keeps_the_records_before_the_cap(tmp_path: Path) -> None:
    records = "".join(_record(i) + "\n" for i in range(5)).encode()
    path = tmp_path / "bomb.jsonl.gz"
    path.write_bytes(gzip.compress(records + b"\n" * 100_000 + b" " * 100_000))
    docs = list(read_documents(str(path), limits=SMALL))
    assert len(_good(docs)) == 5
    [err] = _errors(docs)
    assert err.code == "NL-E108" and "max_decompressed_bytes" in err.message


def test_every_gzip_member_counts_toward_the_cap(tmp_path: Path) -> None:
    path = tmp_path / "members.jsonl.gz"
    path.write_bytes(b"".join(gzip.compress(_record(i).encode() + b"\n" * 20_000) for i in range(4)))
    docs = list(read_documents(str(path), limits=SMALL))
    assert len(_good(docs)) == 3 and _errors(docs)[0].code == "NL-E108"


def test_a_large_file_is_refused_by_its_size_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: 5 GB on paper, nothing on disk
        fh.truncate(5_000_000_000)
    [err] = list(read_documents(str(path)))
    assert isinstance(err, IngestError) and err.code == "NL-E108" and "5,000,000,000 bytes" in err.message


def test_an_overlong_jsonl_line_is_skipped_and_the_next_lines_read(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    long_text = "word " * 5_000  # 25 kB, over the 10 kB cap
    path.write_text(_record(1) + "\n" + json.dumps({"id": "2", "text": long_text}) + "\n" + _record(3) + "\n")
    docs = list(read_documents(str(path), limits=SMALL))
    assert [d.line for d in _good(docs)] == [1, 3]
    [err] = _errors(docs)
    assert (err.code, err.line) == ("NL-E108", 2)


def test_line_splitting_holds_at_most_the_cap_of_an_overlong_line() -> None:
    chunks = [b'{"a": 1}\n', b"x" * 4000, b"x" * 4000, b"x" * 4000 + b"\n{", b'"b": 2}\n\n\n', b"  \n", b"{}"]
    assert list(_lines(iter(chunks), 5000)) == [(1, b'{"a": 1}'), (2, None), (3, b'{"b": 2}'), (7, b"{}")]
    assert list(_lines(iter([b"x" * 6000]), 5000)) == [(1, None)]  # the last line, without newline


def test_a_one_line_50mb_jsonl_record_is_read_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    with path.open("wb") as fh:
        fh.write(b'{"id": "1", "text": "')
        for _ in range(50):
            fh.write(b"word " * 200_000)  # 1 MB at a time: 50 MB on one line
        fh.write(b'"}\n' + _record(2).encode() + b"\n")
    tracemalloc.start()
    try:
        docs = list(read_documents(str(path), limits=ReadLimits(max_document_bytes=1_000_000)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [(type(d).__name__, d.line) for d in docs] == [("IngestError", 1), ("RawDocument", 2)]
    assert peak < 8_000_000  # a few chunks, not the 50 MB line


def test_stdin_is_capped_and_its_jsonl_streamed() -> None:
    import io

    [err] = list(read_documents("-", stdin=io.BytesIO(b"Title\n\n" + b"word " * 5_000), limits=SMALL))
    assert isinstance(err, IngestError) and (err.code, err.origin) == ("NL-E108", "<stdin>")
    lines = (_record(1) + "\n" + "x" * 20_000 + "\n" + _record(3) + "\n").encode()
    docs = list(read_documents("-", stdin=io.BytesIO(lines), limits=SMALL))
    assert [(type(d).__name__, d.line) for d in docs] == [
        ("RawDocument", 1),
        ("IngestError", 2),
        ("RawDocument", 3),
    ]


# --------------------------------------------------------------------------- special files


def test_a_fifo_in_a_folder_is_reported_and_never_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "feed.txt")
    (tmp_path / "good.txt").write_text(f"Title\n\n{BODY}\n")
    docs = _finishes(lambda: _docs(str(tmp_path)))
    assert isinstance(docs, list)
    [err] = _errors(docs)
    assert err.code == "NL-E109" and "FIFO" in err.message and err.origin.endswith("feed.txt")
    assert len(_good(docs)) == 1


def test_a_fifo_named_on_the_command_line_does_not_block(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "feed.jsonl")
    docs = _finishes(lambda: list(read_documents(str(tmp_path / "feed.jsonl"))))
    assert isinstance(docs, list)
    [err] = docs
    assert isinstance(err, IngestError) and err.code == "NL-E109" and "newsledger ingest -" in err.message


def test_sockets_and_devices_are_reported(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    folder.mkdir()
    server = socket.socket(socket.AF_UNIX)
    cwd = os.getcwd()
    os.chdir(folder)  # a relative bind keeps the socket path short enough for AF_UNIX
    try:
        server.bind("news.jsonl")
    finally:
        os.chdir(cwd)
    try:
        [err] = _docs(str(folder))
        assert isinstance(err, IngestError) and err.code == "NL-E109" and "socket" in err.message
    finally:
        server.close()
    (tmp_path / "null.txt").symlink_to(os.devnull)  # named: links are followed, the device refused
    [err] = _finishes(lambda: _docs(str(tmp_path / "null.txt")))  # type: ignore[misc]
    assert isinstance(err, IngestError) and err.code == "NL-E109" and "character device" in err.message


# --------------------------------------------------------------------------- links


def test_symlink_loops_end_and_each_file_is_read_once(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "b" / "x.txt").write_text(f"Title\n\n{BODY}\n")
    (root / "a" / "b" / "up").symlink_to(root / "a")  # a loop
    (root / "again").symlink_to(root / "a")  # a second way into one folder: read once
    (root / "self.txt").symlink_to(root / "self.txt")  # loops on itself
    docs = _docs(str(root))
    assert len(_good(docs)) == 1
    codes = sorted((e.code, Path(e.origin).name) for e in _errors(docs))
    assert codes == [("NL-E113", "self.txt"), ("NL-E113", "up")]


def test_links_out_of_the_folder_and_dangling_links_are_reported(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text(f"Secret\n\n{BODY}\n")
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "out.txt").symlink_to(outside)
    (root / "root").symlink_to("/")  # would walk the whole machine
    (root / "gone.txt").symlink_to(root / "missing.txt")
    (root / "in.txt").symlink_to(root / "real.txt")
    (root / "real.txt").write_text(f"Title\n\n{BODY}\n")
    docs = _docs(str(root))
    assert sorted(Path(d.origin).name for d in _good(docs)) == ["in.txt", "real.txt"]
    messages = {Path(e.origin).name: (e.code, e.message) for e in _errors(docs)}
    assert messages.keys() == {"out.txt", "root", "gone.txt"}
    assert all(code == "NL-E113" for code, _ in messages.values())
    assert "out of the folder" in messages["out.txt"][1] and "does not exist" in messages["gone.txt"][1]


def test_a_recursive_glob_through_symlink_loops_ends(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "top.txt").write_text(f"Top\n\n{BODY}\n")
    (tmp_path / "a" / "b" / "x.txt").write_text(f"Title\n\n{BODY}\n")
    (tmp_path / "a" / "b" / "x.jsonl").write_text(_record(1) + "\n")
    (tmp_path / "a" / "b" / "up").symlink_to(tmp_path)  # two links back: glob.glob never ends
    (tmp_path / "a" / "b" / "up2").symlink_to(tmp_path / "a")
    docs = _finishes(lambda: _docs(str(tmp_path / "**" / "*.txt")))
    assert isinstance(docs, list)
    assert sorted(Path(d.origin).name for d in _good(docs)) == ["top.txt", "x.txt"]  # ** is zero folders too
    assert _errors(docs) == []  # the links are no .txt: not this pattern's business
    everything = _docs(str(tmp_path / "**" / "*"))
    assert len(_good(everything)) == 3
    assert sorted((e.code, Path(e.origin).name) for e in _errors(everything)) == [
        ("NL-E113", "up"),
        ("NL-E113", "up2"),
    ]
    [missing] = _docs(str(tmp_path / "**" / "*.html"))
    assert isinstance(missing, IngestError) and missing.code == "NL-E100"


# --------------------------------------------------------------------------- permissions


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file_and_folder_are_reported(tmp_path: Path) -> None:
    (tmp_path / "locked.txt").write_text(f"Title\n\n{BODY}\n")
    (tmp_path / "locked.txt").chmod(0)
    (tmp_path / "shut").mkdir()
    (tmp_path / "shut").chmod(0)
    try:
        errors = _errors(_docs(str(tmp_path)))
    finally:
        (tmp_path / "shut").chmod(0o755)
    assert sorted((e.code, Path(e.origin).name) for e in errors) == [
        ("NL-E110", "locked.txt"),
        ("NL-E110", "shut"),
    ]


def test_permission_denied_is_a_named_error_even_as_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same path as above, reached by making the system calls refuse (root bypasses modes)."""
    (tmp_path / "locked.txt").write_text(f"Title\n\n{BODY}\n")
    (tmp_path / "shut").mkdir()
    real_open, real_scandir = os.open, os.scandir

    def refuse_open(path: str, flags: int, *args: int) -> int:
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", path)
        return real_open(path, flags, *args)

    def refuse_scandir(path: str) -> object:
        if str(path).endswith("shut"):
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "open", refuse_open)
    monkeypatch.setattr(os, "scandir", refuse_scandir)
    errors = _errors(_docs(str(tmp_path)))
    assert sorted((e.code, Path(e.origin).name) for e in errors) == [
        ("NL-E110", "locked.txt"),
        ("NL-E110", "shut"),
    ]
    assert all("Permission denied" in e.message and "chmod" in e.message for e in errors)


# --------------------------------------------------------------------------- many files, odd names


def test_ten_thousand_tiny_files_are_read_in_bounded_memory(tmp_path: Path) -> None:
    for i in range(10_000):
        fd = os.open(tmp_path / f"{i:05d}.txt", os.O_WRONLY | os.O_CREAT)
        os.write(fd, b"T\n\nshort text %d\n" % i)
        os.close(fd)
    tracemalloc.start()
    try:
        count = sum(1 for d in _documents([str(tmp_path)], None) if isinstance(d, RawDocument))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 10_000
    assert peak < 16_000_000  # the sorted list of paths, not the files


def test_odd_file_names_are_read_and_named_correctly(tmp_path: Path) -> None:
    names = ["with space.txt", "new\nline.txt", "tab\there.txt", "خبر فارسی.txt", "日本.txt"]
    for name in names:
        (tmp_path / name).write_text(f"Title\n\n{BODY}\n")
    raw_name = os.fsencode(str(tmp_path)) + b"/latin\xe9.txt"  # not UTF-8: kept as bytes by the OS
    with open(raw_name, "wb") as fh:
        fh.write(f"Title\n\n{BODY}\n".encode())
    docs = _good(_docs(str(tmp_path)))
    assert sorted(Path(d.origin).name for d in docs) == sorted([*names, "latin\\xe9.txt"])
    for doc in docs:
        doc.origin.encode("utf-8")  # storable: no lone surrogates reach the store


def test_messages_show_unprintable_names_with_repr(tmp_path: Path) -> None:
    origin = str(tmp_path / "new\nline.txt")
    assert shown_path(origin) == repr(origin) and shown_path("plain name.txt") == "plain name.txt"
    assert "\n" not in str(NewsledgerError("bad", origin=origin, line=3))
    assert stored_origin(os.fsdecode(b"caf\xe9.txt")) == "caf\\xe9.txt"


def test_a_missing_named_folder_entry_is_reported(tmp_path: Path) -> None:
    [err] = _docs(str(tmp_path / "nothing.txt"))
    assert isinstance(err, IngestError) and err.code == "NL-E100"


# --------------------------------------------------------------------------- extraction


@pytest.fixture(scope="module")
def outlets() -> OutletRegistry:
    return OutletRegistry.load()


def _raw(fmt: str, data: bytes, origin: str = "f.jsonl", line: int | None = None) -> RawDocument:
    return RawDocument(origin, line, fmt, data, hashlib.sha256(data).hexdigest())  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [
        ("text", 12345, "a whole number"),
        ("text", ["a", "list"], "a list"),
        ("text", None, "null"),
        ("date", {"year": 2021}, "an object"),
        ("id", 1.5, "a number"),
        ("id", True, "a boolean"),
        ("title", ["a"], "a list"),
        ("url", 7, "a whole number"),
        ("categories", "politics", "a string"),
        ("categories", ["ok", 3], "a list"),
    ],
)
def test_a_jsonl_field_of_the_wrong_type_is_named_with_file_and_line(
    outlets: OutletRegistry, field: str, value: object, said: str
) -> None:
    record = {"id": "1", "title": "T", "text": BODY, "date": "2021-01-29"} | {field: value}
    with pytest.raises(RecordFieldError) as info:
        extract_article(_raw("jsonl", json.dumps(record).encode(), "f.jsonl", 4), outlets)
    assert info.value.code == "NL-E111" and str(info.value).startswith("NL-E111 f.jsonl:4: ")
    assert f"field '{field}' is {said}" in str(info.value)


def test_whole_number_ids_and_null_optional_fields_are_accepted(outlets: OutletRegistry) -> None:
    record = {"id": 17, "title": None, "text": BODY, "date": None, "categories": ["politics"]}
    article = extract_article(_raw("jsonl", json.dumps(record).encode(), "f.jsonl", 1), outlets)
    assert article.source_key == "id::17" and article.published is None
    assert article.categories == ("politics",)


def test_nul_and_lone_surrogates_are_made_storable(outlets: OutletRegistry) -> None:
    record = {"id": "1", "title": "Nul\u0000 title", "text": f"{BODY} nul\u0000here, lone \ud800 half."}
    article = extract_article(_raw("jsonl", json.dumps(record).encode()), outlets)
    assert "\x00" not in article.text + article.title and "nulhere" in article.text
    assert "lone \ufffd half" in article.text
    article.text.encode("utf-8")  # what SQLite and PostgreSQL need
    assert {("nul_characters", 2), ("lone_surrogates", 1)} <= set(article.cleaning)  # recorded
    data = f"Title\n\n{BODY}\n".encode() + b"x" * 9000 + b"\x00 more text after a stray NUL.\n"
    txt = extract_article(_raw("txt", data, "nul.txt"), outlets)
    assert "\x00" not in txt.text and txt.text.endswith("more text after a stray NUL.")
    assert ("nul_characters", 1) in txt.cleaning
    page = f"<html><body><article><p>{BODY}\x00 {BODY}</p></article></body></html>".encode()
    assert "\x00" not in extract_article(_raw("html", page, "nul.html"), outlets).text


def test_a_text_file_of_mostly_control_bytes_is_still_binary(tmp_path: Path) -> None:
    (tmp_path / "utf16.txt").write_bytes(f"Title\n\n{BODY}".encode("utf-16-le"))
    [err] = list(read_documents(str(tmp_path / "utf16.txt")))
    assert isinstance(err, IngestError) and err.code == "NL-E102"


@pytest.mark.parametrize("fmt", ["txt", "jsonl"])
def test_a_multi_megabyte_one_line_text_is_refused_by_the_text_cap(outlets: OutletRegistry, fmt: str) -> None:
    words = "word " * 1_000_000 + " " * 1_000_000  # 6 MB on one line, a long run of spaces in it
    data = (
        f"Title\n\n{words}.".encode()
        if fmt == "txt"
        else json.dumps({"id": "1", "text": words + "."}).encode()
    )
    with pytest.raises(InputTooLargeError) as info:
        extract_article(_raw(fmt, data, f"big.{fmt}", 1 if fmt == "jsonl" else None), outlets)
    assert "6,000,001 characters" in str(info.value) and "max_article_chars" in str(info.value)
    small = extract_article(_raw(fmt, data, f"big.{fmt}", 1), outlets, max_chars=7_000_000)
    assert len(small.text) == 6_000_001  # under a raised cap it is read whole, in linear time


def test_html_nested_100k_deep_is_a_named_error(outlets: OutletRegistry) -> None:
    html = "<html><body>" + "<div>" * 100_000 + BODY * 5 + "</div>" * 100_000 + "</body></html>"
    with pytest.raises(HtmlTooDeepError) as info:
        extract_article(_raw("html", html.encode(), "deep.html"), outlets)
    assert str(info.value).startswith("NL-E112 deep.html: ")


def test_a_page_of_unclosed_meta_tags_is_read_in_linear_time(outlets: OutletRegistry) -> None:
    html = (
        "<html><head>" + "<meta name='date' " * 40_000 + "</head><body><p>" + BODY * 5 + "</p></body></html>"
    )
    article = extract_article(_raw("html", html.encode(), "meta.html"), outlets)
    assert article.published is None and BODY in article.text


PERSIAN = "وزیر امور خارجه ایران روز دوشنبه در ژنو با همتای خود درباره آتش‌بس گفتگو کرد."
ARABIC = "التقى وزير الخارجية الإيراني بنظيره في جنيف يوم الاثنين لبحث وقف إطلاق النار."


@pytest.mark.parametrize(("body", "language"), [(PERSIAN, "fa"), (ARABIC, "ar")])
def test_persian_and_arabic_text_is_kept_exactly_and_not_analysed(
    outlets: OutletRegistry, body: str, language: str
) -> None:
    txt = extract_article(_raw("txt", f"عنوان\n\n{body}\n".encode(), "fa.txt"), outlets)
    assert txt.text == body and txt.title == "عنوان"
    assert (txt.language, txt.analysed, txt.cleaning) == (language, False, ())
    record = {"id": "fa-1", "title": "عنوان", "text": body}
    line = extract_article(
        _raw("jsonl", json.dumps(record, ensure_ascii=False).encode(), "fa.jsonl", 1), outlets
    )
    assert line.text.encode("utf-8") == body.encode("utf-8") and not line.analysed
