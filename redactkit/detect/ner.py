"""spaCy's statistical NER, adapted to transcripts, with an optional guard for lowercase speech.

``ner_weights`` picks the recognizer: ``builtin`` (the default configuration's, with ``labels:
names``) runs redactkit's adaptation of en_core_web_md's to ASR-style dialogue text (see
``redactkit/models/ner-asr-en/MODEL_CARD.md``), which knows names, places and organisations in
lowercase, unpunctuated text (the identifiers are the rule detectors'); ``none`` (the constructor's
default) runs the pipeline's own; a directory written by ``redactkit train`` runs a recognizer
fine-tuned on the user's data (with ``labels: null``: the labels it learnt). Adapted weights read
lowercase speech, what they were trained on; formatted transcripts (with capitals) go to the
pipeline's own recognizer, which is in memory anyway (``ner_weights_on: all``: the weights read
every text).

Scores: with adapted weights an entity's score is the precision its label reached on the held-out
transcripts the weights were evaluated on (the calibration table in the weights' meta.json), so a
per-label threshold of 0.9 drops the labels the model gets right less than 9 times in 10. A fixed
``score`` overrides it. Labels the weights' pipeline calibration dropped (meta.json
``pipeline_calibration.dropped``, :mod:`redactkit.train.calibrate`: next to the rule detectors
their entities touched more PII-free rows than they found values) are left out unless ``labels``
names them.

On formatted (cased) transcripts spaCy's entity recognizer is trusted as is. On lowercase ASR output
a recognizer guesses: the stock one calls "wakey wakey" a PERSON and "french fries" an ORGANIZATION;
the adapted one fewer such words, but public names SLURP-like assistant requests mention (artists,
apps, news outlets). The ``strict`` guard (the default), after the truecaser has capitalised likely
names, keeps a PERSON when it contains a known given or family name, follows a name cue or, made of
no everyday word, comes before a verb of speech ("zorvek qa also asked"), and an
ORGANIZATION only with a company word ("bank", "inc"). The ``plain_words`` guard trusts the adapted
recognizer's lowercase names more (more organisations found, more non-PII words redacted) and only
drops entities made of everyday words ("jokes", "alarm clock", "tech news"; a LOCATION the place
gazetteer knows as a whole is kept), PERSON and ORGANIZATION entities made of words the locale
declares never a name (``not_names`` in lang/<locale>/names.yaml: assistant names, relations) or
spelling a public acronym (lang/<locale>/acronyms.txt: "bbc"), and a single frequent dictionary word
that is no given name ("cook", "worth") without a name cue before it (a place cue for LOCATION:
``ner_guard.place_cues``). Both guards drop a lone frequent word taken for a PERSON after a
determiner ("pay my bill") or opening a request before one ("mark the calendar"), with every
recognizer; with adapted weights also a phone, SSN, card or ZIP code without a digit (the number
normalizer left the words: a count or a year), and a PERSON of everyday nouns the word vectors read as
things ("it was destiny", "i have faith": ``ner_guard.noun_max_likeness``) without anything that says a
person (the strict guard: such a one-word LOCATION that no city, country or state list has: "we live in
harmony", "in overtime"). The strict guard drops a PERSON made only of
never-names or currencies ("alexa", "yen") and a LOCATION right after a verb of playing media ("listen
to smooth jazz"); other LOCATION entities are kept: places that no gazetteer knows ("grassmarket", "mg
road") come from here.

The model is the same one Presidio uses, loaded once per process with only the recognizer enabled.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import Field

from ..core import AlignedText, Entity
from ..errors import ModelNotFoundError
from ..gazetteers import family_names, fold, given_names, is_everyday_word, place_names, zipf_frequency
from ..lang import get_lexicon, load_locale
from ..lang.case import is_lowercase_speech
from ..lang.tables import load_tables
from ..lang.words import zipf_cutoffs
from ._name_likeness import name_likeness
from ._windows import bounded_batches, shift_and_dedupe, text_windows
from .base import Detector, detectors
from .names import MisheardGuard, PersonWords, elided_family_name, number_nouns, quoted_after_speech
from .places import PlaceWords, flight_word_at, names_an_airline
from .spacy_models import load_spacy_model, read_ner_weights, resolve_model_path

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["SpacyNerDetector"]

# Characters per spaCy call and shared between consecutive windows of a long transcript.
_WINDOW = 10_000
_OVERLAP = 500
#: characters per ``nlp.pipe`` batch at most (a few windows of a long text; hundreds of utterances)
_BATCH_CHARS = 64_000

#: words after an everyday noun that is also a given name that keep it a noun ("faith in her eyes",
#: "patience with him"); see ``SpacyNerDetector._abstract_noun`` (not the end of the turn: "thanks
#: mark" there is a name)
_NOUN_FOLLOWERS = frozenset({"in", "with"})

#: ``labels: names``: the stock label map only (PERSON, GPE/LOC/FAC, ORG), whatever the weights declare
NAMES_ONLY = "names"

DEFAULT_NER_LABELS: dict[str, str] = {
    "PERSON": "PERSON",
    "GPE": "LOCATION",
    "LOC": "LOCATION",
    "FAC": "LOCATION",
    "ORG": "ORGANIZATION",
}


def _droppable(dropped: Sequence[str]) -> frozenset[str]:
    """The calibration's dropped labels that may go: never one the stock recognizer reports (a
    weights file cannot switch off names, places or organisations without ``labels`` saying so)."""
    return frozenset(label for label in dropped if label not in DEFAULT_NER_LABELS)


# identifiers made of digits only: the adapted model's guess without a digit is a plain number
_NUMERIC_IDENTIFIERS = frozenset({"PHONE_NUMBER", "US_SSN", "CREDIT_CARD", "ZIP_CODE"})
# score of an entity when neither the config nor a calibration table gives one
_UNCALIBRATED_SCORE = 0.8


@dataclass(frozen=True)
class _GuardWords:
    """What the lowercase guard knows: ``ner_guard`` of ``redactkit/lang/<locale>/organizations.yaml``."""

    company_words: frozenset[str] = field(metadata={"key": "ner_guard.company_words"})
    person_cues: frozenset[str] = field(metadata={"key": "ner_guard.person_cues"})
    introducing_words: frozenset[str] = field(metadata={"key": "ner_guard.introducing_words"})
    place_cues: frozenset[str] = field(metadata={"key": "ner_guard.place_cues"})
    location_cues: frozenset[str] = field(metadata={"key": "ner_guard.location_cues"})
    determiners: frozenset[str] = field(metadata={"key": "ner_guard.determiners"})
    pronoun_determiners: frozenset[str] = field(metadata={"key": "ner_guard.pronoun_determiners"})
    pronoun_after: frozenset[tuple[str, ...]] = field(metadata={"key": "ner_guard.pronoun_after"})
    interjection_determiners: frozenset[str] = field(metadata={"key": "ner_guard.interjection_determiners"})
    interjection_after: frozenset[tuple[str, ...]] = field(metadata={"key": "ner_guard.interjection_after"})
    not_organizations: frozenset[str] = field(metadata={"key": "ner_guard.not_organizations"})
    business_questions: frozenset[str] = field(metadata={"key": "ner_guard.business_questions"})
    business_verbs: frozenset[str] = field(metadata={"key": "ner_guard.business_verbs"})
    media_verbs: frozenset[tuple[str, ...]] = field(metadata={"key": "ner_guard.media_verbs"})
    place_media: frozenset[str] = field(metadata={"key": "ner_guard.place_media"})
    object_pronouns: frozenset[str] = field(metadata={"key": "ner_guard.object_pronouns"})
    subject_verbs: frozenset[str] = field(metadata={"key": "ner_guard.subject_verbs"})
    noun_max_likeness: float = field(metadata={"key": "ner_guard.noun_max_likeness"})
    name_joiners: frozenset[str] = field(metadata={"key": "ner_guard.name_joiners"})
    plural_subject_determiners: frozenset[str] = field(
        metadata={"key": "ner_guard.plural_subject_determiners"}
    )
    plural_subject_verbs: frozenset[str] = field(metadata={"key": "ner_guard.plural_subject_verbs"})


def _is_plain_word(word: str, given: frozenset[str], family: frozenset[str]) -> bool:
    from ..gazetteers import common_words

    return word in common_words() and word not in given and word not in family


def _is_everyday(word: str, given: frozenset[str], family: frozenset[str]) -> bool:
    """An everyday word (or an inflection of one) that is no given or family name."""
    from ..gazetteers import is_everyday_word

    if word in given or word in family:
        return False
    if not any(char.isalpha() for char in word):
        return True  # digits and punctuation
    return word.isalpha() and is_everyday_word(word)


def _is_frequent_word(word: str, everyday: float) -> bool:
    """A dictionary word frequent enough that, alone, it is more often a word than a name."""
    from ..gazetteers import common_words, zipf_frequency

    return word in common_words() and zipf_frequency(word) >= everyday


def _is_frequent_plural(word: str, everyday: float) -> bool:
    """A plural of a dictionary word, as frequent as an everyday word ("miles", "pages")."""
    from ..gazetteers import common_words, zipf_frequency

    return (
        len(word) > 3
        and word.endswith("s")
        and word[:-1] in common_words()
        and zipf_frequency(word) >= everyday
    )


def _is_known_name(word: str, given: frozenset[str], family: frozenset[str], everyday: float) -> bool:
    """A gazetteer name that is not first of all a frequent word: "cook", "snow", "page" are family
    names somewhere, but on lowercase text the model's PERSON guess on them needs a cue."""
    from ..gazetteers import common_words, zipf_frequency

    if word in given:
        return True
    return word in family and not (word in common_words() and zipf_frequency(word) >= everyday)


