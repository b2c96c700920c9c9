"""``redactkit train``: fine-tune the ``ner`` detector's recognizer on labeled transcripts.

Registered on the main app by ``redactkit.cli``; spaCy and the training code load when it runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from .._cli import FormatOption, LabelMapOption, fail, label_map_option
from ..errors import DataError, RedactkitError

__all__ = ["train"]

_err = Console(stderr=True)


def train(
    labeled: Annotated[
        list[Path],
        typer.Argument(
            metavar="LABELED...",
            help="Labeled transcripts: redactkit JSONL/Parquet, SLURP jsonl, presidio-research JSON, "
            ".spacy DocBin or CoNLL/BIO (as for `redactkit bench`).",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Directory for the trained weights (created).")
    ],
    config: Annotated[
        Path | None,
        typer.Option(
            "--config", "-c", help="Pipeline YAML whose normalizers prepare the text (default pipeline)."
        ),
    ] = None,
    fmt: FormatOption = None,
    label_map: LabelMapOption = None,
    dev: Annotated[
        list[Path] | None,
        typer.Option("--dev", help="Labeled dev file(s); default: --dev-share of LABELED, by row id."),
    ] = None,
    dev_share: Annotated[
        float, typer.Option(min=0.0, max=0.9, help="Share of rows held out for dev when no --dev is given.")
    ] = 0.2,
    base: Annotated[
        str,
        typer.Option(
            help="Starting weights: builtin (shipped), none (the spaCy pipeline's own), or a directory."
        ),
    ] = "builtin",
    epochs: Annotated[int, typer.Option(min=1, help="Passes over the training rows.")] = 10,
    max_steps: Annotated[int | None, typer.Option(min=1, help="Stop after this many updates.")] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Rows per update.")] = 32,
    learn_rate: Annotated[float, typer.Option(min=0.0, help="Adam learning rate.")] = 0.0005,
    seed: Annotated[int, typer.Option(help="Seed: same data + seed + options = same weights.")] = 0,
) -> None:
    """Fine-tune the recognizer of the `ner` detector on your labeled transcripts.

    Writes a weights directory; use it with the `ner` detector's `ner_weights: DIR`. Prints the dev
    precision and recall per label before and after. Labeled text never appears in the output.

    \b
    Examples:
      redactkit train reviewed.jsonl --output models/ner-ours
      redactkit train devel.jsonl --format slurp --dev-share 0.1 --epochs 5 -o models/ner-slurp
    """
    try:
        result = _run(
            labeled,
            output,
            config,
            fmt,
            label_map or [],
            dev or [],
            dev_share,
            base,
            epochs,
            max_steps,
            batch_size,
            learn_rate,
            seed,
        )
    except RedactkitError as exc:
        raise fail(exc) from None
    out = Console()
    _print_report(out, result)


def _run(
    labeled: list[Path],
    output: Path,
    config: Path | None,
    fmt: str | None,
    label_map: list[str],
    dev_files: list[Path],
    dev_share: float,
    base: str,
    epochs: int,
    max_steps: int | None,
    batch_size: int,
    learn_rate: float,
    seed: int,
) -> Any:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ..bench.formats import read_labeled
    from ..config import load_config
    from ..pipeline import Pipeline
    from .adapt import adapt, split_dev
    from .trainer import Progress as TrainProgress
    from .trainer import TrainSettings

    if output.exists() and any(output.iterdir()) and not (output / "meta.json").exists():
        raise DataError(f"{output} exists and is not a redactkit weights directory: choose another --output")
    mapping = label_map_option(label_map)
    examples = [row for path in labeled for row in read_labeled(path, fmt, mapping)]
    if dev_files:
        train_rows = examples
        dev_rows = [row for path in dev_files for row in read_labeled(path, fmt, mapping)]
    else:
        train_rows, dev_rows = split_dev(examples, dev_share)
    if not any(row.spans for row in train_rows):
        raise DataError("no labeled spans in the training rows: nothing to learn from")
    pipeline = Pipeline.from_config(load_config(config))
    settings = TrainSettings(
        seed=seed,
        epochs=epochs,
        max_steps=max_steps,
        batch_size=batch_size,
        learn_rate=learn_rate,
        negative_share=1.0,
        rehearsal_ratio=0.0,
        eval_every=0,
    )
    _err.print(
        f"{len(train_rows)} training rows, {len(dev_rows)} dev rows; starting from {base} weights",
        highlight=False,
    )
    columns = (
        TextColumn("training"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[info]}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=_err, disable=not _err.is_terminal) as bar:
        task = bar.add_task("train", total=None, info="")

        def report(progress: TrainProgress) -> None:
            info = f"loss {progress.loss:.1f}"
            if progress.dev_scores is not None and progress.dev_scores.get("ents_f") is not None:
                info += f"  dev F {progress.dev_scores['ents_f']:.3f}"
                if not _err.is_terminal:
                    _err.print(f"epoch {progress.epoch}: step {progress.step}/{progress.total_steps} {info}")
            bar.update(task, completed=progress.step, total=progress.total_steps, info=info)

        return adapt(
            train_rows,
            dev_rows,
            output,
            pipeline=pipeline,
            base=None if base == "none" else base,
            settings=settings,
            progress=report,
        )


def _print_report(out: Console, result: Any) -> None:
    before = result.before.get("ents_per_type", {})
    after = result.after.get("ents_per_type", {})
    table = Table(title=f"dev set ({result.dev_rows} rows): entity precision / recall / F, before -> after")
    for column in ("model label", "redactkit label", "P", "R", "F"):
        table.add_column(column)
    for label in sorted(set(before) | set(after)):
        b, a = before.get(label, {}), after.get(label, {})

        def cell(key: str, b: dict[str, float] = b, a: dict[str, float] = a) -> str:
            return f"{b.get(key, 0.0):.2f} -> {a.get(key, 0.0):.2f}"

        table.add_row(label, result.labels.get(label, "-"), cell("p"), cell("r"), cell("f"))
    if before or after:
        out.print(table)
    out.print(
        f"wrote {result.output} ({result.record['steps']} updates, {result.record['seconds']} s). "
        "Use it with:\n"
        f"  detectors:\n    - name: ner\n      ner_weights: {result.output}\n"
        "      lowercase_guard: plain_words",
        highlight=False,
        markup=False,
        soft_wrap=True,
    )
