"""Spelled-out words: "j o h n" -> "john", "s as in sam" -> "s", "capital j" -> "J", "double l" -> "ll".

Callers spell names, e-mail local parts, postcodes and licence plates letter by letter, and ASR writes
the letters in several ways: "j o h n", "j. o. h. n.", "J-O-H-N", or as letter names "jay oh aitch
en" ("double u" is W). A run of spelled units (single letters, letter names, "X as in W" / "X for W"
where W starts with X, "capital X", "double X", and digit words after the first letter: "k seven x
two") becomes one word, which detectors can then see; the run is annotated ``spelled`` (with its
letter and digit counts) so that the ``spelled`` detector can redact it.

A run needs two letters at least, one of them other than "a" and "i", unless it uses an explicit
spelling form ("m for mary", "capital j"): "i want a pizza" stays as it is. Forms that ordinary text
uses too need more: a dotted run ("j. o. h. n.") needs three letters or digits ("U.S." stays), and a run with
letter names needs two strong units (a written letter other than "a"/"i" or a name that is rarely a
word, like "aitch" or "jay"), so "see you" stays. Letter names come from the locale's
``spelling.yaml`` (redactkit/lang/).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Annotated, NamedTuple

from pydantic import Field

from ..core import AlignedText, AlignmentBuilder
from ..lang import get_lexicon, load_locale
from ..lang.phrases import PhraseTable
from ..lang.tokens import Token, lower_words, tokenize
from .base import Normalizer, normalizers

__all__ = ["LetterNames", "SpelledLetterNormalizer", "load_letter_names"]

_SINGLE_LETTER = re.compile(r"(?<![\w'])[^\W\d_](?![\w'])")
_SEPARATORS = frozenset({",", "-"})
#: calls of a draw in a row that make a run of letters and numbers a list of calls, no spelled code
_DRAW_CALLS = 2


class LetterNames(NamedTuple):
    """A locale's letter names: word -> letter, split by how often the word is just a word."""

    strong: dict[str, str]
    weak: dict[str, str]
    phrases: dict[tuple[str, ...], str]


def load_letter_names(locale: str) -> LetterNames:
    """The letter names of ``locale`` (``redactkit/lang/<locale>/spelling.yaml``)."""
    data = load_locale(locale).resources.get("spelling", {})
    table = data.get("letter_names", {})
    phrases_table = data.get("letter_phrases", {})

    def flatten(section: dict[str, list[str]]) -> dict[str, str]:
        return {str(word).lower(): letter for letter, words in section.items() for word in words}

    phrases = {
        tuple(str(word).lower() for word in phrase): letter
        for letter, forms in phrases_table.items()
        for phrase in forms
    }
    return LetterNames(flatten(table.get("strong", {})), flatten(table.get("weak", {})), phrases)


class _Unit(NamedTuple):
    first: int  # token index
    stop: int
    text: str
    kind: str  # "letter" (written), "explicit", "name" (strong letter name), "weak" (weak name), "digit"


