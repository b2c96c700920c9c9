"""Spelled-out letter sequences fail closed (issue 20).

A case table of spelled values (names, e-mail addresses, postcodes, plates, IDs), each written in the
four ways ASR writes spellings, must be fully redacted by the default pipeline; acronyms callers spell
("is the b b c on") must be left alone. Values are made up.
"""

from __future__ import annotations

import pytest

from redactkit import Pipeline
from redactkit.bench.metrics import counted_positions
from redactkit.detect import SpelledDetector
from redactkit.lang import load_locale
from redactkit.normalize import SpelledLetterNormalizer

_DIGIT_WORDS = "zero one two three four five six seven eight nine".split()
# one letter name per letter, as ASR writes them
_NAMES = {
    "a": "ay", "b": "bee", "c": "see", "d": "dee", "e": "ee", "f": "ef", "g": "gee", "h": "aitch",
    "i": "eye", "j": "jay", "k": "kay", "l": "el", "m": "em", "n": "en", "o": "oh", "p": "pee",
    "q": "queue", "r": "ar", "s": "es", "t": "tee", "u": "you", "v": "vee", "w": "double u", "x": "ex",
    "y": "wye", "z": "zed",
}  # fmt: skip


def _spaced(value: str) -> str:
    return " ".join(_DIGIT_WORDS[int(c)] if c.isdigit() else c for c in value)


def _dotted(value: str) -> str:
    return " ".join(f"{_DIGIT_WORDS[int(c)] if c.isdigit() else c}." for c in value)


def _hyphenated(value: str) -> str:
    return "-".join(c.upper() for c in value)


def _named(value: str) -> str:
    return " ".join(_DIGIT_WORDS[int(c)] if c.isdigit() else _NAMES[c] for c in value)


FORMS = {"spaced": _spaced, "dotted": _dotted, "hyphenated": _hyphenated, "letter names": _named}

# (kind, sentence with {} where the spelled value goes, value, suffix that belongs to the value)
VALUES = [
    ("name", "spell it {}", "johnsmith", ""),
    ("name", "my last name is {}", "kowalczyk", ""),
    ("name", "the surname is {} thanks", "nguyen", ""),
    ("name", "okay {} is how you write it", "dmitri", ""),
    ("name", "that's {}", "hadley", ""),
    ("name", "first name {} last name unchanged", "fenwick", ""),
    ("email", "my email is {}", "jdoe", " at gmail dot com"),
    ("email", "send it to {}", "mkrause", " at example dot org"),
    ("email", "the address is {}", "zed77", " at mail dot com"),
    ("postcode", "postcode {}", "sw1a1aa", ""),
    ("postcode", "it's {} in leeds", "ls61ah", ""),
    ("plate", "registration {}", "kx72bcd", ""),
    ("plate", "the plate reads {}", "7mjk209", ""),
    ("id", "reference {} please", "ab123", ""),
    ("id", "the code is {}", "qzx9", ""),
    ("id", "my member number is {}", "hk4471", ""),
]
CASES = [
    pytest.param(template, value, suffix, form, id=f"{kind}-{value}-{form}")
    for kind, template, value, suffix in VALUES
    for form in FORMS
]


@pytest.mark.parametrize(("template", "value", "suffix", "form"), CASES)
def test_spelled_values_are_fully_redacted(
    default_pipeline: Pipeline, template: str, value: str, suffix: str, form: str
) -> None:
    spelled = FORMS[form](value) + suffix
    text = template.format(spelled)
    start = text.index(spelled)
    entities = default_pipeline.analyze(text)
    covered = {i for e in entities for i in range(e.start, e.end)}
    missing = [i for i in counted_positions(text, start, start + len(spelled)) if i not in covered]
    assert not missing, (text, [(e.label, text[e.start : e.end]) for e in entities])


def test_case_table_size() -> None:
    assert len(CASES) >= 60


