"""Progress of long CLI runs when stderr is not a terminal: one log line every N seconds.

A terminal gets rich's live bar; a log file, a CI job or ``nohup`` gets plain lines such as::

    redactkit: loading models
    redactkit: models loaded in 11.8 s
    redactkit: 12,000/50,000 rows (24.0%), 480 rows/s, ETA 1m19s

The rate counts only rows redacted after the first batch finished, so model loading (in this
process or in the workers) never makes the first figures look slow; before that, no rate is shown.
Lines hold counts only, never text.
"""

from __future__ import annotations

import time
from collections.abc import Callable

__all__ = ["ProgressLog", "format_duration"]


def format_duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h{minutes:02d}m"
    if minutes:
        return f"{minutes}m{secs:02d}s"
    return f"{secs}s"


class ProgressLog:
    """Callbacks for ``redact_parquet(on_start=..., on_batch=...)`` that write a line every ``interval`` s."""

    def __init__(
        self,
        write: Callable[[str], None],
        *,
        interval: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.write = write
        self.interval = interval
        self.clock = clock
        self.total: int | None = None
        self.done = 0
        self._started = clock()
        self._first_batch_at: float | None = None
        self._rows_at_first_batch = 0
        self._last_line = self._started

    def loading(self) -> None:
        """Say that the models are loading (the slow, silent part of a run's start)."""
        self.write("loading models")

    def start(self, total: int) -> None:
        self.total = total
        self.write(f"redacting {total:,} rows")

    def batch(self, rows: int) -> None:
        now = self.clock()
        self.done += rows
        if self._first_batch_at is None:
            # the first batch carries the model loading; the rate starts after it
            self._first_batch_at = now
            self._rows_at_first_batch = self.done
            self.write(f"first batch done after {now - self._started:.1f} s")
        if now - self._last_line >= self.interval:
            self._last_line = now
            self.write(self.line(now))

    def rate(self, now: float | None = None) -> float | None:
        """Rows per second since the first batch, or None before there is a second measurement."""
        if self._first_batch_at is None:
            return None
        now = self.clock() if now is None else now
        elapsed = now - self._first_batch_at
        rows = self.done - self._rows_at_first_batch
        if elapsed <= 0 or rows <= 0:
            return None
        return rows / elapsed

    def line(self, now: float | None = None) -> str:
        rate = self.rate(now)
        parts = [f"{self.done:,}/{self.total:,} rows" if self.total else f"{self.done:,} rows"]
        if self.total:
            parts[0] += f" ({100 * self.done / self.total:.1f}%)"
        if rate is None:
            parts.append("rate: measuring")
        else:
            parts.append(f"{rate:,.0f} rows/s")
            if self.total:
                parts.append(f"ETA {format_duration(max(0, self.total - self.done) / rate)}")
        return ", ".join(parts)
