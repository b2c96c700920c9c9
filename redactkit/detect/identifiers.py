"""Numbers and codes as callers say them: phone, card, SSN, account, PIN, ZIP, licence, passport.

Runs on normalized text, where "five five five oh one nine nine" is already "5550199" and the
spoken-number normalizer recorded how it was read. A number becomes an entity by its *context* (the
words before it: "my social is", "card number", "member id", "zip") or, without context, by its
*shape*: a Luhn-valid 13-19 digit number is a card, seven or ten to fifteen digits read one by one are
a phone number, any other run of five or more digits read one by one is an account number (recall
first: an identifier with an unusual length is still redacted). Quantities and times ("five
minutes", "6:30", "track two", "1985") are left alone unless a cue introduces them.

Values that are not numbers but are introduced as secrets ("my password is blue monkey", "security
answer is fluffy") are PINs by the same cue logic.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, NamedTuple

from pydantic import Field
from stdnum import luhn

from ..core import AlignedText, Entity
from ..lang import Lexicon, Token, load_locale, token_index_at, tokenize
from .base import Detector, detectors

__all__ = ["DEFAULT_IDENTIFIER_LABELS", "IDENTIFIER_LABELS", "IdentifierDetector", "luhn_valid"]

IDENTIFIER_LABELS = (
    "PHONE_NUMBER",
    "CREDIT_CARD",
    "CREDIT_CARD_META",
    "US_SSN",
    "ACCOUNT_NUMBER",
    "PIN",
    "ZIP_CODE",
    "US_DRIVER_LICENSE",
    "US_PASSPORT",
    "IP_ADDRESS",
    "IBAN_CODE",
    "AGE",
    "DATE_OF_BIRTH",
    "DATE_TIME",
)
#: labels emitted by default (DATE_TIME is detectable but off: "tomorrow at six" identifies nobody)
DEFAULT_IDENTIFIER_LABELS = tuple(label for label in IDENTIFIER_LABELS if label != "DATE_TIME")


@dataclass(frozen=True)
class _CueTables:
    """A locale's identifier cues (``redactkit/lang/<locale>/identifiers.yaml``), ready to match."""

    #: cue phrase (lowercase token tuple) -> (label, strong?)
    cues: dict[tuple[str, ...], tuple[str, bool]]
    #: every word of every cue (they may stand between a cue and its value: "card number is")
    cue_words: frozenset[str]
    #: other words allowed between a cue and its value
    between: frozenset[str]
    #: words after / before which a number is a quantity, never an identifier
    quantity_after: frozenset[str]
    quantity_before: frozenset[str]
    longest: int
    #: label -> what its value must satisfy to take the label after a cue (digit count, checksum)
    rules: dict[str, _ValueRule]
    #: "eighteen years old", "42 yrs old": the locale's number words before "years old"
    age: re.Pattern[str]

    @property
    def labels(self) -> frozenset[str]:
        """Every label a cue of this locale can give."""
        return frozenset(label for label, _ in self.cues.values())


@dataclass(frozen=True)
class _ValueRule:
    """``digits: [min, max]`` and ``validate: <python-stdnum module>`` of a cue block."""

    min_digits: int = 0
    max_digits: int = 1000
    checksum: Any = None  # a python-stdnum module (``stdnum.gb.nhs``) or None

    def accepts(self, digits: str, raw: str) -> bool:
        if not self.min_digits <= len(digits) <= self.max_digits:
            return False
        return self.checksum is None or bool(self.checksum.is_valid(raw.replace(" ", "")))


