"""Conversation mode on Arrow data: record batches of whole conversations in, redacted columns out.

Every engine (local workers, Ray actors, Ray Data ``map_groups``, Spark ``applyInArrow``) ends up in
:func:`redact_conversation_columns` with a batch that holds whole conversations (or, for one longer
than a batch, consecutive parts of it), so a row comes out the same whichever engine redacts it.

- Rows are grouped by the group column (rows with a null group id are conversations of their own)
  and ordered within a conversation by the order column (stable; nulls last), else kept in input
  order. With several text columns, each row contributes one turn per column, in column order.
- :func:`conversation_batches` cuts a stream of record batches at conversation boundaries, so no
  conversation is split between batches unless it is longer than ``max_turns`` rows.
- :class:`GroupingCheck` tells whether a stream is grouped (every conversation's rows contiguous),
  in one pass with memory for one fingerprint per conversation.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from ..core import RedactionResult
from ..errors import DataError
from .engine import Turn

if TYPE_CHECKING:
    import pyarrow as pa

    from ..io.parquet import ColumnOptions, Failure
    from ..pipeline import Pipeline

__all__ = [
    "GroupingCheck",
    "conversation_batches",
    "conversation_order",
    "grouping_permutation",
    "redact_conversation_columns",
    "redact_stream_conversations",
    "redact_table_conversations",
]


class GroupingCheck:
    """Feed group ids in input order; :meth:`add` raises when a conversation comes back after others.

    Null ids are rows without a conversation and may appear anywhere. Memory: one 8-byte digest per
    finished conversation.
    """

    def __init__(self, column: str, source: str, *, hint: str) -> None:
        self.column = column
        self.source = source
        self.hint = hint
        self._current: Any = None
        self._started = False
        self._finished: set[bytes] = set()
        self._row = 0

    def add(self, values: Iterable[Any]) -> None:
        for value in values:
            if value is not None and (not self._started or value != self._current):
                if self._started:
                    self._finished.add(_digest(self._current))
                if _digest(value) in self._finished:
                    raise DataError(
                        f"{self.source} is not grouped by {self.column!r}: row {self._row} belongs to "
                        f"a conversation whose rows ended earlier. Conversation mode needs each "
                        f"conversation's rows together: {self.hint}"
                    )
                self._current = value
                self._started = True
            self._row += 1


def _digest(value: Any) -> bytes:
    return hashlib.blake2b(repr(value).encode(), digest_size=8).digest()


def conversation_batches(
    batches: Iterable[pa.RecordBatch], group_column: str, rows: int, max_turns: int
) -> Iterator[pa.RecordBatch]:
    """Re-cut ``batches`` into batches of about ``rows`` rows that end where a conversation ends.

    A conversation longer than ``max_turns`` rows is emitted in parts of ``max_turns`` rows (its
    known values carry from part to part in the worker that redacts them all).
    """
    import pyarrow as pa

    buffer: list[pa.RecordBatch] = []
    buffered = 0
    for batch in batches:
        if batch.num_rows == 0:
            continue
        buffer.append(batch)
        buffered += batch.num_rows
        if buffered < rows:
            continue
        table = pa.Table.from_batches(buffer).combine_chunks()
        cut = _last_boundary(table.column(group_column).to_pylist())
        if cut == 0:  # one conversation so far: emit full parts of it, keep the rest
            cut = (table.num_rows // max_turns) * max_turns if table.num_rows >= max_turns else 0
        if cut == 0:
            continue
        yield from table.slice(0, cut).to_batches()
        rest = table.slice(cut)
        buffer = rest.to_batches() if rest.num_rows else []
        buffered = rest.num_rows
    if buffered:
        yield from pa.Table.from_batches(buffer).combine_chunks().to_batches()


def _last_boundary(groups: Sequence[Any]) -> int:
    """Index where the last conversation of ``groups`` starts (0: all rows are one conversation).
    A null id is a conversation of its own, so a trailing null row starts one."""
    last = len(groups) - 1
    if groups[last] is None:
        return last
    index = last
    while index > 0 and groups[index - 1] == groups[last]:
        index -= 1
    return index


def grouping_permutation(table: pa.Table, group_column: str) -> pa.Array:
    """Row indices that bring each conversation's rows together (a stable sort by group id, so
    rows keep their order within a conversation); ``table.take(...)`` applies it."""
    import pyarrow.compute as pc

    # stable; null ids (rows of their own) go last
    return pc.sort_indices(table.select([group_column]), sort_keys=[(group_column, "ascending")])


def redact_table_conversations(
    table: pa.Table,
    pipeline: Pipeline,
    options: ColumnOptions,
    schema: pa.Schema,
    rows: int,
    *,
    sort: bool = False,
) -> pa.Table:
    """Redact an in-memory table conversation by conversation (``redact_table`` in conversation
    mode): batches of about ``rows`` rows cut at conversation ends; with ``sort``, the rows are
    grouped first and returned in their input order."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from ..io._engine import redact_batch

    assert options.group_column is not None
    permutation = None
    if sort:
        permutation = grouping_permutation(table, options.group_column)
        table = table.take(permutation)
    else:
        check = GroupingCheck(
            options.group_column, "table", hint="sort the table by it first, or pass sort=True"
        )
        check.add(table.column(options.group_column).to_pylist())
    pipeline.conversations.reset()
    batches = conversation_batches(
        table.to_batches(max_chunksize=rows), options.group_column, rows, pipeline.conversation.max_turns
    )
    out = [redact_batch(batch, pipeline, options, schema) for batch in batches]
    result = pa.Table.from_batches(out, schema=schema)
    if permutation is not None:
        result = result.take(pc.sort_indices(permutation))
    return result


