"""Parquet redaction and the CLI, end to end on Parquet the tests generate."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from _support import RegexDetector
from typer.testing import CliRunner

from redactkit import DataError, Pipeline, RedactkitError
from redactkit.anonymize import TagAnonymizer
from redactkit.cli import app
from redactkit.io import entities_type, redact_parquet, redact_record_batch
from redactkit.synth import sample_table

runner = CliRunner()


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "in.parquet"
    pq.write_table(sample_table(120, seed=3), path, row_group_size=50)
    return path


@pytest.fixture
def regex_only() -> Pipeline:
    return Pipeline(
        detectors=[RegexDetector(pattern=r"\d{3}-\d{4}|\(\d{3}\)|@\S+", label="CONTACT")],
        anonymizer=TagAnonymizer(),
        batch_size=16,
    )


def test_redact_parquet_keeps_rows_columns_types_and_metadata(
    sample: Path, tmp_path: Path, regex_only: Pipeline
) -> None:
    out = tmp_path / "out.parquet"
    summary = redact_parquet(sample, out, "transcript", regex_only, batch_rows=32)
    source = pq.read_table(sample)
    result = pq.read_table(out)
    assert result.num_rows == source.num_rows == summary.rows == 120
    assert result.schema.names == [
        *source.schema.names,
        "transcript_redacted",
        "transcript_entities",
        "sensitivity",
        "sensitivity_reasons",
    ]
    for field in source.schema:
        assert result.schema.field(field.name) == field
    assert result.schema.metadata == source.schema.metadata
    assert result.schema.field("transcript_entities").type == entities_type()
    assert result.select(source.schema.names).equals(source)
    texts = source.column("transcript").to_pylist()
    redacted = result.column("transcript_redacted").to_pylist()
    entities = result.column("transcript_entities").to_pylist()
    for text, red, ents in zip(texts, redacted, entities, strict=True):
        if text is None:
            assert red is None
            assert ents is None
        elif text == "":
            assert red == ""
            assert ents == []
        else:
            for entity in ents:
                assert entity["label"] == "CONTACT"
                assert entity["operator"] == "tag"
                assert (
                    text[entity["start"] : entity["end"]] not in red
                    or not text[entity["start"] : entity["end"]]
                )
    assert summary.null_or_empty == sum(1 for t in texts if not t)
    assert summary.rows_with_pii == sum(1 for e in entities if e)
    assert not list(tmp_path.glob(".*partial"))
    report = json.loads((tmp_path / "out.parquet.report.json").read_text())
    assert report["summary"]["rows"] == 120
    assert report["status"] == "complete"


def test_redact_record_batch_appends_two_columns(regex_only: Pipeline) -> None:
    batch = pa.RecordBatch.from_pydict({"id": [1, 2], "text": ["call 555-0100", None]})
    out = redact_record_batch(batch, "text", regex_only)
    assert out.schema.names == [
        "id",
        "text",
        "text_redacted",
        "text_entities",
        "sensitivity",
        "sensitivity_reasons",
    ]
    assert out.column("text_redacted").to_pylist() == ["call [CONTACT]", None]


@pytest.mark.parametrize(
    ("column", "message"),
    [("nope", "Available columns: utterance_id"), ("turn", "not a string column")],
)
def test_bad_column_errors(
    sample: Path, tmp_path: Path, regex_only: Pipeline, column: str, message: str
) -> None:
    with pytest.raises(DataError, match=message):
        redact_parquet(sample, tmp_path / "o.parquet", column, regex_only)
    assert not (tmp_path / "o.parquet").exists()


def test_existing_output_and_corrupt_input(sample: Path, tmp_path: Path, regex_only: Pipeline) -> None:
    out = tmp_path / "o.parquet"
    out.write_bytes(b"keep me")
    with pytest.raises(DataError, match="overwrite"):
        redact_parquet(sample, out, "transcript", regex_only)
    assert out.read_bytes() == b"keep me"
    corrupt = tmp_path / "corrupt.parquet"
    corrupt.write_bytes(b"PAR1 this is not parquet")
    with pytest.raises(DataError, match="not a readable Parquet"):
        redact_parquet(corrupt, tmp_path / "o2.parquet", "transcript", regex_only)


def test_failed_run_leaves_no_output(sample: Path, tmp_path: Path) -> None:
    class Exploding(RegexDetector):
        def detect_batch(self, texts):  # type: ignore[no-untyped-def]
            raise RuntimeError("boom")

    pipe = Pipeline(detectors=[Exploding()], anonymizer=TagAnonymizer())
    out = tmp_path / "o.parquet"
    with pytest.raises(Exception, match="failed on a batch"):
        redact_parquet(sample, out, "transcript", pipe)
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [sample]
    # a pipeline that fails on every text fails its warm-up: quarantine does not mask a whole dataset
    with pytest.raises(Exception, match="failed on a batch"):
        redact_parquet(sample, out, "transcript", pipe, on_error="quarantine")
    assert list(tmp_path.iterdir()) == [sample]


# -- CLI ----------------------------------------------------------------------------------------------


def test_version_and_help() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.startswith("redactkit ")
    for command in (["--help"], ["redact", "--help"], ["analyze", "--help"], ["config", "show", "--help"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 0
        assert "Example" in result.output or "Examples" in result.output


def test_config_validate_reports_the_key(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("anonymizer:\n  name: tag\n  fromat: '[{label}]'\n")
    result = runner.invoke(app, ["config", "validate", str(bad)])
    assert result.exit_code == 2
    assert "anonymizer.fromat" in result.output
    assert "A valid example" in result.output
    good = tmp_path / "good.yaml"
    good.write_text("anonymizer:\n  name: tag\n  format: '<{label}>'\n")
    result = runner.invoke(app, ["config", "validate", str(good)])
    assert result.exit_code == 0, result.output
    shown = runner.invoke(app, ["config", "show", "--config", str(good)])
    assert "format: <{label}>" in shown.output
    assert "presidio" in shown.output


@pytest.mark.slow
def test_cli_redact_end_to_end(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "redacted.parquet"
    command = [
        sys.executable,
        "-m",
        "redactkit.cli",
        "redact",
        str(sample),
        str(out),
        "--text-column",
        "transcript",
    ]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert "rows with PII" in completed.stdout
    report = json.loads((tmp_path / "redacted.parquet.report.json").read_text())
    assert report["models"]["en_core_web_md"]["version"]
    assert report["spacy_version"] and report["config_hash"]
    table = pq.read_table(out)
    assert table.num_rows == 120
    transcripts = [t for t in pq.read_table(sample).column("transcript").to_pylist() if t]
    emails = [w.strip(".?,") for t in transcripts for w in t.split() if "@" in w and "." in w.strip(".?,")]
    redacted = "\n".join(t or "" for t in table.column("transcript_redacted").to_pylist())
    assert emails  # the sample has written e-mail addresses (and spoken ones)
    assert not [email for email in emails if email in redacted]
    # a second run without --overwrite refuses and keeps the file
    again = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert again.returncode == 2
    assert "--overwrite" in again.stderr
    # a missing column names the available ones
    wrong = [*command[:-1], "text", "--overwrite"]
    missing = subprocess.run(wrong, capture_output=True, text=True, timeout=600)
    assert missing.returncode == 2
    assert "Available columns" in missing.stderr


@pytest.mark.slow
def test_cli_analyze_json() -> None:
    result = runner.invoke(app, ["analyze", "My name is John Smith, email john@example.com", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["redacted"] == "My name is [PERSON], email [EMAIL_ADDRESS]"
    assert {e["label"] for e in payload["entities"]} == {"PERSON", "EMAIL_ADDRESS"}


@pytest.mark.slow
def test_cli_demo(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--rows", "60", "--output", str(tmp_path / "demo")])
    assert result.exit_code == 0, result.output
    assert "rows with PII" in result.output
    assert (tmp_path / "demo" / "sample_transcripts.redacted.parquet").exists()


def test_foreign_errors_do_not_quote_text(
    sample: Path, tmp_path: Path, regex_only: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    def leaky(self: TagAnonymizer, texts: list[str], *args: object) -> None:
        raise ValueError(f"cannot handle {texts[0]!r}")

    regex_only.warm_up()
    monkeypatch.setattr(TagAnonymizer, "anonymize_batch", leaky)
    with pytest.raises(RedactkitError) as caught:
        redact_record_batch(pq.read_table(sample).to_batches()[0], "transcript", regex_only)
    assert "ValueError" in str(caught.value)
    assert "cannot handle" not in str(caught.value)
