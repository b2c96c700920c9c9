"""The bench command and its reports: HTML valid and self-contained, no transcript text without examples."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from redactkit.bench.formats import LabeledExample, LabeledSpan
from redactkit.bench.report import NO_PII_NOTE, PII_WARNING, render_html, render_markdown
from redactkit.bench.runner import Dataset, run_bench, synthetic_dataset
from redactkit.cli import app

runner = CliRunner()

# Every word of these utterances is invented, so no output can contain one by chance.
ROWS = [
    ("r1", "vexlor zorbaquux pindrel 867-5309", [(7, 16, "PERSON"), (25, 33, "PHONE_NUMBER")]),
    ("r2", "grumbletoe quistrable", [(0, 10, "PERSON")]),  # missed: the regex knows no such name
    ("r3", "flonkwise 123-4567 brindlemoor", []),  # a false positive
    ("r4", "", []),
]
WORDS = sorted({word for _, text, _ in ROWS for word in text.split()})

CONFIG = """\
replace: true
normalizers:
  - name: whitespace
detectors:
  - name: test_regex
    pattern: "zorbaquux|\\\\d{3}-\\\\d{4}"
    label: PHONE_NUMBER
anonymizer:
  name: tag
"""


def _labeled_file(tmp_path: Path) -> Path:
    path = tmp_path / "labeled.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for row_id, text, spans in ROWS:
            record = {
                "id": row_id,
                "text": text,
                "spans": [
                    {"start": s, "end": e, "label": label, "source_label": label} for s, e, label in spans
                ],
            }
            handle.write(json.dumps(record) + "\n")
    return path


class _Checker(HTMLParser):
    """Collects what a self-contained, well-formed report must (not) have."""

    VOID = frozenset({"meta", "br", "hr", "img", "input", "link", "rect", "line"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href", "xlink:href", "action") or (
                value and re.search(r"https?:|url\(", value)
            ):
                self.problems.append(f"external reference {name}={value!r} on <{tag}>")
        if tag in ("script", "link", "iframe", "object", "embed", "img"):
            self.problems.append(f"<{tag}> in a self-contained report")
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag not in self.VOID:
            self.problems.append(f"self-closed <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"unbalanced </{tag}> (open: {self.stack[-3:]})")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _check_html(page: str) -> _Checker:
    checker = _Checker()
    checker.feed(page)
    checker.close()
    assert page.startswith("<!DOCTYPE html>")
    assert not checker.problems, checker.problems
    assert not checker.stack, f"unclosed: {checker.stack}"
    assert "@import" not in page
    assert "url(" not in page
    return checker


def test_cli_with_examples_marks_pii_and_lists_misses(tmp_path: Path) -> None:
    data = _labeled_file(tmp_path)
    config = tmp_path / "policy.yaml"
    config.write_text(CONFIG, encoding="utf-8")
    outputs = {kind: tmp_path / f"out.{kind}" for kind in ("json", "md", "html")}
    result = runner.invoke(
        app,
        [
            "bench",
            str(data),
            "--config",
            str(config),
            "--baseline",
            "none",
            "--bootstrap",
            "50",
            "--json",
            str(outputs["json"]),
            "--markdown",
            str(outputs["md"]),
            "--report",
            str(outputs["html"]),
        ],
    )
    assert result.exit_code == 0, result.output
    page = outputs["html"].read_text(encoding="utf-8")
    checker = _check_html(page)
    body = "".join(checker.text)
    assert body.index(PII_WARNING) < body.index("labeled.jsonl")  # the warning comes first
    assert "grumbletoe" in body and "flonkwise" in body  # the miss and the false positive are listed
    assert "svg" in checker.tags and checker.tags.count("rect") >= 2
    report = json.loads(outputs["json"].read_text(encoding="utf-8"))
    system = report["datasets"][0]["systems"]["redactkit"]
    assert report["contains_pii_examples"] is True
    assert system["labels"]["PERSON"]["full_coverage_recall"]["numerator"] == 1
    assert system["labels"]["PERSON"]["full_coverage_recall"]["denominator"] == 2
    assert system["labels"]["PHONE_NUMBER"]["full_coverage_recall"]["value"] == 1.0
    assert system["misses_total"] == 1
    assert system["false_positives_total"] == 1
    assert [m["id"] for m in system["misses"]] == ["r2"]
    assert outputs["md"].read_text(encoding="utf-8").count(PII_WARNING) == 1


def test_cli_no_examples_leaves_every_word_of_the_text_out(tmp_path: Path) -> None:
    data = _labeled_file(tmp_path)
    config = tmp_path / "policy.yaml"
    config.write_text(CONFIG, encoding="utf-8")
    outputs = [tmp_path / "out.json", tmp_path / "out.md", tmp_path / "out.html"]
    result = runner.invoke(
        app,
        [
            "bench",
            str(data),
            "--config",
            str(config),
            "--baseline",
            "none",
            "--no-examples",
            "--json",
            str(outputs[0]),
            "--markdown",
            str(outputs[1]),
            "--report",
            str(outputs[2]),
        ],
    )
    assert result.exit_code == 0, result.output
    texts = {"stdout": result.output} | {path.name: path.read_text(encoding="utf-8") for path in outputs}
    for name, content in texts.items():
        for word in WORDS:
            assert word not in content, f"{word!r} appears in {name}"
    assert NO_PII_NOTE in texts["out.html"] and PII_WARNING not in texts["out.html"]
    assert json.loads(texts["out.json"])["contains_pii_examples"] is False
    _check_html(texts["out.html"])


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        pytest.param([], 2, "nothing to score", id="no-input"),
        pytest.param(["--synthetic", "10", "--baseline", "spacy"], 2, "--baseline", id="bad-baseline"),
        pytest.param(["missing.jsonl", "--baseline", "none"], 2, "no such file", id="missing-file"),
        pytest.param(
            ["--synthetic", "10", "--asr-noise", "0.1", "--report", "curve.html"],
            2,
            "--json only",
            id="asr-noise-report",
        ),
        pytest.param(
            ["--synthetic", "10", "--asr-noise", "0.1", "--markdown", "curve.md"],
            2,
            "--json only",
            id="asr-noise-markdown",
        ),
    ],
)
def test_cli_errors(args: list[str], code: int, message: str) -> None:
    result = runner.invoke(app, ["bench", *args])
    assert result.exit_code == code
    assert message in result.output


class _Echo:
    """A model-free system: redacts exactly the given words, so the expected scores are known."""

    def __init__(self, name: str, words: set[str]) -> None:
        self.name = name
        self.description = f"echo {name}"
        self.words = words

    def warm_up(self) -> None:
        pass

    def redact(self, texts: list[str]) -> list[tuple[str, list[tuple[int, int, str]]]]:
        out = []
        for text in texts:
            spans = [
                (m.start(), m.end(), "PERSON") for m in re.finditer(r"\S+", text) if m.group() in self.words
            ]
            redacted = text
            for start, end, _ in reversed(spans):
                redacted = redacted[:start] + "[PERSON]" + redacted[end:]
            out.append((redacted, spans))
        return out


def test_run_bench_side_by_side_and_pooled() -> None:
    examples = [
        LabeledExample("a", "ask quorra now", (LabeledSpan(4, 10, "PERSON"),)),
        LabeledExample("b", "ask vellum now", (LabeledSpan(4, 10, "PERSON"),)),
    ]
    datasets = [Dataset("one", "one.jsonl", examples), Dataset("two", "two.jsonl", examples[:1])]
    systems = [_Echo("redactkit", {"quorra", "vellum"}), _Echo("presidio", {"quorra"})]
    result = run_bench(datasets, systems, bootstrap=20, seed=1)
    first = result.datasets[0].systems
    assert first["redactkit"].scores.labels["PERSON"].full_coverage.value == 1.0
    assert first["presidio"].scores.labels["PERSON"].full_coverage.value == 0.5
    assert result.combined is not None and result.combined.rows == 3
    assert result.combined.systems["presidio"].scores.labels["PERSON"].full_coverage.numerator == 2
    page = render_html(result)
    checker = _check_html(page)
    assert checker.tags.count("svg") == 3  # one chart per dataset and one for the pooled figures
    markdown = render_markdown(result)
    assert "| PERSON | 2 | 1.000" in markdown and "0.500" in markdown
    assert "vellum" in page  # examples are on by default


def test_synthetic_dataset_size_and_negatives() -> None:
    dataset = synthetic_dataset(200, seed=4)
    assert 190 <= len(dataset.examples) <= 210
    negatives = [example for example in dataset.examples if not example.spans]
    assert 0.1 < len(negatives) / len(dataset.examples) < 0.3
    assert synthetic_dataset(200, seed=4).examples == dataset.examples


@pytest.mark.slow
def test_cli_synthetic_with_presidio_baseline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The default pipeline and vanilla Presidio, side by side, on a fresh generated sample, offline."""
    import socket

    attempts: list[object] = []

    def no_network(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    out = tmp_path / "bench.json"
    result = runner.invoke(app, ["bench", "--synthetic", "60", "--bootstrap", "50", "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert attempts == []  # nothing fetched: no model download, no public suffix list
    report = json.loads(out.read_text(encoding="utf-8"))
    systems = report["datasets"][0]["systems"]
    assert set(systems) == {"redactkit", "presidio"}
    assert all(system["utterances_per_second"] > 0 for system in systems.values())
    assert systems["presidio"]["description"].startswith("vanilla Presidio")
    # Spoken numbers are beyond vanilla Presidio; the default pipeline catches them.
    phone = {
        name: system["labels"]["PHONE_NUMBER"]["full_coverage_recall"]["value"]
        for name, system in systems.items()
    }
    assert phone["redactkit"] > phone["presidio"]


def test_examples_are_capped_per_label_and_totals_kept() -> None:
    examples = [
        LabeledExample(f"p{i}", f"ask qu{i}x now", (LabeledSpan(4, 7 + len(str(i)), "PERSON"),))
        for i in range(30)
    ]
    examples += [LabeledExample(f"z{i}", "zip 12345", (LabeledSpan(4, 9, "ZIP_CODE"),)) for i in range(2)]
    result = run_bench([Dataset("d", "d.jsonl", examples)], [_Echo("redactkit", set())], bootstrap=0)
    system = result.datasets[0].systems["redactkit"]
    assert system.misses_total == 32
    assert [m["label"] for m in system.misses] == ["PERSON"] * 20 + ["ZIP_CODE"] * 2
    assert system.misses[0]["value"] == "qu0x"
