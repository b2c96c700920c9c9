"""Which rule branches does the learned recognizer make redundant?

For every rule detector of the pipeline and every branch of it (the entity's explanation, with quoted
cue words and numbers folded), on labeled files that were never trained on: how many gold values the
branch catches (TP: the entity overlaps a gold span), how many of those the ``ner`` detector with the
adapted weights alone also covers completely, and how many entities the branch puts where no gold
span is (FP). A branch whose TPs the model covers (almost) all of, and that adds FPs, is a candidate
for removal; a branch with many TPs the model misses stays.

    python benchmarks/bench_rule_redundancy.py [--holdout DIR] [--extra FILE ...] [--limit N]
        [--weights builtin] [--guard plain_words]
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from pathlib import Path

from redactkit import Pipeline
from redactkit.bench.formats import LabeledExample, read_labeled
from redactkit.config import load_config
from redactkit.detect.ner import SpacyNerDetector

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
RULES = ("identifiers", "names", "places", "addresses", "organizations", "spelled")


def _branch(explanation: str) -> str:
    text = explanation.split(";")[0]
    text = re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", text)
    return re.sub(r"\d+(\.\d+)?", "N", text)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--holdout", type=Path, default=None)
    parser.add_argument("--extra", type=Path, nargs="*", default=[])
    parser.add_argument("--limit", type=int, default=1500)
    parser.add_argument("--weights", default="builtin")
    parser.add_argument("--guard", default="plain_words")
    parser.add_argument("--min-tp", type=int, default=5)
    args = parser.parse_args()

    files = [SHARED / "slurp_devel.jsonl"]
    if args.holdout is not None:
        files += sorted(args.holdout.glob("*.jsonl"))
    files += args.extra
    examples: list[LabeledExample] = []
    for path in files:
        if path.exists():
            rows = read_labeled(path)
            examples += random.Random(0).sample(rows, min(args.limit, len(rows)))
    pipeline = Pipeline.from_config(load_config(None))
    model = SpacyNerDetector(ner_weights=args.weights, lowercase_guard=args.guard)
    aligned = pipeline.normalize_batch([example.text for example in examples])
    model_entities = [
        item.map_entities(found) for item, found in zip(aligned, model.detect_batch(aligned), strict=True)
    ]

    tp: Counter[tuple[str, str]] = Counter()
    covered: Counter[tuple[str, str]] = Counter()
    fp: Counter[tuple[str, str]] = Counter()
    for detector in pipeline.detectors:
        if detector.name not in RULES:
            continue
        found = detector.detect_batch(aligned)
        for example, item, entities, learned in zip(examples, aligned, found, model_entities, strict=True):
            mask = bytearray(len(example.text))
            for entity in learned:
                mask[entity.start : entity.end] = b"\x01" * (entity.end - entity.start)
            for entity in item.map_entities(entities):
                key = (detector.name, _branch(entity.explanation))
                gold = [s for s in example.spans if s.start < entity.end and entity.start < s.end]
                if not gold:
                    fp[key] += 1
                    continue
                tp[key] += 1
                if all(
                    mask[i] or example.text[i].isspace() for span in gold for i in range(span.start, span.end)
                ):
                    covered[key] += 1
    print(
        f"{len(examples)} rows from {len(files)} files; model: ner_weights={args.weights}, guard={args.guard}"
    )
    print(f"{'detector':<14} {'TP':>5} {'model covers':>12} {'FP':>5}  branch")
    for key in sorted(set(tp) | set(fp), key=lambda k: (k[0], -(covered[k] / tp[k] if tp[k] else 0))):
        if tp[key] < args.min_tp and fp[key] < args.min_tp:
            continue
        share = covered[key] / tp[key] if tp[key] else 0.0
        print(f"{key[0]:<14} {tp[key]:>5} {share:>12.2f} {fp[key]:>5}  {key[1]}")


if __name__ == "__main__":
    main()
