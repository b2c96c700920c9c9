"""Conversation mode: recall of repeated mentions, over-redaction and throughput, per row vs per conversation.

Two systems, one pipeline (the shipped default), one run:

- **per row** — today's redaction, every turn alone (``Pipeline.redact_batch``);
- **conversation** — the same turns redacted conversation by conversation
  (``Pipeline.conversations.redact_many``: turns of many conversations analyzed in one batch, then
  known values collected and searched for per conversation), as the dataset engine does.

Data: the generated calls of :mod:`redactkit.bench.conversations` (values introduced once with a cue,
then repeated bare, partially, spelled, written or by their last four digits; PII-free calls too),
and, if present, Earnings-21 dev grouped by call (the id prefix) and ordered by turn, for PERSON.
Figures only: no transcript text is printed.

Full-coverage recall: a gold mention counts when every non-space character of it is redacted.
Over-redaction: share of non-space characters outside every gold span that were redacted.
Throughput: rounds alternate between the two systems on the same turns (the machine is shared).

    python benchmarks/bench_conversation.py [--conversations 300] [--rounds 3] [--earnings PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

from redactkit import Pipeline
from redactkit.bench.conversations import generate_conversations
from redactkit.bench.metrics import counted_positions
from redactkit.conversation import Turn
from redactkit.core import RedactionResult

DEFAULT_EARNINGS = (
    Path(__file__).resolve().parent.parent / ".." / "shared" / "data" / "earnings21_dev_spoken.jsonl"
)

# (text, gold spans (start, end, label, kind)) per turn; a conversation is a list of turns
Gold = list[tuple[int, int, str, str]]
Call = tuple[str, list[tuple[str, Gold]]]


def _per_row(pipe: Pipeline, calls: Sequence[Call]) -> list[list[RedactionResult]]:
    texts = [text for _, turns in calls for text, _ in turns]
    flat = pipe.redact_batch(texts)
    out: list[list[RedactionResult]] = []
    offset = 0
    for _, turns in calls:
        out.append(flat[offset : offset + len(turns)])
        offset += len(turns)
    return out


def _per_conversation(pipe: Pipeline, calls: Sequence[Call], batch_turns: int) -> list[list[RedactionResult]]:
    """Whole conversations, gathered into batches of about ``batch_turns`` turns (the engine's way)."""
    out: list[list[RedactionResult]] = []
    batch: list[tuple[str | None, list[Turn]]] = []
    size = 0

    def flush() -> None:
        nonlocal batch, size
        if batch:
            out.extend(list(result) for result in pipe.conversations.redact_many(batch))
        batch, size = [], 0

    for call_id, turns in calls:
        batch.append((call_id, [Turn(text, f"{call_id}:{index}") for index, (text, _) in enumerate(turns)]))
        size += len(turns)
        if size >= batch_turns:
            flush()
    flush()
    return out


def _score(
    calls: Sequence[Call], results: Sequence[Sequence[RedactionResult]], label: str | None = None
) -> dict[str, Any]:
    caught: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    outside = redacted_outside = 0
    clean_turns = clean_touched = 0
    for (_, turns), redacted in zip(calls, results, strict=True):
        for (text, gold), result in zip(turns, redacted, strict=True):
            covered = bytearray(len(text))
            for entity in result.entities:
                covered[entity.start : entity.end] = b"\x01" * (entity.end - entity.start)
            gold_mask = bytearray(len(text))
            for start, end, gold_label, kind in gold:
                gold_mask[start:end] = b"\x01" * (end - start)
                if label is not None and gold_label != label:
                    continue
                positions = counted_positions(text, start, end)
                if not positions:
                    continue
                hit = all(covered[i] for i in positions)
                for key in (kind, "all", f"{gold_label}/{kind}"):
                    total[key] += 1
                    caught[key] += hit
            for index, char in enumerate(text):
                if not char.isspace() and not gold_mask[index]:
                    outside += 1
                    redacted_outside += covered[index]
            if not gold:
                clean_turns += 1
                clean_touched += bool(result.entities)
    recall = {key: round(caught[key] / total[key], 4) for key in sorted(total)}
    return {
        "recall": recall,
        "mentions": dict(sorted(total.items())),
        "over_redaction": round(redacted_outside / outside, 5) if outside else None,
        "clean_turns_touched": f"{clean_touched}/{clean_turns}",
    }


def _generated(count: int, seed: int) -> list[Call]:
    calls = []
    for conversation in generate_conversations(count, seed=seed):
        turns = [
            (turn.text, [(s.start, s.end, s.label, s.kind) for s in turn.spans])
            for turn in conversation.turns
        ]
        calls.append((conversation.id, turns))
    return calls


def _earnings(path: Path) -> list[Call]:
    grouped: dict[str, list[tuple[int, str, Gold]]] = defaultdict(list)
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            call, _, turn = str(record["id"]).rpartition("-")
            gold = [(s["start"], s["end"], s["label"], "mention") for s in record.get("spans", [])]
            grouped[call].append((int(turn), record["text"], gold))
    return [
        (call, [(text, gold) for _, text, gold in sorted(turns, key=lambda item: item[0])])
        for call, turns in sorted(grouped.items())
    ]


def _timed(function: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    value = function()
    return time.perf_counter() - started, value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--conversations", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds per system (alternating)")
    parser.add_argument("--batch-turns", type=int, default=1024, help="turns per conversation batch")
    parser.add_argument("--earnings", type=Path, default=DEFAULT_EARNINGS)
    parser.add_argument("--config", type=Path, default=None, help="pipeline YAML [default: shipped]")
    args = parser.parse_args()

    pipe = Pipeline.from_config(args.config).warm_up()
    calls = _generated(args.conversations, args.seed)
    turns = sum(len(t) for _, t in calls)
    lengths = [len(t) for _, t in calls]
    clean = sum(1 for _, t in calls if not any(g for _, g in t))
    print(
        f"generated set: {len(calls)} conversations, {turns} turns ({min(lengths)}-{max(lengths)} per "
        f"conversation), {clean} without PII"
    )
    before = _per_row(pipe, calls)
    after = _per_conversation(pipe, calls, args.batch_turns)
    scores = {"per_row": _score(calls, before), "conversation": _score(calls, after)}
    for name, score in scores.items():
        print(f"  {name:13s} recall {json.dumps(score['recall'])}")
        print(
            f"  {name:13s} over-redaction {score['over_redaction']:.4%}, turns without PII touched "
            f"{score['clean_turns_touched']}"
        )
    print(f"  mentions: {json.dumps(scores['conversation']['mentions'])}")
    delta = scores["conversation"]["over_redaction"] - scores["per_row"]["over_redaction"]
    print(
        f"  repeated mentions, full-coverage recall: {scores['per_row']['recall']['repeat']:.4f} -> "
        f"{scores['conversation']['recall']['repeat']:.4f}; over-redaction "
        f"{scores['per_row']['over_redaction']:.4%} -> {scores['conversation']['over_redaction']:.4%} "
        f"({delta:+.4%} points)"
    )

    times: dict[str, list[float]] = {"per_row": [], "conversation": []}
    for _ in range(args.rounds):
        times["per_row"].append(_timed(lambda: _per_row(pipe, calls))[0])
        times["conversation"].append(_timed(lambda: _per_conversation(pipe, calls, args.batch_turns))[0])
    rate = {name: turns / statistics.median(values) for name, values in times.items()}
    cost = 1 - rate["conversation"] / rate["per_row"]
    print(
        f"throughput (median of {args.rounds} alternating rounds): per row {rate['per_row']:.0f} turns/s, "
        f"conversation {rate['conversation']:.0f} turns/s: cost {cost:.1%}"
    )

    if not args.earnings.is_file():
        print(f"earnings-21: {args.earnings} not found, skipped")
        return
    earnings = _earnings(args.earnings)
    count = sum(len(t) for _, t in earnings)
    print(f"earnings-21 dev: {len(earnings)} calls, {count} turns, grouped by call, ordered by turn")
    before = _per_row(pipe, earnings)
    after = _per_conversation(pipe, earnings, args.batch_turns)
    for name, results in (("per_row", before), ("conversation", after)):
        person = _score(earnings, results, label="PERSON")
        overall = _score(earnings, results)
        print(
            f"  {name:13s} PERSON full-coverage recall {person['recall'].get('mention', 0):.4f} "
            f"({person['mentions'].get('mention', 0)} mentions); all labels "
            f"{overall['recall'].get('mention', 0):.4f}; over-redaction {overall['over_redaction']:.4%}"
        )


if __name__ == "__main__":
    main()
