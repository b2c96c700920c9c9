"""Intervals column, importers, the audio Parquet engine and `redactkit audio`, end to end."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import soundfile as sf
from typer.testing import CliRunner

from redactkit import DataError, Pipeline
from redactkit.audio import (
    AlignmentCounts,
    AudioError,
    AudioOptions,
    add_redacted_intervals,
    aws_transcribe_row,
    intervals_type,
    redact_audio_parquet,
    timings_type,
    whisper_row,
    write_rows_parquet,
)
from redactkit.cli import app
from redactkit.io.parquet import redact_record_batch

RATE = 8000
runner = CliRunner()


def timings(text: str, step: float = 0.5, length: float = 0.4) -> list[dict[str, Any]]:
    return [
        {"word": word, "start": i * step, "end": i * step + length} for i, word in enumerate(text.split())
    ]


def speech(words: int, *, channels: int = 1, step: float = 0.5, length: float = 0.4) -> np.ndarray:
    """A 300 Hz tone while each word is 'said', silence between words, 0.5 s of tail."""
    total = int((words * step + 0.5) * RATE)
    signal = np.zeros(total)
    t = np.arange(total) / RATE
    for i in range(words):
        first, last = int(i * step * RATE), int((i * step + length) * RATE)
        signal[first:last] = 0.5 * np.sin(2 * np.pi * 300 * t[first:last])
    return np.stack([signal] * channels, axis=1)


def peak_frequency(signal: np.ndarray) -> float:
    spectrum = np.abs(np.fft.rfft(signal))
    return float(np.fft.rfftfreq(len(signal), 1 / RATE)[int(np.argmax(spectrum))])


# -- intervals column ---------------------------------------------------------------------------------
def test_add_redacted_intervals_column(regex_pipeline: Pipeline) -> None:
    texts = ["call bob", "bob, 555-0100", None, "", "nothing here", "alice smith"]
    words = [
        timings(texts[0]),
        timings("bob five five five oh one oh oh"),
        None,
        [],
        timings("nothing here"),
        None,
    ]
    batch = pa.RecordBatch.from_pydict({"text": texts, "words": pa.array(words, type=timings_type())})
    redacted = redact_record_batch(batch, "text", regex_pipeline)
    counts = AlignmentCounts()
    options = AudioOptions(label_padding={}, short_word=0.0, padding=0.0, merge_gap=0.0)
    out = add_redacted_intervals(
        redacted, "text", "words", options, durations=[2.0, 5.0, None, 1.0, 1.0, 3.0], counts=counts
    )
    assert out.schema.names == [*redacted.schema.names, "text_redacted_intervals"]
    assert out.schema.field("text_redacted_intervals").type == intervals_type()
    rows = out.column("text_redacted_intervals").to_pylist()
    assert rows[0] == [{"start": 0.5, "end": 0.9, "label": "PERSON"}]
    # "bob" then the phone number spoken as words: 555-0100 = "five five five oh one oh oh"
    assert [(r["start"], round(r["end"], 6), r["label"]) for r in rows[1]] == [
        (0.0, 0.4, "PERSON"),
        (0.5, 3.9, "PHONE_NUMBER"),
    ]
    assert rows[2] is None  # null transcript: nothing known
    assert rows[3] == []
    assert rows[4] == []
    # PII but no timings at all: the whole recording (fail closed)
    assert rows[5] == [{"start": 0.0, "end": 3.0, "label": "PERSON"}]
    assert counts.rows == 6
    assert counts.rows_without_alignment == 1
    assert counts.unaligned_words == 0


def test_unprocessed_row_is_redacted_whole() -> None:
    """A null entities list next to a non-empty text means the text engine did not process the row."""
    batch = pa.RecordBatch.from_pydict(
        {
            "text": ["hello there", "hello there"],
            "text_entities": pa.array(
                [None, []],
                type=pa.list_(
                    pa.struct([("start", pa.int32()), ("end", pa.int32()), ("label", pa.string())])
                ),
            ),
            "words": pa.array([timings("hello there"), timings("hello there")], type=timings_type()),
        }
    )
    counts = AlignmentCounts()
    out = add_redacted_intervals(
        batch, "text", "words", AudioOptions(label_padding={}, short_word=0.0, padding=0.0), counts=counts
    )
    # no duration known: to the end of the recording, whatever its length
    assert out.column("text_redacted_intervals").to_pylist() == [
        [{"start": 0.0, "end": float("inf"), "label": "UNPROCESSED"}],
        [],
    ]
    assert counts.rows_unprocessed == 1
    out = add_redacted_intervals(
        batch,
        "text",
        "words",
        AudioOptions(label_padding={}, short_word=0.0, padding=0.0),
        durations=[7.5, 7.5],
    )
    assert out.column("text_redacted_intervals").to_pylist()[0] == [
        {"start": 0.0, "end": 7.5, "label": "UNPROCESSED"}
    ]


@pytest.mark.parametrize(
    ("words", "message"),
    [
        (pa.array(["a b"]), "word timings must be"),
        (pa.array([[{"word": "a", "begin": 0.0}]]), "lacks the struct field"),
    ],
)
def test_bad_timing_column(words: pa.Array, message: str) -> None:
    batch = pa.RecordBatch.from_pydict(
        {
            "text": ["a b"],
            "text_entities": pa.array([[]], type=pa.list_(pa.struct([("start", pa.int32())]))),
            "words": words,
        }
    )
    with pytest.raises(DataError, match=message):
        add_redacted_intervals(batch, "text", "words")


def test_text_column_must_be_strings() -> None:
    batch = pa.RecordBatch.from_pydict(
        {"text": [1], "text_entities": pa.array([[]]), "words": pa.array([[]], type=timings_type())}
    )
    with pytest.raises(DataError, match="not a string column"):
        add_redacted_intervals(batch, "text", "words")


# -- importers ----------------------------------------------------------------------------------------
WHISPER = {
    "text": " Hi, I'm John Smith.",
    "segments": [
        {
            "start": 0.0,
            "end": 2.0,
            "text": " Hi, I'm John Smith.",
            "words": [
                {"word": " Hi,", "start": 0.0, "end": 0.3, "probability": 0.9},
                {"word": " I'm", "start": 0.4, "end": 0.6},
                {"word": " John", "start": 0.7, "end": 1.0},
                {"word": " Smith.", "start": 1.1, "end": 1.6},
            ],
        },
        {
            "start": 2.0,
            "end": 3.0,
            "text": " Call 5.",
            "words": [{"word": " Call", "start": 2.0, "end": 2.3}, {"word": " 5."}],  # WhisperX: no times
        },
    ],
}

AWS = {
    "jobName": "job",
    "results": {
        "transcripts": [{"transcript": "Hello, Mary. Bye"}],
        "items": [
            {
                "start_time": "0.1",
                "end_time": "0.5",
                "alternatives": [{"confidence": "0.9", "content": "Hello"}],
                "type": "pronunciation",
            },
            {"alternatives": [{"confidence": "0.0", "content": ","}], "type": "punctuation"},
            {
                "start_time": "0.6",
                "end_time": "1.0",
                "alternatives": [{"confidence": "0.9", "content": "Mary"}],
                "type": "pronunciation",
            },
            {"alternatives": [{"confidence": "0.0", "content": "."}], "type": "punctuation"},
            {
                "start_time": "1.2",
                "end_time": "1.5",
                "alternatives": [{"confidence": "0.9", "content": "Bye"}],
                "type": "pronunciation",
            },
        ],
    },
}


def test_whisper_importer() -> None:
    row = whisper_row(WHISPER)
    assert row["text"] == "Hi, I'm John Smith. Call 5."
    assert [w["word"] for w in row["words"]] == ["Hi,", "I'm", "John", "Smith.", "Call", "5."]
    assert row["words"][2] == {"word": "John", "start": 0.7, "end": 1.0}
    assert row["words"][5] == {"word": "5.", "start": None, "end": None}


def test_aws_importer() -> None:
    row = aws_transcribe_row(AWS)
    assert row["text"] == "Hello, Mary. Bye"
    assert row["words"] == [
        {"word": "Hello", "start": 0.1, "end": 0.5},
        {"word": "Mary", "start": 0.6, "end": 1.0},
        {"word": "Bye", "start": 1.2, "end": 1.5},
    ]


@pytest.mark.parametrize(
    ("reader", "data", "message"),
    [
        (whisper_row, {"text": "secret words"}, "no 'segments'"),
        (whisper_row, {"segments": [{"text": "secret words"}]}, "word timestamps"),
        (whisper_row, {"segments": [{"words": [{"word": "secret", "start": "soon"}]}]}, "not a number"),
        (aws_transcribe_row, {"results": {"transcripts": [{"transcript": "secret words"}]}}, "results.items"),
        (aws_transcribe_row, {"results": {"items": [{"type": "pronunciation"}]}}, "alternatives"),
    ],
)
def test_importer_errors_never_quote_text(reader: Any, data: dict[str, Any], message: str) -> None:
    with pytest.raises(DataError, match=message) as info:
        reader(data, source="f.json")
    assert "secret" not in str(info.value)
    assert "f.json" in str(info.value)


def test_rows_round_trip_through_parquet(tmp_path: Path) -> None:
    rows = [whisper_row(WHISPER), aws_transcribe_row(AWS)]
    path = tmp_path / "rows.parquet"
    assert write_rows_parquet(rows, path, extra_columns={"audio_path": ["a.wav", None]}) == 2
    table = pq.read_table(path)
    assert table.schema.field("words").type == timings_type()
    assert table.column("transcript").to_pylist() == [row["text"] for row in rows]
    assert table.column("words").to_pylist() == [row["words"] for row in rows]
    assert table.column("audio_path").to_pylist() == ["a.wav", None]


# -- the audio Parquet engine -------------------------------------------------------------------------
def _dataset(tmp_path: Path, fmt: str = "WAV", suffix: str = ".wav", channels: int = 1) -> Path:
    texts = ["hello bob here", "nothing to hide", "call 555-0100 now", None]
    words = [timings(texts[0]), timings(texts[1]), timings("call five five five oh one oh oh now"), None]
    paths: list[str | None] = []
    (tmp_path / "audio").mkdir()
    for i, row_words in enumerate(words):
        name = f"audio/row{i}{suffix}"
        sf.write(tmp_path / name, speech(len(row_words or [1, 2]), channels=channels), RATE, format=fmt)
        paths.append(name)
    table = pa.table(
        {
            "id": list(range(4)),
            "transcript": texts,
            "words": pa.array(words, type=timings_type()),
            "audio_path": paths,
        }
    )
    pq.write_table(table, tmp_path / "in.parquet")
    return tmp_path / "in.parquet"


@pytest.mark.parametrize(("fmt", "suffix", "channels"), [("WAV", ".wav", 1), ("FLAC", ".flac", 2)])
def test_engine_paths(tmp_path: Path, regex_pipeline: Pipeline, fmt: str, suffix: str, channels: int) -> None:
    source = _dataset(tmp_path, fmt, suffix, channels)
    options = AudioOptions(
        label_padding={},
        short_word=0.0,
        padding=0.05,
        merge_gap=0.0,
        mode="beep",
        beep_frequency=1500,
        fade=0.0,
    )
    summary = redact_audio_parquet(
        source,
        tmp_path / "out.parquet",
        "transcript",
        "words",
        "audio_path",
        regex_pipeline,
        options,
        audio_output_dir=tmp_path / "redacted",
        batch_rows=3,
    )
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.num_rows == 4
    assert table.column("id").to_pylist() == [0, 1, 2, 3]
    assert table.schema.names[-6:] == [
        "transcript_redacted",
        "transcript_entities",
        "sensitivity",
        "sensitivity_reasons",
        "transcript_redacted_intervals",
        "audio_path_redacted",
    ]
    intervals = table.column("transcript_redacted_intervals").to_pylist()
    assert intervals[0] == [{"start": pytest.approx(0.45), "end": pytest.approx(1.45), "label": "PERSON"}]
    assert intervals[1] == []
    assert [(round(i["start"], 3), round(i["end"], 3)) for i in intervals[2]] == [(0.45, 3.95)]
    written = table.column("audio_path_redacted").to_pylist()
    # written paths resolve like input paths: against the output file's folder
    assert written[1] == f"redacted/audio/row1{suffix}"
    written = [str(tmp_path / path) for path in written]
    assert summary.audio_written == 4
    assert summary.alignment.unaligned_words == 0
    for i, path in enumerate(written):
        before, rate = sf.read(tmp_path / "audio" / f"row{i}{suffix}", always_2d=True)
        after, rate_after = sf.read(path, always_2d=True)
        assert rate == rate_after
        assert after.shape == before.shape
        assert sf.info(path).format == fmt
        mask = np.zeros(len(before), dtype=bool)
        for interval in intervals[i] or []:
            mask[int(interval["start"] * RATE) : int(np.ceil(interval["end"] * RATE))] = True
        assert np.array_equal(after[~mask], before[~mask])
        if mask.any():
            assert peak_frequency(after[mask][:, 0]) == pytest.approx(1500, abs=10)
            assert peak_frequency(before[mask][:, 0]) == pytest.approx(300, abs=10)


def test_engine_binary_column_and_failures(tmp_path: Path, regex_pipeline: Pipeline) -> None:
    source = _dataset(tmp_path)
    table = pq.read_table(source)
    blobs = [(tmp_path / p).read_bytes() for p in table.column("audio_path").to_pylist()]
    blobs[1] = b"not audio"
    blobs[3] = None
    binary = table.drop(["audio_path"]).append_column("audio", pa.array(blobs, type=pa.binary()))
    pq.write_table(binary, tmp_path / "binary.parquet")
    out = tmp_path / "b.parquet"
    with pytest.raises(AudioError, match=r"row 1, column 'audio': cannot read audio"):
        redact_audio_parquet(tmp_path / "binary.parquet", out, "transcript", "words", "audio", regex_pipeline)
    assert not out.exists()
    summary = redact_audio_parquet(
        tmp_path / "binary.parquet",
        out,
        "transcript",
        "words",
        "audio",
        regex_pipeline,
        AudioOptions(mode="silence", label_padding={}, short_word=0.0, padding=0.0, merge_gap=0.0),
        on_error="skip",
    )
    assert (summary.audio_written, summary.audio_failed, summary.audio_missing) == (2, 1, 1)
    result = pq.read_table(out)
    redacted = result.column("audio_redacted").to_pylist()
    assert redacted[1] is None
    assert redacted[3] is None
    samples, _ = sf.read(__import__("io").BytesIO(redacted[0]))
    assert not samples[int(0.5 * RATE) : int(0.9 * RATE)].any()
    assert np.abs(samples[: int(0.4 * RATE)]).max() > 0.4


def test_engine_input_errors(tmp_path: Path, regex_pipeline: Pipeline) -> None:
    source = _dataset(tmp_path)
    with pytest.raises(DataError, match="--audio-dir"):
        redact_audio_parquet(
            source, tmp_path / "o.parquet", "transcript", "words", "audio_path", regex_pipeline
        )
    with pytest.raises(DataError, match="no column 'sound'"):
        redact_audio_parquet(source, tmp_path / "o.parquet", "transcript", "words", "sound", regex_pipeline)
    with pytest.raises(DataError, match="audio file paths"):
        redact_audio_parquet(source, tmp_path / "o.parquet", "transcript", "words", "id", regex_pipeline)
    twice = pq.read_table(source).to_pydict()
    twice["audio_path"][1] = twice["audio_path"][0]
    pq.write_table(pa.table(twice, schema=pq.read_schema(source)), tmp_path / "twice.parquet")
    with pytest.raises(AudioError, match="same audio file"):
        redact_audio_parquet(
            tmp_path / "twice.parquet",
            tmp_path / "o.parquet",
            "transcript",
            "words",
            "audio_path",
            regex_pipeline,
            audio_output_dir=tmp_path / "r",
        )
    assert not (tmp_path / "o.parquet").exists()
    (tmp_path / "audio" / "row2.wav").unlink()
    with pytest.raises(AudioError, match=r"row 2, column 'audio_path': audio file .*row2.wav does not exist"):
        redact_audio_parquet(
            source,
            tmp_path / "o.parquet",
            "transcript",
            "words",
            "audio_path",
            regex_pipeline,
            audio_output_dir=tmp_path / "r",
        )
    assert not (tmp_path / "o.parquet").exists()
    assert not list((tmp_path / "r").rglob("*.partial"))


# -- CLI ----------------------------------------------------------------------------------------------
LIGHT_CONFIG = """\
replace: true
normalizers:
  - name: whitespace
  - name: spoken_numbers
