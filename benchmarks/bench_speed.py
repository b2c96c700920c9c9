"""Throughput: redactkit's default pipeline (Pipeline.default()) vs vanilla per-row Presidio, in one run.

Also measured, for scale: Presidio's BatchAnalyzerEngine (analysis only, no anonymization) and the
floor of any spaCy-NER pipeline, ``nlp.pipe`` with only the entity recognizer.

Both sides use the same installed spaCy model and the same generated utterances, and are warmed up
before timing. Rounds alternate between the two so that load from other processes on this shared
machine hits both alike; the figure that matters is the ratio, not the absolute rate.

    python benchmarks/bench_speed.py [--utterances 1500] [--rounds 3] [--model en_core_web_md]
        [--stock-ner] [--adapted] [--adapted-guard strict] [--weights DIR] [--without special]
        [--sensitivity] [--against DIR]

``--stock-ner`` also times the default pipeline with the ``ner`` detector on the model's own
recognizer (``ner_weights: none``), ``--adapted`` with the shipped adapted recognizer
(``ner_weights: builtin``, ``lowercase_guard: plain_words`` or ``--adapted-guard``), in the same
rounds; ``--weights DIR`` (repeatable) with the recognizer weights in DIR (a directory written by
``redactkit train`` or ``redactkit.train.build``, ``lowercase_guard: strict``), e.g. a retraining
before it replaces the shipped weights. ``--without NAME`` (repeatable) also times the default
pipeline without detector NAME: what that detector costs, as a same-run ratio. ``--sensitivity``
also times the default pipeline without its row-level sensitivity step (results passed through
unchanged): what that step costs, as a same-run ratio. ``--against DIR`` (repeatable) also times
the default pipeline of another checkout of redactkit (``git worktree add /tmp/base <commit>``) in
the same rounds: it runs in a child process with ``DIR`` first on its path, is warmed up like the
others and is timed from here, so a change is measured against the code before it under the same
load, not against a figure from another run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")


def _vanilla_presidio(model: str) -> Callable[[list[str]], None]:
    """Presidio as documented: analyze + anonymize per row, with the full spaCy pipeline.

    The engine is redactkit.bench.baseline.PresidioBaseline's, the one `redactkit bench` compares
    against: default recognizers, the installed model via NlpEngineProvider, nothing downloaded.
    """
    from redactkit.bench.baseline import PresidioBaseline

    baseline = PresidioBaseline(model)
    analyzer, anonymizer = baseline.analyzer, baseline.anonymizer

    def run(texts: list[str]) -> None:
        for text in texts:
            anonymizer.anonymize(text=text, analyzer_results=analyzer.analyze(text=text, language="en"))

    return run


def _batch_presidio(model: str) -> Callable[[list[str]], None]:
    """Presidio's BatchAnalyzerEngine over the whole list (analysis only), same engine as above."""
    from presidio_analyzer import BatchAnalyzerEngine

    from redactkit.bench.baseline import PresidioBaseline

    batch = BatchAnalyzerEngine(PresidioBaseline(model).analyzer)

    def run(texts: list[str]) -> None:
        list(batch.analyze_iterator(texts, language="en", batch_size=64))

    return run


def _ner_floor(model: str) -> Callable[[list[str]], None]:
    """spaCy nlp.pipe with only the entity recognizer: no spaCy-NER pipeline can be faster."""
    from redactkit.detect.spacy_models import load_spacy_model

    nlp = load_spacy_model(model, ner_only=True)

    def run(texts: list[str]) -> None:
        for _ in nlp.pipe(texts, batch_size=256):
            pass

    return run


def _redactkit(
    model: str,
    stock_ner: bool = False,
    adapted: bool = False,
    adapted_guard: str = "plain_words",
    without: str | None = None,
    sensitivity: bool = True,
    weights: Path | None = None,
) -> Callable[[list[str]], None]:
    from redactkit import Pipeline
    from redactkit.config import load_config

    config = load_config(None).to_mapping()  # the shipped default pipeline, with the model swapped in
    if without is not None:
        config["detectors"] = [d for d in config["detectors"] if d["name"] != without]
    for detector in config["detectors"]:
        if "model" in detector:
            detector["model"] = model
        if detector["name"] == "ner" and (stock_ner or model != "en_core_web_md"):
            # the shipped recognizer weights need en_core_web_md's vectors
            detector.update(ner_weights=None, score=0.8, labels=None, lowercase_guard="strict")
        if detector["name"] == "ner" and adapted:
            detector.update(ner_weights="builtin", score=None, labels=None, lowercase_guard=adapted_guard)
        if detector["name"] == "ner" and weights is not None:
            detector.update(ner_weights=str(weights), score=None, labels=None, lowercase_guard="strict")
    pipe = Pipeline.from_config(config)
    if not sensitivity:  # the row-level step skipped: results as the anonymizer returned them
        pipe.sensitivity.apply = lambda originals, results: list(results)  # type: ignore[method-assign]

    def run(texts: list[str]) -> None:
        pipe.redact_batch(texts)

    return run


