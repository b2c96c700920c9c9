"""Numbers in talk about money, results and years are no account numbers; spoken IBANs are IBANs.

An account number needs a cue or a dictation shape: a number said in groups near "percent",
"revenue", "prices" (``amount_words``), a year said as a year after "in", "since" or a month
(``year_before``), a sum said with "thousand" before "on the card", a range, an error code, a unit
after a cue ("two forty eight inch"), a link that "expires after twenty four hours" and a "password
reset link" are none. A short spelled code with no cue ("d s one") is still redacted, as spelled
letters, not as an account number. A code that is a whole IBAN (country code, check digits, mod-97
checksum) is an IBAN_CODE, by cue or by shape; one digit off, it stays an ACCOUNT_NUMBER. The
length is the country's own (22 characters for DE and GB, 27 for FR): a code of another length with
a valid checksum is no IBAN, and keeps the label it would have had without the IBAN check.
All sentences are made up.
"""

from __future__ import annotations

import random

import pytest
from stdnum import iban as stdnum_iban

from redactkit import Pipeline
from redactkit.detect.identifiers import IdentifierDetector, spoken_iban
from redactkit.synth import generate

pytestmark = pytest.mark.slow

_NUMBER_LABELS = {"ACCOUNT_NUMBER", "PIN", "USERNAME", "CREDIT_CARD", "CREDIT_CARD_META", "PHONE_NUMBER"}

NOT_VALUES = [
    "our margins held and prices sat around four sixty and eight four sixty for the season",
    "guidance puts growth at six about eight twenty twenty two levels",
    "we see a three five to three six range for the full year",
    "the utility filed its rate case in late twenty twenty two",
    "she has been a loyal member since twenty eighteen",
    "the claim was settled in march twenty twenty",
    "i still owe around three thousand five hundred on the card",
    "the app shows error code seven hundred when i sign in",
    "the password reset email never came",
    "the verification link expires after forty eight hours",
    "my order had two thirty two inch monitors in it",
    "the charge came to two nineteen forty nine last week",
    "revenue was up nine percent on a twenty percent card fee increase",
    "the app threw error five oh three on the login screen",
]

VALUES = [
    ("my account is four fifty two sixty one", "ACCOUNT_NUMBER"),
    ("my member id is twenty twenty two", "ACCOUNT_NUMBER"),
    ("my account number is two two three five nine eight seven", "ACCOUNT_NUMBER"),
    # digit by digit keeps its shape in money talk: the caller reads a number out
    (
        "about the refund of ten percent my number is four one five five five five two nine one eight",
        "PHONE_NUMBER",
    ),
    ("my password is reset four four", "PIN"),
    ("the card expires oh four twenty seven", "CREDIT_CARD_META"),
    ("it was k w one two three", "ACCOUNT_NUMBER"),
    # a short spelled run with more of the code said before it is part of a code
    ("two seven k m four one", "ACCOUNT_NUMBER"),
    ("it expires april twenty twenty seven", "CREDIT_CARD_META"),
    ("born in nineteen eighty four", "DATE_OF_BIRTH"),
]

SHORT_CODES = [
    "we run it on the d s one platform",
    "our tier one c e t one ratio improved",
]


@pytest.mark.parametrize("text", NOT_VALUES)
def test_numbers_in_money_and_year_talk_are_no_values(default_pipeline: Pipeline, text: str) -> None:
    found = [
        (text[e.start : e.end], e.label) for e in default_pipeline.analyze(text) if e.label in _NUMBER_LABELS
    ]
    assert found == []


@pytest.mark.parametrize(("text", "label"), VALUES)
def test_values_with_a_cue_or_a_dictation_shape_stay(
    default_pipeline: Pipeline, text: str, label: str
) -> None:
    assert label in {e.label for e in default_pipeline.analyze(text)}, text


@pytest.mark.parametrize("text", SHORT_CODES)
def test_a_short_spelled_code_is_redacted_as_letters(default_pipeline: Pipeline, text: str) -> None:
    labels = {e.label for e in default_pipeline.analyze(text)}
    assert "ACCOUNT_NUMBER" not in labels
    assert "SPELLED" in labels


