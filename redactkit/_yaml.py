"""Reading the YAML files shipped inside the package (locale data, labels, the default configuration,
the generator's templates) with libyaml's parser when PyYAML was built with it.

PyYAML's own parser is pure Python: it took about two seconds of CPU to read the locale data at every
start, libyaml's a tenth of that. Both build the document with the same safe constructor, so the
objects are the same (tests/test_speed_identity.py compares every shipped file read both ways). A
user's own files (configurations, audio options) are read with ``yaml.safe_load``, whose error
messages give line and column the same way everywhere.
"""

from __future__ import annotations

from typing import Any

import yaml

__all__ = ["load_shipped"]

#: libyaml's safe loader where PyYAML has it, else PyYAML's own (the same objects, slower)
_LOADER: Any = yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader


def load_shipped(text: str) -> Any:
    """The document of a YAML file shipped with redactkit, read with the safe constructor."""
    return yaml.load(text, Loader=_LOADER)  # a safe loader: CSafeLoader or SafeLoader
