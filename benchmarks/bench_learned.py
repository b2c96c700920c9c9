"""The learned NER, before vs after: rules only, model only and the default pipeline, in one table.

Systems (all in one run, on the same rows):

- ``before``: the default pipeline with the stock en_core_web_md recognizer (``ner_weights: none``,
  lowercase guard on, fixed score 0.8): the pipeline as it was before the adapted model;
- ``rules``: the default pipeline without the ``ner`` detector (normalizers + rule detectors + Presidio's
  patterns);
- ``model-stock`` (not run unless asked, ``--systems``): the normalizers and the ``ner`` detector
  alone as in ``before`` (the stock recognizer, guarded), the model-only baseline of ``model``;
- ``model``: the normalizers and the ``ner`` detector alone, as configured by ``--config`` (default:
  the default pipeline's);
- ``after``: the default pipeline (or ``--config``).

Datasets: SLURP devel and (``--earnings``) Earnings-21 dev from ../shared/data, the 20 % dialogue
hold-outs written by ``python -m redactkit.train.data`` (``--holdout DIR``, one JSONL per corpus) and
any other labeled files (``--extra FILE``, e.g. a generator's held-out families). None of them is
trained on. Figures are full-coverage recall per label (every non-space character of the value
redacted), over-redaction (share of redacted characters outside gold values) and the share of rows
without gold spans that got any redaction.

    python benchmarks/bench_learned.py [--earnings] [--no-slurp] [--presidio] [--holdout DIR]
        [--extra FILE ...] [--synthetic N [--synthetic-seeds 2,3]] [--limit N] [--config policy.yaml]
        [--json out.json]
"""

from __future__ import annotations

import argparse
import copy
import json
import random
from pathlib import Path
from typing import Any

from redactkit import Pipeline
from redactkit.bench.baseline import PipelineSystem, System
from redactkit.bench.formats import LabeledExample, read_labeled
from redactkit.bench.runner import Dataset, run_bench, synthetic_dataset
from redactkit.config import load_config
from redactkit.train.data import GOLD_TO_MODEL

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
#: labels shown per dataset kind (others present are shown too, except these)
HIDDEN = {"DATE_TIME", "RELATION", "PERSONAL_INFO", "URL"}
#: labels in the order the train corpora's gold declares them (redactkit.train.data.GOLD_TO_MODEL)
ORDER = [label for label in GOLD_TO_MODEL if label not in HIDDEN]


