"""Spelled-out words: "j o h n" -> "john", "s as in sam" -> "s", "capital j" -> "J", "double l" -> "ll".

Callers spell names, e-mail local parts, postcodes and licence plates letter by letter. A run of
spelled units (single letters, "X as in W" / "X for W" where W starts with X, "capital X", "double X",
and digit words after the first letter: "k seven x two") becomes one word, which detectors can then see.
A run needs two letters at least, one of them other than "a" and "i", unless it uses an explicit
spelling form ("m for mary", "capital j"): "i want a pizza" stays as it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Annotated, NamedTuple

from pydantic import Field

from ..core import AlignedText, AlignmentBuilder
from ..lang import get_lexicon
from ..lang.tokens import Token, lower_words, tokenize
from .base import Normalizer, normalizers

__all__ = ["SpelledLetterNormalizer"]

_SINGLE_LETTER = re.compile(r"(?<![\w'])[^\W\d_](?![\w'])")
_SEPARATORS = frozenset({",", "-"})


class _Unit(NamedTuple):
    first: int  # token index
    stop: int
    text: str
    kind: str  # "letter", "explicit", "digit"


@normalizers.register("spelled_letters")
class SpelledLetterNormalizer(Normalizer):
    """Join letter-by-letter spellings into words, keeping an exact alignment."""

    def __init__(self, locale: str = "en-US", min_letters: Annotated[int, Field(ge=2)] = 2) -> None:
        #: word tables to use
        self.locale = locale
        #: letters a plain run (no explicit spelling form) needs to be joined
        self.min_letters = min_letters
        if min_letters < 2:
            raise ValueError("min_letters must be at least 2")
        self._lexicon = get_lexicon(locale)
        lex = self._lexicon
        self._explicit_words = frozenset(
            {word for form in lex.letter_capital | lex.letter_as_in for word in form} | set(lex.repeats)
        )
        self._max_form = max(len(form) for form in self._lexicon.letter_as_in | self._lexicon.letter_capital)

    def normalize_batch(self, texts: Sequence[str]) -> list[AlignedText]:
        return [self._normalize_one(text) for text in texts]

    def _normalize_one(self, text: str) -> AlignedText:
        words = lower_words(text)
        # cheap pre-check: a run needs a single letter other than "a" and "i" (or an explicit form)
        if not any(len(word) == 1 and word not in "ai" for word in words):
            return AlignedText.identity(text)
        single = len(_SINGLE_LETTER.findall(text))
        if single == 1 and self._explicit_words.isdisjoint(words):
            return AlignedText.identity(text)
        tokens = tokenize(text)
        builder: AlignmentBuilder | None = None
        i = 0
        while i < len(tokens):
            units = self._read_run(tokens, i)
            if units and self._accept(units):
                if builder is None:
                    builder = AlignmentBuilder(text)
                self._rewrite(builder, text, tokens, units)
                i = units[-1].stop
            else:
                i += 1
        return AlignedText.identity(text) if builder is None else builder.build()

    def _read_run(self, tokens: Sequence[Token], start: int) -> list[_Unit]:
        units: list[_Unit] = []
        i = start
        while i < len(tokens):
            unit = self._read_unit(tokens, i)
            if unit is None:
                break
            units.append(unit)
            i = unit.stop
            # "j, o, h, n" and "j-o-h-n": a separator between two units belongs to the spelling
            # (not "." : "U.S." is an abbreviation, not a spelling)
            if i + 1 < len(tokens) and tokens[i].lower in _SEPARATORS and self._read_unit(tokens, i + 1):
                i += 1
        leading = 0
        while leading < len(units) and units[leading].kind == "digit":
            leading += 1
        letters = sum(1 for unit in units if unit.kind != "digit")
        digits = len(units) - letters
        # A run starts on a letter, unless it is a long mixed code ("four f eight a c nine …", a hex
        # address or a licence number): then leading digits belong to it.
        if leading and not (letters >= 3 and digits >= 3):
            units = units[leading:]
        return units

    def _read_unit(self, tokens: Sequence[Token], i: int) -> _Unit | None:
        lex = self._lexicon
        word = tokens[i].lower
        raw = tokens[i]
        for length in range(self._max_form, 0, -1):  # "capital j", "upper case j"
            form = tuple(token.lower for token in tokens[i : i + length])
            if form in lex.letter_capital and i + length < len(tokens):
                letter = tokens[i + length].lower
                if len(letter) == 1 and letter.isalpha():
                    return _Unit(i, i + length + 1, letter.upper(), "explicit")
        if word in lex.repeats and i + 1 < len(tokens):
            letter = tokens[i + 1].lower
            if len(letter) == 1 and letter.isalpha() and letter != "o":
                return _Unit(i, i + 2, letter * lex.repeats[word], "explicit")
            return None
        if len(word) == 1 and word.isalpha() and raw.end - raw.start == 1:
            for length in range(self._max_form, 0, -1):  # "s as in sam", "m for mary"
                form = tuple(token.lower for token in tokens[i + 1 : i + 1 + length])
                if form in lex.letter_as_in and i + 1 + length < len(tokens):
                    example = tokens[i + 1 + length].lower
                    if len(example) > 1 and example.isalpha() and example[0] == word:
                        return _Unit(i, i + 2 + length, word, "explicit")
            return _Unit(i, i + 1, word, "letter")
        if word in lex.digits:
            return _Unit(i, i + 1, str(lex.digits[word]), "digit")
        if word.isdigit():
            return _Unit(i, i + 1, word, "digit")
        return None

    def _accept(self, units: list[_Unit]) -> bool:
        letters = [unit for unit in units if unit.kind != "digit"]
        if any(unit.kind == "explicit" for unit in units):
            return len(units) >= 1
        if len(letters) < self.min_letters:
            return False
        return any(unit.text not in {"a", "i"} for unit in letters)

    def _rewrite(
        self, builder: AlignmentBuilder, text: str, tokens: Sequence[Token], units: list[_Unit]
    ) -> None:
        previous_end: int | None = None
        for unit in units:
            start, end = tokens[unit.first].start, tokens[unit.stop - 1].end
            if previous_end is not None:
                builder.delete(previous_end, start, rule="spelled_letters:join")
            if text[start:end] == unit.text:
                builder.keep(end)
            else:
                builder.replace(start, end, unit.text, rule=f"spelled_letters:{unit.kind}")
            previous_end = end
        first, last = tokens[units[0].first].start, tokens[units[-1].stop - 1].end
        builder.annotate(
            first,
            last,
            "spelled",
            text="".join(u.text for u in units),
            units=len(units),
            tokens=units[-1].stop - units[0].first,
        )
