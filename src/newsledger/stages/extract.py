"""Turn a :class:`RawDocument` into an :class:`Article`: body text, title, date, outlet.

HTML goes through trafilatura (body, title, author, site, categories) with the date from
``article:published_time`` when the page has it, else htmldate; ``.txt`` files give their title
on the first line and may carry a date line ("Published On: January 29, 2021"); JSONL records
carry ``id, title, text, date, url, source``.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from ..errors import EncodingError, MalformedRecordError, NoArticleBodyError
from ..knowledge.outlets import OutletRegistry
from ..models import Article, RawDocument

MIN_BODY_CHARS = 40

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
_PUBLISHED_META = re.compile(
    r"<meta[^>]+(?:property|name)=[\"'](?:article:published_time|og:published_time|datePublished|"
    r"pubdate|publishdate|date)[\"'][^>]*>",
    re.IGNORECASE,
)
_META_CONTENT = re.compile(r"content=[\"']([^\"']+)[\"']", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_\-]+)", re.IGNORECASE)


def article_id_for(source_key: str) -> str:
    """Stable id: the same record (same source id, URL, or bytes) always gets the same id."""
    return "a" + hashlib.sha256(source_key.encode("utf-8")).hexdigest()[:20]


def extract_article(raw: RawDocument, outlets: OutletRegistry) -> Article:
    if raw.format == "jsonl":
        return _from_jsonl(raw, outlets)
    if raw.format == "html":
        return _from_html(raw, outlets)
    return _from_txt(raw, outlets)


# --------------------------------------------------------------------------- JSONL


def _from_jsonl(raw: RawDocument, outlets: OutletRegistry) -> Article:
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
    text = _clean_text(record.get("text"))
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
        categories=tuple(str(c) for c in record.get("categories") or ()),
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


def _from_txt(raw: RawDocument, outlets: OutletRegistry) -> Article:
    content = _decode(raw).replace("\r\n", "\n").replace("\r", "\n")
    lines = content.split("\n")
    published: str | None = None
    categories: tuple[str, ...] = ()
    title: str | None = None
    body_start = 0
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        match = _DATE_LINE.search(stripped)
        if match and published is None and len(stripped) < 160:
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


def _from_html(raw: RawDocument, outlets: OutletRegistry) -> Article:
    import trafilatura

    html = _decode_html(raw)
    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, favor_precision=False, as_dict=False
    )
    data: dict[str, Any] = doc.as_dict() if doc is not None and not isinstance(doc, dict) else dict(doc or {})
    text = _clean_text(data.get("text"))
    if len(text) < MIN_BODY_CHARS:
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


def _published_meta(html: str) -> str | None:
    """``article:published_time`` keeps the hour that htmldate drops."""
    for tag in _PUBLISHED_META.findall(html[:200_000]):
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
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


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
