"""Render a :class:`~.runner.BenchResult`: terminal tables, JSON, markdown and a self-contained HTML page.

The HTML report has inline CSS and an inline SVG chart, and loads nothing: it can be mailed or
archived as one file. Transcript text appears only in the lists of misses and false positives, and
only when the run kept examples; the report then says at the top that it contains PII.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .metrics import LabelScores, Rate
from .runner import BenchResult, DatasetResult, SystemResult

__all__ = ["render_html", "render_json", "render_markdown", "render_terminal", "write_report"]

PII_WARNING = (
    "This report contains PII: the lists of misses and false positives quote transcript text. "
    "Store and share it like the data itself, or rerun with --no-examples."
)
NO_PII_NOTE = "This report contains no transcript text (run with --no-examples)."
TYPE_CORRECT_NOTE = (
    "Type-correct recall counts a gold value redacted by spans of its label, as their label or as the "
    "label they are protected as (a child's age is an AGE protected as a MINOR: type-correct for a gold "
    "AGE and for a gold MINOR); redacted spans and precision count each span once, under its label. "
    "Special categories count a span's protected-as label too."
)


def _num(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _rate(rate: Rate, *, ci: bool = True) -> str:
    if rate.value is None:
        return "-"
    text = f"{rate.value:.3f}"
    if ci and rate.low is not None and rate.high is not None:
        text += f" [{rate.low:.3f}-{rate.high:.3f}]"
    return text


def _labels(result: DatasetResult) -> list[str]:
    """Gold labels first (sorted), then labels only some system predicted."""
    gold: set[str] = set()
    predicted: set[str] = set()
    for system in result.systems.values():
        for name, scores in system.scores.labels.items():
            (gold if scores.gold else predicted).add(name)
    return sorted(gold) + sorted(predicted - gold)


def _scores(system: SystemResult, label: str) -> LabelScores | None:
    return system.scores.overall if label == "ALL" else system.scores.labels.get(label)


def _speed_ratio(result: DatasetResult, system: SystemResult) -> str:
    baseline = next((s for s in result.systems.values() if s is not system and s.name != "redactkit"), None)
    if system.name == "redactkit" and baseline and baseline.utterances_per_second:
        return f"{system.utterances_per_second / baseline.utterances_per_second:.2f}x"
    return "1.00x" if system.name != "redactkit" else "-"


# -- terminal -------------------------------------------------------------------------------------


def render_terminal(result: BenchResult, console: Any) -> None:
    """Print one summary and one per-label table per dataset to a rich console."""
    from rich.table import Table

    for dataset in result.all_results:
        summary = Table(title=f"{dataset.name} ({dataset.rows:,} utterances)", title_justify="left")
        for column in ("system", "utterances/s", "speed", "over-redaction", "negatives touched"):
            summary.add_column(column, justify="left" if column == "system" else "right")
        for system in dataset.systems.values():
            scores = system.scores
            summary.add_row(
                system.name,
                f"{system.utterances_per_second:,.0f}",
                _speed_ratio(dataset, system),
                _rate(scores.over_redaction, ci=False),
                f"{scores.negatives_touched}/{scores.negatives}",
            )
        console.print(summary)
        table = Table(show_header=True, show_lines=False)
        table.add_column("label")
        table.add_column("gold", justify="right")
        for system in dataset.systems.values():
            for column in ("full-coverage recall [95% CI]", "overlap", "precision", "F2", "leaks"):
                table.add_column(f"{system.name}\n{column}", justify="right")
        labels = _labels(dataset)
        first = next(iter(dataset.systems.values()))
        for label in [*labels, "ALL"]:
            row = [label, f"{(_scores(first, label) or _empty(label)).gold:,}"]
            for system in dataset.systems.values():
                found = _scores(system, label) or _empty(label)
                row += [
                    _rate(found.full_coverage),
                    _rate(found.any_overlap, ci=False),
                    _rate(found.precision, ci=False),
                    _num(found.f2.value),
                    str(found.leaks),
                ]
            table.add_row(*row, end_section=bool(labels) and label == labels[-1])
        console.print(table)
        special = _special_table(dataset)
        if special is not None:
            header, rows = special
            table = Table(
                title="special categories",
                title_justify="left",
                caption="a span counts under its label and the label it is protected as "
                "(a child's age: AGE protected as MINOR)",
                caption_justify="left",
            )
            for index, column in enumerate(header):
                table.add_column(column, justify="left" if index == 0 else "right")
            for row in rows:
                table.add_row(*row)
            console.print(table)
    if result.routing is not None:
        from .routing import render_routing

        render_routing(result.routing, console, "row-level sensitivity (sensitive set, all families)")


def _share(count: int, total: int) -> str:
    return f"{count}/{total} ({count / total:.1%})" if total else "-"


def _special_table(dataset: DatasetResult) -> tuple[list[str], list[list[str]]] | None:
    """Special-category labels: full-coverage recall, rows flagged; negatives flagged (None: nothing
    special in this dataset, neither gold nor predicted)."""
    summaries = {name: s.special for name, s in dataset.systems.items() if s.special is not None}
    if not summaries or not any(s["recall"] or s["rows_flagged"] for s in summaries.values()):
        return None
    labels = sorted({label for s in summaries.values() for label in (*s["recall"], *s["by_label"])})
    header = ["label"]
    for name in summaries:
        header += [f"{name}\nfull-coverage recall", f"{name}\nrows flagged"]
    rows: list[list[str]] = []
    for label in labels:
        row = [label]
        for summary in summaries.values():
            got = summary["recall"].get(label)
            row += [
                _share(got["covered"], got["gold"]) if got else "-",
                _share(summary["by_label"].get(label, 0), summary["rows"]),
            ]
        rows.append(row)
    any_row = ["any special category"]
    negatives_row = ["negatives flagged"]
    for summary in summaries.values():
        any_row += ["", _share(summary["rows_flagged"], summary["rows"])]
        negatives_row += ["", _share(summary["negatives_flagged"], summary["negatives"])]
    return header, [*rows, any_row, negatives_row]


def _empty(label: str) -> LabelScores:
    from .metrics import Estimate

    zero = Rate(0, 0)
    return LabelScores(label, 0, 0, zero, zero, zero, zero, zero, Estimate(None), 0)


# -- JSON -----------------------------------------------------------------------------------------


def render_json(result: BenchResult) -> str:
    return json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n"


# -- markdown -------------------------------------------------------------------------------------


def _md_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("`", "\\`")


def _md_table(header: list[str], rows: Iterable[list[str]], right: int = 1) -> list[str]:
    lines = ["| " + " | ".join(header) + " |"]
    lines.append("| " + " | ".join("---" if i < right else "---:" for i in range(len(header))) + " |")
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _metric_rows(system: SystemResult, labels: list[str]) -> list[list[str]]:
    rows = []
    for label in [*labels, "ALL"]:
        s = _scores(system, label)
        if s is None:
            continue
        rows.append(
            [
                f"**{label}**" if label == "ALL" else label,
                str(s.gold),
                str(s.predicted),
                _rate(s.full_coverage),
                _rate(s.any_overlap),
                _rate(s.type_correct),
                _rate(s.tokens),
                _rate(s.precision),
                _num(s.f2.value),
                str(s.leaks),
            ]
        )
    return rows


_METRIC_HEADER = [
    "label",
    "gold",
    "redacted spans",
    "full-coverage recall",
    "any-overlap recall",
    "type-correct recall",
    "token recall",
    "precision",
    "F2",
    "verbatim leaks",
]


def render_markdown(result: BenchResult) -> str:
    lines = ["# redactkit bench", ""]
    lines += [f"> **{PII_WARNING}**" if result.include_examples else f"> {NO_PII_NOTE}", ""]
    lines += [
        f"Configuration: `{_md_escape(result.config)}`. Created {result.created}. Intervals: 95 % "
        f"bootstrap over utterances ({result.bootstrap} replicates, seed {result.seed}).",
        "",
    ]
    for dataset in result.all_results:
        lines += [
            f"## {_md_escape(dataset.name)}",
            "",
            f"Source `{_md_escape(dataset.source)}`, {dataset.rows:,} utterances.",
            "",
        ]
        lines += _md_table(
            [
                "system",
                "utterances/s",
                "speed",
                "over-redaction",
                "negatives touched",
                "misses",
                "false positives",
            ],
            (
                [
                    _md_escape(s.description),
                    f"{s.utterances_per_second:,.0f}",
                    _speed_ratio(dataset, s),
                    _rate(s.scores.over_redaction),
                    f"{s.scores.negatives_touched}/{s.scores.negatives}",
                    str(s.misses_total),
                    str(s.false_positives_total),
                ]
                for s in dataset.systems.values()
            ),
        )
        labels = _labels(dataset)
        lines += ["", "### Full-coverage recall per label", ""]
        lines += _md_table(
            ["label", "gold", *[s.name for s in dataset.systems.values()]],
            (
                [
                    label,
                    str((_scores(next(iter(dataset.systems.values())), label) or _empty(label)).gold),
                    *[
                        _rate((_scores(s, label) or _empty(label)).full_coverage)
                        for s in dataset.systems.values()
                    ],
                ]
                for label in [*labels, "ALL"]
            ),
        )
        special = _special_table(dataset)
        if special is not None:
            header, rows = special
            lines += ["", "### Special categories", ""]
            lines += _md_table([column.replace("\n", " ") for column in header], rows)
        for system in dataset.systems.values():
            lines += ["", f"### {_md_escape(system.name)}: every metric", ""]
            lines += _md_table(_METRIC_HEADER, _metric_rows(system, labels))
            lines += ["", TYPE_CORRECT_NOTE]
            if result.include_examples and dataset in result.datasets:
                lines += _md_examples(system)
        lines.append("")
    if result.routing is not None:
        from .routing import routing_table

        header, rows = routing_table(result.routing)
        lines += ["## Row-level sensitivity", ""]
        lines += _md_table(header, rows)
        lines.append("")
    return "\n".join(lines) + "\n"


def _md_examples(system: SystemResult) -> list[str]:
    lines = ["", f"#### {system.name}: misses (first {len(system.misses)})", ""]
    lines += _md_table(
        ["id", "label", "value", "redacted text"],
        (
            [_md_escape(m["id"]), m["label"], _md_escape(m["value"]), _md_escape(m["redacted"] or "")]
            for m in system.misses
        ),
        right=0,
    )
    lines += ["", f"#### {system.name}: false positives (first {len(system.false_positives)})", ""]
    lines += _md_table(
        ["id", "label", "value", "text"],
        (
            [_md_escape(f["id"]), f["label"], _md_escape(f["value"]), _md_escape(f["text"])]
            for f in system.false_positives
        ),
        right=0,
    )
    return lines


# -- HTML -----------------------------------------------------------------------------------------

_CSS = """
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:2em auto;max-width:1200px;
color:#1b1f24;padding:0 1em}
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #d0d7de}h3{margin-top:1.5em}
.banner{padding:.8em 1em;border-radius:6px;margin:1em 0;font-weight:600}
.pii{background:#ffebe9;border:1px solid #cf222e;color:#82071e}
.safe{background:#dafbe1;border:1px solid #2da44e}
table{border-collapse:collapse;margin:.5em 0;font-variant-numeric:tabular-nums}
th,td{border:1px solid #d0d7de;padding:3px 8px;text-align:right;vertical-align:top}
th{background:#f6f8fa}td.l,th.l{text-align:left}tr.all td{font-weight:700;background:#f6f8fa}
mark{background:#ffd8b5}.muted{color:#57606a}.chart text{font-size:12px}
"""

_COLORS = ("#0969da", "#8c959f", "#bf8700", "#1a7f37")


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _html_table(
    header: list[str], rows: Iterable[list[str]], left: int = 1, classes: Iterable[str] = ()
) -> str:
    class_list = list(classes)
    out = ["<table><thead><tr>"]
    out += [f'<th class="{"l" if i < left else ""}">{_esc(h)}</th>' for i, h in enumerate(header)]
    out.append("</tr></thead><tbody>")
    for index, row in enumerate(rows):
        css = class_list[index] if index < len(class_list) else ""
        out.append(f'<tr class="{css}">' if css else "<tr>")
        out += [f'<td class="{"l" if i < left else ""}">{cell}</td>' for i, cell in enumerate(row)]
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _chart(dataset: DatasetResult) -> str:
    """Horizontal bars: full-coverage recall per gold label, one bar per system."""
    systems = list(dataset.systems.values())
    labels = [label for label in _labels(dataset) if (_scores(systems[0], label) or _empty(label)).gold]
    if not labels:
        return '<p class="muted">No gold values: nothing to chart.</p>'
    bar, gap, left, width = 14, 10, 170, 420
    group = bar * len(systems) + gap
    legend = 22
    height = legend + group * len(labels) + 20
    parts = [
        f'<svg class="chart" width="{left + width + 80}" '
        f'height="{height}" role="img" aria-label="full-coverage recall per label">'
    ]
    for index, system in enumerate(systems):
        x = left + index * 160
        color = _COLORS[index % len(_COLORS)]
        parts.append(f'<rect x="{x}" y="4" width="12" height="12" fill="{color}"/>')
        parts.append(f'<text x="{x + 16}" y="14">{_esc(system.name)}</text>')
    for tick in (0.0, 0.5, 0.9, 1.0):
        tick_x = left + tick * width
        parts.append(
            f'<line x1="{tick_x:.1f}" y1="{legend}" x2="{tick_x:.1f}" y2="{height - 16}" stroke="#d0d7de" '
            f'stroke-dasharray="{"0" if tick in (0.0, 1.0) else "3,3"}"/>'
        )
        parts.append(f'<text x="{tick_x:.1f}" y="{height - 3}" text-anchor="middle">{tick:.1f}</text>')
    for row, label in enumerate(labels):
        y0 = legend + row * group
        parts.append(f'<text x="{left - 6}" y="{y0 + group / 2}" text-anchor="end">{_esc(label)}</text>')
        for index, system in enumerate(systems):
            value = (_scores(system, label) or _empty(label)).full_coverage.value or 0.0
            y = y0 + index * bar
            color = _COLORS[index % len(_COLORS)]
            parts.append(
                f'<rect x="{left}" y="{y}" width="{value * width:.1f}" height="{bar - 2}" fill="{color}">'
                f"<title>{_esc(system.name)} {_esc(label)}: {value:.3f}</title></rect>"
            )
            parts.append(f'<text x="{left + value * width + 4:.1f}" y="{y + bar - 4}">{value:.3f}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _highlight(text: str, start: int, end: int) -> str:
    return f"{_esc(text[:start])}<mark>{_esc(text[start:end])}</mark>{_esc(text[end:])}"


def render_html(result: BenchResult) -> str:
    """A single self-contained HTML page (inline CSS and SVG; no scripts, no external resources)."""
    body = ["<h1>redactkit bench</h1>"]
    if result.include_examples:
        body.append(f'<p class="banner pii">{_esc(PII_WARNING)}</p>')
    else:
        body.append(f'<p class="banner safe">{_esc(NO_PII_NOTE)}</p>')
    body.append(
        f'<p class="muted">Configuration: {_esc(result.config)}. Created {_esc(result.created)}. '
        f"Full-coverage recall counts a gold value only if every non-space character of it was redacted. "
        f"Intervals: 95&nbsp;% bootstrap over utterances ({result.bootstrap} replicates, "
        f"seed {result.seed}).</p>"
    )
    for dataset in result.all_results:
        systems = list(dataset.systems.values())
        labels = _labels(dataset)
        body.append(f"<h2>{_esc(dataset.name)}</h2>")
        body.append(f'<p class="muted">Source {_esc(dataset.source)}, {dataset.rows:,} utterances.</p>')
        body.append(
            _html_table(
                [
                    "system",
                    "utterances/s",
                    "speed",
                    "over-redaction",
                    "negatives touched",
                    "misses",
                    "false positives",
                ],
                (
                    [
                        _esc(s.description),
                        f"{s.utterances_per_second:,.0f}",
                        _speed_ratio(dataset, s),
                        _esc(_rate(s.scores.over_redaction)),
                        f"{s.scores.negatives_touched}/{s.scores.negatives}",
                        str(s.misses_total),
                        str(s.false_positives_total),
                    ]
                    for s in systems
                ),
            )
        )
        body.append("<h3>Full-coverage recall per label</h3>")
        body.append(_chart(dataset))
        body.append(
            _html_table(
                ["label", "gold", *[s.name for s in systems]],
                (
                    [
                        _esc(label),
                        str((_scores(systems[0], label) or _empty(label)).gold),
                        *[_esc(_rate((_scores(s, label) or _empty(label)).full_coverage)) for s in systems],
                    ]
                    for label in [*labels, "ALL"]
                ),
                classes=["" for _ in labels] + ["all"],
            )
        )
        special = _special_table(dataset)
        if special is not None:
            header, special_rows = special
            body.append("<h3>Special categories</h3>")
            body.append(
                _html_table(
                    [column.replace("\n", " ") for column in header],
                    ([_esc(cell) for cell in row] for row in special_rows),
                )
            )
        for system in systems:
            rows = _metric_rows(system, labels)
            body.append(f"<h3>{_esc(system.name)}: every metric</h3>")
            body.append(
                _html_table(
                    _METRIC_HEADER,
                    ([_esc(cell.strip("*")) for cell in row] for row in rows),
                    classes=["" for _ in rows[:-1]] + ["all"],
                )
            )
            body.append(f'<p class="muted">{_esc(TYPE_CORRECT_NOTE)}</p>')
            if result.include_examples and dataset in result.datasets:
                body.append(_html_examples(system))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>redactkit bench</title><style>{_CSS}</style></head><body>"
        + "\n".join(body)
        + "</body></html>\n"
    )


def _html_examples(system: SystemResult) -> str:
    total_misses = system.misses_total
    total_fps = system.false_positives_total
    parts = [f"<h4>{_esc(system.name)}: misses ({len(system.misses)} of {total_misses} shown)</h4>"]
    parts.append(
        _html_table(
            ["id", "label", "redacted chars", "utterance (gold value marked)", "redacted text"],
            (
                [
                    _esc(m["id"]),
                    _esc(m["label"]),
                    f"{m['covered_chars']}/{m['chars']}",
                    _highlight(m["text"], m["start"], m["end"]),
                    _esc(m["redacted"] or ""),
                ]
                for m in system.misses
            ),
            left=5,
        )
    )
    parts.append(
        f"<h4>{_esc(system.name)}: false positives ({len(system.false_positives)} of {total_fps} shown)</h4>"
    )
    parts.append(
        _html_table(
            ["id", "label", "utterance (redacted span marked)"],
            (
                [_esc(f["id"]), _esc(f["label"]), _highlight(f["text"], f["start"], f["end"])]
                for f in system.false_positives
            ),
            left=3,
        )
    )
    return "".join(parts)


def write_report(result: BenchResult, path: str | Path, kind: str) -> None:
    """Write ``kind`` (``json``, ``markdown`` or ``html``) to ``path``."""
    renderers = {"json": render_json, "markdown": render_markdown, "html": render_html}
    Path(path).write_text(renderers[kind](result), encoding="utf-8")
