"""The data model every stage speaks: entities, redaction results and offset-aligned text.

This module imports nothing heavy (no spaCy, no Presidio, no Arrow) so that it can be used and tested
on its own, and so that importing :mod:`redactkit` stays cheap.

Offsets are always Python string offsets (code points), end exclusive, like ``text[start:end]``.

:class:`AlignedText` is the heart of principle 2, *offsets refer to the original transcript*: a
normalizer rewrites ``"five five five"`` into ``"555"``, a detector finds a phone number on ``"555"``,
and the alignment maps that span back to the original characters ``"five five five"``. The map is
stored as a list of segments, each either a *copy* (derived characters correspond one to one to
original characters) or a *replacement* (every derived character of the segment stems from the whole
original range). A span of derived text maps to the hull of the original characters that produced it,
so a mapped span covers every contributing character and never shrinks; material a normalizer deleted
*inside* a span (a filler word between digits) is covered too, because it lies inside the hull.
Composition may add a third kind, a *gap* (no derived characters), where what a later stage deleted
stems from more of the original than the characters on either side (see :meth:`AlignedText.then`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from .lang.tokens import Tokens, Words

__all__ = [
    "AlignedText",
    "AlignmentBuilder",
    "Annotation",
    "Edit",
    "Entity",
    "RedactedEntity",
    "RedactionResult",
]


@dataclass(frozen=True, slots=True)
class Entity:
    """A detected piece of PII.

    ``start``/``end`` are offsets into the text the entity was found on; once a pipeline returns it,
    that is always the *original* transcript. ``detector`` names the component that found it and
    ``explanation`` says why in a short phrase (never the value itself). ``ref`` optionally names the
    value this span refers to (conversation mode sets it to the canonical form of a known value, so
    that "odalys" and "odalys brennagh" get the same numbered pseudonym); empty: the span's own text.
    ``policy_label`` names a second label whose policy protects the value too: a child's age is an
    ``AGE`` (what the value is) protected as a ``MINOR`` (its operator, unless that keeps it, and its
    sensitivity level; :func:`redactkit.spans.child_ages_as_age`); empty: the label alone. An age
    detector's own output marks a child's age the other way round, a ``MINOR`` with ``policy_label``
    ``AGE`` (:func:`redactkit.spans.child_age`), until the pipeline has resolved overlaps.
    """

    start: int
    end: int
    label: str
    score: float = 1.0
    detector: str = ""
    explanation: str = ""
    ref: str = field(default="", repr=False)
    policy_label: str = ""

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"Entity offsets must satisfy 0 <= start <= end, got {self.start}, {self.end}")

    @property
    def length(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Entity) -> bool:
        """Whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def moved(self, start: int, end: int) -> Entity:
        """The same entity at other offsets (used when mapping spans back to the original)."""
        return replace(self, start=start, end=end)


@dataclass(frozen=True, slots=True)
class RedactedEntity:
    """One entity as it was redacted: where it was in the original and where its replacement is.

    ``text[redacted_start:redacted_end]`` of the :class:`RedactionResult` is the replacement (for
    example ``"[PERSON]"``); ``start``/``end`` point into the original transcript. The original value
    is deliberately not stored.
    """

    start: int
    end: int
    label: str
    operator: str
    redacted_start: int
    redacted_end: int
    score: float = 1.0
    detector: str = ""
    explanation: str = ""
    #: conversation mode: id of the turn that made this value known (None: found in this turn alone)
    known_from: str | None = None
    #: the second label whose policy protected the value (a child's age: ``MINOR``); empty: none
    policy_label: str = ""


@dataclass(frozen=True, slots=True)
class RedactionResult:
    """The redacted text of one transcript and what was replaced in it."""

    text: str | None
    entities: tuple[RedactedEntity, ...] = ()
    #: the row's sensitivity level (``none < pii < special < intimate < safety``,
    #: :mod:`redactkit.sensitivity`)
    sensitivity: str = "none"
    #: why: ``label:NAME`` per label found, ``cue:class`` per row-level cue (never text)
    sensitivity_reasons: tuple[str, ...] = ()
    #: what the policy did with the row: ``redact``, ``drop_text`` or ``route``. For the last two
    #: ``text`` is the marker; the entities' redacted offsets then refer to ``routed_text``
    action: str = "redact"
    #: a routed row's span-redacted text, for the restricted review pool (None otherwise)
    routed_text: str | None = field(default=None, repr=False)

    @property
    def has_pii(self) -> bool:
        return bool(self.entities)

    @property
    def withheld(self) -> bool:
        """Whether the policy withheld the row's text (``drop_text`` or ``route``)."""
        return self.action != "redact"