_DIGITS = "zero one two three four five six seven eight nine".split()


def _say(code: str) -> str:
    return " ".join(_DIGITS[int(char)] if char.isdigit() else char.lower() for char in code)


def _iban(country: str, bban: str) -> str:
    return country + stdnum_iban.calc_check_digits(country + "00" + bban) + bban


def _off_by_one(code: str) -> str:
    last = code[-1]
    return code[:-1] + str((int(last) + 1) % 10)


INVENTED = [
    _iban("GB", "QWER40516273849501"),
    _iban("DE", "370400440532013999"),
    _iban("NL", "ABNA0417164309"),
]


@pytest.mark.parametrize("code", INVENTED)
def test_a_spoken_iban_is_an_iban(default_pipeline: Pipeline, code: str) -> None:
    for text in (f"send it to {_say(code)} please", f"my account number is {_say(code)}"):
        labels = [e.label for e in default_pipeline.analyze(text)]
        assert labels == ["IBAN_CODE"], (text, labels)


def test_an_iban_said_with_its_check_digits_whole_is_an_iban(default_pipeline: Pipeline) -> None:
    code = _iban("ES", "21000418450200051333")
    assert code[2:4] == "64"
    # "sixty four" said whole, the country letters apart from the digits
    text = f"please send it to e s sixty four {_say(code[4:])} thanks"
    assert [e.label for e in default_pipeline.analyze(text)] == ["IBAN_CODE"], text


@pytest.mark.parametrize("code", INVENTED)
def test_a_code_with_a_wrong_checksum_stays_an_account_number(default_pipeline: Pipeline, code: str) -> None:
    text = f"send it to {_say(_off_by_one(code))} please"
    labels = [e.label for e in default_pipeline.analyze(text)]
    assert labels == ["ACCOUNT_NUMBER"], labels


def test_without_the_iban_label_the_code_stays_an_account_number(default_pipeline: Pipeline) -> None:
    labels = tuple(label for label in IdentifierDetector().labels if label != "IBAN_CODE")
    detector = IdentifierDetector(labels=labels)
    aligned = default_pipeline.normalize_batch([f"send it to {_say(INVENTED[0])} please"])
    assert [e.label for e in detector.detect_batch(aligned)[0]] == ["ACCOUNT_NUMBER"]


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("GB82 WEST 1234 5698 7654 32", True),
        ("gb82west12345698765432", True),
        ("GB83 WEST 1234 5698 7654 32", False),  # check digits off
        ("XX82 WEST 1234 5698 7654 32", False),  # no IBAN country
        ("GB82 WEST", False),  # cut short
        ("4111111111111111", False),
    ],
)
def test_spoken_iban(value: str, valid: bool) -> None:
    assert spoken_iban(value) is valid


# (country, account part): a checksum-valid code of each country's own length, and the same codes
# two digits short or long (the lengths the generator gave DE, FR, IE, NL and ES before)
RIGHT_LENGTH = [
    ("DE", "370400440532013000"),  # 22 characters
    ("GB", "LOYD30964712345678"),  # 22
    ("FR", "20041010050500013000306"),  # 27
    ("IE", "BOFI90001712345678"),  # 22
    ("ES", "21000418450200051332"),  # 24
]
WRONG_LENGTH = [
    ("DE", "3704004405320130"),  # 20: two digits short
    ("FR", "2004101005050001"),  # 20
    ("IE", "BOFI9000171234567890"),  # 24: two digits long
    ("NL", "ABNA041716430955"),  # 22
    ("GB", "LOYD309647123456"),  # 20
]


@pytest.mark.parametrize(("country", "bban"), RIGHT_LENGTH)
def test_an_iban_of_its_countrys_length_is_an_iban(
    default_pipeline: Pipeline, country: str, bban: str
) -> None:
    code = _iban(country, bban)
    assert spoken_iban(code)
    text = f"send it to {_say(code)} please"
    assert [e.label for e in default_pipeline.analyze(text)] == ["IBAN_CODE"], text


