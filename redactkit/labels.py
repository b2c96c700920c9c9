"""Labels as first-class objects: the registry of entity labels redactkit knows.

A label is what a detector emits (``PERSON``), what a policy replaces and what a benchmark scores.
Every label has a description, a category (direct identifier, quasi-identifier or special
category), an optional default operator and examples. The built-in labels are data
(``redactkit/lang/labels.yaml``); users add their own from config (``labels:``) or from Python
(:func:`register_label`). Every place a configuration names a label -- thresholds, policy
operators, detector label maps, deny-list terms, benchmark label maps -- is checked against the
registry, so ``thresholds: {LOCATON: 0.9}`` is a :class:`~redactkit.errors.ConfigError` that names
the key and suggests ``LOCATION``.

>>> from redactkit.labels import labels
>>> labels.get("PERSON").category
<LabelCategory.DIRECT_IDENTIFIER: 'direct_identifier'>
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Any

from ._yaml import load_shipped
from .errors import ConfigError

__all__ = [
    "Label",
    "LabelCategory",
    "LabelRegistry",
    "builtin_labels",
    "labels",
    "labels_markdown",
    "register_label",
]

_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")
_LABEL_EXAMPLE = (
    "labels:\n  EMPLOYEE_ID:\n    description: An employee number of our company.\n"
    "    category: direct_identifier\n    examples: ['my staff number is [e four four one]']"
)


class LabelCategory(StrEnum):
    """How much a label says about a person on its own."""

    #: names one person on its own (a name, a phone number, an account number)
    DIRECT_IDENTIFIER = "direct_identifier"
    #: narrows down who someone is in combination with other facts (a town, an employer, an age)
    QUASI_IDENTIFIER = "quasi_identifier"
    #: sensitive in itself (GDPR art. 9: health, religion, politics, sexual orientation, ...)
    SPECIAL_CATEGORY = "special_category"


@dataclass(frozen=True, slots=True)
class Label:
    """One entity label.

    ``default_operator`` is the operator the ``default`` policy preset gives the label (``None``:
    the anonymizer's ``default_operator``). Examples are synthetic utterances with the entity in
    square brackets; they document the label and never come from real transcripts. ``gdpr`` names
    the provision of the GDPR a special-category label falls under ("art. 9(1): data concerning
    health"); the ``gdpr`` policy preset and the label reference show it.
    """

    name: str
    description: str
    category: LabelCategory
    default_operator: str | None = None
    examples: tuple[str, ...] = field(default=())
    gdpr: str | None = None

    def __post_init__(self) -> None:
        if not _NAME.match(self.name):
            raise ValueError(
                f"label name {self.name!r} must be upper case letters, digits and underscores (EMPLOYEE_ID)"
            )
        if not self.description.strip():
            raise ValueError(f"label {self.name} needs a description")

    def to_mapping(self) -> dict[str, Any]:
        """The label as its YAML block (the inverse of :meth:`from_mapping`)."""
        block: dict[str, Any] = {"description": self.description, "category": self.category.value}
        if self.default_operator is not None:
            block["default_operator"] = self.default_operator
        if self.examples:
            block["examples"] = list(self.examples)
        if self.gdpr is not None:
            block["gdpr"] = self.gdpr
        return block

    @classmethod
    def from_mapping(cls, name: str, block: Mapping[str, Any], *, key: str = "labels") -> Label:
        """Build a label from its YAML block; errors name ``key`` and show a valid example."""
        if not isinstance(block, Mapping):
            raise ConfigError(
                "a label is a mapping with description and category", key=key, example=_LABEL_EXAMPLE
            )
        unknown = sorted(set(block) - {"description", "category", "default_operator", "examples", "gdpr"})
        if unknown:
            raise ConfigError(
                f"unknown key {unknown[0]!r}. Valid keys: description, category, default_operator, examples, "
                "gdpr",
                key=f"{key}.{unknown[0]}",
                example=_LABEL_EXAMPLE,
            )
        category = block.get("category")
        valid = [item.value for item in LabelCategory]
        if category not in valid:
            raise ConfigError(
                f"category must be one of {', '.join(valid)}", key=f"{key}.category", example=_LABEL_EXAMPLE
            )
        description = block.get("description")
        if not isinstance(description, str) or not description.strip():
            raise ConfigError("a label needs a description", key=f"{key}.description", example=_LABEL_EXAMPLE)
        operator = block.get("default_operator")
        if operator is not None:
            from .anonymize.operators import OPERATORS

            if operator not in OPERATORS:
                raise ConfigError(
                    f"unknown operator; choose from {', '.join(OPERATORS)}",
                    key=f"{key}.default_operator",
                    example=_LABEL_EXAMPLE,
                )
        examples = block.get("examples") or []
        if not isinstance(examples, list) or not all(isinstance(item, str) for item in examples):
            raise ConfigError(
                "examples must be a list of strings", key=f"{key}.examples", example=_LABEL_EXAMPLE
            )
        gdpr = block.get("gdpr")
        if gdpr is not None and (not isinstance(gdpr, str) or not gdpr.strip()):
            raise ConfigError(
                "gdpr must be a text naming the provision", key=f"{key}.gdpr", example=_LABEL_EXAMPLE
            )
        try:
            return cls(name, description.strip(), LabelCategory(category), operator, tuple(examples), gdpr)
        except ValueError as exc:
            raise ConfigError(str(exc), key=key, example=_LABEL_EXAMPLE) from None


class LabelRegistry:
    """Labels by name. Lookups of unknown names raise a ConfigError with a did-you-mean."""

    def __init__(self, items: Iterable[Label] = ()) -> None:
        self._labels: dict[str, Label] = {}
        for label in items:
            self.register(label)

    def register(self, label: Label) -> Label:
        """Add ``label``. Registering the same definition twice is fine; a different one is an error."""
        existing = self._labels.get(label.name)
        if existing is not None and existing != label:
            raise ConfigError(
                f"label {label.name!r} is already registered with another definition; choose another name",
                key=f"labels.{label.name}",
                example=_LABEL_EXAMPLE,
            )
        self._labels[label.name] = label
        return label

    def extended(self, extra: Iterable[Label]) -> LabelRegistry:
        """A copy of this registry with ``extra`` registered too (this one is left alone)."""
        copy = LabelRegistry(self._labels.values())
        for label in extra:
            copy.register(label)
        return copy

    def names(self) -> list[str]:
        return sorted(self._labels)

    def __contains__(self, name: object) -> bool:
        return name in self._labels

    def __iter__(self) -> Iterator[Label]:
        return iter(sorted(self._labels.values(), key=lambda label: label.name))

    def __len__(self) -> int:
        return len(self._labels)

    def get(self, name: str, *, key: str = "label") -> Label:
        """The label called ``name``; a ConfigError naming ``key`` (with a did-you-mean) if unknown."""
        label = self._labels.get(name)
        if label is None:
            raise self.unknown(name, key=key)
        return label

    def check(self, names: Iterable[tuple[str, str]]) -> None:
        """Check ``(key, label)`` pairs; the first unknown label raises a ConfigError naming its key."""
        for key, name in names:
            if name not in self._labels:
                raise self.unknown(name, key=key)

    def unknown(self, name: object, *, key: str) -> ConfigError:
        """The error for an unknown label ``name`` found at config ``key``."""
        text = str(name)
        close = difflib.get_close_matches(text.upper(), self.names(), n=1, cutoff=0.6)
        if not close:  # "PHONE" -> PHONE_NUMBER, "SSN" -> US_SSN
            close = [name for name in self.names() if text.upper() in name.split("_")][:1]
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return ConfigError(
            f"unknown label {text!r}{hint}. Known labels: {', '.join(self.names())}. "
            "Register a new label under `labels:`",
            key=key,
            example=_LABEL_EXAMPLE,
        )

    def category_members(self, category: LabelCategory) -> frozenset[str]:
        return frozenset(label.name for label in self._labels.values() if label.category is category)


@cache
def builtin_labels() -> tuple[Label, ...]:
    """The labels shipped in ``redactkit/lang/labels.yaml``."""
    text = resources.files("redactkit.lang").joinpath("labels.yaml").read_text(encoding="utf-8")
    data = load_shipped(text)
    return tuple(
        Label.from_mapping(name, block, key=f"labels.{name}") for name, block in data["labels"].items()
    )


#: The process-wide registry: the built-in labels plus those registered by plugins and configs.
labels = LabelRegistry(builtin_labels())


def register_label(
    name: str,
    description: str,
    category: LabelCategory | str,
    *,
    default_operator: str | None = None,
    examples: Iterable[str] = (),
    gdpr: str | None = None,
) -> Label:
    """Register a label in the process-wide registry (for plugins that emit their own labels)."""
    return labels.register(
        Label(name, description, LabelCategory(category), default_operator, tuple(examples), gdpr)
    )


def labels_markdown(registry: LabelRegistry | None = None) -> str:
    """The label reference page (docs/reference/labels.md), generated from the registry."""
    from .detect import detectors

    registry = registry or LabelRegistry(builtin_labels())
    emitters: dict[str, list[str]] = {}
    for name in detectors.names():
        cls = detectors.get(name)
        if not cls.__module__.startswith("redactkit."):
            continue  # plugins and test components document their own labels
        for emitted in cls.emits:
            emitters.setdefault(emitted, []).append(name)
    lines = [
        "# Labels",
        "",
        "<!-- generated by `python -m redactkit.labels --markdown`: edit redactkit/lang/labels.yaml -->",
        "",
        "Every entity redactkit finds carries one of these labels. Policies replace by label, thresholds",
        "and benchmark label maps name labels, and a configuration naming a label that is not here is an",
        "error. Add your own under `labels:` in the configuration (see",
        "[add a label](../how-to/add-a-label.md)).",
        "",
        "Categories: **direct identifier** names one person on its own; **quasi-identifier** narrows",
        "down who someone is in combination (the `minimal` preset keeps these); **special category** is",
        "sensitive in itself (GDPR art. 9 and 10; the `minimal` preset keeps these too, the `gdpr` preset",
        "always replaces them). See [special categories](../concepts/special-categories.md).",
        "",
    ]
    for category in LabelCategory:
        members = [label for label in registry if label.category is category]
        if not members:
            continue
        lines += [f"## {category.value.replace('_', ' ').capitalize()}s", ""]
        special = category is LabelCategory.SPECIAL_CATEGORY
        lines += [
            "| Label | Description | Default operator | Emitted by | Example |"
            + (" GDPR |" if special else ""),
            "|---|---|---|---|---|" + ("---|" if special else ""),
        ]
        for label in members:
            operator = label.default_operator or "(anonymizer default)"
            emitted = ", ".join(f"`{name}`" for name in emitters.get(label.name, [])) or "-"
            example = label.examples[0] if label.examples else ""
            gdpr = f" {label.gdpr or '-'} |" if special else ""
            lines.append(
                f"| `{label.name}` | {label.description} | {operator} | {emitted} | {example} |{gdpr}"
            )
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - exercised by tests through labels_markdown
    import sys

    if sys.argv[1:] != ["--markdown"]:
        sys.exit("usage: python -m redactkit.labels --markdown")
    sys.stdout.write(labels_markdown())
