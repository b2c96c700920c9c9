"""Text columns of any Arrow string type, and transcripts nested in structs and lists.

A text column is named either by a top-level column name or, with dots, by a *path* into structs
and lists (a dotted name is always a path): ``meta.caller`` (a struct field), ``segments.text`` (the
``text`` field of every element of a Whisper-style ``list<struct<start, end, text, words:
list<struct<…>>>>``). Lists are walked through implicitly, so a path names struct fields only.

A nested transcript is redacted as one text per row: the row's non-null leaf texts in order, joined
by one space, so a name split over two segments is still found. The redacted text is then cut back
into the leaves and written **in place**, in its nested position, with the column's type, nulls and
list lengths unchanged. An entity that crosses a segment boundary is replaced in the segment where
it starts and the rest of it is removed from the following segment(s): nothing of it is left.
Entity offsets in the ``<path>_entities`` column refer to that joined row text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..core import RedactionResult
from ..errors import DataError

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "NestedColumn",
    "check_text_type",
    "is_text_type",
    "join_leaves",
    "output_text_type",
    "split_redacted",
]

#: what joins a row's leaf texts into the one text that is analyzed
SEPARATOR = " "


def is_text_type(kind: pa.DataType) -> bool:
    """``string``, ``large_string``, ``string_view`` or a dictionary of one of them."""
    import pyarrow as pa

    if pa.types.is_dictionary(kind):
        kind = kind.value_type
    return bool(pa.types.is_string(kind) or pa.types.is_large_string(kind) or _is_string_view(kind))


def _is_string_view(kind: pa.DataType) -> bool:
    import pyarrow as pa

    check = getattr(pa.types, "is_string_view", None)
    return bool(check is not None and check(kind))


def output_text_type(kind: pa.DataType) -> pa.DataType:
    """The type of a redacted text column: the input's, except that a dictionary's index widens to
    int32 (redacted values are more varied than the originals, and would overflow an int8 index)."""
    import pyarrow as pa

    if pa.types.is_dictionary(kind) and kind.index_type.bit_width < 32:
        return pa.dictionary(pa.int32(), kind.value_type, kind.ordered)
    return kind


def text_array(texts: Sequence[str | None], kind: pa.DataType) -> pa.Array:
    """An Arrow array of ``texts`` of type :func:`output_text_type` of ``kind``."""
    import pyarrow as pa

    target = output_text_type(kind)
    if pa.types.is_dictionary(target):
        return pa.array(texts, type=target.value_type).dictionary_encode().cast(target)
    return pa.array(texts, type=target)


def check_text_type(kind: pa.DataType, column: str, *, source: str) -> None:
    if not is_text_type(kind):
        raise DataError(
            f"{source}: column {column!r} is of type {kind}, not a string column; cast it to string "
            "first or name another --text-column (a transcript nested in structs or lists is named by "
            "its path, e.g. segments.text)"
        )


@dataclass(frozen=True)
class NestedColumn:
    """A transcript at ``path`` inside the top-level column ``column`` (``steps``: struct fields)."""

    path: str
    column: str
    steps: tuple[str, ...]

    @property
    def safe_name(self) -> str:
        """The path as a column-name stem for the entities and intervals columns."""
        return self.path.replace(".", "_")


def leaf_type(kind: pa.DataType, nested: NestedColumn, *, source: str) -> pa.DataType:
    """The type at the end of the path (checked to be text); errors name the valid fields."""
    kind = _through_lists(kind)
    walked = nested.column
    for step in nested.steps:
        import pyarrow as pa

        if not pa.types.is_struct(kind):
            raise DataError(
                f"{source}: {walked!r} is of type {kind}, not a struct, so it has no field {step!r}"
            )
        index = kind.get_field_index(step)
        if index < 0:
            fields = ", ".join(field.name for field in kind) or "(none)"
            raise DataError(f"{source}: {walked!r} has no field {step!r}. Its fields: {fields}")
        kind = _through_lists(kind.field(index).type)
        walked += f".{step}"
    check_text_type(kind, nested.path, source=source)
    return kind


def _through_lists(kind: pa.DataType) -> pa.DataType:
    import pyarrow as pa

    while pa.types.is_list(kind) or pa.types.is_large_list(kind):
        kind = kind.value_type
    return kind


def nested_output_type(kind: pa.DataType, steps: Sequence[str]) -> pa.DataType:
    """``kind`` with the text leaf at ``steps`` replaced by its :func:`output_text_type`."""
    import pyarrow as pa

    if pa.types.is_list(kind) or pa.types.is_large_list(kind):
        field = kind.value_field
        inner = field.with_type(nested_output_type(field.type, steps))
        return pa.large_list(inner) if pa.types.is_large_list(kind) else pa.list_(inner)
    if not steps:
        return output_text_type(kind)
    fields = [
        field.with_type(nested_output_type(field.type, steps[1:])) if field.name == steps[0] else field
        for field in kind
    ]
    return pa.struct(fields)


Rebuild = Callable[["pa.Array"], "pa.Array"]


def extract_leaves(array: pa.Array, steps: Sequence[str]) -> tuple[pa.Array, list[int], Rebuild]:
    """The leaf text array, the top-level row of each leaf, and a function that rebuilds ``array``
    (same shape, nulls and list lengths) from a new leaf array of the same length."""
    import pyarrow as pa

    rows = pa.array(range(len(array)), type=pa.int64())
    leaf, leaf_rows, rebuild = _descend(array, list(steps), rows)
    return leaf, leaf_rows.to_pylist(), rebuild


def _descend(array: pa.Array, steps: list[str], rows: pa.Array) -> tuple[pa.Array, pa.Array, Rebuild]:
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    kind = array.type
    mask = array.is_null() if array.null_count else None
    if pa.types.is_list(kind) or pa.types.is_large_list(kind):
        values = array.flatten()
        parents = pc.list_parent_indices(array)
        leaf, leaf_rows, rebuild_values = _descend(values, steps, pc.take(rows, parents))
        lengths = pc.fill_null(pc.list_value_length(array), 0).to_numpy(zero_copy_only=False)
        large = pa.types.is_large_list(kind)
        offsets = pa.array(
            np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64 if large else np.int32),
            type=pa.int64() if large else pa.int32(),
        )

        def rebuild_list(new_leaf: pa.Array) -> pa.Array:
            new_values = rebuild_values(new_leaf)
            field = kind.value_field.with_type(new_values.type)
            target = pa.large_list(field) if large else pa.list_(field)
            cls = pa.LargeListArray if large else pa.ListArray
            return cls.from_arrays(offsets, new_values, type=target, mask=mask)

        return leaf, leaf_rows, rebuild_list
    if not steps:
        return array, rows, lambda new_leaf: new_leaf
    children = array.flatten()  # each child with the struct's nulls applied
    index = kind.get_field_index(steps[0])
    leaf, leaf_rows, rebuild_child = _descend(children[index], steps[1:], rows)

    def rebuild_struct(new_leaf: pa.Array) -> pa.Array:
        new_children = list(children)
        new_children[index] = rebuild_child(new_leaf)
        fields = [field.with_type(child.type) for field, child in zip(kind, new_children, strict=True)]
        return pa.StructArray.from_arrays(new_children, fields=fields, mask=mask)

    return leaf, leaf_rows, rebuild_struct


@dataclass(frozen=True)
class JoinedRows:
    """Each row's leaf texts joined into one text, with where each leaf sits in it."""

    texts: list[str | None]
    #: per leaf: (row, start, end) in the row's joined text, or None for a null leaf
    spans: list[tuple[int, int, int] | None]


