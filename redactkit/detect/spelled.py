"""Spelled-out runs of letters fail closed: "j o h n s m i t h" is redacted even without a cue.

Callers spell what matters (names, e-mail local parts, postcodes, plates, reference codes), and a
spelled run is personal data in nearly every call and assistant context. The ``spelled_letters``
normalizer joins the letters ("j o h n" -> "john") and annotates the run; this detector redacts every
annotated run of at least ``min_letters`` letters, and every mixed letter-digit run ("a b one two
three"), unless it spells an entry of the locale's acronym list (``redactkit/lang/<locale>/
acronyms.txt``: "b b c", "a t m", "u s a") or of ``allow``. Business and finance terms ("e b i t d a",
"d s o", "t e u": ``business_acronyms.txt``) are left alone only with ``business_acronyms`` on: off by
default, since a spelled run in a call is more often a name or a code being dictated.

The label comes from context:

- ``EMAIL_ADDRESS`` when the run is part of an e-mail address, "at"/"dot" follow it, or an e-mail cue
  precedes it ("my email is j o h n at ...");
- ``PERSON`` after a name cue ("my last name is s m i t h", "call j o h n");
- ``ZIP_CODE`` or ``ACCOUNT_NUMBER`` after a postcode or reference cue ("postcode s w one a ...",
  "booking reference k x f");
- otherwise ``ACCOUNT_NUMBER`` for a mixed letter-digit run and ``SPELLED`` for letters only: a
  spelled word whose kind nothing in the sentence gives away; ``SPELLED`` too for a short code (at
  most three letters and two digits, no more digits said after it: "the d s one platform"), a model
  or a tier rather than an account number read out; but ``PERSON`` for letters that spell
  the word said right before them ("voss v o s s": why spell a word, but a name), and that word is
  redacted with its spelling, asides between them included ("bradwell hang on b r a d w e l l");
- nothing for a listed letter-digit code whose first letter is said twice ("in q q two": a stutter),
  for a thing named with a number when the number is said ("c o v i d dash nineteen", "i f r s
  sixteen": ``designations.txt``), and, with ``business_acronyms``, for a business term, unless a cue
  or an e-mail word asks for a value;
- nothing for a short code (three letters and four digits at most) right after a negative context
  of the identifiers ("flight d l two three five seven", "seat k twelve": ``negative_before`` of
  ``identifiers.yaml``).

The cue phrases are language data too (``spelling.yaml``). The explanation says the value was
spelled; it never quotes it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from operator import attrgetter
from typing import Annotated

from pydantic import Field

from ..core import AlignedText, Annotation, Entity
from ..lang import Token, get_lexicon, load_locale, token_index_at, value_interruptions
from ..lang.tables import load_tables
from .base import Detector, detectors
from .places import PlaceWords, flight_word_at

__all__ = ["SPELLED_LABELS", "SpelledDetector"]

#: labels this detector can emit
SPELLED_LABELS = ("SPELLED", "PERSON", "EMAIL_ADDRESS", "ZIP_CODE", "ACCOUNT_NUMBER")

_CHUNK = re.compile(r"\S+")
_EDGE_PUNCTUATION = ".,;:!?()[]{}\"'"
_MAX_TRAILING_DIGITS = 2  # "b b c one", "m p three", "p s five" are still acronyms
#: digits of a standard's or a strain's number ("iso 27001", "asc 842", "covid 19")
_MAX_DESIGNATION_DIGITS = 5
#: words before the run searched for a cue
_CUE_WINDOW = 5
_ARTICLES = ("a", "i")  # "find me a t v": the article is read as a letter
#: explanations of the labels given without a cue
_CODE_WITHOUT_CUE = "spelled letters and digits: a code"
_LETTERS_WITHOUT_CUE = "spelled letter by letter"
#: a run of at most this many letters with at most ``_MAX_TRAILING_DIGITS`` digits and no cue is too
#: short for a code read out: a tier, a model or an acronym with its number ("d s one", "c e t one")
_MAX_SHORT_CODE_LETTERS = 3
_SHORT_WITHOUT_CUE = "spelled letters with a short number: a model or tier, no code read out"
#: words of an aside that may stand between a word and its spelling
_SAID_WINDOW = 4
#: digits read one by one right before spelled letters that make them one code with the letters
_LEAD_DIGITS = 2
#: ... and that make a listed acronym's letters part of the code too ("three one four a t m")
_LEAD_ACRONYM_DIGITS = 3
_CODE_AFTER_DIGITS = "digits read one by one, then spelled letters: a code"


@detectors.register("spelled")
class SpelledDetector(Detector):
    """Redact spelled runs of letters (and letter-digit codes) that are not known acronyms."""

    emits = SPELLED_LABELS

    def __init__(
        self,
        locale: str = "en-US",
        min_letters: Annotated[int, Field(ge=2)] = 3,
        score: Annotated[float, Field(ge=0.0, le=1.0)] = 0.7,
        acronyms: bool = True,
        business_acronyms: bool = False,
        allow: Sequence[str] = (),
    ) -> None:
        #: language data to use (acronyms and cue phrases)
        self.locale = locale
        #: letters a run needs to be redacted (a letter-digit run needs two letters and a digit)
        self.min_letters = min_letters
        #: score of the entities
        self.score = score
        #: leave runs that spell an acronym of the shipped list alone ("b b c", "a t m")
        self.acronyms = acronyms
        #: also leave alone the business, finance and accounting terms of the locale
        #: (``business_acronyms.txt``: "e b i t d a", "d s o"), for earnings calls and finance meetings
        self.business_acronyms = business_acronyms
        #: more spellings to leave alone, compared without spaces and case ("ACME", "x y z")
        self.allow = tuple(allow)
        if min_letters < 2:
            raise ValueError("min_letters must be at least 2")
        resources = load_locale(locale)
        listed = frozenset(resources.words("acronyms", "words")) if acronyms else frozenset()
        #: business terms: left alone only where no cue or e-mail word asks for a value
        self._business = (
            resources.words("business_acronyms", "words") if business_acronyms else frozenset[str]()
        )
        self._allowed = frozenset(listed | {_squash(term) for term in self.allow})
        #: things named with a number ("c o v i d dash nineteen", "i f r s sixteen"): left alone when
        #: the number is said, and no cue or e-mail word asks for a value
        self._designations = resources.words("designations", "words") if acronyms else frozenset[str]()
        lexicon = get_lexicon(locale)
        self._number_words = frozenset(
            {*lexicon.digits, *lexicon.zero_aliases, *lexicon.teens, *lexicon.tens}
            | lexicon.hundred
            | lexicon.thousand
        )
        self._joiners = frozenset(word for word, symbol in lexicon.symbols.items() if symbol == "-") | {"-"}
        #: listed acronyms that hold a digit ("q2", "mp3"): a stutter on their first letter is allowed
        self._coded = frozenset(word for word in self._allowed if any(char.isdigit() for char in word))
        cues = resources.get("spelling", "cues", {}) or {}
        self._before: list[tuple[tuple[str, ...], str]] = []
        self._after: dict[str, str] = {}
        for label, where in cues.items():
            if label not in SPELLED_LABELS:
                raise ValueError(f"spelling.yaml: unknown cue label {label!r}; one of {SPELLED_LABELS}")
            for phrase in where.get("before", []):
                self._before.append((tuple(str(phrase).lower().split()), label))
            for word in where.get("after", []):
                self._after[str(word).lower()] = label
        self._before.sort(key=lambda item: -len(item[0]))
        # "flight d l two three five seven", "seat k twelve": a short code after a negative context of
        # the identifiers (``negative_before`` of identifiers.yaml) names a flight or a seat, nobody
        self._aside_words = (
            frozenset(word for phrase in value_interruptions(locale).phrases for word in phrase)
            | get_lexicon(locale).fillers
        )
        self._negatives = frozenset(
            tuple(str(phrase).lower().split())
            for phrase in resources.get("identifiers", "negative_before", []) or []
        )
        # ... also after a flight word misheard after "on" ("on fright e k one six one")
        place_words = load_tables(locale, "places", PlaceWords)
        self._flight_words = place_words.flight_words
        self._airline_cues = place_words.airline_cues

    def detect_batch(self, texts: Sequence[AlignedText]) -> list[list[Entity]]:
        return [self._detect_one(aligned) for aligned in texts]

    def _detect_one(self, aligned: AlignedText) -> list[Entity]:
        spelled_notes = [note for note in aligned.annotations if note.kind == "spelled"]
        if not spelled_notes:
            return []
        leads = {id(note): self._digits_before(aligned, note) for note in spelled_notes}
        notes = [
            note
            for note in spelled_notes
            if self._redactable(note) or self._code_after_digits(note, leads[id(note)])
        ]
        if not notes:
            return []
        text = aligned.text
        chunks = [
            (m.start(), m.end(), *aligned.to_original(m.start(), m.end())) for m in _CHUNK.finditer(text)
        ]
        tokens = aligned.tokens
        o_starts = [chunk[2] for chunk in chunks]  # original offsets grow with the text's
        found: list[Entity] = []
        for note in notes:
            # the chunks overlapping the note, found by bisection (linear time on long transcripts)
            high = bisect_left(o_starts, note.end)
            low = high
            while low > 0 and chunks[low - 1][3] > note.start:
                low -= 1
            covering = [c for c in chunks[low:high] if c[2] < note.end and note.start < c[3]]
            if not covering:
                continue
            start, end = covering[0][0], covering[-1][1]
            while start < end and text[start] in _EDGE_PUNCTUATION:
                start += 1
            while (
                end > start
                and text[end - 1] in _EDGE_PUNCTUATION
                and not note.start <= aligned.to_original(end - 1, end)[0] < note.end
            ):
                end -= 1
            if start == end:
                continue
            digits = int(note.data.get("digits", 0))
            lead = leads[id(note)]
            if lead is not None and self._code_after_digits(note, lead):
                # "four eight f four d", "seven two x f n": the digits said before the letters are the
                # code's too (the normalizer joins the letters and the digits after them only)
                at = bisect_right(o_starts, lead.start) - 1
                if 0 <= at < len(chunks) and chunks[at][3] > lead.start:
                    start = chunks[at][0]
                    digits += len(str(lead.data.get("digits", "")))
            labelled = self._label(text[start:end], tokens, start, end, digits)
            if labelled is None:
                continue
            if labelled[1] in (_SHORT_WITHOUT_CUE, _LETTERS_WITHOUT_CUE) and start < covering[0][0]:
                labelled = ("ACCOUNT_NUMBER", _CODE_AFTER_DIGITS)  # the digits before make it a code
            spelled = str(note.data.get("text", "")).lower()
            if labelled[1] in (_CODE_WITHOUT_CUE, _SHORT_WITHOUT_CUE) and self._stuttered_code(spelled):
                continue  # a stutter on a listed code, and no cue asks for a value ("in q q two")
            if labelled[1] in (_CODE_WITHOUT_CUE, _LETTERS_WITHOUT_CUE, _SHORT_WITHOUT_CUE) and self._spells(
                spelled, self._business
            ):
                continue  # "our adjusted e b i t d a margin" (with `business_acronyms`)
            if labelled[1] in (_CODE_WITHOUT_CUE, _LETTERS_WITHOUT_CUE, _SHORT_WITHOUT_CUE) and (
                self._acronym_and_pronoun(spelled, tokens, end)
            ):
                continue  # "the c e o i mean": the pronoun that follows joined the letters
            if labelled[1] in (
                _CODE_WITHOUT_CUE,
                _LETTERS_WITHOUT_CUE,
                _SHORT_WITHOUT_CUE,
            ) and self._designation(spelled, tokens, end):
                continue  # "the c o v i d dash nineteen pandemic", "under i f r s sixteen"
            label, why = labelled
            said = self._said_before(tokens, start, spelled)
            if said is not None:
                # "cormier hold on c o r m i e r": the word the caller spells is redacted with its
                # spelling, and a word said and then spelled is a name unless a cue said otherwise
                start = said
                if label == "SPELLED" and why == _LETTERS_WITHOUT_CUE:
                    label, why = "PERSON", "a word said and then spelled letter by letter"
            found.append(Entity(start, end, label, self.score, self.name, why))
        return found

    @staticmethod
    def _digits_before(aligned: AlignedText, note: Annotation) -> Annotation | None:
        """A number read digit by digit (``style`` "digits", two digits or more) that ends right before
        the spelled run, only spaces between ("four eight | f four d"), or None."""
        original = aligned.original
        k = note.start
        while k > 0 and original[k - 1] == " ":
            k -= 1
        if k == note.start or k == 0 or not original[k - 1].isalpha():
            return None  # cheap: the run opens the text or no word ends right before it
        for number in aligned.annotations_in(max(0, k - 1), k, "number"):
            if (
                number.end == k
                and number.data.get("style") == "digits"
                and len(str(number.data.get("digits", ""))) >= _LEAD_DIGITS
            ):
                return number
        return None

    def _code_after_digits(self, note: Annotation, lead: Annotation | None) -> bool:
        """Two letters or more spelled right after digits read one by one are a code read out ("seven
        two x f n", "three nine k t"), an acronym's letters too when the run holds digits of its own
        or ``_LEAD_ACRONYM_DIGITS`` digits come before it ("eight one c d seven"); not "two b" (one
        letter) nor "one two b b c" (a listed acronym after two digits)."""
        if lead is None or int(note.data.get("letters", 0)) < 2:
            return False
        if int(note.data.get("digits", 0)) or len(str(lead.data.get("digits", ""))) >= _LEAD_ACRONYM_DIGITS:
            return True
        return not self._spells(str(note.data.get("text", "")).lower(), self._allowed)

    def _said_before(self, tokens: Sequence[Token], start: int, spelled: str) -> int | None:
        """The start of the word right before the spelled run (asides between them allowed) that the
        run spells: the run's letters begin with it, a letter of an aside or digits after it aside
        ("where was i c o r m i e r", "l i s t a l seven eight ..."). None when there is none."""
        letters = spelled.rstrip("0123456789")
        index = bisect_right(tokens, start, key=_END)  # tokens that end at or before `start`
        for back in range(1, _SAID_WINDOW + 2):
            k = index - back
            if k < 0:
                return None
            word = tokens[k].lower
            if len(word) >= 3 and word.isalpha() and (letters == word or letters[1:] == word):
                return tokens[k].start
            if word not in self._aside_words:
                return None
        return None

    def _acronym_and_pronoun(self, spelled: str, tokens: Sequence[Token], end: int) -> bool:
        """The run is an acronym and "i" or "a" of the words after it ("c e o i mean", "g p a i
        think", "the f b i a lot"): a word follows the run, which spells a listed acronym (or, with
        ``business_acronyms``, a business term) without its last letter."""
        if len(spelled) < 3 or spelled[-1] not in _ARTICLES:
            return False
        following = token_index_at(tokens, end)
        if (
            following >= len(tokens)
            or not tokens[following].lower.isalpha()
            or len(tokens[following].lower) < 2
        ):
            return False
        shorter = spelled[:-1]
        return self._spells(shorter, self._allowed) or self._spells(shorter, self._business)

    def _redactable(self, note: Annotation) -> bool:
        letters = int(note.data.get("letters", 0))
        digits = int(note.data.get("digits", 0))
        if letters < self.min_letters and not (letters >= 2 and digits >= 1):
            return False
        return not self._spells(str(note.data.get("text", "")).lower(), self._allowed)

    @staticmethod
    def _spells(spelled: str, listed: frozenset[str]) -> bool:
        """The run spells an entry of ``listed``, maybe followed by up to two digits or after the
        article "a"."""
        if not listed:
            return False
        candidates = {spelled}
        letters_part = spelled.rstrip("0123456789")
        if len(spelled) - len(letters_part) <= _MAX_TRAILING_DIGITS and letters_part:
            candidates.add(letters_part)
        for candidate in list(candidates):
            if candidate[:1] in _ARTICLES and len(candidate) > 2:
                candidates.add(candidate[1:])
        return not listed.isdisjoint(candidates)

    def _designation(self, spelled: str, tokens: Sequence[Token], end: int) -> bool:
        """The run spells a listed designation and a number ends it or follows it, straight or after
        "dash" ("c o v i d dash nineteen", "s o c two", "i f r s sixteen")."""
        if not self._designations:
            return False
        letters = spelled.rstrip("0123456789")
        if not letters or not self._spells(letters, self._designations):
            return False
        if letters != spelled:  # "a s c eight four two", "i s o two seven zero zero one"
            return len(spelled) - len(letters) <= _MAX_DESIGNATION_DIGITS
        following = token_index_at(tokens, end)
        after = [token.lower for token in tokens[following : following + 2]]
        if after and after[0] in self._joiners:
            after = after[1:]
        return bool(after) and (after[0] in self._number_words or after[0].isdigit())

    def _stuttered_code(self, spelled: str) -> bool:
        """A stutter: the first letter said twice before a listed letter-digit code ("q q two")."""
        return len(spelled) > 2 and spelled[0] == spelled[1] and spelled[1:] in self._coded

    def _short_code_after_negative(self, value: str, before: Sequence[str]) -> int | None:
        """How many words stand between a code of at most three letters and four digits and a
        negative context right before it (at most two), or None. A flight word misheard after "on"
        is one too (:func:`~redactkit.detect.places.flight_word_at`)."""
        letters = sum(1 for char in value if char.isalpha())
        digits = sum(1 for char in value if char.isdigit())
        if letters > 3 or digits > 4:
            return None
        for skip in range(min(2, len(before)) + 1):  # "flight number d l ...", "flight the ..."
            end = len(before) - skip
            if any(tuple(before[end - len(p) : end]) == p for p in self._negatives if len(p) <= end):
                return skip
            if flight_word_at(before, end - 1, self._flight_words, self._airline_cues):
                return skip
        return None

    def _number_word(self, word: str) -> bool:
        return word[:1].isdigit() or word in self._number_words

    def _label(
        self, value: str, tokens: Sequence[Token], start: int, end: int, digits: int
    ) -> tuple[str, str] | None:
        kind = "letters and digits" if digits else "letters"
        if "@" in value:
            return "EMAIL_ADDRESS", f"spelled {kind} in an e-mail address"
        following = token_index_at(tokens, end)
        after = tokens[following] if following < len(tokens) else None
        if after is not None and after.lower in self._after:
            return self._after[after.lower], f"spelled {kind} followed by an e-mail word"
        preceding = bisect_right(tokens, start, key=_END)  # tokens that end at or before `start`
        before = [token.lower for token in tokens[max(0, preceding - _CUE_WINDOW) : preceding]]
        best: tuple[int, str] | None = None
        for phrase, label in self._before:
            n = len(phrase)
            for stop in range(len(before), n - 1, -1):
                if tuple(before[stop - n : stop]) == phrase:
                    distance = len(before) - stop
                    if best is None or distance < best[0]:
                        best = (distance, label)
                    break
        negative = self._short_code_after_negative(value, before)
        if negative is not None and (best is None or best[0] > negative):
            return None  # "i'm on flight w n seven forty": the flight is nearer than the cue
        if best is not None:
            return best[1], f"spelled {kind} after a {best[1]} cue"
        if digits and (
            digits > _MAX_TRAILING_DIGITS
            or sum(1 for char in value if char.isalpha()) > _MAX_SHORT_CODE_LETTERS
            # "x v as in victor eight | fifty one ninety ...", "four three | g h nine eight": more
            # of the code is said after or before it
            or (after is not None and self._number_word(after.lower))
            or (preceding > 0 and self._number_word(tokens[preceding - 1].lower))
        ):
            return "ACCOUNT_NUMBER", _CODE_WITHOUT_CUE
        if digits:  # still redacted: spelled letters fail closed, but no account number is named
            return "SPELLED", _SHORT_WITHOUT_CUE
        return "SPELLED", _LETTERS_WITHOUT_CUE


_END = attrgetter("end")


def _squash(term: str) -> str:
    return "".join(char for char in term.lower() if char.isalnum())
