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

``--verify DIR`` checks exactly that against a weights directory (e.g. the shipped one): it refuses to
train when an input's SHA-256 or a training setting differs from DIR's ``meta.json`` (naming which),
and after training compares the SHA-256 of every file of the new ``ner/`` with DIR's. The weights
files are the reproducible part; ``meta.json`` also holds wall-clock times, which never repeat.
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
from .trainer import Progress, TrainSettings, drop_labels, evaluate, fine_tune

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "DETECTOR_LABELS",
    "input_hashes",
    "main",
    "recipe_defaults",
    "training_environment",
    "weights_hashes",
]

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


def weights_hashes(weights_dir: Path) -> dict[str, str]:
    """File name -> SHA-256 of each file of a weights directory's ``ner/`` component, sorted by name.

    Why: these files are what a retraining must reproduce byte for byte (``meta.json`` holds
    timings too, so it is left out)."""
    files = sorted(path for path in (weights_dir / "ner").iterdir() if path.is_file())
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in files}


#: training settings that must match for a retraining to reproduce the weights (``--verify``)
_REPRODUCED_SETTINGS = (
    "seed",
    "epochs",
    "max_steps",
    "batch_size",
    "dropout",
    "learn_rate",
    "negative_share",
    "rehearsal_ratio",
    "docs_per_epoch",
    "eval_every",
    "drop_labels",
)

#: the identifier labels of the training data, left to the rule detectors with ``--drop-labels
#: identifiers``: numbers, e-mails and credentials are what the rules find from their form, and the
#: recognizer's guesses on them were its main source of PII-free rows touched
IDENTIFIER_LABELS = (
    "PHONE_NUMBER ZIP_CODE ACCOUNT_NUMBER CREDIT_CARD US_SSN EMAIL_ADDRESS PASSWORD PIN USERNAME AGE "
    "DATE_OF_BIRTH"
).split()


def _verify_inputs(
    reference: dict[str, Any], inputs: dict[str, str], settings: TrainSettings, dev_sample: int, base: str
) -> list[str]:
    """What differs between a planned training and the one recorded in ``reference`` (a meta.json).

    ``dev_sample`` is the requested number of held-out docs that pick the weights, ``base`` the
    starting weights' name as recorded (``en_core_web_md`` or a directory name)."""
    problems: list[str] = []
    recorded = reference.get("data", {}).get("inputs")
    if not recorded:
        return ["the reference weights record no input hashes (trained before they were recorded)"]
    for name in sorted(set(recorded) | set(inputs)):
        if name not in inputs:
            problems.append(f"{name}: an input of the reference weights, not given")
        elif name not in recorded:
            problems.append(f"{name}: not an input of the reference weights")
        elif recorded[name] != inputs[name]:
            problems.append(f"{name}: SHA-256 {inputs[name][:12]}... differs from {recorded[name][:12]}...")
    if list(recorded) != [name for name in inputs if name in recorded]:
        problems.append(f"inputs given in another order than the reference's: {', '.join(recorded)}")
    wanted = dict(reference.get("training", {}).get("settings", {}))
    for key in _REPRODUCED_SETTINGS:
        value = getattr(settings, key)
        value = list(value) if isinstance(value, tuple) else value
        # weights trained before a setting existed were trained with its default
        recorded_value = wanted.get(key, [] if key == "drop_labels" else value)
        if recorded_value != value:
            shown = (" ".join(value) or "none") if isinstance(value, list) else value
            problems.append(f"--{key.replace('_', '-')} {shown} (reference: {recorded_value})")
    recorded_sample = reference.get("training", {}).get("dev_sample")
    if recorded_sample is not None and recorded_sample != dev_sample:
        problems.append(f"--dev-sample {dev_sample} (reference: {recorded_sample})")
    if reference.get("base_weights", base) != base:
        problems.append(f"--base {base} (reference: {reference['base_weights']})")
    return problems


