"""The examples as the harness sees them: text lines, the parsed model, the rows' spans.

Everything here goes through the public API (``kfcompare.parse_text`` and the model), so
the harness does not depend on how the readers are laid out inside the package.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from attrs import frozen

import kfcompare

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

#: the example texts, each read as one or more reports
NAMES = (
    "hagersten-alvsjo_ung-fritid_vb_2020.txt",
    "hasselby-vallingby_vb_2020.txt",
    "hasselby-vallingby_vp_2012.txt",
    "kungsholmen_units_vb_2021.txt",
    "sodermalm_t1_2020.txt",
)

#: the first line of a table header in either layout family
_HEADER = {
    "indicator": re.compile(r"^\s*(?:Indikator\s+Periodens|(?:KF:s|Nämndens) indikatorer\b)"),
    "activity": re.compile(r"^\s*(?:Aktivitet\s+Startdatum|(?:KF:s|Nämndens) aktiviteter\b)"),
}


@frozen
class Row:
    """One table row of an example: what it is, where it is printed, its table's header."""

    kind: str  # "indicator", "activity" or "budget"
    first: int  # 1-based source lines, inclusive
    last: int
    #: the non-blank lines of the row, 1-based (a header repeated inside it counts as its first line)
    lines: tuple[int, ...]
    #: the header lines of the row's table, as printed before its first row
    header: tuple[str, ...]


@frozen
class Example:
    name: str
    lines: tuple[str, ...]
    reports: tuple[kfcompare.Report, ...]
    rows: tuple[Row, ...]

    @property
    def vp2012(self) -> bool:
        return any(r.format == "vp2012" for r in self.reports)


def parse(text: str, name: str) -> list[kfcompare.Report]:
    return kfcompare.parse_text(text, path=name)


@functools.cache
def load(name: str) -> Example:
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    lines = tuple(text.split("\n"))
    if lines and lines[-1] == "":
        lines = lines[:-1]
    reports = tuple(parse(text, name))
    spans: list[tuple[str, int, int, tuple[str, ...] | None]] = []
    for report in reports:
        spans.extend(("indicator", i.provenance.first_line, i.provenance.last_line, None) for _, i in report.indicators())
        spans.extend(("activity", a.provenance.first_line, a.provenance.last_line, None) for _, a in report.activities())
        for table in report.budget:
            header = _budget_header(lines, table)
            spans.extend(("budget", r.provenance.first_line, r.provenance.last_line, header) for r in table.rows)
    inside = _inside_headers(lines)
    rows = []
    for kind, first, last, printed in sorted(spans, key=lambda s: (s[1], s[2])):
        nonblank = tuple(n for n in range(first, last + 1) if lines[n - 1].strip() and n not in inside)
        header = printed if printed is not None else _header(lines, kind, first)
        rows.append(Row(kind, first, last, nonblank, header))
    return Example(name, lines, reports, tuple(rows))


def _inside_headers(lines: tuple[str, ...]) -> set[int]:
    """Lines inside a repeated multi-line table header (a page break falls before it, not in it)."""
    inside: set[int] = set()
    for top, line in enumerate(lines, 1):
        if re.match(r"^\s*Indikator\s+Periodens", line):
            end = next((n for n in range(top, min(len(lines), top + 40)) if lines[n - 1].rstrip().endswith("Period")), top)
            inside.update(range(top + 1, end + 1))
    return inside


def _budget_header(lines: tuple[str, ...], table: kfcompare.BudgetTable) -> tuple[str, ...]:
    """A budget table's header as printed: the lines from the table's start to its first row,
    without the caption (which may wrap over lines) and the blank lines around; the blank
    lines between a wide header's cells stay, as a page would print them again.

    A unit report's caption on the header line ('Prevention (Fritid) Budget Utfall
    Avvikelse') is part of that line, so it is repeated with it. A table with no header
    ('no-header': a caption and one-amount rows) has none to repeat.
    """
    if not table.rows:
        return ()
    span = range(table.provenance.first_line, table.rows[0].provenance.first_line)
    printed = [n for n in span if lines[n - 1].strip()]
    caption = _squeeze(table.caption)
    if caption:
        for k in range(1, len(printed) + 1):
            text = _squeeze(" ".join(lines[n - 1] for n in printed[:k]))
            if text == caption:
                printed = printed[k:]
                break
            if not caption.startswith(text):
                break
    if not printed:
        return ()
    return lines[printed[0] - 1 : printed[-1]]


def _squeeze(text: str) -> str:
    """Text without its white space: a wrapped caption's lines compare with the model's."""
    return "".join(text.split())


def _header(lines: tuple[str, ...], kind: str, first: int) -> tuple[str, ...]:
    """The printed header of an indicator or activity table, from the nearest header line
    above the row.

    The 2020 indicator header runs over many lines down to the one ending in ``Period``; the
    other headers are one line.
    """
    pattern = _HEADER[kind]
    top = next((n for n in range(first - 1, 0, -1) if pattern.match(lines[n - 1])), None)
    if top is None:
        return ()
    if not re.match(r"^\s*Indikator\s+Periodens", lines[top - 1]):
        return (lines[top - 1],)
    end = next((n for n in range(top, min(first, top + 40)) if lines[n - 1].rstrip().endswith("Period")), None)
    return tuple(lines[top - 1 : end]) if end else ()
