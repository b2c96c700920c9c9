"""A static, read-only copy of a review: one self-contained HTML file, no server needed.

For sharing a reviewed sample with someone who should see it but not change it. The file holds the
same transcript text as the review folder, so it is written readable by its owner only; share it
only where the original data may go. The page is the review page itself in read-only mode, with its
script, style and data inlined (a content security policy lets only those inline blocks run, by
hash) and without the audio.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from pathlib import Path

from .export import summarize
from .server import _public_manifest, static_asset
from .store import ReviewSet

__all__ = ["write_static_html"]


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def write_static_html(review: ReviewSet, path: str | os.PathLike[str], *, reviewed_only: bool = False) -> int:
    """Write the read-only page for ``review`` to ``path``; returns the number of rows it shows."""
    rows = review.rows
    if reviewed_only:
        rows = [row for row in rows if review.decision(row["key"]).status == "reviewed"]
    keys = {row["key"] for row in rows}
    data = {
        "readonly": True,
        "manifest": _public_manifest(review.manifest),
        "rows": [{**row, "audio": None} for row in rows],
        "state": {key: value for key, value in review.state_json().items() if key in keys},
        "summary": summarize(review),
    }
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    payload = payload.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    script = static_asset("app.js").decode("utf-8")
    style = static_asset("app.css").decode("utf-8")
    page = static_asset("index.html").decode("utf-8")
    csp = (
        f"default-src 'none'; script-src {_sha256(script)}; style-src {_sha256(style)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    page = page.replace(
        '<meta charset="utf-8">',
        f'<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="{csp}">',
        1,
    )
    page = page.replace("<title>redactkit review</title>", "<title>redactkit review (read-only)</title>", 1)
    page = page.replace('<link rel="stylesheet" href="app.css">', f"<style>{style}</style>", 1)
    page = page.replace(
        '<script src="app.js"></script>',
        f'<script id="review-data" type="application/json">{payload}</script>\n<script>{script}</script>',
        1,
    )
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.partial")
    try:
        temporary.write_text(page, encoding="utf-8")
        os.chmod(temporary, 0o600)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return len(rows)
