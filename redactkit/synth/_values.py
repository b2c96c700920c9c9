"""Value grammars: one function per label (and per kind of PII-free filler), each drawing one value.

A value has a *spoken* rendering, cut into chunks (the places where a caller pauses: between the
groups of a phone number, between local part and domain of an e-mail), and a *written* rendering
(how a cased, punctuated transcript writes it). Interruptions are inserted between chunks later, so a
grammar only decides where a pause is natural. A slot may ask for a variant (``{PERSON:given}``);
unknown variants are an error when the templates load.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass

from stdnum import iban as stdnum_iban
from stdnum import luhn, numdb

from ._lexicon import Lexicon, in_heldout_pool
from ._say import MONTHS, TENS, number_words, ordinal_words, say_digits, say_year, spell

__all__ = ["FILLERS", "GRAMMARS", "VARIANTS", "Draw", "Value"]


@dataclass(frozen=True, slots=True)
class Value:
    chunks: tuple[str, ...]
    written: str
    #: chunks that a self-correction may repeat with one word changed ("four two no sorry four three")
    numeric: bool = False
    #: words said just before the value that are not part of it ("plus", "area code"): outside the span
    lead: str = ""

    @property
    def spoken(self) -> str:
        return " ".join(self.chunks)


@dataclass(frozen=True, slots=True)
class Draw:
    """What a grammar needs: the random stream, the word lists, the split and the slot's variant."""

    rng: random.Random
    lex: Lexicon
    split: str
    variant: str = ""

    def pick(self, key: str) -> str:
        return self.rng.choice(self.lex.list(key))

    def pick_pooled(self, key: str) -> str:
        """A word of this split's pool: real names (well-known organisations) are split like names."""
        return self.rng.choice(self.lex.pool(key).get(self.split))


Grammar = Callable[[Draw], Value]


def _digits(rng: random.Random, count: int, first: str = "0123456789") -> str:
    return rng.choice(first) + "".join(rng.choice("0123456789") for _ in range(count - 1))


def _luhn(partial: str) -> str:
    return partial + luhn.calc_check_digit(partial)


def _group_style(rng: random.Random) -> str | None:
    """One reading style for the whole number (most callers keep one), or None: a style per group."""
    return (
        None
        if rng.random() < 0.3
        else rng.choices(["plain", "oh", "double", "pairs"], weights=[3, 3, 1.5, 1.2])[0]
    )


def _say_groups(groups: list[str], rng: random.Random) -> list[str]:
    style = _group_style(rng)
    return [say_digits(group, rng, style) for group in groups]


# -- people, places, organisations ---------------------------------------------------------------

_SYLLABLES = (
    "zor va kel trin mo ria bex tal un dor phe sim qua lis nax ko ren ya mi dra shu ven lo osh tu".split()
)


def _invented(rng: random.Random, split: str) -> str:
    while True:
        word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3)))
        if in_heldout_pool(word) == (split == "heldout"):
            return word


def _given(draw: Draw) -> str:
    if draw.rng.random() < 0.08:
        return _invented(draw.rng, draw.split)
    return draw.rng.choice(draw.lex.given.get(draw.split))


def _family(draw: Draw) -> str:
    if draw.rng.random() < 0.08:
        return _invented(draw.rng, draw.split)
    return draw.rng.choice(draw.lex.family.get(draw.split))


def person(draw: Draw) -> Value:
    rng = draw.rng
    variant = draw.variant or rng.choices(["full", "given", "family"], weights=[5, 4, 1])[0]
    if variant == "paused":  # a full name with a hesitation inside: "maria uh lopez", "ken um sato"
        given, family = _given(draw), _family(draw)
        filler = draw.pick("fillers")
        written = f"{given.title()} {family.title()}"
        return Value((f"{given} {filler} {family}",), written)
    if variant == "given":
        words = [_given(draw)]
    elif variant == "family":
        words = [_family(draw)]
    else:
        words = [_given(draw), _family(draw)]
        if rng.random() < 0.06:
            words.insert(1, rng.choice("abcdefghjklmnprstw"))  # middle initial
    written = " ".join(word.title() if len(word) > 1 else word.upper() + "." for word in words)
    chunks = [" ".join(words)]
    if variant != "given" and rng.random() < 0.12:  # "okafor o k a f o r"
        chunks.append(spell(words[-1].replace(" ", ""), rng, as_in=0.15))
    return Value(tuple(chunks), written)


def location(draw: Draw) -> Value:
    rng = draw.rng
    lex = draw.lex
    kind = draw.variant or rng.choices(["home", "world", "state", "country"], weights=[6, 3, 2, 1])[0]
    if kind == "abbreviation":  # "the us", "the u k": the template says "the", the span is the name
        spoken, written = rng.choice(lex.words["country_abbreviations"])
        return Value((spoken,), written)
    pool = {"home": lex.home_cities, "world": lex.world_cities, "state": lex.states, "country": lex.countries}
    name = rng.choice(pool.get(kind, lex.home_cities).get(draw.split))
    return Value((name,), name.title())


