"""Redact Arrow data batch by batch: record batches and tables in, the same plus redacted columns out.

This module holds what one process does with one batch; :mod:`redactkit.io.dataset` streams files and
directories through it, optionally in worker processes. Every input column, its type, nullability and
the schema metadata are kept; rows stay in order; a row that cannot be processed is never written out
as if clean (``on_error="fail"`` stops the run, ``"quarantine"`` masks the whole text).
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..core import RedactedEntity, RedactionResult
from ..errors import ConfigError, DataError, ModelNotFoundError, RedactkitError
from .nested import (
    NestedColumn,
    check_text_type,
    extract_leaves,
    join_leaves,
    leaf_type,
    nested_output_type,
    nested_words,
    output_text_type,
    split_redacted,
    text_array,
)

if TYPE_CHECKING:
    import pyarrow as pa

    from ..pipeline import Pipeline

__all__ = [
    "ENTITY_STRUCT_FIELDS",
    "QUARANTINE_LABEL",
    "QUARANTINE_OPERATOR",
    "QUARANTINE_TEXT",
    "ColumnOptions",
    "Failure",
    "RedactionSummary",
    "entities_type",
    "redact_record_batch",
    "redact_table",
]

#: The first fields of one entry of the ``<column>_entities`` list column; conversation mode's
#: ``known_from`` and then ``policy_label`` follow (:func:`entities_type`), appended last so that
#: every older field keeps its position.
ENTITY_STRUCT_FIELDS: tuple[tuple[str, str], ...] = (
    ("start", "int32"),
    ("end", "int32"),
    ("label", "string"),
    ("operator", "string"),
    ("score", "float32"),
    ("detector", "string"),
)

#: What replaces the whole text of a row whose processing failed under ``on_error="quarantine"``.
QUARANTINE_TEXT = "[REDACTION_FAILED]"
#: Label and operator of the single entity that covers a quarantined text, so readers of the
#: entities column can tell such rows apart.
QUARANTINE_LABEL = "REDACTION_FAILED"
QUARANTINE_OPERATOR = "quarantine"

ON_ERROR = ("fail", "quarantine")


def entities_type(known_from: bool = False) -> pa.DataType:
    """Arrow type of the entities column:
    ``list<struct<start, end, label, operator, score, detector, policy_label>>``.

    ``policy_label`` names the second label whose policy protected the value (a child's age is an
    ``AGE`` redacted with ``MINOR``'s operator: ``"MINOR"``); null when the label alone did. In
    conversation mode (``known_from``) each entry also has ``known_from``, before ``policy_label``:
    the row id of the turn that made the value known (null when the row's own detection found it).
    Files written before ``policy_label`` existed lack it; readers take a missing field as null.
    """
    import pyarrow as pa

    fields = [pa.field(name, getattr(pa, kind)()) for name, kind in ENTITY_STRUCT_FIELDS]
    if known_from:
        fields.append(pa.field("known_from", pa.string()))
    fields.append(pa.field("policy_label", pa.string()))
    return pa.list_(pa.struct(fields))


@dataclass(frozen=True)
class ColumnOptions:
    """Which columns to redact and how the output columns are named.

    ``redacted_name`` and ``entities_name`` are templates in which ``{column}`` is the text column's
    name. With ``in_place`` the text column itself holds the redacted text (same name, type and
    position) and ``redacted_name`` is unused. ``group_column`` names the conversation or session of
    each row (group-scoped pseudonyms); ``id_column`` names the row id quarantine records carry.
    """

    text_columns: tuple[str, ...] = ("transcript",)
    in_place: bool = False
    redacted_name: str = "{column}_redacted"
    entities_name: str = "{column}_entities"
    group_column: str | None = None
    id_column: str | None = None
    on_error: str = "fail"
    #: word timings (``list<struct<word, start, end>>``): adds ``<col>_redacted_intervals``
    timings_column: str | None = None
    intervals_name: str = "{column}_redacted_intervals"
    #: :class:`redactkit.audio.AudioOptions` (padding, merging) for the intervals; None: defaults
    audio_options: Any = None
    #: redact each group as a conversation (:mod:`redactkit.conversation`); needs ``group_column``
    conversation: bool = False
    #: orders the rows (turns) of a conversation; ``speaker_column`` names who said each turn
    order_column: str | None = None
    speaker_column: str | None = None
    #: the row's sensitivity level column; ``<name>_reasons`` holds its reasons
    sensitivity_name: str = "sensitivity"
    #: the pipeline's :class:`~redactkit.sensitivity.SensitivityOptions` (policy per level,
    #: marker); None: the defaults
    sensitivity: Any = None
    #: whether routed rows have somewhere to go (``redact_parquet(route_dir=...)``); without it a
    #: policy that routes is an error, never a silent drop
    route: bool = False

    def __post_init__(self) -> None:
        if not self.text_columns:
            raise DataError("name at least one text column (CLI: --text-column transcript)")
        if self.timings_column is not None and len(self.text_columns) != 1:
            raise DataError(
                "word timings belong to one transcript: with a timings column name exactly one text "
                "column (CLI: --text-column transcript --timings-column words)"
            )
        if len(set(self.text_columns)) != len(self.text_columns):
            raise DataError("a text column is named twice; name each one once")
        if self.id_column is not None and self.id_column in self.text_columns:
            raise DataError(
                f"the id column {self.id_column!r} is a text column; quarantine records never hold "
                "text, so name a row id column (e.g. --id-column utterance_id)"
            )
        if self.on_error not in ON_ERROR:
            raise DataError(f"on_error must be one of {', '.join(ON_ERROR)}, not {self.on_error!r}")
        if self.conversation and self.group_column is None:
            raise DataError(
                "conversation mode redacts each conversation as a whole: name the column holding "
                "the conversation id (CLI: --group-column call_id)"
            )
        for role, name in (("order", self.order_column), ("speaker", self.speaker_column)):
            if name is not None and not self.conversation:
                raise DataError(
                    f"the {role} column {name!r} is used in conversation mode; add --conversation "
                    "(conversation=True) or leave it out"
                )
            if name is not None and name in self.text_columns:
                raise DataError(f"the {role} column {name!r} is a text column; name another column")
        if self.conversation and any("." in column for column in self.text_columns):
            raise DataError(
                "conversation mode redacts top-level text columns (one turn per row and column); "
                "flatten nested text columns first"
            )
        for template in (self.redacted_name, self.entities_name):
            if len(self.text_columns) > 1 and "{column}" not in template:
                raise DataError(
                    f"output column name {template!r} would be the same for every text column; "
                    "use a template with {column}, e.g. '{column}_redacted'"
                )

    @staticmethod
    def nested(column: str) -> NestedColumn | None:
        """Where a dotted text column (``segments.text``) lives; ``None`` for a top-level column."""
        if "." not in column:
            return None
        top, *steps = column.split(".")
        return NestedColumn(column, top, tuple(steps))

    def redacted_of(self, column: str) -> str:
        nested = self.nested(column)
        if nested is not None:
            return nested.column  # a nested transcript is always redacted in place
        return column if self.in_place else self.redacted_name.replace("{column}", column)

    def entities_of(self, column: str) -> str:
        return self.entities_name.replace("{column}", column.replace(".", "_"))

    def intervals_of(self, column: str) -> str:
        return self.intervals_name.replace("{column}", column.replace(".", "_"))

    @property
    def reasons_name(self) -> str:
        return f"{self.sensitivity_name}_reasons"

    def work_columns(self) -> list[str]:
        """Columns a worker needs: the texts (their top-level columns) and, if any, the group ids
        (in conversation mode also the order, speaker and id columns)."""
        columns: list[str] = []
        for column in self.text_columns:
            top = column.split(".")[0]
            if top not in columns:
                columns.append(top)
        if self.timings_column is not None and "." in self.timings_column:
            top = self.timings_column.split(".")[0]
            if top not in columns:
                columns.append(top)
        if self.group_column and self.group_column not in columns:
            columns.append(self.group_column)
        if self.conversation:
            for extra in (self.order_column, self.speaker_column, self.id_column):
                if extra is not None and extra not in columns:
                    columns.append(extra)
        return columns

    def output_schema(self, schema: pa.Schema, *, source: str) -> pa.Schema:
        """Check ``schema`` (naming ``source`` in errors) and return the output schema."""
        import pyarrow as pa

        for column in self.text_columns:
            nested = self.nested(column)
            if nested is None:
                _check_column(schema, column, source=source)
            else:
                _check_nested(schema, nested, source=source)
        roles = (
            ("group", self.group_column),
            ("id", self.id_column),
            ("order", self.order_column),
            ("speaker", self.speaker_column),
        )
        for role, other in roles:
            if other is not None and other not in schema.names:
                available = ", ".join(schema.names) or "(none)"
                raise DataError(f"{source}: no {role} column {other!r}. Available columns: {available}")
        fields = list(schema)
        names = set(schema.names)
        added: list[str] = []
        for column in self.text_columns:
            nested = self.nested(column)
            if nested is not None:
                index = schema.get_field_index(nested.column)
                kind = nested_output_type(fields[index].type, nested.steps)
                fields[index] = fields[index].with_type(kind)
            elif self.in_place:
                index = schema.get_field_index(column)
                fields[index] = schema.field(column).with_type(output_text_type(schema.field(column).type))
            else:
                added.append(self.redacted_of(column))
                fields.append(pa.field(self.redacted_of(column), output_text_type(schema.field(column).type)))
            added.append(self.entities_of(column))
            fields.append(pa.field(self.entities_of(column), entities_type(self.conversation)))
        added += [self.sensitivity_name, self.reasons_name]
        fields += [
            pa.field(self.sensitivity_name, pa.string()),
            pa.field(self.reasons_name, pa.list_(pa.string())),
        ]
        if self.timings_column is not None:
            from ..audio.arrow import check_timings_type, intervals_type

            if "." in self.timings_column:
                _check_nested_timings(schema, self.timings_column, source=source)
            else:
                check_timings_type(schema, self.timings_column, source=source)
            added.append(self.intervals_of(self.text_columns[0]))
            fields.append(pa.field(self.intervals_of(self.text_columns[0]), intervals_type()))
        for name in added:
            if name in names or added.count(name) > 1:
                raise DataError(
                    f"{source}: output column {name!r} already exists; choose other names "
                    "(CLI: --redacted-name / --entities-name / --sensitivity-name) or redact the original "
                    "file"
                )
        return pa.schema(fields, metadata=schema.metadata)


@dataclass(frozen=True)
class Failure:
    """A row whose processing failed and was quarantined: where, the error class and the component
    that raised it (``detector 'ner'``). Never text, and never the error's message."""

    row: int
    column: str
    error: str
    component: str | None


@dataclass
class RedactionSummary:
    """What a redaction run did, without any PII: counts only."""

    rows: int = 0
    rows_with_pii: int = 0
    null_or_empty: int = 0
    errors: int = 0
    entities_by_label: Counter[str] = field(default_factory=Counter)
    entities_by_operator: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    #: CPU seconds spent redacting, summed over worker processes (model loading excluded)
    cpu_seconds: float = 0.0
    files_written: int = 0
    files_skipped: int = 0
    #: rows of files a resumed run found already complete (counted in ``rows``, not in throughput)
    rows_skipped: int = 0
    #: with a timings column: how the word timings aligned and what was placed in time
    #: (:class:`redactkit.audio.AlignmentCounts`)
    alignment: Any = None
    #: rows per sensitivity level, per reason (a row counts once for each of its reasons) and per
    #: action of the policy (redact, drop_text, route)
    rows_by_sensitivity: Counter[str] = field(default_factory=Counter)
    rows_by_reason: Counter[str] = field(default_factory=Counter)
    rows_by_action: Counter[str] = field(default_factory=Counter)
    #: rows written to the routed output (``route_dir``)
    rows_routed: int = 0

    @property
    def rows_per_second(self) -> float:
        processed = self.rows - self.rows_skipped
        return processed / self.seconds if self.seconds > 0 else 0.0

    def add(self, results: Sequence[RedactionResult]) -> None:
        """Count one text column's results (one result per row)."""
        self.rows += len(results)
        for result in results:
            if not result.text:
                self.null_or_empty += 1
            if result.entities:
                self.rows_with_pii += 1
                for entity in result.entities:
                    self.entities_by_label[entity.label] += 1
                    self.entities_by_operator[entity.operator] += 1

    def add_batch(self, batch: pa.RecordBatch, options: ColumnOptions) -> None:
        """Count an output batch from its entities columns (also used to recount finished files)."""
        import pyarrow as pa
        import pyarrow.compute as pc

        self.rows += batch.num_rows
        if batch.num_rows == 0:
            return
        any_pii = pa.array([False] * batch.num_rows)
        failed = pa.array([False] * batch.num_rows)
        all_empty = pa.array([True] * batch.num_rows)
        for column in options.text_columns:
            entities = batch.column(options.entities_of(column))
            lengths = pc.fill_null(pc.list_value_length(entities), 0)
            any_pii = pc.or_(any_pii, pc.greater(lengths, 0))
            flat = pc.list_flatten(entities)
            labels = pc.struct_field(flat, "label")
            operators = pc.struct_field(flat, "operator")
            for counter, values in ((self.entities_by_label, labels), (self.entities_by_operator, operators)):
                for item in pc.value_counts(values).to_pylist():
                    counter[item["values"]] += item["counts"]
            # a row is quarantined if any of its entities carries the quarantine operator
            parents = pc.list_parent_indices(entities)
            hit = pc.filter(parents, pc.equal(operators, QUARANTINE_OPERATOR))
            if len(hit):
                mask = [False] * batch.num_rows
                for index in set(hit.to_pylist()):
                    mask[index] = True
                failed = pc.or_(failed, pa.array(mask))
            if options.nested(column) is not None:  # a row without any leaf text has null entities
                empty = pc.is_null(entities)
            else:
                text = batch.column(options.redacted_of(column))
                if pa.types.is_dictionary(text.type):
                    text = text.dictionary_decode()
                empty = pc.fill_null(pc.equal(pc.utf8_length(text), 0), True)
            all_empty = pc.and_(all_empty, empty)
        self.rows_with_pii += int(pc.sum(any_pii).as_py() or 0)
        self.errors += int(pc.sum(failed).as_py() or 0)
        self.null_or_empty += int(pc.sum(all_empty).as_py() or 0)
        if options.sensitivity_name in batch.schema.names:
            self._count_sensitivity(batch, options)
        if options.timings_column is not None:
            self._count_alignment(batch, options)

    def _count_sensitivity(self, batch: pa.RecordBatch, options: ColumnOptions) -> None:
        import pyarrow.compute as pc

        from ..sensitivity import Action, Sensitivity, load_sensitivity_options

        policy = load_sensitivity_options(options.sensitivity)
        for item in pc.value_counts(batch.column(options.sensitivity_name)).to_pylist():
            level = item["values"] or Sensitivity.NONE.value
            self.rows_by_sensitivity[level] += item["counts"]
            action = Action.REDACT if level == Sensitivity.NONE.value else policy.action(level)
            self.rows_by_action[action.value] += item["counts"]
        reasons = pc.list_flatten(batch.column(options.reasons_name))
        for item in pc.value_counts(reasons).to_pylist():
            self.rows_by_reason[item["values"]] += item["counts"]

    def _count_alignment(self, batch: pa.RecordBatch, options: ColumnOptions) -> None:
        from ..audio.arrow import AlignmentCounts, count_alignment

        if self.alignment is None:
            self.alignment = AlignmentCounts()
        assert options.timings_column is not None
        column = options.text_columns[0]
        count_alignment(
            None if options.in_place else batch.column(column).to_pylist(),
            batch.column(options.entities_of(column)).to_pylist(),
            batch.column(options.timings_column).to_pylist(),
            batch.column(options.intervals_of(column)).to_pylist(),
            self.alignment,
        )

    def merge(self, other: RedactionSummary) -> None:
        self.rows += other.rows
        self.rows_with_pii += other.rows_with_pii
        self.null_or_empty += other.null_or_empty
        self.errors += other.errors
        self.entities_by_label.update(other.entities_by_label)
        self.entities_by_operator.update(other.entities_by_operator)
        self.files_written += other.files_written
        self.files_skipped += other.files_skipped
        self.rows_skipped += other.rows_skipped
        self.cpu_seconds += other.cpu_seconds
        self.rows_by_sensitivity.update(other.rows_by_sensitivity)
        self.rows_by_reason.update(other.rows_by_reason)
        self.rows_by_action.update(other.rows_by_action)
        self.rows_routed += other.rows_routed
        if other.alignment is not None:
            if self.alignment is None:
                from ..audio.arrow import AlignmentCounts

                self.alignment = AlignmentCounts()
            self.alignment.merge(other.alignment)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "rows_with_pii": self.rows_with_pii,
            "null_or_empty": self.null_or_empty,
            "errors": self.errors,
            "entities_by_label": dict(sorted(self.entities_by_label.items())),
            "entities_by_operator": dict(sorted(self.entities_by_operator.items())),
            "rows_by_sensitivity": _by_level(self.rows_by_sensitivity),
            "rows_by_reason": dict(sorted(self.rows_by_reason.items())),
            "rows_by_action": dict(sorted(self.rows_by_action.items())),
            "rows_routed": self.rows_routed,
            "files_written": self.files_written,
            "files_skipped": self.files_skipped,
            "rows_skipped": self.rows_skipped,
            "seconds": round(self.seconds, 3),
            "cpu_seconds": round(self.cpu_seconds, 3),
            "rows_per_second": round(self.rows_per_second, 1),
            **({"alignment": self.alignment.to_dict()} if self.alignment is not None else {}),
        }


def _by_level(counts: Counter[str]) -> dict[str, int]:
    """Counts per sensitivity level, lowest level first (every level, zeros included)."""
    from ..sensitivity import LEVELS

    return {level.value: counts.get(level.value, 0) for level in LEVELS} if counts else {}


# -- one batch ------------------------------------------------------------------------------------


def redact_columns(
    work: pa.RecordBatch, pipeline: Pipeline, options: ColumnOptions
) -> tuple[dict[str, tuple[pa.Array, pa.Array]], list[Failure]]:
    """Redact the text columns of ``work``: per column, the redacted and the entities array.

    ``work`` holds the text columns and, if any, the group column (what workers receive). Failures
    carry row indices into ``work``.
    """

    check_withholding(pipeline, options)
    if options.conversation:
        from ..conversation.arrow import redact_conversation_columns

        return redact_conversation_columns(work, pipeline, options)
    groups: list[str | None] | None = None
    if options.group_column is not None:
        groups = [None if g is None else str(g) for g in work.column(options.group_column).to_pylist()]
    outputs: dict[str, tuple[pa.Array, pa.Array]] = {}
    failures: list[Failure] = []
    current: dict[str, pa.Array] = {}  # top-level columns already rewritten by an earlier nested path
    for column in options.text_columns:
        nested = options.nested(column)
        if nested is None:
            array = work.column(column)
            results, failed = _redact_texts(pipeline, array.to_pylist(), groups, options.on_error)
            redacted = text_array([result.text for result in results], array.type)
        else:
            top = current.get(nested.column, work.column(nested.column))
            leaf, leaf_rows, rebuild = extract_leaves(top, nested.steps)
            joined = join_leaves(leaf.to_pylist(), leaf_rows, work.num_rows)
            results, failed = _redact_texts(pipeline, joined.texts, groups, options.on_error)
            redacted = current[nested.column] = rebuild(
                text_array(split_redacted(joined, results), leaf.type)
            )
        failures.extend(Failure(row, column, error, component) for row, error, component in failed)
        outputs[column] = (redacted, _entities_array(results))
        outputs.update(sensitivity_outputs(column, results))
    return outputs, failures


#: keys of the per-column sensitivity arrays in the outputs of :func:`redact_columns` (a text
#: column's name never contains a NUL character)
_SENSITIVITY_KEY = "\0sensitivity"
_SPAN_TEXT_KEY = "\0span_text"


def check_withholding(pipeline: Pipeline, options: ColumnOptions) -> None:
    """Fail before any row is redacted where the policy cannot be carried out: a policy that
    routes rows without a routed output, or whole-row withholding of nested transcripts."""
    classifier = getattr(pipeline, "sensitivity", None)
    if classifier is None:  # a wrapper of a pipeline (tests, instrumentation): its results say
        return
    policy = classifier.options
    if policy.routed_levels() and not options.route:
        levels = ", ".join(level.value for level in policy.routed_levels())
        raise DataError(
            f"the sensitivity policy routes {levels} rows to a restricted output, and this call has "
            "none: give one (CLI: redactkit redact --route-dir DIR; Python: redact_parquet(..., "
            "route_dir=DIR)), or set those levels to drop_text"
        )
    withholds = any(policy.action(level).withholds for level in policy.policy)
    if withholds and any(options.nested(column) is not None for column in options.text_columns):
        raise DataError(
            "the sensitivity policy withholds whole rows (drop_text/route), which applies to top-level "
            "text columns; flatten the nested text columns first, or set the policy to redact"
        )


def sensitivity_outputs(
    column: str, results: Sequence[RedactionResult]
) -> dict[str, tuple[pa.Array, pa.Array]]:
    """One text column's sensitivity arrays, for :func:`assemble`: level and reasons per row, and
    the span-redacted text (null where the text's own policy dropped it) with the action."""
    import pyarrow as pa

    levels = pa.array([result.sensitivity for result in results], pa.string())
    reasons = pa.array([list(result.sensitivity_reasons) for result in results], pa.list_(pa.string()))
    span_text = pa.array(
        [result.routed_text if result.withheld else result.text for result in results], pa.string()
    )
    actions = pa.array([result.action for result in results], pa.string())
    return {column + _SENSITIVITY_KEY: (levels, reasons), column + _SPAN_TEXT_KEY: (span_text, actions)}


def nested_texts(array: pa.Array, nested: NestedColumn) -> list[str | None]:
    """Each row's leaf texts at ``nested``, joined as they are analyzed."""
    leaf, leaf_rows, _ = extract_leaves(array, nested.steps)
    return join_leaves(leaf.to_pylist(), leaf_rows, len(array)).texts


def _redact_texts(
    pipeline: Pipeline,
    texts: list[str | None],
    groups: list[str | None] | None,
    on_error: str,
) -> tuple[list[RedactionResult], list[tuple[int, str, str | None]]]:
    first: Exception | None = None
    try:
        return pipeline.redact_batch(texts, groups), []
    except (ConfigError, ModelNotFoundError):
        raise  # the setup is wrong, not the row: quarantining every row would hide it
    except Exception as exc:
        first = exc
    if on_error != "quarantine":
        if isinstance(first, RedactkitError):
            raise first
        # a foreign exception's message may quote the text: keep only its class (principle 5),
        # raised outside the except block so that the original is not chained either
        raise RedactkitError(f"redaction failed on a batch ({type(first).__name__})")
    # Find the failing rows by bisection: a batch of n rows with k failing rows costs about
    # 2 k log2(n) calls, where retrying row by row cost n (and n model calls of one row each).
    results: list[RedactionResult | None] = [None] * len(texts)
    failed: list[tuple[int, str, str | None]] = []
    _bisect(pipeline, texts, groups, 0, len(texts), first, results, failed)
    return [result for result in results if result is not None], failed


def _bisect(
    pipeline: Pipeline,
    texts: list[str | None],
    groups: list[str | None] | None,
    low: int,
    high: int,
    known: Exception | None,
    results: list[RedactionResult | None],
    failed: list[tuple[int, str, str | None]],
) -> None:
    """Redact ``texts[low:high]`` into ``results``; quarantine the rows that fail on their own.

    ``known`` is the error this very slice already raised (so it is not redacted again). Halves are
    redacted in input order, which keeps group numbering in order.
    """
    error = known
    if error is None:
        try:
            results[low:high] = pipeline.redact_batch(
                texts[low:high], None if groups is None else groups[low:high]
            )
            return
        except (ConfigError, ModelNotFoundError):
            raise
        except Exception as exc:
            error = exc
    if high - low == 1:
        failed.append((low, type(error).__name__, _component(error)))
        results[low] = _quarantined(texts[low] or "")
        return
    middle = (low + high) // 2
    _bisect(pipeline, texts, groups, low, middle, None, results, failed)
    _bisect(pipeline, texts, groups, middle, high, None, results, failed)


def _component(error: BaseException) -> str | None:
    component = getattr(error, "component", None)
    return component if isinstance(component, str) else None


def _quarantined(text: str) -> RedactionResult:
    entity = RedactedEntity(
        start=0,
        end=len(text),
        label=QUARANTINE_LABEL,
        operator=QUARANTINE_OPERATOR,
        redacted_start=0,
        redacted_end=len(QUARANTINE_TEXT),
        score=1.0,
        detector="redactkit",
        explanation="processing failed; the whole text is masked",
    )
    return RedactionResult(QUARANTINE_TEXT, (entity,))


def _entities_array(results: Sequence[RedactionResult], *, known_from: bool = False) -> pa.Array:
    import pyarrow as pa

    def entry(entity: RedactedEntity) -> dict[str, Any]:
        item: dict[str, Any] = {
            "start": entity.start,
            "end": entity.end,
            "label": entity.label,
            "operator": entity.operator,
            "score": entity.score,
            "detector": entity.detector,
        }
        if known_from:
            item["known_from"] = entity.known_from
        item["policy_label"] = entity.policy_label or None
        return item

    rows = [None if r.text is None else [entry(entity) for entity in r.entities] for r in results]
    return pa.array(rows, type=entities_type(known_from))


def assemble(
    batch: pa.RecordBatch,
    outputs: dict[str, tuple[pa.Array, pa.Array]],
    options: ColumnOptions,
    schema: pa.Schema,
) -> pa.RecordBatch:
    """The output batch: ``batch`` with the redacted columns replaced or appended, in ``schema``.

    Rows the sensitivity policy withholds (``drop_text``, ``route``) keep their place, with every
    text column (the original too) replaced by the marker and their audio interval whole.
    """
    return assemble_routed(batch, outputs, options, schema)[0]


def assemble_routed(
    batch: pa.RecordBatch,
    outputs: dict[str, tuple[pa.Array, pa.Array]],
    options: ColumnOptions,
    schema: pa.Schema,
) -> tuple[pa.RecordBatch, pa.RecordBatch | None]:
    """The output batch (see :func:`assemble`) and the routed rows: those whose level the policy
    routes, as the output would hold them if they were not withheld (span-redacted), plus
    ``source_row``, their index in ``batch``. None when no row is routed."""
    import pyarrow as pa

    from ..sensitivity import Action, RowSensitivity, Sensitivity, combine, load_sensitivity_options

    policy = load_sensitivity_options(options.sensitivity)
    rows = batch.num_rows
    per_column = [
        (outputs[c + _SENSITIVITY_KEY][0].to_pylist(), outputs[c + _SENSITIVITY_KEY][1].to_pylist())
        for c in options.text_columns
        if c + _SENSITIVITY_KEY in outputs
    ]
    sensitivity = [
        combine(
            RowSensitivity(Sensitivity(levels[row] or "none"), tuple(reasons[row] or ()))
            for levels, reasons in per_column
        )
        for row in range(rows)
    ]
    actions = [
        Action.REDACT if item.level is Sensitivity.NONE else policy.action(item.level) for item in sensitivity
    ]
    withheld = {
        row: policy.marker_for(sensitivity[row].level) for row in range(rows) if actions[row].withholds
    }
    routed = [row for row in range(rows) if actions[row] is Action.ROUTE]

    full = list(batch.columns)  # the output as it would be with nothing withheld
    main = list(batch.columns)
    for column in options.text_columns:
        redacted, entities = outputs[column]
        nested = options.nested(column)
        span = outputs.get(column + _SPAN_TEXT_KEY)
        if span is not None and routed:
            # a text withheld by its own level comes back as the marker; its span-redacted text is
            # in the span-text array (null where that level dropped it: the marker stays)
            values = redacted.to_pylist()
            span_values = span[0].to_pylist()
            unwithheld = text_array(
                [span_values[i] if span_values[i] is not None else values[i] for i in range(rows)],
                redacted.type,
            )
        else:
            unwithheld = redacted
        main_redacted = _withhold(redacted, withheld) if withheld else redacted
        if nested is not None:
            index = batch.schema.get_field_index(nested.column)
            full[index], main[index] = unwithheld, main_redacted
        elif options.in_place:
            index = batch.schema.get_field_index(column)
            full[index], main[index] = unwithheld, main_redacted
        else:
            index = batch.schema.get_field_index(column)
            if withheld:  # the original text is withheld too: the row is kept away from this output
                main[index] = _withhold(batch.column(index), withheld, keep_type=True)
            full.append(unwithheld)
            main.append(main_redacted)
        full.append(entities)
        main.append(entities)
    levels = pa.array([item.level.value for item in sensitivity], pa.string())
    reasons = pa.array([list(item.reasons) for item in sensitivity], pa.list_(pa.string()))
    full += [levels, reasons]
    main += [levels, reasons]
    if options.timings_column is not None:
        intervals = _intervals(batch, outputs, options)
        full.append(intervals)
        main.append(_whole_intervals(intervals, withheld) if withheld else intervals)
    # same order as ColumnOptions.output_schema: per text column, redacted (unless in place) then
    # entities; then the sensitivity level and reasons; then the intervals
    out = pa.RecordBatch.from_arrays(main, schema=schema)
    if not routed:
        return out, None
    take = pa.array(routed, pa.int64())
    routed_schema = routed_output_schema(schema)
    columns = [array.take(take) for array in full] + [take]
    return out, pa.RecordBatch.from_arrays(columns, schema=routed_schema)


#: the routed output's column holding each row's index in its input file
SOURCE_ROW = "source_row"


def routed_output_schema(schema: pa.Schema) -> pa.Schema:
    """The routed output's schema: the output's, plus ``source_row`` (row index in the input)."""
    import pyarrow as pa

    if SOURCE_ROW in schema.names:
        raise DataError(
            f"the input has a column {SOURCE_ROW!r}, which the routed output adds (the row's index in "
            "its input file); rename it first"
        )
    return schema.append(pa.field(SOURCE_ROW, pa.int64(), nullable=False))


def _withhold(array: pa.Array, markers: dict[int, str], *, keep_type: bool = False) -> pa.Array:
    """``array`` with the rows of ``markers`` replaced by their marker (nulls stay null)."""
    import pyarrow as pa

    values = array.to_pylist()
    for row, marker in markers.items():
        if values[row] is not None:
            values[row] = marker
    if not keep_type:
        return text_array(values, array.type)
    if pa.types.is_dictionary(array.type):
        return pa.array(values, type=array.type.value_type).dictionary_encode().cast(array.type)
    return pa.array(values, type=array.type)


def _whole_intervals(intervals: pa.Array, markers: dict[int, str]) -> pa.Array:
    """The intervals with each withheld row's audio silenced whole: from 0 to the end (infinity;
    the audio writer clips it to the recording)."""
    import pyarrow as pa

    from ..audio.arrow import intervals_type

    values = intervals.to_pylist()
    for row in markers:
        if values[row] is not None:
            values[row] = [{"start": 0.0, "end": float("inf"), "label": "WITHHELD"}]
    return pa.array(values, type=intervals_type())


def _intervals(
    batch: pa.RecordBatch, outputs: dict[str, tuple[pa.Array, pa.Array]], options: ColumnOptions
) -> pa.Array:
    """Time intervals of the entities of the (single) text column, from the original text, the
    entities and the word timings (see :mod:`redactkit.audio.intervals`: they fail closed)."""
    from ..audio.arrow import intervals_array
    from ..audio.options import load_audio_options

    assert options.timings_column is not None
    column = options.text_columns[0]
    nested = options.nested(column)
    texts = (
        batch.column(column).to_pylist()
        if nested is None
        else nested_texts(batch.column(nested.column), nested)
    )
    timings_path = options.nested(options.timings_column)
    if timings_path is None:
        timings = batch.column(options.timings_column).to_pylist()
    else:
        text_field = nested.steps[-1] if nested is not None and nested.column == timings_path.column else None
        timings = nested_words(
            batch.column(timings_path.column), timings_path.steps, batch.num_rows, text_field
        )
    return intervals_array(
        texts, outputs[column][1].to_pylist(), timings, load_audio_options(options.audio_options)
    )


# -- public API -----------------------------------------------------------------------------------

_default_lock = threading.Lock()
_default_pipeline: Pipeline | None = None


def _default() -> Pipeline:
    """The default pipeline, built once per process (principle 3: models load once)."""
    global _default_pipeline
    with _default_lock:
        if _default_pipeline is None:
            from ..pipeline import Pipeline

            _default_pipeline = Pipeline.default()
        return _default_pipeline


def column_options(
    text_column: str | Sequence[str],
    in_place: bool,
    redacted_column: str | None,
    entities_column: str | None,
    group_column: str | None,
    on_error: str,
    timings_column: str | None = None,
    audio_options: Any = None,
    *,
    conversation: bool = False,
    order_column: str | None = None,
    speaker_column: str | None = None,
    id_column: str | None = None,
    sensitivity: Any = None,
    route: bool = False,
    sensitivity_name: str = "sensitivity",
) -> ColumnOptions:
    """:class:`ColumnOptions` from the arguments of the public redaction functions (all engines).
    ``sensitivity``: the pipeline's :class:`~redactkit.sensitivity.SensitivityOptions`; ``route``:
    whether routed rows have an output (``redact_parquet(route_dir=...)``)."""
    columns = (text_column,) if isinstance(text_column, str) else tuple(text_column)
    return ColumnOptions(
        text_columns=columns,
        in_place=in_place,
        redacted_name=redacted_column or "{column}_redacted",
        entities_name=entities_column or "{column}_entities",
        group_column=group_column,
        id_column=id_column,
        on_error=on_error,
        timings_column=timings_column,
        audio_options=resolve_audio_options(audio_options, timings_column),
        conversation=conversation,
        order_column=order_column,
        speaker_column=speaker_column,
        sensitivity=sensitivity,
        route=route,
        sensitivity_name=sensitivity_name,
    )


def options_from_arguments(
    arguments: Mapping[str, Any], *, conversation: bool, order_column: str | None, sensitivity: Any = None
) -> ColumnOptions:
    """:func:`column_options` from the arguments of a public redaction function, given as its
    ``locals()``: the entry points of every engine take the same column keywords (``text_column``,
    ``in_place``, ``redacted_column``, ``entities_column``, ``group_column``, ``on_error``,
    ``speaker_column``, ``id_column``, and where audio applies ``timings_column`` and
    ``audio_options``), read here once instead of being listed again at each call. Whether this is
    conversation mode, and which column orders the turns, the caller decides; ``sensitivity`` is the
    pipeline's :class:`~redactkit.sensitivity.SensitivityOptions`."""
    return column_options(
        arguments["text_column"],
        arguments["in_place"],
        arguments["redacted_column"],
        arguments["entities_column"],
        arguments["group_column"],
        arguments["on_error"],
        arguments.get("timings_column"),
        arguments.get("audio_options"),
        conversation=conversation,
        order_column=order_column,
        speaker_column=arguments["speaker_column"],
        id_column=arguments["id_column"],
        sensitivity=sensitivity,
    )


def resolve_conversation(requested: bool | None, pipeline: Pipeline, group_column: str | None) -> bool:
    """Whether to redact conversations as a whole: as ``requested``, else as the configuration's
    ``conversation.enabled`` says. Conversation mode without a group column is an error, never a
    silent fall back to rows (a user config never switches protection off quietly)."""
    enabled = pipeline.conversation.enabled if requested is None else requested
    if enabled and group_column is None:
        why = "is requested" if requested else "is enabled in the configuration (conversation.enabled)"
        raise DataError(
            f"conversation mode {why} and needs the column holding the conversation id: pass "
            "--group-column call_id (group_column='call_id'), or turn it off with --no-conversation"
        )
    return bool(enabled)


def resolve_audio_options(source: Any, timings_column: str | None) -> Any:
    """Validated :class:`~redactkit.audio.AudioOptions` when intervals are wanted, else None."""
    if timings_column is None:
        if source is not None:
            raise DataError("audio_options only apply with a timings column (CLI: --timings-column)")
        return None
    from ..audio.options import load_audio_options

    return load_audio_options(source)


def redact_record_batch(
    batch: pa.RecordBatch,
    text_column: str | Sequence[str] = "transcript",
    pipeline: Pipeline | None = None,
    *,
    in_place: bool = False,
    redacted_column: str | None = None,
    entities_column: str | None = None,
    group_column: str | None = None,
    on_error: str = "fail",
    timings_column: str | None = None,
    audio_options: Any = None,
    conversation: bool | None = None,
    order_column: str | None = None,
    speaker_column: str | None = None,
    id_column: str | None = None,
) -> pa.RecordBatch:
    """Redact one Arrow record batch: every column is kept, ``<col>_redacted`` and ``<col>_entities``
    are added per text column (with ``in_place``, the text column itself is redacted).

    ``redacted_column``/``entities_column`` are names or ``{column}`` templates. Without a pipeline
    the default one is built once per process. With ``timings_column`` (word timings of the one text
    column), ``<col>_redacted_intervals`` is added too; ``audio_options`` (an
    :class:`~redactkit.audio.AudioOptions`, a mapping or a YAML path) sets padding and merging.
    The arguments come in :func:`~redactkit.redact_parquet`'s order (data, text column, pipeline).

    ``conversation`` (default: the configuration's ``conversation.enabled``) redacts each group as
    a conversation: what one turn reveals is redacted in all its turns (:mod:`redactkit.conversation`);
    ``order_column`` orders the turns, ``speaker_column`` names their speakers and ``id_column``
    the row ids explanations cite. The batch is one unit: nothing carries over to the next call.
    """
    text_column, pipeline = _argument_order(text_column, pipeline)
    pipe = pipeline or _default()
    conversational = resolve_conversation(conversation, pipe, group_column)
    options = options_from_arguments(
        locals(), conversation=conversational, order_column=order_column, sensitivity=pipe.sensitivity.options
    )
    from ._engine import redact_batch

    schema = options.output_schema(batch.schema, source="record batch")
    if options.conversation:
        pipe.conversations.reset()
    return redact_batch(batch, pipe, options, schema)


def redact_table(
    table: Any,
    text_column: str | Sequence[str] = "transcript",
    pipeline: Pipeline | None = None,
    *,
    in_place: bool = False,
    redacted_column: str | None = None,
    entities_column: str | None = None,
    group_column: str | None = None,
    on_error: str = "fail",
    batch_rows: int | None = None,
    timings_column: str | None = None,
    audio_options: Any = None,
    conversation: bool | None = None,
    order_column: str | None = None,
    speaker_column: str | None = None,
    id_column: str | None = None,
    sort: bool = False,
) -> Any:
    """Redact a table batch by batch (see :func:`redact_record_batch`); returns the same kind.

    ``table`` is anything that speaks Arrow: a pyarrow ``Table``, ``RecordBatch`` or
    ``RecordBatchReader`` (redacted lazily, as it is read), a pandas (>= 2.2) or polars DataFrame, a
    DuckDB relation, a Hugging Face ``datasets.Dataset``, or any object with ``__arrow_c_stream__``
    (returned as a pyarrow Table). Missing values in a pandas text column (``NaN``, ``None``,
    ``pd.NA``) are nulls. Text columns may be ``string``, ``large_string``, ``string_view`` or
    dictionary-encoded, or a dotted path into structs and lists (``segments.text``,
    ``meta.caller``), redacted in place (see :mod:`redactkit.io.nested`).

    In conversation mode (``conversation``, ``order_column``, ``speaker_column``, ``id_column`` as
    for :func:`redact_record_batch`) the batches end where conversations end. The rows of each
    conversation must be together (sorted or grouped by ``group_column``; a stream is checked as it
    is read); ``sort=True`` groups a table's rows for the redaction and returns them in input order.
    """
    import pyarrow as pa

    from .frames import table_input

    text_column, pipeline = _argument_order(text_column, pipeline)
    pipe = pipeline or _default()
    conversational = resolve_conversation(conversation, pipe, group_column)
    options = options_from_arguments(
        locals(), conversation=conversational, order_column=order_column, sensitivity=pipe.sensitivity.options
    )
    data = table_input(table)
    schema = options.output_schema(data.schema, source="table")
    rows = batch_rows or pipe.batch_size * 4
    if options.conversation:
        from ..conversation.arrow import redact_stream_conversations, redact_table_conversations

        if data.table is None:
            assert data.batches is not None
            if sort:
                raise DataError("sort=True needs the whole table: read the stream into a Table first")
            stream = redact_stream_conversations(data.batches, pipe, options, schema, rows)
            return data.restore(pa.RecordBatchReader.from_batches(schema, stream))
        return data.restore(redact_table_conversations(data.table, pipe, options, schema, rows, sort=sort))
    if sort:
        raise DataError("sort groups the rows of each conversation; it applies in conversation mode")

    from ._engine import redact_batch

    def redacted(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            for piece in _slices(batch, rows):
                yield redact_batch(piece, pipe, options, schema)

    if data.table is None:
        assert data.batches is not None
        return data.restore(pa.RecordBatchReader.from_batches(schema, redacted(data.batches)))
    batches = list(redacted(iter(data.table.to_batches(max_chunksize=rows))))
    out = pa.Table.from_batches(batches, schema=schema)
    return data.restore(out)


def _slices(batch: pa.RecordBatch, rows: int) -> Iterator[pa.RecordBatch]:
    for offset in range(0, max(batch.num_rows, 1), rows):
        if batch.num_rows:
            yield batch.slice(offset, rows)


def _argument_order(text_column: Any, pipeline: Any) -> tuple[Any, Any]:
    """Accept the old order ``(data, pipeline, text_column)`` with a DeprecationWarning."""
    from ..pipeline import Pipeline

    if isinstance(text_column, Pipeline) or (text_column is None and pipeline is not None):
        import warnings

        warnings.warn(
            "redact_table/redact_record_batch now take (data, text_column, pipeline), the order of "
            "redact_parquet; pass pipeline= by keyword",
            DeprecationWarning,
            stacklevel=3,
        )
        text_column, pipeline = (pipeline if pipeline is not None else "transcript"), text_column
    return text_column, pipeline


def _check_column(schema: pa.Schema, column: str, *, source: str) -> None:
    if column not in schema.names:
        available = ", ".join(schema.names) or "(none)"
        raise DataError(f"{source}: no column {column!r}. Available columns: {available}")
    check_text_type(schema.field(column).type, column, source=source)


def _check_nested(schema: pa.Schema, nested: NestedColumn, *, source: str) -> None:
    if nested.column not in schema.names:
        available = ", ".join(schema.names) or "(none)"
        raise DataError(
            f"{source}: no column {nested.column!r} (for the nested text column {nested.path!r}). "
            f"Available columns: {available}"
        )
    leaf_type(schema.field(nested.column).type, nested, source=source)


def _check_nested_timings(schema: pa.Schema, path: str, *, source: str) -> None:
    """A nested word-timings path must end in ``list<struct<word, start, end>>`` fields."""
    import pyarrow as pa

    top, *steps = path.split(".")
    if top not in schema.names:
        available = ", ".join(schema.names) or "(none)"
        raise DataError(f"{source}: no timings column {top!r}. Available columns: {available}")
    kind = schema.field(top).type
    for step in steps:
        while pa.types.is_list(kind) or pa.types.is_large_list(kind):
            kind = kind.value_type
        if not pa.types.is_struct(kind) or kind.get_field_index(step) < 0:
            raise DataError(f"{source}: the timings path {path!r} does not exist in column {top!r}")
        kind = kind.field(step).type
    item = kind.value_type if pa.types.is_list(kind) or pa.types.is_large_list(kind) else None
    if item is None or not pa.types.is_struct(item) or not {"word", "start", "end"} <= set(item.names):
        raise DataError(
            f"{source}: the timings path {path!r} must hold list<struct<word, start, end>> per element, "
            f"not {kind}"
        )
