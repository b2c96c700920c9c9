"""``redactkit review serve``: the review page on a local HTTP server (standard library only).

The page shows transcript text, so the server is built to keep it on the reviewer's machine:

- it binds 127.0.0.1 unless told otherwise;
- every URL starts with a random token (``http://127.0.0.1:PORT/TOKEN/``); a request without it gets
  403 and no data, so another local user or a web page in the same browser cannot read the set;
- on a loopback address, a request whose ``Host`` is not a loopback name is refused (DNS rebinding);
- a POST must be JSON from the page's own origin;
- responses are ``no-store``, framed by nobody, with a content security policy that allows nothing
  but the server itself (no external assets: the page works offline);
- the request log, off by default, prints method, path (token masked) and status, never a body.
"""

from __future__ import annotations

import json
import mimetypes
import os
import re
import secrets
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..errors import DataError
from .export import summarize, write_reviewed_jsonl, write_summary
from .store import ReviewSet

__all__ = ["LOOPBACK", "ReviewServer", "static_asset"]

LOOPBACK = "127.0.0.1"
_LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
_MAX_BODY = 256 * 1024
_ASSETS = {"app.js": "text/javascript", "app.css": "text/css", "index.html": "text/html"}
_AUDIO_NAME = re.compile(r"^[0-9]{6}\.(original|redacted)\.[a-z0-9]{1,5}$")
_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
EXPORT_DIR = "export"
EXPORT_JSONL = "reviewed.jsonl"
EXPORT_SUMMARY = "summary.json"


def static_asset(name: str) -> bytes:
    """One of the page's files shipped as package data (``redactkit/review/static``)."""
    return resources.files("redactkit.review").joinpath("static", name).read_bytes()


def export_review(review: ReviewSet) -> dict[str, Any]:
    """Write ``export/reviewed.jsonl`` and ``export/summary.json`` into the review folder."""
    folder = review.directory / EXPORT_DIR
    folder.mkdir(exist_ok=True)
    os.chmod(folder, 0o700)
    rows = write_reviewed_jsonl(review, folder / EXPORT_JSONL)
    summary = summarize(review)
    write_summary(summary, folder / EXPORT_SUMMARY)
    return {"rows": rows, "jsonl": f"{EXPORT_DIR}/{EXPORT_JSONL}", "summary": summary}


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    review: ReviewSet
    token: str
    verbose: bool
    loopback_only: bool


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    server_version = "redactkit-review"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    # -- logging: counts and masked paths only ---------------------------------------------------

    def log_message(self, format: str, *args: Any) -> None:
        return

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        if self.server.verbose:
            path = urlsplit(self.path).path.replace(self.server.token, "<token>")
            print(f"{self.command} {path} {code}", flush=True)

    # -- responses -------------------------------------------------------------------------------

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str,
        *,
        extra: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("Content-Security-Policy", _CSP)
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, value: Any) -> None:
        body = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        self._send(status, body, "application/json; charset=utf-8")

    def _error(self, status: int, message: str) -> None:
        if self.path.split("?")[0].rstrip("/").endswith(("/api/review", "/api/decision", "/api/export")):
            self._json(status, {"error": message})
        else:
            self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    # -- access control --------------------------------------------------------------------------

    def _route(self) -> str | None:
        """The path after the token, or None (and a 403/400 sent) when the request is not allowed."""
        host = (self.headers.get("Host") or "").strip()
        hostname = urlsplit(f"//{host}").hostname or ""
        if (
            self.server.loopback_only
            and hostname not in _LOOPBACK_NAMES
            and f"[{hostname}]" not in _LOOPBACK_NAMES
        ):
            self._send(HTTPStatus.FORBIDDEN, b"forbidden: unexpected Host header\n", "text/plain")
            return None
        path = urlsplit(self.path).path
        prefix = f"/{self.server.token}"
        head, _, rest = path[1:].partition("/")
        if not secrets.compare_digest(f"/{head}".encode(), prefix.encode()):
            self._send(
                HTTPStatus.FORBIDDEN,
                b"forbidden: open the URL that `redactkit review serve` printed; it carries the access "
                b"token\n",
                "text/plain; charset=utf-8",
            )
            return None
        if path == prefix:
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", prefix + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        return "/" + rest

    # -- methods ---------------------------------------------------------------------------------

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        route = self._route()
        if route is None:
            return
        review = self.server.review
        if route == "/":
            self._send(HTTPStatus.OK, static_asset("index.html"), "text/html; charset=utf-8")
        elif route.lstrip("/") in ("app.js", "app.css"):
            name = route.lstrip("/")
            self._send(HTTPStatus.OK, static_asset(name), _ASSETS[name] + "; charset=utf-8")
        elif route == "/api/review":
            self._json(
                HTTPStatus.OK,
                {
                    "manifest": _public_manifest(review.manifest),
                    "rows": review.rows,
                    "state": review.state_json(),
                    "progress": review.progress(),
                    "readonly": False,
                },
            )
        elif route == f"/{EXPORT_DIR}/{EXPORT_JSONL}":
            path = review.directory / EXPORT_DIR / EXPORT_JSONL
            if not path.is_file():
                self._error(HTTPStatus.NOT_FOUND, "not exported yet: press Export first")
                return
            self._send(
                HTTPStatus.OK,
                path.read_bytes(),
                "application/x-ndjson; charset=utf-8",
                extra={"Content-Disposition": f'attachment; filename="{EXPORT_JSONL}"'},
            )
        elif route.startswith("/audio/") and _AUDIO_NAME.match(route[len("/audio/") :]):
            self._audio(review.directory / "audio" / route[len("/audio/") :])
        else:
            self._error(HTTPStatus.NOT_FOUND, "not found")

    def do_POST(self) -> None:
        # a request refused before its body is read must not leave that body on a kept-alive
        # connection (it would be parsed as the next request): close it unless the body is consumed
        self.close_connection = True
        route = self._route()
        if route is None:
            return
        origin = self.headers.get("Origin")
        if origin is not None and urlsplit(origin).netloc != (self.headers.get("Host") or ""):
            self._error(HTTPStatus.FORBIDDEN, "forbidden: cross-origin request")
            return
        if not (self.headers.get("Content-Type") or "").startswith("application/json"):
            self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send application/json")
            return
        try:
            length = int(self.headers.get("Content-Length") or "0")
        except ValueError:
            length = -1
        if not 0 <= length <= _MAX_BODY:
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "request body missing or too large")
            return
        body = self.rfile.read(length)
        self.close_connection = False
        try:
            payload = json.loads(body or b"{}")
        except (ValueError, UnicodeDecodeError):
            self._error(HTTPStatus.BAD_REQUEST, "the body is not valid JSON")
            return
        review = self.server.review
        try:
            if route == "/api/decision":
                if not isinstance(payload, dict) or not isinstance(payload.get("key"), str):
                    raise DataError("expected {key, decision}")
                decision = review.decide(payload["key"], payload.get("decision"))
                self._json(HTTPStatus.OK, {"decision": decision.to_json(), "progress": review.progress()})
            elif route == "/api/export":
                self._json(HTTPStatus.OK, export_review(review))
            else:
                self._error(HTTPStatus.NOT_FOUND, "not found")
        except DataError as exc:
            self._error(HTTPStatus.BAD_REQUEST, str(exc))
        except OSError as exc:
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR, f"cannot save ({type(exc).__name__})")

    def _audio(self, path: Path) -> None:
        if not path.is_file():
            self._error(HTTPStatus.NOT_FOUND, "not found")
            return
        size = path.stat().st_size
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        start, end = 0, size - 1
        status = HTTPStatus.OK
        ranged = re.match(r"^bytes=(\d*)-(\d*)$", self.headers.get("Range") or "")
        if ranged and (ranged.group(1) or ranged.group(2)):
            if ranged.group(1):
                start = int(ranged.group(1))
                end = min(int(ranged.group(2)), size - 1) if ranged.group(2) else size - 1
            else:
                start, end = max(0, size - int(ranged.group(2))), size - 1
            if start > end or start >= size:
                self._send(
                    HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                    b"",
                    "text/plain",
                    extra={"Content-Range": f"bytes */{size}"},
                )
                return
            status = HTTPStatus.PARTIAL_CONTENT
        with path.open("rb") as handle:
            handle.seek(start)
            body = handle.read(end - start + 1)
        extra = {"Accept-Ranges": "bytes"}
        if status == HTTPStatus.PARTIAL_CONTENT:
            extra["Content-Range"] = f"bytes {start}-{end}/{size}"
        self._send(status, body, content_type, extra=extra)


