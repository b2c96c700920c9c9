"""Policies: which operator each label gets, with named presets and per-label overrides.

>>> PolicyAnonymizer(operators={"PERSON": "numbered", "PHONE_NUMBER": "mask"})  # doctest: +SKIP

Presets:

- ``strict`` — every label is replaced (``DATE_TIME`` too);
- ``default`` — each label gets its registered default operator (:mod:`redactkit.labels`), so
  direct and quasi identifiers are replaced and ``DATE_TIME`` is kept;
- ``minimal`` — only direct identifiers are replaced; quasi-identifiers (places, organisations,
  ages, ZIP codes, dates) and special categories (health, religion, politics, ...) are kept;
- ``gdpr`` — as ``default``, and every special-category label (GDPR art. 9 and 10: the labels'
  ``gdpr`` field names the provision) is always replaced: a registered ``keep`` is overridden and an
  ``operators`` override that keeps one is an error. docs/concepts/special-categories.md has the
  mapping.

Labels the registry does not know are replaced (fail closed): a new label is never kept by accident.

A value protected as a second label too (``Entity.policy_label``: a child's age is an ``AGE``
protected as a ``MINOR``) gets that label's operator, unless that one keeps it: then its own label's.
It is kept only when both labels keep it (``operators: {AGE: keep, MINOR: keep}``, or ``minimal``).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import Annotated, Any, Literal

from pydantic import Field

from ..core import Entity, RedactedEntity, RedactionResult
from ..errors import AnonymizerError
from ..labels import LabelCategory, labels
from .base import Anonymizer, anonymizers
from .operators import (
    KEYED,
    OPERATORS,
    Key,
    OperatorParams,
    OperatorState,
    load_key,
    validate_surrogate_locale,
)

__all__ = ["PRESETS", "PolicyAnonymizer"]

#: Operators that replace a value by what identifies it (its number, its keyed hash): they take an
#: entity's ``ref`` (the known value it mentions) instead of its text, so all mentions match.
_BY_REFERENCE = frozenset({"numbered", "hash"})

#: The presets and what they do (the operators come from the label registry, see module docs).
PRESETS: dict[str, str] = {
    "strict": "every label gets the default operator",
    "default": "every label gets its registered default operator (DATE_TIME is kept)",
    "minimal": "quasi-identifiers and special categories are kept; direct identifiers are replaced",
    "gdpr": "as default, and special categories (GDPR art. 9/10) are always replaced, never kept",
}


def _preset_operator(preset: str, label: str) -> str | None:
    """The operator ``preset`` gives ``label``; None: the anonymizer's default operator."""
    if preset == "strict" or label not in labels:
        return None
    registered = labels.get(label)
    if preset == "minimal" and registered.category in (
        LabelCategory.QUASI_IDENTIFIER,
        LabelCategory.SPECIAL_CATEGORY,
    ):
        return "keep"
    if (
        preset == "gdpr"
        and registered.category is LabelCategory.SPECIAL_CATEGORY
        and registered.default_operator == "keep"
    ):
        return None  # the anonymizer's default operator: special categories are never kept
    return registered.default_operator


