"""Spoken numbers to digits: "five five five oh one nine" -> "555019", "nineteen eighty five" -> "1985".

Phone, card and account numbers reach ASR transcripts as words; the detectors' patterns want digits.
A *run* of number words is read chunk by chunk and the chunks are concatenated, the way people dictate
identifiers: digit words ("five", "oh", "nought"), "double"/"triple" repeats, teens and tens ("forty
two", "four fifteen"), hundreds and thousands ("three hundred and twelve", "eleven hundred", "two
thousand and five"), ordinals ("twenty first" -> "21st") and digits already present ("555 one two").

Every run gets an :class:`~redactkit.core.Annotation` of kind ``"number"`` recording what detectors
need to tell an identifier from a quantity: the digits, how many spoken tokens produced them, and the
reading style (``digits`` one by one, ``grouped`` as one number, ``mixed``, ``time``, ``ordinal``).
A lone number word ("five minutes", "track two") is left as it is, and so is text that is already
written form (digits, "555-0100"): formatted transcripts pass through unchanged.

Recognizers mishear digits as their homophones ("two zero six one two for three to nine"). Inside a
dictated value a homophone of a digit word counts as that digit: in a digit-dense region (next to a
spoken digit, with at least three spoken digits among the three words on either side), in a run of
digit words and homophones with three digit words said right, or in the run right after a value cue
("my pin is for three to one"); "to" and "for" only between two digits, or first after a cue. The
homophones and the thresholds are language data (``number_homophones`` of
``redactkit/lang/<locale>/misheard.yaml``). "set a timer for five minutes" keeps its words. Number
words spelled as heard ("siteen", "twenny", "hunderd") are in the locale's number tables
(``number_spellings`` of the same file) and read like the words themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Annotated, NamedTuple

from pydantic import Field

from ..core import AlignedText, AlignmentBuilder
from ..lang import get_lexicon, load_locale
from ..lang.phrases import PhraseTable
from ..lang.tables import load_tables
from ..lang.tokens import Token, lower_words, tokenize
from .base import Normalizer, normalizers

__all__ = ["SpokenNumberNormalizer"]


class _Chunk(NamedTuple):
    first: int  # token index
    stop: int  # token index after the chunk
    digits: str
    words: int  # spoken number words in the chunk
    kind: str  # "digit", "repeat", "group", "written", "ordinal"


@dataclass(frozen=True)
class _ClockWords:
    """Words around "six thirty" that make it a clock time (``clock_words`` of numbers.yaml)."""

    before: frozenset[str] = field(metadata={"key": "clock_words.before"})
    after: frozenset[str] = field(metadata={"key": "clock_words.after"})
    then: frozenset[str] = field(metadata={"key": "clock_words.then"})
    oh_before: frozenset[str] = field(metadata={"key": "clock_words.oh_before"})


@dataclass(frozen=True)
class _Decimals:
    """How a decimal number is said (``decimals`` of numbers.yaml)."""

    words: frozenset[str] = field(metadata={"key": "decimals.words"})
    max_fraction_digits: int = field(metadata={"key": "decimals.max_fraction_digits"})


@dataclass(frozen=True)
class _Periods:
    """Fiscal quarters, halves and years (``periods`` of numbers.yaml): dates, never identifiers."""

    quarters: frozenset[str] = field(metadata={"key": "periods.quarters"})
    halves: frozenset[str] = field(metadata={"key": "periods.halves"})
    year_prefixes: frozenset[tuple[str, ...]] = field(metadata={"key": "periods.year_prefixes"})
    units: frozenset[str] = field(metadata={"key": "periods.units"})


@normalizers.register("spoken_numbers")
class SpokenNumberNormalizer(Normalizer):
    """Rewrite runs of spoken number words as digits, keeping an exact alignment and a reading record."""

    def __init__(
        self,
        locale: str = "en-US",
        min_tokens: Annotated[int, Field(ge=1)] = 2,
        times: bool = True,
        homophones: bool = True,
        decimals: bool = True,
        periods: bool = True,
    ) -> None:
        #: word tables to use
        self.locale = locale
        #: a run needs at least this many number tokens to be rewritten ("five minutes" stays)
        self.min_tokens = min_tokens
        #: write two-part clock readings as times ("six thirty" -> "6:30") instead of "630"
        self.times = times
        #: read homophones of digit words as digits inside digit-dense regions ("six one to three")
        self.homophones = homophones
        #: write "one point two" as a decimal ("1.2"), never joined to the numbers around it
        self.decimals = decimals
        #: write fiscal quarters, halves and years ("q three twenty nineteen") apart, as periods
        self.periods = periods
        if min_tokens < 1:
            raise ValueError("min_tokens must be at least 1")
        self._lexicon = get_lexicon(locale)
        self._clock_words = load_tables(locale, "numbers", _ClockWords)
        self._decimals = load_tables(locale, "numbers", _Decimals)
        self._periods = load_tables(locale, "numbers", _Periods)
        self._prefix_lengths = sorted({len(phrase) for phrase in self._periods.year_prefixes}, reverse=True)
        suffixes = load_locale(locale).table("numbers", "ordinal_suffixes")
        self._ordinal_suffixes = {int(digit): str(suffix) for digit, suffix in suffixes["last_digit"].items()}
        self._ordinal_other = str(suffixes["other"])
        lex = self._lexicon
        words = (
            set(lex.digits)
            | set(lex.teens)
            | set(lex.tens)
            | set(lex.repeats)
            | set(lex.ordinals)
            | lex.hundred
            | lex.thousand
        )
        self._trigger_words = frozenset(words | lex.zero_aliases)
        #: number words a recognizer may run together ("twothree", "doubleone"): see _split_glued
        self._glue_parts = frozenset(
            word
            for word in set(lex.digits) | set(lex.teens) | set(lex.tens) | set(lex.repeats) | lex.zero_aliases
            if len(word) >= 2 and word.isalpha()
        )
        #: letters in the longest glue part: only the cuts that leave both halves no longer are
        #: tried (a pasted blob of 100,000 letters would otherwise cost time quadratic in its length)
        self._glue_longest = max(map(len, self._glue_parts), default=0)
        misheard = load_locale(locale).resources.get("misheard", {})
        self._homophones: dict[str, str] = {}
        self._between_only: frozenset[str] = frozenset()
        self._value_cues: PhraseTable[tuple[str, ...]] = PhraseTable.of(())
        self._after_cue: frozenset[str] = frozenset()
        self._after_cue_min = 0
        self._in_run_min = 0
        self._not_after: frozenset[str] = frozenset()
        if homophones:
            self._homophones = self._variant_table(misheard.get("number_homophones"), "number_homophones")
            edges = misheard.get("edge_homophones") or ()
            self._between_only = frozenset(str(word).lower() for word in edges)
            cues = load_locale(locale).resources.get("identifiers", {}).get("cues") or {}
            self._value_cues = PhraseTable.of(
                str(phrase).lower() for entry in cues.values() for phrase in entry.get("before") or ()
            )
            self._after_cue = frozenset(str(word).lower() for word in misheard.get("after_cue_words") or ())
            self._after_cue_min = int(misheard.get("after_cue_min_words") or 0)
            self._in_run_min = int(misheard.get("in_run_min_digits") or 0)
            self._not_after = frozenset(str(word).lower() for word in misheard.get("not_after") or ())
        # a value said in homophones only ("the code is ate ate tree won") starts on one that is no
        # edge word: those are worth a look too ("to", "for" alone never make a value)
        self._gate_words = self._trigger_words | (frozenset(self._homophones) - self._between_only)
        # spoken single digits: a region of them is an identifier read digit by digit (not "10 to 12",
        # not "twenty to five")
        self._digit_like = frozenset(set(lex.digits) | lex.zero_aliases)
        # "five five six one second two four ...": the "one" of "one second" is no digit of the run
        speech = load_locale(locale).resources.get("speech", {})
        self._hold_on = PhraseTable.of(str(phrase).lower() for phrase in speech.get("hold_on") or ())

    def _variant_table(self, table: object, key: str) -> dict[str, str]:
        """``{number word: [heard forms]}`` of misheard.yaml as ``{heard form: number word}``; a
        number word the locale's number tables do not know is an error naming it."""
        if not table:
            return {}
        if not isinstance(table, dict):
            raise ValueError(f"locale {self.locale}: misheard.yaml {key} must map number words to lists")
        result: dict[str, str] = {}
        for word, heard in table.items():
            word = str(word).lower()
            if word not in self._trigger_words:
                raise ValueError(
                    f"locale {self.locale}: misheard.yaml {key}: {word!r} is no number word of numbers.yaml"
                    " (e.g. 'sixteen: [siteen]')"
                )
            result.update((str(form).lower(), word) for form in heard or ())
        return result

    def _ordinal_suffix(self, value: int) -> str:
        """The written suffix of ordinal ``value`` ("st", "nd", "rd", "th": ``ordinal_suffixes``)."""
        if 10 <= value % 100 <= 20:
            return self._ordinal_other
        return self._ordinal_suffixes.get(value % 10, self._ordinal_other)

    def normalize_batch(self, texts: Sequence[str]) -> list[AlignedText]:
        return [self._normalize_one(text) for text in texts]

    # -- reading ------------------------------------------------------------------------------------
    def _normalize_one(self, text: str) -> AlignedText:
        if self._gate_words.isdisjoint(lower_words(text)):
            return AlignedText.identity(text)
        tokens: Sequence[Token] = self._split_glued(tokenize(text))
        if self._homophones:
            tokens = self._read_homophones(tokens)
        builder: AlignmentBuilder | None = None
        i = 0
        starts = self._trigger_words
        while i < len(tokens):
            word = tokens[i].lower
            if word not in starts and not word.isdigit():
                i += 1
                continue
            chunks = self._read_run(tokens, i)
            if not chunks:
                i += 1
                continue
            stop = chunks[-1].stop
            decimal = self._decimal_after(tokens, chunks) if self.decimals else None
            if decimal is not None:
                whole = chunks.pop()  # the whole part of the decimal
            parts, begins = self._parts(tokens, chunks) if self.periods else ([(chunks, None)], None)
            for part, style in parts:
                if style is not None or self._worth_rewriting(tokens, part):
                    if builder is None:
                        builder = AlignmentBuilder(text)
                    self._rewrite(builder, tokens, part, style)
            if builder is not None and begins is not None:
                last = max(part[-1].stop for part, style in parts if style == "period")
                builder.annotate(tokens[begins].start, tokens[last - 1].end, "period")
            if decimal is not None:
                if builder is None:
                    builder = AlignmentBuilder(text)
                stop = self._rewrite_decimal(builder, tokens, whole, decimal)
            i = stop
        return AlignedText.identity(text) if builder is None else builder.build()

    # -- decimals and periods -------------------------------------------------------------------------
    def _fraction_at(self, tokens: Sequence[Token], k: int) -> _Chunk | None:
        """The digits after a decimal point at token ``k``: digit words read one by one ("one five",
        "oh five"), written digits, or one number below a hundred ("twenty five")."""
        lex = self._lexicon
        if k < len(tokens) and tokens[k].lower.isdigit():
            return _Chunk(k, k + 1, tokens[k].lower, 0, "written")
        digits = ""
        j = k
        while j < len(tokens):
            word = tokens[j].lower
            if word in lex.digits:
                digits += str(lex.digits[word])
            elif word in lex.zero_aliases:
                digits += "0"
            else:
                break
            j += 1
        if digits:
            return _Chunk(k, j, digits, j - k, "digit")
        below = self._read_below_hundred(tokens, k)
        if below is not None:
            return _Chunk(k, below[1], str(below[0]), below[1] - k, "group")
        return None

    def _decimal_after(self, tokens: Sequence[Token], chunks: list[_Chunk]) -> _Chunk | None:
        """The fraction of a decimal number whose whole part is the run's last chunk ("one point
        two"), or None: no point after the run, a run of digits said one by one before it ("five five
        point two": a value dictated with a "point"), a fraction too long, or a second point after the
        fraction or before the run (an address or a version: "ten point zero point zero point one")."""
        last = chunks[-1]
        point = last.stop
        words = self._decimals.words
        if point >= len(tokens) or tokens[point].lower not in words or last.kind == "ordinal":
            return None
        if len(chunks) > 1 and all(chunk.kind in ("digit", "repeat", "written") for chunk in chunks):
            return None
        if last.kind == "written" and len(last.digits) > 3:
            return None
        fraction = self._fraction_at(tokens, point + 1)
        if fraction is None or len(fraction.digits) > self._decimals.max_fraction_digits:
            return None
        symbols = words | set(self._lexicon.symbols)
        after = fraction.stop
        if (
            fraction.kind == "digit"
            and fraction.stop - fraction.first == 2
            and self._points_ahead(tokens, point) == 2
            and after + 1 < len(tokens)
            and tokens[after].lower in words
            and self._is_numeric(tokens, after + 1)
        ):
            # "four point five four point six": two decimals said one after the other (an address or
            # a version has one number between its points); the last digit is the next whole part
            after -= 1
            fraction = _Chunk(fraction.first, after, fraction.digits[:-1], after - fraction.first, "digit")
        if after + 1 < len(tokens) and tokens[after].lower in symbols and self._is_numeric(tokens, after + 1):
            return None
        if (
            after < len(tokens)
            and tokens[after].lower.isdigit()
            and tokens[after].start == tokens[after - 1].end
        ):
            return None
        first = chunks[0].first
        if first >= 2 and tokens[first - 1].lower in symbols and self._is_numeric(tokens, first - 2):
            return None
        return fraction

    def _points_ahead(self, tokens: Sequence[Token], point: int) -> int:
        """How many points (and other spoken symbols) join the numbers from token ``point`` on: 3 in
        "ten point zero point zero point one" and in "four one five point five five five point one
        two one two", 2 in "four point five four point six"."""
        symbols = self._decimals.words | set(self._lexicon.symbols)
        count = 0
        k = point
        while k < len(tokens) and tokens[k].lower in symbols and self._is_numeric(tokens, k + 1):
            count += 1
            k += 1
            while k < len(tokens) and (
                self._is_numeric(tokens, k) or tokens[k].lower in self._lexicon.zero_aliases
            ):
                k += 1
        return count

    def _rewrite_decimal(
        self, builder: AlignmentBuilder, tokens: Sequence[Token], whole: _Chunk, fraction: _Chunk
    ) -> int:
        """Write "one point two" as "1.2"; returns the token index after the fraction."""
        start, end = tokens[whole.first].start, tokens[fraction.stop - 1].end
        builder.replace(start, end, f"{whole.digits}.{fraction.digits}", rule="spoken_numbers:decimal")
        builder.annotate(
            start,
            end,
            "number",
            digits=whole.digits + fraction.digits,
            tokens=fraction.stop - whole.first,
            style="decimal",
            chunks=(whole.digits, fraction.digits),
        )
        return fraction.stop

    def _year_chunks(self, chunks: Sequence[_Chunk], *, short: bool) -> int:
        """How many of the first ``chunks`` say a year: "twenty nineteen", "twenty oh five", "two
        thousand nineteen", "nineteen ninety"; with ``short`` also a two-digit year ("twenty one")."""
        if not chunks:
            return 0
        first = chunks[0]
        if first.kind == "group" and len(first.digits) == 4 and first.digits[:2] in ("19", "20"):
            return 1
        if first.kind == "group" and first.digits in ("19", "20") and len(chunks) > 1:
            second = chunks[1]
            if second.kind == "group" and len(second.digits) == 2:
                return 2
            if (
                second.digits == "0"
                and len(chunks) > 2
                and chunks[2].kind == "digit"
                and len(chunks[2].digits) == 1
            ):
                return 3  # "twenty oh five"
        if short and first.kind == "group" and len(first.digits) == 2:
            return 1
        return 0

    def _periods_before(self, tokens: Sequence[Token], first: int) -> list[tuple[str, int]]:
        """What may name a period right before token ``first``, and the token its words start at:
        "numbered" ("q", "h"), "year" ("fy", "fiscal year") or "unit" ("quarter", "third quarter
        of"). A year after a month is left to the date rules: "born june two nineteen ninety" is a
        birth date, whatever a recognizer made of it."""
        periods = self._periods
        word = tokens[first - 1].lower if first > 0 else ""
        found = []
        if word in periods.quarters or word in periods.halves:
            found.append(("numbered", first - 1))
        for length in self._prefix_lengths:
            if (
                first >= length
                and tuple(t.lower for t in tokens[first - length : first]) in periods.year_prefixes
            ):
                found.append(("year", first - length))
                break
        unit = first - 1 if word in periods.units else first - 2
        if word in periods.units or (word == "of" and first >= 2 and tokens[unit].lower in periods.units):
            if unit > 0 and tokens[unit - 1].lower in self._lexicon.ordinals:
                unit -= 1  # "the third quarter of"
            found.append(("unit", unit))
        return found

    def _parts(
        self, tokens: Sequence[Token], chunks: list[_Chunk]
    ) -> tuple[list[tuple[list[_Chunk], str | None]], int | None]:
        """A run split where a period starts it ("q three twenty nineteen": the quarter and the year
        are each a period, written apart); each part with the style to write it in (None: as
        usual), and the token the period's words start at (None: no period)."""
        for kind, begins in self._periods_before(tokens, chunks[0].first) if chunks else ():
            for split in (True, False):
                head: list[_Chunk] = []
                if split and kind == "numbered":
                    number = chunks[0]
                    word = tokens[number.first - 1].lower
                    highest = 4 if word in self._periods.quarters else 2
                    if number.kind != "digit" or not 1 <= int(number.digits) <= highest:
                        continue
                    head = [number]
                elif split or kind == "numbered":
                    continue  # a year right after the prefix: tried once, with split False
                rest = chunks[len(head) :]
                year = self._year_chunks(rest, short=kind == "year" or (kind == "numbered" and bool(head)))
                if year == 0:
                    continue  # "q three five five one": a code that starts with a letter; "q three" alone
                parts: list[tuple[list[_Chunk], str | None]] = [(head, "period")] if head else []
                parts.append((rest[:year], "period"))
                if rest[year:]:
                    parts.append((rest[year:], None))
                return parts, begins
        return [(chunks, None)], None

    def _split_glued(self, tokens: Sequence[Token]) -> Sequence[Token]:
        """Tokens with two number words a recognizer ran together split in two, next to another
        number ("one twothree four" -> one two three four; "doubleone"): each half keeps its own
        characters of the original word, so a rewrite covers exactly what was said. A word the
        tables know ("seventeen", "twenty") is never split."""
        triggers = self._trigger_words
        result: list[Token] = []
        split = False
        for i, token in enumerate(tokens):
            cut = self._glue_cut(token)
            if cut and any(
                tokens[k].lower in triggers or tokens[k].lower.isdigit()
                for k in range(max(0, i - 2), min(len(tokens), i + 3))
                if k != i
            ):
                result.append(Token(token.start, token.start + cut, token.lower[:cut]))
                result.append(Token(token.start + cut, token.end, token.lower[cut:]))
                split = True
            else:
                result.append(token)
        return result if split else tokens

    def _glue_cut(self, token: Token) -> int:
        """Where a token made of two number words splits, or 0."""
        word, parts = token.lower, self._glue_parts
        if len(word) < 5 or word in self._trigger_words or not word.isalpha():
            return 0
        if token.end - token.start != len(word):
            return 0  # the lowercase form is not the text's own characters
        longest = self._glue_longest
        cuts = range(max(2, len(word) - longest), min(len(word) - 1, longest + 1))
        return next((k for k in cuts if word[:k] in parts and word[k:] in parts), 0)

    def _read_homophones(self, tokens: Sequence[Token]) -> Sequence[Token]:
        """Tokens with digit homophones in digit-dense regions read as the digit word (see module docs)."""
        homophones = self._homophones
        if not any(token.lower in homophones for token in tokens):
            return tokens
        digit = [token.lower in self._digit_like for token in tokens]
        # a homophone after a subject is its verb ("i ate two three four slices"): never read
        not_after = self._not_after
        heard = [
            token.lower in homophones and not (k > 0 and tokens[k - 1].lower in not_after)
            for k, token in enumerate(tokens)
        ]
        result = list(tokens)
        self._read_after_cues(result, digit, heard)
        self._read_in_runs(result, digit, heard)
        forward = range(len(result))
        backward = range(len(result) - 1, -1, -1)
        # neighbouring homophones ("six to for nine", "ate oh ate five five five"): one pass each way,
        # then again while a pass reads one more, so a run of them is read from either end
        for order in (forward, backward, forward, backward):
            if order is forward:
                changed = False
            for i in order:
                token = result[i]
                if not heard[i] or digit[i]:
                    continue
                window = range(max(0, i - 3), min(len(result), i + 4))
                digits = sum(1 for k in window if k != i and digit[k])
                left = i > 0 and digit[i - 1]
                right = i + 1 < len(result) and digit[i + 1]
                if token.lower in self._between_only:
                    # "ninety four to one hundred eight" is a score: the digits beside "to" end a
                    # tens group or start a hundreds group, they are no digits read one by one
                    # and so do "five oh three to six fifteen": the digit after "to" starts an hour
                    # and its minutes, a time range, no digits read one by one
                    beside = left and right and not self._grouped_beside(result, digit, i)
                else:
                    beside = left or right
                if beside and digits >= 3 and not (self.decimals and self._beside_decimal(result, i)):
                    result[i] = token._replace(lower=homophones[token.lower])
                    digit[i] = True
                    changed = True
            if not changed and order is backward:
                break
        return result

    def _read_in_runs(self, tokens: list[Token], digit: list[bool], heard: list[bool]) -> None:
        """Read the homophones of a run of digit words and homophones with at least
        ``in_run_min_digits`` digit words said right ("five five five won to tree for ate nine"), in
        place: every one inside the run, and at its edges every one that is no edge homophone ("to",
        "for": "four eight zero eight three for the rent"), unless the run ends the text ("... two
        three for")."""
        least = self._in_run_min
        if least <= 0:
            return
        k = 0
        while k < len(tokens):
            if not (digit[k] or heard[k]):
                k += 1
                continue
            stop = k
            while stop < len(tokens) and (digit[stop] or heard[stop]):
                stop += 1
            if sum(digit[k:stop]) >= least:
                last_word = stop == len(tokens) or not any(ch.isalnum() for ch in tokens[stop].lower)
                for i in range(k, stop):
                    if not heard[i] or digit[i]:
                        continue
                    word = tokens[i].lower
                    edge = i == k or (i == stop - 1 and not last_word)
                    if edge and word in self._between_only:
                        continue
                    if word in self._between_only and self._grouped_beside(tokens, digit, i):
                        continue
                    if self.decimals and self._beside_decimal(tokens, i):
                        continue
                    tokens[i] = tokens[i]._replace(lower=self._homophones[word])
                    digit[i] = True
            k = stop

    def _grouped_beside(self, tokens: Sequence[Token], digit: Sequence[bool], i: int) -> bool:
        """The digits beside the edge homophone at ``i`` end a tens group or start a hundreds group
        ("ninety four to one hundred eight": a score) or an hour and its minutes ("five oh three to six
        fifteen": a time range): no digits read one by one."""
        lex = self._lexicon
        return (i >= 2 and tokens[i - 2].lower in lex.tens) or (
            i + 2 < len(tokens)
            and (
                tokens[i + 2].lower in lex.hundred | lex.thousand
                or tokens[i + 2].lower in lex.teens
                or (tokens[i + 2].lower in lex.tens and not digit[i + 2])
            )
        )

    def _read_after_cues(self, tokens: list[Token], digit: list[bool], heard: list[bool]) -> None:
        """Read every homophone of a run of digit words and homophones that follows a value cue and
        one of ``after_cue_words`` ("my pin is for three to one", "the code is ate ate tree won"),
        in place; a last edge homophone of the run stays a word ("... four for the door")."""
        after, least = self._after_cue, self._after_cue_min
        if not after or least <= 0:
            return
        for k, token in enumerate(tokens):
            if token.lower not in after or k + 1 >= len(tokens) or not heard[k + 1]:
                continue
            if self._value_cues.ending_at(tokens, k) is None:
                continue
            stop = k + 1
            while stop < len(tokens) and (digit[stop] or heard[stop]):
                stop += 1
            if stop < len(tokens) and any(ch.isalnum() for ch in tokens[stop].lower):
                # the run ends before another word: an edge homophone there joins it to that word
                while stop > k + 1 and tokens[stop - 1].lower in self._between_only and heard[stop - 1]:
                    stop -= 1
            if stop - (k + 1) < least:
                continue
            for i in range(k + 1, stop):
                if heard[i] and not digit[i]:
                    tokens[i] = tokens[i]._replace(lower=self._homophones[tokens[i].lower])
                    digit[i] = True

    def _beside_decimal(self, tokens: Sequence[Token], i: int) -> bool:
        """Token ``i`` stands right after the fraction or right before the whole part of a decimal
        number ("one point two to one point four"): it joins two quantities, it is no digit."""
        lex, words = self._lexicon, self._decimals.words
        k = i - 1
        while (
            k >= 0 and i - 1 - k < self._decimals.max_fraction_digits and tokens[k].lower in self._digit_like
        ):
            k -= 1
        if k < i - 1 and k >= 0 and tokens[k].lower in words:
            return True
        k = i + 1
        while (
            k < len(tokens)
            and k - i <= 2
            and (tokens[k].lower in lex.digits or tokens[k].lower in lex.teens or tokens[k].lower in lex.tens)
        ):
            k += 1
        return k > i + 1 and k < len(tokens) and tokens[k].lower in words

    def _worth_rewriting(self, tokens: Sequence[Token], chunks: list[_Chunk]) -> bool:
        words = sum(chunk.words for chunk in chunks)
        if words == 0:
            return False  # already written form
        count = sum(chunk.stop - chunk.first for chunk in chunks if chunk.kind != "written") + sum(
            1 for chunk in chunks if chunk.kind == "written"
        )
        if count >= self.min_tokens:
            return True
        # a lone ordinal after a month or before "of <month>" is a date ("march third", "fifth of may")
        first = chunks[0]
        if len(chunks) != 1 or first.kind != "ordinal":
            return False
        months = self._lexicon.months
        after_month = first.first > 0 and tokens[first.first - 1].lower in months
        before_month = (
            first.stop + 1 < len(tokens)
            and tokens[first.stop].lower == "of"
            and tokens[first.stop + 1].lower in months
        )
        return after_month or before_month

    def _read_run(self, tokens: Sequence[Token], start: int) -> list[_Chunk]:
        chunks: list[_Chunk] = []
        i = start
        while i < len(tokens):
            chunk = self._read_chunk(tokens, i, in_run=bool(chunks))
            if chunk is None or (chunk.kind == "ordinal" and chunks):
                break  # "one second" is a digit and a word, not "12nd"
            if chunks and chunk.stop - chunk.first == 1 and self._holding_on(tokens, i):
                break  # "five five six one second two four": "one second" is an aside
            chunks.append(chunk)
            i = chunk.stop
            if chunk.kind == "ordinal":
                break
        return chunks

    def _holding_on(self, tokens: Sequence[Token], i: int) -> bool:
        """A hold-on phrase ("one second", "one moment") starts at token ``i``."""
        return self._hold_on.starting_at(tokens, i) is not None

    def _is_numeric(self, tokens: Sequence[Token], i: int) -> bool:
        if i >= len(tokens):
            return False
        word = tokens[i].lower
        lex = self._lexicon
        return (
            word.isdigit()
            or word in lex.digits
            or word in lex.teens
            or word in lex.tens
            or word in lex.repeats
            or (word in lex.zero_aliases and i + 1 < len(tokens) and self._is_numeric(tokens, i + 1))
        )

    def _read_chunk(self, tokens: Sequence[Token], i: int, *, in_run: bool) -> _Chunk | None:
        lex = self._lexicon
        word = tokens[i].lower
        nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
        if word.isdigit():
            return _Chunk(i, i + 1, word, 0, "written")
        if word in lex.repeats:
            count = lex.repeats[word]
            if nxt in lex.digits or nxt in lex.zero_aliases:
                digit = str(lex.digits.get(nxt, 0))
                return _Chunk(i, i + 2, digit * count, 2, "repeat")
            if nxt.isdigit() and len(nxt) == 1:
                return _Chunk(i, i + 2, nxt * count, 1, "repeat")
            return None
        if word in lex.zero_aliases:
            if in_run or self._is_numeric(tokens, i + 1):
                return _Chunk(i, i + 1, "0", 1, "digit")
            return None
        if word in lex.ordinals:
            value = lex.ordinals[word]
            return _Chunk(i, i + 1, f"{value}{self._ordinal_suffix(value)}", 1, "ordinal")
        single = word in lex.digits
        if single or word in lex.teens:
            value = lex.digits[word] if single else lex.teens[word]
            if value >= 1:  # "five hundred", "eleven hundred", "twelve thousand"; "zero" alone
                grouped = self._read_hundreds(tokens, i, value) or self._read_thousands(tokens, i, value)
                if grouped is not None:
                    return grouped
            return _Chunk(i, i + 1, str(value), 1, "digit" if single else "group")
        if word in lex.tens:
            value = lex.tens[word]
            j = i + 1
            if j + 1 < len(tokens) and tokens[j].lower == "-" and tokens[j + 1].lower in lex.digits:
                j += 1  # "twenty-one"
            following = tokens[j].lower if j < len(tokens) else ""
            if following in lex.digits and lex.digits[following] >= 1:
                value += lex.digits[following]
                grouped = self._read_thousands(tokens, j, value)
                if grouped is not None:
                    return grouped._replace(first=i)
                return _Chunk(i, j + 1, str(value), 2, "group")
            if following in lex.ordinals and lex.ordinals[following] < 10:
                value += lex.ordinals[following]
                return _Chunk(i, j + 1, f"{value}{self._ordinal_suffix(value)}", 2, "ordinal")
            grouped = self._read_thousands(tokens, i, value)
            if grouped is not None:
                return grouped
            return _Chunk(i, i + 1, str(value), 1, "group")
        return None

    def _read_below_hundred(self, tokens: Sequence[Token], j: int) -> tuple[int, int] | None:
        """Read "twelve", "forty two", "five" at token j; return (value, next index)."""
        lex = self._lexicon
        if j >= len(tokens):
            return None
        word = tokens[j].lower
        if word in lex.teens:
            return lex.teens[word], j + 1
        if word in lex.tens:
            value = lex.tens[word]
            k = j + 1
            if k + 1 < len(tokens) and tokens[k].lower == "-" and tokens[k + 1].lower in lex.digits:
                k += 1
            if k < len(tokens) and tokens[k].lower in lex.digits and lex.digits[tokens[k].lower] >= 1:
                return value + lex.digits[tokens[k].lower], k + 1
            return value, j + 1
        if word in lex.digits and lex.digits[word] >= 1:
            return lex.digits[word], j + 1
        return None

    def _after_scale(
        self, tokens: Sequence[Token], i: int, scale_words: frozenset[str]
    ) -> tuple[int, int] | None:
        """When a scale word ("hundred", "thousand") follows token i: the index after it, and the
        index after an "and" that follows it ("three hundred and twelve")."""
        j = i + 1
        if j >= len(tokens) or tokens[j].lower not in scale_words:
            return None
        j += 1
        return j, j + 1 if j < len(tokens) and tokens[j].lower in self._lexicon.number_and else j

    def _read_hundreds(self, tokens: Sequence[Token], i: int, value: int) -> _Chunk | None:
        """ "three hundred and twelve", "eleven hundred" (value is the word at i)."""
        scaled = self._after_scale(tokens, i, self._lexicon.hundred)
        if scaled is None:
            return None
        total = value * 100
        j, k = scaled
        rest = self._read_below_hundred(tokens, k)
        if rest is not None:
            total += rest[0]
            j = rest[1]
        return _Chunk(i, j, str(total), j - i, "group")

    def _read_thousands(self, tokens: Sequence[Token], i: int, multiplier: int) -> _Chunk | None:
        """ "two thousand and five", "twenty thousand" (multiplier read ending at token i)."""
        lex = self._lexicon
        scaled = self._after_scale(tokens, i, lex.thousand)
        if scaled is None:
            return None
        total = multiplier * 1000
        j, k = scaled
        if k < len(tokens):
            word = tokens[k].lower
            if word in lex.digits and k + 1 < len(tokens) and tokens[k + 1].lower in lex.hundred:
                hundreds = self._read_hundreds(tokens, k, lex.digits[word])
                if hundreds is not None:
                    return _Chunk(
                        i, hundreds.stop, str(total + int(hundreds.digits)), hundreds.stop - i, "group"
                    )
            rest = self._read_below_hundred(tokens, k)
            if rest is not None:
                return _Chunk(i, rest[1], str(total + rest[0]), rest[1] - i, "group")
        return _Chunk(i, j, str(total), j - i, "group")

    # -- writing ------------------------------------------------------------------------------------
    def _rewrite(
        self,
        builder: AlignmentBuilder,
        tokens: Sequence[Token],
        chunks: list[_Chunk],
        style: str | None = None,
    ) -> None:
        before = tokens[chunks[0].first - 1].lower if chunks[0].first > 0 else ""
        after = tokens[chunks[-1].stop].lower if chunks[-1].stop < len(tokens) else ""
        clock_words = self._clock_words
        clock = after in clock_words.after or (
            before in clock_words.before and (after == "" or after in clock_words.then)
        )
        oh_clock = after in clock_words.after or (
            before in clock_words.oh_before and (after == "" or after in clock_words.then)
        )
        if style is None and oh_clock and self._oh_minutes(tokens, chunks):
            # "at eleven oh five": the hour, then the minutes said "oh five" ("11:05")
            style = "time"
            chunks = [chunks[0], _Chunk(chunks[1].first, chunks[2].stop, "0" + chunks[2].digits, 2, "group")]
        style = style or self._style(chunks, clock)
        separator = ""
        if style == "time":
            separator = ":"
        previous_end: int | None = None
        for chunk in chunks:
            start = tokens[chunk.first].start
            end = tokens[chunk.stop - 1].end
            if previous_end is not None:
                if separator:
                    builder.replace(previous_end, start, separator, rule="spoken_numbers:time")
                else:
                    builder.delete(previous_end, start, rule="spoken_numbers:join")
            if chunk.kind == "written":
                builder.keep(end)
            else:
                builder.replace(start, end, chunk.digits, rule=f"spoken_numbers:{chunk.kind}")
            previous_end = end
        first = tokens[chunks[0].first].start
        last = tokens[chunks[-1].stop - 1].end
        digits = "".join(chunk.digits for chunk in chunks)
        builder.annotate(
            first,
            last,
            "number",
            digits=digits,
            tokens=chunks[-1].stop - chunks[0].first,
            style=style,
            chunks=tuple(chunk.digits for chunk in chunks),
        )

    def _oh_minutes(self, tokens: Sequence[Token], chunks: list[_Chunk]) -> bool:
        """The chunks are an hour said as one word (1-12), "oh" and one digit word: a clock time
        when the words around it say so ("set an alarm for eleven oh five", "at six oh five pm")."""
        if not self.times or len(chunks) != 3:
            return False
        hour, zero, minute = chunks
        return (
            hour.kind in ("digit", "group")
            and hour.words == 1
            and 1 <= int(hour.digits) <= 12
            and zero.kind == "digit"
            and tokens[zero.first].lower in self._lexicon.zero_aliases
            and minute.kind == "digit"
            and minute.words == 1
            and minute.digits != "0"
        )

    def _style(self, chunks: list[_Chunk], time_context: bool = False) -> str:
        kinds = {chunk.kind for chunk in chunks}
        if kinds == {"ordinal"}:
            return "ordinal"
        if (
            self.times
            and time_context
            and len(chunks) == 2
            and chunks[0].kind in ("digit", "group")
            and 1 <= int(chunks[0].digits) <= 12
            and chunks[0].words == 1
            and chunks[1].kind == "group"
            and 10 <= int(chunks[1].digits) <= 59
            and chunks[1].words <= 2
        ):
            return "time"
        if kinds <= {"digit", "repeat", "written"}:
            return "digits"
        if len(chunks) == 1:
            return "grouped"
        return "mixed"
