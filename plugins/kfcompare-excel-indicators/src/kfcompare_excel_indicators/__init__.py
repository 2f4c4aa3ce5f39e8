"""kfcompare input format ``excel_indicators``: indicator tables kept in Excel.

Controllers keep the ILS indicator export beside the PDFs: a workbook with one sheet per
goal area (columns Indikator, Utfall, Utfall kvinnor, Utfall män, Årsmål, KF:s årsmål,
Period …) and a small 'Om' sheet naming the district, report and year. This plugin reads
it into the same Report model as the text formats, so ``kfcompare parse``/``compare`` take
a workbook and a text extract side by side. Registered through the ``kfcompare``
entry-point group (see pyproject.toml).
"""

from __future__ import annotations

from kfcompare import CONTRACT_VERSION, InputFormat, ParseError, ParseOptions, Report, Source, hookimpl

from .workbook import header_row, load, read_report

__version__ = "0.1.0"
NAME = "excel_indicators"
#: the plugin contract this package was written against; kfcompare refuses a mismatch
KFCOMPARE_CONTRACT = 1
SUFFIXES = (".xlsx", ".xlsm")

if CONTRACT_VERSION != KFCOMPARE_CONTRACT:  # pragma: no cover - older kfcompare without the check
    raise ImportError(f"written for kfcompare plugin contract {KFCOMPARE_CONTRACT}, found {CONTRACT_VERSION}")


def score(source: Source) -> float:
    """0.9 for a workbook with an 'Indikator' header, a little for any .xlsx; never raises."""
    if not source.data.startswith(b"PK"):  # xlsx is a zip
        return 0.0
    suffix = 0.2 if source.suffix in SUFFIXES else 0.0
    try:
        workbook = load(source.data)
        has_header = any(header_row(sheet) is not None for sheet in workbook.worksheets)
    except Exception:  # noqa: BLE001 - not a workbook openpyxl can read: not ours
        return 0.0
    return suffix + 0.7 if has_header else suffix / 2


def parse(source: Source, options: ParseOptions) -> list[Report]:
    try:
        workbook = load(source.data)
    except Exception as exc:  # noqa: BLE001 - zipfile's and openpyxl's many errors all mean this
        raise ParseError(source.path, f"not a readable Excel workbook: {type(exc).__name__}: {exc}") from exc
    report = read_report(workbook, source.path, NAME)
    if not any(goal.indicators for goal in report.goals):
        raise ParseError(source.path, "no sheet has an indicator table (a header row naming 'Indikator' and 'Utfall')")
    return [report]


@hookimpl
def kfcompare_input_formats() -> list[InputFormat]:
    return [
        InputFormat(
            name=NAME,
            description="indicator tables in an Excel workbook, one sheet per goal area (kfcompare-excel-indicators)",
            score=score,
            parse=parse,
        )
    ]
