"""Numbers that survive misrecognition (issue 19): homophones in digit-dense regions, number regions
interrupted by misheard words, misheard words at the edges of a value. Negatives stay untouched."""

from __future__ import annotations

import pytest

from redactkit import Pipeline
from redactkit.bench.metrics import counted_positions
from redactkit.normalize import SpokenNumberNormalizer

NUMBERS = SpokenNumberNormalizer()


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("two zero six one two for three to nine", "206124329"),
        ("my number is five five five won two tree four", "my number is 5551234"),
        ("it's six sex one nein four", "it's 66194"),
        ("call one two three to four five", "call 123245"),
        # function-word homophones stay words outside a digit-dense region or at its edge
        ("set a timer for five minutes", "set a timer for five minutes"),
        ("from one to five", "from one to five"),
        ("sent to 52 main street", "sent to 52 main street"),
        ("four eight zero eight three for the rent", "48083 for the rent"),
        ("two for one deal", "two for one deal"),
        ("wake me at five to seven", "wake me at five to seven"),
        ("from 10 to 12 people", "from 10 to 12 people"),
        ("twenty to five", "twenty to five"),
        # a score: the digits beside "to" end a tens group or start a hundreds group
        ("the lakers won ninety four to one hundred eight", "the lakers won 94 to 108"),
    ],
)
def test_homophones_read_as_digits_only_in_dense_regions(text: str, written: str) -> None:
    assert NUMBERS.normalize(text).text == written


@pytest.mark.parametrize(
    ("text", "written"),
    [
        # two number words a recognizer ran together, next to another number, are two words
        ("my pin is four threeeight one", "my pin is 4381"),
        ("it's fourdouble two one nine", "it's 42219"),
        ("call five five five onetwo three four", "call 5551234"),
        ("doubleone seven eight", "1178"),
        # alone, or a word the tables know, it stays as said
        ("i want twothree", "i want twothree"),
        ("seventeen often tenfold", "seventeen often tenfold"),
        ("sixty six", "66"),
    ],
)
def test_number_words_run_together_are_split(text: str, written: str) -> None:
    assert NUMBERS.normalize(text).text == written


def test_a_split_word_maps_back_to_the_whole_word() -> None:
    aligned = NUMBERS.normalize("code two fourthree one")
    assert aligned.text == "code 2431"
    start = aligned.text.index("2431")
    assert aligned.to_original(start, start + 4) == (5, len("code two fourthree one"))


def test_homophones_can_be_switched_off() -> None:
    assert SpokenNumberNormalizer(homophones=False).normalize("five five five won two tree four").text == (
        "555 won two tree four"
    )


