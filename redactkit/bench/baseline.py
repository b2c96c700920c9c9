"""The systems a benchmark compares: a redactkit pipeline and vanilla Presidio.

Both take a list of texts and return, per text, the redacted text and the spans that were actually
redacted (original offsets, label). A redactkit pipeline also returns the spans it protected as a
second label (an entity's ``policy_label``: a child's age is redacted as an ``AGE`` protected as a
``MINOR``), so that type-correct recall and the special-category summary count that label too.

Vanilla Presidio is Presidio as its documentation shows it: ``AnalyzerEngine`` with its default
recognizers and the full spaCy pipeline, ``analyze`` then ``anonymize`` one row at a time. It uses
the same installed spaCy model as the redactkit pipeline, loaded from disk (never downloaded), and
tldextract's bundled suffix list (never fetched).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from ..core import Entity, RedactionResult
from ..spans import resolve_overlaps

if TYPE_CHECKING:
    from ..pipeline import Pipeline

__all__ = ["Output", "PipelineSystem", "PresidioBaseline", "System", "baseline_model"]

Span = tuple[int, int, str]
#: per text: the redacted text, the spans redacted (original offsets, label) and, optionally, the same
#: spans with the second label they were protected as (``policy_label``), only for those that have one
Output = tuple[str, list[Span]] | tuple[str, list[Span], list[Span]]


class System(Protocol):
    """Something the benchmark can score: a name, a description and a batch redact call."""

    name: str
    description: str

    def warm_up(self) -> None: ...

    def redact(self, texts: Sequence[str]) -> Sequence[Output]: ...


class PipelineSystem:
    """A redactkit pipeline; entities its policy keeps (operator ``keep``) count as not redacted.

    Each output also lists the redacted entities protected as a second label, with that label
    (``(start, end, policy_label)``: a child's age, an ``AGE`` protected as a ``MINOR``).
    """

    def __init__(self, pipeline: Pipeline, name: str = "redactkit", description: str | None = None) -> None:
        self.pipeline = pipeline
        self.name = name
        self.description = description or "redactkit pipeline"

    def warm_up(self) -> None:
        self.pipeline.warm_up()

    def redact(self, texts: Sequence[str]) -> list[tuple[str, list[Span], list[Span]]]:
        return [_output(result) for result in self.pipeline.redact_batch(list(texts))]

    def redact_conversations(
        self, texts: Sequence[str], conversations: Sequence[str]
    ) -> list[tuple[str, list[Span], list[Span]]]:
        """Redact ``texts`` conversation by conversation (``conversations``: one key per text; a
        conversation's turns are its texts in the order given), with the pipeline's conversation mode:
        a value found in one turn is redacted where it recurs in the others
        (:meth:`~redactkit.Pipeline.redact_conversation`)."""
        from ..conversation import Turn

        members: dict[str, list[int]] = {}
        for index, key in enumerate(conversations):
            members.setdefault(key, []).append(index)
        groups = list(members.items())
        results = self.pipeline.conversations.redact_many(
            [(key, [Turn(texts[i], id=str(i)) for i in indexes]) for key, indexes in groups]
        )
        out: list[tuple[str, list[Span], list[Span]]] = [("", [], [])] * len(texts)
        for (_, indexes), result in zip(groups, results, strict=True):
            for index, turn in zip(indexes, result, strict=True):
                out[index] = _output(turn)
        return out


def _output(result: RedactionResult) -> tuple[str, list[Span], list[Span]]:
    """The redacted text, the redacted spans and those of them protected as a second label."""
    redacted = [e for e in result.entities if e.operator != "keep"]
    return (
        result.text if result.text is not None else "",
        [(e.start, e.end, e.label) for e in redacted],
        [(e.start, e.end, e.policy_label) for e in redacted if e.policy_label and e.policy_label != e.label],
    )


def baseline_model(config: Any) -> str:
    """The spaCy model the pipeline's detectors use (the first one named), else en_core_web_md."""
    for detector in config.to_mapping().get("detectors", []):
        model = detector.get("model")
        if isinstance(model, str):
            return model
    return "en_core_web_md"


class PresidioBaseline:
    """Vanilla Presidio: default recognizers, full spaCy pipeline, ``analyze`` + ``anonymize`` per row."""

    name = "presidio"

    def __init__(self, model: str = "en_core_web_md", language: str = "en") -> None:
        from importlib.metadata import version

        from ..detect.spacy_models import resolve_model_path

        self.model = model
        self.language = language
        self._path = resolve_model_path(model)  # fails with ModelNotFoundError, never downloads
        self.description = (
            f"vanilla Presidio {version('presidio-analyzer')} (default recognizers, spaCy {model}, "
            "analyze + anonymize per row)"
        )
        self._analyzer: Any = None
        self._anonymizer: Any = None

    def warm_up(self) -> None:
        if self._analyzer is not None:
            return
        os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
        from presidio_analyzer import AnalyzerEngine
        from presidio_analyzer.nlp_engine import NlpEngineProvider
        from presidio_anonymizer import AnonymizerEngine

        from ..detect.presidio import make_tldextract_offline

        make_tldextract_offline()
        provider = NlpEngineProvider(
            nlp_configuration={
                "nlp_engine_name": "spacy",
                "models": [{"lang_code": self.language, "model_name": self._path}],
            }
        )
        self._analyzer = AnalyzerEngine(
            nlp_engine=provider.create_engine(), supported_languages=[self.language]
        )
        self._anonymizer = AnonymizerEngine()  # type: ignore[no-untyped-call]
        self.redact(["warm up john smith 212-555-0100"])

    @property
    def analyzer(self) -> Any:
        """The ``AnalyzerEngine`` (built on first use)."""
        self.warm_up()
        return self._analyzer

    @property
    def anonymizer(self) -> Any:
        """The ``AnonymizerEngine`` (built on first use)."""
        self.warm_up()
        return self._anonymizer

    def redact(self, texts: Sequence[str]) -> list[tuple[str, list[Span]]]:
        self.warm_up()
        out: list[tuple[str, list[Span]]] = []
        for text in texts:
            if not text:
                out.append((text, []))
                continue
            found = self._analyzer.analyze(text=text, language=self.language)
            redacted = self._anonymizer.anonymize(text=text, analyzer_results=found).text
            # Presidio reports overlapping results; the anonymizer redacts their union. Score that union,
            # as for redactkit, so both sides count redacted regions the same way.
            merged = resolve_overlaps(
                [Entity(r.start, r.end, r.entity_type, float(r.score), "presidio", "") for r in found],
                merge_adjacent=False,
            )
            out.append((redacted, [(e.start, e.end, e.label) for e in merged]))
        return out
