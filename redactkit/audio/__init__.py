"""Word timings and audio redaction (the ``redactkit[audio]`` extra).

Transcribers listen to the audio: redacting only the text leaves the PII in the recording. This
package aligns word timings to the transcript (:mod:`.timing`), turns entity character spans into time
intervals that fail closed (:mod:`.intervals`), blanks those intervals in WAV/FLAC/OGG audio with a
beep or silence (:mod:`.signal`), and imports Whisper and AWS Transcribe JSON (:mod:`.importers`).

Only reading and writing audio needs soundfile and numpy; it is imported on first use and a missing
install raises :class:`MissingAudioDependencyError` naming ``pip install 'redactkit[audio]'``.
"""

from __future__ import annotations

from .arrow import AlignmentCounts, add_redacted_intervals, intervals_type, row_intervals, timings_type
from .engine import AudioRedactionSummary, redact_audio_parquet
from .errors import AudioError, MissingAudioDependencyError
from .importers import aws_transcribe_row, read_json, whisper_row, write_rows_parquet
from .intervals import Interval, entity_intervals, merge_intervals
from .options import AudioOptions, load_audio_options
from .signal import AudioClip, read_audio, redact_audio, redact_samples, write_audio
from .timing import Alignment, WordTiming, align_words, parse_timings, tokenize

__all__ = [
    "Alignment",
    "AlignmentCounts",
    "AudioClip",
    "AudioError",
    "AudioOptions",
    "AudioRedactionSummary",
    "Interval",
    "MissingAudioDependencyError",
    "WordTiming",
    "add_redacted_intervals",
    "align_words",
    "aws_transcribe_row",
    "entity_intervals",
    "intervals_type",
    "load_audio_options",
    "merge_intervals",
    "parse_timings",
    "read_audio",
    "read_json",
    "redact_audio",
    "redact_audio_parquet",
    "redact_samples",
    "row_intervals",
    "timings_type",
    "tokenize",
    "whisper_row",
    "write_audio",
    "write_rows_parquet",
]