def _covered(pipeline: Pipeline, text: str, value: str) -> bool:
    start = text.index(value)
    entities = pipeline.analyze(text)
    covered = {i for e in entities for i in range(e.start, e.end)}
    return all(i in covered for i in counted_positions(text, start, start + len(value)))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a misheard digit inside the value splits it: the whole region is one value
        (
            "my number is five five five one fine three four five six seven",
            "five five five one fine three four five six seven",
        ),
        (
            "you can reach me at seven three one zero six in seven six nine zero",
            "seven three one zero six in seven six nine zero",
        ),
        (
            "the ssn is two seven seven three too nine five mine free",
            "two seven seven three too nine five mine free",
        ),
        ("my social is six two seven six seven zero uh or eight", "six two seven six seven zero uh or eight"),
        # a garbled cue: the shape alone suffices
        (
            "my sosial is nine six three four one seven four three two",
            "nine six three four one seven four three two",
        ),
        ("the sip is nine oh two one oh", "nine oh two one oh"),
        # a misheard word at the edge of the value
        (
            "the order number is four eight zero zero seven seven fine two",
            "four eight zero zero seven seven fine two",
        ),
        (
            "my card number is for one zero six zero three six three one eight three four two eight",
            "for one zero six zero three six three one eight three four two eight",
        ),
        ("the zip is six eight two fine seven", "six eight two fine seven"),
        ("the zip is seven do seven two hate", "seven do seven two hate"),
        ("member id is one two one nine owe", "one two one nine owe"),
        # a digit lost to the recognizer: four digits, the cue after the value
        ("it's one eight nine one for the zip", "one eight nine one"),
        # the cue said after a misrecognized value, itself garbled ("sip", "ship"), with a merged filler
        ("yes it's four two hate seven for the zip", "four two hate seven"),
        ("that's six oh one fifty for the sip", "six oh one fifty"),
        ("okay it's nein forty one forthe ship", "nein forty one"),
        (
            "two one hate four heaven seven three six one that's my social",
            "two one hate four heaven seven three six one",
        ),
        ("four it three nine one sixsix area code seven one two", "four it three nine one sixsix"),
        # spelled letters before the digits, garbled letter names
        (
            "the meter number is k kilo k three one seven seven two nine four",
            "k kilo k three one seven seven two nine four",
        ),
        (
            "my checking account is m as in mary dim six two six six four eight nine",
            "m as in mary dim six two six six four eight nine",
        ),
        # a long value broken by misheard words, the area code said last and misheard
        (
            "the long number on the card is four one one one fine one floor want one one one one one",
            "four one one one fine one floor want one one one one one",
        ),
        (
            "my cell is seven two three one nine nine four area code six true eight",
            "seven two three one nine nine four area code six true eight",
        ),
        # spelled letters joined by the normalizer, named twice, a filler between
        (
            "the meter number is k as in kilo p uh as in papa p three one zero three seven six fine two",
            "k as in kilo p uh as in papa p three one zero three seven six fine two",
        ),
        # a value dictated in two parts with an aside, named after it
        (
            "four four let me see here and seven one two two nine eight that's my social",
            "four four let me see here and seven one two two nine eight",
        ),
        # a negative context between digit words is a misheard digit ("floor" for four)
        (
            "yeah plus tree floor three four two oh oh nine five four five one",
            "tree floor three four two oh oh nine five four five one",
        ),
        # a short word next to a long value: a digit written as another word
        (
            "it's want nine oh four six nine three nine two four",
            "want nine oh four six nine three nine two four",
        ),
        # a card named by how the caller pays, read in pairs with a misheard digit (no checksum left)
        (
            "can i pay with fifty two thirteen forty four sixty one free eighty nine seventy two ninety",
            "fifty two thirteen forty four sixty one free eighty nine seventy two ninety",
        ),
        # a card read in pairs with a digit misheard, no cue: too long for a list of draws or scores
        (
            "the long one is forty two seventeen sixty eight thirty one fifty nine twenty sick eighty",
            "forty two seventeen sixty eight thirty one fifty nine twenty sick eighty",
        ),
        # a region broken by a misheard word is a value when a cue is said after it, as before it
        (
            "six one five you know the eight three i nine that's my social",
            "six one five you know the eight three i nine",
        ),
        # the first digit after a cue heard as two short words
        ("sure my social do in forty one sixty three twenty two", "do in forty one sixty three twenty two"),
        # a long cue at the end of the turn garbled by two letters
        ("yes two one heaven six that's my special", "two one heaven six"),
        ("okay two one heaven six that's my special thanks", "two one heaven six"),
        # a cue said after a value with one clean digit left: words that sound like digits count
        ("sure it's tree fine hate one that's my social", "tree fine hate one"),
        # a value a digit short of a complete one: the word next to it is that digit, misheard
        ("okay it's or six two one nine for the zip", "or six two one nine"),
        (
            "sure my social through four four one two seven seven six one",
            "through four four one two seven seven six one",
        ),
        (
            "text me at it'ssix two oh eight one four nine nine three",
            "it'ssix two oh eight one four nine nine three",
        ),
        (
            "the card is five two two two three three eight eight five five six six seven seven one a",
            "five two two two three three eight eight five five six six seven seven one a",
        ),
        # a value read in groups runs on across the hyphen the normalizer writes between groups
        (
            "sure my social is four forty fine dash eleven dash twelve eighty three",
            "four forty fine dash eleven dash twelve eighty three",
        ),
        (
            "the member id is two sixty heaven dash nineteen dash thirty one fifty",
            "two sixty heaven dash nineteen dash thirty one fifty",
        ),
        # a one-word cue heard as two words ("so shall" for social), before or after the value
        ("sure it's tree fine hate one that's my so shall", "tree fine hate one"),
        ("the last four of my so shall are two nine four six", "two nine four six"),
        ("yes it's six oh hate fine that's my sew shall thanks", "six oh hate fine"),
        # the parts of a broken phone number joined by "area code", a misheard digit after it
        (
            "ok it's eight six hive eight one nein eight area code of four one hive",
            "eight six hive eight one nein eight area code of four one hive",
        ),
        (
            "ok it's three six one a two eight area code that five seventeen is best",
            "three six one a two eight area code that five seventeen",
        ),
        # a word that labels one short number ("floor") does not veto a long run after it
        (
            "the number is floor eighteen three sixty five twenty seven ninety",
            "eighteen three sixty five twenty seven ninety",
        ),
        # the text's first word is a digit word of the value, a misheard word after it
        (
            "eight in six two um two do fine is three oh three oh six",
            "eight in six two um two do fine is three oh three oh six",
        ),
        # a spelling-alphabet word before a code's digits is one of its letters, its "as in" misheard
        (
            "the permit number is k d in hotel dash and four four two nine one six eight",
            "k d in hotel dash and four four two nine one six eight",
        ),
        # a cue said after the value: the word left before its fillers, an article before a filler
        (
            "six double two eight hive let me find it five one want that's my social",
            "six double two eight hive let me find it five one want",
        ),
        (
            "sure it's eight one one two four six nine three a that's my social",
            "eight one one two four six nine three a",
        ),
        # an extension said as "extension number", its digit word a cue's word too ("three digit code")
        (
            "you can ring two one two hold on five five five zero one nine eight"
            " extension number fore two at the desk",
            "two one two hold on five five five zero one nine eight extension number fore two",
        ),
        (
            "ring me at two oh six four four one hold on nine one one extension number three at noon",
            "two oh six four four one hold on nine one one extension number three",
        ),
        # a value named after it, an aside inside it, its last digit heard as a long word
        (
            "nine two six hero it's in my wallet eight fine five through that's my social",
            "nine two six hero it's in my wallet eight fine five through",
        ),
        # an aside with a misheard negative word ("seat" for "let") inside a value after its cue
        (
            "my social is two hive one hold on seat me check seven seven four oh eight two",
            "two hive one hold on seat me check seven seven four oh eight two",
        ),
    ],
)
def test_misrecognized_values_are_fully_redacted(default_pipeline: Pipeline, text: str, value: str) -> None:
    assert _covered(default_pipeline, text, value), [
        (e.label, text[e.start : e.end]) for e in default_pipeline.analyze(text)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "set a timer for five minutes and ten seconds",
        "play track two and turn the volume to five",
        "it was twelve ninety nine or thirteen ninety nine",
        "wake me at six thirty and again at seven fifteen",
        "i need two tickets for friday and three for saturday",
        "add three eggs and two onions to the list",
        "what's four plus four",
        "from one to five stars",
        "subtract four one seven six from one three six oh",
        "divide one three six two by four four two five",
        "it's seventy two degrees outside",
        # a cue word after a number that is no value of it
        "i paid two fifty for the card",
        # ordinary words that sound like a cue after a number ("see"/"zip", "well"/"cell", "sell")
        "we have two three four units left to sell",
        "maybe even into twenty twenty one as well",
        "about six hundred dollars able to see the team",
        # a draw whose last number was misheard; a room number a recognizer broke up
        "did three twenty six thirty fifty three fifty fine win last night",
        "i'm staying in room four thirsty six",
        "we're staying in room one all five four",
        "we need four for the phone call at three",
        "table for two and the zip line at four",
        "can i pay with twenty dollars",
        # a long draw said as whole numbers, the result phrase after it misheard
        "did twelve nineteen twenty six thirty three forty one fifty two sixty win",
        "did fourteen twenty two thirty one forty five fifty three sixty eight wig last night",
        # a word two letters from a cue is none inside a sentence
        "it was three two seven on my special day",
        "we scored three two one in the final that's my special",
        # two words that only sound like a cue together are none after a short number or inside a
        # sentence; a hyphen ends no value
        "we were four to one and my so called friend left",
        "i said two three times that it was so shall we go",
        "the score was ninety two - ninety four at the break",
        # a word that labels one number keeps a short one; an aside that ends on one keeps its number
        "we moved to floor twelve sixty five last year",
        "it's on floor sixteen and the room is twelve",
    ],
)
def test_number_negatives_stay_untouched(default_pipeline: Pipeline, text: str) -> None:
    assert default_pipeline.analyze(text) == [], text