def _brand_stem(draw: Draw) -> str:
    while True:
        stem = draw.pick("brand_heads") + draw.pick("brand_tails")
        if in_heldout_pool(stem) == (draw.split == "heldout"):
            return stem


def organization(draw: Draw) -> Value:
    rng = draw.rng
    kind = (
        draw.variant
        or rng.choices(
            ["company", "known", "firm", "school", "hospital", "bank"], weights=[5, 2, 1, 2, 2, 1]
        )[0]
    )
    if kind == "known":
        name = draw.pick_pooled("known_orgs")
    elif kind == "firm":  # a partnership of family names: "smith patel and chen llp"
        first, second = _family(draw), _family(draw)
        suffix = rng.choice(["llp", "associates", "partners", "law group", ""])
        name = f"{first} {rng.choice(['and', 'and', ''])} {second} {suffix}"
    elif kind == "school":
        place = rng.choice(draw.lex.home_cities.get(draw.split))
        name = rng.choice(
            [
                f"{place} {draw.pick('school_kinds')}",
                f"{_family(draw)} {draw.pick('school_kinds')}",
                f"university of {rng.choice(draw.lex.states.get(draw.split))}",
                f"saint {draw.pick('saints')} {rng.choice(['school', 'academy', 'college', 'prep'])}",
                f"{rng.choice(draw.lex.states.get(draw.split))} state",
            ]
        )
    elif kind == "hospital":
        place = rng.choice(draw.lex.home_cities.get(draw.split))
        name = rng.choice(
            [
                f"{place} {draw.pick('hospital_kinds')}",
                f"saint {draw.pick('saints')} {draw.pick('hospital_kinds')}",
                f"{draw.pick('org_words_generic')} {draw.pick('hospital_kinds')}",
                f"{_family(draw)} {draw.pick('hospital_kinds')}",
            ]
        )
    elif kind == "bank":
        name = rng.choice(
            [
                f"{_brand_stem(draw)} bank",
                f"first {rng.choice(draw.lex.home_cities.get(draw.split))} "
                f"{rng.choice(['bank', 'credit union', 'savings'])}",
                f"{draw.pick('org_words_generic')} credit union",
                draw.pick_pooled("known_orgs"),
            ]
        )
    else:
        stem = _brand_stem(draw)
        form = rng.random()
        if form < 0.45:
            name = f"{stem} {draw.pick('org_kinds')}"
        elif form < 0.8:
            name = f"{stem} {draw.pick('org_legal')}"
        elif form < 0.9:
            name = f"{stem} {draw.pick('org_kinds')} {draw.pick('org_legal')}"
        else:
            name = stem
    name = " ".join(name.split())
    return Value((name,), " ".join(word.title() for word in name.split()))


# -- numbers -------------------------------------------------------------------------------------


def phone(draw: Draw) -> Value:
    rng = draw.rng
    if draw.variant == "intl" or (not draw.variant and rng.random() < 0.2):
        code, length = rng.choice(draw.lex.words["country_codes"])
        national = _digits(rng, int(length), "123456789")
        groups = (
            [national[:3], national[3:6], national[6:]]
            if len(national) == 10
            else [national[:2], national[2:5], national[5:]]
        )
        chunks = [code, *_say_groups(groups, rng)]
        written = "+" + {"one": "1"}.get(code, _code_digits(code)) + " " + " ".join(groups)
        return Value(tuple(chunks), written, numeric=True, lead="plus")
    area = _digits(rng, 3, "23456789")
    rest = _digits(rng, 7, "23456789")
    groups = [area, rest[:3], rest[3:]]
    said = _say_groups(groups, rng)
    written = f"({area}) {rest[:3]}-{rest[3:]}" if rng.random() < 0.5 else f"{area}-{rest[:3]}-{rest[3:]}"
    form = rng.random()
    lead = ""
    if form < 0.12:  # area code said last: "five five five one two one two area code four one five"
        chunks = [said[1], said[2], f"area code {said[0]}"]
    elif form < 0.25:
        chunks = said
        lead = rng.choice(["area code", "the area code is"])
    elif form < 0.32:  # "one eight hundred" style toll free
        chunks = ["one eight hundred", said[1], said[2]]
        written = f"1-800-{rest[:3]}-{rest[3:]}"
    elif form < 0.38:
        chunks = ["one", *said]
        written = "1-" + written
    else:
        chunks = said
    if rng.random() < 0.12:
        extension = _digits(rng, rng.randint(2, 4))
        chunks.append(f"{draw.pick('extension_words')} {say_digits(extension, rng)}")
        written += f" ext. {extension}"
    return Value(tuple(chunks), written, numeric=True, lead=lead)


