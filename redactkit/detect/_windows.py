"""Overlapping windows over long texts, for detectors whose cost or limit grows with text length.

spaCy refuses texts longer than ``nlp.max_length`` (1,000,000 characters), and Presidio's context
enhancer compares every result with every token, so its time grows with the square of the length.
A long transcript is therefore cut into windows at whitespace, each overlapping the previous one by
``overlap`` characters, so an entity at a seam lies whole inside at least one window (an entity is
never longer than the overlap). Results are shifted back to text offsets and de-duplicated; partial
hits at a seam overlap the whole hit and are merged by the pipeline's overlap resolution (the union
wins), so nothing at a seam is lost.

The windows of one long text are many texts at once: :func:`bounded_batches` keeps a model's batch
to a number of characters as well as of texts, so a batch of a hundred windows does not outgrow the
caches and make the model's time per character grow with the text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from ..core import Entity

__all__ = ["bounded_batches", "shift_and_dedupe", "text_windows"]


def text_windows(text: str, size: int, overlap: int) -> list[tuple[int, int]]:
    """``(start, end)`` spans covering ``text``: at most ``size`` characters each, cut after
    whitespace where possible, consecutive spans sharing at least ``overlap`` characters. A text of
    ``size`` characters or fewer is one window."""
    if not 0 <= overlap * 2 < size:
        raise ValueError("overlap must be less than half the window size")
    n = len(text)
    if n <= size:
        return [(0, n)]
    windows: list[tuple[int, int]] = []
    start = previous_end = 0
    while True:
        end = min(n, start + size)
        if end < n:
            cut = _last_space(text, max(start + size // 2, previous_end), end)
            if cut != -1:
                end = cut + 1  # the window ends with the space: no word is cut
        windows.append((start, end))
        previous_end = end
        if end >= n:
            return windows
        # the next window starts at least `overlap` characters back, at a word start if there is one
        back = end - overlap
        space = _last_space(text, start + 1, back)
        start = space + 1 if space != -1 else back


def bounded_batches(texts: Sequence[str], max_texts: int, max_chars: int) -> Iterator[Sequence[str]]:
    """``texts`` in order, in consecutive batches of at most ``max_texts`` texts and, once a batch
    holds one, ``max_chars`` characters (a longer text is a batch of its own)."""
    first = chars = 0
    for index, text in enumerate(texts):
        if index > first and (index - first >= max_texts or chars + len(text) > max_chars):
            yield texts[first:index]
            first, chars = index, 0
        chars += len(text)
    if first < len(texts):
        yield texts[first:]


def _last_space(text: str, low: int, high: int) -> int:
    """The last whitespace position in ``text[low:high]``, or -1."""
    return max(text.rfind(" ", low, high), text.rfind("\n", low, high), text.rfind("\t", low, high))


def shift_and_dedupe(per_window: Iterable[tuple[int, Iterable[Entity]]]) -> list[Entity]:
    """Entities found in windows (``(window start, entities)``) in text offsets, each span and label
    once (the highest score wins), sorted by offset."""
    best: dict[tuple[int, int, str], Entity] = {}
    for offset, entities in per_window:
        for entity in _shifted(offset, entities):
            key = (entity.start, entity.end, entity.label)
            if key not in best or entity.score > best[key].score:
                best[key] = entity
    return sorted(best.values(), key=lambda entity: (entity.start, entity.end))


def _shifted(offset: int, entities: Iterable[Entity]) -> Iterator[Entity]:
    for entity in entities:
        yield entity if offset == 0 else entity.moved(entity.start + offset, entity.end + offset)
