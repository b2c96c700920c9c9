"""A spoken IBAN is an IBAN however its digits were grouped when said.

"twenty three" is "23" or "20 3", "five hundred twelve" "512" or "500 12", a lone "seventy" is "70",
a spelled "oh" a zero: where the normalizer's reading fails an IBAN's length or checksum, the other
readings of the same words are tried (``redactkit.detect._readings``) and the one the country's
length, layout and mod-97 checksum accept wins. A reading leaves the normalizer's at one step at
most: every reading tried is a 1-in-97 chance for an account number to pass. A group said again
after a correction or a restart counts once. A code no reading makes an IBAN stays an account
number. All codes are made up.
"""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from stdnum import iban as stdnum_iban

from redactkit import Pipeline
from redactkit.detect._readings import Item, greedy_readings, iban_length, iban_readings, lattice
from redactkit.lang import load_locale

pytestmark = pytest.mark.slow

ONES = "zero one two three four five six seven eight nine".split()
TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty", 9: "ninety"}

# (country, how many bank letters open the account part, how many digits follow): the generator's
# countries and a few more whose account part is letters then digits (python-stdnum's registry)
COUNTRIES = [
    ("GB", 4, 14),
    ("DE", 0, 18),
    ("FR", 0, 23),
    ("IE", 4, 14),
    ("NL", 4, 10),
    ("ES", 0, 20),
    ("BE", 0, 12),
    ("AT", 0, 16),
    ("CH", 0, 17),
    ("PL", 0, 24),
]


def _iban(country: str, bban: str) -> str:
    return country + stdnum_iban.calc_check_digits(country + "00" + bban) + bban


def _pair(pair: str) -> str:
    """Two digits as one number: "23" twenty three, "20" twenty, "05" oh five, "14" fourteen."""
    tens, ones = int(pair[0]), int(pair[1])
    if tens == 0:
        return f"oh {ONES[ones]}"
    if tens == 1:
        return TEENS[ones]
    return TENS[tens] if ones == 0 else f"{TENS[tens]} {ONES[ones]}"


def _say_group(group: str, style: str) -> str:
    if style == "pairs" and len(group) % 2 == 0:
        return " ".join(_pair(group[i : i + 2]) for i in range(0, len(group), 2))
    if style == "hundred" and len(group) == 3 and group[0] != "0" and group[1:] == "00":
        return f"{ONES[int(group[0])]} hundred"
    return " ".join(ONES[int(digit)] for digit in group)


def _said(code: str, groups: list[int], styles: list[str]) -> tuple[str, int]:
    """``code`` said: its letters one by one, its digits in groups of the given sizes and styles;
    with how many joints between two groups the normalizer reads as one number ("twenty" then
    "seven": "27", meant "20 7"; "five hundred" then "twelve": "512", meant "500 12")."""
    said: list[list[str]] = []
    digits = ""

    def flush() -> None:
        nonlocal digits
        k = 0
        while digits:
            size = groups[k % len(groups)]
            said.append(_say_group(digits[:size], styles[k % len(styles)]).split())
            digits = digits[size:]
            k += 1

    for char in code.lower():
        if char.isdigit():
            digits += char
        else:
            flush()
            said.append([char])
    flush()
    below_hundred = set(ONES[1:]) | set(TEENS) | set(TENS.values())
    joints = sum(
        1
        for left, right in itertools.pairwise(said)
        if (left[-1] in TENS.values() and right[0] in ONES[1:])
        or (left[-1] == "hundred" and right[0] in below_hundred)
    )
    return " ".join(word for group in said for word in group), joints


def _say(code: str, groups: list[int], styles: list[str]) -> str:
    return _said(code, groups, styles)[0]


def _labels(pipeline: Pipeline, text: str) -> list[str]:
    return [entity.label for entity in pipeline.analyze(text)]


def _with_check(country: str, bban: str, wanted: str) -> str:
    """An IBAN of ``country`` whose account part is ``bban`` with its last two digits changed until
    the check digits match ``wanted`` (a regex): a case that needs "70" or "47" for its check digits."""
    for last in range(100):
        code = _iban(country, f"{bban[:-2]}{last:02d}")
        if re.fullmatch(wanted, code[2:4]):
            return code
    raise AssertionError(wanted)


