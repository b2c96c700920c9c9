"""Replace each entity by a tag naming its label, e.g. ``[PERSON]``."""

from __future__ import annotations

import itertools
import string
from collections.abc import Sequence

from ..core import Entity, RedactionResult
from ..errors import AnonymizerError
from .base import Anonymizer, anonymizers

__all__ = ["TagAnonymizer"]


@anonymizers.register("tag")
class TagAnonymizer(Anonymizer):
    """Replace every entity by ``format`` with ``{label}`` filled in (``[PERSON]``, ``<PHONE_NUMBER>``).

    Entities must be non-overlapping (the pipeline guarantees it); the result records where each tag
    landed in the redacted text. Time is linear in the text's length and the number of entities.
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
        from .policy import PolicyAnonymizer

        self._policy = PolicyAnonymizer(preset="strict", default_operator="tag", tag_format=format)

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
        ordered = sorted(found, key=lambda entity: (entity.start, entity.end))
        for previous, current in itertools.pairwise(ordered):
            if current.start < previous.end:
                raise AnonymizerError(
                    f"anonymizer 'tag' got overlapping entities in item {index}; resolve overlaps first"
                )
        # the policy anonymizer's one-pass builder, every label tagged (linear in text and entities)
        return self._policy.anonymize_batch([text], [ordered])[0]
