"""Language resources: what redactkit knows about a language, as versioned data files.

Each locale is a directory ``redactkit/lang/<locale>/`` of YAML files (format:
docs/concepts/language-resources.md): ``locale.yaml`` names it, gives its version and the locale it
inherits from; every other file is one resource (``numbers``, ``speech``, ``symbols``, ``names``,
``identifiers``, ...) of named tables: word lists, phrase lists, word -> value maps, cue phrases
per label. A locale that inherits extends its parent: lists are unioned, maps are merged (the
child's entries win), anything else is replaced.

Normalizers and detectors take a ``locale`` parameter and read their tables through
:func:`load_locale`, so a new language or dialect is a new directory, not new code.

>>> from redactkit.lang import load_locale
>>> locale = load_locale("en-US")
>>> locale.lexicon.digits["five"]
5
>>> ("call", "me") in locale.phrases("identifiers", "cues.PHONE_NUMBER.before")  # doctest: +SKIP
True
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from typing import TYPE_CHECKING, Any

from .._yaml import load_shipped
from ._lexicon import Lexicon

if TYPE_CHECKING:
    from .phrases import PhraseTable
from .tokens import Token, lower_words, token_cache, token_index_at, tokenize

__all__ = [
    "Lexicon",
    "Locale",
    "Token",
    "available_locales",
    "get_lexicon",
    "load_locale",
    "lower_words",
    "resources_manifest",
    "token_cache",
    "token_index_at",
    "tokenize",
    "value_interruptions",
]

_META = "locale.yaml"


@dataclass(frozen=True)
class Locale:
    """One locale's resources, merged with those of the locales it inherits from."""

    name: str
    description: str
    #: the locale's own version followed by its parents' (``en-GB@1+en-US@1``)
    version: str
    #: resource name -> {table name -> value}
    resources: Mapping[str, Mapping[str, Any]] = field(repr=False)
    #: sha256 of every file the locale was built from (the run report and resume fingerprint use it)
    digest: str = field(repr=False, default="")

    def table(self, resource: str, key: str) -> Any:
        """A table of a resource; dotted keys reach into nested maps (``cues.PHONE_NUMBER.before``)."""
        value: Any = self.resources.get(resource)
        if value is None:
            raise ValueError(
                f"locale {self.name}: no resource {resource!r} ({', '.join(sorted(self.resources))})"
            )
        for part in key.split("."):
            if not isinstance(value, Mapping) or part not in value:
                raise ValueError(f"locale {self.name}: resource {resource!r} has no table {key!r}")
            value = value[part]
        return value

    def get(self, resource: str, key: str, default: Any = None) -> Any:
        """Like :meth:`table`, with ``default`` for a missing resource or table."""
        try:
            return self.table(resource, key)
        except ValueError:
            return default

    def words(self, resource: str, key: str) -> frozenset[str]:
        """A word list (lowercase words)."""
        value = self.table(resource, key)
        if not isinstance(value, list) or not all(isinstance(word, str) for word in value):
            raise ValueError(
                f"locale {self.name}: {resource}.{key} must be a list of words (quote yes/no/on/off)"
            )
        return frozenset(value)

    def phrases(self, resource: str, key: str) -> frozenset[tuple[str, ...]]:
        """A phrase list, each phrase as a tuple of lowercase words."""
        return frozenset(tuple(phrase.split()) for phrase in self.words(resource, key))

    @cached_property
    def lexicon(self) -> Lexicon:
        """The speech tables of the normalizers (numbers, speech, symbols, names resources), with the
        number words spelled as heard (``number_spellings`` of the misheard resource)."""
        tables = {name: self.resources[name] for name in ("numbers", "speech", "symbols", "names")}
        lexicon = Lexicon.from_tables(tables, f"locale {self.name}")
        spellings = (self.resources.get("misheard") or {}).get("number_spellings")
        return lexicon.with_spellings(spellings, f"locale {self.name}: misheard.yaml number_spellings")


def _locale_root() -> Any:
    return resources.files("redactkit.lang")


def available_locales() -> list[str]:
    """The locales shipped with redactkit."""
    root = _locale_root()
    return sorted(item.name for item in root.iterdir() if item.is_dir() and item.joinpath(_META).is_file())


