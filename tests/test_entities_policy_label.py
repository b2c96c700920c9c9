"""The entities column's ``policy_label`` field: which second label's policy protected a value.

A child's age is an ``AGE`` redacted with ``MINOR``'s operator; before this field the Parquet output
said ``AGE`` and an operator, not that ``MINOR`` protected it. The field is appended last (older
fields keep their positions), null where the label alone decided, and files written before it
existed still read.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml
from typer.testing import CliRunner

from redactkit.cli import app
from redactkit.io import entities_type
from redactkit.io.parquet import ENTITY_STRUCT_FIELDS, _entities_array, _quarantined
from redactkit.review import ReviewSet, build_review

# invented sentences; (text, the labels of its entities with their policy labels)
ROWS: list[tuple[str, list[tuple[str, str | None]]]] = [
    ("my little boy is six and he loves trains", [("AGE", "MINOR")]),
    ("our twins just turned eleven", [("AGE", "MINOR")]),
    ("my wife is fifty three", [("AGE", None)]),
    ("please call me at five five five three one two eight eight four zero", [("PHONE_NUMBER", None)]),
    ("my daughter is in third grade", [("MINOR", None)]),
    ("we need twelve folding chairs", []),
]
OPERATORS = {"MINOR": "mask"}  # MINOR's operator differs from AGE's, so the output shows which applied


def _redact_cli(tmp_path: Path, extra: list[str], table: pa.Table) -> pa.Table:
    source = tmp_path / "in.parquet"
    pq.write_table(table, source)
    config = tmp_path / "config.yaml"
    config.write_text(yaml.safe_dump({"anonymizer": {"operators": OPERATORS}}))
    out = tmp_path / "out.parquet"
    result = CliRunner().invoke(
        app, ["redact", str(source), str(out), "-t", "transcript", "--config", str(config), *extra]
    )
    assert result.exit_code == 0, result.output
    return pq.read_table(out)


def test_entities_type_appends_policy_label_last() -> None:
    plain = entities_type().value_type
    conversation = entities_type(known_from=True).value_type
    first = [name for name, _ in ENTITY_STRUCT_FIELDS]
    assert [f.name for f in plain] == [*first, "policy_label"]
    assert [f.name for f in conversation] == [*first, "known_from", "policy_label"]
    assert plain.field("policy_label").type == pa.string() and plain.field("policy_label").nullable


def test_cli_parquet_policy_label(tmp_path: Path) -> None:
    """Through `redactkit redact` on Parquet: a child's age says AGE, MINOR's operator and
    policy_label MINOR; an adult's age, a phone number and a school grade have none."""
    texts = [text for text, _ in ROWS]
    table = _redact_cli(tmp_path, ["--json"], pa.table({"transcript": pa.array(texts, pa.string())}))
    assert table.schema.field("transcript_entities").type == entities_type()
    rows = table.column("transcript_entities").to_pylist()
    assert [[(e["label"], e["policy_label"]) for e in row] for row in rows] == [want for _, want in ROWS]
    for row in rows:  # the operator is MINOR's exactly where MINOR protected the value
        for entity in row:
            protected = entity["policy_label"] or entity["label"]
            assert (entity["operator"] == "mask") == (protected == "MINOR"), entity


def test_cli_parquet_conversation_has_known_from_then_policy_label(tmp_path: Path) -> None:
    turns = ["my little boy is six", "six is a great age", "we need twelve folding chairs"]
    table = _redact_cli(
        tmp_path,
        ["-g", "call", "--conversation"],
        pa.table({"call": ["c1"] * len(turns), "transcript": pa.array(turns, pa.string())}),
    )
    assert table.schema.field("transcript_entities").type == entities_type(known_from=True)
    rows = table.column("transcript_entities").to_pylist()
    assert [(e["label"], e["policy_label"], e["known_from"]) for e in rows[0]] == [("AGE", "MINOR", None)]
    assert rows[2] == []


def test_null_rows_and_quarantine_have_no_policy_label() -> None:
    array = _entities_array([_quarantined("some text")])
    assert [[e["policy_label"] for e in row] for row in array.to_pylist()] == [[None]]


OLD_FIELDS = [(name, getattr(pa, kind)()) for name, kind in ENTITY_STRUCT_FIELDS]


def _old_style(folder: Path, entities: list[list[dict[str, Any]]], kind: pa.DataType) -> tuple[Path, Path]:
    """input.parquet and a redacted.parquet whose entities column has the given struct type."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = ["my little boy is six", "my wife is fifty three"]
    source = pa.table({"utterance_id": ["u0", "u1"], "transcript": pa.array(texts, pa.string())})
    redacted = source.append_column(
        "transcript_redacted", pa.array(["my little boy is ***", "my wife is [AGE]"], pa.string())
    ).append_column("transcript_entities", pa.array(entities, type=kind))
    pq.write_table(source, folder / "input.parquet")
    pq.write_table(redacted, folder / "redacted.parquet")
    return folder / "input.parquet", folder / "redacted.parquet"


def _entity(start: int, end: int, operator: str, **extra: Any) -> dict[str, Any]:
    entity = {"start": start, "end": end, "label": "AGE", "operator": operator, "score": 0.9, "detector": "x"}
    return {**entity, **extra}


@pytest.mark.parametrize(
    ("kind", "extra", "expected"),
    [
        # written before policy_label existed: the review reads it as none
        (pa.list_(pa.struct([pa.field(n, t) for n, t in OLD_FIELDS])), [{}, {}], ["", ""]),
        (entities_type(), [{"policy_label": "MINOR"}, {"policy_label": None}], ["MINOR", ""]),
    ],
)
def test_review_reads_old_and_new_entities(
    tmp_path: Path, kind: pa.DataType, extra: list[dict[str, Any]], expected: list[str]
) -> None:
    entities = [[_entity(17, 20, "mask", **extra[0])], [_entity(11, 22, "tag", **extra[1])]]
    source, redacted = _old_style(tmp_path / "data", entities, kind)
    build_review(source, redacted, tmp_path / "review", sample=10, seed=0, id_column="utterance_id")
    review = ReviewSet.load(tmp_path / "review")
    by_id = {row["id"]: [e["policy_label"] for e in row["entities"]] for row in review.rows}
    assert [by_id["u0"], by_id["u1"]] == [[expected[0]], [expected[1]]]
    json.dumps(review.rows)  # the review's rows stay plain JSON


def test_a_dataset_run_does_not_resume_across_the_entities_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Parts of one output share one schema: an unfinished run begun with the entities struct
    without policy_label has another fingerprint; the same settings keep theirs."""
    from redactkit.io import dataset
    from redactkit.io.parquet import ColumnOptions

    options = ColumnOptions()
    now = dataset._fingerprint(tmp_path, options, "config", None)
    assert dataset._fingerprint(tmp_path, options, "config", None) == now
    old = pa.list_(pa.struct([pa.field(n, t) for n, t in OLD_FIELDS]))
    monkeypatch.setattr(dataset, "entities_type", lambda known_from=False: old)
    assert dataset._fingerprint(tmp_path, options, "config", None) != now
