"""The pipeline configuration model and its loader.

A configuration is YAML (or a mapping) with the same keys as :class:`PipelineConfig`; each component
block is ``name:`` plus the constructor arguments of the registered class.

A user configuration **extends** the shipped ``default.yaml``; it never silently switches protection
off. Components are keyed by name: a block whose name is in the defaults changes only the keys it
states, a new name is added after the default components, ``disable: [names]`` removes components
explicitly and ``replace: true`` (or ``replace: [detectors]``) opts out of merging, so the lists given
are the whole lists. :func:`load_config` returns the *effective* configuration: complete, marked
``replace: true``, the YAML ``redactkit config show`` prints.
"""

from __future__ import annotations

import difflib
import hashlib
import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import pydantic
import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from .._yaml import load_shipped
from ..conversation.options import ConversationOptions
from ..errors import ConfigError
from ..sensitivity._options import SensitivityOptions

if TYPE_CHECKING:
    from ..labels import LabelRegistry

__all__ = ["ComponentSpec", "PipelineConfig", "default_config_path", "load_config", "merge_with_defaults"]

#: sections whose components are keyed by name and merged with the defaults
COMPONENT_SECTIONS = ("normalizers", "detectors")
#: keys of a user configuration that steer merging; they are not part of the effective configuration
MERGE_KEYS = ("replace", "disable")


def default_config_path() -> Path:
    """Where the shipped default configuration lives."""
    return Path(str(resources.files("redactkit.config").joinpath("default.yaml")))


@cache
def _default_mapping() -> dict[str, Any]:
    data = load_shipped(default_config_path().read_text(encoding="utf-8"))
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

    #: an effective configuration is complete: loading it again does not merge it with the defaults
    replace: Literal[True] = True
    normalizers: list[ComponentSpec] = Field(default_factory=lambda: _default("normalizers"))
    detectors: list[ComponentSpec] = Field(default_factory=lambda: _default("detectors"), min_length=1)
    anonymizer: ComponentSpec = Field(default_factory=lambda: _default("anonymizer"))
    batch_size: int = Field(default_factory=lambda: _default("batch_size"), ge=1)
    merge_adjacent: bool = Field(default_factory=lambda: _default("merge_adjacent"))
    thresholds: dict[str, Annotated[float, Field(ge=0.0, le=1.0)]] = Field(
        default_factory=lambda: _default("thresholds")
    )
    allow_list: list[str] = Field(default_factory=lambda: _default("allow_list"))
    conversation: ConversationOptions = Field(default_factory=lambda: _default("conversation"))
    #: labels the user adds to the registry: {NAME: {description, category, default_operator, examples}}
    labels: dict[str, dict[str, Any]] = Field(default_factory=lambda: _default("labels"))
    #: row-level sensitivity: the action per level, the marker of withheld rows, the cue locale
    sensitivity: SensitivityOptions = Field(default_factory=lambda: _default("sensitivity"))

    # where each component came from in the user's file ("detectors.deny_list", "detectors[0]"), so
    # errors name the key the user wrote rather than a position in the merged list
    _origins: dict[tuple[str, int], str] = PrivateAttr(default_factory=dict)

    def __eq__(self, other: object) -> bool:
        # the same configuration, wherever its components came from
        if isinstance(other, PipelineConfig):
            return self.to_mapping() == other.to_mapping()
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def component_key(self, section: str, index: int) -> str:
        """The config key of a component, as the user wrote it where known."""
        return self._origins.get((section, index), f"{section}[{index}]")

    def to_mapping(self) -> dict[str, Any]:
        return {
            "replace": True,
            "normalizers": [spec.to_mapping() for spec in self.normalizers],
            "detectors": [spec.to_mapping() for spec in self.detectors],
            "anonymizer": self.anonymizer.to_mapping(),
            "batch_size": self.batch_size,
            "merge_adjacent": self.merge_adjacent,
            "thresholds": dict(self.thresholds),
            "allow_list": list(self.allow_list),
            "conversation": self.conversation.model_dump(mode="json"),
            "labels": _plain(self.labels),
            "sensitivity": self.sensitivity.to_mapping(),
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

        resolved = PipelineConfig(
            normalizers=[
                resolve(normalizers, s, self.component_key("normalizers", i))
                for i, s in enumerate(self.normalizers)
            ],
            detectors=[
                resolve(detectors, s, self.component_key("detectors", i))
                for i, s in enumerate(self.detectors)
            ],
            anonymizer=resolve(anonymizers, self.anonymizer, "anonymizer"),
            batch_size=self.batch_size,
            merge_adjacent=self.merge_adjacent,
            thresholds=self.thresholds,
            allow_list=self.allow_list,
            conversation=self.conversation,
            labels=self.labels,
            sensitivity=self.sensitivity,
        )
        resolved._origins = dict(self._origins)
        return resolved


def _plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_defaults=True)
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
    origins: dict[tuple[str, int], str] = {}
    try:
        merged, origins = merge_with_defaults(source)
        config = PipelineConfig.model_validate(merged)
    except pydantic.ValidationError as exc:
        raise _config_error(exc, origin, origins) from None
    except ConfigError as exc:
        if origin != "config":
            raise ConfigError(exc.message, key=exc.key, example=exc.example, source=origin) from None
        raise
    config._origins = origins
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


