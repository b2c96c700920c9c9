"""Row-level sensitivity: how sensitive a whole transcript is, and what to do with it.

Span redaction hides values; some rows must not reach a general annotator pool at all. Every row
gets a level on an ordered scale, ``none < pii < special < intimate < safety`` (the order and why:
:class:`Sensitivity`), and reasons: the labels and cue classes that gave it (``label:PERSON``,
``cue:self_harm``; never text). A row's level is the highest of

* its spans: a label's registry category gives its level (direct and quasi-identifiers: ``pii``,
  special category: ``special``; ``sensitivity.label_levels`` raises single labels), and
* row-level cues from the locale's data (``redactkit/lang/<locale>/sensitivity.yaml``): sexual
  content (``intimate``), self-harm, violence, abuse and threats (``safety``), crime and children's
  details (``special``), each with negative contexts that cancel it ("kill the lights").

The configuration's ``sensitivity.policy`` decides per level: ``redact`` (default), ``drop_text``
(the whole text becomes the marker) or ``route`` (the row goes to a separate, restricted output;
the main output keeps the row with its text withheld).

>>> from redactkit.sensitivity import SensitivityClassifier
>>> classifier = SensitivityClassifier()
>>> classifier.classify("i don't want to be alive anymore", []).level
<Sensitivity.SAFETY: 'safety'>
>>> classifier.classify("kill the lights in the kitchen", []).level
<Sensitivity.NONE: 'none'>
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..core import RedactionResult
from ..errors import ConfigError
from ._cues import CueClass, CueMatcher, cue_matcher, expand_pattern
from ._levels import ACTIONS, LEVELS, Action, Sensitivity, parse_action, parse_level
from ._options import DEFAULT_MARKER, SensitivityOptions, load_sensitivity_options

__all__ = [
    "ACTIONS",
    "DEFAULT_MARKER",
    "LEVELS",
    "Action",
    "CueClass",
    "CueMatcher",
    "RowSensitivity",
    "Sensitivity",
    "SensitivityClassifier",
    "SensitivityOptions",
    "combine",
    "cue_matcher",
    "expand_pattern",
    "load_sensitivity_options",
    "parse_action",
    "parse_level",
]

_CATEGORY_LEVELS = {
    "direct_identifier": Sensitivity.PII,
    "quasi_identifier": Sensitivity.PII,
    "special_category": Sensitivity.SPECIAL,
    "special": Sensitivity.SPECIAL,
}


@dataclass(frozen=True, slots=True)
class RowSensitivity:
    """A row's level and the reasons for it (``label:NAME`` and ``cue:class``, sorted; no text)."""

    level: Sensitivity
    reasons: tuple[str, ...] = ()


def combine(items: Iterable[RowSensitivity]) -> RowSensitivity:
    """The sensitivity of a row made of several texts: the highest level, all reasons."""
    level = Sensitivity.NONE
    reasons: set[str] = set()
    for item in items:
        level = max(level, item.level)
        reasons.update(item.reasons)
    return RowSensitivity(level, tuple(sorted(reasons)))


class SensitivityClassifier:
    """Computes a row's :class:`RowSensitivity` and applies the policy to redaction results.

    ``options``: a :class:`SensitivityOptions` or its mapping (the ``sensitivity:`` block).
    """

    def __init__(self, options: SensitivityOptions | Mapping[str, Any] | None = None) -> None:
        self.options = load_sensitivity_options(options)
        try:
            self.cues = cue_matcher(self.options.locale)
        except ValueError as exc:
            raise ConfigError(
                str(exc), key="sensitivity.locale", example="sensitivity:\n  locale: en-US"
            ) from None
        self._label_levels: dict[str, Sensitivity] = {}
        self._check_label_levels()

    def _check_label_levels(self) -> None:
        from ..labels import labels

        for name, value in self.options.label_levels.items():
            key = f"sensitivity.label_levels.{name}"
            label = labels.get(name, key=key)
            floor = _CATEGORY_LEVELS.get(label.category.value, Sensitivity.PII)
            level = Sensitivity(value)
            if level < floor:
                raise ConfigError(
                    f"{name} is a {label.category.value} label, level {floor.value}; label_levels may "
                    f"raise a label's level, never lower it (a user config never switches protection off)",
                    key=key,
                    example=f"sensitivity:\n  label_levels:\n    {name}: safety",
                )
            self._label_levels[name] = level

    def label_level(self, label: str) -> Sensitivity:
        """The level a span of ``label`` gives its row."""
        level = self._label_levels.get(label)
        if level is not None:
            return level
        from ..labels import labels

        if label not in labels:
            return Sensitivity.PII  # an unregistered label (a plugin's, a quarantine mark): fail closed
        return _CATEGORY_LEVELS.get(labels.get(label).category.value, Sensitivity.PII)

    def classify(self, text: str | None, labels: Iterable[str]) -> RowSensitivity:
        """The sensitivity of ``text`` whose spans carry ``labels``."""
        return self._classify(text, labels, None)

    def _classify(
        self, text: str | None, labels: Iterable[str], known: dict[str, Sensitivity] | None
    ) -> RowSensitivity:
        """:meth:`classify`; ``known``: label levels already looked up, filled in as they are (one
        batch shares one)."""
        level = Sensitivity.NONE
        reasons: set[str] = set()
        for label in labels:
            reasons.add(f"label:{label}")
            if known is None:
                level = max(level, self.label_level(label))
                continue
            label_level = known.get(label)
            if label_level is None:
                label_level = known[label] = self.label_level(label)
            level = max(level, label_level)
        if text:
            for name in self.cues.find(text):
                reasons.add(f"cue:{name}")
                level = max(level, self.cues.level_of(name))
        return RowSensitivity(level, tuple(sorted(reasons)))

    def action(self, level: Sensitivity | str) -> Action:
        return self.options.action(level)

    def apply(
        self, originals: Sequence[str | None], results: Sequence[RedactionResult]
    ) -> list[RedactionResult]:
        """``results`` with their sensitivity set and the policy applied: a withheld result's text
        is the marker; a routed one keeps its span-redacted text in ``routed_text``."""
        out: list[RedactionResult] = []
        known: dict[str, Sensitivity] = {}  # label levels of this batch (the registry stays as it is)
        for original, result in zip(originals, results, strict=True):
            row = self._classify(original, _labels_of(result), known)
            out.append(self.with_sensitivity(result, row))
        return out

    def with_sensitivity(self, result: RedactionResult, row: RowSensitivity) -> RedactionResult:
        action = self.action(row.level) if row.level is not Sensitivity.NONE else Action.REDACT
        if not action.withholds or result.text is None:
            return replace(result, sensitivity=row.level.value, sensitivity_reasons=row.reasons)
        return replace(
            result,
            text=self.options.marker_for(row.level),
            sensitivity=row.level.value,
            sensitivity_reasons=row.reasons,
            action=action.value,
            routed_text=result.text if action is Action.ROUTE else None,
        )


def _labels_of(result: RedactionResult) -> list[str]:
    """The labels of a result's entities, with the labels they were protected as too (a child's
    age: ``AGE`` and ``MINOR``, so the row is as sensitive as a ``MINOR`` makes it)."""
    found = [entity.label for entity in result.entities]
    found += [entity.policy_label for entity in result.entities if entity.policy_label]
    return found
