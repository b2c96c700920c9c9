"""Typed views of a locale's tables: a component declares the tables it reads as a frozen dataclass
and :func:`load_tables` fills it from the locale's data files.

Each field names a table of one resource (``redactkit/lang/<locale>/<resource>.yaml``); the key is the
field's name, or ``field(metadata={"key": "cues.before"})`` for a nested one. A field whose type is
itself such a dataclass reads a whole section (the map under its key), so a resource with sections
(``ages:``, ``dates:``) is one typed tree. The field's type says how the table is read, so a
malformed file fails when the component is built, naming file and table:

- ``frozenset[str]``: a word list; ``frozenset[tuple[str, ...]]``: a phrase list (words split on spaces);
- ``tuple[str, ...]``: an ordered word list (suffixes tried in order);
- ``PhraseTable[tuple[str, ...]]``: a list of phrase patterns (``"(live|grew up) (now|) in"``, see
  :func:`~redactkit.lang.phrases.expand_phrase`), expanded into a table of the one matcher; each
  phrase's words are split the way transcripts are tokenized (``"e-mail"`` is the three words
  ``e - mail``, as it stands in a tokenized text);
- ``re.Pattern[str]``: a list of regular-expression alternatives, joined into one case-insensitive
  pattern that starts on a word boundary and ends before whitespace (``\\b(?:a|b)\\s+``), for the
  cues a phrase cannot say (a wildcard word: "ship the <anything> to");
- ``float``: a number (a Zipf cut-off); ``int``: a whole number (a window, a limit);
- ``dict[str, str]``: a word -> word map (abbreviations).

>>> from dataclasses import dataclass
>>> from redactkit.lang.tables import load_tables
>>> @dataclass(frozen=True)
... class Titles:
...     titles: frozenset[str]
>>> "dr" in load_tables("en-US", "names", Titles).titles
True
"""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast, get_origin, get_type_hints

from .tokens import tokenize

if TYPE_CHECKING:
    from . import Locale

__all__ = ["load_tables"]

T = TypeVar("T")


def load_tables(locale: Locale | str, resource: str, cls: type[T]) -> T:
    """``cls`` (a frozen dataclass) filled from ``resource`` of ``locale`` (a :class:`Locale` or its
    name); built once per process for each locale, resource and class."""
    name = locale if isinstance(locale, str) else locale.name
    return cast(T, _load(name, resource, cast(Any, cls)))


@cache
def _load(name: str, resource: str, cls: type[Any]) -> Any:
    from . import load_locale

    return _fill(load_locale(name), resource, cls, "")


def _fill(locale: Locale, resource: str, cls: type[Any], section: str) -> Any:
    """``cls`` filled from the tables of ``resource`` under the dotted key ``section`` ("" for the
    resource's top level)."""
    if not is_dataclass(cls):
        raise TypeError(f"{cls!r} is not a dataclass")
    hints = get_type_hints(cls)
    values: dict[str, Any] = {}
    for item in fields(cls):
        key = section + item.metadata.get("key", item.name)
        kind = hints[item.name]
        if isinstance(kind, type) and is_dataclass(kind):
            values[item.name] = _fill(locale, resource, kind, key + ".")
            continue
        where = f"locale {locale.name}: {resource}.{key}"
        values[item.name] = _convert(kind, locale.table(resource, key), where)
    return cls(**values)


def _convert(kind: Any, raw: Any, where: str) -> Any:
    text = str(kind)
    if kind is float:
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            raise ValueError(f"{where} must be a number")
        return float(raw)
    if kind is int:
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise ValueError(f"{where} must be a whole number")
        return raw
    if text == "dict[str, str]":
        pairs = raw.items() if isinstance(raw, dict) else ()
        if not isinstance(raw, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in pairs):
            raise ValueError(f"{where} must map words to words")
        return dict(raw)
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        raise ValueError(f"{where} must be a list of strings (quote yes/no/on/off)")
    if text == "frozenset[str]":
        return frozenset(raw)
    if text == "frozenset[tuple[str, ...]]":
        return frozenset(tuple(phrase.split()) for phrase in raw)
    if text == "tuple[str, ...]":
        return tuple(raw)
    from .phrases import PhraseTable, expand_phrase  # (phrases reads the gazetteers: not at import)

    if get_origin(kind) is PhraseTable:
        try:
            patterns = [phrase for entry in raw for phrase in expand_phrase(entry)]
        except ValueError as exc:
            raise ValueError(f"{where}: {exc}") from None
        if any("*" in phrase for phrase in patterns):
            raise ValueError(f"{where}: a phrase pattern has no wildcard word (*): say it as a phrase")
        phrases = (tuple(token.lower for token in tokenize(" ".join(phrase))) for phrase in patterns)
        return PhraseTable({phrase: phrase for phrase in phrases})
    if text == "re.Pattern[str]":
        try:
            return re.compile(r"\b(?:" + "|".join(raw) + r")\s+", re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"{where}: not a regular expression ({exc})") from None
    raise TypeError(f"{where}: unsupported table type {text}")
