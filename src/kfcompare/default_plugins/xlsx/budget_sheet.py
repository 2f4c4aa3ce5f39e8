"""Budget: per report and verksamhetsområde, budget against forecast or outcome, by level.

Each level (the nämnd's totals, the summary per verksamhetsområde, parts of an area, the
areas' own tables, investments, result items) is its own block with its own header, so no
column holds a Totalt beside its parts or one area twice. Deviations are turned so that
+ is better than budget, and a table that prints the other way says so.

Amounts are shown in mnkr only: a table printed in tkr is converted (and says so in
"Enhet i rapporten"), and a row in any other unit (st, personer) gets no amount here, so
a column of mnkr never silently holds tkr or counts. The printed values stay in Data.
"""

from __future__ import annotations

from decimal import Decimal

from xlsxwriter.workbook import Workbook

from ...compare.budget_lines import AREA, GROUPS, INVESTMENT, INVESTMENT_TOTAL, PART, RESULT, SUMMARY, TOTAL
from ...compare.result import BudgetLine, Comparison, Finding
from ...model import Value
from .overview_activities import source_name, titles_by_report
from .style import Grid, Styles

#: divisor that turns an amount in the table's unit into mnkr
TO_MNKR = {"mnkr": Decimal(1), "tkr": Decimal(1000), "kr": Decimal(1_000_000)}
LABELS = (
    "Rapport", "Verksamhetsområde", "Budget (mnkr)", "Budgetjusteringar (mnkr)", "Prognos/utfall (mnkr)",
    "Avvikelse (mnkr)", "Avvikelse (% av budget)", "Bedömning", "Jämförs med", "Teckenkonvention i rapporten",
    "Enhet i rapporten", "Tabell", "Rad", "Källfil", "Rad i filen",
)  # fmt: skip
RESULT_LABELS = ("Rapport", "Post", "Belopp (mnkr)", "Enhet i rapporten", "Tabell", "Källfil", "Rad i filen")
LIMITS = {0: 28, 1: 30, 7: 22, 8: 24, 9: 44, 10: 24, 11: 30, 12: 30}
#: each level's own block, in this order, with what it holds
GROUP_TITLES = {
    TOTAL: "Nämnden totalt – en rad per tabell som redovisar totalen (summera inte raderna)",
    SUMMARY: "Verksamhetsområden enligt sammanställningen",
    PART: "Delposter som ingår i ett verksamhetsområde ovan (till exempel avskrivningar, internräntor)",
    AREA: "Verksamhetsområden och enheter enligt sina egna tabeller (samma områden som sammanställningen; summera inte med den)",
    INVESTMENT: "Investeringar",
    INVESTMENT_TOTAL: "Investeringar totalt",
    RESULT: "Resultatposter: resultatöverföringar och resultat före/efter dem",
}
def unit_key(unit: str | None) -> str | None:
    return unit.strip().casefold().rstrip(".") if unit else None


def mnkr(value: Value | None, unit: str | None) -> Decimal | None:
    divisor = TO_MNKR.get(unit_key(unit) or "")
    if value is None or value.number is None or divisor is None:
        return None
    return value.number / divisor


def unit_label(unit: str | None) -> str:
    key = unit_key(unit)
    if key == "mnkr":
        return "mnkr"
    if key in TO_MNKR:
        return f"{unit} (omräknat till mnkr)"
    return f"{unit or 'okänd enhet'} (inget belopp i kr; se Data)"


