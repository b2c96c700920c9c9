"""Throughput of the default normalizer chain on voice-assistant-style utterances, one core.

The target is at least 20,000 utterances/s for the whole chain on assistant traffic: generated
commands of which 20 % carry spoken PII ("assistant mix"). The PII-dense set (every utterance carries
spoken numbers, addresses or names) is the worst case and is reported too. The whitespace normalizer
alone runs in the same process as the baseline, so the ratios hold on a noisy shared machine. Rates
are utterances per CPU-second of this process (``time.process_time``): the target is per core, and
CPU time is far less disturbed than the wall clock by other jobs on a shared machine.

    python benchmarks/bench_normalizers.py [--utterances 20000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import statistics
import time

from redactkit import Pipeline
from redactkit._gc import paused_gc
from redactkit.synth import generate


def _rate(pipe: Pipeline, texts: list[str]) -> float:
    # CPU time of this process: the target is per core, and other jobs on a shared machine then
    # cost us little (wall-clock rates are printed too, in the summary line).
    started = time.process_time()
    pipe.normalize_batch(texts)
    return len(texts) / (time.process_time() - started)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--utterances", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    corpora = {
        "assistant mix": [
            item.text for item in generate(args.utterances, seed=7, negatives_share=0.8, written_share=0.3)
        ],
        "PII-dense": [
            item.text for item in generate(args.utterances, seed=8, negatives_share=0.0, written_share=0.3)
        ],
    }
    full = Pipeline.default()
    baseline = Pipeline.from_config({"replace": ["normalizers"], "normalizers": [{"name": "whitespace"}]})
    for corpus, texts in corpora.items():
        _report(corpus, texts, full, baseline, args.rounds)


def _report(corpus: str, texts: list[str], full: Pipeline, baseline: Pipeline, rounds: int) -> None:
    rates: dict[str, list[float]] = {"whitespace only": [], "default chain": []}
    per_stage: dict[str, list[float]] = {n.component_name: [] for n in full.normalizers}
    for _ in range(rounds):
        rates["whitespace only"].append(_rate(baseline, texts))
        rates["default chain"].append(_rate(full, texts))
        for normalizer in full.normalizers:
            started = time.process_time()
            with paused_gc():  # as the pipeline runs it
                normalizer.normalize_batch(texts)
            per_stage[normalizer.component_name].append(len(texts) / (time.process_time() - started))
    wall_started = time.perf_counter()
    full.normalize_batch(texts)
    wall = len(texts) / (time.perf_counter() - wall_started)
    print(
        f"{corpus}: {len(texts)} generated utterances, {rounds} rounds (median), one process, "
        f"utterances per CPU-second (default chain by the wall clock, one run: {wall:,.0f}/s)"
    )
    base = statistics.median(rates["whitespace only"])
    for name, values in rates.items():
        rate = statistics.median(values)
        print(f"  {name:<20} {rate:10,.0f} utterances/s   {rate / base:5.2f}x of whitespace only")
    print("  stages alone (each on the raw text):")
    for name, values in per_stage.items():
        print(f"    {name:<18} {statistics.median(values):10,.0f} utterances/s")


if __name__ == "__main__":
    main()
