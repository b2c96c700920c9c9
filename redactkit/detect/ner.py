"""spaCy's statistical NER, with a guard for lowercase speech.

On formatted (cased) transcripts spaCy's entity recognizer is trusted as is. On lowercase ASR output
it guesses: "wakey wakey" becomes a PERSON, "french fries" an ORGANIZATION. There, after the
truecaser has capitalised likely names, a PERSON is kept when it contains a known given or family
name or follows a name cue, and an ORGANIZATION only with a company word ("bank", "inc"). LOCATION
entities are kept: places that no gazetteer knows ("grassmarket", "mg road") come from here.

The model is the same one Presidio uses, loaded once per process with only the recognizer enabled.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Annotated, Any

from pydantic import Field

from ..core import AlignedText, Entity
from ..gazetteers import family_names, given_names
from .base import Detector, detectors
from .spacy_models import load_spacy_model, resolve_model_path

__all__ = ["SpacyNerDetector"]

DEFAULT_NER_LABELS: dict[str, str] = {
    "PERSON": "PERSON",
    "GPE": "LOCATION",
    "LOC": "LOCATION",
    "FAC": "LOCATION",
    "ORG": "ORGANIZATION",
}
_COMPANY_WORDS = frozenset(
    "inc incorporated corp corporation co company ltd limited llc plc gmbh ag bank university college "
    "hospital clinic school group holdings partners associates foundation institute airlines insurance "
    "pharmacy restaurant cafe hotel motors technologies solutions services systems labs".split()
)
# Zipf frequency from which a family name that is also a dictionary word needs a cue ("cook", "snow").
_FREQUENT_ZIPF = 4.5
_PERSON_CUES = frozenset(
    "call text email message tell ask remind meet invite dear mr mrs ms dr with from to for".split()
)


def _is_plain_word(word: str, given: frozenset[str], family: frozenset[str]) -> bool:
    from ..gazetteers import common_words

    return word in common_words() and word not in given and word not in family


def _is_known_name(word: str, given: frozenset[str], family: frozenset[str]) -> bool:
    """A gazetteer name that is not first of all a frequent word: "cook", "snow", "page" are family
    names somewhere, but on lowercase text the model's PERSON guess on them needs a cue."""
    from ..gazetteers import common_words, zipf_frequency

    if word in given:
        return True
    return word in family and not (word in common_words() and zipf_frequency(word) >= _FREQUENT_ZIPF)


@detectors.register("ner")
class SpacyNerDetector(Detector):
    """Entities from spaCy's NER model (PERSON, LOCATION, ORGANIZATION), guarded on lowercase text."""

    emits = tuple(sorted(set(DEFAULT_NER_LABELS.values())))

    @classmethod
    def label_references(cls, params: Mapping[str, Any]) -> list[tuple[str, str]]:
        return [(f"labels.{spacy_label}", label) for spacy_label, label in params.get("labels", {}).items()]

    def __init__(
        self,
        model: str = "en_core_web_md",
        labels: Mapping[str, str] = DEFAULT_NER_LABELS,
        score: Annotated[float, Field(ge=0.0, le=1.0)] = 0.8,
        lowercase_guard: bool = True,
        batch_size: Annotated[int, Field(ge=1)] = 256,
    ) -> None:
        #: spaCy pipeline: an installed package name or a directory (loaded once per process)
        self.model = model
        #: spaCy entity label -> redactkit label; labels not listed are ignored
        self.labels = dict(labels)
        #: score of every entity (spaCy's recognizer gives none)
        self.score = score
        #: on lowercase transcripts keep PERSON only with a known name or cue, ORGANIZATION only with a
        #: company word
        self.lowercase_guard = lowercase_guard
        #: texts per ``nlp.pipe`` batch
        self.batch_size = batch_size
        resolve_model_path(model)

    def detect_batch(self, texts: Sequence[AlignedText]) -> list[list[Entity]]:
        results: list[list[Entity]] = [[] for _ in texts]
        todo = [index for index, aligned in enumerate(texts) if aligned.text.strip()]
        if not todo:
            return results
        nlp = load_spacy_model(self.model, ner_only=True)
        docs = nlp.pipe([texts[index].text for index in todo], batch_size=self.batch_size)
        given, family = given_names(), family_names()
        for index, doc in zip(todo, docs, strict=True):
            lowercase = self.lowercase_guard and texts[index].original.islower()
            found: list[Entity] = []
            for ent in doc.ents:
                label = self.labels.get(ent.label_)
                if label is None:
                    continue
                words = [token.lower_ for token in ent]
                if lowercase and label == "PERSON":
                    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
                    known = any(_is_known_name(w.removesuffix("'s"), given, family) for w in words)
                    if not known and before not in _PERSON_CUES:
                        continue
                end = ent.end_char
                if lowercase and label == "PERSON":
                    # "sally fields ever won": drop trailing common words the model swept in
                    tokens = list(ent)
                    # (down to one word at the start of an utterance: "olly order pizza")
                    keep = 1 if ent.start == 0 else 2
                    while len(tokens) > keep and _is_plain_word(tokens[-1].lower_, given, family):
                        tokens.pop()
                    end = tokens[-1].idx + len(tokens[-1].text)
                if lowercase and label == "ORGANIZATION" and not _COMPANY_WORDS.intersection(words):
                    continue
                found.append(
                    Entity(ent.start_char, end, label, self.score, self.name, f"spaCy NER {ent.label_}")
                )
            results[index] = found
        return results