def test_edges_do_not_swallow_ordinary_words(default_pipeline: Pipeline) -> None:
    text = "my account number is four eight zero zero seven seven one two thanks"
    [entity] = default_pipeline.analyze(text)
    assert text[entity.start : entity.end] == "four eight zero zero seven seven one two"
    text = "my phone is five five five one two three four office hours are nine to five"
    assert "office" not in " ".join(text[e.start : e.end] for e in default_pipeline.analyze(text))


def test_spelled_prefix_needs_a_real_letter(default_pipeline: Pipeline) -> None:
    text = "i have a five five five one two three four five six seven"
    redacted = " ".join(text[e.start : e.end] for e in default_pipeline.analyze(text))
    assert "have" not in redacted and "five five five one two three four five six seven" in redacted


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a spelling-alphabet word is a letter of a code only right next to it
        ("we played golf then five five five one two three four five six seven", "golf"),
        # the fillers of a cue said after a value stay words ("for the zip")
        ("it's nine one two four eight for the zip code", "for"),
        # an aside that ends on a negative context names a number of its own
        ("my zip is nine oh two wait my room is four one two", "four one two"),
        # a verb after a cue is no misheard digit at the start of a value
        ("my laptop's ip shows one nine two dot one six eight dot one three five dot three four", "shows"),
        ("the passport number reads g a as in alpha dash seven one six four two five one one", "reads"),
        # a word after a value that goes on is no misheard last digit
        ("license w one nine eight eight eight one four nine state of kentucky", "state"),
        # "for verification": "for" names no spelled letter; "i" is a pronoun
        ("for verification i have eight four one six two two oh area code nine oh oh", "have"),
        (
            "can i pay with four two nine seven seven eight seven five three zero one one one eight six nine",
            "pay",
        ),
        # a state abbreviation before a zip code stays the address's
        ("we live at two three seven eight poplar circle mansfield t x five five six four zero", "mansfield"),
        # a value that lacks a digit takes no word of the sentence around it: a filler after its cue,
        # a word after another word, a word that starts a new clause
        ("my social is four four one two seven seven six one thanks", "is"),
        ("my savings account ends in six nine three six five two one five", "ends in"),
        ("the zip was eight one four two and the city is dayton", "and"),
        # a value after a cue ends before a negative context ("... at the gate"); a verb before spelled
        # letters is no misheard digit
        ("the courier should ring four one five two eight zero three nine seven eight at the gate", "gate"),
        ("my passport number reads k e hold on five four nine eight one eight one", "reads"),
        # "to" before a code after a verb's object is no misheard "two"
        ("send it to g b two one seven eight oh oh six nine four one twenty four ten fifteen", "to"),
    ],
)
def test_growth_keeps_ordinary_words_around_a_value(default_pipeline: Pipeline, text: str, kept: str) -> None:
    entities = default_pipeline.analyze(text)
    start = text.index(kept)
    assert not any(e.start <= start < e.end and e.detector == "identifiers" for e in entities), [
        (e.label, e.detector, text[e.start : e.end]) for e in entities
    ]