def budget(book: Workbook, styles: Styles, comparison: Comparison) -> None:
    grid = Grid(book.add_worksheet("Budget"), styles)
    grid.text(0, 0, "Budget mot prognos (tertialrapporter) eller utfall (verksamhetsberättelser)", styles.title, fit=False)
    grid.text(
        1, 0,
        "Belopp i mnkr; tabeller i tkr är omräknade. Avvikelse: + = bättre än budget (överskott), − = sämre "
        "(underskott, med minustecken, röd markering och ordet i Bedömning); en tabell som skriver tecknet åt "
        "andra hållet är vänd här och säger det i Teckenkonvention. Varje nivå står i ett eget block, så en "
        "kolumn summerar aldrig två nivåer eller samma område två gånger.",
        styles.note, fit=False,
    )  # fmt: skip
    grid.limits.update(LIMITS)
    titles = titles_by_report(comparison.reports)
    found = findings_by_line(comparison)
    by_group: dict[str, list[BudgetLine]] = {group: [] for group in GROUPS}
    for line in comparison.budget_rows:
        by_group.setdefault(line.group, []).append(line)
    row, first_head, first_end = 2, None, None
    for group in GROUPS:
        lines = by_group[group]
        if not lines:
            continue
        row += 1
        grid.text(row, 0, GROUP_TITLES[group], styles.bold, fit=False)
        row += 1
        grid.header(row, RESULT_LABELS if group == RESULT else LABELS)
        first_head = row if first_head is None else first_head
        for line in lines:
            row += 1
            title = titles.get(id(line.report), line.report.label)
            if group == RESULT:
                write_result(grid, row, line, title)
            else:
                write_line(grid, row, line, title)
                broken = [f.message for n in range(line.provenance.first_line, line.provenance.last_line + 1)
                          for f in found.get((id(line.report), n), ())]  # fmt: skip
                if broken:
                    # the row's figures break a relation: said on the row, not only in Kontroller;
                    # an underskott keeps its red, any other row is marked as a doubtful reading
                    said = verdict(line)
                    style = grid.styles.flag["inte"] if said == "underskott" else grid.styles.doubt_text
                    grid.text(row, 7, f"{said or ''} – stämmer inte, se Kontroller".lstrip(" –"), style)
                    grid.note(row, 7, "Kontroller:\n" + "\n".join(broken))
        first_end = row if first_end is None else first_end
        row += 1
    if first_head is None or first_end is None:
        grid.header(3, LABELS)
        grid.text(4, 0, "Inga budgettabeller i rapporterna.", styles.note)
        first_head = first_end = 3
    # the filter covers the first block: a filter over all blocks would mix their levels
    grid.finish(first_head, first_end, len(LABELS) - 1)


#: the Kontroller checks of budget figures
BUDGET_CHECKS = frozenset({"netto", "summa", "avvikelse", "resultatdispositioner", "sammanställning"})


def findings_by_line(comparison: Comparison) -> dict[tuple[int, int], list[Finding]]:
    """Budget findings by (report identity, line)."""
    found: dict[tuple[int, int], list[Finding]] = {}
    for finding in comparison.findings:
        if finding.check in BUDGET_CHECKS and finding.owner is not None and finding.line is not None:
            found.setdefault((id(finding.owner), finding.line), []).append(finding)
    return found


def verdict(line: BudgetLine) -> str | None:
    """underskott / överskott / i balans, by the deviation turned to '+ = better than budget'."""
    if line.deviation is None or line.deviation.number is None:
        return None
    effect = line.deviation.number * line.factor
    if effect == 0:
        return "i balans"
    return "överskott" if effect > 0 else "underskott"


def write_line(grid: Grid, row: int, line: BudgetLine, title: str) -> None:
    styles = grid.styles
    grid.text(row, 0, title)
    grid.text(row, 1, line.area)
    # amounts in plain black: a negative budget (a table printing costs negative) is no deviation
    grid.number(row, 2, mnkr(line.budget, line.unit), styles.decimals[1])
    grid.number(row, 3, mnkr(line.adjustment, line.unit), styles.decimals[1])
    grid.number(row, 4, mnkr(line.compared, line.unit), styles.decimals[1])
    deviation = mnkr(line.deviation, line.unit)
    said = verdict(line)
    flag = styles.flag["inte"] if said == "underskott" else None
    grid.number(row, 5, None if deviation is None else deviation * line.factor, styles.mnkr)
    percent = line.deviation_percent
    grid.number(row, 6, None if percent is None else percent * line.factor / 100, styles.percent[1])
    grid.text(row, 7, said, flag)
    compared = " ".join(part for part in (line.compared_kind, line.compared_column and f"({line.compared_column})") if part)
    grid.text(row, 8, compared or None)
    grid.text(row, 9, line.convention)
    grid.text(row, 10, unit_label(line.unit))
    grid.text(row, 11, line.table)
    grid.text(row, 12, line.label)
    grid.text(row, 13, source_name(line.report))
    grid.number(row, 14, line.provenance.first_line, styles.integer)


def write_result(grid: Grid, row: int, line: BudgetLine, title: str) -> None:
    styles = grid.styles
    grid.text(row, 0, title)
    grid.text(row, 1, line.label)
    grid.number(row, 2, mnkr(line.amount, line.unit), styles.decimals[1])
    grid.text(row, 3, unit_label(line.unit))
    grid.text(row, 4, line.table)
    grid.text(row, 5, source_name(line.report))
    grid.number(row, 6, line.provenance.first_line, styles.integer)
