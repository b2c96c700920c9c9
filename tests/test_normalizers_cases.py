"""Case tables for the speech-transcript normalizers: what they write, and what they leave alone.

Every positive case also checks the alignment: the span of the rewritten value maps back to exactly
the original words that were spoken for it.
"""

from __future__ import annotations

import pytest

from redactkit import Pipeline
from redactkit.core import AlignedText
from redactkit.normalize import (
    FillerNormalizer,
    Normalizer,
    SpelledLetterNormalizer,
    SpokenNumberNormalizer,
    SpokenSymbolNormalizer,
    TruecaseNormalizer,
)

# -- spoken numbers -------------------------------------------------------------------------------------

NUMBERS = [
    # digit by digit
    ("my number is five five five one two three four", "my number is 5551234"),
    ("call me on five five five oh one nine", "call me on 555019"),
    ("it's o two o seven nine four six", "it's 0207946"),
    ("zero one two three", "0123"),
    ("nought seven seven double nine", "07799"),
    ("double five one two", "5512"),
    ("triple seven eight", "7778"),
    ("one double oh three", "1003"),
    ("nine one one", "911"),
    ("the code is four four two one", "the code is 4421"),
    # grouped
    ("forty two", "42"),
    ("four fifteen", "415"),
    ("one twenty three main street", "123 main street"),
    ("it's six thirty", "it's 6:30"),
    ("area code four fifteen five five five", "area code 415555"),
    ("nineteen eighty five", "1985"),
    ("twenty twenty", "2020"),
    ("twenty twenty four", "2024"),
    ("three hundred and twelve", "312"),
    ("three hundred twelve", "312"),
    ("one hundred", "100"),
    ("eleven hundred", "1100"),
    ("nineteen hundred and five", "1905"),
    ("two thousand and five", "2005"),
    ("two thousand twenty", "2020"),
    ("twenty thousand", "20000"),
    ("four thousand three hundred and ten", "4310"),
    ("twenty-one", "21"),
    ("ninety nine", "99"),
    # mixed readings join into one identifier
    ("five five five twelve thirty four", "5551234"),
    ("four fifteen five five five one two one two", "4155551212"),
    ("area code two one two five five five oh one four two", "area code 2125550142"),
    ("my zip is nine oh two one oh", "my zip is 90210"),
    ("room three oh five", "room 305"),
    ("born in nineteen ninety", "born in 1990"),
    ("in twenty nineteen we moved", "in 2019 we moved"),
    # digits already present
    ("555 one two three four", "5551234"),
    ("my pin is 4 four 2 one", "my pin is 4421"),
    # ordinals
    ("the twenty first of march", "the 21st of march"),
    ("march third", "march 3rd"),
    ("on june twenty second", "on june 22nd"),
    ("july the fourth", "july the fourth"),
    ("the thirty first", "the 31st"),
    # times
    ("wake me up at six thirty", "wake me up at 6:30"),
    ("meeting at ten fifteen", "meeting at 10:15"),
    ("wait one second", "wait one second"),
    ("one third of the cake", "one third of the cake"),
    ("at seven forty five tomorrow", "at 7:45 tomorrow"),
    # quantities stay words
    ("set a timer for five minutes", "set a timer for five minutes"),
    ("play track two", "play track two"),
    ("turn the volume to seven", "turn the volume to seven"),
    ("i have three kids", "i have three kids"),
    ("the one on the left", "the one on the left"),
    ("oh my god", "oh my god"),
    ("oh no", "oh no"),
    ("first things first", "first things first"),
    ("a second please", "a second please"),
    ("one of two options", "one of two options"),
    ("between five and six", "between five and six"),
    ("call 555-0100 now", "call 555-0100 now"),
    ("Call me at 212 555 0142.", "Call me at 212 555 0142."),
    ("Order #12345 shipped", "Order #12345 shipped"),
    ("it costs $25.99", "it costs $25.99"),
    ("", ""),
    # decimals are quantities, written as decimals and never joined to the numbers around them
    ("prices rose one point two to one point four percent", "prices rose 1.2 to 1.4 percent"),
    ("a margin of two point one five points", "a margin of 2.15 points"),
    ("about forty seven point oh five miles", "about 47.05 miles"),
    ("it weighs one point twenty five tons", "it weighs 1.25 tons"),
    ("from six point three and seven point nine", "from 6.3 and 7.9"),
    ("guidance of five point five five point eight", "guidance of 5.5 5.8"),
    ("in twenty nineteen two point five million", "in 2019 2.5 million"),
    # addresses and versions with "point" are left to the symbol normalizer
    ("ten point zero point zero point one", "ten point zero point zero point one"),
    ("release three point one point four", "release three point one point four"),
    ("one nine two point one six eight point one point nine", "192 point 168 point one point nine"),
    ("five five five point one two three four five", "555 point 12345"),
    ("four fifteen point five five five point one two one two", "415 point 555 point 1212"),
    ("that's a good point two of them", "that's a good point two of them"),
    # fiscal periods: the quarter and the year apart, never one code
    ("q three twenty nineteen", "q 3 2019"),
    ("in q one twenty twenty one we grew", "in q 1 2021 we grew"),
    ("h two nineteen was slower", "h 2 19 was slower"),
    ("for fy twenty one", "for fy 21"),
    ("fiscal year twenty twenty three", "fiscal year 2023"),
    ("the second half of twenty eighteen", "the second half of 2018"),
    ("quarter four twenty twenty", "quarter 4 2020"),
    ("q three", "q three"),
    ("q seven twenty nineteen", "q 72019"),
    ("q three five five one eight", "q 35518"),
]