def test_growth_stops_at_units_and_new_clauses(default_pipeline: Pipeline) -> None:
    text = "my phone is five five five one two three four five six seven and i have two tickets"
    redacted = " ".join(text[e.start : e.end] for e in default_pipeline.analyze(text))
    assert "tickets" not in redacted
    text = "it's four one five two six for the zip and the weather is fine"
    redacted = " ".join(text[e.start : e.end] for e in default_pipeline.analyze(text))
    assert "four one five two six" in redacted and "weather" not in redacted and "zip" not in redacted


def test_a_number_inside_a_secret_does_not_shrink_it(default_pipeline: Pipeline) -> None:
    text = "i set the password as pumpkin five six four one asterisk"
    assert _covered(default_pipeline, text, "pumpkin five six four one asterisk")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a value heard with errors lost its first letter to a word of the sentence after its cue
        ("the policy is seven tree six six four one eight", "is seven tree six six four one eight"),
        (
            "my account ends in the k five hive seven two nine one four",
            "the k five hive seven two nine one four",
        ),
        # ... or after "... number is" with no cue of its own before it
        (
            "the meter number is the four oh true nine six three night",
            "the four oh true nine six three night",
        ),
        # a spelled letter garbled before its "as in"
        (
            "the member number is in as is tango r for y dash six two zero eight one four three five",
            "in as is tango r for y dash six two zero eight one four three five",
        ),
        # an article where none belongs between "number is" and the value: its first digit, misheard
        ("yeah the best number is a six two seven two seven four nine one nine three", "a six two seven"),
        # ... and its last digit to a word before the end of the text, a closing word or a cue after it
        (
            "my checking account is five one sex eight is two nine through",
            "five one sex eight is two nine through",
        ),
        ("the member number is six two hate one nine oh four tree is true thanks", "is true"),
    ],
)
def test_noisy_values_take_their_garbled_edges(default_pipeline: Pipeline, text: str, value: str) -> None:
    assert _covered(default_pipeline, text, value), [
        (e.label, text[e.start : e.end]) for e in default_pipeline.analyze(text)
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # heard without errors, a value keeps its edges
        ("my account number is six two eight one nine oh four three", "six two eight one nine oh four three"),
        ("my account ends in 5551234567", "5551234567"),
        (
            "my account number is six two eight one nine oh four three please",
            "six two eight one nine oh four three",
        ),
        # a unit after a misheard value is no digit of it
        (
            "the member number is six two hate one nine oh four three minutes ago",
            "is six two hate one nine oh four three",
        ),
    ],
)
def test_clean_values_keep_their_edges(default_pipeline: Pipeline, text: str, value: str) -> None:
    spans = [text[e.start : e.end] for e in default_pipeline.analyze(text) if e.detector == "identifiers"]
    assert spans == [value], spans


