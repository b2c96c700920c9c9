"""Audio errors, part of the one :class:`~redactkit.errors.RedactkitError` tree."""

from __future__ import annotations

from types import ModuleType
from typing import cast

from ..errors import DataError, RedactkitError

__all__ = ["AudioError", "MissingAudioDependencyError", "require_soundfile"]


class AudioError(DataError):
    """An audio file or buffer cannot be read, written or redacted."""


class MissingAudioDependencyError(RedactkitError, ImportError):
    """The optional audio dependencies are not installed."""


def require_soundfile() -> ModuleType:
    """Import soundfile on first use: the core install works without the ``audio`` extra."""
    try:
        import numpy  # noqa: F401
        import soundfile
    except (ImportError, OSError) as exc:  # OSError: soundfile present but libsndfile missing
        raise MissingAudioDependencyError(
            f"audio redaction needs soundfile and numpy ({type(exc).__name__}); "
            "install them with: pip install 'redactkit[audio]'"
        ) from None
    return cast(ModuleType, soundfile)
