"""Misheard number words (redactkit/lang/en-US/misheard.yaml): spellings a recognizer writes for a
number word ("siteen", "twenny") always read as the number; homophones that are everyday words ("to",
"for", "won", "ate", "tree", "owe") only inside a dictated value or right after a value cue."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redactkit import Pipeline
from redactkit.bench.metrics import counted_positions
from redactkit.gazetteers import family_names, given_names, is_everyday_word, zipf_frequency
from redactkit.lang import get_lexicon, load_locale
from redactkit.lang._lexicon import Lexicon
from redactkit.normalize import SpokenNumberNormalizer, SpokenSymbolNormalizer

NUMBERS = SpokenNumberNormalizer()
MISHEARD = load_locale("en-US").resources["misheard"]


def _forms(section: str) -> list[tuple[str, str]]:
    return [(word, form) for word, forms in MISHEARD[section].items() for form in forms]


@pytest.mark.parametrize(("word", "form"), _forms("number_spellings"))
def test_a_spelling_is_no_english_word(word: str, form: str) -> None:
    # a spelling reads as its number everywhere, so it must never be a word or a name someone says
    assert not is_everyday_word(form), (word, form)
    assert form not in given_names() and form not in family_names(), (word, form)
    assert zipf_frequency(form) == 0.0, (word, form)
    # nor two number words a recognizer ran together ("seventen" may be "seven ten")
    lex = get_lexicon("en-US")
    words = {*lex.digits, *lex.teens, *lex.tens, *lex.zero_aliases} - lex.spelled_as_heard
    assert not any(form[:k] in words and form[k:] in words for k in range(1, len(form))), (word, form)


def test_the_table_has_a_version_and_its_words_are_number_words() -> None:
    assert isinstance(MISHEARD["version"], int)
    lex = get_lexicon("en-US")
    numbers = {*lex.digits, *lex.zero_aliases}
    assert {word for word, _ in _forms("number_homophones")} <= numbers


@pytest.mark.parametrize(
    ("text", "written"),
    [
        # spellings of number words, in a run or alone
        ("she just turned twenny two", "she just turned 22"),
        ("i am fitty three years old", "i am 53 years old"),
        ("nineteeen eighty five", "1985"),
        ("three hunderd and twelve", "312"),
        ("two thousan and five", "2005"),
        ("sevin five five nyne", "7559"),
        ("he is siteen", "he is siteen"),  # alone it stays a word, read as a number by the detectors
        # homophones after a value cue, the first one too
        ("my pin is for three to one", "my pin is 4321"),
        ("my pin number is ate for to nine", "my pin number is 8429"),
        ("the code is ate ate tree won", "the code is 8831"),
        ("my social is won too tree for five six seven ate nine", "my social is 123456789"),
        # ... but never the edge word after the value
        ("my pin is one two three four for the door", "my pin is 1234 for the door"),
        # homophones inside a run with three digit words said right, the run's ends too
        ("my number is five five five won to tree for ate nine", "my number is 555123489"),
        ("call me at ate oh ate five five five won too tree for", "call me at 8085551234"),
        ("my zip is nine owe two one owe", "my zip is 90210"),
    ],
)
def test_misheard_number_words_read_as_numbers(text: str, written: str) -> None:
    assert NUMBERS.normalize(text).text == written


@pytest.mark.parametrize(
    "text",
    [
        "i want to go to the store",
        "set a timer for five minutes",
        "we won the game three to one",
        "i owe you twenty dollars",
        "it's free for everyone",
        "the tree fell on the car",
        "the kids ate all the cookies",
        "the meeting is from two to four",
        "order for two to four people",
        "the code is to be entered by five",
        "my number is too long for this form",
        "buy one get one free",
        "two for one deal",
        "i'll be there in two to three days",
        "those three are too loud",
        "book a table for four at seven",
        "it was won by the home team",
        "four eight zero eight three for the rent",
        # after a subject a homophone is its verb (review44 #6.1)
        "i ate two three four slices of pizza",
        "we won three four five medals",
        "i owe five five five dollars",
    ],
)
def test_homophones_alone_or_beside_a_quantity_stay_words(text: str) -> None:
    aligned = NUMBERS.normalize(text)
    for word in ("to", "too", "for", "won", "ate", "tree", "free", "owe"):
        assert text.split().count(word) == aligned.text.split().count(word), (text, aligned.text)


def test_a_misheard_value_maps_back_over_every_word_said() -> None:
    text = "my pin is for three to one"
    aligned = NUMBERS.normalize(text)
    start = aligned.text.index("4321")
    assert aligned.to_original(start, start + 4) == (text.index("for"), len(text))


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.default()


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("my son is siteen years old", "siteen", "AGE"),
        ("she just turned twenny two", "twenny two", "AGE"),
        ("my pin is for three to one", "for three to one", "PIN"),
        (
            "my number is five five five won to tree for ate nine",
            "five five five won to tree for ate nine",
            None,
        ),
    ],
)
def test_the_pipeline_redacts_the_misheard_value_whole(
    pipeline: Pipeline, text: str, value: str, label: str | None
) -> None:
    start = text.index(value)
    entities = pipeline.analyze(text)
    covered = {i for e in entities for i in range(e.start, e.end) if label is None or e.label == label}
    assert all(i in covered for i in counted_positions(text, start, start + len(value))), entities


def test_spellings_extend_the_number_tables_after_the_word() -> None:
    lex = get_lexicon("en-US")
    assert lex.teens["siteen"] == 16 and lex.tens["twenny"] == 20 and "hunderd" in lex.hundred
    # code that says numbers still says the word itself
    assert lex.number_names.teens[6] == "sixteen" and lex.number_names.tens[2] == "twenty"


def test_a_bad_spelling_entry_is_an_error_naming_it() -> None:
    lex = get_lexicon("en-US")
    with pytest.raises(ValueError, match="'sixtene' is no number word"):
        lex.with_spellings({"sixtene": ["siteen"]}, "test")
    with pytest.raises(ValueError, match=r"'twelve' .* already is a number word"):
        lex.with_spellings({"eleven": ["twelve"]}, "test")
    with pytest.raises(ValueError, match="must map number words to lists"):
        lex.with_spellings({"eleven": "elevan"}, "test")
    assert isinstance(lex.with_spellings(None, "test"), Lexicon)


# everyday words, the homophones among them, and no number word or value cue
_SPEECH = (
    "i want to go too for the store we won ate a tree free owe you it was fore my son she is "
    "and then give me two minutes"
).split()
_NUMBERS = "one two three four five six seven eight nine oh zero twenny siteen hunderd".split()


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.sampled_from(_SPEECH[:-3]), max_size=16))
def test_homophones_without_a_number_word_or_a_cue_stay_words(words: list[str]) -> None:
    text = " ".join(words)
    aligned = NUMBERS.normalize(text)
    assert aligned.text == text and not aligned.edits


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.sampled_from(_SPEECH + _NUMBERS), max_size=16))
def test_a_read_homophone_lies_inside_a_number_whose_words_it_covers(words: list[str]) -> None:
    text = " ".join(words)
    aligned = NUMBERS.normalize(text)
    numbers = [note for note in aligned.annotations if note.kind == "number"]
    starts = {m for m in range(len(text)) if m == 0 or text[m - 1] == " "}
    ends = {m for m in range(1, len(text) + 1) if m == len(text) or text[m] == " "}
    for note in numbers:
        # a number covers whole words of the original, never part of one
        assert note.start in starts and note.end in ends, (text, note)
    for edit in aligned.edits:
        if edit.rule in ("spoken_numbers:digit", "spoken_numbers:group"):
            said = text[edit.start : edit.end]
            assert any(note.start <= edit.start and edit.end <= note.end for note in numbers), (text, said)


SYMBOLS = SpokenSymbolNormalizer()


@pytest.mark.parametrize(
    ("text", "written"),
    [
        # digits said as homophones at the end of an e-mail's local part, after a name
        ("my email is anna for ate at gmail dot com", "my email is anna48@gmail.com"),
        ("email mike too won at yahoo dot com", "email mike21@yahoo.com"),
        ("garcia owe won at hotmail dot com", "garcia01@hotmail.com"),
        ("maria for 8 at gmail dot com", "maria48@gmail.com"),
        # ... or after a local part an e-mail cue opens (review44 #11.1)
        ("my email is jsmith for ate at gmail dot com", "my email is jsmith48@gmail.com"),
        ("e-mail me at kdog too won at yahoo dot com", "e-mail me at kdog21@yahoo.com"),
        # one homophone, or homophones after no name, stay words
        ("my email is anna ate at gmail dot com", "my email is anna ate@gmail.com"),
        ("join for free at acme dot com", "join for free@acme.com"),
        ("tickets for two at acme dot com", "tickets for 2@acme.com"),
        ("sign up for free at acme dot com", "sign up for free@acme.com"),
        ("i ate too at the diner", "i ate too at the diner"),
    ],
)
def test_homophone_digits_end_a_local_part_after_a_name(text: str, written: str) -> None:
    assert SYMBOLS.normalize(text).text == written


def test_the_local_part_digits_map_back_over_the_words_said() -> None:
    text = "my email is anna for ate at gmail dot com"
    aligned = SYMBOLS.normalize(text)
    start = aligned.text.index("anna48")
    assert aligned.to_original(start, len(aligned.text)) == (text.index("anna"), len(text))