@pytest.mark.parametrize(("text", "expected"), NUMBERS)
def test_spoken_numbers(text: str, expected: str) -> None:
    aligned = SpokenNumberNormalizer().normalize(text)
    assert aligned.text == expected
    _check_number_alignment(aligned)


def _check_number_alignment(aligned: AlignedText) -> None:
    """The rewritten digits map back to exactly the words the annotation covers."""
    for note in aligned.annotations_in(0, len(aligned.original), "number"):
        joiner = {"time": ":", "decimal": "."}.get(note.data["style"], "")
        written = joiner.join(note.data["chunks"])
        position = aligned.text.find(written)
        assert position >= 0
        assert aligned.to_original(position, position + len(written)) == (note.start, note.end)


@pytest.mark.parametrize(
    ("text", "style", "tokens", "digits"),
    [
        ("five five five one two three four", "digits", 7, "5551234"),
        ("forty two", "grouped", 2, "42"),
        ("nineteen eighty five", "mixed", 3, "1985"),
        ("at six thirty", "time", 2, "630"),
        ("march third", "ordinal", 1, "3rd"),
        ("double five one two", "digits", 4, "5512"),
        ("three point two five", "decimal", 4, "325"),
        ("fiscal nineteen ninety nine", "period", 3, "1999"),
    ],
)
def test_number_annotations_tell_identifiers_from_quantities(
    text: str, style: str, tokens: int, digits: str
) -> None:
    (note,) = [note for note in SpokenNumberNormalizer().normalize(text).annotations if note.kind == "number"]
    assert (note.data["style"], note.data["tokens"], note.data["digits"]) == (style, tokens, digits)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("sales in q three twenty nineteen rose", "q three twenty nineteen"),
        ("the third quarter of twenty twenty was good", "third quarter of twenty twenty"),
        ("fiscal year twenty twenty one guidance", "fiscal year twenty twenty one"),
        ("for fy twenty two", "fy twenty two"),
        ("in h two twenty one", "h two twenty one"),
    ],
)
def test_a_period_annotation_covers_the_whole_phrase(text: str, period: str) -> None:
    aligned = SpokenNumberNormalizer().normalize(text)
    assert [text[n.start : n.end] for n in aligned.annotations if n.kind == "period"] == [period]


@pytest.mark.parametrize(
    "text", ["q three five five one two", "q three", "the quarter was good", "in june twenty twenty"]
)
def test_no_period_annotation_without_a_period(text: str) -> None:
    assert not [n for n in SpokenNumberNormalizer().normalize(text).annotations if n.kind == "period"]


def test_periods_and_decimals_can_be_switched_off() -> None:
    normalizer = SpokenNumberNormalizer(decimals=False, periods=False)
    assert normalizer.normalize("q three twenty nineteen").text == "q 32019"
    assert normalizer.normalize("two point one five").text == "two point 15"


def test_min_tokens_is_configurable() -> None:
    assert SpokenNumberNormalizer(min_tokens=1).normalize("play track two").text == "play track 2"
    assert SpokenNumberNormalizer(min_tokens=3).normalize("forty two").text == "forty two"
    assert SpokenNumberNormalizer(times=False).normalize("at six thirty").text == "at 630"