detectors:
  - name: identifiers
    labels: [PHONE_NUMBER]
anonymizer:
  name: tag
"""


def test_cli_import_then_redact_end_to_end(tmp_path: Path) -> None:
    words = "please call five five five one two three four now".split()
    recording = {
        "segments": [
            {
                "words": [
                    {"word": f" {w}", "start": i * 0.5, "end": i * 0.5 + 0.4} for i, w in enumerate(words)
                ]
            }
        ]
    }
    (tmp_path / "call1.json").write_text(json.dumps(recording))
    (tmp_path / "call2.json").write_text(
        json.dumps({"segments": [{"words": [{"word": "hi", "start": 0.0, "end": 0.4}]}]})
    )
    sf.write(tmp_path / "call1.ogg", speech(len(words), channels=2), RATE, format="OGG", subtype="VORBIS")
    sf.write(tmp_path / "call2.ogg", speech(1, channels=2), RATE, format="OGG", subtype="VORBIS")
    result = runner.invoke(
        app,
        [
            "audio",
            "import-whisper",
            str(tmp_path / "call1.json"),
            str(tmp_path / "call2.json"),
            "-o",
            str(tmp_path / "calls.parquet"),
            "--audio-ext",
            ".ogg",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "2 rows, 11 words" in " ".join(result.output.split())
    (tmp_path / "light.yaml").write_text(LIGHT_CONFIG)
    (tmp_path / "audio.yaml").write_text(
        "padding: 0.0\nlabel_padding: {}\nshort_word: 0.0\nmerge_gap: 0.3\nbeep_frequency: 2500\nfade: 0.0\n"
    )
    args = [
        "audio",
        "redact",
        str(tmp_path / "calls.parquet"),
        str(tmp_path / "out.parquet"),
        "--audio-dir",
        str(tmp_path / "redacted"),
        "--config",
        str(tmp_path / "light.yaml"),
        "--audio-config",
        str(tmp_path / "audio.yaml"),
        "--report",
        str(tmp_path / "report.json"),
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "unaligned timing words" in result.output
    assert "five" not in result.output  # no transcript text in the summary
    table = pq.read_table(tmp_path / "out.parquet")
    (intervals, none) = table.column("transcript_redacted_intervals").to_pylist()
    assert none == []
    assert [(i["start"], round(i["end"], 3), i["label"]) for i in intervals] == [(1.0, 4.4, "PHONE_NUMBER")]
    redacted_path = tmp_path / "redacted" / "call1.ogg"
    assert table.column("audio_path_redacted").to_pylist()[0] == str(redacted_path)
    info = sf.info(redacted_path)
    assert (info.format, info.subtype, info.channels, info.samplerate) == ("OGG", "VORBIS", 2, RATE)
    after, _ = sf.read(redacted_path, always_2d=True)
    assert peak_frequency(after[int(1.2 * RATE) : int(4.2 * RATE), 0]) == pytest.approx(2500, abs=10)
    assert peak_frequency(after[: int(0.9 * RATE), 1]) == pytest.approx(300, abs=10)
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["audio_written"] == 2
    assert report["alignment"]["intervals"] == 1
    # existing output without --overwrite: exit 2, one line, names the fix
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "--overwrite" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["audio", "options", "{cfg}"], "beep_level"),
        (["audio", "redact", "{src}", "{out}", "--audio-config", "{cfg}"], "beep_level"),
        (["audio", "redact", "{src}", "{out}", "--mode", "loud"], "mode"),
        (["audio", "import-aws", "{src}", "-o", "{out}"], "not valid JSON"),
    ],
)
def test_cli_errors_are_one_line_and_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "bad.yaml").write_text("beep_level: -3\n")
    (tmp_path / "src.parquet").write_text("secret transcript")
    paths = {
        "cfg": str(tmp_path / "bad.yaml"),
        "src": str(tmp_path / "src.parquet"),
        "out": str(tmp_path / "o.parquet"),
    }
    result = runner.invoke(app, [arg.format(**paths) for arg in args])
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "secret" not in result.output


def test_cli_options_prints_resolved_yaml(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("mode: silence\n")
    result = runner.invoke(app, ["audio", "options", str(tmp_path / "a.yaml")])
    assert result.exit_code == 0
    assert "mode: silence" in result.output
    assert "padding: 0.1" in result.output


def test_cli_without_the_audio_extra_exits_2_naming_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    source = tmp_path / "in.parquet"
    pq.write_table(pa.table({"transcript": ["hi"], "words": pa.array([[]], type=timings_type())}), source)
    monkeypatch.setitem(sys.modules, "soundfile", None)
    (tmp_path / "light.yaml").write_text(LIGHT_CONFIG)
    result = runner.invoke(
        app, ["audio", "redact", str(source), str(tmp_path / "o.parquet"), "-c", str(tmp_path / "light.yaml")]
    )
    assert result.exit_code == 2
    assert "pip install 'redactkit[audio]'" in " ".join(result.output.split())


# -- intervals through `redactkit redact --timings-column` -----------------------------------------

TIMINGS_CONFIG = """
replace: true
normalizers:
  - name: whitespace