def _spelled_ranges(aligned: AlignedText) -> list[tuple[int, int]]:
    """Where the normalized text holds letters a speaker spelled one by one (the letters normalizer's
    ``spelled`` notes), in the normalized text's offsets."""
    return [
        aligned.to_derived(note.start, note.end)
        for note in aligned.annotations_in(0, len(aligned.original), "spelled")
    ]


def _reports_own_labels(weights: str | None) -> bool:
    """Whether ``labels: null`` adds the weights' ``label_map``: for weights of the user's own (a
    directory written by ``redactkit train``), yes; the shipped ``builtin`` weights were trained for
    names, places and organisations (``--drop-labels identifiers``; the ``ADDRESS`` they also learnt
    is the ``addresses`` detector's), so null keeps them to the stock map, as ``names`` does."""
    return weights not in (None, "none", "builtin")


def _weights_label_map(weights: str | None) -> dict[str, str]:
    """The ``label_map`` a weights directory of the user's declares, without the labels its pipeline
    calibration dropped ({} without weights, for ``builtin`` or when they are missing: the
    detector's constructor reports that)."""
    if not _reports_own_labels(weights):
        return {}
    try:
        found = read_ner_weights(str(weights))
    except ModelNotFoundError:
        return {}
    dropped = _droppable(found.pipeline_dropped)
    return {
        label: mapped for label, mapped in found.meta.get("label_map", {}).items() if label not in dropped
    }