# -- spoken symbols -------------------------------------------------------------------------------------

SYMBOLS = [
    ("john dot smith at gmail dot com", "john.smith@gmail.com"),
    ("email me at jane at example dot org", "email me at jane@example.org"),
    ("send it to jack@gmail dot com", "send it to jack@gmail.com"),
    ("erosser@hotmail dot com", "erosser@hotmail.com"),
    ("john underscore doe at yahoo dot co dot uk", "john_doe@yahoo.co.uk"),
    ("mary dash ann at example dot net", "mary-ann@example.net"),
    ("smith 85 at gmail dot com", "smith85@gmail.com"),
    ("john smith all one word at gmail dot com", "johnsmith@gmail.com"),
    ("john smith no spaces at gmail dot com", "johnsmith@gmail.com"),
    ("info at my company dot io", "info at my company.io"),
    ("www dot example dot com", "www.example.com"),
    ("go to example dot com slash pricing", "go to example.com/pricing"),
    ("https colon slash slash example dot com", "https://example.com"),
    ("visit amazon dot co dot uk today", "visit amazon.co.uk today"),
    ("google dot com", "google.com"),
    ("192 dot 168 dot one dot one", "192.168.1.1"),
    ("ten dot zero dot zero dot one", "10.0.0.1"),
    ("172 point 16 point 0 point 4", "172.16.0.4"),
    ("my handle is at john underscore smith", "my handle is @john_smith"),
    ("follow me on instagram at jane dot doe", "follow me on instagram @jane.doe"),
    ("my username is john underscore smith", "my username is john_smith"),
    ("555 dash 0100", "555-0100"),
    ("at sign", "at sign"),
    # negatives: no address shape, nothing changes
    ("look at the dot", "look at the dot"),
    ("meet me at five", "meet me at five"),
    ("i am at home dot", "i am at home dot"),
    ("five point two miles", "five point two miles"),
    ("that's a good point", "that's a good point"),
    ("the dash cam at home", "the dash cam at home"),
    ("at the end of the day", "at the end of the day"),
    ("period of time", "period of time"),
    # two decimals one after the other stay two numbers
    ("between 2.5 3.1 and 4.2", "between 2.5 3.1 and 4.2"),
    ("ratios of 1.4 1.6", "ratios of 1.4 1.6"),
    ("three slash four cup", "three slash four cup"),
    ("a colon b", "a colon b"),
    ("Contact John.Smith@Example.com today", "Contact John.Smith@Example.com today"),
    ("See https://example.com/a for details", "See https://example.com/a for details"),
    ("Server 10.0.0.1 is down", "Server 10.0.0.1 is down"),
]


@pytest.mark.parametrize(("text", "expected"), SYMBOLS)
def test_spoken_symbols(text: str, expected: str) -> None:
    aligned = SpokenSymbolNormalizer().normalize(text)
    assert aligned.text == expected
    for note in aligned.annotations:
        assert note.kind == "address"
        written_start = aligned.text.find(expected.split()[-1]) if expected != text else -1
        assert written_start != -1 or expected == text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("john dot smith at gmail dot com", "email"),
        ("www dot example dot com", "url"),
        ("192 dot 168 dot one dot one", "ip"),
        ("my handle is at jo underscore b", "handle"),
        ("jo underscore b", "username"),
        ("555 dash 0100", "number"),
    ],
)
def test_address_annotations_name_the_kind(text: str, kind: str) -> None:
    (note,) = SpokenSymbolNormalizer().normalize(text).annotations
    assert note.data["type"] == kind


def test_symbol_kinds_can_be_restricted() -> None:
    normalizer = SpokenSymbolNormalizer(kinds=("email",))
    assert normalizer.normalize("www dot example dot com").text == "www dot example dot com"
    assert normalizer.normalize("jo at example dot com").text == "jo@example.com"
    with pytest.raises(ValueError, match="unknown address kinds"):
        SpokenSymbolNormalizer(kinds=("fax",))


def test_email_span_maps_to_every_spoken_word() -> None:
    text = "write to john dot smith at gmail dot com please"
    aligned = SpokenSymbolNormalizer().normalize(text)
    start = aligned.text.index("john.smith@gmail.com")
    o_start, o_end = aligned.to_original(start, start + len("john.smith@gmail.com"))
    assert text[o_start:o_end] == "john dot smith at gmail dot com"


