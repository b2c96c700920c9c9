"""A review folder on disk: the sampled rows, and the reviewer's decisions saved after every action.

Decisions live in ``state.json``, rewritten atomically (temporary file + ``os.replace``) each time one
row changes, so a killed server or a closed laptop loses at most the action in flight, and ``review
serve`` resumes where the reviewer stopped. Every decision is validated against its row (offsets in
range, over-redactions naming a real entity, labels in label form) before it is stored.

Offsets are in Python string positions (Unicode code points) of the original transcript, the same
as the entities column and the labeled JSONL format.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import DataError

__all__ = [
    "MANIFEST_FILE",
    "ROWS_FILE",
    "STATE_FILE",
    "Decision",
    "Miss",
    "ReviewSet",
    "write_private_json",
]

MANIFEST_FILE = "manifest.json"
ROWS_FILE = "rows.json"
STATE_FILE = "state.json"

STATUSES = ("pending", "reviewed")
_LABEL = re.compile(r"^[A-Z][A-Z0-9_]{0,39}$")
MAX_NOTE = 2000
MAX_MARKS = 200


def write_private_json(path: Path, value: Any) -> None:
    """Write JSON atomically, readable by the owner only (review files hold transcript text)."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(value, stream, ensure_ascii=False, separators=(",", ":"))
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@dataclass(frozen=True, slots=True)
class Miss:
    """A value the redactor missed: ``text[start:end]`` is PII of ``label``."""

    start: int
    end: int
    label: str


@dataclass(frozen=True)
class Decision:
    """What the reviewer said about one row.

    ``status`` is ``"reviewed"`` once the row is accepted (every entity not marked as an
    over-redaction is right, and ``misses`` lists everything else that is PII). ``over`` holds the
    ``(start, end)`` of entities that should not have been redacted.
    """

    status: str = "pending"
    misses: tuple[Miss, ...] = ()
    over: tuple[tuple[int, int], ...] = ()
    note: str = ""
    updated: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "misses": [{"start": m.start, "end": m.end, "label": m.label} for m in self.misses],
            "over": [{"start": s, "end": e} for s, e in self.over],
            "note": self.note,
            "updated": self.updated,
        }

    @property
    def touched(self) -> bool:
        return self.status != "pending" or bool(self.misses or self.over or self.note)