def _code_digits(code: str) -> str:
    from ._say import ONES

    return "".join(str(ONES.index(word)) for word in code.split())


def credit_card(draw: Draw) -> Value:
    rng = draw.rng
    brand = rng.choices(["visa", "mastercard", "amex", "discover"], weights=[5, 4, 1.5, 1])[0]
    if brand == "amex":
        number = _luhn("3" + rng.choice("47") + _digits(rng, 12))
        groups = [number[:4], number[4:10], number[10:]]
    else:
        prefix = {"visa": "4", "mastercard": "5" + rng.choice("12345"), "discover": "6011"}[brand]
        number = _luhn(prefix + _digits(rng, 15 - len(prefix)))
        groups = [number[i : i + 4] for i in range(0, 16, 4)]
    return Value(tuple(_say_groups(groups, rng)), " ".join(groups), numeric=True)


def card_meta(draw: Draw) -> Value:
    rng = draw.rng
    kind = draw.variant or rng.choice(["expiry", "cvv"])
    if kind == "cvv":
        code = _digits(rng, rng.choice([3, 3, 3, 4]))
        return Value((say_digits(code, rng, rng.choice(["plain", "oh", "pairs"])),), code, numeric=True)
    month = rng.randint(1, 12)
    year = rng.randint(26, 33)
    form = rng.random()
    chunks: tuple[str, ...]
    if form < 0.35:
        said = (
            f"{'oh' if rng.random() < 0.7 else 'zero'} {number_words(month)}"
            if month < 10
            else number_words(month)
        )
        chunks = (said, number_words(year))
    elif form < 0.65:
        chunks = (
            MONTHS[month - 1],
            f"twenty {number_words(year)}" if rng.random() < 0.6 else number_words(year),
        )
    elif form < 0.85:
        chunks = (f"{number_words(month)} slash {number_words(year)}",)
    else:
        chunks = (f"{MONTHS[month - 1]} of {number_words(2000 + year)}",)
    return Value(chunks, f"{month:02d}/{year}", numeric=True)


def ssn(draw: Draw) -> Value:
    rng = draw.rng
    number = f"{rng.randint(100, 665):03d}{rng.randint(10, 99)}{rng.randint(1000, 9999)}"
    groups = [number[:3], number[3:5], number[5:]]
    said = _say_groups(groups, rng)
    if rng.random() < 0.15:
        said = [said[0], f"dash {said[1]}", f"dash {said[2]}"]
    return Value(tuple(said), f"{number[:3]}-{number[3:5]}-{number[5:]}", numeric=True)


_LETTERS = "abcdefghjkmnprstuvwxyz"


def _alnum_id(draw: Draw, *, letters: int, digits: int) -> Value:
    rng = draw.rng
    prefix = "".join(rng.choice(_LETTERS) for _ in range(letters))
    number = _digits(rng, digits, "123456789")
    chunks: list[str] = []
    if prefix:
        chunks.append(spell(prefix, rng, as_in=0.25))
    if digits > 5:
        cut = rng.randint(3, digits - 3)
        chunks += _say_groups([number[:cut], number[cut:]], rng)
    else:
        chunks.append(say_digits(number, rng))
    if prefix and rng.random() < 0.2:
        chunks.insert(1, "dash")
        chunks[:2] = [" ".join(chunks[:2])]
    return Value(tuple(chunks), (prefix.upper() + ("-" if prefix else "") + number), numeric=True)


def account(draw: Draw) -> Value:
    rng = draw.rng
    letters = rng.choices([0, 1, 2, 3], weights=[6, 1, 2, 1])[0]
    return _alnum_id(draw, letters=letters, digits=rng.choice([6, 7, 8, 9, 10, 12]))


def pin(draw: Draw) -> Value:
    rng = draw.rng
    code = _digits(rng, rng.choice([4, 4, 4, 5, 6]))
    return Value((say_digits(code, rng, rng.choice(["plain", "oh", "pairs", "double"])),), code, numeric=True)


def zip_code(draw: Draw) -> Value:
    rng = draw.rng
    code = _digits(rng, 5, "0123456789")
    if rng.random() < 0.12:
        plus4 = _digits(rng, 4)
        return Value(
            (say_digits(code, rng), f"{rng.choice(['dash', 'dash', 'hyphen'])} {say_digits(plus4, rng)}"),
            f"{code}-{plus4}",
            numeric=True,
        )
    return Value((say_digits(code, rng),), code, numeric=True)


def driver_license(draw: Draw) -> Value:
    rng = draw.rng
    return _alnum_id(draw, letters=rng.choice([1, 1, 2]), digits=rng.choice([7, 8, 9]))


