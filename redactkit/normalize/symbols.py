"""Spoken symbols in addresses: "john dot smith at gmail dot com" -> "john.smith@gmail.com".

A *chain* is parts joined by spoken or written symbols ("at", "dot", "underscore", "dash", "slash",
"colon", "point", "@", "."). It is rewritten only when the result looks like an address: an e-mail
with a known top-level domain, a web address, an IPv4 address, a handle after a cue ("my handle is at
…"), an underscore username, or digits joined by dashes. So "look at the dot" stays as it is.
"all one word" / "no spaces" join the words before them ("john smith all one word at gmail dot com"
-> "johnsmith@gmail.com"). A single number word inside a chain becomes a digit ("dot one" -> ".1").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from ..core import AlignedText, AlignmentBuilder
from ..gazetteers import family_names, given_names
from ..lang import get_lexicon, load_locale
from ..lang.phrases import PhraseTable
from ..lang.tokens import Token, lower_words, tokenize
from .base import Normalizer, normalizers

__all__ = ["SpokenSymbolNormalizer"]

_WRITTEN = re.compile(r"[@_/]|\S[.:-]\S")
_WRITTEN_SYMBOLS = {"@": "@", ".": ".", "_": "_", "-": "-", "/": "/", ":": ":", "+": "+"}


class _Item(NamedTuple):
    first: int  # token index
    stop: int
    text: str
    kind: str  # "atom" or "sym"
    joined: bool = False  # an atom joined from several words ("all one word")


@normalizers.register("spoken_symbols")
class SpokenSymbolNormalizer(Normalizer):
    """Join spoken e-mail, web, IP and handle addresses into written form where the result is one."""

    def __init__(
        self,
        locale: str = "en-US",
        kinds: tuple[str, ...] = ("email", "url", "ip", "handle", "username", "number"),
    ) -> None:
        #: word tables to use
        self.locale = locale
        #: which address shapes may be written: email, url, ip, handle, username, number (555-0100)
        self.kinds = tuple(kinds)
        unknown = set(self.kinds) - {"email", "url", "ip", "handle", "username", "number"}
        if unknown:
            raise ValueError(
                f"unknown address kinds {sorted(unknown)}; use email, url, ip, handle, username, number"
            )
        self._lexicon = get_lexicon(locale)
        self._handle_cues = load_locale(locale).words("symbols", "handle_cues")
        self._weak_dots = load_locale(locale).words("symbols", "weak_dots")
        self._not_local_parts = load_locale(locale).words("symbols", "not_local_parts")
        # Every address shape needs a symbol other than a bare "at" (a domain needs a dot, a handle a
        # cue word), so "meet me at six" is rejected by this cheap check before any tokenizing.
        words = {w for w, symbol in self._lexicon.symbols.items() if w != "at"}
        # (a phrase's function words are no trigger: "at the rate" would run the chain search on
        # every text with "the" in it)
        stopwords = self._lexicon.stopwords
        words |= {w for phrase in self._lexicon.symbol_phrases for w in phrase if w not in stopwords}
        words |= self._handle_cues - {"x"}
        self._trigger_words = frozenset(words)
        lex = self._lexicon
        # a lone number word inside an address part is a number ("ten dot zero dot zero dot one")
        self._digit_words = {
            w: str(v) for table in (lex.digits, lex.teens, lex.tens) for w, v in table.items()
        }
        self._tlds = self._lexicon.tlds
        # homophones of digit words ("for", "ate": number_homophones of misheard.yaml) said as the
        # digits at the end of an e-mail's local part: see _read_local_digits
        misheard = load_locale(locale).resources.get("misheard", {}) or {}
        self._local_part_cues = frozenset(str(w).lower() for w in misheard.get("local_part_cues") or ())
        self._local_part_window = int(misheard.get("local_part_cue_window") or 0)
        said_as = {**self._digit_words, **dict.fromkeys(lex.zero_aliases, "0")}
        self._homophone_digits = {
            str(heard).lower(): said_as[str(word).lower()]
            for word, forms in (misheard.get("number_homophones") or {}).items()
            if str(word).lower() in said_as
            for heard in forms or ()
        }
        self._join_phrases = PhraseTable.of(self._lexicon.join_phrases)
        self._symbol_phrases = PhraseTable(self._lexicon.symbol_phrases)

    def normalize_batch(self, texts: Sequence[str]) -> list[AlignedText]:
        return [self._normalize_one(text) for text in texts]

    def _normalize_one(self, text: str) -> AlignedText:
        if self._trigger_words.isdisjoint(lower_words(text)) and not _WRITTEN.search(text):
            return AlignedText.identity(text)
        tokens = tokenize(text)
        items = self._items(text, tokens)
        if self._homophone_digits:
            self._read_local_digits(items)
        builder: AlignmentBuilder | None = None
        i = 0
        while i < len(items):
            chain = self._chain(tokens, items, i)
            if chain is None:
                i += 1
                continue
            start, stop, kind = chain
            parts = items[start:stop]
            candidate = "".join(item.text for item in parts)
            original = text[tokens[parts[0].first].start : tokens[parts[-1].stop - 1].end]
            if candidate != original:
                if builder is None:
                    builder = AlignmentBuilder(text)
                self._rewrite(builder, text, tokens, parts, kind)
            i = stop
        return AlignedText.identity(text) if builder is None else builder.build()

    # -- items --------------------------------------------------------------------------------------
    def _items(self, text: str, tokens: Sequence[Token]) -> list[_Item]:
        lex = self._lexicon
        items: list[_Item] = []
        i = 0
        while i < len(tokens):
            word = tokens[i].lower
            phrase = self._symbol_phrases.starting_at(tokens, i)
            if phrase is not None:
                items.append(_Item(i, i + phrase[0], phrase[1], "sym"))
                i += phrase[0]
                continue
            if word in lex.symbols:
                items.append(_Item(i, i + 1, lex.symbols[word], "sym"))
            elif word == "." and self._sentence_stop(text, tokens, i):
                # a full stop ends a sentence ("it was long. com students"); a period a recognizer
                # wrote for a spoken "dot" ("acme. com") is the contextual detector's to judge
                items.append(_Item(i, i + 1, word, "other"))
            elif word in _WRITTEN_SYMBOLS:
                items.append(_Item(i, i + 1, _WRITTEN_SYMBOLS[word], "sym"))
            elif word.isalnum() or ("'" not in word and any(ch.isalnum() for ch in word)):
                joined = self._join_phrase_at(tokens, i)
                if joined:
                    self._join_previous_atoms(items, i + joined, tokens)
                    i += joined
                    continue
                items.append(_Item(i, i + 1, text[tokens[i].start : tokens[i].end], "atom"))
            else:
                items.append(_Item(i, i + 1, word, "other"))
            i += 1
        return items

    def _read_local_digits(self, items: list[_Item]) -> None:
        """Digits said as homophones at the end of an e-mail's local part, after a name ("anna for
        ate at gmail dot com" -> "anna48@gmail.com"), in place: two or more digit words and homophones
        (one of them a homophone) between a given or family name (or a local part an e-mail cue
        opens: "my email is jsmith for ate at ...") and a spoken "at" become one atom of digits. One
        homophone alone stays a word ("anna ate at ..."), and so do they after any other word ("join
        for free at acme dot com", "tickets for two at ...")."""
        homophones, digits = self._homophone_digits, self._digit_words
        at = 0
        while at < len(items):
            if items[at].kind != "sym" or items[at].text != "@":
                at += 1
                continue
            k = at - 1
            while (
                k >= 0
                and items[k].kind == "atom"
                and (items[k].text.lower() in homophones or self._atom_text(items[k]).isdigit())
            ):
                k -= 1
            said = items[k + 1 : at]
            name = items[k].text.lower() if k >= 0 else ""
            if (
                len(said) < 2
                or k < 0
                or not any(part.text.lower() in homophones for part in said)
                or not self._is_atom(items[k])
                or name in digits
                or name in self._not_local_parts
                or not (name in given_names() or name in family_names() or self._cued_local_part(items, k))
            ):
                at += 1
                continue
            written = "".join(homophones.get(part.text.lower()) or self._atom_text(part) for part in said)
            # one atom, like digits the number normalizer wrote as one ("smith 85 at ...")
            items[k + 1 : at] = [_Item(said[0].first, said[-1].stop, written, "atom")]
            at = k + 3  # past the "@", which now follows the digits

    def _cued_local_part(self, items: Sequence[_Item], k: int) -> bool:
        """An e-mail cue (``local_part_cues`` of misheard.yaml: "my email is jsmith ...") stands at most
        ``local_part_cue_window`` items before the local part at item ``k``."""
        cues = self._local_part_cues
        return any(items[j].text.lower() in cues for j in range(max(0, k - self._local_part_window), k))

    def _sentence_stop(self, text: str, tokens: Sequence[Token], i: int) -> bool:
        """The "." at token ``i`` ends a sentence before a word that is also a domain ending and more
        words of the sentence ("it was long. com students"); "j. d. o. e. at", "acme. com" join."""
        if i + 2 >= len(tokens) or tokens[i].end == len(text) or not text[tokens[i].end].isspace():
            return False
        after, then = tokens[i + 1].lower, tokens[i + 2].lower
        symbols = self._lexicon.symbols
        return after in self._tlds and after not in symbols and then.isalpha() and then not in symbols

    def _join_phrase_at(self, tokens: Sequence[Token], i: int) -> int:
        found = self._join_phrases.starting_at(tokens, i)
        return found[0] if found else 0

    def _join_previous_atoms(self, items: list[_Item], stop: int, tokens: Sequence[Token]) -> None:
        """'john smith all one word' -> one atom 'johnsmith' spanning the phrase too."""
        take = 0
        while (
            take < len(items)
            and take < 4
            and items[-1 - take].kind == "atom"
            and items[-1 - take].text.lower() not in self._lexicon.stopwords
        ):
            take += 1
        if take == 0:
            return
        atoms = items[len(items) - take :]
        del items[len(items) - take :]
        items.append(_Item(atoms[0].first, stop, "".join(a.text for a in atoms), "atom", joined=True))

    # -- chains -------------------------------------------------------------------------------------
    def _atom_text(self, item: _Item) -> str:
        return self._digit_words.get(item.text.lower(), item.text)

    def _is_atom(self, item: _Item) -> bool:
        return item.kind == "atom" and (item.joined or item.text.lower() not in self._lexicon.stopwords)

    def _chain(self, tokens: Sequence[Token], items: list[_Item], start: int) -> tuple[int, int, str] | None:
        """Longest valid chain starting at item ``start``: (start, stop, kind)."""
        handle = (
            items[start].kind == "sym"
            and items[start].text == "@"
            and start > 0
            and (
                items[start - 1].text.lower() in self._handle_cues
                or (start > 1 and items[start - 2].text.lower() in self._handle_cues)
            )
        )
        if not handle and not self._is_atom(items[start]):
            return None
        stop = start + 1
        while (
            stop < len(items)
            and items[stop].kind == "atom"
            and self._atom_text(items[stop]).isdigit()
            and not self._atom_text(items[stop - 1]).isdigit()
        ):
            stop += 1  # "smith 85 at …": digits right after the first part belong to it
        ends: list[int] = []
        if handle:
            if not (start + 1 < len(items) and self._is_atom(items[start + 1])):
                return None
            stop = start + 2
            ends.append(stop)
        while stop < len(items):
            j = stop
            while j < len(items) and items[j].kind == "sym" and j - stop < 3:
                j += 1
            if j == stop or j >= len(items) or not (self._is_atom(items[j]) or items[j].kind == "atom"):
                break
            stop = j + 1
            # digits right after a part belong to it ("smith eighty five" read as "smith85"), not
            # after a number: the number normalizer left "1.2 3.4" two numbers, no "1.23.4"
            while (
                stop < len(items)
                and items[stop].kind == "atom"
                and self._atom_text(items[stop]).isdigit()
                and not self._atom_text(items[stop - 1]).isdigit()
            ):
                stop += 1
            ends.append(stop)
        for end in reversed(ends):
            candidate = "".join(
                self._atom_text(it) if it.kind == "atom" else it.text for it in items[start:end]
            )
            kind = self._classify(candidate.lower())
            if kind == "url" and self._weak_dots_only(tokens, items[start:end]):
                continue  # "for the reporting period net income": no web address
            if kind == "email" and end < len(items) and items[end].text == "/":
                continue  # "online at acme dot com slash faq": a path follows a web address, no mailbox
            if (
                kind == "email"
                and items[start].kind == "atom"
                and items[start + 1].text == "@"
                and self._atom_text(items[start]).lower() in self._not_local_parts
            ):
                return None  # "pay online at acme dot com", "find us at ...": the "at" of a place
            if kind is not None and (kind != "handle" or handle):
                return start, end, kind
        return None

    def _weak_dots_only(self, tokens: Sequence[Token], parts: Sequence[_Item]) -> bool:
        """Every dot of ``parts`` was said as one of ``weak_dots`` ("period", "point"): a web address
        needs a "dot" or a written one ("acme period com" is the contextual detector's to judge)."""
        dots = [tokens[item.first].lower for item in parts if item.kind == "sym" and item.text == "."]
        return bool(dots) and all(word in self._weak_dots for word in dots)

    _EMAIL = re.compile(r"^[a-z0-9][a-z0-9._%+\-]*@([a-z0-9\-]+\.)+([a-z]{2,})$")
    _URL = re.compile(r"^(https?://)?([a-z0-9\-]+\.)+([a-z]{2,})(/[a-z0-9._\-/]*)?$")
    _IP = re.compile(r"^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$")
    _HANDLE = re.compile(r"^@[a-z0-9_.]+$")
    _USERNAME = re.compile(r"^[a-z0-9]+(?:[._][a-z0-9]+)*_[a-z0-9._]*$|^[a-z0-9]+_[a-z0-9]+$")
    _NUMBER = re.compile(r"^\d+(?:-\d+)+$|^\d+(?:\.\d+){2,}$")
    _IPV6 = re.compile(r"^[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){2,7}$")

    def _classify(self, candidate: str) -> str | None:
        kinds = self.kinds
        if "ip" in kinds:
            match = self._IP.match(candidate)
            if match and all(int(part) <= 255 for part in match.groups()):
                return "ip"
            if self._IPV6.match(candidate) and candidate.count(":") >= 3:
                return "ip"
        if "email" in kinds:
            match = self._EMAIL.match(candidate)
            # "order online at www dot acme dot com": "www." opens a web address, never a mail domain
            if (
                match
                and (match.group(2) in self._tlds or match.group(2) in self._lexicon.country_tlds)
                and not candidate.partition("@")[2].startswith("www.")
            ):
                return "email"
        if "url" in kinds:
            match = self._URL.match(candidate)
            if match and match.group(3) in self._tlds and "@" not in candidate:
                return "url"
        if "handle" in kinds and self._HANDLE.match(candidate):
            return "handle"
        if "username" in kinds and self._USERNAME.match(candidate):
            return "username"
        if "number" in kinds and self._NUMBER.match(candidate):
            return "number"
        return None

    def _rewrite(
        self, builder: AlignmentBuilder, text: str, tokens: Sequence[Token], parts: list[_Item], kind: str
    ) -> None:
        previous_end: int | None = None
        for item in parts:
            start, end = tokens[item.first].start, tokens[item.stop - 1].end
            if previous_end is not None and previous_end < start:
                builder.delete(previous_end, start, rule="spoken_symbols:join")
            written = self._atom_text(item) if item.kind == "atom" else item.text
            if text[start:end] == written:
                builder.keep(end)
            else:
                rule = "spoken_symbols:symbol" if item.kind == "sym" else "spoken_symbols:part"
                builder.replace(start, end, written, rule=rule)
            previous_end = end
        first, last = tokens[parts[0].first].start, tokens[parts[-1].stop - 1].end
        builder.annotate(first, last, "address", type=kind, parts=sum(1 for p in parts if p.kind == "atom"))
