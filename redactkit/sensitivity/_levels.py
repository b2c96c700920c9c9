"""The sensitivity scale of a row and what a policy may do at each level."""

from __future__ import annotations

import difflib
from enum import StrEnum

from ..errors import ConfigError

__all__ = ["ACTIONS", "LEVELS", "Action", "Sensitivity", "parse_action", "parse_level"]


class Sensitivity(StrEnum):
    """How sensitive a whole row is, on an ordered scale; a row takes the highest level any of its
    spans or cues gives it.

    The order follows what redaction can and cannot do for the row:

    ``none``
        nothing found.
    ``pii``
        identifiers (direct or quasi): redacting the spans makes the row safe to annotate.
    ``special``
        special-category data (GDPR art. 9/10: health, religion, politics, sexuality, crime) or a
        child's details: redacting the term hides the value, but what is left often still says it
        ("my [MEDICATION] dose went up since the [MEDICAL_CONDITION] diagnosis").
    ``intimate``
        sexual or intimate content: the row as a whole is the sensitive part, no span covers it;
        word-level redaction cannot make it fit for a general annotator pool.
    ``safety``
        self-harm, violence, abuse or threats: a person may be at risk; the row needs a trained,
        restricted review pool (and may call for escalation), never a general one.
    """

    NONE = "none"
    PII = "pii"
    SPECIAL = "special"
    INTIMATE = "intimate"
    SAFETY = "safety"

    @property
    def rank(self) -> int:
        return _RANK[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Sensitivity):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Sensitivity):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Sensitivity):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Sensitivity):
            return NotImplemented
        return self.rank >= other.rank


#: the levels from lowest to highest
LEVELS: tuple[Sensitivity, ...] = tuple(Sensitivity)
_RANK = {level: index for index, level in enumerate(LEVELS)}


class Action(StrEnum):
    """What happens to a row at a level.

    ``redact``: the spans are replaced (the anonymizer's policy), the row stays in the output.
    ``drop_text``: the whole transcript is replaced with the marker. ``route``: the row goes, span-
    redacted, to a separate output for a restricted review pool; the main output keeps the row with
    its text withheld (the marker), so row counts match.
    """

    REDACT = "redact"
    DROP_TEXT = "drop_text"
    ROUTE = "route"

    @property
    def withholds(self) -> bool:
        """Whether the main output withholds the row's text."""
        return self is not Action.REDACT


ACTIONS: tuple[Action, ...] = tuple(Action)


def _close(value: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.5)
    return f" (did you mean {close[0]!r}?)" if close else ""


def parse_level(value: object, *, key: str) -> Sensitivity:
    """``value`` as a level; a ConfigError naming ``key`` with a did-you-mean otherwise."""
    choices = [level.value for level in LEVELS]
    if isinstance(value, Sensitivity):
        return value
    if isinstance(value, str) and value in choices:
        return Sensitivity(value)
    raise ConfigError(
        f"unknown sensitivity level {value!r}{_close(str(value), choices)}. Levels, lowest first: "
        f"{', '.join(choices)}",
        key=key,
        example="sensitivity:\n  policy:\n    safety: route",
    )


def parse_action(value: object, *, key: str) -> Action:
    """``value`` as an action; a ConfigError naming ``key`` with a did-you-mean otherwise."""
    choices = [action.value for action in ACTIONS]
    if isinstance(value, Action):
        return value
    if isinstance(value, str) and value in choices:
        return Action(value)
    raise ConfigError(
        f"unknown sensitivity action {value!r}{_close(str(value), choices)}. Actions: {', '.join(choices)}",
        key=key,
        example="sensitivity:\n  policy:\n    intimate: drop_text\n    safety: route",
    )
