"""Recall per label (full coverage), over-redaction and negatives touched, for the default pipeline.

Runs on the generated spoken-PII set (always) and on the labeled files in ../shared/data when they
are there. Full-coverage recall counts a gold value only if every non-space character of it was
redacted: a half-redacted phone number is a leak.

    python benchmarks/bench_quality.py [--config policy.yaml] [--per-label 60] [--negatives 300]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from redactkit import Pipeline
from redactkit.bench import full_coverage_recall, over_redaction
from redactkit.bench.synthetic import generate_spoken_pii

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
FILES = (
    "slurp_devel.jsonl",
    "presidio_generated_large_spoken.jsonl",
    "presidio_generated_large_written.jsonl",
)


def evaluate(name: str, rows: list[tuple[str, list[tuple[int, int, str]]]], pipe: Pipeline) -> None:
    started = time.perf_counter()
    found = pipe.analyze_batch([text for text, _ in rows])
    seconds = time.perf_counter() - started
    examples = [
        (text, gold, [(e.start, e.end) for e in entities])
        for (text, gold), entities in zip(rows, found, strict=True)
    ]
    negatives = [(text, ents) for (text, gold), ents in zip(rows, found, strict=True) if not gold]
    touched = sum(1 for _, ents in negatives if ents)
    print(f"{name}: {len(rows)} utterances, {len(rows) / seconds:,.0f}/s")
    print(f"  over-redaction {over_redaction(examples):.3f}", end="")
    if negatives:
        print(f"   negatives touched {touched}/{len(negatives)} = {touched / len(negatives):.3f}", end="")
    print()
    for label, score in full_coverage_recall(examples).items():
        print(f"  {label:<18} {score.caught:5}/{score.gold:<5} {score.recall:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--config", default=None)
    parser.add_argument("--per-label", type=int, default=60)
    parser.add_argument("--negatives", type=int, default=300)
    args = parser.parse_args()
    pipe = Pipeline.from_config(args.config).warm_up()
    synthetic = [
        (example.text, [tuple(span) for span in example.spans])
        for example in generate_spoken_pii(args.per_label, args.negatives, seed=11)
    ]
    evaluate("generated spoken PII", synthetic, pipe)  # type: ignore[arg-type]
    for file_name in FILES:
        path = SHARED / file_name
        if not path.exists():
            print(f"{file_name}: not found at {path}, skipped")
            continue
        rows = []
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            rows.append((record["text"], [(s["start"], s["end"], s["label"]) for s in record["spans"]]))
        evaluate(file_name, rows, pipe)


if __name__ == "__main__":
    main()
