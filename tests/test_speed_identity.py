"""Speed changes that must not change an answer: each faster path against the slower one it replaced."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from redactkit import _yaml
from redactkit.detect.contextual import ContextualDetector, _HeardWords
from redactkit.gazetteers import family_names, given_names, is_everyday_word
from redactkit.lang.fuzzy import within_edits


def _shipped_yaml() -> list[Path]:
    root = Path(str(resources.files("redactkit")))
    return sorted(path for path in root.rglob("*.y*ml") if path.suffix in (".yaml", ".yml"))


def test_the_package_ships_yaml_files() -> None:
    names = {path.name for path in _shipped_yaml()}
    assert {"default.yaml", "labels.yaml", "context.yaml", "names.yaml", "families.yaml"} <= names


@pytest.mark.parametrize("path", _shipped_yaml(), ids=lambda path: f"{path.parent.name}/{path.name}")
def test_every_shipped_yaml_file_reads_the_same_with_libyaml(path: Path) -> None:
    """The loader of shipped files gives the very objects PyYAML's own parser gives: same keys in the
    same order, same types (a bare yes, 012 or 1e3 read alike), same values."""
    text = path.read_text(encoding="utf-8")
    expected = yaml.safe_load(text)
    found = _yaml.load_shipped(text)
    assert found == expected
    assert repr(found) == repr(expected)  # (order of keys and types too: True vs 1, 1.0 vs 1)


def test_libyaml_reads_the_shipped_files_where_pyyaml_has_it() -> None:
    expected = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
    assert _yaml._LOADER is expected


@pytest.mark.parametrize(
    ("text", "document"),
    [
        ("on: yes\nno: off\n", {True: True, False: False}),
        ("a: 012\nb: 1e3\nc: 1.0e+3\nd: 0x1f\n", {"a": 10, "b": "1e3", "c": 1000.0, "d": 31}),
        ("- ~\n- ''\n- 'it''s'\n- café\n", [None, "", "it's", "café"]),
        ("", None),
    ],
)
def test_yaml_edge_cases_read_alike(text: str, document: object) -> None:
    assert _yaml.load_shipped(text) == yaml.safe_load(text) == document


def _scanned(heard: _HeardWords, word: str) -> str:
    """The look-up as it was: every listed word compared with ``word``."""
    if is_everyday_word(word) or word in given_names() or word in family_names():
        return ""
    near = [
        known for known in heard.listed if abs(len(known) - len(word)) <= 1 and within_edits(word, known, 1)
    ]
    return near[0] if len(near) == 1 else ""


@pytest.fixture(scope="module")
def heard_tables() -> list[_HeardWords]:
    detector = ContextualDetector()
    return [detector._heard_relation_words, detector._heard_date_words, detector._heard_number_words]


@pytest.mark.parametrize(
    ("table", "word", "listed"),
    [
        (0, "daughtr", "daughter"),
        (0, "nephaw", "nephew"),
        (0, "mothr", "mother"),
        (0, "grandsonn", ""),  # one edit from "grandson" and from "grandsons": neither
        (1, "septmber", "september"),
        (1, "nineeen", "nineteen"),
        (1, "birhday", "birthday"),
        (2, "twulve", "twelve"),
        (2, "twelfe", "twelve"),
        (2, "twelve", ""),  # (an everyday word: callers read a listed word as itself first)
        (2, "qwerty", ""),
        (0, "daughters", ""),  # an everyday word is no garbled one
        (1, "x", ""),
    ],
)
def test_garbled_words_read_as_the_listed_word(
    heard_tables: list[_HeardWords], table: int, word: str, listed: str
) -> None:
    heard = heard_tables[table]
    assert heard.lookup(word) == listed == _scanned(heard, word)


@settings(max_examples=300, deadline=None)
@given(data=st.data(), table=st.integers(0, 2))
def test_the_indexed_look_up_finds_what_comparing_every_listed_word_finds(
    heard_tables: list[_HeardWords], data: st.DataObject, table: int
) -> None:
    """A word one edit from a listed word (or two, or a random one) is read as the comparison with
    every listed word reads it: the listed word when exactly one is one edit away, else nothing."""
    heard = heard_tables[table]
    known = data.draw(st.sampled_from(sorted(heard.listed)))
    letters = st.sampled_from("abcdefghijklmnopqrstuvwxyz'")
    word = known
    for _ in range(data.draw(st.integers(0, 2))):
        k = data.draw(st.integers(0, len(word)))
        edit = data.draw(st.sampled_from(["add", "drop", "change", "swap"]))
        if edit == "add":
            word = word[:k] + data.draw(letters) + word[k:]
        elif edit == "drop" and k < len(word):
            word = word[:k] + word[k + 1 :]
        elif edit == "change" and k < len(word):
            word = word[:k] + data.draw(letters) + word[k + 1 :]
        elif edit == "swap" and k + 1 < len(word):
            word = word[:k] + word[k + 1] + word[k] + word[k + 2 :]
    heard._memo.clear()
    assert heard.lookup(word) == _scanned(heard, word)
