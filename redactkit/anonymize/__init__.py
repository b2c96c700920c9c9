"""Anonymizers: replace detected entities in the original transcript according to a policy."""

from .base import Anonymizer, anonymizers
from .operators import OPERATORS
from .policy import PRESETS, PolicyAnonymizer
from .reversal import deanonymize
from .tag import TagAnonymizer

__all__ = [
    "OPERATORS",
    "PRESETS",
    "Anonymizer",
    "PolicyAnonymizer",
    "TagAnonymizer",
    "anonymizers",
    "deanonymize",
]