ACRONYMS = [
    "is the b b c on",
    "find an a t m near me",
    "turn on the t v",
    "play c n n",
    "what's on n b c tonight",
    "the f b i called",
    "my p c is slow",
    "plug in the u s b stick",
    "open the p d f",
    "turn on g p s",
    "send an s m s",
    "call the d m v",
    "n a s a launched a rocket",
    "watch the n f l game",
    "n b a scores",
    "r s v p by friday",
    "a s a p please",
    "is there a d v d player",
    "play some m p three files",
    "go to h r",
    "my i p address changed",
    "use a v p n",
    "the e t a is noon",
    "what's the a p r on it",
    "buy a p s five",
    "ask the i t team",
    "watch h b o",
    "e s p n highlights",
    "is the u n meeting today",
    "the e u rules",
    "a b c news please",
    "she drives a b m w",
    "the a c is broken",
    "my d n a test",
    "get an m r i",
    "go to the e r",
    "the l e d lights",
    "turn on the h v a c",
    "see you are you ok",
    "you are why",
    "i want a pizza",
]


# Acronyms that other detectors rightly label (a country, an organisation) or that the default
# pipeline's other detectors touch for reasons of their own: the spelled detector stays silent on them.
ACRONYMS_OTHER_DETECTORS_SEE = [
    "i live in the u s a",
    "file with the i r s",
    "the u k weather",
    "flights to the u a e",
    "the c e o said no",
    "call nine one one it's an s o s",
    "i joined the y m c a",
    "check the u p s tracking page",
    "it's the b b c one news",
    "and the d o b on the form",  # the name of a form field, not its value
    "what's your s s n please",
    "the U.S. army",
    "hey bee see",
    "he works at i b m",  # an employer: the organizations detector's listed companies
]


@pytest.mark.parametrize("text", ACRONYMS)
def test_acronyms_and_ordinary_words_are_left_alone(default_pipeline: Pipeline, text: str) -> None:
    # a spelled medical acronym is health data, not a spelled value: "get an m r i" is a
    # MEDICAL_PROCEDURE of the `special` detector (docs/concepts/special-categories.md)
    found = [e for e in default_pipeline.analyze(text) if e.detector != "special"]
    assert found == [], text


def test_a_spelled_medical_acronym_is_a_procedure_not_a_spelled_value(default_pipeline: Pipeline) -> None:
    assert [(e.label, e.detector) for e in default_pipeline.analyze("get an m r i")] == [
        ("MEDICAL_PROCEDURE", "special")
    ]


@pytest.mark.parametrize("text", ACRONYMS + ACRONYMS_OTHER_DETECTORS_SEE)
def test_spelled_detector_is_silent_on_acronyms(text: str) -> None:
    assert SpelledDetector().detect(_normalize(text)) == [], text


def test_enough_acronym_negatives() -> None:
    assert len(ACRONYMS) >= 40


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("spell it k w y x", "SPELLED"),
        ("my last name is k w y x", "PERSON"),
        ("it is k w y x at fastmail dot com", "EMAIL_ADDRESS"),
        ("k w y x at", "EMAIL_ADDRESS"),
        ("my postcode is k w y", "ZIP_CODE"),
        ("it was k w one two three", "ACCOUNT_NUMBER"),
    ],
)
def test_label_from_context(text: str, label: str) -> None:
    aligned = _normalize(text)
    [entity] = SpelledDetector().detect(aligned)
    assert entity.label == label
    assert "spelled" in entity.explanation
    assert "kwyx" not in entity.explanation and "k w y" not in entity.explanation


def _normalize(text: str):  # type: ignore[no-untyped-def]
    return SpelledLetterNormalizer().normalize(text)


def test_two_letters_and_acronyms_with_digits_are_not_redacted() -> None:
    detector = SpelledDetector()
    for text in ("it's k w", "play b b c one", "m p three player", "find me a t v"):
        assert detector.detect(_normalize(text)) == [], text


def test_detector_allow_option_and_acronym_switch() -> None:
    text = "we use the k w y x system"
    assert SpelledDetector().detect(_normalize(text))
    assert SpelledDetector(allow=["KWYX"]).detect(_normalize(text)) == []
    assert SpelledDetector(acronyms=False).detect(_normalize("is the b b c on"))


def test_pipeline_allow_list_names_the_spelled_word() -> None:
    config = {"detectors": [{"name": "spelled"}], "allow_list": ["KWYX"]}
    assert Pipeline.from_config(config).analyze("we use the k w y x system") == []
    assert Pipeline.from_config({"detectors": [{"name": "spelled"}]}).analyze("we use the k w y x system")


