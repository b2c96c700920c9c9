"""PII detectors: find entities in normalized transcript text."""

from .base import Detector, detectors
from .presidio import PresidioDetector

__all__ = ["Detector", "PresidioDetector", "detectors"]
