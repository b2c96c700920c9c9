"""Ages, e-mails, URLs and employers said the ways the team's sets did not have (session 43, hweak):
an age with the person's sex after it ("twenty seven f here"), the years since a birth year said before
("born in ninety two so thirty four"), an age question with more words before its answer ("your age for
me yes it's fifty"), an insurer after "insured through".

Case tables: positives and negatives side by side. Every sentence is made up for the test.
"""

from __future__ import annotations

import pytest

from redactkit.core import AlignedText
from redactkit.detect.contextual import CONTEXTUAL_LABELS, ContextualDetector

DETECTOR = ContextualDetector(
    labels=tuple(label for label in CONTEXTUAL_LABELS if label != "MINOR"), reference_year=2026
)


def _of(text: str, label: str) -> list[str]:
    return [text[e.start : e.end] for e in DETECTOR.detect(AlignedText.identity(text)) if e.label == label]


# ages.spoken_sex_words / spoken_sex_age_openers / spoken_sex_age_then: a personal ad's or an intake's
# "<age> f" / "<age> m", where the text opens or after a greeting
SEX_AGE_CASES = [
    ("twenty seven f here love hiking", ["twenty seven"]),
    ("hi there twenty seven f here", ["twenty seven"]),
    ("thirty one m looking for friends", ["thirty one"]),
    ("hey thirty one m single dad", ["thirty one"]),
    ("patient forty m with chest pain", ["forty"]),
    ("sixty two female, presenting with a cough", ["sixty two"]),
    ("twenty seven f", ["twenty seven"]),
    ("patient seventy male alert and oriented", ["seventy"]),
    ("pt sixty two female no known allergies", ["sixty two"]),
    # a seat, a row, a size, a length, a score; a greeting inside the text
    ("gate twenty seven f", []),
    ("row twelve f is mine", []),
    ("twelve f is my seat", []),
    ("size ten m shoes", []),
    ("we need twenty m of cable", []),
    ("the score was twenty seven f", []),
    ("say hi twenty seven m", []),
    # review43 L5: a filler opening is no greeting (directions, weather)
    ("so fifty m, then turn left", []),
    ("ok seventy f here and sunny", []),
    ("flat twelve f please", []),
    ("sixty male and female volunteers", []),
    ("patient forty m ward three", []),
    ("forty female in the control group", []),
    ("twenty m from the fence", []),
]


@pytest.mark.parametrize(("text", "ages"), SEX_AGE_CASES)
def test_an_age_said_with_the_persons_sex(text: str, ages: list[str]) -> None:
    assert _of(text, "AGE") == ages


# ages.birth_year_cues / birth_year_links / birth_year_window: a number after a birth year that is the
# years since it (reference year 2026: this year's birthday or not yet)
BIRTH_YEAR_CASES = [
    ("born in ninety two so thirty four", ["thirty four"]),
    ("born in ninety two so thirty three", ["thirty three"]),
    ("i was born in nineteen eighty so i'm forty six", ["forty six"]),
    ("born in two thousand one so twenty five", ["twenty five"]),
    ("she was born in seventy so she's fifty six", ["fifty six"]),
    ("i was born back in eighty one which makes me forty five", ["forty five"]),
    ("Born in '92, so 34.", ["34"]),
    ("born in 1992 so I'm 34", ["34"]),
    # another number, a count, no birth year
    ("born in ninety two so twenty years later i moved", []),
    ("born in eighty eight and thirty eight of us came", []),
    ("born in ninety two so fifty people came", []),
    ("the cat was in ninety two so thirty four", []),
    ("Born in '92, so 12 of us came.", []),
]


@pytest.mark.parametrize(("text", "ages"), BIRTH_YEAR_CASES)
def test_the_years_since_a_birth_year(text: str, ages: list[str]) -> None:
    assert _of(text, "AGE") == ages


# ages.question_frame: the rest of an age question ("for me", "again", "real quick") before the answer
QUESTION_CASES = [
    ("can you confirm your age for me yes it's fifty", ["fifty"]),
    ("your age again sir sixty two", ["sixty two"]),
    ("and her age real quick um nine", ["nine"]),
    ("your age for the record please forty one", ["forty one"]),
    # no answer, or a count after other words
    ("your age for me and your zip code", []),
    ("can you confirm your age for me i have two kids", []),
    ("your age again doesn't matter two more questions", []),
]


@pytest.mark.parametrize(("text", "ages"), QUESTION_CASES)
def test_an_age_question_with_more_words_before_the_answer(text: str, ages: list[str]) -> None:
    assert _of(text, "AGE") == ages


