"""Read audio, blank intervals with a beep or silence, write it back in the same format.

Samples are read in the integer or float width of the file's own subtype and written back unchanged
outside the intervals, so a PCM or FLAC file differs from its source only inside the intervals (lossy
formats such as OGG Vorbis are re-encoded, which changes samples everywhere by the codec's error).
Sample rate, channel count, container format and subtype are kept.
"""

from __future__ import annotations

import io
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import AudioError, require_soundfile
from .intervals import Interval
from .options import AudioOptions

if TYPE_CHECKING:
    import numpy as np

__all__ = ["AudioClip", "read_audio", "redact_audio", "redact_samples", "write_audio"]

_INT16 = frozenset({"PCM_S8", "PCM_U8", "PCM_16", "ULAW", "ALAW", "G721_32", "G723_24", "G723_40"})
_INT32 = frozenset({"PCM_24", "PCM_32"})


@dataclass
class AudioClip:
    """Decoded audio: ``samples`` is ``(frames, channels)`` in the dtype of the file's subtype."""

    samples: np.ndarray[Any, Any]
    samplerate: int
    format: str
    subtype: str
    endian: str

    @property
    def channels(self) -> int:
        return int(self.samples.shape[1])

    @property
    def frames(self) -> int:
        return int(self.samples.shape[0])

    @property
    def duration(self) -> float:
        return self.frames / self.samplerate if self.samplerate else 0.0


def _dtype(subtype: str) -> str:
    if subtype in _INT16:
        return "int16"
    if subtype in _INT32:
        return "int32"
    if subtype == "DOUBLE":
        return "float64"
    return "float32"


def read_audio(source: str | os.PathLike[str] | bytes, *, name: str = "audio") -> AudioClip:
    """Decode WAV, FLAC, OGG (anything libsndfile reads) from a path or from bytes.

    ``name`` identifies the source in error messages (a row and column, never content).
    """
    sf = require_soundfile()
    handle: Any = io.BytesIO(source) if isinstance(source, bytes | bytearray) else os.fspath(source)
    if isinstance(handle, str) and not os.path.isfile(handle):
        raise AudioError(f"{name}: audio file {handle} does not exist; check the path or --audio-root")
    try:
        with sf.SoundFile(handle) as audio:
            fmt, subtype, endian, rate = audio.format, audio.subtype, audio.endian, audio.samplerate
            samples = audio.read(dtype=_dtype(subtype), always_2d=True)
    except (sf.LibsndfileError, RuntimeError, OSError, TypeError) as exc:
        raise AudioError(
            f"{name}: cannot read audio ({type(exc).__name__}); is it WAV, FLAC or OGG?"
        ) from None
    return AudioClip(samples, int(rate), fmt, subtype, endian)


def write_audio(
    clip: AudioClip, destination: str | os.PathLike[str] | None = None, *, name: str = "audio"
) -> bytes | None:
    """Encode ``clip`` in its own format and subtype, to ``destination`` or (when ``None``) to bytes."""
    sf = require_soundfile()
    target: Any = io.BytesIO() if destination is None else os.fspath(destination)
    try:
        sf.write(
            target,
            clip.samples,
            clip.samplerate,
            subtype=clip.subtype,
            endian=clip.endian,
            format=clip.format,
        )
    except (sf.LibsndfileError, RuntimeError, OSError, TypeError, ValueError) as exc:
        raise AudioError(
            f"{name}: cannot write audio as {clip.format}/{clip.subtype} ({type(exc).__name__})"
        ) from None
    return target.getvalue() if destination is None else None


def _full_scale(dtype: Any) -> float:
    import numpy as np

    if np.issubdtype(dtype, np.integer):
        return float(np.iinfo(dtype).max)
    return 1.0


def redact_samples(
    samples: np.ndarray[Any, Any], samplerate: int, intervals: Sequence[Interval], options: AudioOptions
) -> np.ndarray[Any, Any]:
    """A copy of ``samples`` (frames x channels) with every interval replaced by a beep or silence.

    Interval edges are rounded outwards to whole samples; anything past the end of the audio is ignored.
    """
    import numpy as np

    out = samples.copy()
    frames = out.shape[0]
    if options.mode == "beep" and options.beep_frequency >= samplerate / 2:
        raise AudioError(
            f"beep_frequency {options.beep_frequency:g} Hz cannot be played at {samplerate} Hz; "
            f"choose one below {samplerate / 2:g} Hz"
        )
    amplitude = 10 ** (options.beep_level_db / 20) * _full_scale(out.dtype)
    for interval in intervals:
        first = max(0, math.floor(interval.start * samplerate))
        last = frames if math.isinf(interval.end) else min(frames, math.ceil(interval.end * samplerate))
        if last <= first:
            continue
        if options.mode == "silence":
            out[first:last] = 0
            continue
        t = np.arange(first, last) / samplerate
        tone = amplitude * np.sin(2 * np.pi * options.beep_frequency * t)
        ramp = int(options.fade * samplerate)
        if ramp > 0:
            envelope = np.ones(last - first)
            edge = np.linspace(0.0, 1.0, min(ramp, (last - first) // 2) + 2)[1:-1]
            if edge.size:
                envelope[: edge.size] = edge
                envelope[-edge.size :] = edge[::-1]
            tone *= envelope
        if np.issubdtype(out.dtype, np.integer):
            tone = np.round(tone)
        out[first:last] = tone.astype(out.dtype)[:, None]
    return out


def redact_audio(
    source: str | os.PathLike[str] | bytes,
    intervals: Sequence[Interval],
    options: AudioOptions | None = None,
    destination: str | os.PathLike[str] | None = None,
    *,
    name: str = "audio",
) -> bytes | None:
    """Read ``source``, blank ``intervals``, write to ``destination`` (a path) or return the bytes."""
    clip = read_audio(source, name=name)
    clip.samples = redact_samples(clip.samples, clip.samplerate, intervals, options or AudioOptions())
    if destination is not None:
        Path(destination).parent.mkdir(parents=True, exist_ok=True)
    return write_audio(clip, destination, name=name)
