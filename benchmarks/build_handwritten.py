"""Build the hand-written spoken evaluation sets from their markup sources.

``benchmarks/data/handwritten_spoken_v<N>.txt`` are the sources of truth (hand-written by the team;
see ``benchmarks/data/README.md``); this script turns each into redactkit labeled JSON Lines that
``redactkit bench`` reads. Each row carries two extra fields the reader ignores: ``family`` (the
phrasing family) and ``split`` (``dev`` for odd family numbers, ``heldout`` for even ones; a source
with the line ``!split heldout`` holds out every family), so a rule can be tuned on one half and
measured honestly on the other::

    python benchmarks/build_handwritten.py                      # rewrite every shipped JSONL
    python benchmarks/build_handwritten.py --version 1 --split heldout --out /tmp/heldout.jsonl
    redactkit bench /tmp/heldout.jsonl --baseline none
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Row", "main", "parse_source"]

DATA = Path(__file__).resolve().parent / "data"


def source(version: int) -> Path:
    """The markup source of a version of the set."""
    return DATA / f"handwritten_spoken_v{version}.txt"


def versions() -> list[int]:
    """Every version of the set that has a source."""
    return sorted(int(path.stem.rsplit("_v", 1)[1]) for path in DATA.glob("handwritten_spoken_v*.txt"))


_SPAN = re.compile(r"\{(?:([A-Z_]+):)?([^{}]+)\}")


@dataclass
class Row:
    """One utterance with its gold spans (character offsets into ``text``)."""

    id: str
    family: str
    split: str
    text: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)

    def to_json(self) -> str:
        spans = [{"start": s, "end": e, "label": label} for s, e, label in self.spans]
        record = {"id": self.id, "family": self.family, "split": self.split}
        return json.dumps({**record, "text": self.text, "spans": spans}, ensure_ascii=False)


def _parse_line(line: str, default_label: str) -> tuple[str, list[tuple[int, int, str]]]:
    text_parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    position = 0
    length = 0
    for match in _SPAN.finditer(line):
        before = line[position : match.start()]
        text_parts.append(before)
        length += len(before)
        label = match.group(1) or default_label
        if label == "-":
            raise ValueError(f"a span in a negative family: {line!r}")
        words = match.group(2)
        spans.append((length, length + len(words), label))
        text_parts.append(words)
        length += len(words)
        position = match.end()
    text_parts.append(line[position:])
    text = "".join(text_parts)
    if "{" in text or "}" in text:
        raise ValueError(f"unbalanced braces: {line!r}")
    return text, spans


def parse_source(version: int = 1) -> list[Row]:
    """Parse a version's markup source into rows, numbering families in file order."""
    rows: list[Row] = []
    family = ""
    label = ""
    number = 0
    count = 0
    forced = ""
    for raw in source(version).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("!split "):
            forced = line.split()[1]
            continue
        if line.startswith("@"):
            _, family, label = line.split()
            number += 1
            count = 0
            continue
        if not family:
            raise ValueError(f"utterance before the first family: {line!r}")
        count += 1
        text, spans = _parse_line(line, label)
        if label != "-" and not spans:
            raise ValueError(f"no gold span in family {family}: {line!r}")
        split = forced or ("dev" if number % 2 else "heldout")
        rows.append(Row(f"hw{version}-f{number:02d}-{family}-{count:02d}", family, split, text, spans))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", type=int, choices=versions(), help="one version (default: all)")
    parser.add_argument("--split", choices=["all", "dev", "heldout"], default="all")
    parser.add_argument("--out", type=Path, help="output file (default: the shipped JSONL)")
    args = parser.parse_args(argv)
    if args.out is not None and args.version is None:
        parser.error("--out needs --version")
    for version in [args.version] if args.version is not None else versions():
        rows = [r for r in parse_source(version) if args.split in ("all", r.split)]
        out = args.out or source(version).with_suffix(".jsonl")
        out.write_text("".join(r.to_json() + "\n" for r in rows), encoding="utf-8")
        print(f"{len(rows)} rows -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
