"""Small hand-built reports for the workbook tests: every sheet gets something to show,
including text a spreadsheet would otherwise take for a formula."""

from __future__ import annotations

import datetime as dt

from kfcompare.model import (
    Activity,
    Assessment,
    BudgetRow,
    BudgetTable,
    Goal,
    GoalLevel,
    Indicator,
    Kind,
    ParseWarning,
    Provenance,
    Report,
)
from kfcompare.values import parse_value

#: text that Excel and LibreOffice would evaluate if it were written as a formula
RISKY = ("=1+1", "+46 8 508 000", "-5 % mot plan", "@SUM(A1:A2)")


def value(raw: str, line: int):
    return parse_value(raw, line)


def make_report(district: str, kind: Kind, path: str, shift: int = 0, risky: bool = False) -> Report:
    where = lambda a, b=None: Provenance(path, a, b or a)  # noqa: E731
    name = RISKY[0] if risky else "Andel vuxna med försörjningsstöd som gått vidare till arbete"
    indicator = Indicator(
        name=name,
        provenance=where(120),
        outcome=value(f"{40 + shift} %", 120),
        outcome_men=value(f"{38 + shift} %", 120),
        outcome_women=value(f"{42 + shift} %", 120),
        target=value("45 %", 120),
        kf_target=value("45 %", 120),
        period="2020",
        table="KF:s indikatorer",
        analysis="\n".join(RISKY) if risky else "Utfallet är lägre än målet.",
    )
    local = Indicator(name=RISKY[3] if risky else "Antal hushåll med ekonomiskt bistånd", provenance=where(130), outcome=value(f"{448 + shift}", 130), target=value("öka", 130))
    activity = Activity(
        text=RISKY[1] if risky else "Samverkan med arbetsförmedlingen",
        provenance=where(140),
        start=dt.date(2020, 1, 1),
        end=dt.date(2020, 12, 31),
        deviation=bool(shift),
    )
    board = Goal(GoalLevel.BOARD, RISKY[2] if risky else "Fler vuxna blir självförsörjande", where(110, 150), number="1.1.1", assessment=Assessment.DELVIS, assessment_raw="Uppfylls delvis", indicators=(local,), activities=(activity,))
    area = Goal(
        GoalLevel.AREA,
        "I Stockholm är människor självförsörjande och vägen till arbete och svenskkunskaper är kort",
        where(100, 150),
        number="1.1",
        assessment=Assessment.HELT if not shift else Assessment.DELVIS,
        assessment_raw="Uppfylls helt" if not shift else "Uppfylls delvis",
        indicators=(indicator,),
        goals=(board,),
    )
    unassessed = Goal(GoalLevel.AREA, "I Stockholm är det tryggt", where(160), number="1.2")
    kf = Goal(GoalLevel.KF, "En modern storstad med möjligheter och valfrihet för alla", where(90, 170), number="1", goals=(area, unassessed))
    budget = BudgetTable(
        caption="Uppföljning av driftbudget",
        unit="mnkr",
        columns=("Budget 2020", "Prognos", "Avvikelse"),
        rows=(
            BudgetRow("Individ- och familjeomsorg", (value("180,0", 200), value(f"{195 + shift},0", 200), value(f"-{15 + shift},0", 200)), where(200)),
            BudgetRow("Förskola", (value("400,5", 201), value("398,5", 201), value("2,0", 201)), where(201)),
        ),
        provenance=where(198, 201),
    )
    return Report(
        district=district,
        kind=kind,
        year=2020,
        source=Provenance(path, 1, 300),
        format="ils2020",
        period=f"{kind.value} 2020",
        goals=(kf,),
        budget=(budget,),
        warnings=(ParseWarning("the document ends mid-sentence", line=299, path=path, code="truncated"),) if shift else (),
        metadata_origin={"district": "detected", "kind": "detected", "year": "detected"},
    )


def sample_reports(risky: bool = False) -> tuple[Report, ...]:
    return (
        make_report("Hässelby-Vällingby", Kind.VB, "examples/hasselby-vallingby_vb_2020.txt", risky=risky),
        make_report("Södermalm", Kind.T1, "examples/sodermalm_t1_2020.txt", shift=3, risky=risky),
    )


def column_of(sheet, header: str, header_row: int | None = None) -> int:
    """The 1-based column whose header cell says ``header`` (the first such)."""
    for row in sheet.iter_rows(max_row=header_row or 12):
        for cell in row:
            if cell.value == header and (header_row is None or cell.row == header_row):
                return cell.column
    raise AssertionError(f"no column {header!r} in {sheet.title}")


def row_of(sheet, column: int, value: object) -> int:
    """The 1-based row whose cell in ``column`` holds ``value`` (the first such)."""
    for (cell,) in sheet.iter_rows(min_col=column, max_col=column):
        if cell.value == value:
            return cell.row
    raise AssertionError(f"no {value!r} in column {column} of {sheet.title}")


def header_row(sheet, first: str) -> int:
    """The header row: the row whose first cell is ``first``."""
    return row_of(sheet, 1, first)


def report_cell(sheet, item: str, report_title: str, label: str, item_label: str = "Indikator"):
    """On a sheet with a row per item and report (Indikatorer, Kön): that row's ``label`` cell."""
    head = header_row(sheet, "Mål")
    item_col, report_col, col = (column_of(sheet, name, head) for name in (item_label, "Rapport", label))
    for row in range(head + 1, sheet.max_row + 1):
        if sheet.cell(row, item_col).value == item and sheet.cell(row, report_col).value == report_title:
            return sheet.cell(row, col)
    raise AssertionError(f"no row {item!r} / {report_title!r} in {sheet.title}")