def _variants(config: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """before / rules / model / after pipeline configurations derived from one configuration."""
    before = copy.deepcopy(config)
    for spec in before["detectors"]:
        if spec["name"] == "ner":
            spec.update(
                ner_weights=None,
                score=0.8,
                lowercase_guard=True,
                labels={
                    "PERSON": "PERSON",
                    "GPE": "LOCATION",
                    "LOC": "LOCATION",
                    "FAC": "LOCATION",
                    "ORG": "ORGANIZATION",
                },
            )
    rules = copy.deepcopy(config)
    rules["detectors"] = [spec for spec in rules["detectors"] if spec["name"] != "ner"]
    model = copy.deepcopy(config)
    model["detectors"] = [spec for spec in model["detectors"] if spec["name"] == "ner"]
    model_stock = copy.deepcopy(before)
    model_stock["detectors"] = [spec for spec in model_stock["detectors"] if spec["name"] == "ner"]
    variants = {
        "before": before,
        "rules": rules,
        "model-stock": model_stock,
        "model": model,
        "after": copy.deepcopy(config),
    }
    # the same with the lowercase guard flipped, to see what it costs and saves with these weights
    for name in ("model", "after"):
        flipped = copy.deepcopy(variants[name])
        for spec in flipped["detectors"]:
            if spec["name"] == "ner":
                spec["lowercase_guard"] = not spec.get("lowercase_guard", True)
        variants[f"{name}~guard"] = flipped
    return variants


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--config", default=None, help="the 'after' pipeline (default: redactkit's default)")
    parser.add_argument("--earnings", action="store_true", help="also score Earnings-21 dev (slow)")
    parser.add_argument(
        "--no-slurp",
        action="store_true",
        help="leave SLURP devel out (e.g. while tuning training settings on the hold-outs alone)",
    )
    parser.add_argument("--holdout", type=Path, default=None, help="directory of held-out JSONL files")
    parser.add_argument("--extra", type=Path, nargs="*", default=[], help="more labeled files")
    parser.add_argument(
        "--presidio", action="store_true", help="also score presidio-research's spoken and written sets"
    )
    parser.add_argument(
        "--synthetic",
        type=int,
        default=0,
        help="also score N generated utterances of the held-out families per --synthetic-seeds seed",
    )
    parser.add_argument("--synthetic-seeds", default="2,3", help="comma-separated generator seeds")
    parser.add_argument(
        "--limit",
        type=int,
        default=None,
        help="at most N rows per hold-out/extra file (seeded sample); SLURP and Earnings are always whole",
    )
    parser.add_argument(
        "--systems",
        default="before,rules,model,after",
        help="comma-separated: before, rules, model-stock, model, after, model~guard, after~guard "
        "(guard flipped)",
    )
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()

    files: list[tuple[str, Path]] = [] if args.no_slurp else [("slurp devel", SHARED / "slurp_devel.jsonl")]
    if args.earnings:
        files.append(("earnings21 dev", SHARED / "earnings21_dev_spoken.jsonl"))
    if args.presidio:
        files.extend(
            (f"presidio {form}", SHARED / f"presidio_generated_large_{form}.jsonl")
            for form in ("spoken", "written")
        )
    if args.holdout is not None:
        files.extend((f"hold-out {p.stem}", p) for p in sorted(args.holdout.glob("*.jsonl")))
    files.extend((f"extra {p.stem}", p) for p in args.extra)
    datasets: list[Dataset] = []
    for name, path in files:
        if not path.exists():
            print(f"{path}: not found, skipped")
            continue
        examples: list[LabeledExample] = read_labeled(path)
        if args.limit and len(examples) > args.limit and path.parent != SHARED:
            examples = random.Random(0).sample(examples, args.limit)
        datasets.append(Dataset(name, str(path), examples))
    if args.synthetic:
        datasets.extend(
            synthetic_dataset(args.synthetic, seed=int(seed)) for seed in args.synthetic_seeds.split(",")
        )

    config = load_config(args.config).model_dump(mode="json")
    variants = _variants(config)
    wanted = args.systems.split(",")
    systems: list[System] = [
        PipelineSystem(Pipeline.from_config(variants[name]), name=name, description=name) for name in wanted
    ]
    result = run_bench(
        datasets, systems, include_examples=False, bootstrap=0, config=args.config or "default"
    )

    table: list[dict[str, Any]] = []
    for dataset in result.datasets:
        first = dataset.systems[wanted[0]].scores
        labels = [label for label in ORDER if label in first.labels and first.labels[label].gold]
        labels += sorted(set(first.labels) - set(labels) - HIDDEN - {"ALL"})
        labels = [label for label in labels if first.labels[label].gold]  # predicted-only labels: no recall
        for label in labels:
            if label in HIDDEN:
                continue
            row: dict[str, Any] = {
                "dataset": dataset.name,
                "metric": f"{label} recall (n={first.labels[label].gold})",
            }
            for name in wanted:
                scores = dataset.systems[name].scores.labels.get(label)
                row[name] = scores.full_coverage.value if scores else None
            table.append(row)
            row = {"dataset": dataset.name, "metric": f"{label} precision"}
            for name in wanted:
                scores = dataset.systems[name].scores.labels.get(label)
                row[name] = scores.precision.value if scores else None
            table.append(row)
        row = {"dataset": dataset.name, "metric": "over-redaction"}
        row.update({name: dataset.systems[name].scores.over_redaction.value for name in wanted})
        table.append(row)
        row = {"dataset": dataset.name, "metric": f"span-less rows touched (n={first.negatives})"}
        for name in wanted:
            scores = dataset.systems[name].scores
            row[name] = scores.negatives_touched / scores.negatives if scores.negatives else None
        table.append(row)
        row = {"dataset": dataset.name, "metric": "rows/s"}
        row.update({name: round(dataset.systems[name].utterances_per_second) for name in wanted})
        table.append(row)

    width = max(len(r["dataset"]) for r in table)
    mwidth = max(len(r["metric"]) for r in table)
    print(f"{'dataset':<{width}}  {'metric':<{mwidth}}  " + "  ".join(f"{n:>7}" for n in wanted))
    for r in table:
        cells = []
        for name in wanted:
            value = r[name]
            cells.append(
                f"{'-':>7}"
                if value is None
                else (f"{value:>7}" if isinstance(value, int) else f"{value:>7.3f}")
            )
        print(f"{r['dataset']:<{width}}  {r['metric']:<{mwidth}}  " + "  ".join(cells))
    if args.json is not None:
        args.json.write_text(json.dumps(table, indent=1) + "\n")
        print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