def join_leaves(leaves: Sequence[str | None], leaf_rows: Sequence[int], num_rows: int) -> JoinedRows:
    parts: list[list[str]] = [[] for _ in range(num_rows)]
    lengths = [0] * num_rows
    spans: list[tuple[int, int, int] | None] = []
    for text, row in zip(leaves, leaf_rows, strict=True):
        if text is None:
            spans.append(None)
            continue
        if parts[row]:
            lengths[row] += len(SEPARATOR)
        start = lengths[row]
        parts[row].append(text)
        lengths[row] += len(text)
        spans.append((row, start, lengths[row]))
    texts = [SEPARATOR.join(row) if row else None for row in parts]
    return JoinedRows(texts, spans)


def split_redacted(joined: JoinedRows, results: Sequence[RedactionResult]) -> list[str | None]:
    """Cut each row's redacted text back into its leaves (see the module docstring)."""
    out: list[str | None] = []
    for span in joined.spans:
        if span is None:
            out.append(None)
            continue
        row, start, end = span
        result = results[row]
        if result.text is None:
            raise DataError("internal error: a nested row with text came back without text")
        out.append(result.text[_to_redacted(result, start) : _to_redacted(result, end)])
    return out


def _to_redacted(result: RedactionResult, position: int) -> int:
    """Where an original position lands in the redacted text; inside an entity: after its replacement."""
    shift = 0
    for entity in sorted(result.entities, key=lambda e: e.start):
        if position <= entity.start:
            break
        if position < entity.end:
            return entity.redacted_end
        shift = entity.redacted_end - entity.end
    return position + shift


def nested_words(
    array: pa.Array, steps: Sequence[str], num_rows: int, text_field: str | None = None
) -> list[list[dict[str, Any]] | None]:
    """Per row, the word timings at ``steps`` (a ``list<struct<word, start, end>>`` in each
    element) concatenated in order. A segment without words contributes the tokens of its
    ``text_field``, each timed with the whole segment (its ``start``/``end``), so entities in it
    are blanked for the whole segment (fail closed)."""
    import pyarrow as pa

    *parent_steps, words_field = steps
    rows = pa.array(range(num_rows), type=pa.int64())
    holder, holder_rows, _ = _descend(array, list(parent_steps), rows)
    if not pa.types.is_struct(holder.type):
        raise DataError(f"the parent of {words_field!r} is not a struct of segments")
    records = holder.to_pylist()
    out: list[list[dict[str, Any]] | None] = [None] * num_rows
    for record, row in zip(records, holder_rows.to_pylist(), strict=True):
        if record is None:
            continue
        words = record.get(words_field)
        row_words = out[row] if out[row] is not None else []
        if words:
            row_words.extend(w for w in words if w is not None)
        else:
            start, end = record.get("start"), record.get("end")
            text = record.get(text_field) if text_field is not None else None
            if isinstance(text, str) and isinstance(start, int | float) and isinstance(end, int | float):
                row_words.extend({"word": token, "start": start, "end": end} for token in text.split())
        out[row] = row_words
    return out