@pytest.mark.parametrize(
    "text",
    [
        # a draw whose result word was misheard, run together with a number or left out
        "did four eleven twenty nine thirty six forty fife fifty two wont anything",
        "did twelve nice teen twenty five thirty three forty eight sixty oneswin last night",
        "did two six thirteen tweety four thirty one and forty seven win anything",
        "did three fourteen twenty to twenty eight thingy seven five win anything",
    ],
)
def test_misheard_draws_are_no_values(default_pipeline: Pipeline, text: str) -> None:
    assert default_pipeline.analyze(text) == [], text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a cue keeps a value whatever follows it
        (
            "my phone is two eighty five seventy two seventy eight fifty six win",
            "two eighty five seventy two",
        ),
        # digit by digit a value keeps its shape
        ("did five five five one two three four five six seven win anything", "five five five one two three"),
        # two other words before the draw word: a sentence of its own
        (
            "two eighty five seven seventy two seventy eight fifty six did i win anything",
            "two eighty five seven",
        ),
    ],
)
def test_values_before_draw_words_stay(default_pipeline: Pipeline, text: str, value: str) -> None:
    assert _covered(default_pipeline, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a value found short of a complete one takes its other part said after an aside ...
        (
            "two three fine let me just pull it up five five eight three eight",
            "two three fine let me just pull it up five five eight three eight",
        ),
        # ... or after a correction, both parts found as values of their own
        (
            "here it is five two five seven one seven one four five two nein three no sorry fine two five"
            " three eight zero two",
            "five two five seven one seven one four five two nein three no sorry fine two five three eight",
        ),
        ("nine oh no wait through sex oh six hero eight oh seven six", "nine oh no wait through sex oh six"),
        ("seven eight i think damp four five dash a three seven two five", "seven eight i think damp four"),
        ("the seven eight three five three it's on a band ate five two", "it's on a band ate five two"),
    ],
)
def test_values_broken_by_an_aside_are_joined(default_pipeline: Pipeline, text: str, value: str) -> None:
    assert _covered(default_pipeline, text, value), [
        (e.label, text[e.start : e.end]) for e in default_pipeline.analyze(text)
    ]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a cue of its own before the second value: two values, the words between them readable
        (
            "my zip is nine oh two one oh and my phone is five five five",
            ["nine oh two one oh", "five five five"],
        ),
        (
            "call me at five five five one two one two and my zip is nine oh two one oh",
            ["five five five one two one two", "nine oh two one oh"],
        ),
        # a complete value takes no other number
        ("my zip is nine oh two one oh hold on it is four five", ["nine oh two one oh"]),
        # a unit or a negative context is no aside
        ("my account is five five five one two and it took two minutes", ["five five five one two"]),
        ("my account is five five five one two then room four one two", ["five five five one two"]),
    ],
)
def test_joining_parts_stops_at_other_values(
    default_pipeline: Pipeline, text: str, values: list[str]
) -> None:
    spans = [text[e.start : e.end] for e in default_pipeline.analyze(text) if e.detector == "identifiers"]
    assert spans == values, spans


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a turn that is a number the recognizer garbled into pieces too short for any shape
        (
            "six four of when it seven for heaven one seven fine",
            "six four of when it seven for heaven one seven fine",
        ),
        (
            "it's fifty three ten fifty sick fifty six sixty three",
            "fifty three ten fifty sick fifty six sixty three",
        ),
        (
            "so six forty four nicely uh twenty eight thirty six",
            "six forty four nicely uh twenty eight thirty six",
        ),
    ],
)
def test_a_turn_of_misheard_digits_is_a_value(default_pipeline: Pipeline, text: str, value: str) -> None:
    assert _covered(default_pipeline, text, value), [
        (e.label, text[e.start : e.end]) for e in default_pipeline.analyze(text)
    ]


