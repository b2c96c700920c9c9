"""redactkit: find and redact PII in speech transcripts as ASR writes them.

>>> import redactkit
>>> pipe = redactkit.Pipeline.default()                      # doctest: +SKIP
>>> pipe.redact("my name is john smith").text                # doctest: +SKIP
'my name is [PERSON]'
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from ._logging import allow_third_party_debug_logs, install_pii_safe_log_filters
from ._version import __version__
from .anonymize.reversal import deanonymize
from .core import AlignedText, AlignmentBuilder, Edit, Entity, RedactedEntity, RedactionResult
from .errors import (
    AnonymizerError,
    ConfigError,
    DataError,
    DetectorError,
    ModelNotFoundError,
    NormalizerError,
    OutputError,
    RedactkitError,
    RunInterrupted,
)
from .pipeline import Pipeline

if TYPE_CHECKING:  # loaded lazily at run time (below); typed for mypy and IDEs
    from .io import RedactionSummary, redact_parquet, redact_record_batch, redact_table

__all__ = [
    "AlignedText",
    "AlignmentBuilder",
    "AnonymizerError",
    "ConfigError",
    "DataError",
    "DetectorError",
    "Edit",
    "Entity",
    "ModelNotFoundError",
    "NormalizerError",
    "OutputError",
    "Pipeline",
    "RedactedEntity",
    "RedactionResult",
    "RedactionSummary",
    "RedactkitError",
    "RunInterrupted",
    "__version__",
    "allow_third_party_debug_logs",
    "deanonymize",
    "redact_parquet",
    "redact_record_batch",
    "redact_table",
]

# redactkit adds no handlers of its own (nothing is printed unless the user configures logging), but it
# does filter Presidio's loggers, whose DEBUG lines quote transcript text: principle 5 outranks the
# usual "libraries do not touch logging" rule. `allow_third_party_debug_logs()` undoes it.
logging.getLogger("redactkit").addHandler(logging.NullHandler())
install_pii_safe_log_filters()


_ARROW_API = frozenset({"RedactionSummary", "redact_parquet", "redact_record_batch", "redact_table"})


def __getattr__(name: str) -> object:
    # Parquet support pulls in pyarrow; load it on first use so `import redactkit` stays light.
    if name in _ARROW_API:
        from . import io

        return getattr(io, name)
    raise AttributeError(f"module 'redactkit' has no attribute {name!r}")
