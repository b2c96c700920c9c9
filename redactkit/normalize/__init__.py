"""Speech-transcript normalizers: rewrite spoken forms into written forms with exact alignment.

The default chain, in order: ``whitespace`` -> ``fillers`` -> ``spelled_letters`` -> ``spoken_numbers``
-> ``spoken_symbols`` -> ``truecase``. Each is a :class:`Normalizer` registered under that name, can
be configured or left out in YAML, and records what it changed (``AlignedText.explain()``).
"""

from .base import Normalizer, normalizers
from .fillers import FillerNormalizer
from .letters import SpelledLetterNormalizer
from .numbers import SpokenNumberNormalizer
from .symbols import SpokenSymbolNormalizer
from .truecase import TruecaseNormalizer
from .whitespace import WhitespaceNormalizer

__all__ = [
    "FillerNormalizer",
    "Normalizer",
    "SpelledLetterNormalizer",
    "SpokenNumberNormalizer",
    "SpokenSymbolNormalizer",
    "TruecaseNormalizer",
    "WhitespaceNormalizer",
    "normalizers",
]
