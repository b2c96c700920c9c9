"""Declarative pattern recognizers: a regex, its label, score, context words and validator, in config.

Like Presidio's YAML recognizers, everything a pattern recognizer needs is declared together, so a
new identifier (an employee number, an internal ticket id) needs no Python class::

    detectors:
      regex:
        recognizers: [{label: EMPLOYEE_ID, pattern: 'E\\d{6}'}]

Patterns run on the *normalized* text, so "e one two three four five six" is matched as ``E123456``
and the entity is mapped back onto the spoken words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from stdnum import iban as stdnum_iban
from stdnum import luhn as stdnum_luhn
from stdnum.us import rtn as stdnum_rtn
from stdnum.us import ssn as stdnum_ssn

from ..core import AlignedText, Entity
from .base import Detector, detectors

__all__ = ["VALIDATORS", "PatternSpec", "RegexDetector", "RegexRecognizer"]

Score = Annotated[float, Field(ge=0.0, le=1.0)]


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


# The checksums are python-stdnum's (maintained, with each number's published rules), applied to the
# digits (or letters and digits) of a match: a spoken or written match carries spaces and dashes.
def _luhn(text: str) -> bool:
    digits = _digits(text)
    return len(digits) >= 2 and bool(stdnum_luhn.is_valid(digits))


def _iban(text: str) -> bool:
    return bool(stdnum_iban.is_valid("".join(ch for ch in text if ch.isalnum())))


def _aba_routing(text: str) -> bool:
    return bool(stdnum_rtn.is_valid(_digits(text)))


def _us_ssn(text: str) -> bool:
    return bool(stdnum_ssn.is_valid(_digits(text)))


#: checksum and plausibility validators a recognizer may name; a match that fails it is dropped
VALIDATORS: dict[str, Callable[[str], bool]] = {
    "luhn": _luhn,
    "iban": _iban,
    "aba_routing": _aba_routing,
    "us_ssn": _us_ssn,
}
ValidatorName = Literal["luhn", "iban", "aba_routing", "us_ssn"]


class PatternSpec(BaseModel):
    """One regular expression of a recognizer, with its own score (Presidio's ``patterns`` entries)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    regex: str = Field(min_length=1)
    #: the score of a match without context; ``None`` takes the recognizer's ``score``
    score: Score | None = None
    #: a name for the explanation string (no effect on matching)
    name: str | None = None

    @field_validator("regex")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"not a valid regular expression ({exc.msg} at position {exc.pos})") from None
        return value


