"""The typed view of a locale's speech tables (numbers, symbols, fillers, name words).

The tables themselves are data: ``redactkit/lang/<locale>/{numbers,speech,symbols,names}.yaml``.
:meth:`Lexicon.from_tables` checks their types, so a malformed file fails when the locale loads.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from functools import cached_property
from typing import Any

__all__ = ["Lexicon", "NumberNames"]


@dataclass(frozen=True)
class NumberNames:
    """How a locale says the numbers 0-99 and the ordinals (see :attr:`Lexicon.number_names`)."""

    #: 0..9
    ones: tuple[str, ...]
    #: 10..19
    teens: tuple[str, ...]
    #: index 2..9: twenty .. ninety (0 and 1 are empty)
    tens: tuple[str, ...]
    #: ordinal value -> word (0, 1..19 and the tens)
    ordinals: dict[int, str]

    def say(self, value: int, *, and_: bool = False) -> str:
        """0..999,999 in words: ``say(105)`` is "one hundred five" ("one hundred and five" with
        ``and_``)."""
        if value < 10:
            return self.ones[value]
        if value < 20:
            return self.teens[value - 10]
        if value < 100:
            return self.tens[value // 10] + ("" if value % 10 == 0 else " " + self.ones[value % 10])
        if value < 1000:
            hundreds, rest = divmod(value, 100)
            head = self.ones[hundreds] + " hundred"
            return head if rest == 0 else f"{head} {'and ' if and_ else ''}{self.say(rest, and_=and_)}"
        thousands, rest = divmod(value, 1000)
        head = self.say(thousands, and_=and_) + " thousand"
        return (
            head
            if rest == 0
            else f"{head} {'and ' if and_ and rest < 100 else ''}{self.say(rest, and_=and_)}"
        )


@dataclass(frozen=True)
class Lexicon:
    """Everything locale-specific about reading spoken forms."""

    #: spoken digit words -> digit (only "zero"/"nought" and the word forms of 1-9 count alone)
    digits: dict[str, int]
    #: words that mean 0 only next to other digits ("oh", "o")
    zero_aliases: frozenset[str]
    #: ten .. nineteen
    teens: dict[str, int]
    #: twenty .. ninety
    tens: dict[str, int]
    #: multipliers
    hundred: frozenset[str]
    thousand: frozenset[str]
    #: "double" -> 2, "triple" -> 3
    repeats: dict[str, int]
    #: conjunction allowed inside grouped numbers ("three hundred and twelve")
    number_and: frozenset[str]
    #: ordinal words -> (value, suffix)
    ordinals: dict[str, int]
    #: spoken symbols -> written symbol
    symbols: dict[str, str]
    #: multi-word spoken symbols (token tuples) -> written symbol
    symbol_phrases: dict[tuple[str, ...], str]
    #: phrases that mean "join the previous words" in dictated addresses
    join_phrases: frozenset[tuple[str, ...]]
    #: filler words dropped everywhere
    fillers: frozenset[str]
    #: self-correction phrases dropped inside values
    corrections: frozenset[tuple[str, ...]]
    #: "s as in sam", "m for mary"
    letter_as_in: frozenset[tuple[str, ...]]
    #: "capital j", "upper case j"
    letter_capital: frozenset[tuple[str, ...]]
    #: function words that never start or join a dictated address part
    stopwords: frozenset[str]
    #: words after which a name usually follows in assistant commands and calls
    name_cues: frozenset[tuple[str, ...]]
    #: words never capitalised by the truecaser even after a cue (relations, pronouns)
    not_names: frozenset[str]
    #: month names (ordinals after them are dates: "march third")
    months: frozenset[str]
    #: common top-level domains accepted in spoken web addresses
    tlds: frozenset[str] = field(default_factory=frozenset)
    #: every country-code top-level domain (accepted after "@" in spoken e-mail addresses)
    country_tlds: frozenset[str] = field(default_factory=frozenset)
    #: number words spelled as heard ("siteen", "twenny": :meth:`with_spellings`), in the number tables
    #: with the words they stand for; code that looks for words *near* a number word leaves them out
    spelled_as_heard: frozenset[str] = field(default_factory=frozenset, metadata={"derived": True})

    @cached_property
    def non_name_words(self) -> frozenset[str]:
        """Words that are never part of a name: stopwords, months, fillers and every number word.
        Shared by the detectors that grow names over lowercase words (names, organisations)."""
        return frozenset(
            self.stopwords
            | self.months
            | self.fillers
            | set(self.digits)
            | set(self.teens)
            | set(self.tens)
            | set(self.ordinals)
            | self.hundred
            | self.thousand
        )

    @cached_property
    def number_names(self) -> NumberNames:
        """The canonical word of each number (the first listed: "zero" not "nought", "forty" not
        "fourty"), for code that *says* numbers: surrogates, generators, audio timings."""

        def first(table: dict[str, int]) -> dict[int, str]:
            names: dict[int, str] = {}
            for word, value in table.items():
                names.setdefault(value, word)
            return names

        digits, teens, tens = first(self.digits), first(self.teens), first(self.tens)
        return NumberNames(
            ones=tuple(digits[value] for value in range(10)),
            teens=tuple(teens[value] for value in range(10, 20)),
            tens=("", "", *(tens[value] for value in range(20, 100, 10))),
            ordinals=first(self.ordinals),
        )

    def with_spellings(self, spellings: Any, where: str) -> Lexicon:
        """This lexicon with number words spelled the way a recognizer heard them (``{"sixteen":
        ["siteen"], "twenty": ["twenny"]}``): each form reads as the number word it stands for, in
        every table that has that word, after the word itself (so :attr:`number_names` still says
        "sixteen"). A word no number table has, or a form that already is a word of one, is an error."""
        if not spellings:
            return self
        if not isinstance(spellings, dict) or not all(
            isinstance(word, str) and isinstance(forms, list) and all(isinstance(f, str) for f in forms)
            for word, forms in spellings.items()
        ):
            raise ValueError(f"{where} must map number words to lists of forms, e.g. 'sixteen: [siteen]'")
        tables: dict[str, dict[str, int]] = {
            "digits": dict(self.digits),
            "teens": dict(self.teens),
            "tens": dict(self.tens),
            "ordinals": dict(self.ordinals),
        }
        scales = {"hundred": set(self.hundred), "thousand": set(self.thousand)}
        known = {word for table in tables.values() for word in table} | self.hundred | self.thousand
        added: set[str] = set()
        for word, forms in spellings.items():
            homes = [table for table in tables.values() if word in table]
            homes_of_scale = [scale for scale in scales.values() if word in scale]
            if not homes and not homes_of_scale:
                raise ValueError(f"{where}: {word!r} is no number word of numbers.yaml (e.g. 'sixteen')")
            for form in forms:
                if form in known:
                    raise ValueError(f"{where}: {form!r} (under {word!r}) already is a number word")
                for table in homes:
                    table[form] = table[word]
                for scale in homes_of_scale:
                    scale.add(form)
                added.add(form)
        return replace(
            self,
            digits=tables["digits"],
            teens=tables["teens"],
            tens=tables["tens"],
            ordinals=tables["ordinals"],
            hundred=frozenset(scales["hundred"]),
            thousand=frozenset(scales["thousand"]),
            spelled_as_heard=self.spelled_as_heard | added,
        )

    @classmethod
    def from_tables(cls, tables: Mapping[str, Mapping[str, Any]], where: str) -> Lexicon:
        """Build the lexicon from a locale's resource files (``{file: {key: value}}``)."""
        merged: dict[str, Any] = {}
        for content in tables.values():
            merged.update(content)
        values: dict[str, Any] = {}
        for item in fields(cls):
            if item.metadata.get("derived"):
                continue
            if item.name not in merged:
                raise ValueError(f"{where}: no table {item.name!r} in any resource file")
            raw = merged[item.name]
            values[item.name] = _CONVERTERS[str(item.type)](raw, f"{where}: {item.name}")
        return cls(**values)


