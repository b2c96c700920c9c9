"""The ``conversation:`` block of a pipeline configuration: which detections become known values.

Only confident detections become known values of a conversation, because every known value is
searched for in every turn: one wrong known value ("will" taken for a name) would redact a word all
through the conversation. The settings below are the knobs of that trade-off.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = ["DEFAULT_LABELS", "ConversationOptions"]

#: Labels whose values are searched for across a conversation by default: direct identifiers whose
#: repetitions carry no cue. LOCATION and ORGANIZATION can be added; they are noisier. A child's age
#: (an AGE protected as a MINOR) is known whatever this lists: a special category fails closed.
DEFAULT_LABELS: tuple[str, ...] = (
    "PERSON",
    "PHONE_NUMBER",
    "EMAIL_ADDRESS",
    "ADDRESS",
    "CREDIT_CARD",
    "US_SSN",
    "ACCOUNT_NUMBER",
    "IBAN_CODE",
    "US_DRIVER_LICENSE",
    "US_PASSPORT",
)


class ConversationOptions(BaseModel):
    """How a conversation's turns share what was found in any one of them.

    >>> ConversationOptions(min_score=0.6).labels[:2]
    ('PERSON', 'PHONE_NUMBER')
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    #: redact conversations as a whole wherever a group column is given (CLI: ``--conversation``)
    enabled: bool = False
    #: labels whose confident detections become known values of their conversation (a child's age
    #: always does)
    labels: tuple[str, ...] = DEFAULT_LABELS
    #: a detection needs at least this score to become a known value
    min_score: Annotated[float, Field(ge=0.0, le=1.0)] = 0.5
    #: a known value, or a part of a name searched for alone, needs this many letters or digits
    min_length: Annotated[int, Field(ge=1, le=64)] = 3
    #: a number needs this many digits to become a known value
    min_digits: Annotated[int, Field(ge=3, le=64)] = 6
    #: the last this many digits of a known number are a mention of it ("ending in 4412"); 0: off
    last_digits: Annotated[int, Field(ge=0, le=16)] = 4
    #: a given or family name alone, or a family name after a title, is a mention of the full name
    name_parts: bool = True
    #: a name part that is a dictionary word at least this frequent (Zipf scale: "mark" 5.1, "grace"
    #: 4.6, "patel" 3.5) counts alone only with more evidence: a title or address cue before it
    #: ("thanks mark"), the rest of the name next to it, or a capital letter mid-sentence
    common_word_zipf: Annotated[float, Field(ge=0.0, le=8.0)] = 4.5
    #: a name part no name list knows needs the same evidence when it is a dictionary word or at
    #: least this frequent ("sales", "ebitda": a detector's mistake should not spread)
    unlisted_word_zipf: Annotated[float, Field(ge=0.0, le=8.0)] = 3.0
    #: conversations longer than this many turns are redacted in windows of this many turns; known
    #: values carry forward from window to window (memory stays bounded)
    max_turns: Annotated[int, Field(ge=2)] = 2000
    #: known values kept per conversation (the most recent are kept when there are more)
    max_known: Annotated[int, Field(ge=1)] = 1000
    #: the locale whose titles, forms of address and street abbreviations (``names.yaml``,
    #: ``addresses.yaml`` of ``redactkit/lang/<locale>/``) conversation mode reads
    locale: str = "en-US"

    @field_validator("locale")
    @classmethod
    def _locale(cls, value: str) -> str:
        from ..lang import available_locales

        if value not in available_locales():
            raise ValueError(f"unknown locale {value!r}; available: {', '.join(available_locales())}")
        return value

    @field_validator("labels", mode="before")
    @classmethod
    def _labels(cls, value: object) -> object:
        if isinstance(value, str):
            raise ValueError("labels is a list of labels, e.g. [PERSON, PHONE_NUMBER]")
        if isinstance(value, list | tuple):
            labels = tuple(value)
            bad = [label for label in labels if not isinstance(label, str) or not label.isupper()]
            if bad:
                raise ValueError(
                    f"labels are upper-case names such as PERSON or PHONE_NUMBER, not {bad[0]!r}"
                )
            return labels
        return value
