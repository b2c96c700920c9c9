"""Values the stock NER covered only by luck, made real by rules (invented sentences only).

The stock ``en_core_web_md`` NER ran a PERSON span from a caller's name over the PIN or account number
said right after it ("sam one two three four"), and over a street named after a retail park; the
adapted names-only weights end the name where it ends. These rules cover the value itself:

- identifiers: a given name opening the turn right before a number read digit by digit, the number
  ending the turn (``answers.after_name_min_digits``, ``answers.name_openers`` of identifiers.yaml);
- spelled: digits read one by one right before spelled letters are one code with them;
- addresses: a street stated after "is at" (``stated.street_cues`` of addresses.yaml);
- places: a place whose name takes "the" keeps it ("in the united states": ``with_article`` of
  places.yaml), as named-entity annotation marks it;
- organizations: the company a result is attributable to and a product named after its kind ("our
  flagship app zentro"): cues of business talk (``cues.business`` of organizations.yaml).
"""

from __future__ import annotations

import pytest

from redactkit import Pipeline


def _found(pipeline: Pipeline, text: str, detector: str) -> list[tuple[int, int, str]]:
    """The spans one detector finds on the normalized text, in original offsets (before the pipeline
    resolves overlaps with other detectors, e.g. a PERSON span of the NER)."""
    aligned = pipeline.normalize_batch([text])[0]
    (chosen,) = [d for d in pipeline.detectors if d.name == detector]
    return [(*aligned.to_original(e.start, e.end), e.label) for e in chosen.detect_batch([aligned])[0]]


def _covered(pipeline: Pipeline, text: str, part: str, detector: str) -> bool:
    start = text.index(part)
    spans = _found(pipeline, text, detector)
    return all(
        any(a <= k < b for a, b, _ in spans) for k in range(start, start + len(part)) if not text[k].isspace()
    )


def _touched(pipeline: Pipeline, text: str, part: str, detector: str) -> bool:
    start = text.index(part)
    end = start + len(part)
    return any(a < end and start < b for a, b, _ in _found(pipeline, text, detector))


NAME_THEN_NUMBER = [
    ("nadia one two three four", "one two three four"),  # a PIN that counts up, after a name
    ("priya nine one four", "nine one four"),  # three digits after a name
    ("owen and owen six eight two", "six eight two"),
    ("it's gemma seven five three", "seven five three"),
    ("yes hannah two three four five please", "two three four five"),
    ("sure it's leon four zero nine two", "four zero nine two"),
]

NOT_NAME_THEN_NUMBER = [
    ("call me back at five", "five"),
    ("john two three", "two three"),  # two digits: too short
    ("thanks mark five stars", "five"),
    ("testing one two three four", "one two three four"),  # counting, no name
    ("on my mark one two three go", "one two three"),  # the name does not open the turn
    ("tell anna two minutes", "two"),
    ("kevin twenty five", "twenty five"),  # said whole, not digit by digit
    ("maria at seven thirty", "seven thirty"),
    ("ready steady one two three", "one two three"),
    ("lily turns nine next week", "nine"),
    # a month or a name that is a frequent word opening the turn (review42 L3)
    ("may one two three four", "one two three four"),
    ("it's june one two three", "one two three"),
    ("april two three four", "two three four"),
    ("hope four five six", "four five six"),
    ("will two three four", "two three four"),
    ("ok will four four one", "four four one"),
]


@pytest.mark.parametrize(("text", "value"), NAME_THEN_NUMBER)
def test_a_number_after_a_name_opening_the_turn_is_an_answer(
    default_pipeline: Pipeline, text: str, value: str
) -> None:
    assert _covered(default_pipeline, text, value, "identifiers"), text


@pytest.mark.parametrize(("text", "part"), NOT_NAME_THEN_NUMBER)
def test_other_numbers_after_a_name_stay(default_pipeline: Pipeline, text: str, part: str) -> None:
    assert not _touched(default_pipeline, text, part, "identifiers"), text


DIGITS_THEN_LETTERS = [
    ("farid three nine k t", "three nine k t"),
    ("lucia seven two x f n", "seven two x f n"),
    ("omar eight one c d seven", "eight one c d seven"),  # an acronym's letters with a digit of their own
    ("dara five one m q w", "five one m q w"),
    ("bethany six two j w", "six two j w"),
]

NOT_DIGITS_THEN_LETTERS = [
    ("we sold four k t vs last week", "four"),  # one digit
    ("channel one two b b c", "one two"),  # a listed acronym after two digits
    ("room three one two a c is broken", "three one two"),
    ("flight two four b a", "two four"),
    ("it costs four five u s d", "four five"),
]


