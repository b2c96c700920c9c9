"""Replace each entity by a tag naming its label, e.g. ``[PERSON]``."""

from __future__ import annotations

import itertools
import string
from collections.abc import Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ..core import Entity, RedactedEntity, RedactionResult
from ..errors import AnonymizerError
from .base import Anonymizer, anonymizers

if TYPE_CHECKING:
    from presidio_anonymizer import AnonymizerEngine

__all__ = ["TagAnonymizer"]


@anonymizers.register("tag")
class TagAnonymizer(Anonymizer):
    """Replace every entity by ``format`` with ``{label}`` filled in (``[PERSON]``, ``<PHONE_NUMBER>``).

    Runs on presidio-anonymizer's ``replace`` operator. Entities must be non-overlapping (the pipeline
    guarantees it); the result records where each tag landed in the redacted text.
    """

    def __init__(self, format: str = "[{label}]") -> None:
        #: replacement template; ``{label}`` is the entity label
        self.format = format
        if not format:
            raise ValueError("format must not be empty (to delete values, a 'remove' operator is planned)")
        try:
            fields = [name for _, name, _, _ in string.Formatter().parse(format) if name is not None]
        except ValueError:
            raise ValueError("format is not a valid template; write e.g. '[{label}]'") from None
        if any(name != "label" for name in fields):
            raise ValueError("format may only use the placeholder {label}, e.g. '[{label}]'")
        self._operators: dict[str, Any] = {}

    @cached_property
    def _engine(self) -> AnonymizerEngine:
        from presidio_anonymizer import AnonymizerEngine

        return AnonymizerEngine()  # type: ignore[no-untyped-call]

    def _operator_for(self, label: str) -> Any:
        operator = self._operators.get(label)
        if operator is None:
            from presidio_anonymizer.entities import OperatorConfig

            operator = OperatorConfig("replace", {"new_value": self.format.format(label=label)})
            self._operators[label] = operator
        return operator

    def anonymize_batch(
        self,
        texts: Sequence[str],
        entities: Sequence[Sequence[Entity]],
        groups: Sequence[str | None] | None = None,
    ) -> list[RedactionResult]:
        if len(texts) != len(entities):
            raise AnonymizerError(f"anonymizer 'tag' got {len(texts)} texts but {len(entities)} entity lists")
        return [
            self._anonymize_one(text, found, index)
            for index, (text, found) in enumerate(zip(texts, entities, strict=False))
        ]

    def _anonymize_one(self, text: str, found: Sequence[Entity], index: int) -> RedactionResult:
        if not found:
            return RedactionResult(text, ())
        from presidio_anonymizer.entities import RecognizerResult

        ordered = sorted(found, key=lambda entity: (entity.start, entity.end))
        for previous, current in itertools.pairwise(ordered):
            if current.start < previous.end:
                raise AnonymizerError(
                    f"anonymizer 'tag' got overlapping entities in item {index}; resolve overlaps first"
                )
        labels = {entity.label for entity in ordered}
        try:
            engine_result = self._engine.anonymize(
                text=text,
                analyzer_results=[
                    RecognizerResult(entity.label, entity.start, entity.end, entity.score)
                    for entity in ordered
                ],
                operators={label: self._operator_for(label) for label in labels},
                merge_entities_with_spaces=False,
            )
        except Exception as exc:
            raise AnonymizerError(f"anonymizer 'tag' failed on item {index} ({type(exc).__name__})") from None
        items = sorted(engine_result.items, key=lambda item: item.start)
        if len(items) != len(ordered):
            raise AnonymizerError(
                f"anonymizer 'tag' replaced {len(items)} spans in item {index} but was given {len(ordered)}"
            )
        redacted = tuple(
            RedactedEntity(
                start=entity.start,
                end=entity.end,
                label=entity.label,
                operator="tag",
                redacted_start=item.start,
                redacted_end=item.end,
                score=entity.score,
                detector=entity.detector,
                explanation=entity.explanation,
            )
            for entity, item in zip(ordered, items, strict=True)
        )
        return RedactionResult(engine_result.text, redacted)
