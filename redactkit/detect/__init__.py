"""PII detectors: find entities in normalized transcript text."""

from .addresses import AddressDetector
from .base import Detector, detectors
from .contextual import ContextualDetector
from .deny_list import DenyListDetector
from .identifiers import IdentifierDetector
from .names import NameDetector
from .ner import SpacyNerDetector
from .organizations import OrganizationDetector
from .places import PlaceDetector
from .presidio import PresidioDetector
from .regex import RegexDetector, RegexRecognizer
from .special import SpecialCategoryDetector
from .spelled import SpelledDetector

__all__ = [
    "AddressDetector",
    "ContextualDetector",
    "DenyListDetector",
    "Detector",
    "IdentifierDetector",
    "NameDetector",
    "OrganizationDetector",
    "PlaceDetector",
    "PresidioDetector",
    "RegexDetector",
    "RegexRecognizer",
    "SpacyNerDetector",
    "SpecialCategoryDetector",
    "SpelledDetector",
    "detectors",
]
