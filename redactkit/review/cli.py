"""``redactkit review``: build a review set, serve the review page, export gold and a summary.

Registered on the main app by ``redactkit.cli``. ``redactkit review INPUT REDACTED ...`` is short for
``redactkit review build INPUT REDACTED ...``. Errors print one line naming the problem and the fix
(exit 2 for bad input, 1 for a failure) and, like every other output here, never print transcript
text: the text lives in the review folder and on the page only.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from typer.core import TyperGroup

from .._cli import fail, wide_console
from ..errors import DataError, RedactkitError

__all__ = ["review_app"]

_err = Console(stderr=True)


_out = wide_console(160)  # wide enough for the summary table when piped to a file

TEXT_WARNING = (
    "the review folder, the page and the JSONL export hold transcript text: keep them on this machine"
)


class _BuildByDefault(TyperGroup):
    """``review INPUT REDACTED ...`` runs ``review build INPUT REDACTED ...``."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = ["build", *args]
        return super().parse_args(ctx, args)


review_app = typer.Typer(
    cls=_BuildByDefault,
    help="Review a redacted dataset in a local web page: sample it, check it, export gold and recall.\n\n"
    "redactkit review INPUT REDACTED -t COLUMN -o REVIEW_DIR is short for `review build`.",
    no_args_is_help=True,
)


ReviewDir = Annotated[
    Path, typer.Argument(metavar="REVIEW_DIR", help="Folder written by `redactkit review`.")
]


@review_app.command("build")
def build(
    input_path: Annotated[
        Path, typer.Argument(metavar="INPUT", help="The Parquet file (or dataset folder) that was redacted.")
    ],
    redacted_path: Annotated[
        Path, typer.Argument(metavar="REDACTED", help="What `redactkit redact` wrote for INPUT.")
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="REVIEW_DIR", help="Review folder to create.")
    ],
    text_column: Annotated[
        str, typer.Option("--text-column", "-t", help="Transcript column.")
    ] = "transcript",
    sample: Annotated[int, typer.Option(min=1, help="Rows to sample.")] = 200,
    seed: Annotated[int, typer.Option(help="Seed of the sample and of its order.")] = 0,
    stratify: Annotated[
        str,
        typer.Option(
            metavar="[label|sensitivity|detector|low-score]",
            help="Strata: the row's rarest label, its sensitivity column, its rarest detector, or "
            "its lowest score's band. Quarantined rows and rows with no entity are always strata.",
        ),
    ] = "label",
    low_score: Annotated[
        float, typer.Option(help="Entities scoring below this are low-score (own strata).")
    ] = 0.6,
    id_column: Annotated[
        str | None, typer.Option("--id-column", help="Row id for the export [default: row position].")
    ] = None,
    redacted_column: Annotated[
        str | None,
        typer.Option(help="Redacted text column [default: <column>_redacted, or <column> if --in-place]."),
    ] = None,
    entities_column: Annotated[
        str | None, typer.Option(help="Entities column [default: <column>_entities].")
    ] = None,
    audio_column: Annotated[
        str | None, typer.Option(help="Original audio (paths or bytes) [default: audio_path if present].")
    ] = None,
    redacted_audio_column: Annotated[
        str | None, typer.Option(help="Redacted audio [default: <audio column>_redacted if present].")
    ] = None,
    audio_root: Annotated[
        Path | None, typer.Option(help="Base of relative audio paths [default: INPUT's folder].")
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config", "-c", help="Pipeline YAML used to redact (re-analyses the sample for explanations)."
        ),
    ] = None,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain/--no-explain",
            help="Re-analyse the sampled rows to show each entity's explanation (loads the pipeline).",
        ),
    ] = True,
    label: Annotated[
        list[str] | None, typer.Option("--label", help="Extra label the reviewer can choose. Repeatable.")
    ] = None,
    overwrite: Annotated[bool, typer.Option(help="Replace REVIEW_DIR and its review state.")] = False,
) -> None:
    """Build a review set: a stratified sample of a redacted dataset, ready for `review serve`.

    \b
    Examples:
      redactkit review calls.parquet calls.redacted.parquet -t transcript -o review/
      redactkit review calls/ calls_redacted/ -t transcript -o review/ --sample 500 --stratify low-score
    """
    from .build import build_review as _build

    try:
        pipeline = None
        if explain:
            from ..pipeline import Pipeline

            pipeline = Pipeline.from_config(config)  # models load when the sample is re-analysed
        building = _err.status("sampling the dataset, copying and explaining the sample", spinner="dots")
        with building if _err.is_terminal else _null():
            result = _build(
                input_path,
                redacted_path,
                output,
                text_column=text_column,
                sample=sample,
                seed=seed,
                stratify=stratify,
                low_score=low_score,
                id_column=id_column,
                redacted_column=redacted_column,
                entities_column=entities_column,
                audio_column=audio_column,
                redacted_audio_column=redacted_audio_column,
                audio_root=audio_root,
                pipeline=pipeline,
                labels=label or (),
                overwrite=overwrite,
            )
    except RedactkitError as exc:
        raise fail(exc) from None
    table = Table(show_header=True, title=f"review set: {result.sampled:,} of {result.population:,} rows")
    table.add_column("stratum")
    table.add_column("rows", justify="right")
    table.add_column("sampled", justify="right")
    for stratum, (population, drawn) in result.strata.items():
        table.add_row(stratum, f"{population:,}", f"{drawn:,}")
    _out.print(table)
    if result.not_reviewable:
        _out.print(f"{result.not_reviewable:,} rows with null or empty text were left out", highlight=False)
    if result.audio_rows:
        _out.print(f"{result.audio_rows:,} sampled rows have audio (copied into the folder)", highlight=False)
    _out.print(f"wrote {result.directory} ({TEXT_WARNING})", highlight=False, markup=False)
    _out.print(f"next: redactkit review serve {result.directory}", highlight=False, markup=False)


