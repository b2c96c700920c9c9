"""``redactkit bench``: recall per label on labeled samples, redactkit and a baseline side by side.

Registered on the main app by ``redactkit.cli``; everything heavy is imported when the command runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from ..errors import ConfigError, DataError, ModelNotFoundError, RedactkitError

__all__ = ["bench"]

_err = Console(stderr=True)


def _console() -> Console:
    """Standard output; wide enough for the side-by-side table when piped to a file."""
    console = Console()
    return console if console.is_terminal else Console(width=200)


def _fail(exc: RedactkitError) -> typer.Exit:
    code = 2 if isinstance(exc, ConfigError | DataError | ModelNotFoundError) else 1
    _err.print(f"error: {type(exc).__name__}: {exc}", highlight=False, markup=False, soft_wrap=True)
    return typer.Exit(code)


def bench(
    labeled: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="LABELED...",
            help="Labeled files: redactkit JSONL/Parquet, SLURP jsonl, presidio-research JSON, "
            ".spacy DocBin or CoNLL/BIO.",
            show_default=False,
        ),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option("--config", "-c", help="Pipeline YAML; keys left out take the default values."),
    ] = None,
    baseline: Annotated[
        str, typer.Option(help="Baseline run side by side: presidio (vanilla Presidio) or none.")
    ] = "presidio",
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format", help="Format of every LABELED file: redactkit, slurp, presidio, docbin, conll."
        ),
    ] = None,
    label_map: Annotated[
        list[str] | None,
        typer.Option(
            "--label-map",
            help="SRC=DST maps a dataset label to a redactkit label, SRC= drops it; a .yaml file with "
            "labels: and unmapped: also works. Repeatable.",
        ),
    ] = None,
    synthetic: Annotated[
        int, typer.Option(min=0, help="Also score N generated spoken-PII utterances (redactkit synth).")
    ] = 0,
    synthetic_split: Annotated[
        str,
        typer.Option(
            "--synthetic-split",
            help="Template families of --synthetic: heldout (never trained on) or train.",
        ),
    ] = "heldout",
    sensitive: Annotated[
        bool,
        typer.Option(
            "--sensitive",
            help="Also score the sensitive-content set (special-category spans and ordinary negatives; "
            "redactkit.bench.sensitive) of --synthetic-split's families.",
        ),
    ] = False,
    json_path: Annotated[Path | None, typer.Option("--json", help="Write every figure as JSON.")] = None,
    markdown_path: Annotated[Path | None, typer.Option("--markdown", help="Write a markdown report.")] = None,
    report_path: Annotated[
        Path | None, typer.Option("--report", help="Write a self-contained HTML report.")
    ] = None,
    no_examples: Annotated[
        bool,
        typer.Option(
            "--no-examples", help="Leave misses and false positives out: no transcript text in any output."
        ),
    ] = False,
    bootstrap: Annotated[
        int, typer.Option(min=0, help="Bootstrap replicates for the 95% intervals (0: none).")
    ] = 1000,
    seed: Annotated[int, typer.Option(help="Seed of the bootstrap and of --synthetic.")] = 0,
    limit: Annotated[
        int | None, typer.Option(min=1, help="Use only the first N utterances of each file.")
    ] = None,
    asr_noise: Annotated[
        str | None,
        typer.Option(
            "--asr-noise",
            help="Word error rates, e.g. 0.1,0.2,0.3: score clean and ASR-noised copies of every set "
            "(recall as a curve over WER; seeded by --seed).",
        ),
    ] = None,
) -> None:
    """Score redactkit (and vanilla Presidio) on labeled transcripts: recall per label, leaks, speed.

    Misses and false positives quote transcript text in --json, --markdown and --report outputs;
    --no-examples leaves them out.

    \b
    Examples:
      redactkit bench --synthetic 1000
      redactkit bench --synthetic 2000 --synthetic-split train --baseline none
      redactkit bench slurp_devel.jsonl --report bench.html --json bench.json
      redactkit bench devel.jsonl --format slurp --label-map song_name=
      redactkit bench --synthetic 1000 --asr-noise 0.1,0.2,0.3 --baseline none
      redactkit bench --sensitive --baseline none
    """
    if asr_noise is not None:
        try:
            curve = _run_curve(
                labeled or [],
                config,
                baseline,
                fmt,
                label_map or [],
                synthetic,
                synthetic_split,
                seed,
                limit,
                asr_noise,
            )
            if json_path is not None:
                import json

                try:
                    json_path.write_text(json.dumps(curve.to_dict(), indent=2), encoding="utf-8")
                except OSError as exc:
                    raise DataError(f"cannot write {json_path} ({type(exc).__name__})") from None
        except RedactkitError as exc:
            raise _fail(exc) from None
        from .asr_curve import render_curve

        out = _console()
        render_curve(curve, out)
        if json_path is not None:
            out.print(f"wrote {json_path}", highlight=False, markup=False)
        return
    try:
        result = _run(
            labeled or [],
            config,
            baseline,
            fmt,
            label_map or [],
            synthetic,
            synthetic_split,
            not no_examples,
            sensitive,
            bootstrap,
            seed,
            limit,
        )
        from .report import render_terminal, write_report

        for path, kind in ((json_path, "json"), (markdown_path, "markdown"), (report_path, "html")):
            if path is not None:
                try:
                    write_report(result, path, kind)
                except OSError as exc:
                    raise DataError(f"cannot write {path} ({type(exc).__name__})") from None
    except RedactkitError as exc:
        raise _fail(exc) from None
    out = _console()
    render_terminal(result, out)
    for path in (json_path, markdown_path, report_path):
        if path is not None:
            out.print(f"wrote {path}", highlight=False, markup=False)


def _run(
    labeled: list[Path],
    config: Path | None,
    baseline: str,
    fmt: str | None,
    label_map: list[str],
    synthetic: int,
    synthetic_split: str,
    include_examples: bool,
    sensitive: bool,
    bootstrap: int,
    seed: int,
    limit: int | None,
) -> Any:
    from ..config import load_config
    from ..pipeline import Pipeline
    from .baseline import PipelineSystem, PresidioBaseline, System, baseline_model
    from .formats import load_label_map, read_labeled
    from .runner import Dataset, run_bench, synthetic_dataset

    if baseline not in ("presidio", "none"):
        raise ConfigError(
            f"unknown baseline {baseline!r}; one of presidio, none",
            key="--baseline",
            example="--baseline none",
        )
    if not labeled and not synthetic and not sensitive:
        raise DataError("nothing to score: pass LABELED files, --synthetic N and/or --sensitive")
    if synthetic_split not in ("train", "heldout"):
        raise ConfigError(
            f"unknown --synthetic-split {synthetic_split!r}; one of heldout, train",
            key="--synthetic-split",
            example="--synthetic-split heldout",
        )
    files = [item for item in label_map if item.lower().endswith((".yaml", ".yml"))]
    pairs = [item for item in label_map if item not in files]
    if len(files) > 1:
        raise ConfigError("at most one label-map file", key="--label-map", example="--label-map labels.yaml")
    resolved = load_config(config)
    # targets may be the config's own labels (`labels:`) as well as the built-in ones
    mapping = load_label_map(files[0] if files else None, pairs, resolved.label_registry())
    datasets = []
    for path in labeled:
        examples = read_labeled(path, fmt, mapping)
        datasets.append(Dataset(path.name, str(path), examples[:limit] if limit else examples))
    if synthetic:
        datasets.append(synthetic_dataset(synthetic, seed=seed, split=synthetic_split))
    if sensitive:
        from .sensitive import sensitive_dataset

        datasets.append(sensitive_dataset(synthetic_split, seed=seed))
    systems: list[System] = [PipelineSystem(Pipeline.from_config(resolved), description=_describe(config))]
    if baseline == "presidio":
        systems.append(PresidioBaseline(baseline_model(resolved)))
    with _err.status("loading models", spinner="dots") if _err.is_terminal else _null():
        for system in systems:
            system.warm_up()
    with _err.status("redacting and scoring", spinner="dots") if _err.is_terminal else _null():
        return run_bench(
            datasets,
            systems,
            include_examples=include_examples,
            bootstrap=bootstrap,
            seed=seed,
            config=str(config) if config else "default",
        )


def _parse_wers(value: str) -> list[float]:
    wers: list[float] = []
    for item in value.split(","):
        try:
            wer = float(item)
        except ValueError:
            wer = -1.0
        if not 0.0 < wer <= 1.0:
            raise ConfigError(
                f"word error rates are numbers above 0 and at most 1, got {item.strip()!r}",
                key="--asr-noise",
                example="--asr-noise 0.1,0.2,0.3",
            )
        wers.append(wer)
    return sorted(set(wers))


def _run_curve(
    labeled: list[Path],
    config: Path | None,
    baseline: str,
    fmt: str | None,
    label_map: list[str],
    synthetic: int,
    synthetic_split: str,
    seed: int,
    limit: int | None,
    asr_noise: str,
) -> Any:
    from ..config import load_config
    from ..pipeline import Pipeline
    from .asr_curve import asr_noise_curve
    from .baseline import PipelineSystem, PresidioBaseline, System, baseline_model
    from .formats import load_label_map, read_labeled
    from .runner import Dataset, synthetic_dataset

    wers = _parse_wers(asr_noise)
    if baseline not in ("presidio", "none"):
        raise ConfigError(
            f"unknown baseline {baseline!r}; one of presidio, none",
            key="--baseline",
            example="--baseline none",
        )
    if not labeled and not synthetic:
        raise DataError("nothing to score: pass LABELED files and/or --synthetic N")
    files = [item for item in label_map if item.lower().endswith((".yaml", ".yml"))]
    mapping = load_label_map(files[0] if files else None, [item for item in label_map if item not in files])
    datasets = []
    for path in labeled:
        examples = read_labeled(path, fmt, mapping)
        datasets.append(Dataset(path.name, str(path), examples[:limit] if limit else examples))
    if synthetic:
        if synthetic_split not in ("train", "heldout"):
            raise ConfigError(
                f"unknown --synthetic-split {synthetic_split!r}; one of heldout, train",
                key="--synthetic-split",
                example="--synthetic-split heldout",
            )
        datasets.append(synthetic_dataset(synthetic, seed=seed, split=synthetic_split))
    resolved = load_config(config)
    systems: list[System] = [PipelineSystem(Pipeline.from_config(resolved), description=_describe(config))]
    if baseline == "presidio":
        systems.append(PresidioBaseline(baseline_model(resolved)))
    with _err.status("redacting clean and noisy copies", spinner="dots") if _err.is_terminal else _null():
        return asr_noise_curve(datasets, systems, wers, seed=seed)


def _describe(config: Path | None) -> str:
    return f"redactkit ({config.name if config else 'default pipeline'})"


def _null() -> Any:
    import contextlib

    return contextlib.nullcontext()