def passport(draw: Draw) -> Value:
    rng = draw.rng
    if rng.random() < 0.6:
        number = _digits(rng, 9, "123456789")
        return Value(tuple(_say_groups([number[:3], number[3:6], number[6:]], rng)), number, numeric=True)
    return _alnum_id(draw, letters=rng.choice([1, 2]), digits=rng.choice([7, 8]))


#: the countries whose IBANs the generator says, and the layout of each one's account part after the
#: check digits (python-stdnum's IBAN registry: "4!a6!n8!n" for GB, four letters then 14 digits)
_IBAN_COUNTRIES = ("gb", "de", "fr", "ie", "nl", "es")
_IBAN_PART = re.compile(r"(\d+)!([anc])")


def _iban_layout(country: str) -> tuple[int, int]:
    """How many bank letters open a country's IBAN account part and how many digits follow (a part
    of letters or digits, "c", is said as digits): GB is (4, 14), DE (0, 18), FR (0, 23)."""
    parts = _IBAN_PART.findall(numdb.get("iban").info(country.upper())[0][1]["bban"])
    letters = 0
    while letters < len(parts) and parts[letters][1] == "a":
        letters += 1
    if any(kind == "a" for _, kind in parts[letters:]):
        raise ValueError(f"IBAN country {country!r}: letters after digits are not generated")
    return sum(int(count) for count, _ in parts[:letters]), sum(int(count) for count, _ in parts[letters:])


def iban(draw: Draw) -> Value:
    """An IBAN of the country's own length (GB and DE 22 characters, FR 27, NL 18, ES 24), as a
    detector that checks the length expects it."""
    rng = draw.rng
    country = rng.choice(_IBAN_COUNTRIES)
    _digits(rng, 2)  # the check digits are the checksum below; the draw keeps the random stream
    letters, digits = _iban_layout(country)
    bank = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(letters))
    body = _digits(rng, digits)
    check = stdnum_iban.calc_check_digits((country + "00" + bank + body).upper())
    chunks = [f"{spell(country, rng, as_in=0.1)} {say_digits(check, rng)}"]
    if bank:
        chunks.append(spell(bank, rng, as_in=0.2))
    chunks += _say_groups([body[i : i + 4] for i in range(0, len(body), 4)], rng)
    written = (country + check + bank.upper() + body).upper()
    written = " ".join(written[i : i + 4] for i in range(0, len(written), 4))
    return Value(tuple(chunks), written, numeric=True)


def ip_address(draw: Draw) -> Value:
    rng = draw.rng
    octets = [rng.choice([10, 172, 192, rng.randint(11, 223)])] + [rng.randint(0, 255) for _ in range(3)]
    if octets[0] == 192:
        octets[1] = 168
    style = rng.choice(["digits", "words", "mixed"])
    said = []
    for octet in octets:
        if style == "words" or (style == "mixed" and rng.random() < 0.5):
            said.append(number_words(octet))
        else:
            said.append(say_digits(str(octet), rng, rng.choice(["plain", "oh"])))
    chunks = [f"{said[0]} dot {said[1]}", f"dot {said[2]} dot {said[3]}"]
    return Value(tuple(chunks), ".".join(map(str, octets)), numeric=True)


# -- dates and ages --------------------------------------------------------------------------------


def date_of_birth(draw: Draw) -> Value:
    rng = draw.rng
    year = rng.randint(1931, 2022)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    written = (
        f"{month:02d}/{day:02d}/{year}"
        if rng.random() < 0.5
        else f"{MONTHS[month - 1].title()} {day}, {year}"
    )
    form = rng.choices(["month_ord", "ord_of", "month_num", "numeric", "slashes"], weights=[4, 2, 2, 2, 1])[0]
    said_year = say_year(year, rng)
    chunks: tuple[str, ...]
    if form == "month_ord":
        chunks = (f"{MONTHS[month - 1]} {ordinal_words(day)}", said_year)
    elif form == "ord_of":
        chunks = (f"{ordinal_words(day)} of {MONTHS[month - 1]}", said_year)
        if rng.random() < 0.5:
            return Value(chunks, written, numeric=True, lead="the")
    elif form == "month_num":
        chunks = (f"{MONTHS[month - 1]} {number_words(day)}", said_year)
    elif form == "numeric":  # "oh three fifteen eighty five"
        month_said = f"oh {number_words(month)}" if month < 10 and rng.random() < 0.6 else number_words(month)
        chunks = (month_said, number_words(day), said_year)
    else:
        chunks = (f"{number_words(month)} slash {number_words(day)} slash {said_year}",)
    return Value(chunks, written, numeric=True)


