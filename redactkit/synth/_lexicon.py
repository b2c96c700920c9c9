"""The generator's word lists: words.yaml, names.tsv and places.tsv, loaded once per process.

Names, places and invented organisation stems are split into a *train* and a *held-out* pool by a
stable hash of the word (CRC-32, one in five held out), so a model trained on the train families
never saw the held-out families' names either.
"""

from __future__ import annotations

import functools
import zlib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from .._yaml import load_shipped

__all__ = ["Lexicon", "in_heldout_pool", "lexicon"]

#: One word in HELDOUT_MODULUS goes to the held-out pool.
HELDOUT_MODULUS = 5
#: Countries whose cities callers of an English-speaking service mostly name.
_HOME_COUNTRIES = frozenset({"US", "GB", "CA", "AU", "IE", "NZ"})


def in_heldout_pool(word: str) -> bool:
    return zlib.crc32(word.encode("utf-8")) % HELDOUT_MODULUS == 0


@dataclass(frozen=True)
class Pool:
    """A word list split by :func:`in_heldout_pool`."""

    train: tuple[str, ...]
    heldout: tuple[str, ...]

    @classmethod
    def of(cls, words: list[str] | tuple[str, ...]) -> Pool:
        unique = sorted(set(words))
        return cls(
            tuple(word for word in unique if not in_heldout_pool(word)),
            tuple(word for word in unique if in_heldout_pool(word)),
        )

    def get(self, split: str) -> tuple[str, ...]:
        words = self.heldout if split == "heldout" else self.train
        return words or self.train or self.heldout


@dataclass(frozen=True)
class Lexicon:
    words: dict[str, Any]
    given: Pool
    family: Pool
    home_cities: Pool
    world_cities: Pool
    states: Pool
    countries: Pool
    _pools: dict[str, Pool] = field(default_factory=dict)

    def pool(self, key: str) -> Pool:
        """A words.yaml list split between train and held-out like the names."""
        pool = self._pools.get(key)
        if pool is None:
            pool = self._pools[key] = Pool.of(self.list(key))
        return pool

    def list(self, key: str) -> list[str]:
        value = self.words[key]
        if not isinstance(value, list):
            raise TypeError(f"words.yaml: {key!r} is not a list")
        return value


def _tsv(name: str) -> list[list[str]]:
    text = resources.files("redactkit.synth").joinpath("data", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@functools.cache
def lexicon() -> Lexicon:
    source = resources.files("redactkit.synth").joinpath("data", "words.yaml").read_text(encoding="utf-8")
    words = load_shipped(source)
    for key, value in words.items():
        items = value if isinstance(value, list) else list(value.values()) if isinstance(value, dict) else []
        for item in items:
            for word in item if isinstance(item, list) else [item]:
                if not isinstance(word, str):  # YAML reads a bare true, no or on as a boolean
                    raise ValueError(f"words.yaml: {key!r} has {word!r}, not a string; quote it")
    given: list[str] = []
    family: list[str] = []
    for kind, name, _origin in _tsv("names.tsv"):
        (given if kind == "given" else family).append(name)
    home: list[str] = []
    world: list[str] = []
    states: list[str] = []
    countries: list[str] = []
    for kind, name, country in _tsv("places.tsv"):
        if kind == "city":
            (home if country in _HOME_COUNTRIES else world).append(name)
        elif kind == "state":
            states.append(name)
        else:
            countries.append(name)
    return Lexicon(
        words,
        Pool.of(given),
        Pool.of(family),
        Pool.of(home),
        Pool.of(world),
        Pool.of(states),
        Pool.of(countries),
    )
