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

__all__ = ["DEFAULT_LABEL_PADDING", "AudioOptions", "load_audio_options"]

_EXAMPLE = """\
padding: 0.1          # seconds added before and after every interval
label_padding:        # at least this much for these labels (names and numbers more)
  PERSON: 0.15
short_word: 0.25      # a redacted word timed shorter than this widens to its neighbours' edges
merge_gap: 0.25       # intervals closer than this are merged
min_duration: 0.05    # shortest interval (zero-length timing words still get one)
mode: beep            # beep | silence
beep_frequency: 1000  # Hz
beep_level_db: -20    # dBFS, 0 is full scale
fade: 0.005           # seconds of fade in/out of the beep (no clicks)
"""


#: default extra padding of names and numbers, in seconds
DEFAULT_LABEL_PADDING: dict[str, float] = {
    "PERSON": 0.15,
    "PHONE_NUMBER": 0.15,
    "CREDIT_CARD": 0.15,
    "US_SSN": 0.15,
    "ACCOUNT_NUMBER": 0.15,
    "ZIP_CODE": 0.15,
    "PIN": 0.15,
    "SPELLED": 0.15,
}


class AudioOptions(BaseModel):
    """How entity spans become time intervals and how intervals are blanked out."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    #: seconds added before and after each interval: word timings are approximate, recall comes first
    padding: float = Field(default=0.1, ge=0.0, le=10.0)
    #: padding per label, in seconds; a label listed here gets at least this much (``max`` with
    #: ``padding``). Names and numbers get more by default: a recognizer that did not know a name
    #: often times it too short, and digits are said fast
    label_padding: dict[str, float] = Field(default_factory=lambda: dict(DEFAULT_LABEL_PADDING))
    #: a redacted token whose timing is shorter than this many seconds is not trusted (an unknown
    #: name recognized as one short word): its interval widens to the end of the previous timed word
    #: and the start of the next one. 0 switches the widening off
    short_word: float = Field(default=0.25, ge=0.0, le=10.0)
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

    @pydantic.field_validator("label_padding")
    @classmethod
    def _check_label_padding(cls, value: dict[str, float]) -> dict[str, float]:
        for label, seconds in value.items():
            if not 0.0 <= seconds <= 10.0:
                raise ValueError(f"label_padding.{label} must be between 0 and 10 seconds, got {seconds}")
        return value

    def padding_of(self, label: str) -> float:
        """Seconds of padding of an interval of ``label`` (merged labels "A|B" take the largest)."""
        return max(self.padding, *(self.label_padding.get(part, 0.0) for part in label.split("|")))

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