def test_min_letters_must_be_two() -> None:
    with pytest.raises(ValueError, match="min_letters"):
        SpelledDetector(min_letters=1)


def test_language_data_has_a_version() -> None:
    locale = load_locale("en-US")
    assert locale.table("acronyms", "version") >= 1
    assert locale.table("spelling", "version") >= 1
    assert locale.table("asr_confusions", "version") >= 1
    assert {"bbc", "atm", "usa", "fbi"} <= locale.words("acronyms", "words")
    # a locale that inherits from en-US spells and mishears the same way
    assert load_locale("en-GB").words("acronyms", "words") >= locale.words("acronyms", "words")


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("jay oh aitch en", "john"),
        ("double u ay tee tee", "watt"),
        ("x as in x-ray y z", "xyz"),
        ("j. o. h. n.", "john."),
        ("J-O-H-N", "john"),
        ("a b one oh two", "ab102"),
        ("see you later", "see you later"),
        ("the U.S. navy", "the U.S. navy"),
        ("it is j o h n you know", "it is john you know"),
    ],
)
def test_letter_forms_are_joined(text: str, joined: str) -> None:
    assert _normalize(text).text == joined


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a word said and then spelled: one name, the word and any aside between them included
        ("it's tamsin voss v o s s", "voss v o s s"),
        ("that's bradwell hang on b r a d w e l l", "bradwell hang on b r a d w e l l"),
        ("under okoro um o k o r o please", "okoro um o k o r o"),
        # the spelling runs on into digits, or takes a letter of the aside
        ("it's yerin y e r i n four four two", "yerin y e r i n four four two"),
    ],
)
def test_a_word_and_its_spelling_are_one_value(default_pipeline: Pipeline, text: str, value: str) -> None:
    found = [text[e.start : e.end] for e in default_pipeline.analyze(text)]
    assert any(value in entity for entity in found), found


def test_a_word_said_then_spelled_is_a_name_unless_a_cue_says_otherwise() -> None:
    [entity] = SpelledDetector().detect(_normalize("it's voss v o s s"))
    assert entity.label == "PERSON" and entity.explanation == "a word said and then spelled letter by letter"
    [entity] = SpelledDetector().detect(_normalize("my postcode is kwy k w y"))
    assert entity.label == "ZIP_CODE"
    # another word before the spelling is not taken
    [entity] = SpelledDetector().detect(_normalize("spell it k w y x"))
    assert _normalize("spell it k w y x").text[entity.start : entity.end] == "kwyx"


# Business and finance terms said as letters (sentences made up): redacted by default (fail closed: a
# spelled run is more often a name or a code being dictated), left alone with `business_acronyms`.
BUSINESS_TERMS = [
    "our adjusted e b i t d a margin improved",
    "non g a a p earnings were up",
    "we report under i f r s now",
    "d s o improved by four days",
    "the c a g r over five years",
    "our t e u volumes rose",
    "a higher n i m this quarter",
    "the n p l ratio is stable",
    "capex and o p e x were flat",
    "guidance for e b i t is unchanged",
    "the d t c channel grew",
    "w t i crude was lower",
    "a r p u went up again",
    "the a u m of the fund",
    "r o i c above our w a c c",
    "f f o per share",
]


@pytest.mark.parametrize("text", BUSINESS_TERMS)
def test_business_terms_are_redacted_by_default_and_left_alone_on_request(text: str) -> None:
    aligned = _normalize(text)
    assert SpelledDetector().detect(aligned), text
    assert SpelledDetector(business_acronyms=True).detect(aligned) == [], text


# "i" or "a" of the words after an acronym joins its letters ("c e o i mean"): still an acronym.
@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("the c e o i mean said no", []),
        ("my g p a i think was fine", []),
        ("we trust the f b i a lot", []),
        ("j o h n i mean", ["SPELLED"]),  # no acronym without the "i"
        ("the c e o i", ["SPELLED"]),  # no word after it
    ],
)
def test_an_acronym_and_the_pronoun_after_it(text: str, labels: list[str]) -> None:
    assert [e.label for e in SpelledDetector().detect(_normalize(text))] == labels, text