@normalizers.register("spelled_letters")
class SpelledLetterNormalizer(Normalizer):
    """Join letter-by-letter spellings into words, keeping an exact alignment."""

    def __init__(
        self,
        locale: str = "en-US",
        min_letters: Annotated[int, Field(ge=2)] = 2,
        letter_names: bool = True,
    ) -> None:
        #: word tables to use
        self.locale = locale
        #: letters a plain run (no explicit spelling form) needs to be joined
        self.min_letters = min_letters
        #: read letter names ("jay oh aitch en", "double u") as letters
        self.letter_names = letter_names
        if min_letters < 2:
            raise ValueError("min_letters must be at least 2")
        self._lexicon = get_lexicon(locale)
        lex = self._lexicon
        names = load_letter_names(locale) if letter_names else LetterNames({}, {}, {})
        self._strong = names.strong
        self._weak = names.weak
        self._phrases = PhraseTable(
            {phrase: letter for phrase, letter in names.phrases.items() if len(phrase) > 1}
        )
        self._capital_forms = PhraseTable.of(lex.letter_capital)
        self._as_in_forms = PhraseTable.of(lex.letter_as_in)
        self._explicit_words = frozenset(
            {word for form in lex.letter_capital | lex.letter_as_in for word in form}
            | set(lex.repeats)
            | {phrase[0] for phrase in names.phrases}
        )
        self._strong_words = frozenset(self._strong)
        #: every word but a single letter or a number in digits that :meth:`_read_unit` may read as a
        #: unit: a run starts at no other (ASCII) word
        self._unit_starts = frozenset(
            {phrase[0] for phrase in self._capital_forms.phrases}
            | {phrase[0] for phrase in self._phrases.phrases}
            | set(lex.repeats)
            | set(lex.zero_aliases)
            | set(self._strong)
            | set(self._weak)
            | set(lex.digits)
        )
        self._scales = lex.hundred | lex.thousand
        #: the columns of a draw called by letter and number (bingo: "b" 1-15, ..., "o" 61-75)
        self._columns = {
            str(letter).lower(): (int(bounds[0]), int(bounds[1]))
            for letter, bounds in (load_locale(locale).get("identifiers", "draw_columns", {}) or {}).items()
        }
        #: the locale's acronym list: a run cut short of a word the recognizer split ("hbo a count")
        self._acronyms = frozenset(load_locale(locale).words("acronyms", "words"))
        #: listed acronyms that hold a digit ("q3", "h1", "mp3"): a run made of two or more is a list
        self._coded_acronyms = frozenset(
            word
            for word in load_locale(locale).words("acronyms", "words")
            if any(char.isdigit() for char in word) and any(char.isalpha() for char in word)
        )
        #: characters in the longest of them (a longer run of units is none)
        self._longest_coded = max(map(len, self._coded_acronyms), default=0)

    def normalize_batch(self, texts: Sequence[str]) -> list[AlignedText]:
        return [self._normalize_one(text) for text in texts]

    def _normalize_one(self, text: str) -> AlignedText:
        words = lower_words(text)
        # cheap pre-check: a run needs a single letter other than "a" and "i", a strong letter name
        # or an explicit form
        strong_names = self._strong_words & words
        if (
            not strong_names
            and not any(len(word) == 1 and word not in "ai" for word in words)
            and self._explicit_words.isdisjoint(words)
        ):
            return AlignedText.identity(text)
        single = len(_SINGLE_LETTER.findall(text))
        if single + len(strong_names) <= 1 and self._explicit_words.isdisjoint(words):
            return AlignedText.identity(text)
        tokens = tokenize(text)
        builder: AlignmentBuilder | None = None
        starts = self._unit_starts
        i = 0
        while i < len(tokens):
            word = tokens[i].lower
            if (
                word not in starts
                and word.isascii()
                and not word.isdigit()
                and not (len(word) == 1 and word.isalpha())
            ):
                i += 1  # most words: no unit starts here, so no run does (see _read_unit)
                continue
            units, dotted = self._read_run(tokens, i)
            calls_end = self._draw_calls_end(tokens, units[0].first) if units and self._columns else None
            if calls_end is not None and calls_end >= units[-1].stop:
                # "b seven i twenty two n thirty four": bingo calls, each letter with its own number,
                # no spelled code "b7i" (``identifiers.draw_columns``)
                i = calls_end
                continue
            # "q two q three": listed codes said one after the other are a list, each read on its own
            parts = self._listed_codes(units)
            if parts is not None:
                for part in parts:
                    if self._accept(part, dotted):
                        builder = builder or AlignmentBuilder(text)
                        self._rewrite(builder, text, tokens, part, dotted)
                i = units[-1].stop
            elif units and self._accept(units, dotted):
                builder = builder or AlignmentBuilder(text)
                self._rewrite(builder, text, tokens, units, dotted)
                i = units[-1].stop
            else:
                i += 1
        return AlignedText.identity(text) if builder is None else builder.build()

    def _read_run(self, tokens: Sequence[Token], start: int) -> tuple[list[_Unit], bool]:
        units: list[_Unit] = []
        dotted = False
        i = start
        while i < len(tokens):
            unit = self._read_unit(tokens, i, units[-1] if units else None)
            if unit is None:
                break
            units.append(unit)
            i = unit.stop
            # "j, o, h, n", "j-o-h-n" and "j. o. h. n.": a separator between two units belongs to the
            # spelling ("U.S." is an abbreviation, not a spelling: a dot needs a space after it)
            if i + 1 < len(tokens):
                separator = tokens[i].lower
                spaced_dot = separator == "." and tokens[i + 1].start > tokens[i].end
                if (separator in _SEPARATORS or spaced_dot) and self._read_unit(tokens, i + 1, unit):
                    dotted = dotted or spaced_dot
                    i += 1
        # weak letter names at the edges of a run of written letters are words ("j o h n you know")
        if any(unit.kind == "letter" for unit in units):
            while units and units[-1].kind == "weak":
                units.pop()
            while units and units[0].kind == "weak":
                units.pop(0)
        # "the h b o a count is fine": a listed acronym's run, then an "a" that makes a more frequent
        # dictionary word with the word after it: that word cut in two ("account"), no spelled letter
        if (
            len(units) >= 2
            and units[-1].kind == "letter"
            and units[-1].text == "a"
            and self._split_word(units, tokens, units[-1].stop)
        ):
            units.pop()
        leading = 0
        while leading < len(units) and units[leading].kind == "digit":
            leading += 1
        letters = sum(1 for unit in units if unit.kind != "digit")
        digits = len(units) - letters
        # A run starts on a letter, unless it is a long mixed code ("four f eight a c nine …", a hex
        # address or a licence number, a booking reference "seven c w two t p p q" with a digit among
        # its letters or "nine c f e a q y x" with five letters or more): then leading digits belong
        # to it.
        if leading and not (letters >= 3 and (digits >= 3 or digits > leading or letters >= 5)):
            units = units[leading:]
        return units, dotted

    def _draw_calls_end(self, tokens: Sequence[Token], start: int) -> int | None:
        """Where two or more draw calls said one after the other from token ``start`` end ("b seven i
        twenty two n thirty four": each a column's letter and a number in its range, the number said
        as digits, a digit word, a teen or a tens word with its digit), or None for fewer."""
        lex = self._lexicon
        calls = 0
        i = start
        while i + 1 < len(tokens):
            bounds = self._columns.get(tokens[i].lower)
            if bounds is None or tokens[i].end - tokens[i].start != 1:
                break
            word = tokens[i + 1].lower
            stop = i + 2
            if word.isdigit():
                value = int(word)
            elif word in lex.teens:
                value = lex.teens[word]
            elif word in lex.tens:
                value = lex.tens[word]
                if stop < len(tokens) and lex.digits.get(tokens[stop].lower, 0):
                    value += lex.digits[tokens[stop].lower]
                    stop += 1
            elif word in lex.digits:
                value = lex.digits[word]
            else:
                break
            if not bounds[0] <= value <= bounds[1]:
                break
            calls += 1
            i = stop
        return i if calls >= _DRAW_CALLS else None

    def _split_word(self, units: list[_Unit], tokens: Sequence[Token], stop: int) -> bool:
        """The run before its last "a" is a listed acronym and the word at ``stop`` makes a dictionary
        word with that "a" (its first consonant doubled or not) said more often than the word alone:
        "h b o a count" is "hbo account" ("a range" stays: "arrange" is rarer than "range")."""
        from ..gazetteers import is_everyday_word, zipf_frequency

        word = tokens[stop].lower if stop < len(tokens) else ""
        if len(word) < 2 or not word.isalpha():
            return False
        if "".join(unit.text for unit in units[:-1]).lower() not in self._acronyms:
            return False
        joined = ["a" + word] + (["a" + word[0] + word] if word[0] not in "aeiou" else [])
        return any(
            is_everyday_word(candidate) and zipf_frequency(candidate) >= zipf_frequency(word)
            for candidate in joined
        )

    def _read_unit(self, tokens: Sequence[Token], i: int, previous: _Unit | None) -> _Unit | None:
        lex = self._lexicon
        word = tokens[i].lower
        raw = tokens[i]
        for length in self._capital_forms.lengths_starting_at(tokens, i):  # "capital j", "upper case j"
            if i + length < len(tokens):
                letter = tokens[i + length].lower
                if len(letter) == 1 and letter.isalpha():
                    return _Unit(i, i + length + 1, letter.upper(), "explicit")
        phrase = self._phrases.starting_at(tokens, i)  # "double u" is W
        if phrase is not None:
            return _Unit(i, i + phrase[0], phrase[1], "explicit")
        if word in lex.repeats and i + 1 < len(tokens):
            letter = tokens[i + 1].lower
            if len(letter) == 1 and letter.isalpha() and letter != "o":
                return _Unit(i, i + 2, letter * lex.repeats[word], "explicit")
            letter = self._strong.get(letter, "")
            if letter:  # "double ess"
                return _Unit(i, i + 2, letter * lex.repeats[word], "explicit")
            return None
        if len(word) == 1 and word.isalpha() and raw.end - raw.start == 1:
            for length in self._as_in_forms.lengths_starting_at(tokens, i + 1):  # "s as in sam", "m for mary"
                if i + 1 + length < len(tokens):
                    at = i + 1 + length
                    example = tokens[at].lower
                    stop = at + 1
                    if (
                        stop + 1 < len(tokens)
                        and tokens[stop].lower == "-"
                        and tokens[stop].start == tokens[at].end
                        and tokens[stop + 1].start == tokens[stop].end
                        and tokens[stop + 1].lower.isalpha()
                    ):
                        example += tokens[stop + 1].lower  # "x-ray"
                        stop += 2
                    if len(example) > 1 and example.isalpha() and example[0] == word:
                        return _Unit(i, stop, word, "explicit")
            return _Unit(i, i + 1, word, "letter")
        if word in lex.zero_aliases and (
            (previous is not None and previous.kind == "digit") or self._digit_at(tokens, i + 1)
        ):
            return _Unit(i, i + 1, "0", "digit")  # "a b one oh two": "oh" between digits is zero
        if word in self._strong:
            return _Unit(i, i + 1, self._strong[word], "name")
        if word in self._weak:
            return _Unit(i, i + 1, self._weak[word], "weak")
        if word in lex.digits:
            if i + 1 < len(tokens) and tokens[i + 1].lower in self._scales:
                return None  # "x k m five hundred": the digit word begins a number said whole
            return _Unit(i, i + 1, str(lex.digits[word]), "digit")
        if word.isdigit():
            return _Unit(i, i + 1, word, "digit")
        return None

    def _listed_codes(self, units: list[_Unit]) -> list[list[_Unit]] | None:
        """The run cut into two or more codes of the locale's acronym list that hold a digit ("q two q
        three", "h one h two": two periods, not one spelled code "q2q3"), or None when it is no such list."""
        if len(units) < 4 or not any(unit.kind == "digit" for unit in units):
            return None
        # cut[j]: where the last code of a cutting of units[:j] starts (None: units[:j] cannot be cut)
        cut: list[int | None] = [0] + [None] * len(units)
        longest = self._longest_coded
        for j in range(2, len(units) + 1):
            for k in range(j - 2, -1, -1):
                code = "".join(unit.text for unit in units[k:j]).lower()
                if len(code) > longest:
                    break  # (a code only grows to the left: no listed code is this long)
                if (k == 0 or cut[k] is not None) and code in self._coded_acronyms:
                    cut[j] = k
                    break
        if cut[len(units)] is None:
            return None
        parts: list[list[_Unit]] = []
        j = len(units)
        while j > 0:
            begin = cut[j]
            assert begin is not None
            parts.insert(0, units[begin:j])
            j = begin
        return parts if len(parts) >= 2 else None

    def _digit_at(self, tokens: Sequence[Token], i: int) -> bool:
        return i < len(tokens) and (tokens[i].lower in self._lexicon.digits or tokens[i].lower.isdigit())

    def _accept(self, units: list[_Unit], dotted: bool) -> bool:
        letters = [unit for unit in units if unit.kind != "digit"]
        letter_count = sum(len(unit.text) for unit in letters)
        if dotted and letter_count + len(units) - len(letters) < 3:
            return False
        if any(unit.kind == "explicit" for unit in units):
            return len(units) >= 1
        if len(letters) < self.min_letters:
            return False
        if any(unit.kind in ("name", "weak") for unit in letters):
            strong = sum(1 for unit in letters if unit.kind == "name" or unit.text not in {"a", "i"})
            strong -= sum(1 for unit in letters if unit.kind == "weak")
            digits = len(units) - len(letters)
            return strong >= 2 and (letter_count >= 3 or digits >= 1)
        return any(unit.text not in {"a", "i"} for unit in letters)

    def _rewrite(
        self,
        builder: AlignmentBuilder,
        text: str,
        tokens: Sequence[Token],
        units: list[_Unit],
        dotted: bool,
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
        stop = units[-1].stop
        if dotted and stop < len(tokens) and tokens[stop].lower == "." and tokens[stop].start == last:
            last = tokens[stop].end  # "j. o. h. n.": the last dot belongs to the spelling (kept in text)
        joined = "".join(u.text for u in units)
        builder.annotate(
            first,
            last,
            "spelled",
            text=joined,
            units=len(units),
            tokens=units[-1].stop - units[0].first,
            letters=sum(1 for char in joined if char.isalpha()),
            digits=sum(1 for char in joined if char.isdigit()),
        )
