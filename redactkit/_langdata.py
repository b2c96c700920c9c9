"""Read the language data files shipped in ``redactkit/lang/<locale>/`` by file name.

A thin view over :func:`redactkit.lang.load_locale` (which also applies a locale's inheritance and
records every file in the locale's digest): word lists are plain text (``# version: N`` first, one
entry a line, ``#`` comments), tables are YAML with an integer ``version``.
"""

from __future__ import annotations

from typing import Any

from .lang import load_locale

__all__ = ["data_version", "read_table", "read_word_list"]


def _resource(locale: str, name: str) -> Any:
    stem = name.rsplit(".", 1)[0]
    found = load_locale(locale).resources.get(stem)
    if found is None:
        raise ValueError(f"no language data {name!r} for locale {locale!r} (redactkit/lang/{locale}/{name})")
    return found


def read_word_list(locale: str, name: str) -> frozenset[str]:
    """The lowercase, whitespace-collapsed entries of a word list (``acronyms.txt``)."""
    return frozenset(_resource(locale, name)["words"])


def read_table(locale: str, name: str) -> dict[str, Any]:
    """A YAML table with a top-level ``version`` (``spelling.yaml``)."""
    data = _resource(locale, name)
    if not isinstance(data, dict) or not isinstance(data.get("version"), int):
        raise ValueError(f"redactkit/lang/{locale}/{name} must be a mapping with an integer 'version'")
    return dict(data)


def data_version(locale: str, name: str) -> int:
    """The version of a word list or table."""
    return int(_resource(locale, name)["version"])
