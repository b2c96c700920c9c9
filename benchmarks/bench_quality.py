"""Recall per label, leaks, over-redaction and speed: the default pipeline next to vanilla Presidio.

Runs `redactkit bench` (redactkit.bench) on a generated spoken-PII set (redactkit.synth, held-out
template families by default; always) and on the labeled
files in ../shared/data when they are there, with vanilla Presidio as the baseline in the same run,
and prints the side-by-side tables. Full-coverage recall counts a gold value only if every non-space
character of it was redacted: a half-redacted phone number is a leak.

    python benchmarks/bench_quality.py [--config policy.yaml] [--baseline presidio|none]
        [--synthetic 2000] [--synthetic-split heldout|train] [--earnings] [--limit N]
        [--json out.json] [--markdown out.md] [--report out.html] [--no-examples]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console

from redactkit import Pipeline
from redactkit.bench.baseline import PipelineSystem, PresidioBaseline, System, baseline_model
from redactkit.bench.formats import read_labeled
from redactkit.bench.report import render_terminal, write_report
from redactkit.bench.runner import Dataset, run_bench, synthetic_dataset
from redactkit.config import load_config

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
FILES = (
    "slurp_devel.jsonl",
    "presidio_generated_large_spoken.jsonl",
    "presidio_generated_large_written.jsonl",
)
EARNINGS = "earnings21_dev_spoken.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--config", default=None)
    parser.add_argument("--baseline", choices=("presidio", "none"), default="presidio")
    parser.add_argument("--synthetic", type=int, default=2000, help="generated utterances (20 %% negatives)")
    parser.add_argument("--synthetic-split", choices=("heldout", "train"), default="heldout")
    parser.add_argument("--earnings", action="store_true", help=f"also score {EARNINGS} (slow)")
    parser.add_argument("--limit", type=int, default=None, help="first N utterances of each file")
    parser.add_argument("--bootstrap", type=int, default=1000)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--markdown", type=Path, default=None)
    parser.add_argument("--report", type=Path, default=None)
    parser.add_argument("--no-examples", action="store_true")
    args = parser.parse_args()

    datasets = [synthetic_dataset(args.synthetic, seed=11, split=args.synthetic_split)]
    for file_name in (*FILES, *((EARNINGS,) if args.earnings else ())):
        path = SHARED / file_name
        if not path.exists():
            print(f"{file_name}: not found at {path}, skipped")
            continue
        examples = read_labeled(path)
        datasets.append(Dataset(file_name, str(path), examples[: args.limit] if args.limit else examples))

    config = load_config(args.config)
    systems: list[System] = [PipelineSystem(Pipeline.from_config(config), description="redactkit")]
    if args.baseline == "presidio":
        systems.append(PresidioBaseline(baseline_model(config)))
    result = run_bench(
        datasets,
        systems,
        include_examples=not args.no_examples,
        bootstrap=args.bootstrap,
        config=args.config or "default",
    )
    console = Console()
    render_terminal(result, console if console.is_terminal else Console(width=200))
    for path, kind in ((args.json, "json"), (args.markdown, "markdown"), (args.report, "html")):
        if path is not None:
            write_report(result, path, kind)
            print(f"wrote {path}")


if __name__ == "__main__":
    main()
