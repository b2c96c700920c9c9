"""Drop hesitation fillers, and self-corrections and asides inside dictated values.

"five five five um one two" must reach the number reader as one run of digits; "five five five one two
no sorry one three" is one corrected value whose whole stretch must be redacted, and so is "four one
five hold on let me find it five five five one two one two". Fillers ("um", "uh") go everywhere;
correction phrases ("no sorry", "i mean", "scratch that") and asides (``context.asides`` and
``speech.hold_on`` of the locale: "hold on", "let me check", "bear with me a sec") only between two
value tokens (number words, digits, spelled letters, spoken symbols), so ordinary speech keeps its
words. Every detector then sees the value as one run, and the span mapped back to the transcript
covers the aside too (fail closed).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..core import AlignedText, AlignmentBuilder
from ..lang import Lexicon, get_lexicon, load_locale, value_interruptions
from ..lang.phrases import PhraseTable
from ..lang.tokens import Token, lower_words, tokenize
from .base import Normalizer, normalizers

__all__ = ["FillerNormalizer", "is_value_token"]


def is_value_token(token: str, lexicon: Lexicon) -> bool:
    """Whether a token can be part of a dictated value (number, spelled letter, spoken symbol)."""
    return (
        token.isdigit()
        or (len(token) == 1 and token.isalpha())
        or token in lexicon.digits
        or token in lexicon.zero_aliases
        or token in lexicon.teens
        or token in lexicon.tens
        or token in lexicon.repeats
        or token in lexicon.symbols
    )


@normalizers.register("fillers")
class FillerNormalizer(Normalizer):
    """Delete fillers everywhere, and self-correction phrases and asides inside values (alignment kept)."""

    def __init__(self, locale: str = "en-US", corrections: bool = True, asides: bool = True) -> None:
        #: word tables to use
        self.locale = locale
        #: also drop self-corrections ("no sorry", "i mean") between value tokens
        self.corrections = corrections
        #: also drop asides ("hold on", "let me check", "bear with me") between value tokens
        self.asides = asides
        self._lexicon = get_lexicon(locale)
        # cheap pre-check: a filler, or the last word of some correction phrase or aside
        trigger = set(self._lexicon.fillers)
        if corrections:
            trigger |= {phrase[-1] for phrase in self._lexicon.corrections}
        self._corrections = PhraseTable.of(self._lexicon.corrections)
        interruptions = value_interruptions(locale).phrases if asides else frozenset()
        if not corrections:  # an aside table without the correction phrases
            interruptions = interruptions - self._lexicon.corrections
        self._asides = PhraseTable.of(interruptions)
        #: asides of three words or more by their first word, for a recognizer's garbled copy of one
        #: ("let me sri", "wait lap me check"): see _garbled_aside
        self._long_asides: dict[str, list[tuple[str, ...]]] = {}
        for phrase in sorted(interruptions):
            if len(phrase) >= 3:
                self._long_asides.setdefault(phrase[0], []).append(phrase)
        if asides:
            trigger |= {phrase[-1] for phrase in self._asides.phrases} | set(self._long_asides)
        #: value tokens that are also everyday words ("a", "i", "oh")
        self._ambiguous: frozenset[str] = (
            frozenset(load_locale(locale).get("speech", "everyday_value_words", []) or [])
            if asides
            else frozenset()
        )
        self._trigger_words = frozenset(trigger)
        #: how the transcript writes a long pause ("..."), longest first: dropped like an aside
        #: between value words (``speech.pause_marks``)
        marks = load_locale(locale).get("speech", "pause_marks", []) or [] if asides else []
        self._pause_marks: tuple[str, ...] = tuple(
            sorted({str(mark) for mark in marks}, key=len, reverse=True)
        )
        self._pause_tokens = frozenset(token.lower for mark in self._pause_marks for token in tokenize(mark))
        self._as_in = PhraseTable.of(self._lexicon.letter_as_in)
        #: the words an aside or a self-correction starts with (its garbled forms included): none
        #: starts at any other word
        starts: set[str] = set()
        if asides:
            starts |= {phrase[0] for phrase in self._asides.phrases} | set(self._long_asides)
        if corrections:
            starts |= {phrase[0] for phrase in self._corrections.phrases}
        self._interruption_starts = frozenset(starts)

    def normalize_batch(self, texts: Sequence[str]) -> list[AlignedText]:
        return [self._normalize_one(text) for text in texts]

    def _normalize_one(self, text: str) -> AlignedText:
        paused = any(mark in text for mark in self._pause_marks)
        if not paused and self._trigger_words.isdisjoint(lower_words(text)):
            return AlignedText.identity(text)
        tokens = tokenize(text)
        pauses = self._pauses(text, tokens) if paused else frozenset()
        drop: list[tuple[int, int, str]] = []  # token index ranges [i, j) and rule
        i = 0
        lexicon = self._lexicon
        starts = self._interruption_starts
        while i < len(tokens):
            word = tokens[i].lower
            if word in lexicon.fillers:
                j = i + 1
                if j < len(tokens) and tokens[j].lower in {",", "."} and tokens[j].start == tokens[i].end:
                    j += 1
                drop.append((i, j, "filler"))
                i = j
                continue
            if i in pauses:
                # a long pause ("four one five ... five five"), with the fillers and asides around it
                length = self._aside_run(tokens, i, pauses) if i > 0 else 0
                i = (
                    self._interruption_end(
                        tokens, i, length, drop, "pause", pauses, strict=True, numbers=True
                    )
                    or i + 1
                )
                continue
            if word not in starts:
                i += 1  # most words: no aside and no self-correction starts here
                continue
            # an aside ("hang on") must sit strictly between two value words; a self-correction
            # ("no sorry") may follow the attempt it corrects
            j = 0
            if self.asides and i > 0:
                length = self._aside_run(tokens, i, pauses)
                j = self._interruption_end(tokens, i, length, drop, "aside", pauses, strict=True)
            if not j and self.corrections and i > 0:
                length = self._correction_at(tokens, i)
                j = self._interruption_end(tokens, i, length, drop, "self_correction", pauses)
            i = j or i + 1
        if not drop:
            return AlignedText.identity(text)
        builder = AlignmentBuilder(text)
        for start_index, end_index, rule in drop:
            start = tokens[start_index].start
            if rule == "pause" and start_index > 0 and start == tokens[start_index - 1].end:
                end = tokens[end_index - 1].end  # "seven.. one": the marks only, the space stays
            elif end_index < len(tokens):
                end = tokens[end_index].start
            else:  # trailing: take the whitespace before instead
                end = tokens[end_index - 1].end
                start = tokens[start_index - 1].end if start_index > 0 else start
            start = max(start, builder.cursor)
            builder.delete(start, end, rule=rule)
        return builder.build()

    def _pauses(self, text: str, tokens: Sequence[Token]) -> frozenset[int]:
        """The indices of the tokens that write a long pause (``speech.pause_marks``: "...", "…")."""
        found: set[int] = set()
        for index, token in enumerate(tokens):
            if token.lower not in self._pause_tokens or index in found:
                continue
            mark = next((mark for mark in self._pause_marks if text.startswith(mark, token.start)), None)
            if mark is None:
                continue
            end = token.start + len(mark)
            k = index
            while k < len(tokens) and tokens[k].end <= end:
                found.add(k)
                k += 1
        return frozenset(found)

    def _correction_at(self, tokens: Sequence[Token], i: int) -> int:
        found = self._corrections.starting_at(tokens, i)
        return found[0] if found else 0

    def _interruption_end(
        self,
        tokens: Sequence[Token],
        i: int,
        length: int,
        drop: list[tuple[int, int, str]],
        rule: str,
        pauses: frozenset[int],
        *,
        strict: bool = False,
        numbers: bool = False,
    ) -> int:
        """Drop the ``length``-token interruption at ``i`` (and a comma after it) when it lies
        between value words; return the index after it, or 0 when it is not dropped."""
        if not length or not self._between_values(
            tokens, i, i + length, drop, pauses, strict=strict, numbers=numbers
        ):
            return 0
        j = i + length
        if j < len(tokens) and tokens[j].lower == ",":
            j += 1
        drop.append((i, j, rule))
        return j

    def _aside_run(self, tokens: Sequence[Token], i: int, pauses: frozenset[int]) -> int:
        """How many tokens from ``i`` are asides, corrections, fillers and pauses one after another
        ("sorry hold on let me check", "... um ..."), each phrase the longest one there; 0 when none
        starts at ``i``."""
        j = i
        while j < len(tokens):
            if tokens[j].lower in self._lexicon.fillers or (tokens[j].lower == "," and j > i) or j in pauses:
                j += 1
                continue
            found = self._asides.starting_at(tokens, j)
            # the longest: a garbled long aside over a short one it starts with ("wait" of "wait me check")
            length = max(found[0] if found else 0, self._garbled_aside(tokens, j))
            if not length:
                break
            j += length
        while j > i and tokens[j - 1].lower == ",":
            j -= 1
        return j - i if j > i and tokens[i].lower not in self._lexicon.fillers else 0

    def _garbled_aside(self, tokens: Sequence[Token], i: int) -> int:
        """The length of an aside of three words or more that a recognizer garbled at ``i``: its
        first word as said, then one of its other words misheard ("let me sri") or left out ("wait
        me check"); 0 when none. The misheard word is no value token (a digit is never taken for
        part of an aside). Only ever asked between two value tokens, like every aside."""
        phrases = self._long_asides.get(tokens[i].lower)
        if not phrases:
            return 0
        words = [token.lower for token in tokens[i : i + max(len(phrase) for phrase in phrases)]]
        best = 0
        for phrase in phrases:
            n = len(phrase)
            heard = words[:n]
            if len(heard) == n and len(phrase) > best:
                wrong = [k for k in range(1, n) if heard[k] != phrase[k]]
                if len(wrong) == 1 and not is_value_token(heard[wrong[0]], self._lexicon):
                    best = n
            short = words[: n - 1]
            if (
                len(short) == n - 1
                and n - 1 > best
                and any(short == list(phrase[:k] + phrase[k + 1 :]) for k in range(1, n))
            ):
                best = n - 1
        return best

    def _between_values(
        self,
        tokens: Sequence[Token],
        start: int,
        end: int,
        drop: list[tuple[int, int, str]],
        pauses: frozenset[int],
        *,
        strict: bool = False,
        numbers: bool = False,
    ) -> bool:
        """A value token right before (skipping dropped fillers and commas) and right after the phrase.

        ``strict`` (asides, which are everyday words): a word that is also an everyday word ("a",
        "i") counts as a value token only inside a run of value tokens ("a e j hold on three nine"),
        not alone ("i like two"). ``numbers`` (a written pause): neither neighbour is a spelled
        letter.
        """
        before = start - 1
        dropped = {index for a, b, _ in drop for index in range(a, b)}
        while before >= 0 and (before in dropped or before in pauses or tokens[before].lower in {",", "."}):
            before -= 1
        after = end
        while after < len(tokens) and (
            tokens[after].lower in self._lexicon.fillers or tokens[after].lower == "," or after in pauses
        ):
            after += 1
        if (
            strict
            and before >= 2
            and not is_value_token(tokens[before].lower, self._lexicon)
            and tokens[before].lower.isalpha()
        ):
            # "f as in frank hold on seven nine": the spelled letter is the value token
            length = self._as_in.length_ending_at(tokens, before)
            if length and before - length - 1 >= 0:
                before -= length + 1
        if not (
            before >= 0
            and after < len(tokens)
            and is_value_token(tokens[before].lower, self._lexicon)
            and is_value_token(tokens[after].lower, self._lexicon)
        ):
            return False
        if numbers and any(len(tokens[k].lower) == 1 and tokens[k].lower.isalpha() for k in (before, after)):
            return False  # a pause next to a spelled letter: "a b c ... one two three" is no one value
        if not strict:
            return True
        ambiguous = self._ambiguous
        return (
            tokens[before].lower not in ambiguous
            or (before > 0 and is_value_token(tokens[before - 1].lower, self._lexicon))
        ) and (
            tokens[after].lower not in ambiguous
            or (after + 1 < len(tokens) and is_value_token(tokens[after + 1].lower, self._lexicon))
        )