def age(draw: Draw) -> Value:
    rng = draw.rng
    if draw.variant == "child":
        years = rng.randint(1, 16)
    elif draw.variant == "adult":
        years = rng.randint(18, 99)
    else:
        years = rng.choices(
            [rng.randint(1, 12), rng.randint(13, 25), rng.randint(26, 99)], weights=[3, 2, 4]
        )[0]
    said = number_words(years)
    written = str(years)
    if rng.random() < 0.08 and years < 12:
        said += " and a half"
        written += "½"
    return Value((said,), written)


# -- e-mail, web, accounts --------------------------------------------------------------------------

_SYMBOL_WRITTEN = {"dot": ".", "underscore": "_", "dash": "-", "hyphen": "-"}


def _local_part(draw: Draw) -> tuple[list[str], str]:
    """Spoken chunks and written form of an e-mail local part."""
    rng = draw.rng
    first, last = _given(draw).replace(" ", ""), _family(draw).replace(" ", "")
    form = rng.choices(
        ["dot", "joined", "underscore", "dash", "initial", "digits", "spelled", "as_in"],
        weights=[4, 3, 2, 1, 2, 2, 2, 1],
    )[0]
    if form in ("dot", "underscore", "dash"):
        word = {"dot": "dot", "underscore": "underscore", "dash": rng.choice(["dash", "hyphen"])}[form]
        return [f"{first} {word} {last}"], f"{first}{_SYMBOL_WRITTEN[word]}{last}"
    if form == "joined":
        return [f"{first} {last}", draw.pick("dictation_inside")], first + last
    if form == "initial":
        notes = [draw.pick("dictation_inside")] if rng.random() < 0.5 else []
        return [f"{first[0]} {last}", *notes], first[0] + last
    if form == "digits":
        digits = _digits(rng, rng.choice([2, 2, 3, 4]))
        return [first, say_digits(digits, rng)], first + digits
    if form == "spelled":
        return [spell(first, rng)], first
    return [f"{first} {spell(last, rng, as_in=0.5)}"], first + last


def email(draw: Draw) -> Value:
    rng = draw.rng
    chunks, written_local = _local_part(draw)
    if rng.random() < 0.7:
        domain = draw.pick("mail_providers")
    else:
        domain = _brand_stem(draw)
    tld = rng.choice(["com", "com", "com", "net", "org", "co dot uk", "edu", "io"])
    at = "at" if rng.random() < 0.9 else "at sign"
    chunks.append(f"{at} {domain} dot {tld}")
    return Value(tuple(chunks), f"{written_local}@{domain.replace(' ', '')}.{tld.replace(' dot ', '.')}")


def url(draw: Draw) -> Value:
    rng = draw.rng
    name = _brand_stem(draw) if rng.random() < 0.6 else f"{draw.pick('url_words')} {_family(draw)}"
    joined = name.replace(" ", "")
    spoken_name = name if " " not in name or rng.random() < 0.5 else f"{name} all one word"
    if " " in name and rng.random() < 0.3:
        spoken_name = name.replace(" ", " dash ")
        joined = name.replace(" ", "-")
    tld = draw.pick("tlds")
    chunks: list[str] = []
    prefix = rng.choices(["", "www", "https", "http"], weights=[4, 3, 2, 1])[0]
    written = ""
    if prefix == "www":
        chunks.append(rng.choice(["w w w dot", "double u double u double u dot", "www dot"]))
        written = "www."
    elif prefix:
        chunks.append(
            f"{spell(prefix, rng)} colon slash slash" + (" w w w dot" if rng.random() < 0.4 else "")
        )
        written = f"{prefix}://" + ("www." if chunks[-1].endswith("w w w dot") else "")
    chunks.append(f"{spoken_name} dot {tld}")
    written += f"{joined}.{tld.replace(' dot ', '.')}"
    if rng.random() < 0.3:
        path = draw.pick("url_paths")
        chunks.append(f"slash {path}")
        written += "/" + path.replace(" ", "-")
    return Value(tuple(chunks), written)


def username(draw: Draw) -> Value:
    rng = draw.rng
    form = rng.choices(["initial", "handle", "name_digits", "spelled", "at"], weights=[3, 3, 3, 1, 1])[0]
    first, last = _given(draw).replace(" ", ""), _family(draw).replace(" ", "")
    digits = _digits(rng, rng.choice([2, 2, 3, 4]))
    if form == "initial":
        return Value((f"{first[0]} {last}", say_digits(digits, rng)), f"{first[0]}{last}{digits}")
    if form == "handle":
        word = draw.pick("handle_words")
        sep = rng.choice(["underscore", "dot", ""])
        core = f"{word} {sep} {first}".replace("  ", " ")
        return Value((core, say_digits(digits, rng)), f"{word}{_SYMBOL_WRITTEN.get(sep, '')}{first}{digits}")
    if form == "name_digits":
        return Value((f"{first} {last}", say_digits(digits, rng)), f"{first}{last}{digits}")
    if form == "spelled":
        return Value((spell(last[:6], rng), say_digits(digits[:2], rng)), f"{last[:6]}{digits[:2]}")
    word = draw.pick("handle_words")
    return Value((f"at {word} underscore {first}",), f"@{word}_{first}")