#: the child of ``--against``: the default pipeline of the checkout first on its path, redacting the
#: texts it was sent once (a JSON list on the first line) whenever it reads a line with a count
_CHECKOUT_WORKER = """
import json, os, sys
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
from redactkit import Pipeline
from redactkit.config import load_config
model = sys.argv[1]
config = load_config(None).to_mapping()
for detector in config["detectors"]:
    if "model" in detector:
        detector["model"] = model
    if detector["name"] == "ner" and model != "en_core_web_md":
        detector.update(ner_weights=None, score=0.8, labels=None, lowercase_guard="strict")
pipe = Pipeline.from_config(config)
texts = json.loads(sys.stdin.readline())
print("ready", flush=True)
for line in sys.stdin:
    pipe.redact_batch(texts[: int(line)])
    print("done", flush=True)
"""


def _checkout(model: str, directory: Path, texts: list[str]) -> Callable[[list[str]], None]:
    """The default pipeline of the redactkit checkout at ``directory``, in a child process."""
    if not (directory / "redactkit" / "__init__.py").is_file():
        raise SystemExit(f"--against {directory}: no redactkit package there (give a checkout's root)")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(directory), os.environ.get("PYTHONPATH", "")]))
    child = subprocess.Popen(
        [sys.executable, "-c", _CHECKOUT_WORKER, model],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=directory,
    )
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(json.dumps(texts) + "\n")
    child.stdin.flush()
    if child.stdout.readline().strip() != "ready":
        raise SystemExit(f"--against {directory}: the checkout's pipeline did not start")

    def run(batch: list[str]) -> None:
        if batch != texts[: len(batch)]:
            raise ValueError("a checkout's child redacts a prefix of the texts it was sent")
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write(f"{len(batch)}\n")
        child.stdin.flush()
        if child.stdout.readline().strip() != "done":
            raise SystemExit(f"--against {directory}: the checkout's pipeline failed")

    return run


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--utterances", type=int, default=1500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--model", default="en_core_web_md")
    parser.add_argument("--stock-ner", action="store_true", help="also time ner_weights: none")
    parser.add_argument(
        "--adapted", action="store_true", help="also time ner_weights: builtin, lowercase_guard: plain_words"
    )
    parser.add_argument(
        "--adapted-guard", default="plain_words", choices=["strict", "plain_words"], help="--adapted's guard"
    )
    parser.add_argument(
        "--weights", action="append", default=[], type=Path, metavar="DIR",
        help="also time ner_weights: DIR, lowercase_guard: strict (repeatable)",
    )  # fmt: skip
    parser.add_argument(
        "--without", action="append", default=[], metavar="NAME",
        help="also time the default pipeline without detector NAME (repeatable)",
    )  # fmt: skip
    parser.add_argument(
        "--sensitivity", action="store_true", help="also time the default pipeline without row sensitivity"
    )
    parser.add_argument(
        "--against", action="append", default=[], type=Path, metavar="DIR",
        help="also time the default pipeline of the redactkit checkout at DIR (repeatable)",
    )  # fmt: skip
    args = parser.parse_args()

    from redactkit.detect.spacy_models import load_spacy_model
    from redactkit.synth import generate

    started = time.perf_counter()
    load_spacy_model(args.model)
    base_load = time.perf_counter() - started
    if args.model == "en_core_web_md":
        started = time.perf_counter()
        load_spacy_model(args.model, ner_weights="builtin")
        print(
            f"model load: {args.model} {base_load:.2f} s, "
            f"+ ner-asr-en weights {time.perf_counter() - started:.2f} s"
        )

    # the demo's mix: train families, 25 % PII-free, 30 % written style
    records = generate(args.utterances, seed=42, negatives_share=0.25, written_share=0.3)
    texts = [item.text for item in records]
    contenders = {
        "vanilla Presidio (per row)": _vanilla_presidio(args.model),
        "Presidio BatchAnalyzer": _batch_presidio(args.model),
        "redactkit default pipeline": _redactkit(args.model),
        **(
            {"redactkit, stock NER weights": _redactkit(args.model, stock_ner=True)} if args.stock_ner else {}
        ),
        **(
            {
                "redactkit, ner-asr-en weights": _redactkit(
                    args.model, adapted=True, adapted_guard=args.adapted_guard
                )
            }
            if args.adapted
            else {}
        ),
        **{f"redactkit, weights {path.name}": _redactkit(args.model, weights=path) for path in args.weights},
        **{f"redactkit default - {name}": _redactkit(args.model, without=name) for name in args.without},
        **(
            {"redactkit, no row sensitivity": _redactkit(args.model, sensitivity=False)}
            if args.sensitivity
            else {}
        ),
        **{
            f"redactkit default @ {directory.name}": _checkout(args.model, directory.resolve(), texts)
            for directory in args.against
        },
        "spaCy NER-only floor": _ner_floor(args.model),
    }
    for run in contenders.values():
        run(texts[:50])  # warm up: load models, compile regexes
    rates: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(args.rounds):
        for name, run in contenders.items():
            started = time.perf_counter()
            run(texts)
            rates[name].append(len(texts) / (time.perf_counter() - started))

    baseline = statistics.median(rates["vanilla Presidio (per row)"])
    print(f"{len(texts)} generated utterances, model {args.model}, {args.rounds} alternating rounds (median)")
    floor = statistics.median(rates["spaCy NER-only floor"])
    print(f"  {'':<28} {'':>8}                {'vs Presidio':>11} {'vs floor':>8}")
    for name, values in rates.items():
        rate = statistics.median(values)
        print(f"  {name:<28} {rate:8.0f} utterances/s   {rate / baseline:10.2f}x {rate / floor:8.3f}")


if __name__ == "__main__":
    main()