# With `business_acronyms` on, what is not a listed term still fails closed: names and codes being
# dictated, a term after a cue that asks for a value, words that only begin like a term.
STILL_REDACTED_WITH_BUSINESS_TERMS = [
    ("my last name is e b b e r t", "PERSON"),
    ("spell it k w y x", "SPELLED"),
    ("the code is d s o seven seven", "ACCOUNT_NUMBER"),
    ("booking reference n p l", "ACCOUNT_NUMBER"),
    ("it's t e u f e l", "SPELLED"),
    ("my email is a r p u at example dot com", "EMAIL_ADDRESS"),
]


@pytest.mark.parametrize(("text", "label"), STILL_REDACTED_WITH_BUSINESS_TERMS)
def test_business_terms_option_keeps_failing_closed_on_values(text: str, label: str) -> None:
    found = SpelledDetector(business_acronyms=True).detect(_normalize(text))
    assert [entity.label for entity in found] == [label], text


def test_business_terms_option_from_config() -> None:
    text = "the e b i t d a looked better"
    on = {"detectors": [{"name": "spelled", "business_acronyms": True}]}
    assert Pipeline.from_config(on).analyze(text) == []
    assert Pipeline.from_config({"detectors": [{"name": "spelled"}]}).analyze(text)


def test_business_terms_are_language_data() -> None:
    locale = load_locale("en-US")
    assert locale.table("business_acronyms", "version") >= 1
    business = locale.words("business_acronyms", "words")
    assert {"ebitda", "gaap", "dso", "teu"} <= business
    # no overlap with the general list (that one is on by default), no given names, no diseases
    assert business.isdisjoint(locale.words("acronyms", "words"))
    assert business.isdisjoint({"covid", "eva", "sam", "tam", "ros"})
    assert load_locale("en-GB").words("business_acronyms", "words") >= business


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        ("robust increases in q q two this year", False),  # a stutter on a fiscal period
        ("the h h one results", False),
        ("c c o two emissions fell", False),
        ("my code is q q two", True),  # a cue asks for a value: fail closed
        ("booking reference h h one", True),
        ("we saw q q two x", True),  # not a listed code once the stutter is gone
        ("it was k k w one", True),
    ],
)
def test_a_stutter_on_a_listed_code(text: str, redacted: bool) -> None:
    assert bool(SpelledDetector().detect(_normalize(text))) is redacted, text


# Things named with a number (designations.txt; sentences made up): letters and a number name a
# strain, a standard or a rule, not a caller's value. The bare letters still fail closed, a cue or an
# e-mail word still asks for a value, and an unlisted run followed by a number is still a code.
@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        ("sales fell during the c o v i d dash nineteen lockdowns", False),
        ("a new c o v i d nineteen booster", False),
        ("leases under i f r s sixteen went up", False),
        ("we adopted a s c eight four two last year", False),
        ("the plant is i s o hyphen nine thousand one certified", False),
        ("our s o c two audit is done", False),
        ("the s a r s two variant", False),
        ("the c o v i d impact was small", True),  # no number: fails closed
        ("we report under i f r s now", True),
        ("my reference is c o v i d nineteen", True),  # a cue asks for a value
        ("the code is i s o dash five", True),
        ("send it to s o c two at example dot com", True),  # an e-mail word follows
        ("it's k w y dash nineteen", True),  # not a listed designation
        ("my last name is i s o", True),
    ],
)
def test_a_listed_designation_with_its_number(text: str, redacted: bool) -> None:
    assert bool(SpelledDetector().detect(_normalize(text))) is redacted, text


def test_designations_are_language_data() -> None:
    locale = load_locale("en-US")
    assert locale.table("designations", "version") >= 1
    designations = locale.words("designations", "words")
    assert {"covid", "ifrs", "iso"} <= designations
    assert all(word.isalpha() and len(word) >= 3 for word in designations)
    # without the general acronym list nothing is left alone
    assert SpelledDetector(acronyms=False).detect(_normalize("the c o v i d nineteen lockdowns"))
    assert load_locale("en-GB").words("designations", "words") >= designations