detectors:
  - name: test_regex
    pattern: '\\\\d{3}-\\\\d{4}'
    label: PHONE_NUMBER
  - name: deny_list
    terms: {alice: PERSON, bob: PERSON}
batch_size: 4
"""


def _timed_table(rows: int) -> pa.Table:
    texts: list[str | None] = []
    words: list[list[dict[str, Any]] | None] = []
    for index in range(rows):
        if index % 7 == 0:
            texts.append(None)
            words.append(None)
            continue
        text = ["call bob now", "alice at 555-0100 please", "nothing to hide here"][index % 3]
        texts.append(text)
        words.append(timings(text))
    return pa.table(
        {
            "id": pa.array(range(rows), type=pa.int64()),
            "transcript": pa.array(texts, type=pa.string()),
            "words": pa.array(words, type=timings_type()),
        }
    )


@pytest.mark.parametrize("workers", ["1", "2"])
def test_redact_command_adds_intervals_that_match_the_pure_function(tmp_path: Path, workers: str) -> None:
    source, out, config = tmp_path / "in.parquet", tmp_path / "out.parquet", tmp_path / "policy.yaml"
    config.write_text(TIMINGS_CONFIG)
    pq.write_table(_timed_table(40), source)
    args = [
        "redact",
        str(source),
        str(out),
        "-t",
        "transcript",
        "-c",
        str(config),
        "--timings-column",
        "words",
    ]
    result = runner.invoke(app, [*args, "--workers", workers, "--batch-rows", "9"])
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert table.num_rows == 40
    assert table.schema.field("transcript_redacted_intervals").type == intervals_type()
    # the same intervals as the per-batch function computes from the engine's own entities
    expected = add_redacted_intervals(
        table.drop_columns(["transcript_redacted_intervals"]).combine_chunks().to_batches()[0],
        "transcript",
        "words",
        AudioOptions(),
    )
    assert (
        table.column("transcript_redacted_intervals").to_pylist()
        == expected.column("transcript_redacted_intervals").to_pylist()
    )
    rows = table.to_pylist()
    bob = next(row for row in rows if row["transcript"] == "call bob now")
    assert [
        (i["label"], i["start"] <= 0.5, i["end"] >= 0.9) for i in bob["transcript_redacted_intervals"]
    ] == [("PERSON", True, True)]
    clean = next(row for row in rows if row["transcript"] == "nothing to hide here")
    assert clean["transcript_redacted_intervals"] == []


def test_redact_command_timing_errors(tmp_path: Path) -> None:
    source, config = tmp_path / "in.parquet", tmp_path / "policy.yaml"
    config.write_text(TIMINGS_CONFIG)
    table = _timed_table(5).append_column("other", pa.array(["x"] * 5))
    pq.write_table(table, source)
    base = ["redact", str(source), str(tmp_path / "o.parquet"), "-c", str(config)]
    missing = runner.invoke(app, [*base, "-t", "transcript", "--timings-column", "timing"])
    assert missing.exit_code == 2
    assert "no timings column 'timing'" in missing.output and "words" in missing.output
    wrong_type = runner.invoke(app, [*base, "-t", "transcript", "--timings-column", "other"])
    assert wrong_type.exit_code == 2
    assert "word timings must be" in wrong_type.output
    two_texts = runner.invoke(app, [*base, "-t", "transcript", "-t", "other", "--timings-column", "words"])
    assert two_texts.exit_code == 2
    assert "exactly one text column" in two_texts.output
    assert not (tmp_path / "o.parquet").exists()


def test_engine_silences_a_withheld_row_whole(tmp_path: Path) -> None:
    """A row the sensitivity policy withholds is silenced from start to end, not only its entities."""
    from _support import RegexDetector

    from redactkit.anonymize import TagAnonymizer
    from redactkit.normalize import WhitespaceNormalizer

    withholding = Pipeline(
        normalizers=[WhitespaceNormalizer()],
        detectors=[RegexDetector(pattern=r"\bbob\b", label="PERSON")],
        anonymizer=TagAnonymizer(),
        sensitivity={"policy": dict.fromkeys(("pii", "special", "intimate", "safety"), "drop_text")},
    )
    source = _dataset(tmp_path)
    options = AudioOptions(
        label_padding={}, short_word=0.0, padding=0.0, mode="beep", beep_frequency=1500, fade=0.0
    )
    redact_audio_parquet(
        source, tmp_path / "out.parquet", "transcript", "words", "audio_path", withholding, options,
        audio_output_dir=tmp_path / "redacted",
    )  # fmt: skip
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.column("sensitivity").to_pylist() == ["pii", "none", "none", "none"]
    assert table.column("transcript_redacted").to_pylist()[0] == "[WITHHELD]"
    intervals = table.column("transcript_redacted_intervals").to_pylist()
    assert intervals[0] == [{"start": 0.0, "end": float("inf"), "label": "WITHHELD"}]
    assert intervals[1] == []
    after, _ = sf.read(tmp_path / table.column("audio_path_redacted")[0].as_py(), always_2d=True)
    before, _ = sf.read(tmp_path / "audio" / "row0.wav", always_2d=True)
    assert after.shape == before.shape
    assert peak_frequency(after[:, 0]) == pytest.approx(1500, abs=10)  # beeped from start to end