def _null() -> Any:
    import contextlib

    return contextlib.nullcontext()


@review_app.command("serve")
def serve(
    directory: ReviewDir,
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port; 0 takes any free one.")] = 0,
    host: Annotated[
        str,
        typer.Option(help="Address to listen on. Anything but 127.0.0.1 exposes the text to the network."),
    ] = "127.0.0.1",
    open_browser: Annotated[
        bool, typer.Option("--open", help="Open the page in the default browser.")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", help="Log requests (method, path with the token masked, status).")
    ] = False,
) -> None:
    """Serve the review page on this machine until Ctrl-C; decisions are saved after every action.

    The URL carries a random token: requests without it are refused. Stop and start again at any time
    to resume.

    \b
    Example:
      redactkit review serve review/ --port 8765
    """
    from .server import LOOPBACK, ReviewServer

    try:
        server = ReviewServer(directory, host=host, port=port, verbose=verbose)
    except RedactkitError as exc:
        raise fail(exc) from None
    progress = server.review.progress()
    if host != LOOPBACK:
        _err.print(
            f"warning: listening on {host}, not loopback: anyone who can reach this machine and has the "
            "URL can read the transcripts",
            highlight=False,
            markup=False,
        )
    # the URL first, alone on its line and flushed: scripts (and the tests) read it from here
    sys.stdout.write(f"{server.url}\n")
    sys.stdout.flush()
    _err.print(
        f"review page for {progress['rows']:,} rows ({progress['reviewed']:,} accepted so far); "
        f"{TEXT_WARNING}. Ctrl-C stops.",
        highlight=False,
        markup=False,
    )
    if open_browser:
        import webbrowser

        webbrowser.open(server.url)
    try:
        server.serve()
    except KeyboardInterrupt:
        _err.print("stopped; every decision is saved", highlight=False, markup=False)


