"""The ``sensitivity:`` block of a pipeline configuration: what happens to a row at each level."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pydantic
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..errors import ConfigError
from ._levels import LEVELS, Action, Sensitivity, parse_action, parse_level

__all__ = ["DEFAULT_MARKER", "SensitivityOptions", "load_sensitivity_options"]

#: what replaces the whole text of a withheld row (``{level}``: the row's level)
DEFAULT_MARKER = "[WITHHELD]"
_POLICY_LEVELS = tuple(level for level in LEVELS if level is not Sensitivity.NONE)
_EXAMPLE = (
    "sensitivity:\n  policy:\n    special: redact\n    intimate: drop_text\n    safety: route\n"
    "  marker: '[WITHHELD]'"
)


class SensitivityOptions(BaseModel):
    """Per-row sensitivity: the action per level, the marker of withheld rows, the cue locale.

    Every row gets a level (``none < pii < special < intimate < safety``) from its spans' label
    categories and from row-level cues (:mod:`redactkit.sensitivity`). ``policy`` maps the levels
    ``pii``, ``special``, ``intimate`` and ``safety`` to ``redact`` (default), ``drop_text`` or
    ``route``; a user configuration extends the default one level by level.

    >>> SensitivityOptions(policy={"safety": "route"}).action(Sensitivity.SAFETY)
    <Action.ROUTE: 'route'>
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    #: action per level (levels left out: ``redact``)
    policy: dict[str, str] = Field(default_factory=dict, validate_default=True)
    #: the text a withheld row gets in the main output; ``{level}`` is replaced with its level
    marker: str = Field(default=DEFAULT_MARKER, min_length=1)
    #: the locale whose row-level cues (``redactkit/lang/<locale>/sensitivity.yaml``) apply
    locale: str = "en-US"
    #: raise the level a label gives a row (``{MINOR: safety}``); a label's level follows its
    #: category otherwise (identifiers: pii, special category: special). Lowering is an error.
    label_levels: dict[str, str] = Field(default_factory=dict)

    @field_validator("policy", mode="before")
    @classmethod
    def _check_policy(cls, value: Any) -> Any:
        if not isinstance(value, Mapping):
            raise ConfigError("policy maps levels to actions", key="sensitivity.policy", example=_EXAMPLE)
        checked = {level.value: Action.REDACT.value for level in _POLICY_LEVELS}
        for level, action in value.items():
            key = f"sensitivity.policy.{level}"
            parsed = parse_level(level, key=key)
            if parsed is Sensitivity.NONE:
                raise ConfigError(
                    "a row at level none has nothing to withhold; its spans are redacted. Set a "
                    f"policy for {', '.join(level.value for level in _POLICY_LEVELS)}",
                    key=key,
                    example=_EXAMPLE,
                )
            checked[parsed.value] = parse_action(action, key=key).value
        return checked

    @field_validator("label_levels", mode="before")
    @classmethod
    def _check_label_levels(cls, value: Any) -> Any:
        if not isinstance(value, Mapping):
            raise ConfigError(
                "label_levels maps labels to levels",
                key="sensitivity.label_levels",
                example="sensitivity:\n  label_levels:\n    MINOR: safety",
            )
        return {
            str(label): parse_level(level, key=f"sensitivity.label_levels.{label}").value
            for label, level in value.items()
        }

    @field_validator("marker")
    @classmethod
    def _check_marker(cls, value: str) -> str:
        try:
            value.format(level="safety")
        except (KeyError, IndexError, ValueError):
            raise ConfigError(
                "the marker may use {level} and no other placeholder (double other braces: {{ }})",
                key="sensitivity.marker",
                example="sensitivity:\n  marker: '[WITHHELD {level}]'",
            ) from None
        return value

    @model_validator(mode="after")
    def _monotone(self) -> SensitivityOptions:
        """A more sensitive level is withheld at least as much as a less sensitive one: a policy
        that routes ``special`` rows but redacts ``safety`` rows is a mistake, not a choice."""
        withheld: Sensitivity | None = None
        for level in _POLICY_LEVELS:
            action = self.action(level)
            if action.withholds:
                withheld = level
            elif withheld is not None:
                raise ConfigError(
                    f"{level.value} rows would be redacted while less sensitive {withheld.value} rows are "
                    f"withheld ({self.action(withheld).value}); withhold {level.value} too",
                    key=f"sensitivity.policy.{level.value}",
                    example=_EXAMPLE,
                )
        return self

    def action(self, level: Sensitivity | str) -> Action:
        """The action for rows at ``level``."""
        return Action(self.policy.get(Sensitivity(level).value, Action.REDACT.value))

    def routed_levels(self) -> tuple[Sensitivity, ...]:
        """The levels whose rows go to the routed output."""
        return tuple(level for level in _POLICY_LEVELS if self.action(level) is Action.ROUTE)

    def marker_for(self, level: Sensitivity | str) -> str:
        return self.marker.format(level=Sensitivity(level).value)

    def to_mapping(self) -> dict[str, Any]:
        return {
            "policy": {level.value: self.action(level).value for level in _POLICY_LEVELS},
            "marker": self.marker,
            "locale": self.locale,
            "label_levels": dict(self.label_levels),
        }


def load_sensitivity_options(value: SensitivityOptions | Mapping[str, Any] | None) -> SensitivityOptions:
    """Options from a mapping (the config block or constructor argument); errors are ConfigErrors
    naming the key."""
    if isinstance(value, SensitivityOptions):
        return value
    if value is not None and not isinstance(value, Mapping):
        raise ConfigError("sensitivity must be a mapping", key="sensitivity", example=_EXAMPLE)
    try:
        return SensitivityOptions.model_validate(dict(value or {}))
    except pydantic.ValidationError as exc:
        raise unwrap_validation_error(exc, "sensitivity", _EXAMPLE) from None


def unwrap_validation_error(exc: pydantic.ValidationError, section: str, example: str) -> ConfigError:
    """The ConfigError a validator raised, or one naming the key pydantic reports."""
    error = exc.errors()[0]
    inner = (error.get("ctx") or {}).get("error")
    if isinstance(inner, ConfigError):
        return inner
    key = ".".join([section, *(str(part) for part in error["loc"])])
    if error["type"] == "extra_forbidden":
        fields = ", ".join(SensitivityOptions.model_fields)
        return ConfigError(f"unknown key. Valid keys: {fields}", key=key, example=example)
    return ConfigError(f"invalid value: {error['msg']}", key=key, example=example)