@cache
def _cue_tables(locale: str) -> _CueTables:
    resources = load_locale(locale)
    cues: dict[tuple[str, ...], tuple[str, bool]] = {}
    rules: dict[str, _ValueRule] = {}
    for label, spec in resources.table("identifiers", "cues").items():
        where = f"locale {locale}: identifiers.cues.{label}"
        strength = spec.get("strength", "strong")
        if strength not in ("strong", "weak"):
            raise ValueError(f"{where}.strength must be strong or weak")
        for phrase in resources.phrases("identifiers", f"cues.{label}.before"):
            cues[phrase] = (label, strength == "strong")
        if "digits" in spec or "validate" in spec:
            rules[label] = _value_rule(spec, where)
    return _CueTables(
        cues=cues,
        cue_words=frozenset(word for cue in cues for word in cue),
        between=resources.words("identifiers", "between"),
        quantity_after=resources.words("identifiers", "quantity_after"),
        quantity_before=resources.words("identifiers", "quantity_before"),
        longest=max(len(cue) for cue in cues),
        rules=rules,
        age=_age_pattern(resources.lexicon),
    )


def _age_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    words = {*lexicon.digits, *lexicon.teens, *lexicon.tens, *lexicon.hundred, *lexicon.number_and}
    alternation = "|".join(sorted(map(re.escape, words), key=lambda word: (-len(word), word)))
    return re.compile(
        rf"\b((?:(?:{alternation}|-|\s)+|\d{{1,3}})\s*)(?:years?|yrs?)[\s-]+old\b", re.IGNORECASE
    )


def _value_rule(spec: Mapping[str, Any], where: str) -> _ValueRule:
    low, high = spec.get("digits", [0, 1000])
    checksum = None
    if spec.get("validate"):
        try:  # checksums come from python-stdnum: "gb.nhs", "iban", "luhn"
            checksum = importlib.import_module(f"stdnum.{spec['validate']}")
        except ImportError:
            raise ValueError(f"{where}.validate: no python-stdnum module {spec['validate']!r}") from None
    return _ValueRule(int(low), int(high), checksum)


_WORTH_A_LOOK = re.compile(r"\d|pass|pin|answer|maiden|years? old", re.IGNORECASE)
_HEX32 = re.compile(r"^[0-9a-f]{32}$")
_IPV4 = re.compile(r"\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}")


def luhn_valid(digits: str) -> bool:
    """The Luhn checksum of payment card numbers (python-stdnum's implementation)."""
    return bool(luhn.is_valid(digits))


class _Candidate(NamedTuple):
    first: int  # token index
    stop: int
    digits: str
    alnum: bool  # letters mixed in ("d1234567")