@pytest.mark.parametrize(("country", "bban"), RIGHT_LENGTH)
def test_an_iban_said_with_fillers_or_written_in_groups_is_an_iban(
    default_pipeline: Pipeline, country: str, bban: str
) -> None:
    # the length check counts the code's own letters and digits: fillers between the groups and the
    # spaces of the written groups of four are no part of it
    code = _iban(country, bban)
    words = _say(code).split()
    groups = [" ".join(words[i : i + 4]) for i in range(0, len(words), 4)]
    fillers = ["uh", "um", "er", "hmm"]
    spoken = " ".join(f"{group} {fillers[i % 4]}" for i, group in enumerate(groups[:-1])) + f" {groups[-1]}"
    written = " ".join(code[i : i + 4] for i in range(0, len(code), 4))
    for text in (f"send it to {spoken} please", f"my iban is {written} thanks"):
        assert [e.label for e in default_pipeline.analyze(text)] == ["IBAN_CODE"], text


@pytest.mark.parametrize(("country", "bban"), WRONG_LENGTH)
def test_a_checksum_valid_code_of_another_length_is_no_iban(
    default_pipeline: Pipeline, country: str, bban: str
) -> None:
    code = _iban(country, bban)
    assert stdnum_iban.calc_check_digits(code) == code[2:4]  # the checksum alone would pass
    assert not spoken_iban(code)
    without_iban = IdentifierDetector(
        labels=tuple(x for x in IdentifierDetector().labels if x != "IBAN_CODE")
    )
    for text in (f"send it to {_say(code)} please", f"my account number is {_say(code)}"):
        labels = [e.label for e in default_pipeline.analyze(text)]
        assert "IBAN_CODE" not in labels, (text, labels)
        # the label the account rule gives the code when no IBAN is looked for, or none
        before = [e.label for e in without_iban.detect_batch(default_pipeline.normalize_batch([text]))[0]]
        assert labels == before, (text, labels, before)


def test_an_address_that_reads_as_a_short_checksum_valid_code_stays_an_address(
    default_pipeline: Pipeline,
) -> None:
    # "no 47 ... tx 10005" written out is "no47palmgrovetowntx10005": "no" is Norway's code and the
    # zip makes the mod-97 checksum pass, but a Norwegian IBAN has 15 characters, not 24
    code = "NO47PALMGROVETOWNTX10005"
    assert stdnum_iban.calc_check_digits(code) == "47"
    assert not spoken_iban(code)
    text = "no forty seven palm grove town tx one zero zero zero five"
    assert [e.label for e in default_pipeline.analyze(text)] == ["ADDRESS"], text


def test_generated_ibans_have_valid_check_digits() -> None:
    seed = random.Random(5).randrange(1000)
    records = generate(60, seed=seed, labels=["IBAN_CODE"], negatives_share=0.0, written_share=1.0)
    values = [record.text[span.start : span.end] for record in records for span in record.spans]
    assert values
    for value in values:
        compact = "".join(char for char in value if char.isalnum()).upper()
        assert stdnum_iban.calc_check_digits(compact) == compact[2:4], value
        assert stdnum_iban.is_valid(compact, check_country=False), value  # the country's length too
        assert spoken_iban(value), value


@pytest.mark.parametrize(
    ("text", "minor"),
    [
        ("i finished high school in twenty ten", False),
        ("i went to middle school with her", False),
        ("when i was in third grade we moved", False),
        ("i'm a high school senior", True),
        ("i'm in eighth grade", True),
    ],
)
def test_a_school_in_the_speakers_past_is_no_minor(
    default_pipeline: Pipeline, text: str, minor: bool
) -> None:
    assert ("MINOR" in {e.label for e in default_pipeline.analyze(text)}) is minor


def test_a_handle_named_before_a_site_stays_a_username(default_pipeline: Pipeline) -> None:
    for text in ("it's j smith nine on instagram", "add me j smith nine on my instagram"):
        assert "USERNAME" in {e.label for e in default_pipeline.analyze(text)}, text
