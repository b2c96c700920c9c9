"""Word tests every lowercase-aware component asks the same way: how frequent a word is allowed to be
for the question at hand (one Zipf policy, named per purpose in ``frequency.yaml``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .tables import load_tables

__all__ = ["ZipfCutoffs", "zipf_cutoffs"]


@dataclass(frozen=True)
class ZipfCutoffs:
    """The Zipf cut-offs of a locale (``redactkit/lang/<locale>/frequency.yaml``, each documented
    there): a component reads the cut-off of the question it asks, never a number of its own."""

    common_word_min: float = field(metadata={"key": "zipf.common_word_min"})
    function_word_min: float = field(metadata={"key": "zipf.function_word_min"})
    everyday_word_min: float = field(metadata={"key": "zipf.everyday_word_min"})
    unlisted_person_name_max: float = field(metadata={"key": "zipf.unlisted_person_name_max"})
    unlisted_organization_name_max: float = field(metadata={"key": "zipf.unlisted_organization_name_max"})
    unlisted_town_max: float = field(metadata={"key": "zipf.unlisted_town_max"})
    rare_run_max: float = field(metadata={"key": "zipf.rare_run_max"})


def zipf_cutoffs(locale: str) -> ZipfCutoffs:
    """The Zipf cut-offs of ``locale``."""
    return load_tables(locale, "frequency", ZipfCutoffs)