@cache
def load_locale(name: str) -> Locale:
    """The resources of locale ``name`` (loaded once per process); a ValueError names the choices."""
    if name not in available_locales():
        raise ValueError(f"unknown locale {name!r}; available: {', '.join(available_locales())}")
    directory = _locale_root().joinpath(name)
    digest = hashlib.sha256()
    meta: dict[str, Any] = {}
    own: dict[str, dict[str, Any]] = {}
    for item in sorted(directory.iterdir(), key=lambda entry: entry.name):
        if not item.name.endswith((".yaml", ".txt")):
            continue
        text = item.read_text(encoding="utf-8")
        digest.update(f"{name}/{item.name}\0".encode() + text.encode())
        if item.name.endswith(".txt"):
            own[item.name.removesuffix(".txt")] = _word_list(text, f"redactkit/lang/{name}/{item.name}")
            continue
        data = load_shipped(text) or {}
        if not isinstance(data, dict):
            raise ValueError(f"locale {name}: {item.name} must be a mapping of table names to tables")
        if item.name == _META:
            meta = data
        else:
            own[item.name.removesuffix(".yaml")] = data
    parent_name = meta.get("inherits")
    merged: dict[str, Any] = {}
    version = f"{name}@{meta.get('version', 0)}"
    if parent_name:
        parent = load_locale(str(parent_name))
        merged = {resource: dict(tables) for resource, tables in parent.resources.items()}
        version += f"+{parent.version}"
        digest.update(parent.digest.encode())
    for resource, tables in own.items():
        merged[resource] = _extend(merged.get(resource, {}), tables)
    return Locale(
        name=name,
        description=str(meta.get("description", "")),
        version=version,
        resources=merged,
        digest=digest.hexdigest(),
    )


_VERSION = re.compile(r"^#\s*version:\s*(\d+)\s*$")


def _word_list(text: str, where: str) -> dict[str, Any]:
    """A ``.txt`` word list: ``# version: N`` first, then one entry a line (``#`` starts a comment);
    entries are lowercased and their whitespace collapsed. As a resource: ``{version, words}``."""
    lines = text.splitlines()
    match = _VERSION.match(lines[0]) if lines else None
    if match is None:
        raise ValueError(f"{where} must start with '# version: N'")
    entries = {" ".join(line.split("#", 1)[0].strip().lower().split()) for line in lines[1:]}
    return {"version": int(match.group(1)), "words": sorted(entry for entry in entries if entry)}


def _extend(base: Any, extra: Any) -> Any:
    """A child locale's table on top of its parent's: lists unioned, maps merged, scalars replaced."""
    if isinstance(base, list) and isinstance(extra, list):
        return base + [item for item in extra if item not in base]
    if isinstance(base, Mapping) and isinstance(extra, Mapping):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _extend(base[key], value) if key in base else value
        return merged
    return extra


def resources_manifest(locales: Iterable[str]) -> dict[str, Any]:
    """What the detection knowledge of a run was built from: the shipped gazetteers' sources and
    digest and each locale's version and digest, plus one ``digest`` over all of it (run reports
    record this; a resumed run must see the same)."""
    from ..gazetteers import gazetteer_manifest

    gazetteers = gazetteer_manifest()
    used = {name: load_locale(name) for name in sorted(set(locales))}
    manifest: dict[str, Any] = {
        "gazetteers": {"sources": gazetteers["sources"], "digest": gazetteers["digest"]},
        "locales": {
            name: {"version": locale.version, "digest": locale.digest} for name, locale in used.items()
        },
    }
    canonical = json.dumps(manifest, sort_keys=True)
    manifest["digest"] = hashlib.sha256(canonical.encode()).hexdigest()
    return manifest


def get_lexicon(locale: str) -> Lexicon:
    """The speech tables of ``locale`` (a ValueError names the available locales)."""
    return load_locale(locale).lexicon


@cache
def value_interruptions(locale: str) -> PhraseTable[tuple[str, ...]]:
    """What a speaker says *inside* a value he dictates without it being part of the value: asides
    (``context.asides``: "hold on", "let me check", "bear with me"), hold-on phrases
    (``speech.hold_on``: "one second") and self-corrections (``speech.corrections``: "no sorry"),
    each phrase split like transcripts are ("it's" is the two tokens it 's). Fillers are not in
    it: they are dropped everywhere (``speech.fillers``)."""
    from .phrases import PhraseTable

    resources = load_locale(locale)
    said = [*(resources.get("context", "asides", []) or []), *(resources.get("speech", "hold_on", []) or [])]
    phrases = {tuple(token.lower for token in tokenize(phrase)) for phrase in said}
    return PhraseTable.of(phrases | set(resources.lexicon.corrections))