def training_environment() -> dict[str, Any]:
    """What the weights' bytes depend on besides the inputs, the settings and the seed: the numeric
    libraries and the CPU's vector instructions (their kernels round differently, and a training
    of 1,600 updates amplifies a last-bit difference into other weights). Recorded in ``meta.json``
    (``training.environment``); ``--verify`` names the differences."""
    import platform
    from importlib import metadata

    found: dict[str, Any] = {"python": platform.python_version(), "machine": platform.machine()}
    for package in ("spacy", "thinc", "numpy", "blis"):
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[package] = None
    flags: set[str] = set()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("flags"):
                flags = set(line.partition(":")[2].split())
                break
    found["cpu_features"] = sorted(flags & {"sse4_2", "avx", "avx2", "fma", "avx512f", "avx512_bf16"})
    return found


def _environment_differences(reference: dict[str, Any], current: dict[str, Any]) -> list[str]:
    """``key: reference -> current`` for each difference; one line when nothing was recorded."""
    recorded = reference.get("training", {}).get("environment")
    if not recorded:
        return ["the reference weights record no training environment (built before it was recorded)"]
    return [
        f"{key}: {recorded.get(key)} -> {current.get(key)}"
        for key in sorted(set(recorded) | set(current))
        if recorded.get(key) != current.get(key)
    ]