# (IBAN, digit group sizes, their styles): the normalizer's own reading of each fails
GROUPINGS = [
    # check digits "X0" said as a lone tens word ("seventy") before the bank letters
    (_with_check("IE", "RXRM90558008470669", "[2-9]0"), [2, 4], ["pairs", "digits"]),
    # a tens word said alone before a digit said alone: "sixty seven twenty | seven four ..." is "20 7"
    (
        _with_check("DE", "672074033061767392", "[0-9]{2}"),
        [2, 2, 2, 1, 4],
        ["pairs", "pairs", "pairs", "digits"],
    ),
    # check digits "40" then the account part digit by digit: "forty seven nine five ..."
    (_with_check("FR", "79539026810616941743215", "40"), [2, 23], ["pairs", "digits"]),
    # "five hundred" then "twelve": "500 12", not "512"
    (
        _with_check("DE", "500123456789123456", "[0-9]{2}"),
        [2, 3, 2, 13],
        ["digits", "hundred", "pairs", "digits"],
    ),
    # check digits said as a lone teen ("nineteen") before the bank letters
    (_with_check("NL", "UANO5019387807", "1[0-9]"), [2, 10], ["pairs", "digits"]),
]


@pytest.mark.parametrize(("code", "groups", "styles"), GROUPINGS)
@pytest.mark.parametrize("template", ["send it to {} please", "my account number is {}", "the iban is {}"])
def test_a_tens_word_before_a_digit_word_is_read_both_ways(
    default_pipeline: Pipeline, code: str, groups: list[int], styles: list[str], template: str
) -> None:
    said = _say(code, groups, styles)
    text = template.format(said)
    entities = default_pipeline.analyze(text)
    assert [entity.label for entity in entities] == ["IBAN_CODE"], text
    start = text.index(said)
    assert entities[0].start <= start and entities[0].end >= start + len(said), text


@pytest.mark.parametrize(
    "said",
    [
        # a group corrected: "nine eight zero one, i mean nine eight zero zero"
        "g b {check} a j k b nine eight zero one i mean nine eight zero zero three one eight two two seven "
        "two eight one four",
        # the start said again after a filler
        "n l {check} uhm n l {check} r w e a five two three two nine six two eight seven seven",
    ],
)
def test_a_group_said_again_counts_once(default_pipeline: Pipeline, said: str) -> None:
    bban = {"g": "AJKB98003182272814", "n": "RWEA5232962877"}[said[0]]
    code = _iban(said[0:3:2].upper(), bban)
    text = "send it to " + said.format(check=" ".join(ONES[int(d)] for d in code[2:4]))
    assert _labels(default_pipeline, text) == ["IBAN_CODE"], text


@pytest.mark.parametrize(
    "text",
    [
        # a digit wrong: no reading passes
        "send it to d e four four sixty seven twenty seven four oh three three zero six one seven six seven "
        "three nine three please",
        # an account number with no country code
        "my account number is sixty seven twenty seven four oh three three zero six one",
    ],
)
def test_no_reading_passes_it_stays_an_account_number(default_pipeline: Pipeline, text: str) -> None:
    code = _iban("DE", "672074033061767392")
    assert code[2:4] != "44"
    assert _labels(default_pipeline, text) == ["ACCOUNT_NUMBER"], text


def test_the_lattice_reads_each_joint_both_ways() -> None:
    lexicon = load_locale("en-US").lexicon
    items = [Item(word, False) for word in "twenty three five hundred twelve".split()]
    edges = lattice(items, lexicon)
    assert sorted(edges[0]) == [(1, "20"), (2, "23")]
    assert sorted(edges[2]) == [(3, "5"), (4, "500"), (5, "512")]
    assert list(greedy_readings(edges, {5})) == [("23512", 5)]
    # a written "o" may be a zero, a written "0" the letter
    chars = lattice([Item("o", True), Item("0", True)], lexicon)
    assert sorted(chars[0]) == [(1, "0"), (1, "o")] and sorted(chars[1]) == [(2, "0"), (2, "o")]