# -- spelled letters -------------------------------------------------------------------------------------

LETTERS = [
    ("my name is j o h n", "my name is john"),
    ("s m i t h", "smith"),
    ("s as in sam m i t h", "smith"),
    ("m for mary a r y", "mary"),
    ("b as in boy o b", "bob"),
    ("capital j o h n", "John"),
    ("upper case j a n e", "Jane"),
    ("b e double l", "bell"),
    ("double l", "ll"),
    ("a n n", "ann"),
    ("w w w", "www"),
    ("u s a", "usa"),
    ("h t t p s", "https"),
    ("k seven x two five", "k7x25"),
    ("a b c one two three", "abc123"),
    ("j o h n two", "john2"),
    ("spell it d a v e please", "spell it dave please"),
    ("j, o, h, n", "john"),
    # a booking reference that starts on a digit: the digit belongs to it
    ("reference six h w two q d z", "reference 6hw2qdz"),
    ("it is three r k v m b t", "it is 3rkvmbt"),
    # negatives
    ("i want a pizza", "i want a pizza"),
    ("is it a or b", "is it a or b"),
    ("plan b for the weekend", "plan b for the weekend"),
    ("vitamin c", "vitamin c"),
    ("a for effort", "a for effort"),
    ("five o five", "five o five"),
    ("double o seven", "double o seven"),
    ("i i captain", "i i captain"),
    ("JOHN", "JOHN"),
    ("The U.S. team", "The U.S. team"),
    ("we are two b s", "we are two bs"),
]


@pytest.mark.parametrize(("text", "expected"), LETTERS)
def test_spelled_letters(text: str, expected: str) -> None:
    aligned = SpelledLetterNormalizer().normalize(text)
    assert aligned.text == expected
    for note in aligned.annotations:
        assert note.kind == "spelled"
        written = note.data["text"]
        position = aligned.text.index(written)
        assert aligned.to_original(position, position + len(written)) == (note.start, note.end)


# -- fillers and self-corrections ------------------------------------------------------------------------

FILLERS = [
    ("five five five um one two three", "five five five one two three"),
    ("uh my name is um john", "my name is john"),
    ("um, call john", "call john"),
    ("call john uh", "call john"),
    ("five five five one two no sorry one three", "five five five one two one three"),
    ("j o h no sorry j o n", "j o h j o n"),
    ("four two i mean four three", "four two four three"),
    ("seven seven scratch that eight eight", "seven seven eight eight"),
    ("one two three, sorry, one two four", "one two three, one two four"),
    ("hmm", ""),
    ("erm well", "well"),
    # asides between value words go like corrections ("hold on", "let me look", "one moment")
    ("seven one two just a moment four four nine", "seven one two four four nine"),
    ("k z let me look three three eight", "k z three three eight"),
    ("nine oh hang on one moment five five", "nine oh five five"),
    ("two two sorry about that, let me think eight one", "two two eight one"),
    # a letter said "as in" a word, then the aside
    ("q as in quebec give me a second four one", "q as in quebec four one"),
    ("ten dot four let me look dot one dot two", "ten dot four dot one dot two"),
    # an aside of three words or more that the recognizer garbled: one word misheard or left out
    ("four one five let me sri five five five", "four one five five five five"),
    ("six six wait me check two one", "six six two one"),
    ("three three bear with mi nine nine", "three three nine nine"),
    # ... never by taking a digit for the misheard word, and never outside a value
    ("six six let me five two one", "six six five two one"),
    ("let me sri the menu", "let me sri the menu"),
    ("i have five kids wait me check two of them", "i have five kids wait me check two of them"),
    # ... but not next to an everyday word that is also a letter or "oh"
    ("i hang on two ropes", "i hang on two ropes"),
    ("oh let me think three of them", "oh let me think three of them"),
    ("give me five let me think", "give me five let me think"),
    # negatives: corrections outside values, words that only look like fillers
    ("sorry i am late", "sorry i am late"),
    ("i mean it", "i mean it"),
    ("scratch that itch", "scratch that itch"),
    ("no sorry needed", "no sorry needed"),
    ("the human umbrella", "the human umbrella"),
    ("Uhura is here", "Uhura is here"),
    ("hummus recipe", "hummus recipe"),
]


@pytest.mark.parametrize(("text", "expected"), FILLERS)
def test_fillers(text: str, expected: str) -> None:
    assert FillerNormalizer().normalize(text).text == expected