def password(draw: Draw) -> Value:
    rng = draw.rng
    symbols: dict[str, list[str]] = draw.lex.words["symbols"]
    word = draw.pick("password_words")
    digits = _digits(rng, rng.choice([2, 2, 3, 4]))
    symbol = rng.choice(["!", "#", "@", "$", "*", "&"])
    form = rng.choices(["word_digits_symbol", "capital", "two_words", "spelled"], weights=[4, 3, 2, 1])[0]
    if form == "word_digits_symbol":
        return Value((word, say_digits(digits, rng), rng.choice(symbols[symbol])), f"{word}{digits}{symbol}")
    if form == "capital":
        said = rng.choice(
            [
                f"capital {word[0]} {spell(word[1:], rng)}",
                f"{word} with a capital {word[0]}",
                f"capital {word}",
            ]
        )
        return Value((said, say_digits(digits, rng)), f"{word.title()}{digits}")
    if form == "two_words":
        other = draw.pick("password_words")
        return Value((f"{word} {other}", say_digits(digits, rng)), f"{word}{other}{digits}")
    mixed = word[:4] + digits[:2]
    return Value((spell(mixed, rng, as_in=0.2),), mixed)


# -- addresses --------------------------------------------------------------------------------------


def _house_number(rng: random.Random) -> tuple[str, str]:
    number = str(
        rng.choices([rng.randint(1, 99), rng.randint(100, 999), rng.randint(1000, 19999)], weights=[2, 4, 4])[
            0
        ]
    )
    style = rng.choice(["words", "digits", "pairs"])
    if style == "words" and int(number) < 1000:
        return number_words(int(number)), number
    if style == "pairs":
        return say_digits(number, rng, "pairs"), number
    return say_digits(number, rng, rng.choice(["plain", "oh"])), number


def address(draw: Draw) -> Value:
    rng = draw.rng
    said_number, number = _house_number(rng)
    street = draw.pick("street_names")
    if rng.random() < 0.15:
        street = ordinal_words(rng.randint(1, 20))
    if rng.random() < 0.12:
        street = f"{draw.pick('street_prefixes')} {street}"
    kind = draw.pick("street_types")
    chunks = [said_number, f"{street} {kind}"]
    written = f"{number} {street.title()} {kind.title()}"
    if rng.random() < 0.25:
        unit_word = draw.pick("unit_words")
        unit = str(rng.randint(1, 40)) + (rng.choice("abcd") if rng.random() < 0.4 else "")
        chunks.append(
            f"{unit_word} {say_digits(''.join(c for c in unit if c.isdigit()), rng)}"
            + (f" {unit[-1]}" if unit[-1].isalpha() else "")
        )
        written += f", {unit_word.title()} {unit.upper()}"
    if draw.variant == "full" or (not draw.variant and rng.random() < 0.3):
        city = rng.choice(draw.lex.home_cities.get(draw.split))
        chunks.append(city)
        written += f", {city.title()}"
        if rng.random() < 0.6:
            code = _digits(rng, 5)
            chunks.append(f"{draw.pick('us_states_spoken')} {say_digits(code, rng)}")
            written += f" {code}"
    return Value(tuple(chunks), written)


# -- PII-free fillers (hard negatives and the carriers' own numbers) --------------------------------


def _time(draw: Draw) -> Value:
    rng = draw.rng
    hour = rng.randint(1, 12)
    minute = rng.choice([0, 15, 30, 45, 5, 10, 20, 40, 50])
    said = number_words(hour) + (
        rng.choice([" o'clock", ""])
        if minute == 0
        else f" {number_words(minute) if minute >= 10 else 'oh ' + number_words(minute)}"
    )
    if rng.random() < 0.4:
        said += rng.choice([" a m", " p m", " in the morning", " tonight"])
    return Value((said,), f"{hour}:{minute:02d}")


def _duration(draw: Draw) -> Value:
    rng = draw.rng
    count = rng.choice([2, 3, 5, 10, 15, 20, 25, 30, 45, 90])
    unit = rng.choice(["minutes", "seconds", "hours"])
    return Value((f"{number_words(count)} {unit}",), f"{count} {unit}")


def _count(draw: Draw) -> Value:
    value = draw.rng.randint(2, 30)
    return Value((number_words(value),), str(value))