def test_the_search_finds_the_checksum_reading() -> None:
    lexicon = load_locale("en-US").lexicon
    code = _iban("DE", "672074033061767392")
    words = _say(code, [2, 1, 4], ["pairs", "digits", "pairs"]).split()
    items = [Item(word, len(word) == 1 and word.isalpha()) for word in words]
    edges = lattice(items, lexicon)
    readings = [reading for reading, _ in iban_readings(edges, {len(items)}, departures=3)]
    assert code.lower() in readings
    # the normalizer's own reading ("forty three", not "40 3") is no IBAN
    assert code.lower() not in [reading for reading, _ in iban_readings(edges, {len(items)}, departures=0)]
    assert iban_length("de") == 22 and iban_length("fr") == 27 and iban_length("xx") is None


def test_an_iban_whose_body_reads_as_a_list_of_numbers_is_an_iban(default_pipeline: Pipeline) -> None:
    # "ten ten ten ten twenty three" after the bank letters reads as numbers said whole one after
    # another (a list to the other rules), and "b b b b" with "fifty five" as a unit and a house
    # number: with the country letters before them the words are a whole IBAN (a random example of
    # the property below, stop 37)
    code = _iban("NL", "BBBB1010101023")
    said = f"n l {_pair(code[2:4])} b b b b ten ten ten ten twenty three"
    text = f"please send it to {said} thanks"
    entities = default_pipeline.analyze(text)
    assert [entity.label for entity in entities] == ["IBAN_CODE"], text
    assert entities[0].start <= text.index(said) and entities[0].end >= text.index(said) + len(said)


_STYLES = st.sampled_from(["pairs", "digits", "hundred"])


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(
    country=st.sampled_from(COUNTRIES),
    data=st.data(),
    groups=st.lists(st.integers(1, 4), min_size=1, max_size=6),
    styles=st.lists(_STYLES, min_size=1, max_size=6),
)
def test_any_valid_iban_spoken_in_groups_is_an_iban(
    default_pipeline: Pipeline,
    country: tuple[str, int, int],
    data: st.DataObject,
    groups: list[int],
    styles: list[str],
) -> None:
    code, letters, digits = country
    bank = data.draw(st.text("bcdfghjkmnpqrstvwxz", min_size=letters, max_size=letters))
    body = data.draw(st.text("0123456789", min_size=digits, max_size=digits))
    # a body of one number said over and over ("ten ten ten ten ten") is a list to other rules
    assume(len(set(body)) >= 4)
    value = _iban(code, bank.upper() + body)
    said, joints = _said(value, groups, styles)
    # one joint read the other way at most (see the module docs): two are left to chance
    assume(joints <= 1)
    text = f"please send it to {said} thanks"
    entities = default_pipeline.analyze(text)
    assert [entity.label for entity in entities] == ["IBAN_CODE"], text
    start = text.index(said)
    assert entities[0].start <= start and entities[0].end >= start + len(said), text


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(
    pairs=st.lists(st.tuples(st.integers(2, 9), st.integers(1, 9)), min_size=7, max_size=9),
    cue=st.sampled_from(["my account number is", "send it to", "the reference is"]),
)
def test_an_account_number_of_tens_and_digits_is_no_iban_by_rereading(
    default_pipeline: Pipeline, pairs: list[tuple[int, int]], cue: str
) -> None:
    # "d e twenty one thirty two ..." of seven to nine pairs: two to six digits short of a German
    # IBAN. Read with one pair split ("20 1") it is one digit longer; a search free to split any
    # number of pairs would find a reading of the right length that passes mod 97 by chance (1 in 97
    # per reading) in about a third of such numbers. One step off the normalizer's reading cannot
    # reach the length: the number stays an account number.
    said = " ".join(f"{TENS[tens]} {ONES[ones]}" for tens, ones in pairs)
    text = f"{cue} d e {said}"
    assert "IBAN_CODE" not in _labels(default_pipeline, text), text