def _public_manifest(manifest: dict[str, Any]) -> dict[str, Any]:
    keep = (
        "text_column",
        "stratify",
        "sample",
        "population",
        "not_reviewable",
        "labels",
        "explained",
        "low_score",
    )
    return {key: manifest.get(key) for key in keep} | {"strata": manifest.get("strata", {})}


class ReviewServer:
    """The review page for one review folder; :meth:`start` runs it in a thread, :meth:`serve` blocks.

    ``host`` defaults to loopback (127.0.0.1); ``port=0`` takes any free port. ``token`` defaults to
    a fresh random one (``secrets.token_urlsafe``), so each start has a new URL.
    """

    def __init__(
        self,
        directory: str | os.PathLike[str],
        *,
        host: str = LOOPBACK,
        port: int = 0,
        token: str | None = None,
        verbose: bool = False,
    ) -> None:
        self.review = ReviewSet.load(directory)
        self.token = token or secrets.token_urlsafe(24)
        if not re.fullmatch(r"[A-Za-z0-9_-]{16,}", self.token):
            raise DataError("the token must be at least 16 URL-safe characters")
        try:
            self._server = _Server((host, port), _Handler)
        except OSError as exc:
            raise DataError(
                f"cannot listen on {host}:{port} ({exc.strerror or type(exc).__name__}); choose another "
                "port with --port, or --port 0 for any free one"
            ) from None
        self._server.review = self.review
        self._server.token = self.token
        self._server.verbose = verbose
        self._server.loopback_only = host in ("127.0.0.1", "localhost", "::1")
        self._thread: threading.Thread | None = None

    @property
    def address(self) -> tuple[str, int]:
        host, port = self._server.server_address[:2]
        return str(host), int(port)

    @property
    def url(self) -> str:
        host, port = self.address
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}/{self.token}/"

    def serve(self) -> None:
        """Serve until interrupted (Ctrl-C) or :meth:`stop`."""
        try:
            self._server.serve_forever(poll_interval=0.2)
        finally:
            self._server.server_close()

    def start(self) -> ReviewServer:
        """Serve in a background thread (tests, notebooks); returns self."""
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.1})
        self._thread.daemon = True
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> ReviewServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
