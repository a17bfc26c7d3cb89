"""Turn a :class:`RawDocument` into an :class:`Article`: body text, title, date, outlet.

HTML goes through trafilatura (body, title, author, site, categories) with the date from
``article:published_time`` when the page has it, else htmldate; ``.txt`` files give their title
on the first line and may carry a date line ("Published On: January 29, 2021"); JSONL records
carry ``id, title, text, date, url, source``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from ..config import StageOptions
from ..errors import (
    EncodingError,
    HtmlTooDeepError,
    InputTooLargeError,
    MalformedRecordError,
    NoArticleBodyError,
    RecordFieldError,
)
from ..knowledge.outlets import OutletRegistry
from ..models import Article, RawDocument
from .accept import accept_article

MIN_BODY_CHARS = 40
#: Longest article text kept by default (option ``max_article_chars``).
MAX_ARTICLE_CHARS = StageOptions.max_article_chars
#: libxml2 keeps 256 levels of nesting and drops what lies deeper.
HTML_MAX_DEPTH = 256

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DATE_LINE = re.compile(
    rf"(?:published(?:\s+on)?|posted(?:\s+on)?|date|updated(?:\s+on)?)\s*:?\s*"
    rf"(?P<date>(?:(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}})|(?:\d{{1,2}}\s+(?:{_MONTHS})\.?\s+\d{{4}})"
    rf"|(?:\d{{4}}-\d{{2}}-\d{{2}}))",
    re.IGNORECASE,
)
_CATEGORIES = re.compile(r"categories\s*:\s*(?P<cats>[^\n]+)", re.IGNORECASE)
_FILENAME_DATE = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")
#: A meta tag, bounded in length so that a page of unclosed "<meta" cannot make the search
#: quadratic; then the name of a publication date inside it.
_META_TAGS = re.compile(r"<meta\b[^<>]{0,2000}>", re.IGNORECASE)
_PUBLISHED_META = re.compile(
    r"(?:property|name)=[\"'](?:article:published_time|og:published_time|datePublished|"
    r"pubdate|publishdate|date)[\"']",
    re.IGNORECASE,
)
_META_CONTENT = re.compile(r"content=[\"']([^\"']+)[\"']", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_\-]+)", re.IGNORECASE)


def article_id_for(source_key: str) -> str:
    """Stable id: the same record (same source id, URL, or bytes) always gets the same id."""
    return "a" + hashlib.sha256(source_key.encode("utf-8")).hexdigest()[:20]


def extract_article(
    raw: RawDocument, outlets: OutletRegistry, *, max_chars: int = MAX_ARTICLE_CHARS
) -> Article:
    """The article in ``raw``, cleaned and with its language (stages.accept); raises an
    InputError (reported and skipped) for a record that holds no article."""
    repairs: Counter[str] = Counter()  # characters no database stores, made safe (see _safe)
    if raw.format == "jsonl":
        article = _from_jsonl(raw, outlets, max_chars, repairs)
    elif raw.format == "html":
        article = _from_html(raw, outlets, max_chars, repairs)
    else:
        article = _from_txt(raw, outlets, max_chars, repairs)
    accepted = accept_article(article, raw.format)
    if not repairs:
        return accepted
    cleaning = dict(accepted.cleaning) | dict(repairs)  # recorded beside what cleaning removed
    return dataclasses.replace(accepted, cleaning=tuple(sorted(cleaning.items())))


def _check_length(text: str, raw: RawDocument, max_chars: int) -> None:
    """A text over the cap is refused, not cut: a cut article would be stored (and its events
    dated and counted) as if it were whole, and one of a million characters is rarely one
    article (a feed or a book in one file)."""
    if len(text) > max_chars:
        raise InputTooLargeError(
            f"article text is {len(text):,} characters, over the {max_chars:,} one article may have "
            "(option max_article_chars); split the input into articles, or raise the cap with "
            "--set max_article_chars=N",
            origin=raw.origin,
            line=raw.line,
        )


# --------------------------------------------------------------------------- JSONL


def _from_jsonl(raw: RawDocument, outlets: OutletRegistry, max_chars: int, repairs: Counter[str]) -> Article:
    try:
        record = json.loads(raw.raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise EncodingError(
            f"record is not valid UTF-8 ({exc.reason} at byte {exc.start}); re-encode the file as UTF-8",
            origin=raw.origin,
            line=raw.line,
        ) from exc
    except json.JSONDecodeError as exc:
        raise MalformedRecordError(
            f"line is not valid JSON ({exc.msg} at column {exc.colno}); fix or remove the line",
            origin=raw.origin,
            line=raw.line,
        ) from exc
    if not isinstance(record, dict):
        raise MalformedRecordError(
            'record is not a JSON object; each line must be {"id", "title", "text", ...}',
            origin=raw.origin,
            line=raw.line,
        )
    _check_field_types(record, raw)
    record = {key: _safe(value, repairs) for key, value in record.items()}
    text = _clean_text(record.get("text"))
    _check_length(text, raw, max_chars)
    if len(text) < MIN_BODY_CHARS:
        raise NoArticleBodyError(
            f"record has no article text (field 'text' is {'missing' if 'text' not in record else 'too short'}); "
            "every record needs a non-empty 'text'",
            origin=raw.origin,
            line=raw.line,
        )
    url = _str(record.get("url"))
    source = _str(record.get("source"))
    record_id = _str(record.get("id"))
    if record_id:
        source_key = f"id:{source or ''}:{record_id}"
    elif url:
        source_key = f"url:{url}"
    else:
        source_key = "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
    title = _str(record.get("title")) or _first_words(text)
    site = _site_of(url)
    outlet = outlets.identify(site=site, name=source, text=text)
    return Article(
        article_id=article_id_for(source_key),
        title=title,
        text=text,
        published=_iso_date(record.get("date") or record.get("published")),
        url=url,
        site=site,
        outlet=outlet.name if outlet else source,
        outlet_type=outlet.type if outlet else "unknown",
        language=_str(record.get("language")) or "en",
        author=_str(record.get("author")),
        categories=tuple(record.get("categories") or ()),
        source_key=source_key,
        origin=raw.origin,
        origin_line=raw.line,
        raw_sha256=raw.sha256,
    )


# --------------------------------------------------------------------------- TXT


def _decode(raw: RawDocument) -> str:
    try:
        return raw.raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EncodingError(
            f"file is not valid UTF-8 ({exc.reason} at byte {exc.start}); re-encode it as UTF-8",
            origin=raw.origin,
        ) from exc


def _from_txt(raw: RawDocument, outlets: OutletRegistry, max_chars: int, repairs: Counter[str]) -> Article:
    content = _safe(_decode(raw), repairs).replace("\r\n", "\n").replace("\r", "\n")
    lines = content.split("\n")
    published: str | None = None
    categories: tuple[str, ...] = ()
    title: str | None = None
    body_start = 0
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        match = _DATE_LINE.search(stripped) if len(stripped) < 160 else None  # a date line is short
        if match and published is None:
            published = _iso_date(match.group("date"))
            cats = _CATEGORIES.search(stripped)
            if cats:
                categories = tuple(c.strip() for c in cats.group("cats").split(",") if c.strip())
            body_start = i + 1
            continue
        title = stripped
        body_start = i + 1
        break
    if published is None:  # a date line may also follow the title ("Title\nPublished On: …")
        published, body_start = _date_line_after(lines, body_start)
    text = _clean_text("\n".join(lines[body_start:]))
    _check_length(text, raw, max_chars)
    if title is None or len(text) < MIN_BODY_CHARS:
        raise NoArticleBodyError(
            "text file has no article body (expected a title line, then the text)", origin=raw.origin
        )
    if published is None:
        from_name = _FILENAME_DATE.search(Path(raw.origin).name)
        published = from_name.group(1) if from_name else None
    outlet = outlets.identify(site=None, name=None, text=text)
    source_key = "sha256:" + raw.sha256
    return Article(
        article_id=article_id_for(source_key),
        title=title,
        text=text,
        published=published,
        url=None,
        site=None,
        outlet=outlet.name if outlet else None,
        outlet_type=outlet.type if outlet else "unknown",
        categories=categories,
        source_key=source_key,
        origin=raw.origin,
        raw_sha256=raw.sha256,
    )


def _date_line_after(lines: list[str], start: int, look: int = 3) -> tuple[str | None, int]:
    """A short date line among the first ``look`` non-empty lines after the title, if any."""
    seen = 0
    for i in range(start, len(lines)):
        stripped = lines[i].strip()
        if not stripped:
            continue
        match = _DATE_LINE.match(stripped)
        if match and len(stripped) < 80:
            return _iso_date(match.group("date")), i + 1
        seen += 1
        if seen >= look:
            break
    return None, start


# --------------------------------------------------------------------------- HTML


def _decode_html(raw: RawDocument) -> str:
    try:
        return raw.raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        declared = _META_CHARSET.search(raw.raw[:4096])
        if declared and declared.group(1).decode("ascii").lower() not in ("utf-8", "utf8"):
            try:
                return raw.raw.decode(declared.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                pass
        raise EncodingError(
            f"page is not valid UTF-8 and declares no usable charset ({exc.reason} at byte "
            f"{exc.start}); re-save it as UTF-8",
            origin=raw.origin,
        ) from exc


def _from_html(raw: RawDocument, outlets: OutletRegistry, max_chars: int, repairs: Counter[str]) -> Article:
    import trafilatura

    html = _safe(_decode_html(raw), repairs)
    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, favor_precision=False, as_dict=False
    )
    data: dict[str, Any] = doc.as_dict() if doc is not None and not isinstance(doc, dict) else dict(doc or {})
    text = _clean_text(data.get("text"))
    _check_length(text, raw, max_chars)
    if len(text) < MIN_BODY_CHARS:
        _check_depth(html, raw)
        raise NoArticleBodyError(
            "HTML page has no article body that trafilatura can find (navigation or an empty page?)",
            origin=raw.origin,
        )
    url = _str(data.get("url"))
    site = _site_of(url) or _str(data.get("hostname"))
    published = _published_meta(html) or _iso_date(data.get("date"))
    sitename = _str(data.get("sitename"))
    outlet = outlets.identify(site=site, name=sitename, text=text)
    source_key = f"url:{url}" if url else "sha256:" + raw.sha256
    return Article(
        article_id=article_id_for(source_key),
        title=_str(data.get("title")) or _first_words(text),
        text=text,
        published=published,
        url=url,
        site=site,
        outlet=outlet.name if outlet else sitename,
        outlet_type=outlet.type if outlet else "unknown",
        language=_str(data.get("language")) or "en",
        author=_str(data.get("author")),
        categories=tuple(c.strip() for c in (_str(data.get("categories")) or "").split(";") if c.strip()),
        source_key=source_key,
        origin=raw.origin,
        raw_sha256=raw.sha256,
    )


def _check_depth(html: str, raw: RawDocument) -> None:
    """Name the cause when a page came out empty because it nests past what the parser keeps
    (libxml2 stops at 256 levels: a page 100,000 deep loses everything below)."""
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except (lxml.etree.LxmlError, ValueError):
        return
    stack, deepest = [(root, 1)], 1
    while stack:  # iterative: the tree may be as deep as the parser allows
        element, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in element)
    if deepest >= HTML_MAX_DEPTH:
        raise HtmlTooDeepError(
            f"HTML nests elements {HTML_MAX_DEPTH} or more levels deep; the parser drops what lies "
            "deeper, and no article body was left. Flatten the page (or save its text as .txt)",
            origin=raw.origin,
        )


def _published_meta(html: str) -> str | None:
    """``article:published_time`` keeps the hour that htmldate drops."""
    for tag in _META_TAGS.findall(html[:200_000]):
        if not _PUBLISHED_META.search(tag):
            continue
        content = _META_CONTENT.search(tag)
        if content:
            value = _iso_date(content.group(1), keep_time=True)
            if value:
                return value
    return None


# --------------------------------------------------------------------------- helpers


def _str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _clean_text(value: Any) -> str:
    if not isinstance(value, str):
        return ""
    text = value.replace("\r\n", "\n").replace("\u00a0", " ")
    # Line by line, not re.sub(r"[ \t]+\n"): that regex is quadratic on a long run of spaces.
    text = "\n".join(line.rstrip(" \t") for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


_SURROGATE = re.compile("[\ud800-\udfff]")


def _safe(value: Any, repairs: Counter[str]) -> Any:
    """``value`` with the characters no database stores as text made safe: NUL removed (SQLite
    cuts text there, PostgreSQL refuses it), a lone surrogate (from a JSON ``\\ud800``)
    replaced with U+FFFD; each counted in ``repairs`` (the article's ``cleaning``). The raw bytes
    stay unaltered beside the article."""
    if isinstance(value, str):
        if nul := value.count("\x00"):
            repairs["nul_characters"] += nul
            value = value.replace("\x00", "")
        value, lone = _SURROGATE.subn("\ufffd", value)
        if lone:
            repairs["lone_surrogates"] += lone
        return value
    if isinstance(value, list):
        return [_safe(item, repairs) for item in value]
    return value


#: JSONL fields and the JSON types they may hold ("id" may be a whole number, too).
_FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "text": (str,),
    "id": (str, int),
    "title": (str,),
    "url": (str,),
    "source": (str,),
    "author": (str,),
    "language": (str,),
    "date": (str,),
    "published": (str,),
}
_EXPECTED = {
    "id": 'a string or a whole number (write "1.5" for an id with a dot)',
    "date": 'an ISO date string such as "2021-01-29"',
    "published": 'an ISO date string such as "2021-01-29"',
}
_JSON_TYPE_NAMES = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", float: "a number"}


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, int) and not isinstance(value, bool):
        return "a whole number"
    return _JSON_TYPE_NAMES.get(type(value), type(value).__name__)


def _check_field_types(record: dict[str, Any], raw: RawDocument) -> None:
    """A field of the wrong type is an error naming it, not a value quietly turned into text
    (``str(["a"])`` as a title, a float id that rounds, a date object read as no date)."""
    for name, allowed in _FIELD_TYPES.items():
        if name not in record:
            continue  # a missing text is NoArticleBodyError's to report
        value = record[name]
        if (value is None and name != "text") or (isinstance(value, allowed) and not isinstance(value, bool)):
            continue
        raise RecordFieldError(
            f"field {name!r} is {_json_type(value)}, expected {_EXPECTED.get(name, 'a string')}; "
            "fix or remove the record",
            origin=raw.origin,
            line=raw.line,
        )
    categories = record.get("categories")
    if categories is not None and not (
        isinstance(categories, list) and all(isinstance(c, str) for c in categories)
    ):
        raise RecordFieldError(
            f"field 'categories' is {_json_type(categories)}, expected a list of strings such as "
            '["politics"]; fix the record',
            origin=raw.origin,
            line=raw.line,
        )


def _first_words(text: str, n: int = 12) -> str:
    return " ".join(text.split()[:n])


def _site_of(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).hostname
    return host.lower().removeprefix("www.") if host else None


def _iso_date(value: Any, *, keep_time: bool = False) -> str | None:
    """Normalise a date given as ISO, RFC or "January 29, 2021" to ISO (date, or datetime)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat() if keep_time else value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        return parsed.isoformat() if keep_time else parsed.date().isoformat()
    except ValueError:
        pass
    for fmt in ("%B %d, %Y", "%B %d %Y", "%b %d, %Y", "%b. %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d"):
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    match = re.match(r"(\d{4}-\d{2}-\d{2})", text)
    return match.group(1) if match else None
