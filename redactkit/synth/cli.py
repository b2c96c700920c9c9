"""``redactkit synth``: write generated, labeled spoken-PII utterances as redactkit JSON Lines.

Registered on the main app by ``redactkit.cli``. The summary goes to standard error (figures and
labels only; none with the global ``--quiet``), so ``-o -`` can stream the records to standard
output.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from ..errors import ConfigError, DataError

__all__ = ["synth"]

_err = Console(stderr=True)


def _fail(message: str, exc_type: type[Exception] = ConfigError) -> typer.Exit:
    _err.print(f"error: {exc_type.__name__}: {message}", highlight=False, markup=False, soft_wrap=True)
    return typer.Exit(2)


def synth(
    count: Annotated[int, typer.Option("--count", "-n", min=0, help="Utterances to generate.")] = 1000,
    split: Annotated[
        str, typer.Option(help="Template families: train (for training) or heldout (for evaluation only).")
    ] = "train",
    seed: Annotated[int, typer.Option(help="Seed: the same seed gives the same file.")] = 0,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="JSON Lines file to write; - for standard output.")
    ] = Path("-"),
    labels: Annotated[
        str | None,
        typer.Option(help="Comma-separated labels to generate (default: all), e.g. PERSON,PHONE_NUMBER."),
    ] = None,
    negatives_share: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="Share of PII-free hard negatives.")
    ] = 0.2,
    written_share: Annotated[
        float,
        typer.Option(
            min=0.0, max=1.0, help="Share rendered written (cased, punctuated, digits) instead of spoken."
        ),
    ] = 0.0,
    interruptions: Annotated[
        float | None,
        typer.Option(
            min=0.0,
            max=1.0,
            help="Chance of a filler, aside or self-correction inside a value (default: per family).",
        ),
    ] = None,
    asr_noise: Annotated[
        float,
        typer.Option(
            "--asr-noise",
            min=0.0,
            max=1.0,
            help="Word error rate of simulated recognizer errors on the spoken utterances (0: none).",
        ),
    ] = 0.0,
    domains: Annotated[
        str | None,
        typer.Option(
            help="Comma-separated family domains (default: all but the opt-in assistant_media), e.g. "
            "formal (earnings calls, briefings, meetings) or call_centre.",
        ),
    ] = None,
    pairs: Annotated[
        bool,
        typer.Option(
            "--pairs", help="Write every utterance twice, spoken and written (same id, field style)."
        ),
    ] = False,
) -> None:
    """Generate labeled spoken-PII utterances (redactkit JSONL: id, text, spans, family, split, style).

    \b
    Examples:
      redactkit synth -n 5000 --split train --seed 1 -o train.jsonl
      redactkit synth -n 2000 --split heldout --seed 1 -o heldout.jsonl
      redactkit synth -n 10 --labels PHONE_NUMBER,EMAIL_ADDRESS --negatives-share 0
      redactkit synth -n 2000 --split heldout --asr-noise 0.15 -o heldout-noisy.jsonl
      redactkit synth -n 1000 --split heldout --domains formal -o formal.jsonl
    """
    from . import LABELS, generate, generate_pairs

    chosen = None if labels is None else [label.strip() for label in labels.split(",") if label.strip()]
    kept = None if domains is None else [name.strip() for name in domains.split(",") if name.strip()]
    try:
        if pairs:
            records = [
                record
                for pair in generate_pairs(
                    count,
                    seed=seed,
                    split=split,
                    labels=chosen,
                    negatives_share=negatives_share,
                    interruptions=interruptions,
                    asr_noise=asr_noise,
                    domains=kept,
                )
                for record in pair
            ]
        else:
            records = generate(
                count,
                seed=seed,
                split=split,
                labels=chosen,
                negatives_share=negatives_share,
                written_share=written_share,
                interruptions=interruptions,
                asr_noise=asr_noise,
                domains=kept,
            )
    except ValueError as exc:
        example = (
            "--split heldout"
            if "split" in str(exc)
            else "--domains formal"
            if "domain" in str(exc)
            else f"--labels {LABELS[0]},{LABELS[5]}"
        )
        raise _fail(f"{exc} (for example {example})") from None
    lines = (json.dumps(record.to_dict(), ensure_ascii=False) + "\n" for record in records)
    if str(output) == "-":
        sys.stdout.writelines(lines)
    else:
        try:
            with output.open("w", encoding="utf-8") as handle:
                handle.writelines(lines)
        except OSError as exc:
            raise _fail(f"cannot write {output} ({type(exc).__name__})", DataError) from None
    from .. import cli as main_cli  # the global --quiet option lives there

    if main_cli._state.get("quiet"):
        return
    per_label = Counter(span.label for record in records for span in record.spans)
    negatives = sum(1 for record in records if not record.spans)
    where = "standard output" if str(output) == "-" else str(output)
    _err.print(
        f"wrote {len(records):,} utterances ({split} families, seed {seed}"
        + (f", ASR noise {asr_noise:g}" if asr_noise else "")
        + f") to {where}: "
        f"{negatives:,} without PII, "
        + ", ".join(f"{label} {n:,}" for label, n in sorted(per_label.items())),
        highlight=False,
        markup=False,
        soft_wrap=True,
    )
