"""Intervals that cover what was said, audio paths, and alignment counts in `redact` (issue 19)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import soundfile as sf
from typer.testing import CliRunner

from redactkit import Pipeline
from redactkit.anonymize import TagAnonymizer
from redactkit.audio import AudioOptions, redact_audio_parquet, timings_type
from redactkit.audio.intervals import entity_intervals
from redactkit.audio.timing import WordTiming, align_words
from redactkit.cli import app
from redactkit.detect import DenyListDetector
from redactkit.normalize import WhitespaceNormalizer

RATE = 8000
BEEP = 2000.0
SHORT = 0.25  # the default; 0.0 leaves only 43 % of the name beeped in the end-to-end test
runner = CliRunner()


def _name_pipeline() -> Pipeline:
    return Pipeline(
        normalizers=[WhitespaceNormalizer()],
        detectors=[DenyListDetector(terms={"bartholomew": "PERSON", "zed": "PERSON"})],
        anonymizer=TagAnonymizer(),
    )


def _tones(spans: list[tuple[float, float]], total: float) -> np.ndarray:
    """A 300 Hz tone inside each (start, end) span: the 'speech', silence elsewhere."""
    signal = np.zeros(int(total * RATE))
    t = np.arange(len(signal)) / RATE
    for start, end in spans:
        first, last = int(start * RATE), int(end * RATE)
        signal[first:last] = 0.5 * np.sin(2 * np.pi * 300 * t[first:last])
    return signal[:, None]


def _beeped(before: np.ndarray, after: np.ndarray) -> np.ndarray:
    """Per sample: was it replaced (differs from the original, or is beep where there was silence)."""
    changed: np.ndarray = np.abs(after[:, 0] - before[:, 0]) > 1e-4
    return changed


# -- 3. intervals that cover what was said ------------------------------------------------------------
def test_short_name_between_long_words_is_beeped_over_its_whole_spoken_span(tmp_path: Path) -> None:
    # What was said: "please connect me with bartholomew tomorrow morning"; the gold span of the name
    # is 2.0-2.9 s. The recognizer did not know the name and timed it as one short word (2.4-2.5 s).
    said = [(0.0, 0.5), (0.55, 1.2), (1.25, 1.4), (1.45, 1.95), (2.0, 2.9), (2.95, 3.7), (3.75, 4.5)]
    gold = said[4]
    words = "please connect me with bartholomew tomorrow morning".split()
    recognized = [*said[:4], (2.4, 2.5), *said[5:]]
    timings = [{"word": w, "start": s, "end": e} for w, (s, e) in zip(words, recognized, strict=True)]
    audio = tmp_path / "call.wav"
    sf.write(audio, _tones(said, 5.0), RATE)
    table = pa.table(
        {
            "transcript": [" ".join(words)],
            "words": pa.array([timings], type=timings_type()),
            "audio_path": ["call.wav"],
        }
    )
    pq.write_table(table, tmp_path / "in.parquet")
    options = AudioOptions(mode="beep", beep_frequency=BEEP, fade=0.0, short_word=SHORT)
    redact_audio_parquet(
        tmp_path / "in.parquet",
        tmp_path / "out.parquet",
        "transcript",
        "words",
        "audio_path",
        _name_pipeline(),
        options,
        audio_output_dir=tmp_path / "redacted",
    )
    out = pq.read_table(tmp_path / "out.parquet")
    [written] = out.column("audio_path_redacted").to_pylist()
    before, _ = sf.read(audio, always_2d=True)
    after, _ = sf.read(tmp_path / written, always_2d=True)
    beeped = _beeped(before, after)
    first, last = int(gold[0] * RATE), int(gold[1] * RATE)
    coverage = beeped[first:last].mean()
    assert coverage >= 0.9, coverage
    # the long neighbours stay audible
    assert not beeped[int(3.1 * RATE) : int(3.6 * RATE)].any()
    assert not beeped[int(0.6 * RATE) : int(1.1 * RATE)].any()


def test_without_widening_the_short_timing_would_leave_most_of_the_name() -> None:
    text = "please connect me with zed tomorrow morning"
    timed = [(0.0, 0.5), (0.55, 1.2), (1.25, 1.4), (1.45, 1.95), (2.4, 2.5), (2.95, 3.7), (3.75, 4.5)]
    alignment = align_words(
        text, [WordTiming(w, s, e) for w, (s, e) in zip(text.split(), timed, strict=True)]
    )
    span = (text.index("zed"), text.index("zed") + 3, "PERSON")
    base = {"padding": 0.0, "label_padding": {}, "merge_gap": 0.0}
    [narrow] = entity_intervals(alignment, [span], AudioOptions(short_word=0.0, **base), 5.0)
    [wide] = entity_intervals(alignment, [span], AudioOptions(short_word=0.25, **base), 5.0)
    assert (narrow.start, narrow.end) == (2.4, 2.5)
    assert (wide.start, wide.end) == (1.95, 2.95)  # the neighbours' edges


def test_label_padding_gives_names_and_numbers_more() -> None:
    text = "call bob at five"
    alignment = align_words(text, [WordTiming(w, i * 1.0, i * 1.0 + 0.8) for i, w in enumerate(text.split())])
    options = AudioOptions(padding=0.1, merge_gap=0.0, short_word=0.0, label_padding={"PERSON": 0.3})
    [person] = entity_intervals(alignment, [(5, 8, "PERSON")], options, 10.0)
    [other] = entity_intervals(alignment, [(12, 16, "LOCATION")], options, 10.0)
    assert (round(person.start, 3), round(person.end, 3)) == (0.7, 2.1)
    assert (round(other.start, 3), round(other.end, 3)) == (2.9, 3.9)
    assert AudioOptions().padding_of("PERSON") > AudioOptions().padding_of("LOCATION")
    assert AudioOptions(padding=0.5).padding_of("PERSON") == 0.5  # at least, never less


def test_label_padding_is_checked() -> None:
    from redactkit.audio.options import load_audio_options
    from redactkit.errors import ConfigError

    with pytest.raises(ConfigError, match="label_padding"):
        load_audio_options({"label_padding": {"PERSON": -1}})


# -- 4. audio paths -----------------------------------------------------------------------------------
def _path_table(tmp_path: Path, paths: list[str], folder: Path) -> Path:
    texts = ["hi zed"] * len(paths)
    words = [[{"word": "hi", "start": 0.0, "end": 0.4}, {"word": "zed", "start": 0.5, "end": 0.9}]] * len(
        paths
    )
    table = pa.table(
        {"transcript": texts, "words": pa.array(words, type=timings_type()), "audio_path": paths}
    )
    folder.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, folder / "in.parquet")
    return folder / "in.parquet"


def test_redacted_audio_paths_resolve_against_the_output_file_not_the_cwd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    (data / "clips").mkdir(parents=True)
    sf.write(data / "clips" / "a.wav", _tones([(0.0, 0.4), (0.5, 0.9)], 1.5), RATE)
    source = _path_table(tmp_path, ["clips/a.wav"], data)
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    # output file and audio folder given relative to the working directory, in different places
    redact_audio_parquet(
        source,
        Path("results") / "out.parquet",
        "transcript",
        "words",
        "audio_path",
        _name_pipeline(),
        audio_output_dir=Path("audio_out"),
    )
    out_file = elsewhere / "results" / "out.parquet"
    [written] = pq.read_table(out_file).column("audio_path_redacted").to_pylist()
    assert not Path(written).is_absolute()
    assert (out_file.parent / written).resolve() == (elsewhere / "audio_out" / "clips" / "a.wav").resolve()
    assert (out_file.parent / written).is_file()
    # a second run on the output file finds the redacted audio the same way (default audio root)
    monkeypatch.chdir(tmp_path)
    table = pq.read_table(out_file).drop_columns(
        [
            "transcript_redacted",
            "transcript_entities",
            "transcript_redacted_intervals",
            "audio_path",
            "sensitivity",
            "sensitivity_reasons",
        ]
    )
    table = table.rename_columns(
        [name if name != "audio_path_redacted" else "audio_path" for name in table.schema.names]
    )
    pq.write_table(table, out_file.parent / "again.parquet")
    summary = redact_audio_parquet(
        out_file.parent / "again.parquet",
        out_file.parent / "again_out.parquet",
        "transcript",
        "words",
        "audio_path",
        _name_pipeline(),
        audio_output_dir=tmp_path / "second",
    )
    assert summary.audio_written == 1


def test_absolute_input_paths_give_absolute_output_paths(tmp_path: Path) -> None:
    sf.write(tmp_path / "a.wav", _tones([(0.0, 0.4), (0.5, 0.9)], 1.5), RATE)
    source = _path_table(tmp_path, [str(tmp_path / "a.wav")], tmp_path / "meta")
    redact_audio_parquet(
        source, tmp_path / "out.parquet", "transcript", "words", "audio_path", _name_pipeline(),
        audio_output_dir=tmp_path / "red",
    )  # fmt: skip
    [written] = pq.read_table(tmp_path / "out.parquet").column("audio_path_redacted").to_pylist()
    assert Path(written).is_absolute() and Path(written).is_file()


def test_inputs_outside_the_audio_root_keep_distinct_paths(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        sf.write(tmp_path / folder / "x.wav", _tones([(0.0, 0.4), (0.5, 0.9)], 1.5), RATE)
    root = tmp_path / "root"
    source = _path_table(tmp_path, ["../a/x.wav", "../b/x.wav"], root)
    summary = redact_audio_parquet(
        source,
        tmp_path / "out" / "out.parquet",
        "transcript",
        "words",
        "audio_path",
        _name_pipeline(),
        audio_output_dir=tmp_path / "out" / "audio",
        audio_root=root,
    )
    assert summary.audio_written == 2
    written = pq.read_table(tmp_path / "out" / "out.parquet").column("audio_path_redacted").to_pylist()
    assert written == ["audio/_up/a/x.wav", "audio/_up/b/x.wav"]
    for path in written:
        assert (tmp_path / "out" / path).is_file()


def test_the_same_file_twice_is_still_an_error(tmp_path: Path) -> None:
    from redactkit.audio import AudioError

    sf.write(tmp_path / "x.wav", _tones([(0.0, 0.4), (0.5, 0.9)], 1.5), RATE)
    source = _path_table(tmp_path, ["x.wav", "./x.wav"], tmp_path)
    with pytest.raises(AudioError, match="same audio file"):
        redact_audio_parquet(
            source, tmp_path / "o.parquet", "transcript", "words", "audio_path", _name_pipeline(),
            audio_output_dir=tmp_path / "red",
        )  # fmt: skip


# -- 3. alignment counts in `redact --timings-column` --------------------------------------------------
CONFIG = """\
normalizers:
  - name: whitespace
