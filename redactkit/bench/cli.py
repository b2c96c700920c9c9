"""``redactkit bench``: recall per label on labeled samples, redactkit and a baseline side by side.

Registered on the main app by ``redactkit.cli``; everything heavy is imported when the command runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from .._cli import ConfigOption, FormatOption, LabelMapOption, fail, label_map_option, wide_console
from ..errors import ConfigError, DataError, RedactkitError

__all__ = ["bench"]

_err = Console(stderr=True)


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
    config: ConfigOption = None,
    baseline: Annotated[
        str, typer.Option(help="Baseline run side by side: presidio (vanilla Presidio) or none.")
    ] = "presidio",
    fmt: FormatOption = None,
    label_map: LabelMapOption = None,
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
            "redactkit.bench.sensitive) of --synthetic-split's families, and its row-level sensitivity.",
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
    conversation: Annotated[
        bool,
        typer.Option(
            "--conversation",
            help="Conversation mode: redact the rows of each conversation together (a value found in one "
            "turn is redacted where it recurs); rows belong to the conversation their id names "
            "(--conversation-id). Vanilla Presidio still redacts row by row.",
        ),
    ] = False,
    conversation_id: Annotated[
        str | None,
        typer.Option(
            "--conversation-id",
            metavar="REGEX",
            help="With --conversation: a regular expression whose first group, matched on a row's id, "
            "names its conversation (default: the id without a trailing turn number and speaker, "
            "'call-7-12' and 'call-7-3-agent' are 'call-7'); rows in file order are its turns.",
        ),
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
      redactkit bench calls.jsonl --conversation --baseline none
    """
    inputs = _Inputs(
        labeled or [], config, baseline, fmt, label_map or [], synthetic, synthetic_split, seed, limit,
        _conversation_pattern(conversation, conversation_id),
    )  # fmt: skip
    if asr_noise is not None and inputs.conversation is not None:
        raise fail(
            ConfigError(
                "--asr-noise scores rows one by one; it does not combine with --conversation",
                key="--conversation",
                example="redactkit bench calls.jsonl --conversation --baseline none",
            )
        )
    if asr_noise is not None and (markdown_path is not None or report_path is not None):
        raise fail(
            ConfigError(
                "--asr-noise prints a curve over word error rate and writes it with --json only; "
                "--markdown and --report write the usual tables (run without --asr-noise)",
                key="--markdown" if markdown_path is not None else "--report",
                example="redactkit bench --synthetic 1000 --asr-noise 0.1,0.2,0.3 --json curve.json",
            )
        )
    if asr_noise is not None:
        try:
            curve = _run_curve(inputs, asr_noise, sensitive)
            if json_path is not None:
                import json

                _write(json_path, json.dumps(curve.to_dict(), indent=2))
        except RedactkitError as exc:
            raise fail(exc) from None
        from .asr_curve import render_curve

        out = wide_console(200)
        render_curve(curve, out)
        _wrote(out, json_path)
        return
    try:
        result = _run(inputs, not no_examples, sensitive, bootstrap)
        from .report import write_report

        for path, kind in ((json_path, "json"), (markdown_path, "markdown"), (report_path, "html")):
            if path is not None:
                try:
                    write_report(result, path, kind)
                except OSError as exc:
                    raise DataError(f"cannot write {path} ({type(exc).__name__})") from None
    except RedactkitError as exc:
        raise fail(exc) from None
    from .report import render_terminal

    out = wide_console(200)
    render_terminal(result, out)
    _wrote(out, json_path, markdown_path, report_path)


def _conversation_pattern(conversation: bool, pattern: str | None) -> str | None:
    """The checked id pattern of conversation mode, or None when it is off."""
    if pattern is not None and not conversation:
        raise fail(
            ConfigError(
                "--conversation-id only applies in conversation mode",
                key="--conversation-id",
                example="--conversation --conversation-id '^(call-\\d+)-'",
            )
        )
    if not conversation:
        return None
    import re

    from .runner import DEFAULT_CONVERSATION_ID

    try:
        re.compile(pattern or DEFAULT_CONVERSATION_ID)
    except re.error as exc:
        raise fail(
            ConfigError(
                f"--conversation-id is not a regular expression ({exc})",
                key="--conversation-id",
                example="--conversation-id '^(call-\\d+)-'",
            )
        ) from None
    return pattern or DEFAULT_CONVERSATION_ID


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise DataError(f"cannot write {path} ({type(exc).__name__})") from None


