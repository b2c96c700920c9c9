"""Audio redaction options: YAML <-> pydantic <-> keyword arguments, one to one.

A YAML file holds the same keys as :class:`AudioOptions` (``padding: 0.1``, ``mode: silence``...);
unknown keys and bad values raise :class:`~redactkit.errors.ConfigError` naming the key, with a valid
example, like the pipeline configuration.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import pydantic
import yaml
from pydantic import BaseModel, ConfigDict, Field

from ..errors import ConfigError

__all__ = ["AudioOptions", "load_audio_options"]

_EXAMPLE = """\
padding: 0.1          # seconds added before and after every interval
merge_gap: 0.25       # intervals closer than this are merged
min_duration: 0.05    # shortest interval (zero-length timing words still get one)
mode: beep            # beep | silence
beep_frequency: 1000  # Hz
beep_level_db: -20    # dBFS, 0 is full scale
fade: 0.005           # seconds of fade in/out of the beep (no clicks)
"""


class AudioOptions(BaseModel):
    """How entity spans become time intervals and how intervals are blanked out."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    #: seconds added before and after each interval: word timings are approximate, recall comes first
    padding: float = Field(default=0.1, ge=0.0, le=10.0)
    #: intervals separated by at most this many seconds are merged into one
    merge_gap: float = Field(default=0.25, ge=0.0, le=60.0)
    #: every entity gets at least this long an interval (recognisers emit zero-length words)
    min_duration: float = Field(default=0.05, gt=0.0, le=10.0)
    #: replace intervals by a tone (audible, so listeners know something was removed) or by silence
    mode: Literal["beep", "silence"] = "beep"
    beep_frequency: float = Field(default=1000.0, gt=0.0, le=48000.0)
    #: beep level in dB relative to full scale
    beep_level_db: float = Field(default=-20.0, ge=-120.0, le=0.0)
    #: seconds of linear fade at each end of a beep
    fade: float = Field(default=0.005, ge=0.0, le=1.0)

    def to_yaml(self) -> str:
        return yaml.safe_dump(self.model_dump(), sort_keys=False)


def load_audio_options(source: str | Path | Mapping[str, Any] | AudioOptions | None = None) -> AudioOptions:
    """Options from a YAML file, a mapping, an :class:`AudioOptions` or ``None`` (defaults)."""
    if source is None:
        return AudioOptions()
    if isinstance(source, AudioOptions):
        return source
    origin = "audio options"
    if isinstance(source, str | Path):
        path = Path(source)
        origin = str(path)
        try:
            source = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except OSError as exc:
            raise ConfigError(f"cannot read the file ({type(exc).__name__})", source=origin) from None
        except yaml.YAMLError:
            raise ConfigError("not valid YAML", source=origin, example=_EXAMPLE) from None
    if not isinstance(source, Mapping):
        raise ConfigError(
            "audio options must be a mapping of keys to values", source=origin, example=_EXAMPLE
        )
    try:
        return AudioOptions.model_validate(dict(source))
    except pydantic.ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(part) for part in first["loc"]) or None
        message = "unknown key" if first["type"] == "extra_forbidden" else first["msg"]
        raise ConfigError(message, key=key, source=origin, example=_EXAMPLE) from None