# organizations.cues: who insures the caller ("insured through", "covered through")
INSURER_CASES = [
    ("we're insured through harbor crest mutual", ["harbor crest mutual"]),
    ("our benefits are through quillon group", ["quillon group"]),
    ("we're insured through work", []),
    ("i'm covered through my husband", []),
    ("everything is covered through the end of the month", []),
    # review43 M2: a coverage's end is a time
    ("i'm covered through december", []),
    ("we're covered through march", []),
    ("i'm insured through december", []),
    ("insured through friday", []),
    # review43 M5: a month or weekday is no name alone, but can start one
    ("i'm insured through june health", ["june health"]),
]

# review43 M5: an employer whose name starts with a month or a weekday (contextual output only)
MONTH_NAMED_EMPLOYERS = [
    ("i work at june health", ["june health"]),
    ("i work for august health partners", ["august health partners"]),
    ("i work at april fools media", ["april fools media"]),
    ("i work at sunday river resort", ["sunday river resort"]),
    ("i work on sunday", []),
    ("i work at night in june", []),
]


@pytest.mark.parametrize(("text", "orgs"), MONTH_NAMED_EMPLOYERS)
def test_a_month_or_weekday_starts_an_employer_name(text: str, orgs: list[str]) -> None:
    assert _of(text, "ORGANIZATION") == orgs


@pytest.mark.parametrize(("text", "orgs"), INSURER_CASES)
def test_an_insurer_after_insured_through(text: str, orgs: list[str]) -> None:
    assert _of(text, "ORGANIZATION") == orgs


# organizations.cues / weak_cues / roles: who pays the speaker, a form's school read out, the computer
# person of a workplace
WORKPLACE_CASES = [
    ("i just got hired on at redstone", ["redstone"]),
    ("i get paid by redstone", ["redstone"]),
    ("my paycheck comes from redstone", ["redstone"]),
    ("previous school was lincoln middle", ["lincoln middle"]),
    ("school attended westbrook high", ["westbrook high"]),
    ("i'm the it guy at harbor mills", ["harbor mills"]),
    ("they hired me at cedar ridge auto", ["cedar ridge auto"]),
    ("we get our loans from stillwater savings", ["stillwater savings"]),
    ("i got hired on at the last minute", []),
    ("i get paid by the hour", []),
    ("i get paid by check", []),
    ("we get paid by direct deposit", []),
    ("my paycheck comes from two jobs", []),
    ("my last school was awful", []),
    ("the school was closed", []),
    ("previous school was in ohio", []),
    ("i'm the it guy at home too", []),
    ("they hired me at the last minute", []),
    ("they hired us at night", []),
    ("we get our loans from my parents", []),
    ("student loans from the government", []),
    ("loans from denver", []),
]


@pytest.mark.parametrize(("text", "orgs"), WORKPLACE_CASES)
def test_who_pays_a_forms_school_and_the_it_guy(text: str, orgs: list[str]) -> None:
    assert _of(text, "ORGANIZATION") == orgs


# a written domain's sentence period: a period no word is written onto ends the sentence, not the domain
WRITTEN_CASES = [
    ("It's www.harborlights.co.uk.", "URL", ["www.harborlights.co.uk"]),
    ("see harborlights.com.au.", "URL", ["harborlights.com.au"]),
    ("go to www.harborlights.co.uk", "URL", ["www.harborlights.co.uk"]),
    ("email dana@harbor.co.uk.", "EMAIL_ADDRESS", ["dana@harbor.co.uk"]),
    ("We sold the feedstocks.we bought more.", "URL", []),
    ("I like it.so does she.", "URL", []),
]


@pytest.mark.parametrize(("text", "label", "values"), WRITTEN_CASES)
def test_a_written_domain_before_the_sentence_period(text: str, label: str, values: list[str]) -> None:
    assert _of(text, label) == values


# ages.heard_digit_halves: a digit heard as a function word before "and a half" where the age ends
HALF_CASES = [
    ("my daughter is for and a half", ["for and a half"]),
    ("she's to and a half", ["to and a half"]),
    ("my son is for and a half years old", ["for and a half years old"]),
    ("i waited for and a half hours", []),
    ("we went to and a half", []),
    ("she's gone for and a half", []),
]


@pytest.mark.parametrize(("text", "ages"), HALF_CASES)
def test_a_digit_heard_as_a_word_before_a_half(text: str, ages: list[str]) -> None:
    assert _of(text, "AGE") == ages
