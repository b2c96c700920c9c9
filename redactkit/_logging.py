"""Keep transcript text out of log output (principle 5).

redactkit's own log lines never contain text. Presidio's do: at DEBUG level its context enhancer logs
the words around each match, and its tracer can log whole requests. redactkit therefore drops DEBUG
and INFO records of Presidio's loggers. A user who really wants them (on their own data, on a
machine they trust) calls :func:`allow_third_party_debug_logs`.
"""

from __future__ import annotations

import logging

__all__ = ["THIRD_PARTY_LOGGERS", "allow_third_party_debug_logs", "install_pii_safe_log_filters"]

#: Loggers of libraries that may log transcript text below WARNING.
THIRD_PARTY_LOGGERS = ("presidio-analyzer", "presidio-anonymizer", "decision_process")


class _WarningsAndAbove(logging.Filter):
    """Pass only WARNING and above; those carry no text in the libraries above."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING


_FILTER = _WarningsAndAbove()


def install_pii_safe_log_filters() -> None:
    """Attach the filter to every third-party logger that may log text (idempotent)."""
    for name in THIRD_PARTY_LOGGERS:
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)


def allow_third_party_debug_logs() -> None:
    """Remove the filter: Presidio's DEBUG logs, which quote transcript text, pass again."""
    for name in THIRD_PARTY_LOGGERS:
        logging.getLogger(name).removeFilter(_FILTER)
