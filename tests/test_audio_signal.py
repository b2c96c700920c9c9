"""Beep / silence over generated audio: formats kept, samples outside intervals untouched."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from redactkit.audio import AudioError, AudioOptions, Interval, read_audio, redact_audio, redact_samples

RATE = 16000
TONE = 220.0


def tone(seconds: float, channels: int = 1, rate: int = RATE, level: float = 0.5) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    mono = level * np.sin(2 * np.pi * TONE * t)
    return np.stack([mono * (1 + 0.1 * c) for c in range(channels)], axis=1)


def dominant_frequency(signal: np.ndarray, rate: int) -> float:
    spectrum = np.abs(np.fft.rfft(signal * np.hanning(len(signal))))
    return float(np.fft.rfftfreq(len(signal), 1 / rate)[int(np.argmax(spectrum))])


def rms(signal: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(signal.astype(np.float64)))))


def test_redact_samples_edges_and_untouched_rest() -> None:
    samples = (tone(2.0) * 32767).astype(np.int16)
    out = redact_samples(samples, RATE, [Interval(0.5, 1.0, "X")], AudioOptions(mode="silence"))
    assert out.dtype == np.int16
    assert np.array_equal(out[:8000], samples[:8000])
    assert not out[8000:16000].any()
    assert np.array_equal(out[16000:], samples[16000:])
    assert np.array_equal(samples, (tone(2.0) * 32767).astype(np.int16)), "input is not modified"


@pytest.mark.parametrize(
    ("intervals", "silenced"),
    [
        ([Interval(-0.5, 0.25, "X")], [(0, 4000)]),  # before the start: clipped at 0
        ([Interval(1.75, 9.0, "X")], [(28000, 32000)]),  # past the end: clipped at the end
        ([Interval(0.0, float("inf"), "X")], [(0, 32000)]),  # the whole utterance
        ([Interval(0.1, 0.3, "X"), Interval(0.2, 0.4, "Y")], [(1600, 6400)]),  # overlapping
        ([Interval(3.0, 4.0, "X")], []),  # entirely past the end: nothing
        ([Interval(0.00001, 0.00002, "X")], [(0, 1)]),  # shorter than a sample: rounded outwards
    ],
)
def test_interval_edges(intervals: list[Interval], silenced: list[tuple[int, int]]) -> None:
    samples = np.ones((32000, 1), dtype=np.float32)
    out = redact_samples(samples, RATE, intervals, AudioOptions(mode="silence"))
    expected = np.ones(32000, dtype=bool)
    for first, last in silenced:
        expected[first:last] = False
    assert np.array_equal(out[:, 0] != 0, expected)


def test_beep_frequency_and_level() -> None:
    samples = np.zeros((RATE * 2, 2), dtype=np.float32)
    options = AudioOptions(mode="beep", beep_frequency=1000.0, beep_level_db=-6.0, fade=0.0)
    out = redact_samples(samples, RATE, [Interval(0.5, 1.5, "X")], options)
    inside = out[8000:24000]
    assert dominant_frequency(inside[:, 0], RATE) == pytest.approx(1000.0, abs=2.0)
    assert np.abs(inside).max() == pytest.approx(10 ** (-6 / 20), rel=1e-3)
    assert np.array_equal(inside[:, 0], inside[:, 1]), "every channel gets the beep"
    assert not out[:8000].any()
    assert not out[24000:].any()


def test_beep_above_nyquist_is_an_error() -> None:
    with pytest.raises(AudioError, match="below 4000 Hz"):
        redact_samples(np.zeros((8000, 1)), 8000, [Interval(0, 1, "X")], AudioOptions(beep_frequency=5000))


@pytest.mark.parametrize(
    ("suffix", "fmt", "subtype", "channels", "exact"),
    [
        (".wav", "WAV", "PCM_16", 1, True),
        (".wav", "WAV", "PCM_24", 2, True),
        (".wav", "WAV", "FLOAT", 2, True),
        (".flac", "FLAC", "PCM_16", 2, True),
        (".ogg", "OGG", "VORBIS", 2, False),
    ],
)
def test_round_trip_keeps_format_and_redacts_only_inside(
    tmp_path: Path, suffix: str, fmt: str, subtype: str, channels: int, exact: bool
) -> None:
    source = tmp_path / f"in{suffix}"
    sf.write(source, tone(3.0, channels), RATE, subtype=subtype, format=fmt)
    target = tmp_path / "out" / f"out{suffix}"
    options = AudioOptions(mode="beep", beep_frequency=2000.0, beep_level_db=-10.0, fade=0.0)
    redact_audio(source, [Interval(1.0, 2.0, "PERSON")], options, target)
    info = sf.info(target)
    assert (info.samplerate, info.channels, info.format, info.subtype) == (RATE, channels, fmt, subtype)
    before, _ = sf.read(source, always_2d=True)
    after, _ = sf.read(target, always_2d=True)
    assert after.shape == before.shape
    margin = 800  # codec transients at the interval edges (lossy formats)
    outside = np.r_[0 : RATE - margin, 2 * RATE + margin : 3 * RATE]
    if exact:
        assert np.array_equal(after[outside], before[outside])
        assert np.array_equal(
            sf.read(source, dtype="int32")[0][outside], sf.read(target, dtype="int32")[0][outside]
        )
    else:
        assert rms(after[outside] - before[outside]) < 0.05 * rms(before[outside])
    for channel in range(channels):
        inside = after[RATE + margin : 2 * RATE - margin, channel]
        assert dominant_frequency(inside, RATE) == pytest.approx(2000.0, abs=5.0)
        assert dominant_frequency(before[RATE : 2 * RATE, channel], RATE) == pytest.approx(TONE, abs=5.0)


def test_bytes_in_bytes_out_and_silence(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    sf.write(buffer, tone(1.0, 2), RATE, format="FLAC", subtype="PCM_16")
    data = redact_audio(buffer.getvalue(), [Interval(0.25, 0.75, "X")], AudioOptions(mode="silence"))
    assert isinstance(data, bytes)
    clip = read_audio(data)
    assert (clip.format, clip.subtype, clip.channels, clip.samplerate) == ("FLAC", "PCM_16", 2, RATE)
    assert not clip.samples[4000:12000].any()
    assert rms(clip.samples[:4000]) > 1000


def test_unreadable_audio_names_the_source_not_the_content(tmp_path: Path) -> None:
    bad = tmp_path / "bad.wav"
    bad.write_bytes(b"RIFF this is not audio at all")
    with pytest.raises(AudioError, match=r"row 7: cannot read audio") as info:
        read_audio(bad, name="row 7")
    assert "this is not audio" not in str(info.value)
    with pytest.raises(AudioError, match="cannot read audio"):
        read_audio(b"\x00" * 64)


def test_core_install_without_soundfile(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the extra, redactkit.audio still imports and the error names the extra to install."""
    import sys

    from redactkit import RedactkitError
    from redactkit.audio import MissingAudioDependencyError

    monkeypatch.setitem(sys.modules, "soundfile", None)  # makes `import soundfile` raise ImportError
    with pytest.raises(MissingAudioDependencyError, match=r"pip install 'redactkit\[audio\]'") as info:
        read_audio(b"RIFF")
    assert isinstance(info.value, RedactkitError)
