"""redact_table on everything that speaks Arrow, every string type, and nested (Whisper) transcripts."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyarrow as pa
import pytest

from redactkit import DataError, Pipeline
from redactkit.io import redact_parquet, redact_table

CONFIG: dict[str, Any] = {
    "replace": True,
    "normalizers": [{"name": "whitespace"}, {"name": "spoken_numbers"}],
    "detectors": [
        {"name": "identifiers"},
        {"name": "deny_list", "terms": {"bob": "PERSON", "alice": "PERSON", "carol": "PERSON"}},
    ],
    "anonymizer": {"name": "policy", "operators": {"PERSON": "numbered"}},
}
TEXTS = ["call bob on five five five one two three four", None, "", "alice here", "nothing to see"]
EXPECTED = ["call [PERSON_1] on [PHONE_NUMBER]", None, "", "[PERSON_1] here", "nothing to see"]


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline.from_config(CONFIG)


def _table() -> pa.Table:
    return pa.table({"id": list(range(len(TEXTS))), "transcript": TEXTS})


def test_pyarrow_table_and_record_batch(pipe: Pipeline) -> None:
    out = redact_table(_table(), "transcript", pipe)
    assert isinstance(out, pa.Table)
    assert out.column("transcript_redacted").to_pylist() == EXPECTED
    batch = redact_table(_table().to_batches()[0], "transcript", pipe)
    assert isinstance(batch, pa.RecordBatch)
    assert batch.column("transcript_redacted").to_pylist() == EXPECTED


def test_record_batch_reader_is_redacted_lazily(pipe: Pipeline) -> None:
    source = _table()
    read: list[int] = []

    def batches() -> Any:
        for batch in source.to_batches(max_chunksize=2):
            read.append(batch.num_rows)
            yield batch

    reader = pa.RecordBatchReader.from_batches(source.schema, batches())
    out = redact_table(reader, "transcript", pipe, batch_rows=2)
    assert isinstance(out, pa.RecordBatchReader)
    assert read == []  # nothing read before the caller reads
    table = out.read_all()
    assert table.column("transcript_redacted").to_pylist() == EXPECTED
    assert table.schema == out.schema


def test_pandas_with_nan_and_pd_na(pipe: Pipeline) -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(
        {"transcript": ["call bob on five five five one two three four", np.nan, pd.NA, None, "hi"]},
        index=pd.Index([10, 11, 12, 13, 14], name="row"),
    )
    out = redact_table(frame, "transcript", pipe)
    assert isinstance(out, pd.DataFrame)
    assert list(out.index) == [10, 11, 12, 13, 14]
    assert out.index.name == "row"
    assert out["transcript_redacted"].iloc[0] == "call [PERSON_1] on [PHONE_NUMBER]"
    assert out["transcript_redacted"].iloc[1:4].isna().all()  # missing stays missing, not "nan"
    assert out["transcript_redacted"].iloc[4] == "hi"
    assert list(out["transcript_entities"].iloc[0][0].keys())[:3] == ["start", "end", "label"]
    # a string dtype column too
    typed = frame.astype({"transcript": "string"})
    assert (
        redact_table(typed, "transcript", pipe)["transcript_redacted"].iloc[0].startswith("call [PERSON_1]")
    )


def test_pandas_non_text_values_are_a_data_error_without_the_value(pipe: Pipeline) -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"transcript": ["call bob", 555123]}, dtype=object)
    with pytest.raises(DataError, match="transcript") as info:
        redact_table(frame, "transcript", pipe)
    assert "555123" not in str(info.value)


def test_polars_dataframe_and_lazyframe(pipe: Pipeline) -> None:
    pl = pytest.importorskip("polars")
    frame = pl.DataFrame({"id": list(range(len(TEXTS))), "transcript": TEXTS})
    out = redact_table(frame, "transcript", pipe)
    assert isinstance(out, pl.DataFrame)
    assert out["transcript_redacted"].to_list() == EXPECTED
    lazy = redact_table(frame.lazy(), "transcript", pipe)
    assert isinstance(lazy, pl.LazyFrame)
    assert lazy.collect()["transcript_redacted"].to_list() == EXPECTED


def test_duckdb_relation(pipe: Pipeline) -> None:
    duckdb = pytest.importorskip("duckdb")
    connection = duckdb.connect()
    connection.register("calls", _table())
    relation = connection.sql("select * from calls order by id")
    out = redact_table(relation, "transcript", pipe)
    assert isinstance(out, duckdb.DuckDBPyRelation)
    rows = out.order("id").fetchall()
    assert [row[2] for row in rows] == EXPECTED


def test_hugging_face_datasets(pipe: Pipeline) -> None:
    datasets = pytest.importorskip("datasets")
    dataset = datasets.Dataset.from_dict({"transcript": TEXTS})
    out = redact_table(dataset, "transcript", pipe)
    assert isinstance(out, datasets.Dataset)
    assert out["transcript_redacted"] == EXPECTED
    # the batched map the HF docs recommend: Arrow tables in and out
    mapped = dataset.with_format("arrow").map(
        lambda batch: redact_table(batch, "transcript", pipe), batched=True, batch_size=2
    )
    assert mapped.with_format(None)["transcript_redacted"] == EXPECTED


def test_generic_arrow_stream_object(pipe: Pipeline) -> None:
    class Stream:
        def __arrow_c_stream__(self, requested_schema: object | None = None) -> object:
            return _table().__arrow_c_stream__(requested_schema)

    out = redact_table(Stream(), "transcript", pipe)
    assert isinstance(out, pa.Table)
    assert out.column("transcript_redacted").to_pylist() == EXPECTED
    with pytest.raises(DataError, match="__arrow_c_stream__"):
        redact_table([1, 2], "transcript", pipe)


@pytest.mark.parametrize(
    "kind",
    [
        pytest.param(pa.large_string(), id="large_string"),
        pytest.param(pa.string_view(), id="string_view"),
        pytest.param(pa.dictionary(pa.int8(), pa.string()), id="dictionary-int8"),
        pytest.param(pa.dictionary(pa.int32(), pa.large_string()), id="dictionary-large"),
    ],
)
def test_string_types(pipe: Pipeline, kind: pa.DataType) -> None:
    table = pa.table({"transcript": pa.array(TEXTS, type=pa.string()).cast(kind)})
    out = redact_table(table, "transcript", pipe)
    assert out.column("transcript_redacted").to_pylist() == EXPECTED
    assert out.column("transcript").type == kind  # the input column is untouched
    in_place = redact_table(table, "transcript", pipe, in_place=True)
    assert in_place.column("transcript").to_pylist() == EXPECTED


def test_dictionary_with_more_redacted_values_than_an_int8_index_holds(pipe: Pipeline) -> None:
    texts = [
        f"call bob on {' '.join('five' for _ in range(7))} ok {''.join(chr(97 + int(d)) for d in str(i))}"
        for i in range(300)
    ]
    table = pa.table({"t": pa.array(texts).dictionary_encode().cast(pa.dictionary(pa.int16(), pa.string()))})
    out = redact_table(table, "t", pipe, in_place=True)
    assert out.column("t").type == pa.dictionary(pa.int32(), pa.string())
    assert out.column("t").to_pylist()[3] == "call [PERSON_1] on [PHONE_NUMBER] ok d"


def test_non_text_column_is_a_data_error(pipe: Pipeline) -> None:
    with pytest.raises(DataError, match="not a string column"):
        redact_table(pa.table({"transcript": [1, 2]}), "transcript", pipe)


def test_legacy_argument_order_warns(pipe: Pipeline) -> None:
    with pytest.warns(DeprecationWarning, match="redact_parquet"):
        out = redact_table(_table(), pipe, "transcript")  # type: ignore[arg-type]
    assert out.column("transcript_redacted").to_pylist() == EXPECTED


# -- nested transcripts -------------------------------------------------------------------------------

WORD = pa.struct([("word", pa.string()), ("start", pa.float64()), ("end", pa.float64())])
SEGMENT = pa.struct(
    [("start", pa.float64()), ("end", pa.float64()), ("text", pa.string()), ("words", pa.list_(WORD))]
)


def _words(text: str, start: float) -> list[dict[str, Any]]:
    return [{"word": w, "start": start + i, "end": start + i + 0.5} for i, w in enumerate(text.split())]


def _whisper() -> pa.Table:
    rows = [
        [  # a phone number split over two segments; the name in the first
            {"start": 0.0, "end": 5.0, "text": "hi this is bob", "words": _words("hi this is bob", 0.0)},
            {
                "start": 5.0,
                "end": 9.0,
                "text": "call five five five",
                "words": _words("call five five five", 5.0),
            },
            {
                "start": 9.0,
                "end": 13.0,
                "text": "one two three four",
                "words": _words("one two three four", 9.0),
            },
        ],
        None,
        [],
        [
            {"start": 0.0, "end": 2.0, "text": None, "words": None},
            {"start": 2.0, "end": 4.0, "text": "alice speaking", "words": None},  # no word timings
        ],
    ]
    return pa.table(
        {
            "id": [1, 2, 3, 4],
            "segments": pa.array(rows, type=pa.list_(SEGMENT)),
            "meta": pa.array(
                [
                    {"caller": "bob", "agent": "carol"},
                    None,
                    {"caller": None, "agent": "x"},
                    {"caller": "alice", "agent": None},
                ],
                type=pa.struct([("caller", pa.string()), ("agent", pa.string())]),
            ),
        }
    )


def test_whisper_segments_are_redacted_in_place(pipe: Pipeline) -> None:
    table = _whisper()
    out = redact_table(table, ["segments.text", "meta.caller"], pipe)
    assert out.schema.field("segments").type == table.schema.field("segments").type
    assert out.column_names == [
        "id",
        "segments",
        "meta",
        "segments_text_entities",
        "meta_caller_entities",
        "sensitivity",
        "sensitivity_reasons",
    ]
    segments = out.column("segments").to_pylist()
    assert [s["text"] for s in segments[0]] == ["hi this is [PERSON_1]", "call [PHONE_NUMBER]", ""]
    # everything but the text is unchanged: times, words, nulls and list lengths
    for before, after in zip(table.column("segments").to_pylist(), segments, strict=True):
        if before is None:
            assert after is None
            continue
        assert len(before) == len(after)
        for b, a in zip(before, after, strict=True):
            assert (b["start"], b["end"], b["words"]) == (a["start"], a["end"], a["words"])
    assert segments[3][0]["text"] is None
    assert segments[3][1]["text"] == "[PERSON_1] speaking"
    assert out.column("meta").to_pylist() == [
        {"caller": "[PERSON_1]", "agent": "carol"},
        None,
        {"caller": None, "agent": "x"},
        {"caller": "[PERSON_1]", "agent": None},
    ]
    entities = out.column("segments_text_entities").to_pylist()
    assert [e["label"] for e in entities[0]] == ["PERSON", "PHONE_NUMBER"]
    assert entities[1] is None and entities[2] is None


def test_nested_word_timings_give_intervals(pipe: Pipeline) -> None:
    out = redact_table(_whisper(), "segments.text", pipe, timings_column="segments.words")
    intervals = out.column("segments_text_redacted_intervals").to_pylist()
    spans = [(round(i["start"], 2), round(i["end"], 2), i["label"]) for i in intervals[0]]
    labels = [label for *_, label in spans]
    assert "PERSON" in labels and "PHONE_NUMBER" in labels
    phone = next(span for span in spans if span[2] == "PHONE_NUMBER")
    assert phone[0] <= 6.0 and phone[1] >= 12.5  # from "five" at 6 s to "four" at 12-12.5 s
    # a segment without words: its entity is blanked for the whole segment
    (alice,) = intervals[3]
    assert alice["start"] <= 2.0 and alice["end"] >= 4.0


def test_nested_path_errors_name_the_fields(pipe: Pipeline) -> None:
    with pytest.raises(DataError, match=r"has no field 'txt'\. Its fields: start, end, text, words"):
        redact_table(_whisper(), "segments.txt", pipe)
    with pytest.raises(DataError, match="not a string column"):
        redact_table(_whisper(), "segments.start", pipe)
    with pytest.raises(DataError, match="no column 'segs'"):
        redact_table(_whisper(), "segs.text", pipe)


def test_nested_column_through_the_parquet_engine(pipe: Pipeline, tmp_path: Any) -> None:
    import pyarrow.parquet as pq

    source = tmp_path / "calls.parquet"
    pq.write_table(_whisper(), source)
    target = tmp_path / "out.parquet"
    summary = redact_parquet(source, target, "segments.text", pipe)
    out = pq.read_table(target)
    assert (
        out.column("segments").to_pylist()
        == redact_table(_whisper(), "segments.text", pipe).column("segments").to_pylist()
    )
    assert summary.rows == 4
    assert summary.entities_by_label["PHONE_NUMBER"] == 1