def _price(draw: Draw) -> Value:
    rng = draw.rng
    dollars = rng.choice([rng.randint(1, 99), rng.randint(100, 2000)])
    cents = rng.choice([0, 99, 50, 95, 25])
    said = rng.choice(
        [
            f"{number_words(dollars)} dollars" + (f" and {number_words(cents)} cents" if cents else ""),
            f"{number_words(dollars)} {number_words(cents) if cents else 'dollars'}",
            f"{number_words(dollars)} bucks",
        ]
    )
    return Value((said,), f"${dollars}.{cents:02d}")


def _flight(draw: Draw) -> Value:
    rng = draw.rng
    number = str(rng.randint(10, 2999))
    carrier = draw.pick("airlines") if rng.random() < 0.6 else draw.pick("airline_codes")
    return Value(
        (f"{carrier} {say_digits(number, rng, rng.choice(['plain', 'pairs', 'hundreds']))}",),
        f"{carrier.title()} {number}",
    )


def _score(draw: Draw) -> Value:
    rng = draw.rng
    a, b = rng.randint(0, 140), rng.randint(0, 140)
    said = (
        f"{number_words(a)} to {number_words(b)}"
        if b
        else f"{number_words(a)} {rng.choice(['nothing', 'to nil', 'to zero'])}"
    )
    return Value((said,), f"{a}-{b}")


def _room(draw: Draw) -> Value:
    rng = draw.rng
    number = str(rng.randint(101, 1520))
    return Value((say_digits(number, rng, rng.choice(["plain", "pairs", "hundreds"])),), number)


_MEASURES = ("pounds", "cups", "ounces", "grams", "packs", "bags", "dozen")


def _quantity(draw: Draw) -> Value:
    rng = draw.rng
    count = rng.randint(2, 12)
    return Value(
        (f"{number_words(count)} {rng.choice(_MEASURES)} of {draw.pick('foods')}",),
        f"{count} of",
    )


def _temperature(draw: Draw) -> Value:
    value = draw.rng.randint(55, 85)
    return Value((number_words(value),), str(value))


def _percent(draw: Draw) -> Value:
    value = draw.rng.choice([10, 20, 25, 30, 40, 50, 60, 75, 80, 100])
    return Value((f"{number_words(value)} percent",), f"{value}%")


def _date(draw: Draw) -> Value:
    rng = draw.rng
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    said = rng.choice(
        [
            f"{MONTHS[month - 1]} {ordinal_words(day)}",
            f"the {ordinal_words(day)}",
            f"next {draw.pick('weekdays')}",
        ]
    )
    return Value((said,), said.title())


def _year(draw: Draw) -> Value:
    year = draw.rng.randint(1960, 2026)
    return Value((say_year(year, draw.rng),), str(year))


def _long_number(draw: Draw) -> Value:
    """Big amounts that are no identifier: "five thousand steps", "twelve hundred calories"."""
    rng = draw.rng
    value = rng.choice([rng.randint(2, 99) * 100, rng.randint(1000, 30000)])
    said = (
        number_words(value) if rng.random() < 0.7 or value % 100 else f"{number_words(value // 100)} hundred"
    )
    return Value((said,), f"{value:,}")


def _version(draw: Draw) -> Value:
    rng = draw.rng
    major, minor = rng.randint(1, 17), rng.randint(0, 9)
    return Value((f"{number_words(major)} point {number_words(minor)}",), f"{major}.{minor}")


def _channel(draw: Draw) -> Value:
    number = str(draw.rng.randint(2, 999))
    return Value((say_digits(number, draw.rng, draw.rng.choice(["plain", "pairs", "hundreds"])),), number)


def _page(draw: Draw) -> Value:
    number = draw.rng.randint(3, 640)
    return Value(
        (number_words(number) if draw.rng.random() < 0.5 else say_digits(str(number), draw.rng),), str(number)
    )


def _route(draw: Draw) -> Value:
    number = draw.rng.choice([1, 9, 17, 35, 66, 80, 95, 101, 280, 405, 495])
    return Value(
        (say_digits(str(number), draw.rng, draw.rng.choice(["plain", "pairs", "hundreds"])),), str(number)
    )


def _decade(draw: Draw) -> Value:
    decade = draw.rng.choice([50, 60, 70, 80, 90])
    said = (
        f"{TENS[decade // 10][:-1]}ies"
        if draw.rng.random() < 0.6
        else f"nineteen {TENS[decade // 10][:-1]}ies"
    )
    return Value((said,), f"{decade}s")


def _dimensions(draw: Draw) -> Value:
    a, b = draw.rng.choice([(2, 4), (4, 4), (2, 6), (1, 2), (4, 8), (2, 10)])
    return Value((f"{number_words(a)} by {number_words(b)}",), f"{a}x{b}")


def _lottery(draw: Draw) -> Value:
    """Winning numbers: a long run of numbers that identifies nobody."""
    numbers = sorted(draw.rng.sample(range(1, 60), 6))
    return Value((" ".join(number_words(n) for n in numbers),), " ".join(map(str, numbers)))


