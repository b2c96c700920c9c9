"""One probabilistic generator of labeled spoken PII: ``redactkit synth``, the demo, the bench.

Utterances are drawn from *template families* (a caller giving a card number to a bank, a nurse
taking a patient's details, an assistant command; ``data/families.yaml``) split into ``train`` and
``heldout``: a model may train on the train families and is evaluated on the held-out ones, which
it never saw. Values come from grammars per label with the many ways people say them ("oh" and
"zero", "double five", pairs and hundreds, "plus four four", the area code before or after,
extensions; e-mails dictated with "all one word", "underscore", "as in"; URLs with "colon slash
slash"), with fillers, asides and self-corrections inside them. Names come from Faker's lists of
many locales, places from GeoNames (snapshots in ``data/``), and both are split between the two
splits by a hash of the word, so held-out utterances also carry names the train split never had.
Hard-negative families (timers, prices, flights, scores, model numbers, brands, titles, acronyms,
room numbers, quantities) have no gold spans.

Everything is invented; a seed makes the output deterministic for a given redactkit version.

    >>> from redactkit.synth import generate
    >>> records = generate(100, seed=1, split="heldout")
    >>> all(r.text[s.start : s.end] for r in records for s in r.spans)
    True
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ._generate import (
    LABELS,
    SPLITS,
    Family,
    Record,
    Span,
    families,
    generate,
    generate_pairs,
    iter_generate,
)

if TYPE_CHECKING:
    import pyarrow as pa

    from ..bench.formats import LabeledExample

__all__ = [
    "GENERATOR_VERSION",
    "LABELS",
    "SPLITS",
    "Family",
    "Record",
    "Span",
    "demo_records",
    "families",
    "generate",
    "generate_pairs",
    "iter_generate",
    "sample_table",
    "to_labeled_examples",
    "write_jsonl",
]

#: Bumped whenever the same seed stops giving the same records (templates, grammars, word lists).
#: Version 9 draws what version 7 drew unless the opt-in domain assistant_media is asked for (version
#: 8 mixed that family into every train draw; its data trained weights, so the number is not reused).
#: Version 10 draws what version 9 drew in the train families; numeric values of the held-out families
#: get interruptions of shapes no train draw has (``heldout_*`` of data/words.yaml).
GENERATOR_VERSION = "10"


def write_jsonl(records: Iterable[Record], path: str | Path) -> int:
    """Write records as redactkit labeled JSON Lines (what ``redactkit bench`` reads); returns the count."""
    count = 0
    with Path(path).open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
            count += 1
    return count


def to_labeled_examples(records: Iterable[Record]) -> list[LabeledExample]:
    """The records as the bench's :class:`~redactkit.bench.formats.LabeledExample` rows."""
    from ..bench.formats import LabeledExample, LabeledSpan

    return [
        LabeledExample(r.id, r.text, tuple(LabeledSpan(s.start, s.end, s.label, s.label) for s in r.spans))
        for r in records
    ]


def sample_table(rows: int, *, seed: int = 0, records: Sequence[Record] | None = None) -> pa.Table:
    """A pyarrow Table that looks like a transcript dataset: ids, timings, tags, some null rows.

    Transcripts come from ``records`` (``rows`` of them) or else from :func:`demo_records` (train
    families, 25 % negatives, 30 % written style); every 17th row is null or empty, to show how
    they pass through.
    """
    import datetime as dt
    import random

    import pyarrow as pa

    rng = random.Random(seed + 1)
    utterances = list(records) if records is not None else demo_records(rows, seed=seed)
    if len(utterances) != rows:
        raise ValueError(f"sample_table: {rows} rows asked for, {len(utterances)} records given")
    transcripts: list[str | None] = [item.text for item in utterances]
    for index in range(0, rows, 17):
        transcripts[index] = None if index % 2 == 0 else ""
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    schema = pa.schema(
        [
            pa.field("utterance_id", pa.string(), nullable=False),
            pa.field("session_id", pa.string()),
            pa.field("turn", pa.int32()),
            pa.field("started_at", pa.timestamp("ms", tz="UTC")),
            pa.field("duration_s", pa.float64()),
            pa.field("style", pa.dictionary(pa.int8(), pa.string())),
            pa.field("tags", pa.list_(pa.string())),
            pa.field("transcript", pa.string()),
        ],
        metadata={
            "source": "redactkit synthetic sample",
            "generator_seed": str(seed),
            "generator_version": GENERATOR_VERSION,
        },
    )
    return pa.table(
        {
            "utterance_id": [f"utt-{index:06d}" for index in range(rows)],
            "session_id": [f"session-{index // 4:05d}" for index in range(rows)],
            "turn": [index % 4 for index in range(rows)],
            "started_at": [start + dt.timedelta(seconds=7 * index) for index in range(rows)],
            "duration_s": [round(rng.uniform(0.8, 9.5), 2) for _ in range(rows)],
            "style": [item.style for item in utterances],
            "tags": [["synthetic", item.style, item.domain] for item in utterances],
            "transcript": transcripts,
        },
        schema=schema,
    )


def demo_records(rows: int, *, seed: int = 0) -> list[Record]:
    """The labeled utterances behind :func:`sample_table` (same rows, before nulls are put in)."""
    return generate(rows, seed=seed, split="train", negatives_share=0.25, written_share=0.3, id_prefix="demo")