def _wrote(out: Console, *paths: Path | None) -> None:
    for path in paths:
        if path is not None:
            out.print(f"wrote {path}", highlight=False, markup=False)


@dataclass(frozen=True)
class _Inputs:
    """What a bench run scores and with what: the command's options, checked by :meth:`prepare`."""

    labeled: list[Path]
    config: Path | None
    baseline: str
    fmt: str | None
    label_map: list[str]
    synthetic: int
    synthetic_split: str
    seed: int
    limit: int | None
    #: conversation mode's id pattern, or None
    conversation: str | None = None

    def prepare(self, sensitive: bool = False) -> tuple[list[Any], list[Any]]:
        """The datasets to score (with ``sensitive``, the sensitive-content set too) and the systems
        to score them with (not warmed up)."""
        from ..config import load_config
        from ..pipeline import Pipeline
        from .baseline import PipelineSystem, PresidioBaseline, System, baseline_model
        from .formats import read_labeled
        from .runner import Dataset, conversation_keys, synthetic_dataset

        if self.baseline not in ("presidio", "none"):
            raise ConfigError(
                f"unknown baseline {self.baseline!r}; one of presidio, none",
                key="--baseline",
                example="--baseline none",
            )
        if not self.labeled and not self.synthetic and not sensitive:
            raise DataError("nothing to score: pass LABELED files, --synthetic N and/or --sensitive")
        if self.synthetic_split not in ("train", "heldout"):
            raise ConfigError(
                f"unknown --synthetic-split {self.synthetic_split!r}; one of heldout, train",
                key="--synthetic-split",
                example="--synthetic-split heldout",
            )
        resolved = load_config(self.config)
        # targets may be the config's own labels (`labels:`) as well as the built-in ones
        mapping = label_map_option(self.label_map, resolved.label_registry())
        datasets = []
        for path in self.labeled:
            examples = read_labeled(path, self.fmt, mapping)
            examples = examples[: self.limit] if self.limit else examples
            keys = conversation_keys(examples, self.conversation) if self.conversation is not None else None
            name = path.name if keys is None else f"{path.name} (conversations)"
            datasets.append(Dataset(name, str(path), examples, keys))
        if self.synthetic:
            datasets.append(synthetic_dataset(self.synthetic, seed=self.seed, split=self.synthetic_split))
        if sensitive:
            from .sensitive import sensitive_dataset

            datasets.append(sensitive_dataset(self.synthetic_split, seed=self.seed))
        pipeline = Pipeline.from_config(resolved)
        systems: list[System] = [PipelineSystem(pipeline, description=_describe(self.config))]
        if self.baseline == "presidio":
            systems.append(PresidioBaseline(baseline_model(resolved)))
        return datasets, systems


def _run(inputs: _Inputs, include_examples: bool, sensitive: bool, bootstrap: int) -> Any:
    from .runner import run_bench

    datasets, systems = inputs.prepare(sensitive)
    with _err.status("loading models", spinner="dots") if _err.is_terminal else _null():
        for system in systems:
            system.warm_up()
    with _err.status("redacting and scoring", spinner="dots") if _err.is_terminal else _null():
        result = run_bench(
            datasets,
            systems,
            include_examples=include_examples,
            bootstrap=bootstrap,
            seed=inputs.seed,
            config=str(inputs.config) if inputs.config else "default",
        )
        if sensitive:  # the row-level decision on the whole set: span, negative and row families
            from dataclasses import replace

            from .baseline import PipelineSystem
            from .routing import score_rows
            from .sensitive import generate_sensitive

            system = systems[0]
            assert isinstance(system, PipelineSystem)
            records = generate_sensitive(inputs.synthetic_split, seed=inputs.seed)
            result = replace(result, routing=score_rows(records, system.pipeline))
        return result


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


def _run_curve(inputs: _Inputs, asr_noise: str, sensitive: bool = False) -> Any:
    from .asr_curve import asr_noise_curve

    wers = _parse_wers(asr_noise)
    datasets, systems = inputs.prepare(sensitive)
    with _err.status("redacting clean and noisy copies", spinner="dots") if _err.is_terminal else _null():
        return asr_noise_curve(datasets, systems, wers, seed=inputs.seed)


def _describe(config: Path | None) -> str:
    return f"redactkit ({config.name if config else 'default pipeline'})"


def _null() -> Any:
    import contextlib

    return contextlib.nullcontext()