def _big_operand(draw: Draw) -> Value:
    number = str(draw.rng.randint(100, 9999))
    style = draw.rng.choice(["plain", "pairs", "hundreds", "words"])
    said = number_words(int(number)) if style == "words" else say_digits(number, draw.rng, style)
    return Value((said,), number)


def _seat(draw: Draw) -> Value:
    row = draw.rng.randint(1, 45)
    letter = draw.rng.choice("abcdef")
    return Value((f"{number_words(row)} {letter}",), f"{row}{letter.upper()}")


def _gate(draw: Draw) -> Value:
    letter = draw.rng.choice("abcde")
    number = draw.rng.randint(1, 60)
    return Value((f"{letter} {number_words(number)}",), f"{letter.upper()}{number}")


def _stock_price(draw: Draw) -> Value:
    dollars, cents = draw.rng.randint(12, 900), draw.rng.randint(1, 99)
    return Value((f"{number_words(dollars)} {number_words(cents)}",), f"{dollars}.{cents:02d}")


def _height(draw: Draw) -> Value:
    feet, inches = draw.rng.randint(4, 6), draw.rng.randint(0, 11)
    said = f"{number_words(feet)} foot {number_words(inches)}" if inches else f"{number_words(feet)} feet"
    return Value((said,), f"{feet}'{inches}\"")


def _month(draw: Draw) -> Value:
    month = draw.rng.choice(MONTHS)
    return Value((month,), month.title())


def _pick_value(key: str, *, title: bool = False) -> Grammar:
    def grammar(draw: Draw) -> Value:
        word = draw.pick(key)
        return Value((word,), word.title() if title else word)

    return grammar


#: label -> grammar; the labels of the gold spans
GRAMMARS: dict[str, Grammar] = {
    "PERSON": person,
    "LOCATION": location,
    "ORGANIZATION": organization,
    "ADDRESS": address,
    "ZIP_CODE": zip_code,
    "PHONE_NUMBER": phone,
    "EMAIL_ADDRESS": email,
    "URL": url,
    "IP_ADDRESS": ip_address,
    "US_SSN": ssn,
    "CREDIT_CARD": credit_card,
    "CREDIT_CARD_META": card_meta,
    "IBAN_CODE": iban,
    "ACCOUNT_NUMBER": account,
    "PIN": pin,
    "PASSWORD": password,
    "USERNAME": username,
    "DATE_OF_BIRTH": date_of_birth,
    "AGE": age,
    "US_DRIVER_LICENSE": driver_license,
    "US_PASSPORT": passport,
}

#: Variants a slot may ask for, per label (``{PERSON:given}``).
VARIANTS: dict[str, frozenset[str]] = {
    "PERSON": frozenset({"full", "given", "family", "paused"}),
    "LOCATION": frozenset({"home", "world", "state", "country", "abbreviation"}),
    "ORGANIZATION": frozenset({"company", "known", "firm", "school", "hospital", "bank"}),
    "PHONE_NUMBER": frozenset({"intl"}),
    "CREDIT_CARD_META": frozenset({"expiry", "cvv"}),
    "ADDRESS": frozenset({"full"}),
    "AGE": frozenset({"child", "adult"}),
}

#: lowercase slot name -> grammar; values without a gold span (the carriers' own numbers, hard negatives)
FILLERS: dict[str, Grammar] = {
    "time": _time,
    "duration": _duration,
    "count": _count,
    "price": _price,
    "flight": _flight,
    "score": _score,
    "room": _room,
    "quantity": _quantity,
    "temperature": _temperature,
    "percent": _percent,
    "date": _date,
    "year": _year,
    "big_number": _long_number,
    "version": _version,
    "model": _pick_value("models"),
    "brand": _pick_value("brands_as_nouns"),
    "title": _pick_value("media_titles", title=True),
    "acronym": _pick_value("acronyms"),
    "genre": _pick_value("genres"),
    "topic": _pick_value("news_topics"),
    "wake": _pick_value("wake_words", title=True),
    "color": _pick_value("colors"),
    "team": _pick_value("teams", title=True),
    "weekday": _pick_value("weekdays", title=True),
    "month": _month,
    "channel": _channel,
    "page": _page,
    "route": _route,
    "decade": _decade,
    "dimensions": _dimensions,
    "lottery": _lottery,
    "operand": _big_operand,
    "seat": _seat,
    "gate": _gate,
    "stock_price": _stock_price,
    "height": _height,
    "relation": _pick_value("relations"),
    "kid": _pick_value("kid_relations"),
    "grownup": _pick_value("adult_relations"),
    "unit": _pick_value("units"),
    "food": _pick_value("foods"),
    "role": _pick_value("formal_roles"),
    "department": _pick_value("departments"),
}
