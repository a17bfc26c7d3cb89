"""The web app's defences, in one place: response headers (CSP and friends), signed paging
cursors, a cap on request bodies, static files confined to their folder, JSON that is safe
inside a ``<script>`` element, and query-syntax errors from the database told apart from
server faults (a malformed search is the user's 400, never a 500).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import re
import secrets
from collections.abc import Iterable
from typing import Any

from fastapi import HTTPException, Request
from fastapi.staticfiles import StaticFiles
from markupsafe import Markup
from sqlalchemy.exc import SQLAlchemyError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..config import ENV_SECRET, server_secret

log = logging.getLogger(__name__)

#: Environment variable holding the secret that signs paging cursors (any string; read by
#: newsledger.config).  Without it a server signs with the ledger's own random key (kept in the
#: ledger's settings table).
SECRET_ENV = ENV_SECRET

#: The vendored vis-network (standalone build) injects its stylesheets as seven ``<style>``
#: elements (each first empty); these are the SHA-256 hashes of their texts, which the network
#: page's policy allows instead of 'unsafe-inline'.  tests/browser checks that no page raises a
#: CSP violation, so a newly vendored version with other CSS fails there (Chromium's message
#: names the hash it wants).
VIS_NETWORK_STYLES = tuple(
    f"'sha256-{h}='"
    for h in (
        "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU",  # the empty element
        "4cgFR0//m8/eHo2G/esYsuZetUHlzCUWYM59sfgE9zY",
        "IY7YKNHjbzQ1NfAKrBZvBZohgXMtxrqB9PaqhAaT3vg",
        "OutIf5hnp68ctx4ThtV5J02g5HTJ5bbu/hkNfqVXWWo",
        "QE7TOEDW7YIlMzvUUnm8boDWeNBN7PBbaaYJjnp34WI",
        "QuPewnJYr+SnQiTnCNHFBw99ExTsz9f8w5320PimEPw",
        "gGUn/VMBXCeWm86qX/pOf+4ZDSbe0JcaXXb4rJjw1mA",
        "uepMTym1NwItBa/XV6ef6fQobLL0A0CNVDM5km5L+nQ",
    )
)


def csp(style_hashes: Iterable[str] = ()) -> str:
    """The Content-Security-Policy: scripts and styles from this server only, no inline code
    (``style_hashes`` allows named inline stylesheets), no framing, no plugins."""
    styles = " ".join(("'self'", *style_hashes))
    return (
        f"default-src 'self'; script-src 'self'; style-src {styles}; img-src 'self' data:; "
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
        "frame-ancestors 'none'; form-action 'self'"
    )


CSP = csp()


class SecurityHeaders:
    """Adds CSP, nosniff, framing and referrer headers to every response (errors included); a
    response that set its own CSP (the network page) keeps it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", CSP.encode()))
                headers += [
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"same-origin"),
                    (b"x-frame-options", b"DENY"),
                    (b"cross-origin-opener-policy", b"same-origin"),
                ]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


# --------------------------------------------------------------------------- cursors


def cursor_secret(configured: str | None = None, store: Any = None) -> bytes:
    """The key that signs cursors: ``configured``, else $NEWSLEDGER_SECRET, else the ledger's
    own random key (made on first use, so cursors outlive a restart), else a random one."""
    given = configured or server_secret()
    if given:
        return given.encode()
    if store is not None:
        try:
            return str(store.ledger_secret("cursors")).encode()
        except SQLAlchemyError as exc:  # a read-only ledger file: cursors last one server run
            log.warning("cannot keep a cursor key in the ledger (%s); using one for this run only", exc)
    return secrets.token_bytes(32)


class CursorSigner:
    """Signs the store's paging cursors with HMAC-SHA256, bound to the listing they came from
    (kind, sort column, order), so a cursor edited by hand, made up, or taken from another
    listing is a 400 and never reaches SQL."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def _mac(self, scope: str, raw: str) -> str:
        digest = hmac.new(self._secret, f"{scope}\n{raw}".encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest[:16]).decode().rstrip("=")

    def sign(self, scope: str, raw: str) -> str:
        return f"{raw}.{self._mac(scope, raw)}"

    def open(self, scope: str, signed: str) -> str:
        """The store cursor inside ``signed``; a 400 when it was not made here for ``scope``."""
        raw, _, mac = signed.rpartition(".")
        if not raw or not hmac.compare_digest(mac.encode(), self._mac(scope, raw).encode()):
            raise HTTPException(
                400,
                "invalid cursor: pass the next_cursor of the previous page of the same listing "
                "(same sort and order) of this ledger",
            )
        return raw


# --------------------------------------------------------------------------- request bodies


def capped(request: Request, limit: int) -> Request:
    """The request with a body that raises 413 once more than ``limit`` bytes arrived, whatever
    Content-Length said (a chunked upload has none)."""
    received = 0
    receive = request.receive

    async def counting() -> Message:
        nonlocal received
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > limit:
                raise HTTPException(413, f"upload too large (more than {limit} bytes); send smaller files")
        return message

    return Request(request.scope, counting)


# --------------------------------------------------------------------------- static files


class ConfinedStaticFiles(StaticFiles):
    """Static files that never leave their folder: a path with a parent segment, a backslash,
    a NUL or a drive letter is a 404 before the file system is asked (Starlette also resolves
    the path and checks it stays inside the folder, and does not follow symlinks out)."""

    def get_path(self, scope: Scope) -> str:
        path = super().get_path(scope)
        parts = re.split(r"[/\\]", path)
        if "\\" in path or "\x00" in path or ".." in parts or re.match(r"^[A-Za-z]:", path):
            raise HTTPException(404, "not found")
        return path


# --------------------------------------------------------------------------- embedded JSON

_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(value: Any) -> Markup:
    """``value`` as JSON that can sit inside ``<script type="application/json">``: ``<``, ``>``
    and ``&`` are escaped so no ``</script>`` or ``<!--`` can end or change the element, and the
    line separators U+2028/U+2029 so the text is also a valid JavaScript literal."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return Markup(re.sub("[<>&\u2028\u2029]", lambda m: _SCRIPT_UNSAFE[m.group()], text))


# --------------------------------------------------------------------------- query errors

_SYNTAX = re.compile(
    r"fts5: syntax error|unterminated string|malformed MATCH|unknown special query|"
    r"syntax error in tsquery|no such column|fts5: .*column",
    re.IGNORECASE,
)


def query_syntax_error(exc: SQLAlchemyError) -> str | None:
    """What to tell the user when ``exc`` is a full-text query the index could not parse (the
    user's mistake: 400), or None for a real database fault (500)."""
    statement = str(getattr(exc, "statement", "") or "")
    message = str(getattr(exc, "orig", None) or exc)
    if ("MATCH" in statement or "tsquery" in statement) and _SYNTAX.search(message):
        detail = message.splitlines()[0][:200]
        return (
            f'the search query could not be parsed ({detail}); use words, "quoted phrases", '
            "AND / OR / NOT and prefix* only"
        )
    return None
