"""Read the language data files shipped in ``redactkit/lang/<locale>/``.

Word lists are plain text (one entry a line, ``#`` comments) and tables are YAML; both carry a
version (``# version: N`` on the first line of a list, ``version: N`` in a table), so a changed list
shows up in a diff and in :func:`data_version`. Files are read once per process.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml

__all__ = ["data_version", "read_table", "read_word_list"]

_VERSION = re.compile(r"^#\s*version:\s*(\d+)\s*$")


def _read(locale: str, name: str) -> str:
    path = resources.files("redactkit").joinpath("lang", locale, name)
    if not path.is_file():
        raise ValueError(f"no language data {name!r} for locale {locale!r} (redactkit/lang/{locale}/{name})")
    return path.read_text(encoding="utf-8")


@cache
def read_word_list(locale: str, name: str) -> frozenset[str]:
    """The lowercase, whitespace-collapsed entries of a word list; needs a version header."""
    text = _read(locale, name)
    lines = text.splitlines()
    if not lines or not _VERSION.match(lines[0]):
        raise ValueError(f"redactkit/lang/{locale}/{name} must start with '# version: N'")
    entries = set()
    for line in lines[1:]:
        entry = line.split("#", 1)[0].strip().lower()
        if entry:
            entries.add(" ".join(entry.split()))
    return frozenset(entries)


@cache
def read_table(locale: str, name: str) -> dict[str, Any]:
    """A YAML table with a top-level ``version``."""
    data = yaml.safe_load(_read(locale, name))
    if not isinstance(data, dict) or not isinstance(data.get("version"), int):
        raise ValueError(f"redactkit/lang/{locale}/{name} must be a mapping with an integer 'version'")
    return data


def data_version(locale: str, name: str) -> int:
    """The version of a word list or table."""
    if name.endswith((".yaml", ".yml")):
        return int(read_table(locale, name)["version"])
    read_word_list(locale, name)  # checks the header
    match = _VERSION.match(_read(locale, name).splitlines()[0])
    return int(match.group(1)) if match else 0
