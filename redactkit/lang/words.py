"""Word tests every lowercase-aware component asks the same way: how frequent a word is allowed to be
for the question at hand (one Zipf policy, named per purpose in ``frequency.yaml``) and which base
forms an inflected word may come from (one stemmer).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .tables import load_tables

__all__ = ["ZipfCutoffs", "inflection_stems", "zipf_cutoffs"]


@dataclass(frozen=True)
class ZipfCutoffs:
    """The Zipf cut-offs of a locale (``redactkit/lang/<locale>/frequency.yaml``, each documented
    there): a component reads the cut-off of the question it asks, never a number of its own."""

    common_word_min: float = field(metadata={"key": "zipf.common_word_min"})
    function_word_min: float = field(metadata={"key": "zipf.function_word_min"})
    everyday_word_min: float = field(metadata={"key": "zipf.everyday_word_min"})
    unlisted_person_name_max: float = field(metadata={"key": "zipf.unlisted_person_name_max"})
    weak_cue_name_max: float = field(metadata={"key": "zipf.weak_cue_name_max"})
    unlisted_organization_name_max: float = field(metadata={"key": "zipf.unlisted_organization_name_max"})
    unlisted_town_max: float = field(metadata={"key": "zipf.unlisted_town_max"})
    unlisted_place_max: float = field(metadata={"key": "zipf.unlisted_place_max"})
    toponym_head_max: float = field(metadata={"key": "zipf.toponym_head_max"})
    rare_run_max: float = field(metadata={"key": "zipf.rare_run_max"})
    rare_term_max: float = field(metadata={"key": "zipf.rare_term_max"})
    web_name_word_max: float = field(metadata={"key": "zipf.web_name_word_max"})


def zipf_cutoffs(locale: str) -> ZipfCutoffs:
    """The Zipf cut-offs of ``locale``."""
    return load_tables(locale, "frequency", ZipfCutoffs)


def inflection_stems(word: str, *, plurals: bool = True) -> tuple[str, ...]:
    """The base forms a regular English inflection of ``word`` may come from, longest rule first
    (the one stemmer of redactkit: dictionaries list base forms, transcripts say "delivering",
    "commenced", "properties", "running", "gently").

    Candidates, not answers: a caller keeps those its dictionary lists. Stems of two letters or
    fewer are never offered ("ed" -> ""). ``plurals=False`` leaves out the "-s"/"-es" rules, for
    questions where a plural is as likely a name as a word (brands: "dominoes", "staples").

    >>> inflection_stems("running"), inflection_stems("properties"), inflection_stems("gently")
    (('runn', 'runne', 'run'), ('propertie', 'properti', 'property'), ('gent', 'gentle'))
    """
    stems: list[str] = []
    if plurals and word.endswith("s"):
        stems.append(word[:-1])
    if plurals and word.endswith("es"):
        stems.append(word[:-2])
    if word.endswith(("ies", "ied")):
        stems.append(word[:-3] + "y")
    if word.endswith("ed"):
        stems += [word[:-1], word[:-2]]
        if len(word) > 4 and word[-3] == word[-4]:
            stems.append(word[:-3])  # "planned"
    if word.endswith("ing"):
        stems += [word[:-3], word[:-3] + "e"]
        if len(word) > 5 and word[-4] == word[-5]:
            stems.append(word[:-4])  # "running"
    if word.endswith("ly"):
        stems += [word[:-2], word[:-2] + "le"]  # "quickly", "gently"
    return tuple(stem for stem in stems if len(stem) > 2)