detectors:
  - name: deny_list
    terms: {zed: PERSON}
anonymizer:
  name: tag
"""


def test_redact_summary_and_report_count_the_alignment(tmp_path: Path) -> None:
    words: list[Any] = [
        [{"word": "hi", "start": 0.0, "end": 0.4}, {"word": "zed", "start": 0.5, "end": 0.9}],
        [{"word": "hello", "start": 0.0, "end": 0.4}, {"word": "uh", "start": 0.5, "end": 0.6}],
        None,
    ]
    table = pa.table(
        {"transcript": ["hi zed", "hello there", "zed"], "words": pa.array(words, type=timings_type())}
    )
    pq.write_table(table, tmp_path / "in.parquet")
    (tmp_path / "policy.yaml").write_text(CONFIG)
    args = ["redact", str(tmp_path / "in.parquet"), str(tmp_path / "out.parquet"), "-t", "transcript"]
    args += ["-c", str(tmp_path / "policy.yaml"), "--timings-column", "words"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert "aligned to the transcript" in flat and "transcript tokens without time" in flat
    assert "zed" not in result.output  # no transcript text in the summary
    from redactkit.io import report_path

    report = json.loads(report_path(tmp_path / "out.parquet", directory=False).read_text())
    alignment = report["summary"]["alignment"]
    assert alignment["rows"] == 3
    assert alignment["words"] == 4
    assert alignment["aligned_words"] == 3  # "uh" matches nothing
    assert alignment["unaligned_words"] == 1
    assert alignment["untimed_tokens"] == 2  # "there", and "zed" of the row without timings
    assert alignment["rows_without_alignment"] == 1
    assert alignment["rows_with_intervals"] == 2


def test_paths_helper_never_uses_the_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from redactkit.audio.engine import _written_path

    monkeypatch.chdir(tmp_path)
    assert _written_path("a.wav", tmp_path / "o" / "a.wav", tmp_path / "o") == "a.wav"
    assert _written_path("a.wav", Path("o") / "x" / "a.wav", Path("o")) == "x/a.wav"
    assert os.path.isabs(_written_path("/abs/a.wav", tmp_path / "a.wav", tmp_path))
