"""Linear time: a long PII-dense transcript against one a tenth as long, per stage and end to end.

A transcript of a long call or meeting is one text. Every normalizer and detector must take time
linear in its length: a per-match search over all tokens, or a list rebuilt per annotation, makes a
one-hour call cost a hundred times a six-minute one. This benchmark builds one lowercase spoken
transcript of ``--short`` characters and one of ``--long`` characters (the same generated utterances,
PII in nearly every sentence) and times

- the whole default pipeline (``Pipeline.default().redact``),
- the normalizer chain alone,
- each default detector alone, on the normalized text.

The figure that matters is the ratio long/short per row: with ``--long`` = 10 x ``--short`` linear
time gives about 10; the acceptance bound is 12. Texts longer than spaCy's ``max_length`` (1,000,000
characters) run through the NER and Presidio detectors in overlapping windows.

    python benchmarks/bench_long.py [--short 100000] [--long 1000000] [--rounds 1] [--json out.json]
        [--clock cpu|wall] [--unit "four one five hold on let me check sorry"]

``--unit TEXT`` builds both transcripts from one phrase said over and over instead (a repetition
stress: a rule that re-reads every earlier match of the same phrase, such as a list of the values
found scanned at each new one, shows there as a ratio far above 10).

Short and long runs alternate round by round and the best of each is kept. The clock is the
process's CPU time by default: on a shared machine, wall time also counts the waits for a core, and
a long run that meets a busy minute looks super-linear when it is not (``--clock wall`` to compare).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Callable
from typing import Any

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")


def repeated(unit: str, chars: int) -> str:
    """``unit`` said over and over, ``chars`` characters, never ending inside a word."""
    text = ((unit.strip() + " ") * (chars // (len(unit.strip()) + 1) + 1))[:chars]
    return text.rsplit(" ", 1)[0].ljust(chars)


def transcript(chars: int, seed: int = 0) -> str:
    """One lowercase spoken transcript of exactly ``chars`` characters, PII-dense, no punctuation."""
    from redactkit.synth import generate

    utterances = [record.text.lower() for record in generate(1500, seed=seed, split="heldout")]
    parts: list[str] = []
    length = 0
    index = 0
    while length < chars:
        sentence = utterances[index % len(utterances)]
        parts.append(sentence)
        length += len(sentence) + 1
        index += 1
    text = " ".join(parts)[:chars]
    return text.rsplit(" ", 1)[0].ljust(chars)  # never end inside a word


def _best_of(
    rounds: int, run: Callable[[str], Any], texts: tuple[str, str], clock: Callable[[], float]
) -> tuple[float, float]:
    """The best time of ``run`` on each of two texts, their rounds alternating (short, long, short, ...)
    so that a busy spell on the machine meets both alike."""
    from redactkit._gc import paused_gc

    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(rounds):
        for text, kept in zip(texts, times, strict=True):
            started = clock()
            with paused_gc():  # as the pipeline runs every stage: GC scans grow with live objects
                run(text)
            kept.append(clock() - started)
    return min(times[0]), min(times[1])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--short", type=int, default=100_000)
    parser.add_argument("--long", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=1, help="best of N per measurement")
    parser.add_argument(
        "--only", default=None, help="comma-separated rows to time (pipeline, normalizers, <detector>)"
    )
    parser.add_argument("--json", default=None)
    parser.add_argument(
        "--clock", choices=("cpu", "wall"), default="cpu", help="process CPU time (default) or wall time"
    )
    parser.add_argument("--unit", default=None, help="build both texts from this phrase repeated")
    args = parser.parse_args()
    clock = time.process_time if args.clock == "cpu" else time.perf_counter

    from redactkit import Pipeline

    pipe = Pipeline.default().warm_up()
    if args.unit:
        short, long = repeated(args.unit, args.short), repeated(args.unit, args.long)
    else:
        short, long = transcript(args.short), transcript(args.long, seed=0)
    rows: list[tuple[str, Callable[[str], Any]]] = [
        ("pipeline", pipe.redact),
        ("normalizers", lambda text: pipe.normalize_batch([text])),
    ]
    normalized: dict[str, Any] = {}

    def detector_run(detector: Any) -> Callable[[str], Any]:
        def run(text: str) -> Any:
            if text not in normalized:
                normalized.clear()
                normalized[text] = pipe.normalize_batch([text])
            return detector.detect_batch(normalized[text])

        return run

    rows += [(detector.name, detector_run(detector)) for detector in pipe.detectors]
    wanted = set(args.only.split(",")) if args.only else None
    print(f"{len(short):,} vs {len(long):,} characters, best of {args.rounds}, {args.clock} time")
    print(f"{'stage':<16}{'short s':>10}{'long s':>10}{'ratio':>8}   (<= 12 passes)")
    results: dict[str, dict[str, float]] = {}
    worst = 0.0
    for name, run in rows:
        if wanted is not None and name not in wanted:
            continue
        run(short[:5000])  # warm up (first-use tables, models)
        if name not in ("pipeline", "normalizers"):  # detectors alone: normalize outside the clock
            normalized.clear()
            normalized[short] = pipe.normalize_batch([short])
            normalized[long] = pipe.normalize_batch([long])
        short_s, long_s = _best_of(args.rounds, run, (short, long), clock)
        ratio = long_s / short_s if short_s > 0 else float("inf")
        worst = max(worst, ratio)
        flag = "" if ratio <= 12 else "  OVER"
        print(f"{name:<16}{short_s:>10.2f}{long_s:>10.2f}{ratio:>8.1f}{flag}", flush=True)
        results[name] = {"short_s": short_s, "long_s": long_s, "ratio": ratio}
    print(f"worst ratio {worst:.1f} ({'pass' if worst <= 12 else 'FAIL'})")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            report = {"short": len(short), "long": len(long), "clock": args.clock, "rows": results}
            json.dump(report, handle, indent=2)


if __name__ == "__main__":
    main()
