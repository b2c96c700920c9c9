"""A bank code dictated after "send it to" is no street address.

Before commit b744935 the `addresses` detector read the first number of a spoken IBAN after "send
it to" as a house number and the whole code as a street address: on the generated benchmark set
(seed 11) 31 IBANs came out ADDRESS, which is why ADDRESS predictions fell from 115 to 84 and
ACCOUNT_NUMBER rose from 144 to 175 once it stopped (every gold ADDRESS kept its label). The code
is still redacted whole, by the detectors that read codes; a real address after the same cue
stays an ADDRESS.
"""

from __future__ import annotations

import pytest

from redactkit import Pipeline

# invented IBAN-shaped codes said the way the generator says them (country letters, digits in pairs
# and singles, "oh", "double"); each came out ADDRESS before b744935
CODES = [
    "send it to d e seven two four one five three sixty four twenty one oh eight fifty two oh three nine",
    "send it to f r three one five two oh six forty one oh seven two six eighteen five nine four two",
    "send it to g b forty one w x y z five two oh three eleven six nine seven double four eight one",
    "send it to e s sixty two nine one oh five four three eight seven two six one nine four double zero one",
    "send it to n l fifty three k q r b one two three four seventy six ninety one oh two",
]
ADDRESSES = [
    ("send it to forty two maple avenue springfield", "forty two maple avenue springfield"),
    ("send it to twelve oak street please", "twelve oak street"),
]


@pytest.mark.slow
@pytest.mark.parametrize("text", CODES)
def test_a_spoken_bank_code_after_send_it_to_is_redacted_whole_and_no_address(
    default_pipeline: Pipeline, text: str
) -> None:
    code_start = text.index(" to ") + len(" to ")
    entities = default_pipeline.analyze(text)
    assert [e.label for e in entities if e.label == "ADDRESS"] == []
    covering = [e for e in entities if e.start <= code_start and e.end >= len(text)]
    assert covering, [(text[e.start : e.end], e.label) for e in entities]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "address"), ADDRESSES)
def test_a_street_address_after_send_it_to_stays_an_address(
    default_pipeline: Pipeline, text: str, address: str
) -> None:
    found = [(text[e.start : e.end], e.label) for e in default_pipeline.analyze(text)]
    assert (address, "ADDRESS") in found