@detectors.register("ner")
class SpacyNerDetector(Detector):
    """Entities from spaCy's NER model (PERSON, LOCATION, ORGANIZATION), guarded on lowercase text."""

    emits = tuple(sorted(set(DEFAULT_NER_LABELS.values())))

    @classmethod
    def label_references(cls, params: Mapping[str, Any]) -> list[tuple[str, str]]:
        labels = params.get("labels")
        if labels == NAMES_ONLY:
            labels = DEFAULT_NER_LABELS
        elif labels is None:
            labels = {**DEFAULT_NER_LABELS, **_weights_label_map(params.get("ner_weights"))}
        return [(f"labels.{spacy_label}", label) for spacy_label, label in labels.items()]

    def __init__(
        self,
        model: str = "en_core_web_md",
        ner_weights: str | None = None,
        labels: Mapping[str, str] | Literal["names"] | None = None,
        score: Annotated[float, Field(ge=0.0, le=1.0)] | None = None,
        lowercase_guard: bool | Literal["strict", "plain_words", "off"] = "strict",
        ner_weights_on: Literal["lowercase", "all"] = "lowercase",
        batch_size: Annotated[int, Field(ge=1)] = 256,
        locale: str = "en-US",
    ) -> None:
        #: spaCy pipeline: an installed package name or a directory (loaded once per process)
        self.model = model
        #: entity recognizer weights put on ``model``: ``builtin`` (shipped, adapted to transcripts), a
        #: directory written by ``redactkit train``, or ``none`` for the pipeline's own recognizer
        self.ner_weights = ner_weights
        self._weights = None if ner_weights in (None, "none") else ner_weights
        #: spaCy entity label -> redactkit label; labels not listed are ignored. null: PERSON,
        #: GPE/LOC/FAC -> LOCATION, ORG -> ORGANIZATION, plus the map of weights of the user's own
        #: (meta.json ``label_map``; ``builtin`` adds none: it was trained for names, places and
        #: organisations); ``names``: that stock map alone, whatever the weights declare
        self.labels: dict[str, str] | str | None = dict(labels) if isinstance(labels, Mapping) else labels
        #: score of every entity; null: the label's held-out precision from the weights' calibration
        #: table (0.8 for the pipeline's own recognizer, which has none)
        self.score = score
        #: on transcripts without a capital letter: ``strict`` (or true) keeps PERSON only with a known
        #: name or a cue and ORGANIZATION only with a company word (the default); ``plain_words`` drops
        #: only entities made of everyday words, never-names, public acronyms and lone frequent words
        #: without a cue (more organisations found, more words redacted that are no PII); ``off`` (or
        #: false) keeps everything
        self.lowercase_guard: str = (
            ("strict" if lowercase_guard else "off") if isinstance(lowercase_guard, bool) else lowercase_guard
        )
        #: which transcripts ``ner_weights`` reads: ``lowercase`` (lowercase speech, what adapted weights
        #: were trained on; formatted text goes to the pipeline's own recognizer, which was trained on
        #: formatted text and is loaded anyway, so each text still runs through one recognizer) or
        #: ``all`` (e.g. weights fine-tuned on formatted transcripts)
        self.ner_weights_on = ner_weights_on
        #: texts per ``nlp.pipe`` batch
        self.batch_size = batch_size
        #: language resources of the lowercase guard (company words, person cues, Zipf cut-offs)
        self.locale = locale
        self._guard_words = load_tables(locale, "organizations", _GuardWords)
        cutoffs = zipf_cutoffs(locale)
        self._everyday_zipf = cutoffs.everyday_word_min
        self._weak_cue_zipf = cutoffs.weak_cue_name_max
        self._rare_run_zipf = cutoffs.rare_run_max
        lexicon = get_lexicon(locale)
        self._not_names = lexicon.not_names
        self._name_cues = frozenset(cue[0] for cue in lexicon.name_cues if len(cue) == 1)
        self._acronyms = frozenset(load_locale(locale).words("acronyms", "words"))
        self._misheard = MisheardGuard(locale)
        person_words = load_tables(locale, "names", PersonWords)
        self._preposition_cues = frozenset(cue[0] for cue in person_words.preposition_cues if len(cue) == 1)
        self._everyday_names = person_words.everyday_names
        self._copula_adjectives = person_words.copula_adjectives
        self._saint_words = person_words.saint_words
        self._person_words = person_words
        self._copula_greetings = person_words.copula_greetings
        self._copula_name_followers = person_words.copula_name_followers
        #: the copulas as spaCy splits them too ("i'm" -> "i" "'m", "it's" -> "it" "'s")
        self._copulas = person_words.copula_cues | {("i", "'m"), ("it", "'s")}
        self._strong_one_word_cues = frozenset(cue[0] for cue in person_words.strong_cues if len(cue) == 1)
        self._currencies = person_words.currencies
        self._speech_verbs = person_words.speech_verbs
        self._speech_adverbs = person_words.handoff_adverbs
        self._titles = person_words.titles
        place_words = load_tables(locale, "places", PlaceWords)
        self._flight_words = place_words.flight_words
        self._airline_cues = place_words.airline_cues
        self._country_aliases = place_words.country_aliases
        self._pastime_cues = place_words.pastime_cues
        self._place_words = place_words
        #: the last words of places named with "the" ("united states" -> "states"): "the states" is the place
        self._article_place_ends = frozenset(place.split()[-1] for place in place_words.with_article)
        self._stopwords = lexicon.stopwords
        self._fillers = lexicon.fillers
        self._number_nouns = number_nouns(locale)
        # "the easier one rob": "one" before a name is a pronoun, not a number
        self._pronoun_numbers = frozenset(word for word, value in lexicon.digits.items() if value == 1)
        resolve_model_path(model)
        self._scores: dict[str, float] = {}
        self._labels = dict(labels) if isinstance(labels, Mapping) else dict(DEFAULT_NER_LABELS)
        if self._weights is not None:
            weights = read_ner_weights(self._weights)  # fail at construction, naming the path
            self._scores = weights.calibration
            if labels is None and _reports_own_labels(self._weights):
                self._labels.update(weights.meta.get("label_map", {}))
                # labels whose entities, next to the rule detectors, touch more PII-free rows than
                # they find values (``python -m redactkit.train.calibrate``)
                for dropped in _droppable(weights.pipeline_dropped):
                    self._labels.pop(dropped, None)

    def _score(self, label: str, adapted: bool) -> float:
        if self.score is not None:
            return self.score
        return self._scores.get(label, _UNCALIBRATED_SCORE) if adapted else _UNCALIBRATED_SCORE

    def detect_batch(self, texts: Sequence[AlignedText]) -> list[list[Entity]]:
        results: list[list[Entity]] = [[] for _ in texts]
        # (text index, window start, window end): long transcripts run in overlapping windows, so
        # a text longer than spaCy's max_length is never rejected (see detect._windows)
        todo = [
            (index, start, end)
            for index, aligned in enumerate(texts)
            if aligned.text.strip()
            for start, end in text_windows(aligned.text, _WINDOW, _OVERLAP)
        ]
        if not todo:
            return results
        # adapted weights read lowercase speech (or every text: ``ner_weights_on``); the rest goes to
        # the pipeline's own recognizer, which the weights load with anyway
        adapted = {
            index: self._weights is not None
            and (self.ner_weights_on == "all" or is_lowercase_speech(texts[index].original))
            for index, _, _ in todo
        }
        docs: list[Doc | None] = [None] * len(todo)
        for use_weights in (False, True):
            positions = [k for k, (index, _, _) in enumerate(todo) if adapted[index] == use_weights]
            if not positions:
                continue
            nlp = load_spacy_model(
                self.model, ner_only=True, ner_weights=self._weights if use_weights else None
            )
            pieces = [texts[todo[k][0]].text[todo[k][1] : todo[k][2]] for k in positions]
            batches = bounded_batches(pieces, self.batch_size, _BATCH_CHARS)
            piped = (done for batch in batches for done in nlp.pipe(batch, batch_size=len(batch)))
            for k, done in zip(positions, piped, strict=True):
                docs[k] = done
        per_text: dict[int, list[tuple[int, list[Entity]]]] = {}
        for (index, start, _), doc in zip(todo, docs, strict=True):
            assert doc is not None  # every window was piped above
            lowercase = self.lowercase_guard != "off" and is_lowercase_speech(texts[index].original)
            spelled = (
                [(a - start, b - start) for a, b in _spelled_ranges(texts[index])]
                if lowercase and doc.ents  # (read by the guards of a guess only)
                else []
            )
            per_text.setdefault(index, []).append(
                (start, self._entities(doc, lowercase, adapted[index], spelled))
            )
        for index, windows in per_text.items():
            results[index] = windows[0][1] if len(windows) == 1 else shift_and_dedupe(windows)
        return results

    def _plain(
        self, doc: Doc, ent: Any, label: str, words: list[str], given: frozenset[str], family: frozenset[str]
    ) -> bool:
        """Whether the ``plain_words`` guard drops an entity of lowercase text (see ``_entities``)."""
        from ..gazetteers import place_names

        if label not in ("PERSON", "ORGANIZATION", "LOCATION"):
            return False  # identifiers in context ("my social is 1234") are the model's to find
        bare = [word.removesuffix("'s") for word in words]
        if label != "LOCATION" and all(word in self._not_names for word in bare):
            return True
        if label == "ORGANIZATION" and self._guard_words.company_words.intersection(words):
            return False
        before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if len(bare) == 1 and bare[0] not in given and _is_frequent_word(bare[0], self._everyday_zipf):
            if label == "LOCATION":
                return bare[0] not in place_names() and before not in self._guard_words.place_cues
            return before not in self._name_cues
        if label == "LOCATION" and " ".join(bare) in place_names():
            return False
        if all(_is_everyday(word, given, family) for word in bare):
            return True
        # public acronyms ("bbc", "nasa") are no one's personal data
        return label != "LOCATION" and "".join(bare).replace(".", "") in self._acronyms

    def _unsupported(
        self, doc: Doc, ent: Any, label: str, words: list[str], lowercase: bool, adapted: bool
    ) -> bool:
        """What every guard drops: from adapted weights, a number-only identifier without a digit
        (the number normalizer left the words: "ninety six twenty six" is a count or a year there,
        not a dictated phone number) and, on formatted text, an ADDRESS without a digit (the adapted
        model learnt addresses from lowercase speech; on cased text the rule detectors find them);
        from any recognizer on lowercase speech, a lone frequent word after a determiner called a
        PERSON ("pay my bill": a given name, but "my" makes it a noun), unless that determiner stands
        alone there (:meth:`_stands_alone`: "thanks for that grace", "yeah no will") or a verb of speech
        follows (:meth:`_speaks`), and one that opens a request (:meth:`_imperative`)."""
        if label in _NUMERIC_IDENTIFIERS or (label == "ADDRESS" and not lowercase):
            return adapted and not any(char.isdigit() for char in ent.text)
        if label == "PERSON" and lowercase:
            if len(ent) != 1 or not _is_frequent_word(words[0].removesuffix("'s"), self._everyday_zipf):
                return False
            doc_words = [token.lower_ for token in doc]
            before = doc_words[ent.start - 1] if ent.start > 0 else ""
            if (
                before in self._guard_words.determiners
                and not self._stands_alone(doc_words, ent.start - 1)
                and not self._speaks(doc_words, ent.end)
            ):
                return True
            return self._imperative(doc, ent)
        return False

    def _imperative(self, doc: Doc, ent: Any) -> bool:
        """A lone frequent word called a PERSON that opens the turn and is followed by a determiner or an
        object pronoun (``ner_guard.object_pronouns``): a verb said as a request ("mark the calendar",
        "bill it to my card"), not a name said to someone."""
        if ent.start != 0 or ent.end >= len(doc):
            return False
        guard = self._guard_words
        after = doc[ent.end].lower_
        following = doc[ent.end + 1].lower_ if ent.end + 1 < len(doc) else ""
        # "mark that was a great point", "mark it's your turn next": a name said to someone
        if (
            after in guard.pronoun_determiners
            or following.startswith("'")
            or following in guard.subject_verbs
        ):
            return False
        return after in guard.determiners or after in guard.object_pronouns

    def _speaks(self, doc_words: Sequence[str], k: int) -> bool:
        """Whether a verb of speech (names.yaml ``person_cues.speech_verbs``), perhaps after an adverb
        (``handoff_adverbs``), comes at ``k``: the word before it is who spoke ("the numbers that dan
        just talked about": "that" is no determiner of "dan" there)."""
        if k < len(doc_words) and doc_words[k] in self._speech_adverbs:
            k += 1
        return k < len(doc_words) and doc_words[k] in self._speech_verbs

    def _stands_alone(self, doc_words: Sequence[str], k: int) -> bool:
        """Whether the determiner at ``k`` is used on its own, so the word after it is no noun of its:
        a pronoun after a thanks ("thanks for that grace": ``ner_guard.pronoun_determiners`` after
        ``pronoun_after``) or an interjection after a reply word ("yeah no will i agree":
        ``interjection_determiners`` after ``interjection_after``). The name after it is said to
        someone; "pay for that bill" and "there is no bill" keep their determiner."""
        word = doc_words[k]
        guard = self._guard_words
        if word in guard.pronoun_determiners:
            phrases = guard.pronoun_after
        elif word in guard.interjection_determiners:
            phrases = guard.interjection_after
        else:
            return False
        before = tuple(doc_words[max(0, k - 4) : k])
        return any(len(phrase) <= len(before) and before[-len(phrase) :] == phrase for phrase in phrases)

    def _garbled(
        self, doc_words: list[str], ent: Any, words: list[str], given: frozenset[str], family: frozenset[str]
    ) -> bool:
        """A name, place or organisation guess made of what a recognizer wrote for words it misheard
        ("departre", "horn coutdown", "ch ange"): every word is misheard or an everyday word, and at
        least one is misheard (:class:`~redactkit.detect.names.MisheardGuard`). Recognizer guesses
        on garbled lowercase text are noise; a name a list knows is never misheard here. Besides everyday
        words, a word English text uses (Zipf ``rare_run_max`` or more) that no name list has counts
        with the misheard ones ("seco nds countdown")."""
        from ..gazetteers import common_words

        misheard = [self._misheard.misheard(doc_words, k) for k in range(ent.start, ent.end)]
        return any(misheard) and all(
            flag
            or word.removesuffix("'s") in common_words()
            or _is_everyday(word.removesuffix("'s"), given, family)
            # a word English uses that no name list has ("seco nds countdown")
            or (
                word not in given
                and word not in family
                and word.isalpha()
                and zipf_frequency(word) >= self._rare_run_zipf
            )
            for flag, word in zip(misheard, words, strict=True)
        )

    def _speaker(
        self, doc: Doc, ent: Any, words: list[str], given: frozenset[str], family: frozenset[str]
    ) -> bool:
        """A PERSON guess of words that are no everyday words, right before a verb of speech (names.yaml
        ``person_cues.speech_verbs``, perhaps after an adverb: "zorvek qa also asked", "quellan noted")
        and not after a determiner: the one who spoke, though no name list has the words."""
        if ent.start > 0 and doc[ent.start - 1].lower_ in self._guard_words.determiners:
            return False
        k = ent.end
        if k < len(doc) and doc[k].lower_ in self._speech_adverbs:
            k += 1
        return (
            k < len(doc)
            and doc[k].lower_ in self._speech_verbs
            and not any(_is_everyday(word.removesuffix("'s"), given, family) for word in words)
        )

    def _said_as_a_word(
        self, doc: Doc, ent: Any, words: list[str], given: frozenset[str], family: frozenset[str]
    ) -> bool:
        """A PERSON guess made of dictionary words whose name words are everyday words ("bill",
        "hope": a given or family name, but Zipf 4.5 or more as a word), each of which the same text
        says again where the model saw no person ("they sent bill a fax and paid the bill"):
        the model reads the word as a word there, and its one guess is the noise of a garbled
        context. A name said twice is either found twice or found by the name rules."""
        from ..gazetteers import common_words

        bare = [word.removesuffix("'s") for word in words]
        names = [word for word in bare if word in given or word in family]
        if not names or not all(_is_frequent_word(word, self._everyday_zipf) for word in names):
            return False
        if not all(word in common_words() for word in bare):
            return False  # a word no dictionary has is a name's evidence ("will conoco")
        inside = {
            k
            for other in doc.ents
            if self._labels.get(other.label_) == "PERSON"
            for k in range(other.start, other.end)
        }
        elsewhere = {token.lower_ for token in doc if token.i not in inside}
        return all(word in elsewhere for word in names)

    def _unplaced(
        self, doc: Doc, ent: Any, words: list[str], given: frozenset[str], family: frozenset[str]
    ) -> bool:
        """A lone dictionary word rarer than an everyday one that no place list has, taken for a
        LOCATION on lowercase speech with neither a preposition of place nor a determiner before it
        ("rinse the bowl and basin"): the model's guess on the rare word a recognizer wrote for one
        it misheard. Places no gazetteer knows are no dictionary words ("grassmarket"); regions the
        model knows are frequent words ("the west") or follow a preposition ("on mercy"); a name
        taken for a place is redacted all the same ("go to town sherry")."""
        from ..gazetteers import common_words, place_names, zipf_frequency

        if len(words) != 1:
            return False
        word = words[0].removesuffix("'s")
        before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        return (
            word in common_words()
            and zipf_frequency(word) < self._everyday_zipf
            and word not in place_names()
            and word not in given
            and word not in family
            and before not in self._guard_words.location_cues
            and before not in self._guard_words.determiners
        )

    def _plural_subject(self, doc_words: list[str], ent: Any, words: list[str]) -> bool:
        """A LOCATION guess of one plural everyday word that no place list has, after one of
        ``ner_guard.plural_subject_determiners`` with no preposition of place before it (``location_cues``)
        and before one of ``plural_subject_verbs``: the subject of what is said of a kind ("the states are
        bigger than i thought", "which states border ohio", "the valleys were flooded"); "we moved to the
        states", "the rockies are gorgeous" (a listed landmark) and "the carolinas are lovely" stay."""
        guard = self._guard_words
        if len(words) != 1 or ent.start == 0 or ent.end >= len(doc_words):
            return False
        word = words[0]
        if not word.endswith("s") or doc_words[ent.end] not in guard.plural_subject_verbs:
            return False
        if doc_words[ent.start - 1] not in guard.plural_subject_determiners:
            return False
        if ent.start >= 2 and doc_words[ent.start - 2] in guard.location_cues:
            return False
        from ..gazetteers import is_everyday_word
        from .places import listed_place_length

        return is_everyday_word(word) and listed_place_length(words, 0, self.locale) == 0

    def _open_for_business(
        self, doc_words: list[str], ent: Any, words: list[str], given: frozenset[str], family: frozenset[str]
    ) -> bool:
        """An ORGANIZATION guess asked about as a place of business: an auxiliary before it (perhaps
        and a determiner) and what a business does after it (``ner_guard.business_questions`` and
        ``business_verbs``: "does tolleo's kitchen deliver", "is the marrowgate grill open", "when does
        vantrell close"), and not only everyday words ("does the store deliver"). The strict guard
        keeps it without a company word: a shop or restaurant is known by its name alone."""
        k = ent.start - 1
        if k >= 0 and doc_words[k] in self._guard_words.determiners:
            k -= 1
        return (
            k >= 0
            and doc_words[k] in self._guard_words.business_questions
            and ent.end < len(doc_words)
            and doc_words[ent.end] in self._guard_words.business_verbs
            and not all(_is_everyday(word.removesuffix("'s"), given, family) for word in words)
        )

    def _no_organization(self, ent: Any, words: list[str]) -> bool:
        """An ORGANIZATION guess that names a kind of identifier or document ("my SSN", "this IBAN";
        ``ner_guard.not_organizations``): a field, never who issued it. On every text."""
        return all(word.replace(".", "") in self._guard_words.not_organizations for word in words)

    def _no_place(self, doc_words: list[str], ent: Any, words: list[str], lowercase: bool) -> bool:
        """A LOCATION guess that is no place: the airline of a flight number ("on flight <city> 412",
        on every text; see :func:`~redactkit.detect.places.names_an_airline`) and, on lowercase speech,
        a currency ("how much is that in aud") or the word before one that names no country ("the aus
        dollar"; "us dollars" and "canada dollars" stay)."""
        from ..gazetteers import place_names

        if names_an_airline(
            doc_words,
            ent.start,
            ent.end,
            self._flight_words,
            self._stopwords,
            airline_cues=self._airline_cues,
            sounds_like_number=self._misheard.sounds_like_number,
        ):
            return True
        if lowercase and (self._airline(doc_words, ent) or self._numbered(doc_words, ent)):
            return True
        if lowercase and self._code(words):
            return True
        if not lowercase:
            return False
        bare = " ".join(word.removesuffix("'s") for word in words)
        if bare in self._currencies:
            return True
        after = doc_words[ent.end] if ent.end < len(doc_words) else ""
        return (
            after in self._currencies
            and bare not in place_names()
            and bare not in self._country_aliases
            and bare.replace(".", "").replace(" ", "") not in self._acronyms
        )

    def _beside_number(self, doc_words: list[str], ent: Any) -> bool:
        """A lone PERSON guess on lowercase speech right next to a number (digits just before it,
        digits or a number word just after it), without a person cue before it other than a
        preposition (``prepositions`` of names.yaml): "from page thirty", "the neal 1150", "40
        want 70 tommy". Among numbers the recognizer's guesses are mostly misheard words (a misheard
        digit leaves the number's neighbours garbled); a name said with a number has a cue ("call
        tommy at ...", "ask neal for 4412"), starts the turn ("raja 8 9 6 5") or is the name
        detector's to find."""
        if len(ent) != 1 or ent.start == 0:
            return False  # a turn that starts with a name answers "your name?" ("raja 8 9 6 5")
        before = doc_words[ent.start - 1] if ent.start > 0 else ""
        if before in self._guard_words.person_cues and before not in self._preposition_cues:
            return False
        # digits on either side; a number word only after it ("the easier one rob": "one" before a
        # name is a pronoun); never further away ("reese is fifty", "gave maria his 16": an age, an
        # address)
        if any(char.isdigit() for char in before) or self._misheard.number_at(doc_words, ent.end):
            return True
        changed = self._misheard.misheard_number
        # a name that is also an everyday word ("page") with a number one word further: a misheard
        # number's word in between ("from page handed twenty"); the plural of an everyday word
        # ("miles") after a number or one word further is its unit ("fifty nine handled miles")
        word = doc_words[ent.start].removesuffix("'s")
        if _is_frequent_plural(word, self._everyday_zipf):
            # (or a number as a recognizer changed it up to three words before: "three thousand five
            # hundred tweet the miles", "five thousind severity fore miles")
            two_before = doc_words[ent.start - 2] if ent.start > 1 else ""
            return (
                (self._misheard.sounds_like_number(before) and before not in self._pronoun_numbers)
                or self._misheard.is_number(two_before)
                or any(
                    self._misheard.is_number(w) or changed(w)
                    for w in doc_words[max(0, ent.start - 3) : ent.start]
                )
            )
        # (a number word a recognizer changed counts there too: "from page handed tenth five")
        return _is_frequent_word(word, self._everyday_zipf) and (
            self._misheard.number_at(doc_words, ent.end + 1)
            or (ent.end + 1 < len(doc_words) and changed(doc_words[ent.end + 1]))
        )

    def _too_frequent(self, doc_words: list[str], ent: Any, words: list[str], given: frozenset[str]) -> bool:
        """A lone given name as frequent as "will" or "may" (the name detector's ``weak_cue_name_max``)
        without a person cue before it: a verb or a word ("will the nikon fit"), as the name rules
        read it; and a lone name that is an everyday word the dictionary lacks (names.yaml
        ``everyday_names``: "max") without a strong one-word cue before it."""
        if len(words) != 1:
            return False
        word = words[0].removesuffix("'s")
        before = doc_words[ent.start - 1] if ent.start > 0 else ""
        if word in self._everyday_names:
            # an everyday word the dictionary lacks ("set it to max volume", "max out the card"): a name only
            # after a strong one-word cue ("text max"); the names detector reads the other contexts
            return before not in self._strong_one_word_cues
        return (
            word in given
            and zipf_frequency(word) >= self._weak_cue_zipf
            and before not in self._guard_words.person_cues
        )

    def _abstract_noun(
        self, doc_words: list[str], ent: Any, words: list[str], given: frozenset[str], everyday: float
    ) -> bool:
        """A lone given name that is an everyday noun ("faith", "grace", "joy"), inside the turn, without
        a person cue before it, before "in" or "with": "i saw faith in her eyes", "have more faith in
        yourself" (the adapted recognizer's guesses; the stock one makes none there). A name of that
        kind that opens the turn, follows a cue ("text faith", "thanks grace") or ends the turn
        ("over to you mark", Earnings-21's vocatives) stays."""
        if len(words) != 1 or ent.start == 0 or len(ent) != 1:
            return False
        word = words[0]
        if word not in given or zipf_frequency(word) < everyday:
            return False
        before = doc_words[ent.start - 1]
        if before in self._guard_words.person_cues or before in self._guard_words.introducing_words:
            return False
        after = doc_words[ent.end] if ent.end < len(doc_words) else ""
        return after in _NOUN_FOLLOWERS

    def _reads_as_word(self, word: str) -> bool:
        """Whether a dictionary word reads as a thing rather than a name by the pipeline's word vectors:
        its name likeness (:mod:`~redactkit.detect._name_likeness`) is below ``ner_guard.noun_max_likeness``
        ("destiny", "patience", "overtime"; not "mark", "ruby", "denver"). A word without a vector is
        unknown: no."""
        if not is_everyday_word(word):
            return False
        likeness = name_likeness(self.model)(word)
        return likeness is not None and likeness < self._guard_words.noun_max_likeness

    def _everyday_noun(
        self, doc_words: list[str], ent: Any, words: list[str], given: frozenset[str], family: frozenset[str]
    ) -> bool:
        """A PERSON guess of the adapted weights made of dictionary words whose name words read as things
        (:meth:`_reads_as_word`: "it was destiny", "i have faith", "pure joy", "we need more patience"),
        with nothing that says a person: no possessive ("destiny's idea"), no person cue, introducing word,
        title, greeting or clause opener right before it ("tell hope", "this is destiny", "my name is
        harmony", "so grace"), no thanks ending right before it ("thank you grace"), not opening the turn
        with the name ("joy called about the rent") nor ending a turn of one other word ("okay joy"), not
        joined to another given name ("grace and faith"), and neither a clause turned to someone (names.yaml
        ``opening_addressed``: "grace we've been") nor a verb (``ner_guard.subject_verbs``, a verb of
        speech, an everyday past tense: "grace has", "as hope mentioned") after it. A name that is such a
        word is said with one of those; the same word inside a sentence without them is the word. Fillers
        are skipped on both sides. The context is read first: the vectors only when nothing says a person."""
        if not words or any(word.endswith("'s") for word in words):
            return False
        names = [word for word in words if word in given or word in family]
        if not names:
            return False
        start, end = ent.start, ent.start + len(words)
        if start == 0 and words[0] in names:
            return False
        fillers = self._fillers
        k = start - 1
        while k >= 0 and doc_words[k] in fillers:
            k -= 1
        before = doc_words[k] if k >= 0 else ""
        j = end
        while j < len(doc_words) and doc_words[j] in fillers:
            j += 1
        after = doc_words[j] if j < len(doc_words) else ""
        if k == 0 and not after and words[0] in names:
            return False  # a turn of one word and the name: said to someone ("okay joy")
        guard = self._guard_words
        w = self._person_words
        if (
            after == "'s"
            # a clause opened before the name ("now grace, about the budget", "so joy")
            or (
                before in w.handoff_clause_openers
                and before not in guard.name_joiners
                and before not in guard.determiners
            )
            or before in guard.person_cues
            or before in guard.introducing_words
            or before in self._name_cues
            or before in self._titles
            or before in self._strong_one_word_cues
            or before in self._copula_greetings
            # said to someone ("grace we've been", "joy i think") or the subject of a verb ("hope has
            # said", "as grace mentioned", "grace said")
            or after in w.opening_addressed
            or after in guard.subject_verbs
            or self._speaks(doc_words, end)
            or self._past_tense(after, given, family)
        ):
            return False
        if (before in guard.name_joiners and start > 1 and doc_words[start - 2] in given) or (
            after in guard.name_joiners and end + 1 < len(doc_words) and doc_words[end + 1] in given
        ):
            return False
        if any(
            len(phrase) <= start and tuple(doc_words[start - len(phrase) : start]) == phrase
            for phrase in w.closing
        ):
            return False
        return all(is_everyday_word(word) for word in words) and all(
            self._reads_as_word(word) for word in names
        )

    @staticmethod
    def _past_tense(word: str, given: frozenset[str], family: frozenset[str]) -> bool:
        """An everyday past tense no name list has ("mentioned", "noted"): after a name, its verb."""
        return len(word) > 4 and word.endswith("ed") and _is_everyday(word, given, family)

    def _everyday_place(self, words: list[str], before: str) -> bool:
        """A one-word LOCATION guess of the adapted weights that no list of cities, countries or states
        has and that reads as a thing (:meth:`_reads_as_word`: "we live in harmony", "we won in
        overtime", "he spent a month in rehab"): a town may have the name, but the word is the word. After
        "the", the last word of a place named with it (places.yaml ``with_article``) is that place ("we
        moved to the states")."""
        if len(words) != 1:
            return False
        word = words[0].removesuffix("'s")
        # (a short form said as a word is the place's: "in the us", "la"; acronyms.txt, state codes)
        if len(word) < 3 or word in self._acronyms or word in self._country_aliases:
            return False
        if word in self._article_place_ends and before == "the":
            return False  # "we moved to the states", "back in the islands": a country's short name
        return word not in place_names() and self._reads_as_word(word)

    def _pastime(self, doc_words: list[str], ent: Any, words: list[str]) -> bool:
        """A one-word LOCATION guess on an everyday word that no list of cities, countries, states or
        landmarks has, right after a preposition that says what someone likes, does or wants
        (``pastime_cues`` of places.yaml: "i'm really into cricket", "sign me up for golf"): the word,
        no place. One of ``place_heads`` right before the preposition says a place follows
        ("we drove into <town>", "the weather for <town>", "leaving for <town>"). GeoNames lists towns
        named "cricket" and "golf": like the `places` detector, which counts a one-word town that is
        also a word only after a place cue, the guard reads the word as the word."""
        from .places import gazetteer_place_length, has_place_head

        if len(words) != 1 or ent.start == 0:
            return False
        if doc_words[ent.start - 1] not in self._pastime_cues:
            return False
        if has_place_head(doc_words, ent.start - 1, self._place_words):
            return False
        word = words[0]
        return is_everyday_word(word) and not gazetteer_place_length([word], 0, self.locale)

    def _saint_place(self, words: list[str]) -> bool:
        """A PERSON guess that is a saint's title and a name that a place list has together ("saint
        moritz", "saint augustine"; names.yaml ``saint_words``): the place, no person."""
        if len(words) < 2 or words[0] not in self._saint_words:
            return False
        from .places import listed_place_length

        return listed_place_length(words, 0, self.locale) == len(words)

    def _verb_after_name(self, word: str, first: str, given: frozenset[str], family: frozenset[str]) -> bool:
        """``word`` ends a PERSON guess that opens with a given name and is a verb, not the name's part: a
        verb of speech (names.yaml ``speech_verbs``: "mark said", "rich said"; "said" is also a family
        name) or an everyday past tense no name list has ("kai moved")."""
        if first not in given:
            return False
        if word in self._speech_verbs:
            return True
        return (
            len(word) > 4
            and word.endswith("ed")
            and word not in given
            and word not in family
            and _is_everyday(word, given, family)
        )

    def _at_department(self, doc_words: list[str], end: int) -> bool:
        """One of names.yaml ``department_links`` and a department (``departments``) right at ``end``."""
        w = self._person_words
        for link in w.department_links:
            stop = end + len(link)
            if tuple(doc_words[end:stop]) == link and any(
                tuple(doc_words[stop : stop + len(department)]) == department for department in w.departments
            ):
                return True
        return False

    def _prayed_to(self, doc_words: list[str], start: int) -> bool:
        """A saint's title at ``start`` after a word of devotion and a link ("i prayed to saint anthony",
        "a candle for saint jude", "the feast of saint lucy"; names.yaml ``saint_devotion_words``): the
        saint, no place named after them."""
        w = self._person_words
        if start == 0 or doc_words[start - 1] not in w.saint_devotion_links:
            return False
        return not w.saint_devotion_words.isdisjoint(
            doc_words[max(start - 1 - w.saint_devotion_window, 0) : start - 1]
        )

    def _copula_caller(self, doc_words: list[str], ent: Any, words: list[str]) -> bool:
        """A LOCATION guess of one name English uses first as an adjective, right after a copula, in a
        caller's frame (``_copula_adjective`` says no adjective: "hello it's crystal here", "hey there
        this is crystal"): the caller's name, no place."""
        if len(words) != 1 or words[0] not in self._copula_adjectives or ent.start == 0:
            return False
        before = doc_words[max(ent.start - 2, 0) : ent.start]
        if not any(tuple(before[len(before) - len(c) :]) == c for c in self._copulas):
            return False
        # (a place list may have the word, "crystal", "sandy": after a greeting and a copula it is the caller)
        return not self._copula_adjective(doc_words, ent, words)

    def _copula_adjective(self, doc_words: list[str], ent: Any, words: list[str]) -> bool:
        """A PERSON or LOCATION guess that opens with a name English uses first as an adjective, right
        after a copula (names.yaml ``copula_adjectives``: "i'm frank with you", "it's sunny here", "this
        is crystal clear"), outside a caller's frame: no greeting before the copula ("hello this is
        crystal"), no word of ``copula_name_followers`` after the guess ("this is dawn calling"), and no
        place a list knows."""
        if words[0] not in self._copula_adjectives or ent.start == 0:
            return False
        start = ent.start
        before = doc_words[max(start - 2, 0) : start]
        copula = next((c for c in self._copulas if tuple(before[len(before) - len(c) :]) == c), None)
        if copula is None:
            return False
        if start > len(copula) and doc_words[start - len(copula) - 1] in self._copula_greetings:
            return False
        after = doc_words[ent.end : ent.end + 2]
        if after[-1:] and after[0] == "," and len(after) == 2:
            after = after[1:]  # "this is frank, returning your call"
        if after and after[0] in self._copula_name_followers:
            return False
        if after[:1] == ["here"] and words[0] in self._person_words.copula_weather_words:
            return True  # "it's sandy here" without a greeting: the weather, though a town has the name
        if (
            after[:1] == ["here"]
            and words[0] not in self._person_words.copula_weather_words
            and all(word in self._copula_greetings for word in doc_words[: start - len(copula)])
        ):
            return False  # "it's frank here" opening the turn: a caller ("it's sunny here": the weather)
        return " ".join(words) not in place_names()

    def _never_a_name(self, words: list[str]) -> bool:
        """A PERSON guess made only of words the locale declares never a name (``not_names``: assistant
        names, relations) or currencies ("the yen")."""
        bare = [word.removesuffix("'s") for word in words]
        return all(word in self._not_names or word in self._currencies for word in bare)

    def _played(self, doc_words: list[str], ent: Any) -> bool:
        """A LOCATION guess right after a verb of playing media (``ner_guard.media_verbs``: "listen to
        smooth jazz", "put on jazz"): what is played is a genre, a station or a title, no place. A
        guess right before a word for a place's own media (``ner_guard.place_media``: "listen to houston
        radio", "play the denver news") is the place they come from, unless it is only everyday words
        ("put on smooth jazz radio": a genre's station)."""
        if ent.end < len(doc_words) and doc_words[ent.end] in self._guard_words.place_media:
            from ..gazetteers import is_everyday_word

            if not all(is_everyday_word(word) for word in doc_words[ent.start : ent.end]):
                return False
        return any(
            ent.start >= len(phrase) and tuple(doc_words[ent.start - len(phrase) : ent.start]) == phrase
            for phrase in self._guard_words.media_verbs
        )

    def _heard_article(self, words: list[str], given: frozenset[str], family: frozenset[str]) -> bool:
        """A PERSON guess holding what a recognizer writes for "the" ("da", names.yaml
        ``misheard.heard_articles``: "with da pixel eight", "will da kindle fit") and no listed name
        that is no dictionary word: a thing after a misheard article ("da silva" stays)."""
        from ..gazetteers import common_words

        bare = [word.removesuffix("'s") for word in words]
        return any(word in self._misheard.heard_articles for word in bare) and not any(
            (word in given or word in family) and word not in common_words()
            for word in bare
            if word not in self._misheard.heard_articles
        )

    def _spelled_code(self, doc: Doc, ent: Any, spelled: list[tuple[int, int]]) -> bool:
        """A PERSON guess on letters spelled one by one right before a noun a brand's letters name
        (``misheard.spelled_code_nouns``: "my b a a count is fine"): an acronym with a letter misheard."""
        return (
            ent.end < len(doc)
            and self._misheard.code_noun(doc[ent.end].lower_)
            and any(start < ent.end_char and ent.start_char < end for start, end in spelled)
        )

    def _code(self, words: list[str]) -> bool:
        """A place guess made of letters and numbers only ("a r one six two", "b 12"): a model number or
        a code read out, no place (a place name holds a word)."""
        return any(self._misheard.is_number(word) or word.isdigit() for word in words) and all(
            (len(word) == 1 and word.isalpha()) or word.isdigit() or self._misheard.is_number(word)
            for word in words
        )

    def _numbered(self, doc_words: list[str], ent: Any) -> bool:
        """A place guess holding a noun that names a number (a gate, a room, a row: the name
        detector's number nouns) with a number, a digit's sound or a letter right after it or one
        word further: "add gate e sixteen", "room true one two five" are where a number points,
        no place."""
        for k in range(ent.start, ent.end):
            if doc_words[k] not in self._number_nouns:
                continue
            for j in (k + 1, k + 2):
                if j < len(doc_words) and (
                    self._misheard.sounds_like_number(doc_words[j])
                    or (len(doc_words[j]) == 1 and doc_words[j].isalpha() and doc_words[j] not in ("a", "i"))
                ):
                    return True
        return False

    def _numbered_person(
        self, words: list[str], given: frozenset[str], family: frozenset[str], everyday: float
    ) -> bool:
        """A PERSON guess holding a number word and no listed name ("da seven forty seven"): a model
        number or a quantity a recognizer garbled; names hold no number words."""
        return any(self._misheard.is_number(word) for word in words) and not any(
            _is_known_name(word.removesuffix("'s"), given, family, everyday) for word in words
        )

    def _airline(self, doc_words: list[str], ent: Any) -> bool:
        """A place guess right after a flight word (or one word after it: "flight air <country>") with
        a number or a digit's sound within two words after it: the airline of a flight number a
        recognizer misheard ("flight delta do eight eight", "flight air canada mine eighty"); the flight
        word itself may be misheard after "on" (:func:`~redactkit.detect.places.flight_word_at`: "on
        freight delta sick one nine")."""
        start = ent.start
        flight = self._flight_words
        if start == 0 or not (
            flight_word_at(doc_words, start - 1, flight, self._airline_cues)
            or (
                start >= 2
                and flight_word_at(doc_words, start - 2, flight, self._airline_cues)
                and doc_words[start - 1] not in self._stopwords
            )
        ):
            return False
        return any(self._misheard.number_at(doc_words, k) for k in (ent.end, ent.end + 1))

    def _entities(
        self, doc: Doc, lowercase: bool, adapted: bool, spelled: Sequence[tuple[int, int]] = ()
    ) -> list[Entity]:
        given, family = given_names(), family_names()
        guard = self.lowercase_guard
        company_words, person_cues = self._guard_words.company_words, self._guard_words.person_cues
        everyday = self._everyday_zipf
        found: list[Entity] = []
        ents = doc.ents
        if not ents:
            return found  # (most texts: no words to read for the guards)
        doc_words = [token.lower_ for token in doc]  # once per text: the guards look around each guess
        for ent in ents:
            label = self._labels.get(ent.label_)
            if label is None:
                continue
            words = [token.lower_ for token in ent]
            if (
                lowercase
                and label == "PERSON"
                and guard != "off"
                and (_names_a_place(words, given) or self._saint_place(words))
                and not (ent.start > 0 and doc_words[ent.start - 1] in self._titles)  # "mister van buren"
                and not (words[0] in self._saint_words and self._prayed_to(doc_words, ent.start))
            ):
                label = "LOCATION"  # "são paulo", "new delhi": a place the gazetteer knows, no one's name
            if guard != "off" and (
                (label == "ORGANIZATION" and self._no_organization(ent, words))
                or (label == "LOCATION" and self._no_place(doc_words, ent, words, lowercase))
            ):
                continue
            if (
                lowercase
                and guard == "strict"
                and (
                    (label == "PERSON" and self._never_a_name(words))
                    or (label == "LOCATION" and self._played(doc_words, ent))
                    or (label in ("PERSON", "LOCATION") and self._copula_adjective(doc_words, ent, words))
                )
            ):
                continue
            if (
                lowercase
                and guard != "off"
                and label in ("PERSON", "LOCATION", "ORGANIZATION")
                and (
                    self._garbled(doc_words, ent, words, given, family)
                    or (
                        label == "PERSON"
                        and (
                            self._beside_number(doc_words, ent)
                            or self._heard_article(words, given, family)
                            or self._spelled_code(doc, ent, list(spelled))
                        )
                    )
                )
            ):
                continue
            # the adapted model knows lowercase names; what it still gets wrong are plain words
            # ("jokes", "alarm clock", "tech news"), words the locale declares never a name
            # (assistant names, relations) and, alone and without a cue, frequent words that are
            # also names ("cook", "worth"): the plain_words guard drops those
            if lowercase and guard == "plain_words" and self._plain(doc, ent, label, words, given, family):
                continue
            if guard != "off" and self._unsupported(doc, ent, label, words, lowercase, adapted):
                continue
            if lowercase and label == "PERSON" and guard == "strict":
                before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
                known = any(_is_known_name(w.removesuffix("'s"), given, family, everyday) for w in words)
                # a cue does not make a word no name list has and as frequent as "name" or "people" a
                # name ("all done with work"; the name detector's ``weak_cue_name_max``)
                if not known and (
                    (before not in person_cues and not self._speaker(doc, ent, words, given, family))
                    or all(
                        word not in given
                        and word not in family
                        and _is_frequent_word(word, self._weak_cue_zipf)
                        for word in words
                    )
                ):
                    continue
                if before not in person_cues and self._said_as_a_word(doc, ent, words, given, family):
                    continue
            if (
                lowercase
                and label == "LOCATION"
                and guard == "strict"
                and self._copula_caller(doc_words, ent, words)
            ):
                label = "PERSON"  # "hello it's crystal here": a caller naming themselves
            if (
                lowercase
                and label == "LOCATION"
                and len(words) == 1
                and words[0] not in place_names()
                and self._at_department(doc_words, ent.end)
            ):
                label = "PERSON"  # "i forwarded it to jen at accounting": a colleague at a desk
            if (
                lowercase
                and label == "LOCATION"
                and guard == "strict"
                and (
                    self._unplaced(doc, ent, words, given, family)
                    or (
                        adapted and self._everyday_place(words, doc_words[ent.start - 1] if ent.start else "")
                    )
                    or self._pastime(doc_words, ent, words)
                )
            ):
                continue
            if lowercase and label == "LOCATION" and self._plural_subject(doc_words, ent, words):
                continue  # "the states are bigger than i thought": things said of a kind, no place
            end = ent.end_char
            last = ent.end - 1
            if lowercase and label == "PERSON":
                # "sally fields ever won": drop trailing common words the model swept in
                tokens = list(ent)
                # "mark said it's fine", "ever since kai moved out": a verb the model swept in after a
                # given name ends the name, down to one word
                while len(tokens) > 1 and self._verb_after_name(
                    tokens[-1].lower_, tokens[0].lower_, given, family
                ):
                    tokens.pop()
                verb = ent.start + len(tokens)
                if (
                    verb < len(doc_words)
                    and doc_words[verb] in self._speech_verbs
                    and quoted_after_speech(doc_words, verb, self._person_words)
                ):
                    continue  # "grace said was the word on the card": a word quoted, no speaker
                # (down to one word at the start of an utterance: "olly order pizza")
                keep = 1 if ent.start == 0 else 2
                while len(tokens) > keep and _is_plain_word(tokens[-1].lower_, given, family):
                    tokens.pop()
                end = tokens[-1].idx + len(tokens[-1].text)
                last = tokens[-1].i
                kept = [t.lower_ for t in tokens]
                if guard != "off" and (
                    self._too_frequent(doc_words, ent, kept, given)
                    or self._numbered_person(kept, given, family, everyday)
                    or (adapted and self._abstract_noun(doc_words, ent, kept, given, everyday))
                    or (adapted and self._everyday_noun(doc_words, ent, kept, given, family))
                ):
                    continue
            if (
                lowercase
                and guard == "strict"
                and label == "ORGANIZATION"
                and not company_words.intersection(words)
                and not self._open_for_business(doc_words, ent, words, given, family)
            ):
                continue
            if label == "PERSON" and last + 1 < len(doc) and elided_family_name(doc_words[last + 1]):
                # "call pat o'malley": a family name by its elided prefix, which the model left out
                end = doc[last + 1].idx + len(doc[last + 1].text)
            found.append(
                Entity(
                    ent.start_char,
                    end,
                    label,
                    self._score(ent.label_, adapted),
                    self.name,
                    f"spaCy NER {ent.label_}",
                )
            )
        return found


def _names_a_place(words: Sequence[str], given: frozenset[str]) -> bool:
    """A guess of two or more words that, accents folded, is a place of the gazetteer and does not open
    with a given name that is no everyday word ("são paulo", "new delhi", "san jose"; not "santa
    clara", "amelia rodrigues": places, but people's names first): the place, not a person."""
    if len(words) < 2:
        return False
    folded = [fold(word) for word in words]
    return " ".join(folded) in place_names() and (folded[0] not in given or is_everyday_word(folded[0]))