@detectors.register("identifiers")
class IdentifierDetector(Detector):
    """Numbers and codes introduced by context or recognisable by shape (see module docs)."""

    emits = DEFAULT_IDENTIFIER_LABELS

    @classmethod
    def label_references(cls, params: Mapping[str, Any]) -> list[tuple[str, str]]:
        return [(f"labels[{index}]", label) for index, label in enumerate(params.get("labels", cls.emits))]

    def __init__(
        self,
        labels: tuple[str, ...] = DEFAULT_IDENTIFIER_LABELS,
        window: Annotated[int, Field(ge=1, le=20)] = 6,
        min_digits: Annotated[int, Field(ge=1)] = 5,
        cue_score: Annotated[float, Field(ge=0.0, le=1.0)] = 0.85,
        shape_score: Annotated[float, Field(ge=0.0, le=1.0)] = 0.6,
        locale: str = "en-US",
    ) -> None:
        #: labels this detector may emit
        self.labels = tuple(labels)
        #: how many words before a number are searched for a cue
        self.window = window
        #: digits a number read one by one needs to be an identifier without a cue
        self.min_digits = min_digits
        #: score of an entity introduced by a cue
        self.cue_score = cue_score
        #: score of an entity recognised by its shape alone
        self.shape_score = shape_score
        #: language resources: cue phrases and quantity words (redactkit/lang/<locale>/identifiers.yaml)
        self.locale = locale
        self._tables = _cue_tables(locale)
        known = set(IDENTIFIER_LABELS) | self._tables.labels
        unknown = set(self.labels) - known
        if unknown:
            raise ValueError(f"unknown labels {sorted(unknown)}; choose from {', '.join(sorted(known))}")

    def detect_batch(self, texts: Sequence[AlignedText]) -> list[list[Entity]]:
        return [self._detect_one(aligned) if _WORTH_A_LOOK.search(aligned.text) else [] for aligned in texts]

    # -- one text -----------------------------------------------------------------------------------
    def _detect_one(self, aligned: AlignedText) -> list[Entity]:
        text = aligned.text
        tokens = tokenize(text)
        found: list[Entity] = []
        used: set[int] = set()
        for candidate in self._candidates(tokens):
            entity = self._classify(aligned, tokens, candidate)
            if entity is not None:
                found.append(entity)
                used.update(range(candidate.first, candidate.stop))
        if "PIN" in self.labels:
            found.extend(self._introduced_secrets(text, tokens, used))
        found.extend(self._dates(text))
        found.extend(self._spoken_ages(text))
        return [entity for entity in found if entity.label in self.labels]

    # -- dates: birth dates, card expiry, other dates -------------------------------------------------
    _MONTH = (
        r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
        r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)"
    )
    _DAY = r"\d{1,2}(?:st|nd|rd|th)?"
    _DATE = re.compile(
        rf"\b(?:{_MONTH}\s+(?:the\s+)?{_DAY}(?:,?\s+(?:of\s+)?\d{{4}})?"
        rf"|(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?"
        rf"|{_MONTH}\s+\d{{4}}"
        r"|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}/\d{2,4})\b",
        re.IGNORECASE,
    )
    _BIRTH = re.compile(r"\b(?:born|birthday|birth ?date|date of birth|dob|d o b)\b", re.IGNORECASE)
    _EXPIRY = re.compile(
        r"\b(?:expir\w*|exp|valid (?:thru|through|until)|good (?:thru|through))\b", re.IGNORECASE
    )

    def _dates(self, text: str) -> list[Entity]:
        found: list[Entity] = []
        for match in self._DATE.finditer(text):
            before = text[max(0, match.start() - 40) : match.start()]
            if self._BIRTH.search(before):
                label, why = "DATE_OF_BIRTH", "date introduced as a birth date"
            elif self._EXPIRY.search(before):
                label, why = "CREDIT_CARD_META", "date introduced as an expiry"
            else:
                label, why = "DATE_TIME", "date"
            score = self.cue_score if label != "DATE_TIME" else self.shape_score
            found.append(Entity(match.start(), match.end(), label, score, self.name, why))
        return found

    def _spoken_ages(self, text: str) -> list[Entity]:
        """ "eighteen years old": a lone number word stays a word, so the digit rules never see it."""
        found = []
        for match in self._tables.age.finditer(text):
            start, end = match.span(1)
            while start < end and text[start] in " -":
                start += 1
            while end > start and text[end - 1] in " -":
                end -= 1
            if start < end and text[start:end].lower() not in ("and",):
                found.append(
                    Entity(start, end, "AGE", self.cue_score, self.name, "number followed by 'years old'")
                )
        return found

    def _candidates(self, tokens: Sequence[Token]) -> list[_Candidate]:
        """Maximal groups of digit-bearing tokens, joined by spaces or - . / ( ) + separators.

        "(212) 555-0142" and "+1 212 555 0142" are one candidate each.
        """
        result: list[_Candidate] = []
        i = 0
        while i < len(tokens):
            if not _has_digit(tokens[i].lower):
                i += 1
                continue
            first = i
            if (
                first > 0
                and tokens[first - 1].lower in {"(", "+"}
                and tokens[first - 1].end == tokens[first].start
            ):
                first -= 1
            stop = i + 1
            while stop < len(tokens):
                word = tokens[stop].lower
                if _has_digit(word) and tokens[stop].start - tokens[stop - 1].end <= 1:
                    stop += 1
                elif (
                    word in {"(", ")"}
                    and stop + 1 < len(tokens)
                    and _has_digit(tokens[stop + 1].lower)
                    and tokens[stop + 1].start - tokens[stop].end <= 1
                ) or (
                    word in {"-", ".", "/"}
                    and stop + 1 < len(tokens)
                    and _has_digit(tokens[stop + 1].lower)
                    and tokens[stop].start == tokens[stop - 1].end
                ):
                    stop += 2
                elif (
                    word in {"x", "ext", "extension"}
                    and stop + 1 < len(tokens)
                    and tokens[stop + 1].lower.isdigit()
                ):
                    stop += 2  # phone extension
                else:
                    break
            words = [tokens[k].lower for k in range(first, stop)]
            digits = "".join(ch for word in words for ch in word if ch.isdigit())
            alnum = any(
                any(ch.isalpha() for ch in word) for word in words if word not in {"x", "ext", "extension"}
            )
            result.append(_Candidate(first, stop, digits, alnum))
            i = stop
        return result

    def _cue_before(self, tokens: Sequence[Token], first: int) -> tuple[str, bool] | None:
        """The nearest cue in the window before token ``first``: (label, strong?).

        Phrases are matched by where they end, longest first, so "area code" wins over "code".
        Only filler words, other cue words and single letters (part of a code: "license b 8831917")
        may stand between the cue and the value.
        """
        tables = self._tables
        stop = max(0, first - self.window - tables.longest)
        for end in range(first, stop, -1):
            between = [t.lower for t in tokens[end:first]]
            if len(between) > self.window or not all(
                word in tables.between or word in tables.cue_words or (len(word) == 1 and word.isalpha())
                for word in between
            ):
                return None
            for length in range(min(tables.longest, end), 0, -1):
                cue = tables.cues.get(tuple(t.lower for t in tokens[end - length : end]))
                if cue is not None:
                    return cue
        return None

    def _classify(
        self, aligned: AlignedText, tokens: Sequence[Token], candidate: _Candidate
    ) -> Entity | None:
        digits = candidate.digits
        n = len(digits)
        text_start, text_end = tokens[candidate.first].start, tokens[candidate.stop - 1].end
        raw = aligned.text[text_start:text_end]
        previous = tokens[candidate.first - 1].lower if candidate.first > 0 else ""
        following = tokens[candidate.stop].lower if candidate.stop < len(tokens) else ""
        cue = self._cue_before(tokens, candidate.first)
        if (
            following in ("years", "year")
            and candidate.stop + 1 < len(tokens)
            and tokens[candidate.stop + 1].lower == "old"
        ):
            return self._entity(text_start, text_end, "AGE", self.cue_score, "number followed by 'years old'")
        rule = self._tables.rules.get(cue[0]) if cue is not None else None
        if cue is not None and rule is not None:
            # the locale says what the value looks like ("nhs number": ten digits, mod-11 checksum);
            # a value that is not one is still introduced as a number: redacted, as an account number
            label = cue[0] if rule.accepts(digits, raw) else "ACCOUNT_NUMBER"
            score = self.cue_score if cue[1] else self.shape_score
            return self._entity(text_start, text_end, label, score, f"number introduced as {label}")
        if cue is not None:
            label, strong = cue
            if (
                previous
                and len(previous) == 1
                and previous.isalpha()
                and label in _LETTER_PREFIXED
                and tokens[candidate.first].start - tokens[candidate.first - 1].end <= 1
            ):
                # "u six two nine …" -> "u 629…": a single letter before the digits is part of the code
                text_start = tokens[candidate.first - 1].start
            if label == "AGE" and n > 3:
                label = "ACCOUNT_NUMBER"
            if label == "CREDIT_CARD" and n < 12:
                label = "CREDIT_CARD_META" if n <= 4 else "ACCOUNT_NUMBER"
            if label == "PHONE_NUMBER" and n < 3:
                return None
            if label == "ZIP_CODE" and n not in (5, 9):
                label = "ZIP_CODE" if 3 <= n <= 10 else "ACCOUNT_NUMBER"
            score = self.cue_score if strong else self.shape_score
            return self._entity(text_start, text_end, label, score, f"number introduced as {label}")
        if following in self._tables.quantity_after or previous in self._tables.quantity_before or ":" in raw:
            return None
        if _IPV4.fullmatch(raw) and all(int(part) <= 255 for part in raw.split(".")):
            return self._entity(
                text_start, text_end, "IP_ADDRESS", self.shape_score, "four numbers up to 255"
            )
        if _HEX32.match(raw.replace(" ", "")) and candidate.alnum:
            return self._entity(text_start, text_end, "IP_ADDRESS", self.shape_score, "32 hex digits (IPv6)")
        reading = self._reading(aligned, text_start, text_end)
        written_by_caller = reading is None  # digits were in the transcript already (formatted text)
        one_by_one = reading in ("digits", "mixed") or written_by_caller
        if 13 <= n <= 19 and luhn_valid(digits) and not candidate.alnum:
            return self._entity(
                text_start, text_end, "CREDIT_CARD", 0.9, f"{n} digits with a valid Luhn checksum"
            )
        if not one_by_one:
            return None
        if candidate.alnum and n >= 3 and len(raw.replace(" ", "")) >= 6:
            return self._entity(
                text_start, text_end, "ACCOUNT_NUMBER", self.shape_score, "letters and digits code"
            )
        if candidate.alnum:
            return None
        if n in (7, 10, 11) or (12 <= n <= 15 and not luhn_valid(digits)):
            return self._entity(
                text_start, text_end, "PHONE_NUMBER", self.shape_score, f"{n} digits read as a number"
            )
        if n == 9 and written_by_caller and re.fullmatch(r"\d{3}-\d{2}-\d{4}", raw):
            return self._entity(text_start, text_end, "US_SSN", self.shape_score, "ddd-dd-dddd")
        if n >= self.min_digits and not written_by_caller:
            return self._entity(
                text_start, text_end, "ACCOUNT_NUMBER", self.shape_score, f"{n} digits read one by one"
            )
        return None

    @staticmethod
    def _reading(aligned: AlignedText, start: int, end: int) -> str | None:
        """How the digits were spoken (the number normalizer's style), or None if already written."""
        o_start, o_end = aligned.to_original(start, end)
        styles = [note.data.get("style") for note in aligned.annotations_in(o_start, o_end, "number")]
        if not styles:
            return (
                "digits" if any(n.kind == "spelled" for n in aligned.annotations_in(o_start, o_end)) else None
            )
        if all(style == "digits" for style in styles):
            return "digits"
        if any(style in ("time", "ordinal") for style in styles):
            return "time"
        if len(styles) > 1:
            return "mixed"
        return str(styles[0])

    def _entity(self, start: int, end: int, label: str, score: float, why: str) -> Entity:
        return Entity(start, end, label, score, self.name, why)

    # -- secrets introduced by a cue ------------------------------------------------------------------
    _SECRET = re.compile(
        r"\b(?:password|passcode|pass code|pin|security answer|secret answer"
        r"|answer to (?:my|the) security question|mother'?s maiden name|maiden name|passphrase)"
        r"\s+(?:is|was|it's|would be|should be|:)?\s*",
        re.IGNORECASE,
    )
    _STOP = frozenset("and but so please thanks thank then because if or".split())

    def _introduced_secrets(self, text: str, tokens: Sequence[Token], used: set[int]) -> list[Entity]:
        found: list[Entity] = []
        for match in self._SECRET.finditer(text):
            first = token_index_at(tokens, match.end())
            taken: list[Token] = []
            for token in tokens[first : first + 5]:
                if token.lower in self._STOP or token.lower in {".", ",", "?", "!"} or len(taken) >= 4:
                    break
                taken.append(token)
            if taken and not any(index in used for index in range(first, first + len(taken))):
                found.append(
                    Entity(
                        taken[0].start,
                        taken[-1].end,
                        "PIN",
                        self.cue_score,
                        self.name,
                        "value introduced as a secret",
                    )
                )
        return found


_LETTER_PREFIXED = frozenset({"US_DRIVER_LICENSE", "US_PASSPORT", "ACCOUNT_NUMBER", "PIN", "ZIP_CODE"})


def _has_digit(word: str) -> bool:
    return any(ch.isdigit() for ch in word)