def _config_error(
    exc: pydantic.ValidationError, origin: str, origins: Mapping[tuple[str, int], str]
) -> ConfigError:
    error = exc.errors()[0]
    inner = (error.get("ctx") or {}).get("error")
    if isinstance(inner, ConfigError):  # a validator's own error names its key and an example
        return ConfigError(
            inner.message, key=inner.key, example=inner.example, source=origin if origin != "config" else None
        )
    parts = [str(part) for part in error["loc"]]
    key = parts[0] if parts else ""
    if len(parts) > 1 and key in COMPONENT_SECTIONS and parts[1].isdigit():
        key = origins.get((key, int(parts[1])), f"{key}[{parts[1]}]")
        parts = parts[1:]
    for part in parts[1:]:
        key += f"[{part}]" if part.isdigit() else f".{part}"
    section = parts[0] if parts else ""
    example = None
    if section in _default_mapping():
        example = yaml.safe_dump({section: _default_mapping()[section]}, sort_keys=False)
    if error["type"] == "extra_forbidden" and section == "sensitivity" and len(parts) == 2:
        names = list(SensitivityOptions.model_fields)
        close = difflib.get_close_matches(parts[1], names, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        message = f"unknown key{hint}. Valid keys: {', '.join(names)}"
    elif error["type"] == "extra_forbidden":
        valid = ", ".join([*PipelineConfig.model_fields, *MERGE_KEYS])
        message = f"unknown key. Valid top-level keys: {valid}"
        example = yaml.safe_dump({"anonymizer": _default_mapping()["anonymizer"]}, sort_keys=False)
    else:
        message = f"invalid value: {error['msg']}"
    return ConfigError(message, key=key, example=example, source=origin if origin != "config" else None)


# -- merging a user configuration with the defaults -------------------------------------------------


def merge_with_defaults(source: Mapping[str, Any]) -> tuple[dict[str, Any], dict[tuple[str, int], str]]:
    """The effective configuration mapping of a user configuration, and where each component came from.

    * ``normalizers`` / ``detectors``: a list of ``{name: ..., <params>}`` blocks or a mapping
      ``name: {<params>}``. A name already in the defaults updates that component key by key (a key
      given replaces the default value whole; nested mappings are not merged); a new name is appended.
    * ``anonymizer``: a block without ``name`` or with the default's name updates the default's keys;
      another name replaces it.
    * ``thresholds``, ``labels`` and ``conversation`` update the default ones; ``allow_list``
      entries are added to the default entries.
    * ``disable: [names]`` removes normalizers or detectors by name (an unknown name is an error).
    * ``replace: true`` takes every section given as it is (the behaviour before merging existed);
      ``replace: [detectors, ...]`` does so for the sections named.
    """
    data = dict(source)
    replaced = _replaced_sections(data.pop("replace", False))
    disabled = _disabled_names(data.pop("disable", None) or [])
    defaults = json.loads(json.dumps(_default_mapping()))  # a deep copy
    merged: dict[str, Any] = {}
    origins: dict[tuple[str, int], str] = {}
    for key, value in data.items():
        if key in COMPONENT_SECTIONS:
            blocks = _component_blocks(value, key)
            if key in replaced:
                merged[key] = [block for _, block in blocks]
                origins.update({(key, i): where for i, (where, _) in enumerate(blocks)})
            else:
                merged[key] = _merge_components(defaults[key], blocks, key, origins)
        elif key == "anonymizer" and key not in replaced and isinstance(value, Mapping):
            default = defaults["anonymizer"]
            name = value.get("name", default["name"])
            merged[key] = {**default, **value} if name == default["name"] else dict(value)
        elif (
            key in ("thresholds", "labels", "conversation")
            and key not in replaced
            and isinstance(value, Mapping)
        ):
            merged[key] = {**defaults[key], **value}
        elif key == "sensitivity" and key not in replaced and isinstance(value, Mapping):
            # level by level: `policy: {safety: route}` keeps the default action of the other levels
            merged[key] = {**defaults[key], **value}
            for nested in ("policy", "label_levels"):
                if isinstance(value.get(nested), Mapping) and isinstance(defaults[key].get(nested), Mapping):
                    merged[key][nested] = {**defaults[key][nested], **value[nested]}
        elif key == "allow_list" and key not in replaced and isinstance(value, list):
            merged[key] = [*defaults["allow_list"], *(v for v in value if v not in defaults["allow_list"])]
        else:
            merged[key] = value  # unknown keys are reported by the model with the valid keys
    if disabled:
        _disable(merged, defaults, disabled, origins)
    return merged, origins


def _replaced_sections(value: Any) -> frozenset[str]:
    sections = (
        "normalizers",
        "detectors",
        "anonymizer",
        "thresholds",
        "allow_list",
        "labels",
        "conversation",
        "sensitivity",
    )
    if value is True:
        return frozenset(sections)
    if value is False or value is None:
        return frozenset()
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        unknown = [item for item in value if item not in sections]
        if not unknown:
            return frozenset(value)
        message = f"unknown section {unknown[0]!r} in replace. Sections: {', '.join(sections)}"
    else:
        message = "replace must be true, false or a list of section names"
    raise ConfigError(message, key="replace", example="replace: [detectors]")


def _disabled_names(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(
            "disable must be a list of normalizer or detector names",
            key="disable",
            example="disable: [presidio]",
        )
    return value


def _component_blocks(value: Any, section: str) -> list[tuple[str, dict[str, Any]]]:
    """``(key as written, block)`` pairs of a section given as a list or as a name-keyed mapping."""
    example = f"{section}:\n  deny_list:\n    terms: {{project nightingale: ORGANIZATION}}"
    if section == "normalizers":
        example = f"{section}:\n  spoken_numbers:\n    min_tokens: 3"
    if isinstance(value, Mapping):
        blocks = []
        for name, params in value.items():
            key = f"{section}.{name}"
            if params is None:
                params = {}
            if not isinstance(params, Mapping):
                raise ConfigError(
                    "a component keyed by name takes a mapping of its parameters (or nothing)",
                    key=key,
                    example=example,
                )
            if "name" in params:
                raise ConfigError(
                    "a component keyed by name must not repeat `name:` inside",
                    key=f"{key}.name",
                    example=example,
                )
            blocks.append((key, {"name": str(name), **params}))
        return blocks
    if isinstance(value, list):
        # non-mapping items are left to the model, which reports them by position
        return [(f"{section}[{index}]", item) for index, item in enumerate(value)]
    raise ConfigError(
        f"{section} must be a list of components or a mapping of names to parameters",
        key=section,
        example=example,
    )


def _merge_components(
    defaults: list[dict[str, Any]],
    blocks: list[tuple[str, Any]],
    section: str,
    origins: dict[tuple[str, int], str],
) -> list[Any]:
    merged: list[Any] = [dict(block) for block in defaults]
    position = {block["name"]: index for index, block in enumerate(merged)}
    seen: dict[str, str] = {}
    for key, block in blocks:
        name = block.get("name") if isinstance(block, Mapping) else None
        if not isinstance(name, str):
            merged.append(block)  # the model reports the missing or invalid name
            origins[(section, len(merged) - 1)] = key
            continue
        if name in seen:
            raise ConfigError(
                f"{section[:-1]} {name!r} is given twice (also at {seen[name]}); components are keyed by "
                "name and merged with the defaults: put all its keys in one block, or set `replace: true` "
                "to give the whole list yourself",
                key=key,
                example=f"{section}:\n  - name: {name}",
            )
        seen[name] = key
        if name in position:
            merged[position[name]] = {**merged[position[name]], **block}
            origins[(section, position[name])] = key
        else:
            merged.append(dict(block))
            position[name] = len(merged) - 1
            origins[(section, len(merged) - 1)] = key
    return merged


def _disable(
    merged: dict[str, Any],
    defaults: dict[str, Any],
    disabled: list[str],
    origins: dict[tuple[str, int], str],
) -> None:
    for section in COMPONENT_SECTIONS:
        merged.setdefault(section, defaults[section])
    present = {
        block["name"]
        for section in COMPONENT_SECTIONS
        for block in merged[section]
        if isinstance(block, Mapping) and isinstance(block.get("name"), str)
    }
    for index, name in enumerate(disabled):
        if name not in present:
            close = difflib.get_close_matches(name, sorted(present), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ConfigError(
                f"cannot disable {name!r}: no such normalizer or detector in this configuration{hint}. "
                f"Present: {', '.join(sorted(present))}",
                key=f"disable[{index}]",
                example=f"disable: [{close[0] if close else 'presidio'}]",
            )
    for section in COMPONENT_SECTIONS:
        kept: list[Any] = []
        kept_origins: dict[tuple[str, int], str] = {}
        for index, block in enumerate(merged[section]):
            if isinstance(block, Mapping) and block.get("name") in disabled:
                continue
            if (section, index) in origins:
                kept_origins[(section, len(kept))] = origins.pop((section, index))
            kept.append(block)
        for key in [key for key in origins if key[0] == section]:
            del origins[key]
        origins.update(kept_origins)
        merged[section] = kept