def _print_summary(summary: dict[str, Any]) -> None:
    table = Table(
        show_header=True,
        title=f"review: {summary['rows_reviewed']:,} of {summary['rows_in_sample']:,} sampled rows accepted",
    )
    for column in ("label", "gold", "missed", "recall", "95% interval", "entities", "over-redacted", "rate"):
        table.add_column(column, justify="left" if column == "label" else "right")
    entries = [*summary["labels"].items(), ("all labels", summary["overall"])]
    for name, figures in entries:
        recall = figures["recall"]
        rate = figures["over_redaction_rate"]
        table.add_row(
            name,
            f"{figures['gold']:,}",
            f"{figures['missed']:,}",
            "-" if recall is None else f"{recall['estimate']:.3f}",
            "-" if recall is None else f"{recall['low']:.3f}-{recall['high']:.3f}",
            f"{figures['entities']:,}",
            f"{figures['over_redactions']:,}",
            "-" if rate is None else f"{rate:.3f}",
        )
    _out.print(table)
    _out.print(
        "recall: share of gold values fully redacted, weighted by stratum to estimate the whole dataset; "
        "the interval is Wilson's on the effective sample size",
        highlight=False,
    )


@review_app.command("export")
def export(
    directory: ReviewDir,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="JSONL to write [default: REVIEW_DIR/export/reviewed.jsonl]."),
    ] = None,
    summary_path: Annotated[
        Path | None, typer.Option("--summary", help="Summary JSON [default: beside the JSONL, summary.json].")
    ] = None,
) -> None:
    """Write the accepted rows as labeled JSONL for `redactkit bench`, and the summary (counts only).

    Gold = the entities left standing + the marked misses minus the marked over-redactions.

    \b
    Examples:
      redactkit review export review/ -o reviewed.jsonl
      redactkit bench reviewed.jsonl
    """
    from .export import summarize, write_reviewed_jsonl, write_summary
    from .server import EXPORT_DIR, EXPORT_JSONL, EXPORT_SUMMARY
    from .store import ReviewSet

    try:
        review = ReviewSet.load(directory)
        target = output or directory / EXPORT_DIR / EXPORT_JSONL
        rows = write_reviewed_jsonl(review, target)
        summary = summarize(review)
        write_summary(summary, summary_path or target.with_name(EXPORT_SUMMARY))
    except RedactkitError as exc:
        raise fail(exc) from None
    except OSError as exc:
        raise fail(DataError(f"cannot write the export ({type(exc).__name__})")) from None
    _print_summary(summary)
    _out.print(
        f"wrote {rows:,} accepted rows to {target} (holds transcript text)", highlight=False, markup=False
    )


@review_app.command("summary")
def summary_command(
    directory: ReviewDir,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Print misses per label, estimated recall with a 95% interval and the over-redaction rate.

    \b
    Example:
      redactkit review summary review/ --json
    """
    from .export import summarize
    from .store import ReviewSet

    try:
        summary = summarize(ReviewSet.load(directory))
    except RedactkitError as exc:
        raise fail(exc) from None
    if as_json:
        sys.stdout.write(json.dumps(summary, indent=2, sort_keys=True) + "\n")
    else:
        _print_summary(summary)


@review_app.command("html")
def html(
    directory: ReviewDir,
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")],
    reviewed_only: Annotated[bool, typer.Option(help="Only the accepted rows.")] = False,
) -> None:
    """Write a static, read-only copy of the review (one HTML file, no server, no audio).

    It holds transcript text: share it only where the data itself may go.

    \b
    Example:
      redactkit review html review/ -o review.html --reviewed-only
    """
    from .html import write_static_html
    from .store import ReviewSet

    try:
        rows = write_static_html(ReviewSet.load(directory), output, reviewed_only=reviewed_only)
    except RedactkitError as exc:
        raise fail(exc) from None
    except OSError as exc:
        raise fail(DataError(f"cannot write {output} ({type(exc).__name__})")) from None
    _out.print(
        f"wrote {output}: {rows:,} rows, read-only (holds transcript text)", highlight=False, markup=False
    )
