"""Component registry: a stage is added by writing one class and naming it in config.

Like spaCy's registry, each stage kind (normalizer, detector, anonymizer) has a table from a config
name to a class. Like scikit-learn, a component's parameters *are* its constructor arguments: the
pydantic model that validates a component's YAML block is derived from the constructor's signature,
so YAML keys, pydantic fields and constructor arguments stay one-to-one by construction.

>>> from redactkit.detect import Detector, detectors
>>> @detectors.register("my_detector")          # doctest: +SKIP
... class MyDetector(Detector): ...
"""

from __future__ import annotations

import difflib
import inspect
import typing
from collections.abc import Callable, Mapping
from typing import Any, ClassVar, Generic, TypeVar

import pydantic
from pydantic import BaseModel, ConfigDict

from .errors import ConfigError

__all__ = ["Component", "Registry", "example_yaml", "params_model", "validate_params"]


class Component:
    """Base of every pipeline stage.

    Subclasses store each constructor argument on an attribute of the same name, so
    :meth:`get_params` can report the configuration that rebuilds the component.
    """

    #: the name under which the class is registered (set by :meth:`Registry.register`)
    component_name: ClassVar[str] = ""

    @classmethod
    def label_references(cls, params: Mapping[str, Any]) -> list[tuple[str, str]]:
        """``(key, label)`` for every entity label these (validated) parameters name.

        Config validation checks each against the label registry (:mod:`redactkit.labels`), so a
        misspelled label is an error naming its key. Components whose parameters name labels
        (label maps, per-label operators) override this; ``key`` is relative to the component block.
        """
        return []

    def get_params(self) -> dict[str, Any]:
        """The constructor arguments of this instance, as plain data (YAML-ready)."""
        model = params_model(type(self))
        values = {name: getattr(self, name) for name in model.model_fields}
        return model(**values).model_dump(mode="json")

    def __repr__(self) -> str:
        params = ", ".join(f"{key}={value!r}" for key, value in self.get_params().items())
        return f"{type(self).__name__}({params})"


C = TypeVar("C", bound=Component)


class Registry(Generic[C]):
    """A table of component classes of one stage kind, looked up by config name."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._classes: dict[str, type[C]] = {}

    def register(self, name: str) -> Callable[[type[C]], type[C]]:
        """Class decorator: make ``cls`` available in config as ``name: <name>``."""

        def decorator(cls: type[C]) -> type[C]:
            if name in self._classes and self._classes[name] is not cls:
                raise ValueError(f"{self.kind} {name!r} is already registered by {self._classes[name]!r}")
            cls.component_name = name
            self._classes[name] = cls
            return cls

        return decorator

    def names(self) -> list[str]:
        return sorted(self._classes)

    def get(self, name: str, *, key: str = "name") -> type[C]:
        try:
            return self._classes[name]
        except KeyError:
            known = ", ".join(self.names()) or "(none registered)"
            close = difflib.get_close_matches(name, self.names(), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ConfigError(
                f"unknown {self.kind} {name!r}{hint}. Known {self.kind}s: {known}",
                key=key,
                example=f"name: {close[0] if close else self.names()[0] if self.names() else 'my_component'}",
            ) from None

    def create(self, name: str, params: Mapping[str, Any], *, key: str) -> C:
        """Validate ``params`` against the class's constructor and instantiate it."""
        cls = self.get(name, key=f"{key}.name")
        validated = validate_params(cls, params, key=key)
        try:
            return cls(**validated)
        except ConfigError as exc:  # already says what is wrong: name where, keep it one line
            raise ConfigError(
                exc.message,
                key=f"{key}.{exc.key}" if exc.key else key,
                example=exc.example,
                source=exc.source,
            ) from None
        except ValueError as exc:  # constructors validate combinations the types cannot express
            raise ConfigError(
                f"invalid value for {name!r}: {exc}", key=key, example=example_yaml(cls)
            ) from None

    def __contains__(self, name: object) -> bool:
        return name in self._classes


_PARAMS_MODELS: dict[type[Component], type[BaseModel]] = {}


def params_model(cls: type[Component]) -> type[BaseModel]:
    """The pydantic model of ``cls``'s constructor arguments (unknown keys forbidden)."""
    model = _PARAMS_MODELS.get(cls)
    if model is None:
        model = _PARAMS_MODELS[cls] = _build_params_model(cls)
    return model


def _build_params_model(cls: type[Component]) -> type[BaseModel]:
    signature = inspect.signature(cls.__init__)
    hints = typing.get_type_hints(cls.__init__, include_extras=True)
    fields: dict[str, Any] = {}
    for name, parameter in signature.parameters.items():
        if name == "self" or parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        annotation = hints.get(name, Any)
        default = ... if parameter.default is parameter.empty else parameter.default
        fields[name] = (annotation, default)
    return pydantic.create_model(
        f"{cls.__name__}Params",
        __config__=ConfigDict(extra="forbid", arbitrary_types_allowed=True, frozen=True),
        **fields,
    )


def validate_params(cls: type[Component], params: Mapping[str, Any], *, key: str) -> dict[str, Any]:
    """Validate a component's config block; errors name the key and show a valid example."""
    model = params_model(cls)
    try:
        instance = model(**params)
    except pydantic.ValidationError as exc:
        errors = exc.errors()
        error = errors[0]
        location = ".".join(str(part) for part in error["loc"])
        # a key that takes one of several kinds of value (``labels``: a mapping or a word): pydantic
        # reports each alternative under its own branch; name the key and every alternative
        field = error["loc"][:1]
        alternatives = [other for other in errors if other["loc"][:1] == field and len(other["loc"]) > 1]
        if len({other["loc"][1] for other in alternatives}) > 1:
            location = str(error["loc"][0])
            error = {**error, "msg": "; or ".join(dict.fromkeys(str(other["msg"]) for other in alternatives))}
        full_key = f"{key}.{location}" if location else key
        if error["type"] == "extra_forbidden":
            valid = ", ".join(model.model_fields) or "(none)"
            message = f"unknown key for {cls.component_name!r}. Valid keys: {valid}"
        elif error["type"] == "missing":
            message = f"required key for {cls.component_name!r} is missing"
        else:
            # pydantic's message describes the expected type; the input value is left out on purpose.
            message = f"invalid value for {cls.component_name!r}: {error['msg']}"
        raise ConfigError(message, key=full_key, example=example_yaml(cls)) from None
    return {name: getattr(instance, name) for name in model.model_fields}


def example_yaml(cls: type[Component]) -> str:
    """A valid YAML block for ``cls``: its name and its default parameters."""
    import yaml

    model = params_model(cls)
    defaults: dict[str, Any] = {"name": cls.component_name}
    for name, info in model.model_fields.items():
        if not info.is_required():
            value = info.get_default(call_default_factory=True)
            defaults[name] = _plain(value)
        else:
            defaults[name] = "<required>"
    return yaml.safe_dump(defaults, sort_keys=False).rstrip()


def _plain(value: Any) -> Any:
    if isinstance(value, tuple | list | frozenset | set):
        return [_plain(item) for item in value]
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    return value