def test_corrections_can_be_switched_off() -> None:
    text = "five five no sorry six six"
    assert FillerNormalizer(corrections=False).normalize(text).text == text


def test_asides_can_be_switched_off() -> None:
    text = "five five hang on six six"
    assert FillerNormalizer(asides=False).normalize(text).text == text
    assert FillerNormalizer().normalize(text).text == "five five six six"


# -- truecasing -----------------------------------------------------------------------------------------

TRUECASE = [
    ("call maria garcia on her mobile", "call Maria Garcia on her mobile"),
    ("text john that i am late", "text John that I am late"),
    ("my name is priya patel", "my name is Priya Patel"),
    ("this is pawel calling", "this is Pawel calling"),
    ("meeting with tom tomorrow", "meeting with Tom tomorrow"),
    ("email sarah about the report", "email Sarah about the report"),
    ("tell dave i'll be there", "tell Dave I'll be there"),
    # negatives
    ("text mom i am late", "text mom I am late"),
    ("call the dentist", "call the dentist"),
    ("set a timer for ten minutes", "set a timer for ten minutes"),
    ("call five five five", "call five five five"),
    ("meeting with the team", "meeting with the team"),
    ("Call John at noon.", "Call John at noon."),
    ("call back later", "call back later"),
    ("remind me to call", "remind me to call"),
]


@pytest.mark.parametrize(("text", "expected"), TRUECASE)
def test_truecase(text: str, expected: str) -> None:
    aligned = TruecaseNormalizer().normalize(text)
    assert aligned.text == expected
    assert len(aligned.text) == len(text)
    assert aligned.text.lower() == text.lower()


def test_truecase_gazetteer(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "names.txt"
    path.write_text("zanele\nokafor\n")
    normalizer = TruecaseNormalizer(gazetteer=str(path))
    assert normalizer.normalize("ask zanele okafor about it").text == "ask Zanele Okafor about it"
    assert normalizer.normalize("remind zanele").text == "remind Zanele"
    with pytest.raises(ValueError, match="does not exist"):
        TruecaseNormalizer(gazetteer=str(path) + ".missing")


# -- the default chain ----------------------------------------------------------------------------------

CHAIN = [
    ("my number is five five five um one two three four", "my number is 5551234"),
    ("my email is j o h n dot smith at gmail dot com", "my email is john.smith@gmail.com"),
    ("w w w dot example dot com", "www.example.com"),
    ("one nine two dot one six eight dot one dot one", "192.168.1.1"),
    ("h t t p s colon slash slash example dot com", "https://example.com"),
    ("card four one one one one one one one one one one one one one one one", "card 4111111111111111"),
    (
        "social is one two three no sorry one two four four five six seven eight nine",
        "social is 123124456789",
    ),
    ("call maria on five five five oh one nine nine", "call Maria on 5550199"),
    ("s as in sam a m at example dot com", "sam@example.com"),
    ("five five five dash one two one two", "555-1212"),
    # formatted transcripts pass through unchanged
    ("My name is John Smith, email john@example.com", "My name is John Smith, email john@example.com"),
    ("Call 212-555-0142 before 5 pm.", "Call 212-555-0142 before 5 pm."),
    ("Visit https://example.com/pricing today.", "Visit https://example.com/pricing today."),
    ("Card 4111 1111 1111 1111, exp 12/27.", "Card 4111 1111 1111 1111, exp 12/27."),
    ("I live at 42 Main Street, Springfield.", "I live at 42 Main Street, Springfield."),
    ("Set a timer for five minutes.", "Set a timer for five minutes."),
]


@pytest.fixture(scope="module")
def chain() -> list[Normalizer]:
    return Pipeline.from_config({"detectors": [{"name": "presidio"}]}).normalizers


@pytest.mark.parametrize(("text", "expected"), CHAIN)
def test_default_chain(chain: list[Normalizer], text: str, expected: str) -> None:
    aligned = AlignedText.identity(text)
    for normalizer in chain:
        aligned = aligned.then(normalizer.normalize(aligned.text))
    assert aligned.text == expected
    assert aligned.original == text
    if expected != text:
        assert aligned.explain()


def test_table_sizes() -> None:
    """The issue asks for at least 150 hand-written cases across all phenomena."""
    total = len(NUMBERS) + len(SYMBOLS) + len(LETTERS) + len(FILLERS) + len(TRUECASE) + len(CHAIN)
    assert total >= 150