@anonymizers.register("policy")
class PolicyAnonymizer(Anonymizer):
    """Replace each entity with the operator its label gets under the policy (see module docs)."""

    def __init__(
        self,
        preset: str = "default",
        operators: Mapping[str, str] | None = None,
        default_operator: str = "tag",
        tag_format: str = "[{label}]",
        numbered_format: str = "[{label}_{n}]",
        numbered_scope: str = "row",
        mask_char: Annotated[str, Field(min_length=1, max_length=1)] = "*",
        mask_keep_last: Annotated[int, Field(ge=0)] = 0,
        hash_length: Annotated[int, Field(ge=6, le=64)] = 12,
        deterministic_encryption: bool = True,
        key_env: str = "REDACTKIT_KEY",
        key_file: str | None = None,
        key_type: Literal["random", "passphrase"] = "random",
        key_salt: str | None = None,
        surrogate_locale: str = "en_US",
    ) -> None:
        #: strict, default, minimal or gdpr
        self.preset = preset
        #: per-label operator overrides: {PERSON: numbered, PHONE_NUMBER: mask}
        self.operators = dict(operators or {})
        #: operator of labels neither the preset nor the overrides mention
        self.default_operator = default_operator
        #: replacement of ``tag``; ``{label}`` is the label
        self.tag_format = tag_format
        #: replacement of ``numbered``; ``{n}`` is the number (or, in dataset scope, a keyed code)
        self.numbered_format = numbered_format
        #: where ``numbered`` counts: row, group (rows sharing a group id) or dataset (keyed HMAC)
        self.numbered_scope = numbered_scope
        #: character of ``mask``
        self.mask_char = mask_char
        #: characters ``mask`` leaves visible at the end ("****0142")
        self.mask_keep_last = mask_keep_last
        #: hex characters of ``hash`` (HMAC-SHA256, truncated)
        self.hash_length = hash_length
        #: ``encrypt`` gives the same ciphertext for the same value (AES-SIV), so encrypted columns
        #: can be joined; off: a random nonce per value (AES-GCM), unlinkable but not joinable
        self.deterministic_encryption = deterministic_encryption
        #: environment variable holding the secret key (hash, surrogate, encrypt, dataset numbering)
        self.key_env = key_env
        #: file holding the secret key, instead of the environment variable
        self.key_file = key_file
        #: ``random``: a random key of 32+ bytes (HKDF); ``passphrase``: 16+ characters through scrypt
        self.key_type = key_type
        #: with ``passphrase``: a non-secret name unique to the project (scrypt salt)
        self.key_salt = key_salt
        #: Faker locale of ``surrogate`` names, places and streets (en_US, de_DE, fr_FR, ...)
        self.surrogate_locale = surrogate_locale
        validate_surrogate_locale(surrogate_locale)
        if preset not in PRESETS:
            raise ValueError(f"preset must be one of {', '.join(PRESETS)}, not {preset!r}")
        unknown = sorted({default_operator, *self.operators.values()} - set(OPERATORS))
        if unknown:
            raise ValueError(f"unknown operator(s) {', '.join(unknown)}; choose from {', '.join(OPERATORS)}")
        if preset == "gdpr":
            for label, operator in sorted(self.operators.items()):
                if (
                    operator == "keep"
                    and label in labels
                    and labels.get(label).category is LabelCategory.SPECIAL_CATEGORY
                ):
                    raise ValueError(
                        f"the gdpr preset never keeps special-category data: operators.{label} is keep; "
                        f"choose another operator (e.g. {{{label}: tag}}) or another preset"
                    )
            if default_operator == "keep":
                raise ValueError("the gdpr preset needs a replacing default_operator, not keep (e.g. tag)")
        if numbered_scope not in ("row", "group", "dataset"):
            raise ValueError("numbered_scope must be row, group or dataset")
        for name, template in (("tag_format", tag_format), ("numbered_format", numbered_format)):
            try:
                template.format(label="X", n=1)
            except (KeyError, IndexError, ValueError):
                raise ValueError(
                    f"{name} may only use {{label}} and {{n}}, e.g. '[{{label}}_{{n}}]'"
                ) from None
        self._params = OperatorParams(
            tag_format=tag_format,
            numbered_format=numbered_format,
            numbered_scope=numbered_scope,
            mask_char=mask_char,
            mask_keep_last=mask_keep_last,
            hash_length=hash_length,
            deterministic_encryption=deterministic_encryption,
            surrogate_locale=surrogate_locale,
        )
        self._groups: dict[str, dict[tuple[str, str], int]] = {}
        self._key: Key | None = None
        keyed = self.keyed_settings()
        if keyed:
            # A missing or weak key is a configuration error, found now, before any model loads and
            # before any row is read (not 370 quarantined rows later).
            self._key = load_key(
                key_env,
                key_file,
                key_type=key_type,
                key_salt=key_salt,
                needed_by=f"operator {keyed[0][1]!r} ({keyed[0][0]})",
            )
        self._conversational: PolicyAnonymizer | None = None

    def reset_groups(self) -> None:
        self._groups.clear()
        if self._conversational is not None:
            self._conversational.reset_groups()

    def for_conversations(self) -> PolicyAnonymizer:
        """Row-scoped numbering becomes conversation-scoped: a known value keeps its number in every
        turn. Group and dataset scopes already span turns."""
        if self.numbered_scope != "row":
            return self
        if self._conversational is None:
            self._conversational = PolicyAnonymizer(**{**self.get_params(), "numbered_scope": "group"})
            self._conversational._key = self._key
        return self._conversational

    def operator_for(self, label: str) -> str:
        """The operator a label gets: override, then preset, then the default operator."""
        return self.operators.get(label) or _preset_operator(self.preset, label) or self.default_operator

    def operator_for_entity(self, entity: Entity) -> str:
        """The operator an entity gets: its label's, or, when it is protected as a second label too
        (``policy_label``: a child's age, an ``AGE`` protected as a ``MINOR``), that label's operator
        unless that one keeps the value, then its own label's. So a child's age is kept only when
        both labels keep it: ``{AGE: keep}`` keeps adults' ages and replaces children's by
        ``MINOR``'s operator; ``{MINOR: keep}`` alone replaces them by ``AGE``'s (fail closed)."""
        if entity.policy_label and entity.policy_label != entity.label:
            protected = self.operator_for(entity.policy_label)
            if protected != "keep":
                return protected
        return self.operator_for(entity.label)

    @classmethod
    def label_references(cls, params: Mapping[str, Any]) -> list[tuple[str, str]]:
        return [(f"operators.{label}", label) for label in params.get("operators") or {}]

    def keyed_settings(self) -> list[tuple[str, str]]:
        """(setting, operator) of every operator of this policy that needs the secret key."""
        settings = [(f"operators.{label}", operator) for label, operator in sorted(self.operators.items())]
        preset_operators = {_preset_operator(self.preset, label.name) for label in labels}
        settings += [(f"preset {self.preset}", op) for op in sorted(o for o in preset_operators if o)]
        settings.append(("default_operator", self.default_operator))
        return [(setting, operator) for setting, operator in settings if self._needs_key(operator)]

    def key_id(self) -> str | None:
        """Public id of the key this policy uses (None without keyed operators)."""
        return None if self._key is None else self._key.key_id

    def _needs_key(self, operator: str) -> bool:
        return operator in KEYED or (operator == "numbered" and self.numbered_scope == "dataset")

    def _state(self, group: str | None, needs_key: bool) -> OperatorState:
        if needs_key and self._key is None:  # pragma: no cover - loaded in __init__
            self._key = load_key(self.key_env, self.key_file, key_type=self.key_type, key_salt=self.key_salt)
        return OperatorState(key=self._key, groups=self._groups, group=group)

    def anonymize_batch(
        self,
        texts: Sequence[str],
        entities: Sequence[Sequence[Entity]],
        groups: Sequence[str | None] | None = None,
    ) -> list[RedactionResult]:
        if len(texts) != len(entities) or (groups is not None and len(groups) != len(texts)):
            raise AnonymizerError("anonymizer 'policy' got texts, entities and groups of different lengths")
        return [
            self._anonymize_one(text, found, None if groups is None else groups[index], index)
            for index, (text, found) in enumerate(zip(texts, entities, strict=True))
        ]

    def _anonymize_one(
        self, text: str, found: Sequence[Entity], group: str | None, index: int
    ) -> RedactionResult:
        ordered = sorted(found, key=lambda entity: (entity.start, entity.end))
        for previous, current in itertools.pairwise(ordered):
            if current.start < previous.end:
                raise AnonymizerError(f"anonymizer 'policy' got overlapping entities in item {index}")
        operators = [self.operator_for_entity(entity) for entity in ordered]
        state = self._state(group, any(self._needs_key(operator) for operator in operators))
        parts: list[str] = []
        redacted: list[RedactedEntity] = []
        cursor = length = 0
        for entity, operator in zip(ordered, operators, strict=True):
            before = text[cursor : entity.start]
            value = text[entity.start : entity.end]
            if entity.ref and operator in _BY_REFERENCE:
                # every mention of one known value ("odalys", "miss brennagh") gets its pseudonym
                value = entity.ref
            replacement = OPERATORS[operator](value, entity.label, self._params, state)
            if operator == "remove":
                before = _tidy_before(before, text, entity.end)
            parts.append(before)
            length += len(before)
            parts.append(replacement)
            redacted.append(
                RedactedEntity(
                    start=entity.start,
                    end=entity.end,
                    label=entity.label,
                    operator=operator,
                    redacted_start=length,
                    redacted_end=length + len(replacement),
                    score=entity.score,
                    detector=entity.detector,
                    explanation=entity.explanation,
                    policy_label=entity.policy_label,
                )
            )
            length += len(replacement)
            cursor = entity.end
        parts.append(text[cursor:])
        return RedactionResult("".join(parts), tuple(redacted))


def _tidy_before(before: str, text: str, end: int) -> str:
    """``remove`` leaves no double space: "call  now" -> "call now"."""
    following = text[end : end + 1]
    if before.endswith(" ") and (following in (" ", "") or following in ",.?!;:"):
        return before[:-1]
    return before
