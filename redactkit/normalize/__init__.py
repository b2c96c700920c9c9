"""Speech-transcript normalizers: rewrite spoken forms into written forms with exact alignment."""

from .base import Normalizer, normalizers
from .whitespace import WhitespaceNormalizer

__all__ = ["Normalizer", "WhitespaceNormalizer", "normalizers"]