class Edit(NamedTuple):
    """One change a normalizer made, in original offsets: ``original[start:end]`` became ``replacement``.

    ``rule`` names the normalizer rule responsible, so a normalizer can explain what it did.
    """

    start: int
    end: int
    replacement: str
    rule: str


@dataclass(frozen=True, slots=True)
class Annotation:
    """A fact a normalizer recorded about a stretch of the original text, for later stages.

    For example the spoken-number normalizer marks ``"five five five one two three four"`` with
    ``kind="number"`` and ``data={"digits": "5551234", "tokens": 7, "style": "digits"}``, so a detector
    can tell an identifier read digit by digit from a quantity. Offsets are original offsets.
    """

    start: int
    end: int
    kind: str
    data: Mapping[str, Any] = field(default_factory=dict, compare=False)


_Layer = tuple["AlignedText | None", tuple[Edit, ...], tuple[Annotation, ...]]


class _Segment(NamedTuple):
    d_start: int  # first derived offset of the segment
    o_start: int  # original range the segment stems from
    o_end: int
    copy: bool  # True: characters correspond one to one; False: each stems from the whole range


class AlignedText:
    """A derived string plus the map from its offsets back to the original string.

    Build one with :class:`AlignmentBuilder` (normalizers do) or :meth:`identity`. Alignments compose:
    ``first.then(second)`` maps the text of ``second`` straight back to ``first.original``.
    Instances are immutable by contract (a plain slotted class: normalizers create millions of them,
    and a frozen dataclass costs several times more to construct).
    """

    __slots__ = (
        "_annotation_index",
        "_d_starts",
        "_layers",
        "_o_starts",
        "_segments",
        "_tokens",
        "original",
        "text",
    )

    def __init__(
        self,
        original: str,
        text: str,
        _segments: tuple[_Segment, ...] | None = None,
        _d_starts: tuple[int, ...] = (),
        _layers: tuple[_Layer, ...] = (),
    ) -> None:
        self.original = original
        self.text = text
        self._segments = _segments
        self._d_starts = _d_starts
        # Edits and annotations per normalizer layer, each with the alignment that maps the layer's
        # offsets to `original` (None: already original offsets). Mapping is done lazily, on access:
        # composing alignments stays cheap and most callers never look.
        self._layers = _layers
        # (annotations sorted by start, their starts, the longest one's length), built on first query
        self._annotation_index: tuple[tuple[Annotation, ...], list[int], int] | None = None
        # the segments' original starts, when they are ordered and do not overlap in the original
        # (then to_derived bisects instead of scanning every segment); () when they are not
        self._o_starts: tuple[int, ...] | None = None
        # the tokens of `text`, built on first use: every detector reads the same ones
        self._tokens: Tokens | None = None

    def __repr__(self) -> str:
        return f"AlignedText(original={self.original!r}, text={self.text!r}, segments={self._segments!r})"

    # -- construction -------------------------------------------------------------------------------
    @classmethod
    def identity(cls, text: str) -> AlignedText:
        """The alignment of a text to itself; costs nothing to build or to map through."""
        return cls(text, text)

    @classmethod
    def _from_segments(
        cls,
        original: str,
        text: str,
        segments: list[_Segment],
        layers: tuple[_Layer, ...] = (),
    ) -> AlignedText:
        if (
            len(segments) == 1
            and segments[0].copy
            and segments[0].o_start == 0
            and len(text) == len(original)
        ) or (not segments and not text and not original):
            return cls(original, text, None, (), layers)
        return cls(original, text, tuple(segments), tuple(s.d_start for s in segments), layers)

    @property
    def tokens(self) -> Tokens:
        """The tokens of :attr:`text` (:func:`redactkit.lang.tokenize`), built once per text and
        shared by every detector; their ``words`` carry the phrase matcher's results, so phrase
        look-ups in this text are one pass for all detectors too."""
        if self._tokens is None:
            from .lang.tokens import tokenize  # lazy: importing core stays cheap

            self._tokens = tokenize(self.text)
        return self._tokens

    @property
    def words(self) -> Words:
        """The lowercase words of :attr:`tokens`."""
        return self.tokens.words

    @property
    def edits(self) -> tuple[Edit, ...]:
        """Every change the normalizers made, in original offsets, in the order they were made."""
        result: list[Edit] = []
        for mapper, edits, _ in self._layers:
            if mapper is None:
                result.extend(edits)
            else:
                result.extend(Edit(*mapper._map_range(e.start, e.end), e.replacement, e.rule) for e in edits)
        return tuple(result)

    @property
    def annotations(self) -> tuple[Annotation, ...]:
        """Every annotation the normalizers recorded, in original offsets."""
        result: list[Annotation] = []
        for mapper, _, layer in self._layers:
            if mapper is None:
                result.extend(layer)
            else:
                result.extend(Annotation(*mapper._map_range(a.start, a.end), a.kind, a.data) for a in layer)
        return tuple(result)

    def annotations_in(self, start: int, end: int, kind: str | None = None) -> list[Annotation]:
        """Annotations overlapping the *original* span ``[start, end)``, optionally of one kind.

        Indexed on first use (sorted by start), so a detector asking once per candidate costs time
        proportional to the answer, not to all annotations of a long transcript.
        """
        if self._annotation_index is None:
            ordered = tuple(sorted(self.annotations, key=lambda a: (a.start, a.end)))
            longest = max((a.end - a.start for a in ordered), default=0)
            self._annotation_index = (ordered, [a.start for a in ordered], longest)
        ordered, starts, longest = self._annotation_index
        first = bisect_left(starts, start - longest)
        last = bisect_left(starts, end)
        return [
            a
            for a in ordered[first:last]
            if (kind is None or a.kind == kind) and a.start < end and start < a.end
        ]

    @property
    def is_identity(self) -> bool:
        return self._segments is None

    # -- mapping ------------------------------------------------------------------------------------
    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of :attr:`text` to the span of :attr:`original` that produced it.

        The result is the hull of the original characters that produced any character of the span: it
        covers all of them plus whatever lies between (deleted fillers inside a value). A zero-width
        span maps to a zero-width position.
        """
        n = len(self.text)
        if not 0 <= start <= end <= n:
            raise ValueError(f"span ({start}, {end}) is outside the derived text of length {n}")
        segments = self._segments
        if segments is None:
            return start, end
        if start == end:
            position = self._position(start)
            return position, position
        first_index = bisect_right(self._d_starts, start) - 1
        last_index = bisect_right(self._d_starts, end - 1) - 1
        first = segments[first_index]
        last = segments[last_index]
        o_start = first.o_start + (start - first.d_start) if first.copy else first.o_start
        o_end = last.o_start + (end - last.d_start) if last.copy else last.o_end
        if first_index == last_index:
            return o_start, o_end
        o_end = max(o_end, first.o_end)
        # Take the hull over every segment in between. Segments are ordered, but composing two
        # alignments can place a zero-width segment (text inserted from nothing) at either end of a
        # replaced range, so neither end alone is guaranteed to be the extreme.
        for index in range(first_index + 1, last_index):
            segment = segments[index]
            if segment.o_start < o_start:
                o_start = segment.o_start
            if segment.o_end > o_end:
                o_end = segment.o_end
        o_start = min(o_start, last.o_start)
        return o_start, max(o_end, o_start)

    def to_derived(self, start: int, end: int) -> tuple[int, int]:
        """The span of :attr:`text` that stems from the original span ``[start, end)``.

        The inverse of :meth:`to_original` for spans that detectors returned: the hull of every
        derived character produced by an original character inside the span (a replaced stretch that
        overlaps the span counts whole). A span nothing was derived from maps to a zero-width span.
        """
        n = len(self.original)
        if not 0 <= start <= end <= n:
            raise ValueError(f"span ({start}, {end}) is outside the original text of length {n}")
        segments = self._segments
        if segments is None:
            return start, end
        first = last = -1
        low_index, high_index = self._segment_range(start, end)
        for index in range(low_index, high_index):
            segment = segments[index]
            d_end = segments[index + 1].d_start if index + 1 < len(segments) else len(self.text)
            if segment.copy:
                low = max(start, segment.o_start)
                high = min(end, segment.o_end)
                if low >= high:
                    continue
                d_low = segment.d_start + (low - segment.o_start)
                d_high = segment.d_start + (high - segment.o_start)
            else:
                inside = segment.o_start < end and start < segment.o_end
                inserted = segment.o_start == segment.o_end and start < segment.o_start < end
                if not (inside or inserted) or segment.d_start == d_end:
                    continue
                d_low, d_high = segment.d_start, d_end
            first = d_low if first < 0 else min(first, d_low)
            last = max(last, d_high)
        if first < 0:
            position = min(len(self.text), self._derived_position(start))
            return position, position
        return first, last

    def _segment_range(self, start: int, end: int) -> tuple[int, int]:
        """Indices ``[low, high)`` of the segments that can contribute to the original span
        ``[start, end)``: found by bisection when the segments are ordered and do not overlap in the
        original (a per-entity scan of every segment made a long transcript cost quadratic time),
        else all of them."""
        segments = self._segments
        assert segments is not None
        if self._o_starts is None:
            ordered = all(
                segments[index].o_end <= segments[index + 1].o_start
                or segments[index].o_start == segments[index].o_end == segments[index + 1].o_start
                for index in range(len(segments) - 1)
            )
            self._o_starts = tuple(segment.o_start for segment in segments) if ordered else ()
        if not self._o_starts:
            return 0, len(segments)
        # a segment that ends at or before `start` contributes nothing, nor one starting at `end`
        low = max(0, bisect_left(self._o_starts, start) - 1)
        return low, bisect_left(self._o_starts, end)

    def _derived_position(self, offset: int) -> int:
        """Derived position of an original position (for zero-width results of :meth:`to_derived`)."""
        segments = self._segments
        if segments is None:
            return offset
        low, _ = self._segment_range(offset, offset)
        for segment in segments[low:]:
            if offset < segment.o_end or (segment.copy and offset == segment.o_end):
                if segment.copy:
                    return segment.d_start + max(0, offset - segment.o_start)
                return segment.d_start
        return len(self.text)

    def _position(self, offset: int) -> int:
        """Map a zero-width derived position to an original position."""
        segments = self._segments
        if segments is None:
            return offset
        if not segments:
            return len(self.original)
        if offset >= len(self.text):
            return segments[-1].o_end
        segment = segments[bisect_right(self._d_starts, offset) - 1]
        if segment.copy:
            return segment.o_start + (offset - segment.d_start)
        return segment.o_start

    def map_entities(self, entities: Iterable[Entity]) -> list[Entity]:
        """Move entities found on :attr:`text` to original offsets."""
        if self._segments is None:
            return list(entities)
        return [entity.moved(*self.to_original(entity.start, entity.end)) for entity in entities]

    # -- composition --------------------------------------------------------------------------------
    def then(self, outer: AlignedText) -> AlignedText:
        """Compose: ``outer`` was derived from :attr:`text`; map its text back to :attr:`original`."""
        if outer.original != self.text:
            raise ValueError("cannot compose alignments: outer.original is not this alignment's text")
        if outer._segments is None and not outer._layers:
            return self  # the outer stage changed nothing (the common case)
        layers = self._layers + tuple(
            (self if mapper is None else self.then(mapper), edits, notes)
            for mapper, edits, notes in outer._layers
        )
        if outer._segments is None:
            return AlignedText(self.original, outer.text, self._segments, self._d_starts, layers)
        if self._segments is None:
            return AlignedText(self.original, outer.text, outer._segments, outer._d_starts, layers)
        # Mapping a span through both stages in turn takes in, where the span crosses from one outer
        # segment to the next, the first stage's image of what lies between them in the intermediate
        # text (characters the outer stage deleted). Outer segments alone lose that when both sides
        # map to one point: two insertions placed strictly inside a replaced stretch ("5", "-", "-",
        # "5" from "five five five" -> "555") map to the stretch's start, while the span over both
        # insertions stems from the whole stretch. Such an image is kept as a *gap*: a segment of
        # no derived characters, which a span takes in only when it covers characters on both of
        # its sides (see :meth:`to_original`). A gap the neighbours' images already cover is not
        # kept, so alignments that never needed one are built exactly as before.
        composed: list[_Segment] = []
        outer_segments = outer._segments
        pending: tuple[int, int] | None = None  # hull of what the next boundary crossing takes in
        previous_end = -1  # intermediate end of the last outer segment with characters (-1: none)
        taken = -1  # inner gaps at intermediate offsets <= taken are placed already
        last_char = (0, 0)  # original range of the last composed character
        for index, segment in enumerate(outer_segments):
            d_end = outer_segments[index + 1].d_start if index + 1 < len(outer_segments) else len(outer.text)
            start = segment.o_start
            stop = segment.o_start + (d_end - segment.d_start) if segment.copy else segment.o_end
            if d_end == segment.d_start:  # a gap of the outer alignment (it has no characters)
                pending = _hull(pending, self._crossed(start, stop, taken))
                taken = max(taken, stop)
                continue
            if previous_end < 0:
                taken = max(taken, start)  # nothing left of here: inner gaps there are never crossed
            elif start >= previous_end:
                pending = _hull(pending, self._crossed(previous_end, start, taken))
                taken = max(taken, start)
            if segment.copy:
                pieces = self._pieces(segment, start, stop)
            else:
                pieces = [_Segment(segment.d_start, *self._map_range(start, stop), False)]
            if pending is not None:
                # A later stage may insert text at this boundary: the insertion maps to where the
                # next character's image starts, and the gap stays on its left. The gap is needed
                # unless the previous character and that point cover it already (plain deletions
                # between copied text, the common case).
                low, high = pending
                point = pieces[0].o_start
                if low < min(last_char[0], point) or high > max(last_char[1], point):
                    composed.append(_Segment(segment.d_start, low, high, False))
                pending = None
            for piece in pieces:
                _append(composed, piece)
            last = pieces[-1]
            last_char = (last.o_end - 1, last.o_end) if last.copy else (last.o_start, last.o_end)
            previous_end = stop
            taken = max(taken, stop - 1)  # inner gaps strictly inside the segment are mapped with it
        return AlignedText._from_segments(self.original, outer.text, composed, layers)

    def _pieces(self, segment: _Segment, start: int, stop: int) -> list[_Segment]:
        """A copied range ``[start, stop)`` of :attr:`text`, split where this alignment's segments
        split, in derived offsets of ``segment`` (inner gaps strictly inside come along)."""
        inner = self._segments
        assert inner is not None
        pieces: list[_Segment] = []
        position = start
        j = bisect_right(self._d_starts, position) - 1
        while position < stop:
            inner_segment = inner[j]
            inner_end = inner[j + 1].d_start if j + 1 < len(inner) else len(self.text)
            piece_end = min(stop, inner_end)
            d_start = segment.d_start + (position - start)
            if inner_segment.copy:
                o_start = inner_segment.o_start + (position - inner_segment.d_start)
                pieces.append(_Segment(d_start, o_start, o_start + (piece_end - position), True))
            else:
                pieces.append(_Segment(d_start, inner_segment.o_start, inner_segment.o_end, False))
            position = piece_end
            j += 1
        return pieces

    def _crossed(self, start: int, end: int, taken: int) -> tuple[int, int] | None:
        """Original range a span of :attr:`text` takes in beyond its ends when it crosses the range
        ``[start, end]`` (both ends inside it): the image of the characters in between and of the
        gaps at offsets from ``start`` to ``end`` (those after ``taken``). None: nothing."""
        segments = self._segments
        assert segments is not None
        hull: tuple[int, int] | None = None
        if start < end:
            low, high = self.to_original(start, end)
            if low < high:
                hull = (low, high)
        d_starts = self._d_starts
        last = len(segments) - 1
        for index in range(bisect_left(d_starts, max(start, taken + 1)), bisect_right(d_starts, end)):
            if index < last and d_starts[index + 1] == d_starts[index]:
                gap = segments[index]
                hull = _hull(hull, (gap.o_start, gap.o_end))
        return hull

    def _map_range(self, start: int, end: int) -> tuple[int, int]:
        if start == end:
            position = self._position(start)
            return position, position
        return self.to_original(start, end)

    # -- explanation --------------------------------------------------------------------------------
    def explain(self) -> list[str]:
        """Human-readable lines, one per edit: ``"[4:8] 'five' -> '5' (spoken_numbers:digit)"``.

        The lines quote transcript text, so they are for interactive debugging, never for logs.
        """
        return [
            f"[{edit.start}:{edit.end}] {self.original[edit.start : edit.end]!r} -> "
            f"{edit.replacement!r} ({edit.rule})"
            for edit in self.edits
        ]


def _hull(left: tuple[int, int] | None, right: tuple[int, int] | None) -> tuple[int, int] | None:
    if left is None:
        return right
    if right is None:
        return left
    return min(left[0], right[0]), max(left[1], right[1])


def _append(segments: list[_Segment], segment: _Segment) -> None:
    """Append a segment, merging it into the previous copy segment when it continues it."""
    if segments:
        previous = segments[-1]
        if (
            previous.copy
            and segment.copy
            and previous.o_end == segment.o_start
            and previous.o_end - previous.o_start == segment.d_start - previous.d_start
        ):
            segments[-1] = _Segment(previous.d_start, previous.o_start, segment.o_end, True)
            return
    segments.append(segment)


class AlignmentBuilder:
    """Build an :class:`AlignedText` left to right while rewriting a string.

    A normalizer walks the original once and calls :meth:`replace` (or :meth:`delete`,
    :meth:`insert`) for each change; untouched text between changes is copied automatically. Changes
    must come in order and must not overlap.

    >>> builder = AlignmentBuilder("call five five five")
    >>> builder.replace(5, 19, "555", rule="spoken_digits")
    >>> aligned = builder.build()
    >>> aligned.text, aligned.to_original(5, 8)
    ('call 555', (5, 19))
    """

    __slots__ = ("_annotations", "_cursor", "_edits", "_length", "_original", "_parts", "_segments")

    def __init__(self, original: str) -> None:
        self._original = original
        self._cursor = 0
        self._length = 0
        self._parts: list[str] = []
        self._segments: list[_Segment] = []
        self._edits: list[tuple[int, int, str, str]] = []  # Edit fields; objects are made in build()
        self._annotations: list[Annotation] = []

    @property
    def cursor(self) -> int:
        """How far into the original the builder has consumed."""
        return self._cursor

    def keep(self, end: int) -> None:
        """Copy the original up to ``end`` unchanged."""
        if end < self._cursor or end > len(self._original):
            raise ValueError(f"keep({end}) goes backwards or past the end (cursor {self._cursor})")
        if end == self._cursor:
            return
        _append(self._segments, _Segment(self._length, self._cursor, end, True))
        self._parts.append(self._original[self._cursor : end])
        self._length += end - self._cursor
        self._cursor = end

    def replace(self, start: int, end: int, replacement: str, *, rule: str) -> None:
        """Replace ``original[start:end]`` by ``replacement``; text before ``start`` is kept."""
        if start < self._cursor or end < start or end > len(self._original):
            raise ValueError(
                f"replace({start}, {end}) overlaps an earlier change or leaves the text "
                f"(cursor {self._cursor})"
            )
        if start > self._cursor:
            self.keep(start)
        if replacement:
            self._segments.append(_Segment(self._length, start, end, False))
            self._parts.append(replacement)
            self._length += len(replacement)
        self._edits.append((start, end, replacement, rule))
        self._cursor = end

    def delete(self, start: int, end: int, *, rule: str) -> None:
        """Drop ``original[start:end]`` (a filler word, say)."""
        self.replace(start, end, "", rule=rule)

    def insert(self, text: str, *, rule: str) -> None:
        """Insert text at the cursor that stems from no original character."""
        self.replace(self._cursor, self._cursor, text, rule=rule)

    def annotate(self, start: int, end: int, kind: str, **data: Any) -> None:
        """Record a fact about ``original[start:end]`` (see :class:`Annotation`)."""
        self._annotations.append(Annotation(start, end, kind, data))

    def build(self) -> AlignedText:
        self.keep(len(self._original))
        layers: tuple[_Layer, ...] = ()
        if self._edits or self._annotations:
            layers = ((None, tuple(Edit(*edit) for edit in self._edits), tuple(self._annotations)),)
        return AlignedText._from_segments(self._original, "".join(self._parts), self._segments, layers)


def compose_all(alignments: Sequence[AlignedText]) -> AlignedText:
    """Compose a chain of alignments, first to last."""
    if not alignments:
        raise ValueError("compose_all needs at least one alignment")
    result = alignments[0]
    for outer in alignments[1:]:
        result = result.then(outer)
    return result