def redact_stream_conversations(
    batches: Iterable[pa.RecordBatch],
    pipeline: Pipeline,
    options: ColumnOptions,
    schema: pa.Schema,
    rows: int,
) -> Iterator[pa.RecordBatch]:
    """Redact a stream of record batches conversation by conversation, lazily; the grouping is
    checked as the batches are read (a stream cannot be sorted)."""
    from ..io._engine import redact_batch

    assert options.group_column is not None
    check = GroupingCheck(options.group_column, "stream", hint="sort the data by it before streaming it")

    def checked() -> Iterator[pa.RecordBatch]:
        for batch in batches:
            check.add(batch.column(options.group_column).to_pylist())
            yield batch

    pipeline.conversations.reset()
    stream = conversation_batches(checked(), options.group_column, rows, pipeline.conversation.max_turns)
    for batch in stream:
        yield redact_batch(batch, pipeline, options, schema)


def conversation_order(groups: Sequence[Any], orders: Sequence[Any] | None) -> list[list[int]]:
    """Row indices per conversation, conversations in order of first row, turns by ``orders``."""
    conversations: dict[Any, list[int]] = {}
    for index, group in enumerate(groups):
        key = ("row", index) if group is None else ("group", group)
        conversations.setdefault(key, []).append(index)
    result = list(conversations.values())
    if orders is not None:
        result = [
            sorted(rows, key=lambda row: (orders[row] is None, orders[row] if orders[row] is not None else 0))
            for rows in result
        ]
    return result


