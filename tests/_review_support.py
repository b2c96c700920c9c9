"""A generated, redacted dataset for the review tests: labeled, model-free, with a little audio."""

from __future__ import annotations

import contextlib
import math
import struct
import subprocess
import sys
import wave
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from redactkit import Pipeline
from redactkit.io import redact_parquet
from redactkit.synth import Record, families, generate, sample_table

__all__ = [
    "REVIEW_CONFIG",
    "RedactedSet",
    "Served",
    "make_redacted_set",
    "review_records",
    "serving",
    "write_wav",
]


def review_records(rows: int) -> list[Record]:
    """The labeled utterances behind the review data set: contacts-heavy, so names are plenty. The
    seed is one whose reviewed rows hold both a missed one-word name and an over-redaction, which the
    browser test needs (generator versions 5 to 7; version 4's sample of seed 0 had them). The
    formal-talk families of version 7 are left out, so the sample is version 6's; so are the opt-in
    families (version 9), which a default draw leaves out too."""
    labels = ("PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS", "ZIP_CODE", "ADDRESS", "LOCATION")
    domains = sorted({family.domain for family in families() if not family.opt_in} - {"formal"})
    return generate(
        rows,
        seed=4,
        labels=labels,
        negatives_share=0.25,
        written_share=0.3,
        id_prefix="review",
        domains=domains,
    )


#: Half the names of the generated people are on the deny list, the other half are missed: real
#: misses to find. "timer", "weather" and a few words of the generator's hard negatives ("population",
#: "page") are on it too: over-redactions the test can count on however precise the identifiers detector
#: gets ("set a timer for five minutes", "what's the weather in denver").
_PERSON_WORDS = sorted(
    {
        record.text[span.start : span.end].split()[0].lower()
        for record in review_records(120)
        for span in record.spans
        if span.label == "PERSON"
    }
)
DENIED_NAMES = tuple(_PERSON_WORDS[::2])
REVIEW_CONFIG: dict[str, Any] = {
    "replace": True,  # exactly these components, not merged with the default pipeline
    "normalizers": [{"name": "whitespace"}, {"name": "spoken_numbers"}, {"name": "spoken_symbols"}],
    "detectors": [
        {"name": "identifiers"},
        {
            "name": "deny_list",
            "terms": {
                **dict.fromkeys(DENIED_NAMES, "PERSON"),
                "timer": "PERSON",
                **dict.fromkeys(("weather", "population", "percent", "page", "employees"), "ORGANIZATION"),
            },
        },
    ],
    "anonymizer": {"name": "tag"},
    "batch_size": 64,
}


def write_wav(path: Path, seconds: float = 0.4, frequency: float = 440.0, rate: int = 8000) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    frames = b"".join(
        struct.pack("<h", int(8000 * math.sin(2 * math.pi * frequency * i / rate)))
        for i in range(int(seconds * rate))
    )
    with wave.open(str(path), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(rate)
        handle.writeframes(frames)


class RedactedSet:
    def __init__(self, input_path: Path, redacted_path: Path, gold: list[Any]) -> None:
        self.input = input_path
        self.redacted = redacted_path
        self.gold = gold  # redactkit.synth.Record per row (row order)


def make_redacted_set(folder: Path, rows: int = 120, *, audio_every: int = 10) -> RedactedSet:
    """``folder/input.parquet`` (with ``audio_path`` on every ``audio_every``-th row) and its redaction."""
    folder.mkdir(parents=True, exist_ok=True)
    records = review_records(rows)
    table = sample_table(rows, records=records)
    audio: list[str | None] = []
    for index in range(rows):
        if audio_every and index % audio_every == 1:
            relative = f"audio/{index:05d}.wav"
            write_wav(folder / relative)
            audio.append(relative)
        else:
            audio.append(None)
    table = table.append_column("audio_path", pa.array(audio, pa.string()))
    source = folder / "input.parquet"
    pq.write_table(table, source)
    target = folder / "redacted.parquet"
    redact_parquet(source, target, "transcript", Pipeline.from_config(REVIEW_CONFIG), overwrite=True)
    # a redacted copy of each recording, as `redactkit audio redact` would write beside the output
    redacted_audio: list[str | None] = []
    for index, item in enumerate(audio):
        if item is None:
            redacted_audio.append(None)
            continue
        relative = f"redacted_audio/{index:05d}.wav"
        write_wav(folder / relative, frequency=1000.0)
        redacted_audio.append(relative)
    redacted = pq.read_table(target)
    pq.write_table(
        redacted.append_column("audio_path_redacted", pa.array(redacted_audio, pa.string())), target
    )
    return RedactedSet(source, target, records)


@dataclass
class Served:
    """A running `redactkit review serve`: the URL it printed; once stopped, what it wrote."""

    url: str
    out: str = ""
    err: str = ""


@contextlib.contextmanager
def serving(review_dir: Path, *flags: str) -> Iterator[Served]:
    """`redactkit review serve REVIEW_DIR` in a subprocess, stopped on exit."""
    process = subprocess.Popen(
        [sys.executable, "-m", "redactkit.cli", "review", "serve", str(review_dir), *flags],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    served: Served | None = None
    try:
        assert process.stdout is not None
        served = Served(process.stdout.readline().strip())
        assert served.url.startswith("http://127.0.0.1:"), "serve printed no loopback URL"
        yield served
    finally:
        process.terminate()
        out, err = process.communicate(timeout=10)
        if served is not None:
            served.out, served.err = out, err
