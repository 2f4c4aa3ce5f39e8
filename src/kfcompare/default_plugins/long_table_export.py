"""The comparison's long table as CSV or JSON (``kfcompare compare --format csv|json``).

One row per printed value (report × indicator or budget row × column) with its file and
line: the sheet a controller pivots. CSV is plain RFC 4180 (comma, '.' decimals, UTF-8);
the printed text is kept beside the number in ``tryckt``. JSON adds the Kontroller.
A text field starting with ``= + - @``, tab or CR gets a leading ``'`` (OWASP's advice
against CSV injection), so a spreadsheet shows it instead of running it.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from attrs import asdict

from ..compare import comparison_of
from ..compare.result import Finding, LongRow
from .._escaping import csv_text
from .._export import number
from ..hookspecs import Output, RenderContext, hookimpl

#: CSV headers (Swedish) for the LongRow fields, in order
HEADERS: dict[str, str] = {
    "section": "avsnitt",
    "report": "rapport",
    "district": "stadsdel",
    "unit": "enhet",
    "kind": "typ",
    "year": "år",
    "period": "period",
    "group": "grupp",
    "item": "post",
    "key": "nyckel",
    "column": "kolumn",
    "raw": "tryckt",
    "value": "värde",
    "value_unit": "värdets enhet",
    "status": "status",
    "path": "fil",
    "line": "rad",
}


def _plain(record: LongRow | Finding) -> dict[str, Any]:
    data = asdict(record, recurse=False, filter=lambda attribute, _: attribute.name != "owner")
    return {k: number(v) if k in ("value", "expected", "printed", "difference") and not isinstance(v, (str, type(None))) else v for k, v in data.items()}


def render_csv(context: RenderContext) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADERS.values())
    for row in comparison_of(context).long_table():
        writer.writerow(_csv_field(getattr(row, f)) for f in HEADERS)
    return buffer.getvalue()


def _csv_field(value: object) -> object:
    """Empty for None; text a spreadsheet would take for a formula gets a leading ``'``."""
    if value is None:
        return ""
    return csv_text(value) if isinstance(value, str) else value


def render_json(context: RenderContext) -> str:
    comparison = comparison_of(context)
    document = {
        "reports": [report.label for report in comparison.reports],
        "long_table": [_plain(row) for row in comparison.long_table()],
        "findings": [_plain(finding) for finding in comparison.findings],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


@hookimpl
def kfcompare_outputs() -> list[Output]:
    return [
        Output(
            name="compare-csv",
            description="the comparison's long table as CSV (--format csv)",
            render=render_csv,
            commands=("compare",),
            suffix=".csv",
        ),
        Output(
            name="compare-json",
            description="the comparison's long table and Kontroller as JSON (--format json)",
            render=render_json,
            commands=("compare",),
            suffix=".json",
        ),
    ]
