"""The anonymizer contract: original texts plus their entities in, redaction results out."""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Sequence

from ..core import Entity, RedactionResult
from ..registry import Component, Registry

__all__ = ["Anonymizer", "anonymizers"]


class Anonymizer(Component):
    """Replaces detected entities in the original transcript according to a policy.

    Entities arrive in original offsets, sorted and non-overlapping (the pipeline resolves overlaps
    first). Implementations must replace *every* character of every entity: principle 4, fail
    closed, means raising :class:`~redactkit.errors.AnonymizerError` rather than returning a partly
    redacted text.
    """

    @abstractmethod
    def anonymize_batch(
        self,
        texts: Sequence[str],
        entities: Sequence[Sequence[Entity]],
        groups: Sequence[str | None] | None = None,
    ) -> list[RedactionResult]:
        """Redact every text of the batch with its entities.

        ``groups`` (optional) names the conversation or session of each text, for operators that
        number values consistently within a group.
        """

    def reset_groups(self) -> None:
        """Forget group-scoped state (numbering per group id).

        Batch runners call it between independent units of work, such as the files of a dataset, so
        that memory does not grow with the number of groups ever seen. Stateless anonymizers keep
        this no-op.
        """

    def key_id(self) -> str | None:
        """A public id of the secret key the pseudonyms depend on, or None if they depend on none.

        Run reports record it, and a resumed dataset run refuses to continue under another key
        (the two halves of the output would not share pseudonyms).
        """
        return None

    def for_conversations(self) -> Anonymizer:
        """The anonymizer conversation mode uses: one that numbers per group (the conversation).

        Stateless anonymizers return themselves; one that numbers per row returns a variant that
        numbers per conversation, so a value keeps its pseudonym in every turn.
        """
        return self

    def anonymize(self, text: str, entities: Sequence[Entity], group: str | None = None) -> RedactionResult:
        """Single-item convenience wrapper over :meth:`anonymize_batch`."""
        return self.anonymize_batch([text], [entities], None if group is None else [group])[0]


#: Anonymizers by config name.
anonymizers: Registry[Anonymizer] = Registry("anonymizer")