def _int(value: Any, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise DataError(f"{what} must be an integer")
    return value


@dataclass
class ReviewSet:
    """A review folder loaded in memory; :meth:`decide` validates and saves one row's decision."""

    directory: Path
    manifest: dict[str, Any]
    rows: list[dict[str, Any]]
    decisions: dict[str, Decision] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    by_key: dict[str, dict[str, Any]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.by_key = {row["key"]: row for row in self.rows}

    @classmethod
    def load(cls, directory: str | os.PathLike[str]) -> ReviewSet:
        root = Path(directory)
        try:
            manifest = json.loads((root / MANIFEST_FILE).read_text(encoding="utf-8"))
            rows = json.loads((root / ROWS_FILE).read_text(encoding="utf-8"))["rows"]
        except FileNotFoundError:
            raise DataError(
                f"{root}: not a review folder (no {MANIFEST_FILE} or {ROWS_FILE}); build one with "
                "`redactkit review INPUT.parquet REDACTED.parquet -t transcript -o REVIEW_DIR`"
            ) from None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise DataError(f"{root}: cannot read the review folder ({type(exc).__name__})") from None
        if manifest.get("format") != "redactkit-review":
            raise DataError(f"{root}: {MANIFEST_FILE} is not a redactkit review manifest")
        review = cls(root, manifest, rows)
        state_path = root / STATE_FILE
        if state_path.exists():
            try:
                state = json.loads(state_path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise DataError(
                    f"{state_path}: cannot read the review state ({type(exc).__name__})"
                ) from None
            for key, raw in (state.get("rows") or {}).items():
                if key in review.by_key:
                    review.decisions[key] = review.validate(key, raw, keep_time=True)
        return review

    def decision(self, key: str) -> Decision:
        return self.decisions.get(key, Decision())

    def validate(self, key: str, raw: Any, *, keep_time: bool = False) -> Decision:
        """A :class:`Decision` for row ``key`` from its JSON form; :class:`DataError` if malformed."""
        row = self.by_key.get(key)
        if row is None:
            raise DataError(f"no row {key!r} in this review set")
        if not isinstance(raw, dict):
            raise DataError("a decision must be a JSON object")
        unknown = sorted(set(raw) - {"status", "misses", "over", "note", "updated"})
        if unknown:
            raise DataError(f"unknown decision field(s): {', '.join(unknown)}")
        status = raw.get("status", "pending")
        if status not in STATUSES:
            raise DataError(f"status must be one of {', '.join(STATUSES)}")
        length = len(row["text"])
        misses: list[Miss] = []
        raw_misses = raw.get("misses") or []
        if not isinstance(raw_misses, list) or len(raw_misses) > MAX_MARKS:
            raise DataError(f"misses must be a list of at most {MAX_MARKS} spans")
        for item in raw_misses:
            if not isinstance(item, dict):
                raise DataError("a miss must be an object with start, end and label")
            start, end = _int(item.get("start"), "a miss's start"), _int(item.get("end"), "a miss's end")
            label = item.get("label")
            if not 0 <= start < end <= length:
                raise DataError(f"a miss {start}-{end} lies outside the row's {length} characters")
            if not isinstance(label, str) or not _LABEL.match(label):
                raise DataError("a miss's label must be upper-case letters, digits and _, e.g. PERSON")
            misses.append(Miss(start, end, label))
        entity_spans = {(e["start"], e["end"]) for e in row["entities"]}
        over: list[tuple[int, int]] = []
        raw_over = raw.get("over") or []
        if not isinstance(raw_over, list) or len(raw_over) > MAX_MARKS:
            raise DataError(f"over must be a list of at most {MAX_MARKS} spans")
        for item in raw_over:
            if not isinstance(item, dict):
                raise DataError("an over-redaction must be an object with start and end")
            span = (_int(item.get("start"), "an over-redaction's start"), _int(item.get("end"), "its end"))
            if span not in entity_spans:
                raise DataError(f"an over-redaction {span[0]}-{span[1]} names no entity of the row")
            over.append(span)
        note = raw.get("note") or ""
        if not isinstance(note, str) or len(note) > MAX_NOTE:
            raise DataError(f"a note must be text of at most {MAX_NOTE} characters")
        updated = (
            str(raw.get("updated") or "") if keep_time else datetime.now(UTC).isoformat(timespec="seconds")
        )
        return Decision(
            status=status,
            misses=tuple(sorted(set(misses), key=lambda m: (m.start, m.end, m.label))),
            over=tuple(sorted(set(over))),
            note=note,
            updated=updated,
        )

    def decide(self, key: str, raw: Any) -> Decision:
        """Validate, store and save (atomically) row ``key``'s decision; returns it."""
        decision = self.validate(key, raw)
        with self._lock:
            self.decisions[key] = decision
            self._save()
        return decision

    def _save(self) -> None:
        state = {
            "version": 1,
            "rows": {key: d.to_json() for key, d in sorted(self.decisions.items()) if d.touched},
        }
        write_private_json(self.directory / STATE_FILE, state)

    def progress(self) -> dict[str, int]:
        """Counts for the page's progress bar (no text)."""
        reviewed = sum(1 for d in self.decisions.values() if d.status == "reviewed")
        return {
            "rows": len(self.rows),
            "reviewed": reviewed,
            "misses": sum(len(d.misses) for d in self.decisions.values()),
            "over": sum(len(d.over) for d in self.decisions.values()),
        }

    def state_json(self) -> dict[str, Any]:
        return {key: d.to_json() for key, d in self.decisions.items() if d.touched}