@pytest.mark.parametrize(("text", "code"), DIGITS_THEN_LETTERS)
def test_digits_before_spelled_letters_are_one_code(default_pipeline: Pipeline, text: str, code: str) -> None:
    assert _covered(default_pipeline, text, code, "spelled"), text
    labels = {label for _, _, label in _found(default_pipeline, text, "spelled")}
    assert labels == {"ACCOUNT_NUMBER"}, (text, labels)


@pytest.mark.parametrize(("text", "part"), NOT_DIGITS_THEN_LETTERS)
def test_other_digits_before_letters_stay(default_pipeline: Pipeline, text: str, part: str) -> None:
    assert not _touched(default_pipeline, text, part, "spelled"), text


STREET_AFTER_IS_AT = [
    ("the studio is at hartfield retail park penrose way", "hartfield retail park penrose way"),
    ("the sports bar is at denholm business park ashby road", "denholm business park ashby road"),
    ("the bakery is at kingsmere leisure park oakridge way", "kingsmere leisure park oakridge way"),
    ("it's at wexcombe park lindley avenue", "wexcombe park lindley avenue"),
]

NOT_STREET_AFTER_IS_AT = [
    ("the meeting is at noon", "noon"),
    ("she is at work right now", "work"),
    ("the price is at an all time high", "all time high"),
    ("the kids are at the skate park", "skate park"),
    ("the bus is at the end of the road", "end of the road"),
    ("we are at green bay", "green bay"),  # an everyday word before the street type
    ("the shop is at the corner", "corner"),
]


@pytest.mark.parametrize(("text", "street"), STREET_AFTER_IS_AT)
def test_a_street_after_is_at_is_an_address(default_pipeline: Pipeline, text: str, street: str) -> None:
    assert _covered(default_pipeline, text, street, "addresses"), text


@pytest.mark.parametrize(("text", "part"), NOT_STREET_AFTER_IS_AT)
def test_other_places_after_is_at_stay(default_pipeline: Pipeline, text: str, part: str) -> None:
    assert not _touched(default_pipeline, text, part, "addresses"), text


ARTICLE_PLACES = [
    ("sales grew in the united states", "the united states"),
    ("we opened stores across the philippines", "the philippines"),
    ("our plant in the united kingdom", "the united kingdom"),
    ("shipping to the netherlands", "the netherlands"),
]

NOT_ARTICLE_PLACES = [
    ("the weather in the south of france", "the south"),  # the direction's article stays out
    ("flights to the boston office", "the"),  # a place without the article in its name
    ("the states that voted", "the"),
]


@pytest.mark.parametrize(("text", "place"), ARTICLE_PLACES)
def test_a_place_named_with_the_article_keeps_it(default_pipeline: Pipeline, text: str, place: str) -> None:
    start = text.index(place)
    assert (start, start + len(place), "LOCATION") in _found(default_pipeline, text, "places"), text


@pytest.mark.parametrize(("text", "part"), NOT_ARTICLE_PLACES)
def test_other_articles_stay_out_of_places(default_pipeline: Pipeline, text: str, part: str) -> None:
    start = text.index(part)
    assert not any(a <= start < b for a, b, _ in _found(default_pipeline, text, "places")), text


PRODUCT_OR_OWNER_OF_A_RESULT = [
    ("net income attributable to brightel was ten million", "brightel"),
    ("the loss attributable to corvane narrowed", "corvane"),
    ("our flagship app zentro grew users by ten percent", "zentro"),
    ("we relaunched our flagship brand helvio this spring", "helvio"),
    ("users of our news app pinnly doubled", "pinnly"),
]

NOT_PRODUCT_OR_OWNER_OF_A_RESULT = [
    ("the decline is attributable to weather", "weather"),
    ("growth attributable to higher volumes", "higher volumes"),
    ("the loss attributable to the pandemic", "pandemic"),
    ("our flagship app grew users", "grew"),
    ("the news app called me twice", "called"),
    ("our app store rating improved", "store"),
]


@pytest.mark.parametrize(("text", "name"), PRODUCT_OR_OWNER_OF_A_RESULT)
def test_a_company_after_attributable_to_or_a_product_word(
    default_pipeline: Pipeline, text: str, name: str
) -> None:
    assert _covered(default_pipeline, text, name, "organizations"), text


@pytest.mark.parametrize(("text", "part"), NOT_PRODUCT_OR_OWNER_OF_A_RESULT)
def test_everyday_words_after_those_cues_stay(default_pipeline: Pipeline, text: str, part: str) -> None:
    assert not _touched(default_pipeline, text, part, "organizations"), text
