"""What the ``redactkit`` subcommands share (private): the error line and exit status, the options
several commands take with one meaning, and wide output for tables.

Each command group (``redact``, ``bench``, ``train``, ``review``, ``audio``) lives next to its code;
an option that means the same everywhere is declared once here, so its flag and help cannot drift
apart between commands.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from .errors import ConfigError, DataError, ModelNotFoundError

if TYPE_CHECKING:
    from .bench.formats import LabelMap
    from .labels import LabelRegistry

__all__ = [
    "USAGE_ERRORS",
    "ConfigOption",
    "FormatOption",
    "LabelMapOption",
    "fail",
    "label_map_option",
    "wide_console",
]

_err = Console(stderr=True)

#: Errors in what the user passed (input, configuration, a model to install): exit status 2.
USAGE_ERRORS: tuple[type[BaseException], ...] = (ConfigError, DataError, ModelNotFoundError)

ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", "-c", help="Pipeline YAML; it extends the default configuration."),
]
FormatOption = Annotated[
    str | None,
    typer.Option("--format", help="Format of every LABELED file: redactkit, slurp, presidio, docbin, conll."),
]
LabelMapOption = Annotated[
    list[str] | None,
    typer.Option(
        "--label-map",
        help="SRC=DST maps a dataset label to a redactkit label, SRC= drops it; a .yaml file with "
        "labels: and unmapped: also works. Repeatable.",
    ),
]


def fail(exc: BaseException, usage_errors: tuple[type[BaseException], ...] = USAGE_ERRORS) -> typer.Exit:
    """Print the one-line error (class and message: redactkit's messages never quote transcript
    text) and the exit to raise: status 2 for ``usage_errors``, 1 for a processing failure."""
    code = 2 if isinstance(exc, usage_errors) else 1
    _err.print(f"error: {type(exc).__name__}: {exc}", highlight=False, markup=False, soft_wrap=True)
    return typer.Exit(code)


def label_map_option(items: list[str] | None, registry: LabelRegistry | None = None) -> LabelMap:
    """The label map ``--label-map`` gives: ``SRC=DST`` pairs and at most one YAML file, targets
    checked against ``registry`` (default: the built-in labels)."""
    from .bench.formats import load_label_map

    items = items or []
    files = [item for item in items if item.lower().endswith((".yaml", ".yml"))]
    pairs = [item for item in items if item not in files]
    if len(files) > 1:
        raise ConfigError("at most one label-map file", key="--label-map", example="--label-map labels.yaml")
    return load_label_map(files[0] if files else None, pairs, registry)


def wide_console(width: int) -> Console:
    """Standard output; ``width`` columns wide when piped to a file, so tables are not squeezed."""
    console = Console()
    return console if console.is_terminal else Console(width=width)
