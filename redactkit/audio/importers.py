"""Recogniser JSON -> rows of ``text`` + word timings (+ audio path), and those rows -> Parquet.

* Whisper / WhisperX (``openai-whisper --word_timestamps True``, ``whisperx``): ``segments[].words[]``
  with ``word``, ``start``, ``end``. WhisperX leaves ``start``/``end`` out for words it could not
  align (often numbers); those are kept with null times and counted as unaligned later.
* AWS Transcribe: ``results.items[]`` with ``type`` ``pronunciation`` (``start_time``, ``end_time``,
  ``alternatives[0].content``) or ``punctuation`` (attached to the previous word, no time).

Each JSON file becomes one row: the transcript is rebuilt from the timed words, so character offsets
and timings agree exactly.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import DataError

__all__ = ["TranscriptRow", "aws_transcribe_row", "read_json", "whisper_row", "write_rows_parquet"]

TranscriptRow = dict[str, Any]


def _time(value: Any, *, where: str) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        raise DataError(f"{where}: a time is not a number; expected seconds such as 1.25") from None


def read_json(path: str | os.PathLike[str]) -> Any:
    """Load one JSON file, with errors that name the file and never quote its content."""
    source = Path(path)
    try:
        return json.loads(source.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataError(f"{source}: cannot read ({type(exc).__name__})") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise DataError(f"{source}: not valid JSON ({type(exc).__name__})") from None


def whisper_row(data: Mapping[str, Any], *, source: str = "whisper json") -> TranscriptRow:
    """One Whisper/WhisperX result -> ``{"text", "words"}`` (words: ``word``, ``start``, ``end``)."""
    segments = data.get("segments") if isinstance(data, Mapping) else None
    if not isinstance(segments, list):
        raise DataError(f"{source}: no 'segments' list; is this Whisper output with word timestamps?")
    words: list[dict[str, Any]] = []
    for s_index, segment in enumerate(segments):
        seg_words = segment.get("words") if isinstance(segment, Mapping) else None
        if seg_words is None:
            raise DataError(
                f"{source}: segment {s_index} has no 'words'; run Whisper with word timestamps "
                "(--word_timestamps True) or WhisperX alignment"
            )
        for w_index, item in enumerate(seg_words):
            where = f"{source}: segment {s_index}, word {w_index}"
            if not isinstance(item, Mapping) or not isinstance(item.get("word"), str):
                raise DataError(f"{where}: expected an object with a 'word' string")
            words.append(
                {
                    "word": item["word"].strip(),
                    "start": _time(item.get("start"), where=where),
                    "end": _time(item.get("end"), where=where),
                }
            )
    return _row(words)


def aws_transcribe_row(data: Mapping[str, Any], *, source: str = "aws json") -> TranscriptRow:
    """One AWS Transcribe result -> ``{"text", "words"}``; punctuation joins the previous word."""
    results = data.get("results") if isinstance(data, Mapping) else None
    items = results.get("items") if isinstance(results, Mapping) else None
    if not isinstance(items, list):
        raise DataError(f"{source}: no 'results.items' list; is this AWS Transcribe output?")
    words: list[dict[str, Any]] = []
    for index, item in enumerate(items):
        where = f"{source}: item {index}"
        alternatives = item.get("alternatives") if isinstance(item, Mapping) else None
        if not alternatives or not isinstance(alternatives[0].get("content"), str):
            raise DataError(f"{where}: expected 'alternatives' with a 'content' string")
        content = alternatives[0]["content"]
        if item.get("type") == "punctuation":
            if words:
                words[-1]["punctuation"] = words[-1].get("punctuation", "") + content
            continue
        words.append(
            {
                "word": content,
                "start": _time(item.get("start_time"), where=where),
                "end": _time(item.get("end_time"), where=where),
            }
        )
    return _row(words)


def _row(words: list[dict[str, Any]]) -> TranscriptRow:
    parts = [word["word"] + word.pop("punctuation", "") for word in words]
    return {"text": " ".join(part for part in parts if part), "words": words}


def write_rows_parquet(
    rows: Sequence[TranscriptRow],
    path: str | os.PathLike[str],
    *,
    text_column: str = "transcript",
    timings_column: str = "words",
    extra_columns: Mapping[str, Iterable[Any]] | None = None,
) -> int:
    """Write rows from the importers (plus e.g. ``audio_path``/``source`` columns); return the row count."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .arrow import timings_type

    columns: dict[str, pa.Array] = {
        text_column: pa.array([row["text"] for row in rows], type=pa.string()),
        timings_column: pa.array([row["words"] for row in rows], type=timings_type()),
    }
    for name, values in (extra_columns or {}).items():
        if name in columns:
            raise DataError(f"column {name!r} is given twice; choose another name")
        array = pa.array(list(values))
        if len(array) != len(rows):
            raise DataError(f"column {name!r} has {len(array)} values for {len(rows)} rows")
        columns[name] = array
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.table(columns), target)
    return len(rows)
