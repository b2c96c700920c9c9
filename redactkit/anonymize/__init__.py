"""Anonymizers: replace detected entities in the original transcript according to a policy."""

from .base import Anonymizer, anonymizers
from .tag import TagAnonymizer

__all__ = ["Anonymizer", "TagAnonymizer", "anonymizers"]
