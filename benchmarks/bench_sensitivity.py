"""Row-level sensitivity: the routing decision on the sensitive-content set, and the flag rates on SLURP.

    python benchmarks/bench_sensitivity.py [--split heldout] [--seed 0] [--cues-only] [--slurp PATH]

Prints, for the split's records of redactkit.bench.sensitive (row families with gold levels, span
families gold ``special``, ordinary negatives gold ``none``), per level the recall (gold rows
predicted at that level or higher), the exact recall and the precision, and the share of negatives
flagged ``special`` or higher; ``--cues-only`` scores the row cues alone (no spans: only the row
families mean anything then). With SLURP devel present (``../shared/data/slurp_devel.jsonl``, no
sensitivity gold) it prints the share of rows per level and the reasons' distribution. Counts and
level names only, never text.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--split", default="heldout", choices=["train", "heldout"])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cues-only", action="store_true", help="score the row cues alone (no detectors)")
    parser.add_argument("--slurp", type=Path, default=Path("../shared/data/slurp_devel.jsonl"))
    parser.add_argument("--json", type=Path, default=None, help="write the figures here too")
    args = parser.parse_args()

    from rich.console import Console

    from redactkit import Pipeline
    from redactkit.bench.routing import render_routing, score_levels, score_rows
    from redactkit.bench.sensitive import generate_sensitive
    from redactkit.sensitivity import LEVELS, SensitivityClassifier

    console = Console()
    figures: dict[str, object] = {}
    records = generate_sensitive(args.split, seed=args.seed, kinds=("span", "negative", "row"))
    if args.cues_only:
        classifier = SensitivityClassifier()
        rows = [r for r in records if r.kind == "row"]
        predicted = [classifier.classify(r.text, []).level.value for r in rows]
        score = score_levels([r.sensitivity for r in rows], predicted)
        render_routing(score, console, f"row cues alone, {args.split} row families ({len(rows)} rows)")
        figures["cues_only"] = score
    else:
        pipe = Pipeline.default()
        score = score_rows(records, pipe)
        render_routing(score, console, f"default pipeline, {args.split} split ({len(records)} rows)")
        for kind, item in score["by_kind"].items():
            render_routing(item, console, f"  {kind} families")
        console.print(f"misses by family: {score['misses_by_family']}")
        figures["pipeline"] = score
        if args.slurp.is_file():
            texts = [json.loads(line)["text"] for line in args.slurp.read_text(encoding="utf-8").splitlines()]
            started = time.perf_counter()
            results = pipe.redact_batch(texts)
            seconds = time.perf_counter() - started
            levels = Counter(result.sensitivity for result in results)
            reasons: Counter[str] = Counter()
            flagged_reasons: Counter[str] = Counter()
            for result in results:
                reasons.update(result.sensitivity_reasons)
                if result.sensitivity in ("special", "intimate", "safety"):
                    flagged_reasons.update(
                        r for r in result.sensitivity_reasons if not r.startswith("label:") or _special(r)
                    )
            shares = {level.value: round(levels[level.value] / len(texts), 4) for level in LEVELS}
            console.print(f"SLURP devel: {len(texts)} rows in {seconds:.1f} s")
            console.print(f"  share of rows per level: {shares}")
            console.print(
                f"  reasons of rows flagged special or higher: {dict(flagged_reasons.most_common())}"
            )
            figures["slurp"] = {
                "rows": len(texts),
                "share_by_level": shares,
                "flagged_reasons": dict(flagged_reasons.most_common()),
                "reasons": dict(reasons.most_common()),
            }
    if args.json is not None:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")


def _special(reason: str) -> bool:
    from redactkit.labels import LabelCategory, labels

    name = reason.split(":", 1)[1]
    return name in labels and labels.get(name).category is LabelCategory.SPECIAL_CATEGORY


if __name__ == "__main__":
    main()
