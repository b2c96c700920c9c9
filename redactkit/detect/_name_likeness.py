"""Whether a word no name list has reads as a person's name or as a thing, from static word vectors.

Beside the speaker ("it's me and X tonight") a name and a thing fit the same slot, and word frequency
does not tell them apart: a drink ("kombucha"), a dish or an app is as rare in English text as a short
name of many an origin that the shipped name lists miss. The static vectors of the spaCy pipeline the
``ner`` detector runs do: words used like given names sit near each other, and apart from dictionary
words. The likeness of a word is its cosine to the centroid of the listed given names that are no
dictionary word, minus its cosine to the centroid of the dictionary words that are no name, both taken
in the frequency band where the question is asked (Zipf 2 to 4.5). Above 0 a word reads as a name;
below, as a word of the dictionary's kind ("kombucha", "tacos", "vodka": below; "oksana", "okoye",
"bilal": above). A word without a vector has no likeness (``None``): callers treat it as unknown.

A centroid is one direction for all names and one for all words, and a small cluster of things can sit
on the names' side of the line: dishes and drinks named like people ("kimchi", "sriracha", "chardonnay")
score above 0. The neighbours of a word tell those apart: its name share is the share of names among the
listed words whose vectors are nearest its own (its ``neighbours`` nearest vector rows that a listed word
uses, each weighed by its cosine and by the names and dictionary words that use that row). A name's
neighbours are names ("oksana": "valeria", "simona"); a dish's are dishes ("guacamole", "cornbread"),
however close the centroid of the names may be. The md vectors are pruned to 20,000 rows and every other
word shares the row of its nearest kept vector, so a rare word's own row already counts its closest
listed words.

Both centroids and the rows' names and words come from the shipped gazetteers, so the signal is data
(the lists and the model's weights), not a list of words; they are computed once per process when first
needed.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from ..gazetteers import common_words, family_names, given_names, zipf_frequency
from .spacy_models import load_spacy_model

__all__ = ["NameLikeness", "name_likeness"]

#: the frequency band (Zipf) of the words both centroids are taken from
_BAND = (2.0, 4.5)


class NameLikeness:
    """Cosine to the name centroid minus cosine to the dictionary-word centroid, and the share of names
    among a word's nearest listed words (see module docs)."""

    def __init__(
        self, model: str, lists: tuple[frozenset[str], frozenset[str], frozenset[str]] | None = None
    ) -> None:
        """``lists``: the given names, family names and dictionary words the centroids are taken from
        (by default the shipped gazetteers; the gazetteer build passes the lists it builds them from)."""
        vocab = load_spacy_model(model).vocab
        self._strings = vocab.strings
        self._vectors = vocab.vectors
        low, high = _BAND
        given, family, common = (
            lists if lists is not None else (given_names(), family_names(), common_words())
        )
        names = sorted(w for w in given if w not in common and low <= zipf_frequency(w) < high)
        words = sorted(
            w for w in common if w not in given and w not in family and low <= zipf_frequency(w) < high
        )
        self._names = self._centroid(names)
        self._words = self._centroid(words)
        # the vector rows the listed words use, with how many names and dictionary words use each
        name_uses: dict[int, int] = {}
        word_uses: dict[int, int] = {}
        for listed, uses in ((names, name_uses), (words, word_uses)):
            for word in listed:
                row = self._row(word)
                if row is not None:
                    uses[row] = uses.get(row, 0) + 1
        rows = sorted(set(name_uses) | set(word_uses))
        self._anchor_units = np.asarray([self._row_unit(row) for row in rows], dtype=np.float32).reshape(
            len(rows), self._vectors.shape[1]
        )
        self._anchor_shares = np.asarray(
            [name_uses.get(row, 0) / (name_uses.get(row, 0) + word_uses.get(row, 0)) for row in rows],
            dtype=np.float32,
        )
        #: the name share of each vector row asked about, by row and number of neighbours (a product
        #: with every anchor row: the costly part, and many rare words share a row)
        self._shares: dict[tuple[int, int], float | None] = {}

    def _row(self, word: str) -> int | None:
        if word not in self._strings:
            return None
        row = self._vectors.key2row.get(self._strings[word])
        return None if row is None else int(row)

    def _row_unit(self, row: int) -> np.ndarray:
        vector = np.asarray(self._vectors.data[row], dtype=np.float32)
        norm = float(np.linalg.norm(vector))
        return vector / norm if norm else vector

    def _unit(self, word: str) -> np.ndarray | None:
        row = self._row(word)
        if row is None:
            return None
        unit = self._row_unit(row)
        return unit if unit.any() else None

    def _centroid(self, words: list[str]) -> np.ndarray:
        units = [unit for unit in map(self._unit, words) if unit is not None]
        if not units:
            return np.zeros(self._vectors.shape[1], dtype=np.float32)
        mean: np.ndarray = np.asarray(np.mean(units, axis=0), dtype=np.float32)
        norm = float(np.linalg.norm(mean))
        return mean / norm if norm else mean

    def __call__(self, word: str) -> float | None:
        """The likeness of a lowercase word, or ``None`` when the vectors do not know it."""
        unit = self._unit(word)
        if unit is None:
            return None
        return float(unit @ self._names) - float(unit @ self._words)

    def name_share(self, word: str, neighbours: int) -> float | None:
        """The share of names among the listed words nearest ``word`` (0 to 1; see module docs), or
        ``None`` when the vectors do not know it."""
        row = self._row(word)
        if row is None:
            return None
        key = (row, neighbours)
        if key not in self._shares:
            self._shares[key] = self._row_share(row, neighbours)
        return self._shares[key]

    def _row_share(self, row: int, neighbours: int) -> float | None:
        """:meth:`name_share` of the words that use vector row ``row``."""
        unit = self._row_unit(row)
        if not unit.any() or not len(self._anchor_shares):
            return None
        cosines = self._anchor_units @ unit
        count = min(neighbours, len(cosines))
        nearest = np.argpartition(-cosines, count - 1)[:count]
        weights = np.maximum(cosines[nearest], 0.0)
        total = float(weights.sum())
        return float(self._anchor_shares[nearest] @ weights) / total if total else None


@cache
def name_likeness(model: str) -> NameLikeness:
    """The likeness of ``model``'s vectors, built once per process (the pipeline itself is loaded
    once and shared with the ``ner`` detector)."""
    return NameLikeness(model)
