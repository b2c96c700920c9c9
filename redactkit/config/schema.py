"""The pipeline configuration model and its loader.

A configuration is YAML (or a mapping) with the same keys as :class:`PipelineConfig`; each component
block is ``name:`` plus the constructor arguments of the registered class. Keys a user leaves out take
the values of the shipped ``default.yaml``, so a policy file only states what it changes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import pydantic
import yaml
from pydantic import BaseModel, ConfigDict, Field

from ..errors import ConfigError

if TYPE_CHECKING:
    from ..labels import LabelRegistry

__all__ = ["ComponentSpec", "PipelineConfig", "default_config_path", "load_config"]


def default_config_path() -> Path:
    """Where the shipped default configuration lives."""
    return Path(str(resources.files("redactkit.config").joinpath("default.yaml")))


@cache
def _default_mapping() -> dict[str, Any]:
    with default_config_path().open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    assert isinstance(data, dict)
    return data


def _default(section: str) -> Any:
    return json.loads(json.dumps(_default_mapping()[section]))  # a deep copy


class ComponentSpec(BaseModel):
    """One stage: ``name`` selects the registered class, every other key is a constructor argument."""

    model_config = ConfigDict(extra="allow", frozen=True)

    name: str = Field(min_length=1)

    @property
    def params(self) -> dict[str, Any]:
        return dict(self.model_extra or {})

    def to_mapping(self) -> dict[str, Any]:
        return {"name": self.name, **self.params}


class PipelineConfig(BaseModel):
    """The whole pipeline: normalizers -> detectors -> anonymizer."""

    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True)

    normalizers: list[ComponentSpec] = Field(default_factory=lambda: _default("normalizers"))
    detectors: list[ComponentSpec] = Field(default_factory=lambda: _default("detectors"), min_length=1)
    anonymizer: ComponentSpec = Field(default_factory=lambda: _default("anonymizer"))
    batch_size: int = Field(default_factory=lambda: _default("batch_size"), ge=1)
    merge_adjacent: bool = Field(default_factory=lambda: _default("merge_adjacent"))
    thresholds: dict[str, Annotated[float, Field(ge=0.0, le=1.0)]] = Field(
        default_factory=lambda: _default("thresholds")
    )
    allow_list: list[str] = Field(default_factory=lambda: _default("allow_list"))
    #: labels the user adds to the registry: {NAME: {description, category, default_operator, examples}}
    labels: dict[str, dict[str, Any]] = Field(default_factory=lambda: _default("labels"))

    def to_mapping(self) -> dict[str, Any]:
        return {
            "normalizers": [spec.to_mapping() for spec in self.normalizers],
            "detectors": [spec.to_mapping() for spec in self.detectors],
            "anonymizer": self.anonymizer.to_mapping(),
            "batch_size": self.batch_size,
            "merge_adjacent": self.merge_adjacent,
            "thresholds": dict(self.thresholds),
            "allow_list": list(self.allow_list),
            "labels": _plain(self.labels),
        }

    def to_yaml(self) -> str:
        return yaml.safe_dump(self.to_mapping(), sort_keys=False)

    def fingerprint(self) -> str:
        """A stable hash of the resolved configuration (for run reports and caches)."""
        canonical = json.dumps(self.to_mapping(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode()).hexdigest()[:16]

    def label_registry(self) -> LabelRegistry:
        """The process-wide label registry extended with this config's ``labels:`` (a new registry)."""
        from ..labels import Label, labels

        return labels.extended(
            Label.from_mapping(name, block, key=f"labels.{name}") for name, block in self.labels.items()
        )

    def validate_components(self) -> PipelineConfig:
        """Check every component block against its class and every label named anywhere against the
        label registry; return the config with defaults filled in."""
        from ..anonymize import anonymizers
        from ..detect import detectors
        from ..normalize import normalizers
        from ..registry import validate_params

        registry = self.label_registry()
        registry.check((f"thresholds.{label}", label) for label in self.thresholds)

        def resolve(kind: Any, spec: ComponentSpec, key: str) -> ComponentSpec:
            cls = kind.get(spec.name, key=f"{key}.name")
            params = validate_params(cls, spec.params, key=key)
            registry.check((f"{key}.{sub}", label) for sub, label in cls.label_references(params))
            return ComponentSpec(name=spec.name, **_plain(params))

        return PipelineConfig(
            normalizers=[
                resolve(normalizers, s, f"normalizers[{i}]") for i, s in enumerate(self.normalizers)
            ],
            detectors=[resolve(detectors, s, f"detectors[{i}]") for i, s in enumerate(self.detectors)],
            anonymizer=resolve(anonymizers, self.anonymizer, "anonymizer"),
            batch_size=self.batch_size,
            merge_adjacent=self.merge_adjacent,
            thresholds=self.thresholds,
            allow_list=self.allow_list,
            labels=self.labels,
        )


def _plain(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    return value


def load_config(source: str | Path | Mapping[str, Any] | PipelineConfig | None = None) -> PipelineConfig:
    """Load and fully validate a configuration.

    ``source`` is a YAML file path, a mapping, a :class:`PipelineConfig`, or ``None`` for the default.
    Raises :class:`~redactkit.errors.ConfigError` naming the offending key with a valid example.
    """
    if source is None:
        source = _default_mapping()
    if isinstance(source, PipelineConfig):
        return source.validate_components()
    origin = "config"
    if isinstance(source, str | Path):
        path = Path(source)
        origin = str(path)
        source = _read_yaml(path)
    if not isinstance(source, Mapping):
        raise ConfigError(
            f"{origin}: the configuration must be a mapping of keys to values",
            example="detectors:\n  - name: presidio",
        )
    try:
        config = PipelineConfig.model_validate(dict(source))
    except pydantic.ValidationError as exc:
        raise _config_error(exc, origin) from None
    try:
        return config.validate_components()
    except ConfigError as exc:
        if origin != "config":
            raise ConfigError(exc.message, key=exc.key, example=exc.example, source=origin) from None
        raise


def _read_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            f"config file {path} does not exist",
            example="# policy.yaml\nanonymizer:\n  name: tag\n  format: '<{label}>'",
        ) from None
    except OSError as exc:
        raise ConfigError(f"config file {path} cannot be read ({exc.strerror})") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        raise ConfigError(f"config file {path} is not valid YAML{where}") from None
    return {} if data is None else data


def _config_error(exc: pydantic.ValidationError, origin: str) -> ConfigError:
    error = exc.errors()[0]
    parts = [str(part) for part in error["loc"]]
    key = parts[0] if parts else ""
    for part in parts[1:]:
        key += f"[{part}]" if part.isdigit() else f".{part}"
    section = parts[0] if parts else ""
    example = None
    if section in _default_mapping():
        example = yaml.safe_dump({section: _default_mapping()[section]}, sort_keys=False)
    if error["type"] == "extra_forbidden":
        valid = ", ".join(PipelineConfig.model_fields)
        message = f"unknown key. Valid top-level keys: {valid}"
        example = yaml.safe_dump({"anonymizer": _default_mapping()["anonymizer"]}, sort_keys=False)
    else:
        message = f"invalid value: {error['msg']}"
    return ConfigError(message, key=key, example=example, source=origin if origin != "config" else None)
