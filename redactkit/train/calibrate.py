"""Which labels of adapted weights earn their place in the pipeline, measured where they run.

An adapted recognizer's entities are unioned with the rule detectors'. A label's held-out precision
(the ``calibration`` table of ``meta.json``, what an entity's score is) says how often the model alone
is right, not what the label adds next to rules that already find most of its values: the shipped
weights call a lottery draw ("did <six numbers> win") a phone number although every phone number
they find is one the ``identifiers`` detector finds too. This step runs the default pipeline with the
weights on labeled rows that were never trained on and counts, per model label:

- ``alone_values``: gold values (every non-space character redacted) covered only because of that
  label's entities: without them, the rule detectors and the model's other labels leave the value
  partly or wholly unredacted;
- ``alone_negative_rows``: rows without a gold value that nothing but that label's entities touch.

A label is dropped from the pipeline (``meta.json`` ``pipeline_calibration.dropped``; the ``ner``
detector leaves its entities out when ``labels`` is null) when
``alone_values * value_weight < alone_negative_rows``: recall first, so a value the label alone
finds weighs as much as ``value_weight`` PII-free rows it alone touches (default 5).

Rows: the 20 % dialogue hold-outs ``python -m redactkit.train.data`` writes (``--holdout DIR``, one
JSONL per corpus) and utterances of the generator's *train* template families (``--synth N`` per
``--seeds`` seed; never the held-out families, which stay for evaluation). Values the default
policy keeps (``DATE_TIME``) do not count.

A clean calibration (``--half calibration``) reads only the *calibration half* of each hold-out: its
dialogues whose split hash (:func:`redactkit.train.data.is_held_out`'s, 0-99) is below half the
held-out percentage, i.e. 0-9 of the 0-19 that hold a dialogue out. The other half, the
*evaluation half*, never chooses a dropped label and gives the figures; ``--split-holdout OUT``
writes both halves as ``<corpus>_calibration.jsonl`` and ``<corpus>_evaluation.jsonl``.

    python -m redactkit.train.calibrate --weights builtin --holdout DATA/holdout --half calibration \\
        --synth 3000 --seeds 7,8 [--write]
    python -m redactkit.train.calibrate --holdout DATA/holdout --split-holdout HALVES
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..bench.formats import LabeledExample
    from ..core import Entity

__all__ = [
    "CalibrationRow",
    "Counts",
    "count_rows",
    "dropped_labels",
    "holdout_half",
    "main",
    "model_label",
]

#: the halves of a dialogue hold-out: one chooses the dropped labels, the other gives the figures
HALVES = ("calibration", "evaluation")


def holdout_half(row_id: str, held_out_percent: int = 20) -> str:
    """``calibration`` or ``evaluation``: the half of the hold-out a row's dialogue belongs to.

    The split value of :func:`redactkit.train.data.is_held_out` (:func:`~redactkit.train.data.split_value`
    of the dialogue id, 0-99) below half the held-out percentage is the calibration half, the rest of
    the hold-out the evaluation half; all turns of a dialogue land in the same half."""
    from .data import dialogue_id, split_value

    return HALVES[0] if split_value(dialogue_id(row_id)) < held_out_percent / 2 else HALVES[1]


#: gold labels the default policy keeps (not redacted): covering them is no gain
KEPT_LABELS = frozenset({"DATE_TIME"})
#: prefix of the ``ner`` detector's explanations, followed by the model's own label
_EXPLANATION = "spaCy NER "


def model_label(entity: Entity) -> str:
    """The model label of a ``ner`` detector entity (its explanation names it)."""
    return entity.explanation.removeprefix(_EXPLANATION).split(";")[0].strip()


@dataclass(frozen=True)
class CalibrationRow:
    """One labeled row: the text, its gold spans and what the pipeline's detectors found, in
    original offsets: ``rules`` of every other detector, ``model`` (model label, entity) of the
    ``ner`` detector."""

    text: str
    gold: Sequence[tuple[int, int, str]]
    rules: Sequence[tuple[int, int]]
    model: Sequence[tuple[str, tuple[int, int]]]


@dataclass
class Counts:
    """Per model label: gold values only it covers, PII-free rows only it touches."""

    alone_values: Counter[str]
    alone_negative_rows: Counter[str]
    rows: int = 0

    def table(self) -> dict[str, dict[str, int]]:
        labels = sorted(set(self.alone_values) | set(self.alone_negative_rows))
        return {
            label: {
                "alone_values": self.alone_values[label],
                "alone_negative_rows": self.alone_negative_rows[label],
            }
            for label in labels
        }


def _characters(spans: Iterable[tuple[int, int]]) -> set[int]:
    covered: set[int] = set()
    for start, end in spans:
        covered.update(range(start, end))
    return covered


def count_rows(rows: Iterable[CalibrationRow], counts: Counts | None = None) -> Counts:
    """Add ``rows`` to ``counts`` (a new table when None)."""
    counts = counts or Counts(Counter(), Counter())
    for row in rows:
        counts.rows += 1
        labels = {label for label, _ in row.model}
        if not labels:
            continue
        everything = _characters([*row.rules, *(span for _, span in row.model)])
        gold = [(start, end) for start, end, label in row.gold if label not in KEPT_LABELS]
        for label in labels:
            without = _characters([*row.rules, *(span for other, span in row.model if other != label)])
            if not row.gold:
                if everything and not without:
                    counts.alone_negative_rows[label] += 1
                continue
            for start, end in gold:
                needed = [k for k in range(start, end) if not row.text[k].isspace()]
                if all(k in everything for k in needed) and not all(k in without for k in needed):
                    counts.alone_values[label] += 1
    return counts


def dropped_labels(table: Mapping[str, Mapping[str, int]], value_weight: float = 5.0) -> list[str]:
    """The labels whose entities alone touch more PII-free rows than ``value_weight`` times the
    values they alone find; never one the stock recognizer reports (PERSON, GPE, LOC, FAC, ORG)."""
    from ..detect.ner import DEFAULT_NER_LABELS

    return sorted(
        label
        for label, cell in table.items()
        if cell["alone_values"] * value_weight < cell["alone_negative_rows"]
        and label not in DEFAULT_NER_LABELS
    )


def pipeline_rows(examples: Sequence[LabeledExample], weights: str, batch: int = 256) -> list[CalibrationRow]:
    """Run the default pipeline's normalizers and detectors (the ``ner`` detector with ``weights``
    and every label of their map) over ``examples``."""
    from ..config import load_config
    from ..detect.ner import DEFAULT_NER_LABELS
    from ..detect.spacy_models import read_ner_weights
    from ..pipeline import Pipeline

    config = load_config(None).model_dump(mode="json")
    label_map = {**DEFAULT_NER_LABELS, **read_ner_weights(weights).meta.get("label_map", {})}
    for spec in config["detectors"]:
        if spec["name"] == "ner":
            spec.update(ner_weights=weights, labels=label_map)
    pipeline = Pipeline.from_config(config)
    rows: list[CalibrationRow] = []
    for offset in range(0, len(examples), batch):
        chunk = examples[offset : offset + batch]
        aligned = pipeline.normalize_batch([example.text for example in chunk])
        rules: list[list[tuple[int, int]]] = [[] for _ in chunk]
        model: list[list[tuple[str, tuple[int, int]]]] = [[] for _ in chunk]
        for detector in pipeline.detectors:
            found = detector.detect_batch(aligned)
            for k, (view, entities) in enumerate(zip(aligned, found, strict=True)):
                for entity in view.map_entities(entities):
                    if detector.name == "ner":
                        model[k].append((model_label(entity), (entity.start, entity.end)))
                    else:
                        rules[k].append((entity.start, entity.end))
        for k, example in enumerate(chunk):
            gold = [(span.start, span.end, span.label) for span in example.spans]
            rows.append(CalibrationRow(example.text, gold, rules[k], model[k]))
    return rows


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m redactkit.train.calibrate",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--weights", default="builtin", help="builtin or a weights directory")
    parser.add_argument("--holdout", type=Path, default=None, help="directory of hold-out JSONL files")
    parser.add_argument("--synth", type=int, default=0, help="generated train-family utterances per seed")
    parser.add_argument("--seeds", default="7,8", help="comma-separated generator seeds (train families)")
    parser.add_argument("--value-weight", type=float, default=5.0)
    parser.add_argument("--write", action="store_true", help="record the result in the weights' meta.json")
    parser.add_argument(
        "--half",
        choices=HALVES,
        default=None,
        help="read only this half of each hold-out by dialogue (calibration: a clean calibration)",
    )
    parser.add_argument(
        "--split-holdout",
        type=Path,
        default=None,
        metavar="OUT",
        help="only write each --holdout file's two halves into OUT (<corpus>_calibration.jsonl, "
        "<corpus>_evaluation.jsonl)",
    )
    args = parser.parse_args(argv)
    if args.split_holdout is not None:
        if args.holdout is None:
            parser.error("--split-holdout needs --holdout DIR, e.g. --holdout DATA/holdout")
        for name, halves in split_holdout(args.holdout, args.split_holdout).items():
            print(name, halves)
        return

    from ..bench.formats import read_labeled
    from ..detect.spacy_models import read_ner_weights
    from ..synth import generate, to_labeled_examples
    from .data import source_commit

    sets: dict[str, list[LabeledExample]] = {}
    if args.holdout is not None:
        for path in _holdout_files(args.holdout):
            examples = read_labeled(path)
            if args.half is None:
                sets[f"hold-out {path.stem}"] = examples
            else:
                chosen = [example for example in examples if holdout_half(example.id) == args.half]
                sets[f"hold-out {path.stem}, {args.half} half"] = chosen
    for seed in (int(s) for s in args.seeds.split(",") if s) if args.synth else ():
        records = generate(args.synth, seed=seed, split="train", negatives_share=0.2, id_prefix="calibration")
        sets[f"generated train families, seed {seed}"] = to_labeled_examples(records)
    if not sets:
        parser.error("give --holdout and/or --synth")
    counts = Counts(Counter(), Counter())
    for name, examples in sets.items():
        count_rows(pipeline_rows(examples, args.weights), counts)
        print(f"{name}: {len(examples)} rows", flush=True)
    table = counts.table()
    dropped = dropped_labels(table, args.value_weight)
    for label, cell in table.items():
        mark = "  dropped" if label in dropped else ""
        values, negatives = cell["alone_values"], cell["alone_negative_rows"]
        print(f"{label:16} values alone {values:5}  PII-free rows alone {negatives:5}{mark}")
    record: dict[str, Any] = {
        "value_weight": args.value_weight,
        # clean: no row that gives the evaluation figures chose the dropped labels
        "clean": args.half == HALVES[0] or args.holdout is None,
        "sets": {name: len(examples) for name, examples in sets.items()},
        "labels": table,
        "dropped": dropped,
        "written_by": {**source_commit(), "command": _command(sys_argv(argv))},
    }
    if args.write:
        weights = read_ner_weights(args.weights)
        meta = dict(weights.meta)
        meta["pipeline_calibration"] = record
        (weights.path / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
        print(f"written to {weights.path / 'meta.json'}")


def _holdout_files(holdout: Path) -> list[Path]:
    """The hold-out JSONL files of a folder; ``*_train.jsonl`` (rows trained on) are never read."""
    return sorted(path for path in holdout.glob("*.jsonl") if not path.stem.endswith("_train"))


def split_holdout(holdout: Path, out: Path) -> dict[str, dict[str, int]]:
    """Write each hold-out JSONL of ``holdout`` as its two halves (:func:`holdout_half`) into ``out``;
    returns the rows per half of each file. The records are written as they were read."""
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, dict[str, int]] = {}
    for path in _holdout_files(holdout):
        stem = path.stem.removesuffix("_holdout")
        lines: dict[str, list[str]] = {half: [] for half in HALVES}
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                lines[holdout_half(json.loads(line)["id"])].append(line)
        for half, rows in lines.items():
            (out / f"{stem}_{half}.jsonl").write_text("".join(row + "\n" for row in rows), encoding="utf-8")
        written[path.name] = {half: len(rows) for half, rows in lines.items()}
    return written


def _weights_argument(value: str) -> str:
    """``--weights`` as it reproduces: ``builtin`` when the directory is the shipped weights' (or
    ``builtin``), else ``{weights}`` (a path of the machine that ran it: the weights it was run on)."""
    from ..detect.spacy_models import BUILTIN_NER_WEIGHTS

    if value == "builtin" or Path(value).resolve() == BUILTIN_NER_WEIGHTS.resolve():
        return "builtin"
    return "{weights}"


def _command(argv: Sequence[str]) -> list[str]:
    """The arguments, with the hold-out folder as ``{holdout}`` and the weights as :func:`_weights_argument`
    gives them (paths of the machine that ran it are no command anyone can rerun)."""
    from .data import step_command

    command = step_command(argv)
    for k, arg in enumerate(command):
        if arg.startswith("--holdout="):
            command[k] = "--holdout={holdout}"
        elif k and command[k - 1] == "--holdout":
            command[k] = "{holdout}"
        elif arg.startswith("--weights="):
            command[k] = f"--weights={_weights_argument(arg.partition('=')[2])}"
        elif k and command[k - 1] == "--weights":
            command[k] = _weights_argument(arg)
    return command


def sys_argv(argv: Sequence[str] | None) -> list[str]:
    import sys

    return list(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    main()