class RegexRecognizer(BaseModel):
    """A label's patterns, context words and validator, declared together."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    #: the label entities are reported and redacted as
    label: str = Field(min_length=1, pattern=r"^[A-Z][A-Z0-9_]*$")
    #: one regular expression (shorthand for ``patterns: [{regex: ...}]``)
    pattern: str | None = None
    patterns: list[PatternSpec] = Field(default_factory=list)
    #: the score of a match without context words nearby
    score: Score = 0.6
    #: words that make a match more likely when they occur shortly before (or after) it
    context: list[str] = Field(default_factory=list)
    #: how many words before and after a match are searched for context words
    context_window: int = Field(default=6, ge=1)
    #: added to the score when a context word is near (Presidio's context similarity factor)
    context_boost: Score = 0.35
    #: report a match only when a context word is near (for weak, generic patterns)
    require_context: bool = False
    #: a checksum a match must pass: luhn, iban, aba_routing or us_ssn
    validator: ValidatorName | None = None
    #: match letters regardless of case (transcripts are mostly lowercase)
    ignore_case: bool = True
    #: a match must not start or end inside a word
    whole_words: bool = True

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        if value is not None:
            PatternSpec(regex=value)
        return value

    @model_validator(mode="after")
    def _has_a_pattern(self) -> RegexRecognizer:
        if (self.pattern is None) == (not self.patterns):
            raise ValueError("give exactly one of `pattern` (one regex) or `patterns` (a list)")
        return self

    def all_patterns(self) -> list[PatternSpec]:
        return [PatternSpec(regex=self.pattern)] if self.pattern is not None else list(self.patterns)


_WORD = re.compile(r"\w+")


@detectors.register("regex")
class RegexDetector(Detector):
    """Pattern recognizers declared in config: regex + label + score + context words + validator.

    A match scores ``score`` (or its pattern's own score), plus ``context_boost`` (capped at 1.0)
    when one of the ``context`` words occurs within ``context_window`` words of it; with
    ``require_context`` a match without context is dropped. A ``validator`` (``luhn``, ``iban``,
    ``aba_routing``, ``us_ssn``) drops matches that fail the checksum.
    """

    @classmethod
    def label_references(cls, params: Mapping[str, Any]) -> list[tuple[str, str]]:
        """Each recognizer's label, checked against the label registry (new ones go under ``labels:``)."""
        references = []
        for index, item in enumerate(params.get("recognizers") or ()):
            label = item.label if isinstance(item, RegexRecognizer) else item.get("label")
            references.append((f"recognizers[{index}].label", str(label)))
        return references

    def __init__(self, recognizers: Sequence[RegexRecognizer] = ()) -> None:
        #: the pattern recognizers, each a mapping of RegexRecognizer's keys in YAML
        self.recognizers = [
            item if isinstance(item, RegexRecognizer) else RegexRecognizer.model_validate(item)
            for item in recognizers
        ]
        self._compiled: list[tuple[RegexRecognizer, re.Pattern[str], float, str]] = []
        for recognizer in self.recognizers:
            flags = re.IGNORECASE if recognizer.ignore_case else 0
            before, after = (r"(?<!\w)", r"(?!\w)") if recognizer.whole_words else ("", "")
            for index, spec in enumerate(recognizer.all_patterns()):
                name = spec.name or f"{recognizer.label} pattern {index + 1}"
                score = recognizer.score if spec.score is None else spec.score
                regex = re.compile(f"{before}(?:{spec.regex}){after}", flags)
                self._compiled.append((recognizer, regex, score, name))

    def detect_batch(self, texts: Sequence[AlignedText]) -> list[list[Entity]]:
        return [self._detect(aligned.text) for aligned in texts]

    def _detect(self, text: str) -> list[Entity]:
        if not self._compiled:
            return []
        words: list[tuple[int, int, str]] | None = None
        entities: list[Entity] = []
        for recognizer, regex, score, name in self._compiled:
            for match in regex.finditer(text):
                if match.end() == match.start():
                    continue
                value = match.group(0)
                if recognizer.validator is not None and not VALIDATORS[recognizer.validator](value):
                    continue
                explanation = f"regex {name}"
                if recognizer.validator is not None:
                    explanation += f", {recognizer.validator} valid"
                final = score
                if recognizer.context:
                    if words is None:
                        words = [(m.start(), m.end(), m.group(0).lower()) for m in _WORD.finditer(text)]
                    cue = _context_word(words, match.start(), match.end(), recognizer)
                    if cue is not None:
                        final = min(1.0, score + recognizer.context_boost)
                        explanation += f", context word {cue!r}"
                    elif recognizer.require_context:
                        continue
                entities.append(
                    Entity(match.start(), match.end(), recognizer.label, final, self.name, explanation)
                )
        return entities


def _context_word(
    words: list[tuple[int, int, str]], start: int, end: int, recognizer: RegexRecognizer
) -> str | None:
    """The first context word (or phrase) within the window around ``[start, end)``, if any."""
    before = [word for s, e, word in words if e <= start][-recognizer.context_window :]
    after = [word for s, e, word in words if s >= end][: recognizer.context_window]
    nearby = " " + " ".join(before) + " | " + " ".join(after) + " "
    for cue in recognizer.context:
        phrase = " ".join(_WORD.findall(cue.lower()))
        if phrase and f" {phrase} " in nearby:
            return cue
    return None