def redact_conversation_columns(
    work: pa.RecordBatch, pipeline: Pipeline, options: ColumnOptions
) -> tuple[dict[str, tuple[pa.Array, pa.Array]], list[Failure]]:
    """Redact the text columns of ``work`` conversation by conversation (see module docs).

    ``work`` holds the text columns, the group column and, if named, the order, speaker and id
    columns. A batch whose first conversation is the one the pipeline's conversation redactor saw
    last continues it (a conversation longer than a batch).
    """

    from ..io.nested import text_array
    from ..io.parquet import Failure, _entities_array, _quarantined, sensitivity_outputs

    assert options.group_column is not None
    groups = [None if g is None else str(g) for g in work.column(options.group_column).to_pylist()]
    orders = None if options.order_column is None else work.column(options.order_column).to_pylist()
    speakers = None if options.speaker_column is None else work.column(options.speaker_column).to_pylist()
    ids = _row_ids(work, options, orders)
    texts = {column: work.column(column).to_pylist() for column in options.text_columns}
    plan = conversation_order(groups, orders)
    results: dict[str, list[RedactionResult | None]] = {c: [None] * work.num_rows for c in texts}
    failures: list[Failure] = []
    broken: set[int] = set()
    try:
        _redact(pipeline, options, plan, groups, texts, ids, speakers, results, broken)
    except Exception as exc:
        _raise_unless_quarantine(exc, options.on_error)
        # find the rows that fail alone; redact the rest of their conversations without them
        for column, values in texts.items():
            for row, text in enumerate(values):
                try:
                    pipeline.analyze_batch([text])
                except Exception as row_exc:
                    _raise_unless_quarantine(row_exc, "quarantine")
                    broken.add(row)
                    # the component, never the message (a plugin's message may quote the text)
                    component = getattr(row_exc, "component", None)
                    failures.append(Failure(row, column, type(row_exc).__name__, component))
        pipeline.conversations.reset()
        try:
            _redact(pipeline, options, plan, groups, texts, ids, speakers, results, broken)
        except Exception as again:  # fail closed: every row of the batch is masked
            _raise_unless_quarantine(again, "quarantine")
            for column, values in texts.items():
                for row, text in enumerate(values):
                    if row not in broken:
                        failures.append(Failure(row, column, type(again).__name__, None))
                    results[column][row] = None if text is None else _quarantined(text)
            broken = set(range(work.num_rows))
    outputs: dict[str, tuple[pa.Array, pa.Array]] = {}
    for column, values in texts.items():
        column_results = [
            _quarantined(values[row] or "")
            if row in broken and values[row] is not None and results[column][row] is None
            else results[column][row] or RedactionResult(values[row], ())
            for row in range(work.num_rows)
        ]
        redacted = text_array([result.text for result in column_results], work.column(column).type)
        outputs[column] = (redacted, _entities_array(column_results, known_from=True))
        outputs.update(sensitivity_outputs(column, column_results))
    failures.sort(key=lambda failure: (failure.row, failure.column))
    return outputs, failures


def _redact(
    pipeline: Pipeline,
    options: ColumnOptions,
    plan: list[list[int]],
    groups: Sequence[str | None],
    texts: dict[str, list[str | None]],
    ids: Sequence[str | None],
    speakers: Sequence[Any] | None,
    results: dict[str, list[RedactionResult | None]],
    broken: set[int],
) -> None:
    columns = list(texts)
    several = len(columns) > 1
    conversations: list[tuple[str | None, list[Turn]]] = []
    slots: list[list[tuple[str, int]]] = []
    for rows in plan:
        turns: list[Turn] = []
        where: list[tuple[str, int]] = []
        for row in rows:
            for column in columns:
                text = None if row in broken else texts[column][row]
                row_id = ids[row]
                turn_id = f"{row_id}/{column}" if several and row_id is not None else row_id
                speaker = None if speakers is None or speakers[row] is None else str(speakers[row])
                turns.append(Turn(text, turn_id, speaker))
                where.append((column, row))
        group = groups[rows[0]]
        conversations.append((group, turns))
        slots.append(where)
    redacted = pipeline.conversations.redact_many(conversations, continues=True)
    for where, conversation in zip(slots, redacted, strict=True):
        for (column, row), result in zip(where, conversation, strict=True):
            results[column][row] = None if row in broken else result


def _row_ids(work: pa.RecordBatch, options: ColumnOptions, orders: Sequence[Any] | None) -> list[str | None]:
    """What explanations call a row: the id column, else the order column (turn number), else None
    (the redactor then says "turn <position in the conversation>")."""
    if options.id_column is not None and options.id_column in work.schema.names:
        values: Sequence[Any] = work.column(options.id_column).to_pylist()
    elif orders is not None:
        values = orders
    else:
        return [None] * work.num_rows
    return [None if value is None else str(value) for value in values]


def _raise_unless_quarantine(exc: BaseException, on_error: str) -> None:
    from ..errors import ConfigError, ModelNotFoundError, RedactkitError

    if isinstance(exc, ConfigError | ModelNotFoundError):
        raise exc  # the setup is wrong, not the row
    if on_error != "quarantine":
        if isinstance(exc, RedactkitError):
            raise exc
        # a foreign exception's message may quote the text: keep only its class (principle 5)
        raise RedactkitError(f"redaction failed on a batch ({type(exc).__name__})") from None
