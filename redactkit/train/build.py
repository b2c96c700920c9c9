"""Train the shipped recognizer (``redactkit/models/ner-asr-en``) from assembled training data.

    python -m redactkit.train.data  --data ../shared/data/train --out DATA
    python -m redactkit.train.build --data DATA --out redactkit/models/ner-asr-en --seed 0

Starts from en_core_web_md's own recognizer, fine-tunes it on the spoken (normalized) training docs
with the written rehearsal docs mixed in (:func:`redactkit.train.trainer.fine_tune`), keeps the
weights with the best F-score on a fixed sample of the held-out docs, and writes the weights with
their calibration table and held-out metrics per corpus. Same data + same seed = same weights
(single-threaded CPU). To make that checkable, ``meta.json`` records the SHA-256 of every DocBin the
weights were trained or evaluated on (``data.inputs``) and the generator version of the generated
files (``data.generator_version``, from ``synth_manifest.json``): a retraining reproduces the shipped
weights byte for byte only when its inputs hash the same.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .data import MODEL_TO_REDACTKIT
from .model import calibration_table, save_weights, trainable_pipeline
from .trainer import Progress, TrainSettings, evaluate, fine_tune

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["DETECTOR_LABELS", "input_hashes", "main"]

#: model labels the `ner` detector reports with the shipped weights (measured on the hold-outs and on
#: SLURP/Earnings: USERNAME is too rare to learn, AGE and DATE_OF_BIRTH have no training data yet)
DETECTOR_LABELS = (
    "PERSON GPE LOC FAC ORG ADDRESS PHONE_NUMBER ZIP_CODE ACCOUNT_NUMBER CREDIT_CARD US_SSN EMAIL_ADDRESS "
    "PASSWORD PIN USERNAME AGE DATE_OF_BIRTH"
).split()


def _read(nlp: Language, path: Path) -> list[Doc]:
    from spacy.tokens import DocBin

    return list(DocBin().from_disk(path).get_docs(nlp.vocab))


def input_hashes(paths: Sequence[Path]) -> dict[str, str]:
    """File name -> SHA-256 of each training or evaluation file, in the given order.

    Why: the weights are a function of these bytes and the seed; with the hashes in ``meta.json`` a
    retraining can tell whether it starts from the same data before comparing weights. Two inputs with
    the same file name are an error (the record would be ambiguous)."""
    hashes: dict[str, str] = {}
    for path in paths:
        if path.name in hashes:
            raise ValueError(
                f"two training inputs are named {path.name!r}; rename one, e.g. {path.stem}_2.spacy"
            )
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        hashes[path.name] = digest.hexdigest()
    return hashes


def _support(docs: Sequence[Doc]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for doc in docs:
        for ent in doc.ents:
            counts[ent.label_] = counts.get(ent.label_, 0) + 1
    return counts


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m redactkit.train.build",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--data", type=Path, required=True, help="output of redactkit.train.data")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--max-steps", type=int, default=None)
    parser.add_argument("--docs-per-epoch", type=int, default=30000, help="spoken docs sampled per epoch")
    parser.add_argument("--eval-every", type=int, default=400)
    parser.add_argument(
        "--rehearsal-ratio", type=float, default=0.3, help="cased rehearsal docs per spoken doc"
    )
    parser.add_argument(
        "--negative-share", type=float, default=0.25, help="share of entity-less docs in each epoch"
    )
    parser.add_argument("--dev-sample", type=int, default=2000, help="held-out docs used to pick the weights")
    parser.add_argument("--extra", type=Path, nargs="*", default=[], help="more DocBins to train on")
    parser.add_argument("--extra-dev", type=Path, nargs="*", default=[], help="more DocBins to evaluate on")
    parser.add_argument("--base", default="none", help="start weights: none (en_core_web_md's), builtin, DIR")
    args = parser.parse_args(argv)
    os.environ.setdefault("OMP_NUM_THREADS", "1")

    nlp = trainable_pipeline("en_core_web_md", None if args.base == "none" else args.base)
    train = _read(nlp, args.data / "train.spacy")
    for extra in args.extra:
        train.extend(_read(nlp, extra))
    dev = _read(nlp, args.data / "dev.spacy")
    for extra in args.extra_dev:
        dev.extend(_read(nlp, extra))
    rehearsal = _read(nlp, args.data / "rehearsal.spacy")
    dev_sample = random.Random(args.seed).sample(dev, min(args.dev_sample, len(dev)))
    print(f"{len(train)} train, {len(dev)} dev, {len(rehearsal)} rehearsal docs", file=sys.stderr)

    def report(progress: Progress) -> None:
        if progress.dev_scores is not None:
            scores = progress.dev_scores
            print(
                f"step {progress.step}/{progress.total_steps} epoch {progress.epoch} "
                f"loss {progress.loss:.0f} {progress.elapsed:.0f}s dev F {scores['ents_f']:.3f}",
                file=sys.stderr,
                flush=True,
            )

    settings = TrainSettings(
        seed=args.seed,
        epochs=args.epochs,
        max_steps=args.max_steps,
        docs_per_epoch=args.docs_per_epoch,
        eval_every=args.eval_every,
        negative_share=args.negative_share,
        rehearsal_ratio=args.rehearsal_ratio,
    )
    started = time.perf_counter()
    record = fine_tune(nlp, train, dev_sample, rehearsal, settings, report)
    per_corpus: dict[str, Any] = {}
    for corpus in sorted({doc.user_data.get("corpus", "?") for doc in dev}):
        docs = [doc for doc in dev if doc.user_data.get("corpus", "?") == corpus]
        per_corpus[corpus] = evaluate(nlp, docs)
    overall = evaluate(nlp, dev)
    ner_labels = set(nlp.get_pipe("ner").labels)  # type: ignore[attr-defined]
    manifest_path = args.data / "manifest.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    synth_manifests = [path.parent / "synth_manifest.json" for path in (*args.extra, *args.extra_dev)]
    generator_versions = sorted(
        {
            str(json.loads(path.read_text()).get("generator_version"))
            for path in synth_manifests
            if path.exists()
        }
    )
    inputs = input_hashes(
        [
            args.data / "train.spacy",
            args.data / "dev.spacy",
            args.data / "rehearsal.spacy",
            *args.extra,
            *args.extra_dev,
        ]
    )
    meta = {
        "name": "ner-asr-en",
        "seed": args.seed,
        "base_weights": "en_core_web_md" if args.base == "none" else Path(args.base).name,
        "training": {
            **record,
            "history": record["history"][-3:],
            "wall_seconds": round(time.perf_counter() - started),
        },
        "data": {
            "corpora": {
                name: {k: v for k, v in info.items() if k != "stats"}
                for name, info in manifest.get("corpora", {}).items()
            },
            "split_rule": manifest.get("split_rule"),
            "extra": [path.name for path in args.extra],
            "extra_dev": [path.name for path in args.extra_dev],
            "inputs": inputs,
            "generator_version": ", ".join(generator_versions) or None,
        },
        "label_map": {label: MODEL_TO_REDACTKIT[label] for label in DETECTOR_LABELS if label in ner_labels},
        "calibration": calibration_table(overall["ents_per_type"], _support(dev)),
        "held_out": {"all": overall, **per_corpus},
    }
    save_weights(nlp, args.out, meta)
    print(json.dumps({"calibration": meta["calibration"], "ents_f": overall["ents_f"]}, indent=1))


if __name__ == "__main__":
    main()