def _words(raw: Any, where: str) -> frozenset[str]:
    if not isinstance(raw, list) or not all(isinstance(word, str) for word in raw):
        raise ValueError(f"{where} must be a list of words (quote yes/no/on/off)")
    return frozenset(raw)


def _phrases(raw: Any, where: str) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(phrase.split()) for phrase in _words(raw, where))


def _number_map(raw: Any, where: str) -> dict[str, int]:
    if not isinstance(raw, dict) or not all(isinstance(k, str) and type(v) is int for k, v in raw.items()):
        raise ValueError(f"{where} must map words to whole numbers")
    return dict(raw)


def _symbol_map(raw: Any, where: str) -> dict[str, str]:
    if not isinstance(raw, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in raw.items()
    ):
        raise ValueError(f"{where} must map words to symbols")
    return dict(raw)


def _phrase_symbol_map(raw: Any, where: str) -> dict[tuple[str, ...], str]:
    return {tuple(phrase.split()): symbol for phrase, symbol in _symbol_map(raw, where).items()}


_CONVERTERS: dict[str, Callable[[Any, str], Any]] = {
    "frozenset[str]": _words,
    "frozenset[tuple[str, ...]]": _phrases,
    "dict[str, int]": _number_map,
    "dict[str, str]": _symbol_map,
    "dict[tuple[str, ...], str]": _phrase_symbol_map,
}
