"""Entity character spans -> time intervals of the audio, failing closed.

An entity whose tokens all have times becomes ``[first start, last end]``. An entity touching a token
that has no time widens to the neighbouring timed tokens (the untimed words must have been said between
them); with no timed neighbour on a side it runs to the start or the end of the utterance; a row with
no timed token at all loses the whole utterance. So an entity never maps to nothing.

A timed token can be wrong too: a recognizer that did not know a long name often writes one short word
with a short time. When a redacted token is timed shorter than ``short_word`` seconds, the interval
widens to the end of the previous timed word and the start of the next one (the name was said
somewhere in between). Intervals are then padded (``padding``, at least ``label_padding`` of their
label), clipped to ``[0, duration]`` and merged when closer than ``merge_gap``.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from .options import AudioOptions
from .timing import Alignment

__all__ = ["Interval", "entity_intervals", "merge_intervals", "raw_entity_interval"]


class Interval(NamedTuple):
    """Seconds from the start of the audio; ``label`` names the entity (or ``A|B`` once merged)."""

    start: float
    end: float
    label: str


def raw_entity_interval(
    alignment: Alignment, start: int, end: int, utterance_end: float, short_word: float = 0.0
) -> tuple[float, float]:
    """Unpadded time span of characters ``[start, end)`` of the transcript (see module docstring)."""
    tokens, times = alignment.tokens, alignment.token_times
    if not alignment.any_aligned:
        return 0.0, utterance_end
    inside = [k for k, token in enumerate(tokens) if token.start < end and token.end > start]
    timed = [times[k] for k in inside if times[k] is not None]
    untimed = [k for k in inside if times[k] is None]
    low, high = math.inf, -math.inf
    for span in timed:
        assert span is not None
        low, high = min(low, span[0]), max(high, span[1])
    if short_word > 0 and any(span[1] - span[0] < short_word for span in timed if span is not None):
        # an untrusted (short) timing: the value was said somewhere between the neighbouring words
        first, last = inside[0], inside[-1]
        before = next((times[k] for k in range(first - 1, -1, -1) if times[k] is not None), None)
        after = next((times[k] for k in range(last + 1, len(tokens)) if times[k] is not None), None)
        if before is not None:
            low = min(low, before[1])
        if after is not None:
            high = max(high, after[0])
    if untimed or not inside:
        if inside:
            first, last = untimed[0], untimed[-1]
        else:  # the entity covers no speech token (punctuation only): place it between its neighbours
            first = bisect.bisect_left([token.start for token in tokens], start)
            last = first - 1
        before = next((times[k] for k in range(first - 1, -1, -1) if times[k] is not None), None)
        after = next((times[k] for k in range(last + 1, len(tokens)) if times[k] is not None), None)
        low = min(low, before[0] if before is not None else 0.0)
        high = max(high, after[1] if after is not None else utterance_end)
    return low, high


def entity_intervals(
    alignment: Alignment,
    entities: Iterable[tuple[int, int, str]],
    options: AudioOptions,
    duration: float | None = None,
) -> list[Interval]:
    """Padded, clipped and merged intervals of ``(start, end, label)`` character spans.

    ``duration`` is the audio length in seconds when known. Without it, an interval that must run to
    the end of the utterance (fail closed) ends at infinity: the timing words may stop before the
    recording does, and the audio writer clips to the real length.
    """
    utterance_end = duration if duration is not None else math.inf
    intervals = []
    for start, end, label in entities:
        low, high = raw_entity_interval(alignment, start, end, utterance_end, options.short_word)
        if high - low < options.min_duration:
            middle = (low + high) / 2
            low, high = middle - options.min_duration / 2, middle + options.min_duration / 2
        padding = options.padding_of(label)
        low, high = max(0.0, low - padding), high + padding
        if duration is not None:
            high = min(high, duration)
            low = min(low, max(0.0, duration - options.min_duration))
        intervals.append(Interval(low, high, label))
    return merge_intervals(intervals, options.merge_gap)


def merge_intervals(intervals: Sequence[Interval], gap: float) -> list[Interval]:
    """Sort and merge intervals that overlap or lie at most ``gap`` seconds apart."""
    merged: list[tuple[float, float, list[str]]] = []
    for start, end, label in sorted(intervals):
        if merged and start - merged[-1][1] <= gap:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), last[2] if label in last[2] else [*last[2], label])
        else:
            merged.append((start, end, [label]))
    return [Interval(start, end, "|".join(labels)) for start, end, labels in merged]