def _data_step(manifests: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """The data step that wrote the inputs, from the manifests' ``data_step`` records (written by
    :mod:`redactkit.train.data`): one commit and its commands, in the order the manifests come (the
    generated files first). ``clean`` is false when the manifests name several commits, one ran with
    uncommitted changes, or one records none: :mod:`redactkit.train.pinned` then refuses to rerun it."""
    records = [info.get("data_step") for info in manifests if info]
    if not records:
        return None
    commands: list[list[str]] = []
    for record in records:
        if record and record.get("command") not in commands:
            commands.append(record["command"])
    commits = sorted({str(record.get("commit")) for record in records if record})
    clean = all(record and record.get("clean") and record.get("commit") for record in records)
    return {
        "commit": commits[0] if len(commits) == 1 else None,
        "clean": bool(clean) and len(commits) == 1,
        "commands": commands,
        **({"commits": commits} if len(commits) > 1 else {}),
    }


def recipe_defaults(weights_dir: Path, data: Path) -> dict[str, Any]:
    """The command-line defaults that repeat the training recorded in ``weights_dir/meta.json``: its
    seed, settings, dev sample, starting weights and extra input files (by name, inside ``data``).

    Why: ``make model-verify`` must train with exactly the recipe of the weights it checks; a
    command written out in the Makefile falls behind when a retraining adds an input file."""
    meta = json.loads((weights_dir / "meta.json").read_text(encoding="utf-8"))
    training = meta.get("training", {})
    settings = dict(training.get("settings", {}))
    found: dict[str, Any] = {
        key: settings[key]
        for key in _REPRODUCED_SETTINGS
        if key != "drop_labels" and key in settings  # a list: copied below
    }
    if settings.get("drop_labels"):
        found["drop_labels"] = list(settings["drop_labels"])
    if training.get("dev_sample") is not None:
        found["dev_sample"] = training["dev_sample"]
    base = meta.get("base_weights", "en_core_web_md")
    if base != "en_core_web_md":
        raise ValueError(
            f"{weights_dir}: trained from {base!r}, not en_core_web_md: give --base DIR explicitly "
            "and leave --recipe out"
        )
    recorded = meta.get("data", {})
    found["extra"] = [data / name for name in recorded.get("extra", [])]
    found["extra_always"] = [data / name for name in recorded.get("extra_always", [])]
    found["extra_dev"] = [data / name for name in recorded.get("extra_dev", [])]
    return found


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
    parser.add_argument(
        "--extra-always",
        type=Path,
        nargs="*",
        default=[],
        help="more DocBins to train on, every doc in every epoch (outside the sampling), e.g. hard negatives",
    )
    parser.add_argument("--extra-dev", type=Path, nargs="*", default=[], help="more DocBins to evaluate on")
    parser.add_argument("--base", default="none", help="start weights: none (en_core_web_md's), builtin, DIR")
    parser.add_argument("--dropout", type=float, default=TrainSettings.dropout)
    parser.add_argument("--learn-rate", type=float, default=TrainSettings.learn_rate)
    parser.add_argument("--batch-size", type=int, default=TrainSettings.batch_size, help="docs per update")
    parser.add_argument(
        "--drop-labels",
        nargs="*",
        default=[],
        metavar="LABEL",
        help="model labels not to learn (their spans become 'outside'); 'identifiers' stands for "
        + " ".join(IDENTIFIER_LABELS),
    )
    parser.add_argument(
        "--verify",
        type=Path,
        default=None,
        metavar="DIR",
        help="check that this training reproduces the weights in DIR (e.g. redactkit/models/ner-asr-en): "
        "same input hashes and settings before training, same ner/ bytes after; exit 1 if not",
    )
    parser.add_argument(
        "--recipe",
        type=Path,
        default=None,
        metavar="DIR",
        help="take the seed, the training settings and the --extra/--extra-dev file names (inside --data) "
        "from DIR's meta.json, e.g. redactkit/models/ner-asr-en; options given explicitly win",
    )
    args = parser.parse_args(argv)
    if args.recipe is not None:
        parser.set_defaults(**recipe_defaults(args.recipe, args.data))
        args = parser.parse_args(argv)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    dropped_labels: list[str] = []
    for label in args.drop_labels:
        for name in IDENTIFIER_LABELS if label == "identifiers" else [label]:
            if name not in dropped_labels:
                dropped_labels.append(name)
    settings = TrainSettings(
        seed=args.seed,
        epochs=args.epochs,
        max_steps=args.max_steps,
        batch_size=args.batch_size,
        dropout=args.dropout,
        learn_rate=args.learn_rate,
        docs_per_epoch=args.docs_per_epoch,
        eval_every=args.eval_every,
        negative_share=args.negative_share,
        rehearsal_ratio=args.rehearsal_ratio,
        drop_labels=tuple(sorted(dropped_labels)),
    )
    inputs = input_hashes(
        [
            args.data / "train.spacy",
            args.data / "dev.spacy",
            args.data / "rehearsal.spacy",
            *args.extra,
            *args.extra_always,
            *args.extra_dev,
        ]
    )
    environment = training_environment()
    if args.verify is not None:
        reference = json.loads((args.verify / "meta.json").read_text(encoding="utf-8"))
        expected = weights_hashes(args.verify)  # read first: --out may be the same directory
        base_name = "en_core_web_md" if args.base == "none" else Path(args.base).name
        problems = _verify_inputs(reference, inputs, settings, args.dev_sample, base_name)
        if problems:
            print(f"cannot reproduce {args.verify}:", *problems, sep="\n  ", file=sys.stderr)
            sys.exit(1)
        environment_changes = _environment_differences(reference, environment)
        if environment_changes:
            # not refused: another environment may round alike; but say so before a long training
            print(
                "inputs and settings match; the training environment differs (the weights may then "
                "differ in their last bits):",
                *environment_changes,
                sep="\n  ",
                file=sys.stderr,
            )

    nlp = trainable_pipeline("en_core_web_md", None if args.base == "none" else args.base)
    train = _read(nlp, args.data / "train.spacy")
    for extra in args.extra:
        train.extend(_read(nlp, extra))
    always = [doc for extra in args.extra_always for doc in _read(nlp, extra)]
    dev = _read(nlp, args.data / "dev.spacy")
    for extra in args.extra_dev:
        dev.extend(_read(nlp, extra))
    rehearsal = _read(nlp, args.data / "rehearsal.spacy")
    if settings.drop_labels:
        dropped = sum(drop_labels(docs, settings.drop_labels) for docs in (train, always, dev, rehearsal))
        print(f"{dropped} spans of {', '.join(settings.drop_labels)} made 'outside'", file=sys.stderr)
    dev_sample = random.Random(args.seed).sample(dev, min(args.dev_sample, len(dev)))
    print(
        f"{len(train)} train, {len(always)} every-epoch, {len(dev)} dev, {len(rehearsal)} rehearsal docs",
        file=sys.stderr,
    )

    def report(progress: Progress) -> None:
        if progress.dev_scores is not None:
            scores = progress.dev_scores
            print(
                f"step {progress.step}/{progress.total_steps} epoch {progress.epoch} "
                f"loss {progress.loss:.0f} {progress.elapsed:.0f}s dev F {scores['ents_f']:.3f}",
                file=sys.stderr,
                flush=True,
            )

    started = time.perf_counter()
    record = fine_tune(nlp, train, dev_sample, rehearsal, settings, report, always)
    per_corpus: dict[str, Any] = {}
    for corpus in sorted({doc.user_data.get("corpus", "?") for doc in dev}):
        docs = [doc for doc in dev if doc.user_data.get("corpus", "?") == corpus]
        per_corpus[corpus] = evaluate(nlp, docs)
    overall = evaluate(nlp, dev)
    ner_labels = set(nlp.get_pipe("ner").labels)  # type: ignore[attr-defined]
    manifest_path = args.data / "manifest.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    synth_manifests = [
        path.parent / "synth_manifest.json" for path in (*args.extra, *args.extra_always, *args.extra_dev)
    ]
    synth_infos = [json.loads(path.read_text()) for path in synth_manifests if path.exists()]
    generator_versions = sorted({str(info.get("generator_version")) for info in synth_infos})
    # the data step's fingerprint on a fixed sample (redactkit.train.data.fingerprint_*): a test
    # recomputes it with the code of the day, so a change to the data step cannot go unnoticed
    fingerprint: dict[str, Any] = {}
    for part in [manifest.get("fingerprint") or {}, *(info.get("fingerprint") or {} for info in synth_infos)]:
        fingerprint.update(part)
    data_step = _data_step([*synth_infos, manifest])
    meta = {
        "name": "ner-asr-en",
        "seed": args.seed,
        "base_weights": "en_core_web_md" if args.base == "none" else Path(args.base).name,
        "training": {
            **record,
            "history": record["history"][-3:],
            "dev_sample": args.dev_sample,
            "wall_seconds": round(time.perf_counter() - started),
            "environment": environment,
        },
        "data": {
            "corpora": {
                name: {k: v for k, v in info.items() if k != "stats"}
                for name, info in manifest.get("corpora", {}).items()
            },
            "split_rule": manifest.get("split_rule"),
            "extra": [path.name for path in args.extra],
            **({"extra_always": [path.name for path in args.extra_always]} if args.extra_always else {}),
            "extra_dev": [path.name for path in args.extra_dev],
            "inputs": inputs,
            "generator_version": ", ".join(generator_versions) or None,
            "silver_persons": manifest.get("silver_persons"),
            "fingerprint": fingerprint or None,
            "data_step": data_step,
        },
        "label_map": {label: MODEL_TO_REDACTKIT[label] for label in DETECTOR_LABELS if label in ner_labels},
        "calibration": calibration_table(overall["ents_per_type"], _support(dev)),
        "held_out": {"all": overall, **per_corpus},
    }
    save_weights(nlp, args.out, meta)
    # the weights' own hashes, so that a copy can be checked against its meta.json
    got = weights_hashes(args.out)
    meta_path = args.out / "meta.json"
    written = json.loads(meta_path.read_text(encoding="utf-8"))
    written["weights_sha256"] = got
    meta_path.write_text(json.dumps(written, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({"calibration": meta["calibration"], "ents_f": overall["ents_f"]}, indent=1))
    print("weights:", json.dumps(got, indent=1))
    if args.verify is not None:
        differing = sorted(name for name in set(expected) | set(got) if expected.get(name) != got.get(name))
        if differing:
            print(
                f"NOT reproduced: ner/{', ner/'.join(differing)} differ from {args.verify}",
                *(
                    ["training environment (reference -> this run):", *environment_changes]
                    if environment_changes
                    else ["same inputs, settings and training environment"]
                ),
                sep="\n  ",
                file=sys.stderr,
            )
            sys.exit(1)
        print(f"reproduced: every file of ner/ is byte-identical to {args.verify}/ner", file=sys.stderr)


if __name__ == "__main__":
    main()