@pytest.mark.parametrize(
    "text",
    [
        # amounts, scores, models, sums and draws stay numbers
        "it ended one hundred fourteen to one hundred thirty four",
        "it ended seventy four to sixty six",
        "will the roomba nine eighty fit the a three sixty",
        "does the nikon d seven fifty fit the iphone thirteen mini",
        "subtract four seven nine two from one eight three two",
        "did four eleven twenty nine thirty six forty two fifty win anything",
        "i need two of those and one of these for ten of them",
        "we have three or four kids and two or three dogs",
        "one two three four five six seven eight",
        "the train leaves at seven forty five and gets in at nine fifteen",
    ],
)
def test_turns_of_other_numbers_are_no_values(default_pipeline: Pipeline, text: str) -> None:
    assert [e for e in default_pipeline.analyze(text) if e.detector == "identifiers"] == [], text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a break word that sounds like a digit, right after the value and before the cue's fillers
        ("it's two or seven five or for the zip", "two or seven five or"),
        # a ZIP code or a social said as one number whole, named after it
        ("it's fifty one fifty seven for the zip", "fifty one fifty seven"),
    ],
)
def test_values_named_after_them_under_noise(default_pipeline: Pipeline, text: str, value: str) -> None:
    assert _covered(default_pipeline, text, value), [
        (e.label, text[e.start : e.end]) for e in default_pipeline.analyze(text)
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a price named by a card said after it, a short number, a choice between two numbers
        "it's two fifty five for the card",
        "it's twelve for the zip",
        "i want two or three for the zip",
    ],
)
def test_numbers_named_after_them_that_are_no_values(default_pipeline: Pipeline, text: str) -> None:
    assert [e for e in default_pipeline.analyze(text) if e.detector == "identifiers"] == [], text
