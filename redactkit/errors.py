"""The one exception tree of redactkit.

Every error redactkit raises on purpose is a :class:`RedactkitError`, so callers can catch the whole
family with one ``except``. Messages name the component, file, row, column or config key involved and
the fix. They never contain transcript text: an exception travels into logs, bug trackers and
terminals that annotators may read, so it must be as safe as the redacted output.
"""

from __future__ import annotations

__all__ = [
    "AnonymizerError",
    "ConfigError",
    "DataError",
    "DetectorError",
    "ModelNotFoundError",
    "NormalizerError",
    "OutputError",
    "RedactkitError",
    "RunInterrupted",
]


class RedactkitError(Exception):
    """Base class of every error redactkit raises on purpose."""

    #: the pipeline component (``detector 'ner'``) that failed, when a component failed
    component: str | None = None


class ConfigError(RedactkitError, ValueError):
    """A configuration is invalid: an unknown key, a bad value, an unknown component name.

    ``key`` is the dotted path of the offending entry (``detectors[0].score_threshold``),
    ``example`` a valid YAML snippet that shows the fix and ``source`` the file, if any.
    """

    def __init__(
        self,
        message: str,
        *,
        key: str | None = None,
        example: str | None = None,
        source: str | None = None,
    ) -> None:
        self.message = message
        self.key = key
        self.example = example
        self.source = source
        text = message
        if key:
            text = f"{key}: {text}"
        if source:
            text = f"{source}: {text}"
        if example:
            text = f"{text}\nA valid example:\n{_indent(example)}"
        super().__init__(text)


class ModelNotFoundError(RedactkitError, LookupError):
    """A spaCy pipeline named in the configuration is not installed.

    redactkit never downloads models at run time; the message names the package to install.
    """


class NormalizerError(RedactkitError):
    """A normalizer failed or produced an inconsistent alignment."""


class DetectorError(RedactkitError):
    """A detector failed on a batch."""


class AnonymizerError(RedactkitError):
    """An anonymizer failed, or its output does not match the entities it was given."""


class DataError(RedactkitError):
    """Input data cannot be processed: a missing or non-string column, an unreadable file."""


class OutputError(RedactkitError):
    """The output could not be written while a run was going (disk full, permissions, file-size
    limit). The message names the path and the cause; nothing that looks complete is left."""


class RunInterrupted(KeyboardInterrupt):
    """A dataset run was stopped by SIGTERM or SIGHUP (``signum``), like Ctrl-C stops it with
    :class:`KeyboardInterrupt`: workers stopped, partial files removed, a re-run resumes.

    Not a :class:`RedactkitError`: like ``KeyboardInterrupt`` it is not caught by ``except
    Exception``. The command line exits with ``128 + signum``.
    """

    def __init__(self, signum: int) -> None:
        import signal

        self.signum = signum
        super().__init__(f"stopped by {signal.Signals(signum).name}")


def _indent(block: str) -> str:
    return "\n".join(f"    {line}" for line in block.strip("\n").splitlines())
